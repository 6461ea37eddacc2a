"""End-to-end VXI-11 tests: pyvisa -> pyvisa-py (@py) -> loopback VXI-11 server.

The loopback instrument is served over VXI-11 by :class:`~pyvisa.testsuite.loopback.vxi11.
VXI11Server`. Every scenario (a ``scenario_*`` function taking a :class:`Context`) runs in
two modes:

``portmapper``
    The real thing: ``TCPIP::127.0.0.1::inst0::INSTR``, found through the portmapper on
    port 111. Only root can bind that port, and a host ``rpcbind`` may hold it, so the
    server and the pyvisa-py client run in a child process inside a private network
    namespace (:mod:`pyvisa.testsuite.loopback.netns`, what ``unshare --net`` does). These
    tests are skipped, with the reason, when the process is not root or the namespace
    cannot be made.
``direct``
    In this process, on free ports of 127.0.0.1, the core port named in the resource
    (``TCPIP::127.0.0.1,<port>::inst0::INSTR``, which makes pyvisa-py skip the portmapper):
    runs everywhere.

The checks of :class:`~pyvisa.testsuite.keysight_assisted_tests.test_tcpip_resources.
TestTCPIPInstr` also run against the direct VXI-11 server (:class:`TestTCPIPInstrVXI11`),
with the failures expected from pyvisa-py's VXI-11 client marked ``xfail(strict=True)``.

pyvisa-py 0.8.1 has no VISA events (``enable_event`` is not implemented), so the service
request is checked through ``read_stb`` with @py, and the interrupt channel
(``device_intr_srq``) with pyvisa-py's VXI-11 protocol client and the test interrupt server
:class:`~pyvisa.testsuite.loopback.vxi11.InterruptReceiver`. The abort channel, the
``waitlock`` flag and remote/local, which pyvisa-py does not use, are checked the same way.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import queue
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from pyvisa import ResourceManager
from pyvisa.constants import StatusCode
from pyvisa.errors import VisaIOError
from pyvisa.testsuite.keysight_assisted_tests import copy_func
from pyvisa.testsuite.keysight_assisted_tests import test_tcpip_resources as _keysight
from pyvisa.testsuite.loopback import IDN, ascii_values, waveform_bytes
from pyvisa.testsuite.loopback.netns import (
    AgentError,
    NamespaceAgent,
    NamespaceUnavailable,
    private_network_problem,
)
from pyvisa.testsuite.loopback.rpc import Packer, RecordStream, Unpacker, call_record
from pyvisa.testsuite.loopback.vxi11 import (
    DEVICE_ASYNC_PROG,
    DEVICE_CORE_PROG,
    DEVICE_INTR_PROG,
    InterruptReceiver,
    VXI11Server,
)

pytest.importorskip("pyvisa_py", reason="the VXI-11 tests go through pyvisa-py (@py)")

from pyvisa_py import tcpip as py_tcpip  # noqa: E402
from pyvisa_py.protocols import rpc as py_rpc  # noqa: E402
from pyvisa_py.protocols import vxi11 as py_vxi11  # noqa: E402

HOST = "127.0.0.1"
_SERVER_LIFETIME = 300.0  # s: far above the duration of this module
_CALL_TIMEOUT = 30.0  # s: bound on one scenario in the namespace child

# VXI-11 error codes and flags checked below (VXI-11 1.0, B.5).
_INVALID_LINK, _CHANNEL_NOT_ESTABLISHED, _NOT_SUPPORTED = 4, 6, 8
_LOCKED, _NO_LOCK, _IO_TIMEOUT, _ABORT, _CHANNEL_EXISTS = 11, 12, 15, 23, 29
_WAITLOCK, _END, _TERMCHRSET = 0x01, 0x08, 0x80
_REQCNT, _CHR, _REASON_END = 1, 2, 4


@dataclass
class Context:
    """What a scenario gets: the server (in the process running the scenario)."""

    server: VXI11Server
    mode: str

    @property
    def address(self) -> str:
        return self.server.address

    @property
    def core_port(self) -> int | None:
        """Core port pyvisa-py's protocol client must be given (None: ask the portmapper)."""
        return None if self.server.portmapper_port == 111 else self.server.core_port

    def describe(self) -> dict[str, Any]:
        return {"address": self.address, "portmapper_port": self.server.portmapper_port}

    def close(self) -> None:
        self.server.stop()


def agent_setup() -> Context:
    """Setup of the namespace child: the server with its portmapper on port 111."""
    server = VXI11Server(HOST, portmapper_port=111, lifetime=_SERVER_LIFETIME).start()
    return Context(server, "portmapper")


_direct: VXI11Server | None = None
_direct_guard = threading.Lock()


