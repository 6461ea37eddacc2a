"""The texts of the VISA completion, warning and error codes (data).

:mod:`pyvisa.errors` builds the messages of :class:`~pyvisa.errors.VisaIOError` and
:class:`~pyvisa.errors.VisaIOWarning` from these tables and re-exports the public one.
"""

from .constants import StatusCode

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
