"""Checks of the arguments of message-based operations, and decoding of what they read.

The methods of :class:`~pyvisa.resources.MessageBasedResource` check their arguments
before any I/O, so that a bad argument never leaves half a message in the instrument:
the helpers here raise :class:`~pyvisa.errors.InvalidArgumentType` (a ``TypeError``) or
:class:`~pyvisa.errors.InvalidArgument` (a ``ValueError``) with a message naming the
argument. The decoding helpers turn what a read received into values or text, with
errors that say what was wrong with the data.
"""

from __future__ import annotations

import operator
import warnings
from collections.abc import Sequence
from typing import Any, get_args

from .. import errors, util
from .._binary_blocks import BINARY_HEADERS, _item_size

#: The header formats of the binary block methods (``util.BINARY_HEADERS``).
HEADER_FORMATS: tuple[str, ...] = get_args(BINARY_HEADERS)


def as_index(value: Any, name: str, kind: str = "an int") -> int:
    """Return ``value`` as an int (``operator.index``), else raise a TypeError."""
    if type(value) is int:
        return value
    try:
        return operator.index(value)
    except TypeError:
        raise errors.InvalidArgumentType(f"{name} must be {kind}, got {value!r}") from None


def check_size(value: Any, name: str) -> int:
    """Return ``value`` as an int of at least 1 (a read size), else raise."""
    size = as_index(value, name)
    if size < 1:
        raise errors.InvalidArgument(f"{name} must be at least 1, got {size}")
    return size


def check_optional_chunk(chunk_size: Any) -> None:
    """Validate a ``chunk_size`` argument (None or 0: the resource's chunk size)."""
    if chunk_size is not None and chunk_size != 0:
        check_size(chunk_size, "chunk_size")


def check_delay(delay: Any) -> float:
    """Return a query delay as a number of seconds; reject what ``time.sleep`` would."""
    if type(delay) is not float and type(delay) is not int:
        if isinstance(delay, (str, bytes, bytearray)):
            raise errors.InvalidArgumentType(
                f"delay must be a number of seconds or None, got {delay!r}"
            )
        try:
            delay = float(delay)
        except (TypeError, ValueError):
            raise errors.InvalidArgumentType(
                f"delay must be a number of seconds or None, got {delay!r}"
            ) from None
    if delay != delay:
        raise errors.InvalidArgument("delay must be a number of seconds, got nan")
    return delay


class ChunkSize(int):
    """Default ``chunk_size`` of the class; validates the values set on instances.

    An ``int`` subclass with a ``__set__`` but no ``__get__``: reading the attribute on a
    class gives this default, reading it on an instance finds the instance's own value
    (in its ``__dict__``) as fast as a plain attribute, and only assignments run Python
    code, which checks the value once instead of on every read.
    """

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__["chunk_size"] = check_size(value, "chunk_size")


def check_header_fmt(header_fmt: str) -> None:
    """Reject a header format that is not one of :data:`HEADER_FORMATS`."""
    if header_fmt not in HEADER_FORMATS:
        raise errors.InvalidArgument(
            f"Unsupported header_fmt: {header_fmt!r}, expected one of {HEADER_FORMATS}"
        )


def check_binary_read(
    datatype: Any,
    container: Any,
    header_fmt: str,
    data_points: Any,
    chunk_size: Any,
    monitor: Any,
    length_before_block: Any,
) -> int:
    """Check the arguments of a binary read before any I/O; return the item size."""
    item_size = _item_size(datatype)
    check_header_fmt(header_fmt)
    if not callable(container):
        raise errors.InvalidArgumentType(f"container must be callable, got {container!r}")
    as_index(data_points, "data_points")
    check_optional_chunk(chunk_size)
    if length_before_block is not None:
        as_index(length_before_block, "length_before_block", "an int or None")
    if monitor is not None and not callable(getattr(monitor, "update", None)):
        raise errors.InvalidArgumentType(
            f"monitoring_interface must have an update method, got {monitor!r}"
        )
    return item_size


def decode_block(
    block: bytearray,
    offset: int,
    data_length: int,
    datatype: Any,
    is_big_endian: bool,
    container: Any,
) -> Sequence[Any]:
    """Decode the values of a block read; a failure raises an InvalidBinaryFormat."""
    try:
        return util.from_binary_block(
            block, offset, data_length, datatype, is_big_endian, container
        )
    except errors._InvalidBinaryValue:
        raise
    except errors.InvalidBinaryFormat as exc:
        raise errors._InvalidBinaryValue(exc.description) from exc
    except ValueError as exc:
        raise errors._InvalidBinaryValue(str(exc.args[0]) if exc.args else "") from exc


def strip_termination(message: str, termination: str | None, stacklevel: int) -> str:
    """The message without its read termination; a warning when it does not end with it.

    ``stacklevel`` points the warning at the user's call (as for :func:`warnings.warn`,
    counted from this function).
    """
    if not termination:
        return message
    if not message.endswith(termination):
        warnings.warn("read string doesn't end with termination characters", stacklevel=stacklevel)
        return message
    return message[: -len(termination)]


def relaxed_decode_error(exc: UnicodeDecodeError) -> UnicodeDecodeError:
    """Rebuild a decode error so that its message names the offending bytes in context."""
    data = exc.object
    bad = bytes(data[exc.start : exc.end])
    around = bytes(data[max(exc.start - 16, 0) : exc.end + 16])
    reason = (
        f"{exc.reason}: offending bytes {bad!r} in {around!r}; pass errors='replace' or "
        "errors='backslashreplace' (or set encoding_errors) to accept them"
    )
    return UnicodeDecodeError(exc.encoding, data, exc.start, exc.end, reason)
