"""Console to talk to instruments (``pyvisa-shell``), for people and for scripts.

Type ``help`` in the console for the list of commands; the session is described in the
"PyVISA Shell" section of the documentation and in ``docs/tools.rst``.

Every command prints its result on ``sys.stdout``. A command never raises: the text of
any exception raised while it runs is printed instead, so a mistyped command or a
failing instrument leaves the session usable.

:class:`VisaShell` is the console of PyVISA 1.16.2, command for command (an empty line
repeats the previous command, as :class:`cmd.Cmd` does). ``pyvisa-shell`` runs
:class:`Console`, which adds what a session at a terminal or a script needs: an empty
line does nothing, Ctrl-C never ends in a traceback, the history is kept between
sessions, a timeout is explained, and the commands of a file or of a pipe run
unattended with an exit status telling whether one failed.
"""

import cmd
import os
import re
import sys
from collections.abc import Iterable
from typing import IO, Any

from . import attributes, constants, errors
from .errors import VisaIOError
from .highlevel import ResourceManager
from .thirdparty import prettytable
from .trace import console_command

_NO_RESOURCE = 'There are no resources in use. Use the command "open".'

# Termination characters shown by name by "termchar", and the names it accepts.
_TERMCHAR_NAMES = {"\r": "CR", "\n": "LF", "\r\n": "CRLF", "\0": "NUL"}
_TERMCHAR_VALUES: dict[str, str | None] = {name: char for char, name in _TERMCHAR_NAMES.items()}
_TERMCHAR_VALUES["None"] = None

# VISA types whose value typed by the user must be an integer.
_INTEGER_TYPES = ("ViUInt8", "ViUInt16", "ViUInt32", "ViInt8", "ViInt16", "ViInt32")

# Settings of message-based resources that are Python properties, not VISA attributes.
_PYTHON_SETTINGS = (
    "read_termination",
    "write_termination",
    "timeout",
    "chunk_size",
    "query_delay",
    "encoding",
)

#: Environment variable giving the history file of ``pyvisa-shell`` (empty for no history).
HISTORY_ENV = "PYVISA_SHELL_HISTORY"

#: History file used when :data:`HISTORY_ENV` is not set (``~`` is the user's home).
DEFAULT_HISTORY = os.path.join("~", ".pyvisa_shell_history")

# Escapes understood in the values of "open" options.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|.)")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "s": " ", "\\": "\\"}


def unescape(text: str) -> str:
    r"""Replace the escapes ``\n``, ``\r``, ``\t``, ``\0``, ``\s`` (space), ``\\`` and ``\xHH``.

    Parameters
    ----------
    text : str
        Text typed by the user.

    Returns
    -------
    str
        The text with each escape replaced by its character; an unknown escape is kept.

    """

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if len(code) == 3:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, match.group(0))

    return _ESCAPE.sub(replace, text)


def parse_open_arguments(args: str) -> tuple[str, list[tuple[str, str]]]:
    """Split the arguments of ``open`` into the resource and its ``name=value`` options.

    Parameters
    ----------
    args : str
        What follows ``open``, e.g. ``"ASRL1::INSTR baud_rate=115200"``.

    Returns
    -------
    tuple[str, list[tuple[str, str]]]
        The resource (number, name or alias) and the options, values not yet unescaped.
        When a word after the first one is not an option, the whole text is the
        resource and there is no option (an alias may contain spaces).

    """
    words = args.split()
    if len(words) > 1 and all("=" in word and not word.startswith("=") for word in words[1:]):
        return words[0], [tuple(word.split("=", 1)) for word in words[1:]]  # type: ignore[misc]
    return args, []


def _is_attribute(value: Any) -> bool:
    """Whether a class attribute of a resource describes a VISA attribute."""
    return isinstance(value, attributes.Attribute) or (
        isinstance(value, type) and issubclass(value, attributes.Attribute)
    )


def _scalar(text: str) -> Any:
    """Convert an option value without known type: None, booleans, numbers, else text."""
    if text in ("None", "True", "False"):
        return {"None": None, "True": True, "False": False}[text]
    for convert in (lambda t: int(t, 0), float):
        try:
            return convert(text)
        except ValueError:
            pass
    return unescape(text)


