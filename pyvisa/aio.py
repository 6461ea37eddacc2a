"""An asyncio front end to the resource layer.

The classes of this module wrap the synchronous objects of PyVISA (a
:class:`~pyvisa.highlevel.ResourceManager` and its resources) and expose their operations
as coroutines. Every blocking VISA call runs in a worker thread (the event loop's default
executor, or an executor given to the manager), so the event loop keeps running while an
instrument takes its time to answer.

This module is not imported by ``import pyvisa``: import it explicitly with
``import pyvisa.aio``.

Serialisation
    The operations awaited on one resource run one after the other, in the order in which
    they were awaited: each resource session has an :class:`asyncio.Lock`, shared by all the
    asynchronous wrappers of that session. The synchronous resource keeps its own thread
    lock, so a thread using the synchronous object directly does not interleave either.
    Operations on different resources run concurrently. Waiting for events uses a second
    lock of the session, so a coroutine waiting for a service request does not prevent
    another one from talking to the instrument.

Cancellation
    A blocking VISA call cannot be interrupted. When an awaited operation is cancelled,
    the coroutine receives :class:`asyncio.CancelledError` at once, but the session stays
    locked until the worker thread has finished the call; the result of that call is
    discarded. A query therefore always reads the answer it asked for, even when nobody
    waits for it anymore, and the next operation cannot see a late answer. With
    ``on_cancel="clear"`` the session is in addition cleared (``viClear``) after a
    cancelled operation that had started, before the next operation runs: the choice when
    an interrupted transfer could leave data in the instrument output buffer. An
    operation cancelled before its worker thread started is skipped.

Timeouts
    Timeouts are those of VISA (the ``timeout`` attribute of the resource, in
    milliseconds): an operation that times out raises :class:`pyvisa.errors.VisaIOError`
    with ``VI_ERROR_TMO``, as in the synchronous API. :func:`asyncio.wait_for` can also be
    used; it cancels the operation as described above.

"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import functools
import logging
import os
import threading
import weakref
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any, Literal, ParamSpec, TypeVar

from . import constants, errors
from .constants import AccessModes, EventMechanism, EventType, StatusCode
from .events import WaitResponse
from .highlevel import ResourceInfo, ResourceManager, VisaLibraryBase
from .resources.messagebased import MessageBasedResource, SupportsUpdate
from .resources.resource import Resource
from .typing import VISAEventContext, VISASession

if TYPE_CHECKING:
    from .util import ASCII_CONVERTER, BINARY_DATATYPES, BINARY_HEADERS

__all__ = [
    "AsyncEventQueue",
    "AsyncMessageBasedResource",
    "AsyncResource",
    "AsyncResourceManager",
    "CancelPolicy",
]

logger = logging.getLogger("pyvisa.aio")

P = ParamSpec("P")
T = TypeVar("T")

#: What to do with a session after an operation was cancelled while running.
CancelPolicy = Literal["drain", "clear"]

_CANCEL_POLICIES: tuple[str, ...] = ("drain", "clear")


# -- per-session state -----------------------------------------------------------------


class _SessionLocks:
    """The asyncio locks of one synchronous resource, created per event loop.

    An :class:`asyncio.Lock` belongs to one event loop; a resource may be used from a
    loop, then from another one (two calls of :func:`asyncio.run`). A new pair of locks
    is made when the running loop changes, which is allowed only when no lock is held.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._io: asyncio.Lock | None = None
        self._events: asyncio.Lock | None = None

    def get(self, kind: Literal["io", "events"]) -> asyncio.Lock:
        """The lock of a kind for the running loop (created when needed)."""
        loop = asyncio.get_running_loop()
        with self._guard:
            if self._loop is not loop or self._io is None or self._events is None:
                if (self._io is not None and self._io.locked()) or (
                    self._events is not None and self._events.locked()
                ):
                    raise RuntimeError(
                        "the resource is busy with an operation of another event loop"
                    )
                self._loop = loop
                self._io = asyncio.Lock()
                self._events = asyncio.Lock()
            return self._io if kind == "io" else self._events


_locks_guard = threading.Lock()
_locks_by_resource: weakref.WeakKeyDictionary[Resource, _SessionLocks] = weakref.WeakKeyDictionary()


def _locks_of(resource: Resource) -> _SessionLocks:
    """The locks shared by every asynchronous wrapper of a synchronous resource."""
    with _locks_guard:
        locks = _locks_by_resource.get(resource)
        if locks is None:
            locks = _locks_by_resource[resource] = _SessionLocks()
        return locks


