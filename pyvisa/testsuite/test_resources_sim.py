"""Tests of the message based resources over pyvisa-sim (default and custom devices)."""

from __future__ import annotations

import textwrap
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyvisa_sim")

from pyvisa import constants, errors  # noqa: E402
from pyvisa.constants import ResourceAttribute  # noqa: E402
from pyvisa.highlevel import ResourceManager  # noqa: E402
from pyvisa.resources import (  # noqa: E402
    GPIBInstrument,
    SerialInstrument,
    TCPIPInstrument,
    TCPIPSocket,
    USBInstrument,
    USBRaw,
)

DEVICES_YAML = textwrap.dedent(
    r"""
    spec: "1.1"
    devices:
      scope:
        eom:
          GPIB INSTR:
            q: "\n"
            r: "\n"
          TCPIP INSTR:
            q: "\n"
            r: "\n"
          ASRL INSTR:
            q: "\r\n"
            r: "\r\n"
        error: ERROR
        dialogues:
          - q: "*IDN?"
            r: "ACME,SCOPE,42,1.0"
          - q: "CURV:ASC?"
            r: "1.5,2.5,-3.5"
          - q: "CURV:HEX?"
            r: "a$ff$10"
          - q: "CURV:BIN?"
            r: "#14ABCD"
          - q: "CURV:TERM?"
            r: "#16A\nB\nCD"
          - q: "CURV:HP?"
            r: "#A\x03\x00xyz"
          - q: "CURV:EMPTY?"
            r: "0123"
          - q: "CURV:LONG?"
            r: "#3600%s"
          - q: "NOANSWER"
        properties:
          level:
            default: 1.0
            getter:
              q: "LEV?"
              r: "{:.2f}"
            setter:
              q: "LEV {:.2f}"
              r: OK
              e: LEVEL_ERROR
            specs:
              min: 0
              max: 10
              type: float
      meter:
        eom:
          GPIB INSTR:
            q: "\n"
            r: "\n"
        dialogues:
          - q: "*IDN?"
            r: "ACME,METER,7,2.0"
        error:
          error_queue:
            - q: "SYST:ERR?"
              default: "0, No Error"
              command_error: "1, Command error"
    resources:
      GPIB0::3::INSTR:
        device: scope
      ASRL7::INSTR:
        device: scope
      TCPIP0::127.0.0.1::inst0::INSTR:
        device: scope
      GPIB0::4::INSTR:
        device: meter
    """
).replace("%s", "Z" * 600)


@pytest.fixture(scope="module")
def sim_rm() -> Any:
    rm = ResourceManager("@sim")
    yield rm
    rm.close()


@pytest.fixture
def custom_rm(tmp_path: Path) -> Any:
    path = tmp_path / "devices.yaml"
    path.write_text(DEVICES_YAML, encoding="utf-8")
    rm = ResourceManager(f"{path}@sim")
    yield rm
    rm.close()


@pytest.fixture
def scope(custom_rm: Any) -> Any:
    inst = custom_rm.open_resource("GPIB0::3::INSTR", read_termination="\n", write_termination="\n")
    yield inst
    inst.close()


@pytest.mark.parametrize(
    ("name", "cls", "write_termination"),
    [
        ("ASRL1::INSTR", SerialInstrument, "\r\n"),
        ("GPIB0::8::INSTR", GPIBInstrument, "\n"),
        ("TCPIP0::localhost::inst0::INSTR", TCPIPInstrument, "\n"),
        ("TCPIP0::localhost::10001::SOCKET", TCPIPSocket, "\n"),
        ("USB0::0x1111::0x2222::0x1234::0::INSTR", USBInstrument, "\n"),
        ("USB0::0x1111::0x2222::0x4445::0::RAW", USBRaw, "\n"),
    ],
)
def test_default_devices(sim_rm: Any, name: str, cls: Any, write_termination: str) -> None:
    with sim_rm.open_resource(
        name, read_termination="\n", write_termination=write_termination
    ) as inst:
        assert type(inst) is cls
        assert inst.query("?IDN") == "LSG Serial #1234"
        assert inst.write("!CAL") == 4 + len(write_termination)
        assert inst.read() == "OK"
        inst.write("?IDN")
        with inst.read_termination_context(""):
            assert inst.read() == "LSG Serial #1234\n"
        assert inst.read_termination == "\n"
        assert inst.get_visa_attribute(ResourceAttribute.termchar_enabled)


def test_default_device_properties(sim_rm: Any) -> None:
    with sim_rm.open_resource(
        "GPIB0::8::INSTR", read_termination="\n", write_termination="\n"
    ) as inst:
        assert inst.query("!FREQ 12.50") == "OK"
        assert inst.query_ascii_values("?FREQ") == [12.5]
        assert inst.query("!FREQ 0.5") == "FREQ_ERROR"
        assert inst.query("?WHAT") == "ERROR"


def test_read_timeout_raises(sim_rm: Any) -> None:
    with sim_rm.open_resource("GPIB0::8::INSTR", read_termination="\n", timeout=0.1) as inst:
        assert inst.timeout == 0
        with pytest.raises(errors.VisaIOError) as exc_info:
            inst.read()
        assert exc_info.value.error_code == constants.StatusCode.error_timeout


