"""VISA resource names: parsing, canonical forms and resource queries.

A resource name such as ``GPIB::12`` is parsed into an instance of the
:class:`ResourceName` subclass registered for its interface type and resource
class (here :class:`GPIBInstr`); ``str()`` of that instance is the canonical
form, with every optional part filled with its default (``GPIB0::12::INSTR``).

Each registered class is a plain (mutable) dataclass whose fields are the parts
of the name in the order in which they are written: first the board (the text
glued to the interface keyword), then the ``::``-separated parts. A field whose
default is ``""`` is a required part. Every field holds a ``str`` (or ``None``
for a part that is absent and has no default, such as a GPIB secondary
address). Keywords (interface type, resource class) are matched without regard
to case; the fields keep the case they were written with.

:func:`filter` and :func:`filter2` implement the VISA resource regular
expressions accepted by ``list_resources``; an invalid query raises
:class:`~pyvisa.errors.VisaIOError` with ``VI_ERROR_INV_EXPR``.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

if TYPE_CHECKING:
    from typing_extensions import Self

    from .resources import Resource

from . import constants, errors
from ._exports import public_at
from ._logging import logger
from .constants import InterfaceType

__all__ = [
    "InvalidResourceName",
    "ResourceName",
    "register_subclass",
    "parse_resource_name",
    "to_canonical_name",
    "assemble_canonical_name",
    "filter",
    "filter2",
    "ASRLInstr",
    "GPIBInstr",
    "GPIBIntfc",
    "PXIBackplane",
    "PXIInstr",
    "PXIMemacc",
    "TCPIPInstr",
    "TCPIPSocket",
    "USBInstr",
    "USBRaw",
    "VXIBackplane",
    "VXIInstr",
    "VXIMemacc",
    "VXIServant",
    "VICPInstr",
    "PrlgxTCPIPIntfc",
    "PrlgxASRLIntfc",
    "NIEnet100TCPIPIntfc",
]

T = TypeVar("T", bound="type[ResourceName]")


class InvalidResourceName(ValueError):
    """The resource name is malformed or names an unknown kind of resource.

    Parameters
    ----------
    msg : str
        The complete message, also available as ``msg``.

    """

    def __init__(self, msg: str) -> None:
        super().__init__(msg)
        self.msg = msg

    def __str__(self) -> str:
        return self.msg

    @classmethod
    def bad_syntax(cls, syntax: str, resource_name: str, ex: Exception | None = None) -> Self:
        """Build the error for a name that does not follow the expected syntax.

        Parameters
        ----------
        syntax : str
            Expected syntax of the name.
        resource_name : str
            The name that could not be parsed.
        ex : Exception, optional
            What exactly was wrong; shown in parentheses after the syntax.

        """
        detail = f" ({ex})" if ex else ""
        return cls(f"Could not parse '{resource_name}'. The syntax is '{syntax}'{detail}.")

    @classmethod
    def subclass_notfound(
        cls, interface_type_resource_class: tuple[str, str], resource_name: str | None = None
    ) -> Self:
        """Build the error for an (interface type, resource class) pair without parser.

        Parameters
        ----------
        interface_type_resource_class : tuple[str, str]
            Interface type and resource class found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        message = f"Parser not found for: {interface_type_resource_class}."
        return cls(_prefixed(message, resource_name))

    @classmethod
    def rc_notfound(cls, interface_type: str, resource_name: str | None = None) -> Self:
        """Build the error for a missing resource class that has no default.

        Parameters
        ----------
        interface_type : str
            Interface type found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        message = f"Resource class for {interface_type} not provided and default not found."
        return cls(_prefixed(message, resource_name))


def _prefixed(message: str, resource_name: str | None) -> str:
    if resource_name is None:
        return message
    return f"Could not parse '{resource_name}'. {message}"


class _FieldError(InvalidResourceName, TypeError):
    """Wrong fields given to a resource-name class (missing required part, unknown name).

    Both an :class:`InvalidResourceName` and, as a constructor argument error, a
    :class:`TypeError`.
    """


# --- Part checks -------------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+")
_USB_ID = re.compile(r"0[xX][0-9a-fA-F]+|[0-9]+")
# Free text: no brackets (they protect the "::" of IPv6 addresses), no final ":"
# (it would merge with the "::" that follows).
_TEXT = re.compile(r"[^\[\]]*[^\[\]:]", re.DOTALL)
_HOST = re.compile(r"\[[^\[\]/]+\](?::[0-9]+)?|[^\[\]]*[^\[\]:]", re.DOTALL)

# check name -> (pattern that must match the whole part, description for errors);
# "none" marks a part that must stay empty (the board of VICP names).
_CHECKS: dict[str, tuple[re.Pattern[str], str]] = {
    "number": (_NUMBER, "a decimal number"),
    "usb_id": (_USB_ID, "a decimal or hexadecimal (0x...) number"),
    "host": (_HOST, "a host name or address (an IPv6 address in brackets)"),
    "text": (_TEXT, "a non-empty string without brackets or final ':'"),
}


def _part(default: str | None = "", check: str | None = None, label: str | None = None) -> Any:
    """Dataclass field of a name part: its default (``""`` = required) and its check."""
    metadata: dict[str, str] = {}
    if check is not None:
        metadata["check"] = check
    if label is not None:
        metadata["label"] = label
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class _Part:
    """How one part of a name is read: field, label for messages, default, check."""

    name: str
    label: str
    default: str | None
    check: str | None

    @property
    def required(self) -> bool:
        return self.default == ""

    def read(self, value: str) -> str | None:
        """The field value of the part written ``value`` (raise ValueError if invalid)."""
        if value == "":
            if self.required:
                raise ValueError(f"{self.name} part is mandatory")
            return self.default
        if self.check == "none":
            raise ValueError(f"no {self.label} is allowed, got '{value}'")
        if self.check is not None:
            pattern, expected = _CHECKS[self.check]
            if not pattern.fullmatch(value):
                raise ValueError(f"the {self.label} '{value}' is not {expected}")
        return value


# --- Base classes and registry -----------------------------------------------------------------


class _ResourceNameBase:
    """What every resource name has, whatever its parts (not a dataclass).

    Attributes
    ----------
    user : str | None
        The string the name was parsed from (``None`` if built from fields). It
        takes no part in comparisons.
    is_rc_optional : bool
        Whether names of this interface type may omit this resource class.

    """

    user: str | None = None
    is_rc_optional: ClassVar[bool] = False

    @classmethod
    def from_string(cls, resource_name: str) -> Self:
        """Parse a resource name.

        Parameters
        ----------
        resource_name : str
            Name to parse, e.g. ``"GPIB::12"`` or ``"TCPIP0::[fe80::1]::hislip0::INSTR"``
            (keywords in any case, optional parts may be omitted).

        Returns
        -------
        ResourceName
            A new instance of the class registered for the interface type and resource
            class of the name, with the defaults of the omitted parts filled in. When
            called on a subclass, the name must be of that kind.

        Raises
        ------
        InvalidResourceName
            If the name is malformed or not of the kind of ``cls``.
        TypeError
            If ``resource_name`` is not a ``str``.

        """
        if not isinstance(resource_name, str):
            raise TypeError(f"a resource name must be a str, not {type(resource_name).__name__}")
        kind, values = _parse_cached(resource_name)
        parsed = kind(**values)
        parsed.user = resource_name
        if not isinstance(parsed, cls):
            reason = ValueError(
                f"it names a {parsed.interface_type} {parsed.resource_class} resource"
            )
            syntax = _syntax_of(cls)  # type: ignore[arg-type]
            raise InvalidResourceName.bad_syntax(syntax, resource_name, reason)
        return parsed

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Self:
        """Build a resource name from its fields.

        Parameters
        ----------
        **kwargs : str
            ``interface_type`` and ``resource_class`` select the class (on a subclass
            they may be omitted; ``resource_class`` may be omitted for the default
            class of the interface type), the other keywords are the field values
            (``str``); omitted optional fields take their default.

        Returns
        -------
        ResourceName
            The new name, checked by parsing its canonical form.

        Raises
        ------
        InvalidResourceName
            If the interface type or resource class is unknown, a required part is
            missing ("primary_address is a required parameter"), a field is unknown or
            not a ``str``, or a value is invalid.

        """
        interface_type = kwargs.pop("interface_type", None)
        resource_class = kwargs.pop("resource_class", None)
        target = _select_subclass(cls, interface_type, resource_class)
        wrong = {k: v for k, v in kwargs.items() if v is not None and not isinstance(v, str)}
        if wrong:
            raise _FieldError(f"the fields of a resource name are str, got {wrong!r}")
        try:
            built = target(**kwargs)
        except _FieldError:
            raise
        except TypeError as ex:
            raise _FieldError(f"{target.__name__}: {ex}") from None
        text = str(built)
        reparsed = target.from_string(text)
        if reparsed != built:
            raise InvalidResourceName.bad_syntax(
                _syntax_of(target),
                text,
                ValueError(f"the fields {kwargs!r} do not give back the same name"),
            )
        return built  # type: ignore[return-value]

    def __str__(self) -> str:
        values = [getattr(self, name) for name in self._fields]  # type: ignore[attr-defined]
        board = (values[0] or "") if values else ""
        head = self.interface_type + board  # type: ignore[attr-defined]
        body = [value for value in values[1:] if value is not None]
        return "::".join([head, *body, self.resource_class])  # type: ignore[attr-defined]


@dataclass
class ResourceName(_ResourceNameBase):
    """Base class of the parsed VISA resource names.

    Subclasses are dataclasses registered with :func:`register_subclass`. Their
    fields are the parts of the name in writing order: the first one is the board
    (glued to the interface keyword), the others the ``::``-separated parts. A
    default of ``""`` marks a required part, ``None`` a part written only when
    given. Instances compare by class and fields and are mutable.

    Attributes
    ----------
    interface_type : str
        Interface type as written canonically (``"GPIB"``, ``"PRLGX-TCPIP"``...).
    resource_class : str
        Resource class (``"INSTR"``, ``"INTFC"``, ``"SOCKET"``...).
    is_rc_optional : bool
        Whether this is the resource class assumed when a name omits it.
    _fields : tuple[str, ...]
        Names of the dataclass fields, in declaration order.

    """

    interface_type: ClassVar[str]
    resource_class: ClassVar[str]

    # Filled by register_subclass.
    syntax: ClassVar[str] = ""
    _parts: ClassVar[tuple[_Part, ...]] = ()

    def __post_init__(self) -> None:
        names = _field_names(type(self))
        for name in names:
            if getattr(self, name) == "":
                raise _FieldError(f"{name} is a required parameter")
        self._fields = names

    @property
    def interface_type_const(self) -> constants.InterfaceType:
        """Interface type as a :class:`~pyvisa.constants.InterfaceType` member.

        The member named like the current ``interface_type`` in lower case with
        ``-`` read as ``_`` (``PRLGX-TCPIP`` → ``prlgx_tcpip``), ``unknown`` if
        there is none.
        """
        key = self.interface_type.lower().replace("-", "_")
        return constants.InterfaceType.__members__.get(key, constants.InterfaceType.unknown)

    @classmethod
    def from_parts(cls, *parts: str) -> Self:
        """Build a name of this class from its parts, as written in the name.

        Parameters
        ----------
        *parts : str
            The board (``""`` for the default one) followed by the ``::``-separated
            parts between the interface and the resource class. When fewer parts are
            given than the class has, the optional ones are left to their default.

        Returns
        -------
        ResourceName
            The new name.

        Raises
        ------
        ValueError
            With "not enough parts", "too many parts", "<field> part is mandatory" or
            a description of the invalid part.

        """
        specs = cls._parts or _parts_of(cls)
        if not specs:
            if any(parts):
                raise ValueError("too many parts")
            return cls()
        if not parts:
            raise ValueError("not enough parts")
        values = {specs[0].name: specs[0].read(parts[0])}
        pending, rest = list(parts[1:]), specs[1:]
        if len(pending) > len(rest):
            raise ValueError("too many parts")
        required_left = sum(1 for spec in rest if spec.required)
        if len(pending) < required_left:
            raise ValueError("not enough parts")
        spare = len(pending) - required_left
        index = 0
        for spec in rest:
            if spec.required or spare > 0:
                if not spec.required:
                    spare -= 1
                values[spec.name] = spec.read(pending[index])
                index += 1
            else:
                values[spec.name] = spec.default
        return cls(**values)


# Field names of each class (RN-2), computed once per class.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _parts_of(cls: type[ResourceName]) -> tuple[_Part, ...]:
    """How the parts of the names of ``cls`` are read, from its dataclass fields."""
    parts = []
    for f in dataclasses.fields(cls):
        default = f.default if f.default is not dataclasses.MISSING else ""
        label = f.metadata.get("label", f.name.strip("_").replace("_", " "))
        parts.append(_Part(f.name, label, default, f.metadata.get("check")))
    return tuple(parts)


def _syntax_of(cls: type[ResourceName]) -> str:
    """Syntax of the names of ``cls`` shown in error messages (built from its fields)."""
    if cls.syntax:
        return cls.syntax
    parts = cls._parts or _parts_of(cls)
    text = getattr(cls, "interface_type", "?")
    if parts and parts[0].check != "none":
        text += f"[{parts[0].label}]"
    for part in parts[1:]:
        text += f"::{part.label}" if part.required else f"[::{part.label}]"
    resource_class = getattr(cls, "resource_class", "?")
    return text + (f"[::{resource_class}]" if cls.is_rc_optional else f"::{resource_class}")


# (interface type, resource class) -> class; interface type -> resource class if omitted;
# interface type -> its registered resource classes.
_SUBCLASSES: dict[tuple[str, str], type[ResourceName]] = {}
_DEFAULT_RC: dict[str, str] = {}
_RESOURCE_CLASSES: defaultdict[str, set[str]] = defaultdict(set)
# Matcher of the interface keywords (longest first), built at the first parse after a
# registration rather than once per registered class.
_INTERFACE_RE: re.Pattern[str] | None = None


def _interface_re() -> re.Pattern[str]:
    global _INTERFACE_RE
    if _INTERFACE_RE is None:
        keywords = sorted({i for i, _ in _SUBCLASSES}, key=len, reverse=True)
        _INTERFACE_RE = re.compile(
            "(" + "|".join(map(re.escape, keywords)) + ")(.*)", re.IGNORECASE | re.DOTALL
        )
    return _INTERFACE_RE


def register_subclass(cls: T) -> T:
    """Register a :class:`ResourceName` subclass (usable as a class decorator).

    The class is registered for its ``(interface_type, resource_class)``; if its
    ``is_rc_optional`` is true, it is also used for the names of that interface
    type that omit the resource class. A field's ``metadata`` may carry a
    ``"check"`` (``"number"``, ``"usb_id"``, ``"host"``, ``"text"``, or ``"none"``
    for a board that must stay empty) and a ``"label"`` for error messages.

    Raises
    ------
    ValueError
        "Class already registered for <interface type> and <resource class>" or
        "Default already specified for <interface type>".

    """
    global _INTERFACE_RE
    interface_type = getattr(cls, "interface_type", "")
    resource_class = getattr(cls, "resource_class", "")
    if not interface_type or not resource_class:
        raise ValueError(f"{cls.__name__} must define interface_type and resource_class")
    key = (interface_type.upper(), resource_class.upper())
    if key in _SUBCLASSES:
        raise ValueError(f"Class already registered for {interface_type} and {resource_class}")
    if cls.is_rc_optional and key[0] in _DEFAULT_RC:
        raise ValueError(f"Default already specified for {interface_type}")

    cls._parts = _parts_of(cls)
    if not cls.syntax:
        cls.syntax = _syntax_of(cls)
    _SUBCLASSES[key] = cls
    _RESOURCE_CLASSES[key[0]].add(key[1])
    if cls.is_rc_optional:
        _DEFAULT_RC[key[0]] = key[1]
    _INTERFACE_RE = None
    _parse_cached.cache_clear()
    return cls


def _select_subclass(
    cls: type[_ResourceNameBase], interface_type: str | None, resource_class: str | None
) -> type[ResourceName]:
    """Class named by from_kwargs arguments, checked against ``cls``."""
    own = getattr(cls, "interface_type", None)
    if own:
        expected = (own.upper(), cls.resource_class.upper())  # type: ignore[attr-defined]
        given = ((interface_type or own).upper(), (resource_class or expected[1]).upper())
        if given != expected:
            raise InvalidResourceName(
                f"{cls.__name__} is for {'::'.join(expected)} resources, not {'::'.join(given)}"
            )
        return cls  # type: ignore[return-value]
    if not interface_type or interface_type.upper() not in _RESOURCE_CLASSES:
        raise InvalidResourceName(f"Unknown interface type: {interface_type}")
    interface_type = interface_type.upper()
    if not resource_class:
        if interface_type not in _DEFAULT_RC:
            raise InvalidResourceName.rc_notfound(interface_type)
        resource_class = _DEFAULT_RC[interface_type]
    key = (interface_type, resource_class.upper())
    if key not in _SUBCLASSES:
        raise InvalidResourceName.subclass_notfound(key)
    return _SUBCLASSES[key]


# --- Parsing -----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _parse_cached(resource_name: str) -> tuple[type[ResourceName], dict[str, str | None]]:
    """Class and field values of a name (the caller builds a fresh instance)."""
    parts = _split_bracketed(resource_name) if "[" in resource_name else resource_name.split("::")
    match = _interface_re().fullmatch(parts[0])
    if match is None:
        raise InvalidResourceName(f"Could not parse {resource_name}: unknown interface type")
    interface_type, board = match.group(1).upper(), match.group(2)
    last = parts[-1].upper()
    if len(parts) > 1 and last in _RESOURCE_CLASSES[interface_type]:
        resource_class = last
        body = parts[1:-1]
    else:
        if interface_type not in _DEFAULT_RC:
            raise InvalidResourceName.rc_notfound(interface_type, resource_name)
        resource_class = _DEFAULT_RC[interface_type]
        body = parts[1:]
    cls = _SUBCLASSES.get((interface_type, resource_class))
    if cls is None:
        raise InvalidResourceName.subclass_notfound((interface_type, resource_class), resource_name)
    try:
        parsed = cls.from_parts(board, *body)
    except ValueError as ex:
        raise InvalidResourceName.bad_syntax(cls.syntax, resource_name, ex) from None
    return cls, {name: getattr(parsed, name) for name in parsed._fields}


def _split_bracketed(text: str) -> list[str]:
    """Split ``text`` at the ``::`` outside of brackets (IPv6 addresses contain ``::``)."""
    segments = []
    start = i = 0
    inside = False
    while i < len(text):
        char = text[i]
        if char == "[":
            inside = True
        elif char == "]":
            inside = False
        elif not inside and text.startswith("::", i):
            segments.append(text[start:i])
            start = i = i + 2
            continue
        i += 1
    segments.append(text[start:])
    return segments


#: Parse a resource name (``ResourceName.from_string``): a new instance of the class
#: registered for its interface type and resource class.
parse_resource_name = ResourceName.from_string


def to_canonical_name(resource_name: str) -> str:
    """Return the canonical form of a resource name.

    Parameters
    ----------
    resource_name : str
        Name to normalise.

    Returns
    -------
    str
        ``str(parse_resource_name(resource_name))``, e.g. ``"GPIB0::12::INSTR"``
        for ``"gpib::12"``.

    """
    return str(parse_resource_name(resource_name))


def assemble_canonical_name(**kwargs: Any) -> str:
    """Return the canonical resource name made of the given parts.

    Parameters
    ----------
    **kwargs : str
        ``interface_type``, ``resource_class`` and field values, as for
        ``ResourceName.from_kwargs``.

    Returns
    -------
    str
        ``str(ResourceName.from_kwargs(**kwargs))``, e.g. ``"VICP::h::INSTR"``.

    """
    return str(ResourceName.from_kwargs(**kwargs))


# --- The kinds of resource names ---------------------------------------------------------------


@register_subclass
@dataclass
class ASRLInstr(ResourceName):
    """Serial instrument ``ASRLboard[::INSTR]``; the board is any string (``1``, ``/dev/ttyS0``)."""

    interface_type: ClassVar[str] = "ASRL"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "ASRLboard[::INSTR]"

    board: str = _part("0", "text")


@register_subclass
@dataclass
class GPIBInstr(ResourceName):
    """GPIB instrument ``GPIB[board]::primary address[::secondary address][::INSTR]``."""

    interface_type: ClassVar[str] = "GPIB"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "GPIB[board]::primary address[::secondary address][::INSTR]"

    board: str = _part("0", "number")
    primary_address: str = _part("", "number")
    secondary_address: str | None = _part(None, "number")


@register_subclass
@dataclass
class GPIBIntfc(ResourceName):
    """GPIB interface ``GPIB[board]::INTFC``."""

    interface_type: ClassVar[str] = "GPIB"
    resource_class: ClassVar[str] = "INTFC"
    syntax: ClassVar[str] = "GPIB[board]::INTFC"

    board: str = _part("0", "number")


@register_subclass
@dataclass
class PXIBackplane(ResourceName):
    """PXI backplane ``PXI[interface]::chassis number::BACKPLANE``."""

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "BACKPLANE"
    syntax: ClassVar[str] = "PXI[interface]::chassis number::BACKPLANE"

    interface: str = _part("0", "number")
    chassis_number: str = _part("", "number")


@register_subclass
@dataclass
class PXIMemacc(ResourceName):
    """PXI memory access ``PXI[interface]::MEMACC``."""

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "MEMACC"
    syntax: ClassVar[str] = "PXI[interface]::MEMACC"

    interface: str = _part("0", "number")


_PXI_BUS_DEVICE = re.compile(r"([0-9]+)-([0-9]+)(?:\.([0-9]+))?")
_PXI_CHASSIS = re.compile(r"CHASSIS([0-9]+)", re.IGNORECASE)
_PXI_SLOT = re.compile(r"SLOT([0-9]+)", re.IGNORECASE)
_PXI_FUNC = re.compile(r"FUNC([0-9]+)", re.IGNORECASE)


@register_subclass
@dataclass
class PXIInstr(ResourceName):
    """PXI instrument, in one of the three forms of the VISA grammar.

    PyVISA 1.16.2 does not parse PXI INSTR names; this package does, since VISA
    defines them. ``PXI[bus]::device[::function][::INSTR]`` and
    ``PXI[interface]::bus-device[.function][::INSTR]`` both give ``bus`` and
    ``device`` (``chassis_number`` and ``slot_number`` are ``None``); the first
    form implies interface 0. ``PXI[interface]::CHASSISn::SLOTm[::FUNCk][::INSTR]``
    gives ``chassis_number`` and ``slot_number`` (``bus`` and ``device`` are
    ``None``). ``function`` defaults to ``"0"``. The canonical form is the first
    form for interface 0 (``PXI2::12::1::INSTR``), the second one for other
    interfaces (``PXI1::2-12.1::INSTR``), the third one for chassis and slot
    numbers (``PXI0::CHASSIS1::SLOT3::INSTR``); a function 0 is not written.
    """

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = (
        "PXI[bus]::device[::function][::INSTR] or "
        "PXI[interface]::bus-device[.function][::INSTR] or "
        "PXI[interface]::CHASSISchassis number::SLOTslot number[::FUNCfunction][::INSTR]"
    )

    interface: str = "0"
    bus: str | None = None
    device: str | None = None
    function: str = "0"
    chassis_number: str | None = None
    slot_number: str | None = None

    @classmethod
    def from_parts(cls, *parts: str) -> Self:
        """Build a PXI instrument name from its parts (see the class documentation)."""
        board, segments = (parts[0] if parts else ""), parts[1:]
        interface = board or "0"
        if not _NUMBER.fullmatch(interface):
            raise ValueError(f"the interface '{board}' is not a decimal number")
        if not 1 <= len(segments) <= 3:
            raise ValueError("not enough parts" if not segments else "too many parts")
        chassis = _PXI_CHASSIS.fullmatch(segments[0])
        if chassis or segments[0][:7].upper() == "CHASSIS":
            if chassis is None or len(segments) == 1:
                raise ValueError("expected CHASSISn::SLOTm[::FUNCk]")
            slot = _PXI_SLOT.fullmatch(segments[1])
            func = _PXI_FUNC.fullmatch(segments[2]) if len(segments) == 3 else None
            if slot is None or (len(segments) == 3 and func is None):
                raise ValueError("expected CHASSISn::SLOTm[::FUNCk] with decimal numbers")
            return cls(
                interface=interface,
                chassis_number=chassis.group(1),
                slot_number=slot.group(1),
                function=func.group(1) if func else "0",
            )
        bus_device = _PXI_BUS_DEVICE.fullmatch(segments[0])
        if bus_device is not None and len(segments) == 1:
            return cls(
                interface=interface,
                bus=bus_device.group(1),
                device=bus_device.group(2),
                function=bus_device.group(3) or "0",
            )
        if len(segments) > 2 or not all(_NUMBER.fullmatch(s) for s in segments):
            raise ValueError("expected device[::function] or bus-device[.function] decimal numbers")
        return cls(
            interface="0",
            bus=interface,
            device=segments[0],
            function=segments[1] if len(segments) == 2 else "0",
        )

    def __str__(self) -> str:
        function = [] if self.function == "0" else [self.function]
        if self.chassis_number is not None:
            body = [f"CHASSIS{self.chassis_number}", f"SLOT{self.slot_number}"]
            body += [f"FUNC{f}" for f in function]
            head = f"PXI{self.interface}"
        elif self.interface == "0":
            head, body = f"PXI{self.bus}", [f"{self.device}", *function]
        else:
            head = f"PXI{self.interface}"
            body = [f"{self.bus}-{self.device}" + "".join(f".{f}" for f in function)]
        return "::".join([head, *body, self.resource_class])


@register_subclass
@dataclass
class TCPIPInstr(ResourceName):
    """LAN instrument ``TCPIP[board]::host address[::LAN device name][::INSTR]``.

    ``host_address`` is kept as written: it may carry a port (``localhost:2222``)
    and an IPv6 address keeps its brackets (``[fe80::1]``). ``lan_device_name``
    defaults to ``"inst0"`` (``hislip0``, ``hislip0,4880``... for HiSLIP).
    """

    interface_type: ClassVar[str] = "TCPIP"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "TCPIP[board]::host address[::LAN device name][::INSTR]"

    board: str = _part("0", "number")
    host_address: str = _part("", "host")
    lan_device_name: str = _part("inst0", "text", "LAN device name")


@register_subclass
@dataclass
class TCPIPSocket(ResourceName):
    """Raw TCP socket ``TCPIP[board]::host address::port::SOCKET``."""

    interface_type: ClassVar[str] = "TCPIP"
    resource_class: ClassVar[str] = "SOCKET"
    syntax: ClassVar[str] = "TCPIP[board]::host address::port::SOCKET"

    board: str = _part("0", "number")
    host_address: str = _part("", "host")
    port: str = _part("", "number")


@register_subclass
@dataclass
class USBInstr(ResourceName):
    """USB instrument ``USB[board]::manufacturer ID::model code::serial number[::USB interface number][::INSTR]``."""  # noqa: E501

    interface_type: ClassVar[str] = "USB"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = (
        "USB[board]::manufacturer ID::model code::serial number[::USB interface number][::INSTR]"
    )

    board: str = _part("0", "number")
    manufacturer_id: str = _part("", "usb_id", "manufacturer ID")
    model_code: str = _part("", "usb_id")
    serial_number: str = _part("", "text")
    usb_interface_number: str = _part("0", "number", "USB interface number")


@register_subclass
@dataclass
class USBRaw(ResourceName):
    """Raw USB device ``USB[board]::manufacturer ID::model code::serial number[::USB interface number]::RAW``."""  # noqa: E501

    interface_type: ClassVar[str] = "USB"
    resource_class: ClassVar[str] = "RAW"
    syntax: ClassVar[str] = (
        "USB[board]::manufacturer ID::model code::serial number[::USB interface number]::RAW"
    )

    board: str = _part("0", "number")
    manufacturer_id: str = _part("", "usb_id", "manufacturer ID")
    model_code: str = _part("", "usb_id")
    serial_number: str = _part("", "text")
    usb_interface_number: str = _part("0", "number", "USB interface number")


@register_subclass
@dataclass
class VXIBackplane(ResourceName):
    """VXI mainframe ``VXI[board][::VXI logical address]::BACKPLANE``.

    The logical address is a required field; a name that omits it reads as
    logical address ``"0"``, as the VISA grammar says.
    """

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "BACKPLANE"
    syntax: ClassVar[str] = "VXI[board][::VXI logical address]::BACKPLANE"

    board: str = _part("0", "number")
    vxi_logical_address: str = _part("", "number", "VXI logical address")

    @classmethod
    def from_parts(cls, *parts: str) -> Self:
        """Build a VXI backplane name; the logical address defaults to ``"0"`` here."""
        if len(parts) == 1:
            parts = (parts[0], "0")
        return super().from_parts(*parts)


@register_subclass
@dataclass
class VXIInstr(ResourceName):
    """VXI instrument ``VXI[board]::VXI logical address[::INSTR]``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "VXI[board]::VXI logical address[::INSTR]"

    board: str = _part("0", "number")
    vxi_logical_address: str = _part("", "number", "VXI logical address")


