/* rv_attrs.c -- attribute table and viGetAttribute / viSetAttribute. */
#include "refvisa_internal.h"

#include <stdio.h>
#include <string.h>

#define RO RV_A_RO
#define CO (RV_A_RO | RV_A_COMPUTED)
#define RW 0
#define RG RV_A_RANGE

#define RK_MEMSES (RK_REG)
#define RK_NOT_MEMACC (RK_ALL_RSRC & ~(RK_VXI_MEM | RK_PXI_MEM))

/* id, type, flags, kinds, default, min, max.  COMPUTED values are derived from the resource or the
 * session state when read; the others are stored per session (initialised from `def`). */
const rv_attr_def rv_attr_defs[] = {
    /* every resource */
    {VI_ATTR_RSRC_CLASS, RV_T_STR, CO, RK_ALL_RSRC, 0, 0, 0},
    {VI_ATTR_RSRC_NAME, RV_T_STR, CO, RK_ALL_RSRC, 0, 0, 0},
    {VI_ATTR_RSRC_IMPL_VERSION, RV_T_U32, RO, RK_ALL_RSRC | RK_RM, 0x00010000, 0, 0},
    {VI_ATTR_RSRC_LOCK_STATE, RV_T_U32, CO, RK_ALL_RSRC | RK_RM, 0, 0, 0},
    {VI_ATTR_MAX_QUEUE_LENGTH, RV_T_U32, RW | RG, RK_ALL_RSRC | RK_RM, 50, 1, 0xFFFFFFFF},
    {VI_ATTR_USER_DATA_32, RV_T_U32, RV_A_COMPUTED, RK_ALL_RSRC | RK_RM, 0, 0, 0},
#if defined(_VISA_ENV_IS_64_BIT)
    {VI_ATTR_USER_DATA_64, RV_T_U64, RW, RK_ALL_RSRC | RK_RM, 0, 0, 0},
#endif
    {VI_ATTR_RSRC_SPEC_VERSION, RV_T_U32, RO, RK_ALL_RSRC | RK_RM, VI_SPEC_VERSION, 0, 0},
    {VI_ATTR_INTF_TYPE, RV_T_U16, CO, RK_ALL_RSRC, 0, 0, 0},
    {VI_ATTR_INTF_NUM, RV_T_U16, CO, RK_ALL_RSRC, 0, 0, 0},
    {VI_ATTR_INTF_INST_NAME, RV_T_STR, CO, RK_ALL_RSRC, 0, 0, 0},
    {VI_ATTR_RSRC_MANF_NAME, RV_T_STR, CO, RK_ALL_RSRC | RK_RM, 0, 0, 0},
    {VI_ATTR_RSRC_MANF_ID, RV_T_U16, RO, RK_ALL_RSRC | RK_RM, 0x3FF0, 0, 0},
    {VI_ATTR_TMO_VALUE, RV_T_U32, RW, RK_ALL_RSRC | RK_RM, 2000, 0, 0},
    {VI_ATTR_TRIG_ID, RV_T_I16, RW | RG, RK_NOT_MEMACC, VI_TRIG_SW, VI_TRIG_SW, VI_TRIG_PANEL_OUT},
    {VI_ATTR_RM_SESSION, RV_T_U32, CO, RK_ALL_RSRC, 0, 0, 0},

    /* message based */
    {VI_ATTR_SEND_END_EN, RV_T_BOOL, RW, RK_MSG, VI_TRUE, 0, 0},
    {VI_ATTR_TERMCHAR, RV_T_U8, RW, RK_MSG, 0x0A, 0, 0},
    {VI_ATTR_TERMCHAR_EN, RV_T_BOOL, RW, RK_MSG, VI_FALSE, 0, 0},
    {VI_ATTR_SUPPRESS_END_EN, RV_T_BOOL, RW, RK_MSG, VI_FALSE, 0, 0},
    {VI_ATTR_IO_PROT, RV_T_U16, RW | RG, RK_MSG, VI_PROT_NORMAL, VI_PROT_NORMAL, VI_PROT_USBTMC_VENDOR},
    {VI_ATTR_RD_BUF_OPER_MODE, RV_T_U16, RW | RG, RK_MSG, VI_FLUSH_DISABLE, VI_FLUSH_ON_ACCESS, VI_FLUSH_DISABLE},
    {VI_ATTR_RD_BUF_SIZE, RV_T_U32, RO, RK_MSG, 4096, 0, 0},
    {VI_ATTR_WR_BUF_OPER_MODE, RV_T_U16, RW | RG, RK_MSG, VI_FLUSH_WHEN_FULL, VI_FLUSH_ON_ACCESS, VI_FLUSH_WHEN_FULL},
    {VI_ATTR_WR_BUF_SIZE, RV_T_U32, RO, RK_MSG, 4096, 0, 0},
    {VI_ATTR_FILE_APPEND_EN, RV_T_BOOL, RW, RK_MSG, VI_FALSE, 0, 0},
    {VI_ATTR_DMA_ALLOW_EN, RV_T_BOOL, RW, RK_MSG | RK_REG, VI_FALSE, 0, 0},
    {VI_ATTR_4882_COMPLIANT, RV_T_BOOL, RO, RK_USB | RK_VXI | RK_TCPIP, VI_TRUE, 0, 0},

    /* serial */
    {VI_ATTR_ASRL_BAUD, RV_T_U32, RW | RG, RK_ASRL, 9600, 1, 0xFFFFFFFF},
    {VI_ATTR_ASRL_DATA_BITS, RV_T_U16, RW | RG, RK_ASRL, 8, 5, 8},
    {VI_ATTR_ASRL_PARITY, RV_T_U16, RW | RG, RK_ASRL, VI_ASRL_PAR_NONE, VI_ASRL_PAR_NONE, VI_ASRL_PAR_SPACE},
    {VI_ATTR_ASRL_STOP_BITS, RV_T_U16, RW | RG, RK_ASRL, VI_ASRL_STOP_ONE, VI_ASRL_STOP_ONE, VI_ASRL_STOP_TWO},
    {VI_ATTR_ASRL_FLOW_CNTRL, RV_T_U16, RW | RG, RK_ASRL, VI_ASRL_FLOW_NONE, 0, 15},
    {VI_ATTR_ASRL_AVAIL_NUM, RV_T_U32, CO, RK_ASRL, 0, 0, 0},
    {VI_ATTR_ASRL_CTS_STATE, RV_T_I16, RO, RK_ASRL, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_ASRL_DCD_STATE, RV_T_I16, RO, RK_ASRL, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_ASRL_DSR_STATE, RV_T_I16, RO, RK_ASRL, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_ASRL_RI_STATE, RV_T_I16, RO, RK_ASRL, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_ASRL_DTR_STATE, RV_T_I16, RW | RG, RK_ASRL, VI_STATE_ASSERTED, 0, 1},
    {VI_ATTR_ASRL_RTS_STATE, RV_T_I16, RW | RG, RK_ASRL, VI_STATE_ASSERTED, 0, 1},
    {VI_ATTR_ASRL_END_IN, RV_T_U16, RW | RG, RK_ASRL, VI_ASRL_END_TERMCHAR, VI_ASRL_END_NONE, VI_ASRL_END_TERMCHAR},
    {VI_ATTR_ASRL_END_OUT, RV_T_U16, RW | RG, RK_ASRL, VI_ASRL_END_NONE, VI_ASRL_END_NONE, VI_ASRL_END_BREAK},
    {VI_ATTR_ASRL_REPLACE_CHAR, RV_T_U8, RW, RK_ASRL, 0, 0, 0},
    {VI_ATTR_ASRL_XON_CHAR, RV_T_U8, RW, RK_ASRL, 0x11, 0, 0},
    {VI_ATTR_ASRL_XOFF_CHAR, RV_T_U8, RW, RK_ASRL, 0x13, 0, 0},
    {VI_ATTR_ASRL_DISCARD_NULL, RV_T_BOOL, RW, RK_ASRL, VI_FALSE, 0, 0},
    {VI_ATTR_ASRL_CONNECTED, RV_T_BOOL, RO, RK_ASRL, VI_TRUE, 0, 0},
    {VI_ATTR_ASRL_ALLOW_TRANSMIT, RV_T_BOOL, RW, RK_ASRL, VI_TRUE, 0, 0},
    {VI_ATTR_ASRL_BREAK_LEN, RV_T_I16, RW | RG, RK_ASRL, 250, 1, 500},
    {VI_ATTR_ASRL_BREAK_STATE, RV_T_I16, RW | RG, RK_ASRL, VI_STATE_UNASSERTED, 0, 1},
    {VI_ATTR_ASRL_WIRE_MODE, RV_T_I16, RW | RG, RK_ASRL, VI_ASRL_WIRE_232_DTE, 0, VI_ASRL_WIRE_232_AUTO},

    /* GPIB */
    {VI_ATTR_GPIB_PRIMARY_ADDR, RV_T_U16, CO, RK_GPIB, 0, 0, 0},
    {VI_ATTR_GPIB_SECONDARY_ADDR, RV_T_U16, CO, RK_GPIB, 0, 0, 0},
    {VI_ATTR_GPIB_PRIMARY_ADDR, RV_T_U16, RW | RG, RK_GPIB_INTFC, 0, 0, 30},
    {VI_ATTR_GPIB_SECONDARY_ADDR, RV_T_U16, RW, RK_GPIB_INTFC, VI_NO_SEC_ADDR, 0, 0},
    {VI_ATTR_GPIB_READDR_EN, RV_T_BOOL, RW, RK_GPIB, VI_TRUE, 0, 0},
    {VI_ATTR_GPIB_UNADDR_EN, RV_T_BOOL, RW, RK_GPIB, VI_FALSE, 0, 0},
    {VI_ATTR_GPIB_REN_STATE, RV_T_I16, CO, RK_GPIB | RK_GPIB_INTFC, 0, 0, 0},
    {VI_ATTR_GPIB_ATN_STATE, RV_T_I16, CO, RK_GPIB_INTFC, 0, 0, 0},
    {VI_ATTR_GPIB_ADDR_STATE, RV_T_I16, CO, RK_GPIB_INTFC, 0, 0, 0},
    {VI_ATTR_GPIB_CIC_STATE, RV_T_BOOL, CO, RK_GPIB_INTFC, 0, 0, 0},
    {VI_ATTR_GPIB_NDAC_STATE, RV_T_I16, RO, RK_GPIB_INTFC, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_GPIB_SRQ_STATE, RV_T_I16, RO, RK_GPIB_INTFC, VI_STATE_UNASSERTED, 0, 0},
    {VI_ATTR_GPIB_SYS_CNTRL_STATE, RV_T_BOOL, RW, RK_GPIB_INTFC, VI_TRUE, 0, 0},
    {VI_ATTR_GPIB_HS488_CBL_LEN, RV_T_I16, RW | RG, RK_GPIB_INTFC, VI_GPIB_HS488_DISABLED, VI_GPIB_HS488_NIMPL, 15},
    {VI_ATTR_DEV_STATUS_BYTE, RV_T_U8, RW, RK_GPIB_INTFC, 0, 0, 0},

    /* TCPIP */
    {VI_ATTR_TCPIP_ADDR, RV_T_STR, CO, RK_TCPANY, 0, 0, 0},
    {VI_ATTR_TCPIP_HOSTNAME, RV_T_STR, CO, RK_TCPANY, 0, 0, 0},
    {VI_ATTR_TCPIP_DEVICE_NAME, RV_T_STR, CO, RK_TCPIP, 0, 0, 0},
    {VI_ATTR_TCPIP_PORT, RV_T_U16, CO, RK_SOCKET, 0, 0, 0},
    {VI_ATTR_TCPIP_NODELAY, RV_T_BOOL, RW, RK_SOCKET, VI_TRUE, 0, 0},
    {VI_ATTR_TCPIP_KEEPALIVE, RV_T_BOOL, RW, RK_SOCKET, VI_FALSE, 0, 0},
    {VI_ATTR_TCPIP_IS_HISLIP, RV_T_BOOL, CO, RK_TCPIP, 0, 0, 0},
    {VI_ATTR_TCPIP_HISLIP_VERSION, RV_T_U32, RO, RK_TCPIP, 0x00010000, 0, 0},
    {VI_ATTR_TCPIP_HISLIP_OVERLAP_EN, RV_T_BOOL, RW, RK_TCPIP, VI_FALSE, 0, 0},
    {VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB, RV_T_U32, RW, RK_TCPIP, 1024, 0, 0},

    /* USB, VXI, PXI identification */
    {VI_ATTR_MANF_ID, RV_T_U16, CO, RK_USBANY | RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MODEL_CODE, RV_T_U16, CO, RK_USBANY | RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MANF_NAME, RV_T_STR, CO, RK_USBANY | RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MODEL_NAME, RV_T_STR, CO, RK_USBANY | RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_USB_SERIAL_NUM, RV_T_STR, CO, RK_USBANY, 0, 0, 0},
    {VI_ATTR_USB_INTFC_NUM, RV_T_I16, RO, RK_USBANY, 0, 0, 0},
    {VI_ATTR_USB_PROTOCOL, RV_T_I16, CO, RK_USBANY, 0, 0, 0},
    {VI_ATTR_USB_MAX_INTR_SIZE, RV_T_U16, RW, RK_USBANY, 8, 0, 0},
    {VI_ATTR_VXI_LA, RV_T_I16, CO, RK_VXI, 0, 0, 0},
    {VI_ATTR_SLOT, RV_T_I16, CO, RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MAINFRAME_LA, RV_T_I16, RO, RK_VXI | RK_VXI_BP, 0, 0, 0},
    {VI_ATTR_CMDR_LA, RV_T_I16, RO, RK_VXI, 0, 0, 0},
    {VI_ATTR_VXI_DEV_CLASS, RV_T_U16, RO, RK_VXI, VI_VXI_CLASS_MESSAGE, 0, 0},
    {VI_ATTR_IMMEDIATE_SERV, RV_T_BOOL, RO, RK_VXI, VI_FALSE, 0, 0},
    {VI_ATTR_VXI_TRIG_SUPPORT, RV_T_U32, RO, RK_VXI | RK_VXI_BP, 0x3FF, 0, 0},
    {VI_ATTR_VXI_VME_SYSFAIL_STATE, RV_T_I16, CO, RK_VXI_BP, 0, 0, 0},
    {VI_ATTR_VXI_VME_INTR_STATUS, RV_T_U16, RO, RK_VXI_BP, 0, 0, 0},
    {VI_ATTR_VXI_TRIG_STATUS, RV_T_U32, RO, RK_VXI_BP, 0, 0, 0},
    {VI_ATTR_PXI_DEV_NUM, RV_T_U16, CO, RK_PXI, 0, 0, 0},
    {VI_ATTR_PXI_FUNC_NUM, RV_T_U16, RO, RK_PXI, 0, 0, 0},
    {VI_ATTR_PXI_BUS_NUM, RV_T_U16, CO, RK_PXI, 0, 0, 0},
    {VI_ATTR_PXI_CHASSIS, RV_T_I16, RO, RK_PXI, 1, 0, 0},
    {VI_ATTR_PXI_SLOTPATH, RV_T_STR, CO, RK_PXI, 0, 0, 0},
    {VI_ATTR_PXI_IS_EXPRESS, RV_T_BOOL, RO, RK_PXI, VI_FALSE, 0, 0},
    {VI_ATTR_PXI_MEM_TYPE_BAR0, RV_T_U16, RO, RK_PXI, VI_PXI_ADDR_MEM, 0, 0},
    {VI_ATTR_PXI_MEM_BASE_BAR0, RV_T_U64, RO, RK_PXI, 0, 0, 0},
    {VI_ATTR_PXI_MEM_SIZE_BAR0, RV_T_U64, RO, RK_PXI, RV_MEM_SIZE, 0, 0},

    /* register based */
    {VI_ATTR_SRC_INCREMENT, RV_T_I32, RW | RG, RK_MEMSES, 1, 0, 1},
    {VI_ATTR_DEST_INCREMENT, RV_T_I32, RW | RG, RK_MEMSES, 1, 0, 1},
    {VI_ATTR_SRC_ACCESS_PRIV, RV_T_U16, RW | RG, RK_MEMSES, VI_DATA_PRIV, 0, VI_D64_SST320},
    {VI_ATTR_DEST_ACCESS_PRIV, RV_T_U16, RW | RG, RK_MEMSES, VI_DATA_PRIV, 0, VI_D64_SST320},
    {VI_ATTR_WIN_ACCESS_PRIV, RV_T_U16, RW | RG, RK_MEMSES, VI_DATA_PRIV, 0, VI_D64_SST320},
    {VI_ATTR_SRC_BYTE_ORDER, RV_T_U16, RW | RG, RK_MEMSES, VI_BIG_ENDIAN, 0, 1},
    {VI_ATTR_DEST_BYTE_ORDER, RV_T_U16, RW | RG, RK_MEMSES, VI_BIG_ENDIAN, 0, 1},
    {VI_ATTR_WIN_BYTE_ORDER, RV_T_U16, RW | RG, RK_MEMSES, VI_BIG_ENDIAN, 0, 1},
    {VI_ATTR_WIN_ACCESS, RV_T_U16, CO, RK_MEMSES, 0, 0, 0},
    {VI_ATTR_WIN_BASE_ADDR, RV_T_U64, CO, RK_MEMSES, 0, 0, 0},
    {VI_ATTR_WIN_SIZE, RV_T_U64, CO, RK_MEMSES, 0, 0, 0},
    {VI_ATTR_WIN_BASE_ADDR_32, RV_T_U32, CO, RK_MEMSES, 0, 0, 0},
    {VI_ATTR_WIN_SIZE_32, RV_T_U32, CO, RK_MEMSES, 0, 0, 0},
    {VI_ATTR_MEM_SPACE, RV_T_U16, CO, RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MEM_BASE, RV_T_U64, RO, RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MEM_SIZE, RV_T_U64, RO, RK_VXI | RK_PXI, RV_MEM_SIZE, 0, 0},
    {VI_ATTR_MEM_BASE_32, RV_T_U32, RO, RK_VXI | RK_PXI, 0, 0, 0},
    {VI_ATTR_MEM_SIZE_32, RV_T_U32, RO, RK_VXI | RK_PXI, RV_MEM_SIZE, 0, 0},
};
const size_t rv_nattr_defs = sizeof(rv_attr_defs) / sizeof(rv_attr_defs[0]);

