"""Tests of the command-line tools: ``pyvisa info``/``pyvisa-info``, ``pyvisa shell``."""

from __future__ import annotations

import argparse
import io
import logging
import subprocess
import sys
from importlib import metadata

import pytest

from pyvisa import cmd_line_tools
from pyvisa.cmd_line_tools import (
    _create_backend_str,
    get_info_parser,
    get_shell_parser,
    visa_info,
    visa_main,
    visa_shell,
)

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")


@pytest.fixture(autouse=True)
def _keep_the_pyvisa_log_level(monkeypatch: pytest.MonkeyPatch) -> None:
    # pyvisa-shell sets the level of the "pyvisa" logger; do not leak it to other tests.
    logger = logging.getLogger("pyvisa")
    monkeypatch.setattr(logger, "level", logger.level)


INFO_MARKERS = ("Machine Details:", "Python:", "PyVISA Version:", "Backends:", "sim:")


def run_module(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_visa_info(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "argv", ["pyvisa-info"])
    visa_info()
    out = capsys.readouterr().out
    for marker in INFO_MARKERS:
        assert marker in out
    assert out.index("Machine Details:") < out.index("PyVISA Version:") < out.index("Backends:")


def test_info_command(capsys: pytest.CaptureFixture[str]) -> None:
    visa_main(argv=["info"])
    assert "PyVISA Version:" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [[], ["frobnicate"], ["info", "extra"], ["shell", "--backend"]],
)
def test_bad_arguments_exit_with_usage(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc_info:
        visa_main(argv=argv)
    assert exc_info.value.code == 2
    assert "usage: pyvisa" in capsys.readouterr().err


def test_info_alias_rejects_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["pyvisa-info", "--backend", "sim"])
    with pytest.raises(SystemExit) as exc_info:
        visa_info()
    assert exc_info.value.code == 2


@pytest.mark.parametrize("backend", ["sim", "@sim"])
def test_shell_command_uses_the_backend(
    backend: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("list\nexit\n"))
    visa_main(argv=["shell", "-b", backend])
    out = capsys.readouterr().out
    assert "Welcome to the VISA shell." in out
    assert "(visa) ( 0) ASRL1::INSTR\n" in out


def test_visa_shell_reads_sys_argv(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "argv", ["pyvisa-shell", "--backend", "sim"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("open TCPIP0::localhost::10001::SOCKET\n"))
    visa_shell()
    assert "TCPIP0::localhost::10001::SOCKET has been opened." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("backend", "library"),
    [
        (None, ""),
        ("", ""),
        ("sim", "@sim"),
        ("py", "@py"),
        ("@sim", "@sim"),
        ("@py", "@py"),
        ("dir/devices.yaml@sim", "dir/devices.yaml@sim"),
        ("C:/a@b/dev.yaml@sim", "C:/a@b/dev.yaml@sim"),
    ],
)
def test_create_backend_str(backend: str | None, library: str) -> None:
    assert _create_backend_str(argparse.Namespace(backend=backend)) == library


