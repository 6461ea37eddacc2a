"""Tests of the documented behaviour of resources, run against an instrument.

When the ``PYVISA_KEYSIGHT_VIRTUAL_INSTR`` environment variable is set, the tests talk to
the Keysight "Virtual Instrument IO Test" instrument through the default VISA library; its
host is read from ``PYVISA_KEYSIGHT_VIRTUAL_INSTR_HOST`` (by default ``192.168.0.2``) and
its addresses are :data:`RESOURCE_ADDRESSES`. Otherwise they talk, through pyvisa-py
(``@py``), to the loopback instrument of :mod:`pyvisa.testsuite.loopback` served on free
ports of 127.0.0.1 (raw socket and HiSLIP); the tests needing the loopback command set are
skipped against the real instrument (:data:`require_loopback`).

Backends reuse the base classes of this package (``TestResourceManager``,
``TestResourceParsing``, ``TestTCPIPInstr``, ``TestTCPIPSocket``) by subclassing them and
marking, with :func:`copy_func`, the tests they are expected to fail.
"""

import copy
import importlib.util
import os
import types
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

__all__ = [
    "ALIASES",
    "REAL_INSTRUMENT",
    "RESOURCE_ADDRESSES",
    "copy_func",
    "library_spec",
    "require_loopback",
    "require_target",
    "require_virtual_instr",
    "resource_addresses",
]

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

#: Whether the tests talk to the real instrument (else to the loopback instrument).
REAL_INSTRUMENT = "PYVISA_KEYSIGHT_VIRTUAL_INSTR" in os.environ

_HAS_PYVISA_PY = importlib.util.find_spec("pyvisa_py") is not None

#: Skip marker for the tests needing an instrument: the real one or the loopback one,
#: which is reached through pyvisa-py.
require_target = pytest.mark.skipif(
    not REAL_INSTRUMENT and not _HAS_PYVISA_PY,
    reason="No instrument: PYVISA_KEYSIGHT_VIRTUAL_INSTR is not set and pyvisa-py (@py), "
    "needed to reach the loopback instrument, is not installed",
)

#: Skip marker for the tests using the command set of the loopback instrument.
require_loopback = pytest.mark.skipif(
    REAL_INSTRUMENT,
    reason="Uses commands of the loopback instrument (pyvisa.testsuite.loopback) that the "
    "real instrument does not know",
)


def library_spec() -> str:
    """VISA library the tests open: the default one, or ``@py`` for the loopback."""
    return "" if REAL_INSTRUMENT else "@py"


def resource_addresses() -> dict[str, str]:
    """Addresses of the resources under test, per resource type.

    For the loopback instrument, the shared server is started (on free ports of
    127.0.0.1, for a bounded time) on the first call.
    """
    if REAL_INSTRUMENT:
        return dict(RESOURCE_ADDRESSES)
    from pyvisa.testsuite.loopback import shared_server

    return shared_server().addresses


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
