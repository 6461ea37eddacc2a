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
import functools
import os
import weakref
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, ParamSpec, TypeVar

from . import constants, errors
from ._aio_messagebased import AsyncMessageBasedResource
from ._aio_resource import AsyncEventQueue, AsyncResource, Forwarded
from ._aio_worker import CancelPolicy, check_cancel_policy, in_worker
from ._aio_worker import logger as logger  # the records of this front end (pyvisa.aio)
from .constants import AccessModes, StatusCode
from .highlevel import ResourceInfo, ResourceManager, VisaLibraryBase
from .resources.resource import Resource

__all__ = [
    "AsyncEventQueue",
    "AsyncMessageBasedResource",
    "AsyncResource",
    "AsyncResourceManager",
    "CancelPolicy",
    "Forwarded",
]

P = ParamSpec("P")
T = TypeVar("T")

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
        check_cancel_policy(on_cancel)
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
        return await in_worker(asyncio.get_running_loop(), self._executor, call)

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
