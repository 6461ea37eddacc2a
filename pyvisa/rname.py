"""VISA resource names: parsing, canonical forms and resource queries.

A resource name such as ``GPIB::12`` is parsed into an instance of the
:class:`ResourceName` subclass registered for its interface type and resource
class (here :class:`GPIBInstr`); ``str()`` of that instance is the canonical
form, with every optional segment filled with its default
(``GPIB0::12::INSTR``).

Matching of the keywords (interface type, resource class, ``CHASSIS``...) is
case-insensitive; the fields keep the case they were written with. Every field
is a ``str`` (or ``None`` for a segment that is absent and has no default, such
as a GPIB secondary address).

Names of resources on a remote VISA server, ``visa://host[:port]/resource``,
parse into the class of the remote resource with the ``remote_host`` and
``remote_port`` fields set; they are ``None`` for local resources.

:func:`filter` and :func:`filter2` implement the VISA resource regular
expressions accepted by ``list_resources``. An invalid query raises
:class:`InvalidQuery` (a :class:`ValueError`).
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import re
import threading
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

if TYPE_CHECKING:
    from typing_extensions import Self

from . import constants, errors, logger

__all__ = [
    "InvalidQuery",
    "InvalidResourceName",
    "ResourceName",
    "register_subclass",
    "parse_resource_name",
    "to_canonical_name",
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
]

T = TypeVar("T", bound="type[ResourceName]")


class InvalidResourceName(ValueError):
    """The resource name is malformed or names an unknown kind of resource."""

    @classmethod
    def bad_syntax(
        cls, syntax: str, resource_name: str, ex: object | None = None
    ) -> InvalidResourceName:
        """Build the error for a name that does not follow the expected syntax.

        Parameters
        ----------
        syntax : str
            Expected syntax of the name.
        resource_name : str
            The name that could not be parsed.
        ex : object, optional
            What exactly was wrong (an exception or a message).

        """
        detail = f": {ex}" if ex else ""
        return cls(f"Could not parse '{resource_name}'{detail}. The syntax is '{syntax}'.")

    @classmethod
    def subclass_notfound(
        cls, interface_type_resource_class: tuple[str, str], resource_name: str | None = None
    ) -> InvalidResourceName:
        """Build the error for an unknown (interface type, resource class) pair.

        Parameters
        ----------
        interface_type_resource_class : tuple[str, str]
            Interface type and resource class found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        interface_type, resource_class = interface_type_resource_class
        known = ", ".join(sorted(f"{i}::{r}" for i, r in _SUBCLASSES))
        where = f"Could not parse '{resource_name}': n" if resource_name is not None else "N"
        return cls(
            f"{where}o resource name of interface type '{interface_type}' and resource class "
            f"'{resource_class}' is known. The known ones are: {known}."
            + _syntax_hint(interface_type)
        )

    @classmethod
    def rc_notfound(
        cls, interface_type: str, resource_name: str | None = None
    ) -> InvalidResourceName:
        """Build the error for a missing resource class that has no default.

        Parameters
        ----------
        interface_type : str
            Interface type found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        classes = ", ".join(sorted(r for i, r in _SUBCLASSES if i == interface_type.upper()))
        where = f"Could not parse '{resource_name}': t" if resource_name is not None else "T"
        return cls(
            f"{where}he resource class of interface type '{interface_type}' must be given "
            f"(one of: {classes or 'none known'})." + _syntax_hint(interface_type)
        )


def _syntax_hint(interface_type: str) -> str:
    """The syntaxes of the names of an interface type, as a sentence ("" if unknown)."""
    syntaxes = [
        c.syntax for (i, _), c in sorted(_SUBCLASSES.items()) if i == interface_type.upper()
    ]
    return f" The syntax is '{' or '.join(syntaxes)}'." if syntaxes else ""


class InvalidQuery(ValueError):
    """A VISA resource query (regular expression or attribute expression) is invalid.

    The frontend reports it as VI_ERROR_INV_EXPR.
    """


# --- Field checks ------------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+")
_USB_ID = re.compile(r"0[xX][0-9a-fA-F]+|[0-9]+")
# Free text: no brackets (they protect the "::" of IPv6 addresses), no final ":"
# (it would merge with the "::" that follows).
_TEXT = re.compile(r"[^\[\]]*[^\[\]:]", re.DOTALL)
_HOST = re.compile(r"\[[^\[\]/]+\](?::[0-9]+)?|[^\[\]]*[^\[\]:]", re.DOTALL)

# check name -> (compiled pattern that must match the whole field, description for errors)
_CHECKS: dict[str, tuple[re.Pattern[str], str]] = {
    "number": (_NUMBER, "a decimal number"),
    "usb_id": (_USB_ID, "a decimal or hexadecimal (0x...) number"),
    "host": (_HOST, "a host name or address (an IPv6 address in brackets)"),
    "text": (_TEXT, "a non-empty string without brackets or final ':'"),
}

_N = {"check": "number"}
_U = {"check": "usb_id"}
_H = {"check": "host"}
_S = {"check": "text"}


# How the text after the interface keyword of the first segment is read: absent,
# a decimal number defaulting to "0", or any non-empty string (ASRL).
_BoardKind = Literal["none", "number", "any"]


@dataclass(frozen=True)
class _Segment:
    """One ``::``-separated segment between the interface and the resource class."""

    name: str
    label: str
    pattern: re.Pattern[str]
    expected: str

    def validate(self, value: str, syntax: str, resource_name: str) -> None:
        """Raise InvalidResourceName if ``value`` is not a valid value of the segment."""
        if not self.pattern.fullmatch(value):
            raise InvalidResourceName.bad_syntax(
                syntax, resource_name, f"the {self.label} '{value}' is not {self.expected}"
            )


def _check_board(cls: type[ResourceName], board: str, resource_name: str) -> str:
    """Validate the board part of the first segment and fill its default."""
    if cls._board_kind == "none":
        if board:
            raise InvalidResourceName.bad_syntax(
                cls.syntax, resource_name, f"no board number is allowed, got '{board}'"
            )
    elif cls._board_kind == "number":
        if not board:
            return "0"
        if not _NUMBER.fullmatch(board):
            raise InvalidResourceName.bad_syntax(
                cls.syntax, resource_name, f"the board '{board}' is not a decimal number"
            )
    elif not board:
        raise InvalidResourceName.bad_syntax(cls.syntax, resource_name, "the board is missing")
    elif not _TEXT.fullmatch(board):
        raise InvalidResourceName.bad_syntax(
            cls.syntax, resource_name, f"the board '{board}' has brackets or a final ':'"
        )
    return board


# --- Base class and registry -------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ResourceName:
    """Base class of the parsed VISA resource names.

    Subclasses are keyword-only frozen dataclasses, registered with
    :func:`register_subclass`, whose fields are the board and the segments of the
    name in the order in which they are written; a field without default is a
    required segment, one with a default an optional one. All fields are ``str``
    (``None`` for an absent segment without default). Instances compare and hash
    by class and fields.

    Attributes
    ----------
    interface_type : str
        Interface type as written canonically (``"GPIB"``, ``"PRLGX-TCPIP"``...).
    resource_class : str
        Resource class (``"INSTR"``, ``"INTFC"``, ``"SOCKET"``...).
    is_rc_optional : bool
        Whether this is the resource class assumed when a name omits it.
    syntax : str
        Syntax of this kind of name, shown in error messages.
    user : str | None
        The string the name was parsed from (``None`` if built from fields). It does
        not take part in comparisons.
    remote_host : str | None
        Host of the remote VISA server for ``visa://host[:port]/...`` names.
    remote_port : str | None
        Port of the remote VISA server, if given.

    """

    interface_type: ClassVar[str] = ""
    resource_class: ClassVar[str] = ""
    is_rc_optional: ClassVar[bool] = False
    syntax: ClassVar[str] = ""

    # Filled by register_subclass.
    _segments: ClassVar[tuple[_Segment, ...]] = ()
    _n_required: ClassVar[int] = 0
    _board_kind: ClassVar[_BoardKind] = "number"
    _interface_key: ClassVar[str] = ""

    user: str | None = field(default=None, compare=False, repr=False)
    remote_host: str | None = None
    remote_port: str | None = None

    @property
    def interface_type_const(self) -> constants.InterfaceType:
        """Interface type as a :class:`~pyvisa.constants.InterfaceType` member.

        The member named like the interface type in lower case with ``-`` read as
        ``_`` (``PRLGX-TCPIP`` → ``prlgx_tcpip``), ``unknown`` if there is none.
        """
        members = constants.InterfaceType.__members__
        return members.get(self._interface_key, constants.InterfaceType.unknown)

    @classmethod
    def from_string(cls, resource_name: str) -> Self:
        """Parse a resource name.

        Parameters
        ----------
        resource_name : str
            Name to parse (case-insensitive keywords, optional segments allowed).

        Returns
        -------
        ResourceName
            Instance of the registered subclass; when called on a subclass, the name
            must be of that kind.

        Raises
        ------
        InvalidResourceName
            If the name is malformed or not of the kind of ``cls``.

        """
        parsed = parse_resource_name(resource_name)
        if not isinstance(parsed, cls):
            raise InvalidResourceName.bad_syntax(
                cls.syntax,
                resource_name,
                f"it names a {parsed.interface_type} {parsed.resource_class} resource",
            )
        return parsed

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> ResourceName:
        """Build a resource name from its fields.

        On the base class, ``interface_type`` (and ``resource_class`` unless it is the
        default one) select the subclass; on a subclass they may be omitted.

        Parameters
        ----------
        **kwargs : str
            Field values (all ``str``); omitted optional fields take their default.

        Returns
        -------
        ResourceName
            The validated name, whose ``user`` is its canonical form.

        Raises
        ------
        InvalidResourceName
            If the fields are unknown, missing, of the wrong type or invalid.

        """
        interface_type = kwargs.pop("interface_type", None)
        resource_class = kwargs.pop("resource_class", None)
        target = _select_subclass(cls, interface_type, resource_class)
        wrong = {k: v for k, v in kwargs.items() if v is not None and not isinstance(v, str)}
        if wrong:
            raise InvalidResourceName.bad_syntax(
                target.syntax, repr(kwargs), f"field values must be str, got {wrong!r}"
            )
        try:
            built = target(**kwargs)
            text = str(built)
        except TypeError as ex:
            raise InvalidResourceName.bad_syntax(target.syntax, repr(kwargs), ex) from None
        parsed = parse_resource_name(text)
        if parsed != built:
            raise InvalidResourceName.bad_syntax(
                target.syntax, repr(kwargs), f"the fields are inconsistent (they read {parsed!r})"
            )
        return parsed

    @classmethod
    def _parse_fields(cls, board: str, segments: list[str], resource_name: str) -> dict[str, str]:
        """Map the segments of a name of this kind onto the fields of the class."""
        values = {}
        board = _check_board(cls, board, resource_name)
        if cls._board_kind != "none":
            values["board"] = board
        if not cls._n_required <= len(segments) <= len(cls._segments):
            raise InvalidResourceName.bad_syntax(
                cls.syntax, resource_name, _count_message(cls, len(segments))
            )
        for segment, value in zip(cls._segments, segments, strict=False):
            segment.validate(value, cls.syntax, resource_name)
            values[segment.name] = value
        return values

    def _body(self) -> list[str]:
        """Segments between the interface and the resource class, canonically."""
        body = [getattr(self, segment.name) for segment in self._segments]
        while body and body[-1] is None:
            body.pop()
        return body

    def _head(self) -> str:
        """First segment: the interface keyword and the board, canonically."""
        board = getattr(self, "board", "") if self._board_kind != "none" else ""
        return self.interface_type + board

    def __str__(self) -> str:
        text = "::".join([self._head(), *self._body(), self.resource_class])
        if self.remote_host is None:
            return text
        port = "" if self.remote_port is None else ":" + self.remote_port
        return f"visa://{self.remote_host}{port}/{text}"


def _count_message(cls: type[ResourceName], count: int) -> str:
    lo, hi = cls._n_required, len(cls._segments)
    expected = str(lo) if lo == hi else f"{lo} to {hi}"
    return f"expected {expected} '::'-separated fields after the interface, got {count}"


# (interface type, resource class) -> subclass; interface type -> resource class if omitted
_SUBCLASSES: dict[tuple[str, str], type[ResourceName]] = {}
_DEFAULT_RC: dict[str, str] = {}
_RESOURCE_CLASSES: set[str] = set()
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
    """Register a :class:`ResourceName` subclass (class decorator).

    The class is registered for its ``(interface_type, resource_class)``; if its
    ``is_rc_optional`` is true, it is also used for names of that interface type
    that omit the resource class. The segments of the name are the dataclass fields
    whose metadata has a ``"check"`` key (``"number"``, ``"usb_id"``, ``"host"`` or
    ``"text"``), in declaration order; those without default are required. A
    ``board`` field with a default is a decimal board number, one without default
    any string (``ASRL``); without a ``board`` field the name takes no board.

    Raises
    ------
    ValueError
        If the class lacks its interface type or resource class, or a second class
        claims to be the default for an interface type.

    """
    global _INTERFACE_RE
    interface_type, resource_class = cls.interface_type.upper(), cls.resource_class.upper()
    if not interface_type or not resource_class:
        raise ValueError(f"{cls.__name__} must define interface_type and resource_class")
    if cls.is_rc_optional and _DEFAULT_RC.get(interface_type, resource_class) != resource_class:
        raise ValueError(f"{interface_type} already has a default resource class")

    fields = {f.name: f for f in dataclasses.fields(cls)}
    board = fields.get("board")
    if board is None:
        cls._board_kind = "none"
    else:
        cls._board_kind = "any" if board.default is dataclasses.MISSING else "number"
    segments = []
    n_required = 0
    for f in fields.values():
        if "check" not in f.metadata:
            continue
        pattern, expected = _CHECKS[f.metadata["check"]]
        label = f.metadata.get("label", f.name.replace("_", " "))
        segments.append(_Segment(f.name, label, pattern, expected))
        if f.default is dataclasses.MISSING:
            n_required += 1
    cls._segments = tuple(segments)
    cls._n_required = n_required
    cls._interface_key = interface_type.lower().replace("-", "_")

    _SUBCLASSES[(interface_type, resource_class)] = cls
    _RESOURCE_CLASSES.add(resource_class)
    if cls.is_rc_optional:
        _DEFAULT_RC[interface_type] = resource_class
    _INTERFACE_RE = None
    _parse_cached.cache_clear()
    return cls


def _select_subclass(
    cls: type[ResourceName], interface_type: str | None, resource_class: str | None
) -> type[ResourceName]:
    """Subclass named by from_kwargs arguments, checked against ``cls``."""
    if cls.interface_type:
        expected = (cls.interface_type.upper(), cls.resource_class.upper())
        given = (
            (interface_type or cls.interface_type).upper(),
            (resource_class or cls.resource_class).upper(),
        )
        if given != expected:
            raise InvalidResourceName(
                f"{cls.__name__} is for {'::'.join(expected)} resources, not {'::'.join(given)}"
            )
        return cls
    if not interface_type:
        raise InvalidResourceName("from_kwargs needs the interface_type of the resource name")
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

_REMOTE = re.compile(
    r"visa://(\[[^\[\]/]+\]|[^\[\]/:]+)(?::([0-9]+))?/(.*)", re.IGNORECASE | re.DOTALL
)
_REMOTE_SYNTAX = "visa://host address[:server port]/remote resource"


def parse_resource_name(resource_name: str) -> ResourceName:
    """Parse a VISA resource name.

    Parameters
    ----------
    resource_name : str
        Name to parse, e.g. ``"GPIB::12"`` or ``"TCPIP0::[fe80::1]::hislip0::INSTR"``.

    Returns
    -------
    ResourceName
        Instance of the subclass registered for the interface type and resource
        class of the name, with the defaults of the omitted segments filled in.

    Raises
    ------
    InvalidResourceName
        If the name is malformed; the message shows the expected syntax.
    TypeError
        If ``resource_name`` is not a ``str``.

    """
    if not isinstance(resource_name, str):
        raise TypeError(f"a resource name must be a str, not {type(resource_name).__name__}")
    return _parse_cached(resource_name)


@functools.lru_cache(maxsize=512)
def _parse_cached(resource_name: str) -> ResourceName:
    if resource_name[:7].lower() != "visa://":
        return _parse_local(resource_name, resource_name)
    match = _REMOTE.fullmatch(resource_name)
    if match is None:
        raise InvalidResourceName.bad_syntax(_REMOTE_SYNTAX, resource_name)
    host, port, rest = match.groups()
    inner = _parse_local(rest, resource_name)
    return dataclasses.replace(inner, remote_host=host, remote_port=port, user=resource_name)


def _parse_local(text: str, resource_name: str) -> ResourceName:
    """Parse ``text``, a name without remote part (``resource_name`` is for errors)."""
    segments = _split_bracketed(text) if "[" in text else text.split("::")
    match = _interface_re().fullmatch(segments[0])
    if match is None:
        known = ", ".join(sorted({i for i, _ in _SUBCLASSES}))
        raise InvalidResourceName.bad_syntax(
            "interface[board]::...[::resource class]",
            resource_name,
            f"unknown interface type (expected one of {known})",
        )
    interface_type, board = match.group(1).upper(), match.group(2)
    last = segments[-1].upper()
    if len(segments) > 1 and last in _RESOURCE_CLASSES:
        resource_class = last
        body = segments[1:-1]
    else:
        if interface_type not in _DEFAULT_RC:
            raise InvalidResourceName.rc_notfound(interface_type, resource_name)
        resource_class = _DEFAULT_RC[interface_type]
        body = segments[1:]
    cls = _SUBCLASSES.get((interface_type, resource_class))
    if cls is None:
        raise InvalidResourceName.subclass_notfound((interface_type, resource_class), resource_name)
    return cls(**cls._parse_fields(board, body, resource_name), user=resource_name)


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


# --- The kinds of resource names ---------------------------------------------------------------


@register_subclass
@dataclass(frozen=True, kw_only=True)
class ASRLInstr(ResourceName):
    """Serial instrument ``ASRLboard[::INSTR]``; the board is any string (``1``, ``/dev/ttyS0``).

    A serial port of an ENET-Serial controller, ``ASRL[0]::host address::serial port::INSTR``,
    sets ``host_address`` and ``serial_port`` (both ``None`` for other serial names) and a
    decimal ``board`` that defaults to ``"0"``.
    """

    interface_type: ClassVar[str] = "ASRL"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "ASRLboard[::INSTR] or ASRL[0]::host address::serial port::INSTR"

    board: str
    host_address: str | None = None
    serial_port: str | None = None

    @classmethod
    def _parse_fields(cls, board: str, segments: list[str], resource_name: str) -> dict[str, str]:
        if not segments:
            return super()._parse_fields(board, segments, resource_name)
        if len(segments) != 2:
            raise InvalidResourceName.bad_syntax(
                cls.syntax,
                resource_name,
                "expected no '::'-separated field after the board, or a host address and a "
                f"serial port, got {len(segments)} fields",
            )
        values = {}
        for segment, value in zip(_ENET_SERIAL_SEGMENTS, (board or "0", *segments), strict=True):
            segment.validate(value, cls.syntax, resource_name)
            values[segment.name] = value
        return values

    def _body(self) -> list[str]:
        if self.host_address is None and self.serial_port is None:
            return []
        return [str(self.host_address), str(self.serial_port)]


# The fields of an ENET-Serial port name (ASRL[0]::host address::serial port::INSTR).
_ENET_SERIAL_SEGMENTS = (
    _Segment("board", "board", *_CHECKS["number"]),
    _Segment("host_address", "host address", *_CHECKS["host"]),
    _Segment("serial_port", "serial port", *_CHECKS["number"]),
)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class GPIBInstr(ResourceName):
    """GPIB instrument ``GPIB[board]::primary address[::secondary address][::INSTR]``."""

    interface_type: ClassVar[str] = "GPIB"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "GPIB[board]::primary address[::secondary address][::INSTR]"

    board: str = "0"
    primary_address: str = field(metadata=_N)
    secondary_address: str | None = field(default=None, metadata=_N)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class GPIBIntfc(ResourceName):
    """GPIB interface ``GPIB[board]::INTFC``."""

    interface_type: ClassVar[str] = "GPIB"
    resource_class: ClassVar[str] = "INTFC"
    syntax: ClassVar[str] = "GPIB[board]::INTFC"

    board: str = "0"


@register_subclass
@dataclass(frozen=True, kw_only=True)
class PXIBackplane(ResourceName):
    """PXI backplane ``PXI[interface]::chassis number::BACKPLANE``."""

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "BACKPLANE"
    syntax: ClassVar[str] = "PXI[interface]::chassis number::BACKPLANE"

    board: str = "0"
    chassis_number: str = field(metadata=_N)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class PXIMemacc(ResourceName):
    """PXI memory access ``PXI[interface]::MEMACC``."""

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "MEMACC"
    syntax: ClassVar[str] = "PXI[interface]::MEMACC"

    board: str = "0"


_PXI_BUS_DEVICE = re.compile(r"([0-9]+)-([0-9]+)(?:\.([0-9]+))?")
_PXI_CHASSIS = re.compile(r"CHASSIS([0-9]+)", re.IGNORECASE)
_PXI_SLOT = re.compile(r"SLOT([0-9]+)", re.IGNORECASE)
_PXI_FUNC = re.compile(r"FUNC([0-9]+)", re.IGNORECASE)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class PXIInstr(ResourceName):
    """PXI instrument, in one of the three forms of the VISA grammar.

    ``PXI[bus]::device[::function][::INSTR]`` and
    ``PXI[interface]::bus-device[.function][::INSTR]`` both give ``bus`` and
    ``device`` (``chassis_number`` and ``slot_number`` are ``None``); the first
    form implies interface 0. ``PXI[interface]::CHASSISn::SLOTm[::FUNCk][::INSTR]``
    gives ``chassis_number`` and ``slot_number`` (``bus`` and ``device`` are
    ``None``). ``board`` is the interface number and ``function`` defaults to
    ``"0"``. The canonical form is the first form for interface 0
    (``PXI2::12::1::INSTR``), the second one for other interfaces
    (``PXI1::2-12.1::INSTR``), the third one for chassis and slot numbers
    (``PXI0::CHASSIS1::SLOT3::INSTR``); a function 0 is not written.
    """

    interface_type: ClassVar[str] = "PXI"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = (
        "PXI[bus]::device[::function][::INSTR] or "
        "PXI[interface]::bus-device[.function][::INSTR] or "
        "PXI[interface]::CHASSISchassis number::SLOTslot number[::FUNCfunction][::INSTR]"
    )

    board: str = "0"
    bus: str | None = None
    device: str | None = None
    function: str = "0"
    chassis_number: str | None = None
    slot_number: str | None = None

    @classmethod
    def _parse_fields(cls, board: str, segments: list[str], resource_name: str) -> dict[str, str]:
        interface = _check_board(cls, board, resource_name)

        def bad(detail: str) -> InvalidResourceName:
            return InvalidResourceName.bad_syntax(cls.syntax, resource_name, detail)

        if not 1 <= len(segments) <= 3:
            raise bad(f"expected 1 to 3 '::'-separated fields after PXI, got {len(segments)}")
        chassis = _PXI_CHASSIS.fullmatch(segments[0])
        if chassis or segments[0][:7].upper() == "CHASSIS":
            if chassis is None or len(segments) == 1:
                raise bad("expected CHASSISn::SLOTm[::FUNCk]")
            slot = _PXI_SLOT.fullmatch(segments[1])
            func = _PXI_FUNC.fullmatch(segments[2]) if len(segments) == 3 else None
            if slot is None or (len(segments) == 3 and func is None):
                raise bad("expected CHASSISn::SLOTm[::FUNCk] with decimal numbers")
            return {
                "board": interface,
                "chassis_number": chassis.group(1),
                "slot_number": slot.group(1),
                "function": func.group(1) if func else "0",
            }
        bus_device = _PXI_BUS_DEVICE.fullmatch(segments[0])
        if bus_device is not None and len(segments) == 1:
            return {
                "board": interface,
                "bus": bus_device.group(1),
                "device": bus_device.group(2),
                "function": bus_device.group(3) or "0",
            }
        if len(segments) > 2 or not all(_NUMBER.fullmatch(s) for s in segments):
            raise bad("expected device[::function] or bus-device[.function] decimal numbers")
        return {
            "board": "0",
            "bus": interface,
            "device": segments[0],
            "function": segments[1] if len(segments) == 2 else "0",
        }

    def _head(self) -> str:
        if self.chassis_number is None and self.board == "0":
            return f"PXI{self.bus}"
        return f"PXI{self.board}"

    def _body(self) -> list[str]:
        function = [] if self.function == "0" else [self.function]
        if self.chassis_number is not None:
            body = [f"CHASSIS{self.chassis_number}", f"SLOT{self.slot_number}"]
            return body + [f"FUNC{f}" for f in function]
        if self.board == "0":
            return [f"{self.device}", *function]
        return [f"{self.bus}-{self.device}" + "".join(f".{f}" for f in function)]


@register_subclass
@dataclass(frozen=True, kw_only=True)
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

    board: str = "0"
    host_address: str = field(metadata=_H)
    lan_device_name: str = field(default="inst0", metadata={**_S, "label": "LAN device name"})


@register_subclass
@dataclass(frozen=True, kw_only=True)
class TCPIPSocket(ResourceName):
    """Raw TCP socket ``TCPIP[board]::host address::port::SOCKET``."""

    interface_type: ClassVar[str] = "TCPIP"
    resource_class: ClassVar[str] = "SOCKET"
    syntax: ClassVar[str] = "TCPIP[board]::host address::port::SOCKET"

    board: str = "0"
    host_address: str = field(metadata=_H)
    port: str = field(metadata=_N)


@dataclass(frozen=True, kw_only=True)
class _USBBase(ResourceName):
    board: str = "0"
    manufacturer_id: str = field(metadata={**_U, "label": "manufacturer ID"})
    model_code: str = field(metadata=_U)
    serial_number: str = field(metadata=_S)
    usb_interface_number: str = field(default="0", metadata={**_N, "label": "USB interface number"})


@register_subclass
@dataclass(frozen=True, kw_only=True)
class USBInstr(_USBBase):
    """USB instrument ``USB[board]::manufacturer ID::model code::serial number[::USB interface number][::INSTR]``."""  # noqa: E501

    interface_type: ClassVar[str] = "USB"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = (
        "USB[board]::manufacturer ID::model code::serial number[::USB interface number][::INSTR]"
    )


@register_subclass
@dataclass(frozen=True, kw_only=True)
class USBRaw(_USBBase):
    """Raw USB device ``USB[board]::manufacturer ID::model code::serial number[::USB interface number]::RAW``."""  # noqa: E501

    interface_type: ClassVar[str] = "USB"
    resource_class: ClassVar[str] = "RAW"
    syntax: ClassVar[str] = (
        "USB[board]::manufacturer ID::model code::serial number[::USB interface number]::RAW"
    )


@register_subclass
@dataclass(frozen=True, kw_only=True)
class VXIBackplane(ResourceName):
    """VXI mainframe ``VXI[board][::VXI logical address]::BACKPLANE`` (address "0" by default)."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "BACKPLANE"
    syntax: ClassVar[str] = "VXI[board][::VXI logical address]::BACKPLANE"

    board: str = "0"
    vxi_logical_address: str = field(default="0", metadata={**_N, "label": "VXI logical address"})


