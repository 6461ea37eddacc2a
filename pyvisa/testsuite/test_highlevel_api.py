"""The public API of pyvisa.highlevel against the documentation (sections 1.4.1 and 1.4.2).

The signature tables were extracted from the documentation: names, order and default values
of the parameters (enum defaults are written as their integer value). The typing of
``open_resource`` is checked by running mypy on a small program.
"""

from __future__ import annotations

import inspect
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import pyvisa
from pyvisa.highlevel import ResourceInfo, ResourceManager, VisaLibraryBase

DOCUMENTED_LIBRARY_SIGNATURES = {
    "assert_interrupt_signal": "session, mode, status_id",
    "assert_trigger": "session, protocol",
    "assert_utility_signal": "session, line",
    "buffer_read": "session, count",
    "buffer_write": "session, data",
    "clear": "session",
    "close": "session",
    "disable_event": "session, event_type, mechanism",
    "discard_events": "session, event_type, mechanism",
    "enable_event": "session, event_type, mechanism, context=None",
    "flush": "session, mask",
    "get_attribute": "session, attribute",
    "get_buffer_from_id": "job_id",
    "get_debug_info": "",
    "get_last_status_in_session": "session",
    "get_library_paths": "",
    "gpib_command": "session, data",
    "gpib_control_atn": "session, mode",
    "gpib_control_ren": "session, mode",
    "gpib_pass_control": "session, primary_address, secondary_address",
    "gpib_send_ifc": "session",
    "handle_return_value": "session, status_code",
    "ignore_warning": "session, *warnings_constants",
    "in_16": "session, space, offset, extended=False",
    "in_32": "session, space, offset, extended=False",
    "in_64": "session, space, offset, extended=False",
    "in_8": "session, space, offset, extended=False",
    "install_handler": "session, event_type, handler, user_handle",
    "install_visa_handler": "session, event_type, handler, user_handle=None",
    "list_resources": "session, query='?*::INSTR'",
    "lock": "session, lock_type, timeout, requested_key=None",
    "map_address": "session, map_space, map_base, map_size, access=False, suggested=None",
    "map_trigger": "session, trigger_source, trigger_destination, mode=None",
    "memory_allocation": "session, size, extended=False",
    "memory_free": "session, offset, extended=False",
    "move": "session, source_space, source_offset, source_width, destination_space, "
    "destination_offset, destination_width, length",
    "move_asynchronously": "session, source_space, source_offset, source_width, "
    "destination_space, destination_offset, destination_width, length",
    "move_in": "session, space, offset, length, width, extended=False",
    "move_in_16": "session, space, offset, length, extended=False",
    "move_in_32": "session, space, offset, length, extended=False",
    "move_in_64": "session, space, offset, length, extended=False",
    "move_in_8": "session, space, offset, length, extended=False",
    "move_out": "session, space, offset, length, data, width, extended=False",
    "move_out_16": "session, space, offset, length, data, extended=False",
    "move_out_32": "session, space, offset, length, data, extended=False",
    "move_out_64": "session, space, offset, length, data, extended=False",
    "move_out_8": "session, space, offset, length, data, extended=False",
    "open": "session, resource_name, access_mode=0, open_timeout=0",
    "open_default_resource_manager": "",
    "out_16": "session, space, offset, data, extended=False",
    "out_32": "session, space, offset, data, extended=False",
    "out_64": "session, space, offset, data, extended=False",
    "out_8": "session, space, offset, data, extended=False",
    "parse_resource": "session, resource_name",
    "parse_resource_extended": "session, resource_name",
    "peek": "session, address, width",
    "peek_16": "session, address",
    "peek_32": "session, address",
    "peek_64": "session, address",
    "peek_8": "session, address",
    "poke": "session, address, width, data",
    "poke_16": "session, address, data",
    "poke_32": "session, address, data",
    "poke_64": "session, address, data",
    "poke_8": "session, address, data",
    "read": "session, count",
    "read_asynchronously": "session, count",
    "read_memory": "session, space, offset, width, extended=False",
    "read_stb": "session",
    "read_to_file": "session, filename, count",
    "set_attribute": "session, attribute, attribute_state",
    "set_buffer": "session, mask, size",
    "status_description": "session, status",
    "terminate": "session, degree, job_id",
    "uninstall_all_visa_handlers": "session",
    "uninstall_handler": "session, event_type, handler, user_handle=None",
    "uninstall_visa_handler": "session, event_type, handler, user_handle=None",
    "unlock": "session",
    "unmap_address": "session",
    "unmap_trigger": "session, trigger_source, trigger_destination",
    "usb_control_in": "session, request_type_bitmap_field, request_id, request_value, index, "
    "length=0",
    "usb_control_out": "session, request_type_bitmap_field, request_id, request_value, index, "
    "data=b''",
    "vxi_command_query": "session, mode, command",
    "wait_on_event": "session, in_event_type, timeout",
    "write": "session, data",
    "write_asynchronously": "session, data",
    "write_from_file": "session, filename, count",
    "write_memory": "session, space, offset, data, width, extended=False",
}
DOCUMENTED_MANAGER_SIGNATURES = {
    "close": "",
    "list_resources": "query='?*::INSTR'",
    "list_resources_info": "query='?*::INSTR'",
    "open_bare_resource": "resource_name, access_mode=0, open_timeout=0",
    "open_resource": "resource_name, access_mode=0, open_timeout=0, resource_pyclass=None, "
    "**kwargs",
    "resource_info": "resource_name, extended=True",
}