/* Index of the definition of `id` that applies to resources of `kind` (an id may have several
 * definitions, e.g. read-only on a device and writable on an interface). */
static int attr_index(unsigned kind, ViAttr id) {
    for (size_t i = 0; i < rv_nattr_defs; i++)
        if (rv_attr_defs[i].id == id && (rv_attr_defs[i].kinds & kind)) return (int)i;
    return -1;
}


/* Truncate a raw value to the attribute's C type, as a C cast would, and widen it back. */
static int64_t as_typed(int type, uint64_t v) {
    switch (type) {
    case RV_T_U8: return (ViUInt8)v;
    case RV_T_U16: case RV_T_BOOL: return (ViUInt16)v;
    case RV_T_I16: return (ViInt16)(ViUInt16)v;
    case RV_T_U32: return (ViUInt32)v;
    case RV_T_I32: return (ViInt32)(ViUInt32)v;
    default: return (int64_t)v;
    }
}

static void put_value(int type, void *dst, uint64_t v) {
    switch (type) {
    case RV_T_U8: { ViUInt8 x = (ViUInt8)v; memcpy(dst, &x, 1); break; }
    case RV_T_U16: case RV_T_BOOL: case RV_T_I16: { ViUInt16 x = (ViUInt16)v; memcpy(dst, &x, 2); break; }
    case RV_T_U32: case RV_T_I32: { ViUInt32 x = (ViUInt32)v; memcpy(dst, &x, 4); break; }
    case RV_T_ADDR: { void *p = (void *)(uintptr_t)v; memcpy(dst, &p, sizeof p); break; }
    default: memcpy(dst, &v, 8); break;
    }
}

