"""Tests of pyvisa.constants: VI_* values, enumerations and their contract."""

import enum
import pickle
import re
import runpy
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import constants
from pyvisa.testsuite import _constants_helpers as spec
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE

IS_64_BIT = sys.maxsize > 2**32

#: Identifiers that only PyVISA defines (not in any VISA header).
PYVISA_ONLY = {
    "VI_INTF_PRLGX_TCPIP": 0x12AFF,
    "VI_INTF_PRLGX_ASRL": 0x8707,
    "VI_INTF_VICP": 0x8CA0,
    "VI_INTF_RSNRP": 0x8100,
    "VI_INTF_UNKNOWN": -1,
    # in no header table: the value of PyVISA 1.16.2
    "VI_PXI_LBUS_SCXI": 2000,
}

INT_ENUMS = [
    "AccessModes",
    "StopBits",
    "Parity",
    "SerialTermination",
    "InterfaceType",
    "AddressState",
    "IOProtocol",
    "LineState",
    "StatusCode",
    "EventType",
    "EventMechanism",
    "ResourceAttribute",
    "EventAttribute",
    "Timeouts",
    "TriggerProtocol",
    "AddressSpace",
    "DataWidth",
    "AddressModifiers",
    "ATNLineOperation",
    "RENLineOperation",
    "Lock",
    "WireMode",
    "VisaBoolean",
    "InputTriggerLine",
    "OutputTriggerLine",
    "AssertSignalInterrupt",
    "UtilityBusSignal",
    "VXICommands",
    "PXIMemory",
    "TriggerID",
    "TriggerEventID",
    "VXIClass",
    "ByteOrder",
    "USBEndInput",
]
INT_FLAGS = ["BufferOperation", "BufferType", "ControlFlow"]


def vi_values(pattern: str, exclude: tuple[str, ...] = ()) -> set[int]:
    """Values of the VI_* constants of the tables whose name matches a regex."""
    table = spec.numeric_constants()
    table.update(PYVISA_ONLY)
    return {
        spec.expected_value(name, table, IS_64_BIT)
        for name in table
        if re.fullmatch(pattern, name) and name not in exclude
    }


# --- module-level VI_* constants ------------------------------------------------------------


def test_every_numeric_vi_constant_has_its_exact_value() -> None:
    table = spec.numeric_constants()
    assert len(table) > 600
    wrong = {
        name: (getattr(constants, name, None), spec.expected_value(name, table, IS_64_BIT))
        for name in table
        if getattr(constants, name, None) != spec.expected_value(name, table, IS_64_BIT)
    }
    assert wrong == {}


def test_vi_constants_are_plain_ints() -> None:
    for name in spec.numeric_constants():
        assert type(getattr(constants, name)) is int, name


def test_no_vi_constant_outside_the_tables() -> None:
    known = set(spec.numeric_constants()) | set(PYVISA_ONLY)
    defined = {name for name in vars(constants) if name.startswith("VI_")}
    assert defined - known == set()


@pytest.mark.parametrize(("name", "value"), sorted(PYVISA_ONLY.items()))
def test_pyvisa_only_constants(name: str, value: int) -> None:
    assert getattr(constants, name) == value


def test_error_codes_are_negative_signed_32_bit() -> None:
    assert constants.VI_ERROR_TMO == -1073807339
    assert constants.VI_ERROR_SYSTEM_ERROR == -1073807360
    assert constants.VI_ERROR_INV_SESSION == constants.VI_ERROR_INV_OBJECT
    assert constants.VI_SUCCESS_MAX_CNT == 0x3FFF0006
    assert constants.VI_WARN_NSUP_BUF == 0x3FFF0088