def convert_option(resource_class: type, name: str, text: str) -> Any:
    """Convert the text of an ``open`` option to the value of the attribute ``name``.

    Parameters
    ----------
    resource_class : type
        Class of the opened resource, whose attribute descriptors give the types.
    name : str
        Python name of the attribute (``baud_rate``, ``read_termination``...).
    text : str
        The value typed.

    Returns
    -------
    Any
        Terminations and encodings: the text with its escapes replaced (``None`` for
        none); booleans: True for "true", "1", "yes" or "on" (any case) and False for
        "false", "0", "no" or "off"; enumerations: the member of that name (any case)
        or number; other attributes: an int, float or text.

    Raises
    ------
    ValueError
        If the class has no such attribute, or the value does not fit its type.

    """
    descriptor = getattr(resource_class, name, None)
    if descriptor is None and name not in _PYTHON_SETTINGS:
        raise errors.InvalidArgument(f"{resource_class.__name__} has no attribute {name!r}")
    if name in ("read_termination", "write_termination", "encoding"):
        return None if text == "None" else unescape(text)
    if _is_attribute(descriptor):
        enum_type = getattr(descriptor, "enum_type", None)
        if enum_type is not None:
            members = {member.name.lower(): member for member in enum_type}
            if text.lower() in members:
                return members[text.lower()]
            try:
                return enum_type(int(text, 0))
            except ValueError:
                choices = ", ".join(sorted(members))
                raise errors.InvalidArgument(
                    f"{name} must be one of {choices} (or a number)"
                ) from None
        if getattr(descriptor, "visa_type", "") == "ViBoolean":
            lowered = text.lower()
            if lowered in ("true", "1", "yes", "on"):
                return True
            if lowered in ("false", "0", "no", "off"):
                return False
            raise errors.InvalidArgument(f"{name} must be True or False")
        if getattr(descriptor, "visa_type", "") in _INTEGER_TYPES and name != "timeout":
            try:
                return int(text, 0)
            except ValueError:
                raise errors.InvalidArgument(f"{name} must be an integer") from None
    return _scalar(text)


def settable_attributes(resource_class: type) -> list[str]:
    """Python names of the settings an ``open`` option can give to a resource class.

    Parameters
    ----------
    resource_class : type
        A resource class.

    Returns
    -------
    list[str]
        Sorted names of the writable VISA attributes of the class and of the Python
        settings of message-based resources (terminations, timeout...).

    """
    names = set()
    for name in dir(resource_class):
        if name.startswith("_"):
            continue
        value = getattr(resource_class, name, None)
        if _is_attribute(value) and getattr(value, "write", False):
            names.add(name)
        elif name in _PYTHON_SETTINGS:
            names.add(name)
    return sorted(names)


