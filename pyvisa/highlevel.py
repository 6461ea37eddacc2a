"""The frontend: backend resolution and the :class:`ResourceManager`.

- Backend resolution turns a specification (``"<argument>@<backend>"``, the
  ``PYVISA_LIBRARY`` environment variable, the default) into a library object:
  :func:`open_visa_library`, :func:`get_wrapper_class`, :func:`list_backends`. The
  built-in ``ivi`` backend is one row of the backend table; the others are found through
  the ``pyvisa.backends`` entry-point group and the ``pyvisa_<name>`` module convention.
- :class:`ResourceManager`, the object users create to list and open resources.

The backend contract, :class:`VisaLibraryBase`, lives in :mod:`pyvisa.backend`; it is
re-exported here, where PyVISA defines it, as is :class:`~pyvisa.highlevel.ResourceInfo`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.machinery
import importlib.util
import os
import re
import sys
import threading
import warnings
import weakref
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast, overload

from . import constants, errors
from ._libarch import LibraryPath
from ._logging import logger
from .backend import T, VisaLibraryBase, close_and_forget, close_quietly
from .constants import AccessModes, InterfaceType, StatusCode
from .resources.resource import Resource
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

_R = TypeVar("_R", bound="Resource")

# Names PyVISA 1.16.2 makes importable from this module besides its own.
__all__ = [
    "DebugInfo",
    "LibraryPath",
    "PyVISAModule",
    "ResourceInfo",
    "ResourceManager",
    "T",
    "VISAEventContext",
    "VISAHandler",
    "VISAJobID",
    "VISAMemoryAddress",
    "VisaLibraryBase",
    "get_wrapper_class",
    "list_backends",
    "open_visa_library",
]


# === backend resolution =================================================================


class PyVISAModule(ModuleType):
    """Type of a backend module (``pyvisa_<name>``): it provides the library class.

    Only used for typing: :func:`get_wrapper_class` looks up ``WRAPPER_CLASS`` on the
    imported module.

    """

    #: The VisaLibraryBase subclass implementing the backend.
    WRAPPER_CLASS: type[VisaLibraryBase]


#: Backend names are module suffixes: letters, digits, "_" and "-".
_BACKEND_NAME = re.compile(r"[A-Za-z0-9_\-]+")

#: Characters that cannot occur in a backend name but do in paths.
_PATH_SEPARATORS = frozenset({"/", os.sep, os.altsep or "/"})

#: Cache of :func:`get_wrapper_class`: backend name -> library class. Clearing it
#: forces a fresh lookup.
_WRAPPERS: dict[str, type[VisaLibraryBase]] = {}
_wrapper_lock = threading.Lock()


#: The backends shipped with the package: name -> module defining ``WRAPPER_CLASS``.
_BUILTIN_BACKENDS: dict[str, str] = {"ivi": "pyvisa.ctwrapper"}

#: Entry-point group through which installed distributions declare backends. Each entry
#: is named after the backend and points to a module defining ``WRAPPER_CLASS`` or to the
#: library class itself (``sim = "pyvisa_sim"`` or ``mine = "my_pkg.visa:MyLibrary"``).
BACKEND_ENTRY_POINT_GROUP = "pyvisa.backends"


def _backend_entry_points() -> dict[str, Any]:
    """Entry points of the backend group, by backend name (metadata read on each call)."""
    from importlib.metadata import entry_points

    found: dict[str, Any] = {}
    try:
        for entry in entry_points(group=BACKEND_ENTRY_POINT_GROUP):
            found.setdefault(entry.name, entry)
    except Exception as exc:  # broken metadata of one distribution must not hide the others
        logger.debug("Could not read the %s entry points: %s", BACKEND_ENTRY_POINT_GROUP, exc)
    return found


def list_backends() -> list[str]:
    """Return the names of the available backends.

    Returns
    -------
    list[str]
        ``"ivi"`` (the built-in ctypes backend) followed by the name of every installed
        ``pyvisa_<name>`` module or package and of every backend declared in the
        ``pyvisa.backends`` entry-point group.

    """
    import pkgutil  # only to list the backends: not at import

    names = list(_BUILTIN_BACKENDS)
    for module in pkgutil.iter_modules(_backend_search_path()):
        if module.name.startswith(("pyvisa_", "pyvisa-")):
            name = module.name[7:]
            if name and name not in names:
                names.append(name)
    for name in _backend_entry_points():
        if name not in names:
            names.append(name)
    return names


def _working_directory() -> str | None:
    """Real path of the current working directory (None if it is gone)."""
    try:
        return os.path.realpath(os.getcwd())
    except OSError:
        return None


def _backend_search_path() -> list[str]:
    """``sys.path`` without the entries that stand for the current working directory.

    Backends are found on the import path, but never in the folder the program happens to
    run in (``""`` or the working directory itself, as ``python -m`` adds it): a stray
    ``pyvisa_*.py`` file there must not be imported by ``pyvisa-info`` or a script.
    """
    cwd = _working_directory()
    return [
        entry for entry in sys.path if entry and (cwd is None or os.path.realpath(entry) != cwd)
    ]


def _import_outside_cwd(name: str) -> ModuleType | None:
    """Import the top-level module ``name``, never from the current working directory.

    A module the import system finds elsewhere (on ``sys.path`` or through another finder,
    such as that of an editable install) is imported as usual; one it finds in the working
    directory is looked up again on :func:`_backend_search_path` and loaded from there.
    None when there is no such module outside the working directory.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is not None and not _in_working_directory(spec):
        return importlib.import_module(name)
    spec = importlib.machinery.PathFinder.find_spec(name, _backend_search_path())
    return None if spec is None else _load(name, spec)


