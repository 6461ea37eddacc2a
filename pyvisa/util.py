"""General utility functions.

- ASCII and binary data blocks: :func:`from_ascii_block`, :func:`to_ascii_block`,
  :func:`from_binary_block`, :func:`to_binary_block` and their IEEE, HP and R&S variants.
- Shared libraries: :class:`LibraryPath`, :class:`ArchitectureType`, :class:`PEMachineType`,
  :func:`get_shared_library_arch`, :func:`get_arch`.
- Timeouts: :func:`cleanup_timeout`.
- User configuration (``.pyvisarc``): :func:`read_user_library_path`,
  :func:`add_user_dll_extra_paths`.
- Diagnostics (``pyvisa-info``): :func:`get_system_details`, :func:`system_details_to_str`,
  :func:`get_debug_info`.
"""

from __future__ import annotations

import math
import os
import stat
import sys
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias

from . import constants, errors
from ._ascii_blocks import ASCII_CONVERTER, from_ascii_block, to_ascii_block
from ._binary_blocks import (
    BINARY_CONTAINERS,
    BINARY_DATATYPES,
    BINARY_HEADERS,
    DEFAULT_LENGTH_BEFORE_BLOCK,
    from_binary_block,
    from_hp_block,
    from_ieee_block,
    from_ieee_or_rs_block,
    from_rs_block,
    message_size,
    parse_hp_block_header,
    parse_ieee_block_header,
    parse_ieee_or_rs_block_header,
    parse_rs_block_header,
    to_binary_block,
    to_hp_block,
    to_ieee_block,
    to_rs_block,
)
from ._libarch import (
    ArchitectureType,
    LibraryPath,
    PEMachineType,
    get_arch,
    get_shared_library_arch,
)
from ._logging import logger

if TYPE_CHECKING:
    from configparser import ConfigParser

#: Debug information of a backend, as returned by its ``get_debug_info``.
DebugInfo: TypeAlias = list[str] | dict[str, Any]

__all__ = [
    "ASCII_CONVERTER",
    "BINARY_CONTAINERS",
    "BINARY_DATATYPES",
    "BINARY_HEADERS",
    "DEFAULT_LENGTH_BEFORE_BLOCK",
    "ArchitectureType",
    "DebugInfo",
    "LibraryPath",
    "PEMachineType",
    "add_user_dll_extra_paths",
    "cleanup_timeout",
    "from_ascii_block",
    "from_binary_block",
    "from_hp_block",
    "from_ieee_block",
    "from_ieee_or_rs_block",
    "from_rs_block",
    "get_arch",
    "get_debug_info",
    "get_shared_library_arch",
    "get_system_details",
    "message_size",
    "parse_hp_block_header",
    "parse_ieee_block_header",
    "parse_ieee_or_rs_block_header",
    "parse_rs_block_header",
    "read_user_library_path",
    "system_details_to_str",
    "to_ascii_block",
    "to_binary_block",
    "to_hp_block",
    "to_ieee_block",
    "to_rs_block",
]


#: Functions PyVISA documents in this module but that sit in a layer above it (the
#: diagnostics of ``pyvisa-info`` look at the backends): name -> loader, registered by the
#: package when it is imported, so this module imports nothing above it.
_PROVIDED_ABOVE: dict[str, Callable[[], Any]] = {}

if TYPE_CHECKING:

    def get_system_details(backends: bool = True) -> dict[str, Any]: ...

    def system_details_to_str(d: dict[str, Any], indent: str = "") -> str: ...

    def get_debug_info(to_screen: bool = True) -> str | None: ...


def __getattr__(name: str) -> Any:
    """Provide ``np`` and the diagnostics functions, on first access.

    ``np`` is the numpy module, or None when numpy is not installed: it is only imported
    on first access, so that ``import pyvisa`` stays light; the result is then stored on
    the module (setting ``util.np`` beforehand takes effect). The diagnostics functions
    (:data:`_PROVIDED_ABOVE`) come from :mod:`pyvisa.diagnostics`.
    """
    provider = _PROVIDED_ABOVE.get(name)
    if provider is not None:
        value = provider()
        globals()[name] = value
        return value
    if name == "np":
        try:
            import numpy
        except ImportError:
            numpy = None  # type: ignore[assignment]
        globals()["np"] = numpy
        return numpy
    raise errors.UnknownAttribute(f"module {__name__!r} has no attribute {name!r}")


