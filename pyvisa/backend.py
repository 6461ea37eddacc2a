"""The backend contract: :class:`~pyvisa.highlevel.VisaLibraryBase`, what every VISA backend implements.

A backend (the built-in ``ivi`` one in :mod:`pyvisa.ctwrapper`, pyvisa-py, pyvisa-sim or
any other) is a subclass of :class:`~pyvisa.highlevel.VisaLibraryBase`. The class declares one method per
VISA operation (the "level 2" functions, named and documented as in PyVISA); a backend
overrides those it supports, the others raise :class:`~pyvisa.errors.NotSupported`, a
:class:`NotImplementedError`. The class also keeps the per-session state common to all
backends: the last status of each session, the warnings to issue or ignore and the
registry of installed event handlers.

This module sits between the vocabulary (constants, errors, resource names, attributes)
and the backends: it imports neither the frontend (:mod:`pyvisa.highlevel`) nor any
backend. :mod:`pyvisa.highlevel` re-exports :class:`~pyvisa.highlevel.VisaLibraryBase` under its 1.16.2
import path.
"""

from __future__ import annotations

import contextlib
import functools
import threading
import warnings
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    ParamSpec,
    Protocol,
    SupportsBytes,
    TypeVar,
    cast,
    final,
)

from . import constants, errors, rname
from ._exports import public_at
from ._libarch import LibraryPath
from ._logging import logger
from .constants import (
    AccessModes,
    AddressSpace,
    AssertSignalInterrupt,
    ATNLineOperation,
    BufferOperation,
    BufferType,
    DataWidth,
    EventAttribute,
    EventMechanism,
    EventType,
    InputTriggerLine,
    InterfaceType,
    Lock,
    OutputTriggerLine,
    RENLineOperation,
    ResourceAttribute,
    StatusCode,
    TriggerProtocol,
    UtilityBusSignal,
    VXICommands,
    WidthSpec,
    width_in_bits,
)
from .rname import ResourceInfo
from .typing import (
    VISAEventContext,
    VISAHandler,
    VISAJobID,
    VISAMemoryAddress,
    VISARMSession,
    VISASession,
)
from .util import DebugInfo

if TYPE_CHECKING:
    from typing_extensions import Self


class _ManagerLike(Protocol):
    """What the contract knows of the resource manager of a library (the frontend's)."""

    _session: VISARMSession | None


#: Any session handle a library call may receive.
AnySession = VISASession | VISARMSession | VISAEventContext

#: Element of :attr:`~pyvisa.highlevel.VisaLibraryBase.handlers`, the tuple (handler, converted
#: user handle, converted handler, event type).
HandlerEntry = tuple[VISAHandler, Any, Any, EventType]

_T = TypeVar("_T")


_P = ParamSpec("_P")


#: ``_status_member(code, code)``: the StatusCode member of a value, or the value itself
#: when it is not a known status (a dict lookup is cheaper than calling the enum).
_status_member = cast(
    "Callable[[int, int], StatusCode]", {int(code): code for code in StatusCode}.get
)


