"""pyvisa.constants against PyVISA 1.16.2: enum names and kinds, new enums, changelog items."""

import enum
import sys

import pytest

from pyvisa import constants
from pyvisa.testsuite import _constants_helpers as spec

IS_64_BIT = sys.maxsize > 2**32

#: Names of PyVISA 1.16.2 the package once had under invented names: (enum, 1.16.2 name,
#: invented name). None of the invented names is in the 1.11.3 docs, so none stays as an alias.
RENAMED = [
    ("AddressModifiers", "d64_2vme", "d64_2evme"),
    ("EventAttribute", "signal_register_status_id", "signal_status_id"),
    ("EventAttribute", "received_tcpip_connect", "recv_tcpip_address"),
    *[("InputTriggerLine", f"slot{n}", f"star_slot{n}") for n in range(1, 13)],
    *[("OutputTriggerLine", f"vxi{n}", f"star_vxi{n}") for n in range(3)],
    *[("TriggerID", f"vxi{n}", f"star_vxi{n}") for n in range(3)],
    ("TriggerID", "instr", "star_instr"),
    ("TriggerID", "serial_word", "software"),
    ("ResourceAttribute", "pxi_function_num", "pxi_function_number"),
    ("ResourceAttribute", "pxi_slotpath", "pxi_slot_path"),
    ("ResourceAttribute", "pxi_slot_lbus_left", "pxi_slot_local_bus_left"),
    ("ResourceAttribute", "pxi_slot_lbus_right", "pxi_slot_local_bus_right"),
    ("ResourceAttribute", "pxi_trig_bus", "pxi_trigger_bus"),
    ("ResourceAttribute", "pxi_star_trig_bus", "pxi_star_trigger_bus"),
    ("ResourceAttribute", "pxi_star_trig_line", "pxi_star_trigger_line"),
    ("ResourceAttribute", "pxi_slot_lwidth", "pxi_slot_link_width"),
    ("ResourceAttribute", "pxi_max_ldwidth", "pxi_max_link_width"),
    ("ResourceAttribute", "pxi_actual_ldwidth", "pxi_actual_link_width"),
    ("ResourceAttribute", "usb_alt_setting", "usb_alternate_setting"),
    ("ResourceAttribute", "vxi_trig_dir", "vxi_trigger_direction"),
    ("ResourceAttribute", "vxi_trig_lines_enabled", "vxi_trigger_lines_enabled"),
    ("VXICommands", "response16", "response_16"),
    ("VXICommands", "response32", "response_32"),
    ("AddressState", "listenr", "listener"),
    ("UtilityBusSignal", "sysrest", "sysreset"),
]


@pytest.mark.parametrize(("enum_name", "name", "old"), RENAMED)
def test_1_16_2_member_names(enum_name: str, name: str, old: str) -> None:
    cls = getattr(constants, enum_name)
    assert name in cls.__members__
    assert old not in cls.__members__


def test_renamed_members_values() -> None:
    assert constants.InputTriggerLine.slot1 == constants.VI_TRIG_STAR_SLOT1 == 14
    assert constants.InputTriggerLine.slot12 == constants.VI_TRIG_STAR_SLOT12 == 25
    assert constants.OutputTriggerLine.vxi2 == constants.VI_TRIG_STAR_VXI2 == 31
    assert constants.TriggerID.serial_word == constants.VI_TRIG_SW == -1
    assert constants.TriggerID.instr == constants.VI_TRIG_STAR_INSTR == 26
    assert constants.ResourceAttribute.pxi_function_num == constants.VI_ATTR_PXI_FUNC_NUM
    assert constants.ResourceAttribute.usb_alt_setting == constants.VI_ATTR_USB_ALT_SETTING
    assert constants.ResourceAttribute.vxi_trig_dir == constants.VI_ATTR_VXI_TRIG_DIR
    assert constants.EventAttribute.received_tcpip_connect == constants.VI_ATTR_RECV_TCPIP_ADDR
    assert constants.EventAttribute.signal_register_status_id == constants.VI_ATTR_SIGP_STATUS_ID
    assert constants.VXICommands.response16 == 2 and constants.VXICommands.response32 == 4
    assert constants.AddressModifiers.d64_2vme == constants.VI_D64_2EVME == 8