def test_platform_dependent_aliases_follow_python_bitness() -> None:
    suffix = "_64" if IS_64_BIT else "_32"
    for base in ("USER_DATA", "RET_COUNT", "WIN_BASE_ADDR", "WIN_SIZE", "MEM_BASE", "MEM_SIZE"):
        name = "VI_ATTR_" + base
        assert getattr(constants, name) == getattr(constants, name + suffix)
    for bar in range(6):
        for kind in ("BASE", "SIZE"):
            name = f"VI_ATTR_PXI_MEM_{kind}_BAR{bar}"
            assert getattr(constants, name) == getattr(constants, name + suffix)
    assert constants.VI_ATTR_USER_DATA == (0x3FFF000A if IS_64_BIT else 0x3FFF0007)


def test_32_bit_python_uses_the_32_bit_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    # Run the module source again in a fresh namespace, as a 32-bit interpreter would.
    monkeypatch.setattr(sys, "maxsize", 2**31 - 1)
    namespace = runpy.run_path(constants.__file__)
    assert namespace["VI_ATTR_USER_DATA"] == 0x3FFF0007
    assert namespace["VI_ATTR_RET_COUNT"] == 0x3FFF4026
    assert namespace["VI_ATTR_WIN_BASE_ADDR"] == 0x3FFF0098
    assert namespace["VI_ATTR_PXI_MEM_SIZE_BAR5"] == 0x3FFF0236
    assert namespace["ResourceAttribute"].user_data == 0x3FFF0007
    assert namespace["EventAttribute"].return_count == 0x3FFF4026


def test_backend_contract_module_level_constants() -> None:
    table = spec.contract_table("#### Module-level `VI_*` integer constants")
    assert len(table) == 60
    for name, value in table.items():
        assert getattr(constants, name) == value, name


# --- enumeration types ----------------------------------------------------------------------


@pytest.mark.parametrize("name", INT_ENUMS)
def test_int_enums(name: str) -> None:
    cls = getattr(constants, name)
    assert issubclass(cls, enum.IntEnum)
    assert len(cls) > 0


@pytest.mark.parametrize("name", INT_FLAGS)
def test_int_flags(name: str) -> None:
    assert issubclass(getattr(constants, name), enum.IntFlag)


def test_members_behave_like_ints() -> None:
    attrs: dict[int, int] = {constants.ResourceAttribute.timeout_value: 2000}
    assert attrs[constants.VI_ATTR_TMO_VALUE] == 2000
    assert constants.VI_ATTR_TMO_VALUE in attrs
    assert constants.ResourceAttribute.tcpip_keepalive == constants.VI_ATTR_TCPIP_KEEPALIVE
    assert hash(constants.StatusCode.error_timeout) == hash(constants.VI_ERROR_TMO)
    assert constants.StatusCode(constants.VI_ERROR_TMO) is constants.StatusCode.error_timeout
    keys = [(constants.InterfaceType.usb, "INSTR"), (constants.InterfaceType.gpib, "INSTR")]
    assert sorted(keys)[0][0] is constants.InterfaceType.gpib
    assert constants.InterfaceType.tcpip < constants.InterfaceType.usb
    yaml_key = "asrl"  # pyvisa-sim looks the interface types up by their lower-case name
    assert getattr(constants.InterfaceType, yaml_key).name.upper() == "ASRL"


def test_flags_combine_with_bitwise_operators() -> None:
    mask = (
        constants.BufferOperation.discard_read_buffer | constants.BufferOperation.flush_write_buffer
    )
    assert mask & constants.BufferOperation.discard_read_buffer
    assert not mask & constants.BufferOperation.discard_transmit_buffer
    assert int(mask) == constants.VI_READ_BUF | constants.VI_WRITE_BUF
    flow = constants.ControlFlow.xon_xoff | constants.ControlFlow.rts_cts
    assert flow == constants.VI_ASRL_FLOW_XON_XOFF | constants.VI_ASRL_FLOW_RTS_CTS
    assert constants.ControlFlow(0) == constants.ControlFlow.none


