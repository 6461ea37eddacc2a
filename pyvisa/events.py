"""VISA events: one Python class per event type.

An event is identified by a VISA event context handle. The classes here wrap that handle
and expose the attributes VISA attaches to each kind of event (for instance the status and
the data of an asynchronous I/O completion). Objects are built with
``Event(visalib, event_type, context)``, which returns an instance of the class registered
for ``event_type`` (or of :class:`Event` itself for an unregistered type).

:class:`WaitResponse` is what :meth:`pyvisa.resources.Resource.wait_on_event` returns.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, overload

from . import constants, errors, logger
from .constants import EventAttribute, EventType, StatusCode

if TYPE_CHECKING:
    from .highlevel import VisaLibraryBase
    from .typing import VISAEventContext

__all__ = [
    "ClearEvent",
    "Event",
    "ExceptionEvent",
    "GPIBCIChangeEvent",
    "GPIBListenEvent",
    "GPIBTalkEvent",
    "IOCompletionEvent",
    "PXIInterruptEvent",
    "ServiceRequestEvent",
    "TCPIPConnectEvent",
    "TriggerEvent",
    "USBInterruptEvent",
    "VXISignalProcessorEvent",
    "VXIVMEInterruptEvent",
    "VXIVMESysfailEvent",
    "VXIVMESysresetEvent",
    "WaitResponse",
]

T = TypeVar("T")
E = TypeVar("E", bound="Event")


class EventAttributeDescriptor(Generic[T]):
    """Read-only descriptor exposing one VISA attribute of an event.

    Parameters
    ----------
    attribute : constants.EventAttribute
        Identifier of the VISA attribute.
    convert : Callable[[Any], T]
        Conversion applied to the raw value returned by the library.
    doc : str
        Documentation of the attribute.

    """

    def __init__(self, attribute: EventAttribute, convert: Callable[[Any], T], doc: str) -> None:
        self.attribute = attribute
        self.convert = convert
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> EventAttributeDescriptor[T]: ...

    @overload
    def __get__(self, instance: Event, owner: type) -> T: ...

    def __get__(self, instance: Event | None, owner: type) -> EventAttributeDescriptor[T] | T:
        if instance is None:
            return self
        return self.convert(instance.get_visa_attribute(self.attribute))

    def __set__(self, instance: Event, value: Any) -> None:
        raise AttributeError(f"The event attribute {self.name!r} is read-only")


def _coerce(enum_cls: type[Any], value: Any) -> Any:
    try:
        return enum_cls(value)
    except ValueError:
        return value


def _status(value: Any) -> StatusCode | int:
    return _coerce(StatusCode, int(value))


def _text(value: Any) -> str:
    if isinstance(value, bytes | bytearray):
        return value.decode("ascii", errors="backslashreplace")
    return str(value)


def _raw_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    if isinstance(value, str):
        return value.encode("latin-1")
    return bytes(value)


def _close_context(visalib: VisaLibraryBase, context: VISAEventContext) -> None:
    # Run by weakref.finalize (garbage collection or interpreter exit): never raise.
    try:
        try:
            visalib.close(context)
        finally:
            visalib._session_closed(context)
    except Exception as exc:  # noqa: BLE001 - nothing may escape a finalizer
        logger.debug("Closing the event context %s failed: %s", context, exc)


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
    _finalizer: weakref.finalize[Any, Any] | None = None

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
            Decorator registering the class (a later registration replaces an earlier one).

        """

        def _register(python_class: type[E]) -> type[E]:
            if event_type in cls._event_classes:
                logger.debug(
                    "%s replaces %s for the event type %r",
                    python_class.__name__,
                    cls._event_classes[event_type].__name__,
                    event_type,
                )
            cls._event_classes[event_type] = python_class
            python_class.event_type_registered = event_type
            return python_class

        return _register

    #: Event type the class was registered for (None for the generic class).
    event_type_registered: ClassVar[EventType | None] = None

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
        if self._context is None:
            raise errors.InvalidSession()
        return self._context

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

        """
        value, status = self.visalib.get_attribute(self.context, attribute_id)
        if status is not None and status < 0:
            raise errors.VisaIOError(status)
        return value

    def _take_ownership(self) -> None:
        # The context came from wait_on_event: it must be closed by us (at the latest on
        # garbage collection). Contexts given to handlers belong to the library.
        if self._context is not None and self._finalizer is None:
            self._finalizer = weakref.finalize(self, _close_context, self.visalib, self._context)

    def _invalidate(self) -> None:
        self._context = None

    def close(self) -> None:
        """Close the event context (closing twice does nothing)."""
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        context, self._context = self._context, None
        if context is not None:
            try:
                self.visalib.close(context)
            finally:
                self.visalib._session_closed(context)

    def __enter__(self: E) -> E:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@Event.register(EventType.exception)
class ExceptionEvent(Event):
    """Notification that an error condition occurred during an operation invocation."""

    status = EventAttributeDescriptor(
        EventAttribute.status, _status, "Status code of the error (VI_ATTR_STATUS)."
    )
    operation_name = EventAttributeDescriptor(
        EventAttribute.operation_name,
        _text,
        "Name of the operation that generated the error (VI_ATTR_OPER_NAME).",
    )


@Event.register(EventType.gpib_controller_in_charge)
class GPIBCIChangeEvent(Event):
    """Notification that the GPIB controller gained or lost the CIC state."""

    cic_state = EventAttributeDescriptor(
        EventAttribute.gpib_received_cic_state,
        bool,
        "Whether the controller became CIC (VI_ATTR_GPIB_RECV_CIC_STATE).",
    )


@Event.register(EventType.gpib_listen)
class GPIBListenEvent(Event):
    """Notification that the GPIB controller has been addressed to listen."""


@Event.register(EventType.gpib_talk)
class GPIBTalkEvent(Event):
    """Notification that the GPIB controller has been addressed to talk."""


@Event.register(EventType.clear)
class ClearEvent(Event):
    """Notification that the local controller has been sent a device clear message."""


@Event.register(EventType.trig)
class TriggerEvent(Event):
    """Notification that a trigger interrupt was received from the device."""

    received_trigger_id = EventAttributeDescriptor(
        EventAttribute.received_trigger_id,
        lambda value: _coerce(constants.TriggerID, value),
        "Identifier of the received trigger (VI_ATTR_RECV_TRIG_ID).",
    )


@Event.register(EventType.service_request)
class ServiceRequestEvent(Event):
    """Notification that a service request was received from the device."""


@Event.register(EventType.io_completion)
class IOCompletionEvent(Event):
    """Notification that an asynchronous operation has completed."""

    status = EventAttributeDescriptor(
        EventAttribute.status,
        _status,
        "Return code of the asynchronous operation (VI_ATTR_STATUS).",
    )
    job_id = EventAttributeDescriptor(
        EventAttribute.job_id,
        int,
        "Job identifier of the asynchronous operation (VI_ATTR_JOB_ID).",
    )
    return_count = EventAttributeDescriptor(
        EventAttribute.return_count,
        int,
        "Number of elements transferred by the operation (VI_ATTR_RET_COUNT).",
    )
    operation_name = EventAttributeDescriptor(
        EventAttribute.operation_name,
        _text,
        "Name of the operation that completed (VI_ATTR_OPER_NAME).",
    )

    @property
    def buffer(self) -> Any:
        """Buffer used by the asynchronous operation (VI_ATTR_BUFFER).

        The library keeps the buffer of each job it started; if it does not know the job,
        the raw value of VI_ATTR_BUFFER is returned.
        """
        get_buffer = getattr(self.visalib, "get_buffer_from_id", None)
        if get_buffer is not None:
            buffer = get_buffer(self.job_id)
            if buffer is not None:
                return buffer
        return self.get_visa_attribute(EventAttribute.buffer)

    @property
    def data(self) -> bytes:
        """Bytes transferred by the operation (the first ``return_count`` bytes of the buffer)."""
        buffer = self.buffer
        if buffer is None:
            return b""
        return bytes(memoryview(buffer).cast("B")[: self.return_count])


@Event.register(EventType.pxi_interrupt)
class PXIInterruptEvent(Event):
    """Notification that a PXI interrupt occurred."""

    sequence = EventAttributeDescriptor(
        EventAttribute.pxi_received_interrupt_sequence,
        int,
        "Index of the interrupt sequence that detected the interrupt (VI_ATTR_PXI_RECV_INTR_SEQ).",
    )
    data = EventAttributeDescriptor(
        EventAttribute.pxi_received_interrupt_data,
        int,
        "First PXI/PCI register read in the interrupt sequence (VI_ATTR_PXI_RECV_INTR_DATA).",
    )


@Event.register(EventType.vxi_signal_interrupt)
class VXISignalProcessorEvent(Event):
    """Notification that a VXIbus signal or VXIbus interrupt was received from the device."""

    signal_register_status_id = EventAttributeDescriptor(
        EventAttribute.signal_status_id,
        int,
        "16-bit status/ID value retrieved during the IACK cycle (VI_ATTR_SIGP_STATUS_ID).",
    )


@Event.register(EventType.vxi_vme_interrupt)
class VXIVMEInterruptEvent(Event):
    """Notification that a VXIbus interrupt was received from the device."""

    status_id = EventAttributeDescriptor(
        EventAttribute.interrupt_status_id,
        int,
        "32-bit status/ID retrieved during the IACK cycle (VI_ATTR_INTR_STATUS_ID).",
    )
    level = EventAttributeDescriptor(
        EventAttribute.received_interrupt_level,
        int,
        "VXI interrupt level on which the interrupt was received (VI_ATTR_RECV_INTR_LEVEL).",
    )


@Event.register(EventType.vxi_vme_sysfail)
class VXIVMESysfailEvent(Event):
    """Notification that the VXI/VME SYSFAIL* line has been asserted."""


@Event.register(EventType.vxi_vme_sysreset)
class VXIVMESysresetEvent(Event):
    """Notification that the VXI/VME SYSRESET* line has been asserted."""


@Event.register(EventType.usb_interrupt)
class USBInterruptEvent(Event):
    """Notification that a vendor-specific USB interrupt occurred."""

    status = EventAttributeDescriptor(
        EventAttribute.status, _status, "Status of the interrupt reception (VI_ATTR_STATUS)."
    )
    size = EventAttributeDescriptor(
        EventAttribute.usb_received_interrupt_size,
        int,
        "Size of the received interrupt data (VI_ATTR_USB_RECV_INTR_SIZE).",
    )
    data = EventAttributeDescriptor(
        EventAttribute.usb_received_interrupt_data,
        _raw_bytes,
        "Received interrupt data (VI_ATTR_USB_RECV_INTR_DATA).",
    )


@Event.register(EventType.tcpip_connect)
class TCPIPConnectEvent(Event):
    """Notification that a TCP/IP connection has been made."""

    received_address = EventAttributeDescriptor(
        EventAttribute.recv_tcpip_address,
        _text,
        "Address of the remote side of the connection (VI_ATTR_RECV_TCPIP_ADDR).",
    )


class WaitResponse:
    """Result of :meth:`pyvisa.resources.Resource.wait_on_event`.

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

    #: The event that occurred. Its context is closed by :meth:`close`, by leaving the
    #: ``with`` block, or when the response is garbage collected.
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
        self.event._take_ownership()
        self.ret = ret
        self.timed_out = timed_out

    def __repr__(self) -> str:
        return f"<WaitResponse({self.event!r}, ret={self.ret!r}, timed_out={self.timed_out})>"

    def close(self) -> None:
        """Close the event context."""
        self.event.close()

    def __enter__(self) -> WaitResponse:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
