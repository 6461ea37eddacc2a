"""Tests of the ctypes layer of the ivi backend that need no VISA library.

C types, the C signature table (checked against the VISA header facts when the
spec tables are available), string/buffer helpers, user-handle conversion,
attribute value encoding and the handler callback wrapper.

"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import logging
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyvisa import errors
from pyvisa.constants import EventType, StatusCode
from pyvisa.ctwrapper import attribute_codec, binding, functions, handlers, signatures, types
from pyvisa.testsuite._constants_helpers import spec_file


def _spec_rows(name: str) -> list[dict[str, str]]:
    with spec_file(name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t"))


# --------------------------------------------------------------------------- types

POINTER_SIZE = ctypes.sizeof(ctypes.c_void_p)


@pytest.mark.parametrize(
    "name, size, signed",
    [
        ("ViUInt8", 1, False),
        ("ViInt8", 1, True),
        ("ViUInt16", 2, False),
        ("ViInt16", 2, True),
        ("ViUInt32", 4, False),
        ("ViInt32", 4, True),
        ("ViUInt64", 8, False),
        ("ViInt64", 8, True),
        ("ViBoolean", 2, False),
        ("ViStatus", 4, True),
        ("ViSession", 4, False),
        ("ViObject", 4, False),
        ("ViEvent", 4, False),
        ("ViFindList", 4, False),
        ("ViAttr", 4, False),
        ("ViVersion", 4, False),
        ("ViJobId", 4, False),
        ("ViAccessMode", 4, False),
        ("ViEventType", 4, False),
        ("ViEventFilter", 4, False),
        ("ViBusAddress64", 8, False),
        ("ViBusAddress", POINTER_SIZE, False),
        ("ViBusSize", POINTER_SIZE, False),
        ("ViAttrState", POINTER_SIZE, False),
        ("ViReal32", 4, True),
        ("ViReal64", 8, True),
    ],
)
def test_scalar_sizes(name: str, size: int, signed: bool) -> None:
    ctype = getattr(types, name)
    assert ctypes.sizeof(ctype) == size
    if ctype not in (types.ViReal32, types.ViReal64):
        assert (ctype(-1).value < 0) is signed


def test_platform_dependent_types_follow_pointer_size() -> None:
    assert types.is_64bit == (sys.maxsize > 2**32)
    assert types.ViAddr is ctypes.c_void_p
    assert ctypes.sizeof(types.ViPBusAddress._type_) == POINTER_SIZE
    assert types.ViPBusAddress64._type_ is types.ViUInt64


def test_every_header_type_has_a_ctypes_equivalent() -> None:
    """Presence of every type (their C shapes are compared in a test below)."""
    names = [row["type"] for row in _spec_rows("visa-types.tsv")]
    assert [name for name in names if name not in types.VISA_TYPES] == []
    assert ctypes.sizeof(types.ViVAList) == POINTER_SIZE


def test_handler_type() -> None:
    assert types.ViHndlr._restype_ is types.ViStatus
    assert types.ViHndlr._argtypes_ == (
        types.ViSession,
        types.ViEventType,
        types.ViEvent,
        types.ViAddr,
    )


@given(st.text().filter(lambda text: "\0" not in text))
def test_string_round_trip(text: str) -> None:
    encoded = types.encode_string(text)
    assert types.decode_string(encoded) == text


@given(st.binary().filter(lambda data: b"\0" not in data))
def test_arbitrary_bytes_survive_decoding(data: bytes) -> None:
    assert types.encode_string(types.decode_string(data)) == data


def test_encode_string_errors() -> None:
    with pytest.raises(ValueError, match="NUL"):
        types.encode_string("a\0b", "resource_name")
    with pytest.raises(TypeError, match="resource_name must be str or bytes"):
        types.encode_string(12, "resource_name")  # type: ignore[arg-type]


def test_non_ascii_string_buffer() -> None:
    buffer = types.string_buffer(16)
    data = "µ-Ω".encode()
    ctypes.memmove(buffer, data, len(data))
    assert types.buffer_to_text(buffer) == "µ-Ω"


def test_writable_buffer_shares_memory() -> None:
    storage = bytearray(8)
    c_buffer = types.writable_buffer(storage)
    ctypes.memmove(c_buffer, b"\x01\x00\x02", 3)
    assert storage[:3] == b"\x01\x00\x02"
    view = memoryview(storage)[4:]
    ctypes.memmove(types.writable_buffer(view), b"\xff", 1)
    assert storage[4] == 0xFF
    with pytest.raises(TypeError, match="writable"):
        types.writable_buffer(b"read only")
    with pytest.raises(TypeError, match="C-contiguous"):
        types.writable_buffer(memoryview(storage)[::2])


# --------------------------------------------------------------- signature table


def test_signature_table_mirrors_the_header() -> None:
    rows = _spec_rows("visa-functions.tsv")
    expected = [
        (r["function"], r["return_type"], r["parameters"], r["variadic"] == "yes") for r in rows
    ]
    assert [tuple(sig) for sig in signatures.SIGNATURES] == expected


def test_bound_names_are_the_header_minus_the_variadic_family() -> None:
    """Every function of visa.h is bound except the formatted I/O family.

    The variadic viPrintf/viSPrintf/viScanf/viSScanf/viQueryf and their va_list
    variants viVPrintf/viVSPrintf/viVScanf/viVSScanf/viVQueryf are deliberately not
    exposed, as in upstream PyVISA (documented in the docstring of functions.py).
    """
    assert "viVQueryf" in (functions.__doc__ or "") and "not exposed" in (functions.__doc__ or "")
    rows = _spec_rows("visa-functions.tsv")
    family = {
        r["function"] for r in rows if r["variadic"] == "yes" or "ViVAList" in r["parameters"]
    }
    assert family == {
        *("viPrintf", "viSPrintf", "viScanf", "viSScanf", "viQueryf"),
        *("viVPrintf", "viVSPrintf", "viVScanf", "viVSScanf", "viVQueryf"),
    }
    assert signatures.NOT_BOUND == family
    assert set(binding.C_FUNCTIONS) == {r["function"] for r in rows} - family


def test_argtypes_follow_the_parameter_types() -> None:
    for row in _spec_rows("visa-functions.tsv"):
        spec = binding.C_FUNCTIONS.get(row["function"])
        if spec is None:
            continue
        params = [p.strip() for p in row["parameters"].split(",")]
        assert len(spec.argtypes) == len(params), row["function"]
        for param, argtype in zip(params, spec.argtypes, strict=True):
            type_name = param.split()[0]
            if param.endswith("[]") or type_name == "void":
                assert ctypes.sizeof(argtype) == POINTER_SIZE
            else:
                assert argtype is types.VISA_TYPES[type_name], (row["function"], param)
        if row["return_type"] == "void":
            assert spec.restype is None
        else:
            assert spec.restype is types.ViStatus


_FIXED_WIDTHS = {
    "uint8_t": (1, False),
    "int8_t": (1, True),
    "uint16_t": (2, False),
    "int16_t": (2, True),
    "uint32_t": (4, False),
    "int32_t": (4, True),
    "uint64_t": (8, False),
    "int64_t": (8, True),
    "char": (1, None),
    "float": (4, None),
    "double": (8, None),
    "void": (0, None),
}


def _c_shape(resolved: str) -> tuple[int, int, bool | None]:
    """(pointer depth, width of the value, signedness) of a resolved C type of visa-types.tsv."""
    if resolved.startswith("uint64_t if") or resolved.startswith("uint64_t * if"):
        # ViBusAddress & co.: 64-bit exactly when the process is 64-bit.
        depth = resolved.count("*") // 2
        return depth, POINTER_SIZE, False
    text = resolved.replace("const ", "")
    depth = text.count("*")
    width, signed = _FIXED_WIDTHS[text.replace("*", "").strip()]
    return depth, width, signed


def _ctypes_shape(ctype: object) -> tuple[int, int, bool | None]:
    """(pointer depth, width of the pointed-to value, signedness) of a ctypes type."""
    if ctype is ctypes.c_void_p:
        return 1, 0, None
    if ctype is ctypes.c_char_p:  # ViBuf/ViString: char/byte pointers
        return 1, 1, None
    pointee = getattr(ctype, "_type_", None)
    if isinstance(pointee, type):  # ctypes.POINTER(x)
        depth, width, signed = _ctypes_shape(pointee)
        return depth + 1, width, signed
    assert isinstance(ctype, type) and issubclass(ctype, ctypes._SimpleCData), ctype
    if ctype._type_ in "fdc":
        return 0, ctypes.sizeof(ctype), None
    return 0, ctypes.sizeof(ctype), ctype(-1).value < 0


def _same_shape(
    expected: tuple[int, int, bool | None], actual: tuple[int, int, bool | None]
) -> bool:
    (depth, width, signed), (a_depth, a_width, a_signed) = expected, actual
    if depth != a_depth:
        return False
    if depth and (width == 0 or a_width == 0):  # void * is compatible with any pointer
        return True
    if width != a_width:
        return False
    # Bytes and chars: signedness does not matter for buffers.
    return depth > 0 and width == 1 or signed is None or a_signed is None or signed == a_signed


def test_every_type_has_the_c_shape_of_the_header() -> None:
    """Pointer depth, pointee width and signedness of each type, from the resolved C types."""
    for row in _spec_rows("visa-types.tsv"):
        name, resolved = row["type"], row["resolved_fixed_width"]
        if name in ("ViHndlr", "ViVAList"):
            continue
        expected, actual = _c_shape(resolved), _ctypes_shape(types.VISA_TYPES[name])
        assert _same_shape(expected, actual), (name, resolved, expected, actual)


def test_argtypes_have_the_c_shape_of_the_header() -> None:
    """Compare each bound argtype with visa.h through the resolved widths of visa-types.tsv.

    Independent of the type names used to build the argtypes: a parameter ``ViUInt16
    mode`` must be a 16-bit unsigned scalar, ``ViPUInt32 retCnt`` a pointer to a 32-bit
    unsigned, ``ViChar desc[]`` a pointer to chars, ``ViBusAddress64`` 64 bits...
    """
    resolved = {row["type"]: row["resolved_fixed_width"] for row in _spec_rows("visa-types.tsv")}
    resolved["void"] = "void *"  # "void _VI_PTR attrValue"
    checked = 0
    for row in _spec_rows("visa-functions.tsv"):
        spec = binding.C_FUNCTIONS.get(row["function"])
        if spec is None:
            continue
        params = [p.strip() for p in row["parameters"].split(",")]
        for param, argtype in zip(params, spec.argtypes, strict=True):
            type_name = param.split()[0]
            if type_name == "ViHndlr":
                assert argtype is types.ViHndlr
                continue
            c_type = resolved[type_name]
            if param.endswith("[]"):
                c_type += " *"
            expected = _c_shape(c_type)
            assert _same_shape(expected, _ctypes_shape(argtype)), (row["function"], param)
            checked += 1
        assert (spec.restype is None) == (row["return_type"] == "void"), row["function"]
    assert checked > 300


def test_64bit_offsets_of_the_extended_functions() -> None:
    assert binding.C_FUNCTIONS["viIn8Ex"].argtypes[2] is types.ViUInt64
    assert binding.C_FUNCTIONS["viMoveIn32Ex"].argtypes[2] is types.ViUInt64
    assert binding.C_FUNCTIONS["viIn8"].argtypes[2] is types.ViBusAddress
    assert binding.C_FUNCTIONS["viOpenDefaultRM"].has_session is False
    assert binding.C_FUNCTIONS["viRead"].has_session is True


class _FakeLibrary:
    def __init__(self) -> None:
        self.statuses: list[tuple[object, int]] = []

    def handle_return_value(self, session: object, status: int) -> int:
        self.statuses.append((session, status))
        return status


def test_missing_functions_raise_naming_the_function() -> None:
    libc_name = ctypes.util.find_library("c")
    if sys.platform == "win32" or libc_name is None:
        pytest.skip("needs a C library without VISA symbols")
    lib = ctypes.CDLL(libc_name)
    bound_functions = binding.bind_library(lib, _FakeLibrary(), "libc-test")  # type: ignore[arg-type]
    # Each function is bound when first looked up.
    bound = {name: getattr(bound_functions, name) for name in binding.C_FUNCTIONS}
    assert set(vars(bound_functions)) >= set(binding.C_FUNCTIONS)
    with pytest.raises(NotImplementedError, match="viMoveIn64Ex is not exported .*libc-test"):
        bound["viMoveIn64Ex"](1, 2, 3, 4, None)
    with pytest.raises(functions.MissingFunctionError) as excinfo:
        bound["viOpen"]()
    assert (excinfo.value.function_name, excinfo.value.library_path) == ("viOpen", "libc-test")
    assert bound["viOpen"].__name__ == "viOpen"


# ------------------------------------------------------------------- user handles


class _Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int)]


def test_convert_user_handle() -> None:
    convert = handlers.convert_user_handle
    assert convert(None) is None
    assert isinstance(convert(7), ctypes.c_long) and convert(7).value == 7
    big = convert(2**40)
    assert big.value == 2**40 and ctypes.sizeof(big) == 8
    assert convert(1.5).value == 1.5
    assert convert("µs").value == "µs"
    assert convert(b"ab\0c").value == b"ab"
    assert list(convert([1, 2, 3])) == [1, 2, 3]
    assert list(convert([1, 2.5])) == [1.0, 2.5]
    point = _Point(1, 2)
    assert convert(point) is point
    with pytest.raises(TypeError, match="64-bit"):
        convert(2**70)
    with pytest.raises(TypeError, match="unsupported user handle"):
        convert(object())
    with pytest.raises(TypeError, match="unsupported user handle"):
        convert(["a"])


def test_callback_passes_python_values_and_swallows_exceptions(
    caplog: pytest.LogCaptureFixture,
) -> None:
    received = []

    def handler(session, event_type, context, user_handle):
        received.append((session, event_type, context, user_handle))
        raise RuntimeError("boom")

    user = ctypes.c_long(5)
    callback = handlers._make_callback(handler, user)
    with caplog.at_level(logging.ERROR, logger="pyvisa"):
        # Calling the C function pointer goes through C and back into Python.
        status = callback(3, EventType.service_request, 9, ctypes.addressof(user))
    assert status == StatusCode.success
    assert received == [(3, EventType.service_request, 9, user)]
    assert isinstance(received[0][1], EventType)
    assert "boom" in caplog.text


# ---------------------------------------------------------------- attribute codecs


@pytest.mark.parametrize(
    "type_name, kind, bits, signed",
    [
        ("ViUInt8", "int", 8, False),
        ("ViUInt16", "int", 16, False),
        ("ViUInt32", "int", 32, False),
        ("ViUInt64", "int", 64, False),
        ("ViInt16", "int", 16, True),
        ("ViInt32", "int", 32, True),
        ("ViBoolean", "int", 16, False),
        ("ViVersion", "int", 32, False),
        ("ViBusAddress", "int", POINTER_SIZE * 8, False),
        ("ViBusSize", "int", POINTER_SIZE * 8, False),
        ("ViAddr", "address", POINTER_SIZE * 8, False),
        ("ViBuf", "address", POINTER_SIZE * 8, False),
        ("ViString", "string", 0, False),
        ("ViRsrc", "string", 0, False),
        ("ViAUInt8", "bytes", 0, False),
    ],
)
def test_codec_for_type(type_name: str, kind: str, bits: int, signed: bool) -> None:
    codec = attribute_codec._codec_for_type(type_name)
    assert codec is not None
    assert (codec.kind, codec.bits, codec.signed) == (kind, bits, signed)


def test_unknown_type_has_no_codec() -> None:
    assert attribute_codec._codec_for_type("ViNonsense") is None


@pytest.fixture
def fake_codecs(monkeypatch: pytest.MonkeyPatch) -> dict[int, object]:
    cache: dict[int, object] = {}
    monkeypatch.setattr(attribute_codec, "_codec_cache", cache)
    return cache


def test_encode_attribute_value(fake_codecs: dict[int, object]) -> None:
    fake_codecs[1] = attribute_codec._codec_for_type("ViUInt16")
    fake_codecs[2] = attribute_codec._codec_for_type("ViInt16")
    fake_codecs[3] = attribute_codec._codec_for_type("ViString")
    fake_codecs[4] = attribute_codec._codec_for_type("ViAddr")
    mask = (1 << (POINTER_SIZE * 8)) - 1
    encode = attribute_codec.encode_attribute_value
    assert encode(1, 0xFFFF) == 0xFFFF
    assert encode(1, True) == 1
    assert encode(1, b"\n") == 10
    assert encode(2, -1) == mask  # sign-extended like a C cast to ViAttrState
    assert encode(2, -32768) == (-32768) & mask
    assert encode(4, None) == 0
    with pytest.raises(ValueError, match="out of range .* ViUInt16"):
        encode(1, 0x10000)
    with pytest.raises(ValueError, match="out of range"):
        encode(2, -32769)
    with pytest.raises(TypeError, match="expected an integer"):
        encode(3, "text")
    with pytest.raises(TypeError, match="expected an integer"):
        encode(1, 1.5)


_INT_TYPES = ("ViUInt8", "ViUInt16", "ViUInt32", "ViUInt64", "ViInt16", "ViInt32", "ViBoolean")


@given(st.sampled_from(_INT_TYPES), st.integers(min_value=-(2**65), max_value=2**65))
def test_encoded_values_read_back_through_the_c_type(type_name: str, value: int) -> None:
    codec = attribute_codec._codec_for_type(type_name)
    assert codec is not None
    attribute_codec._codec_cache[0x7FFF0001] = codec
    try:
        bits = min(codec.bits, POINTER_SIZE * 8)
        if not -(1 << (bits - 1)) <= value < (1 << bits):
            with pytest.raises(ValueError, match="out of range"):
                attribute_codec.encode_attribute_value(0x7FFF0001, value)
            return
        encoded = attribute_codec.encode_attribute_value(0x7FFF0001, value)
        assert 0 <= encoded < 1 << (POINTER_SIZE * 8)
        # What the C library sees after casting the ViAttrState to the attribute's type.
        assert codec.ctype(encoded).value == codec.ctype(value).value
    finally:
        del attribute_codec._codec_cache[0x7FFF0001]


@given(st.integers(min_value=-(2**63), max_value=2**63 - 1))
def test_integer_user_handles_keep_their_value(value: int) -> None:
    assert handlers.convert_user_handle(value).value == value


def test_callback_returns_the_status_given_by_the_handler() -> None:
    chain = 0x3FFF0098  # VI_SUCCESS_NCHAIN
    assert handlers._make_callback(lambda *args: chain, None)(1, 2, 3, None) == chain
    assert handlers._make_callback(lambda *args: True, None)(1, 2, 3, None) == 0
    assert handlers._make_callback(lambda *args: 2**40, None)(1, 2, 3, None) == 0
    assert handlers._make_callback(lambda *args: "x", None)(1, 2, 3, None) == 0


# ------------------------------------------------------------------- argument checks


@pytest.mark.parametrize(
    "value, bits, ok",
    [(0, 16, True), (-1, 16, True), (0xFFFF, 16, True), (-32768, 16, True)]
    + [(0x10000, 16, False), (-32769, 16, False), (2**32 - 1, 32, True), (2**32, 32, False)],
)
def test_check_int(value: int, bits: int, ok: bool) -> None:
    if ok:
        assert binding.check_int(value, bits, "mode") == value
    else:
        with pytest.raises(ValueError, match=f"mode must fit in a {bits}-bit integer"):
            binding.check_int(value, bits, "mode")


def test_integer_arguments_reject_other_types() -> None:
    with pytest.raises(TypeError, match="count must be an integer, not float"):
        binding.check_uint(1.5, 32, "count")
    with pytest.raises(ValueError, match="count must fit in an unsigned 32-bit integer"):
        binding.check_uint(-1, 32, "count")
    assert binding.check_uint(StatusCode.success, 32, "count") == 0


def test_data_buffer_avoids_copies() -> None:
    data = b"\x00abc"
    assert functions._data_buffer(data) == (data, 4)
    storage = bytearray(b"\x00\xffxy")
    view, size = functions._data_buffer(storage)
    assert size == 4 and ctypes.addressof(view) == ctypes.addressof(
        (ctypes.c_char * 4).from_buffer(storage)
    )
    del view
    copy, size = functions._data_buffer(memoryview(b"abcdef")[::2])
    assert (copy, size) == (b"ace", 3)
    words = memoryview(bytearray(8)).cast("I")
    assert functions._data_buffer(words)[1] == 8
    with pytest.raises(TypeError, match="encode the text first"):
        functions._data_buffer("text")
    with pytest.raises(TypeError, match="not int"):
        functions._data_buffer(5)


# ------------------------------------------------------------------------- trace


def test_trace_shows_outputs_and_status_names() -> None:
    count = ctypes.c_uint32(5)
    buffer = ctypes.create_string_buffer(b"hello", 5)
    line = binding.trace_call("viRead", (7, buffer, 5, ctypes.byref(count)), 0x3FFF0006)
    assert line == "viRead(7, b'hello', 5, &5) -> 1073676294 (VI_SUCCESS_MAX_CNT)"
    assert binding.trace_call("viPeek8", (7, None, None), None).endswith("-> void")
    assert binding.trace_call("viClose", (7,), -1073807346).endswith("(VI_ERROR_INV_OBJECT)")
    assert binding.trace_call("viX", (1,), 123).endswith("-> 123")


def test_trace_elides_long_data() -> None:
    line = binding.trace_call("viWrite", (1, b"\x00" * 10000, 10000, None), 0)
    assert "...(10000 bytes)" in line and len(line) < 300
    big = ctypes.create_string_buffer(2**20)
    assert binding.trace_call("viRead", (1, big), 0) == "viRead(1, b'') -> 0 (VI_SUCCESS)"
    big[:5] = b"\x00abc\n"
    assert binding.trace_call("viRead", (big,), 0) == "viRead(b'\\x00abc\\n') -> 0 (VI_SUCCESS)"
    big[:100] = b"x" * 100
    assert binding.trace_call("viRead", (big,), 0) == f"viRead({b'x' * 48!r}...) -> 0 (VI_SUCCESS)"
    array = (ctypes.c_uint16 * 100)(*range(100))
    assert "[0, 1, 2, 3, 4, 5, 6, 7, ...]" in binding.trace_call("viMoveIn16", (array,), 0)
    handler = handlers._make_callback(print, None)
    assert "<handler>" in binding.trace_call("viInstallHandler", (1, 2, handler, None), 0)


# ------------------------------------------------------- integer checks from the table


def test_integer_ranges_follow_the_c_types() -> None:
    accepted = binding.integer_range
    # Signed types, 16-bit codes and attribute ids: both readings of the bits.
    for name, bits in (("ViInt16", 16), ("ViStatus", 32), ("ViUInt16", 16), ("ViAttr", 32)):
        assert accepted(name) == binding.IntegerRange(name, bits, True)
    # Counts, sizes, timeouts, handles, bus addresses: unsigned only.
    for name in ("ViUInt32", "ViSession", "ViJobId", "ViBusAddress64", "ViAccessMode"):
        assert accepted(name) is not None and not accepted(name).both_readings  # type: ignore[union-attr]
    # Values written to memory are quantities whatever their width.
    assert accepted("ViUInt8", quantity=True) == binding.IntegerRange("ViUInt8", 8, False)
    assert accepted("ViInt16", quantity=True) == binding.IntegerRange("ViInt16", 16, True)
    for name in ("ViAddr", "ViBuf", "ViChar", "ViReal64", "ViHndlr", "ViNonsense"):
        assert accepted(name) is None, name


def test_every_integer_parameter_is_checked() -> None:
    """Each scalar integer parameter of the header is in the checks of its function."""
    checked = 0
    for sig in signatures.SIGNATURES:
        spec = binding.C_FUNCTIONS.get(sig.name)
        if spec is None:
            continue
        for position, param in enumerate(p.strip() for p in sig.parameters.split(",")):
            scalar = not param.endswith("[]")
            integer = scalar and binding.integer_range(param.split()[0]) is not None
            listed = [arg.position for arg in spec.integers].count(position)
            assert listed == integer, (sig.name, param)
            checked += listed
    assert checked > 200


def test_argument_names_name_existing_parameters() -> None:
    parameters = {
        sig.name: [p.split()[-1].removesuffix("[]") for p in sig.parameters.split(", ")]
        for sig in signatures.SIGNATURES
    }
    every = {name for names in parameters.values() for name in names}
    for key in signatures.ARGUMENT_NAMES:
        function, _, parameter = key.rpartition(".")
        assert parameter in (parameters[function] if function else every), key


class _RecordingFunction:
    """Stands for a configured ctypes function: records the arguments it is called with."""

    __name__ = "viFake"

    def __init__(self) -> None:
        self.calls: list[tuple[object, ...]] = []

    def __call__(self, *arguments: object) -> int:
        self.calls.append(arguments)
        return 0


@pytest.mark.parametrize("name", sorted(binding.C_FUNCTIONS))
def test_bound_functions_reject_integers_that_do_not_fit(name: str) -> None:
    spec = binding.C_FUNCTIONS[name]
    func = _RecordingFunction()
    call = binding._with_range_checks(func, spec)
    assert call.__name__ == name
    valid = [0] * len(spec.argtypes)
    assert call(*valid) == 0 and func.calls == [tuple(valid)]
    for position, what, accepted in spec.integers:
        for value in (accepted.high, accepted.low - 1):
            arguments = list(valid)
            arguments[position] = value
            with pytest.raises(errors.ArgumentOverflow, match=f"^{re.escape(what)} must fit"):
                call(*arguments)
        arguments = list(valid)
        arguments[position] = 1.5
        with pytest.raises(errors.InvalidArgumentType, match=f"^{re.escape(what)} must be"):
            call(*arguments)
    assert len(func.calls) == 1  # nothing out of range reached the C function


def test_bound_functions_convert_index_objects() -> None:
    class Index:
        def __index__(self) -> int:
            return 7

    func = _RecordingFunction()
    call = binding._with_range_checks(func, binding.C_FUNCTIONS["viFlush"])
    call(Index(), StatusCode.success)
    assert func.calls == [(7, 0)] and type(func.calls[0][0]) is int
    # A wrong number of arguments is left to the C function to report.
    call(1)
    assert func.calls[-1] == (1,)


def test_messages_name_the_middle_level_arguments() -> None:
    def names(function: str) -> list[str]:
        return [arg.name for arg in binding.C_FUNCTIONS[function].integers]

    assert names("viOpen") == ["session", "access_mode", "open_timeout"]
    assert names("viRead") == ["session", "count"]
    assert names("viWrite") == ["session", "len(data)"]
    assert names("viMove") == [
        "session",
        "source_space",
        "source_offset",
        "source_width",
        "destination_space",
        "destination_offset",
        "destination_width",
        "length",
    ]
    assert names("viUsbControlIn")[:5] == [
        "session",
        "request_type_bitmap_field",
        "request_id",
        "request_value",
        "index",
    ]


def test_the_bound_functions_are_declared() -> None:
    """VisaFunctions declares one attribute per bound function, so that mypy knows them."""
    assert list(binding.VisaFunctions.__annotations__) == list(binding.C_FUNCTIONS)


def test_operations_are_methods_of_the_class() -> None:
    from pyvisa.backend import VisaLibraryBase
    from pyvisa.ctwrapper.highlevel import IVIVisaLibrary

    for name in (*functions.visa_functions, *functions.extra_methods):
        assert vars(IVIVisaLibrary)[name] is getattr(functions, name), name
        assert getattr(functions, name).__module__ == "pyvisa.ctwrapper.functions", name
    assert IVIVisaLibrary.reads_into_buffers and not VisaLibraryBase.reads_into_buffers
