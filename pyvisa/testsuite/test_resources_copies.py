"""Copies and library calls made by the large-transfer paths of message based resources.

A scripted backend declaring ``reads_into_buffers`` (like the ctypes one) counts the calls;
tracemalloc measures the memory a transfer allocates on top of its payload. The memory bounds are those
of the design (one buffer, plus one copy where an immutable ``bytes`` is returned): they
catch a regression to quadratic growth or to extra copies of the payload.
"""

from __future__ import annotations

import itertools
import logging
import struct
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest

from pyvisa import constants, errors
from pyvisa.constants import ResourceAttribute, StatusCode
from pyvisa.highlevel import ResourceManager
from pyvisa.testsuite._resources_helpers import ScriptedLibrary, ieee_block, make_manager

GPIB = "GPIB0::5::INSTR"
MiB = 1024 * 1024

_names = itertools.count()


class IntoLibrary(ScriptedLibrary):
    """Scripted backend with ``read_into``, whose ``write`` keeps what it is given as is."""

    #: It reads into the caller's buffers and passes any buffer on, as the ctypes backend.
    reads_into_buffers = True

    def _init(self) -> None:
        super()._init()
        self.written_objects: list[Any] = []
        self.streams: dict[int, list[Any]] = {}

    def stream(self, session: int, payload: bytes) -> None:
        """Serve ``payload`` (then END) without copying it (for memory measurements)."""
        self.streams[session] = [memoryview(payload), 0]

    def _from_stream(self, session: int, count: int) -> tuple[memoryview, StatusCode]:
        state = self.streams[session]
        view, position = state
        part = view[position : position + count]
        state[1] = position + len(part)
        done = state[1] == len(view)
        if done:
            del self.streams[session]
        status = StatusCode.success if done else StatusCode.success_max_count_read
        return part, self._ret(session, status)

    def read(self, session: Any, count: int) -> tuple[bytes, StatusCode]:
        if session in self.streams:
            self.calls.append(("read", session, count))
            part, status = self._from_stream(session, count)
            return bytes(part), status
        return super().read(session, count)

    def read_into(self, session: Any, buffer: Any) -> tuple[int, StatusCode]:
        view = memoryview(buffer).cast("B")
        if session in self.streams:
            self.calls.append(("read_into", session, view.nbytes))
            part, status = self._from_stream(session, view.nbytes)
            view[: len(part)] = part
            return len(part), status
        data, status = ScriptedLibrary.read(self, session, view.nbytes)
        self.calls[-1] = ("read_into", *self.calls[-1][1:])
        view[: len(data)] = data
        return len(data), status

    def write(self, session: Any, data: Any) -> tuple[int, StatusCode]:
        self.calls.append(("write", session, len(data)))
        self.written_objects.append(data)
        return len(data), self._ret(session, StatusCode.success)


@pytest.fixture
def into() -> Any:
    library = IntoLibrary(f"into-{next(_names)}")
    rm = ResourceManager(library)
    yield rm.open_resource(GPIB), library
    rm.close()


@pytest.fixture
def scripted() -> Any:
    rm, library = make_manager()
    yield rm.open_resource(GPIB), library
    rm.close()


def _peak_above_start(action: Callable[[], Any]) -> tuple[Any, int]:
    """Run ``action`` under tracemalloc; return its result and the peak of new allocations."""
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        result = action()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, peak - start