def direct_server() -> VXI11Server:
    """Server of the direct mode, shared by this module (portmapper on a free port)."""
    global _direct
    with _direct_guard:
        if _direct is None or not _direct.running:
            _direct = VXI11Server(HOST, portmapper_port=0, lifetime=_SERVER_LIFETIME).start()
            atexit.register(_direct.stop, 2.0)
        return _direct


# -- how the scenarios run ---------------------------------------------------------------------


class _Runner:
    def __init__(self, mode: str, agent: NamespaceAgent | None = None) -> None:
        self.mode = mode
        self.agent = agent

    def run(self, scenario: Callable[[Context], Any], timeout: float = _CALL_TIMEOUT) -> Any:
        if self.agent is None:
            return scenario(Context(direct_server(), self.mode))
        try:
            answer = self.agent.call(scenario.__name__, timeout)
        except AgentError as exc:
            pytest.fail(f"namespace child: {exc}", pytrace=False)
        if "skipped" in answer:
            pytest.skip(answer["skipped"])
        if not answer["ok"]:
            pytest.fail(
                f"{scenario.__name__} failed in the private network namespace:\n{answer['error']}",
                pytrace=False,
            )
        return answer["result"]


@pytest.fixture(scope="module")
def namespace_agent() -> Iterator[NamespaceAgent]:
    problem = private_network_problem()
    if problem is not None:
        pytest.skip(f"VXI-11 through the portmapper (port 111) not tested: {problem}")
    agent = NamespaceAgent("pyvisa.testsuite.test_loopback_vxi11", "agent_setup")
    try:
        agent.start()
    except NamespaceUnavailable as exc:
        pytest.skip(f"VXI-11 through the portmapper (port 111) not tested: {exc}")
    try:
        yield agent
    finally:
        agent.close()


@pytest.fixture(params=["portmapper", "direct"])
def vxi11(request: pytest.FixtureRequest) -> _Runner:
    if request.param == "direct":
        return _Runner("direct")
    agent = request.getfixturevalue("namespace_agent")
    if not agent.alive:  # killed after a stuck scenario: start a fresh one
        agent.start()
    return _Runner("portmapper", agent)


# -- helpers of the scenarios -------------------------------------------------------------------


@contextlib.contextmanager
def _session(ctx: Context, timeout: int = 2000, **kwargs: Any) -> Iterator[Any]:
    """A pyvisa session (@py) on inst0, with ``\\n`` terminations by default.

    Only the session is closed: the resource manager of @py is shared by the process.
    """
    kwargs.setdefault("read_termination", "\n")
    kwargs.setdefault("write_termination", "\n")
    instr = ResourceManager("@py").open_resource(ctx.address, timeout=timeout, **kwargs)
    try:
        yield instr
    finally:
        instr.close()


def _link(ctx: Context, instr: Any) -> Any:
    """Server side of the link of a pyvisa-py session."""
    return ctx.server.link(instr.visalib.sessions[instr.session].link)


def _core_client(ctx: Context) -> py_vxi11.CoreClient:
    """pyvisa-py's VXI-11 protocol client (through the portmapper in the namespace)."""
    return py_tcpip.Vxi11CoreClient(HOST, ctx.core_port, 2000)


def _create_link(client: py_vxi11.CoreClient, lock: bool = False, timeout: int = 0) -> int:
    error, link, _, _ = client.create_link(1234, lock, timeout, "inst0")
    assert error == 0, error
    return link


def _create_intr_chan(client: py_vxi11.CoreClient, receiver: InterruptReceiver) -> int:
    # (pyvisa-py's create_intr_chan packs its arguments with the wrong packer.)
    params = (receiver.host_address, receiver.port, DEVICE_INTR_PROG, 1, 0)
    return client.make_call(
        py_vxi11.CREATE_INTR_CHAN,
        params,
        client.packer.pack_device_remote_func_parms,
        client.unpacker.unpack_device_error,
    )


def _abort_client(port: int) -> py_rpc.RawTCPClient:
    client = py_rpc.RawTCPClient(HOST, DEVICE_ASYNC_PROG, 1, port, 2000)
    client.packer = py_vxi11.Vxi11Packer()
    client.unpacker = py_vxi11.Vxi11Unpacker(b"")
    return client


def _device_abort(client: py_rpc.RawTCPClient, link: int) -> int:
    return client.make_call(
        py_vxi11.DEVICE_ABORT,
        link,
        client.packer.pack_device_link,
        client.unpacker.unpack_device_error,
    )


class _TCPPortMapper(py_rpc.PartialPortMapperClient, py_rpc.RawTCPClient):
    def __init__(self, port: int) -> None:
        py_rpc.RawTCPClient.__init__(self, HOST, py_rpc.PMAP_PROG, py_rpc.PMAP_VERS, port)
        py_rpc.PartialPortMapperClient.__init__(self)


