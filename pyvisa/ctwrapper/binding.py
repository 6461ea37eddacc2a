"""Binding of the VISA C functions of a loaded library, derived from the signature table.

Everything here is done once per loaded library (:func:`bind_library`), from the rows
of :mod:`.signatures`:

- ``argtypes`` and ``restype`` of every exported function;
- an ``errcheck`` handing the returned status to the library object's
  ``handle_return_value(session, status)`` (which raises
  :class:`~pyvisa.errors.VisaIOError` for errors, issues warnings and records the
  last status) and, only when the ``pyvisa`` logger is enabled for DEBUG, writing an
  I/O trace line of the call (arguments, outputs passed by reference, status);
- a range check of every integer argument against its C type, before the call: ctypes
  would silently truncate a value that does not fit (:class:`IntegerRange` says which
  values each C type accepts);
- a stub raising :class:`~pyvisa.errors.MissingFunctionError` for a function the
  library does not export (an older VISA, no 64-bit ``*Ex`` functions...).

The result is a :class:`VisaFunctions`: one attribute per C function, named as in
``visa.h``. The formatted I/O family (:data:`.signatures.NOT_BOUND`) is left out.

"""

from __future__ import annotations

import ctypes
import logging
import operator
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple, Protocol

from .._exports import public_at
from .._logging import logger
from ..backend import VisaLibraryBase
from ..constants import StatusCode
from ..errors import (
    ArgumentOverflow,
    InvalidArgumentType,
    MissingFunctionError,
    completion_and_error_messages,
)
from . import types
from .signatures import ARGUMENT_NAMES, NOT_BOUND, SIGNATURES, CSignature

__all__ = [
    "C_FUNCTIONS",
    "BoundLibrary",
    "CFunction",
    "CFunctionSpec",
    "FunctionSpecs",
    "IntegerArgument",
    "IntegerRange",
    "VisaFunctions",
    "bind_library",
    "check_int",
    "check_uint",
    "integer_range",
    "set_signature",
    "set_signatures",
    "set_user_handle_type",
    "trace_call",
]

#: A bound VISA function, called with the C arguments; it returns the checked status.
CFunction = Callable[..., StatusCode]


# ----------------------------------------------------------------------------
# Integer arguments
# ----------------------------------------------------------------------------


def _as_index(value: Any, what: str) -> int:
    try:
        return operator.index(value)
    except TypeError:
        raise InvalidArgumentType(
            f"{what} must be an integer, not {type(value).__name__}"
        ) from None


def check_uint(value: Any, bits: int, what: str) -> int:
    """Check that a value fits an unsigned C integer of ``bits`` bits.

    Parameters
    ----------
    value : Any
        An ``int`` or an object with ``__index__``.
    bits : int
        Width of the C type.
    what : str
        Name of the argument, for the messages.

    Returns
    -------
    int
        The value as a plain ``int``.

    Raises
    ------
    InvalidArgumentType
        If the value is not an integer.
    ArgumentOverflow
        If it is negative or needs more than ``bits`` bits.

    """
    value = _as_index(value, what)
    if not 0 <= value < (1 << bits):
        raise ArgumentOverflow(f"{what} must fit in an unsigned {bits}-bit integer, got {value}")
    return value


def check_int(value: Any, bits: int, what: str) -> int:
    """Check that a value is one of the two readings of a ``bits``-bit C integer.

    Both the signed and the unsigned reading are accepted (-1 and 0xFFFF for 16 bits),
    as a C cast would; a wider value is an error instead of being truncated.

    Raises
    ------
    InvalidArgumentType
        If the value is not an integer.
    ArgumentOverflow
        If it does not fit in ``bits`` bits.

    """
    value = _as_index(value, what)
    if not -(1 << (bits - 1)) <= value < (1 << bits):
        article = "an" if bits == 8 else "a"
        raise ArgumentOverflow(f"{what} must fit in {article} {bits}-bit integer, got {value}")
    return value


