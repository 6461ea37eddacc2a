"""Descriptors for the VISA attributes of resources and events.

Every VISA attribute is described by one class named after it (``AttrVI_ATTR_ASRL_BAUD`` for
``VI_ATTR_ASRL_BAUD``...). The class knows the numerical id, the C type, the session types (or
event types) it applies to, whether it can be read or written, whether it is local to a
session, its default value and the kind of value it holds. An instance of the class is a
descriptor that resource and event classes declare in their body::

    baud_rate: Attribute[int] = attributes.AttrVI_ATTR_ASRL_BAUD()

Reading it queries the VISA library through ``instance.get_visa_attribute`` and converts the raw
value (into an int, an enum member, a bool...); setting it validates the value, raising a
:class:`~pyvisa.errors.InvalidArgument` (a ``ValueError``) that says why the value is invalid,
before passing it to ``instance.set_visa_attribute``.

This module holds the declarations only. The kinds of descriptors they derive from
(:class:`Attribute`, :class:`RangeAttribute`, :class:`EnumAttribute`...) and the registries
(:data:`AttributesByID`, :data:`AttributesPerResource`...) are defined in
:mod:`pyvisa._attribute_kinds` and exported here, under this module's name. A declaration
states only what differs from its kind: the VISA name comes from the class name, the enum of
an enum or flag attribute from the type argument of its base, and an attribute is neither
readable, writable nor local unless stated.

"""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING, Any, overload

from ._attribute_kinds import (  # noqa: F401 - the kinds and registries are public here
    AllSessionTypes,
    Attribute,
    AttributesByID,
    AttributesByName,
    AttributesPerResource,
    BooleanAttribute,
    CharAttribute,
    EnumAttribute,
    FlagAttribute,
    IntAttribute,
    NotAvailable,
    RangeAttribute,
    T,
    ValuesAttribute,
    _NotAvailableType,
    _visa_timeout,
)
from .constants import (
    VI_TMO_INFINITE,
    AccessModes,
    AddressModifiers,
    AddressSpace,
    AddressState,
    ByteOrder,
    ControlFlow,
    EventType,
    InterfaceType,
    IOProtocol,
    LineState,
    Parity,
    PXIMemory,
    SerialTermination,
    StatusCode,
    StopBits,
    TriggerEventID,
    TriggerID,
    USBEndInput,
    VXIClass,
    WireMode,
    is_64bits,
)

if TYPE_CHECKING:
    from typing_extensions import Self

#: Largest value of the platform-dependent attributes (bus addresses and sizes, user data, counts).
_MAX_BUS_VALUE = 2**64 - 1 if is_64bits else 2**32 - 1

#: C types of the attributes whose id (and width) depends on the platform: on 64-bit platforms
#: visa.h maps VI_ATTR_USER_DATA, VI_ATTR_RET_COUNT, VI_ATTR_MEM_BASE... to their 64-bit variants.
_UINT_ADDRESS_TYPE = "ViUInt64" if is_64bits else "ViUInt32"
_BUS_ADDRESS_TYPE = "ViBusAddress64" if is_64bits else "ViBusAddress"
_BUS_SIZE_TYPE = "ViBusSize64" if is_64bits else "ViBusSize"


# Session types the attributes apply to.
_ASRL_INSTR = (InterfaceType.asrl, "INSTR")
_GPIB_INSTR = (InterfaceType.gpib, "INSTR")
_GPIB_INTFC = (InterfaceType.gpib, "INTFC")
_PXI_INSTR = (InterfaceType.pxi, "INSTR")
_PXI_MEMACC = (InterfaceType.pxi, "MEMACC")
_PXI_BACKPLANE = (InterfaceType.pxi, "BACKPLANE")
_TCPIP_INSTR = (InterfaceType.tcpip, "INSTR")
_TCPIP_SOCKET = (InterfaceType.tcpip, "SOCKET")
_USB_INSTR = (InterfaceType.usb, "INSTR")
_USB_RAW = (InterfaceType.usb, "RAW")
_VXI_INSTR = (InterfaceType.vxi, "INSTR")
_VXI_MEMACC = (InterfaceType.vxi, "MEMACC")
_VXI_BACKPLANE = (InterfaceType.vxi, "BACKPLANE")
_VXI_SERVANT = (InterfaceType.vxi, "SERVANT")
# Session types that exist only in pyvisa (pyvisa-py's Prologix adapters and LeCroy VICP).
_PRLGX_TCPIP_INTFC = (InterfaceType.prlgx_tcpip, "INTFC")
_PRLGX_ASRL_INTFC = (InterfaceType.prlgx_asrl, "INTFC")
_VICP_INSTR = (InterfaceType.vicp, "INSTR")

#: The message-based session types, in the order most message-based attributes list them.
_MESSAGE_BASED = (
    _GPIB_INSTR,
    _GPIB_INTFC,
    _ASRL_INSTR,
    _PRLGX_TCPIP_INTFC,
    _PRLGX_ASRL_INTFC,
    _TCPIP_INSTR,
    _TCPIP_SOCKET,
    _VICP_INSTR,
    _USB_INSTR,
    _USB_RAW,
    _VXI_INSTR,
    _VXI_SERVANT,
)


# The attribute classes follow, grouped as: every session type, message-based sessions, serial,
# GPIB, VXI and memory access, PXI, USB, TCPIP, events. The PXI BAR attributes are made by a
# loop at the end.


class AttrVI_ATTR_RSRC_CLASS(Attribute[str]):
    """Resource class (for example, "INSTR") as defined by the canonical resource name."""

    resources = AllSessionTypes
    py_name = "resource_class"
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_RSRC_NAME(Attribute[str]):
    """Unique identifier for a resource compliant with the address structure."""

    resources = AllSessionTypes
    py_name = "resource_name"
    visa_type = "ViRsrc"
    default = NotAvailable
    read = True