class _UDPPortMapper(py_rpc.PartialPortMapperClient, py_rpc.RawUDPClient):
    def __init__(self, port: int) -> None:
        py_rpc.RawUDPClient.__init__(self, HOST, py_rpc.PMAP_PROG, py_rpc.PMAP_VERS, port)
        py_rpc.PartialPortMapperClient.__init__(self)


def _in_thread(function: Callable[[], Any], timeout: float = 10.0) -> Callable[[], Any]:
    """Start ``function`` in a thread; the returned callable joins it (bounded)."""
    results: queue.Queue[tuple[bool, Any]] = queue.Queue()

    def target() -> None:
        try:
            results.put((True, function()))
        except BaseException as exc:
            results.put((False, exc))

    threading.Thread(target=target, daemon=True).start()

    def join() -> Any:
        ok, value = results.get(timeout=timeout)
        if not ok:
            raise value
        return value

    return join


# -- scenarios ------------------------------------------------------------------------------------


def scenario_identification(ctx: Context) -> None:
    if ctx.mode == "portmapper":
        assert ctx.address == "TCPIP::127.0.0.1::inst0::INSTR"
    with _session(ctx) as instr:
        assert instr.query("*IDN?") == IDN
        info = instr.resource_info
        assert (info.resource_class, info.interface_type.name) == ("INSTR", "tcpip")
        session = instr.visalib.sessions[instr.session]
        assert session.max_recv_size == ctx.server.max_recv_size
        link_id = _link(ctx, instr).id
        assert ctx.server.link(link_id).device.name == "inst0"
    # The link is destroyed by close.
    assert link_id not in ctx.server.link_ids


def scenario_rpc_programs(ctx: Context) -> None:
    server = ctx.server
    assert server.portmapper_port is not None
    tcp = _TCPPortMapper(server.portmapper_port)
    try:
        mapping = (DEVICE_CORE_PROG, 1, py_rpc.IPPROTO_TCP, 0)
        assert tcp.get_port(mapping) == server.core_port
        assert tcp.get_port((DEVICE_ASYNC_PROG, 1, py_rpc.IPPROTO_TCP, 0)) == server.abort_port
        assert tcp.get_port((DEVICE_INTR_PROG, 1, py_rpc.IPPROTO_TCP, 0)) == 0
        assert tcp.get_port((DEVICE_CORE_PROG, 1, py_rpc.IPPROTO_UDP, 0)) == 0
        assert (DEVICE_CORE_PROG, 1, py_rpc.IPPROTO_TCP, server.core_port) in tcp.dump()
        tcp.call_0()
    finally:
        tcp.close()
    udp = _UDPPortMapper(server.portmapper_port)
    try:
        assert udp.get_port((DEVICE_CORE_PROG, 1, py_rpc.IPPROTO_TCP, 0)) == server.core_port
    finally:
        udp.close()
    # Calls the core port cannot answer are rejected as ONC RPC says.
    for program, version, procedure, message in [
        (0x123456, 1, 0, "program_unavailable"),
        (DEVICE_CORE_PROG, 7, 0, "program_mismatch: (1, 1)"),
        (DEVICE_CORE_PROG, 1, 99, "procedure_unavailable"),
    ]:
        client = py_rpc.RawTCPClient(HOST, program, version, server.core_port, 2000)
        client.packer, client.unpacker = py_rpc.Packer(), py_rpc.Unpacker(b"")
        try:
            with pytest.raises(py_rpc.RPCUnpackError, match=re.escape(message)):
                client.make_call(procedure, None, None, None)
        finally:
            client.close()


def scenario_write_read_terminations(ctx: Context) -> None:
    with _session(ctx) as instr:
        instr.write("ECHO")
        instr.write("hello", termination="\r\n")
        assert instr.read_raw() == b"hello\r\n"
        instr.write("ECHO")
        instr.write("hello", termination="\r\n")
        assert instr.read(termination="\r\n") == "hello"
        instr.write_termination = instr.read_termination = "\r\n"
        instr.write("ECHO")
        instr.write("word")
        assert instr.read() == "word"
        # With the termination character enabled a read ends at it (reason CHR)...
        instr.read_termination = "\n"
        instr.write("ECHO")
        instr.write_raw(b"one\ntwo\n")
        assert (instr.read(), instr.read()) == ("one", "two")
        # ... without it only END ends the read (reason END).
        instr.read_termination = None
        instr.write("ECHO")
        instr.write_raw(b"one\ntwo\n")
        assert instr.read_raw() == b"one\ntwo\n"
        assert instr.query("ASCII? 5") == ",".join(repr(v) for v in ascii_values(5)) + "\n"


