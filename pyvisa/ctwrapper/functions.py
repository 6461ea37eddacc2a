"""The middle-level (level 2) operations of the ``ivi`` backend, one function each.

Each operation of :class:`~pyvisa.highlevel.VisaLibraryBase` (``read``,
``get_attribute``...) is a function taking the library object first, which
:class:`~pyvisa.ctwrapper.highlevel.IVIVisaLibrary` makes one of its methods (one
line per operation in its class body). A function converts the Python arguments to
C, calls the bound C function (``library.c.viRead``...: :mod:`.binding` checks the
integer arguments against their C types, processes the status and traces the call)
and converts the outputs passed by reference back to Python values.

The operations on event handlers are defined in :mod:`.handlers`, the memory and
register operations in :mod:`.memory`, and ``set_signatures`` and its helpers in
:mod:`.binding`; they are imported here, where PyVISA defines them.

The formatted I/O family of visa.h is **not exposed**, as in upstream PyVISA:
the variadic ``viPrintf``, ``viSPrintf``, ``viScanf``, ``viSScanf``,
``viQueryf`` and their ``va_list`` variants ``viVPrintf``, ``viVSPrintf``,
``viVScanf``, ``viVSScanf``, ``viVQueryf`` (:data:`.signatures.NOT_BOUND`).
ctypes can neither call C variadic functions portably nor build a ``va_list``;
formatted I/O is done in Python by the resource classes.

"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterable
from typing import Any

from ..constants import (
    VI_ATTR_USB_RECV_INTR_SIZE,
    VI_TMO_IMMEDIATE,
    AccessModes,
    InterfaceType,
    StatusCode,
)
from ..errors import (  # noqa: F401 - MissingFunctionError: PyVISA has it here
    InvalidArgument,
    InvalidArgumentType,
    MissingFunctionError,
    VisaIOError,
)
from ..rname import ResourceInfo
from ..typing import VISAEventContext, VISAJobID, VISARMSession, VISASession
from . import types
from .attribute_codec import attribute_codec, encode_attribute_value
from .binding import (  # noqa: F401 - PyVISA has them here
    BoundLibrary,
    check_int,
    check_uint,
    set_signature,
    set_signatures,
    set_user_handle_type,
)
from .handlers import (  # noqa: F401 - PyVISA has them here
    ViHndlr_lock,
    as_event_type,
    install_handler,
    uninstall_handler,
)
from .memory import (  # noqa: F401 - PyVISA has them here
    in_8,
    in_16,
    in_32,
    in_64,
    map_address,
    memory_allocation,
    memory_free,
    move,
    move_asynchronously,
    move_in_8,
    move_in_16,
    move_in_32,
    move_in_64,
    move_out_8,
    move_out_16,
    move_out_32,
    move_out_64,
    out_8,
    out_16,
    out_32,
    out_64,
    peek_8,
    peek_16,
    peek_32,
    peek_64,
    poke_8,
    poke_16,
    poke_32,
    poke_64,
    unmap_address,
)
from .message_io import (  # noqa: F401 - PyVISA has them here
    BytesLike,
    _data_buffer,
    _keep_received,
    read,
    read_into,
    write,
)
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

#: VISA specification version reported by PyVISA's ctypes wrapper (0x00300000). The
#: version of the VISA headers mirrored here is ``constants.VI_SPEC_VERSION``.
VI_SPEC_VERSION = 0x00300000

#: Size of the buffers receiving C strings: VI_FIND_BUFLEN (256) is the VISA
#: maximum; some libraries write longer aliases, so leave room.
STRING_BUFFER_SIZE = 1024

_UINT32_MAX = 0xFFFFFFFF


# ----------------------------------------------------------------------------
# Argument conversions
# ----------------------------------------------------------------------------


def _encode_filename(filename: Any) -> bytes:
    """Encode a file name for the C library (the ANSI code page on Windows, like fopen)."""
    path = os.fspath(filename)
    if isinstance(path, str) and sys.platform == "win32":
        try:
            path = path.encode("mbcs", "strict")
        except UnicodeEncodeError:
            raise InvalidArgument(
                f"the file name {path!r} cannot be represented in the ANSI code page "
                "used by the VISA library"
            ) from None
    return encode_string(path, "filename")


def _keep_job_data(
    library: BoundLibrary, session: int, job_id: int, data: Any, is_read: bool
) -> None:
    """Keep the memory of an asynchronous operation alive until its session is closed."""
    library._async_jobs.setdefault(int(session), {})[job_id] = (data, is_read)


def _as_interface_type(value: int) -> Any:
    try:
        return InterfaceType(value)
    except ValueError:
        return value


# ----------------------------------------------------------------------------
# Resource manager, sessions
# ----------------------------------------------------------------------------


def open_default_resource_manager(library: BoundLibrary) -> tuple[VISARMSession, StatusCode]:
    """Return a session to the Default Resource Manager resource (viOpenDefaultRM)."""
    session = ViSession()
    ret = library.c.viOpenDefaultRM(ctypes.byref(session))
    return VISARMSession(session.value), ret


def open(
    library: BoundLibrary,
    session: int,
    resource_name: str,
    access_mode: AccessModes = AccessModes.no_lock,
    open_timeout: int = VI_TMO_IMMEDIATE,
) -> tuple[VISASession, StatusCode]:
    """Open a session to the specified resource (viOpen)."""
    out_session = ViSession()
    name = encode_string(resource_name, "resource_name")
    ret = library.c.viOpen(session, name, access_mode, open_timeout, ctypes.byref(out_session))
    library._register_session(session, out_session.value)
    return VISASession(out_session.value), ret


def close(library: BoundLibrary, session: int) -> StatusCode:
    """Close the specified session, event, or find list (viClose).

    The callbacks and asynchronous buffers of the session are released once the
    library no longer knows it; after any other failure they stay alive, since
    the library may still call or write into them.
    """
    try:
        ret = library.c.viClose(session)
    except VisaIOError as exc:
        if exc.error_code == StatusCode.error_invalid_object:
            library._forget_session(session)
        raise
    library._forget_session(session)
    return ret


def _find_resources(
    library: BoundLibrary, session: int, query: str
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
    ret = library.c.viFindRsrc(
        session,
        encode_string(query, "query"),
        ctypes.byref(find_list),
        ctypes.byref(count),
        description,
    )
    return find_list.value, count.value, buffer_to_text(description), ret


def _find_next(library: BoundLibrary, find_list: int) -> tuple[str, StatusCode]:
    """Return the next resource of a find list (viFindNext)."""
    description = string_buffer(STRING_BUFFER_SIZE)
    ret = library.c.viFindNext(find_list, description)
    return buffer_to_text(description), ret


def list_resources(
    library: BoundLibrary, session: int, query: str = "?*::INSTR"
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
        library.c.viClose(find_list)
    return tuple(names)


def parse_resource(
    library: BoundLibrary, session: int, resource_name: str
) -> tuple[ResourceInfo, StatusCode]:
    """Parse a resource string to get the interface information (viParseRsrc)."""
    interface_type = ViUInt16()
    board = ViUInt16()
    ret = library.c.viParseRsrc(
        session,
        encode_string(resource_name, "resource_name"),
        ctypes.byref(interface_type),
        ctypes.byref(board),
    )
    info = ResourceInfo(_as_interface_type(interface_type.value), board.value, None, None, None)
    return info, ret


def parse_resource_extended(
    library: BoundLibrary, session: int, resource_name: str
) -> tuple[ResourceInfo, StatusCode]:
    """Parse a resource string to get extended interface information (viParseRsrcEx)."""
    interface_type = ViUInt16()
    board = ViUInt16()
    resource_class = string_buffer(STRING_BUFFER_SIZE)
    expanded = string_buffer(STRING_BUFFER_SIZE)
    alias = string_buffer(STRING_BUFFER_SIZE)
    ret = library.c.viParseRsrcEx(
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
        buffer_to_text(resource_class),
        buffer_to_text(expanded),
        buffer_to_text(alias) or None,
    )
    return info, ret


# ----------------------------------------------------------------------------
# Attributes
# ----------------------------------------------------------------------------


def get_attribute(library: BoundLibrary, session: int, attribute: int) -> tuple[Any, StatusCode]:
    """Retrieve the state of an attribute (viGetAttribute).

    The value is decoded according to the attribute's C type: integers for the
    ViUInt*/ViInt*/ViBoolean/ViVersion/ViBusAddress... types, ``int`` addresses
    for ViAddr and ViBuf, ``str`` for the string types, ``bytes`` for
    VI_ATTR_USB_RECV_INTR_DATA.
    """
    codec = attribute_codec(attribute)
    kind = codec.kind
    get = library.c.viGetAttribute
    if kind == "int" or kind == "address":
        value = codec.ctype()
        ret = get(session, attribute, ctypes.byref(value))
        return (value.value or 0) if kind == "address" else value.value, ret
    if kind == "string":
        buffer = string_buffer(STRING_BUFFER_SIZE)
        ret = get(session, attribute, buffer)
        return buffer_to_text(buffer), ret
    if kind == "unknown":
        buffer = string_buffer(STRING_BUFFER_SIZE)
        ret = get(session, attribute, buffer)
        return types.ViAttrState.from_buffer(buffer).value, ret
    # Byte array (USB interrupt data): its length is another attribute of the event.
    size_value = ViUInt16()
    get(session, VI_ATTR_USB_RECV_INTR_SIZE, ctypes.byref(size_value))
    buffer = ctypes.create_string_buffer(max(size_value.value, STRING_BUFFER_SIZE))
    ret = get(session, attribute, buffer)
    return ctypes.string_at(buffer, size_value.value), ret


def set_attribute(
    library: BoundLibrary, session: int, attribute: int, attribute_state: Any
) -> StatusCode:
    """Set the state of an attribute (viSetAttribute)."""
    return library.c.viSetAttribute(
        session, attribute, encode_attribute_value(attribute, attribute_state)
    )


def status_description(library: BoundLibrary, session: int, status: int) -> tuple[str, StatusCode]:
    """Return a user-readable description of a status code (viStatusDesc)."""
    description = string_buffer(STRING_BUFFER_SIZE)
    ret = library.c.viStatusDesc(session, status, description)
    return buffer_to_text(description), ret


def terminate(library: BoundLibrary, session: int, degree: Any, job_id: int) -> StatusCode:
    """Request a session to terminate normal execution of an operation (viTerminate)."""
    return library.c.viTerminate(session, 0 if degree is None else degree, job_id or 0)


def lock(
    library: BoundLibrary,
    session: int,
    lock_type: int,
    timeout: int,
    requested_key: str | None = None,
) -> tuple[str | None, StatusCode]:
    """Establish an access mode to the specified resource (viLock).

    Returns the key to share the lock (``None`` for an exclusive lock).
    """
    if lock_type == AccessModes.exclusive_lock:
        return None, library.c.viLock(session, lock_type, timeout, None, None)
    key = None if requested_key is None else encode_string(requested_key, "requested_key")
    access_key = string_buffer(STRING_BUFFER_SIZE)
    ret = library.c.viLock(session, lock_type, timeout, key, access_key)
    return buffer_to_text(access_key), ret


def unlock(library: BoundLibrary, session: int) -> StatusCode:
    """Relinquish a lock for the specified resource (viUnlock)."""
    return library.c.viUnlock(session)


# ----------------------------------------------------------------------------
# Events
# ----------------------------------------------------------------------------


def enable_event(
    library: BoundLibrary, session: int, event_type: int, mechanism: int, context: None = None
) -> StatusCode:
    """Enable notification of an event type by the given mechanisms (viEnableEvent)."""
    return library.c.viEnableEvent(
        session, event_type, mechanism, 0 if context is None else context
    )


def disable_event(
    library: BoundLibrary, session: int, event_type: int, mechanism: int
) -> StatusCode:
    """Disable notification of an event type by the given mechanisms (viDisableEvent)."""
    return library.c.viDisableEvent(session, event_type, mechanism)


def discard_events(
    library: BoundLibrary, session: int, event_type: int, mechanism: int
) -> StatusCode:
    """Discard pending event occurrences (viDiscardEvents)."""
    return library.c.viDiscardEvents(session, event_type, mechanism)


def wait_on_event(
    library: BoundLibrary, session: int, in_event_type: int, timeout: int
) -> tuple[Any, VISAEventContext, StatusCode]:
    """Wait for an occurrence of the given event type (viWaitOnEvent).

    Returns the received event type, the event context and the status.
    """
    out_type = ViEventType()
    context = ViEvent()
    ret = library.c.viWaitOnEvent(
        session, in_event_type, timeout, ctypes.byref(out_type), ctypes.byref(context)
    )
    return as_event_type(out_type.value), VISAEventContext(context.value), ret


# ----------------------------------------------------------------------------
# Basic I/O
# ----------------------------------------------------------------------------


#: Seconds get_buffer_from_id waits for a read_asynchronously call in progress.
ASYNC_REGISTRATION_TIMEOUT = 5.0


def read_asynchronously(
    library: BoundLibrary, session: int, count: int
) -> tuple[Any, VISAJobID, StatusCode]:
    """Read data from a device or interface asynchronously (viReadAsync).

    The buffer is registered before this function returns so that
    :meth:`get_buffer_from_id` finds it; it stays alive until the session is closed.
    """
    count = check_uint(count, 32, "count")  # it sizes the buffer
    buffer = ctypes.create_string_buffer(count)
    job_id = ViJobId()
    with library._async_lock:
        try:
            ret = library.c.viReadAsync(session, buffer, count, ctypes.byref(job_id))
        finally:
            # Even when the status raises (a warning turned into an error...), a started
            # job still writes into the buffer.
            if job_id.value:
                _keep_job_data(library, session, job_id.value, buffer, True)
    return buffer, VISAJobID(job_id.value), ret


def get_buffer_from_id(library: BoundLibrary, job_id: int) -> Any:
    """Buffer of an asynchronous read, or ``None`` if the job id is unknown.

    Waits (at most :data:`~pyvisa.ctwrapper.functions.ASYNC_REGISTRATION_TIMEOUT` seconds) for a
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


