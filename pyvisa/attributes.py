"""Descriptors for the VISA attributes of resources and events.

Every VISA attribute is described by one class named after it (``AttrVI_ATTR_ASRL_BAUD`` for
``VI_ATTR_ASRL_BAUD``...). The class knows the VISA name, the numerical id, the C type, the
session types (or event types) it applies to, whether it can be read or written, whether it is
local to a session, its default value and the kind of value it holds. An instance of the class is
a descriptor that resource and event classes declare in their body::

    baud_rate: Attribute[int] = attributes.AttrVI_ATTR_ASRL_BAUD()

Reading it queries the VISA library through ``instance.get_visa_attribute`` and converts the raw
value (into an int, an enum member, a bool...); setting it validates the value, raising a
``ValueError`` that says why the value is invalid, before passing it to
``instance.set_visa_attribute``.

Defining a subclass whose name starts with ``AttrVI_`` registers it in :data:`AttributesByID`
and :data:`AttributesPerResource`; a later definition for the same attribute replaces the earlier
one (backends use this to extend the list of session types of an attribute).

"""

from __future__ import annotations

import enum
import math
import numbers
import operator
import sys
from collections import defaultdict
from typing import TYPE_CHECKING, Any, ClassVar, Generic, SupportsInt, TypeVar, overload

from . import constants

if TYPE_CHECKING:
    from typing_extensions import Self

#: Python type of the values held by an attribute.
T = TypeVar("T")

#: Enum type of the values held by an enum or flag attribute.
E = TypeVar("E", bound=enum.IntEnum)
F = TypeVar("F", bound=enum.IntFlag)

_IS_64_BIT = sys.maxsize > 2**32

#: Largest value of the platform-dependent attributes (bus addresses and sizes, user data, counts).
_MAX_BUS_VALUE = 2**64 - 1 if _IS_64_BIT else 2**32 - 1

#: C types of the attributes whose id (and width) depends on the platform: on 64-bit platforms
#: visa.h maps VI_ATTR_USER_DATA, VI_ATTR_RET_COUNT, VI_ATTR_MEM_BASE... to their 64-bit variants.
_UINT_ADDRESS_TYPE = "ViUInt64" if _IS_64_BIT else "ViUInt32"
_BUS_ADDRESS_TYPE = "ViBusAddress64" if _IS_64_BIT else "ViBusAddress"
_BUS_SIZE_TYPE = "ViBusSize64" if _IS_64_BIT else "ViBusSize"


class AllSessionTypes:
    """Marker for the attributes that apply to every session type."""


class _NotAvailableType:
    """Type of ``NotAvailable`` (a single instance exists)."""

    _instance: ClassVar[_NotAvailableType | None] = None

    def __new__(cls) -> _NotAvailableType:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<NotAvailable>"

    def __reduce__(self) -> str:
        return "NotAvailable"


#: Default of the attributes for which VISA defines no default value.
NotAvailable = _NotAvailableType()

#: Attribute classes by attribute id.
AttributesByID: dict[int, type[Attribute[Any]]] = {}

#: Attribute classes by VISA name ("VI_ATTR_...").
AttributesByName: dict[str, type[Attribute[Any]]] = {}

#: Attribute classes by session type ``(InterfaceType, resource class)``, by event type, and
#: under the key :class:`AllSessionTypes` for those valid on every session.
AttributesPerResource: defaultdict[Any, set[type[Attribute[Any]]]] = defaultdict(set)


def _alias_ids(visa_name: str, attribute_id: int) -> tuple[int, ...]:
    """Other ids under which an attribute is registered in :data:`AttributesByID`.

    VI_ATTR_WIN_SIZE takes the id of visa.h (VI_ATTR_WIN_SIZE_64 on 64-bit platforms) and is
    also found under the 32-bit id that PyVISA 1.16.2 uses; VI_ATTR_PXI_SLOTPATH is found under
    both the unsigned id of visa.h and its signed 32-bit reading, which PyVISA 1.16.2 uses.
    """
    if visa_name == "VI_ATTR_WIN_SIZE":
        other = getattr(constants, "VI_ATTR_WIN_SIZE_32", attribute_id)
    elif visa_name == "VI_ATTR_PXI_SLOTPATH":
        other = attribute_id - 2**32 if attribute_id >= 2**31 else attribute_id + 2**32
    else:
        return ()
    return (other,) if other != attribute_id else ()


def _resource_keys(cls: type[Attribute[Any]]) -> list[Any]:
    """Keys of :data:`AttributesPerResource` under which an attribute class is listed."""
    if isinstance(cls.resources, type):
        return [AllSessionTypes]
    return list(cls.resources)


def _register(cls: type[Attribute[Any]]) -> None:
    """Register an attribute class, replacing an earlier class with the same id."""
    previous = AttributesByID.get(cls.attribute_id)
    if previous is not None:
        for key in _resource_keys(previous):
            AttributesPerResource[key].discard(previous)
    for attribute_id in (cls.attribute_id, *_alias_ids(cls.visa_name, cls.attribute_id)):
        AttributesByID[attribute_id] = cls
    AttributesByName[cls.visa_name] = cls
    for key in _resource_keys(cls):
        AttributesPerResource[key].add(cls)


def _clean_doc(doc: str) -> str:
    """Remove the indentation of a docstring and the blank lines around it."""
    lines = doc.expandtabs().splitlines()
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents, default=0)
    cleaned = [lines[0].strip()] + [line[margin:].rstrip() for line in lines[1:]]
    return "\n".join(cleaned).strip()


def _describe_resources(resources: Any) -> str:
    """Describe the session types (or event types) of an attribute for its docstring."""
    if isinstance(resources, type):
        return "all session types"
    names = []
    for item in resources:
        if isinstance(item, tuple):
            names.append(f"{item[0].name} {item[1]}")
        else:
            names.append(f"{item.name} event")
    return ", ".join(names) if names else "none"


def _invalid(value: Any, attribute: Attribute[Any], expected: str) -> ValueError:
    """The ValueError raised when a value is rejected."""
    return ValueError(
        f"{value!r} is an invalid value for attribute {attribute.visa_name}, should be {expected}"
    )


class Attribute(Generic[T]):
    """Base class of the VISA attribute descriptors.

    Subclasses describe one VISA attribute through class attributes; an instance is a descriptor
    to declare on a resource (or event) class. Values are returned and accepted as they are; the
    subclasses for specific kinds of values convert and validate them.

    """

    #: Session types ``(InterfaceType, resource class)`` (or event types) the attribute applies
    #: to, or :class:`AllSessionTypes`.
    resources: ClassVar[Any] = []

    #: Name of the attribute on the Python resource classes ("" when there is none).
    py_name: ClassVar[str] = "To be specified"

    #: VISA name of the attribute ("VI_ATTR_...").
    visa_name: ClassVar[str] = "To be specified"

    #: Name of the C type of the attribute value (a type of visatype.h).
    visa_type: ClassVar[str] = ""

    #: Numerical id of the attribute, derived from ``visa_name``.
    attribute_id: ClassVar[int] = 0

    #: Default value defined by VISA (``NotAvailable`` when VISA defines none).
    default: ClassVar[Any] = "N/A"

    #: Whether the attribute can be read, written, and whether it is local to a session
    #: (rather than global to the resource).
    read: ClassVar[bool] = False
    write: ClassVar[bool] = False
    local: ClassVar[bool] = False

    #: Docstring of the class as written, before redoc() added the VISA facts.
    _raw_doc: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own_doc = cls.__dict__.get("__doc__")
        if own_doc:
            cls._raw_doc = _clean_doc(own_doc)
        if not cls.__name__.startswith("AttrVI_"):
            return
        if cls.visa_name == "To be specified":
            cls.visa_name = cls.__name__[len("Attr") :]
        try:
            cls.attribute_id = getattr(constants, cls.visa_name)
        except AttributeError:
            raise TypeError(
                f"{cls.__name__}: {cls.visa_name!r} is not a VISA attribute known to "
                "pyvisa.constants"
            ) from None
        cls.redoc()
        _register(cls)

    @classmethod
    def in_resource(cls, session_type: Any) -> bool:
        """Whether the attribute applies to a session type.

        Parameters
        ----------
        session_type : tuple[constants.InterfaceType, str] | constants.EventType
            Session type ``(interface type, resource class)`` (or event type) to test.

        Returns
        -------
        bool
            True if the attribute applies to every session type or lists ``session_type``.

        """
        if cls.resources is AllSessionTypes:
            return True
        return session_type in cls.resources

    @classmethod
    def redoc(cls) -> None:
        """Build the docstring from the description and the VISA facts of the attribute."""
        access = "read/write" if cls.write else "read only"
        access += ", local" if cls.local else ", global"
        fields = [
            f":VISA Attribute: {cls.visa_name} ({cls.attribute_id})",
            *cls._doc_fields(),
            f":access: {access}",
            f":applies to: {_describe_resources(cls.resources)}",
        ]
        parts = [cls._raw_doc] if cls._raw_doc else []
        parts.append("\n".join(fields))
        cls.__doc__ = "\n\n".join(parts)

    @classmethod
    def _doc_fields(cls) -> list[str]:
        """Docstring lines describing the type (and range) of the value."""
        if cls.visa_type in ("ViString", "ViRsrc"):
            return [":type: str"]
        return [f":type: {cls.visa_type}"]

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _label(self) -> str:
        """Name of the descriptor for error messages."""
        return self.__dict__.get("_name") or self.py_name or self.visa_name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} descriptor {self._label()!r}>"

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...

    @overload
    def __get__(self, instance: Any, owner: type | None = None) -> T: ...

    def __get__(self, instance: Any, owner: type | None = None) -> Self | T:
        if instance is None:
            return self
        if not self.read:
            raise AttributeError(
                f"can't read attribute {self._label()!r}: {self.visa_name} is not readable"
            )
        return self.post_get(instance.get_visa_attribute(self.attribute_id))

    def __set__(self, instance: Any, value: Any) -> None:
        if not self.write:
            raise AttributeError(
                f"can't set attribute {self._label()!r}: {self.visa_name} is read-only"
            )
        instance.set_visa_attribute(self.attribute_id, self.pre_set(value))

    def __delete__(self, instance: Any) -> None:
        raise AttributeError(f"can't delete attribute {self._label()!r}")

    def post_get(self, value: Any) -> T:
        """Convert the raw value returned by the VISA library.

        Parameters
        ----------
        value : Any
            Value returned by the library.

        Returns
        -------
        T
            The value as exposed to Python code.

        """
        result: T = value
        return result

    def pre_set(self, value: T) -> Any:
        """Validate a value and convert it to what the VISA library expects.

        Parameters
        ----------
        value : T
            Value given by the user.

        Returns
        -------
        Any
            The value to pass to the library.

        Raises
        ------
        ValueError
            If the value is not allowed for this attribute.

        """
        return value


