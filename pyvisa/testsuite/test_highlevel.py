"""Tests of VisaLibraryBase and of the backend resolution (pyvisa.highlevel)."""

from __future__ import annotations

import inspect
import logging
import re
import sys
import types
import uuid
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyvisa import constants, errors, highlevel
from pyvisa.constants import DataWidth, EventType, InterfaceType, StatusCode
from pyvisa.highlevel import ResourceInfo, VisaLibraryBase
from pyvisa.testsuite import _fake_backend
from pyvisa.testsuite._fake_backend import FakeVisaLibrary, forget_library, fresh_library
from pyvisa.testsuite._resources_helpers import run_together
from pyvisa.testsuite.test_highlevel_api import LEVEL2_FUNCTIONS
from pyvisa.util import LibraryPath

# Operations the base class implements itself (by parsing or by dispatching on the width).
IMPLEMENTED_IN_BASE = {
    "read_memory",
    "write_memory",
    "move_in",
    "move_out",
    "peek",
    "poke",
    "parse_resource",
    "parse_resource_extended",
}


class BareLibrary(VisaLibraryBase):
    """A backend overriding nothing."""


@pytest.fixture
def bare() -> Iterator[BareLibrary]:
    with fresh_library(BareLibrary, "bare") as lib:
        yield lib


@pytest.fixture
def fake() -> Iterator[FakeVisaLibrary]:
    with fresh_library(FakeVisaLibrary) as lib:
        yield lib


