"""Facts SH-1 ... SH-9 of PyVISA 1.16.2's ``pyvisa-shell`` and the user-guide transcript."""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pyvisa import VisaIOError, constants, errors
from pyvisa.constants import StatusCode

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

from pyvisa import shell as shell_module  # noqa: E402
from pyvisa.shell import VisaShell  # noqa: E402

NO_RESOURCE = 'There are no resources in use. Use the command "open".'
IDN_DEVICE = "TCPIP::localhost:2222::INSTR"
COMMANDS = ("list", "open", "close", "query", "read", "write", "timeout", "attr", "termchar")

# A devices file for pyvisa-sim shaped after the session of the user guide
# (introduction/shell.txt): ASRL1 answers "*IDN?" with "Some Instrument, Some Company.".
GUIDE_DEVICES = """\
spec: "1.1"
devices:
  guide device:
    eom:
      ASRL INSTR:
        q: "\\r\\n"
        r: "\\n"
    dialogues:
      - q: "*IDN?"
        r: "Some Instrument, Some Company."
resources:
  ASRL1::INSTR:
    device: guide device
  ASRL2::INSTR:
    device: guide device
"""

# Lines of the attribute table printed in the user guide (first three columns only: the
# values depend on the instrument).
GUIDE_TABLE = """\
+-----------------------------+------------+----------------------------+
|          VISA name          |  Constant  |        Python name         |
+-----------------------------+------------+----------------------------+
| VI_ATTR_ASRL_ALLOW_TRANSMIT | 1073676734 |       allow_transmit       |
|    VI_ATTR_ASRL_AVAIL_NUM   | 1073676460 |      bytes_in_buffer       |
|      VI_ATTR_ASRL_BAUD      | 1073676321 |         baud_rate          |
|    VI_ATTR_ASRL_BREAK_LEN   | 1073676733 |        break_length        |
|   VI_ATTR_ASRL_BREAK_STATE  | 1073676732 |        break_state         |
|    VI_ATTR_ASRL_DATA_BITS   | 1073676322 |         data_bits          |
|  VI_ATTR_ASRL_DISCARD_NULL  | 1073676464 |        discard_null        |
|     VI_ATTR_ASRL_END_IN     | 1073676467 |         end_input          |
|     VI_ATTR_ASRL_PARITY     | 1073676323 |           parity           |
|  VI_ATTR_ASRL_REPLACE_CHAR  | 1073676478 |        replace_char        |
|    VI_ATTR_ASRL_STOP_BITS   | 1073676324 |         stop_bits          |
|    VI_ATTR_ASRL_XOFF_CHAR   | 1073676482 |         xoff_char          |
|    VI_ATTR_ASRL_XON_CHAR    | 1073676481 |          xon_char          |
|     VI_ATTR_DMA_ALLOW_EN    | 1073676318 |         allow_dma          |
|       VI_ATTR_INTF_NUM      | 1073676662 |      interface_number      |
|       VI_ATTR_IO_PROT       | 1073676316 |        io_protocol         |
|   VI_ATTR_MAX_QUEUE_LENGTH  | 1073676293 |                            |
|      VI_ATTR_RSRC_CLASS     | 3221159937 |       resource_class       |
|  VI_ATTR_RSRC_IMPL_VERSION  | 1073676291 |   implementation_version   |
|   VI_ATTR_RSRC_LOCK_STATE   | 1073676292 |         lock_state         |
|    VI_ATTR_RSRC_MANF_NAME   | 3221160308 | resource_manufacturer_name |
|      VI_ATTR_RSRC_NAME      | 3221159938 |       resource_name        |
|  VI_ATTR_RSRC_SPEC_VERSION  | 1073676656 |        spec_version        |
|     VI_ATTR_SEND_END_EN     | 1073676310 |          send_end          |
|   VI_ATTR_SUPPRESS_END_EN   | 1073676342 |                            |
|       VI_ATTR_TERMCHAR      | 1073676312 |                            |
|     VI_ATTR_TERMCHAR_EN     | 1073676344 |                            |
|       VI_ATTR_TRIG_ID       | 1073676663 |                            |
|   VI_ATTR_WR_BUF_OPER_MODE  | 1073676333 |                            |
+-----------------------------+------------+----------------------------+
""".splitlines()