def _as_integer(value: Any) -> int | None:
    """The value as an int, or None if it is not an integer (floats and strings are not)."""
    if isinstance(value, (str, bytes, float)):
        return None
    try:
        return operator.index(value)
    except TypeError:
        return None


class BooleanAttribute(Attribute[bool]):
    """Attribute holding a ViBoolean, exposed as a bool."""

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [":type: bool"]

    def post_get(self, value: Any) -> bool:
        """Convert the ViBoolean returned by the library into a bool."""
        return bool(value)

    def pre_set(self, value: bool) -> constants.VisaBoolean:
        """Convert a bool (or 0 / 1) into VI_TRUE or VI_FALSE."""
        if isinstance(value, int) and value in (0, 1):
            return constants.VisaBoolean.true if value else constants.VisaBoolean.false
        raise _invalid(value, self, "a bool")


class CharAttribute(Attribute[str]):
    """Attribute holding a character (a ViUInt8), exposed as a one-character str.

    A one-character str (of code 0 to 255), a one-byte bytes or an int from 0 to 255 is
    accepted when setting it.

    """

    #: Python type of the values.
    py_type: ClassVar[type] = str

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [":type: str", ":range: a single character of code 0 <= value <= 255"]

    def post_get(self, value: int) -> str:
        """Convert the character code returned by the library into a str."""
        return chr(value) if isinstance(value, int) else value

    def pre_set(self, value: str | bytes) -> int:
        """Convert a character (str, bytes or code) into its code."""
        code: int | None
        if isinstance(value, (str, bytes)):
            code = ord(value) if len(value) == 1 else None
        else:
            code = _as_integer(value)
        if code is None or not 0 <= code <= 255:
            raise _invalid(value, self, "a single character (of code 0 to 255)")
        return code


class IntAttribute(Attribute[int]):
    """Attribute holding an integer; the raw value is converted with ``int()``."""

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [":type: int"]

    def post_get(self, value: SupportsInt) -> int:
        """Convert the raw value into an int."""
        return int(value)


class RangeAttribute(IntAttribute):
    """Attribute holding an integer between two bounds or equal to a special value."""

    #: Smallest and largest allowed values (set by each attribute class).
    min_value: ClassVar[int]
    max_value: ClassVar[int]

    #: Special values allowed outside of [min_value, max_value], if any.
    values: ClassVar[list[int] | None] = None

    @classmethod
    def _doc_fields(cls) -> list[str]:
        description = f"{cls.min_value} <= value <= {cls.max_value}"
        if cls.values:
            description += f" or in {cls.values}"
        return [":type: int", f":range: {description}"]

    def pre_set(self, value: int) -> int:
        """Check that the value is an integer within the range or a special value."""
        number = _as_integer(value)
        if number is not None and self.min_value <= number <= self.max_value:
            return number
        if not self.values:
            raise _invalid(value, self, f"between {self.min_value!r} and {self.max_value!r}")
        if number is None or number not in self.values:
            raise _invalid(
                value,
                self,
                f"between {self.min_value!r} and {self.max_value!r} or {self.values!r}",
            )
        return number


class ValuesAttribute(Attribute[int]):
    """Attribute holding an integer taken from an explicit list of values."""

    #: Allowed values.
    values: ClassVar[list[int]] = []

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [":type: int", f":range: value in {cls.values}"]

    def pre_set(self, value: int) -> int:
        """Check that the value is one of the allowed values."""
        number = _as_integer(value)
        if number is None or number not in self.values:
            raise _invalid(value, self, f"in {self.values}")
        return number


class EnumAttribute(Attribute[E]):
    """Attribute holding a value of an enum, returned as the enum member.

    A value that the enum does not know (a vendor-specific one) is returned unchanged.

    """

    #: Enum of the allowed values.
    enum_type: ClassVar[type[enum.IntEnum]]

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [f":type: :class:`{cls.enum_type.__module__}.{cls.enum_type.__qualname__}`"]

    def post_get(self, value: Any) -> E:
        """Convert the raw value into the enum member."""
        try:
            return self.enum_type(value)  # type: ignore[return-value]
        except ValueError:
            return value

    def pre_set(self, value: E) -> Any:
        """Check that the value is one of the enum and return the member."""
        if not isinstance(value, (str, bytes, float)):
            try:
                return self.enum_type(value)
            except ValueError:
                pass
        raise _invalid(value, self, f"a {self.enum_type!r}")


class FlagAttribute(Attribute[F]):
    """Attribute holding a combination of the flags of an IntFlag."""

    #: Flag type of the allowed values.
    enum_type: ClassVar[type[enum.IntFlag]]

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [f":type: :class:`{cls.enum_type.__module__}.{cls.enum_type.__qualname__}`"]

    def post_get(self, value: Any) -> F:
        """Convert the raw value into the flag combination."""
        try:
            return self.enum_type(value)  # type: ignore[return-value]
        except (ValueError, TypeError):
            return value

    def pre_set(self, value: F) -> Any:
        """Check that the value only combines known flags and return the combination."""
        number = _as_integer(value)
        known = 0
        for member in self.enum_type:
            known |= int(member)
        if number is None or number < 0 or number & ~known:
            raise _invalid(value, self, f"a {self.enum_type!r}")
        return self.enum_type(number)


def _visa_timeout(value: float | None, subject: str = "attribute VI_ATTR_TMO_VALUE") -> int:
    """Convert a timeout in milliseconds (None or inf: infinite) to the VISA integer.

    Values below 1 mean immediate (VI_TMO_IMMEDIATE). ``subject`` names what the value is
    for in the error messages (the attribute, or the timeout of a lock or a wait).
    """
    if value is None:
        return constants.VI_TMO_INFINITE
    if not isinstance(value, numbers.Real) or math.isnan(value):
        raise ValueError(
            f"{value!r} is an invalid value for {subject}, should be a timeout in "
            "milliseconds, None or float('+inf')"
        )
    if value == math.inf:
        return constants.VI_TMO_INFINITE
    if value < 1:
        return constants.VI_TMO_IMMEDIATE
    if value >= constants.VI_TMO_INFINITE:
        raise ValueError(
            f"{value!r} is an invalid value for {subject}, should be a timeout between "
            f"0 and {constants.VI_TMO_INFINITE - 1} ms (or None or float('+inf') for an "
            "infinite timeout)"
        )
    return int(value)