@register_subclass
@dataclass
class VXIMemacc(ResourceName):
    """VXI register access ``VXI[board]::MEMACC``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "MEMACC"
    syntax: ClassVar[str] = "VXI[board]::MEMACC"

    board: str = _part("0", "number")


@register_subclass
@dataclass
class VXIServant(ResourceName):
    """VXI servant (device side) ``VXI[board]::SERVANT``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "SERVANT"
    syntax: ClassVar[str] = "VXI[board]::SERVANT"

    board: str = _part("0", "number")


@register_subclass
@dataclass
class VICPInstr(ResourceName):
    """LeCroy VICP instrument ``VICP::host address[::INSTR]``.

    The name has no board: the first field, ``_unused``, stands for it and is
    always ``None``.
    """

    interface_type: ClassVar[str] = "VICP"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "VICP::host address[::INSTR]"

    _unused: None = _part(None, "none", "board number")
    host_address: str = _part("", "host")


@register_subclass
@dataclass
class PrlgxTCPIPIntfc(ResourceName):
    """Prologix GPIB-ETHERNET adapter ``PRLGX-TCPIP[board]::host address[::port]::INTFC``."""

    interface_type: ClassVar[str] = "PRLGX-TCPIP"
    resource_class: ClassVar[str] = "INTFC"
    syntax: ClassVar[str] = "PRLGX-TCPIP[board]::host address[::port]::INTFC"

    board: str = _part("0", "number")
    host_address: str = _part("", "host")
    port: str = _part("1234", "number")


