"""Tests of ``pyvisa-shell`` beyond PyVISA 1.16.2: scripts, ``open`` settings, history,
completion, Ctrl-C and the timeout hint (see ``docs/tools.rst``)."""

from __future__ import annotations

import io
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyvisa import constants
from pyvisa.cmd_line_tools import get_shell_parser

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

from pyvisa import shell as shell_module  # noqa: E402
from pyvisa.shell import (  # noqa: E402
    Console,
    VisaShell,
    convert_option,
    history_path,
    parse_open_arguments,
    settable_attributes,
    timeout_hint,
    unescape,
)

IDN_DEVICE = "TCPIP::localhost:2222::INSTR"
IDN = "SCPI,MOCK,VERSION_1.0"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "tools.rst"


@pytest.fixture(autouse=True)
def _no_real_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PYVISA_SHELL_HISTORY", raising=False)


def sim_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, HOME=str(tmp_path / "home"), **extra)
    env.pop("PYVISA_SHELL_HISTORY", None)
    env.update(extra)
    return env


def shell_process(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pyvisa", "shell", "-b", "sim", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
        env=sim_env(tmp_path),
    )


class Run:
    """A Console driven through ``onecmd``; ``run`` returns what a command printed."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.shell = Console("@sim")

    def run(self, line: str) -> str:
        self.capsys.readouterr()
        self.shell.stdout = sys.stdout
        self.shell.onecmd(line)
        return self.capsys.readouterr().out


@pytest.fixture
def console(capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    run = Run(capsys)
    yield run
    if run.shell.current:
        run.shell.current.close()


# -- helpers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (r"\n", "\n"),
        (r"\r\n", "\r\n"),
        (r"a\tb", "a\tb"),
        (r"\0", "\0"),
        (r"\s", " "),
        (r"\\n", "\\n"),
        (r"\x41\x0a", "A\n"),
        (r"\q", r"\q"),
        ("plain", "plain"),
    ],
)
def test_unescape(text: str, value: str) -> None:
    assert unescape(text) == value


@pytest.mark.parametrize(
    ("args", "parsed"),
    [
        ("ASRL1::INSTR", ("ASRL1::INSTR", [])),
        ("3", ("3", [])),
        (
            r"ASRL1::INSTR baud_rate=115200 read_termination=\n",
            ("ASRL1::INSTR", [("baud_rate", "115200"), ("read_termination", r"\n")]),
        ),
        ("my alias", ("my alias", [])),
        ("ASRL1::INSTR =3", ("ASRL1::INSTR =3", [])),
        ("ASRL1::INSTR a=b=c", ("ASRL1::INSTR", [("a", "b=c")])),
    ],
)
def test_parse_open_arguments(args: str, parsed: tuple[str, list[tuple[str, str]]]) -> None:
    assert parse_open_arguments(args) == parsed


def test_convert_option() -> None:
    from pyvisa.resources import SerialInstrument

    assert convert_option(SerialInstrument, "baud_rate", "115200") == 115200
    assert convert_option(SerialInstrument, "baud_rate", "0x10") == 16
    assert convert_option(SerialInstrument, "parity", "EVEN") is constants.Parity.even
    assert convert_option(SerialInstrument, "parity", "1") is constants.Parity.odd
    assert convert_option(SerialInstrument, "read_termination", r"\r\n") == "\r\n"
    assert convert_option(SerialInstrument, "write_termination", "None") is None
    assert convert_option(SerialInstrument, "send_end", "off") is False
    assert convert_option(SerialInstrument, "timeout", "inf") == float("inf")
    assert convert_option(SerialInstrument, "timeout", "None") is None
    assert convert_option(SerialInstrument, "timeout", "2500") == 2500
    with pytest.raises(ValueError, match="parity must be one of even, mark, none, odd, space"):
        convert_option(SerialInstrument, "parity", "sometimes")
    with pytest.raises(ValueError, match="baud_rate must be an integer"):
        convert_option(SerialInstrument, "baud_rate", "fast")
    with pytest.raises(ValueError, match="send_end must be True or False"):
        convert_option(SerialInstrument, "send_end", "maybe")
    with pytest.raises(ValueError, match="SerialInstrument has no attribute 'nothing'"):
        convert_option(SerialInstrument, "nothing", "1")


def test_settable_attributes() -> None:
    from pyvisa.resources import SerialInstrument

    names = settable_attributes(SerialInstrument)
    assert {"baud_rate", "parity", "read_termination", "timeout", "data_bits"} <= set(names)
    assert "resource_name" not in names and "close" not in names
    assert names == sorted(names)


def test_history_path(tmp_path: Path) -> None:
    home = os.path.expanduser("~")
    assert home == str(tmp_path / "home")
    assert history_path({}) == os.path.join(home, ".pyvisa_shell_history")
    assert history_path({"PYVISA_SHELL_HISTORY": ""}) is None
    assert history_path({"PYVISA_SHELL_HISTORY": "~/h.txt"}) == os.path.join(home, "h.txt")
    assert history_path({"PYVISA_SHELL_HISTORY": "/x/y"}) == "/x/y"


def test_timeout_hint() -> None:
    class Resource:
        timeout = 150
        read_termination = "\n"
        write_termination = "\r\n"

    hint = timeout_hint(Resource(), b"1.23\r")
    assert hint.splitlines()[:3] == [
        "Hint: no complete message arrived within 150 ms.",
        "  Bytes received so far: 5: b'1.23\\r'",
        "  Terminations in use: read LF ('\\n'), write CRLF ('\\r\\n').",
    ]
    assert "most common cause" in hint
    assert "Bytes received" not in timeout_hint(Resource(), None)


def test_shell_parser_new_options(tmp_path: Path) -> None:
    parser = get_shell_parser()
    assert vars(parser.parse_args([])) == {"backend": None, "verbosity": 0}
    script = tmp_path / "s.txt"
    script.write_text("list\n", encoding="utf-8")
    args = parser.parse_args(["-b", "sim", str(script), "--keep-going"])
    assert (args.script, args.keep_going) == (str(script), True)
    assert parser.parse_args(["-"]).script == "-"
    with pytest.raises(SystemExit):
        parser.parse_args([str(tmp_path / "missing.txt")])


# -- open with settings -------------------------------------------------------------


def test_open_with_settings(console: Run) -> None:
    out = console.run(r"open ASRL1::INSTR baud_rate=115200 parity=even read_termination=\r")
    assert out.startswith("ASRL1::INSTR has been opened.\n")
    resource = console.shell.current
    assert resource.baud_rate == 115200
    assert resource.parity == constants.Parity.even
    assert resource.read_termination == "\r"
    assert console.shell.prompt == "(open) "


def test_open_with_visa_names_and_terminations(console: Run) -> None:
    console.run(
        rf"open {IDN_DEVICE} VI_ATTR_TMO_VALUE=1234 read_termination=\n write_termination=\n"
    )
    assert console.shell.current.timeout == 1234
    assert console.run("query *IDN?") == f"Response: {IDN}\n"


def test_open_by_number_with_settings(console: Run) -> None:
    console.run("list")
    console.run("open 0 baud_rate=19200")
    assert console.shell.current.resource_name == "ASRL1::INSTR"
    assert console.shell.current.baud_rate == 19200


def test_refused_setting_closes_the_resource(console: Run) -> None:
    opened = []
    manager = console.shell.resource_manager
    original = manager.open_resource

    def open_resource(name: str) -> object:
        opened.append(original(name))
        return opened[-1]

    manager.open_resource = open_resource
    out = console.run("open ASRL1::INSTR parity=sometimes")
    assert out == (
        "Could not set parity=sometimes: parity must be one of even, mark, none, odd, "
        "space (or a number)\n"
        "The resource has been closed again: correct the setting and open it again.\n"
    )
    assert console.shell.current is None and console.shell.prompt == "(visa) "
    assert console.shell.last_command_failed and console.shell.failures == 1
    from pyvisa import InvalidSession

    with pytest.raises(InvalidSession):
        _ = opened[0].session


# -- console behaviour --------------------------------------------------------------


def test_empty_line_does_nothing(console: Run) -> None:
    console.run(f"open {IDN_DEVICE}")
    console.run("timeout")
    assert console.run("") == ""
    assert not console.shell.last_command_failed


def test_visa_shell_keeps_repeating_the_last_command(capsys: pytest.CaptureFixture[str]) -> None:
    shell = VisaShell("@sim")
    shell.onecmd("timeout")
    capsys.readouterr()
    shell.onecmd("")
    assert capsys.readouterr().out == 'There are no resources in use. Use the command "open".\n'


def test_failures_are_counted(console: Run) -> None:
    console.run("list")
    assert not console.shell.last_command_failed
    for line in ("frobnicate", "query *IDN?", "open", "termchar TAB"):
        console.run(line)
        assert console.shell.last_command_failed, line
    assert console.shell.failures == 4
    console.run(f"open {IDN_DEVICE}")
    console.run("termchar")  # showing the terminations is no failure
    assert not console.shell.last_command_failed


def test_ctrl_c_during_a_command(console: Run) -> None:
    console.run(f"open {IDN_DEVICE}")

    def interrupted(message: str) -> str:
        raise KeyboardInterrupt

    console.shell.current.query = interrupted
    assert console.run("query *IDN?") == "Interrupted.\n"
    assert console.shell.interrupted and console.shell.failures == 1
    assert console.run("timeout") == "Timeout: 2000ms\n"


def test_unexpected_exception_is_printed(console: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: VisaShell, args: str) -> None:
        raise RuntimeError("oops")

    monkeypatch.setattr(Console, "do_list", broken)
    assert console.run("list") == "oops\n"


def test_timeout_hint_after_a_read(console: Run) -> None:
    console.run(f"open {IDN_DEVICE} timeout=50")
    out = console.run("read")
    lines = out.splitlines()
    assert lines[0].startswith("VI_ERROR_TMO (-1073807339)")
    assert lines[1] == "Hint: no complete message arrived within 50 ms."
    assert lines[2] == "  Bytes received so far: none"
    assert lines[3] == "  Terminations in use: read None, write CRLF ('\\r\\n')."


def test_timeout_hint_shows_the_bytes_received(console: Run) -> None:
    console.run(f"open {IDN_DEVICE} timeout=50")
    resource = console.shell.current
    visalib = resource.visalib
    calls = []

    def partial(session: object, count: int) -> tuple[bytes, constants.StatusCode]:
        calls.append(count)
        if len(calls) == 1:
            return b"1.2", constants.StatusCode.success_max_count_read
        return b"34\r", constants.StatusCode.error_timeout

    had_read = "read" in vars(visalib)
    original = vars(visalib).get("read")
    visalib.read = partial
    try:
        out = console.run("read")
    finally:
        if had_read:
            visalib.read = original
        else:
            del visalib.read
    assert "  Bytes received so far: 6: b'1.234\\r'" in out.splitlines()
    # The backend's read is restored after the command.
    assert vars(visalib).get("read", None) is original


# -- completion ---------------------------------------------------------------------


def test_complete_commands_settings_and_termchar(console: Run) -> None:
    shell = console.shell
    assert "open" in shell.completenames("op", "op", 0, 2)
    options = shell.complete_open("ba", "open ASRL1::INSTR ba", 18, 20)
    assert options == ["baud_rate="]
    assert "read_termination=" in shell.complete_open("read_", "open ASRL1::INSTR read_", 18, 23)
    assert shell.complete_open("TCPIP0::localhost:2", "open TCPIP0::localhost:2", 5, 24) == [
        "TCPIP0::localhost:2222::inst0::INSTR"
    ]
    assert shell.complete_termchar("C", "termchar C", 9, 10) == ["CR", "CRLF"]
    assert shell.complete_termchar("N", "termchar LF N", 12, 13) == ["NUL", "None"]


# -- scripts ------------------------------------------------------------------------


def test_run_script_stops_at_the_first_failure(
    console: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["# comment", "", "list quietly", "query *IDN?", "list"]
    assert console.shell.run_script(lines, "s.txt") == 1
    captured = capsys.readouterr()
    assert captured.out == 'There are no resources in use. Use the command "open".\n'
    assert captured.err == "s.txt:4: 'query *IDN?' failed\n"


def test_run_script_keep_going(console: Run, capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["read", rf"open {IDN_DEVICE} read_termination=\n write_termination=\n", "query *IDN?"]
    assert console.shell.run_script(lines, "s.txt", keep_going=True) == 1
    captured = capsys.readouterr()
    assert captured.out.endswith(f"Response: {IDN}\n")
    assert captured.err == "s.txt:1: 'read' failed\n"
    assert console.shell.current is None  # closed at the end


def test_run_script_exit_and_interrupt(console: Run, capsys: pytest.CaptureFixture[str]) -> None:
    assert console.shell.run_script(["exit", "frobnicate"]) == 0
    console.shell.onecmd(f"open {IDN_DEVICE}")

    def interrupted(message: str) -> str:
        raise KeyboardInterrupt

    console.shell.current.query = interrupted
    assert console.shell.run_script(["query x", "list"], keep_going=True) == 130
    assert capsys.readouterr().err == "<stdin>:1: 'query x' failed\n"


def test_run_with_a_pipe_counts_failures(capsys: pytest.CaptureFixture[str]) -> None:
    assert shell_module.run("@sim", stdin=io.StringIO("list\nexit\n")) == 0
    assert "(visa) ( 0) ASRL1::INSTR\n" in capsys.readouterr().out
    assert shell_module.run("@sim", stdin=io.StringIO("read\n\nlist quietly\n")) == 1


def test_script_file_in_a_subprocess(tmp_path: Path) -> None:
    script = tmp_path / "idn.txt"
    script.write_text(
        f"open {IDN_DEVICE} read_termination=\\n write_termination=\\n\nquery *IDN?\n",
        encoding="utf-8",
    )
    result = shell_process(tmp_path, str(script))
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(f"Response: {IDN}\n")
    assert "(visa)" not in result.stdout and "Welcome" not in result.stdout
    assert "Traceback" not in result.stderr


def test_script_failure_in_a_subprocess(tmp_path: Path) -> None:
    script = tmp_path / "bad.txt"
    script.write_text("open 99\nlist\n", encoding="utf-8")
    result = shell_process(tmp_path, str(script))
    assert result.returncode == 1
    assert f"{script}:1: 'open 99' failed" in result.stderr
    assert "( 0)" not in result.stdout
    result = shell_process(tmp_path, "--keep-going", str(script))
    assert result.returncode == 1 and "( 0) ASRL1::INSTR" in result.stdout


def test_script_on_stdin_in_a_subprocess(tmp_path: Path) -> None:
    result = shell_process(tmp_path, "-", stdin="list\n")
    assert result.returncode == 0
    assert result.stdout.startswith("( 0) ASRL1::INSTR\n")
    result = shell_process(tmp_path, stdin="list\nfrobnicate\n")
    assert result.returncode == 1
    assert "(visa) *** Unknown syntax: frobnicate\n" in result.stdout


def test_missing_script_file(tmp_path: Path) -> None:
    result = shell_process(tmp_path, "nothing.txt")
    assert result.returncode == 2
    assert "no such script file: 'nothing.txt'" in result.stderr


# -- a terminal ---------------------------------------------------------------------


def _read_until(fd: int, pattern: str, timeout: float = 30, before: str = "") -> str:
    """Read the terminal until ``pattern`` is in ``before`` + the text read; return the latter."""
    data = b""
    deadline = time.monotonic() + timeout
    while not re.search(pattern, before + data.decode("utf-8", "replace")):
        if time.monotonic() >= deadline:
            break
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data.decode("utf-8", "replace")


def _wait_or_kill(pid: int) -> int:
    """Wait for the child shell to end; kill it when it does not (a failed test)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="pty")
