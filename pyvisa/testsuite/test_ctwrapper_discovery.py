"""Discovery and loading of the VISA library by the ivi backend.

Uses temporary ``.pyvisarc`` files and fake library files (ELF headers of the
other architecture), so no VISA library is needed.

"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pathlib
import struct
import sys

import pytest

from pyvisa import errors
from pyvisa.ctwrapper import highlevel
from pyvisa.ctwrapper.highlevel import IVIVisaLibrary, find_library_paths
from pyvisa.util import LibraryPath

OTHER_ELF_CLASS, OTHER_BITS = (1, 32) if sys.maxsize > 2**32 else (2, 64)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF loader test")


def _fake_elf(path: pathlib.Path, elf_class: int) -> pathlib.Path:
    """Write the header of an ELF shared object of the given class (1: 32-bit, 2: 64-bit)."""
    machine = 3 if elf_class == 1 else 62  # EM_386, EM_X86_64
    ident = b"\x7fELF" + bytes([elf_class, 1, 1]) + bytes(9)
    path.write_bytes(ident + struct.pack("<HHI", 3, machine, 1) + bytes(64))
    return path


@pytest.fixture
def home(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> pathlib.Path:
    """An empty home directory, and no standard location or loader-path library."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    monkeypatch.delenv("DYLD_LIBRARY_PATH", raising=False)
    monkeypatch.setattr(highlevel, "_LINUX_LOCATIONS", ())
    monkeypatch.setattr(highlevel, "_MACOS_LOCATIONS", ())
    monkeypatch.setattr(highlevel, "_find_library_names", lambda: [])
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    return home


def _write_pyvisarc(home: pathlib.Path, library: str) -> None:
    (home / ".pyvisarc").write_text(f"[Paths]\nVISA library: {library}\n", encoding="utf-8")


def test_nothing_found(home: pathlib.Path) -> None:
    assert find_library_paths(sys.platform) == ()
    info = IVIVisaLibrary.get_debug_info()
    assert isinstance(info, dict)
    assert info["Binary library"] == "Not found"