def write_asynchronously(
    library: BoundLibrary, session: int, data: BytesLike
) -> tuple[VISAJobID, StatusCode]:
    """Write data to a device or interface asynchronously (viWriteAsync).

    The data is copied (unless it is ``bytes``) and, unless the write completed
    synchronously, kept alive until the session is closed.
    """
    buffer, _ = _data_buffer(data)
    data = buffer if type(buffer) is bytes else bytes(buffer)
    job_id = ViJobId()
    ret = None
    with library._async_lock:
        try:
            ret = library.c.viWriteAsync(session, data, len(data), ctypes.byref(job_id))
        finally:
            if job_id.value and ret != StatusCode.success_synchronous:
                _keep_job_data(library, session, job_id.value, data, False)
    return VISAJobID(job_id.value), ret


def read_to_file(
    library: BoundLibrary, session: int, filename: str, count: int
) -> tuple[int, StatusCode]:
    """Read data synchronously and store it in a file (viReadToFile)."""
    return_count = ViUInt32()
    ret = library.c.viReadToFile(
        session, _encode_filename(filename), count, ctypes.byref(return_count)
    )
    return return_count.value, ret


def write_from_file(
    library: BoundLibrary, session: int, filename: str, count: int
) -> tuple[int, StatusCode]:
    """Take data from a file and write it out synchronously (viWriteFromFile)."""
    return_count = ViUInt32()
    ret = library.c.viWriteFromFile(
        session, _encode_filename(filename), count, ctypes.byref(return_count)
    )
    return return_count.value, ret


