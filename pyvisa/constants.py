"""VISA constants and the enumerations that give them user-friendly names.

The ``VI_*`` module-level integers carry the values of the IVI VISA 5.8 headers
(``visa.h`` and ``visatype.h``), followed by the constants of newer IVI revisions and of
vendor (NI-VISA) headers, and by the few identifiers that only PyVISA defines. Completion
and error codes are signed 32-bit ``ViStatus`` values (errors are negative); attribute and
event ids are unsigned.

A handful of attribute ids depend on the platform: they refer to a 64-bit attribute on a
64-bit Python and to a 32-bit one otherwise. Both variants are also available under
explicit ``*_32`` and ``*_64`` names.

The enumerations (:class:`StatusCode`, :class:`ResourceAttribute`, :class:`InterfaceType`...)
are :class:`enum.IntEnum` (or :class:`enum.IntFlag` for bit masks), so their members compare
and hash like the integers they stand for.

"""

import enum
import sys
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # typing_extensions costs an import of its own
    from typing_extensions import Self

#: Whether the interpreter is 64-bit, hence whether the VISA library uses the 64-bit variants
#: of the platform-dependent attributes.
is_64bits = sys.maxsize > 2**32

# Former private name of ``is_64bits``, still used inside the package.
_IS_64_BIT = is_64bits

#: Base of every error code (INT32_MIN): ``VI_ERROR_xxx = _VI_ERROR + 0x3FFFxxxx``.
_VI_ERROR = -0x80000000

# ============================================================================
# VISA 5.8 (visa.h and visatype.h)
# ============================================================================

# --- Completion and Error Codes ---
VI_SUCCESS = 0x00000000

# --- Other VISA Definitions ---

# defined in visatype.h
VI_NULL = 0x0
VI_TRUE = 0x1
VI_FALSE = 0x0

# --- Preamble ---
VI_SPEC_VERSION = 0x500800

# --- Attributes (platform independent size) ---
VI_ATTR_RSRC_CLASS = 0xBFFF0001
VI_ATTR_RSRC_NAME = 0xBFFF0002
VI_ATTR_RSRC_IMPL_VERSION = 0x3FFF0003
VI_ATTR_RSRC_LOCK_STATE = 0x3FFF0004
VI_ATTR_MAX_QUEUE_LENGTH = 0x3FFF0005
VI_ATTR_USER_DATA_32 = 0x3FFF0007
VI_ATTR_FDC_CHNL = 0x3FFF000D
VI_ATTR_FDC_MODE = 0x3FFF000F
VI_ATTR_FDC_GEN_SIGNAL_EN = 0x3FFF0011
VI_ATTR_FDC_USE_PAIR = 0x3FFF0013
VI_ATTR_SEND_END_EN = 0x3FFF0016
VI_ATTR_TERMCHAR = 0x3FFF0018
VI_ATTR_TMO_VALUE = 0x3FFF001A
VI_ATTR_GPIB_READDR_EN = 0x3FFF001B
VI_ATTR_IO_PROT = 0x3FFF001C
VI_ATTR_DMA_ALLOW_EN = 0x3FFF001E
VI_ATTR_ASRL_BAUD = 0x3FFF0021
VI_ATTR_ASRL_DATA_BITS = 0x3FFF0022
VI_ATTR_ASRL_PARITY = 0x3FFF0023
VI_ATTR_ASRL_STOP_BITS = 0x3FFF0024
VI_ATTR_ASRL_FLOW_CNTRL = 0x3FFF0025
VI_ATTR_RD_BUF_OPER_MODE = 0x3FFF002A
VI_ATTR_RD_BUF_SIZE = 0x3FFF002B
VI_ATTR_WR_BUF_OPER_MODE = 0x3FFF002D
VI_ATTR_WR_BUF_SIZE = 0x3FFF002E
VI_ATTR_SUPPRESS_END_EN = 0x3FFF0036
VI_ATTR_TERMCHAR_EN = 0x3FFF0038
VI_ATTR_DEST_ACCESS_PRIV = 0x3FFF0039
VI_ATTR_DEST_BYTE_ORDER = 0x3FFF003A
VI_ATTR_SRC_ACCESS_PRIV = 0x3FFF003C
VI_ATTR_SRC_BYTE_ORDER = 0x3FFF003D
VI_ATTR_SRC_INCREMENT = 0x3FFF0040
VI_ATTR_DEST_INCREMENT = 0x3FFF0041
VI_ATTR_WIN_ACCESS_PRIV = 0x3FFF0045
VI_ATTR_WIN_BYTE_ORDER = 0x3FFF0047
VI_ATTR_GPIB_ATN_STATE = 0x3FFF0057
VI_ATTR_GPIB_ADDR_STATE = 0x3FFF005C
VI_ATTR_GPIB_CIC_STATE = 0x3FFF005E
VI_ATTR_GPIB_NDAC_STATE = 0x3FFF0062
VI_ATTR_GPIB_SRQ_STATE = 0x3FFF0067
VI_ATTR_GPIB_SYS_CNTRL_STATE = 0x3FFF0068
VI_ATTR_GPIB_HS488_CBL_LEN = 0x3FFF0069
VI_ATTR_CMDR_LA = 0x3FFF006B
VI_ATTR_VXI_DEV_CLASS = 0x3FFF006C
VI_ATTR_MAINFRAME_LA = 0x3FFF0070
VI_ATTR_MANF_NAME = 0xBFFF0072
VI_ATTR_MODEL_NAME = 0xBFFF0077
VI_ATTR_VXI_VME_INTR_STATUS = 0x3FFF008B
VI_ATTR_VXI_TRIG_STATUS = 0x3FFF008D
VI_ATTR_VXI_VME_SYSFAIL_STATE = 0x3FFF0094
VI_ATTR_WIN_BASE_ADDR_32 = 0x3FFF0098
VI_ATTR_WIN_SIZE_32 = 0x3FFF009A
VI_ATTR_ASRL_AVAIL_NUM = 0x3FFF00AC
VI_ATTR_MEM_BASE_32 = 0x3FFF00AD
VI_ATTR_ASRL_CTS_STATE = 0x3FFF00AE
VI_ATTR_ASRL_DCD_STATE = 0x3FFF00AF
VI_ATTR_ASRL_DSR_STATE = 0x3FFF00B1
VI_ATTR_ASRL_DTR_STATE = 0x3FFF00B2
VI_ATTR_ASRL_END_IN = 0x3FFF00B3
VI_ATTR_ASRL_END_OUT = 0x3FFF00B4
VI_ATTR_ASRL_REPLACE_CHAR = 0x3FFF00BE
VI_ATTR_ASRL_RI_STATE = 0x3FFF00BF
VI_ATTR_ASRL_RTS_STATE = 0x3FFF00C0
VI_ATTR_ASRL_XON_CHAR = 0x3FFF00C1
VI_ATTR_ASRL_XOFF_CHAR = 0x3FFF00C2
VI_ATTR_WIN_ACCESS = 0x3FFF00C3
VI_ATTR_RM_SESSION = 0x3FFF00C4
VI_ATTR_VXI_LA = 0x3FFF00D5
VI_ATTR_MANF_ID = 0x3FFF00D9
VI_ATTR_MEM_SIZE_32 = 0x3FFF00DD
VI_ATTR_MEM_SPACE = 0x3FFF00DE
VI_ATTR_MODEL_CODE = 0x3FFF00DF
VI_ATTR_SLOT = 0x3FFF00E8
VI_ATTR_INTF_INST_NAME = 0xBFFF00E9
VI_ATTR_IMMEDIATE_SERV = 0x3FFF0100
VI_ATTR_INTF_PARENT_NUM = 0x3FFF0101
VI_ATTR_RSRC_SPEC_VERSION = 0x3FFF0170
VI_ATTR_INTF_TYPE = 0x3FFF0171
VI_ATTR_GPIB_PRIMARY_ADDR = 0x3FFF0172
VI_ATTR_GPIB_SECONDARY_ADDR = 0x3FFF0173
VI_ATTR_RSRC_MANF_NAME = 0xBFFF0174
VI_ATTR_RSRC_MANF_ID = 0x3FFF0175
VI_ATTR_INTF_NUM = 0x3FFF0176
VI_ATTR_TRIG_ID = 0x3FFF0177
VI_ATTR_GPIB_REN_STATE = 0x3FFF0181
VI_ATTR_GPIB_UNADDR_EN = 0x3FFF0184
VI_ATTR_DEV_STATUS_BYTE = 0x3FFF0189
VI_ATTR_FILE_APPEND_EN = 0x3FFF0192
VI_ATTR_VXI_TRIG_SUPPORT = 0x3FFF0194
VI_ATTR_TCPIP_ADDR = 0xBFFF0195
VI_ATTR_TCPIP_HOSTNAME = 0xBFFF0196
VI_ATTR_TCPIP_PORT = 0x3FFF0197
VI_ATTR_TCPIP_DEVICE_NAME = 0xBFFF0199
VI_ATTR_TCPIP_NODELAY = 0x3FFF019A
VI_ATTR_TCPIP_KEEPALIVE = 0x3FFF019B
VI_ATTR_4882_COMPLIANT = 0x3FFF019F
VI_ATTR_USB_SERIAL_NUM = 0xBFFF01A0
VI_ATTR_USB_INTFC_NUM = 0x3FFF01A1
VI_ATTR_USB_PROTOCOL = 0x3FFF01A7
VI_ATTR_USB_MAX_INTR_SIZE = 0x3FFF01AF
VI_ATTR_PXI_DEV_NUM = 0x3FFF0201
VI_ATTR_PXI_FUNC_NUM = 0x3FFF0202
VI_ATTR_PXI_BUS_NUM = 0x3FFF0205
VI_ATTR_PXI_CHASSIS = 0x3FFF0206
VI_ATTR_PXI_SLOTPATH = 0xBFFF0207
VI_ATTR_PXI_SLOT_LBUS_LEFT = 0x3FFF0208
VI_ATTR_PXI_SLOT_LBUS_RIGHT = 0x3FFF0209
VI_ATTR_PXI_TRIG_BUS = 0x3FFF020A
VI_ATTR_PXI_STAR_TRIG_BUS = 0x3FFF020B
VI_ATTR_PXI_STAR_TRIG_LINE = 0x3FFF020C
VI_ATTR_PXI_SRC_TRIG_BUS = 0x3FFF020D
VI_ATTR_PXI_DEST_TRIG_BUS = 0x3FFF020E
VI_ATTR_PXI_MEM_TYPE_BAR0 = 0x3FFF0211
VI_ATTR_PXI_MEM_TYPE_BAR1 = 0x3FFF0212
VI_ATTR_PXI_MEM_TYPE_BAR2 = 0x3FFF0213
VI_ATTR_PXI_MEM_TYPE_BAR3 = 0x3FFF0214
VI_ATTR_PXI_MEM_TYPE_BAR4 = 0x3FFF0215
VI_ATTR_PXI_MEM_TYPE_BAR5 = 0x3FFF0216
VI_ATTR_PXI_MEM_BASE_BAR0_32 = 0x3FFF0221
VI_ATTR_PXI_MEM_BASE_BAR1_32 = 0x3FFF0222
VI_ATTR_PXI_MEM_BASE_BAR2_32 = 0x3FFF0223
VI_ATTR_PXI_MEM_BASE_BAR3_32 = 0x3FFF0224
VI_ATTR_PXI_MEM_BASE_BAR4_32 = 0x3FFF0225
VI_ATTR_PXI_MEM_BASE_BAR5_32 = 0x3FFF0226
VI_ATTR_PXI_MEM_BASE_BAR0_64 = 0x3FFF0228
VI_ATTR_PXI_MEM_BASE_BAR1_64 = 0x3FFF0229
VI_ATTR_PXI_MEM_BASE_BAR2_64 = 0x3FFF022A
VI_ATTR_PXI_MEM_BASE_BAR3_64 = 0x3FFF022B
VI_ATTR_PXI_MEM_BASE_BAR4_64 = 0x3FFF022C
VI_ATTR_PXI_MEM_BASE_BAR5_64 = 0x3FFF022D
VI_ATTR_PXI_MEM_SIZE_BAR0_32 = 0x3FFF0231
VI_ATTR_PXI_MEM_SIZE_BAR1_32 = 0x3FFF0232
VI_ATTR_PXI_MEM_SIZE_BAR2_32 = 0x3FFF0233
VI_ATTR_PXI_MEM_SIZE_BAR3_32 = 0x3FFF0234
VI_ATTR_PXI_MEM_SIZE_BAR4_32 = 0x3FFF0235
VI_ATTR_PXI_MEM_SIZE_BAR5_32 = 0x3FFF0236
VI_ATTR_PXI_MEM_SIZE_BAR0_64 = 0x3FFF0238
VI_ATTR_PXI_MEM_SIZE_BAR1_64 = 0x3FFF0239
VI_ATTR_PXI_MEM_SIZE_BAR2_64 = 0x3FFF023A
VI_ATTR_PXI_MEM_SIZE_BAR3_64 = 0x3FFF023B
VI_ATTR_PXI_MEM_SIZE_BAR4_64 = 0x3FFF023C
VI_ATTR_PXI_MEM_SIZE_BAR5_64 = 0x3FFF023D
VI_ATTR_PXI_IS_EXPRESS = 0x3FFF0240
VI_ATTR_PXI_SLOT_LWIDTH = 0x3FFF0241
VI_ATTR_PXI_MAX_LWIDTH = 0x3FFF0242
VI_ATTR_PXI_ACTUAL_LWIDTH = 0x3FFF0243
VI_ATTR_PXI_DSTAR_BUS = 0x3FFF0244
VI_ATTR_PXI_DSTAR_SET = 0x3FFF0245
VI_ATTR_PXI_ALLOW_WRITE_COMBINE = 0x3FFF0246
VI_ATTR_TCPIP_HISLIP_OVERLAP_EN = 0x3FFF0300
VI_ATTR_TCPIP_HISLIP_VERSION = 0x3FFF0301
VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB = 0x3FFF0302
VI_ATTR_TCPIP_IS_HISLIP = 0x3FFF0303
VI_ATTR_JOB_ID = 0x3FFF4006
VI_ATTR_EVENT_TYPE = 0x3FFF4010
VI_ATTR_SIGP_STATUS_ID = 0x3FFF4011
VI_ATTR_RECV_TRIG_ID = 0x3FFF4012
VI_ATTR_INTR_STATUS_ID = 0x3FFF4023
VI_ATTR_STATUS = 0x3FFF4025
VI_ATTR_RET_COUNT_32 = 0x3FFF4026
VI_ATTR_BUFFER = 0x3FFF4027
VI_ATTR_RECV_INTR_LEVEL = 0x3FFF4041
VI_ATTR_OPER_NAME = 0xBFFF4042
VI_ATTR_GPIB_RECV_CIC_STATE = 0x3FFF4193
VI_ATTR_RECV_TCPIP_ADDR = 0xBFFF4198
VI_ATTR_USB_RECV_INTR_SIZE = 0x3FFF41B0
VI_ATTR_USB_RECV_INTR_DATA = 0xBFFF41B1
VI_ATTR_PXI_RECV_INTR_SEQ = 0x3FFF4240
VI_ATTR_PXI_RECV_INTR_DATA = 0x3FFF4241

