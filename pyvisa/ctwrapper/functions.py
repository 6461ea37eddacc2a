"""Binding of the VISA C functions and the middle-level (level 2) wrappers.

Two layers live here:

- :func:`bind_library` reads the signature table of :mod:`.signatures` and, once
  per loaded library, sets ``argtypes``, ``restype`` and ``errcheck`` on every
  exported VISA function. The ``errcheck`` hands the returned status to
  ``library.handle_return_value(session, status)`` (raising
  :class:`~pyvisa.errors.VisaIOError` for errors, issuing warnings, recording the
  last status) and, when the ``pyvisa`` logger is enabled for DEBUG, writes an
  I/O trace line of the call (arguments, outputs passed by reference, status).
  A function missing from the library (an older VISA, no 64-bit ``*Ex``
  functions...) is replaced by a stub raising :class:`MissingFunctionError`
  (a :class:`NotImplementedError`) that names the function and the library.

- One Python function per middle-level operation of
  :class:`~pyvisa.highlevel.VisaLibraryBase` (``read``, ``get_attribute``...). Each
  takes the :class:`~pyvisa.ctwrapper.highlevel.IVIVisaLibrary` as first argument,
  converts the Python arguments to C (checking that integers fit their C type),
  calls the bound function and converts the outputs passed by reference back to
  Python values. They become methods of ``IVIVisaLibrary`` (see
  :data:`visa_functions`).

The formatted I/O family of visa.h is **not exposed**, as in upstream PyVISA:
the variadic ``viPrintf``, ``viSPrintf``, ``viScanf``, ``viSScanf``,
``viQueryf`` and their ``va_list`` variants ``viVPrintf``, ``viVSPrintf``,
``viVScanf``, ``viVSScanf``, ``viVQueryf`` (:data:`.signatures.NOT_BOUND`).
ctypes can neither call C variadic functions portably nor build a ``va_list``;
formatted I/O is done in Python by the resource classes.

"""

from __future__ import annotations

import ctypes
import logging
import operator
import os
import sys
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import attributes
from .._logging import logger
from ..constants import (
    VI_ATTR_USB_RECV_INTR_DATA,
    VI_ATTR_USB_RECV_INTR_SIZE,
    VI_TMO_IMMEDIATE,
    AccessModes,
    EventType,
    InterfaceType,
    StatusCode,
)
from ..errors import VisaIOError, completion_and_error_messages
from ..highlevel import ResourceInfo
from . import types
from .signatures import NOT_BOUND, SIGNATURES
from .types import (  # noqa: F401 - re-exported: PyVISA's functions module has them
    FUNCTYPE,
    ViAccessMode,
    ViAChar,
    ViAddr,
    ViAttr,
    ViAttrState,
    ViAUInt8,
    ViAUInt16,
    ViAUInt32,
    ViAUInt64,
    ViBoolean,
    ViBuf,
    ViBusAddress,
    ViBusAddress64,
    ViBusSize,
    ViEvent,
    ViEventFilter,
    ViEventType,
    ViFindList,
    ViHndlr,
    ViInt16,
    ViJobId,
    ViKeyId,
    ViObject,
    ViPAddr,
    ViPBuf,
    ViPBusAddress,
    ViPEvent,
    ViPEventType,
    ViPFindList,
    ViPJobId,
    ViPSession,
    ViPUInt8,
    ViPUInt16,
    ViPUInt32,
    ViPUInt64,
    ViRsrc,
    ViSession,
    ViStatus,
    ViString,
    ViUInt8,
    ViUInt16,
    ViUInt32,
    ViUInt64,
    buffer_to_text,
    encode_string,
    string_buffer,
)

if TYPE_CHECKING:
    from .highlevel import IVIVisaLibrary

#: VISA specification version reported by PyVISA's ctypes wrapper (0x00300000). The
#: version of the VISA headers mirrored here is ``constants.VI_SPEC_VERSION``.
VI_SPEC_VERSION = 0x00300000

#: Serialises the installation of event handlers.
ViHndlr_lock = threading.Lock()

#: Size of the buffers receiving C strings: VI_FIND_BUFLEN (256) is the VISA
#: maximum; some libraries write longer aliases, so leave room.
STRING_BUFFER_SIZE = 1024


# ----------------------------------------------------------------------------
# C signatures
# ----------------------------------------------------------------------------


def _parameter_type(parameter: str) -> Any:
    """Ctypes type of one parameter as written in visa.h (``ViUInt32 cnt``...)."""
    words = parameter.split()
    if words[0] == "void":  # "void _VI_PTR attrValue": the untyped output of viGetAttribute
        return ctypes.c_void_p
    if words[-1].endswith("[]"):  # "ViChar _VI_FAR desc[]": an output character array
        return types.VISA_TYPES["ViAChar"]
    return types.VISA_TYPES[words[0]]


class CFunctionSpec(NamedTuple):
    """Ctypes view of one C signature."""

    name: str
    restype: Any
    argtypes: tuple[Any, ...]
    #: True when the first argument is a session/object whose status is tracked.
    has_session: bool


def _build_specs() -> dict[str, CFunctionSpec]:
    specs = {}
    for sig in SIGNATURES:
        if sig.name in NOT_BOUND:
            continue
        params = [p.strip() for p in sig.parameters.split(",")]
        argtypes = tuple(_parameter_type(p) for p in params)
        restype = None if sig.restype == "void" else types.ViStatus
        # viOpenDefaultRM's only argument is an output pointer, not a session.
        has_session = not params[0].split()[0].startswith("ViP")
        specs[sig.name] = CFunctionSpec(sig.name, restype, argtypes, has_session)
    return specs


#: Ctypes signature of every bound function, by name (built once at import).
C_FUNCTIONS: dict[str, CFunctionSpec] = _build_specs()


class MissingFunctionError(NotImplementedError):
    """A VISA function is not exported by the loaded library.

    Raised when calling the stub that replaces a function absent from the
    library (older VISA implementations lack e.g. the 64-bit ``*Ex`` functions).

    Parameters
    ----------
    function_name : str
        Name of the C function (``viIn8Ex``...).
    library_path : str
        Path of the library that lacks it.

    """

    def __init__(self, function_name: str, library_path: str) -> None:
        super().__init__(
            f"{function_name} is not exported by the VISA library {library_path} "
            "(the library implements an older VISA specification or lacks this operation)"
        )
        self.function_name = function_name
        self.library_path = library_path


def _missing_function(name: str, library_path: str) -> Callable[..., Any]:
    def missing(*args: Any) -> Any:
        raise MissingFunctionError(name, library_path)

    missing.__name__ = missing.__qualname__ = name
    missing.__doc__ = f"Stub: {name} is not exported by {library_path}."
    return missing


# ----------------------------------------------------------------------------
# DEBUG I/O trace
# ----------------------------------------------------------------------------

#: Bytes of a data buffer shown in the trace (longer data is elided).
TRACE_DATA_BYTES = 48
#: Elements of a numeric array shown in the trace.
TRACE_ARRAY_ITEMS = 8


#: Type of the objects returned by ctypes.byref.
_BYREF_TYPE = type(ctypes.byref(ctypes.c_int()))


def _trace_bytes(data: bytes, size: int) -> str:
    if size <= TRACE_DATA_BYTES:
        return repr(data)
    return f"{data!r}...({size} bytes)"


