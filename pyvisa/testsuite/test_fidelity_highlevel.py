"""Facts of PyVISA 1.16.2 about the frontend: RM-1 ... RM-4, BK-3, HL-4, listing items."""

from __future__ import annotations

import ctypes
import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from typing import Any

import pytest

from pyvisa import attributes, constants, errors, highlevel
from pyvisa.constants import InterfaceType, StatusCode
from pyvisa.highlevel import ResourceManager
from pyvisa.resources import MessageBasedResource, Resource
from pyvisa.testsuite import _fake_backend
from pyvisa.testsuite._fake_backend import FakeVisaLibrary, fresh_library
from pyvisa.typing import VISASession


@pytest.fixture
def lib(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeVisaLibrary]:
    monkeypatch.setitem(sys.modules, _fake_backend.MODULE_NAME, _fake_backend)
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    with fresh_library(FakeVisaLibrary, "fidelity") as library:
        yield library


@pytest.fixture
def rm(lib: FakeVisaLibrary) -> Iterator[ResourceManager]:
    manager = ResourceManager(lib)
    yield manager
    manager.close()


# --- RM-4: lenient opening, visible ---------------------------------------------------


def test_open_returning_an_error_status_warns(
    lib: FakeVisaLibrary, rm: ResourceManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    def lenient_open(session: Any, name: str, *args: Any) -> tuple[VISASession, StatusCode]:
        return VISASession(0), StatusCode.error_resource_not_found

    monkeypatch.setattr(lib, "open", lenient_open)
    with pytest.warns(errors.VisaIOWarning) as record:
        instr = rm.open_resource("GPIB0::22::INSTR", timeout=100)
    assert len(record) == 1
    message = str(record[0].message)
    assert "'GPIB0::22::INSTR'" in message
    assert "VI_ERROR_RSRC_NFOUND (-1073807343)" in message
    assert record[0].message.error_code == StatusCode.error_resource_not_found  # type: ignore[union-attr]
    assert instr.session == 0
    # The first real operation fails.
    with pytest.raises(errors.VisaIOError):
        instr.clear()


def test_open_bare_resource_warns_too(
    lib: FakeVisaLibrary, rm: ResourceManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        lib, "open", lambda *a: (VISASession(0), StatusCode.error_invalid_resource_name)
    )
    with pytest.warns(errors.VisaIOWarning, match="'nonsense'"):
        assert rm.open_bare_resource("nonsense") == (0, StatusCode.error_invalid_resource_name)


def test_failed_bare_open_does_not_make_a_later_open_lenient(
    lib: FakeVisaLibrary, rm: ResourceManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    original_open = lib.open
    monkeypatch.setattr(
        lib, "open", lambda *a: (VISASession(0), StatusCode.error_invalid_resource_name)
    )
    with pytest.warns(errors.VisaIOWarning):
        rm.open_bare_resource("nonsense")
    monkeypatch.setattr(lib, "open", original_open)
    monkeypatch.setattr(
        lib,
        "set_attribute",
        lambda session, *a: lib.handle_return_value(session, StatusCode.error_system_error),
    )
    # The session of this open is good: failing to apply an attribute raises.
    with pytest.raises(errors.VisaIOError):
        rm.open_resource("GPIB0::1::INSTR", timeout=100)


def test_successful_open_does_not_warn(rm: ResourceManager) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rm.open_resource("GPIB0::1::INSTR").close()


def test_open_that_raises_still_raises(rm: ResourceManager) -> None:
    with pytest.raises(errors.VisaIOError):
        rm.open_resource("GPIB0::29::INSTR")  # the fake backend raises, like pyvisa-py


def test_sim_undefined_name_does_not_raise() -> None:
    with ResourceManager("@sim") as manager:
        with pytest.warns(errors.VisaIOWarning, match="ASRL99::INSTR"):
            instr: Any = manager.open_resource("ASRL99::INSTR", read_termination="\n")
        with pytest.raises(errors.VisaIOError):
            instr.read()


# --- RM-1 / BK-3: a backend taking over opening -------------------------------------


class _Custom:
    def __init__(self, name: str) -> None:
        self.name = name
        self.session = 1
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


def test_backend_takes_over_opening(lib: FakeVisaLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Any, ...]] = []

    def open_resource(*args: Any, **kwargs: Any) -> _Custom:
        calls.append((*args, kwargs))
        return _Custom(args[0])

    monkeypatch.setattr(lib, "open_resource", open_resource, raising=False)
    manager = ResourceManager(lib)
    result = manager.open_resource("GPIB0::1::INSTR", timeout=5)
    assert isinstance(result, _Custom)
    name, access, timeout, pyclass, kwargs = calls[0]
    assert (name, access, timeout) == (
        "GPIB0::1::INSTR",
        constants.AccessModes.no_lock,
        constants.VI_TMO_IMMEDIATE,
    )
    assert pyclass is highlevel.ResourceManager._resource_classes[(InterfaceType.gpib, "INSTR")]
    assert kwargs == {"timeout": 5}
    assert result in manager.list_opened_resources()
    manager.close()
    assert result.closed == 1
    assert ("open", manager.visalib) not in lib.calls


# --- RM-2 / RM-3: registering resource classes ----------------------------------------


@pytest.fixture
def restore_registry() -> Iterator[None]:
    saved = dict(highlevel.ResourceManager._resource_classes)
    yield
    highlevel.ResourceManager._resource_classes.clear()
    highlevel.ResourceManager._resource_classes.update(saved)


def test_register_twice_warns(restore_registry: None, caplog: pytest.LogCaptureFixture) -> None:
    key = (InterfaceType.gpib, "INSTR")
    existing = highlevel.ResourceManager._resource_classes[key]

    class Again(existing):  # type: ignore[valid-type, misc]
        pass

    with caplog.at_level(logging.WARNING, logger="pyvisa"):
        highlevel.ResourceManager.register_resource_class(*key, Again)
    record = [r for r in caplog.records if "already registered" in r.getMessage()]
    assert record and record[0].levelno == logging.WARNING
    assert record[0].getMessage() == (
        f"{key} is already registered in the ResourceManager. Overwriting with {Again}"
    )
    assert highlevel.ResourceManager._resource_classes[key] is Again


def test_register_class_lacking_attributes(restore_registry: None) -> None:
    key = (InterfaceType.tcpip, "SOCKET")
    before = highlevel.ResourceManager._resource_classes[key]
    with pytest.raises(
        TypeError, match=r"^<class 'object'> was expected to have a visa attribute "
    ):
        highlevel.ResourceManager.register_resource_class(*key, object)  # type: ignore[arg-type]
    assert highlevel.ResourceManager._resource_classes[key] is before


def test_register_sets_visa_attributes_classes(restore_registry: None) -> None:
    key = (InterfaceType.asrl, "INSTR")
    existing = highlevel.ResourceManager._resource_classes[key]

    class Mine(existing):  # type: ignore[valid-type, misc]
        pass

    highlevel.ResourceManager.register_resource_class(*key, Mine)
    expected = set(attributes.AttributesPerResource[key]) | set(
        attributes.AttributesPerResource[attributes.AllSessionTypes]
    )
    assert expected <= Mine.visa_attributes_classes
    assert Mine.visa_attributes_classes is not existing.visa_attributes_classes


# --- listing items --------------------------------------------------------------------


def test_session_setter(rm: ResourceManager) -> None:
    session = rm.session
    rm.session = session
    assert rm.session == session


def test_pyvisa_module_and_type_var() -> None:
    assert issubclass(highlevel.PyVISAModule, type(os))
    assert "WRAPPER_CLASS" in highlevel.PyVISAModule.__annotations__
    assert highlevel.T.__bound__ is not None


def test_resource_info_is_a_named_tuple() -> None:
    info = highlevel.ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::1::INSTR", None)
    assert info._fields == (
        "interface_type",
        "interface_board_number",
        "resource_class",
        "resource_name",
        "alias",
    )


def test_kwargs_are_checked_against_the_class(rm: ResourceManager) -> None:
    with pytest.raises(ValueError, match="^'no_such' is not a valid attribute for type "):
        rm.open_resource("GPIB0::1::INSTR", no_such=1)
    assert issubclass(
        highlevel.ResourceManager._resource_classes[(InterfaceType.gpib, "INSTR")],
        MessageBasedResource,
    )
    assert Resource is not None


# --- HL-4: WRAP_HANDLER ---------------------------------------------------------------


def test_wrap_handler_default_and_environment() -> None:
    from pyvisa import ctwrapper

    assert ctwrapper.WRAP_HANDLER is (os.environ.get("PYVISA_WRAP_HANDLER") in (None, "1"))
    code = "import pyvisa.ctwrapper as c; print(c.WRAP_HANDLER, c.env_value)"
    env = dict(os.environ, PYVISA_WRAP_HANDLER="0")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "0"]


