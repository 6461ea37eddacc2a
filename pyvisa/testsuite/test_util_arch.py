"""Tests of the shared library architecture detection and of LibraryPath."""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import util
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE
from pyvisa.testsuite._util_helpers import elf, macho_fat, macho_thin, pe
from pyvisa.util import LibraryPath, PEMachineType, get_arch, get_shared_library_arch


@pytest.fixture
def write(tmp_path: Path):
    def _write(content: bytes, name: str = "lib.bin") -> str:
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return _write


@pytest.mark.parametrize(
    ("content", "names", "bits"),
    [
        (elf(64, False, 62), ("x86_64",), (64,)),
        (elf(32, False, 3), ("x86",), (32,)),
        (elf(64, False, 183), ("arm64",), (64,)),
        (elf(32, False, 40), ("arm",), (32,)),
        (elf(64, True, 21), ("ppc64",), (64,)),
        (elf(32, True, 20), ("ppc",), (32,)),
        (elf(64, False, 9999), ("unknown ELF machine 9999",), (64,)),
        (pe(0x8664, 0x20B), ("x86_64",), (64,)),
        (pe(0x14C, 0x10B), ("x86",), (32,)),
        (pe(0xAA64, 0x20B), ("arm64",), (64,)),
        (pe(0x1C4, 0x10B), ("arm",), (32,)),
        (pe(0x8664, None), ("x86_64",), (64,)),
        (pe(0x14C, None), ("x86",), (32,)),
        (pe(0x1A2, 0x10B), ("sh3",), (32,)),
        (pe(0x8664, 0x20B, pe_offset=5000), ("x86_64",), (64,)),
        (macho_thin(0xFEEDFACF, 0x01000007, False), ("x86_64",), (64,)),
        (macho_thin(0xFEEDFACF, 0x0100000C, False), ("arm64",), (64,)),
        (macho_thin(0xFEEDFACE, 7, False), ("x86",), (32,)),
        (macho_thin(0xFEEDFACE, 18, True), ("ppc",), (32,)),
        (macho_fat([7, 0x01000007]), ("x86", "x86_64"), (32, 64)),
        (macho_fat([0x01000007, 0x0100000C]), ("x86_64", "arm64"), (64,)),
        (macho_fat([0x01000007, 0x0100000C], wide=True), ("x86_64", "arm64"), (64,)),
    ],
    ids=lambda value: None if isinstance(value, bytes) else str(value),
)
def test_architectures(
    write, content: bytes, names: tuple[str, ...], bits: tuple[int, ...]
) -> None:
    path = write(content)
    assert get_shared_library_arch(path) == names
    assert get_arch(path) == bits
    assert LibraryPath(path).arch == bits


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "not a PE, ELF or Mach-O"),
        (b"/* GNU ld script */", "not a PE, ELF or Mach-O"),
        (b"\xca\xfe\xba\xbe\x00\x00\x00\x34" + bytes(40), "universal"),  # a Java class file
        (b"\xca\xfe\xba\xbe\x00\x00\x00\x02" + bytes(20), "truncated"),
        (b"MZ" + bytes(10), "truncated"),
        (pe(0x8664, 0x20B)[:0x82], "PE signature"),
        (pe(0x8664, 0x20B, pe_offset=5000)[:5002], "PE signature"),
        (pe(0x8664, 0x20B, pe_offset=5000)[:5010], "COFF header is truncated"),
        (pe(0x8664, 0x20B)[:0x86], "truncated"),
        (b"MZ" + bytes(0x3A) + b"\x00\x00\x00\x00" + bytes(8), "PE signature"),
        (elf(64, False, 62)[:17], "truncated"),
        (b"\x7fELF\x03\x01" + bytes(30), "invalid ELF class"),
        (b"\xcf\xfa\xed\xfe\x07", "truncated"),
    ],
    ids=lambda value: None if isinstance(value, bytes) else str(value),
)
def test_unrecognised_or_truncated(write, content: bytes, message: str) -> None:
    path = write(content)
    with pytest.raises(ValueError, match=message):
        get_shared_library_arch(path)
    assert LibraryPath(path).arch == ()


@settings(LOADED_MACHINE, max_examples=200)
@given(
    content=st.binary(max_size=300),
    prefix=st.sampled_from([b"", b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe"]),
)
def test_random_files_raise_value_error_only(
    tmp_path_factory, content: bytes, prefix: bytes
) -> None:
    path = tmp_path_factory.getbasetemp() / "random_library"
    path.write_bytes(prefix + content)
    try:
        assert get_shared_library_arch(str(path))
    except ValueError:
        pass


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        get_arch(str(tmp_path / "missing.so"))


def test_running_interpreter() -> None:
    executable = os.path.realpath(sys.executable)
    try:
        bits = get_arch(executable)
    except ValueError:
        pytest.skip(f"{executable} is not a binary (a launcher script?)")
    assert struct.calcsize("P") * 8 in bits


def test_pe_machine_type() -> None:
    assert PEMachineType.AMD64 == 0x8664
    assert PEMachineType.I386 == 0x14C
    assert PEMachineType.ARM64 == 0xAA64


# --- LibraryPath -------------------------------------------------------------------------


def test_library_path_is_a_str() -> None:
    path = LibraryPath("py")
    assert path == "py" and isinstance(path, str)
    assert path.path == "py" and path.found_by == "auto"
    assert {path: 1}["py"] == 1
    user = LibraryPath("/some/lib.so", "user")
    assert user.found_by == "user" and os.path.basename(user) == "lib.so"


def test_library_path_unknown_arch() -> None:
    path = LibraryPath("unset")
    assert path.arch == ()
    assert path.is_32bit == "n/a" and path.is_64bit == "n/a" and path.bitness == "n/a"


def test_library_path_bitness(write) -> None:
    path = LibraryPath(write(macho_fat([7, 0x01000007])))
    assert path.arch == (32, 64)
    assert path.is_32bit is True and path.is_64bit is True
    assert path.bitness == "32, 64"
    elf64 = LibraryPath(write(elf(64, False, 62), "elf64"))
    assert elf64.is_32bit is False and elf64.is_64bit is True and elf64.bitness == "64"


def test_library_path_arch_is_cached(write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = LibraryPath(write(elf(32, False, 3)))
    calls = []

    def fake_get_arch(filename: str) -> tuple[int, ...]:
        calls.append(filename)
        return (32,)

    monkeypatch.setattr(util, "get_arch", fake_get_arch)
    assert path.arch == (32,) and path.arch == (32,)
    assert len(calls) == 1


def test_library_path_pickles(write) -> None:
    import pickle

    path = LibraryPath(write(elf(64, False, 62)), "user")
    clone = pickle.loads(pickle.dumps(path))
    assert clone == path and clone.found_by == "user" and clone.arch == (64,)