def _pattern(size: int) -> bytes:
    return bytes(range(256)) * (size // 256) + bytes(size % 256)


# -- read_bytes --------------------------------------------------------------------------


def test_read_bytes_reads_into_one_buffer(into: Any) -> None:
    inst, lib = into
    payload = _pattern(100_000)
    lib.feed(inst.session, payload)
    data = inst.read_bytes(len(payload), chunk_size=40_000)
    assert type(data) is bytes and data == payload
    assert [call[2] for call in lib.calls if call[0] == "read_into"] == [40_000, 40_000, 20_000]
    assert lib.count("read") == 0


def test_read_bytes_short_read_returns_only_received(into: Any) -> None:
    inst, lib = into
    inst.read_termination = "\n"
    lib.feed(inst.session, b"x" * 50_000 + b"\n" + b"rest")
    data = inst.read_bytes(80_000, break_on_termchar=True)
    assert type(data) is bytes and data == b"x" * 50_000 + b"\n"
    assert inst.read_bytes(4) == b"rest"


def test_read_bytes_64_mib_peak_is_buffer_plus_result(into: Any) -> None:
    inst, lib = into
    size = 64 * MiB
    lib.stream(inst.session, b"\x5a" * size)
    data, peak = _peak_above_start(lambda: inst.read_bytes(size, chunk_size=4 * MiB))
    assert type(data) is bytes and len(data) == size and data[:2] == data[-2:] == b"ZZ"
    assert peak <= 2.1 * size  # the buffer read into, and the bytes copied from it


def test_read_bytes_without_read_into_backend(scripted: Any) -> None:
    inst, lib = scripted
    payload = _pattern(70_000)
    lib.feed(inst.session, payload)
    data = inst.read_bytes(len(payload), chunk_size=30_000)
    assert type(data) is bytes and data == payload
    assert lib.count("read") == 3


# -- read_raw ----------------------------------------------------------------------------


def test_read_raw_joins_chunks(any_lib: Any) -> None:
    inst, lib = any_lib
    payload = _pattern(1_000_000) + b"\n"
    lib.feed(inst.session, payload)
    data = inst.read_raw(size=10_000)
    assert type(data) is bytes and data == payload
    assert lib.count("read") == len(payload) // 10_000 + 1
    assert lib.count("read_into") == 0


def test_read_decodes_a_long_message(into: Any) -> None:
    inst, lib = into
    inst.read_termination = "\n"
    text = "0123456789," * 20_000
    lib.feed(inst.session, text.encode() + b"\n")
    assert inst.read() == text


def test_read_raw_timeout_logs_data(into: Any, caplog: Any) -> None:
    inst, lib = into
    lib.feed(inst.session, b"p" * 100_000, end=False)
    with caplog.at_level(logging.DEBUG, logger="pyvisa"), pytest.raises(errors.VisaIOError):
        inst.read_raw(size=30_000)
    assert "b'ppp" in caplog.text
    lib.feed(inst.session, b"after\n")
    assert inst.read_raw() == b"after\n"


def test_read_raw_64_mib_peak_is_chunks_plus_result(into: Any) -> None:
    inst, lib = into
    size = 64 * MiB
    lib.stream(inst.session, b"\x33" * (size - 1) + b"\n")
    data, peak = _peak_above_start(lambda: inst.read_raw(size=MiB))
    assert len(data) == size and data.endswith(b"3\n")
    assert peak <= 2.1 * size  # the chunks, and the message they are joined into


# -- query_binary_values -----------------------------------------------------------------


def test_query_binary_values_numpy_reads_the_block_once(into: Any) -> None:
    np = pytest.importorskip("numpy")
    inst, lib = into
    inst.read_termination = "\n"
    values = np.arange(4 * MiB, dtype="<f4")  # 16 MiB
    block = ieee_block(values.tobytes()) + b"\n"
    lib.stream(inst.session, block)
    result, peak = _peak_above_start(
        lambda: inst.query_binary_values("CURV?", "f", container=np.array)
    )
    assert np.array_equal(result, values)
    assert lib.count("read_into") >= 1
    assert peak <= 1.1 * len(block)  # one buffer, viewed by the array without a copy


# -- write_binary_values -----------------------------------------------------------------


def test_write_binary_values_is_one_write_of_the_whole_message(into: Any) -> None:
    inst, lib = into
    inst.write_termination = "\n"
    inst.write_binary_values("CURV ", [1.0, 2.0], datatype="f")
    assert lib.count("write") == 1
    written = lib.written_objects[-1]
    assert type(written) is bytes
    assert written == b"CURV #18" + struct.pack("<2f", 1.0, 2.0) + b"\n"


def test_write_binary_values_numpy_copies_once(into: Any) -> None:
    np = pytest.importorskip("numpy")
    inst, lib = into
    values = np.arange(4 * MiB, dtype="<f4")  # 16 MiB
    _, peak = _peak_above_start(lambda: inst.write_binary_values("D ", values, "f"))
    assert lib.count("write") == 1
    written = lib.written_objects.pop()
    assert len(written) == 2 + 10 + values.nbytes + 2
    assert written[-2:] == b"\r\n" and written[:12] == b"D #816777216"
    assert peak <= 1.1 * values.nbytes


def test_write_raw_hands_buffers_to_read_into_backends(into: Any) -> None:
    inst, lib = into
    message = bytearray(b"ABC")
    assert inst.write_raw(message) == 3
    written = lib.written_objects[-1]
    assert isinstance(written, memoryview) and written.obj is message


def test_write_raw_gives_bytes_to_other_backends(scripted: Any) -> None:
    inst, lib = scripted
    lib.responder = lambda data: []
    assert inst.write_raw(memoryview(bytearray(b"ABCD"))[1:]) == 3
    assert lib.sessions[inst.session].written[-1] == b"BCD"


class UndeclaredIntoLibrary(IntoLibrary):
    """Has a ``read_into`` of its own but does not declare the capability."""

    reads_into_buffers = False


def test_undeclared_read_into_is_not_used() -> None:
    library = UndeclaredIntoLibrary(f"undeclared-{next(_names)}")
    rm = ResourceManager(library)
    try:
        inst = rm.open_resource(GPIB)
        library.stream(inst.session, _pattern(50_000))
        assert inst.read_bytes(50_000, chunk_size=20_000) == _pattern(50_000)
        assert library.count("read_into") == 0
        assert [call[2] for call in library.calls if call[0] == "read"] == [20_000, 20_000, 10_000]
        assert inst.write_raw(bytearray(b"ABC")) == 3
        assert type(library.written_objects[-1]) is bytes
    finally:
        rm.close()


def test_split_write_passes_views(into: Any) -> None:
    inst, lib = into
    inst.max_io_size = 4
    assert inst.write_raw(bytearray(b"0123456789")) == 10
    parts = lib.written_objects[-3:]
    assert [bytes(part) for part in parts] == [b"0123", b"4567", b"89"]
    assert all(isinstance(part, memoryview) for part in parts)


# -- termination character around binary blocks ------------------------------------------


def _termchar_sets(lib: ScriptedLibrary) -> list[Any]:
    return [
        call[3]
        for call in lib.calls
        if call[0] == "set_attribute" and call[2] == ResourceAttribute.termchar_enabled
    ]


@pytest.fixture(params=["scripted", "into"])
def any_lib(request: Any) -> Any:
    return request.getfixturevalue(request.param)


def test_small_rest_read_without_suspending_termchar(any_lib: Any) -> None:
    inst, lib = any_lib
    inst.read_termination = "\n"
    data = bytes(range(11, 250)) * 4 + b"\n" + bytes(5)  # a \n near the end of the data
    lib.feed(inst.session, ieee_block(data) + b"\n")
    lib.calls.clear()
    assert inst.read_binary_values(datatype="B", container=bytes) == data
    assert _termchar_sets(lib) == []
    assert lib.count("get_attribute") == 0
    assert lib.count("read") + lib.count("read_into") == 2


def test_long_rest_suspends_termchar_once(any_lib: Any) -> None:
    inst, lib = any_lib
    inst.read_termination = "\n"
    data = b"\n" + bytes(range(256)) * 8  # the first read stops at the start of the data
    lib.feed(inst.session, ieee_block(data) + b"\n")
    lib.calls.clear()
    assert inst.read_binary_values(datatype="B", container=bytes) == data
    assert _termchar_sets(lib) == [constants.VI_FALSE, constants.VI_TRUE]
    assert lib.count("read") + lib.count("read_into") == 2
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_TRUE


def test_repeated_stops_end_in_suspension(scripted: Any) -> None:
    inst, lib = scripted
    inst.read_termination = "\n"
    # Each read stops at a \n but the rest never exceeds what the last read gave.
    data = b"a" * 40 + b"\n" + b"b" * 20 + b"\n" + b"c" * 10 + b"\n" + b"d" * 5 + b"\n" + b"e"
    lib.feed(inst.session, ieee_block(data) + b"\n")
    lib.calls.clear()
    assert inst.read_binary_values(datatype="B", container=bytes) == data
    assert _termchar_sets(lib) == [constants.VI_FALSE, constants.VI_TRUE]
    assert lib.count("read") == 4  # header chunk, two tolerated stops, then the rest


def test_termchar_disabled_by_user_is_left_alone(scripted: Any) -> None:
    inst, lib = scripted
    inst.read_termination = "\n"
    inst.set_visa_attribute(ResourceAttribute.termchar_enabled, constants.VI_FALSE)
    data = b"\n" * 300
    lib.feed(inst.session, ieee_block(data) + b"\n")
    lib.calls.clear()
    assert inst.read_binary_values(datatype="B", container=bytes) == data
    assert _termchar_sets(lib) == []
    assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled) == constants.VI_FALSE


