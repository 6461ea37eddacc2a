"""Facts of PyVISA 1.16.2 about the resource classes (behaviours RS-1 … RS-6, BK-1, BK-2).

The scripted library of ``_resources_helpers`` plays the device; pyvisa-sim is used where
the behaviour depends on how a real backend reports reads.
"""

from __future__ import annotations

import inspect
import logging
import math
import struct
import warnings
from typing import Any

import pytest

from pyvisa import attributes, constants, errors, util
from pyvisa.constants import InterfaceType, ResourceAttribute, StatusCode
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import GPIBInstrument, MessageBasedResource, Resource, TCPIPInstrument
from pyvisa.resources.gpib import GPIBCommand, GPIBInterface, NIEnet100TCPIPIntfc
from pyvisa.resources.messagebased import ControlRenMixin, SupportsUpdate
from pyvisa.resources.pxi import PXIBackplane
from pyvisa.resources.serial import PrlgxASRLIntfc, SerialInstrument
from pyvisa.resources.tcpip import PrlgxTCPIPIntfc, VICPInstrument
from pyvisa.testsuite._resources_helpers import ScriptedLibrary, ieee_block, make_manager

GPIB = "GPIB0::5::INSTR"


@pytest.fixture
def rm_lib() -> Any:
    rm, lib = make_manager()
    yield rm, lib
    rm.close()


@pytest.fixture
def lib(rm_lib: Any) -> ScriptedLibrary:
    return rm_lib[1]


@pytest.fixture
def inst(rm_lib: Any) -> Any:
    return rm_lib[0].open_resource(GPIB)


