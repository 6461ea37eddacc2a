"""Exceptions and warnings raised by PyVISA.

Every exception derives from :class:`Error`. Completion and error codes returned by a
VISA library are turned into :class:`VisaIOError` (negative codes) or
:class:`VisaIOWarning` (positive codes the library is asked to warn about), whose message
gives the VISA abbreviation, the numeric code and a description of the code.

All the exceptions can be pickled (for example to cross a process boundary) and keep
their attributes when unpickled.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ._exports import public_at
from ._libheaders import _bitness_text
from ._status_messages import _newer_code_messages, completion_and_error_messages
from .constants import (  # the codes, re-exported as PyVISA does
    VI_ERROR_ABORT,
    VI_ERROR_ALLOC,
    VI_ERROR_ASRL_FRAMING,
    VI_ERROR_ASRL_OVERRUN,
    VI_ERROR_ASRL_PARITY,
    VI_ERROR_ATTR_READONLY,
    VI_ERROR_BERR,
    VI_ERROR_CLOSING_FAILED,
    VI_ERROR_CONN_LOST,
    VI_ERROR_FILE_ACCESS,
    VI_ERROR_FILE_IO,
    VI_ERROR_HNDLR_NINSTALLED,
    VI_ERROR_IN_PROGRESS,
    VI_ERROR_INP_PROT_VIOL,
    VI_ERROR_INTF_NUM_NCONFIG,
    VI_ERROR_INTR_PENDING,
    VI_ERROR_INV_ACC_MODE,
    VI_ERROR_INV_ACCESS_KEY,
    VI_ERROR_INV_CONTEXT,
    VI_ERROR_INV_DEGREE,
    VI_ERROR_INV_EVENT,
    VI_ERROR_INV_EXPR,
    VI_ERROR_INV_FMT,
    VI_ERROR_INV_HNDLR_REF,
    VI_ERROR_INV_JOB_ID,
    VI_ERROR_INV_LENGTH,
    VI_ERROR_INV_LINE,
    VI_ERROR_INV_LOCK_TYPE,
    VI_ERROR_INV_MASK,
    VI_ERROR_INV_MECH,
    VI_ERROR_INV_MODE,
    VI_ERROR_INV_OBJECT,
    VI_ERROR_INV_OFFSET,
    VI_ERROR_INV_PARAMETER,
    VI_ERROR_INV_PROT,
    VI_ERROR_INV_RSRC_NAME,
    VI_ERROR_INV_SETUP,
    VI_ERROR_INV_SIZE,
    VI_ERROR_INV_SPACE,
    VI_ERROR_INV_WIDTH,
    VI_ERROR_IO,
    VI_ERROR_LIBRARY_NFOUND,
    VI_ERROR_LINE_IN_USE,
    VI_ERROR_MACHINE_NAVAIL,
    VI_ERROR_MEM_NSHARED,
    VI_ERROR_NCIC,
    VI_ERROR_NENABLED,
    VI_ERROR_NIMPL_OPER,
    VI_ERROR_NLISTENERS,
    VI_ERROR_NPERMISSION,
    VI_ERROR_NSUP_ALIGN_OFFSET,
    VI_ERROR_NSUP_ATTR,
    VI_ERROR_NSUP_ATTR_STATE,
    VI_ERROR_NSUP_FMT,
    VI_ERROR_NSUP_INTR,
    VI_ERROR_NSUP_LINE,
    VI_ERROR_NSUP_MECH,
    VI_ERROR_NSUP_MODE,
    VI_ERROR_NSUP_OFFSET,
    VI_ERROR_NSUP_OPER,
    VI_ERROR_NSUP_VAR_WIDTH,
    VI_ERROR_NSUP_WIDTH,
    VI_ERROR_NSYS_CNTLR,
    VI_ERROR_OUTP_PROT_VIOL,
    VI_ERROR_QUEUE_ERROR,
    VI_ERROR_QUEUE_OVERFLOW,
    VI_ERROR_RAW_RD_PROT_VIOL,
    VI_ERROR_RAW_WR_PROT_VIOL,
    VI_ERROR_RESP_PENDING,
    VI_ERROR_RSRC_BUSY,
    VI_ERROR_RSRC_LOCKED,
    VI_ERROR_RSRC_NFOUND,
    VI_ERROR_SESN_NLOCKED,
    VI_ERROR_SRQ_NOCCURRED,
    VI_ERROR_SYSTEM_ERROR,
    VI_ERROR_TMO,
    VI_ERROR_TRIG_NMAPPED,
    VI_ERROR_USER_BUF,
    VI_ERROR_WINDOW_MAPPED,
    VI_ERROR_WINDOW_NMAPPED,
    VI_SUCCESS,
    VI_SUCCESS_DEV_NPRESENT,
    VI_SUCCESS_EVENT_DIS,
    VI_SUCCESS_EVENT_EN,
    VI_SUCCESS_MAX_CNT,
    VI_SUCCESS_NCHAIN,
    VI_SUCCESS_NESTED_EXCLUSIVE,
    VI_SUCCESS_NESTED_SHARED,
    VI_SUCCESS_QUEUE_EMPTY,
    VI_SUCCESS_QUEUE_NEMPTY,
    VI_SUCCESS_SYNC,
    VI_SUCCESS_TERM_CHAR,
    VI_SUCCESS_TRIG_MAPPED,
    VI_WARN_CONFIG_NLOADED,
    VI_WARN_EXT_FUNC_NIMPL,
    VI_WARN_NSUP_ATTR_STATE,
    VI_WARN_NSUP_BUF,
    VI_WARN_NULL_OBJECT,
    VI_WARN_QUEUE_OVERFLOW,
    VI_WARN_UNKNOWN_STATUS,
    EventType,
    StatusCode,
    is_64bits,
)
from .typing import VISAHandler

if TYPE_CHECKING:
    from typing_extensions import Self

#: Completion and warning codes on which a :class:`VisaIOWarning` is issued by default.
default_warnings: frozenset[StatusCode] = frozenset(
    {
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
)

_UNKNOWN_CODE = ("?", "Unknown code.")


def _check_code(error_code: object) -> int:
    if isinstance(error_code, int):
        return error_code
    raise InvalidArgumentType(
        f"A VISA status code must be an int (or a StatusCode), not {type(error_code).__name__}: "
        f"{error_code!r}."
    )


def _status_message(error_code: int) -> tuple[str, str, str]:
    known = completion_and_error_messages.get(error_code) or _newer_code_messages.get(error_code)
    abbreviation, description = known or _UNKNOWN_CODE
    return abbreviation, description, f"{abbreviation} ({int(error_code)}): {description}"


class Error(Exception):
    """Abstract basic exception from which all PyVISA exceptions derive."""


class VisaIOError(Error):
    """Exception class for VISA I/O errors.

    Please note that all values for "error_code" are negative according to the
    specification (VPP-4.3.2, observation 3.3.2) and the NI implementation.

    Parameters
    ----------
    error_code : int
        VISA status code (usually negative) that caused the error.

    Attributes
    ----------
    error_code : int
        The status code.
    abbreviation : str
        VISA name of the code (``VI_ERROR_TMO``...), ``"?"`` for an unknown code.
    description : str
        Description of the code.
    partial_data : bytes | None
        Bytes a message-based read had received before it failed (the reads of
        :class:`~pyvisa.resources.MessageBasedResource` set it), None when the error
        does not come from such a read.

    """

    #: Bytes received by the read that failed (see the class documentation).
    partial_data: bytes | None = None
    #: True while ``partial_data`` holds only what the failing backend call itself
    #: returned (the ``ivi`` backend sets it); the resource that made the read then puts
    #: the bytes of its earlier calls in front.
    _partial_from_backend: bool = False

    def __init__(self, error_code: int) -> None:
        code = _check_code(error_code)
        self.abbreviation, self.description, message = _status_message(code)
        super().__init__(message)
        self.error_code = code

    def __reduce__(self) -> tuple[type[VisaIOError], tuple[int]]:
        return (type(self), (self.error_code,))


class VisaIOWarning(Warning):
    """Warning class for VISA I/O warnings.

    Please note that all values for "error_code" are positive according to the
    specification (VPP-4.3.2, observation 3.3.2) and the NI implementation.

    Parameters
    ----------
    error_code : int
        VISA completion or warning code (positive).

    Attributes
    ----------
    error_code : int
        The status code.
    abbreviation : str
        VISA name of the code (``VI_SUCCESS_MAX_CNT``...), ``"?"`` for an unknown code.
    description : str
        Description of the code.

    """

    def __init__(self, error_code: int) -> None:
        code = _check_code(error_code)
        self.abbreviation, self.description, message = _status_message(code)
        super().__init__(message)
        self.error_code = code

    def __reduce__(self) -> tuple[type[VisaIOWarning], tuple[int]]:
        return (type(self), (self.error_code,))


class VisaTypeError(Error):
    """Exception class for wrong types."""


class UnknownHandler(Error):
    """Exception class for invalid handler data given to uninstall_handler().

    Parameters
    ----------
    event_type : EventType
        Event type of the handler.
    handler : Callable
        Handler that was not found.
    user_handle : Any
        User handle given with the handler.

    """

    def __init__(self, event_type: EventType | int, handler: VISAHandler, user_handle: Any) -> None:
        super().__init__(f"{event_type}, {handler}, {user_handle}")
        self.event_type = event_type
        self.handler = handler
        self.user_handle = user_handle

    def __reduce__(self) -> tuple[type[UnknownHandler], tuple[EventType | int, VISAHandler, Any]]:
        return (type(self), (self.event_type, self.handler, self.user_handle))


class OSNotSupported(Error):
    """Exception raised when an operation is not available on the current operating system.

    Parameters
    ----------
    os : str
        Name of the operating system.

    """

    def __init__(self, os: str) -> None:
        super().__init__(f"{os} is not yet supported by PyVISA")
        self.os = os

    def __reduce__(self) -> tuple[type[OSNotSupported], tuple[str]]:
        return (type(self), (self.os,))


class InvalidBinaryFormat(Error):
    """Exception raised when the binary data received cannot be parsed.

    Parameters
    ----------
    description : str, optional
        What was wrong with the data.

    """

    def __init__(self, description: str = "") -> None:
        suffix = f": {description}" if description else ""
        super().__init__("Unrecognized binary data format" + suffix)
        self.description = description

    def __reduce__(self) -> tuple[type[InvalidBinaryFormat], tuple[str]]:
        return (type(self), (self.description,))


class _InvalidBinaryValue(InvalidBinaryFormat, ValueError):
    """The :class:`InvalidBinaryFormat` the resources raise: also a ``ValueError``.

    1.16.2 derives :class:`InvalidBinaryFormat` from :class:`Error` only; the reads of
    binary values raise this subclass so that ``except ValueError`` catches every
    malformed reply, whichever step (header parsing or decoding) rejected it.
    """


class InvalidSession(Error):
    """Exception raised when using an invalid session (for instance a closed resource)."""

    def __init__(self) -> None:
        super().__init__("Invalid session handle. The resource might be closed.")

    def __reduce__(self) -> tuple[type[InvalidSession], tuple[()]]:
        return (type(self), ())


# --- Errors of the package's own checks --------------------------------------------------
# Each derives from Error and from the builtin a caller would catch without knowing PyVISA.


class InvalidArgument(Error, ValueError):
    """An argument or property value is outside what the operation accepts."""


class InvalidArgumentType(Error, TypeError):
    """An argument or property value is not of a type the operation accepts."""


class ArgumentOverflow(InvalidArgument, OverflowError):
    """A number does not fit the binary format or C type it must be written as."""


class NotSupported(Error, NotImplementedError):
    """The backend, or the loaded VISA library, does not provide this operation."""


class MissingFunctionError(NotSupported):
    """A VISA function is not exported by the loaded library.

    Raised when calling the stub that replaces a function absent from the
    library (older VISA implementations lack e.g. the 64-bit ``*Ex`` functions).

    Parameters
    ----------
    function_name : str
        Name of the C function (``viIn8Ex``...).
    library_path : str
        Path of the library that lacks it.

    """

    def __init__(self, function_name: str, library_path: str) -> None:
        super().__init__(
            f"{function_name} is not exported by the VISA library {library_path} "
            "(the library implements an older VISA specification or lacks this operation)"
        )
        self.function_name = function_name
        self.library_path = library_path

    def __reduce__(self) -> tuple[type[MissingFunctionError], tuple[str, str]]:
        return (type(self), (self.function_name, self.library_path))


class InvalidBlockHeader(Error, RuntimeError):
    """The header of a binary block cannot be read (too late in the data, or malformed).

    A :class:`RuntimeError`, as in PyVISA, which raises that builtin for these headers.
    """


class PlatformNotSupported(Error, OSError):
    """The operation has no implementation for the running operating system."""


class UnknownAttribute(Error, AttributeError):
    """The object has no such attribute (or it cannot be set or deleted)."""


class UsageError(Error, RuntimeError):
    """An object is used in a state that does not allow the operation."""


class BackendNotFound(InvalidArgument):
    """No installed backend has the requested name (or its module cannot be imported)."""


class InvalidQuery(VisaIOError, ValueError):
    """A resource query (``list_resources`` expression) is malformed.

    A :class:`VisaIOError` with the code ``VI_ERROR_INV_EXPR`` (and its message), as a
    VISA library reports it and PyVISA raises it, and a :class:`ValueError`.

    Parameters
    ----------
    detail : str, optional
        What was wrong with the query (also logged at DEBUG level).

    """

    def __init__(self, detail: str = "") -> None:
        super().__init__(StatusCode.error_invalid_expression)
        self.detail = detail

    def __reduce__(self) -> tuple[type[InvalidQuery], tuple[str]]:  # type: ignore[override]
        return (type(self), (self.detail,))


@public_at("pyvisa.rname")
class InvalidResourceName(ValueError):
    """The resource name is malformed or names an unknown kind of resource.

    PyVISA 1.16.2 derives it from :class:`ValueError` alone, and scripts and pickles name
    it ``pyvisa.rname.InvalidResourceName``: it is the one exception of the package
    outside the :class:`~pyvisa.errors.Error` hierarchy (``except ValueError`` catches it).

    Parameters
    ----------
    msg : str
        The complete message, also available as ``msg``.

    """

    def __init__(self, msg: str) -> None:
        super().__init__(msg)
        self.msg = msg

    def __str__(self) -> str:
        return self.msg

    @classmethod
    def bad_syntax(cls, syntax: str, resource_name: str, ex: Exception | None = None) -> Self:
        """Build the error for a name that does not follow the expected syntax.

        Parameters
        ----------
        syntax : str
            Expected syntax of the name.
        resource_name : str
            The name that could not be parsed.
        ex : Exception, optional
            What exactly was wrong; shown in parentheses after the syntax.

        """
        detail = f" ({ex})" if ex else ""
        return cls(f"Could not parse '{resource_name}'. The syntax is '{syntax}'{detail}.")

    @classmethod
    def subclass_notfound(
        cls, interface_type_resource_class: tuple[str, str], resource_name: str | None = None
    ) -> Self:
        """Build the error for an (interface type, resource class) pair without parser.

        Parameters
        ----------
        interface_type_resource_class : tuple[str, str]
            Interface type and resource class found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        message = f"Parser not found for: {interface_type_resource_class}."
        return cls(_prefixed(message, resource_name))

    @classmethod
    def rc_notfound(cls, interface_type: str, resource_name: str | None = None) -> Self:
        """Build the error for a missing resource class that has no default.

        Parameters
        ----------
        interface_type : str
            Interface type found in the name.
        resource_name : str, optional
            The name that could not be parsed.

        """
        message = f"Resource class for {interface_type} not provided and default not found."
        return cls(_prefixed(message, resource_name))


