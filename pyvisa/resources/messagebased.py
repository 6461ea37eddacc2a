"""Message based resources: instruments driven by strings of bytes (SCPI and the like).

Every read and write (``write_raw``, ``read_raw``/``read``, ``read_bytes``, the binary block
reads) holds the resource's re-entrant lock ``io_lock``, and so do the compound operations
(``query``, the ``query_*_values`` methods, ``read_termination_context``): a thread sharing
the resource never gets between another thread's write and the read of its answer.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import operator
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, get_args

from .. import attributes, constants, errors, util
from .._logging import logger
from .._ascii_blocks import check_from_ascii_arguments
from .._binary_blocks import (
    _IEEE_A_HEADER_MIN,
    _RS_MAX_DIGITS,
    BINARY_HEADERS,
    _item_size,
    build_binary_message,
)
from ..attributes import Attribute
from ..constants import InterfaceType, ResourceAttribute, StatusCode
from ..backend import VisaLibraryBase
from ..typing import VISASession
from .resource import Resource, ResourceManagerLike, check_status

if TYPE_CHECKING:
    from ..util import ASCII_CONVERTER, BINARY_DATATYPES

__all__ = ["ControlRenMixin", "MessageBasedResource", "SupportsUpdate"]

_MAX_COUNT_READ = StatusCode.success_max_count_read
_END_READ = StatusCode.success
_TERMCHAR_READ = StatusCode.success_termination_character_read
#: Completion codes a read loop handles itself: they must not be turned into warnings.
_READ_WARNINGS = (StatusCode.success_device_not_present, StatusCode.success_max_count_read)

#: The header formats of the binary block methods (``util.BINARY_HEADERS``).
_HEADER_FORMATS: tuple[str, ...] = get_args(BINARY_HEADERS)

#: Reads of a binary block allowed to stop at a termination character in the data before
#: the termination character is switched off for the rest of the block.
_TERMCHAR_STOPS_TOLERATED = 2

#: Reusable do-nothing context (nullcontext is reentrant).
_NO_CONTEXT: contextlib.AbstractContextManager[None] = contextlib.nullcontext()

#: Consecutive reads returning no byte after which a read loop gives up (VI_ERROR_IO):
#: a backend answering "more data" without data would otherwise keep it spinning.
_EMPTY_READS_TOLERATED = 8

#: Largest buffer allocated up front for a block or a ``read_bytes`` count: a larger
#: announced length is only trusted as the bytes arrive.
_INITIAL_BUFFER_CAP = 16 * 1024 * 1024

#: Factor by which such a buffer grows once full (memory stays proportional to the data).
_BUFFER_GROWTH = 4

#: Effort spent discarding the unread rest of an answer after a failed binary query:
#: timeout (ms) of each read and number of reads, after which the device is cleared.
_DISCARD_TIMEOUT_MS = 50
_DISCARD_MAX_READS = 64

#: Bytes read while looking for a complete block header before letting the parser fail.
_HEADER_SEARCH_LIMIT = 1024 * 1024


def _initial_size(expected: int) -> int:
    """Size of the buffer allocated before ``expected`` bytes are read.

    At most :data:`_INITIAL_BUFFER_CAP`, unless the whole fits in a quarter more (growing
    a buffer by a few bytes would over-allocate it by an eighth).
    """
    return expected if expected <= _INITIAL_BUFFER_CAP * 5 // 4 else _INITIAL_BUFFER_CAP


def _as_index(value: Any, name: str, kind: str = "an int") -> int:
    """Return ``value`` as an int (``operator.index``), else raise a TypeError."""
    if type(value) is int:
        return value
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be {kind}, got {value!r}") from None


def _check_size(value: Any, name: str) -> int:
    """Return ``value`` as an int of at least 1 (a read size), else raise."""
    size = _as_index(value, name)
    if size < 1:
        raise ValueError(f"{name} must be at least 1, got {size}")
    return size


def _check_optional_chunk(chunk_size: Any) -> None:
    """Validate a ``chunk_size`` argument (None or 0: the resource's chunk size)."""
    if chunk_size is not None and chunk_size != 0:
        _check_size(chunk_size, "chunk_size")


def _check_delay(delay: Any) -> float:
    """Return a query delay as a number of seconds; reject what ``time.sleep`` would."""
    if type(delay) is not float and type(delay) is not int:
        if isinstance(delay, (str, bytes, bytearray)):
            raise TypeError(f"delay must be a number of seconds or None, got {delay!r}")
        try:
            delay = float(delay)
        except (TypeError, ValueError):
            raise TypeError(f"delay must be a number of seconds or None, got {delay!r}") from None
    if delay != delay:
        raise ValueError("delay must be a number of seconds, got nan")
    return delay


def _no_progress_error(reads: int) -> errors.VisaIOError:
    """Error raised when the backend keeps returning no data although more is expected."""
    exc = errors.VisaIOError(StatusCode.error_io)
    note = f"the backend returned no data {reads} times in a row while more was expected"
    if hasattr(exc, "add_note"):
        exc.add_note(note)
    logger.debug("read aborted: %s", note)
    return exc


class _ChunkSize(int):
    """Default ``chunk_size`` of the class; validates the values set on instances.

    An ``int`` subclass with a ``__set__`` but no ``__get__``: reading the attribute on a
    class gives this default, reading it on an instance finds the instance's own value
    (in its ``__dict__``) as fast as a plain attribute, and only assignments run Python
    code, which checks the value once instead of on every read.
    """

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__["chunk_size"] = _check_size(value, "chunk_size")


class SupportsUpdate(Protocol):
    """Object receiving the progress of a transfer (a ``tqdm`` progress bar fits).

    It is the ``monitoring_interface`` argument of
    :meth:`~pyvisa.resources.MessageBasedResource.read_bytes`,
    :meth:`~pyvisa.resources.MessageBasedResource.read_binary_values` and
    :meth:`~pyvisa.resources.MessageBasedResource.query_binary_values`: ``update(size)`` is
    called after each VISA read with the number of bytes it returned, header and termination included,
    so the counts add up to the size of the whole message. Its return value is ignored.
    """

    def update(self, size: int) -> None:
        """Record that ``size`` more bytes were transferred."""


def _check_header_fmt(header_fmt: str) -> None:
    if header_fmt not in _HEADER_FORMATS:
        raise ValueError(
            f"Unsupported header_fmt: {header_fmt!r}, expected one of {_HEADER_FORMATS}"
        )


def _header_incomplete(head: bytes | bytearray, header_fmt: str) -> bool:
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


def _check_binary_read(
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
    _check_header_fmt(header_fmt)
    if not callable(container):
        raise TypeError(f"container must be callable, got {container!r}")
    _as_index(data_points, "data_points")
    _check_optional_chunk(chunk_size)
    if length_before_block is not None:
        _as_index(length_before_block, "length_before_block", "an int or None")
    if monitor is not None and not callable(getattr(monitor, "update", None)):
        raise TypeError(f"monitoring_interface must have an update method, got {monitor!r}")
    return item_size


def _decode_block(
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


def _relaxed_decode_error(exc: UnicodeDecodeError) -> UnicodeDecodeError:
    """Rebuild a decode error so that its message names the offending bytes in context."""
    data = exc.object
    bad = bytes(data[exc.start : exc.end])
    around = bytes(data[max(exc.start - 16, 0) : exc.end + 16])
    reason = (
        f"{exc.reason}: offending bytes {bad!r} in {around!r}; pass errors='replace' or "
        "errors='backslashreplace' (or set encoding_errors) to accept them"
    )
    return UnicodeDecodeError(exc.encoding, data, exc.start, exc.end, reason)


class MessageBasedResource(Resource):
    """Base class for resources that use message based communication."""

    CR: str = "\r"
    LF: str = "\n"

    #: Number of bytes to read at a time. Some resources (serial) may not support large
    #: chunk sizes.
    chunk_size: int = _ChunkSize(20 * 1024)

    #: Delay in s to sleep between the write and read occuring in a query.
    query_delay: float = 0.0

    #: Largest number of bytes moved by one VISA read or write (VISA counts are 32-bit;
    #: some implementations treat them as signed): larger transfers are split.
    max_io_size: int = 2**31 - 1

    #: Read termination a new resource of the class starts with (None: no termination
    #: character; serial instruments use CR).
    _default_read_termination: ClassVar[str | None] = None

    # Instance state, set in __init__ (annotations only: see Resource).
    _read_termination: str | None
    _write_termination: str
    _encoding: str
    _encoding_errors: str
    #: Whether VI_ATTR_TERMCHAR_EN is on, as last set through this resource (None: unknown).
    _termchar_enabled: bool | None

    #: Should I/O accesses use DMA (True) or Programmed I/O (False).
    allow_dma: Attribute[bool] = attributes.AttrVI_ATTR_DMA_ALLOW_EN()

    #: IO protocol to use. See the attribute definition for more details.
    io_protocol: Attribute[constants.IOProtocol] = attributes.AttrVI_ATTR_IO_PROT()

    #: Should END be asserted during the transfer of the last byte of the buffer.
    send_end: Attribute[bool] = attributes.AttrVI_ATTR_SEND_END_EN()

    def __init__(self, resource_manager: ResourceManagerLike, resource_name: str) -> None:
        super().__init__(resource_manager, resource_name)
        self._read_termination = self._default_read_termination
        self._write_termination = self.CR + self.LF
        self._encoding = "ascii"
        self._encoding_errors = "strict"
        self._termchar_enabled = None

    def open(
        self,
        access_mode: constants.AccessModes = constants.AccessModes.no_lock,
        open_timeout: int = 5000,
    ) -> None:
        """Opens a session to the specified resource.

        A class whose default read termination is not empty (serial instruments use CR)
        writes it to the session so that ``VI_ATTR_TERMCHAR`` agrees with it.

        Parameters
        ----------
        access_mode : constants.AccessModes, optional
            Specifies the mode by which the resource is to be accessed.
            Defaults to constants.AccessModes.no_lock.
        open_timeout : int, optional
            If the ``access_mode`` parameter requests a lock, then this parameter specifies
            the absolute time period (in milliseconds) that the resource waits to get
            unlocked before this operation returns an error. Defaults to 5000.

        """
        super().open(access_mode, open_timeout)
        self._termchar_enabled = None  # a new session starts with the library's default
        if self._read_termination:
            try:
                self._set_read_termination(self._read_termination)
            except errors.VisaIOError as exc:
                logger.debug(
                    "%s - the default read termination %r could not be set (%s): none is used",
                    self._resource_name,
                    self._read_termination,
                    exc,
                )
                self._read_termination = None

    def set_visa_attribute(self, name: constants.ResourceAttribute, state: Any) -> StatusCode:
        # Same as Resource.set_visa_attribute (whose docstring is inherited), plus the
        # record of VI_ATTR_TERMCHAR_EN used by the binary reads.
        status = super().set_visa_attribute(name, state)
        if name == ResourceAttribute.termchar_enabled:
            self._termchar_enabled = bool(state)
        return status

    def _termchar_is_enabled(self) -> bool:
        """Whether reads stop at the termination character (asks the library only once)."""
        enabled = self._termchar_enabled
        if enabled is None:
            try:
                value = self.get_visa_attribute(ResourceAttribute.termchar_enabled)
            except errors.VisaIOError:
                value = False
            enabled = self._termchar_enabled = bool(value)
        return enabled

    # -- encoding and terminations ----------------------------------------------------

    @property
    def encoding(self) -> str:
        """Encoding used for read and write operations.

        Setting an encoding Python does not know raises ``LookupError``; a codec that is
        not a text encoding (``"base64"``, ``"rot13"``...) raises ``ValueError``.
        """
        return self._encoding

    @encoding.setter
    def encoding(self, encoding: str) -> None:
        if not isinstance(encoding, str):
            raise TypeError(f"encoding must be a str, got {encoding!r}")
        if not getattr(codecs.lookup(encoding), "_is_text_encoding", True):
            raise ValueError(f"{encoding!r} is not a text encoding")
        self._encoding = encoding

    @property
    def encoding_errors(self) -> str:
        """Policy applied to bytes the encoding cannot decode (as ``bytes.decode`` errors).

        ``"strict"`` (default) raises ``UnicodeDecodeError`` naming the offending bytes;
        ``"replace"`` and ``"backslashreplace"`` keep going. An unknown policy raises
        ``LookupError``.
        """
        return self._encoding_errors

    @encoding_errors.setter
    def encoding_errors(self, policy: str) -> None:
        codecs.lookup_error(policy)
        self._encoding_errors = policy

    @property
    def read_termination(self) -> str | None:
        """Read termination character.

        Its last character is the VISA termination character (``VI_ATTR_TERMCHAR``, which is
        enabled through ``VI_ATTR_TERMCHAR_EN``); the whole sequence is stripped from the
        messages read. None (the default, except for serial instruments which use CR) or an
        empty string disables the termination character.
        """
        return self._read_termination

    @read_termination.setter
    def read_termination(self, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise TypeError(f"read_termination must be a str, got {value!r}")
        with self.io_lock:
            self._set_read_termination(value)

    def _set_read_termination(self, value: str | None) -> None:
        if value:
            # Only the last character stops a read: the same character earlier in the
            # sequence would stop it prematurely.
            last_char = value[-1]
            if last_char in value[:-1]:
                raise ValueError(
                    f"ambiguous ending in termination characters {value!r}: its last character "
                    "must not appear earlier in it"
                )
            try:
                termchar = last_char.encode(self._encoding)
            except UnicodeEncodeError:
                termchar = b""
            if len(termchar) != 1:
                raise ValueError(
                    f"the last termination character {last_char!r} is not a single byte in "
                    f"the {self._encoding!r} encoding"
                )
            self.set_visa_attribute(ResourceAttribute.termchar, termchar[0])
            self.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_TRUE)
        else:
            # The termchar also serves VI_ATTR_ASRL_END_IN: restore its default (LF).
            self.set_visa_attribute(ResourceAttribute.termchar, ord(self.LF))
            self.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_FALSE)
        self._read_termination = value

    @property
    def write_termination(self) -> str:
        """Write termination character, appended to every message written."""
        return self._write_termination

    @write_termination.setter
    def write_termination(self, value: str | None) -> None:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise TypeError(f"write_termination must be a str, got {value!r}")
        self._write_termination = value

    @contextlib.contextmanager
    def read_termination_context(self, new_termination: str | None) -> Iterator[None]:
        """Temporarily use another read termination (None or "" disables it).

        The resource lock is held for the duration of the context.
        """
        with self.io_lock:
            term = self.read_termination
            self.read_termination = new_termination
            try:
                yield
            finally:
                self.read_termination = term

    # -- writing ---------------------------------------------------------------------

    def write_raw(self, message: bytes | bytearray | memoryview) -> int:
        """Write a byte message to the device.

        Messages longer than :attr:`max_io_size` are sent in several VISA writes, END being
        asserted (when ``send_end`` is on) only with the last one.

        Parameters
        ----------
        message : bytes
            The message to be sent.

        Returns
        -------
        int
            Number of bytes written.

        """
        if not isinstance(message, bytes):
            message = memoryview(message).cast("B")
        with self.io_lock:
            if len(message) <= self.max_io_size:
                count, status = self.visalib.write(self.session, self._writable(message))
                check_status(status)
                return count
            return self._write_split(memoryview(message))

    def _writable(self, data: bytes | memoryview) -> bytes | memoryview:
        """Data in a form ``visalib.write`` accepts, copied only when it must be.

        The ctypes backend (recognised by its ``read_into``) passes any contiguous buffer
        to C as is; third-party backends get ``bytes``, which is all they have ever seen.
        """
        if type(data) is bytes or hasattr(self.visalib, "read_into"):
            return data
        return bytes(data)

    def _write_split(self, view: memoryview) -> int:
        size = self.max_io_size
        session = self.session
        send_end = self._intermediate_send_end_off()
        total = 0
        try:
            for start in range(0, view.nbytes, size):
                stop = min(start + size, view.nbytes)
                if stop == view.nbytes and send_end:
                    self.set_visa_attribute(ResourceAttribute.send_end_enabled, send_end)
                    send_end = None
                count, status = self.visalib.write(session, self._writable(view[start:stop]))
                check_status(status)
                total += count
        finally:
            if send_end:
                self.set_visa_attribute(ResourceAttribute.send_end_enabled, send_end)
        return total

    def _intermediate_send_end_off(self) -> Any:
        """Disable END for the first parts of a split write; return the value to restore."""
        try:
            send_end = self.get_visa_attribute(ResourceAttribute.send_end_enabled)
            if send_end:
                self.set_visa_attribute(ResourceAttribute.send_end_enabled, constants.VI_FALSE)
            return send_end
        except errors.VisaIOError:
            return None

    def write(
        self, message: str, termination: str | None = None, encoding: str | None = None
    ) -> int:
        """Write a string message to the device.

        The write_termination is always appended to it (a warning is issued when the message
        already ends with it).

        Parameters
        ----------
        message : str
            The message to be sent.
        termination : str | None, optional
            Alternative character termination to use. If None, the value of
            write_termination is used. Defaults to None.
        encoding : str | None, optional
            Alternative encoding to use to turn str into bytes. If None, the value of
            encoding is used. Defaults to None.

        Returns
        -------
        int
            Number of bytes written.

        """
        if type(message) is not str and not isinstance(message, str):
            raise TypeError(f"message must be a str, got {type(message).__name__}")
        term = self._write_termination if termination is None else termination
        if term:
            if type(term) is not str and not isinstance(term, str):
                raise TypeError(f"termination must be a str, got {type(term).__name__}")
            if message.endswith(term):
                warnings.warn(
                    "write message already ends with termination characters", stacklevel=2
                )
            message += term
        return self.write_raw(message.encode(self._encoding if encoding is None else encoding))

    def write_ascii_values(
        self,
        message: str,
        values: Iterable[Any],
        converter: ASCII_CONVERTER | Callable[[Any], str] = "f",
        separator: str | Callable[[Iterable[str]], str] = ",",
        termination: str | None = None,
        encoding: str | None = None,
    ) -> int:
        """Write a string message to the device followed by values in ascii format.

        The termination is appended after the values (a warning is issued when the message
        before them already ends with it).

        Parameters
        ----------
        message : str
            Header of the message to be sent.
        values : Iterable[Any]
            Data to be written to the device.
        converter : Union[str, Callable[[Any], str]], optional
            Str formatting codes or function used to convert each value. Defaults to "f".
        separator : Union[str, Callable[[Iterable[str]], str]], optional
            Str or callable that join the values in a single str. If a str is given,
            separator.join(values) is used. Defaults to ','
        termination : str | None, optional
            Alternative character termination to use. If None, the value of
            write_termination is used; any other false value ("" or False) appends no
            termination. Defaults to None.
        encoding : str | None, optional
            Alternative encoding to use to turn str into bytes. If None, the value of
            encoding is used. Defaults to None.

        Returns
        -------
        int
            Number of bytes written.

        """
        term = self._termination_to_write(message, termination)
        block = util.to_ascii_block(values, converter, separator)
        enco = self._encoding if encoding is None else encoding
        return self.write_raw((message + block + term).encode(enco))

    def _termination_to_write(self, message: str, termination: str | None) -> str:
        """Termination appended after values (None: write_termination; other falsy: none).

        Warns when the message written before the values already ends with it.
        """
        term = self._write_termination if termination is None else termination
        if not term:
            return ""
        if message.endswith(term):
            warnings.warn("write message already ends with termination characters", stacklevel=3)
        return term

    def write_binary_values(
        self,
        message: str,
        values: Sequence[Any] | bytes,
        datatype: BINARY_DATATYPES = "f",
        is_big_endian: bool = False,
        termination: str | None = None,
        encoding: str | None = None,
        header_fmt: BINARY_HEADERS = "ieee",
    ) -> int:
        """Write a string message to the device followed by values in binary format.

        The termination is appended after the block (a warning is issued when the message
        before it already ends with it).

        Parameters
        ----------
        message : str
            The header of the message to be sent.
        values : Sequence[Any]
            Data to be written to the device.
        datatype : util.BINARY_DATATYPES, optional
            The format string for a single element. See struct module.
        is_big_endian : bool, optional
            Are the data in big or little endian order.
        termination : str | None, optional
            Alternative character termination to use. If None, the value of
            write_termination is used; any other false value ("" or False) appends no
            termination. Defaults to None.
        encoding : str | None, optional
            Alternative encoding to use to turn str into bytes. If None, the value of
            encoding is used. Defaults to None.
        header_fmt : util.BINARY_HEADERS
            Format of the header prefixing the data: 'ieee' (default), 'hp', 'rs' (Rohde &
            Schwarz ``#(length)``) or 'empty'.

        Returns
        -------
        int
            Number of bytes written.

        """
        enco = self._encoding if encoding is None else encoding
        term = self._termination_to_write(message, termination).encode(enco)
        # Command, block and termination are encoded together: the data are copied once.
        payload = build_binary_message(
            message.encode(enco), values, datatype, is_big_endian, header_fmt, term
        )
        return self.write_raw(payload)

    # -- reading ---------------------------------------------------------------------

    def _quiet_reads(self, session: Any) -> contextlib.AbstractContextManager[None]:
        """Context in which the completion codes handled by the read loops do not warn."""
        visalib = self.visalib
        if visalib.issue_warning_on.isdisjoint(_READ_WARNINGS):
            return _NO_CONTEXT
        return visalib.ignore_warning(session, *_READ_WARNINGS)

    def _log_read(self, size: int, last_status: StatusCode | None) -> None:
        logger.debug(
            "%s - reading %d bytes (last status %r)", self._resource_name, size, last_status
        )

    def _log_partial_read(self, exc: Exception, data: bytes | bytearray | memoryview) -> None:
        """Log the bytes received before a read failed and keep them on the exception."""
        if isinstance(exc, errors.VisaIOError) and exc.partial_data is None:
            exc.partial_data = bytes(data)
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s - exception while reading: %s\nBuffer content: %r",
                self._resource_name,
                exc,
                bytes(data),
            )

    def _read_chunk(
        self, size: int, last_status: StatusCode | None = None
    ) -> tuple[bytes | bytearray, StatusCode]:
        """Read at most ``size`` bytes: one VISA read (logged at DEBUG level)."""
        self._log_read(size, last_status)
        data, status = self.visalib.read(self.session, size)
        check_status(status)
        return data, status

    def _read_into(
        self, view: memoryview, last_status: StatusCode | None = None
    ) -> tuple[int, StatusCode]:
        """Read at most ``len(view)`` bytes into ``view``: one VISA read.

        Backends providing ``read_into(session, buffer) -> (count, status)`` fill the
        buffer directly; otherwise the bytes returned by ``read`` are copied into it.
        """
        read_into = getattr(self.visalib, "read_into", None)
        if read_into is None:
            data, status = self._read_chunk(view.nbytes, last_status)
            count = len(data)
            view[:count] = data
            return count, status
        self._log_read(view.nbytes, last_status)
        count, status = read_into(self.session, view)
        check_status(status)
        return count, status

    def _read_raw(self, size: int | None = None) -> bytes | bytearray:
        """Read until the device signals the end of the message (END or termchar).

        A message that fits in one chunk is returned as the backend gave it; the chunks of
        a longer one are joined once at the end.
        """
        size = self.chunk_size if size is None else _check_size(size, "size")
        session = self.session
        with self.io_lock, self._quiet_reads(session):
            self._log_read(size, None)
            try:
                chunk, status = self.visalib.read(session, size)
                check_status(status)
            except errors.VisaIOError as exc:
                self._log_partial_read(exc, b"")
                raise
            if status != _MAX_COUNT_READ:
                return chunk
            return self._read_rest(chunk, size)

    def _read_rest(self, first: bytes | bytearray, size: int) -> bytes:
        """Read the rest of a message longer than one chunk; join all chunks once.

        Joining costs one copy of the message, which measured cheaper than reading into a
        bytearray grown as the message arrives. A backend returning no byte
        :data:`_EMPTY_READS_TOLERATED` times in a row while announcing more raises
        ``VisaIOError`` (``VI_ERROR_IO``) instead of looping forever.
        """
        session = self.session
        read = self.visalib.read
        chunks = [first]
        status = _MAX_COUNT_READ
        empty = 0 if first else 1
        try:
            while status == _MAX_COUNT_READ:
                if empty >= _EMPTY_READS_TOLERATED:
                    raise _no_progress_error(empty)
                self._log_read(size, status)
                chunk, status = read(session, size)
                check_status(status)
                chunks.append(chunk)
                empty = 0 if chunk else empty + 1
        except errors.VisaIOError as exc:
            self._log_partial_read(exc, b"".join(chunks))
            raise
        return b"".join(chunks)

    def read_raw(self, size: int | None = None) -> bytes:
        """Read the unmodified string sent from the instrument to the computer.

        In contrast to read(), no termination characters are stripped.

        Parameters
        ----------
        size : int | None, optional
            The chunk size to use to perform the reading. Defaults to None, meaning the
            resource wide set value is set.

        Returns
        -------
        bytes
            Bytes read from the instrument.

        """
        data = self._read_raw(size)
        return data if type(data) is bytes else bytes(data)

    def read_bytes(
        self,
        count: int,
        chunk_size: int | None = None,
        break_on_termchar: bool = False,
        monitoring_interface: SupportsUpdate | None = None,
    ) -> bytes:
        """Read a certain number of bytes from the instrument.

        Parameters
        ----------
        count : int
            The number of bytes to read from the instrument.
        chunk_size : int | None, optional
            The chunk size to use to perform the reading. If count > chunk_size multiple low
            level operations will be performed. Defaults to None, meaning the resource wide
            set value is set.
        break_on_termchar : bool, optional
            Should the reading stop when a termination character is encountered or when the
            message ends. Defaults to False.
        monitoring_interface : SupportsUpdate | None, optional
            Progress monitoring object (a ``tqdm`` progress bar for instance) whose
            ``update(size)`` method receives the number of bytes of each VISA read.

        Returns
        -------
        bytes
            Bytes read from the instrument.

        Notes
        -----
        The data are read into one buffer, then copied once into the ``bytes`` returned:
        the price of an immutable result (peak memory about twice ``count``).
        :meth:`read_binary_values` avoids that copy. The buffer allocated up front holds
        at most 16 MiB and grows as the bytes arrive, so that a large ``count`` answered
        by a few bytes costs little memory.

        Raises
        ------
        ValueError
            If ``count`` is negative or ``chunk_size`` is below 1.
        errors.VisaIOError
            If a read fails; the bytes received until then are its ``partial_data``.

        """
        count = operator.index(count)
        if count < 0:
            raise ValueError(f"count must be positive or zero, got {count}")
        if chunk_size:
            chunk_size = min(_check_size(chunk_size, "chunk_size"), self.max_io_size)
        else:
            chunk_size = min(self.chunk_size, self.max_io_size)
        buffer = bytearray(_initial_size(count))
        with self.io_lock, self._quiet_reads(self.session):
            received, _ = self._fill(
                buffer, 0, count, chunk_size, break_on_termchar, monitoring_interface
            )
            if received == len(buffer):
                return bytes(buffer)
            with memoryview(buffer) as view, view[:received] as part:
                return bytes(part)

    def _fill(
        self,
        buffer: bytearray,
        received: int,
        expected: int,
        chunk_size: int,
        break_on_termchar: bool,
        monitor: SupportsUpdate | None,
        suspend_termchar: bool = False,
    ) -> tuple[int, StatusCode | None]:
        """Read into ``buffer[received:]`` until ``expected`` bytes are in it; return their count.

        ``buffer`` may be shorter than ``expected``: it is grown (by
        :data:`_BUFFER_GROWTH`, up to ``expected``) once full, so that memory follows the
        bytes received rather than the length announced. Ends of message and termination
        characters do not stop the reads unless ``break_on_termchar``. With
        ``suspend_termchar`` the termination character is switched off while the rest
        looks too long to be read in a read or two (it costs two library calls): when it
        exceeds what the last read gave, or after :data:`_TERMCHAR_STOPS_TOLERATED` stops
        at it. :data:`_EMPTY_READS_TOLERATED` reads in a row returning nothing raise
        ``VisaIOError`` (``VI_ERROR_IO``).
        """
        last = received
        status: StatusCode | None = None
        stops = empty = 0
        stopping = suspend_termchar and self._termchar_is_enabled()
        suspended = False
        try:
            while received < expected:
                if stopping and (expected - received > last or stops >= _TERMCHAR_STOPS_TOLERATED):
                    # Binary data may hold the termination character: do not stop at it.
                    self.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_FALSE)
                    stopping, suspended = False, True
                size = len(buffer)
                if received == size:
                    grown = min(expected, max(size * _BUFFER_GROWTH, 4096))
                    buffer.extend(bytes(grown - size))
                    size = grown
                with (
                    memoryview(buffer) as view,
                    view[received : min(received + chunk_size, size)] as part,
                ):
                    count, status = self._read_into(part, status)
                received += count
                last = count
                stops += status == _TERMCHAR_READ
                if monitor is not None:
                    monitor.update(count)
                if break_on_termchar and status in (_END_READ, _TERMCHAR_READ):
                    break
                if count:
                    empty = 0
                else:
                    empty += 1
                    if empty >= _EMPTY_READS_TOLERATED:
                        raise _no_progress_error(empty)
        except errors.VisaIOError as exc:
            with memoryview(buffer) as view, view[:received] as part:
                self._log_partial_read(exc, part)
            raise
        finally:
            if suspended:
                self.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_TRUE)
        return received, status

    def _decode(self, data: bytes | bytearray, encoding: str | None) -> str:
        try:
            return data.decode(
                self._encoding if encoding is None else encoding, self._encoding_errors
            )
        except UnicodeDecodeError as exc:
            raise _relaxed_decode_error(exc) from None

    def read(self, termination: str | None = None, encoding: str | None = None) -> str:
        """Read a string from the device.

        Reading stops when the device stops sending (e.g. by setting appropriate bus lines),
        or the termination characters sequence was detected. Attention: Only the last
        character of the termination characters is really used to stop reading, however,
        the whole sequence is compared to the ending of the read string message. If they
        don't match, a warning is issued.

        Parameters
        ----------
        termination : str | None, optional
            Alternative character termination to use. If None, the value of
            read_termination is used. Defaults to None.
        encoding : str | None, optional
            Alternative encoding to use to turn bytes into str. If None, the value of
            encoding is used. Defaults to None. Undecodable bytes are handled according
            to :attr:`encoding_errors`.

        Returns
        -------
        str
            Message read from the instrument and decoded.

        """
        if termination is None or termination == self._read_termination:
            termination = self._read_termination
            message = self._decode(self._read_raw(), encoding)
        else:
            with self.read_termination_context(termination):
                message = self._decode(self._read_raw(), encoding)
        if not termination:
            return message
        if not message.endswith(termination):
            warnings.warn("read string doesn't end with termination characters", stacklevel=2)
            return message
        return message[: -len(termination)]

    def read_ascii_values(
        self,
        converter: ASCII_CONVERTER | Callable[[str], Any] = "f",
        separator: str | Callable[[str], Iterable[str]] = ",",
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
    ) -> Sequence[Any]:
        """Read values from the device in ascii format returning an iterable of values.

        Parameters
        ----------
        converter : ASCII_CONVERTER, optional
            Str format of function to convert each value. Default to "f".
        separator : Union[str, Callable[[str], Iterable[str]]]
            str or callable used to split the data into individual elements. If a str is
            given, data.split(separator) is used. Default to ",".
        container : Union[Type, Callable[[Iterable], Sequence]], optional
            Container type to use for the output data. Possible values are: list, tuple,
            np.ndarray, etc, Default to list.

        Returns
        -------
        Sequence
            Parsed data.

        """
        check_from_ascii_arguments(converter, separator, container)
        return util.from_ascii_block(self.read(), converter, separator, container)

    def read_binary_values(
        self,
        datatype: BINARY_DATATYPES = "f",
        is_big_endian: bool = False,
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
        header_fmt: BINARY_HEADERS = "ieee",
        expect_termination: bool = True,
        data_points: int = -1,
        chunk_size: int | None = None,
        monitoring_interface: SupportsUpdate | None = None,
        length_before_block: int | None = None,
        raise_on_late_block: bool = False,
    ) -> Sequence[Any]:
        """Read values from the device in binary format returning an iterable of values.

        One message chunk (at most ``chunk_size`` bytes, up to the end of the message or
        the termination character) is read first; when the length it announces (plus the
        read termination if ``expect_termination``) is not reached, exactly the missing
        bytes are read, as :meth:`read_bytes` does, into one buffer allocated once.

        Parameters
        ----------
        datatype : BINARY_DATATYPES, optional
            Format string for a single element. See struct module. 'f' by default.
        is_big_endian : bool, optional
            Are the data in big or little endian order. Defaults to False.
        container : Union[Type, Callable[[Iterable], Sequence]], optional
            Container type to use for the output data. Possible values are: list, tuple,
            np.ndarray, etc, Default to list.
        header_fmt : util.BINARY_HEADERS, optional
            Format of the header prefixing the data ('ieee', 'hp', 'rs' or 'empty').
            Defaults to 'ieee'.
        expect_termination : bool, optional
            When set to False, the expected length of the binary values block does not
            account for the final termination character (the read termination). Defaults
            to True.
        data_points : int, optional
            Number of points expected in the block. This is used only if the instrument does
            not report it itself. This will be converted in a number of bytes based on the
            datatype. Defaults to -1 (not given): a block whose length is not reported then
            raises ValueError; 0 returns an empty sequence.
        chunk_size : int, optional
            Size of the chunks to read from the device. Using larger chunks may be faster
            for large amount of data.
        monitoring_interface : SupportsUpdate | None, optional
            Progress monitoring object with an ``update(size)`` method receiving the number
            of bytes of each read (a ``tqdm`` progress bar for instance).
        length_before_block : int | None, optional
            Number of bytes the header may be preceded by before it is considered late
            (None: 25).
        raise_on_late_block : bool, optional
            Raise a RuntimeError instead of warning when the header is late. Defaults to
            False.

        Returns
        -------
        Sequence[Union[int, float]]
            Data read from the device.

        Raises
        ------
        ValueError
            If the header cannot be found or parsed, or if the length of the data cannot
            be determined.
        errors.InvalidBinaryFormat
            If the data cannot be decoded.

        """
        item_size = _check_binary_read(
            datatype,
            container,
            header_fmt,
            data_points,
            chunk_size,
            monitoring_interface,
            length_before_block,
        )
        with self.io_lock:
            block, offset, data_length = self._read_binary_block(
                header_fmt,
                is_big_endian,
                item_size,
                expect_termination,
                data_points,
                chunk_size,
                monitoring_interface,
                length_before_block,
                raise_on_late_block,
            )
        return _decode_block(block, offset, data_length, datatype, is_big_endian, container)

    def _read_binary_block(
        self,
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
    ) -> tuple[bytearray, int, int]:
        """Read a binary block; return it with the data offset and length.

        When a step fails while the message is not over, its rest is discarded (see
        :meth:`_discard_unread`); with ``discard_extra`` (queries) so are the bytes the
        device sends beyond the announced block.
        """
        first_size = min(chunk_size or self.chunk_size, self.max_io_size)
        with self._quiet_reads(self.session):
            try:
                head, status = self._read_header_chunk(header_fmt, first_size, monitor)
            except errors.VisaIOError as exc:
                if exc.error_code != StatusCode.error_timeout:
                    self._discard_unread()
                raise
            try:
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
                        raise ValueError(
                            "The length of the data to receive could not be determined. You "
                            "should provide the number of points you expect using the "
                            "data_points keyword argument."
                        )
            except Exception:
                if status != _END_READ:
                    self._discard_unread()
                raise
            expected = offset + data_length
            if expect_termination and self._read_termination:
                expected += len(self._read_termination.encode(self._encoding))
            if len(head) >= expected:
                if discard_extra and status == _MAX_COUNT_READ:
                    self._discard_unread()
                return head, offset, data_length
            try:
                block, last = self._read_remainder(head, expected, chunk_size, monitor)
            except errors.VisaIOError as exc:
                if exc.error_code != StatusCode.error_timeout:
                    self._discard_unread()
                raise
            if discard_extra and last == _MAX_COUNT_READ:
                self._discard_unread()
            return block, offset, data_length

    def _discard_unread(self) -> None:
        """Drop what remains of the answer being read, after a read that failed part way.

        The rest of the message is read and thrown away, each read waiting at most
        :data:`_DISCARD_TIMEOUT_MS`, until END; after :data:`_DISCARD_MAX_READS` reads
        without END the device is cleared (``viClear``). This is a best effort: errors
        are logged, never raised, and the original timeout is restored.
        """
        session = self.session
        read = self.visalib.read
        try:
            timeout = self.get_visa_attribute(ResourceAttribute.timeout_value)
        except errors.VisaIOError:
            return
        size = self.chunk_size
        try:
            self.set_visa_attribute(
                ResourceAttribute.timeout_value, min(timeout, _DISCARD_TIMEOUT_MS)
            )
            for _ in range(_DISCARD_MAX_READS):
                _, status = read(session, size)
                if status == _END_READ:
                    break
            else:
                self.clear()
            logger.debug("%s - discarded the rest of a failed answer", self._resource_name)
        except errors.VisaIOError as exc:
            logger.debug("%s - rest of the failed answer discarded (%s)", self._resource_name, exc)
        finally:
            try:
                self.set_visa_attribute(ResourceAttribute.timeout_value, timeout)
            except errors.VisaIOError as exc:  # pragma: no cover - defensive
                logger.debug("%s - timeout not restored: %s", self._resource_name, exc)

    def _read_header_chunk(
        self, header_fmt: str, size: int, monitor: SupportsUpdate | None
    ) -> tuple[bytearray, StatusCode]:
        """Read one chunk, and more until the block header is complete or the message ends.

        The search stops after :data:`_HEADER_SEARCH_LIMIT` bytes (or one chunk if larger):
        the parser then reports the missing or malformed header.
        """
        head = bytearray()
        status: StatusCode | None = None
        limit = max(size, _HEADER_SEARCH_LIMIT)
        empty = 0
        try:
            while True:
                chunk, status = self._read_chunk(size, status)
                head += chunk
                if monitor is not None:
                    monitor.update(len(chunk))
                if status == _END_READ or not _header_incomplete(head, header_fmt):
                    return head, status
                if status == _TERMCHAR_READ and header_fmt != "hp" and b"#" not in head:
                    return head, status
                if len(head) >= limit:
                    return head, status
                empty = 0 if chunk else empty + 1
                if empty >= _EMPTY_READS_TOLERATED:
                    raise _no_progress_error(empty)
        except errors.VisaIOError as exc:
            self._log_partial_read(exc, head)
            raise

    def _read_remainder(
        self,
        head: bytearray,
        expected: int,
        chunk_size: int | None,
        monitor: SupportsUpdate | None,
    ) -> tuple[bytearray, StatusCode | None]:
        """Read the missing bytes of a block of known length into one buffer (+ last status).

        The reads go on across ends of message and termination characters (a termination
        character may occur in the data) until ``expected`` bytes were received. The
        buffer allocated up front holds at most :data:`_INITIAL_BUFFER_CAP` bytes (or the
        header chunk) and grows as the data arrive: a header announcing more than the
        device sends costs memory in proportion to what was sent.
        """
        received = len(head)
        buffer = bytearray(max(_initial_size(expected), received))
        buffer[:received] = head
        # Without a monitor to keep informed, the rest is asked for in as few reads as possible.
        size = chunk_size or (self.chunk_size if monitor is not None else self.max_io_size)
        step = min(size, self.max_io_size)
        _, status = self._fill(
            buffer, received, expected, step, False, monitor, suspend_termchar=True
        )
        return buffer, status

    # -- queries ---------------------------------------------------------------------

    def _query_delay(self, delay: float | None) -> float:
        """The delay of a query, checked before anything is written."""
        return _check_delay(self.query_delay if delay is None else delay)

    def query(self, message: str, delay: float | None = None) -> str:
        """A combination of write(message) and read().

        The resource lock is held from the write to the end of the read: threads sharing
        the resource never receive each other's answers.

        Parameters
        ----------
        message : str
            The message to send.
        delay : float | None, optional
            Delay in seconds between write and read operations. If None, defaults to
            self.query_delay.

        Returns
        -------
        str
            Answer from the device.

        """
        if type(message) is not str and not isinstance(message, str):
            raise TypeError(f"message must be a str, got {type(message).__name__}")
        pause = self._query_delay(delay)
        with self.io_lock:
            self.write(message)
            if pause > 0:
                time.sleep(pause)
            return self.read()

    def query_ascii_values(
        self,
        message: str,
        converter: ASCII_CONVERTER | Callable[[str], Any] = "f",
        separator: str | Callable[[str], Iterable[str]] = ",",
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
        delay: float | None = None,
    ) -> Sequence[Any]:
        """Query the device for values in ascii format returning an iterable of values.

        Parameters
        ----------
        message : str
            The message to send.
        converter : ASCII_CONVERTER, optional
            Str format of function to convert each value. Default to "f".
        separator : Union[str, Callable[[str], Iterable[str]]]
            str or callable used to split the data into individual elements. If a str is
            given, data.split(separator) is used. Default to ",".
        container : Union[Type, Callable[[Iterable], Sequence]], optional
            Container type to use for the output data. Possible values are: list, tuple,
            np.ndarray, etc, Default to list.
        delay : float | None, optional
            Delay in seconds between write and read operations. If None, defaults to
            self.query_delay.

        Returns
        -------
        Sequence
            Parsed data.

        """
        check_from_ascii_arguments(converter, separator, container)
        pause = self._query_delay(delay)
        with self.io_lock:
            self.write(message)
            if pause > 0:
                time.sleep(pause)
            answer = self.read()
        return util.from_ascii_block(answer, converter, separator, container)

    def query_binary_values(
        self,
        message: str,
        datatype: BINARY_DATATYPES = "f",
        is_big_endian: bool = False,
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
        delay: float | None = None,
        header_fmt: BINARY_HEADERS = "ieee",
        expect_termination: bool = True,
        data_points: int = 0,
        chunk_size: int | None = None,
        monitoring_interface: SupportsUpdate | None = None,
        length_before_block: int | None = None,
        raise_on_late_block: bool = False,
    ) -> Sequence[Any]:
        """Query the device for values in binary format returning an iterable of values.

        Parameters
        ----------
        message : str
            The message to send.
        datatype : BINARY_DATATYPES, optional
            Format string for a single element. See struct module. 'f' by default.
        is_big_endian : bool, optional
            Are the data in big or little endian order. Defaults to False.
        container : Union[Type, Callable[[Iterable], Sequence]], optional
            Container type to use for the output data. Possible values are: list, tuple,
            np.ndarray, etc, Default to list.
        delay : float | None, optional
            Delay in seconds between write and read operations. If None, defaults to
            self.query_delay.
        header_fmt : util.BINARY_HEADERS, optional
            Format of the header prefixing the data. Defaults to 'ieee'.
        expect_termination : bool, optional
            When set to False, the expected length of the binary values block does not
            account for the final termination character (the read termination). Defaults
            to True.
        data_points : int, optional
            Number of points expected in the block. This is used only if the instrument does
            not report it itself. This will be converted in a number of bytes based on the
            datatype. Defaults to 0.
        chunk_size : int, optional
            Size of the chunks to read from the device. Using larger chunks may be faster
            for large amount of data.
        monitoring_interface : SupportsUpdate | None, optional
            Progress monitoring object with an ``update(size)`` method receiving the number
            of bytes of each read (a ``tqdm`` progress bar for instance).
        length_before_block : int | None, optional
            Number of bytes the header may be preceded by before it is considered late
            (None: 25).
        raise_on_late_block : bool, optional
            Raise a RuntimeError instead of warning when the header is late. Defaults to
            False.

        Returns
        -------
        Sequence[Union[int, float]]
            Data read from the device.

        """
        item_size = _check_binary_read(
            datatype,
            container,
            header_fmt,
            data_points,
            chunk_size,
            monitoring_interface,
            length_before_block,
        )
        pause = self._query_delay(delay)
        with self.io_lock:
            self.write(message)
            if pause > 0:
                time.sleep(pause)
            block, offset, data_length = self._read_binary_block(
                header_fmt,
                is_big_endian,
                item_size,
                expect_termination,
                data_points,
                chunk_size,
                monitoring_interface,
                length_before_block,
                raise_on_late_block,
                True,
            )
        return _decode_block(block, offset, data_length, datatype, is_big_endian, container)

    # -- other operations ------------------------------------------------------------

    def flush(self, mask: constants.BufferOperation) -> None:
        """Manually clears the specified buffers.

        Depending on the value of the mask this can cause the buffer data to be written to
        the device.

        Parameters
        ----------
        mask : constants.BufferOperation
            Specifies the action to be taken with flushing the buffer. See
            highlevel.VisaLibraryBase.flush for a detailed description.

        """
        check_status(self.visalib.flush(self.session, mask))

    def assert_trigger(self) -> None:
        """Sends a software trigger to the device."""
        check_status(self.visalib.assert_trigger(self.session, constants.TriggerProtocol.default))

    def read_stb(self) -> int:
        """Service request status register."""
        value, status = self.visalib.read_stb(self.session)
        check_status(status)
        return value

    @property
    def stb(self) -> int:
        """Service request status register."""
        return self.read_stb()


class ControlRenMixin:
    """Adds control of the GPIB REN line (GPIB, TCPIP, VICP and USB INSTR resources).

    The mixin precedes a :class:`~pyvisa.resources.Resource` subclass in the bases of the classes using it.
    """

    session: VISASession
    visalib: VisaLibraryBase

    def control_ren(self, mode: constants.RENLineOperation) -> StatusCode:
        """Controls the state of the GPIB Remote Enable (REN) interface line.

        The remote/local state of the device can also be controlled optionally.

        Corresponds to viGpibControlREN function of the VISA library.

        Parameters
        ----------
        mode : constants.RENLineOperation
            Specifies the state of the REN line and optionally the device remote/local
            state.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        """
        status = self.visalib.gpib_control_ren(self.session, mode)
        check_status(status)
        return status


# Opening a resource whose (interface, class) has no dedicated Python class gives this one,
# and so does an R&S NRP power sensor reached through its Passport.
Resource.register(InterfaceType.unknown, "")(MessageBasedResource)
Resource.register(InterfaceType.rsnrp, "INSTR")(MessageBasedResource)
