"""Structural checks of the performance work: what must stay true, tested without timings.

The times themselves are measured by ``bench/run.py --group targets``; these tests catch
the regressions that would bring them back, on any machine:

- a large binary block is read by the expected small number of backend reads, with no
  more copies than stated (one payload-sized buffer: the memory peak is checked with
  ``tracemalloc``), whether the backend reads into buffers (the ctypes backend over the
  reference library) or returns the block in one ``bytes`` (an in-process backend);
- ``import pyvisa`` loads neither numpy, ctypes, the ctypes backend, ``importlib.metadata``
  nor any backend;
- the ctypes backend binds its C functions when first used, and the usual ``read`` and
  ``write`` call the C functions without ctypes conversions, unless ``viRead``/``viWrite``
  were replaced or the DEBUG trace is on;
- the hot paths call no logging method while DEBUG logging is off;
- the ASCII decoding through ``numpy.fromstring`` gives what the item-by-item path gives.
"""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pyvisa import ResourceManager, _logging, errors, util
from pyvisa.constants import StatusCode
from pyvisa.highlevel import VisaLibraryBase
from pyvisa.testsuite._fake_backend import default_attributes
from pyvisa.typing import VISARMSession, VISASession

MiB = 1024 * 1024
_NAMES = itertools.count()
TCPIP = "TCPIP0::192.168.0.10::inst0::INSTR"