@register_subclass
@dataclass
class PrlgxASRLIntfc(ResourceName):
    """Prologix GPIB-USB adapter ``PRLGX-ASRL[board]::serial device::INTFC``."""

    interface_type: ClassVar[str] = "PRLGX-ASRL"
    resource_class: ClassVar[str] = "INTFC"
    syntax: ClassVar[str] = "PRLGX-ASRL[board]::serial device::INTFC"

    board: str = _part("0", "number")
    serial_device: str = _part("", "text")


@register_subclass
@dataclass
class NIEnet100TCPIPIntfc(ResourceName):
    """NI GPIB-ENET/100 bridge ``NI-ENET100-TCPIP[board]::host address::INTFC``."""

    interface_type: ClassVar[str] = "NI-ENET100-TCPIP"
    resource_class: ClassVar[str] = "INTFC"
    syntax: ClassVar[str] = "NI-ENET100-TCPIP[board]::host address::INTFC"

    board: str = _part("0", "number")
    host_address: str = _part("", "host")


# --- Resource queries --------------------------------------------------------------------------


class _InvalidQuery(ValueError):
    """Detail of an invalid query; reported as VisaIOError(VI_ERROR_INV_EXPR)."""


def _invalid_expression(query: str, ex: _InvalidQuery) -> errors.VisaIOError:
    logger.debug("invalid resource query %r: %s", query, ex)
    return errors.VisaIOError(constants.StatusCode.error_invalid_expression)


