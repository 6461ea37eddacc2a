"""The ``ivi`` backend: :class:`IVIVisaLibrary`, a ctypes wrapper of an IVI VISA library.

The library is the one given by path, else the one named in ``.pyvisarc``
(``[Paths]`` ``VISA library``), else the first one found in the standard
install locations of the operating system (see :func:`find_library_paths`).

"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from .. import constants, errors
from .._libarch import LibraryPath
from .._libheaders import _bitness_text
from .._logging import logger as _pyvisa_logger
from .._version import package_version
from ..backend import VisaLibraryBase
from ..util import DebugInfo, add_user_dll_extra_paths, read_user_library_path
from . import functions, types
from .binding import C_FUNCTIONS, VisaFunctions, bind_library
from .cthelper import Library, find_library
from .handlers import convert_user_handle
from .types import ViHndlr

#: The ``pyvisa`` logger, with the backend name as extra information of the records.
logger = logging.LoggerAdapter(_pyvisa_logger, {"backend": "ivi"})

#: Type variable of :func:`add_visa_methods` (a library class).
T = TypeVar("T", bound=VisaLibraryBase)

__all__ = ["IVIVisaLibrary", "add_visa_methods", "unique"]

#: Symbol every VISA library exports; a library without it is not a VISA library.
_REQUIRED_SYMBOL = "viOpenDefaultRM"


def _multiarch_locations() -> tuple[str, ...]:
    """libvisa.so.7 in the Debian multiarch directory of this interpreter (x86_64-linux-gnu...)."""
    import sysconfig  # only for the search: loading a library by path does not need it

    triplet = sysconfig.get_config_var("MULTIARCH")
    if not triplet:
        triplet = "x86_64-linux-gnu" if types.is_64bit else "i386-linux-gnu"
    return (f"/usr/lib/{triplet}/libvisa.so.7",)


def _linux_locations() -> tuple[str, ...]:
    """The standard Linux locations, in the order they are tried (after .pyvisarc).

    Computed on first use (``sysconfig`` tells the multiarch directory), then kept as the
    module attribute ``_LINUX_LOCATIONS`` (which tests may replace).
    """
    locations: tuple[str, ...] | None = globals().get("_LINUX_LOCATIONS")
    if locations is None:
        locations = (*_multiarch_locations(), *_OTHER_LINUX_LOCATIONS)
        globals()["_LINUX_LOCATIONS"] = locations
    return locations


def __getattr__(name: str) -> Any:
    if name == "_LINUX_LOCATIONS":
        return _linux_locations()
    raise errors.UnknownAttribute(f"module {__name__!r} has no attribute {name!r}")


# Standard locations after the multiarch one (see _linux_locations).
_OTHER_LINUX_LOCATIONS = (
    # IVI / NI-VISA (current and legacy layouts)
    "/usr/lib64/libvisa.so.7",
    "/usr/lib/libvisa.so.7",
    "/usr/local/lib64/libvisa.so.7",
    "/usr/local/lib/libvisa.so.7",
    "/usr/local/vxipnp/linux/lib64/libvisa.so.7",
    "/usr/local/vxipnp/linux/lib/libvisa.so.7",
    "/usr/local/vxipnp/linux/bin/libvisa.so.7",
    "/opt/ni/lib64/libvisa.so.7",
    # Keysight IO Libraries Suite
    "/opt/keysight/iolibs/libktvisa32.so.0",
    "/opt/keysight/iolibs/libvisa.so.7",
    # Rohde & Schwarz VISA
    "/usr/lib/librsvisa.so",
    "/usr/lib64/librsvisa.so",
)
_MACOS_LOCATIONS = (
    "/Library/Frameworks/VISA.framework/VISA",
    "/Library/Frameworks/visa.framework/visa",
    "/Library/Frameworks/RsVisa.framework/RsVisa",
)
_LINUX_NAMES = ("libvisa.so.7", "libvisa.so")


#: Names of the VISA DLL a Windows interpreter of this bitness can load.
_WINDOWS_NAMES = ("visa64", "visa32") if types.is_64bit else ("visa32",)


def _windows_locations() -> list[str]:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
    return [os.path.join(windir, "System32", f"{name}.dll") for name in _WINDOWS_NAMES]


def _loader_path_locations(names: Iterable[str]) -> list[str]:
    """Libraries of the given names in the directories of LD_LIBRARY_PATH/DYLD_LIBRARY_PATH."""
    found: list[str] = []
    for variable in ("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH"):
        for directory in os.environ.get(variable, "").split(os.pathsep):
            if directory:
                found.extend(os.path.join(directory, name) for name in names)
    return found


def _find_library_names() -> list[str]:
    names = _WINDOWS_NAMES if sys.platform == "win32" else ("visa",)
    return [path for path in map(find_library, names) if path]


def find_library_paths(platform: str | None = None) -> tuple[LibraryPath, ...]:
    """Candidate VISA libraries, in the order they should be tried.

    The order is: the library of the ``.pyvisarc`` configuration files
    (found by "user"), the files existing in the standard install locations of
    the platform and in the loader path, then what :func:`ctypes.util.find_library`
    returns (found by "auto"). Duplicates are removed.

    Parameters
    ----------
    platform : str | None, optional
        ``sys.platform`` value whose locations are searched (the current one by default).

    Returns
    -------
    tuple[LibraryPath, ...]
        The candidate libraries.

    """
    platform = sys.platform if platform is None else platform
    candidates: list[LibraryPath] = []
    user_path = read_user_library_path()
    if user_path:
        candidates.append(LibraryPath(user_path, "user"))
    if platform == "win32":
        locations = _windows_locations()
    elif platform == "darwin":
        locations = list(_MACOS_LOCATIONS) + _loader_path_locations(("libvisa.dylib",))
    else:
        locations = list(_linux_locations()) + _loader_path_locations(_LINUX_NAMES)
    candidates.extend(LibraryPath(path, "auto") for path in locations if os.path.isfile(path))
    if platform == sys.platform:
        candidates.extend(LibraryPath(path, "auto") for path in _find_library_names())
    by_file: dict[object, LibraryPath] = {}
    for candidate in candidates:
        by_file.setdefault(_file_identity(candidate), candidate)
    return tuple(by_file.values())


def unique(seq: Iterable[Any]) -> list[Any]:
    """Return the items of ``seq`` without repetitions, in the order of first appearance.

    Parameters
    ----------
    seq : Iterable
        Hashable items.

    Returns
    -------
    list
        The distinct items.

    """
    return list(dict.fromkeys(seq))


def _file_identity(path: str) -> object:
    """Key identifying the file of a path (symbolic/hard links and letter case resolved)."""
    if os.path.sep not in path and not (os.path.altsep and os.path.altsep in path):
        return path  # a bare name, resolved by the loader
    try:
        info = os.stat(path)
    except OSError:
        return os.path.normcase(os.path.realpath(path))
    return (info.st_dev, info.st_ino)


def load_library(path: str) -> ctypes.CDLL:
    """Load a VISA shared library.

    Raises
    ------
    errors.LibraryError
        If the file cannot be loaded (missing, wrong architecture, missing
        dependency) or does not export the VISA functions.

    """
    if sys.platform == "win32":
        add_user_dll_extra_paths()
    try:
        lib = Library(path)
    except OSError as exc:
        raise errors.LibraryError.from_exception(exc, path) from exc
    try:
        lib[_REQUIRED_SYMBOL]
    except AttributeError:
        hint = "The file is a shared library but not a VISA library."
        if sys.platform == "win32":
            hint += (
                " If it is a VISA library, the DLLs it depends on were not found: list their "
                "directories in the dll_extra_paths option of the [Paths] section of .pyvisarc."
            )
        raise errors.LibraryError(
            f"Could not open VISA library {path}: function {_REQUIRED_SYMBOL!r} not found. {hint}",
            path,
        ) from None
    return lib


class _InstalledHandler:
    """A handler installed through viInstallHandler, kept alive until uninstalled."""

    __slots__ = ("converted_handler", "converted_user_handle", "event_type", "handler")

    def __init__(
        self,
        event_type: int,
        handler: Callable[..., Any],
        converted_handler: Any,
        converted_user_handle: Any,
    ) -> None:
        self.event_type = event_type
        self.handler = handler
        self.converted_handler = converted_handler
        self.converted_user_handle = converted_user_handle


class IVIVisaLibrary(VisaLibraryBase):
    """A wrapper of an IVI VISA shared library (NI-VISA, Keysight VISA, R&S VISA...).

    The operations (``read``, ``map_address``...) are the functions of
    :mod:`.functions` (and of :mod:`.handlers` and :mod:`.memory`, re-exported
    there), made methods here one line each; they are documented in
    :class:`~pyvisa.highlevel.VisaLibraryBase`. ``read_into(session, buffer)`` reads into
    a writable buffer without an intermediate copy (:attr:`reads_into_buffers`).

    The C functions of the loaded library, bound once when it is loaded
    (:func:`pyvisa.ctwrapper.binding.bind_library`), are the attributes of :attr:`c` named as in
    ``visa.h`` (``viRead``...) and, as in PyVISA, attributes of the library object
    too (the same objects; the operations call them through :attr:`c`). Each checks its
    integer arguments against their C types, processes its status through
    :meth:`~pyvisa.highlevel.VisaLibraryBase.handle_return_value` and is traced at DEBUG
    level on the ``pyvisa`` logger. A function the library does not export raises
    :class:`~pyvisa.errors.MissingFunctionError` (a :class:`NotImplementedError`)
    naming it when called. The formatted I/O functions (``viPrintf``, ``viScanf``...
    and their ``va_list`` variants) are not exposed.

    """

    #: ``read_into`` reads in place and ``write`` takes any contiguous buffer.
    reads_into_buffers = True

    #: The loaded shared library.
    lib: ctypes.CDLL
    #: The bound C functions of :attr:`lib`, which the operations call.
    c: VisaFunctions

    #: Memory of the asynchronous operations per session: job id -> (buffer, is a read).
    _async_jobs: dict[int, dict[int, tuple[Any, bool]]]
    _async_lock: threading.RLock
    #: Installed C callbacks per session (kept alive while installed).
    _callbacks: dict[int, list[_InstalledHandler]]
    _callbacks_lock: threading.RLock
    #: Sessions opened through each resource manager session (VISA closes them with it).
    _opened_sessions: dict[int, set[int]]
    _session_opener: dict[int, int]

    # --- operations: resource manager, sessions, attributes -------------------------------
    open_default_resource_manager = functions.open_default_resource_manager
    open = functions.open
    close = functions.close
    list_resources = functions.list_resources
    _find_resources = functions._find_resources
    _find_next = functions._find_next
    parse_resource = functions.parse_resource
    parse_resource_extended = functions.parse_resource_extended
    get_attribute = functions.get_attribute
    set_attribute = functions.set_attribute
    status_description = functions.status_description
    terminate = functions.terminate
    lock = functions.lock
    unlock = functions.unlock

    # --- operations: events ---------------------------------------------------------------
    enable_event = functions.enable_event
    disable_event = functions.disable_event
    discard_events = functions.discard_events
    wait_on_event = functions.wait_on_event
    install_handler = functions.install_handler
    uninstall_handler = functions.uninstall_handler

    # --- operations: basic I/O ------------------------------------------------------------
    read = functions.read
    read_into = functions.read_into
    read_asynchronously = functions.read_asynchronously
    get_buffer_from_id = functions.get_buffer_from_id
    write = functions.write
    write_asynchronously = functions.write_asynchronously
    read_to_file = functions.read_to_file
    write_from_file = functions.write_from_file
    assert_trigger = functions.assert_trigger
    read_stb = functions.read_stb
    clear = functions.clear
    set_buffer = functions.set_buffer
    flush = functions.flush
    buffer_write = functions.buffer_write
    buffer_read = functions.buffer_read

    # --- operations: interface specific ---------------------------------------------------
    gpib_control_ren = functions.gpib_control_ren
    gpib_control_atn = functions.gpib_control_atn
    gpib_send_ifc = functions.gpib_send_ifc
    gpib_command = functions.gpib_command
    gpib_pass_control = functions.gpib_pass_control
    vxi_command_query = functions.vxi_command_query
    assert_utility_signal = functions.assert_utility_signal
    assert_interrupt_signal = functions.assert_interrupt_signal
    # PyVISA's contract gives ``mode`` a default; its ivi backend requires it.
    map_trigger = functions.map_trigger  # type: ignore[assignment]
    unmap_trigger = functions.unmap_trigger
    usb_control_out = functions.usb_control_out
    usb_control_in = functions.usb_control_in
    pxi_reserve_triggers = functions.pxi_reserve_triggers

    # --- operations: memory and registers -------------------------------------------------
    in_8 = functions.in_8
    in_16 = functions.in_16
    in_32 = functions.in_32
    in_64 = functions.in_64
    out_8 = functions.out_8
    out_16 = functions.out_16
    out_32 = functions.out_32
    out_64 = functions.out_64
    move_in_8 = functions.move_in_8
    move_in_16 = functions.move_in_16
    move_in_32 = functions.move_in_32
    move_in_64 = functions.move_in_64
    move_out_8 = functions.move_out_8
    move_out_16 = functions.move_out_16
    move_out_32 = functions.move_out_32
    move_out_64 = functions.move_out_64
    move = functions.move
    move_asynchronously = functions.move_asynchronously
    map_address = functions.map_address
    unmap_address = functions.unmap_address
    peek_8 = functions.peek_8
    peek_16 = functions.peek_16
    peek_32 = functions.peek_32
    peek_64 = functions.peek_64
    poke_8 = functions.poke_8
    poke_16 = functions.poke_16
    poke_32 = functions.poke_32
    poke_64 = functions.poke_64
    memory_allocation = functions.memory_allocation
    memory_free = functions.memory_free

    # --- library discovery and loading ----------------------------------------------------

    @staticmethod
    def get_library_paths() -> tuple[LibraryPath, ...]:
        """Return the candidate VISA libraries (see :func:`find_library_paths`)."""
        return find_library_paths()

    @classmethod
    def get_debug_info(cls) -> DebugInfo:
        """Describe each candidate library: how it was found, its bitness, whether it loads."""
        info: dict[str, Any] = {"Version": f"{package_version()} (bundled with PyVISA)"}
        paths = find_library_paths()
        if not paths:
            info["Binary library"] = "Not found"
        for index, path in enumerate(paths, 1):
            details: dict[str, str | list[str]] = {
                "found by": path.found_by,
                "architecture": _bitness_text(path),
            }
            details.update(_describe_library(path))
            info[f"#{index}: {path}"] = details
        return info

    def _init(self) -> None:
        self._async_jobs = {}
        self._async_lock = threading.RLock()
        self._callbacks = {}
        self._callbacks_lock = threading.RLock()
        self._opened_sessions = {}
        self._session_opener = {}
        self.lib = load_library(self.library_path)
        self.c = bind_library(self.lib, self, self.library_path)

    # --- event handlers ----------------------------------------------------------------

    def _keep_handler(
        self,
        session: int,
        event_type: int,
        handler: Callable[..., Any],
        converted_handler: Any,
        converted_user_handle: Any,
    ) -> None:
        entry = _InstalledHandler(event_type, handler, converted_handler, converted_user_handle)
        with self._callbacks_lock:
            self._callbacks.setdefault(int(session), []).append(entry)

    def _find_handler(
        self, session: int, event_type: int, handler: Any, user_handle: Any
    ) -> tuple[Any, Any]:
        """Converted (handler, user handle) to pass to viUninstallHandler.

        ``handler`` is the converted handler or the Python one; ``user_handle`` the
        converted user handle, its Python value, or None (any).
        """
        with self._callbacks_lock:
            entries = [
                e for e in self._callbacks.get(int(session), ()) if e.event_type == event_type
            ]
        if handler is None:  # VI_ANY_HNDLR: the user handle, if given, must be the installed one
            if user_handle is None:
                return None, None
            for entry in entries:
                if _same_user_handle(entry, user_handle):
                    return None, entry.converted_user_handle
        for entry in entries:
            if (entry.converted_handler is handler or entry.handler == handler) and (
                user_handle is None or _same_user_handle(entry, user_handle)
            ):
                return entry.converted_handler, entry.converted_user_handle
        if handler is None or isinstance(handler, ViHndlr):
            # A callback not installed through this library.
            return handler, convert_user_handle(user_handle)
        raise errors.UnknownHandler(event_type, handler, user_handle)

    def _release_handler(
        self, session: int, event_type: int, converted_handler: Any, converted_user_handle: Any
    ) -> None:
        with self._callbacks_lock:
            entries = self._callbacks.get(int(session))
            if not entries:
                return
            if converted_handler is None:  # VI_ANY_HNDLR: every handler with that user handle
                entries[:] = [
                    e
                    for e in entries
                    if e.event_type != event_type
                    or e.converted_user_handle is not converted_user_handle
                ]
            else:
                for index, entry in enumerate(entries):
                    if entry.converted_handler is converted_handler:
                        del entries[index]
                        break
            if not entries:
                del self._callbacks[int(session)]

    # --- per-session state ----------------------------------------------------------

    def _register_session(self, resource_manager: int, session: int) -> None:
        """Remember that ``session`` was opened through ``resource_manager``."""
        with self._callbacks_lock:
            self._opened_sessions.setdefault(int(resource_manager), set()).add(int(session))
            self._session_opener[int(session)] = int(resource_manager)

    def _forget_session(self, session: int) -> None:
        """Drop the callbacks and asynchronous buffers of a closed session.

        Closing a resource manager session closes every session opened through
        it: their state is dropped too.
        """
        session = int(session)
        with self._callbacks_lock:
            opener = self._session_opener.pop(session, None)
            if opener is not None:
                self._opened_sessions.get(opener, set()).discard(session)
            closed = {session, *self._opened_sessions.pop(session, ())}
            for child in closed:
                self._session_opener.pop(child, None)
                self._callbacks.pop(child, None)
        with self._async_lock:
            for child in closed:
                self._async_jobs.pop(child, None)
        for child in closed - {session}:
            # The frontend forgets the session it closed itself; these closed with it.
            self._session_closed(child)


class _CFunctionAttribute:
    """Class attribute of :class:`IVIVisaLibrary` for one C function: ``visalib.viRead``...

    PyVISA makes the C functions attributes of the library object: they are those of
    ``c`` (bound when first used). A descriptor, not ``__getattr__``, which would slow
    down every attribute read of the library object.
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: IVIVisaLibrary | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        c = vars(instance).get("c")
        if c is None:
            raise errors.UnknownAttribute(
                f"{type(instance).__name__!r} object has no attribute {self.name!r}"
            )
        return getattr(c, self.name)


