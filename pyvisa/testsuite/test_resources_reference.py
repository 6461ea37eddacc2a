"""Tests of the resource classes over the reference C library, through the ctypes backend."""

from __future__ import annotations

import ctypes
import gc
import math
import os
import struct
import threading
import time
from typing import Any

import pytest

from pyvisa import attributes, constants, errors
from pyvisa.constants import EventMechanism, EventType, ResourceAttribute, StatusCode
from pyvisa.events import Event, TrigEvent
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import GPIBInstrument, RegisterBasedResource
from pyvisa.testsuite._resources_helpers import check_queries_not_interleaved
from pyvisa.testsuite.reference_visa import RESOURCES, load_hooks

GPIB = "GPIB0::1::INSTR"
TCPIP = "TCPIP0::192.168.0.10::inst0::INSTR"


@pytest.fixture
def ref(reference_library: str) -> Any:
    hooks = load_hooks(reference_library)
    rm = ResourceManager(reference_library)
    yield rm, hooks
    rm.close()
    hooks.refvisa_reset()


def push(hooks: ctypes.CDLL, session: int, data: bytes, end: bool = True) -> None:
    buffer = ctypes.create_string_buffer(data, len(data))
    assert hooks.refvisa_push_data(session, buffer, len(data), int(end)) == 0


def count_reads(monkeypatch: Any, visalib: Any) -> list[int]:
    """Record the size requested by every read the frontend makes."""
    sizes: list[int] = []
    read, read_into = visalib.read, visalib.read_into

    def counting_read(session: Any, count: int) -> Any:
        sizes.append(count)
        return read(session, count)

    def counting_read_into(session: Any, buffer: Any) -> Any:
        sizes.append(len(buffer))
        return read_into(session, buffer)

    monkeypatch.setattr(visalib, "read", counting_read)
    monkeypatch.setattr(visalib, "read_into", counting_read_into)
    return sizes


# -- basic I/O ---------------------------------------------------------------------------