def _prefixed(message: str, resource_name: str | None) -> str:
    if resource_name is None:
        return message
    return f"Could not parse '{resource_name}'. {message}"


class ResourceNameFieldError(InvalidResourceName, Error, TypeError):
    """Wrong fields given to a resource-name class (missing required part, unknown name).

    An :class:`InvalidResourceName` and, as a constructor argument error, a
    :class:`TypeError`.
    """


# Fragments of the messages of dlopen (Linux, macOS) and LoadLibrary (Windows) that tell
# why a shared library could not be loaded. They are matched in lower case.
_WRONG_ARCH_HINTS = (
    "wrong elf class",
    "no matching architecture",
    "wrong architecture",
    "incompatible architecture",
    "not a valid win32 application",
    "wrong machine type",
)
_MISSING_DEPENDENCY_HINTS = (
    "library not loaded",
    # ctypes on Windows, when a DLL loaded without its own dependencies (docs FAQ)
    "function '",
    "undefined symbol",
    "symbol not found",
    "version `",
)
_NOT_FOUND_HINTS = (
    "image not found",
    "no such file",
    "cannot open shared object file",
    "could not find module",
    "the specified module could not be found",
    "not found",
)
_WINERROR_WRONG_ARCH = 193
_WINERROR_MOD_NOT_FOUND = 126

