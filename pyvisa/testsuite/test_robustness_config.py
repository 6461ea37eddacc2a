"""A .pyvisarc that is not a regular file of sane size is ignored with a warning."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from pyvisa import ResourceManager, util


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    return home


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_ignored(home: Path) -> None:
    (home / ".pyvisarc").symlink_to("/dev/zero")
    start = time.perf_counter()
    with pytest.warns(UserWarning, match="not a regular file"):
        assert util.read_user_library_path() is None
    assert time.perf_counter() - start < 1.0


def test_symlink_to_dev_zero_does_not_break_the_manager(home: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("needs /dev/zero")
    pytest.importorskip("pyvisa_py")
    (home / ".pyvisarc").symlink_to("/dev/zero")
    # The default backend reads the configuration to find an IVI library, then falls back
    # to pyvisa-py.
    with pytest.warns(UserWarning, match="not a regular file"):
        with ResourceManager() as rm:
            assert rm.visalib is not None


def test_directory_is_ignored(home: Path) -> None:
    (home / ".pyvisarc").mkdir()
    with pytest.warns(UserWarning, match="not a regular file"):
        assert util.read_user_library_path() is None


def test_huge_file_is_ignored(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(util, "_MAX_CONFIG_SIZE", 64)
    (home / ".pyvisarc").write_text("[Paths]\nVISA library: /x\n" + "#" * 100, encoding="utf-8")
    with pytest.warns(UserWarning, match="at most 64 bytes"):
        assert util.read_user_library_path() is None


def test_regular_file_is_read_without_warning(home: Path, recwarn: pytest.WarningsRecorder) -> None:
    (home / ".pyvisarc").write_text("[Paths]\nVISA library: /x/libvisa.so\n", encoding="utf-8")
    assert util.read_user_library_path() == "/x/libvisa.so"
    assert not [w for w in recwarn if "configuration file" in str(w.message)]


def _stray_backend(folder: Path) -> Path:
    marker = folder / "imported.txt"
    (folder / "pyvisa_stray.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nWRAPPER_CLASS = None\n", encoding="utf-8"
    )
    return marker


def test_backend_in_the_working_directory_is_not_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyvisa import highlevel

    marker = _stray_backend(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend("")
    monkeypatch.delitem(sys.modules, "pyvisa_stray", raising=False)
    assert "stray" not in highlevel.list_backends()
    with pytest.raises(ValueError, match="No package named pyvisa_stray"):
        highlevel.get_wrapper_class("stray")
    assert not marker.exists()


def test_python_m_pyvisa_info_ignores_the_working_directory(tmp_path: Path) -> None:
    import subprocess

    marker = _stray_backend(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pyvisa", "info"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "stray" not in result.stdout
    assert not marker.exists()


def test_backend_elsewhere_on_the_path_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyvisa import highlevel

    folder = tmp_path / "site"
    folder.mkdir()
    marker = _stray_backend(folder)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "pyvisa_stray", raising=False)
    assert "stray" in highlevel.list_backends()
    module = highlevel._import_backend_module("stray")
    assert module.WRAPPER_CLASS is None and marker.exists()


def test_backend_of_another_finder_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An editable install may provide the backend through a finder of sys.meta_path
    # rather than through a folder of sys.path.
    import importlib.abc
    import importlib.util

    from pyvisa import highlevel

    folder = tmp_path / "checkout"
    folder.mkdir()
    marker = _stray_backend(folder)
    source = str(folder / "pyvisa_stray.py")

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
            if name == "pyvisa_stray":
                return importlib.util.spec_from_file_location(name, source)
            return None

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder()])
    monkeypatch.delitem(sys.modules, "pyvisa_stray", raising=False)
    try:
        module = highlevel._import_backend_module("stray")
        assert module.WRAPPER_CLASS is None and marker.exists()
    finally:
        sys.modules.pop("pyvisa_stray", None)


def test_package_in_the_working_directory_is_not_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pyvisa import highlevel

    package = tmp_path / "pyvisa_stray"
    package.mkdir()
    marker = _stray_backend(tmp_path)
    (tmp_path / "pyvisa_stray.py").rename(package / "__init__.py")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend("")
    monkeypatch.delitem(sys.modules, "pyvisa_stray", raising=False)
    with pytest.raises(ValueError, match="No package named pyvisa_stray"):
        highlevel.get_wrapper_class("stray")
    assert not marker.exists()