class _Job:
    """A call run by a worker thread, which can be skipped until it starts."""

    def __init__(self, func: Callable[[], Any]) -> None:
        self._func = func
        self._guard = threading.Lock()
        self._skipped = False
        self.started = False

    def __call__(self) -> Any:
        with self._guard:
            if self._skipped:
                return None
            self.started = True
        return self._func()

    def skip(self) -> bool:
        """Prevent the call from starting; False when it has already started."""
        with self._guard:
            if self.started:
                return False
            self._skipped = True
            return True


def _check_cancel_policy(value: str) -> None:
    if value not in _CANCEL_POLICIES:
        raise ValueError(f"on_cancel must be 'drain' or 'clear', got {value!r}")


def _in_worker(
    loop: asyncio.AbstractEventLoop, executor: Executor | None, func: Callable[[], T]
) -> asyncio.Future[T]:
    """Run ``func`` in a worker thread of ``executor``, in a copy of the current context."""
    return loop.run_in_executor(executor, contextvars.copy_context().run, func)


def _retrieve(future: asyncio.Future[Any]) -> BaseException | None:
    """The exception of a finished future (marking it as retrieved), or None."""
    if future.cancelled():
        return None
    return future.exception()


# -- resources -------------------------------------------------------------------------


class AsyncResource:
    """Asynchronous wrapper of an open :class:`~pyvisa.resources.Resource`.

    The wrapper and the synchronous resource share the session: :attr:`sync` gives the
    synchronous object back, and closing either closes the session. Wrapping a
    message-based resource returns an :class:`AsyncMessageBasedResource`.

    Attributes of the resource (``timeout``, ``resource_name``, the VISA attributes...)
    are read and set through the synchronous object, in the calling thread. Those are
    short calls; to change attributes while operations may be running in worker threads,
    await :meth:`configure`, which is serialised with the other operations.

    Parameters
    ----------
    resource : Resource
        Open synchronous resource to wrap.
    executor : concurrent.futures.Executor | None, optional
        Executor running the blocking calls. Defaults to None: the default executor of
        the running event loop.
    on_cancel : str, optional
        What happens after an operation is cancelled while its worker thread runs: the
        session stays locked until the thread has finished, then with "drain" (the
        default) the next operation runs, with "clear" the session is first cleared.

    """

    _sync: Resource
    _locks: _SessionLocks
    _executor: Executor | None
    _on_cancel: CancelPolicy

    #: Names stored on the wrapper itself, the others are set on the synchronous resource.
    _OWN_NAMES = frozenset({"_sync", "_locks", "_executor", "_on_cancel", "on_cancel"})

    def __new__(cls, resource: Resource, *args: Any, **kwargs: Any) -> AsyncResource:
        if cls is AsyncResource and isinstance(resource, MessageBasedResource):
            cls = AsyncMessageBasedResource
        return super().__new__(cls)

    def __init__(
        self,
        resource: Resource,
        *,
        executor: Executor | None = None,
        on_cancel: CancelPolicy = "drain",
    ) -> None:
        if not isinstance(resource, Resource):
            raise TypeError(f"expected a pyvisa Resource, got {type(resource).__name__}")
        object.__setattr__(self, "_sync", resource)
        object.__setattr__(self, "_locks", _locks_of(resource))
        object.__setattr__(self, "_executor", executor)
        self.on_cancel = on_cancel

    # -- plumbing ----------------------------------------------------------------------

    @property
    def sync(self) -> Resource:
        """The synchronous resource wrapped (same session)."""
        return self._sync

    @property
    def on_cancel(self) -> CancelPolicy:
        """What to do with the session after a cancelled operation ("drain" or "clear")."""
        return self._on_cancel

    @on_cancel.setter
    def on_cancel(self, value: CancelPolicy) -> None:
        _check_cancel_policy(value)
        object.__setattr__(self, "_on_cancel", value)

    def _submit(self, loop: asyncio.AbstractEventLoop, job: _Job) -> asyncio.Future[Any]:
        return _in_worker(loop, self._executor, job)

    async def _locked_call(
        self,
        kind: Literal["io", "events"],
        func: Callable[[], T],
        on_late_result: Callable[[Any], None] | None = None,
    ) -> T:
        """Run ``func`` in a worker thread while holding one of the session locks.

        When the awaiting coroutine is cancelled the lock is released only after the
        worker thread is done (see the module documentation); ``on_late_result``
        receives the result nobody awaits anymore (to release what it holds).
        """
        loop = asyncio.get_running_loop()
        lock = self._locks.get(kind)
        await lock.acquire()
        job = _Job(func)
        try:
            future = self._submit(loop, job)
        except BaseException:
            lock.release()
            raise
        try:
            result: T = await asyncio.shield(future)
        except asyncio.CancelledError:
            job.skip()
            future.add_done_callback(
                functools.partial(self._after_cancel, lock, job, kind, on_late_result)
            )
            raise
        except BaseException:
            lock.release()
            raise
        lock.release()
        return result

    def _after_cancel(
        self,
        lock: asyncio.Lock,
        job: _Job,
        kind: Literal["io", "events"],
        on_late_result: Callable[[Any], None] | None,
        future: asyncio.Future[Any],
    ) -> None:
        """Release the lock held for a cancelled call once its worker has finished."""
        error = _retrieve(future)
        if error is not None:
            logger.debug("%r - cancelled operation ended with %r", self._sync, error)
        elif job.started and on_late_result is not None and not future.cancelled():
            try:
                on_late_result(future.result())
            except Exception:  # pragma: no cover - cleanup must not fail the loop
                logger.debug("%r - cleanup of a late result failed", self._sync, exc_info=True)
        clear = kind == "io" and job.started and self._on_cancel == "clear"
        if clear and self._sync._session is not None:
            try:
                clearing = self._submit(future.get_loop(), _Job(self._sync.clear))
            except RuntimeError:  # the executor is shut down
                lock.release()
                return

            def _release(done: asyncio.Future[Any]) -> None:
                _retrieve(done)
                lock.release()

            clearing.add_done_callback(_release)
            return
        lock.release()

    async def _call(self, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking call in a worker thread, serialised with the session's I/O."""
        return await self._locked_call("io", functools.partial(func, *args, **kwargs))

    async def run_sync(self, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run any blocking callable in a worker thread, serialised with the session's I/O.

        This is the way to use, from a coroutine, a method of the synchronous resource
        that has no asynchronous counterpart here.

        Parameters
        ----------
        func : Callable
            Callable to run (for example ``ares.sync.flush``).
        *args, **kwargs : Any
            Arguments passed to ``func``.

        Returns
        -------
        Any
            What ``func`` returns.

        """
        return await self._call(func, *args, **kwargs)

    # -- attributes forwarded to the synchronous resource -------------------------------

    def __getattr__(self, name: str) -> Any:
        # Only called for names not found on the wrapper.
        if name.startswith("__") or name in self._OWN_NAMES:
            raise AttributeError(name)
        return getattr(self._sync, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._OWN_NAMES or hasattr(type(self), name):
            object.__setattr__(self, name, value)
        else:
            setattr(self._sync, name, value)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._sync._resource_name!r})>"

    @property
    def resource_manager(self) -> ResourceManager:
        """The synchronous resource manager of the resource."""
        return self._sync.resource_manager

    @property
    def visalib(self) -> VisaLibraryBase:
        """The VISA library of the resource."""
        return self._sync.visalib

    @property
    def session(self) -> VISASession:
        """The VISA session (raises :class:`~pyvisa.errors.InvalidSession` once closed)."""
        return self._sync.session

    @property
    def resource_name(self) -> str:
        """Name of the resource, as given by the library."""
        return self._sync.resource_name

    @property
    def last_status(self) -> StatusCode:
        """Last status code of the session."""
        return self._sync.last_status

    @property
    def timeout(self) -> float:
        """VISA timeout of the I/O operations in milliseconds (``inf`` for none)."""
        return self._sync.timeout

    @timeout.setter
    def timeout(self, value: float | None) -> None:
        self._sync.timeout = value

    @timeout.deleter
    def timeout(self) -> None:
        del self._sync.timeout

    async def configure(self, **attributes: Any) -> None:
        """Set attributes of the resource in a worker thread, after the pending operations.

        Parameters
        ----------
        **attributes : Any
            Attribute names and values (``timeout=5000, read_termination="\\n"``).

        Raises
        ------
        AttributeError
            When the resource has no such attribute (nothing is set then).

        """
        sync = self._sync
        for name in attributes:
            if not hasattr(sync, name):
                raise AttributeError(f"{type(sync).__name__} has no attribute {name!r}")

        def _set() -> None:
            for name, value in attributes.items():
                setattr(sync, name, value)

        await self._call(_set)

    async def get_visa_attribute(self, name: constants.ResourceAttribute) -> Any:
        """Read a VISA attribute of the session in a worker thread."""
        return await self._call(self._sync.get_visa_attribute, name)

    async def set_visa_attribute(self, name: constants.ResourceAttribute, state: Any) -> StatusCode:
        """Set a VISA attribute of the session in a worker thread."""
        return await self._call(self._sync.set_visa_attribute, name, state)

    # -- life cycle -------------------------------------------------------------------

    async def close(self) -> None:
        """Close the session, after the operations already awaited have finished."""
        await self._call(self._sync.close)

    async def __aenter__(self) -> AsyncResource:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- operations -------------------------------------------------------------------

    async def clear(self) -> None:
        """Clear the device (``viClear``)."""
        await self._call(self._sync.clear)

    async def lock(
        self,
        timeout: float | Literal["default"] = "default",
        requested_key: str | None = None,
    ) -> str:
        """Establish a shared VISA lock on the resource.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Milliseconds to wait for another session to release its lock; "default"
            (the default) uses the resource timeout.
        requested_key : str | None, optional
            Access key to share a lock with other sessions, or None to get a new key.

        Returns
        -------
        str
            The access key of the lock.

        """
        return await self._call(self._sync.lock, timeout, requested_key)

    async def lock_excl(self, timeout: float | Literal["default"] = "default") -> None:
        """Establish an exclusive VISA lock on the resource.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Milliseconds to wait for another session to release its lock; "default"
            (the default) uses the resource timeout.

        """
        await self._call(self._sync.lock_excl, timeout)

    async def unlock(self) -> None:
        """Release the VISA lock held by the session."""
        await self._call(self._sync.unlock)

    @contextlib.asynccontextmanager
    async def lock_context(
        self,
        timeout: float | Literal["default"] = "default",
        requested_key: str | None = "exclusive",
    ) -> AsyncIterator[str | None]:
        """Hold a VISA lock for the duration of an ``async with`` block.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Milliseconds to wait for the lock; "default" uses the resource timeout.
        requested_key : str | None, optional
            "exclusive" (the default) for an exclusive lock; otherwise the key of a
            shared lock, or None for a new shared key.

        Yields
        ------
        str | None
            The access key of a shared lock, None for an exclusive one.

        """
        if requested_key == "exclusive":
            await self.lock_excl(timeout)
            key: str | None = None
        else:
            key = await self.lock(timeout, requested_key)
        try:
            yield key
        finally:
            await self.unlock()

    # -- events -----------------------------------------------------------------------

    async def enable_event(
        self, event_type: EventType, mechanism: EventMechanism, context: None = None
    ) -> None:
        """Enable the notification of an event type by a mechanism."""
        await self._call(self._sync.enable_event, event_type, mechanism, context)

    async def disable_event(self, event_type: EventType, mechanism: EventMechanism) -> None:
        """Disable the notification of an event type by a mechanism."""
        await self._call(self._sync.disable_event, event_type, mechanism)

    async def discard_events(self, event_type: EventType, mechanism: EventMechanism) -> None:
        """Discard the pending occurrences of an event type for a mechanism."""
        await self._call(self._sync.discard_events, event_type, mechanism)

    async def _event_call(self, func: Callable[[], T]) -> T:
        """Run a blocking event wait in a worker thread, holding the event lock only."""

        def _close_late(response: Any) -> None:
            if isinstance(response, WaitResponse):
                response.close()

        return await self._locked_call("events", func, _close_late)

    async def wait_on_event(
        self, in_event_type: EventType, timeout: float | None, capture_timeout: bool = False
    ) -> WaitResponse:
        """Wait in a worker thread for an event enabled with the queue mechanism.

        The I/O of the session is not blocked meanwhile: another coroutine may write the
        command that makes the instrument raise the event. Waits on one session follow
        one another.

        Parameters
        ----------
        in_event_type : constants.EventType
            Event type (or ``all_enabled``) to wait for.
        timeout : float | None
            Milliseconds to wait; None waits forever (the worker thread cannot be
            interrupted, prefer a finite value).
        capture_timeout : bool, optional
            Return a response with ``timed_out`` set instead of raising
            :class:`~pyvisa.errors.VisaIOError` on a timeout. Defaults to False.

        Returns
        -------
        WaitResponse
            The event occurred (close it, or use it as a context manager, to release
            its context).

        """
        return await self._event_call(
            functools.partial(self._sync.wait_on_event, in_event_type, timeout, capture_timeout)
        )

    @contextlib.asynccontextmanager
    async def events(
        self, event_type: EventType = EventType.service_request
    ) -> AsyncIterator[AsyncEventQueue]:
        """Receive events through a handler, in an ``async with`` block.

        A handler is installed and the handler mechanism enabled for the event type on
        entering the block; they are removed on leaving it. The handler runs in the thread
        of the library and hands each event over to the event loop
        (``loop.call_soon_threadsafe``): no worker thread waits meanwhile.

        Parameters
        ----------
        event_type : constants.EventType, optional
            Event type to receive. Defaults to service requests.

        Yields
        ------
        AsyncEventQueue
            Queue of the event types received (await :meth:`AsyncEventQueue.get`).

        """
        loop = asyncio.get_running_loop()
        received = AsyncEventQueue()

        def handler(
            session: VISASession, etype: Any, context: VISAEventContext, user_handle: Any
        ) -> None:
            # Runs in a thread of the library: the context is owned by the library, only
            # the event type is passed on.
            with contextlib.suppress(RuntimeError):  # the loop is closed
                loop.call_soon_threadsafe(received._put, EventType(etype))

        sync = self._sync

        def _install() -> Any:
            user_handle = sync.install_handler(event_type, handler)
            try:
                sync.enable_event(event_type, EventMechanism.handler)
            except BaseException:
                sync.uninstall_handler(event_type, handler, user_handle)
                raise
            return user_handle

        user_handle = await self._call(_install)
        try:
            yield received
        finally:

            def _uninstall() -> None:
                try:
                    sync.disable_event(event_type, EventMechanism.handler)
                finally:
                    sync.uninstall_handler(event_type, handler, user_handle)

            await self._call(_uninstall)


class AsyncEventQueue:
    """Events received by the handler of :meth:`AsyncResource.events`."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[EventType] = asyncio.Queue()

    def _put(self, event_type: EventType) -> None:
        self._queue.put_nowait(event_type)

    def empty(self) -> bool:
        """Whether no event is waiting."""
        return self._queue.empty()

    async def get(self, timeout: float | None = None) -> EventType:
        """Wait for the next event.

        Parameters
        ----------
        timeout : float | None, optional
            Milliseconds to wait; None (the default) waits forever.

        Returns
        -------
        constants.EventType
            Type of the event received.

        Raises
        ------
        errors.VisaIOError
            With ``VI_ERROR_TMO`` when no event came in time.

        """
        if timeout is None:
            return await self._queue.get()
        try:
            return await asyncio.wait_for(self._queue.get(), max(timeout, 0) / 1000)
        except asyncio.TimeoutError:
            raise errors.VisaIOError(StatusCode.error_timeout) from None

    def __aiter__(self) -> AsyncEventQueue:
        return self

    async def __anext__(self) -> EventType:
        return await self.get()


class AsyncMessageBasedResource(AsyncResource):
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
            raise TypeError(f"expected a MessageBasedResource, got {type(resource).__name__}")
        super().__init__(resource, executor=executor, on_cancel=on_cancel)

    @property
    def sync(self) -> MessageBasedResource:
        """The synchronous resource wrapped (same session)."""
        return self._sync

    async def __aenter__(self) -> AsyncMessageBasedResource:
        return self

    # -- attributes -------------------------------------------------------------------

    @property
    def read_termination(self) -> str | None:
        """Read termination of the synchronous resource."""
        return self._sync.read_termination

    @read_termination.setter
    def read_termination(self, value: str | None) -> None:
        self._sync.read_termination = value

    @property
    def write_termination(self) -> str:
        """Write termination of the synchronous resource."""
        return self._sync.write_termination

    @write_termination.setter
    def write_termination(self, value: str | None) -> None:
        self._sync.write_termination = value

    @property
    def encoding(self) -> str:
        """Encoding of the messages."""
        return self._sync.encoding

    @encoding.setter
    def encoding(self, value: str) -> None:
        self._sync.encoding = value

    @property
    def query_delay(self) -> float:
        """Seconds waited between the write and the read of a query."""
        return self._sync.query_delay

    @query_delay.setter
    def query_delay(self, value: float) -> None:
        self._sync.query_delay = value

    @property
    def chunk_size(self) -> int:
        """Size of the chunks of the reads."""
        return self._sync.chunk_size

    @chunk_size.setter
    def chunk_size(self, value: int) -> None:
        self._sync.chunk_size = value

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


class AsyncResourceManager:
    """Asynchronous wrapper of a :class:`~pyvisa.highlevel.ResourceManager`.

    Parameters
    ----------
    visa_library : str | os.PathLike | VisaLibraryBase | ResourceManager, optional
        What the synchronous manager is made from (as for
        :class:`~pyvisa.highlevel.ResourceManager`, e.g. "@sim" or "@py"), or an existing
        synchronous manager to wrap. Making a manager loads the library in the calling
        thread.
    executor : concurrent.futures.Executor | None, optional
        Executor running the blocking calls of the manager and of the resources it opens.
        Defaults to None: the default executor of the running loop, whose size bounds
        the number of operations running at the same time.
    on_cancel : str, optional
        Cancellation policy of the resources opened (see :class:`AsyncResource`).

    """

    def __init__(
        self,
        visa_library: str | os.PathLike[str] | VisaLibraryBase | ResourceManager = "",
        *,
        executor: Executor | None = None,
        on_cancel: CancelPolicy = "drain",
    ) -> None:
        if isinstance(visa_library, ResourceManager):
            self._sync = visa_library
        else:
            self._sync = ResourceManager(visa_library)
        _check_cancel_policy(on_cancel)
        self._executor = executor
        self._on_cancel: CancelPolicy = on_cancel
        self._opened: weakref.WeakSet[AsyncResource] = weakref.WeakSet()

    def __repr__(self) -> str:
        return f"<AsyncResourceManager({self._sync.visalib!r})>"

    @property
    def sync(self) -> ResourceManager:
        """The synchronous resource manager wrapped (same session)."""
        return self._sync

    @property
    def visalib(self) -> VisaLibraryBase:
        """The VISA library of the manager."""
        return self._sync.visalib

    @property
    def session(self) -> Any:
        """Session of the manager (raises once closed)."""
        return self._sync.session

    @property
    def last_status(self) -> StatusCode:
        """Last status code of the manager session."""
        return self._sync.last_status

    async def _run(self, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        call = functools.partial(func, *args, **kwargs)
        return await _in_worker(asyncio.get_running_loop(), self._executor, call)

    async def list_resources(self, query: str = "?*::INSTR") -> tuple[str, ...]:
        """List the resources matching a VISA expression (in a worker thread).

        Parameters
        ----------
        query : str, optional
            VISA resource expression. Defaults to "?*::INSTR".

        Returns
        -------
        tuple[str, ...]
            Names of the resources found.

        """
        return await self._run(self._sync.list_resources, query)

    async def list_resources_info(self, query: str = "?*::INSTR") -> dict[str, ResourceInfo]:
        """List the resources matching a VISA expression with their information."""
        return await self._run(self._sync.list_resources_info, query)

    async def resource_info(self, resource_name: str, extended: bool = True) -> ResourceInfo:
        """Information about a resource, without opening it."""
        return await self._run(self._sync.resource_info, resource_name, extended)

    def list_opened_resources(self) -> list[AsyncResource]:
        """The asynchronous resources opened by this manager and not closed."""
        return [res for res in list(self._opened) if res.sync._session is not None]

    def wrap(self, resource: Resource) -> AsyncResource:
        """Wrap an open synchronous resource with this manager's settings.

        Parameters
        ----------
        resource : Resource
            Open resource.

        Returns
        -------
        AsyncResource
            An :class:`AsyncMessageBasedResource` for a message-based resource.

        """
        wrapped = AsyncResource(resource, executor=self._executor, on_cancel=self._on_cancel)
        self._opened.add(wrapped)
        return wrapped

    async def open_resource(
        self,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
        resource_pyclass: type[Resource] | None = None,
        **kwargs: Any,
    ) -> AsyncResource:
        """Open a resource in a worker thread and wrap it.

        The arguments are those of
        :meth:`pyvisa.highlevel.ResourceManager.open_resource` (``kwargs`` set attributes
        of the resource, e.g. ``read_termination="\\n"``).

        Returns
        -------
        AsyncResource
            An :class:`AsyncMessageBasedResource` for a message-based resource.

        """
        sync = self._sync

        def _open() -> Resource:
            return sync.open_resource(
                resource_name, access_mode, open_timeout, resource_pyclass, **kwargs
            )

        return self.wrap(await self._run(_open))

    async def close(self) -> None:
        """Close the resources (after their pending operations), then the manager."""
        for resource in self.list_opened_resources():
            try:
                await resource.close()
            except errors.InvalidSession:
                pass
        await self._run(self._sync.close)

    async def __aenter__(self) -> AsyncResourceManager:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