def scenario_long_messages(ctx: Context) -> None:
    size = ctx.server.max_recv_size
    with _session(ctx, timeout=10_000) as instr:
        link = _link(ctx, instr)
        # A write longer than max_recv_size: pyvisa-py splits it, END on the last call.
        message = bytes(k % 200 + 32 for k in range(3 * size + 123))
        writes = link.calls["device_write"]
        instr.write("ECHO")
        instr.write_raw(message)
        assert link.calls["device_write"] - writes >= 5  # ECHO, then 4 for the message
        reads = link.calls["device_read"]
        assert instr.read_raw() == message
        assert link.calls["device_read"] - reads >= 4
        # An answer far longer than max_recv_size: many device_read calls.
        reads = link.calls["device_read"]
        count = 100_000
        values = instr.query_binary_values(f"WAVE? {count},I", datatype="I")
        assert values == [k % 251 for k in range(count)]
        assert link.calls["device_read"] - reads >= 4 * count // size


def scenario_read_bytes(ctx: Context) -> None:
    with _session(ctx) as instr:
        instr.write("*IDN?")
        assert instr.read_bytes(4) == b"PyVI"
        rest = instr.read_bytes(100, break_on_termchar=True)
        assert rest == IDN.encode()[4:] + b"\n"
        # The count, not the termination bytes inside the data, ends read_bytes.
        instr.write("WAVE? 1000,B,EMPTY")
        expected = bytes(k % 251 for k in range(1000)) + b"\n"
        assert instr.read_bytes(len(expected), chunk_size=13) == expected
        assert instr.query("*OPC?") == "1"


def scenario_binary_waveform_numpy(ctx: Context) -> None:
    np = pytest.importorskip("numpy")
    with _session(ctx, timeout=10_000) as instr:
        count = 50_000
        values = instr.query_binary_values(
            f"WAVE? {count},f,IEEE,BE", datatype="f", is_big_endian=True, container=np.ndarray
        )
        assert values.dtype == np.dtype(">f4") and values.shape == (count,)
        np.testing.assert_array_equal(values, np.arange(count) % 251)
        signed = instr.query_binary_values("WAVE? 600,b,HP", datatype="b", header_fmt="hp")
        assert signed == [k % 251 - 125 for k in range(600)]
        instr.read_termination = None  # the data holds \n bytes: read up to END
        instr.write("WAVE? 300,h,RS")
        raw = instr.read_raw()
        assert raw == b"#(600)" + waveform_bytes(300, "h") + b"\n"


def scenario_read_stb(ctx: Context) -> None:
    with _session(ctx) as instr:
        instr.write("*CLS")
        assert instr.read_stb() & 0xBF == 0
        instr.write("*CLS;*ESE 1;*SRE 32")
        instr.write("*OPC")
        assert instr.read_stb() & 0x60 == 0x60  # ESB and MSS (the request)
        assert instr.stb & 0x40
        assert int(instr.query("*ESR?")) & 1
        assert instr.read_stb() & 0x60 == 0
        assert _link(ctx, instr).calls["device_readstb"] == 4


def scenario_clear_drops_pending_answer(ctx: Context) -> None:
    with _session(ctx, timeout=300) as instr:
        for command in ("*IDN?", "SLOW? 200"):  # an answer ready, then a late one
            instr.write(command)
            instr.clear()
            with pytest.raises(VisaIOError) as excinfo:
                instr.read()
            assert excinfo.value.error_code == StatusCode.error_timeout
        # A message half written (no END yet) is dropped too.
        session = instr.visalib.sessions[instr.session]
        error, _ = session.interface.device_write(session.link, 1000, 1000, 0, b"*IDN")
        assert error == 0
        instr.clear()
        instr.timeout = 2000
        assert instr.query("*OPC?") == "1"
        assert _link(ctx, instr).calls["device_clear"] == 3


def scenario_trigger_remote_local(ctx: Context) -> None:
    with _session(ctx) as instr:
        link = _link(ctx, instr)
        assert link.triggers == 0
        instr.assert_trigger()
        instr.assert_trigger()
        assert link.triggers == 2
        assert instr.query("*OPC?") == "1"
    client = _core_client(ctx)
    try:
        link_id = _create_link(client)
        assert client.device_remote(link_id, 0, 0, 1000) == 0
        assert ctx.server.link(link_id).remote
        assert client.device_local(link_id, 0, 0, 1000) == 0
        assert not ctx.server.link(link_id).remote
        assert client.device_trigger(link_id + 1000, 0, 0, 1000) == _INVALID_LINK
        assert client.device_docmd(link_id, 0, 1000, 0, 0x20000, True, 1, b"") == (
            _NOT_SUPPORTED,
            b"",
        )
        assert client.destroy_link(link_id) == 0
        assert client.destroy_link(link_id) == _INVALID_LINK
        error, _, _ = client.device_read(link_id, 10, 100, 0, 0, 0)
        assert error == _INVALID_LINK
    finally:
        client.close()


