"""Fixtures shared by the whole PyVISA test suite."""

from __future__ import annotations

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
