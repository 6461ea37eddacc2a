"""Interactive console to talk to instruments (``pyvisa-shell``).

Type ``help`` in the console for the list of commands; the session is described in the
"PyVISA Shell" section of the documentation.

Every command prints its result on ``sys.stdout``. A command never raises: the text of
any exception raised while it runs is printed instead, so a mistyped command or a
failing instrument leaves the session usable.
"""

import cmd
from typing import Any

from . import ResourceManager, VisaIOError, attributes, constants
from .thirdparty import prettytable

_NO_RESOURCE = 'There are no resources in use. Use the command "open".'

# Termination characters shown by name by "termchar", and the names it accepts.
_TERMCHAR_NAMES = {"\r": "CR", "\n": "LF", "\r\n": "CRLF", "\0": "NUL"}
_TERMCHAR_VALUES: dict[str, str | None] = {
    "CR": "\r",
    "LF": "\n",
    "CRLF": "\r\n",
    "NUL": "\0",
    "None": None,
}

# VISA types whose value typed by the user must be an integer.
_INTEGER_TYPES = ("ViUInt8", "ViUInt16", "ViUInt32", "ViInt8", "ViInt16", "ViInt32")


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

    # -- resources ------------------------------------------------------------------

    def do_list(self, args):
        """List all connected resources."""
        # Any argument silences the listing: "complete_open" only refreshes the list.
        try:
            infos = self.resource_manager.list_resources_info()
        except Exception as e:
            print(e)
            return
        self.resources = []
        for index, (name, info) in enumerate(infos.items()):
            if not args:
                print(f"({index:2d}) {name}")
                if info.alias:
                    print(f"     alias: {info.alias}")
            self.resources.append((name, info.alias or None))

    def do_open(self, args):
        """Open resource by number, resource name or alias: open 3"""
        if not args:
            print("A resource name must be specified.")
            return
        if self.current:
            print("You can only open one resource at a time. Please close the current one first.")
            return
        if args.isdigit():
            try:
                args = self.resources[int(args)][0]
            except IndexError:
                print('Not a valid resource number. Use the command "list".')
                return
        try:
            self.current = self.resource_manager.open_resource(args)
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
            print(e)

    def complete_open(self, text, line, begidx, endidx):
        """Complete resource names then aliases starting with ``text``."""
        if not self.resources:
            self.do_list("do not print")
        names = [name for name, _ in self.resources if name.startswith(text)]
        aliases = [alias for _, alias in self.resources if alias and alias.startswith(text)]
        return names + aliases

    def do_close(self, args):
        """Close resource in use."""
        if not self.current:
            print(_NO_RESOURCE)
            return
        try:
            self.current.close()
        except Exception as e:
            print(e)
        else:
            print("The resource has been closed.")
            self.current = None
            self.prompt = self.default_prompt

    # -- messages -------------------------------------------------------------------

    def do_query(self, args):
        """Query resource in use: query *IDN?"""
        if not self.current:
            print(_NO_RESOURCE)
            return
        try:
            print(f"Response: {self.current.query(args)}")
        except Exception as e:
            print(e)

    def do_read(self, args):
        """Receive from the resource in use."""
        if not self.current:
            print(_NO_RESOURCE)
            return
        try:
            print(self.current.read())
        except Exception as e:
            print(e)

    def do_write(self, args):
        """Send to the resource in use: write *IDN?"""
        if not self.current:
            print(_NO_RESOURCE)
            return
        try:
            self.current.write(args)
        except Exception as e:
            print(e)

    # -- settings -------------------------------------------------------------------

    def do_timeout(self, args):
        """Get or set timeout (in ms) for resource in use.

        Get timeout:

            timeout

        Set timeout:

            timeout <mstimeout>
        """
        if not self.current:
            print(_NO_RESOURCE)
            return
        args = args.strip()
        try:
            if not args:
                print(f"Timeout: {self.current.timeout}ms")
            else:
                self.current.timeout = float(args.split(" ")[0])
                print("Done")
        except Exception as e:
            print(e)

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
            print(_NO_RESOURCE)
            return
        args = args.strip()
        if not args:
            self.print_attribute_list()
            return
        words = args.split(" ")
        if len(words) > 2:
            print("Invalid syntax, use `attr <name>` to get; or `attr <name> <value>` to set")
            return
        name = words[0]
        if len(words) == 1:
            try:
                if name.startswith("VI_"):
                    print(self.current.get_visa_attribute(getattr(constants, name)))
                else:
                    print(getattr(self.current, name))
            except Exception as e:
                print(e)
            return
        if not name.startswith("VI_"):
            print("Setting Resource Attributes by python name is not yet supported.")
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
                print(f"Error {status!s}")
            else:
                print("Done")
        except Exception as e:
            print(e)

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
            print(_NO_RESOURCE)
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
                print(e)
        # As in PyVISA 1.16.2, a bare "termchar" goes on to the checks below and so also
        # prints the list of accepted names.
        names = args.split(" ")
        if len(names) > 2:
            print(
                "Invalid syntax, use `termchar <termchar>` to set both read_termination "
                "and write_termination to the same value, or `termchar <read_termchar> "
                "<write_termchar>` to use distinct values."
            )
            return
        read_name, write_name = names[0], names[-1]
        if read_name not in _TERMCHAR_VALUES or write_name not in _TERMCHAR_VALUES:
            print("use CR, LF, CRLF, NUL or None to set termchar")
            return
        try:
            self.current.read_termination = _TERMCHAR_VALUES[read_name]
            self.current.write_termination = _TERMCHAR_VALUES[write_name]
            print("Done")
        except Exception as e:
            print(e)

    # -- leaving --------------------------------------------------------------------

    def do_exit(self, arg):
        """Exit the shell session."""
        try:
            if self.current:
                self.current.close()
                self.current = None
                self.prompt = self.default_prompt
        except Exception as e:
            print(e)
        return True

    def do_EOF(self, arg):
        """Exit the shell session at the end of the input (Ctrl-D)."""
        return self.do_exit(arg)


def main(library_path=""):
    """Run a :class:`VisaShell` on the given library until the user leaves it.

    Parameters
    ----------
    library_path : str, optional
        Library specification given to the resource manager, by default the default
        library.

    """
    VisaShell(library_path).cmdloop()