def scenario_timeout_then_clear(ctx: Context) -> None:
    with _session(ctx, timeout=200) as instr:
        for command in ("SLOW? 2000", "NEVER?", "GARBAGE? 50"):
            start = time.monotonic()
            with pytest.raises(VisaIOError) as excinfo:
                instr.query(command)
            assert excinfo.value.error_code == StatusCode.error_timeout, command
            assert 0.15 < time.monotonic() - start < 1.5, command
            instr.clear()
            assert instr.query("*IDN?") == IDN
    # The raw answer of a read that times out: error 15 and no END.
    client = _core_client(ctx)
    try:
        link_id = _create_link(client)
        client.device_write(link_id, 1000, 0, _END, b"NEVER?\n")
        start = time.monotonic()
        error, reason, _ = client.device_read(link_id, 100, 150, 0, 0, 0)
        assert (error, reason) == (_IO_TIMEOUT, 0)
        assert 0.14 < time.monotonic() - start < 1.0
        client.destroy_link(link_id)
    finally:
        client.close()


def scenario_read_reasons(ctx: Context) -> None:
    client = _core_client(ctx)
    try:
        link_id = _create_link(client)
        client.device_write(link_id, 1000, 0, _END, b"*IDN?\n")
        assert client.device_read(link_id, 6, 1000, 0, 0, 0) == (0, _REQCNT, b"PyVISA")
        assert client.device_read(link_id, 100, 1000, 0, _TERMCHRSET, ord(",")) == (
            0,
            _CHR,
            b",",
        )
        error, reason, data = client.device_read(link_id, 1000, 1000, 0, 0, 0)
        assert (error, reason, data) == (0, _REASON_END, IDN.encode()[7:] + b"\n")
        client.device_write(link_id, 1000, 0, _END, b"*OPC?\n")
        # The last byte is the termination character and ends the message: CHR | END.
        assert client.device_read(link_id, 2, 1000, 0, _TERMCHRSET, 10) == (
            0,
            _REQCNT | _CHR | _REASON_END,
            b"1\n",
        )
        client.destroy_link(link_id)
    finally:
        client.close()


def scenario_locks(ctx: Context) -> None:
    with _session(ctx) as first, _session(ctx) as second:
        first.lock_excl()
        start = time.monotonic()
        with pytest.raises(VisaIOError) as excinfo:
            second.lock_excl(timeout=10)
        assert excinfo.value.error_code == StatusCode.error_resource_locked
        assert time.monotonic() - start < 1.0  # pyvisa-py never sets waitlock: no wait
        with pytest.raises(VisaIOError) as excinfo:
            second.read_stb()
        assert excinfo.value.error_code == StatusCode.error_resource_locked
        # pyvisa-py maps the error 11 of device_write to VI_ERROR_IO.
        with pytest.raises(VisaIOError) as excinfo:
            second.write("*CLS")
        assert excinfo.value.error_code == StatusCode.error_io
        assert first.query("*IDN?") == IDN  # the owner goes on
        first.unlock()
        with pytest.raises(VisaIOError) as excinfo:
            first.unlock()
        assert excinfo.value.error_code == StatusCode.error_session_not_locked
        assert second.query("*OPC?") == "1"

        # VXI-11 only has exclusive locks: pyvisa-py takes one for a shared lock and
        # returns an empty key, so the other session is refused even with the key.
        assert first.lock(requested_key="shared key") == ""
        with pytest.raises(VisaIOError) as excinfo:
            second.lock(requested_key="shared key")
        assert excinfo.value.error_code == StatusCode.error_resource_locked
        first.unlock()
        assert second.lock(requested_key="shared key") == ""
        second.unlock()

        # Closing a session releases its lock.
        with _session(ctx) as third:
            third.lock_excl()
            with pytest.raises(VisaIOError):
                first.lock_excl()
        first.lock_excl()
        first.unlock()