class VisaShell(cmd.Cmd):
    """Text console listing, opening and talking to the resources of a VISA library.

    Parameters
    ----------
    library_path : str, optional
        Library specification given to :class:`~pyvisa.highlevel.ResourceManager`
        (``"@sim"``, ``"devices.yaml@sim"``, ``"@py"``, a path...), by default the
        default library.

    """

    intro: str = "\nWelcome to the VISA shell. Type help or ? to list commands.\n"
    prompt = "(visa) "
    use_rawinput = True

    def __init__(self, library_path: str = ""):
        super().__init__()
        self.resource_manager: Any = ResourceManager(library_path)
        #: Whether a command reported a failure since the flag was last cleared.
        self.last_command_failed = False
        #: Prompt shown while no resource is open.
        self.default_prompt = self.prompt
        #: (name, alias) of the resources found by the last "list" (for completion).
        self.resources: list[tuple[str, str | None]] = []
        #: Resource opened with "open", if any.
        self.current: Any = None
        #: Python names of the attributes of the resource opened (for completion).
        self.py_attr: list[str] = []
        #: VISA names of the attributes of the resource opened (for completion).
        self.vi_attr: list[str] = []

    # -- failures -------------------------------------------------------------------

    def _fail(self, message: object) -> None:
        """Print why a command failed and remember that it did."""
        self.last_command_failed = True
        print(message)

    def _report(self, exc: BaseException) -> None:
        """Print the exception that made a command fail (its text only)."""
        self._fail(exc)

    def default(self, line: str) -> None:
        """Report an unknown command (as :class:`cmd.Cmd` does) as a failure."""
        self.last_command_failed = True
        super().default(line)

    # -- resources ------------------------------------------------------------------

    def do_list(self, args):
        """List all connected resources."""
        # Any argument silences the listing: "complete_open" only refreshes the list.
        try:
            infos = self.resource_manager.list_resources_info()
        except Exception as e:
            self._report(e)
            return
        self.resources = []
        for index, (name, info) in enumerate(infos.items()):
            if not args:
                print(f"({index:2d}) {name}")
                if info.alias:
                    print(f"     alias: {info.alias}")
            self.resources.append((name, info.alias or None))

    def do_open(self, args):
        """Open resource by number, resource name or alias: open 3

        Settings can follow, as name=value, to be applied before any message is
        exchanged (\\n, \\r, \\t, \\0 and \\s stand for LF, CR, tab, NUL and space):

            open ASRL1::INSTR baud_rate=115200 read_termination=\\n
        """
        if not args:
            self._fail("A resource name must be specified.")
            return
        if self.current:
            self._fail(
                "You can only open one resource at a time. Please close the current one first."
            )
            return
        args, options = parse_open_arguments(args)
        if args.isdigit():
            try:
                args = self.resources[int(args)][0]
            except IndexError:
                self._fail('Not a valid resource number. Use the command "list".')
                return
        try:
            resource = self.resource_manager.open_resource(args)
        except Exception as e:
            self._report(e)
            return
        try:
            self._apply_options(resource, options)
        except Exception as e:
            self._report(e)
            try:
                resource.close()
            except Exception:
                pass
            print("The resource has been closed again: correct the setting and open it again.")
            return
        try:
            self.current = resource
            print(
                f"{args} has been opened.\n"
                'You can talk to the device using "write", "read" or "query".\n'
                "The default end of message is added to each message."
            )
            self.py_attr = []
            self.vi_attr = []
            for attribute in getattr(self.current, "visa_attributes_classes", ()):
                if attribute.py_name:
                    self.py_attr.append(attribute.py_name)
                self.vi_attr.append(attribute.visa_name)
            self.prompt = "(open) "
        except Exception as e:
            self._report(e)

    def _apply_options(self, resource: Any, options: Iterable[tuple[str, str]]) -> None:
        """Give the ``name=value`` options of ``open`` to the resource just opened."""
        for name, text in options:
            try:
                if name.startswith("VI_"):
                    attribute_id = getattr(constants, name)
                    visa_type = attributes.AttributesByID[attribute_id].visa_type
                    value: Any = unescape(text)
                    if visa_type == "ViBoolean":
                        value = {"True": True, "False": False}[text]
                    elif visa_type in _INTEGER_TYPES:
                        value = int(text, 0)
                    resource.set_visa_attribute(attribute_id, value)
                else:
                    setattr(resource, name, convert_option(type(resource), name, text))
            except Exception as e:
                raise errors.InvalidArgument(f"Could not set {name}={text}: {e}") from e

    def _option_names(self, resource: str) -> list[str]:
        """Settings ``open`` accepts for a resource (for completion)."""
        if resource.isdigit() and int(resource) < len(self.resources):
            resource = self.resources[int(resource)][0]
        try:
            info = self.resource_manager.resource_info(resource)
            classes = type(self.resource_manager)._resource_classes
            return settable_attributes(classes[(info.interface_type, info.resource_class)])
        except Exception:
            names = {
                attribute.py_name
                for attribute in attributes.AttributesByID.values()
                if attribute.py_name and getattr(attribute, "write", False)
            }
            return sorted(names.union(_PYTHON_SETTINGS))

    def complete_open(self, text, line, begidx, endidx):
        """Complete resource names then aliases starting with ``text``, then settings."""
        before = line[:begidx] if isinstance(line, str) else ""
        words = before.split()
        if len(words) >= 2:
            return [f"{name}=" for name in self._option_names(words[1]) if name.startswith(text)]
        if not self.resources:
            self.do_list("do not print")
        names = [name for name, _ in self.resources if name.startswith(text)]
        aliases = [alias for _, alias in self.resources if alias and alias.startswith(text)]
        return names + aliases

    def do_close(self, args):
        """Close resource in use."""
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        try:
            self.current.close()
        except Exception as e:
            self._report(e)
        else:
            print("The resource has been closed.")
            self.current = None
            self.prompt = self.default_prompt

    # -- messages -------------------------------------------------------------------

    def do_query(self, args):
        """Query resource in use: query *IDN?"""
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        try:
            print(f"Response: {self.current.query(args)}")
        except Exception as e:
            self._report(e)

    def do_read(self, args):
        """Receive from the resource in use."""
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        try:
            print(self.current.read())
        except Exception as e:
            self._report(e)

    def do_write(self, args):
        """Send to the resource in use: write *IDN?"""
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        try:
            self.current.write(args)
        except Exception as e:
            self._report(e)

    # -- settings -------------------------------------------------------------------

    def do_timeout(self, args):
        """Get or set timeout (in ms) for resource in use.

        Get timeout:

            timeout

        Set timeout:

            timeout <mstimeout>
        """
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        args = args.strip()
        try:
            if not args:
                print(f"Timeout: {self.current.timeout}ms")
            else:
                self.current.timeout = float(args.split(" ")[0])
                print("Done")
        except Exception as e:
            self._report(e)

    def print_attribute_list(self):
        """Print the VISA attributes of the resource in use and their values as a table.

        Columns are "VISA name", "Constant", "Python name" and "val", rows are sorted by
        VISA name. A value that cannot be read shows the abbreviation of the VISA error,
        or the start of the error message for any other failure.
        """
        table = prettytable.PrettyTable(("VISA name", "Constant", "Python name", "val"))
        for attribute in getattr(self.current, "visa_attributes_classes", ()):
            try:
                value = self.current.get_visa_attribute(attribute.attribute_id)
            except VisaIOError as e:
                value = e.abbreviation
            except Exception as e:
                value = str(e)
                if len(value) > 10:
                    value = value[:10] + "..."
            table.add_row((attribute.visa_name, attribute.attribute_id, attribute.py_name, value))
        print(table.get_string(sortby="VISA name"))

    def do_attr(self, args):
        """Get or set VISA attributes.

        List all attributes:

            attr

        Get an attribute value (VISA name or Python name):

            attr <name>

        Set an attribute value (VISA name only):

            attr <name> <value>

        Tab completion proposes the attribute names, e.g. attr VI_ATTR_TMO_VALUE
        """
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        args = args.strip()
        if not args:
            self.print_attribute_list()
            return
        words = args.split(" ")
        if len(words) > 2:
            self._fail("Invalid syntax, use `attr <name>` to get; or `attr <name> <value>` to set")
            return
        name = words[0]
        if len(words) == 1:
            try:
                if name.startswith("VI_"):
                    print(self.current.get_visa_attribute(getattr(constants, name)))
                else:
                    print(getattr(self.current, name))
            except Exception as e:
                self._report(e)
            return
        if not name.startswith("VI_"):
            self._fail("Setting Resource Attributes by python name is not yet supported.")
            return
        try:
            attribute_id = getattr(constants, name)
            visa_type = attributes.AttributesByID[attribute_id].visa_type
            state: Any = words[1]
            status: Any = None
            if visa_type == "ViBoolean":
                if state in ("True", "False"):
                    state = state == "True"
                else:
                    status = constants.StatusCode.error_nonsupported_attribute_state
            elif visa_type in _INTEGER_TYPES:
                try:
                    state = int(state)
                except ValueError:
                    status = constants.StatusCode.error_nonsupported_attribute_state
            if not status:
                status = self.current.set_visa_attribute(attribute_id, state)
            if status:
                self._fail(f"Error {status!s}")
            else:
                print("Done")
        except Exception as e:
            self._report(e)

    def complete_attr(self, text, line, begidx, endidx):
        """Complete Python names then VISA names of attributes starting with ``text``."""
        return [name for name in self.py_attr if name.startswith(text)] + [
            name for name in self.vi_attr if name.startswith(text)
        ]

    def do_termchar(self, args):
        """Get or set termination character for resource in use.

        <termchar> can be one of: CR, LF, CRLF, NUL or None.
        None is used to disable termination character.

        Get termination character:

            termchar

        Set termination character read or read+write:

            termchar <termchar> [<termchar>]
        """
        if not self.current:
            self._fail(_NO_RESOURCE)
            return
        args = args.strip()
        if not args:
            try:
                read = self.current.read_termination
                write = self.current.write_termination
                read = _TERMCHAR_NAMES.get(read, read)
                write = _TERMCHAR_NAMES.get(write, write)
                print(f"Termchar read: {read} write: {write}")
            except Exception as e:
                self._report(e)
            # As in PyVISA 1.16.2, a bare "termchar" also prints the accepted names.
            print("use CR, LF, CRLF, NUL or None to set termchar")
            return
        names = args.split(" ")
        if len(names) > 2:
            self._fail(
                "Invalid syntax, use `termchar <termchar>` to set both read_termination "
                "and write_termination to the same value, or `termchar <read_termchar> "
                "<write_termchar>` to use distinct values."
            )
            return
        read_name, write_name = names[0], names[-1]
        if read_name not in _TERMCHAR_VALUES or write_name not in _TERMCHAR_VALUES:
            self._fail("use CR, LF, CRLF, NUL or None to set termchar")
            return
        try:
            self.current.read_termination = _TERMCHAR_VALUES[read_name]
            self.current.write_termination = _TERMCHAR_VALUES[write_name]
            print("Done")
        except Exception as e:
            self._report(e)

    def complete_termchar(self, text, line, begidx, endidx):
        """Complete the names of termination characters."""
        return [name for name in _TERMCHAR_VALUES if name.startswith(text)]

    # -- leaving --------------------------------------------------------------------

    def do_exit(self, arg):
        """Exit the shell session."""
        try:
            if self.current:
                self.current.close()
                self.current = None
                self.prompt = self.default_prompt
        except Exception as e:
            self._report(e)
        return True

    def do_EOF(self, arg):
        """Exit the shell session at the end of the input (Ctrl-D)."""
        return self.do_exit(arg)


