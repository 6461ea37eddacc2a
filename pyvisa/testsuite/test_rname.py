"""Tests of pyvisa.rname: resource-name parsing, canonical forms and resource queries."""

from __future__ import annotations

import dataclasses
import pickle
import re
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import _rname_query, constants, errors, rname
from pyvisa.constants import InterfaceType
from pyvisa.rname import (
    ASRLInstr,
    GPIBInstr,
    GPIBIntfc,
    InvalidResourceName,
    NIEnet100TCPIPIntfc,
    PrlgxASRLIntfc,
    PrlgxTCPIPIntfc,
    PXIBackplane,
    PXIInstr,
    PXIMemacc,
    ResourceName,
    TCPIPInstr,
    TCPIPSocket,
    USBInstr,
    USBRaw,
    VICPInstr,
    VXIBackplane,
    VXIInstr,
    VXIMemacc,
    VXIServant,
    parse_resource_name,
    to_canonical_name,
)
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE, cpu_time_below

# --- Canonical forms ---------------------------------------------------------------------------

# backend-contract.md §2.5: the canonical forms the backends depend on
CONTRACT_CANONICAL = [
    ("ASRL1::INSTR", "ASRL1::INSTR"),
    ("GPIB::8::INSTR", "GPIB0::8::INSTR"),
    ("TCPIP::localhost::INSTR", "TCPIP0::localhost::inst0::INSTR"),
    ("TCPIP::localhost:2222::INSTR", "TCPIP0::localhost:2222::inst0::INSTR"),
    ("TCPIP::localhost::10001::SOCKET", "TCPIP0::localhost::10001::SOCKET"),
    ("USB::0x1111::0x2222::0x1234::INSTR", "USB0::0x1111::0x2222::0x1234::0::INSTR"),
    ("USB::0x1111::0x2222::0x4445::RAW", "USB0::0x1111::0x2222::0x4445::0::RAW"),
    ("TCPIP::localhost:5555::INSTR", "TCPIP0::localhost:5555::inst0::INSTR"),
    ("USB0::0x1111::0x2222::0x5555::INSTR", "USB0::0x1111::0x2222::0x5555::0::INSTR"),
    ("ASRLloop://::INSTR", "ASRLloop://::INSTR"),
    ("PRLGX-TCPIP::10.0.0.3::INTFC", "PRLGX-TCPIP0::10.0.0.3::1234::INTFC"),
    ("PRLGX-ASRL::/dev/ttyUSB0::INTFC", "PRLGX-ASRL0::/dev/ttyUSB0::INTFC"),
    ("VICP::10.0.0.2::INSTR", "VICP::10.0.0.2::INSTR"),
]

# the examples of the docs' grammar table, and other names of each kind
OTHER_CANONICAL = [
    ("GPIB::10", "GPIB0::10::INSTR"),
    ("GPIB1::10", "GPIB1::10::INSTR"),
    ("ASRL2", "ASRL2::INSTR"),
    ("asrl2", "ASRL2::INSTR"),
    ("GPIB::1::0::INSTR", "GPIB0::1::0::INSTR"),
    ("GPIB2::INTFC", "GPIB2::INTFC"),
    ("PXI::15::INSTR", "PXI0::15::INSTR"),
    ("PXI3::15::2", "PXI3::15::2::INSTR"),
    ("PXI3::15::0", "PXI3::15::INSTR"),
    ("PXI0::1::INSTR", "PXI0::1::INSTR"),
    ("PXI::2::BACKPLANE", "PXI0::2::BACKPLANE"),
    ("PXI::CHASSIS1::SLOT3", "PXI0::CHASSIS1::SLOT3::INSTR"),
    ("PXI::CHASSIS1::SLOT3::FUNC0", "PXI0::CHASSIS1::SLOT3::INSTR"),
    ("pxi1::chassis1::slot3::func2::instr", "PXI1::CHASSIS1::SLOT3::FUNC2::INSTR"),
    ("PXI0::2-12.1::INSTR", "PXI2::12::1::INSTR"),
    ("PXI1::2-12.1::INSTR", "PXI1::2-12.1::INSTR"),
    ("PXI1::2-12.0::INSTR", "PXI1::2-12::INSTR"),
    ("PXI0::2-12", "PXI2::12::INSTR"),
    ("PXI0::MEMACC", "PXI0::MEMACC"),
    ("TCPIP::dev.company.com::INSTR", "TCPIP0::dev.company.com::inst0::INSTR"),
    ("TCPIP0::1.2.3.4::999::SOCKET", "TCPIP0::1.2.3.4::999::SOCKET"),
    ("TCPIP::10.0.0.1::hislip0,4880::INSTR", "TCPIP0::10.0.0.1::hislip0,4880::INSTR"),
    ("TCPIP::[fe80::1]::INSTR", "TCPIP0::[fe80::1]::inst0::INSTR"),
    ("tcpip1::[fe80::1%eth0]:4880::hislip0", "TCPIP1::[fe80::1%eth0]:4880::hislip0::INSTR"),
    ("TCPIP::[::1]::5025::SOCKET", "TCPIP0::[::1]::5025::SOCKET"),
    ("USB::0x1234::125::A22-5::INSTR", "USB0::0x1234::125::A22-5::0::INSTR"),
    ("USB::0x5678::0x33::SN999::1::RAW", "USB0::0x5678::0x33::SN999::1::RAW"),
    ("VXI::1::BACKPLANE", "VXI0::1::BACKPLANE"),
    ("VXI2::BACKPLANE", "VXI2::0::BACKPLANE"),
    ("VXI::MEMACC", "VXI0::MEMACC"),
    ("VXI0::1::INSTR", "VXI0::1::INSTR"),
    ("VXI0::SERVANT", "VXI0::SERVANT"),
    ("vicp::scope.lan", "VICP::scope.lan::INSTR"),
    ("PRLGX-TCPIP3::host::5000::intfc", "PRLGX-TCPIP3::host::5000::INTFC"),
    ("prlgx-asrl1::COM3::INTFC", "PRLGX-ASRL1::COM3::INTFC"),
    ("NI-ENET100-TCPIP::10.0.0.9::INTFC", "NI-ENET100-TCPIP0::10.0.0.9::INTFC"),
    ("ni-enet100-tcpip2::[fe80::1]::intfc", "NI-ENET100-TCPIP2::[fe80::1]::INTFC"),
    ("ASRL::INSTR", "ASRL0::INSTR"),
]


