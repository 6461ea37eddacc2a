"""Tests of the ASCII and binary block helpers of pyvisa.util."""

from __future__ import annotations

import math
import struct
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import _binary_blocks, util
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE, cpu_time_below

np = pytest.importorskip("numpy")

DATATYPES = ("s", "c", "?", "b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "e", "f", "d")
HEADERS = ("ieee", "hp", "empty")
CONTAINERS = (list, tuple, np.array)


def _int_range(code: str) -> st.SearchStrategy[int]:
    bits = 8 * struct.calcsize("<" + code)
    if code.isupper():
        return st.integers(0, 2**bits - 1)
    return st.integers(-(2 ** (bits - 1)), 2 ** (bits - 1) - 1)


def values_for(datatype: str) -> st.SearchStrategy[Any]:
    """Values that survive an encoding with the given datatype unchanged."""
    if datatype == "s":
        return st.binary(max_size=64)
    element: st.SearchStrategy[Any]
    if datatype == "c":
        element = st.binary(min_size=1, max_size=1)
    elif datatype == "?":
        element = st.booleans()
    elif datatype in "ef":
        element = st.floats(width=16 if datatype == "e" else 32, allow_nan=False)
    elif datatype == "d":
        element = st.floats(allow_nan=False)
    else:
        element = _int_range(datatype)
    return st.lists(element, max_size=40)


def encode(values: Any, header: str, datatype: str, big: bool) -> bytes:
    if header == "ieee":
        return util.to_ieee_block(values, datatype, big)
    if header == "hp":
        return util.to_hp_block(values, datatype, big)
    return util.to_binary_block(values, b"", datatype, big)


def decode(block: bytes, header: str, datatype: str, big: bool, container: Any) -> Any:
    if header == "ieee":
        return util.from_ieee_block(block, datatype, big, container)
    if header == "hp":
        return util.from_hp_block(block, datatype, big, container)
    return util.from_binary_block(block, 0, None, datatype, big, container)


def assert_decoded(result: Any, values: Any, datatype: str, container: Any) -> None:
    if container is np.array:
        assert isinstance(result, np.ndarray)
        if datatype in "spc":
            expected = values if datatype in "sp" else b"".join(values)
            assert result.tobytes() == expected
        else:
            assert result.tolist() == list(values)
        return
    if datatype in "sp":
        assert list(result) == list(values)
    else:
        assert result == container(values)
    assert type(result) is container


# --- binary round trips ------------------------------------------------------------------


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("datatype", DATATYPES)
@settings(LOADED_MACHINE, max_examples=15)
@given(data=st.data(), big=st.booleans(), container=st.sampled_from(CONTAINERS))
def test_binary_round_trip(
    header: str, datatype: str, data: Any, big: bool, container: Any
) -> None:
    values = data.draw(values_for(datatype))
    block = encode(values, header, datatype, big)
    assert isinstance(block, bytes)
    assert_decoded(decode(block, header, datatype, big, container), values, datatype, container)
    # A trailing termination after a definite-length block is not data.
    if header != "empty":
        assert_decoded(
            decode(block + b"\n", header, datatype, big, container), values, datatype, container
        )


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize("datatype", DATATYPES)
@settings(LOADED_MACHINE, max_examples=10)
@given(
    data=st.data(),
    big=st.booleans(),
    prefix=st.binary(max_size=12),
    suffix=st.binary(max_size=3),
    as_numpy=st.booleans(),
)
def test_build_binary_message_is_prefix_block_suffix(
    header: Any,
    datatype: Any,
    data: Any,
    big: bool,
    prefix: bytes,
    suffix: bytes,
    as_numpy: bool,
) -> None:
    values = data.draw(values_for(datatype))
    if as_numpy and datatype not in "spc?e":
        values = np.array(values, dtype=_binary_blocks._NUMPY_DTYPES[datatype])
    message = _binary_blocks.build_binary_message(prefix, values, datatype, big, header, suffix)
    assert type(message) is bytes
    assert message == prefix + encode(values, header, datatype, big) + suffix


def test_build_binary_message_errors() -> None:
    with pytest.raises(ValueError, match="header_fmt"):
        _binary_blocks.build_binary_message(b"", [1], "f", False, "xml", b"")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="datatype 'b'"):
        _binary_blocks.build_binary_message(b"W", [300], "b", False, "ieee", b"\n")
    with pytest.raises(OverflowError, match="65535"):
        _binary_blocks.build_binary_message(b"", b"x" * 70_000, "s", False, "hp", b"")
    message = _binary_blocks.build_binary_message(b"W ", [1, 2], "h", False, "rs", b"\n")
    assert message == b"W " + util.to_rs_block([1, 2], "h") + b"\n"