static void put_string(void *dst, const char *src) {
    size_t n = strlen(src);
    if (n >= RV_STRLEN) n = RV_STRLEN - 1;
    memcpy(dst, src, n);
    ((char *)dst)[n] = '\0';
}

uint64_t rv_attr_raw(rv_session *s, ViAttr id) {
    int i = attr_index(s->res->kind, id);
    return i < 0 ? 0 : s->attrs[i];
}

void rv_attr_store(rv_session *s, ViAttr id, uint64_t v) {
    int i = attr_index(s->res->kind, id);
    if (i >= 0) s->attrs[i] = v;
}

void rv_attrs_init(rv_session *s) {
    for (size_t i = 0; i < rv_nattr_defs; i++) s->attrs[i] = (uint64_t)rv_attr_defs[i].def;
}

static ViUInt32 lock_state(rv_resource *r) {
    if (r->excl_owner) return VI_EXCLUSIVE_LOCK;
    if (r->shared_holders > 0) return VI_SHARED_LOCK;
    return VI_NO_LOCK;
}

static const char *manf_name(void) { return "PyVISA reference VISA library"; }

/* Value of a computed numeric attribute (strings are handled by computed_string). */
static uint64_t computed_value(rv_session *s, ViAttr id) {
    rv_resource *r = s->res;
    switch (id) {
    case VI_ATTR_RSRC_LOCK_STATE: return lock_state(r);
    case VI_ATTR_USER_DATA_32: return (ViUInt32)rv_attr_raw(s, VI_ATTR_USER_DATA);
    case VI_ATTR_INTF_TYPE: return r->intf_type;
    case VI_ATTR_INTF_NUM: return r->intf_num;
    case VI_ATTR_RM_SESSION: return s->rm;
    case VI_ATTR_ASRL_AVAIL_NUM: return (ViUInt32)(r->qtail - r->qhead);
    case VI_ATTR_GPIB_PRIMARY_ADDR: return (ViUInt16)r->primary;
    case VI_ATTR_GPIB_SECONDARY_ADDR: return r->secondary < 0 ? VI_NO_SEC_ADDR : (ViUInt16)r->secondary;
    case VI_ATTR_GPIB_REN_STATE: return (ViUInt16)r->ren_state;
    case VI_ATTR_GPIB_ATN_STATE: return (ViUInt16)r->atn_state;
    case VI_ATTR_GPIB_ADDR_STATE: return (ViUInt16)r->addr_state;
    case VI_ATTR_GPIB_CIC_STATE: return r->cic_state;
    case VI_ATTR_TCPIP_PORT: return r->port;
    case VI_ATTR_TCPIP_IS_HISLIP: return r->hislip ? VI_TRUE : VI_FALSE;
    case VI_ATTR_MANF_ID: return r->manf_id;
    case VI_ATTR_MODEL_CODE: return r->model_code;
    case VI_ATTR_USB_PROTOCOL: return r->kind == RK_USB ? 1 : 0xFF;
    case VI_ATTR_VXI_LA: return (ViUInt16)r->la;
    case VI_ATTR_SLOT: return (ViUInt16)r->la;
    case VI_ATTR_VXI_VME_SYSFAIL_STATE: return (ViUInt16)r->sysfail_state;
    case VI_ATTR_PXI_DEV_NUM: return (ViUInt16)r->la;
    case VI_ATTR_PXI_BUS_NUM: return r->intf_num;
    case VI_ATTR_WIN_ACCESS: return s->mapped ? VI_DEREF_ADDR : VI_NMAPPED;
    case VI_ATTR_WIN_BASE_ADDR: case VI_ATTR_WIN_BASE_ADDR_32: return s->mapped ? s->win_offset : 0;
    case VI_ATTR_WIN_SIZE: case VI_ATTR_WIN_SIZE_32: return s->mapped ? s->win_size : 0;
    case VI_ATTR_MEM_SPACE: return r->kind == RK_PXI ? VI_PXI_BAR0_SPACE : VI_A16_SPACE;
    default: return 0;
    }
}

