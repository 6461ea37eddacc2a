"""Tests of ``pyvisa-info --json`` and of the library diagnosis of :mod:`pyvisa.diagnostics`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pyvisa import diagnostics, util
from pyvisa._libarch import ArchitectureType
from pyvisa.cmd_line_tools import get_info_parser, visa_main

TEXT_MARKERS = ("Machine Details:", "Python:", "PyVISA Version:", "Backends:")


def run_info(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pyvisa", "info", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# -- the command line ---------------------------------------------------------------


def test_parser_keeps_the_namespace_of_1_16_2() -> None:
    parser = get_info_parser()
    assert vars(parser.parse_args([])) == {}
    assert vars(parser.parse_args(["--json"])) == {"json": True}


def test_text_output_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    visa_main(argv=["info"])
    out = capsys.readouterr().out
    assert out == f"{util.get_debug_info(to_screen=False)}\n"
    assert not out.lstrip().startswith("{")


@pytest.fixture(scope="module")
def json_run() -> subprocess.CompletedProcess[str]:
    """One run of ``pyvisa info --json`` in a subprocess, shared by the tests reading it."""
    return run_info("--json")


def test_json_in_a_subprocess(json_run: subprocess.CompletedProcess[str]) -> None:
    assert json_run.returncode == 0, json_run.stderr
    report = json.loads(json_run.stdout)
    assert report["format"] == diagnostics.REPORT_FORMAT
    assert set(report) >= {"machine", "python", "pyvisa", "configuration", "backends"}
    assert report["python"]["executable"] == sys.executable
    assert report["python"]["version"] == ".".join(map(str, sys.version_info[:3]))
    import pyvisa

    assert report["pyvisa"]["version"] == pyvisa.__version__
    assert report["pyvisa"]["location"] == os.path.dirname(os.path.abspath(pyvisa.__file__))
    ivi = report["backends"]["ivi"]
    assert ivi["status"] == "ok"
    assert isinstance(ivi["libraries"], list)
    assert ivi["debug_info"]["Version"].endswith("(bundled with PyVISA)")


def test_json_reports_pyvisa_sim_and_pyvisa_py(
    json_run: subprocess.CompletedProcess[str],
) -> None:
    pytest.importorskip("pyvisa_sim")
    pytest.importorskip("pyvisa_py")
    report = json.loads(json_run.stdout)
    sim = report["backends"]["sim"]
    assert sim["status"] == "ok" and sim["module"].startswith("pyvisa_sim")
    assert "Spec version" in sim["debug_info"]
    py = report["backends"]["py"]
    packages = {entry["package"]: entry for entry in py["optional_packages"]}
    assert {"pyserial", "pyusb", "psutil", "zeroconf"} <= set(packages)
    for entry in packages.values():
        assert entry["enables"] and isinstance(entry["installed"], bool)
    # What pyvisa-py itself lists as unavailable comes with its own explanation.
    for lines in py["unavailable_resource_types"].values():
        assert all(isinstance(line, str) for line in lines)
    if not packages["pyserial"]["installed"]:
        assert "ASRL INSTR" in py["unavailable_resource_types"]


def test_a_backend_that_fails_to_load_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa import highlevel

    monkeypatch.setattr(highlevel, "list_backends", lambda: ["ivi", "pyvisa_broken"])
    report = diagnostics.get_report()
    broken = report["backends"]["broken"]
    assert broken["status"] == "not loadable"
    assert "pyvisa_broken" in broken["error"]
    json.loads(diagnostics.report_to_json(report))


def test_a_backend_whose_debug_info_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa import highlevel

    class Failing:
        @staticmethod
        def get_debug_info() -> object:
            raise RuntimeError("no info today")

    monkeypatch.setattr(highlevel, "list_backends", lambda: ["failing"])
    monkeypatch.setattr(highlevel, "get_wrapper_class", lambda name: Failing)
    entry = diagnostics.get_report()["backends"]["failing"]
    assert entry["status"] == "no debug info"
    assert entry["error"] == "RuntimeError: no info today"


def test_ivi_candidates_are_diagnosed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pyvisa import highlevel

    missing = tmp_path / "libvisa-missing.so"
    ivi = highlevel.get_wrapper_class("ivi")
    paths = (util.LibraryPath(str(missing), "user"),)
    monkeypatch.setattr(ivi, "get_library_paths", staticmethod(lambda: paths))
    monkeypatch.setattr(ivi, "get_debug_info", classmethod(lambda cls: {"Version": "x"}))
    monkeypatch.setattr(highlevel, "list_backends", lambda: ["ivi"])
    (library,) = diagnostics.get_report()["backends"]["ivi"]["libraries"]
    assert library["path"] == str(missing) and library["found_by"] == "user"
    assert library["loads"] is False and library["exists"] is False
    assert library["problems"] == ["The file does not exist."]


def test_jsonable_converts_anything() -> None:
    class Thing:
        def __str__(self) -> str:
            return "thing"

    value = {1: (Thing(), {"a"}), "b": None}
    assert diagnostics._jsonable(value) == {"1": ["thing", ["a"]], "b": None}


# -- library diagnosis --------------------------------------------------------------

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF loader")


def _compile(tmp_path: Path, name: str, source: str, *args: str) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler")
    src = tmp_path / (name + ".c")
    src.write_text(source, encoding="utf-8")
    out = tmp_path / name
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", str(out), str(src), *args],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out


@linux_only
def test_missing_dependency(tmp_path: Path) -> None:
    dep = _compile(tmp_path, "libvisadep.so", "int dep(void) { return 1; }\n")
    lib = _compile(
        tmp_path,
        "libfakevisa.so",
        "int dep(void);\nint viOpenDefaultRM(void *p) { return dep(); }\n",
        f"-L{tmp_path}",
        "-lvisadep",
    )
    imports = diagnostics.read_imports(str(lib))
    assert imports["format"] == "ELF" and imports["bits"] in (32, 64)
    assert "libvisadep.so" in imports["needed"]
    dep.unlink()
    report = diagnostics.diagnose_library(str(lib))
    assert report["loads"] is False
    assert "libvisadep.so" in report["load_error"]
    assert report["missing_dependencies"] == ["libvisadep.so"]
    found = {entry["name"]: entry["found"] for entry in report["dependencies"]}
    assert found["libvisadep.so"] is None
    assert report["problems"] == [
        "Missing dependencies (not found on the loader's search path): libvisadep.so"
    ]


@linux_only
def test_dependency_found_through_runpath_origin(tmp_path: Path) -> None:
    _compile(tmp_path, "libvisadep2.so", "int dep2(void) { return 2; }\n")
    lib = _compile(
        tmp_path,
        "libfakevisa2.so",
        "int dep2(void);\nint f(void) { return dep2(); }\n",
        f"-L{tmp_path}",
        "-lvisadep2",
        "-Wl,-rpath,$ORIGIN",
    )
    report = diagnostics.diagnose_library(str(lib))
    assert report["loads"] is True and report["problems"] == []
    found = {entry["name"]: entry["found"] for entry in report["dependencies"]}
    assert found["libvisadep2.so"] == str(tmp_path / "libvisadep2.so")


@linux_only
def test_dependency_found_through_ld_library_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lib_dir = tmp_path / "deps"
    lib_dir.mkdir()
    _compile(lib_dir, "libvisadep3.so", "int dep3(void) { return 3; }\n")
    lib = _compile(
        tmp_path,
        "libfake3.so",
        "int dep3(void);\nint g(void) { return dep3(); }\n",
        f"-L{lib_dir}",
        "-lvisadep3",
    )
    imports = diagnostics.read_imports(str(lib))
    assert diagnostics.find_dependency("libvisadep3.so", str(lib), imports) is None
    monkeypatch.setenv("LD_LIBRARY_PATH", str(lib_dir))
    found = diagnostics.find_dependency("libvisadep3.so", str(lib), imports)
    assert found == str(lib_dir / "libvisadep3.so")


def test_unreadable_file(tmp_path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root reads every file")
    path = tmp_path / "libvisa.so"
    path.write_bytes(b"\x7fELF")
    path.chmod(0)
    report = diagnostics.diagnose_library(str(path))
    assert report["readable"] is False and report["permissions"] == "----------"
    assert report["problems"][0].startswith("The file cannot be read by this user")


def test_not_a_library(tmp_path: Path) -> None:
    path = tmp_path / "libvisa.so"
    path.write_text("not a library", encoding="utf-8")
    report = diagnostics.diagnose_library(str(path))
    assert report["format"] is None and report["loads"] is False
    assert report["problems"] == ["The file is not a shared library (not ELF, PE or Mach-O)."]
    assert report["permissions"].startswith("-rw")


def test_architecture_mismatch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "libvisa.so"
    path.write_bytes(b"\x7fELF\x01\x01" + bytes(64))
    monkeypatch.setattr(diagnostics, "_python_arch", lambda: ArchitectureType.X86_64)
    monkeypatch.setattr(diagnostics, "get_arch", lambda p: [ArchitectureType.I386])
    monkeypatch.setattr(diagnostics, "_try_load", lambda p: "wrong ELF class: ELFCLASS32")
    report = diagnostics.diagnose_library(str(path))
    assert report["architectures"] == ["x86 32 bit"]
    assert report["python_architecture"] == "x86 64 bit"
    assert any(
        p.startswith("Architecture mismatch: the library is built for x86 32 bit")
        for p in report["problems"]
    )


def test_truncated_elf_gives_no_imports(tmp_path: Path) -> None:
    path = tmp_path / "short.so"
    path.write_bytes(b"\x7fELF\x02\x01\x01")
    assert diagnostics.read_imports(str(path)) == {"format": None, "needed": []}


def _pe_file() -> bytes:
    """A minimal PE32+ image importing KERNEL32.dll and visa64dep.dll."""
    data = bytearray(0x400)
    data[:2] = b"MZ"
    pe = 0x80
    data[0x3C:0x40] = pe.to_bytes(4, "little")
    data[pe : pe + 4] = b"PE\0\0"
    optsize = 240
    data[pe + 4 : pe + 6] = (0x8664).to_bytes(2, "little")
    data[pe + 6 : pe + 8] = (1).to_bytes(2, "little")  # one section
    data[pe + 20 : pe + 22] = optsize.to_bytes(2, "little")
    optional = pe + 24
    data[optional : optional + 2] = (0x20B).to_bytes(2, "little")
    # Import directory (data directory 1): RVA 0x1000.
    directories = optional + 112
    data[directories + 8 : directories + 12] = (0x1000).to_bytes(4, "little")
    section = optional + optsize
    data[section : section + 8] = b".idata\0\0"
    # virtual size, virtual address, raw size, raw pointer
    for offset, value in ((8, 0x200), (12, 0x1000), (16, 0x200), (20, 0x200)):
        data[section + offset : section + offset + 4] = value.to_bytes(4, "little")
    names = {0x1100: b"KERNEL32.dll\0", 0x1120: b"visa64dep.dll\0"}
    for index, rva in enumerate(names):
        descriptor = 0x200 + index * 20
        data[descriptor + 12 : descriptor + 16] = rva.to_bytes(4, "little")
        data[descriptor + 16 : descriptor + 20] = (0x1180).to_bytes(4, "little")
    for rva, name in names.items():
        start = rva - 0x1000 + 0x200
        data[start : start + len(name)] = name
    return bytes(data)


def test_pe_imports(tmp_path: Path) -> None:
    path = tmp_path / "visa64.dll"
    path.write_bytes(_pe_file())
    imports = diagnostics.read_imports(str(path))
    assert imports == {"format": "PE", "needed": ["KERNEL32.dll", "visa64dep.dll"]}
    (tmp_path / "visa64dep.dll").write_bytes(b"MZ")
    found = diagnostics.find_dependency("visa64dep.dll", str(path), imports)
    assert found == str(tmp_path / "visa64dep.dll")
    assert diagnostics.find_dependency("api-ms-win-crt-heap-l1-1-0.dll", str(path), imports)


def _macho_file() -> bytes:
    """A minimal 64-bit Mach-O dylib loading @rpath/libdep.dylib, with one LC_RPATH."""
    commands = b""
    name = b"@rpath/libdep.dylib\0\0\0\0\0"
    commands += (0xC).to_bytes(4, "little") + (24 + len(name)).to_bytes(4, "little")
    commands += (24).to_bytes(4, "little") + bytes(12) + name
    rpath = b"@loader_path/lib\0\0\0\0"
    commands += (0x8000001C).to_bytes(4, "little") + (12 + len(rpath)).to_bytes(4, "little")
    commands += (12).to_bytes(4, "little") + rpath
    header = b"\xcf\xfa\xed\xfe" + (0x01000007).to_bytes(4, "little") + bytes(4)
    header += (6).to_bytes(4, "little") + (2).to_bytes(4, "little")
    header += len(commands).to_bytes(4, "little") + bytes(8)
    return header + commands


def test_macho_imports(tmp_path: Path) -> None:
    path = tmp_path / "libvisa.dylib"
    path.write_bytes(_macho_file())
    imports = diagnostics.read_imports(str(path))
    assert imports == {
        "format": "Mach-O",
        "needed": ["@rpath/libdep.dylib"],
        "rpath": ["@loader_path/lib"],
    }
    assert diagnostics.find_dependency("@rpath/libdep.dylib", str(path), imports) is None
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "libdep.dylib").write_bytes(b"")
    found = diagnostics.find_dependency("@rpath/libdep.dylib", str(path), imports)
    assert found == os.path.join(os.path.realpath(tmp_path), "lib", "libdep.dylib")


def test_pyvisa_py_extras(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: object() if name == "usb" else None
    )
    extras = {entry["package"]: entry for entry in diagnostics.pyvisa_py_extras()}
    assert extras["pyusb"]["installed"] is True
    assert extras["pyserial"]["installed"] is False
    assert "ASRL INSTR" in extras["pyserial"]["enables"]