#: Unsigned types wider than 16 bits whose values are identifiers, for which the signed
#: reading is accepted too: PyVISA 1.16.2 writes some attribute ids as negative numbers.
_IDENTIFIER_TYPES = frozenset({"ViAttr"})

#: Parameters holding a value written to memory (viOut*, viPoke*): a quantity, unsigned
#: whatever its width, as are the elements of the blocks of viMoveOut*.
_MEMORY_VALUES = frozenset({"val8", "val16", "val32", "val64"})


class IntegerRange(NamedTuple):
    """The Python integers accepted for an argument of an integer C type.

    A signed type, a type of at most 16 bits (modes, masks, lines, widths: C code
    writes them as casts, ``-1`` for ``0xFFFF``) and an identifier type accept both
    readings of their bits; the other unsigned types (counts, sizes, timeouts, bus
    addresses, ids of sessions and jobs) and the values written to memory accept
    only their unsigned values.
    """

    #: Name of the VISA type (``ViUInt32``...).
    type_name: str
    #: Width of the C type.
    bits: int
    #: Whether the signed reading of the bits is accepted.
    both_readings: bool

    @property
    def low(self) -> int:
        """Lowest accepted value."""
        return -(1 << (self.bits - 1)) if self.both_readings else 0

    @property
    def high(self) -> int:
        """One more than the highest accepted value."""
        return 1 << self.bits

    def check(self, value: Any, what: str) -> int:
        """Return ``value`` as an ``int`` if the C type accepts it (see :func:`check_int`)."""
        if self.both_readings:
            return check_int(value, self.bits, what)
        return check_uint(value, self.bits, what)


def integer_range(type_name: str, quantity: bool = False) -> IntegerRange | None:
    """The values accepted for a VISA type, ``None`` when it is not an integer type.

    Parameters
    ----------
    type_name : str
        Name of the VISA type (``ViUInt16``...).
    quantity : bool, optional
        Whether the argument is a quantity (a value written to memory), for which an
        unsigned type accepts only its unsigned values whatever its width.

    """
    ctype = types.VISA_TYPES.get(type_name)
    if not (isinstance(ctype, type) and issubclass(ctype, ctypes._SimpleCData)):
        return None
    code = getattr(ctype, "_type_", None)
    if not (isinstance(code, str) and code in "bBhHiIlLqQ"):
        return None  # pointers, characters, floating point
    bits = ctypes.sizeof(ctype) * 8
    both = code.islower() or (not quantity and (bits <= 16 or type_name in _IDENTIFIER_TYPES))
    return IntegerRange(type_name, bits, both)


# ----------------------------------------------------------------------------
# C signatures
# ----------------------------------------------------------------------------


def _parameter_type(parameter: str) -> Any:
    """Ctypes type of one parameter as written in visa.h (``ViUInt32 cnt``...)."""
    words = parameter.split()
    if words[0] == "void":  # "void _VI_PTR attrValue": the untyped output of viGetAttribute
        return ctypes.c_void_p
    if words[-1].endswith("[]"):  # "ViChar _VI_FAR desc[]": an output character array
        return types.VISA_TYPES["ViAChar"]
    return types.VISA_TYPES[words[0]]


class IntegerArgument(NamedTuple):
    """An integer parameter of a C function, checked before each call."""

    #: Position in the argument list.
    position: int
    #: Name of the parameter in the middle-level functions (see ``ARGUMENT_NAMES``).
    name: str
    range: IntegerRange


class CFunctionSpec(NamedTuple):
    """Ctypes view of one C signature."""

    name: str
    restype: Any
    argtypes: tuple[Any, ...]
    #: True when the first argument is a session/object whose status is tracked.
    has_session: bool
    #: The integer parameters, whose values are range-checked before the call.
    integers: tuple[IntegerArgument, ...] = ()


def _argument_name(function: str, parameter: str) -> str:
    name = parameter.split()[-1].removesuffix("[]")
    return ARGUMENT_NAMES.get(f"{function}.{name}") or ARGUMENT_NAMES.get(name, name)


