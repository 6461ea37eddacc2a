"""Binary blocks as PyVISA 1.16.2 has them (facts BL-1 ... BL-9 and the 1.12-1.16 changelog)."""

from __future__ import annotations

import inspect
import re
import struct
import subprocess
import sys
import warnings
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import util
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE, cpu_time_below

np = pytest.importorskip("numpy")

NUMERIC = "bBhHiIlLqQfd"


def _values(datatype: str) -> st.SearchStrategy[list[Any]]:
    if datatype in "fd":
        element: st.SearchStrategy[Any] = st.floats(
            width=32 if datatype == "f" else 64, allow_nan=False
        )
    else:
        bits = 8 * struct.calcsize("<" + datatype)
        low, high = (
            (0, 2**bits - 1) if datatype.isupper() else (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)
        )
        element = st.integers(low, high)
    return st.lists(element, max_size=30)


# --- BL-1: Rohde & Schwarz blocks ----------------------------------------------------------


def test_rs_signatures() -> None:
    assert str(inspect.signature(util.to_rs_block)).startswith(
        "(iterable: 'Sequence[int | float]', datatype: 'BINARY_DATATYPES' = 'f', "
        "is_big_endian: 'bool' = False)"
    )
    for func in (util.from_rs_block, util.from_ieee_or_rs_block):
        params = inspect.signature(func).parameters
        assert list(params) == ["block", "datatype", "is_big_endian", "container"]
        assert params["datatype"].default == "f" and params["container"].default is list
    for func in (util.parse_rs_block_header, util.parse_ieee_or_rs_block_header):
        params = inspect.signature(func).parameters
        assert list(params) == ["block", "length_before_block", "raise_on_late_block"]
        assert params["length_before_block"].default is None
        assert params["raise_on_late_block"].default is False


def test_rs_block_layout() -> None:
    assert util.to_rs_block([1, 2], "h") == b"#(4)\x01\x00\x02\x00"
    assert util.to_rs_block([1, 2], "h", True) == b"#(4)\x00\x01\x00\x02"
    assert util.to_rs_block([], "f") == b"#(0)"
    assert util.to_rs_block(b"abc", "s") == b"#(3)abc"
    assert util.to_rs_block(bytearray(b"\xff\x01"), "b") == b"#(2)\xff\x01"
    assert util.parse_rs_block_header(b"xy#(12)") == (7, 12)
    assert util.from_rs_block(b"#(4)\x01\x00\x02\x00\n", "h") == [1, 2]


def test_ieee_or_rs_dispatch() -> None:
    assert util.parse_ieee_or_rs_block_header(b"#(10)") == (5, 10)
    assert util.parse_ieee_or_rs_block_header(b"#210") == (4, 10)
    assert util.parse_ieee_or_rs_block_header(b"#0abc") == (2, -1)
    assert util.from_ieee_or_rs_block(b"#(2)\x01\x02", "B") == [1, 2]
    assert util.from_ieee_or_rs_block(b"#12\x01\x02", "B") == [1, 2]
    # "#0": everything after the header is data
    assert util.from_ieee_or_rs_block(b"#0\x01\x02\x03", "B") == [1, 2, 3]


def test_binary_headers_literal() -> None:
    assert get_args(util.BINARY_HEADERS) == ("ieee", "hp", "rs", "empty")
    assert get_args(util.BINARY_DATATYPES) == tuple("sbBhHiIlLqQfd")


@pytest.mark.parametrize("datatype", NUMERIC)
@settings(LOADED_MACHINE, max_examples=10)
@given(data=st.data(), big=st.booleans())
def test_rs_round_trip(datatype: str, data: Any, big: bool) -> None:
    values = data.draw(_values(datatype))
    block = util.to_rs_block(values, datatype, big)
    assert block.startswith(b"#(%d)" % (len(values) * struct.calcsize("<" + datatype)))
    assert util.from_rs_block(block, datatype, big) == values
    assert util.from_ieee_or_rs_block(block + b"\n", datatype, big) == values
    assert util.from_ieee_or_rs_block(block, datatype, big, np.array).tolist() == values


# --- BL-2 / BL-4: missing markers ----------------------------------------------------------


def test_rs_header_errors() -> None:
    with pytest.raises(ValueError) as info:
        util.parse_rs_block_header(b"#3abc")
    assert str(info.value) == (
        'Could not find the standard block header ("#(") indicating the start of the block. '
        "The block begins with b'#3abc'"
    )
    with pytest.raises(RuntimeError) as rt:
        util.parse_rs_block_header(b"#(123")
    assert str(rt.value) == (
        "Block length is indicated using parentheses syntax, but no closing parenthesis was found."
    )
    assert util.parse_rs_block_header(b"#(" + b"1" * 18 + b")")[1] == 10**18 // 9
    with pytest.raises(RuntimeError) as rt:
        util.parse_rs_block_header(b"#(" + b"1" * 19 + b")")
    assert str(rt.value) == (
        "Unexpectedly large block length indicated using parentheses syntax. "
        "Indicated length was 19 digits long."
    )
    with pytest.raises(ValueError) as info:
        util.parse_ieee_or_rs_block_header(b"no hash sign here at all, really")
    assert str(info.value) == (
        'Could not find hash sign ("#") indicating the start of the block. '
        "The first 25 characters of the block: b'no hash sign here at all,'"
    )


