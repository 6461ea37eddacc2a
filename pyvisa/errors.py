"""Exceptions and warnings raised by PyVISA.

Every exception derives from :class:`Error`. Completion and error codes returned by a
VISA library are turned into :class:`VisaIOError` (negative codes) or
:class:`VisaIOWarning` (positive codes the library is asked to warn about), whose message
gives the VISA abbreviation, the numeric code and a description of the code.

All the exceptions can be pickled (for example to cross a process boundary) and keep
their attributes when unpickled.
"""

import os
from typing import Any

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

#: Abbreviation and description of the completion, warning and error codes: exactly the
#: entries of PyVISA 1.16.2, whose texts scripts match.
completion_and_error_messages: dict[int, tuple[str, str]] = {
    StatusCode.success: (
        "VI_SUCCESS",
        "Operation completed successfully.",
    ),
    StatusCode.success_device_not_present: (
        "VI_SUCCESS_DEV_NPRESENT",
        "Session opened successfully, but the device at the specified address is not responding.",
    ),
    StatusCode.success_event_already_disabled: (
        "VI_SUCCESS_EVENT_DIS",
        "Specified event is already disabled for at least one of the specified mechanisms.",
    ),
    StatusCode.success_event_already_enabled: (
        "VI_SUCCESS_EVENT_EN",
        "Specified event is already enabled for at least one of the specified mechanisms.",
    ),
    StatusCode.success_max_count_read: (
        "VI_SUCCESS_MAX_CNT",
        "The number of bytes transferred is equal to the requested input count. More data may be available.",
    ),
    StatusCode.success_nested_exclusive: (
        "VI_SUCCESS_NESTED_EXCLUSIVE",
        "Operation completed successfully, and this session has nested exclusive locks.",
    ),
    StatusCode.success_nested_shared: (
        "VI_SUCCESS_NESTED_SHARED",
        "Operation completed successfully, and this session has nested shared locks.",
    ),
    StatusCode.success_no_more_handler_calls_in_chain: (
        "VI_SUCCESS_NCHAIN",
        "Event handled successfully. Do not invoke any other handlers on this session for this event.",
    ),
    StatusCode.success_queue_already_empty: (
        "VI_SUCCESS_QUEUE_EMPTY",
        "Operation completed successfully, but queue was already empty.",
    ),
    StatusCode.success_queue_not_empty: (
        "VI_SUCCESS_QUEUE_NEMPTY",
        "Wait terminated successfully on receipt of an event notification. There is at least one more event object of the requested type(s) available for this session.",
    ),
    StatusCode.success_synchronous: (
        "VI_SUCCESS_SYNC",
        "Operation completed successfully, but the operation was actually synchronous rather than asynchronous.",
    ),
    StatusCode.success_termination_character_read: (
        "VI_SUCCESS_TERM_CHAR",
        "The specified termination character was read.",
    ),
    StatusCode.success_trigger_already_mapped: (
        "VI_SUCCESS_TRIG_MAPPED",
        "The path from trigSrc to trigDest is already mapped.",
    ),
    StatusCode.warning_configuration_not_loaded: (
        "VI_WARN_CONFIG_NLOADED",
        "The specified configuration either does not exist or could not be loaded. VISA-specified defaults will be used.",
    ),
    StatusCode.warning_ext_function_not_implemented: (
        "VI_WARN_EXT_FUNC_NIMPL",
        "The operation succeeded, but a lower level driver did not implement the extended functionality.",
    ),
    StatusCode.warning_nonsupported_attribute_state: (
        "VI_WARN_NSUP_ATTR_STATE",
        "Although the specified state of the attribute is valid, it is not supported by this implementation.",
    ),
    StatusCode.warning_nonsupported_buffer: (
        "VI_WARN_NSUP_BUF",
        "The specified I/O buffer type is not supported.",
    ),
    StatusCode.warning_null_object: (
        "VI_WARN_NULL_OBJECT",
        "The specified object reference is uninitialized.",
    ),
    StatusCode.warning_queue_overflow: (
        "VI_WARN_QUEUE_OVERFLOW",
        "VISA received more event information of the specified type than the configured queue size could hold.",
    ),
    StatusCode.warning_unknown_status: (
        "VI_WARN_UNKNOWN_STATUS",
        "The status code passed to the operation could not be interpreted.",
    ),
    StatusCode.error_abort: (
        "VI_ERROR_ABORT",
        "User abort occurred during transfer.",
    ),
    StatusCode.error_allocation: (
        "VI_ERROR_ALLOC",
        "Insufficient system resources to perform necessary memory allocation.",
    ),
    StatusCode.error_attribute_read_only: (
        "VI_ERROR_ATTR_READONLY",
        "The specified attribute is read-only.",
    ),
    StatusCode.error_bus_error: (
        "VI_ERROR_BERR",
        "Bus error occurred during transfer.",
    ),
    StatusCode.error_closing_failed: (
        "VI_ERROR_CLOSING_FAILED",
        "The VISA driver failed to properly close the session or object reference. This might be due to an error freeing internal or OS resources, a failed network connection, or a lower-level driver or OS error.",
    ),
    StatusCode.error_connection_lost: (
        "VI_ERROR_CONN_LOST",
        "The connection for the given session has been lost.",
    ),
    StatusCode.error_file_access: (
        "VI_ERROR_FILE_ACCESS",
        "An error occurred while trying to open the specified file. Possible reasons include an invalid path or lack of access rights.",
    ),
    StatusCode.error_file_i_o: (
        "VI_ERROR_FILE_IO",
        "An error occurred while performing I/O on the specified file.",
    ),
    StatusCode.error_handler_not_installed: (
        "VI_ERROR_HNDLR_NINSTALLED",
        "A handler was not installed.",
    ),
    StatusCode.error_in_progress: (
        "VI_ERROR_IN_PROGRESS",
        "Unable to queue the asynchronous operation because there is already an operation in progress.",
    ),
    StatusCode.error_input_protocol_violation: (
        "VI_ERROR_INP_PROT_VIOL",
        "Device reported an input protocol error during transfer.",
    ),
    StatusCode.error_interface_number_not_configured: (
        "VI_ERROR_INTF_NUM_NCONFIG",
        "The interface type is valid but the specified interface number is not configured.",
    ),
    StatusCode.error_interrupt_pending: (
        "VI_ERROR_INTR_PENDING",
        "An interrupt is still pending from a previous call.",
    ),
    StatusCode.error_invalid_access_key: (
        "VI_ERROR_INV_ACCESS_KEY",
        "The access key to the resource associated with the specified session is invalid.",
    ),
    StatusCode.error_invalid_access_mode: (
        "VI_ERROR_INV_ACC_MODE",
        "Invalid access mode.",
    ),
    StatusCode.error_invalid_address_space: (
        "VI_ERROR_INV_SPACE",
        "Invalid address space specified.",
    ),
    StatusCode.error_invalid_context: (
        "VI_ERROR_INV_CONTEXT",
        "Specified event context is invalid.",
    ),
    StatusCode.error_invalid_degree: (
        "VI_ERROR_INV_DEGREE",
        "Specified degree is invalid.",
    ),
    StatusCode.error_invalid_event: (
        "VI_ERROR_INV_EVENT",
        "Specified event type is not supported by the resource.",
    ),
    StatusCode.error_invalid_expression: (
        "VI_ERROR_INV_EXPR",
        "Invalid expression specified for search.",
    ),
    StatusCode.error_invalid_format: (
        "VI_ERROR_INV_FMT",
        "A format specifier in the format string is invalid.",
    ),
    StatusCode.error_invalid_handler_reference: (
        "VI_ERROR_INV_HNDLR_REF",
        "The given handler reference is either invalid or was not installed.",
    ),
    StatusCode.error_invalid_job_i_d: (
        "VI_ERROR_INV_JOB_ID",
        "Specified job identifier is invalid.",
    ),
    StatusCode.error_invalid_length: (
        "VI_ERROR_INV_LENGTH",
        "Invalid length specified.",
    ),
    StatusCode.error_invalid_line: (
        "VI_ERROR_INV_LINE",
        "The value specified by the line parameter is invalid.",
    ),
    StatusCode.error_invalid_lock_type: (
        "VI_ERROR_INV_LOCK_TYPE",
        "The specified type of lock is not supported by this resource.",
    ),
    StatusCode.error_invalid_mask: (
        "VI_ERROR_INV_MASK",
        "Invalid buffer mask specified.",
    ),
    StatusCode.error_invalid_mechanism: (
        "VI_ERROR_INV_MECH",
        "Invalid mechanism specified.",
    ),
    StatusCode.error_invalid_mode: (
        "VI_ERROR_INV_MODE",
        "Invalid mode specified.",
    ),
    StatusCode.error_invalid_object: (
        "VI_ERROR_INV_OBJECT",
        "The given session or object reference is invalid.",
    ),
    StatusCode.error_invalid_offset: (
        "VI_ERROR_INV_OFFSET",
        "Invalid offset specified.",
    ),
    StatusCode.error_invalid_parameter: (
        "VI_ERROR_INV_PARAMETER",
        "The value of some parameter (which parameter is not known) is invalid.",
    ),
    StatusCode.error_invalid_protocol: (
        "VI_ERROR_INV_PROT",
        "The protocol specified is invalid.",
    ),
    StatusCode.error_invalid_resource_name: (
        "VI_ERROR_INV_RSRC_NAME",
        "Invalid resource reference specified. Parsing error.",
    ),
    StatusCode.error_invalid_setup: (
        "VI_ERROR_INV_SETUP",
        "Unable to start operation because setup is invalid (usually due to attributes being set to an inconsistent state).",
    ),
    StatusCode.error_invalid_size: (
        "VI_ERROR_INV_SIZE",
        "Invalid size of window specified.",
    ),
    StatusCode.error_invalid_width: (
        "VI_ERROR_INV_WIDTH",
        "Invalid access width specified.",
    ),
    StatusCode.error_io: (
        "VI_ERROR_IO",
        "Could not perform operation because of I/O error.",
    ),
    StatusCode.error_library_not_found: (
        "VI_ERROR_LIBRARY_NFOUND",
        "A code library required by VISA could not be located or loaded.",
    ),
    StatusCode.error_line_in_use: (
        "VI_ERROR_LINE_IN_USE",
        "The specified trigger line is currently in use.",
    ),
    StatusCode.error_machine_not_available: (
        "VI_ERROR_MACHINE_NAVAIL",
        "The remote machine does not exist or is not accepting any connections. If the NI-VISA server is installed and running on the remote machine, it may have an incompatible version or may be listening on a different port.",
    ),
    StatusCode.error_memory_not_shared: (
        "VI_ERROR_MEM_NSHARED",
        "The device does not export any memory.",
    ),
    StatusCode.error_no_listeners: (
        "VI_ERROR_NLISTENERS",
        "No listeners condition is detected (both NRFD and NDAC are deasserted).",
    ),
    StatusCode.error_no_permission: (
        "VI_ERROR_NPERMISSION",
        "Access to the resource or remote machine is denied. This is due to lack of sufficient privileges for the current user or machine",
    ),
    StatusCode.error_nonimplemented_operation: (
        "VI_ERROR_NIMPL_OPER",
        "The given operation is not implemented.",
    ),
    StatusCode.error_nonsupported_attribute: (
        "VI_ERROR_NSUP_ATTR",
        "The specified attribute is not defined or supported by the referenced object.",
    ),
    StatusCode.error_nonsupported_attribute_state: (
        "VI_ERROR_NSUP_ATTR_STATE",
        "The specified state of the attribute is not valid, or is not supported as defined by the object.",
    ),
    StatusCode.error_nonsupported_format: (
        "VI_ERROR_NSUP_FMT",
        "A format specifier in the format string is not supported.",
    ),
    StatusCode.error_nonsupported_interrupt: (
        "VI_ERROR_NSUP_INTR",
        "The interface cannot generate an interrupt on the requested level or with the requested statusID value.",
    ),
    StatusCode.error_nonsupported_line: (
        "VI_ERROR_NSUP_LINE",
        "One of the specified lines (trigSrc or trigDest) is not supported by this VISA implementation, or the combination of lines is not a valid mapping.",
    ),
    StatusCode.error_nonsupported_mechanism: (
        "VI_ERROR_NSUP_MECH",
        "The specified mechanism is not supported for the given event type.",
    ),
    StatusCode.error_nonsupported_mode: (
        "VI_ERROR_NSUP_MODE",
        "The specified mode is not supported by this VISA implementation.",
    ),
    StatusCode.error_nonsupported_offset: (
        "VI_ERROR_NSUP_OFFSET",
        "Specified offset is not accessible from this hardware.",
    ),
    StatusCode.error_nonsupported_offset_alignment: (
        "VI_ERROR_NSUP_ALIGN_OFFSET",
        "The specified offset is not properly aligned for the access width of the operation.",
    ),
    StatusCode.error_nonsupported_operation: (
        "VI_ERROR_NSUP_OPER",
        "The given session or object reference does not support this operation.",
    ),
    StatusCode.error_nonsupported_varying_widths: (
        "VI_ERROR_NSUP_VAR_WIDTH",
        "Cannot support source and destination widths that are different.",
    ),
    StatusCode.error_nonsupported_width: (
        "VI_ERROR_NSUP_WIDTH",
        "Specified width is not supported by this hardware.",
    ),
    StatusCode.error_not_cic: (
        "VI_ERROR_NCIC",
        "The interface associated with this session is not currently the controller in charge.",
    ),
    StatusCode.error_not_enabled: (
        "VI_ERROR_NENABLED",
        "You must be enabled for events of the specified type in order to receive them.",
    ),
    StatusCode.error_not_system_controller: (
        "VI_ERROR_NSYS_CNTLR",
        "The interface associated with this session is not the system controller.",
    ),
    StatusCode.error_output_protocol_violation: (
        "VI_ERROR_OUTP_PROT_VIOL",
        "Device reported an output protocol error during transfer.",
    ),
    StatusCode.error_queue_error: (
        "VI_ERROR_QUEUE_ERROR",
        "Unable to queue the asynchronous operation (usually due to the I/O completion event not being enabled or insufficient space in the session's queue).",
    ),
    StatusCode.error_queue_overflow: (
        "VI_ERROR_QUEUE_OVERFLOW",
        "The event queue for the specified type has overflowed (usually due to previous events not having been closed).",
    ),
    StatusCode.error_raw_read_protocol_violation: (
        "VI_ERROR_RAW_RD_PROT_VIOL",
        "Violation of raw read protocol occurred during transfer.",
    ),
    StatusCode.error_raw_write_protocol_violation: (
        "VI_ERROR_RAW_WR_PROT_VIOL",
        "Violation of raw write protocol occurred during transfer.",
    ),
    StatusCode.error_resource_busy: (
        "VI_ERROR_RSRC_BUSY",
        "The resource is valid, but VISA cannot currently access it.",
    ),
    StatusCode.error_resource_locked: (
        "VI_ERROR_RSRC_LOCKED",
        "Specified type of lock cannot be obtained, or specified operation cannot be performed, because the resource is locked.",
    ),
    StatusCode.error_resource_not_found: (
        "VI_ERROR_RSRC_NFOUND",
        "Insufficient location information or the requested device or resource is not present in the system.",
    ),
    StatusCode.error_response_pending: (
        "VI_ERROR_RESP_PENDING",
        "A previous response is still pending, causing a multiple query error.",
    ),
    StatusCode.error_serial_framing: (
        "VI_ERROR_ASRL_FRAMING",
        "A framing error occurred during transfer.",
    ),
    StatusCode.error_serial_overrun: (
        "VI_ERROR_ASRL_OVERRUN",
        "An overrun error occurred during transfer. A character was not read from the hardware before the next character arrived.",
    ),
    StatusCode.error_serial_parity: (
        "VI_ERROR_ASRL_PARITY",
        "A parity error occurred during transfer.",
    ),
    StatusCode.error_session_not_locked: (
        "VI_ERROR_SESN_NLOCKED",
        "The current session did not have a lock on the resource.",
    ),
    StatusCode.error_srq_not_occurred: (
        "VI_ERROR_SRQ_NOCCURRED",
        "Service request has not been received for the session.",
    ),
    StatusCode.error_system_error: (
        "VI_ERROR_SYSTEM_ERROR",
        "Unknown system error (miscellaneous error).",
    ),
    StatusCode.error_timeout: (
        "VI_ERROR_TMO",
        "Timeout expired before operation completed.",
    ),
    StatusCode.error_trigger_not_mapped: (
        "VI_ERROR_TRIG_NMAPPED",
        "The path from trigSrc to trigDest is not currently mapped.",
    ),
    StatusCode.error_user_buffer: (
        "VI_ERROR_USER_BUF",
        "A specified user buffer is not valid or cannot be accessed for the required size.",
    ),
    StatusCode.error_window_already_mapped: (
        "VI_ERROR_WINDOW_MAPPED",
        "The specified session currently contains a mapped window.",
    ),
    StatusCode.error_window_not_mapped: (
        "VI_ERROR_WINDOW_NMAPPED",
        "The specified session is not currently mapped.",
    ),
}