def filter(resources: Iterable[str], query: str) -> tuple[str, ...]:
    """Select the resource names matching a VISA resource regular expression.

    ``?`` matches any one character, ``*`` and ``+`` zero/one or more occurrences
    of the preceding character or group, ``[list]`` / ``[^list]`` one character
    (not) in the list (with ``a-z`` ranges), ``exp|exp`` either expression,
    ``(exp)`` groups, and a backslash makes the next character ordinary. Matching
    is case-insensitive and the expression must match the whole name. The names
    are not parsed.

    An attribute expression (from ``{`` on) is not supported here: it is ignored
    and a warning is logged (use :func:`filter2`).

    Parameters
    ----------
    resources : Iterable[str]
        Resource names, e.g. as listed by a backend.
    query : str
        VISA resource regular expression, e.g. ``"?*::INSTR"``.

    Returns
    -------
    tuple[str, ...]
        The matching names, in input order.

    Raises
    ------
    pyvisa.errors.VisaIOError
        With ``VI_ERROR_INV_EXPR`` if the query is not a valid VISA resource
        regular expression.

    """
    if not isinstance(query, str):
        raise TypeError(f"a resource query must be a str, not {type(query).__name__}")
    if "{" in query:
        query = query[: query.index("{")]
        logger.warning("optional part of the query expression not supported. See filter2")
    try:
        match = _compile_regex(query).fullmatch
    except _InvalidQuery as ex:
        raise _invalid_expression(query, ex) from ex
    return tuple(name for name in resources if match(name))


