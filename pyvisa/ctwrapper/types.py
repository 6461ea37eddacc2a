"""ctypes equivalents of the VISA C types (``visatype.h`` and ``visa.h``).

Every typedef of the IVI VISA 5.8 headers has a name here. Sizes follow the C
definitions, including the platform-dependent ones: ``ViBusAddress``,
``ViBusSize`` and ``ViAttrState`` are 64-bit on 64-bit Python and 32-bit
otherwise; ``ViAddr`` is a ``void *``.

Byte buffers (``ViBuf``, ``ViPBuf``, ``ViConstBuf``) are ``uint8_t *`` in C and
``c_char_p`` here: the machine representation is the same pointer, and it lets
``bytes`` objects and string buffers be passed without any copy.

"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from ..errors import InvalidArgument, InvalidArgumentType
from .cthelper import FUNCTYPE

#: True when the interpreter is 64-bit, i.e. ``_VISA_ENV_IS_64_BIT`` holds for a
#: library loadable in this process.
is_64bit = sys.maxsize > 2**32

#: Encoding of the C strings (resource names, keys, descriptions, file names).
#: ``surrogateescape`` makes bytes that are not UTF-8 survive a round trip.
ENCODING = "utf-8"
ENCODING_ERRORS = "surrogateescape"

# ---------------------------------------------------------------- visatype.h
ViUInt64 = ctypes.c_uint64
ViPUInt64 = ctypes.POINTER(ViUInt64)
ViAUInt64 = ViPUInt64
ViInt64 = ctypes.c_int64
ViPInt64 = ctypes.POINTER(ViInt64)
ViAInt64 = ViPInt64

ViUInt32 = ctypes.c_uint32
ViPUInt32 = ctypes.POINTER(ViUInt32)
ViAUInt32 = ViPUInt32
ViInt32 = ctypes.c_int32
ViPInt32 = ctypes.POINTER(ViInt32)
ViAInt32 = ViPInt32

ViUInt16 = ctypes.c_uint16
ViPUInt16 = ctypes.POINTER(ViUInt16)
ViAUInt16 = ViPUInt16
ViInt16 = ctypes.c_int16
ViPInt16 = ctypes.POINTER(ViInt16)
ViAInt16 = ViPInt16

ViUInt8 = ctypes.c_uint8
ViPUInt8 = ctypes.POINTER(ViUInt8)
ViAUInt8 = ViPUInt8
ViInt8 = ctypes.c_int8
ViPInt8 = ctypes.POINTER(ViInt8)
ViAInt8 = ViPInt8

ViChar = ctypes.c_char
ViPChar = ctypes.POINTER(ViChar)
ViAChar = ViPChar

ViByte = ctypes.c_ubyte
ViPByte = ctypes.POINTER(ViByte)
ViAByte = ViPByte

ViAddr = ctypes.c_void_p
ViPAddr = ctypes.POINTER(ViAddr)
ViAAddr = ViPAddr

ViReal32 = ctypes.c_float
ViPReal32 = ctypes.POINTER(ViReal32)
ViAReal32 = ViPReal32
ViReal64 = ctypes.c_double
ViPReal64 = ctypes.POINTER(ViReal64)
ViAReal64 = ViPReal64

ViBuf = ctypes.c_char_p
ViPBuf = ctypes.c_char_p
ViConstBuf = ctypes.c_char_p
ViABuf = ctypes.POINTER(ViPBuf)

ViString = ctypes.c_char_p
ViConstString = ctypes.c_char_p
ViPString = ctypes.c_char_p
ViAString = ctypes.POINTER(ViString)

ViRsrc = ViString
ViConstRsrc = ViConstString
ViPRsrc = ViString
ViARsrc = ctypes.POINTER(ViRsrc)

ViBoolean = ViUInt16
ViPBoolean = ctypes.POINTER(ViBoolean)
ViABoolean = ViPBoolean

ViStatus = ViInt32
ViPStatus = ctypes.POINTER(ViStatus)
ViAStatus = ViPStatus

ViVersion = ViUInt32
ViPVersion = ctypes.POINTER(ViVersion)
ViAVersion = ViPVersion

ViObject = ViUInt32
ViPObject = ctypes.POINTER(ViObject)
ViAObject = ViPObject

ViSession = ViObject
ViPSession = ctypes.POINTER(ViSession)
ViASession = ViPSession

ViAttr = ViUInt32

# -------------------------------------------------------------------- visa.h
ViEvent = ViObject
ViPEvent = ctypes.POINTER(ViEvent)
ViFindList = ViObject
ViPFindList = ctypes.POINTER(ViFindList)

# ViUInt64 when _VI_INT64_UINT64_DEFINED && _VISA_ENV_IS_64_BIT, else ViUInt32.
ViBusAddress: type[ctypes.c_uint64] | type[ctypes.c_uint32] = (
    ctypes.c_uint64 if is_64bit else ctypes.c_uint32
)
ViBusSize: type[ctypes.c_uint64] | type[ctypes.c_uint32] = ViBusAddress
ViAttrState: type[ctypes.c_uint64] | type[ctypes.c_uint32] = ViBusAddress
ViPBusAddress: Any = ctypes.POINTER(ViBusAddress)

ViBusAddress64 = ViUInt64
ViPBusAddress64 = ctypes.POINTER(ViBusAddress64)

ViEventType = ViUInt32
ViPEventType = ctypes.POINTER(ViEventType)
ViAEventType = ViPEventType

# viGetAttribute writes the value through an untyped pointer.
ViPAttrState = ctypes.c_void_p
ViPAttr = ctypes.POINTER(ViAttr)
ViAAttr = ViPAttr

ViKeyId = ViString
ViConstKeyId = ViConstString
ViPKeyId = ViPString

ViJobId = ViUInt32
ViPJobId = ctypes.POINTER(ViJobId)

ViAccessMode = ViUInt32
ViPAccessMode = ctypes.POINTER(ViAccessMode)

ViEventFilter = ViUInt32

# A C va_list cannot be built from Python: the functions taking one are not bound.
ViVAList = ctypes.c_void_p

#: The C-level ctypes type of every VISA type name, used to bind the C functions (their
#: ``argtypes``) and to decode attributes. These are plain ctypes types, converted by
#: ctypes in C: the public names below that are Python classes (``ViString``,
#: ``ViObject``...) would add a Python call per argument on the I/O path.
VISA_TYPES: dict[str, Any] = {
    name: value
    for name, value in list(globals().items())
    if name.startswith("Vi") and not name.startswith("_")
}

# ---------------------------------------------------- public names (PyVISA layout)
# Pointer classes, named as ctypes names them (``POINTER(c_uint)`` is ``LP_c_uint``).
LP_c_byte = ctypes.POINTER(ctypes.c_byte)
LP_c_ubyte = ctypes.POINTER(ctypes.c_ubyte)
LP_c_short = ctypes.POINTER(ctypes.c_short)
LP_c_ushort = ctypes.POINTER(ctypes.c_ushort)
LP_c_int = ctypes.POINTER(ctypes.c_int)
LP_c_uint = ctypes.POINTER(ctypes.c_uint)
LP_c_long = ctypes.POINTER(ctypes.c_long)
LP_c_ulong = ctypes.POINTER(ctypes.c_ulong)
LP_c_float = ctypes.POINTER(ctypes.c_float)
LP_c_double = ctypes.POINTER(ctypes.c_double)
LP_c_void_p = ctypes.POINTER(ctypes.c_void_p)


class ViString:  # type: ignore[no-redef]  # noqa: F811 - the C-level one is in VISA_TYPES
    """A C string argument (``ViString``, ``ViRsrc``, ``ViBuf``...).

    ``str`` is encoded (UTF-8, surrogates escaped); ``bytes``, ctypes buffers and
    ``None`` are passed as they are.
    """

    @classmethod
    def from_param(cls, obj: Any) -> Any:
        if isinstance(obj, str):
            return obj.encode(ENCODING, ENCODING_ERRORS)
        return obj


class ViAString:  # type: ignore[no-redef]  # noqa: F811 - the C-level one is in VISA_TYPES
    """An array of C strings (``ViAString``, ``ViARsrc``, ``ViABuf``).

    A list or tuple of ``str``/``bytes`` becomes a ``char *[]``; ctypes objects and
    ``None`` are passed as they are.
    """

    @classmethod
    def from_param(cls, obj: Any) -> Any:
        if isinstance(obj, list | tuple):
            items: list[Any] = [ViString.from_param(item) for item in obj]
            return (ctypes.c_char_p * len(items))(*items)
        return obj


class ViObject(ctypes.c_uint):  # type: ignore[no-redef]  # noqa: F811 - see VISA_TYPES
    """A VISA object handle (``ViObject``, ``ViSession``, ``ViEvent``, ``ViFindList``).

    ``None`` is accepted for ``VI_NULL`` (0).
    """

    @classmethod
    def from_param(cls, obj: Any) -> Any:
        if obj is None:
            return ctypes.c_uint(0)
        return ctypes.c_uint.from_param(obj)


ViSession = ViEvent = ViFindList = ViObject
LP_ViObject = ctypes.POINTER(ViObject)
ViPEvent = ViPFindList = LP_ViObject

ViBuf = ViPBuf = ViPString = ViString
ViRsrc = ViPRsrc = ViKeyId = ViPKeyId = ViString
ViABuf = ViARsrc = ViAString
ViConstString = ViPChar = ViAChar = ViVAList = ctypes.POINTER(ctypes.c_char)  # type: ignore[assignment]

ViBusSize64 = ViUInt64
ViPAttrState = ctypes.POINTER(ViAttrState)  # type: ignore[assignment,misc]
ViPBusAddress = ctypes.POINTER(ViBusAddress)

# The handler calling convention (_VI_FUNCH) is __stdcall on 32-bit Windows (FUNCTYPE).
#: ViStatus (_VI_FUNCH *ViHndlr)(ViSession vi, ViEventType eventType, ViEvent event, ViAddr userHandle)
ViHndlr = FUNCTYPE(ViStatus, ViSession, ViEventType, ViEvent, ViAddr)
VISA_TYPES["ViHndlr"] = ViHndlr

#: Unsigned integer type holding an element of each data width (in bits).
UNSIGNED_BY_WIDTH: dict[int, type[ctypes._SimpleCData[int]]] = {
    8: ViUInt8,
    16: ViUInt16,
    32: ViUInt32,
    64: ViUInt64,
}

#: Names of the VISA types that are C strings (``char *``).
STRING_TYPES = frozenset(
    {"ViString", "ViConstString", "ViPString", "ViRsrc", "ViConstRsrc", "ViPRsrc", "ViKeyId"}
    | {"ViConstKeyId", "ViPKeyId", "ViChar", "ViPChar", "ViAChar"}
)


def encode_string(value: str | bytes, what: str = "string") -> bytes:
    """Encode a Python string for a ``ViConstString`` argument.

    Parameters
    ----------
    value : str | bytes
        Text to encode (bytes are passed through unchanged).
    what : str, optional
        Name of the argument, used in the error message.

    Returns
    -------
    bytes
        The encoded text, without terminating NUL.

    Raises
    ------
    InvalidArgumentType
        If the value is neither ``str`` nor ``bytes``.
    InvalidArgument
        If the text contains a NUL character (C would silently truncate it).

    """
    if isinstance(value, str):
        data = value.encode(ENCODING, ENCODING_ERRORS)
    elif isinstance(value, bytes | bytearray):
        data = bytes(value)
    else:
        raise InvalidArgumentType(f"{what} must be str or bytes, not {type(value).__name__}")
    if b"\0" in data:
        raise InvalidArgument(f"{what} must not contain NUL characters: {value!r}")
    return data


def decode_string(value: bytes | None) -> str:
    """Decode a C string returned by the library (``None`` gives ``""``)."""
    if not value:
        return ""
    return value.decode(ENCODING, ENCODING_ERRORS)


def string_buffer(size: int = 256) -> ctypes.Array[ctypes.c_char]:
    """Create a zeroed ``ViChar[size]`` output buffer.

    VISA output strings (descriptions, resource names, keys) are at most 256
    characters long including the terminating NUL.
    """
    return ctypes.create_string_buffer(size)


def buffer_to_text(buf: ctypes.Array[ctypes.c_char]) -> str:
    """Text of a ``ViChar[]`` output buffer, up to its first NUL."""
    return decode_string(buf.value)


def writable_buffer(data: Any) -> ctypes.Array[ctypes.c_char]:
    """View a writable Python buffer (bytearray, memoryview...) as a ``ViChar`` array.

    The returned ctypes array shares the memory of ``data`` (no copy).

    Raises
    ------
    InvalidArgumentType
        If ``data`` is not a writable, contiguous buffer.

    """
    view = memoryview(data)
    if view.readonly:
        raise InvalidArgumentType(
            f"a writable buffer is required, not a read-only {type(data).__name__}"
        )
    if not view.c_contiguous:
        raise InvalidArgumentType("a C-contiguous buffer is required")
    view = view.cast("B")
    return (ctypes.c_char * view.nbytes).from_buffer(view)
