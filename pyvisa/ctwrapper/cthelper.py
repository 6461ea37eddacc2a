"""Platform-dependent ctypes helpers of the ``ivi`` backend.

- :data:`FUNCTYPE`: the factory of C callback types with the calling convention of
  VISA handlers (``__stdcall`` on Windows, the C convention elsewhere);
- :data:`Library`: the class loading a VISA shared library (``WinDLL`` on Windows,
  ``CDLL`` elsewhere);
- :func:`find_library`: the loader's search for a library by name.

"""

import ctypes
import os
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["FUNCTYPE", "Library", "find_library"]

FUNCTYPE: Callable[..., Any]
Library: type[ctypes.CDLL]
if sys.platform == "win32":
    FUNCTYPE, Library = ctypes.WINFUNCTYPE, ctypes.WinDLL
else:
    FUNCTYPE, Library = ctypes.CFUNCTYPE, ctypes.CDLL


def define_find_libary() -> Callable[[str], str | None]:
    """Build the :func:`find_library` of this platform.

    On Cygwin the loader does not look up names the way :mod:`ctypes.util` expects:
    the DLL is searched in the directories of ``PATH`` (``cyg<name>.dll`` then
    ``<name>.dll``). Elsewhere :func:`ctypes.util.find_library` is used (imported on
    the first call only: it is slow to import).

    Returns
    -------
    Callable[[str], str | None]
        Function mapping a library name (``"visa"``) to a loadable path or name,
        ``None`` when the library is not found.

    """
    if sys.platform == "cygwin":

        def _find_library(name: str) -> str | None:
            for directory in os.environ.get("PATH", "").split(os.pathsep):
                for candidate in (f"cyg{name}.dll", f"{name}.dll"):
                    path = os.path.join(directory, candidate)
                    if os.path.isfile(path):
                        return path
            return None

    else:

        def _find_library(name: str) -> str | None:
            import ctypes.util

            return ctypes.util.find_library(name)

    return _find_library


#: Find a shared library by name (see :func:`define_find_libary`).
find_library = define_find_libary()
