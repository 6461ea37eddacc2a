"""Tests of the event classes (pyvisa.events)."""

from __future__ import annotations

import gc
import logging
from typing import Any

import pytest

from pyvisa import attributes, constants, errors, events
from pyvisa.constants import EventAttribute, EventType, StatusCode


class FakeLibrary:
    """The few library methods an event uses."""

    def __init__(self, attributes: dict[int, Any] | None = None) -> None:
        self.attributes = attributes or {}
        self.closed: list[int] = []
        self.forgotten: list[int] = []
        self.buffers: dict[int, Any] = {}

    def get_attribute(self, context: int, attribute: int) -> tuple[Any, StatusCode]:
        if attribute not in self.attributes:
            return None, StatusCode.error_nonsupported_attribute
        return self.attributes[attribute], StatusCode.success

    def close(self, context: int) -> StatusCode:
        self.closed.append(context)
        return StatusCode.success

    def _session_closed(self, context: int) -> None:
        self.forgotten.append(context)

    def get_buffer_from_id(self, job_id: int) -> Any:
        return self.buffers.get(job_id)


EXPECTED_CLASSES = {
    EventType.io_completion: events.IOCompletionEvent,
    EventType.trig: events.TrigEvent,
    EventType.exception: events.ExceptionEvent,
    EventType.gpib_controller_in_charge: events.GPIBCICEvent,
    EventType.pxi_interrupt: events.PXIInteruptEvent,
    EventType.vxi_signal_interrupt: events.VXISignalInteruptEvent,
    EventType.vxi_vme_interrupt: events.VXIInterruptEvent,
    EventType.usb_interrupt: events.USBInteruptEvent,
    # Event types without payload are registered to the base class itself.
    EventType.service_request: events.Event,
    EventType.clear: events.Event,
    EventType.gpib_talk: events.Event,
    EventType.gpib_listen: events.Event,
    EventType.vxi_vme_sysfail: events.Event,
    EventType.vxi_vme_sysreset: events.Event,
    # Not registered at all.
    EventType.tcpip_connect: events.Event,
}


@pytest.mark.parametrize(("event_type", "cls"), list(EXPECTED_CLASSES.items()))
def test_event_class_per_type(event_type: EventType, cls: type) -> None:
    event = events.Event(FakeLibrary(), event_type, 7)  # type: ignore[arg-type]
    assert type(event) is cls
    assert event.event_type == event_type
    assert event.context == 7


def test_unregistered_type_gives_generic_event() -> None:
    event = events.Event(FakeLibrary(), EventType.all_enabled, 1)  # type: ignore[arg-type]
    assert type(event) is events.Event
    raw = events.Event(FakeLibrary(), 12345, 1)  # type: ignore[arg-type]
    assert raw.event_type == 12345


@pytest.fixture
def restore_event_classes():
    saved = dict(events.Event._event_classes)
    yield
    events.Event._event_classes.clear()
    events.Event._event_classes.update(saved)


def test_register_replaces_class(restore_event_classes, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="pyvisa"):

        @events.Event.register(EventType.clear)
        class MyClear(events.Event):
            pass

    assert type(events.Event(FakeLibrary(), EventType.clear, 1)) is MyClear  # type: ignore[arg-type]
    records = [r for r in caplog.records if r.name == "pyvisa" and r.levelno == logging.WARNING]
    assert [r.getMessage() for r in records] == [
        f"{EventType.clear} is already registered. Overwriting with {MyClear}"
    ]


def test_io_completion_attributes() -> None:
    lib = FakeLibrary(
        {
            EventAttribute.status: StatusCode.success_termination_character_read,
            EventAttribute.job_id: 3,
            EventAttribute.return_count: 4,
            EventAttribute.operation_name: "viReadAsync",
        }
    )
    lib.buffers[3] = bytearray(b"abcdefgh")
    event = events.Event(lib, EventType.io_completion, 9)  # type: ignore[arg-type]
    assert isinstance(event, events.IOCompletionEvent)
    assert event.status == StatusCode.success_termination_character_read
    assert event.job_id == 3
    assert event.return_count == 4
    assert event.operation_name == "viReadAsync"
    assert event.buffer == bytearray(b"abcdefgh")
    assert event.data == b"abcd"


def test_io_completion_buffer_fallback() -> None:
    lib = FakeLibrary(
        {
            EventAttribute.job_id: 5,
            EventAttribute.return_count: 2,
            EventAttribute.buffer: b"xyz",
        }
    )
    event = events.Event(lib, EventType.io_completion, 9)  # type: ignore[arg-type]
    assert isinstance(event, events.IOCompletionEvent)
    assert event.data == b"xy"