def assert_trigger(library: BoundLibrary, session: int, protocol: int) -> StatusCode:
    """Assert a software or hardware trigger (viAssertTrigger)."""
    return library.c.viAssertTrigger(session, protocol)


def read_stb(library: BoundLibrary, session: int) -> tuple[int, StatusCode]:
    """Read a status byte of the service request (viReadSTB)."""
    status = ViUInt16()
    ret = library.c.viReadSTB(session, ctypes.byref(status))
    return status.value, ret


def clear(library: BoundLibrary, session: int) -> StatusCode:
    """Clear a device (viClear)."""
    return library.c.viClear(session)


def set_buffer(library: BoundLibrary, session: int, mask: int, size: int) -> StatusCode:
    """Set the size of the formatted and/or low-level I/O buffers (viSetBuf)."""
    return library.c.viSetBuf(session, mask, size)


def flush(library: BoundLibrary, session: int, mask: int) -> StatusCode:
    """Flush the specified buffers (viFlush)."""
    return library.c.viFlush(session, mask)


def buffer_write(library: BoundLibrary, session: int, data: BytesLike) -> tuple[int, StatusCode]:
    """Write data to a formatted I/O write buffer synchronously (viBufWrite)."""
    buffer, size = _data_buffer(data)
    return_count = ViUInt32()
    ret = library.c.viBufWrite(session, buffer, size, ctypes.byref(return_count))
    return return_count.value, ret