_FIX_NOT_FOUND = (
    "Check that the path given to the ResourceManager (or VisaLibrary) constructor, in the "
    "PYVISA_LIBRARY environment variable or in the configuration file points to an existing, "
    "readable VISA library, or install a VISA library (run pyvisa-info to see the libraries "
    "PyVISA can find)."
)
_FIX_WRONG_ARCH = (
    "Install and use a VISA library matching the bitness of your Python interpreter, or a "
    "Python interpreter matching the bitness of your VISA library (run pyvisa-info to see "
    "the details of your installation)."
)
_FIX_MISSING_DEPENDENCY = (
    "The library itself was found, but a library it depends on is missing or incompatible. "
    "Reinstall the VISA library (or its runtime), or add the directory of the missing "
    "dependency to the library search path (on Windows with dll_extra_paths in the [Paths] "
    "section of .pyvisarc, LD_LIBRARY_PATH on Linux, DYLD_LIBRARY_PATH on macOS)."
)


def _library_bitness(filename: str) -> str:
    """Bitness of a shared library read from its headers ("32, 64 bits" for a universal one)."""
    bitness = _bitness_text(filename)
    return "unknown" if bitness == "n/a" else f"{bitness} bits"


class LibraryError(OSError, Error):
    """Error raised when a VISA shared library cannot be loaded.

    Use :meth:`from_exception` to turn the :class:`OSError` raised while loading a library
    into an explanation of the likely cause and of its fix.

    Parameters
    ----------
    message : str
        Explanation of the error.
    filename : str | None, optional
        Path of the library that could not be loaded.
    reason : str, optional
        Category of the failure: ``"not_found"``, ``"wrong_architecture"``,
        ``"missing_dependency"`` or ``"unknown"`` (the default).

    """

    def __init__(self, message: str, filename: str | None = None, reason: str = "unknown") -> None:
        super().__init__(message)
        self.library_filename = filename
        self.filename = filename
        self.reason = reason

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""

    def __reduce__(self) -> tuple[type[LibraryError], tuple[str, str | None, str]]:
        return (type(self), (str(self), self.library_filename, self.reason))

    @classmethod
    def from_exception(cls, exc: BaseException, filename: str) -> LibraryError:
        """Explain why loading a shared library failed.

        Parameters
        ----------
        exc : BaseException
            Exception raised while loading the library (usually an :class:`OSError`
            from :mod:`ctypes`).
        filename : str
            Path (or name) of the library that was being loaded.

        Returns
        -------
        LibraryError
            Error whose message explains the likely cause: library not found, library
            built for another architecture, or missing dependency; the original message
            is kept at the end.

        """
        try:
            original = str(exc)
        except UnicodeDecodeError:
            # PyVISA gives up on such a message: nothing can be said about the failure.
            return cls(f"Error while accessing {filename}.", filename)
        except Exception:  # a message that cannot be rendered must not hide the real error
            original = repr(exc)
        if ": no suitable image found" in original and "no matching architecture" not in original:
            # dlopen on macOS found the file but could not tell what it is.
            return cls(f"Error while accessing {filename}: Could not determine filetype.", filename)
        reason = _classify_load_error(exc, original, filename)
        if reason == "wrong_architecture":
            message = _wrong_arch_message(filename) + f"\n    Original error: {original}"
            return cls(message, filename, reason)
        if reason == "missing_dependency":
            explanation = _FIX_MISSING_DEPENDENCY
        elif reason == "not_found":
            explanation = "File not found or not readable. " + _FIX_NOT_FOUND
        else:
            explanation = "The library could not be loaded."
        return cls(
            f"Error while accessing {filename}: {explanation}\n    Original error: {original}",
            filename,
            reason,
        )

    @classmethod
    def from_wrong_arch(cls, filename: str) -> LibraryError:
        """Explain that a library does not match the architecture of the Python interpreter.

        Parameters
        ----------
        filename : str
            Path of the library.

        Returns
        -------
        LibraryError
            Error giving the bitness of the interpreter and, when it can be read from the
            file, the bitness of the library.

        """
        return cls(_wrong_arch_message(filename), filename, "wrong_architecture")


