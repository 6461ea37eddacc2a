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
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, get_args

from .. import attributes, constants, errors, logger, util
from .._binary_blocks import BINARY_HEADERS, _item_size, build_binary_message
from ..attributes import Attribute
from ..constants import InterfaceType, ResourceAttribute, StatusCode
from .resource import Resource, check_status

if TYPE_CHECKING:
    from ..util import ASCII_CONVERTER, BINARY_DATATYPES

__all__ = ["ControlRenMixin", "MessageBasedResource", "ProgressMonitor"]

_MAX_COUNT_READ = StatusCode.success_max_count_read
_END_READ = StatusCode.success
_TERMCHAR_READ = StatusCode.success_termination_character_read
#: Completion codes a read loop handles itself: they must not be turned into warnings.
_READ_WARNINGS = (StatusCode.success_device_not_present, StatusCode.success_max_count_read)

_HEADER_FORMATS = get_args(BINARY_HEADERS)

#: Reads of a binary block allowed to stop at a termination character in the data before
#: the termination character is switched off for the rest of the block.
_TERMCHAR_STOPS_TOLERATED = 2

#: Reusable do-nothing context (nullcontext is reentrant).
_NO_CONTEXT: contextlib.AbstractContextManager[None] = contextlib.nullcontext()


class ProgressMonitor(Protocol):
    """Object receiving the progress of a binary transfer (API 1.15; a ``tqdm`` bar fits).

    It is the ``monitoring_interface`` argument of
    :meth:`MessageBasedResource.read_binary_values` and
    :meth:`MessageBasedResource.query_binary_values`: ``update(n)`` is called after each
    VISA read with the number of bytes it returned, header and termination included, so
    the counts add up to the size of the whole message. Its return value is ignored.
    """

    def update(self, n: int) -> Any:
        """Record that ``n`` more bytes were transferred."""


def _check_header_fmt(header_fmt: str) -> None:
    if header_fmt not in _HEADER_FORMATS:
        raise ValueError(
            f"Unsupported header_fmt: {header_fmt!r}, expected one of {_HEADER_FORMATS}"
        )