def buffer_read(library: BoundLibrary, session: int, count: int) -> tuple[bytes, StatusCode]:
    """Read data through the formatted I/O read buffer (viBufRead)."""
    count = check_uint(count, 32, "count")  # it sizes the buffer
    buffer = (ctypes.c_char * count)()
    return_count = ViUInt32()
    ret = library.c.viBufRead(session, buffer, count, ctypes.byref(return_count))
    return bytes(memoryview(buffer)[: return_count.value]), ret


# ----------------------------------------------------------------------------
# Interface specific operations
# ----------------------------------------------------------------------------


def gpib_control_ren(library: BoundLibrary, session: int, mode: int) -> StatusCode:
    """Control the state of the GPIB Remote Enable (REN) line (viGpibControlREN)."""
    return library.c.viGpibControlREN(session, mode)


def gpib_control_atn(library: BoundLibrary, session: int, mode: int) -> StatusCode:
    """Specify the state of the ATN line and the local active controller state (viGpibControlATN)."""
    return library.c.viGpibControlATN(session, mode)


def gpib_send_ifc(library: BoundLibrary, session: int) -> StatusCode:
    """Pulse the interface clear line (IFC) for at least 100 microseconds (viGpibSendIFC)."""
    return library.c.viGpibSendIFC(session)


