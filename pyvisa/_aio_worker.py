"""The worker threads of :mod:`pyvisa.aio` and the serialisation of the operations.

Every blocking call of an asynchronous wrapper runs in a worker thread of an executor,
while the coroutine holds one of the two :class:`asyncio.Lock` of the session (one for
the I/O, one for the event waits). The locks belong to the synchronous resource, so every
wrapper of a session shares them, and they are made anew for each event loop
(:class:`SessionLocks`).

A cancelled coroutine cannot stop its worker thread: :func:`locked_call` keeps the lock
until the thread is done, skips the call if it had not started yet (:class:`Job`), hands
a result nobody awaits to a cleanup callback, and clears the device first when the
wrapper's policy says so (see the ``Cancellation`` section of :mod:`pyvisa.aio`).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Literal, Protocol, TypeVar

from . import errors
from ._logging import logger as _package_logger
from .resources.resource import Resource

#: Records of the asynchronous front end (``pyvisa.aio``, a child of the package logger).
logger = _package_logger.getChild("aio")

T = TypeVar("T")

#: What to do with a session after an operation was cancelled while running.
CancelPolicy = Literal["drain", "clear"]

_CANCEL_POLICIES: tuple[str, ...] = ("drain", "clear")

#: The two locks of a session: for the I/O, and for the event waits.
LockKind = Literal["io", "events"]


def check_cancel_policy(value: str) -> None:
    """Reject a cancellation policy other than "drain" and "clear"."""
    if value not in _CANCEL_POLICIES:
        raise errors.InvalidArgument(f"on_cancel must be 'drain' or 'clear', got {value!r}")


class SessionLocks:
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

    def get(self, kind: LockKind) -> asyncio.Lock:
        """The lock of a kind for the running loop (created when needed)."""
        loop = asyncio.get_running_loop()
        with self._guard:
            if self._loop is not loop or self._io is None or self._events is None:
                if (self._io is not None and self._io.locked()) or (
                    self._events is not None and self._events.locked()
                ):
                    raise errors.UsageError(
                        "the resource is busy with an operation of another event loop"
                    )
                self._loop = loop
                self._io = asyncio.Lock()
                self._events = asyncio.Lock()
            return self._io if kind == "io" else self._events


_locks_guard = threading.Lock()
_locks_by_resource: weakref.WeakKeyDictionary[Resource, SessionLocks] = weakref.WeakKeyDictionary()


def locks_of(resource: Resource) -> SessionLocks:
    """The locks shared by every asynchronous wrapper of a synchronous resource."""
    with _locks_guard:
        locks = _locks_by_resource.get(resource)
        if locks is None:
            locks = _locks_by_resource[resource] = SessionLocks()
        return locks


class Job:
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


def in_worker(
    loop: asyncio.AbstractEventLoop, executor: Executor | None, func: Callable[[], T]
) -> asyncio.Future[T]:
    """Run ``func`` in a worker thread of ``executor``, in a copy of the current context."""
    return loop.run_in_executor(executor, contextvars.copy_context().run, func)


def retrieve(future: asyncio.Future[Any]) -> BaseException | None:
    """The exception of a finished future (marking it as retrieved), or None."""
    if future.cancelled():
        return None
    return future.exception()


class Serialised(Protocol):
    """What :func:`locked_call` uses of an asynchronous resource wrapper."""

    _sync: Resource
    _locks: SessionLocks
    _executor: Executor | None
    _on_cancel: CancelPolicy


async def locked_call(
    owner: Serialised,
    kind: LockKind,
    func: Callable[[], T],
    on_late_result: Callable[[Any], None] | None = None,
) -> T:
    """Run ``func`` in a worker thread while holding one of the session locks of ``owner``.

    Parameters
    ----------
    owner : Serialised
        The wrapper of the resource: its locks, executor and cancellation policy.
    kind : {"io", "events"}
        The lock held during the call.
    func : Callable[[], T]
        The blocking call.
    on_late_result : Callable[[Any], None] | None, optional
        Receives the result of a call whose coroutine was cancelled (to release what the
        result holds).

    Returns
    -------
    T
        What ``func`` returned.

    """
    loop = asyncio.get_running_loop()
    lock = owner._locks.get(kind)
    await lock.acquire()
    job = Job(func)
    try:
        future = in_worker(loop, owner._executor, job)
    except BaseException:
        lock.release()
        raise
    try:
        result: T = await asyncio.shield(future)
    except asyncio.CancelledError:
        job.skip()
        future.add_done_callback(
            functools.partial(_after_cancel, owner, lock, job, kind, on_late_result)
        )
        raise
    except BaseException:
        lock.release()
        raise
    lock.release()
    return result


def _after_cancel(
    owner: Serialised,
    lock: asyncio.Lock,
    job: Job,
    kind: LockKind,
    on_late_result: Callable[[Any], None] | None,
    future: asyncio.Future[Any],
) -> None:
    """Release the lock held for a cancelled call once its worker has finished."""
    sync = owner._sync
    error = retrieve(future)
    if error is not None:
        logger.debug("%r - cancelled operation ended with %r", sync, error)
    elif job.started and on_late_result is not None and not future.cancelled():
        try:
            on_late_result(future.result())
        except Exception:  # pragma: no cover - cleanup must not fail the loop
            logger.debug("%r - cleanup of a late result failed", sync, exc_info=True)
    clear = kind == "io" and job.started and owner._on_cancel == "clear"
    if clear and sync._session is not None:
        try:
            clearing = in_worker(future.get_loop(), owner._executor, Job(sync.clear))
        except RuntimeError:  # the executor is shut down
            lock.release()
            return

        def _release(done: asyncio.Future[Any]) -> None:
            retrieve(done)
            lock.release()

        clearing.add_done_callback(_release)
        return
    lock.release()
