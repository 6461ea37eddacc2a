"""Tests of the frontend with pyvisa-sim, a real third-party backend."""

from __future__ import annotations

import gc
import random
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pyvisa import Error, InvalidSession, ResourceManager, VisaIOError, VisaIOWarning, highlevel
from pyvisa.constants import InterfaceType
from pyvisa.testsuite._fake_backend import forget_library

pytest.importorskip("pyvisa_sim", reason="pyvisa-sim is not installed")

DEVICE_FILE = """\
spec: "1.0"
devices:
  multimeter:
    eom:
      TCPIP INSTR:
        q: "\\n"
        r: "\\n"
      GPIB INSTR:
        q: "\\n"
        r: "\\n"
    error: ERROR
    dialogues:
      - q: "*IDN?"
        r: "PyVISA,Multimeter,{serial},1.0"
    properties:
      voltage:
        default: 1.5
        getter:
          q: "MEAS:VOLT?"
          r: "{:.3f}"
        setter:
          q: "VOLT {:.3f}"
          r: OK
        specs:
          min: 0
          max: 10
          type: float
resources:
  TCPIP::10.0.0.1::INSTR:
    device: multimeter
  GPIB::5::INSTR:
    device: multimeter
"""


@pytest.fixture
def device_file(tmp_path: Path) -> Path:
    path = tmp_path / "devices.yaml"
    path.write_text(DEVICE_FILE.replace("{serial}", "SN1"), encoding="utf-8")
    return path


@pytest.fixture
def sim_rm(device_file: Path) -> Iterator[ResourceManager]:
    manager = ResourceManager(f"{device_file}@sim")
    yield manager
    manager.close()
    forget_library(manager.visalib)


def test_builtin_definitions() -> None:
    with ResourceManager("@sim") as rm:
        assert rm.visalib.library_path == "unset"
        assert "GPIB0::8::INSTR" in rm.list_resources()
        instr: Any = rm.open_resource(
            "GPIB::8::INSTR", read_termination="\n", write_termination="\n"
        )
        assert instr.query("?IDN") == "LSG Serial #1234"


def test_custom_yaml_file(sim_rm: ResourceManager, device_file: Path) -> None:
    assert sim_rm.visalib.library_path == str(device_file)
    assert set(sim_rm.list_resources()) == {
        "TCPIP0::10.0.0.1::inst0::INSTR",
        "GPIB0::5::INSTR",
    }
    info = sim_rm.resource_info("TCPIP::10.0.0.1::INSTR")
    assert info.interface_type == InterfaceType.tcpip
    assert info.resource_name == "TCPIP0::10.0.0.1::inst0::INSTR"


def test_query_and_kwargs(sim_rm: ResourceManager) -> None:
    instr: Any = sim_rm.open_resource(
        "TCPIP::10.0.0.1::INSTR", read_termination="\n", write_termination="\n", timeout=500
    )
    assert instr.timeout == 500
    assert instr.query("*IDN?") == "PyVISA,Multimeter,SN1,1.0"
    assert instr.query("VOLT 2.5") == "OK"
    assert instr.query("MEAS:VOLT?") == "2.500"
    assert instr.write("MEAS:VOLT?") == len("MEAS:VOLT?\n")
    assert instr.read() == "2.500"


def test_unknown_kwarg_leaves_nothing_open(sim_rm: ResourceManager) -> None:
    sessions_before = set(sim_rm.visalib.sessions)  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="'kwarg_test' is not a valid attribute for type"):
        sim_rm.open_resource("GPIB::5::INSTR", kwarg_test=True)
    assert set(sim_rm.visalib.sessions) == sessions_before  # type: ignore[attr-defined]


