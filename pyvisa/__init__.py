"""PyVISA: control measurement instruments through a VISA library from Python.

Importing the package is cheap: it loads the VISA vocabulary (constants, errors,
resource names), the frontend (:class:`~pyvisa.highlevel.ResourceManager`) and the resource classes,
but neither numpy nor any VISA shared library. A library is loaded only when a
:class:`~pyvisa.highlevel.ResourceManager` is created.
"""

import functools
import importlib
import logging
import os
from typing import Any, TextIO

# The submodules become attributes of the package (``pyvisa.constants``, ``pyvisa.typing``...),
# which backends import with ``from pyvisa import typing``: never bind a standard-library
# module to one of these names in this file.
from . import attributes, constants, errors, events, highlevel, resources, rname, typing, util  # noqa: F401
from ._logging import logger
from ._version import package_version
from .errors import (
    Error,
    InvalidBinaryFormat,
    InvalidSession,
    LibraryError,
    OSNotSupported,
    UnknownHandler,
    VisaIOError,
    VisaIOWarning,
    VisaTypeError,
)
from .highlevel import ResourceManager
from .resources import Resource  # noqa: F401


def _diagnostics_function(name: str) -> Any:
    return getattr(importlib.import_module(".diagnostics", __name__), name)


# PyVISA documents the pyvisa-info diagnostics in pyvisa.util; they live above the
# frontend, in pyvisa.diagnostics, imported when first used.
for _name in ("get_system_details", "system_details_to_str", "get_debug_info"):
    util._PROVIDED_ABOVE[_name] = functools.partial(_diagnostics_function, _name)
del _name


def log_to_stream(stream_output: TextIO | None, level: int = logging.DEBUG) -> None:
    """Add a handler writing the ``pyvisa`` log records to a stream.

    Parameters
    ----------
    stream_output : TextIO | None
        Stream receiving the records (``None`` means ``sys.stderr``).
    level : int, optional
        Level of the ``pyvisa`` logger and of the new handler, by default DEBUG.

    """
    logger.setLevel(level)
    handler = logging.StreamHandler(stream_output)
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter("%(asctime)s - %(name)s - %(levelname)s - %(message)s"))
    logger.addHandler(handler)


def log_to_screen(level: int = logging.DEBUG) -> None:
    """Write the ``pyvisa`` log records to the screen (standard error).

    Parameters
    ----------
    level : int, optional
        Level of the ``pyvisa`` logger and of the new handler, by default DEBUG.

    """
    log_to_stream(None, level)


def __getattr__(name: str) -> Any:
    # The version is read from the distribution metadata only when asked for, so that
    # importing pyvisa never pays for importlib.metadata.
    if name == "__version__":
        value = package_version()
        globals()["__version__"] = value
        return value
    if name == "thirdparty":
        # An empty subpackage, imported only when asked for (``from . import`` would recurse).
        return importlib.import_module(".thirdparty", __name__)
    if name == "VisaLibrary":
        # The IVI (ctypes) library class of the docs' examples, loaded on first use.
        return importlib.import_module(".ctwrapper", __name__).IVIVisaLibrary
    raise errors.UnknownAttribute(f"module {__name__!r} has no attribute {name!r}")


# What ``from pyvisa import *`` binds: the names of PyVISA 1.16.2, and no submodule (a star
# import must never shadow the standard-library ``typing`` module).
__all__ = [
    "Error",
    "InvalidBinaryFormat",
    "InvalidSession",
    "LibraryError",
    "OSNotSupported",
    "ResourceManager",
    "UnknownHandler",
    "VisaIOError",
    "VisaIOWarning",
    "VisaTypeError",
    "log_to_screen",
    "log_to_stream",
    "logger",
]

# PYVISA_TRACE=path traces every resource operation of the process (see pyvisa.trace).
if os.environ.get("PYVISA_TRACE"):
    importlib.import_module(".trace", __name__).trace_from_environment()
