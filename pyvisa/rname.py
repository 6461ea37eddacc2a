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
:class:`~pyvisa.errors.VisaIOError` with ``VI_ERROR_INV_EXPR``. Their engine lives in
:mod:`pyvisa._rname_query`, below this module: the parser of names is plugged into it
here, so that :func:`filter2` answers some attributes from the names themselves.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, TypeVar

if TYPE_CHECKING:
    from typing_extensions import Self

from . import constants, errors
from ._exports import public_at
from ._logging import logger  # noqa: F401 (pyvisa.rname.logger, as in PyVISA 1.16.2)
from ._rname_query import OpenedResource, filter, filter2, use_name_parser
from .constants import InterfaceType
from .errors import InvalidArgument, InvalidResourceName, ResourceNameFieldError

__all__ = [
    "InvalidResourceName",
    "OpenedResource",
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
        """The field value of the part written ``value`` (raise InvalidArgument if invalid)."""
        if value == "":
            if self.required:
                raise InvalidArgument(f"{self.name} part is mandatory")
            return self.default
        if self.check == "none":
            raise InvalidArgument(f"no {self.label} is allowed, got '{value}'")
        if self.check is not None:
            pattern, expected = _CHECKS[self.check]
            if not pattern.fullmatch(value):
                raise InvalidArgument(f"the {self.label} '{value}' is not {expected}")
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
        InvalidArgumentType
            If ``resource_name`` is not a ``str`` (also a ``TypeError``).

        """
        if not isinstance(resource_name, str):
            raise errors.InvalidArgumentType(
                f"a resource name must be a str, not {type(resource_name).__name__}"
            )
        kind, values = _parse_cached(resource_name)
        parsed = kind(**values)
        parsed.user = resource_name
        if not isinstance(parsed, cls):
            reason = InvalidArgument(
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
            raise ResourceNameFieldError(f"the fields of a resource name are str, got {wrong!r}")
        try:
            built = target(**kwargs)
        except ResourceNameFieldError:
            raise
        except TypeError as ex:
            raise ResourceNameFieldError(f"{target.__name__}: {ex}") from None
        text = str(built)
        reparsed = target.from_string(text)
        if reparsed != built:
            raise InvalidResourceName.bad_syntax(
                _syntax_of(target),
                text,
                InvalidArgument(f"the fields {kwargs!r} do not give back the same name"),
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
                raise ResourceNameFieldError(f"{name} is a required parameter")
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
        InvalidArgument
            A ``ValueError``, with "not enough parts", "too many parts", "<field> part
            is mandatory" or a description of the invalid part.

        """
        specs = cls._parts or _parts_of(cls)
        if not specs:
            if any(parts):
                raise InvalidArgument("too many parts")
            return cls()
        if not parts:
            raise InvalidArgument("not enough parts")
        values = {specs[0].name: specs[0].read(parts[0])}
        pending, rest = list(parts[1:]), specs[1:]
        if len(pending) > len(rest):
            raise InvalidArgument("too many parts")
        required_left = sum(1 for spec in rest if spec.required)
        if len(pending) < required_left:
            raise InvalidArgument("not enough parts")
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
_INTERFACE_RE: tuple[str, ...] | None = None  # the keywords, longest first (see below)


def _split_interface(text: str) -> tuple[str, str] | None:
    """(Interface keyword, board) of the first part of a name; None if none is known."""
    global _INTERFACE_RE
    if _INTERFACE_RE is None:
        _INTERFACE_RE = tuple(sorted({i for i, _ in _SUBCLASSES}, key=len, reverse=True))
    if text.isascii():  # case-insensitive prefix, as the expression below (not compiled)
        upper = text.upper()
        return next(((k, text[len(k) :]) for k in _INTERFACE_RE if upper.startswith(k)), None)
    match = re.fullmatch(f"({'|'.join(map(re.escape, _INTERFACE_RE))})(.*)", text, re.I | re.S)
    return None if match is None else (match.group(1).upper(), match.group(2))


def register_subclass(cls: T) -> T:
    """Register a :class:`ResourceName` subclass (usable as a class decorator).

    The class is registered for its ``(interface_type, resource_class)``; if its
    ``is_rc_optional`` is true, it is also used for the names of that interface
    type that omit the resource class. A field's ``metadata`` may carry a
    ``"check"`` (``"number"``, ``"usb_id"``, ``"host"``, ``"text"``, or ``"none"``
    for a board that must stay empty) and a ``"label"`` for error messages.

    Raises
    ------
    InvalidArgument
        A ``ValueError``: "Class already registered for <interface type> and
        <resource class>" or "Default already specified for <interface type>".

    """
    global _INTERFACE_RE
    interface_type = getattr(cls, "interface_type", "")
    resource_class = getattr(cls, "resource_class", "")
    if not interface_type or not resource_class:
        raise InvalidArgument(f"{cls.__name__} must define interface_type and resource_class")
    key = (interface_type.upper(), resource_class.upper())
    if key in _SUBCLASSES:
        raise InvalidArgument(f"Class already registered for {interface_type} and {resource_class}")
    if cls.is_rc_optional and key[0] in _DEFAULT_RC:
        raise InvalidArgument(f"Default already specified for {interface_type}")

    cls._parts = _parts_of(cls)
    if not cls.syntax:
        cls.syntax = _syntax_of(cls)
    _SUBCLASSES[key] = cls
    _RESOURCE_CLASSES[key[0]].add(key[1])
    if cls.is_rc_optional:
        _DEFAULT_RC[key[0]] = key[1]
    _INTERFACE_RE = None
    _parse_cached.cache_clear()
    _CANONICAL.clear()
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
    split = _split_interface(parts[0])
    if split is None:
        raise InvalidResourceName(f"Could not parse {resource_name}: unknown interface type")
    interface_type, board = split
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

use_name_parser(parse_resource_name)


#: Canonical form of the names seen lately (each spelling and the canonical name itself),
#: so that the name parsed to open a resource is not parsed again by the resource opened.
_CANONICAL: dict[str, str] = {}
_CANONICAL_MAX = 1024


def _remember_canonical(resource_name: str, canonical: str) -> None:
    if len(_CANONICAL) >= _CANONICAL_MAX:
        _CANONICAL.clear()
    _CANONICAL[resource_name] = _CANONICAL[canonical] = canonical


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
    if type(resource_name) is str:
        known = _CANONICAL.get(resource_name)
        if known is not None:
            return known
    canonical = str(parse_resource_name(resource_name))
    _remember_canonical(resource_name, canonical)
    return canonical


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
            raise InvalidArgument(f"the interface '{board}' is not a decimal number")
        if not 1 <= len(segments) <= 3:
            raise InvalidArgument("not enough parts" if not segments else "too many parts")
        chassis = _PXI_CHASSIS.fullmatch(segments[0])
        if chassis or segments[0][:7].upper() == "CHASSIS":
            if chassis is None or len(segments) == 1:
                raise InvalidArgument("expected CHASSISn::SLOTm[::FUNCk]")
            slot = _PXI_SLOT.fullmatch(segments[1])
            func = _PXI_FUNC.fullmatch(segments[2]) if len(segments) == 3 else None
            if slot is None or (len(segments) == 3 and func is None):
                raise InvalidArgument("expected CHASSISn::SLOTm[::FUNCk] with decimal numbers")
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
            raise InvalidArgument(
                "expected device[::function] or bus-device[.function] decimal numbers"
            )
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

    The fallback of backends that do not parse names: aliases are not resolved.

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
    canonical = str(parsed)
    _remember_canonical(resource_name, canonical)
    return ResourceInfo(
        parsed.interface_type_const, _board_number(parsed), parsed.resource_class, canonical, None
    )
