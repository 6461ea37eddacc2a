"""Event handlers of the ``ivi`` backend: user handles, C callbacks, (un)installation.

A Python handler becomes a ``ViHndlr`` C callback (``install_handler``); the user
handle becomes a ctypes object whose address is given to the library
(``convert_user_handle``). The library object keeps both alive for as long as
they are installed (its ``_keep_handler``/``_release_handler``): the C library holds
pointers to them.

The operations are functions of :mod:`pyvisa.ctwrapper.functions` in PyVISA and are
documented there; they live here and are imported back.

"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable
from typing import Any

from .._exports import public_at
from .._logging import logger
from ..constants import EventType, StatusCode
from ..errors import InvalidArgumentType
from .binding import BoundLibrary
from .types import ViHndlr

__all__ = [
    "ViHndlr_lock",
    "as_event_type",
    "convert_user_handle",
    "install_handler",
    "uninstall_handler",
]

#: Serialises the installation of event handlers.
ViHndlr_lock = threading.Lock()

#: VI_ANY_HNDLR: a NULL handler pointer.
_NULL_HANDLER = ViHndlr()


def as_event_type(value: int) -> Any:
    """The :class:`~pyvisa.constants.EventType` of a value, the value itself if unknown."""
    try:
        return EventType(value)
    except ValueError:
        return value


def convert_user_handle(user_handle: Any) -> Any:
    """Convert a Python user handle to the ctypes object whose address is passed to C.

    ``None`` stays ``None`` (VI_NULL); ints become ``c_long`` (``c_longlong`` when
    larger), floats ``c_double``, ``str`` ``c_wchar_p``, ``bytes`` ``c_char_p``,
    sequences of ints/floats arrays of ``c_long``/``c_double``; ctypes objects
    (structures, arrays, simple values) are used as they are.

    Raises
    ------
    InvalidArgumentType
        For any other type, or an int wider than 64 bits.

    """
    if user_handle is None or isinstance(
        user_handle, ctypes._SimpleCData | ctypes.Structure | ctypes.Union | ctypes.Array
    ):
        return user_handle
    if isinstance(user_handle, bool | int):
        value = int(user_handle)
        long_bits = ctypes.sizeof(ctypes.c_long) * 8
        if -(1 << (long_bits - 1)) <= value < (1 << (long_bits - 1)):
            return ctypes.c_long(value)
        if -(1 << 63) <= value < (1 << 63):
            return ctypes.c_longlong(value)
        raise InvalidArgumentType(f"user handle {value} does not fit in a 64-bit integer")
    if isinstance(user_handle, float):
        return ctypes.c_double(user_handle)
    if isinstance(user_handle, str):
        return ctypes.c_wchar_p(user_handle)
    if isinstance(user_handle, bytes):
        return ctypes.c_char_p(user_handle)
    if isinstance(user_handle, list | tuple):
        if all(isinstance(x, int) for x in user_handle):
            return (ctypes.c_long * len(user_handle))(*user_handle)
        if all(isinstance(x, int | float) for x in user_handle):
            return (ctypes.c_double * len(user_handle))(*user_handle)
    raise InvalidArgumentType(
        f"unsupported user handle {user_handle!r}: expected None, int, float, str, bytes, "
        "a list of numbers or a ctypes object"
    )


def _user_handle_address(converted: Any) -> int | None:
    return None if converted is None else ctypes.addressof(converted)


def _make_callback(handler: Callable[..., Any], converted_user_handle: Any) -> Any:
    """Wrap a Python handler in a ViHndlr C callback.

    The handler is called with Python values: ``(session: int, event_type:
    EventType, context: int, user_handle)`` where ``user_handle`` is the
    converted handle returned by :func:`install_handler`. The callback may run in
    a thread created by the VISA library (ctypes then takes the GIL for it). An
    integer returned by the handler is returned to VISA (e.g.
    ``VI_SUCCESS_NCHAIN``), anything else gives ``VI_SUCCESS``. Exceptions are
    logged and never cross into C.
    """
    success = int(StatusCode.success)

    def callback(session: Any, event_type: int, context: Any, user_address: int | None) -> int:
        # ViSession and ViEvent are ViObject (a c_uint subclass): ctypes passes instances.
        session = session.value
        try:
            result = handler(
                session, as_event_type(event_type), context.value, converted_user_handle
            )
            if type(result) is not bool and isinstance(result, int) and -(2**31) <= result < 2**31:
                return int(result)
        except BaseException:  # noqa: B036 - nothing may propagate into the C library
            logger.exception(
                "Exception in VISA event handler %r (session %s, event type %#x)",
                handler,
                session,
                event_type,
            )
        return success

    return ViHndlr(callback)


@public_at("pyvisa.ctwrapper.functions")
def install_handler(
    library: BoundLibrary,
    session: int,
    event_type: int,
    handler: Callable[..., Any],
    user_handle: Any,
) -> tuple[Callable[..., Any], Any, Any, StatusCode]:
    """Install a handler for event callbacks (viInstallHandler).

    When :data:`pyvisa.ctwrapper.WRAP_HANDLER` is False, the handler is given to
    ``ViHndlr`` as it is and receives the raw ctypes arguments.

    Returns
    -------
    tuple
        The handler, the converted user handle (to pass to later calls), the
        converted handler (the ctypes callback) and the status of the call.

    Raises
    ------
    InvalidArgumentType
        If the handler is not callable or the user handle cannot be converted.

    """
    if not callable(handler):
        raise InvalidArgumentType(f"the handler must be callable, not {type(handler).__name__}")
    converted_user_handle = convert_user_handle(user_handle)
    # Read at each installation: the package module, not imported here (it imports us).
    if sys.modules["pyvisa.ctwrapper"].WRAP_HANDLER:
        converted_handler = _make_callback(handler, converted_user_handle)
    else:
        # The handler receives the raw ctypes arguments (PYVISA_WRAP_HANDLER=0).
        converted_handler = ViHndlr(handler)
    with ViHndlr_lock:
        ret = library.c.viInstallHandler(
            session, event_type, converted_handler, _user_handle_address(converted_user_handle)
        )
        library._keep_handler(
            session, event_type, handler, converted_handler, converted_user_handle
        )
    return handler, converted_user_handle, converted_handler, ret


@public_at("pyvisa.ctwrapper.functions")
def uninstall_handler(
    library: BoundLibrary, session: int, event_type: int, handler: Any, user_handle: Any = None
) -> StatusCode:
    """Uninstall a handler (viUninstallHandler).

    ``handler`` and ``user_handle`` are the converted values returned by
    :func:`install_handler`; a Python handler installed through this library is
    also accepted and resolved to its callback. ``handler=None`` is
    ``VI_ANY_HNDLR``: every handler of the event type installed with that user
    handle (``None``: without one) is uninstalled.
    """
    converted_handler, converted_user_handle = library._find_handler(
        session, event_type, handler, user_handle
    )
    ret = library.c.viUninstallHandler(
        session,
        event_type,
        _NULL_HANDLER if converted_handler is None else converted_handler,
        _user_handle_address(converted_user_handle),
    )
    library._release_handler(session, event_type, converted_handler, converted_user_handle)
    return ret