def _in_working_directory(spec: importlib.machinery.ModuleSpec) -> bool:
    """True when the top-level module ``spec`` describes lies in the working directory."""
    if spec.submodule_search_locations is not None:
        places = list(spec.submodule_search_locations)  # the folder(s) of a package
    elif spec.has_location and spec.origin:
        places = [spec.origin]  # the file of a module
    else:
        return False  # built-in or frozen
    cwd = _working_directory()
    return any(os.path.realpath(os.path.dirname(place)) == cwd for place in places)


def _load(name: str, spec: importlib.machinery.ModuleSpec) -> ModuleType:
    """Create, register in ``sys.modules`` and execute the module ``spec`` describes."""
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        assert spec.loader is not None
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _import_backend_module(backend_name: str) -> ModuleType | type[VisaLibraryBase]:
    """Import what provides a backend: a module with ``WRAPPER_CLASS``, or the class.

    Looked up in turn: the built-in table, the ``pyvisa_<name>`` module convention (a
    module may really be named with "-", importable through importlib only: that name is
    tried first) and the ``pyvisa.backends`` entry points.

    Raises
    ------
    errors.BackendNotFound
        Raised (a ValueError) when nothing provides the backend, or when its module is
        there but one of its dependencies is missing.

    """
    builtin = _BUILTIN_BACKENDS.get(backend_name)
    if builtin is not None:
        try:
            return importlib.import_module(builtin)
        except ImportError as exc:
            raise errors.BackendNotFound(
                f"The built-in {backend_name!r} backend ({builtin}) could not be imported: {exc}"
            ) from exc
    module_name = "pyvisa_" + backend_name.replace("-", "_")
    for name in dict.fromkeys(("pyvisa_" + backend_name, module_name)):
        try:
            module = _import_outside_cwd(name)
        except ModuleNotFoundError as exc:
            raise errors.BackendNotFound(
                f"The backend module {name} could not be imported because one of its "
                f"dependencies is missing: {exc}"
            ) from exc
        if module is not None:
            return module
    entry = _backend_entry_points().get(backend_name)
    if entry is not None:
        loaded: ModuleType | type[VisaLibraryBase] = entry.load()
        return loaded
    raise errors.BackendNotFound(
        f"Wrapper not found: No package named {module_name}. Install the backend "
        f"(e.g. 'pip install pyvisa-{backend_name}') or choose one of the available "
        f"backends: {', '.join(list_backends())}"
    )


