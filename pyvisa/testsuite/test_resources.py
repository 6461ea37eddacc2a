"""Tests of the resource classes over a scriptable pure-Python backend."""

from __future__ import annotations

import gc
import logging
import math
import struct
import threading
import time
import warnings
from typing import Any

import pytest

from pyvisa import constants, errors
from pyvisa.constants import EventMechanism, EventType, ResourceAttribute, StatusCode
from pyvisa.events import Event, TrigEvent, WaitResponse
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import (
    FirewireInstrument,
    GPIBInstrument,
    GPIBInterface,
    MessageBasedResource,
    PXIInstrument,
    PXIMemory,
    RegisterBasedResource,
    Resource,
    SerialInstrument,
    TCPIPInstrument,
    TCPIPSocket,
    USBInstrument,
    USBRaw,
    VXIBackplane,
    VXIInstrument,
    VXIMemory,
)
from pyvisa.resources.pxi import PXIBackplane
from pyvisa.resources.serial import PrlgxASRLIntfc
from pyvisa.resources.tcpip import PrlgxTCPIPIntfc, VICPInstrument
from pyvisa.testsuite._resources_helpers import (
    ScriptedLibrary,
    check_queries_not_interleaved,
    ieee_block,
    make_manager,
    run_together,
)

GPIB = "GPIB0::5::INSTR"


@pytest.fixture
def rm_lib() -> Any:
    rm, lib = make_manager()
    yield rm, lib
    rm.close()


@pytest.fixture
def inst(rm_lib: Any) -> Any:
    rm, _ = rm_lib
    return rm.open_resource(GPIB)


@pytest.fixture
def lib(rm_lib: Any) -> ScriptedLibrary:
    return rm_lib[1]


# -- classes and registration -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("GPIB0::5::INSTR", GPIBInstrument),
        ("GPIB0::INTFC", GPIBInterface),
        ("ASRL1::INSTR", SerialInstrument),
        ("TCPIP0::1.2.3.4::inst0::INSTR", TCPIPInstrument),
        ("TCPIP0::1.2.3.4::5025::SOCKET", TCPIPSocket),
        ("USB0::0x1234::0x5678::SN1::0::INSTR", USBInstrument),
        ("USB0::0x1234::0x5678::SN1::0::RAW", USBRaw),
        ("PXI0::1-2.3::INSTR", PXIInstrument),
        ("PXI0::MEMACC", PXIMemory),
        ("VXI0::1::INSTR", VXIInstrument),
        ("VXI0::MEMACC", VXIMemory),
        ("VXI0::1::BACKPLANE", VXIBackplane),
        ("VICP::1.2.3.4::INSTR", VICPInstrument),
        ("PRLGX-TCPIP::1.2.3.4::1234::INTFC", PrlgxTCPIPIntfc),
        ("PRLGX-ASRL::/dev/ttyUSB0::INTFC", PrlgxASRLIntfc),
        ("PXI0::1::BACKPLANE", PXIBackplane),
    ],
)
def test_open_resource_picks_registered_class(rm_lib: Any, name: str, cls: Any) -> None:
    rm, _ = rm_lib
    with rm.open_resource(name) as res:
        assert type(res) is cls
        assert res.visa_attributes_classes
        assert all(hasattr(cls, attr.visa_name) for attr in res.visa_attributes_classes)


def test_firewire_class_is_registered() -> None:
    key = (constants.InterfaceType.firewire, "INSTR")
    assert ResourceManager._resource_classes[key] is FirewireInstrument
    assert ResourceManager._resource_classes[(constants.InterfaceType.unknown, "")] is (
        MessageBasedResource
    )


def test_unregistered_pair_opens_generic_fallback(rm_lib: Any, monkeypatch: Any) -> None:
    rm, _ = rm_lib
    # Without a class registered for (pxi, BACKPLANE), the (unknown, "") one is used.
    key = (constants.InterfaceType.pxi, "BACKPLANE")
    monkeypatch.delitem(ResourceManager._resource_classes, key)
    with rm.open_resource("PXI0::0::BACKPLANE") as res:
        assert type(res) is MessageBasedResource
        assert res.resource_info.resource_class == "BACKPLANE"


def test_register_decorator_maps_pair_to_class(rm_lib: Any) -> None:
    rm, _ = rm_lib
    key = (constants.InterfaceType.gpib, "INSTR")
    previous = ResourceManager._resource_classes[key]
    try:

        @Resource.register(constants.InterfaceType.gpib, "INSTR")
        class MyGPIB(GPIBInstrument):
            pass

        assert ResourceManager._resource_classes[key] is MyGPIB
        assert MyGPIB.visa_attributes_classes == previous.visa_attributes_classes
        with rm.open_resource(GPIB) as res:
            assert type(res) is MyGPIB
    finally:
        ResourceManager._resource_classes[key] = previous


def test_register_rejects_class_missing_attributes() -> None:
    # Fact RM-3: "%s was expected to have a visa attribute %s".
    with pytest.raises(TypeError, match="was expected to have a visa attribute"):

        @Resource.register(constants.InterfaceType.asrl, "INSTR")
        class Incomplete(MessageBasedResource):
            pass

    assert ResourceManager._resource_classes[(constants.InterfaceType.asrl, "INSTR")] is (
        SerialInstrument
    )


def test_resource_pyclass_is_honoured(rm_lib: Any) -> None:
    rm, _ = rm_lib
    with rm.open_resource("ASRL1::INSTR", resource_pyclass=MessageBasedResource) as res:
        assert type(res) is MessageBasedResource


def test_visa_name_aliases(inst: Any, lib: ScriptedLibrary) -> None:
    inst.VI_ATTR_TMO_VALUE = 1234
    assert inst.timeout == 1234
    assert inst.VI_ATTR_TMO_VALUE == 1234