# --- Attributes (platform dependent size) ---
VI_ATTR_USER_DATA_64 = 0x3FFF000A
VI_ATTR_RET_COUNT_64 = 0x3FFF4028
VI_ATTR_USER_DATA = VI_ATTR_USER_DATA_64 if _IS_64_BIT else VI_ATTR_USER_DATA_32
VI_ATTR_RET_COUNT = VI_ATTR_RET_COUNT_64 if _IS_64_BIT else VI_ATTR_RET_COUNT_32
VI_ATTR_WIN_BASE_ADDR_64 = 0x3FFF009B
VI_ATTR_WIN_SIZE_64 = 0x3FFF009C
VI_ATTR_MEM_BASE_64 = 0x3FFF00D0
VI_ATTR_MEM_SIZE_64 = 0x3FFF00D1
VI_ATTR_WIN_BASE_ADDR = VI_ATTR_WIN_BASE_ADDR_64 if _IS_64_BIT else VI_ATTR_WIN_BASE_ADDR_32
VI_ATTR_WIN_SIZE = VI_ATTR_WIN_SIZE_64 if _IS_64_BIT else VI_ATTR_WIN_SIZE_32
VI_ATTR_MEM_BASE = VI_ATTR_MEM_BASE_64 if _IS_64_BIT else VI_ATTR_MEM_BASE_32
VI_ATTR_MEM_SIZE = VI_ATTR_MEM_SIZE_64 if _IS_64_BIT else VI_ATTR_MEM_SIZE_32
VI_ATTR_PXI_MEM_BASE_BAR0 = (
    VI_ATTR_PXI_MEM_BASE_BAR0_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR0_32
)
VI_ATTR_PXI_MEM_BASE_BAR1 = (
    VI_ATTR_PXI_MEM_BASE_BAR1_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR1_32
)
VI_ATTR_PXI_MEM_BASE_BAR2 = (
    VI_ATTR_PXI_MEM_BASE_BAR2_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR2_32
)
VI_ATTR_PXI_MEM_BASE_BAR3 = (
    VI_ATTR_PXI_MEM_BASE_BAR3_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR3_32
)
VI_ATTR_PXI_MEM_BASE_BAR4 = (
    VI_ATTR_PXI_MEM_BASE_BAR4_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR4_32
)
VI_ATTR_PXI_MEM_BASE_BAR5 = (
    VI_ATTR_PXI_MEM_BASE_BAR5_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_BASE_BAR5_32
)
VI_ATTR_PXI_MEM_SIZE_BAR0 = (
    VI_ATTR_PXI_MEM_SIZE_BAR0_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR0_32
)
VI_ATTR_PXI_MEM_SIZE_BAR1 = (
    VI_ATTR_PXI_MEM_SIZE_BAR1_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR1_32
)
VI_ATTR_PXI_MEM_SIZE_BAR2 = (
    VI_ATTR_PXI_MEM_SIZE_BAR2_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR2_32
)
VI_ATTR_PXI_MEM_SIZE_BAR3 = (
    VI_ATTR_PXI_MEM_SIZE_BAR3_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR3_32
)
VI_ATTR_PXI_MEM_SIZE_BAR4 = (
    VI_ATTR_PXI_MEM_SIZE_BAR4_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR4_32
)
VI_ATTR_PXI_MEM_SIZE_BAR5 = (
    VI_ATTR_PXI_MEM_SIZE_BAR5_64 if _IS_64_BIT else VI_ATTR_PXI_MEM_SIZE_BAR5_32
)

# --- Event Types ---
VI_EVENT_IO_COMPLETION = 0x3FFF2009
VI_EVENT_TRIG = 0xBFFF200A
VI_EVENT_SERVICE_REQ = 0x3FFF200B
VI_EVENT_CLEAR = 0x3FFF200D
VI_EVENT_EXCEPTION = 0xBFFF200E
VI_EVENT_GPIB_CIC = 0x3FFF2012
VI_EVENT_GPIB_TALK = 0x3FFF2013
VI_EVENT_GPIB_LISTEN = 0x3FFF2014
VI_EVENT_VXI_VME_SYSFAIL = 0x3FFF201D
VI_EVENT_VXI_VME_SYSRESET = 0x3FFF201E
VI_EVENT_VXI_SIGP = 0x3FFF2020
VI_EVENT_VXI_VME_INTR = 0xBFFF2021
VI_EVENT_PXI_INTR = 0x3FFF2022
VI_EVENT_TCPIP_CONNECT = 0x3FFF2036
VI_EVENT_USB_INTR = 0x3FFF2037
VI_ALL_ENABLED_EVENTS = 0x3FFF7FFF

# --- Completion and Error Codes ---
VI_SUCCESS_EVENT_EN = 0x3FFF0002
VI_SUCCESS_EVENT_DIS = 0x3FFF0003
VI_SUCCESS_QUEUE_EMPTY = 0x3FFF0004
VI_SUCCESS_TERM_CHAR = 0x3FFF0005
VI_SUCCESS_MAX_CNT = 0x3FFF0006
VI_SUCCESS_DEV_NPRESENT = 0x3FFF007D
VI_SUCCESS_TRIG_MAPPED = 0x3FFF007E
VI_SUCCESS_QUEUE_NEMPTY = 0x3FFF0080
VI_SUCCESS_NCHAIN = 0x3FFF0098
VI_SUCCESS_NESTED_SHARED = 0x3FFF0099
VI_SUCCESS_NESTED_EXCLUSIVE = 0x3FFF009A
VI_SUCCESS_SYNC = 0x3FFF009B
VI_WARN_QUEUE_OVERFLOW = 0x3FFF000C
VI_WARN_CONFIG_NLOADED = 0x3FFF0077
VI_WARN_NULL_OBJECT = 0x3FFF0082
VI_WARN_NSUP_ATTR_STATE = 0x3FFF0084
VI_WARN_UNKNOWN_STATUS = 0x3FFF0085
VI_WARN_NSUP_BUF = 0x3FFF0088
VI_WARN_EXT_FUNC_NIMPL = 0x3FFF00A9
VI_ERROR_SYSTEM_ERROR = _VI_ERROR + 0x3FFF0000
VI_ERROR_INV_OBJECT = _VI_ERROR + 0x3FFF000E
VI_ERROR_RSRC_LOCKED = _VI_ERROR + 0x3FFF000F
VI_ERROR_INV_EXPR = _VI_ERROR + 0x3FFF0010
VI_ERROR_RSRC_NFOUND = _VI_ERROR + 0x3FFF0011
VI_ERROR_INV_RSRC_NAME = _VI_ERROR + 0x3FFF0012
VI_ERROR_INV_ACC_MODE = _VI_ERROR + 0x3FFF0013
VI_ERROR_TMO = _VI_ERROR + 0x3FFF0015
VI_ERROR_CLOSING_FAILED = _VI_ERROR + 0x3FFF0016
VI_ERROR_INV_DEGREE = _VI_ERROR + 0x3FFF001B
VI_ERROR_INV_JOB_ID = _VI_ERROR + 0x3FFF001C
VI_ERROR_NSUP_ATTR = _VI_ERROR + 0x3FFF001D
VI_ERROR_NSUP_ATTR_STATE = _VI_ERROR + 0x3FFF001E
VI_ERROR_ATTR_READONLY = _VI_ERROR + 0x3FFF001F
VI_ERROR_INV_LOCK_TYPE = _VI_ERROR + 0x3FFF0020
VI_ERROR_INV_ACCESS_KEY = _VI_ERROR + 0x3FFF0021
VI_ERROR_INV_EVENT = _VI_ERROR + 0x3FFF0026
VI_ERROR_INV_MECH = _VI_ERROR + 0x3FFF0027
VI_ERROR_HNDLR_NINSTALLED = _VI_ERROR + 0x3FFF0028
VI_ERROR_INV_HNDLR_REF = _VI_ERROR + 0x3FFF0029
VI_ERROR_INV_CONTEXT = _VI_ERROR + 0x3FFF002A
VI_ERROR_NENABLED = _VI_ERROR + 0x3FFF002F
VI_ERROR_ABORT = _VI_ERROR + 0x3FFF0030
VI_ERROR_RAW_WR_PROT_VIOL = _VI_ERROR + 0x3FFF0034
VI_ERROR_RAW_RD_PROT_VIOL = _VI_ERROR + 0x3FFF0035
VI_ERROR_OUTP_PROT_VIOL = _VI_ERROR + 0x3FFF0036
VI_ERROR_INP_PROT_VIOL = _VI_ERROR + 0x3FFF0037
VI_ERROR_BERR = _VI_ERROR + 0x3FFF0038
VI_ERROR_IN_PROGRESS = _VI_ERROR + 0x3FFF0039
VI_ERROR_INV_SETUP = _VI_ERROR + 0x3FFF003A
VI_ERROR_QUEUE_ERROR = _VI_ERROR + 0x3FFF003B
VI_ERROR_ALLOC = _VI_ERROR + 0x3FFF003C
VI_ERROR_INV_MASK = _VI_ERROR + 0x3FFF003D
VI_ERROR_IO = _VI_ERROR + 0x3FFF003E
VI_ERROR_INV_FMT = _VI_ERROR + 0x3FFF003F
VI_ERROR_NSUP_FMT = _VI_ERROR + 0x3FFF0041
VI_ERROR_LINE_IN_USE = _VI_ERROR + 0x3FFF0042
VI_ERROR_LINE_NRESERVED = _VI_ERROR + 0x3FFF0043
VI_ERROR_NSUP_MODE = _VI_ERROR + 0x3FFF0046
VI_ERROR_SRQ_NOCCURRED = _VI_ERROR + 0x3FFF004A
VI_ERROR_INV_SPACE = _VI_ERROR + 0x3FFF004E
VI_ERROR_INV_OFFSET = _VI_ERROR + 0x3FFF0051
VI_ERROR_INV_WIDTH = _VI_ERROR + 0x3FFF0052
VI_ERROR_NSUP_OFFSET = _VI_ERROR + 0x3FFF0054
VI_ERROR_NSUP_VAR_WIDTH = _VI_ERROR + 0x3FFF0055
VI_ERROR_WINDOW_NMAPPED = _VI_ERROR + 0x3FFF0057
VI_ERROR_RESP_PENDING = _VI_ERROR + 0x3FFF0059
VI_ERROR_NLISTENERS = _VI_ERROR + 0x3FFF005F
VI_ERROR_NCIC = _VI_ERROR + 0x3FFF0060
VI_ERROR_NSYS_CNTLR = _VI_ERROR + 0x3FFF0061
VI_ERROR_NSUP_OPER = _VI_ERROR + 0x3FFF0067
VI_ERROR_INTR_PENDING = _VI_ERROR + 0x3FFF0068
VI_ERROR_ASRL_PARITY = _VI_ERROR + 0x3FFF006A
VI_ERROR_ASRL_FRAMING = _VI_ERROR + 0x3FFF006B
VI_ERROR_ASRL_OVERRUN = _VI_ERROR + 0x3FFF006C
VI_ERROR_TRIG_NMAPPED = _VI_ERROR + 0x3FFF006E
VI_ERROR_NSUP_ALIGN_OFFSET = _VI_ERROR + 0x3FFF0070
VI_ERROR_USER_BUF = _VI_ERROR + 0x3FFF0071
VI_ERROR_RSRC_BUSY = _VI_ERROR + 0x3FFF0072
VI_ERROR_NSUP_WIDTH = _VI_ERROR + 0x3FFF0076
VI_ERROR_INV_PARAMETER = _VI_ERROR + 0x3FFF0078
VI_ERROR_INV_PROT = _VI_ERROR + 0x3FFF0079
VI_ERROR_INV_SIZE = _VI_ERROR + 0x3FFF007B
VI_ERROR_WINDOW_MAPPED = _VI_ERROR + 0x3FFF0080
VI_ERROR_NIMPL_OPER = _VI_ERROR + 0x3FFF0081
VI_ERROR_INV_LENGTH = _VI_ERROR + 0x3FFF0083
VI_ERROR_INV_MODE = _VI_ERROR + 0x3FFF0091
VI_ERROR_SESN_NLOCKED = _VI_ERROR + 0x3FFF009C
VI_ERROR_MEM_NSHARED = _VI_ERROR + 0x3FFF009D
VI_ERROR_LIBRARY_NFOUND = _VI_ERROR + 0x3FFF009E
VI_ERROR_NSUP_INTR = _VI_ERROR + 0x3FFF009F
VI_ERROR_INV_LINE = _VI_ERROR + 0x3FFF00A0
VI_ERROR_FILE_ACCESS = _VI_ERROR + 0x3FFF00A1
VI_ERROR_FILE_IO = _VI_ERROR + 0x3FFF00A2
VI_ERROR_NSUP_LINE = _VI_ERROR + 0x3FFF00A3
VI_ERROR_NSUP_MECH = _VI_ERROR + 0x3FFF00A4
VI_ERROR_INTF_NUM_NCONFIG = _VI_ERROR + 0x3FFF00A5
VI_ERROR_CONN_LOST = _VI_ERROR + 0x3FFF00A6
VI_ERROR_NPERMISSION = _VI_ERROR + 0x3FFF00A8

# --- Other VISA Definitions ---

# buffer length for resource description strings (desc[] of viFindRsrc/viFindNext)
VI_FIND_BUFLEN = 0x100

# interface type: value of VI_ATTR_INTF_TYPE / intfType of viParseRsrc
VI_INTF_GPIB = 0x1
VI_INTF_VXI = 0x2
VI_INTF_GPIB_VXI = 0x3
VI_INTF_ASRL = 0x4
VI_INTF_PXI = 0x5
VI_INTF_TCPIP = 0x6
VI_INTF_USB = 0x7