@pytest.mark.parametrize("name", INT_ENUMS + INT_FLAGS)
def test_members_pickle(name: str) -> None:
    for member in getattr(constants, name):
        assert pickle.loads(pickle.dumps(member)) is member


# --- enum members mirror the VI_* constants -------------------------------------------------

MIRRORS = [
    ("AccessModes", r"VI_(NO|EXCLUSIVE|SHARED)_LOCK"),
    ("StopBits", r"VI_ASRL_STOP_\w+"),
    ("Parity", r"VI_ASRL_PAR_\w+"),
    ("SerialTermination", r"VI_ASRL_END_\w+"),
    ("InterfaceType", r"VI_INTF_\w+"),
    ("AddressState", r"VI_GPIB_(UNADDRESSED|TALKER|LISTENER)"),
    ("IOProtocol", r"VI_PROT_\w+"),
    ("LineState", r"VI_STATE_\w+"),
    ("EventType", r"VI_EVENT_\w+|VI_ALL_ENABLED_EVENTS"),
    ("EventMechanism", r"VI_QUEUE|VI_HNDLR|VI_SUSPEND_HNDLR|VI_ALL_MECH"),
    ("Timeouts", r"VI_TMO_\w+"),
    ("BufferType", r"VI_(READ|WRITE)_BUF|VI_IO_(IN|OUT)_BUF"),
    ("BufferOperation", r"VI_(READ|WRITE|IO_IN|IO_OUT)_BUF(_DISCARD)?"),
    ("TriggerProtocol", r"VI_TRIG_PROT_\w+"),
    ("AddressSpace", r"VI_(LOCAL|A\d+|PXI_\w+|OPAQUE)_SPACE"),
    ("DataWidth", r"VI_WIDTH_\d+"),
    ("AddressModifiers", r"VI_(DATA|PROG|BLCK|D64)_N?PRIV|VI_D64_(2EVME|SST\d+)"),
    ("ATNLineOperation", r"VI_GPIB_ATN_\w+"),
    ("RENLineOperation", r"VI_GPIB_REN_\w+"),
    ("Lock", r"VI_(EXCLUSIVE|SHARED)_LOCK"),
    ("ControlFlow", r"VI_ASRL_FLOW_\w+"),
    ("WireMode", r"VI_ASRL_WIRE_\w+|VI_STATE_UNKNOWN"),
    ("VisaBoolean", r"VI_TRUE|VI_FALSE"),
    ("AssertSignalInterrupt", r"VI_ASSERT_\w+"),
    ("UtilityBusSignal", r"VI_UTIL_\w+"),
    ("VXICommands", r"VI_VXI_(CMD\w+|RESP(16|32))"),
    ("PXIMemory", r"VI_PXI_ADDR_\w+"),
    ("VXIClass", r"VI_VXI_CLASS_\w+"),
    ("ByteOrder", r"VI_(BIG|LITTLE)_ENDIAN"),
    ("USBEndInput", r"VI_USB_END_\w+"),
    ("TriggerEventID", r"VI_TRIG_(TTL\d+|ECL\d+|STAR_INSTR)"),
    ("TriggerID", r"VI_TRIG_(SW|TTL\d+|ECL\d+|STAR_\w+|PANEL_\w+)"),
    ("StatusCode", r"VI_(SUCCESS\w*|WARN_\w+|ERROR_\w+)"),
    (
        "EventAttribute",
        r"VI_ATTR_(JOB_ID|EVENT_TYPE|SIGP_STATUS_ID|RECV_\w+|INTR_STATUS_ID|STATUS"
        r"|RET_COUNT\w*|BUFFER|OPER_NAME|GPIB_RECV_CIC_STATE|USB_RECV_\w+|PXI_RECV_\w+"
        r"|VXI_DEV_CMD_\w+)",
    ),
]


#: Enum values that no VI_* constant carries (PyVISA names them in the enum only).
ENUM_ONLY_VALUES = {"InterfaceType": {76544}}  # ni_enet100_tcpip (PyVISA 1.17)