def filter2(
    resources: Iterable[str], query: str, open_resource: Callable[[str], Resource]
) -> tuple[str, ...]:
    """Select resources by VISA regular expression and attribute expression.

    The optional attribute expression ``{...}`` that ends the query tests VISA
    attributes: operands are ``VI_...`` attribute names, integers (decimal or
    ``0x`` hexadecimal) and double-quoted strings, compared with ``==``, ``!=``,
    ``<``, ``<=``, ``>``, ``>=`` (as Python compares them: a string never equals
    a number) and combined with ``&&``, ``||``, ``!`` and parentheses.

    These attributes are answered from the parsed resource name, without opening
    anything: ``VI_ATTR_INTF_NUM``, ``VI_ATTR_MANF_ID``, ``VI_ATTR_MODEL_CODE``,
    ``VI_ATTR_USB_SERIAL_NUM`` (the ``str`` parts), ``VI_ATTR_USB_INTFC_NUM``,
    ``VI_ATTR_TCPIP_ADDR``, ``VI_ATTR_TCPIP_DEVICE_NAME``, ``VI_ATTR_TCPIP_PORT``,
    ``VI_ATTR_GPIB_PRIMARY_ADDR``, ``VI_ATTR_GPIB_SECONDARY_ADDR``,
    ``VI_ATTR_PXI_CHASSIS`` and ``VI_ATTR_MAINFRAME_LA``. For any other attribute,
    the resource is opened with ``open_resource`` (at most once, only when
    needed), its ``get_visa_attribute`` is called with the numeric attribute id
    (the name itself if it is not a known constant), and the resource is closed
    once evaluated. Any exception raised while evaluating the expression for a
    resource (attribute not supported, resource that cannot be opened...)
    excludes that resource and is logged on the ``pyvisa`` logger.

    Parameters
    ----------
    resources : Iterable[str]
        Resource names.
    query : str
        VISA resource regular expression, optionally followed by ``{expression}``.
    open_resource : Callable[[str], Resource]
        Opens a resource by name.

    Returns
    -------
    tuple[str, ...]
        The matching names, in input order.

    Raises
    ------
    pyvisa.errors.VisaIOError
        With ``VI_ERROR_INV_EXPR`` if the regular expression or the attribute
        expression is malformed (e.g. a ``{`` without ``}``).

    """
    if not isinstance(query, str):
        raise TypeError(f"a resource query must be a str, not {type(query).__name__}")
    try:
        pattern, clause = _split_query(query)
        match = _compile_regex(pattern).fullmatch
        expression = _compile_expression(clause) if clause.strip() else None
    except _InvalidQuery as ex:
        raise _invalid_expression(query, ex) from ex
    candidates = [name for name in resources if match(name)]
    if expression is None:
        return tuple(candidates)
    return tuple(name for name in candidates if _evaluate(name, clause, expression, open_resource))


