"""The message I/O operations of the ``ivi`` backend: ``read``, ``read_into``, ``write``.

They are the calls made for every message (PyVISA's functions, re-exported by
:mod:`.functions`). Their usual case calls ``viRead``/``viWrite`` without ctypes
conversions (see :data:`.binding.UNCONVERTED_FUNCTIONS`), through buffers, counts and
``byref`` objects reused from one call to the next, and hands the status to the
library's ``handle_return_value``; the DEBUG trace, a replaced ``viRead``/``viWrite``,
a large count or an unusual session take the bound functions, which check and trace
everything.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Any

from .._exports import public_at
from .._logging import logger as _logger
from ..constants import StatusCode
from ..errors import InvalidArgumentType, VisaIOError
from . import types
from .binding import BoundLibrary, check_uint
from .types import ViUInt32

#: The data the write operations accept (any contiguous buffer is sent without a copy).
BytesLike = bytes | bytearray | memoryview

_UINT32_MAX = 0xFFFFFFFF


def _data_buffer(data: Any) -> tuple[Any, int]:
    """C view of data to send and its size, without copying bytes or writable buffers.

    Raises
    ------
    InvalidArgumentType
        If ``data`` is not a bytes-like object.

    """
    if type(data) is bytes:
        return data, len(data)
    if isinstance(data, str):
        raise InvalidArgumentType(
            "data must be a bytes-like object (encode the text first), not str"
        )
    try:
        view = memoryview(data)
    except TypeError:
        raise InvalidArgumentType(
            f"data must be a bytes-like object, not {type(data).__name__}"
        ) from None
    if view.readonly or not view.c_contiguous:
        copy = view.tobytes()
        return copy, len(copy)
    view = view.cast("B")
    return (ctypes.c_char * view.nbytes).from_buffer(view), view.nbytes


#: Reads of at most this many bytes go through reusable buffers: a read then costs one
#: copy of what the library returned, not the allocation and zeroing of a buffer.
_POOLED_READ_SIZE = 64 * 1024
_PooledBuffer = ctypes.c_char * _POOLED_READ_SIZE

#: What the usual reads and writes reuse, taken from and given back to these lists (so
#: that threads never share one): (buffer, returned count, ``byref`` of the count) for
#: the reads, (returned count, its ``byref``) for the writes.
_READ_TOOLS: list[tuple[Any, Any, Any]] = []
_WRITE_TOOLS: list[tuple[Any, Any]] = []

_debug_enabled = _logger.isEnabledFor
_DEBUG = logging.DEBUG
#: The logger's cache of enabled levels, emptied in place by logging whenever a level
#: changes: ``_LEVELS.get(_DEBUG, True) and _debug_enabled(_DEBUG)`` answers the usual
#: "no" without a call (a logging without that cache is always asked).
_LEVELS: dict[int, bool] = getattr(_logger, "_cache", {})


def _new_read_tools() -> tuple[Any, Any, Any]:
    count = ViUInt32()
    return _PooledBuffer(), count, ctypes.byref(count)


def _new_write_tools() -> tuple[Any, Any]:
    count = ViUInt32()
    return count, ctypes.byref(count)


@public_at("pyvisa.ctwrapper.functions")
def read(library: BoundLibrary, session: int, count: int) -> tuple[bytes, StatusCode]:
    """Read data from a device or interface synchronously (viRead)."""
    # The count sizes the buffer before the call checks it; the usual case is checked inline.
    if type(count) is not int or not 0 <= count <= _UINT32_MAX:
        count = check_uint(count, 32, "count")
    bound = library.c.viRead
    unconverted = getattr(bound, "unconverted", None)
    if (
        unconverted is None  # viRead replaced
        or count > _POOLED_READ_SIZE
        or type(session) is not int
        or not 0 <= session <= _UINT32_MAX
        or (_LEVELS.get(_DEBUG, True) and _debug_enabled(_DEBUG))  # traced: a fresh buffer
    ):
        return _read_through(bound, session, count)
    # The usual read: C arguments as the declared types give them (binding
    # .UNCONVERTED_FUNCTIONS), reused buffer and count, the status handled here.
    try:
        tools = _READ_TOOLS.pop()
    except IndexError:
        tools = _new_read_tools()
    buffer, returned, returned_ref = tools
    returned.value = 0
    status = unconverted(session, buffer, count, returned_ref)
    data = buffer[: returned.value]
    _READ_TOOLS.append(tools)
    try:
        return data, library.handle_return_value(session, status)
    except VisaIOError as exc:
        _keep_received(exc, memoryview(data))
        raise


def _read_through(bound: Any, session: int, count: int) -> tuple[bytes, StatusCode]:
    """``read`` through the bound ``viRead`` (checked arguments, DEBUG trace), in a new buffer."""
    buffer = (ctypes.c_char * count)()
    return_count = ViUInt32()
    try:
        ret = bound(session, buffer, count, ctypes.byref(return_count))
    except VisaIOError as exc:
        _keep_received(exc, memoryview(buffer)[: return_count.value])
        raise
    return bytes(memoryview(buffer)[: return_count.value]), ret


def _keep_received(exc: VisaIOError, received: memoryview) -> None:
    """Keep on the error of a failed ``viRead`` the bytes the call returned with it."""
    if received.nbytes:
        exc.partial_data = bytes(received)
        exc._partial_from_backend = True


@public_at("pyvisa.ctwrapper.functions")
def read_into(library: BoundLibrary, session: int, buffer: Any) -> tuple[int, StatusCode]:
    """Read data synchronously into a writable buffer, without intermediate copy (viRead).

    Parameters
    ----------
    library : IVIVisaLibrary
        The library.
    session : VISASession
        Unique logical identifier to a session.
    buffer : bytearray | memoryview
        Writable contiguous buffer; at most ``len(buffer)`` bytes (capped to
        2**32 - 1) are read into its start.

    Returns
    -------
    int
        Number of bytes read.
    StatusCode
        Return value of the library call.

    """
    c_buffer = types.writable_buffer(buffer)
    count = min(len(c_buffer), _UINT32_MAX)
    return_count = ViUInt32()
    try:
        ret = library.c.viRead(session, c_buffer, count, ctypes.byref(return_count))
    except VisaIOError as exc:
        _keep_received(exc, memoryview(c_buffer)[: return_count.value])
        raise
    return return_count.value, ret


@public_at("pyvisa.ctwrapper.functions")
def write(library: BoundLibrary, session: int, data: BytesLike) -> tuple[int, StatusCode]:
    """Write data to a device or interface synchronously (viWrite)."""
    if type(data) is bytes:
        buffer, size = data, len(data)
    else:
        buffer, size = _data_buffer(data)
    bound = library.c.viWrite
    unconverted = getattr(bound, "unconverted", None)
    if (
        unconverted is None
        or type(session) is not int
        or not 0 <= session <= _UINT32_MAX
        or size > _UINT32_MAX
        or (_LEVELS.get(_DEBUG, True) and _debug_enabled(_DEBUG))
    ):
        return_count = ViUInt32()
        ret = bound(session, buffer, size, ctypes.byref(return_count))
        return return_count.value, ret
    # As in read: the C arguments the declared types would give, the status handled here.
    try:
        tools = _WRITE_TOOLS.pop()
    except IndexError:
        tools = _new_write_tools()
    returned, returned_ref = tools
    returned.value = 0
    status = unconverted(session, buffer, size, returned_ref)
    written = returned.value
    _WRITE_TOOLS.append(tools)
    return written, library.handle_return_value(session, status)
