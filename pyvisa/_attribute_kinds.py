"""The kinds of VISA attribute descriptors, and the registries filled by their declarations.

:class:`Attribute` is the base of every descriptor; its subclasses here are the kinds of value
an attribute can hold (a bool, a character, an integer in a range or from a list, an enum
member, a combination of flags). :mod:`pyvisa.attributes` declares one subclass per VISA
attribute (``AttrVI_ATTR_...``) and re-exports everything public defined here under its own
name, which is the one these definitions carry.

Declaring a subclass whose name starts with ``AttrVI_`` completes it: its VISA name defaults
to the class name without the ``Attr`` prefix, its id is looked up in :mod:`pyvisa.constants`,
the enum of an :class:`EnumAttribute` or :class:`FlagAttribute` is taken from the type
argument of its base (``EnumAttribute[AccessModes]``), its docstring gets the VISA facts, and
it is registered in :data:`AttributesByID`, :data:`AttributesByName` and
:data:`AttributesPerResource`. A later declaration for the same attribute replaces the earlier
one (backends use this to extend the list of session types of an attribute).

Values rejected when setting an attribute raise :class:`~pyvisa.errors.InvalidArgument`
(a ``ValueError``) whose message says what the attribute accepts.
"""

from __future__ import annotations

import enum
import math
import numbers
import operator
from collections import defaultdict
from collections.abc import Iterable
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Generic,
    SupportsInt,
    TypeVar,
    get_args,
    overload,
)

from . import constants
from ._exports import public_at
from .errors import InvalidArgument, InvalidArgumentType, UnknownAttribute

if TYPE_CHECKING:
    from typing_extensions import Self

#: Python type of the values held by an attribute.
T = TypeVar("T")

#: Enum type of the values held by an enum or flag attribute.
E = TypeVar("E", bound=enum.IntEnum)
F = TypeVar("F", bound=enum.IntFlag)


@public_at("pyvisa.attributes")
class AllSessionTypes:
    """Marker for the attributes that apply to every session type."""


@public_at("pyvisa.attributes")
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
        other = constants.VI_ATTR_WIN_SIZE_32
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


def missing_py_name(
    python_class: type, attribute_classes: Iterable[type[Attribute[Any]]]
) -> str | None:
    """The first Python name, in alphabetical order, of the attributes a class lacks.

    Parameters
    ----------
    python_class : type
        Resource or event class that must declare the attributes.
    attribute_classes : Iterable[type[Attribute]]
        Attribute classes registered for the session (or event) type of ``python_class``;
        those without a Python name (``py_name == ""``) are not required.

    Returns
    -------
    str | None
        The missing name, or None when the class has every attribute.

    """
    for name in sorted(attr_class.py_name for attr_class in attribute_classes):
        if name and not hasattr(python_class, name):
            return name
    return None


def _enum_argument(cls: type) -> type[enum.Enum] | None:
    """The enum given as type argument to a base of ``cls`` (``EnumAttribute[AccessModes]``)."""
    for base in cls.__dict__.get("__orig_bases__", ()):
        for argument in get_args(base):
            if isinstance(argument, type) and issubclass(argument, enum.Enum):
                return argument
    return None


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


class _DocOnFirstRead:
    """``__doc__`` of an attribute class until first read: then built by ``redoc()``."""

    def __get__(self, instance: Any, owner: type[Attribute[Any]]) -> str | None:
        for cls in owner.__mro__:  # the class that holds this descriptor
            if cls.__dict__.get("__doc__") is self:
                cls.redoc()  # type: ignore[attr-defined]
                return cls.__dict__["__doc__"]
        return None  # pragma: no cover - the descriptor is always in the MRO


def _invalid(value: Any, attribute: Attribute[Any], expected: str) -> InvalidArgument:
    """The error raised when a value is rejected."""
    return InvalidArgument(
        f"{value!r} is an invalid value for attribute {attribute.visa_name}, should be {expected}"
    )