def _trace_value(value: Any) -> str:
    """Text of one argument of a C call, as seen after the call returned."""
    if isinstance(value, bytes):
        return _trace_bytes(value[:TRACE_DATA_BYTES], len(value))
    if type(value) is _BYREF_TYPE:  # ctypes.byref(x): show the output value
        return "&" + _trace_value(value._obj)  # type: ignore[attr-defined]
    if isinstance(value, ctypes.Array):
        if value._type_ is ctypes.c_char:
            size = len(value)
            if size <= TRACE_DATA_BYTES:
                return repr(value.raw)
            # Output buffers are zero-filled: what the library wrote ends at the trailing NULs.
            head = ctypes.string_at(value, TRACE_DATA_BYTES)
            written = head.rstrip(b"\0")
            return repr(written) if len(written) < len(head) else f"{head!r}..."
        items = ", ".join(repr(item) for item in value[:TRACE_ARRAY_ITEMS])
        return f"[{items}{', ...' if len(value) > TRACE_ARRAY_ITEMS else ''}]"
    if isinstance(value, ctypes._SimpleCData):
        return repr(value.value)
    if isinstance(value, ViHndlr):
        return "<handler>"
    return repr(value)


def _trace_status(result: int | None) -> str:
    if result is None:
        return "void"
    name = completion_and_error_messages.get(result)
    return f"{result} ({name[0]})" if name else str(result)


def _trace_arguments(arguments: tuple[Any, ...]) -> str:
    return ", ".join(_trace_value(argument) for argument in arguments)


def trace_call(name: str, arguments: tuple[Any, ...], result: int | None) -> str:
    """Format one C call as an I/O trace line: ``viRead(1, b'..', 6, &6) -> 0 (VI_SUCCESS)``."""
    return f"{name}({_trace_arguments(arguments)}) -> {_trace_status(result)}"


#: Message format of the DEBUG trace records (args: function name, arguments, status).
TRACE_FORMAT = "%s(%s) -> %s"


def _log_call(
    func: Any, arguments: tuple[Any, ...], result: int | None, extra: dict[str, str] | None
) -> None:
    logger.debug(
        TRACE_FORMAT,
        func.__name__,
        _trace_arguments(arguments),
        _trace_status(result),
        extra=extra,
    )


def bind_library(
    lib: ctypes.CDLL, library: IVIVisaLibrary, library_path: str
) -> dict[str, Callable[..., Any]]:
    """Set the signature of every VISA function of a loaded library.

    Parameters
    ----------
    lib : ctypes.CDLL
        The loaded shared library.
    library : IVIVisaLibrary
        Object whose ``handle_return_value(session, status)`` processes each status.
    library_path : str
        Path of the library, for the error raised by missing functions.

    Returns
    -------
    dict[str, Callable]
        Bound C function (or stub raising :class:`MissingFunctionError` when the
        symbol is absent) by VISA name.

    """
    # The errchecks run after every C call: everything that can be is looked up once here,
    # and the trace is only formatted when DEBUG is enabled.
    handle = library.handle_return_value
    enabled = logger.isEnabledFor
    debug = logging.DEBUG
    extra = getattr(library, "_logging_extra", None)

    def errcheck_session(result: int, func: Any, arguments: tuple[Any, ...]) -> Any:
        if enabled(debug):
            _log_call(func, arguments, result, extra)
        return handle(arguments[0], result)

    def errcheck_void(result: None, func: Any, arguments: tuple[Any, ...]) -> Any:
        if enabled(debug):
            _log_call(func, arguments, result, extra)
        return handle(arguments[0], 0)

    def errcheck_no_session(result: int, func: Any, arguments: tuple[Any, ...]) -> Any:
        if enabled(debug):
            _log_call(func, arguments, result, extra)
        return handle(None, result)

    bound: dict[str, Callable[..., Any]] = {}
    for spec in C_FUNCTIONS.values():
        try:
            func = lib[spec.name]
        except AttributeError:
            bound[spec.name] = _missing_function(spec.name, library_path)
            continue
        func.argtypes = list(spec.argtypes)
        func.restype = spec.restype
        if not spec.has_session:
            errcheck: Any = errcheck_no_session
        elif spec.restype is None:
            errcheck = errcheck_void
        else:
            errcheck = errcheck_session
        func.errcheck = errcheck
        bound[spec.name] = func
    return bound


def set_signature(
    library: Any,
    function_name: str,
    argtypes: tuple[Any, ...],
    restype: Any,
    errcheck: Callable[[int, Callable[..., Any], tuple[Any, ...]], int] | None,
) -> None:
    """Declare the C signature of one function of a loaded ctypes library.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    function_name : str
        Name of the C function (``viRead``...).
    argtypes : tuple
        Ctypes types of the arguments.
    restype : Any
        Ctypes type of the result (None for ``void``).
    errcheck : Callable | None
        Called with (result, function, arguments) after each call; its return value
        is the result of the call. None keeps the raw result.

    Raises
    ------
    AttributeError
        If the library does not export the function.

    """
    func = getattr(library, function_name)
    func.argtypes = list(argtypes)
    func.restype = restype
    if errcheck is not None:
        func.errcheck = errcheck


def set_signatures(
    library: Any,
    errcheck: Callable[[int, Callable[..., Any], tuple[Any, ...]], int] | None = None,
) -> None:
    """Declare the C signature of every VISA function a loaded ctypes library exports.

    The signatures come from the table of :mod:`.signatures` (the formatted I/O family
    is left out). Functions the library lacks are skipped. :class:`IVIVisaLibrary`
    uses :func:`bind_library`, which also chooses a status check per function.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    errcheck : Callable | None, optional
        Status check given to every function whose result is a ViStatus.

    """
    for spec in C_FUNCTIONS.values():
        try:
            set_signature(
                library,
                spec.name,
                spec.argtypes,
                spec.restype,
                errcheck if spec.restype is not None else None,
            )
        except AttributeError:
            continue


def set_user_handle_type(library: Any, user_handle: Any) -> None:
    """Declare the user-handle parameter of viInstallHandler and viUninstallHandler.

    This wrapper always passes the address of the (converted) user handle, a ViAddr,
    whatever its type (see :func:`convert_user_handle`): the parameter is declared
    as ``ViAddr`` (``void *``). ``user_handle`` is accepted for compatibility.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    user_handle : Any
        The user handle about to be installed (its type does not matter here).

    """
    for name in ("viInstallHandler", "viUninstallHandler"):
        func = getattr(library, name, None)
        if func is not None:
            argtypes = list(func.argtypes or C_FUNCTIONS[name].argtypes)
            argtypes[3] = ctypes.c_void_p
            func.argtypes = argtypes


# ----------------------------------------------------------------------------
# Helpers
# ----------------------------------------------------------------------------


def _as_index(value: Any, what: str) -> int:
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{what} must be an integer, not {type(value).__name__}") from None


def _check_uint(value: Any, bits: int, what: str) -> int:
    """Check an argument of an unsigned C integer type (ctypes would silently truncate it)."""
    value = _as_index(value, what)
    if not 0 <= value < (1 << bits):
        raise ValueError(f"{what} must fit in an unsigned {bits}-bit integer, got {value}")
    return value


_UINT32_MAX = 0xFFFFFFFF


def _check_int(value: Any, bits: int, what: str) -> int:
    """Check an argument of a C integer type of the given width.

    Both readings of the bits are accepted (e.g. -1 or 0xFFFF for a 16-bit value),
    as a C cast would; anything wider is an error instead of being truncated.
    """
    value = _as_index(value, what)
    if not -(1 << (bits - 1)) <= value < (1 << bits):
        raise ValueError(f"{what} must fit in a {bits}-bit integer, got {value}")
    return value


def _data_buffer(data: Any) -> tuple[Any, int]:
    """C view of data to send and its size, without copying bytes or writable buffers.

    Raises
    ------
    TypeError
        If ``data`` is not a bytes-like object.

    """
    if type(data) is bytes:
        return data, len(data)
    if isinstance(data, str):
        raise TypeError("data must be a bytes-like object (encode the text first), not str")
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError(f"data must be a bytes-like object, not {type(data).__name__}") from None
    if view.readonly or not view.c_contiguous:
        copy = view.tobytes()
        return copy, len(copy)
    view = view.cast("B")
    return (ctypes.c_char * view.nbytes).from_buffer(view), view.nbytes


