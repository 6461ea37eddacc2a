"""New ``bytes`` objects that VISA reads fill in place.

A read returning ``bytes`` normally fills a buffer, then copies it into the ``bytes``
object: for large payloads that copy (and the fresh memory it touches) costs as much as the
read itself. On CPython, :func:`new_bytes` allocates the ``bytes`` object uninitialised, as
``PyBytes_FromStringAndSize(NULL, size)`` does in C extensions, and hands out a writable
view of its storage; :class:`BytesBuilder` also grows and shrinks it with
``_PyBytes_Resize`` (``realloc``: large blocks are remapped, not copied). The object is
filled before anyone else sees it, which is the documented way of building bytes in C.

The layout is checked once on probe objects; on other interpreters or if the check fails,
:func:`new_bytes` and :func:`bytes_builder` return None and callers fall back to copies.
"""

from __future__ import annotations

import ctypes
import sys
import sysconfig
from functools import lru_cache

__all__ = ["MIN_IN_PLACE_SIZE", "BytesBuilder", "bytes_builder", "new_bytes"]

#: Below this size a bytearray plus a copy is cheaper than the C-API call.
MIN_IN_PLACE_SIZE = 32 * 1024


def new_bytes(size: int) -> tuple[bytes, memoryview] | None:
    """Allocate a ``bytes`` object of ``size`` bytes and a writable view of its data.

    The content is undefined until written through the view. The object must not be
    hashed, compared or shared before it is filled, and the view must not be used after.

    Parameters
    ----------
    size : int
        Size of the object; must be at least :data:`MIN_IN_PLACE_SIZE`, so that the object
        is never one of the interpreter's shared singletons.

    Returns
    -------
    tuple[bytes, memoryview] | None
        The object and the view, or None when this interpreter does not allow it.

    """
    if size < MIN_IN_PLACE_SIZE:
        raise ValueError(f"new_bytes is meant for sizes of at least {MIN_IN_PLACE_SIZE} bytes")
    raw = _raw_api()
    if raw is None:
        return None
    obj = raw.new(None, size)
    storage = (ctypes.c_char * size).from_address(id(obj) + raw.offset)
    return obj, memoryview(storage).cast("B")


class _RawApi:
    """Private prototypes of the C functions used here (``ctypes.pythonapi`` is untouched)."""

    def __init__(self) -> None:
        api = ctypes.pythonapi
        ssize, void_p = ctypes.c_ssize_t, ctypes.c_void_p
        self.new = ctypes.PYFUNCTYPE(ctypes.py_object, void_p, ssize)(
            ("PyBytes_FromStringAndSize", api)
        )
        self.allocate = ctypes.PYFUNCTYPE(void_p, void_p, ssize)(("PyBytes_FromStringAndSize", api))
        self.resize = ctypes.PYFUNCTYPE(ctypes.c_int, ctypes.POINTER(void_p), ssize)(
            ("_PyBytes_Resize", api)
        )
        self.decref = ctypes.PYFUNCTYPE(None, void_p)(("Py_DecRef", api))
        # The data of a bytes object start right before the end of its fixed part (the
        # trailing NUL of ob_sval is counted in tp_basicsize).
        self.offset = bytes.__basicsize__ - 1


@lru_cache(maxsize=1)
def _raw_api() -> _RawApi | None:
    """The C functions, if this interpreter lays bytes objects out as expected."""
    # Free-threaded builds count references differently: not worth the risk there.
    if sys.implementation.name != "cpython" or sysconfig.get_config_var("Py_GIL_DISABLED"):
        return None
    try:
        raw = _RawApi()
    except (AttributeError, OSError):
        return None
    try:
        return raw if _round_trip(raw) else None
    except (SystemError, MemoryError, ValueError):
        return None


def _round_trip(raw: _RawApi) -> bool:
    """Check the layout and the resizing on probe objects."""
    known = b"pyvisa in-place bytes probe"
    probe = raw.new(known, len(known))
    if ctypes.string_at(id(probe) + raw.offset, len(known) + 1) != known + b"\0":
        return False
    # Round trip through a builder: fill, grow, shrink, hand out.
    builder = BytesBuilder(raw, MIN_IN_PLACE_SIZE)
    try:
        with builder.view() as view:
            view[:4] = b"PV\x00\xff"
        builder.resize(4 * MIN_IN_PLACE_SIZE)
        with builder.view() as view:
            view[-2:] = b"ok"
            grown = bytes(view[:4]) + bytes(view[-2:])
        builder.resize(MIN_IN_PLACE_SIZE + 1)
        result = builder.finish(MIN_IN_PLACE_SIZE + 1)
    finally:
        builder.close()
    return grown == b"PV\x00\xffok" and result[:4] == b"PV\x00\xff" and type(result) is bytes


class BytesBuilder:
    """A ``bytes`` object under construction, held through a raw pointer until finished.

    Nothing else can reference the object before :meth:`finish`, which is what lets it be
    resized. Views from :meth:`view` are only valid until the next :meth:`resize`,
    :meth:`finish` or :meth:`close`: release them before.
    """

    __slots__ = ("_raw", "_slot", "capacity")

    def __init__(self, raw: _RawApi, capacity: int) -> None:
        self._raw = raw
        self.capacity = capacity
        self._slot = ctypes.c_void_p(raw.allocate(None, capacity))

    def view(self) -> memoryview:
        """Writable view of the whole capacity (contents undefined until written)."""
        address = self._slot.value
        if not address:
            raise ValueError("the bytes object was already handed out or released")
        storage = (ctypes.c_char * self.capacity).from_address(address + self._raw.offset)
        return memoryview(storage).cast("B")

    def resize(self, capacity: int) -> None:
        """Change the capacity, keeping the data below the smaller of both capacities."""
        if capacity < MIN_IN_PLACE_SIZE:
            raise ValueError(f"capacity must be at least {MIN_IN_PLACE_SIZE} bytes")
        self._raw.resize(ctypes.byref(self._slot), capacity)  # MemoryError: slot cleared
        self.capacity = capacity

    def finish(self, size: int) -> bytes:
        """Hand out the object holding the first ``size`` bytes written."""
        if size < MIN_IN_PLACE_SIZE:
            with self.view() as view:
                data = bytes(view[:size])
            self.close()
            return data
        if size != self.capacity:
            self.resize(size)
        obj: bytes = ctypes.cast(self._slot, ctypes.py_object).value
        self.close()
        return obj

    def close(self) -> None:
        """Drop the reference held through the raw pointer (the object is freed if unused)."""
        slot, self._slot = self._slot, ctypes.c_void_p()
        if slot.value:
            self._raw.decref(slot)


def bytes_builder(capacity: int) -> BytesBuilder | None:
    """A :class:`BytesBuilder` of ``capacity`` bytes, or None if this interpreter forbids it.

    Parameters
    ----------
    capacity : int
        Initial capacity, at least :data:`MIN_IN_PLACE_SIZE`.

    """
    if capacity < MIN_IN_PLACE_SIZE:
        raise ValueError(f"capacity must be at least {MIN_IN_PLACE_SIZE} bytes")
    raw = _raw_api()
    return None if raw is None else BytesBuilder(raw, capacity)