def test_terminal_session(tmp_path: Path) -> None:
    pytest.importorskip("readline")
    import pty

    history = tmp_path / "state" / "history"
    env = sim_env(tmp_path, PYVISA_SHELL_HISTORY=str(history), TERM="dumb")
    pid, fd = pty.fork()
    if pid == 0:  # the child: run the shell on the terminal
        os.execve(sys.executable, [sys.executable, "-m", "pyvisa", "shell", "-b", "sim"], env)
    try:
        out = _read_until(fd, r"\(visa\) ")
        assert "Welcome to the VISA shell." in out
        os.write(fd, b"list quietly\r")
        _read_until(fd, r"\(visa\) ")
        os.write(fd, b"tim")
        _read_until(fd, r"tim")  # readline has the partial line
        # CPython's readline loop notices a signal only when it interrupts select(): a
        # SIGINT that arrives while it still handles the keys stays pending. Give it the
        # time to wait for input again, and send another Ctrl-C if one was missed.
        time.sleep(0.2)
        out = ""
        for _attempt in range(3):
            os.write(fd, b"\x03")  # Ctrl-C at the prompt
            out += _read_until(fd, r"\(Ctrl-C", timeout=10, before=out)
            if "(Ctrl-C" in out:
                break
        out += _read_until(fd, r"\(Ctrl-C[\s\S]*\(visa\) ", before=out)
        assert "Ctrl-C" in out and "Traceback" not in out
        os.write(fd, b"op\t")  # completes the command
        out = _read_until(fd, r"open ")
        assert "open " in out
        os.write(fd, b"TCPIP0::localhost:2\t")  # completes a resource name with "::"
        out = _read_until(fd, r"inst0::INSTR")
        assert "TCPIP0::localhost:2222::inst0::INSTR" in out
        os.write(fd, b"\r")
        _read_until(fd, r"\(open\) ")
        os.write(fd, b"\r")  # an empty line does nothing
        out = _read_until(fd, r"\(open\) ")
        assert "opened" not in out and "one resource at a time" not in out
        os.write(fd, b"exit\r")
        _read_until(fd, r"(?!)", timeout=10)  # until the shell ends
    finally:
        status = _wait_or_kill(pid)
        os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    saved = history.read_text(encoding="utf-8").splitlines()
    assert "list quietly" in saved and "exit" in saved
    assert not (tmp_path / "home" / ".pyvisa_shell_history").exists()