def test_build_binary_message_numpy_copies_once() -> None:
    import tracemalloc

    values = np.arange(2_000_000, dtype="<f8")  # 16 MB, already in the block's layout
    tracemalloc.start()
    try:
        message = _binary_blocks.build_binary_message(b"D ", values, "d", False, "ieee", b"\n")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(message) == 2 + 10 + values.nbytes + 1
    assert peak < 1.05 * values.nbytes


@pytest.mark.parametrize("datatype", [d for d in DATATYPES if d not in "sp"])
@settings(LOADED_MACHINE, max_examples=15)
@given(data=st.data(), big=st.booleans())
def test_numpy_input_encodes_like_a_list(datatype: str, data: Any, big: bool) -> None:
    values = data.draw(values_for(datatype))
    dtype = {"c": "S1", "?": "?", "e": "f2", "f": "f4", "d": "f8"}.get(datatype)
    if dtype is None:
        dtype = ("u" if datatype.isupper() else "i") + str(struct.calcsize("<" + datatype))
    array = np.array(values, dtype=dtype)
    assert util.to_ieee_block(array, datatype, big) == util.to_ieee_block(values, datatype, big)


def test_ieee_block_layout() -> None:
    assert util.to_ieee_block([1, 2], "h", True) == b"#14\x00\x01\x00\x02"
    assert util.to_ieee_block([], "f") == b"#10"
    assert util.to_ieee_block(list(range(5)), "B") == b"#15\x00\x01\x02\x03\x04"
    assert util.to_ieee_block(list(range(10)), "B")[:4] == b"#210"


def test_hp_block_layout_and_limit() -> None:
    assert util.to_hp_block([1], "h", False) == b"#A\x02\x00\x01\x00"
    assert util.to_hp_block([1], "h", True) == b"#A\x00\x02\x00\x01"
    with pytest.raises(OverflowError, match="65535"):
        util.to_hp_block(bytes(65536), "s")


def test_to_binary_block_accepts_str_header_and_generators() -> None:
    assert util.to_binary_block((x for x in (1, 2)), "HDR", "B", False) == b"HDR\x01\x02"


def test_encoding_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="'b'"):
        util.to_ieee_block([1000], "b")
    with pytest.raises(ValueError, match="'h'"):
        util.to_ieee_block(["a"], "h")
    with pytest.raises(ValueError, match="Unsupported datatype"):
        util.to_ieee_block([1], "z")  # type: ignore[arg-type]


def test_s_and_p_datatypes() -> None:
    assert util.to_ieee_block(b"abc", "s") == b"#13abc"
    assert util.to_ieee_block([97, 98], "s") == b"#12ab"
    assert util.from_ieee_block(b"#13abc", "s", container=bytes) == b"abc"
    assert util.from_ieee_block(b"#13abc", "s") == [97, 98, 99]
    # "p" follows the struct module: a length byte, then the characters that fit
    assert util.to_ieee_block(b"abc", "p") == b"#13\x02ab"
    assert util.from_ieee_block(b"#14\x03abc", "p", container=bytes) == b"abc"
    assert util.from_ieee_block(b"#14\x02abc", "p", container=bytes) == b"ab"
    assert util.from_ieee_block(b"#14\x09abc", "p", container=bytes) == b"abc"


def test_nan_survives() -> None:
    block = util.to_ieee_block([math.nan, math.inf], "d")
    decoded = util.from_ieee_block(block, "d")
    assert math.isnan(decoded[0]) and decoded[1] == math.inf


def test_little_endian_is_the_default() -> None:
    assert util.from_binary_block(b"\x01\x00", datatype="h") == [1]
    assert util.from_binary_block(b"\x01\x00", datatype="h", is_big_endian=True) == [256]


def test_long_uses_standard_size() -> None:
    # 'l' is 4 bytes in blocks even where a C long has 8.
    assert util.to_ieee_block([1], "l") == b"#14\x01\x00\x00\x00"
    assert util.from_ieee_block(b"#18\x01\x00\x00\x00\x02\x00\x00\x00", "l") == [1, 2]
    array = util.from_ieee_block(b"#18\x01\x00\x00\x00\x02\x00\x00\x00", "l", container=np.array)
    assert array.tolist() == [1, 2]


