"""Run the examples of the documentation and check the pages that show them.

Every ``docs/examples/*.py`` script runs against pyvisa-sim (with
``docs/examples/instruments.yaml``) or against the example backend it defines, and
its standard output must be exactly the ``.out`` file next to it: the pages include
both files, so the output shown is the output the code produces. A script whose
first lines say ``# requires: module`` is skipped when that module is missing.

The pyvisa-shell transcript is made from ``shell_session.cmds``: the commands are
piped into ``python -m pyvisa shell`` and written back after each prompt.

The pages are checked too: each example script is included by a page, every Python
code block that is not an included example is marked ``:class: not-runnable``, and
every ``:doc:``/``:ref:`` target exists.

The tests are skipped when ``docs/`` is not next to the package (an installed copy).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLES = DOCS / "examples"

pytestmark = [
    pytest.mark.skipif(
        not (DOCS / "conf.py").is_file() or not EXAMPLES.is_dir(),
        reason="the documentation sources (docs/ next to the pyvisa package) are not "
        "available, e.g. in an installed copy of the package",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("pyvisa_sim") is None,
        reason="the documentation examples run against pyvisa-sim, which is not installed",
    ),
]

SCRIPTS = sorted(EXAMPLES.glob("*.py")) if EXAMPLES.is_dir() else []
SHELL_PROMPTS = ("(visa) ", "(open) ")
TIMEOUT = 120


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYVISA_LIBRARY", None)
    # The package next to docs/, first on the path (the checkout being documented).
    root = str(DOCS.parent)
    env["PYTHONPATH"] = (
        root + os.pathsep + env.get("PYTHONPATH", "") if env.get("PYTHONPATH") else root
    )
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _requirements(script: Path) -> list[str]:
    required = []
    for line in script.read_text(encoding="utf-8").splitlines()[:5]:
        match = re.match(r"#\s*requires:\s*(.+)", line)
        if match:
            required += [name.strip() for name in match.group(1).split(",")]
    return required


def run_example(script: Path) -> str:
    """Run one example script in docs/examples and return its standard output."""
    completed = subprocess.run(
        [sys.executable, script.name],
        cwd=EXAMPLES,
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    assert completed.returncode == 0, f"{script.name} failed:\n{completed.stderr}"
    return completed.stdout


def shell_transcript() -> str:
    """Pipe shell_session.cmds into pyvisa-shell; write each command after its prompt."""
    commands = (EXAMPLES / "shell_session.cmds").read_text(encoding="utf-8").splitlines()
    completed = subprocess.run(
        [sys.executable, "-m", "pyvisa", "shell", "-b", "instruments.yaml@sim"],
        cwd=EXAMPLES,
        env=_environment(),
        input="\n".join(commands) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    assert completed.returncode == 0, completed.stderr
    output = completed.stdout
    pattern = re.compile("|".join(re.escape(p) for p in SHELL_PROMPTS))
    pieces, position, index = [], 0, 0
    for match in pattern.finditer(output):
        pieces.append(output[position : match.end()])
        position = match.end()
        if index < len(commands):
            pieces.append(commands[index] + "\n")
        index += 1
    pieces.append(output[position:])
    return "".join(pieces).rstrip() + "\n"


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_example_output(script: Path) -> None:
    for module in _requirements(script):
        pytest.importorskip(module, reason=f"{script.name} needs {module}")
    expected_file = script.with_suffix(".out")
    assert expected_file.is_file(), (
        f"{expected_file.name} (the output shown in the docs) is missing"
    )
    assert run_example(script) == expected_file.read_text(encoding="utf-8")


def test_shell_transcript() -> None:
    expected = (EXAMPLES / "shell_session.out").read_text(encoding="utf-8")
    assert shell_transcript() == expected


def _pages() -> list[Path]:
    return [p for p in DOCS.rglob("*.rst") if "_build" not in p.parts and "dev" not in p.parts]


def test_every_example_is_shown() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _pages())
    included = set(re.findall(r"literalinclude::\s*\S*?examples/(\S+)", text))
    for script in SCRIPTS:
        assert script.name in included, f"{script.name} is not included by any page"
        assert script.with_suffix(".out").name in included, (
            f"the output of {script.name} is not shown"
        )
    for name in included:
        assert (EXAMPLES / name).is_file(), f"a page includes examples/{name}, which does not exist"


def test_python_blocks_are_examples_or_marked() -> None:
    """A Python code block is either an included example or marked not-runnable."""
    block = re.compile(r"^(\s*)\.\. code-block::\s*(python|pycon|py)\s*$")
    problems = []
    for page in _pages():
        lines = page.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = block.match(line)
            if not match:
                continue
            options = []
            for following in lines[number + 1 :]:
                if not following.strip().startswith(":"):
                    break
                options.append(following.strip())
            if ":class: not-runnable" not in options:
                problems.append(f"{page.relative_to(DOCS)}:{number + 1}")
    assert not problems, "Python blocks neither run nor marked not-runnable: " + ", ".join(problems)


def test_internal_links_exist() -> None:
    pages = _pages()
    documents = {str(p.relative_to(DOCS).with_suffix("")).replace(os.sep, "/") for p in pages}
    labels = set()
    for page in pages:
        labels.update(re.findall(r"^\.\. _([\w.-]+):\s*$", page.read_text(encoding="utf-8"), re.M))
    missing = []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        folder = page.parent.relative_to(DOCS)
        for target in re.findall(r":doc:`(?:[^`<]*<)?([^`>]+)>?`", text):
            if target.startswith("/"):
                name = target[1:]
            else:
                name = os.path.normpath(folder / target).replace(os.sep, "/")
            if name not in documents:
                missing.append(f"{page.relative_to(DOCS)}: :doc:`{target}`")
        for target in re.findall(r":ref:`(?:[^`<]*<)?([^`>]+)>?`", text):
            if target not in labels and target not in ("genindex", "modindex", "search"):
                missing.append(f"{page.relative_to(DOCS)}: :ref:`{target}`")
    assert not missing, "broken internal links: " + ", ".join(missing)
