"""Base class of every resource (an open VISA session seen from Python).

Every call a resource makes into the VISA library goes through its methods: the
library is reached through ``self.visalib`` with ``self.session``; the reads, writes and
compound operations of the subclasses hold the per-resource re-entrant lock ``self.io_lock``.
"""

from __future__ import annotations

import contextlib
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Literal, Protocol, TypeVar, cast

from .. import attributes, constants, errors, rname
from .._attribute_kinds import _visa_timeout, missing_py_name
from .._logging import logger
from ..attributes import Attribute
from ..backend import VisaLibraryBase, close_and_forget, close_quietly
from ..constants import AccessModes, EventMechanism, EventType, InterfaceType, StatusCode
from ..events import Event, WaitResponse
from ..rname import ResourceInfo
from ..typing import VISAEventContext, VISAHandler, VISARMSession, VISASession

__all__ = ["Resource", "ResourceManagerLike", "WaitResponse"]

T = TypeVar("T", bound="Resource")


class ResourceManagerLike(Protocol):
    """What a resource uses of the manager that opened it.

    :class:`pyvisa.highlevel.ResourceManager` is the implementation; the frontend sits
    above the resources (it opens them), so they know it by this description only.
    """

    visalib: VisaLibraryBase

    @property
    def session(self) -> VISARMSession: ...

    @property
    def last_status(self) -> StatusCode: ...

    def close(self) -> None: ...

    def list_resources(self, query: str = ...) -> tuple[str, ...]: ...

    def list_resources_info(self, query: str = ...) -> dict[str, ResourceInfo]: ...

    def list_opened_resources(self) -> list[Resource]: ...

    def resource_info(self, resource_name: str, extended: bool = ...) -> ResourceInfo: ...

    def open_bare_resource(
        self, resource_name: str, access_mode: AccessModes = ..., open_timeout: int = ...
    ) -> tuple[VISASession, StatusCode]: ...


def to_visa_timeout(value: float | None) -> int:
    """Convert a timeout in milliseconds to the integer VISA expects.

    ``None`` and ``float('+inf')`` mean infinite (``VI_TMO_INFINITE``), any value below 1
    means immediate (``VI_TMO_IMMEDIATE``); larger values are truncated to an int. The
    conversion of the ``timeout`` attribute, for the timeouts of locks and waits.

    Raises
    ------
    ValueError
        If the value is not a number, NaN or larger than the largest finite VISA timeout.

    """
    return _visa_timeout(value, "a timeout")


def check_status(status: Any) -> None:
    """Raise :class:`errors.VisaIOError` for a negative status a backend returned without raising."""
    if status is not None and status < 0:
        raise errors.VisaIOError(int(status))


def _close_session(visalib: VisaLibraryBase, session: VISASession, name: str) -> None:
    """Close a session whose resource object was forgotten (run by weakref.finalize)."""
    close_quietly(visalib, session, name, lambda: _switch_events_off(visalib, session))


def _switch_events_off(visalib: VisaLibraryBase, session: VISASession) -> None:
    # Backends answer these two calls with statuses that are not errors for closing
    # (pyvisa-py: error_nonimplemented_operation without raising; sim: None): ignore them.
    for operation in (visalib.disable_event, visalib.discard_events):
        try:
            operation(session, EventType.all_enabled, EventMechanism.all)
        except errors.VisaIOError as exc:
            logger.debug("session %s: %s ignored while closing: %s", session, operation, exc)
    visalib.uninstall_all_visa_handlers(session)


