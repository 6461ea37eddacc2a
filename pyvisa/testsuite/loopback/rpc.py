"""ONC RPC pieces of the loopback VXI-11 server (standard library only).

What VXI-11 needs from ONC RPC version 2 (RFC 5531) and its portmapper (RFC 1833):

- XDR encoding of unsigned/signed 32-bit integers, booleans and variable-length opaque
  data (:class:`Packer`, :class:`Unpacker`);
- record marking on TCP (:class:`RecordStream`): a record is made of fragments, each
  preceded by a 4-byte big-endian header whose high bit flags the last fragment;
- call parsing and reply building, with the accepted and denied replies a server sends
  for an unknown program, version or procedure and for undecodable arguments;
- a threaded TCP (and UDP) service dispatching calls to per-connection handlers
  (:class:`RPCService`);
- the portmapper, program 100000 version 2 (NULL, SET, UNSET, GETPORT, DUMP) on TCP and UDP
  (:class:`PortMapper`).

Every blocking wait polls a stop event, so that stopping the server ends its threads.
"""

from __future__ import annotations

import logging
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .threads import POLL as _POLL
from .threads import Workers

__all__ = [
    "IPPROTO_TCP",
    "IPPROTO_UDP",
    "PMAP_PROG",
    "PMAP_VERS",
    "Call",
    "Closed",
    "DropConnection",
    "Packer",
    "PortMapper",
    "RPCService",
    "RPCSession",
    "RecordStream",
    "Unpacker",
    "XDRError",
    "accepted_reply",
    "call_record",
    "parse_call",
]

LOGGER = logging.getLogger("pyvisa.testsuite.loopback")

RPC_VERSION = 2
CALL, REPLY = 0, 1
MSG_ACCEPTED, MSG_DENIED = 0, 1
SUCCESS, PROG_UNAVAIL, PROG_MISMATCH, PROC_UNAVAIL, GARBAGE_ARGS, SYSTEM_ERR = range(6)
RPC_MISMATCH = 0
AUTH_NULL = 0

#: Portmapper program, version and protocol numbers.
PMAP_PROG, PMAP_VERS = 100000, 2
IPPROTO_TCP, IPPROTO_UDP = 6, 17

_LAST_FRAGMENT = 0x8000_0000
_MAX_RECORD = 1 << 26  # refuse absurd records (64 MiB)
_UDP_SIZE = 8192


class XDRError(ValueError):
    """Arguments that cannot be decoded (answered with GARBAGE_ARGS)."""


class Closed(Exception):
    """The peer closed the connection, it failed, or the server is stopping."""


class DropConnection(Exception):
    """Raised by a handler to send part of ``record`` and then close the connection.

    Simulates a connection lost in the middle of a reply: the record header announces the
    whole record, only its first half follows.
    """

    def __init__(self, record: bytes) -> None:
        super().__init__("connection dropped on purpose")
        self.record = record


# -- XDR ------------------------------------------------------------------------------


