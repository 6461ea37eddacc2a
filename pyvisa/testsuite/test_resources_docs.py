"""Compare the resource classes with the API reference of the docs (section 1.4.3).

The members of each class (methods with their parameters and defaults, attributes,
documented class values) are extracted from the text of the docs shipped beside the
repository (``shared/spec/pyvisa-docs-1.11.3.txt``); the test is skipped without it.
"""

from __future__ import annotations

import functools
import inspect
import re
from pathlib import Path
from typing import Any

import pytest

import pyvisa
import pyvisa.resources

_DOCS = Path(pyvisa.__file__).resolve().parents[2] / "shared" / "spec" / "pyvisa-docs-1.11.3.txt"
_SECTION = ("1.4.3 Resource classes", "1.4.4 Constants module")
_NOT_MEMBERS = {"Parameters", "Returns", "Yields", "Raises", "Type", "Range", "Note", "Warning"}
_MEMBER = re.compile(r"^ ?(?:classmethod |property )?([A-Za-z_]\w*)(\(.*|\s*=\s*.*)?$")
_CLASS = re.compile(r"^ ?class pyvisa\.resources\.(\w+)\(")
#: Attribute classes the docs predate: VI_ATTR_RM_SESSION is valid on every session
#: (backend contract).
_EXTRA_ATTRIBUTE_CLASSES = {"AttrVI_ATTR_RM_SESSION"}
#: Documented class values that 1.16.2 turned into instance state declared by annotation
#: only (fact BK-1: a backend's subclass may skip ``__init__`` and forward the lookups).
_INSTANCE_STATE = {"resource_manager", "visalib"}
#: Parameter defaults PyVISA 1.16.2 changed since the 1.11.3 docs (fact RS-5).
_CHANGED_DEFAULTS = {("read_binary_values", "data_points"): ("0", "-1")}

Members = dict[str, tuple[str, str | None]]


def _section_lines() -> list[str]:
    if not _DOCS.exists():
        pytest.skip(f"the docs are not available at {_DOCS}")
    text = _DOCS.read_text(encoding="utf-8")
    start = text.index(_SECTION[0], text.index("1.4.2 Resource Manager"))
    return text[start : text.index(_SECTION[1], start)].splitlines()


def _join_signature(lines: list[str], index: int, text: str) -> tuple[str, int]:
    """Join the lines of a signature until its parentheses balance."""
    while text.count("(") > text.count(")") and index + 1 < len(lines):
        index += 1
        following = lines[index].strip()
        text = text[:-1] + following if text.endswith("-") else f"{text} {following}"
    return text, index


@functools.cache
def parse_documented_members() -> dict[str, Members]:
    """Return {class name: {member: (kind, signature or value)}} from the docs."""
    lines = _section_lines()
    classes: dict[str, Members] = {}
    members: Members | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        class_match = _CLASS.match(line)
        member_match = _MEMBER.match(line)
        if class_match:
            members = classes.setdefault(class_match.group(1), {})
        elif members is not None and member_match and member_match.group(1) not in _NOT_MEMBERS:
            name, rest = member_match.group(1), member_match.group(2) or ""
            if rest.startswith("("):
                rest, index = _join_signature(lines, index, rest)
                members[name] = ("method", rest)
            elif rest.strip().startswith("="):
                members[name] = ("value", rest.strip()[1:].strip())
            elif index == 0 or not lines[index - 1].strip():
                members.setdefault(name, ("attribute", None))
        index += 1
    return classes


def _documented_parameters(signature: str) -> list[tuple[str, str | None]]:
    """Names and defaults (as text) of the parameters of a documented signature."""
    body = signature[1:].replace("\u2019", "'").replace("\u2018", "'").replace("b\u201d", "b''")
    parts: list[str] = []
    depth, quoted, current = 0, False, ""
    for char in body:
        if char == "'":
            quoted = not quoted
        if not quoted:
            if char in "([{":
                depth += 1
            elif char in ")]}":
                if depth == 0:
                    break
                depth -= 1
            elif char == "," and depth == 0:
                parts.append(current.strip())
                current = ""
                continue
        current += char
    if current.strip():
        parts.append(current.strip())
    result = []
    for part in parts:
        name = re.match(r"\*{0,2}\w+", part)
        assert name is not None, part
        default = part.rsplit("=", 1)[1].strip() if "=" in part else None
        default = {"<AccessModes.no_lock: 0>": "0", "<class 'list'>": "list"}.get(
            default or "", default
        )
        result.append((name.group(0), default))
    return result


