"""Sphinx extension: the output of a ``python -m pyvisa`` command, run when the docs are built.

``.. pyvisa-command-output:: info`` runs ``python -m pyvisa info`` (the interpreter
building the documentation, the package of the checkout next to ``docs/``) and shows
what it printed, as a text block. What ``pyvisa-info`` reports depends on the machine,
so a transcript written once would be someone else's machine or an abbreviation; this
one is the real output of the machine that built the page. It runs offline: the
command only inspects the installation.

The command must succeed and print something, and the output must contain each line
given in the ``:expect:`` option (one per line of the option, compared without the
leading and trailing spaces, e.g. the headings of the report): otherwise the directive emits a warning, which fails a build run with ``-W``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: Seconds a command may take.
TIMEOUT = 120

ROOT = Path(__file__).resolve().parents[2]


def run_pyvisa_command(arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pyvisa *arguments`` with the package of the checkout."""
    env = dict(os.environ)
    env.pop("PYVISA_LIBRARY", None)
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + path if path else "")
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "pyvisa", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


class PyvisaCommandOutput(SphinxDirective):
    """Show the standard output of ``python -m pyvisa <arguments>``."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {"expect": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        arguments = shlex.split(self.arguments[0])
        command = "python -m pyvisa " + shlex.join(arguments)
        try:
            completed = run_pyvisa_command(arguments)
        except (OSError, subprocess.SubprocessError) as error:
            logger.warning("%s could not run: %s", command, error, location=self.get_location())
            return []
        output = completed.stdout.rstrip()
        if completed.returncode != 0 or not output:
            logger.warning(
                "%s failed (exit status %s):\n%s",
                command,
                completed.returncode,
                completed.stderr,
                location=self.get_location(),
            )
        lines = {line.strip() for line in output.splitlines()}
        for expected in (self.options.get("expect") or "").splitlines():
            if expected.strip() and expected.strip() not in lines:
                logger.warning(
                    "the output of %s has no line %r",
                    command,
                    expected.strip(),
                    location=self.get_location(),
                )
        block = nodes.literal_block(output, output)
        block["language"] = "text"
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("pyvisa-command-output", PyvisaCommandOutput)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
