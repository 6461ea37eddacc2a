"""Sphinx configuration of the PyVISA documentation.

Build (offline, warnings are errors, every cross-reference checked)::

    python -m sphinx -W --keep-going -n -b html docs docs/_build/html
"""

import os
import sys

sys.path.insert(0, os.path.abspath("_ext"))
# Document the package next to docs/ (the checkout), not another installed copy.
sys.path.insert(0, os.path.abspath(".."))

import pyvisa  # noqa: E402

project = "PyVISA"
author = "PyVISA authors"
copyright = "PyVISA authors"
release = str(getattr(pyvisa, "__version__", ""))
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "pyvisa_attribute_tables",
    "pyvisa_moved_definitions",
    "pyvisa_command_output",
    "pyvisa_viewcode_links",
]

# No intersphinx: the build runs offline. References to the standard library and to
# third-party packages stay plain text (see nitpick_ignore_regex below).
napoleon_numpy_docstring = True
napoleon_google_docstring = False
# "Attributes" sections become fields of the class, not a second description of
# attributes that autodoc documents too.
napoleon_use_ivar = True
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
# No "members" default: Sphinx would let it override the explicit member lists of the
# directives (":members: a, b"); every directive that documents members says so.
autodoc_default_options = {"show-inheritance": True}

exclude_patterns = ["_build", "dev", "examples/*.out", "Thumbs.db", ".DS_Store"]
templates_path = []
html_theme = "furo"
html_title = f"PyVISA {release}"
html_static_path = []

nitpicky = True

# Targets that live outside this documentation (the standard library, ctypes, numpy,
# typing constructs rendered from annotations). They are not errors of the docstrings:
# without intersphinx they simply have nowhere to point to.
nitpick_ignore_regex = [
    (r"py:.*", r"(typing|typing_extensions|collections\.abc|abc|enum|ctypes|_ctypes|"
               r"types|os|pathlib|threading|weakref|logging|argparse|cmd|configparser|"
               r"struct|numpy|np|contextlib|collections|sys|io|re|warnings|asyncio|concurrent|"
               r"platform|time)(\..*)?"),
    (r"py:.*", r"(Any|Callable|Iterable|Iterator|Sequence|Mapping|Literal|Optional|"
               r"Union|Type|Tuple|List|Dict|Set|Self|TypeAlias|ClassVar|Generic|T|E|F|"
               r"NoReturn|SupportsIndex|TypeVar|NewType|ParamSpec|P|R|V|K)"),
    (r"py:.*", r"(IntEnum|IntFlag|Enum|NamedTuple|Exception|Warning|ValueError|"
               r"OSError|TypeError|RuntimeError|KeyError|AttributeError|object|"
               r"ctypes\..*|c_\w+|CFUNCTYPE|CDLL|WinDLL|_CFuncPtr|Array|"
               r"PathLike|ModuleType|RLock|Lock|Cmd|ArgumentParser|Namespace|"
               r"ConfigParser|defaultdict|memoryview|bytearray|bytes|str|int|float|bool|None|"
               r"complex|dict|list|tuple|set|frozenset|type|"
               r"numpy\.ndarray|ndarray|True|False|Path)"),
    # The numpydoc keyword of "x : str, optional" parameter types, which napoleon
    # gives to Sphinx as a type name.
    (r"py:class", r"optional"),
    # Type variables and private bases that annotations and class bases expose.
    (r"py:.*", r"pyvisa(\.\w+)*\.(_\w+|[A-Z])"),
]


def _literal_shell_examples(app, what, name, obj, options, lines):
    """Show the commands in the shell's help texts as literals (``*IDN?`` would open an
    emphasis); the texts themselves are PyVISA's, printed by ``help <command>``."""
    if name.startswith("pyvisa.shell."):
        lines[:] = [line.replace(" *IDN?", " ``*IDN?``") for line in lines]


def setup(app):
    app.connect("autodoc-process-docstring", _literal_shell_examples)

