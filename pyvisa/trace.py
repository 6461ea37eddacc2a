"""A structured trace of the resource-level operations, the same whatever the backend.

While a tracer is active, every operation of a resource (``open``, ``write``, ``read``,
``query``, ``clear``, ``lock``, ``read_memory``... the names of :data:`OPERATIONS`) gives
one :class:`TraceRecord`: when it started, on which resource, its arguments and result,
the bytes sent and received (a bounded, escaped preview and the full length), the name of
the status of its last VISA call, how long it took, the thread it ran in and the
operation it is part of (a ``query`` contains its ``write`` and its ``read``).

The records come from the resource layer: the same script gives the same operations and
payloads over pyvisa-sim, pyvisa-py or a VISA library in C.

Switching tracing on::

    with pyvisa.trace.trace_to("session.jsonl"):  # or a callable, or a list
        inst.query("*IDN?")

    tracer = pyvisa.trace.start_trace(print)
    ...
    pyvisa.trace.stop_trace(tracer)

or set the environment variable ``PYVISA_TRACE`` to a file name before importing
:mod:`pyvisa` (JSON lines appended to the file; ``-`` writes them to the standard error),
or run ``pyvisa-shell --trace FILE`` (the shell command ``trace on FILE`` / ``trace off``
does the same during a session).

Cost when off
    Nothing: switching the first tracer on replaces the operations of the resource classes
    (and a few methods of the VISA library objects they use) by thin recording wrappers;
    switching the last one off puts the original functions back. Until a tracer is
    started, and after the last one is stopped, no trace code runs on the call path.

Limits
    Operations are wrapped in the classes that exist when the first tracer starts
    (:class:`~pyvisa.resources.Resource`, its subclasses and their mixins); a resource
    class defined later inherits the wrapped operations but its own overrides are not
    traced until tracing is switched off and on again. Records are delivered when an
    operation ends, so the inner operations of a ``query`` come before it: sort on
    the ``id`` of the records for the order in which they started.

"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import itertools
import json
import os
import reprlib
import sys
import threading
import time
import types
import warnings
import weakref
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from typing import IO, Any, TypeAlias, cast

from . import constants, errors
from ._logging import logger
from ._status_messages import _newer_code_messages, completion_and_error_messages
from .resources import Resource

#: Environment variable naming the file that receives the trace of a process.
ENV_VARIABLE = "PYVISA_TRACE"

#: Number of bytes (or characters) of the payloads, arguments and results kept in a record.
DEFAULT_PREVIEW = 64

_WIDTHS = (8, 16, 32, 64)

#: Names of the traced operations, wherever a resource class (or one of its mixins) defines
#: them.
OPERATIONS: tuple[str, ...] = (
    # Resource
    *"open close clear lock lock_excl unlock get_visa_attribute set_visa_attribute".split(),
    *"install_handler uninstall_handler enable_event disable_event discard_events".split(),
    "wait_on_event",
    # MessageBasedResource
    *"write_raw write write_ascii_values write_binary_values read_raw read_bytes".split(),
    *"read read_ascii_values read_binary_values query query_ascii_values".split(),
    *"query_binary_values flush assert_trigger read_stb control_ren".split(),
    # GPIB and USB
    *"send_command control_atn pass_control send_ifc wait_for_srq".split(),
    *"group_execute_trigger control_in control_out usb_control_out".split(),
    # RegisterBasedResource
    *"read_memory write_memory move_in move_out".split(),
    *(f"{name}_{width}" for name in ("read_memory", "write_memory") for width in _WIDTHS),
    *(f"{name}_{width}" for name in ("move_in", "move_out") for width in _WIDTHS),
)


@dataclasses.dataclass(frozen=True)
class TraceRecord:
    """One resource-level operation, as a tracer receives it.

    Attributes
    ----------
    id : int
        Number of the operation, increasing in the order in which operations start.
    parent : int | None
        ``id`` of the traced operation this one ran in (a ``query`` is the parent of its
        ``write`` and ``read``), None for an operation called directly.
    depth : int
        Number of enclosing traced operations in the thread (0 for an outer operation).
    timestamp : float
        When the operation started (``time.time()``, seconds since the epoch).
    resource : str
        Name of the resource (as the resource manager opened it).
    operation : str
        Name of the method (``"write"``, ``"query"``, ``"read_memory"``...).
    arguments : str
        The arguments of the call, each shortened (``repr`` bounded to the preview size;
        enumeration members as ``Class.member``).
    result : str | None
        The value returned, shortened the same way (None when the operation returned
        None or raised).
    sent_length : int
        Number of bytes written to the device by the operation and the operations it
        contains.
    sent_preview : str
        The first bytes sent (at most the preview size), escaped: printable ASCII as is,
        ``\\n``, ``\\r``, ``\\t``, ``\\\\`` and ``\\xNN`` for the other bytes.
    received_length : int
        Number of bytes read from the device (on a failed read, the bytes received
        before the failure).
    received_preview : str
        The first bytes received, escaped as ``sent_preview``.
    status : str | None
        VISA name of the status of the last VISA call made by the operation
        (``"VI_SUCCESS"``, ``"VI_SUCCESS_TERM_CHAR"``, ``"VI_ERROR_TMO"``...), or of the
        :class:`~pyvisa.errors.VisaIOError` it raised; None when it made no VISA call.
    error : str | None
        ``"ExceptionClass: message"`` when the operation raised, else None.
    duration : float
        Seconds the operation took (``time.perf_counter()``).
    thread : int
        :func:`threading.get_ident` of the thread that ran it.

    """

    id: int
    parent: int | None
    depth: int
    timestamp: float
    resource: str
    operation: str
    arguments: str
    result: str | None
    sent_length: int
    sent_preview: str
    received_length: int
    received_preview: str
    status: str | None
    error: str | None
    duration: float
    thread: int

    def to_dict(self) -> dict[str, Any]:
        """The record as a dictionary of JSON values (keys in the order of the fields).

        Returns
        -------
        dict[str, Any]
            One entry per field.

        """
        return {name: getattr(self, name) for name in _RECORD_FIELDS}

    def to_json(self) -> str:
        """The record as one line of JSON (what a file tracer writes).

        Returns
        -------
        str
            A JSON object without line breaks.

        """
        return json.dumps(self.to_dict())


_RECORD_FIELDS = tuple(field.name for field in dataclasses.fields(TraceRecord))

#: What a tracer can send its records to.
TraceTarget: TypeAlias = (
    "str | os.PathLike[str] | IO[str] | Callable[[TraceRecord], object] | list[TraceRecord]"
)


class Tracer:
    """Receiver of the records of the operations made while it is active.

    Create tracers with :func:`start_trace` or :func:`trace_to`; several can be active at
    once (each receives every record).

    Parameters
    ----------
    target : TraceTarget
        Where the records go: a file name (JSON lines appended to the file, flushed after
        each record; ``"-"`` for the standard error), an open text stream (JSON lines,
        left open), a list (the :class:`TraceRecord` objects are appended) or a callable
        (called with each :class:`TraceRecord`, from the thread that made the operation).
    preview : int, optional
        Number of bytes of the payloads (and characters of the arguments and results)
        kept in the records, by default :data:`DEFAULT_PREVIEW`.

    Raises
    ------
    InvalidArgumentType
        If ``target`` is none of the above or ``preview`` is not an integer.
    InvalidArgument
        If ``preview`` is negative.
    OSError
        If the file cannot be opened.

    """

    def __init__(self, target: TraceTarget, preview: int = DEFAULT_PREVIEW) -> None:
        if isinstance(preview, bool) or not isinstance(preview, int):
            raise errors.InvalidArgumentType(
                f"preview must be an int, got {type(preview).__name__}"
            )
        if preview < 0:
            raise errors.InvalidArgument(f"preview must be positive or zero, got {preview}")
        #: Number of bytes or characters kept in the previews, arguments and results.
        self.preview = preview
        #: The target given.
        self.target = target
        #: Name of the file written, None for another target.
        self.path: str | None = None
        self._stream: IO[str] | None = None
        self._owns_stream = False
        self._deliver: Callable[[TraceRecord], object]
        self._lock = threading.Lock()
        self._active = False
        if isinstance(target, list):
            self._deliver = target.append
        elif isinstance(target, (str, os.PathLike)):
            path = os.fspath(target)
            if path == "-":
                self._stream = sys.stderr
            else:
                self.path = path
                self._stream = open(path, "a", encoding="utf-8")
                self._owns_stream = True
            self._deliver = self._write_line
        elif callable(getattr(target, "write", None)):
            self._stream = cast("IO[str]", target)
            self._deliver = self._write_line
        elif callable(target):
            self._deliver = target
        else:
            raise errors.InvalidArgumentType(
                "a trace target is a file name, a text stream, a list or a callable, "
                f"got {type(target).__name__}"
            )

    def __repr__(self) -> str:
        state = "active" if self._active else "stopped"
        return f"<Tracer {self.target!r} ({state})>"

    @property
    def active(self) -> bool:
        """Whether the tracer receives records."""
        return self._active

    def stop(self) -> None:
        """Stop receiving records (the same as :func:`stop_trace`)."""
        stop_trace(self)

    def _write_line(self, record: TraceRecord) -> None:
        line = record.to_json() + "\n"
        with self._lock:
            stream = self._stream
            if stream is not None:
                stream.write(line)
                stream.flush()

    def _close(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None and self._owns_stream:
            stream.close()

    def _receive(self, record: TraceRecord) -> None:
        try:
            self._deliver(record)
        except Exception:
            # A trace never breaks the I/O it records.
            logger.warning("trace target %r failed on a record", self.target, exc_info=True)


# -- the state of the trace ------------------------------------------------------------

_lock = threading.RLock()
#: Active tracers (a tuple replaced as a whole: read without the lock).
_tracers: tuple[Tracer, ...] = ()
#: Largest preview of the active tracers: what a frame keeps of the payloads.
_head_limit = DEFAULT_PREVIEW
#: (class, name, original function, wrapper) of each operation replaced.
_installed: list[tuple[type, str, Any, Any]] = []
#: id of each library object given hooks -> (weak reference, {name: (previous, hook)}).
_hooked: dict[int, tuple[Callable[[], Any], dict[str, tuple[Any, Any]]]] = {}
_ids = itertools.count(1)
_MISSING = object()
_TRACED = "__pyvisa_traced__"


class _Frame:
    """An operation being traced."""

    __slots__ = (
        "args",
        "depth",
        "failed_call",
        "id",
        "kwargs",
        "limit",
        "operation",
        "parent",
        "received_head",
        "received_length",
        "resource",
        "sent_head",
        "sent_length",
        "start",
        "status",
        "timestamp",
    )

    def __init__(
        self,
        resource: Any,
        operation: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        parent: _Frame | None,
        depth: int,
    ) -> None:
        self.id = next(_ids)
        self.parent = parent
        self.depth = depth
        self.resource = resource
        self.operation = operation
        self.args = args
        self.kwargs = kwargs
        self.limit = _head_limit
        self.sent_head = b""
        self.sent_length = 0
        self.received_head = b""
        self.received_length = 0
        self.status: int | None = None
        self.failed_call = False
        self.timestamp = time.time()
        self.start = time.perf_counter()

    def add_sent(self, head: bytes, length: int) -> None:
        if len(self.sent_head) < self.limit:
            self.sent_head += head[: self.limit - len(self.sent_head)]
        self.sent_length += length

    def add_received(self, head: bytes, length: int) -> None:
        if len(self.received_head) < self.limit:
            self.received_head += head[: self.limit - len(self.received_head)]
        self.received_length += length


class _ThreadState(threading.local):
    """What the trace knows of the current thread."""

    def __init__(self) -> None:
        #: Operations being traced, outermost first.
        self.stack: list[_Frame] = []
        #: Inside a library call already recorded (its inner calls are not).
        self.in_call = False
        #: Delivering records (operations made by a target are not traced).
        self.delivering = False


_state = _ThreadState()


# -- formatting (only when tracing) ------------------------------------------------------

_ESCAPED = {0x5C: "\\\\", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"}
_ESCAPE_TABLE = {
    byte: _ESCAPED.get(byte, chr(byte) if 0x20 <= byte < 0x7F else f"\\x{byte:02x}")
    for byte in range(256)
}


def escape(data: bytes | bytearray | memoryview) -> str:
    """Show bytes as printable ASCII, the way the previews of the records do.

    Parameters
    ----------
    data : bytes | bytearray | memoryview
        The bytes.

    Returns
    -------
    str
        Printable ASCII characters as they are, ``\\n``, ``\\r``, ``\\t`` and ``\\\\``
        for line feed, carriage return, tab and backslash, ``\\xNN`` for any other byte.

    """
    return bytes(data).decode("latin-1").translate(_ESCAPE_TABLE)


def _status_name(code: int | None) -> str | None:
    if code is None:
        return None
    known = completion_and_error_messages.get(code) or _newer_code_messages.get(code)
    return known[0] if known else f"0x{int(code) & 0xFFFFFFFF:08X}"


_ATTRIBUTE_OPERATIONS = ("get_visa_attribute", "set_visa_attribute")


def _bounded(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(limit - 3, 0)] + "..."


@functools.lru_cache(maxsize=8)
def _shortener(limit: int) -> reprlib.Repr:
    shortener = reprlib.Repr()
    shortener.maxstring = shortener.maxother = max(limit, 8)
    shortener.maxlist = shortener.maxtuple = shortener.maxdict = shortener.maxset = 8
    return shortener


def _short(value: Any, limit: int) -> str:
    kind = type(value)
    if kind is str:
        return _bounded(repr(value[: limit + 1]), limit)
    if kind is int or kind is float or value is None:
        return _bounded(repr(value), limit)
    if isinstance(value, Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (bytes, bytearray, memoryview)):
        return _bounded(repr(_head(value, limit + 1)), limit)
    return _bounded(_shortener(limit).repr(value), limit)


def _arguments(operation: str, args: tuple[Any, ...], kwargs: Mapping[str, Any], limit: int) -> str:
    if operation in _ATTRIBUTE_OPERATIONS and args and type(args[0]) is int:
        # The attribute properties pass plain numbers: show the attribute's name.
        with contextlib.suppress(ValueError):
            args = (constants.ResourceAttribute(args[0]), *args[1:])
    parts = [_short(value, limit) for value in args]
    parts.extend(f"{name}={_short(value, limit)}" for name, value in kwargs.items())
    return _bounded(", ".join(parts), limit)


def _resource_name(resource: Any) -> str:
    # resource_name is a VISA attribute (a library call): the name given at creation is used.
    name = getattr(resource, "_resource_name", None)
    return name if isinstance(name, str) else repr(resource)


def _make_records(
    frame: _Frame, duration: float, result: Any, exc: BaseException | None
) -> dict[int, TraceRecord]:
    """One record per preview size among the active tracers."""
    records: dict[int, TraceRecord] = {}
    parent = frame.parent
    for tracer in _tracers:
        limit = tracer.preview
        if limit in records:
            continue
        error = None if exc is None else _bounded(f"{type(exc).__name__}: {exc}", max(limit, 160))
        records[limit] = TraceRecord(
            id=frame.id,
            parent=None if parent is None else parent.id,
            depth=frame.depth,
            timestamp=frame.timestamp,
            resource=_resource_name(frame.resource),
            operation=frame.operation,
            arguments=_arguments(frame.operation, frame.args, frame.kwargs, limit),
            result=None if result is None else _short(result, limit),
            sent_length=frame.sent_length,
            sent_preview=escape(frame.sent_head[:limit]),
            received_length=frame.received_length,
            received_preview=escape(frame.received_head[:limit]),
            status=_status_name(frame.status),
            error=error,
            duration=duration,
            thread=threading.get_ident(),
        )
    return records


# -- the wrappers ------------------------------------------------------------------------


def _begin(resource: Any, operation: str, args: Any, kwargs: Any, stack: list[_Frame]) -> _Frame:
    visalib = getattr(resource, "visalib", None)
    if visalib is not None and id(visalib) not in _hooked:
        _hook_library(visalib)
    frame = _Frame(resource, operation, args, kwargs, stack[-1] if stack else None, len(stack))
    stack.append(frame)
    return frame


def _end(frame: _Frame, stack: list[_Frame], result: Any, exc: BaseException | None) -> None:
    duration = time.perf_counter() - frame.start
    if stack and stack[-1] is frame:
        stack.pop()
    if isinstance(exc, errors.VisaIOError):
        frame.status = exc.error_code
        partial = exc.partial_data
        if frame.failed_call and partial is not None and len(partial) > frame.received_length:
            frame.received_head = b""
            frame.received_length = 0
            frame.add_received(partial, len(partial))
    parent = frame.parent
    if parent is not None and parent.resource is frame.resource:
        parent.add_sent(frame.sent_head, frame.sent_length)
        parent.add_received(frame.received_head, frame.received_length)
        if frame.status is not None:
            parent.status = frame.status
    if not _tracers:
        return
    state = _state
    state.delivering = True
    try:
        records = _make_records(frame, duration, result, exc)
        for tracer in _tracers:
            tracer._receive(records[tracer.preview])
    except Exception:
        logger.warning("the trace record of %s failed", frame.operation, exc_info=True)
    finally:
        state.delivering = False


def _wrap(function: Callable[..., Any], operation: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def traced(self: Any, *args: Any, **kwargs: Any) -> Any:
        state = _state
        stack = state.stack
        if state.delivering or (
            stack and stack[-1].resource is self and stack[-1].operation == operation
        ):
            # A target doing I/O, or an override calling super(): one record is enough.
            return function(self, *args, **kwargs)
        frame = _begin(self, operation, args, kwargs, stack)
        try:
            result = function(self, *args, **kwargs)
        except BaseException as exc:
            _end(frame, stack, None, exc)
            raise
        _end(frame, stack, result, None)
        return result

    setattr(traced, _TRACED, function)
    return traced


def _traced_classes() -> list[type]:
    """Resource and its subclasses (as they are now), with the classes of their MROs."""
    found: dict[type, None] = {}
    pending: list[type] = [Resource]
    while pending:
        cls = pending.pop()
        if cls not in found:
            found[cls] = None
            pending.extend(cls.__subclasses__())
    classes: dict[type, None] = {}
    for cls in found:
        for base in cls.__mro__:
            if base is not object:
                classes[base] = None
    return list(classes)


def _install() -> None:
    for cls in _traced_classes():
        for name in OPERATIONS:
            function = cls.__dict__.get(name)
            if isinstance(function, types.FunctionType) and not hasattr(function, _TRACED):
                wrapper = _wrap(function, name)
                setattr(cls, name, wrapper)
                _installed.append((cls, name, function, wrapper))
    logger.debug("trace: %d operations wrapped", len(_installed))


def _uninstall() -> None:
    while _installed:
        cls, name, function, wrapper = _installed.pop()
        if cls.__dict__.get(name) is wrapper:
            setattr(cls, name, function)
        else:
            logger.debug("trace: %s.%s was replaced meanwhile, left as is", cls.__name__, name)
    for reference, hooks in _hooked.values():
        visalib = reference()
        if visalib is None:
            continue
        for name, (previous, hook) in hooks.items():
            if visalib.__dict__.get(name) is not hook:
                continue
            if previous is _MISSING:
                delattr(visalib, name)
            else:
                setattr(visalib, name, previous)
    _hooked.clear()


# -- the library hooks: bytes and statuses of the VISA calls -----------------------------


def _status_of(result: Any) -> int | None:
    value = result[-1] if isinstance(result, tuple) and result else result
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return None


def _head(data: Any, limit: int) -> bytes:
    try:
        with memoryview(data) as view, view.cast("B") as flat:
            return bytes(flat[:limit])
    except (TypeError, ValueError):
        return b""


def _nbytes(data: Any) -> int:
    try:
        with memoryview(data) as view:
            return view.nbytes
    except (TypeError, ValueError):
        return 0


def _record_sent(frame: _Frame, args: tuple[Any, ...], result: Any, position: int) -> None:
    data = args[position] if len(args) > position else None
    if data is None:
        return
    count = result[0] if isinstance(result, tuple) and result else None
    length = count if isinstance(count, int) and not isinstance(count, bool) else _nbytes(data)
    frame.add_sent(_head(data, min(length, frame.limit)), length)


def _record_received(frame: _Frame, args: tuple[Any, ...], result: Any) -> None:
    data = result[0] if isinstance(result, tuple) and result else None
    if data is not None:
        frame.add_received(_head(data, frame.limit), _nbytes(data))


def _record_into(frame: _Frame, args: tuple[Any, ...], result: Any) -> None:
    count = result[0] if isinstance(result, tuple) and result else None
    if len(args) > 1 and isinstance(count, int) and count > 0:
        frame.add_received(_head(args[1], min(count, frame.limit)), count)


def _record_write(frame: _Frame, args: tuple[Any, ...], result: Any) -> None:
    _record_sent(frame, args, result, 1)


def _record_usb_out(frame: _Frame, args: tuple[Any, ...], result: Any) -> None:
    _record_sent(frame, args, None, 5)


def _record_nothing(frame: _Frame, args: tuple[Any, ...], result: Any) -> None:
    pass


_Recorder: TypeAlias = Callable[[_Frame, tuple[Any, ...], Any], None]

#: The methods of the library objects that the resources call, and what their calls move.
_LIBRARY_CALLS: dict[str, _Recorder] = {
    "write": _record_write,
    "gpib_command": _record_write,
    "usb_control_out": _record_usb_out,
    "read": _record_received,
    "usb_control_in": _record_received,
    "read_into": _record_into,
    **dict.fromkeys(
        (
            *"open close clear lock unlock get_attribute set_attribute flush read_stb".split(),
            *"assert_trigger enable_event disable_event discard_events".split(),
            *"wait_on_event read_memory write_memory move_in move_out gpib_control_ren".split(),
            *"gpib_control_atn gpib_pass_control gpib_send_ifc".split(),
        ),
        _record_nothing,
    ),
}


def _make_hook(method: Callable[..., Any], record: _Recorder) -> Callable[..., Any]:
    def hook(*args: Any, **kwargs: Any) -> Any:
        state = _state
        stack = state.stack
        if state.in_call or state.delivering or not stack:
            return method(*args, **kwargs)
        frame = stack[-1]
        state.in_call = True
        try:
            result = method(*args, **kwargs)
        except errors.VisaIOError as exc:
            frame.status = exc.error_code
            frame.failed_call = True
            raise
        finally:
            state.in_call = False
        try:
            record(frame, args, result)
            status = _status_of(result)
            if status is not None:
                frame.status = status
        except Exception:
            logger.debug("trace: the result of %r was not understood", method, exc_info=True)
        return result

    return hook


def _hook_library(visalib: Any) -> None:
    with _lock:
        if not _tracers or id(visalib) in _hooked:
            return
        try:
            instance_dict = vars(visalib)
        except TypeError:
            instance_dict = {}
        hooks: dict[str, tuple[Any, Any]] = {}
        for name, record in _LIBRARY_CALLS.items():
            method = getattr(visalib, name, None)
            if not callable(method):
                continue
            previous = instance_dict.get(name, _MISSING)
            hook = _make_hook(method, record)
            try:
                setattr(visalib, name, hook)
            except (AttributeError, TypeError):
                logger.debug("trace: %r takes no hooks: no payloads nor statuses", visalib)
                break
            hooks[name] = (previous, hook)
        reference: Callable[[], Any]
        try:
            reference = weakref.ref(visalib)
        except TypeError:
            reference = functools.partial(lambda kept: kept, visalib)
        _hooked[id(visalib)] = (reference, hooks)


# -- switching on and off ----------------------------------------------------------------


def start_trace(target: TraceTarget, preview: int = DEFAULT_PREVIEW) -> Tracer:
    """Start sending a record of every resource operation to ``target``.

    Parameters
    ----------
    target : TraceTarget
        A file name (JSON lines appended, ``"-"`` for the standard error), a text stream,
        a list or a callable: see :class:`Tracer`.
    preview : int, optional
        Bytes of the payloads kept in the records, by default :data:`DEFAULT_PREVIEW`.

    Returns
    -------
    Tracer
        The active tracer, to give to :func:`stop_trace`.

    """
    global _tracers, _head_limit
    tracer = Tracer(target, preview)
    with _lock:
        if not _tracers:
            _install()
        tracer._active = True
        _tracers = (*_tracers, tracer)
        _head_limit = max(t.preview for t in _tracers)
    return tracer


def stop_trace(tracer: Tracer) -> None:
    """Stop a tracer (closing its file); the last one stopped removes the wrappers.

    Stopping a tracer that is not active does nothing.

    Parameters
    ----------
    tracer : Tracer
        A tracer returned by :func:`start_trace`.

    """
    global _tracers, _head_limit
    with _lock:
        if tracer in _tracers:
            _tracers = tuple(t for t in _tracers if t is not tracer)
            tracer._active = False
            if _tracers:
                _head_limit = max(t.preview for t in _tracers)
            else:
                _head_limit = DEFAULT_PREVIEW
                _uninstall()
    tracer._close()


@contextlib.contextmanager
def trace_to(target: TraceTarget, preview: int = DEFAULT_PREVIEW) -> Iterator[Tracer]:
    """Trace the operations made inside a ``with`` block.

    Parameters
    ----------
    target : TraceTarget
        A file name, a text stream, a list or a callable: see :class:`Tracer`.
    preview : int, optional
        Bytes of the payloads kept in the records, by default :data:`DEFAULT_PREVIEW`.

    Yields
    ------
    Tracer
        The active tracer (stopped when the block ends).

    Examples
    --------
    >>> records = []
    >>> with trace_to(records):
    ...     inst.query("*IDN?")  # doctest: +SKIP

    """
    tracer = start_trace(target, preview)
    try:
        yield tracer
    finally:
        stop_trace(tracer)


def active_tracers() -> tuple[Tracer, ...]:
    """The tracers receiving records now.

    Returns
    -------
    tuple[Tracer, ...]
        In the order in which they were started.

    """
    return _tracers


_environment_tracer: Tracer | None = None


def trace_from_environment(environ: Mapping[str, str] | None = None) -> Tracer | None:
    """Start the trace named by :data:`ENV_VARIABLE` (``PYVISA_TRACE``), once per process.

    :mod:`pyvisa` calls it when it is imported with the variable set. A file that cannot
    be opened is reported with a :class:`RuntimeWarning` (the import goes on untraced).

    Parameters
    ----------
    environ : Mapping[str, str] | None, optional
        The environment to read, by default :data:`os.environ`.

    Returns
    -------
    Tracer | None
        The tracer writing to the file, None when the variable is empty or not set.

    """
    global _environment_tracer
    path = (os.environ if environ is None else environ).get(ENV_VARIABLE, "")
    if not path:
        return None
    with _lock:
        if _environment_tracer is not None and _environment_tracer.active:
            return _environment_tracer
        try:
            _environment_tracer = start_trace(path)
        except OSError as exc:
            warnings.warn(
                f"{ENV_VARIABLE}: cannot write the trace to {path!r}: {exc}", RuntimeWarning
            )
            return None
    return _environment_tracer


# -- pyvisa-shell ------------------------------------------------------------------------

_console_tracer: Tracer | None = None


def set_console_trace(path: str | None) -> Tracer | None:
    """Switch the trace of ``pyvisa-shell`` to a file, or off.

    ``pyvisa-shell --trace FILE`` and the shell command ``trace`` share this one tracer.

    Parameters
    ----------
    path : str | None
        File receiving the JSON lines (``"-"`` for the standard error), None to stop.

    Returns
    -------
    Tracer | None
        The new tracer (None when switched off).

    """
    global _console_tracer
    with _lock:
        previous, _console_tracer = _console_tracer, None
        if previous is not None:
            stop_trace(previous)
        if path is not None:
            _console_tracer = start_trace(path)
        return _console_tracer


def console_command(args: str) -> str:
    """Run the ``trace`` command of ``pyvisa-shell``.

    Parameters
    ----------
    args : str
        ``"on FILE"`` (trace to FILE, JSON lines appended), ``"off"``, or nothing (show
        where the trace goes).

    Returns
    -------
    str
        The text the shell prints.

    Raises
    ------
    InvalidArgument
        For other arguments.
    OSError
        If the file cannot be opened.

    """
    words = args.strip().split(None, 1)
    if not words:
        tracer = _console_tracer
        if tracer is None or not tracer.active:
            return "Trace: off"
        return f"Trace: on, to {tracer.path or 'the standard error'}"
    if words[0] == "off" and len(words) == 1:
        set_console_trace(None)
        return "Trace: off"
    if words[0] == "on" and len(words) == 2:
        set_console_trace(words[1].strip())
        return console_command("")
    raise errors.InvalidArgument("Usage: trace on <file> | trace off | trace")


__all__ = [
    "DEFAULT_PREVIEW",
    "ENV_VARIABLE",
    "OPERATIONS",
    "TraceRecord",
    "TraceTarget",
    "Tracer",
    "active_tracers",
    "console_command",
    "escape",
    "set_console_trace",
    "start_trace",
    "stop_trace",
    "trace_from_environment",
    "trace_to",
]
