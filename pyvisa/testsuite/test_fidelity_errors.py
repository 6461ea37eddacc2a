"""pyvisa.errors against PyVISA 1.16.2: message table (BK-5), class bases, re-exports, ER-1/ER-2."""

import ast
import inspect
import pickle
import warnings

import pytest

import pyvisa
from pyvisa import constants, errors
from pyvisa.constants import StatusCode
from pyvisa.testsuite._api_listing import load_listing

_ERRORS = load_listing()["modules"]["pyvisa.errors"]["names"]
LISTED_MESSAGES: dict[int, tuple[str, str]] = {
    int(code): ast.literal_eval(text)
    for code, text in _ERRORS["completion_and_error_messages"]["container"]["items"].items()
}
REEXPORTED = sorted(
    name for name, spec in _ERRORS.items() if spec.get("imported_from") == "pyvisa.constants"
)


# --- BK-5: the texts of completion_and_error_messages -----------------------------------------


def test_table_holds_exactly_the_listed_texts() -> None:
    assert len(LISTED_MESSAGES) == 100
    assert dict(errors.completion_and_error_messages) == LISTED_MESSAGES


@pytest.mark.parametrize("code", sorted(LISTED_MESSAGES))
def test_messages_use_the_listed_texts(code: int) -> None:
    abbreviation, description = LISTED_MESSAGES[code]
    for cls in (errors.VisaIOError, errors.VisaIOWarning):
        exc = cls(code)
        assert str(exc) == f"{abbreviation} ({code}): {description}"
        assert exc.description == description and exc.abbreviation == abbreviation


def test_examples_of_the_1_16_2_wording() -> None:
    exc = errors.VisaIOError(StatusCode.error_nonsupported_operation)
    assert str(exc) == (
        "VI_ERROR_NSUP_OPER (-1073807257): "
        "The given session or object reference does not support this operation."
    )
    permission = errors.VisaIOError(StatusCode.error_no_permission).description
    assert permission == (
        "Access to the resource or remote machine is denied. This is due to lack of sufficient "
        "privileges for the current user or machine"
    )
    warning = errors.VisaIOWarning(StatusCode.success_max_count_read)
    assert warning.description == (
        "The number of bytes transferred is equal to the requested input count. "
        "More data may be available."
    )


def test_codes_newer_than_the_table_are_still_described() -> None:
    exc = errors.VisaIOError(StatusCode.error_server_certificate_expired)
    assert StatusCode.error_server_certificate_expired not in errors.completion_and_error_messages
    assert str(exc) == (
        f"VI_ERROR_SERVER_CERT_EXPIRED ({int(StatusCode.error_server_certificate_expired)}): "
        "The server certificate has expired."
    )


# --- classes ----------------------------------------------------------------------------------


def test_visa_io_error_and_warning_bases() -> None:
    assert errors.VisaIOError.__bases__ == (errors.Error,)
    assert errors.VisaIOWarning.__bases__ == (Warning,)
    assert not issubclass(errors.VisaIOWarning, errors.Error)


def test_visa_io_error_and_warning_still_pickle_and_warn() -> None:
    for cls in (errors.VisaIOError, errors.VisaIOWarning):
        exc = cls(constants.VI_ERROR_TMO)
        restored = pickle.loads(pickle.dumps(exc))
        assert type(restored) is cls and str(restored) == str(exc)
        assert restored.error_code == exc.error_code
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn(errors.VisaIOWarning(StatusCode.success_synchronous), stacklevel=1)
    assert caught and caught[0].category is errors.VisaIOWarning


def test_from_wrong_arch_takes_only_the_filename() -> None:
    parameters = list(inspect.signature(errors.LibraryError.from_wrong_arch).parameters)
    assert parameters == ["filename"]
    exc = errors.LibraryError.from_wrong_arch("/no/such/libvisa.so")
    assert "No matching architecture" in str(exc)


def test_wrong_architecture_from_an_exception_keeps_the_original_error() -> None:
    message = "/opt/libvisa.so: wrong ELF class: ELFCLASS32"
    exc = errors.LibraryError.from_exception(OSError(message), "/opt/libvisa.so")
    assert exc.reason == "wrong_architecture"
    assert "No matching architecture" in str(exc) and message in str(exc)


# --- ER-1, ER-2 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "dlopen(/Library/visa, 6): no suitable image found.  Did find: /Library/visa: "
        "file too short",
        "x: no suitable image found",
    ],
)
def test_er1_undetermined_filetype(message: str) -> None:
    exc = errors.LibraryError.from_exception(OSError(message), "/Library/visa")
    assert str(exc) == "Error while accessing /Library/visa: Could not determine filetype."
    assert isinstance(exc, errors.LibraryError)


def test_er1_no_matching_architecture_is_still_the_architecture() -> None:
    message = "dlopen(/L/visa, 6): no suitable image found. Did find: no matching architecture"
    exc = errors.LibraryError.from_exception(OSError(message), "/L/visa")
    assert "Could not determine filetype" not in str(exc)
    assert exc.reason == "wrong_architecture"


def test_er2_message_that_cannot_be_decoded() -> None:
    class Undecodable(OSError):
        def __str__(self) -> str:
            raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    exc = errors.LibraryError.from_exception(Undecodable(), "/opt/libvisa.so")
    assert type(exc) is errors.LibraryError
    assert str(exc) == "Error while accessing /opt/libvisa.so."
    assert exc.args == ("Error while accessing /opt/libvisa.so.",)


# --- names ------------------------------------------------------------------------------------


def test_errors_re_exports_the_codes_and_event_type() -> None:
    assert len(REEXPORTED) == 102
    for name in REEXPORTED:
        assert getattr(errors, name) is getattr(constants, name), name
    assert errors.EventType is constants.EventType
    assert errors.VI_ERROR_TMO == -1073807339 and errors.VI_SUCCESS == 0


def test_package_exports_every_exception() -> None:
    assert pyvisa.OSNotSupported is errors.OSNotSupported
    assert pyvisa.UnknownHandler is errors.UnknownHandler
    listed = load_listing()["modules"]["pyvisa"]["all"]
    assert sorted(pyvisa.__all__) == sorted(listed)


def test_star_import_binds_no_submodule() -> None:
    namespace: dict[str, object] = {}
    exec("from pyvisa import *", namespace)  # noqa: S102
    assert "typing" not in namespace and "constants" not in namespace
    assert namespace["UnknownHandler"] is errors.UnknownHandler


def test_thirdparty_subpackage() -> None:
    import importlib

    assert pyvisa.thirdparty is importlib.import_module("pyvisa.thirdparty")
