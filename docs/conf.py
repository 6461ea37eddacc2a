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
autodoc_default_options = {"members": True, "show-inheritance": True}

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
               r"platform)(\..*)?"),
    (r"py:.*", r"(Any|Callable|Iterable|Iterator|Sequence|Mapping|Literal|Optional|"
               r"Union|Type|Tuple|List|Dict|Set|Self|TypeAlias|ClassVar|Generic|T|E|F|"
               r"NoReturn|SupportsIndex|TypeVar|NewType|ParamSpec|P|R|V|K)"),
    (r"py:.*", r"(IntEnum|IntFlag|Enum|NamedTuple|Exception|Warning|ValueError|"
               r"OSError|TypeError|RuntimeError|KeyError|AttributeError|object|"
               r"ctypes\..*|c_\w+|CFUNCTYPE|CDLL|WinDLL|_CFuncPtr|Array|"
               r"PathLike|ModuleType|RLock|Lock|Cmd|ArgumentParser|Namespace|"
               r"ConfigParser|defaultdict|memoryview|bytearray|bytes|str|int|float|bool|None|"
               r"complex|dict|list|tuple|set|frozenset|type|callable|iterable|"
               r"sequence|optional|default|numpy\.ndarray|ndarray|True|False|Path)"),
    # Type variables and private bases that annotations and class bases expose.
    (r"py:.*", r"pyvisa(\.\w+)*\.(_\w+|[A-Z])"),
]

# Broken references in docstrings of pyvisa/ (each is reported to the lead; remove the
# entry once the docstring is fixed). See the report of the documentation issue.
nitpick_ignore = [
    # pyvisa/_binary_blocks.py, parse_*_block_header: :data:`DEFAULT_LENGTH_BEFORE_BLOCK`
    # is looked up in pyvisa._binary_blocks; write :data:`pyvisa.util.DEFAULT_LENGTH_BEFORE_BLOCK`.
    # pyvisa/_ascii_blocks.py, from_ascii_block: same, :data:`pyvisa.util.ASCII_CONVERTER`.
    # pyvisa/highlevel.py, VisaLibraryBase methods: "bytes-like" and "converted_user_handle"
    # in numpy "Parameters"/"Returns" types; write "bytes-like object" in prose or a real type.
    # pyvisa/highlevel.py, VisaLibraryBase: :meth:`_init` (private, not documented);
    # write ``_init``.
    # pyvisa/highlevel.py, open_visa_library: :class:`errors.LibraryError`; write
    # :class:`~pyvisa.errors.LibraryError`.
    # pyvisa/errors.py, completion_and_error_messages: a "Dict[...] of X to Y" type line
    # parsed as references; reword the type as plain text.
    ("py:class", "the completion"),
    ("py:class", "warning and error codes"),
    ("py:class", "Abbreviation and description"),
    # pyvisa/resources/messagebased.py, ControlRenMixin: :class:`Resource`; write
    # :class:`~pyvisa.resources.Resource`.
    # pyvisa/resources/messagebased.py, SupportsUpdate: :meth:`MessageBasedResource.x`
    # is looked up in that module; write :meth:`~pyvisa.resources.MessageBasedResource.x`.
    # pyvisa/rname.py, InvalidResourceName: :attr:`msg` (not documented); write ``msg``.
    # pyvisa/rname.py, assemble_canonical_name: :meth:`ResourceName.from_kwargs`;
    # write :meth:`~pyvisa.rname.ResourceName.from_kwargs`.
    # pyvisa/_libarch.py, ArchitectureType.from_platform_machine: :func:`platform.machine`
    # (standard library, no intersphinx); write ``platform.machine()``.
    # pyvisa/shell.py, Console.history_file: a type line parsed as references.
    ("py:class", "History file"),
    ("py:class", "interactive sessions"),
    # pyvisa/__init__.py, module docstring: :class:`ResourceManager`; write
    # :class:`~pyvisa.highlevel.ResourceManager`.
    # pyvisa/attributes.py, Attribute.default: :data:`NotAvailable` (undocumented);
    # document NotAvailable or write ``NotAvailable``.
    # pyvisa/ctwrapper/__init__.py, functions.py, highlevel.py (module and class
    # docstrings): references to undocumented private names of the ctypes layer
    # (signatures, WRAP_HANDLER, MissingFunctionError, NOT_BOUND, visa_functions,
    # bind_library, ASYNC_REGISTRATION_TIMEOUT, find_library_paths) and an unqualified
    # :meth:`handle_return_value`; write them as ``literals`` or qualify them.
    ("py:mod", "signatures"),
    ("py:data", "WRAP_HANDLER"),
    ("py:data", "pyvisa.ctwrapper.WRAP_HANDLER"),
    ("py:class", "MissingFunctionError"),
    ("py:class", "pyvisa.ctwrapper.functions.MissingFunctionError"),
    ("py:data", "signatures.NOT_BOUND"),
    ("py:data", "visa_functions"),
    ("py:func", "bind_library"),
    ("py:data", "ASYNC_REGISTRATION_TIMEOUT"),
    ("py:func", "find_library_paths"),
    ("py:meth", "handle_return_value"),
    # pyvisa/ctwrapper/__init__.py and cthelper.py, module docstrings: FUNCTYPE, Library,
    # find_library, cthelper.find_library are not documented (cthelper re-exports
    # ctypes names); write them as ``literals``.
    ("py:func", "cthelper.find_library"),
    ("py:func", "find_library"),
    ("py:data", "FUNCTYPE"),
    ("py:data", "Library"),
]