@register_subclass
@dataclass(frozen=True, kw_only=True)
class VXIInstr(ResourceName):
    """VXI instrument ``VXI[board]::VXI logical address[::INSTR]``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "VXI[board]::VXI logical address[::INSTR]"

    board: str = "0"
    vxi_logical_address: str = field(metadata={**_N, "label": "VXI logical address"})


@register_subclass
@dataclass(frozen=True, kw_only=True)
class VXIMemacc(ResourceName):
    """VXI register access ``VXI[board]::MEMACC``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "MEMACC"
    syntax: ClassVar[str] = "VXI[board]::MEMACC"

    board: str = "0"


@register_subclass
@dataclass(frozen=True, kw_only=True)
class VXIServant(ResourceName):
    """VXI servant (device side) ``VXI[board]::SERVANT``."""

    interface_type: ClassVar[str] = "VXI"
    resource_class: ClassVar[str] = "SERVANT"
    syntax: ClassVar[str] = "VXI[board]::SERVANT"

    board: str = "0"


@register_subclass
@dataclass(frozen=True, kw_only=True)
class VICPInstr(ResourceName):
    """LeCroy VICP instrument ``VICP::host address[::INSTR]`` (no board number)."""

    interface_type: ClassVar[str] = "VICP"
    resource_class: ClassVar[str] = "INSTR"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "VICP::host address[::INSTR]"

    host_address: str = field(metadata=_H)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class PrlgxTCPIPIntfc(ResourceName):
    """Prologix GPIB-ETHERNET adapter ``PRLGX-TCPIP[board]::host address[::port][::INTFC]``."""

    interface_type: ClassVar[str] = "PRLGX-TCPIP"
    resource_class: ClassVar[str] = "INTFC"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "PRLGX-TCPIP[board]::host address[::port][::INTFC]"

    board: str = "0"
    host_address: str = field(metadata=_H)
    port: str = field(default="1234", metadata=_N)