def _build_spec(sig: CSignature) -> CFunctionSpec:
    """The ctypes view of one row of the signature table."""
    params = [p.strip() for p in sig.parameters.split(",")]
    integers = []
    for position, param in enumerate(params):
        type_name, _, c_name = param.partition(" ")
        quantity = c_name in _MEMORY_VALUES
        accepted = None if param.endswith("[]") else integer_range(type_name, quantity)
        if accepted is not None:
            name = _argument_name(sig.name, param)
            integers.append(IntegerArgument(position, name, accepted))
    return CFunctionSpec(
        sig.name,
        None if sig.restype == "void" else types.ViStatus,
        tuple(_parameter_type(p) for p in params),
        # viOpenDefaultRM's only argument is an output pointer, not a session.
        not params[0].split()[0].startswith("ViP"),
        tuple(integers),
    )


class FunctionSpecs(Mapping[str, CFunctionSpec]):
    """The ctypes view of every bound C signature, by name, in the order of the table.

    A read-only mapping whose entries are built from the signature table the first time
    they are looked up: importing the backend or loading a library costs nothing per
    function (a first query uses 4 of the 97).
    """

    def __init__(self, signatures: tuple[CSignature, ...]) -> None:
        self._rows = {sig.name: sig for sig in signatures if sig.name not in NOT_BOUND}
        self._specs: dict[str, CFunctionSpec] = {}

    def __getitem__(self, name: str) -> CFunctionSpec:
        spec = self._specs.get(name)
        if spec is None:
            spec = self._specs[name] = _build_spec(self._rows[name])
        return spec

    def __contains__(self, name: object) -> bool:
        return name in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


#: Ctypes signature of every bound function, by name (each built when first looked up).
C_FUNCTIONS: FunctionSpecs = FunctionSpecs(SIGNATURES)


def _missing_function(name: str, library_path: str) -> CFunction:
    def missing(*args: Any) -> StatusCode:
        raise MissingFunctionError(name, library_path)

    missing.__name__ = missing.__qualname__ = name
    missing.__doc__ = f"Stub: {name} is not exported by {library_path}."
    return missing


def _checked_arguments(spec: CFunctionSpec, arguments: tuple[Any, ...]) -> tuple[Any, ...]:
    """The arguments with their integers as plain ``int``, or the error of the first misfit."""
    converted = list(arguments)
    for position, name, accepted in spec.integers:
        converted[position] = accepted.check(arguments[position], name)
    return tuple(converted)


def _with_range_checks(func: Any, spec: CFunctionSpec) -> CFunction:
    """Wrap a configured ctypes function so that its integer arguments are checked first.

    The common case (plain ``int`` values in range) costs one comparison per integer
    argument; anything else goes through :meth:`IntegerRange.check`, which converts
    ``__index__`` objects or raises naming the argument. A wrong number of arguments
    is left to ctypes to report.
    """
    bounds = tuple(
        (position, accepted.low, accepted.high) for position, _, accepted in spec.integers
    )
    arity = len(spec.argtypes)

    def call(*arguments: Any) -> StatusCode:
        if len(arguments) == arity:
            for position, low, high in bounds:
                value = arguments[position]
                if not (isinstance(value, int) and low <= value < high):
                    return func(*_checked_arguments(spec, arguments))
        return func(*arguments)

    call.__name__ = call.__qualname__ = spec.name
    call.__doc__ = f"{spec.name}, its integer arguments checked against their C types."
    call.__wrapped__ = func  # type: ignore[attr-defined]
    return call


def _range_test(bounds: tuple[tuple[int, int, int], ...]) -> Callable[[tuple[Any, ...]], bool]:
    """A test telling whether the integer arguments of a call are plain ints in range.

    ``bounds`` holds (position, lowest accepted, one more than the highest) per integer
    argument. The usual one or two (session, count) are tested without a loop.
    """
    if not bounds:
        return lambda arguments: True
    if len(bounds) == 1:
        ((p0, lo0, hi0),) = bounds
        return lambda a: isinstance(a[p0], int) and lo0 <= a[p0] < hi0
    if len(bounds) == 2:
        (p0, lo0, hi0), (p1, lo1, hi1) = bounds
        return lambda a: (
            isinstance(a[p0], int)
            and isinstance(a[p1], int)
            and lo0 <= a[p0] < hi0
            and lo1 <= a[p1] < hi1
        )

    def test(arguments: tuple[Any, ...]) -> bool:
        for position, low, high in bounds:
            value = arguments[position]
            if not (isinstance(value, int) and low <= value < high):
                return False
        return True

    return test


