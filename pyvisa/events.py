"""VISA events: one Python class per kind of event payload.

An event is identified by a VISA event context handle. The classes here wrap that handle and
expose the attributes VISA attaches to each kind of event (for instance the status and the data
of an asynchronous I/O completion) as VISA attribute descriptors of :mod:`pyvisa.attributes`,
declared the same way resources declare theirs. Objects are built with
``Event(visalib, event_type, context)``, which returns an instance of the class registered for
``event_type``. Event types that carry no attribute besides their type (clear, service request,
GPIB listen and talk, VXI/VME SYSFAIL and SYSRESET) are registered to :class:`Event` itself.

:class:`WaitResponse` is what :meth:`pyvisa.resources.Resource.wait_on_event` returns.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from ._attribute_kinds import AttributesPerResource, missing_py_name
from ._logging import logger
from .attributes import (
    Attribute,
    AttrVI_ATTR_BUFFER,
    AttrVI_ATTR_GPIB_RECV_CIC_STATE,
    AttrVI_ATTR_INTR_STATUS_ID,
    AttrVI_ATTR_JOB_ID,
    AttrVI_ATTR_OPER_NAME,
    AttrVI_ATTR_PXI_RECV_INTR_DATA,
    AttrVI_ATTR_PXI_RECV_INTR_SEQ,
    AttrVI_ATTR_RECV_INTR_LEVEL,
    AttrVI_ATTR_RECV_TRIG_ID,
    AttrVI_ATTR_RET_COUNT,
    AttrVI_ATTR_SIGP_STATUS_ID,
    AttrVI_ATTR_STATUS,
    AttrVI_ATTR_USB_RECV_INTR_DATA,
    AttrVI_ATTR_USB_RECV_INTR_SIZE,
)
from .backend import VisaLibraryBase, close_and_forget
from .constants import EventAttribute, EventType, StatusCode, TriggerEventID
from .errors import InvalidArgumentType, InvalidSession, VisaIOError
from .typing import VISAEventContext, VISAJobID

__all__ = [
    "Event",
    "ExceptionEvent",
    "GPIBCICEvent",
    "IOCompletionEvent",
    "PXIInteruptEvent",
    "TrigEvent",
    "USBInteruptEvent",
    "VXIInterruptEvent",
    "VXISignalInteruptEvent",
    "WaitResponse",
]

E = TypeVar("E", bound="Event")


class Event:
    """A VISA event, identified by its event context.

    Parameters
    ----------
    visalib : VisaLibraryBase
        Library through which the event attributes are read.
    event_type : constants.EventType
        Logical identifier of the event.
    context : VISAEventContext | None
        VISA handle of the event context (``None`` for an event that did not occur,
        e.g. in a :class:`WaitResponse` that timed out).

    """

    #: Event classes by event type, filled by :meth:`register`.
    _event_classes: ClassVar[dict[EventType, type[Event]]] = {}

    #: Library used to access the event attributes.
    visalib: VisaLibraryBase

    #: Logical identifier of the event.
    event_type: EventType

    _context: VISAEventContext | None

    @classmethod
    def register(cls, event_type: EventType) -> Callable[[type[E]], type[E]]:
        """Create a decorator registering a class for an event type.

        Parameters
        ----------
        event_type : constants.EventType
            Event type whose events are wrapped in the decorated class.

        Returns
        -------
        Callable[[type[Event]], type[Event]]
            Decorator registering the class. It raises :class:`~pyvisa.errors.InvalidArgumentType`
            (a ``TypeError``) if the class lacks one of the attributes that
            :data:`pyvisa.attributes.AttributesPerResource` lists for the event type (the
            registry is then left unchanged); a later registration replaces an earlier one, with
            a warning.

        """

        def _register(python_class: type[E]) -> type[E]:
            name = missing_py_name(python_class, AttributesPerResource[event_type])
            if name is not None:
                raise InvalidArgumentType(f"{python_class} is expected to have an attribute {name}")
            if event_type in cls._event_classes:
                logger.warning(
                    "%s is already registered. Overwriting with %s", event_type, python_class
                )
            cls._event_classes[event_type] = python_class
            return python_class

        return _register

    def __new__(
        cls, visalib: VisaLibraryBase, event_type: EventType, context: VISAEventContext | None
    ) -> Event:
        if cls is Event:
            cls = cls._event_classes.get(event_type, Event)
        return object.__new__(cls)

    def __init__(
        self, visalib: VisaLibraryBase, event_type: EventType, context: VISAEventContext | None
    ) -> None:
        self.visalib = visalib
        try:
            self.event_type = EventType(event_type)
        except ValueError:
            self.event_type = event_type
        self._context = context

    def __repr__(self) -> str:
        return f"<{type(self).__name__}({self.event_type!r}, context={self._context!r})>"

    @property
    def context(self) -> VISAEventContext:
        """VISA handle of the event context.

        Raises
        ------
        errors.InvalidSession
            If the event was closed or did not occur.

        """
        context = self._context
        if context is None:
            raise InvalidSession()
        return context

    def get_visa_attribute(self, attribute_id: EventAttribute) -> Any:
        """Read a VISA attribute of the event.

        Parameters
        ----------
        attribute_id : constants.EventAttribute
            Identifier of the attribute.

        Returns
        -------
        Any
            Raw value of the attribute.

        Raises
        ------
        errors.InvalidSession
            If the event was closed.
        errors.VisaIOError
            If the library reports an error.

        """
        context = self.context
        value, status = self.visalib.get_attribute(context, attribute_id)
        if status is not None and status < 0:
            raise VisaIOError(status)
        return value

    def close(self) -> None:
        """Invalidate the event context.

        The library is not called: the context of an event given to a handler belongs to the
        library, and the one of a :class:`WaitResponse` is closed by the response.
        """
        self._context = None

    # Name used by the resources for the contexts of the events given to handlers.
    _invalidate = close


for event in (
    EventType.clear,
    EventType.gpib_listen,
    EventType.gpib_talk,
    EventType.service_request,
    EventType.vxi_vme_sysfail,
    EventType.vxi_vme_sysreset,
):
    Event.register(event)(Event)


@Event.register(EventType.exception)
class ExceptionEvent(Event):
    """Notification that an error condition occurred during an operation invocation."""

    #: Status code returned by the operation that generated the error.
    status: Attribute[StatusCode] = AttrVI_ATTR_STATUS()

    #: Name of the operation that generated the error.
    operation_name: Attribute[str] = AttrVI_ATTR_OPER_NAME()


@Event.register(EventType.gpib_controller_in_charge)
class GPIBCICEvent(Event):
    """Notification that the GPIB controller gained or lost the CIC state."""

    #: Whether the controller became controller in charge.
    cic_state: Attribute[bool] = AttrVI_ATTR_GPIB_RECV_CIC_STATE()


@Event.register(EventType.io_completion)
class IOCompletionEvent(Event):
    """Notification that an asynchronous operation has completed."""

    #: Buffer used by the asynchronous operation (as kept by the library for the job).
    buffer: Attribute[Any] = AttrVI_ATTR_BUFFER()

    #: Job identifier of the asynchronous operation.
    job_id: Attribute[VISAJobID] = AttrVI_ATTR_JOB_ID()

    #: Name of the operation that completed.
    operation_name: Attribute[str] = AttrVI_ATTR_OPER_NAME()

    #: Number of elements transferred by the operation.
    return_count: Attribute[int] = AttrVI_ATTR_RET_COUNT()

    #: Return code of the asynchronous operation.
    status: Attribute[StatusCode] = AttrVI_ATTR_STATUS()

    @property
    def data(self) -> bytes:
        """Bytes transferred by the operation (the first ``return_count`` bytes of the buffer)."""
        buffer = self.buffer
        if buffer is None:
            return b""
        return bytes(memoryview(buffer).cast("B")[: self.return_count])


@Event.register(EventType.trig)
class TrigEvent(Event):
    """Notification that a trigger interrupt was received from the device."""

    #: Identifier of the triggering mechanism on which the event occurred.
    received_trigger_id: Attribute[TriggerEventID] = AttrVI_ATTR_RECV_TRIG_ID()


@Event.register(EventType.usb_interrupt)
class USBInteruptEvent(Event):
    """Notification that a vendor-specific USB interrupt occurred."""

    #: Status of the interrupt reception.
    status: Attribute[StatusCode] = AttrVI_ATTR_STATUS()

    #: Size of the received interrupt data.
    size: Attribute[int] = AttrVI_ATTR_USB_RECV_INTR_SIZE()

    #: Received interrupt data.
    data: Attribute[Any] = AttrVI_ATTR_USB_RECV_INTR_DATA()


@Event.register(EventType.vxi_signal_interrupt)
class VXISignalInteruptEvent(Event):
    """Notification that a VXIbus signal or VXIbus interrupt was received from the device."""

    #: 16-bit status/ID value retrieved during the IACK cycle or from the signal register.
    signal_register_status_id: Attribute[int] = AttrVI_ATTR_SIGP_STATUS_ID()


@Event.register(EventType.vxi_vme_interrupt)
class VXIInterruptEvent(Event):
    """Notification that a VXIbus interrupt was received from the device."""

    #: 32-bit status/ID value retrieved during the IACK cycle.
    status_id: Attribute[int] = AttrVI_ATTR_INTR_STATUS_ID()

    #: VXI interrupt level on which the interrupt was received.
    level: Attribute[int] = AttrVI_ATTR_RECV_INTR_LEVEL()


@Event.register(EventType.pxi_interrupt)
class PXIInteruptEvent(Event):
    """Notification that a PXI interrupt occurred."""

    #: Index of the interrupt sequence that detected the interrupt.
    sequence: Attribute[int] = AttrVI_ATTR_PXI_RECV_INTR_SEQ()

    #: First PXI/PCI register read in the successful interrupt detection sequence.
    data: Attribute[int] = AttrVI_ATTR_PXI_RECV_INTR_DATA()


def _close_context(visalib: VisaLibraryBase, context: VISAEventContext, event: Event) -> None:
    """Close the context of a waited-for event (may run from a finalizer: never raises)."""
    event.close()
    try:
        close_and_forget(visalib, context)
    except Exception as exc:  # noqa: BLE001 - nothing may escape a finalizer
        logger.debug("Closing the event context %s failed: %s", context, exc)


class WaitResponse:
    """Result of :meth:`pyvisa.resources.Resource.wait_on_event`.

    The response owns the context of its event: the context is closed through the library by
    :meth:`close`, by leaving a ``with`` block, or when the response is garbage collected.

    Parameters
    ----------
    event_type : constants.EventType
        Type of the event that occurred (or that was waited for, on a timeout).
    context : VISAEventContext | None
        Context of the event (``None`` on a timeout).
    ret : constants.StatusCode
        Status code returned by the library.
    visalib : VisaLibraryBase
        Library that produced the event.
    timed_out : bool, optional
        Whether the wait timed out, by default False.

    """

    #: The event that occurred.
    event: Event

    #: Status code returned by the library.
    ret: StatusCode

    #: Whether the wait timed out.
    timed_out: bool

    def __init__(
        self,
        event_type: EventType,
        context: VISAEventContext | None,
        ret: StatusCode,
        visalib: VisaLibraryBase,
        timed_out: bool = False,
    ) -> None:
        self.event = Event(visalib, event_type, context)
        self.ret = ret
        self.timed_out = timed_out
        self._finalizer = (
            weakref.finalize(self, _close_context, visalib, context, self.event)
            if context is not None
            else None
        )

    def __repr__(self) -> str:
        return f"<WaitResponse({self.event!r}, ret={self.ret!r}, timed_out={self.timed_out})>"

    def close(self) -> None:
        """Close the event context (closing twice does nothing)."""
        finalizer, self._finalizer = self._finalizer, None
        if finalizer is not None:
            finalizer()

    def __enter__(self) -> WaitResponse:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
