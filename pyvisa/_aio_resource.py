"""The asynchronous wrapper of a resource, and the queue of the events it receives.

:class:`AsyncResource` runs the operations every resource has (attributes, locks, events,
``clear``, ``close``) in worker threads, serialised per session by
:func:`pyvisa._aio_worker.locked_call`. Its subclasses add the operations of a kind of
resource; each names the resource class it wraps (``class AsyncX(AsyncResource,
wraps=X)``) so that ``AsyncResource(resource)`` returns the fitting wrapper. The public
names are documented, and imported, as members of :mod:`pyvisa.aio`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any, Generic, Literal, ParamSpec, TypeVar, cast, overload

from . import constants, errors
from ._aio_worker import (
    CancelPolicy,
    SessionLocks,
    check_cancel_policy,
    locked_call,
    locks_of,
)
from ._exports import public_at
from .constants import EventMechanism, EventType, StatusCode
from .events import WaitResponse
from .resources.resource import Resource
from .typing import VISAEventContext, VISASession

if TYPE_CHECKING:
    from .backend import VisaLibraryBase
    from .highlevel import ResourceManager

__all__ = ["AsyncEventQueue", "AsyncResource"]

P = ParamSpec("P")
T = TypeVar("T")

#: The wrapper class of each resource class having its own, most recently declared first.
_WRAPPERS: list[tuple[type[Resource], type[AsyncResource]]] = []


G = TypeVar("G")
S = TypeVar("S")


@public_at("pyvisa.aio")
class Forwarded(Generic[G, S]):
    """An attribute of a wrapper that is the attribute of the same name of its resource.

    Reading it on a wrapper reads the synchronous resource's attribute (a ``G``), setting
    it sets that attribute (to an ``S``), in the calling thread.

    Parameters
    ----------
    doc : str
        Docstring of the attribute.

    """

    def __init__(self, doc: str) -> None:
        self.__doc__ = doc
        self._name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Forwarded[G, S]: ...

    @overload
    def __get__(self, instance: AsyncResource, owner: type | None = None) -> G: ...

    def __get__(self, instance: AsyncResource | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return getattr(instance._sync, self._name)

    def __set__(self, instance: AsyncResource, value: S) -> None:
        setattr(instance._sync, self._name, value)


@public_at("pyvisa.aio")
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
    _locks: SessionLocks
    _executor: Executor | None
    _on_cancel: CancelPolicy

    #: Names stored on the wrapper itself, the others are set on the synchronous resource.
    _OWN_NAMES = frozenset({"_sync", "_locks", "_executor", "_on_cancel", "on_cancel"})

    def __init_subclass__(cls, wraps: type[Resource] | None = None, **kwargs: Any) -> None:
        # ``class AsyncX(AsyncResource, wraps=X)``: wrapping an X gives an AsyncX.
        super().__init_subclass__(**kwargs)
        if wraps is not None:
            _WRAPPERS.insert(0, (wraps, cls))

    def __new__(cls, resource: Resource, *args: Any, **kwargs: Any) -> AsyncResource:
        if cls is AsyncResource:
            for resource_class, wrapper in _WRAPPERS:
                if isinstance(resource, resource_class):
                    cls = wrapper
                    break
        return super().__new__(cls)

    def __init__(
        self,
        resource: Resource,
        *,
        executor: Executor | None = None,
        on_cancel: CancelPolicy = "drain",
    ) -> None:
        if not isinstance(resource, Resource):
            raise errors.InvalidArgumentType(
                f"expected a pyvisa Resource, got {type(resource).__name__}"
            )
        object.__setattr__(self, "_sync", resource)
        object.__setattr__(self, "_locks", locks_of(resource))
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
        check_cancel_policy(value)
        object.__setattr__(self, "_on_cancel", value)

    async def _call(self, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a blocking call in a worker thread, serialised with the session's I/O."""
        return await locked_call(self, "io", functools.partial(func, *args, **kwargs))

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
            raise errors.UnknownAttribute(name)
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
        return cast("ResourceManager", self._sync.resource_manager)

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
                raise errors.UnknownAttribute(f"{type(sync).__name__} has no attribute {name!r}")

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

        return await locked_call(self, "events", func, _close_late)

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


@public_at("pyvisa.aio")
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