# Codes that VISA libraries newer than the table above return (IVI VISA 7 and NI-VISA): they
# are described too, but kept out of the public table, which holds exactly PyVISA's entries.
_newer_code_messages: dict[int, tuple[str, str]] = {
    StatusCode.warning_server_certificate_invalid_subject: (
        "VI_WARN_SERVER_CERT_INV_SUBJECT",
        "The subject of the server certificate does not match the host name, but the connection was still established.",
    ),
    StatusCode.warning_server_certificate_untrusted: (
        "VI_WARN_SERVER_CERT_UNTRUSTED",
        "The server certificate is not trusted by the client, but the connection was still established.",
    ),
    StatusCode.error_hardware_not_genuine: (
        "VI_ERROR_HW_NGENUINE",
        "The hardware is not genuine and cannot be used with this driver.",
    ),
    StatusCode.error_line_not_reserved: (
        "VI_ERROR_LINE_NRESERVED",
        "An attempt was made to use a trigger line that is not reserved for this session.",
    ),
    StatusCode.error_server_certificate: (
        "VI_ERROR_SERVER_CERT",
        "The server certificate could not be validated.",
    ),
    StatusCode.error_server_certificate_expired: (
        "VI_ERROR_SERVER_CERT_EXPIRED",
        "The server certificate has expired.",
    ),
    StatusCode.error_server_certificate_invalid_subject: (
        "VI_ERROR_SERVER_CERT_INV_SUBJECT",
        "The subject of the server certificate does not match the host name.",
    ),
    StatusCode.error_server_certificate_revoked: (
        "VI_ERROR_SERVER_CERT_REVOKED",
        "The server certificate has been revoked.",
    ),
    StatusCode.error_server_certificate_untrusted: (
        "VI_ERROR_SERVER_CERT_UNTRUSTED",
        "The server certificate is not trusted by the client.",
    ),
}


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
    raise TypeError(
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

    def __init__(self, error_code: int) -> None:
        code = _check_code(error_code)
        self.abbreviation, self.description, message = _status_message(code)
        super().__init__(message)
        self.error_code = code

    def __reduce__(self) -> tuple[type["VisaIOError"], tuple[int]]:
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

    def __reduce__(self) -> tuple[type["VisaIOWarning"], tuple[int]]:
        return (type(self), (self.error_code,))


class VisaTypeError(Error):
    """Exception class for wrong types."""


class UnknownHandler(Error):
    """Exception class for invalid handler data given to uninstall_handler().

    Parameters
    ----------
    event_type : EventType
        Event type of the handler.
    handler : callable
        Handler that was not found.
    user_handle : Any
        User handle given with the handler.

    """

    def __init__(self, event_type: EventType | int, handler: VISAHandler, user_handle: Any) -> None:
        super().__init__(f"{event_type}, {handler}, {user_handle}")
        self.event_type = event_type
        self.handler = handler
        self.user_handle = user_handle

    def __reduce__(self) -> tuple[type["UnknownHandler"], tuple[EventType | int, VISAHandler, Any]]:
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

    def __reduce__(self) -> tuple[type["OSNotSupported"], tuple[str]]:
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

    def __reduce__(self) -> tuple[type["InvalidBinaryFormat"], tuple[str]]:
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

    def __reduce__(self) -> tuple[type["InvalidSession"], tuple[()]]:
        return (type(self), ())


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
    from ._libarch import _bitness_text

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

    def __reduce__(self) -> tuple[type["LibraryError"], tuple[str, str | None, str]]:
        return (type(self), (str(self), self.library_filename, self.reason))

    @classmethod
    def from_exception(cls, exc: BaseException, filename: str) -> "LibraryError":
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
    def from_wrong_arch(cls, filename: str) -> "LibraryError":
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
    "Error",
    "EventType",
    "InvalidBinaryFormat",
    "InvalidSession",
    "LibraryError",
    "OSNotSupported",
    "StatusCode",
    "UnknownHandler",
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
