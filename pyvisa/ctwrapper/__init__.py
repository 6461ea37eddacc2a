"""The ``ivi`` backend: a ctypes wrapper of an IVI VISA shared library.

- :mod:`.cthelper`: the platform's calling convention (``FUNCTYPE``, ``Library``) and
  :func:`~.cthelper.find_library`;
- :mod:`.types`: ctypes equivalents of the VISA C types;
- :mod:`.signatures`: the C signatures of the VISA functions (a table);
- :mod:`.binding`: the table turned into bound C functions (argtypes, status check,
  integer range checks, DEBUG trace), once per loaded library;
- :mod:`.functions`: the middle-level operations, one function each, with those of
  :mod:`.handlers` (event handlers), :mod:`.memory` (memory and registers) and the
  attribute value codecs of :mod:`.attribute_codec`;
- :mod:`.highlevel`: :class:`~.highlevel.IVIVisaLibrary` (library discovery and loading, the
  operations as methods).

Environment
-----------
PYVISA_WRAP_HANDLER
    ``"0"`` sets :data:`WRAP_HANDLER` to False at import (any other integer: True).

"""

import os

from .highlevel import IVIVisaLibrary

#: Whether event handlers are wrapped so that they receive Python values (session as
#: an int, event type as an EventType...). When False, the user's handler is given to
#: ``ViHndlr`` unwrapped and receives the raw ctypes arguments. Read when a handler is
#: installed.
WRAP_HANDLER = True

#: Value of the PYVISA_WRAP_HANDLER environment variable at import (None when unset).
env_value = os.environ.get("PYVISA_WRAP_HANDLER", None)
if env_value is not None:
    WRAP_HANDLER = bool(int(env_value))

#: The library class of this backend (looked up by the frontend by this name).
WRAPPER_CLASS = IVIVisaLibrary

__all__ = ["WRAPPER_CLASS", "IVIVisaLibrary"]
