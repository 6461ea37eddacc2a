"""Tests of pyvisa.errors: status messages, exceptions, pickling and library errors."""

import ctypes
import pickle
import struct
import sys
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pyvisa import constants, errors
from pyvisa.constants import StatusCode
from pyvisa.testsuite import _constants_helpers as spec
from pyvisa.testsuite._timing_helpers import LOADED_MACHINE
from pyvisa.testsuite._util_helpers import elf, macho_fat, macho_thin, pe

PYTHON_BITS = 64 if sys.maxsize > 2**32 else 32
STATUS_CODES = frozenset(StatusCode)


def described(code: int) -> tuple[str, str]:
    """Abbreviation and description of a code: PyVISA's table, then the newer codes."""
    table = errors.completion_and_error_messages
    return table[code] if code in table else errors._newer_code_messages[code]


# --- status messages ------------------------------------------------------------------------


def test_timeout_message() -> None:
    exc = errors.VisaIOError(constants.VI_ERROR_TMO)
    assert str(exc) == "VI_ERROR_TMO (-1073807339): Timeout expired before operation completed."
    assert exc.error_code == constants.VI_ERROR_TMO
    assert exc.abbreviation == "VI_ERROR_TMO"
    assert exc.description == "Timeout expired before operation completed."


@pytest.mark.parametrize("code", list(StatusCode), ids=lambda code: code.name)
def test_message_of_every_status_code(code: StatusCode) -> None:
    abbreviation, description = described(code)
    assert len(description) > 10
    for cls in (errors.VisaIOError, errors.VisaIOWarning):
        exc = cls(code)
        assert str(exc) == f"{abbreviation} ({int(code)}): {description}"
        assert (exc.error_code, exc.abbreviation, exc.description) == (
            code,
            abbreviation,
            description,
        )


def test_abbreviations_are_the_visa_names() -> None:
    names = spec.status_abbreviations()
    for code in StatusCode:
        assert described(code)[0] == names[code], code.name


def test_descriptions_of_the_docs_name_the_same_codes() -> None:
    # The 1.11.3 docs describe the codes in other words than PyVISA 1.16.2's table, which wins
    # (fact BK-5): the docs and the table only agree on which codes exist.
    documented = {value for value, _ in spec.documented_status_codes().values()}
    assert documented == set(errors.completion_and_error_messages)


def test_messages_cover_exactly_the_status_codes() -> None:
    table, newer = errors.completion_and_error_messages, errors._newer_code_messages
    assert set(table) | set(newer) == {int(code) for code in StatusCode}
    assert set(table).isdisjoint(newer) and len(table) == 100
    assert all(type(key) is StatusCode for key in [*table, *newer])
    assert errors.completion_and_error_messages[-1073807339][0] == "VI_ERROR_TMO"


@settings(LOADED_MACHINE)
@given(st.integers(-(2**31), 2**31 - 1).filter(lambda v: v not in STATUS_CODES))
def test_unknown_codes_give_a_readable_message(code: int) -> None:
    exc = errors.VisaIOError(code)
    assert str(exc) == f"? ({code}): Unknown code."
    assert exc.error_code == code
    assert str(errors.VisaIOWarning(code)) == f"? ({code}): Unknown code."


@pytest.mark.parametrize("bad", ["-1073807339", None, 1.5])
def test_non_integer_codes_are_rejected(bad: object) -> None:
    for cls in (errors.VisaIOError, errors.VisaIOWarning):
        with pytest.raises(TypeError, match="must be an int"):
            cls(bad)  # type: ignore[arg-type]


def test_status_code_is_re_exported() -> None:
    assert errors.StatusCode is constants.StatusCode
    assert errors.StatusCode.error_resource_not_found.value == -1073807343


def test_default_warnings() -> None:
    expected = {
        StatusCode.success_max_count_read,
        StatusCode.success_device_not_present,
        StatusCode.success_synchronous,
        StatusCode.warning_configuration_not_loaded,
        StatusCode.warning_queue_overflow,
        StatusCode.warning_ext_function_not_implemented,
        StatusCode.warning_nonsupported_attribute_state,
        StatusCode.warning_nonsupported_buffer,
        StatusCode.warning_null_object,
        StatusCode.warning_unknown_status,
    }
    assert isinstance(errors.default_warnings, frozenset)
    assert errors.default_warnings == expected
    assert constants.VI_SUCCESS_MAX_CNT in errors.default_warnings
    assert all(code > 0 for code in errors.default_warnings)