#: Names the documentation lists as static methods of VisaLibraryBase.
STATIC_METHODS = ("get_debug_info", "get_library_paths")

#: Level 2 functions of the "complete list" of docs 1.2.2 (a subset of the table above).
LEVEL2_FUNCTIONS = """
read_memory write_memory move_in move_out peek poke assert_interrupt_signal assert_trigger
assert_utility_signal buffer_read buffer_write clear close disable_event discard_events
enable_event flush get_attribute gpib_command gpib_control_atn gpib_control_ren
gpib_pass_control gpib_send_ifc in_8 in_16 in_32 in_64 install_handler list_resources lock
map_address map_trigger memory_allocation memory_free move move_asynchronously move_in_8
move_in_16 move_in_32 move_in_64 move_out_8 move_out_16 move_out_32 move_out_64 open
open_default_resource_manager out_8 out_16 out_32 out_64 parse_resource
parse_resource_extended peek_8 peek_16 peek_32 peek_64 poke_8 poke_16 poke_32 poke_64 read
read_asynchronously read_stb read_to_file set_attribute set_buffer status_description
terminate uninstall_handler unlock unmap_address unmap_trigger usb_control_in
usb_control_out vxi_command_query wait_on_event write write_asynchronously write_from_file
""".split()


_PREFIXES: dict[inspect._ParameterKind, str] = {
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.VAR_KEYWORD: "**",
}


def _render(function: Any) -> str:
    """Render a signature like the tables: no self, enum defaults as integers."""
    parameters = list(inspect.signature(function).parameters.values())
    if parameters and parameters[0].name in ("self", "cls"):
        parameters = parameters[1:]
    parts = []
    for parameter in parameters:
        prefix = _PREFIXES.get(parameter.kind, "")
        if parameter.default is parameter.empty:
            parts.append(prefix + parameter.name)
            continue
        default = parameter.default
        if type(default).__module__ == "pyvisa.constants":
            default = int(default)
        parts.append(f"{parameter.name}={default!r}")
    return ", ".join(parts)


@pytest.mark.parametrize("name", sorted(DOCUMENTED_LIBRARY_SIGNATURES))
def test_library_signature_matches_the_documentation(name: str) -> None:
    method = getattr(VisaLibraryBase, name)
    assert _render(method) == DOCUMENTED_LIBRARY_SIGNATURES[name]
    assert inspect.getdoc(method)


@pytest.mark.parametrize("name", sorted(DOCUMENTED_MANAGER_SIGNATURES))
def test_manager_signature_matches_the_documentation(name: str) -> None:
    method = getattr(ResourceManager, name)
    assert _render(method) == DOCUMENTED_MANAGER_SIGNATURES[name]
    assert inspect.getdoc(method)


def test_every_level2_function_is_documented_and_present() -> None:
    assert len(LEVEL2_FUNCTIONS) == len(set(LEVEL2_FUNCTIONS)) == 79
    assert set(LEVEL2_FUNCTIONS) <= set(DOCUMENTED_LIBRARY_SIGNATURES)
    for name in LEVEL2_FUNCTIONS:
        assert callable(getattr(VisaLibraryBase, name)), name


@pytest.mark.parametrize("name", STATIC_METHODS)
def test_static_methods(name: str) -> None:
    assert isinstance(inspect.getattr_static(VisaLibraryBase, name), staticmethod)


@pytest.mark.parametrize("name", ["session", "last_status"])
def test_manager_properties(name: str) -> None:
    assert isinstance(inspect.getattr_static(ResourceManager, name), property)