def _encode_filename(filename: Any) -> bytes:
    """Encode a file name for the C library (the ANSI code page on Windows, like fopen)."""
    path = os.fspath(filename)
    if isinstance(path, str) and sys.platform == "win32":
        try:
            path = path.encode("mbcs", "strict")
        except UnicodeEncodeError:
            raise ValueError(
                f"the file name {path!r} cannot be represented in the ANSI code page "
                "used by the VISA library"
            ) from None
    return encode_string(path, "filename")


def _keep_job_data(
    library: IVIVisaLibrary, session: int, job_id: int, data: Any, is_read: bool
) -> None:
    """Keep the memory of an asynchronous operation alive until its session is closed."""
    library._async_jobs.setdefault(int(session), {})[job_id] = (data, is_read)


def _as_event_type(value: int) -> Any:
    try:
        return EventType(value)
    except ValueError:
        return value


def _as_interface_type(value: int) -> Any:
    try:
        return InterfaceType(value)
    except ValueError:
        return value


# ----------------------------------------------------------------------------
# Resource manager, sessions, attributes
# ----------------------------------------------------------------------------


def open_default_resource_manager(library: IVIVisaLibrary) -> tuple[int, StatusCode]:
    """Return a session to the Default Resource Manager resource (viOpenDefaultRM)."""
    session = ViSession()
    ret = library.viOpenDefaultRM(ctypes.byref(session))
    return session.value, ret


def open(
    library: IVIVisaLibrary,
    session: int,
    resource_name: str,
    access_mode: AccessModes = AccessModes.no_lock,
    open_timeout: int = VI_TMO_IMMEDIATE,
) -> tuple[int, StatusCode]:
    """Open a session to the specified resource (viOpen)."""
    out_session = ViSession()
    name = encode_string(resource_name, "resource_name")
    ret = library.viOpen(
        session,
        name,
        _check_uint(access_mode, 32, "access_mode"),
        _check_uint(open_timeout, 32, "open_timeout"),
        ctypes.byref(out_session),
    )
    library._register_session(session, out_session.value)
    return out_session.value, ret


def close(library: IVIVisaLibrary, session: int) -> StatusCode:
    """Close the specified session, event, or find list (viClose).

    The callbacks and asynchronous buffers of the session are released once the
    library no longer knows it; after any other failure they stay alive, since
    the library may still call or write into them.
    """
    try:
        ret = library.viClose(session)
    except VisaIOError as exc:
        if exc.error_code == StatusCode.error_invalid_object:
            library._forget_session(session)
        raise
    library._forget_session(session)
    return ret


def _find_resources(
    library: IVIVisaLibrary, session: int, query: str
) -> tuple[int, int, str, StatusCode]:
    """Query a VISA system to locate the resources associated with an interface (viFindRsrc).

    Returns
    -------
    tuple[int, int, str, StatusCode]
        Find list handle, number of matches, first matching resource, status.

    """
    find_list = ViFindList()
    count = ViUInt32()
    description = string_buffer(STRING_BUFFER_SIZE)
    ret = library.viFindRsrc(
        session,
        encode_string(query, "query"),
        ctypes.byref(find_list),
        ctypes.byref(count),
        description,
    )
    return find_list.value, count.value, types.buffer_to_text(description), ret


def _find_next(library: IVIVisaLibrary, find_list: int) -> tuple[str, StatusCode]:
    """Return the next resource of a find list (viFindNext)."""
    description = string_buffer(STRING_BUFFER_SIZE)
    ret = library.viFindNext(find_list, description)
    return types.buffer_to_text(description), ret


def list_resources(
    library: IVIVisaLibrary, session: int, query: str = "?*::INSTR"
) -> tuple[str, ...]:
    """Return a tuple of all connected devices matching query (viFindRsrc/viFindNext).

    An empty tuple is returned when nothing matches.
    """
    try:
        find_list, count, first, _ = _find_resources(library, session, query)
    except VisaIOError as exc:
        if exc.error_code == StatusCode.error_resource_not_found:
            return ()
        raise
    try:
        names = [first]
        names.extend(_find_next(library, find_list)[0] for _ in range(count - 1))
    finally:
        library.viClose(find_list)
    return tuple(names)


def parse_resource(
    library: IVIVisaLibrary, session: int, resource_name: str
) -> tuple[Any, StatusCode]:
    """Parse a resource string to get the interface information (viParseRsrc)."""
    interface_type = ViUInt16()
    board = ViUInt16()
    ret = library.viParseRsrc(
        session,
        encode_string(resource_name, "resource_name"),
        ctypes.byref(interface_type),
        ctypes.byref(board),
    )
    info = ResourceInfo(_as_interface_type(interface_type.value), board.value, None, None, None)
    return info, ret


def parse_resource_extended(
    library: IVIVisaLibrary, session: int, resource_name: str
) -> tuple[Any, StatusCode]:
    """Parse a resource string to get extended interface information (viParseRsrcEx)."""
    interface_type = ViUInt16()
    board = ViUInt16()
    resource_class = string_buffer(STRING_BUFFER_SIZE)
    expanded = string_buffer(STRING_BUFFER_SIZE)
    alias = string_buffer(STRING_BUFFER_SIZE)
    ret = library.viParseRsrcEx(
        session,
        encode_string(resource_name, "resource_name"),
        ctypes.byref(interface_type),
        ctypes.byref(board),
        resource_class,
        expanded,
        alias,
    )
    info = ResourceInfo(
        _as_interface_type(interface_type.value),
        board.value,
        types.buffer_to_text(resource_class),
        types.buffer_to_text(expanded),
        types.buffer_to_text(alias) or None,
    )
    return info, ret


class _AttributeCodec(NamedTuple):
    """How to read and write one attribute, derived from its C type."""

    type_name: str
    #: "int", "address", "string" or "bytes".
    kind: str
    ctype: Any
    bits: int
    signed: bool


def _codec_for_type(type_name: str) -> _AttributeCodec | None:
    if type_name in types.STRING_TYPES:
        return _AttributeCodec(type_name, "string", None, 0, False)
    if type_name in ("ViAUInt8", "ViAByte"):
        return _AttributeCodec(type_name, "bytes", None, 0, False)
    ctype = types.VISA_TYPES.get(type_name)
    if ctype is None:
        return None
    if ctype is ctypes.c_void_p or ctype is ctypes.c_char_p:  # ViAddr, ViBuf: pointer values
        return _AttributeCodec(
            type_name, "address", ctypes.c_void_p, ctypes.sizeof(ctypes.c_void_p) * 8, False
        )
    if issubclass(ctype, ctypes._SimpleCData) and ctype._type_ in "bBhHiIlLqQ":
        bits = ctypes.sizeof(ctype) * 8
        return _AttributeCodec(type_name, "int", ctype, bits, ctype._type_.islower())
    return None


#: Codec for attributes whose C type is unknown (vendor-specific ids...): the value
#: is read into a zeroed buffer large enough for any VISA type (a string included,
#: so the library never writes past it) and its first ViAttrState bytes are
#: returned, which is the right value for any unsigned integer type.
_FALLBACK_CODEC = _AttributeCodec(
    "ViAttrState", "unknown", types.ViAttrState, ctypes.sizeof(types.ViAttrState) * 8, False
)
_codec_cache: dict[int, _AttributeCodec] = {}