@pytest.mark.parametrize(("name", "canonical"), CONTRACT_CANONICAL + OTHER_CANONICAL)
def test_canonical_forms(name: str, canonical: str) -> None:
    parsed = parse_resource_name(name)
    assert str(parsed) == canonical
    assert to_canonical_name(name) == canonical
    assert parsed.user == name
    # canonical names are fixed points
    assert to_canonical_name(canonical) == canonical
    assert parse_resource_name(canonical) == parsed


@pytest.mark.parametrize(
    ("name", "cls", "fields"),
    [
        ("ASRL1::INSTR", ASRLInstr, {"board": "1"}),
        ("ASRL/dev/ttyUSB0::INSTR", ASRLInstr, {"board": "/dev/ttyUSB0"}),
        ("ASRLloop://::INSTR", ASRLInstr, {"board": "loop://"}),
        (
            "GPIB::8::INSTR",
            GPIBInstr,
            {"board": "0", "primary_address": "8", "secondary_address": None},
        ),
        (
            "GPIB3::8::0",
            GPIBInstr,
            {"board": "3", "primary_address": "8", "secondary_address": "0"},
        ),
        ("GPIB::INTFC", GPIBIntfc, {"board": "0"}),
        (
            "TCPIP::localhost:2222::INSTR",
            TCPIPInstr,
            {"board": "0", "host_address": "localhost:2222", "lan_device_name": "inst0"},
        ),
        (
            "TCPIP::Host::HiSLIP0,4880::INSTR",
            TCPIPInstr,
            {"board": "0", "host_address": "Host", "lan_device_name": "HiSLIP0,4880"},
        ),
        (
            "TCPIP::localhost::10001::SOCKET",
            TCPIPSocket,
            {"board": "0", "host_address": "localhost", "port": "10001"},
        ),
        (
            "USB::0x1111::0x2222::0x1234::INSTR",
            USBInstr,
            {
                "board": "0",
                "manufacturer_id": "0x1111",
                "model_code": "0x2222",
                "serial_number": "0x1234",
                "usb_interface_number": "0",
            },
        ),
        (
            "usb2::4660::0X22::abc::3::raw",
            USBRaw,
            {
                "board": "2",
                "manufacturer_id": "4660",
                "model_code": "0X22",
                "serial_number": "abc",
                "usb_interface_number": "3",
            },
        ),
        ("VICP::10.0.0.2::INSTR", VICPInstr, {"host_address": "10.0.0.2"}),
        (
            "PRLGX-TCPIP::10.0.0.3::INTFC",
            PrlgxTCPIPIntfc,
            {"board": "0", "host_address": "10.0.0.3", "port": "1234"},
        ),
        (
            "PRLGX-ASRL::/dev/ttyUSB0::INTFC",
            PrlgxASRLIntfc,
            {"board": "0", "serial_device": "/dev/ttyUSB0"},
        ),
        ("PXI1::4::BACKPLANE", PXIBackplane, {"interface": "1", "chassis_number": "4"}),
        ("PXI::MEMACC", PXIMemacc, {"interface": "0"}),
        (
            "NI-ENET100-TCPIP1::gpib-enet.lan::INTFC",
            NIEnet100TCPIPIntfc,
            {"board": "1", "host_address": "gpib-enet.lan"},
        ),
        (
            "PXI2::15::INSTR",
            PXIInstr,
            {
                "interface": "0",
                "bus": "2",
                "device": "15",
                "function": "0",
                "chassis_number": None,
                "slot_number": None,
            },
        ),
        (
            "PXI1::2-12.1::INSTR",
            PXIInstr,
            {
                "interface": "1",
                "bus": "2",
                "device": "12",
                "function": "1",
                "chassis_number": None,
                "slot_number": None,
            },
        ),
        (
            "PXI::CHASSIS1::SLOT3",
            PXIInstr,
            {
                "interface": "0",
                "bus": None,
                "device": None,
                "function": "0",
                "chassis_number": "1",
                "slot_number": "3",
            },
        ),
        ("VXI::BACKPLANE", VXIBackplane, {"board": "0", "vxi_logical_address": "0"}),
        ("VXI1::7", VXIInstr, {"board": "1", "vxi_logical_address": "7"}),
        ("VXI::MEMACC", VXIMemacc, {"board": "0"}),
        ("VXI::SERVANT", VXIServant, {"board": "0"}),
    ],
)
def test_fields_and_defaults(name: str, cls: type[ResourceName], fields: dict[str, Any]) -> None:
    parsed = parse_resource_name(name)
    assert type(parsed) is cls
    for key, value in fields.items():
        assert getattr(parsed, key) == value, key
    assert tuple(f.name for f in dataclasses.fields(parsed)) == parsed._fields
    # every field is a str (or None for an absent segment without default)
    for f in dataclasses.fields(parsed):
        assert getattr(parsed, f.name) is None or isinstance(getattr(parsed, f.name), str)


def test_remote_names_are_not_parsed() -> None:
    # as in PyVISA 1.16.2 (no "visa" interface type): the name is left to the VISA library
    with pytest.raises(InvalidResourceName, match="unknown interface type"):
        parse_resource_name("visa://lab-pc:3537/TCPIP::[fe80::1]::5025::SOCKET")


@pytest.mark.parametrize(
    ("name", "constant", "resource_class"),
    [
        ("ASRL1", InterfaceType.asrl, "INSTR"),
        ("GPIB::1", InterfaceType.gpib, "INSTR"),
        ("GPIB::INTFC", InterfaceType.gpib, "INTFC"),
        ("PXI::1", InterfaceType.pxi, "INSTR"),
        ("PXI::1::BACKPLANE", InterfaceType.pxi, "BACKPLANE"),
        ("PXI::MEMACC", InterfaceType.pxi, "MEMACC"),
        ("TCPIP::h", InterfaceType.tcpip, "INSTR"),
        ("TCPIP::h::1::SOCKET", InterfaceType.tcpip, "SOCKET"),
        ("USB::1::2::3", InterfaceType.usb, "INSTR"),
        ("USB::1::2::3::RAW", InterfaceType.usb, "RAW"),
        ("VXI::1", InterfaceType.vxi, "INSTR"),
        ("VXI::BACKPLANE", InterfaceType.vxi, "BACKPLANE"),
        ("VXI::MEMACC", InterfaceType.vxi, "MEMACC"),
        ("VXI::SERVANT", InterfaceType.vxi, "SERVANT"),
        ("VICP::h", InterfaceType.vicp, "INSTR"),
        ("PRLGX-TCPIP::h::INTFC", InterfaceType.prlgx_tcpip, "INTFC"),
        ("PRLGX-ASRL::COM1::INTFC", InterfaceType.prlgx_asrl, "INTFC"),
        ("NI-ENET100-TCPIP::h::INTFC", InterfaceType.ni_enet100_tcpip, "INTFC"),
    ],
)
def test_interface_type_const(name: str, constant: InterfaceType, resource_class: str) -> None:
    parsed = parse_resource_name(name)
    assert parsed.interface_type_const is constant
    assert parsed.resource_class == resource_class


