"""TCPIP resource tests run against an instrument (see the package docstring).

Backends subclass :class:`TestTCPIPInstr` and :class:`TestTCPIPSocket`, set
``RESOURCE_TYPE`` (a key of ``RESOURCE_ADDRESSES``) and ``MINIMAL_TIMEOUT`` (the smallest
timeout the resource accepts, in ms) and mark the tests they are expected to fail.

Both instruments answer IEEE 488.2 common commands (``*IDN?``, ``*CLS``, ``*ESE``,
``*SRE``, ``*OPC``, ``*STB?``); a service request is produced by enabling the "operation
complete" event and sending ``*OPC``. The tests marked ``require_loopback`` use the other
commands of the loopback instrument (echo, waveforms, slow answers...).

A test meeting an operation the library does not implement for the resource (pyvisa-py
has no events, no HiSLIP locks, no status byte for sockets) is skipped, with the error
in the reason, rather than failed: what is checked is the documented behaviour of the
operations that exist.
"""

import array
import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from pyvisa import ResourceManager, constants, errors
from pyvisa.constants import EventMechanism, EventType, ResourceAttribute, StatusCode
from pyvisa.testsuite.keysight_assisted_tests import (
    REAL_INSTRUMENT,
    library_spec,
    require_loopback,
    require_target,
    resource_addresses,
)

_SRQ_ON_OPC = "*CLS;*ESE 1;*SRE 32"

try:
    import numpy as np
except ImportError:  # pragma: no cover - numpy is optional
    np = None  # type: ignore[assignment]

_needs_numpy = pytest.mark.skipif(np is None, reason="numpy is not installed")

#: Block header formats of the loopback ``WAVE?`` command, with pyvisa's name for them.
_HEADERS = [("IEEE", "ieee"), ("HP", "hp"), ("RS", "rs"), ("EMPTY", "empty"), ("INDEF", "ieee")]


@contextmanager
def _unsupported_is_skip(what: str) -> Iterator[None]:
    """Turn "the library does not implement this" into a skip naming the error."""
    try:
        yield
    except NotImplementedError as exc:
        pytest.skip(f"the library does not implement {what}: {exc}")
    except errors.VisaIOError as exc:
        if exc.error_code in (
            StatusCode.error_nonsupported_operation,
            StatusCode.error_nonsupported_attribute,
            StatusCode.error_nonsupported_mechanism,
        ):
            pytest.skip(f"the library does not support {what} for this resource: {exc}")
        raise


def _expected_waveform(count: int, datatype: str) -> list:
    from pyvisa.testsuite.loopback.instrument import wave_value

    convert = float if datatype in "fd" else int
    return [convert(wave_value(k, datatype)) for k in range(count)]


def _block(values: list, header_fmt: str) -> bytes:
    from pyvisa import util

    if header_fmt == "empty":
        return util.to_binary_block(values, b"DATA ", "h", False)
    make = {"ieee": util.to_ieee_block, "hp": util.to_hp_block, "rs": util.to_rs_block}
    return b"DATA " + make[header_fmt](values, "h", False)