def attribute_codec(attribute: int) -> _AttributeCodec:
    """Codec of an attribute id, from the C type declared in :mod:`pyvisa.attributes`."""
    attribute = int(attribute)
    codec = _codec_cache.get(attribute)
    if codec is not None:
        return codec
    attr_class = attributes.AttributesByID.get(attribute)
    type_name = getattr(attr_class, "visa_type", None)
    if attribute == VI_ATTR_USB_RECV_INTR_DATA:
        # Declared ViBuf, but viGetAttribute copies the data into the caller's array.
        type_name = "ViAUInt8"
    codec = _codec_for_type(type_name) if isinstance(type_name, str) else None
    if codec is None:
        return _FALLBACK_CODEC
    _codec_cache[attribute] = codec
    return codec


def get_attribute(library: IVIVisaLibrary, session: int, attribute: int) -> tuple[Any, StatusCode]:
    """Retrieve the state of an attribute (viGetAttribute).

    The value is decoded according to the attribute's C type: integers for the
    ViUInt*/ViInt*/ViBoolean/ViVersion/ViBusAddress... types, ``int`` addresses
    for ViAddr and ViBuf, ``str`` for the string types, ``bytes`` for
    VI_ATTR_USB_RECV_INTR_DATA.
    """
    codec = attribute_codec(attribute)
    kind = codec.kind
    if kind == "int" or kind == "address":
        value = codec.ctype()
        ret = library.viGetAttribute(session, attribute, ctypes.byref(value))
        return (value.value or 0) if kind == "address" else value.value, ret
    if kind == "string":
        buffer = string_buffer(STRING_BUFFER_SIZE)
        ret = library.viGetAttribute(session, attribute, buffer)
        return types.buffer_to_text(buffer), ret
    if kind == "unknown":
        buffer = string_buffer(STRING_BUFFER_SIZE)
        ret = library.viGetAttribute(session, attribute, buffer)
        return types.ViAttrState.from_buffer(buffer).value, ret
    # Byte array (USB interrupt data): its length is another attribute of the event.
    size_value = ViUInt16()
    library.viGetAttribute(session, VI_ATTR_USB_RECV_INTR_SIZE, ctypes.byref(size_value))
    buffer = ctypes.create_string_buffer(max(size_value.value, STRING_BUFFER_SIZE))
    ret = library.viGetAttribute(session, attribute, buffer)
    return ctypes.string_at(buffer, size_value.value), ret


_ATTR_STATE_BITS = ctypes.sizeof(types.ViAttrState) * 8
_ATTR_STATE_MASK = (1 << _ATTR_STATE_BITS) - 1


def encode_attribute_value(attribute: int, value: Any) -> int:
    """Convert a Python attribute value to the ViAttrState passed to viSetAttribute.

    Raises
    ------
    TypeError
        If the value cannot be represented by the attribute's C type.
    ValueError
        If an integer does not fit in the attribute's C type.

    """
    codec = attribute_codec(attribute)
    if value is None and codec.kind == "address":
        return 0
    if isinstance(value, bytes | bytearray) and len(value) == 1:
        value = value[0]
    if codec.kind not in ("int", "address", "unknown") or not isinstance(value, int):
        raise TypeError(
            f"cannot set attribute {attribute:#x} of C type {codec.type_name} "
            f"to {value!r}: expected an integer"
        )
    value = int(value)
    # A value wider than ViAttrState (64-bit types on 32-bit Python) cannot be passed.
    bits = min(codec.bits, _ATTR_STATE_BITS)
    low = -(1 << (bits - 1))
    # Both the signed and the unsigned reading of the C type are accepted.
    if not low <= value < (1 << bits):
        raise ValueError(
            f"value {value} out of range for attribute {attribute:#x} of C type "
            f"{codec.type_name} ({bits}-bit)"
        )
    return value & _ATTR_STATE_MASK


def set_attribute(
    library: IVIVisaLibrary, session: int, attribute: int, attribute_state: Any
) -> StatusCode:
    """Set the state of an attribute (viSetAttribute)."""
    return library.viSetAttribute(
        session, attribute, encode_attribute_value(attribute, attribute_state)
    )


def status_description(
    library: IVIVisaLibrary, session: int, status: int
) -> tuple[str, StatusCode]:
    """Return a user-readable description of a status code (viStatusDesc)."""
    description = string_buffer(STRING_BUFFER_SIZE)
    ret = library.viStatusDesc(session, _check_int(status, 32, "status"), description)
    return types.buffer_to_text(description), ret


def terminate(library: IVIVisaLibrary, session: int, degree: Any, job_id: int) -> StatusCode:
    """Request a session to terminate normal execution of an operation (viTerminate)."""
    return library.viTerminate(
        session,
        _check_int(0 if degree is None else degree, 16, "degree"),
        _check_uint(job_id or 0, 32, "job_id"),
    )


def lock(
    library: IVIVisaLibrary,
    session: int,
    lock_type: int,
    timeout: int,
    requested_key: str | None = None,
) -> tuple[str | None, StatusCode]:
    """Establish an access mode to the specified resource (viLock).

    Returns the key to share the lock (``None`` for an exclusive lock).
    """
    lock_type = _check_uint(lock_type, 32, "lock_type")
    timeout = _check_uint(timeout, 32, "timeout")
    if lock_type == AccessModes.exclusive_lock:
        ret = library.viLock(session, lock_type, timeout, None, None)
        return None, ret
    key = None if requested_key is None else encode_string(requested_key, "requested_key")
    access_key = string_buffer(STRING_BUFFER_SIZE)
    ret = library.viLock(session, lock_type, timeout, key, access_key)
    return types.buffer_to_text(access_key), ret


def unlock(library: IVIVisaLibrary, session: int) -> StatusCode:
    """Relinquish a lock for the specified resource (viUnlock)."""
    return library.viUnlock(session)


# ----------------------------------------------------------------------------
# Events
# ----------------------------------------------------------------------------


def enable_event(
    library: IVIVisaLibrary, session: int, event_type: int, mechanism: int, context: None = None
) -> StatusCode:
    """Enable notification of an event type by the given mechanisms (viEnableEvent)."""
    return library.viEnableEvent(
        session,
        _check_uint(event_type, 32, "event_type"),
        _check_int(mechanism, 16, "mechanism"),
        _check_uint(0 if context is None else context, 32, "context"),
    )


def disable_event(
    library: IVIVisaLibrary, session: int, event_type: int, mechanism: int
) -> StatusCode:
    """Disable notification of an event type by the given mechanisms (viDisableEvent)."""
    return library.viDisableEvent(
        session, _check_uint(event_type, 32, "event_type"), _check_int(mechanism, 16, "mechanism")
    )


def discard_events(
    library: IVIVisaLibrary, session: int, event_type: int, mechanism: int
) -> StatusCode:
    """Discard pending event occurrences (viDiscardEvents)."""
    return library.viDiscardEvents(
        session, _check_uint(event_type, 32, "event_type"), _check_int(mechanism, 16, "mechanism")
    )


def wait_on_event(
    library: IVIVisaLibrary, session: int, in_event_type: int, timeout: int
) -> tuple[Any, int, StatusCode]:
    """Wait for an occurrence of the given event type (viWaitOnEvent).

    Returns the received event type, the event context and the status.
    """
    out_type = ViEventType()
    context = ViEvent()
    ret = library.viWaitOnEvent(
        session,
        _check_uint(in_event_type, 32, "in_event_type"),
        _check_uint(timeout, 32, "timeout"),
        ctypes.byref(out_type),
        ctypes.byref(context),
    )
    return _as_event_type(out_type.value), context.value, ret