# I/O protocol: value of VI_ATTR_IO_PROT
VI_PROT_NORMAL = 0x1
VI_PROT_FDC = 0x2
VI_PROT_HS488 = 0x3
VI_PROT_4882_STRS = 0x4
VI_PROT_USBTMC_VENDOR = 0x5

# value of VI_ATTR_FDC_MODE
VI_FDC_NORMAL = 0x1
VI_FDC_STREAM = 0x2

# address space id (space/srcSpace/destSpace/mapSpace argument of viIn*/viOut*/viMove*/viMapAddress
VI_LOCAL_SPACE = 0x0
VI_A16_SPACE = 0x1
VI_A24_SPACE = 0x2
VI_A32_SPACE = 0x3
VI_A64_SPACE = 0x4
VI_PXI_ALLOC_SPACE = 0x9
VI_PXI_CFG_SPACE = 0xA
VI_PXI_BAR0_SPACE = 0xB
VI_PXI_BAR1_SPACE = 0xC
VI_PXI_BAR2_SPACE = 0xD
VI_PXI_BAR3_SPACE = 0xE
VI_PXI_BAR4_SPACE = 0xF
VI_PXI_BAR5_SPACE = 0x10
VI_OPAQUE_SPACE = 0xFFFF

# unknown-value marker for logical address / slot / interrupt level / PXI chassis attributes
VI_UNKNOWN_LA = -0x1
VI_UNKNOWN_SLOT = -0x1
VI_UNKNOWN_LEVEL = -0x1
VI_UNKNOWN_CHASSIS = -0x1

# event mechanism (mechanism argument of viEnableEvent/viDisableEvent/viDiscardEvents)
VI_QUEUE = 0x1
VI_HNDLR = 0x2
VI_SUSPEND_HNDLR = 0x4
VI_ALL_MECH = 0xFFFF

# handler wildcard for viUninstallHandler
VI_ANY_HNDLR = 0x0

# trigger id (VI_ATTR_TRIG_ID, trigSrc/trigDest of viMapTrigger)
VI_TRIG_ALL = -0x2
VI_TRIG_SW = -0x1
VI_TRIG_TTL0 = 0x0
VI_TRIG_TTL1 = 0x1
VI_TRIG_TTL2 = 0x2
VI_TRIG_TTL3 = 0x3
VI_TRIG_TTL4 = 0x4
VI_TRIG_TTL5 = 0x5
VI_TRIG_TTL6 = 0x6
VI_TRIG_TTL7 = 0x7
VI_TRIG_ECL0 = 0x8
VI_TRIG_ECL1 = 0x9
VI_TRIG_ECL2 = 0xA
VI_TRIG_ECL3 = 0xB
VI_TRIG_ECL4 = 0xC
VI_TRIG_ECL5 = 0xD
VI_TRIG_STAR_SLOT1 = 0xE
VI_TRIG_STAR_SLOT2 = 0xF
VI_TRIG_STAR_SLOT3 = 0x10
VI_TRIG_STAR_SLOT4 = 0x11
VI_TRIG_STAR_SLOT5 = 0x12
VI_TRIG_STAR_SLOT6 = 0x13
VI_TRIG_STAR_SLOT7 = 0x14
VI_TRIG_STAR_SLOT8 = 0x15
VI_TRIG_STAR_SLOT9 = 0x16
VI_TRIG_STAR_SLOT10 = 0x17
VI_TRIG_STAR_SLOT11 = 0x18
VI_TRIG_STAR_SLOT12 = 0x19
VI_TRIG_STAR_INSTR = 0x1A
VI_TRIG_PANEL_IN = 0x1B
VI_TRIG_PANEL_OUT = 0x1C
VI_TRIG_STAR_VXI0 = 0x1D
VI_TRIG_STAR_VXI1 = 0x1E
VI_TRIG_STAR_VXI2 = 0x1F
VI_TRIG_TTL8 = 0x20
VI_TRIG_TTL9 = 0x21
VI_TRIG_TTL10 = 0x22
VI_TRIG_TTL11 = 0x23

# protocol argument of viAssertTrigger
VI_TRIG_PROT_DEFAULT = 0x0
VI_TRIG_PROT_ON = 0x1
VI_TRIG_PROT_OFF = 0x2
VI_TRIG_PROT_SYNC = 0x5
VI_TRIG_PROT_RESERVE = 0x6
VI_TRIG_PROT_UNRESERVE = 0x7

# buffer mask bit for viSetBuf/viFlush
VI_READ_BUF = 0x1
VI_WRITE_BUF = 0x2
VI_READ_BUF_DISCARD = 0x4
VI_WRITE_BUF_DISCARD = 0x8
VI_IO_IN_BUF = 0x10
VI_IO_OUT_BUF = 0x20
VI_IO_IN_BUF_DISCARD = 0x40
VI_IO_OUT_BUF_DISCARD = 0x80

# value of VI_ATTR_RD_BUF_OPER_MODE / VI_ATTR_WR_BUF_OPER_MODE
VI_FLUSH_ON_ACCESS = 0x1
VI_FLUSH_WHEN_FULL = 0x2
VI_FLUSH_DISABLE = 0x3

# value of VI_ATTR_WIN_ACCESS
VI_NMAPPED = 0x1
VI_USE_OPERS = 0x2
VI_DEREF_ADDR = 0x3

# timeout value in ms (VI_ATTR_TMO_VALUE, timeout arguments)
VI_TMO_IMMEDIATE = 0x0
VI_TMO_INFINITE = 0xFFFFFFFF

# access/lock mode (ViAccessMode: viOpen mode, viLock lockType, VI_ATTR_RSRC_LOCK_STATE)
VI_NO_LOCK = 0x0
VI_EXCLUSIVE_LOCK = 0x1
VI_SHARED_LOCK = 0x2
VI_LOAD_CONFIG = 0x4

# no GPIB secondary address (VI_ATTR_GPIB_SECONDARY_ADDR, secAddr of viGpibPassControl)
VI_NO_SEC_ADDR = 0xFFFF

# value of VI_ATTR_ASRL_PARITY
VI_ASRL_PAR_NONE = 0x0
VI_ASRL_PAR_ODD = 0x1
VI_ASRL_PAR_EVEN = 0x2
VI_ASRL_PAR_MARK = 0x3
VI_ASRL_PAR_SPACE = 0x4

# value of VI_ATTR_ASRL_STOP_BITS (tenths of a bit)
VI_ASRL_STOP_ONE = 0xA
VI_ASRL_STOP_ONE5 = 0xF
VI_ASRL_STOP_TWO = 0x14

# value/bit flag of VI_ATTR_ASRL_FLOW_CNTRL
VI_ASRL_FLOW_NONE = 0x0
VI_ASRL_FLOW_XON_XOFF = 0x1
VI_ASRL_FLOW_RTS_CTS = 0x2
VI_ASRL_FLOW_DTR_DSR = 0x4

# value of VI_ATTR_ASRL_END_IN / VI_ATTR_ASRL_END_OUT
VI_ASRL_END_NONE = 0x0
VI_ASRL_END_LAST_BIT = 0x1
VI_ASRL_END_TERMCHAR = 0x2
VI_ASRL_END_BREAK = 0x3

# line state value (e.g. VI_ATTR_GPIB_*_STATE, VI_ATTR_ASRL_*_STATE)
VI_STATE_ASSERTED = 0x1
VI_STATE_UNASSERTED = 0x0
VI_STATE_UNKNOWN = -0x1

# value of the *_BYTE_ORDER attributes
VI_BIG_ENDIAN = 0x0
VI_LITTLE_ENDIAN = 0x1

# value of the *_ACCESS_PRIV attributes
VI_DATA_PRIV = 0x0
VI_DATA_NPRIV = 0x1
VI_PROG_PRIV = 0x2
VI_PROG_NPRIV = 0x3
VI_BLCK_PRIV = 0x4
VI_BLCK_NPRIV = 0x5
VI_D64_PRIV = 0x6
VI_D64_NPRIV = 0x7
VI_D64_2EVME = 0x8
VI_D64_SST160 = 0x9
VI_D64_SST267 = 0xA
VI_D64_SST320 = 0xB

# access width (srcWidth/destWidth of viMove/viMoveAsync)
VI_WIDTH_8 = 0x1
VI_WIDTH_16 = 0x2
VI_WIDTH_32 = 0x4
VI_WIDTH_64 = 0x8

# mode argument of viGpibControlREN
VI_GPIB_REN_DEASSERT = 0x0
VI_GPIB_REN_ASSERT = 0x1
VI_GPIB_REN_DEASSERT_GTL = 0x2
VI_GPIB_REN_ASSERT_ADDRESS = 0x3
VI_GPIB_REN_ASSERT_LLO = 0x4
VI_GPIB_REN_ASSERT_ADDRESS_LLO = 0x5
VI_GPIB_REN_ADDRESS_GTL = 0x6

# mode argument of viGpibControlATN
VI_GPIB_ATN_DEASSERT = 0x0
VI_GPIB_ATN_ASSERT = 0x1
VI_GPIB_ATN_DEASSERT_HANDSHAKE = 0x2
VI_GPIB_ATN_ASSERT_IMMEDIATE = 0x3

# value of VI_ATTR_GPIB_HS488_CBL_LEN
VI_GPIB_HS488_DISABLED = 0x0
VI_GPIB_HS488_NIMPL = -0x1

# value of VI_ATTR_GPIB_ADDR_STATE
VI_GPIB_UNADDRESSED = 0x0
VI_GPIB_TALKER = 0x1
VI_GPIB_LISTENER = 0x2

# mode argument of viVxiCommandQuery
VI_VXI_CMD16 = 0x200
VI_VXI_CMD16_RESP16 = 0x202
VI_VXI_RESP16 = 0x2
VI_VXI_CMD32 = 0x400
VI_VXI_CMD32_RESP16 = 0x402
VI_VXI_CMD32_RESP32 = 0x404
VI_VXI_RESP32 = 0x4

# mode argument of viAssertIntrSignal
VI_ASSERT_SIGNAL = -0x1
VI_ASSERT_USE_ASSIGNED = 0x0
VI_ASSERT_IRQ1 = 0x1
VI_ASSERT_IRQ2 = 0x2
VI_ASSERT_IRQ3 = 0x3
VI_ASSERT_IRQ4 = 0x4
VI_ASSERT_IRQ5 = 0x5
VI_ASSERT_IRQ6 = 0x6
VI_ASSERT_IRQ7 = 0x7

# line argument of viAssertUtilSignal
VI_UTIL_ASSERT_SYSRESET = 0x1
VI_UTIL_ASSERT_SYSFAIL = 0x2
VI_UTIL_DEASSERT_SYSFAIL = 0x3

# value of VI_ATTR_VXI_DEV_CLASS
VI_VXI_CLASS_MEMORY = 0x0
VI_VXI_CLASS_EXTENDED = 0x1
VI_VXI_CLASS_MESSAGE = 0x2
VI_VXI_CLASS_REGISTER = 0x3
VI_VXI_CLASS_OTHER = 0x4

# value of VI_ATTR_PXI_MEM_TYPE_BAR0..5
VI_PXI_ADDR_NONE = 0x0
VI_PXI_ADDR_MEM = 0x1
VI_PXI_ADDR_IO = 0x2
VI_PXI_ADDR_CFG = 0x3

# unknown trigger bus/line
VI_TRIG_UNKNOWN = -0x1

# PXI local bus / star trigger identifier
VI_PXI_LBUS_STAR_TRIG_BUS_0 = 0x3E8
VI_PXI_LBUS_STAR_TRIG_BUS_1 = 0x3E9
VI_PXI_LBUS_STAR_TRIG_BUS_2 = 0x3EA
VI_PXI_LBUS_STAR_TRIG_BUS_3 = 0x3EB
VI_PXI_LBUS_STAR_TRIG_BUS_4 = 0x3EC
VI_PXI_LBUS_STAR_TRIG_BUS_5 = 0x3ED
VI_PXI_LBUS_STAR_TRIG_BUS_6 = 0x3EE
VI_PXI_LBUS_STAR_TRIG_BUS_7 = 0x3EF
VI_PXI_LBUS_STAR_TRIG_BUS_8 = 0x3F0
VI_PXI_LBUS_STAR_TRIG_BUS_9 = 0x3F1
VI_PXI_STAR_TRIG_CONTROLLER = 0x585

# --- Backward Compatibility Macros ---
VI_ERROR_INV_SESSION = VI_ERROR_INV_OBJECT
VI_INFINITE = VI_TMO_INFINITE
VI_NORMAL = VI_PROT_NORMAL
VI_FDC = VI_PROT_FDC
VI_HS488 = VI_PROT_HS488
VI_ASRL488 = VI_PROT_4882_STRS
VI_ASRL_IN_BUF = VI_IO_IN_BUF
VI_ASRL_OUT_BUF = VI_IO_OUT_BUF
VI_ASRL_IN_BUF_DISCARD = VI_IO_IN_BUF_DISCARD
VI_ASRL_OUT_BUF_DISCARD = VI_IO_OUT_BUF_DISCARD

# ============================================================================
# Newer than VISA 5.8: IVI 7.1 and vendor (NI-VISA) extensions
# ============================================================================

# --- Attributes (platform independent size) ---
VI_ATTR_TCPIP_SERVER_CERT_ISSUER_NAME = 0xBFFF0270
VI_ATTR_TCPIP_SERVER_CERT_SUBJECT_NAME = 0xBFFF0271
VI_ATTR_TCPIP_SERVER_CERT_EXPIRATION_DATE = 0xBFFF0272
VI_ATTR_TCPIP_SERVER_CERT_IS_PERPETUAL = 0x3FFF0273
VI_ATTR_TCPIP_SASL_MECHANISM = 0xBFFF0274
VI_ATTR_TCPIP_TLS_CIPHER_SUITE = 0xBFFF0275
VI_ATTR_TCPIP_HISLIP_ENCRYPTION_EN = 0x3FFF0304

# --- Completion and Error Codes ---
VI_WARN_SERVER_CERT_UNTRUSTED = 0x3FFF00F0
VI_ERROR_SERVER_CERT = _VI_ERROR + 0x3FFF00B0
VI_ERROR_QUEUE_OVERFLOW = _VI_ERROR + 0x3FFF002D
VI_ERROR_MACHINE_NAVAIL = _VI_ERROR + 0x3FFF00A7

