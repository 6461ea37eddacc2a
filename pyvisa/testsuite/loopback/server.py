"""Threaded TCP servers exposing the loopback instrument (raw socket and HiSLIP)."""

from __future__ import annotations

import functools
import itertools
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable

from .instrument import LoopbackInstrument, Reply
from .threads import POLL as _POLL
from .threads import Workers

__all__ = ["LoopbackServer"]

LOGGER = logging.getLogger("pyvisa.testsuite.loopback")

# HiSLIP message types (IVI-6.1) used by the server.
_INITIALIZE = 0
_INITIALIZE_RESPONSE = 1
_FATAL_ERROR = 2
_ERROR = 3
_ASYNC_LOCK = 4
_ASYNC_LOCK_RESPONSE = 5
_DATA = 6
_DATA_END = 7
_DEVICE_CLEAR_COMPLETE = 8
_DEVICE_CLEAR_ACKNOWLEDGE = 9
_ASYNC_REMOTE_LOCAL_CONTROL = 10
_ASYNC_REMOTE_LOCAL_RESPONSE = 11
_TRIGGER = 12
_ASYNC_MAX_MSG_SIZE = 15
_ASYNC_MAX_MSG_SIZE_RESPONSE = 16
_ASYNC_INITIALIZE = 17
_ASYNC_INITIALIZE_RESPONSE = 18
_ASYNC_DEVICE_CLEAR = 19
_ASYNC_SERVICE_REQUEST = 20
_ASYNC_STATUS_QUERY = 21
_ASYNC_STATUS_RESPONSE = 22
_ASYNC_DEVICE_CLEAR_ACKNOWLEDGE = 23
_ASYNC_LOCK_INFO = 24
_ASYNC_LOCK_INFO_RESPONSE = 25

_HEADER = struct.Struct("!2sBBIQ")
_HISLIP_VERSION = 0x0100
_VENDOR_ID = 0x5056  # "PV"
_SERVER_MAX_MSG_SIZE = 1 << 24
_FIRST_MESSAGE_ID = 0xFFFF_FF00
_QUICKACK = getattr(socket, "TCP_QUICKACK", None)  # Linux only


class _Closed(Exception):
    """The peer closed the connection or the server is stopping."""