class AttrVI_ATTR_RSRC_IMPL_VERSION(RangeAttribute):
    """Resource version that identifies the revisions or implementations of a resource.

    This attribute value is defined by the individual manufacturer and increments with each new
    revision. The format of the value has the upper 12 bits as the major number of the version, the
    next lower 12 bits as the minor number of the version, and the lowest 8 bits as the sub-minor
    number of the version.

    """

    resources = AllSessionTypes
    py_name = "implementation_version"
    visa_type = "ViVersion"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_RSRC_LOCK_STATE(EnumAttribute[AccessModes]):
    """Current locking state of the resource.

    The resource can be unlocked, locked with an exclusive lock, or locked with a shared lock.

    """

    resources = AllSessionTypes
    py_name = "lock_state"
    visa_type = "ViAccessMode"
    default = AccessModes.no_lock
    read = True


class AttrVI_ATTR_MAX_QUEUE_LENGTH(RangeAttribute):
    """Maximum number of events queued on the session; further events are dropped."""

    resources = AllSessionTypes
    py_name = ""
    visa_type = "ViUInt32"
    default = 50
    read = write = local = True
    min_value, max_value = 1, 0xFFFFFFFF


class AttrVI_ATTR_USER_DATA(RangeAttribute):
    """Data used privately by the application for a particular session.

    VISA stores the value for the application and never interprets it.

    """

    resources = AllSessionTypes
    py_name = ""
    visa_type = _UINT_ADDRESS_TYPE
    default = 0
    read = write = local = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_RSRC_SPEC_VERSION(RangeAttribute):
    """Version of the VISA specification to which the implementation is compliant.

    The value packs the major version in its upper 12 bits, the minor version in the next 12 bits
    and the sub-minor version in the lowest 8 bits: VISA 5.8 is 00500800h.

    """

    resources = AllSessionTypes
    py_name = "spec_version"
    visa_type = "ViVersion"
    default = 3145728
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_INTF_TYPE(EnumAttribute[InterfaceType]):
    """Interface type of the given session."""

    resources = AllSessionTypes
    py_name = "interface_type"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_INTF_NUM(RangeAttribute):
    """Board number for the given interface."""

    resources = AllSessionTypes
    py_name = "interface_number"
    visa_type = "ViUInt16"
    default = 0
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_INTF_INST_NAME(Attribute[str]):
    """Human-readable text that describes the given interface."""

    resources = AllSessionTypes
    py_name = ""
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_RSRC_MANF_ID(RangeAttribute):
    """VXI manufacturer ID of the vendor of the VISA library (not of the device)."""

    resources = AllSessionTypes
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 16383


class AttrVI_ATTR_RSRC_MANF_NAME(Attribute[str]):
    """Manufacturer name of the vendor that implemented the VISA library.

    The text is meant to be displayed; programs should not depend on its content.

    """

    resources = AllSessionTypes
    py_name = "resource_manufacturer_name"
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_TMO_VALUE(RangeAttribute):
    """Timeout in milliseconds for all resource I/O operations.

    VI_TMO_IMMEDIATE (0) makes operations fail at once when the device is not ready and
    VI_TMO_INFINITE (0xFFFFFFFF) makes them wait without limit.

    """

    resources = AllSessionTypes
    py_name = "timeout"
    visa_type = "ViUInt32"
    default = 2000
    read = write = local = True
    min_value, max_value = 0, 0xFFFFFFFF

    def post_get(self, value: int) -> int | float:  # type: ignore[override]
        """Convert VI_TMO_INFINITE into ``float('+inf')``, other values into an int."""
        if value == VI_TMO_INFINITE:
            return math.inf
        return int(value)

    def pre_set(self, value: int | float | None) -> int:
        """Convert a timeout in milliseconds (None or ``float('+inf')``: infinite).

        Values below 1 mean an immediate timeout (VI_TMO_IMMEDIATE).
        """
        return _visa_timeout(value)

    def __delete__(self, instance: Any) -> None:
        """Deleting the timeout makes it infinite."""
        instance.set_visa_attribute(self.attribute_id, VI_TMO_INFINITE)


class AttrVI_ATTR_RM_SESSION(Attribute[Any]):
    """Session of the Resource Manager that was used to open this session."""

    resources = AllSessionTypes
    py_name = ""
    visa_type = "ViSession"
    default = NotAvailable
    read = True