def get_wrapper_class(backend_name: str) -> type[VisaLibraryBase]:
    """Return the WRAPPER_CLASS for a given backend.

    Parameters
    ----------
    backend_name : str
        Name of the backend: ``"ivi"`` for the built-in ctypes wrapper, otherwise the
        suffix of the ``pyvisa_<backend_name>`` module providing it or the name of an
        entry point of the ``pyvisa.backends`` group (:data:`BACKEND_ENTRY_POINT_GROUP`).

    Returns
    -------
    type[VisaLibraryBase]
        Class implementing the backend.

    Raises
    ------
    ValueError
        Raised if the name is not valid, the backend is not installed or it does not
        provide a ``WRAPPER_CLASS``.

    """
    try:
        return _WRAPPERS[backend_name]
    except (KeyError, TypeError):
        pass
    if not isinstance(backend_name, str) or not _BACKEND_NAME.fullmatch(backend_name):
        raise errors.InvalidArgument(
            f"{backend_name!r} is not a valid backend name: expected letters, digits, "
            "'_' or '-' (e.g. 'ivi', 'py', 'sim')"
        )
    with _wrapper_lock:
        provider = _import_backend_module(backend_name)
        wrapper = (
            provider if isinstance(provider, type) else getattr(provider, "WRAPPER_CLASS", None)
        )
        if not (isinstance(wrapper, type) and issubclass(wrapper, VisaLibraryBase)):
            raise errors.BackendNotFound(
                f"The backend module {provider.__name__} does not define WRAPPER_CLASS as a "
                "subclass of pyvisa.highlevel.VisaLibraryBase"
            )
        _WRAPPERS[backend_name] = wrapper
    return wrapper


def _get_default_wrapper() -> str:
    """Name of the backend to use when none is given.

    Returns
    -------
    str
        ``"ivi"`` if an IVI VISA library is found on the system, else ``"py"`` if the
        pyvisa-py backend is installed.

    Raises
    ------
    ValueError
        Raised if neither is available.

    """
    try:
        ivi_paths = get_wrapper_class("ivi").get_library_paths()
    except ValueError:
        ivi_paths = ()
    if ivi_paths:
        logger.debug("The IVI implementation available")
        return "ivi"
    logger.debug("Did not find IVI binary")
    try:
        get_wrapper_class("py")
    except ValueError:
        logger.debug("Did not find pyvisa-py package")
        raise errors.BackendNotFound(
            "Could not locate a VISA implementation. Install either the IVI binary or pyvisa-py."
        ) from None
    logger.debug("pyvisa-py is available.")
    return "py"


def _split_specification(specification: str) -> tuple[str, str]:
    """Split ``"<argument>@<backend>"`` on its last "@".

    Without "@", or when the text after the last "@" contains a path separator (so it
    cannot be a backend name, e.g. ``/home/me@work/libvisa.so``), the whole
    specification is the path of a library for the ivi backend.
    """
    argument, sep, backend = specification.rpartition("@")
    if not sep or any(separator in backend for separator in _PATH_SEPARATORS):
        return specification, "ivi"
    if not backend:
        raise errors.InvalidArgument(
            f"No backend name after '@' in the library specification {specification!r}: "
            "expected '<path>@<backend>' or '@<backend>', e.g. '@py'"
        )
    return argument, backend


