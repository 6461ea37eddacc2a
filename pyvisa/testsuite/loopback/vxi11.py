"""VXI-11 server of the loopback instrument (standard library only).

:class:`VXI11Server` serves the loopback instrument (:mod:`.instrument`) as the VXI-11
devices ``inst0``, ``inst1``... (``TCPIP::<host>::inst0::INSTR``):

- the portmapper (program 100000 version 2, TCP and UDP), normally on port 111, where the
  core and abort programs are registered; ``portmapper_port=None`` serves no portmapper
  (clients then name the core port: ``TCPIP::<host>,<port>::inst0::INSTR``);
- the core channel (program 0x0607AF version 1): ``create_link``, ``device_write``
  (messages end with the END flag), ``device_read`` (ends at the requested count, at the
  termination character when ``termchrset`` is set, or at END; reasons REQCNT, CHR and END
  combined), ``device_readstb``, ``device_trigger``, ``device_clear`` (drops the pending
  input and answers, a late one included), ``device_remote``/``device_local``,
  ``device_lock``/``device_unlock`` (one exclusive lock per device, waited for up to
  ``lock_timeout`` when the ``waitlock`` flag is set, else refused at once with error 11,
  as is any other call of another link), ``destroy_link``, ``create_intr_chan`` (TCP only),
  ``destroy_intr_chan`` and ``device_enable_srq``; ``device_docmd`` answers error 8;
- the abort channel (program 0x0607B0 version 1): ``device_abort`` ends the
  ``device_read`` (or lock wait) in progress on the link with error 23;
- the interrupt channel (program 0x0607B1 version 1): ``device_intr_srq`` carrying the
  handle given to ``device_enable_srq`` is called on the client's interrupt server when
  the request bit (MSS) of a link with SRQ enabled rises, if the client created the
  channel.

Every link has its own instrument (as every HiSLIP session); the lock is per device.
A link has at most ``max_recv_size`` bytes per ``device_write`` (4096 by default, small
so that clients split long messages and long answers into several calls). ``DROP?``
sends half of the ``device_read`` reply record, then closes the core connection.

:class:`InterruptReceiver` is the client side of the interrupt channel, for tests
(pyvisa-py 0.8.1 has none).
"""

from __future__ import annotations

import collections
import itertools
import logging
import queue
import re
import socket
import threading
import time
from dataclasses import dataclass, field

from .instrument import LoopbackInstrument, Reply
from .rpc import (
    IPPROTO_TCP,
    IPPROTO_UDP,
    PMAP_PROG,
    PMAP_VERS,
    Closed,
    DropConnection,
    Packer,
    PortMapper,
    RecordStream,
    RPCService,
    RPCSession,
    Unpacker,
    call_record,
)

__all__ = [
    "DEVICE_ASYNC_PROG",
    "DEVICE_CORE_PROG",
    "DEVICE_INTR_PROG",
    "InterruptReceiver",
    "VXI11Server",
]

LOGGER = logging.getLogger("pyvisa.testsuite.loopback")

DEVICE_CORE_PROG, DEVICE_ASYNC_PROG, DEVICE_INTR_PROG = 0x0607AF, 0x0607B0, 0x0607B1
_VERSION = 1

# Core procedures.
CREATE_LINK = 10
DEVICE_WRITE = 11
DEVICE_READ = 12
DEVICE_READSTB = 13
DEVICE_TRIGGER = 14
DEVICE_CLEAR = 15
DEVICE_REMOTE = 16
DEVICE_LOCAL = 17
DEVICE_LOCK = 18
DEVICE_UNLOCK = 19
DEVICE_ENABLE_SRQ = 20
DEVICE_DOCMD = 22
DESTROY_LINK = 23
CREATE_INTR_CHAN = 25
DESTROY_INTR_CHAN = 26
# Abort and interrupt procedures.
DEVICE_ABORT = 1
DEVICE_INTR_SRQ = 30

# Error codes.
NO_ERROR = 0
DEVICE_NOT_ACCESSIBLE = 3
INVALID_LINK = 4
PARAMETER_ERROR = 5
CHANNEL_NOT_ESTABLISHED = 6
OPERATION_NOT_SUPPORTED = 8
LOCKED_BY_ANOTHER_LINK = 11
NO_LOCK_HELD = 12
IO_TIMEOUT = 15
ABORT = 23
CHANNEL_ALREADY_ESTABLISHED = 29