class _Connection:
    """A connected socket read with a bounded wait, giving up once the server stops."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping
        self.send_lock = threading.Lock()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(_POLL)

    def recv(self, size: int) -> bytes:
        while not self.stopping.is_set():
            try:
                data = self.sock.recv(size)
            except TimeoutError:
                continue
            except OSError as exc:
                raise _Closed() from exc
            if not data:
                raise _Closed()
            if _QUICKACK is not None:
                # Acknowledge at once: a client writing two messages in a row (``ECHO``
                # then the message) would otherwise wait for the delayed ACK (Nagle).
                try:
                    self.sock.setsockopt(socket.IPPROTO_TCP, _QUICKACK, 1)
                except OSError:
                    pass
            return data
        raise _Closed()

    def recv_exact(self, size: int) -> bytes:
        buffer = bytearray()
        while len(buffer) < size:
            buffer += self.recv(min(size - len(buffer), 1 << 20))
        return bytes(buffer)

    def send(self, data: bytes) -> None:
        with self.send_lock:
            self._sendall(data)

    def _sendall(self, data: bytes) -> None:
        view = memoryview(data)
        while view.nbytes:
            if self.stopping.is_set():
                raise _Closed()
            try:
                sent = self.sock.send(view)
            except TimeoutError:
                continue
            except OSError as exc:
                raise _Closed() from exc
            view = view[sent:]

    def close(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


class _LockTable:
    """HiSLIP locks of the device: one exclusive owner or holders of one shared key."""

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self.exclusive: int | None = None
        self.shared_key: str | None = None
        self.shared: set[int] = set()

    def _grantable(self, session: int, key: str) -> bool:
        if self.exclusive not in (None, session):
            return False
        if not key:
            return not (self.shared - {session})
        return self.shared_key in (None, key) or not (self.shared - {session})

    def request(self, session: int, key: str, timeout: float, stopping: threading.Event) -> int:
        deadline = time.monotonic() + timeout
        with self.condition:
            while not self._grantable(session, key):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or stopping.is_set():
                    return 0  # failure
                self.condition.wait(min(remaining, _POLL))
            if key:
                self.shared_key = key
                self.shared.add(session)
            else:
                self.exclusive = session
            return 1  # success

    def release(self, session: int) -> int:
        with self.condition:
            try:
                if self.exclusive == session:
                    self.exclusive = None
                    return 1  # success exclusive
                if session in self.shared:
                    self.shared.discard(session)
                    if not self.shared:
                        self.shared_key = None
                    return 2  # success shared
                return 3  # error: no lock held
            finally:
                self.condition.notify_all()

    def info(self) -> tuple[int, int]:
        with self.condition:
            holders = len(self.shared) + (self.exclusive is not None)
            return int(self.exclusive is not None), holders

    def forget(self, session: int) -> None:
        with self.condition:
            if self.exclusive == session:
                self.exclusive = None
            self.shared.discard(session)
            if not self.shared:
                self.shared_key = None
            self.condition.notify_all()


class _HiSLIPSession:
    """Both channels of one HiSLIP client and its instrument."""

    def __init__(self, session_id: int, sync: _Connection, server: LoopbackServer) -> None:
        self.id = session_id
        self.sync = sync
        self.async_: _Connection | None = None
        self.async_ready = threading.Event()
        self.server = server
        self.instrument = LoopbackInstrument()
        self.clearing = threading.Event()
        self.client_max = 1 << 20
        self.last_message_id = 0xFFFF_FFFF
        self.processed = threading.Condition()
        self.processed_id: int | None = None
        self.closed = False

    def mark_processed(self, message_id: int) -> None:
        with self.processed:
            self.processed_id = message_id
            self.processed.notify_all()

    def wait_processed(self, next_id: int, timeout: float = 1.0) -> None:
        """Wait (bounded) until the message before ``next_id`` has been executed.

        A status query carries the MessageID the client will use next, so that the
        status reflects every message sent before it on the synchronous channel.
        """
        target = (next_id - 2) & 0xFFFF_FFFF
        if target == (_FIRST_MESSAGE_ID - 2) & 0xFFFF_FFFF:
            return  # nothing sent since the connection or the last device clear
        with self.processed:
            self.processed.wait_for(lambda: self.processed_id == target or self.closed, timeout)

    def send(self, channel: _Connection, kind: int, control: int, parameter: int, payload=b""):
        channel.send(_HEADER.pack(b"HS", kind, control, parameter, len(payload)) + payload)

    def send_reply(self, reply: Reply) -> None:
        """Send an answer on the synchronous channel, split to the client's size."""
        if reply.delay:
            # A device clear aborts a pending answer.
            if self.clearing.wait(reply.delay) or self.server.stopping.is_set():
                return
        if self.clearing.is_set():
            return
        data = memoryview(reply.data)
        step = max(self.client_max - _HEADER.size, 1)
        message_id = self.last_message_id
        while data.nbytes > step:
            self.sync.send(_HEADER.pack(b"HS", _DATA, 0, message_id, step) + data[:step])
            data = data[step:]
        if reply.end:
            self.sync.send(_HEADER.pack(b"HS", _DATA_END, 0, message_id, data.nbytes) + data)
        elif data.nbytes:
            self.sync.send(_HEADER.pack(b"HS", _DATA, 0, message_id, data.nbytes) + data)
        if reply.drop:
            raise _Closed()

    def notify_status(self, before: int) -> None:
        """Send AsyncServiceRequest when the request bit rises (if ``ASRQ ON``)."""
        after = self.instrument.stb
        if self.instrument.async_srq and after & 0x40 and not before & 0x40 and self.async_:
            self.send(self.async_, _ASYNC_SERVICE_REQUEST, after, 0)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.server._locks.forget(self.id)
        self.clearing.set()
        for channel in (self.sync, self.async_):
            if channel is not None:
                channel.close()