@register_subclass
@dataclass(frozen=True, kw_only=True)
class PrlgxASRLIntfc(ResourceName):
    """Prologix GPIB-USB adapter ``PRLGX-ASRL[board]::serial device[::INTFC]``."""

    interface_type: ClassVar[str] = "PRLGX-ASRL"
    resource_class: ClassVar[str] = "INTFC"
    is_rc_optional: ClassVar[bool] = True
    syntax: ClassVar[str] = "PRLGX-ASRL[board]::serial device[::INTFC]"

    board: str = "0"
    serial_device: str = field(metadata=_S)


# --- Resource queries --------------------------------------------------------------------------


def filter(resources: Iterable[str], query: str) -> tuple[str, ...]:
    """Select the resource names matching a VISA resource regular expression.

    ``?`` matches any one character, ``*`` and ``+`` zero/one or more occurrences
    of the preceding character or group, ``[list]`` / ``[^list]`` one character
    (not) in the list (with ``a-z`` ranges), ``exp|exp`` either expression,
    ``(exp)`` groups, and a backslash makes the next character ordinary. Matching
    is case-insensitive and the expression must match the whole name. An
    attribute expression ``{...}`` at the end of the query is ignored here (see
    :func:`filter2`). The names are not parsed.

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
    InvalidQuery
        If the query is not a valid VISA resource regular expression.

    """
    match = _compile_regex(query)[0].fullmatch
    return tuple(name for name in resources if match(name))