def test_termchar_state_queried_once_when_unknown(scripted: Any) -> None:
    inst, lib = scripted
    lib.sessions[inst.session].attributes[constants.VI_ATTR_TERMCHAR_EN] = constants.VI_TRUE
    for _ in range(2):
        lib.feed(inst.session, ieee_block(b"\n" + b"x" * 500))
        assert inst.read_binary_values(datatype="B", container=bytes, expect_termination=False)
    gets = [call for call in lib.calls if call[0] == "get_attribute"]
    assert len(gets) == 1 and gets[0][2] == ResourceAttribute.termchar_enabled
    assert _termchar_sets(lib) == [constants.VI_FALSE, constants.VI_TRUE] * 2


def test_termchar_cache_forgotten_when_reopened(scripted: Any) -> None:
    inst, lib = scripted
    inst.read_termination = ""
    inst.close()
    inst.open()
    # A library whose sessions start with the termination character on.
    lib.sessions[inst.session].attributes[constants.VI_ATTR_TERMCHAR_EN] = constants.VI_TRUE
    lib.feed(inst.session, ieee_block(b"\n" * 100))
    lib.calls.clear()
    assert inst.read_binary_values(datatype="B", container=bytes, expect_termination=False)
    assert lib.count("get_attribute") == 1
    assert _termchar_sets(lib) == [constants.VI_FALSE, constants.VI_TRUE]
