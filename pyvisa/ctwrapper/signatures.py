"""The C signatures of the VISA functions, as data.

This table mirrors the function declarations of the IVI VISA 5.8 ``visa.h``
(one row per function, in header order): name, return type, parameter list as
written in the header, and whether the function is variadic. :mod:`.binding`
turns it into ``argtypes``/``restype`` and the range checks of the integer
arguments once, when a library is loaded. :data:`ARGUMENT_NAMES` gives the names
under which the middle-level functions take the C parameters, for the messages of
those checks.

The formatted I/O family (``viPrintf``, ``viSPrintf``, ``viScanf``,
``viSScanf``, ``viQueryf`` and their ``va_list`` variants ``viVPrintf``,
``viVSPrintf``, ``viVScanf``, ``viVSScanf``, ``viVQueryf``) is listed for
completeness but not bound (:data:`NOT_BOUND`): ctypes cannot call C variadic
functions portably nor build a ``va_list``, and formatted I/O is done in Python
by the resource classes.

"""

from __future__ import annotations

from typing import NamedTuple


class CSignature(NamedTuple):
    """Declaration of one VISA function."""

    #: Name of the exported symbol.
    name: str
    #: C return type (``ViStatus`` or ``void``).
    restype: str
    #: Parameter list as written in visa.h.
    parameters: str
    #: True for the ``...`` functions.
    variadic: bool = False