def gpib_command(library: BoundLibrary, session: int, data: BytesLike) -> tuple[int, StatusCode]:
    """Write GPIB command bytes on the bus (viGpibCommand)."""
    buffer, size = _data_buffer(data)
    return_count = ViUInt32()
    ret = library.c.viGpibCommand(session, buffer, size, ctypes.byref(return_count))
    return return_count.value, ret


def gpib_pass_control(
    library: BoundLibrary, session: int, primary_address: int, secondary_address: int
) -> StatusCode:
    """Tell a GPIB device to become controller in charge (viGpibPassControl)."""
    return library.c.viGpibPassControl(session, primary_address, secondary_address)


def vxi_command_query(
    library: BoundLibrary, session: int, mode: int, command: int
) -> tuple[int, StatusCode]:
    """Send a miscellaneous command or query and/or retrieve a response (viVxiCommandQuery)."""
    response = ViUInt32()
    ret = library.c.viVxiCommandQuery(session, mode, command, ctypes.byref(response))
    return response.value, ret


def assert_utility_signal(library: BoundLibrary, session: int, line: int) -> StatusCode:
    """Assert or deassert the specified utility bus signal (viAssertUtilSignal)."""
    return library.c.viAssertUtilSignal(session, line)


def assert_interrupt_signal(
    library: BoundLibrary, session: int, mode: int, status_id: int
) -> StatusCode:
    """Assert the specified interrupt or signal (viAssertIntrSignal)."""
    return library.c.viAssertIntrSignal(session, mode, status_id)