def traced_peak(action: Callable[[], Any]) -> tuple[Any, int]:
    """Result of ``action`` and the peak of the memory allocated while it ran."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        result = action()
        return result, tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()


def ieee_header(length: int) -> bytes:
    digits = str(length)
    return f"#{len(digits)}{digits}".encode()


def ieee_block(payload: bytes) -> bytes:
    return ieee_header(len(payload)) + payload


# -- an in-process backend returning what is queued in large pieces --------------------


class PiecesLibrary(VisaLibraryBase):
    """Backend whose ``read`` returns the next queued piece whole when the count allows."""

    def _init(self) -> None:
        self.sessions: dict[int, Any] = {}
        self.queue: list[tuple[bytes, bool]] = []
        self.reads: list[int] = []
        self.next_session = 1

    def open_default_resource_manager(self) -> tuple[VISARMSession, StatusCode]:
        return VISARMSession(0), self.handle_return_value(0, StatusCode.success)

    def open(self, session: Any, resource_name: str, *args: Any) -> tuple[VISASession, StatusCode]:
        from pyvisa import rname

        handle = self.next_session
        self.next_session += 1
        self.sessions[handle] = default_attributes(rname.parse_resource_name(resource_name))
        return VISASession(handle), self.handle_return_value(handle, StatusCode.success)

    def close(self, session: Any) -> StatusCode:
        self.sessions.pop(session, None)
        return self.handle_return_value(session, StatusCode.success)

    def get_attribute(self, session: Any, attribute: Any) -> tuple[Any, StatusCode]:
        attributes = self.sessions.get(session) or {}
        if attribute not in attributes:
            return None, self.handle_return_value(session, StatusCode.error_nonsupported_attribute)
        return attributes[attribute], self.handle_return_value(session, StatusCode.success)

    def set_attribute(self, session: Any, attribute: Any, state: Any) -> StatusCode:
        self.sessions[session][attribute] = state
        return self.handle_return_value(session, StatusCode.success)

    def write(self, session: Any, data: bytes) -> tuple[int, StatusCode]:
        return len(data), self.handle_return_value(session, StatusCode.success)

    def read(self, session: Any, count: int) -> tuple[bytes, StatusCode]:
        self.reads.append(count)
        if not self.queue:
            return b"", self.handle_return_value(session, StatusCode.error_timeout)
        piece, last = self.queue[0]
        if len(piece) > count:
            self.queue[0] = (piece[count:], last)
            return piece[:count], self.handle_return_value(
                session, StatusCode.success_max_count_read
            )
        del self.queue[0]
        status = StatusCode.success if last else StatusCode.success_max_count_read
        return piece, self.handle_return_value(session, status)

    def disable_event(self, *args: Any) -> StatusCode:
        return StatusCode.success

    def discard_events(self, *args: Any) -> StatusCode:
        return StatusCode.success


@pytest.fixture
def pieces() -> Iterator[tuple[Any, PiecesLibrary]]:
    library = PiecesLibrary(f"pieces-{next(_NAMES)}")  # a new instance (they are cached by name)
    rm = ResourceManager(library)
    inst = rm.open_resource(TCPIP, read_termination="\n", write_termination="\n")
    yield inst, library
    rm.close()


@pytest.mark.parametrize("container", ["numpy", "bytes"])
def test_block_in_one_piece_is_copied_once(pieces: Any, container: str) -> None:
    inst, library = pieces
    payload = bytes(range(256)) * (16 * MiB // 256)
    message = ieee_block(payload) + b"\n"
    chunk = inst.chunk_size
    # The header chunk, then the rest in one piece, as a Python backend returns it.
    library.queue[:] = [(message[:chunk], False), (message[chunk:], True)]
    if container == "numpy":
        np = pytest.importorskip("numpy")
        values, peak = traced_peak(
            lambda: inst.read_binary_values("B", container=np.array, expect_termination=True)
        )
        assert values.flags.writeable and values.nbytes == len(payload)
        assert bytes(values[:256]) == payload[:256] and bytes(values[-256:]) == payload[-256:]
        assert not np.shares_memory(values, np.frombuffer(message, np.uint8))
        # One buffer of the size of the block (and no second one, even for a while).
        assert peak <= 1.1 * len(payload)
    else:
        values, peak = traced_peak(lambda: inst.read_binary_values("s", container=bytes))
        assert values == payload
        # The joined buffer and the bytes the "s" datatype gives: two at most.
        assert peak <= 2.1 * len(payload)
    assert library.reads == [chunk, len(message) - chunk]


def test_honest_block_with_termchar_in_data_needs_few_reads(pieces: Any) -> None:
    inst, library = pieces
    payload = b"\n" * 1000 + bytes(3 * MiB)
    message = ieee_block(payload) + b"\n"
    library.queue[:] = [(message, True)]
    assert inst.read_binary_values("s", container=bytes) == payload
    assert len(library.reads) == 2  # header chunk, then the rest


@pytest.fixture
def ref(reference_library: str) -> Iterator[tuple[Any, Any]]:
    from pyvisa.testsuite.reference_visa import load_hooks

    hooks = load_hooks(reference_library)
    rm = ResourceManager(f"{reference_library}@ivi")
    inst = rm.open_resource("GPIB0::1::INSTR", read_termination="\n", write_termination="\n")
    yield inst, hooks
    rm.close()
    hooks.refvisa_reset()


def _push(hooks: Any, session: int, data: bytes, end: bool = True) -> None:
    assert hooks.refvisa_push_data(session, data, len(data), int(end)) == 0


@pytest.mark.parametrize("size", [4 * MiB, 40 * 10**6, 64 * MiB])
def test_large_block_through_the_ctypes_backend(ref: Any, size: int) -> None:
    np = pytest.importorskip("numpy")
    inst, hooks = ref
    payload = bytes(range(256)) * (size // 256)  # holds the termination character
    _push(hooks, inst.session, ieee_header(len(payload)), False)
    _push(hooks, inst.session, payload, False)
    _push(hooks, inst.session, b"\n", True)
    visalib = inst.visalib
    calls: list[str] = []
    for name in ("read", "read_into"):
        original = getattr(visalib, name)

        def counting(*args: Any, _original: Any = original, _name: str = name) -> Any:
            calls.append(_name)
            return _original(*args)

        setattr(visalib, name, counting)
    try:
        values, peak = traced_peak(lambda: inst.read_binary_values("B", container=np.array))
    finally:
        del visalib.read, visalib.read_into
    assert values.flags.writeable and values.size == len(payload)
    assert bytes(values[:512]) == payload[:512] and bytes(values[-512:]) == payload[-512:]
    # The header chunk (stopped at the first termination character of the data), then
    # the data read in place, the termination character switched off: one read, two
    # when the first buffer has to grow (a block above the first allocation).
    expected = ["read", "read_into"] if size <= 16 * MiB else ["read", "read_into", "read_into"]
    assert calls == expected
    assert peak <= 1.1 * len(payload)


def test_lying_header_memory_follows_the_data(pieces: Any) -> None:
    inst, library = pieces
    # 4 MiB arrive after a header announcing about 1 GB, then nothing (timeout).
    library.queue[:] = [(b"#9999999999ab", False)] + [(b"x" * MiB, False)] * 4

    def read() -> None:
        with pytest.raises(errors.VisaIOError):
            inst.read_binary_values("B", container=bytes)

    _, peak = traced_peak(read)
    assert peak < 20 * MiB


# -- import and binding ------------------------------------------------------------------


def test_import_leaves_heavy_modules_out() -> None:
    code = (
        "import sys, json, pyvisa; print(json.dumps(sorted(m for m in sys.modules if m in "
        "('numpy', 'ctypes', 'importlib.metadata', 'pyvisa.ctwrapper', 'pyvisa_py', "
        "'pyvisa_sim') or m.startswith(('pyvisa.ctwrapper.', 'numpy.')))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out) == []


def test_ctypes_backend_binds_lazily(reference_library: str) -> None:
    code = (
        "import json, pyvisa\n"
        "from pyvisa.ctwrapper import binding\n"
        "built_at_import = len(binding.C_FUNCTIONS._specs)\n"
        f"rm = pyvisa.ResourceManager({reference_library!r} + '@ivi')\n"
        "bound_at_load = sorted(n for n in vars(rm.visalib.c) if n.startswith('vi'))\n"
        "inst = rm.open_resource('TCPIP0::192.168.0.10::inst0::INSTR', read_termination='\\n',"
        " write_termination='\\n')\n"
        "assert inst.query('*IDN?') == '*IDN?'\n"
        "bound = sorted(n for n in vars(rm.visalib.c) if n.startswith('vi'))\n"
        "print(json.dumps([built_at_import, bound_at_load, bound, len(binding.C_FUNCTIONS)]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    built_at_import, bound_at_load, bound, total = json.loads(out)
    assert built_at_import == 0
    assert bound_at_load == ["viOpenDefaultRM"]
    assert len(bound) <= 10 < total
    assert {"viOpen", "viWrite", "viRead"} <= set(bound)


def test_usual_reads_and_writes_skip_ctypes_conversions(ref: Any, monkeypatch: Any) -> None:
    inst, hooks = ref
    c = inst.visalib.c
    assert hasattr(c.viRead, "unconverted") and hasattr(c.viWrite, "unconverted")
    converted: list[str] = []
    for name in ("viRead", "viWrite"):
        bound = getattr(c, name)
        wrapped = bound.__wrapped__

        def recording(*args: Any, _wrapped: Any = wrapped, _name: str = name) -> Any:
            converted.append(_name)
            return _wrapped(*args)

        monkeypatch.setattr(bound, "__wrapped__", recording)
    assert inst.query("PING") == "PING"
    assert converted == []  # the unconverted functions were called
    # A replaced viRead is called by the operation.
    calls: list[tuple[Any, ...]] = []
    original = c.viRead

    def replaced(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    monkeypatch.setattr(c, "viRead", replaced)
    assert inst.query("PONG") == "PONG"
    assert len(calls) == 1


def test_debug_trace_of_the_usual_reads(ref: Any, caplog: pytest.LogCaptureFixture) -> None:
    inst, _ = ref
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert inst.query("TRACED") == "TRACED"
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith(f"viWrite({inst.session}, b'TRACED\\n'") for m in messages)
    assert any(m.startswith(f"viRead({inst.session}, b'TRACED\\n'") for m in messages)


# -- logging on the hot paths ---------------------------------------------------------------


def test_hot_paths_call_no_logging_while_debug_is_off(
    ref: Any, pieces: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    np = pytest.importorskip("numpy")
    logger = _logging.logger
    assert not logger.isEnabledFor(logging.DEBUG)
    called: list[str] = []
    for name in ("debug", "info", "log", "warning"):
        monkeypatch.setattr(logger, name, lambda *a, _n=name, **k: called.append(_n))
    values = np.arange(1000, dtype="<f4")
    for inst, feed, loopback in (
        (ref[0], lambda data: _push(ref[1], ref[0].session, data), True),
        (pieces[0], lambda data: pieces[1].queue.append((data, True)), False),
    ):
        inst.write("ANSWER")
        if not loopback:
            feed(b"ANSWER\n")
        assert inst.read() == "ANSWER"
        if loopback:
            assert inst.query("ANSWER") == "ANSWER"
        feed(b"1,2,3\n")
        assert inst.read_ascii_values() == [1.0, 2.0, 3.0]
        feed(util.to_ieee_block(values, "f") + b"\n")
        assert np.array_equal(inst.read_binary_values("f", container=np.array), values)
        feed(b"raw bytes\n")
        assert inst.read_bytes(10) == b"raw bytes\n"
    assert called == []


# -- ASCII through numpy ----------------------------------------------------------------------


ASCII_CASES = [
    "1,2,3",
    "1,2,3,",
    " 1 , 2 ,3 ",
    "1e3,inf,nan,-inf,+2",
    "0x10,1",
    "1,,2",
    "1;2",
    "1, 2\r",
    "nan(abc),1",
    "1_000,2",
    "\uff11,2",
    "1.5",
    " ",
    "1, ,2",
    "1,2, ",
    "5,-1,2",
    "-1.0,3",
    ",1",
    "1,2,,",
    "1,2 ,",
    "1e400,2",
    "9999999999999999999,1",
]


@pytest.mark.parametrize("text", ASCII_CASES)
@pytest.mark.parametrize("code", ["f", "d", "e", "g"])
def test_ascii_to_numpy_as_item_by_item(text: str, code: str) -> None:
    np = pytest.importorskip("numpy")
    from pyvisa import _ascii_blocks

    def item_by_item() -> Any:
        items = text.split(",") if text else []
        if items and not items[-1].strip():
            del items[-1]
        array = _ascii_blocks._numpy_array(items, code)
        if array is None:
            array = np.array(list(map(_ascii_blocks._ASCII_CONVERTERS[code], items)))
        return array

    try:
        expected = item_by_item()
    except ValueError:
        with pytest.raises(ValueError):
            util.from_ascii_block(text, code, ",", np.array)
        return
    got = util.from_ascii_block(text, code, ",", np.array)
    assert got.dtype == expected.dtype
    assert np.array_equal(got, expected, equal_nan=True)
