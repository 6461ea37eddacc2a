"""A scriptable pure-Python VISA backend for the tests of the resource classes.

:class:`ScriptedLibrary` keeps, per session, an output buffer that the device fills in
answer to writes (``responder``), and reads it back with the VISA completion codes: END at
the end of each answer, the termination character when ``VI_ATTR_TERMCHAR_EN`` is on,
``success_max_count_read`` otherwise. Every status goes through ``handle_return_value``
(like pyvisa-py and the ctypes backend). It also implements locks, event queues and
handlers, the status byte and a register memory, and records every call in ``calls``.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pyvisa import constants, rname
from pyvisa.constants import EventMechanism, EventType, StatusCode
from pyvisa.highlevel import ResourceManager, VisaLibraryBase
from pyvisa.testsuite._fake_backend import default_attributes
from pyvisa.util import LibraryPath

Responder = Callable[[bytes], Iterable[bytes]]

_counter = itertools.count()


def echo(data: bytes) -> list[bytes]:
    """Default device: answers each message with itself."""
    return [data]


@dataclass
class ScriptedSession:
    """State of one session of the scripted library."""

    name: str
    attributes: dict[int, Any]
    output: bytearray = field(default_factory=bytearray)
    ends: list[int] = field(default_factory=list)
    written: list[bytes] = field(default_factory=list)
    enabled: dict[int, int] = field(default_factory=dict)
    events: queue.Queue[tuple[int, int]] = field(default_factory=queue.Queue)
    stb: int = 0


class ScriptedLibrary(VisaLibraryBase):
    """Pure-Python backend; create one per test with :func:`make_manager`."""

    responder: Responder
    max_read: int | None

    @staticmethod
    def get_library_paths() -> Iterable[LibraryPath]:
        return ()

    def _init(self) -> None:
        self.sessions: dict[int, ScriptedSession] = {}
        self.contexts: dict[int, dict[int, Any]] = {}
        self.calls: list[tuple[Any, ...]] = []
        self.responder = echo
        self.max_read = None
        self.memory: dict[tuple[int, int], int] = {}
        self.locks: dict[str, tuple[int, int, str | None]] = {}
        self.lock_cond = threading.Condition()
        self.installed: dict[int, list[tuple[int, Any, Any]]] = {}
        self._handles = itertools.count(1000)
        self._keys = itertools.count(1)
        self.state_lock = threading.RLock()

    # -- helpers for the tests ------------------------------------------------------

    def feed(self, session: int, *messages: bytes, end: bool = True) -> None:
        """Queue output: each message is followed by END unless ``end`` is False."""
        sess = self.sessions[session]
        with self.state_lock:
            for message in messages:
                sess.output += message
                if end:
                    sess.ends.append(len(sess.output))

    def fire(self, session: int, event_type: int, attributes: dict[int, Any] | None = None) -> int:
        """Raise an event on a session: queue it and/or call the handlers."""
        sess = self.sessions[session]
        context = next(self._handles)
        self.contexts[context] = {constants.VI_ATTR_EVENT_TYPE: event_type, **(attributes or {})}
        mechanism = sess.enabled.get(event_type, 0)
        if mechanism & EventMechanism.queue:
            sess.events.put((event_type, context))
        if mechanism & EventMechanism.handler:
            for ev_type, handler, user_handle in list(self.installed.get(session, [])):
                if ev_type == event_type:
                    handler(session, event_type, context, user_handle)
        return context

    def count(self, operation: str) -> int:
        return sum(1 for call in self.calls if call[0] == operation)

    def _ret(self, session: Any, status: int) -> StatusCode:
        return self.handle_return_value(session, status)

    # -- VISA operations ------------------------------------------------------------

    def open_default_resource_manager(self) -> tuple[Any, StatusCode]:
        return next(self._handles), self._ret(None, StatusCode.success)

    def list_resources(self, session: Any, query: str = "?*::INSTR") -> tuple[str, ...]:
        return ()

    def open(
        self,
        session: Any,
        resource_name: str,
        access_mode: constants.AccessModes = constants.AccessModes.no_lock,
        open_timeout: int = constants.VI_TMO_IMMEDIATE,
    ) -> tuple[Any, StatusCode]:
        self.calls.append(("open", resource_name, access_mode, open_timeout))
        try:
            parsed = rname.parse_resource_name(resource_name)
        except rname.InvalidResourceName:
            return 0, self._ret(session, StatusCode.error_resource_not_found)
        handle = next(self._handles)
        self.sessions[handle] = ScriptedSession(
            str(parsed),
            {
                **default_attributes(parsed),
                constants.VI_ATTR_GPIB_PRIMARY_ADDR: 5,
                constants.VI_ATTR_ASRL_BAUD: 9600,
            },
        )
        return handle, self._ret(session, StatusCode.success)

    def close(self, session: Any) -> StatusCode:
        self.calls.append(("close", session))
        if session in self.contexts:
            del self.contexts[session]
            return self._ret(None, StatusCode.success)
        if self.sessions.pop(session, None) is None:
            # The resource manager session is not in ``sessions``.
            return self._ret(None, StatusCode.success)
        with self.lock_cond:
            for name, (owner, _, _) in list(self.locks.items()):
                if owner == session:
                    del self.locks[name]
            self.lock_cond.notify_all()
        return self._ret(None, StatusCode.success)

    def get_attribute(self, session: Any, attribute: Any) -> tuple[Any, StatusCode]:
        self.calls.append(("get_attribute", session, attribute))
        if session in self.contexts:
            values = self.contexts[session]
        else:
            values = self._session(session).attributes
        if attribute not in values:
            return None, self._ret(session, StatusCode.error_nonsupported_attribute)
        return values[attribute], self._ret(session, StatusCode.success)

    def set_attribute(self, session: Any, attribute: Any, attribute_state: Any) -> StatusCode:
        self.calls.append(("set_attribute", session, attribute, attribute_state))
        sess = self._session(session)
        if attribute == constants.VI_ATTR_TMO_VALUE and not 0 <= attribute_state <= 0xFFFFFFFF:
            return self._ret(session, StatusCode.error_nonsupported_attribute_state)
        sess.attributes[attribute] = attribute_state
        return self._ret(session, StatusCode.success)

    def _session(self, session: Any) -> ScriptedSession:
        try:
            return self.sessions[session]
        except KeyError:
            self.handle_return_value(session, StatusCode.error_invalid_object)
            raise

    def write(self, session: Any, data: bytes) -> tuple[int, StatusCode]:
        self.calls.append(("write", session, len(data)))
        sess = self._session(session)
        sess.written.append(bytes(data))
        for answer in self.responder(bytes(data)):
            self.feed(session, answer)
        return len(data), self._ret(session, StatusCode.success)

    def read(self, session: Any, count: int) -> tuple[bytes, StatusCode]:
        self.calls.append(("read", session, count))
        sess = self._session(session)
        with self.state_lock:
            if not sess.output:
                return b"", self._ret(session, StatusCode.error_timeout)
            limit = min(count, len(sess.output))
            if self.max_read is not None:
                limit = min(limit, self.max_read)
            status = StatusCode.success_max_count_read
            end = sess.ends[0] if sess.ends else None
            if end is not None and end <= limit:
                limit, status = end, StatusCode.success
            if sess.attributes[constants.VI_ATTR_TERMCHAR_EN]:
                index = sess.output.find(bytes([sess.attributes[constants.VI_ATTR_TERMCHAR]]))
                if 0 <= index < limit:
                    limit, status = index + 1, StatusCode.success_termination_character_read
            data = bytes(sess.output[:limit])
            del sess.output[:limit]
            sess.ends = [e - limit for e in sess.ends if e - limit > 0]
            if end == limit:
                status = StatusCode.success
        return data, self._ret(session, status)

    def clear(self, session: Any) -> StatusCode:
        self.calls.append(("clear", session))
        sess = self._session(session)
        sess.output.clear()
        sess.ends.clear()
        return self._ret(session, StatusCode.success)

    def flush(self, session: Any, mask: Any) -> StatusCode:
        self.calls.append(("flush", session, mask))
        return self._ret(session, StatusCode.success)

    def assert_trigger(self, session: Any, protocol: Any) -> StatusCode:
        self.calls.append(("assert_trigger", session, protocol))
        return self._ret(session, StatusCode.success)

    def read_stb(self, session: Any) -> tuple[int, StatusCode]:
        self.calls.append(("read_stb", session))
        return self._session(session).stb, self._ret(session, StatusCode.success)

    def gpib_command(self, session: Any, data: bytes) -> tuple[int, StatusCode]:
        self.calls.append(("gpib_command", session, bytes(data)))
        return len(data), self._ret(session, StatusCode.success)

    def gpib_send_ifc(self, session: Any) -> StatusCode:
        self.calls.append(("gpib_send_ifc", session))
        return self._ret(session, StatusCode.success)

    def gpib_control_ren(self, session: Any, mode: Any) -> StatusCode:
        self.calls.append(("gpib_control_ren", session, mode))
        return self._ret(session, StatusCode.success)

    def gpib_control_atn(self, session: Any, mode: Any) -> StatusCode:
        self.calls.append(("gpib_control_atn", session, mode))
        return self._ret(session, StatusCode.success)

    def gpib_pass_control(self, session: Any, primary: int, secondary: int) -> StatusCode:
        self.calls.append(("gpib_pass_control", session, primary, secondary))
        return self._ret(session, StatusCode.success)

    def usb_control_in(
        self, session: Any, bm: int, request: int, value: int, index: int, length: int = 0
    ) -> tuple[bytes, StatusCode]:
        self.calls.append(("usb_control_in", session, bm, request, value, index, length))
        return bytes(range(length)), self._ret(session, StatusCode.success)

    def usb_control_out(
        self, session: Any, bm: int, request: int, value: int, index: int, data: bytes = b""
    ) -> StatusCode:
        self.calls.append(("usb_control_out", session, bm, request, value, index, data))
        return self._ret(session, StatusCode.success)

    # -- memory -------------------------------------------------------------------

    def read_memory(
        self, session: Any, space: Any, offset: int, width: Any, extended: bool = False
    ) -> tuple[int, StatusCode]:
        self.calls.append(("read_memory", session, space, offset, width, extended))
        return self.memory.get((space, offset), 0), self._ret(session, StatusCode.success)

    def write_memory(
        self, session: Any, space: Any, offset: int, data: int, width: Any, extended: bool = False
    ) -> StatusCode:
        self.calls.append(("write_memory", session, space, offset, data, width, extended))
        self.memory[(space, offset)] = data
        return self._ret(session, StatusCode.success)

    def move_in(
        self, session: Any, space: Any, offset: int, length: int, width: Any, extended: bool = False
    ) -> tuple[list[int], StatusCode]:
        self.calls.append(("move_in", session, space, offset, length, width, extended))
        step = width // 8 if width in (8, 16, 32, 64) else int(width)
        data = [self.memory.get((space, offset + i * step), 0) for i in range(length)]
        return data, self._ret(session, StatusCode.success)

    def move_out(
        self,
        session: Any,
        space: Any,
        offset: int,
        length: int,
        data: Iterable[int],
        width: Any,
        extended: bool = False,
    ) -> StatusCode:
        values = list(data)
        self.calls.append(("move_out", session, space, offset, length, values, width, extended))
        step = width // 8 if width in (8, 16, 32, 64) else int(width)
        for i, value in enumerate(values[:length]):
            self.memory[(space, offset + i * step)] = value
        return self._ret(session, StatusCode.success)

    # -- locks --------------------------------------------------------------------

    def lock(
        self, session: Any, lock_type: Any, timeout: int, requested_key: str | None = None
    ) -> tuple[str, StatusCode]:
        self.calls.append(("lock", session, lock_type, timeout, requested_key))
        name = self._session(session).name
        wait = None if timeout == constants.VI_TMO_INFINITE else timeout / 1000
        with self.lock_cond:

            def grantable() -> bool:
                held = self.locks.get(name)
                if held is None or held[0] == session:
                    return True
                return (
                    lock_type == constants.Lock.shared
                    and held[1] == constants.Lock.shared
                    and requested_key is not None
                    and requested_key == held[2]
                )

            if not self.lock_cond.wait_for(grantable, wait):
                return "", self._ret(session, StatusCode.error_resource_locked)
            held = self.locks.get(name)
            if lock_type == constants.Lock.shared:
                key = requested_key or (held[2] if held and held[2] else f"key{next(self._keys)}")
            else:
                key = None
            if held is None:
                self.locks[name] = (session, lock_type, key)
        return key or "", self._ret(session, StatusCode.success)

    def unlock(self, session: Any) -> StatusCode:
        self.calls.append(("unlock", session))
        name = self._session(session).name
        with self.lock_cond:
            held = self.locks.get(name)
            if held is None:
                return self._ret(session, StatusCode.error_session_not_locked)
            if held[0] == session:
                del self.locks[name]
            self.lock_cond.notify_all()
        return self._ret(session, StatusCode.success)

    # -- events -------------------------------------------------------------------

    def enable_event(
        self, session: Any, event_type: Any, mechanism: Any, context: None = None
    ) -> StatusCode:
        self.calls.append(("enable_event", session, event_type, mechanism))
        sess = self._session(session)
        sess.enabled[event_type] = sess.enabled.get(event_type, 0) | mechanism
        return self._ret(session, StatusCode.success)

    def disable_event(self, session: Any, event_type: Any, mechanism: Any) -> StatusCode:
        self.calls.append(("disable_event", session, event_type, mechanism))
        sess = self._session(session)
        if event_type == EventType.all_enabled:
            sess.enabled.clear()
        else:
            sess.enabled[event_type] = sess.enabled.get(event_type, 0) & ~mechanism
        return self._ret(session, StatusCode.success)

    def discard_events(self, session: Any, event_type: Any, mechanism: Any) -> StatusCode:
        self.calls.append(("discard_events", session, event_type, mechanism))
        sess = self._session(session)
        kept = []
        while not sess.events.empty():
            item = sess.events.get_nowait()
            if event_type != EventType.all_enabled and item[0] != event_type:
                kept.append(item)
        for item in kept:
            sess.events.put(item)
        return self._ret(session, StatusCode.success)

    def wait_on_event(
        self, session: Any, in_event_type: Any, timeout: int
    ) -> tuple[Any, Any, StatusCode]:
        self.calls.append(("wait_on_event", session, in_event_type, timeout))
        sess = self._session(session)
        wait = None if timeout == constants.VI_TMO_INFINITE else timeout / 1000
        try:
            event_type, context = sess.events.get(timeout=wait)
        except queue.Empty:
            return in_event_type, None, self._ret(session, StatusCode.error_timeout)
        return EventType(event_type), context, self._ret(session, StatusCode.success)

    def install_handler(
        self, session: Any, event_type: Any, handler: Any, user_handle: Any
    ) -> tuple[Any, Any, Any, StatusCode]:
        self.calls.append(("install_handler", session, event_type))
        self.installed.setdefault(session, []).append((event_type, handler, user_handle))
        return handler, user_handle, handler, self._ret(session, StatusCode.success)

    def uninstall_handler(
        self, session: Any, event_type: Any, handler: Any, user_handle: Any = None
    ) -> StatusCode:
        self.calls.append(("uninstall_handler", session, event_type))
        entries = self.installed.get(session, [])
        for entry in entries:
            if entry[0] == event_type and entry[1] == handler:
                entries.remove(entry)
                break
        return self._ret(session, StatusCode.success)


def ieee_block(data: bytes) -> bytes:
    """``data`` as a definite-length IEEE 488.2 block (built here, not by pyvisa)."""
    length = str(len(data)).encode()
    return b"#" + str(len(length)).encode() + length + data


def make_manager(responder: Responder = echo) -> tuple[ResourceManager, ScriptedLibrary]:
    """Return a fresh resource manager over a new scripted library."""
    library = ScriptedLibrary(f"scripted-{next(_counter)}")
    library.responder = responder
    return ResourceManager(library), library


T = TypeVar("T")


def run_together(function: Callable[[], T], count: int, timeout: float = 30) -> list[T]:
    """Call ``function`` from ``count`` threads released together; return their results.

    The first exception raised in a thread is raised again here.
    """
    barrier = threading.Barrier(count)
    results: list[T] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            barrier.wait(timeout)
            results.append(function())
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            failures.append(exc)

    threads = [threading.Thread(target=work) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads)
    if failures:
        raise failures[0]
    return results


def check_queries_not_interleaved(inst: Any, tags: str, rounds: int, timeout: float) -> None:
    """Query ``inst`` from one thread per tag; every thread must get its own answers.

    The device must echo what it is sent.
    """
    mismatches: list[tuple[str, str]] = []

    def worker(tag: str) -> None:
        for index in range(rounds):
            message = f"{tag}-{index}"
            answer = inst.query(message)
            if answer != message:
                mismatches.append((message, answer))

    threads = [threading.Thread(target=worker, args=(tag,)) for tag in tags]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    assert not any(thread.is_alive() for thread in threads)
    assert mismatches == []