# --- Other VISA Definitions ---
VI_DEREF_ADDR_BYTE_SWAP = 0x4
VI_PXI_LBUS_UNKNOWN = -0x1
VI_PXI_LBUS_NONE = 0x0

# --- National Instruments ---
VI_ERROR_HW_NGENUINE = _VI_ERROR + 0x3FFF00AA
VI_INTF_RIO = 0x8
VI_INTF_FIREWIRE = 0x9
VI_ATTR_SYNC_MXI_ALLOW_EN = 0x3FFF0161
VI_EVENT_VXI_DEV_CMD = 0xBFFF200F
VI_ATTR_VXI_DEV_CMD_TYPE = 0x3FFF4037
VI_ATTR_VXI_DEV_CMD_VALUE = 0x3FFF4038
VI_VXI_DEV_CMD_TYPE_16 = 0x10
VI_VXI_DEV_CMD_TYPE_32 = 0x20
VI_VXI_RESP_NONE = 0x0
VI_VXI_RESP_PROT_ERROR = -0x1
VI_ATTR_VXI_TRIG_LINES_EN = 0x3FFF4043
VI_ATTR_VXI_TRIG_DIR = 0x3FFF4044
VI_ATTR_ASRL_DISCARD_NULL = 0x3FFF00B0
VI_ATTR_ASRL_CONNECTED = 0x3FFF01BB
VI_ATTR_ASRL_BREAK_STATE = 0x3FFF01BC
VI_ATTR_ASRL_BREAK_LEN = 0x3FFF01BD
VI_ATTR_ASRL_ALLOW_TRANSMIT = 0x3FFF01BE
VI_ATTR_ASRL_WIRE_MODE = 0x3FFF01BF
VI_ASRL_WIRE_485_4 = 0x0
VI_ASRL_WIRE_485_2_DTR_ECHO = 0x1
VI_ASRL_WIRE_485_2_DTR_CTRL = 0x2
VI_ASRL_WIRE_485_2_AUTO = 0x3
VI_ASRL_WIRE_232_DTE = 0x80
VI_ASRL_WIRE_232_DCE = 0x81
VI_ASRL_WIRE_232_AUTO = 0x82
VI_EVENT_ASRL_BREAK = 0x3FFF2023
VI_EVENT_ASRL_CTS = 0x3FFF2029
VI_EVENT_ASRL_DSR = 0x3FFF202A
VI_EVENT_ASRL_DCD = 0x3FFF202C
VI_EVENT_ASRL_RI = 0x3FFF202E
VI_EVENT_ASRL_CHAR = 0x3FFF2035
VI_EVENT_ASRL_TERMCHAR = 0x3FFF2024
VI_ATTR_PXI_SUB_MANF_ID = 0x3FFF0203
VI_ATTR_PXI_SUB_MODEL_CODE = 0x3FFF0204
VI_ATTR_PXI_USE_PREALLOC_POOL = 0x3FFF020F
VI_ATTR_USB_BULK_OUT_PIPE = 0x3FFF01A2
VI_ATTR_USB_BULK_IN_PIPE = 0x3FFF01A3
VI_ATTR_USB_INTR_IN_PIPE = 0x3FFF01A4
VI_ATTR_USB_CLASS = 0x3FFF01A5
VI_ATTR_USB_SUBCLASS = 0x3FFF01A6
VI_ATTR_USB_ALT_SETTING = 0x3FFF01A8
VI_ATTR_USB_END_IN = 0x3FFF01A9
VI_ATTR_USB_NUM_INTFCS = 0x3FFF01AA
VI_ATTR_USB_NUM_PIPES = 0x3FFF01AB
VI_ATTR_USB_BULK_OUT_STATUS = 0x3FFF01AC
VI_ATTR_USB_BULK_IN_STATUS = 0x3FFF01AD
VI_ATTR_USB_INTR_IN_STATUS = 0x3FFF01AE
VI_ATTR_USB_CTRL_PIPE = 0x3FFF01B0
VI_USB_PIPE_STATE_UNKNOWN = -0x1
VI_USB_PIPE_READY = 0x0
VI_USB_PIPE_STALLED = 0x1
VI_USB_END_NONE = 0x0
VI_USB_END_SHORT = 0x4
VI_USB_END_SHORT_OR_COUNT = 0x5
VI_ATTR_FIREWIRE_DEST_UPPER_OFFSET = 0x3FFF01F0
VI_ATTR_FIREWIRE_SRC_UPPER_OFFSET = 0x3FFF01F1
VI_ATTR_FIREWIRE_WIN_UPPER_OFFSET = 0x3FFF01F2
VI_ATTR_FIREWIRE_VENDOR_ID = 0x3FFF01F3
VI_ATTR_FIREWIRE_LOWER_CHIP_ID = 0x3FFF01F4
VI_ATTR_FIREWIRE_UPPER_CHIP_ID = 0x3FFF01F5
VI_FIREWIRE_DFLT_SPACE = 0x5

# --- Attributes (platform independent size) ---
VI_ATTR_PXI_SLOT_WIDTH = 0x3FFF0247
VI_ATTR_PXI_SLOT_OFFSET = 0x3FFF0248
VI_ATTR_TCPIP_SERVER_CERT = 0xBFFF0276
VI_ATTR_TCPIP_SERVER_CERT_SIZE = 0x3FFF0277

# --- Completion and Error Codes ---
VI_WARN_SERVER_CERT_INV_SUBJECT = 0x3FFF00F1
VI_ERROR_SERVER_CERT_UNTRUSTED = _VI_ERROR + 0x3FFF00B1
VI_ERROR_SERVER_CERT_EXPIRED = _VI_ERROR + 0x3FFF00B2
VI_ERROR_SERVER_CERT_REVOKED = _VI_ERROR + 0x3FFF00B3
VI_ERROR_SERVER_CERT_INV_SUBJECT = _VI_ERROR + 0x3FFF00B4


# ============================================================================
# Identifiers defined by PyVISA only (not in any VISA header)
# ============================================================================

# interface types of resources implemented by pyvisa-py and of vendor passports
VI_INTF_PRLGX_TCPIP = 0x12AFF
VI_INTF_PRLGX_ASRL = 0x8707
VI_INTF_VICP = 0x8CA0
VI_INTF_RSNRP = 0x8100
VI_INTF_UNKNOWN = -0x1

# PXI local bus id of the SCXI bus (in no header table: the value is the one of PyVISA 1.16.2)
VI_PXI_LBUS_SCXI = 2000


# ============================================================================
# Enumerations
# ============================================================================


class _FastEnumType(type):
    """Metaclass making the enumerations below with ``enum._simple_enum`` (Python 3.11+).

    A class statement with ``_IntEnum`` or ``_IntFlag`` as its base is turned into the
    ``enum.IntEnum`` (``enum.IntFlag``) of the same name, members, aliases, docstring and
    methods as the class statement with ``enum.IntEnum`` (``enum.IntFlag``) would give,
    several times faster: the standard library makes its own large enumerations so, and
    the 37 of this module, 650 members, are made when pyvisa is imported. Type checkers
    see ``enum.IntEnum`` and ``enum.IntFlag`` themselves.
    """

    def __new__(  # noqa: N804 - a metaclass
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, object]
    ) -> type:
        if not bases:
            return super().__new__(mcs, name, bases, namespace)
        plain = type(name, (), namespace)
        return enum._simple_enum(bases[0]._kind)(plain)  # type: ignore[attr-defined]


if TYPE_CHECKING or not hasattr(enum, "_simple_enum"):
    _IntEnum = enum.IntEnum
    _IntFlag = enum.IntFlag
else:
    _IntEnum = _FastEnumType("_IntEnum", (), {"_kind": enum.IntEnum})
    _IntFlag = _FastEnumType("_IntFlag", (), {"_kind": enum.IntFlag})


class AccessModes(_IntEnum):
    """Whether and how to lock a resource when opening a connection."""

    #: Does not obtain any lock on the VISA resource.
    no_lock = VI_NO_LOCK

    #: Obtains a exclusive lock on the VISA resource.
    exclusive_lock = VI_EXCLUSIVE_LOCK

    #: Obtains a lock on the VISA resouce which may be shared between multiple VISA sessions.
    shared_lock = VI_SHARED_LOCK


class StopBits(_IntEnum):
    """The number of stop bits that indicate the end of a frame on a serial resource.

    Used only for ASRL resources.

    """

    one = VI_ASRL_STOP_ONE
    one_and_a_half = VI_ASRL_STOP_ONE5
    two = VI_ASRL_STOP_TWO


class Parity(_IntEnum):
    """Parity type to use with every frame transmitted and received on a serial session.

    Used only for ASRL resources.

    """

    none = VI_ASRL_PAR_NONE
    odd = VI_ASRL_PAR_ODD
    even = VI_ASRL_PAR_EVEN
    mark = VI_ASRL_PAR_MARK
    space = VI_ASRL_PAR_SPACE


class SerialTermination(_IntEnum):
    """The available methods for terminating a serial transfer."""

    #: The transfer terminates when all requested data is transferred or when an error occurs.
    none = VI_ASRL_END_NONE

    #: The transfer occurs with the last bit not set until the last character is sent.
    last_bit = VI_ASRL_END_LAST_BIT

    #: The transfer terminate by searching for "/" appending the termination character.
    termination_char = VI_ASRL_END_TERMCHAR

    #: The write transmits a break after all the characters for the write are sent.
    termination_break = VI_ASRL_END_BREAK


class InterfaceType(_IntEnum):
    """The hardware interface."""

    #: Unknown interface type.
    unknown = VI_INTF_UNKNOWN

    #: GPIB Interface.
    gpib = VI_INTF_GPIB

    #: VXI (VME eXtensions for Instrumentation), VME, MXI (Multisystem eXtension Interface).
    vxi = VI_INTF_VXI

    #: GPIB VXI (VME eXtensions for Instrumentation).
    gpib_vxi = VI_INTF_GPIB_VXI

    #: Serial devices connected to either an RS-232 or RS-485 controller.
    asrl = VI_INTF_ASRL

    #: PXI device.
    pxi = VI_INTF_PXI

    #: TCPIP device.
    tcpip = VI_INTF_TCPIP

    #: Universal Serial Bus (USB) hardware bus.
    usb = VI_INTF_USB

    #: Rio device.
    rio = VI_INTF_RIO

    #: Firewire device.
    firewire = VI_INTF_FIREWIRE

    #: Rohde and Schwarz Device via Passport
    rsnrp = VI_INTF_RSNRP

    #: Prologix GPIB controller reached over TCPIP (pyvisa-py).
    prlgx_tcpip = VI_INTF_PRLGX_TCPIP

    #: Prologix GPIB controller reached over a serial port (pyvisa-py).
    prlgx_asrl = VI_INTF_PRLGX_ASRL

    #: Teledyne LeCroy VICP instrument over TCPIP (pyvisa-py).
    vicp = VI_INTF_VICP

    #: The NI GPIB-ENET/100 bridge, a GPIB interface reached over TCPIP (PyVISA 1.17).
    ni_enet100_tcpip = 76544


class AddressState(_IntEnum):
    """State of a GPIB resource.

    Corresponds to the Attribute.GPIB_address_state attribute

    """

    #: The resource is unadressed
    unaddressed = VI_GPIB_UNADDRESSED

    #: The resource is addressed to talk
    talker = VI_GPIB_TALKER

    #: The resource is addressed to listen
    listenr = VI_GPIB_LISTENER


class IOProtocol(_IntEnum):
    """IO protocol used for communication.

    See attributes.AttrVI_ATTR_IO_PROT for more details.

    """

    normal = VI_PROT_NORMAL

    #: Fast data channel (FDC) protocol for VXI
    fdc = VI_PROT_FDC

    #: High speed 488 transfer for GPIB
    hs488 = VI_PROT_HS488

    #: 488 style transfer for serial
    protocol4882_strs = VI_PROT_4882_STRS

    #: Test measurement class vendor specific for USB
    usbtmc_vendor = VI_PROT_USBTMC_VENDOR


class LineState(_IntEnum):
    """State of a hardware line or signal.

    The line for which the state can be queried are:
    - ASRC resource: BREAK, CTS, DCD, DSR, DTR, RI, RTS signals
    - GPIB resources: ATN, NDAC, REN, SRQ lines
    - VXI BACKPLANE: VXI/VME SYSFAIL backplane line

    Search for LineState in attributes.py for more details.

    """

    #: The line/signal is currently asserted
    asserted = VI_STATE_ASSERTED

    #: The line/signal is currently deasserted
    unasserted = VI_STATE_UNASSERTED

    #: The state of the line/signal is unknown
    unknown = VI_STATE_UNKNOWN


class EventType(_IntEnum):
    """The types of VISA events."""

    #: Notification that an asynchronous operation has completed.
    io_completion = VI_EVENT_IO_COMPLETION

    #: Notification that a trigger interrupt was received from the device.
    trig = VI_EVENT_TRIG

    #: Notification that a service request was received from the device.
    service_request = VI_EVENT_SERVICE_REQ

    #: Notification that the local controller has been sent a device clear message.
    clear = VI_EVENT_CLEAR

    #: Notification that an error condition has occurred during an operation invocation.
    exception = VI_EVENT_EXCEPTION

    #: Notification that the GPIB controller has gained or lost CIC (controller in charge) status.
    gpib_controller_in_charge = VI_EVENT_GPIB_CIC

    #: Notification that the GPIB controller has been addressed to talk.
    gpib_talk = VI_EVENT_GPIB_TALK

    #: Notification that the GPIB controller has been addressed to listen.
    gpib_listen = VI_EVENT_GPIB_LISTEN

    #: Notification that the VXI/VME SYSFAIL* line has been asserted.
    vxi_vme_sysfail = VI_EVENT_VXI_VME_SYSFAIL

    #: Notification that the VXI/VME SYSRESET* line has been asserted.
    vxi_vme_sysreset = VI_EVENT_VXI_VME_SYSRESET

    #: Notification that a VXIbus signal or VXIbus interrupt was received from the device.
    vxi_signal_interrupt = VI_EVENT_VXI_SIGP

    #: Notification that a VXIbus interrupt was received from the device.
    vxi_vme_interrupt = VI_EVENT_VXI_VME_INTR

    #: Notification that a PCI interrupt was received from the device.
    pxi_interrupt = VI_EVENT_PXI_INTR

    #: Notification that a TCP/IP connection has been made.
    tcpip_connect = VI_EVENT_TCPIP_CONNECT

    #: Notification that a vendor-specific USB interrupt was received from the device.
    usb_interrupt = VI_EVENT_USB_INTR

    #: Notification that a break signal was received (NI-VISA extension).
    asrl_break = VI_EVENT_ASRL_BREAK

    #: Notification that the CTS line changed state (NI-VISA extension).
    asrl_cts = VI_EVENT_ASRL_CTS

    #: Notification that the DSR line changed state (NI-VISA extension).
    asrl_dsr = VI_EVENT_ASRL_DSR

    #: Notification that the DCD line changed state (NI-VISA extension).
    asrl_dcd = VI_EVENT_ASRL_DCD

    #: Notification that the RI line changed state (NI-VISA extension).
    asrl_ri = VI_EVENT_ASRL_RI

    #: Notification that a character was received (NI-VISA extension).
    asrl_character = VI_EVENT_ASRL_CHAR

    #: Notification that the termination character was received (NI-VISA extension).
    asrl_termchar = VI_EVENT_ASRL_TERMCHAR

    #: Notification that a VXI device command was received (NI-VISA extension).
    vxi_device_command = VI_EVENT_VXI_DEV_CMD

    #: Every event type enabled on the session (for disabling or discarding them all).
    all_enabled = VI_ALL_ENABLED_EVENTS


