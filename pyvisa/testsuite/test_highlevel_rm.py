"""Tests of the ResourceManager, on the pure-Python fake backend."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typing_extensions import assert_type

from pyvisa import ResourceManager, errors, highlevel
from pyvisa.constants import AccessModes, InterfaceType, StatusCode
from pyvisa.highlevel import ResourceInfo
from pyvisa.resources import GPIBInstrument, MessageBasedResource, Resource, SerialInstrument
from pyvisa.testsuite import BaseTestCase, _fake_backend
from pyvisa.testsuite._fake_backend import FakeVisaLibrary, fresh_library
from pyvisa.testsuite._resources_helpers import run_together


@pytest.fixture
def lib(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeVisaLibrary]:
    """A fresh fake library, resolvable as '<path>@faketest'."""
    monkeypatch.setitem(sys.modules, _fake_backend.MODULE_NAME, _fake_backend)
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    with fresh_library(FakeVisaLibrary, "rm") as library:
        yield library
        manager = library.resource_manager
        if manager is not None:
            manager.close()


@pytest.fixture
def rm(lib: FakeVisaLibrary) -> Iterator[ResourceManager]:
    manager = ResourceManager(f"{lib.library_path}@faketest")
    yield manager
    manager.close()


class TestCreation(BaseTestCase):
    def test_uses_the_library(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        assert rm.visalib is lib
        assert lib.resource_manager is rm
        assert lib.count("open_default_resource_manager") == 1
        assert rm.session in lib.sessions

    def test_manager_is_shared_while_open(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        assert ResourceManager(f"{lib.library_path}@faketest") is rm
        assert ResourceManager(lib) is rm
        assert lib.count("open_default_resource_manager") == 1
        rm.close()
        other = ResourceManager(lib)
        try:
            assert other is not rm
            assert lib.count("open_default_resource_manager") == 2
        finally:
            other.close()

    def test_concurrent_creation(self, lib: FakeVisaLibrary) -> None:
        managers = run_together(lambda: ResourceManager(lib), 8)
        assert len(managers) == 8
        assert all(manager is managers[0] for manager in managers)
        assert lib.count("open_default_resource_manager") == 1
        managers[0].close()

    def test_repr_and_str(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        assert repr(rm) == f"<ResourceManager(<VisaLibrary('{lib.library_path}')>)>"
        assert str(rm) == f"Resource Manager of Visa Library at {lib.library_path}"

    def test_last_status(self, rm: ResourceManager) -> None:
        assert rm.last_status == StatusCode.success

    def test_invalid_backend_is_a_value_error(self) -> None:
        with pytest.raises(ValueError, match="pyvisa_nosuchbackend"):
            ResourceManager("@nosuchbackend")


class TestClose(BaseTestCase):
    def test_close_is_idempotent(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        session = rm.session
        rm.close()
        rm.close()
        assert lib.calls.count(("close", session)) == 1
        assert lib.resource_manager is None
        with pytest.raises(errors.InvalidSession):
            _ = rm.session
        with pytest.raises(errors.InvalidSession):
            rm.list_resources()

    def test_close_forgets_the_session_status(
        self, lib: FakeVisaLibrary, rm: ResourceManager
    ) -> None:
        session = rm.session
        assert lib.get_last_status_in_session(session) is StatusCode.success
        rm.close()
        assert session not in lib._last_status_in_session
        # Also when the manager is closed by its finalizer.
        manager = ResourceManager(lib)
        session = manager.session
        del manager
        gc.collect()
        assert ("close", session) in lib.calls
        assert session not in lib._last_status_in_session

    def test_context_manager(self, lib: FakeVisaLibrary) -> None:
        with ResourceManager(lib) as manager:
            session = manager.session
            instr = manager.open_resource("GPIB::1::INSTR")
        assert ("close", session) in lib.calls
        with pytest.raises(errors.InvalidSession):
            _ = instr.session

    def test_close_closes_resources(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        first = rm.open_resource("GPIB::1::INSTR")
        second = rm.open_resource("ASRL1::INSTR")
        sessions = (first.session, second.session)
        rm.close()
        for session in sessions:
            assert ("close", session) in lib.calls
        assert lib.sessions == {}
        # Closing events is attempted and its (negative) return value ignored.
        assert lib.count("disable_event") == 2

    def test_garbage_collection_closes_session(self, lib: FakeVisaLibrary) -> None:
        manager = ResourceManager(lib)
        session = manager.session
        instr = manager.open_resource("GPIB::1::INSTR")
        instr_session = instr.session
        del manager
        gc.collect()
        # The resource keeps its manager alive.
        assert ("close", session) not in lib.calls
        del instr
        gc.collect()
        assert ("close", instr_session) in lib.calls
        assert ("close", session) in lib.calls
        assert lib.resource_manager is None
        assert lib.sessions == {}

    def test_interpreter_exit_is_silent(self, tmp_path: Path) -> None:
        log = tmp_path / "closed.txt"
        script = textwrap.dedent(
            """
            import gc, warnings
            warnings.simplefilter("always")
            from pyvisa.testsuite import _fake_backend
            _fake_backend.install()
            import pyvisa
            pyvisa.log_to_screen()
            rm = pyvisa.ResourceManager("exit@faketest")
            instr = rm.open_resource("GPIB::1::INSTR", read_termination="\\n")
            other = pyvisa.ResourceManager("exit2@faketest")
            cycle = [other]
            cycle.append(cycle)
            print(rm.session, instr.session, other.session)
            """
        )
        env = dict(os.environ, PYVISA_FAKETEST_CLOSE_LOG=str(log))
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        # Debug logging is on: only the records of pyvisa may appear, no traceback/warning.
        unexpected = [
            line
            for line in result.stderr.splitlines()
            if line and " - pyvisa - DEBUG - " not in line
        ]
        assert unexpected == []
        opened = set(result.stdout.split())
        assert set(log.read_text().split()) == opened


class TestListing(BaseTestCase):
    def test_list_resources(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        assert rm.list_resources() == tuple(
            name for name in _fake_backend.DEFAULT_RESOURCES if name.endswith("INSTR")
        )
        assert rm.list_resources("?*") == _fake_backend.DEFAULT_RESOURCES
        assert lib.calls[-1] == ("list_resources", rm.session, "?*")

    def test_list_resources_info(self, rm: ResourceManager) -> None:
        infos = rm.list_resources_info("GPIB?*")
        assert infos == {
            "GPIB0::1::INSTR": ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::1::INSTR", None)
        }

    def test_resource_info(self, rm: ResourceManager) -> None:
        info = rm.resource_info("TCPIP::192.168.0.5::INSTR")
        assert info == ResourceInfo(
            InterfaceType.tcpip, 0, "INSTR", "TCPIP0::192.168.0.5::inst0::INSTR", None
        )
        assert rm.resource_info("TCPIP::192.168.0.5::INSTR", extended=False) == ResourceInfo(
            InterfaceType.tcpip, 0, None, None, None
        )

    def test_resource_info_falls_back_to_parsing(
        self, lib: FakeVisaLibrary, rm: ResourceManager, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def unsupported(session: Any, name: str) -> Any:
            raise NotImplementedError("parse_resource_extended")

        monkeypatch.setattr(lib, "parse_resource_extended", unsupported)
        monkeypatch.setattr(lib, "parse_resource", unsupported)
        assert rm.resource_info("GPIB::3::INSTR").resource_name == "GPIB0::3::INSTR"
        assert rm.resource_info("GPIB::3::INSTR", extended=False).resource_class is None

    def test_resource_info_when_the_backend_rejects_the_name(
        self, lib: FakeVisaLibrary, rm: ResourceManager, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def rejecting(session: Any, name: str) -> Any:
            raise errors.VisaIOError(StatusCode.error_invalid_resource_name)

        monkeypatch.setattr(lib, "parse_resource_extended", rejecting)
        info = rm.resource_info("PRLGX-TCPIP::10.0.0.3::INTFC")
        assert info.interface_type == InterfaceType.prlgx_tcpip
        assert info.resource_name == "PRLGX-TCPIP0::10.0.0.3::1234::INTFC"
        with pytest.raises(errors.VisaIOError):
            rm.resource_info("my_alias")


class TestOpenResource(BaseTestCase):
    def test_open_bare_resource(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        session, status = rm.open_bare_resource("GPIB0::1::INSTR")
        assert status == StatusCode.success
        assert lib.calls[-1] == (
            "open",
            rm.session,
            "GPIB0::1::INSTR",
            AccessModes.no_lock,
            0,
        )
        lib.close(session)

    def test_class_follows_the_interface(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        instr = rm.open_resource("GPIB::1::INSTR")
        assert type(instr) is GPIBInstrument
        serial = rm.open_resource("ASRL1::INSTR")
        assert type(serial) is SerialInstrument
        # Exactly one backend open per open_resource, with the canonical name.
        assert [call[2] for call in lib.calls if call[0] == "open"] == [
            "GPIB0::1::INSTR",
            "ASRL1::INSTR",
        ]

    def test_kwargs_are_set_after_opening(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        instr = rm.open_resource("GPIB::1::INSTR", read_termination="\n", timeout=1500)
        assert isinstance(instr, MessageBasedResource)
        assert instr.read_termination == "\n"
        assert instr.timeout == 1500
        assert lib.sessions[instr.session].attributes[0x3FFF001A] == 1500  # type: ignore[union-attr]
        assert instr.query("*IDN?") == "FAKE,Instrument,0,1.0"

    def test_unknown_kwarg(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        with pytest.raises(ValueError) as excinfo:
            rm.open_resource("ASRL1::INSTR", kwarg_test=1)
        assert str(excinfo.value) == (
            "'kwarg_test' is not a valid attribute for type SerialInstrument"
        )
        assert lib.count("open") == 0
        assert rm.list_opened_resources() == []
        assert list(lib.sessions) == [rm.session]

    def test_failing_kwarg_closes_the_resource(
        self, lib: FakeVisaLibrary, rm: ResourceManager
    ) -> None:
        with pytest.raises(ValueError):
            rm.open_resource("GPIB::1::INSTR", timeout=2**40)
        assert lib.count("open") == 1
        assert list(lib.sessions) == [rm.session]
        assert rm.list_opened_resources() == []

    def test_open_failure(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        with pytest.raises(errors.VisaIOError) as excinfo:
            rm.open_resource("GPIB::9::INSTR")
        assert excinfo.value.error_code == StatusCode.error_resource_not_found
        assert rm.list_opened_resources() == []

    def test_resource_pyclass_is_used_and_typed(self, rm: ResourceManager) -> None:
        instr = rm.open_resource("GPIB::1::INSTR", resource_pyclass=MessageBasedResource)
        assert_type(instr, MessageBasedResource)
        assert type(instr) is MessageBasedResource
        generic = rm.open_resource("GPIB::1::INSTR")
        assert_type(generic, Resource)

    def test_list_opened_resources(self, rm: ResourceManager) -> None:
        first = rm.open_resource("GPIB::1::INSTR")
        second = rm.open_resource("ASRL1::INSTR")
        assert set(rm.list_opened_resources()) == {first, second}
        first.close()
        assert rm.list_opened_resources() == [second]
        del second
        gc.collect()
        assert rm.list_opened_resources() == []

    def test_ignore_warning(self, lib: FakeVisaLibrary, rm: ResourceManager) -> None:
        with rm.ignore_warning(StatusCode.success_device_not_present):
            lib.handle_return_value(rm.session, StatusCode.success_device_not_present)
        with pytest.warns(errors.VisaIOWarning):
            lib.handle_return_value(rm.session, StatusCode.success_device_not_present)

    def test_concurrent_open_and_listing(self, rm: ResourceManager) -> None:
        errors_seen: list[BaseException] = []
        opened: list[Resource] = []
        stop = threading.Event()

        def open_many() -> None:
            try:
                for _ in range(200):
                    opened.append(rm.open_resource("GPIB::1::INSTR"))
            except BaseException as exc:  # pragma: no cover - reported below
                errors_seen.append(exc)

        def list_many() -> None:
            try:
                while not stop.is_set():
                    rm.list_opened_resources()
            except BaseException as exc:  # pragma: no cover - reported below
                errors_seen.append(exc)

        openers = [threading.Thread(target=open_many) for _ in range(4)]
        lister = threading.Thread(target=list_many)
        lister.start()
        for thread in openers:
            thread.start()
        for thread in openers:
            thread.join(30)
        stop.set()
        lister.join(30)
        assert errors_seen == []
        assert len(rm.list_opened_resources()) == len(opened) == 800
