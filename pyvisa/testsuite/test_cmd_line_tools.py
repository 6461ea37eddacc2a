"""Tests of the command-line tools: ``pyvisa info``/``pyvisa-info``, ``pyvisa shell``."""

from __future__ import annotations

import io
import subprocess
import sys
from importlib import metadata

import pytest

from pyvisa.cmd_line_tools import visa_info, visa_main, visa_shell

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

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
    monkeypatch.setattr(sys, "stdin", io.StringIO("list ?*::SOCKET\n"))
    visa_shell()
    assert "( 0) TCPIP0::localhost::10001::SOCKET\n" in capsys.readouterr().out


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

    class FakeShell:
        def __init__(self, library_path: str) -> None:
            seen.append(library_path)

        def cmdloop(self) -> None:
            seen.append("loop")

    monkeypatch.setattr("pyvisa.shell.VisaShell", FakeShell)
    visa_main(argv=["shell", *options])
    assert seen == [library, "loop"]


def test_shell_unknown_backend_is_reported() -> None:
    with pytest.raises(SystemExit) as exc_info:
        visa_main(argv=["shell", "-b", "nosuchbackend"])
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
    assert "(open) SCPI,MOCK,VERSION_1.0\n" in result.stdout
    assert result.stderr == ""


def test_no_command_in_a_subprocess() -> None:
    result = run_module("pyvisa")
    assert result.returncode == 2
    assert "usage: pyvisa" in result.stderr
