"""Backend resolution: the built-in table, the pyvisa_<name> convention, the entry points."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import pytest

from pyvisa import errors, highlevel
from pyvisa.backend import VisaLibraryBase


def _install_distribution(root: Path, entry_points: str) -> None:
    """Write an installed distribution (dist-info) with a backend package next to it."""
    package = root / "epdemo_backend"
    package.mkdir()
    (package / "__init__.py").write_text(
        textwrap.dedent(
            """
            from pyvisa.backend import VisaLibraryBase


            class EntryPointLibrary(VisaLibraryBase):
                pass


            class OtherLibrary(VisaLibraryBase):
                pass


            WRAPPER_CLASS = EntryPointLibrary
            """
        )
    )
    info = root / "epdemo_backend-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: epdemo-backend\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[pyvisa.backends]\n{entry_points}\n")


@pytest.fixture
def entry_point_backends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _install_distribution(
        tmp_path,
        "epmodule = epdemo_backend\nepclass = epdemo_backend:OtherLibrary\n"
        "epbroken = epdemo_backend:NotThere",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    yield tmp_path
    sys.modules.pop("epdemo_backend", None)


def test_entry_point_naming_a_module(entry_point_backends: Path) -> None:
    wrapper = highlevel.get_wrapper_class("epmodule")
    assert wrapper.__name__ == "EntryPointLibrary"
    assert issubclass(wrapper, VisaLibraryBase)
    assert highlevel._WRAPPERS["epmodule"] is wrapper


def test_entry_point_naming_the_class(entry_point_backends: Path) -> None:
    assert highlevel.get_wrapper_class("epclass").__name__ == "OtherLibrary"


def test_entry_point_to_a_missing_object_fails_clearly(entry_point_backends: Path) -> None:
    with pytest.raises(AttributeError):
        highlevel.get_wrapper_class("epbroken")
    assert "epbroken" not in highlevel._WRAPPERS


def test_entry_points_are_listed(entry_point_backends: Path) -> None:
    names = highlevel.list_backends()
    assert names[0] == "ivi"
    assert {"epmodule", "epclass"} <= set(names)
    assert len(names) == len(set(names))


def test_the_builtin_backend_is_a_table_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    assert highlevel._BUILTIN_BACKENDS == {"ivi": "pyvisa.ctwrapper"}
    from pyvisa.ctwrapper import IVIVisaLibrary

    assert highlevel.get_wrapper_class("ivi") is IVIVisaLibrary


def test_unknown_backend_is_a_value_error_of_the_hierarchy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    with pytest.raises(errors.BackendNotFound, match="Wrapper not found") as info:
        highlevel.get_wrapper_class("no_such_backend_here")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, errors.Error)


def test_a_patch_of_get_wrapper_class_takes_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    class Patched(VisaLibraryBase):
        pass

    asked: list[str] = []

    def fake(name: str) -> type[VisaLibraryBase]:
        asked.append(name)
        return Patched

    monkeypatch.setattr(highlevel, "get_wrapper_class", fake)
    monkeypatch.delenv("PYVISA_LIBRARY", raising=False)
    library = highlevel.open_visa_library("somewhere@patched")
    assert isinstance(library, Patched)
    assert asked == ["patched"]
    # The default backend is chosen through the same (patched) function.
    assert highlevel._get_default_wrapper() == "py"
    assert asked[1:] == ["ivi", "py"]


def test_a_patch_of_the_wrapper_cache_takes_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    class Cached(VisaLibraryBase):
        pass

    monkeypatch.setattr(highlevel, "_WRAPPERS", {"cached": Cached})
    assert highlevel.get_wrapper_class("cached") is Cached