class Packer:
    """Build XDR data piece by piece; :meth:`data` returns the bytes."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def uint(self, value: int) -> Packer:
        self._parts.append(struct.pack(">I", value & 0xFFFF_FFFF))
        return self

    def sint(self, value: int) -> Packer:
        self._parts.append(struct.pack(">i", value))
        return self

    def boolean(self, value: bool) -> Packer:
        return self.uint(1 if value else 0)

    def opaque(self, data: bytes) -> Packer:
        """Variable-length opaque data: length, bytes, zero padding to 4 bytes."""
        self.uint(len(data))
        self._parts.append(bytes(data))
        self._parts.append(b"\0" * (-len(data) % 4))
        return self

    def data(self) -> bytes:
        return b"".join(self._parts)


class Unpacker:
    """Read XDR data from ``data``; a short or malformed buffer raises :class:`XDRError`."""

    def __init__(self, data: bytes, offset: int = 0) -> None:
        self._data = data
        self.offset = offset

    def _take(self, size: int) -> bytes:
        end = self.offset + size
        if end > len(self._data):
            raise XDRError(f"{size} bytes expected at offset {self.offset}, buffer too short")
        chunk = self._data[self.offset : end]
        self.offset = end
        return chunk

    def uint(self) -> int:
        return struct.unpack(">I", self._take(4))[0]

    def sint(self) -> int:
        return struct.unpack(">i", self._take(4))[0]

    def boolean(self) -> bool:
        value = self.uint()
        if value not in (0, 1):
            raise XDRError(f"invalid XDR boolean {value}")
        return bool(value)

    def opaque(self, max_size: int | None = None) -> bytes:
        size = self.uint()
        if max_size is not None and size > max_size:
            raise XDRError(f"opaque of {size} bytes, at most {max_size} allowed")
        data = self._take(size)
        self._take(-size % 4)
        return data

    def remaining(self) -> int:
        return len(self._data) - self.offset


# -- RPC messages ---------------------------------------------------------------------------


@dataclass
class Call:
    """A decoded RPC call header; ``args`` is positioned on the procedure arguments."""

    xid: int
    prog: int
    vers: int
    proc: int
    args: Unpacker


class _RPCVersionMismatch(Exception):
    def __init__(self, xid: int) -> None:
        super().__init__(xid)
        self.xid = xid


def parse_call(record: bytes) -> Call | None:
    """Decode the header of a call record; None when it is not a call (ignored).

    Raises
    ------
    XDRError
        The header cannot be decoded (the record is dropped).
    _RPCVersionMismatch
        The RPC version is not 2 (answered with a denied reply).

    """
    reader = Unpacker(record)
    xid = reader.uint()
    if reader.uint() != CALL:
        return None
    if reader.uint() != RPC_VERSION:
        raise _RPCVersionMismatch(xid)
    prog, vers, proc = reader.uint(), reader.uint(), reader.uint()
    for _ in range(2):  # credentials, then verifier: accepted whatever their flavor
        reader.uint()
        reader.opaque(400)
    return Call(xid, prog, vers, proc, reader)


def accepted_reply(xid: int, status: int = SUCCESS, body: bytes = b"") -> bytes:
    """Reply record accepting a call: ``status`` then ``body`` (results, or mismatch info)."""
    header = Packer().uint(xid).uint(REPLY).uint(MSG_ACCEPTED).uint(AUTH_NULL).opaque(b"")
    return header.uint(status).data() + body


def _denied_rpc_mismatch(xid: int) -> bytes:
    packer = Packer().uint(xid).uint(REPLY).uint(MSG_DENIED).uint(RPC_MISMATCH)
    return packer.uint(RPC_VERSION).uint(RPC_VERSION).data()


def call_record(xid: int, prog: int, vers: int, proc: int, args: bytes = b"") -> bytes:
    """Call record with null credentials and verifier (used for the interrupt channel)."""
    packer = Packer().uint(xid).uint(CALL).uint(RPC_VERSION).uint(prog).uint(vers).uint(proc)
    return packer.uint(AUTH_NULL).opaque(b"").uint(AUTH_NULL).opaque(b"").data() + args


# -- record marking on TCP -------------------------------------------------------------------


class RecordStream:
    """A connected TCP socket carrying RPC records, read with bounded waits.

    Parameters
    ----------
    sock : socket.socket
        The connected socket (it is made non-blocking with a short timeout).
    stopping : threading.Event
        Set when the server stops: the waits give up and raise :class:`Closed`.

    """

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.stopping = stopping
        self._buffer = bytearray()
        self._send_lock = threading.Lock()
        self.closed = False
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # pragma: no cover - not a TCP socket
            pass
        sock.settimeout(_POLL)

    def _fill(self, size: int, deadline: float | None) -> None:
        while len(self._buffer) < size:
            if self.stopping.is_set() or self.closed:
                raise Closed()
            if deadline is not None and time.monotonic() >= deadline:
                raise TimeoutError("no complete record in time")
            try:
                chunk = self.sock.recv(max(size - len(self._buffer), 1 << 16))
            except TimeoutError:
                continue
            except OSError as exc:
                raise Closed() from exc
            if not chunk:
                raise Closed()
            self._buffer += chunk

    def _take(self, size: int, deadline: float | None) -> bytes:
        self._fill(size, deadline)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def read_record(self, timeout: float | None = None) -> bytes:
        """Return the next record (all its fragments joined).

        Raises
        ------
        Closed
            The connection is closed, broken or the server is stopping.
        TimeoutError
            ``timeout`` (s) elapsed before a whole record arrived.

        """
        deadline = None if timeout is None else time.monotonic() + timeout
        record = bytearray()
        while True:
            (header,) = struct.unpack(">I", self._take(4, deadline))
            size = header & ~_LAST_FRAGMENT
            if len(record) + size > _MAX_RECORD:
                raise Closed()
            record += self._take(size, deadline)
            if header & _LAST_FRAGMENT:
                return bytes(record)

    def write_record(self, record: bytes) -> None:
        """Send ``record`` as a single last fragment."""
        self.send_raw(struct.pack(">I", len(record) | _LAST_FRAGMENT) + record)

    def send_raw(self, data: bytes) -> None:
        """Send bytes as they are (the caller builds the record marks)."""
        with self._send_lock:
            view = memoryview(data)
            while view.nbytes:
                if self.stopping.is_set() or self.closed:
                    raise Closed()
                try:
                    sent = self.sock.send(view)
                except TimeoutError:
                    continue
                except OSError as exc:
                    raise Closed() from exc
                view = view[sent:]

    def peer_closed(self) -> bool:
        """Whether the peer has closed its side (checked without waiting)."""
        if self.closed:
            return True
        try:
            ready, _, _ = select.select([self.sock], [], [], 0)
            if not ready:
                return False
            return self.sock.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def close(self) -> None:
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


# -- dispatching server ---------------------------------------------------------------------

#: A procedure: decodes its arguments, returns its XDR-encoded results.
Procedure = Callable[[Unpacker], bytes]


class RPCSession:
    """Calls received on one TCP connection (or on the UDP socket): dispatch and state.

    Subclasses fill :attr:`procedures`, ``{(program, version): {procedure: function}}``;
    procedure 0 (NULL) of every program is answered without being listed.
    """

    def __init__(self, stream: RecordStream | None) -> None:
        self.stream = stream
        self.procedures: dict[tuple[int, int], dict[int, Procedure]] = {}

    def handle(self, record: bytes) -> bytes | None:
        """Reply record for a call record (None: nothing to send)."""
        try:
            call = parse_call(record)
        except _RPCVersionMismatch as exc:
            return _denied_rpc_mismatch(exc.xid)
        except XDRError:
            return None
        if call is None:
            return None
        versions = sorted(vers for prog, vers in self.procedures if prog == call.prog)
        if not versions:
            return accepted_reply(call.xid, PROG_UNAVAIL)
        table = self.procedures.get((call.prog, call.vers))
        if table is None:
            body = Packer().uint(versions[0]).uint(versions[-1]).data()
            return accepted_reply(call.xid, PROG_MISMATCH, body)
        if call.proc == 0:
            return accepted_reply(call.xid)
        procedure = table.get(call.proc)
        if procedure is None:
            return accepted_reply(call.xid, PROC_UNAVAIL)
        try:
            results = procedure(call.args)
        except XDRError:
            return accepted_reply(call.xid, GARBAGE_ARGS)
        except DropConnection as exc:
            raise DropConnection(accepted_reply(call.xid, SUCCESS, exc.record)) from None
        return accepted_reply(call.xid, SUCCESS, results)

    def close(self) -> None:
        """Called once the connection is over (release what it held)."""


class RPCService:
    """Threaded RPC server on one TCP port (and optionally the same UDP port).

    Parameters
    ----------
    name : str
        Used in the thread names and the log.
    host : str
        Address to bind.
    port : int
        Port to bind (0: a free port, see :attr:`port` after :meth:`start`).
    session_factory : Callable[[RecordStream | None], RPCSession]
        Makes the session of each TCP connection (and one for UDP, with no stream).
    stopping : threading.Event
        Stop event shared with the owner; set it (or call :meth:`stop`) to end the threads.
    udp : bool
        Also serve datagrams on the UDP port of the same number.

    """

    def __init__(
        self,
        name: str,
        host: str,
        port: int,
        session_factory: Callable[[RecordStream | None], RPCSession],
        stopping: threading.Event,
        udp: bool = False,
    ) -> None:
        self.name = name
        self.host = host
        self.requested_port = port
        self.session_factory = session_factory
        self.stopping = stopping
        self.udp = udp
        self.port = 0
        self._listener: socket.socket | None = None
        self._datagram: socket.socket | None = None
        self._workers: Workers[RecordStream] = Workers(stopping)

    def start(self) -> RPCService:
        """Bind the sockets (OSError if the port is taken or forbidden) and serve."""
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.requested_port))
            listener.listen(64)
            self.port = listener.getsockname()[1]
            if self.udp:
                datagram = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                try:
                    datagram.bind((self.host, self.port))
                except OSError:
                    datagram.close()
                    raise
                self._datagram = datagram
        except OSError:
            listener.close()
            raise
        self._listener = listener
        self._workers.spawn(
            self._workers.accept,
            listener,
            lambda sock: RecordStream(sock, self.stopping),
            self._serve_tcp,
            self.name,
            name=f"loopback-{self.name}-accept",
        )
        if self._datagram is not None:
            self._workers.spawn(self._serve_udp, name=f"loopback-{self.name}-udp")
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Close the sockets and wait (bounded) for the threads."""
        self.stopping.set()
        for sock in (self._listener, self._datagram):
            if sock is not None:
                sock.close()
        self._workers.close_and_join(timeout)

    def _serve_tcp(self, stream: RecordStream) -> None:
        session = self.session_factory(stream)
        try:
            while True:
                record = stream.read_record()
                try:
                    reply = session.handle(record)
                except DropConnection as exc:
                    half = exc.record[: len(exc.record) // 2]
                    stream.send_raw(struct.pack(">I", len(exc.record) | _LAST_FRAGMENT) + half)
                    raise Closed() from None
                if reply is not None:
                    stream.write_record(reply)
        except Closed:
            pass
        except Exception:  # pragma: no cover - reported, the connection is dropped
            LOGGER.exception("loopback %s connection failed", self.name)
        finally:
            try:
                session.close()
            finally:
                stream.close()
                self._workers.forget(stream)

    def _serve_udp(self) -> None:
        datagram = self._datagram
        assert datagram is not None
        session = self.session_factory(None)
        while not self.stopping.is_set():
            try:
                ready, _, _ = select.select([datagram], [], [], _POLL)
                if not ready:
                    continue
                record, peer = datagram.recvfrom(_UDP_SIZE)
            except (OSError, ValueError):
                return
            try:
                reply = session.handle(record)
            except DropConnection:  # pragma: no cover - no drop over UDP
                continue
            if reply is not None:
                try:
                    datagram.sendto(reply, peer)
                except OSError:
                    pass


# -- portmapper -------------------------------------------------------------------------------


class PortMapper:
    """Portmapper (program 100000 version 2): the table of registered programs.

    ``SET`` and ``UNSET`` are accepted from any client (the server only listens on the
    loopback interface); ``GETPORT`` answers the port of the exact version, else of any
    version of the program on that protocol (the program then tells the client which
    versions it has), else 0. ``CALLIT`` is not implemented (PROC_UNAVAIL).
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._mappings: dict[tuple[int, int, int], int] = {}

    def set(self, prog: int, vers: int, prot: int, port: int) -> bool:
        with self._guard:
            if (prog, vers, prot) in self._mappings:
                return False
            self._mappings[(prog, vers, prot)] = port
            return True

    def unset(self, prog: int, vers: int) -> bool:
        with self._guard:
            keys = [key for key in self._mappings if key[:2] == (prog, vers)]
            for key in keys:
                del self._mappings[key]
            return bool(keys)

    def get_port(self, prog: int, vers: int, prot: int) -> int:
        with self._guard:
            port = self._mappings.get((prog, vers, prot))
            if port is not None:
                return port
            for (p, _, t), port in sorted(self._mappings.items()):
                if (p, t) == (prog, prot):
                    return port
            return 0

    def dump(self) -> list[tuple[int, int, int, int]]:
        with self._guard:
            return [(*key, port) for key, port in sorted(self._mappings.items())]

    def register(self, prog: int, vers: int, ports: Iterable[tuple[int, int]]) -> None:
        """Register ``(protocol, port)`` pairs of a program (replacing older ones)."""
        self.unset(prog, vers)
        for prot, port in ports:
            self.set(prog, vers, prot, port)

    def session(self, stream: RecordStream | None) -> RPCSession:
        """A session answering the portmapper procedures (TCP connection or UDP)."""
        session = RPCSession(stream)
        session.procedures[(PMAP_PROG, PMAP_VERS)] = {
            1: self._proc_set,
            2: self._proc_unset,
            3: self._proc_getport,
            4: self._proc_dump,
        }
        return session

    @staticmethod
    def _mapping(args: Unpacker) -> tuple[int, int, int, int]:
        return args.uint(), args.uint(), args.uint(), args.uint()

    def _proc_set(self, args: Unpacker) -> bytes:
        return Packer().boolean(self.set(*self._mapping(args))).data()

    def _proc_unset(self, args: Unpacker) -> bytes:
        prog, vers, _, _ = self._mapping(args)
        return Packer().boolean(self.unset(prog, vers)).data()

    def _proc_getport(self, args: Unpacker) -> bytes:
        prog, vers, prot, _ = self._mapping(args)
        return Packer().uint(self.get_port(prog, vers, prot)).data()

    def _proc_dump(self, args: Unpacker) -> bytes:
        packer = Packer()
        for mapping in self.dump():
            packer.boolean(True)
            for value in mapping:
                packer.uint(value)
        return packer.boolean(False).data()
