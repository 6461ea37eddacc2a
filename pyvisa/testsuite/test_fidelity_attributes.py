"""Facts AT-1, AT-2 of PyVISA 1.16.2 about pyvisa.attributes, its class-level values and
registries, and the changelog items about attributes."""

from __future__ import annotations

import enum
import math
import sys
from typing import Any

import pytest

from pyvisa import attributes, constants
from pyvisa.attributes import (
    Attribute,
    AttributesByID,
    AttributesPerResource,
    BooleanAttribute,
    CharAttribute,
    EnumAttribute,
    FlagAttribute,
    IntAttribute,
    RangeAttribute,
    ValuesAttribute,
)
from pyvisa.constants import EventType, InterfaceType


class Owner:
    def __init__(self, raw: Any = None) -> None:
        self.raw = raw
        self.sets: list[tuple[int, Any]] = []

    def get_visa_attribute(self, attribute_id: int) -> Any:
        return self.raw

    def set_visa_attribute(self, attribute_id: int, value: Any) -> None:
        self.sets.append((attribute_id, value))


def test_at1_int_attribute() -> None:
    assert IntAttribute.__bases__ == (Attribute,)
    assert RangeAttribute.__bases__ == (IntAttribute,)
    assert IntAttribute().post_get("1") == 1
    assert type(IntAttribute().post_get(constants.StatusCode.success)) is int

    class Holder(Owner):
        value = attributes.AttrVI_ATTR_ASRL_BAUD()

    assert Holder("9600").value == 9600


def test_at2_messages() -> None:
    rng = attributes.AttrVI_ATTR_ASRL_DATA_BITS()
    with pytest.raises(ValueError) as info:
        rng.pre_set(4)
    assert str(info.value) == (
        "4 is an invalid value for attribute VI_ATTR_ASRL_DATA_BITS, should be between 5 and 8"
    )
    assert " or " not in str(info.value)
    with pytest.raises(ValueError) as info:
        attributes.AttrVI_ATTR_GPIB_SECONDARY_ADDR().pre_set(40)
    assert str(info.value).endswith("should be between 0 and 30 or [65535]")
    with pytest.raises(ValueError) as info:
        attributes.AttrVI_ATTR_PXI_MAX_LWIDTH().pre_set(3)
    assert str(info.value) == (
        "3 is an invalid value for attribute VI_ATTR_PXI_MAX_LWIDTH, "
        "should be in [-1, 1, 2, 4, 8, 16]"
    )
    with pytest.raises(ValueError) as info:
        attributes.AttrVI_ATTR_ASRL_STOP_BITS().pre_set(3)
    assert str(info.value) == (
        "3 is an invalid value for attribute VI_ATTR_ASRL_STOP_BITS, "
        f"should be a {constants.StopBits!r}"
    )
    with pytest.raises(ValueError, match="invalid value"):
        attributes.AttrVI_ATTR_ASRL_FLOW_CNTRL().pre_set(64)


def test_base_class_values() -> None:
    for cls in (
        Attribute,
        BooleanAttribute,
        CharAttribute,
        EnumAttribute,
        FlagAttribute,
        IntAttribute,
        RangeAttribute,
        ValuesAttribute,
    ):
        assert cls.default == "N/A"
        assert cls.py_name == "To be specified"
        assert cls.visa_name == "To be specified"
        assert (cls.visa_type, cls.attribute_id, cls.resources) == ("", 0, [])
        assert (cls.read, cls.write, cls.local) == (False, False, False)
    assert RangeAttribute.values is None
    assert ValuesAttribute.values == []
    assert CharAttribute.py_type is str
    assert attributes.AttrVI_ATTR_TERMCHAR.py_type is str
    assert repr(attributes.NotAvailable) == "<NotAvailable>"
    assert attributes.AttrVI_ATTR_USB_CLASS.default is attributes.NotAvailable


def test_listed_class_values() -> None:
    a = attributes
    assert a.AttrVI_ATTR_TMO_VALUE.py_name == "timeout"
    assert a.AttrVI_ATTR_INTR_STATUS_ID.py_name == "status_id"
    assert a.AttrVI_ATTR_RECV_INTR_LEVEL.py_name == "level"
    assert a.AttrVI_ATTR_RECV_TCPIP_ADDR.py_name == "tcpip_connect"
    assert a.AttrVI_ATTR_PXI_RECV_INTR_SEQ.py_name == "sequence"
    assert a.AttrVI_ATTR_PXI_RECV_INTR_SEQ.__bases__ == (Attribute,)
    assert a.AttrVI_ATTR_RSRC_SPEC_VERSION.default == 3145728
    assert a.AttrVI_ATTR_RSRC_SPEC_VERSION.local is True
    assert a.AttrVI_ATTR_RM_SESSION.local is False
    assert a.AttrVI_ATTR_DEV_STATUS_BYTE.__bases__ == (CharAttribute,)
    assert a.AttrVI_ATTR_DEST_BYTE_ORDER.enum_type is constants.ByteOrder
    assert a.AttrVI_ATTR_VXI_DEV_CLASS.enum_type is constants.VXIClass
    assert a.AttrVI_ATTR_USB_END_IN.enum_type is constants.USBEndInput
    assert a.AttrVI_ATTR_RECV_TRIG_ID.enum_type is constants.TriggerEventID
    assert a.AttrVI_ATTR_WIN_ACCESS.__bases__ == (RangeAttribute,)
    assert (a.AttrVI_ATTR_WIN_ACCESS.min_value, a.AttrVI_ATTR_WIN_ACCESS.max_value) == (0, 65535)
    assert a.AttrVI_ATTR_PXI_TRIG_BUS.values == [-1]
    assert (a.AttrVI_ATTR_ASRL_BREAK_LEN.min_value, a.AttrVI_ATTR_ASRL_BREAK_LEN.max_value) == (
        -32768,
        32767,
    )
    assert a.AttrVI_ATTR_TRIG_ID.default == -1 and type(a.AttrVI_ATTR_TRIG_ID.default) is int
    assert a.AttrVI_ATTR_USB_RECV_INTR_DATA.visa_type == "ViBuf"
    assert a.AttrVI_ATTR_TRIG_ID.in_resource((InterfaceType.vxi, "SERVANT"))
    assert a.AttrVI_ATTR_FDC_GEN_SIGNAL_EN.in_resource((InterfaceType.vxi, "INSTR"))


