"""Fidelity of pyvisa.rname to PyVISA 1.16.2 (behaviours RN-1 ... RN-15 and changelog items)."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import constants, errors, rname
from pyvisa.constants import InterfaceType
from pyvisa.rname import (
    GPIBInstr,
    InvalidResourceName,
    NIEnet100TCPIPIntfc,
    PXIInstr,
    ResourceName,
    VICPInstr,
    assemble_canonical_name,
    parse_resource_name,
)
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE

# --- RN-1 ------------------------------------------------------------------------------------


def test_rn1_assemble_canonical_name() -> None:
    assert (
        assemble_canonical_name(
            interface_type="VICP", resource_class="INSTR", _unused=None, host_address="h"
        )
        == "VICP::h::INSTR"
    )
    assert assemble_canonical_name(interface_type="GPIB", primary_address="3") == (
        "GPIB0::3::INSTR"
    )
    kwargs = {"interface_type": "TCPIP", "resource_class": "SOCKET", "host_address": "h"}
    assert assemble_canonical_name(**kwargs, port="5025") == "TCPIP0::h::5025::SOCKET"
    assert assemble_canonical_name(**kwargs, port="5025") == str(
        ResourceName.from_kwargs(**kwargs, port="5025")
    )


# --- RN-2, RN-3 ------------------------------------------------------------------------------

EXPECTED_FIELDS: dict[str, list[tuple[str, Any]]] = {
    "GPIBInstr": [("board", "0"), ("primary_address", ""), ("secondary_address", None)],
    "GPIBIntfc": [("board", "0")],
    "ASRLInstr": [("board", "0")],
    "TCPIPInstr": [("board", "0"), ("host_address", ""), ("lan_device_name", "inst0")],
    "TCPIPSocket": [("board", "0"), ("host_address", ""), ("port", "")],
    "USBInstr": [
        ("board", "0"),
        ("manufacturer_id", ""),
        ("model_code", ""),
        ("serial_number", ""),
        ("usb_interface_number", "0"),
    ],
    "PrlgxTCPIPIntfc": [("board", "0"), ("host_address", ""), ("port", "1234")],
    "PrlgxASRLIntfc": [("board", "0"), ("serial_device", "")],
    "VICPInstr": [("_unused", None), ("host_address", "")],
    "PXIBackplane": [("interface", "0"), ("chassis_number", "")],
    "PXIMemacc": [("interface", "0")],
    "VXIBackplane": [("board", "0"), ("vxi_logical_address", "")],
    "VXIInstr": [("board", "0"), ("vxi_logical_address", "")],
    "VXIMemacc": [("board", "0")],
    "VXIServant": [("board", "0")],
    "NIEnet100TCPIPIntfc": [("board", "0"), ("host_address", "")],
}
EXPECTED_FIELDS["USBRaw"] = EXPECTED_FIELDS["USBInstr"]


@pytest.mark.parametrize("class_name", sorted(EXPECTED_FIELDS))
def test_rn3_fields_are_exactly_the_name_parts(class_name: str) -> None:
    cls = getattr(rname, class_name)
    fields = [(f.name, f.default) for f in dataclasses.fields(cls)]
    assert fields == EXPECTED_FIELDS[class_name]
    assert not any(hasattr(cls, extra) for extra in ("remote_host", "remote_port", "serial_port"))


@pytest.mark.parametrize(
    "name",
    ["GPIB::1", "ASRL1", "TCPIP::h", "USB::1::2::3::RAW", "VICP::h", "PXI::1::BACKPLANE"],
)
def test_rn2_fields_attribute(name: str) -> None:
    parsed = parse_resource_name(name)
    assert parsed._fields == tuple(f.name for f in dataclasses.fields(parsed))
    assert ResourceName()._fields == ()


def test_rn3_vicp_unused_is_always_none() -> None:
    assert parse_resource_name("VICP::h::INSTR")._unused is None  # type: ignore[attr-defined]
    assert parse_resource_name("vicp::h")._unused is None  # type: ignore[attr-defined]


def test_rn3_required_parts_are_checked_at_construction() -> None:
    with pytest.raises(TypeError, match="^primary_address is a required parameter$"):
        GPIBInstr()
    with pytest.raises(InvalidResourceName, match="^host_address is a required parameter$"):
        VICPInstr()


# --- RN-4 ------------------------------------------------------------------------------------


def test_rn4_plain_mutable_dataclasses() -> None:
    base = ResourceName()
    assert dataclasses.is_dataclass(base)
    assert type(ResourceName).__name__ == "type"
    assert [b.__name__ for b in ResourceName.__bases__] == ["_ResourceNameBase"]
    base.interface_type = "none"  # type: ignore[misc]
    assert base.interface_type_const is InterfaceType.unknown
    parsed = parse_resource_name("GPIB::1")
    parsed.interface_type = "TCPIP"  # type: ignore[misc]
    assert parsed.interface_type_const is InterfaceType.tcpip
    assert GPIBInstr.interface_type == "GPIB"
    parsed.primary_address = "7"  # type: ignore[attr-defined]
    assert str(parsed) == "TCPIP0::7::INSTR"
    with pytest.raises(TypeError):
        ResourceName("x")  # type: ignore[call-arg]


def test_rn4_third_party_subclass(scratch_registry: None) -> None:
    @dataclasses.dataclass
    class RIOInstr(ResourceName):
        interface_type: ClassVar[str] = "RIO"
        resource_class: ClassVar[str] = "INSTR"
        is_rc_optional: ClassVar[bool] = True

        board: str = "0"
        device: str = ""

    assert rname.register_subclass(RIOInstr) is RIOInstr
    parsed = parse_resource_name("rio3::dev1")
    assert type(parsed) is RIOInstr and (parsed.board, parsed.device) == ("3", "dev1")
    assert str(parsed) == "RIO3::dev1::INSTR"
    assert parsed.interface_type_const is InterfaceType.rio
    assert str(RIOInstr.from_parts("", "d")) == "RIO0::d::INSTR"
    with pytest.raises(InvalidResourceName, match=re.escape("(not enough parts)")):
        parse_resource_name("RIO::INSTR")


# --- RN-5, RN-6 ------------------------------------------------------------------------------


def test_rn5_already_registered() -> None:
    with pytest.raises(ValueError, match="^Class already registered for GPIB and INSTR$"):
        rname.register_subclass(GPIBInstr)


def test_rn6_default_already_specified(scratch_registry: None) -> None:
    @dataclasses.dataclass
    class TCPIPOther(ResourceName):
        interface_type: ClassVar[str] = "TCPIP"
        resource_class: ClassVar[str] = "OTHER"
        is_rc_optional: ClassVar[bool] = True

        board: str = "0"

    with pytest.raises(ValueError, match="^Default already specified for TCPIP$"):
        rname.register_subclass(TCPIPOther)


# --- RN-7 ------------------------------------------------------------------------------------


def test_rn7_builders() -> None:
    e = InvalidResourceName.bad_syntax("S", "N")
    assert (str(e), e.msg) == ("Could not parse 'N'. The syntax is 'S'.",) * 2
    e = InvalidResourceName.bad_syntax("S", "N", ValueError("boom"))
    assert str(e) == "Could not parse 'N'. The syntax is 'S' (boom)."
    assert str(InvalidResourceName.subclass_notfound("ABC")) == "Parser not found for: ABC."  # type: ignore[arg-type]
    e = InvalidResourceName.subclass_notfound(("GPIB", "RAW"), "GPIB::RAW")
    assert str(e) == "Could not parse 'GPIB::RAW'. Parser not found for: ('GPIB', 'RAW')."
    e = InvalidResourceName.rc_notfound("PXI")
    assert str(e) == "Resource class for PXI not provided and default not found."
    e = InvalidResourceName.rc_notfound("PXI", "PXI0::2")
    assert e.msg == (
        "Could not parse 'PXI0::2'. Resource class for PXI not provided and default not found."
    )
    assert InvalidResourceName("m").msg == "m"


# --- RN-8 (deliberate deviation: PXI INSTR names parse) --------------------------------------


def test_rn8_defaults_and_pxi_deviation() -> None:
    assert rname._DEFAULT_RC == {
        "GPIB": "INSTR",
        "ASRL": "INSTR",
        "TCPIP": "INSTR",
        "VICP": "INSTR",
        "USB": "INSTR",
        "VXI": "INSTR",
        "PXI": "INSTR",  # deliberate deviation: VISA defines PXI INSTR names
    }
    assert type(parse_resource_name("PXI0::2::INSTR")) is PXIInstr
    for name in ("PRLGX-TCPIP::h", "PRLGX-ASRL::COM1", "NI-ENET100-TCPIP::h"):
        interface = name.split("::")[0]
        with pytest.raises(InvalidResourceName) as info:
            parse_resource_name(name)
        assert str(info.value) == (
            f"Could not parse '{name}'. Resource class for {interface} not provided and "
            "default not found."
        )
    with pytest.raises(InvalidResourceName) as info:
        ResourceName.from_kwargs(interface_type="PRLGX-TCPIP", host_address="h")
    assert str(info.value) == "Resource class for PRLGX-TCPIP not provided and default not found."


# --- RN-9 ------------------------------------------------------------------------------------

GPIB_SYNTAX = "GPIB[board]::primary address[::secondary address][::INSTR]"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("GPIB", f"Could not parse 'GPIB'. The syntax is '{GPIB_SYNTAX}' (not enough parts)."),
        (
            "GPIB::1::2::3",
            f"Could not parse 'GPIB::1::2::3'. The syntax is '{GPIB_SYNTAX}' (too many parts).",
        ),
        (
            "GPIB0::::INSTR",
            f"Could not parse 'GPIB0::::INSTR'. The syntax is '{GPIB_SYNTAX}' "
            "(primary_address part is mandatory).",
        ),
        ("XYZ::1", "Could not parse XYZ::1: unknown interface type"),
    ],
)
def test_rn9_parse_errors(name: str, message: str) -> None:
    with pytest.raises(InvalidResourceName) as info:
        ResourceName.from_string(name)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"interface_type": "XYZ"}, "Unknown interface type: XYZ"),
        (
            {"interface_type": "GPIB", "resource_class": "RAW"},
            "Parser not found for: ('GPIB', 'RAW').",
        ),
        ({"interface_type": "GPIB"}, "primary_address is a required parameter"),
    ],
)
def test_rn9_build_errors(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InvalidResourceName) as info:
        ResourceName.from_kwargs(**kwargs)
    assert str(info.value) == message


# --- RN-10 -----------------------------------------------------------------------------------


def test_rn10_resource_classes_table(scratch_registry: None) -> None:
    table = rname._RESOURCE_CLASSES
    assert isinstance(table, defaultdict) and table.default_factory is set
    assert table["GPIB"] == {"INSTR", "INTFC"}
    assert table["TCPIP"] == {"INSTR", "SOCKET"}
    assert table["NI-ENET100-TCPIP"] == {"INTFC"}
    # a last part that is not a resource class of the interface type is a name part
    assert parse_resource_name("GPIB::1::2").secondary_address == "2"  # type: ignore[attr-defined]
    table["GPIB"].add("RAW")
    with pytest.raises(InvalidResourceName) as info:
        parse_resource_name("GPIB::1::RAW")
    assert (
        str(info.value) == "Could not parse 'GPIB::1::RAW'. Parser not found for: ('GPIB', 'RAW')."
    )


# --- RN-11, RN-12 ----------------------------------------------------------------------------


def test_rn11_filter_ignores_and_warns(caplog: pytest.LogCaptureFixture) -> None:
    names = ["GPIB0::1::INSTR", "ASRL1::INSTR"]
    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        assert rname.filter(names, "GPIB?*{VI_ATTR_X == 1}") == ("GPIB0::1::INSTR",)
    records = [r for r in caplog.records if r.name == "pyvisa"]
    assert [(r.levelno, r.getMessage()) for r in records] == [
        (logging.WARNING, "optional part of the query expression not supported. See filter2")
    ]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        rname.filter(names, "?*")
    assert not caplog.records


INV_EXPR = "VI_ERROR_INV_EXPR (-1073807344): Invalid expression specified for search."


@pytest.mark.parametrize("query", ["?*(", "(", "*", "[z-a]"])
def test_rn12_filter_invalid_regex(query: str) -> None:
    with pytest.raises(errors.VisaIOError) as info:
        rname.filter(["a"], query)
    assert info.value.error_code == constants.StatusCode.error_invalid_expression
    assert str(info.value) == INV_EXPR


@pytest.mark.parametrize("query", ["?*{", "?*{VI_ATTR_TMO_VALUE == 1", "?*(::{VI_ATTR_X}"])
def test_rn12_filter2_malformed_clause(query: str) -> None:
    with pytest.raises(errors.VisaIOError) as info:
        rname.filter2(["a"], query, _no_open)
    assert str(info.value) == INV_EXPR


# --- RN-13 -----------------------------------------------------------------------------------


def _no_open(name: str) -> Any:
    raise AssertionError(f"{name} must not be opened")


@pytest.mark.parametrize(
    ("name", "clause"),
    [
        ("GPIB3::5::INSTR", "VI_ATTR_INTF_NUM == 3"),
        ("PXI2::MEMACC", "VI_ATTR_INTF_NUM == 2"),
        ("USB1::0x1111::0x2222::SN::0::INSTR", 'VI_ATTR_MANF_ID == "0x1111"'),
        ("USB1::0x1111::0x2222::SN::0::RAW", 'VI_ATTR_MODEL_CODE == "0x2222"'),
        ("USB1::0x1111::0x2222::SN::0::INSTR", 'VI_ATTR_USB_SERIAL_NUM == "SN"'),
        ("USB1::0x1111::0x2222::SN::0::INSTR", "VI_ATTR_USB_INTFC_NUM == 1"),
        ("TCPIP::10.0.0.1::hislip0::INSTR", 'VI_ATTR_TCPIP_ADDR == "10.0.0.1"'),
        ("TCPIP::10.0.0.1::5025::SOCKET", 'VI_ATTR_TCPIP_ADDR == "10.0.0.1"'),
        ("TCPIP::10.0.0.1::hislip0::INSTR", 'VI_ATTR_TCPIP_DEVICE_NAME == "hislip0"'),
        ("TCPIP::10.0.0.1::5025::SOCKET", "VI_ATTR_TCPIP_PORT == 5025"),
        ("GPIB::5::INSTR", "VI_ATTR_GPIB_PRIMARY_ADDR == 5"),
        ("GPIB::5::INSTR", "VI_ATTR_GPIB_SECONDARY_ADDR == 0xFFFF"),
        ("GPIB::5::7::INSTR", "VI_ATTR_GPIB_SECONDARY_ADDR == 7"),
        ("PXI::4::BACKPLANE", "VI_ATTR_PXI_CHASSIS == 4"),
        ("VXI::8::INSTR", "VI_ATTR_MAINFRAME_LA == 8"),
        ("VXI::9::BACKPLANE", "VI_ATTR_MAINFRAME_LA == 9"),
    ],
)
def test_rn13_attributes_from_the_name(name: str, clause: str) -> None:
    assert rname.filter2([name], "?*{" + clause + "}", _no_open) == (name,)
    negated = "?*{!(" + clause + ")}"
    assert rname.filter2([name], negated, _no_open) == ()


@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("VICP::h::INSTR", "VI_ATTR_INTF_NUM"),
        ("GPIB::1::INSTR", "VI_ATTR_MANF_ID"),
        ("TCPIP::h::INSTR", "VI_ATTR_TCPIP_PORT"),
        ("TCPIP::h::1::SOCKET", "VI_ATTR_TCPIP_DEVICE_NAME"),
        ("GPIB::INTFC", "VI_ATTR_GPIB_PRIMARY_ADDR"),
        ("VXI::MEMACC", "VI_ATTR_MAINFRAME_LA"),
        ("ASRL1::INSTR", "VI_ATTR_PXI_CHASSIS"),
    ],
)
def test_rn13_other_kinds_are_excluded(
    name: str, attribute: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        assert rname.filter2([name], "?*{" + attribute + " != 12345}", _no_open) == ()
    assert "VI_ERROR_NSUP_ATTR" in caplog.text


# --- RN-14, RN-15 ----------------------------------------------------------------------------


class _Resource:
    def __init__(self, log: list[Any], values: dict[Any, Any]) -> None:
        self.log = log
        self.values = values

    def get_visa_attribute(self, attribute: Any) -> Any:
        self.log.append(("get", attribute))
        return self.values[attribute]

    def close(self) -> None:
        self.log.append(("close",))

    def __enter__(self) -> Any:  # pragma: no cover - must not be used
        raise AssertionError("used as a context manager")


def _opener(log: list[Any], values: dict[Any, Any]) -> Any:
    def open_resource(name: str) -> _Resource:
        log.append(("open", name))
        return _Resource(log, values)

    return open_resource


def test_rn14_opens_lazily_once_and_closes() -> None:
    log: list[Any] = []
    values = {constants.VI_ATTR_TERMCHAR: 10, constants.VI_ATTR_TMO_VALUE: 2000}
    query = "?*{VI_ATTR_TERMCHAR == 10 && VI_ATTR_TMO_VALUE == 2000 && VI_ATTR_TERMCHAR == 10}"
    assert rname.filter2(["ASRL1::INSTR"], query, _opener(log, values)) == ("ASRL1::INSTR",)
    assert log == [
        ("open", "ASRL1::INSTR"),
        ("get", constants.VI_ATTR_TERMCHAR),  # the numeric id (deliberate deviation)
        ("get", constants.VI_ATTR_TMO_VALUE),
        ("close",),
    ]
    # only when needed: name-derived attributes and short-circuits open nothing
    log.clear()
    query = "?*{VI_ATTR_GPIB_PRIMARY_ADDR == 1 || VI_ATTR_TERMCHAR == 10}"
    assert rname.filter2(["GPIB::1"], query, _opener(log, values)) == ("GPIB::1",)
    assert log == []


def test_rn14_unknown_identifier_is_passed_as_str(caplog: pytest.LogCaptureFixture) -> None:
    log: list[Any] = []
    opener = _opener(log, {"VI_FOO": 3})
    assert rname.filter2(["GPIB::1"], "?*{VI_FOO == 3}", opener) == ("GPIB::1",)
    assert log == [("open", "GPIB::1"), ("get", "VI_FOO"), ("close",)]
    log.clear()
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        assert rname.filter2(["GPIB::1"], "?*{VI_BAR == 3}", opener) == ()
    assert log == [("open", "GPIB::1"), ("get", "VI_BAR"), ("close",)]


def test_rn15_exceptions_exclude_and_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    def broken(name: str) -> Any:
        raise RuntimeError("cannot open")

    names = ["GPIB0::1::INSTR", "GPIB0::2::INSTR"]
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        assert rname.filter2(names, "?*{VI_ATTR_TMO_VALUE == 1}", broken) == ()
    records = [r for r in caplog.records if r.name == "pyvisa"]
    assert [r.levelno for r in records] == [logging.ERROR, logging.ERROR]
    assert records[0].getMessage().startswith("Failed to evaluate ")
    assert records[0].getMessage().endswith(" on GPIB0::1::INSTR")
    assert records[0].exc_info is not None
    # comparing a str with an int with "<" raises TypeError: excluded, not propagated
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        assert rname.filter2(["TCPIP::h::INSTR"], "?*{VI_ATTR_TCPIP_ADDR < 3}", _no_open) == ()
    assert "TypeError" in caplog.text


def test_rn15_python_comparison_semantics() -> None:
    name = ["TCPIP::h::hislip0::INSTR"]
    assert rname.filter2(name, '?*{VI_ATTR_TCPIP_ADDR == "h"}', _no_open) == tuple(name)
    assert rname.filter2(name, '?*{VI_ATTR_TCPIP_DEVICE_NAME > "hi"}', _no_open) == tuple(name)
    assert rname.filter2(name, "?*{VI_ATTR_TCPIP_ADDR == 0}", _no_open) == ()
    query = "?*{VI_ATTR_INTF_NUM == 0 and not VI_ATTR_INTF_NUM}"
    assert rname.filter2(name, query, _no_open) == tuple(name)


# --- NI GPIB-ENET/100 (PyVISA 1.17) and changelog items --------------------------------------


def test_ni_enet100_names() -> None:
    parsed = parse_resource_name("NI-ENET100-TCPIP1::192.168.0.5::INTFC")
    assert type(parsed) is NIEnet100TCPIPIntfc
    assert (parsed.board, parsed.host_address) == ("1", "192.168.0.5")
    assert str(parsed) == "NI-ENET100-TCPIP1::192.168.0.5::INTFC"
    assert parsed.interface_type_const is InterfaceType.ni_enet100_tcpip == 76544
    assert str(parse_resource_name("ni-enet100-tcpip::h::intfc")) == "NI-ENET100-TCPIP0::h::INTFC"
    assert NIEnet100TCPIPIntfc.is_rc_optional is False
    assert assemble_canonical_name(
        interface_type="NI-ENET100-TCPIP", resource_class="INTFC", host_address="h"
    ) == ("NI-ENET100-TCPIP0::h::INTFC")
    assert rname._board_number(parsed) == 1


def test_missing_gpib_secondary_address() -> None:
    # PR #913: an absent secondary address is None and is not written
    parsed = parse_resource_name("GPIB0::5::INSTR")
    assert parsed.secondary_address is None  # type: ignore[attr-defined]
    assert str(parsed) == "GPIB0::5::INSTR"
    assert str(GPIBInstr(primary_address="5")) == "GPIB0::5::INSTR"
    assert str(GPIBInstr(primary_address="5", secondary_address="96")) == "GPIB0::5::96::INSTR"


def test_vicp_without_board() -> None:
    # PR #699 / #787
    parsed = parse_resource_name("VICP::192.168.1.2")
    assert str(parsed) == "VICP::192.168.1.2::INSTR"
    assert parsed.interface_type_const is InterfaceType.vicp
    assert rname._board_number(parsed) is None


def test_prologix_names() -> None:
    # PR #887
    assert str(parse_resource_name("PRLGX-TCPIP::10.0.0.3::INTFC")) == (
        "PRLGX-TCPIP0::10.0.0.3::1234::INTFC"
    )
    assert str(parse_resource_name("PRLGX-ASRL::/dev/ttyUSB0::INTFC")) == (
        "PRLGX-ASRL0::/dev/ttyUSB0::INTFC"
    )
    assert rname.PrlgxTCPIPIntfc.is_rc_optional is False
    assert rname.PrlgxASRLIntfc.is_rc_optional is False


def test_pxi_board_number_is_its_interface() -> None:
    assert rname._board_number(parse_resource_name("PXI2::MEMACC")) == 2
    assert rname._board_number(parse_resource_name("PXI3::1::BACKPLANE")) == 3


@settings(LOADED_MACHINE, max_examples=100)
@given(
    st.sampled_from(sorted({c for c in rname._SUBCLASSES.values() if c is not PXIInstr}, key=str)),
    st.data(),
)
def test_from_parts_round_trip(cls: type[ResourceName], data: st.DataObject) -> None:
    # parts as written in the canonical name give back the same name
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name == "_unused":
            values[f.name] = None
        elif f.name == "host_address":
            values[f.name] = data.draw(st.from_regex(r"[a-z][a-z0-9.]{0,10}", fullmatch=True))
        elif f.name == "serial_device" or (f.name == "board" and cls is rname.ASRLInstr):
            values[f.name] = data.draw(st.from_regex(r"[A-Za-z/][A-Za-z0-9/]{0,8}", fullmatch=True))
        elif f.name == "secondary_address" and data.draw(st.booleans()):
            values[f.name] = None
        else:
            values[f.name] = str(data.draw(st.integers(0, 999)))
    name = cls(**values)
    parts = [values[f] or "" for f in name._fields]
    rebuilt = cls.from_parts(*[p for i, p in enumerate(parts) if i == 0 or p])
    assert rebuilt == name
    assert parse_resource_name(str(name)) == name