def _wrong_arch_message(filename: str) -> str:
    return "\n".join(
        [
            f"Error while accessing {filename}: No matching architecture.",
            f"    Current Python interpreter is {64 if is_64bits else 32} bits",
            f"    The library in: {filename}",
            f"      bitness: {_library_bitness(filename)}",
            "    " + _FIX_WRONG_ARCH,
        ]
    )


def _classify_load_error(exc: BaseException, message: str, filename: str) -> str:
    lowered = message.lower()
    winerror = getattr(exc, "winerror", None)
    if winerror == _WINERROR_WRONG_ARCH or any(h in lowered for h in _WRONG_ARCH_HINTS):
        return "wrong_architecture"
    if any(h in lowered for h in _MISSING_DEPENDENCY_HINTS):
        return "missing_dependency"
    if winerror == _WINERROR_MOD_NOT_FOUND or any(h in lowered for h in _NOT_FOUND_HINTS):
        return "missing_dependency" if _names_another_file(message, filename) else "not_found"
    return "unknown"


def _names_another_file(message: str, filename: str) -> bool:
    """Whether a "not found" message is about a dependency of an existing library."""
    if not os.path.isfile(filename):
        return False
    lowered = message.lower()
    if "one of its dependencies" in lowered or "specified module could not be found" in lowered:
        # Windows cannot tell which module is missing: the library itself is there.
        return True
    # dlopen names the file it could not open.
    missing = message.split(":", 1)[0].strip()
    return os.path.basename(missing) != os.path.basename(filename)