def _header_incomplete(head: bytes | bytearray, header_fmt: str) -> bool:
    """Whether more bytes are needed before the block header can be parsed."""
    if header_fmt == "ieee":
        begin = head.find(b"#")
        if begin < 0 or begin + 2 > len(head):
            return True
        digit = head[begin + 1]
        if not 0x30 <= digit <= 0x39:
            return False  # malformed: let the parser say so
        return begin + 2 + (digit - 0x30) > len(head)
    if header_fmt == "hp":
        begin = head.find(b"#A")
        return begin < 0 or begin + 4 > len(head)
    return False


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
    chunk_size: int = 20 * 1024

    #: Delay in s to sleep between the write and read occuring in a query.
    query_delay: float = 0.0

    #: Largest number of bytes moved by one VISA read or write (VISA counts are 32-bit;
    #: some implementations treat them as signed): larger transfers are split.
    max_io_size: int = 2**31 - 1

    _read_termination: str = ""
    _write_termination: str = CR + LF
    _encoding: str = "ascii"
    _encoding_errors: str = "strict"
    #: Whether VI_ATTR_TERMCHAR_EN is on, as last set through this resource (None: unknown).
    _termchar_enabled: bool | None = None

    #: Should I/O accesses use DMA (True) or Programmed I/O (False).
    allow_dma: Attribute[bool] = attributes.AttrVI_ATTR_DMA_ALLOW_EN()

    #: IO protocol to use. See the attribute definition for more details.
    io_protocol: Attribute[constants.IOProtocol] = attributes.AttrVI_ATTR_IO_PROT()

    #: Should END be asserted during the transfer of the last byte of the buffer.
    send_end: Attribute[bool] = attributes.AttrVI_ATTR_SEND_END_EN()

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
                self._read_termination = ""

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

        Setting an encoding Python does not know raises ``LookupError``.
        """
        return self._encoding

    @encoding.setter
    def encoding(self, encoding: str) -> None:
        codecs.lookup(encoding)
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
    def read_termination(self) -> str:
        """Read termination character.

        Its last character is the VISA termination character (``VI_ATTR_TERMCHAR``, which is
        enabled through ``VI_ATTR_TERMCHAR_EN``); the whole sequence is stripped from the
        messages read. An empty string (or None) disables the termination character.
        """
        return self._read_termination

    @read_termination.setter
    def read_termination(self, value: str | None) -> None:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise TypeError(f"read_termination must be a str, got {value!r}")
        with self.io_lock:
            self._set_read_termination(value)

    def _set_read_termination(self, value: str) -> None:
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
        term = self._write_termination if termination is None else termination
        if term:
            if message.endswith(term):
                warnings.warn(
                    "write message already ends with termination characters", stacklevel=2
                )
            message += term
        return self.write_raw(message.encode(self._encoding if encoding is None else encoding))

    def write_ascii_values(
        self,
        message: str,
        values: Sequence[Any],
        converter: ASCII_CONVERTER | Callable[[Any], str] = "f",
        separator: str | Callable[[Iterable[str]], str] = ",",
        termination: str | None = None,
        encoding: str | None = None,
    ) -> int:
        """Write a string message to the device followed by values in ascii format.

        The write_termination is always appended to it.

        Parameters
        ----------
        message : str
            Header of the message to be sent.
        values : Sequence[Any]
            Data to be writen to the device.
        converter : Union[str, Callable[[Any], str]], optional
            Str formatting codes or function used to convert each value. Defaults to "f".
        separator : Union[str, Callable[[Iterable[str]], str]], optional
            Str or callable that join the values in a single str. If a str is given,
            separator.join(values) is used. Defaults to ','
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
        block = util.to_ascii_block(values, converter, separator)
        return self.write(message + block, termination, encoding)

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

        The write_termination is always appended to it.

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
            write_termination is used. Defaults to None.
        encoding : str | None, optional
            Alternative encoding to use to turn str into bytes. If None, the value of
            encoding is used. Defaults to None.
        header_fmt : util.BINARY_HEADERS
            Format of the header prefixing the data.

        Returns
        -------
        int
            Number of bytes written.

        """
        enco = self._encoding if encoding is None else encoding
        term = self._write_termination if termination is None else termination
        # Command, block and termination are encoded together: the data are copied once.
        payload = build_binary_message(
            message.encode(enco), values, datatype, is_big_endian, header_fmt, term.encode(enco)
        )
        return self.write_raw(payload)

    # -- reading ---------------------------------------------------------------------

    def _quiet_reads(self, session: Any) -> contextlib.AbstractContextManager[None]:
        """Context in which the completion codes handled by the read loops do not warn."""
        visalib = self.visalib
        if visalib.issue_warning_on.isdisjoint(_READ_WARNINGS):
            return _NO_CONTEXT
        return visalib.ignore_warning(session, *_READ_WARNINGS)

    def _read_chunk(self, size: int) -> tuple[bytes | bytearray, StatusCode]:
        """Read at most ``size`` bytes: one VISA read."""
        data, status = self.visalib.read(self.session, size)
        check_status(status)
        return data, status

    def _read_into(self, view: memoryview) -> tuple[int, StatusCode]:
        """Read at most ``len(view)`` bytes into ``view``: one VISA read.

        Backends providing ``read_into(session, buffer) -> (count, status)`` fill the
        buffer directly; otherwise the bytes returned by ``read`` are copied into it.
        """
        read_into = getattr(self.visalib, "read_into", None)
        if read_into is None:
            data, status = self._read_chunk(view.nbytes)
            count = len(data)
            view[:count] = data
            return count, status
        count, status = read_into(self.session, view)
        check_status(status)
        return count, status

    def _read_raw(self, size: int | None = None) -> bytes | bytearray:
        """Read until the device signals the end of the message (END or termchar).

        A message that fits in one chunk is returned as the backend gave it; the chunks of
        a longer one are joined once at the end.
        """
        size = self.chunk_size if size is None else size
        session = self.session
        visalib = self.visalib
        with self.io_lock, self._quiet_reads(session):
            chunk, status = visalib.read(session, size)
            check_status(status)
            if status != _MAX_COUNT_READ:
                return chunk
            return self._read_rest(chunk, size)

    def _read_rest(self, first: bytes | bytearray, size: int) -> bytes:
        """Read the rest of a message longer than one chunk; join all chunks once.

        Joining costs one copy of the message, which measured cheaper than reading into a
        bytearray grown as the message arrives.
        """
        session = self.session
        read = self.visalib.read
        chunks = [first]
        status = _MAX_COUNT_READ
        try:
            while status == _MAX_COUNT_READ:
                chunk, status = read(session, size)
                check_status(status)
                chunks.append(chunk)
        except errors.VisaIOError as exc:
            self._log_partial_read(exc, b"".join(chunks))
            raise
        return b"".join(chunks)

    def _log_partial_read(self, exc: Exception, data: bytes | memoryview) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug(
                "%s - exception while reading: %s\nBuffer content: %r",
                self._resource_name,
                exc,
                bytes(data),
            )

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
        self, count: int, chunk_size: int | None = None, break_on_termchar: bool = False
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

        Returns
        -------
        bytes
            Bytes read from the instrument.

        Notes
        -----
        The data are read into one buffer allocated up front, then copied once into the
        ``bytes`` returned: the price of an immutable result (peak memory about twice
        ``count``). :meth:`read_binary_values` avoids that copy.

        """
        if count < 0:
            raise ValueError(f"count must be positive or zero, got {count}")
        chunk_size = min(chunk_size or self.chunk_size, self.max_io_size)
        buffer = bytearray(count)
        received = 0
        with self.io_lock, memoryview(buffer) as view, self._quiet_reads(self.session):
            while received < count:
                size = min(chunk_size, count - received)
                with view[received : received + size] as part:
                    n, status = self._read_into(part)
                received += n
                if break_on_termchar and status in (_END_READ, _TERMCHAR_READ):
                    break
            return bytes(view if received == count else view[:received])

    def _decode(self, data: bytes | bytearray, encoding: str | None, policy: str | None) -> str:
        policy = self._encoding_errors if policy is None else policy
        try:
            return data.decode(self._encoding if encoding is None else encoding, policy)
        except UnicodeDecodeError as exc:
            raise _relaxed_decode_error(exc) from None

    def read(
        self,
        termination: str | None = None,
        encoding: str | None = None,
        errors: str | None = None,
    ) -> str:
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
            encoding is used. Defaults to None.
        errors : str | None, optional
            Policy for undecodable bytes ("strict", "replace", "backslashreplace"...).
            If None, the value of encoding_errors ("strict" by default) is used.

        Returns
        -------
        str
            Message read from the instrument and decoded.

        """
        if termination is None or termination == self._read_termination:
            termination = self._read_termination
            message = self._decode(self._read_raw(), encoding, errors)
        else:
            with self.read_termination_context(termination):
                message = self._decode(self._read_raw(), encoding, errors)
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
        return util.from_ascii_block(self.read(), converter, separator, container)

    def read_binary_values(
        self,
        datatype: BINARY_DATATYPES = "f",
        is_big_endian: bool = False,
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
        header_fmt: BINARY_HEADERS = "ieee",
        expect_termination: bool = True,
        data_points: int = 0,
        chunk_size: int | None = None,
        monitoring_interface: ProgressMonitor | None = None,
    ) -> Sequence[Any]:
        """Read values from the device in binary format returning an iterable of values.

        The block is received into one buffer allocated once its declared length is known:
        after the chunk holding the header, the rest is requested in as few VISA reads as
        possible (``chunk_size`` bytes at a time when given).

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
        monitoring_interface : ProgressMonitor | None, optional
            Object whose ``update(n)`` method is called with the number of bytes received
            after each chunk (a ``tqdm`` progress bar for instance).

        Returns
        -------
        Sequence[Union[int, float]]
            Data read from the device.

        """
        item_size = _item_size(datatype)
        _check_header_fmt(header_fmt)
        with self.io_lock:
            block, offset, data_length = self._read_binary_block(
                header_fmt,
                is_big_endian,
                item_size,
                expect_termination,
                data_points,
                chunk_size,
                monitoring_interface,
            )
        # Malformed blocks raise InvalidBinaryFormat (a ValueError too) in from_binary_block.
        return util.from_binary_block(
            block, offset, data_length, datatype, is_big_endian, container
        )

    def _read_binary_block(
        self,
        header_fmt: str,
        is_big_endian: bool,
        item_size: int,
        expect_termination: bool,
        data_points: int,
        chunk_size: int | None,
        monitor: ProgressMonitor | None,
    ) -> tuple[bytearray, int, int | None]:
        """Read a binary block; return it with the data offset and length (None: to the end)."""
        first_size = min(chunk_size or self.chunk_size, self.max_io_size)
        with self._quiet_reads(self.session):
            head, status = self._read_header_chunk(header_fmt, first_size, monitor)
            if header_fmt == "ieee":
                offset, data_length = util.parse_ieee_block_header(head)
            elif header_fmt == "hp":
                offset, data_length = util.parse_hp_block_header(head, is_big_endian)
            else:
                offset, data_length = 0, -1
            if data_length < 0 and data_points > 0:
                data_length = data_points * item_size
            if data_length < 0:
                block = self._read_to_end(head, status, first_size, expect_termination, monitor)
                return block, offset, None
            termination = self._read_termination if expect_termination else ""
            expected = offset + data_length + len(termination.encode(self._encoding))
            data_end = offset + data_length
            if len(head) >= expected or (status == _END_READ and len(head) >= data_end):
                return head, offset, data_length
            if status == _END_READ:
                raise self._ended_early(len(head), expected, data_end)
            block = self._read_remainder(head, expected, data_end, chunk_size, monitor)
            return block, offset, data_length

    @staticmethod
    def _ended_early(received: int, expected: int, data_end: int) -> errors.InvalidBinaryFormat:
        return errors.InvalidBinaryFormat(
            f"the message ended after {received} bytes while the block header announced "
            f"{expected} bytes (data up to byte {data_end})"
        )

    def _read_header_chunk(
        self, header_fmt: str, size: int, monitor: ProgressMonitor | None
    ) -> tuple[bytearray, StatusCode]:
        """Read one chunk, and more until the block header is complete or the message ends."""
        head = bytearray()
        while True:
            chunk, status = self._read_chunk(size)
            head += chunk
            if monitor is not None:
                monitor.update(len(chunk))
            if status == _END_READ or not _header_incomplete(head, header_fmt):
                return head, status
            if status == _TERMCHAR_READ and header_fmt == "ieee" and b"#" not in head:
                return head, status

    def _read_remainder(
        self,
        head: bytearray,
        expected: int,
        data_end: int,
        chunk_size: int | None,
        monitor: ProgressMonitor | None,
    ) -> bytearray:
        """Read the rest of a block of known length into one preallocated buffer.

        Reads stop at termination characters found in the data. Switching the termination
        character off and back on costs two library calls, paid only when the rest looks
        too long to be read in a read or two: when it exceeds what the last read gave, or
        after :data:`_TERMCHAR_STOPS_TOLERATED` such stops.
        """
        buffer = bytearray(expected)
        received = len(head)
        buffer[:received] = head
        step = min(chunk_size or self.max_io_size, self.max_io_size)
        last = received
        stops = 0
        stopping = self._termchar_is_enabled()
        suspended = False
        try:
            with memoryview(buffer) as view:
                while received < expected:
                    if stopping and (
                        expected - received > last or stops >= _TERMCHAR_STOPS_TOLERATED
                    ):
                        # Binary data may hold the termination character: do not stop at it.
                        self.set_visa_attribute(
                            ResourceAttribute.termchar_enabled, constants.VI_FALSE
                        )
                        stopping, suspended = False, True
                    with view[received : min(received + step, expected)] as part:
                        count, status = self._read_into(part)
                    received += count
                    last = count
                    stops += status == _TERMCHAR_READ
                    if monitor is not None:
                        monitor.update(count)
                    if status == _END_READ and received < expected:
                        if received >= data_end:
                            break  # the termination is missing: the data are complete
                        raise self._ended_early(received, expected, data_end)
        finally:
            if suspended:
                self.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_TRUE)
        if received < expected:
            del buffer[received:]
        return buffer

    def _read_to_end(
        self,
        head: bytearray,
        status: StatusCode,
        size: int,
        expect_termination: bool,
        monitor: ProgressMonitor | None,
    ) -> bytearray:
        """Read a block of unknown length up to the end of the message, ``size`` at a time."""
        while status == _MAX_COUNT_READ:
            chunk, status = self._read_chunk(size)
            head += chunk
            if monitor is not None:
                monitor.update(len(chunk))
        termination = self._read_termination.encode(self._encoding)
        if expect_termination and termination and head.endswith(termination):
            del head[-len(termination) :]
        return head

    # -- queries ---------------------------------------------------------------------

    def _sleep_before_read(self, delay: float | None) -> None:
        delay = self.query_delay if delay is None else delay
        if delay > 0:
            time.sleep(delay)

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
        with self.io_lock:
            self.write(message)
            self._sleep_before_read(delay)
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
        with self.io_lock:
            self.write(message)
            self._sleep_before_read(delay)
            return self.read_ascii_values(converter, separator, container)

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
        monitoring_interface: ProgressMonitor | None = None,
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
        monitoring_interface : ProgressMonitor | None, optional
            Object whose ``update(n)`` method is called with the number of bytes received
            after each chunk.

        Returns
        -------
        Sequence[Union[int, float]]
            Data read from the device.

        """
        _item_size(datatype)
        _check_header_fmt(header_fmt)
        with self.io_lock:
            self.write(message)
            self._sleep_before_read(delay)
            return self.read_binary_values(
                datatype,
                is_big_endian,
                container,
                header_fmt,
                expect_termination,
                data_points,
                chunk_size,
                monitoring_interface,
            )

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


class ControlRenMixin(Resource):
    """Adds control of the GPIB REN line (available on GPIB, TCPIP and USB INSTR)."""

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


# Opening a resource whose (interface, class) has no dedicated Python class gives this one.
Resource.register(InterfaceType.unknown, "")(MessageBasedResource)