def convert_user_handle(user_handle: Any) -> Any:
    """Convert a Python user handle to the ctypes object whose address is passed to C.

    ``None`` stays ``None`` (VI_NULL); ints become ``c_long`` (``c_longlong`` when
    larger), floats ``c_double``, ``str`` ``c_wchar_p``, ``bytes`` ``c_char_p``,
    sequences of ints/floats arrays of ``c_long``/``c_double``; ctypes objects
    (structures, arrays, simple values) are used as they are.

    Raises
    ------
    TypeError
        For any other type.

    """
    if user_handle is None or isinstance(
        user_handle, ctypes._SimpleCData | ctypes.Structure | ctypes.Union | ctypes.Array
    ):
        return user_handle
    if isinstance(user_handle, bool | int):
        value = int(user_handle)
        long_bits = ctypes.sizeof(ctypes.c_long) * 8
        if -(1 << (long_bits - 1)) <= value < (1 << (long_bits - 1)):
            return ctypes.c_long(value)
        if -(1 << 63) <= value < (1 << 63):
            return ctypes.c_longlong(value)
        raise TypeError(f"user handle {value} does not fit in a 64-bit integer")
    if isinstance(user_handle, float):
        return ctypes.c_double(user_handle)
    if isinstance(user_handle, str):
        return ctypes.c_wchar_p(user_handle)
    if isinstance(user_handle, bytes):
        return ctypes.c_char_p(user_handle)
    if isinstance(user_handle, list | tuple):
        if all(isinstance(x, int) for x in user_handle):
            return (ctypes.c_long * len(user_handle))(*user_handle)
        if all(isinstance(x, int | float) for x in user_handle):
            return (ctypes.c_double * len(user_handle))(*user_handle)
    raise TypeError(
        f"unsupported user handle {user_handle!r}: expected None, int, float, str, bytes, "
        "a list of numbers or a ctypes object"
    )


def _user_handle_address(converted: Any) -> int | None:
    return None if converted is None else ctypes.addressof(converted)


def _make_callback(handler: Callable[..., Any], converted_user_handle: Any) -> Any:
    """Wrap a Python handler in a ViHndlr C callback.

    The handler is called with Python values: ``(session: int, event_type:
    EventType, context: int, user_handle)`` where ``user_handle`` is the
    converted handle returned by :func:`install_handler`. The callback may run in
    a thread created by the VISA library (ctypes then takes the GIL for it). An
    integer returned by the handler is returned to VISA (e.g.
    ``VI_SUCCESS_NCHAIN``), anything else gives ``VI_SUCCESS``. Exceptions are
    logged and never cross into C.
    """
    success = int(StatusCode.success)

    def callback(session: Any, event_type: int, context: Any, user_address: int | None) -> int:
        # ViSession and ViEvent are ViObject (a c_uint subclass): ctypes passes instances.
        session = session.value
        try:
            result = handler(
                session, _as_event_type(event_type), context.value, converted_user_handle
            )
            if type(result) is not bool and isinstance(result, int) and -(2**31) <= result < 2**31:
                return int(result)
        except BaseException:  # noqa: B036 - nothing may propagate into the C library
            logger.exception(
                "Exception in VISA event handler %r (session %s, event type %#x)",
                handler,
                session,
                event_type,
            )
        return success

    return ViHndlr(callback)


def install_handler(
    library: IVIVisaLibrary,
    session: int,
    event_type: int,
    handler: Callable[..., Any],
    user_handle: Any,
) -> tuple[Callable[..., Any], Any, Any, StatusCode]:
    """Install a handler for event callbacks (viInstallHandler).

    When :data:`pyvisa.ctwrapper.WRAP_HANDLER` is False, the handler is given to
    ``ViHndlr`` as it is and receives the raw ctypes arguments.

    Returns
    -------
    tuple
        The handler, the converted user handle (to pass to later calls), the
        converted handler (the ctypes callback) and the status of the call.

    """
    if not callable(handler):
        raise TypeError(f"the handler must be callable, not {type(handler).__name__}")
    event_type = _check_uint(event_type, 32, "event_type")
    converted_user_handle = convert_user_handle(user_handle)
    if sys.modules["pyvisa.ctwrapper"].WRAP_HANDLER:
        converted_handler = _make_callback(handler, converted_user_handle)
    else:
        # The handler receives the raw ctypes arguments (PYVISA_WRAP_HANDLER=0).
        converted_handler = ViHndlr(handler)
    with ViHndlr_lock:
        ret = library.viInstallHandler(
            session, event_type, converted_handler, _user_handle_address(converted_user_handle)
        )
        library._keep_handler(
            session, event_type, handler, converted_handler, converted_user_handle
        )
    return handler, converted_user_handle, converted_handler, ret


#: VI_ANY_HNDLR: a NULL handler pointer.
_NULL_HANDLER = ViHndlr()


def uninstall_handler(
    library: IVIVisaLibrary, session: int, event_type: int, handler: Any, user_handle: Any = None
) -> StatusCode:
    """Uninstall a handler (viUninstallHandler).

    ``handler`` and ``user_handle`` are the converted values returned by
    :func:`install_handler`; a Python handler installed through this library is
    also accepted and resolved to its callback. ``handler=None`` is
    ``VI_ANY_HNDLR``: every handler of the event type installed with that user
    handle (``None``: without one) is uninstalled.
    """
    event_type = _check_uint(event_type, 32, "event_type")
    converted_handler, converted_user_handle = library._find_handler(
        session, event_type, handler, user_handle
    )
    ret = library.viUninstallHandler(
        session,
        event_type,
        _NULL_HANDLER if converted_handler is None else converted_handler,
        _user_handle_address(converted_user_handle),
    )
    library._release_handler(session, event_type, converted_handler, converted_user_handle)
    return ret


# ----------------------------------------------------------------------------
# Basic I/O
# ----------------------------------------------------------------------------


def read(library: IVIVisaLibrary, session: int, count: int) -> tuple[bytes, StatusCode]:
    """Read data from a device or interface synchronously (viRead)."""
    if type(count) is not int or not 0 <= count <= _UINT32_MAX:  # the usual case is checked inline
        count = _check_uint(count, 32, "count")
    buffer = (ctypes.c_char * count)()
    return_count = ViUInt32()
    ret = library.viRead(session, buffer, count, ctypes.byref(return_count))
    return bytes(memoryview(buffer)[: return_count.value]), ret


def read_into(library: IVIVisaLibrary, session: int, buffer: Any) -> tuple[int, StatusCode]:
    """Read data synchronously into a writable buffer, without intermediate copy (viRead).

    Parameters
    ----------
    library : IVIVisaLibrary
        The library.
    session : VISASession
        Unique logical identifier to a session.
    buffer : bytearray | memoryview
        Writable contiguous buffer; at most ``len(buffer)`` bytes (capped to
        2**32 - 1) are read into its start.

    Returns
    -------
    int
        Number of bytes read.
    StatusCode
        Return value of the library call.

    """
    c_buffer = types.writable_buffer(buffer)
    count = min(len(c_buffer), _UINT32_MAX)
    return_count = ViUInt32()
    ret = library.viRead(session, c_buffer, count, ctypes.byref(return_count))
    return return_count.value, ret


#: Seconds get_buffer_from_id waits for a read_asynchronously call in progress.
ASYNC_REGISTRATION_TIMEOUT = 5.0


def read_asynchronously(
    library: IVIVisaLibrary, session: int, count: int
) -> tuple[Any, int, StatusCode]:
    """Read data from a device or interface asynchronously (viReadAsync).

    The buffer is registered before this function returns so that
    :meth:`get_buffer_from_id` finds it; it stays alive until the session is closed.
    """
    count = _check_uint(count, 32, "count")
    buffer = ctypes.create_string_buffer(count)
    job_id = ViJobId()
    with library._async_lock:
        try:
            ret = library.viReadAsync(session, buffer, count, ctypes.byref(job_id))
        finally:
            # Even when the status raises (a warning turned into an error...), a started
            # job still writes into the buffer.
            if job_id.value:
                _keep_job_data(library, session, job_id.value, buffer, True)
    return buffer, job_id.value, ret


