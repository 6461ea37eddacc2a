"""Tests of the table formatter of the shell (``pyvisa.thirdparty.prettytable``)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pyvisa.thirdparty import prettytable
from pyvisa.thirdparty.prettytable import PrettyTable


def test_default_layout_is_centred() -> None:
    table = PrettyTable(("VISA name", "val"))
    table.add_row(("VI_ATTR_ASRL_ALLOW_TRANSMIT", 1))
    table.add_row(("VI_ATTR_ASRL_AVAIL_NUM", 9600))
    table.add_row(("VI_ATTR_ASRL_BAUD", "ASRL1  (/dev/cu)"))
    assert str(table).splitlines() == [
        "+-----------------------------+------------------+",
        "|          VISA name          |       val        |",
        "+-----------------------------+------------------+",
        "| VI_ATTR_ASRL_ALLOW_TRANSMIT |        1         |",
        "|    VI_ATTR_ASRL_AVAIL_NUM   |       9600       |",
        "|      VI_ATTR_ASRL_BAUD      | ASRL1  (/dev/cu) |",
        "+-----------------------------+------------------+",
    ]
    assert table.get_string() == str(table)


@pytest.mark.parametrize("text", ["", "a", "ab", "abc", "abcd"])
@pytest.mark.parametrize("width", [4, 5, 6, 7])
def test_centring_matches_str_center(text: str, width: int) -> None:
    table = PrettyTable(["x" * width])
    table.add_row([text])
    assert str(table).splitlines()[3] == f"| {text.center(width)} |"


def test_sortby_and_reversesort() -> None:
    table = PrettyTable(["name", "n"])
    for row in (("b", 2), ("c", 1), ("a", 3)):
        table.add_row(row)
    rows = table.get_string(sortby="name").splitlines()[3:-1]
    assert [row.split("|")[1].strip() for row in rows] == ["a", "b", "c"]
    rows = table.get_string(sortby="n", reversesort=True).splitlines()[3:-1]
    assert [row.split("|")[1].strip() for row in rows] == ["a", "b", "c"]
    # Sorting does not change the table itself.
    rows = table.get_string().splitlines()[3:-1]
    assert [row.split("|")[1].strip() for row in rows] == ["b", "c", "a"]
    with pytest.raises(ValueError):
        table.get_string(sortby="missing")


def test_empty_table() -> None:
    table = PrettyTable(["a", "bb"])
    assert table.rowcount == 0
    assert str(table).splitlines() == ["+---+----+", "| a | bb |", "+---+----+", "+---+----+"]


def test_alignment_padding_and_borders() -> None:
    table = PrettyTable(["left", "right"], align="l")
    table.set_align("right", "r")
    table.add_row(["a", "b"])
    assert str(table).splitlines()[1:4] == [
        "| left | right |",
        "+------+-------+",
        "| a    |     b |",
    ]
    assert table.align == {"left": "l", "right": "r"}
    table.align = "c"
    table.padding_width = 0
    table.border = False
    table.header = False
    assert str(table) == " a    b  "
    with pytest.raises(ValueError):
        table.align = "x"


def test_multiline_cells() -> None:
    table = PrettyTable(["a", "b"])
    table.add_row(["one\ntwo", "x"])
    assert str(table).splitlines()[3:5] == ["| one | x |", "| two |   |"]


def test_row_checks_and_default_names() -> None:
    table = PrettyTable(["a", "b"])
    with pytest.raises(ValueError):
        table.add_row([1])
    with pytest.raises(ValueError):
        PrettyTable(["a", "a"])
    table.add_row([1, 2])
    table.clear_rows()
    assert table.rowcount == 0
    unnamed = PrettyTable()
    unnamed.add_row([1, 2])
    assert unnamed.field_names == ["Field 1", "Field 2"]
    assert unnamed.get_string(fields=["Field 2"]).splitlines()[3] == "|    2    |"


def test_importing_pyvisa_does_not_load_the_tools() -> None:
    code = (
        "import sys, pyvisa; "
        "print(sorted(m for m in sys.modules if m.startswith(('pyvisa.thirdparty', "
        "'pyvisa.shell', 'pyvisa.cmd_line_tools'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
    assert prettytable.__all__ == ["PrettyTable"]
