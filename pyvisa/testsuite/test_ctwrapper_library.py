"""The ivi backend (IVIVisaLibrary) against the reference VISA library.

Every bound C function is called at least once through the middle-level (or,
for the few without one, the low-level) functions; marshalling is checked both
ways with values at the limits of the C types, 64-bit offsets and addresses,
binary data containing NUL bytes and non-ASCII strings; error statuses must
raise VisaIOError with the right code. No session may leak.

"""

from __future__ import annotations

import ctypes
import logging
import pathlib
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pyvisa import constants as c
from pyvisa import errors, logger
from pyvisa.constants import AddressSpace, EventMechanism, EventType, StatusCode
from pyvisa.ctwrapper import IVIVisaLibrary, attribute_codec, binding
from pyvisa.highlevel import ResourceInfo
from pyvisa.testsuite.reference_visa import load_hooks

GPIB = "GPIB0::1::INSTR"
ASRL = "ASRL1::INSTR"
MEMACC = "VXI0::MEMACC"

#: Names of the C functions the library called during this module (from the DEBUG trace).
CALLED: set[str] = set()


class _TraceRecorder(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == binding.TRACE_FORMAT and isinstance(record.args, tuple):
            CALLED.add(str(record.args[0]))


@pytest.fixture(scope="module")
def lib(reference_library: str) -> Iterator[IVIVisaLibrary]:
    library = IVIVisaLibrary(reference_library)
    load_hooks(library.lib)
    recorder = _TraceRecorder(logging.DEBUG)
    previous_level = logger.level
    logger.addHandler(recorder)
    logger.setLevel(logging.DEBUG)
    try:
        yield library
    finally:
        logger.removeHandler(recorder)
        logger.setLevel(previous_level)


@pytest.fixture
def rm(lib: IVIVisaLibrary) -> Iterator[int]:
    session, status = lib.open_default_resource_manager()
    assert isinstance(session, int) and status == StatusCode.success
    yield session
    lib.close(session)  # closes every session opened through it
    assert not lib._callbacks and not lib._async_jobs and not lib._opened_sessions
    assert lib.lib.refvisa_open_session_count() == 0
    assert lib.lib.refvisa_open_object_count() == 0


@pytest.fixture
def opener(lib: IVIVisaLibrary, rm: int) -> Callable[[str], int]:
    def open_session(name: str) -> int:
        session, status = lib.open(rm, name)
        assert status == StatusCode.success
        return session

    return open_session


def _raises(code: StatusCode, func: Callable[..., Any], *args: Any) -> None:
    with pytest.raises(errors.VisaIOError) as excinfo:
        func(*args)
    assert excinfo.value.error_code == code


# ------------------------------------------------------------------- resource manager


def test_open_and_close(lib: IVIVisaLibrary, rm: int) -> None:
    session, status = lib.open(rm, GPIB, c.AccessModes.no_lock, 0)
    assert status == StatusCode.success
    assert lib.lib.refvisa_open_session_count() == 1
    assert lib.close(session) == StatusCode.success
    assert lib.lib.refvisa_open_session_count() == 0
    _raises(StatusCode.error_invalid_object, lib.close, session)
    _raises(StatusCode.error_invalid_resource_name, lib.open, rm, "NOT A NAME")
    _raises(StatusCode.error_resource_not_found, lib.open, rm, "GPIB0::9::INSTR")
    _raises(StatusCode.error_resource_not_found, lib.open, rm, "TCPIP0::hôte-µ::inst0::INSTR")
    with pytest.raises(ValueError, match="NUL"):
        lib.open(rm, "GPIB0::1::INSTR\0junk")


def test_list_resources(lib: IVIVisaLibrary, rm: int) -> None:
    from pyvisa.testsuite.reference_visa import RESOURCES

    assert lib.list_resources(rm, "?*") == RESOURCES
    assert lib.list_resources(rm) == tuple(r for r in RESOURCES if r.endswith("::INSTR"))
    assert lib.list_resources(rm, "GPIB?*INSTR") == (
        "GPIB0::1::INSTR",
        "GPIB0::2::INSTR",
        "GPIB0::4::5::INSTR",
    )
    assert lib.list_resources(rm, "NOTHING?*") == ()
    _raises(StatusCode.error_resource_not_found, lib._find_resources, rm, "NOTHING?*")
    find_list, count, first, _ = lib._find_resources(rm, "ASRL?*")
    assert (count, first) == (2, "ASRL1::INSTR")
    assert lib._find_next(find_list) == ("ASRL2::INSTR", StatusCode.success)
    lib.close(find_list)


def test_parse_resource(lib: IVIVisaLibrary, rm: int) -> None:
    info, status = lib.parse_resource(rm, "gpib0::4::5::instr")
    assert info == ResourceInfo(c.InterfaceType.gpib, 0, None, None, None)
    assert status == StatusCode.success
    info, _ = lib.parse_resource_extended(rm, "gpib0::4::5::instr")
    assert info == ResourceInfo(c.InterfaceType.gpib, 0, "INSTR", "GPIB0::4::5::INSTR", None)
    assert isinstance(info.interface_type, c.InterfaceType)
    _raises(
        StatusCode.error_resource_not_found,
        lib.parse_resource_extended,
        rm,
        "TCPIP0::hôte-µ::inst0::INSTR",
    )
    _raises(StatusCode.error_invalid_resource_name, lib.parse_resource, rm, "::")
    _raises(StatusCode.error_invalid_resource_name, lib.parse_resource_extended, rm, "::")


# ------------------------------------------------------------------------- attributes


@pytest.mark.parametrize(
    "attribute, values",
    [
        (c.VI_ATTR_TMO_VALUE, (0, 1, 0xFFFFFFFF)),  # ViUInt32
        (c.VI_ATTR_TERMCHAR, (0, 0x0A, 0xFF)),  # ViUInt8
        (c.VI_ATTR_TRIG_ID, (-1, 0, 7)),  # ViInt16
        (c.VI_ATTR_TERMCHAR_EN, (c.VI_TRUE, c.VI_FALSE)),  # ViBoolean
        (c.VI_ATTR_USER_DATA, (0, 2**32 + 5, (1 << (ctypes.sizeof(ctypes.c_void_p) * 8)) - 1)),
        (c.VI_ATTR_MAX_QUEUE_LENGTH, (1, 0xFFFFFFFF)),
    ],
)
def test_attribute_round_trip(
    lib: IVIVisaLibrary, opener: Callable[[str], int], attribute: int, values: tuple[int, ...]
) -> None:
    session = opener(GPIB)
    for value in values:
        assert lib.set_attribute(session, attribute, value) == StatusCode.success
        assert lib.get_attribute(session, attribute) == (value, StatusCode.success)


def test_attribute_types(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(GPIB)
    assert lib.get_attribute(session, c.VI_ATTR_RSRC_NAME) == (GPIB, StatusCode.success)
    assert lib.get_attribute(session, c.ResourceAttribute.resource_manufacturer_name)[0] == (
        "PyVISA reference VISA library"
    )
    version, _ = lib.get_attribute(session, c.VI_ATTR_RSRC_SPEC_VERSION)
    assert isinstance(version, int) and version >> 20 >= 5
    assert lib.get_attribute(session, c.VI_ATTR_GPIB_PRIMARY_ADDR)[0] == 1
    _raises(
        StatusCode.error_nonsupported_attribute, lib.get_attribute, session, c.VI_ATTR_ASRL_BAUD
    )
    _raises(
        StatusCode.error_attribute_read_only,
        lib.set_attribute,
        session,
        c.VI_ATTR_RSRC_IMPL_VERSION,
        1,
    )
    with pytest.raises(ValueError, match="out of range"):
        lib.set_attribute(session, c.VI_ATTR_TERMCHAR, 256)
    with pytest.raises(TypeError, match="expected an integer"):
        lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, "fast")


def test_status_description(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(GPIB)
    text, status = lib.status_description(session, StatusCode.error_timeout)
    assert text == "Timeout expired before operation completed."
    assert status == StatusCode.success
    with pytest.warns(errors.VisaIOWarning, match="VI_WARN_UNKNOWN_STATUS"):
        text, status = lib.status_description(session, -1)
    assert "0xFFFFFFFF" in text
    assert status == StatusCode.warning_unknown_status


# ------------------------------------------------------------------------- basic I/O


def test_write_read_binary_with_nul_bytes(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    session = opener(ASRL)
    payload = bytes(range(256)) * 3
    assert lib.write(session, payload) == (len(payload), StatusCode.success)
    with lib.ignore_warning(session, StatusCode.success_max_count_read):
        first, status = lib.read(session, 100)
    assert (first, status) == (payload[:100], StatusCode.success_max_count_read)
    rest, status = lib.read(session, 10000)
    assert (first + rest, status) == (payload, StatusCode.success)


def test_read_max_count_warns(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(ASRL)
    lib.write(session, b"abcdef")
    with pytest.warns(errors.VisaIOWarning, match="VI_SUCCESS_MAX_CNT"):
        assert lib.read(session, 3) == (b"abc", StatusCode.success_max_count_read)
    assert lib.get_last_status_in_session(session) == StatusCode.success_max_count_read
    assert lib.read(session, 3)[0] == b"def"


def test_read_into(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(ASRL)
    lib.write(session, b"\x00\x01\x02\x03")
    storage = bytearray(b"\xff" * 8)
    assert lib.read_into(session, memoryview(storage)[2:]) == (4, StatusCode.success)
    assert storage == b"\xff\xff\x00\x01\x02\x03\xff\xff"


def test_read_timeout(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(ASRL)
    lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, 1)
    _raises(StatusCode.error_timeout, lib.read, session, 10)
    assert lib.get_last_status_in_session(session) == StatusCode.error_timeout


def test_termination_character(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(ASRL)
    lib.set_attribute(session, c.VI_ATTR_TERMCHAR, ord("\n"))
    lib.set_attribute(session, c.VI_ATTR_TERMCHAR_EN, c.VI_TRUE)
    lib.set_attribute(session, c.VI_ATTR_SEND_END_EN, c.VI_FALSE)
    lib.write(session, b"one\ntwo\n")
    assert lib.read(session, 100) == (b"one\n", StatusCode.success_termination_character_read)
    assert lib.read(session, 100) == (b"two\n", StatusCode.success_termination_character_read)


def test_buffered_io_and_files(
    lib: IVIVisaLibrary, opener: Callable[[str], int], tmp_path: pathlib.Path
) -> None:
    session = opener(GPIB)
    assert lib.set_buffer(session, c.BufferType.io_out | c.BufferType.io_in, 4096) == 0
    assert lib.buffer_write(session, b"x\0y\n") == (4, StatusCode.success)
    assert lib.flush(session, c.BufferOperation.flush_write_buffer) == StatusCode.success
    assert lib.buffer_read(session, 10) == (b"x\0y\n", StatusCode.success)
    target = tmp_path / "données-µ.bin"
    lib.write(session, b"\x00file\xff")
    assert lib.read_to_file(session, str(target), 6) == (6, StatusCode.success)
    assert target.read_bytes() == b"\x00file\xff"
    assert lib.write_from_file(session, target, 6) == (6, StatusCode.success)  # a PathLike
    assert lib.read(session, 6) == (b"\x00file\xff", StatusCode.success)


def test_status_byte_trigger_clear(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(GPIB)
    lib.lib.refvisa_set_stb(session, 0xFF)
    assert lib.read_stb(session) == (0xFF, StatusCode.success)
    assert lib.assert_trigger(session, c.TriggerProtocol.default) == StatusCode.success
    count = ctypes.c_uint32()
    lib.lib.refvisa_trigger_count(session, ctypes.byref(count))
    assert count.value == 1
    lib.write(session, b"pending")
    assert lib.clear(session) == StatusCode.success
    lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, 1)
    _raises(StatusCode.error_timeout, lib.read, session, 1)


def test_asynchronous_io(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(GPIB)
    lib.enable_event(session, EventType.io_completion, EventMechanism.queue)
    with lib.ignore_warning(session, StatusCode.success_synchronous):
        job, status = lib.write_asynchronously(session, b"\x00async\xff")
    assert status == StatusCode.success_synchronous
    assert session not in lib._async_jobs  # completed: the library holds no pointer to the data
    event_type, context, _ = lib.wait_on_event(session, EventType.io_completion, 1000)
    assert event_type is EventType.io_completion
    assert lib.get_attribute(context, c.VI_ATTR_JOB_ID)[0] == job
    lib.close(context)
    buffer, job, status = lib.read_asynchronously(session, 7)
    assert lib.get_buffer_from_id(job) is buffer
    event_type, context, _ = lib.wait_on_event(session, EventType.io_completion, 1000)
    assert lib.get_attribute(context, c.VI_ATTR_JOB_ID)[0] == job
    assert lib.get_attribute(context, c.VI_ATTR_RET_COUNT)[0] == 7
    assert lib.get_attribute(context, c.VI_ATTR_OPER_NAME)[0] == "viReadAsync"
    assert lib.get_attribute(context, c.VI_ATTR_BUFFER)[0] == ctypes.addressof(buffer)
    assert bytes(buffer) == b"\x00async\xff"
    lib.close(context)
    # The job is over: the library no longer knows it.
    _raises(StatusCode(c.VI_ERROR_INV_JOB_ID), lib.terminate, session, None, job)
    assert lib.get_buffer_from_id(123456) is None
    lib.close(session)
    assert lib.get_buffer_from_id(job) is None


def test_started_read_keeps_its_buffer_when_the_status_raises(
    lib: IVIVisaLibrary, opener: Callable[[str], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opener(ASRL)
    real_read_async = lib.c.viReadAsync

    def read_async_then_fail(*args: Any) -> StatusCode:
        real_read_async(*args)  # the job is started: the C thread owns the buffer
        raise errors.VisaIOWarning(StatusCode.success_synchronous)

    monkeypatch.setattr(lib.c, "viReadAsync", read_async_then_fail)
    with pytest.raises(errors.VisaIOWarning):
        lib.read_asynchronously(session, 4)
    ((job, (buffer, is_read)),) = lib._async_jobs[session].items()
    assert is_read and lib.get_buffer_from_id(job) is buffer
    lib.write(session, b"data")
    _wait_for(lambda: bytes(buffer) == b"data")


def test_completion_handler_finds_the_read_buffer(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    session = opener(ASRL)
    lib.clear(session)
    seen: list[bytes] = []

    def on_completion(sess: int, event_type: EventType, context: int, user: Any) -> None:
        job_id = lib.get_attribute(context, c.VI_ATTR_JOB_ID)[0]
        seen.append(bytes(lib.get_buffer_from_id(job_id)))

    lib.install_visa_handler(session, EventType.io_completion, on_completion)
    lib.enable_event(session, EventType.io_completion, EventMechanism.handler)
    lib.write(session, b"\x00\xffdata")
    lib.read_asynchronously(session, 6)
    _wait_for(lambda: bool(seen))
    assert seen == [b"\x00\xffdata"]
    lib.disable_event(session, EventType.io_completion, EventMechanism.handler)
    lib.uninstall_all_visa_handlers(session)


# -------------------------------------------------------------------------------- locks


def test_locks(lib: IVIVisaLibrary, rm: int, opener: Callable[[str], int]) -> None:
    first, second = opener(GPIB), opener(GPIB)
    assert lib.lock(first, c.Lock.exclusive, 0) == (None, StatusCode.success)
    _raises(StatusCode.error_resource_locked, lib.write, second, b"x")
    _raises(StatusCode.error_resource_locked, lib.lock, second, c.Lock.exclusive, 0)
    _raises(StatusCode.error_timeout, lib.lock, second, c.Lock.shared, 5)
    assert lib.unlock(first) == StatusCode.success
    _raises(StatusCode.error_session_not_locked, lib.unlock, first)
    key, _ = lib.lock(first, c.Lock.shared, 0, "clé-µ")
    assert key == "clé-µ"
    assert lib.lock(second, c.Lock.shared, 0, key) == ("clé-µ", StatusCode.success)
    generated, _ = lib.lock(opener(ASRL), c.Lock.shared, 0)
    assert generated.startswith("refvisa-key-")
    _raises(StatusCode.error_resource_locked, lib.open, rm, GPIB, c.AccessModes.exclusive_lock, 0)


# ------------------------------------------------------------------------------- events


def test_queue_events(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(GPIB)
    _raises(StatusCode.error_not_enabled, lib.wait_on_event, session, EventType.service_request, 1)
    lib.enable_event(session, EventType.service_request, EventMechanism.queue)
    _raises(StatusCode.error_timeout, lib.wait_on_event, session, EventType.service_request, 1)
    lib.lib.refvisa_raise_srq(session, 0)
    event_type, context, status = lib.wait_on_event(session, EventType.service_request, 1000)
    assert (event_type, status) == (EventType.service_request, StatusCode.success)
    assert lib.get_attribute(context, c.VI_ATTR_EVENT_TYPE)[0] == EventType.service_request
    lib.close(context)
    lib.lib.refvisa_raise_srq(session, 0)
    assert lib.discard_events(session, EventType.service_request, EventMechanism.queue) == 0
    _raises(StatusCode.error_timeout, lib.wait_on_event, session, EventType.service_request, 0)
    with lib.ignore_warning(session, StatusCode.success_queue_already_empty):
        assert (
            lib.discard_events(session, EventType.service_request, EventMechanism.queue)
            == StatusCode.success_queue_already_empty
        )
    assert lib.disable_event(session, EventType.service_request, EventMechanism.queue) == 0
    _raises(
        StatusCode.error_invalid_event,
        lib.enable_event,
        opener(ASRL),
        EventType.service_request,
        EventMechanism.queue,
    )


def _wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.005)


@pytest.mark.parametrize(
    "user_handle, expected",
    [
        (None, None),
        (42, 42),
        (-(2**40), -(2**40)),
        (2.5, 2.5),
        ("µ-handle", "µ-handle"),
        (b"bytes", b"bytes"),
        ([1, 2, 3], [1, 2, 3]),
    ],
)
def test_handler_called_from_the_dispatcher_thread(
    lib: IVIVisaLibrary, opener: Callable[[str], int], user_handle: Any, expected: Any
) -> None:
    session = opener(GPIB)
    calls: list[tuple[Any, ...]] = []

    def handler(*args: Any) -> None:
        calls.append((*args, threading.current_thread() is threading.main_thread()))

    converted = lib.install_visa_handler(session, EventType.service_request, handler, user_handle)
    lib.enable_event(session, EventType.service_request, EventMechanism.handler)
    before = lib.lib.refvisa_handler_thread_calls()
    lib.lib.refvisa_raise_srq(session, 0)
    _wait_for(lambda: bool(calls))
    sess, event_type, context, received, on_main_thread = calls[0]
    assert (sess, event_type) == (session, EventType.service_request)
    assert isinstance(event_type, EventType) and isinstance(context, int)
    assert received is converted
    if expected is None:
        assert received is None
    elif isinstance(expected, list):
        assert list(received) == expected
    else:
        assert received.value == expected
    assert not on_main_thread
    assert lib.lib.refvisa_handler_thread_calls() > before
    lib.disable_event(session, EventType.service_request, EventMechanism.handler)
    lib.uninstall_visa_handler(session, EventType.service_request, handler, converted)
    assert not lib._callbacks and not lib.handlers
    with pytest.raises(errors.UnknownHandler):
        lib.uninstall_visa_handler(session, EventType.service_request, handler, converted)


def test_handler_exception_is_logged(
    lib: IVIVisaLibrary, opener: Callable[[str], int], caplog: pytest.LogCaptureFixture
) -> None:
    session = opener(GPIB)
    done = threading.Event()

    def failing(*args: Any) -> None:
        done.set()
        raise RuntimeError("handler failure")

    lib.install_visa_handler(session, EventType.service_request, failing)
    lib.enable_event(session, EventType.service_request, EventMechanism.handler)
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        lib.lib.refvisa_raise_srq(session, 0)
        assert done.wait(5)
        _wait_for(lambda: "handler failure" in caplog.text)
    # The library keeps working after the failing handler.
    assert lib.write(session, b"ok") == (2, StatusCode.success)
    assert lib.read(session, 2)[0] == b"ok"
    lib.uninstall_all_visa_handlers(session)


def test_install_handler_errors(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(ASRL)
    with pytest.raises(errors.VisaTypeError):
        lib.install_visa_handler(session, EventType.service_request, print, object())
    _raises(
        StatusCode.error_invalid_event,
        lib.install_handler,
        session,
        EventType.service_request,
        print,
        None,
    )
    assert not lib._callbacks
    handler, converted_user, converted_handler, _ = lib.install_handler(
        session, EventType.clear, print, 7
    )
    assert lib.uninstall_handler(session, EventType.clear, converted_handler, converted_user) == 0
    with pytest.raises(errors.UnknownHandler):
        lib.uninstall_handler(session, EventType.clear, print, 7)


# ----------------------------------------------------------------------- register access


@pytest.mark.parametrize("bits", [8, 16, 32, 64])
def test_in_out_limits(lib: IVIVisaLibrary, opener: Callable[[str], int], bits: int) -> None:
    session = opener(MEMACC)
    out = getattr(lib, f"out_{bits}")
    read = getattr(lib, f"in_{bits}")
    for value in (0, 1, (1 << bits) - 1):
        for extended in (False, True):
            assert out(session, AddressSpace.a24, 0x100, value, extended) == StatusCode.success
            assert read(session, AddressSpace.a24, 0x100, extended) == (value, StatusCode.success)
    assert lib.read_memory(session, AddressSpace.a24, 0x100, bits) == ((1 << bits) - 1, 0)
    assert lib.write_memory(session, AddressSpace.a24, 0x100, 1, bits) == StatusCode.success
    with pytest.raises(ValueError, match="unsigned"):
        out(session, AddressSpace.a24, 0x100, 1 << bits)
    # A 64-bit offset must reach the library intact (not truncated to 0x100).
    _raises(StatusCode.error_invalid_offset, read, session, AddressSpace.a24, 2**32 + 0x100, True)
    _raises(StatusCode.error_nonsupported_operation, read, opener(ASRL), AddressSpace.a24, 0)


@pytest.mark.parametrize("bits", [8, 16, 32, 64])
def test_move_in_out(lib: IVIVisaLibrary, opener: Callable[[str], int], bits: int) -> None:
    session = opener(MEMACC)
    data = [0, 1, (1 << bits) - 1, 0x5A]
    move_out = getattr(lib, f"move_out_{bits}")
    move_in = getattr(lib, f"move_in_{bits}")
    for extended in (False, True):
        assert move_out(session, AddressSpace.a32, 0x40, 4, data, extended) == 0
        assert move_in(session, AddressSpace.a32, 0x40, 4, extended) == (data, StatusCode.success)
    assert lib.move_in(session, AddressSpace.a32, 0x40, 4, bits) == (data, StatusCode.success)
    assert lib.move_out(session, AddressSpace.a32, 0x40, 1, [9], bits) == StatusCode.success
    _raises(StatusCode.error_invalid_offset, move_in, session, AddressSpace.a32, 2**33, 1, True)
    with pytest.raises(ValueError, match="fewer than length"):
        move_out(session, AddressSpace.a32, 0, 3, [1])


def test_move(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(MEMACC)
    lib.move_out_16(session, AddressSpace.a16, 0, 2, [0xFFFF, 0x0102])
    width = c.DataWidth.bit_16
    assert lib.move(session, AddressSpace.a16, 0, width, AddressSpace.a24, 8, width, 2) == 0
    assert lib.move_in_16(session, AddressSpace.a24, 8, 2)[0] == [0xFFFF, 0x0102]
    # 1.16.2 has no "extended" argument: the 64-bit viMoveEx is reached directly.
    assert lib.viMoveEx(session, AddressSpace.a16, 0, width, AddressSpace.a32, 8, width, 2) == 0
    assert lib.move_in_16(session, AddressSpace.a32, 8, 2)[0] == [0xFFFF, 0x0102]
    with lib.ignore_warning(session, StatusCode.success_synchronous):
        job, status = lib.move_asynchronously(
            session, AddressSpace.a16, 0, width, AddressSpace.a64, 0, width, 2
        )
        assert isinstance(job, int) and status == StatusCode.success_synchronous
        job_id = ctypes.c_uint32()
        status = lib.viMoveAsyncEx(
            session,
            AddressSpace.a16,
            0,
            width,
            AddressSpace.a64,
            0,
            width,
            2,
            ctypes.byref(job_id),
        )
        assert status == StatusCode.success_synchronous
    assert lib.move_in_16(session, AddressSpace.a64, 0, 2, True)[0] == [0xFFFF, 0x0102]


def test_map_peek_poke(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener(MEMACC)
    for extended in (False, True):
        if extended:
            c_address = ctypes.c_void_p()
            status = lib.viMapAddressEx(
                session, AddressSpace.a32, 0x200, 0x100, 0, None, ctypes.byref(c_address)
            )
            address = c_address.value or 0
        else:
            address, status = lib.map_address(session, AddressSpace.a32, 0x200, 0x100)
        assert status == StatusCode.success
        # A real pointer in the process: on 64-bit Python it is above 4 GiB.
        if ctypes.sizeof(ctypes.c_void_p) == 8:
            assert address > 2**32
        for bits in (8, 16, 32, 64):
            top = (1 << bits) - 1
            assert getattr(lib, f"poke_{bits}")(session, address + 8, top) == StatusCode.success
            assert getattr(lib, f"peek_{bits}")(session, address + 8) == (top, StatusCode.success)
            assert getattr(lib, f"in_{bits}")(session, AddressSpace.a32, 0x208)[0] == top
            assert lib.poke(session, address, bits, 1) == StatusCode.success
            assert lib.peek(session, address, bits) == (1, StatusCode.success)
        assert lib.unmap_address(session) == StatusCode.success


def test_shared_memory(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener("PXI0::1::INSTR")
    offset, status = lib.memory_allocation(session, 16)
    assert offset >= 0x100 and status == StatusCode.success
    offset64, _ = lib.memory_allocation(session, 16, True)
    assert offset64 >= 0x100 and offset64 != offset
    assert lib.memory_free(session, offset) == StatusCode.success
    assert lib.memory_free(session, offset64, True) == StatusCode.success
    _raises(StatusCode.error_invalid_offset, lib.memory_free, session, 2**40, True)


# ------------------------------------------------------------------ interface specific


def test_gpib_interface(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener("GPIB0::INTFC")
    command = b"\x3f\x00\x20\xff"
    assert lib.gpib_command(session, command) == (4, StatusCode.success)
    buffer = ctypes.create_string_buffer(16)
    count = ctypes.c_uint32()
    lib.lib.refvisa_gpib_commands(session, buffer, 16, ctypes.byref(count))
    assert buffer.raw[: count.value].endswith(command)
    assert lib.gpib_control_ren(session, c.RENLineOperation.asrt) == StatusCode.success
    assert lib.gpib_control_atn(session, c.ATNLineOperation.asrt) == StatusCode.success
    assert lib.gpib_send_ifc(session) == StatusCode.success
    assert lib.gpib_pass_control(session, 3, c.VI_NO_SEC_ADDR) == StatusCode.success
    _raises(StatusCode.error_nonsupported_operation, lib.gpib_send_ifc, opener(ASRL))


def test_usb_control(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    session = opener("USB0::0x1234::0x5678::SN002::0::RAW")
    assert lib.usb_control_out(session, 0x40, 1, 0xFFFF, 0, b"\x00\x01\xff") == 0
    assert lib.usb_control_in(session, 0xC0, 1, 0xFFFF, 0, 3) == (b"\x00\x01\xff", 0)
    assert lib.usb_control_out(session, 0x40, 1, 0, 0) == StatusCode.success


def test_vxi_and_backplane(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    vxi = opener("VXI0::1::INSTR")
    mode = c.VXICommands.command_response_32
    assert lib.vxi_command_query(vxi, mode, 0xFFFFFFFF) == (0xFFFFFFFF, StatusCode.success)
    backplane = opener("VXI0::0::BACKPLANE")
    assert lib.assert_utility_signal(backplane, c.UtilityBusSignal.sysrest) == 0
    assert lib.assert_interrupt_signal(backplane, c.AssertSignalInterrupt.irq1, 0xFFFFFFFF) == 0
    source, destination = c.InputTriggerLine.ttl0, c.OutputTriggerLine.ttl1
    assert lib.map_trigger(backplane, source, destination, 0) == StatusCode.success
    assert lib.unmap_trigger(backplane, source, destination) == StatusCode.success
    _raises(StatusCode.error_trigger_not_mapped, lib.unmap_trigger, backplane, source, destination)
    pxi = opener("PXI0::1::INSTR")
    failure, status = lib.pxi_reserve_triggers(pxi, [0], [1])
    assert status == StatusCode.success and failure == -1


# ------------------------------------------------------------------------ end to end


def test_resource_manager_end_to_end(lib: IVIVisaLibrary, reference_library: str) -> None:
    from pyvisa import ResourceManager
    from pyvisa.resources import MessageBasedResource

    rm = ResourceManager(reference_library)
    try:
        assert rm.visalib is lib
        assert "GPIB0::1::INSTR" in rm.list_resources()
        assert rm.resource_info("gpib0::1::instr").resource_name == GPIB
        inst = rm.open_resource(GPIB, read_termination="\n", write_termination="\n")
        assert isinstance(inst, MessageBasedResource)
        inst.clear()  # the simulated resources outlive sessions: start from an empty queue
        assert inst.query("*IDN?") == "*IDN?"
        inst.write_raw(b"\x00bin\xff\n")
        assert inst.read_raw() == b"\x00bin\xff\n"
        inst.timeout = 25
        assert inst.timeout == 25

        received: list[Any] = []

        def on_srq(resource: Any, event: Any, user_handle: Any) -> None:
            received.append((resource, event.event_type, user_handle))

        wrapped = inst.wrap_handler(on_srq)
        user_handle = inst.install_handler(EventType.service_request, wrapped, 7)
        inst.enable_event(EventType.service_request, EventMechanism.handler)
        lib.lib.refvisa_raise_srq(inst.session, 0)
        _wait_for(lambda: bool(received))
        assert received[0][0] is inst and received[0][1] == EventType.service_request
        inst.disable_event(EventType.service_request, EventMechanism.handler)
        inst.uninstall_handler(EventType.service_request, wrapped, user_handle)

        inst.enable_event(EventType.service_request, EventMechanism.queue)
        lib.lib.refvisa_raise_srq(inst.session, 0)
        response = inst.wait_on_event(EventType.service_request, 1000)
        assert response.event.event_type == EventType.service_request
        assert inst.wait_on_event(EventType.service_request, 1, capture_timeout=True).timed_out

        with inst.lock_context():
            other = rm.open_resource(GPIB)
            with pytest.raises(errors.VisaIOError) as excinfo:
                other.write_raw(b"x")
            assert excinfo.value.error_code == StatusCode.error_resource_locked
            other.close()
        inst.close()
        assert lib.lib.refvisa_open_session_count() == 0
    finally:
        rm.close()
    assert lib.lib.refvisa_open_object_count() == 0


def test_configured_library_is_found_and_described(
    lib: IVIVisaLibrary,
    reference_library: str,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pyvisa import ResourceManager
    from pyvisa.ctwrapper import highlevel

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("PYVISA_LIBRARY", raising=False)
    monkeypatch.setattr(highlevel, "_LINUX_LOCATIONS", ())
    monkeypatch.setattr(highlevel, "_find_library_names", lambda: [])
    (tmp_path / ".pyvisarc").write_text(f"[Paths]\nVISA library: {reference_library}\n")

    assert IVIVisaLibrary.get_library_paths() == (reference_library,)
    info = IVIVisaLibrary.get_debug_info()
    assert isinstance(info, dict)
    details = info[f"#1: {reference_library}"]
    assert details["found by"] == "user"
    assert details["architecture"] == str(ctypes.sizeof(ctypes.c_void_p) * 8)
    assert details["loads"] == "yes"
    assert details["Vendor"] == "PyVISA reference VISA library"
    assert details["Spec. Version"] == "5.8.0"
    rm = ResourceManager()
    try:
        assert rm.visalib is lib
    finally:
        rm.close()
    assert lib.lib.refvisa_open_object_count() == 0


# ------------------------------------------------------- return shapes of docs 1.4.1


def test_return_shapes_follow_the_documentation(
    lib: IVIVisaLibrary, rm: int, opener: Callable[[str], int], tmp_path: pathlib.Path
) -> None:
    def is_status(value: Any) -> bool:
        return type(value) is StatusCode

    session = opener(ASRL)
    lib.clear(session)
    assert is_status(lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, 100))
    count, status = lib.write(session, b"\x00data")
    assert type(count) is int and is_status(status)
    data, status = lib.read(session, 5)
    assert type(data) is bytes and is_status(status)
    name, status = lib.get_attribute(session, c.VI_ATTR_RSRC_NAME)
    assert type(name) is str and is_status(status)
    flag, _ = lib.get_attribute(session, c.VI_ATTR_TERMCHAR_EN)
    assert type(flag) is int
    text, status = lib.status_description(session, StatusCode.error_timeout)
    assert type(text) is str and is_status(status)
    key, status = lib.lock(session, c.Lock.shared, 0)
    assert type(key) is str and is_status(status) and is_status(lib.unlock(session))
    stb, status = lib.read_stb(session)
    assert type(stb) is int and is_status(status)
    resources = lib.list_resources(rm)
    assert type(resources) is tuple and all(type(r) is str for r in resources)
    info, status = lib.parse_resource_extended(rm, ASRL)
    assert isinstance(info, ResourceInfo) and is_status(status)
    assert type(info.interface_type) is c.InterfaceType and type(info.resource_class) is str
    new_session, status = lib.open(rm, GPIB)
    assert type(new_session) is int and is_status(status)
    assert is_status(lib.close(new_session))
    lib.enable_event(session, EventType.io_completion, EventMechanism.queue)
    buffer, job_id, status = lib.read_asynchronously(session, 1)
    assert type(job_id) is int and is_status(status) and len(bytes(buffer)) == 1
    event_type, context, status = lib.wait_on_event(session, EventType.io_completion, 1000)
    assert type(event_type) is EventType and type(context) is int and is_status(status)
    assert is_status(lib.close(context))
    handler, user_handle, callback, status = lib.install_handler(session, EventType.clear, print, 3)
    assert handler is print and user_handle.value == 3 and is_status(status)
    assert is_status(lib.uninstall_handler(session, EventType.clear, callback, user_handle))
    memacc = opener(MEMACC)
    value, status = lib.in_32(memacc, AddressSpace.a16, 0)
    assert type(value) is int and is_status(status)
    values, status = lib.move_in_8(memacc, AddressSpace.a16, 0, 2)
    assert type(values) is list and is_status(status)
    address, status = lib.map_address(memacc, AddressSpace.a16, 0, 16)
    assert type(address) is int and is_status(status)
    value, status = lib.peek_8(memacc, address)
    assert type(value) is int and is_status(status) and is_status(lib.poke_8(memacc, address, 1))
    assert is_status(lib.unmap_address(memacc))


@pytest.mark.parametrize(
    "resource, event_type, attribute, expected",
    [
        (
            "USB0::0x1234::0x5678::SN001::0::INSTR",
            EventType.usb_interrupt,
            c.VI_ATTR_USB_RECV_INTR_DATA,
            b"\x81\x00",  # ViAUInt8: bytes, sized by VI_ATTR_USB_RECV_INTR_SIZE
        ),
        (
            "USB0::0x1234::0x5678::SN001::0::INSTR",
            EventType.usb_interrupt,
            c.VI_ATTR_USB_RECV_INTR_SIZE,
            2,
        ),
        (
            "TCPIP0::192.168.0.10::5025::SOCKET",
            EventType.tcpip_connect,
            c.VI_ATTR_RECV_TCPIP_ADDR,
            "192.168.0.99",  # ViString
        ),
        ("PXI0::1::INSTR", EventType.pxi_interrupt, c.VI_ATTR_PXI_RECV_INTR_SEQ, 1),
        ("VXI0::1::INSTR", EventType.vxi_signal_interrupt, c.VI_ATTR_SIGP_STATUS_ID, 0x4001),
    ],
)
def test_event_attributes_are_decoded_by_type(
    lib: IVIVisaLibrary,
    opener: Callable[[str], int],
    resource: str,
    event_type: EventType,
    attribute: int,
    expected: Any,
) -> None:
    session = opener(resource)
    lib.enable_event(session, event_type, EventMechanism.queue)
    lib.lib.refvisa_raise_event(session, event_type, 0)
    received, context, _ = lib.wait_on_event(session, event_type, 1000)
    assert received == event_type
    try:
        value, status = lib.get_attribute(context, attribute)
        assert type(value) is type(expected) and status == StatusCode.success
        if attribute != c.VI_ATTR_PXI_RECV_INTR_SEQ:  # a sequence number: only its type matters
            assert value == expected
        _raises(
            StatusCode.error_nonsupported_attribute, lib.get_attribute, context, c.VI_ATTR_STATUS
        )
    finally:
        lib.close(context)


# ------------------------------------------------------------------- error paths

INVALID = 0xDEAD

#: One middle-level call per bound function, on an invalid session.
_INVALID_SESSION_CALLS: dict[str, Callable[[IVIVisaLibrary, str], Any]] = {
    "viOpen": lambda lib, f: lib.open(INVALID, GPIB),
    "viFindRsrc": lambda lib, f: lib._find_resources(INVALID, "?*"),
    "viFindNext": lambda lib, f: lib._find_next(INVALID),
    "viParseRsrc": lambda lib, f: lib.parse_resource(INVALID, GPIB),
    "viParseRsrcEx": lambda lib, f: lib.parse_resource_extended(INVALID, GPIB),
    "viClose": lambda lib, f: lib.close(INVALID),
    "viSetAttribute": lambda lib, f: lib.set_attribute(INVALID, c.VI_ATTR_TMO_VALUE, 5),
    "viGetAttribute": lambda lib, f: lib.get_attribute(INVALID, c.VI_ATTR_TMO_VALUE),
    "viTerminate": lambda lib, f: lib.terminate(INVALID, None, 1),
    "viLock": lambda lib, f: lib.lock(INVALID, c.Lock.exclusive, 0),
    "viUnlock": lambda lib, f: lib.unlock(INVALID),
    "viEnableEvent": lambda lib, f: lib.enable_event(
        INVALID, EventType.service_request, EventMechanism.queue
    ),
    "viDisableEvent": lambda lib, f: lib.disable_event(
        INVALID, EventType.service_request, EventMechanism.queue
    ),
    "viDiscardEvents": lambda lib, f: lib.discard_events(
        INVALID, EventType.service_request, EventMechanism.queue
    ),
    "viWaitOnEvent": lambda lib, f: lib.wait_on_event(INVALID, EventType.service_request, 0),
    "viInstallHandler": lambda lib, f: lib.install_handler(
        INVALID, EventType.service_request, print, None
    ),
    "viUninstallHandler": lambda lib, f: lib.uninstall_handler(
        INVALID, EventType.service_request, None
    ),
    "viRead": lambda lib, f: lib.read(INVALID, 4),
    "viReadAsync": lambda lib, f: lib.read_asynchronously(INVALID, 4),
    "viReadToFile": lambda lib, f: lib.read_to_file(INVALID, f, 4),
    "viWrite": lambda lib, f: lib.write(INVALID, b"x"),
    "viWriteAsync": lambda lib, f: lib.write_asynchronously(INVALID, b"x"),
    "viWriteFromFile": lambda lib, f: lib.write_from_file(INVALID, f, 4),
    "viAssertTrigger": lambda lib, f: lib.assert_trigger(INVALID, 0),
    "viReadSTB": lambda lib, f: lib.read_stb(INVALID),
    "viClear": lambda lib, f: lib.clear(INVALID),
    "viSetBuf": lambda lib, f: lib.set_buffer(INVALID, 1, 10),
    "viFlush": lambda lib, f: lib.flush(INVALID, 1),
    "viBufWrite": lambda lib, f: lib.buffer_write(INVALID, b"x"),
    "viBufRead": lambda lib, f: lib.buffer_read(INVALID, 1),
    "viMove": lambda lib, f: lib.move(INVALID, 1, 0, 1, 1, 0, 1, 1),
    "viMoveEx": lambda lib, f: lib.viMoveEx(INVALID, 1, 0, 1, 1, 0, 1, 1),
    "viMoveAsync": lambda lib, f: lib.move_asynchronously(INVALID, 1, 0, 1, 1, 0, 1, 1),
    "viMoveAsyncEx": lambda lib, f: lib.viMoveAsyncEx(
        INVALID, 1, 0, 1, 1, 0, 1, 1, ctypes.byref(ctypes.c_uint32())
    ),
    "viMapAddress": lambda lib, f: lib.map_address(INVALID, 1, 0, 1),
    "viMapAddressEx": lambda lib, f: lib.viMapAddressEx(
        INVALID, 1, 0, 1, 0, None, ctypes.byref(ctypes.c_void_p())
    ),
    "viUnmapAddress": lambda lib, f: lib.unmap_address(INVALID),
    "viMemAlloc": lambda lib, f: lib.memory_allocation(INVALID, 4),
    "viMemAllocEx": lambda lib, f: lib.memory_allocation(INVALID, 4, True),
    "viMemFree": lambda lib, f: lib.memory_free(INVALID, 0),
    "viMemFreeEx": lambda lib, f: lib.memory_free(INVALID, 0, True),
    "viGpibControlREN": lambda lib, f: lib.gpib_control_ren(INVALID, 0),
    "viGpibControlATN": lambda lib, f: lib.gpib_control_atn(INVALID, 0),
    "viGpibSendIFC": lambda lib, f: lib.gpib_send_ifc(INVALID),
    "viGpibCommand": lambda lib, f: lib.gpib_command(INVALID, b"x"),
    "viGpibPassControl": lambda lib, f: lib.gpib_pass_control(INVALID, 1, 0),
    "viVxiCommandQuery": lambda lib, f: lib.vxi_command_query(INVALID, 0, 0),
    "viAssertUtilSignal": lambda lib, f: lib.assert_utility_signal(INVALID, 0),
    "viAssertIntrSignal": lambda lib, f: lib.assert_interrupt_signal(INVALID, 0, 0),
    "viMapTrigger": lambda lib, f: lib.map_trigger(INVALID, 0, 1, 0),
    "viUnmapTrigger": lambda lib, f: lib.unmap_trigger(INVALID, 0, 1),
    "viUsbControlOut": lambda lib, f: lib.usb_control_out(INVALID, 0x40, 1, 0, 0, b"x"),
    "viUsbControlIn": lambda lib, f: lib.usb_control_in(INVALID, 0xC0, 1, 0, 0, 1),
    "viPxiReserveTriggers": lambda lib, f: lib.pxi_reserve_triggers(INVALID, [0], [1]),
}
for _bits in (8, 16, 32, 64):
    for _suffix, _ext in (("", False), ("Ex", True)):
        _INVALID_SESSION_CALLS[f"viIn{_bits}{_suffix}"] = lambda lib, f, b=_bits, e=_ext: getattr(
            lib, f"in_{b}"
        )(INVALID, 1, 0, e)
        _INVALID_SESSION_CALLS[f"viOut{_bits}{_suffix}"] = lambda lib, f, b=_bits, e=_ext: getattr(
            lib, f"out_{b}"
        )(INVALID, 1, 0, 0, e)
        _INVALID_SESSION_CALLS[f"viMoveIn{_bits}{_suffix}"] = lambda lib, f, b=_bits, e=_ext: (
            getattr(lib, f"move_in_{b}")(INVALID, 1, 0, 1, e)
        )
        _INVALID_SESSION_CALLS[f"viMoveOut{_bits}{_suffix}"] = lambda lib, f, b=_bits, e=_ext: (
            getattr(lib, f"move_out_{b}")(INVALID, 1, 0, 1, [0], e)
        )


def test_invalid_session_table_covers_every_status_returning_function() -> None:
    # viOpenDefaultRM has no session; viPeek*/viPoke* return void; viStatusDesc describes
    # the status whatever the session.
    void_or_no_session = {"viOpenDefaultRM", "viStatusDesc"} | {
        f"vi{name}{bits}" for name in ("Peek", "Poke") for bits in (8, 16, 32, 64)
    }
    assert set(_INVALID_SESSION_CALLS) == set(binding.C_FUNCTIONS) - void_or_no_session


@pytest.mark.parametrize("name", sorted(_INVALID_SESSION_CALLS))
def test_invalid_session_raises_invalid_object(
    lib: IVIVisaLibrary, tmp_path: pathlib.Path, name: str
) -> None:
    existing = tmp_path / "data.bin"
    existing.write_bytes(b"data")
    with pytest.raises(errors.VisaIOError) as excinfo:
        _INVALID_SESSION_CALLS[name](lib, str(existing))
    assert excinfo.value.error_code == StatusCode.error_invalid_object
    assert lib.get_last_status_in_session(INVALID) == StatusCode.error_invalid_object
    assert INVALID not in lib._callbacks and INVALID not in lib._async_jobs


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda lib, s: lib.assert_trigger(s, 0x10000), "protocol must fit in a 16-bit"),
        (lambda lib, s: lib.flush(s, -40000), "mask must fit in a 16-bit"),
        (lambda lib, s: lib.open(s, GPIB, -1), "access_mode must fit in an unsigned 32-bit"),
        (lambda lib, s: lib.lock(s, c.Lock.shared, 2**32), "timeout must fit"),
        (lambda lib, s: lib.wait_on_event(s, EventType.clear, 1.5), "timeout must be an integer"),
        (lambda lib, s: lib.usb_control_in(s, 0x1FFFF, 0, 0, 0), "request_type_bitmap_field"),
        (lambda lib, s: lib.map_trigger(s, 0, 70000, 0), "trigger_destination"),
        (lambda lib, s: lib.in_8(s, 0x10000, 0), "space must fit"),
        (lambda lib, s: lib.in_8(s, 1, 2**64, True), "offset must fit in an unsigned 64-bit"),
        (lambda lib, s: lib.move(s, 1, 0, 1, 1, -1, 1, 1), "destination_offset must fit"),
        (lambda lib, s: lib.pxi_reserve_triggers(s, [0], [2**16]), "trigger line"),
        (lambda lib, s: lib.write(s, "text"), "encode the text first"),
        (lambda lib, s: lib.read(s, 2**32), "count must fit in an unsigned 32-bit"),
        (lambda lib, s: lib.read(s, -1), "count must fit in an unsigned 32-bit"),
        (lambda lib, s: lib.read(s, 1.5), "count must be an integer"),
    ],
)
def test_out_of_range_arguments_are_rejected_before_the_call(
    lib: IVIVisaLibrary, rm: int, call: Callable[[IVIVisaLibrary, int], Any], message: str
) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        call(lib, rm)


def test_16bit_arguments_at_their_limits(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    backplane = opener("VXI0::0::BACKPLANE")
    # ViInt16 trigger lines: both readings of the 16 bits are accepted and reach the library.
    for line in (-32768, -1, 0x7FFF, 0xFFFF):
        _raises(StatusCode.error_nonsupported_line, lib.map_trigger, backplane, line, 1, 0)
    usb = opener("USB0::0x1234::0x5678::SN002::0::RAW")
    data = b"\x00\xff" * 8
    for request_id in (-32768, 0x7FFF, 0xFFFF):
        assert lib.usb_control_out(usb, 0x40, request_id, 0xFFFF, 0xFFFF, data) == 0
        assert lib.usb_control_in(usb, 0xC0, request_id, 0xFFFF, 0xFFFF, 16) == (data, 0)


def test_usb_control_round_trip_of_the_largest_transfer(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    usb = opener("USB0::0x1234::0x5678::SN002::0::RAW")
    data = bytes(range(256)) * 255 + bytes(range(255))  # 0xFFFF bytes, NULs included
    assert len(data) == 0xFFFF
    assert lib.usb_control_out(usb, 0x40, 0xFF, 0xFFFF, 0xFFFF, data) == StatusCode.success
    assert _last_call(lib, usb) == ("viUsbControlOut", (0x40, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF))
    assert lib.usb_control_in(usb, 0xC0, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF) == (data, 0)
    assert _last_call(lib, usb) == ("viUsbControlIn", (0xC0, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF))
    # A shorter read gets the start of the data; an empty transfer clears it.
    assert lib.usb_control_in(usb, 0xC0, 0, 0, 0, 3) == (data[:3], 0)
    assert lib.usb_control_out(usb, 0x40, 0, 0, 0) == StatusCode.success
    assert lib.usb_control_in(usb, 0xC0, 0, 0, 0, 0xFFFF) == (b"", 0)


# ------------------------------------------------- arguments as the C side receives them

U64 = (1 << 64) - 1
#: ViBusAddress is 64-bit: the middle-level functions never need the *Ex variants.
_BUS64 = ctypes.sizeof(ctypes.c_void_p) == 8
#: A user-space address that does not fit in 32 bits (on 64-bit Python).
HIGH_ADDRESS = (1 << (ctypes.sizeof(ctypes.c_void_p) * 8)) - 8


def _signed(value: int, bits: int) -> int:
    """A signed ``bits``-wide C argument holding ``value``, as recorded (sign-extended)."""
    value &= (1 << bits) - 1
    if value >> (bits - 1):
        value -= 1 << bits
    return value & U64


def _last_call(lib: IVIVisaLibrary, handle: int) -> tuple[str, tuple[int, ...]]:
    """Name and integer arguments of the last call the reference library got on ``handle``."""
    name = ctypes.create_string_buffer(256)
    args = (ctypes.c_uint64 * 8)()
    count = ctypes.c_uint32()
    assert lib.lib.refvisa_last_args(handle, name, args, ctypes.byref(count)) == 0
    return name.value.decode(), tuple(args[: count.value])


_A16, _A24, _A32 = AddressSpace.a16, AddressSpace.a24, AddressSpace.a32
_INTFC, _BACKPLANE, _RAW = (
    "GPIB0::INTFC",
    "VXI0::0::BACKPLANE",
    "USB0::0x1234::0x5678::SN002::0::RAW",
)
_PXI, _VXI = "PXI0::1::INSTR", "VXI0::1::INSTR"

#: (resource, call, C function, integer arguments received by C).  The resource None means
#: the call is made on the resource manager session.  Most of these arguments have no other
#: observable effect; a failing status does not matter (the arguments are recorded first).
_RECEIVED_ARGUMENTS = [
    pytest.param(
        None,
        lambda lib, s: lib.open(s, GPIB, 0, 0xFFFFFFFF),
        "viOpen",
        (0, 0xFFFFFFFF),
        id="open-timeout-max",
    ),
    pytest.param(
        None,
        lambda lib, s: lib.open(s, GPIB, 0xFFFFFFFF, 0),
        "viOpen",
        (0xFFFFFFFF, 0),
        id="open-mode-max",
    ),
    pytest.param(
        None,
        lambda lib, s: lib.open(s, "TCPIP0::hôte-µ::inst0::INSTR", 4, 1),
        "viOpen",
        (4, 1),
        id="open-non-ascii",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.set_buffer(s, c.VI_IO_IN_BUF, 0xFFFFFFFF),
        "viSetBuf",
        (c.VI_IO_IN_BUF, 0xFFFFFFFF),
        id="setbuf-size-max",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.set_buffer(s, -1, 0),
        "viSetBuf",
        (0xFFFF, 0),
        id="setbuf-mask-minus-1",
    ),
    pytest.param(
        GPIB, lambda lib, s: lib.flush(s, c.VI_WRITE_BUF), "viFlush", (c.VI_WRITE_BUF,), id="flush"
    ),
    pytest.param(
        GPIB, lambda lib, s: lib.flush(s, 0xFFFF), "viFlush", (0xFFFF,), id="flush-mask-max"
    ),
    pytest.param(GPIB, lambda lib, s: lib.clear(s), "viClear", (), id="clear"),
    pytest.param(
        GPIB, lambda lib, s: lib.terminate(s, None, 0), "viTerminate", (0, 0), id="terminate-null"
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.terminate(s, 0xFFFF, 0xFFFFFFFF),
        "viTerminate",
        (0xFFFF, 0xFFFFFFFF),
        id="terminate-max",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.terminate(s, -1, 1),
        "viTerminate",
        (0xFFFF, 1),
        id="terminate-degree-minus-1",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.lock(s, c.VI_EXCLUSIVE_LOCK, 0),
        "viLock",
        (1, 0),
        id="lock-immediate",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.lock(s, c.VI_EXCLUSIVE_LOCK, 0xFFFFFFFF),
        "viLock",
        (1, 0xFFFFFFFF),
        id="lock-exclusive-infinite",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.lock(s, c.VI_SHARED_LOCK, 0xFFFFFFFF, "clé"),
        "viLock",
        (2, 0xFFFFFFFF),
        id="lock-shared-infinite",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.lock(s, 0xFFFFFFFF, 0),
        "viLock",
        (0xFFFFFFFF, 0),
        id="lock-type-max",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.status_description(s, -1),
        "viStatusDesc",
        (U64,),
        id="status-minus-1",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.status_description(s, StatusCode.error_timeout),
        "viStatusDesc",
        (_signed(StatusCode.error_timeout, 32),),
        id="status-error",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.wait_on_event(s, 0xFFFFFFFF, 0xFFFFFFFF),
        "viWaitOnEvent",
        (0xFFFFFFFF, 0xFFFFFFFF),
        id="wait-max",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.enable_event(s, 0xFFFFFFFF, -1, 0xFFFFFFFF),
        "viEnableEvent",
        (0xFFFFFFFF, 0xFFFF, 0xFFFFFFFF),
        id="enable-event-max",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.disable_event(s, 0, 0xFFFF),
        "viDisableEvent",
        (0, 0xFFFF),
        id="disable-event",
    ),
    pytest.param(
        GPIB,
        lambda lib, s: lib.discard_events(s, 0xFFFFFFFF, 0),
        "viDiscardEvents",
        (0xFFFFFFFF, 0),
        id="discard-events",
    ),
    pytest.param(
        _INTFC, lambda lib, s: lib.gpib_control_ren(s, 0), "viGpibControlREN", (0,), id="ren-0"
    ),
    pytest.param(
        _INTFC,
        lambda lib, s: lib.gpib_control_ren(s, 0xFFFF),
        "viGpibControlREN",
        (0xFFFF,),
        id="ren-max",
    ),
    pytest.param(
        _INTFC,
        lambda lib, s: lib.gpib_control_ren(s, -1),
        "viGpibControlREN",
        (0xFFFF,),
        id="ren-minus-1",
    ),
    pytest.param(
        _INTFC, lambda lib, s: lib.gpib_control_atn(s, 0), "viGpibControlATN", (0,), id="atn-0"
    ),
    pytest.param(
        _INTFC,
        lambda lib, s: lib.gpib_control_atn(s, 0xFFFF),
        "viGpibControlATN",
        (0xFFFF,),
        id="atn-max",
    ),
    pytest.param(
        _INTFC,
        lambda lib, s: lib.gpib_pass_control(s, 30, c.VI_NO_SEC_ADDR),
        "viGpibPassControl",
        (30, 0xFFFF),
        id="pass-control",
    ),
    pytest.param(
        _INTFC,
        lambda lib, s: lib.gpib_pass_control(s, 0xFFFF, 0),
        "viGpibPassControl",
        (0xFFFF, 0),
        id="pass-control-max",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.map_trigger(s, -32768, 0x7FFF, 0xFFFF),
        "viMapTrigger",
        (_signed(-32768, 16), 0x7FFF, 0xFFFF),
        id="map-trigger-limits",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.map_trigger(s, 0xFFFF, 0, -1),
        "viMapTrigger",
        (U64, 0, 0xFFFF),
        id="map-trigger-0xffff",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.unmap_trigger(s, -32768, 0xFFFF),
        "viUnmapTrigger",
        (_signed(-32768, 16), U64),
        id="unmap-trigger-limits",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.unmap_trigger(s, 0x7FFF, 0),
        "viUnmapTrigger",
        (0x7FFF, 0),
        id="unmap-trigger-max",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.assert_utility_signal(s, 0),
        "viAssertUtilSignal",
        (0,),
        id="util-signal-0",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.assert_utility_signal(s, 0xFFFF),
        "viAssertUtilSignal",
        (0xFFFF,),
        id="util-signal-max",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.assert_interrupt_signal(s, -32768, 0),
        "viAssertIntrSignal",
        (_signed(-32768, 16), 0),
        id="intr-signal-min",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.assert_interrupt_signal(s, 0x7FFF, 0xFFFFFFFF),
        "viAssertIntrSignal",
        (0x7FFF, 0xFFFFFFFF),
        id="intr-signal-max",
    ),
    pytest.param(
        _BACKPLANE,
        lambda lib, s: lib.assert_interrupt_signal(s, 0xFFFF, 1),
        "viAssertIntrSignal",
        (U64, 1),
        id="intr-signal-0xffff",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_out(s, 0, 0, 0, 0),
        "viUsbControlOut",
        (0, 0, 0, 0, 0),
        id="usb-out-zero",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_out(s, 0xFF, 0xFF, 0xFFFF, 0xFFFF, b"\0" * 0xFFFF),
        "viUsbControlOut",
        (0xFF, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF),
        id="usb-out-max",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_out(s, -32768, 0xFFFF, 0, 0x8000, b"x"),
        "viUsbControlOut",
        (_signed(-32768, 16), U64, 0, 0x8000, 1),
        id="usb-out-signed",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_in(s, 0x80, 0, 0, 0, 0),
        "viUsbControlIn",
        (0x80, 0, 0, 0, 0),
        id="usb-in-zero",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_in(s, 0xFF, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF),
        "viUsbControlIn",
        (0xFF, 0xFF, 0xFFFF, 0xFFFF, 0xFFFF),
        id="usb-in-max",
    ),
    pytest.param(
        _RAW,
        lambda lib, s: lib.usb_control_in(s, -1, 0x7FFF, 1, 2, 3),
        "viUsbControlIn",
        (U64, 0x7FFF, 1, 2, 3),
        id="usb-in-signed",
    ),
    pytest.param(
        _VXI,
        lambda lib, s: lib.vxi_command_query(s, c.VI_VXI_CMD32_RESP32, 0xFFFFFFFF),
        "viVxiCommandQuery",
        (c.VI_VXI_CMD32_RESP32, 0xFFFFFFFF),
        id="vxi-command-max",
    ),
    pytest.param(
        _VXI,
        lambda lib, s: lib.vxi_command_query(s, 0xFFFF, 0),
        "viVxiCommandQuery",
        (0xFFFF, 0),
        id="vxi-mode-max",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move(s, _A16, 0xFFFFFFFF, 1, _A24, 0, 2, 0),
        "viMove",
        (_A16, 0xFFFFFFFF, 1, _A24, 0, 2, 0),
        id="move",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move(s, 0xFFFF, 2**32 + 0x10, 0xFFFF, _A32, U64, 8, 0),
        "viMove" if _BUS64 else "viMoveEx",
        (0xFFFF, 2**32 + 0x10, 0xFFFF, _A32, U64, 8, 0),
        id="move-ex-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move(s, _A24, 2**63, 1, _A24, 2**32, 1, U64),
        "viMove" if _BUS64 else "viMoveEx",
        (_A24, 2**63, 1, _A24, 2**32, 1, U64),
        id="move-ex-length-max",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move_asynchronously(s, _A16, 0xFFFFFFFF, 1, _A16, 1, 1, 2**40),
        "viMoveAsync",
        (_A16, 0xFFFFFFFF, 1, _A16, 1, 1, 2**40),
        id="move-async",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move_asynchronously(s, _A32, 2**32 + 1, 4, 0xFFFF, U64, 4, 2**33),
        "viMoveAsync" if _BUS64 else "viMoveAsyncEx",
        (_A32, 2**32 + 1, 4, 0xFFFF, U64, 4, 2**33),
        id="move-async-ex-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.in_16(s, 0xFFFF, 2**63, True),
        "viIn16Ex",
        (0xFFFF, 2**63),
        id="in16-ex-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.out_64(s, _A24, 2**40, U64, True),
        "viOut64Ex",
        (_A24, 2**40, U64),
        id="out64-ex-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move_in_32(s, _A24, 2**33, 0, True),
        "viMoveIn32Ex",
        (_A24, 2**33, 0),
        id="move-in32-ex-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.move_out_8(s, _A24, U64, 1, [0xFF], True),
        "viMoveOut8Ex",
        (_A24, U64, 1),
        id="move-out8-ex-max",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.map_address(s, _A24, 2**32, 1, False, None),
        "viMapAddress" if _BUS64 else "viMapAddressEx",
        (_A24, 2**32, 1, 0, 0),
        id="map-ex-high-offset",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.map_address(s, _A24, 0, 0x10, True, HIGH_ADDRESS),
        "viMapAddress",
        (_A24, 0, 0x10, 1, HIGH_ADDRESS),
        id="map-suggested-high",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.peek_64(s, HIGH_ADDRESS),
        "viPeek64",
        (HIGH_ADDRESS,),
        id="peek-high-address",
    ),
    pytest.param(
        MEMACC,
        lambda lib, s: lib.poke_8(s, HIGH_ADDRESS, 0xFF),
        "viPoke8",
        (HIGH_ADDRESS, 0xFF),
        id="poke-high-address",
    ),
    pytest.param(
        _PXI,
        lambda lib, s: lib.memory_allocation(s, U64, True),
        "viMemAllocEx",
        (U64,),
        id="mem-alloc-ex-max",
    ),
    pytest.param(
        _PXI,
        lambda lib, s: lib.memory_allocation(s, 2**32 + 8, True),
        "viMemAllocEx",
        (2**32 + 8,),
        id="mem-alloc-ex-high",
    ),
    pytest.param(
        _PXI, lambda lib, s: lib.memory_allocation(s, 0), "viMemAlloc", (0,), id="mem-alloc-0"
    ),
    pytest.param(
        _PXI,
        lambda lib, s: lib.memory_free(s, U64, True),
        "viMemFreeEx",
        (U64,),
        id="mem-free-ex-max",
    ),
]


@pytest.mark.parametrize("resource, call, function, expected", _RECEIVED_ARGUMENTS)
def test_arguments_received_by_the_library(
    lib: IVIVisaLibrary,
    rm: int,
    opener: Callable[[str], int],
    resource: str | None,
    call: Callable[[IVIVisaLibrary, int], Any],
    function: str,
    expected: tuple[int, ...],
) -> None:
    handle = rm if resource is None else opener(resource)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", errors.VisaIOWarning)
        try:
            call(lib, handle)
        except errors.VisaIOError:
            pass  # many limits are invalid values: only what reached C matters here
    assert _last_call(lib, handle) == (function, expected)


def test_last_call_record_is_per_handle(lib: IVIVisaLibrary, opener: Callable[[str], int]) -> None:
    first, second = opener(GPIB), opener(GPIB)
    assert _last_call(lib, first) == ("", ())  # nothing called on it yet
    lib.set_buffer(first, c.BufferType.io_in, 7)
    lib.flush(second, c.BufferOperation.flush_write_buffer)
    assert _last_call(lib, first) == ("viSetBuf", (c.VI_IO_IN_BUF, 7))
    assert _last_call(lib, second) == ("viFlush", (c.VI_WRITE_BUF,))
    assert lib.lib.refvisa_last_args(INVALID, None, None, None) == c.VI_ERROR_INV_OBJECT


# ----------------------------------------------------------------- buffers and trace


def test_write_accepts_buffers_without_copying(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    session = opener(ASRL)
    lib.clear(session)  # the simulated resources keep their data between sessions
    lib.set_attribute(session, c.VI_ATTR_SEND_END_EN, c.VI_FALSE)
    assert lib.write(session, bytearray(b"\x00ab")) == (3, StatusCode.success)
    assert lib.write(session, memoryview(b"c\x00d")) == (3, StatusCode.success)
    assert lib.write(session, memoryview(bytearray(b"e\x00f\x00"))[::2]) == (2, 0)
    with lib.ignore_warning(session, StatusCode.success_max_count_read):
        assert lib.read(session, 8) == (b"\x00abc\x00def", StatusCode.success_max_count_read)
    with pytest.raises(TypeError, match="bytes-like"):
        lib.write(session, 12)


def test_debug_trace_of_each_call(
    lib: IVIVisaLibrary, opener: Callable[[str], int], caplog: pytest.LogCaptureFixture
) -> None:
    session = opener(ASRL)
    lib.clear(session)
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        lib.write(session, b"\x00hi")
        lib.read(session, 3)
        lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, 1)
        with pytest.raises(errors.VisaIOError):
            lib.read(session, 1)
    trace = [r.getMessage() for r in caplog.records if r.msg == binding.TRACE_FORMAT]
    assert f"viWrite({session}, b'\\x00hi', 3, &3) -> 0 (VI_SUCCESS)" in trace
    assert f"viRead({session}, b'\\x00hi', 3, &3) -> 0 (VI_SUCCESS)" in trace
    assert trace[-1] == f"viRead({session}, b'\\x00', 1, &0) -> -1073807339 (VI_ERROR_TMO)"
    record = next(r for r in caplog.records if r.msg == binding.TRACE_FORMAT)
    assert record.levelno == logging.DEBUG
    assert getattr(record, "library_path", None) == str(lib.library_path)


def test_no_trace_formatting_when_debug_is_off(
    lib: IVIVisaLibrary, opener: Callable[[str], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opener(ASRL)
    lib.clear(session)

    def forbidden(*args: Any) -> None:
        raise AssertionError("the trace was formatted although DEBUG is off")

    monkeypatch.setattr(binding, "_log_call", forbidden)
    monkeypatch.setattr(logger, "level", logging.WARNING)
    logger._cache.clear()  # type: ignore[attr-defined]
    try:
        lib.write(session, b"x")
        assert lib.read(session, 1) == (b"x", StatusCode.success)
    finally:
        logger._cache.clear()  # type: ignore[attr-defined]


# ------------------------------------------------------------------ attribute codecs


def test_attribute_of_unknown_type_is_read_safely(
    lib: IVIVisaLibrary, opener: Callable[[str], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opener(GPIB)
    # Unknown to pyvisa.attributes: read into a buffer large enough for a string, so a
    # string attribute cannot overflow it; the integer of its first bytes is returned.
    monkeypatch.setattr(attribute_codec.attributes, "AttributesByID", {})
    monkeypatch.setattr(attribute_codec, "_codec_cache", {})
    value, status = lib.get_attribute(session, c.VI_ATTR_RSRC_NAME)
    width = ctypes.sizeof(ctypes.c_void_p)
    assert value == int.from_bytes(GPIB.encode()[:width], "little")
    assert lib.set_attribute(session, c.VI_ATTR_TMO_VALUE, 0xFFFFFFFF) == StatusCode.success
    assert lib.get_attribute(session, c.VI_ATTR_TMO_VALUE) == (0xFFFFFFFF, status)


# --------------------------------------------------------------------- handlers (2)


class _Tag(ctypes.Structure):
    _fields_ = [("number", ctypes.c_int32), ("ratio", ctypes.c_double)]


def test_callbacks_are_kept_alive_by_the_library(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    import gc

    session = opener(GPIB)
    calls: list[Any] = []
    tag = _Tag(7, 0.5)
    # Only the Python handler is kept by the caller: the C callback must survive.
    lib.install_handler(session, EventType.service_request, lambda *a: calls.append(a), tag)
    gc.collect()
    lib.enable_event(session, EventType.service_request, EventMechanism.handler)
    lib.lib.refvisa_raise_srq(session, 0)
    _wait_for(lambda: bool(calls))
    received = calls[0][3]
    assert received is tag and (received.number, received.ratio) == (7, 0.5)
    lib.disable_event(session, EventType.service_request, EventMechanism.handler)
    # VI_ANY_HNDLR with the user handle uninstalls it.
    assert lib.uninstall_handler(session, EventType.service_request, None, tag) == 0
    assert not lib._callbacks


def test_callbacks_survive_a_failed_close(
    lib: IVIVisaLibrary, opener: Callable[[str], int], monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opener(GPIB)
    lib.install_handler(session, EventType.service_request, print, None)
    real_close = lib.c.viClose

    def failing_close(vi: int) -> StatusCode:
        return lib.handle_return_value(vi, StatusCode.error_closing_failed)

    monkeypatch.setattr(lib.c, "viClose", failing_close)
    _raises(StatusCode.error_closing_failed, lib.close, session)
    # The session may still be alive in the library: its callback must stay referenced.
    assert session in lib._callbacks
    monkeypatch.setattr(lib.c, "viClose", real_close)
    assert lib.close(session) == StatusCode.success
    assert session not in lib._callbacks
    # Closing it again: the library does not know it, nothing is kept for it.
    _raises(StatusCode.error_invalid_object, lib.close, session)


def test_handler_in_foreign_thread_with_delayed_event(
    lib: IVIVisaLibrary, opener: Callable[[str], int]
) -> None:
    session = opener(GPIB)
    threads: list[int] = []
    lib.install_handler(
        session, EventType.service_request, lambda *a: threads.append(threading.get_ident()), 1.5
    )
    lib.enable_event(session, EventType.service_request, EventMechanism.handler)
    lib.lib.refvisa_raise_srq(session, 20)  # raised 20 ms later from a C thread
    _wait_for(lambda: bool(threads))
    assert threads[0] != threading.get_ident()
    lib.disable_event(session, EventType.service_request, EventMechanism.handler)
    lib.uninstall_handler(session, EventType.service_request, None, 1.5)
    assert not lib._callbacks


# ------------------------------------------------------------------------- coverage


def test_zz_every_bound_function_was_called(lib: IVIVisaLibrary) -> None:
    """Runs last: the DEBUG trace of the module shows every bound C function."""
    if len(CALLED) < 20:
        pytest.skip("only meaningful when the whole module runs")
    assert set(binding.C_FUNCTIONS) - CALLED == set()


def test_the_c_functions_are_attributes_of_the_library(lib: IVIVisaLibrary) -> None:
    """As in PyVISA, ``visalib.viRead``...: the bound functions the operations call."""
    for name in binding.C_FUNCTIONS:
        assert getattr(lib, name) is getattr(lib.c, name), name
    assert lib.viRead.__name__ == "viRead"


def test_the_formatted_io_family_is_not_bound(lib: IVIVisaLibrary) -> None:
    for name in ("viPrintf", "viVPrintf", "viQueryf", "viVSScanf"):
        assert not hasattr(lib, name)