def filter2(
    resources: Iterable[str],
    query: str,
    open_resource: Callable[[str], AbstractContextManager[Any]],
) -> tuple[str, ...]:
    """Select resources by VISA regular expression and attribute expression.

    The attribute expression ``{...}`` at the end of the query compares VISA
    attributes with values: ``VI_ATTR_X == value``, with ``==``, ``!=``, ``<``,
    ``<=``, ``>``, ``>=``, combined with ``&&``, ``||``, ``!`` and parentheses.
    Values are integers (decimal or ``0x`` hexadecimal) or double-quoted strings
    (``\\"`` and ``\\\\`` escapes); strings only support ``==`` and ``!=``. Each
    name that matches the regular expression is opened with ``open_resource``
    (only when there is an expression), and its attributes are read with
    ``get_visa_attribute``. A resource that cannot be opened
    (:class:`~pyvisa.errors.VisaIOError`) does not match; a comparison on an
    attribute that cannot be read (``VisaIOError``) is false. Other exceptions
    propagate.

    Parameters
    ----------
    resources : Iterable[str]
        Resource names.
    query : str
        VISA resource regular expression, optionally followed by ``{expression}``.
    open_resource : Callable[[str], AbstractContextManager[Any]]
        Opens a resource; the object the context manager yields has a
        ``get_visa_attribute(attribute_id)`` method.

    Returns
    -------
    tuple[str, ...]
        The matching names, in input order.

    Raises
    ------
    InvalidQuery
        If the query is invalid (syntax, unknown attribute name).

    """
    pattern, end = _compile_regex(query)
    expression = _compile_expression(query, end)
    candidates = [name for name in resources if pattern.fullmatch(name)]
    if expression is None:
        return tuple(candidates)
    return tuple(name for name in candidates if _matches(name, expression, open_resource))


