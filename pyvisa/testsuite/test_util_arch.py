"""Tests of the shared library architecture detection and of LibraryPath (AC-1 ... AC-4)."""

from __future__ import annotations

import pickle
import platform
import struct
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import _libarch, _libheaders, errors, util
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE
from pyvisa.testsuite._util_helpers import elf, macho_fat, macho_fat_file, macho_thin, pe
from pyvisa.util import ArchitectureType as AT
from pyvisa.util import LibraryPath, PEMachineType, get_arch, get_shared_library_arch

I386, X86_64, AARCH64 = AT.I386, AT.X86_64, AT.AARCH64
EXE, DYLIB = 2, 6


@pytest.fixture
def write(tmp_path: Path) -> Any:
    def _write(content: bytes, name: str = "lib.bin") -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return _write


# --- AC-1 ---------------------------------------------------------------------------------


def test_architecture_type() -> None:
    assert [(m.name, m.value) for m in AT] == [
        ("I386", ("x86", 32)),
        ("X86_64", ("x86", 64)),
        ("AARCH64", ("arm", 64)),
    ]
    table = {"i386": I386, "i686": I386, "x86_64": X86_64, "amd64": X86_64}
    table.update({"arm64": AARCH64, "aarch64": AARCH64, "AMD64": X86_64})
    for machine, arch in table.items():
        assert AT.from_platform_machine(machine) is arch
    for machine in ("", "armv7l", "ppc64le", "riscv64", "s390x"):
        assert AT.from_platform_machine(machine) is None
    assert AT.from_platform_machine(platform.machine()) is not None or platform.machine() in (
        "armv7l",
        "ppc64le",
        "s390x",
        "riscv64",
    )


# --- AC-4 ---------------------------------------------------------------------------------

PE_MEMBERS = dict(
    UNKNOWN=0, I386=0x014C, R3000=0x0162, R4000=0x0166, R10000=0x0168, WCEMIPSV2=0x0169,
    ALPHA=0x0184, SH3=0x01A2, SH3DSP=0x01A3, SH3E=0x01A4, SH4=0x01A6, SH5=0x01A8, ARM=0x01C0,
    AARCH64=0xAA64, THUMB=0x01C2, ARMNT=0x01C4, AM33=0x01D3, POWERPC=0x01F0, POWERPCFP=0x01F1,
    IA64=0x0200, MIPS16=0x0266, ALPHA64=0x0284, MIPSFPU=0x0366, MIPSFPU16=0x0466,
    TRICORE=0x0520, CEF=0x0CEF, EBC=0x0EBC, AMD64=0x8664, M32R=0x9041, CEE=0xC0EE,
)  # fmt: skip


def test_pe_machine_type_is_a_plain_enum() -> None:
    assert {m.name: m.value for m in PEMachineType} == PE_MEMBERS
    assert not isinstance(PEMachineType.I386, int)


@pytest.mark.parametrize("name", list(PE_MEMBERS))
def test_get_shared_library_arch(write: Any, name: str) -> None:
    assert get_shared_library_arch(write(pe(PE_MEMBERS[name], 0x10B))) is PEMachineType[name]


def test_get_shared_library_arch_errors(write: Any) -> None:
    assert get_shared_library_arch(write(pe(0x1234, None))) is PEMachineType.UNKNOWN
    assert get_shared_library_arch(Path(write(pe(0x8664, None, 5000)))) is PEMachineType.AMD64
    for content, message in (
        (b"", "Not an executable"),
        (elf(64, False, 62), "Not an executable"),
        (b"MZ" + bytes(0x3A) + struct.pack("<I", 0x4000), "Not a PE executable"),
        (pe(0x14C, None).replace(b"PE\0\0", b"XX\0\0"), "Not a PE executable"),
    ):
        with pytest.raises(errors.InvalidArgument) as info:
            get_shared_library_arch(write(content))
        assert str(info.value) == message
    with pytest.raises(OSError):
        get_shared_library_arch("/no/such/library.dll")


# --- AC-2 / AC-3 ----------------------------------------------------------------------------

