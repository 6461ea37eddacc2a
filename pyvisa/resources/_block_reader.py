"""The read loops of message-based resources: buffers filled in place, binary blocks.

(And the one write loop: :func:`write_split`, for a message too long for one VISA write.)

:class:`~pyvisa.resources.MessageBasedResource` hands its large reads to the functions of
this module, which take the resource as their first argument (the resource exposes what
they use, described by :class:`BlockSource`):

- :func:`fill` reads into a buffer until a number of bytes arrived. The buffer allocated
  up front is bounded (:data:`INITIAL_BUFFER_CAP`) and grows as the bytes arrive, so
  that a count or a block length announced by the device costs memory only once the data
  really come. Backends that declare
  :attr:`~pyvisa.highlevel.VisaLibraryBase.reads_into_buffers` read straight into the
  buffer; the others are asked for ``bytes`` (``read``), which are copied into it.
- :func:`read_binary_block` reads an IEEE 488.2, HP or Rohde & Schwarz block: it reads
  until the header is complete, parses it, then reads exactly the missing bytes (plus
  the read termination) into one buffer. A failure while the message is not over drops
  the rest of the answer (:func:`discard_unread`), so that the next read does not start
  in the middle of it.

Every loop gives up with ``VI_ERROR_IO`` after :data:`EMPTY_READS_TOLERATED` reads in a
row returning nothing while more was announced, and records the bytes received before a
failure on the :class:`~pyvisa.errors.VisaIOError` (``partial_data``) and in the log.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from typing import TYPE_CHECKING, Any, Protocol

from .. import constants, errors, util
from .._binary_blocks import _IEEE_A_HEADER_MIN, _RS_MAX_DIGITS
from .._exports import public_at
from .._logging import logger
from ..backend import _IgnoreWarningContext
from ..constants import ResourceAttribute, StatusCode
from ._message_args import relaxed_decode_error, strip_termination
from .resource import check_status

if TYPE_CHECKING:
    from ..backend import VisaLibraryBase
    from ..typing import VISASession

MAX_COUNT_READ = StatusCode.success_max_count_read
END_READ = StatusCode.success
TERMCHAR_READ = StatusCode.success_termination_character_read

#: Completion codes a read loop handles itself: they must not be turned into warnings.
READ_WARNINGS = (StatusCode.success_device_not_present, StatusCode.success_max_count_read)


#: Reusable do-nothing context (nullcontext is reentrant).
_NO_CONTEXT: contextlib.AbstractContextManager[None] = contextlib.nullcontext()

#: Reads of a binary block allowed to stop at a termination character in the data before
#: the termination character is switched off for the rest of the block.
TERMCHAR_STOPS_TOLERATED = 2

#: Consecutive reads returning no byte after which a read loop gives up (VI_ERROR_IO):
#: a backend answering "more data" without data would otherwise keep it spinning.
EMPTY_READS_TOLERATED = 8

#: Largest buffer allocated up front for a block or a ``read_bytes`` count: a larger
#: announced length is only trusted as the bytes arrive.
INITIAL_BUFFER_CAP = 16 * 1024 * 1024

#: Factor by which such a buffer grows once full (memory stays proportional to the data
#: received: at most this many times what arrived). Large: a buffer is grown, and copied,
#: once or twice, however long the block.
BUFFER_GROWTH = 32

#: Smallest first buffer of a message that needs a growth (see :func:`initial_size`).
MIN_INITIAL_BUFFER = 1024 * 1024

#: Effort spent discarding the unread rest of an answer after a failed binary query:
#: timeout (ms) of each read and number of reads, after which the device is cleared.
DISCARD_TIMEOUT_MS = 50
DISCARD_MAX_READS = 64

#: Bytes read while looking for a complete block header before letting the parser fail.
HEADER_SEARCH_LIMIT = 1024 * 1024


class BlockSource(Protocol):
    """What the read loops use of a message-based resource."""

    _resource_name: str
    _read_termination: str | None
    _encoding: str
    #: The context of :func:`quiet_reads` for the current session (None: not made yet).
    _quiet_reads: _IgnoreWarningContext | None

    @property
    def session(self) -> VISASession:
        """The open session."""

    @property
    def visalib(self) -> VisaLibraryBase:
        """The backend of the session."""

    @property
    def chunk_size(self) -> int:
        """Size of the reads when no other is given."""

    @property
    def max_io_size(self) -> int:
        """Largest count of one VISA read."""

    def get_visa_attribute(self, name: ResourceAttribute) -> Any:
        """Read an attribute of the session."""

    def set_visa_attribute(self, name: ResourceAttribute, state: Any) -> StatusCode:
        """Set an attribute of the session."""

    def clear(self) -> None:
        """Clear the device."""

    def _termchar_is_enabled(self) -> bool:
        """Whether the reads stop at the termination character."""


@public_at("pyvisa.resources.messagebased")
class SupportsUpdate(Protocol):
    """Object receiving the progress of a transfer (a ``tqdm`` progress bar fits).

    It is the ``monitoring_interface`` argument of
    :meth:`~pyvisa.resources.MessageBasedResource.read_bytes`,
    :meth:`~pyvisa.resources.MessageBasedResource.read_binary_values` and
    :meth:`~pyvisa.resources.MessageBasedResource.query_binary_values`: ``update(size)`` is
    called after each VISA read with the number of bytes it returned, header and
    termination included, so that the counts add up to the size of the whole message.
    Its return value is ignored.
    """

    def update(self, size: int) -> None:
        """Record that ``size`` more bytes were transferred."""


# -- single reads ---------------------------------------------------------------------


def initial_size(expected: int) -> int:
    """Size of the buffer allocated before ``expected`` bytes are read.

    The whole when it is at most a quarter more than :data:`INITIAL_BUFFER_CAP`. A
    longer message gets what one growth (:data:`BUFFER_GROWTH`) turns into the whole,
    at least :data:`MIN_INITIAL_BUFFER` and at most the cap: the copy made when the
    buffer grows is then small (a 40 MB block: about 1.2 MB read, then copied once
    into the 40 MB buffer).
    """
    if expected <= INITIAL_BUFFER_CAP * 5 // 4:
        return expected
    return min(INITIAL_BUFFER_CAP, max(MIN_INITIAL_BUFFER, -(-expected // BUFFER_GROWTH)))


def no_progress_error(reads: int) -> errors.VisaIOError:
    """Error raised when the backend keeps returning no data although more is expected."""
    exc = errors.VisaIOError(StatusCode.error_io)
    note = f"the backend returned no data {reads} times in a row while more was expected"
    if hasattr(exc, "add_note"):
        exc.add_note(note)
    logger.debug("read aborted: %s", note)
    return exc


def quiet_reads(res: BlockSource, session: Any) -> contextlib.AbstractContextManager[None]:
    """Context in which the completion codes handled by the read loops do not warn.

    The context of the base class (re-entrant, safe across threads) is made once per
    session and kept on the resource (``_quiet_reads``); a backend overriding
    ``ignore_warning`` gets a new context from it for each read.
    """
    cached = res._quiet_reads
    if cached is not None and cached.session == session:
        return cached
    visalib = res.visalib
    if visalib.issue_warning_on.isdisjoint(READ_WARNINGS):
        return _NO_CONTEXT
    context = visalib.ignore_warning(session, *READ_WARNINGS)
    if type(context) is _IgnoreWarningContext:
        res._quiet_reads = context
    return context


#: The logger's cache of enabled levels, which logging empties in place whenever a level
#: changes: ``_LEVELS.get(_DEBUG, True) and logger.isEnabledFor(_DEBUG)`` answers the usual
#: "no" without a call (a logging without that cache is always asked).
_LEVELS: dict[int, bool] = getattr(logger, "_cache", {})
_DEBUG = logging.DEBUG


def log_read(res: BlockSource, size: int, last_status: StatusCode | None) -> None:
    """Log one VISA read about to be made (DEBUG level; nothing is formatted otherwise)."""
    if _LEVELS.get(_DEBUG, True) and logger.isEnabledFor(_DEBUG):
        logger.debug(
            "%s - reading %d bytes (last status %r)", res._resource_name, size, last_status
        )


def log_partial_read(
    res: BlockSource, exc: Exception, data: bytes | bytearray | memoryview
) -> None:
    """Log the bytes received before a read failed and keep them on the exception.

    The bytes the failing backend call itself returned (kept by the backend) follow those
    of the earlier calls.
    """
    if isinstance(exc, errors.VisaIOError):
        if exc._partial_from_backend:
            exc._partial_from_backend = False
            exc.partial_data = bytes(data) + (exc.partial_data or b"")
        elif exc.partial_data is None:
            exc.partial_data = bytes(data)
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "%s - exception while reading: %s\nBuffer content: %r",
            res._resource_name,
            exc,
            bytes(data),
        )


def read_chunk(
    res: BlockSource, size: int, last_status: StatusCode | None = None
) -> tuple[bytes | bytearray, StatusCode]:
    """Read at most ``size`` bytes: one VISA read (logged at DEBUG level)."""
    if _LEVELS.get(_DEBUG, True) and logger.isEnabledFor(_DEBUG):
        log_read(res, size, last_status)
    data, status = res.visalib.read(res.session, size)
    check_status(status)
    return data, status


def read_into(
    res: BlockSource, view: memoryview, last_status: StatusCode | None = None
) -> tuple[int, StatusCode]:
    """Read at most ``len(view)`` bytes into ``view``: one VISA read.

    A backend declaring ``reads_into_buffers`` fills the buffer itself; the bytes that
    the ``read`` of another backend returns are copied into it.
    """
    visalib = res.visalib
    if not visalib.reads_into_buffers:
        data, status = read_chunk(res, view.nbytes, last_status)
        count = len(data)
        view[:count] = data
        return count, status
    log_read(res, view.nbytes, last_status)
    count, status = visalib.read_into(res.session, view)
    check_status(status)
    return count, status


def read_message(res: BlockSource, session: Any, size: int) -> bytes | bytearray:
    """Read one message: one VISA read of ``size`` bytes, more if it did not hold it all.

    A message that fits in one chunk is returned as the backend gave it (see
    :func:`read_rest` for the others). The caller holds the I/O lock and the context of
    :func:`quiet_reads`.
    """
    log_read(res, size, None)
    try:
        chunk, status = res.visalib.read(session, size)
        check_status(status)
    except errors.VisaIOError as exc:
        log_partial_read(res, exc, b"")
        raise
    if status != MAX_COUNT_READ:
        return chunk
    return read_rest(res, chunk, size)


def read_rest(res: BlockSource, first: bytes | bytearray, size: int) -> bytes:
    """Read the rest of a message longer than one chunk; join all chunks once.

    ``first`` is the chunk already read (its read ended with ``VI_SUCCESS_MAX_CNT``);
    the others are read ``size`` bytes at a time until the end of the message. Joining
    costs one copy of the message, which measured cheaper than reading into a bytearray
    grown as the message arrives. A backend returning no byte
    :data:`EMPTY_READS_TOLERATED` times in a row while announcing more raises
    ``VisaIOError`` (``VI_ERROR_IO``) instead of looping forever.
    """
    session = res.session
    read = res.visalib.read
    chunks = [first]
    status = MAX_COUNT_READ
    empty = 0 if first else 1
    try:
        while status == MAX_COUNT_READ:
            if empty >= EMPTY_READS_TOLERATED:
                raise no_progress_error(empty)
            log_read(res, size, status)
            chunk, status = read(session, size)
            check_status(status)
            chunks.append(chunk)
            empty = 0 if chunk else empty + 1
    except errors.VisaIOError as exc:
        log_partial_read(res, exc, b"".join(chunks))
        raise
    return b"".join(chunks)


# -- reads into a buffer ----------------------------------------------------------------


def _numpy() -> Any:
    """The numpy module if someone imported it (it is never imported here), else None."""
    np = sys.modules.get("numpy")
    return np if getattr(np, "empty", None) is not None else None


def new_buffer(size: int) -> Any:
    """A buffer of ``size`` bytes to read into (indexable, ``len``, buffer protocol).

    An uninitialised numpy array of bytes when numpy is already imported (nothing is
    written to the memory before the data, and numpy asks the system for large pages for
    its large arrays: filling new memory is then several times faster), else a
    zero-filled ``bytearray``.
    """
    np = _numpy()
    if np is None:
        return bytearray(size)
    return np.empty(size, np.uint8)


def join_pieces(pieces: list[Any], size: int) -> Any:
    """The pieces read (``size`` bytes in all) joined into one writable buffer: one copy.

    A buffer of :func:`new_buffer` when numpy is imported, else a ``bytearray``.
    """
    if _numpy() is None:
        return bytearray().join(pieces)
    buffer = new_buffer(size)
    position = 0
    with memoryview(buffer) as view:
        for piece in pieces:
            end = position + len(piece)
            view[position:end] = piece
            position = end
    return buffer


#: A buffer that must grow is copied into a new one while it is at most this large or a
#: tenth of the new size (the copy costs less than extending it in place, which writes
#: zeros and, on some systems, moves it slowly); beyond, it is extended in place, so
#: that the memory peak of a large block stays close to its size.
GROW_BY_COPY_LIMIT = 64 * 1024 * 1024


def grow(buffer: Any, size: int) -> Any:
    """A buffer of ``size`` bytes starting with the content of ``buffer`` (of :func:`new_buffer`).

    A new buffer while the copy is small (see :data:`GROW_BY_COPY_LIMIT`), else the same
    buffer extended in place (a numpy array resized with ``realloc``, a ``bytearray``
    extended with zeros). No view of the buffer may be alive.
    """
    old = len(buffer)
    if old <= max(size // 10, GROW_BY_COPY_LIMIT):
        grown = new_buffer(size) if not isinstance(buffer, bytearray) else bytearray(size)
        with memoryview(grown) as target, memoryview(buffer) as source:
            target[:old] = source
        return grown
    if isinstance(buffer, bytearray):
        buffer.extend(bytes(size - old))
    else:
        buffer.resize(size, refcheck=False)
    return buffer


class _BlockLoop:
    """The bookkeeping the two block loops share (:func:`collect` and :func:`fill`).

    It suspends the termination character once the data can hold it (the length still
    expected exceeds the last read, or the reads stopped at it too often), counts the
    reads that stopped at it, feeds the monitor, stops at END or the termination
    character when asked, guards against reads that bring nothing, and restores the
    termination character at the end.
    """

    __slots__ = (
        "break_on_termchar",
        "empty",
        "last",
        "monitor",
        "res",
        "stopping",
        "stops",
        "suspended",
    )

    def __init__(
        self,
        res: BlockSource,
        received: int,
        break_on_termchar: bool,
        monitor: SupportsUpdate | None,
        suspend_termchar: bool,
    ) -> None:
        self.res = res
        self.break_on_termchar = break_on_termchar
        self.monitor = monitor
        self.last = received
        self.stops = self.empty = 0
        self.stopping = suspend_termchar and res._termchar_is_enabled()
        self.suspended = False

    def before_read(self, missing: int) -> None:
        """Suspend the termination character when binary data may hold it."""
        if self.stopping and (missing > self.last or self.stops >= TERMCHAR_STOPS_TOLERATED):
            self.res.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_FALSE)
            self.stopping, self.suspended = False, True

    def after_read(self, count: int, status: StatusCode | None) -> bool:
        """Account for one read; True when the loop must stop there."""
        self.last = count
        self.stops += status == TERMCHAR_READ
        if self.monitor is not None:
            self.monitor.update(count)
        if self.break_on_termchar and status in (END_READ, TERMCHAR_READ):
            return True
        if count:
            self.empty = 0
        else:
            self.empty += 1
            if self.empty >= EMPTY_READS_TOLERATED:
                raise no_progress_error(self.empty)
        return False

    def restore(self) -> None:
        """Enable the termination character again if it was suspended."""
        if self.suspended:
            self.res.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_TRUE)


def collect(
    res: BlockSource,
    received: int,
    expected: int,
    chunk_size: int,
    break_on_termchar: bool,
    monitor: SupportsUpdate | None,
    suspend_termchar: bool = False,
    last_status: StatusCode | None = None,
    pieces: list[Any] | None = None,
) -> tuple[list[Any], int, StatusCode | None]:
    """Read until ``expected`` bytes arrived, keeping what ``read`` returns as it is.

    The loop of :func:`fill` (same arguments, same stops, same suspension of the
    termination character, same guards) for the backends that return ``bytes``: each
    read asks for what is missing (at most ``chunk_size``), and the pieces returned,
    however large, are kept without a copy, so that the caller joins them once.
    ``pieces`` holds those already there (``received`` bytes).

    Returns
    -------
    list
        The pieces, to be joined.
    int
        Number of bytes in them.
    StatusCode | None
        Status of the last read (``last_status`` if none was needed).

    """
    pieces = [] if pieces is None else pieces
    status = last_status
    loop = _BlockLoop(res, received, break_on_termchar, monitor, suspend_termchar)
    try:
        while received < expected:
            loop.before_read(expected - received)
            chunk, status = read_chunk(res, min(chunk_size, expected - received), status)
            pieces.append(chunk)
            received += len(chunk)
            if loop.after_read(len(chunk), status):
                break
    except errors.VisaIOError as exc:
        log_partial_read(res, exc, b"".join(pieces))
        raise
    finally:
        loop.restore()
    return pieces, received, status


def fill(
    res: BlockSource,
    buffer: Any,
    received: int,
    expected: int,
    chunk_size: int,
    break_on_termchar: bool,
    monitor: SupportsUpdate | None,
    suspend_termchar: bool = False,
    last_status: StatusCode | None = None,
) -> tuple[Any, int, StatusCode | None]:
    """Read into ``buffer[received:]`` until ``expected`` bytes are in it.

    Parameters
    ----------
    res : BlockSource
        The resource read from.
    buffer : bytearray | numpy.ndarray
        Buffer receiving the bytes (of :func:`new_buffer`). It may be shorter than
        ``expected``: once full it is grown (by :data:`BUFFER_GROWTH`, up to ``expected``,
        see :func:`grow`), so that its size follows the bytes received rather than the
        length announced.
    received : int
        Number of bytes already at the start of the buffer.
    expected : int
        Number of bytes the buffer must hold in the end.
    chunk_size : int
        Largest count of one VISA read.
    break_on_termchar : bool
        Stop at an end of message or a termination character (otherwise they do not
        stop the loop).
    monitor : SupportsUpdate | None
        Receives the count of each read.
    suspend_termchar : bool, optional
        Switch the termination character off while the rest looks too long to be read
        in a read or two (it costs two library calls, and spares the library a search
        for it through the data): when it exceeds what the last read gave, or after
        :data:`TERMCHAR_STOPS_TOLERATED` stops at it.
    last_status : StatusCode | None, optional
        Status of the read that put the first ``received`` bytes there (the header
        chunk of a block), returned when no read is needed.

    Returns
    -------
    bytearray | numpy.ndarray
        The buffer holding the bytes (``buffer`` or, once grown, another one).
    int
        Number of bytes in the buffer.
    StatusCode | None
        Status of the last read (``last_status`` if none was needed).

    Raises
    ------
    errors.VisaIOError
        If a read fails (the bytes received are its ``partial_data``), or with
        ``VI_ERROR_IO`` after :data:`EMPTY_READS_TOLERATED` empty reads in a row.

    """
    status = last_status
    loop = _BlockLoop(res, received, break_on_termchar, monitor, suspend_termchar)
    try:
        while received < expected:
            loop.before_read(expected - received)
            size = len(buffer)
            if received == size:
                size = min(expected, max(size * BUFFER_GROWTH, 4096))
                buffer = grow(buffer, size)
            with (
                memoryview(buffer) as view,
                view[received : min(received + chunk_size, size)] as part,
            ):
                count, status = read_into(res, part, status)
            received += count
            if loop.after_read(count, status):
                break
    except errors.VisaIOError as exc:
        with memoryview(buffer) as view, view[:received] as part:
            log_partial_read(res, exc, part)
        raise
    finally:
        loop.restore()
    return buffer, received, status


def read_count(
    res: BlockSource,
    count: int,
    chunk_size: int,
    break_on_termchar: bool,
    monitor: SupportsUpdate | None,
) -> bytes:
    """Read ``count`` bytes (fewer if ``break_on_termchar`` stops earlier) as ``bytes``.

    The loop of ``read_bytes``, whose caller checked the arguments and holds the I/O
    lock and the context of :func:`quiet_reads`. A backend reading into buffers fills
    one (:func:`fill`), copied once into the result; the pieces another backend returns
    are joined once (a single piece is returned as it is).
    """
    if not res.visalib.reads_into_buffers:
        pieces, _, _ = collect(res, 0, count, chunk_size, break_on_termchar, monitor)
        return b"".join(pieces)
    buffer, received, _ = fill(
        res, new_buffer(initial_size(count)), 0, count, chunk_size, break_on_termchar, monitor
    )
    with memoryview(buffer) as view, view[:received] as part:
        return bytes(part)


# -- binary blocks ----------------------------------------------------------------------


def header_incomplete(head: bytes | bytearray, header_fmt: str) -> bool:
    """Whether more bytes are needed before the block header can be parsed."""
    if header_fmt == "hp":
        begin = head.find(b"#A")
        return begin < 0 or begin + 4 > len(head)
    if header_fmt not in ("ieee", "rs"):
        return False
    begin = head.find(b"#")
    if begin < 0 or begin + 2 > len(head):
        return True
    marker = head[begin + 1]
    if marker == 0x28:  # "(": Rohde & Schwarz header, complete at ")"
        closing = head.find(b")", begin + 2)
        # Past the longest valid length, the parser reports the missing ")".
        return closing < 0 and len(head) - begin <= _RS_MAX_DIGITS + 2
    try:
        digits = int(chr(marker), 16)
    except ValueError:
        return False  # indefinite or malformed: let the parser say so
    if digits == 10 and len(head) - begin < _IEEE_A_HEADER_MIN:
        return True
    return begin + 2 + digits > len(head)


def _parse_header(
    head: bytes | bytearray,
    header_fmt: str,
    is_big_endian: bool,
    item_size: int,
    data_points: int,
    length_before_block: int | None,
    raise_on_late_block: bool,
) -> tuple[int, int]:
    """Offset and length of the data of the block starting in ``head``."""
    if header_fmt == "ieee":
        offset, data_length = util.parse_ieee_block_header(
            head, length_before_block, raise_on_late_block
        )
    elif header_fmt == "rs":
        offset, data_length = util.parse_ieee_or_rs_block_header(
            head, length_before_block, raise_on_late_block
        )
    elif header_fmt == "hp":
        offset, data_length = util.parse_hp_block_header(
            head, is_big_endian, length_before_block, raise_on_late_block
        )
    else:
        offset, data_length = 0, -1
    if data_length < 0:
        # No length in the header (IEEE "#0", "empty"): data_points tells it.
        data_length = data_points * item_size
        if data_length < 0:
            raise errors.InvalidArgument(
                "The length of the data to receive could not be determined. You "
                "should provide the number of points you expect using the "
                "data_points keyword argument."
            )
    return offset, data_length


def read_binary_block(
    res: BlockSource,
    header_fmt: str,
    is_big_endian: bool,
    item_size: int,
    expect_termination: bool,
    data_points: int,
    chunk_size: int | None,
    monitor: SupportsUpdate | None,
    length_before_block: int | None,
    raise_on_late_block: bool,
    discard_extra: bool = False,
) -> tuple[Any, int, int]:
    """Read a binary block; return the buffer holding it, the data offset and length.

    The arguments are those of
    :meth:`~pyvisa.resources.MessageBasedResource.read_binary_values` (``monitor`` is its
    ``monitoring_interface``), checked by the caller, plus ``item_size``, the size of
    one value. When a step fails while the message is not over, its rest is discarded
    (see :func:`discard_unread`); with ``discard_extra`` (queries) so are the bytes the
    device sends beyond the announced block.
    """
    first_size = min(chunk_size or res.chunk_size, res.max_io_size)
    with quiet_reads(res, res.session):
        try:
            head, status = read_header_chunk(res, header_fmt, first_size, monitor)
        except errors.VisaIOError as exc:
            if exc.error_code != StatusCode.error_timeout:
                discard_unread(res)
            raise
        try:
            offset, data_length = _parse_header(
                head,
                header_fmt,
                is_big_endian,
                item_size,
                data_points,
                length_before_block,
                raise_on_late_block,
            )
        except Exception:
            if status != END_READ:
                discard_unread(res)
            raise
        expected = offset + data_length
        if expect_termination and res._read_termination:
            expected += len(res._read_termination.encode(res._encoding))
        if len(head) >= expected:
            if discard_extra and status == MAX_COUNT_READ:
                discard_unread(res)
            # The values are decoded from a buffer of their own (writable, never shared).
            return join_pieces([head], len(head)), offset, data_length
        try:
            block, last = read_remainder(res, head, expected, chunk_size, monitor, status)
        except errors.VisaIOError as exc:
            if exc.error_code != StatusCode.error_timeout:
                discard_unread(res)
            raise
        if discard_extra and last == MAX_COUNT_READ:
            discard_unread(res)
        return block, offset, data_length


def discard_unread(res: BlockSource) -> None:
    """Drop what remains of the answer being read, after a read that failed part way.

    The rest of the message is read and thrown away, each read waiting at most
    :data:`DISCARD_TIMEOUT_MS`, until END; after :data:`DISCARD_MAX_READS` reads
    without END the device is cleared (``viClear``). This is a best effort: errors
    are logged, never raised, and the original timeout is restored.
    """
    session = res.session
    read = res.visalib.read
    try:
        timeout = res.get_visa_attribute(ResourceAttribute.timeout_value)
    except errors.VisaIOError:
        return
    size = res.chunk_size
    try:
        res.set_visa_attribute(ResourceAttribute.timeout_value, min(timeout, DISCARD_TIMEOUT_MS))
        for _ in range(DISCARD_MAX_READS):
            _, status = read(session, size)
            if status == END_READ:
                break
        else:
            res.clear()
        logger.debug("%s - discarded the rest of a failed answer", res._resource_name)
    except errors.VisaIOError as exc:
        logger.debug("%s - rest of the failed answer discarded (%s)", res._resource_name, exc)
    finally:
        try:
            res.set_visa_attribute(ResourceAttribute.timeout_value, timeout)
        except errors.VisaIOError as exc:  # pragma: no cover - defensive
            logger.debug("%s - timeout not restored: %s", res._resource_name, exc)


def read_header_chunk(
    res: BlockSource, header_fmt: str, size: int, monitor: SupportsUpdate | None
) -> tuple[bytes | bytearray, StatusCode]:
    """Read one chunk, and more until the block header is complete or the message ends.

    The search stops after :data:`HEADER_SEARCH_LIMIT` bytes (or one chunk if larger):
    the parser then reports the missing or malformed header. A single chunk is returned
    as the backend gave it (no copy); several are joined into a ``bytearray``.
    """
    head: bytes | bytearray = b""
    status: StatusCode | None = None
    limit = max(size, HEADER_SEARCH_LIMIT)
    empty = 0
    try:
        while True:
            chunk, status = read_chunk(res, size, status)
            if not head:
                head = chunk
            else:
                if type(head) is not bytearray:
                    head = bytearray(head)
                head += chunk
            if monitor is not None:
                monitor.update(len(chunk))
            if status == END_READ or not header_incomplete(head, header_fmt):
                return head, status
            if status == TERMCHAR_READ and header_fmt != "hp" and b"#" not in head:
                return head, status
            if len(head) >= limit:
                return head, status
            empty = 0 if chunk else empty + 1
            if empty >= EMPTY_READS_TOLERATED:
                raise no_progress_error(empty)
    except errors.VisaIOError as exc:
        log_partial_read(res, exc, head)
        raise


def read_remainder(
    res: BlockSource,
    head: bytes | bytearray,
    expected: int,
    chunk_size: int | None,
    monitor: SupportsUpdate | None,
    head_status: StatusCode | None = None,
) -> tuple[Any, StatusCode | None]:
    """Read the missing bytes of a block of known length into one buffer (+ last status).

    ``head_status`` is the status of the read that gave ``head``.

    The reads go on across ends of message and termination characters (a termination
    character may occur in the data) until ``expected`` bytes were received.

    A backend reading into buffers fills one buffer of :func:`new_buffer`, allocated up
    front with at most :data:`INITIAL_BUFFER_CAP` bytes (or the header chunk) and grown
    as the data arrive: a header announcing more than the device sends costs memory in
    proportion to what was sent. The ``bytes`` another backend returns are kept as they
    are (the memory again follows the data) and joined once into a ``bytearray``: a block
    returned in one piece is copied once.
    """
    received = len(head)
    # Without a monitor to keep informed, the rest is asked for in as few reads as possible.
    size = chunk_size or (res.chunk_size if monitor is not None else res.max_io_size)
    step = min(size, res.max_io_size)
    if not res.visalib.reads_into_buffers:
        # What the backend returns is kept as is and joined once: one copy of the block.
        pieces, received, status = collect(
            res, received, expected, step, False, monitor, True, head_status, [head]
        )
        return join_pieces(pieces, received), status
    buffer = new_buffer(max(initial_size(expected), received))
    with memoryview(buffer) as view:
        view[:received] = head
    buffer, _, status = fill(
        res, buffer, received, expected, step, False, monitor, True, head_status
    )
    return buffer, status


# -- writes -----------------------------------------------------------------------------


def write_split(res: BlockSource, view: memoryview) -> int:
    """Write a message longer than ``max_io_size`` in several VISA writes.

    END (when ``send_end`` is on) is asserted only with the last part: the attribute is
    switched off for the others and restored, whatever happens.
    """
    size = res.max_io_size
    session = res.session
    visalib = res.visalib
    send_end = _intermediate_send_end_off(res)
    total = 0
    try:
        for start in range(0, view.nbytes, size):
            stop = min(start + size, view.nbytes)
            if stop == view.nbytes and send_end:
                res.set_visa_attribute(ResourceAttribute.send_end_enabled, send_end)
                send_end = None
            part: bytes | memoryview = view[start:stop]
            if not visalib.reads_into_buffers:
                part = bytes(part)  # the backends that do not declare it only see bytes
            count, status = visalib.write(session, part)
            check_status(status)
            total += count
    finally:
        if send_end:
            res.set_visa_attribute(ResourceAttribute.send_end_enabled, send_end)
    return total


def _intermediate_send_end_off(res: BlockSource) -> Any:
    """Disable END for the first parts of a split write; return the value to restore."""
    try:
        send_end = res.get_visa_attribute(ResourceAttribute.send_end_enabled)
        if send_end:
            res.set_visa_attribute(ResourceAttribute.send_end_enabled, constants.VI_FALSE)
        return send_end
    except errors.VisaIOError:
        return None


# -- queries ----------------------------------------------------------------------------


def plain_query(res: Any, message: str, pause: float) -> str | None:
    """``write(message)``, the pause, then ``read()``, with the I/O lock taken once.

    What ``query`` does when ``write``, ``write_raw``, ``read`` and ``_read_raw`` are
    those of :class:`~pyvisa.resources.MessageBasedResource` (the caller checks it, and
    that the instance does not replace them): the same calls to the backend, without
    the layers between them. Returns None, having done nothing, in the cases left to
    those methods (a message already ending with the termination, which warns, no
    session, a backend overriding ``ignore_warning``).
    """
    term = res._write_termination
    if term:
        if type(term) is not str or message.endswith(term):
            return None
        message += term
    data = message.encode(res._encoding)
    session = res._session
    quiet = res._quiet_reads
    if session is None or quiet is None or quiet.session != session:
        return None
    visalib = res.visalib
    with res.io_lock:
        if len(data) > res.max_io_size:
            return None
        _, status = visalib.write(session, data)
        if status is not None and status < 0:  # check_status, inlined
            raise errors.VisaIOError(int(status))
        if pause > 0:
            time.sleep(pause)
        size = res.chunk_size
        active = quiet._active
        active.append(quiet)
        try:
            if _LEVELS.get(_DEBUG, True) and logger.isEnabledFor(_DEBUG):
                log_read(res, size, None)
            try:
                chunk, status = visalib.read(session, size)
                if status is not None and status < 0:
                    raise errors.VisaIOError(int(status))
            except errors.VisaIOError as exc:
                log_partial_read(res, exc, b"")
                raise
            if status == MAX_COUNT_READ:
                chunk = read_rest(res, chunk, size)
        finally:
            active.remove(quiet)
    try:
        answer: str = chunk.decode(res._encoding, res._encoding_errors)
    except UnicodeDecodeError as exc:
        raise relaxed_decode_error(exc) from None
    # From here: plain_query, query, the user's call.
    return strip_termination(answer, res._read_termination, stacklevel=4)