def _with_changed_defaults(
    method: str, parameters: list[tuple[str, str | None]]
) -> list[tuple[str, str | None]]:
    """Apply the defaults 1.16.2 changed to the parameters documented by 1.11.3."""
    result = []
    for param, default in parameters:
        change = _CHANGED_DEFAULTS.get((method, param))
        if change is not None and default == change[0]:
            default = change[1]
        result.append((param, default))
    return result


def _our_parameters(function: Any) -> list[tuple[str, str | None]]:
    result = []
    for param in inspect.signature(function).parameters.values():
        if param.name in ("self", "cls"):
            continue
        prefix = ""
        if param.kind is param.VAR_POSITIONAL:
            prefix = "*"
        elif param.kind is param.VAR_KEYWORD:
            prefix = "**"
        default: str | None
        if param.default is inspect.Parameter.empty:
            default = None
        elif param.default is list:
            default = "list"
        elif isinstance(param.default, int) and not isinstance(param.default, bool):
            default = str(int(param.default))
        else:
            default = repr(param.default)
        result.append((prefix + param.name, default))
    return result


_DOCUMENTED = parse_documented_members() if _DOCS.exists() else {}


def test_docs_were_parsed() -> None:
    classes = parse_documented_members()
    assert len(classes) == 16
    assert sum(len(members) for members in classes.values()) > 800
    assert classes["MessageBasedResource"]["query"][0] == "method"


@pytest.mark.parametrize("class_name", sorted(_DOCUMENTED) or ["<docs missing>"])
def test_class_matches_docs(class_name: str) -> None:
    members = parse_documented_members()[class_name]
    cls = getattr(pyvisa.resources, class_name)
    problems = []
    for name, (kind, text) in sorted(members.items()):
        if name in _INSTANCE_STATE:
            annotations: dict[str, Any] = {}
            for klass in reversed(cls.__mro__):
                annotations.update(getattr(klass, "__annotations__", {}))
            if name not in annotations:
                problems.append(f"{name}: not declared")
            continue
        if not hasattr(cls, name):
            problems.append(f"{name}: missing ({kind})")
        elif kind == "method":
            assert text is not None
            if isinstance(inspect.getattr_static(cls, name), property):
                problems.append(f"{name}: documented as a method, is a property")
                continue
            documented = _with_changed_defaults(name, _documented_parameters(text))
            ours = _our_parameters(getattr(cls, name))
            added = ours[len(documented) :]
            # Extra parameters (API extensions) must come last and have defaults.
            if ours[: len(documented)] != documented or any(
                default is None and not param.startswith("*") for param, default in added
            ):
                problems.append(f"{name}: docs {documented} != ours {ours}")
        elif kind == "value" and name == "visa_attributes_classes":
            assert text is not None
            documented_set = set(re.findall(r"AttrVI_ATTR_\w+", text))
            ours_set = {attr.__name__ for attr in getattr(cls, name)} - _EXTRA_ATTRIBUTE_CLASSES
            # Classes added since (1.13 uncommented VI_ATTR_INTF_PARENT_NUM...) are checked
            # against the 1.16.2 listing by test_api_listing.
            if not documented_set <= ours_set:
                problems.append(f"{name}: missing {sorted(documented_set - ours_set)}")
        elif kind == "value":
            assert text is not None
            value = getattr(cls, name)
            if repr(value) != text.replace("\u2019", "'") and str(value) != text:
                problems.append(f"{name}: documented value {text}, ours {value!r}")
    assert not problems, "\n".join(problems)