@pytest.mark.parametrize(
    ("options", "library"),
    [
        ([], ""),
        (["-b", "sim"], "@sim"),
        (["--backend", "@py"], "@py"),
        (["-b", "dir/devices.yaml@sim"], "dir/devices.yaml@sim"),
    ],
)
def test_shell_library_specification(
    options: list[str], library: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr("pyvisa.shell.main", seen.append)
    monkeypatch.setattr(sys, "argv", ["pyvisa-shell", *options])
    visa_shell()
    visa_main(argv=["shell", *options])
    assert seen == [library, library]


def test_shell_parser() -> None:
    parser = get_shell_parser()
    assert isinstance(parser, argparse.ArgumentParser)
    assert vars(parser.parse_args([])) == {"backend": None, "verbosity": 0}
    args = parser.parse_args(["--backend", "py", "-vv"])
    assert (args.backend, args.verbosity) == ("py", 2)
    assert parser.parse_args(["-b", "x@sim", "-v"]).verbosity == 1
    with pytest.raises(SystemExit):
        parser.parse_args(["extra"])


def test_info_parser() -> None:
    parser = get_info_parser()
    assert isinstance(parser, argparse.ArgumentParser)
    assert vars(parser.parse_args([])) == {}
    with pytest.raises(SystemExit):
        parser.parse_args(["-b", "sim"])


@pytest.mark.parametrize(
    ("options", "level"),
    [([], logging.WARNING), (["-v"], logging.INFO), (["-vv"], logging.DEBUG)],
)
def test_shell_verbosity(options: list[str], level: int, monkeypatch: pytest.MonkeyPatch) -> None:
    levels: list[int] = []
    monkeypatch.setattr(logging, "basicConfig", lambda **kwargs: levels.append(kwargs["level"]))
    monkeypatch.setattr("pyvisa.shell.main", lambda library_path="": None)
    monkeypatch.setattr(sys, "argv", ["pyvisa-shell", *options])
    pyvisa_logger = logging.getLogger("pyvisa")
    visa_shell()
    assert levels == [level]
    assert pyvisa_logger.level == level


def test_public_names() -> None:
    public = {name for name in vars(cmd_line_tools) if not name.startswith("_")}
    expected = {"get_info_parser", "get_shell_parser", "visa_info", "visa_shell"}
    assert expected <= public
    assert cmd_line_tools.argparse is argparse and cmd_line_tools.logging is logging


def test_shell_unknown_backend_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as exc_info:
        visa_main(argv=["shell", "-b", "nosuchbackend"])
    message = str(exc_info.value.code)
    assert message.startswith("Could not start the shell with '@nosuchbackend'")
    monkeypatch.setattr(sys, "argv", ["pyvisa-shell", "-b", "nosuchbackend"])
    with pytest.raises(SystemExit) as exc_info:
        visa_shell()
    message = str(exc_info.value.code)
    assert message.startswith("Could not start the shell with '@nosuchbackend'")
    assert "pyvisa_nosuchbackend" in message


def test_console_scripts() -> None:
    try:
        scripts = metadata.distribution("PyVISA").entry_points
    except metadata.PackageNotFoundError:
        pytest.skip("PyVISA is not installed as a distribution")
    targets = {ep.name: ep.load() for ep in scripts if ep.group == "console_scripts"}
    assert targets == {"pyvisa": visa_main, "pyvisa-info": visa_info, "pyvisa-shell": visa_shell}


@pytest.mark.parametrize("module", ["pyvisa", "pyvisa.cmd_line_tools"])
def test_info_in_a_subprocess(module: str) -> None:
    result = run_module(module, "info")
    assert result.returncode == 0, result.stderr
    for marker in INFO_MARKERS:
        assert marker in result.stdout


def test_shell_in_a_subprocess() -> None:
    result = run_module(
        "pyvisa",
        "shell",
        "-b",
        "sim",
        stdin="open TCPIP::localhost:2222::INSTR\ntermchar LF\nquery *IDN?\nexit\n",
    )
    assert result.returncode == 0, result.stderr
    assert "(open) Response: SCPI,MOCK,VERSION_1.0\n" in result.stdout
    # Warnings are logged on stderr by default (pyvisa-sim warns about its RAW socket).
    assert "Traceback" not in result.stderr
    assert all(line.startswith("WARNING:") for line in result.stderr.splitlines())


def test_no_command_in_a_subprocess() -> None:
    result = run_module("pyvisa")
    assert result.returncode == 2
    assert "usage: pyvisa" in result.stderr


def test_visa_shell_runs_the_command_loop_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # 1.12: the loop is no longer run a second time after the user leaves it.
    from pyvisa.shell import VisaShell

    loops: list[VisaShell] = []
    monkeypatch.setattr(VisaShell, "cmdloop", lambda self, intro=None: loops.append(self))
    monkeypatch.setattr(sys, "argv", ["pyvisa-shell", "-b", "sim"])
    visa_shell()
    assert len(loops) == 1
    assert type(loops[0].resource_manager.visalib).__module__.startswith("pyvisa_sim")