def _checked_call(
    func: Any,
    spec: CFunctionSpec,
    handle: Callable[[Any, int], Any],
    extra: dict[str, str] | None,
) -> CFunction:
    """A configured ctypes function as the library object calls it.

    The integer arguments are checked first (as :func:`_with_range_checks` does), then the
    C function is called and its status handed to ``handle(session, status)`` (the
    library's ``handle_return_value``: ``None`` as session for ``viOpenDefaultRM``, 0 as
    status for a ``void`` function). The I/O trace record is formatted only when the
    ``pyvisa`` logger is enabled for DEBUG. One Python call wraps the C call: no
    ``errcheck`` callback, no second wrapper.
    """
    bounds = tuple(
        (position, accepted.low, accepted.high) for position, _, accepted in spec.integers
    )
    arity = len(spec.argtypes)
    has_session = spec.has_session
    void = spec.restype is None
    enabled = logger.isEnabledFor
    debug = logging.DEBUG

    in_range = _range_test(bounds)

    def call(*arguments: Any) -> Any:
        if len(arguments) == arity and not in_range(arguments):
            arguments = _checked_arguments(spec, arguments)
        result = func(*arguments)
        if enabled(debug):
            _log_call(func, arguments, result, extra)
        return handle(arguments[0] if has_session else None, 0 if void else result)

    call.__name__ = call.__qualname__ = spec.name
    call.__doc__ = f"{spec.name}: integer arguments checked, status handled, DEBUG trace."
    call.__wrapped__ = func  # type: ignore[attr-defined]
    return call


#: The message I/O functions, ``(ViSession, buffer, ViUInt32 count, ViPUInt32)``, whose
#: bound function also carries the C function without ``argtypes`` (``.unconverted``).
#: ctypes converts each argument through its declared type otherwise (a new ctypes
#: object per integer), which costs more than the C call: the operations ``read`` and
#: ``write`` call it with what the declared types would give the C function (a session
#: and a count they checked, a ``bytes`` or ``c_char`` array buffer, a ``ctypes.byref`` of
#: a ``ViUInt32``), then hand the status to ``handle_return_value`` and trace the call at
#: DEBUG level themselves. Anything else calls the bound function.
UNCONVERTED_FUNCTIONS = frozenset({"viRead", "viWrite"})


# ----------------------------------------------------------------------------
# DEBUG I/O trace
# ----------------------------------------------------------------------------

#: Bytes of a data buffer shown in the trace (longer data is elided).
TRACE_DATA_BYTES = 48
#: Elements of a numeric array shown in the trace.
TRACE_ARRAY_ITEMS = 8

#: Type of the objects returned by ctypes.byref.
_BYREF_TYPE = type(ctypes.byref(ctypes.c_int()))


def _trace_bytes(data: bytes, size: int) -> str:
    if size <= TRACE_DATA_BYTES:
        return repr(data)
    return f"{data!r}...({size} bytes)"


def _trace_value(value: Any) -> str:
    """Text of one argument of a C call, as seen after the call returned."""
    if isinstance(value, bytes):
        return _trace_bytes(value[:TRACE_DATA_BYTES], len(value))
    if type(value) is _BYREF_TYPE:  # ctypes.byref(x): show the output value
        return "&" + _trace_value(value._obj)  # type: ignore[attr-defined]
    if isinstance(value, ctypes.Array):
        if value._type_ is ctypes.c_char:
            size = len(value)
            if size <= TRACE_DATA_BYTES:
                return repr(value.raw)
            # Output buffers are zero-filled: what the library wrote ends at the trailing NULs.
            head = ctypes.string_at(value, TRACE_DATA_BYTES)
            written = head.rstrip(b"\0")
            return repr(written) if len(written) < len(head) else f"{head!r}..."
        items = ", ".join(repr(item) for item in value[:TRACE_ARRAY_ITEMS])
        return f"[{items}{', ...' if len(value) > TRACE_ARRAY_ITEMS else ''}]"
    if isinstance(value, ctypes._SimpleCData):
        return repr(value.value)
    if isinstance(value, types.ViHndlr):
        return "<handler>"
    return repr(value)