class Progress:
    """The part of a tqdm progress bar that is used."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def update(self, size: int) -> None:
        self.sizes.append(size)


# -- RS-1: str and repr -------------------------------------------------------------------


def test_str_is_class_at_name(rm_lib: Any) -> None:
    rm, _ = rm_lib
    inst = rm.open_resource("TCPIP::1.2.3.4::INSTR")
    assert str(inst) == "TCPIPInstrument at TCPIP0::1.2.3.4::inst0::INSTR"
    assert repr(inst) == "<TCPIPInstrument('TCPIP0::1.2.3.4::inst0::INSTR')>"
    inst.close()
    assert str(inst) == "TCPIPInstrument at TCPIP0::1.2.3.4::inst0::INSTR"
    assert str(Resource(rm, "my_alias")) == "Resource at my_alias"


# -- RS-2: logging of the reads -------------------------------------------------------------


def test_failing_read_bytes_logs_two_records(
    inst: Any, lib: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        caplog.clear()
        with pytest.raises(errors.VisaIOError):
            inst.read_bytes(1)
    records = [r for r in caplog.records if r.name == "pyvisa"]
    assert [r.getMessage() for r in records][-2:] == [
        "GPIB0::5::INSTR - reading 1 bytes (last status None)",
        "GPIB0::5::INSTR - exception while reading: "
        + str(errors.VisaIOError(StatusCode.error_timeout))
        + "\nBuffer content: b''",
    ]
    assert len(records) == 2


def test_read_logs_every_visa_read(inst: Any, lib: Any, caplog: pytest.LogCaptureFixture) -> None:
    lib.feed(inst.session, b"abcdef")
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        caplog.clear()
        assert inst.read_raw(4) == b"abcdef"
    messages = [r.getMessage() for r in caplog.records if "reading" in r.getMessage()]
    assert messages == [
        "GPIB0::5::INSTR - reading 4 bytes (last status None)",
        f"GPIB0::5::INSTR - reading 4 bytes (last status {StatusCode.success_max_count_read!r})",
    ]


# -- RS-3 / RS-4: terminations of the value writes -----------------------------------------------


def test_value_writes_warn_when_message_ends_with_termination(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: []
    with pytest.warns(UserWarning, match="write message already ends with termination"):
        inst.write_ascii_values("DATA\n", [1, 2], converter="d", termination="\n")
    assert lib.sessions[inst.session].written[-1] == b"DATA\n1,2\n"
    with pytest.warns(UserWarning, match="write message already ends with termination"):
        inst.write_binary_values("DATA\r\n", [1], datatype="B")
    assert lib.sessions[inst.session].written[-1] == b"DATA\r\n#11\x01\r\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        inst.write_ascii_values("DATA ", [1], converter="d")


@pytest.mark.parametrize("termination", [False, ""])
def test_falsy_termination_appends_nothing(inst: Any, lib: Any, termination: Any) -> None:
    lib.responder = lambda data: []
    assert inst.write_binary_values("D ", [1, 2], datatype="B", termination=termination) == 7
    assert lib.sessions[inst.session].written[-1] == b"D #12\x01\x02"
    inst.write_ascii_values("A ", [3], converter="d", termination=termination)
    assert lib.sessions[inst.session].written[-1] == b"A 3"
    inst.write_binary_values("D ", [1], datatype="B", termination=None)
    assert lib.sessions[inst.session].written[-1] == b"D #11\x01\r\n"


# -- RS-5 / RS-6: reading binary blocks ---------------------------------------------------------


def test_binary_signatures() -> None:
    read = inspect.signature(MessageBasedResource.read_binary_values).parameters
    assert read["data_points"].default == -1
    assert list(read)[-2:] == ["length_before_block", "raise_on_late_block"]
    query = inspect.signature(MessageBasedResource.query_binary_values).parameters
    assert query["data_points"].default == 0
    assert list(query)[-2:] == ["length_before_block", "raise_on_late_block"]
    assert "monitoring_interface" in inspect.signature(MessageBasedResource.read_bytes).parameters
    assert list(inspect.signature(MessageBasedResource.read).parameters) == [
        "self",
        "termination",
        "encoding",
    ]


def test_unknown_length_raises_and_zero_points_is_empty(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"#0\x01\x02")
    with pytest.raises(ValueError) as exc_info:
        inst.read_binary_values(datatype="B")
    assert str(exc_info.value) == (
        "The length of the data to receive could not be determined. You should provide the "
        "number of points you expect using the data_points keyword argument."
    )
    lib.responder = lambda data: [b"\x01\x02\x03\x04"]
    assert inst.query_binary_values("CURV?", datatype="B", header_fmt="empty") == []


def test_late_block_options_are_forwarded(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: [b"x" * 30 + ieee_block(b"\x01")]
    with pytest.raises(RuntimeError):
        inst.query_binary_values("CURV?", datatype="B", raise_on_late_block=True)
    lib.sessions[inst.session].output.clear()
    lib.sessions[inst.session].ends.clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        values = inst.query_binary_values("CURV?", datatype="B", length_before_block=40)
    assert values == [1]


def test_end_inside_block_does_not_stop_the_read(inst: Any, lib: Any, monkeypatch: Any) -> None:
    # Like pyvisa-sim: a read stopping at the termination character reports END.
    inst.read_termination = "\n"
    original = lib.read

    def read(session: Any, count: int) -> tuple[bytes, StatusCode]:
        data, status = original(session, count)
        if status == StatusCode.success_termination_character_read:
            status = StatusCode.success
        return data, status

    monkeypatch.setattr(lib, "read", read)
    payload = bytes([1, 10, 2, 10, 10, 3])
    lib.feed(inst.session, ieee_block(payload) + b"\n", end=False)
    progress = Progress()
    result = inst.read_binary_values(datatype="B", monitoring_interface=progress)
    assert result == list(payload)
    assert sum(progress.sizes) == len(ieee_block(payload)) + 1
    assert not lib.sessions[inst.session].output


def test_decoding_error_is_invalid_binary_format(inst: Any, lib: Any, monkeypatch: Any) -> None:
    def malformed(*args: Any) -> Any:
        raise ValueError("Binary data was malformed")

    monkeypatch.setattr(util, "from_binary_block", malformed)
    lib.feed(inst.session, ieee_block(b"\x01\x02\x03\x04"))
    with pytest.raises(errors.InvalidBinaryFormat, match="Binary data was malformed"):
        inst.read_binary_values(datatype="i", expect_termination=False)


def test_ieee_header_with_ten_length_digits(inst: Any, lib: Any) -> None:
    # The header of a block of 1 GB or more has 10 length digits ("#A"): the reader waits
    # for enough bytes to tell it from an HP header, even with tiny chunks.
    data = bytes(range(256)) * 300
    lib.feed(inst.session, b"#A" + b"%010d" % len(data) + data)
    result = inst.read_binary_values(
        datatype="B", container=bytes, chunk_size=1000, expect_termination=False
    )
    assert result == data


def test_read_bytes_monitoring_interface(inst: Any, lib: Any) -> None:
    lib.feed(inst.session, b"0123456789")
    progress = Progress()
    assert inst.read_bytes(10, chunk_size=4, monitoring_interface=progress) == b"0123456789"
    assert progress.sizes == [4, 4, 2]
    assert list(inspect.signature(SupportsUpdate.update).parameters) == ["self", "size"]


# -- Rohde & Schwarz blocks -----------------------------------------------------------------


def test_rs_blocks_round_trip(inst: Any, lib: Any) -> None:
    lib.responder = lambda data: []
    inst.write_termination = "\n"
    inst.write_binary_values("DATA ", [1.0, 2.5], datatype="d", header_fmt="rs")
    written = lib.sessions[inst.session].written[-1]
    assert written == b"DATA #(16)" + struct.pack("<2d", 1.0, 2.5) + b"\n"
    assert written[5:-1] == util.to_rs_block([1.0, 2.5], "d")
    lib.responder = lambda data: [written[5:]]
    inst.read_termination = "\n"
    result = inst.query_binary_values("CURV?", datatype="d", header_fmt="rs", chunk_size=3)
    assert result == [1.0, 2.5]
    # IEEE blocks are also accepted with header_fmt="rs".
    lib.feed(inst.session, ieee_block(b"\x05") + b"\n")
    assert inst.read_binary_values(datatype="B", header_fmt="rs") == [5]


# -- timeout, session, BK-1, BK-2 -------------------------------------------------------------


def test_timeout_is_a_visa_attribute(inst: Any) -> None:
    descriptor = Resource.__dict__["timeout"]
    assert isinstance(descriptor, attributes.AttrVI_ATTR_TMO_VALUE)
    inst.timeout = 25000
    assert inst.timeout == 25000
    del inst.timeout
    assert inst.timeout == math.inf
    assert inst.get_visa_attribute(ResourceAttribute.timeout_value) == constants.VI_TMO_INFINITE
    inst.timeout = 0.5
    assert inst.timeout == 0
    inst.timeout = None
    assert inst.timeout == math.inf


def test_session_setter(inst: Any) -> None:
    session = inst.session
    inst.session = None
    with pytest.raises(errors.InvalidSession):
        inst.session  # noqa: B018
    inst.session = session
    assert inst.session == session


def test_subclass_skipping_init_forwards_through_getattr(rm_lib: Any) -> None:
    rm, _ = rm_lib
    real = rm.open_resource(GPIB)

    class Proxy(GPIBInstrument):
        def __init__(self) -> None:  # no Resource.__init__
            object.__setattr__(self, "_target", real)

        def __getattr__(self, name: str) -> Any:
            return getattr(object.__getattribute__(self, "_target"), name)

    proxy = Proxy()
    for name in ("_session", "visalib", "_resource_name", "_read_termination"):
        assert name not in vars(Resource) and name not in vars(MessageBasedResource)
    assert proxy.session == real.session
    assert proxy.visalib is real.visalib
    assert str(proxy) == "Proxy at GPIB0::5::INSTR"


def test_default_terminations(rm_lib: Any) -> None:
    rm, _ = rm_lib
    inst = rm.open_resource(GPIB)
    assert inst.read_termination is None
    assert inst.write_termination == "\r\n"
    assert rm.open_resource("ASRL1::INSTR").read_termination == "\r"


# -- classes -------------------------------------------------------------------------------


def test_classes_and_registrations() -> None:
    classes = ResourceManager._resource_classes
    assert classes[(InterfaceType.vicp, "INSTR")] is VICPInstrument
    assert classes[(InterfaceType.prlgx_tcpip, "INTFC")] is PrlgxTCPIPIntfc
    assert classes[(InterfaceType.prlgx_asrl, "INTFC")] is PrlgxASRLIntfc
    assert classes[(InterfaceType.pxi, "BACKPLANE")] is PXIBackplane
    assert classes[(InterfaceType.ni_enet100_tcpip, "INTFC")] is NIEnet100TCPIPIntfc
    assert VICPInstrument.__bases__ == (ControlRenMixin, MessageBasedResource)
    assert ControlRenMixin.__bases__ == (object,)
    assert issubclass(PrlgxASRLIntfc, SerialInstrument)
    assert issubclass(NIEnet100TCPIPIntfc, GPIBInterface)
    assert TCPIPInstrument.__mro__.index(ControlRenMixin) < TCPIPInstrument.__mro__.index(
        MessageBasedResource
    )


def test_gpib_commands() -> None:
    assert GPIBCommand.GET == b"\x08" and GPIBCommand.group_execute_trigger is GPIBCommand.GET
    assert GPIBCommand.UNL == b"?" and GPIBCommand.UNT == b"_" and GPIBCommand.TCT == b"\t"
    assert GPIBCommand.MTA(3) == GPIBCommand.talker(3) == b"\x43"
    assert GPIBCommand.MLA(5) == GPIBCommand.listener(5) == b"\x25"
    assert GPIBCommand.MSA(2) == GPIBCommand.secondary_address(2) == b"\x62"
    with pytest.raises(ValueError):
        GPIBCommand.MLA(31)


def test_group_execute_trigger_addresses_secondary(rm_lib: Any) -> None:
    rm, lib = rm_lib
    board = rm.open_resource("GPIB0::INTFC")
    lib.sessions[board.session].attributes[constants.VI_ATTR_GPIB_CIC_STATE] = constants.VI_TRUE
    plain = rm.open_resource("GPIB0::5::INSTR")
    lib.sessions[plain.session].attributes[constants.VI_ATTR_GPIB_SECONDARY_ADDR] = (
        constants.VI_NO_SEC_ADDR
    )
    secondary = rm.open_resource("GPIB0::7::3::INSTR")
    lib.sessions[secondary.session].attributes[constants.VI_ATTR_GPIB_PRIMARY_ADDR] = 7
    lib.sessions[secondary.session].attributes[constants.VI_ATTR_GPIB_SECONDARY_ADDR] = 3
    board.group_execute_trigger(plain, secondary)
    assert lib.calls[-1] == ("gpib_command", board.session, b"\x40\x3f\x25\x27\x63\x08")


# -- pyvisa-sim ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sim_rm() -> Any:
    pytest.importorskip("pyvisa_sim")
    rm = ResourceManager("@sim")
    yield rm
    rm.close()


def test_sim_str_terminations_and_progress(sim_rm: Any) -> None:
    with sim_rm.open_resource("TCPIP::localhost::INSTR") as inst:
        assert str(inst) == "TCPIPInstrument at TCPIP0::localhost::inst0::INSTR"
        assert inst.read_termination is None
        assert inst.write_termination == "\r\n"
        inst.read_termination = "\n"
        inst.write_termination = "\n"
        inst.write("?IDN")
        progress = Progress()
        answer = inst.read_bytes(10, monitoring_interface=progress, break_on_termchar=True)
        assert answer and sum(progress.sizes) == len(answer)
        assert answer + inst.read().encode() == b"LSG Serial #1234"
        inst.write("?IDN")
        with pytest.raises(ValueError, match="data_points keyword argument"):
            inst.read_binary_values(header_fmt="empty")
