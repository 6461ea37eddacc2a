"""Access to the VISA fact tables of the specification for the constants and errors tests.

The VISA constant tables are copied in ``visa_tables/`` next to this module; the docs and
the backend contract are read from ``shared/spec`` next to the repository checkout
(``<repo>/../shared/spec``), and the tests that need them are skipped with a clear reason
when they are absent.
"""

import csv
import re
from functools import cache
from pathlib import Path

import pytest

SPEC_DIR = Path(__file__).resolve().parents[3] / "shared" / "spec"
TABLES_DIR = Path(__file__).resolve().parent / "visa_tables"

#: Attribute ids whose value depends on the bitness of the platform.
PLATFORM_ALIASES = re.compile(
    r"^VI_ATTR_(USER_DATA|RET_COUNT|WIN_BASE_ADDR|WIN_SIZE|MEM_BASE|MEM_SIZE"
    r"|PXI_MEM_BASE_BAR\d|PXI_MEM_SIZE_BAR\d)$"
)


def spec_file(name: str) -> Path:
    """Path of a file of the specification, skipping the test when it is missing."""
    for directory in (TABLES_DIR, SPEC_DIR):
        path = directory / name
        if path.is_file():
            return path
    pytest.skip(f"{name} not found in {TABLES_DIR} or {SPEC_DIR} (shared/spec is absent)")


@cache
def _read_table(name: str) -> tuple[tuple[str, int, str, str], ...]:
    rows = []
    with spec_file(name).open(newline="") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            if row["name"].startswith("VI_") and row["value_decimal"]:
                rows.append((row["name"], int(row["value_decimal"]), row["group"], row["notes"]))
    return tuple(rows)


def numeric_constants() -> dict[str, int]:
    """Every numeric ``VI_*`` constant of VISA 5.8 and of the post-5.8 table (64-bit values)."""
    table = _read_table("visa-constants.tsv") + _read_table("visa-constants-post58.tsv")
    return {name: value for name, value, _, _ in table}


def expected_value(name: str, table: dict[str, int], is_64_bit: bool) -> int:
    """Value a constant must have on a platform of the given bitness."""
    if PLATFORM_ALIASES.match(name) and not is_64_bit:
        return table[name + "_32"]
    return table[name]


def status_abbreviations() -> dict[int, str]:
    """Status code → VISA name (the primary name, not a backward-compatibility alias)."""
    table = _read_table("visa-constants.tsv") + _read_table("visa-constants-post58.tsv")
    codes: dict[int, str] = {}
    for name, value, group, _ in table:
        if (
            re.match(r"VI_(SUCCESS|WARN_|ERROR_)", name)
            and group != "Backward Compatibility Macros"
        ):
            codes.setdefault(value, name)
    return codes


def documented_status_codes() -> dict[str, tuple[int, str]]:
    """StatusCode member → (value, description) as written in the docs (section 1.4.4)."""
    text = spec_file("pyvisa-docs-1.11.3.txt").read_text(encoding="utf-8")
    start = text.index("class pyvisa.constants.StatusCode")
    end = text.index("warning_unknown_status", start)
    blank_line = text.find("\n\n", text.index("\n", end) + 1)
    end = len(text) if blank_line < 0 else blank_line
    members: dict[str, tuple[int, list[str]]] = {}
    current = None
    for line in text[start:end].splitlines()[2:]:
        match = re.match(r"^\s*(\w+) = (-?\d+)$", line)
        if match:
            current = match.group(1)
            members[current] = (int(match.group(2)), [])
        elif (
            current
            and line.strip()
            and not re.match(r"^(PyVISA Documentation|\d+\.\d+\. API)", line)
        ):
            members[current][1].append(line.strip())
    return {
        name: (value, re.sub(r"\s+", " ", " ".join(words)).replace("refer- ence", "reference"))
        for name, (value, words) in members.items()
    }


def documented_enum_members() -> dict[str, dict[str, int]]:
    """Enum name → {member: value} of every class documented in section 1.4.4 of the docs."""
    text = spec_file("pyvisa-docs-1.11.3.txt").read_text(encoding="utf-8")
    start = text.index("1.4.4 Constants module")
    end = text.index("\n", text.index("warning_unknown_status = ", start))
    enums: dict[str, dict[str, int]] = {}
    members: dict[str, int] = {}
    for line in text[start:end].splitlines():
        header = re.match(r"^\s*class pyvisa\.constants\.(\w+)\s*$", line)
        if header:
            members = enums.setdefault(header.group(1), {})
            continue
        member = re.match(r"^\s*(\w+) = (-?\d+)\s*$", line)
        if member and enums:
            members[member.group(1)] = int(member.group(2))
    return enums


def contract_table(heading: str) -> dict[str, int]:
    """``member → value`` of one table of backend-contract.md §2.3 (first two columns)."""
    text = spec_file("backend-contract.md").read_text(encoding="utf-8")
    start = text.index(heading)
    end = text.find("\n#", start + len(heading))
    rows: dict[str, int] = {}
    for line in text[start:end].splitlines():
        match = re.match(r"^\| `(\w+)` \| (-?(?:0x[0-9A-Fa-f]+|\d+))", line)
        if match:
            rows[match.group(1)] = int(match.group(2), 0)
    return rows


def contract_attribute_names() -> dict[str, str]:
    """``VI_ATTR_* → ResourceAttribute member`` from the table of backend-contract.md §2.4."""
    text = spec_file("backend-contract.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| (VI_ATTR_\w+) \| (\w+) \|", text, re.MULTILINE))