def _split_query(query: str) -> tuple[str, str]:
    """The regular expression and the attribute expression (``""`` if none) of a query."""
    start = query.find("{")
    if start < 0:
        return query, ""
    end = query.rfind("}")
    if end < start:
        raise _InvalidQuery("the attribute expression must end with '}'")
    if query[end + 1 :].strip():
        raise _InvalidQuery("text after the attribute expression")
    return query[:start], query[start + 1 : end]


def _evaluate(
    name: str, clause: str, expression: _Node, open_resource: Callable[[str], Resource]
) -> bool:
    """Evaluate an attribute expression on one resource (False on any exception)."""
    attributes = _ResourceAttributes(name, open_resource)
    try:
        return bool(expression(attributes.get))
    except Exception:
        logger.exception("Failed to evaluate %s on %s", clause, name)
        return False
    finally:
        attributes.close()


class _ResourceAttributes:
    """Attribute values of one resource: from its name, else from the opened resource."""

    def __init__(self, name: str, open_resource: Callable[[str], Resource]) -> None:
        self.name = name
        self.open_resource = open_resource
        self.resource: Any = None
        self.cache: dict[str, Any] = {}
        self._parsed: ResourceName | None = None
        self._parse_failed = False

    def parsed(self) -> ResourceName | None:
        if self._parsed is None and not self._parse_failed:
            try:
                self._parsed = parse_resource_name(self.name)
            except InvalidResourceName:
                self._parse_failed = True
        return self._parsed

    def get(self, attribute: str) -> Any:
        if attribute not in self.cache:
            from_name = _NAME_ATTRIBUTES.get(attribute)
            parsed = self.parsed() if from_name is not None else None
            if from_name is not None and parsed is not None:
                value = from_name(parsed)
            else:
                value = self.read(attribute)
            self.cache[attribute] = value
        return self.cache[attribute]

    def read(self, attribute: str) -> Any:
        if self.resource is None:
            self.resource = self.open_resource(self.name)
        attribute_id = getattr(constants, attribute, None)
        key = attribute_id if isinstance(attribute_id, int) else attribute
        return self.resource.get_visa_attribute(key)

    def close(self) -> None:
        if self.resource is not None:
            try:
                self.resource.close()
            except Exception:
                logger.exception("Failed to close %s", self.name)


def _not_supported() -> errors.VisaIOError:
    return errors.VisaIOError(constants.StatusCode.error_nonsupported_attribute)


def _interface_number(parsed: ResourceName) -> int:
    board = getattr(parsed, "board", None)
    if board is None:
        board = getattr(parsed, "interface", None)
    if board is None:
        raise _not_supported()
    return int(board)


def _field_of(
    kinds: tuple[type[ResourceName], ...], name: str, convert: Callable[[Any], Any] = str
) -> Callable[[ResourceName], Any]:
    def value(parsed: ResourceName) -> Any:
        if not isinstance(parsed, kinds) or getattr(parsed, name, None) is None:
            raise _not_supported()
        return convert(getattr(parsed, name))

    return value


def _secondary_address(parsed: ResourceName) -> int:
    if not isinstance(parsed, GPIBInstr):
        raise _not_supported()
    if parsed.secondary_address is None:
        return constants.VI_NO_SEC_ADDR
    return int(parsed.secondary_address)


_USB = (USBInstr, USBRaw)

# Attributes answered from the parsed resource name (RN-13).
_NAME_ATTRIBUTES: dict[str, Callable[[ResourceName], Any]] = {
    "VI_ATTR_INTF_NUM": _interface_number,
    "VI_ATTR_MANF_ID": _field_of(_USB, "manufacturer_id"),
    "VI_ATTR_MODEL_CODE": _field_of(_USB, "model_code"),
    "VI_ATTR_USB_SERIAL_NUM": _field_of(_USB, "serial_number"),
    "VI_ATTR_USB_INTFC_NUM": _field_of(_USB, "board", int),
    "VI_ATTR_TCPIP_ADDR": _field_of((TCPIPInstr, TCPIPSocket), "host_address"),
    "VI_ATTR_TCPIP_DEVICE_NAME": _field_of((TCPIPInstr,), "lan_device_name"),
    "VI_ATTR_TCPIP_PORT": _field_of((TCPIPSocket,), "port", int),
    "VI_ATTR_GPIB_PRIMARY_ADDR": _field_of((GPIBInstr,), "primary_address", int),
    "VI_ATTR_GPIB_SECONDARY_ADDR": _secondary_address,
    "VI_ATTR_PXI_CHASSIS": _field_of((PXIBackplane, PXIInstr), "chassis_number", int),
    "VI_ATTR_MAINFRAME_LA": _field_of((VXIInstr, VXIBackplane), "vxi_logical_address", int),
}


#: Longest query part whose compiled form is kept for later calls; a longer one is compiled
#: for the call and dropped with it, so that no large query leaves memory behind.
_CACHED_QUERY_LENGTH = 256

_Compiled = TypeVar("_Compiled")


def _cached_if_short(build: Callable[[str], _Compiled]) -> Callable[[str], _Compiled]:
    """``build``, with the results for texts of at most :data:`_CACHED_QUERY_LENGTH` kept."""
    cached = functools.lru_cache(maxsize=128)(build)

    def compiled(text: str) -> _Compiled:
        return cached(text) if len(text) <= _CACHED_QUERY_LENGTH else build(text)

    return compiled


@_cached_if_short
def _compile_regex(query: str) -> _Automaton:
    """Matcher of a VISA regular expression (the part of a query before ``{``)."""
    automaton, end = _RegexParser(query).parse()
    if end != len(query):
        raise _InvalidQuery(f"unexpected '{query[end]}' at position {end}")
    return automaton


@_cached_if_short
def _compile_expression(clause: str) -> _Node:
    """Evaluator of an attribute expression (the text between ``{`` and ``}``)."""
    return _ExpressionParser(clause).parse()


# A compiled expression node: called with a getter (attribute name -> value).
_Node = Callable[[Callable[[str], Any]], Any]

_COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_WORDS = {"and": "&&", "or": "||", "not": "!"}