@final
class _IgnoreWarningContext:
    """Context returned by :meth:`VisaLibraryBase.ignore_warning`.

    While entered, the context is listed in the ``_ignore_warning_contexts`` of its
    library, once per entry. ``list.append`` and ``list.remove`` each update that list in
    one step (the context compares by identity, so removing it runs no Python code), so
    threads, nested contexts and finalizers re-entering from the same thread need no
    lock; readers take a copy of the list before looking through it.

    """

    __slots__ = ("_active", "codes", "session")

    def __init__(
        self,
        active: list[_IgnoreWarningContext],
        session: Any,
        codes: tuple[StatusCode, ...],
    ) -> None:
        self._active = active
        self.session = session
        self.codes = codes

    def __enter__(self) -> None:
        self._active.append(self)

    def __exit__(self, exc_type: object, exc_value: object, traceback: object) -> None:
        try:
            self._active.remove(self)
        except ValueError:
            raise errors.UsageError(
                "ignore_warning context exited more times than it was entered"
            ) from None

    def __call__(self, func: Callable[_P, _T]) -> Callable[_P, _T]:
        """Use the context as a decorator: each call of ``func`` runs inside it."""

        @functools.wraps(func)
        def ignoring(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            with self:
                return func(*args, **kwargs)

        return ignoring


@public_at("pyvisa.highlevel")
class VisaLibraryBase:
    """Base for VISA library classes.

    A class derived from VisaLibraryBase provides the low-level communication to the
    underlying devices, exposing Pythonic wrappers of the VISA functions. Not every
    derived class implements every method: the operations a backend does not provide
    raise :class:`~pyvisa.errors.NotSupported` (a :class:`NotImplementedError`). Even though the methods return the status code,
    they are expected to raise the appropriate exception when an error occurred (see
    :meth:`handle_return_value`).

    The default VisaLibrary class is :class:`pyvisa.ctwrapper.highlevel.IVIVisaLibrary`,
    a ctypes wrapper around an IVI-VISA library (NI-VISA, Keysight VISA, R&S VISA,
    tekVISA...).

    Instances are cached per class and library path: ``VisaLibrary(path)`` returns the
    same object when called twice with the same path. In general, you should not
    instantiate it directly: create a :class:`ResourceManager` and use its ``visalib``
    attribute.

    Backends customise the construction by overriding ``_init``, which is called
    once per new instance after :attr:`library_path` has been set.

    """

    #: Path to the VISA library used by this instance.
    library_path: LibraryPath

    #: A declared capability, ``True`` when :meth:`read_into` fills the caller's buffer
    #: without an intermediate copy and :meth:`write` accepts any contiguous buffer
    #: (``memoryview``, ``bytearray``), as the ``ivi`` backend does. The resources then
    #: read large messages in place; with ``False`` (the default) they call :meth:`read`
    #: and :meth:`write` with ``bytes`` only, which is all most backends expect.
    reads_into_buffers: ClassVar[bool] = False

    #: Error codes on which to issue a warning.
    issue_warning_on: set[StatusCode]

    #: Contains all installed event handlers, per session. Its elements are tuples with
    #: four elements: the handler itself (a Python callable), the user handle (in the
    #: format of the backend, e.g. a ctypes object for the ctypes backend), the handler
    #: again in the format of the backend (e.g. a CFUNCTYPE object) and the event type.
    handlers: defaultdict[Any, list[HandlerEntry]]

    #: Cache of the library instances, per (class, library path).
    _registry: ClassVar[dict[tuple[type[VisaLibraryBase], LibraryPath], VisaLibraryBase]] = {}
    _registry_lock: ClassVar[threading.RLock] = threading.RLock()

    #: Last status code returned by an operation of this library.
    _last_status: StatusCode
    #: Last status code per session.
    _last_status_in_session: dict[Any, StatusCode]
    #: Entered ignore_warning contexts, once per entry (see _IgnoreWarningContext).
    _ignore_warning_contexts: list[_IgnoreWarningContext]
    _handlers_lock: threading.RLock
    #: Serialises the creation of the resource manager of this library.
    _rm_lock: threading.Lock
    _resource_manager_ref: weakref.ReferenceType[_ManagerLike] | None
    _logging_extra: dict[str, str]

    def __new__(cls, library_path: str | LibraryPath = "") -> Self:
        """Return the (cached) library object for a path.

        Parameters
        ----------
        library_path : str | LibraryPath, optional
            Path of the library. When empty, the paths returned by
            :meth:`get_library_paths` are tried in turn.

        """
        if library_path == "":
            return cls._from_candidate_paths()
        if not isinstance(library_path, LibraryPath):
            library_path = LibraryPath(library_path, "user specified")
        key = (cls, library_path)
        with cls._registry_lock:
            cached = cls._registry.get(key)
            if cached is not None:
                return cast("Self", cached)
            obj = super().__new__(cls)
            obj.library_path = library_path
            obj._logging_extra = {"library_path": str(library_path)}
            # Before _init: a backend may already report statuses while initialising.
            obj._init_frontend_state()
            obj._init()
            cls._registry[key] = obj
        logger.debug("Created library wrapper for %s", library_path)
        return obj

    @classmethod
    def _from_candidate_paths(cls) -> Self:
        """Open the first library of :meth:`get_library_paths` that works.

        Every exception raised while creating the object of a candidate is collected
        (an :class:`OSError` is also logged at DEBUG level), so that a faulty candidate
        does not hide the next one.

        Raises
        ------
        errors.LibraryError
            Raised if none of the candidates can be opened (or there is none). The
            message is ``"Could not open VISA library:"`` followed by one line per
            failed candidate (the text of its exception).

        """
        failures: list[str] = []
        for path in cls.get_library_paths():
            try:
                return cls(path)
            except OSError as exc:
                logger.debug("Could not open VISA library %s: %s", path, exc)
                failures.append(str(exc))
            except Exception as exc:
                failures.append(str(exc))
        raise errors.LibraryError("Could not open VISA library:\n" + "\n".join(failures))

    def _init_frontend_state(self) -> None:
        """Create the per-instance registries of the frontend."""
        self.issue_warning_on = set(errors.default_warnings)
        self._last_status = StatusCode.success
        self._last_status_in_session = {}
        self._ignore_warning_contexts = []
        self.handlers = defaultdict(list)
        self._handlers_lock = threading.RLock()
        self._rm_lock = threading.Lock()
        self._resource_manager_ref = None

    def _init(self) -> None:
        """Initialise the backend-specific state of a new library object.

        Override this method (rather than ``__init__``) in a backend: it is called once
        per new library object, after :attr:`library_path` has been set.

        """

    def __str__(self) -> str:
        return f"Visa Library at {self.library_path}"

    def __repr__(self) -> str:
        return f"<VisaLibrary({str(self.library_path)!r})>"

    def _not_implemented(self, operation: str) -> errors.NotSupported:
        """Build the exception raised by operations a backend does not provide."""
        return errors.NotSupported(
            f"The VISA operation {operation!r} is not implemented by {type(self).__name__}"
        )

    # --- frontend services ------------------------------------------------------------

    @property
    def resource_manager(self) -> _ManagerLike | None:
        """Open ResourceManager of this library, if any."""
        ref = self._resource_manager_ref
        return ref() if ref is not None else None

    @resource_manager.setter
    def resource_manager(self, value: _ManagerLike | None) -> None:
        self._resource_manager_ref = weakref.ref(value) if value is not None else None

    @staticmethod
    def get_library_paths() -> Iterable[LibraryPath]:
        """Override to list the possible library_paths if no path is specified."""
        return ()

    @staticmethod
    def get_debug_info() -> DebugInfo:
        """Override to return an iterable of lines with the backend debug details."""
        return ["Does not provide debug info"]

    @property
    def last_status(self) -> StatusCode:
        """Last return value of the library."""
        return self._last_status

    def get_last_status_in_session(self, session: VISASession | VISARMSession) -> StatusCode:
        """Last status in session.

        Helper function to be called by resources properties.

        Parameters
        ----------
        session : VISASession | VISARMSession
            Session whose last status is requested.

        Returns
        -------
        StatusCode
            Last status code returned by an operation on that session.

        Raises
        ------
        errors.Error
            Raised if no operation returned a status for that session yet.

        """
        try:
            return self._last_status_in_session[session]
        except KeyError:
            raise errors.Error(
                f"The session {session!r} does not seem to be valid as it does not have "
                "any last status"
            ) from None

    def _session_closed(self, session: Any) -> None:
        """Forget the frontend state (last status, handlers) of a session just closed.

        Backends override :meth:`close` without calling the base class, so the
        frontend code closing a session (resource manager, resources, event contexts)
        calls this right after ``close(session)``, whether it succeeded or raised.
        Otherwise the status recorded while closing would stay in memory forever and,
        should the backend reuse the handle, pass for the last status of a new session.

        """
        self._last_status_in_session.pop(session, None)
        with self._handlers_lock:
            self.handlers.pop(session, None)

    def handle_return_value(self, session: AnySession | None, status_code: int) -> StatusCode:
        """Helper function handling the return code of a low-level operation.

        Used when implementing concrete subclasses of VisaLibraryBase: it records the
        status as the last status of the library and of the session, raises on errors
        and warns on the codes of :attr:`issue_warning_on` that are not ignored for
        the session.

        Parameters
        ----------
        session : VISASession | VISARMSession | VISAEventContext | None
            Session the status belongs to, or None when it belongs to no session.
        status_code : int
            Status returned by the operation.

        Returns
        -------
        StatusCode
            The status (a raw int when it is not a known status code).

        Raises
        ------
        errors.VisaIOError
            Raised if the status is an error (negative).

        """
        status = _status_member(status_code, status_code)
        self._last_status = status
        if session is not None:
            self._last_status_in_session[session] = status
        if status < 0:
            raise errors.VisaIOError(status)
        if (
            status in self.issue_warning_on
            and session
            and not self._is_warning_ignored(session, status)
        ):
            warnings.warn(errors.VisaIOWarning(status), stacklevel=2)
        return status

    def _is_warning_ignored(self, session: AnySession, status: int) -> bool:
        """Whether an entered :meth:`ignore_warning` context ignores a code for a session."""
        for context in self._ignore_warning_contexts.copy():
            if status in context.codes and context.session == session:
                return True
        return False

    @property
    def _ignore_warning_in_session(self) -> dict[Any, set[StatusCode]]:
        """Snapshot of the codes ignored per session (sessions with none are absent)."""
        ignored: dict[Any, set[StatusCode]] = {}
        for context in self._ignore_warning_contexts.copy():
            ignored.setdefault(context.session, set()).update(context.codes)
        return {session: codes for session, codes in ignored.items() if codes}

    def ignore_warning(
        self, session: VISASession | VISARMSession, *warnings_constants: StatusCode
    ) -> _IgnoreWarningContext:
        """Ignore warnings for a session for the duration of the context.

        Contexts may be nested and used from several threads: a code stays ignored
        until every context that asked for it has exited.

        Parameters
        ----------
        session : VISASession | VISARMSession
            Unique logical identifier to a session.
        warnings_constants : StatusCode
            Constants identifying the warnings to ignore.

        Returns
        -------
        contextlib.AbstractContextManager[None]
            Context to use in a ``with`` statement (or as a function decorator).

        """
        return _IgnoreWarningContext(self._ignore_warning_contexts, session, warnings_constants)

    def install_visa_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any = None,
    ) -> Any:
        """Installs handlers for event callbacks.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Handler to be installed by a client application.
        user_handle : Any, optional
            A value specified by an application that can be used for identifying
            handlers uniquely for an event type.

        Returns
        -------
        Any
            Converted user handle to match the underlying library. This version of the
            handle should be used in further call to the library.

        Raises
        ------
        errors.VisaTypeError
            Raised if the backend cannot convert the handler or the user handle.

        """
        try:
            new_handler = self.install_handler(session, event_type, handler, user_handle)
        except TypeError as exc:
            raise errors.VisaTypeError(str(exc)) from exc
        installed, converted_user_handle, converted_handler, _ = new_handler
        with self._handlers_lock:
            self.handlers[session].append(
                (installed, converted_user_handle, converted_handler, event_type)
            )
        return converted_user_handle

    def uninstall_visa_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any = None,
    ) -> None:
        """Uninstalls handlers for events.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Handler to be uninstalled by a client application.
        user_handle : Any, optional
            The user handle returned by :meth:`install_visa_handler`.

        Raises
        ------
        errors.UnknownHandler
            Raised if no such handler is installed for that session and event type.

        """
        with self._handlers_lock:
            entries = self.handlers.get(session, [])
            for index, entry in enumerate(entries):
                # == rather than "is" so that bound methods match.
                if (
                    entry[0] == handler
                    and entry[3] == event_type
                    and (entry[1] is user_handle or _safe_equal(entry[1], user_handle))
                ):
                    del entries[index]
                    break
            else:
                raise errors.UnknownHandler(event_type, handler, user_handle)
            if not entries:
                self.handlers.pop(session, None)
        self.uninstall_handler(session, event_type, entry[2], user_handle)

    def uninstall_all_visa_handlers(self, session: VISASession | None) -> None:
        """Uninstalls all previously installed handlers for a particular session.

        Parameters
        ----------
        session : VISASession | None
            Unique logical identifier to a session. If None, operates on all sessions.

        """
        with self._handlers_lock:
            if session is None:
                removed = list(self.handlers.items())
                self.handlers.clear()
            else:
                removed = [(session, self.handlers.pop(session, []))]
        for sess, entries in removed:
            for _handler, user_handle, converted_handler, event_type in entries:
                self.uninstall_handler(sess, event_type, converted_handler, user_handle)

    def get_buffer_from_id(self, job_id: VISAJobID) -> SupportsBytes | None:
        """Retrieve the buffer associated with a job id created in read_asynchronously.

        Parameters
        ----------
        job_id : VISAJobID
            Id of the job for which to retrieve the buffer.

        Returns
        -------
        SupportsBytes | None
            Buffer in which the data are stored or None if the job id is not associated
            with any job.

        """
        raise self._not_implemented("get_buffer_from_id")

    # --- resource names (implemented in pure Python, backends rarely override) --------

    def parse_resource(
        self, session: VISARMSession, resource_name: str
    ) -> tuple[ResourceInfo, StatusCode]:
        """Parse a resource string to get the interface information.

        Corresponds to viParseRsrc function of the VISA library.

        Parameters
        ----------
        session : VISARMSession
            Resource Manager session (should always be the Default Resource Manager for
            VISA returned from open_default_resource_manager()).
        resource_name : str
            Unique symbolic name of a resource.

        Returns
        -------
        ResourceInfo
            Resource information with interface type and board number.
        StatusCode
            Return value of the library call.

        """
        info, status = VisaLibraryBase.parse_resource_extended(self, session, resource_name)
        return ResourceInfo(
            info.interface_type, info.interface_board_number, None, None, None
        ), status

    def parse_resource_extended(
        self, session: VISARMSession, resource_name: str
    ) -> tuple[ResourceInfo, StatusCode]:
        """Parse a resource string to get extended interface information.

        Corresponds to viParseRsrcEx function of the VISA library. The base
        implementation parses the name in Python; it does not resolve aliases.

        Parameters
        ----------
        session : VISARMSession
            Resource Manager session (should always be the Default Resource Manager for
            VISA returned from open_default_resource_manager()).
        resource_name : str
            Unique symbolic name of a resource.

        Returns
        -------
        ResourceInfo
            Resource information with interface type and board number.
        StatusCode
            Return value of the library call.

        """
        try:
            return rname.parse_resource_info(resource_name), StatusCode.success
        except ValueError:
            return (
                ResourceInfo(InterfaceType.unknown, 0, None, None, None),
                StatusCode.error_invalid_resource_name,
            )

    # --- level 2: resource manager and sessions -----------------------------------------

    def open_default_resource_manager(self) -> tuple[VISARMSession, StatusCode]:
        """This function returns a session to the Default Resource Manager resource.

        Corresponds to viOpenDefaultRM function of the VISA library.

        Returns
        -------
        VISARMSession
            Unique logical identifier to a Default Resource Manager session.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("open_default_resource_manager")

    def list_resources(self, session: VISARMSession, query: str = "?*::INSTR") -> tuple[str, ...]:
        """Return a tuple of all connected devices matching query.

        Parameters
        ----------
        session : VISARMSession
            Unique logical identifier to the resource manager session.
        query : str, optional
            Regular expression used to match devices.

        Returns
        -------
        tuple[str, ...]
            Resource names of all the connected devices matching the query.

        """
        raise self._not_implemented("list_resources")

    def open(
        self,
        session: VISARMSession,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[VISASession, StatusCode]:
        """Opens a session to the specified resource.

        Corresponds to viOpen function of the VISA library.

        Parameters
        ----------
        session : VISARMSession
            Resource Manager session (should always be a session returned from
            open_default_resource_manager()).
        resource_name : str
            Unique symbolic name of a resource.
        access_mode : constants.AccessModes, optional
            Specifies the mode by which the resource is to be accessed.
        open_timeout : int, optional
            If the ``access_mode`` parameter requests a lock, then this parameter
            specifies the absolute time period (in milliseconds) that the resource
            waits to get unlocked before this operation returns an error.

        Returns
        -------
        VISASession
            Unique logical identifier reference to a session.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("open")

    def close(self, session: VISASession | VISAEventContext | VISARMSession) -> StatusCode:
        """Closes the specified session, event, or find list.

        Corresponds to viClose function of the VISA library.

        Parameters
        ----------
        session : VISASession | VISAEventContext | VISARMSession
            Unique logical identifier to a session, event, resource manager.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("close")

    def get_attribute(
        self,
        session: VISASession | VISAEventContext | VISARMSession,
        attribute: ResourceAttribute | EventAttribute,
    ) -> tuple[Any, StatusCode]:
        """Retrieves the state of an attribute.

        Corresponds to viGetAttribute function of the VISA library.

        Parameters
        ----------
        session : VISASession | VISAEventContext | VISARMSession
            Unique logical identifier to a session, event, or find list.
        attribute : constants.ResourceAttribute | constants.EventAttribute
            Resource or event attribute for which the state query is made.

        Returns
        -------
        Any
            State of the queried attribute for a specified resource.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("get_attribute")

    def set_attribute(
        self, session: VISASession, attribute: ResourceAttribute, attribute_state: Any
    ) -> StatusCode:
        """Set the state of an attribute.

        Corresponds to viSetAttribute function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        attribute : constants.ResourceAttribute
            Attribute for which the state is to be modified.
        attribute_state : Any
            The state of the attribute to be set for the specified object.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("set_attribute")

    def status_description(
        self, session: VISASession, status: StatusCode
    ) -> tuple[str, StatusCode]:
        """Return a user-readable description of the status code passed to the operation.

        Corresponds to viStatusDesc function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        status : StatusCode
            Status code to interpret.

        Returns
        -------
        str
            User-readable string interpretation of the status code.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("status_description")

    def lock(
        self,
        session: VISASession,
        lock_type: Lock,
        timeout: int,
        requested_key: str | None = None,
    ) -> tuple[str | None, StatusCode]:
        """Establishes an access mode to the specified resources.

        Corresponds to viLock function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        lock_type : constants.Lock
            Specifies the type of lock requested.
        timeout : int
            Absolute time period (in milliseconds) that a resource waits to get
            unlocked by the locking session before returning an error.
        requested_key : str | None, optional
            Requested locking key in the case of a shared lock. For an exclusive lock it
            should be None.

        Returns
        -------
        str | None
            Key that can then be passed to other sessions to share the lock, or None
            for an exclusive lock.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("lock")

    def unlock(self, session: VISASession) -> StatusCode:
        """Relinquish a lock for the specified resource.

        Corresponds to viUnlock function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("unlock")

    def terminate(self, session: VISASession, degree: None, job_id: VISAJobID) -> StatusCode:
        """Request a VISA session to terminate normal execution of an operation.

        Corresponds to viTerminate function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        degree : None
            Not used in this version of the VISA specification.
        job_id : VISAJobID
            Specifies an operation identifier. If a user passes None as the job_id
            value to viTerminate(), a VISA implementation should abort any calls in the
            current process executing on the specified vi. Any call that is terminated
            this way should return VI_ERROR_ABORT.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("terminate")

    # --- level 2: events ----------------------------------------------------------------

    def enable_event(
        self,
        session: VISASession,
        event_type: EventType,
        mechanism: EventMechanism,
        context: None = None,
    ) -> StatusCode:
        """Enable event occurrences for specified event types and mechanisms in a session.

        Corresponds to viEnableEvent function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        mechanism : constants.EventMechanism
            Specifies event handling mechanisms to be enabled.
        context : None, optional
            Unused parameter.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("enable_event")

    def disable_event(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        """Disable notification for an event type(s) via the specified mechanism(s).

        Corresponds to viDisableEvent function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Event type.
        mechanism : constants.EventMechanism
            Event handling mechanisms to be disabled.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("disable_event")

    def discard_events(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        """Discard event occurrences for a given type and mechanisms in a session.

        Corresponds to viDiscardEvents function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        mechanism : constants.EventMechanism
            Specifies event handling mechanisms to be discarded.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("discard_events")

    def wait_on_event(
        self, session: VISASession, in_event_type: EventType, timeout: int
    ) -> tuple[EventType, VISAEventContext, StatusCode]:
        """Wait for an occurrence of the specified event for a given session.

        Corresponds to viWaitOnEvent function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        in_event_type : constants.EventType
            Logical identifier of the event(s) to wait for.
        timeout : int
            Absolute time period in time units that the resource shall wait for a
            specified event to occur before returning the time elapsed error. The time
            unit is in milliseconds.

        Returns
        -------
        constants.EventType
            Logical identifier of the event actually received.
        VISAEventContext
            A handle specifying the unique occurrence of an event.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("wait_on_event")

    def install_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any,
    ) -> tuple[VISAHandler, Any, Any, StatusCode]:
        """Install handlers for event callbacks.

        Corresponds to viInstallHandler function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Reference to a handler to be installed by a client application.
        user_handle : Any
            Value specified by an application that can be used for identifying handlers
            uniquely for an event type.

        Returns
        -------
        handler : VISAHandler
            Handler to be installed by a client application.
        Any
            Converted user handle to match the underlying library. This version of the
            handle should be used in further call to the library.
        converted_handler
            Converted version of the handler satisfying to backend library.
        status_code : StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("install_handler")

    def uninstall_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any = None,
    ) -> StatusCode:
        """Uninstall handlers for events.

        Corresponds to viUninstallHandler function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        event_type : constants.EventType
            Logical event identifier.
        handler : VISAHandler
            Handler to be uninstalled by a client application.
        user_handle : Any, optional
            A value specified by an application that can be used for identifying
            handlers uniquely in a session for an event. The modified value of the
            user_handle as returned by install_handler should be used instead of the
            original value.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("uninstall_handler")

    # --- level 2: basic and formatted I/O -----------------------------------------------

    def read_into(
        self, session: VISASession, buffer: bytearray | memoryview
    ) -> tuple[int, StatusCode]:
        """Read data synchronously into a writable buffer.

        Not a VISA function of its own: ``viRead`` into caller memory. The base
        implementation calls :meth:`read` and copies; backends that declare
        :attr:`reads_into_buffers` read in place.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        buffer : bytearray | memoryview
            Writable contiguous buffer; at most ``len(buffer)`` bytes are read into its start.

        Returns
        -------
        int
            Number of bytes read.
        StatusCode
            Return value of the library call.

        """
        data, status = self.read(session, len(buffer))
        count = len(data)
        buffer[:count] = data
        return count, status

    def read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        """Reads data from device or interface synchronously.

        Corresponds to viRead function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        count : int
            Number of bytes to be read.

        Returns
        -------
        bytes
            Data read.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("read")

    def write(
        self, session: VISASession, data: bytes | bytearray | memoryview
    ) -> tuple[int, StatusCode]:
        """Write data to device or interface synchronously.

        Corresponds to viWrite function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        data : bytes
            Data to be written.

        Returns
        -------
        int
            Number of bytes actually transferred.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("write")

    def read_asynchronously(
        self, session: VISASession, count: int
    ) -> tuple[SupportsBytes, VISAJobID, StatusCode]:
        """Reads data from device or interface asynchronously.

        Corresponds to viReadAsync function of the VISA library. Since the asynchronous
        operation may complete before the function call returns, implementations should
        make sure that :meth:`get_buffer_from_id` is able to return the proper buffer
        before this method returns.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        count : int
            Number of bytes to be read.

        Returns
        -------
        SupportsBytes
            Buffer that will be filled during the asynchronous operation.
        VISAJobID
            Id of the asynchronous job.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("read_asynchronously")

    def write_asynchronously(
        self, session: VISASession, data: bytes | bytearray | memoryview
    ) -> tuple[VISAJobID, StatusCode]:
        """Write data to device or interface asynchronously.

        Corresponds to viWriteAsync function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        data : bytes
            Data to be written.

        Returns
        -------
        VISAJobID
            Job ID of this asynchronous write operation.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("write_asynchronously")

    def read_to_file(
        self, session: VISASession, filename: str, count: int
    ) -> tuple[int, StatusCode]:
        """Read data synchronously, and store the transferred data in a file.

        Corresponds to viReadToFile function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        filename : str
            Name of file to which data will be written.
        count : int
            Number of bytes to be read.

        Returns
        -------
        int
            Number of bytes actually transferred.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("read_to_file")

    def write_from_file(
        self, session: VISASession, filename: str, count: int
    ) -> tuple[int, StatusCode]:
        """Take data from a file and write it out synchronously.

        Corresponds to viWriteFromFile function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        filename : str
            Name of file from which data will be read.
        count : int
            Number of bytes to be written.

        Returns
        -------
        int
            Number of bytes actually transferred.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("write_from_file")

    def buffer_read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        """Reads data through the use of a formatted I/O read buffer.

        The data can be read from a device or an interface.

        Corresponds to viBufRead function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        count : int
            Number of bytes to be read.

        Returns
        -------
        bytes
            Data read.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("buffer_read")

    def buffer_write(
        self, session: VISASession, data: bytes | bytearray | memoryview
    ) -> tuple[int, StatusCode]:
        """Writes data to a formatted I/O write buffer synchronously.

        Corresponds to viBufWrite function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        data : bytes
            Data to be written.

        Returns
        -------
        int
            Number of written bytes.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("buffer_write")

    def set_buffer(self, session: VISASession, mask: BufferType, size: int) -> StatusCode:
        """Set the size for the formatted I/O and/or low-level I/O communication buffer(s).

        Corresponds to viSetBuf function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mask : constants.BufferType
            Specifies the type of buffer.
        size : int
            The size to be set for the specified buffer(s).

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("set_buffer")

    def flush(self, session: VISASession, mask: BufferOperation) -> StatusCode:
        """Flush the specified buffers.

        The buffers can be associated with formatted I/O operations and/or serial
        communication.

        Corresponds to viFlush function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mask : constants.BufferOperation
            Specifies the action to be taken with flushing the buffer. The values can be
            combined using the | operator. However multiple operations on a single
            buffer cannot be combined.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("flush")

    def clear(self, session: VISASession) -> StatusCode:
        """Clears a device.

        Corresponds to viClear function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("clear")

    def read_stb(self, session: VISASession) -> tuple[int, StatusCode]:
        """Reads a status byte of the service request.

        Corresponds to viReadSTB function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.

        Returns
        -------
        int
            Service request status byte.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("read_stb")

    def assert_trigger(self, session: VISASession, protocol: TriggerProtocol) -> StatusCode:
        """Assert software or hardware trigger.

        Corresponds to viAssertTrigger function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        protocol : constants.TriggerProtocol
            Trigger protocol to use during assertion.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("assert_trigger")

    # --- level 2: interface specific operations -----------------------------------------

    def gpib_command(
        self, session: VISASession, data: bytes | bytearray | memoryview
    ) -> tuple[int, StatusCode]:
        """Write GPIB command bytes on the bus.

        Corresponds to viGpibCommand function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        data : bytes
            Data to write.

        Returns
        -------
        int
            Number of written bytes.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("gpib_command")

    def gpib_control_atn(self, session: VISASession, mode: ATNLineOperation) -> StatusCode:
        """Specifies the state of the ATN line and the local active controller state.

        Corresponds to viGpibControlATN function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mode : constants.ATNLineOperation
            State of the ATN line and optionally the local active controller state.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("gpib_control_atn")

    def gpib_control_ren(self, session: VISASession, mode: RENLineOperation) -> StatusCode:
        """Controls the state of the GPIB Remote Enable (REN) interface line.

        Optionally the remote/local state of the device can also be set.

        Corresponds to viGpibControlREN function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mode : constants.RENLineOperation
            State of the REN line and optionally the device remote/local state.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("gpib_control_ren")

    def gpib_pass_control(
        self, session: VISASession, primary_address: int, secondary_address: int
    ) -> StatusCode:
        """Tell a GPIB device to become controller in charge (CIC).

        Corresponds to viGpibPassControl function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        primary_address : int
            Primary address of the GPIB device to which you want to pass control.
        secondary_address : int
            Secondary address of the targeted GPIB device. If the targeted device does
            not have a secondary address, this parameter should contain the value
            Constants.VI_NO_SEC_ADDR.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("gpib_pass_control")

    def gpib_send_ifc(self, session: VISASession) -> StatusCode:
        """Pulse the interface clear line (IFC) for at least 100 microseconds.

        Corresponds to viGpibSendIFC function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("gpib_send_ifc")

    def assert_interrupt_signal(
        self, session: VISASession, mode: AssertSignalInterrupt, status_id: int
    ) -> StatusCode:
        """Asserts the specified interrupt or signal.

        Corresponds to viAssertIntrSignal function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mode : constants.AssertSignalInterrupt
            How to assert the interrupt.
        status_id : int
            Status value to be presented during an interrupt acknowledge cycle.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("assert_interrupt_signal")

    def assert_utility_signal(self, session: VISASession, line: UtilityBusSignal) -> StatusCode:
        """Assert or deassert the specified utility bus signal.

        Corresponds to viAssertUtilSignal function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        line : constants.UtilityBusSignal
            Specifies the utility bus signal to assert.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("assert_utility_signal")

    def map_trigger(
        self,
        session: VISASession,
        trigger_source: InputTriggerLine,
        trigger_destination: OutputTriggerLine,
        mode: None = None,
    ) -> StatusCode:
        """Map the specified trigger source line to the specified destination line.

        Corresponds to viMapTrigger function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        trigger_source : constants.InputTriggerLine
            Source line from which to map.
        trigger_destination : constants.OutputTriggerLine
            Destination line to which to map.
        mode : None, optional
            Always None for this version of the VISA specification.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("map_trigger")

    def unmap_trigger(
        self,
        session: VISASession,
        trigger_source: InputTriggerLine,
        trigger_destination: OutputTriggerLine,
    ) -> StatusCode:
        """Undo a previous map between a trigger source line and a destination line.

        Corresponds to viUnmapTrigger function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        trigger_source : constants.InputTriggerLine
            Source line used in previous map.
        trigger_destination : constants.OutputTriggerLine
            Destination line used in previous map.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("unmap_trigger")

    def usb_control_in(
        self,
        session: VISASession,
        request_type_bitmap_field: int,
        request_id: int,
        request_value: int,
        index: int,
        length: int = 0,
    ) -> tuple[bytes, StatusCode]:
        """Perform a USB control pipe transfer from the device.

        Corresponds to viUsbControlIn function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        request_type_bitmap_field : int
            bmRequestType parameter of the setup stage of a USB control transfer.
        request_id : int
            bRequest parameter of the setup stage of a USB control transfer.
        request_value : int
            wValue parameter of the setup stage of a USB control transfer.
        index : int
            wIndex parameter of the setup stage of a USB control transfer. This is
            usually the index of the interface or endpoint.
        length : int, optional
            wLength parameter of the setup stage of a USB control transfer. This value
            also specifies the size of the data buffer to receive the data from the
            optional data stage of the control transfer.

        Returns
        -------
        bytes
            The data buffer that receives the data from the optional data stage of the
            control transfer.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("usb_control_in")

    def usb_control_out(
        self,
        session: VISASession,
        request_type_bitmap_field: int,
        request_id: int,
        request_value: int,
        index: int,
        data: bytes | bytearray | memoryview = b"",
    ) -> StatusCode:
        """Perform a USB control pipe transfer to the device.

        Corresponds to viUsbControlOut function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        request_type_bitmap_field : int
            bmRequestType parameter of the setup stage of a USB control transfer.
        request_id : int
            bRequest parameter of the setup stage of a USB control transfer.
        request_value : int
            wValue parameter of the setup stage of a USB control transfer.
        index : int
            wIndex parameter of the setup stage of a USB control transfer. This is
            usually the index of the interface or endpoint.
        data : bytes, optional
            The data buffer that sends the data in the optional data stage of the
            control transfer.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("usb_control_out")

    def vxi_command_query(
        self, session: VISASession, mode: VXICommands, command: int
    ) -> tuple[int, StatusCode]:
        """Send the device a miscellaneous command or query and/or retrieves the response.

        Corresponds to viVxiCommandQuery function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        mode : constants.VXICommands
            Specifies whether to issue a command and/or retrieve a response.
        command : int
            The miscellaneous command to send.

        Returns
        -------
        int
            The response retrieved from the device.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("vxi_command_query")

    # --- level 2: memory mapping and allocation -----------------------------------------

    def map_address(
        self,
        session: VISASession,
        map_space: AddressSpace,
        map_base: int,
        map_size: int,
        access: Literal[False] = False,
        suggested: int | None = None,
    ) -> tuple[int, StatusCode]:
        """Maps the specified memory space into the process's address space.

        Corresponds to viMapAddress function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        map_space : constants.AddressSpace
            Specifies the address space to map.
        map_base : int
            Offset (in bytes) of the memory to be mapped.
        map_size : int
            Amount of memory to map (in bytes).
        access : False
            Unused parameter.
        suggested : int | None, optional
            If not None, the operating system attempts to map the memory to the address
            specified. There is no guarantee, however, that the memory will be mapped
            to that address. This operation may map the memory into an address region
            different from the suggested one.

        Returns
        -------
        int
            Address in your process space where the memory was mapped.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("map_address")

    def unmap_address(self, session: VISASession) -> StatusCode:
        """Unmap memory space previously mapped by map_address().

        Corresponds to viUnmapAddress function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("unmap_address")

    def memory_allocation(
        self, session: VISASession, size: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        """Allocate memory from a resource's memory region.

        Corresponds to viMemAlloc* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        size : int
            Specifies the size of the allocation.
        extended : bool, optional
            Use 64 bits offset independent of the platform.

        Returns
        -------
        int
            Offset of the allocated memory.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("memory_allocation")

    def memory_free(self, session: VISASession, offset: int, extended: bool = False) -> StatusCode:
        """Frees memory previously allocated using the memory_allocation() operation.

        Corresponds to viMemFree* function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        offset : int
            Offset of the memory to free.
        extended : bool, optional
            Use 64 bits offset independent of the platform.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("memory_free")

    def move(
        self,
        session: VISASession,
        source_space: AddressSpace,
        source_offset: int,
        source_width: DataWidth,
        destination_space: AddressSpace,
        destination_offset: int,
        destination_width: DataWidth,
        length: int,
    ) -> StatusCode:
        """Moves a block of data.

        Corresponds to viMove function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        source_space : constants.AddressSpace
            Specifies the address space of the source.
        source_offset : int
            Offset of the starting address or register from which to read.
        source_width : constants.DataWidth
            Specifies the data width of the source.
        destination_space : constants.AddressSpace
            Specifies the address space of the destination.
        destination_offset : int
            Offset of the starting address or register to which to write.
        destination_width : constants.DataWidth
            Specifies the data width of the destination.
        length : int
            Number of elements to transfer, where the data width of the elements to
            transfer is identical to the source data width.

        Returns
        -------
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("move")

    def move_asynchronously(
        self,
        session: VISASession,
        source_space: AddressSpace,
        source_offset: int,
        source_width: DataWidth,
        destination_space: AddressSpace,
        destination_offset: int,
        destination_width: DataWidth,
        length: int,
    ) -> tuple[VISAJobID, StatusCode]:
        """Moves a block of data asynchronously.

        Corresponds to viMoveAsync function of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        source_space : constants.AddressSpace
            Specifies the address space of the source.
        source_offset : int
            Offset of the starting address or register from which to read.
        source_width : constants.DataWidth
            Specifies the data width of the source.
        destination_space : constants.AddressSpace
            Specifies the address space of the destination.
        destination_offset : int
            Offset of the starting address or register to which to write.
        destination_width : constants.DataWidth
            Specifies the data width of the destination.
        length : int
            Number of elements to transfer, where the data width of the elements to
            transfer is identical to the source data width.

        Returns
        -------
        VISAJobID
            Job identifier of this asynchronous move operation.
        StatusCode
            Return value of the library call.

        """
        raise self._not_implemented("move_asynchronously")

    # --- level 2: register access, dispatched on the width ------------------------------

    def read_memory(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        width: WidthSpec,
        extended: bool = False,
    ) -> tuple[int, StatusCode]:
        """Read a value from the specified memory space and offset.

        Corresponds to viIn* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        space : constants.AddressSpace
            Specifies the address space from which to read.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits to read (8, 16, 32 or 64).
        extended : bool, optional
            Use 64 bits offset independent of the platform.

        Returns
        -------
        data : int
            Data read from memory.
        status_code : StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        reader = getattr(self, f"in_{width_in_bits(width)}")
        return cast(tuple[int, StatusCode], reader(session, space, offset, extended))

    def write_memory(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        data: int,
        width: WidthSpec,
        extended: bool = False,
    ) -> StatusCode:
        """Write a value to the specified memory space and offset.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        space : constants.AddressSpace
            Specifies the address space.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        data : int
            Data to write to bus.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits to read.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        writer = getattr(self, f"out_{width_in_bits(width)}")
        return cast(StatusCode, writer(session, space, offset, data, extended))

    def move_in(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        width: WidthSpec,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        """Move a block of data to local memory from the given address space and offset.

        Corresponds to viMoveIn* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        space : constants.AddressSpace
            Address space from which to move the data.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        length : int
            Number of elements to transfer, where the data width of the elements to
            transfer is identical to the source data width.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits to read per element.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        data : list[int]
            Data read from the bus.
        status_code : StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        mover = getattr(self, f"move_in_{width_in_bits(width)}")
        return cast(tuple[list[int], StatusCode], mover(session, space, offset, length, extended))

    def move_out(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        width: WidthSpec,
        extended: bool = False,
    ) -> StatusCode:
        """Move a block of data from local memory to the given address space and offset.

        Corresponds to viMoveOut* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        space : constants.AddressSpace
            Address space into which move the data.
        offset : int
            Offset (in bytes) of the address or register from which to read.
        length : int
            Number of elements to transfer, where the data width of the elements to
            transfer is identical to the source data width.
        data : Iterable[int]
            Data to write to bus.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits per element.
        extended : bool, optional
            Use 64 bits offset independent of the platform, by default False.

        Returns
        -------
        StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        mover = getattr(self, f"move_out_{width_in_bits(width)}")
        return cast(StatusCode, mover(session, space, offset, length, data, extended))

    def peek(
        self, session: VISASession, address: VISAMemoryAddress, width: WidthSpec
    ) -> tuple[int, StatusCode]:
        """Read an 8, 16, 32, or 64-bit value from the specified address.

        Corresponds to viPeek* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        address : VISAMemoryAddress
            Source address to read the value.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits to read.

        Returns
        -------
        data : int
            Data read from bus.
        status_code : StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        peeker = getattr(self, f"peek_{width_in_bits(width)}")
        return cast(tuple[int, StatusCode], peeker(session, address))

    def poke(
        self, session: VISASession, address: VISAMemoryAddress, width: WidthSpec, data: int
    ) -> StatusCode:
        """Writes an 8, 16, 32, or 64-bit value from the specified address.

        Corresponds to viPoke* functions of the VISA library.

        Parameters
        ----------
        session : VISASession
            Unique logical identifier to a session.
        address : VISAMemoryAddress
            Source address to read the value.
        width : Literal[8, 16, 32, 64] | constants.DataWidth
            Number of bits to read.
        data : int
            Data to write to the bus.

        Returns
        -------
        status_code : StatusCode
            Return value of the library call.

        Raises
        ------
        ValueError
            Raised if an invalid width is specified.

        """
        poker = getattr(self, f"poke_{width_in_bits(width)}")
        return cast(StatusCode, poker(session, address, data))

    # --- level 2: register access, one method per width ---------------------------------

    def in_8(
        self, session: VISASession, space: AddressSpace, offset: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        """Read one 8-bit value (``viIn8(Ex)``): :meth:`read_memory` with ``width=8``."""
        raise self._not_implemented("in_8")

    def in_16(
        self, session: VISASession, space: AddressSpace, offset: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        """Read one 16-bit value (``viIn16(Ex)``): :meth:`read_memory` with ``width=16``."""
        raise self._not_implemented("in_16")

    def in_32(
        self, session: VISASession, space: AddressSpace, offset: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        """Read one 32-bit value (``viIn32(Ex)``): :meth:`read_memory` with ``width=32``."""
        raise self._not_implemented("in_32")

    def in_64(
        self, session: VISASession, space: AddressSpace, offset: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        """Read one 64-bit value (``viIn64(Ex)``): :meth:`read_memory` with ``width=64``."""
        raise self._not_implemented("in_64")

    def out_8(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        data: int,
        extended: bool = False,
    ) -> StatusCode:
        """Write one 8-bit value (``viOut8(Ex)``): :meth:`write_memory` with ``width=8``."""
        raise self._not_implemented("out_8")

    def out_16(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        data: int,
        extended: bool = False,
    ) -> StatusCode:
        """Write one 16-bit value (``viOut16(Ex)``): :meth:`write_memory` with ``width=16``."""
        raise self._not_implemented("out_16")

    def out_32(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        data: int,
        extended: bool = False,
    ) -> StatusCode:
        """Write one 32-bit value (``viOut32(Ex)``): :meth:`write_memory` with ``width=32``."""
        raise self._not_implemented("out_32")

    def out_64(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        data: int,
        extended: bool = False,
    ) -> StatusCode:
        """Write one 64-bit value (``viOut64(Ex)``): :meth:`write_memory` with ``width=64``."""
        raise self._not_implemented("out_64")

    def move_in_8(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        """Read consecutive 8-bit values (``viMoveIn8(Ex)``): :meth:`move_in` with ``width=8``."""
        raise self._not_implemented("move_in_8")

    def move_in_16(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        """Read consecutive 16-bit values (``viMoveIn16(Ex)``): :meth:`move_in` with ``width=16``."""
        raise self._not_implemented("move_in_16")

    def move_in_32(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        """Read consecutive 32-bit values (``viMoveIn32(Ex)``): :meth:`move_in` with ``width=32``."""
        raise self._not_implemented("move_in_32")

    def move_in_64(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        """Read consecutive 64-bit values (``viMoveIn64(Ex)``): :meth:`move_in` with ``width=64``."""
        raise self._not_implemented("move_in_64")

    def move_out_8(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Write consecutive 8-bit values (``viMoveOut8(Ex)``): :meth:`move_out` with ``width=8``."""
        raise self._not_implemented("move_out_8")

    def move_out_16(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Write consecutive 16-bit values (``viMoveOut16(Ex)``): :meth:`move_out` with ``width=16``."""
        raise self._not_implemented("move_out_16")

    def move_out_32(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Write consecutive 32-bit values (``viMoveOut32(Ex)``): :meth:`move_out` with ``width=32``."""
        raise self._not_implemented("move_out_32")

    def move_out_64(
        self,
        session: VISASession,
        space: AddressSpace,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        """Write consecutive 64-bit values (``viMoveOut64(Ex)``): :meth:`move_out` with ``width=64``."""
        raise self._not_implemented("move_out_64")

    def peek_8(self, session: VISASession, address: VISAMemoryAddress) -> tuple[int, StatusCode]:
        """Read one 8-bit value at a mapped address (``viPeek8``): :meth:`peek` with ``width=8``."""
        raise self._not_implemented("peek_8")

    def peek_16(self, session: VISASession, address: VISAMemoryAddress) -> tuple[int, StatusCode]:
        """Read one 16-bit value at a mapped address (``viPeek16``): :meth:`peek` with ``width=16``."""
        raise self._not_implemented("peek_16")

    def peek_32(self, session: VISASession, address: VISAMemoryAddress) -> tuple[int, StatusCode]:
        """Read one 32-bit value at a mapped address (``viPeek32``): :meth:`peek` with ``width=32``."""
        raise self._not_implemented("peek_32")

    def peek_64(self, session: VISASession, address: VISAMemoryAddress) -> tuple[int, StatusCode]:
        """Read one 64-bit value at a mapped address (``viPeek64``): :meth:`peek` with ``width=64``."""
        raise self._not_implemented("peek_64")

    def poke_8(self, session: VISASession, address: VISAMemoryAddress, data: int) -> StatusCode:
        """Write one 8-bit value at a mapped address (``viPoke8``): :meth:`poke` with ``width=8``."""
        raise self._not_implemented("poke_8")

    def poke_16(self, session: VISASession, address: VISAMemoryAddress, data: int) -> StatusCode:
        """Write one 16-bit value at a mapped address (``viPoke16``): :meth:`poke` with ``width=16``."""
        raise self._not_implemented("poke_16")

    def poke_32(self, session: VISASession, address: VISAMemoryAddress, data: int) -> StatusCode:
        """Write one 32-bit value at a mapped address (``viPoke32``): :meth:`poke` with ``width=32``."""
        raise self._not_implemented("poke_32")

    def poke_64(self, session: VISASession, address: VISAMemoryAddress, data: int) -> StatusCode:
        """Write one 64-bit value at a mapped address (``viPoke64``): :meth:`poke` with ``width=64``."""
        raise self._not_implemented("poke_64")


#: Type variable bound to the library classes (a library class method returning its class).
T = TypeVar("T", bound=VisaLibraryBase)


def _safe_equal(left: Any, right: Any) -> bool:
    """Equality that tolerates objects whose == does not return a bool."""
    try:
        return bool(left == right)
    except Exception:
        return False


# --- closing sessions ------------------------------------------------------------------------


def close_and_forget(visalib: VisaLibraryBase, session: Any) -> StatusCode:
    """Close a session, then forget its frontend state whatever ``close`` did.

    The one way the frontend closes a session (manager, resource, event context):
    backends override :meth:`~pyvisa.highlevel.VisaLibraryBase.close` without calling the base class, so
    the state the contract keeps per session (last status, handlers) is dropped here.

    Returns
    -------
    StatusCode
        What ``visalib.close`` returned.

    """
    try:
        return visalib.close(session)
    finally:
        visalib._session_closed(session)


def close_quietly(
    visalib: VisaLibraryBase,
    session: Any,
    what: str,
    before: Callable[[], object] | None = None,
) -> None:
    """Close a forgotten session from a finalizer: never raises, warns or prints.

    Runs at garbage collection or interpreter exit, when the library may be partly torn
    down: failures are logged at DEBUG level and swallowed, and the warnings the library
    issues by default are ignored for the session.

    Parameters
    ----------
    visalib : VisaLibraryBase
        Library the session belongs to.
    session : Any
        Session (or event context) to close.
    what : str
        Description of the session for the log (a resource name...).
    before : Callable[[], object] | None, optional
        Called first (e.g. to switch the session's events off); its failure does not
        prevent the close.

    """
    try:
        logger.debug("%s - closing forgotten session %s", what, session)
        with visalib.ignore_warning(session, *visalib.issue_warning_on):
            try:
                if before is not None:
                    before()
            finally:
                close_and_forget(visalib, session)
    except Exception as exc:  # noqa: BLE001 - nothing may escape a finalizer
        with contextlib.suppress(Exception):
            logger.debug("%s - closing forgotten session %s failed: %r", what, session, exc)
