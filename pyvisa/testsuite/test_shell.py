"""Tests of the interactive console (``pyvisa-shell``) against pyvisa-sim."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyvisa import InvalidSession
from pyvisa.constants import InterfaceType
from pyvisa.highlevel import ResourceInfo
from pyvisa.resources import MessageBasedResource, RegisterBasedResource
from pyvisa.shell import VisaShell, format_table, parse_value

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

IDN_DEVICE = "TCPIP::localhost:2222::INSTR"
IDN = "SCPI,MOCK,VERSION_1.0"
NO_RESOURCE = 'There are no resources in use. Use the command "open".'


class Console:
    """A VisaShell writing to a buffer, with a helper returning what a command printed."""

    def __init__(self) -> None:
        self.output = io.StringIO()
        self.shell = VisaShell("@sim", stdout=self.output)

    def run(self, line: str) -> str:
        self.output.seek(0)
        self.output.truncate()
        self.shell.onecmd(line)
        return self.output.getvalue()


@pytest.fixture
def console() -> Iterator[Console]:
    console = Console()
    yield console
    if console.shell.current is not None:
        console.shell.current.close()


@pytest.fixture
def opened(console: Console) -> Console:
    console.run(f"open {IDN_DEVICE}")
    console.run("termchar LF")
    return console


# -- help and prompts ---------------------------------------------------------------


def test_intro_and_prompt(console: Console) -> None:
    assert console.shell.prompt == "(visa) "
    assert "Welcome to the VISA shell. Type help or ? to list commands." in console.shell.intro


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


def test_empty_line_does_not_repeat_the_last_command(opened: Console) -> None:
    opened.run("timeout")
    assert opened.run("") == ""


# -- list and open ------------------------------------------------------------------


def test_list_numbers_the_resources(console: Console) -> None:
    lines = console.run("list").splitlines()
    names = console.shell.resource_manager.list_resources()
    assert lines == [f"({i:2d}) {name}" for i, name in enumerate(names)]
    assert lines[0] == "( 0) ASRL1::INSTR"
    assert console.shell.resources == [(name, None) for name in names]


def test_list_with_query(console: Console) -> None:
    assert console.run("list ?*::SOCKET") == "( 0) TCPIP0::localhost::10001::SOCKET\n"


def test_list_nothing_found(console: Console) -> None:
    assert console.run("list ?*::BACKPLANE") == "No resource found.\n"


def test_list_shows_aliases(console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    infos = {
        "ASRL1::INSTR": ResourceInfo(InterfaceType.asrl, 1, "INSTR", "ASRL1::INSTR", "COM1"),
        "GPIB0::8::INSTR": ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::8::INSTR", None),
    }
    manager = console.shell.resource_manager
    monkeypatch.setattr(manager, "list_resources_info", lambda query="?*::INSTR": infos)
    assert console.run("list") == "( 0) ASRL1::INSTR\n     alias: COM1\n( 1) GPIB0::8::INSTR\n"
    assert console.shell.resources == [("ASRL1::INSTR", "COM1"), ("GPIB0::8::INSTR", None)]


def test_open_by_name(console: Console) -> None:
    out = console.run(f"open {IDN_DEVICE}")
    assert out == (
        f"{IDN_DEVICE} has been opened.\n"
        'You can talk to the device using "write", "read" or "query".\n'
        "The default end of message is added to each message.\n"
    )
    assert console.shell.prompt == "(open) "
    assert console.shell.current is not None
    assert console.shell.current.resource_name == "TCPIP0::localhost:2222::inst0::INSTR"


def test_open_by_number(console: Console) -> None:
    console.run("list")
    out = console.run("open 0")
    assert out.startswith("ASRL1::INSTR has been opened.\n")
    assert console.shell.current is not None
    assert console.shell.current.resource_name == "ASRL1::INSTR"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("open", 'A resource name, alias or number from "list" is required.\n'),
        ("open 0", 'Not a valid resource number. Use the command "list".\n'),
        (
            "open ASRL9::INSTR",
            "VI_ERROR_RSRC_NFOUND (-1073807343): Insufficient location information, "
            "or the device or resource is not present in the system.\n",
        ),
    ],
)
def test_open_errors_are_printed(console: Console, line: str, message: str) -> None:
    assert console.run(line) == message
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


@pytest.mark.parametrize("line", ["query *IDN?", "read", "write *RST", "termchar", "termchar LF"])
def test_message_commands_need_a_message_based_resource(console: Console, line: str) -> None:
    console.shell.current = RegisterBasedResource(console.shell.resource_manager, "PXI0::1::INSTR")
    assert console.run(line) == (
        "This command needs a message-based resource, not a RegisterBasedResource.\n"
    )


# -- messages -----------------------------------------------------------------------


def test_query(opened: Console) -> None:
    assert opened.run("query *IDN?") == IDN + "\n"


def test_write_then_read(opened: Console) -> None:
    assert opened.run("write *IDN?") == ""
    assert opened.run("read") == IDN + "\n"


def test_visa_errors_are_printed(opened: Console) -> None:
    opened.run("timeout 10")
    assert opened.run("read").startswith("VI_ERROR_TMO (-1073807339): Timeout expired")
    assert opened.shell.current is not None


def test_other_errors_are_printed_with_their_type(
    opened: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(message: str) -> str:
        raise RuntimeError("broken device")

    monkeypatch.setattr(opened.shell.current, "query", broken)
    assert opened.run("query *IDN?") == "RuntimeError: broken device\n"


# -- timeout and termchar -----------------------------------------------------------


def test_timeout(opened: Console) -> None:
    assert opened.run("timeout") == "Timeout: 2000ms\n"
    assert opened.run("timeout 1500") == "Done\n"
    assert opened.run("timeout") == "Timeout: 1500ms\n"
    assert opened.shell.current is not None
    assert opened.shell.current.timeout == 1500


def test_timeout_infinite(opened: Console) -> None:
    assert opened.run("timeout inf") == "Done\n"
    assert opened.run("timeout") == "Timeout: infinite\n"


def test_timeout_invalid(opened: Console) -> None:
    assert opened.run("timeout soon") == (
        "Invalid timeout 'soon': expected a number of milliseconds.\n"
    )
    assert opened.run("timeout") == "Timeout: 2000ms\n"


def test_termchar(opened: Console) -> None:
    assert opened.run("termchar") == "Termchar read: LF write: LF\n"
    assert opened.run("termchar CR") == "Done\n"
    assert opened.run("termchar") == "Termchar read: CR write: CR\n"
    assert opened.run("termchar LF CRLF") == "Done\n"
    assert opened.run("termchar") == "Termchar read: LF write: CRLF\n"
    resource = opened.shell.current
    assert isinstance(resource, MessageBasedResource)
    assert (resource.read_termination, resource.write_termination) == ("\n", "\r\n")
    assert opened.run("termchar None NUL") == "Done\n"
    assert opened.run("termchar") == "Termchar read: None write: NUL\n"


@pytest.mark.parametrize("args", ["TAB", "CR LF CR", "cr"])
def test_termchar_invalid(opened: Console, args: str) -> None:
    assert opened.run(f"termchar {args}").startswith("Use one or two of CR, LF, CRLF, NUL")
    assert opened.run("termchar") == "Termchar read: LF write: LF\n"


# -- attributes ---------------------------------------------------------------------


def test_attr_table(opened: Console) -> None:
    lines = opened.run("attr").splitlines()
    assert re.fullmatch(r"\| VISA name +\| Constant +\| Python name +\| val +\|", lines[1])
    assert lines[0] == lines[2] == lines[-1]
    assert re.fullmatch(r"\+(-+\+){4}", lines[0])
    assert len({len(line) for line in lines}) == 1
    rows = {line.split("|")[1].strip(): line.split("|")[2:5] for line in lines[3:-1]}
    assert [cell.strip() for cell in rows["VI_ATTR_TMO_VALUE"]] == ["1073676314", "", "2000"]
    assert [cell.strip() for cell in rows["VI_ATTR_SEND_END_EN"]] == [
        "1073676310",
        "send_end",
        "True",
    ]
    assert list(rows) == sorted(rows)


def test_attr_table_shows_visa_errors(opened: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa import VisaIOError
    from pyvisa.constants import StatusCode

    def unsupported(attribute: int) -> object:
        raise VisaIOError(StatusCode.error_nonsupported_attribute)

    monkeypatch.setattr(opened.shell.current, "get_visa_attribute", unsupported)
    rows = opened.run("attr").splitlines()[3:-1]
    assert rows and all(row.split("|")[4].strip() == "VI_ERROR_NSUP_ATTR" for row in rows)


def test_attr_get(opened: Console) -> None:
    assert opened.run("attr VI_ATTR_TMO_VALUE") == "2000\n"
    assert opened.run("attr send_end") == "True\n"
    assert opened.run("attr resource_name") == "TCPIP0::localhost:2222::inst0::INSTR\n"


def test_attr_set_by_visa_name(opened: Console) -> None:
    assert opened.run("attr VI_ATTR_TMO_VALUE 3000") == "Done\n"
    assert opened.run("timeout") == "Timeout: 3000ms\n"
    assert opened.run("attr VI_ATTR_SEND_END_EN VI_FALSE") == "Done\n"
    assert opened.run("attr send_end") == "False\n"


def test_attr_set_by_python_name(opened: Console) -> None:
    assert opened.run("attr send_end False") == "Done\n"
    assert opened.run("attr send_end") == "False\n"
    assert opened.run("attr VI_ATTR_SEND_END_EN") in {"0\n", "False\n"}


def test_attr_unknown(opened: Console) -> None:
    out = opened.run("attr baud_rate")
    assert out.startswith("'baud_rate' is not a VISA attribute of TCPIP0::localhost:2222")


def test_attr_set_error_is_printed(opened: Console) -> None:
    out = opened.run("attr resource_name foo")
    assert out.endswith("\n") and out != "Done\n"
    assert opened.run("attr resource_name") == "TCPIP0::localhost:2222::inst0::INSTR\n"


# -- leaving and the loop -----------------------------------------------------------


@pytest.mark.parametrize("command", ["exit", "EOF"])
def test_exit_closes_the_resource(opened: Console, command: str) -> None:
    resource = opened.shell.current
    assert resource is not None
    assert opened.shell.onecmd(command) is True
    assert opened.shell.current is None
    with pytest.raises(InvalidSession):
        _ = resource.session


def test_exit_without_resource(console: Console) -> None:
    assert console.shell.onecmd("exit") is True
    assert console.run("list").startswith("( 0) ASRL1::INSTR")


def test_cmdloop_reads_commands_until_exit() -> None:
    stdin = io.StringIO(f"open {IDN_DEVICE}\ntermchar LF\nquery *IDN?\nexit\nlist\n")
    stdout = io.StringIO()
    shell = VisaShell("@sim", stdin=stdin, stdout=stdout)
    shell.use_rawinput = False
    shell.cmdloop()
    out = stdout.getvalue()
    assert out.startswith("\nWelcome to the VISA shell. Type help or ? to list commands.\n")
    assert f"(open) {IDN}\n(open) The resource has been closed.\n" in out
    assert "( 0)" not in out
    assert stdin.readline() == "list\n"


def test_cmdloop_ends_at_end_of_input() -> None:
    stdout = io.StringIO()
    shell = VisaShell("@sim", stdin=io.StringIO("timeout\n"), stdout=stdout)
    shell.use_rawinput = False
    shell.cmdloop()
    assert stdout.getvalue().endswith(f"(visa) {NO_RESOURCE}\n(visa) \n")


class InterruptOnce:
    """Input raising KeyboardInterrupt (Ctrl-C) on its first line."""

    def __init__(self, text: str) -> None:
        self.lines = io.StringIO(text)
        self.interrupted = False

    def readline(self) -> str:
        if not self.interrupted:
            self.interrupted = True
            raise KeyboardInterrupt
        return self.lines.readline()


def test_ctrl_c_returns_to_the_prompt() -> None:
    stdout = io.StringIO()
    stdin = InterruptOnce("help list\nexit\n")
    shell = VisaShell("@sim", stdin=stdin, stdout=stdout)  # type: ignore[arg-type]
    shell.use_rawinput = False
    shell.cmdloop()
    out = stdout.getvalue()
    assert "(visa) ^C\n(visa) List all connected resources.\n" in out
    assert out.count("Welcome") == 1


def test_output_follows_sys_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    shell = VisaShell("@sim")
    shell.onecmd("help list")
    shell.onecmd("timeout")
    assert capsys.readouterr().out == f"List all connected resources.\n{NO_RESOURCE}\n"


# -- completion ---------------------------------------------------------------------


def test_complete_open(console: Console) -> None:
    shell = console.shell
    line = "open TCPIP0::localhost:2"
    # readline splits words at ":", the word being completed is "localhost:2" -> "2".
    assert shell.complete_open("2", line, len(line) - 1, len(line)) == ["2222::inst0::INSTR"]
    line = "open GPIB0::"
    matches = shell.complete_open("", line, len(line), len(line))
    assert sorted(matches) == ["10::INSTR", "4::INSTR", "5::INSTR", "8::INSTR", "9::INSTR"]
    line = "open AS"
    assert len(shell.complete_open("AS", line, 5, len(line))) == 5


def test_complete_termchar(console: Console) -> None:
    assert console.shell.complete_termchar("C", "termchar C", 9, 10) == ["CR", "CRLF"]


def test_complete_attr(opened: Console) -> None:
    assert opened.shell.complete_attr("send", "attr send", 5, 9) == ["send_end"]
    assert "VI_ATTR_TMO_VALUE" in opened.shell.complete_attr("VI_ATTR_T", "attr VI_ATTR_T", 5, 14)
    opened.run("close")
    assert opened.shell.complete_attr("", "attr ", 5, 5) == []


# -- helpers ------------------------------------------------------------------------


def test_format_table() -> None:
    table = format_table(("a", "long title"), [("value", "x"), ("", "")])
    assert table.splitlines() == [
        "+-------+------------+",
        "| a     | long title |",
        "+-------+------------+",
        "| value | x          |",
        "|       |            |",
        "+-------+------------+",
    ]


@given(st.integers())
def test_parse_value_integers(value: int) -> None:
    assert parse_value(str(value)) == value
    assert parse_value(f" {hex(value)} ") == value


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1))
def test_parse_value_words_stay_text(word: str) -> None:
    expected = {"True": True, "False": False, "None": None}.get(word, word)
    if not word.startswith("VI_"):
        assert parse_value(word) == expected


def test_parse_value_constants_and_literals() -> None:
    assert parse_value("VI_TRUE") == 1
    assert parse_value("VI_TMO_INFINITE") == 0xFFFFFFFF
    assert parse_value("VI_NOT_A_CONSTANT") == "VI_NOT_A_CONSTANT"
    assert parse_value("'a b'") == "a b"
    assert parse_value("1.5") == 1.5
    assert parse_value("[1") == "[1"