def _matches(
    name: str,
    expression: _Predicate,
    open_resource: Callable[[str], AbstractContextManager[Any]],
) -> bool:
    """Evaluate an attribute expression on one resource."""
    try:
        with open_resource(name) as resource:
            cache: dict[int, Any] = {}

            def get(attribute_id: int) -> Any:
                if attribute_id not in cache:
                    try:
                        cache[attribute_id] = resource.get_visa_attribute(attribute_id)
                    except errors.VisaIOError as ex:
                        logger.debug("%s: attribute %#x not read: %s", name, attribute_id, ex)
                        cache[attribute_id] = _MISSING
                return cache[attribute_id]

            return expression(get)
    except errors.VisaIOError as ex:
        logger.debug("%s excluded from the resource query: %s", name, ex)
        return False


# Value of an attribute that could not be read: every comparison with it is false.
_MISSING = object()

# A compiled attribute expression: called with a getter (attribute id -> value).
_Predicate = Callable[[Callable[[int], Any]], bool]


@functools.lru_cache(maxsize=128)
def _compile_regex(query: str) -> tuple[_Automaton, int]:
    """Matcher for the VISA regex part of a query, and where that part ends."""
    if not isinstance(query, str):
        raise TypeError(f"a resource query must be a str, not {type(query).__name__}")
    return _RegexParser(query).parse()