def _trace_status(result: int | None) -> str:
    if result is None:
        return "void"
    name = completion_and_error_messages.get(result)
    return f"{result} ({name[0]})" if name else str(result)


def _trace_arguments(arguments: tuple[Any, ...]) -> str:
    return ", ".join(_trace_value(argument) for argument in arguments)


def trace_call(name: str, arguments: tuple[Any, ...], result: int | None) -> str:
    """Format one C call as an I/O trace line: ``viRead(1, b'..', 6, &6) -> 0 (VI_SUCCESS)``."""
    return f"{name}({_trace_arguments(arguments)}) -> {_trace_status(result)}"


#: Message format of the DEBUG trace records (args: function name, arguments, status).
TRACE_FORMAT = "%s(%s) -> %s"


def _log_call(
    func: Any, arguments: tuple[Any, ...], result: int | None, extra: dict[str, str] | None
) -> None:
    logger.debug(
        TRACE_FORMAT,
        func.__name__,
        _trace_arguments(arguments),
        _trace_status(result),
        extra=extra,
    )


# ----------------------------------------------------------------------------
# The bound functions of a library
# ----------------------------------------------------------------------------


class VisaFunctions:
    """The VISA functions of one loaded library, as :func:`bind_library` binds them.

    One attribute per function of the signature table (the formatted I/O family
    aside), named as in ``visa.h``. Each takes the C arguments (integers, ``bytes``,
    ctypes buffers, ``ctypes.byref`` outputs), checks its integer arguments, calls the
    library and returns the status once the library object has processed it; a
    function the library does not export raises
    :class:`~pyvisa.errors.MissingFunctionError` when called.

    Each function is bound the first time it is looked up (its row of the signature
    table converted, ``argtypes`` and ``restype`` set): loading a library costs nothing
    per function, and a process pays only for the functions it calls.

    Parameters
    ----------
    bind : Callable[[str], CFunction]
        Returns the bound function of a name of :data:`C_FUNCTIONS`.

    """

    viOpenDefaultRM: CFunction
    viFindRsrc: CFunction
    viFindNext: CFunction
    viParseRsrc: CFunction
    viParseRsrcEx: CFunction
    viOpen: CFunction
    viClose: CFunction
    viSetAttribute: CFunction
    viGetAttribute: CFunction
    viStatusDesc: CFunction
    viTerminate: CFunction
    viLock: CFunction
    viUnlock: CFunction
    viEnableEvent: CFunction
    viDisableEvent: CFunction
    viDiscardEvents: CFunction
    viWaitOnEvent: CFunction
    viInstallHandler: CFunction
    viUninstallHandler: CFunction
    viRead: CFunction
    viReadAsync: CFunction
    viReadToFile: CFunction
    viWrite: CFunction
    viWriteAsync: CFunction
    viWriteFromFile: CFunction
    viAssertTrigger: CFunction
    viReadSTB: CFunction
    viClear: CFunction
    viSetBuf: CFunction
    viFlush: CFunction
    viBufWrite: CFunction
    viBufRead: CFunction
    viIn8: CFunction
    viOut8: CFunction
    viIn16: CFunction
    viOut16: CFunction
    viIn32: CFunction
    viOut32: CFunction
    viIn64: CFunction
    viOut64: CFunction
    viIn8Ex: CFunction
    viOut8Ex: CFunction
    viIn16Ex: CFunction
    viOut16Ex: CFunction
    viIn32Ex: CFunction
    viOut32Ex: CFunction
    viIn64Ex: CFunction
    viOut64Ex: CFunction
    viMoveIn8: CFunction
    viMoveOut8: CFunction
    viMoveIn16: CFunction
    viMoveOut16: CFunction
    viMoveIn32: CFunction
    viMoveOut32: CFunction
    viMoveIn64: CFunction
    viMoveOut64: CFunction
    viMoveIn8Ex: CFunction
    viMoveOut8Ex: CFunction
    viMoveIn16Ex: CFunction
    viMoveOut16Ex: CFunction
    viMoveIn32Ex: CFunction
    viMoveOut32Ex: CFunction
    viMoveIn64Ex: CFunction
    viMoveOut64Ex: CFunction
    viMove: CFunction
    viMoveAsync: CFunction
    viMoveEx: CFunction
    viMoveAsyncEx: CFunction
    viMapAddress: CFunction
    viUnmapAddress: CFunction
    viMapAddressEx: CFunction
    viPeek8: CFunction
    viPoke8: CFunction
    viPeek16: CFunction
    viPoke16: CFunction
    viPeek32: CFunction
    viPoke32: CFunction
    viPeek64: CFunction
    viPoke64: CFunction
    viMemAlloc: CFunction
    viMemFree: CFunction
    viMemAllocEx: CFunction
    viMemFreeEx: CFunction
    viGpibControlREN: CFunction
    viGpibControlATN: CFunction
    viGpibSendIFC: CFunction
    viGpibCommand: CFunction
    viGpibPassControl: CFunction
    viVxiCommandQuery: CFunction
    viAssertUtilSignal: CFunction
    viAssertIntrSignal: CFunction
    viMapTrigger: CFunction
    viUnmapTrigger: CFunction
    viUsbControlOut: CFunction
    viUsbControlIn: CFunction
    viPxiReserveTriggers: CFunction

    def __init__(self, bind: Callable[[str], CFunction]) -> None:
        self._bind = bind
        self._bind_lock = threading.Lock()

    def _bound(self, name: str) -> CFunction:
        """Bind the function ``name`` (once: it is then an attribute of the instance)."""
        with self._bind_lock:
            bound = vars(self).get(name)
            if bound is None:
                bound = self._bind(name)
                setattr(self, name, bound)
        return bound