# Session types the attributes apply to.
_IT = constants.InterfaceType
_ASRL_INSTR = (_IT.asrl, "INSTR")
_GPIB_INSTR = (_IT.gpib, "INSTR")
_GPIB_INTFC = (_IT.gpib, "INTFC")
_PXI_INSTR = (_IT.pxi, "INSTR")
_PXI_MEMACC = (_IT.pxi, "MEMACC")
_PXI_BACKPLANE = (_IT.pxi, "BACKPLANE")
_TCPIP_INSTR = (_IT.tcpip, "INSTR")
_TCPIP_SOCKET = (_IT.tcpip, "SOCKET")
_USB_INSTR = (_IT.usb, "INSTR")
_USB_RAW = (_IT.usb, "RAW")
_VXI_INSTR = (_IT.vxi, "INSTR")
_VXI_MEMACC = (_IT.vxi, "MEMACC")
_VXI_BACKPLANE = (_IT.vxi, "BACKPLANE")
_VXI_SERVANT = (_IT.vxi, "SERVANT")
# Session types that exist only in pyvisa (pyvisa-py's Prologix adapters and LeCroy VICP).
_PRLGX_TCPIP_INTFC = (_IT.prlgx_tcpip, "INTFC")
_PRLGX_ASRL_INTFC = (_IT.prlgx_asrl, "INTFC")
_VICP_INSTR = (_IT.vicp, "INSTR")

_EV = constants.EventType


# The attribute classes follow, grouped as: every session type, message-based sessions, serial,
# GPIB, VXI and memory access, PXI, USB, TCPIP, events. The PXI BAR attributes are made by a
# loop at the end.


class AttrVI_ATTR_RSRC_CLASS(Attribute[str]):
    """Resource class (for example, "INSTR") as defined by the canonical resource name."""

    resources = AllSessionTypes
    py_name = "resource_class"
    visa_name = "VI_ATTR_RSRC_CLASS"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_RSRC_NAME(Attribute[str]):
    """Unique identifier for a resource compliant with the address structure."""

    resources = AllSessionTypes
    py_name = "resource_name"
    visa_name = "VI_ATTR_RSRC_NAME"
    visa_type = "ViRsrc"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_RSRC_IMPL_VERSION(RangeAttribute):
    """Resource version that identifies the revisions or implementations of a resource.

    This attribute value is defined by the individual manufacturer and increments with each new
    revision. The format of the value has the upper 12 bits as the major number of the version, the
    next lower 12 bits as the minor number of the version, and the lowest 8 bits as the sub-minor
    number of the version.

    """

    resources = AllSessionTypes
    py_name = "implementation_version"
    visa_name = "VI_ATTR_RSRC_IMPL_VERSION"
    visa_type = "ViVersion"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_RSRC_LOCK_STATE(EnumAttribute[constants.AccessModes]):
    """Current locking state of the resource.

    The resource can be unlocked, locked with an exclusive lock, or locked with a shared lock.

    """

    resources = AllSessionTypes
    py_name = "lock_state"
    visa_name = "VI_ATTR_RSRC_LOCK_STATE"
    visa_type = "ViAccessMode"
    default = constants.AccessModes.no_lock
    read, write, local = True, False, False
    enum_type = constants.AccessModes


class AttrVI_ATTR_MAX_QUEUE_LENGTH(RangeAttribute):
    """Maximum number of events queued on the session; further events are dropped."""

    resources = AllSessionTypes
    py_name = ""
    visa_name = "VI_ATTR_MAX_QUEUE_LENGTH"
    visa_type = "ViUInt32"
    default = 50
    read, write, local = True, True, True
    min_value, max_value, values = 1, 0xFFFFFFFF, None


class AttrVI_ATTR_USER_DATA(RangeAttribute):
    """Data used privately by the application for a particular session.

    VISA stores the value for the application and never interprets it.

    """

    resources = AllSessionTypes
    py_name = ""
    visa_name = "VI_ATTR_USER_DATA"
    visa_type = _UINT_ADDRESS_TYPE
    default = 0
    read, write, local = True, True, True
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_RSRC_SPEC_VERSION(RangeAttribute):
    """Version of the VISA specification to which the implementation is compliant.

    The value packs the major version in its upper 12 bits, the minor version in the next 12 bits
    and the sub-minor version in the lowest 8 bits: VISA 5.8 is 00500800h.

    """

    resources = AllSessionTypes
    py_name = "spec_version"
    visa_name = "VI_ATTR_RSRC_SPEC_VERSION"
    visa_type = "ViVersion"
    default = 3145728
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_INTF_TYPE(EnumAttribute[constants.InterfaceType]):
    """Interface type of the given session."""

    resources = AllSessionTypes
    py_name = "interface_type"
    visa_name = "VI_ATTR_INTF_TYPE"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.InterfaceType


class AttrVI_ATTR_INTF_NUM(RangeAttribute):
    """Board number for the given interface."""

    resources = AllSessionTypes
    py_name = "interface_number"
    visa_name = "VI_ATTR_INTF_NUM"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_INTF_INST_NAME(Attribute[str]):
    """Human-readable text that describes the given interface."""

    resources = AllSessionTypes
    py_name = ""
    visa_name = "VI_ATTR_INTF_INST_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_RSRC_MANF_ID(RangeAttribute):
    """VXI manufacturer ID of the vendor of the VISA library (not of the device)."""

    resources = AllSessionTypes
    py_name = ""
    visa_name = "VI_ATTR_RSRC_MANF_ID"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 16383, None


class AttrVI_ATTR_RSRC_MANF_NAME(Attribute[str]):
    """Manufacturer name of the vendor that implemented the VISA library.

    The text is meant to be displayed; programs should not depend on its content.

    """

    resources = AllSessionTypes
    py_name = "resource_manufacturer_name"
    visa_name = "VI_ATTR_RSRC_MANF_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_TMO_VALUE(RangeAttribute):
    """Timeout in milliseconds for all resource I/O operations.

    VI_TMO_IMMEDIATE (0) makes operations fail at once when the device is not ready and
    VI_TMO_INFINITE (0xFFFFFFFF) makes them wait without limit.

    """

    resources = AllSessionTypes
    py_name = "timeout"
    visa_name = "VI_ATTR_TMO_VALUE"
    visa_type = "ViUInt32"
    default = 2000
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None

    def post_get(self, value: int) -> int | float:  # type: ignore[override]
        """Convert VI_TMO_INFINITE into ``float('+inf')``, other values into an int."""
        if value == constants.VI_TMO_INFINITE:
            return math.inf
        return int(value)

    def pre_set(self, value: int | float | None) -> int:
        """Convert a timeout in milliseconds (None or ``float('+inf')``: infinite).

        Values below 1 mean an immediate timeout (VI_TMO_IMMEDIATE).
        """
        return _visa_timeout(value)

    def __delete__(self, instance: Any) -> None:
        """Deleting the timeout makes it infinite."""
        instance.set_visa_attribute(self.attribute_id, constants.VI_TMO_INFINITE)