def history_path(environ: Any = None) -> str | None:
    """Return the file keeping the command history of ``pyvisa-shell``.

    Parameters
    ----------
    environ : Mapping[str, str], optional
        Environment to read :data:`HISTORY_ENV` from, by default ``os.environ``.

    Returns
    -------
    str | None
        The path given by :data:`HISTORY_ENV` (``~`` expanded), :data:`DEFAULT_HISTORY`
        in the user's home when the variable is not set, None (no history is kept) when
        it is set to an empty value.

    """
    environ = os.environ if environ is None else environ
    value = environ.get(HISTORY_ENV)
    if value is None:
        return os.path.expanduser(DEFAULT_HISTORY)
    if not value.strip():
        return None
    return os.path.expanduser(value)


def _termination_text(value: Any) -> str:
    if value is None:
        return "None"
    if isinstance(value, str) and value in _TERMCHAR_NAMES:
        return f"{_TERMCHAR_NAMES[value]} ({value!r})"
    return repr(value)


def timeout_hint(resource: Any, received: bytes | None) -> str:
    """Explain a timeout: what arrived so far and the terminations in use.

    Parameters
    ----------
    resource : Any
        The resource whose read or query timed out.
    received : bytes | None
        Bytes the backend handed over before the timeout, None when unknown.

    Returns
    -------
    str
        A few lines starting with "Hint:".

    """
    lines = [f"Hint: no complete message arrived within {getattr(resource, 'timeout', '?')} ms."]
    if received is not None:
        got = f"{len(received)}: {bytes(received)!r}" if received else "none"
        lines.append(f"  Bytes received so far: {got}")
    read = _termination_text(getattr(resource, "read_termination", None))
    write = _termination_text(getattr(resource, "write_termination", None))
    lines.append(f"  Terminations in use: read {read}, write {write}.")
    lines.append(
        "  A termination the instrument does not use is the most common cause: "
        'change them with "termchar" (or open with read_termination=... '
        "write_termination=...), or raise the timeout."
    )
    return "\n".join(lines)