class AttrVI_ATTR_SEND_END_EN(BooleanAttribute):
    """Should END be asserted during the transfer of the last byte of the buffer."""

    resources = [
        _ASRL_INSTR,
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = "send_end"
    visa_type = "ViBoolean"
    default = True
    read = write = local = True


class AttrVI_ATTR_TERMCHAR(CharAttribute):
    """Termination character.

    A read stops after receiving this character when VI_ATTR_TERMCHAR_EN is enabled.

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViUInt8"
    default = 10
    read = write = local = True


class AttrVI_ATTR_TERMCHAR_EN(BooleanAttribute):
    """Should the read operation terminate when a termination character is received.

    Serial sessions use VI_ATTR_ASRL_END_IN instead when it selects the termination character.
    Applies to both raw and formatted reads.

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_SUPPRESS_END_EN(BooleanAttribute):
    """Whether to suppress the END indicator termination.

    When True, receiving END does not end a read (viRead and related operations).

    """

    resources = [
        _ASRL_INSTR,
        _GPIB_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
    ]
    py_name = ""
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_IO_PROT(EnumAttribute[IOProtocol]):
    """IO protocol to use.

    In VXI, you can choose normal word serial or fast data channel (FDC). In GPIB, you can choose
    normal or high-speed (HS-488) transfers. In serial, TCPIP, or USB RAW, you can choose normal
    transfers or 488.2-defined strings. In USB INSTR, you can choose normal or vendor-specific
    transfers.

    """

    resources = [
        _GPIB_INTFC,
        _GPIB_INSTR,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = "io_protocol"
    visa_type = "ViUInt16"
    default = IOProtocol.normal
    read = write = local = True


class AttrVI_ATTR_DMA_ALLOW_EN(BooleanAttribute):
    """Should I/O accesses use DMA (True) or Programmed I/O (False).

    In some implementations, this attribute may have global effects even though it is documented to
    be a local attribute. Since this affects performance and not functionality, that behavior is
    acceptable.

    """

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PXI_INSTR,
        _ASRL_INSTR,
        _PRLGX_TCPIP_INTFC,
        _PRLGX_ASRL_INTFC,
        _TCPIP_INSTR,
        _TCPIP_SOCKET,
        _VICP_INSTR,
        _USB_INSTR,
        _USB_RAW,
        _VXI_INSTR,
        _VXI_MEMACC,
        _VXI_SERVANT,
    ]
    py_name = "allow_dma"
    visa_type = "ViBoolean"
    default = NotAvailable
    read = write = local = True


class AttrVI_ATTR_FILE_APPEND_EN(BooleanAttribute):
    """Should viReadToFile() append data to the file instead of overwriting it."""

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_RD_BUF_OPER_MODE(RangeAttribute):
    """Operational mode of the formatted I/O read buffer.

    VI_FLUSH_DISABLE (the default) empties the buffer only when viFlush() is called;
    VI_FLUSH_ON_ACCESS also empties it at the end of each viScanf() (or related) call.

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViUInt16"
    default = 3
    read = write = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_RD_BUF_SIZE(RangeAttribute):
    """Current size of the formatted I/O input buffer for this session.

    The user can modify this value by calling viSetBuf().

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViUInt32"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_WR_BUF_OPER_MODE(RangeAttribute):
    """Operational mode of the formatted I/O write buffer.

    VI_FLUSH_WHEN_FULL (the default) sends the buffer when it is full or holds an END indicator;
    VI_FLUSH_ON_ACCESS also sends it at the end of each viPrintf() (or related) call.

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViUInt16"
    default = 2
    read = write = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_WR_BUF_SIZE(RangeAttribute):
    """Current size of the formatted I/O output buffer for this session.

    The user can modify this value by calling viSetBuf().

    """

    resources = list(_MESSAGE_BASED)
    py_name = ""
    visa_type = "ViUInt32"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_TRIG_ID(EnumAttribute[TriggerID]):
    """Identifier for the current triggering mechanism."""

    resources = [
        _GPIB_INSTR,
        _GPIB_INTFC,
        _PXI_INSTR,
        _PXI_BACKPLANE,
        _ASRL_INSTR,
        _TCPIP_INSTR,
        _VXI_BACKPLANE,
        _VXI_INSTR,
        _VXI_SERVANT,
    ]
    py_name = ""
    visa_type = "ViInt16"
    default = -1
    read = write = local = True


class AttrVI_ATTR_ASRL_ALLOW_TRANSMIT(BooleanAttribute):
    """Manually control transmission.

    False pauses the transmission as an XOFF character would; True resumes it as an XON would.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "allow_transmit"
    visa_type = "ViBoolean"
    default = True
    read = write = True


class AttrVI_ATTR_ASRL_AVAIL_NUM(RangeAttribute):
    """Number of bytes available in the low- level I/O receive buffer."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "bytes_in_buffer"
    visa_type = "ViUInt32"
    default = 0
    read = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_ASRL_BAUD(RangeAttribute):
    """Baud rate of the interface.

    Any 32-bit value is accepted here; the hardware usually supports only the standard rates (300,
    1200, 2400, 9600... baud).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "baud_rate"
    visa_type = "ViUInt32"
    default = 9600
    read = write = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_ASRL_BREAK_LEN(RangeAttribute):
    """Duration (in milliseconds) of the break signal.

    This length applies to the break sent at the end of writes when VI_ATTR_ASRL_END_OUT is
    constants.SerialTermination.termination_break; VI_ATTR_ASRL_BREAK_STATE controls a break by
    hand.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "break_length"
    visa_type = "ViInt16"
    default = 250
    read = write = local = True
    min_value, max_value = -32768, 0x7FFF


class AttrVI_ATTR_ASRL_BREAK_STATE(EnumAttribute[LineState]):
    """Manually control the assertion state of the break signal.

    Setting it to constants.LineState.asserted holds the line in the break state (no characters are
    sent) until it is set back to constants.LineState.unasserted.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "break_state"
    visa_type = "ViInt16"
    default = LineState.unasserted
    read = write = True


class AttrVI_ATTR_ASRL_CONNECTED(BooleanAttribute):
    """Whether the port is properly connected to another port or device.

    NI-VISA extension, available with the National Instruments serial drivers that support it.

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_ASRL_CTS_STATE(EnumAttribute[LineState]):
    """Current state of the Clear To Send (CTS) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_ASRL_DATA_BITS(RangeAttribute):
    """Number of data bits contained in each frame (from 5 to 8).

    The bits of a frame occupy the low-order bits of each byte in memory.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "data_bits"
    visa_type = "ViUInt16"
    default = 8
    read = write = True
    min_value, max_value = 5, 8


class AttrVI_ATTR_ASRL_DCD_STATE(EnumAttribute[LineState]):
    """Current state of the Data Carrier Detect (DCD) input signal.

    Modems assert it when they detect a carrier (it is also called RLSD). It can only be set when
    the port works as a DCE (see VI_ATTR_ASRL_WIRE_MODE).

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_ASRL_DISCARD_NULL(BooleanAttribute):
    """If set to True, NUL characters are discarded.

    Otherwise they are kept as data; binary transfers need False.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "discard_null"
    visa_type = "ViBoolean"
    default = False
    read = write = True


class AttrVI_ATTR_ASRL_DSR_STATE(EnumAttribute[LineState]):
    """Current state of the Data Set Ready (DSR) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_ASRL_DTR_STATE(EnumAttribute[LineState]):
    """Current state of the Data Terminal Ready (DTR) input signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_ASRL_END_IN(EnumAttribute[SerialTermination]):
    """Method used to terminate read operations."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "end_input"
    visa_type = "ViUInt16"
    default = SerialTermination.termination_char
    read = write = local = True


class AttrVI_ATTR_ASRL_END_OUT(EnumAttribute[SerialTermination]):
    """Method used to terminate write operations."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "end_output"
    visa_type = "ViUInt16"
    default = SerialTermination.none
    read = write = local = True


class AttrVI_ATTR_ASRL_FLOW_CNTRL(FlagAttribute[ControlFlow]):
    """Indicates the type of flow control used by the transfer mechanism."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "flow_control"
    visa_type = "ViUInt16"
    default = ControlFlow.none
    read = write = True


class AttrVI_ATTR_ASRL_PARITY(EnumAttribute[Parity]):
    """Parity used with every frame transmitted and received."""

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "parity"
    visa_type = "ViUInt16"
    default = Parity.none
    read = write = True


class AttrVI_ATTR_ASRL_REPLACE_CHAR(CharAttribute):
    """Character to be used to replace incoming characters that arrive with errors.

    This refers for example to characters received with a parity error.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "replace_char"
    visa_type = "ViUInt8"
    default = 0
    read = write = local = True


class AttrVI_ATTR_ASRL_RI_STATE(EnumAttribute[LineState]):
    """Current state of the Ring Indicator (RI) input signal.

    Modems assert it when the telephone line rings. It can only be set when the port works as a DCE
    (see VI_ATTR_ASRL_WIRE_MODE).

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_ASRL_RTS_STATE(EnumAttribute[LineState]):
    """Manually assert or unassert the Request To Send (RTS) output signal."""

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_ASRL_STOP_BITS(EnumAttribute[StopBits]):
    """Number of stop bits used to indicate the end of a frame.

    Values are in tenths of a bit: constants.StopBits.one_and_a_half (15) means 1.5 stop bits.

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "stop_bits"
    visa_type = "ViUInt16"
    default = StopBits.one
    read = write = True


class AttrVI_ATTR_ASRL_WIRE_MODE(EnumAttribute[WireMode]):
    """Current wire/transceiver mode.

    NI-VISA extension: the RS-485 modes and the RS-232 DCE / automatic modes need National
    Instruments drivers and hardware; elsewhere RS-232 DTE is the only mode.

    """

    resources = [_ASRL_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_ASRL_XOFF_CHAR(CharAttribute):
    """XOFF character used for XON/XOFF flow control (both directions).

    Only used when the flow control includes XON/XOFF (software handshaking).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "xoff_char"
    visa_type = "ViUInt8"
    default = 19
    read = write = local = True


class AttrVI_ATTR_ASRL_XON_CHAR(CharAttribute):
    """XON character used for XON/XOFF flow control (both directions).

    Only used when the flow control includes XON/XOFF (software handshaking).

    """

    resources = [_ASRL_INSTR, _PRLGX_ASRL_INTFC]
    py_name = "xon_char"
    visa_type = "ViUInt8"
    default = 17
    read = write = local = True


class AttrVI_ATTR_GPIB_PRIMARY_ADDR(RangeAttribute):
    """Primary address of the GPIB device used by the given session."""

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "primary_address"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = write = True
    min_value, max_value = 0, 30


class AttrVI_ATTR_GPIB_SECONDARY_ADDR(RangeAttribute):
    """Secondary address of the GPIB device used by the given session.

    VI_NO_SEC_ADDR (65535) means that the device has no secondary address.

    """

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "secondary_address"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = write = True
    min_value, max_value, values = 0, 30, [65535]


class AttrVI_ATTR_GPIB_READDR_EN(BooleanAttribute):
    """Whether to use repeat addressing before each read or write operation."""

    resources = [_GPIB_INSTR]
    py_name = "enable_repeat_addressing"
    visa_type = "ViBoolean"
    default = True
    read = write = local = True


class AttrVI_ATTR_GPIB_UNADDR_EN(BooleanAttribute):
    """Whether to unaddress the device (UNT and UNL) after each read or write operation."""

    resources = [_GPIB_INSTR]
    py_name = "enable_unaddressing"
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_GPIB_REN_STATE(EnumAttribute[LineState]):
    """Current state of the GPIB REN (Remote ENable) interface line."""

    resources = [_GPIB_INSTR, _GPIB_INTFC]
    py_name = "remote_enabled"
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_ATN_STATE(EnumAttribute[LineState]):
    """Current state of the GPIB ATN (ATtentioN) interface line."""

    resources = [_GPIB_INTFC]
    py_name = "atn_state"
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_ADDR_STATE(EnumAttribute[AddressState]):
    """Is the GPIB interface currently addressed to talk or listen, or is not addressed."""

    resources = [_GPIB_INTFC]
    py_name = "address_state"
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_CIC_STATE(BooleanAttribute):
    """Is the specified GPIB interface currently CIC (Controller In Charge)."""

    resources = [_GPIB_INTFC]
    py_name = "is_controller_in_charge"
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_NDAC_STATE(EnumAttribute[LineState]):
    """Current state of the GPIB NDAC (Not Data ACcepted) interface line."""

    resources = [_GPIB_INTFC]
    py_name = "ndac_state"
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_SRQ_STATE(EnumAttribute[LineState]):
    """Current state of the GPIB SRQ (Service ReQuest) interface line."""

    resources = [_GPIB_INTFC]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_GPIB_SYS_CNTRL_STATE(BooleanAttribute):
    """Is the specified GPIB interface currently the system controller.

    Some implementations only let a configuration utility change it.

    """

    resources = [_GPIB_INTFC]
    py_name = "is_system_controller"
    visa_type = "ViBoolean"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_GPIB_HS488_CBL_LEN(RangeAttribute):
    """Total number of meters of GPIB cable used in the specified GPIB interface.

    VI_GPIB_HS488_DISABLED (0) turns HS-488 off; VI_GPIB_HS488_NIMPL (-1) means that the interface
    does not support HS-488.

    """

    resources = [_GPIB_INTFC]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = True
    min_value, max_value, values = 1, 15, [0, -1]


class AttrVI_ATTR_DEV_STATUS_BYTE(CharAttribute):
    """488-style status byte of the local controller or device for this session."""

    resources = [_GPIB_INTFC, _VXI_SERVANT]
    py_name = ""
    visa_type = "ViUInt8"
    default = NotAvailable
    read = write = True


class AttrVI_ATTR_FDC_CHNL(RangeAttribute):
    """Which Fast Data Channel (FDC) to use to transfer the buffer."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value = 0, 7


class AttrVI_ATTR_FDC_MODE(RangeAttribute):
    """Which Fast Data Channel (FDC) mode to use (either normal or stream mode)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = 1
    read = write = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_FDC_GEN_SIGNAL_EN(BooleanAttribute):
    """Fast Data Channel (FDC) signal enable.

    The documented resource classes do not list this attribute, so it is not associated with any
    session type here.

    """

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = write = local = True


class AttrVI_ATTR_FDC_USE_PAIR(BooleanAttribute):
    """Should a channel pair be used for transferring data with Fast Data Channel (FDC)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_DEST_ACCESS_PRIV(RangeAttribute):
    """Address modifier used by the high-level writes (viOutXX(), viMoveOutXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_SRC_ACCESS_PRIV(EnumAttribute[AddressModifiers]):
    """Address modifier used by the high-level reads (viInXX(), viMoveInXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True


class AttrVI_ATTR_WIN_ACCESS_PRIV(EnumAttribute[AddressModifiers]):
    """Address modifier used for the mapped window (viMapAddress(), viPeekXX(), viPokeXX()).

    It can only be changed while no window is mapped.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True


class AttrVI_ATTR_DEST_BYTE_ORDER(EnumAttribute[ByteOrder]):
    """Byte order used by the high-level writes (viOutXX(), viMoveOutXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True


class AttrVI_ATTR_SRC_BYTE_ORDER(EnumAttribute[ByteOrder]):
    """Byte order used by the high-level reads (viInXX(), viMoveInXX())."""

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True


class AttrVI_ATTR_WIN_BYTE_ORDER(EnumAttribute[ByteOrder]):
    """Byte order used for the mapped window (viMapAddress(), viPeekXX(), viPokeXX()).

    It can only be changed while no window is mapped.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = local = True


class AttrVI_ATTR_SRC_INCREMENT(RangeAttribute):
    """Number of elements by which to increment the source offset after a transfer.

    With 1 (the default) viMoveInXX() reads consecutive elements; with 0 it reads the same element
    again and again, as from a FIFO register.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = "source_increment"
    visa_type = "ViInt32"
    default = 1
    read = write = local = True
    min_value, max_value = 0, 1


class AttrVI_ATTR_DEST_INCREMENT(RangeAttribute):
    """Number of elements by which to increment the destination offset after a transfer.

    With 1 (the default) viMoveOutXX() writes consecutive elements; with 0 it writes the same
    element again and again, as into a FIFO register.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = "destination_increment"
    visa_type = "ViInt32"
    default = 1
    read = write = local = True
    min_value, max_value = 0, 1


class AttrVI_ATTR_WIN_ACCESS(RangeAttribute):
    """Modes in which the current window may be accessed.

    VI_NMAPPED: no window is mapped; VI_USE_OPERS: use viPeekXX() and viPokeXX(); VI_DEREF_ADDR: the
    address may also be dereferenced directly.

    """

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = "ViUInt16"
    default = 1
    read = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_WIN_BASE_ADDR(RangeAttribute):
    """Base address of the interface bus to which this window is mapped."""

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_WIN_SIZE(RangeAttribute):
    """Size of the region mapped to this window."""

    resources = [_PXI_INSTR, _PXI_MEMACC, _VXI_INSTR, _VXI_MEMACC]
    py_name = ""
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_CMDR_LA(RangeAttribute):
    """Unique logical address of the commander of the VXI device used by the given session."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_VXI_DEV_CLASS(EnumAttribute[VXIClass]):
    """VXI-defined device class to which the resource belongs.

    One of VI_VXI_CLASS_MEMORY, VI_VXI_CLASS_EXTENDED, VI_VXI_CLASS_MESSAGE, VI_VXI_CLASS_REGISTER
    and VI_VXI_CLASS_OTHER.

    """

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_MAINFRAME_LA(RangeAttribute):
    """Lowest logical address in the mainframe.

    VI_UNKNOWN_LA (-1) means that it is unknown.

    """

    resources = [_VXI_INSTR, _VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_MANF_NAME(Attribute[str]):
    """Manufacturer name."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "manufacturer_name"
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_MODEL_NAME(Attribute[str]):
    """Model name of the device."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "model_name"
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_MANF_ID(RangeAttribute):
    """Manufacturer identification number of the device."""

    resources = [_PXI_INSTR, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "manufacturer_id"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_MODEL_CODE(RangeAttribute):
    """Model code for the device."""

    resources = [_PXI_INSTR, _USB_INSTR, _USB_RAW, _VXI_INSTR]
    py_name = "model_code"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_VXI_VME_INTR_STATUS(RangeAttribute):
    """VXI/VME interrupt status.

    Bits 0 to 6 are set while the interrupt levels 1 to 7 are asserted.

    """

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_VXI_TRIG_STATUS(RangeAttribute):
    """VXI trigger lines status.

    Bits 0 to 9 are set while the lines VI_TRIG_TTL0 to VI_TRIG_ECL1 are asserted.

    """

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViUInt32"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_VXI_VME_SYSFAIL_STATE(EnumAttribute[LineState]):
    """Current state of the VXI/VME SYSFAIL (SYStem FAILure) backplane line."""

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True


class AttrVI_ATTR_MEM_BASE(RangeAttribute):
    """Base address of the device in VXIbus memory address space (A24 or A32 space)."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_MEM_SIZE(RangeAttribute):
    """Size of memory requested by the device in VXIbus address space."""

    resources = [_VXI_INSTR, _VXI_SERVANT]
    py_name = ""
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_MEM_SPACE(EnumAttribute[AddressSpace]):
    """VXIbus address space used by the device."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = 1
    read = True


class AttrVI_ATTR_VXI_LA(RangeAttribute):
    """Logical address of the VXI or VME device used by the given session.

    VME devices get pseudo-addresses from 256 to 511.

    """

    resources = [_VXI_INSTR, _VXI_MEMACC, _VXI_SERVANT]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 511


class AttrVI_ATTR_SLOT(RangeAttribute):
    """Physical slot location of the device.

    VI_UNKNOWN_SLOT (-1) means that it is unknown.

    """

    resources = [_PXI_INSTR, _VXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 1, 18, [-1]


class AttrVI_ATTR_IMMEDIATE_SERV(BooleanAttribute):
    """Is the device an immediate servant of the controller running VISA."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_4882_COMPLIANT(BooleanAttribute):
    """Whether the device is 488.2 compliant."""

    resources = [_USB_INSTR, _VXI_INSTR]
    py_name = "is_4882_compliant"
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_VXI_TRIG_SUPPORT(RangeAttribute):
    """VXI trigger lines this implementation supports.

    Bits 0 to 9 stand for VI_TRIG_TTL0 to VI_TRIG_ECL1.

    """

    resources = [_VXI_INSTR, _VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViUInt32"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_VXI_TRIG_LINES_EN(RangeAttribute):
    """VXI trigger lines enabled (bit vector, NI-VISA extension)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_VXI_TRIG_DIR(RangeAttribute):
    """Direction of the VXI trigger lines (bit vector, NI-VISA extension)."""

    resources = [_VXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = write = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_INTF_PARENT_NUM(RangeAttribute):
    """Board number of the GPIB board to which the GPIB-VXI is attached."""

    resources = [_VXI_BACKPLANE]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_PXI_DEV_NUM(RangeAttribute):
    """PXI device number."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 31


class AttrVI_ATTR_PXI_FUNC_NUM(RangeAttribute):
    """PCI function number of the PXI/PCI resource.

    It is 0 except for the other functions of a multifunction device (up to 7).

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = 0
    read = True
    min_value, max_value = 0, 7


class AttrVI_ATTR_PXI_BUS_NUM(RangeAttribute):
    """PCI bus number of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 255


class AttrVI_ATTR_PXI_CHASSIS(RangeAttribute):
    """PXI chassis number of this device.

    A value of -1 means the chassis number is unknown.

    """

    resources = [_PXI_INSTR, _PXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 0, 255, [-1]


class AttrVI_ATTR_PXI_SLOTPATH(Attribute[str]):
    """Slot path of this device.

    It lists the PCI device and function numbers of the module and of every bridge between it and
    the host.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_PXI_SLOT_LBUS_LEFT(RangeAttribute):
    """Slot number or special feature connected to the local bus left lines of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = (
        1,
        18,
        [-1, 0, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1413, 2000],
    )


class AttrVI_ATTR_PXI_SLOT_LBUS_RIGHT(RangeAttribute):
    """Slot number or special feature connected to the local bus right lines of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = (
        1,
        18,
        [-1, 0, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1413, 2000],
    )


class AttrVI_ATTR_PXI_TRIG_BUS(RangeAttribute):
    """Trigger bus number of this device."""

    resources = [_PXI_INSTR, _PXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_STAR_TRIG_BUS(RangeAttribute):
    """Star trigger bus number of this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_STAR_TRIG_LINE(RangeAttribute):
    """PXI_STAR line connected to this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0x7FFF


class AttrVI_ATTR_PXI_SRC_TRIG_BUS(RangeAttribute):
    """Segment to use to qualify trigSrc in viMapTrigger."""

    resources = [_PXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = -1
    read = write = local = True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_DEST_TRIG_BUS(RangeAttribute):
    """Segment to use to qualify trigDest in viMapTrigger."""

    resources = [_PXI_BACKPLANE]
    py_name = ""
    visa_type = "ViInt16"
    default = -1
    read = write = local = True
    min_value, max_value, values = 1, 3, [-1]


class AttrVI_ATTR_PXI_IS_EXPRESS(BooleanAttribute):
    """Whether the device is PXI/PCI or PXI/PCI Express."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_PXI_SLOT_LWIDTH(ValuesAttribute):
    """PCI Express link width of the PXI Express peripheral slot in which the device resides.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    values = [-1, 1, 4, 8]


class AttrVI_ATTR_PXI_MAX_LWIDTH(ValuesAttribute):
    """Maximum PCI Express link width of the device.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    values = [-1, 1, 2, 4, 8, 16]


class AttrVI_ATTR_PXI_ACTUAL_LWIDTH(ValuesAttribute):
    """PCI Express link width negotiated between the host controller and the device.

    A value of -1 indicates that the device is not a PXI/PCI Express device.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    values = [-1, 1, 2, 4, 8, 16]


class AttrVI_ATTR_PXI_DSTAR_BUS(RangeAttribute):
    """Differential star trigger bus number of this device.

    A value of -1 means the chassis is unidentified or does not have a timing slot.

    """

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = -32768, 0x7FFF


class AttrVI_ATTR_PXI_DSTAR_SET(RangeAttribute):
    """Set of PXI_DSTAR lines connected to this device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value, values = 0, 16, [-1]


class AttrVI_ATTR_USB_SERIAL_NUM(Attribute[str]):
    """USB serial number of this device."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "serial_number"
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_USB_INTFC_NUM(RangeAttribute):
    """USB interface number used by the given session."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "interface_number"
    visa_type = "ViInt16"
    default = 0
    read = True
    min_value, max_value = 0, 254


class AttrVI_ATTR_USB_PROTOCOL(RangeAttribute):
    """USB protocol used by this USB interface."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "usb_protocol"
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 255


class AttrVI_ATTR_USB_MAX_INTR_SIZE(RangeAttribute):
    """Largest amount of data kept from one USB interrupt; the rest is lost."""

    resources = [_USB_INSTR, _USB_RAW]
    py_name = "maximum_interrupt_size"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_USB_BULK_OUT_PIPE(RangeAttribute):
    """Endpoint address of the USB bulk-out pipe used by the given session.

    viWrite and related operations use it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value, values = 1, 15, [-1]


class AttrVI_ATTR_USB_BULK_IN_PIPE(RangeAttribute):
    """Endpoint address of the USB bulk-in pipe used by the given session.

    viRead and related operations use it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value, values = 129, 143, [-1]


class AttrVI_ATTR_USB_INTR_IN_PIPE(RangeAttribute):
    """Endpoint address of the USB interrupt-in pipe used by the given session.

    USB interrupt events come from it; -1 means that the interface has no such pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value, values = 129, 143, [-1]


class AttrVI_ATTR_USB_CLASS(RangeAttribute):
    """USB class used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 255


class AttrVI_ATTR_USB_SUBCLASS(RangeAttribute):
    """USB subclass used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 255


class AttrVI_ATTR_USB_ALT_SETTING(RangeAttribute):
    """USB alternate setting used by this USB interface."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = 0
    read = write = True
    min_value, max_value = 0, 255


class AttrVI_ATTR_USB_END_IN(EnumAttribute[USBEndInput]):
    """Method used to terminate read operations."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViUInt16"
    default = 5
    read = write = local = True


class AttrVI_ATTR_USB_NUM_INTFCS(RangeAttribute):
    """Number of interfaces supported by this USB device."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 1, 255


class AttrVI_ATTR_USB_NUM_PIPES(RangeAttribute):
    """Number of pipes supported by this USB interface.

    This does not include the default control pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 30


class AttrVI_ATTR_USB_BULK_OUT_STATUS(RangeAttribute):
    """State (stalled or ready) of the bulk-out pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value = -32768, 0x7FFF


class AttrVI_ATTR_USB_BULK_IN_STATUS(RangeAttribute):
    """State (stalled or ready) of the bulk-in pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value = -32768, 0x7FFF


class AttrVI_ATTR_USB_INTR_IN_STATUS(RangeAttribute):
    """State (stalled or ready) of the interrupt-in pipe; only VI_USB_PIPE_READY can be set."""

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = NotAvailable
    read = write = local = True
    min_value, max_value = -32768, 0x7FFF


class AttrVI_ATTR_USB_CTRL_PIPE(RangeAttribute):
    """Endpoint address of the USB control pipe used by the given session.

    viUsbControlIn and viUsbControlOut use it; 0 is the default control pipe.

    """

    resources = [_USB_RAW]
    py_name = ""
    visa_type = "ViInt16"
    default = 0
    read = write = local = True
    min_value, max_value = 0, 15


class AttrVI_ATTR_TCPIP_ADDR(Attribute[str]):
    """TCPIP address of the device to which the session is connected (dotted notation)."""

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_INSTR, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_TCPIP_HOSTNAME(Attribute[str]):
    """Host name of the device.

    Empty when no host name is known.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_INSTR, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_TCPIP_PORT(RangeAttribute):
    """Port number for a given TCPIP address."""

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_TCPIP_DEVICE_NAME(Attribute[str]):
    """LAN device name used by the VXI-11 or LXI protocol during connection."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_type = "ViString"
    default = NotAvailable
    read = True


class AttrVI_ATTR_TCPIP_NODELAY(BooleanAttribute):
    """Whether Nagle's algorithm is disabled on the connection.

    Nagle's algorithm delays small packets to group them; VISA disables it by default so that writes
    are sent at once.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = True
    read = write = local = True


class AttrVI_ATTR_TCPIP_KEEPALIVE(BooleanAttribute):
    """Whether the TCP/IP connection sends keep-alive packets.

    Once the system notices that the connection is gone, I/O on the session fails with a lost
    connection error; how long that takes depends on the system.

    """

    resources = [_PRLGX_TCPIP_INTFC, _TCPIP_SOCKET, _VICP_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = False
    read = write = local = True


class AttrVI_ATTR_TCPIP_HISLIP_OVERLAP_EN(BooleanAttribute):
    """Whether the HiSLIP connection uses the overlapped mode.

    The initial value is the mode the instrument proposes. Changing it makes VISA clear the device.

    """

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = write = local = True


class AttrVI_ATTR_TCPIP_HISLIP_VERSION(RangeAttribute):
    """HiSLIP protocol version of the connection (0x00100000 for HiSLIP 1.0)."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_type = "ViVersion"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB(RangeAttribute):
    """Largest HiSLIP message, in kilobytes, that VISA accepts from the instrument (1024 by
    default).

    """

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_type = "ViUInt32"
    default = 1024
    read = write = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_TCPIP_IS_HISLIP(BooleanAttribute):
    """Whether this session uses the HiSLIP protocol."""

    resources = [_TCPIP_INSTR]
    py_name = ""
    visa_type = "ViBoolean"
    default = NotAvailable
    read = True


class AttrVI_ATTR_STATUS(EnumAttribute[StatusCode]):
    """Status code of the operation generating this event."""

    resources = [EventType.exception, EventType.io_completion]
    py_name = "status"
    visa_type = "ViStatus"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_JOB_ID(Attribute[Any]):
    """Job ID of the asynchronous operation that has completed."""

    resources = [EventType.io_completion]
    py_name = "job_id"
    visa_type = "ViJobId"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_BUFFER(Attribute[Any]):
    """Address of the buffer used in an asynchronous operation."""

    resources = [EventType.io_completion]
    py_name = "buffer"
    visa_type = "ViBuf"
    default = NotAvailable
    read = local = True

    @overload
    def __get__(self, instance: None, owner: type) -> Self: ...

    @overload
    def __get__(self, instance: Any, owner: type | None = None) -> Any: ...

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        """Buffer of the job of the event, as kept by the library that started the job.

        When the library does not know the job, the raw value of VI_ATTR_BUFFER is returned.
        """
        if instance is None:
            return self
        get_buffer = getattr(getattr(instance, "visalib", None), "get_buffer_from_id", None)
        if get_buffer is not None:
            buffer = get_buffer(instance.job_id)
            if buffer is not None:
                return buffer
        return instance.get_visa_attribute(self.attribute_id)


class AttrVI_ATTR_RET_COUNT(RangeAttribute):
    """Actual number of elements that were asynchronously transferred."""

    resources = [EventType.io_completion]
    py_name = "return_count"
    visa_type = _UINT_ADDRESS_TYPE
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class AttrVI_ATTR_OPER_NAME(Attribute[str]):
    """Name of the operation generating this event."""

    resources = [EventType.io_completion, EventType.exception]
    py_name = "operation_name"
    visa_type = "ViString"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_RECV_TRIG_ID(EnumAttribute[TriggerEventID]):
    """Identifier of the triggering mechanism on which the specified trigger event was received."""

    resources = [EventType.trig]
    py_name = "received_trigger_id"
    visa_type = "ViInt16"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_SIGP_STATUS_ID(RangeAttribute):
    """16-bit Status/ID value retrieved during the IACK cycle or from the Signal register."""

    resources = [EventType.vxi_signal_interrupt]
    py_name = "signal_register_status_id"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_INTR_STATUS_ID(RangeAttribute):
    """32-bit status/ID retrieved during the IACK cycle."""

    resources = [EventType.vxi_vme_interrupt]
    py_name = "status_id"
    visa_type = "ViUInt32"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFFFFFF


class AttrVI_ATTR_RECV_INTR_LEVEL(RangeAttribute):
    """VXI interrupt level on which the interrupt was received."""

    resources = [EventType.vxi_vme_interrupt]
    py_name = "level"
    visa_type = "ViInt16"
    default = NotAvailable
    read = local = True
    min_value, max_value, values = 1, 7, [-1]


class AttrVI_ATTR_GPIB_RECV_CIC_STATE(BooleanAttribute):
    """Whether the event refers to the acquisition or the loss of the CIC state."""

    resources = [EventType.gpib_controller_in_charge]
    py_name = "cic_state"
    visa_type = "ViBoolean"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_RECV_TCPIP_ADDR(Attribute[str]):
    """Address of the device from which the session received a connection."""

    resources = [EventType.tcpip_connect]
    py_name = "tcpip_connect"
    visa_type = "ViString"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_USB_RECV_INTR_SIZE(RangeAttribute):
    """Size of the data that was received from the USB interrupt-IN pipe."""

    resources = [EventType.usb_interrupt]
    py_name = "size"
    visa_type = "ViUInt16"
    default = NotAvailable
    read = local = True
    min_value, max_value = 0, 0xFFFF


class AttrVI_ATTR_USB_RECV_INTR_DATA(Attribute[Any]):
    """Actual data that was received from the USB interrupt-IN pipe."""

    resources = [EventType.pxi_interrupt]
    py_name = "data"
    visa_type = "ViBuf"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_PXI_RECV_INTR_SEQ(Attribute[Any]):
    """Index of the interrupt sequence that detected the interrupt condition."""

    resources = [EventType.pxi_interrupt]
    py_name = "sequence"
    visa_type = "ViInt16"
    default = NotAvailable
    read = local = True


class AttrVI_ATTR_PXI_RECV_INTR_DATA(Attribute[Any]):
    """First PXI/PCI register that was read in the successful interrupt detection sequence."""

    resources = [EventType.pxi_interrupt]
    py_name = "data"
    visa_type = "ViUInt32"
    default = NotAvailable
    read = local = True


class _AttrVI_ATTR_PXI_MEM_BASE_BARX(RangeAttribute):
    """Memory base address assigned to a BAR space of the device."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = _BUS_ADDRESS_TYPE
    default = NotAvailable
    read = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class _AttrVI_ATTR_PXI_MEM_SIZE_BARX(RangeAttribute):
    """Memory size used by the device in a BAR space."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = _BUS_SIZE_TYPE
    default = NotAvailable
    read = True
    min_value, max_value = 0, _MAX_BUS_VALUE


class _AttrVI_ATTR_PXI_MEM_TYPE_BARX(EnumAttribute[PXIMemory]):
    """Memory type (none, memory or I/O) used by the device in a BAR space."""

    resources = [_PXI_INSTR]
    py_name = ""
    visa_type = "ViUInt16"
    default = NotAvailable
    read = True


def _bar_attribute(base: type[Attribute[Any]], kind: str, bar: int, doc: str) -> None:
    """Define AttrVI_ATTR_PXI_MEM_<kind>_BAR<bar> as a subclass of ``base`` in this module."""
    name = f"AttrVI_ATTR_PXI_MEM_{kind}_BAR{bar}"
    namespace = {
        "__doc__": doc,
        "__module__": __name__,
        "__qualname__": name,
    }
    setattr(mod, name, type(name, (base,), namespace))


mod = sys.modules[__name__]
for i in range(6):
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_TYPE_BARX,
        "TYPE",
        i,
        f"Memory type (none, memory or I/O) used by the device in the BAR{i} space.",
    )
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_BASE_BARX,
        "BASE",
        i,
        f"Memory base address assigned to the BAR{i} space of the device.",
    )
    _bar_attribute(
        _AttrVI_ATTR_PXI_MEM_SIZE_BARX,
        "SIZE",
        i,
        f"Memory size used by the device in the BAR{i} space.",
    )

if TYPE_CHECKING:
    AttrVI_ATTR_PXI_MEM_TYPE_BAR0 = AttrVI_ATTR_PXI_MEM_TYPE_BAR1 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_TYPE_BAR2 = AttrVI_ATTR_PXI_MEM_TYPE_BAR3 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_TYPE_BAR4 = AttrVI_ATTR_PXI_MEM_TYPE_BAR5 = _AttrVI_ATTR_PXI_MEM_TYPE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR0 = AttrVI_ATTR_PXI_MEM_BASE_BAR1 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR2 = AttrVI_ATTR_PXI_MEM_BASE_BAR3 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_BASE_BAR4 = AttrVI_ATTR_PXI_MEM_BASE_BAR5 = _AttrVI_ATTR_PXI_MEM_BASE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR0 = AttrVI_ATTR_PXI_MEM_SIZE_BAR1 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR2 = AttrVI_ATTR_PXI_MEM_SIZE_BAR3 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
    AttrVI_ATTR_PXI_MEM_SIZE_BAR4 = AttrVI_ATTR_PXI_MEM_SIZE_BAR5 = _AttrVI_ATTR_PXI_MEM_SIZE_BARX