def scenario_lock_waits(ctx: Context) -> None:
    owner, other = _core_client(ctx), _core_client(ctx)
    try:
        owner_link, other_link = _create_link(owner), _create_link(other)
        assert other.device_unlock(other_link) == _NO_LOCK
        assert owner.device_lock(owner_link, 0, 0) == 0
        assert owner.device_lock(owner_link, 0, 0) == 0  # already held by this link
        # waitlock: device_lock waits lock_timeout, then error 11.
        start = time.monotonic()
        assert other.device_lock(other_link, _WAITLOCK, 300) == _LOCKED
        assert 0.25 < time.monotonic() - start < 1.5
        # Another link's call waits for the lock with waitlock, until it is released.
        join = _in_thread(
            lambda: other.device_write(other_link, 2000, 3000, _WAITLOCK | _END, b"*OPC?\n")
        )
        time.sleep(0.2)
        assert owner.device_unlock(owner_link) == 0
        assert join() == (0, 6)
        assert other.device_read(other_link, 100, 1000, 0, 0, 0) == (0, _REASON_END, b"1\n")
        # create_link with lock_device waits lock_timeout for the lock.
        assert other.device_lock(other_link, 0, 0) == 0
        third = _core_client(ctx)
        try:
            start = time.monotonic()
            error, _, _, _ = third.create_link(99, True, 200, "inst0")
            assert error == _LOCKED and time.monotonic() - start > 0.15
            error, link_id, _, _ = third.create_link(99, True, 0, "inst1")  # other device
            assert error == 0
            assert third.device_unlock(link_id) == 0
        finally:
            third.close()
        # A client leaving without destroy_link releases its lock.
        other.close()
        assert owner.device_lock(owner_link, _WAITLOCK, 2000) == 0
        assert owner.device_unlock(owner_link) == 0
        owner.destroy_link(owner_link)
    finally:
        owner.close()
        other.close()


def scenario_bad_device_name(ctx: Context) -> None:
    rm = ResourceManager("@py")
    name = ctx.address.replace("inst0", "bogus")
    # pyvisa-py raises a bare Exception for the error 3 of create_link.
    with pytest.raises(Exception, match="error creating link: 3"):
        rm.open_resource(name)
    other: Any = rm.open_resource(ctx.address.replace("inst0", "inst7"))
    try:
        assert other.query("*IDN?\n") == IDN + "\n"
        assert _link(ctx, other).device.name == "inst7"
    finally:
        other.close()


def scenario_abort(ctx: Context) -> None:
    client = _core_client(ctx)
    try:
        error, link_id, abort_port, _ = client.create_link(5, False, 0, "inst0")
        assert error == 0 and abort_port == ctx.server.abort_port
        abort = _abort_client(abort_port)
        try:
            assert _device_abort(abort, link_id) == 0  # nothing in progress: no effect
            assert _device_abort(abort, link_id + 1000) == _INVALID_LINK
            client.device_write(link_id, 1000, 0, _END, b"SLOW? 5000\n")
            start = time.monotonic()
            join = _in_thread(lambda: client.device_read(link_id, 100, 8000, 0, 0, 0))
            time.sleep(0.3)
            assert _device_abort(abort, link_id) == 0
            assert join()[0] == _ABORT
            assert time.monotonic() - start < 2.0
            assert client.device_clear(link_id, 0, 0, 1000) == 0
            client.device_write(link_id, 1000, 0, _END, b"*OPC?\n")
            assert client.device_read(link_id, 100, 1000, 0, 0, 0) == (0, _REASON_END, b"1\n")
        finally:
            abort.close()
        client.destroy_link(link_id)
    finally:
        client.close()


def scenario_service_request_interrupt(ctx: Context) -> None:
    with InterruptReceiver(HOST) as receiver:
        client = _core_client(ctx)
        try:
            link_id = _create_link(client)
            assert client.destroy_intr_chan() == _CHANNEL_NOT_ESTABLISHED
            assert _create_intr_chan(client, receiver) == 0
            assert _create_intr_chan(client, receiver) == _CHANNEL_EXISTS
            client.device_write(link_id, 1000, 0, _END, b"*CLS;*ESE 1;*SRE 32\n")
            # SRQ not enabled yet: nothing is sent when the request bit rises.
            client.device_write(link_id, 1000, 0, _END, b"*OPC\n")
            with pytest.raises(queue.Empty):
                receiver.handles.get(timeout=0.3)
            assert client.device_enable_srq(link_id, True, b"my handle") == 0
            client.device_write(link_id, 1000, 0, _END, b"*CLS;*ESE 1;*SRE 32\n")
            client.device_write(link_id, 1000, 0, _END, b"*OPC\n")
            assert receiver.handles.get(timeout=5) == b"my handle"
            error, stb = client.device_read_stb(link_id, 0, 0, 1000)
            assert error == 0 and stb & 0x40
            # The request bit is already up: no new request until it falls and rises.
            client.device_write(link_id, 1000, 0, _END, b"*OPC\n")
            with pytest.raises(queue.Empty):
                receiver.handles.get(timeout=0.3)
            client.device_write(link_id, 1000, 0, _END, b"*CLS\n")
            client.device_write(link_id, 1000, 0, _END, b"*OPC\n")
            assert receiver.handles.get(timeout=5) == b"my handle"
            assert client.device_enable_srq(link_id, False, b"") == 0
            client.device_write(link_id, 1000, 0, _END, b"*CLS\n")
            client.device_write(link_id, 1000, 0, _END, b"*OPC\n")
            with pytest.raises(queue.Empty):
                receiver.handles.get(timeout=0.3)
            assert client.destroy_intr_chan() == 0
            client.destroy_link(link_id)
        finally:
            client.close()


