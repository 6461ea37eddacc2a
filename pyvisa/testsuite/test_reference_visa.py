"""Semantics of the reference VISA library, checked with plain ctypes (not pyvisa.ctwrapper)."""

from __future__ import annotations

import ctypes
import pathlib
import platform
import re
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyvisa.testsuite.reference_visa import (
    ALIASES,
    RESOURCES,
    SOURCE_DIR,
    CompilerNotFoundError,
    ReferenceLibraryBuildError,
    build_reference_library,
    find_compiler,
    load_hooks,
)

HEADER = (SOURCE_DIR / "visa_ref.h").read_text()

#: Every numeric constant of the generated header (64-bit branch of the platform aliases).
C: dict[str, int] = {}
for _name, _value in re.findall(r"^#define (\w+) \((-?(?:0x)?[0-9A-Fa-f]+)u?\)", HEADER, re.M):
    C.setdefault(_name, int(_value, 0))

_U32 = {
    "ViSession",
    "ViObject",
    "ViFindList",
    "ViEvent",
    "ViUInt32",
    "ViAttr",
    "ViEventType",
    "ViJobId",
    "ViAccessMode",
    "ViEventFilter",
    "ViVersion",
}
_U64 = {"ViUInt64", "ViBusAddress", "ViBusSize", "ViAttrState", "ViBusAddress64"}
_SCALARS: dict[str, Any] = {
    **dict.fromkeys(_U32, ctypes.c_uint32),
    **dict.fromkeys(_U64, ctypes.c_uint64),
    "ViUInt16": ctypes.c_uint16,
    "ViBoolean": ctypes.c_uint16,
    "ViInt16": ctypes.c_int16,
    "ViUInt8": ctypes.c_uint8,
    "ViInt32": ctypes.c_int32,
    "ViStatus": ctypes.c_int32,
}
HANDLER = ctypes.CFUNCTYPE(
    ctypes.c_int32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p
)


def _prototypes() -> dict[str, tuple[Any, list[Any]]]:
    """Map each exported function to (restype, argtypes), read from the generated header."""
    protos = {}
    for ret, name, params in re.findall(
        r"^REFVISA_EXPORT (\w+) _VI_FUNCC? (\w+)\((.*)\);", HEADER, re.M
    ):
        if "..." in params or "ViVAList" in params:
            continue
        args = []
        for param in params.split(","):
            words = param.replace("_VI_FAR", "").replace("_VI_PTR", "*").split()
            ctype = _SCALARS.get(words[0])
            args.append(
                ctype
                if ctype is not None and "*" not in param and "[]" not in param
                else ctypes.c_void_p
            )
        protos[name] = (None if ret == "void" else ctypes.c_int32, args)
    return protos


PROTOTYPES = _prototypes()

#: Parameter types (first word of each declaration, with '*' for pointers) by function.
PARAMETERS: dict[str, list[str]] = {
    name: [
        param.split()[0] + ("*" if "*" in param or "[]" in param or "_VI_PTR" in param else "")
        for param in params.split(",")
    ]
    for name, params in re.findall(r"^REFVISA_EXPORT \w+ _VI_FUNCC? (\w+)\((.*)\);", HEADER, re.M)
}

#: The va_list formatted I/O operations and their variadic forms (not in PROTOTYPES).
FORMATTED_IO = (
    *("viPrintf", "viSPrintf", "viScanf", "viSScanf", "viQueryf"),
    *("viVPrintf", "viVSPrintf", "viVScanf", "viVSScanf", "viVQueryf"),
)


@pytest.fixture(scope="module")
def lib(reference_library: str) -> ctypes.CDLL:
    library = load_hooks(reference_library)
    for name, (restype, argtypes) in PROTOTYPES.items():
        func = getattr(library, name)
        func.restype = restype
        func.argtypes = argtypes
    return library


@pytest.fixture(autouse=True)
def fresh(request: pytest.FixtureRequest) -> Iterator[None]:
    if "lib" not in request.fixturenames:
        yield
        return
    library = request.getfixturevalue("lib")
    library.refvisa_reset()
    yield
    library.refvisa_reset()
    assert library.refvisa_open_object_count() == 0


@pytest.fixture
def rm(lib: ctypes.CDLL) -> int:
    session = ctypes.c_uint32()
    assert lib.viOpenDefaultRM(ctypes.byref(session)) == 0
    return session.value


def open_(lib: ctypes.CDLL, rm: int, name: str, mode: int = 0, timeout: int = 0) -> int:
    vi = ctypes.c_uint32()
    status = lib.viOpen(rm, name.encode(), mode, timeout, ctypes.byref(vi))
    assert status == 0, (name, status)
    return vi.value


def write(lib: ctypes.CDLL, vi: int, data: bytes) -> tuple[int, int]:
    ret = ctypes.c_uint32()
    status = lib.viWrite(vi, data, len(data), ctypes.byref(ret))
    return status, ret.value


def read(lib: ctypes.CDLL, vi: int, count: int) -> tuple[int, bytes]:
    buf = ctypes.create_string_buffer(max(count, 1))
    ret = ctypes.c_uint32()
    status = lib.viRead(vi, buf, count, ctypes.byref(ret))
    return status, buf.raw[: ret.value]


def get_attr(lib: ctypes.CDLL, vi: int, attr: str, ctype: Any = ctypes.c_uint64) -> tuple[int, Any]:
    value = ctype()
    status = lib.viGetAttribute(vi, C[attr], ctypes.byref(value))
    return status, value.value


def set_attr(lib: ctypes.CDLL, vi: int, attr: str, value: int) -> int:
    return lib.viSetAttribute(vi, C[attr], value & 0xFFFFFFFFFFFFFFFF)


# --------------------------------------------------------------------------- build


def test_build_exports_every_non_variadic_function(lib: ctypes.CDLL) -> None:
    assert len(PROTOTYPES) == 96
    for name in PROTOTYPES:
        assert hasattr(lib, name), name


def test_build_exports_the_formatted_io_family(lib: ctypes.CDLL) -> None:
    for name in FORMATTED_IO:
        assert hasattr(lib, name), name
        assert f" {name}(" in HEADER


def test_build_reuses_an_up_to_date_library(reference_library: str) -> None:
    path = pathlib.Path(reference_library)
    before = path.stat().st_mtime_ns
    assert build_reference_library(path.parent) == path
    assert path.stat().st_mtime_ns == before


