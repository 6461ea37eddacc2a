"""The frontend (ResourceManager, VisaLibrary) end to end on the reference VISA library.

The reference library (``reference_library`` fixture) is a real shared library loaded by the
ivi backend; its ``refvisa_open_session_count``/``refvisa_open_object_count`` hooks show
whether the frontend leaks sessions.
"""

from __future__ import annotations

import ctypes
import gc
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import pyvisa
from pyvisa import ResourceManager, errors, highlevel
from pyvisa.constants import AccessModes, InterfaceType, StatusCode
from pyvisa.ctwrapper import IVIVisaLibrary
from pyvisa.highlevel import ResourceInfo, VisaLibraryBase
from pyvisa.resources import (
    GPIBInstrument,
    GPIBInterface,
    MessageBasedResource,
    PXIInstrument,
    PXIMemory,
    SerialInstrument,
    TCPIPInstrument,
    TCPIPSocket,
    USBInstrument,
    USBRaw,
    VXIBackplane,
    VXIInstrument,
    VXIMemory,
)
from pyvisa.testsuite import BaseTestCase
from pyvisa.testsuite._resources_helpers import run_together
from pyvisa.testsuite.reference_visa import load_hooks

#: Python class chosen by open_resource for every resource of the reference library.
EXPECTED_CLASSES = {
    "ASRL1::INSTR": SerialInstrument,
    "ASRL2::INSTR": SerialInstrument,
    "GPIB0::1::INSTR": GPIBInstrument,
    "GPIB0::2::INSTR": GPIBInstrument,
    "GPIB0::4::5::INSTR": GPIBInstrument,
    "GPIB0::INTFC": GPIBInterface,
    "TCPIP0::192.168.0.10::inst0::INSTR": TCPIPInstrument,
    "TCPIP0::192.168.0.11::hislip0::INSTR": TCPIPInstrument,
    "TCPIP0::192.168.0.10::5025::SOCKET": TCPIPSocket,
    "USB0::0x1234::0x5678::SN001::0::INSTR": USBInstrument,
    "USB0::0x1234::0x5678::SN002::0::RAW": USBRaw,
    "VXI0::1::INSTR": VXIInstrument,
    "VXI0::MEMACC": VXIMemory,
    "VXI0::0::BACKPLANE": VXIBackplane,
    "PXI0::1::INSTR": PXIInstrument,
    "PXI0::MEMACC": PXIMemory,
}


class _Hooks:
    """The counting hooks of the reference library."""

    def __init__(self, lib: ctypes.CDLL) -> None:
        self._lib = load_hooks(lib)

    def sessions(self) -> int:
        return int(self._lib.refvisa_open_session_count())

    def objects(self) -> int:
        return int(self._lib.refvisa_open_object_count())


@pytest.fixture
def library(reference_library: str) -> IVIVisaLibrary:
    lib = pyvisa.VisaLibrary(reference_library)
    assert isinstance(lib, IVIVisaLibrary)
    return lib


@pytest.fixture
def hooks(library: IVIVisaLibrary) -> Iterator[_Hooks]:
    counters = _Hooks(library.lib)
    sessions, objects = counters.sessions(), counters.objects()
    yield counters
    gc.collect()
    # Whatever the test did, nothing it opened may stay open.
    assert counters.sessions() == sessions
    assert counters.objects() == objects


@pytest.fixture
def rm(reference_library: str, hooks: _Hooks) -> Iterator[ResourceManager]:
    manager = ResourceManager(reference_library)
    yield manager
    manager.close()


class TestLibrary(BaseTestCase):
    def test_visa_library_is_the_ivi_class(self) -> None:
        assert pyvisa.VisaLibrary is IVIVisaLibrary

    def test_same_path_same_object(self, reference_library: str) -> None:
        # Docs 1.3.3: VisaLibrary(path) is VisaLibrary(path).
        lib1 = pyvisa.VisaLibrary(reference_library)
        lib2 = pyvisa.VisaLibrary(reference_library)
        assert lib1 is lib2
        assert highlevel.open_visa_library(reference_library) is lib1
        assert highlevel.open_visa_library(f"{reference_library}@ivi") is lib1
        assert lib1.library_path == reference_library
        assert lib1.library_path.found_by == "user specified"
        assert repr(lib1) == f"<VisaLibrary({reference_library!r})>"
        assert str(lib1) == f"Visa Library at {reference_library}"

    def test_distinct_paths_distinct_objects(
        self, reference_library: str, tmp_path: Path, library: IVIVisaLibrary
    ) -> None:
        copy = tmp_path / "libvisa_copy.so"
        shutil.copyfile(reference_library, copy)
        try:
            results = run_together(lambda: pyvisa.VisaLibrary(str(copy)), 8)
            assert len(results) == 8
            assert all(lib is results[0] for lib in results)
            assert results[0] is not library
            assert results[0].library_path == str(copy)
        finally:
            VisaLibraryBase._registry.pop((IVIVisaLibrary, str(copy)), None)  # type: ignore[arg-type]

    def test_resource_manager_of_the_library(
        self, library: IVIVisaLibrary, rm: ResourceManager, reference_library: str
    ) -> None:
        assert rm.visalib is library
        assert library.resource_manager is rm
        assert ResourceManager(reference_library) is rm
        assert ResourceManager(library) is rm
        assert repr(rm) == f"<ResourceManager(<VisaLibrary({reference_library!r})>)>"
        assert str(rm) == f"Resource Manager of Visa Library at {reference_library}"

    def test_explicit_path_that_fails_to_load(self, tmp_path: Path) -> None:
        missing = str(tmp_path / "libvisa_missing.so")
        with pytest.raises(errors.LibraryError) as excinfo:
            ResourceManager(missing)
        # An explicit path is reported as is, not as the failure of every candidate.
        assert not str(excinfo.value).startswith("Could not open VISA library:\n")
        assert (IVIVisaLibrary, missing) not in VisaLibraryBase._registry

    def test_environment_variable(
        self, reference_library: str, monkeypatch: pytest.MonkeyPatch, hooks: _Hooks
    ) -> None:
        monkeypatch.setenv("PYVISA_LIBRARY", f"{reference_library}@ivi")
        with ResourceManager() as manager:
            assert manager.visalib.library_path == reference_library
            assert hooks.objects() >= 1