static const char *computed_string(rv_session *s, ViAttr id, char *tmp) {
    rv_resource *r = s->res;
    switch (id) {
    case VI_ATTR_RSRC_CLASS: return r->rclass;
    case VI_ATTR_RSRC_NAME: return r->name;
    case VI_ATTR_RSRC_MANF_NAME: return manf_name();
    case VI_ATTR_INTF_INST_NAME: {
        size_t n = strcspn(r->name, ":");
        snprintf(tmp, RV_STRLEN, "%.*s (simulated)", (int)n, r->name);
        return tmp;
    }
    case VI_ATTR_TCPIP_ADDR: return r->host;
    case VI_ATTR_TCPIP_HOSTNAME: return r->host;
    case VI_ATTR_TCPIP_DEVICE_NAME: return r->device_name;
    case VI_ATTR_MANF_NAME: return r->manf_name ? r->manf_name : "";
    case VI_ATTR_MODEL_NAME: return r->model_name ? r->model_name : "";
    case VI_ATTR_USB_SERIAL_NUM: return r->serial;
    case VI_ATTR_PXI_SLOTPATH: snprintf(tmp, RV_STRLEN, "%d", r->la); return tmp;
    default: return "";
    }
}

bool rv_resource_attr(rv_resource *r, ViAttr id, int64_t *num, char *str, bool *is_str) {
    int i = attr_index(r->kind, id);
    if (i < 0) return false;
    const rv_attr_def *d = &rv_attr_defs[i];
    uint64_t values[sizeof rv_attr_defs / sizeof rv_attr_defs[0]];
    rv_session fresh;
    memset(&fresh, 0, sizeof fresh);
    fresh.res = r;
    fresh.attrs = values;
    rv_attrs_init(&fresh);
    *is_str = d->type == RV_T_STR;
    if (*is_str) {
        char tmp[RV_STRLEN];
        put_string(str, computed_string(&fresh, id, tmp));
        return true;
    }
    *num = as_typed(d->type, (d->flags & RV_A_COMPUTED) ? computed_value(&fresh, id) : values[i]);
    return true;
}