def test_library_properties() -> None:
    assert isinstance(inspect.getattr_static(VisaLibraryBase, "last_status"), property)
    assert isinstance(inspect.getattr_static(VisaLibraryBase, "resource_manager"), property)


def test_resource_info_fields() -> None:
    assert ResourceInfo._fields == (
        "interface_type",
        "interface_board_number",
        "resource_class",
        "resource_name",
        "alias",
    )
    assert issubclass(ResourceInfo, tuple)


#: The register operations of one width: a one-line docstring naming the generic method.
_WIDTH_VARIANT = re.compile(r"(in|out|move_in|move_out|peek|poke)_(8|16|32|64)")
_GENERIC_OF = {
    "in": "read_memory",
    "out": "write_memory",
    "move_in": "move_in",
    "move_out": "move_out",
    "peek": "peek",
    "poke": "poke",
}


def test_width_variants_point_at_the_generic_method() -> None:
    variants = [name for name in DOCUMENTED_LIBRARY_SIGNATURES if _WIDTH_VARIANT.fullmatch(name)]
    assert len(variants) == 24
    for name in variants:
        match = _WIDTH_VARIANT.fullmatch(name)
        assert match is not None
        doc = inspect.getdoc(getattr(VisaLibraryBase, name)) or ""
        assert "\n" not in doc, name
        assert f":meth:`{_GENERIC_OF[match[1]]}` with ``width={match[2]}``" in doc, name
        generic = inspect.getdoc(getattr(VisaLibraryBase, _GENERIC_OF[match[1]])) or ""
        assert "Parameters\n----------" in generic


def test_numpy_style_docstrings() -> None:
    for name, signature in DOCUMENTED_LIBRARY_SIGNATURES.items():
        if _WIDTH_VARIANT.fullmatch(name):
            continue
        doc = inspect.getdoc(getattr(VisaLibraryBase, name)) or ""
        parameters = [part.split("=")[0].lstrip("*") for part in signature.split(", ") if part]
        if parameters:
            assert "Parameters\n----------" in doc, name
        for parameter in parameters:
            assert f"{parameter} :" in doc, (name, parameter)


# --- typing of open_resource ------------------------------------------------------------------

_TYPING_PROGRAM = """
from pyvisa import ResourceManager
from pyvisa.constants import AccessModes
from pyvisa.resources import GPIBInstrument, MessageBasedResource, Resource

rm = ResourceManager()
instr: GPIBInstrument = rm.open_resource("GPIB::1::INSTR", resource_pyclass=GPIBInstrument)
reveal_type(rm.open_resource("GPIB::1::INSTR", resource_pyclass=MessageBasedResource))
reveal_type(rm.open_resource("GPIB::1::INSTR", AccessModes.no_lock, 0, MessageBasedResource))
reveal_type(rm.open_resource("GPIB::1::INSTR", resource_pyclass=GPIBInstrument, timeout=5))
reveal_type(rm.open_resource("GPIB::1::INSTR", read_termination="\\n"))
wrong: GPIBInstrument = rm.open_resource("GPIB::1::INSTR")


def optional_class(cls: type[Resource] | None) -> None:
    reveal_type(rm.open_resource("GPIB::1::INSTR", resource_pyclass=cls))
"""


def test_open_resource_is_typed_by_resource_pyclass(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is not installed")
    program = tmp_path / "typing_program.py"
    program.write_text(textwrap.dedent(_TYPING_PROGRAM))
    root = Path(pyvisa.__file__).resolve().parent.parent
    env = dict(os.environ)
    if root.name not in ("site-packages", "dist-packages"):
        # A source checkout (editable install): mypy cannot follow import hooks.
        env["MYPYPATH"] = str(root)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file=",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "mypy_cache"),
            "--no-error-summary",
            "--hide-error-context",
            str(program),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    lines = [
        line.split(": ", 1)[1]
        for line in result.stdout.splitlines()
        if line.startswith(str(program)) or line.startswith(program.name)
    ]
    assert lines == [
        'note: Revealed type is "pyvisa.resources.messagebased.MessageBasedResource"',
        'note: Revealed type is "pyvisa.resources.messagebased.MessageBasedResource"',
        'note: Revealed type is "pyvisa.resources.gpib.GPIBInstrument"',
        'note: Revealed type is "pyvisa.resources.resource.Resource"',
        'error: Incompatible types in assignment (expression has type "Resource", '
        'variable has type "GPIBInstrument")  [assignment]',
        'note: Revealed type is "pyvisa.resources.resource.Resource"',
    ], result.stdout + result.stderr