# -- lifecycle ------------------------------------------------------------------------


def test_str_and_repr(inst: Any) -> None:
    # Fact RS-1: str is "<class name> at <name>", repr keeps <Class('name')>.
    assert repr(inst) == "<GPIBInstrument('GPIB0::5::INSTR')>"
    assert str(inst) == "GPIBInstrument at GPIB0::5::INSTR"


def test_name_is_normalised(rm_lib: Any) -> None:
    rm, lib = rm_lib
    with rm.open_resource("GPIB::5") as res:
        assert res.resource_name == "GPIB0::5::INSTR"
    assert lib.calls[0][1] == "GPIB0::5::INSTR"


def test_session_invalid_after_close(inst: Any, lib: ScriptedLibrary) -> None:
    session = inst.session
    inst.close()
    with pytest.raises(errors.InvalidSession, match="might be closed"):
        _ = inst.session
    inst.close()  # closing twice does nothing
    assert lib.count("close") == 1
    assert session not in lib.sessions


def test_close_order(inst: Any, lib: ScriptedLibrary) -> None:
    inst.install_handler(EventType.service_request, lambda *args: None)
    session = inst.session
    del lib.calls[:]
    inst.close()
    names = [call[0] for call in lib.calls]
    assert names == ["disable_event", "discard_events", "uninstall_handler", "close"]
    assert lib.calls[0][1:] == (session, EventType.all_enabled, EventMechanism.all)


