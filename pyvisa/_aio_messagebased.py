"""The asynchronous wrapper of a message-based resource.

:class:`AsyncMessageBasedResource` gives the reads, writes and queries of
:class:`~pyvisa.resources.MessageBasedResource` as coroutines; each runs in a worker
thread, after the operations awaited before it on the same session. It is documented, and
imported, as a member of :mod:`pyvisa.aio`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from . import constants, errors
from ._aio_resource import AsyncResource, Forwarded
from ._aio_worker import CancelPolicy
from ._exports import public_at
from .constants import EventMechanism, EventType
from .resources.messagebased import MessageBasedResource, SupportsUpdate

if TYPE_CHECKING:
    from .util import ASCII_CONVERTER, BINARY_DATATYPES, BINARY_HEADERS

__all__ = ["AsyncMessageBasedResource"]


@public_at("pyvisa.aio")
class AsyncMessageBasedResource(AsyncResource, wraps=MessageBasedResource):
    """Asynchronous wrapper of an open :class:`~pyvisa.resources.MessageBasedResource`.

    Parameters
    ----------
    resource : MessageBasedResource
        Open synchronous message-based resource to wrap.
    executor : concurrent.futures.Executor | None, optional
        Executor running the blocking calls (None: the loop's default executor).
    on_cancel : str, optional
        What happens after a cancelled operation (see :class:`AsyncResource`).

    """

    _sync: MessageBasedResource

    def __init__(
        self,
        resource: MessageBasedResource,
        *,
        executor: Executor | None = None,
        on_cancel: CancelPolicy = "drain",
    ) -> None:
        if not isinstance(resource, MessageBasedResource):
            raise errors.InvalidArgumentType(
                f"expected a MessageBasedResource, got {type(resource).__name__}"
            )
        super().__init__(resource, executor=executor, on_cancel=on_cancel)

    @property
    def sync(self) -> MessageBasedResource:
        """The synchronous resource wrapped (same session)."""
        return self._sync

    async def __aenter__(self) -> AsyncMessageBasedResource:
        return self

    # -- attributes -------------------------------------------------------------------

    read_termination: Forwarded[str | None, str | None] = Forwarded(
        "Read termination of the synchronous resource."
    )
    write_termination: Forwarded[str, str | None] = Forwarded(
        "Write termination of the synchronous resource."
    )
    encoding: Forwarded[str, str] = Forwarded("Encoding of the messages.")
    query_delay: Forwarded[float, float] = Forwarded(
        "Seconds waited between the write and the read of a query."
    )
    chunk_size: Forwarded[int, int] = Forwarded("Size of the chunks of the reads.")

    # -- writing ----------------------------------------------------------------------

    async def write_raw(self, message: bytes | bytearray | memoryview) -> int:
        """Write bytes to the device; return the number of bytes written."""
        return await self._call(self._sync.write_raw, message)

    async def write(
        self, message: str, termination: str | None = None, encoding: str | None = None
    ) -> int:
        """Write a string followed by the write termination.

        Parameters
        ----------
        message : str
            Message to send.
        termination : str | None, optional
            Termination to use instead of :attr:`write_termination`.
        encoding : str | None, optional
            Encoding to use instead of :attr:`encoding`.

        Returns
        -------
        int
            Number of bytes written.

        """
        return await self._call(self._sync.write, message, termination, encoding)

    async def write_ascii_values(
        self,
        message: str,
        values: Iterable[Any],
        converter: ASCII_CONVERTER | Callable[[Any], str] = "f",
        separator: str | Callable[[Iterable[str]], str] = ",",
        termination: str | None = None,
        encoding: str | None = None,
    ) -> int:
        """Write a message followed by values formatted as text.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.write_ascii_values`.

        Returns
        -------
        int
            Number of bytes written.

        """
        return await self._call(
            self._sync.write_ascii_values,
            message,
            values,
            converter=converter,
            separator=separator,
            termination=termination,
            encoding=encoding,
        )

    async def write_binary_values(
        self,
        message: str,
        values: Sequence[Any] | bytes,
        datatype: BINARY_DATATYPES = "f",
        is_big_endian: bool = False,
        termination: str | None = None,
        encoding: str | None = None,
        header_fmt: BINARY_HEADERS = "ieee",
    ) -> int:
        """Write a message followed by values in a binary block.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.write_binary_values`.

        Returns
        -------
        int
            Number of bytes written.

        """
        return await self._call(
            self._sync.write_binary_values,
            message,
            values,
            datatype=datatype,
            is_big_endian=is_big_endian,
            termination=termination,
            encoding=encoding,
            header_fmt=header_fmt,
        )

    # -- reading ----------------------------------------------------------------------

    async def read_raw(self, size: int | None = None) -> bytes:
        """Read one message as bytes, termination included.

        Parameters
        ----------
        size : int | None, optional
            Chunk size of the reads (None: :attr:`chunk_size`).

        Returns
        -------
        bytes
            The bytes read.

        """
        return await self._call(self._sync.read_raw, size)

    async def read_bytes(
        self,
        count: int,
        chunk_size: int | None = None,
        break_on_termchar: bool = False,
        monitoring_interface: SupportsUpdate | None = None,
    ) -> bytes:
        """Read a given number of bytes.

        Parameters
        ----------
        count : int
            Number of bytes to read.
        chunk_size : int | None, optional
            Size of each VISA read (None: :attr:`chunk_size`).
        break_on_termchar : bool, optional
            Stop at the end of a message or at the termination character. Defaults to
            False.
        monitoring_interface : SupportsUpdate | None, optional
            Object whose ``update(size)`` is called (in the worker thread) after each VISA
            read.

        Returns
        -------
        bytes
            The bytes read.

        """
        return await self._call(
            self._sync.read_bytes,
            count,
            chunk_size=chunk_size,
            break_on_termchar=break_on_termchar,
            monitoring_interface=monitoring_interface,
        )

    async def read(self, termination: str | None = None, encoding: str | None = None) -> str:
        """Read one message as a string, without its termination.

        Parameters
        ----------
        termination : str | None, optional
            Termination to use instead of :attr:`read_termination`.
        encoding : str | None, optional
            Encoding to use instead of :attr:`encoding`.

        Returns
        -------
        str
            The message read.

        """
        return await self._call(self._sync.read, termination, encoding)

    async def read_ascii_values(
        self,
        converter: ASCII_CONVERTER | Callable[[str], Any] = "f",
        separator: str | Callable[[str], Iterable[str]] = ",",
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
    ) -> Sequence[Any]:
        """Read one message of values written as text.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.read_ascii_values`.

        Returns
        -------
        Sequence
            The values, in ``container``.

        """
        return await self._call(
            self._sync.read_ascii_values,
            converter=converter,
            separator=separator,
            container=container,
        )

    async def read_binary_values(
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
        """Read a binary block of values.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.read_binary_values`;
        ``monitoring_interface`` is updated from the worker thread.

        Returns
        -------
        Sequence
            The values, in ``container``.

        """
        return await self._call(
            self._sync.read_binary_values,
            datatype=datatype,
            is_big_endian=is_big_endian,
            container=container,
            header_fmt=header_fmt,
            expect_termination=expect_termination,
            data_points=data_points,
            chunk_size=chunk_size,
            monitoring_interface=monitoring_interface,
            length_before_block=length_before_block,
            raise_on_late_block=raise_on_late_block,
        )

    # -- queries ----------------------------------------------------------------------

    async def query(self, message: str, delay: float | None = None) -> str:
        """Write a message and read the answer.

        Parameters
        ----------
        message : str
            Message to send.
        delay : float | None, optional
            Seconds to wait between the write and the read (None:
            :attr:`query_delay`); the wait happens in the worker thread.

        Returns
        -------
        str
            The answer, without its termination.

        """
        return await self._call(self._sync.query, message, delay)

    async def query_ascii_values(
        self,
        message: str,
        converter: ASCII_CONVERTER | Callable[[str], Any] = "f",
        separator: str | Callable[[str], Iterable[str]] = ",",
        container: Callable[[Iterable[Any]], Sequence[Any]] = list,
        delay: float | None = None,
    ) -> Sequence[Any]:
        """Write a message and read values written as text.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.query_ascii_values`.

        Returns
        -------
        Sequence
            The values, in ``container``.

        """
        return await self._call(
            self._sync.query_ascii_values,
            message,
            converter=converter,
            separator=separator,
            container=container,
            delay=delay,
        )

    async def query_binary_values(
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
        """Write a message and read a binary block of values.

        The arguments are those of
        :meth:`pyvisa.resources.MessageBasedResource.query_binary_values`;
        ``monitoring_interface`` is updated from the worker thread.

        Returns
        -------
        Sequence
            The values, in ``container``.

        """
        return await self._call(
            self._sync.query_binary_values,
            message,
            datatype=datatype,
            is_big_endian=is_big_endian,
            container=container,
            delay=delay,
            header_fmt=header_fmt,
            expect_termination=expect_termination,
            data_points=data_points,
            chunk_size=chunk_size,
            monitoring_interface=monitoring_interface,
            length_before_block=length_before_block,
            raise_on_late_block=raise_on_late_block,
        )

    # -- other operations ---------------------------------------------------------------

    async def flush(self, mask: constants.BufferOperation) -> None:
        """Flush or discard the buffers selected by ``mask``."""
        await self._call(self._sync.flush, mask)

    async def assert_trigger(self) -> None:
        """Send a software trigger to the device."""
        await self._call(self._sync.assert_trigger)

    async def read_stb(self) -> int:
        """Read the status byte of the device (serial poll)."""
        return await self._call(self._sync.read_stb)

    async def wait_for_srq(self, timeout: float | None = 25000) -> None:
        """Wait in a worker thread for a service request of this device.

        A resource having its own ``wait_for_srq`` (GPIB instruments) uses it. For the
        others the service request event is enabled with the queue mechanism, awaited,
        then discarded and disabled. Only the event lock of the session is held: the I/O
        of other coroutines goes on meanwhile.

        Parameters
        ----------
        timeout : float | None, optional
            Milliseconds to wait (25000 by default); None waits forever (the worker
            thread cannot be interrupted, prefer a finite value).

        Raises
        ------
        errors.VisaIOError
            With ``VI_ERROR_TMO`` when no service request came in time.

        """
        sync = self._sync
        own: Callable[[float | None], None] | None = getattr(sync, "wait_for_srq", None)
        if own is not None:
            await self._event_call(functools.partial(own, timeout))
            return

        def _wait() -> None:
            sync.enable_event(EventType.service_request, EventMechanism.queue)
            try:
                sync.wait_on_event(EventType.service_request, timeout).close()
            finally:
                sync.discard_events(EventType.service_request, EventMechanism.queue)
                sync.disable_event(EventType.service_request, EventMechanism.queue)

        await self._event_call(_wait)


# -- resource manager --------------------------------------------------------------------