class _BindOnFirstUse:
    """Class attribute of :class:`VisaFunctions` for one function: binds it when first read.

    A non-data descriptor: the bound function is then stored on the instance, which
    later reads find first (no ``__getattr__``, which would slow down every attribute
    read of the class).
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: VisaFunctions | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        return instance._bound(self.name)


for _name in C_FUNCTIONS:
    setattr(VisaFunctions, _name, _BindOnFirstUse(_name))
del _name


class BoundLibrary(Protocol):
    """The library object as the middle-level functions see it.

    :class:`~pyvisa.ctwrapper.highlevel.IVIVisaLibrary` is one: its bound C functions
    and the registries that keep alive what the C library holds pointers to (event
    callbacks, the buffers of asynchronous operations) per session.
    """

    #: The bound C functions of the loaded library.
    c: VisaFunctions
    #: Memory of the asynchronous operations per session: job id -> (buffer, is a read).
    _async_jobs: dict[int, dict[int, tuple[Any, bool]]]
    _async_lock: threading.RLock

    def handle_return_value(self, session: Any, status_code: int) -> Any: ...

    def _register_session(self, resource_manager: int, session: int) -> None: ...

    def _forget_session(self, session: int) -> None: ...

    def _keep_handler(
        self,
        session: int,
        event_type: int,
        handler: Callable[..., Any],
        converted_handler: Any,
        converted_user_handle: Any,
    ) -> None: ...

    def _find_handler(
        self, session: int, event_type: int, handler: Any, user_handle: Any
    ) -> tuple[Any, Any]: ...

    def _release_handler(
        self, session: int, event_type: int, converted_handler: Any, converted_user_handle: Any
    ) -> None: ...


def bind_library(lib: ctypes.CDLL, library: VisaLibraryBase, library_path: str) -> VisaFunctions:
    """Bind the VISA functions of a loaded library, each when first used.

    Parameters
    ----------
    lib : ctypes.CDLL
        The loaded shared library.
    library : VisaLibraryBase
        Object whose ``handle_return_value(session, status)`` processes each status
        (its ``_logging_extra``, if any, is added to the trace records).
    library_path : str
        Path of the library, for the error raised by missing functions.

    Returns
    -------
    VisaFunctions
        The functions, bound on first access (a stub raising
        :class:`~pyvisa.errors.MissingFunctionError` for a symbol the library lacks).

    """
    handle = library.handle_return_value
    extra = getattr(library, "_logging_extra", None)

    def bind(name: str) -> CFunction:
        spec = C_FUNCTIONS[name]
        try:
            func = lib[name]
        except AttributeError:
            return _missing_function(name, library_path)
        func.argtypes = spec.argtypes
        func.restype = spec.restype
        checked = _checked_call(func, spec, handle, extra)
        if name in UNCONVERTED_FUNCTIONS:
            checked.unconverted = lib[name]  # type: ignore[attr-defined]
        return checked

    return VisaFunctions(bind)


# ----------------------------------------------------------------------------
# PyVISA's signature helpers for a plain ctypes library
# ----------------------------------------------------------------------------

#: Type of an ``errcheck``: (result, function, arguments) -> result of the call.
ErrCheck = Callable[[int, Callable[..., Any], tuple[Any, ...]], int]


@public_at("pyvisa.ctwrapper.functions")
def set_signature(
    library: Any,
    function_name: str,
    argtypes: tuple[Any, ...],
    restype: Any,
    errcheck: ErrCheck | None,
) -> None:
    """Declare the C signature of one function of a loaded ctypes library.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    function_name : str
        Name of the C function (``viRead``...).
    argtypes : tuple
        Ctypes types of the arguments.
    restype : Any
        Ctypes type of the result (None for ``void``).
    errcheck : Callable | None
        Called with (result, function, arguments) after each call; its return value
        is the result of the call. None keeps the raw result.

    Raises
    ------
    AttributeError
        If the library does not export the function.

    """
    func = getattr(library, function_name)
    func.argtypes = list(argtypes)
    func.restype = restype
    if errcheck is not None:
        func.errcheck = errcheck


@public_at("pyvisa.ctwrapper.functions")
def set_signatures(library: Any, errcheck: ErrCheck | None = None) -> None:
    """Declare the C signature of every VISA function a loaded ctypes library exports.

    The signatures come from the table of :mod:`.signatures` (the formatted I/O family
    is left out). Functions the library lacks are skipped. No range check is added:
    :class:`~pyvisa.ctwrapper.highlevel.IVIVisaLibrary` binds its library with
    :func:`bind_library` instead.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    errcheck : Callable | None, optional
        Status check given to every function whose result is a ViStatus.

    """
    for spec in C_FUNCTIONS.values():
        try:
            set_signature(
                library,
                spec.name,
                spec.argtypes,
                spec.restype,
                errcheck if spec.restype is not None else None,
            )
        except AttributeError:
            continue


@public_at("pyvisa.ctwrapper.functions")
def set_user_handle_type(library: Any, user_handle: Any) -> None:
    """Declare the user-handle parameter of viInstallHandler and viUninstallHandler.

    The user handle is always passed as the address of its converted ctypes object,
    a ``ViAddr`` (``void *``), whatever its type: the parameter is declared so.
    ``user_handle`` is accepted for compatibility with PyVISA and not used.

    Parameters
    ----------
    library : ctypes.CDLL
        The loaded shared library.
    user_handle : Any
        The user handle about to be installed.

    """
    for name in ("viInstallHandler", "viUninstallHandler"):
        func = getattr(library, name, None)
        if func is not None:
            argtypes = list(func.argtypes or C_FUNCTIONS[name].argtypes)
            argtypes[3] = ctypes.c_void_p
            func.argtypes = argtypes