def get_buffer_from_id(library: IVIVisaLibrary, job_id: int) -> Any:
    """Buffer of an asynchronous read, or ``None`` if the job id is unknown.

    Waits (at most :data:`ASYNC_REGISTRATION_TIMEOUT` seconds) for a
    :func:`read_asynchronously` call in progress to register its buffer, so that
    a completion handler running in another thread finds it.
    """
    acquired = library._async_lock.acquire(timeout=ASYNC_REGISTRATION_TIMEOUT)
    try:
        for jobs in list(library._async_jobs.values()):
            buffer, is_read = jobs.get(int(job_id), (None, False))
            if is_read:
                return buffer
        return None
    finally:
        if acquired:
            library._async_lock.release()


def write(library: IVIVisaLibrary, session: int, data: bytes) -> tuple[int, StatusCode]:
    """Write data to a device or interface synchronously (viWrite)."""
    buffer, size = _data_buffer(data)
    if size > _UINT32_MAX:
        _check_uint(size, 32, "len(data)")
    return_count = ViUInt32()
    ret = library.viWrite(session, buffer, size, ctypes.byref(return_count))
    return return_count.value, ret


def write_asynchronously(
    library: IVIVisaLibrary, session: int, data: bytes
) -> tuple[int, StatusCode]:
    """Write data to a device or interface asynchronously (viWriteAsync).

    The data is copied (unless it is ``bytes``) and, unless the write completed
    synchronously, kept alive until the session is closed.
    """
    buffer, _ = _data_buffer(data)
    data = buffer if type(buffer) is bytes else bytes(buffer)
    size = _check_uint(len(data), 32, "len(data)")
    job_id = ViJobId()
    ret = None
    with library._async_lock:
        try:
            ret = library.viWriteAsync(session, data, size, ctypes.byref(job_id))
        finally:
            if job_id.value and ret != StatusCode.success_synchronous:
                _keep_job_data(library, session, job_id.value, data, False)
    return job_id.value, ret


def read_to_file(
    library: IVIVisaLibrary, session: int, filename: str, count: int
) -> tuple[int, StatusCode]:
    """Read data synchronously and store it in a file (viReadToFile)."""
    return_count = ViUInt32()
    ret = library.viReadToFile(
        session,
        _encode_filename(filename),
        _check_uint(count, 32, "count"),
        ctypes.byref(return_count),
    )
    return return_count.value, ret


def write_from_file(
    library: IVIVisaLibrary, session: int, filename: str, count: int
) -> tuple[int, StatusCode]:
    """Take data from a file and write it out synchronously (viWriteFromFile)."""
    return_count = ViUInt32()
    ret = library.viWriteFromFile(
        session,
        _encode_filename(filename),
        _check_uint(count, 32, "count"),
        ctypes.byref(return_count),
    )
    return return_count.value, ret


def assert_trigger(library: IVIVisaLibrary, session: int, protocol: int) -> StatusCode:
    """Assert a software or hardware trigger (viAssertTrigger)."""
    return library.viAssertTrigger(session, _check_int(protocol, 16, "protocol"))


def read_stb(library: IVIVisaLibrary, session: int) -> tuple[int, StatusCode]:
    """Read a status byte of the service request (viReadSTB)."""
    status = ViUInt16()
    ret = library.viReadSTB(session, ctypes.byref(status))
    return status.value, ret


def clear(library: IVIVisaLibrary, session: int) -> StatusCode:
    """Clear a device (viClear)."""
    return library.viClear(session)


def set_buffer(library: IVIVisaLibrary, session: int, mask: int, size: int) -> StatusCode:
    """Set the size of the formatted and/or low-level I/O buffers (viSetBuf)."""
    return library.viSetBuf(session, _check_int(mask, 16, "mask"), _check_uint(size, 32, "size"))


def flush(library: IVIVisaLibrary, session: int, mask: int) -> StatusCode:
    """Flush the specified buffers (viFlush)."""
    return library.viFlush(session, _check_int(mask, 16, "mask"))


def buffer_write(library: IVIVisaLibrary, session: int, data: bytes) -> tuple[int, StatusCode]:
    """Write data to a formatted I/O write buffer synchronously (viBufWrite)."""
    buffer, size = _data_buffer(data)
    return_count = ViUInt32()
    ret = library.viBufWrite(
        session, buffer, _check_uint(size, 32, "len(data)"), ctypes.byref(return_count)
    )
    return return_count.value, ret


def buffer_read(library: IVIVisaLibrary, session: int, count: int) -> tuple[bytes, StatusCode]:
    """Read data through the formatted I/O read buffer (viBufRead)."""
    count = _check_uint(count, 32, "count")
    buffer = (ctypes.c_char * count)()
    return_count = ViUInt32()
    ret = library.viBufRead(session, buffer, count, ctypes.byref(return_count))
    return bytes(memoryview(buffer)[: return_count.value]), ret


# ----------------------------------------------------------------------------
# Memory I/O
# ----------------------------------------------------------------------------


_BUS_BITS = ctypes.sizeof(ViBusAddress) * 8


def _offset(offset: int, extended: bool, what: str = "offset") -> int:
    """Check a ViBusAddress (or ViBusAddress64 for the extended functions) argument."""
    return _check_uint(offset, 64 if extended else _BUS_BITS, what)


def _size(size: int, what: str) -> int:
    """Check a ViBusSize argument."""
    return _check_uint(size, _BUS_BITS, what)


def _space(space: int, what: str = "space") -> int:
    """Check an address space (ViUInt16) argument."""
    return _check_int(space, 16, what)


def _in_function(bits: int) -> Callable[..., tuple[int, StatusCode]]:
    ctype = types.UNSIGNED_BY_WIDTH[bits]
    names = (f"viIn{bits}", f"viIn{bits}Ex")

    def in_n(
        library: IVIVisaLibrary, session: int, space: int, offset: int, extended: bool = False
    ) -> tuple[int, StatusCode]:
        value = ctype()
        func = getattr(library, names[bool(extended)])
        ret = func(session, _space(space), _offset(offset, extended), ctypes.byref(value))
        return value.value, ret

    in_n.__doc__ = (
        f"Read a {bits}-bit value from the specified memory space and offset (viIn{bits}*)."
    )
    in_n.__name__ = in_n.__qualname__ = f"in_{bits}"
    return in_n


def _out_function(bits: int) -> Callable[..., StatusCode]:
    names = (f"viOut{bits}", f"viOut{bits}Ex")

    def out_n(
        library: IVIVisaLibrary,
        session: int,
        space: int,
        offset: int,
        data: int,
        extended: bool = False,
    ) -> StatusCode:
        func = getattr(library, names[bool(extended)])
        return func(
            session, _space(space), _offset(offset, extended), _check_uint(data, bits, "data")
        )

    out_n.__doc__ = (
        f"Write a {bits}-bit value to the specified memory space and offset (viOut{bits}*)."
    )
    out_n.__name__ = out_n.__qualname__ = f"out_{bits}"
    return out_n


def _move_in_function(bits: int) -> Callable[..., tuple[list[int], StatusCode]]:
    ctype = types.UNSIGNED_BY_WIDTH[bits]
    names = (f"viMoveIn{bits}", f"viMoveIn{bits}Ex")

    def move_in_n(
        library: IVIVisaLibrary,
        session: int,
        space: int,
        offset: int,
        length: int,
        extended: bool = False,
    ) -> tuple[list[int], StatusCode]:
        length = _size(length, "length")
        buffer = (ctype * length)()
        func = getattr(library, names[bool(extended)])
        ret = func(session, _space(space), _offset(offset, extended), length, buffer)
        return list(buffer), ret

    move_in_n.__doc__ = f"Move a {bits}-bit block of data to local memory (viMoveIn{bits}*)."
    move_in_n.__name__ = move_in_n.__qualname__ = f"move_in_{bits}"
    return move_in_n