@pytest.mark.parametrize(("name", "pattern"), MIRRORS)
def test_enum_members_are_the_vi_constants(name: str, pattern: str) -> None:
    # __members__ also lists the zero member of a flag, which iteration skips
    values = {member.value for member in getattr(constants, name).__members__.values()}
    assert values == vi_values(pattern) | ENUM_ONLY_VALUES.get(name, set())


@pytest.mark.parametrize("name", ["InputTriggerLine", "OutputTriggerLine"])
def test_trigger_lines_are_trigger_ids(name: str) -> None:
    values = {member.value for member in getattr(constants, name)}
    assert values <= vi_values(r"VI_TRIG_\w+", ("VI_TRIG_UNKNOWN",))
    assert {constants.VI_TRIG_TTL0, constants.VI_TRIG_ECL1, constants.VI_TRIG_STAR_VXI2} <= values


def test_resource_and_event_attributes_cover_every_attribute() -> None:
    resource = {member.value for member in constants.ResourceAttribute}
    event = {member.value for member in constants.EventAttribute}
    assert resource.isdisjoint(event)
    assert resource | event == vi_values(r"VI_ATTR_\w+")


def test_explicit_32_and_64_bit_attribute_members() -> None:
    assert constants.ResourceAttribute.user_data_32 == constants.VI_ATTR_USER_DATA_32
    assert constants.ResourceAttribute.user_data_64 == constants.VI_ATTR_USER_DATA_64
    assert constants.ResourceAttribute.user_data == constants.VI_ATTR_USER_DATA
    assert constants.ResourceAttribute.user_data.name == "user_data"
    assert constants.EventAttribute.return_count.name == "return_count"


# --- documented and contracted member names -------------------------------------------------


def test_status_code_has_every_documented_member() -> None:
    documented = spec.documented_status_codes()
    assert len(documented) == 100
    for name, (value, _) in documented.items():
        assert getattr(constants.StatusCode, name) == value, name


def test_every_documented_enum_member() -> None:
    documented = spec.documented_enum_members()
    # AccessModes, StopBits, Parity, SerialTermination, InterfaceType, AddressState,
    # IOProtocol, LineState and StatusCode
    assert len(documented) == 9 and set(documented) <= set(INT_ENUMS)
    assert len(documented["StatusCode"]) == 100 and len(documented["InterfaceType"]) == 11
    for enum_name, members in documented.items():
        cls = getattr(constants, enum_name)
        for member, value in members.items():
            assert cls[member] == value, f"{enum_name}.{member}"


def test_bundled_tables_are_the_spec_tables() -> None:
    for name in sorted(p.name for p in spec.TABLES_DIR.glob("*.tsv")):
        original = spec.SPEC_DIR / name
        if not original.is_file():
            pytest.skip(f"{original} is absent")
        assert (spec.TABLES_DIR / name).read_bytes() == original.read_bytes(), name


def test_status_code_has_every_code_of_the_tables() -> None:
    assert {int(m) for m in constants.StatusCode} == set(spec.status_abbreviations())


@pytest.mark.parametrize(
    ("enum_name", "heading"),
    [
        ("StatusCode", "#### `StatusCode`"),
        ("ResourceAttribute", "#### `ResourceAttribute`"),
        ("InterfaceType", "#### `InterfaceType`"),
        ("BufferOperation", "#### `BufferOperation`"),
        ("SerialTermination", "#### `SerialTermination`"),
        ("Parity", "#### `Parity`"),
        ("StopBits", "#### `StopBits`"),
        ("LineState", "#### `LineState`"),
        ("VisaBoolean", "#### `VisaBoolean`"),
        ("AccessModes", "#### `AccessModes`"),
    ],
)
def test_backend_contract_members(enum_name: str, heading: str) -> None:
    table = spec.contract_table(heading)
    assert table
    cls = getattr(constants, enum_name)
    for member, value in table.items():
        assert getattr(cls, member) == value, member