class _ReadRecorder:
    """Record the bytes a backend returns to ``read`` while a command runs."""

    def __init__(self, resource: Any) -> None:
        self.visalib: Any = getattr(resource, "visalib", None)
        self.received: bytearray | None = None
        self._saved: Any = None

    def __enter__(self) -> "_ReadRecorder":
        visalib = self.visalib
        original = getattr(visalib, "read", None)
        if original is None:
            return self
        self.received = bytearray()
        self._saved = visalib.__dict__.get("read", _MISSING)

        def read(session: Any, count: int) -> Any:
            result = original(session, count)
            try:
                self.received += result[0]
            except Exception:
                pass
            return result

        try:
            visalib.read = read
        except Exception:
            self._saved = None
            self.received = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._saved is None:
            return
        if self._saved is _MISSING:
            del self.visalib.read
        else:
            self.visalib.read = self._saved
        self._saved = None


_MISSING = object()


class Console(VisaShell):
    """The console run by ``pyvisa-shell``: :class:`VisaShell` for terminals and scripts.

    Differences with :class:`VisaShell` (whose commands and texts are kept):

    - an empty line does nothing (``cmd.Cmd`` repeats the previous command, which could
      send a ``write`` again);
    - Ctrl-C during a command stops it with a short message, never a traceback;
    - after a timeout, a hint shows the bytes received and the terminations in use;
    - :meth:`run_script` runs commands without prompts and tells whether one failed;
    - at a terminal, the command history is read from and saved to ``history_file``,
      and completion works on resource names (their ``::`` included).

    Parameters
    ----------
    library_path : str, optional
        Library specification given to the resource manager, by default the default
        library.
    history_file : str | None, optional
        File keeping the history of interactive sessions, None (the default) for none.
    interactive : bool, optional
        Whether a person types the commands (history, completion, a new line at Ctrl-D),
        by default False.

    """

    def __init__(
        self,
        library_path: str = "",
        history_file: str | None = None,
        interactive: bool = False,
    ) -> None:
        super().__init__(library_path)
        #: History file of interactive sessions, or None for no history.
        self.history_file = history_file
        #: Whether a person types the commands.
        self.interactive = interactive
        #: Number of commands that failed.
        self.failures = 0
        #: Whether the last command was interrupted by Ctrl-C.
        self.interrupted = False
        self._recorder: _ReadRecorder | None = None
        self._readline: Any = None
        self._old_delims: str | None = None

    # -- commands -------------------------------------------------------------------

    def emptyline(self) -> bool:
        """Do nothing for an empty line (instead of repeating the previous command)."""
        return False

    def onecmd(self, line: str) -> bool:
        """Run one command line; count its failure; turn Ctrl-C into a message."""
        self.last_command_failed = False
        self.interrupted = False
        words = line.split(None, 1)
        record = bool(words) and words[0] in ("read", "query") and bool(self.current)
        stop: Any = False
        try:
            if record:
                with _ReadRecorder(self.current) as self._recorder:
                    stop = super().onecmd(line)
            else:
                stop = super().onecmd(line)
        except KeyboardInterrupt:
            self.interrupted = True
            self._fail("Interrupted.")
        except Exception as exc:  # commands catch their errors; this is a safety net
            self._report(exc)
        finally:
            self._recorder = None
        if self.last_command_failed:
            self.failures += 1
        return bool(stop)

    def _report(self, exc: BaseException) -> None:
        super()._report(exc)
        if isinstance(exc, VisaIOError) and exc.error_code == constants.StatusCode.error_timeout:
            recorder = self._recorder
            received = None if recorder is None else recorder.received
            if self.current:
                print(timeout_hint(self.current, None if received is None else bytes(received)))

    def do_EOF(self, arg):
        """Exit the shell session at the end of the input (Ctrl-D)."""
        if self.interactive:
            print()
        return self.do_exit(arg)

    def do_trace(self, args):
        """Trace resource I/O as JSON lines: ``trace on <file>``, ``trace off``, ``trace``."""
        print(console_command(args))

    # -- terminal -------------------------------------------------------------------

    def complete(self, text, state):
        """Complete like :class:`cmd.Cmd`, adding a space after a word completed in full."""
        if state == 0:
            super().complete(text, state)
            matches: list[str] = self.completion_matches or []
            if len(matches) == 1 and not matches[0].endswith(("=", " ")):
                self.completion_matches = [matches[0] + " "]
        try:
            return (self.completion_matches or [])[state]
        except IndexError:
            return None

    def preloop(self) -> None:
        """At a terminal: load the history once, make ``::`` part of completed words."""
        if not self.interactive:
            return
        if self._readline is None:
            try:
                import readline
            except ImportError:
                return
            self._readline = readline
            readline.set_history_length(1000)
            if self.history_file and os.path.exists(self.history_file):
                try:
                    readline.read_history_file(self.history_file)
                except OSError:
                    pass
            if "libedit" in (readline.__doc__ or ""):
                readline.parse_and_bind("bind ^I rl_complete")
        self._old_delims = self._readline.get_completer_delims()
        self._readline.set_completer_delims(" \t\n")

    def postloop(self) -> None:
        """At a terminal: save the history, restore the completion settings."""
        self.save_history()
        if self._readline is not None and self._old_delims is not None:
            self._readline.set_completer_delims(self._old_delims)
            self._old_delims = None

    def save_history(self) -> None:
        """Write the history of this session to :attr:`history_file` (if any)."""
        if self._readline is None or not self.history_file:
            return
        try:
            directory = os.path.dirname(self.history_file)
            if directory:
                os.makedirs(directory, exist_ok=True)
            self._readline.write_history_file(self.history_file)
        except OSError as exc:
            print(f"The history could not be saved to {self.history_file}: {exc}", file=sys.stderr)

    # -- scripts --------------------------------------------------------------------

    def run_script(
        self, lines: Iterable[str], name: str = "<stdin>", keep_going: bool = False
    ) -> int:
        """Run commands one per line, without prompts; close the resource at the end.

        Empty lines and lines starting with ``#`` are skipped. A failed command is
        reported on ``sys.stderr`` with its line number.

        Parameters
        ----------
        lines : Iterable[str]
            The commands.
        name : str, optional
            Name of the script in the messages, by default "<stdin>".
        keep_going : bool, optional
            Run the remaining commands after a failure, by default False (stop at the
            first one). Ctrl-C always stops the script.

        Returns
        -------
        int
            0 when every command succeeded, 1 when one failed, 130 when interrupted.

        """
        status = 0
        try:
            for number, raw in enumerate(lines, 1):
                line = raw.strip()
                if not line or line.startswith("#"):
                    continue
                stop = self.onecmd(line)
                if self.last_command_failed:
                    status = 130 if self.interrupted else 1
                    print(f"{name}:{number}: {line!r} failed", file=sys.stderr)
                    if self.interrupted or not keep_going:
                        break
                if stop:
                    break
        except KeyboardInterrupt:
            print("Interrupted.")
            status = 130
        finally:
            if self.current:
                self.do_exit("")
        return status