def test_memoryview_and_bytearray_blocks() -> None:
    data = bytearray(b"xx" + struct.pack("<3f", 1, 2, 3))
    assert util.from_binary_block(data, 2) == [1.0, 2.0, 3.0]
    assert util.from_binary_block(memoryview(data), 2, 8) == [1.0, 2.0]
    assert util.from_binary_block(memoryview(data).cast("H"), 2, 8) == [1.0, 2.0]


def test_numpy_container_is_zero_copy() -> None:
    block = util.to_ieee_block(np.arange(10, dtype="<f4"), "f")
    array = util.from_ieee_block(block, "f", container=np.ndarray)
    assert not array.flags.owndata
    assert array.tolist() == list(range(10))


def test_inferred_length_ignores_a_trailing_partial_element() -> None:
    block = b"#0" + struct.pack("<2f", 1.0, 2.0) + b"\n"
    assert util.from_ieee_block(block, "f") == [1.0, 2.0]
    assert util.from_binary_block(struct.pack(">2h", 1, 2) + b"\n", 0, None, "h", True) == [1, 2]


def test_large_block_numpy_64MiB() -> None:
    count = 16 * 1024 * 1024
    source = np.arange(count, dtype="<f4")
    with cpu_time_below(5):
        block = util.to_ieee_block(source, "f")
        array = util.from_ieee_block(block, "f", container=np.array)
    assert block[:10] == b"#867108864"
    assert array.shape == (count,) and array[-1] == count - 1
    assert not array.flags.owndata


def test_headers_of_a_memoryview_are_found_without_copying_it() -> None:
    import tracemalloc

    data = bytearray(64 * 1024 * 1024)
    data[10:16] = b"#15abc"
    tail = bytearray(10_000)
    tail[-7:] = b"#A\x02\x00xy\n"
    tracemalloc.start()
    try:
        assert util.parse_ieee_block_header(memoryview(data)) == (13, 5)
        assert util.from_ieee_block(memoryview(data), "B", container=np.array).nbytes == 5
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024
    # a header beyond the first bytes is still found (with a warning: it is late)
    with pytest.warns(UserWarning, match="found at 9993"):
        assert util.parse_hp_block_header(memoryview(tail), False) == (9997, 2)


def test_large_block_list_8MiB() -> None:
    payload = bytes(range(256)) * (32 * 1024)
    block = b"#7" + str(len(payload)).encode() + payload
    values = util.from_ieee_block(block, "B")
    assert len(values) == len(payload) and values[:3] == [0, 1, 2]
    values = util.from_ieee_block(block, "H", is_big_endian=True)
    assert len(values) == len(payload) // 2 and values[0] == 1


# --- header parsing ----------------------------------------------------------------------


def test_parse_ieee_block_header() -> None:
    assert util.parse_ieee_block_header(b"#3100" + bytes(100)) == (5, 100)
    assert util.parse_ieee_block_header(b"abc#15hello") == (6, 5)
    assert util.parse_ieee_block_header(b"#0data") == (2, -1)
    # The length is a Python int, whatever its size.
    assert util.parse_ieee_block_header(b"#9999999999") == (11, 999_999_999)


