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


def test_no_configuration(homes: Homes) -> None:
    assert util.read_user_library_path() is None
    assert util.add_user_dll_extra_paths() is None


def test_user_file(homes: Homes) -> None:
    homes.user("[Paths]\nVISA library: /usr/lib/libvisa.so.7\n")
    assert util.read_user_library_path() == "/usr/lib/libvisa.so.7"
    assert util.add_user_dll_extra_paths() is None


def test_site_wide_file(homes: Homes) -> None:
    homes.site("[Paths]\nVISA library = /opt/site/libvisa.so\n")
    assert util.read_user_library_path() == "/opt/site/libvisa.so"


def test_user_file_overrides_site_wide_one(homes: Homes) -> None:
    homes.site("[Paths]\nVISA library: /site/lib.so\ndll_extra_paths: C:\\site\n")
    homes.user("[Paths]\nVISA library: /user/lib.so\n")
    assert util.read_user_library_path() == "/user/lib.so"
    assert util.add_user_dll_extra_paths() == ["C:\\site"]


def test_paths_section_is_case_sensitive(homes: Homes) -> None:
    homes.user("[paths]\nVISA library: /usr/lib/libvisa.so.7\n")
    assert util.read_user_library_path() is None


def test_option_name_is_case_insensitive(homes: Homes) -> None:
    homes.user("[Paths]\nvisa LIBRARY: /lib.so\n")
    assert util.read_user_library_path() == "/lib.so"


def test_malformed_file_is_ignored_with_a_warning(
    homes: Homes, caplog: pytest.LogCaptureFixture
) -> None:
    homes.site("[Paths]\nVISA library: /site/lib.so\n")
    homes.user("this is not an ini file\n[Paths\n")
    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        assert util.read_user_library_path() == "/site/lib.so"
    assert "malformed" in caplog.text


def test_bad_interpolation_is_ignored_with_a_warning(
    homes: Homes, caplog: pytest.LogCaptureFixture
) -> None:
    homes.user("[Paths]\nVISA library: %PROGRAMFILES%\\visa.dll\ndll_extra_paths: C:\\%%a\n")
    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        assert util.read_user_library_path() is None
    assert "malformed option 'visa library'" in caplog.text
    assert util.add_user_dll_extra_paths() == ["C:\\%a"]


def test_dll_extra_paths_without_side_effects(
    homes: Homes, monkeypatch: pytest.MonkeyPatch
) -> None:
    homes.user(
        "[Paths]\ndll_extra_paths: C:\\Program Files\\Keysight\\bin; ;C:\\Program Files (x86)\\bin;\n"
    )
    added: list[str] = []
    monkeypatch.setattr(os, "add_dll_directory", added.append, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    expected = ["C:\\Program Files\\Keysight\\bin", "C:\\Program Files (x86)\\bin"]
    assert util.add_user_dll_extra_paths() == expected
    assert added == []


def test_dll_extra_paths_are_added_on_windows(
    homes: Homes, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    homes.user("[Paths]\ndll_extra_paths: C:\\a;C:\\missing\n")
    added: list[str] = []

    def add_dll_directory(path: str) -> None:
        if "missing" in path:
            raise FileNotFoundError(path)
        added.append(path)

    monkeypatch.setattr(os, "add_dll_directory", add_dll_directory, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        assert util.add_user_dll_extra_paths() == ["C:\\a", "C:\\missing"]
    assert added == ["C:\\a"]
    assert "C:\\missing" in caplog.text


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
