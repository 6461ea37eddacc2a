"""Tests of the interactive console (``pyvisa-shell``) against pyvisa-sim."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import pytest

from pyvisa import InvalidSession, VisaIOError
from pyvisa.constants import InterfaceType, StatusCode
from pyvisa.highlevel import ResourceInfo
from pyvisa.resources import RegisterBasedResource

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

from pyvisa.shell import VisaShell  # noqa: E402

IDN_DEVICE = "TCPIP::localhost:2222::INSTR"
IDN = "SCPI,MOCK,VERSION_1.0"
NO_RESOURCE = 'There are no resources in use. Use the command "open".'
OPENED = (
    "{} has been opened.\n"
    'You can talk to the device using "write", "read" or "query".\n'
    "The default end of message is added to each message.\n"
)


class Console:
    """A VisaShell whose printed output is returned command by command."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.shell = VisaShell("@sim")

    def run(self, line: str) -> str:
        self.capsys.readouterr()
        self.shell.stdout = sys.stdout  # "help" writes to the stream cmd.Cmd was given
        self.shell.onecmd(line)
        return self.capsys.readouterr().out


@pytest.fixture
def console(capsys: pytest.CaptureFixture[str]) -> Iterator[Console]:
    console = Console(capsys)
    yield console
    close = getattr(console.shell.current, "close", None)
    if close is not None:
        close()


@pytest.fixture
def opened(console: Console) -> Console:
    console.run(f"open {IDN_DEVICE}")
    console.run("termchar LF")
    return console


# -- help and prompts ---------------------------------------------------------------


def test_intro_and_prompt(console: Console) -> None:
    assert console.shell.prompt == "(visa) "
    assert console.shell.intro == (
        "\nWelcome to the VISA shell. Type help or ? to list commands.\n"
    )


def test_help_lists_every_command(console: Console) -> None:
    out = console.run("help")
    assert "Documented commands (type help <topic>):" in out
    commands = set(out.split("=\n", 1)[1].split())
    expected = {"EOF", "attr", "close", "exit", "help", "list", "open", "query", "read"}
    assert expected | {"termchar", "timeout", "write"} <= commands
    assert "Undocumented" not in out


def test_help_list(console: Console) -> None:
    assert console.run("help list") == "List all connected resources.\n"


def test_unknown_command(console: Console) -> None:
    assert console.run("frobnicate") == "*** Unknown syntax: frobnicate\n"


def test_empty_line_repeats_the_last_command(opened: Console) -> None:
    # cmd.Cmd's default, kept by PyVISA 1.16.2.
    opened.run("timeout")
    assert opened.run("") == "Timeout: 2000ms\n"


# -- list and open ------------------------------------------------------------------


def test_list_numbers_the_resources(console: Console) -> None:
    lines = console.run("list").splitlines()
    names = console.shell.resource_manager.list_resources()
    assert lines == [f"({i:2d}) {name}" for i, name in enumerate(names)]
    assert lines[0] == "( 0) ASRL1::INSTR"
    assert console.shell.resources == [(name, None) for name in names]


def test_list_nothing_found(console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    manager = console.shell.resource_manager
    monkeypatch.setattr(manager, "list_resources_info", lambda query="?*::INSTR": {})
    assert console.run("list") == ""
    assert console.shell.resources == []


def test_list_shows_aliases(console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    infos = {
        "ASRL1::INSTR": ResourceInfo(InterfaceType.asrl, 1, "INSTR", "ASRL1::INSTR", "COM1"),
        "GPIB0::8::INSTR": ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::8::INSTR", ""),
    }
    manager = console.shell.resource_manager
    monkeypatch.setattr(manager, "list_resources_info", lambda query="?*::INSTR": infos)
    assert console.run("list") == "( 0) ASRL1::INSTR\n     alias: COM1\n( 1) GPIB0::8::INSTR\n"
    assert console.shell.resources == [("ASRL1::INSTR", "COM1"), ("GPIB0::8::INSTR", None)]


def test_open_by_name(console: Console) -> None:
    assert console.run(f"open {IDN_DEVICE}") == OPENED.format(IDN_DEVICE)
    assert console.shell.prompt == "(open) "
    assert console.shell.current is not None
    assert console.shell.current.resource_name == "TCPIP0::localhost:2222::inst0::INSTR"


def test_open_by_number(console: Console) -> None:
    console.run("list")
    assert console.run("open 0") == OPENED.format("ASRL1::INSTR")
    assert console.shell.current.resource_name == "ASRL1::INSTR"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("open", "A resource name must be specified.\n"),
        ("open 0", 'Not a valid resource number. Use the command "list".\n'),
    ],
)
def test_open_errors_are_printed(console: Console, line: str, message: str) -> None:
    assert console.run(line) == message
    assert console.shell.current is None
    assert console.shell.prompt == "(visa) "