static ViStatus rm_get(rv_rm *rm, ViAttr id, void *value) {
    switch (id) {
    case VI_ATTR_RSRC_IMPL_VERSION: put_value(RV_T_U32, value, 0x00010000); return VI_SUCCESS;
    case VI_ATTR_RSRC_SPEC_VERSION: put_value(RV_T_U32, value, VI_SPEC_VERSION); return VI_SUCCESS;
    case VI_ATTR_RSRC_LOCK_STATE: put_value(RV_T_U32, value, VI_NO_LOCK); return VI_SUCCESS;
    case VI_ATTR_RSRC_MANF_ID: put_value(RV_T_U16, value, 0x3FF0); return VI_SUCCESS;
    case VI_ATTR_RSRC_MANF_NAME: put_string(value, manf_name()); return VI_SUCCESS;
    case VI_ATTR_TMO_VALUE: put_value(RV_T_U32, value, rm->tmo); return VI_SUCCESS;
    case VI_ATTR_MAX_QUEUE_LENGTH: put_value(RV_T_U32, value, rm->max_queue); return VI_SUCCESS;
    case VI_ATTR_USER_DATA: put_value(RV_T_U64, value, rm->user_data); return VI_SUCCESS;
#if defined(_VISA_ENV_IS_64_BIT)
    case VI_ATTR_USER_DATA_32: put_value(RV_T_U32, value, rm->user_data); return VI_SUCCESS;
#endif
    default: return VI_ERROR_NSUP_ATTR;
    }
}