@public_at("pyvisa.attributes")
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
    #: That docstring before its indentation was removed (inherited when a class has none).
    _doc_source: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own_doc = cls.__dict__.get("__doc__")
        if own_doc:
            cls._doc_source = own_doc
            cls._raw_doc = ""  # made from _doc_source by redoc()
        enum_type = None if "enum_type" in cls.__dict__ else _enum_argument(cls)
        if enum_type is not None:
            cls.enum_type = enum_type  # type: ignore[attr-defined]
        if not cls.__name__.startswith("AttrVI_"):
            return
        if cls.visa_name == "To be specified":
            cls.visa_name = cls.__name__[len("Attr") :]
        try:
            cls.attribute_id = getattr(constants, cls.visa_name)
        except AttributeError:
            raise InvalidArgumentType(
                f"{cls.__name__}: {cls.visa_name!r} is not a VISA attribute known to "
                "pyvisa.constants"
            ) from None
        # The docstring is built when first read (help, Sphinx): not at import.
        cls.__doc__ = _DocOnFirstRead()  # type: ignore[assignment]
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
        if cls._doc_source and not cls.__dict__.get("_raw_doc"):
            cls._raw_doc = _clean_doc(cls._doc_source)
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
            raise UnknownAttribute(
                f"can't read attribute {self._label()!r}: {self.visa_name} is not readable"
            )
        return self.post_get(instance.get_visa_attribute(self.attribute_id))

    def __set__(self, instance: Any, value: Any) -> None:
        if not self.write:
            raise UnknownAttribute(
                f"can't set attribute {self._label()!r}: {self.visa_name} is read-only"
            )
        instance.set_visa_attribute(self.attribute_id, self.pre_set(value))

    def __delete__(self, instance: Any) -> None:
        raise UnknownAttribute(f"can't delete attribute {self._label()!r}")

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
        errors.InvalidArgument
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


@public_at("pyvisa.attributes")
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


@public_at("pyvisa.attributes")
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


@public_at("pyvisa.attributes")
class IntAttribute(Attribute[int]):
    """Attribute holding an integer; the raw value is converted with ``int()``."""

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return [":type: int"]

    def post_get(self, value: SupportsInt) -> int:
        """Convert the raw value into an int."""
        return int(value)


@public_at("pyvisa.attributes")
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


@public_at("pyvisa.attributes")
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


def _enum_doc_fields(enum_type: type[enum.Enum]) -> list[str]:
    """Docstring line giving the enum of an enum or flag attribute."""
    return [f":type: :class:`{enum_type.__module__}.{enum_type.__qualname__}`"]


@public_at("pyvisa.attributes")
class EnumAttribute(Attribute[E]):
    """Attribute holding a value of an enum, returned as the enum member.

    A value that the enum does not know (a vendor-specific one) is returned unchanged.

    """

    #: Enum of the allowed values (by default the type argument of the declaration's base).
    enum_type: ClassVar[type[enum.IntEnum]]

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return _enum_doc_fields(cls.enum_type)

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


@public_at("pyvisa.attributes")
class FlagAttribute(Attribute[F]):
    """Attribute holding a combination of the flags of an IntFlag."""

    #: Flag type of the allowed values (by default the type argument of the declaration's base).
    enum_type: ClassVar[type[enum.IntFlag]]

    @classmethod
    def _doc_fields(cls) -> list[str]:
        return _enum_doc_fields(cls.enum_type)

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
    """Convert a timeout in milliseconds to the integer VISA expects.

    Parameters
    ----------
    value : float | None
        Timeout in milliseconds; ``None`` and ``float('+inf')`` mean infinite
        (VI_TMO_INFINITE), values below 1 mean immediate (VI_TMO_IMMEDIATE).
    subject : str, optional
        What the value is for, in the error messages (the attribute by default, or the
        timeout of a lock or a wait).

    Returns
    -------
    int
        The VISA timeout (larger values are truncated to an int).

    Raises
    ------
    errors.InvalidArgument
        If the value is not a number, is NaN or exceeds the largest finite VISA timeout.

    """
    if value is None:
        return constants.VI_TMO_INFINITE
    if not isinstance(value, numbers.Real) or math.isnan(value):
        raise InvalidArgument(
            f"{value!r} is an invalid value for {subject}, should be a timeout in "
            "milliseconds, None or float('+inf')"
        )
    if value == math.inf:
        return constants.VI_TMO_INFINITE
    if value < 1:
        return constants.VI_TMO_IMMEDIATE
    if value >= constants.VI_TMO_INFINITE:
        raise InvalidArgument(
            f"{value!r} is an invalid value for {subject}, should be a timeout between "
            f"0 and {constants.VI_TMO_INFINITE - 1} ms (or None or float('+inf') for an "
            "infinite timeout)"
        )
    return int(value)