def test_equality_ignores_user_and_case_of_keywords() -> None:
    a = parse_resource_name("GPIB::1")
    b = parse_resource_name("gpib0::1::instr")
    assert a == b
    with pytest.raises(TypeError):
        hash(a)  # mutable dataclasses are not hashable
    assert (a.user, b.user) == ("GPIB::1", "gpib0::1::instr")
    # fields keep their case
    assert parse_resource_name("tcpip::MyHost::HISLIP0").host_address == "MyHost"
    assert parse_resource_name("tcpip::MyHost::HISLIP0").lan_device_name == "HISLIP0"
    assert parse_resource_name("USB::0xAB::0xcd::SerNo") != parse_resource_name(
        "USB::0xAB::0xcd::SERNO"
    )


def test_parsed_names_are_mutable_and_fresh() -> None:
    parsed = parse_resource_name("GPIB::1")
    parsed.board = "2"
    assert str(parsed) == "GPIB2::1::INSTR"
    # the parse cache hands out a new instance each time
    again = parse_resource_name("GPIB::1")
    assert again is not parsed and again.board == "0"


# --- from_string / from_kwargs -----------------------------------------------------------------


def test_from_string() -> None:
    assert ResourceName.from_string("GPIB::1") == GPIBInstr(primary_address="1")
    assert GPIBInstr.from_string("GPIB::1") == GPIBInstr(primary_address="1")
    with pytest.raises(InvalidResourceName, match=re.escape("GPIB[board]::INTFC")):
        GPIBIntfc.from_string("GPIB::1")


def test_from_kwargs() -> None:
    name = ResourceName.from_kwargs(interface_type="tcpip", host_address="h")
    assert type(name) is TCPIPInstr
    assert str(name) == "TCPIP0::h::inst0::INSTR" and name.user is None
    sock = ResourceName.from_kwargs(
        interface_type="TCPIP", resource_class="socket", host_address="h", port="5025"
    )
    assert str(sock) == "TCPIP0::h::5025::SOCKET"
    assert str(GPIBInstr.from_kwargs(board="1", primary_address="3")) == "GPIB1::3::INSTR"
    assert str(PrlgxTCPIPIntfc.from_kwargs(host_address="h")) == "PRLGX-TCPIP0::h::1234::INTFC"


@pytest.mark.parametrize(
    ("cls", "kwargs", "message"),
    [
        (ResourceName, {"host_address": "h"}, "Unknown interface type: None"),
        (ResourceName, {"interface_type": "FOO"}, "Unknown interface type: FOO"),
        (ResourceName, {"interface_type": "GPIB", "resource_class": "RAW"}, "RAW"),
        (GPIBInstr, {}, "primary_address is a required parameter"),
        (GPIBInstr, {"primary_address": None}, "GPIB[board]::primary address"),
        (GPIBInstr, {"primary_address": 1}, "are str"),
        (GPIBInstr, {"primary_address": "x"}, "primary address 'x' is not a decimal"),
        (GPIBInstr, {"primary_address": "1", "nonsense": "2"}, "nonsense"),
        (GPIBInstr, {"interface_type": "USB", "primary_address": "1"}, "USB"),
        (PXIInstr, {"bus": "1"}, "bus-device"),
        (PXIInstr, {"bus": "1", "device": "2", "slot_number": "3"}, "same name"),
    ],
)
def test_from_kwargs_errors(cls: type[ResourceName], kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidResourceName, match=re.escape(message)):
        cls.from_kwargs(**kwargs)


# --- Malformed names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "unknown interface type"),
        ("::", "unknown interface type"),
        ("FOO::1::INSTR", "unknown interface type"),
        ("COM1", "unknown interface type"),
        ("GPIB", "GPIB[board]::primary address[::secondary address][::INSTR]"),
        ("GPIB::INSTR", "(not enough parts)"),
        ("GPIB::1::2::3::INSTR", "(too many parts)"),
        ("GPIB::abc::INSTR", "primary address 'abc' is not a decimal number"),
        ("GPIB::1::x", "secondary address 'x'"),
        ("GPIB::::INSTR", "(primary_address part is mandatory)"),
        ("GPIBx::1::INSTR", "board 'x' is not a decimal number"),
        ("GPIB::1::RAW", "secondary address 'RAW'"),
        ("ASRL[", "board '['"),
        ("ASRL:", "board ':'"),
        ("USB::1::2::abc:", "serial number 'abc:'"),
        ("USB::1::2::a[b", "serial number 'a[b'"),
        ("TCPIP::h:", "host address 'h:'"),
        ("ASRL1::2::INSTR", "The syntax is 'ASRLboard[::INSTR]' (too many parts)."),
        ("ASRL::1.2.3.4::2::INSTR", "(too many parts)"),
        ("TCPIP::INSTR", "TCPIP[board]::host address[::LAN device name][::INSTR]"),
        ("TCPIP::h::SOCKET", "TCPIP[board]::host address::port::SOCKET"),
        ("TCPIP::h::port::SOCKET", "port 'port' is not a decimal number"),
        ("TCPIP::[fe80::1::INSTR", "host address"),
        ("TCPIP::a]b::INSTR", "host address"),
        ("USB::0xZZ::1::s::INSTR", "manufacturer ID '0xZZ'"),
        ("USB::1::2::INSTR", "USB[board]::manufacturer ID::model code::serial number"),
        ("USB::1::2::s::x::RAW", "USB interface number 'x'"),
        ("VICP0::h::INSTR", "no board number is allowed"),
        ("PXI::CHASSIS1", "CHASSIS"),
        ("PXI::CHASSISx::SLOT1", "CHASSIS"),
        ("PXI::CHASSIS1::SLOT1::FUNCx", "CHASSIS"),
        ("PXI::1-2-3", "PXI[bus]::device"),
        ("PXI::1::2::3", "expected device[::function]"),
        ("PXI::1::2::3::4", "too many parts"),
        ("PXI::BACKPLANE", "PXI[interface]::chassis number::BACKPLANE"),
        ("VXI::BACKPLANE::x", "VXI[board]::VXI logical address[::INSTR]"),
        ("VXI::1::2::BACKPLANE", "too many parts"),
        ("PRLGX-TCPIP::h::x::INTFC", "port 'x'"),
        ("visa://host/GPIB::1", "unknown interface type"),
        ("PRLGX-TCPIP::h", "Resource class for PRLGX-TCPIP not provided and default not found."),
        ("NI-ENET100-TCPIP::h", "Resource class for NI-ENET100-TCPIP not provided"),
        ("NI-ENET100-TCPIP::INTFC", "(not enough parts)"),
        ("NI-ENET100-TCPIP::h::1::INTFC", "(too many parts)"),
    ],
)
def test_malformed_names(name: str, expected: str) -> None:
    with pytest.raises(InvalidResourceName, match=re.escape(expected)) as info:
        parse_resource_name(name)
    assert str(info.value).startswith("Could not parse ")
    assert name in str(info.value)


