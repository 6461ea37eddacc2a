"""Tests run against the Keysight "Virtual Instrument IO Test" instrument.

These tests need a real VISA setup talking to the Keysight virtual instrument; they are
skipped unless the ``PYVISA_KEYSIGHT_VIRTUAL_INSTR`` environment variable is set. The
host of the instrument is read from ``PYVISA_KEYSIGHT_VIRTUAL_INSTR_HOST`` (by default
``192.168.0.2``).

Backends reuse the base classes of this package (``TestResourceManager``,
``TestResourceParsing``, ``TestTCPIPInstr``, ``TestTCPIPSocket``) by subclassing them and
marking, with :func:`copy_func`, the tests they are expected to fail.
"""

import copy
import os
import types
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

__all__ = ["RESOURCE_ADDRESSES", "ALIASES", "copy_func", "require_virtual_instr"]

_HOST = os.environ.get("PYVISA_KEYSIGHT_VIRTUAL_INSTR_HOST", "192.168.0.2")

#: Addresses of the resources exposed by the virtual instrument, per resource type.
RESOURCE_ADDRESSES: dict[str, str] = {
    "TCPIP::INSTR": f"TCPIP::{_HOST}::INSTR",
    "TCPIP::SOCKET": f"TCPIP::{_HOST}::5025::SOCKET",
}

#: Aliases defined in the VISA configuration of the test machine (name -> alias).
ALIASES: dict[str, str] = {}

#: Skip marker (usable on classes) for the tests needing the virtual instrument.
require_virtual_instr = pytest.mark.skipif(
    "PYVISA_KEYSIGHT_VIRTUAL_INSTR" not in os.environ,
    reason="Requires the Keysight virtual instrument. Run on PyVISA buildbot.",
)

_F = TypeVar("_F", bound=Callable[..., Any])


def copy_func(f: _F) -> _F:
    """Return an independent copy of a plain function.

    The copy shares the code, globals, defaults and closure of ``f`` but not its
    ``__dict__``, so that marking the copy (``pytest.mark.xfail(copy_func(Base.test_x))``)
    leaves the original untouched.

    Parameters
    ----------
    f : Callable
        Plain Python function to copy.

    Returns
    -------
    Callable
        The copy.

    """
    if not isinstance(f, types.FunctionType):
        raise TypeError(f"copy_func expects a plain Python function, got {f!r}")
    g = types.FunctionType(
        f.__code__, f.__globals__, name=f.__name__, argdefs=f.__defaults__, closure=f.__closure__
    )
    g.__kwdefaults__ = copy.copy(f.__kwdefaults__)
    g.__doc__ = f.__doc__
    g.__module__ = f.__module__
    g.__qualname__ = f.__qualname__
    g.__annotations__ = dict(f.__annotations__)
    g.__dict__.update({key: copy.copy(value) for key, value in f.__dict__.items()})
    return g  # type: ignore[return-value]