SIGNATURES: tuple[CSignature, ...] = (
    CSignature("viOpenDefaultRM", "ViStatus", "ViPSession vi"),
    CSignature(
        "viFindRsrc",
        "ViStatus",
        "ViSession sesn, ViConstString expr, ViPFindList vi, ViPUInt32 retCnt, ViChar _VI_FAR desc[]",
    ),
    CSignature("viFindNext", "ViStatus", "ViFindList vi, ViChar _VI_FAR desc[]"),
    CSignature(
        "viParseRsrc",
        "ViStatus",
        "ViSession rmSesn, ViConstRsrc rsrcName, ViPUInt16 intfType, ViPUInt16 intfNum",
    ),
    CSignature(
        "viParseRsrcEx",
        "ViStatus",
        "ViSession rmSesn, ViConstRsrc rsrcName, ViPUInt16 intfType, ViPUInt16 intfNum, ViChar _VI_FAR rsrcClass[], ViChar _VI_FAR expandedUnaliasedName[], ViChar _VI_FAR aliasIfExists[]",
    ),
    CSignature(
        "viOpen",
        "ViStatus",
        "ViSession sesn, ViConstRsrc name, ViAccessMode mode, ViUInt32 timeout, ViPSession vi",
    ),
    CSignature("viClose", "ViStatus", "ViObject vi"),
    CSignature("viSetAttribute", "ViStatus", "ViObject vi, ViAttr attrName, ViAttrState attrValue"),
    CSignature(
        "viGetAttribute", "ViStatus", "ViObject vi, ViAttr attrName, void _VI_PTR attrValue"
    ),
    CSignature("viStatusDesc", "ViStatus", "ViObject vi, ViStatus status, ViChar _VI_FAR desc[]"),
    CSignature("viTerminate", "ViStatus", "ViObject vi, ViUInt16 degree, ViJobId jobId"),
    CSignature(
        "viLock",
        "ViStatus",
        "ViSession vi, ViAccessMode lockType, ViUInt32 timeout, ViConstKeyId requestedKey, ViChar _VI_FAR accessKey[]",
    ),
    CSignature("viUnlock", "ViStatus", "ViSession vi"),
    CSignature(
        "viEnableEvent",
        "ViStatus",
        "ViSession vi, ViEventType eventType, ViUInt16 mechanism, ViEventFilter context",
    ),
    CSignature(
        "viDisableEvent", "ViStatus", "ViSession vi, ViEventType eventType, ViUInt16 mechanism"
    ),
    CSignature(
        "viDiscardEvents", "ViStatus", "ViSession vi, ViEventType eventType, ViUInt16 mechanism"
    ),
    CSignature(
        "viWaitOnEvent",
        "ViStatus",
        "ViSession vi, ViEventType inEventType, ViUInt32 timeout, ViPEventType outEventType, ViPEvent outContext",
    ),
    CSignature(
        "viInstallHandler",
        "ViStatus",
        "ViSession vi, ViEventType eventType, ViHndlr handler, ViAddr userHandle",
    ),
    CSignature(
        "viUninstallHandler",
        "ViStatus",
        "ViSession vi, ViEventType eventType, ViHndlr handler, ViAddr userHandle",
    ),
    CSignature("viRead", "ViStatus", "ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPUInt32 retCnt"),
    CSignature("viReadAsync", "ViStatus", "ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPJobId jobId"),
    CSignature(
        "viReadToFile",
        "ViStatus",
        "ViSession vi, ViConstString filename, ViUInt32 cnt, ViPUInt32 retCnt",
    ),
    CSignature(
        "viWrite", "ViStatus", "ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPUInt32 retCnt"
    ),
    CSignature(
        "viWriteAsync", "ViStatus", "ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPJobId jobId"
    ),
    CSignature(
        "viWriteFromFile",
        "ViStatus",
        "ViSession vi, ViConstString filename, ViUInt32 cnt, ViPUInt32 retCnt",
    ),
    CSignature("viAssertTrigger", "ViStatus", "ViSession vi, ViUInt16 protocol"),
    CSignature("viReadSTB", "ViStatus", "ViSession vi, ViPUInt16 status"),
    CSignature("viClear", "ViStatus", "ViSession vi"),
    CSignature("viSetBuf", "ViStatus", "ViSession vi, ViUInt16 mask, ViUInt32 size"),
    CSignature("viFlush", "ViStatus", "ViSession vi, ViUInt16 mask"),
    CSignature(
        "viBufWrite", "ViStatus", "ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPUInt32 retCnt"
    ),
    CSignature("viBufRead", "ViStatus", "ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPUInt32 retCnt"),
    CSignature("viPrintf", "ViStatus", "ViSession vi, ViConstString writeFmt, ...", True),
    CSignature("viVPrintf", "ViStatus", "ViSession vi, ViConstString writeFmt, ViVAList params"),
    CSignature(
        "viSPrintf", "ViStatus", "ViSession vi, ViPBuf buf, ViConstString writeFmt, ...", True
    ),
    CSignature(
        "viVSPrintf", "ViStatus", "ViSession vi, ViPBuf buf, ViConstString writeFmt, ViVAList parms"
    ),
    CSignature("viScanf", "ViStatus", "ViSession vi, ViConstString readFmt, ...", True),
    CSignature("viVScanf", "ViStatus", "ViSession vi, ViConstString readFmt, ViVAList params"),
    CSignature(
        "viSScanf", "ViStatus", "ViSession vi, ViConstBuf buf, ViConstString readFmt, ...", True
    ),
    CSignature(
        "viVSScanf",
        "ViStatus",
        "ViSession vi, ViConstBuf buf, ViConstString readFmt, ViVAList parms",
    ),
    CSignature(
        "viQueryf",
        "ViStatus",
        "ViSession vi, ViConstString writeFmt, ViConstString readFmt, ...",
        True,
    ),
    CSignature(
        "viVQueryf",
        "ViStatus",
        "ViSession vi, ViConstString writeFmt, ViConstString readFmt, ViVAList params",
    ),
    CSignature(
        "viIn8", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViPUInt8 val8"
    ),
    CSignature(
        "viOut8", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViUInt8 val8"
    ),
    CSignature(
        "viIn16", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViPUInt16 val16"
    ),
    CSignature(
        "viOut16", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViUInt16 val16"
    ),
    CSignature(
        "viIn32", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViPUInt32 val32"
    ),
    CSignature(
        "viOut32", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViUInt32 val32"
    ),
    CSignature(
        "viIn64", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViPUInt64 val64"
    ),
    CSignature(
        "viOut64", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress offset, ViUInt64 val64"
    ),
    CSignature(
        "viIn8Ex", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViPUInt8 val8"
    ),
    CSignature(
        "viOut8Ex", "ViStatus", "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViUInt8 val8"
    ),
    CSignature(
        "viIn16Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViPUInt16 val16",
    ),
    CSignature(
        "viOut16Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViUInt16 val16",
    ),
    CSignature(
        "viIn32Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViPUInt32 val32",
    ),
    CSignature(
        "viOut32Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViUInt32 val32",
    ),
    CSignature(
        "viIn64Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViPUInt64 val64",
    ),
    CSignature(
        "viOut64Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViUInt64 val64",
    ),
    CSignature(
        "viMoveIn8",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt8 buf8",
    ),
    CSignature(
        "viMoveOut8",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt8 buf8",
    ),
    CSignature(
        "viMoveIn16",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt16 buf16",
    ),
    CSignature(
        "viMoveOut16",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt16 buf16",
    ),
    CSignature(
        "viMoveIn32",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt32 buf32",
    ),
    CSignature(
        "viMoveOut32",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt32 buf32",
    ),
    CSignature(
        "viMoveIn64",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt64 buf64",
    ),
    CSignature(
        "viMoveOut64",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, ViAUInt64 buf64",
    ),
    CSignature(
        "viMoveIn8Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt8 buf8",
    ),
    CSignature(
        "viMoveOut8Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt8 buf8",
    ),
    CSignature(
        "viMoveIn16Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt16 buf16",
    ),
    CSignature(
        "viMoveOut16Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt16 buf16",
    ),
    CSignature(
        "viMoveIn32Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt32 buf32",
    ),
    CSignature(
        "viMoveOut32Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt32 buf32",
    ),
    CSignature(
        "viMoveIn64Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt64 buf64",
    ),
    CSignature(
        "viMoveOut64Ex",
        "ViStatus",
        "ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, ViAUInt64 buf64",
    ),
    CSignature(
        "viMove",
        "ViStatus",
        "ViSession vi, ViUInt16 srcSpace, ViBusAddress srcOffset, ViUInt16 srcWidth, ViUInt16 destSpace, ViBusAddress destOffset, ViUInt16 destWidth, ViBusSize srcLength",
    ),
    CSignature(
        "viMoveAsync",
        "ViStatus",
        "ViSession vi, ViUInt16 srcSpace, ViBusAddress srcOffset, ViUInt16 srcWidth, ViUInt16 destSpace, ViBusAddress destOffset, ViUInt16 destWidth, ViBusSize srcLength, ViPJobId jobId",
    ),
    CSignature(
        "viMoveEx",
        "ViStatus",
        "ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth, ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize srcLength",
    ),
    CSignature(
        "viMoveAsyncEx",
        "ViStatus",
        "ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth, ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize srcLength, ViPJobId jobId",
    ),
    CSignature(
        "viMapAddress",
        "ViStatus",
        "ViSession vi, ViUInt16 mapSpace, ViBusAddress mapOffset, ViBusSize mapSize, ViBoolean access, ViAddr suggested, ViPAddr address",
    ),
    CSignature("viUnmapAddress", "ViStatus", "ViSession vi"),
    CSignature(
        "viMapAddressEx",
        "ViStatus",
        "ViSession vi, ViUInt16 mapSpace, ViBusAddress64 mapOffset, ViBusSize mapSize, ViBoolean access, ViAddr suggested, ViPAddr address",
    ),
    CSignature("viPeek8", "void", "ViSession vi, ViAddr address, ViPUInt8 val8"),
    CSignature("viPoke8", "void", "ViSession vi, ViAddr address, ViUInt8 val8"),
    CSignature("viPeek16", "void", "ViSession vi, ViAddr address, ViPUInt16 val16"),
    CSignature("viPoke16", "void", "ViSession vi, ViAddr address, ViUInt16 val16"),
    CSignature("viPeek32", "void", "ViSession vi, ViAddr address, ViPUInt32 val32"),
    CSignature("viPoke32", "void", "ViSession vi, ViAddr address, ViUInt32 val32"),
    CSignature("viPeek64", "void", "ViSession vi, ViAddr address, ViPUInt64 val64"),
    CSignature("viPoke64", "void", "ViSession vi, ViAddr address, ViUInt64 val64"),
    CSignature("viMemAlloc", "ViStatus", "ViSession vi, ViBusSize size, ViPBusAddress offset"),
    CSignature("viMemFree", "ViStatus", "ViSession vi, ViBusAddress offset"),
    CSignature("viMemAllocEx", "ViStatus", "ViSession vi, ViBusSize size, ViPBusAddress64 offset"),
    CSignature("viMemFreeEx", "ViStatus", "ViSession vi, ViBusAddress64 offset"),
    CSignature("viGpibControlREN", "ViStatus", "ViSession vi, ViUInt16 mode"),
    CSignature("viGpibControlATN", "ViStatus", "ViSession vi, ViUInt16 mode"),
    CSignature("viGpibSendIFC", "ViStatus", "ViSession vi"),
    CSignature(
        "viGpibCommand", "ViStatus", "ViSession vi, ViConstBuf cmd, ViUInt32 cnt, ViPUInt32 retCnt"
    ),
    CSignature(
        "viGpibPassControl", "ViStatus", "ViSession vi, ViUInt16 primAddr, ViUInt16 secAddr"
    ),
    CSignature(
        "viVxiCommandQuery",
        "ViStatus",
        "ViSession vi, ViUInt16 mode, ViUInt32 cmd, ViPUInt32 response",
    ),
    CSignature("viAssertUtilSignal", "ViStatus", "ViSession vi, ViUInt16 line"),
    CSignature("viAssertIntrSignal", "ViStatus", "ViSession vi, ViInt16 mode, ViUInt32 statusID"),
    CSignature(
        "viMapTrigger", "ViStatus", "ViSession vi, ViInt16 trigSrc, ViInt16 trigDest, ViUInt16 mode"
    ),
    CSignature("viUnmapTrigger", "ViStatus", "ViSession vi, ViInt16 trigSrc, ViInt16 trigDest"),
    CSignature(
        "viUsbControlOut",
        "ViStatus",
        "ViSession vi, ViInt16 bmRequestType, ViInt16 bRequest, ViUInt16 wValue, ViUInt16 wIndex, ViUInt16 wLength, ViConstBuf buf",
    ),
    CSignature(
        "viUsbControlIn",
        "ViStatus",
        "ViSession vi, ViInt16 bmRequestType, ViInt16 bRequest, ViUInt16 wValue, ViUInt16 wIndex, ViUInt16 wLength, ViPBuf buf, ViPUInt16 retCnt",
    ),
    CSignature(
        "viPxiReserveTriggers",
        "ViStatus",
        "ViSession vi, ViInt16 cnt, ViAInt16 trigBuses, ViAInt16 trigLines, ViPInt16 failureIndex",
    ),
)