def test_bar_attributes_and_loop_names() -> None:
    assert attributes.i == 5
    assert attributes.mod is sys.modules["pyvisa.attributes"]
    for n in range(6):
        for kind in ("BASE", "SIZE", "TYPE"):
            cls = getattr(attributes, f"AttrVI_ATTR_PXI_MEM_{kind}_BAR{n}")
            base = getattr(attributes, f"_AttrVI_ATTR_PXI_MEM_{kind}_BARX")
            assert cls.__bases__ == (base,)
            assert cls.__module__ == "pyvisa.attributes"
            assert cls.visa_name == f"VI_ATTR_PXI_MEM_{kind}_BAR{n}"
            assert AttributesByID[getattr(constants, cls.visa_name)] is cls
            assert cls in AttributesPerResource[(InterfaceType.pxi, "INSTR")]
            assert f"BAR{n}" in cls.__doc__
    assert attributes.AttrVI_ATTR_PXI_MEM_TYPE_BAR2.enum_type is constants.PXIMemory
    # The private bases are not registered.
    assert attributes._AttrVI_ATTR_PXI_MEM_BASE_BARX not in AttributesByID.values()


def test_alias_ids() -> None:
    win_size = attributes.AttrVI_ATTR_WIN_SIZE
    assert win_size.attribute_id == constants.VI_ATTR_WIN_SIZE
    assert AttributesByID[1073676442] is win_size
    assert AttributesByID[constants.VI_ATTR_WIN_SIZE] is win_size
    slotpath = attributes.AttrVI_ATTR_PXI_SLOTPATH
    assert AttributesByID[-1073806841] is slotpath
    assert AttributesByID[3221160455] is slotpath


def test_event_types_in_per_resource_registry() -> None:
    def names(key: Any) -> set[str]:
        return {cls.__name__[len("AttrVI_ATTR_") :] for cls in AttributesPerResource[key]}

    assert names(EventType.io_completion) == {
        "BUFFER",
        "JOB_ID",
        "OPER_NAME",
        "RET_COUNT",
        "STATUS",
    }
    assert names(EventType.exception) == {"OPER_NAME", "STATUS"}
    assert names(EventType.usb_interrupt) == {"USB_RECV_INTR_SIZE"}
    assert names(EventType.pxi_interrupt) == {
        "PXI_RECV_INTR_DATA",
        "PXI_RECV_INTR_SEQ",
        "USB_RECV_INTR_DATA",
    }
    assert names(EventType.trig) == {"RECV_TRIG_ID"}
    for event_type in (EventType.clear, EventType.service_request, EventType.gpib_talk):
        assert AttributesPerResource[event_type] == set()
    assert not any(cls.__name__ == "AttrVI_ATTR_EVENT_TYPE" for cls in AttributesByID.values())


def test_timeout_attribute() -> None:
    class Holder(Owner):
        timeout = attributes.AttrVI_ATTR_TMO_VALUE()

    res = Holder(constants.VI_TMO_INFINITE)
    assert res.timeout == math.inf
    res.raw = 2500
    assert res.timeout == 2500
    res.timeout = None
    res.timeout = float("+inf")
    res.timeout = 0.5
    res.timeout = 1500.7
    del res.timeout
    tmo = constants.VI_ATTR_TMO_VALUE
    assert res.sets == [
        (tmo, constants.VI_TMO_INFINITE),
        (tmo, constants.VI_TMO_INFINITE),
        (tmo, constants.VI_TMO_IMMEDIATE),
        (tmo, 1500),
        (tmo, constants.VI_TMO_INFINITE),
    ]
    with pytest.raises(ValueError, match="invalid value"):
        res.timeout = float("nan")


def test_changelog_items() -> None:
    # 1.12: FlagAttribute for the IntFlag ControlFlow.
    flow = attributes.AttrVI_ATTR_ASRL_FLOW_CNTRL
    assert flow.__bases__ == (FlagAttribute,)
    assert issubclass(flow.enum_type, enum.IntFlag)
    value = flow().pre_set(constants.ControlFlow.xon_xoff | constants.ControlFlow.dtr_dsr)
    assert value == 5
    # 1.13: INTF_PARENT_NUM and RM_SESSION exist.
    assert attributes.AttrVI_ATTR_INTF_PARENT_NUM.in_resource((InterfaceType.vxi, "BACKPLANE"))
    assert attributes.AttrVI_ATTR_RM_SESSION.resources is attributes.AllSessionTypes
    # 1.15: VICP and Prologix sessions are listed.
    assert attributes.AttrVI_ATTR_TCPIP_PORT.in_resource((InterfaceType.vicp, "INSTR"))
    assert attributes.AttrVI_ATTR_ASRL_REPLACE_CHAR.in_resource((InterfaceType.prlgx_asrl, "INTFC"))


def test_boolean_pre_set_returns_visa_boolean() -> None:
    value = attributes.AttrVI_ATTR_SEND_END_EN().pre_set(True)
    assert value is constants.VisaBoolean.true