# --- timeouts ----------------------------------------------------------------------------


def cleanup_timeout(timeout: int | float | None) -> int:
    """Turn a timeout in milliseconds into the integer (or constant) VISA expects.

    Parameters
    ----------
    timeout : int | float | None
        None or ``float("+inf")`` mean no timeout (``VI_TMO_INFINITE``), any value below 1
        means immediate (``VI_TMO_IMMEDIATE``); other values are truncated to an int.

    Returns
    -------
    int
        The VISA timeout.

    Raises
    ------
    ValueError
        If the value is NaN or above 4294967294 (the largest finite VISA timeout).

    """
    if timeout is None or math.isinf(timeout):
        return constants.VI_TMO_INFINITE
    if timeout < 1:
        return constants.VI_TMO_IMMEDIATE
    if not 1 <= timeout <= 4294967294:
        raise errors.InvalidArgument("timeout value is invalid")
    return int(timeout)


# --- shared libraries --------------------------------------------------------------------


# --- user configuration ------------------------------------------------------------------

#: Directories already given to ``os.add_dll_directory`` by :func:`add_user_dll_extra_paths`.
_ADDED_DLL_PATHS: set[str] = set()


def _config_files() -> list[str]:
    """Return the ``.pyvisarc`` locations, site-wide first (the user file overrides it)."""
    return [
        os.path.join(sys.prefix, "share", "pyvisa", ".pyvisarc"),
        os.path.join(os.path.expanduser("~"), ".pyvisarc"),
    ]


#: Largest ``.pyvisarc`` that is read; a larger file is ignored with a warning.
_MAX_CONFIG_SIZE = 1 << 20


def _readable_config_files() -> list[str]:
    """The configuration files that exist and are regular files of a sane size.

    Anything else at a configuration path (a directory, a device such as ``/dev/zero``
    behind a symbolic link, a huge file) is ignored with a warning, never read.
    """
    readable = []
    for path in _config_files():
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size <= _MAX_CONFIG_SIZE:
            readable.append(path)
        else:
            warnings.warn(
                f"Ignoring the configuration file {path}: it is not a regular file of at "
                f"most {_MAX_CONFIG_SIZE} bytes",
                stacklevel=3,
            )
    return readable


def _read_config() -> tuple[ConfigParser, list[str]]:
    """Read the ``.pyvisarc`` files; return the parser and the files that were read."""
    from configparser import ConfigParser

    parser = ConfigParser()
    return parser, parser.read(_readable_config_files(), encoding="utf-8")


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
    from configparser import NoOptionError, NoSectionError

    parser, files = _read_config()
    if not files:
        logger.debug("No user defined library files")
        return None
    logger.debug("User defined library files: %s", files)
    try:
        return parser.get("Paths", "visa library")
    except (NoOptionError, NoSectionError):
        logger.debug("NoOptionError or NoSectionError while reading config file")
        return None


def add_user_dll_extra_paths() -> list[str] | None:
    """Add the extra DLL search paths of the user configuration file (Windows only).

    They are read from the ``dll_extra_paths`` option of the ``[Paths]`` section of the
    configuration files (see :func:`read_user_library_path`), separated by ``;``, and
    given to ``os.add_dll_directory``, each at most once per process. On other platforms
    nothing is read.

    Returns
    -------
    list[str] | None
        The extra paths, or None when not on Windows or no configuration file sets them.

    """
    if sys.platform != "win32":
        logger.debug("Not loading dll_extra_paths because we are not on Windows")
        return None

    from configparser import NoOptionError, NoSectionError

    parser, files = _read_config()
    if not files:
        logger.debug("No user defined configuration")
        return None
    logger.debug("User defined configuration files: %s", files)
    try:
        paths = parser.get("Paths", "dll_extra_paths").split(";")
    except (NoOptionError, NoSectionError):
        logger.debug(
            "NoOptionError or NoSectionError while reading config file for dll_extra_paths."
        )
        return None
    added = _ADDED_DLL_PATHS
    for path in paths:
        if path in added:
            logger.debug("Path %r has already been added; skipping", path)
            continue
        os.add_dll_directory(path)  # type: ignore[attr-defined,unused-ignore]
        added.add(path)
    return paths


# --- diagnostics -------------------------------------------------------------------------