def test_error_classmethods() -> None:
    error = InvalidResourceName.bad_syntax("GPIB[board]::INTFC", "GPIB::1::INTFC")
    assert isinstance(error, ValueError)
    assert str(error) == "Could not parse 'GPIB::1::INTFC'. The syntax is 'GPIB[board]::INTFC'."
    assert error.msg == str(error)
    error = InvalidResourceName.bad_syntax("S", "N", ValueError("oops"))
    assert str(error) == "Could not parse 'N'. The syntax is 'S' (oops)."
    assert str(InvalidResourceName.subclass_notfound(("GPIB", "RAW"), "x")) == (
        "Could not parse 'x'. Parser not found for: ('GPIB', 'RAW')."
    )
    assert str(InvalidResourceName.subclass_notfound("ABC")) == "Parser not found for: ABC."  # type: ignore[arg-type]
    assert str(InvalidResourceName.rc_notfound("GPIB", "x")) == (
        "Could not parse 'x'. Resource class for GPIB not provided and default not found."
    )
    assert str(InvalidResourceName.rc_notfound("GPIB")) == (
        "Resource class for GPIB not provided and default not found."
    )
    assert str(InvalidResourceName("plain")) == "plain"


@pytest.mark.parametrize(
    ("fail", "error_type"),
    [
        (lambda: parse_resource_name("GPIB::x"), InvalidResourceName),
        (lambda: rname.filter([], "(("), errors.InvalidQuery),
    ],
)
def test_errors_pickle(fail: Any, error_type: type[Exception]) -> None:
    with pytest.raises(error_type) as info:
        fail()
    restored = pickle.loads(pickle.dumps(info.value))
    assert type(restored) is error_type and str(restored) == str(info.value)
    assert getattr(restored, "detail", None) == getattr(info.value, "detail", None)


@pytest.mark.parametrize(
    ("query", "detail"),
    [("((", "("), ("?*{", "'}'"), ("?*{VI_ATTR_INTF_NUM ==}", "expected")],
)
def test_invalid_query_is_a_visa_error_and_a_value_error(query: str, detail: str) -> None:
    with pytest.raises(errors.InvalidQuery) as info:
        rname.filter2(["GPIB0::1::INSTR"], query, lambda name: None)  # type: ignore[arg-type, return-value]
    error = info.value
    assert isinstance(error, errors.VisaIOError) and isinstance(error, ValueError)
    assert error.error_code == constants.StatusCode.error_invalid_expression
    assert str(error) == (
        "VI_ERROR_INV_EXPR (-1073807344): Invalid expression specified for search."
    )
    assert detail in error.detail


def test_not_a_string() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        parse_resource_name(12)  # type: ignore[arg-type]


_FRAGMENTS = st.sampled_from(
    ["GPIB", "TCPIP", "USB", "ASRL", "PXI", "VXI", "VICP", "PRLGX-TCPIP", "PRLGX-ASRL"]
    + ["::", ":", "0", "12", "0x1F", "INSTR", "INTFC", "SOCKET", "RAW", "BACKPLANE"]
    + ["MEMACC", "SERVANT", "CHASSIS", "SLOT", "FUNC", "-", ".", "[", "]", "visa://", "/", "h"]
)


@settings(LOADED_MACHINE, max_examples=200)
@given(st.one_of(st.text(max_size=40), st.lists(_FRAGMENTS, max_size=12).map("".join)))
def test_random_text_parses_or_raises_invalid_resource_name(text: str) -> None:
    try:
        parsed = parse_resource_name(text)
    except InvalidResourceName as ex:
        assert str(ex).startswith("Could not parse")
        return
    # whatever parses has a canonical form that is a fixed point
    canonical = str(parsed)
    assert parse_resource_name(canonical) == parsed
    assert to_canonical_name(canonical) == canonical


def test_malformed_names_fail_fast() -> None:
    names = [f"GPIB{i}::x{i}::INSTR" for i in range(2000)] + ["::" * 5000, "[" * 5000 + "::"]
    with cpu_time_below(2.0):
        for name in names:
            with pytest.raises(InvalidResourceName):
                parse_resource_name(name)


def test_pathological_inputs_are_fast() -> None:
    with cpu_time_below(1.0), pytest.raises(InvalidResourceName):
        parse_resource_name("TCPIP::[" + "::" * 20000 + "]::x::y::INSTR")


def test_parsing_is_cheap() -> None:
    names = [f"TCPIP{i % 4}::10.0.{i // 256}.{i % 256}::hislip0::INSTR" for i in range(3000)]
    with cpu_time_below(2.0):
        parsed = [parse_resource_name(name) for name in names]
    assert [str(p) for p in parsed] == names


# --- Round trips (hypothesis) ------------------------------------------------------------------

_number = st.integers(0, 99999).map(str)
_usb_id = st.one_of(
    _number, st.integers(0, 0xFFFF).map(hex), st.integers(0, 0xFFFF).map("0X{:X}".format)
)
_word = st.from_regex(r"[A-Za-z0-9_.,/%-]+(:[A-Za-z0-9_.,/%-]+)?", fullmatch=True)
_hostname = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9.-]{0,30}", fullmatch=True)
_ipv6 = st.ip_addresses(v=6).map(lambda a: f"[{a}]")
_host = st.tuples(
    st.one_of(_hostname, _ipv6), st.one_of(st.just(""), _number.map(":{}".format))
).map("".join)
_asrl_board = st.from_regex(r"[A-Za-z0-9/._-]+(://[A-Za-z0-9/._-]*)?", fullmatch=True)


def _kwargs(**strategies: Any) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional=strategies)