class LoopbackServer:
    """Loopback instrument served on 127.0.0.1 over raw TCP sockets and HiSLIP.

    Parameters
    ----------
    host : str
        Address to listen on (loopback only by default).
    socket_port, hislip_port : int
        Ports to listen on; 0 picks a free port (see the ``*_port`` attributes after start).
    lifetime : float | None
        Seconds after which the server stops by itself (None: until :meth:`stop`).

    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        socket_port: int = 0,
        hislip_port: int = 0,
        lifetime: float | None = 900.0,
    ) -> None:
        self.host = host
        self.lifetime = lifetime
        self.stopping = threading.Event()
        self._requested = {"socket": socket_port, "hislip": hislip_port}
        self._listeners: dict[str, socket.socket] = {}
        self._workers: Workers[_Connection] = Workers(self.stopping)
        self._guard = threading.Lock()
        self._sessions: dict[int, _HiSLIPSession] = {}
        self._session_ids = itertools.count(1)
        self._locks = _LockTable()
        self.socket_port = 0
        self.hislip_port = 0
        self.started_at = 0.0

    # -- lifecycle -----------------------------------------------------------------

    def start(self) -> LoopbackServer:
        """Bind the listening sockets and start serving in daemon threads."""
        handlers: dict[str, Callable[[_Connection], None]] = {
            "socket": self._serve_socket,
            "hislip": self._serve_hislip,
        }
        for name, handler in handlers.items():
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self._requested[name]))
            listener.listen(64)
            self._listeners[name] = listener
            setattr(self, f"{name}_port", listener.getsockname()[1])
            self._workers.spawn(
                self._workers.accept,
                listener,
                lambda sock: _Connection(sock, self.stopping),
                functools.partial(self._run, handler),
                name,
                name=f"loopback-{name}-accept",
            )
        self.started_at = time.monotonic()
        if self.lifetime is not None:
            self._workers.spawn(self._watchdog, name="loopback-watchdog")
        LOGGER.debug("loopback server on %s: %s", self.host, self.addresses)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving, close every connection and wait (bounded) for the threads."""
        self.stopping.set()
        for listener in self._listeners.values():
            listener.close()
        with self._guard:
            sessions = list(self._sessions.values())
        for session in sessions:
            session.clearing.set()  # ends a pending delayed answer
        self._workers.close_and_join(timeout)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return bool(self._listeners) and not self.stopping.is_set()

    @property
    def socket_address(self) -> str:
        return f"TCPIP::{self.host}::{self.socket_port}::SOCKET"

    @property
    def hislip_address(self) -> str:
        return f"TCPIP::{self.host}::hislip0,{self.hislip_port}::INSTR"

    @property
    def addresses(self) -> dict[str, str]:
        """Resource names per resource type (keys as in RESOURCE_ADDRESSES)."""
        return {"TCPIP::INSTR": self.hislip_address, "TCPIP::SOCKET": self.socket_address}

    def _watchdog(self) -> None:
        assert self.lifetime is not None
        if not self.stopping.wait(self.lifetime):
            LOGGER.debug("loopback server lifetime (%s s) is over", self.lifetime)
            self.stop()

    def _run(self, handler: Callable[[_Connection], None], connection: _Connection) -> None:
        try:
            handler(connection)
        except _Closed:
            pass
        except Exception:  # pragma: no cover - reported, the connection is dropped
            LOGGER.exception("loopback connection failed")
        finally:
            connection.close()
            self._workers.forget(connection)

    # -- raw socket ----------------------------------------------------------------

    def _serve_socket(self, connection: _Connection) -> None:
        instrument = LoopbackInstrument()
        buffer = bytearray()
        while True:
            count = instrument.raw_count
            if count is not None:
                end = count if len(buffer) >= count else -1
            else:
                end = buffer.find(b"\n") + 1 or -1
            if end < 0:
                buffer += connection.recv(1 << 16)
                continue
            message = bytes(buffer[:end])
            del buffer[:end]
            reply = instrument.execute(message)
            if reply is None:
                continue
            if reply.delay and self.stopping.wait(reply.delay):
                raise _Closed()
            if reply.data:
                connection.send(reply.data)
            if reply.drop:
                raise _Closed()

    # -- HiSLIP ----------------------------------------------------------------------

    def _read_header(self, connection: _Connection) -> tuple[int, int, int, bytes]:
        prologue, kind, control, parameter, length = _HEADER.unpack(
            connection.recv_exact(_HEADER.size)
        )
        if prologue != b"HS":
            error = b"Poorly formed message header"
            connection.send(_HEADER.pack(b"HS", _FATAL_ERROR, 1, 0, len(error)) + error)
            raise _Closed()
        payload = connection.recv_exact(length) if length else b""
        return kind, control, parameter, payload

    def _serve_hislip(self, connection: _Connection) -> None:
        kind, control, parameter, payload = self._read_header(connection)
        if kind == _INITIALIZE:
            session = _HiSLIPSession(next(self._session_ids) & 0xFFFF, connection, self)
            with self._guard:
                self._sessions[session.id] = session
            try:
                response = (_HISLIP_VERSION << 16) | session.id
                session.send(connection, _INITIALIZE_RESPONSE, 0, response)
                if not session.async_ready.wait(10):
                    raise _Closed()
                self._serve_sync(session)
            finally:
                with self._guard:
                    self._sessions.pop(session.id, None)
                session.close()
        elif kind == _ASYNC_INITIALIZE:
            with self._guard:
                session = self._sessions.get(parameter)  # type: ignore[assignment]
            if session is None:
                error = b"Invalid Initialization sequence"
                connection.send(_HEADER.pack(b"HS", _FATAL_ERROR, 3, 0, len(error)) + error)
                raise _Closed()
            session.async_ = connection
            session.send(connection, _ASYNC_INITIALIZE_RESPONSE, 0, _VENDOR_ID)
            session.async_ready.set()
            try:
                self._serve_async(session)
            finally:
                session.close()
        else:
            error = b"Invalid Initialization sequence"
            connection.send(_HEADER.pack(b"HS", _FATAL_ERROR, 3, 0, len(error)) + error)
            raise _Closed()

    def _serve_sync(self, session: _HiSLIPSession) -> None:
        message = bytearray()
        instrument = session.instrument
        while True:
            kind, control, parameter, payload = self._read_header(session.sync)
            if kind in (_DATA, _DATA_END):
                if session.clearing.is_set():
                    continue  # discarded until DeviceClearComplete
                message += payload
                session.last_message_id = parameter
                if kind == _DATA_END:
                    before = instrument.stb
                    reply = instrument.execute(bytes(message))
                    message.clear()
                    session.notify_status(before)
                    if reply is not None:
                        session.send_reply(reply)
                session.mark_processed(parameter)
            elif kind == _DEVICE_CLEAR_COMPLETE:
                message.clear()
                instrument.clear()
                session.clearing.clear()
                session.send(session.sync, _DEVICE_CLEAR_ACKNOWLEDGE, control, 0)
            elif kind == _TRIGGER:
                session.last_message_id = parameter
            elif kind == _FATAL_ERROR:
                raise _Closed()
            elif kind != _ERROR:
                error = b"Unrecognized Message Type"
                session.send(session.sync, _ERROR, 1, 0, error)

    def _serve_async(self, session: _HiSLIPSession) -> None:
        channel = session.async_
        assert channel is not None
        while True:
            kind, control, parameter, payload = self._read_header(channel)
            if kind == _ASYNC_MAX_MSG_SIZE:
                (size,) = struct.unpack("!Q", payload)
                session.client_max = max(size, 64)
                answer = struct.pack("!Q", _SERVER_MAX_MSG_SIZE)
                session.send(channel, _ASYNC_MAX_MSG_SIZE_RESPONSE, 0, 0, answer)
            elif kind == _ASYNC_STATUS_QUERY:
                session.wait_processed(parameter)
                session.send(channel, _ASYNC_STATUS_RESPONSE, session.instrument.stb, 0)
            elif kind == _ASYNC_DEVICE_CLEAR:
                session.clearing.set()
                session.send(channel, _ASYNC_DEVICE_CLEAR_ACKNOWLEDGE, 0, 0)
            elif kind == _ASYNC_LOCK:
                if control == 1:
                    key = payload.decode("latin-1")
                    result = self._locks.request(session.id, key, parameter / 1000, self.stopping)
                else:
                    result = self._locks.release(session.id)
                session.send(channel, _ASYNC_LOCK_RESPONSE, result, 0)
            elif kind == _ASYNC_LOCK_INFO:
                exclusive, holders = self._locks.info()
                session.send(channel, _ASYNC_LOCK_INFO_RESPONSE, exclusive, holders)
            elif kind == _ASYNC_REMOTE_LOCAL_CONTROL:
                session.send(channel, _ASYNC_REMOTE_LOCAL_RESPONSE, 0, 0)
            elif kind == _FATAL_ERROR:
                raise _Closed()
            elif kind != _ERROR:
                error = b"Unrecognized Message Type"
                session.send(channel, _ERROR, 1, 0, error)
