"""Command-line tools: ``pyvisa-info`` and ``pyvisa-shell``.

``pyvisa-info`` prints what is needed to diagnose an installation (machine, Python,
PyVISA and backends); ``pyvisa-shell [-b BACKEND] [-v]`` starts the interactive console
of :mod:`pyvisa.shell`. Each tool has its own argument parser. ``pyvisa info ...`` and
``pyvisa shell ...`` (or ``python -m pyvisa ...``) run the same tools.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

# Log level of the shell for each number of "-v" given (more than two: everything).
_VERBOSITY_LEVELS = {0: logging.WARNING, 1: logging.INFO}


def get_shell_parser() -> argparse.ArgumentParser:
    """Build the parser of the arguments of ``pyvisa-shell``.

    Returns
    -------
    argparse.ArgumentParser
        Parser accepting ``--backend/-b BACKEND`` (stored as ``backend``, None by
        default) and ``-v`` repeated to show more log messages (counted in
        ``verbosity``).

    """
    parser = argparse.ArgumentParser(description="PyVISA interactive console")
    parser.add_argument(
        "--backend",
        "-b",
        dest="backend",
        action="store",
        default=None,
        help="backend to be used (default: ivi), e.g. 'py', 'sim' or 'devices.yaml@sim'",
    )
    parser.add_argument(
        "-v",
        dest="verbosity",
        action="count",
        default=0,
        help="show more log messages: -v for information, -vv for debugging (default: warnings)",
    )
    return parser


def get_info_parser() -> argparse.ArgumentParser:
    """Build the parser of the arguments of ``pyvisa-info`` (which takes none).

    Returns
    -------
    argparse.ArgumentParser
        Parser accepting only ``--help``.

    """
    return argparse.ArgumentParser(description="PyVISA diagnostic information tool")


def _create_backend_str(args: argparse.Namespace) -> str:
    """Turn the ``--backend`` option into a library specification.

    Parameters
    ----------
    args : argparse.Namespace
        Parsed arguments of ``pyvisa-shell``.

    Returns
    -------
    str
        "" when no backend was given, the option unchanged when it already holds an
        "@" ("@py", "devices.yaml@sim"), else the option prefixed by "@" ("sim" gives
        "@sim").

    """
    if not args.backend:
        return ""
    if "@" in args.backend:
        return args.backend
    return "@" + args.backend


def _info(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> None:
    parser.parse_args(argv)

    from .util import get_debug_info

    get_debug_info()


def _shell(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> None:
    args = parser.parse_args(argv)
    level = _VERBOSITY_LEVELS.get(args.verbosity, logging.DEBUG)
    logging.basicConfig(level=level)
    logging.getLogger("pyvisa").setLevel(level)

    from . import errors, shell

    backend = _create_backend_str(args)
    try:
        shell.main(backend)
    except (errors.Error, ValueError, OSError) as exc:
        # A missing library or backend: say so plainly instead of printing a traceback.
        sys.exit(f"Could not start the shell with {backend or 'the default library'!r}: {exc}")


def visa_shell() -> None:
    """Run the PyVISA shell (``pyvisa-shell [-b BACKEND] [-v]``) on ``sys.argv``."""
    _shell(None, get_shell_parser())


def visa_info() -> None:
    """Print information to diagnose PyVISA (``pyvisa-info``)."""
    _info(None, get_info_parser())


def visa_main(command: str | None = None, argv: Sequence[str] | None = None) -> None:
    """Run ``pyvisa info`` or ``pyvisa shell`` (the ``pyvisa`` script, ``python -m pyvisa``).

    Parameters
    ----------
    command : str | None, optional
        The tool to run ("info" or "shell"); by default the first argument names it.
    argv : Sequence[str] | None, optional
        The arguments (without the program name), by default ``sys.argv[1:]``.

    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if command is None:
        parser = argparse.ArgumentParser(prog="pyvisa", description="PyVISA command-line tools")
        parser.add_argument("command", choices=("info", "shell"), help="tool to run")
        parser.add_argument("arguments", nargs=argparse.REMAINDER, help="its arguments")
        parsed = parser.parse_args(arguments)
        command, arguments = parsed.command, parsed.arguments
    if command == "info":
        info_parser = get_info_parser()
        info_parser.prog = "pyvisa info"
        _info(arguments, info_parser)
    elif command == "shell":
        shell_parser = get_shell_parser()
        shell_parser.prog = "pyvisa shell"
        _shell(arguments, shell_parser)
    else:
        raise ValueError(f"Unknown command {command!r}: use 'info' or 'shell'.")


if __name__ == "__main__":
    visa_main()
