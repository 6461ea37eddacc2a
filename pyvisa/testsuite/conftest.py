"""Fixtures shared by the whole PyVISA test suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pyvisa.testsuite.reference_visa import build_reference_library, find_compiler


@pytest.fixture(scope="session")
def reference_library(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Path (as str) of the reference VISA shared library, built once per test session.

    The tests using it are skipped when no C compiler exists; a failing compilation is an error.
    """
    if find_compiler() is None:
        pytest.skip(
            "no C compiler found (set CC or install cc/gcc) to build the reference VISA library"
        )
    return str(build_reference_library(tmp_path_factory.mktemp("reference_visa")))


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A copy of the resource-name registry, for tests that register name classes."""
    from collections import defaultdict

    from pyvisa import rname

    monkeypatch.setattr(rname, "_SUBCLASSES", dict(rname._SUBCLASSES))
    monkeypatch.setattr(rname, "_DEFAULT_RC", dict(rname._DEFAULT_RC))
    monkeypatch.setattr(
        rname,
        "_RESOURCE_CLASSES",
        defaultdict(set, {k: set(v) for k, v in rname._RESOURCE_CLASSES.items()}),
    )
    monkeypatch.setattr(rname, "_INTERFACE_RE", None)
    rname._parse_cached.cache_clear()
    yield
    monkeypatch.undo()
    rname._parse_cached.cache_clear()
