"""Message-based resources and the resource-query matcher under hostile input.

Every case is followed by a health query that must receive its own answer. The backends
are the scripted in-process library, pyvisa-sim and the reference C library.
"""

from __future__ import annotations

import ctypes
import time
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pyvisa import constants, errors, rname
from pyvisa.constants import StatusCode
from pyvisa.highlevel import ResourceManager
from pyvisa.testsuite._resources_helpers import ScriptedLibrary, ieee_block, make_manager

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

MiB = 1024 * 1024
TCPIP = "TCPIP0::192.168.0.7::inst0::INSTR"
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

#: Arguments that must be rejected before anything is written.
BAD_QUERY_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("query", {"delay": "abc"}),
    ("query", {"delay": float("nan")}),
    ("query", {"delay": object()}),
    ("query_ascii_values", {"converter": "zz"}),
    ("query_ascii_values", {"converter": 5}),
    ("query_ascii_values", {"separator": 5}),
    ("query_ascii_values", {"container": 5}),
    ("query_ascii_values", {"delay": "1"}),
    ("query_binary_values", {"datatype": "z"}),
    ("query_binary_values", {"header_fmt": "xml"}),
    ("query_binary_values", {"container": None}),
    ("query_binary_values", {"chunk_size": -1}),
    ("query_binary_values", {"chunk_size": "big"}),
    ("query_binary_values", {"data_points": 1.5}),
    ("query_binary_values", {"monitoring_interface": object()}),
    ("query_binary_values", {"length_before_block": "x"}),
    ("query_binary_values", {"delay": b"0"}),
]


def idn_responder(data: bytes) -> list[bytes]:
    """Scripted device: ``*IDN?`` is answered, ``RAW <hex>`` sends the bytes given."""
    if data.startswith(b"*IDN?"):
        return [b"SCRIPTED,Robust,0,1\n"]
    if data.startswith(b"RAW "):
        return [bytes.fromhex(data[4:].strip().decode())]
    return [data]


@pytest.fixture
def scripted() -> Iterator[tuple[Any, ScriptedLibrary]]:
    rm, lib = make_manager(idn_responder)
    inst = rm.open_resource(TCPIP, read_termination="\n", write_termination="\n")
    yield inst, lib
    rm.close()


def healthy(inst: Any, expected: str = "SCRIPTED,Robust,0,1") -> None:
    """The next query gets its own answer."""
    assert inst.query("*IDN?") == expected


