"""Facts EV-1 ... EV-3 of PyVISA 1.16.2 about pyvisa.events, and the 1.16.2 names."""

from __future__ import annotations

import pytest

from pyvisa import attributes, errors, events, typing
from pyvisa.constants import EventType

NO_PAYLOAD = [
    EventType.clear,
    EventType.service_request,
    EventType.gpib_listen,
    EventType.gpib_talk,
    EventType.vxi_vme_sysfail,
    EventType.vxi_vme_sysreset,
]


@pytest.mark.parametrize("event_type", NO_PAYLOAD)
def test_ev1_no_payload_types_registered_to_event(event_type: EventType) -> None:
    assert events.Event._event_classes[event_type] is events.Event
    assert type(events.Event(None, event_type, 1)) is events.Event  # type: ignore[arg-type]


def test_ev1_only_subclasses() -> None:
    subclasses = {cls.__name__ for cls in events.Event._event_classes.values()} - {"Event"}
    assert subclasses == {
        "ExceptionEvent",
        "GPIBCICEvent",
        "IOCompletionEvent",
        "TrigEvent",
        "USBInteruptEvent",
        "VXISignalInteruptEvent",
        "VXIInterruptEvent",
        "PXIInteruptEvent",
    }
    assert events.event is EventType.vxi_vme_sysreset
    for old in ("ClearEvent", "TriggerEvent", "GPIBCIChangeEvent", "USBInterruptEvent"):
        assert not hasattr(events, old)


def test_names_imported_by_the_module() -> None:
    assert events.VISAEventContext is typing.VISAEventContext
    assert events.VISAJobID is typing.VISAJobID
    assert events.Attribute is attributes.Attribute


def test_event_attributes_are_visa_attribute_descriptors() -> None:
    expected = {
        (events.ExceptionEvent, "status"): attributes.AttrVI_ATTR_STATUS,
        (events.ExceptionEvent, "operation_name"): attributes.AttrVI_ATTR_OPER_NAME,
        (events.GPIBCICEvent, "cic_state"): attributes.AttrVI_ATTR_GPIB_RECV_CIC_STATE,
        (events.IOCompletionEvent, "buffer"): attributes.AttrVI_ATTR_BUFFER,
        (events.IOCompletionEvent, "job_id"): attributes.AttrVI_ATTR_JOB_ID,
        (events.IOCompletionEvent, "return_count"): attributes.AttrVI_ATTR_RET_COUNT,
        (events.TrigEvent, "received_trigger_id"): attributes.AttrVI_ATTR_RECV_TRIG_ID,
        (events.USBInteruptEvent, "size"): attributes.AttrVI_ATTR_USB_RECV_INTR_SIZE,
        (events.USBInteruptEvent, "data"): attributes.AttrVI_ATTR_USB_RECV_INTR_DATA,
        (events.VXISignalInteruptEvent, "signal_register_status_id"): (
            attributes.AttrVI_ATTR_SIGP_STATUS_ID
        ),
        (events.VXIInterruptEvent, "status_id"): attributes.AttrVI_ATTR_INTR_STATUS_ID,
        (events.VXIInterruptEvent, "level"): attributes.AttrVI_ATTR_RECV_INTR_LEVEL,
        (events.PXIInteruptEvent, "sequence"): attributes.AttrVI_ATTR_PXI_RECV_INTR_SEQ,
        (events.PXIInteruptEvent, "data"): attributes.AttrVI_ATTR_PXI_RECV_INTR_DATA,
    }
    for (cls, name), attr_class in expected.items():
        assert type(vars(cls)[name]) is attr_class, (cls, name)
    assert isinstance(vars(events.IOCompletionEvent)["data"], property)


@pytest.fixture
def saved_registry():
    saved = dict(events.Event._event_classes)
    yield saved
    events.Event._event_classes.clear()
    events.Event._event_classes.update(saved)


def test_ev2_missing_attribute_is_rejected(saved_registry) -> None:
    class Incomplete(events.Event):
        status = attributes.AttrVI_ATTR_STATUS()

    with pytest.raises(errors.InvalidArgumentType) as exc_info:
        events.Event.register(EventType.exception)(Incomplete)
    assert str(exc_info.value) == f"{Incomplete} is expected to have an attribute operation_name"
    assert events.Event._event_classes == saved_registry


def test_ev2_complete_class_is_accepted(saved_registry) -> None:
    class Complete(events.Event):
        status = attributes.AttrVI_ATTR_STATUS()
        operation_name = attributes.AttrVI_ATTR_OPER_NAME()

    assert events.Event.register(EventType.exception)(Complete) is Complete
    assert events.Event._event_classes[EventType.exception] is Complete


def test_ev3_close_without_library() -> None:
    event = events.Event(None, EventType.io_completion, 12)  # type: ignore[arg-type]
    assert event.context == 12
    event.close()
    assert event._context is None
    with pytest.raises(errors.InvalidSession):
        _ = event.context
