"""Interactive console to talk to instruments (``pyvisa-shell``).

Type ``help`` in the console for the list of commands; the session is described in the
"PyVISA Shell" section of the documentation.
"""

from __future__ import annotations

import ast
import cmd
import math
import sys
from collections.abc import Sequence
from typing import IO, Any, cast

from . import constants, errors
from .attributes import Attribute
from .highlevel import ResourceManager, VisaLibraryBase
from .resources import MessageBasedResource, Resource

#: Names accepted by the ``termchar`` command and the termination they stand for.
TERMCHARS: dict[str, str | None] = {
    "CR": "\r",
    "LF": "\n",
    "CRLF": "\r\n",
    "NUL": "\0",
    "None": None,
}

_TERMCHAR_NAMES = {value or "": name for name, value in TERMCHARS.items()}

_NO_RESOURCE = 'There are no resources in use. Use the command "open".'


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Lay out rows of text as a table with ASCII borders.

    Parameters
    ----------
    header : Sequence[str]
        Titles of the columns.
    rows : Sequence[Sequence[str]]
        Cells of each row, as many as there are titles.

    Returns
    -------
    str
        The table, one line per row plus the borders, without a final newline.

    """
    widths = [len(title) for title in header]
    for row in rows:
        widths = [max(width, len(cell)) for width, cell in zip(widths, row, strict=True)]
    rule = "+" + "+".join("-" * (width + 2) for width in widths) + "+"

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    return "\n".join([rule, line(header), rule, *map(line, rows), rule])


def parse_value(text: str) -> Any:
    """Convert the text typed for an attribute value into a Python value.

    Python literals (``9600``, ``0x0A``, ``True``, ``'abc'``) give their value, a
    ``VI_*`` name gives the value of that constant and anything else stays a string.

    Parameters
    ----------
    text : str
        The text typed by the user.

    Returns
    -------
    Any
        The value.

    """
    text = text.strip()
    if text.startswith("VI_") and isinstance(getattr(constants, text, None), int):
        return getattr(constants, text)
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


class VisaShell(cmd.Cmd):
    """Text console listing, opening and talking to the resources of a VISA library.

    Parameters
    ----------
    library_path : str | VisaLibraryBase, optional
        Library specification given to :class:`~pyvisa.highlevel.ResourceManager`
        (``"@sim"``, ``"@py"``, a path...), by default the default library.
    stdin : IO[str] | None, optional
        Stream the commands are read from, by default ``sys.stdin``.
    stdout : IO[str] | None, optional
        Stream the results are written to, by default whatever ``sys.stdout`` is when
        writing.

    """

    intro = "\nWelcome to the VISA shell. Type help or ? to list commands.\n"
    prompt = "(visa) "

    def __init__(
        self,
        library_path: str | VisaLibraryBase = "",
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
    ) -> None:
        self._stdout: IO[str] | None = None
        super().__init__(stdin=stdin, stdout=stdout)
        self.resource_manager = ResourceManager(library_path)
        #: Resource opened with "open", if any.
        self.current: Resource | None = None
        #: (name, alias) of the resources shown by the last "list".
        self.resources: list[tuple[str, str | None]] = []

    # cmd.Cmd writes to self.stdout; following sys.stdout when no stream was given lets
    # callers redirect the output after the shell is created.
    @property
    def stdout(self) -> IO[str]:
        return self._stdout if self._stdout is not None else sys.stdout

    @stdout.setter
    def stdout(self, stream: IO[str]) -> None:
        self._stdout = None if stream is sys.stdout else stream

    def _print(self, text: str) -> None:
        self.stdout.write(text + "\n")

    # -- console behaviour ----------------------------------------------------------

    def cmdloop(self, intro: Any | None = None) -> None:
        """Repeatedly read and run commands until "exit" or end of input.

        Ctrl-C abandons the command being typed or run and goes back to the prompt.
        """
        while True:
            try:
                super().cmdloop(intro)
                return
            except KeyboardInterrupt:
                self._print("^C")
                intro = ""

    def onecmd(self, line: str) -> bool:
        """Run one command, printing the errors it raises instead of propagating them."""
        try:
            return super().onecmd(line)
        except errors.Error as exc:
            self._print(str(exc))
        except Exception as exc:
            self._print(f"{type(exc).__name__}: {exc}")
        return False

    def emptyline(self) -> bool:
        """Do nothing on an empty line (instead of repeating the last command)."""
        return False

    def _complete_from(
        self, choices: Sequence[str], line: str, begidx: int, endidx: int
    ) -> list[str]:
        # readline splits words at ":", so complete the whole argument typed so far and
        # return only the part after the word being completed.
        _, _, argument = line[:endidx].partition(" ")
        argument = argument.lstrip()
        offset = len(argument) - (endidx - begidx)
        return [choice[offset:] for choice in choices if choice.startswith(argument)]

    def _require_resource(self) -> Resource | None:
        if self.current is None:
            self._print(_NO_RESOURCE)
        return self.current

    def _require_message_based(self) -> MessageBasedResource | None:
        resource = self._require_resource()
        if resource is None or isinstance(resource, MessageBasedResource):
            return resource
        self._print(
            f"This command needs a message-based resource, not a {type(resource).__name__}."
        )
        return None

    # -- resources ------------------------------------------------------------------

    def _fetch_resources(self, query: str) -> None:
        try:
            infos = self.resource_manager.list_resources_info(query)
        except errors.VisaIOError as exc:
            if exc.error_code != constants.StatusCode.error_resource_not_found:
                raise
            infos = {}
        self.resources = [(name, info.alias) for name, info in infos.items()]

    def do_list(self, args: str) -> None:
        """List all connected resources."""
        self._fetch_resources(args.strip() or "?*::INSTR")
        if not self.resources:
            self._print("No resource found.")
        for index, (name, alias) in enumerate(self.resources):
            self._print(f"({index:2d}) {name}")
            if alias:
                self._print(f"     alias: {alias}")

    def do_open(self, args: str) -> None:
        """Open resource by number, resource name or alias: open 3"""
        args = args.strip()
        if not args:
            self._print('A resource name, alias or number from "list" is required.')
            return
        if self.current is not None:
            self._print(
                "You can only open one resource at a time. Please close the current one first."
            )
            return
        if args.isdigit():
            index = int(args)
            if index >= len(self.resources):
                self._print('Not a valid resource number. Use the command "list".')
                return
            args = self.resources[index][0]
        self.current = self.resource_manager.open_resource(args)
        self._print(
            f"{args} has been opened.\n"
            'You can talk to the device using "write", "read" or "query".\n'
            "The default end of message is added to each message."
        )
        self.prompt = "(open) "

    def complete_open(self, text: str, line: str, begidx: int, endidx: int) -> list[str]:
        """Complete resource names and aliases."""
        if not self.resources:
            self._fetch_resources("?*::INSTR")
        choices = [name for pair in self.resources for name in pair if name]
        return self._complete_from(choices, line, begidx, endidx)

    def do_close(self, args: str) -> None:
        """Close resource in use."""
        resource = self._require_resource()
        if resource is None:
            return
        self.current = None
        self.prompt = "(visa) "
        resource.close()
        self._print("The resource has been closed.")

    # -- messages -------------------------------------------------------------------

    def do_query(self, args: str) -> None:
        """Query resource in use: query *IDN?"""
        resource = self._require_message_based()
        if resource is not None:
            self._print(resource.query(args))

    def do_read(self, args: str) -> None:
        """Receive from the resource in use."""
        resource = self._require_message_based()
        if resource is not None:
            self._print(resource.read())

    def do_write(self, args: str) -> None:
        """Send to the resource in use: write *RST"""
        resource = self._require_message_based()
        if resource is not None:
            resource.write(args)

    # -- settings -------------------------------------------------------------------

    def do_timeout(self, args: str) -> None:
        """Get or set timeout (in ms) for resource in use.

        Get timeout:

            timeout

        Set timeout ("inf" for no timeout):

            timeout <mstimeout>
        """
        resource = self._require_resource()
        if resource is None:
            return
        args = args.strip()
        if not args:
            timeout = resource.timeout
            if math.isinf(timeout):
                self._print("Timeout: infinite")
            else:
                shown = int(timeout) if float(timeout).is_integer() else timeout
                self._print(f"Timeout: {shown}ms")
            return
        try:
            value = float(args)
        except ValueError:
            self._print(f"Invalid timeout {args!r}: expected a number of milliseconds.")
            return
        resource.timeout = value
        self._print("Done")

    def do_termchar(self, args: str) -> None:
        """Get or set termination character for resource in use.

        <termchar> can be one of: CR, LF, CRLF, NUL or None.
        None is used to disable termination character.

        Get termination character:

            termchar

        Set both termination characters (one value) or the read then the write one:

            termchar <termchar> [<termchar>]
        """
        resource = self._require_message_based()
        if resource is None:
            return
        names = args.split()
        if not names:
            read = _termchar_name(resource.read_termination)
            write = _termchar_name(resource.write_termination)
            self._print(f"Termchar read: {read} write: {write}")
            return
        unknown = [name for name in names if name not in TERMCHARS]
        if len(names) > 2 or unknown:
            self._print(
                "Use one or two of CR, LF, CRLF, NUL or None (read and write "
                f"termination), got {args.strip()!r}."
            )
            return
        resource.read_termination = TERMCHARS[names[0]]
        resource.write_termination = TERMCHARS[names[-1]]
        self._print("Done")

    def complete_termchar(self, text: str, line: str, begidx: int, endidx: int) -> list[str]:
        """Complete termination character names."""
        return [name for name in TERMCHARS if name.startswith(text)]

    def do_attr(self, args: str) -> None:
        """Get or set VISA attributes of the resource in use.

        List all attributes:

            attr

        Get an attribute (VISA or Python name):

            attr <name>

        Set an attribute (VISA or Python name):

            attr <name> <value>
        """
        resource = self._require_resource()
        if resource is None:
            return
        name, _, value = args.strip().partition(" ")
        if not name:
            self._print(_attribute_table(resource))
            return
        attribute = _find_attribute(resource, name)
        if attribute is None:
            self._print(
                f"{name!r} is not a VISA attribute of {resource.resource_name}: "
                'use the VISA name or the Python name shown by "attr".'
            )
            return
        by_visa_name = name == attribute.visa_name
        if not value.strip():
            if by_visa_name:
                self._print(str(resource.get_visa_attribute(_attribute_id(attribute))))
            else:
                self._print(str(getattr(resource, name)))
            return
        if by_visa_name:
            resource.set_visa_attribute(_attribute_id(attribute), parse_value(value))
        else:
            setattr(resource, name, parse_value(value))
        self._print("Done")

    def complete_attr(self, text: str, line: str, begidx: int, endidx: int) -> list[str]:
        """Complete attribute names (VISA and Python names)."""
        if self.current is None:
            return []
        names = {
            name
            for attribute in self.current.visa_attributes_classes
            for name in (attribute.visa_name, attribute.py_name)
            if name
        }
        return sorted(name for name in names if name.startswith(text))

    # -- leaving --------------------------------------------------------------------

    def do_exit(self, args: str) -> bool:
        """Exit the shell session."""
        if self.current is not None:
            self.do_close("")
        return True

    def do_EOF(self, args: str) -> bool:
        """Exit the shell session at the end of the input (Ctrl-D)."""
        self._print("")
        return self.do_exit(args)


def _termchar_name(termination: str) -> str:
    return _TERMCHAR_NAMES.get(termination, repr(termination))


def _attribute_id(attribute: type[Attribute[Any]]) -> constants.ResourceAttribute:
    # Vendor-specific ids are not members of the enum; the backends take any int.
    return cast(constants.ResourceAttribute, attribute.attribute_id)


def _find_attribute(resource: Resource, name: str) -> type[Attribute[Any]] | None:
    for attribute in resource.visa_attributes_classes:
        if name == attribute.visa_name or (name == attribute.py_name and name):
            return attribute
    return None


def _attribute_table(resource: Resource) -> str:
    rows = []
    for attribute in sorted(resource.visa_attributes_classes, key=lambda a: a.visa_name):
        try:
            value = str(resource.get_visa_attribute(_attribute_id(attribute)))
        except errors.VisaIOError as exc:
            value = exc.abbreviation
        except Exception as exc:
            value = f"{type(exc).__name__}: {exc}"
        rows.append((attribute.visa_name, str(attribute.attribute_id), attribute.py_name, value))
    return format_table(("VISA name", "Constant", "Python name", "val"), rows)