def _move_out_function(bits: int) -> Callable[..., StatusCode]:
    ctype = types.UNSIGNED_BY_WIDTH[bits]
    names = (f"viMoveOut{bits}", f"viMoveOut{bits}Ex")
    limit = 1 << bits

    def move_out_n(
        library: IVIVisaLibrary,
        session: int,
        space: int,
        offset: int,
        length: int,
        data: Iterable[int],
        extended: bool = False,
    ) -> StatusCode:
        values = list(data)
        length = _size(length, "length")
        if len(values) < length:
            raise ValueError(f"data holds {len(values)} elements, fewer than length={length}")
        values = values[:length]
        for value in values:
            if not 0 <= value < limit:
                raise ValueError(
                    f"data element {value} does not fit in an unsigned {bits}-bit integer"
                )
        buffer = (ctype * length)(*values)
        func = getattr(library, names[bool(extended)])
        return func(session, _space(space), _offset(offset, extended), length, buffer)

    move_out_n.__doc__ = f"Move a {bits}-bit block of data from local memory (viMoveOut{bits}*)."
    move_out_n.__name__ = move_out_n.__qualname__ = f"move_out_{bits}"
    return move_out_n


in_8, in_16, in_32, in_64 = map(_in_function, (8, 16, 32, 64))
out_8, out_16, out_32, out_64 = map(_out_function, (8, 16, 32, 64))
move_in_8, move_in_16, move_in_32, move_in_64 = map(_move_in_function, (8, 16, 32, 64))
move_out_8, move_out_16, move_out_32, move_out_64 = map(_move_out_function, (8, 16, 32, 64))


def _needs_ex(*offsets: Any) -> bool:
    """Whether an offset only fits the 64-bit ``*Ex`` functions (ViBusAddress is 32-bit)."""
    return _BUS_BITS < 64 and any(isinstance(o, int) and o >> _BUS_BITS for o in offsets)


def move(
    library: IVIVisaLibrary,
    session: int,
    source_space: int,
    source_offset: int,
    source_width: int,
    destination_space: int,
    destination_offset: int,
    destination_width: int,
    length: int,
) -> StatusCode:
    """Move a block of data (viMove; viMoveEx for an offset beyond a 32-bit ViBusAddress)."""
    extended = _needs_ex(source_offset, destination_offset)
    func = library.viMoveEx if extended else library.viMove
    return func(
        session,
        _space(source_space, "source_space"),
        _offset(source_offset, extended, "source_offset"),
        _check_int(source_width, 16, "source_width"),
        _space(destination_space, "destination_space"),
        _offset(destination_offset, extended, "destination_offset"),
        _check_int(destination_width, 16, "destination_width"),
        _size(length, "length"),
    )


def move_asynchronously(
    library: IVIVisaLibrary,
    session: int,
    source_space: int,
    source_offset: int,
    source_width: int,
    destination_space: int,
    destination_offset: int,
    destination_width: int,
    length: int,
) -> tuple[int, StatusCode]:
    """Move a block of data asynchronously (viMoveAsync; viMoveAsyncEx for 64-bit offsets)."""
    job_id = ViJobId()
    extended = _needs_ex(source_offset, destination_offset)
    func = library.viMoveAsyncEx if extended else library.viMoveAsync
    ret = func(
        session,
        _space(source_space, "source_space"),
        _offset(source_offset, extended, "source_offset"),
        _check_int(source_width, 16, "source_width"),
        _space(destination_space, "destination_space"),
        _offset(destination_offset, extended, "destination_offset"),
        _check_int(destination_width, 16, "destination_width"),
        _size(length, "length"),
        ctypes.byref(job_id),
    )
    return job_id.value, ret


def map_address(
    library: IVIVisaLibrary,
    session: int,
    map_space: int,
    map_base: int,
    map_size: int,
    access: Any = False,
    suggested: int | None = None,
) -> tuple[int, StatusCode]:
    """Map the specified memory space into the process's address space (viMapAddress).

    viMapAddressEx is used for a base beyond a 32-bit ViBusAddress.
    """
    address = types.ViAddr()
    extended = _needs_ex(map_base)
    func = library.viMapAddressEx if extended else library.viMapAddress
    ret = func(
        session,
        _space(map_space, "map_space"),
        _offset(map_base, extended, "map_base"),
        _size(map_size, "map_size"),
        1 if access else 0,
        suggested,
        ctypes.byref(address),
    )
    return address.value or 0, ret


def unmap_address(library: IVIVisaLibrary, session: int) -> StatusCode:
    """Unmap memory space previously mapped by map_address (viUnmapAddress)."""
    return library.viUnmapAddress(session)


def _peek_function(bits: int) -> Callable[..., tuple[int, StatusCode]]:
    ctype = types.UNSIGNED_BY_WIDTH[bits]
    name = f"viPeek{bits}"

    def peek_n(library: IVIVisaLibrary, session: int, address: int) -> tuple[int, StatusCode]:
        value = ctype()
        ret = getattr(library, name)(session, address, ctypes.byref(value))
        return value.value, ret

    peek_n.__doc__ = f"Read a {bits}-bit value from the specified address ({name})."
    peek_n.__name__ = peek_n.__qualname__ = f"peek_{bits}"
    return peek_n


def _poke_function(bits: int) -> Callable[..., StatusCode]:
    name = f"viPoke{bits}"

    def poke_n(library: IVIVisaLibrary, session: int, address: int, data: int) -> StatusCode:
        return getattr(library, name)(session, address, _check_uint(data, bits, "data"))

    poke_n.__doc__ = f"Write a {bits}-bit value to the specified address ({name})."
    poke_n.__name__ = poke_n.__qualname__ = f"poke_{bits}"
    return poke_n


peek_8, peek_16, peek_32, peek_64 = map(_peek_function, (8, 16, 32, 64))
poke_8, poke_16, poke_32, poke_64 = map(_poke_function, (8, 16, 32, 64))


def memory_allocation(
    library: IVIVisaLibrary, session: int, size: int, extended: bool = False
) -> tuple[int, StatusCode]:
    """Allocate memory from a resource's memory region (viMemAlloc*)."""
    size = _size(size, "size")
    if extended:
        offset64 = ViBusAddress64()
        ret = library.viMemAllocEx(session, size, ctypes.byref(offset64))
        return offset64.value, ret
    offset = ViBusAddress()
    ret = library.viMemAlloc(session, size, ctypes.byref(offset))
    return offset.value, ret


def memory_free(
    library: IVIVisaLibrary, session: int, offset: int, extended: bool = False
) -> StatusCode:
    """Free memory previously allocated by memory_allocation (viMemFree*)."""
    func = library.viMemFreeEx if extended else library.viMemFree
    return func(session, _offset(offset, extended))


# ----------------------------------------------------------------------------
# Interface specific operations
# ----------------------------------------------------------------------------


def gpib_control_ren(library: IVIVisaLibrary, session: int, mode: int) -> StatusCode:
    """Control the state of the GPIB Remote Enable (REN) line (viGpibControlREN)."""
    return library.viGpibControlREN(session, _check_int(mode, 16, "mode"))


def gpib_control_atn(library: IVIVisaLibrary, session: int, mode: int) -> StatusCode:
    """Specify the state of the ATN line and the local active controller state (viGpibControlATN)."""
    return library.viGpibControlATN(session, _check_int(mode, 16, "mode"))


def gpib_send_ifc(library: IVIVisaLibrary, session: int) -> StatusCode:
    """Pulse the interface clear line (IFC) for at least 100 microseconds (viGpibSendIFC)."""
    return library.viGpibSendIFC(session)