def test_open_failure_is_printed(console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(resource_name: str) -> None:
        raise VisaIOError(StatusCode.error_resource_not_found)

    monkeypatch.setattr(console.shell.resource_manager, "open_resource", fail)
    out = console.run("open ASRL9::INSTR")
    assert out == str(VisaIOError(StatusCode.error_resource_not_found)) + "\n"
    assert out.startswith("VI_ERROR_RSRC_NFOUND (-1073807343): ")
    assert console.shell.current is None
    assert console.shell.prompt == "(visa) "


def test_open_only_one_resource(opened: Console) -> None:
    first = opened.shell.current
    out = opened.run("open ASRL1::INSTR")
    assert out == (
        "You can only open one resource at a time. Please close the current one first.\n"
    )
    assert opened.shell.current is first


def test_close(opened: Console) -> None:
    resource = opened.shell.current
    assert resource is not None
    assert opened.run("close") == "The resource has been closed.\n"
    assert opened.shell.prompt == "(visa) "
    assert opened.shell.current is None
    with pytest.raises(InvalidSession):
        _ = resource.session
    assert opened.run("open ASRL1::INSTR").startswith("ASRL1::INSTR has been opened.")


@pytest.mark.parametrize(
    "line",
    ["close", "query *IDN?", "read", "write *IDN?", "timeout", "timeout 10", "termchar", "attr"],
)
def test_commands_need_an_open_resource(console: Console, line: str) -> None:
    assert console.run(line) == NO_RESOURCE + "\n"


def test_commands_do_not_check_the_resource_type(console: Console) -> None:
    console.shell.current = RegisterBasedResource(console.shell.resource_manager, "PXI0::1::INSTR")
    assert console.run("query *IDN?") == (
        "'RegisterBasedResource' object has no attribute 'query'\n"
    )


# -- messages -----------------------------------------------------------------------


def test_query(opened: Console) -> None:
    assert opened.run("query *IDN?") == f"Response: {IDN}\n"


def test_write_then_read(opened: Console) -> None:
    assert opened.run("write *IDN?") == ""
    assert opened.run("read") == IDN + "\n"


def test_visa_errors_are_printed(opened: Console) -> None:
    opened.run("timeout 10")
    assert opened.run("read").startswith("VI_ERROR_TMO (-1073807339): Timeout expired")
    assert opened.shell.current is not None


def test_other_errors_are_printed(opened: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(message: str) -> str:
        raise RuntimeError("broken device")

    monkeypatch.setattr(opened.shell.current, "query", broken)
    assert opened.run("query *IDN?") == "broken device\n"


# -- timeout ------------------------------------------------------------------------


def test_timeout(opened: Console) -> None:
    assert opened.run("timeout") == "Timeout: 2000ms\n"
    assert opened.run("timeout 1500") == "Done\n"
    assert opened.run("timeout") == "Timeout: 1500ms\n"
    assert opened.shell.current.timeout == 1500
    assert opened.run("timeout 1000 extra words") == "Done\n"
    assert opened.shell.current.timeout == 1000


def test_timeout_infinite(opened: Console) -> None:
    assert opened.run("timeout inf") == "Done\n"
    assert opened.run("timeout") == "Timeout: infms\n"


def test_timeout_invalid(opened: Console) -> None:
    assert opened.run("timeout soon") == "could not convert string to float: 'soon'\n"
    assert opened.run("timeout") == "Timeout: 2000ms\n"


# -- attributes ---------------------------------------------------------------------


def test_attr_table(opened: Console) -> None:
    lines = opened.run("attr").splitlines()
    assert [cell.strip() for cell in lines[1].split("|")[1:-1]] == [
        "VISA name",
        "Constant",
        "Python name",
        "val",
    ]
    assert lines[0] == lines[2] == lines[-1]
    assert len({len(line) for line in lines}) == 1
    rows = {line.split("|")[1].strip(): line.split("|")[2:5] for line in lines[3:-1]}
    tmo = [cell.strip() for cell in rows["VI_ATTR_TMO_VALUE"]]
    assert (tmo[0], tmo[2]) == ("1073676314", "2000")
    assert [cell.strip() for cell in rows["VI_ATTR_SEND_END_EN"]] == [
        "1073676310",
        "send_end",
        "True",
    ]
    assert list(rows) == sorted(rows)


def test_attr_table_shows_visa_errors(opened: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(attribute: int) -> object:
        raise VisaIOError(StatusCode.error_nonsupported_attribute)

    monkeypatch.setattr(opened.shell.current, "get_visa_attribute", unsupported)
    rows = opened.run("attr").splitlines()[3:-1]
    assert rows and all(row.split("|")[4].strip() == "VI_ERROR_NSUP_ATTR" for row in rows)


def test_attr_set_then_get(opened: Console) -> None:
    assert opened.run("attr VI_ATTR_TMO_VALUE 3000") == "Done\n"
    assert opened.run("timeout") == "Timeout: 3000ms\n"
    assert opened.run("attr VI_ATTR_TMO_VALUE") == "3000\n"


# -- leaving and the loop -----------------------------------------------------------


@pytest.mark.parametrize("command", ["exit", "EOF"])
def test_exit_closes_the_resource(opened: Console, command: str) -> None:
    resource = opened.shell.current
    assert resource is not None
    assert opened.shell.onecmd(command) is True
    with pytest.raises(InvalidSession):
        _ = resource.session


def test_exit_without_resource(console: Console) -> None:
    assert console.shell.onecmd("exit") is True


def _loop(shell: VisaShell, text: str) -> io.StringIO:
    shell.stdin = io.StringIO(text)
    shell.use_rawinput = False
    shell.stdout = sys.stdout
    shell.cmdloop()
    return shell.stdin


def test_cmdloop_reads_commands_until_exit(console: Console) -> None:
    console.capsys.readouterr()
    stdin = _loop(console.shell, f"open {IDN_DEVICE}\ntermchar LF\nquery *IDN?\nexit\nlist\n")
    out = console.capsys.readouterr().out
    assert out.startswith("\nWelcome to the VISA shell. Type help or ? to list commands.\n")
    assert f"(open) Response: {IDN}\n(open) " in out
    assert "( 0)" not in out
    assert stdin.readline() == "list\n"


def test_cmdloop_ends_at_end_of_input(console: Console) -> None:
    console.capsys.readouterr()
    _loop(console.shell, "timeout\n")
    assert console.capsys.readouterr().out.endswith(f"(visa) {NO_RESOURCE}\n(visa) ")


# -- completion ---------------------------------------------------------------------


def test_complete_open(console: Console) -> None:
    shell = console.shell
    assert shell.complete_open("TCPIP0::localhost:2", "", 0, 0) == [
        "TCPIP0::localhost:2222::inst0::INSTR"
    ]
    matches = shell.complete_open("GPIB0::", "", 0, 0)
    assert sorted(matches) == [f"GPIB0::{n}::INSTR" for n in (10, 4, 5, 8, 9)]
    assert len(shell.complete_open("AS", "", 0, 0)) == 5


def test_complete_attr(opened: Console) -> None:
    assert opened.shell.complete_attr("send", "attr send", 5, 9) == ["send_end"]
    assert "VI_ATTR_TMO_VALUE" in opened.shell.complete_attr("VI_ATTR_T", "attr VI_ATTR_T", 5, 14)
    assert opened.shell.complete_attr("nothing", "", 0, 0) == []