def run(
    library_path: str = "",
    script: str | None = None,
    keep_going: bool = False,
    stdin: IO[str] | None = None,
) -> int:
    """Run ``pyvisa-shell``: a session at a terminal, or the commands of a script or a pipe.

    Parameters
    ----------
    library_path : str, optional
        Library specification given to the resource manager, by default the default
        library.
    script : str | None, optional
        File of commands to run without prompts ("-" for the standard input). By
        default, a session is run on the standard input: at a terminal with history and
        completion, from a pipe as PyVISA 1.16.2 does (the intro and the prompts are
        printed).
    keep_going : bool, optional
        In a script, run the commands following a failed one, by default False.
    stdin : IO[str] | None, optional
        Standard input to use, by default ``sys.stdin``.

    Returns
    -------
    int
        Exit status: 0 when no command failed (always at a terminal), 1 when one did,
        130 when Ctrl-C interrupted a script or a pipe.

    """
    stdin = sys.stdin if stdin is None else stdin
    if script is not None:
        shell = Console(library_path)
        if script == "-":
            return shell.run_script(stdin, "<stdin>", keep_going)
        with open(script, encoding="utf-8") as handle:
            return shell.run_script(handle, script, keep_going)
    try:
        interactive = stdin.isatty()
    except (AttributeError, ValueError):
        interactive = False
    shell = Console(library_path, history_path() if interactive else None, interactive)
    if stdin is not sys.stdin:
        shell.stdin = stdin
        shell.use_rawinput = False
    intro = None
    while True:
        try:
            shell.cmdloop(intro)
            break
        except KeyboardInterrupt:
            if not interactive:
                print("\nInterrupted.")
                if shell.current:
                    shell.do_exit("")
                return 130
            # Ctrl-C at the prompt: forget the line typed, keep the session.
            print("\n(Ctrl-C: type exit or press Ctrl-D to leave the shell)")
            intro = ""
    if interactive:
        return 0
    return 1 if shell.failures else 0


def main(library_path=""):
    """Run ``pyvisa-shell`` on the given library until the user leaves it.

    A :class:`Console` reads the commands from the standard input (see :func:`run`).

    Parameters
    ----------
    library_path : str, optional
        Library specification given to the resource manager, by default the default
        library.

    Returns
    -------
    int
        The exit status of :func:`run` (PyVISA 1.16.2 returns None).

    """
    return run(library_path)