@pytest.fixture
def faketest_backend(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the fake backend importable as pyvisa_faketest."""
    monkeypatch.setitem(sys.modules, _fake_backend.MODULE_NAME, _fake_backend)
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    yield


# --- VisaLibraryBase: the level 2 API ---------------------------------------------------


# Signatures and docstrings are checked against the documentation in test_highlevel_api.


@pytest.mark.parametrize("name", sorted(set(LEVEL2_FUNCTIONS) - IMPLEMENTED_IN_BASE))
def test_unimplemented_operation_raises(bare: BareLibrary, name: str) -> None:
    method = getattr(bare, name)
    required = [
        p
        for p in inspect.signature(method).parameters.values()
        if p.default is inspect.Parameter.empty
    ]
    with pytest.raises(NotImplementedError, match=re.escape(repr(name))):
        method(*[None] * len(required))


def test_get_buffer_from_id_not_implemented(bare: BareLibrary) -> None:
    with pytest.raises(NotImplementedError, match="get_buffer_from_id"):
        bare.get_buffer_from_id(1)  # type: ignore[arg-type]


def test_default_static_hooks() -> None:
    assert tuple(VisaLibraryBase.get_library_paths()) == ()
    assert VisaLibraryBase.get_debug_info()


def test_repr_and_str(bare: BareLibrary) -> None:
    assert repr(bare) == f"<VisaLibrary({str(bare.library_path)!r})>"
    assert str(bare) == f"Visa Library at {bare.library_path}"


# --- instance cache ---------------------------------------------------------------------


def test_instance_cache(fake: FakeVisaLibrary) -> None:
    assert FakeVisaLibrary(str(fake.library_path)) is fake
    assert fake.init_count == 1
    other = FakeVisaLibrary(f"{fake.library_path}-other")
    try:
        assert other is not fake
        assert BareLibrary(str(fake.library_path)) is not fake
    finally:
        forget_library(other)
        VisaLibraryBase._registry.pop((BareLibrary, fake.library_path), None)


def test_library_path_is_set_before_init(fake: FakeVisaLibrary) -> None:
    assert isinstance(fake.library_path, LibraryPath)
    assert fake.path_seen_by_init == fake.library_path
    assert fake.library_path.found_by == "user specified"


def test_empty_path_uses_library_paths() -> None:
    lib = FakeVisaLibrary("")
    assert lib.library_path == "fake-default"
    assert FakeVisaLibrary() is lib


def test_empty_path_reports_every_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # HL-3: one line per failed candidate (the text of its exception) and nothing else.
    paths = (LibraryPath("unopenable-1"), LibraryPath("unopenable-2"))
    monkeypatch.setattr(FakeVisaLibrary, "get_library_paths", staticmethod(lambda: paths))
    with pytest.raises(OSError) as excinfo:
        FakeVisaLibrary("")
    # An OSError as in PyVISA, of the package's hierarchy.
    assert isinstance(excinfo.value, errors.LibraryError)
    lines = str(excinfo.value).split("\n")
    assert lines[0] == "Could not open VISA library:"
    assert len(lines) == 3
    assert "unopenable-1" in lines[1] and "unopenable-2" in lines[2]


def test_no_candidate_gives_the_bare_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FakeVisaLibrary, "get_library_paths", staticmethod(lambda: ()))
    with pytest.raises(OSError) as excinfo:
        FakeVisaLibrary("")
    assert str(excinfo.value) == "Could not open VISA library:\n"


def test_candidate_failures_are_logged_and_collected(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # HL-3 / BK-4: OSError is logged at DEBUG, any other exception is collected too.
    paths = (LibraryPath("unopenable-a", "user"), LibraryPath("bad-value"))
    original_init = FakeVisaLibrary._init

    def _init(self: FakeVisaLibrary) -> None:
        if self.library_path == "bad-value":
            raise ValueError("malformed library path")
        original_init(self)

    monkeypatch.setattr(FakeVisaLibrary, "_init", _init)
    monkeypatch.setattr(FakeVisaLibrary, "get_library_paths", staticmethod(lambda: paths))
    with caplog.at_level(logging.DEBUG, logger="pyvisa"), pytest.raises(OSError) as excinfo:
        FakeVisaLibrary("")
    lines = str(excinfo.value).split("\n")
    assert len(lines) == 3 and lines[2] == "malformed library path"
    assert any(
        r.levelno == logging.DEBUG
        and r.getMessage().startswith("Could not open VISA library unopenable-a: ")
        for r in caplog.records
    )


def test_explicit_ivi_without_library_is_an_os_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyvisa.ctwrapper import IVIVisaLibrary

    monkeypatch.setattr(IVIVisaLibrary, "get_library_paths", staticmethod(lambda: ()))
    for spec in ("@ivi", ""):
        monkeypatch.setenv("PYVISA_LIBRARY", spec or "@ivi")
        with pytest.raises(OSError, match="^Could not open VISA library:"):
            highlevel.open_visa_library(spec)


def test_failed_init_is_not_cached() -> None:
    with pytest.raises(OSError):
        FakeVisaLibrary("unopenable")
    assert (FakeVisaLibrary, "unopenable") not in VisaLibraryBase._registry


def test_instance_cache_is_thread_safe() -> None:
    path = f"threads-{uuid.uuid4()}"
    try:
        results = run_together(lambda: FakeVisaLibrary(path), 16)
        assert len(results) == 16
        assert all(lib is results[0] for lib in results)
        assert results[0].init_count == 1  # type: ignore[attr-defined]
    finally:
        VisaLibraryBase._registry.pop((FakeVisaLibrary, path), None)  # type: ignore[arg-type]


# --- status handling --------------------------------------------------------------------


def test_handle_return_value_success(fake: FakeVisaLibrary) -> None:
    session: Any = 12
    status = fake.handle_return_value(session, 0)
    assert status is StatusCode.success
    assert fake.last_status is StatusCode.success
    assert fake.get_last_status_in_session(session) is StatusCode.success


def test_handle_return_value_error(fake: FakeVisaLibrary) -> None:
    session: Any = 12
    with pytest.raises(errors.VisaIOError) as excinfo:
        fake.handle_return_value(session, StatusCode.error_timeout.value)
    assert excinfo.value.error_code == StatusCode.error_timeout
    assert fake.last_status == StatusCode.error_timeout
    assert fake.get_last_status_in_session(session) == StatusCode.error_timeout
    with pytest.raises(errors.VisaIOError):
        fake.handle_return_value(None, StatusCode.error_timeout)


def test_handle_return_value_keeps_unknown_codes(fake: FakeVisaLibrary) -> None:
    assert fake.handle_return_value(None, 0x3FFF0999) == 0x3FFF0999


def test_handle_return_value_warnings(fake: FakeVisaLibrary) -> None:
    session: Any = 12
    code = StatusCode.success_max_count_read
    assert code in fake.issue_warning_on
    with pytest.warns(errors.VisaIOWarning):
        fake.handle_return_value(session, code)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # No session: no warning.
        fake.handle_return_value(None, code)
        with fake.ignore_warning(session, code):
            fake.handle_return_value(session, code)
            with fake.ignore_warning(session, code):
                fake.handle_return_value(session, code)
            # Still ignored: the outer context is active.
            fake.handle_return_value(session, code)
    # Ignoring is per session.
    with fake.ignore_warning(session, code), pytest.warns(errors.VisaIOWarning):
        fake.handle_return_value(13, code)  # type: ignore[arg-type]
    # And ends with the context.
    with pytest.warns(errors.VisaIOWarning):
        fake.handle_return_value(session, code)


def test_per_session_status(fake: FakeVisaLibrary) -> None:
    fake.handle_return_value(1, StatusCode.success_termination_character_read)  # type: ignore[arg-type]
    fake.handle_return_value(2, StatusCode.success)  # type: ignore[arg-type]
    assert fake.get_last_status_in_session(1) == StatusCode.success_termination_character_read  # type: ignore[arg-type]
    assert fake.get_last_status_in_session(2) == StatusCode.success  # type: ignore[arg-type]
    with pytest.raises(errors.Error, match="does not have any last status"):
        fake.get_last_status_in_session(3)  # type: ignore[arg-type]


def test_session_closed_forgets_the_session(fake: FakeVisaLibrary) -> None:
    closed: Any = 14
    other: Any = 15
    fake.handle_return_value(closed, StatusCode.success)
    fake.handle_return_value(other, StatusCode.success_termination_character_read)
    fake.install_visa_handler(closed, EventType.clear, _handler, 1)
    last = fake.last_status
    fake._session_closed(closed)
    fake._session_closed(closed)  # already forgotten: no error
    with pytest.raises(errors.Error, match="does not have any last status"):
        fake.get_last_status_in_session(closed)
    assert closed not in fake.handlers
    assert fake.get_last_status_in_session(other) is StatusCode.success_termination_character_read
    assert fake.last_status is last


# --- handlers ---------------------------------------------------------------------------


def _handler(session: Any, event_type: Any, context: Any, user_handle: Any) -> None:
    pass


def test_visa_handler_registry(fake: FakeVisaLibrary) -> None:
    session: Any = 5
    event = EventType.service_request
    handle = fake.install_visa_handler(session, event, _handler, "user")
    assert handle == "user"
    assert fake.handlers[session] == [(_handler, "user", ("converted", _handler), event)]
    fake.uninstall_visa_handler(session, event, _handler, "user")
    assert not fake.handlers.get(session)
    assert fake.calls[-1] == ("uninstall_handler", session, event, ("converted", _handler), "user")
    with pytest.raises(errors.UnknownHandler):
        fake.uninstall_visa_handler(session, event, _handler, "user")


def test_uninstall_all_visa_handlers(fake: FakeVisaLibrary) -> None:
    fake.uninstall_all_visa_handlers(77)  # type: ignore[arg-type]  # nothing installed: no-op
    assert fake.count("uninstall_handler") == 0
    fake.install_visa_handler(1, EventType.service_request, _handler, 1)  # type: ignore[arg-type]
    fake.install_visa_handler(1, EventType.clear, _handler, 2)  # type: ignore[arg-type]
    fake.install_visa_handler(2, EventType.trig, _handler, 3)  # type: ignore[arg-type]
    fake.uninstall_all_visa_handlers(1)  # type: ignore[arg-type]
    assert fake.count("uninstall_handler") == 2
    assert list(fake.handlers) == [2]
    fake.uninstall_all_visa_handlers(None)
    assert fake.count("uninstall_handler") == 3
    assert not fake.handlers


def test_invalid_handler_raises_visa_type_error(fake: FakeVisaLibrary) -> None:
    with pytest.raises(errors.VisaTypeError):
        fake.install_visa_handler(1, EventType.clear, 42, None)  # type: ignore[arg-type]
    assert not fake.handlers.get(1)


# --- pure Python operations of the base class --------------------------------------------


@pytest.mark.parametrize(
    ("width", "expected"),
    [(8, "in_8"), (16, "in_16"), (32, "in_32"), (64, "in_64"), (DataWidth.bit_8, "in_8")]
    + [(DataWidth.bit_64, "in_64"), (DataWidth.bit_16, "in_16"), (DataWidth.bit_32, "in_32")],
)
def test_read_memory_dispatch(fake: FakeVisaLibrary, width: Any, expected: str) -> None:
    data, _ = fake.read_memory(1, constants.AddressSpace.a16, 4, width)  # type: ignore[arg-type]
    assert data == (expected, 4)


@pytest.mark.parametrize("width", [0, 7, 128, "8"])
def test_invalid_width(fake: FakeVisaLibrary, width: Any) -> None:
    with pytest.raises(ValueError, match="not a valid data width"):
        fake.read_memory(1, constants.AddressSpace.a16, 0, width)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a valid data width"):
        fake.poke(1, 0, width, 0)  # type: ignore[arg-type]


def test_width_dispatch_of_unimplemented_operation(bare: BareLibrary) -> None:
    with pytest.raises(NotImplementedError, match="'move_out_16'"):
        bare.move_out(1, constants.AddressSpace.a16, 0, 1, [1], 16)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GPIB::12::INSTR", ResourceInfo(InterfaceType.gpib, 0, "INSTR", "GPIB0::12::INSTR", None)),
        (
            "TCPIP1::1.2.3.4::5025::SOCKET",
            ResourceInfo(InterfaceType.tcpip, 1, "SOCKET", "TCPIP1::1.2.3.4::5025::SOCKET", None),
        ),
        ("ASRL/dev/ttyUSB0::INSTR", None),
    ],
)
def test_parse_resource_extended(bare: BareLibrary, name: str, expected: Any) -> None:
    # Called unbound, as the keysight base tests do.
    info, status = VisaLibraryBase.parse_resource_extended(bare, 1, name)  # type: ignore[arg-type]
    assert status == StatusCode.success
    if expected is not None:
        assert info == expected
    else:
        assert info.interface_type == InterfaceType.asrl
        assert info.interface_board_number is None
    short, status = bare.parse_resource(1, name)  # type: ignore[arg-type]
    assert short == (info.interface_type, info.interface_board_number, None, None, None)


def test_parse_invalid_resource(bare: BareLibrary) -> None:
    info, status = bare.parse_resource_extended(1, "not a resource")  # type: ignore[arg-type]
    assert status == StatusCode.error_invalid_resource_name
    assert info == ResourceInfo(InterfaceType.unknown, 0, None, None, None)


# --- backend resolution -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("@py", ("", "py")),
        ("@sim", ("", "sim")),
        ("file.yaml@sim", ("file.yaml", "sim")),
        ("/path/to/lib", ("/path/to/lib", "ivi")),
        ("/path/to/lib@ivi", ("/path/to/lib", "ivi")),
        ("/home/me@work/dev.yaml@sim", ("/home/me@work/dev.yaml", "sim")),
        ("@my-backend", ("", "my-backend")),
        ("@my_backend", ("", "my_backend")),
        # The text after the last "@" is a path, not a backend name: the whole is a path.
        ("/home/me@work/libvisa.so", ("/home/me@work/libvisa.so", "ivi")),
        ("/home/me@work/libvisa.so@ivi", ("/home/me@work/libvisa.so", "ivi")),
        ("dir@x/dev.yaml@sim", ("dir@x/dev.yaml", "sim")),
    ],
)
def test_split_specification(spec: str, expected: tuple[str, str]) -> None:
    assert highlevel._split_specification(spec) == expected


@given(
    argument=st.text(max_size=30),
    backend=st.from_regex(r"[A-Za-z0-9_\-]{1,12}", fullmatch=True),
)
def test_split_specification_roundtrip(argument: str, backend: str) -> None:
    # Only the last "@" separates the backend: the argument may contain "@" itself.
    assert highlevel._split_specification(f"{argument}@{backend}") == (argument, backend)


@given(st.text(alphabet=st.characters(blacklist_characters="@"), min_size=1, max_size=30))
def test_specification_without_at_is_an_ivi_path(path: str) -> None:
    assert highlevel._split_specification(path) == (path, "ivi")


def test_split_specification_without_backend() -> None:
    with pytest.raises(ValueError, match="No backend name after '@'"):
        highlevel._split_specification("path@")


def test_get_wrapper_class(faketest_backend: None) -> None:
    assert highlevel.get_wrapper_class("faketest") is FakeVisaLibrary
    assert highlevel.get_wrapper_class("faketest") is FakeVisaLibrary


def test_get_wrapper_class_dash(faketest_backend: None) -> None:
    module = types.ModuleType("pyvisa_fake_dash")
    module.WRAPPER_CLASS = FakeVisaLibrary  # type: ignore[attr-defined]
    sys.modules["pyvisa_fake_dash"] = module
    try:
        assert highlevel.get_wrapper_class("fake-dash") is FakeVisaLibrary
    finally:
        del sys.modules["pyvisa_fake_dash"]


def test_get_wrapper_class_literal_dash_module(faketest_backend: None) -> None:
    # A module whose name really contains "-" wins over the "_" spelling.
    literal = types.ModuleType("pyvisa_lit-dash")
    literal.WRAPPER_CLASS = FakeVisaLibrary  # type: ignore[attr-defined]
    spelled = types.ModuleType("pyvisa_lit_dash")
    spelled.WRAPPER_CLASS = BareLibrary  # type: ignore[attr-defined]
    sys.modules["pyvisa_lit-dash"] = literal
    sys.modules["pyvisa_lit_dash"] = spelled
    try:
        assert highlevel.get_wrapper_class("lit-dash") is FakeVisaLibrary
        assert highlevel.get_wrapper_class("lit_dash") is BareLibrary
    finally:
        del sys.modules["pyvisa_lit-dash"], sys.modules["pyvisa_lit_dash"]


def test_get_wrapper_class_missing_dash_backend() -> None:
    with pytest.raises(ValueError, match="No package named pyvisa_does_not_exist"):
        highlevel.get_wrapper_class("does-not-exist")


def test_get_wrapper_class_missing_backend() -> None:
    with pytest.raises(ValueError, match="pyvisa_doesnotexist"):
        highlevel.get_wrapper_class("doesnotexist")


@pytest.mark.parametrize("name", ["", "a b", "../x", "a.b"])
def test_get_wrapper_class_invalid_name(name: str) -> None:
    with pytest.raises(ValueError, match="not a valid backend name"):
        highlevel.get_wrapper_class(name)


def test_get_wrapper_class_without_wrapper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyvisa_nowrapper", types.ModuleType("pyvisa_nowrapper"))
    with pytest.raises(ValueError, match="pyvisa_nowrapper does not define WRAPPER_CLASS"):
        highlevel.get_wrapper_class("nowrapper")


def test_get_wrapper_class_broken_dependency(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyvisa_broken.py").write_text("import somedependency\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "pyvisa_broken", raising=False)
    with pytest.raises(ValueError, match="dependencies is missing"):
        highlevel.get_wrapper_class("broken")


def test_ivi_without_ctwrapper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    monkeypatch.setitem(sys.modules, "pyvisa.ctwrapper", types.ModuleType("pyvisa.ctwrapper"))
    with pytest.raises(ValueError, match="pyvisa.ctwrapper does not define WRAPPER_CLASS"):
        highlevel.get_wrapper_class("ivi")


def test_list_backends() -> None:
    backends = highlevel.list_backends()
    assert backends[0] == "ivi"
    assert "sim" in backends
    assert "py" in backends


def test_open_visa_library_spec(faketest_backend: None) -> None:
    lib = highlevel.open_visa_library("some/path@faketest")
    assert isinstance(lib, FakeVisaLibrary)
    assert lib.library_path == "some/path"
    assert highlevel.open_visa_library("@faketest").library_path == "fake-default"


def test_pyvisa_library_environment_variable(
    faketest_backend: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYVISA_LIBRARY", "env/path@faketest")
    assert highlevel.open_visa_library().library_path == "env/path"
    assert highlevel.open_visa_library("").library_path == "env/path"
    # An explicit specification wins over the environment.
    assert highlevel.open_visa_library("explicit@faketest").library_path == "explicit"


class _NoPathIVI(FakeVisaLibrary):
    @staticmethod
    def get_library_paths() -> tuple[LibraryPath, ...]:
        return ()


def _patch_backends(monkeypatch: pytest.MonkeyPatch, available: dict[str, type[Any]]) -> None:
    def get_wrapper_class(name: str) -> type[Any]:
        try:
            return available[name]
        except KeyError:
            raise ValueError(f"no backend {name}") from None

    from pyvisa.ctwrapper import IVIVisaLibrary

    # HL-2: the default backend is chosen from IVIVisaLibrary.get_library_paths().
    ivi_paths = tuple(available["ivi"].get_library_paths()) if "ivi" in available else ()
    monkeypatch.setattr(IVIVisaLibrary, "get_library_paths", staticmethod(lambda: ivi_paths))
    monkeypatch.delenv("PYVISA_LIBRARY", raising=False)
    monkeypatch.setattr(highlevel, "get_wrapper_class", get_wrapper_class)


def test_default_is_ivi_when_a_library_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    _patch_backends(monkeypatch, {"ivi": FakeVisaLibrary, "py": BareLibrary})
    assert isinstance(highlevel.open_visa_library(), FakeVisaLibrary)


def test_default_falls_back_to_py(monkeypatch: pytest.MonkeyPatch) -> None:
    _patch_backends(monkeypatch, {"ivi": _NoPathIVI, "py": FakeVisaLibrary})
    lib = highlevel.open_visa_library()
    assert type(lib) is FakeVisaLibrary


def test_default_without_any_backend(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _patch_backends(monkeypatch, {"ivi": _NoPathIVI})
    with caplog.at_level(logging.DEBUG, logger="pyvisa"), pytest.raises(ValueError) as excinfo:
        highlevel.open_visa_library()
    assert str(excinfo.value) == (
        "Could not locate a VISA implementation. Install either the IVI binary or pyvisa-py."
    )
    messages = [r.getMessage() for r in caplog.records]
    assert "Did not find IVI binary" in messages
    assert "Did not find pyvisa-py package" in messages


def test_get_default_wrapper(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _patch_backends(monkeypatch, {"ivi": FakeVisaLibrary})
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert highlevel._get_default_wrapper() == "ivi"
    assert "The IVI implementation available" in [r.getMessage() for r in caplog.records]
    caplog.clear()
    _patch_backends(monkeypatch, {"ivi": _NoPathIVI, "py": FakeVisaLibrary})
    with caplog.at_level(logging.DEBUG, logger="pyvisa"):
        assert highlevel._get_default_wrapper() == "py"
    assert "pyvisa-py is available." in [r.getMessage() for r in caplog.records]


def test_wrappers_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # HL-1: _WRAPPERS is consulted first and filled on first request.
    from pyvisa.ctwrapper import IVIVisaLibrary

    monkeypatch.setattr(highlevel, "_WRAPPERS", {})
    assert highlevel.get_wrapper_class("ivi") is IVIVisaLibrary
    assert highlevel._WRAPPERS == {"ivi": IVIVisaLibrary}
    highlevel._WRAPPERS["faked"] = FakeVisaLibrary
    assert highlevel.get_wrapper_class("faked") is FakeVisaLibrary
    highlevel._WRAPPERS.clear()
    with pytest.raises(ValueError, match="Wrapper not found"):
        highlevel.get_wrapper_class("faked")


def test_open_visa_library_accepts_paths(faketest_backend: None, tmp_path: Any) -> None:
    lib = highlevel.open_visa_library(tmp_path / "lib@faketest")
    assert lib.library_path == str(tmp_path / "lib")


def test_open_visa_library_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="must be a string"):
        highlevel.open_visa_library(42)  # type: ignore[arg-type]


def test_ignore_warning_forgets_the_session_afterwards(fake: FakeVisaLibrary) -> None:
    session: Any = 21
    code = StatusCode.success_device_not_present
    with fake.ignore_warning(session, code), fake.ignore_warning(session, code):
        pass
    with fake.ignore_warning(session):
        pass
    assert session not in fake._ignore_warning_in_session
    with pytest.warns(errors.VisaIOWarning):
        fake.handle_return_value(session, code)


def test_ignore_warning_from_threads(fake: FakeVisaLibrary) -> None:
    session: Any = 22
    code = StatusCode.success_max_count_read

    def work() -> None:
        for _ in range(200):
            with fake.ignore_warning(session, code):
                fake.handle_return_value(session, code)

    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        run_together(work, 8)
    assert records == []
    assert session not in fake._ignore_warning_in_session