@pytest.fixture(scope="module")
def guide_devices(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("shell") / "guide.yaml"
    path.write_text(GUIDE_DEVICES, encoding="utf-8")
    return path


class Session:
    """Drive a shell through ``onecmd`` and return what each command printed."""

    def __init__(self, library: str, capsys: pytest.CaptureFixture[str]) -> None:
        self.shell = VisaShell(library)
        self.capsys = capsys
        capsys.readouterr()

    def run(self, line: str) -> str:
        self.capsys.readouterr()
        # cmd.Cmd keeps the sys.stdout of its creation for "help"; follow the capture.
        self.shell.stdout = sys.stdout
        self.last_result = self.shell.onecmd(line)
        return self.capsys.readouterr().out


@pytest.fixture
def guide(guide_devices: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Session]:
    session = Session(f"{guide_devices}@sim", capsys)
    yield session
    close = getattr(session.shell.current, "close", None)
    if close is not None:
        close()


@pytest.fixture
def sim(capsys: pytest.CaptureFixture[str]) -> Iterator[Session]:
    session = Session("@sim", capsys)
    yield session
    close = getattr(session.shell.current, "close", None)
    if close is not None:
        close()


# -- the user guide session ---------------------------------------------------------


def test_guide_transcript(guide: Session) -> None:
    assert guide.shell.intro == "\nWelcome to the VISA shell. Type help or ? to list commands.\n"
    assert guide.shell.prompt == "(visa) "
    documented = guide.run("help").split("=\n", 1)[1].split()
    for name in "EOF attr close exit help list open query read timeout write".split():
        assert name in documented
    assert guide.run("help list") == "List all connected resources.\n"
    assert guide.run("list") == "( 0) ASRL1::INSTR\n( 1) ASRL2::INSTR\n"

    out = guide.run("open 0")
    assert out.splitlines()[0] == "ASRL1::INSTR has been opened."
    assert out == (
        "ASRL1::INSTR has been opened.\n"
        'You can talk to the device using "write", "read" or "query".\n'
        "The default end of message is added to each message.\n"
    )
    assert guide.shell.prompt == "(open) "
    # pyvisa-sim ends serial answers only with the termination character.
    guide.shell.current.read_termination = "\n"
    # SH-3: 1.16.2 prefixes the answer (the guide still shows the bare answer).
    assert guide.run("query *IDN?") == "Response: Some Instrument, Some Company.\n"

    assert guide.run("timeout") == "Timeout: 2000ms\n"
    assert guide.run("timeout 1500") == "Done\n"
    assert guide.run("timeout") == "Timeout: 1500ms\n"

    table = guide.run("attr").splitlines()
    first_columns = {line[: len(GUIDE_TABLE[0])] for line in table}
    assert set(GUIDE_TABLE) <= first_columns
    assert table[1].startswith(GUIDE_TABLE[1])
    assert table[0] == table[2] == table[-1]
    assert re.fullmatch(r"\| +val +\|", table[1][len(GUIDE_TABLE[1]) - 1 :])

    assert guide.run("termchar CR") == "Done\n"
    assert guide.run("termchar").splitlines()[0] == "Termchar read: CR write: CR"
    assert guide.run("termchar LF CRLF") == "Done\n"
    assert guide.run("termchar").splitlines()[0] == "Termchar read: LF write: CRLF"

    assert guide.run("close") == "The resource has been closed.\n"
    assert guide.shell.prompt == "(visa) "
    assert guide.run("exit") == ""
    assert guide.last_result is True


def test_attr_table_layout_is_centred(guide: Session) -> None:
    guide.run("open ASRL1::INSTR")
    table = guide.run("attr").splitlines()
    widths = {len(line) for line in table}
    assert len(widths) == 1
    for line in table[3:-1]:
        cells = line.split("|")[1:-1]
        for cell in cells:
            text = cell.strip()
            inner = cell[1:-1]
            assert inner == text.center(len(inner))


# -- SH-1: errors are printed, never raised -----------------------------------------


class NotAResource:
    """Any object put in ``shell.current``: the commands only check it is truthy."""

    __slots__ = ()


@pytest.mark.parametrize(
    ("command", "args", "missing"),
    [
        ("do_close", "", "close"),
        ("do_query", "*IDN?", "query"),
        ("do_read", "", "read"),
        ("do_write", "*RST", "write"),
        ("do_timeout", "", "timeout"),
        ("do_attr", "VI_ATTR_TMO_VALUE", "get_visa_attribute"),
        ("do_attr", "send_end", "send_end"),
        ("do_attr", "VI_ATTR_TMO_VALUE 5", "set_visa_attribute"),
        ("do_termchar", "CR", "read_termination"),
    ],
)
def test_errors_of_direct_calls_are_printed(
    sim: Session, command: str, args: str, missing: str
) -> None:
    sim.shell.current = NotAResource()
    sim.capsys.readouterr()
    getattr(sim.shell, command)(args)
    out = sim.capsys.readouterr().out
    assert out == f"'NotAResource' object has no attribute '{missing}'\n"


def test_timeout_set_error_is_printed(sim: Session) -> None:
    sim.shell.current = NotAResource()
    assert sim.run("timeout 100") == "'NotAResource' object has no attribute 'timeout'\n"
    assert sim.run("timeout abc") == "could not convert string to float: 'abc'\n"


def test_list_without_resource_manager(sim: Session) -> None:
    sim.shell.resource_manager = None
    sim.capsys.readouterr()
    sim.shell.do_list("")
    assert sim.capsys.readouterr().out == (
        "'NoneType' object has no attribute 'list_resources_info'\n"
    )


def test_open_error_is_printed(sim: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    error = VisaIOError(StatusCode.error_resource_not_found)

    def fail(resource_name: str) -> None:
        raise error

    monkeypatch.setattr(sim.shell.resource_manager, "open_resource", fail)
    assert sim.run("open ASRL99::INSTR") == str(error) + "\n"
    assert sim.shell.current is None
    assert sim.shell.prompt == "(visa) "


def test_operation_errors_are_printed_bare(sim: Session) -> None:
    class Broken:
        def query(self, message: str) -> str:
            raise RuntimeError("broken device")

        def read(self) -> str:
            raise VisaIOError(StatusCode.error_timeout)

    sim.shell.current = Broken()
    assert sim.run("query *IDN?") == "broken device\n"
    assert sim.run("read") == str(VisaIOError(StatusCode.error_timeout)) + "\n"


@pytest.mark.parametrize("command", COMMANDS[2:])
def test_commands_need_an_open_resource(sim: Session, command: str) -> None:
    assert sim.run(command) == NO_RESOURCE + "\n"
    assert sim.run(command + " x") == NO_RESOURCE + "\n"


# -- SH-2 / SH-3 --------------------------------------------------------------------


def test_open_without_argument(sim: Session) -> None:
    assert sim.run("open") == "A resource name must be specified.\n"
    sim.capsys.readouterr()
    sim.shell.do_open("")
    assert sim.capsys.readouterr().out == "A resource name must be specified.\n"


def test_query_prints_response(sim: Session) -> None:
    sim.run(f"open {IDN_DEVICE}")
    sim.run("termchar LF")
    assert sim.run("query *IDN?") == "Response: SCPI,MOCK,VERSION_1.0\n"


# -- SH-4: print_attribute_list -----------------------------------------------------


class FakeAttribute:
    def __init__(self, visa_name: str, attribute_id: int, py_name: str) -> None:
        self.visa_name = visa_name
        self.attribute_id = attribute_id
        self.py_name = py_name


class FakeResource:
    visa_attributes_classes = [
        FakeAttribute("VI_ATTR_C", 3, "third"),
        FakeAttribute("VI_ATTR_A", 1, "first"),
        FakeAttribute("VI_ATTR_B", 2, ""),
        FakeAttribute("VI_ATTR_D", 4, "short"),
    ]

    def get_visa_attribute(self, attribute_id: int) -> object:
        if attribute_id == 2:
            raise VisaIOError(StatusCode.error_nonsupported_attribute)
        if attribute_id == 3:
            raise ValueError("abcdefghijklm")
        if attribute_id == 4:
            raise ValueError("abcdefghij")
        return 42


def test_print_attribute_list(sim: Session) -> None:
    assert inspect.signature(VisaShell.print_attribute_list).parameters.keys() == {"self"}
    sim.shell.current = FakeResource()
    sim.capsys.readouterr()
    sim.shell.print_attribute_list()
    assert sim.capsys.readouterr().out.splitlines() == [
        "+-----------+----------+-------------+--------------------+",
        "| VISA name | Constant | Python name |        val         |",
        "+-----------+----------+-------------+--------------------+",
        "| VI_ATTR_A |    1     |    first    |         42         |",
        "| VI_ATTR_B |    2     |             | VI_ERROR_NSUP_ATTR |",
        "| VI_ATTR_C |    3     |    third    |   abcdefghij...    |",
        "| VI_ATTR_D |    4     |    short    |     abcdefghij     |",
        "+-----------+----------+-------------+--------------------+",
    ]
    assert sim.run("attr").splitlines()[3].startswith("| VI_ATTR_A |")


def test_print_attribute_list_without_attributes(sim: Session) -> None:
    sim.shell.current = NotAResource()
    assert sim.run("attr").splitlines() == [
        "+-----------+----------+-------------+-----+",
        "| VISA name | Constant | Python name | val |",
        "+-----------+----------+-------------+-----+",
        "+-----------+----------+-------------+-----+",
    ]


# -- SH-5 ... SH-8: attr ------------------------------------------------------------


@pytest.fixture
def opened(sim: Session) -> Session:
    sim.run(f"open {IDN_DEVICE}")
    return sim


def test_attr_too_many_arguments(opened: Session) -> None:
    message = "Invalid syntax, use `attr <name>` to get; or `attr <name> <value>` to set\n"
    assert opened.run("attr VI_ATTR_TMO_VALUE 1 2") == message
    # Split on single spaces: two spaces make an empty word.
    assert opened.run("attr VI_ATTR_TMO_VALUE  1") == message


def test_attr_get(opened: Session) -> None:
    assert opened.run("attr VI_ATTR_TMO_VALUE") == "2000\n"
    assert opened.run("attr timeout") == "2000\n"
    assert opened.run("attr resource_name") == "TCPIP0::localhost:2222::inst0::INSTR\n"


def test_attr_unknown_names(opened: Session) -> None:
    message = "module 'pyvisa.constants' has no attribute 'VI_FOO'\n"
    assert opened.run("attr VI_FOO") == message
    assert opened.run("attr VI_FOO 1") == message
    assert opened.run("attr foo") == "'TCPIPInstrument' object has no attribute 'foo'\n"


def test_attr_resolves_names_in_constants(opened: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(constants, "VI_MY_TIMEOUT", constants.VI_ATTR_TMO_VALUE, raising=False)
    assert opened.run("attr VI_MY_TIMEOUT") == "2000\n"


def test_attr_set_integer(opened: Session) -> None:
    assert opened.run("attr VI_ATTR_TMO_VALUE 3000") == "Done\n"
    assert opened.run("timeout") == "Timeout: 3000ms\n"
    error = f"Error {StatusCode.error_nonsupported_attribute_state!s}\n"
    assert error == "Error -1073807330\n"
    assert opened.run("attr VI_ATTR_TMO_VALUE 0x10") == error
    assert opened.run("attr VI_ATTR_TMO_VALUE 1.5") == error
    assert opened.run("timeout") == "Timeout: 3000ms\n"


def test_attr_set_boolean(opened: Session) -> None:
    assert opened.run("attr VI_ATTR_SEND_END_EN False") == "Done\n"
    assert opened.run("attr send_end") == "False\n"
    for word in ("false", "0", "VI_TRUE", "1"):
        assert opened.run(f"attr VI_ATTR_SEND_END_EN {word}") == "Error -1073807330\n"
    assert opened.run("attr send_end") == "False\n"
    assert opened.run("attr VI_ATTR_SEND_END_EN True") == "Done\n"
    assert opened.run("attr send_end") == "True\n"


def test_attr_set_other_types_pass_the_text(
    opened: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[int, object]] = []

    def record(attribute_id: int, value: object) -> StatusCode:
        seen.append((attribute_id, value))
        return StatusCode.success

    monkeypatch.setattr(opened.shell.current, "set_visa_attribute", record)
    assert opened.run("attr VI_ATTR_RSRC_NAME foo") == "Done\n"
    assert opened.run("attr VI_ATTR_TMO_VALUE 12") == "Done\n"
    assert seen == [(constants.VI_ATTR_RSRC_NAME, "foo"), (constants.VI_ATTR_TMO_VALUE, 12)]


def test_attr_set_status_is_printed(opened: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    status = StatusCode.success_nested_shared
    monkeypatch.setattr(opened.shell.current, "set_visa_attribute", lambda *args: status)
    assert opened.run("attr VI_ATTR_TMO_VALUE 12") == f"Error {status!s}\n"


def test_attr_set_error_is_printed(opened: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(attribute_id: int, value: object) -> StatusCode:
        raise errors.VisaIOError(StatusCode.error_attribute_read_only)

    monkeypatch.setattr(opened.shell.current, "set_visa_attribute", fail)
    out = opened.run("attr VI_ATTR_RSRC_NAME foo")
    assert out == str(errors.VisaIOError(StatusCode.error_attribute_read_only)) + "\n"


def test_attr_set_by_python_name(opened: Session) -> None:
    assert opened.run("attr timeout 10") == (
        "Setting Resource Attributes by python name is not yet supported.\n"
    )
    assert opened.run("timeout") == "Timeout: 2000ms\n"


# -- SH-9: termchar -----------------------------------------------------------------

ACCEPTED = "use CR, LF, CRLF, NUL or None to set termchar\n"


def test_termchar_shows_names(opened: Session) -> None:
    resource = opened.shell.current
    for value, name in [("\r", "CR"), ("\n", "LF"), ("\r\n", "CRLF"), ("\0", "NUL")]:
        resource.read_termination = value
        resource.write_termination = value
        assert opened.run("termchar") == f"Termchar read: {name} write: {name}\n" + ACCEPTED


def test_termchar_shows_other_values_raw(opened: Session) -> None:
    resource = opened.shell.current
    resource.read_termination = "%"
    resource.write_termination = "#"
    assert opened.run("termchar").splitlines()[0] == "Termchar read: % write: #"


def test_termchar_set(opened: Session) -> None:
    resource = opened.shell.current
    assert opened.run("termchar CR") == "Done\n"
    assert (resource.read_termination, resource.write_termination) == ("\r", "\r")
    assert opened.run("termchar LF CRLF") == "Done\n"
    assert (resource.read_termination, resource.write_termination) == ("\n", "\r\n")
    assert opened.run("termchar None NUL") == "Done\n"
    assert resource.write_termination == "\0"
    assert opened.run("termchar").splitlines()[0].endswith(" write: NUL")


def test_termchar_errors(opened: Session) -> None:
    resource = opened.shell.current
    before = (resource.read_termination, resource.write_termination)
    assert opened.run("termchar CR LF CR") == (
        "Invalid syntax, use `termchar <termchar>` to set both read_termination and "
        "write_termination to the same value, or `termchar <read_termchar> "
        "<write_termchar>` to use distinct values.\n"
    )
    for args in ("TAB", "cr", "CR TAB", "TAB CR"):
        assert opened.run(f"termchar {args}") == ACCEPTED
    assert (resource.read_termination, resource.write_termination) == before


# -- public interface ---------------------------------------------------------------


def test_module_names() -> None:
    from pyvisa import ResourceManager
    from pyvisa.thirdparty import prettytable

    assert shell_module.VisaIOError is VisaIOError
    assert shell_module.ResourceManager is ResourceManager
    assert shell_module.prettytable is prettytable
    assert shell_module.constants is constants
    assert str(inspect.signature(shell_module.main)) == "(library_path='')"
    assert str(inspect.signature(VisaShell)) == "(library_path: str = '')"
    assert str(inspect.signature(VisaShell.do_EOF)) == "(self, arg)"
    assert str(inspect.signature(VisaShell.do_exit)) == "(self, arg)"
    assert VisaShell.use_rawinput is True
    for name in ("cmdloop", "onecmd", "emptyline"):
        assert name not in VisaShell.__dict__


def test_instance_attributes(sim: Session) -> None:
    shell = sim.shell
    assert shell.default_prompt == "(visa) "
    assert (shell.resources, shell.current, shell.py_attr, shell.vi_attr) == ([], None, [], [])
    sim.run(f"open {IDN_DEVICE}")
    assert "send_end" in shell.py_attr and "" not in shell.py_attr
    assert "VI_ATTR_TMO_VALUE" in shell.vi_attr


def test_completion(sim: Session) -> None:
    shell = sim.shell
    # complete_open lists the resources itself (without printing) when needed.
    assert shell.complete_open("TCPIP0::localhost:2", 0, 0, 0) == [
        "TCPIP0::localhost:2222::inst0::INSTR"
    ]
    assert sim.capsys.readouterr().out == ""
    assert shell.resources and shell.complete_open("nothing", 0, 0, 0) == []
    sim.run(f"open {IDN_DEVICE}")
    assert shell.complete_attr("send", 0, 0, 0) == ["send_end"]
    matches = shell.complete_attr("VI_ATTR_TERM", 0, 0, 0)
    assert set(matches) == {"VI_ATTR_TERMCHAR", "VI_ATTR_TERMCHAR_EN"}


def test_completion_of_aliases(sim: Session) -> None:
    sim.shell.resources = [("ASRL1::INSTR", "COM1"), ("ASRL2::INSTR", None)]
    assert sim.shell.complete_open("COM", 0, 0, 0) == ["COM1"]
    assert sim.shell.complete_open("ASRL", 0, 0, 0) == ["ASRL1::INSTR", "ASRL2::INSTR"]


def test_list_with_argument_prints_nothing(sim: Session) -> None:
    assert sim.run("list quietly") == ""
    assert sim.shell.resources[0] == ("ASRL1::INSTR", None)


def test_exit_and_eof(sim: Session) -> None:
    sim.run(f"open {IDN_DEVICE}")
    resource = sim.shell.current
    assert sim.run("EOF") == ""
    assert sim.last_result is True
    with pytest.raises(errors.InvalidSession):
        _ = resource.session


def test_main_runs_the_loop(guide_devices: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []
    monkeypatch.setattr(VisaShell, "cmdloop", lambda self, intro=None: seen.append(self))
    shell_module.main(f"{guide_devices}@sim")
    assert len(seen) == 1 and isinstance(seen[0], VisaShell)
    assert seen[0].resource_manager.list_resources() == ("ASRL1::INSTR", "ASRL2::INSTR")


def test_shell_with_a_devices_file_in_a_subprocess(guide_devices: Path) -> None:
    script = "list\nopen 1\ntermchar LF CRLF\nquery *IDN?\nexit\n"
    result = subprocess.run(
        [sys.executable, "-c", "from pyvisa.cmd_line_tools import visa_shell; visa_shell()"]
        + ["-b", f"{guide_devices}@sim"],
        input=script,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "( 0) ASRL1::INSTR\n( 1) ASRL2::INSTR\n" in out
    assert "ASRL2::INSTR has been opened." in out
    assert "Response: Some Instrument, Some Company." in out
