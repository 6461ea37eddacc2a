"""Memory and register operations of the ``ivi`` backend (``viIn*``, ``viMove*``, ``viPeek*``...).

One function per operation and data width, as in PyVISA, where they are functions of
:mod:`pyvisa.ctwrapper.functions` (they live here and are imported back there). Each
takes the library object first; the integer arguments are checked against their C
types by the bound C functions.

``ViBusAddress`` and ``ViBusSize`` are as wide as a pointer: on 32-bit Python an
offset beyond 32 bits needs the 64-bit ``*Ex`` variant, which ``move``,
``move_asynchronously`` and ``map_address`` choose by themselves; the other
operations take an ``extended`` flag.

"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from typing import Any

from .._exports import public_at
from ..constants import StatusCode
from ..errors import InvalidArgument
from ..typing import VISAJobID
from . import types
from .binding import BoundLibrary, CFunction, IntegerRange, check_uint, integer_range
from .types import ViBusAddress, ViBusAddress64, ViJobId

__all__ = [
    "in_8",
    "in_16",
    "in_32",
    "in_64",
    "map_address",
    "memory_allocation",
    "memory_free",
    "move",
    "move_asynchronously",
    "move_in_8",
    "move_in_16",
    "move_in_32",
    "move_in_64",
    "move_out_8",
    "move_out_16",
    "move_out_32",
    "move_out_64",
    "out_8",
    "out_16",
    "out_32",
    "out_64",
    "peek_8",
    "peek_16",
    "peek_32",
    "peek_64",
    "poke_8",
    "poke_16",
    "poke_32",
    "poke_64",
    "unmap_address",
]

#: Width of ViBusAddress and ViBusSize (the pointer width).
_BUS_BITS = ctypes.sizeof(ViBusAddress) * 8

_public = public_at("pyvisa.ctwrapper.functions")


def _element_range(bits: int) -> IntegerRange:
    accepted = integer_range(f"ViUInt{bits}", quantity=True)
    assert accepted is not None
    return accepted


#: Values accepted for the elements of a block, by width: those of the values of viOut*
#: (a ctypes array would truncate the others silently).
_ELEMENT_RANGES = {bits: _element_range(bits) for bits in types.UNSIGNED_BY_WIDTH}


def _needs_ex(*offsets: Any) -> bool:
    """Whether an offset only fits the 64-bit ``*Ex`` functions (ViBusAddress is 32-bit)."""
    return _BUS_BITS < 64 and any(isinstance(o, int) and o >> _BUS_BITS for o in offsets)


# ----------------------------------------------------------------------------
# One value at an offset of an address space (viIn*, viOut*)
# ----------------------------------------------------------------------------


def _in(
    function: CFunction, bits: int, session: int, space: int, offset: int
) -> tuple[int, StatusCode]:
    value = types.UNSIGNED_BY_WIDTH[bits]()
    ret = function(session, space, offset, ctypes.byref(value))
    return value.value, ret


@_public
def in_8(
    library: BoundLibrary, session: int, space: int, offset: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Read an 8-bit value from the specified memory space and offset (viIn8*)."""
    return _in(library.c.viIn8Ex if extended else library.c.viIn8, 8, session, space, offset)