LINUX = [
    (elf(32, False, 3), [I386]),
    (elf(64, False, 62), [X86_64]),
    (elf(32, False, 62), [X86_64]),
    (elf(64, False, 183), [AARCH64]),
    (elf(64, True, 183), [AARCH64]),
    (elf(32, False, 40), []),
    (elf(64, True, 21), []),
    (pe(0x14C, 0x10B), [I386]),
    (pe(0x8664, 0x20B), [X86_64]),
    (pe(0xAA64, 0x20B), []),
    (macho_thin(0xFEEDFACF, 0x01000007, False, EXE), []),
    (b"#!/bin/sh\n", []),
    (b"", []),
]
DARWIN = [
    (macho_thin(0xFEEDFACE, 7, False, EXE), [I386]),
    (macho_thin(0xFEEDFACF, 0x01000007, False, EXE), [X86_64]),
    (macho_thin(0xFEEDFACF, 0x0100000C, False, EXE), [AARCH64]),
    (macho_thin(0xFEEDFACF, 0x01000007, False, DYLIB), []),
    (macho_thin(0xFEEDFACE, 18, True, EXE), []),
    (macho_fat_file([(0x0100000C, EXE), (0x01000007, EXE)]), [X86_64, AARCH64]),
    (macho_fat_file([(0x01000007, EXE), (7, EXE), (0x0100000C, DYLIB)]), [I386, X86_64]),
    (macho_fat([0x01000007, 0x0100000C]), []),
    (elf(64, False, 62), []),
    (pe(0x8664, 0x20B), []),
    (b"", []),
]
WINDOWS = [
    (pe(0x14C, 0x10B), [I386]),
    (pe(0x8664, 0x20B), [X86_64]),
    (pe(0xAA64, 0x20B), [AARCH64]),
    (pe(0x1C4, 0x10B), []),
]


@pytest.mark.parametrize(
    ("plat", "content", "expected"),
    [("linux", c, e) for c, e in LINUX]
    + [("darwin", c, e) for c, e in DARWIN]
    + [("win32", c, e) for c, e in WINDOWS],
)
def test_get_arch(
    write: Any, monkeypatch: pytest.MonkeyPatch, plat: str, content: bytes, expected: list[AT]
) -> None:
    path = write(content)
    monkeypatch.setattr(sys, "platform", plat)
    assert get_arch(path) == expected
    assert get_arch(Path(path)) == expected
    assert LibraryPath(path).arch == expected


def test_get_arch_platforms(write: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(elf(64, False, 62))
    monkeypatch.setattr(sys, "platform", "linux")
    assert get_arch("/no/such/file.so") == []
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(Exception, match="Not an executable"):
        get_arch(path)
    monkeypatch.setattr(sys, "platform", "sunos5")
    with pytest.raises(OSError) as info:
        get_arch(path)
    assert str(info.value) == "Unsupported platform: sunos5"
    assert LibraryPath(path).arch == []


def test_running_interpreter() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("linux")
    arch = LibraryPath(sys.executable).arch
    expected = AT.from_platform_machine(platform.machine())
    assert arch == ([] if expected is None else [expected])


def test_library_path() -> None:
    path = LibraryPath("/usr/lib/libvisa.so")
    assert isinstance(path, str) and path == "/usr/lib/libvisa.so"
    assert path.path == "/usr/lib/libvisa.so" and path.found_by == "auto"
    assert LibraryPath("py", "user").found_by == "user"
    assert isinstance(type(path).__dict__["arch"], property)
    for removed in ("is_32bit", "is_64bit", "bitness"):  # removed in PyVISA 1.14
        assert not hasattr(path, removed)


def test_library_path_arch_is_cached_list(write: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    path = LibraryPath(write(elf(64, False, 62)))
    first = path.arch
    assert first == [X86_64] and isinstance(first, list)
    monkeypatch.setattr(_libarch, "get_arch", lambda _: 1 / 0)
    monkeypatch.setattr(util, "get_arch", lambda _: 1 / 0)
    assert path.arch is first
    assert LibraryPath(str(path)).arch == []  # any exception gives []


def test_library_path_pickles(write: Any) -> None:
    path = LibraryPath(write(elf(64, False, 62)), "user")
    restored = pickle.loads(pickle.dumps(path))
    assert restored == path and restored.found_by == "user" and restored.arch == path.arch


# --- the bitness helper used by the diagnostics -------------------------------------------


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (elf(32, False, 3), "32"),
        (elf(64, True, 21), "64"),
        (pe(0x14C, 0x10B), "32"),
        (pe(0x8664, None), "64"),
        (pe(0x14C, 0x20B), "64"),
        (macho_thin(0xFEEDFACE, 7, False), "32"),
        (macho_fat([7, 0x01000007]), "32, 64"),
        (macho_fat([0x01000007, 0x0100000C], wide=True), "64"),
        (b"\xca\xfe\xba\xbe" + bytes(60), "n/a"),
        (b"MZ" + bytes(0x3A) + struct.pack("<I", 0x4000), "n/a"),
        (b"", "n/a"),
    ],
)
def test_bitness_text(write: Any, content: bytes, text: str) -> None:
    assert _libheaders._bitness_text(write(content)) == text


@settings(LOADED_MACHINE, max_examples=100)
@given(content=st.binary(max_size=200), plat=st.sampled_from(["linux", "darwin"]))
def test_random_files_never_raise(tmp_path_factory: Any, content: bytes, plat: str) -> None:
    path = tmp_path_factory.mktemp("random") / "lib"
    path.write_bytes(content)
    saved = sys.platform
    sys.platform = plat
    try:
        assert set(get_arch(str(path))) <= set(AT)
    finally:
        sys.platform = saved
    assert _libheaders._bitness_text(str(path)) in ("n/a", "32", "64", "32, 64")