# --- exception classes ----------------------------------------------------------------------


def test_hierarchy() -> None:
    for cls in (
        errors.VisaIOError,
        errors.VisaTypeError,
        errors.UnknownHandler,
        errors.OSNotSupported,
        errors.InvalidBinaryFormat,
        errors.InvalidSession,
        errors.LibraryError,
    ):
        assert issubclass(cls, errors.Error)
    assert issubclass(errors.Error, Exception)
    assert issubclass(errors.VisaIOWarning, Warning)
    assert issubclass(errors.LibraryError, OSError)


def test_messages_of_the_other_exceptions() -> None:
    assert str(errors.InvalidSession()) == "Invalid session handle. The resource might be closed."
    assert str(errors.OSNotSupported("Plan9")) == "Plan9 is not yet supported by PyVISA"
    assert str(errors.InvalidBinaryFormat()) == "Unrecognized binary data format"
    assert str(errors.InvalidBinaryFormat("bad header")) == (
        "Unrecognized binary data format: bad header"
    )
    exc = errors.UnknownHandler(constants.EventType.clear, print, 42)
    assert (exc.event_type, exc.handler, exc.user_handle) == (constants.EventType.clear, print, 42)


def test_visa_io_warning_can_be_issued() -> None:
    with pytest.warns(errors.VisaIOWarning, match="VI_SUCCESS_MAX_CNT"):
        warnings.warn(errors.VisaIOWarning(StatusCode.success_max_count_read), stacklevel=1)


PICKLED = [
    (errors.Error("plain"), ()),
    (errors.VisaIOError(constants.VI_ERROR_TMO), ("error_code", "abbreviation", "description")),
    (errors.VisaIOError(-12345), ("error_code", "abbreviation", "description")),
    (errors.VisaIOWarning(StatusCode.success_max_count_read), ("error_code", "description")),
    (errors.VisaTypeError("wrong type"), ()),
    (
        errors.UnknownHandler(constants.EventType.clear, len, "handle"),
        ("event_type", "user_handle"),
    ),
    (errors.OSNotSupported("Plan9"), ("os",)),
    (errors.InvalidBinaryFormat("too short"), ("description",)),
    (errors.InvalidSession(), ()),
    (errors.LibraryError("cannot load"), ("library_filename", "reason")),
    (errors.LibraryError.from_wrong_arch("/no/such/libvisa.so"), ("library_filename", "reason")),
]


@pytest.mark.parametrize(("exc", "attributes"), PICKLED, ids=lambda value: type(value).__name__)
def test_exceptions_pickle(exc: BaseException, attributes: tuple[str, ...]) -> None:
    restored = pickle.loads(pickle.dumps(exc))
    assert type(restored) is type(exc)
    assert str(restored) == str(exc)
    assert restored.args == exc.args
    for name in attributes:
        assert getattr(restored, name) == getattr(exc, name), name


# --- LibraryError ---------------------------------------------------------------------------

LOAD_ERRORS = [
    (
        "/opt/visa/libvisa.so: cannot open shared object file: No such file or directory",
        "not_found",
    ),
    ("dlopen(/Library/Frameworks/visa.framework/visa, 6): image not found", "not_found"),
    ("Could not find module 'C:\\visa64.dll'. Try using the full path.", "not_found"),
    ("/opt/visa/libvisa.so: wrong ELF class: ELFCLASS32", "wrong_architecture"),
    (
        "dlopen(/Library/Frameworks/visa.framework/visa, 6): no suitable image found. Did find: "
        "/Library/Frameworks/visa.framework/visa: no matching architecture in universal wrapper",
        "wrong_architecture",
    ),
    (
        "dlopen(/usr/local/lib/libvisa.dylib, 0x0006): tried: '/usr/local/lib/libvisa.dylib' "
        "(mach-o file, but is an incompatible architecture (have 'x86_64', need 'arm64'))",
        "wrong_architecture",
    ),
    ("[WinError 193] %1 is not a valid Win32 application", "wrong_architecture"),
    (
        "dlopen(/usr/local/lib/libvisa.dylib, 6): Library not loaded: @rpath/libdep.dylib",
        "missing_dependency",
    ),
    ("/opt/visa/libvisa.so: undefined symbol: some_function", "missing_dependency"),
    ("function 'viOpen' not found", "missing_dependency"),
    ("Could not find module 'visa64.dll' (or one of its dependencies).", "not_found"),
    ("something completely different", "unknown"),
]