def test_other_event_attributes() -> None:
    lib = FakeLibrary(
        {
            EventAttribute.status: -1073807339,
            EventAttribute.operation_name: "viRead",
            EventAttribute.gpib_received_cic_state: 1,
            EventAttribute.received_trigger_id: 99,
            EventAttribute.usb_received_interrupt_size: 2,
            EventAttribute.usb_received_interrupt_data: b"\x01\x02",
            EventAttribute.signal_register_status_id: 0x1234,
            EventAttribute.interrupt_status_id: 0x55,
            EventAttribute.received_interrupt_level: 3,
            EventAttribute.pxi_received_interrupt_sequence: 1,
            EventAttribute.pxi_received_interrupt_data: 0xFF,
        }
    )

    def make(event_type: EventType) -> Any:
        return events.Event(lib, event_type, 1)  # type: ignore[arg-type]

    exc = make(EventType.exception)
    assert exc.status == StatusCode.error_timeout
    assert exc.operation_name == "viRead"
    assert make(EventType.gpib_controller_in_charge).cic_state is True
    assert make(EventType.trig).received_trigger_id == 99
    usb = make(EventType.usb_interrupt)
    assert (usb.size, usb.data) == (2, b"\x01\x02")
    assert make(EventType.vxi_signal_interrupt).signal_register_status_id == 0x1234
    vme = make(EventType.vxi_vme_interrupt)
    assert (vme.status_id, vme.level) == (0x55, 3)
    pxi = make(EventType.pxi_interrupt)
    assert (pxi.sequence, pxi.data) == (1, 0xFF)


def test_event_attributes_are_read_only() -> None:
    event = events.Event(FakeLibrary(), EventType.exception, 1)  # type: ignore[arg-type]
    with pytest.raises(errors.UnknownAttribute, match="read-only"):
        event.status = 0  # type: ignore[attr-defined]
    assert isinstance(events.ExceptionEvent.status, attributes.AttrVI_ATTR_STATUS)


def test_unsupported_attribute_raises() -> None:
    event = events.Event(FakeLibrary(), EventType.exception, 1)  # type: ignore[arg-type]
    with pytest.raises(errors.VisaIOError) as exc_info:
        _ = event.status  # type: ignore[attr-defined]
    assert exc_info.value.error_code == StatusCode.error_nonsupported_attribute


def test_close_event_only_invalidates_the_context() -> None:
    lib = FakeLibrary()
    event = events.Event(lib, EventType.service_request, 11)  # type: ignore[arg-type]
    event.close()
    assert lib.closed == [] and lib.forgotten == []
    with pytest.raises(errors.InvalidSession):
        _ = event.context
    event.close()


def test_close_event_without_library() -> None:
    event = events.Event(None, EventType.exception, 3)  # type: ignore[arg-type]
    event.close()
    with pytest.raises(errors.InvalidSession):
        _ = event.context
    with pytest.raises(errors.InvalidSession):
        _ = event.status  # type: ignore[attr-defined]


def test_wait_response_owns_its_context() -> None:
    lib = FakeLibrary()
    response = events.WaitResponse(EventType.service_request, 21, StatusCode.success, lib)  # type: ignore[arg-type]
    assert response.ret == StatusCode.success
    assert response.timed_out is False
    assert "Event(" in repr(response)
    del response
    gc.collect()
    assert lib.closed == [21]
    assert lib.forgotten == [21]
    with events.WaitResponse(EventType.clear, 22, StatusCode.success, lib) as response:  # type: ignore[arg-type]
        assert response.event.context == 22
    assert lib.closed == [21, 22]
    with pytest.raises(errors.InvalidSession):
        _ = response.event.context
    response.close()
    gc.collect()
    assert lib.closed == [21, 22]


def test_timed_out_wait_response() -> None:
    lib = FakeLibrary()
    response = events.WaitResponse(
        EventType.service_request,
        None,
        StatusCode.error_timeout,
        lib,  # type: ignore[arg-type]
        timed_out=True,
    )
    assert response.timed_out
    assert response.event.event_type == EventType.service_request
    response.close()
    assert lib.closed == []


def test_wait_response_finalizer_never_raises() -> None:
    class Broken(FakeLibrary):
        def close(self, context: int) -> StatusCode:
            raise errors.VisaIOError(constants.VI_ERROR_INV_OBJECT)

    response = events.WaitResponse(EventType.service_request, 5, StatusCode.success, Broken())  # type: ignore[arg-type]
    finalizer = response._finalizer
    assert finalizer is not None and finalizer.alive
    # Called directly, a finalizer that raises propagates the error (run by the garbage
    # collector it would only be printed): this fails if _close_context lets it escape.
    finalizer()
    assert not finalizer.alive