def test_unwrapped_handler_is_given_to_vihndlr(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa import ctwrapper
    from pyvisa.ctwrapper import functions, types

    captured: dict[str, Any] = {}

    class _C:
        def viInstallHandler(self, session: Any, event: Any, handler: Any, handle: Any) -> int:
            captured["handler"] = handler
            return 0

    class _Lib:
        c = _C()

        def _keep_handler(self, *args: Any) -> None:
            pass

    def raw(*args: Any) -> int:
        captured["args"] = args
        return 0

    monkeypatch.setattr(ctwrapper, "WRAP_HANDLER", False)
    functions.install_handler(_Lib(), 1, 0x3FFF200B, raw, None)  # type: ignore[arg-type]
    callback = captured["handler"]
    assert isinstance(callback, types.ViHndlr)
    # Calling the C pointer reaches the raw Python function with ctypes arguments.
    as_function = ctypes.cast(callback, types.ViHndlr)
    as_function(3, 0x3FFF200B, 7, None)
    session = captured["args"][0]
    assert isinstance(session, types.ViObject) and session.value == 3


# --- interpreter exit ---------------------------------------------------------------


def test_exit_closes_each_session_once(tmp_path: Any) -> None:
    script = tmp_path / "exit_script.py"
    script.write_text(
        "import atexit, sys\n"
        "def report():\n"
        "    closes = [c[1] for c in lib.calls if c[0] == 'close']\n"
        "    sys.stderr.write('CLOSES %d %d\\n' % (len(closes), len(set(closes))))\n"
        "atexit.register(report)  # runs after the finalizers (registered later)\n"
        "import pyvisa\n"
        "from pyvisa.testsuite import _fake_backend\n"
        "_fake_backend.install()\n"
        "rm = pyvisa.ResourceManager('exit@faketest')\n"
        "lib = rm.visalib\n"
        "a = rm.open_resource('GPIB0::1::INSTR')\n"
        "b = rm.open_resource('GPIB0::1::INSTR')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert result.stdout == ""
    # Two resources and the manager: three sessions, each closed exactly once, and
    # nothing else printed.
    assert result.stderr.splitlines() == ["CLOSES 3 3"]