static ViStatus rm_set(rv_rm *rm, ViAttr id, ViAttrState v) {
    switch (id) {
    case VI_ATTR_TMO_VALUE: rm->tmo = (ViUInt32)v; return VI_SUCCESS;
    case VI_ATTR_MAX_QUEUE_LENGTH: rm->max_queue = (ViUInt32)v; return VI_SUCCESS;
    case VI_ATTR_USER_DATA: rm->user_data = v; return VI_SUCCESS;
#if defined(_VISA_ENV_IS_64_BIT)
    case VI_ATTR_USER_DATA_32: rm->user_data = (ViUInt32)v; return VI_SUCCESS;
#endif
    case VI_ATTR_RSRC_IMPL_VERSION: case VI_ATTR_RSRC_SPEC_VERSION: case VI_ATTR_RSRC_LOCK_STATE:
    case VI_ATTR_RSRC_MANF_ID: case VI_ATTR_RSRC_MANF_NAME:
        return VI_ERROR_ATTR_READONLY;
    default: return VI_ERROR_NSUP_ATTR;
    }
}

static ViStatus session_get(rv_session *s, ViAttr id, void *value) {
    int i = attr_index(s->res->kind, id);
    if (i < 0) return VI_ERROR_NSUP_ATTR;
    const rv_attr_def *d = &rv_attr_defs[i];
    if (d->type == RV_T_STR) {
        char tmp[RV_STRLEN];
        put_string(value, computed_string(s, id, tmp));
        return VI_SUCCESS;
    }
    uint64_t v = (d->flags & RV_A_COMPUTED) ? computed_value(s, id) : s->attrs[i];
    put_value(d->type, value, v);
    return VI_SUCCESS;
}

