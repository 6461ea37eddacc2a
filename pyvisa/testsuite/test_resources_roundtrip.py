"""Property tests: write/read round trips of ascii and binary payloads (echo device)."""

from __future__ import annotations

import struct
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pyvisa.testsuite._resources_helpers import make_manager

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def echo_inst() -> Any:
    rm, lib = make_manager()
    inst: Any = rm.open_resource("TCPIP0::10.0.0.1::inst0::INSTR")
    inst.read_termination = "\n"
    inst.write_termination = "\n"
    yield inst, lib
    rm.close()


ascii_text = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=300)


@SETTINGS
@given(message=ascii_text)
def test_ascii_round_trip(echo_inst: Any, message: str) -> None:
    inst, _ = echo_inst
    assert inst.query(message) == message


@SETTINGS
@given(
    message=st.text(max_size=200),
    termination=st.sampled_from(["\n", "\r\n", "\r", ";", "\x00", "END\n"]),
)
def test_unicode_round_trip_with_any_termination(
    echo_inst: Any, message: str, termination: str
) -> None:
    inst, _ = echo_inst
    if termination[-1] in message:
        message = message.replace(termination[-1], "")
    inst.encoding = "utf-8"
    try:
        with inst.read_termination_context(termination):
            assert inst.write(message, termination=termination) == len(
                (message + termination).encode("utf-8")
            )
            assert inst.read() == message
    finally:
        inst.encoding = "ascii"


@SETTINGS
@given(payload=st.binary(max_size=2000), chunk=st.integers(min_value=1, max_value=512))
def test_raw_round_trip(echo_inst: Any, payload: bytes, chunk: int) -> None:
    inst, lib = echo_inst
    with inst.read_termination_context(""):
        assert inst.write_raw(payload) == len(payload)
        if payload:
            assert inst.read_raw(chunk) == payload
        assert inst.write_raw(payload + b"!") == len(payload) + 1
        assert inst.read_bytes(len(payload) + 1, chunk_size=chunk) == payload + b"!"
    assert not lib.sessions[inst.session].output


FORMATS: dict[str, Any] = {
    "b": st.integers(-128, 127),
    "B": st.integers(0, 255),
    "h": st.integers(-(2**15), 2**15 - 1),
    "H": st.integers(0, 2**16 - 1),
    "i": st.integers(-(2**31), 2**31 - 1),
    "I": st.integers(0, 2**32 - 1),
    # 'l'/'L' are 4 bytes in a block whatever the size of the platform's C long.
    "l": st.integers(-(2**31), 2**31 - 1),
    "L": st.integers(0, 2**32 - 1),
    "q": st.integers(-(2**63), 2**63 - 1),
    "Q": st.integers(0, 2**64 - 1),
    "e": st.floats(allow_nan=False, width=16),
    "d": st.floats(allow_nan=False),
    "f": st.floats(allow_nan=False, width=32),
}


@st.composite
def binary_cases(draw: Any) -> tuple[str, list[Any], bool, str, int | None]:
    datatype = draw(st.sampled_from(sorted(FORMATS)))
    values = draw(st.lists(FORMATS[datatype], max_size=200))
    big = draw(st.booleans())
    header = draw(st.sampled_from(["ieee", "hp", "empty"]))
    chunk = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=300)))
    return datatype, values, big, header, chunk


@SETTINGS
@given(case=binary_cases())
def test_binary_round_trip(
    echo_inst: Any, case: tuple[str, list[Any], bool, str, int | None]
) -> None:
    inst, lib = echo_inst
    datatype, values, big, header, chunk = case
    if header == "empty" and not values:
        return  # nothing tells the reader the length of an empty headerless block
    inst.write_binary_values("", values, datatype=datatype, is_big_endian=big, header_fmt=header)
    result = inst.read_binary_values(
        datatype=datatype,
        is_big_endian=big,
        header_fmt=header,
        data_points=len(values),
        chunk_size=chunk,
    )
    expected = list(
        struct.unpack(f"{len(values)}{datatype}", struct.pack(f"{len(values)}{datatype}", *values))
    )
    assert result == expected
    assert not lib.sessions[inst.session].output