@pytest.mark.parametrize(("message", "reason"), LOAD_ERRORS)
def test_library_error_explanations(message: str, reason: str) -> None:
    exc = errors.LibraryError.from_exception(OSError(message), "/opt/visa/libvisa.so")
    assert isinstance(exc, errors.LibraryError)
    assert exc.reason == reason
    assert exc.library_filename == "/opt/visa/libvisa.so"
    text = str(exc)
    assert text.startswith("Error while accessing /opt/visa/libvisa.so: ")
    assert message in text  # the original error is kept
    hints = {
        "not_found": "File not found or not readable",
        "wrong_architecture": "No matching architecture",
        "missing_dependency": "a library it depends on is missing",
        "unknown": "could not be loaded",
    }
    assert hints[reason] in text


def test_windows_error_code_identifies_the_wrong_architecture() -> None:
    class FakeWindowsError(OSError):
        winerror = 193

    exc = errors.LibraryError.from_exception(FakeWindowsError("load failed"), "visa32.dll")
    assert exc.reason == "wrong_architecture"


@pytest.mark.parametrize(
    "message",
    [
        "libdependency.so.3: cannot open shared object file: No such file or directory",
        "Could not find module 'visa64.dll' (or one of its dependencies).",
        "[WinError 126] The specified module could not be found",
    ],
)
def test_missing_dependency_of_an_existing_library(tmp_path: Path, message: str) -> None:
    library = tmp_path / "libvisa.so"
    library.write_bytes(b"\x7fELF")
    exc = errors.LibraryError.from_exception(OSError(message), str(library))
    assert exc.reason == "missing_dependency"
    assert "DYLD_LIBRARY_PATH" in str(exc) and "dll_extra_paths" in str(exc)


def test_unreadable_existing_library(tmp_path: Path) -> None:
    library = tmp_path / "libvisa.so"
    library.write_bytes(b"\x7fELF")
    message = f"{library}: cannot open shared object file: Permission denied"
    exc = errors.LibraryError.from_exception(OSError(message), str(library))
    assert exc.reason == "not_found"


def test_real_missing_library(tmp_path: Path) -> None:
    path = str(tmp_path / "libmissing.so")
    with pytest.raises(OSError) as info:
        ctypes.CDLL(path)
    exc = errors.LibraryError.from_exception(info.value, path)
    assert exc.reason == "not_found"
    assert "Check that the path" in str(exc)


@pytest.mark.skipif(not sys.platform.startswith("linux") or PYTHON_BITS != 64, reason="glibc")
def test_real_wrong_architecture(tmp_path: Path) -> None:
    library = tmp_path / "libvisa32.so"
    library.write_bytes(elf(32, False, 3) + bytes(256))
    with pytest.raises(OSError) as info:
        ctypes.CDLL(str(library))
    exc = errors.LibraryError.from_exception(info.value, str(library))
    assert exc.reason == "wrong_architecture"
    assert "Current Python interpreter is 64 bits" in str(exc)
    assert "bitness: 32 bits" in str(exc)


@pytest.mark.parametrize(
    ("header", "bitness"),
    [
        (elf(32, False, 3), "32 bits"),
        (elf(64, False, 62), "64 bits"),
        (macho_thin(0xFEEDFACE, 7, False), "32 bits"),
        (macho_thin(0xFEEDFACF, 0x01000007, False), "64 bits"),
        (macho_fat([7, 0x01000007]), "32, 64 bits"),
        (macho_fat([0x01000007, 0x0100000C]), "64 bits"),
        (b"\xca\xfe\xba\xbe" + bytes(60), "unknown"),
        (pe(0x14C, 0x10B), "32 bits"),
        (pe(0x8664, 0x20B), "64 bits"),
        (b"MZ" + bytes(0x3A) + struct.pack("<I", 0x4000), "unknown"),
        (b"", "unknown"),
    ],
)
def test_wrong_arch_reports_the_library_bitness(
    tmp_path: Path, header: bytes, bitness: str
) -> None:
    library = tmp_path / "library"
    library.write_bytes(header)
    exc = errors.LibraryError.from_wrong_arch(str(library))
    assert exc.reason == "wrong_architecture"
    assert f"Current Python interpreter is {PYTHON_BITS} bits" in str(exc)
    assert f"bitness: {bitness}\n" in str(exc)
    assert "matching the bitness" in str(exc)


def test_wrong_arch_of_a_missing_file() -> None:
    exc = errors.LibraryError.from_wrong_arch("/no/such/file.so")
    assert "bitness: unknown" in str(exc)
