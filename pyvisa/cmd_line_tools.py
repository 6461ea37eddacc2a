"""Command-line tools: ``pyvisa info``, ``pyvisa shell`` and their ``pyvisa-*`` aliases.

``pyvisa-info`` prints what is needed to diagnose an installation (machine, Python,
PyVISA and backends); ``pyvisa-shell [-b BACKEND]`` starts the interactive console of
:mod:`pyvisa.shell`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pyvisa", description="PyVISA command-line utilities.")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="{info,shell}")
    commands.required = True
    commands.add_parser(
        "info", help="print information to diagnose PyVISA (machine, Python, backends)"
    )
    shell = commands.add_parser("shell", help="start the interactive PyVISA shell")
    shell.add_argument(
        "-b",
        "--backend",
        default=None,
        help="backend to use, e.g. 'py', 'sim' or 'devices.yaml@sim' (default: the IVI VISA "
        "library)",
    )
    return parser


def visa_main(command: str | None = None, argv: Sequence[str] | None = None) -> None:
    """Run a PyVISA command-line tool.

    Parameters
    ----------
    command : str | None, optional
        The tool to run ("info" or "shell"); by default the first argument names it.
    argv : Sequence[str] | None, optional
        The arguments (without the program name), by default ``sys.argv[1:]``.

    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if command is not None:
        arguments.insert(0, command)
    args = _parser().parse_args(arguments)
    if args.command == "info":
        from .util import get_debug_info

        get_debug_info()
    else:
        _run_shell(args.backend)


def _run_shell(backend: str | None) -> None:
    from . import errors
    from .shell import VisaShell

    # "sim" or "@sim"; "path@sim" passes an argument too (e.g. a pyvisa-sim definition file).
    library = "" if not backend else backend if "@" in backend else "@" + backend
    try:
        shell = VisaShell(library)
    except (errors.Error, ValueError, OSError) as exc:
        # A missing library or backend: say so plainly instead of printing a traceback.
        sys.exit(f"Could not start the shell with {library or 'the default library'!r}: {exc}")
    shell.cmdloop()


def visa_shell() -> None:
    """Run the PyVISA shell (``pyvisa-shell [-b BACKEND]``)."""
    visa_main("shell")


def visa_info() -> None:
    """Print information to diagnose PyVISA (``pyvisa-info``)."""
    visa_main("info")


if __name__ == "__main__":
    visa_main()