static ViStatus session_set(rv_session *s, ViAttr id, ViAttrState raw) {
    int i = attr_index(s->res->kind, id);
    if (i < 0) return VI_ERROR_NSUP_ATTR;
    const rv_attr_def *d = &rv_attr_defs[i];
    if (d->flags & RV_A_RO) return VI_ERROR_ATTR_READONLY;
    int64_t v = as_typed(d->type, raw);
    if (d->type == RV_T_BOOL && v != VI_TRUE && v != VI_FALSE) return VI_ERROR_NSUP_ATTR_STATE;
    if ((d->flags & RV_A_RANGE) && (v < d->min || v > d->max)) return VI_ERROR_NSUP_ATTR_STATE;
    if (id == VI_ATTR_ASRL_STOP_BITS && v != VI_ASRL_STOP_ONE && v != VI_ASRL_STOP_ONE5 && v != VI_ASRL_STOP_TWO)
        return VI_ERROR_NSUP_ATTR_STATE;
    if (id == VI_ATTR_USER_DATA_32) {
        rv_attr_store(s, VI_ATTR_USER_DATA, (ViUInt32)v);
        return VI_SUCCESS;
    }
    s->attrs[i] = (uint64_t)v;
    return VI_SUCCESS;
}

ViStatus _VI_FUNC viGetAttribute(ViObject vi, ViAttr attrName, void _VI_PTR attrValue) {
    RV_RECORD(vi, attrName);
    rv_init();
    if (!attrValue) return VI_ERROR_USER_BUF;
    pthread_mutex_lock(&rv_lock);
    ViStatus st;
    rv_obj *o = rv_lookup(vi);
    if (!o) st = VI_ERROR_INV_OBJECT;
    else if (o->type == RV_OBJ_RM) st = rm_get((rv_rm *)o, attrName, attrValue);
    else if (o->type == RV_OBJ_SESSION) st = session_get((rv_session *)o, attrName, attrValue);
    else if (o->type == RV_OBJ_EVENT) st = rv_event_get_attr((rv_event *)o, attrName, attrValue);
    else st = VI_ERROR_NSUP_ATTR;
    pthread_mutex_unlock(&rv_lock);
    return st;
}

ViStatus _VI_FUNC viSetAttribute(ViObject vi, ViAttr attrName, ViAttrState attrValue) {
    RV_RECORD(vi, attrName, attrValue);
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViStatus st;
    rv_obj *o = rv_lookup(vi);
    if (!o) st = VI_ERROR_INV_OBJECT;
    else if (o->type == RV_OBJ_RM) st = rm_set((rv_rm *)o, attrName, attrValue);
    else if (o->type == RV_OBJ_SESSION) st = session_set((rv_session *)o, attrName, attrValue);
    else if (o->type == RV_OBJ_EVENT) {
        ViUInt64 scratch[RV_STRLEN / 8];
        st = rv_event_get_attr((rv_event *)o, attrName, scratch);
        if (st == VI_SUCCESS) st = VI_ERROR_ATTR_READONLY;
    } else st = VI_ERROR_NSUP_ATTR;
    pthread_mutex_unlock(&rv_lock);
    return st;
}

