"""Run the examples of the documentation and check the pages that show them.

Every ``docs/examples/*.py`` script runs against pyvisa-sim (with
``docs/examples/instruments.yaml``), against the example backend it defines or, when
its first lines say ``# visa-library: reference``, against the reference VISA library
in C of the test suite (``pyvisa.testsuite.reference_visa``, for what needs real VISA
semantics: locks, events, service requests). Its standard output must be exactly the
``.out`` file next to it: the pages include both files, so the output shown is the
output the code produces. A script whose first lines say ``# requires: module`` is
skipped when that module is missing.

A ``visa-library: reference`` script opens ``ResourceManager(LIBRARY)``, ``LIBRARY``
being assigned a string literal on a line of its own (``LIBRARY = "/path/of/libvisa.so"``,
what a reader writes): the runner runs a copy of the script in which that literal is the
path of the reference library, and writes the literal back in place of that path in the
output. These examples are skipped when no C compiler can build the library.

The pyvisa-shell transcript is made from ``shell_session.cmds``: the commands are
piped into ``python -m pyvisa shell`` and written back after each prompt. The
pyvisa-info report of ``tools.rst`` is made when the site is built (the
``pyvisa-command-output`` directive of ``docs/_ext``); the JSON entry of a library with a
missing dependency shown there is compared with the diagnosis of such a library.

The pages are checked too: each example script is included by a page, every Python
code block that is not an included example is marked ``:class: not-runnable``, and
every ``:doc:``/``:ref:`` target exists.

The tests are skipped when ``docs/`` is not next to the package (an installed copy).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLES = DOCS / "examples"

pytestmark = pytest.mark.skipif(
    not (DOCS / "conf.py").is_file() or not EXAMPLES.is_dir(),
    reason="the documentation sources (docs/ next to the pyvisa package) are not "
    "available, e.g. in an installed copy of the package",
)
needs_sim = pytest.mark.skipif(
    importlib.util.find_spec("pyvisa_sim") is None,
    reason="the documentation examples run against pyvisa-sim, which is not installed",
)

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


def uses_reference_library(script: Path) -> bool:
    """Whether the script runs against the reference VISA library (its header says so)."""
    head = script.read_text(encoding="utf-8").splitlines()[:5]
    return any(re.match(r"#\s*visa-library:\s*reference\b", line) for line in head)


_LIBRARY_LINE = re.compile(r'^LIBRARY = "([^"\\]*)"', re.M)


def _run(arguments: list[str], script_name: str) -> str:
    completed = subprocess.run(
        arguments,
        cwd=EXAMPLES,
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
    )
    assert completed.returncode == 0, f"{script_name} failed:\n{completed.stderr}"
    return completed.stdout


def run_example(script: Path, library: str | None = None) -> str:
    """Run one example script in docs/examples and return its standard output.

    With ``library`` (a ``visa-library: reference`` script), a copy of the script whose
    ``LIBRARY`` literal is ``library`` is run (in docs/examples too), and the literal
    of the script replaces ``library`` in the output.
    """
    if library is None:
        return _run([sys.executable, script.name], script.name)
    source = script.read_text(encoding="utf-8")
    match = _LIBRARY_LINE.search(source)
    assert match, f'{script.name} has no line LIBRARY = "..." naming the VISA library'
    shown = match.group(1)
    source = source[: match.start()] + f"LIBRARY = {library!r}" + source[match.end() :]
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / script.name
        copy.write_text(source, encoding="utf-8")
        output = _run([sys.executable, str(copy)], script.name)
    return output.replace(library, shown)


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
def test_example_output(script: Path, request: pytest.FixtureRequest) -> None:
    for module in _requirements(script):
        pytest.importorskip(module, reason=f"{script.name} needs {module}")
    expected_file = script.with_suffix(".out")
    assert expected_file.is_file(), (
        f"{expected_file.name} (the output shown in the docs) is missing"
    )
    if uses_reference_library(script):
        library = request.getfixturevalue("reference_library")
        output = run_example(script, library)
    else:
        pytest.importorskip("pyvisa_sim", reason=f"{script.name} runs against pyvisa-sim")
        output = run_example(script)
    assert output == expected_file.read_text(encoding="utf-8")


@needs_sim
def test_shell_transcript() -> None:
    expected = (EXAMPLES / "shell_session.out").read_text(encoding="utf-8")
    assert shell_transcript() == expected


def _compile_library(folder: Path, name: str, source: str, *options: str) -> Path:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        pytest.skip("no C compiler to build the libraries of the pyvisa-info example")
    (folder / f"{name}.c").write_text(source, encoding="utf-8")
    target = folder / name
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-o", str(target), str(folder / f"{name}.c"), *options],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    return target


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an ELF library and its loader")
def test_info_json_excerpt(tmp_path: Path) -> None:
    """The library entry of pyvisa-info --json shown by tools.rst is what is reported.

    A library needing a dependency that was removed is diagnosed as pyvisa-info does;
    its folder is shown as /opt/vendor/lib64. The keys and their order must be those of
    the page, and so must the values that do not depend on the machine.
    """
    from pyvisa import diagnostics

    shown = json.loads((EXAMPLES / "info_missing_dependency.json").read_text(encoding="utf-8"))
    _compile_library(tmp_path, "libvisadep.so", "int dep(void) { return 1; }\n")
    library = _compile_library(
        tmp_path,
        "libvisa.so",
        "int dep(void);\nint viOpenDefaultRM(void *p) { return dep(); }\n",
        f"-L{tmp_path}",
        "-lvisadep",
    )
    (tmp_path / "libvisadep.so").unlink()
    text = json.dumps(diagnostics.diagnose_library(str(library)))
    report = json.loads(text.replace(str(tmp_path), "/opt/vendor/lib64"))

    assert list(report) == list(shown)
    machine = {"python_architecture", "architectures", "permissions", "load_error"}
    for key in report.keys() - machine:
        assert report[key] == shown[key], key
    for key in machine:
        assert type(report[key]) is type(shown[key]), key
    assert report["architectures"] == [report["python_architecture"]]
    assert "libvisadep.so" in report["load_error"]


def test_pyvisa_info_is_generated() -> None:
    """tools.rst shows the output of pyvisa-info made at build time, not a copy."""
    pytest.importorskip(
        "docutils", reason="the docs extension needs docutils (docs/requirements.txt)"
    )
    sys.path.insert(0, str(DOCS / "_ext"))
    try:
        from pyvisa_command_output import run_pyvisa_command
    finally:
        sys.path.remove(str(DOCS / "_ext"))
    page = (DOCS / "tools.rst").read_text(encoding="utf-8")
    match = re.search(r"^\.\. pyvisa-command-output:: info\n((?:   .*\n)+)", page, re.M)
    assert match, "tools.rst does not generate the pyvisa-info report"
    options = match.group(1).replace(":expect:", "", 1).splitlines()
    expected = [line.strip() for line in options if line.strip()]
    assert "Backends:" in expected, "the page does not check the headings of the report"
    completed = run_pyvisa_command(["info"])
    assert completed.returncode == 0, completed.stderr
    lines = {line.strip() for line in completed.stdout.splitlines()}
    assert [line for line in expected if line not in lines] == []


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