class Resource:
    """Base class for resources.

    Do not instantiate directly, use
    :meth:`pyvisa.highlevel.ResourceManager.open_resource`.

    Parameters
    ----------
    resource_manager : ResourceManager
        Resource manager opening the resource.
    resource_name : str
        Name (or alias) of the resource.

    """

    #: VISA attribute descriptor classes that can be used to introspect the supported
    #: attributes and the possible values. The "often used" ones are generally directly
    #: available on the resource.
    visa_attributes_classes: ClassVar[set[type[Attribute[Any]]]] = set()

    #: Python class to use for each (interface type, resource class), filled by
    #: :meth:`register`; the resource manager reads it to open a resource by name.
    _resource_classes: ClassVar[dict[tuple[InterfaceType, str], type[Resource]]] = {}

    # Instance state is declared by annotation only (no class-level values): a backend's
    # subclass may skip __init__ and serve these names through __getattr__.

    #: Reference to the resource manager used by this resource.
    resource_manager: ResourceManagerLike

    #: Reference to the VISA library instance used by the resource.
    visalib: VisaLibraryBase

    #: Re-entrant lock held by every read and write and by the compound operations (query,
    #: query_*_values, read_termination_context...) so that threads sharing the resource
    #: do not interleave.
    io_lock: threading.RLock

    # -- VISA attributes common to every resource ------------------------------------

    #: Interface type of the given session.
    interface_type: Attribute[constants.InterfaceType] = attributes.AttrVI_ATTR_INTF_TYPE()

    #: Board number for the given interface.
    interface_number: Attribute[int] = attributes.AttrVI_ATTR_INTF_NUM()

    #: Resource class (for example, "INSTR") as defined by the canonical resource name.
    resource_class: Attribute[str] = attributes.AttrVI_ATTR_RSRC_CLASS()

    #: Unique identifier for a resource compliant with the address structure.
    resource_name: Attribute[str] = attributes.AttrVI_ATTR_RSRC_NAME()

    #: Resource version that identifies the revisions or implementations of a resource.
    implementation_version: Attribute[int] = attributes.AttrVI_ATTR_RSRC_IMPL_VERSION()

    #: Current locking state of the resource.
    lock_state: Attribute[constants.AccessModes] = attributes.AttrVI_ATTR_RSRC_LOCK_STATE()

    #: Version of the VISA specification to which the implementation is compliant.
    spec_version: Attribute[int] = attributes.AttrVI_ATTR_RSRC_SPEC_VERSION()

    #: Manufacturer name of the vendor that implemented the VISA library.
    resource_manufacturer_name: Attribute[str] = attributes.AttrVI_ATTR_RSRC_MANF_NAME()

    #: Timeout in milliseconds for all resource I/O operations.
    timeout: Attribute[float] = cast("Attribute[float]", attributes.AttrVI_ATTR_TMO_VALUE())

    _resource_name: str
    _session: VISASession | None
    _finalizer: weakref.finalize[Any, Any] | None

    @classmethod
    def register(
        cls, interface_type: constants.InterfaceType, resource_class: str
    ) -> Callable[[type[T]], type[T]]:
        """Create a decorator to register a class.

        The class is associated to an interface type, resource class pair: the resource
        manager instantiates it when opening such a resource.

        Parameters
        ----------
        interface_type : constants.InterfaceType
            Interface type for which to register a wrapper class.
        resource_class : str
            Resource class for which to register a wrapper class.

        Returns
        -------
        Callable[[type[Resource]], type[Resource]]
            Decorator registering the class.

        """

        def _internal(python_class: type[T]) -> type[T]:
            cls.register_resource_class(interface_type, resource_class, python_class)
            _attach_visa_names(python_class)
            return python_class

        return _internal

    @classmethod
    def register_resource_class(
        cls,
        interface_type: InterfaceType,
        resource_class: str,
        python_class: type[Resource],
    ) -> None:
        """Register a Python class for a (interface type, resource class) pair.

        Parameters
        ----------
        interface_type : constants.InterfaceType
            Interface type for which to register a wrapper class.
        resource_class : str
            Resource class (INSTR, INTFC, ...) for which to register a wrapper class.
        python_class : type[Resource]
            Subclass of ``Resource`` to use when opening such a resource. Its
            ``visa_attributes_classes`` receives the attribute classes declared for the
            pair and for all session types. Registering a pair again logs a warning and
            replaces the previous class.

        Raises
        ------
        errors.InvalidArgumentType
            Raised (a TypeError), without registering, if ``python_class`` lacks the
            Python attribute of one of those VISA attributes.

        """
        key = (interface_type, resource_class)
        per_resource = attributes.AttributesPerResource
        # Indexing (not .get) lists the pair in the registry even when no attribute names it.
        declared = set(per_resource[key]) | set(per_resource[attributes.AllSessionTypes])
        missing = missing_py_name(python_class, declared)
        if missing is not None:
            raise errors.InvalidArgumentType(
                f"{python_class} was expected to have a visa attribute {missing}"
            )
        if key in Resource._resource_classes:
            logger.warning(
                "%s is already registered in the ResourceManager. Overwriting with %s",
                key,
                python_class,
            )
        python_class.visa_attributes_classes = (
            set(getattr(python_class, "visa_attributes_classes", ())) | declared
        )
        Resource._resource_classes[key] = python_class

    @staticmethod
    def registered_class(
        interface_type: constants.InterfaceType, resource_class: str
    ) -> type[Resource]:
        """The class registered for an (interface type, resource class) pair.

        Pairs without a class of their own get the generic class registered for
        ``(InterfaceType.unknown, "")`` (with a warning).

        Raises
        ------
        errors.InvalidArgument
            Raised (a ValueError) if neither the pair nor the generic class is registered.

        """
        key = (interface_type, resource_class)
        try:
            return Resource._resource_classes[key]
        except KeyError:
            pass
        try:
            fallback = Resource._resource_classes[(constants.InterfaceType.unknown, "")]
        except KeyError:
            raise errors.InvalidArgument(
                f"There is no Python class registered for {key} "
                "and no generic Resource class is registered"
            ) from None
        logger.warning("There is no class defined for %r. Using Resource", key)
        return fallback

    def __init__(self, resource_manager: ResourceManagerLike, resource_name: str) -> None:
        self.resource_manager = resource_manager
        self.visalib = resource_manager.visalib
        self.io_lock = threading.RLock()
        self._session = None
        self._finalizer = None
        try:
            name = rname.to_canonical_name(resource_name)
        except rname.InvalidResourceName:
            # An alias: the library resolves it.
            name = resource_name
        self._resource_name = name

    # -- representation ---------------------------------------------------------------

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self._resource_name!r})>"

    def __str__(self) -> str:
        return f"{type(self).__name__} at {self._resource_name}"

    # -- session lifecycle -------------------------------------------------------------

    @property
    def session(self) -> VISASession:
        """Resource session handle.

        Raises
        ------
        errors.InvalidSession
            Raised if session is closed.

        """
        session = self._session
        if session is None:
            raise errors.InvalidSession()
        return session

    @session.setter
    def session(self, value: VISASession | None) -> None:
        self._session = value

    def open(
        self,
        access_mode: constants.AccessModes = constants.AccessModes.no_lock,
        open_timeout: int = 5000,
    ) -> None:
        """Opens a session to the specified resource.

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
        logger.debug("%s - opening ...", self._resource_name)
        rm = self.resource_manager
        with self.visalib.ignore_warning(rm.session, StatusCode.success_device_not_present):
            session, status = rm.open_bare_resource(self._resource_name, access_mode, open_timeout)
        # An error status returned without raising only warns (open_bare_resource, RM-4).
        self._session = session
        self._finalizer = weakref.finalize(
            self, _close_session, self.visalib, session, self._resource_name
        )
        if status == StatusCode.success_device_not_present:
            try:
                self._wait_for_device()
            except BaseException:
                self.close()
                raise
        logger.debug("%s - is open with session %s", self._resource_name, session)

    def _wait_for_device(self) -> None:
        # The device was not ready when the session was opened: probe it with clear for up
        # to five seconds until it stops answering "no listeners".
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            time.sleep(0.1)
            try:
                self.clear()
                return
            except errors.VisaIOError as error:
                if error.error_code != StatusCode.error_no_listeners:
                    raise

    def before_close(self) -> None:
        """Called just before closing an instrument."""
        _switch_events_off(self.visalib, self.session)

    def close(self) -> None:
        """Closes the VISA session and marks the handle as invalid."""
        finalizer = self._finalizer
        # detach() succeeds only once: threads closing together close the session once.
        if finalizer is None or finalizer.detach() is None:
            return
        session = self.session
        logger.debug("%s - closing", self._resource_name)
        try:
            try:
                self.before_close()
            finally:
                # The session is closed even when switching its events off failed.
                close_and_forget(self.visalib, session)
        except errors.InvalidSession:
            pass
        finally:
            self._finalizer = None
            self._session = None
        logger.debug("%s - is closed", self._resource_name)

    def __enter__(self: T) -> T:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- information ----------------------------------------------------------------

    @property
    def last_status(self) -> StatusCode:
        """Last status code for this session."""
        return self.visalib.get_last_status_in_session(self.session)

    @property
    def resource_info(self) -> ResourceInfo:
        """Get the extended information of this resource."""
        return self.resource_manager.resource_info(self._resource_name)

    # -- attributes -------------------------------------------------------------------

    def get_visa_attribute(self, name: constants.ResourceAttribute) -> Any:
        """Retrieves the state of an attribute in this resource.

        One should prefer the dedicated descriptor for often used attributes since those
        perform checks and automatic conversion on the value.

        Parameters
        ----------
        name : constants.ResourceAttribute
            Resource attribute for which the state query is made.

        Returns
        -------
        Any
            The state of the queried attribute for a specified resource.

        """
        value, status = self.visalib.get_attribute(self.session, name)
        check_status(status)
        return value

    def set_visa_attribute(self, name: constants.ResourceAttribute, state: Any) -> StatusCode:
        """Set the state of an attribute.

        One should prefer the dedicated descriptor for often used attributes since those
        perform checks and automatic conversion on the value.

        Parameters
        ----------
        name : constants.ResourceAttribute
            Attribute for which the state is to be modified.
        state : Any
            The state of the attribute to be set for the specified object.

        Returns
        -------
        constants.StatusCode
            Return value of the library call.

        """
        status = self.visalib.set_attribute(self.session, name, state)
        check_status(status)
        return status

    def ignore_warning(
        self, *warnings_constants: StatusCode
    ) -> contextlib.AbstractContextManager[None]:
        """Ignoring warnings context manager for the current resource.

        Parameters
        ----------
        warnings_constants : constants.StatusCode
            Constants identifying the warnings to ignore.

        """
        return self.visalib.ignore_warning(self.session, *warnings_constants)

    # -- simple operations --------------------------------------------------------------

    def clear(self) -> None:
        """Clear this resource."""
        check_status(self.visalib.clear(self.session))

    # -- locks ------------------------------------------------------------------------

    def _lock_timeout(self, timeout: float | Literal["default"] | None) -> int:
        if timeout == "default":
            return to_visa_timeout(self.timeout)
        return to_visa_timeout(timeout)

    def lock(
        self,
        timeout: float | Literal["default"] = "default",
        requested_key: str | None = None,
    ) -> str:
        """Establish a shared lock to the resource.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Absolute time period (in milliseconds) that a resource waits to get unlocked by
            the locking session before returning an error. Defaults to "default" which means
            use self.timeout.
        requested_key : str | None, optional
            Access key used by another session with which you want your session to share a
            lock or None to generate a new shared access key.

        Returns
        -------
        str
            A new shared access key if requested_key is None, otherwise, same value as the
            requested_key.

        """
        key, status = self.visalib.lock(
            self.session, constants.Lock.shared, self._lock_timeout(timeout), requested_key
        )
        check_status(status)
        if isinstance(key, bytes):
            key = key.decode("ascii")
        return cast("str", key)  # a shared lock always has a key

    def lock_excl(self, timeout: float | Literal["default"] = "default") -> None:
        """Establish an exclusive lock to the resource.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Absolute time period (in milliseconds) that a resource waits to get unlocked by
            the locking session before returning an error. Defaults to "default" which means
            use self.timeout.

        """
        _, status = self.visalib.lock(
            self.session, constants.Lock.exclusive, self._lock_timeout(timeout), None
        )
        check_status(status)

    def unlock(self) -> None:
        """Relinquishes a lock for the specified resource."""
        check_status(self.visalib.unlock(self.session))

    @contextlib.contextmanager
    def lock_context(
        self,
        timeout: float | Literal["default"] = "default",
        requested_key: str | None = "exclusive",
    ) -> Iterator[str | None]:
        """A context that locks.

        Parameters
        ----------
        timeout : float | Literal["default"], optional
            Absolute time period (in milliseconds) that a resource waits to get unlocked by
            the locking session before returning an error. Defaults to "default" which means
            use self.timeout.
        requested_key : str | None, optional
            When using default of 'exclusive' the lock is an exclusive lock. Otherwise it is
            the access key for the shared lock or None to generate a new shared access key.

        Yields
        ------
        str | None
            The access_key if applicable.

        """
        if requested_key == "exclusive":
            self.lock_excl(timeout)
            access_key = None
        else:
            access_key = self.lock(timeout, requested_key)
        try:
            yield access_key
        finally:
            self.unlock()

    # -- events -----------------------------------------------------------------------

    def install_handler(
        self, event_type: EventType, handler: VISAHandler, user_handle: Any = None
    ) -> Any:
        """Install handlers for event callbacks in this resource.

        Parameters
        ----------
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Handler function to be installed by a client application.
        user_handle : Any, optional
            A value specified by an application that can be used for identifying handlers
            uniquely for an event type. Depending on the backend they may be restriction on
            the possible values. Look at the backend ``install_visa_handler`` for more details.

        Returns
        -------
        Any
            User handle in a format amenable to the backend. This is this representation of
            the handle that should be used when uninstalling a handler.

        """
        return self.visalib.install_visa_handler(self.session, event_type, handler, user_handle)

    def uninstall_handler(
        self, event_type: EventType, handler: VISAHandler, user_handle: Any = None
    ) -> None:
        """Uninstalls handlers for events in this resource.

        Parameters
        ----------
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Handler function to be uninstalled by a client application.
        user_handle : Any, optional
            The user handle returned by install_handler.

        """
        self.visalib.uninstall_visa_handler(self.session, event_type, handler, user_handle)

    def wrap_handler(self, callable: Callable[[Resource, Event, Any], None]) -> VISAHandler:
        """Wrap an event handler to provide the signature expected by VISA.

        The handler is expected to have the following signature:
        ``handler(resource: Resource, event: Event, user_handle: Any) -> None``.

        The wrapped handler should be used only to handle events on the resource used to
        wrap the handler.

        Parameters
        ----------
        callable : Callable[[Resource, Event, Any], None]
            Handler receiving the resource, the event and the user handle.

        Returns
        -------
        VISAHandler
            Function with the signature VISA expects.

        """
        resource_ref = weakref.ref(self)
        visalib = self.visalib

        def event_handler(
            session: VISASession,
            event_type: EventType,
            event_context: VISAEventContext,
            user_handle: Any,
        ) -> None:
            resource = resource_ref()
            if resource is None or resource._session != session:
                raise errors.UsageError(
                    "When wrapping a handler, the resource used to wrap the handler must be "
                    f"the same on which the handler will be installed. Wrapping session: "
                    f"{None if resource is None else resource._session}, "
                    f"event on session: {session}"
                )
            event = Event(visalib, event_type, event_context)
            try:
                callable(resource, event, user_handle)
            finally:
                # The library owns the context of an event passed to a handler.
                event._invalidate()

        return event_handler

    def enable_event(
        self, event_type: EventType, mechanism: EventMechanism, context: None = None
    ) -> None:
        """Enable event occurrences for specified event types and mechanisms in this resource.

        Parameters
        ----------
        event_type : constants.EventType
            Logical event identifier.
        mechanism : constants.EventMechanism
            Specifies event handling mechanisms to be enabled.
        context : None, optional
            Not currently used, leave as None.

        """
        check_status(self.visalib.enable_event(self.session, event_type, mechanism, context))

    def disable_event(self, event_type: EventType, mechanism: EventMechanism) -> None:
        """Disable notification for an event type(s) via the specified mechanism(s).

        Parameters
        ----------
        event_type : constants.EventType
            Logical event identifier.
        mechanism : constants.EventMechanism
            Specifies event handling mechanisms to be disabled.

        """
        check_status(self.visalib.disable_event(self.session, event_type, mechanism))

    def discard_events(self, event_type: EventType, mechanism: EventMechanism) -> None:
        """Discards event occurrences for an event type and mechanism in this resource.

        Parameters
        ----------
        event_type : constants.EventType
            Logical event identifier.
        mechanism : constants.EventMechanism
            Specifies event handling mechanisms to be discarded.

        """
        check_status(self.visalib.discard_events(self.session, event_type, mechanism))

    def wait_on_event(
        self, in_event_type: EventType, timeout: float | None, capture_timeout: bool = False
    ) -> WaitResponse:
        """Waits for an occurrence of the specified event in this resource.

        Parameters
        ----------
        in_event_type : constants.EventType
            Logical identifier of the event(s) to wait for.
        timeout : float | None
            Absolute time period in time units that the resource shall wait for a specified
            event to occur before returning the time elapsed error. The time unit is in
            milliseconds. None means waiting forever if necessary.
        capture_timeout : bool, optional
            When True will not produce a VisaIOError(VI_ERROR_TMO) but instead return a
            WaitResponse with timed_out=True.

        Returns
        -------
        WaitResponse
            Object that contains event_type, context and ret value. Close it (or use it as
            a context manager) to release the event context early.

        """
        try:
            event_type, context, ret = self.visalib.wait_on_event(
                self.session, in_event_type, to_visa_timeout(timeout)
            )
            check_status(ret)
        except errors.VisaIOError as exc:
            if capture_timeout and exc.error_code == StatusCode.error_timeout:
                return WaitResponse(
                    in_event_type, None, StatusCode.error_timeout, self.visalib, timed_out=True
                )
            raise
        return WaitResponse(event_type, context, ret, self.visalib)


def _attach_visa_names(python_class: type[Resource]) -> None:
    """Make each VISA attribute of a registered class reachable under its VISA name.

    ``visa_attributes_classes`` has been filled (and checked) by
    :meth:`ResourceManager.register_resource_class`; each attribute class not yet reachable
    on the class under its VISA name (``instr.VI_ATTR_TMO_VALUE``) gets a descriptor there.
    """
    for attr_class in python_class.visa_attributes_classes:
        if not hasattr(python_class, attr_class.visa_name):
            descriptor = attr_class()
            descriptor.__set_name__(python_class, attr_class.visa_name)
            setattr(python_class, attr_class.visa_name, descriptor)


# The attributes every session type has.
Resource.visa_attributes_classes = set(
    attributes.AttributesPerResource.get(attributes.AllSessionTypes, ())
)
