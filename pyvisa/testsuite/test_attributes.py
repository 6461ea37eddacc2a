"""Tests of pyvisa.attributes: the registries, the metadata and the descriptors of every kind.

The expected facts come from the backend contract (the 60 attributes pyvisa-sim and pyvisa-py
rely on), the ``visa_attributes_classes`` listings (as in PyVISA 1.16.2) and the VISA 5.8
constants.
"""

import enum
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyvisa import attributes, constants, errors
from pyvisa.attributes import (
    AllSessionTypes,
    Attribute,
    AttributesByID,
    AttributesByName,
    AttributesPerResource,
    BooleanAttribute,
    CharAttribute,
    EnumAttribute,
    FlagAttribute,
    NotAvailable,
    RangeAttribute,
    ValuesAttribute,
)
from pyvisa.constants import EventType, InterfaceType

CONTRACT_TABLE = [
    ("VI_ATTR_ASRL_ALLOW_TRANSMIT", "RW", "True", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_AVAIL_NUM", "R-", "0", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_BAUD", "RW", "9600", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_BREAK_LEN", "RW", "250", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_BREAK_STATE", "RW", "LineState.unasserted", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_CONNECTED", "R-", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_CTS_STATE", "R-", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_DATA_BITS", "RW", "8", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_DCD_STATE", "RW", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_DISCARD_NULL", "RW", "False", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_DSR_STATE", "R-", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_DTR_STATE", "RW", "n/a", "asrl/INSTR"),
    (
        "VI_ATTR_ASRL_END_IN",
        "RW",
        "SerialTermination.termination_char",
        "asrl/INSTR prlgx_asrl/INTFC",
    ),
    ("VI_ATTR_ASRL_END_OUT", "RW", "SerialTermination.none", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_FLOW_CNTRL", "RW", "ControlFlow.none", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_PARITY", "RW", "Parity.none", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_RI_STATE", "RW", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_RTS_STATE", "RW", "n/a", "asrl/INSTR"),
    ("VI_ATTR_ASRL_STOP_BITS", "RW", "StopBits.one", "asrl/INSTR prlgx_asrl/INTFC"),
    ("VI_ATTR_ASRL_XOFF_CHAR", "RW", "19", "asrl/INSTR prlgx_asrl/INTFC"),
    (
        "VI_ATTR_DMA_ALLOW_EN",
        "RW",
        "n/a",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC pxi/INSTR tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/MEMACC vxi/SERVANT",
    ),
    (
        "VI_ATTR_FILE_APPEND_EN",
        "RW",
        "False",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    ("VI_ATTR_GPIB_ATN_STATE", "R-", "n/a", "gpib/INTFC"),
    ("VI_ATTR_GPIB_CIC_STATE", "R-", "n/a", "gpib/INTFC"),
    ("VI_ATTR_GPIB_NDAC_STATE", "R-", "n/a", "gpib/INTFC"),
    ("VI_ATTR_GPIB_PRIMARY_ADDR", "RW", "n/a", "gpib/INSTR gpib/INTFC"),
    ("VI_ATTR_GPIB_READDR_EN", "RW", "True", "gpib/INSTR"),
    ("VI_ATTR_GPIB_REN_STATE", "R-", "n/a", "gpib/INSTR gpib/INTFC"),
    ("VI_ATTR_GPIB_SECONDARY_ADDR", "RW", "n/a", "gpib/INSTR gpib/INTFC"),
    ("VI_ATTR_GPIB_SRQ_STATE", "R-", "n/a", "gpib/INTFC"),
    ("VI_ATTR_GPIB_UNADDR_EN", "RW", "False", "gpib/INSTR"),
    ("VI_ATTR_INTF_INST_NAME", "R-", "n/a", "ALL"),
    ("VI_ATTR_INTF_NUM", "R-", "0", "ALL"),
    ("VI_ATTR_INTF_TYPE", "R-", "n/a", "ALL"),
    (
        "VI_ATTR_IO_PROT",
        "RW",
        "IOProtocol.normal",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    ("VI_ATTR_MANF_ID", "R-", "n/a", "pxi/INSTR usb/INSTR usb/RAW vxi/INSTR"),
    ("VI_ATTR_MODEL_CODE", "R-", "n/a", "pxi/INSTR usb/INSTR usb/RAW vxi/INSTR"),
    (
        "VI_ATTR_RD_BUF_OPER_MODE",
        "RW",
        "3",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    ("VI_ATTR_RM_SESSION", "R-", "n/a", "ALL"),
    ("VI_ATTR_RSRC_CLASS", "R-", "n/a", "ALL"),
    ("VI_ATTR_RSRC_LOCK_STATE", "R-", "AccessModes.no_lock", "ALL"),
    ("VI_ATTR_RSRC_NAME", "R-", "n/a", "ALL"),
    (
        "VI_ATTR_SEND_END_EN",
        "RW",
        "True",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    (
        "VI_ATTR_SUPPRESS_END_EN",
        "RW",
        "False",
        "asrl/INSTR gpib/INSTR prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR",
    ),
    ("VI_ATTR_TCPIP_ADDR", "R-", "n/a", "prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET vicp/INSTR"),
    ("VI_ATTR_TCPIP_DEVICE_NAME", "R-", "n/a", "tcpip/INSTR"),
    ("VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB", "RW", "1024", "tcpip/INSTR"),
    ("VI_ATTR_TCPIP_HISLIP_OVERLAP_EN", "RW", "n/a", "tcpip/INSTR"),
    ("VI_ATTR_TCPIP_HISLIP_VERSION", "R-", "n/a", "tcpip/INSTR"),
    (
        "VI_ATTR_TCPIP_HOSTNAME",
        "R-",
        "n/a",
        "prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET vicp/INSTR",
    ),
    ("VI_ATTR_TCPIP_IS_HISLIP", "R-", "n/a", "tcpip/INSTR"),
    ("VI_ATTR_TCPIP_KEEPALIVE", "RW", "False", "prlgx_tcpip/INTFC tcpip/SOCKET vicp/INSTR"),
    ("VI_ATTR_TCPIP_NODELAY", "RW", "True", "prlgx_tcpip/INTFC tcpip/SOCKET vicp/INSTR"),
    ("VI_ATTR_TCPIP_PORT", "R-", "n/a", "prlgx_tcpip/INTFC tcpip/SOCKET vicp/INSTR"),
    (
        "VI_ATTR_TERMCHAR",
        "RW",
        "10",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    (
        "VI_ATTR_TERMCHAR_EN",
        "RW",
        "False",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
    ("VI_ATTR_TMO_VALUE", "RW", "2000", "ALL"),
    ("VI_ATTR_USB_INTFC_NUM", "R-", "0", "usb/INSTR usb/RAW"),
    ("VI_ATTR_USB_SERIAL_NUM", "R-", "n/a", "usb/INSTR usb/RAW"),
    (
        "VI_ATTR_WR_BUF_OPER_MODE",
        "RW",
        "2",
        "asrl/INSTR gpib/INSTR gpib/INTFC prlgx_asrl/INTFC prlgx_tcpip/INTFC tcpip/INSTR tcpip/SOCKET usb/INSTR usb/RAW vicp/INSTR vxi/INSTR vxi/SERVANT",
    ),
]

RESOURCE_BASE = """
    INTF_INST_NAME INTF_NUM INTF_TYPE MAX_QUEUE_LENGTH RSRC_CLASS RSRC_IMPL_VERSION
    RSRC_LOCK_STATE RSRC_MANF_ID RSRC_MANF_NAME RSRC_NAME RSRC_SPEC_VERSION TMO_VALUE
    USER_DATA
"""

DOCUMENTED_SETS = {
    "asrl/INSTR": """
        ASRL_ALLOW_TRANSMIT ASRL_AVAIL_NUM ASRL_BAUD ASRL_BREAK_LEN ASRL_BREAK_STATE
        ASRL_CONNECTED ASRL_CTS_STATE ASRL_DATA_BITS ASRL_DCD_STATE ASRL_DISCARD_NULL
        ASRL_DSR_STATE ASRL_DTR_STATE ASRL_END_IN ASRL_END_OUT ASRL_FLOW_CNTRL
        ASRL_PARITY ASRL_REPLACE_CHAR ASRL_RI_STATE ASRL_RTS_STATE ASRL_STOP_BITS
        ASRL_WIRE_MODE ASRL_XOFF_CHAR ASRL_XON_CHAR DMA_ALLOW_EN FILE_APPEND_EN IO_PROT
        RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN SUPPRESS_END_EN TERMCHAR TERMCHAR_EN
        TRIG_ID WR_BUF_OPER_MODE WR_BUF_SIZE
    """,
    "tcpip/INSTR": """
        DMA_ALLOW_EN FILE_APPEND_EN IO_PROT RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN
        SUPPRESS_END_EN TCPIP_ADDR TCPIP_DEVICE_NAME TCPIP_HISLIP_MAX_MESSAGE_KB
        TCPIP_HISLIP_OVERLAP_EN TCPIP_HISLIP_VERSION TCPIP_HOSTNAME TCPIP_IS_HISLIP
        TERMCHAR TERMCHAR_EN TRIG_ID WR_BUF_OPER_MODE WR_BUF_SIZE
    """,
    "tcpip/SOCKET": """
        DMA_ALLOW_EN FILE_APPEND_EN IO_PROT RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN
        SUPPRESS_END_EN TCPIP_ADDR TCPIP_HOSTNAME TCPIP_KEEPALIVE TCPIP_NODELAY
        TCPIP_PORT TERMCHAR TERMCHAR_EN WR_BUF_OPER_MODE WR_BUF_SIZE
    """,
    "usb/INSTR": """
        4882_COMPLIANT DMA_ALLOW_EN FILE_APPEND_EN IO_PROT MANF_ID MANF_NAME MODEL_CODE
        MODEL_NAME RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN SUPPRESS_END_EN TERMCHAR
        TERMCHAR_EN USB_INTFC_NUM USB_MAX_INTR_SIZE USB_PROTOCOL USB_SERIAL_NUM
        WR_BUF_OPER_MODE WR_BUF_SIZE
    """,
    "usb/RAW": """
        DMA_ALLOW_EN FILE_APPEND_EN IO_PROT MANF_ID MANF_NAME MODEL_CODE MODEL_NAME
        RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN SUPPRESS_END_EN TERMCHAR TERMCHAR_EN
        USB_ALT_SETTING USB_BULK_IN_PIPE USB_BULK_IN_STATUS USB_BULK_OUT_PIPE
        USB_BULK_OUT_STATUS USB_CLASS USB_CTRL_PIPE USB_END_IN USB_INTFC_NUM
        USB_INTR_IN_PIPE USB_INTR_IN_STATUS USB_MAX_INTR_SIZE USB_NUM_INTFCS
        USB_NUM_PIPES USB_PROTOCOL USB_SERIAL_NUM USB_SUBCLASS WR_BUF_OPER_MODE
        WR_BUF_SIZE
    """,
    "gpib/INSTR": """
        DMA_ALLOW_EN FILE_APPEND_EN GPIB_PRIMARY_ADDR GPIB_READDR_EN GPIB_REN_STATE
        GPIB_SECONDARY_ADDR GPIB_UNADDR_EN IO_PROT RD_BUF_OPER_MODE RD_BUF_SIZE
        SEND_END_EN SUPPRESS_END_EN TERMCHAR TERMCHAR_EN TRIG_ID WR_BUF_OPER_MODE
        WR_BUF_SIZE
    """,
    "gpib/INTFC": """
        DEV_STATUS_BYTE DMA_ALLOW_EN FILE_APPEND_EN GPIB_ADDR_STATE GPIB_ATN_STATE
        GPIB_CIC_STATE GPIB_HS488_CBL_LEN GPIB_NDAC_STATE GPIB_PRIMARY_ADDR
        GPIB_REN_STATE GPIB_SECONDARY_ADDR GPIB_SRQ_STATE GPIB_SYS_CNTRL_STATE IO_PROT
        RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN TERMCHAR TERMCHAR_EN TRIG_ID
        WR_BUF_OPER_MODE WR_BUF_SIZE
    """,
    "firewire/INSTR": """

    """,
    "pxi/INSTR": """
        DEST_INCREMENT DMA_ALLOW_EN MANF_ID MANF_NAME MODEL_CODE MODEL_NAME
        PXI_ACTUAL_LWIDTH PXI_BUS_NUM PXI_CHASSIS PXI_DEV_NUM PXI_DSTAR_BUS
        PXI_DSTAR_SET PXI_FUNC_NUM PXI_IS_EXPRESS PXI_MAX_LWIDTH PXI_MEM_BASE_BAR0
        PXI_MEM_BASE_BAR1 PXI_MEM_BASE_BAR2 PXI_MEM_BASE_BAR3 PXI_MEM_BASE_BAR4
        PXI_MEM_BASE_BAR5 PXI_MEM_SIZE_BAR0 PXI_MEM_SIZE_BAR1 PXI_MEM_SIZE_BAR2
        PXI_MEM_SIZE_BAR3 PXI_MEM_SIZE_BAR4 PXI_MEM_SIZE_BAR5 PXI_MEM_TYPE_BAR0
        PXI_MEM_TYPE_BAR1 PXI_MEM_TYPE_BAR2 PXI_MEM_TYPE_BAR3 PXI_MEM_TYPE_BAR4
        PXI_MEM_TYPE_BAR5 PXI_SLOTPATH PXI_SLOT_LBUS_LEFT
        PXI_SLOT_LBUS_RIGHT PXI_SLOT_LWIDTH PXI_STAR_TRIG_BUS PXI_STAR_TRIG_LINE
        PXI_TRIG_BUS SLOT SRC_INCREMENT TRIG_ID WIN_ACCESS WIN_BASE_ADDR WIN_SIZE
    """,
    "pxi/MEMACC": """
        DEST_INCREMENT SRC_INCREMENT WIN_ACCESS WIN_BASE_ADDR WIN_SIZE
    """,
    "vxi/INSTR": """
        4882_COMPLIANT CMDR_LA DEST_ACCESS_PRIV DEST_BYTE_ORDER DEST_INCREMENT
        DMA_ALLOW_EN FDC_CHNL FDC_GEN_SIGNAL_EN FDC_MODE FDC_USE_PAIR FILE_APPEND_EN IMMEDIATE_SERV
        IO_PROT MAINFRAME_LA MANF_ID MANF_NAME MEM_BASE MEM_SIZE MEM_SPACE MODEL_CODE
        MODEL_NAME RD_BUF_OPER_MODE RD_BUF_SIZE SEND_END_EN SLOT SRC_ACCESS_PRIV
        SRC_BYTE_ORDER SRC_INCREMENT SUPPRESS_END_EN TERMCHAR TERMCHAR_EN TRIG_ID
        VXI_DEV_CLASS VXI_LA VXI_TRIG_DIR VXI_TRIG_LINES_EN VXI_TRIG_SUPPORT WIN_ACCESS
        WIN_ACCESS_PRIV WIN_BASE_ADDR WIN_BYTE_ORDER WIN_SIZE WR_BUF_OPER_MODE
        WR_BUF_SIZE
    """,
    "vxi/MEMACC": """
        DEST_ACCESS_PRIV DEST_BYTE_ORDER DEST_INCREMENT DMA_ALLOW_EN SRC_ACCESS_PRIV
        SRC_BYTE_ORDER SRC_INCREMENT VXI_LA WIN_ACCESS WIN_ACCESS_PRIV WIN_BASE_ADDR
        WIN_BYTE_ORDER WIN_SIZE
    """,
    "vxi/BACKPLANE": """
        INTF_PARENT_NUM MAINFRAME_LA TRIG_ID VXI_TRIG_STATUS VXI_TRIG_SUPPORT VXI_VME_INTR_STATUS
        VXI_VME_SYSFAIL_STATE
    """,
}

VISA_58_ATTRIBUTES = """
    4882_COMPLIANT ASRL_AVAIL_NUM ASRL_BAUD ASRL_CTS_STATE ASRL_DATA_BITS ASRL_DCD_STATE
    ASRL_DSR_STATE ASRL_DTR_STATE ASRL_END_IN ASRL_END_OUT ASRL_FLOW_CNTRL ASRL_PARITY
    ASRL_REPLACE_CHAR ASRL_RI_STATE ASRL_RTS_STATE ASRL_STOP_BITS ASRL_XOFF_CHAR
    ASRL_XON_CHAR BUFFER CMDR_LA DEST_ACCESS_PRIV DEST_BYTE_ORDER DEST_INCREMENT
    DEV_STATUS_BYTE DMA_ALLOW_EN FDC_CHNL FDC_GEN_SIGNAL_EN FDC_MODE FDC_USE_PAIR
    FILE_APPEND_EN GPIB_ADDR_STATE GPIB_ATN_STATE GPIB_CIC_STATE GPIB_HS488_CBL_LEN
    GPIB_NDAC_STATE GPIB_PRIMARY_ADDR GPIB_READDR_EN GPIB_RECV_CIC_STATE GPIB_REN_STATE
    GPIB_SECONDARY_ADDR GPIB_SRQ_STATE GPIB_SYS_CNTRL_STATE GPIB_UNADDR_EN IMMEDIATE_SERV
    INTF_INST_NAME INTF_NUM INTF_PARENT_NUM INTF_TYPE INTR_STATUS_ID IO_PROT JOB_ID
    MAINFRAME_LA MANF_ID MANF_NAME MAX_QUEUE_LENGTH MEM_BASE MEM_SIZE MEM_SPACE MODEL_CODE
    MODEL_NAME OPER_NAME PXI_ACTUAL_LWIDTH PXI_BUS_NUM PXI_CHASSIS
    PXI_DEST_TRIG_BUS PXI_DEV_NUM PXI_DSTAR_BUS PXI_DSTAR_SET PXI_FUNC_NUM PXI_IS_EXPRESS
    PXI_MAX_LWIDTH PXI_MEM_BASE_BAR0 PXI_MEM_BASE_BAR1 PXI_MEM_BASE_BAR2 PXI_MEM_BASE_BAR3
    PXI_MEM_BASE_BAR4 PXI_MEM_BASE_BAR5 PXI_MEM_SIZE_BAR0 PXI_MEM_SIZE_BAR1
    PXI_MEM_SIZE_BAR2 PXI_MEM_SIZE_BAR3 PXI_MEM_SIZE_BAR4 PXI_MEM_SIZE_BAR5
    PXI_MEM_TYPE_BAR0 PXI_MEM_TYPE_BAR1 PXI_MEM_TYPE_BAR2 PXI_MEM_TYPE_BAR3
    PXI_MEM_TYPE_BAR4 PXI_MEM_TYPE_BAR5 PXI_RECV_INTR_DATA PXI_RECV_INTR_SEQ PXI_SLOTPATH
    PXI_SLOT_LBUS_LEFT PXI_SLOT_LBUS_RIGHT PXI_SLOT_LWIDTH PXI_SRC_TRIG_BUS
    PXI_STAR_TRIG_BUS PXI_STAR_TRIG_LINE PXI_TRIG_BUS RD_BUF_OPER_MODE RD_BUF_SIZE
    RECV_INTR_LEVEL RECV_TCPIP_ADDR RECV_TRIG_ID RET_COUNT RM_SESSION RSRC_CLASS
    RSRC_IMPL_VERSION RSRC_LOCK_STATE RSRC_MANF_ID RSRC_MANF_NAME RSRC_NAME
    RSRC_SPEC_VERSION SEND_END_EN SIGP_STATUS_ID SLOT SRC_ACCESS_PRIV SRC_BYTE_ORDER
    SRC_INCREMENT STATUS SUPPRESS_END_EN TCPIP_ADDR TCPIP_DEVICE_NAME
    TCPIP_HISLIP_MAX_MESSAGE_KB TCPIP_HISLIP_OVERLAP_EN TCPIP_HISLIP_VERSION TCPIP_HOSTNAME
    TCPIP_IS_HISLIP TCPIP_KEEPALIVE TCPIP_NODELAY TCPIP_PORT TERMCHAR TERMCHAR_EN TMO_VALUE
    TRIG_ID USB_INTFC_NUM USB_MAX_INTR_SIZE USB_PROTOCOL USB_RECV_INTR_DATA
    USB_RECV_INTR_SIZE USB_SERIAL_NUM USER_DATA VXI_DEV_CLASS VXI_LA VXI_TRIG_STATUS
    VXI_TRIG_SUPPORT VXI_VME_INTR_STATUS VXI_VME_SYSFAIL_STATE WIN_ACCESS WIN_ACCESS_PRIV
    WIN_BASE_ADDR WIN_BYTE_ORDER WIN_SIZE WR_BUF_OPER_MODE WR_BUF_SIZE
"""

#: Session types valid on every resource, as listed by the documentation for Resource, plus
#: VI_ATTR_RM_SESSION which the backend contract lists for all session types.
ALL_SESSION_ATTRIBUTES = set(RESOURCE_BASE.split()) | {"RM_SESSION"}

#: Attributes the package once defined although PyVISA 1.16.2 has no class for them.
REMOVED_ATTRIBUTES = """
    EVENT_TYPE PXI_ALLOW_WRITE_COMBINE TCPIP_SERVER_CERT_ISSUER_NAME
    TCPIP_SERVER_CERT_SUBJECT_NAME TCPIP_SERVER_CERT_EXPIRATION_DATE
    TCPIP_SERVER_CERT_IS_PERPETUAL TCPIP_SASL_MECHANISM TCPIP_TLS_CIPHER_SUITE
    TCPIP_HISLIP_ENCRYPTION_EN TCPIP_SERVER_CERT_SIZE SYNC_MXI_ALLOW_EN VXI_DEV_CMD_TYPE
    VXI_DEV_CMD_VALUE
"""

#: Vendor-extension attributes (visa-constants-post58.tsv) listed by the documentation.
DOCUMENTED_EXTENSIONS = """
    ASRL_ALLOW_TRANSMIT ASRL_BREAK_LEN ASRL_BREAK_STATE ASRL_CONNECTED ASRL_DISCARD_NULL
    ASRL_WIRE_MODE USB_ALT_SETTING USB_BULK_IN_PIPE USB_BULK_IN_STATUS USB_BULK_OUT_PIPE
    USB_BULK_OUT_STATUS USB_CLASS USB_CTRL_PIPE USB_END_IN USB_INTR_IN_PIPE USB_INTR_IN_STATUS
    USB_NUM_INTFCS USB_NUM_PIPES USB_SUBCLASS VXI_TRIG_DIR VXI_TRIG_LINES_EN
"""


def module_classes() -> dict[str, type[Attribute[Any]]]:
    """The attribute classes defined by pyvisa.attributes, by VISA name.

    Read from the module rather than from the registries, which a backend (pyvisa-py) may have
    updated with its own subclasses.
    """
    return {
        cls.visa_name: cls
        for name, cls in vars(attributes).items()
        if name.startswith("AttrVI_") and isinstance(cls, type)
    }


def session_type(text: str) -> tuple[InterfaceType, str]:
    interface, resource_class = text.split("/")
    return (InterfaceType[interface], resource_class)


def parse_default(text: str) -> Any:
    if text == "n/a":
        return NotAvailable
    if text in ("True", "False"):
        return text == "True"
    if "." in text:
        enum_name, member = text.split(".")
        return getattr(getattr(constants, enum_name), member)
    return int(text)


@pytest.fixture
def restore_registries():
    """Undo the registrations made by a test."""
    by_id = dict(AttributesByID)
    by_name = dict(AttributesByName)
    per_resource = {key: set(value) for key, value in AttributesPerResource.items()}
    yield
    AttributesByID.clear()
    AttributesByID.update(by_id)
    AttributesByName.clear()
    AttributesByName.update(by_name)
    AttributesPerResource.clear()
    AttributesPerResource.update(per_resource)


# --- Registry contents ----------------------------------------------------------------------


@pytest.mark.parametrize("visa_name, rw, default, resources", CONTRACT_TABLE)
def test_contract_attribute(visa_name, rw, default, resources):
    cls = module_classes()[visa_name]
    assert cls.attribute_id == getattr(constants, visa_name)
    assert cls.visa_name == visa_name
    if visa_name != "VI_ATTR_TCPIP_KEEPALIVE":
        assert AttributesByID[cls.attribute_id] is cls
        assert AttributesByID[constants.ResourceAttribute(cls.attribute_id)] is cls
    # Plain class-level booleans, not methods or properties.
    assert type(cls.read) is bool and type(cls.write) is bool
    assert (cls.read, cls.write) == (rw[0] == "R", rw[1] == "W")
    expected_default = parse_default(default)
    assert cls.default == expected_default
    assert type(cls.default) is type(expected_default)
    if resources == "ALL":
        assert cls.resources is AllSessionTypes
        assert cls.in_resource((InterfaceType.usb, "RAW"))
        assert cls.in_resource((InterfaceType.prlgx_tcpip, "INTFC"))
    else:
        expected = {session_type(item) for item in resources.split()}
        assert set(cls.resources) == expected
        for item in expected:
            assert cls.in_resource(item)
        assert not cls.in_resource((InterfaceType.firewire, "INSTR"))


def test_contract_defaults_backends_consume():
    # sim builds bytes([default]) from TERMCHAR and divides the timeout default by 1000.
    assert bytes([AttributesByID[constants.VI_ATTR_TERMCHAR].default]) == b"\n"
    assert AttributesByID[constants.VI_ATTR_TMO_VALUE].default / 1000 == 2.0


def test_every_visa_attribute_has_a_class():
    classes = module_classes()
    expected = set(VISA_58_ATTRIBUTES.split()) | set(DOCUMENTED_EXTENSIONS.split())
    assert {name[len("VI_ATTR_") :] for name in classes} == expected
    for visa_name, cls in classes.items():
        assert cls.__name__ == "Attr" + visa_name
        assert cls.attribute_id == getattr(constants, visa_name)
        assert AttributesByName[visa_name].attribute_id == cls.attribute_id
        assert AttributesByID[cls.attribute_id].visa_name == visa_name
        assert cls.visa_type.startswith("Vi"), visa_name
    for name in REMOVED_ATTRIBUTES.split():
        assert not hasattr(attributes, "AttrVI_ATTR_" + name)
        if hasattr(constants, "VI_ATTR_" + name):
            assert getattr(constants, "VI_ATTR_" + name) not in AttributesByID
        assert cls.read, visa_name


def test_ids_are_unique():
    classes = module_classes()
    assert len({cls.attribute_id for cls in classes.values()}) == len(classes)


def test_classes_match_constants_enums():
    # Resource attributes are members of ResourceAttribute, event attributes of EventAttribute.
    for cls in module_classes().values():
        if isinstance(cls.resources, list) and any(
            isinstance(item, EventType) for item in cls.resources
        ):
            assert constants.EventAttribute(cls.attribute_id).value == cls.attribute_id
        else:
            assert constants.ResourceAttribute(cls.attribute_id).value == cls.attribute_id


def test_platform_dependent_attributes():
    is_64bit = sys.maxsize > 2**32
    classes = module_classes()
    for name in ("VI_ATTR_USER_DATA", "VI_ATTR_RET_COUNT"):
        assert classes[name].visa_type == ("ViUInt64" if is_64bit else "ViUInt32")
    for name in ("VI_ATTR_WIN_BASE_ADDR", "VI_ATTR_MEM_BASE", "VI_ATTR_PXI_MEM_BASE_BAR0"):
        assert classes[name].visa_type == ("ViBusAddress64" if is_64bit else "ViBusAddress")
    for name in ("VI_ATTR_WIN_SIZE", "VI_ATTR_MEM_SIZE", "VI_ATTR_PXI_MEM_SIZE_BAR3"):
        assert classes[name].visa_type == ("ViBusSize64" if is_64bit else "ViBusSize")
    if is_64bit:
        assert classes["VI_ATTR_USER_DATA"].attribute_id == constants.VI_ATTR_USER_DATA_64
        assert classes["VI_ATTR_RET_COUNT"].attribute_id == constants.VI_ATTR_RET_COUNT_64
        assert classes["VI_ATTR_WIN_BASE_ADDR"].attribute_id == constants.VI_ATTR_WIN_BASE_ADDR_64
        assert classes["VI_ATTR_USER_DATA"].max_value == 2**64 - 1


def documented_set(key: str) -> set[str]:
    return set(DOCUMENTED_SETS[key].split()) | ALL_SESSION_ATTRIBUTES


@pytest.mark.parametrize("key", sorted(DOCUMENTED_SETS))
def test_documented_visa_attributes_classes(key):
    expected = documented_set(key)
    item = session_type(key)
    actual = {
        name[len("VI_ATTR_") :] for name, cls in module_classes().items() if cls.in_resource(item)
    }
    assert actual == expected


def test_per_resource_registry_matches_classes():
    classes = set(module_classes().values())
    keepalive = attributes.AttrVI_ATTR_TCPIP_KEEPALIVE
    assert {cls.visa_name for cls in AttributesPerResource[AllSessionTypes]} == {
        "VI_ATTR_" + name for name in ALL_SESSION_ATTRIBUTES
    }
    for key in DOCUMENTED_SETS:
        registered = (
            AttributesPerResource[session_type(key)] | AttributesPerResource[AllSessionTypes]
        )
        # pyvisa-py may have replaced the keepalive class; compare the others by identity.
        mine = {cls for cls in registered if cls in classes}
        assert {cls.visa_name for cls in mine} | (
            {keepalive.visa_name} if key == "tcpip/SOCKET" else set()
        ) == {"VI_ATTR_" + name for name in documented_set(key)}


def test_pyvisa_only_session_types():
    classes = module_classes()
    prologix_tcpip = (InterfaceType.prlgx_tcpip, "INTFC")
    prologix_asrl = (InterfaceType.prlgx_asrl, "INTFC")
    vicp = (InterfaceType.vicp, "INSTR")
    for name in ("VI_ATTR_TERMCHAR", "VI_ATTR_SEND_END_EN", "VI_ATTR_IO_PROT"):
        for item in (prologix_tcpip, prologix_asrl, vicp):
            assert classes[name].in_resource(item)
    assert classes["VI_ATTR_ASRL_BAUD"].in_resource(prologix_asrl)
    assert not classes["VI_ATTR_ASRL_BAUD"].in_resource(prologix_tcpip)
    assert classes["VI_ATTR_TCPIP_PORT"].in_resource(vicp)


def test_event_attributes():
    classes = module_classes()
    assert "VI_ATTR_EVENT_TYPE" not in classes
    assert classes["VI_ATTR_JOB_ID"].resources == [EventType.io_completion]
    assert classes["VI_ATTR_STATUS"].in_resource(EventType.exception)
    assert not classes["VI_ATTR_STATUS"].in_resource(EventType.usb_interrupt)
    # As in PyVISA 1.16.2, the USB interrupt data is listed for the PXI interrupt event.
    assert classes["VI_ATTR_USB_RECV_INTR_DATA"].resources == [EventType.pxi_interrupt]
    assert classes["VI_ATTR_GPIB_RECV_CIC_STATE"].py_name == "cic_state"
    for name in ("STATUS", "JOB_ID", "BUFFER", "RET_COUNT", "OPER_NAME", "RECV_TRIG_ID"):
        cls = classes["VI_ATTR_" + name]
        assert cls.read and not cls.write and cls.local
        assert cls in AttributesPerResource[cls.resources[0]]


def test_documented_python_names():
    classes = module_classes()
    expected = {
        "ASRL_BAUD": "baud_rate",
        "ASRL_DATA_BITS": "data_bits",
        "ASRL_PARITY": "parity",
        "ASRL_STOP_BITS": "stop_bits",
        "ASRL_END_IN": "end_input",
        "ASRL_END_OUT": "end_output",
        "ASRL_FLOW_CNTRL": "flow_control",
        "ASRL_AVAIL_NUM": "bytes_in_buffer",
        "ASRL_XON_CHAR": "xon_char",
        "DMA_ALLOW_EN": "allow_dma",
        "SEND_END_EN": "send_end",
        "IO_PROT": "io_protocol",
        "INTF_NUM": "interface_number",
        "USB_INTFC_NUM": "interface_number",
        "INTF_TYPE": "interface_type",
        "RSRC_NAME": "resource_name",
        "RSRC_CLASS": "resource_class",
        "RSRC_LOCK_STATE": "lock_state",
        "RSRC_SPEC_VERSION": "spec_version",
        "RSRC_IMPL_VERSION": "implementation_version",
        "RSRC_MANF_NAME": "resource_manufacturer_name",
        "GPIB_PRIMARY_ADDR": "primary_address",
        "GPIB_REN_STATE": "remote_enabled",
        "GPIB_CIC_STATE": "is_controller_in_charge",
        "4882_COMPLIANT": "is_4882_compliant",
        "SRC_INCREMENT": "source_increment",
        "TCPIP_KEEPALIVE": "",
        "TMO_VALUE": "timeout",
        "TERMCHAR": "",
    }
    for name, py_name in expected.items():
        assert classes["VI_ATTR_" + name].py_name == py_name, name


def test_documented_types_and_ranges():
    classes = module_classes()
    assert issubclass(classes["VI_ATTR_DMA_ALLOW_EN"], BooleanAttribute)
    assert issubclass(classes["VI_ATTR_ASRL_XOFF_CHAR"], CharAttribute)
    assert issubclass(classes["VI_ATTR_ASRL_FLOW_CNTRL"], FlagAttribute)
    assert classes["VI_ATTR_ASRL_FLOW_CNTRL"].enum_type is constants.ControlFlow
    assert classes["VI_ATTR_RSRC_LOCK_STATE"].enum_type is constants.AccessModes
    assert classes["VI_ATTR_IO_PROT"].enum_type is constants.IOProtocol
    assert classes["VI_ATTR_GPIB_REN_STATE"].enum_type is constants.LineState
    assert classes["VI_ATTR_INTF_TYPE"].enum_type is InterfaceType
    ranges = {
        "RSRC_IMPL_VERSION": (0, 4294967295, None),
        "INTF_NUM": (0, 65535, None),
        "TMO_VALUE": (0, 4294967295, None),
        "USB_INTFC_NUM": (0, 254, None),
        "MANF_ID": (0, 65535, None),
        "USB_MAX_INTR_SIZE": (0, 65535, None),
        "USB_PROTOCOL": (0, 255, None),
        "GPIB_PRIMARY_ADDR": (0, 30, None),
        "GPIB_SECONDARY_ADDR": (0, 30, [65535]),
        "SRC_INCREMENT": (0, 1, None),
        "DEST_INCREMENT": (0, 1, None),
        "ASRL_DATA_BITS": (5, 8, None),
    }
    for name, (low, high, special) in ranges.items():
        cls = classes["VI_ATTR_" + name]
        assert issubclass(cls, RangeAttribute), name
        assert (cls.min_value, cls.max_value, cls.values) == (low, high, special), name


def test_docstrings():
    doc = attributes.AttrVI_ATTR_RSRC_IMPL_VERSION.__doc__
    assert doc.startswith("Resource version that identifies the revisions")
    assert ":VISA Attribute: VI_ATTR_RSRC_IMPL_VERSION (1073676291)" in doc
    assert ":type: int" in doc
    assert ":range: 0 <= value <= 4294967295" in doc
    doc = attributes.AttrVI_ATTR_GPIB_SECONDARY_ADDR.__doc__
    assert ":range: 0 <= value <= 30 or in [65535]" in doc
    assert "gpib INSTR, gpib INTFC" in doc
    assert ":class:`pyvisa.constants.AccessModes`" in attributes.AttrVI_ATTR_RSRC_LOCK_STATE.__doc__
    assert "all session types" in attributes.AttrVI_ATTR_TMO_VALUE.__doc__
    assert ":access: read only, global" in attributes.AttrVI_ATTR_RSRC_NAME.__doc__
    # The descriptor instances on resource classes show the same documentation.
    assert attributes.AttrVI_ATTR_ASRL_BAUD().__doc__ == attributes.AttrVI_ATTR_ASRL_BAUD.__doc__


# --- Registration semantics -------------------------------------------------------------------


def test_subclass_overriding_resources_replaces_registration(restore_registries):
    original = attributes.AttrVI_ATTR_TCPIP_KEEPALIVE
    tcpip_instr = (InterfaceType.tcpip, "INSTR")

    class AttrVI_ATTR_TCPIP_KEEPALIVE(original):
        """Keep-alive also valid on INSTR sessions."""

        resources = [
            (InterfaceType.tcpip, "SOCKET"),
            (InterfaceType.tcpip, "INSTR"),
            (InterfaceType.vicp, "INSTR"),
        ]

    new = AttrVI_ATTR_TCPIP_KEEPALIVE
    assert AttributesByID[constants.VI_ATTR_TCPIP_KEEPALIVE] is new
    assert AttributesByName["VI_ATTR_TCPIP_KEEPALIVE"] is new
    assert new.in_resource(tcpip_instr) and not original.in_resource(tcpip_instr)
    assert new in AttributesPerResource[tcpip_instr]
    assert original not in AttributesPerResource[(InterfaceType.tcpip, "SOCKET")]
    assert new not in AttributesPerResource[(InterfaceType.prlgx_tcpip, "INTFC")]
    # Everything else is inherited.
    assert new.attribute_id == constants.VI_ATTR_TCPIP_KEEPALIVE
    assert (new.visa_name, new.read, new.write, new.default) == (
        "VI_ATTR_TCPIP_KEEPALIVE",
        True,
        True,
        False,
    )
    assert new.py_name == ""
    assert new.__doc__.startswith("Keep-alive also valid on INSTR sessions.")
    assert ":VISA Attribute: VI_ATTR_TCPIP_KEEPALIVE" in new.__doc__
    assert "tcpip INSTR" in new.__doc__


def test_subclass_without_docstring(restore_registries):
    class AttrVI_ATTR_TMO_VALUE(attributes.AttrVI_ATTR_TMO_VALUE):
        default = 5000

    assert AttributesByID[constants.VI_ATTR_TMO_VALUE] is AttrVI_ATTR_TMO_VALUE
    assert AttrVI_ATTR_TMO_VALUE.__doc__.startswith("Timeout in milliseconds")
    assert AttrVI_ATTR_TMO_VALUE.__doc__.count(":VISA Attribute:") == 1
    assert AttrVI_ATTR_TMO_VALUE in AttributesPerResource[AllSessionTypes]
    assert attributes.AttrVI_ATTR_TMO_VALUE not in AttributesPerResource[AllSessionTypes]


def test_intermediate_classes_are_not_registered(restore_registries):
    count = len(AttributesByID)

    class MyRange(RangeAttribute):
        min_value, max_value = 0, 10

    assert len(AttributesByID) == count
    assert MyRange.attribute_id == 0


def test_unknown_visa_name_is_rejected(restore_registries):
    with pytest.raises(TypeError, match="VI_ATTR_DOES_NOT_EXIST"):

        class AttrVI_ATTR_DOES_NOT_EXIST(BooleanAttribute):
            visa_name = "VI_ATTR_DOES_NOT_EXIST"


def test_visa_name_derived_from_class_name(restore_registries):
    class AttrVI_ATTR_SYNC_MXI_ALLOW_EN(BooleanAttribute):
        """MXI synchronisation."""

        read, write = True, True

    assert AttrVI_ATTR_SYNC_MXI_ALLOW_EN.visa_name == "VI_ATTR_SYNC_MXI_ALLOW_EN"
    assert AttributesByID[constants.VI_ATTR_SYNC_MXI_ALLOW_EN] is AttrVI_ATTR_SYNC_MXI_ALLOW_EN
    assert AttrVI_ATTR_SYNC_MXI_ALLOW_EN.resources == []


def test_enum_type_taken_from_the_type_argument(restore_registries):
    class AttrVI_ATTR_SYNC_MXI_ALLOW_EN(EnumAttribute[constants.LineState]):
        read = True

    assert AttrVI_ATTR_SYNC_MXI_ALLOW_EN.enum_type is constants.LineState
    assert ":type: :class:`pyvisa.constants.LineState`" in AttrVI_ATTR_SYNC_MXI_ALLOW_EN.__doc__

    class Narrower(AttrVI_ATTR_SYNC_MXI_ALLOW_EN):
        """No type argument: the enum of the base is kept."""

    assert Narrower.enum_type is constants.LineState

    class AttrVI_ATTR_TRIG_ID(EnumAttribute[constants.TriggerID]):
        enum_type = constants.TriggerEventID

    # A stated enum wins over the type argument.
    assert AttrVI_ATTR_TRIG_ID.enum_type is constants.TriggerEventID


def test_kinds_are_exported_under_pyvisa_attributes():
    from pyvisa import _attribute_kinds

    names = [
        "AllSessionTypes",
        "Attribute",
        "BooleanAttribute",
        "CharAttribute",
        "EnumAttribute",
        "FlagAttribute",
        "IntAttribute",
        "RangeAttribute",
        "ValuesAttribute",
    ]
    for name in names:
        kind = getattr(attributes, name)
        assert kind is getattr(_attribute_kinds, name)
        assert (kind.__module__, kind.__qualname__) == ("pyvisa.attributes", name)
    for name in ("NotAvailable", "AttributesByID", "AttributesByName", "AttributesPerResource"):
        assert getattr(attributes, name) is getattr(_attribute_kinds, name)


def test_missing_py_name():
    from pyvisa._attribute_kinds import missing_py_name

    required = [attributes.AttrVI_ATTR_STATUS, attributes.AttrVI_ATTR_OPER_NAME]
    assert missing_py_name(object, required) == "operation_name"
    assert missing_py_name(type("C", (), {"operation_name": 1}), required) == "status"
    assert missing_py_name(type("C", (), {"operation_name": 1, "status": 2}), required) is None
    assert missing_py_name(object, [attributes.AttrVI_ATTR_USER_DATA]) is None


def test_rejections_raise_pyvisa_errors(restore_registries):
    res = owner_with(attributes.AttrVI_ATTR_ASRL_BAUD, "baud_rate")
    with pytest.raises(errors.InvalidArgument, match="invalid value"):
        res.baud_rate = -1
    with pytest.raises(errors.UnknownAttribute, match="can't delete"):
        del res.baud_rate
    res = owner_with(attributes.AttrVI_ATTR_RSRC_NAME, "resource_name")
    with pytest.raises(errors.UnknownAttribute, match="read-only"):
        res.resource_name = "ASRL1::INSTR"
    with pytest.raises(errors.InvalidArgument, match="VI_ATTR_TMO_VALUE"):
        attributes.AttrVI_ATTR_TMO_VALUE().pre_set(float("nan"))
    with pytest.raises(errors.InvalidArgumentType, match="VI_ATTR_NOPE"):

        class AttrVI_ATTR_NOPE(BooleanAttribute):
            pass


def test_registration_with_optimized_docstrings():
    # With -OO every docstring is None: registration and redoc must still work, and so must
    # pyvisa-py's subclass when it is installed.
    code = (
        "import importlib.util, pyvisa.attributes as a, pyvisa.constants as c\n"
        "k = a.AttributesByID[c.VI_ATTR_TCPIP_KEEPALIVE]\n"
        "assert ':VISA Attribute: VI_ATTR_TCPIP_KEEPALIVE' in k.__doc__, k.__doc__\n"
        "if importlib.util.find_spec('pyvisa_py'):\n"
        "    import pyvisa_py\n"
        "    k = a.AttributesByID[c.VI_ATTR_TCPIP_KEEPALIVE]\n"
        "    assert k.__module__ == 'pyvisa_py.attributes'\n"
        "    assert k.in_resource((c.InterfaceType.tcpip, 'INSTR'))\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-OO", "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


# --- Descriptors ----------------------------------------------------------------------------


class FakeResource:
    """Stands for a resource: stores the raw attribute values by id."""

    def __init__(self) -> None:
        self.raw: dict[int, Any] = {}
        self.calls: list[tuple[str, int]] = []

    def get_visa_attribute(self, name: Any) -> Any:
        self.calls.append(("get", name))
        return self.raw[name]

    def set_visa_attribute(self, name: Any, state: Any) -> constants.StatusCode:
        self.calls.append(("set", name))
        self.raw[name] = state
        return constants.StatusCode.success


def owner_with(cls: type[Attribute[Any]], name: str = "value") -> FakeResource:
    """A fake resource instance whose class declares ``cls`` under ``name``."""
    owner_class = type("Owner", (FakeResource,), {name: cls()})
    return owner_class()


def test_descriptor_on_class_returns_itself():
    class Serial(FakeResource):
        baud_rate = attributes.AttrVI_ATTR_ASRL_BAUD()

    descriptor = Serial.baud_rate
    assert isinstance(descriptor, attributes.AttrVI_ATTR_ASRL_BAUD)
    assert descriptor.attribute_id == constants.VI_ATTR_ASRL_BAUD
    assert "baud_rate" in repr(descriptor)


def test_get_and_set_pass_through_the_instance():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_BAUD, "baud_rate")
    res.baud_rate = 115200
    assert res.raw == {constants.VI_ATTR_ASRL_BAUD: 115200}
    assert res.baud_rate == 115200
    assert res.calls == [("set", constants.VI_ATTR_ASRL_BAUD), ("get", constants.VI_ATTR_ASRL_BAUD)]


def test_range_attribute_errors():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_BAUD, "baud_rate")
    with pytest.raises(ValueError) as exc_info:
        res.baud_rate = -1
    assert str(exc_info.value) == (
        "-1 is an invalid value for attribute VI_ATTR_ASRL_BAUD, should be between 0 and 4294967295"
    )
    with pytest.raises(ValueError, match="^9600.0 is an invalid value for attribute"):
        res.baud_rate = 9600.0
    with pytest.raises(ValueError, match="^'9600' is an invalid value"):
        res.baud_rate = "9600"
    assert res.raw == {}
    res = owner_with(attributes.AttrVI_ATTR_GPIB_SECONDARY_ADDR, "secondary_address")
    res.secondary_address = constants.VI_NO_SEC_ADDR
    assert res.raw[constants.VI_ATTR_GPIB_SECONDARY_ADDR] == 65535
    with pytest.raises(ValueError) as exc_info:
        res.secondary_address = 31
    assert str(exc_info.value) == (
        "31 is an invalid value for attribute VI_ATTR_GPIB_SECONDARY_ADDR, "
        "should be between 0 and 30 or [65535]"
    )


@given(st.integers(min_value=-(2**70), max_value=2**70))
def test_range_attribute_bounds(number):
    for cls in (
        attributes.AttrVI_ATTR_ASRL_DATA_BITS,
        attributes.AttrVI_ATTR_GPIB_SECONDARY_ADDR,
        attributes.AttrVI_ATTR_USER_DATA,
        attributes.AttrVI_ATTR_ASRL_BREAK_LEN,
    ):
        descriptor = cls()
        valid = cls.min_value <= number <= cls.max_value or number in (cls.values or [])
        if valid:
            assert descriptor.pre_set(number) == number
        else:
            with pytest.raises(ValueError, match=f"^{number} is an invalid value for attribute "):
                descriptor.pre_set(number)


@given(st.integers(min_value=0, max_value=3))
def test_range_attribute_edges(offset):
    cls = attributes.AttrVI_ATTR_ASRL_DATA_BITS
    descriptor = cls()
    assert descriptor.pre_set(cls.min_value + offset) == cls.min_value + offset
    with pytest.raises(ValueError):
        descriptor.pre_set(cls.max_value + 1 + offset)
    with pytest.raises(ValueError):
        descriptor.pre_set(cls.min_value - 1 - offset)


def test_enum_attribute():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_PARITY, "parity")
    res.raw[constants.VI_ATTR_ASRL_PARITY] = 2
    assert res.parity is constants.Parity.even
    res.parity = constants.Parity.odd
    assert res.raw[constants.VI_ATTR_ASRL_PARITY] == 1
    res.parity = 4
    assert res.raw[constants.VI_ATTR_ASRL_PARITY] is constants.Parity.space
    with pytest.raises(ValueError) as exc_info:
        res.parity = 7
    assert str(exc_info.value) == (
        f"7 is an invalid value for attribute VI_ATTR_ASRL_PARITY, should be a {constants.Parity!r}"
    )
    with pytest.raises(ValueError, match="^'odd' is an invalid value"):
        res.parity = "odd"
    # A value the enum does not know (vendor specific) is returned as it is.
    res.raw[constants.VI_ATTR_ASRL_PARITY] = 99
    assert res.parity == 99


def test_flag_attribute():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_FLOW_CNTRL, "flow_control")
    res.raw[constants.VI_ATTR_ASRL_FLOW_CNTRL] = 3
    value = res.flow_control
    assert isinstance(value, constants.ControlFlow)
    assert value == constants.ControlFlow.xon_xoff | constants.ControlFlow.rts_cts
    res.flow_control = constants.ControlFlow.dtr_dsr | constants.ControlFlow.xon_xoff
    assert res.raw[constants.VI_ATTR_ASRL_FLOW_CNTRL] == 5
    res.flow_control = constants.ControlFlow.none
    assert res.raw[constants.VI_ATTR_ASRL_FLOW_CNTRL] == 0
    with pytest.raises(ValueError) as exc_info:
        res.flow_control = 8
    assert str(exc_info.value) == (
        "8 is an invalid value for attribute VI_ATTR_ASRL_FLOW_CNTRL, "
        f"should be a {constants.ControlFlow!r}"
    )
    with pytest.raises(ValueError, match="^-1 is an invalid value"):
        res.flow_control = -1


def test_boolean_attribute():
    res = owner_with(attributes.AttrVI_ATTR_SEND_END_EN, "send_end")
    res.send_end = True
    assert res.raw[constants.VI_ATTR_SEND_END_EN] == constants.VI_TRUE
    res.send_end = False
    assert res.raw[constants.VI_ATTR_SEND_END_EN] == constants.VI_FALSE
    assert res.send_end is False
    res.raw[constants.VI_ATTR_SEND_END_EN] = constants.VisaBoolean.true
    assert res.send_end is True
    res.send_end = 1
    assert res.raw[constants.VI_ATTR_SEND_END_EN] == 1
    with pytest.raises(
        ValueError,
        match=r"^'no' is an invalid value for attribute VI_ATTR_SEND_END_EN, should be a bool$",
    ):
        res.send_end = "no"
    with pytest.raises(ValueError, match="^2 is an invalid value"):
        res.send_end = 2


def test_char_attribute():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_XON_CHAR, "xon_char")
    res.raw[constants.VI_ATTR_ASRL_XON_CHAR] = 0x11
    assert res.xon_char == "\x11"
    res.xon_char = "A"
    assert res.raw[constants.VI_ATTR_ASRL_XON_CHAR] == 65
    res.xon_char = 13
    assert res.raw[constants.VI_ATTR_ASRL_XON_CHAR] == 13
    res.xon_char = b"\n"
    assert res.raw[constants.VI_ATTR_ASRL_XON_CHAR] == 10
    for bad in ("AB", "", "\u20ac", 256, -1, 1.0):
        with pytest.raises(ValueError, match="invalid value .*should be a single character"):
            res.xon_char = bad


def test_values_attribute():
    descriptor = attributes.AttrVI_ATTR_PXI_SLOT_LWIDTH()
    assert isinstance(descriptor, ValuesAttribute)
    assert descriptor.pre_set(4) == 4
    with pytest.raises(ValueError) as exc_info:
        descriptor.pre_set(2)
    assert str(exc_info.value) == (
        "2 is an invalid value for attribute VI_ATTR_PXI_SLOT_LWIDTH, should be in [-1, 1, 4, 8]"
    )


def test_plain_attribute():
    res = owner_with(attributes.AttrVI_ATTR_RSRC_NAME, "resource_name")
    res.raw[constants.VI_ATTR_RSRC_NAME] = "GPIB0::12::INSTR"
    assert res.resource_name == "GPIB0::12::INSTR"


def test_read_only_attribute_cannot_be_set():
    res = owner_with(attributes.AttrVI_ATTR_RSRC_NAME, "resource_name")
    with pytest.raises(AttributeError, match="can't set attribute 'resource_name'.*read-only"):
        res.resource_name = "ASRL1::INSTR"
    assert res.calls == []


def test_attribute_cannot_be_deleted():
    res = owner_with(attributes.AttrVI_ATTR_ASRL_BAUD, "baud_rate")
    with pytest.raises(AttributeError, match="can't delete attribute 'baud_rate'"):
        del res.baud_rate


def test_messages_name_the_visa_attribute():
    descriptor = attributes.AttrVI_ATTR_ASRL_DATA_BITS()
    with pytest.raises(ValueError) as exc_info:
        descriptor.pre_set(9)
    assert str(exc_info.value) == (
        "9 is an invalid value for attribute VI_ATTR_ASRL_DATA_BITS, should be between 5 and 8"
    )
    descriptor = attributes.AttrVI_ATTR_TERMCHAR()
    with pytest.raises(ValueError, match="^300 is an invalid value for attribute VI_ATTR_TERMCHAR"):
        descriptor.pre_set(300)


def valid_raw_values(cls: type[Attribute[Any]]) -> list[Any]:
    """Raw values the library could return for an attribute, one per special case."""
    if issubclass(cls, BooleanAttribute):
        return [0, 1]
    if issubclass(cls, CharAttribute):
        return [0, 10, 255]
    if issubclass(cls, RangeAttribute):
        return [cls.min_value, cls.max_value, *(cls.values or [])]
    if issubclass(cls, ValuesAttribute):
        return list(cls.values)
    if issubclass(cls, FlagAttribute):
        return [0, max(cls.enum_type)]
    if issubclass(cls, EnumAttribute):
        return [int(member) for member in cls.enum_type]
    return ["text", 1234]


def invalid_values(cls: type[Attribute[Any]]) -> list[Any]:
    if issubclass(cls, BooleanAttribute):
        return [2, "yes", None]
    if issubclass(cls, CharAttribute):
        return [256, "ab", None]
    if issubclass(cls, RangeAttribute):
        special = cls.values or []
        return [n for n in (cls.min_value - 1, cls.max_value + 1) if n not in special] + [
            "1",
            None,
        ]
    if issubclass(cls, ValuesAttribute):
        return [max(cls.values) + 1, None]
    if issubclass(cls, FlagAttribute):
        return [max(cls.enum_type) * 2, None]
    if issubclass(cls, EnumAttribute):
        return [max(cls.enum_type) + 1, "x", None]
    return []


def expected_python_value(cls: type[Attribute[Any]], raw: Any) -> Any:
    if issubclass(cls, BooleanAttribute):
        return bool(raw)
    if issubclass(cls, CharAttribute):
        return chr(raw)
    if cls is attributes.AttrVI_ATTR_TMO_VALUE and raw == constants.VI_TMO_INFINITE:
        return float("inf")
    if issubclass(cls, (EnumAttribute, FlagAttribute)):
        return cls.enum_type(raw)
    return raw


ALL_CLASSES = sorted(module_classes().values(), key=lambda cls: cls.visa_name)


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.visa_name)
def test_every_attribute_class_get_set(cls):
    res = owner_with(cls, "attr")
    for raw in valid_raw_values(cls):
        res.raw[cls.attribute_id] = raw
        value = res.attr
        assert value == expected_python_value(cls, raw)
        if isinstance(value, enum.Enum):
            assert type(value) is cls.enum_type
        if cls.write:
            res.raw.clear()
            res.attr = value
            assert res.raw[cls.attribute_id] == raw
            assert res.attr == value
        else:
            with pytest.raises(AttributeError, match="read-only"):
                res.attr = value
    if cls.write and cls is not attributes.AttrVI_ATTR_TMO_VALUE:
        for bad in invalid_values(cls):
            res.raw.clear()
            with pytest.raises(ValueError, match=f"^{re.escape(repr(bad))} is an invalid value "):
                res.attr = bad
            assert res.raw == {}


@pytest.mark.parametrize("cls", ALL_CLASSES, ids=lambda cls: cls.visa_name)
def test_every_attribute_class_metadata(cls):
    assert isinstance(cls.py_name, str) and isinstance(cls.visa_type, str)
    assert isinstance(cls.local, bool)
    if cls.default is not NotAvailable and cls.write:
        # A VISA default is a valid value for the attribute.
        cls().pre_set(cls.default)
    if issubclass(cls, RangeAttribute):
        assert cls.min_value <= cls.max_value
    if isinstance(cls.resources, list):
        assert len(set(cls.resources)) == len(cls.resources)
        for item in cls.resources:
            assert isinstance(item, (tuple, EventType))
            if isinstance(item, tuple):
                assert isinstance(item[0], InterfaceType) and isinstance(item[1], str)