@functools.lru_cache(maxsize=128)
def _compile_expression(query: str, start: int) -> _Predicate | None:
    """Predicate of the attribute expression starting at ``start`` (None if there is none)."""
    if start == len(query):
        return None
    return _AttributeParser(query, start).parse()


#: Deepest nesting of groups, ``!`` and parentheses accepted in a query (the parsers recurse).
_MAX_NESTING = 100

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
        self._lock = threading.Lock()

    def new_state(self) -> int:
        self.epsilon.append([])
        self.edges.append(None)
        return len(self.edges) - 1

    def finish(self, start: int, final: int) -> None:
        """Fix the start and final states (the start becomes deterministic state 0)."""
        self.final = final
        self._state_id(self._closure({start}))

    def fullmatch(self, name: str) -> bool:
        """Whether the expression matches the whole of ``name``."""
        rows = self._rows
        state = 0
        for char in name:
            target = rows[state].get(char)
            state = self._step(state, char) if target is None else target
            if not self._sets[state]:
                return False
        return self._accepting[state]

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
            self._sets.append(states)
            self._rows.append({})
            self._accepting.append(self.final in states)
        return self._ids[states]

    def _step(self, state: int, char: str) -> int:
        with self._lock:
            targets = []
            for source in self._sets[state]:
                edge = self.edges[source]
                if edge is not None and edge[0](char):
                    targets.append(edge[1])
            target = self._state_id(self._closure(targets))
            self._rows[state][char] = target
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

    def _error(self, message: str) -> InvalidQuery:
        return InvalidQuery(
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


_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}