class TestListing(BaseTestCase):
    def test_list_resources(self, rm: ResourceManager) -> None:
        instruments = rm.list_resources()
        assert set(instruments) == {name for name in EXPECTED_CLASSES if name.endswith("INSTR")}
        assert set(rm.list_resources("?*")) == set(EXPECTED_CLASSES)
        assert rm.list_resources("GPIB?*") == (
            "GPIB0::1::INSTR",
            "GPIB0::2::INSTR",
            "GPIB0::4::5::INSTR",
            "GPIB0::INTFC",
        )
        assert set(rm.list_resources("(ASRL|USB)?*::INSTR")) == {
            "ASRL1::INSTR",
            "ASRL2::INSTR",
            "USB0::0x1234::0x5678::SN001::0::INSTR",
        }
        assert rm.list_resources("?*::SOCKET") == ("TCPIP0::192.168.0.10::5025::SOCKET",)
        assert rm.list_resources("NOTHING?*") == ()
        rm.list_resources()
        assert rm.last_status == StatusCode.success

    def test_resource_info(self, rm: ResourceManager) -> None:
        assert rm.resource_info("gpib0::4::5::instr") == ResourceInfo(
            InterfaceType.gpib, 0, "INSTR", "GPIB0::4::5::INSTR", None
        )
        assert rm.resource_info("TCPIP::192.168.0.10::INSTR", extended=False) == ResourceInfo(
            InterfaceType.tcpip, 0, None, None, None
        )
        with pytest.raises(errors.VisaIOError):
            rm.resource_info("not a resource name")

    def test_list_resources_info(self, rm: ResourceManager) -> None:
        infos = rm.list_resources_info("?*")
        assert set(infos) == set(EXPECTED_CLASSES)
        prefixes = {
            "ASRL": InterfaceType.asrl,
            "GPIB": InterfaceType.gpib,
            "TCPI": InterfaceType.tcpip,
            "USB0": InterfaceType.usb,
            "VXI0": InterfaceType.vxi,
            "PXI0": InterfaceType.pxi,
        }
        for name, info in infos.items():
            assert isinstance(info, ResourceInfo)
            assert info.resource_name == name
            assert info.interface_type == prefixes[name[:4]]
            assert info.resource_class == name.rsplit("::", 1)[1]
        assert infos["ASRL2::INSTR"].interface_board_number == 2
        assert infos["USB0::0x1234::0x5678::SN002::0::RAW"].resource_class == "RAW"
        assert infos["PXI0::MEMACC"].interface_type == InterfaceType.pxi