# Flags and read reasons.
FLAG_WAITLOCK = 0x01
FLAG_END = 0x08
FLAG_TERMCHRSET = 0x80
REASON_REQCNT, REASON_CHR, REASON_END = 1, 2, 4

_POLL = 0.2
_INFINITE_MS = 1 << 31  # timeouts from here on are taken as infinite
_DEVICE_NAME = re.compile(r"inst\d+", re.IGNORECASE)
_MSS = 0x40
_HANDLE_SIZE = 40


def _deadline(timeout_ms: int) -> float | None:
    return None if timeout_ms >= _INFINITE_MS else time.monotonic() + timeout_ms / 1000


def _remaining(deadline: float | None) -> float:
    return _POLL if deadline is None else min(deadline - time.monotonic(), _POLL)


@dataclass
class _Pending:
    """Part of an answer not read yet; ``end``: END follows its last byte."""

    data: bytearray
    end: bool
    ready_at: float
    drop: bool = False


@dataclass(eq=False)
class _Link:
    """One link: its instrument, buffers, SRQ settings and the calls it received."""

    id: int
    client_id: int
    device: _Device
    session: _CoreSession
    instrument: LoopbackInstrument = field(default_factory=LoopbackInstrument)
    condition: threading.Condition = field(default_factory=threading.Condition)
    input: bytearray = field(default_factory=bytearray)
    output: collections.deque[_Pending] = field(default_factory=collections.deque)
    srq_enabled: bool = False
    srq_handle: bytes = b""
    remote: bool = False
    triggers: int = 0
    busy: int = 0
    abort_requested: bool = False
    calls: collections.Counter[str] = field(default_factory=collections.Counter)

    def take_abort(self) -> bool:
        """Whether an abort arrived for the call in progress (and forget it)."""
        if self.abort_requested:
            self.abort_requested = False
            return True
        return False


class _Device:
    """A device (``inst0``...) and its lock, held by at most one link."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.condition = threading.Condition()
        self.owner: _Link | None = None

    def wait_access(
        self, link: _Link, flags: int, lock_timeout: int, stopping: threading.Event, take: bool
    ) -> int:
        """Wait until no other link holds the lock (``waitlock``), then take it if asked.

        Returns the VXI-11 error: 0, 11 (held by another link) or 23 (aborted).
        """
        deadline = _deadline(lock_timeout) if flags & FLAG_WAITLOCK else time.monotonic()
        with self.condition:
            while self.owner not in (None, link):
                if link.take_abort():
                    return ABORT
                remaining = _remaining(deadline)
                if remaining <= 0 or stopping.is_set():
                    return LOCKED_BY_ANOTHER_LINK
                self.condition.wait(remaining)
            if take:
                self.owner = link
            return NO_ERROR

    def release(self, link: _Link) -> bool:
        with self.condition:
            if self.owner is not link:
                return False
            self.owner = None
            self.condition.notify_all()
            return True


class _InterruptChannel:
    """Connection to the client's interrupt server, calling ``device_intr_srq`` on it."""

    def __init__(self, sock: socket.socket, prog: int, vers: int) -> None:
        self.stopping = threading.Event()
        self.stream = RecordStream(sock, self.stopping)
        self.prog, self.vers = prog, vers
        self._queue: queue.Queue[bytes] = queue.Queue()
        self._xids = itertools.count(1)
        self.sent = 0
        self._thread = threading.Thread(
            target=self._run, name="loopback-vxi11-interrupt", daemon=True
        )
        self._thread.start()

    def service_request(self, handle: bytes) -> None:
        self._queue.put(handle)

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                handle = self._queue.get(timeout=_POLL)
            except queue.Empty:
                continue
            args = Packer().opaque(handle).data()
            record = call_record(next(self._xids), self.prog, self.vers, DEVICE_INTR_SRQ, args)
            try:
                self.stream.write_record(record)
                self.sent += 1
                # The reply (void) is read and ignored; a client may not send any.
                self.stream.read_record(timeout=1.0)
            except TimeoutError:
                continue
            except Closed:
                return

    def close(self) -> None:
        self.stopping.set()
        self.stream.close()
        self._thread.join(2.0)