_EXPR_TOKEN = re.compile(
    r"""\s*(?:
      (?P<op>==|!=|<=|>=|<|>|&&|\|\||!|\(|\))
    | (?P<word>and|or|not)(?![A-Za-z0-9_])
    | (?P<attr>[Vv][Ii]_[A-Za-z0-9_]*)
    | (?P<num>[-+]?(?:0x[0-9A-Fa-f]+|[0-9]+))(?![A-Za-z0-9_])
    | (?P<str>"(?:[^"\\]|\\.)*")
    )""",
    re.VERBOSE | re.DOTALL,
)
_STRING_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _ExpressionParser:
    """Recursive-descent parser of attribute expressions.

    expr := term ('||' term)* ; term := factor ('&&' factor)* ;
    factor := '!' factor | comparison ; comparison := primary [op primary] ;
    primary := '(' expr ')' | VI_name | number | "string"
    """

    def __init__(self, clause: str) -> None:
        self.tokens = self._tokenize(clause)
        self.index = 0
        self.depth = 0

    @staticmethod
    def _tokenize(text: str) -> list[tuple[str, str, int]]:
        tokens = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            match = _EXPR_TOKEN.match(text, position)
            if match is None or match.lastgroup is None:
                raise _InvalidQuery(f"unexpected text at position {position}")
            kind, value = match.lastgroup, match.group(match.lastgroup)
            if kind == "word":
                kind, value = "op", _WORDS[value]
            tokens.append((kind, value, match.start(kind)))
            position = match.end()
        return tokens

    def _peek(self) -> str | None:
        if self.index < len(self.tokens):
            kind, value, _ = self.tokens[self.index]
            return value if kind == "op" else None
        return None

    def _next(self, what: str) -> tuple[str, str, int]:
        if self.index == len(self.tokens):
            raise _InvalidQuery(f"expected {what}, the attribute expression ended")
        token = self.tokens[self.index]
        self.index += 1
        return token

    def _nest(self, position: int) -> None:
        if self.depth == _MAX_NESTING:
            raise _InvalidQuery(f"'!' and '(' nested more than {_MAX_NESTING} deep at {position}")
        self.depth += 1

    def parse(self) -> _Node:
        node = self._expr()
        if self.index != len(self.tokens):
            raise _InvalidQuery(f"unexpected token at position {self.tokens[self.index][2]}")
        return node

    def _expr(self) -> _Node:
        terms = [self._term()]
        while self._peek() == "||":
            self.index += 1
            terms.append(self._term())
        if len(terms) == 1:
            return terms[0]
        return lambda get: any(term(get) for term in terms)

    def _term(self) -> _Node:
        factors = [self._factor()]
        while self._peek() == "&&":
            self.index += 1
            factors.append(self._factor())
        if len(factors) == 1:
            return factors[0]
        return lambda get: all(factor(get) for factor in factors)

    def _factor(self) -> _Node:
        if self._peek() == "!":
            self._nest(self.tokens[self.index][2])
            self.index += 1
            negated = self._factor()
            self.depth -= 1
            return lambda get: not negated(get)
        left = self._primary()
        op = self._peek()
        if op not in _COMPARISONS:
            return left
        self.index += 1
        right = self._primary()
        compare = _COMPARISONS[op]
        return lambda get: compare(left(get), right(get))

    def _primary(self) -> _Node:
        kind, value, position = self._next("an operand")
        if kind == "op" and value == "(":
            self._nest(position)
            inner = self._expr()
            if self._next("')'")[1] != ")":
                raise _InvalidQuery(f"expected ')' at position {self.tokens[self.index - 1][2]}")
            self.depth -= 1
            return inner
        if kind == "attr":
            name = value.upper()
            return lambda get: get(name)
        literal: int | str
        if kind == "num":
            literal = _literal_int(value)
        elif kind == "str":
            literal = _STRING_ESCAPE.sub(r"\1", value[1:-1])
        else:
            raise _InvalidQuery(f"expected an operand at position {position}")
        return lambda get: literal


def _literal_int(text: str) -> int:
    """Value of a decimal or 0x-hexadecimal literal (leading zeros allowed)."""
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    return sign * (int(digits, 16) if digits[:2].lower() == "0x" else int(digits, 10))


#: Deepest nesting of groups, ``!`` and parentheses accepted in a query (the parsers recurse).
_MAX_NESTING = 100

#: Deterministic states an automaton records at most, and total size of their sets of
#: states plus recorded transitions (or 16 times the number of states of the automaton if
#: larger): beyond, matching goes on without recording, so that the memory of a query stays
#: bounded whatever the names matched.
_MAX_DFA_STATES = 1024
_MAX_DFA_SIZE = 16384

# A consuming transition of the automaton: (character test, target state).
_Edge = tuple[Callable[[str], bool], int]


class _Automaton:
    """Case-insensitive VISA regular expression, matched in linear time.

    The expression is compiled into a nondeterministic automaton (one consuming
    transition or epsilon transitions per state) whose deterministic states
    (sets of states) are built lazily as names are matched, so that no query
    can make matching backtrack (Python's ``re`` can take exponential time on
    queries such as ``(?*)*x``).
    """

    def __init__(self) -> None:
        self.epsilon: list[list[int]] = []
        self.edges: list[_Edge | None] = []
        self.final = -1
        # deterministic states: their sets of states, transitions, acceptance
        self._sets: list[frozenset[int]] = []
        self._ids: dict[frozenset[int], int] = {}
        self._rows: list[dict[str, int]] = []
        self._accepting: list[bool] = []
        self._size = 0  # total size of the recorded sets, plus the recorded transitions
        self._size_limit = _MAX_DFA_SIZE
        self._lock = threading.Lock()

    def new_state(self) -> int:
        self.epsilon.append([])
        self.edges.append(None)
        return len(self.edges) - 1

    def finish(self, start: int, final: int) -> None:
        """Fix the start and final states (the start becomes deterministic state 0)."""
        self.final = final
        self._size_limit = max(_MAX_DFA_SIZE, 16 * len(self.edges))
        self._state_id(self._closure({start}))

    def fullmatch(self, name: str) -> bool:
        """Whether the expression matches the whole of ``name``."""
        rows = self._rows
        sets = self._sets
        state = 0
        for index, char in enumerate(name):
            target = rows[state].get(char)
            if target is None:
                target = self._step(state, char)
                if target < 0:  # no room left for new deterministic states
                    return self._simulate(sets[state], name[index:])
            state = target
            if not sets[state]:
                return False
        return self._accepting[state]

    def _targets(self, states: Iterable[int], char: str) -> frozenset[int]:
        """States reached from ``states`` by consuming ``char`` (epsilon closure included)."""
        edges = self.edges
        targets = []
        for source in states:
            edge = edges[source]
            if edge is not None and edge[0](char):
                targets.append(edge[1])
        return self._closure(targets)

    def _simulate(self, states: frozenset[int], rest: str) -> bool:
        """Match ``rest`` from ``states`` without recording deterministic states."""
        for char in rest:
            states = self._targets(states, char)
            if not states:
                return False
        return self.final in states

    def _closure(self, states: Iterable[int]) -> frozenset[int]:
        seen = set(states)
        stack = list(seen)
        while stack:
            for target in self.epsilon[stack.pop()]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)

    def _state_id(self, states: frozenset[int]) -> int:
        if states not in self._ids:
            self._ids[states] = len(self._sets)
            self._size += len(states)
            self._sets.append(states)
            self._rows.append({})
            self._accepting.append(self.final in states)
        return self._ids[states]

    def _step(self, state: int, char: str) -> int:
        """Deterministic transition from ``state`` on ``char``, built and recorded.

        Return -1 if the target is a new state and there is no room left to record it: the
        caller then simulates the automaton. Once the budget is spent, a transition to a
        recorded state is returned without being recorded (the cache stays bounded).
        """
        with self._lock:
            states = self._targets(self._sets[state], char)
            if states not in self._ids and (
                len(self._sets) >= _MAX_DFA_STATES or self._size + len(states) > self._size_limit
            ):
                return -1
            target = self._state_id(states)
            if self._size < self._size_limit:
                self._rows[state][char] = target
                self._size += 1
            return target