def open_visa_library(specification: str | os.PathLike[str] = "") -> VisaLibraryBase:
    """Helper function to create a VISA library wrapper.

    In general, you should not use the function directly. The VISA library wrapper will
    be created automatically when you create a ResourceManager object.

    Parameters
    ----------
    specification : str | os.PathLike, optional
        ``"<argument>@<backend>"``: the argument (usually a path) is passed to the
        backend; only the last "@" separates the backend name. Without "@", the whole
        string is the path of a library for the ``ivi`` backend. When empty, the
        ``PYVISA_LIBRARY`` environment variable is used and, if it is not set either,
        the default backend: ``ivi`` when a VISA library is found, else pyvisa-py.

    Returns
    -------
    VisaLibraryBase
        The (cached) library object.

    Raises
    ------
    ValueError
        Raised if the backend is not available or no default backend can be found.
    OSError
        Raised if the backend has to find its library itself (no path given) and none
        of its candidates can be opened, or (as :class:`~pyvisa.errors.LibraryError`) if an
        explicitly given library path cannot be loaded.
    TypeError
        Raised if the specification is neither a string nor a path.

    """
    if isinstance(specification, os.PathLike):
        specification = os.fspath(specification)
    if not isinstance(specification, str):
        raise errors.InvalidArgumentType(
            "The VISA library specification must be a string such as '@py' or "
            f"'/path/to/libvisa.so@ivi', not {type(specification).__name__}"
        )
    if not specification:
        specification = os.environ.get("PYVISA_LIBRARY", "")
        if specification:
            logger.debug("Using the library specification %r of PYVISA_LIBRARY", specification)
    if specification:
        argument, backend = _split_specification(specification)
    else:
        argument, backend = "", _get_default_wrapper()
    wrapper = get_wrapper_class(backend)
    try:
        return wrapper(argument)
    except Exception as exc:
        logger.debug("Could not open VISA wrapper %s with %r: %s", wrapper, argument, exc)
        raise


# === resource manager ===================================================================


#: Per-thread outcome of the last open_bare_resource (read by open_resource).
_open_state = threading.local()


def _close_manager_session(
    visalib: VisaLibraryBase, session: VISARMSession, resources: weakref.WeakSet[Resource]
) -> None:
    """Close a manager session that was never closed explicitly.

    The resources of the manager still open are closed first (closing a resource twice
    does nothing, so those whose own finalizer already ran are skipped). Runs from a
    finalizer (garbage collection or interpreter exit): it must neither raise nor warn.
    """
    for resource in list(resources):
        with contextlib.suppress(Exception):
            resource.close()
    close_quietly(visalib, session, "ResourceManager")


def _has_attribute(resource: Resource, name: str) -> bool:
    """Whether a resource object has an attribute, without requiring an open session."""
    if hasattr(type(resource), name):
        return True
    try:
        getattr(resource, name)
    except AttributeError:
        return False
    except Exception:
        # e.g. InvalidSession: the attribute exists but needs an open session.
        return True
    return True


