"""Command-line tools: ``pyvisa-info`` and ``pyvisa-shell``.

``pyvisa-info [--json]`` prints what is needed to diagnose an installation (machine,
Python, PyVISA and backends), as text or as one JSON document; ``pyvisa-shell [-b
BACKEND] [-v] [--keep-going] [--trace FILE] [SCRIPT]`` starts the console of
:mod:`pyvisa.shell`, or runs the commands of SCRIPT. Each tool has its own argument
parser. ``pyvisa info ...`` and ``pyvisa shell ...`` (or ``python -m pyvisa ...``) run the
same tools.

The options added to PyVISA 1.16.2 (``--json``, ``SCRIPT``, ``--keep-going``,
``--trace``) have no default value in the parsed namespace: without them, the parsers give
exactly the namespace of 1.16.2.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from . import errors

# Log level of the shell for each number of "-v" given (more than two: everything).
_VERBOSITY_LEVELS = {0: logging.WARNING, 1: logging.INFO}


def get_shell_parser() -> argparse.ArgumentParser:
    """Build the parser of the arguments of ``pyvisa-shell``.

    Returns
    -------
    argparse.ArgumentParser
        Parser accepting ``--backend/-b BACKEND`` (stored as ``backend``, None by
        default), ``-v`` repeated to show more log messages (counted in
        ``verbosity``) and, beyond PyVISA 1.16.2, an existing ``script`` file ("-"
        for the standard input), ``--keep-going`` (``keep_going``) and ``--trace FILE``
        (``trace``, see :mod:`pyvisa.trace`); these three are only in the namespace when
        given.

    """
    parser = argparse.ArgumentParser(
        description="PyVISA interactive console",
        epilog=(
            "Without SCRIPT, the commands are read from the standard input: at a terminal "
            "with completion and a history kept in ~/.pyvisa_shell_history (set "
            "PYVISA_SHELL_HISTORY to another file, or to an empty value for none)."
        ),
    )
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
    parser.add_argument(
        "script",
        nargs="?",
        type=_script_file,
        default=argparse.SUPPRESS,
        help="file of commands, one per line, run without prompts ('-': standard input); "
        "the exit status is 1 when a command failed",
    )
    parser.add_argument(
        "--keep-going",
        "-k",
        dest="keep_going",
        action="store_true",
        default=argparse.SUPPRESS,
        help="in a script, go on after a failed command (default: stop at the first one)",
    )
    parser.add_argument(
        "--trace",
        dest="trace",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="append a JSON line per resource operation to FILE ('-': standard error); "
        "the shell command 'trace' switches it off or to another file",
    )
    return parser


def _script_file(value: str) -> str:
    """Check the script argument of ``pyvisa-shell`` names a readable file (or is "-")."""
    if value in ("-", argparse.SUPPRESS):
        return value  # argparse also passes the (suppressed) default here
    if not os.path.isfile(value):
        raise argparse.ArgumentTypeError(f"no such script file: {value!r}")
    return value


def get_info_parser() -> argparse.ArgumentParser:
    """Build the parser of the arguments of ``pyvisa-info``.

    Returns
    -------
    argparse.ArgumentParser
        Parser accepting ``--json`` (beyond PyVISA 1.16.2, which takes no argument:
        ``json`` is True when given and absent from the namespace otherwise).

    """
    parser = argparse.ArgumentParser(description="PyVISA diagnostic information tool")
    parser.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the report as one JSON document, with a diagnosis of every VISA "
        "library that cannot be loaded",
    )
    return parser


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
    args = parser.parse_args(argv)
    if getattr(args, "json", False):
        from .diagnostics import get_report, report_to_json

        print(report_to_json(get_report()))
        return

    from .diagnostics import get_debug_info

    get_debug_info()


def _shell(argv: Sequence[str] | None, parser: argparse.ArgumentParser) -> None:
    args = parser.parse_args(argv)
    level = _VERBOSITY_LEVELS.get(args.verbosity, logging.DEBUG)
    logging.basicConfig(level=level)
    logging.getLogger("pyvisa").setLevel(level)

    from . import shell, trace

    backend = _create_backend_str(args)
    script = getattr(args, "script", None)
    keep_going = getattr(args, "keep_going", False)
    trace_file = getattr(args, "trace", None)
    if trace_file is not None:
        try:
            trace.set_console_trace(trace_file)
        except OSError as exc:
            sys.exit(f"Could not write the trace to {trace_file!r}: {exc}")
    try:
        if script is None and not keep_going:
            status = shell.main(backend)
        else:
            status = shell.run(backend, script, keep_going=keep_going)
    except (errors.Error, ValueError, OSError) as exc:
        # A missing library or backend: say so plainly instead of printing a traceback.
        sys.exit(f"Could not start the shell with {backend or 'the default library'!r}: {exc}")
    except KeyboardInterrupt:
        sys.exit(130)
    finally:
        trace.set_console_trace(None)
    if status:
        sys.exit(status)


def visa_shell() -> None:
    """Run the PyVISA shell (``pyvisa-shell [-b BACKEND] [-v] [--trace FILE] [SCRIPT]``)."""
    _shell(None, get_shell_parser())


def visa_info() -> None:
    """Print information to diagnose PyVISA (``pyvisa-info [--json]``)."""
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
        raise errors.InvalidArgument(f"Unknown command {command!r}: use 'info' or 'shell'.")


if __name__ == "__main__":
    visa_main()