class EventMechanism(_IntEnum):
    """The available event mechanisms for event handling."""

    #: Queue events that can then be queried using wait_on_event.
    queue = VI_QUEUE

    #: Use a specified callback handler to deal with events.
    handler = VI_HNDLR

    #: Queue events to be passed to the handler when the system switches to the handler mechanism.
    suspend_handler = VI_SUSPEND_HNDLR

    #: Every mechanism (for disabling or discarding events).
    all = VI_ALL_MECH


class Timeouts(_IntEnum):
    """Special timeout values (in milliseconds)."""

    #: The minimal timeout value, with which the operation returns at once.
    immediate = VI_TMO_IMMEDIATE

    #: The infinite timeout, with which the operation waits for ever.
    infinite = VI_TMO_INFINITE


class Lock(_IntEnum):
    """Kind of lock to use when locking a resource."""

    #: Obtains an exclusive lock on the VISA resource.
    exclusive = VI_EXCLUSIVE_LOCK

    #: Obtains a lock on the VISA resource which may be shared between multiple VISA sessions.
    shared = VI_SHARED_LOCK


class BufferType(_IntFlag):
    """Buffer potentially available on a resource, as used by ``set_buffer``.

    The members can be combined with ``|`` (one call sets several buffers to one size).

    """

    #: Formatted read buffer.
    read = VI_READ_BUF

    #: Formatted write buffer.
    write = VI_WRITE_BUF

    #: I/O communication receive buffer.
    io_in = VI_IO_IN_BUF

    #: I/O communication transmit buffer.
    io_out = VI_IO_OUT_BUF


class BufferOperation(_IntFlag):
    """Possible operations on the buffers of a resource, as used by ``flush``.

    The members can be combined with ``|``.

    """

    #: Discard the read buffer contents and, if data was present, read from the device until
    #: END is detected.
    discard_read_buffer = VI_READ_BUF

    #: Discard the read buffer contents without performing any I/O with the device.
    discard_read_buffer_no_io = VI_READ_BUF_DISCARD

    #: Flush the write buffer by writing all buffered data to the device.
    flush_write_buffer = VI_WRITE_BUF

    #: Discard the write buffer contents without performing any I/O with the device.
    discard_write_buffer = VI_WRITE_BUF_DISCARD

    #: Discard the receive buffer contents (same as ``discard_receive_buffer2``).
    discard_receive_buffer = VI_IO_IN_BUF_DISCARD

    #: Discard the receive buffer contents (same as ``discard_receive_buffer``).
    discard_receive_buffer2 = VI_IO_IN_BUF

    #: Flush the transmit buffer by writing all buffered data to the device.
    flush_transmit_buffer = VI_IO_OUT_BUF

    #: Discard the transmit buffer contents without performing any I/O with the device.
    discard_transmit_buffer = VI_IO_OUT_BUF_DISCARD


class TriggerProtocol(_IntEnum):
    """Trigger protocol used when asserting a software or hardware trigger."""

    #: The default protocol (software trigger for GPIB, TCPIP, USB and serial).
    default = VI_TRIG_PROT_DEFAULT

    #: Assert the trigger line.
    on = VI_TRIG_PROT_ON

    #: Deassert the trigger line.
    off = VI_TRIG_PROT_OFF

    #: Assert the trigger line and deassert it (pulse).
    sync = VI_TRIG_PROT_SYNC

    #: Reserve the trigger line for exclusive use by this session (PXI).
    reserve = VI_TRIG_PROT_RESERVE

    #: Release a reservation made with ``reserve`` (PXI).
    unreserve = VI_TRIG_PROT_UNRESERVE


class AddressSpace(_IntEnum):
    """Address space for register-based (memory) accesses."""

    #: Local memory of the controller.
    local = VI_LOCAL_SPACE

    #: A16 address space of the VXI/MXI bus.
    a16 = VI_A16_SPACE

    #: A24 address space of the VXI/MXI bus.
    a24 = VI_A24_SPACE

    #: A32 address space of the VXI/MXI bus.
    a32 = VI_A32_SPACE

    #: A64 address space of the VXI/MXI bus.
    a64 = VI_A64_SPACE

    #: Memory allocated by the PXI device (with ``VI_ATTR_PXI_*`` preallocation).
    pxi_allocated = VI_PXI_ALLOC_SPACE

    #: PCI configuration space.
    pxi_config = VI_PXI_CFG_SPACE

    #: PCI base address register 0 space.
    pxi_bar0 = VI_PXI_BAR0_SPACE

    #: PCI base address register 1 space.
    pxi_bar1 = VI_PXI_BAR1_SPACE

    #: PCI base address register 2 space.
    pxi_bar2 = VI_PXI_BAR2_SPACE

    #: PCI base address register 3 space.
    pxi_bar3 = VI_PXI_BAR3_SPACE

    #: PCI base address register 4 space.
    pxi_bar4 = VI_PXI_BAR4_SPACE

    #: PCI base address register 5 space.
    pxi_bar5 = VI_PXI_BAR5_SPACE

    #: Address space of an opaque resource (not directly addressable).
    opaque = VI_OPAQUE_SPACE


class AddressModifiers(_IntEnum):
    """Address modifier (privilege) used for VXI/VME register accesses."""

    data_private = VI_DATA_PRIV
    data_non_private = VI_DATA_NPRIV
    program_private = VI_PROG_PRIV
    program_non_private = VI_PROG_NPRIV
    block_private = VI_BLCK_PRIV
    block_non_private = VI_BLCK_NPRIV
    d64_private = VI_D64_PRIV
    d64_non_private = VI_D64_NPRIV
    d64_2vme = VI_D64_2EVME
    d64_sst160 = VI_D64_SST160
    d64_sst267 = VI_D64_SST267
    d64_sst320 = VI_D64_SST320