for _name in C_FUNCTIONS:
    setattr(IVIVisaLibrary, _name, _CFunctionAttribute(_name))
del _name


def _same_user_handle(entry: _InstalledHandler, user_handle: Any) -> bool:
    """Whether ``user_handle`` (converted or its Python value) is the one of ``entry``."""
    converted = entry.converted_user_handle
    if converted is user_handle:
        return True
    if isinstance(converted, ctypes.Array):
        return list(converted) == user_handle
    return getattr(converted, "value", converted) == user_handle


def format_version(version: int) -> str:
    """Format a packed ViVersion as "major.minor.subminor" (VI_VERSION_MAJOR... macros)."""
    return f"{(version & 0xFFF00000) >> 20}.{(version & 0x000FFF00) >> 8}.{version & 0xFF}"


def _describe_library(path: LibraryPath) -> dict[str, str | list[str]]:
    """Try to load a candidate library and read its identity."""
    try:
        library = IVIVisaLibrary(path)
        session, _ = library.open_default_resource_manager()
        try:
            details: dict[str, str | list[str]] = {"loads": "yes"}
            get = library.get_attribute
            vendor = get(session, constants.ResourceAttribute(constants.VI_ATTR_RSRC_MANF_NAME))
            details["Vendor"] = str(vendor[0])
            for key, attribute in (
                ("Impl. Version", constants.VI_ATTR_RSRC_IMPL_VERSION),
                ("Spec. Version", constants.VI_ATTR_RSRC_SPEC_VERSION),
            ):
                version = get(session, constants.ResourceAttribute(attribute))[0]
                details[key] = format_version(version)
        finally:
            library.close(session)
        return details
    except Exception as exc:
        message = str(exc)
        if isinstance(exc, errors.LibraryError) and exc.reason == "wrong_architecture":
            reason: str | list[str] = "Interpreter and library have different bitness."
        else:
            reason = message.splitlines() if "\n" in message else message
        return {"loads": "no", "Could not get more info": reason}


def add_visa_methods(aclass: type[T]) -> type[T]:
    """Give a library class the middle-level functions of :mod:`.functions` as methods.

    PyVISA's way of completing a library class; :class:`IVIVisaLibrary` defines its
    operations in its class body instead.

    Parameters
    ----------
    aclass : type
        The class to complete (each function takes the library as first argument).

    Returns
    -------
    type
        The same class.

    """
    for name in (*functions.visa_functions, *functions.extra_methods):
        setattr(aclass, name, getattr(functions, name))
    return aclass