@_public
def in_16(
    library: BoundLibrary, session: int, space: int, offset: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Read a 16-bit value from the specified memory space and offset (viIn16*)."""
    return _in(library.c.viIn16Ex if extended else library.c.viIn16, 16, session, space, offset)


@_public
def in_32(
    library: BoundLibrary, session: int, space: int, offset: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Read a 32-bit value from the specified memory space and offset (viIn32*)."""
    return _in(library.c.viIn32Ex if extended else library.c.viIn32, 32, session, space, offset)


@_public
def in_64(
    library: BoundLibrary, session: int, space: int, offset: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Read a 64-bit value from the specified memory space and offset (viIn64*)."""
    return _in(library.c.viIn64Ex if extended else library.c.viIn64, 64, session, space, offset)


@_public
def out_8(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    data: int,
    extended: bool = False,
) -> StatusCode:
    """Write an 8-bit value to the specified memory space and offset (viOut8*)."""
    return (library.c.viOut8Ex if extended else library.c.viOut8)(session, space, offset, data)


@_public
def out_16(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    data: int,
    extended: bool = False,
) -> StatusCode:
    """Write a 16-bit value to the specified memory space and offset (viOut16*)."""
    return (library.c.viOut16Ex if extended else library.c.viOut16)(session, space, offset, data)


@_public
def out_32(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    data: int,
    extended: bool = False,
) -> StatusCode:
    """Write a 32-bit value to the specified memory space and offset (viOut32*)."""
    return (library.c.viOut32Ex if extended else library.c.viOut32)(session, space, offset, data)


@_public
def out_64(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    data: int,
    extended: bool = False,
) -> StatusCode:
    """Write a 64-bit value to the specified memory space and offset (viOut64*)."""
    return (library.c.viOut64Ex if extended else library.c.viOut64)(session, space, offset, data)


# ----------------------------------------------------------------------------
# Blocks of values (viMoveIn*, viMoveOut*)
# ----------------------------------------------------------------------------


def _move_in(
    function: CFunction, bits: int, session: int, space: int, offset: int, length: int
) -> tuple[list[int], StatusCode]:
    # The length sizes the buffer before the call checks it.
    length = check_uint(length, _BUS_BITS, "length")
    buffer = (types.UNSIGNED_BY_WIDTH[bits] * length)()
    ret = function(session, space, offset, length, buffer)
    return list(buffer), ret


def _move_out(
    function: CFunction,
    bits: int,
    session: int,
    space: int,
    offset: int,
    length: int,
    data: Iterable[int],
) -> StatusCode:
    length = check_uint(length, _BUS_BITS, "length")
    values = list(data)
    if len(values) < length:
        raise InvalidArgument(f"data holds {len(values)} elements, fewer than length={length}")
    element = _ELEMENT_RANGES[bits]
    buffer = (types.UNSIGNED_BY_WIDTH[bits] * length)(
        *(element.check(value, "data element") for value in values[:length])
    )
    return function(session, space, offset, length, buffer)


@_public
def move_in_8(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    extended: bool = False,
) -> tuple[list[int], StatusCode]:
    """Move an 8-bit block of data to local memory (viMoveIn8*)."""
    function = library.c.viMoveIn8Ex if extended else library.c.viMoveIn8
    return _move_in(function, 8, session, space, offset, length)


@_public
def move_in_16(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    extended: bool = False,
) -> tuple[list[int], StatusCode]:
    """Move a 16-bit block of data to local memory (viMoveIn16*)."""
    function = library.c.viMoveIn16Ex if extended else library.c.viMoveIn16
    return _move_in(function, 16, session, space, offset, length)


@_public
def move_in_32(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    extended: bool = False,
) -> tuple[list[int], StatusCode]:
    """Move a 32-bit block of data to local memory (viMoveIn32*)."""
    function = library.c.viMoveIn32Ex if extended else library.c.viMoveIn32
    return _move_in(function, 32, session, space, offset, length)


@_public
def move_in_64(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    extended: bool = False,
) -> tuple[list[int], StatusCode]:
    """Move a 64-bit block of data to local memory (viMoveIn64*)."""
    function = library.c.viMoveIn64Ex if extended else library.c.viMoveIn64
    return _move_in(function, 64, session, space, offset, length)


@_public
def move_out_8(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    data: Iterable[int],
    extended: bool = False,
) -> StatusCode:
    """Move an 8-bit block of data from local memory (viMoveOut8*)."""
    function = library.c.viMoveOut8Ex if extended else library.c.viMoveOut8
    return _move_out(function, 8, session, space, offset, length, data)


@_public
def move_out_16(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    data: Iterable[int],
    extended: bool = False,
) -> StatusCode:
    """Move a 16-bit block of data from local memory (viMoveOut16*)."""
    function = library.c.viMoveOut16Ex if extended else library.c.viMoveOut16
    return _move_out(function, 16, session, space, offset, length, data)


@_public
def move_out_32(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    data: Iterable[int],
    extended: bool = False,
) -> StatusCode:
    """Move a 32-bit block of data from local memory (viMoveOut32*)."""
    function = library.c.viMoveOut32Ex if extended else library.c.viMoveOut32
    return _move_out(function, 32, session, space, offset, length, data)


@_public
def move_out_64(
    library: BoundLibrary,
    session: int,
    space: int,
    offset: int,
    length: int,
    data: Iterable[int],
    extended: bool = False,
) -> StatusCode:
    """Move a 64-bit block of data from local memory (viMoveOut64*)."""
    function = library.c.viMoveOut64Ex if extended else library.c.viMoveOut64
    return _move_out(function, 64, session, space, offset, length, data)


@_public
def move(
    library: BoundLibrary,
    session: int,
    source_space: int,
    source_offset: int,
    source_width: int,
    destination_space: int,
    destination_offset: int,
    destination_width: int,
    length: int,
) -> StatusCode:
    """Move a block of data (viMove; viMoveEx for an offset beyond a 32-bit ViBusAddress)."""
    extended = _needs_ex(source_offset, destination_offset)
    return (library.c.viMoveEx if extended else library.c.viMove)(
        session,
        source_space,
        source_offset,
        source_width,
        destination_space,
        destination_offset,
        destination_width,
        length,
    )


@_public
def move_asynchronously(
    library: BoundLibrary,
    session: int,
    source_space: int,
    source_offset: int,
    source_width: int,
    destination_space: int,
    destination_offset: int,
    destination_width: int,
    length: int,
) -> tuple[VISAJobID, StatusCode]:
    """Move a block of data asynchronously (viMoveAsync; viMoveAsyncEx for 64-bit offsets)."""
    job_id = ViJobId()
    extended = _needs_ex(source_offset, destination_offset)
    ret = (library.c.viMoveAsyncEx if extended else library.c.viMoveAsync)(
        session,
        source_space,
        source_offset,
        source_width,
        destination_space,
        destination_offset,
        destination_width,
        length,
        ctypes.byref(job_id),
    )
    return VISAJobID(job_id.value), ret


# ----------------------------------------------------------------------------
# Mapped memory (viMapAddress, viPeek*, viPoke*)
# ----------------------------------------------------------------------------


@_public
def map_address(
    library: BoundLibrary,
    session: int,
    map_space: int,
    map_base: int,
    map_size: int,
    access: Any = False,
    suggested: int | None = None,
) -> tuple[int, StatusCode]:
    """Map the specified memory space into the process's address space (viMapAddress).

    viMapAddressEx is used for a base beyond a 32-bit ViBusAddress.
    """
    address = types.ViAddr()
    extended = _needs_ex(map_base)
    ret = (library.c.viMapAddressEx if extended else library.c.viMapAddress)(
        session,
        map_space,
        map_base,
        map_size,
        1 if access else 0,
        suggested,
        ctypes.byref(address),
    )
    return address.value or 0, ret


@_public
def unmap_address(library: BoundLibrary, session: int) -> StatusCode:
    """Unmap memory space previously mapped by map_address (viUnmapAddress)."""
    return library.c.viUnmapAddress(session)


def _peek(function: CFunction, bits: int, session: int, address: int) -> tuple[int, StatusCode]:
    value = types.UNSIGNED_BY_WIDTH[bits]()
    ret = function(session, address, ctypes.byref(value))
    return value.value, ret


@_public
def peek_8(library: BoundLibrary, session: int, address: int) -> tuple[int, StatusCode]:
    """Read an 8-bit value from the specified address (viPeek8)."""
    return _peek(library.c.viPeek8, 8, session, address)


@_public
def peek_16(library: BoundLibrary, session: int, address: int) -> tuple[int, StatusCode]:
    """Read a 16-bit value from the specified address (viPeek16)."""
    return _peek(library.c.viPeek16, 16, session, address)


@_public
def peek_32(library: BoundLibrary, session: int, address: int) -> tuple[int, StatusCode]:
    """Read a 32-bit value from the specified address (viPeek32)."""
    return _peek(library.c.viPeek32, 32, session, address)


@_public
def peek_64(library: BoundLibrary, session: int, address: int) -> tuple[int, StatusCode]:
    """Read a 64-bit value from the specified address (viPeek64)."""
    return _peek(library.c.viPeek64, 64, session, address)


@_public
def poke_8(library: BoundLibrary, session: int, address: int, data: int) -> StatusCode:
    """Write an 8-bit value to the specified address (viPoke8)."""
    return library.c.viPoke8(session, address, data)


@_public
def poke_16(library: BoundLibrary, session: int, address: int, data: int) -> StatusCode:
    """Write a 16-bit value to the specified address (viPoke16)."""
    return library.c.viPoke16(session, address, data)


@_public
def poke_32(library: BoundLibrary, session: int, address: int, data: int) -> StatusCode:
    """Write a 32-bit value to the specified address (viPoke32)."""
    return library.c.viPoke32(session, address, data)


@_public
def poke_64(library: BoundLibrary, session: int, address: int, data: int) -> StatusCode:
    """Write a 64-bit value to the specified address (viPoke64)."""
    return library.c.viPoke64(session, address, data)


# ----------------------------------------------------------------------------
# Memory of a resource (viMemAlloc*, viMemFree*)
# ----------------------------------------------------------------------------


@_public
def memory_allocation(
    library: BoundLibrary, session: int, size: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Allocate memory from a resource's memory region (viMemAlloc*)."""
    if extended:
        offset64 = ViBusAddress64()
        ret = library.c.viMemAllocEx(session, size, ctypes.byref(offset64))
        return offset64.value, ret
    offset = ViBusAddress()
    ret = library.c.viMemAlloc(session, size, ctypes.byref(offset))
    return offset.value, ret


@_public
def memory_free(
    library: BoundLibrary, session: int, offset: int, extended: bool = False
) -> StatusCode:
    """Free memory previously allocated by memory_allocation (viMemFree*)."""
    return (library.c.viMemFreeEx if extended else library.c.viMemFree)(session, offset)
