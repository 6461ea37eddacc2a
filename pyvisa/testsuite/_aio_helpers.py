"""A pure-Python VISA backend with slow instruments, for the tests of :mod:`pyvisa.aio`.

Each session of :class:`SlowVisaLibrary` is a message-based instrument whose answers
become readable only ``delay`` seconds after the query was written (``DELAY <seconds>``
sets it; the default is the library's ``default_delay``). A read waits for an answer up to
the session timeout (``VI_ATTR_TMO_VALUE``) and then fails with ``VI_ERROR_TMO``, like a
real instrument; an answer that comes after a timeout stays queued.

Messages ending with ``?`` are queries: ``*IDN?`` answers an identification,
``VALUES?`` three numbers as text, ``CURV?`` three float32 in an IEEE block, any other
query answers its own text without the ``?`` (a message with unprintable characters
is never a query). ``SRQ <seconds>`` makes the instrument
request service after that time (status byte bit 0x40, service request event through the
queue and handler mechanisms). Other writes are only recorded in ``written``.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pyvisa import constants, rname, util
from pyvisa.constants import AccessModes, EventMechanism, EventType, StatusCode
from pyvisa.highlevel import ResourceManager, VisaLibraryBase
from pyvisa.testsuite._fake_backend import default_attributes, fresh_library
from pyvisa.typing import VISAEventContext, VISAHandler, VISARMSession, VISASession
from pyvisa.util import DebugInfo, LibraryPath

#: Resources of the library: TCPIP ones use the generic SRQ wait, GPIB ones their own.
RESOURCES = tuple(f"TCPIP0::10.0.0.{i}::inst0::INSTR" for i in range(1, 9)) + tuple(
    f"GPIB0::{i}::INSTR" for i in range(1, 5)
)

CURVE = [1.0, 2.0, 3.0]


@dataclass
class SlowSession:
    """State of one instrument session."""

    resource_name: str
    attributes: dict[int, Any]
    delay: float
    answers: deque[tuple[float, bytes]] = field(default_factory=deque)
    written: list[bytes] = field(default_factory=list)
    stb: int = 0
    triggers: int = 0
    lock: str | None = None
    enabled: set[tuple[int, int]] = field(default_factory=set)
    events: deque[int] = field(default_factory=deque)
    handlers: list[tuple[int, VISAHandler, Any]] = field(default_factory=list)


def _answer(command: str, name: str) -> bytes:
    if command == "*IDN?":
        return f"AIO,SlowInstrument,{name},1.0\n".encode()
    if command == "VALUES?":
        return b"1.5,2.5,3.5\n"
    if command == "CURV?":
        return bytes(util.to_ieee_block(CURVE, "f")) + b"\n"
    return command[:-1].encode() + b"\n"


class SlowVisaLibrary(VisaLibraryBase):
    """In-memory VISA library whose instruments answer after a delay."""

    sessions: dict[int, SlowSession | None]
    contexts: set[int]
    default_delay: float

    @staticmethod
    def get_library_paths() -> Iterable[LibraryPath]:
        return (LibraryPath("slow-default"),)

    @staticmethod
    def get_debug_info() -> DebugInfo:
        return {"Version": "0.0"}

    def _init(self) -> None:
        self.sessions = {}
        self.contexts = set()
        self.default_delay = 0.0
        self.condition = threading.Condition()
        self._handles = itertools.count(5000)
        self.handler_threads: list[threading.Thread] = []

    # -- helpers ----------------------------------------------------------------------

    def state(self, session: Any) -> SlowSession:
        state = self.sessions.get(session)
        if state is None:
            self.handle_return_value(session, StatusCode.error_invalid_object)
            raise AssertionError("unreachable")
        return state

    def raise_srq(self, session: VISASession) -> None:
        """Make the instrument of a session request service (from any thread)."""
        with self.condition:
            state = self.sessions.get(session)
            if state is None:
                return
            state.stb |= 0x40
            srq = int(EventType.service_request)
            if (srq, int(EventMechanism.queue)) in state.enabled:
                state.events.append(srq)
                self.condition.notify_all()
            handlers = (
                [h for h in state.handlers if h[0] == srq]
                if (srq, int(EventMechanism.handler)) in state.enabled
                else []
            )
        for _, handler, user_handle in handlers:
            context = self._new_context()
            try:
                handler(session, EventType.service_request, context, user_handle)
            finally:
                self.contexts.discard(context)

    def _new_context(self) -> VISAEventContext:
        context = VISAEventContext(next(self._handles))
        self.contexts.add(context)
        return context

    # -- VISA operations ------------------------------------------------------------------

    def open_default_resource_manager(self) -> tuple[VISARMSession, StatusCode]:
        handle = VISARMSession(next(self._handles))
        self.sessions[handle] = None
        return handle, self.handle_return_value(handle, StatusCode.success)

    def list_resources(self, session: VISARMSession, query: str = "?*::INSTR") -> tuple[str, ...]:
        return rname.filter(RESOURCES, query)

    def open(
        self,
        session: VISARMSession,
        resource_name: str,
        access_mode: AccessModes = AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[VISASession, StatusCode]:
        parsed = rname.parse_resource_name(resource_name)
        if str(parsed) not in RESOURCES:
            return VISASession(0), self.handle_return_value(
                None, StatusCode.error_resource_not_found
            )
        handle = VISASession(next(self._handles))
        self.sessions[handle] = SlowSession(
            str(parsed), default_attributes(parsed), self.default_delay
        )
        return handle, self.handle_return_value(handle, StatusCode.success)

    def close(self, session: Any) -> StatusCode:
        if session in self.contexts:
            self.contexts.discard(session)
            return StatusCode.success
        if session not in self.sessions:
            return self.handle_return_value(session, StatusCode.error_invalid_object)
        with self.condition:
            del self.sessions[session]
            self.condition.notify_all()
        return StatusCode.success

    def get_attribute(self, session: Any, attribute: Any) -> tuple[Any, StatusCode]:
        state = self.sessions.get(session)
        if state is None or attribute not in state.attributes:
            return None, self.handle_return_value(session, StatusCode.error_nonsupported_attribute)
        return state.attributes[attribute], self.handle_return_value(session, StatusCode.success)

    def set_attribute(self, session: Any, attribute: Any, attribute_state: Any) -> StatusCode:
        state = self.state(session)
        state.attributes[attribute] = attribute_state
        return self.handle_return_value(session, StatusCode.success)

    def write(
        self, session: VISASession, data: bytes | bytearray | memoryview
    ) -> tuple[int, StatusCode]:
        state = self.state(session)
        command = bytes(data).decode("ascii", "replace").strip()
        with self.condition:
            state.written.append(bytes(data))
            if command.startswith("DELAY "):
                state.delay = float(command.split()[1])
            elif command.startswith("SRQ "):
                timer = threading.Timer(float(command.split()[1]), self.raise_srq, (session,))
                timer.daemon = True
                timer.start()
            elif command.isprintable() and command.endswith("?"):
                ready = time.monotonic() + state.delay
                state.answers.append((ready, _answer(command, state.resource_name)))
                self.condition.notify_all()
        return len(data), self.handle_return_value(session, StatusCode.success)

    def _deadline(self, state: SlowSession) -> float | None:
        timeout = state.attributes[constants.VI_ATTR_TMO_VALUE]
        if timeout == constants.VI_TMO_INFINITE:
            return None
        return time.monotonic() + timeout / 1000

    def read(self, session: VISASession, count: int) -> tuple[bytes, StatusCode]:
        state = self.state(session)
        deadline = self._deadline(state)
        with self.condition:
            while True:
                if self.sessions.get(session) is not state:
                    return b"", self.handle_return_value(session, StatusCode.error_invalid_object)
                now = time.monotonic()
                if state.answers and state.answers[0][0] <= now:
                    break
                waits = [] if deadline is None else [deadline - now]
                if state.answers:
                    waits.append(state.answers[0][0] - now)
                if deadline is not None and now >= deadline:
                    return b"", self.handle_return_value(session, StatusCode.error_timeout)
                self.condition.wait(min(waits) if waits else None)
            _, data = state.answers.popleft()
            if len(data) > count:
                state.answers.appendleft((0.0, data[count:]))
                return data[:count], self.handle_return_value(
                    session, StatusCode.success_max_count_read
                )
        return data, self.handle_return_value(session, StatusCode.success)

    def clear(self, session: VISASession) -> StatusCode:
        state = self.state(session)
        with self.condition:
            state.answers.clear()
        return self.handle_return_value(session, StatusCode.success)

    def flush(self, session: VISASession, mask: constants.BufferOperation) -> StatusCode:
        state = self.state(session)
        if mask & constants.BufferOperation.discard_read_buffer:
            with self.condition:
                state.answers.clear()
        return self.handle_return_value(session, StatusCode.success)

    def read_stb(self, session: VISASession) -> tuple[int, StatusCode]:
        state = self.state(session)
        with self.condition:
            value, state.stb = state.stb, state.stb & ~0x40
        return value, self.handle_return_value(session, StatusCode.success)

    def assert_trigger(
        self, session: VISASession, protocol: constants.TriggerProtocol
    ) -> StatusCode:
        self.state(session).triggers += 1
        return self.handle_return_value(session, StatusCode.success)

    def lock(
        self,
        session: VISASession,
        lock_type: constants.Lock,
        timeout: int,
        requested_key: str | None = None,
    ) -> tuple[str, StatusCode]:
        state = self.state(session)
        if lock_type == constants.Lock.exclusive:
            state.lock = "exclusive"
            return "", self.handle_return_value(session, StatusCode.success)
        key = requested_key or f"key-{session}"
        state.lock = key
        return key, self.handle_return_value(session, StatusCode.success)

    def unlock(self, session: VISASession) -> StatusCode:
        state = self.state(session)
        if state.lock is None:
            return self.handle_return_value(session, StatusCode.error_session_not_locked)
        state.lock = None
        return self.handle_return_value(session, StatusCode.success)

    def enable_event(
        self,
        session: VISASession,
        event_type: EventType,
        mechanism: EventMechanism,
        context: None = None,
    ) -> StatusCode:
        state = self.state(session)
        with self.condition:
            state.enabled.add((int(event_type), int(mechanism)))
        return self.handle_return_value(session, StatusCode.success)

    def disable_event(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        state = self.sessions.get(session)
        if state is not None:
            with self.condition:
                state.enabled.discard((int(event_type), int(mechanism)))
        return StatusCode.success

    def discard_events(
        self, session: VISASession, event_type: EventType, mechanism: EventMechanism
    ) -> StatusCode:
        state = self.sessions.get(session)
        if state is not None:
            with self.condition:
                state.events.clear()
        return StatusCode.success

    def wait_on_event(
        self, session: VISASession, in_event_type: EventType, timeout: int
    ) -> tuple[EventType, VISAEventContext, StatusCode]:
        state = self.state(session)
        deadline = (
            None if timeout == constants.VI_TMO_INFINITE else time.monotonic() + timeout / 1000
        )
        with self.condition:
            while not state.events:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    self.handle_return_value(session, StatusCode.error_timeout)
                    raise AssertionError("unreachable")
                self.condition.wait(remaining)
            event = state.events.popleft()
        context = self._new_context()
        return EventType(event), context, self.handle_return_value(session, StatusCode.success)

    def install_handler(
        self, session: VISASession, event_type: EventType, handler: VISAHandler, user_handle: Any
    ) -> tuple[VISAHandler, Any, Any, StatusCode]:
        state = self.state(session)
        with self.condition:
            state.handlers.append((int(event_type), handler, user_handle))
        return handler, user_handle, handler, self.handle_return_value(session, StatusCode.success)

    def uninstall_handler(
        self,
        session: VISASession,
        event_type: EventType,
        handler: VISAHandler,
        user_handle: Any = None,
    ) -> StatusCode:
        state = self.sessions.get(session)
        if state is not None:
            with self.condition:
                state.handlers = [h for h in state.handlers if h[1] is not handler]
        return StatusCode.success


@contextlib.contextmanager
def slow_manager(default_delay: float = 0.0) -> Iterator[tuple[ResourceManager, SlowVisaLibrary]]:
    """A resource manager over a new :class:`SlowVisaLibrary`, closed afterwards."""
    with fresh_library(SlowVisaLibrary, "slow") as library:
        library.default_delay = default_delay
        rm = ResourceManager(library)
        try:
            yield rm, library
        finally:
            rm.close()
