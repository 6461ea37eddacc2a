"""The ``ivi`` backend: a ctypes wrapper of an IVI VISA shared library.

- :mod:`.types`: ctypes equivalents of the VISA C types;
- :mod:`.signatures`: the C signatures of the VISA functions (a table);
- :mod:`.functions`: binding of the C functions and the middle-level wrappers;
- :mod:`.highlevel`: :class:`IVIVisaLibrary` (library discovery and loading).

"""

from .highlevel import IVIVisaLibrary

#: The library class of this backend (looked up by the frontend by this name).
WRAPPER_CLASS = IVIVisaLibrary

__all__ = ["WRAPPER_CLASS", "IVIVisaLibrary"]
