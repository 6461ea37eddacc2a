"""Message based resources: instruments driven by strings of bytes (SCPI and the like).

Every read and write (``write_raw``, ``read_raw``/``read``, ``read_bytes``, the binary block
reads) holds the resource's re-entrant lock ``io_lock``, and so do the compound operations
(``query``, the ``query_*_values`` methods, ``read_termination_context``): a thread sharing
the resource never gets between another thread's write and the read of its answer.

The read loops into buffers and the binary block reader live in
:mod:`pyvisa.resources._block_reader`, the checks of the arguments in
:mod:`pyvisa.resources._message_args`.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import operator
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from .. import attributes, constants, errors, util
from .._ascii_blocks import check_from_ascii_arguments
from .._binary_blocks import build_binary_message
from .._logging import logger
from ..attributes import Attribute
from ..backend import VisaLibraryBase
from ..constants import InterfaceType, ResourceAttribute, StatusCode
from ..typing import VISASession
from ._block_reader import (
    MAX_COUNT_READ,
    SupportsUpdate,
    log_partial_read,
    log_read,
    plain_query,
    quiet_reads,
    read_binary_block,
    read_count,
    read_message,
    read_rest,
    write_split,
)
from ._message_args import (
    ChunkSize,
    check_binary_read,
    check_delay,
    check_size,
    decode_block,
    relaxed_decode_error,
    strip_termination,
)
from .resource import Resource, ResourceManagerLike, check_status

if TYPE_CHECKING:
    from ..util import ASCII_CONVERTER, BINARY_DATATYPES, BINARY_HEADERS

__all__ = ["ControlRenMixin", "MessageBasedResource", "SupportsUpdate"]

#: Whether the DEBUG records of the reads are to be formatted at all. The logger's cache
#: of enabled levels, which logging empties in place whenever a level changes, answers
#: the usual "no" without a call: ``_LEVELS.get(_DEBUG, True) and _debug_enabled(_DEBUG)``.
_debug_enabled = logger.isEnabledFor
_LEVELS: dict[int, bool] = getattr(logger, "_cache", {})
_DEBUG = logging.DEBUG


class MessageBasedResource(Resource):
    """Base class for resources that use message based communication."""

    CR: str = "\r"
    LF: str = "\n"

    #: Number of bytes to read at a time. Some resources (serial) may not support large
    #: chunk sizes.
    chunk_size: int = ChunkSize(20 * 1024)

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
    #: Context of the reads that ignores their completion warnings, made once per session
    #: (see ``_block_reader.quiet_reads``); a class-level default, being only a cache.
    _quiet_reads: Any = None

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
            raise errors.InvalidArgumentType(f"encoding must be a str, got {encoding!r}")
        if not getattr(codecs.lookup(encoding), "_is_text_encoding", True):
            raise errors.InvalidArgument(f"{encoding!r} is not a text encoding")
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
            raise errors.InvalidArgumentType(f"read_termination must be a str, got {value!r}")
        with self.io_lock:
            self._set_read_termination(value)

    def _set_read_termination(self, value: str | None) -> None:
        if value:
            # Only the last character stops a read: the same character earlier in the
            # sequence would stop it prematurely.
            last_char = value[-1]
            if last_char in value[:-1]:
                raise errors.InvalidArgument(
                    f"ambiguous ending in termination characters {value!r}: its last character "
                    "must not appear earlier in it"
                )
            try:
                termchar = last_char.encode(self._encoding)
            except UnicodeEncodeError:
                termchar = b""
            if len(termchar) != 1:
                raise errors.InvalidArgument(
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
            raise errors.InvalidArgumentType(f"write_termination must be a str, got {value!r}")
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
        if type(message) is not bytes:
            message = memoryview(message).cast("B")
        with self.io_lock:
            if len(message) <= self.max_io_size:
                session = self._session
                if session is None:
                    raise errors.InvalidSession()
                visalib = self.visalib
                if type(message) is not bytes and not visalib.reads_into_buffers:
                    message = bytes(message)
                count, status = visalib.write(session, message)
                if status is not None and status < 0:
                    raise errors.VisaIOError(int(status))
                return count
            return write_split(self, memoryview(message))

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
            raise errors.InvalidArgumentType(f"message must be a str, got {type(message).__name__}")
        term = self._write_termination if termination is None else termination
        if term:
            if type(term) is not str and not isinstance(term, str):
                raise errors.InvalidArgumentType(
                    f"termination must be a str, got {type(term).__name__}"
                )
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

    def _read_raw(self, size: int | None = None) -> bytes | bytearray:
        """Read until the device signals the end of the message (END or termchar).

        A message that fits in one chunk is returned as the backend gave it; the chunks of
        a longer one are joined once at the end.
        """
        size = self.chunk_size if size is None else check_size(size, "size")
        session = self._session
        if session is None:
            raise errors.InvalidSession()
        quiet = self._quiet_reads
        if quiet is None or quiet.session != session:
            with self.io_lock, quiet_reads(self, session):
                return read_message(self, session, size)
        # The usual case, read_message inlined: the reused context of quiet_reads entered
        # and exited as its __enter__ and __exit__ do (list append and remove).
        with self.io_lock:
            active = quiet._active
            active.append(quiet)
            try:
                if _LEVELS.get(_DEBUG, True) and _debug_enabled(_DEBUG):
                    log_read(self, size, None)
                try:
                    chunk, status = self.visalib.read(session, size)
                    if status is not None and status < 0:
                        raise errors.VisaIOError(int(status))
                except errors.VisaIOError as exc:
                    log_partial_read(self, exc, b"")
                    raise
                if status != MAX_COUNT_READ:
                    return chunk
                return read_rest(self, chunk, size)
            finally:
                active.remove(quiet)

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
            raise errors.InvalidArgument(f"count must be positive or zero, got {count}")
        if chunk_size:
            chunk_size = min(check_size(chunk_size, "chunk_size"), self.max_io_size)
        else:
            chunk_size = min(self.chunk_size, self.max_io_size)
        with self.io_lock, quiet_reads(self, self.session):
            return read_count(self, count, chunk_size, break_on_termchar, monitoring_interface)

    def _decode(self, data: bytes | bytearray, encoding: str | None) -> str:
        try:
            return data.decode(
                self._encoding if encoding is None else encoding, self._encoding_errors
            )
        except UnicodeDecodeError as exc:
            raise relaxed_decode_error(exc) from None

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
            data = self._read_raw()
            try:
                message = data.decode(
                    self._encoding if encoding is None else encoding, self._encoding_errors
                )
            except UnicodeDecodeError as exc:
                raise relaxed_decode_error(exc) from None
        else:
            with self.read_termination_context(termination):
                message = self._decode(self._read_raw(), encoding)
        return strip_termination(message, termination, stacklevel=3)

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
        item_size = check_binary_read(
            datatype,
            container,
            header_fmt,
            data_points,
            chunk_size,
            monitoring_interface,
            length_before_block,
        )
        with self.io_lock:
            block, offset, data_length = read_binary_block(
                self,
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
        return decode_block(block, offset, data_length, datatype, is_big_endian, container)

    # -- queries ---------------------------------------------------------------------

    def _query_delay(self, delay: float | None) -> float:
        """The delay of a query, checked before anything is written."""
        return check_delay(self.query_delay if delay is None else delay)

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
            raise errors.InvalidArgumentType(f"message must be a str, got {type(message).__name__}")
        pause = self.query_delay if delay is None else delay
        if type(pause) is not float or pause != pause:
            pause = check_delay(pause)
        cls, own = type(self), self.__dict__
        if (  # the methods of this class, none replaced: the layers between them skipped
            cls.write is _WRITE
            and cls.read is _READ
            and cls.write_raw is _WRITE_RAW
            and cls._read_raw is _READ_RAW
            and not ("write" in own or "read" in own or "write_raw" in own or "_read_raw" in own)
        ):
            answer = plain_query(self, message, pause)
            if answer is not None:
                return answer
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
        item_size = check_binary_read(
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
            block, offset, data_length = read_binary_block(
                self,
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
        return decode_block(block, offset, data_length, datatype, is_big_endian, container)

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


_WRITE, _READ = MessageBasedResource.write, MessageBasedResource.read
_WRITE_RAW, _READ_RAW = MessageBasedResource.write_raw, MessageBasedResource._read_raw

# Opening a resource whose (interface, class) has no dedicated Python class gives this one,
# and so does an R&S NRP power sensor reached through its Passport.
Resource.register(InterfaceType.unknown, "")(MessageBasedResource)
Resource.register(InterfaceType.rsnrp, "INSTR")(MessageBasedResource)