def test_rs_late_block() -> None:
    block = b"x" * 30 + b"#(1)a"
    with pytest.warns(UserWarning, match="found at 30 which is an unexpectedly large value"):
        assert util.parse_rs_block_header(block) == (34, 1)
    with pytest.raises(RuntimeError, match="found at 30"):
        util.parse_rs_block_header(block, raise_on_late_block=True)
    with pytest.raises(RuntimeError, match="found at 30"):
        util.parse_ieee_or_rs_block_header(block, raise_on_late_block=True)


def test_missing_markers_name_the_marker() -> None:
    with pytest.raises(ValueError) as info:
        util.parse_ieee_block_header(b"abc")
    assert str(info.value) == (
        'Could not find hash sign ("#") indicating the start of the block. '
        "The block begins with b'abc'"
    )
    with pytest.raises(ValueError) as info:
        util.from_hp_block(b"#3abc")
    assert str(info.value) == (
        'Could not find the standard block header ("#A") indicating the start of the block. '
        "The block begins with b'#3abc'"
    )


# --- BL-3: numpy conversion with astype (unsafe casting) -----------------------------------


@pytest.mark.parametrize("encode", [util.to_ieee_block, util.to_hp_block, util.to_rs_block])
def test_numpy_arrays_are_cast_unsafely(encode: Any) -> None:
    array = np.array([1, 256 + 2, -1], dtype=np.int64)
    block = encode(array, "B")
    assert block.endswith(b"\x01\x02\xff")
    assert encode(np.array([1.7, 2.2]), "I").endswith(struct.pack("<2I", 1, 2))
    assert util.to_binary_block(array, b"", "H", True) == array.astype(">u2").tobytes()


# --- BL-5: IEEE header digits are hexadecimal ----------------------------------------------


def test_ieee_header_signature_and_defaults() -> None:
    assert util.DEFAULT_LENGTH_BEFORE_BLOCK == 25
    params = inspect.signature(util.parse_hp_block_header).parameters
    assert list(params) == ["block", "is_big_endian", "length_before_block", "raise_on_late_block"]


def test_ieee_header_digit_count_is_hexadecimal() -> None:
    block = b"#B" + b"12345678901" + b"xyz"
    assert util.parse_ieee_block_header(block + bytes(2**16)) == (13, 12345678901)
    assert util.parse_ieee_block_header(b"#f" + b"1" * 15) == (17, int("1" * 15))
    # a non hexadecimal byte after "#": indefinite block
    assert util.parse_ieee_block_header(b"#x123") == (2, -1)
    assert util.parse_ieee_block_header(b"ab#") == (4, -1)


def test_hp_block_read_as_ieee_advises_hp() -> None:
    with pytest.raises(ValueError, match='header_fmt = "hp"'):
        util.parse_ieee_block_header(b"#A\x04\x00abcd")
    # long enough for a real 10-digit length: parsed
    long_block = b"#A" + b"0000000004" + bytes(2**16)
    assert util.parse_ieee_block_header(long_block) == (12, 4)


def test_late_ieee_block_warns_at_index_above_limit() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert util.parse_ieee_block_header(b"x" * 25 + b"#11a") == (28, 1)
    with pytest.warns(UserWarning) as records:
        util.parse_ieee_block_header(b"x" * 26 + b"#11a")
    assert str(records[0].message).startswith(
        "The beginning of the block has been found at 26 which is an unexpectedly large value."
    )
    with pytest.raises(RuntimeError, match="found at 3 "):
        util.parse_hp_block_header(b"xyz#A\x00\x00", False, 2, True)


# --- BL-6: incomplete blocks -------------------------------------------------------------


@pytest.mark.parametrize(
    ("decode", "block", "declared", "received"),
    [
        (util.from_ieee_block, b"#3100" + bytes(9), 100, 9),
        (util.from_hp_block, b"#A\x08\x00ab", 8, 2),
        (util.from_rs_block, b"#(10)abc", 10, 3),
        (util.from_ieee_or_rs_block, b"#(10)abc", 10, 3),
        (util.from_ieee_or_rs_block, b"#210abcd", 10, 4),
    ],
)
def test_incomplete_blocks(decode: Any, block: bytes, declared: int, received: int) -> None:
    with pytest.raises(ValueError) as info:
        decode(block)
    assert str(info.value) == (
        f"Binary data is incomplete. The header states {declared} data bytes, "
        f"but {received} were received."
    )


# --- BL-7: encoders check the length before packing ----------------------------------------


def test_ieee_overflow_is_immediate() -> None:
    with cpu_time_below(1):
        with pytest.raises(OverflowError):
            util.to_ieee_block(range(10**15), "B")
        with pytest.raises(OverflowError):
            util.to_ieee_block(range(2 * 10**14), "d")
        with pytest.raises(OverflowError):
            util.to_hp_block(range(2**16), "B")
        with pytest.raises(OverflowError):
            util.to_hp_block(range(2**15), "h")
    assert util.to_hp_block(bytes(2**16 - 1), "B")[:4] == b"#A\xff\xff"


