"""Semantics of the reference VISA library, checked with plain ctypes (not pyvisa.ctwrapper)."""

from __future__ import annotations

import ctypes
import pathlib
import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyvisa.testsuite.reference_visa import (
    RESOURCES,
    SOURCE_DIR,
    CompilerNotFoundError,
    ReferenceLibraryBuildError,
    build_reference_library,
    find_compiler,
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


@pytest.fixture(scope="module")
def lib(reference_library: str) -> ctypes.CDLL:
    library = ctypes.CDLL(reference_library)
    for name, (restype, argtypes) in PROTOTYPES.items():
        func = getattr(library, name)
        func.restype = restype
        func.argtypes = argtypes
    library.refvisa_open_session_count.restype = ctypes.c_uint32
    library.refvisa_open_object_count.restype = ctypes.c_uint32
    library.refvisa_handler_thread_calls.restype = ctypes.c_uint32
    library.refvisa_push_data.argtypes = [
        ctypes.c_uint32,
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.c_int,
    ]
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
        ("?*{VI_ATTR_INTF_NUM == 0}", list(RESOURCES)),
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
    assert (cls.value.decode(), expanded.value.decode(), alias.value) == (rclass, canonical, b"")


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