def test_build_failure_is_loud(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CC", "false")
    with pytest.raises(ReferenceLibraryBuildError, match="failed"):
        build_reference_library(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_no_compiler_is_reported(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CC", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_compiler() is None
    with pytest.raises(CompilerNotFoundError, match="no C compiler"):
        build_reference_library(tmp_path / "out")


# --------------------------------------------------------------------------- sessions


def test_open_close_counting(lib: ctypes.CDLL, rm: int) -> None:
    assert lib.refvisa_open_session_count() == 0
    a = open_(lib, rm, "ASRL1::INSTR")
    b = open_(lib, rm, "GPIB0::1::INSTR")
    assert a != b
    assert lib.refvisa_open_session_count() == 2
    assert lib.viClose(a) == 0
    assert lib.viClose(a) == C["VI_ERROR_INV_OBJECT"]
    assert lib.refvisa_open_session_count() == 1
    assert lib.viClose(rm) == 0
    assert lib.refvisa_open_session_count() == 0
    assert lib.viClose(b) == C["VI_ERROR_INV_OBJECT"]
    assert lib.viClose(0) == C["VI_WARN_NULL_OBJECT"]
    assert lib.refvisa_open_object_count() == 0


def test_open_errors(lib: ctypes.CDLL, rm: int) -> None:
    vi = ctypes.c_uint32()
    assert lib.viOpen(rm, b"GPIB0::9::INSTR", 0, 0, ctypes.byref(vi)) == C["VI_ERROR_RSRC_NFOUND"]
    assert lib.viOpen(rm, b"FOO0::1::INSTR", 0, 0, ctypes.byref(vi)) == C["VI_ERROR_INV_RSRC_NAME"]
    assert lib.viOpen(rm, b"ASRL1::INSTR", 8, 0, ctypes.byref(vi)) == C["VI_ERROR_INV_ACC_MODE"]
    assert lib.viOpen(12345, b"ASRL1::INSTR", 0, 0, ctypes.byref(vi)) == C["VI_ERROR_INV_OBJECT"]
    assert lib.refvisa_open_session_count() == 0


# --------------------------------------------------------------------------- loopback


def test_loopback_end_and_max_count(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    assert write(lib, vi, b"abc\x00def") == (0, 7)
    assert read(lib, vi, 3) == (C["VI_SUCCESS_MAX_CNT"], b"abc")
    assert read(lib, vi, 100) == (0, b"\x00def")


def test_loopback_messages_keep_their_end(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    write(lib, vi, b"first")
    write(lib, vi, b"second")
    assert read(lib, vi, 100) == (0, b"first")
    assert read(lib, vi, 100) == (0, b"second")


def test_loopback_termchar(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    write(lib, vi, b"one\ntwo;three\n")
    assert set_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", 1) == 0
    assert read(lib, vi, 100) == (C["VI_SUCCESS_TERM_CHAR"], b"one\n")
    assert set_attr(lib, vi, "VI_ATTR_TERMCHAR", ord(";")) == 0
    assert read(lib, vi, 100) == (C["VI_SUCCESS_TERM_CHAR"], b"two;")
    assert read(lib, vi, 100) == (0, b"three\n")


def test_termchar_wins_over_end_and_end_can_be_suppressed(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    set_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", 1)
    write(lib, vi, b"line\n")
    assert read(lib, vi, 100) == (C["VI_SUCCESS_TERM_CHAR"], b"line\n")
    set_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", 0)
    set_attr(lib, vi, "VI_ATTR_SUPPRESS_END_EN", 1)
    write(lib, vi, b"ab")
    write(lib, vi, b"cd")
    assert read(lib, vi, 4) == (C["VI_SUCCESS_MAX_CNT"], b"abcd")


def test_loopback_is_shared_between_sessions(lib: ctypes.CDLL, rm: int) -> None:
    a = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    b = open_(lib, rm, "USB::0x1234::0x5678::SN001::INSTR")
    write(lib, a, b"shared")
    assert read(lib, b, 10) == (0, b"shared")


def test_write_without_end_times_out_with_partial_data(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::2::INSTR")
    assert set_attr(lib, vi, "VI_ATTR_SEND_END_EN", 0) == 0
    assert set_attr(lib, vi, "VI_ATTR_TMO_VALUE", 20) == 0
    write(lib, vi, b"partial")
    assert read(lib, vi, 100) == (C["VI_ERROR_TMO"], b"partial")


def test_read_timeout(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "TCPIP0::192.168.0.10::5025::SOCKET")
    assert set_attr(lib, vi, "VI_ATTR_TMO_VALUE", 100) == 0
    start = time.monotonic()
    assert read(lib, vi, 10) == (C["VI_ERROR_TMO"], b"")
    assert 0.09 <= time.monotonic() - start < 2
    assert set_attr(lib, vi, "VI_ATTR_TMO_VALUE", C["VI_TMO_IMMEDIATE"]) == 0
    start = time.monotonic()
    assert read(lib, vi, 10) == (C["VI_ERROR_TMO"], b"")
    assert time.monotonic() - start < 0.5


def test_write_from_another_thread_wakes_a_reader(lib: ctypes.CDLL, rm: int) -> None:
    reader = open_(lib, rm, "GPIB0::1::INSTR")
    writer = open_(lib, rm, "GPIB0::1::INSTR")
    timer = threading.Timer(0.05, write, (lib, writer, b"late"))
    timer.start()
    assert read(lib, reader, 10) == (0, b"late")
    timer.join()


def test_chunked_read_of_pushed_megabytes(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    payload = bytes(range(256)) * 16384
    assert lib.refvisa_push_data(vi, payload, len(payload), 1) == 0
    chunks, status = [], C["VI_SUCCESS_MAX_CNT"]
    while status == C["VI_SUCCESS_MAX_CNT"]:
        status, chunk = read(lib, vi, 65536)
        chunks.append(chunk)
    assert status == 0
    assert b"".join(chunks) == payload


def test_flush_clear_and_buffered_write(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    write(lib, vi, b"pending")
    pending = ctypes.c_uint32()
    lib.refvisa_pending_bytes(vi, ctypes.byref(pending))
    assert pending.value == 7
    assert lib.viFlush(vi, C["VI_IO_IN_BUF_DISCARD"]) == 0
    lib.refvisa_pending_bytes(vi, ctypes.byref(pending))
    assert pending.value == 0
    ret = ctypes.c_uint32()
    assert lib.viBufWrite(vi, b"buffered", 8, ctypes.byref(ret)) == 0
    lib.refvisa_pending_bytes(vi, ctypes.byref(pending))
    assert pending.value == 0
    assert lib.viFlush(vi, C["VI_WRITE_BUF"]) == 0
    assert read(lib, vi, 100) == (0, b"buffered")
    assert lib.viFlush(vi, 0x100) == C["VI_ERROR_INV_MASK"]
    write(lib, vi, b"x")
    assert lib.viClear(vi) == 0
    lib.refvisa_pending_bytes(vi, ctypes.byref(pending))
    assert pending.value == 0
    assert lib.viSetBuf(vi, C["VI_READ_BUF"] | C["VI_WRITE_BUF"], 100) == 0
    assert get_attr(lib, vi, "VI_ATTR_WR_BUF_SIZE", ctypes.c_uint32) == (0, 100)


def test_read_to_file_and_write_from_file(
    lib: ctypes.CDLL, rm: int, tmp_path: pathlib.Path
) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    source = tmp_path / "in.bin"
    source.write_bytes(b"file\x00content")
    ret = ctypes.c_uint32()
    assert lib.viWriteFromFile(vi, str(source).encode(), 100, ctypes.byref(ret)) == 0
    assert ret.value == 12
    target = tmp_path / "out.bin"
    assert lib.viReadToFile(vi, str(target).encode(), 100, ctypes.byref(ret)) == 0
    assert target.read_bytes() == b"file\x00content"
    missing = str(tmp_path / "nope" / "x").encode()
    assert lib.viWriteFromFile(vi, missing, 10, ctypes.byref(ret)) == C["VI_ERROR_FILE_ACCESS"]


# --------------------------------------------------------------------------- attributes


def test_attribute_defaults(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "gpib0::4::5::instr")
    assert get_attr(lib, vi, "VI_ATTR_TMO_VALUE", ctypes.c_uint32) == (0, 2000)
    assert get_attr(lib, vi, "VI_ATTR_TERMCHAR", ctypes.c_uint8) == (0, 0x0A)
    assert get_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", ctypes.c_uint16) == (0, 0)
    assert get_attr(lib, vi, "VI_ATTR_SEND_END_EN", ctypes.c_uint16) == (0, 1)
    assert get_attr(lib, vi, "VI_ATTR_INTF_TYPE", ctypes.c_uint16) == (0, C["VI_INTF_GPIB"])
    assert get_attr(lib, vi, "VI_ATTR_GPIB_PRIMARY_ADDR", ctypes.c_uint16) == (0, 4)
    assert get_attr(lib, vi, "VI_ATTR_GPIB_SECONDARY_ADDR", ctypes.c_uint16) == (0, 5)
    assert get_attr(lib, vi, "VI_ATTR_TRIG_ID", ctypes.c_int16) == (0, -1)
    name = ctypes.create_string_buffer(256)
    assert lib.viGetAttribute(vi, C["VI_ATTR_RSRC_NAME"], name) == 0
    assert name.value == b"GPIB0::4::5::INSTR"
    assert lib.viGetAttribute(vi, C["VI_ATTR_RSRC_CLASS"], name) == 0
    assert name.value == b"INSTR"


def test_attribute_written_with_its_type_size(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    raw = (ctypes.c_uint8 * 8)(*([0xEE] * 8))
    assert lib.viGetAttribute(vi, C["VI_ATTR_TERMCHAR"], raw) == 0
    assert list(raw) == [0x0A] + [0xEE] * 7
    assert lib.viGetAttribute(vi, C["VI_ATTR_ASRL_DATA_BITS"], raw) == 0
    assert list(raw) == [8, 0] + [0xEE] * 6


def test_attribute_errors(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    assert set_attr(lib, vi, "VI_ATTR_INTF_TYPE", 1) == C["VI_ERROR_ATTR_READONLY"]
    assert set_attr(lib, vi, "VI_ATTR_RSRC_NAME", 0) == C["VI_ERROR_ATTR_READONLY"]
    assert get_attr(lib, vi, "VI_ATTR_GPIB_PRIMARY_ADDR")[0] == C["VI_ERROR_NSUP_ATTR"]
    assert set_attr(lib, vi, "VI_ATTR_GPIB_UNADDR_EN", 1) == C["VI_ERROR_NSUP_ATTR"]
    assert set_attr(lib, vi, "VI_ATTR_ASRL_DATA_BITS", 9) == C["VI_ERROR_NSUP_ATTR_STATE"]
    assert set_attr(lib, vi, "VI_ATTR_ASRL_DATA_BITS", 7) == 0
    assert set_attr(lib, vi, "VI_ATTR_ASRL_PARITY", 5) == C["VI_ERROR_NSUP_ATTR_STATE"]
    assert set_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", 2) == C["VI_ERROR_NSUP_ATTR_STATE"]
    assert get_attr(lib, 999, "VI_ATTR_TMO_VALUE")[0] == C["VI_ERROR_INV_OBJECT"]


def test_user_data_is_64_bit(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "VXI0::1::INSTR")
    assert set_attr(lib, vi, "VI_ATTR_USER_DATA", 0x1234_5678_9ABC_DEF0) == 0
    assert get_attr(lib, vi, "VI_ATTR_USER_DATA") == (0, 0x1234_5678_9ABC_DEF0)
    assert set_attr(lib, rm, "VI_ATTR_USER_DATA", 2**63) == 0
    assert get_attr(lib, rm, "VI_ATTR_USER_DATA") == (0, 2**63)


def test_interface_specific_attributes(lib: ctypes.CDLL, rm: int) -> None:
    sock = open_(lib, rm, "TCPIP::192.168.0.10::5025::SOCKET")
    assert get_attr(lib, sock, "VI_ATTR_TCPIP_PORT", ctypes.c_uint16) == (0, 5025)
    usb = open_(lib, rm, "USB0::4660::22136::SN001::INSTR")
    assert get_attr(lib, usb, "VI_ATTR_MANF_ID", ctypes.c_uint16) == (0, 0x1234)
    serial = ctypes.create_string_buffer(256)
    assert lib.viGetAttribute(usb, C["VI_ATTR_USB_SERIAL_NUM"], serial) == 0
    assert serial.value == b"SN001"
    asrl = open_(lib, rm, "ASRL1::INSTR")
    assert get_attr(lib, asrl, "VI_ATTR_ASRL_BAUD", ctypes.c_uint32) == (0, 9600)
    assert set_attr(lib, asrl, "VI_ATTR_ASRL_BAUD", 115200) == 0
    assert get_attr(lib, asrl, "VI_ATTR_ASRL_BAUD", ctypes.c_uint32) == (0, 115200)
    write(lib, asrl, b"12345")
    assert get_attr(lib, asrl, "VI_ATTR_ASRL_AVAIL_NUM", ctypes.c_uint32) == (0, 5)


# --------------------------------------------------------------------------- find and parse


def find_all(lib: ctypes.CDLL, rm: int, expr: str) -> tuple[int, list[str]]:
    flist, count = ctypes.c_uint32(), ctypes.c_uint32()
    desc = ctypes.create_string_buffer(256)
    status = lib.viFindRsrc(rm, expr.encode(), ctypes.byref(flist), ctypes.byref(count), desc)
    if status < 0:
        return status, []
    names = [desc.value.decode()]
    for _ in range(count.value - 1):
        assert lib.viFindNext(flist, desc) == 0
        names.append(desc.value.decode())
    assert lib.viFindNext(flist, desc) == C["VI_ERROR_RSRC_NFOUND"]
    assert lib.viClose(flist) == 0
    return status, names


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("?*", list(RESOURCES)),
        ("?*INSTR", [r for r in RESOURCES if r.endswith("INSTR")]),
        ("GPIB?*INSTR", ["GPIB0::1::INSTR", "GPIB0::2::INSTR", "GPIB0::4::5::INSTR"]),
        ("gpib0::[12]::instr", ["GPIB0::1::INSTR", "GPIB0::2::INSTR"]),
        ("(ASRL|USB)?*", [r for r in RESOURCES if r.startswith(("ASRL", "USB"))]),
        ("[^AGTUVP]?*", []),
        ("ASRL[0-9]+::INSTR", ["ASRL1::INSTR", "ASRL2::INSTR"]),
        ("TCPIP0::192\\.168\\.0\\.10::?*", [r for r in RESOURCES if "192.168.0.10" in r]),
        ("VXI0::MEMACC", ["VXI0::MEMACC"]),
        ("?*{VI_ATTR_INTF_NUM == 0}", [r for r in RESOURCES if not r.startswith("ASRL")]),
    ],
)
def test_find_resources(lib: ctypes.CDLL, rm: int, expr: str, expected: list[str]) -> None:
    status, names = find_all(lib, rm, expr)
    if expected:
        assert (status, names) == (0, expected)
    else:
        assert status == C["VI_ERROR_RSRC_NFOUND"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(index=st.integers(0, len(RESOURCES) - 1), cut=st.integers(0, 40))
def test_find_escaped_name_and_prefix(lib: ctypes.CDLL, rm: int, index: int, cut: int) -> None:
    name = RESOURCES[index]
    escaped = "".join(c if c.isalnum() else "\\" + c for c in name)
    assert find_all(lib, rm, escaped.lower()) == (0, [name])
    prefix = "".join(c if c.isalnum() else "\\" + c for c in name[:cut])
    expected = [r for r in RESOURCES if r.lower().startswith(name[:cut].lower())]
    assert find_all(lib, rm, prefix + "?*") == (0, expected)


@pytest.mark.parametrize("expr", ["", "[abc", "GPIB(", "*GPIB", "?*{unterminated"])
def test_find_invalid_expression(lib: ctypes.CDLL, rm: int, expr: str) -> None:
    assert find_all(lib, rm, expr)[0] == C["VI_ERROR_INV_EXPR"]
    assert lib.refvisa_open_object_count() == 1


@pytest.mark.parametrize(
    ("name", "canonical", "intf", "num", "rclass"),
    [
        ("GPIB::1", "GPIB0::1::INSTR", "VI_INTF_GPIB", 0, "INSTR"),
        ("gpib0::intfc", "GPIB0::INTFC", "VI_INTF_GPIB", 0, "INTFC"),
        ("ASRL1", "ASRL1::INSTR", "VI_INTF_ASRL", 1, "INSTR"),
        (
            "TCPIP::192.168.0.10::INSTR",
            "TCPIP0::192.168.0.10::inst0::INSTR",
            "VI_INTF_TCPIP",
            0,
            "INSTR",
        ),
        (
            "tcpip0::192.168.0.10::5025::socket",
            "TCPIP0::192.168.0.10::5025::SOCKET",
            "VI_INTF_TCPIP",
            0,
            "SOCKET",
        ),
        (
            "USB::0x1234::0x5678::SN002::RAW",
            "USB0::0x1234::0x5678::SN002::0::RAW",
            "VI_INTF_USB",
            0,
            "RAW",
        ),
        ("VXI::1", "VXI0::1::INSTR", "VI_INTF_VXI", 0, "INSTR"),
        ("VXI0::BACKPLANE", "VXI0::0::BACKPLANE", "VI_INTF_VXI", 0, "BACKPLANE"),
        ("PXI0::MEMACC", "PXI0::MEMACC", "VI_INTF_PXI", 0, "MEMACC"),
        ("PXI0::0-1.0::INSTR", "PXI0::1::INSTR", "VI_INTF_PXI", 0, "INSTR"),
        ("pxi0::chassis1::slot1::INSTR", "PXI0::1::INSTR", "VI_INTF_PXI", 0, "INSTR"),
        ("PXI::1::0", "PXI0::1::INSTR", "VI_INTF_PXI", 0, "INSTR"),
    ],
)
def test_parse_resource(
    lib: ctypes.CDLL, rm: int, name: str, canonical: str, intf: str, num: int, rclass: str
) -> None:
    itype, inum = ctypes.c_uint16(), ctypes.c_uint16()
    assert lib.viParseRsrc(rm, name.encode(), ctypes.byref(itype), ctypes.byref(inum)) == 0
    assert (itype.value, inum.value) == (C[intf], num)
    cls, expanded, alias = (ctypes.create_string_buffer(256) for _ in range(3))
    status = lib.viParseRsrcEx(
        rm, name.encode(), ctypes.byref(itype), ctypes.byref(inum), cls, expanded, alias
    )
    assert status == 0
    expected_alias = {name: alias for alias, name in ALIASES.items()}.get(canonical, "")
    assert (cls.value.decode(), expanded.value.decode(), alias.value.decode()) == (
        rclass,
        canonical,
        expected_alias,
    )


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("GPIB0::7::INSTR", "VI_ERROR_RSRC_NFOUND"),
        ("ASRL9::INSTR", "VI_ERROR_RSRC_NFOUND"),
        ("GPIB0::99::INSTR", "VI_ERROR_INV_RSRC_NAME"),
        ("GPIB0::x::INSTR", "VI_ERROR_INV_RSRC_NAME"),
        ("NOPE0::1::INSTR", "VI_ERROR_INV_RSRC_NAME"),
        ("TCPIP0::::INSTR", "VI_ERROR_INV_RSRC_NAME"),
        ("", "VI_ERROR_INV_RSRC_NAME"),
        ("PXI0::1-2-3::INSTR", "VI_ERROR_INV_RSRC_NAME"),
        ("PXI0::CHASSIS2::SLOT1::INSTR", "VI_ERROR_RSRC_NFOUND"),
        ("PXI0::3-1::INSTR", "VI_ERROR_RSRC_NFOUND"),
    ],
)
def test_parse_errors(lib: ctypes.CDLL, rm: int, name: str, status: str) -> None:
    itype, inum = ctypes.c_uint16(), ctypes.c_uint16()
    assert lib.viParseRsrc(rm, name.encode(), ctypes.byref(itype), ctypes.byref(inum)) == C[status]


def test_parse_needs_a_resource_manager(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    itype, inum = ctypes.c_uint16(), ctypes.c_uint16()
    status = lib.viParseRsrc(vi, b"ASRL1::INSTR", ctypes.byref(itype), ctypes.byref(inum))
    assert status == C["VI_ERROR_INV_OBJECT"]
    assert find_all(lib, vi, "?*")[0] == C["VI_ERROR_INV_OBJECT"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    index=st.integers(0, len(RESOURCES) - 1),
    flips=st.lists(st.booleans(), min_size=40, max_size=40),
)
def test_parse_is_case_insensitive(
    lib: ctypes.CDLL, rm: int, index: int, flips: list[bool]
) -> None:
    name = RESOURCES[index]
    mixed = "".join(c.swapcase() if flip else c for c, flip in zip(name, flips * 2, strict=False))
    itype, inum = ctypes.c_uint16(), ctypes.c_uint16()
    cls, expanded, alias = (ctypes.create_string_buffer(256) for _ in range(3))
    status = lib.viParseRsrcEx(
        rm, mixed.encode(), ctypes.byref(itype), ctypes.byref(inum), cls, expanded, alias
    )
    assert status == 0
    assert expanded.value.decode() == name


# --------------------------------------------------------------------------- locks


def lock(
    lib: ctypes.CDLL, vi: int, kind: str, timeout: int = 0, key: bytes | None = None
) -> tuple[int, bytes]:
    access = ctypes.create_string_buffer(256)
    status = lib.viLock(vi, C[kind], timeout, key, access)
    return status, access.value


def test_exclusive_lock(lib: ctypes.CDLL, rm: int) -> None:
    a = open_(lib, rm, "GPIB0::1::INSTR")
    b = open_(lib, rm, "GPIB0::1::INSTR")
    assert lock(lib, a, "VI_EXCLUSIVE_LOCK")[0] == 0
    assert lock(lib, a, "VI_EXCLUSIVE_LOCK")[0] == C["VI_SUCCESS_NESTED_EXCLUSIVE"]
    assert get_attr(lib, b, "VI_ATTR_RSRC_LOCK_STATE", ctypes.c_uint32) == (
        0,
        C["VI_EXCLUSIVE_LOCK"],
    )
    assert write(lib, b, b"x")[0] == C["VI_ERROR_RSRC_LOCKED"]
    assert write(lib, a, b"x") == (0, 1)
    assert lock(lib, b, "VI_EXCLUSIVE_LOCK")[0] == C["VI_ERROR_RSRC_LOCKED"]
    start = time.monotonic()
    assert lock(lib, b, "VI_EXCLUSIVE_LOCK", timeout=50)[0] == C["VI_ERROR_TMO"]
    assert time.monotonic() - start >= 0.045
    assert lib.viUnlock(a) == C["VI_SUCCESS_NESTED_EXCLUSIVE"]
    assert lib.viUnlock(a) == 0
    assert lib.viUnlock(a) == C["VI_ERROR_SESN_NLOCKED"]
    assert write(lib, b, b"y") == (0, 1)


def test_lock_waiter_gets_lock_when_released(lib: ctypes.CDLL, rm: int) -> None:
    a = open_(lib, rm, "ASRL1::INSTR")
    b = open_(lib, rm, "ASRL1::INSTR")
    assert lock(lib, a, "VI_EXCLUSIVE_LOCK")[0] == 0
    timer = threading.Timer(0.05, lib.viUnlock, (a,))
    timer.start()
    assert lock(lib, b, "VI_EXCLUSIVE_LOCK", timeout=5000)[0] == 0
    timer.join()
    assert write(lib, a, b"x")[0] == C["VI_ERROR_RSRC_LOCKED"]
    assert lib.viClose(b) == 0
    assert write(lib, a, b"x")[0] == 0


def test_shared_lock_with_keys(lib: ctypes.CDLL, rm: int) -> None:
    a = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    b = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    c = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    status, key = lock(lib, a, "VI_SHARED_LOCK")
    assert status == 0 and key
    assert lock(lib, a, "VI_SHARED_LOCK") == (C["VI_SUCCESS_NESTED_SHARED"], key)
    assert lock(lib, b, "VI_SHARED_LOCK", key=key) == (0, key)
    assert lock(lib, c, "VI_SHARED_LOCK", key=b"wrong")[0] == C["VI_ERROR_INV_ACCESS_KEY"]
    assert write(lib, b, b"ok")[0] == 0
    assert write(lib, c, b"no")[0] == C["VI_ERROR_RSRC_LOCKED"]
    assert lock(lib, c, "VI_EXCLUSIVE_LOCK")[0] == C["VI_ERROR_RSRC_LOCKED"]
    assert get_attr(lib, c, "VI_ATTR_RSRC_LOCK_STATE", ctypes.c_uint32) == (0, C["VI_SHARED_LOCK"])
    assert lib.viUnlock(a) == C["VI_SUCCESS_NESTED_SHARED"]
    assert lib.viUnlock(a) == 0
    assert lib.viUnlock(b) == 0
    assert lock(lib, c, "VI_SHARED_LOCK", key=b"mine") == (0, b"mine")
    assert lib.viLock(c, 3, 0, None, None) == C["VI_ERROR_INV_LOCK_TYPE"]


def test_open_with_lock_access_modes(lib: ctypes.CDLL, rm: int) -> None:
    a = open_(lib, rm, "GPIB0::2::INSTR", mode=C["VI_EXCLUSIVE_LOCK"])
    vi = ctypes.c_uint32()
    start = time.monotonic()
    status = lib.viOpen(rm, b"GPIB0::2::INSTR", C["VI_EXCLUSIVE_LOCK"], 50, ctypes.byref(vi))
    assert status == C["VI_ERROR_RSRC_LOCKED"]
    assert time.monotonic() - start >= 0.045
    assert (
        lib.viOpen(rm, b"GPIB0::2::INSTR", C["VI_SHARED_LOCK"], 0, ctypes.byref(vi))
        == C["VI_ERROR_RSRC_LOCKED"]
    )
    assert lib.refvisa_open_session_count() == 1
    assert lib.viClose(a) == 0
    b = open_(lib, rm, "GPIB0::2::INSTR", mode=C["VI_SHARED_LOCK"])
    assert get_attr(lib, b, "VI_ATTR_RSRC_LOCK_STATE", ctypes.c_uint32) == (0, C["VI_SHARED_LOCK"])


# --------------------------------------------------------------------------- events


def wait_event(lib: ctypes.CDLL, vi: int, event: str, timeout: int) -> tuple[int, int, int]:
    etype, context = ctypes.c_uint32(), ctypes.c_uint32()
    status = lib.viWaitOnEvent(vi, C[event], timeout, ctypes.byref(etype), ctypes.byref(context))
    return status, etype.value, context.value


def test_srq_from_another_thread(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert wait_event(lib, vi, "VI_EVENT_SERVICE_REQ", 0)[0] == C["VI_ERROR_NENABLED"]
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"], 0) == 0
    assert (
        lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"], 0)
        == C["VI_SUCCESS_EVENT_EN"]
    )
    assert wait_event(lib, vi, "VI_EVENT_SERVICE_REQ", 10)[0] == C["VI_ERROR_TMO"]
    assert lib.refvisa_raise_srq(vi, 50) == 0
    status, etype, context = wait_event(lib, vi, "VI_EVENT_SERVICE_REQ", 5000)
    assert (status, etype) == (0, C["VI_EVENT_SERVICE_REQ"])
    assert get_attr(lib, context, "VI_ATTR_EVENT_TYPE", ctypes.c_uint32) == (
        0,
        C["VI_EVENT_SERVICE_REQ"],
    )
    assert get_attr(lib, context, "VI_ATTR_STATUS")[0] == C["VI_ERROR_NSUP_ATTR"]
    assert lib.viClose(context) == 0
    stb = ctypes.c_uint16()
    assert lib.viReadSTB(vi, ctypes.byref(stb)) == 0
    assert stb.value & 0x40
    assert lib.viDisableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"]) == 0
    assert (
        lib.viDisableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"])
        == C["VI_SUCCESS_EVENT_DIS"]
    )


def test_queue_discard_and_all_enabled(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"], 0) == 0
    assert lib.viEnableEvent(vi, C["VI_EVENT_TRIG"], C["VI_QUEUE"], 0) == 0
    for _ in range(2):
        assert lib.refvisa_raise_srq(vi, 0) == 0
    assert lib.viAssertTrigger(vi, C["VI_TRIG_PROT_DEFAULT"]) == 0
    status, etype, context = wait_event(lib, vi, "VI_ALL_ENABLED_EVENTS", 0)
    assert (status, etype) == (C["VI_SUCCESS_QUEUE_NEMPTY"], C["VI_EVENT_SERVICE_REQ"])
    lib.viClose(context)
    assert lib.viDiscardEvents(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"]) == 0
    assert (
        lib.viDiscardEvents(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"])
        == C["VI_SUCCESS_QUEUE_EMPTY"]
    )
    status, etype, context = wait_event(lib, vi, "VI_EVENT_TRIG", 0)
    assert (status, etype) == (0, C["VI_EVENT_TRIG"])
    assert get_attr(lib, context, "VI_ATTR_RECV_TRIG_ID", ctypes.c_int16) == (0, C["VI_TRIG_SW"])
    assert (
        lib.viEnableEvent(vi, C["VI_EVENT_VXI_SIGP"], C["VI_QUEUE"], 0) == C["VI_ERROR_INV_EVENT"]
    )
    assert lib.viEnableEvent(vi, C["VI_EVENT_TRIG"], 8, 0) == C["VI_ERROR_INV_MECH"]


def test_handler_runs_on_a_library_thread(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    calls: list[tuple[int, int, int, int | None, int]] = []
    done = threading.Event()

    def on_event(session: int, event_type: int, context: int, user: int | None) -> int:
        status, stype = get_attr(lib, context, "VI_ATTR_EVENT_TYPE", ctypes.c_uint32)
        calls.append((session, event_type, stype, user, threading.get_ident()))
        done.set()
        return 0

    callback = HANDLER(on_event)
    assert (
        lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_HNDLR"], 0)
        == C["VI_ERROR_HNDLR_NINSTALLED"]
    )
    assert lib.viInstallHandler(vi, C["VI_EVENT_SERVICE_REQ"], callback, 42) == 0
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_HNDLR"], 0) == 0
    before = lib.refvisa_handler_thread_calls()
    assert lib.refvisa_raise_srq(vi, 0) == 0
    assert done.wait(5)
    assert calls[0][:4] == (vi, C["VI_EVENT_SERVICE_REQ"], C["VI_EVENT_SERVICE_REQ"], 42)
    assert calls[0][4] != threading.get_ident()
    assert lib.viUninstallHandler(vi, C["VI_EVENT_SERVICE_REQ"], callback, 42) == 0
    assert (
        lib.viUninstallHandler(vi, C["VI_EVENT_SERVICE_REQ"], callback, 42)
        == C["VI_ERROR_INV_HNDLR_REF"]
    )
    assert lib.refvisa_handler_thread_calls() == before + 1
    assert lib.refvisa_open_object_count() == 2


def test_any_handler_uninstalls_only_the_given_user_handle(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    callback = HANDLER(lambda *args: 0)
    event = C["VI_EVENT_SERVICE_REQ"]
    for user in (1, 1, 2):
        assert lib.viInstallHandler(vi, event, callback, user) == 0
    # VI_ANY_HNDLR: every handler installed with user handle 1 (both), not the one with 2.
    assert lib.viUninstallHandler(vi, event, None, 1) == 0
    assert lib.viUninstallHandler(vi, event, callback, 1) == C["VI_ERROR_INV_HNDLR_REF"]
    assert lib.viUninstallHandler(vi, event, None, 3) == C["VI_ERROR_INV_HNDLR_REF"]
    assert lib.viUninstallHandler(vi, event, callback, 2) == 0
    assert lib.viUninstallHandler(vi, event, None, 2) == C["VI_ERROR_INV_HNDLR_REF"]


def test_suspended_handler_gets_events_later(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    seen = threading.Event()

    def on_event(*args: Any) -> int:
        seen.set()
        return 0

    callback = HANDLER(on_event)
    assert lib.viInstallHandler(vi, C["VI_EVENT_SERVICE_REQ"], callback, None) == 0
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_SUSPEND_HNDLR"], 0) == 0
    lib.refvisa_raise_srq(vi, 0)
    assert not seen.wait(0.05)
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_HNDLR"], 0) == 0
    assert seen.wait(5)
    assert lib.viClose(vi) == 0


def test_handler_chain_and_other_events(lib: ctypes.CDLL, rm: int) -> None:
    intfc = open_(lib, rm, "GPIB0::INTFC")
    order: list[str] = []
    done = threading.Event()

    def first(session: int, event_type: int, context: int, user: int | None) -> int:
        status, state = get_attr(lib, context, "VI_ATTR_GPIB_RECV_CIC_STATE", ctypes.c_uint16)
        order.append(f"first {status} {state}")
        done.set()
        return 0

    def last(session: int, event_type: int, context: int, user: int | None) -> int:
        order.append("last")
        return C["VI_SUCCESS_NCHAIN"]

    callbacks = [HANDLER(first), HANDLER(last)]
    for callback in callbacks:
        assert lib.viInstallHandler(intfc, C["VI_EVENT_GPIB_CIC"], callback, None) == 0
    assert lib.viEnableEvent(intfc, C["VI_EVENT_GPIB_CIC"], C["VI_HNDLR"], 0) == 0
    assert lib.viGpibPassControl(intfc, 3, C["VI_NO_SEC_ADDR"]) == 0
    deadline = time.monotonic() + 5
    while not order and time.monotonic() < deadline:
        time.sleep(0.005)
    time.sleep(0.02)
    assert order == ["last"]
    assert lib.viUninstallHandler(intfc, C["VI_EVENT_GPIB_CIC"], callbacks[1], None) == 0
    assert lib.viGpibSendIFC(intfc) == 0
    assert done.wait(5)
    assert order == ["last", "first 0 1"]
    assert lib.viUninstallHandler(intfc, C["VI_EVENT_GPIB_CIC"], None, None) == 0
    assert (
        lib.viUninstallHandler(intfc, C["VI_EVENT_GPIB_CIC"], callbacks[0], None)
        == C["VI_ERROR_INV_HNDLR_REF"]
    )

    vi = open_(lib, rm, "ASRL1::INSTR")
    assert lib.viEnableEvent(vi, C["VI_EVENT_CLEAR"], C["VI_QUEUE"], 0) == 0
    assert lib.viEnableEvent(vi, C["VI_EVENT_EXCEPTION"], C["VI_QUEUE"], 0) == 0
    assert lib.viClear(vi) == 0
    assert wait_event(lib, vi, "VI_EVENT_CLEAR", 0)[:2] == (0, C["VI_EVENT_CLEAR"])
    assert lib.refvisa_raise_event(vi, C["VI_EVENT_EXCEPTION"], 0) == 0
    status, _, context = wait_event(lib, vi, "VI_EVENT_EXCEPTION", 0)
    assert get_attr(lib, context, "VI_ATTR_STATUS", ctypes.c_int32) == (
        0,
        C["VI_ERROR_SYSTEM_ERROR"],
    )
    assert lib.refvisa_raise_srq(vi, 0) == C["VI_ERROR_INV_EVENT"]


def test_read_async_posts_io_completion(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viEnableEvent(vi, C["VI_EVENT_IO_COMPLETION"], C["VI_QUEUE"], 0) == 0
    buf = ctypes.create_string_buffer(32)
    job = ctypes.c_uint32()
    assert lib.viReadAsync(vi, buf, 32, ctypes.byref(job)) == 0
    write(lib, vi, b"async")
    status, _, context = wait_event(lib, vi, "VI_EVENT_IO_COMPLETION", 5000)
    assert status == 0
    assert get_attr(lib, context, "VI_ATTR_JOB_ID", ctypes.c_uint32) == (0, job.value)
    assert get_attr(lib, context, "VI_ATTR_STATUS", ctypes.c_int32) == (0, 0)
    assert get_attr(lib, context, "VI_ATTR_RET_COUNT") == (0, 5)
    assert get_attr(lib, context, "VI_ATTR_BUFFER", ctypes.c_void_p) == (0, ctypes.addressof(buf))
    name = ctypes.create_string_buffer(256)
    assert lib.viGetAttribute(context, C["VI_ATTR_OPER_NAME"], name) == 0
    assert name.value == b"viReadAsync"
    assert buf.raw[:5] == b"async"
    lib.viClose(context)
    # a pending read can be terminated
    assert lib.viReadAsync(vi, buf, 32, ctypes.byref(job)) == 0
    assert lib.viTerminate(vi, 0, job.value) == 0
    status, _, context = wait_event(lib, vi, "VI_EVENT_IO_COMPLETION", 5000)
    assert get_attr(lib, context, "VI_ATTR_STATUS", ctypes.c_int32) == (0, C["VI_ERROR_ABORT"])
    assert lib.viTerminate(vi, 0, 123456) == C["VI_ERROR_INV_JOB_ID"]
    # write async completes synchronously
    assert lib.viWriteAsync(vi, b"w", 1, ctypes.byref(job)) == C["VI_SUCCESS_SYNC"]
    assert wait_event(lib, vi, "VI_EVENT_IO_COMPLETION", 0)[0] == 0


def test_close_with_pending_async_read_does_not_hang(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    buf = ctypes.create_string_buffer(8)
    job = ctypes.c_uint32()
    assert lib.viReadAsync(vi, buf, 8, ctypes.byref(job)) == 0
    start = time.monotonic()
    assert lib.viClose(vi) == 0
    assert time.monotonic() - start < 1


# --------------------------------------------------------------------------- memory


@pytest.mark.parametrize(
    ("bits", "value"), [(8, 0xAB), (16, 0xBEEF), (32, 0xDEADBEEF), (64, 0x0123456789ABCDEF)]
)
def test_in_out(lib: ctypes.CDLL, rm: int, bits: int, value: int) -> None:
    vi = open_(lib, rm, "VXI0::MEMACC")
    ctype = getattr(ctypes, f"c_uint{bits}")
    out, inp = getattr(lib, f"viOut{bits}"), getattr(lib, f"viIn{bits}")
    assert out(vi, C["VI_A24_SPACE"], 0x10, value) == 0
    got = ctype()
    assert inp(vi, C["VI_A24_SPACE"], 0x10, ctypes.byref(got)) == 0
    assert got.value == value
    assert getattr(lib, f"viIn{bits}Ex")(vi, C["VI_A24_SPACE"], 0x10, ctypes.byref(got)) == 0
    assert got.value == value
    assert inp(vi, C["VI_A24_SPACE"], 0x10000, ctypes.byref(got)) == C["VI_ERROR_INV_OFFSET"]
    assert inp(vi, C["VI_PXI_BAR0_SPACE"], 0, ctypes.byref(got)) == C["VI_ERROR_INV_SPACE"]


def test_move_in_out_and_move(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "PXI0::1::INSTR")
    data = (ctypes.c_uint16 * 4)(1, 2, 3, 4)
    assert lib.viMoveOut16(vi, C["VI_PXI_BAR1_SPACE"], 0x20, 4, data) == 0
    back = (ctypes.c_uint16 * 4)()
    assert lib.viMoveIn16(vi, C["VI_PXI_BAR1_SPACE"], 0x20, 4, back) == 0
    assert list(back) == [1, 2, 3, 4]
    space = C["VI_PXI_BAR1_SPACE"]
    assert lib.viMove(vi, space, 0x20, 2, space, 0x100, 2, 4) == 0
    assert lib.viMoveIn16(vi, space, 0x100, 4, back) == 0
    assert list(back) == [1, 2, 3, 4]
    assert lib.viMove(vi, space, 0x20, 2, space, 0x100, 4, 4) == C["VI_ERROR_NSUP_VAR_WIDTH"]
    assert lib.viMove(vi, space, 0x20, 3, space, 0x100, 3, 4) == C["VI_ERROR_INV_WIDTH"]
    assert lib.viMoveIn16(vi, space, 0xFFFE, 4, back) == C["VI_ERROR_INV_OFFSET"]
    assert set_attr(lib, vi, "VI_ATTR_SRC_INCREMENT", 0) == 0
    assert lib.viMoveIn16(vi, space, 0x20, 4, back) == 0
    assert list(back) == [1, 1, 1, 1]
    gpib = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viMoveIn16(gpib, space, 0, 1, back) == C["VI_ERROR_NSUP_OPER"]


def test_map_peek_poke(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "VXI0::1::INSTR")
    address = ctypes.c_void_p()
    assert lib.viUnmapAddress(vi) == C["VI_ERROR_WINDOW_NMAPPED"]
    assert (
        lib.viMapAddress(vi, C["VI_A16_SPACE"], 0x100, 0x100, 0, None, ctypes.byref(address)) == 0
    )
    assert address.value
    assert (
        lib.viMapAddress(vi, C["VI_A16_SPACE"], 0, 0x10, 0, None, ctypes.byref(address))
        == C["VI_ERROR_WINDOW_MAPPED"]
    )
    assert get_attr(lib, vi, "VI_ATTR_WIN_BASE_ADDR") == (0, 0x100)
    assert get_attr(lib, vi, "VI_ATTR_WIN_SIZE") == (0, 0x100)
    lib.viPoke32(vi, address.value + 4, 0xCAFEF00D)
    val = ctypes.c_uint32()
    lib.viPeek32(vi, address.value + 4, ctypes.byref(val))
    assert val.value == 0xCAFEF00D
    assert ctypes.c_uint32.from_address(address.value + 4).value == 0xCAFEF00D
    assert lib.viIn32(vi, C["VI_A16_SPACE"], 0x104, ctypes.byref(val)) == 0
    assert val.value == 0xCAFEF00D
    lib.viPeek32(vi, address.value + 0x100, ctypes.byref(val))
    assert val.value == 0xFFFFFFFF
    assert lib.viUnmapAddress(vi) == 0
    assert (
        lib.viMapAddress(vi, C["VI_A16_SPACE"], 0xFF00, 0x200, 0, None, ctypes.byref(address))
        == C["VI_ERROR_INV_SIZE"]
    )


def test_mem_alloc_free(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "PXI0::MEMACC")
    first, second = ctypes.c_uint64(), ctypes.c_uint64()
    assert lib.viMemAlloc(vi, 100, ctypes.byref(first)) == 0
    assert lib.viMemAllocEx(vi, 100, ctypes.byref(second)) == 0
    assert second.value >= first.value + 100
    assert lib.viOut8(vi, C["VI_PXI_ALLOC_SPACE"], first.value, 7) == 0
    assert lib.viMemFree(vi, first.value) == 0
    assert lib.viMemFree(vi, first.value) == C["VI_ERROR_INV_OFFSET"]
    assert lib.viMemAlloc(vi, 0, ctypes.byref(first)) == C["VI_ERROR_INV_SIZE"]


# --------------------------------------------------------------------------- GPIB, USB, VXI, triggers


def test_gpib_interface_operations(lib: ctypes.CDLL, rm: int) -> None:
    intfc = open_(lib, rm, "GPIB0::INTFC")
    dev = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viGpibControlREN(dev, C["VI_GPIB_REN_ASSERT"]) == 0
    assert get_attr(lib, intfc, "VI_ATTR_GPIB_REN_STATE", ctypes.c_int16) == (
        0,
        C["VI_STATE_ASSERTED"],
    )
    assert lib.viGpibControlREN(dev, 99) == C["VI_ERROR_INV_MODE"]
    assert lib.viGpibControlATN(intfc, C["VI_GPIB_ATN_ASSERT"]) == 0
    assert get_attr(lib, intfc, "VI_ATTR_GPIB_ATN_STATE", ctypes.c_int16) == (
        0,
        C["VI_STATE_ASSERTED"],
    )
    assert lib.viGpibControlATN(dev, 0) == C["VI_ERROR_NSUP_OPER"]
    ret = ctypes.c_uint32()
    assert lib.viGpibCommand(intfc, b"\x3f\x21", 2, ctypes.byref(ret)) == 0
    assert ret.value == 2
    log = ctypes.create_string_buffer(16)
    lib.refvisa_gpib_commands(intfc, log, 16, ctypes.byref(ret))
    assert log.raw[: ret.value] == b"\x3f\x21"
    assert lib.viGpibPassControl(intfc, 5, C["VI_NO_SEC_ADDR"]) == 0
    assert get_attr(lib, intfc, "VI_ATTR_GPIB_CIC_STATE", ctypes.c_uint16) == (0, 0)
    assert lib.viGpibSendIFC(intfc) == 0
    assert get_attr(lib, intfc, "VI_ATTR_GPIB_CIC_STATE", ctypes.c_uint16) == (0, 1)
    assert set_attr(lib, intfc, "VI_ATTR_GPIB_PRIMARY_ADDR", 7) == 0
    assert get_attr(lib, intfc, "VI_ATTR_GPIB_PRIMARY_ADDR", ctypes.c_uint16) == (0, 7)
    assert set_attr(lib, intfc, "VI_ATTR_GPIB_PRIMARY_ADDR", 31) == C["VI_ERROR_NSUP_ATTR_STATE"]
    assert set_attr(lib, dev, "VI_ATTR_GPIB_PRIMARY_ADDR", 7) == C["VI_ERROR_ATTR_READONLY"]
    tcpip = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    assert lib.viGpibControlREN(tcpip, C["VI_GPIB_REN_DEASSERT_GTL"]) == 0
    asrl = open_(lib, rm, "ASRL1::INSTR")
    assert lib.viGpibControlREN(asrl, C["VI_GPIB_REN_ASSERT"]) == C["VI_ERROR_NSUP_OPER"]


def test_usb_control_transfers(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "USB0::0x1234::0x5678::SN002::0::RAW")
    assert lib.viUsbControlOut(vi, 0x40, 1, 0, 0, 4, b"ping") == 0
    buf = ctypes.create_string_buffer(8)
    ret = ctypes.c_uint16()
    assert lib.viUsbControlIn(vi, 0xC0, 1, 0, 0, 8, buf, ctypes.byref(ret)) == 0
    assert buf.raw[: ret.value] == b"ping"
    assert (
        lib.viUsbControlIn(vi, 0x40, 1, 0, 0, 8, buf, ctypes.byref(ret))
        == C["VI_ERROR_INV_PARAMETER"]
    )


def test_usb_control_transfer_of_the_largest_length(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    other = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    data = bytes(range(256)) * 255 + bytes(range(255))
    assert lib.viUsbControlOut(vi, 0x40, 1, 0, 0, 0xFFFF, data) == 0
    buf = ctypes.create_string_buffer(0xFFFF)
    ret = ctypes.c_uint16()
    assert lib.viUsbControlIn(other, 0xC0, 1, 0, 0, 0xFFFF, buf, ctypes.byref(ret)) == 0
    assert ret.value == 0xFFFF and buf.raw == data
    assert lib.viUsbControlOut(vi, 0x40, 1, 0, 0, 0, None) == 0  # an empty transfer
    assert lib.viUsbControlIn(vi, 0xC0, 1, 0, 0, 0xFFFF, buf, ctypes.byref(ret)) == 0
    assert ret.value == 0


def test_triggers_and_vxi(lib: ctypes.CDLL, rm: int) -> None:
    bp = open_(lib, rm, "VXI0::0::BACKPLANE")
    ttl0, ttl1 = C["VI_TRIG_TTL0"], C["VI_TRIG_TTL1"]
    assert lib.viMapTrigger(bp, ttl0, ttl1, 0) == 0
    assert lib.viMapTrigger(bp, ttl0, ttl1, 0) == C["VI_SUCCESS_TRIG_MAPPED"]
    assert lib.viUnmapTrigger(bp, ttl0, ttl1) == 0
    assert lib.viUnmapTrigger(bp, ttl0, ttl1) == C["VI_ERROR_TRIG_NMAPPED"]
    assert lib.viAssertUtilSignal(bp, C["VI_UTIL_ASSERT_SYSFAIL"]) == 0
    assert get_attr(lib, bp, "VI_ATTR_VXI_VME_SYSFAIL_STATE", ctypes.c_int16) == (
        0,
        C["VI_STATE_ASSERTED"],
    )
    assert lib.viAssertIntrSignal(bp, C["VI_ASSERT_IRQ1"], 0) == 0
    vxi = open_(lib, rm, "VXI0::1::INSTR")
    response = ctypes.c_uint32()
    assert lib.viVxiCommandQuery(vxi, C["VI_VXI_CMD16_RESP16"], 0xCAFE, ctypes.byref(response)) == 0
    assert response.value == 0xCAFE
    assert lib.viVxiCommandQuery(vxi, 0x7, 0, ctypes.byref(response)) == C["VI_ERROR_INV_MODE"]
    gpib = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viAssertTrigger(gpib, C["VI_TRIG_PROT_DEFAULT"]) == 0
    assert lib.viAssertTrigger(gpib, C["VI_TRIG_PROT_ON"]) == C["VI_ERROR_INV_PROT"]
    count = ctypes.c_uint32()
    lib.refvisa_trigger_count(gpib, ctypes.byref(count))
    assert count.value == 1


# --------------------------------------------------------------------------- status texts


def test_status_descriptions(lib: ctypes.CDLL, rm: int) -> None:
    desc = ctypes.create_string_buffer(256)
    assert lib.viStatusDesc(rm, C["VI_ERROR_TMO"], desc) == 0
    assert desc.value == b"Timeout expired before operation completed."
    assert lib.viStatusDesc(rm, C["VI_SUCCESS_MAX_CNT"], desc) == 0
    assert desc.value == b"The number of bytes read is equal to the input count."
    assert lib.viStatusDesc(rm, 0x12345, desc) == C["VI_WARN_UNKNOWN_STATUS"]
    codes = [
        value
        for name, value in C.items()
        if name.startswith(("VI_ERROR_", "VI_WARN_", "VI_SUCCESS"))
    ]
    for code in codes:
        assert lib.viStatusDesc(rm, code, desc) == 0, hex(code)
        assert desc.value and not desc.value.startswith(b"(")


# --------------------------------------------------------------------------- concurrency


def test_concurrent_use_does_not_leak(lib: ctypes.CDLL, rm: int) -> None:
    errors: list[str] = []
    handled = threading.Event()

    def on_event(*args: Any) -> int:
        handled.set()
        return 0

    callback = HANDLER(on_event)
    watcher = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viInstallHandler(watcher, C["VI_EVENT_SERVICE_REQ"], callback, None) == 0
    assert (
        lib.viEnableEvent(watcher, C["VI_EVENT_SERVICE_REQ"], C["VI_HNDLR"] | C["VI_QUEUE"], 0) == 0
    )

    def worker(index: int) -> None:
        for round_ in range(40):
            vi = ctypes.c_uint32()
            if lib.viOpen(rm, b"GPIB0::1::INSTR", 0, 0, ctypes.byref(vi)) != 0:
                errors.append("open")
                return
            lib.viSetAttribute(vi, C["VI_ATTR_TMO_VALUE"], 0)
            lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"], 0)
            message = f"{index}-{round_}".encode()
            status = write(lib, vi.value, message)[0]
            if status != 0:
                errors.append(f"write {status}")
            read(lib, vi.value, 64)
            lib.refvisa_raise_srq(vi, round_ % 3)
            pending = ctypes.create_string_buffer(8)  # alive until viClose aborts the job
            if round_ % 5 == 0:
                lib.viReadAsync(vi, pending, 8, None)
            status = lib.viClose(vi)
            if status != 0:
                errors.append(f"close {status}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert handled.wait(5)
    assert lib.viClose(watcher) == 0
    time.sleep(0.05)  # let delayed SRQ threads finish on closed sessions
    assert lib.refvisa_open_session_count() == 0
    assert lib.refvisa_open_object_count() == 1


# --------------------------------------------------------------------------- attribute expressions


def _gpib_or_vxi() -> str:
    return f"?*INSTR{{VI_ATTR_INTF_TYPE == {C['VI_INTF_GPIB']} || VI_ATTR_INTF_TYPE == 0x2}}"


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (
            "?*{VI_ATTR_INTF_NUM == 0 && VI_ATTR_TCPIP_PORT != 80}",
            ["TCPIP0::192.168.0.10::5025::SOCKET"],
        ),
        # VI_ATTR_TCPIP_PORT applies to the SOCKET only: elsewhere the comparison is false
        ("?*{VI_ATTR_INTF_NUM == 0 && VI_ATTR_TCPIP_PORT != 5025}", []),
        (
            _gpib_or_vxi(),
            ["GPIB0::1::INSTR", "GPIB0::2::INSTR", "GPIB0::4::5::INSTR", "VXI0::1::INSTR"],
        ),
        ("?*{VI_ATTR_MANF_ID == 0x1234}", [r for r in RESOURCES if r.startswith("USB")]),
        ('?*{VI_ATTR_TCPIP_DEVICE_NAME == "hislip0"}', ["TCPIP0::192.168.0.11::hislip0::INSTR"]),
        ('?*{VI_ATTR_TCPIP_DEVICE_NAME != "hislip0"}', ["TCPIP0::192.168.0.10::inst0::INSTR"]),
        ('?*{VI_ATTR_TCPIP_DEVICE_NAME == "HISLIP0"}', []),
        ("?*{!(VI_ATTR_INTF_NUM >= 1)}", [r for r in RESOURCES if not r.startswith("ASRL")]),
        ("ASRL?*{VI_ATTR_INTF_NUM > 1}", ["ASRL2::INSTR"]),
        ("?*{VI_ATTR_INTF_NUM < 2 && VI_ATTR_INTF_NUM > 0}", ["ASRL1::INSTR"]),
        ("?*{VI_ATTR_GPIB_SECONDARY_ADDR <= 30}", ["GPIB0::4::5::INSTR"]),
        ("?*{ vi_attr_intf_num==0x2 }", ["ASRL2::INSTR"]),
        (
            "?*{VI_ATTR_TMO_VALUE == 2000 && (VI_ATTR_SLOT == 1 || VI_ATTR_VXI_LA == -1)}",
            ["VXI0::1::INSTR", "PXI0::1::INSTR"],
        ),
        # VI_ATTR_TRIG_ID does not apply to PXI0::MEMACC
        (
            f"PXI?*{{VI_ATTR_TRIG_ID == -1 && VI_ATTR_INTF_TYPE == {C['VI_INTF_PXI']}}}",
            ["PXI0::1::INSTR"],
        ),
        ('?*{VI_ATTR_TCPIP_PORT == "5025"}', []),
        ("?*{VI_ATTR_RECV_INTR_LEVEL == 1}", []),
    ],
)
def test_find_with_attribute_expression(
    lib: ctypes.CDLL, rm: int, expr: str, expected: list[str]
) -> None:
    status, names = find_all(lib, rm, expr)
    if expected:
        assert (status, names) == (0, expected)
    else:
        assert status == C["VI_ERROR_RSRC_NFOUND"]


@pytest.mark.parametrize(
    "expr",
    [
        "?*{}",
        "?*{VI_ATTR_NOPE == 1}",
        "?*{VI_ATTR_INTF_NUM = 1}",
        "?*{VI_ATTR_INTF_NUM == 1 &&}",
        "?*{(VI_ATTR_INTF_NUM == 1}",
        '?*{VI_ATTR_RSRC_NAME == "x}',
        "?*{1 == VI_ATTR_INTF_NUM}",
        "?*{VI_ATTR_INTF_NUM == 12abc}",
        "?*{VI_ATTR_INTF_NUM == 0x}",
        "?*{VI_ATTR_INTF_NUM == 1 || 0}",
        "?*{VI_ATTR_INTF_NUM == 1} ",
        # a syntax error hides behind no short-circuit
        "NOTHING{VI_ATTR_INTF_NUM == 1 || VI_ATTR_INTF_NUM ==}",
    ],
)
def test_find_invalid_attribute_expression(lib: ctypes.CDLL, rm: int, expr: str) -> None:
    assert find_all(lib, rm, expr)[0] == C["VI_ERROR_INV_EXPR"]


# --------------------------------------------------------------------------- aliases


def test_aliases(lib: ctypes.CDLL, rm: int) -> None:
    itype, inum = ctypes.c_uint16(), ctypes.c_uint16()
    cls, expanded, alias = (ctypes.create_string_buffer(256) for _ in range(3))
    for name_alias, name in ALIASES.items():
        for spelling in (name_alias, name_alias.upper(), name):
            status = lib.viParseRsrcEx(
                rm, spelling.encode(), ctypes.byref(itype), ctypes.byref(inum), cls, expanded, alias
            )
            assert status == 0
            assert (expanded.value.decode(), alias.value.decode()) == (name, name_alias)
        vi = open_(lib, rm, name_alias.lower())
        rname = ctypes.create_string_buffer(256)
        assert lib.viGetAttribute(vi, C["VI_ATTR_RSRC_NAME"], rname) == 0
        assert rname.value.decode() == name
    vi_out = ctypes.c_uint32()
    status = lib.viOpen(rm, b"NoSuchAlias", 0, 0, ctypes.byref(vi_out))
    assert status == C["VI_ERROR_INV_RSRC_NAME"]


# --------------------------------------------------------------------------- formatted I/O
# The variadic operations are called through ctypes (extra arguments get the C default
# promotions); they forward to the va_list operations, which are thereby tested as well.  The
# va_list operations are also called directly with a hand-built va_list where its layout is known
# (x86-64 System V, i.e. Linux and other Unix on x86-64).


def sprintf(lib: ctypes.CDLL, vi: int, fmt: bytes, *args: Any) -> tuple[int, bytes]:
    buf = ctypes.create_string_buffer(1024)
    status = lib.viSPrintf(vi, buf, fmt, *args)
    return status, buf.value


@pytest.mark.parametrize(
    ("fmt", "args", "expected"),
    [
        (b"%d", (-42,), b"-42"),
        (b"%5.2f|%-6s|", (ctypes.c_double(3.14159), b"ab"), b" 3.14|ab    |"),
        (b"%x %#o %lld %%", (255, 8, ctypes.c_longlong(2**40)), b"ff 010 1099511627776 %"),
        (b"%*d|%.*f|%-*d|", (4, 7, 1, ctypes.c_double(2.75), 3, 5), b"   7|2.8|5  |"),
        (b"%c%s", (ord("A"), b"BC"), b"ABC"),
        (b"%e %G", (ctypes.c_double(1234.5), ctypes.c_double(1e-10)), b"1.234500e+03 1E-10"),
        (b"%u %hhd", (ctypes.c_uint(4294967295), 300), b"4294967295 44"),
        (b"*IDN?\n", (), b"*IDN?\n"),
    ],
)
def test_sprintf_formats(
    lib: ctypes.CDLL, rm: int, fmt: bytes, args: tuple[Any, ...], expected: bytes
) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert sprintf(lib, vi, fmt, *args) == (0, expected)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.integers(-(2**31), 2**31 - 1),
    word=st.binary(max_size=40).filter(lambda b: b"\0" not in b),
    value=st.floats(-1e12, 1e12, allow_nan=False),
)
def test_sprintf_matches_c_formatting(
    lib: ctypes.CDLL, rm: int, number: int, word: bytes, value: float
) -> None:
    vi = open_(lib, rm, "ASRL1::INSTR")
    fmt = b"[%d|%s|%.3f|%08x|%+d]"
    expected = fmt % (number, word, value, number & 0xFFFFFFFF, number)
    args = (number, word, ctypes.c_double(value), number, number)
    assert sprintf(lib, vi, fmt, *args) == (0, expected)
    lib.viClose(vi)


def test_sscanf(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    number, hexa, value = ctypes.c_int(), ctypes.c_uint(), ctypes.c_double()
    word = ctypes.create_string_buffer(32)
    status = lib.viSScanf(
        vi,
        b"VAL -12, 3.5 volts 0x1f",
        b"VAL %d, %lf %31s %x",
        ctypes.byref(number),
        ctypes.byref(value),
        word,
        ctypes.byref(hexa),
    )
    assert status == 0
    assert (number.value, value.value, word.value, hexa.value) == (-12, 3.5, b"volts", 31)
    # a partial match leaves the other arguments alone and is not an error
    number.value = 99
    assert lib.viSScanf(vi, b"abc", b"%d", ctypes.byref(number)) == 0
    assert number.value == 99


def test_printf_writes_through_the_formatted_buffer(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    pending = ctypes.c_uint32()
    assert lib.viPrintf(vi, b"VAL %d,%s\n", 12, b"ok") == 0
    assert read(lib, vi, 100) == (0, b"VAL 12,ok\n")
    # without a final newline the text stays in the write buffer until a flush
    assert lib.viPrintf(vi, b"MEAS:%s?", b"VOLT") == 0
    assert lib.refvisa_pending_bytes(vi, ctypes.byref(pending)) == 0
    assert pending.value == 0
    assert lib.viPrintf(vi, b" %d\n", 2) == 0
    assert read(lib, vi, 100) == (0, b"MEAS:VOLT? 2\n")
    assert lib.viPrintf(vi, b"ABC") == 0
    assert lib.viFlush(vi, C["VI_WRITE_BUF"]) == 0
    assert read(lib, vi, 100) == (0, b"ABC")
    # VI_FLUSH_ON_ACCESS flushes at the end of every call
    assert set_attr(lib, vi, "VI_ATTR_WR_BUF_OPER_MODE", C["VI_FLUSH_ON_ACCESS"]) == 0
    assert lib.viPrintf(vi, b"X%d", 1) == 0
    assert lib.viPrintf(vi, b"Y%d", 2) == 0
    assert read(lib, vi, 100) == (0, b"X1")
    assert read(lib, vi, 100) == (0, b"Y2")
    # the buffer is flushed (without END) when full
    assert set_attr(lib, vi, "VI_ATTR_WR_BUF_OPER_MODE", C["VI_FLUSH_WHEN_FULL"]) == 0
    assert lib.viSetBuf(vi, C["VI_WRITE_BUF"], 4) == 0
    assert lib.viPrintf(vi, b"%s", b"123456") == 0
    assert lib.refvisa_pending_bytes(vi, ctypes.byref(pending)) == 0
    assert pending.value == 4
    assert lib.viPrintf(vi, b"\n") == 0
    assert read(lib, vi, 100) == (0, b"123456\n")
    # an unbuffered session writes at once, with END on the final newline
    assert lib.viSetBuf(vi, C["VI_WRITE_BUF"], 0) == 0
    assert lib.viPrintf(vi, b"%d\n", 5) == 0
    assert read(lib, vi, 100) == (0, b"5\n")


def test_scanf_reads_one_message(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    value, number = ctypes.c_double(), ctypes.c_int()
    lib.refvisa_push_data(vi, b"1.5,7 trailing", 14, 1)
    lib.refvisa_push_data(vi, b"next", 4, 1)
    assert lib.viScanf(vi, b"%lf,%d", ctypes.byref(value), ctypes.byref(number)) == 0
    assert (value.value, number.value) == (1.5, 7)
    assert read(lib, vi, 100) == (0, b"next")
    # the termination character ends a message too
    assert set_attr(lib, vi, "VI_ATTR_TERMCHAR_EN", 1) == 0
    lib.refvisa_push_data(vi, b"41\n42\n", 6, 0)
    assert lib.viScanf(vi, b"%d", ctypes.byref(number)) == 0
    assert number.value == 41
    assert lib.viScanf(vi, b"%d", ctypes.byref(number)) == 0
    assert number.value == 42
    # a large message is read whole
    big = b"x" * 10000 + b" 5"
    lib.refvisa_push_data(vi, big, len(big), 1)
    assert lib.viScanf(vi, b"%*s %d", ctypes.byref(number)) == 0
    assert number.value == 5
    # written data still in the write buffer is flushed before reading
    assert lib.viPrintf(vi, b"%d", 77) == 0
    assert lib.viScanf(vi, b"%d", ctypes.byref(number)) == 0
    assert number.value == 77
    assert set_attr(lib, vi, "VI_ATTR_TMO_VALUE", 20) == 0
    assert lib.viScanf(vi, b"%d", ctypes.byref(number)) == C["VI_ERROR_TMO"]


def test_queryf_serves_the_write_format_first(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "TCPIP0::192.168.0.10::inst0::INSTR")
    number = ctypes.c_int()
    word = ctypes.create_string_buffer(32)
    status = lib.viQueryf(vi, b"%d %s\n", b"%d %31s", 77, b"xyz", ctypes.byref(number), word)
    assert status == 0
    assert (number.value, word.value) == (77, b"xyz")
    # no newline: the query flushes the write buffer before reading
    assert lib.viQueryf(vi, b"%d", b"%d", 5, ctypes.byref(number)) == 0
    assert number.value == 5


@pytest.mark.parametrize(
    ("fmt", "status"),
    [
        (b"%b", "VI_ERROR_NSUP_FMT"),
        (b"%y", "VI_ERROR_NSUP_FMT"),
        (b"%,5d", "VI_ERROR_NSUP_FMT"),
        (b"%@1d", "VI_ERROR_NSUP_FMT"),
        (b"%!ol", "VI_ERROR_NSUP_FMT"),
        (b"%t", "VI_ERROR_NSUP_FMT"),
        (b"%T", "VI_ERROR_NSUP_FMT"),
        (b"%ls", "VI_ERROR_NSUP_FMT"),
        (b"%q", "VI_ERROR_INV_FMT"),
        (b"abc %", "VI_ERROR_INV_FMT"),
        (b"%Ld", "VI_ERROR_INV_FMT"),
        (b"%123456789012d", "VI_ERROR_INV_FMT"),
    ],
)
def test_printf_format_errors(lib: ctypes.CDLL, rm: int, fmt: bytes, status: str) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert sprintf(lib, vi, fmt, 1)[0] == C[status]
    assert lib.viPrintf(vi, fmt, 1) == C[status]


@pytest.mark.parametrize(
    ("fmt", "status"),
    [
        (b"%b", "VI_ERROR_NSUP_FMT"),
        (b"%t", "VI_ERROR_NSUP_FMT"),
        (b"%T", "VI_ERROR_NSUP_FMT"),
        (b"%,3d", "VI_ERROR_NSUP_FMT"),
        (b"%q", "VI_ERROR_INV_FMT"),
        (b"%[abc", "VI_ERROR_INV_FMT"),
        (b"%", "VI_ERROR_INV_FMT"),
    ],
)
def test_scanf_format_errors(lib: ctypes.CDLL, rm: int, fmt: bytes, status: str) -> None:
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    buf = ctypes.create_string_buffer(64)
    lib.refvisa_push_data(vi, b"1", 1, 1)
    assert lib.viSScanf(vi, b"1", fmt, buf) == C[status]
    assert lib.viScanf(vi, fmt, buf) == C[status]
    assert lib.refvisa_pending_bytes(vi, ctypes.byref(ctypes.c_uint32())) == 0
    assert read(lib, vi, 10) == (0, b"1")  # nothing was read


def test_formatted_io_session_errors(lib: ctypes.CDLL, rm: int) -> None:
    buf = ctypes.create_string_buffer(64)
    mem = open_(lib, rm, "VXI0::MEMACC")
    assert lib.viPrintf(mem, b"x\n") == C["VI_ERROR_NSUP_OPER"]
    assert lib.viSPrintf(mem, buf, b"x") == C["VI_ERROR_NSUP_OPER"]
    assert lib.viScanf(mem, b"%s", buf) == C["VI_ERROR_NSUP_OPER"]
    assert lib.viPrintf(12345, b"x\n") == C["VI_ERROR_INV_OBJECT"]
    assert lib.viSScanf(12345, b"x", b"%s", buf) == C["VI_ERROR_INV_OBJECT"]
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viSPrintf(vi, None, b"x") == C["VI_ERROR_USER_BUF"]
    assert lib.viSScanf(vi, None, b"%s", buf) == C["VI_ERROR_USER_BUF"]
    other = open_(lib, rm, "GPIB0::1::INSTR")
    assert lock(lib, other, "VI_EXCLUSIVE_LOCK")[0] == 0
    assert lib.viPrintf(vi, b"x\n") == C["VI_ERROR_RSRC_LOCKED"]
    assert lib.viScanf(vi, b"%s", buf) == C["VI_ERROR_RSRC_LOCKED"]
    assert lib.viQueryf(vi, b"x\n", b"%s", buf) == C["VI_ERROR_RSRC_LOCKED"]
    assert sprintf(lib, vi, b"%d", 3) == (0, b"3")  # no I/O: the lock does not matter


class _SysVVaList(ctypes.Structure):
    """``va_list`` of the x86-64 System V ABI (an array of one such struct)."""

    _fields_ = [
        ("gp_offset", ctypes.c_uint32),
        ("fp_offset", ctypes.c_uint32),
        ("overflow_arg_area", ctypes.c_void_p),
        ("reg_save_area", ctypes.c_void_p),
    ]


def sysv_va_list(*args: Any) -> tuple[_SysVVaList, Any]:
    """A va_list whose register areas are used up, so every argument comes from the stack area.

    Each argument takes one 8-byte slot: ints, floats (as doubles) and ctypes pointers/buffers.
    Returns the va_list and the slots (keep them alive during the call).
    """
    slots = (ctypes.c_uint64 * max(len(args), 1))()
    for index, arg in enumerate(args):
        if isinstance(arg, float):
            slots[index] = ctypes.c_uint64.from_buffer(ctypes.c_double(arg)).value
        elif isinstance(arg, int):
            slots[index] = arg & 0xFFFFFFFFFFFFFFFF
        else:
            slots[index] = ctypes.cast(arg, ctypes.c_void_p).value or 0
    general_registers, vector_registers = 6 * 8, 6 * 8 + 8 * 16
    va = _SysVVaList(general_registers, vector_registers, ctypes.addressof(slots), None)
    return va, slots


@pytest.mark.skipif(
    platform.machine().lower() not in ("x86_64", "amd64")
    or sys.platform == "win32"
    or ctypes.sizeof(ctypes.c_void_p) != 8,
    reason="the va_list layout is only known here for the x86-64 System V ABI",
)
def test_va_list_operations_directly(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "GPIB0::2::INSTR")
    buf = ctypes.create_string_buffer(256)
    word = ctypes.create_string_buffer(b"volt")
    va, keep = sysv_va_list(-5, word, 2.5)
    status = lib.viVSPrintf(vi, buf, b"%d %s %.2f", ctypes.byref(va))
    assert (status, buf.value) == (0, b"-5 volt 2.50")

    number, value = ctypes.c_int(), ctypes.c_double()
    text = ctypes.create_string_buffer(16)
    va, keep = sysv_va_list(ctypes.byref(number), text, ctypes.byref(value))
    status = lib.viVSScanf(vi, b"12 abc 0.25", b"%d %15s %lf", ctypes.byref(va))
    assert (status, number.value, text.value, value.value) == (0, 12, b"abc", 0.25)

    va, keep = sysv_va_list(7, word)
    assert lib.viVPrintf(vi, b"%d,%s\n", ctypes.byref(va)) == 0
    va, keep = sysv_va_list(ctypes.byref(number), text)
    assert lib.viVScanf(vi, b"%d,%15s", ctypes.byref(va)) == 0
    assert (number.value, text.value) == (7, b"volt")

    va, keep = sysv_va_list(41, ctypes.byref(number))
    assert lib.viVQueryf(vi, b"%d\n", b"%d", ctypes.byref(va)) == 0
    assert number.value == 41
    del keep


# --------------------------------------------------------------------------- raised events


def get_text(lib: ctypes.CDLL, vi: int, attr: str) -> tuple[int, str]:
    buf = ctypes.create_string_buffer(256)
    status = lib.viGetAttribute(vi, C[attr], buf)
    return status, buf.value.decode()


RAISED_EVENTS: list[tuple[str, str, list[tuple[str, Any, Any]]]] = [
    ("GPIB0::INTFC", "VI_EVENT_GPIB_TALK", []),
    ("GPIB0::INTFC", "VI_EVENT_GPIB_LISTEN", []),
    ("GPIB0::INTFC", "VI_EVENT_GPIB_CIC", [("VI_ATTR_GPIB_RECV_CIC_STATE", ctypes.c_uint16, 1)]),
    ("GPIB0::INTFC", "VI_EVENT_SERVICE_REQ", []),
    ("VXI0::1::INSTR", "VI_EVENT_VXI_SIGP", [("VI_ATTR_SIGP_STATUS_ID", ctypes.c_uint16, 0x4001)]),
    (
        "VXI0::1::INSTR",
        "VI_EVENT_VXI_VME_INTR",
        [
            ("VI_ATTR_INTR_STATUS_ID", ctypes.c_uint32, 0x4001),
            ("VI_ATTR_RECV_INTR_LEVEL", ctypes.c_int16, 1),
        ],
    ),
    (
        "VXI0::0::BACKPLANE",
        "VI_EVENT_VXI_VME_INTR",
        [
            ("VI_ATTR_INTR_STATUS_ID", ctypes.c_uint32, 0x4000),
            ("VI_ATTR_RECV_INTR_LEVEL", ctypes.c_int16, 1),
        ],
    ),
    ("VXI0::0::BACKPLANE", "VI_EVENT_VXI_VME_SYSFAIL", []),
    ("VXI0::0::BACKPLANE", "VI_EVENT_VXI_VME_SYSRESET", []),
    (
        "PXI0::1::INSTR",
        "VI_EVENT_PXI_INTR",
        [
            ("VI_ATTR_PXI_RECV_INTR_SEQ", ctypes.c_uint32, 1),
            ("VI_ATTR_PXI_RECV_INTR_DATA", ctypes.c_uint32, 0xC0DE0001),
        ],
    ),
    (
        "USB0::0x1234::0x5678::SN002::0::RAW",
        "VI_EVENT_USB_INTR",
        [("VI_ATTR_USB_RECV_INTR_SIZE", ctypes.c_uint16, 2)],
    ),
    (
        "TCPIP0::192.168.0.10::5025::SOCKET",
        "VI_EVENT_TCPIP_CONNECT",
        [("VI_ATTR_RECV_TCPIP_ADDR", str, "192.168.0.99")],
    ),
    ("ASRL2::INSTR", "VI_EVENT_TRIG", [("VI_ATTR_RECV_TRIG_ID", ctypes.c_int16, C["VI_TRIG_SW"])]),
    ("ASRL2::INSTR", "VI_EVENT_CLEAR", []),
    (
        "ASRL2::INSTR",
        "VI_EVENT_IO_COMPLETION",
        [
            ("VI_ATTR_STATUS", ctypes.c_int32, 0),
            ("VI_ATTR_JOB_ID", ctypes.c_uint32, 0),
            ("VI_ATTR_RET_COUNT", ctypes.c_uint64, 0),
            ("VI_ATTR_OPER_NAME", str, "refvisa_raise_event"),
        ],
    ),
    (
        "PXI0::MEMACC",
        "VI_EVENT_EXCEPTION",
        [
            ("VI_ATTR_STATUS", ctypes.c_int32, C["VI_ERROR_SYSTEM_ERROR"]),
            ("VI_ATTR_OPER_NAME", str, "refvisa_raise_event"),
        ],
    ),
]


@pytest.mark.parametrize(("resource", "event", "attributes"), RAISED_EVENTS)
def test_raise_event_from_another_thread(
    lib: ctypes.CDLL, rm: int, resource: str, event: str, attributes: list[tuple[str, Any, Any]]
) -> None:
    vi = open_(lib, rm, resource)
    assert lib.viEnableEvent(vi, C[event], C["VI_QUEUE"], 0) == 0
    assert lib.refvisa_raise_event(vi, C[event], 30) == 0
    assert wait_event(lib, vi, event, 0)[0] == C["VI_ERROR_TMO"]
    status, etype, context = wait_event(lib, vi, event, 5000)
    assert (status, etype) == (0, C[event])
    assert get_attr(lib, context, "VI_ATTR_EVENT_TYPE", ctypes.c_uint32) == (0, C[event])
    for attr, ctype, expected in attributes:
        if ctype is str:
            assert get_text(lib, context, attr) == (0, expected), attr
        else:
            assert get_attr(lib, context, attr, ctype) == (0, expected), attr
        assert set_attr(lib, context, attr, 0) == C["VI_ERROR_ATTR_READONLY"]
    others = {name for _, _, attrs in RAISED_EVENTS for name, _, _ in attrs}
    for attr in others - {name for name, _, _ in attributes} - {"VI_ATTR_STATUS"}:
        assert get_text(lib, context, attr)[0] == C["VI_ERROR_NSUP_ATTR"], attr
    assert lib.viClose(context) == 0


def test_raised_event_data_and_sequence(lib: ctypes.CDLL, rm: int) -> None:
    usb = open_(lib, rm, "USB0::0x1234::0x5678::SN001::0::INSTR")
    assert lib.viEnableEvent(usb, C["VI_EVENT_USB_INTR"], C["VI_QUEUE"], 0) == 0
    assert lib.refvisa_set_stb(usb, 0x42) == 0
    assert lib.refvisa_raise_event(usb, C["VI_EVENT_USB_INTR"], 0) == 0
    status, _, context = wait_event(lib, usb, "VI_EVENT_USB_INTR", 0)
    data = ctypes.create_string_buffer(8)
    assert lib.viGetAttribute(context, C["VI_ATTR_USB_RECV_INTR_DATA"], data) == 0
    assert data.raw[:3] == b"\x81\x42\x00"

    pxi = open_(lib, rm, "PXI0::1::INSTR")
    assert lib.viEnableEvent(pxi, C["VI_EVENT_PXI_INTR"], C["VI_QUEUE"], 0) == 0
    for _ in range(3):
        assert lib.refvisa_raise_event(pxi, C["VI_EVENT_PXI_INTR"], 0) == 0
    sequence = []
    for _ in range(3):
        _, _, context = wait_event(lib, pxi, "VI_EVENT_PXI_INTR", 0)
        sequence.append(get_attr(lib, context, "VI_ATTR_PXI_RECV_INTR_SEQ", ctypes.c_uint32)[1])
    assert sequence == [1, 2, 3]

    # a resource-wide event reaches every session; a TCPIP connection only the raising one
    a = open_(lib, rm, "VXI0::1::INSTR")
    b = open_(lib, rm, "VXI0::1::INSTR")
    for vi in (a, b):
        assert lib.viEnableEvent(vi, C["VI_EVENT_VXI_SIGP"], C["VI_QUEUE"], 0) == 0
    assert lib.refvisa_raise_event(a, C["VI_EVENT_VXI_SIGP"], 0) == 0
    assert wait_event(lib, b, "VI_EVENT_VXI_SIGP", 0)[:2] == (0, C["VI_EVENT_VXI_SIGP"])
    c = open_(lib, rm, "TCPIP0::192.168.0.10::5025::SOCKET")
    d = open_(lib, rm, "TCPIP0::192.168.0.10::5025::SOCKET")
    for vi in (c, d):
        assert lib.viEnableEvent(vi, C["VI_EVENT_TCPIP_CONNECT"], C["VI_QUEUE"], 0) == 0
    assert lib.refvisa_raise_event(c, C["VI_EVENT_TCPIP_CONNECT"], 0) == 0
    assert wait_event(lib, d, "VI_EVENT_TCPIP_CONNECT", 0)[0] == C["VI_ERROR_TMO"]
    assert wait_event(lib, c, "VI_EVENT_TCPIP_CONNECT", 0)[0] == 0

    assert lib.refvisa_raise_event(usb, C["VI_EVENT_VXI_SIGP"], 0) == C["VI_ERROR_INV_EVENT"]
    assert lib.refvisa_raise_event(12345, C["VI_EVENT_TRIG"], 0) == C["VI_ERROR_INV_OBJECT"]


def test_raised_event_reaches_a_handler(lib: ctypes.CDLL, rm: int) -> None:
    vi = open_(lib, rm, "VXI0::1::INSTR")
    seen: list[tuple[int, int]] = []
    done = threading.Event()

    def on_event(session: int, event_type: int, context: int, user: int | None) -> int:
        status, level = get_attr(lib, context, "VI_ATTR_RECV_INTR_LEVEL", ctypes.c_int16)
        seen.append((event_type, level))
        done.set()
        return 0

    callback = HANDLER(on_event)
    event = C["VI_EVENT_VXI_VME_INTR"]
    assert lib.viInstallHandler(vi, event, callback, None) == 0
    assert lib.viEnableEvent(vi, event, C["VI_HNDLR"], 0) == 0
    assert lib.refvisa_raise_event(vi, event, 20) == 0
    assert done.wait(5)
    assert seen == [(event, 1)]
    assert lib.viClose(vi) == 0


# --------------------------------------------------------------------------- call records

U64 = (1 << 64) - 1
_RECORDED_UNSIGNED = {
    **dict.fromkeys(_U32, 32),
    **dict.fromkeys(_U64, 64),
    "ViUInt16": 16,
    "ViBoolean": 16,
    "ViUInt8": 8,
}
_RECORDED_SIGNED = {"ViInt16", "ViInt32", "ViStatus"}
HIGH_ADDRESS = (1 << (ctypes.sizeof(ctypes.c_void_p) * 8)) - 8


def last_args(lib: ctypes.CDLL, handle: int) -> tuple[int, str, tuple[int, ...]]:
    name = ctypes.create_string_buffer(256)
    args = (ctypes.c_uint64 * 8)(*[0xAA] * 8)
    count = ctypes.c_uint32(99)
    status = lib.refvisa_last_args(handle, name, args, ctypes.byref(count))
    assert list(args[count.value :]) == [0] * (8 - count.value)  # the rest is zeroed
    return status, name.value.decode(), tuple(args[: count.value])


def _all_ones_call(name: str) -> tuple[list[Any], list[int]]:
    """Arguments after the handle (integers all ones, pointers NULL, ViAddr high) and the record."""
    args: list[Any] = []
    recorded: list[int] = []
    for ctype in PARAMETERS[name][1:]:
        if ctype in _RECORDED_UNSIGNED:
            args.append((1 << _RECORDED_UNSIGNED[ctype]) - 1)
            recorded.append(args[-1])
        elif ctype in _RECORDED_SIGNED:
            args.append(-1)
            recorded.append(U64)  # sign-extended
        elif ctype == "ViAddr":
            args.append(HIGH_ADDRESS)
            recorded.append(HIGH_ADDRESS)
        else:
            args.append(None)  # buffers, strings, outputs and the handler are not recorded
    return args, recorded


_WITH_HANDLE = sorted(
    name
    for name, params in PARAMETERS.items()
    if name in PROTOTYPES
    and params[0] in {"ViSession", "ViObject", "ViFindList"}
    and name != "viClose"
)


def test_every_function_taking_a_handle_is_covered() -> None:
    assert len(_WITH_HANDLE) == 94  # all 96 non-variadic functions but viOpenDefaultRM and viClose
    assert {"viMoveAsyncEx", "viPeek64", "viFindNext", "viStatusDesc"} <= set(_WITH_HANDLE)


@pytest.mark.parametrize("name", _WITH_HANDLE)
def test_each_call_records_its_integer_arguments(lib: ctypes.CDLL, rm: int, name: str) -> None:
    # ASRL1 does not support most operations: the calls fail without side effects, but only
    # after the arguments were recorded.
    vi = open_(lib, rm, "ASRL1::INSTR")
    args, recorded = _all_ones_call(name)
    getattr(lib, name)(vi, *args)
    assert last_args(lib, vi) == (0, name, tuple(recorded))


@pytest.mark.parametrize("name", FORMATTED_IO)
def test_formatted_io_records_its_entry_point(lib: ctypes.CDLL, rm: int, name: str) -> None:
    # Only the handle is checked before the session is looked up: an invalid format or buffer
    # fails after the call was recorded (under the variadic or the va_list name).
    vi = open_(lib, rm, "VXI0::MEMACC")  # not message based: every call fails at once
    args = [None] * (len(PARAMETERS[name]) - 1)  # NULL strings, buffers and va_list
    getattr(lib, name)(ctypes.c_uint32(vi), *args)
    assert last_args(lib, vi) == (0, name, ())


def test_call_records_belong_to_their_handle(lib: ctypes.CDLL, rm: int) -> None:
    first = open_(lib, rm, "GPIB0::1::INSTR", 0, 0xFFFFFFFF)
    assert last_args(lib, rm) == (0, "viOpen", (0, 0xFFFFFFFF))
    assert last_args(lib, first) == (0, "", ())  # nothing called on it yet
    second = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viSetBuf(first, C["VI_IO_IN_BUF"], 0xFFFFFFFF) == 0
    assert lib.viFlush(second, 0xFFFF) == C["VI_ERROR_INV_MASK"]
    assert last_args(lib, first) == (0, "viSetBuf", (C["VI_IO_IN_BUF"], 0xFFFFFFFF))
    assert last_args(lib, second) == (0, "viFlush", (0xFFFF,))
    # NULL outputs are accepted; unknown and closed handles are invalid objects.
    assert lib.refvisa_last_args(first, None, None, None) == 0
    assert lib.refvisa_last_args(0xDEAD, None, None, None) == C["VI_ERROR_INV_OBJECT"]
    assert lib.viClose(first) == 0
    assert lib.refvisa_last_args(first, None, None, None) == C["VI_ERROR_INV_OBJECT"]
    # A new object reusing the slot starts without a record.
    third = open_(lib, rm, "GPIB0::1::INSTR")
    assert third & 0xFFFF == first & 0xFFFF
    assert last_args(lib, third) == (0, "", ())


def test_find_lists_and_events_record_calls(lib: ctypes.CDLL, rm: int) -> None:
    find_list = ctypes.c_uint32()
    count = ctypes.c_uint32()
    desc = ctypes.create_string_buffer(256)
    assert lib.viFindRsrc(rm, b"ASRL?*", ctypes.byref(find_list), ctypes.byref(count), desc) == 0
    assert last_args(lib, rm) == (0, "viFindRsrc", ())
    assert lib.viFindNext(find_list, desc) == 0
    assert last_args(lib, find_list.value) == (0, "viFindNext", ())
    vi = open_(lib, rm, "GPIB0::1::INSTR")
    assert lib.viEnableEvent(vi, C["VI_EVENT_SERVICE_REQ"], C["VI_QUEUE"], 0) == 0
    assert lib.refvisa_raise_srq(vi, 0) == 0
    context = ctypes.c_uint32()
    assert (
        lib.viWaitOnEvent(vi, C["VI_ALL_ENABLED_EVENTS"], 0xFFFFFFFF, None, ctypes.byref(context))
        == 0
    )
    assert last_args(lib, vi) == (0, "viWaitOnEvent", (C["VI_ALL_ENABLED_EVENTS"], 0xFFFFFFFF))
    value = ctypes.c_uint32()
    assert lib.viGetAttribute(context, C["VI_ATTR_EVENT_TYPE"], ctypes.byref(value)) == 0
    assert last_args(lib, context.value) == (0, "viGetAttribute", (C["VI_ATTR_EVENT_TYPE"],))
    assert lib.viClose(context) == 0