def map_trigger(
    library: BoundLibrary,
    session: int,
    trigger_source: int,
    trigger_destination: int,
    mode: Any,
) -> StatusCode:
    """Map a trigger source line to a destination line (viMapTrigger; ``mode`` None is 0)."""
    return library.c.viMapTrigger(
        session, trigger_source, trigger_destination, 0 if mode is None else mode
    )


def unmap_trigger(
    library: BoundLibrary, session: int, trigger_source: int, trigger_destination: int
) -> StatusCode:
    """Undo a previous map between a trigger source and destination line (viUnmapTrigger)."""
    return library.c.viUnmapTrigger(session, trigger_source, trigger_destination)


def usb_control_out(
    library: BoundLibrary,
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
    return library.c.viUsbControlOut(
        session,
        request_type_bitmap_field,
        request_id,
        request_value,
        index,
        size,
        buffer if size else None,
    )


def usb_control_in(
    library: BoundLibrary,
    session: int,
    request_type_bitmap_field: int,
    request_id: int,
    request_value: int,
    index: int,
    length: int = 0,
) -> tuple[bytes, StatusCode]:
    """Perform a USB control pipe transfer from the device (viUsbControlIn)."""
    length = check_uint(length, 16, "length")  # it sizes the buffer
    buffer = ctypes.create_string_buffer(length)
    return_count = ViUInt16()
    ret = library.c.viUsbControlIn(
        session,
        request_type_bitmap_field,
        request_id,
        request_value,
        index,
        length,
        buffer,
        ctypes.byref(return_count),
    )
    return bytes(memoryview(buffer)[: return_count.value]), ret


def pxi_reserve_triggers(
    library: BoundLibrary,
    session: int,
    trigger_buses: Iterable[int],
    trigger_lines: Iterable[int],
) -> tuple[int, StatusCode]:
    """Reserve PXI trigger lines (viPxiReserveTriggers).

    Returns the index of the first trigger that could not be reserved (as
    reported by the library) and the status.
    """
    # Array elements: checked here as the ViInt16 scalars they are.
    buses = [check_int(bus, 16, "trigger bus") for bus in trigger_buses]
    lines = [check_int(line, 16, "trigger line") for line in trigger_lines]
    if len(buses) != len(lines):
        raise InvalidArgument(
            f"trigger_buses ({len(buses)}) and trigger_lines ({len(lines)}) differ in length"
        )
    c_buses = (types.ViInt16 * len(buses))(*buses)
    c_lines = (types.ViInt16 * len(lines))(*lines)
    failure_index = types.ViInt16()
    ret = library.c.viPxiReserveTriggers(
        session, len(buses), c_buses, c_lines, ctypes.byref(failure_index)
    )
    return failure_index.value, ret


#: Names of the middle-level functions that become methods of IVIVisaLibrary (the
#: list of PyVISA, in its order), for :func:`~pyvisa.ctwrapper.highlevel.add_visa_methods`.
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

#: Further functions of this module that add_visa_methods gives a class (PyVISA defines
#: the first three on the class itself; the last two are extensions).
extra_methods: tuple[str, ...] = (
    "get_buffer_from_id",
    "list_resources",
    "read_asynchronously",
    "read_into",
    "pxi_reserve_triggers",
)

__all__ = [*visa_functions, "set_signatures", "visa_functions"]