def test_loopback_query(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n", write_termination="\n") as inst:
        assert isinstance(inst, GPIBInstrument)
        assert inst.write("*IDN?") == 6
        assert inst.read() == "*IDN?"
        assert inst.query("MEAS?") == "MEAS?"
        assert inst.last_status == StatusCode.success_termination_character_read
        assert inst.resource_name == GPIB
        assert inst.interface_type == constants.InterfaceType.gpib


def test_query_atomic_between_threads_sharing_a_resource(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n", write_termination="\n") as inst:
        inst.timeout = 5000
        # Sleeping between the write and the read lets the other thread run there.
        inst.query_delay = 0.0005
        check_queries_not_interleaved(inst, "AB", rounds=50, timeout=60)


def test_timeout_raises_tmo(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n") as inst:
        inst.timeout = 50
        assert inst.timeout == 50
        start = time.monotonic()
        with pytest.raises(errors.VisaIOError) as exc_info:
            inst.read()
        assert exc_info.value.error_code == StatusCode.error_timeout
        assert time.monotonic() - start >= 0.04
        inst.timeout = 0
        with pytest.raises(errors.VisaIOError):
            inst.read_bytes(1)
        del inst.timeout
        assert inst.timeout == math.inf


def test_chunked_multi_megabyte_read(ref: Any, monkeypatch: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB) as inst:
        payload = bytes(range(256)) * (4 * 4096) + b"\n"  # 4 MiB + 1
        push(hooks, inst.session, payload)
        inst.chunk_size = 256 * 1024
        sizes = count_reads(monkeypatch, inst.visalib)
        assert inst.read_raw() == payload
        assert len(sizes) == math.ceil(len(payload) / inst.chunk_size)


def test_large_message_write_then_read(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(TCPIP, read_termination="\n", write_termination="\n") as inst:
        message = "A" * (3 * 1024 * 1024)
        assert inst.write(message) == len(message) + 1
        assert inst.read() == message


def test_split_write_keeps_one_message(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB) as inst:
        inst.max_io_size = 1000
        payload = bytes(range(250)) * 20
        assert inst.write_raw(payload) == len(payload)
        assert inst.send_end is True
        # Only the last part carried END: one read gets the whole message.
        assert inst.read_raw(size=len(payload) * 2) == payload


def test_read_bytes_break_on_termchar(ref: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB, read_termination="\n") as inst:
        push(hooks, inst.session, b"ab\ncd\n", end=False)
        push(hooks, inst.session, b"xyz", end=True)
        assert inst.read_bytes(2) == b"ab"
        assert inst.read_bytes(100, break_on_termchar=True) == b"\n"
        assert inst.read_bytes(100, break_on_termchar=True) == b"cd\n"
        assert inst.read_bytes(100, chunk_size=2, break_on_termchar=True) == b"xyz"


@pytest.mark.parametrize("header_fmt", ["ieee", "hp", "empty"])
@pytest.mark.parametrize("datatype", ["B", "h", "d"])
def test_binary_blocks_with_termchar_in_data(
    ref: Any, monkeypatch: Any, header_fmt: str, datatype: str
) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n", write_termination="\n") as inst:
        values: list[Any] = [10, 0, 10, 10, 255 if datatype == "B" else 2570, 1]
        if datatype == "d":
            values = [struct.unpack("<d", b"\n" * 8)[0], 1.5, -2.0]
        inst.write_binary_values("", values, datatype=datatype, header_fmt=header_fmt)
        sizes = count_reads(monkeypatch, inst.visalib)
        result = inst.read_binary_values(
            datatype=datatype, header_fmt=header_fmt, data_points=len(values)
        )
        assert result == values
        assert len(sizes) <= 2
        assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_TRUE
        assert inst.query("OK?") == "OK?"


def test_large_binary_block_few_reads(ref: Any, monkeypatch: Any) -> None:
    rm, _ = ref
    np = pytest.importorskip("numpy")
    with rm.open_resource(GPIB, read_termination="\n", write_termination="\n") as inst:
        data = np.arange(1_000_000, dtype="<f8")
        inst.write_binary_values("CURV ", data, datatype="d")
        assert inst.read_bytes(5) == b"CURV "
        sizes = count_reads(monkeypatch, inst.visalib)
        result = inst.read_binary_values(datatype="d", container=np.array)
        assert np.array_equal(result, data)
        assert len(sizes) == 2


def test_large_reads_through_the_library(ref: Any, monkeypatch: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB, read_termination="\n") as inst:
        body = bytes(range(11, 256)) * 4000  # no termination character in it
        push(hooks, inst.session, body + b"\n")
        sizes = count_reads(monkeypatch, inst.visalib)
        data = inst.read_raw(size=10_000)
        assert type(data) is bytes and data == body + b"\n"
        assert len(sizes) == math.ceil((len(body) + 1) / 10_000)
        push(hooks, inst.session, body + b"\ntail", end=False)
        data = inst.read_bytes(len(body) + 3, chunk_size=300_000)
        assert type(data) is bytes and data == body + b"\nta"
        push(hooks, inst.session, body + b"\n" + body, end=False)
        data = inst.read_bytes(2 * len(body), break_on_termchar=True)
        assert data == b"il" + body + b"\n"


def test_write_raw_passes_buffers_to_the_library(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n") as inst:
        assert inst.write_raw(bytearray(b"buffer\n")) == 7
        assert inst.read_raw() == b"buffer\n"
        assert inst.write_raw(memoryview(b"view\n")) == 5
        assert inst.read_raw() == b"view\n"
        inst.max_io_size = 3
        assert inst.write_raw(bytearray(b"split\n")) == 6
        assert inst.read_raw() == b"split\n"


def test_binary_block_expect_termination_false(ref: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB, read_termination="\n") as inst:
        push(hooks, inst.session, b"#15a\nb\nc")
        assert inst.read_binary_values(datatype="s", container=bytes, expect_termination=False) == (
            b"a\nb\nc"
        )


def test_ascii_values(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(TCPIP, read_termination="\n", write_termination="\n") as inst:
        inst.write_ascii_values("", [1.25, 2.5, -3.0], converter="f", separator=";")
        assert inst.read_ascii_values(separator=";") == [1.25, 2.5, -3.0]
        assert inst.query_ascii_values("1,2,3", converter="d", container=tuple) == (1, 2, 3)


# -- locks -------------------------------------------------------------------------------


def test_exclusive_lock_between_sessions(ref: Any) -> None:
    rm, _ = ref
    first = rm.open_resource(GPIB)
    second = rm.open_resource(GPIB)
    first.lock_excl()
    with pytest.raises(errors.VisaIOError) as exc_info:
        second.write("X")
    assert exc_info.value.error_code == StatusCode.error_resource_locked
    with pytest.raises(errors.VisaIOError) as exc_info:
        second.lock_excl(timeout=0)
    assert exc_info.value.error_code == StatusCode.error_resource_locked
    with pytest.raises(errors.VisaIOError) as exc_info:
        second.lock_excl(timeout=30)
    assert exc_info.value.error_code == StatusCode.error_timeout
    assert first.lock_state == constants.AccessModes.exclusive_lock
    first.unlock()
    with second.lock_context(timeout=100) as key:
        assert key is None
    first.close()
    second.close()


def test_shared_lock_between_sessions(ref: Any) -> None:
    rm, _ = ref
    first = rm.open_resource(GPIB)
    second = rm.open_resource(GPIB)
    third = rm.open_resource(GPIB)
    key = first.lock()
    assert key.startswith("refvisa-key-")
    assert second.lock(requested_key=key) == key
    with pytest.raises(errors.VisaIOError):
        third.write("X")
    second.write("shared")
    with pytest.raises(errors.VisaIOError):
        third.lock(timeout=0, requested_key="my-key")
    first.unlock()
    second.unlock()


def test_lock_context_shared_key(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB) as inst:
        with inst.lock_context(requested_key="my-key") as key:
            assert key == "my-key"
            assert inst.lock_state == constants.AccessModes.shared_lock
        assert inst.lock_state == constants.AccessModes.no_lock


# -- events ------------------------------------------------------------------------------


def test_srq_by_queue_from_other_thread(ref: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB) as inst:
        inst.enable_event(EventType.service_request, EventMechanism.queue)
        assert hooks.refvisa_raise_srq(inst.session, 50) == 0
        response = inst.wait_on_event(EventType.service_request, 5000)
        assert type(response.event) is Event
        assert response.event.event_type == EventType.service_request
        assert not response.timed_out
        response.close()
        assert inst.stb & 0x40
        timed_out = inst.wait_on_event(EventType.service_request, 20, capture_timeout=True)
        assert timed_out.timed_out
        inst.disable_event(EventType.service_request, EventMechanism.queue)


def test_wait_for_srq(ref: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB) as inst:
        assert hooks.refvisa_raise_srq(inst.session, 50) == 0
        inst.wait_for_srq(timeout=5000)
        with pytest.raises(errors.VisaIOError) as exc_info:
            inst.wait_for_srq(timeout=30)
        assert exc_info.value.error_code == StatusCode.error_timeout


def test_srq_by_handler_from_other_thread(ref: Any) -> None:
    rm, hooks = ref
    with rm.open_resource(GPIB) as inst:
        called = threading.Event()
        seen: list[tuple[Any, Any, Any, str]] = []

        def handler(resource: Any, event: Any, user_handle: Any) -> None:
            seen.append((resource, event.event_type, user_handle, threading.current_thread().name))
            called.set()

        wrapped = inst.wrap_handler(handler)
        user_handle = inst.install_handler(EventType.service_request, wrapped, 42)
        inst.enable_event(EventType.service_request, EventMechanism.handler)
        assert hooks.refvisa_raise_srq(inst.session, 30) == 0
        assert called.wait(5)
        resource, event_type, handle, thread_name = seen[0]
        assert resource is inst
        assert event_type == EventType.service_request
        assert thread_name != threading.main_thread().name
        inst.disable_event(EventType.service_request, EventMechanism.handler)
        inst.uninstall_handler(EventType.service_request, wrapped, user_handle)
        assert handle is not None


def test_trigger_and_clear_events(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB) as inst:
        inst.enable_event(EventType.trig, EventMechanism.queue)
        inst.enable_event(EventType.clear, EventMechanism.queue)
        inst.assert_trigger()
        with inst.wait_on_event(EventType.trig, 1000) as response:
            assert isinstance(response.event, TrigEvent)
            assert isinstance(response.event.received_trigger_id, int)
        inst.clear()
        with inst.wait_on_event(EventType.clear, 1000) as response:
            assert type(response.event) is Event
        inst.discard_events(EventType.all_enabled, EventMechanism.queue)


def test_close_releases_handlers_and_session(ref: Any) -> None:
    rm, hooks = ref
    before = hooks.refvisa_open_session_count()
    inst = rm.open_resource(GPIB)
    inst.install_handler(EventType.service_request, inst.wrap_handler(lambda *a: None))
    inst.enable_event(EventType.service_request, EventMechanism.handler)
    assert hooks.refvisa_open_session_count() == before + 1
    inst.close()
    assert hooks.refvisa_open_session_count() == before
    assert not inst.visalib.handlers.get(inst._session)


def test_forgotten_resource_closed_by_gc(ref: Any) -> None:
    rm, hooks = ref
    before = hooks.refvisa_open_session_count()
    inst = rm.open_resource(TCPIP)
    assert hooks.refvisa_open_session_count() == before + 1
    del inst
    gc.collect()
    assert hooks.refvisa_open_session_count() == before


# -- interface specific ------------------------------------------------------------------


def test_gpib_interface_operations(ref: Any) -> None:
    rm, hooks = ref
    board = rm.open_resource("GPIB0::INTFC")
    device = rm.open_resource(GPIB)
    assert board.send_command(b"\x3f\x5f")[0] == 2
    board.send_ifc()
    board.control_ren(constants.RENLineOperation.asrt)
    board.control_atn(constants.ATNLineOperation.asrt)
    board.control_atn(constants.ATNLineOperation.deassert)
    count, _ = board.group_execute_trigger(device)
    assert count == 4
    buffer = ctypes.create_string_buffer(64)
    n = ctypes.c_uint32()
    assert hooks.refvisa_gpib_commands(board.session, buffer, 64, ctypes.byref(n)) == 0
    assert buffer.raw[: n.value].endswith(bytes([0x40, 0x3F, 0x21, 0x08]))
    device.control_ren(constants.RENLineOperation.deassert)
    assert device.primary_address == 1
    board.close()
    device.close()


def test_usb_control_transfers(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource("USB0::0x1234::0x5678::SN001::0::INSTR") as usb:
        usb.control_out(0x40, 1, 0, 0, b"\x01\x02\x03")
        assert usb.control_in(0xC0, 1, 0, 0, 3) == b"\x01\x02\x03"
        assert usb.manufacturer_id == 0x1234
        assert usb.model_code == 0x5678
        assert usb.serial_number == "SN001"


@pytest.mark.parametrize("name", ["VXI0::MEMACC", "VXI0::1::INSTR"])
@pytest.mark.parametrize("width", [8, 16, 32, 64])
def test_register_access(ref: Any, name: str, width: Any) -> None:
    rm, _ = ref
    with rm.open_resource(name) as res:
        assert isinstance(res, RegisterBasedResource)
        space = constants.AddressSpace.a24
        value = (1 << (width - 1)) + 5
        res.write_memory(space, 0x100, value, width)
        assert res.read_memory(space, 0x100, width) == value
        data = [1, 2, 3, 4]
        res.move_out(space, 0x200, len(data), data, width)
        assert res.move_in(space, 0x200, len(data), width) == data
        with pytest.raises(errors.VisaIOError):
            res.read_memory(space, 0x10000000, width)


# -- attributes --------------------------------------------------------------------------


def _invalid_value(attr_class: type) -> Any:
    if issubclass(attr_class, attributes.BooleanAttribute):
        return 2
    if issubclass(attr_class, attributes.CharAttribute):
        return "too long"
    if issubclass(attr_class, attributes.RangeAttribute):
        candidate = attr_class.max_value + 1
        return candidate if candidate not in (attr_class.values or ()) else None
    if issubclass(attr_class, attributes.EnumAttribute | attributes.ValuesAttribute):
        return -123456
    return None


@pytest.mark.parametrize("name", RESOURCES)
def test_every_attribute_of_every_resource(ref: Any, name: str) -> None:
    rm, _ = ref
    try:
        res = rm.open_resource(name)
    except errors.VisaIOError as exc:
        if exc.error_code == StatusCode.error_invalid_resource_name and name.startswith("PXI"):
            # The frontend opens the canonical name (PXI0::0-1.0::INSTR).
            pytest.xfail("the reference library does not parse canonical PXI names")
        raise
    with res:
        assert res.visa_attributes_classes
        for attr_class in sorted(res.visa_attributes_classes, key=lambda a: a.visa_name):
            visa_name = attr_class.visa_name
            descriptor = getattr(type(res), visa_name)
            assert isinstance(descriptor, attr_class)
            if attr_class.py_name:
                assert hasattr(type(res), attr_class.py_name)
            value: Any = None
            readable = False
            if attr_class.read:
                try:
                    value = getattr(res, visa_name)
                    readable = True
                except errors.VisaIOError as exc:
                    assert exc.error_code < 0
            else:
                with pytest.raises(AttributeError):
                    getattr(res, visa_name)
            if not attr_class.write:
                with pytest.raises(AttributeError):
                    setattr(res, visa_name, value)
                continue
            if readable and attr_class.local is False and visa_name != "VI_ATTR_TMO_VALUE":
                try:
                    setattr(res, visa_name, value)
                except errors.VisaIOError as exc:
                    assert exc.error_code < 0
                else:
                    assert getattr(res, visa_name) == value
            invalid = _invalid_value(attr_class)
            if invalid is not None:
                with pytest.raises(ValueError):
                    setattr(res, visa_name, invalid)


def test_invalid_raw_attribute_values_rejected_by_library(ref: Any) -> None:
    rm, _ = ref
    with rm.open_resource("ASRL1::INSTR") as serial:
        with pytest.raises(errors.VisaIOError) as exc_info:
            serial.set_visa_attribute(ResourceAttribute.asrl_data_bits, 42)
        assert exc_info.value.error_code == StatusCode.error_nonsupported_attribute_state
        with pytest.raises(errors.VisaIOError):
            serial.get_visa_attribute(ResourceAttribute.gpib_primary_address)
        serial.baud_rate = 115200
        assert serial.baud_rate == 115200
        serial.parity = constants.Parity.even
        assert serial.parity == constants.Parity.even
        with pytest.raises(ValueError):
            serial.data_bits = 9


EXIT_SCRIPT = """
import logging, sys
import pyvisa
logging.basicConfig(filename=sys.argv[2], level=logging.DEBUG)
rm = pyvisa.ResourceManager(sys.argv[1])
inst = rm.open_resource("GPIB0::1::INSTR")
inst.install_handler(
    pyvisa.constants.EventType.service_request, inst.wrap_handler(lambda *args: None)
)
inst.write("left open")
"""


def test_forgotten_resource_closed_quietly_at_exit(reference_library: str, tmp_path: Any) -> None:
    import subprocess
    import sys

    log = tmp_path / "exit.log"
    result = subprocess.run(
        [sys.executable, "-c", EXIT_SCRIPT, reference_library, str(log)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == ""
    assert "closing forgotten session" in log.read_text()


@pytest.mark.skipif(
    not os.environ.get("PYVISA_TEST_LARGE"), reason="set PYVISA_TEST_LARGE=1 (needs ~8 GiB RAM)"
)
def test_blocks_above_2_gib_both_ways(ref: Any, monkeypatch: Any) -> None:
    rm, _ = ref
    with rm.open_resource(GPIB, read_termination="\n", write_termination="\n") as inst:
        inst.timeout = 120_000
        payload = bytes(range(256)) * ((2**31 + 4096) // 256)
        # IEEE headers cannot declare more than 999999999 bytes: send a headerless block.
        assert inst.write_raw(payload + b"\n") == len(payload) + 1
        sizes = count_reads(monkeypatch, inst.visalib)
        result = inst.read_binary_values(
            datatype="s", container=bytes, header_fmt="empty", data_points=len(payload)
        )
        assert len(result) == len(payload)
        assert result[:1024] == payload[:1024] and result[-1024:] == payload[-1024:]
        assert len(sizes) == 3


# -- frontend state of closed sessions ------------------------------------------------------


def test_closed_sessions_leave_no_status_behind(ref: Any) -> None:
    rm, hooks = ref
    lib = rm.visalib
    inst = rm.open_resource(GPIB, read_termination="\n", write_termination="\n")
    inst.enable_event(EventType.service_request, EventMechanism.queue)
    assert hooks.refvisa_raise_srq(inst.session, 0) == 0
    response = inst.wait_on_event(EventType.service_request, 5000)
    context = response.event.context
    lib.get_attribute(context, constants.VI_ATTR_EVENT_TYPE)
    assert context in lib._last_status_in_session
    # Fact EV-3: Event.close() only invalidates the context (no library call).
    response.event.close()
    inst.write("X")
    session = inst.session
    assert session in lib._last_status_in_session
    inst.close()
    assert session not in lib._last_status_in_session

    forgotten = rm.open_resource(GPIB)
    forgotten.write_raw(b"Y")
    session = forgotten.session
    del forgotten
    gc.collect()
    assert session not in lib._last_status_in_session