# --- new enums --------------------------------------------------------------------------------


def test_byte_order() -> None:
    assert issubclass(constants.ByteOrder, enum.IntEnum)
    assert dict(constants.ByteOrder.__members__) == {
        "big_endian": constants.ByteOrder(0),
        "little_endian": constants.ByteOrder(1),
    }
    assert constants.ByteOrder.little_endian == constants.VI_LITTLE_ENDIAN


def test_vxi_class() -> None:
    assert {m.name: int(m) for m in constants.VXIClass} == {
        "memory": 0,
        "extended": 1,
        "message": 2,
        "register": 3,
        "other": 4,
    }


def test_usb_end_input() -> None:
    assert {m.name: int(m) for m in constants.USBEndInput} == {
        "none": 0,
        "short": 4,
        "short_or_count": 5,
    }


def test_trigger_event_id() -> None:
    members = {m.name: int(m) for m in constants.TriggerEventID}
    assert members == {
        **{f"ttl{n}": n for n in range(8)},
        **{f"ttl{n}": 24 + n for n in range(8, 12)},
        **{f"ecl{n}": 8 + n for n in range(6)},
        "instr": 26,
    }


def test_buffer_type_is_a_flag() -> None:
    assert issubclass(constants.BufferType, enum.IntFlag)
    both = constants.BufferType.io_in | constants.BufferType.io_out
    assert isinstance(both, constants.BufferType)
    assert int(both) == constants.VI_IO_IN_BUF | constants.VI_IO_OUT_BUF
    assert constants.BufferType.read in constants.BufferType(3)


# --- module-level names -----------------------------------------------------------------------


def test_is_64bits() -> None:
    assert constants.is_64bits is IS_64_BIT


def test_pxi_lbus_scxi() -> None:
    assert constants.VI_PXI_LBUS_SCXI == 2000
    assert type(constants.VI_PXI_LBUS_SCXI) is int


# --- deliberate deviations: the VISA header value wins over 1.16.2's ---------------------------


@pytest.mark.skipif(not IS_64_BIT, reason="the alias differs on 64-bit platforms only")
def test_win_size_is_the_64_bit_attribute_on_64_bit() -> None:
    # PyVISA 1.16.2 gives the 32-bit id 0x3FFF009A; visa.h aliases VI_ATTR_WIN_SIZE_64.
    table = spec.numeric_constants()
    assert constants.VI_ATTR_WIN_SIZE == table["VI_ATTR_WIN_SIZE_64"] == 0x3FFF009C
    assert constants.ResourceAttribute.window_size == 0x3FFF009C
    assert constants.ResourceAttribute.window_size_32 == 0x3FFF009A


def test_pxi_slotpath_is_unsigned() -> None:
    # PyVISA 1.16.2 gives -1073806841 (signed); attribute ids are unsigned in visa.h.
    assert constants.VI_ATTR_PXI_SLOTPATH == spec.numeric_constants()["VI_ATTR_PXI_SLOTPATH"]
    assert constants.VI_ATTR_PXI_SLOTPATH == 0xBFFF0207
    assert constants.ResourceAttribute.pxi_slotpath == 0xBFFF0207


# --- changelog items 1.12 ... 1.16 ------------------------------------------------------------


def test_control_flow_is_a_flag_1_12() -> None:
    assert issubclass(constants.ControlFlow, enum.IntFlag)
    both = constants.ControlFlow.xon_xoff | constants.ControlFlow.dtr_dsr
    assert isinstance(both, constants.ControlFlow) and int(both) == 5


def test_vicp_and_prologix_interface_types_1_13_and_1_15() -> None:
    assert constants.InterfaceType.vicp == 36000
    assert constants.InterfaceType.prlgx_tcpip == 76543
    assert constants.InterfaceType.prlgx_asrl == 34567
    assert constants.InterfaceType(36000) is constants.InterfaceType.vicp