_KINDS: list[tuple[type[ResourceName], st.SearchStrategy[dict[str, Any]]]] = [
    (
        ASRLInstr,
        st.fixed_dictionaries({"board": _asrl_board}),
    ),
    (
        GPIBInstr,
        st.fixed_dictionaries(
            {"primary_address": _number}, optional={"board": _number, "secondary_address": _number}
        ),
    ),
    (GPIBIntfc, _kwargs(board=_number)),
    (
        PXIBackplane,
        st.fixed_dictionaries({"chassis_number": _number}, optional={"interface": _number}),
    ),
    (PXIMemacc, _kwargs(interface=_number)),
    (
        PXIInstr,
        st.one_of(
            st.fixed_dictionaries(
                {"bus": _number, "device": _number},
                optional={"interface": _number, "function": _number},
            ),
            st.fixed_dictionaries(
                {"chassis_number": _number, "slot_number": _number},
                optional={"interface": _number, "function": _number},
            ),
        ),
    ),
    (
        TCPIPInstr,
        st.fixed_dictionaries(
            {"host_address": _host}, optional={"board": _number, "lan_device_name": _word}
        ),
    ),
    (
        TCPIPSocket,
        st.fixed_dictionaries(
            {"host_address": _host, "port": _number}, optional={"board": _number}
        ),
    ),
    *[
        (
            cls,
            st.fixed_dictionaries(
                {"manufacturer_id": _usb_id, "model_code": _usb_id, "serial_number": _word},
                optional={"board": _number, "usb_interface_number": _number},
            ),
        )
        for cls in (USBInstr, USBRaw)
    ],
    (
        VXIBackplane,
        st.fixed_dictionaries({"vxi_logical_address": _number}, optional={"board": _number}),
    ),
    (
        VXIInstr,
        st.fixed_dictionaries({"vxi_logical_address": _number}, optional={"board": _number}),
    ),
    (VXIMemacc, _kwargs(board=_number)),
    (VXIServant, _kwargs(board=_number)),
    (VICPInstr, st.fixed_dictionaries({"host_address": _host})),
    (
        PrlgxTCPIPIntfc,
        st.fixed_dictionaries(
            {"host_address": _host}, optional={"board": _number, "port": _number}
        ),
    ),
    (
        PrlgxASRLIntfc,
        st.fixed_dictionaries({"serial_device": _word}, optional={"board": _number}),
    ),
    (
        NIEnet100TCPIPIntfc,
        st.fixed_dictionaries({"host_address": _host}, optional={"board": _number}),
    ),
]


@st.composite
def _names(draw: st.DrawFn) -> ResourceName:
    cls, strategy = draw(st.sampled_from(_KINDS))
    return cls(**draw(strategy))


def test_every_registered_kind_has_a_round_trip_strategy() -> None:
    assert {cls for cls, _ in _KINDS} == set(rname._SUBCLASSES.values())


@settings(LOADED_MACHINE, max_examples=150)
@given(_names())
def test_round_trip(name: ResourceName) -> None:
    text = str(name)
    parsed = parse_resource_name(text)
    assert parsed == name
    assert type(parsed) is type(name)
    assert str(parsed) == text
    assert (
        type(name).from_kwargs(**{f.name: getattr(name, f.name) for f in dataclasses.fields(name)})
        == name
    )


def _mangle_case(draw: st.DrawFn, keyword: str) -> str:
    return "".join(c.lower() if draw(st.booleans()) else c.upper() for c in keyword)


@settings(LOADED_MACHINE, max_examples=100)
@given(_names(), st.data())
def test_keywords_are_case_insensitive(name: ResourceName, data: st.DataObject) -> None:
    text = str(name)
    head, _, rest = text.partition(name.interface_type)
    assert head == ""  # the canonical name starts with the interface keyword
    body, _, rc = rest.rpartition("::")
    mangled = (
        _mangle_case(data.draw, name.interface_type) + body + "::" + _mangle_case(data.draw, rc)
    )
    parsed = parse_resource_name(mangled)
    assert parsed == name
    assert parsed.user == mangled


def test_default_resource_class_can_be_omitted() -> None:
    examples = [
        ASRLInstr(board="1"),
        GPIBInstr(primary_address="1"),
        PXIInstr(bus="1", device="2"),
        TCPIPInstr(host_address="h"),
        USBInstr(manufacturer_id="1", model_code="2", serial_number="3"),
        VXIInstr(vxi_logical_address="1"),
        VICPInstr(host_address="h"),
    ]
    assert {type(e) for e in examples} == {
        cls for cls in rname._SUBCLASSES.values() if cls.is_rc_optional
    }
    for example in examples:
        name = str(example)
        without = name[: -len("::" + example.resource_class)]
        parsed = parse_resource_name(without)
        assert parsed == example and type(parsed) is type(example)


# --- Registration ------------------------------------------------------------------------------


def test_register_subclass(scratch_registry: None) -> None:
    @rname.register_subclass
    @dataclasses.dataclass
    class GPIBVXIInstr(ResourceName):
        interface_type: ClassVar[str] = "GPIB-VXI"
        resource_class: ClassVar[str] = "INSTR"
        is_rc_optional: ClassVar[bool] = True
        syntax: ClassVar[str] = "GPIB-VXI[board]::VXI logical address[::INSTR]"

        board: str = "0"
        vxi_logical_address: str = dataclasses.field(default="", metadata={"check": "number"})

    parsed = parse_resource_name("gpib-vxi1::5")
    assert ResourceName.from_kwargs(interface_type="gpib-vxi", vxi_logical_address="5").board == "0"
    assert type(parsed) is GPIBVXIInstr
    assert str(parsed) == "GPIB-VXI1::5::INSTR"
    assert parsed.interface_type_const is InterfaceType.gpib_vxi
    # the longer keyword wins over the GPIB prefix, GPIB names are unaffected
    assert type(parse_resource_name("GPIB1::5")) is GPIBInstr
    with pytest.raises(InvalidResourceName, match=re.escape("GPIB-VXI[board]")):
        parse_resource_name("GPIB-VXI::x")


def test_register_subclass_errors(scratch_registry: None) -> None:
    @dataclasses.dataclass
    class NoKeys(ResourceName):
        pass

    with pytest.raises(ValueError, match="interface_type"):
        rname.register_subclass(NoKeys)

    @dataclasses.dataclass
    class SecondDefault(ResourceName):
        interface_type: ClassVar[str] = "GPIB"
        resource_class: ClassVar[str] = "OTHER"
        is_rc_optional: ClassVar[bool] = True

    with pytest.raises(ValueError, match="^Default already specified for GPIB$"):
        rname.register_subclass(SecondDefault)