class DataWidth(_IntEnum):
    """Width of the data in a register-based (memory) access."""

    #: 8 bits (1 byte).
    bit_8 = VI_WIDTH_8

    #: 16 bits (2 bytes).
    bit_16 = VI_WIDTH_16

    #: 32 bits (4 bytes).
    bit_32 = VI_WIDTH_32

    #: 64 bits (8 bytes).
    bit_64 = VI_WIDTH_64

    @classmethod
    def from_literal(cls, value: int) -> "Self":
        """Convert a width in bits (8, 16, 32 or 64) into a :class:`DataWidth`.

        Parameters
        ----------
        value : int
            Width in bits: 8, 16, 32 or 64.

        Returns
        -------
        DataWidth
            The member for that width.

        Raises
        ------
        ValueError
            If the width is not one of 8, 16, 32 and 64.

        """
        if isinstance(value, int) and value in (8, 16, 32, 64):
            return cls(value // 8)
        raise ValueError(f"Invalid data width {value!r}: expected 8, 16, 32 or 64 (bits).")


#: Width of a register access, in bits (8, 16, 32 or 64) or as a :class:`DataWidth` member.
WidthSpec = Literal[8, 16, 32, 64] | DataWidth


def width_in_bits(width: WidthSpec) -> int:
    """Number of bits of a register-access width given in bits or as a DataWidth member.

    Parameters
    ----------
    width : WidthSpec
        8, 16, 32, 64 or a :class:`DataWidth` member.

    Raises
    ------
    ValueError
        Raised if the width is none of those. (This module is below
        :mod:`pyvisa.errors`, which re-exports its codes: its checks raise the builtin.)

    """
    bits = int(width) * 8 if isinstance(width, DataWidth) else width
    if bits not in (8, 16, 32, 64):
        raise ValueError(
            f"{width!r} is not a valid data width: expected 8, 16, 32, 64 "
            "or a member of constants.DataWidth"
        )
    return bits


class ATNLineOperation(_IntEnum):
    """Operation on the GPIB ATN (attention) line."""

    #: Assert the ATN line synchronously (in 488 terminology).
    asrt = VI_GPIB_ATN_ASSERT

    #: Deassert the ATN line.
    deassert = VI_GPIB_ATN_DEASSERT

    #: Deassert the ATN line and enter shadow handshake mode.
    deassert_handshake = VI_GPIB_ATN_DEASSERT_HANDSHAKE

    #: Assert the ATN line asynchronously (should only be used in emergencies).
    asrt_immediate = VI_GPIB_ATN_ASSERT_IMMEDIATE


class RENLineOperation(_IntEnum):
    """Operation on the GPIB REN (remote enable) line."""

    #: Deassert the REN line.
    deassert = VI_GPIB_REN_DEASSERT

    #: Assert the REN line.
    asrt = VI_GPIB_REN_ASSERT

    #: Deassert the REN line and send the Go To Local (GTL) command.
    deassert_gtl = VI_GPIB_REN_DEASSERT_GTL

    #: Assert the REN line and address the device.
    asrt_address = VI_GPIB_REN_ASSERT_ADDRESS

    #: Send the Local Lockout (LLO) command to every device.
    asrt_llo = VI_GPIB_REN_ASSERT_LLO

    #: Address the device and send it the Local Lockout (LLO) command.
    asrt_address_llo = VI_GPIB_REN_ASSERT_ADDRESS_LLO

    #: Send the Go To Local (GTL) command to the device.
    address_gtl = VI_GPIB_REN_ADDRESS_GTL


class ControlFlow(_IntFlag):
    """Flow control of a serial resource; the members can be combined with ``|``."""

    #: No flow control.
    none = VI_ASRL_FLOW_NONE

    #: Software flow control with the XON and XOFF characters.
    xon_xoff = VI_ASRL_FLOW_XON_XOFF

    #: Hardware flow control with the RTS and CTS lines.
    rts_cts = VI_ASRL_FLOW_RTS_CTS

    #: Hardware flow control with the DTR and DSR lines.
    dtr_dsr = VI_ASRL_FLOW_DTR_DSR


class WireMode(_IntEnum):
    """Wiring of a serial (RS-232 / RS-485) port (NI-VISA extension)."""

    #: 4-wire RS-485 mode.
    rs485_4 = VI_ASRL_WIRE_485_4

    #: 2-wire RS-485 mode with the DTR line controlling the transceiver, with echo.
    rs485_2_dtr_echo = VI_ASRL_WIRE_485_2_DTR_ECHO

    #: 2-wire RS-485 mode with the DTR line controlling the transceiver, without echo.
    rs485_2_dtr_ctrl = VI_ASRL_WIRE_485_2_DTR_CTRL

    #: 2-wire RS-485 mode with automatic transceiver control.
    rs485_2_auto = VI_ASRL_WIRE_485_2_AUTO

    #: RS-232 port acting as Data Terminal Equipment.
    rs232_dte = VI_ASRL_WIRE_232_DTE

    #: RS-232 port acting as Data Communications Equipment.
    rs232_dce = VI_ASRL_WIRE_232_DCE

    #: RS-232 port with automatic DTE/DCE detection.
    rs232_auto = VI_ASRL_WIRE_232_AUTO

    #: The wiring mode is unknown.
    unknown = VI_STATE_UNKNOWN


class VisaBoolean(_IntEnum):
    """VISA boolean values (``ViBoolean``)."""

    true = VI_TRUE
    false = VI_FALSE


class InputTriggerLine(_IntEnum):
    """Trigger lines that can be used as the source of a trigger mapping (VXI, PXI)."""

    ttl0 = VI_TRIG_TTL0
    ttl1 = VI_TRIG_TTL1
    ttl2 = VI_TRIG_TTL2
    ttl3 = VI_TRIG_TTL3
    ttl4 = VI_TRIG_TTL4
    ttl5 = VI_TRIG_TTL5
    ttl6 = VI_TRIG_TTL6
    ttl7 = VI_TRIG_TTL7
    ttl8 = VI_TRIG_TTL8
    ttl9 = VI_TRIG_TTL9
    ttl10 = VI_TRIG_TTL10
    ttl11 = VI_TRIG_TTL11
    ecl0 = VI_TRIG_ECL0
    ecl1 = VI_TRIG_ECL1
    ecl2 = VI_TRIG_ECL2
    ecl3 = VI_TRIG_ECL3
    ecl4 = VI_TRIG_ECL4
    ecl5 = VI_TRIG_ECL5
    slot1 = VI_TRIG_STAR_SLOT1
    slot2 = VI_TRIG_STAR_SLOT2
    slot3 = VI_TRIG_STAR_SLOT3
    slot4 = VI_TRIG_STAR_SLOT4
    slot5 = VI_TRIG_STAR_SLOT5
    slot6 = VI_TRIG_STAR_SLOT6
    slot7 = VI_TRIG_STAR_SLOT7
    slot8 = VI_TRIG_STAR_SLOT8
    slot9 = VI_TRIG_STAR_SLOT9
    slot10 = VI_TRIG_STAR_SLOT10
    slot11 = VI_TRIG_STAR_SLOT11
    slot12 = VI_TRIG_STAR_SLOT12
    instr = VI_TRIG_STAR_INSTR
    panel = VI_TRIG_PANEL_IN
    vxi0 = VI_TRIG_STAR_VXI0
    vxi1 = VI_TRIG_STAR_VXI1
    vxi2 = VI_TRIG_STAR_VXI2


class OutputTriggerLine(_IntEnum):
    """Trigger lines that can be used as the destination of a trigger mapping (VXI, PXI)."""

    ttl0 = VI_TRIG_TTL0
    ttl1 = VI_TRIG_TTL1
    ttl2 = VI_TRIG_TTL2
    ttl3 = VI_TRIG_TTL3
    ttl4 = VI_TRIG_TTL4
    ttl5 = VI_TRIG_TTL5
    ttl6 = VI_TRIG_TTL6
    ttl7 = VI_TRIG_TTL7
    ttl8 = VI_TRIG_TTL8
    ttl9 = VI_TRIG_TTL9
    ttl10 = VI_TRIG_TTL10
    ttl11 = VI_TRIG_TTL11
    ecl0 = VI_TRIG_ECL0
    ecl1 = VI_TRIG_ECL1
    ecl2 = VI_TRIG_ECL2
    ecl3 = VI_TRIG_ECL3
    ecl4 = VI_TRIG_ECL4
    ecl5 = VI_TRIG_ECL5
    slot1 = VI_TRIG_STAR_SLOT1
    slot2 = VI_TRIG_STAR_SLOT2
    slot3 = VI_TRIG_STAR_SLOT3
    slot4 = VI_TRIG_STAR_SLOT4
    slot5 = VI_TRIG_STAR_SLOT5
    slot6 = VI_TRIG_STAR_SLOT6
    slot7 = VI_TRIG_STAR_SLOT7
    slot8 = VI_TRIG_STAR_SLOT8
    slot9 = VI_TRIG_STAR_SLOT9
    slot10 = VI_TRIG_STAR_SLOT10
    slot11 = VI_TRIG_STAR_SLOT11
    slot12 = VI_TRIG_STAR_SLOT12
    instr = VI_TRIG_STAR_INSTR
    panel = VI_TRIG_PANEL_OUT
    vxi0 = VI_TRIG_STAR_VXI0
    vxi1 = VI_TRIG_STAR_VXI1
    vxi2 = VI_TRIG_STAR_VXI2
    #: Every trigger line (used to unmap every line at once).
    all = VI_TRIG_ALL


class TriggerID(_IntEnum):
    """Identifier of the trigger used by a resource (value of ``VI_ATTR_TRIG_ID``)."""

    #: Software trigger.
    serial_word = VI_TRIG_SW
    ttl0 = VI_TRIG_TTL0
    ttl1 = VI_TRIG_TTL1
    ttl2 = VI_TRIG_TTL2
    ttl3 = VI_TRIG_TTL3
    ttl4 = VI_TRIG_TTL4
    ttl5 = VI_TRIG_TTL5
    ttl6 = VI_TRIG_TTL6
    ttl7 = VI_TRIG_TTL7
    ttl8 = VI_TRIG_TTL8
    ttl9 = VI_TRIG_TTL9
    ttl10 = VI_TRIG_TTL10
    ttl11 = VI_TRIG_TTL11
    ecl0 = VI_TRIG_ECL0
    ecl1 = VI_TRIG_ECL1
    ecl2 = VI_TRIG_ECL2
    ecl3 = VI_TRIG_ECL3
    ecl4 = VI_TRIG_ECL4
    ecl5 = VI_TRIG_ECL5
    slot1 = VI_TRIG_STAR_SLOT1
    slot2 = VI_TRIG_STAR_SLOT2
    slot3 = VI_TRIG_STAR_SLOT3
    slot4 = VI_TRIG_STAR_SLOT4
    slot5 = VI_TRIG_STAR_SLOT5
    slot6 = VI_TRIG_STAR_SLOT6
    slot7 = VI_TRIG_STAR_SLOT7
    slot8 = VI_TRIG_STAR_SLOT8
    slot9 = VI_TRIG_STAR_SLOT9
    slot10 = VI_TRIG_STAR_SLOT10
    slot11 = VI_TRIG_STAR_SLOT11
    slot12 = VI_TRIG_STAR_SLOT12
    instr = VI_TRIG_STAR_INSTR
    panel_in = VI_TRIG_PANEL_IN
    panel_out = VI_TRIG_PANEL_OUT
    vxi0 = VI_TRIG_STAR_VXI0
    vxi1 = VI_TRIG_STAR_VXI1
    vxi2 = VI_TRIG_STAR_VXI2


class AssertSignalInterrupt(_IntEnum):
    """How to assert an interrupt or signal (VXI/VME)."""

    #: Use a VXI signal (the statusID value is sent as a signal).
    signal = VI_ASSERT_SIGNAL

    #: Use the interrupt line assigned to the device.
    use_assigned = VI_ASSERT_USE_ASSIGNED

    #: Send the interrupt on VME interrupt line 1.
    irq1 = VI_ASSERT_IRQ1

    #: Send the interrupt on VME interrupt line 2.
    irq2 = VI_ASSERT_IRQ2

    #: Send the interrupt on VME interrupt line 3.
    irq3 = VI_ASSERT_IRQ3

    #: Send the interrupt on VME interrupt line 4.
    irq4 = VI_ASSERT_IRQ4

    #: Send the interrupt on VME interrupt line 5.
    irq5 = VI_ASSERT_IRQ5

    #: Send the interrupt on VME interrupt line 6.
    irq6 = VI_ASSERT_IRQ6

    #: Send the interrupt on VME interrupt line 7.
    irq7 = VI_ASSERT_IRQ7


class UtilityBusSignal(_IntEnum):
    """Operation on the utility lines of a VXI backplane or VME bus."""

    #: Assert the SYSRESET line, i.e. perform a hard reset of the whole VXI bus.
    sysrest = VI_UTIL_ASSERT_SYSRESET

    #: Assert the SYSFAIL line.
    sysfail_assert = VI_UTIL_ASSERT_SYSFAIL

    #: Deassert the SYSFAIL line.
    sysfail_deassert = VI_UTIL_DEASSERT_SYSFAIL


class VXICommands(_IntEnum):
    """Kind of VXI command or query sent with ``vxi_command_query``."""

    #: Send a 16-bit command.
    command_16 = VI_VXI_CMD16

    #: Send a 16-bit command and read a 16-bit response.
    command_response_16 = VI_VXI_CMD16_RESP16

    #: Read a 16-bit response.
    response16 = VI_VXI_RESP16

    #: Send a 32-bit command.
    command_32 = VI_VXI_CMD32

    #: Send a 32-bit command and read a 16-bit response.
    command_32_response_16 = VI_VXI_CMD32_RESP16

    #: Send a 32-bit command and read a 32-bit response.
    command_response_32 = VI_VXI_CMD32_RESP32

    #: Read a 32-bit response.
    response32 = VI_VXI_RESP32


class PXIMemory(_IntEnum):
    """Kind of memory exposed by a PXI base address register (``VI_ATTR_PXI_MEM_TYPE_BARn``)."""

    #: The register is not used.
    none = VI_PXI_ADDR_NONE

    #: Memory space.
    memory = VI_PXI_ADDR_MEM

    #: I/O space.
    io = VI_PXI_ADDR_IO

    #: Configuration space.
    cfg = VI_PXI_ADDR_CFG


class VXIClass(_IntEnum):
    """Class of a VXI device (value of ``VI_ATTR_VXI_DEV_CLASS``)."""

    #: Memory device.
    memory = VI_VXI_CLASS_MEMORY

    #: Extended device.
    extended = VI_VXI_CLASS_EXTENDED

    #: Message-based device.
    message = VI_VXI_CLASS_MESSAGE

    #: Register-based device.
    register = VI_VXI_CLASS_REGISTER

    #: Device of another class.
    other = VI_VXI_CLASS_OTHER


class ByteOrder(_IntEnum):
    """Byte order of register-based accesses (``VI_ATTR_*_BYTE_ORDER``)."""

    #: Most significant byte first.
    big_endian = VI_BIG_ENDIAN

    #: Least significant byte first.
    little_endian = VI_LITTLE_ENDIAN


class TriggerEventID(_IntEnum):
    """Trigger line that caused a trigger event (value of ``VI_ATTR_RECV_TRIG_ID``)."""

    ttl0 = VI_TRIG_TTL0
    ttl1 = VI_TRIG_TTL1
    ttl2 = VI_TRIG_TTL2
    ttl3 = VI_TRIG_TTL3
    ttl4 = VI_TRIG_TTL4
    ttl5 = VI_TRIG_TTL5
    ttl6 = VI_TRIG_TTL6
    ttl7 = VI_TRIG_TTL7
    ttl8 = VI_TRIG_TTL8
    ttl9 = VI_TRIG_TTL9
    ttl10 = VI_TRIG_TTL10
    ttl11 = VI_TRIG_TTL11
    ecl0 = VI_TRIG_ECL0
    ecl1 = VI_TRIG_ECL1
    ecl2 = VI_TRIG_ECL2
    ecl3 = VI_TRIG_ECL3
    ecl4 = VI_TRIG_ECL4
    ecl5 = VI_TRIG_ECL5

    #: Star trigger of the instrument.
    instr = VI_TRIG_STAR_INSTR


class USBEndInput(_IntEnum):
    """How a USB RAW read ends (value of ``VI_ATTR_USB_END_IN``)."""

    #: The read ends only when the requested count has been read.
    none = VI_USB_END_NONE

    #: The read ends on a short packet.
    short = VI_USB_END_SHORT

    #: The read ends on a short packet or when the requested count has been read.
    short_or_count = VI_USB_END_SHORT_OR_COUNT


class StatusCode(_IntEnum):
    """Status codes that VISA driver-level operations can return.

    Completion codes are zero or positive (``success*``), warnings positive
    (``warning_*``) and errors negative (``error_*``).

    """

    #: Operation completed successfully.
    success = VI_SUCCESS

    #: Session opened successfully, but the device at the specified address is not responding.
    success_device_not_present = VI_SUCCESS_DEV_NPRESENT

    #: Specified event is already disabled for at least one of the specified mechanisms.
    success_event_already_disabled = VI_SUCCESS_EVENT_DIS

    #: Specified event is already enabled for at least one of the specified mechanisms.
    success_event_already_enabled = VI_SUCCESS_EVENT_EN

    #: The number of bytes read is equal to the input count.
    success_max_count_read = VI_SUCCESS_MAX_CNT

    #: Operation completed successfully, and this session has nested exclusive locks.
    success_nested_exclusive = VI_SUCCESS_NESTED_EXCLUSIVE

    #: Operation completed successfully, and this session has nested shared locks.
    success_nested_shared = VI_SUCCESS_NESTED_SHARED

    #: Event handled successfully. Do not invoke any other handlers on this session for this
    #: event.
    success_no_more_handler_calls_in_chain = VI_SUCCESS_NCHAIN

    #: Operation completed successfully, but the queue was already empty.
    success_queue_already_empty = VI_SUCCESS_QUEUE_EMPTY

    #: Wait terminated successfully on receipt of an event notification. There is still at least
    #: one more event occurrence of the requested type(s) available for this session.
    success_queue_not_empty = VI_SUCCESS_QUEUE_NEMPTY

    #: Asynchronous operation request was performed synchronously.
    success_synchronous = VI_SUCCESS_SYNC

    #: The specified termination character was read.
    success_termination_character_read = VI_SUCCESS_TERM_CHAR

    #: The path from the trigger source line (trigSrc) to the destination line (trigDest) is
    #: already mapped.
    success_trigger_already_mapped = VI_SUCCESS_TRIG_MAPPED

    #: The specified configuration either does not exist or could not be loaded. The VISA-
    #: specified defaults are used.
    warning_configuration_not_loaded = VI_WARN_CONFIG_NLOADED

    #: The operation succeeded, but a lower level driver did not implement the extended
    #: functionality.
    warning_ext_function_not_implemented = VI_WARN_EXT_FUNC_NIMPL

    #: Although the specified state of the attribute is valid, it is not supported by this
    #: resource implementation.
    warning_nonsupported_attribute_state = VI_WARN_NSUP_ATTR_STATE

    #: The specified buffer is not supported.
    warning_nonsupported_buffer = VI_WARN_NSUP_BUF

    #: The specified object reference is uninitialized.
    warning_null_object = VI_WARN_NULL_OBJECT

    #: VISA received more event information of the specified type than the configured queue size
    #: could hold.
    warning_queue_overflow = VI_WARN_QUEUE_OVERFLOW

    #: The subject of the server certificate does not match the host name, but the connection
    #: was still established.
    warning_server_certificate_invalid_subject = VI_WARN_SERVER_CERT_INV_SUBJECT

    #: The server certificate is not trusted by the client, but the connection was still
    #: established.
    warning_server_certificate_untrusted = VI_WARN_SERVER_CERT_UNTRUSTED

    #: The status code passed to the operation could not be interpreted.
    warning_unknown_status = VI_WARN_UNKNOWN_STATUS

    #: The operation was aborted.
    error_abort = VI_ERROR_ABORT

    #: Insufficient system resources to perform necessary memory allocation.
    error_allocation = VI_ERROR_ALLOC

    #: The specified attribute is read-only.
    error_attribute_read_only = VI_ERROR_ATTR_READONLY

    #: Bus error occurred during transfer.
    error_bus_error = VI_ERROR_BERR

    #: Unable to deallocate the previously allocated data structures corresponding to this
    #: session or object reference.
    error_closing_failed = VI_ERROR_CLOSING_FAILED

    #: The connection for the specified session has been lost.
    error_connection_lost = VI_ERROR_CONN_LOST

    #: An error occurred while trying to open the specified file. Possible causes include an
    #: invalid path or lack of access rights.
    error_file_access = VI_ERROR_FILE_ACCESS

    #: An error occurred while performing I/O on the specified file.
    error_file_i_o = VI_ERROR_FILE_IO

    #: A handler is not currently installed for the specified event.
    error_handler_not_installed = VI_ERROR_HNDLR_NINSTALLED

    #: The hardware is not genuine and cannot be used with this driver.
    error_hardware_not_genuine = VI_ERROR_HW_NGENUINE

    #: Unable to queue the asynchronous operation because there is already an operation in
    #: progress.
    error_in_progress = VI_ERROR_IN_PROGRESS

    #: Device reported an input protocol error during transfer.
    error_input_protocol_violation = VI_ERROR_INP_PROT_VIOL

    #: The interface type is valid but the specified interface number is not configured.
    error_interface_number_not_configured = VI_ERROR_INTF_NUM_NCONFIG

    #: An interrupt is still pending from a previous call.
    error_interrupt_pending = VI_ERROR_INTR_PENDING

    #: The access key to the resource associated with this session is invalid.
    error_invalid_access_key = VI_ERROR_INV_ACCESS_KEY

    #: Invalid access mode.
    error_invalid_access_mode = VI_ERROR_INV_ACC_MODE

    #: Invalid address space specified.
    error_invalid_address_space = VI_ERROR_INV_SPACE

    #: Specified event context is invalid.
    error_invalid_context = VI_ERROR_INV_CONTEXT

    #: Specified degree is invalid.
    error_invalid_degree = VI_ERROR_INV_DEGREE

    #: Specified event type is not supported by the resource.
    error_invalid_event = VI_ERROR_INV_EVENT

    #: Invalid expression specified for search.
    error_invalid_expression = VI_ERROR_INV_EXPR

    #: A format specifier in the format string is invalid.
    error_invalid_format = VI_ERROR_INV_FMT

    #: The specified handler reference is invalid.
    error_invalid_handler_reference = VI_ERROR_INV_HNDLR_REF

    #: Specified job identifier is invalid.
    error_invalid_job_i_d = VI_ERROR_INV_JOB_ID

    #: Invalid length specified.
    error_invalid_length = VI_ERROR_INV_LENGTH

    #: The value specified by the line parameter is invalid.
    error_invalid_line = VI_ERROR_INV_LINE

    #: The specified type of lock is not supported by this resource.
    error_invalid_lock_type = VI_ERROR_INV_LOCK_TYPE

    #: Invalid buffer mask specified.
    error_invalid_mask = VI_ERROR_INV_MASK

    #: Invalid mechanism specified.
    error_invalid_mechanism = VI_ERROR_INV_MECH

    #: The specified mode is invalid.
    error_invalid_mode = VI_ERROR_INV_MODE

    #: The specified session or object reference is invalid.
    error_invalid_object = VI_ERROR_INV_OBJECT

    #: Invalid offset specified.
    error_invalid_offset = VI_ERROR_INV_OFFSET

    #: The value of an unknown parameter is invalid.
    error_invalid_parameter = VI_ERROR_INV_PARAMETER

    #: The protocol specified is invalid.
    error_invalid_protocol = VI_ERROR_INV_PROT

    #: Invalid resource reference specified. Parsing error.
    error_invalid_resource_name = VI_ERROR_INV_RSRC_NAME

    #: Unable to start operation because setup is invalid due to inconsistent state of
    #: properties.
    error_invalid_setup = VI_ERROR_INV_SETUP

    #: Invalid size of window specified.
    error_invalid_size = VI_ERROR_INV_SIZE

    #: Invalid source or destination width specified.
    error_invalid_width = VI_ERROR_INV_WIDTH

    #: Could not perform operation because of I/O error.
    error_io = VI_ERROR_IO

    #: A code library required by VISA could not be located or loaded.
    error_library_not_found = VI_ERROR_LIBRARY_NFOUND

    #: The specified trigger line is currently in use.
    error_line_in_use = VI_ERROR_LINE_IN_USE

    #: An attempt was made to use a trigger line that is not reserved for this session.
    error_line_not_reserved = VI_ERROR_LINE_NRESERVED

    #: The remote machine does not exist or is not accepting any connections.
    error_machine_not_available = VI_ERROR_MACHINE_NAVAIL

    #: The device does not export any memory.
    error_memory_not_shared = VI_ERROR_MEM_NSHARED

    #: No listeners condition is detected (both NRFD and NDAC are deasserted).
    error_no_listeners = VI_ERROR_NLISTENERS

    #: Access to the remote machine is denied.
    error_no_permission = VI_ERROR_NPERMISSION

    #: The specified operation is unimplemented.
    error_nonimplemented_operation = VI_ERROR_NIMPL_OPER

    #: The specified attribute is not defined or supported by the referenced session, event, or
    #: find list.
    error_nonsupported_attribute = VI_ERROR_NSUP_ATTR

    #: The specified state of the attribute is not valid or is not supported as defined by the
    #: session, event, or find list.
    error_nonsupported_attribute_state = VI_ERROR_NSUP_ATTR_STATE

    #: A format specifier in the format string is not supported.
    error_nonsupported_format = VI_ERROR_NSUP_FMT

    #: The interface cannot generate an interrupt on the requested level or with the requested
    #: statusID value.
    error_nonsupported_interrupt = VI_ERROR_NSUP_INTR

    #: The specified trigger source line (trigSrc) or destination line (trigDest) is not
    #: supported by this VISA implementation, or the combination of lines is not a valid
    #: mapping.
    error_nonsupported_line = VI_ERROR_NSUP_LINE

    #: The specified mechanism is not supported for the specified event type.
    error_nonsupported_mechanism = VI_ERROR_NSUP_MECH

    #: The specified mode is not supported by this VISA implementation.
    error_nonsupported_mode = VI_ERROR_NSUP_MODE

    #: Specified offset is not accessible from this hardware.
    error_nonsupported_offset = VI_ERROR_NSUP_OFFSET

    #: The specified offset is not properly aligned for the access width of the operation.
    error_nonsupported_offset_alignment = VI_ERROR_NSUP_ALIGN_OFFSET

    #: The session or object reference does not support this operation.
    error_nonsupported_operation = VI_ERROR_NSUP_OPER

    #: Cannot support source and destination widths that are different.
    error_nonsupported_varying_widths = VI_ERROR_NSUP_VAR_WIDTH

    #: Specified width is not supported by this hardware.
    error_nonsupported_width = VI_ERROR_NSUP_WIDTH

    #: The interface associated with this session is not currently the Controller-in-Charge.
    error_not_cic = VI_ERROR_NCIC

    #: The session must be enabled for events of the specified type in order to receive them.
    error_not_enabled = VI_ERROR_NENABLED

    #: The interface associated with this session is not the system controller.
    error_not_system_controller = VI_ERROR_NSYS_CNTLR

    #: Device reported an output protocol error during transfer.
    error_output_protocol_violation = VI_ERROR_OUTP_PROT_VIOL

    #: Unable to queue asynchronous operation.
    error_queue_error = VI_ERROR_QUEUE_ERROR

    #: The event queue for the specified type has overflowed, usually due to not closing
    #: previous events.
    error_queue_overflow = VI_ERROR_QUEUE_OVERFLOW

    #: Violation of raw read protocol occurred during transfer.
    error_raw_read_protocol_violation = VI_ERROR_RAW_RD_PROT_VIOL

    #: Violation of raw write protocol occurred during transfer.
    error_raw_write_protocol_violation = VI_ERROR_RAW_WR_PROT_VIOL

    #: The resource is valid, but VISA cannot currently access it.
    error_resource_busy = VI_ERROR_RSRC_BUSY

    #: Specified type of lock cannot be obtained or specified operation cannot be performed
    #: because the resource is locked.
    error_resource_locked = VI_ERROR_RSRC_LOCKED

    #: Insufficient location information, or the device or resource is not present in the
    #: system.
    error_resource_not_found = VI_ERROR_RSRC_NFOUND

    #: A previous response is still pending, causing a multiple query error.
    error_response_pending = VI_ERROR_RESP_PENDING

    #: A framing error occurred during transfer.
    error_serial_framing = VI_ERROR_ASRL_FRAMING

    #: An overrun error occurred during transfer. A character was not read from the hardware
    #: before the next character arrived.
    error_serial_overrun = VI_ERROR_ASRL_OVERRUN

    #: A parity error occurred during transfer.
    error_serial_parity = VI_ERROR_ASRL_PARITY

    #: The server certificate could not be validated.
    error_server_certificate = VI_ERROR_SERVER_CERT

    #: The server certificate has expired.
    error_server_certificate_expired = VI_ERROR_SERVER_CERT_EXPIRED

    #: The subject of the server certificate does not match the host name.
    error_server_certificate_invalid_subject = VI_ERROR_SERVER_CERT_INV_SUBJECT

    #: The server certificate has been revoked.
    error_server_certificate_revoked = VI_ERROR_SERVER_CERT_REVOKED

    #: The server certificate is not trusted by the client.
    error_server_certificate_untrusted = VI_ERROR_SERVER_CERT_UNTRUSTED

    #: The current session did not have any lock on the resource.
    error_session_not_locked = VI_ERROR_SESN_NLOCKED

    #: Service request has not been received for the session.
    error_srq_not_occurred = VI_ERROR_SRQ_NOCCURRED

    #: Unknown system error.
    error_system_error = VI_ERROR_SYSTEM_ERROR

    #: Timeout expired before operation completed.
    error_timeout = VI_ERROR_TMO

    #: The path from the trigger source line (trigSrc) to the destination line (trigDest) is not
    #: currently mapped.
    error_trigger_not_mapped = VI_ERROR_TRIG_NMAPPED

    #: A specified user buffer is not valid or cannot be accessed for the required size.
    error_user_buffer = VI_ERROR_USER_BUF

    #: The specified session currently contains a mapped window.
    error_window_already_mapped = VI_ERROR_WINDOW_MAPPED

    #: The specified session is currently unmapped.
    error_window_not_mapped = VI_ERROR_WINDOW_NMAPPED


class ResourceAttribute(_IntEnum):
    """Attributes of the VISA resources (sessions), by their VISA attribute id.

    The platform-dependent ids (``user_data``, ``window_base_address``...) take the 64-bit
    value on a 64-bit Python; the explicit ``*_32``/``*_64`` ids are members too.

    """

    resource_class = VI_ATTR_RSRC_CLASS
    resource_name = VI_ATTR_RSRC_NAME
    resource_impl_version = VI_ATTR_RSRC_IMPL_VERSION
    resource_lock_state = VI_ATTR_RSRC_LOCK_STATE
    max_queue_length = VI_ATTR_MAX_QUEUE_LENGTH
    user_data = VI_ATTR_USER_DATA
    user_data_32 = VI_ATTR_USER_DATA_32
    fdc_channel = VI_ATTR_FDC_CHNL
    fdc_mode = VI_ATTR_FDC_MODE
    fdc_generate_signal_enabled = VI_ATTR_FDC_GEN_SIGNAL_EN
    fdc_use_pair = VI_ATTR_FDC_USE_PAIR
    send_end_enabled = VI_ATTR_SEND_END_EN
    termchar = VI_ATTR_TERMCHAR
    timeout_value = VI_ATTR_TMO_VALUE
    gpib_readdress_enabled = VI_ATTR_GPIB_READDR_EN
    io_prot = VI_ATTR_IO_PROT
    dma_allow_enabled = VI_ATTR_DMA_ALLOW_EN
    asrl_baud_rate = VI_ATTR_ASRL_BAUD
    asrl_data_bits = VI_ATTR_ASRL_DATA_BITS
    asrl_parity = VI_ATTR_ASRL_PARITY
    asrl_stop_bits = VI_ATTR_ASRL_STOP_BITS
    asrl_flow_control = VI_ATTR_ASRL_FLOW_CNTRL
    read_buffer_operation_mode = VI_ATTR_RD_BUF_OPER_MODE
    read_buffer_size = VI_ATTR_RD_BUF_SIZE
    write_buffer_operation_mode = VI_ATTR_WR_BUF_OPER_MODE
    write_buffer_size = VI_ATTR_WR_BUF_SIZE
    suppress_end_enabled = VI_ATTR_SUPPRESS_END_EN
    termchar_enabled = VI_ATTR_TERMCHAR_EN
    destination_access_private = VI_ATTR_DEST_ACCESS_PRIV
    destination_byte_order = VI_ATTR_DEST_BYTE_ORDER
    source_access_private = VI_ATTR_SRC_ACCESS_PRIV
    source_byte_order = VI_ATTR_SRC_BYTE_ORDER
    source_increment = VI_ATTR_SRC_INCREMENT
    destination_increment = VI_ATTR_DEST_INCREMENT
    window_access_private = VI_ATTR_WIN_ACCESS_PRIV
    window_byte_order = VI_ATTR_WIN_BYTE_ORDER
    gpib_atn_state = VI_ATTR_GPIB_ATN_STATE
    gpib_address_state = VI_ATTR_GPIB_ADDR_STATE
    gpib_cic_state = VI_ATTR_GPIB_CIC_STATE
    gpib_ndac_state = VI_ATTR_GPIB_NDAC_STATE
    gpib_srq_state = VI_ATTR_GPIB_SRQ_STATE
    gpib_system_controller = VI_ATTR_GPIB_SYS_CNTRL_STATE
    gpib_hs488_cable_length = VI_ATTR_GPIB_HS488_CBL_LEN
    commander_logical_address = VI_ATTR_CMDR_LA
    vxi_device_class = VI_ATTR_VXI_DEV_CLASS
    mainframe_logical_address = VI_ATTR_MAINFRAME_LA
    manufacturer_name = VI_ATTR_MANF_NAME
    model_name = VI_ATTR_MODEL_NAME
    vxi_vme_interrupt_status = VI_ATTR_VXI_VME_INTR_STATUS
    vxi_trigger_status = VI_ATTR_VXI_TRIG_STATUS
    vxi_vme_sysfail_state = VI_ATTR_VXI_VME_SYSFAIL_STATE
    window_base_address = VI_ATTR_WIN_BASE_ADDR
    window_base_address_32 = VI_ATTR_WIN_BASE_ADDR_32
    window_size = VI_ATTR_WIN_SIZE
    window_size_32 = VI_ATTR_WIN_SIZE_32
    asrl_avalaible_number = VI_ATTR_ASRL_AVAIL_NUM
    memory_base = VI_ATTR_MEM_BASE
    memory_base_32 = VI_ATTR_MEM_BASE_32
    asrl_cts_state = VI_ATTR_ASRL_CTS_STATE
    asrl_dcd_state = VI_ATTR_ASRL_DCD_STATE
    asrl_dsr_state = VI_ATTR_ASRL_DSR_STATE
    asrl_dtr_state = VI_ATTR_ASRL_DTR_STATE
    asrl_end_in = VI_ATTR_ASRL_END_IN
    asrl_end_out = VI_ATTR_ASRL_END_OUT
    asrl_replace_char = VI_ATTR_ASRL_REPLACE_CHAR
    asrl_ri_state = VI_ATTR_ASRL_RI_STATE
    asrl_rts_state = VI_ATTR_ASRL_RTS_STATE
    asrl_xon_char = VI_ATTR_ASRL_XON_CHAR
    asrl_xoff_char = VI_ATTR_ASRL_XOFF_CHAR
    window_access = VI_ATTR_WIN_ACCESS
    resource_manager_session = VI_ATTR_RM_SESSION
    vxi_logical_address = VI_ATTR_VXI_LA
    manufacturer_id = VI_ATTR_MANF_ID
    memory_size = VI_ATTR_MEM_SIZE
    memory_size_32 = VI_ATTR_MEM_SIZE_32
    memory_space = VI_ATTR_MEM_SPACE
    model_code = VI_ATTR_MODEL_CODE
    slot = VI_ATTR_SLOT
    interface_instrument_name = VI_ATTR_INTF_INST_NAME
    immediate_servant = VI_ATTR_IMMEDIATE_SERV
    interface_parent_number = VI_ATTR_INTF_PARENT_NUM
    resource_spec_version = VI_ATTR_RSRC_SPEC_VERSION
    interface_type = VI_ATTR_INTF_TYPE
    gpib_primary_address = VI_ATTR_GPIB_PRIMARY_ADDR
    gpib_secondary_address = VI_ATTR_GPIB_SECONDARY_ADDR
    resource_manufacturer_name = VI_ATTR_RSRC_MANF_NAME
    resource_manufacturer_id = VI_ATTR_RSRC_MANF_ID
    interface_number = VI_ATTR_INTF_NUM
    trigger_id = VI_ATTR_TRIG_ID
    gpib_ren_state = VI_ATTR_GPIB_REN_STATE
    gpib_unadress_enable = VI_ATTR_GPIB_UNADDR_EN
    device_status_byte = VI_ATTR_DEV_STATUS_BYTE
    file_append_enabled = VI_ATTR_FILE_APPEND_EN
    vxi_trigger_support = VI_ATTR_VXI_TRIG_SUPPORT
    tcpip_address = VI_ATTR_TCPIP_ADDR
    tcpip_hostname = VI_ATTR_TCPIP_HOSTNAME
    tcpip_port = VI_ATTR_TCPIP_PORT
    tcpip_device_name = VI_ATTR_TCPIP_DEVICE_NAME
    tcpip_nodelay = VI_ATTR_TCPIP_NODELAY
    tcpip_keepalive = VI_ATTR_TCPIP_KEEPALIVE
    is_4882_compliant = VI_ATTR_4882_COMPLIANT
    usb_serial_number = VI_ATTR_USB_SERIAL_NUM
    usb_interface_number = VI_ATTR_USB_INTFC_NUM
    usb_protocol = VI_ATTR_USB_PROTOCOL
    usb_max_interrupt_size = VI_ATTR_USB_MAX_INTR_SIZE
    pxi_device_number = VI_ATTR_PXI_DEV_NUM
    pxi_function_num = VI_ATTR_PXI_FUNC_NUM
    pxi_bus_number = VI_ATTR_PXI_BUS_NUM
    pxi_chassis = VI_ATTR_PXI_CHASSIS
    pxi_slotpath = VI_ATTR_PXI_SLOTPATH
    pxi_slot_lbus_left = VI_ATTR_PXI_SLOT_LBUS_LEFT
    pxi_slot_lbus_right = VI_ATTR_PXI_SLOT_LBUS_RIGHT
    pxi_trig_bus = VI_ATTR_PXI_TRIG_BUS
    pxi_star_trig_bus = VI_ATTR_PXI_STAR_TRIG_BUS
    pxi_star_trig_line = VI_ATTR_PXI_STAR_TRIG_LINE
    pxi_source_trigger_bus = VI_ATTR_PXI_SRC_TRIG_BUS
    pxi_destination_trigger_bus = VI_ATTR_PXI_DEST_TRIG_BUS
    pxi_memory_type_bar0 = VI_ATTR_PXI_MEM_TYPE_BAR0
    pxi_memory_type_bar1 = VI_ATTR_PXI_MEM_TYPE_BAR1
    pxi_memory_type_bar2 = VI_ATTR_PXI_MEM_TYPE_BAR2
    pxi_memory_type_bar3 = VI_ATTR_PXI_MEM_TYPE_BAR3
    pxi_memory_type_bar4 = VI_ATTR_PXI_MEM_TYPE_BAR4
    pxi_memory_type_bar5 = VI_ATTR_PXI_MEM_TYPE_BAR5
    pxi_memory_base_bar0 = VI_ATTR_PXI_MEM_BASE_BAR0
    pxi_memory_base_bar0_32 = VI_ATTR_PXI_MEM_BASE_BAR0_32
    pxi_memory_base_bar1 = VI_ATTR_PXI_MEM_BASE_BAR1
    pxi_memory_base_bar1_32 = VI_ATTR_PXI_MEM_BASE_BAR1_32
    pxi_memory_base_bar2 = VI_ATTR_PXI_MEM_BASE_BAR2
    pxi_memory_base_bar2_32 = VI_ATTR_PXI_MEM_BASE_BAR2_32
    pxi_memory_base_bar3 = VI_ATTR_PXI_MEM_BASE_BAR3
    pxi_memory_base_bar3_32 = VI_ATTR_PXI_MEM_BASE_BAR3_32
    pxi_memory_base_bar4 = VI_ATTR_PXI_MEM_BASE_BAR4
    pxi_memory_base_bar4_32 = VI_ATTR_PXI_MEM_BASE_BAR4_32
    pxi_memory_base_bar5 = VI_ATTR_PXI_MEM_BASE_BAR5
    pxi_memory_base_bar5_32 = VI_ATTR_PXI_MEM_BASE_BAR5_32
    pxi_memory_base_bar0_64 = VI_ATTR_PXI_MEM_BASE_BAR0_64
    pxi_memory_base_bar1_64 = VI_ATTR_PXI_MEM_BASE_BAR1_64
    pxi_memory_base_bar2_64 = VI_ATTR_PXI_MEM_BASE_BAR2_64
    pxi_memory_base_bar3_64 = VI_ATTR_PXI_MEM_BASE_BAR3_64
    pxi_memory_base_bar4_64 = VI_ATTR_PXI_MEM_BASE_BAR4_64
    pxi_memory_base_bar5_64 = VI_ATTR_PXI_MEM_BASE_BAR5_64
    pxi_memory_size_bar0 = VI_ATTR_PXI_MEM_SIZE_BAR0
    pxi_memory_size_bar0_32 = VI_ATTR_PXI_MEM_SIZE_BAR0_32
    pxi_memory_size_bar1 = VI_ATTR_PXI_MEM_SIZE_BAR1
    pxi_memory_size_bar1_32 = VI_ATTR_PXI_MEM_SIZE_BAR1_32
    pxi_memory_size_bar2 = VI_ATTR_PXI_MEM_SIZE_BAR2
    pxi_memory_size_bar2_32 = VI_ATTR_PXI_MEM_SIZE_BAR2_32
    pxi_memory_size_bar3 = VI_ATTR_PXI_MEM_SIZE_BAR3
    pxi_memory_size_bar3_32 = VI_ATTR_PXI_MEM_SIZE_BAR3_32
    pxi_memory_size_bar4 = VI_ATTR_PXI_MEM_SIZE_BAR4
    pxi_memory_size_bar4_32 = VI_ATTR_PXI_MEM_SIZE_BAR4_32
    pxi_memory_size_bar5 = VI_ATTR_PXI_MEM_SIZE_BAR5
    pxi_memory_size_bar5_32 = VI_ATTR_PXI_MEM_SIZE_BAR5_32
    pxi_memory_size_bar0_64 = VI_ATTR_PXI_MEM_SIZE_BAR0_64
    pxi_memory_size_bar1_64 = VI_ATTR_PXI_MEM_SIZE_BAR1_64
    pxi_memory_size_bar2_64 = VI_ATTR_PXI_MEM_SIZE_BAR2_64
    pxi_memory_size_bar3_64 = VI_ATTR_PXI_MEM_SIZE_BAR3_64
    pxi_memory_size_bar4_64 = VI_ATTR_PXI_MEM_SIZE_BAR4_64
    pxi_memory_size_bar5_64 = VI_ATTR_PXI_MEM_SIZE_BAR5_64
    pxi_is_express = VI_ATTR_PXI_IS_EXPRESS
    pxi_slot_lwidth = VI_ATTR_PXI_SLOT_LWIDTH
    pxi_max_ldwidth = VI_ATTR_PXI_MAX_LWIDTH
    pxi_actual_ldwidth = VI_ATTR_PXI_ACTUAL_LWIDTH
    pxi_dstar_bus = VI_ATTR_PXI_DSTAR_BUS
    pxi_dstar_set = VI_ATTR_PXI_DSTAR_SET
    pxi_allow_write_combine = VI_ATTR_PXI_ALLOW_WRITE_COMBINE
    tcpip_hislip_overlap_enable = VI_ATTR_TCPIP_HISLIP_OVERLAP_EN
    tcpip_hislip_version = VI_ATTR_TCPIP_HISLIP_VERSION
    tcpip_hislip_max_message_kb = VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB
    tcpip_is_hislip = VI_ATTR_TCPIP_IS_HISLIP
    user_data_64 = VI_ATTR_USER_DATA_64
    window_base_address_64 = VI_ATTR_WIN_BASE_ADDR_64
    window_size_64 = VI_ATTR_WIN_SIZE_64
    memory_base_64 = VI_ATTR_MEM_BASE_64
    memory_size_64 = VI_ATTR_MEM_SIZE_64
    tcpip_server_certificate_issuer_name = VI_ATTR_TCPIP_SERVER_CERT_ISSUER_NAME
    tcpip_server_certificate_subject_name = VI_ATTR_TCPIP_SERVER_CERT_SUBJECT_NAME
    tcpip_server_certificate_expiration_date = VI_ATTR_TCPIP_SERVER_CERT_EXPIRATION_DATE
    tcpip_server_certificate_is_perpetual = VI_ATTR_TCPIP_SERVER_CERT_IS_PERPETUAL
    tcpip_sasl_mechanism = VI_ATTR_TCPIP_SASL_MECHANISM
    tcpip_tls_cipher_suite = VI_ATTR_TCPIP_TLS_CIPHER_SUITE
    tcpip_hislip_encryption_enabled = VI_ATTR_TCPIP_HISLIP_ENCRYPTION_EN
    sync_mxi_allow_enabled = VI_ATTR_SYNC_MXI_ALLOW_EN
    vxi_trig_lines_enabled = VI_ATTR_VXI_TRIG_LINES_EN
    vxi_trig_dir = VI_ATTR_VXI_TRIG_DIR
    asrl_discard_null = VI_ATTR_ASRL_DISCARD_NULL
    asrl_connected = VI_ATTR_ASRL_CONNECTED
    asrl_break_state = VI_ATTR_ASRL_BREAK_STATE
    asrl_break_length = VI_ATTR_ASRL_BREAK_LEN
    asrl_allow_transmit = VI_ATTR_ASRL_ALLOW_TRANSMIT
    asrl_wire_mode = VI_ATTR_ASRL_WIRE_MODE
    pxi_sub_manufacturer_id = VI_ATTR_PXI_SUB_MANF_ID
    pxi_sub_model_code = VI_ATTR_PXI_SUB_MODEL_CODE
    pxi_use_preallocated_pool = VI_ATTR_PXI_USE_PREALLOC_POOL
    usb_bulk_out_pipe = VI_ATTR_USB_BULK_OUT_PIPE
    usb_bulk_in_pipe = VI_ATTR_USB_BULK_IN_PIPE
    usb_interrupt_in_pipe = VI_ATTR_USB_INTR_IN_PIPE
    usb_class = VI_ATTR_USB_CLASS
    usb_subclass = VI_ATTR_USB_SUBCLASS
    usb_alt_setting = VI_ATTR_USB_ALT_SETTING
    usb_end_in = VI_ATTR_USB_END_IN
    usb_number_interfaces = VI_ATTR_USB_NUM_INTFCS
    usb_number_pipes = VI_ATTR_USB_NUM_PIPES
    usb_bulk_out_status = VI_ATTR_USB_BULK_OUT_STATUS
    usb_bulk_in_status = VI_ATTR_USB_BULK_IN_STATUS
    usb_interrupt_in_status = VI_ATTR_USB_INTR_IN_STATUS
    usb_control_pipe = VI_ATTR_USB_CTRL_PIPE
    firewire_destination_upper_offset = VI_ATTR_FIREWIRE_DEST_UPPER_OFFSET
    firewire_source_upper_offset = VI_ATTR_FIREWIRE_SRC_UPPER_OFFSET
    firewire_window_upper_offset = VI_ATTR_FIREWIRE_WIN_UPPER_OFFSET
    firewire_vendor_id = VI_ATTR_FIREWIRE_VENDOR_ID
    firewire_lower_chip_id = VI_ATTR_FIREWIRE_LOWER_CHIP_ID
    firewire_upper_chip_id = VI_ATTR_FIREWIRE_UPPER_CHIP_ID
    pxi_slot_width = VI_ATTR_PXI_SLOT_WIDTH
    pxi_slot_offset = VI_ATTR_PXI_SLOT_OFFSET
    tcpip_server_certificate = VI_ATTR_TCPIP_SERVER_CERT
    tcpip_server_certificate_size = VI_ATTR_TCPIP_SERVER_CERT_SIZE


class EventAttribute(_IntEnum):
    """Attributes of the VISA events (event contexts), by their VISA attribute id."""

    job_id = VI_ATTR_JOB_ID
    event_type = VI_ATTR_EVENT_TYPE
    signal_register_status_id = VI_ATTR_SIGP_STATUS_ID
    received_trigger_id = VI_ATTR_RECV_TRIG_ID
    interrupt_status_id = VI_ATTR_INTR_STATUS_ID
    status = VI_ATTR_STATUS
    return_count = VI_ATTR_RET_COUNT
    return_count_32 = VI_ATTR_RET_COUNT_32
    buffer = VI_ATTR_BUFFER
    received_interrupt_level = VI_ATTR_RECV_INTR_LEVEL
    operation_name = VI_ATTR_OPER_NAME
    gpib_received_cic_state = VI_ATTR_GPIB_RECV_CIC_STATE
    received_tcpip_connect = VI_ATTR_RECV_TCPIP_ADDR
    usb_received_interrupt_size = VI_ATTR_USB_RECV_INTR_SIZE
    usb_received_interrupt_data = VI_ATTR_USB_RECV_INTR_DATA
    pxi_received_interrupt_sequence = VI_ATTR_PXI_RECV_INTR_SEQ
    pxi_received_interrupt_data = VI_ATTR_PXI_RECV_INTR_DATA
    return_count_64 = VI_ATTR_RET_COUNT_64
    vxi_device_command_type = VI_ATTR_VXI_DEV_CMD_TYPE
    vxi_device_command_value = VI_ATTR_VXI_DEV_CMD_VALUE