def gpib_command(library: IVIVisaLibrary, session: int, data: bytes) -> tuple[int, StatusCode]:
    """Write GPIB command bytes on the bus (viGpibCommand)."""
    buffer, size = _data_buffer(data)
    return_count = ViUInt32()
    ret = library.viGpibCommand(
        session, buffer, _check_uint(size, 32, "len(data)"), ctypes.byref(return_count)
    )
    return return_count.value, ret


def gpib_pass_control(
    library: IVIVisaLibrary, session: int, primary_address: int, secondary_address: int
) -> StatusCode:
    """Tell a GPIB device to become controller in charge (viGpibPassControl)."""
    return library.viGpibPassControl(
        session,
        _check_int(primary_address, 16, "primary_address"),
        _check_int(secondary_address, 16, "secondary_address"),
    )


def vxi_command_query(
    library: IVIVisaLibrary, session: int, mode: int, command: int
) -> tuple[int, StatusCode]:
    """Send a miscellaneous command or query and/or retrieve a response (viVxiCommandQuery)."""
    response = ViUInt32()
    ret = library.viVxiCommandQuery(
        session,
        _check_int(mode, 16, "mode"),
        _check_uint(command, 32, "command"),
        ctypes.byref(response),
    )
    return response.value, ret


def assert_utility_signal(library: IVIVisaLibrary, session: int, line: int) -> StatusCode:
    """Assert or deassert the specified utility bus signal (viAssertUtilSignal)."""
    return library.viAssertUtilSignal(session, _check_int(line, 16, "line"))


def assert_interrupt_signal(
    library: IVIVisaLibrary, session: int, mode: int, status_id: int
) -> StatusCode:
    """Assert the specified interrupt or signal (viAssertIntrSignal)."""
    return library.viAssertIntrSignal(
        session, _check_int(mode, 16, "mode"), _check_uint(status_id, 32, "status_id")
    )


def map_trigger(
    library: IVIVisaLibrary,
    session: int,
    trigger_source: int,
    trigger_destination: int,
    mode: Any,
) -> StatusCode:
    """Map a trigger source line to a destination line (viMapTrigger; ``mode`` None is 0)."""
    return library.viMapTrigger(
        session,
        _check_int(trigger_source, 16, "trigger_source"),
        _check_int(trigger_destination, 16, "trigger_destination"),
        _check_int(0 if mode is None else mode, 16, "mode"),
    )


def unmap_trigger(
    library: IVIVisaLibrary, session: int, trigger_source: int, trigger_destination: int
) -> StatusCode:
    """Undo a previous map between a trigger source and destination line (viUnmapTrigger)."""
    return library.viUnmapTrigger(
        session,
        _check_int(trigger_source, 16, "trigger_source"),
        _check_int(trigger_destination, 16, "trigger_destination"),
    )


def usb_control_out(
    library: IVIVisaLibrary,
    session: int,
    request_type_bitmap_field: int,
    request_id: int,
    request_value: int,
    index: int,
    data: Any = "",
) -> StatusCode:
    """Perform a USB control pipe transfer to the device (viUsbControlOut).

    ``data`` is a bytes-like object; the default (empty) sends no data stage.
    """
    buffer, size = _data_buffer(b"" if isinstance(data, str) and not data else data)
    return library.viUsbControlOut(
        session,
        _check_int(request_type_bitmap_field, 16, "request_type_bitmap_field"),
        _check_int(request_id, 16, "request_id"),
        _check_int(request_value, 16, "request_value"),
        _check_int(index, 16, "index"),
        _check_uint(size, 16, "len(data)"),
        buffer if size else None,
    )


def usb_control_in(
    library: IVIVisaLibrary,
    session: int,
    request_type_bitmap_field: int,
    request_id: int,
    request_value: int,
    index: int,
    length: int = 0,
) -> tuple[bytes, StatusCode]:
    """Perform a USB control pipe transfer from the device (viUsbControlIn)."""
    length = _check_uint(length, 16, "length")
    buffer = ctypes.create_string_buffer(length)
    return_count = ViUInt16()
    ret = library.viUsbControlIn(
        session,
        _check_int(request_type_bitmap_field, 16, "request_type_bitmap_field"),
        _check_int(request_id, 16, "request_id"),
        _check_int(request_value, 16, "request_value"),
        _check_int(index, 16, "index"),
        length,
        buffer,
        ctypes.byref(return_count),
    )
    return bytes(memoryview(buffer)[: return_count.value]), ret


def pxi_reserve_triggers(
    library: IVIVisaLibrary,
    session: int,
    trigger_buses: Iterable[int],
    trigger_lines: Iterable[int],
) -> tuple[int, StatusCode]:
    """Reserve PXI trigger lines (viPxiReserveTriggers).

    Returns the index of the first trigger that could not be reserved (as
    reported by the library) and the status.
    """
    buses = [_check_int(bus, 16, "trigger bus") for bus in trigger_buses]
    lines = [_check_int(line, 16, "trigger line") for line in trigger_lines]
    if len(buses) != len(lines):
        raise ValueError(
            f"trigger_buses ({len(buses)}) and trigger_lines ({len(lines)}) differ in length"
        )
    c_buses = (types.ViInt16 * len(buses))(*buses)
    c_lines = (types.ViInt16 * len(lines))(*lines)
    failure_index = types.ViInt16()
    ret = library.viPxiReserveTriggers(
        session,
        _check_int(len(buses), 16, "number of triggers"),
        c_buses,
        c_lines,
        ctypes.byref(failure_index),
    )
    return failure_index.value, ret


#: Names of the middle-level functions that become methods of IVIVisaLibrary (the
#: list of PyVISA, in its order).
visa_functions: list[str] = [
    "assert_interrupt_signal",
    "assert_trigger",
    "assert_utility_signal",
    "buffer_read",
    "buffer_write",
    "clear",
    "close",
    "disable_event",
    "discard_events",
    "enable_event",
    "_find_next",
    "_find_resources",
    "flush",
    "get_attribute",
    "gpib_command",
    "gpib_control_atn",
    "gpib_control_ren",
    "gpib_pass_control",
    "gpib_send_ifc",
    "in_16",
    "in_32",
    "in_8",
    "install_handler",
    "lock",
    "map_address",
    "map_trigger",
    "memory_allocation",
    "memory_free",
    "move",
    "move_asynchronously",
    "move_in_16",
    "move_in_32",
    "move_in_8",
    "move_out_16",
    "move_out_32",
    "move_out_8",
    "open",
    "open_default_resource_manager",
    "out_16",
    "out_32",
    "out_8",
    "parse_resource",
    "parse_resource_extended",
    "peek_16",
    "peek_32",
    "peek_8",
    "poke_16",
    "poke_32",
    "poke_8",
    "read",
    "read_to_file",
    "read_stb",
    "set_attribute",
    "set_buffer",
    "status_description",
    "terminate",
    "uninstall_handler",
    "unlock",
    "unmap_address",
    "unmap_trigger",
    "usb_control_in",
    "usb_control_out",
    "vxi_command_query",
    "wait_on_event",
    "write",
    "write_asynchronously",
    "write_from_file",
    "in_64",
    "move_in_64",
    "out_64",
    "move_out_64",
    "poke_64",
    "peek_64",
]

#: Further functions of this module that become methods of IVIVisaLibrary (PyVISA
#: defines the first three on the class itself; the last two are extensions).
extra_methods: tuple[str, ...] = (
    "get_buffer_from_id",
    "list_resources",
    "read_asynchronously",
    "read_into",
    "pxi_reserve_triggers",
)

__all__ = [*visa_functions, "set_signatures", "visa_functions"]
