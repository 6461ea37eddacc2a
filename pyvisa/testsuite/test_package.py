"""Tests of the package itself: cheap import, version and logging."""

from __future__ import annotations

import importlib.metadata
import io
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import pyvisa

PACKAGE_DIR = Path(pyvisa.__file__).parent


def run_python(
    code: str, *flags: str, cwd: Path = PACKAGE_DIR.parent
) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter (from the folder holding pyvisa by default)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    return subprocess.run(
        [sys.executable, *flags, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env=env,
        check=False,
    )


def test_import_is_cheap() -> None:
    code = """
        import sys
        heavy = ("numpy", "importlib.metadata")
        before = {name for name in heavy if name in sys.modules}
        import pyvisa
        import pyvisa.util
        print(sorted(name for name in heavy if name in sys.modules and name not in before))
    """
    process = run_python(code)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "[]"


def test_installed_version() -> None:
    try:
        installed = importlib.metadata.version("PyVISA")
    except importlib.metadata.PackageNotFoundError:
        pytest.skip("PyVISA is not installed")
    assert installed == "1.16.0"
    assert pyvisa.__version__ == installed


def test_version_of_an_uninstalled_copy(tmp_path: Path) -> None:
    source = tmp_path / "src"
    shutil.copytree(
        PACKAGE_DIR,
        source / "pyvisa",
        ignore=shutil.ignore_patterns("__pycache__", "testsuite", "*.so", "*.dll", "*.dylib"),
    )
    # The only runtime dependency, copied beside the package: the interpreter runs
    # without site-packages (-S), where the installed distribution metadata lives.
    import typing_extensions

    shutil.copy(typing_extensions.__file__, source)
    code = f"""
        import sys
        sys.path.insert(0, {str(source)!r})
        import pyvisa
        assert pyvisa.__file__.startswith({str(source)!r}), pyvisa.__file__
        print(pyvisa.__version__)
    """
    process = run_python(code, "-E", "-S", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert process.stdout.strip() == "unknown"


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        pyvisa.no_such_name  # noqa: B018


# --- logging -----------------------------------------------------------------------------


@pytest.fixture
def restore_logger() -> Iterator[logging.Logger]:
    logger = pyvisa.logger
    handlers, level = list(logger.handlers), logger.level
    yield logger
    logger.handlers[:] = handlers
    logger.setLevel(level)


def test_logger_is_quiet_by_default() -> None:
    assert pyvisa.logger is logging.getLogger("pyvisa")
    assert any(isinstance(handler, logging.NullHandler) for handler in pyvisa.logger.handlers)
    code = """
        import logging
        import pyvisa
        print(pyvisa.logger.level == logging.NOTSET)
        print([type(handler).__name__ for handler in pyvisa.logger.handlers])
        pyvisa.logger.warning("not shown by pyvisa itself")
    """
    process = run_python(code)
    assert process.returncode == 0, process.stderr
    assert process.stdout.split("\n")[:2] == ["True", "['NullHandler']"]
    # the NullHandler keeps logging's last-resort handler from printing warnings
    assert "not shown" not in process.stderr


def test_log_to_stream(restore_logger: logging.Logger) -> None:
    stream = io.StringIO()
    pyvisa.log_to_stream(stream)
    assert restore_logger.level == logging.DEBUG
    restore_logger.debug("hello %s", "there")
    assert "pyvisa - DEBUG - hello there" in stream.getvalue()


def test_log_to_stream_level(restore_logger: logging.Logger) -> None:
    stream = io.StringIO()
    pyvisa.log_to_stream(stream, logging.WARNING)
    restore_logger.info("hidden")
    restore_logger.warning("shown")
    assert "hidden" not in stream.getvalue()
    assert "pyvisa - WARNING - shown" in stream.getvalue()


def test_log_to_screen() -> None:
    code = """
        import pyvisa
        pyvisa.log_to_screen()
        pyvisa.logger.debug("on screen")
    """
    process = run_python(code)
    assert process.returncode == 0, process.stderr
    assert "pyvisa - DEBUG - on screen" in process.stderr