_EXPR_TOKEN = re.compile(
    r"""\s*(?:
      (?P<op>==|!=|<=|>=|<|>|&&|\|\||!|\(|\))
    | (?P<attr>VI_ATTR_[A-Z0-9_]+)
    | (?P<num>[-+]?(?:0x[0-9A-F]+|[0-9]+))(?![A-Z0-9_])
    | (?P<str>"(?:[^"\\]|\\.)*")
    )""",
    re.IGNORECASE | re.VERBOSE | re.DOTALL,
)
_STRING_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _AttributeParser:
    """Recursive-descent parser of ``{...}`` attribute expressions.

    expr := term ('||' term)* ; term := factor ('&&' factor)* ;
    factor := '!' factor | '(' expr ')' | VI_ATTR_name comparison value
    """

    def __init__(self, query: str, start: int) -> None:
        self.query = query
        text = query[start:].rstrip()
        if not text.endswith("}"):
            raise self._error("the attribute expression must end with '}'", start)
        self.tokens = self._tokenize(text[1:-1], start + 1)
        self.index = 0
        self.depth = 0

    def _error(self, message: str, position: int | None = None) -> InvalidQuery:
        where = f" at position {position}" if position is not None else ""
        return InvalidQuery(f"Invalid resource query {self.query!r}: {message}{where}")

    def _tokenize(self, text: str, offset: int) -> list[tuple[str, str, int]]:
        tokens = []
        position = 0
        text = text.rstrip()
        while position < len(text):
            match = _EXPR_TOKEN.match(text, position)
            if match is None or match.lastgroup is None:
                raise self._error("unexpected text in the attribute expression", offset + position)
            tokens.append((match.lastgroup, match.group(match.lastgroup), offset + match.start()))
            position = match.end()
        if not tokens:
            raise self._error("empty attribute expression", offset)
        return tokens

    def _peek(self) -> str | None:
        if self.index < len(self.tokens):
            kind, value, _ = self.tokens[self.index]
            return value if kind == "op" else None
        return None

    def _next(self, what: str) -> tuple[str, str, int]:
        if self.index == len(self.tokens):
            raise self._error(f"expected {what}, the attribute expression ended")
        token = self.tokens[self.index]
        self.index += 1
        return token

    def parse(self) -> _Predicate:
        predicate = self._expr()
        if self.index != len(self.tokens):
            raise self._error("unexpected token", self.tokens[self.index][2])
        return predicate

    def _expr(self) -> _Predicate:
        terms = [self._term()]
        while self._peek() == "||":
            self.index += 1
            terms.append(self._term())
        if len(terms) == 1:
            return terms[0]
        return lambda get: any(term(get) for term in terms)

    def _term(self) -> _Predicate:
        factors = [self._factor()]
        while self._peek() == "&&":
            self.index += 1
            factors.append(self._factor())
        if len(factors) == 1:
            return factors[0]
        return lambda get: all(factor(get) for factor in factors)

    def _factor(self) -> _Predicate:
        kind, value, position = self._next("an attribute comparison")
        if kind == "op" and value in ("!", "("):
            if self.depth == _MAX_NESTING:
                raise self._error(f"'!' and '(' are nested more than {_MAX_NESTING} deep", position)
            self.depth += 1
            if value == "!":
                negated = self._factor()
                self.depth -= 1
                return lambda get: not negated(get)
            inner = self._expr()
            if self._next("')'")[1] != ")":
                raise self._error("expected ')'", self.tokens[self.index - 1][2])
            self.depth -= 1
            return inner
        if kind != "attr":
            raise self._error("expected VI_ATTR_... or '(' or '!'", position)
        return self._comparison(value.upper(), position)

    def _comparison(self, name: str, position: int) -> _Predicate:
        attribute_id = getattr(constants, name, None)
        if not isinstance(attribute_id, int):
            raise self._error(f"unknown attribute {name}", position)
        kind, op, op_position = self._next("a comparison operator")
        if kind != "op" or op not in _COMPARISONS:
            raise self._error("expected ==, !=, <, <=, > or >=", op_position)
        kind, text, value_position = self._next("a value")
        literal: int | str
        if kind == "num":
            literal = _literal_int(text)
        elif kind == "str":
            literal = _STRING_ESCAPE.sub(r"\1", text[1:-1])
            if op not in ("==", "!="):
                raise self._error(
                    f"strings can only be compared with == or !=, not {op}", op_position
                )
        else:
            raise self._error("expected a number or a double-quoted string", value_position)
        compare = _COMPARISONS[op]

        def predicate(get: Callable[[int], Any]) -> bool:
            value = get(attribute_id)
            if value is _MISSING:
                return False
            try:
                return bool(compare(value, literal))
            except TypeError:
                return False

        return predicate


def _literal_int(text: str) -> int:
    """Value of a decimal or 0x-hexadecimal literal (leading zeros allowed)."""
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    return sign * (int(digits, 16) if digits[:2].lower() == "0x" else int(digits, 10))