def test_parse_hp_block_header() -> None:
    assert util.parse_hp_block_header(b"#A\x04\x00abcd", False) == (4, 4)
    assert util.parse_hp_block_header(b"#A\x04\x00abcd", True) == (4, 1024)
    assert util.parse_hp_block_header(b"xy#A\xff\xff", True) == (6, 65535)


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (b"no header", "hash sign"),
        (b"", "hash sign"),
        (b"#5123", "announces 5 decimal length digits"),
        (b"#3 12abc", "announces 3 decimal length digits"),
        (b"#2+1abc", "announces 2 decimal length digits"),
        (b"#2a1", "announces 2 decimal length digits"),
    ],
)
def test_malformed_ieee_headers(block: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        util.parse_ieee_block_header(block)
    with pytest.raises(ValueError, match=message):
        util.from_ieee_block(block)


@pytest.mark.parametrize("block", [b"#", b"#x123", b"#0"])
def test_indefinite_ieee_headers(block: bytes) -> None:
    assert util.parse_ieee_block_header(block) == (2, -1)


@pytest.mark.parametrize(
    ("block", "message"),
    [(b"", "#A"), (b"#B12", "#A"), (b"#A", "truncated"), (b"#A\x01", "truncated")],
)
def test_malformed_hp_headers(block: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        util.parse_hp_block_header(block, False)
    with pytest.raises(ValueError, match=message):
        util.from_hp_block(block)


def test_late_block_warns_or_raises() -> None:
    block = b"x" * 30 + b"#11a"
    with pytest.warns(UserWarning, match="found at 30"):
        assert util.parse_ieee_block_header(block) == (33, 1)
    with pytest.raises(RuntimeError, match="found at 30"):
        util.parse_ieee_block_header(block, raise_on_late_block=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert util.parse_ieee_block_header(block, length_before_block=30) == (33, 1)
    with pytest.raises(RuntimeError):
        util.parse_hp_block_header(b"x" * 5 + b"#A\x00\x00", False, 4, True)


def test_wrong_types_are_reported_clearly() -> None:
    with pytest.raises(TypeError, match="must be bytes, bytearray or memoryview, not str"):
        util.from_ieee_block("#15abc")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not str"):
        util.parse_hp_block_header("#A\x00\x00", False)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes-like"):
        util.to_binary_block([1], 5, "b", False)  # type: ignore[arg-type]
    assert util.to_binary_block([1], bytearray(b"#"), "b", False) == b"#\x01"
    with pytest.raises(TypeError, match="'float' object cannot be interpreted as an integer"):
        util.from_binary_block(b"abcd", 1.5)  # type: ignore[arg-type]
    assert util.from_binary_block(b"abcd", np.int64(2), np.int64(2), "B") == [99, 100]


def test_lying_length_reports_expected_and_received() -> None:
    with pytest.raises(ValueError, match="states 100 data bytes, but 9 were received"):
        util.from_ieee_block(b"#3100" + bytes(9))
    with pytest.raises(ValueError, match="states 8 data bytes, but 2 were received"):
        util.from_hp_block(b"#A\x08\x00ab")


def test_huge_declared_sizes_fail_fast() -> None:
    with cpu_time_below(1):
        with pytest.raises(ValueError, match="states 999999999 data bytes, but 3 were received"):
            util.from_ieee_block(b"#9999999999abc")
        with pytest.raises(ValueError, match="buffer is smaller than requested size"):
            util.from_binary_block(b"abc", 0, 2**40, "B", container=np.array)
        with pytest.raises(ValueError, match="buffer is smaller than requested size"):
            util.from_binary_block(b"abc", 0, 2**70, "B", container=np.array)
        with pytest.raises(ValueError, match="malformed"):
            util.from_binary_block(b"abc", 0, 2**40, "B")
        with pytest.raises(ValueError, match="malformed"):
            util.from_binary_block(b"abc", 2**63, None)


def test_partial_elements_are_ignored() -> None:
    assert util.from_binary_block(bytes(10), 0, 10, "f") == [0.0, 0.0]
    assert util.from_binary_block(bytes(10), 0, 10, "f", container=np.array).tolist() == [0, 0]


def test_bad_offsets_and_lengths() -> None:
    with pytest.raises(ValueError, match="malformed"):
        util.from_binary_block(b"abc", 5)
    with pytest.raises(ValueError, match="malformed"):
        util.from_binary_block(b"abc", -1, None, "f")
    with pytest.raises(ValueError, match="malformed"):
        util.from_binary_block(b"abc", 0, -2)
    assert util.from_binary_block(b"abc", 1, -1, "B") == [98, 99]
    with pytest.raises(ValueError, match="Unsupported datatype"):
        util.from_binary_block(b"abc", 0, None, "x")  # type: ignore[arg-type]


EXPECTED_ERRORS = (ValueError, RuntimeError)


@settings(LOADED_MACHINE, max_examples=300)
@given(
    block=st.one_of(
        st.binary(max_size=40),
        st.builds(
            lambda t, b: t + b,
            st.sampled_from([b"#", b"#A", b"#0", b"#9", b"#3"]),
            st.binary(max_size=20),
        ),
    ),
    datatype=st.sampled_from(DATATYPES),
    big=st.booleans(),
    container=st.sampled_from(CONTAINERS),
)
def test_random_blocks_raise_only_documented_errors(
    block: bytes, datatype: str, big: bool, container: Any
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for decode_block in (util.from_ieee_block, util.from_hp_block):
            try:
                decode_block(block, datatype, big, container)  # type: ignore[operator]
            except EXPECTED_ERRORS:
                pass


@settings(LOADED_MACHINE, max_examples=300)
@given(
    block=st.binary(max_size=40),
    offset=st.integers(-5, 50),
    data_length=st.one_of(st.none(), st.integers(-3, 2**70)),
    datatype=st.sampled_from(DATATYPES),
    container=st.sampled_from(CONTAINERS),
)
def test_random_locations_raise_only_documented_errors(
    block: bytes, offset: int, data_length: int | None, datatype: str, container: Any
) -> None:
    try:
        result = util.from_binary_block(block, offset, data_length, datatype, False, container)
    except EXPECTED_ERRORS:
        return
    assert len(result) <= len(block)


# --- message_size ------------------------------------------------------------------------


def test_message_size() -> None:
    assert util.message_size(100, "f", "ieee") == 406
    assert util.message_size(3, "d", header_format="hp") == 24 + 4 + 1
    with pytest.raises(ValueError, match="Unsupported datatype"):
        util.message_size(3, "z")  # type: ignore[arg-type]


# --- ASCII -------------------------------------------------------------------------------


def test_from_ascii_block_basics() -> None:
    assert util.from_ascii_block("1,2.5,-3e2") == [1.0, 2.5, -300.0]
    assert util.from_ascii_block("1,2,3\n", "d", container=tuple) == (1, 2, 3)
    assert util.from_ascii_block("1.0E+3,2", "d") == [1000, 2]
    assert util.from_ascii_block("ff,10", "x") == [255, 16]
    assert util.from_ascii_block("FF;10", "X", ";") == [255, 16]
    assert util.from_ascii_block("17", "o") == [15]
    assert util.from_ascii_block("101,-11", "b") == [5, -3]
    assert util.from_ascii_block("A,B", "c") == [65, 66]
    assert util.from_ascii_block("a$b", "s", "$") == ["a", "b"]
    assert util.from_ascii_block("1 2  3", separator=str.split) == [1.0, 2.0, 3.0]
    assert util.from_ascii_block("1,2", lambda s: int(s) * 2) == [2, 4]


def test_from_ascii_block_empty_and_trailing_separator() -> None:
    assert util.from_ascii_block("") == []
    assert util.from_ascii_block(" \n") == []
    assert util.from_ascii_block("1,2,") == [1.0, 2.0]
    assert util.from_ascii_block("1,2,\n", "d") == [1, 2]
    assert util.from_ascii_block("a,", "s") == ["a", ""]
    assert util.from_ascii_block("", container=np.array).tolist() == []


def test_from_ascii_block_errors() -> None:
    with pytest.raises(ValueError, match=r"item 1 \('x'\)"):
        util.from_ascii_block("1,x,3")
    with pytest.raises(ValueError, match="item 1"):
        util.from_ascii_block("1,x,3", container=np.array)
    with pytest.raises(ValueError, match="Invalid code for converter"):
        util.from_ascii_block("1", "z")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="single character"):
        util.from_ascii_block("AB", "c")
    with pytest.raises(ValueError, match="'1.5' is not an integer"):
        util.from_ascii_block("1,1.5", "d")
    with pytest.raises(ValueError, match="'inf' is not an integer"):
        util.from_ascii_block("inf", "d")


def test_from_ascii_block_numpy_paths() -> None:
    floats = util.from_ascii_block("1,2.5,3", container=np.array)
    assert isinstance(floats, np.ndarray) and floats.dtype == np.float64
    assert floats.tolist() == [1.0, 2.5, 3.0]
    ints = util.from_ascii_block("1,2,3", "d", container=np.ndarray)
    assert ints.dtype.kind == "i" and ints.tolist() == [1, 2, 3]
    with pytest.raises(ValueError, match=r"item 0 \('1.5'\).*not an integer"):
        util.from_ascii_block("1.5,2", "d", container=np.array)
    hexa = util.from_ascii_block("ff,10", "x", container=np.array)
    assert isinstance(hexa, np.ndarray) and hexa.tolist() == [255, 16]
    # the values, not an array of that shape
    for code, converter in (("x", "x"), ("d", "d"), ("callable", lambda text: int(text) * 2)):
        array = util.from_ascii_block("3,12", converter, container=np.ndarray)  # type: ignore[arg-type]
        assert isinstance(array, np.ndarray) and array.shape == (2,), code


def test_to_ascii_block() -> None:
    assert util.to_ascii_block([1, 2.5]) == "1.000000,2.500000"
    assert util.to_ascii_block([255, 16], "x", ";") == "ff;10"
    assert util.to_ascii_block([5], "b") == "101"
    assert util.to_ascii_block([1.23456], ".2e") == "1.23e+00"
    assert util.to_ascii_block([1, 2], str, "$") == "1$2"
    assert util.to_ascii_block([1, 2], "d", lambda items: "|".join(items) + "|") == "1|2|"
    assert util.to_ascii_block(iter([1, 2]), "d") == "1,2"
    # a tuple is one value, not the arguments of the format
    assert util.to_ascii_block([(1, 2), 3], "s", ";") == "(1, 2);3"
    with pytest.raises(ValueError, match="'d'"):
        util.to_ascii_block(["a"], "d")


finite = st.floats(allow_nan=False, allow_infinity=False)


@settings(LOADED_MACHINE, max_examples=100)
@given(values=st.lists(finite, max_size=30), sep=st.sampled_from([",", ";", "$", " , "]))
def test_ascii_float_round_trip(values: list[float], sep: str) -> None:
    text = util.to_ascii_block(values, repr, sep)
    assert util.from_ascii_block(text, "f", sep) == values
    assert util.from_ascii_block(text, "e", sep, tuple) == tuple(values)
    array = util.from_ascii_block(text, "g", sep, np.array)
    assert array.tolist() == values


@settings(LOADED_MACHINE, max_examples=100)
@given(values=st.lists(st.integers(-(2**62), 2**62), max_size=30), code=st.sampled_from("dxXob"))
def test_ascii_int_round_trip(values: list[int], code: str) -> None:
    text = util.to_ascii_block(values, code)
    assert util.from_ascii_block(text, code) == values
    assert util.from_ascii_block(text, code, container=np.array).tolist() == values


@settings(LOADED_MACHINE, max_examples=50)
@given(values=st.lists(st.characters(blacklist_characters=","), max_size=30))
def test_ascii_char_round_trip(values: list[str]) -> None:
    codes = [ord(value) for value in values]
    assert util.from_ascii_block(util.to_ascii_block(codes, "c"), "c") == codes


@settings(LOADED_MACHINE, max_examples=50)
@given(
    values=st.lists(
        st.text(alphabet=st.characters(blacklist_characters=",")), min_size=1, max_size=10
    )
)
def test_ascii_str_round_trip(values: list[str]) -> None:
    if values == [""]:
        return
    assert util.from_ascii_block(util.to_ascii_block(values, "s"), "s") == values


@settings(LOADED_MACHINE, max_examples=200)
@given(
    text=st.text(max_size=40),
    code=st.sampled_from("sbcdoxXeEfFgG"),
    container=st.sampled_from((*CONTAINERS, np.ndarray)),
)
def test_random_ascii_raises_only_value_errors(text: str, code: str, container: Any) -> None:
    try:
        result = util.from_ascii_block(text, code, ",", container)  # type: ignore[arg-type]
    except ValueError:
        return
    # one value per item (a trailing empty item may be dropped)
    assert len(result) in (text.count(",") + 1, text.count(","))


def test_public_names() -> None:
    for name in (
        "ASCII_CONVERTER",
        "BINARY_DATATYPES",
        "BINARY_HEADERS",
        "from_ascii_block",
        "to_ascii_block",
        "from_binary_block",
        "to_binary_block",
        "from_ieee_block",
        "to_ieee_block",
        "from_hp_block",
        "to_hp_block",
        "parse_ieee_block_header",
        "parse_hp_block_header",
        "message_size",
    ):
        assert name in util.__all__ and hasattr(util, name)
    from typing import get_args

    assert set(get_args(util.BINARY_HEADERS)) == {"ieee", "hp", "rs", "empty"}
    assert set("sbBhHiIlLqQfd") <= set(get_args(util.BINARY_DATATYPES))
    assert set("sbcdoxXeEfFgG") == set(get_args(util.ASCII_CONVERTER))


def test_unhashable_callable_converter() -> None:
    class Doubler:
        __hash__ = None  # type: ignore[assignment]

        def __eq__(self, other: object) -> bool:
            return False

        def __call__(self, text: str) -> float:
            return 2 * float(text)

    assert util.from_ascii_block("1,2", Doubler()) == [2.0, 4.0]  # type: ignore[arg-type]


def test_late_block_message_is_bounded() -> None:
    with pytest.warns(UserWarning) as records:
        util.parse_ieee_block_header(b"x" * 100_000 + b"#11a")
    assert len(str(records[0].message)) < 500