#: Names of the functions that are deliberately not bound (the variadic
#: printf/scanf family and its va_list variants).
NOT_BOUND: frozenset[str] = frozenset(
    sig.name for sig in SIGNATURES if sig.variadic or "ViVAList" in sig.parameters
)


#: The name a C parameter has in the middle-level functions, where it is not its C name.
#: A ``"function.parameter"`` key applies to that function only and wins over the plain
#: parameter name. The messages of the integer range checks use these names.
ARGUMENT_NAMES: dict[str, str] = {
    "vi": "session",
    "sesn": "session",
    "rmSesn": "session",
    "cnt": "count",
    "attrName": "attribute",
    "attrValue": "attribute_state",
    "jobId": "job_id",
    "lockType": "lock_type",
    "eventType": "event_type",
    "inEventType": "in_event_type",
    "srcSpace": "source_space",
    "srcOffset": "source_offset",
    "srcWidth": "source_width",
    "srcLength": "length",
    "destSpace": "destination_space",
    "destOffset": "destination_offset",
    "destWidth": "destination_width",
    "mapSpace": "map_space",
    "mapOffset": "map_base",
    "mapSize": "map_size",
    "val8": "data",
    "val16": "data",
    "val32": "data",
    "val64": "data",
    "primAddr": "primary_address",
    "secAddr": "secondary_address",
    "cmd": "command",
    "statusID": "status_id",
    "trigSrc": "trigger_source",
    "trigDest": "trigger_destination",
    "bmRequestType": "request_type_bitmap_field",
    "bRequest": "request_id",
    "wValue": "request_value",
    "wIndex": "index",
    "wLength": "length",
    "viOpen.mode": "access_mode",
    "viOpen.timeout": "open_timeout",
    "viFindNext.vi": "find_list",
    "viWrite.cnt": "len(data)",
    "viWriteAsync.cnt": "len(data)",
    "viBufWrite.cnt": "len(data)",
    "viGpibCommand.cnt": "len(data)",
    "viUsbControlOut.wLength": "len(data)",
    "viPxiReserveTriggers.cnt": "number of triggers",
}