def test_close_ignores_event_errors(rm_lib: Any, monkeypatch: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource(GPIB)

    def failing(*args: Any) -> StatusCode:
        return lib.handle_return_value(args[0], StatusCode.error_nonimplemented_operation)

    monkeypatch.setattr(lib, "disable_event", failing)
    monkeypatch.setattr(lib, "discard_events", lambda *args: None)
    res.close()
    assert lib.count("close") == 1


def test_close_releases_session_when_before_close_fails(rm_lib: Any, monkeypatch: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource(GPIB)
    session = res.session

    def failing(session: Any) -> None:
        raise errors.VisaIOError(StatusCode.error_system_error)

    monkeypatch.setattr(lib, "uninstall_all_visa_handlers", failing)
    with pytest.raises(errors.VisaIOError):
        res.close()
    assert session not in lib.sessions
    with pytest.raises(errors.InvalidSession):
        _ = res.session


def test_context_manager_returns_same_object(rm_lib: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource(GPIB)
    with res as entered:
        assert entered is res
    assert lib.count("close") == 1


def test_forgotten_resource_closed_on_gc(rm_lib: Any, caplog: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource(GPIB)
    session = res.session
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        del res
        gc.collect()
    assert session not in lib.sessions
    assert "closing forgotten session" in caplog.text


def test_finalizer_never_raises(rm_lib: Any, monkeypatch: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource(GPIB)

    def broken(session: Any) -> StatusCode:
        raise RuntimeError("library torn down")

    monkeypatch.setattr(lib, "close", broken)
    res._finalizer()  # must swallow the error
    monkeypatch.undo()


def test_open_failure_returned_warns(rm_lib: Any) -> None:
    rm, _ = rm_lib

    class Failing(GPIBInstrument):
        pass

    # Fact RM-4: an error status returned without raising only warns; the resource is
    # created with the returned session.
    rm.visalib.open = lambda *args: (0, StatusCode.error_resource_not_found)
    try:
        with pytest.warns(errors.VisaIOWarning):
            res = rm.open_resource(GPIB, resource_pyclass=Failing)
        assert type(res) is Failing
    finally:
        del rm.visalib.open


def test_open_closes_the_session_when_the_device_probe_fails(rm_lib: Any) -> None:
    rm, lib = rm_lib
    original_open = lib.open

    def open_not_present(*args: Any) -> tuple[Any, StatusCode]:
        session, _ = original_open(*args)
        return session, StatusCode.success_device_not_present

    def failing_clear(session: Any) -> StatusCode:
        return lib.handle_return_value(session, StatusCode.error_system_error)

    lib.open = open_not_present
    lib.clear = failing_clear
    with pytest.raises(errors.VisaIOError) as exc_info:
        rm.open_resource(GPIB)
    assert exc_info.value.error_code == StatusCode.error_system_error
    assert lib.sessions == {}
    assert lib.count("close") == 1


def test_resource_info_and_interface_type(inst: Any) -> None:
    info = inst.resource_info
    assert info.interface_type == constants.InterfaceType.gpib
    assert info.resource_class == "INSTR"
    assert inst.interface_type == constants.InterfaceType.gpib
    assert inst.last_status == StatusCode.success


# -- timeout --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "visa"),
    [
        (None, constants.VI_TMO_INFINITE),
        (math.inf, constants.VI_TMO_INFINITE),
        (0, 0),
        (0.5, 0),
        (-3, 0),
        (1, 1),
        (1500.7, 1500),
        (0xFFFFFFFE, 0xFFFFFFFE),
    ],
)
def test_timeout_values(inst: Any, value: Any, visa: int) -> None:
    inst.timeout = value
    assert inst.get_visa_attribute(ResourceAttribute.timeout_value) == visa
    expected = math.inf if visa == constants.VI_TMO_INFINITE else visa
    assert inst.timeout == expected


def test_timeout_accepts_any_real_number(inst: Any) -> None:
    np = pytest.importorskip("numpy")
    inst.timeout = np.int64(2500)
    assert inst.timeout == 2500
    inst.timeout = np.float32(0.5)
    assert inst.timeout == 0


@pytest.mark.parametrize("value", [0xFFFFFFFF, 1e12, math.nan, "10", b"10", 1j])
def test_timeout_invalid(inst: Any, value: Any) -> None:
    with pytest.raises(ValueError, match="timeout"):
        inst.timeout = value


def test_timeout_delete_means_infinite(inst: Any) -> None:
    inst.timeout = 10
    del inst.timeout
    assert inst.timeout == math.inf


# -- attributes -------------------------------------------------------------------------


def test_get_set_visa_attribute(inst: Any) -> None:
    status = inst.set_visa_attribute(ResourceAttribute.send_end_enabled, constants.VI_FALSE)
    assert status == StatusCode.success
    assert inst.get_visa_attribute(ResourceAttribute.send_end_enabled) == constants.VI_FALSE
    assert inst.send_end is False


def test_unsupported_attribute_raises(inst: Any) -> None:
    with pytest.raises(errors.VisaIOError) as exc_info:
        inst.get_visa_attribute(ResourceAttribute.gpib_atn_state)
    assert exc_info.value.error_code == StatusCode.error_nonsupported_attribute


def test_attribute_of_closed_resource(inst: Any) -> None:
    inst.close()
    with pytest.raises(errors.InvalidSession):
        _ = inst.timeout


def test_descriptor_values(rm_lib: Any) -> None:
    rm, _ = rm_lib
    with rm.open_resource("ASRL1::INSTR") as serial:
        assert serial.baud_rate == 9600
        serial.baud_rate = 115200
        assert serial.get_visa_attribute(ResourceAttribute.asrl_baud_rate) == 115200


# -- writing and reading --------------------------------------------------------------


def test_write_returns_backend_count_and_appends_termination(inst: Any, lib: Any) -> None:
    assert inst.write("*IDN?") == 7
    assert lib.sessions[inst.session].written[-1] == b"*IDN?\r\n"
    assert inst.write("X", termination="!") == 2
    assert lib.sessions[inst.session].written[-1] == b"X!"
    inst.write_termination = ""
    assert inst.write("Y") == 1


def test_write_warns_when_already_terminated(inst: Any) -> None:
    with pytest.warns(UserWarning, match="already ends with termination"):
        inst.write("A\r\n")


def test_write_encoding(inst: Any, lib: Any) -> None:
    inst.write("é", encoding="latin-1", termination="")
    assert lib.sessions[inst.session].written[-1] == b"\xe9"
    with pytest.raises(UnicodeEncodeError):
        inst.write("é", termination="")


def test_read_strips_termination(inst: Any, lib: Any) -> None:
    inst.read_termination = "\r\n"
    lib.feed(inst.session, b"ABC\r\n")
    assert inst.read() == "ABC"
    lib.feed(inst.session, b"ABC")
    with pytest.warns(UserWarning, match="doesn't end with termination"):
        assert inst.read() == "ABC"


def test_read_with_explicit_termination(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"AB;CD;", end=False)
    assert inst.read(termination=";") == "AB"
    assert inst.read_termination is None
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_FALSE
    assert inst.read(termination=";") == "CD"
    # The current termination given explicitly changes no attribute.
    inst.read_termination = ";"
    lib.feed(inst.session, b"EF;", end=False)
    del lib.calls[:]
    assert inst.read(termination=";") == "EF"
    assert lib.count("set_attribute") == 0


def test_read_termination_sets_termchar(inst: Any) -> None:
    inst.read_termination = "\r\n"
    assert inst.get_visa_attribute(ResourceAttribute.termchar) == ord("\n")
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_TRUE
    inst.read_termination = ""
    assert inst.get_visa_attribute(ResourceAttribute.termchar) == ord("\n")
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_FALSE
    inst.read_termination = None
    assert inst.read_termination is None
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_FALSE


def test_default_terminations_per_class(rm_lib: Any) -> None:
    rm, lib = rm_lib
    # User guide 1.1.7: empty read termination in general (GPIB...), CR for RS232.
    gpib = rm.open_resource(GPIB)
    # Fact BK-2: no termination character means None.
    assert gpib.read_termination is None
    assert gpib.write_termination == "\r\n"
    assert gpib.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_FALSE
    serial = rm.open_resource("ASRL1::INSTR")
    assert serial.read_termination == "\r"
    assert serial.get_visa_attribute(ResourceAttribute.termchar) == ord("\r")
    assert serial.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_TRUE
    lib.feed(serial.session, b"abc\r")
    assert serial.read() == "abc"
    # An explicit keyword replaces the default once the session is open.
    other = rm.open_resource("ASRL2::INSTR", read_termination="\n")
    assert other.read_termination == "\n"
    assert other.get_visa_attribute(ResourceAttribute.termchar) == ord("\n")
    assert rm.open_resource("PRLGX-ASRL::/dev/ttyUSB0::INTFC").read_termination is None


def test_default_read_termination_rejected_by_backend(rm_lib: Any, monkeypatch: Any) -> None:
    rm, lib = rm_lib
    original = lib.set_attribute

    def refuse_termchar(session: Any, attribute: Any, state: Any) -> StatusCode:
        if attribute == ResourceAttribute.termchar_enabled:
            raise errors.VisaIOError(StatusCode.error_nonsupported_attribute)
        return original(session, attribute, state)

    monkeypatch.setattr(lib, "set_attribute", refuse_termchar)
    serial = rm.open_resource("ASRL1::INSTR")
    assert serial.read_termination is None
    assert SerialInstrument._default_read_termination == "\r"


@pytest.mark.parametrize("value", ["\n\n", "a\nb\n", "xyzz"])
def test_read_termination_rejects_repeated_last_char(inst: Any, value: str) -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        inst.read_termination = value


def test_read_termination_rejects_multibyte_termchar(inst: Any) -> None:
    with pytest.raises(ValueError, match="single byte"):
        inst.read_termination = "€"


def test_read_termination_context(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    lib.feed(inst.session, b"raw\n")
    with inst.read_termination_context(""):
        assert inst.read_termination == ""
        assert inst.read() == "raw\n"
    assert inst.read_termination == "\n"
    with inst.read_termination_context(None):
        assert inst.read_termination is None
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_TRUE


def test_read_raw_concatenates_chunks(inst: Any, lib: Any) -> None:
    payload = bytes(range(256)) * 40
    lib.feed(inst.session, payload)
    assert inst.read_raw(size=1000) == payload
    assert lib.count("read") == math.ceil(len(payload) / 1000)


def test_read_raw_multi_megabyte(inst: Any, lib: Any) -> None:
    payload = b"x" * (3 * 1024 * 1024) + b"\n"
    lib.feed(inst.session, payload)
    inst.chunk_size = 1024 * 1024
    data = inst.read_raw()
    assert data == payload and isinstance(data, bytes)


def test_read_raw_no_warning_for_max_count(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"a" * 100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert inst.read_raw(size=10) == b"a" * 100


def test_read_raw_returns_bytes_from_bytearray_backend(
    inst: Any, lib: Any, monkeypatch: Any
) -> None:
    original = lib.read

    def read_bytearray(session: Any, count: int) -> tuple[bytearray, StatusCode]:
        data, status = original(session, count)
        return bytearray(data), status

    monkeypatch.setattr(lib, "read", read_bytearray)
    for size in (3, 100):
        lib.feed(inst.session, b"abcdefgh")
        data = inst.read_raw(size=size)
        assert data == b"abcdefgh" and type(data) is bytes


def test_read_timeout_mid_message_logs_received_data_at_debug(
    inst: Any, lib: Any, caplog: Any
) -> None:
    lib.feed(inst.session, b"partial", end=False)
    with caplog.at_level(logging.DEBUG, logger="pyvisa"), pytest.raises(errors.VisaIOError):
        inst.read_raw(size=4)
    assert "b'partial'" in caplog.text


def test_reads_skip_ignore_context_when_codes_do_not_warn(
    inst: Any, lib: Any, monkeypatch: Any
) -> None:
    def forbidden(*args: Any) -> Any:
        raise AssertionError("ignore_warning entered needlessly")

    monkeypatch.setattr(lib, "ignore_warning", forbidden)
    lib.issue_warning_on -= {
        StatusCode.success_max_count_read,
        StatusCode.success_device_not_present,
    }
    lib.feed(inst.session, b"a" * 100)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert inst.read_raw(size=10) == b"a" * 100


def test_read_timeout_raises(inst: Any) -> None:
    with pytest.raises(errors.VisaIOError) as exc_info:
        inst.read()
    assert exc_info.value.error_code == StatusCode.error_timeout


def test_read_bytes(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"0123456789", b"abc")
    assert inst.read_bytes(4) == b"0123"
    assert inst.read_bytes(8, chunk_size=3) == b"456789ab"
    assert inst.read_bytes(0) == b""
    with pytest.raises(ValueError, match="count"):
        inst.read_bytes(-1)


def test_read_bytes_break_on_termchar(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    lib.feed(inst.session, b"ab\ncd\n", end=False)
    assert inst.read_bytes(10, break_on_termchar=True) == b"ab\n"
    lib.feed(inst.session, b"END")
    assert inst.read_bytes(10, break_on_termchar=True) == b"cd\n"
    assert inst.read_bytes(10, break_on_termchar=True) == b"END"


def test_encoding(inst: Any, lib: Any) -> None:
    assert inst.encoding == "ascii"
    with pytest.raises(LookupError):
        inst.encoding = "no-such-codec"
    inst.encoding = "utf-8"
    lib.feed(inst.session, "héllo".encode())
    assert inst.read() == "héllo"


def test_decode_error_names_bytes_and_policy(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"ok\xff\xfeok")
    with pytest.raises(UnicodeDecodeError, match=r"b'\\xff'.*errors='replace'"):
        inst.read()
    inst.encoding_errors = "replace"
    lib.feed(inst.session, b"ok\xffok")
    assert inst.read() == "ok\ufffdok"
    inst.encoding_errors = "backslashreplace"
    lib.feed(inst.session, b"ok\xffok")
    assert inst.read() == "ok\\xffok"
    with pytest.raises(LookupError):
        inst.encoding_errors = "bogus"


def test_query_uses_delay(inst: Any, lib: Any, monkeypatch: Any) -> None:
    sleeps: list[float] = []
    monkeypatch.setattr(time, "sleep", sleeps.append)
    inst.read_termination = "\n"
    inst.write_termination = "\n"
    assert inst.query("*IDN?") == "*IDN?"
    assert sleeps == []
    inst.query_delay = 0.25
    inst.query("A")
    inst.query("B", delay=0.5)
    assert sleeps == [0.25, 0.5]


def test_hot_path_makes_only_the_io_calls(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    inst.write_termination = "\n"
    del lib.calls[:]
    assert inst.query("*IDN?") == "*IDN?"
    inst.write("A")
    assert inst.read() == "A"
    inst.write("B")
    assert inst.read(termination="\n") == "B"
    assert [call[0] for call in lib.calls] == ["write", "read"] * 3


def test_query_is_atomic_between_threads(rm_lib: Any) -> None:
    rm, lib = rm_lib
    inst = rm.open_resource(GPIB, read_termination="\n", write_termination="\n")
    original_write = lib.write

    def slow_write(session: Any, data: bytes) -> tuple[int, StatusCode]:
        result = original_write(session, data)
        time.sleep(0.0005)  # leave room for another thread to get in between
        return result

    lib.write = slow_write
    check_queries_not_interleaved(inst, "ABC", rounds=40, timeout=30)


def test_write_from_another_thread_waits_for_the_answer_of_a_query(rm_lib: Any) -> None:
    # IEEE 488.2 devices drop a pending answer when a new command arrives: a plain write
    # must not get between the write and the read of a query.
    rm, lib = rm_lib
    inst = rm.open_resource(GPIB, read_termination="\n", write_termination="\n")
    inst.query_delay = 0.2
    query_written = threading.Event()
    original_write = lib.write

    def write(session: Any, data: bytes) -> tuple[int, StatusCode]:
        result = original_write(session, data)
        query_written.set()
        return result

    lib.write = write
    del lib.calls[:]
    answers: list[str] = []
    querier = threading.Thread(target=lambda: answers.append(inst.query("Q")))
    querier.start()
    assert query_written.wait(5)
    inst.write("W")
    querier.join(5)
    assert answers == ["Q"]
    io = [(call[0], call[2]) for call in lib.calls if call[0] in ("write", "read")]
    assert io[:3] == [("write", 2), ("read", inst.chunk_size), ("write", 2)]


def test_concurrent_closes_close_the_session_once(rm_lib: Any) -> None:
    rm, lib = rm_lib
    original_disable = lib.disable_event

    def slow_disable(*args: Any) -> StatusCode:
        time.sleep(0.001)  # let the other threads run while one is closing
        return original_disable(*args)

    lib.disable_event = slow_disable
    for _ in range(20):
        inst = rm.open_resource(GPIB)
        del lib.calls[:]
        run_together(inst.close, 4)
        assert lib.count("close") == 1
        with pytest.raises(errors.InvalidSession):
            _ = inst.session


def test_stb_trigger_flush_clear(inst: Any, lib: Any) -> None:
    lib.sessions[inst.session].stb = 0x42
    assert inst.read_stb() == 0x42
    assert inst.stb == 0x42
    inst.assert_trigger()
    assert lib.calls[-1][2] == constants.TriggerProtocol.default
    inst.flush(constants.BufferOperation.discard_read_buffer)
    assert lib.calls[-1][0] == "flush"
    lib.feed(inst.session, b"pending")
    inst.clear()
    assert lib.sessions[inst.session].output == b""


# -- ascii values -----------------------------------------------------------------------


def test_ascii_values(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    inst.write_termination = "\n"
    lib.feed(inst.session, b"1.5,2.5,-3\n")
    assert inst.read_ascii_values() == [1.5, 2.5, -3.0]
    lib.feed(inst.session, b"a$ff$10\n")
    assert inst.read_ascii_values(converter="x", separator="$", container=tuple) == (10, 255, 16)
    lib.responder = lambda data: [b"1,2,3\n"]
    assert inst.query_ascii_values("CURV?", converter="d") == [1, 2, 3]
    assert lib.sessions[inst.session].written[-1] == b"CURV?\n"


def test_write_ascii_values(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: []
    inst.write_termination = "\n"
    inst.write_ascii_values("W ", [1, 2, 3], converter="d")
    assert lib.sessions[inst.session].written[-1] == b"W 1,2,3\n"
    inst.write_ascii_values("W ", [10, 11], converter="x", separator="$")
    assert lib.sessions[inst.session].written[-1] == b"W a$b\n"


# -- binary values ----------------------------------------------------------------------


def test_binary_values_ieee_with_termchar_in_data(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    values = [10, 1, 2, 10, 10, 255]
    lib.feed(inst.session, ieee_block(bytes(values)) + b"\n")
    assert inst.read_binary_values(datatype="B") == values
    assert lib.sessions[inst.session].output == b""


@pytest.mark.parametrize("big", [False, True])
def test_binary_values_hp(inst: Any, lib: Any, big: bool) -> None:
    values = [1.5, -2.25, 10.0]
    data = struct.pack((">" if big else "<") + "3d", *values)
    header = b"#A" + len(data).to_bytes(2, "big" if big else "little")
    lib.feed(inst.session, header + data)
    result = inst.read_binary_values(
        datatype="d", is_big_endian=big, header_fmt="hp", expect_termination=False
    )
    assert result == values


def test_binary_values_empty_header_with_data_points(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    data = struct.pack("<4h", 10, 2570, -1, 7)  # contains 0x0A bytes
    lib.feed(inst.session, data + b"\n")
    assert inst.read_binary_values(datatype="h", header_fmt="empty", data_points=4) == [
        10,
        2570,
        -1,
        7,
    ]


@pytest.mark.parametrize("datatype", ["l", "L", "i", "q", "e", "d"])
def test_binary_values_data_points_use_standard_sizes(inst: Any, lib: Any, datatype: str) -> None:
    # 'l' is 8 bytes natively on 64-bit Linux but 4 in a block: data_points must use the
    # standard size or the read waits for bytes that never come.
    inst.read_termination = "\n"
    inst.timeout = 50
    data = struct.pack(f"<3{datatype}", 10, 2570, 7)  # 2570 holds a 0x0A byte
    lib.feed(inst.session, data + b"\n")
    result = inst.read_binary_values(datatype=datatype, header_fmt="empty", data_points=3)
    assert result == [10, 2570, 7]


_UNKNOWN_LENGTH = (
    "The length of the data to receive could not be determined. You should provide the "
    "number of points you expect using the data_points keyword argument."
)


def test_binary_values_empty_header_needs_data_points(inst: Any, lib: Any) -> None:
    # Fact RS-5: without a length in the header and without data_points: ValueError.
    lib.feed(inst.session, struct.pack("<3i", 1, 2, 3))
    with pytest.raises(ValueError) as exc_info:
        inst.read_binary_values(datatype="i", header_fmt="empty")
    assert str(exc_info.value) == _UNKNOWN_LENGTH
    lib.feed(inst.session, struct.pack("<3i", 1, 2, 3))
    assert inst.read_binary_values(datatype="i", header_fmt="empty", data_points=3) == [1, 2, 3]


def test_binary_values_indefiniteieee_block(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    lib.feed(inst.session, b"#0" + bytes([1, 2, 3]) + b"\n")
    with pytest.raises(ValueError, match="data_points keyword"):
        inst.read_binary_values(datatype="B")
    lib.feed(inst.session, b"#0" + bytes([1, 2, 3]) + b"\n")
    assert inst.read_binary_values(datatype="B", data_points=3) == [1, 2, 3]
    # data_points=0 (query_binary_values' default) gives an empty sequence.
    lib.feed(inst.session, b"#0" + bytes([1, 2, 3]) + b"\n")
    assert inst.read_binary_values(datatype="B", data_points=0) == []


def test_binary_values_bytes_and_numpy(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, ieee_block(b"hello"))
    assert inst.read_binary_values(datatype="s", container=bytes) == b"hello"
    np = pytest.importorskip("numpy")
    lib.feed(inst.session, ieee_block(struct.pack(">3f", 1, 2, 3)))
    array = inst.read_binary_values(datatype="f", is_big_endian=True, container=np.array)
    assert array.tolist() == [1.0, 2.0, 3.0]


def test_binary_values_large_block_few_reads(inst: Any, lib: Any) -> None:
    inst.read_termination = "\n"
    values = list(range(1_250_000))
    data = struct.pack(f"<{len(values)}i", *values)
    lib.feed(inst.session, ieee_block(data) + b"\n")
    updates: list[int] = []

    class Monitor:
        def update(self, n: int) -> None:
            updates.append(n)

    # Without a monitor, the rest of the block is asked for in one read.
    assert inst.read_binary_values(datatype="i") == values
    assert lib.count("read") == 2
    # A monitor is updated after every chunk_size read.
    lib.feed(inst.session, ieee_block(data) + b"\n")
    del lib.calls[:]
    result = inst.read_binary_values(datatype="i", monitoring_interface=Monitor())
    assert result == values
    assert lib.count("read") == len(updates) >= math.ceil((len(ieee_block(data)) + 1) / 20480)
    assert max(updates) <= inst.chunk_size
    assert sum(updates) == len(ieee_block(data)) + 1


@pytest.mark.parametrize("header", [b"", b"#0"])
def test_binary_values_unknown_length_monitored_and_chunked(
    inst: Any, lib: Any, header: bytes
) -> None:
    data = bytes(range(256)) * 8
    lib.feed(inst.session, header + data)

    class Bar:  # the part of tqdm's interface that is used
        def __init__(self) -> None:
            self.n = 0

        def update(self, n: int) -> bool:
            self.n += n
            return True

    bar = Bar()
    result = inst.query_binary_values(
        "CURV?",
        datatype="B",
        container=bytes,
        header_fmt="ieee" if header else "empty",
        data_points=len(data),
        chunk_size=500,
        monitoring_interface=bar,
    )
    assert result == data
    assert bar.n == len(header) + len(data)
    reads = [call[2] for call in lib.calls if call[0] == "read"]
    # One chunk, then exactly the missing bytes, chunk_size at a time.
    assert len(reads) == math.ceil((len(header) + len(data)) / 500)
    assert reads[:-1] == [500] * (len(reads) - 1)


def test_binary_values_chunk_size_honoured(inst: Any, lib: Any) -> None:
    data = bytes(range(200)) * 50
    lib.feed(inst.session, ieee_block(data))
    result = inst.read_binary_values(
        datatype="B", chunk_size=1000, expect_termination=False, container=bytes
    )
    assert result == data
    assert lib.count("read") == math.ceil(len(ieee_block(data)) / 1000)


def test_binary_values_tiny_chunks_header_spanning(inst: Any, lib: Any) -> None:
    data = bytes(range(50))
    lib.feed(inst.session, ieee_block(data))
    assert inst.read_binary_values(datatype="B", chunk_size=1, expect_termination=False) == list(
        data
    )


def test_binary_values_block_split_over_max_io_size(inst: Any, lib: Any) -> None:
    inst.max_io_size = 64
    data = bytes(range(256)) * 2
    lib.feed(inst.session, ieee_block(data))
    assert inst.read_binary_values(datatype="B", container=bytes) == data
    assert all(call[2] <= 64 for call in lib.calls if call[0] == "read")


def test_binary_values_message_ended_early(inst: Any, lib: Any) -> None:
    # Fact RS-6: the missing bytes are read even after an END: a short block times out.
    lib.feed(inst.session, b"#210" + b"abc")
    with pytest.raises(errors.VisaIOError) as exc_info:
        inst.read_binary_values(datatype="B")
    assert exc_info.value.error_code == StatusCode.error_timeout


def test_binary_values_block_over_several_messages(inst: Any, lib: Any) -> None:
    # Fact RS-6: an END inside the block does not stop the reads.
    lib.feed(inst.session, b"#210abc", b"defghij")
    assert inst.read_binary_values(datatype="B", container=bytes) == b"abcdefghij"


def test_binary_values_missing_termination_times_out(inst: Any, lib: Any) -> None:
    # The user guide: a device omitting the termination makes the read time out unless
    # expect_termination=False.
    inst.read_termination = "\n"
    lib.feed(inst.session, ieee_block(b"abc"))
    with pytest.raises(errors.VisaIOError):
        inst.read_binary_values(datatype="B")
    lib.feed(inst.session, ieee_block(b"abc"))
    assert inst.read_binary_values(datatype="B", expect_termination=False) == [97, 98, 99]


def test_binary_values_bad_arguments_do_no_io(inst: Any, lib: Any) -> None:
    with pytest.raises(ValueError, match="datatype"):
        inst.read_binary_values(datatype="z")
    with pytest.raises(ValueError, match="header_fmt"):
        inst.query_binary_values("CURV?", header_fmt="xml")
    assert lib.count("read") == 0 and lib.count("write") == 0


def test_binary_values_malformed_header(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"not a block")
    with pytest.raises(ValueError, match='Could not find hash sign \\("#"\\)'):
        inst.read_binary_values()


@pytest.mark.parametrize("header_fmt", ["ieee", "hp", "empty"])
def test_write_then_query_binary_values(inst: Any, lib: Any, header_fmt: str) -> None:
    inst.write_termination = ""
    lib.responder = lambda data: []
    inst.write_binary_values("DATA ", [1.0, 2.0, 3.5], datatype="d", header_fmt=header_fmt)
    written = lib.sessions[inst.session].written[-1]
    assert written.startswith(b"DATA ")
    lib.responder = lambda data: [written[5:]]
    result = inst.query_binary_values(
        "DATA ",
        datatype="d",
        header_fmt=header_fmt,
        expect_termination=False,
        data_points=3,
    )
    assert result == [1.0, 2.0, 3.5]


def test_write_binary_values_termination_and_bad_header(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: []
    inst.write_termination = "\n"
    inst.write_binary_values("W", b"ab", datatype="s")
    assert lib.sessions[inst.session].written[-1] == b"W#12ab\n"
    with pytest.raises(ValueError, match="header_fmt"):
        inst.write_binary_values("W", [1], header_fmt="xml")


def test_split_write_disables_send_end_until_last(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: []
    inst.max_io_size = 10
    count = inst.write_raw(b"x" * 25)
    assert count == 25
    writes = [call[2] for call in lib.calls if call[0] == "write"]
    assert writes == [10, 10, 5]
    sets = [
        call[3]
        for call in lib.calls
        if call[0] == "set_attribute" and call[2] == ResourceAttribute.send_end_enabled
    ]
    assert sets == [constants.VI_FALSE, constants.VI_TRUE]
    assert inst.send_end is True


# -- locks -------------------------------------------------------------------------------


def test_exclusive_lock_between_sessions(rm_lib: Any) -> None:
    rm, lib = rm_lib
    first = rm.open_resource(GPIB)
    second = rm.open_resource(GPIB)
    first.lock_excl()
    with pytest.raises(errors.VisaIOError) as exc_info:
        second.lock_excl(timeout=10)
    assert exc_info.value.error_code == StatusCode.error_resource_locked
    first.unlock()
    second.lock_excl(timeout=10)
    second.unlock()


def test_shared_lock_with_key(rm_lib: Any) -> None:
    rm, lib = rm_lib
    first = rm.open_resource(GPIB)
    second = rm.open_resource(GPIB)
    key = first.lock()
    assert isinstance(key, str) and key
    assert second.lock(timeout=10, requested_key=key) == key
    with pytest.raises(errors.VisaIOError):
        second.lock(timeout=10, requested_key="other")


def test_lock_default_timeout_uses_resource_timeout(inst: Any, lib: Any) -> None:
    inst.timeout = 1234
    inst.lock_excl()
    assert lib.calls[-1][3] == 1234
    inst.unlock()
    inst.lock(timeout=None)
    assert lib.calls[-1][3] == constants.VI_TMO_INFINITE


def test_lock_context(inst: Any, lib: Any) -> None:
    with inst.lock_context() as key:
        assert key is None
        assert lib.calls[-1][2] == constants.Lock.exclusive
    assert lib.calls[-1][0] == "unlock"
    with inst.lock_context(requested_key=None) as key:
        assert key
    with inst.lock_context(requested_key="mykey") as key:
        assert key == "mykey"
    assert lib.calls[-1][0] == "unlock"


def test_unlock_not_locked_raises(inst: Any) -> None:
    with pytest.raises(errors.VisaIOError):
        inst.unlock()


# -- events ------------------------------------------------------------------------------


def test_wait_on_event_queue_from_other_thread(inst: Any, lib: Any) -> None:
    inst.enable_event(EventType.service_request, EventMechanism.queue)
    timer = threading.Timer(0.05, lib.fire, (inst.session, EventType.service_request))
    timer.start()
    response = inst.wait_on_event(EventType.service_request, 5000)
    timer.join()
    assert isinstance(response, WaitResponse)
    assert type(response.event) is Event
    assert response.event.event_type == EventType.service_request
    assert response.timed_out is False
    assert response.ret == StatusCode.success
    context = response.event.context
    response.close()
    assert context not in lib.contexts
    inst.disable_event(EventType.service_request, EventMechanism.queue)


def test_wait_on_event_timeout(inst: Any) -> None:
    inst.enable_event(EventType.service_request, EventMechanism.queue)
    with pytest.raises(errors.VisaIOError) as exc_info:
        inst.wait_on_event(EventType.service_request, 10)
    assert exc_info.value.error_code == StatusCode.error_timeout
    response = inst.wait_on_event(EventType.service_request, 10, capture_timeout=True)
    assert response.timed_out is True
    assert response.event.event_type == EventType.service_request
    with pytest.raises(errors.InvalidSession):
        _ = response.event.context


def test_event_context_closed_on_gc(inst: Any, lib: Any) -> None:
    inst.enable_event(EventType.trig, EventMechanism.queue)
    context = lib.fire(inst.session, EventType.trig, {constants.VI_ATTR_RECV_TRIG_ID: 0})
    response = inst.wait_on_event(EventType.trig, 100)
    assert isinstance(response.event, TrigEvent)
    assert response.event.received_trigger_id == constants.TriggerID.ttl0
    del response
    gc.collect()
    assert context not in lib.contexts


def test_handler_wrapped_and_called(inst: Any, lib: Any) -> None:
    calls: list[tuple[Any, Any, Any]] = []

    def handler(resource: Any, event: Any, user_handle: Any) -> None:
        calls.append((resource, event.event_type, user_handle))

    wrapped = inst.wrap_handler(handler)
    handle = inst.install_handler(EventType.service_request, wrapped, 42)
    assert handle == 42
    inst.enable_event(EventType.service_request, EventMechanism.handler)
    thread = threading.Thread(target=lib.fire, args=(inst.session, EventType.service_request))
    thread.start()
    thread.join(5)
    assert calls == [(inst, EventType.service_request, 42)]
    inst.disable_event(EventType.service_request, EventMechanism.handler)
    inst.uninstall_handler(EventType.service_request, wrapped, handle)
    assert not lib.installed[inst.session]
    with pytest.raises(errors.UnknownHandler):
        inst.uninstall_handler(EventType.service_request, wrapped, handle)


def test_wrapped_handler_rejects_other_session(rm_lib: Any) -> None:
    rm, _ = rm_lib
    first = rm.open_resource(GPIB)
    second = rm.open_resource(GPIB)
    wrapped = first.wrap_handler(lambda *args: None)
    with pytest.raises(RuntimeError, match="same on which"):
        wrapped(second.session, EventType.service_request, 1, None)


def test_discard_events(inst: Any, lib: Any) -> None:
    inst.enable_event(EventType.service_request, EventMechanism.queue)
    lib.fire(inst.session, EventType.service_request)
    inst.discard_events(EventType.service_request, EventMechanism.queue)
    response = inst.wait_on_event(EventType.service_request, 0, capture_timeout=True)
    assert response.timed_out


# -- interface specific ------------------------------------------------------------------


def test_gpib_operations(inst: Any, lib: Any) -> None:
    assert inst.send_command(b"\x3f") == (1, StatusCode.success)
    assert inst.send_ifc() == StatusCode.success
    inst.control_ren(constants.RENLineOperation.asrt)
    assert lib.calls[-1] == ("gpib_control_ren", inst.session, constants.RENLineOperation.asrt)
    inst.control_atn(constants.ATNLineOperation.asrt)
    assert lib.calls[-1][0] == "gpib_control_atn"
    inst.pass_control(3, constants.VI_NO_SEC_ADDR)
    assert lib.calls[-1] == ("gpib_pass_control", inst.session, 3, constants.VI_NO_SEC_ADDR)
    assert inst.primary_address == 5


def test_wait_for_srq(inst: Any, lib: Any) -> None:
    def request_service() -> None:
        lib.sessions[inst.session].stb = 0x40
        lib.fire(inst.session, EventType.service_request)

    timer = threading.Timer(0.05, request_service)
    timer.start()
    inst.wait_for_srq(timeout=5000)
    timer.join()
    assert lib.sessions[inst.session].enabled[EventType.service_request] == 0


def test_wait_for_srq_times_out(inst: Any) -> None:
    with pytest.raises(errors.VisaIOError) as exc_info:
        inst.wait_for_srq(timeout=20)
    assert exc_info.value.error_code == StatusCode.error_timeout


def test_group_execute_trigger(rm_lib: Any) -> None:
    rm, lib = rm_lib
    board = rm.open_resource("GPIB0::INTFC")
    device = rm.open_resource(GPIB)
    lib.sessions[board.session].attributes[constants.VI_ATTR_GPIB_CIC_STATE] = constants.VI_TRUE
    count, status = board.group_execute_trigger(device)
    assert lib.calls[-1] == ("gpib_command", board.session, bytes([0x40, 0x3F, 0x25, 0x08]))
    assert count == 4
    with pytest.raises(ValueError, match="not a GPIBInstrument"):
        board.group_execute_trigger(board)


def test_usb_control_transfers(rm_lib: Any) -> None:
    rm, lib = rm_lib
    usb = rm.open_resource("USB0::0x1234::0x5678::SN1::0::INSTR")
    assert usb.control_in(0xC0, 1, 2, 3, 4) == b"\x00\x01\x02\x03"
    assert usb.control_out(0x40, 1, 2, 3, b"ab") == StatusCode.success
    with pytest.warns(FutureWarning, match="control_out"):
        usb.usb_control_out(0x40, 1, 2, 3, b"ab")
    assert lib.count("usb_control_out") == 2
    usb.control_ren(constants.RENLineOperation.deassert)


@pytest.mark.parametrize("width", [8, 16, 32, 64, constants.DataWidth.bit_16])
def test_register_based_memory(rm_lib: Any, width: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource("VXI0::1::INSTR")
    assert isinstance(res, RegisterBasedResource)
    space = constants.AddressSpace.a16
    res.write_memory(space, 0x10, 7, width)
    assert res.read_memory(space, 0x10, width) == 7
    res.move_out(space, 0x20, 3, [1, 2, 3], width)
    assert res.move_in(space, 0x20, 3, width) == [1, 2, 3]


def test_register_based_width_forms_and_errors(rm_lib: Any) -> None:
    rm, lib = rm_lib
    res = rm.open_resource("PXI0::MEMACC")
    space = constants.AddressSpace.a16
    res.write_memory_32(space, 0, 99)
    assert res.read_memory_32(space, 0) == 99
    assert lib.calls[-1][4] == 32
    res.move_out_8(space, 8, 2, [4, 5])
    assert res.move_in_8(space, 8, 2) == [4, 5]
    for width in (8, 16, 32, 64):
        getattr(res, f"write_memory_{width}")(space, 0x40, width + 1)
        assert lib.calls[-1][0] == "write_memory" and lib.calls[-1][5] == width
        assert getattr(res, f"read_memory_{width}")(space, 0x40) == width + 1
        assert lib.calls[-1][0] == "read_memory" and lib.calls[-1][4] == width
        getattr(res, f"move_out_{width}")(space, 0x80, 1, [width])
        assert lib.calls[-1][0] == "move_out" and lib.calls[-1][6] == width
        assert getattr(res, f"move_in_{width}")(space, 0x80, 1) == [width]
        assert lib.calls[-1][0] == "move_in" and lib.calls[-1][5] == width
    with pytest.raises(ValueError, match="data width"):
        res.read_memory(space, 0, 12)
    with pytest.raises(ValueError, match="data width"):
        res.move_in(space, 0, 1, 3)