class ResourceManager:
    """VISA Resource Manager.

    ``ResourceManager(spec)`` opens the library described by ``spec`` (see
    :func:`open_visa_library`) and returns the manager of that library: the one already
    open if there is one, else a new one holding a new resource manager session.

    The manager closes the resources it opened when it is closed (explicitly, as a
    context manager, when it is garbage collected or at interpreter exit).

    Parameters
    ----------
    visa_library : str | os.PathLike | VisaLibraryBase, optional
        Library specification (a path is the path of an IVI VISA library) or library
        object, by default the default library.

    """

    #: Python class to use for each (interface type, resource class): the registry of
    #: :class:`~pyvisa.resources.Resource`, read here.
    _resource_classes: ClassVar[dict[tuple[InterfaceType, str], type[Resource]]] = (
        Resource._resource_classes
    )

    #: Underlying library object.
    visalib: VisaLibraryBase

    _session: VISARMSession | None
    _created_resources: weakref.WeakSet[Resource]
    _finalizer: weakref.finalize[Any, Any]
    _close_lock: threading.Lock

    @classmethod
    def register_resource_class(
        cls,
        interface_type: InterfaceType,
        resource_class: str,
        python_class: type[Resource],
    ) -> None:
        """Register a Python class for a (interface type, resource class) pair.

        The registry belongs to the resources: this is
        :meth:`pyvisa.resources.Resource.register_resource_class`, where the parameters
        and errors are described.
        """
        Resource.register_resource_class(interface_type, resource_class, python_class)

    def __new__(cls, visa_library: str | os.PathLike[str] | VisaLibraryBase = "") -> Self:
        if not isinstance(visa_library, VisaLibraryBase):
            visa_library = open_visa_library(visa_library)
        with visa_library._rm_lock:
            existing = visa_library.resource_manager
            if existing is not None and existing._session is not None:
                logger.debug("Reusing ResourceManager with session %s", existing._session)
                return cast("Self", existing)
            obj = super().__new__(cls)
            session, _ = visa_library.open_default_resource_manager()
            obj.visalib = visa_library
            obj._session = session
            obj._created_resources = weakref.WeakSet()
            obj._close_lock = threading.Lock()
            obj._finalizer = weakref.finalize(
                obj, _close_manager_session, visa_library, session, obj._created_resources
            )
            visa_library.resource_manager = obj
        logger.debug("Created ResourceManager with session %s", session)
        return obj

    @property
    def session(self) -> VISARMSession:
        """Resource Manager session handle.

        Raises
        ------
        errors.InvalidSession
            Raised if the session is closed.

        """
        session = self._session
        if session is None:
            raise errors.InvalidSession()
        return session

    @session.setter
    def session(self, value: VISARMSession | None) -> None:
        self._session = value

    @property
    def last_status(self) -> StatusCode:
        """Last status code returned for an operation with this Resource Manager."""
        return self.visalib.get_last_status_in_session(self.session)

    def __str__(self) -> str:
        return f"Resource Manager of {self.visalib}"

    def __repr__(self) -> str:
        return f"<ResourceManager({self.visalib!r})>"

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def ignore_warning(
        self, *warnings_constants: StatusCode
    ) -> contextlib.AbstractContextManager[None]:
        """Ignoring warnings context manager for the current resource.

        Parameters
        ----------
        warnings_constants : StatusCode
            Constants identifying the warnings to ignore.

        """
        return self.visalib.ignore_warning(self.session, *warnings_constants)

    def close(self) -> None:
        """Close the resource manager session.

        The resources opened through this manager are closed first. Closing an already
        closed manager does nothing.

        """
        with self._close_lock:
            session = self._session
            if session is None:
                return
            logger.debug("Closing ResourceManager (session: %s)", session)
            failures: list[Exception] = []
            for resource in list(self._created_resources):
                try:
                    resource.close()
                except Exception as exc:
                    failures.append(exc)
            self._finalizer.detach()
            self._session = None
            if self.visalib.resource_manager is self:
                self.visalib.resource_manager = None
            close_and_forget(self.visalib, session)
        if failures:
            raise failures[0]

    def list_resources(self, query: str = "?*::INSTR") -> tuple[str, ...]:
        r"""Return a tuple of all connected devices matching query.

        Notes
        -----
        The query uses the VISA Resource Regular Expression syntax - which is not the
        same as the Python regular expression syntax. (see below)

        The VISA Resource Regular Expression syntax is defined in the VISA Library
        specification: http://www.ivifoundation.org/docs/vpp43.pdf

        ========= ====================================================================
        Symbol    Meaning
        ========= ====================================================================
        ?         Matches any one character.
        \         Makes the character that follows it an ordinary character instead
                  of special character. For example, when a question mark follows a
                  backslash (\?), it matches the ? character instead of any one
                  character.
        [list]    Matches any one character from the enclosed list. You can use a
                  hyphen to match a range of characters.
        [^list]   Matches any character not in the enclosed list. You can use a
                  hyphen to match a range of characters.
        \*        Matches 0 or more occurrences of the preceding character or
                  expression.
        \+        Matches 1 or more occurrences of the preceding character or
                  expression.
        Exp|exp   Matches either the preceding or following expression. The or
                  operator | matches the entire expression that precedes or follows
                  it and not just the character that precedes or follows it. For
                  example, VXI|GPIB means (VXI)|(GPIB), not VX(I|G)PIB.
        (exp)     Grouping characters or expressions.
        ========= ====================================================================

        Thus the default query, '?*::INSTR', matches any sequences of characters ending
        ending with '::INSTR'.

        On some platforms, devices that are already open are not returned.

        Parameters
        ----------
        query : str, optional
            VISA Resource Regular Expression, by default '?*::INSTR'.

        Returns
        -------
        tuple[str, ...]
            Resource names of all the connected devices matching the query.

        """
        return self.visalib.list_resources(self.session, query)

    def list_resources_info(self, query: str = "?*::INSTR") -> dict[str, ResourceInfo]:
        """Get extended information about all connected devices matching query.

        For details of the VISA Resource Regular Expression syntax used in query,
        refer to list_resources().

        Parameters
        ----------
        query : str, optional
            VISA Resource Regular Expression, by default '?*::INSTR'.

        Returns
        -------
        dict[str, ResourceInfo]
            Mapping of resource name to ResourceInfo.

        """
        return {
            name: self.resource_info(name, extended=True) for name in self.list_resources(query)
        }

    def list_opened_resources(self) -> list[Resource]:
        """Return a list of all the opened resources.

        Returns
        -------
        list[Resource]
            The resources opened through this manager that are still open.

        """
        with self._close_lock:
            # Snapshot under the lock: open_resource may add to the set from another thread.
            created = list(self._created_resources)
        opened = []
        for resource in created:
            try:
                _ = resource.session
            except errors.InvalidSession:
                continue
            opened.append(resource)
        return opened

    def resource_info(self, resource_name: str, extended: bool = True) -> ResourceInfo:
        """Get the (extended) information of a particular resource.

        When the backend does not implement the parsing, or rejects a name that is a
        valid VISA resource name (e.g. an interface type it does not know), the name is
        parsed in Python (aliases are then not resolved).

        Parameters
        ----------
        resource_name : str
            Unique symbolic name of a resource.
        extended : bool, optional
            Also get extended information (ie. resource_class, resource_name, alias).

        Returns
        -------
        ResourceInfo
            Information about the resource.

        Raises
        ------
        errors.VisaIOError
            Raised if neither the backend nor the Python parser understands the name.

        """
        visalib = self.visalib
        session = self.session
        if extended:
            parse, python_parse = (
                visalib.parse_resource_extended,
                VisaLibraryBase.parse_resource_extended,
            )
        else:
            parse, python_parse = visalib.parse_resource, VisaLibraryBase.parse_resource
        try:
            info, _ = parse(session, resource_name)
        except NotImplementedError:
            info, _ = python_parse(visalib, session, resource_name)
        except errors.VisaIOError:
            info, status = python_parse(visalib, session, resource_name)
            if status < 0:
                raise
        return info

    def open_bare_resource(
        self,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[VISASession, StatusCode]:
        """Open the specified resource without wrapping into a class.

        Parameters
        ----------
        resource_name : str
            Name or alias of the resource to open.
        access_mode : constants.AccessModes, optional
            Specifies the mode by which the resource is to be accessed, by default
            constants.AccessModes.no_lock.
        open_timeout : int, optional
            If the ``access_mode`` parameter requests a lock, then this parameter
            specifies the absolute time period (in milliseconds) that the resource
            waits to get unlocked before this operation returns an error, by default
            constants.VI_TMO_IMMEDIATE.

        Returns
        -------
        VISASession
            Unique logical identifier reference to a session.
        StatusCode
            Return value of the library call.

        Warns
        -----
        errors.VisaIOWarning
            When the backend returns an error status without raising: the warning names
            the resource and the status, and the (unusable) session is returned anyway.

        """
        session, status = self.visalib.open(self.session, resource_name, access_mode, open_timeout)
        if status is not None and status < 0:
            # The backend reported a failure without raising (pyvisa-sim does so for a
            # name its devices file does not define): the session is returned anyway, as
            # PyVISA does, but the mistake is made visible.
            warning = errors.VisaIOWarning(status)
            warning.args = (
                f"Opening {resource_name!r} failed without raising: {warning.args[0]} "
                "The returned session is not usable.",
            )
            warnings.warn(warning, stacklevel=2)
            _open_state.failed = True
        return session, status

    def _resource_class_for(self, resource_name: str) -> tuple[type[Resource], str]:
        """Python class for a resource name, and the canonical name to open it by."""
        info = self.resource_info(resource_name, extended=True)
        return Resource.registered_class(info.interface_type, info.resource_class or ""), (
            info.resource_name or resource_name
        )

    @overload
    def open_resource(
        self,
        resource_name: str,
        access_mode: AccessModes = ...,
        open_timeout: int = ...,
        resource_pyclass: None = None,
        **kwargs: Any,
    ) -> Resource: ...

    @overload
    def open_resource(
        self,
        resource_name: str,
        access_mode: AccessModes,
        open_timeout: int,
        resource_pyclass: type[_R],
        **kwargs: Any,
    ) -> _R: ...

    @overload
    def open_resource(
        self,
        resource_name: str,
        access_mode: AccessModes = ...,
        open_timeout: int = ...,
        *,
        resource_pyclass: type[_R],
        **kwargs: Any,
    ) -> _R: ...

    def open_resource(
        self,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
        resource_pyclass: type[Resource] | None = None,
        **kwargs: Any,
    ) -> Resource:
        """Return an instrument for the resource name.

        Parameters
        ----------
        resource_name : str
            Name or alias of the resource to open.
        access_mode : constants.AccessModes, optional
            Specifies the mode by which the resource is to be accessed, by default
            constants.AccessModes.no_lock.
        open_timeout : int, optional
            If the ``access_mode`` parameter requests a lock, then this parameter
            specifies the absolute time period (in milliseconds) that the resource
            waits to get unlocked before this operation returns an error, by default
            constants.VI_TMO_IMMEDIATE.
        resource_pyclass : type[Resource] | None, optional
            Resource Python class to use to instantiate the Resource. Defaults to None:
            select based on the resource name. The return value is typed as an instance
            of that class.
        kwargs : Any
            Keyword arguments to be used to change instrument attributes after
            construction.

        Returns
        -------
        Resource
            Subclass of Resource matching the resource.

        Raises
        ------
        ValueError
            Raised if a keyword argument is not an attribute of the resource class.

        Warns
        -----
        errors.VisaIOWarning
            When the backend returns an error status from ``open`` without raising (see
            :meth:`open_bare_resource`): the resource is returned and its first
            operation fails.

        Notes
        -----
        A backend whose library object has an ``open_resource`` method takes over:
        ``visalib.open_resource(resource_name, access_mode, open_timeout,
        resource_pyclass, **kwargs)`` is returned (and recorded among the resources the
        manager closes).

        """
        if resource_pyclass is None:
            resource_pyclass, canonical_name = self._resource_class_for(resource_name)
        else:
            canonical_name = resource_name
        visalib = self.visalib
        if hasattr(visalib, "open_resource"):
            # The backend takes over opening (custom resource objects).
            resource = visalib.open_resource(
                resource_name, access_mode, open_timeout, resource_pyclass, **kwargs
            )
            with self._close_lock:
                self._created_resources.add(resource)
            return resource
        resource = resource_pyclass(self, canonical_name)
        for key in kwargs:
            if not _has_attribute(resource, key):
                raise errors.InvalidArgument(
                    f"{key!r} is not a valid attribute for type {type(resource).__name__}"
                )
        # Set to True by open_bare_resource in this thread when the backend returned an
        # error status without raising (the session is unusable, a warning was issued).
        _open_state.failed = False
        resource.open(access_mode, open_timeout)
        failed_open = _open_state.failed
        try:
            for key, value in kwargs.items():
                if failed_open:
                    # As in PyVISA, the attributes of such a session are not applied
                    # and opening does not raise: the first real operation fails.
                    with contextlib.suppress(errors.VisaIOError):
                        setattr(resource, key, value)
                else:
                    setattr(resource, key, value)
            with self._close_lock:
                # The manager may have been closed by another thread meanwhile.
                if self._session is None:
                    raise errors.InvalidSession()
                self._created_resources.add(resource)
        except BaseException:
            resource.close()
            raise
        return resource