class _CoreSession(RPCSession):
    """One connection to the core channel: the links it created, its interrupt channel."""

    def __init__(self, server: VXI11Server, stream: RecordStream | None) -> None:
        super().__init__(stream)
        self.server = server
        self.links: dict[int, _Link] = {}
        self.interrupt: _InterruptChannel | None = None
        self.procedures[(DEVICE_CORE_PROG, _VERSION)] = {
            CREATE_LINK: self.create_link,
            DEVICE_WRITE: self.device_write,
            DEVICE_READ: self.device_read,
            DEVICE_READSTB: self.device_readstb,
            DEVICE_TRIGGER: self.device_trigger,
            DEVICE_CLEAR: self.device_clear,
            DEVICE_REMOTE: self.device_remote,
            DEVICE_LOCAL: self.device_local,
            DEVICE_LOCK: self.device_lock,
            DEVICE_UNLOCK: self.device_unlock,
            DEVICE_ENABLE_SRQ: self.device_enable_srq,
            DEVICE_DOCMD: self.device_docmd,
            DESTROY_LINK: self.destroy_link,
            CREATE_INTR_CHAN: self.create_intr_chan,
            DESTROY_INTR_CHAN: self.destroy_intr_chan,
        }

    # -- helpers -----------------------------------------------------------------------

    def _link(self, args: Unpacker, name: str) -> _Link | None:
        link = self.links.get(args.sint())
        if link is not None:
            link.calls[name] += 1
        return link

    def _generic(self, args: Unpacker, name: str) -> tuple[_Link | None, int]:
        """Decode Device_GenericParms; return the link and the access error (or 0)."""
        link = self._link(args, name)
        flags, lock_timeout, _io_timeout = args.sint(), args.uint(), args.uint()
        if link is None:
            return None, INVALID_LINK
        return link, self._access(link, flags, lock_timeout)

    def _access(self, link: _Link, flags: int, lock_timeout: int) -> int:
        link.busy += 1
        try:
            return link.device.wait_access(
                link, flags, lock_timeout, self.server.stopping, take=False
            )
        finally:
            link.busy -= 1

    @staticmethod
    def _error(code: int) -> bytes:
        return Packer().sint(code).data()

    def close(self) -> None:
        for link in list(self.links.values()):
            self.server._forget(link)
        self.links.clear()
        if self.interrupt is not None:
            self.interrupt.close()
            self.interrupt = None

    # -- links -------------------------------------------------------------------------

    def create_link(self, args: Unpacker) -> bytes:
        client_id, lock_device, lock_timeout = args.sint(), args.boolean(), args.uint()
        name = args.opaque().decode("latin-1")
        server = self.server

        def answer(error: int, link_id: int = 0) -> bytes:
            packer = Packer().sint(error).sint(link_id).uint(server.abort_port)
            return packer.uint(server.max_recv_size).data()

        if not _DEVICE_NAME.fullmatch(name):
            return answer(DEVICE_NOT_ACCESSIBLE)
        link = server._new_link(self, client_id, name.lower())
        if lock_device:
            error = link.device.wait_access(
                link, FLAG_WAITLOCK, lock_timeout, server.stopping, take=True
            )
            if error:
                server._forget(link)
                return answer(error)
        self.links[link.id] = link
        return answer(NO_ERROR, link.id)

    def destroy_link(self, args: Unpacker) -> bytes:
        link = self.links.pop(args.sint(), None)
        if link is None:
            return self._error(INVALID_LINK)
        self.server._forget(link)
        return self._error(NO_ERROR)

    # -- messages ----------------------------------------------------------------------

    def device_write(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_write")
        _io_timeout, lock_timeout, flags = args.uint(), args.uint(), args.sint()
        data = args.opaque()
        if link is None:
            return Packer().sint(INVALID_LINK).uint(0).data()
        error = self._access(link, flags, lock_timeout)
        if error:
            return Packer().sint(error).uint(0).data()
        if len(data) > self.server.max_recv_size:
            return Packer().sint(PARAMETER_ERROR).uint(0).data()
        link.input += data
        if flags & FLAG_END:
            message = bytes(link.input)
            link.input.clear()
            instrument = link.instrument
            before = instrument.stb
            reply = instrument.execute(message)
            if reply is not None:
                self._queue_reply(link, reply)
            if not before & _MSS and instrument.stb & _MSS:
                self._service_request(link)
        return Packer().sint(NO_ERROR).uint(len(data)).data()

    @staticmethod
    def _queue_reply(link: _Link, reply: Reply) -> None:
        with link.condition:
            ready_at = time.monotonic() + reply.delay
            if link.output:
                ready_at = max(ready_at, link.output[-1].ready_at)
            if reply.data or reply.end or reply.drop:
                pending = _Pending(bytearray(reply.data), reply.end, ready_at, reply.drop)
                link.output.append(pending)
            link.condition.notify_all()

    def _service_request(self, link: _Link) -> None:
        if link.srq_enabled and self.interrupt is not None:
            self.interrupt.service_request(link.srq_handle)

    def device_read(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_read")
        request_size, io_timeout, lock_timeout = args.uint(), args.uint(), args.uint()
        flags, term_char = args.sint(), args.sint() & 0xFF

        def answer(error: int, reason: int = 0, data: bytes = b"") -> bytes:
            return Packer().sint(error).sint(reason).opaque(data).data()

        if link is None:
            return answer(INVALID_LINK)
        error = self._access(link, flags, lock_timeout)
        if error:
            return answer(error)
        deadline = _deadline(io_timeout)
        data = bytearray()
        link.busy += 1
        try:
            with link.condition:
                while True:
                    if link.take_abort():
                        return answer(ABORT, 0, bytes(data))
                    now = time.monotonic()
                    head = link.output[0] if link.output else None
                    if head is not None and head.ready_at <= now:
                        if head.drop:
                            link.output.clear()
                            raise DropConnection(answer(NO_ERROR, 0, bytes(head.data)))
                        reason = self._transfer(head, data, request_size, flags, term_char)
                        if not head.data:
                            link.output.popleft()
                            if head.end:
                                reason |= REASON_END
                        if len(data) >= request_size:
                            reason |= REASON_REQCNT
                        if reason:
                            return answer(NO_ERROR, reason, bytes(data))
                        continue
                    if deadline is not None and now >= deadline:
                        return answer(IO_TIMEOUT, 0, bytes(data))
                    if self.server.stopping.is_set() or (
                        self.stream is not None and self.stream.peer_closed()
                    ):
                        raise Closed()
                    wait = _remaining(deadline)
                    if head is not None:
                        wait = min(wait, head.ready_at - now)
                    link.condition.wait(max(wait, 0.001))
        finally:
            link.busy -= 1

    @staticmethod
    def _transfer(
        head: _Pending, data: bytearray, request_size: int, flags: int, term_char: int
    ) -> int:
        """Move bytes of ``head`` into ``data``; return REASON_CHR if the termchar came."""
        chunk = head.data[: max(request_size - len(data), 0)]
        reason = 0
        if flags & FLAG_TERMCHRSET:
            index = chunk.find(term_char)
            if index >= 0:
                chunk = chunk[: index + 1]
                reason = REASON_CHR
        data += chunk
        del head.data[: len(chunk)]
        return reason

    def device_readstb(self, args: Unpacker) -> bytes:
        link, error = self._generic(args, "device_readstb")
        stb = link.instrument.stb if link is not None and not error else 0
        return Packer().sint(error).uint(stb).data()

    def device_trigger(self, args: Unpacker) -> bytes:
        link, error = self._generic(args, "device_trigger")
        if link is not None and not error:
            link.triggers += 1
        return self._error(error)

    def device_clear(self, args: Unpacker) -> bytes:
        link, error = self._generic(args, "device_clear")
        if link is not None and not error:
            with link.condition:
                link.input.clear()
                link.output.clear()
                link.instrument.clear()
                link.condition.notify_all()
        return self._error(error)

    def device_remote(self, args: Unpacker) -> bytes:
        link, error = self._generic(args, "device_remote")
        if link is not None and not error:
            link.remote = True
        return self._error(error)

    def device_local(self, args: Unpacker) -> bytes:
        link, error = self._generic(args, "device_local")
        if link is not None and not error:
            link.remote = False
        return self._error(error)

    # -- locks ----------------------------------------------------------------------------

    def device_lock(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_lock")
        flags, lock_timeout = args.sint(), args.uint()
        if link is None:
            return self._error(INVALID_LINK)
        link.busy += 1
        try:
            error = link.device.wait_access(
                link, flags, lock_timeout, self.server.stopping, take=True
            )
        finally:
            link.busy -= 1
        return self._error(error)

    def device_unlock(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_unlock")
        if link is None:
            return self._error(INVALID_LINK)
        return self._error(NO_ERROR if link.device.release(link) else NO_LOCK_HELD)

    # -- service requests --------------------------------------------------------------

    def device_enable_srq(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_enable_srq")
        enable, handle = args.boolean(), args.opaque(_HANDLE_SIZE)
        if link is None:
            return self._error(INVALID_LINK)
        link.srq_enabled, link.srq_handle = enable, handle
        return self._error(NO_ERROR)

    def create_intr_chan(self, args: Unpacker) -> bytes:
        host, port, prog, vers, family = (args.uint() for _ in range(5))
        if self.interrupt is not None:
            return self._error(CHANNEL_ALREADY_ESTABLISHED)
        if family != 0:  # DEVICE_TCP only
            return self._error(OPERATION_NOT_SUPPORTED)
        address = socket.inet_ntoa(host.to_bytes(4, "big"))
        try:
            sock = socket.create_connection((address, port), timeout=2.0)
        except OSError:
            return self._error(CHANNEL_NOT_ESTABLISHED)
        self.interrupt = _InterruptChannel(sock, prog, vers)
        return self._error(NO_ERROR)

    def destroy_intr_chan(self, args: Unpacker) -> bytes:
        if self.interrupt is None:
            return self._error(CHANNEL_NOT_ESTABLISHED)
        self.interrupt.close()
        self.interrupt = None
        return self._error(NO_ERROR)

    def device_docmd(self, args: Unpacker) -> bytes:
        link = self._link(args, "device_docmd")
        return (
            Packer()
            .sint(INVALID_LINK if link is None else OPERATION_NOT_SUPPORTED)
            .opaque(b"")
            .data()
        )


class _AbortSession(RPCSession):
    """One connection to the abort channel."""

    def __init__(self, server: VXI11Server, stream: RecordStream | None) -> None:
        super().__init__(stream)
        self.server = server
        self.procedures[(DEVICE_ASYNC_PROG, _VERSION)] = {DEVICE_ABORT: self.device_abort}

    def device_abort(self, args: Unpacker) -> bytes:
        return Packer().sint(self.server._abort(args.sint())).data()


class VXI11Server:
    """Loopback instrument served over VXI-11 (see the module docstring).

    Parameters
    ----------
    host : str
        Address to listen on (loopback only by default).
    portmapper_port : int | None
        Port of the portmapper (TCP and UDP): 111 for ordinary clients, which only root
        can bind; 0 picks a free port; None serves no portmapper.
    core_port, abort_port : int
        Ports of the core and abort channels (0: free ports).
    lifetime : float | None
        Seconds after which the server stops by itself (None: until :meth:`stop`).
    max_recv_size : int
        Largest ``device_write`` accepted, announced by ``create_link``.

    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        portmapper_port: int | None = 111,
        core_port: int = 0,
        abort_port: int = 0,
        lifetime: float | None = 900.0,
        max_recv_size: int = 4096,
    ) -> None:
        self.host = host
        self.lifetime = lifetime
        self.max_recv_size = max_recv_size
        self.stopping = threading.Event()
        self.portmapper = PortMapper()
        self._requested = (portmapper_port, core_port, abort_port)
        self._services: list[RPCService] = []
        self._guard = threading.Lock()
        self._link_ids = itertools.count(1)
        self._links: dict[int, _Link] = {}
        self._devices: dict[str, _Device] = {}
        self.portmapper_port: int | None = None
        self.core_port = 0
        self.abort_port = 0
        self._watchdog: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> VXI11Server:
        """Bind the sockets and serve in daemon threads.

        Raises
        ------
        OSError
            A port cannot be bound (port 111 needs root and must be free).

        """
        portmapper_port, core_port, abort_port = self._requested
        try:
            core = self._serve("vxi11-core", core_port, self._core_session)
            abort = self._serve("vxi11-abort", abort_port, self._abort_session)
            self.core_port, self.abort_port = core.port, abort.port
            if portmapper_port is not None:
                pmap = self._serve("portmapper", portmapper_port, self.portmapper.session, True)
                self.portmapper_port = pmap.port
        except OSError:
            self.stop()
            raise
        self.portmapper.register(DEVICE_CORE_PROG, _VERSION, [(IPPROTO_TCP, self.core_port)])
        self.portmapper.register(DEVICE_ASYNC_PROG, _VERSION, [(IPPROTO_TCP, self.abort_port)])
        if self.portmapper_port is not None:
            ports = [(IPPROTO_TCP, self.portmapper_port), (IPPROTO_UDP, self.portmapper_port)]
            self.portmapper.register(PMAP_PROG, PMAP_VERS, ports)
        if self.lifetime is not None:
            self._watchdog = threading.Thread(
                target=self._expire, name="loopback-vxi11-watchdog", daemon=True
            )
            self._watchdog.start()
        LOGGER.debug("loopback VXI-11 server: %s", self.address)
        return self

    def _serve(self, name: str, port: int, factory, udp: bool = False) -> RPCService:
        service = RPCService(name, self.host, port, factory, self.stopping, udp=udp).start()
        self._services.append(service)
        return service

    def _core_session(self, stream: RecordStream | None) -> RPCSession:
        return _CoreSession(self, stream)

    def _abort_session(self, stream: RecordStream | None) -> RPCSession:
        return _AbortSession(self, stream)

    def _expire(self) -> None:
        assert self.lifetime is not None
        if not self.stopping.wait(self.lifetime):
            LOGGER.debug("loopback VXI-11 server lifetime (%s s) is over", self.lifetime)
            self.stop()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving, close every connection and wait (bounded) for the threads."""
        self.stopping.set()
        with self._guard:
            links = list(self._links.values())
        for link in links:
            with link.condition:
                link.condition.notify_all()
        deadline = time.monotonic() + timeout
        for service in self._services:
            service.stop(max(deadline - time.monotonic(), 0))

    def __enter__(self) -> VXI11Server:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        return bool(self._services) and not self.stopping.is_set()

    @property
    def address(self) -> str:
        """Resource name of ``inst0``: through the portmapper when it is on port 111."""
        if self.portmapper_port == 111:
            return f"TCPIP::{self.host}::inst0::INSTR"
        return f"TCPIP::{self.host},{self.core_port}::inst0::INSTR"

    @property
    def addresses(self) -> dict[str, str]:
        """Resource names per resource type (keys as in RESOURCE_ADDRESSES)."""
        return {"TCPIP::INSTR": self.address}

    # -- links -------------------------------------------------------------------------

    def link(self, link_id: int) -> _Link:
        """The link ``link_id`` (for tests: its instrument, counters and state)."""
        with self._guard:
            return self._links[link_id]

    @property
    def link_ids(self) -> list[int]:
        with self._guard:
            return sorted(self._links)

    def _new_link(self, session: _CoreSession, client_id: int, name: str) -> _Link:
        with self._guard:
            device = self._devices.setdefault(name, _Device(name))
            link = _Link(next(self._link_ids), client_id, device, session)
            self._links[link.id] = link
            return link

    def _forget(self, link: _Link) -> None:
        link.device.release(link)
        with self._guard:
            self._links.pop(link.id, None)

    def _abort(self, link_id: int) -> int:
        with self._guard:
            link = self._links.get(link_id)
        if link is None:
            return INVALID_LINK
        if link.busy:
            link.abort_requested = True
            with link.condition:
                link.condition.notify_all()
            with link.device.condition:
                link.device.condition.notify_all()
        return NO_ERROR


class InterruptReceiver:
    """Client side of the VXI-11 interrupt channel: collects ``device_intr_srq`` handles.

    Parameters
    ----------
    host : str
        Address to listen on.
    lifetime : float
        Seconds after which it stops by itself.

    """

    def __init__(self, host: str = "127.0.0.1", lifetime: float = 120.0) -> None:
        self.host = host
        self.stopping = threading.Event()
        self.handles: queue.Queue[bytes] = queue.Queue()
        self._service = RPCService("vxi11-interrupt", host, 0, self._session, self.stopping)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    def start(self) -> InterruptReceiver:
        self._service.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.cancel()
        self._service.stop(2.0)

    def __enter__(self) -> InterruptReceiver:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._service.port

    @property
    def host_address(self) -> int:
        """The listening address as the unsigned integer ``create_intr_chan`` takes."""
        return int.from_bytes(socket.inet_aton(self.host), "big")

    def _session(self, stream: RecordStream | None) -> RPCSession:
        session = RPCSession(stream)

        def intr_srq(args: Unpacker) -> bytes:
            self.handles.put(args.opaque())
            return b""

        session.procedures[(DEVICE_INTR_PROG, _VERSION)] = {DEVICE_INTR_SRQ: intr_srq}
        return session