class AttrVI_ATTR_RM_SESSION(Attribute[Any]):
    """Session of the Resource Manager that was used to open this session."""

    resources = AllSessionTypes
    py_name = ""
    visa_name = "VI_ATTR_RM_SESSION"
    visa_type = "ViSession"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_SEND_END_EN(BooleanAttribute):
    """Should END be asserted during the transfer of the last byte of the buffer."""

    resources = [
        _ASRL_INSTR,
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = "send_end"
    visa_name = "VI_ATTR_SEND_END_EN"
    visa_type = "ViBoolean"
    default = True
    read, write, local = True, True, True


class AttrVI_ATTR_TERMCHAR(CharAttribute):
    """Termination character.

    A read stops after receiving this character when VI_ATTR_TERMCHAR_EN is enabled.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_TERMCHAR"
    visa_type = "ViUInt8"
    default = 10
    read, write, local = True, True, True


class AttrVI_ATTR_TERMCHAR_EN(BooleanAttribute):
    """Should the read operation terminate when a termination character is received.

    Serial sessions use VI_ATTR_ASRL_END_IN instead when it selects the termination character.
    Applies to both raw and formatted reads.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_TERMCHAR_EN"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_SUPPRESS_END_EN(BooleanAttribute):
    """Whether to suppress the END indicator termination.

    When True, receiving END does not end a read (viRead and related operations).

    """

    resources = [
        _ASRL_INSTR,
        _GPIB_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
    ]
    py_name = ""
    visa_name = "VI_ATTR_SUPPRESS_END_EN"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_IO_PROT(EnumAttribute[constants.IOProtocol]):
    """IO protocol to use.

    In VXI, you can choose normal word serial or fast data channel (FDC). In GPIB, you can choose
    normal or high-speed (HS-488) transfers. In serial, TCPIP, or USB RAW, you can choose normal
    transfers or 488.2-defined strings. In USB INSTR, you can choose normal or vendor-specific
    transfers.

    """

    resources = [
        _GPIB_INTFC,
        _GPIB_INSTR,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = "io_protocol"
    visa_name = "VI_ATTR_IO_PROT"
    visa_type = "ViUInt16"
    default = constants.IOProtocol.normal
    read, write, local = True, True, True
    enum_type = constants.IOProtocol


class AttrVI_ATTR_DMA_ALLOW_EN(BooleanAttribute):
    """Should I/O accesses use DMA (True) or Programmed I/O (False).

    In some implementations, this attribute may have global effects even though it is documented to
    be a local attribute. Since this affects performance and not functionality, that behavior is
    acceptable.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PXI_INSTR,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_MEMACC,
        _VXI_SERVANT,
    ]
    py_name = "allow_dma"
    visa_name = "VI_ATTR_DMA_ALLOW_EN"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, True, True


class AttrVI_ATTR_FILE_APPEND_EN(BooleanAttribute):
    """Should viReadToFile() append data to the file instead of overwriting it."""

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_FILE_APPEND_EN"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_RD_BUF_OPER_MODE(RangeAttribute):
    """Operational mode of the formatted I/O read buffer.

    VI_FLUSH_DISABLE (the default) empties the buffer only when viFlush() is called;
    VI_FLUSH_ON_ACCESS also empties it at the end of each viScanf() (or related) call.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_RD_BUF_OPER_MODE"
    visa_type = "ViUInt16"
    default = 3
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_RD_BUF_SIZE(RangeAttribute):
    """Current size of the formatted I/O input buffer for this session.

    The user can modify this value by calling viSetBuf().

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_RD_BUF_SIZE"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_WR_BUF_OPER_MODE(RangeAttribute):
    """Operational mode of the formatted I/O write buffer.

    VI_FLUSH_WHEN_FULL (the default) sends the buffer when it is full or holds an END indicator;
    VI_FLUSH_ON_ACCESS also sends it at the end of each viPrintf() (or related) call.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_WR_BUF_OPER_MODE"
    visa_type = "ViUInt16"
    default = 2
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_WR_BUF_SIZE(RangeAttribute):
    """Current size of the formatted I/O output buffer for this session.

    The user can modify this value by calling viSetBuf().

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_WR_BUF_SIZE"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_TRIG_ID(EnumAttribute[constants.TriggerID]):
    """Identifier for the current triggering mechanism."""

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PXI_INSTR,
        _PXI_BACKPLANE,
        _ASRL_INSTR,
        _TCPIP_INSTR,
        _VXI_BACKPLANE,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_name = "VI_ATTR_TRIG_ID"
    visa_type = "ViInt16"
    default = -1
    read, write, local = True, True, True
    enum_type = constants.TriggerID


class AttrVI_ATTR_ASRL_ALLOW_TRANSMIT(BooleanAttribute):
    """Manually control transmission.

    False pauses the transmission as an XOFF character would; True resumes it as an XON would.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "allow_transmit"
    visa_name = "VI_ATTR_ASRL_ALLOW_TRANSMIT"
    visa_type = "ViBoolean"
    default = True
    read, write, local = True, True, False


class AttrVI_ATTR_ASRL_AVAIL_NUM(RangeAttribute):
    """Number of bytes available in the low- level I/O receive buffer."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "bytes_in_buffer"
    visa_name = "VI_ATTR_ASRL_AVAIL_NUM"
    visa_type = "ViUInt32"
    default = 0
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_ASRL_BAUD(RangeAttribute):
    """Baud rate of the interface.

    Any 32-bit value is accepted here; the hardware usually supports only the standard rates (300,
    1200, 2400, 9600... baud).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "baud_rate"
    visa_name = "VI_ATTR_ASRL_BAUD"
    visa_type = "ViUInt32"
    default = 9600
    read, write, local = True, True, False
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_ASRL_BREAK_LEN(RangeAttribute):
    """Duration (in milliseconds) of the break signal.

    This length applies to the break sent at the end of writes when VI_ATTR_ASRL_END_OUT is
    constants.SerialTermination.termination_break; VI_ATTR_ASRL_BREAK_STATE controls a break by
    hand.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "break_length"
    visa_name = "VI_ATTR_ASRL_BREAK_LEN"
    visa_type = "ViInt16"
    default = 250
    read, write, local = True, True, True
    min_value, max_value, values = -32768, 0x7FFF, None


class AttrVI_ATTR_ASRL_BREAK_STATE(EnumAttribute[constants.LineState]):
    """Manually control the assertion state of the break signal.

    Setting it to constants.LineState.asserted holds the line in the break state (no characters are
    sent) until it is set back to constants.LineState.unasserted.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "break_state"
    visa_name = "VI_ATTR_ASRL_BREAK_STATE"
    visa_type = "ViInt16"
    default = constants.LineState.unasserted
    read, write, local = True, True, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_CONNECTED(BooleanAttribute):
    """Whether the port is properly connected to another port or device.

    NI-VISA extension, available with the National Instruments serial drivers that support it.

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_CONNECTED"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_ASRL_CTS_STATE(EnumAttribute[constants.LineState]):
    """Current state of the Clear To Send (CTS) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_CTS_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_DATA_BITS(RangeAttribute):
    """Number of data bits contained in each frame (from 5 to 8).

    The bits of a frame occupy the low-order bits of each byte in memory.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "data_bits"
    visa_name = "VI_ATTR_ASRL_DATA_BITS"
    visa_type = "ViUInt16"
    default = 8
    read, write, local = True, True, False
    min_value, max_value, values = 5, 8, None


class AttrVI_ATTR_ASRL_DCD_STATE(EnumAttribute[constants.LineState]):
    """Current state of the Data Carrier Detect (DCD) input signal.

    Modems assert it when they detect a carrier (it is also called RLSD). It can only be set when
    the port works as a DCE (see VI_ATTR_ASRL_WIRE_MODE).

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_DCD_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_DISCARD_NULL(BooleanAttribute):
    """If set to True, NUL characters are discarded.

    Otherwise they are kept as data; binary transfers need False.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "discard_null"
    visa_name = "VI_ATTR_ASRL_DISCARD_NULL"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, False


class AttrVI_ATTR_ASRL_DSR_STATE(EnumAttribute[constants.LineState]):
    """Current state of the Data Set Ready (DSR) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_DSR_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_DTR_STATE(EnumAttribute[constants.LineState]):
    """Current state of the Data Terminal Ready (DTR) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_DTR_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_END_IN(EnumAttribute[constants.SerialTermination]):
    """Method used to terminate read operations."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "end_input"
    visa_name = "VI_ATTR_ASRL_END_IN"
    visa_type = "ViUInt16"
    default = constants.SerialTermination.termination_char
    read, write, local = True, True, True
    enum_type = constants.SerialTermination


class AttrVI_ATTR_ASRL_END_OUT(EnumAttribute[constants.SerialTermination]):
    """Method used to terminate write operations."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "end_output"
    visa_name = "VI_ATTR_ASRL_END_OUT"
    visa_type = "ViUInt16"
    default = constants.SerialTermination.none
    read, write, local = True, True, True
    enum_type = constants.SerialTermination


class AttrVI_ATTR_ASRL_FLOW_CNTRL(FlagAttribute[constants.ControlFlow]):
    """Indicates the type of flow control used by the transfer mechanism."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "flow_control"
    visa_name = "VI_ATTR_ASRL_FLOW_CNTRL"
    visa_type = "ViUInt16"
    default = constants.ControlFlow.none
    read, write, local = True, True, False
    enum_type = constants.ControlFlow


class AttrVI_ATTR_ASRL_PARITY(EnumAttribute[constants.Parity]):
    """Parity used with every frame transmitted and received."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "parity"
    visa_name = "VI_ATTR_ASRL_PARITY"
    visa_type = "ViUInt16"
    default = constants.Parity.none
    read, write, local = True, True, False
    enum_type = constants.Parity


class AttrVI_ATTR_ASRL_REPLACE_CHAR(CharAttribute):
    """Character to be used to replace incoming characters that arrive with errors.

    This refers for example to characters received with a parity error.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "replace_char"
    visa_name = "VI_ATTR_ASRL_REPLACE_CHAR"
    visa_type = "ViUInt8"
    default = 0
    read, write, local = True, True, True


class AttrVI_ATTR_ASRL_RI_STATE(EnumAttribute[constants.LineState]):
    """Current state of the Ring Indicator (RI) input signal.

    Modems assert it when the telephone line rings. It can only be set when the port works as a DCE
    (see VI_ATTR_ASRL_WIRE_MODE).

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_RI_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_RTS_STATE(EnumAttribute[constants.LineState]):
    """Manually assert or unassert the Request To Send (RTS) output signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_RTS_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    enum_type = constants.LineState


class AttrVI_ATTR_ASRL_STOP_BITS(EnumAttribute[constants.StopBits]):
    """Number of stop bits used to indicate the end of a frame.

    Values are in tenths of a bit: constants.StopBits.one_and_a_half (15) means 1.5 stop bits.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "stop_bits"
    visa_name = "VI_ATTR_ASRL_STOP_BITS"
    visa_type = "ViUInt16"
    default = constants.StopBits.one
    read, write, local = True, True, False
    enum_type = constants.StopBits


class AttrVI_ATTR_ASRL_WIRE_MODE(EnumAttribute[constants.WireMode]):
    """Current wire/transceiver mode.

    NI-VISA extension: the RS-485 modes and the RS-232 DCE / automatic modes need National
    Instruments drivers and hardware; elsewhere RS-232 DTE is the only mode.

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_ASRL_WIRE_MODE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    enum_type = constants.WireMode


class AttrVI_ATTR_ASRL_XOFF_CHAR(CharAttribute):
    """XOFF character used for XON/XOFF flow control (both directions).

    Only used when the flow control includes XON/XOFF (software handshaking).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "xoff_char"
    visa_name = "VI_ATTR_ASRL_XOFF_CHAR"
    visa_type = "ViUInt8"
    default = 19
    read, write, local = True, True, True


class AttrVI_ATTR_ASRL_XON_CHAR(CharAttribute):
    """XON character used for XON/XOFF flow control (both directions).

    Only used when the flow control includes XON/XOFF (software handshaking).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "xon_char"
    visa_name = "VI_ATTR_ASRL_XON_CHAR"
    visa_type = "ViUInt8"
    default = 17
    read, write, local = True, True, True


class AttrVI_ATTR_GPIB_PRIMARY_ADDR(RangeAttribute):
    """Primary address of the GPIB device used by the given session."""

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "primary_address"
    visa_name = "VI_ATTR_GPIB_PRIMARY_ADDR"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, True, False
    min_value, max_value, values = 0, 30, None


class AttrVI_ATTR_GPIB_SECONDARY_ADDR(RangeAttribute):
    """Secondary address of the GPIB device used by the given session.

    VI_NO_SEC_ADDR (65535) means that the device has no secondary address.

    """

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "secondary_address"
    visa_name = "VI_ATTR_GPIB_SECONDARY_ADDR"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, True, False
    min_value, max_value, values = 0, 30, [65535]


class AttrVI_ATTR_GPIB_READDR_EN(BooleanAttribute):
    """Whether to use repeat addressing before each read or write operation."""

    resources = [_GPIB_INSTR]
    py_name = "enable_repeat_addressing"
    visa_name = "VI_ATTR_GPIB_READDR_EN"
    visa_type = "ViBoolean"
    default = True
    read, write, local = True, True, True


class AttrVI_ATTR_GPIB_UNADDR_EN(BooleanAttribute):
    """Whether to unaddress the device (UNT and UNL) after each read or write operation."""

    resources = [_GPIB_INSTR]
    py_name = "enable_unaddressing"
    visa_name = "VI_ATTR_GPIB_UNADDR_EN"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_GPIB_REN_STATE(EnumAttribute[constants.LineState]):
    """Current state of the GPIB REN (Remote ENable) interface line."""

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "remote_enabled"
    visa_name = "VI_ATTR_GPIB_REN_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_GPIB_ATN_STATE(EnumAttribute[constants.LineState]):
    """Current state of the GPIB ATN (ATtentioN) interface line."""

    resources = [_GPIB_INTFC]
    py_name = "atn_state"
    visa_name = "VI_ATTR_GPIB_ATN_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_GPIB_ADDR_STATE(EnumAttribute[constants.AddressState]):
    """Is the GPIB interface currently addressed to talk or listen, or is not addressed."""

    resources = [_GPIB_INTFC]
    py_name = "address_state"
    visa_name = "VI_ATTR_GPIB_ADDR_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.AddressState


class AttrVI_ATTR_GPIB_CIC_STATE(BooleanAttribute):
    """Is the specified GPIB interface currently CIC (Controller In Charge)."""

    resources = [_GPIB_INTFC]
    py_name = "is_controller_in_charge"
    visa_name = "VI_ATTR_GPIB_CIC_STATE"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_GPIB_NDAC_STATE(EnumAttribute[constants.LineState]):
    """Current state of the GPIB NDAC (Not Data ACcepted) interface line."""

    resources = [_GPIB_INTFC]
    py_name = "ndac_state"
    visa_name = "VI_ATTR_GPIB_NDAC_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_GPIB_SRQ_STATE(EnumAttribute[constants.LineState]):
    """Current state of the GPIB SRQ (Service ReQuest) interface line."""

    resources = [_GPIB_INTFC]
    py_name = ""
    visa_name = "VI_ATTR_GPIB_SRQ_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_GPIB_SYS_CNTRL_STATE(BooleanAttribute):
    """Is the specified GPIB interface currently the system controller.

    Some implementations only let a configuration utility change it.

    """

    resources = [_GPIB_INTFC]
    py_name = "is_system_controller"
    visa_name = "VI_ATTR_GPIB_SYS_CNTRL_STATE"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, True, False


class AttrVI_ATTR_GPIB_HS488_CBL_LEN(RangeAttribute):
    """Total number of meters of GPIB cable used in the specified GPIB interface.

    VI_GPIB_HS488_DISABLED (0) turns HS-488 off; VI_GPIB_HS488_NIMPL (-1) means that the interface
    does not support HS-488.

    """

    resources = [_GPIB_INTFC]
    py_name = ""
    visa_name = "VI_ATTR_GPIB_HS488_CBL_LEN"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, False
    min_value, max_value, values = 1, 15, [0, -1]


class AttrVI_ATTR_DEV_STATUS_BYTE(CharAttribute):
    """488-style status byte of the local controller or device for this session."""

    resources = [_GPIB_INTFC, _VXI_SERVANT]
    py_name = ""
    visa_name = "VI_ATTR_DEV_STATUS_BYTE"
    visa_type = "ViUInt8"
    default = NotAvailable
    read, write, local = True, True, False


class AttrVI_ATTR_FDC_CHNL(RangeAttribute):
    """Which Fast Data Channel (FDC) to use to transfer the buffer."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_FDC_CHNL"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 0, 7, None


class AttrVI_ATTR_FDC_MODE(RangeAttribute):
    """Which Fast Data Channel (FDC) mode to use (either normal or stream mode)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_FDC_MODE"
    visa_type = "ViUInt16"
    default = 1
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_FDC_GEN_SIGNAL_EN(BooleanAttribute):
    """Fast Data Channel (FDC) signal enable.

    The documented resource classes do not list this attribute, so it is not associated with any
    session type here.

    """

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_FDC_GEN_SIGNAL_EN"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, True, True


class AttrVI_ATTR_FDC_USE_PAIR(BooleanAttribute):
    """Should a channel pair be used for transferring data with Fast Data Channel (FDC)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_FDC_USE_PAIR"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_DEST_ACCESS_PRIV(RangeAttribute):
    """Address modifier used by the high-level writes (viOutXX(), viMoveOutXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_DEST_ACCESS_PRIV"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_SRC_ACCESS_PRIV(EnumAttribute[constants.AddressModifiers]):
    """Address modifier used by the high-level reads (viInXX(), viMoveInXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_SRC_ACCESS_PRIV"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    enum_type = constants.AddressModifiers


class AttrVI_ATTR_WIN_ACCESS_PRIV(EnumAttribute[constants.AddressModifiers]):
    """Address modifier used for the mapped window (viMapAddress(), viPeekXX(), viPokeXX()).

    It can only be changed while no window is mapped.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_WIN_ACCESS_PRIV"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    enum_type = constants.AddressModifiers


class AttrVI_ATTR_DEST_BYTE_ORDER(EnumAttribute[constants.ByteOrder]):
    """Byte order used by the high-level writes (viOutXX(), viMoveOutXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_DEST_BYTE_ORDER"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    enum_type = constants.ByteOrder


class AttrVI_ATTR_SRC_BYTE_ORDER(EnumAttribute[constants.ByteOrder]):
    """Byte order used by the high-level reads (viInXX(), viMoveInXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_SRC_BYTE_ORDER"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    enum_type = constants.ByteOrder


class AttrVI_ATTR_WIN_BYTE_ORDER(EnumAttribute[constants.ByteOrder]):
    """Byte order used for the mapped window (viMapAddress(), viPeekXX(), viPokeXX()).

    It can only be changed while no window is mapped.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_WIN_BYTE_ORDER"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, True
    enum_type = constants.ByteOrder


class AttrVI_ATTR_SRC_INCREMENT(RangeAttribute):
    """Number of elements by which to increment the source offset after a transfer.

    With 1 (the default) viMoveInXX() reads consecutive elements; with 0 it reads the same element
    again and again, as from a FIFO register.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = "source_increment"
    visa_name = "VI_ATTR_SRC_INCREMENT"
    visa_type = "ViInt32"
    default = 1
    read, write, local = True, True, True
    min_value, max_value, values = 0, 1, None


class AttrVI_ATTR_DEST_INCREMENT(RangeAttribute):
    """Number of elements by which to increment the destination offset after a transfer.

    With 1 (the default) viMoveOutXX() writes consecutive elements; with 0 it writes the same
    element again and again, as into a FIFO register.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = "destination_increment"
    visa_name = "VI_ATTR_DEST_INCREMENT"
    visa_type = "ViInt32"
    default = 1
    read, write, local = True, True, True
    min_value, max_value, values = 0, 1, None


class AttrVI_ATTR_WIN_ACCESS(RangeAttribute):
    """Modes in which the current window may be accessed.

    VI_NMAPPED: no window is mapped; VI_USE_OPERS: use viPeekXX() and viPokeXX(); VI_DEREF_ADDR: the
    address may also be dereferenced directly.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_WIN_ACCESS"
    visa_type = "ViUInt16"
    default = 1
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_WIN_BASE_ADDR(RangeAttribute):
    """Base address of the interface bus to which this window is mapped."""

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_WIN_BASE_ADDR"
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_WIN_SIZE(RangeAttribute):
    """Size of the region mapped to this window."""

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_name = "VI_ATTR_WIN_SIZE"
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_CMDR_LA(RangeAttribute):
    """Unique logical address of the commander of the VXI device used by the given session."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_name = "VI_ATTR_CMDR_LA"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_VXI_DEV_CLASS(EnumAttribute[constants.VXIClass]):
    """VXI-defined device class to which the resource belongs.

    One of VI_VXI_CLASS_MEMORY, VI_VXI_CLASS_EXTENDED, VI_VXI_CLASS_MESSAGE, VI_VXI_CLASS_REGISTER
    and VI_VXI_CLASS_OTHER.

    """

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_VXI_DEV_CLASS"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.VXIClass


class AttrVI_ATTR_MAINFRAME_LA(RangeAttribute):
    """Lowest logical address in the mainframe.

    VI_UNKNOWN_LA (-1) means that it is unknown.

    """

    resources = [_VXI_INSTR, _VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_MAINFRAME_LA"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_MANF_NAME(Attribute[str]):
    """Manufacturer name."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "manufacturer_name"
    visa_name = "VI_ATTR_MANF_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_MODEL_NAME(Attribute[str]):
    """Model name of the device."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "model_name"
    visa_name = "VI_ATTR_MODEL_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_MANF_ID(RangeAttribute):
    """Manufacturer identification number of the device."""

    resources = [_PXI_INSTR, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "manufacturer_id"
    visa_name = "VI_ATTR_MANF_ID"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_MODEL_CODE(RangeAttribute):
    """Model code for the device."""

    resources = [_PXI_INSTR, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "model_code"
    visa_name = "VI_ATTR_MODEL_CODE"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_VXI_VME_INTR_STATUS(RangeAttribute):
    """VXI/VME interrupt status.

    Bits 0 to 6 are set while the interrupt levels 1 to 7 are asserted.

    """

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_VXI_VME_INTR_STATUS"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_VXI_TRIG_STATUS(RangeAttribute):
    """VXI trigger lines status.

    Bits 0 to 9 are set while the lines VI_TRIG_TTL0 to VI_TRIG_ECL1 are asserted.

    """

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_VXI_TRIG_STATUS"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_VXI_VME_SYSFAIL_STATE(EnumAttribute[constants.LineState]):
    """Current state of the VXI/VME SYSFAIL (SYStem FAILure) backplane line."""

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_VXI_VME_SYSFAIL_STATE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.LineState


class AttrVI_ATTR_MEM_BASE(RangeAttribute):
    """Base address of the device in VXIbus memory address space (A24 or A32 space)."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_name = "VI_ATTR_MEM_BASE"
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_MEM_SIZE(RangeAttribute):
    """Size of memory requested by the device in VXIbus address space."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_name = "VI_ATTR_MEM_SIZE"
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_MEM_SPACE(EnumAttribute[constants.AddressSpace]):
    """VXIbus address space used by the device."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_MEM_SPACE"
    visa_type = "ViUInt16"
    default = 1
    read, write, local = True, False, False
    enum_type = constants.AddressSpace


class AttrVI_ATTR_VXI_LA(RangeAttribute):
    """Logical address of the VXI or VME device used by the given session.

    VME devices get pseudo-addresses from 256 to 511.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC, _VXI_SERVANT]
    py_name = ""
    visa_name = "VI_ATTR_VXI_LA"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 511, None


class AttrVI_ATTR_SLOT(RangeAttribute):
    """Physical slot location of the device.

    VI_UNKNOWN_SLOT (-1) means that it is unknown.

    """

    resources = [_PXI_INSTR, _VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_SLOT"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 1, 18, [-1]


class AttrVI_ATTR_IMMEDIATE_SERV(BooleanAttribute):
    """Is the device an immediate servant of the controller running VISA."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_IMMEDIATE_SERV"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_4882_COMPLIANT(BooleanAttribute):
    """Whether the device is 488.2 compliant."""

    resources = [_USB_INSTR, _VXI_INSTR]
    py_name = "is_4882_compliant"
    visa_name = "VI_ATTR_4882_COMPLIANT"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_VXI_TRIG_SUPPORT(RangeAttribute):
    """VXI trigger lines this implementation supports.

    Bits 0 to 9 stand for VI_TRIG_TTL0 to VI_TRIG_ECL1.

    """

    resources = [_VXI_INSTR, _VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_VXI_TRIG_SUPPORT"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_VXI_TRIG_LINES_EN(RangeAttribute):
    """VXI trigger lines enabled (bit vector, NI-VISA extension)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_VXI_TRIG_LINES_EN"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_VXI_TRIG_DIR(RangeAttribute):
    """Direction of the VXI trigger lines (bit vector, NI-VISA extension)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_VXI_TRIG_DIR"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, True, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_INTF_PARENT_NUM(RangeAttribute):
    """Board number of the GPIB board to which the GPIB-VXI is attached."""

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_INTF_PARENT_NUM"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_PXI_DEV_NUM(RangeAttribute):
    """PXI device number."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_DEV_NUM"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 31, None


class AttrVI_ATTR_PXI_FUNC_NUM(RangeAttribute):
    """PCI function number of the PXI/PCI resource.

    It is 0 except for the other functions of a multifunction device (up to 7).

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_FUNC_NUM"
    visa_type = "ViUInt16"
    default = 0
    read, write, local = True, False, False
    min_value, max_value, values = 0, 7, None


class AttrVI_ATTR_PXI_BUS_NUM(RangeAttribute):
    """PCI bus number of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_BUS_NUM"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, None


class AttrVI_ATTR_PXI_CHASSIS(RangeAttribute):
    """PXI chassis number of this device.

    A value of -1 means the chassis number is unknown.

    """

    resources = [_PXI_INSTR, _PXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_PXI_CHASSIS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_PXI_SLOTPATH(Attribute[str]):
    """Slot path of this device.

    It lists the PCI device and function numbers of the module and of every bridge between it and
    the host.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_SLOTPATH"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_PXI_SLOT_LBUS_LEFT(RangeAttribute):
    """Slot number or special feature connected to the local bus left lines of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_SLOT_LBUS_LEFT"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = (
        1,
        18,
        [-1, 0, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1413, 2000],
    )


class AttrVI_ATTR_PXI_SLOT_LBUS_RIGHT(RangeAttribute):
    """Slot number or special feature connected to the local bus right lines of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_SLOT_LBUS_RIGHT"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = (
        1,
        18,
        [-1, 0, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1413, 2000],
    )


class AttrVI_ATTR_PXI_TRIG_BUS(RangeAttribute):
    """Trigger bus number of this device."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_PXI_TRIG_BUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_STAR_TRIG_BUS(RangeAttribute):
    """Star trigger bus number of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_STAR_TRIG_BUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_STAR_TRIG_LINE(RangeAttribute):
    """PXI_STAR line connected to this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_STAR_TRIG_LINE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0x7FFF, None


class AttrVI_ATTR_PXI_SRC_TRIG_BUS(RangeAttribute):
    """Segment to use to qualify trigSrc in viMapTrigger."""

    resources = [_PXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_PXI_SRC_TRIG_BUS"
    visa_type = "ViInt16"
    default = -1
    read, write, local = True, True, True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_DEST_TRIG_BUS(RangeAttribute):
    """Segment to use to qualify trigDest in viMapTrigger."""

    resources = [_PXI_BACKPLANE]
    py_name = ""
    visa_name = "VI_ATTR_PXI_DEST_TRIG_BUS"
    visa_type = "ViInt16"
    default = -1
    read, write, local = True, True, True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_IS_EXPRESS(BooleanAttribute):
    """Whether the device is PXI/PCI or PXI/PCI Express."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_IS_EXPRESS"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_PXI_SLOT_LWIDTH(ValuesAttribute):
    """PCI Express link width of the PXI Express peripheral slot in which the device resides.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_SLOT_LWIDTH"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    values = [-1, 1, 4, 8]


class AttrVI_ATTR_PXI_MAX_LWIDTH(ValuesAttribute):
    """Maximum PCI Express link width of the device.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_MAX_LWIDTH"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    values = [-1, 1, 2, 4, 8, 16]


class AttrVI_ATTR_PXI_ACTUAL_LWIDTH(ValuesAttribute):
    """PCI Express link width negotiated between the host controller and the device.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_ACTUAL_LWIDTH"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    values = [-1, 1, 2, 4, 8, 16]


class AttrVI_ATTR_PXI_DSTAR_BUS(RangeAttribute):
    """Differential star trigger bus number of this device.

    A value of -1 means the chassis is unidentified or does not have a timing slot.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_DSTAR_BUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = -32768, 0x7FFF, None


class AttrVI_ATTR_PXI_DSTAR_SET(RangeAttribute):
    """Set of PXI_DSTAR lines connected to this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_PXI_DSTAR_SET"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 16, [-1]


class AttrVI_ATTR_USB_SERIAL_NUM(Attribute[str]):
    """USB serial number of this device."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "serial_number"
    visa_name = "VI_ATTR_USB_SERIAL_NUM"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_USB_INTFC_NUM(RangeAttribute):
    """USB interface number used by the given session."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "interface_number"
    visa_name = "VI_ATTR_USB_INTFC_NUM"
    visa_type = "ViInt16"
    default = 0
    read, write, local = True, False, False
    min_value, max_value, values = 0, 254, None


class AttrVI_ATTR_USB_PROTOCOL(RangeAttribute):
    """USB protocol used by this USB interface."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "usb_protocol"
    visa_name = "VI_ATTR_USB_PROTOCOL"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, None


class AttrVI_ATTR_USB_MAX_INTR_SIZE(RangeAttribute):
    """Largest amount of data kept from one USB interrupt; the rest is lost."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "maximum_interrupt_size"
    visa_name = "VI_ATTR_USB_MAX_INTR_SIZE"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_USB_BULK_OUT_PIPE(RangeAttribute):
    """Endpoint address of the USB bulk-out pipe used by the given session.

    viWrite and related operations use it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_BULK_OUT_PIPE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 1, 15, [-1]


class AttrVI_ATTR_USB_BULK_IN_PIPE(RangeAttribute):
    """Endpoint address of the USB bulk-in pipe used by the given session.

    viRead and related operations use it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_BULK_IN_PIPE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 129, 143, [-1]


class AttrVI_ATTR_USB_INTR_IN_PIPE(RangeAttribute):
    """Endpoint address of the USB interrupt-in pipe used by the given session.

    USB interrupt events come from it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_INTR_IN_PIPE"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = 129, 143, [-1]


class AttrVI_ATTR_USB_CLASS(RangeAttribute):
    """USB class used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_CLASS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, None


class AttrVI_ATTR_USB_SUBCLASS(RangeAttribute):
    """USB subclass used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_SUBCLASS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 255, None


class AttrVI_ATTR_USB_ALT_SETTING(RangeAttribute):
    """USB alternate setting used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_ALT_SETTING"
    visa_type = "ViInt16"
    default = 0
    read, write, local = True, True, False
    min_value, max_value, values = 0, 255, None


class AttrVI_ATTR_USB_END_IN(EnumAttribute[constants.USBEndInput]):
    """Method used to terminate read operations."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_END_IN"
    visa_type = "ViUInt16"
    default = 5
    read, write, local = True, True, True
    enum_type = constants.USBEndInput


class AttrVI_ATTR_USB_NUM_INTFCS(RangeAttribute):
    """Number of interfaces supported by this USB device."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_NUM_INTFCS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 1, 255, None


class AttrVI_ATTR_USB_NUM_PIPES(RangeAttribute):
    """Number of pipes supported by this USB interface.

    This does not include the default control pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_NUM_PIPES"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 30, None


class AttrVI_ATTR_USB_BULK_OUT_STATUS(RangeAttribute):
    """State (stalled or ready) of the bulk-out pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_BULK_OUT_STATUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = -32768, 0x7FFF, None


class AttrVI_ATTR_USB_BULK_IN_STATUS(RangeAttribute):
    """State (stalled or ready) of the bulk-in pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_BULK_IN_STATUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = -32768, 0x7FFF, None


class AttrVI_ATTR_USB_INTR_IN_STATUS(RangeAttribute):
    """State (stalled or ready) of the interrupt-in pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_INTR_IN_STATUS"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, True, True
    min_value, max_value, values = -32768, 0x7FFF, None


class AttrVI_ATTR_USB_CTRL_PIPE(RangeAttribute):
    """Endpoint address of the USB control pipe used by the given session.

    viUsbControlIn and viUsbControlOut use it; 0 is the default control pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_name = "VI_ATTR_USB_CTRL_PIPE"
    visa_type = "ViInt16"
    default = 0
    read, write, local = True, True, True
    min_value, max_value, values = 0, 15, None


class AttrVI_ATTR_TCPIP_ADDR(Attribute[str]):
    """TCPIP address of the device to which the session is connected (dotted notation)."""

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_INSTR, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_ADDR"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_TCPIP_HOSTNAME(Attribute[str]):
    """Host name of the device.

    Empty when no host name is known.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_INSTR, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_HOSTNAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_TCPIP_PORT(RangeAttribute):
    """Port number for a given TCPIP address."""

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_PORT"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_TCPIP_DEVICE_NAME(Attribute[str]):
    """LAN device name used by the VXI-11 or LXI protocol during connection."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_DEVICE_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_TCPIP_NODELAY(BooleanAttribute):
    """Whether Nagle's algorithm is disabled on the connection.

    Nagle's algorithm delays small packets to group them; VISA disables it by default so that writes
    are sent at once.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_NODELAY"
    visa_type = "ViBoolean"
    default = True
    read, write, local = True, True, True


class AttrVI_ATTR_TCPIP_KEEPALIVE(BooleanAttribute):
    """Whether the TCP/IP connection sends keep-alive packets.

    Once the system notices that the connection is gone, I/O on the session fails with a lost
    connection error; how long that takes depends on the system.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_KEEPALIVE"
    visa_type = "ViBoolean"
    default = False
    read, write, local = True, True, True


class AttrVI_ATTR_TCPIP_HISLIP_OVERLAP_EN(BooleanAttribute):
    """Whether the HiSLIP connection uses the overlapped mode.

    The initial value is the mode the instrument proposes. Changing it makes VISA clear the device.

    """

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_HISLIP_OVERLAP_EN"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, True, True


class AttrVI_ATTR_TCPIP_HISLIP_VERSION(RangeAttribute):
    """HiSLIP protocol version of the connection (0x00100000 for HiSLIP 1.0)."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_HISLIP_VERSION"
    visa_type = "ViVersion"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB(RangeAttribute):
    """Largest HiSLIP message, in kilobytes, that VISA accepts from the instrument (1024 by
    default).

    """

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB"
    visa_type = "ViUInt32"
    default = 1024
    read, write, local = True, True, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_TCPIP_IS_HISLIP(BooleanAttribute):
    """Whether this session uses the HiSLIP protocol."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_name = "VI_ATTR_TCPIP_IS_HISLIP"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, False


class AttrVI_ATTR_STATUS(EnumAttribute[constants.StatusCode]):
    """Status code of the operation generating this event."""

    resources = [_EV.exception, _EV.io_completion]
    py_name = "status"
    visa_name = "VI_ATTR_STATUS"
    visa_type = "ViStatus"
    default = NotAvailable
    read, write, local = True, False, True
    enum_type = constants.StatusCode


class AttrVI_ATTR_JOB_ID(Attribute[Any]):
    """Job ID of the asynchronous operation that has completed."""

    resources = [_EV.io_completion]
    py_name = "job_id"
    visa_name = "VI_ATTR_JOB_ID"
    visa_type = "ViJobId"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_BUFFER(Attribute[Any]):
    """Address of the buffer used in an asynchronous operation."""

    resources = [_EV.io_completion]
    py_name = "buffer"
    visa_name = "VI_ATTR_BUFFER"
    visa_type = "ViBuf"
    default = NotAvailable
    read, write, local = True, False, True

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...

    @overload
    def __get__(self, instance: Any, owner: type | None = None) -> Any: ...

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        """Buffer of the job of the event, as kept by the library that started the job.

        When the library does not know the job, the raw value of VI_ATTR_BUFFER is returned.
        """
        if instance is None:
            return self
        get_buffer = getattr(getattr(instance, "visalib", None), "get_buffer_from_id", None)
        if get_buffer is not None:
            buffer = get_buffer(instance.job_id)
            if buffer is not None:
                return buffer
        return instance.get_visa_attribute(self.attribute_id)


class AttrVI_ATTR_RET_COUNT(RangeAttribute):
    """Actual number of elements that were asynchronously transferred."""

    resources = [_EV.io_completion]
    py_name = "return_count"
    visa_name = "VI_ATTR_RET_COUNT"
    visa_type = _UINT_ADDRESS_TYPE
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class AttrVI_ATTR_OPER_NAME(Attribute[str]):
    """Name of the operation generating this event."""

    resources = [_EV.io_completion, _EV.exception]
    py_name = "operation_name"
    visa_name = "VI_ATTR_OPER_NAME"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_RECV_TRIG_ID(EnumAttribute[constants.TriggerEventID]):
    """Identifier of the triggering mechanism on which the specified trigger event was received."""

    resources = [_EV.trig]
    py_name = "received_trigger_id"
    visa_name = "VI_ATTR_RECV_TRIG_ID"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, True
    enum_type = constants.TriggerEventID


class AttrVI_ATTR_SIGP_STATUS_ID(RangeAttribute):
    """16-bit Status/ID value retrieved during the IACK cycle or from the Signal register."""

    resources = [_EV.vxi_signal_interrupt]
    py_name = "signal_register_status_id"
    visa_name = "VI_ATTR_SIGP_STATUS_ID"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_INTR_STATUS_ID(RangeAttribute):
    """32-bit status/ID retrieved during the IACK cycle."""

    resources = [_EV.vxi_vme_interrupt]
    py_name = "status_id"
    visa_name = "VI_ATTR_INTR_STATUS_ID"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFFFFFF, None


class AttrVI_ATTR_RECV_INTR_LEVEL(RangeAttribute):
    """VXI interrupt level on which the interrupt was received."""

    resources = [_EV.vxi_vme_interrupt]
    py_name = "level"
    visa_name = "VI_ATTR_RECV_INTR_LEVEL"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 1, 7, [-1]


class AttrVI_ATTR_GPIB_RECV_CIC_STATE(BooleanAttribute):
    """Whether the event refers to the acquisition or the loss of the CIC state."""

    resources = [_EV.gpib_controller_in_charge]
    py_name = "cic_state"
    visa_name = "VI_ATTR_GPIB_RECV_CIC_STATE"
    visa_type = "ViBoolean"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_RECV_TCPIP_ADDR(Attribute[str]):
    """Address of the device from which the session received a connection."""

    resources = [_EV.tcpip_connect]
    py_name = "tcpip_connect"
    visa_name = "VI_ATTR_RECV_TCPIP_ADDR"
    visa_type = "ViString"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_USB_RECV_INTR_SIZE(RangeAttribute):
    """Size of the data that was received from the USB interrupt-IN pipe."""

    resources = [_EV.usb_interrupt]
    py_name = "size"
    visa_name = "VI_ATTR_USB_RECV_INTR_SIZE"
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, True
    min_value, max_value, values = 0, 0xFFFF, None


class AttrVI_ATTR_USB_RECV_INTR_DATA(Attribute[Any]):
    """Actual data that was received from the USB interrupt-IN pipe."""

    resources = [_EV.pxi_interrupt]
    py_name = "data"
    visa_name = "VI_ATTR_USB_RECV_INTR_DATA"
    visa_type = "ViBuf"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_PXI_RECV_INTR_SEQ(Attribute[Any]):
    """Index of the interrupt sequence that detected the interrupt condition."""

    resources = [_EV.pxi_interrupt]
    py_name = "sequence"
    visa_name = "VI_ATTR_PXI_RECV_INTR_SEQ"
    visa_type = "ViInt16"
    default = NotAvailable
    read, write, local = True, False, True


class AttrVI_ATTR_PXI_RECV_INTR_DATA(Attribute[Any]):
    """First PXI/PCI register that was read in the successful interrupt detection sequence."""

    resources = [_EV.pxi_interrupt]
    py_name = "data"
    visa_name = "VI_ATTR_PXI_RECV_INTR_DATA"
    visa_type = "ViUInt32"
    default = NotAvailable
    read, write, local = True, False, True


class _AttrVI_ATTR_PXI_MEM_BASE_BARX(RangeAttribute):
    """Memory base address assigned to a BAR space of the device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class _AttrVI_ATTR_PXI_MEM_SIZE_BARX(RangeAttribute):
    """Memory size used by the device in a BAR space."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read, write, local = True, False, False
    min_value, max_value, values = 0, _MAX_BUS_VALUE, None


class _AttrVI_ATTR_PXI_MEM_TYPE_BARX(EnumAttribute[constants.PXIMemory]):
    """Memory type (none, memory or I/O) used by the device in a BAR space."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read, write, local = True, False, False
    enum_type = constants.PXIMemory


def _bar_attribute(base: type[Attribute[Any]], kind: str, bar: int, doc: str) -> None:
    """Define AttrVI_ATTR_PXI_MEM_<kind>_BAR<bar> as a subclass of ``base`` in this module."""
    name = f"AttrVI_ATTR_PXI_MEM_{kind}_BAR{bar}"
    namespace = {
        "__doc__": doc,
        "__module__": __name__,
        "__qualname__": name,
        "visa_name": f"VI_ATTR_PXI_MEM_{kind}_BAR{bar}",
    }
    setattr(mod, name, type(name, (base,), namespace))


mod = sys.modules[__name__]
for i in range(6):
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_TYPE_BARX,
        "TYPE",
        i,
        f"Memory type (none, memory or I/O) used by the device in the BAR{i} space.",
    )
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_BASE_BARX,
        "BASE",
        i,
        f"Memory base address assigned to the BAR{i} space of the device.",
    )
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_SIZE_BARX,
        "SIZE",
        i,
        f"Memory size used by the device in the BAR{i} space.",
    )

if TYPE_CHECKING:
    AttrVI_ATTR_PXI_MEM_TYPE_BAR0 = AttrVI_ATTR_PXI_MEM_TYPE_BAR1 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_TYPE_BAR2 = AttrVI_ATTR_PXI_MEM_TYPE_BAR3 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_TYPE_BAR4 = AttrVI_ATTR_PXI_MEM_TYPE_BAR5 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR0 = AttrVI_ATTR_PXI_MEM_BASE_BAR1 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR2 = AttrVI_ATTR_PXI_MEM_BASE_BAR3 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR4 = AttrVI_ATTR_PXI_MEM_BASE_BAR5 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR0 = AttrVI_ATTR_PXI_MEM_SIZE_BAR1 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR2 = AttrVI_ATTR_PXI_MEM_SIZE_BAR3 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR4 = AttrVI_ATTR_PXI_MEM_SIZE_BAR5 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
