"""TCPIP resource tests run against the Keysight virtual instrument.

Backends subclass :class:`TestTCPIPInstr` and :class:`TestTCPIPSocket`, set
``RESOURCE_TYPE`` (a key of ``RESOURCE_ADDRESSES``) and ``MINIMAL_TIMEOUT`` (the smallest
timeout the resource accepts, in ms) and mark the tests they are expected to fail.

The instrument answers IEEE 488.2 common commands (``*IDN?``, ``*CLS``, ``*ESE``,
``*SRE``, ``*OPC``, ``*STB?``); a service request is produced by enabling the "operation
complete" event and sending ``*OPC``.
"""

import gc
import threading
import time
from typing import Any

import pytest

from pyvisa import ResourceManager, constants, errors
from pyvisa.constants import EventMechanism, EventType, ResourceAttribute, StatusCode
from pyvisa.testsuite.keysight_assisted_tests import RESOURCE_ADDRESSES, require_virtual_instr

_SRQ_ON_OPC = "*CLS;*ESE 1;*SRE 32"


class _TCPIPResourceTest:
    """Tests shared by the TCPIP INSTR and SOCKET resources."""

    #: Key of RESOURCE_ADDRESSES naming the resource under test.
    RESOURCE_TYPE = ""

    #: Smallest timeout (ms) the resource accepts when asked for VI_TMO_IMMEDIATE.
    MINIMAL_TIMEOUT: float = 0

    def setup_method(self) -> None:
        self.rm = ResourceManager()
        self.instr: Any = self.rm.open_resource(
            RESOURCE_ADDRESSES[self.RESOURCE_TYPE],
            read_termination="\n",
            write_termination="\n",
        )

    def teardown_method(self) -> None:
        if self.instr is not None:
            self.instr.close()
        self.rm.close()

    def test_lifecycle(self) -> None:
        assert self.instr.session is not None
        assert self.instr in self.rm.list_opened_resources()
        self.instr.close()
        with pytest.raises(errors.InvalidSession):
            _ = self.instr.session
        assert self.instr not in self.rm.list_opened_resources()

    def test_query_identification(self) -> None:
        answer = self.instr.query("*IDN?")
        assert answer.count(",") == 3, answer

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
        with pytest.raises(errors.VisaIOError) as excinfo:
            self.instr.read()
        assert excinfo.value.error_code == StatusCode.error_timeout

    def test_attribute_handling(self) -> None:
        self.instr.set_visa_attribute(ResourceAttribute.timeout_value, 2500)
        value = self.instr.get_visa_attribute(ResourceAttribute.timeout_value)
        assert value == 2500
        assert self.instr.timeout == 2500
        self.instr.timeout = 1000
        assert self.instr.get_visa_attribute(ResourceAttribute.timeout_value) == 1000
        assert self.instr.interface_type == constants.InterfaceType.tcpip

    def test_stb(self) -> None:
        self.instr.write("*CLS")
        assert self.instr.stb & 0b1011_1111 == 0
        self.instr.write(_SRQ_ON_OPC)
        self.instr.write("*OPC")
        deadline = time.monotonic() + 5
        while not self.instr.stb & 0x40 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.instr.stb & 0x40


@require_virtual_instr
class TestTCPIPInstr(_TCPIPResourceTest):
    """Tests of a TCPIP INSTR resource (VXI-11 or HiSLIP)."""

    RESOURCE_TYPE = "TCPIP::INSTR"

    def _srq_event_type(self) -> EventType:
        return EventType.service_request

    def _trigger_srq(self) -> None:
        self.instr.write(_SRQ_ON_OPC)
        self.instr.write("*OPC")

    def test_clear(self) -> None:
        self.instr.write("*IDN?")
        self.instr.clear()
        self.instr.timeout = 200
        with pytest.raises(errors.VisaIOError):
            self.instr.read()

    def test_write_raw_read_bytes(self) -> None:
        count = self.instr.write_raw(b"*IDN?\n")
        assert count == len(b"*IDN?\n")
        answer = self.instr.read_bytes(4)
        assert len(answer) == 4

    def test_io_prot_attr(self) -> None:
        self.instr.io_protocol = constants.IOProtocol.normal
        assert self.instr.io_protocol == constants.IOProtocol.normal
        self.instr.query("*IDN?")

    def test_wrapping_handler(self) -> None:
        received: list[tuple[Any, ...]] = []

        def handler(resource: Any, event: Any, user_handle: Any) -> None:
            received.append((resource, event.event_type, user_handle))

        wrapped = self.instr.wrap_handler(handler)
        user_handle = self.instr.install_handler(self._srq_event_type(), wrapped, 42)
        self.instr.enable_event(self._srq_event_type(), EventMechanism.handler, None)
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
        user_handle = self.instr.install_handler(self._srq_event_type(), handler)
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
        self.instr.install_handler(self._srq_event_type(), handler)
        self.instr = None
        gc.collect()
        assert not visalib.handlers.get(session)

    def test_uninstall_all_handlers(self) -> None:
        def handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
            pass

        visalib = self.instr.visalib
        session = self.instr.session
        self.instr.install_handler(self._srq_event_type(), handler, 1)
        self.instr.install_handler(self._srq_event_type(), handler, 2)
        visalib.uninstall_all_visa_handlers(session)
        assert not visalib.handlers.get(session)

    def test_handling_invalid_handler(self) -> None:
        with pytest.raises(errors.VisaTypeError):
            self.instr.install_handler(self._srq_event_type(), 1)

    def test_wait_on_event(self) -> None:
        self.instr.enable_event(self._srq_event_type(), EventMechanism.queue)
        try:
            self._trigger_srq()
            response = self.instr.wait_on_event(self._srq_event_type(), 5000)
            assert response.event.event_type == self._srq_event_type()
            assert not response.timed_out
        finally:
            self.instr.disable_event(self._srq_event_type(), EventMechanism.queue)

    def test_wait_on_event_timeout(self) -> None:
        self.instr.enable_event(self._srq_event_type(), EventMechanism.queue)
        try:
            response = self.instr.wait_on_event(self._srq_event_type(), 10, capture_timeout=True)
            assert response.timed_out
            with pytest.raises(errors.VisaIOError):
                self.instr.wait_on_event(self._srq_event_type(), 10)
        finally:
            self.instr.disable_event(self._srq_event_type(), EventMechanism.queue)

    def test_getting_unknown_buffer(self) -> None:
        assert self.instr.visalib.get_buffer_from_id(12345) is None

    def test_manual_async_read(self) -> None:
        self.instr.enable_event(EventType.io_completion, EventMechanism.queue)
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

    def test_shared_locking(self) -> None:
        other = self.rm.open_resource(RESOURCE_ADDRESSES[self.RESOURCE_TYPE])
        try:
            key = self.instr.lock(requested_key="pyvisa-test")
            assert key == "pyvisa-test"
            other.lock(requested_key=key)
            other.unlock()
            with pytest.raises(errors.VisaIOError):
                other.lock(timeout=10, requested_key="another key")
        finally:
            self.instr.unlock()
            other.close()

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


@require_virtual_instr
class TestTCPIPSocket(_TCPIPResourceTest):
    """Tests of a TCPIP SOCKET resource."""

    RESOURCE_TYPE = "TCPIP::SOCKET"
    MINIMAL_TIMEOUT = 1
