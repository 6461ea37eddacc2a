"""General utility functions.

- ASCII and binary data blocks: :func:`from_ascii_block`, :func:`to_ascii_block`,
  :func:`from_binary_block`, :func:`to_binary_block` and their IEEE and HP variants.
- Shared libraries: :class:`LibraryPath`, :func:`get_shared_library_arch`, :func:`get_arch`.
- User configuration (``.pyvisarc``): :func:`read_user_library_path`,
  :func:`add_user_dll_extra_paths`.
- Diagnostics (``pyvisa-info``): :func:`get_system_details`, :func:`system_details_to_str`,
  :func:`get_debug_info`.
"""

from __future__ import annotations

import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from . import logger
from ._ascii_blocks import ASCII_CONVERTER, from_ascii_block, to_ascii_block
from ._binary_blocks import (
    BINARY_DATATYPES,
    BINARY_HEADERS,
    from_binary_block,
    from_hp_block,
    from_ieee_block,
    message_size,
    parse_hp_block_header,
    parse_ieee_block_header,
    to_binary_block,
    to_hp_block,
    to_ieee_block,
)
from ._libarch import PEMachineType, get_arch, get_shared_library_arch

if TYPE_CHECKING:
    from configparser import ConfigParser

#: Debug information of a backend, as returned by its ``get_debug_info``.
DebugInfo: TypeAlias = list[str] | dict[str, str | list[str] | dict[str, Any]]

__all__ = [
    "ASCII_CONVERTER",
    "BINARY_DATATYPES",
    "BINARY_HEADERS",
    "DebugInfo",
    "LibraryPath",
    "PEMachineType",
    "add_user_dll_extra_paths",
    "from_ascii_block",
    "from_binary_block",
    "from_hp_block",
    "from_ieee_block",
    "get_arch",
    "get_debug_info",
    "get_shared_library_arch",
    "get_system_details",
    "message_size",
    "parse_hp_block_header",
    "parse_ieee_block_header",
    "read_user_library_path",
    "system_details_to_str",
    "to_ascii_block",
    "to_binary_block",
    "to_hp_block",
    "to_ieee_block",
]


# --- shared libraries --------------------------------------------------------------------


class LibraryPath(str):
    """Path to a shared library, remembering how it was found.

    It is a ``str`` (equal to the path) with extra information.

    Parameters
    ----------
    path : str
        Path to the library (backends also use a plain name, such as "py").
    found_by : str, optional
        How the library was found: "auto", "user" (configuration file), "explicit"...
        By default "auto".

    """

    #: Path to the library.
    path: str

    #: How the library was found.
    found_by: str

    def __new__(cls, path: str, found_by: str = "auto") -> LibraryPath:
        obj = super().__new__(cls, path)
        obj.path = path
        obj.found_by = found_by
        return obj

    @cached_property
    def arch(self) -> tuple[int, ...]:
        """Bitness of the library: (32,), (64,), (32, 64), or () when unknown."""
        try:
            return get_arch(self.path)
        except (OSError, ValueError) as exc:
            logger.debug("Could not determine the architecture of %s: %s", self.path, exc)
            return ()

    @property
    def is_32bit(self) -> bool | Literal["n/a"]:
        """Whether the library is 32 bit ("n/a" when unknown)."""
        if not self.arch:
            return "n/a"
        return 32 in self.arch

    @property
    def is_64bit(self) -> bool | Literal["n/a"]:
        """Whether the library is 64 bit ("n/a" when unknown)."""
        if not self.arch:
            return "n/a"
        return 64 in self.arch

    @property
    def bitness(self) -> str:
        """The bitnesses of the library as text ("32", "64", "32, 64" or "n/a")."""
        if not self.arch:
            return "n/a"
        return ", ".join(str(bits) for bits in self.arch)


# --- user configuration ------------------------------------------------------------------


def _config_files() -> list[str]:
    """Return the ``.pyvisarc`` locations, site-wide first (the user file overrides it)."""
    return [
        os.path.join(sys.prefix, "share", "pyvisa", ".pyvisarc"),
        os.path.join(os.path.expanduser("~"), ".pyvisarc"),
    ]


def _read_config() -> ConfigParser | None:
    """Read the ``.pyvisarc`` files; None when there is none."""
    from configparser import ConfigParser, Error

    parser = ConfigParser()
    found = False
    for path in _config_files():
        try:
            found = bool(parser.read(path, encoding="utf-8")) or found
        except (Error, UnicodeDecodeError) as exc:
            logger.warning("Ignoring the malformed configuration file %s: %s", path, exc)
    if not found:
        logger.debug("No user defined configuration file (.pyvisarc)")
        return None
    return parser


def _read_paths_option(option: str) -> str | None:
    """Return an option of the ``[Paths]`` section of the configuration, if set."""
    from configparser import Error

    parser = _read_config()
    if parser is None or not parser.has_option("Paths", option):
        return None
    try:
        return parser.get("Paths", option)
    except Error as exc:  # a bad "%" interpolation
        logger.warning("Ignoring the malformed option %r of the configuration: %s", option, exc)
        return None