def peak_of(action: Callable[[], Any], raises: type[Exception]) -> int:
    """Peak of the memory allocated while ``action`` runs; it must raise ``raises``."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        with pytest.raises(raises):
            action()
        return tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


# -- item 1: sizes are validated, read loops always progress -----------------------------


def test_sizes_below_one_raise_before_reading(scripted: Any) -> None:
    inst, lib = scripted
    reads = lib.count("read")
    for call in (
        lambda: inst.read_raw(0),
        lambda: inst.read_raw(-5),
        lambda: inst.read_bytes(5, chunk_size=-1),
        lambda: inst.read_bytes(-1),
        lambda: inst.read_binary_values(chunk_size=-2),
    ):
        with pytest.raises(ValueError):
            call()
    with pytest.raises(ValueError):
        inst.chunk_size = 0
    with pytest.raises(TypeError):
        inst.chunk_size = "1k"
    assert inst.chunk_size == 20 * 1024 and type(inst).chunk_size == 20480
    inst.chunk_size = 7
    assert inst.chunk_size == 7
    assert lib.count("read") == reads
    healthy(inst)


class _Stalling(ScriptedLibrary):
    """A backend announcing more data forever without ever giving any."""

    stall = False

    def read(self, session: Any, count: int) -> tuple[bytes, StatusCode]:
        if self.stall:
            self.calls.append(("read", session, count))
            return b"", self._ret(session, StatusCode.success_max_count_read)
        return super().read(session, count)


@pytest.mark.parametrize(
    "call",
    [
        lambda inst: inst.read(),
        lambda inst: inst.read_raw(),
        lambda inst: inst.read_bytes(10),
        lambda inst: inst.read_binary_values(),
        lambda inst: inst.query_binary_values("CURV?"),
    ],
)
def test_backend_without_progress_cannot_spin(call: Callable[[Any], Any]) -> None:
    library = _Stalling(f"stalling-{id(call)}")
    library.responder = idn_responder
    rm = ResourceManager(library)
    inst = rm.open_resource(TCPIP, read_termination="\n", write_termination="\n")
    try:
        library.stall = True
        start = time.monotonic()
        with pytest.raises(errors.VisaIOError) as info:
            call(inst)
        assert info.value.error_code == StatusCode.error_io
        assert time.monotonic() - start < 1
        assert library.count("read") < 100
        library.stall = False
        healthy(inst)
    finally:
        rm.close()


# -- item 2: memory follows the data -----------------------------------------------------


@pytest.mark.parametrize("header", [b"#9999999999", b"#(123456789012345678)", b"#0"])
def test_lying_block_header_costs_little_memory(scripted: Any, header: bytes) -> None:
    inst, lib = scripted
    lib.responder = lambda data: (
        [header + b"ab"] if data.startswith(b"CURV?") else (idn_responder(data))
    )
    fmt = "rs" if b"(" in header else "ieee"
    points = 10**12 if header == b"#0" else 0
    inst.timeout = 20
    peak = peak_of(
        lambda: inst.query_binary_values("CURV?", "B", header_fmt=fmt, data_points=points),
        errors.VisaIOError,
    )
    assert peak < 20 * MiB
    healthy(inst)


def test_huge_read_bytes_answered_by_a_few_bytes(scripted: Any) -> None:
    inst, lib = scripted
    lib.feed(inst.session, b"abc", end=False)
    captured: list[errors.VisaIOError] = []

    def read() -> None:
        try:
            inst.read_bytes(10**11)
        except errors.VisaIOError as exc:
            captured.append(exc)
            raise

    assert peak_of(read, errors.VisaIOError) < 20 * MiB
    assert captured and captured[0].partial_data == b"abc"
    healthy(inst)


def test_honest_large_block_keeps_its_values(scripted: Any) -> None:
    inst, lib = scripted
    payload = bytes(range(256)) * (20 * MiB // 256)  # above the 16 MiB first allocation
    lib.feed(inst.session, ieee_block(payload) + b"\n")
    values = inst.read_binary_values("B", container=bytes)
    assert values == payload
    healthy(inst)


# -- items 3 and 4: validate, then write; documented exceptions -------------------------


@pytest.mark.parametrize(("method", "kwargs"), BAD_QUERY_CALLS)
def test_bad_query_arguments_write_nothing(scripted: Any, method: str, kwargs: Any) -> None:
    inst, lib = scripted
    writes = lib.count("write")
    with pytest.raises((TypeError, ValueError)):
        getattr(inst, method)("*IDN?", **kwargs)
    assert lib.count("write") == writes
    healthy(inst)


def test_write_rejects_what_it_cannot_send(scripted: Any) -> None:
    inst, lib = scripted
    for message in (None, 123, b"*IDN?"):
        with pytest.raises(TypeError, match="str"):
            inst.write(message)
    with pytest.raises(TypeError, match="str"):
        inst.write("X", termination=5)
    with pytest.raises(ValueError):
        inst.write("\u20ac")
    with pytest.raises(ValueError):
        inst.write_binary_values("D ", [300], "B")
    with pytest.raises(ValueError):
        inst.write_ascii_values("D ", ["x"], "f")
    assert lib.count("write") == 0
    healthy(inst)


def test_encoding_must_be_a_text_encoding(scripted: Any) -> None:
    inst, _ = scripted
    for codec in ("base64", "rot13", "zlib"):
        with pytest.raises(ValueError, match="text encoding"):
            inst.encoding = codec
    with pytest.raises(LookupError):
        inst.encoding = "no-such-codec"
    assert inst.encoding == "ascii"
    inst.encoding = "latin-1"
    healthy(inst)


def test_invalid_binary_format_is_a_value_error(scripted: Any) -> None:
    inst, lib = scripted
    lib.feed(inst.session, b"#14\xff\xff\xff\xff\n")
    with pytest.raises(ValueError) as info:
        inst.read_binary_values("s", container=lambda data: data.decode())
    assert isinstance(info.value, errors.InvalidBinaryFormat)
    healthy(inst)


def test_partial_read_keeps_its_bytes(scripted: Any) -> None:
    inst, lib = scripted
    lib.feed(inst.session, b"no end in sight", end=False)
    with pytest.raises(errors.VisaIOError) as info:
        inst.read()
    assert info.value.partial_data == b"no end in sight"
    healthy(inst)


def test_failed_binary_query_discards_the_rest_of_its_answer(scripted: Any) -> None:
    inst, lib = scripted
    inst.chunk_size = 16
    lib.responder = lambda data: (
        [b"#0" + bytes(200) + b"\n"] if data.startswith(b"CURV?") else (idn_responder(data))
    )
    with pytest.raises(ValueError, match="data_points"):
        inst.query_binary_values("CURV?", data_points=-1)
    healthy(inst)


@SETTINGS
@given(
    reply=st.binary(max_size=64),
    datatype=st.sampled_from("bBhHiIfdq"),
    fmt=st.sampled_from(["ieee", "hp", "rs", "empty"]),
)
def test_random_replies_to_binary_queries(
    scripted: Any, reply: bytes, datatype: str, fmt: str
) -> None:
    inst, lib = scripted
    inst.timeout = 5
    lib.responder = lambda data: [reply] if data.startswith(b"CURV?") else idn_responder(data)
    try:
        inst.query_binary_values("CURV?", datatype, header_fmt=fmt, data_points=3)
    except (ValueError, RuntimeError, errors.VisaIOError):
        pass
    lib.clear(inst.session)  # a reply without END may still be queued: not a pyvisa matter
    healthy(inst)


# -- pyvisa-sim --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sim() -> Iterator[Any]:
    pytest.importorskip("pyvisa_sim")
    rm = ResourceManager("@sim")
    inst = rm.open_resource(
        "TCPIP::localhost:2222::INSTR", read_termination="\n", write_termination="\n"
    )
    inst.timeout = 200
    yield inst
    rm.close()


@pytest.mark.parametrize(("method", "kwargs"), BAD_QUERY_CALLS)
def test_sim_bad_arguments_do_not_desynchronise(sim: Any, method: str, kwargs: Any) -> None:
    expected = sim.query("*IDN?")
    with pytest.raises((TypeError, ValueError)):
        getattr(sim, method)("*IDN?", **kwargs)
    assert sim.query("*IDN?") == expected


@settings(max_examples=15, deadline=None)
@given(
    datatype=st.sampled_from("bBhfd"),
    fmt=st.sampled_from(["ieee", "hp", "rs", "empty"]),
    chunk=st.integers(-3, 64),
)
def test_sim_binary_query_of_a_text_answer(sim: Any, datatype: str, fmt: str, chunk: int) -> None:
    expected = sim.query("*IDN?")
    try:
        sim.query_binary_values("*IDN?", datatype, header_fmt=fmt, chunk_size=chunk)
    except (ValueError, RuntimeError, errors.VisaIOError):
        pass
    assert sim.query("*IDN?") == expected


# -- reference C library -----------------------------------------------------------------


@pytest.fixture
def ref(reference_library: str) -> Iterator[tuple[Any, Any]]:
    from pyvisa.testsuite.reference_visa import load_hooks

    hooks = load_hooks(reference_library)
    rm = ResourceManager(reference_library)
    inst = rm.open_resource("GPIB0::1::INSTR", read_termination="\n", write_termination="\n")
    inst.timeout = 50
    yield inst, hooks
    rm.close()
    hooks.refvisa_reset()


def _push(hooks: Any, session: int, data: bytes, end: bool = True) -> None:
    buffer = ctypes.create_string_buffer(data, len(data))
    assert hooks.refvisa_push_data(session, buffer, len(data), int(end)) == 0


@pytest.mark.parametrize(("method", "kwargs"), BAD_QUERY_CALLS)
def test_reference_bad_arguments_write_nothing(ref: Any, method: str, kwargs: Any) -> None:
    inst, _ = ref
    with pytest.raises((TypeError, ValueError)):
        getattr(inst, method)("PING", **kwargs)
    assert inst.query("HEALTH") == "HEALTH"  # the loopback answers with the message


@pytest.mark.parametrize(
    ("header", "raises"),
    [
        (b"#9999999999ab\n", errors.VisaIOError),
        (b"#(99999999999)ab\n", errors.VisaIOError),
        (b"#A\xff\xffab\n", errors.VisaIOError),
        (b"#(12", RuntimeError),
    ],
)
def test_reference_lying_headers(ref: Any, header: bytes, raises: type[Exception]) -> None:
    inst, hooks = ref
    fmt = "hp" if header.startswith(b"#A") else "rs"
    _push(hooks, inst.session, header)
    peak = peak_of(lambda: inst.read_binary_values("B", header_fmt=fmt), raises)
    assert peak < 20 * MiB
    assert inst.query("HEALTH") == "HEALTH"


def test_reference_read_sizes(ref: Any) -> None:
    inst, hooks = ref
    with pytest.raises(ValueError):
        inst.read_raw(0)
    with pytest.raises(ValueError):
        inst.read_bytes(3, chunk_size=-1)
    _push(hooks, inst.session, b"abc", end=False)
    with pytest.raises(errors.VisaIOError) as info:
        inst.read_bytes(10**10, chunk_size=3)  # a failing read's own bytes are not returned
    assert info.value.partial_data == b"abc"
    assert inst.query("HEALTH") == "HEALTH"


# -- item 5: the resource-query matcher ---------------------------------------------------


@pytest.mark.parametrize(
    "query", ["(?*)*" * 2000, "(a|b|c|?)*" * 1000, "[a-z]*" * 1666, "?" * 10000, "(?*::)*" * 1428]
)
def test_pathological_resource_query(query: str) -> None:
    names = ["ASRL1::INSTR", "GPIB0::1::INSTR" * 20, "x" * 300, "abcab" * 60]
    tracemalloc.start()
    try:
        start = time.perf_counter()
        rname.filter(names, query)
        elapsed = time.perf_counter() - start
        retained = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert elapsed < 3  # well under a second without tracemalloc
    assert retained < 512 * 1024


def test_invalid_long_query_is_inv_expr() -> None:
    with pytest.raises(errors.VisaIOError) as info:
        rname.filter(["ASRL1::INSTR"], "(" * 5000)
    assert info.value.error_code == constants.StatusCode.error_invalid_expression


def test_reference_failing_read_keeps_its_own_bytes(ref: Any) -> None:
    # viRead returns what it received with VI_ERROR_TMO: those bytes are not lost.
    inst, hooks = ref
    _push(hooks, inst.session, b"no end", end=False)
    with pytest.raises(errors.VisaIOError) as info:
        inst.read_raw()
    assert info.value.error_code == constants.StatusCode.error_timeout
    assert info.value.partial_data == b"no end"
    _push(hooks, inst.session, b"abcdef", end=False)
    with pytest.raises(errors.VisaIOError) as info:
        inst.read_bytes(10**6, chunk_size=4)  # "abcd", then "ef" with the timeout
    assert info.value.partial_data == b"abcdef"
    _push(hooks, inst.session, b"x" * 5000, end=False)
    with pytest.raises(errors.VisaIOError) as info:
        inst.read_raw(size=1024)  # four full chunks, then 904 bytes with the timeout
    assert info.value.partial_data == b"x" * 5000
    with pytest.raises(errors.VisaIOError) as info:
        inst.visalib.read(inst.session, 10)  # nothing at all: no partial data
    assert info.value.partial_data is None
    assert inst.query("HEALTH") == "HEALTH"