def test_rc_notfound_when_no_default(scratch_registry: None) -> None:
    @rname.register_subclass
    @dataclasses.dataclass
    class RioIntfc(ResourceName):
        interface_type: ClassVar[str] = "RIO"
        resource_class: ClassVar[str] = "INTFC"
        syntax: ClassVar[str] = "RIO[board]::INTFC"

        board: str = "0"

    assert str(parse_resource_name("rio2::intfc")) == "RIO2::INTFC"
    assert parse_resource_name("rio2::intfc").interface_type_const is InterfaceType.rio
    with pytest.raises(InvalidResourceName, match="Resource class for RIO not provided"):
        parse_resource_name("RIO2")
    with pytest.raises(InvalidResourceName, match="Resource class for RIO not provided"):
        ResourceName.from_kwargs(interface_type="RIO")


# --- filter ------------------------------------------------------------------------------------

NAMES = [
    "GPIB0::1::INSTR",
    "GPIB0::1::INTFC",
    "gpib1::22::instr",
    "ASRL1::INSTR",
    "ASRL/dev/ttyUSB0::INSTR",
    "TCPIP::10.0.0.1::hislip0,4880::INSTR",
    "TCPIP0::10.0.0.1::5025::SOCKET",
    "USB0::0x1111::0x2222::SN?1::0::RAW",
    "USB0::0x1111::0x2222::SN*1::0::INSTR",
    "VXI0::1::INSTR",
    "PRLGX-ASRL::/dev/ttyUSB1::INTFC",
    "a(b)|c",
]


def _f(query: str) -> tuple[str, ...]:
    return rname.filter(NAMES, query)


def test_filter_default_query() -> None:
    assert _f("?*::INSTR") == (
        "GPIB0::1::INSTR",
        "gpib1::22::instr",
        "ASRL1::INSTR",
        "ASRL/dev/ttyUSB0::INSTR",
        "TCPIP::10.0.0.1::hislip0,4880::INSTR",
        "USB0::0x1111::0x2222::SN*1::0::INSTR",
        "VXI0::1::INSTR",
    )
    assert "GPIB0::1::INTFC" not in _f("?*::INSTR")


def test_filter_all_and_empty() -> None:
    assert _f("?*") == tuple(NAMES)
    assert rname.filter([], "?*") == ()
    assert rname.filter(iter(["B", "A"]), "?*") == ("B", "A")
    assert _f("") == ()


def test_filter_whole_name_is_matched() -> None:
    assert _f("GPIB0::1::IN") == ()
    assert _f("ASRL1") == ()
    assert _f("PIB0::1::INSTR") == ()
    assert _f("GPIB0::1::INSTR") == ("GPIB0::1::INSTR",)


def test_filter_question_mark() -> None:
    assert _f("GPIB?::1::INSTR") == ("GPIB0::1::INSTR",)
    assert _f("GPIB??::1::INSTR") == ()
    assert _f("ASRL?::INSTR") == ("ASRL1::INSTR",)


def test_filter_star_and_plus() -> None:
    assert _f("GPIB[0-9]*::?*") == ("GPIB0::1::INSTR", "GPIB0::1::INTFC", "gpib1::22::instr")
    assert _f("gpib1::2+::instr") == ("gpib1::22::instr",)
    assert _f("gpib1::2*::instr") == ("gpib1::22::instr",)
    assert _f("gpib1::22*2::instr") == ("gpib1::22::instr",)
    assert _f("gpib1::222+::instr") == ()
    assert _f("(GPIB0::1::)+INSTR") == ("GPIB0::1::INSTR",)


def test_filter_lists() -> None:
    assert _f("[AV]?*::INSTR") == ("ASRL1::INSTR", "ASRL/dev/ttyUSB0::INSTR", "VXI0::1::INSTR")
    assert _f("[^AGV]?*::INSTR") == (
        "TCPIP::10.0.0.1::hislip0,4880::INSTR",
        "USB0::0x1111::0x2222::SN*1::0::INSTR",
    )
    assert _f("GPIB[0-1]::?*") == ("GPIB0::1::INSTR", "GPIB0::1::INTFC", "gpib1::22::instr")
    assert _f("GPIB[2-9]::?*") == ()
    # special characters are ordinary inside a list, a leading ] belongs to the list
    assert _f("USB0::0x1111::0x2222::SN[?]1::0::RAW") == ("USB0::0x1111::0x2222::SN?1::0::RAW",)
    assert rname.filter(["]", "a", "-"], "[]a]") == ("]", "a")
    assert rname.filter(["]", "a", "-", "b"], "[a-]") == ("a", "-")
    assert rname.filter(["\\", "a"], "[\\\\]") == ("\\",)


def test_filter_alternatives_and_groups() -> None:
    assert _f("VXI?*|GPIB?*") == (
        "GPIB0::1::INSTR",
        "GPIB0::1::INTFC",
        "gpib1::22::instr",
        "VXI0::1::INSTR",
    )
    # | applies to whole expressions: VXI|GPIB means (VXI)|(GPIB)
    assert rname.filter(["VXI", "GPIB", "VXIPIB", "VXGPIB"], "VXI|GPIB") == ("VXI", "GPIB")
    assert rname.filter(["VXI", "GPIB", "VXIPIB", "VXGPIB"], "VX(I|G)PIB") == ("VXIPIB", "VXGPIB")
    assert _f("(ASRL|VXI)?*::INSTR") == (
        "ASRL1::INSTR",
        "ASRL/dev/ttyUSB0::INSTR",
        "VXI0::1::INSTR",
    )


def test_filter_escapes() -> None:
    assert _f("USB?*SN\\?1?*") == ("USB0::0x1111::0x2222::SN?1::0::RAW",)
    assert _f("USB?*SN\\*1?*") == ("USB0::0x1111::0x2222::SN*1::0::INSTR",)
    assert _f("a\\(b\\)\\|c") == ("a(b)|c",)
    # characters special to Python regexes only are ordinary
    assert _f("TCPIP::10.0.0.1::?*") == ("TCPIP::10.0.0.1::hislip0,4880::INSTR",)
    assert rname.filter(["10x0", "10.0"], "10.0") == ("10.0",)
    assert rname.filter(["a^$b", "ab"], "a^$b") == ("a^$b",)


def test_filter_is_case_insensitive() -> None:
    assert _f("GPIB?*::INSTR") == ("GPIB0::1::INSTR", "gpib1::22::instr")
    assert _f("gpib?*::instr") == ("GPIB0::1::INSTR", "gpib1::22::instr")
    assert _f("prlgx-asrl::?*::intfc") == ("PRLGX-ASRL::/dev/ttyUSB1::INTFC",)


def test_filter_ignores_attribute_expression() -> None:
    assert _f("?*::INSTR{VI_ATTR_NOT_A_THING == 1}") == _f("?*::INSTR")
    assert _f("GPIB?*{garbage") == _f("GPIB?*")