def read_user_library_path() -> str | None:
    """Return the library path stored in the user configuration file.

    The configuration is read from ``<sys.prefix>/share/pyvisa/.pyvisarc`` (site-wide)
    and ``~/.pyvisarc`` (user), the latter taking precedence, in the ``[Paths]`` section::

        [Paths]
        VISA library: /usr/lib/libvisa.so.7

    Returns
    -------
    str | None
        The library path, or None when no configuration file sets it.

    """
    path = _read_paths_option("visa library")
    if path is None:
        logger.debug("No user defined library path")
    return path


def add_user_dll_extra_paths() -> list[str] | None:
    """Add the extra DLL search paths of the user configuration file (Windows).

    They are read from the ``dll_extra_paths`` option of the ``[Paths]`` section of the
    configuration files (see :func:`read_user_library_path`), separated by ``;``. They
    are added with ``os.add_dll_directory`` on Windows only.

    Returns
    -------
    list[str] | None
        The extra paths, or None when no configuration file sets them.

    """
    value = _read_paths_option("dll_extra_paths")
    if value is None:
        logger.debug("No user defined extra dll paths")
        return None
    paths = [path.strip() for path in value.split(";") if path.strip()]
    if sys.platform == "win32":
        for path in paths:
            try:
                os.add_dll_directory(path)
            except OSError as exc:
                logger.warning("Could not add %s to the DLL search paths: %s", path, exc)
    return paths


# --- diagnostics -------------------------------------------------------------------------


def get_system_details(backends: bool = True) -> dict[str, Any]:
    """Return a dictionary describing the system, Python, PyVISA and the backends.

    Parameters
    ----------
    backends : bool, optional
        Also gather the debug information of every installed backend, by default True.

    Returns
    -------
    dict[str, Any]
        Keys "platform", "processor", "executable", "implementation", "python",
        "compiler", "buildno", "builddate", "unicode", "bits", "pyvisa" and "backends"
        (backend name to its debug information).

    """
    import platform

    from . import __version__

    buildno, builddate = platform.python_build()
    details: dict[str, Any] = {
        "platform": platform.platform(),
        "processor": platform.processor(),
        "executable": sys.executable,
        "implementation": platform.python_implementation(),
        "python": platform.python_version(),
        "compiler": platform.python_compiler(),
        "buildno": buildno,
        "builddate": builddate,
        "unicode": "UCS2" if sys.maxunicode == 0xFFFF else "UCS4",
        "bits": platform.architecture()[0],
        "pyvisa": __version__,
        "backends": {},
    }
    if backends:
        details["backends"] = _backends_debug_info()
    return details


def _backends_debug_info() -> dict[str, DebugInfo]:
    """Collect the debug information of every installed backend."""
    from . import highlevel

    infos: dict[str, DebugInfo] = {}
    for name in highlevel.list_backends():
        for prefix in ("pyvisa_", "pyvisa-"):
            name = name.removeprefix(prefix)
        try:
            cls = highlevel.get_wrapper_class(name)
        except Exception as exc:
            infos[name] = ["Could not instantiate backend", f"-> {exc}"]
            continue
        try:
            infos[name] = cls.get_debug_info()
        except Exception as exc:
            infos[name] = ["Could not obtain debug info", f"-> {exc}"]
    return infos


def _format_debug_value(key: str, value: Any, indent: int) -> list[str]:
    """Format one entry of debug information as indented lines."""
    pad = "   " * indent
    if isinstance(value, dict):
        lines = [f"{pad}{key}:"]
        for sub_key, sub_value in value.items():
            lines.extend(_format_debug_value(sub_key, sub_value, indent + 1))
        return lines
    if isinstance(value, (list, tuple)):
        return [f"{pad}{key}:", *(f"{pad}   {item}" for item in value)]
    return [f"{pad}{key}: {value}"]


def system_details_to_str(d: dict[str, Any], indent: str = "") -> str:
    """Convert the system details of :func:`get_system_details` to a readable text.

    Parameters
    ----------
    d : dict[str, Any]
        The system details.
    indent : str, optional
        Prefix of every line, by default "".

    Returns
    -------
    str
        The details, one per line.

    """
    lines = [
        "Machine Details:",
        f"   Platform ID:    {d.get('platform', 'n/a')}",
        f"   Processor:      {d.get('processor', 'n/a')}",
        "",
        "Python:",
        f"   Implementation: {d.get('implementation', 'n/a')}",
        f"   Executable:     {d.get('executable', 'n/a')}",
        f"   Version:        {d.get('python', 'n/a')}",
        f"   Compiler:       {d.get('compiler', 'n/a')}",
        f"   Bits:           {d.get('bits', 'n/a')}",
        f"   Build:          {d.get('builddate', 'n/a')} (#{d.get('buildno', 'n/a')})",
        f"   Unicode:        {d.get('unicode', 'n/a')}",
        "",
        f"PyVISA Version: {d.get('pyvisa', 'n/a')}",
        "",
        "Backends:",
    ]
    for name, info in d.get("backends", {}).items():
        lines.extend(_format_debug_value(name, info, 1))
    return indent + ("\n" + indent).join(lines) + "\n"


def get_debug_info(to_screen: bool = True) -> str | None:
    """Describe the system, Python, PyVISA and the backends (``pyvisa-info``).

    Parameters
    ----------
    to_screen : bool, optional
        Print the description (and return None) instead of returning it,
        by default True.

    Returns
    -------
    str | None
        The description when ``to_screen`` is False.

    """
    text = system_details_to_str(get_system_details())
    if not to_screen:
        return text
    print(text)
    return None