@require_target
class _TCPIPResourceTest:
    """Tests shared by the TCPIP INSTR and SOCKET resources."""

    #: Key of RESOURCE_ADDRESSES naming the resource under test.
    RESOURCE_TYPE = ""

    #: Smallest timeout (ms) the resource accepts when asked for VI_TMO_IMMEDIATE.
    MINIMAL_TIMEOUT: float = 0

    def setup_method(self) -> None:
        self.rm = ResourceManager(library_spec())
        self.address = resource_addresses()[self.RESOURCE_TYPE]
        self.instr: Any = self.rm.open_resource(
            self.address,
            read_termination="\n",
            write_termination="\n",
        )

    def teardown_method(self) -> None:
        if self.instr is not None:
            self.instr.close()
        self.rm.close()

    def _open_other(self, **kwargs: Any) -> Any:
        kwargs.setdefault("read_termination", "\n")
        kwargs.setdefault("write_termination", "\n")
        return self.rm.open_resource(self.address, **kwargs)

    # -- lifecycle ---------------------------------------------------------------------

    def test_lifecycle(self) -> None:
        assert self.instr.session is not None
        assert self.instr in self.rm.list_opened_resources()
        self.instr.close()
        with pytest.raises(errors.InvalidSession):
            _ = self.instr.session
        assert self.instr not in self.rm.list_opened_resources()
        # Closing twice is harmless.
        self.instr.close()

    def test_context_manager(self) -> None:
        with self._open_other() as other:
            assert other in self.rm.list_opened_resources()
            assert other.query("*IDN?").count(",") == 3
        with pytest.raises(errors.InvalidSession):
            _ = other.session
        assert other not in self.rm.list_opened_resources()

    def test_reopening(self) -> None:
        self.instr.close()
        self.instr.open()
        assert self.instr.query("*IDN?").count(",") == 3

    def test_str_repr(self) -> None:
        name = self.instr.resource_name
        assert str(self.instr) == f"{type(self.instr).__name__} at {name}"
        assert repr(self.instr) == f"<{type(self.instr).__name__}({name!r})>"

    def test_query_identification(self) -> None:
        answer = self.instr.query("*IDN?")
        assert answer.count(",") == 3, answer
        assert not answer.endswith("\n")

    # -- attributes --------------------------------------------------------------------

    def test_timeout(self) -> None:
        self.instr.timeout = 0
        assert self.instr.timeout == self.MINIMAL_TIMEOUT
        self.instr.timeout = 1234
        assert self.instr.timeout == 1234
        self.instr.timeout = None
        assert self.instr.timeout == float("+inf")
        del self.instr.timeout
        assert self.instr.timeout == float("+inf")
        self.instr.timeout = 100
        start = time.monotonic()
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.read()
        assert excinfo.value.error_code == StatusCode.error_timeout
        assert time.monotonic() - start < 5
        # The session is still usable.
        self.instr.timeout = 2000
        assert self.instr.query("*IDN?").count(",") == 3

    def test_attribute_handling(self) -> None:
        self.instr.set_visa_attribute(ResourceAttribute.timeout_value, 2500)
        value = self.instr.get_visa_attribute(ResourceAttribute.timeout_value)
        assert value == 2500
        assert self.instr.timeout == 2500
        self.instr.timeout = 1000
        assert self.instr.get_visa_attribute(ResourceAttribute.timeout_value) == 1000
        assert self.instr.interface_type == constants.InterfaceType.tcpip

    def test_resource_description(self) -> None:
        info = self.instr.resource_info
        assert info.interface_type == constants.InterfaceType.tcpip
        assert info.resource_class == self.RESOURCE_TYPE.split("::")[1]
        assert self.instr.resource_class == info.resource_class
        assert self.instr.resource_name == info.resource_name

    def test_termination_attributes(self) -> None:
        assert self.instr.read_termination == "\n"
        assert self.instr.write_termination == "\n"
        assert self.instr.get_visa_attribute(ResourceAttribute.termchar) == ord("\n")
        self.instr.read_termination = "\r\n"
        assert self.instr.get_visa_attribute(ResourceAttribute.termchar) == ord("\n")
        self.instr.read_termination = None
        assert self.instr.read_termination is None
        assert not self.instr.get_visa_attribute(ResourceAttribute.termchar_enabled)
        self.instr.read_termination = "\n"
        assert self.instr.get_visa_attribute(ResourceAttribute.termchar_enabled)

    # -- status byte -------------------------------------------------------------------

    def test_stb(self) -> None:
        self.instr.write("*CLS")
        with _unsupported_is_skip("reading the status byte"):
            assert self.instr.stb & 0b1011_1111 == 0
        self.instr.write(_SRQ_ON_OPC)
        self.instr.write("*OPC")
        deadline = time.monotonic() + 5
        while not self.instr.stb & 0x40 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.instr.stb & 0x40
        self.instr.write("*CLS")
        assert not self.instr.stb & 0x40

    def test_stb_query(self) -> None:
        self.instr.write(_SRQ_ON_OPC)
        assert int(self.instr.query("*STB?")) & 0x40 == 0
        self.instr.write("*OPC")
        assert int(self.instr.query("*STB?")) & 0x60 == 0x60
        assert int(self.instr.query("*ESR?")) & 1 == 1
        assert int(self.instr.query("*STB?")) & 0x60 == 0

    # -- loopback only: echo, terminations, values ---------------------------------------

    def _echo_next(self, size: int | None = None) -> None:
        """Have the next message (or the next ``size`` bytes on a socket) sent back."""
        self.instr.write("ECHO" if size is None else f"ECHO {size}")

    @require_loopback
    def test_unknown_command_error(self) -> None:
        self.instr.write("*CLS;BOGUS:CMD")
        assert int(self.instr.query("*ESR?")) & 0x20
        assert self.instr.query("SYST:ERR?").startswith("-113,")
        assert self.instr.query("SYST:ERR?") == '0,"No error"'

    @require_loopback
    def test_termination_per_call(self) -> None:
        self._echo_next()
        self.instr.write("hello", termination="\r\n")
        assert self.instr.read_raw() == b"hello\r\n"
        self._echo_next()
        self.instr.write("hello", termination="\r\n")
        assert self.instr.read(termination="\r\n") == "hello"
        # The resource terminations are back once the call is over.
        self._echo_next()
        self.instr.write("again")
        assert self.instr.read_raw() == b"again\n"

    @require_loopback
    def test_termination_per_resource(self) -> None:
        self.instr.write_termination = "\r\n"
        self.instr.read_termination = "\r\n"
        self._echo_next()
        self.instr.write("word")
        assert self.instr.read() == "word"
        self.instr.read_termination = None
        self._echo_next()
        self.instr.write("word")
        # Without a termination character only END or the count end a read (pyvisa-py
        # suppresses END on sockets): ask for the exact count.
        assert self.instr.read_bytes(6) == b"word\r\n"

    @require_loopback
    def test_query_with_delay(self) -> None:
        self.instr.query_delay = 0.01
        assert self.instr.query("*IDN?").startswith("PyVISA,Loopback")
        assert self.instr.query("*OPC?", delay=0.02) == "1"

    @require_loopback
    def test_read_raw_chunking(self) -> None:
        self.instr.chunk_size = 7
        self.instr.write("WAVE? 300,B,IEEE")
        expected = b"#3300" + bytes(k % 251 for k in range(300)) + b"\n"
        data = self.instr.read_raw()
        # A socket read ends at each termination character (two in the data); a HiSLIP
        # read of pyvisa-py ends at END only.
        for _ in range(3):
            if len(data) >= len(expected):
                break
            assert data.endswith(b"\n")
            data += self.instr.read_raw()
        assert data == expected
        self.instr.write("*IDN?")
        assert self.instr.read_raw(size=3) == b"PyVISA,Loopback instrument,LB-0001,1.16.2\n"

    def test_write_raw_read_bytes(self) -> None:
        count = self.instr.write_raw(b"*IDN?\n")
        assert count == len(b"*IDN?\n")
        answer = self.instr.read_bytes(4)
        assert len(answer) == 4
        if REAL_INSTRUMENT:
            return  # the rest checks the loopback identification
        assert answer == b"PyVI"
        rest = self.instr.read_bytes(100, break_on_termchar=True)
        assert answer + rest == b"PyVISA,Loopback instrument,LB-0001,1.16.2\n"

    @require_loopback
    def test_read_bytes_across_termination(self) -> None:
        self.instr.write("WAVE? 1000,B,EMPTY")
        expected = bytes(k % 251 for k in range(1000)) + b"\n"
        assert b"\n" in expected[:-1]
        assert self.instr.read_bytes(len(expected), chunk_size=13) == expected

    @require_loopback
    def test_read_bytes_break_on_termchar(self) -> None:
        self.instr.write("WAVE? 100,B,EMPTY")
        expected = bytes(k % 251 for k in range(100)) + b"\n"
        data = self.instr.read_bytes(len(expected), break_on_termchar=True)
        assert data.endswith(b"\n")
        assert expected.startswith(data)
        if len(data) < len(expected):
            data += self.instr.read_bytes(len(expected) - len(data))
        assert data == expected

    @require_loopback
    @pytest.mark.parametrize("separator", ["COMMA", "SPACE", "TAB", "SEMI"])
    def test_ascii_values(self, separator: str) -> None:
        from pyvisa.testsuite.loopback import ascii_values

        char = {"COMMA": ",", "SPACE": " ", "TAB": "\t", "SEMI": ";"}[separator]
        values = self.instr.query_ascii_values(f"ASCII? 33,{separator}", separator=char)
        assert values == ascii_values(33)
        as_tuple = self.instr.query_ascii_values(
            f"ASCII? 5,{separator}", separator=char, container=tuple
        )
        assert as_tuple == tuple(ascii_values(5))

    @require_loopback
    def test_ascii_values_converters(self) -> None:
        values = self.instr.query_ascii_values("ASCII? 4", converter="s")
        assert values == ["-8.0", "-7.75", "-7.5", "-7.25"]
        values = self.instr.query_ascii_values("ASCII? 4", converter=lambda x: float(x) * 4)
        assert values == [-32.0, -31.0, -30.0, -29.0]
        self.instr.write("ASCII? 6")
        values = self.instr.read_ascii_values(container=lambda v: array.array("d", v))
        assert values == array.array("d", [-8.0, -7.75, -7.5, -7.25, -7.0, -6.75])

    @require_loopback
    @_needs_numpy
    def test_ascii_values_numpy(self) -> None:
        from pyvisa.testsuite.loopback import ascii_values

        values = self.instr.query_ascii_values("ASCII? 40", container=np.array)
        assert isinstance(values, np.ndarray)
        np.testing.assert_array_equal(values, ascii_values(40))

    @require_loopback
    @pytest.mark.parametrize("datatype", ["b", "B", "h", "H", "i", "f", "d"])
    @pytest.mark.parametrize("header, header_fmt", _HEADERS)
    @pytest.mark.parametrize("big_endian", [False, True], ids=["le", "be"])
    def test_binary_values(
        self, datatype: str, header: str, header_fmt: str, big_endian: bool
    ) -> None:
        count = 300 if datatype not in "bB" else 500
        order = "BE" if big_endian else "LE"
        values = self.instr.query_binary_values(
            f"WAVE? {count},{datatype},{header},{order}",
            datatype=datatype,
            is_big_endian=big_endian,
            header_fmt=header_fmt,
            data_points=count,
        )
        assert values == _expected_waveform(count, datatype)
        # The termination was consumed: the next query is unaffected.
        assert self.instr.query("*OPC?") == "1"

    @require_loopback
    def test_binary_values_containers(self) -> None:
        values = self.instr.query_binary_values("WAVE? 50,h", datatype="h", container=tuple)
        assert values == tuple(range(50))
        values = self.instr.query_binary_values("WAVE? 50,d", datatype="d", container=set)
        assert values == set(map(float, range(50)))

    @require_loopback
    @_needs_numpy
    def test_binary_values_numpy(self) -> None:
        values = self.instr.query_binary_values(
            "WAVE? 1000,f,IEEE,BE", datatype="f", is_big_endian=True, container=np.ndarray
        )
        assert isinstance(values, np.ndarray)
        assert values.dtype == np.dtype(">f4")
        np.testing.assert_array_equal(values, np.arange(1000) % 251)

    @require_loopback
    def test_binary_values_without_termination(self) -> None:
        from pyvisa import util

        block = util.to_ieee_block(list(range(40)), "B", False)
        self._echo_next(len(block))
        self.instr.write_raw(block)  # sent back without any termination
        self.instr.timeout = 5000
        start = time.monotonic()
        values = self.instr.read_binary_values(datatype="B", expect_termination=False)
        assert values == list(range(40))
        assert time.monotonic() - start < 2, "the read waited for a termination"
        assert self.instr.query("*OPC?") == "1"

    @require_loopback
    @pytest.mark.parametrize("header_fmt", ["ieee", "hp", "rs", "empty"])
    @pytest.mark.parametrize("termination", [None, ""], ids=["terminated", "unterminated"])
    def test_write_binary_values(self, header_fmt: str, termination: str | None) -> None:
        values = list(range(-100, 100, 3)) + [10, 2570]  # 10 and 0x0A0A: termination bytes
        block = _block(values, header_fmt)
        suffix = b"" if termination == "" else b"\n"
        self._echo_next(len(block) + len(suffix))
        count = self.instr.write_binary_values(
            "DATA ", values, datatype="h", header_fmt=header_fmt, termination=termination
        )
        assert count == len(block) + len(suffix)
        raw = self.instr.read_bytes(len(block) + len(suffix))
        assert raw == block + suffix
        if header_fmt != "empty":
            self._echo_next(len(block) + len(suffix))
            self.instr.write_binary_values(
                "DATA ", values, datatype="h", header_fmt=header_fmt, termination=termination
            )
            back = self.instr.read_binary_values(
                datatype="h",
                header_fmt=header_fmt,
                expect_termination=termination is None,
            )
            assert back == values

    @require_loopback
    @pytest.mark.parametrize("termination", [None, ""], ids=["terminated", "unterminated"])
    def test_write_ascii_values(self, termination: str | None) -> None:
        self._echo_next(None if termination is None else len("VALS 1;2;3"))
        count = self.instr.write_ascii_values(
            "VALS ", [1, 2, 3], converter="d", separator=";", termination=termination
        )
        assert count == len("VALS 1;2;3") + (termination is None)
        if termination is None:
            assert self.instr.read_raw() == b"VALS 1;2;3\n"
        else:
            assert self.instr.read_bytes(len("VALS 1;2;3")) == b"VALS 1;2;3"

    # -- loopback only: timeouts -----------------------------------------------------------

    @require_loopback
    def test_slow_answer_within_timeout(self) -> None:
        self.instr.timeout = 3000
        start = time.monotonic()
        assert self.instr.query("SLOW? 150") == "DONE"
        assert time.monotonic() - start >= 0.14

    @require_loopback
    def test_timeout_then_clear(self) -> None:
        self.instr.timeout = 150
        start = time.monotonic()
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.query("NEVER?")
        assert excinfo.value.error_code == StatusCode.error_timeout
        assert time.monotonic() - start < 3
        self.instr.clear()
        self.instr.timeout = 2000
        assert self.instr.query("*IDN?").startswith("PyVISA,Loopback")

    # -- threads ---------------------------------------------------------------------------

    def test_locking_thread_safety(self) -> None:
        results: list[str] = []

        def query() -> None:
            results.append(self.instr.query("*IDN?"))

        threads = [threading.Thread(target=query) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert len(results) == 4 and len(set(results)) == 1

    @staticmethod
    def _wait_for(condition: Any, timeout: float = 5) -> None:
        deadline = time.monotonic() + timeout
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert condition(), "the event did not arrive in time"


class TestTCPIPInstr(_TCPIPResourceTest):
    """Tests of a TCPIP INSTR resource (VXI-11 or HiSLIP; HiSLIP on the loopback)."""

    RESOURCE_TYPE = "TCPIP::INSTR"

    def _srq_event_type(self) -> EventType:
        return EventType.service_request

    def _trigger_srq(self) -> None:
        self.instr.write(_SRQ_ON_OPC)
        self.instr.write("*OPC")

    def _enable_event(self, event_type: EventType, mechanism: EventMechanism) -> None:
        with _unsupported_is_skip(f"events ({event_type.name} by {mechanism.name})"):
            self.instr.enable_event(event_type, mechanism)

    def _install_handler(self, *args: Any) -> Any:
        with _unsupported_is_skip("event handlers"):
            return self.instr.install_handler(*args)

    def test_clear(self) -> None:
        # A pending answer is dropped by the device clear. (The loopback answers late so
        # that the clear happens before the answer is sent.)
        self.instr.write("*IDN?" if REAL_INSTRUMENT else "SLOW? 400")
        self.instr.clear()
        self.instr.timeout = 600 if not REAL_INSTRUMENT else 200
        with pytest.raises(errors.VisaIOError):
            self.instr.read()
        self.instr.timeout = 2000
        assert self.instr.query("*IDN?").count(",") == 3

    @require_loopback
    def test_clear_aborts_slow_answer(self) -> None:
        self.instr.timeout = 100
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.query("SLOW? 500")
        assert excinfo.value.error_code == StatusCode.error_timeout
        self.instr.clear()
        self.instr.timeout = 2000
        time.sleep(0.5)
        assert self.instr.query("*OPC?") == "1"

    @require_loopback
    def test_message_larger_than_hislip_message(self) -> None:
        # 3 MB: more than the 1 MiB HiSLIP message pyvisa-py negotiates, so several
        # Data messages and a DataEnd make the answer.
        count = 750_000
        self.instr.timeout = 10_000
        values = self.instr.query_binary_values(
            f"WAVE? {count},i", datatype="i", container=lambda v: array.array("i", v)
        )
        assert len(values) == count
        assert values[:3].tolist() == [0, 1, 2] and values[-1] == (count - 1) % 251

    def test_io_prot_attr(self) -> None:
        with _unsupported_is_skip("VI_ATTR_IO_PROT"):
            self.instr.io_protocol = constants.IOProtocol.normal
            assert self.instr.io_protocol == constants.IOProtocol.normal
        self.instr.query("*IDN?")

    # -- events ------------------------------------------------------------------------

    def test_wrapping_handler(self) -> None:
        received: list[tuple[Any, ...]] = []

        def handler(resource: Any, event: Any, user_handle: Any) -> None:
            received.append((resource, event.event_type, user_handle))

        wrapped = self.instr.wrap_handler(handler)
        user_handle = self._install_handler(self._srq_event_type(), wrapped, 42)
        self._enable_event(self._srq_event_type(), EventMechanism.handler)
        self._trigger_srq()
        self._wait_for(lambda: received)
        self.instr.disable_event(self._srq_event_type(), EventMechanism.handler)
        self.instr.uninstall_handler(self._srq_event_type(), wrapped, user_handle)
        assert received[0][0] is self.instr
        assert received[0][1] == self._srq_event_type()

    def test_managing_visa_handler(self) -> None:
        def handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
            pass

        visalib = self.instr.visalib
        session = self.instr.session
        user_handle = self._install_handler(self._srq_event_type(), handler)
        assert len(visalib.handlers[session]) == 1
        self.instr.uninstall_handler(self._srq_event_type(), handler, user_handle)
        assert not visalib.handlers.get(session)

    def test_uninstalling_missing_visa_handler(self) -> None:
        def handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
            pass

        with pytest.raises(errors.UnknownHandler):
            self.instr.uninstall_handler(self._srq_event_type(), handler)

    def test_handler_clean_up_on_resource_del(self) -> None:
        def handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
            pass

        visalib = self.instr.visalib
        session = self.instr.session
        self._install_handler(self._srq_event_type(), handler)
        self.instr = None
        gc.collect()
        assert not visalib.handlers.get(session)

    def test_uninstall_all_handlers(self) -> None:
        def handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
            pass

        visalib = self.instr.visalib
        session = self.instr.session
        self._install_handler(self._srq_event_type(), handler, 1)
        self._install_handler(self._srq_event_type(), handler, 2)
        visalib.uninstall_all_visa_handlers(session)
        assert not visalib.handlers.get(session)

    def test_handling_invalid_handler(self) -> None:
        with pytest.raises(errors.VisaTypeError):
            self._install_handler(self._srq_event_type(), 1)

    def test_wait_on_event(self) -> None:
        self._enable_event(self._srq_event_type(), EventMechanism.queue)
        try:
            self._trigger_srq()
            response = self.instr.wait_on_event(self._srq_event_type(), 5000)
            assert response.event.event_type == self._srq_event_type()
            assert not response.timed_out
        finally:
            self.instr.disable_event(self._srq_event_type(), EventMechanism.queue)

    def test_wait_on_event_timeout(self) -> None:
        self._enable_event(self._srq_event_type(), EventMechanism.queue)
        try:
            response = self.instr.wait_on_event(self._srq_event_type(), 10, capture_timeout=True)
            assert response.timed_out
            with pytest.raises(errors.VisaIOError):
                self.instr.wait_on_event(self._srq_event_type(), 10)
        finally:
            self.instr.disable_event(self._srq_event_type(), EventMechanism.queue)

    def test_getting_unknown_buffer(self) -> None:
        with _unsupported_is_skip("asynchronous operations"):
            assert self.instr.visalib.get_buffer_from_id(12345) is None

    def test_manual_async_read(self) -> None:
        self._enable_event(EventType.io_completion, EventMechanism.queue)
        try:
            self.instr.write("*IDN?")
            visalib = self.instr.visalib
            buffer, job_id, _ = visalib.read_asynchronously(self.instr.session, 1024)
            assert visalib.get_buffer_from_id(job_id) is buffer
            response = self.instr.wait_on_event(EventType.io_completion, 5000)
            count = response.event.return_count
            assert bytes(buffer)[:count].count(b",") == 3
        finally:
            self.instr.disable_event(EventType.io_completion, EventMechanism.queue)

    # -- locks -------------------------------------------------------------------------

    def test_shared_locking(self) -> None:
        other = self.rm.open_resource(self.address)
        try:
            with _unsupported_is_skip("locks"):
                key = self.instr.lock(requested_key="pyvisa-test")
        except BaseException:
            other.close()
            raise
        try:
            assert key == "pyvisa-test"
            other.lock(requested_key=key)
            other.unlock()
            with pytest.raises(errors.VisaIOError):
                other.lock(timeout=10, requested_key="another key")
        finally:
            self.instr.unlock()
            other.close()

    def test_exclusive_locking(self) -> None:
        other = self._open_other()
        try:
            with _unsupported_is_skip("locks"):
                self.instr.lock_excl(timeout=100)
            with pytest.raises(errors.VisaIOError) as excinfo:
                other.lock_excl(timeout=10)
            assert excinfo.value.error_code == StatusCode.error_timeout
            self.instr.unlock()
            other.lock_excl(timeout=100)
            other.unlock()
        finally:
            other.close()

    def test_lock_context(self) -> None:
        other = self._open_other()
        try:
            with _unsupported_is_skip("locks"):
                with self.instr.lock_context(timeout=100, requested_key="exclusive") as key:
                    assert key is None
                    with pytest.raises(errors.VisaIOError) as excinfo:
                        other.lock_excl(timeout=10)
                    assert excinfo.value.error_code == StatusCode.error_timeout
            with self.instr.lock_context(timeout=100, requested_key="shared-key") as key:
                assert key == "shared-key"
                with other.lock_context(timeout=100, requested_key=key):
                    assert other.query("*IDN?").count(",") == 3
        finally:
            other.close()

    def test_unlocking_unlocked(self) -> None:
        with _unsupported_is_skip("locks"):
            self.instr.lock_excl(timeout=100)
        self.instr.unlock()
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.unlock()
        assert excinfo.value.error_code == StatusCode.error_session_not_locked


class TestTCPIPSocket(_TCPIPResourceTest):
    """Tests of a TCPIP SOCKET resource."""

    RESOURCE_TYPE = "TCPIP::SOCKET"
    # Keysight VISA rounds VI_TMO_IMMEDIATE up to 1 ms on sockets; pyvisa-py keeps 0.
    MINIMAL_TIMEOUT = 1 if REAL_INSTRUMENT else 0

    @require_loopback
    def test_late_answer_is_kept(self) -> None:
        # A raw socket has no device clear: an answer arriving after the timeout is read
        # by the next read.
        self.instr.timeout = 100
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.query("SLOW? 400")
        assert excinfo.value.error_code == StatusCode.error_timeout
        self.instr.timeout = 3000
        assert self.instr.read() == "DONE"
        assert self.instr.query("*OPC?") == "1"

    @require_loopback
    def test_echo_of_termination_bytes(self) -> None:
        payload = b"a\nb\nc\n"
        self._echo_next(len(payload))
        self.instr.write_raw(payload)
        assert self.instr.read_bytes(len(payload)) == payload