def test_backend_contract_attribute_names() -> None:
    names = spec.contract_attribute_names()
    assert "VI_ATTR_GPIB_UNADDR_EN" in names
    for visa_name, member in names.items():
        assert constants.ResourceAttribute[member] == getattr(constants, visa_name), member
    assert constants.ResourceAttribute.gpib_unadress_enable == constants.VI_ATTR_GPIB_UNADDR_EN
    assert constants.ResourceAttribute.asrl_avalaible_number == constants.VI_ATTR_ASRL_AVAIL_NUM


def test_contracts_md_names() -> None:
    event_type_names = {
        "all_enabled",
        "clear",
        "exception",
        "gpib_controller_in_charge",
        "gpib_listen",
        "gpib_talk",
        "io_completion",
        "pxi_interrupt",
        "service_request",
        "tcpip_connect",
        "trig",
        "usb_interrupt",
        "vxi_signal_interrupt",
        "vxi_vme_interrupt",
        "vxi_vme_sysfail",
        "vxi_vme_sysreset",
    }
    assert event_type_names <= set(constants.EventType.__members__)
    assert constants.EventType.all_enabled == constants.VI_ALL_ENABLED_EVENTS
    mechanism = constants.EventMechanism
    assert (mechanism.queue, mechanism.handler, mechanism.suspend_handler, mechanism.all) == (
        1,
        2,
        4,
        0xFFFF,
    )
    assert (constants.Timeouts.immediate, constants.Timeouts.infinite) == (0, 0xFFFFFFFF)
    assert (constants.Lock.exclusive, constants.Lock.shared) == (1, 2)
    access = constants.AccessModes
    assert (access.no_lock, access.exclusive_lock, access.shared_lock) == (0, 1, 2)
    width = constants.DataWidth
    assert (width.bit_8, width.bit_16, width.bit_32, width.bit_64) == (1, 2, 4, 8)
    event_attribute_names = {
        "event_type",
        "status",
        "job_id",
        "buffer",
        "return_count",
        "operation_name",
        "received_trigger_id",
        "interrupt_status_id",
        "signal_register_status_id",
        "received_tcpip_connect",
        "usb_received_interrupt_size",
        "usb_received_interrupt_data",
        "gpib_received_cic_state",
    }
    assert event_attribute_names <= set(constants.EventAttribute.__members__)


def test_documented_names_of_section_1_4_4() -> None:
    assert constants.AddressState.listenr == 2
    assert "listener" not in constants.AddressState.__members__  # 1.16.2 has no such alias
    assert constants.IOProtocol.protocol4882_strs == 4
    assert constants.InterfaceType.rsnrp == 33024
    assert constants.InterfaceType.unknown == -1
    assert constants.InterfaceType.firewire == 9
    assert constants.SerialTermination.termination_char == 2
    assert constants.StopBits.one_and_a_half == 15


# --- DataWidth.from_literal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("bits", "member"),
    [(8, "bit_8"), (16, "bit_16"), (32, "bit_32"), (64, "bit_64")],
)
def test_data_width_from_literal(bits: int, member: str) -> None:
    assert constants.DataWidth.from_literal(bits) is constants.DataWidth[member]


@settings(LOADED_MACHINE)
@given(st.integers().filter(lambda value: value not in (8, 16, 32, 64)))
def test_data_width_from_literal_rejects_other_widths(bits: int) -> None:
    with pytest.raises(ValueError, match="expected 8, 16, 32 or 64"):
        constants.DataWidth.from_literal(bits)


@pytest.mark.parametrize("bits", ["8", 8.0, None])
def test_data_width_from_literal_rejects_non_ints(bits: object) -> None:
    with pytest.raises(ValueError, match="Invalid data width"):
        constants.DataWidth.from_literal(bits)  # type: ignore[arg-type]