class _RegexParser:
    """Compile the VISA regex part of a query (up to ``{`` or the end) into an automaton.

    alternatives := sequence ('|' sequence)* ; sequence := (atom ['*' | '+'])* ;
    atom := '?' | '[' list ']' | '(' alternatives ')' | '\\' char | char
    """

    def __init__(self, query: str) -> None:
        self.query = query
        self.index = 0
        self.depth = 0
        self.automaton = _Automaton()

    def _error(self, message: str) -> _InvalidQuery:
        return _InvalidQuery(
            f"Invalid resource query {self.query!r}: {message} at position {self.index}"
        )

    def _peek(self) -> str:
        return self.query[self.index] if self.index < len(self.query) else ""

    def parse(self) -> tuple[_Automaton, int]:
        start, final = self._alternatives()
        if self._peek() == ")":
            raise self._error("unbalanced ')'")
        self.automaton.finish(start, final)
        return self.automaton, self.index

    def _alternatives(self) -> tuple[int, int]:
        fragments = [self._sequence()]
        while self._peek() == "|":
            self.index += 1
            fragments.append(self._sequence())
        if len(fragments) == 1:
            return fragments[0]
        new = self.automaton.new_state
        start, final = new(), new()
        for first, last in fragments:
            self.automaton.epsilon[start].append(first)
            self.automaton.epsilon[last].append(final)
        return start, final

    def _sequence(self) -> tuple[int, int]:
        automaton = self.automaton
        start = last = automaton.new_state()
        while self._peek() not in ("", "|", ")", "{"):
            first, end = self._atom()
            quantifier = self._peek()
            if quantifier in ("*", "+"):
                self.index += 1
                if self._peek() in ("*", "+"):
                    raise self._error("a quantifier cannot follow another one")
                first, end = self._repeat(first, end, quantifier == "*")
            automaton.epsilon[last].append(first)
            last = end
        return start, last

    def _repeat(self, first: int, last: int, allow_none: bool) -> tuple[int, int]:
        start, final = self.automaton.new_state(), self.automaton.new_state()
        self.automaton.epsilon[start].append(first)
        self.automaton.epsilon[last].extend((first, final))
        if allow_none:
            self.automaton.epsilon[start].append(final)
        return start, final

    def _atom(self) -> tuple[int, int]:
        char = self.query[self.index]
        if char in "*+":
            raise self._error(f"'{char}' must follow a character, a list or a group")
        if char == "(":
            if self.depth == _MAX_NESTING:
                raise self._error(f"groups are nested more than {_MAX_NESTING} deep")
            self.index += 1
            self.depth += 1
            fragment = self._alternatives()
            if self._peek() != ")":
                raise self._error("unbalanced '('")
            self.index += 1
            self.depth -= 1
            return fragment
        if char == "[":
            return self._edge(self._list())
        self.index += 1
        if char == "?":
            return self._edge(_any_char)
        if char == "\\":
            if self.index == len(self.query):
                raise self._error("nothing to escape after the backslash")
            char = self.query[self.index]
            self.index += 1
        variants = frozenset((char, char.lower(), char.upper()))
        return self._edge(variants.__contains__)

    def _edge(self, test: Callable[[str], bool]) -> tuple[int, int]:
        start, final = self.automaton.new_state(), self.automaton.new_state()
        self.automaton.edges[start] = (test, final)
        return start, final

    def _list(self) -> Callable[[str], bool]:
        """Character test of the ``[list]`` or ``[^list]`` at the current position."""
        query = self.query
        opening = self.index
        self.index += 1
        negate = self._peek() == "^"
        if negate:
            self.index += 1
        items: list[str] = []  # each item: a character, escaped ones already resolved
        escaped: list[bool] = []
        while True:
            char = self._peek()
            if char == "":
                self.index = opening
                raise self._error("unterminated '['")
            self.index += 1
            if char == "]" and items:
                break
            if char == "\\" and self._peek():
                char = query[self.index]
                self.index += 1
                escaped.append(True)
            else:
                escaped.append(False)
            items.append(char)
        singles: set[str] = set()
        ranges: list[tuple[str, str]] = []
        i = 0
        while i < len(items):
            if i + 2 < len(items) and items[i + 1] == "-" and not escaped[i + 1]:
                low, high = items[i], items[i + 2]
                if low > high:
                    raise self._error(f"invalid range '{low}-{high}' in a list")
                ranges.append((low, high))
                i += 3
            else:
                singles.add(items[i])
                i += 1
        singles |= {c.lower() for c in singles} | {c.upper() for c in singles}
        return _list_test(frozenset(singles), tuple(ranges), negate)


def _any_char(char: str) -> bool:
    return True


def _list_test(
    singles: frozenset[str], ranges: tuple[tuple[str, str], ...], negate: bool
) -> Callable[[str], bool]:
    def test(char: str) -> bool:
        found = char in singles or any(
            low <= variant <= high
            for variant in (char, char.lower(), char.upper())
            for low, high in ranges
        )
        return found != negate

    return test


# --- Extended information -------------------------------------------------------------------


@public_at("pyvisa.highlevel")
class ResourceInfo(NamedTuple):
    """Resource extended information.

    Named tuple with information about a resource. Returned by some
    :class:`ResourceManager` methods.

    Attributes
    ----------
    interface_type : constants.InterfaceType
        Interface type of the given resource string.
    interface_board_number : int | None
        Board number of the interface of the given resource string. ``None`` is allowed
        since serial resources may not always be described by a single number, in
        particular on Linux systems.
    resource_class : str | None
        Resource class (for example, "INSTR") of the given resource string.
    resource_name : str | None
        Expanded version of the given resource string, similar to the VISA-defined
        canonical resource name.
    alias : str | None
        User-defined alias for the given resource string.

    """

    interface_type: InterfaceType
    interface_board_number: int | None
    resource_class: str | None
    resource_name: str | None
    alias: str | None


def _board_number(parsed: ResourceName) -> int | None:
    """Board number of a parsed resource name, None when it has no numeric board."""
    board = getattr(parsed, "board", getattr(parsed, "interface", None))
    try:
        return int(board) if board is not None else None
    except ValueError:
        return None


def parse_resource_info(resource_name: str) -> ResourceInfo:
    """Parse a resource name in Python into the information ``viParseRsrcEx`` returns.

    The fallback of backends that do not parse names themselves: aliases are not
    resolved (``alias`` is None).

    Parameters
    ----------
    resource_name : str
        Unique symbolic name of a resource.

    Returns
    -------
    ResourceInfo
        Interface type, board number, resource class and canonical name.

    Raises
    ------
    InvalidResourceName
        Raised if the name is not a valid resource name.

    """
    parsed = parse_resource_name(resource_name)
    return ResourceInfo(
        parsed.interface_type_const,
        _board_number(parsed),
        parsed.resource_class,
        str(parsed),
        None,
    )