def scenario_sessions_in_threads(ctx: Context) -> None:
    def work(index: int) -> None:
        with _session(ctx) as instr:
            for step in range(40):
                instr.write("ECHO")
                assert instr.query(f"thread {index} step {step}") == f"thread {index} step {step}"

    joins = [_in_thread(functools.partial(work, index), timeout=30) for index in range(4)]
    for join in joins:
        join()


def scenario_connection_drop(ctx: Context) -> dict[str, float]:
    with _session(ctx, timeout=500) as instr:
        link_id = _link(ctx, instr).id
        start = time.monotonic()
        with pytest.raises(VisaIOError) as excinfo:
            instr.query("DROP?")
        read_time = time.monotonic() - start
        # pyvisa-py waits its RPC timeout (VISA timeout + 1 s), then reports VI_ERROR_IO.
        assert excinfo.value.error_code == StatusCode.error_io
        assert read_time < 4, read_time
        # The server forgot the link with the connection.
        assert link_id not in ctx.server.link_ids
        start = time.monotonic()
    # Closing the lost session costs pyvisa-py its 5 s RPC timeout on destroy_link.
    close_time = time.monotonic() - start
    assert close_time < 8, close_time
    with _session(ctx) as fresh:
        assert fresh.query("*IDN?") == IDN
    return {"read": read_time, "close": close_time}


# -- tests ------------------------------------------------------------------------------------------


def test_identification(vxi11: _Runner) -> None:
    vxi11.run(scenario_identification)


def test_rpc_programs_and_portmapper(vxi11: _Runner) -> None:
    vxi11.run(scenario_rpc_programs)


def test_write_read_terminations(vxi11: _Runner) -> None:
    vxi11.run(scenario_write_read_terminations)


def test_messages_longer_than_max_recv_size(vxi11: _Runner) -> None:
    vxi11.run(scenario_long_messages)


def test_read_bytes(vxi11: _Runner) -> None:
    vxi11.run(scenario_read_bytes)


def test_binary_waveform_numpy(vxi11: _Runner) -> None:
    vxi11.run(scenario_binary_waveform_numpy)


def test_read_stb_request_bit(vxi11: _Runner) -> None:
    vxi11.run(scenario_read_stb)


def test_clear_drops_pending_answer(vxi11: _Runner) -> None:
    vxi11.run(scenario_clear_drops_pending_answer)


def test_trigger_remote_local(vxi11: _Runner) -> None:
    vxi11.run(scenario_trigger_remote_local)


def test_timeout_then_clear(vxi11: _Runner) -> None:
    vxi11.run(scenario_timeout_then_clear)


def test_read_reasons(vxi11: _Runner) -> None:
    vxi11.run(scenario_read_reasons)


def test_locks(vxi11: _Runner) -> None:
    vxi11.run(scenario_locks)


def test_lock_waits(vxi11: _Runner) -> None:
    vxi11.run(scenario_lock_waits)


def test_bad_device_name(vxi11: _Runner) -> None:
    vxi11.run(scenario_bad_device_name)


def test_abort_channel(vxi11: _Runner) -> None:
    vxi11.run(scenario_abort)


def test_service_request_on_interrupt_channel(vxi11: _Runner) -> None:
    vxi11.run(scenario_service_request_interrupt)


def test_sessions_in_threads(vxi11: _Runner) -> None:
    vxi11.run(scenario_sessions_in_threads)


def test_connection_drop(vxi11: _Runner) -> None:
    vxi11.run(scenario_connection_drop)


def _rpc_exchange(port: int, data: bytes) -> bytes:
    """Send raw bytes to a TCP port of the server, return the next reply record."""
    with socket.create_connection((HOST, port), timeout=5) as sock:
        sock.sendall(data)
        stream = RecordStream(sock, threading.Event())
        return stream.read_record(timeout=5)


def _record(*fragments: bytes) -> bytes:
    """Record-marked fragments, the last one flagged as such."""
    data = b""
    for index, fragment in enumerate(fragments):
        last = 0x8000_0000 if index == len(fragments) - 1 else 0
        data += struct.pack(">I", len(fragment) | last) + fragment
    return data