def test_ieee_header_of_10_digit_lengths() -> None:
    from pyvisa import _binary_blocks

    assert _binary_blocks._ieee_header(999_999_999) == b"#9999999999"
    assert _binary_blocks._ieee_header(1_000_000_000) == b"#A1000000000"
    assert _binary_blocks._ieee_header(10**15 - 1) == b"#F" + b"9" * 15


def test_blocks_of_1GB_and_more_both_ways() -> None:
    size = 10**9 + 3  # needs a 10-digit length
    try:
        source = np.zeros(size, dtype="u1")
        source[-3:] = (7, 8, 9)
        block = util.to_ieee_block(source, "B")
    except MemoryError:
        pytest.skip("not enough memory for a 1 GB block")
    try:
        assert block[:12] == b"#A1000000003" and len(block) == size + 12
        assert util.parse_ieee_block_header(block) == (12, size)
        array = util.from_ieee_block(block, "B", container=np.array)
        assert array.shape == (size,) and array[-3:].tolist() == [7, 8, 9]
        assert not array.flags.owndata
        assert util.from_ieee_or_rs_block(block, "B", container=np.array).shape == (size,)
    finally:
        del block, source


# --- BL-8: from_binary_block lengths ---------------------------------------------------------


def test_from_binary_block_length_from_len() -> None:
    data = struct.pack("<2f", 1.0, 2.0)
    assert util.from_binary_block(data) == [1.0, 2.0]
    assert util.from_binary_block(data + b"\n") == [1.0, 2.0]  # partial element ignored
    # len() of the object itself: a memoryview of floats has 2 elements, so 2 "bytes"
    assert util.from_binary_block(memoryview(data).cast("f"), datatype="B") == [0, 0]


def test_from_binary_block_short_buffer() -> None:
    for container in (list, tuple):
        with pytest.raises(ValueError) as info:
            util.from_binary_block(b"abcd", 0, 8, "B", container=container)
        assert str(info.value) == "Binary data was malformed"
        with pytest.raises(ValueError, match="Binary data was malformed"):
            util.from_binary_block(b"abcd", 0, 8, "h", True, container)
    for container in (np.array, np.ndarray):
        with pytest.raises(ValueError, match="buffer is smaller than requested size"):
            util.from_binary_block(b"abcd", 0, 8, "B", container=container)


def test_definite_length_not_whole_elements_is_truncated() -> None:
    assert util.from_ieee_block(b"#13abc", "h") == [struct.unpack("<h", b"ab")[0]]


# --- BL-9: message_size ----------------------------------------------------------------------


def test_message_size() -> None:
    params = inspect.signature(util.message_size).parameters
    assert list(params) == ["num_points", "datatype", "header_format"]
    assert util.message_size(100) == 406
    assert util.message_size(100, "d") == 800 + 5 + 1
    assert util.message_size(0) == 0 + 3 + 1
    assert util.message_size(10, "h", "hp") == 20 + 4 + 1
    assert util.message_size(10, "B", "empty") == 11
    assert util.message_size(250_000_000) == 10**9 + 12 + 1
    for fmt in ("rs", "xml"):
        with pytest.raises(ValueError) as info:
            util.message_size(1, "f", fmt)  # type: ignore[arg-type]
        assert str(info.value) == f"Unsupported header_fmt: {fmt}"


# --- module attributes --------------------------------------------------------------------


def test_module_attributes() -> None:
    assert util.BINARY_CONTAINERS is not None
    assert util.np is np
    assert util.cleanup_timeout(None) == 0xFFFFFFFF
    assert util.cleanup_timeout(float("inf")) == 0xFFFFFFFF
    assert util.cleanup_timeout(0.5) == 0
    assert util.cleanup_timeout(-3) == 0
    assert util.cleanup_timeout(12.9) == 12
    assert util.cleanup_timeout(4294967294) == 4294967294
    for bad in (4294967295, float("nan")):
        with pytest.raises(ValueError, match="^timeout value is invalid$"):
            util.cleanup_timeout(bad)


def test_import_pyvisa_does_not_import_numpy() -> None:
    code = "import sys, pyvisa, pyvisa.util; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_blocks_only_raise_documented_errors_fuzz() -> None:
    rng = np.random.default_rng(1)
    for _ in range(300):
        block = b"#" + bytes(rng.integers(0, 256, int(rng.integers(0, 30)), dtype=np.uint8))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for decode in (util.from_ieee_or_rs_block, util.from_rs_block, util.from_ieee_block):
                try:
                    decode(block, "h")
                except (ValueError, RuntimeError):
                    pass


@settings(LOADED_MACHINE, max_examples=100)
@given(length=st.integers(0, 10**15 - 1))
def test_ieee_headers_round_trip(length: int) -> None:
    from pyvisa import _binary_blocks

    header = _binary_blocks._ieee_header(length)
    assert re.fullmatch(rb"#[1-9A-F]\d+", header)
    assert util.parse_ieee_block_header(header + bytes(2**16 + 4)) == (len(header), length)