def test_missing_resource(sim_rm: ResourceManager) -> None:
    # RM-4: sim returns an error status without raising: opening does not raise, a
    # VisaIOWarning names the resource and the status, the first operation fails.
    with pytest.warns(VisaIOWarning) as record:
        instr: Any = sim_rm.open_resource("GPIB::6::INSTR", read_termination="\n")
    messages = [str(w.message) for w in record if issubclass(w.category, VisaIOWarning)]
    assert len(messages) == 1
    assert "'GPIB0::6::INSTR'" in messages[0]
    assert "VI_ERROR_RSRC_NFOUND (-1073807343)" in messages[0]
    with pytest.raises(VisaIOError):
        instr.query("?IDN")
    instr.close()
    assert sim_rm.list_opened_resources() == []


def test_missing_resource_with_undefined_interface_name(sim_rm: ResourceManager) -> None:
    with pytest.warns(VisaIOWarning, match="TCPIP0::10.0.0.99::inst0::INSTR"):
        instr = sim_rm.open_resource("TCPIP::10.0.0.99::INSTR")
    instr.close()


def test_read_timeout(sim_rm: ResourceManager) -> None:
    instr: Any = sim_rm.open_resource("GPIB::5::INSTR", read_termination="\n", timeout=50)
    with pytest.raises(VisaIOError):
        instr.read()


def test_close_and_garbage_collection(sim_rm: ResourceManager) -> None:
    sessions = sim_rm.visalib.sessions  # type: ignore[attr-defined]
    instr = sim_rm.open_resource("GPIB::5::INSTR")
    session = instr.session
    assert session in sessions
    del instr
    gc.collect()
    assert session not in sessions
    kept = sim_rm.open_resource("GPIB::5::INSTR")
    sim_rm.close()
    with pytest.raises(InvalidSession):
        _ = kept.session
    assert sim_rm.visalib.resource_manager is None
    assert sessions == {}


def test_one_default_rm_per_new_manager(device_file: Path) -> None:
    # pyvisa-sim draws its session handles from the global random generator: the
    # frontend must call open_default_resource_manager once per new manager, open once
    # per open_resource and never draw numbers itself.
    lib = highlevel.open_visa_library(f"{device_file}@sim")
    random.seed(1234)
    expected_rm = random.randint(1000000, 9999999)
    random.seed(1234)
    try:
        with ResourceManager(lib) as rm:
            assert rm.session == expected_rm
            state = random.getstate()
            same = ResourceManager(lib)
            assert same is rm
            assert random.getstate() == state
    finally:
        forget_library(lib)


def test_environment_variable(device_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYVISA_LIBRARY", f"{device_file}@sim")
    with ResourceManager() as rm:
        assert rm.visalib.library_path == str(device_file)
        assert "pyvisa_sim" in sys.modules


def test_last_status_without_recorded_status(sim_rm: ResourceManager) -> None:
    # pyvisa-sim never reports statuses through handle_return_value.
    with pytest.raises(Error, match="does not have any last status"):
        _ = sim_rm.last_status


def test_path_containing_at(tmp_path: Path) -> None:
    folder = tmp_path / "me@lab"
    folder.mkdir()
    path = folder / "devices.yaml"
    path.write_text(DEVICE_FILE.replace("{serial}", "AT"), encoding="utf-8")
    with ResourceManager(f"{path}@sim") as rm:
        assert rm.visalib.library_path == str(path)
        instr: Any = rm.open_resource("GPIB::5::INSTR", read_termination="\n")
        instr.write_termination = "\n"
        assert instr.query("*IDN?") == "PyVISA,Multimeter,AT,1.0"
    forget_library(rm.visalib)


def test_init_resets_the_simulated_library(sim_rm: ResourceManager) -> None:
    # Frameworks reset a simulated library with visalib._init() and then read
    # visalib.sessions and visalib.resource_manager.
    lib: Any = sim_rm.visalib
    instr = sim_rm.open_resource("GPIB::5::INSTR")
    assert len(lib.sessions) == 2
    lib._init()
    assert lib.sessions == {}
    instr.close()
    assert lib.resource_manager is sim_rm
    assert lib.library_path == sim_rm.visalib.library_path
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert lib.handle_return_value(None, 0) == 0