def test_rpc_record_marking_and_errors() -> None:
    server = direct_server()
    # A call split into several fragments (pyvisa-py always sends one).
    args = Packer().sint(77).boolean(False).uint(0).opaque(b"inst0").data()
    call = call_record(9, DEVICE_CORE_PROG, 1, 10, args)
    reply = Unpacker(_rpc_exchange(server.core_port, _record(call[:5], call[5:30], call[30:])))
    assert [reply.uint() for _ in range(6)] == [9, 1, 0, 0, 0, 0]  # accepted, SUCCESS
    assert reply.sint() == 0 and reply.sint() > 0  # error, link id
    # Truncated arguments: GARBAGE_ARGS.
    reply = Unpacker(_rpc_exchange(server.core_port, _record(call[:-8])))
    assert [reply.uint() for _ in range(6)] == [9, 1, 0, 0, 0, 4]
    # RPC version 3: denied, RPC_MISMATCH with the versions supported (2 to 2).
    bad = call[:8] + struct.pack(">I", 3) + call[12:]
    reply = Unpacker(_rpc_exchange(server.core_port, _record(bad)))
    assert [reply.uint() for _ in range(6)] == [9, 1, 1, 0, 2, 2]
    # A reply sent to the server is ignored; the NULL procedure answers an empty result.
    ignored = Packer().uint(5).uint(1).data()
    null = call_record(6, DEVICE_ASYNC_PROG, 1, 0)
    reply = Unpacker(_rpc_exchange(server.abort_port, _record(ignored) + _record(null)))
    assert [reply.uint() for _ in range(6)] == [6, 1, 0, 0, 0, 0] and not reply.remaining()
    # The portmapper answers GETPORT over UDP as well.
    assert server.portmapper_port is not None
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        getport = Packer().uint(DEVICE_CORE_PROG).uint(1).uint(6).uint(0).data()
        sock.sendto(call_record(3, 100000, 2, 3, getport), (HOST, server.portmapper_port))
        reply = Unpacker(sock.recv(8192))
    assert [reply.uint() for _ in range(7)] == [3, 1, 0, 0, 0, 0, server.core_port]


def test_private_network_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa.testsuite.loopback import netns

    monkeypatch.setattr(netns.sys, "platform", "linux")
    monkeypatch.setattr(netns.os, "geteuid", lambda: 1000, raising=False)
    problem = netns.private_network_problem()
    assert problem is not None and "root" in problem and "uid 1000" in problem
    monkeypatch.setattr(netns.os, "geteuid", lambda: 0, raising=False)
    assert netns.private_network_problem() is None
    monkeypatch.setattr(netns.sys, "platform", "darwin")
    assert "Linux only" in str(netns.private_network_problem())


def test_server_stops_by_itself() -> None:
    short = VXI11Server(HOST, portmapper_port=0, lifetime=0.3).start()
    try:
        assert short.running
        assert short.stopping.wait(5), "the server did not stop at the end of its lifetime"
        assert not short.running
    finally:
        short.stop()


# -- the instrument checks of the keysight-assisted suite, over VXI-11 -------------------------------

_Base = _keysight.TestTCPIPInstr


class TestTCPIPInstrVXI11(_Base):
    """:class:`TestTCPIPInstr` against the direct VXI-11 server, through pyvisa-py."""

    MINIMAL_TIMEOUT = 0

    def setup_method(self) -> None:
        self.rm = ResourceManager("@py")
        self.address = direct_server().address
        self.instr: Any = self.rm.open_resource(
            self.address, read_termination="\n", write_termination="\n"
        )

    # pyvisa-py 0.8.1 ends a VXI-11 read on the count before looking at the reason: when
    # the termination character is the last byte of a chunk (a 42-byte answer read 3 by
    # 3), viRead returns VI_SUCCESS_MAX_CNT and read_raw waits for more until the timeout.
    test_read_raw_chunking = pytest.mark.xfail(
        strict=True,
        raises=VisaIOError,
        reason="pyvisa-py reports VI_SUCCESS_MAX_CNT for a VXI-11 read ending with both "
        "the count and the termination character",
    )(copy_func(_Base.test_read_raw_chunking))
    # VXI-11 has exclusive locks only (device_lock): pyvisa-py takes one for a shared lock
    # too and returns an empty key.
    test_shared_locking = pytest.mark.xfail(
        strict=True,
        raises=AssertionError,
        reason="VXI-11 has no shared locks: pyvisa-py returns an empty key",
    )(copy_func(_Base.test_shared_locking))
    # pyvisa-py never sets the waitlock flag: a lock held elsewhere is refused at once with
    # VI_ERROR_RSRC_LOCKED where VISA waits for the timeout and reports VI_ERROR_TMO.
    test_exclusive_locking = pytest.mark.xfail(
        strict=True,
        raises=AssertionError,
        reason="pyvisa-py reports VI_ERROR_RSRC_LOCKED at once instead of VI_ERROR_TMO",
    )(copy_func(_Base.test_exclusive_locking))
    test_lock_context = pytest.mark.xfail(
        strict=True,
        raises=AssertionError,
        reason="pyvisa-py reports VI_ERROR_RSRC_LOCKED at once instead of VI_ERROR_TMO",
    )(copy_func(_Base.test_lock_context))