class TestOpenResource(BaseTestCase):
    @pytest.mark.parametrize("name", sorted(EXPECTED_CLASSES))
    def test_class_of_each_resource(self, rm: ResourceManager, hooks: _Hooks, name: str) -> None:
        before = hooks.sessions()
        resource = rm.open_resource(name)
        try:
            assert type(resource) is EXPECTED_CLASSES[name]
            assert resource.resource_name == name
            assert hooks.sessions() == before + 1
            assert rm.list_opened_resources() == [resource]
        finally:
            resource.close()
        assert hooks.sessions() == before

    def test_kwargs_and_query(self, rm: ResourceManager) -> None:
        instr = rm.open_resource(
            "GPIB0::2::INSTR", read_termination="\n", write_termination="\n", timeout=1234
        )
        assert isinstance(instr, MessageBasedResource)
        assert instr.timeout == 1234
        assert instr.read_termination == "\n"
        instr.clear()
        assert instr.query("PING") == "PING"
        typed = rm.open_resource("GPIB0::2::INSTR", resource_pyclass=MessageBasedResource)
        assert type(typed) is MessageBasedResource
        assert set(rm.list_opened_resources()) == {instr, typed}
        typed.close()
        instr.close()

    def test_unknown_kwarg_leaks_nothing(self, rm: ResourceManager, hooks: _Hooks) -> None:
        before = hooks.sessions()
        with pytest.raises(ValueError) as excinfo:
            rm.open_resource("ASRL1::INSTR", kwarg_test=1)
        assert str(excinfo.value) == (
            "'kwarg_test' is not a valid attribute for type SerialInstrument"
        )
        assert hooks.sessions() == before
        assert rm.list_opened_resources() == []

    def test_invalid_kwarg_value_closes_the_resource(
        self, rm: ResourceManager, hooks: _Hooks
    ) -> None:
        before = hooks.sessions()
        with pytest.raises(ValueError, match="timeout"):
            rm.open_resource("GPIB0::1::INSTR", timeout="never")
        assert hooks.sessions() == before
        assert rm.list_opened_resources() == []

    def test_open_failures(self, rm: ResourceManager, hooks: _Hooks) -> None:
        before = hooks.sessions()
        with pytest.raises(errors.VisaIOError) as excinfo:
            rm.open_resource("GPIB0::9::INSTR")
        assert excinfo.value.error_code == StatusCode.error_resource_not_found
        locked = rm.open_resource("GPIB0::1::INSTR", AccessModes.exclusive_lock, 0)
        with pytest.raises(errors.VisaIOError) as excinfo:
            rm.open_resource("GPIB0::1::INSTR", access_mode=AccessModes.exclusive_lock)
        assert excinfo.value.error_code == StatusCode.error_resource_locked
        assert rm.list_opened_resources() == [locked]
        locked.close()
        assert hooks.sessions() == before

    def test_open_bare_resource(self, rm: ResourceManager, hooks: _Hooks) -> None:
        before = hooks.sessions()
        session, status = rm.open_bare_resource("USB0::0x1234::0x5678::SN001::0::INSTR")
        assert status == StatusCode.success
        assert hooks.sessions() == before + 1
        # A bare session is not wrapped, hence not listed among the opened resources.
        assert rm.list_opened_resources() == []
        rm.visalib.close(session)
        assert hooks.sessions() == before


class TestClosing(BaseTestCase):
    def test_close(self, reference_library: str, hooks: _Hooks) -> None:
        before = hooks.objects()
        rm = ResourceManager(reference_library)
        first = rm.open_resource("ASRL1::INSTR")
        second = rm.open_resource("GPIB0::INTFC")
        first.close()
        first.close()
        assert rm.list_opened_resources() == [second]
        rm.close()
        assert hooks.objects() == before
        rm.close()
        with pytest.raises(errors.InvalidSession):
            _ = rm.session
        with pytest.raises(errors.InvalidSession):
            _ = rm.last_status
        with pytest.raises(errors.InvalidSession):
            _ = second.session
        assert rm.visalib.resource_manager is None
        # A new manager opens a new session.
        with ResourceManager(reference_library) as again:
            assert again is not rm
            assert again.list_resources("ASRL1?*") == ("ASRL1::INSTR",)
        assert hooks.objects() == before

    def test_garbage_collection(self, reference_library: str, hooks: _Hooks) -> None:
        before = hooks.objects()
        instr = ResourceManager(reference_library).open_resource("GPIB0::1::INSTR")
        gc.collect()
        # The resource keeps its manager (and the manager session) alive.
        assert instr.resource_manager.session is not None
        assert hooks.objects() == before + 2
        del instr
        gc.collect()
        assert hooks.objects() == before
        assert pyvisa.VisaLibrary(reference_library).resource_manager is None

    def test_interpreter_exit(self, reference_library: str, tmp_path: Path) -> None:
        log = tmp_path / "pyvisa.log"
        script = textwrap.dedent(
            """
            import gc, sys, warnings
            warnings.simplefilter("always")
            import pyvisa
            pyvisa.log_to_stream(open(sys.argv[2], "w"))
            rm = pyvisa.ResourceManager(sys.argv[1])
            instr = rm.open_resource("GPIB0::1::INSTR", read_termination="\\n")
            sock = rm.open_resource("TCPIP0::192.168.0.10::5025::SOCKET")
            cycle = [sock]
            cycle.append(cycle)
            orphan = pyvisa.ResourceManager(sys.argv[1]).open_resource("ASRL1::INSTR")
            print(rm.session, instr.session, sock.session, orphan.session)
            del cycle, sock
            """
        )
        result = subprocess.run(
            [sys.executable, "-c", script, reference_library, str(log)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        opened = set(result.stdout.split())
        assert len(opened) == 4
        closed = set(re.findall(r"viClose\((\d+)\) -> 0 ", log.read_text()))
        assert closed == opened


def test_closing_the_manager_forgets_the_sessions_closed_with_it(rm: ResourceManager) -> None:
    lib = rm.visalib
    session, _ = rm.open_bare_resource("ASRL1::INSTR")
    lib.get_attribute(session, pyvisa.constants.VI_ATTR_TMO_VALUE)
    assert session in lib._last_status_in_session
    rm.close()
    assert session not in lib._last_status_in_session
