"""Values of VISA attributes as the ``ivi`` backend reads and writes them.

``viGetAttribute`` writes a value of the attribute's C type through an untyped
pointer and ``viSetAttribute`` takes every value as a ``ViAttrState``: how to decode
and encode a value follows from the C type :mod:`pyvisa.attributes` declares for the
attribute id (``attribute_codec``, cached per id).

"""

from __future__ import annotations

import ctypes
from typing import Any, NamedTuple

from .. import attributes
from ..constants import VI_ATTR_USB_RECV_INTR_DATA
from ..errors import ArgumentOverflow, InvalidArgumentType
from . import types

__all__ = ["AttributeCodec", "attribute_codec", "encode_attribute_value"]


class AttributeCodec(NamedTuple):
    """How to read and write one attribute, derived from its C type."""

    type_name: str
    #: "int", "address", "string", "bytes" or "unknown".
    kind: str
    ctype: Any
    bits: int
    signed: bool


def _codec_for_type(type_name: str) -> AttributeCodec | None:
    if type_name in types.STRING_TYPES:
        return AttributeCodec(type_name, "string", None, 0, False)
    if type_name in ("ViAUInt8", "ViAByte"):
        return AttributeCodec(type_name, "bytes", None, 0, False)
    ctype = types.VISA_TYPES.get(type_name)
    if ctype is None:
        return None
    if ctype is ctypes.c_void_p or ctype is ctypes.c_char_p:  # ViAddr, ViBuf: pointer values
        return AttributeCodec(
            type_name, "address", ctypes.c_void_p, ctypes.sizeof(ctypes.c_void_p) * 8, False
        )
    if issubclass(ctype, ctypes._SimpleCData) and ctype._type_ in "bBhHiIlLqQ":
        bits = ctypes.sizeof(ctype) * 8
        return AttributeCodec(type_name, "int", ctype, bits, ctype._type_.islower())
    return None


#: Codec for attributes whose C type is unknown (vendor-specific ids...): the value
#: is read into a zeroed buffer large enough for any VISA type (a string included,
#: so the library never writes past it) and its first ViAttrState bytes are
#: returned, which is the right value for any unsigned integer type.
_FALLBACK_CODEC = AttributeCodec(
    "ViAttrState", "unknown", types.ViAttrState, ctypes.sizeof(types.ViAttrState) * 8, False
)
_codec_cache: dict[int, AttributeCodec] = {}


def attribute_codec(attribute: int) -> AttributeCodec:
    """Codec of an attribute id, from the C type declared in :mod:`pyvisa.attributes`."""
    attribute = int(attribute)
    codec = _codec_cache.get(attribute)
    if codec is not None:
        return codec
    attr_class = attributes.AttributesByID.get(attribute)
    type_name = getattr(attr_class, "visa_type", None)
    if attribute == VI_ATTR_USB_RECV_INTR_DATA:
        # Declared ViBuf, but viGetAttribute copies the data into the caller's array.
        type_name = "ViAUInt8"
    codec = _codec_for_type(type_name) if isinstance(type_name, str) else None
    if codec is None:
        return _FALLBACK_CODEC
    _codec_cache[attribute] = codec
    return codec


_ATTR_STATE_BITS = ctypes.sizeof(types.ViAttrState) * 8
_ATTR_STATE_MASK = (1 << _ATTR_STATE_BITS) - 1


def encode_attribute_value(attribute: int, value: Any) -> int:
    """Convert a Python attribute value to the ViAttrState passed to viSetAttribute.

    Raises
    ------
    InvalidArgumentType
        If the value cannot be represented by the attribute's C type.
    ArgumentOverflow
        If an integer does not fit in the attribute's C type.

    """
    codec = attribute_codec(attribute)
    if value is None and codec.kind == "address":
        return 0
    if isinstance(value, bytes | bytearray) and len(value) == 1:
        value = value[0]
    if codec.kind not in ("int", "address", "unknown") or not isinstance(value, int):
        raise InvalidArgumentType(
            f"cannot set attribute {attribute:#x} of C type {codec.type_name} "
            f"to {value!r}: expected an integer"
        )
    value = int(value)
    # A value wider than ViAttrState (64-bit types on 32-bit Python) cannot be passed.
    bits = min(codec.bits, _ATTR_STATE_BITS)
    low = -(1 << (bits - 1))
    # Both the signed and the unsigned reading of the C type are accepted.
    if not low <= value < (1 << bits):
        raise ArgumentOverflow(
            f"value {value} out of range for attribute {attribute:#x} of C type "
            f"{codec.type_name} ({bits}-bit)"
        )
    return value & _ATTR_STATE_MASK