__all__ = [
    "ArgumentOverflow",
    "BackendNotFound",
    "Error",
    "EventType",
    "InvalidArgument",
    "InvalidArgumentType",
    "InvalidBinaryFormat",
    "InvalidBlockHeader",
    "InvalidQuery",
    "InvalidResourceName",
    "InvalidSession",
    "LibraryError",
    "MissingFunctionError",
    "NotSupported",
    "OSNotSupported",
    "PlatformNotSupported",
    "StatusCode",
    "UnknownAttribute",
    "UnknownHandler",
    "UsageError",
    "VI_ERROR_ABORT",
    "VI_ERROR_ALLOC",
    "VI_ERROR_ASRL_FRAMING",
    "VI_ERROR_ASRL_OVERRUN",
    "VI_ERROR_ASRL_PARITY",
    "VI_ERROR_ATTR_READONLY",
    "VI_ERROR_BERR",
    "VI_ERROR_CLOSING_FAILED",
    "VI_ERROR_CONN_LOST",
    "VI_ERROR_FILE_ACCESS",
    "VI_ERROR_FILE_IO",
    "VI_ERROR_HNDLR_NINSTALLED",
    "VI_ERROR_INP_PROT_VIOL",
    "VI_ERROR_INTF_NUM_NCONFIG",
    "VI_ERROR_INTR_PENDING",
    "VI_ERROR_INV_ACCESS_KEY",
    "VI_ERROR_INV_ACC_MODE",
    "VI_ERROR_INV_CONTEXT",
    "VI_ERROR_INV_DEGREE",
    "VI_ERROR_INV_EVENT",
    "VI_ERROR_INV_EXPR",
    "VI_ERROR_INV_FMT",
    "VI_ERROR_INV_HNDLR_REF",
    "VI_ERROR_INV_JOB_ID",
    "VI_ERROR_INV_LENGTH",
    "VI_ERROR_INV_LINE",
    "VI_ERROR_INV_LOCK_TYPE",
    "VI_ERROR_INV_MASK",
    "VI_ERROR_INV_MECH",
    "VI_ERROR_INV_MODE",
    "VI_ERROR_INV_OBJECT",
    "VI_ERROR_INV_OFFSET",
    "VI_ERROR_INV_PARAMETER",
    "VI_ERROR_INV_PROT",
    "VI_ERROR_INV_RSRC_NAME",
    "VI_ERROR_INV_SETUP",
    "VI_ERROR_INV_SIZE",
    "VI_ERROR_INV_SPACE",
    "VI_ERROR_INV_WIDTH",
    "VI_ERROR_IN_PROGRESS",
    "VI_ERROR_IO",
    "VI_ERROR_LIBRARY_NFOUND",
    "VI_ERROR_LINE_IN_USE",
    "VI_ERROR_MACHINE_NAVAIL",
    "VI_ERROR_MEM_NSHARED",
    "VI_ERROR_NCIC",
    "VI_ERROR_NENABLED",
    "VI_ERROR_NIMPL_OPER",
    "VI_ERROR_NLISTENERS",
    "VI_ERROR_NPERMISSION",
    "VI_ERROR_NSUP_ALIGN_OFFSET",
    "VI_ERROR_NSUP_ATTR",
    "VI_ERROR_NSUP_ATTR_STATE",
    "VI_ERROR_NSUP_FMT",
    "VI_ERROR_NSUP_INTR",
    "VI_ERROR_NSUP_LINE",
    "VI_ERROR_NSUP_MECH",
    "VI_ERROR_NSUP_MODE",
    "VI_ERROR_NSUP_OFFSET",
    "VI_ERROR_NSUP_OPER",
    "VI_ERROR_NSUP_VAR_WIDTH",
    "VI_ERROR_NSUP_WIDTH",
    "VI_ERROR_NSYS_CNTLR",
    "VI_ERROR_OUTP_PROT_VIOL",
    "VI_ERROR_QUEUE_ERROR",
    "VI_ERROR_QUEUE_OVERFLOW",
    "VI_ERROR_RAW_RD_PROT_VIOL",
    "VI_ERROR_RAW_WR_PROT_VIOL",
    "VI_ERROR_RESP_PENDING",
    "VI_ERROR_RSRC_BUSY",
    "VI_ERROR_RSRC_LOCKED",
    "VI_ERROR_RSRC_NFOUND",
    "VI_ERROR_SESN_NLOCKED",
    "VI_ERROR_SRQ_NOCCURRED",
    "VI_ERROR_SYSTEM_ERROR",
    "VI_ERROR_TMO",
    "VI_ERROR_TRIG_NMAPPED",
    "VI_ERROR_USER_BUF",
    "VI_ERROR_WINDOW_MAPPED",
    "VI_ERROR_WINDOW_NMAPPED",
    "VI_SUCCESS",
    "VI_SUCCESS_DEV_NPRESENT",
    "VI_SUCCESS_EVENT_DIS",
    "VI_SUCCESS_EVENT_EN",
    "VI_SUCCESS_MAX_CNT",
    "VI_SUCCESS_NCHAIN",
    "VI_SUCCESS_NESTED_EXCLUSIVE",
    "VI_SUCCESS_NESTED_SHARED",
    "VI_SUCCESS_QUEUE_EMPTY",
    "VI_SUCCESS_QUEUE_NEMPTY",
    "VI_SUCCESS_SYNC",
    "VI_SUCCESS_TERM_CHAR",
    "VI_SUCCESS_TRIG_MAPPED",
    "VI_WARN_CONFIG_NLOADED",
    "VI_WARN_EXT_FUNC_NIMPL",
    "VI_WARN_NSUP_ATTR_STATE",
    "VI_WARN_NSUP_BUF",
    "VI_WARN_NULL_OBJECT",
    "VI_WARN_QUEUE_OVERFLOW",
    "VI_WARN_UNKNOWN_STATUS",
    "VisaIOError",
    "VisaIOWarning",
    "VisaTypeError",
    "completion_and_error_messages",
    "default_warnings",
]