def test_pyvisarc_library_comes_first(
    home: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standard = tmp_path / "libvisa.so.7"
    standard.write_bytes(b"")
    alias = tmp_path / "alias.so"
    alias.symlink_to(standard)
    loader_dir = tmp_path / "loader"
    loader_dir.mkdir()
    (loader_dir / "libvisa.so.7").write_bytes(b"")
    monkeypatch.setattr(
        highlevel, "_LINUX_LOCATIONS", (str(tmp_path / "absent.so"), str(standard), str(alias))
    )
    monkeypatch.setenv("LD_LIBRARY_PATH", str(loader_dir))
    _write_pyvisarc(home, "/opt/vendor/libvisa.so")

    paths = find_library_paths("linux")
    assert [str(p) for p in paths] == [
        "/opt/vendor/libvisa.so",
        str(standard),
        str(loader_dir / "libvisa.so.7"),
    ]
    assert [p.found_by for p in paths] == ["user", "auto", "auto"]
    assert all(isinstance(p, LibraryPath) for p in paths)
    # Deterministic: the same order every time.
    assert find_library_paths("linux") == paths
    assert IVIVisaLibrary.get_library_paths() == find_library_paths()


def test_windows_locations(home: pathlib.Path, tmp_path: pathlib.Path, monkeypatch) -> None:
    system32 = tmp_path / "windows" / "System32"
    system32.mkdir(parents=True)
    for name in ("visa32.dll", "visa64.dll"):
        (system32 / name).write_bytes(b"MZ")
    monkeypatch.setenv("WINDIR", str(tmp_path / "windows"))
    paths = [os.path.basename(p) for p in find_library_paths("win32")]
    if sys.maxsize > 2**32:
        assert paths == ["visa64.dll", "visa32.dll"]
    else:
        assert paths == ["visa32.dll"]


def test_missing_library_file(tmp_path: pathlib.Path) -> None:
    missing = str(tmp_path / "no-such-libvisa.so")
    with pytest.raises(errors.LibraryError) as excinfo:
        IVIVisaLibrary(missing)
    assert excinfo.value.reason == "not_found"
    assert missing in str(excinfo.value)


@linux_only
def test_wrong_architecture_explained_like_the_faq(tmp_path: pathlib.Path) -> None:
    fake = str(_fake_elf(tmp_path / "libvisa.so.7", OTHER_ELF_CLASS))
    with pytest.raises(errors.LibraryError) as excinfo:
        IVIVisaLibrary(fake)
    message = str(excinfo.value)
    assert excinfo.value.reason == "wrong_architecture"
    assert "No matching architecture" in message
    assert f"Current Python interpreter is {64 if OTHER_BITS == 32 else 32} bits" in message
    assert f"{OTHER_BITS} bits" in message
    assert "wrong ELF class" in message


@linux_only
def test_debug_info_reports_architecture_and_loading(
    home: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    fake = str(_fake_elf(tmp_path / "libvisa32.so", OTHER_ELF_CLASS))
    _write_pyvisarc(home, fake)
    info = IVIVisaLibrary.get_debug_info()
    assert isinstance(info, dict)
    details = info[f"#1: {fake}"]
    assert details["found by"] == "user"
    assert details["architecture"] == str(OTHER_BITS)
    assert details["loads"] == "no"
    assert details["Could not get more info"] == "Interpreter and library have different bitness."


@linux_only
def test_shared_library_that_is_not_visa(tmp_path: pathlib.Path) -> None:
    libm = ctypes.util.find_library("m")
    if libm is None:
        pytest.skip("no libm")
    with pytest.raises(errors.LibraryError, match="'viOpenDefaultRM' not found"):
        IVIVisaLibrary(libm)


def test_resource_manager_with_a_missing_library(tmp_path: pathlib.Path) -> None:
    from pyvisa import ResourceManager

    with pytest.raises(OSError):
        ResourceManager(str(tmp_path / "missing-visa.so"))


_OLD_VISA_SOURCE = """
typedef unsigned int ViSession;
int viOpenDefaultRM(ViSession *vi) { *vi = 7; return 0; }
int viClose(ViSession vi) { return vi == 7 ? 0 : (int)0xBFFF000E; }
"""


@linux_only
def test_library_lacking_functions_still_loads(tmp_path: pathlib.Path) -> None:
    import subprocess

    from pyvisa.constants import AddressSpace, StatusCode
    from pyvisa.testsuite.reference_visa import find_compiler

    compiler = find_compiler()
    if compiler is None:
        pytest.skip("no C compiler")
    source = tmp_path / "oldvisa.c"
    source.write_text(_OLD_VISA_SOURCE)
    target = tmp_path / "liboldvisa.so"
    subprocess.run(
        [*compiler, "-shared", "-fPIC", "-o", str(target), str(source)],
        check=True,
        capture_output=True,
    )
    library = IVIVisaLibrary(str(target))
    assert library.open_default_resource_manager() == (7, StatusCode.success)
    with pytest.raises(NotImplementedError, match="viIn8Ex is not exported by the VISA library"):
        library.in_8(7, AddressSpace.a16, 0, extended=True)
    with pytest.raises(NotImplementedError, match="viRead "):
        library.read(7, 10)
    from pyvisa.ctwrapper.functions import MissingFunctionError

    with pytest.raises(MissingFunctionError) as excinfo:
        library.viMapAddressEx(7, 1, 0, 1, 0, None, None)
    assert excinfo.value.function_name == "viMapAddressEx"
    assert excinfo.value.library_path == str(target)
    assert str(target) in str(excinfo.value)
    assert library.close(7) == StatusCode.success
    with pytest.raises(errors.VisaIOError) as excinfo:
        library.close(8)
    assert excinfo.value.error_code == StatusCode.error_invalid_object


def test_hard_links_and_symlinks_are_one_candidate(
    home: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = tmp_path / "libvisa.so.7"
    real.write_bytes(b"")
    hard = tmp_path / "hard.so"
    os.link(real, hard)
    soft = tmp_path / "soft.so"
    soft.symlink_to(hard)
    monkeypatch.setattr(highlevel, "_LINUX_LOCATIONS", (str(soft), str(real), str(hard)))
    assert [str(p) for p in find_library_paths("linux")] == [str(soft)]


def test_multiarch_directory_is_searched() -> None:
    import sysconfig

    triplet = sysconfig.get_config_var("MULTIARCH")
    if not triplet:
        pytest.skip("no multiarch triplet on this platform")
    assert highlevel._LINUX_LOCATIONS[0] == f"/usr/lib/{triplet}/libvisa.so.7"


def test_dll_extra_paths_are_added_before_loading_on_windows(
    home: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (home / ".pyvisarc").write_text(
        "[Paths]\ndll_extra_paths: C:\\Keysight\\bin;D:\\Other Dir\n", encoding="utf-8"
    )
    events: list[tuple[str, str]] = []

    def add_dll_directory(path: str) -> None:
        events.append(("add", path))

    def win_dll(path: str) -> ctypes.CDLL:
        events.append(("load", path))
        raise OSError(126, "The specified module could not be found")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "add_dll_directory", add_dll_directory, raising=False)
    # The loader class is cthelper.Library (WinDLL on Windows), chosen at import.
    monkeypatch.setattr(highlevel, "Library", win_dll)
    with pytest.raises(errors.LibraryError):
        highlevel.load_library(r"C:\Windows\System32\visa64.dll")
    assert events == [
        ("add", r"C:\Keysight\bin"),
        ("add", r"D:\Other Dir"),
        ("load", r"C:\Windows\System32\visa64.dll"),
    ]


def test_debug_info_lists_every_candidate_in_order(
    home: pathlib.Path,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    reference_library: str,
) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("ELF loader test")
    fake = str(_fake_elf(tmp_path / "libvisa-other-arch.so", OTHER_ELF_CLASS))
    _write_pyvisarc(home, fake)
    loader_dir = tmp_path / "loader"
    loader_dir.mkdir()
    (loader_dir / "libvisa.so.7").symlink_to(reference_library)
    monkeypatch.setenv("LD_LIBRARY_PATH", str(loader_dir))

    paths = IVIVisaLibrary.get_library_paths()
    assert [(str(p), p.found_by) for p in paths] == [
        (fake, "user"),
        (str(loader_dir / "libvisa.so.7"), "auto"),
    ]
    info = IVIVisaLibrary.get_debug_info()
    assert isinstance(info, dict)
    first, second = info[f"#1: {fake}"], info[f"#2: {loader_dir / 'libvisa.so.7'}"]
    assert (first["architecture"], first["loads"]) == (str(OTHER_BITS), "no")
    assert second["architecture"] == str(ctypes.sizeof(ctypes.c_void_p) * 8)
    assert second["loads"] == "yes" and second["Vendor"] == "PyVISA reference VISA library"
    assert list(info) == ["Version", f"#1: {fake}", f"#2: {loader_dir / 'libvisa.so.7'}"]


def test_no_library_found_raises(home: pathlib.Path) -> None:
    with pytest.raises(OSError, match="VISA library"):
        IVIVisaLibrary()