_SPECIAL = set("?*+[]()|\\{}")
# "{" always starts the attribute expression (even escaped), as in PyVISA 1.16.2
_literal = st.sampled_from("abAB.-:?*").map(
    lambda c: ("\\" + c if c in _SPECIAL else c, re.escape(c))
)
_list_items = st.lists(
    st.one_of(st.sampled_from("abAB:"), st.sampled_from(["a-b", "A-B", "B-a", "0-9"])),
    min_size=1,
    max_size=3,
).map("".join)
_char_list = st.tuples(st.booleans(), _list_items).map(
    lambda t: ("[" + "^" * t[0] + t[1] + "]", "[" + "^" * t[0] + t[1] + "]")
)


def _regex_tree(children: st.SearchStrategy[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
    group = children.map(lambda c: ("(" + c[0] + ")", "(?:" + c[1] + ")"))
    quantified = st.one_of(
        children,
        st.tuples(group, st.sampled_from(["*", "+"])).map(
            lambda t: (t[0][0] + t[1], t[0][1] + t[1])
        ),
    )
    sequence = st.lists(quantified, min_size=1, max_size=3).map(
        lambda items: ("".join(v for v, _ in items), "".join(p for _, p in items))
    )
    return st.lists(sequence, min_size=1, max_size=2).map(
        lambda alts: ("|".join(v for v, _ in alts), "|".join(p for _, p in alts))
    )


_regex_leaf = st.tuples(
    st.one_of(_literal, st.just(("?", ".")), _char_list), st.sampled_from(["", "*", "+"])
).map(lambda t: (t[0][0] + t[1], t[0][1] + t[1]))
_visa_regex = st.recursive(_regex_leaf, _regex_tree, max_leaves=6)


@settings(LOADED_MACHINE, max_examples=150)
@given(_visa_regex, st.lists(st.text("abAB.-:?*{09", max_size=6), max_size=5))
def test_filter_agrees_with_python_regex(regex: tuple[str, str], names: list[str]) -> None:
    visa, python = regex
    pattern = re.compile(python, re.IGNORECASE | re.DOTALL)
    assert rname.filter(names, visa) == tuple(n for n in names if pattern.fullmatch(n))


def test_filter_does_not_backtrack() -> None:
    with cpu_time_below(1.0):
        for query in ["(?*)*b", "(?+)+b", "(a*)*b", "(?|a)*b", "?*a?*a?*a?*a?*a?*a?*b"]:
            assert rname.filter(["a" * 3000], query) == ()


@pytest.mark.parametrize(
    "query",
    ["*", "+?", "?**", "?*+", "(?*", "?*)", "[abc", "[]", "?*\\", "(*)", "a|*", "[z-a]"],
)
def test_filter_invalid_queries(query: str) -> None:
    with pytest.raises(errors.VisaIOError) as info:
        rname.filter(NAMES, query)
    assert info.value.error_code == constants.StatusCode.error_invalid_expression


def test_query_compilations_are_kept_only_for_short_queries() -> None:
    short, long = "GPIB?*::INSTR", "GPIB?*::INSTR|" * 20 + "?*"
    assert _rname_query._compile_regex(short) is _rname_query._compile_regex(short)
    assert _rname_query._compile_regex(long) is not _rname_query._compile_regex(long)
    clause, long_clause = "VI_ATTR_TMO_VALUE == 1", " || ".join(["VI_ATTR_TMO_VALUE == 1"] * 20)
    assert _rname_query._compile_expression(clause) is _rname_query._compile_expression(clause)
    assert _rname_query._compile_expression(long_clause) is not _rname_query._compile_expression(
        long_clause
    )


def test_matcher_memory_is_bounded_whatever_the_names() -> None:
    # names of many distinct characters must not grow the kept transitions without bound
    query = "(?)*::BOUNDED"
    names = [
        "".join(map(chr, range(0x10000 + i * 5000, 0x10000 + (i + 1) * 5000))) for i in range(8)
    ]
    assert rname.filter(names + ["x::bounded"], query) == ("x::bounded",)
    automaton = _rname_query._compile_regex(query)
    kept = sum(map(len, automaton._sets)) + sum(map(len, automaton._rows))
    assert kept <= _rname_query._MAX_DFA_SIZE
    assert rname.filter(names + ["x::bounded"], query) == ("x::bounded",)


def test_filter_query_must_be_str() -> None:
    with pytest.raises(TypeError):
        rname.filter(NAMES, None)  # type: ignore[arg-type]


# --- filter2 -----------------------------------------------------------------------------------

# attributes the resources answer once opened (the name-derived ones are answered from the name)
ATTRIBUTES: dict[str, dict[int, Any]] = {
    "USB0::0x1111::0x2222::A::0::INSTR": {
        constants.VI_ATTR_MANF_NAME: 'Say "hi"\\',
        constants.VI_ATTR_TMO_VALUE: 2000,
    },
    "USB0::0x1111::0x3333::B::0::INSTR": {constants.VI_ATTR_TMO_VALUE: 5000},
    "GPIB0::5::INSTR": {
        constants.VI_ATTR_INTF_TYPE: InterfaceType.gpib,
        constants.VI_ATTR_TMO_VALUE: 2000,
    },
    "GPIB0::9::INSTR": {
        constants.VI_ATTR_INTF_TYPE: InterfaceType.gpib,
        constants.VI_ATTR_TMO_VALUE: 100,
    },
}


class FakeResource:
    def __init__(self, name: str, opener: Opener) -> None:
        self.name = name
        self.opener = opener

    def get_visa_attribute(self, attribute_id: int) -> Any:
        self.opener.reads.append((self.name, attribute_id))
        try:
            return ATTRIBUTES[self.name][attribute_id]
        except KeyError:
            raise errors.VisaIOError(constants.StatusCode.error_nonsupported_attribute) from None

    def close(self) -> None:
        self.opener.closed.append(self.name)


class Opener:
    def __init__(self, failing: frozenset[str] = frozenset()) -> None:
        self.opened: list[str] = []
        self.closed: list[str] = []
        self.reads: list[tuple[str, int]] = []
        self.failing = failing

    def __call__(self, name: str) -> FakeResource:
        if name in self.failing:
            raise errors.VisaIOError(constants.StatusCode.error_resource_not_found)
        self.opened.append(name)
        return FakeResource(name, self)


def _f2(query: str, opener: Opener | None = None) -> tuple[str, ...]:
    return rname.filter2(list(ATTRIBUTES), query, opener or Opener())  # type: ignore[arg-type]


USB_A, USB_B, GPIB5, GPIB9 = ATTRIBUTES


def test_filter2_without_expression_opens_nothing() -> None:
    opener = Opener()
    assert _f2("USB?*", opener) == (USB_A, USB_B)
    assert _f2("USB?*{}", opener) == (USB_A, USB_B)
    assert opener.opened == []


def test_filter2_numbers() -> None:
    assert _f2("?*{VI_ATTR_TMO_VALUE == 2000}") == (USB_A, GPIB5)
    assert _f2("?*{VI_ATTR_TMO_VALUE==0x7D0}") == (USB_A, GPIB5)
    assert _f2("?*{VI_ATTR_TMO_VALUE != 2000}") == (USB_B, GPIB9)
    assert _f2("?*{VI_ATTR_TMO_VALUE > 2000}") == (USB_B,)
    assert _f2("?*{VI_ATTR_TMO_VALUE >= 2000}") == (USB_A, USB_B, GPIB5)
    assert _f2("?*{VI_ATTR_TMO_VALUE < 2000}") == (GPIB9,)
    assert _f2("?*{VI_ATTR_TMO_VALUE <= 02000}") == (USB_A, GPIB5, GPIB9)
    assert _f2("GPIB?*{vi_attr_intf_type == 1}") == (GPIB5, GPIB9)
    assert _f2("GPIB?*{VI_ATTR_TMO_VALUE > -1}") == (GPIB5, GPIB9)


def test_filter2_strings() -> None:
    assert _f2('?*{VI_ATTR_MANF_NAME == "Say \\"hi\\"\\\\"}') == (USB_A,)
    # a string never equals a number
    assert _f2('?*{VI_ATTR_TMO_VALUE == "2000"}') == ()


def test_filter2_logic() -> None:
    query = "?*{VI_ATTR_TMO_VALUE == 2000 && VI_ATTR_INTF_TYPE == 1}"
    assert _f2(query) == (GPIB5,)
    query = "?*{VI_ATTR_TMO_VALUE == 5000 || VI_ATTR_TMO_VALUE == 100}"
    assert _f2(query) == (USB_B, GPIB9)
    query = "GPIB?*{!(VI_ATTR_TMO_VALUE == 100) && VI_ATTR_INTF_TYPE == 1}"
    assert _f2(query) == (GPIB5,)
    # && binds tighter than ||; Python words work too
    query = "?*{VI_ATTR_TMO_VALUE == 100 || VI_ATTR_TMO_VALUE == 2000 && VI_ATTR_INTF_TYPE == 1}"
    assert _f2(query) == (GPIB5, GPIB9)
    query = "?*{(VI_ATTR_TMO_VALUE == 100 or VI_ATTR_TMO_VALUE == 2000) and VI_ATTR_INTF_TYPE == 1}"
    assert _f2(query) == (GPIB5, GPIB9)


def test_filter2_failures_exclude_the_resource() -> None:
    opener = Opener(failing=frozenset({GPIB9}))
    assert _f2("GPIB?*{VI_ATTR_TMO_VALUE > 0}", opener) == (GPIB5,)
    assert opener.opened == opener.closed == [GPIB5]
    # an attribute that cannot be read excludes the resource, whatever the operator
    assert _f2("?*{VI_ATTR_INTF_TYPE != 1}") == ()
    assert _f2("?*{!(VI_ATTR_INTF_TYPE == 1)}") == ()


def test_filter2_reads_lazily_once_and_closes() -> None:
    opener = Opener()
    query = (
        "GPIB?*{VI_ATTR_TMO_VALUE == 2000 || VI_ATTR_TMO_VALUE == 100 || VI_ATTR_TMO_VALUE == 1}"
    )
    assert _f2(query, opener) == (GPIB5, GPIB9)
    tmo = constants.VI_ATTR_TMO_VALUE
    assert opener.reads == [(GPIB5, tmo), (GPIB9, tmo)]
    assert opener.opened == opener.closed == [GPIB5, GPIB9]


def test_filter2_other_errors_do_not_propagate(caplog: pytest.LogCaptureFixture) -> None:
    def opener(name: str) -> Any:
        raise RuntimeError("boom")

    with caplog.at_level("ERROR", logger="pyvisa"):
        assert rname.filter2(["GPIB0::1::INSTR"], "?*{VI_ATTR_TMO_VALUE == 1}", opener) == ()
    assert "Failed to evaluate" in caplog.text and "GPIB0::1::INSTR" in caplog.text


@pytest.mark.parametrize(
    "query",
    [
        "?*{VI_ATTR_TMO_VALUE == 1",
        "?*{",
        "?*{VI_ATTR_TMO_VALUE = 1}",
        "?*{VI_ATTR_TMO_VALUE == }",
        "?*{VI_ATTR_TMO_VALUE 1}",
        "?*{VI_ATTR_TMO_VALUE == 1 &&}",
        "?*{(VI_ATTR_TMO_VALUE == 1}",
        "?*{VI_ATTR_TMO_VALUE == 1)}",
        "?*{VI_ATTR_TMO_VALUE == 12ab}",
        "?*{VI_ATTR_TMO_VALUE == 1} x",
        "?*({VI_ATTR_TMO_VALUE == 1}",
    ],
)
def test_filter2_invalid_expressions(query: str) -> None:
    with pytest.raises(errors.VisaIOError) as info:
        rname.filter2(list(ATTRIBUTES), query, Opener())  # type: ignore[arg-type]
    assert info.value.error_code == constants.StatusCode.error_invalid_expression


def test_deep_nesting_is_an_invalid_query_not_a_recursion_error() -> None:
    deepest = _rname_query._MAX_NESTING
    assert rname.filter(["a"], "(" * deepest + "a" + ")" * deepest) == ("a",)
    comparison = "VI_ATTR_GPIB_PRIMARY_ADDR == 5"
    deep = "GPIB?*{" + "!!" * (deepest // 2) + comparison + "}"
    assert _f2(deep) == (GPIB5,)
    too_deep = [
        "(" * 5000 + "a" + ")" * 5000,
        "?*{" + "(" * 5000 + comparison + ")" * 5000 + "}",
        "?*{" + "!" * 5000 + comparison + "}",
    ]
    for query in too_deep:
        with pytest.raises(errors.VisaIOError):
            _f2(query)


def test_interface_without_constant_is_unknown(scratch_registry: None) -> None:
    @rname.register_subclass
    @dataclasses.dataclass
    class FooInstr(ResourceName):
        interface_type: ClassVar[str] = "FOO"
        resource_class: ClassVar[str] = "INSTR"
        is_rc_optional: ClassVar[bool] = True

        board: str = "0"

    assert parse_resource_name("FOO").interface_type_const is InterfaceType.unknown