def test_serial_attributes(sim_rm: Any) -> None:
    with sim_rm.open_resource(
        "ASRL1::INSTR", read_termination="\n", write_termination="\r\n"
    ) as inst:
        inst.set_visa_attribute(
            ResourceAttribute.asrl_end_out, constants.SerialTermination.last_bit
        )
        assert inst.end_output == constants.SerialTermination.last_bit
        inst.end_output = constants.SerialTermination.none
        inst.end_input = constants.SerialTermination.termination_char
        assert inst.data_bits == 8
        assert inst.query("?IDN") == "LSG Serial #1234"


def test_custom_identification_and_errors(custom_rm: Any, scope: Any) -> None:
    assert scope.query("*IDN?") == "ACME,SCOPE,42,1.0"
    assert scope.query("BOGUS") == "ERROR"
    assert scope.query("LEV 20") == "LEVEL_ERROR"
    assert scope.query("LEV 2.5") == "OK"
    assert scope.query_ascii_values("LEV?") == [2.5]
    with custom_rm.open_resource(
        "GPIB0::4::INSTR", read_termination="\n", write_termination="\n"
    ) as meter:
        assert meter.query("*IDN?") == "ACME,METER,7,2.0"
        meter.write("BOGUS")
        assert meter.query("SYST:ERR?") == "1, Command error"
        assert meter.query("SYST:ERR?") == "0, No Error"


def test_custom_termination_handling(custom_rm: Any) -> None:
    with custom_rm.open_resource(
        "ASRL7::INSTR", read_termination="\r\n", write_termination="\r\n"
    ) as inst:
        assert inst.query("*IDN?") == "ACME,SCOPE,42,1.0"
        inst.write("*IDN?")
        assert inst.read_raw() == b"ACME,SCOPE,42,1.0\r\n"
        # A serial read only ends on the termination character.
        inst.write("*IDN?")
        inst.timeout = 50
        with pytest.raises(errors.VisaIOError):
            inst.read(termination="!")
    with custom_rm.open_resource("TCPIP0::127.0.0.1::inst0::INSTR", write_termination="\n") as inst:
        # No read termination: the device END ends the message.
        assert inst.query("*IDN?") == "ACME,SCOPE,42,1.0\n"
        inst.write("*IDN?")
        with pytest.warns(UserWarning, match="doesn't end"):
            assert inst.read(termination="!") == "ACME,SCOPE,42,1.0\n"
        inst.write("*IDN?")
        assert inst.read_bytes(4) == b"ACME"
        assert inst.read_bytes(100, break_on_termchar=True) == b",SCOPE,42,1.0\n"


def test_custom_ascii_values(scope: Any) -> None:
    assert scope.query_ascii_values("CURV:ASC?") == [1.5, 2.5, -3.5]
    assert scope.query_ascii_values("CURV:ASC?", container=tuple) == (1.5, 2.5, -3.5)
    assert scope.query_ascii_values("CURV:HEX?", converter="x", separator="$") == [10, 255, 16]
    np = pytest.importorskip("numpy")
    array = scope.query_ascii_values("CURV:ASC?", container=np.array)
    assert array.tolist() == [1.5, 2.5, -3.5]


def test_custom_binary_values(scope: Any) -> None:
    assert scope.query_binary_values("CURV:BIN?", datatype="B") == [65, 66, 67, 68]
    assert scope.query_binary_values("CURV:BIN?", datatype="s", container=bytes) == b"ABCD"
    # The data contain the termination character.
    assert scope.query_binary_values("CURV:TERM?", datatype="s", container=bytes) == b"A\nB\nCD"
    assert scope.query_binary_values("CURV:HP?", datatype="B", header_fmt="hp") == list(b"xyz")
    assert scope.query_binary_values(
        "CURV:EMPTY?", datatype="B", header_fmt="empty", data_points=4
    ) == list(b"0123")
    long = scope.query_binary_values("CURV:LONG?", datatype="s", container=bytes, chunk_size=64)
    assert long == b"Z" * 600
    # Nothing is left behind in the output buffer.
    assert scope.query("*IDN?") == "ACME,SCOPE,42,1.0"


def test_custom_write_values(scope: Any) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert scope.write_ascii_values("LEV ", [3.25], converter=".2f") == len("LEV 3.25\n")
    assert scope.read() == "OK"
    assert scope.query_ascii_values("LEV?") == [3.25]


def test_set_visa_attribute_passthrough(scope: Any) -> None:
    scope.set_visa_attribute(ResourceAttribute.send_end_enabled, constants.VI_FALSE)
    assert scope.send_end is False
    scope.send_end = True
    assert scope.get_visa_attribute(ResourceAttribute.send_end_enabled) == constants.VI_TRUE


def test_unknown_resource_warns(custom_rm: Any) -> None:
    # Fact RM-4: pyvisa-sim returns an error status without raising: opening warns and
    # the first operation fails.
    with pytest.warns(errors.VisaIOWarning):
        inst = custom_rm.open_resource("GPIB0::30::INSTR")
    with pytest.raises(errors.VisaIOError):
        inst.query("*IDN?")
