"""Tests of the .pyvisarc configuration and of the diagnostics of pyvisa.util."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from pyvisa import highlevel, util


class Homes:
    """A temporary user home and ``sys.prefix``, holding optional .pyvisarc files."""

    def __init__(self, root: Path) -> None:
        self.home = root / "home"
        self.prefix = root / "prefix"
        self.home.mkdir()
        (self.prefix / "share" / "pyvisa").mkdir(parents=True)

    def user(self, text: str) -> None:
        (self.home / ".pyvisarc").write_text(text, encoding="utf-8")

    def site(self, text: str) -> None:
        (self.prefix / "share" / "pyvisa" / ".pyvisarc").write_text(text, encoding="utf-8")


@pytest.fixture
def homes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Homes:
    homes = Homes(tmp_path)
    monkeypatch.setenv("HOME", str(homes.home))
    monkeypatch.setenv("USERPROFILE", str(homes.home))
    monkeypatch.setattr(sys, "prefix", str(homes.prefix))
    return homes


def test_no_configuration(homes: Homes, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.read_user_library_path() is None
    assert [r.getMessage() for r in caplog.records] == ["No user defined library files"]
    assert util.add_user_dll_extra_paths() is None


def test_user_file(homes: Homes, caplog: pytest.LogCaptureFixture) -> None:
    homes.user("[Paths]\nVISA library: /usr/lib/libvisa.so.7\n")
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.read_user_library_path() == "/usr/lib/libvisa.so.7"
    files = [str(homes.home / ".pyvisarc")]
    assert [r.getMessage() for r in caplog.records] == [f"User defined library files: {files}"]
    assert all(r.levelno == logging.DEBUG for r in caplog.records)


def test_site_wide_file(homes: Homes) -> None:
    homes.site("[Paths]\nVISA library = /opt/site/libvisa.so\n")
    assert util.read_user_library_path() == "/opt/site/libvisa.so"


def test_user_file_overrides_site_wide_one(homes: Homes, monkeypatch: pytest.MonkeyPatch) -> None:
    homes.site("[Paths]\nVISA library: /site/lib.so\ndll_extra_paths: C:\\site\n")
    homes.user("[Paths]\nVISA library: /user/lib.so\n")
    assert util.read_user_library_path() == "/user/lib.so"
    monkeypatch.setattr(os, "add_dll_directory", lambda path: None, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(util, "_ADDED_DLL_PATHS", set())
    assert util.add_user_dll_extra_paths() == ["C:\\site"]


@pytest.mark.parametrize("text", ["[paths]\nVISA library: /lib.so\n", "[Paths]\nother: 1\n"])
def test_missing_section_or_key(homes: Homes, caplog: pytest.LogCaptureFixture, text: str) -> None:
    homes.user(text)
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.read_user_library_path() is None
    assert caplog.records[-1].getMessage() == (
        "NoOptionError or NoSectionError while reading config file"
    )
    assert len(caplog.records) == 2


def test_option_name_is_case_insensitive(homes: Homes) -> None:
    homes.user("[Paths]\nvisa LIBRARY: /lib.so\n")
    assert util.read_user_library_path() == "/lib.so"


def test_malformed_file_raises(homes: Homes) -> None:
    import configparser

    homes.user("this is not an ini file\n[Paths\n")
    with pytest.raises(configparser.Error):
        util.read_user_library_path()
    homes.user("[Paths]\nVISA library: %PROGRAMFILES%\\visa.dll\n")
    with pytest.raises(configparser.InterpolationError):
        util.read_user_library_path()


# --- dll_extra_paths (AC-6 ... AC-8) -------------------------------------------------------


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    added: list[str] = []
    monkeypatch.setattr(os, "add_dll_directory", added.append, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(util, "_ADDED_DLL_PATHS", set())
    return added


@pytest.mark.parametrize("plat", ["linux", "darwin", "cygwin", "win64"])
def test_dll_extra_paths_only_on_win32(
    homes: Homes, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, plat: str
) -> None:
    homes.user("[Paths]\ndll_extra_paths: C:\\a;C:\\b\n")
    added: list[str] = []
    monkeypatch.setattr(os, "add_dll_directory", added.append, raising=False)
    monkeypatch.setattr(sys, "platform", plat)
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() is None
    assert caplog.records[0].getMessage() == (
        "Not loading dll_extra_paths because we are not on Windows"
    )
    assert len(caplog.records) == 1 and added == []


def test_dll_extra_paths_are_added_once(
    homes: Homes, windows: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    homes.user("[Paths]\ndll_extra_paths: C:\\a;C:\\Program Files\\b\n")
    expected = ["C:\\a", "C:\\Program Files\\b"]
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() == expected
    files = [str(homes.home / ".pyvisarc")]
    assert [r.getMessage() for r in caplog.records] == [
        f"User defined configuration files: {files}"
    ]
    assert windows == expected and util._ADDED_DLL_PATHS == set(expected)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() == expected
    assert windows == expected
    assert [r.getMessage() for r in caplog.records][1:] == [
        "Path 'C:\\\\a' has already been added; skipping",
        "Path 'C:\\\\Program Files\\\\b' has already been added; skipping",
    ]
    util._ADDED_DLL_PATHS = set()  # rebinding starts afresh (the fixture restores it)
    assert util.add_user_dll_extra_paths() == expected
    assert windows == expected * 2


def test_dll_extra_paths_without_configuration(
    homes: Homes, windows: list[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() is None
    assert [r.getMessage() for r in caplog.records] == ["No user defined configuration"]
    homes.user("[Paths]\nVISA library: x\n")
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() is None
    assert caplog.records[-1].getMessage() == (
        "NoOptionError or NoSectionError while reading config file for dll_extra_paths."
    )
    assert windows == []


def test_dll_extra_paths_are_split_on_semicolons_only(homes: Homes, windows: list[str]) -> None:
    homes.user("[Paths]\ndll_extra_paths: C:\\a; C:\\b\n")
    assert util.add_user_dll_extra_paths() == ["C:\\a", " C:\\b"]


# --- diagnostics -------------------------------------------------------------------------


def test_system_details_without_backends() -> None:
    import pyvisa

    details = util.get_system_details(backends=False)
    for key in ("platform", "processor", "executable", "implementation", "python", "compiler"):
        assert isinstance(details[key], str)
    assert details["bits"] in ("32bit", "64bit")
    assert details["pyvisa"] == pyvisa.__version__
    assert details["backends"] == {}
    assert details["executable"] == sys.executable


class _GoodBackend:
    @staticmethod
    def get_debug_info() -> Any:
        return {"Version": "1.0", "Sessions": ["a", "b"], "Nested": {"key": "value"}}


class _BrokenBackend:
    @staticmethod
    def get_debug_info() -> Any:
        raise RuntimeError("no info")


def _fake_wrapper_class(name: str) -> Any:
    if name == "missing":
        raise ImportError("no module named pyvisa_missing")
    return {"good": _GoodBackend, "broken": _BrokenBackend}[name]


@pytest.fixture
def fake_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        highlevel, "list_backends", lambda: ["pyvisa_good", "broken", "pyvisa-missing"]
    )
    monkeypatch.setattr(highlevel, "get_wrapper_class", _fake_wrapper_class)


def test_system_details_with_backends(fake_backends: None) -> None:
    backends = util.get_system_details()["backends"]
    assert list(backends) == ["good", "broken", "missing"]
    assert backends["good"]["Version"] == "1.0"
    assert backends["broken"] == ["Could not obtain debug info", "-> no info"]
    assert backends["missing"][0] == "Could not instantiate backend"
    assert "pyvisa_missing" in backends["missing"][1]


def test_system_details_to_str(fake_backends: None) -> None:
    text = util.system_details_to_str(util.get_system_details(), indent="  ")
    lines = text.splitlines()
    assert lines[0] == "  Machine Details:"
    assert all(line.startswith("  ") for line in lines)
    assert f"  PyVISA Version: {util.get_system_details(False)['pyvisa']}" in lines
    assert "     good:" in lines
    assert "        Version: 1.0" in lines
    assert "        Sessions:" in lines and "           a" in lines
    assert "        Nested:" in lines and "           key: value" in lines
    assert "     broken:" in lines and "        -> no info" in lines
    assert text.endswith("\n")


def test_system_details_to_str_tolerates_missing_keys() -> None:
    text = util.system_details_to_str({})
    assert "Platform ID:    n/a" in text and "Backends:" in text


def test_get_debug_info(fake_backends: None, capsys: pytest.CaptureFixture[str]) -> None:
    text = util.get_debug_info(to_screen=False)
    assert text is not None and "Backends:" in text and "good:" in text
    assert util.get_debug_info() is None
    assert "Machine Details:" in capsys.readouterr().out


def test_real_backends_are_listed() -> None:
    text = util.get_debug_info(to_screen=False)
    assert text is not None
    assert "   ivi:" in text