# -- the transcripts of docs/tools.rst ----------------------------------------------


def _doc_blocks() -> tuple[dict[str, str], list[list[str]]]:
    """Files (code blocks with a caption) and console blocks of docs/tools.rst."""
    text = DOCS.read_text(encoding="utf-8")
    files: dict[str, str] = {}
    consoles: list[list[str]] = []
    pattern = re.compile(
        r"^\.\. code-block:: (\S+)\n((?:   :\w+: .*\n)*)\n((?:(?:   .*)?\n)+)", re.M
    )
    for kind, options, body in pattern.findall(text):
        lines = [line[3:] for line in body.rstrip("\n").split("\n")]
        caption = re.search(r":caption: (.*)", options)
        if caption:
            files[caption.group(1)] = "\n".join(lines) + "\n"
        elif kind == "console":
            consoles.append(lines)
    return files, consoles


def test_docs_transcripts(tmp_path: Path) -> None:
    if not DOCS.exists():
        pytest.skip("docs/tools.rst is not shipped with this installation")
    scripts_dir = os.path.dirname(sys.executable)
    if shutil.which("pyvisa-shell", path=scripts_dir) is None:
        pytest.skip("the console scripts are not installed")
    files, consoles = _doc_blocks()
    assert {"idn.txt", "broken.txt"} <= set(files) and len(consoles) == 3
    for name, content in files.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    env = sim_env(tmp_path, PATH=scripts_dir + os.pathsep + os.environ.get("PATH", ""))
    for block in consoles:
        status = None
        index = 0
        while index < len(block):
            command = block[index][2:]
            index += 1
            expected = []
            while index < len(block) and not block[index].startswith("$ "):
                expected.append(block[index])
                index += 1
            if command == "echo $?":
                assert expected == [str(status)], block
                continue
            result = subprocess.run(
                ["bash", "-c", command],
                capture_output=True,
                text=True,
                timeout=120,
                cwd=tmp_path,
                env=env,
                check=False,
            )
            status = result.returncode
            got = [line.rstrip() for line in result.stdout.rstrip().split("\n")]
            assert got == [line.rstrip() for line in expected], (command, result.stderr)
