/* rv_expr.c -- the `{...}` attribute expressions of viFindRsrc.
 *
 * Grammar (whitespace allowed between tokens):
 *   or      := and ("||" and)*
 *   and     := unary ("&&" unary)*
 *   unary   := "!" unary | "(" or ")" | compare
 *   compare := ATTRIBUTE ("==" | "!=" | "<" | ">" | "<=" | ">=") VALUE
 *   VALUE   := ["-"] decimal | ["-"] "0x" hex | '"' characters '"' (backslash escapes the next one)
 * ATTRIBUTE is a VI_ATTR_* name; its value is the one a new session on the resource would read.  A
 * comparison is false when the attribute does not apply to the resource or its kind (number or
 * string) differs from the value's.  Strings compare with strcmp (case-sensitive).
 */
#include "refvisa_internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define N(name) {#name, name}
static const struct {
    const char *name;
    ViAttr id;
} attr_names[] = {
    N(VI_ATTR_4882_COMPLIANT), N(VI_ATTR_ASRL_ALLOW_TRANSMIT), N(VI_ATTR_ASRL_AVAIL_NUM),
    N(VI_ATTR_ASRL_BAUD), N(VI_ATTR_ASRL_BREAK_LEN), N(VI_ATTR_ASRL_BREAK_STATE), N(VI_ATTR_ASRL_CONNECTED),
    N(VI_ATTR_ASRL_CTS_STATE), N(VI_ATTR_ASRL_DATA_BITS), N(VI_ATTR_ASRL_DCD_STATE),
    N(VI_ATTR_ASRL_DISCARD_NULL), N(VI_ATTR_ASRL_DSR_STATE), N(VI_ATTR_ASRL_DTR_STATE),
    N(VI_ATTR_ASRL_END_IN), N(VI_ATTR_ASRL_END_OUT), N(VI_ATTR_ASRL_FLOW_CNTRL), N(VI_ATTR_ASRL_PARITY),
    N(VI_ATTR_ASRL_REPLACE_CHAR), N(VI_ATTR_ASRL_RI_STATE), N(VI_ATTR_ASRL_RTS_STATE),
    N(VI_ATTR_ASRL_STOP_BITS), N(VI_ATTR_ASRL_WIRE_MODE), N(VI_ATTR_ASRL_XOFF_CHAR), N(VI_ATTR_ASRL_XON_CHAR),
    N(VI_ATTR_BUFFER), N(VI_ATTR_CMDR_LA), N(VI_ATTR_DEST_ACCESS_PRIV), N(VI_ATTR_DEST_BYTE_ORDER),
    N(VI_ATTR_DEST_INCREMENT), N(VI_ATTR_DEV_STATUS_BYTE), N(VI_ATTR_DMA_ALLOW_EN), N(VI_ATTR_EVENT_TYPE),
    N(VI_ATTR_FDC_CHNL), N(VI_ATTR_FDC_GEN_SIGNAL_EN), N(VI_ATTR_FDC_MODE), N(VI_ATTR_FDC_USE_PAIR),
    N(VI_ATTR_FILE_APPEND_EN), N(VI_ATTR_FIREWIRE_DEST_UPPER_OFFSET), N(VI_ATTR_FIREWIRE_LOWER_CHIP_ID),
    N(VI_ATTR_FIREWIRE_SRC_UPPER_OFFSET), N(VI_ATTR_FIREWIRE_UPPER_CHIP_ID), N(VI_ATTR_FIREWIRE_VENDOR_ID),
    N(VI_ATTR_FIREWIRE_WIN_UPPER_OFFSET), N(VI_ATTR_GPIB_ADDR_STATE), N(VI_ATTR_GPIB_ATN_STATE),
    N(VI_ATTR_GPIB_CIC_STATE), N(VI_ATTR_GPIB_HS488_CBL_LEN), N(VI_ATTR_GPIB_NDAC_STATE),
    N(VI_ATTR_GPIB_PRIMARY_ADDR), N(VI_ATTR_GPIB_READDR_EN), N(VI_ATTR_GPIB_RECV_CIC_STATE),
    N(VI_ATTR_GPIB_REN_STATE), N(VI_ATTR_GPIB_SECONDARY_ADDR), N(VI_ATTR_GPIB_SRQ_STATE),
    N(VI_ATTR_GPIB_SYS_CNTRL_STATE), N(VI_ATTR_GPIB_UNADDR_EN), N(VI_ATTR_IMMEDIATE_SERV),
    N(VI_ATTR_INTF_INST_NAME), N(VI_ATTR_INTF_NUM), N(VI_ATTR_INTF_PARENT_NUM), N(VI_ATTR_INTF_TYPE),
    N(VI_ATTR_INTR_STATUS_ID), N(VI_ATTR_IO_PROT), N(VI_ATTR_JOB_ID), N(VI_ATTR_MAINFRAME_LA),
    N(VI_ATTR_MANF_ID), N(VI_ATTR_MANF_NAME), N(VI_ATTR_MAX_QUEUE_LENGTH), N(VI_ATTR_MEM_BASE),
    N(VI_ATTR_MEM_BASE_32), N(VI_ATTR_MEM_BASE_64), N(VI_ATTR_MEM_SIZE), N(VI_ATTR_MEM_SIZE_32),
    N(VI_ATTR_MEM_SIZE_64), N(VI_ATTR_MEM_SPACE), N(VI_ATTR_MODEL_CODE), N(VI_ATTR_MODEL_NAME),
    N(VI_ATTR_OPER_NAME), N(VI_ATTR_PXI_ACTUAL_LWIDTH), N(VI_ATTR_PXI_ALLOW_WRITE_COMBINE),
    N(VI_ATTR_PXI_BUS_NUM), N(VI_ATTR_PXI_CHASSIS), N(VI_ATTR_PXI_DEST_TRIG_BUS), N(VI_ATTR_PXI_DEV_NUM),
    N(VI_ATTR_PXI_DSTAR_BUS), N(VI_ATTR_PXI_DSTAR_SET), N(VI_ATTR_PXI_FUNC_NUM), N(VI_ATTR_PXI_IS_EXPRESS),
    N(VI_ATTR_PXI_MAX_LWIDTH), N(VI_ATTR_PXI_MEM_BASE_BAR0), N(VI_ATTR_PXI_MEM_BASE_BAR0_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR0_64), N(VI_ATTR_PXI_MEM_BASE_BAR1), N(VI_ATTR_PXI_MEM_BASE_BAR1_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR1_64), N(VI_ATTR_PXI_MEM_BASE_BAR2), N(VI_ATTR_PXI_MEM_BASE_BAR2_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR2_64), N(VI_ATTR_PXI_MEM_BASE_BAR3), N(VI_ATTR_PXI_MEM_BASE_BAR3_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR3_64), N(VI_ATTR_PXI_MEM_BASE_BAR4), N(VI_ATTR_PXI_MEM_BASE_BAR4_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR4_64), N(VI_ATTR_PXI_MEM_BASE_BAR5), N(VI_ATTR_PXI_MEM_BASE_BAR5_32),
    N(VI_ATTR_PXI_MEM_BASE_BAR5_64), N(VI_ATTR_PXI_MEM_SIZE_BAR0), N(VI_ATTR_PXI_MEM_SIZE_BAR0_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR0_64), N(VI_ATTR_PXI_MEM_SIZE_BAR1), N(VI_ATTR_PXI_MEM_SIZE_BAR1_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR1_64), N(VI_ATTR_PXI_MEM_SIZE_BAR2), N(VI_ATTR_PXI_MEM_SIZE_BAR2_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR2_64), N(VI_ATTR_PXI_MEM_SIZE_BAR3), N(VI_ATTR_PXI_MEM_SIZE_BAR3_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR3_64), N(VI_ATTR_PXI_MEM_SIZE_BAR4), N(VI_ATTR_PXI_MEM_SIZE_BAR4_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR4_64), N(VI_ATTR_PXI_MEM_SIZE_BAR5), N(VI_ATTR_PXI_MEM_SIZE_BAR5_32),
    N(VI_ATTR_PXI_MEM_SIZE_BAR5_64), N(VI_ATTR_PXI_MEM_TYPE_BAR0), N(VI_ATTR_PXI_MEM_TYPE_BAR1),
    N(VI_ATTR_PXI_MEM_TYPE_BAR2), N(VI_ATTR_PXI_MEM_TYPE_BAR3), N(VI_ATTR_PXI_MEM_TYPE_BAR4),
    N(VI_ATTR_PXI_MEM_TYPE_BAR5), N(VI_ATTR_PXI_RECV_INTR_DATA), N(VI_ATTR_PXI_RECV_INTR_SEQ),
    N(VI_ATTR_PXI_SLOTPATH), N(VI_ATTR_PXI_SLOT_LBUS_LEFT), N(VI_ATTR_PXI_SLOT_LBUS_RIGHT),
    N(VI_ATTR_PXI_SLOT_LWIDTH), N(VI_ATTR_PXI_SLOT_OFFSET), N(VI_ATTR_PXI_SLOT_WIDTH),
    N(VI_ATTR_PXI_SRC_TRIG_BUS), N(VI_ATTR_PXI_STAR_TRIG_BUS), N(VI_ATTR_PXI_STAR_TRIG_LINE),
    N(VI_ATTR_PXI_SUB_MANF_ID), N(VI_ATTR_PXI_SUB_MODEL_CODE), N(VI_ATTR_PXI_TRIG_BUS),
    N(VI_ATTR_PXI_USE_PREALLOC_POOL), N(VI_ATTR_RD_BUF_OPER_MODE), N(VI_ATTR_RD_BUF_SIZE),
    N(VI_ATTR_RECV_INTR_LEVEL), N(VI_ATTR_RECV_TCPIP_ADDR), N(VI_ATTR_RECV_TRIG_ID), N(VI_ATTR_RET_COUNT),
    N(VI_ATTR_RET_COUNT_32), N(VI_ATTR_RM_SESSION), N(VI_ATTR_RSRC_CLASS), N(VI_ATTR_RSRC_IMPL_VERSION),
    N(VI_ATTR_RSRC_LOCK_STATE), N(VI_ATTR_RSRC_MANF_ID), N(VI_ATTR_RSRC_MANF_NAME), N(VI_ATTR_RSRC_NAME),
    N(VI_ATTR_RSRC_SPEC_VERSION), N(VI_ATTR_SEND_END_EN), N(VI_ATTR_SIGP_STATUS_ID), N(VI_ATTR_SLOT),
    N(VI_ATTR_SRC_ACCESS_PRIV), N(VI_ATTR_SRC_BYTE_ORDER), N(VI_ATTR_SRC_INCREMENT), N(VI_ATTR_STATUS),
    N(VI_ATTR_SUPPRESS_END_EN), N(VI_ATTR_SYNC_MXI_ALLOW_EN), N(VI_ATTR_TCPIP_ADDR),
    N(VI_ATTR_TCPIP_DEVICE_NAME), N(VI_ATTR_TCPIP_HISLIP_ENCRYPTION_EN),
    N(VI_ATTR_TCPIP_HISLIP_MAX_MESSAGE_KB), N(VI_ATTR_TCPIP_HISLIP_OVERLAP_EN),
    N(VI_ATTR_TCPIP_HISLIP_VERSION), N(VI_ATTR_TCPIP_HOSTNAME), N(VI_ATTR_TCPIP_IS_HISLIP),
    N(VI_ATTR_TCPIP_KEEPALIVE), N(VI_ATTR_TCPIP_NODELAY), N(VI_ATTR_TCPIP_PORT),
    N(VI_ATTR_TCPIP_SASL_MECHANISM), N(VI_ATTR_TCPIP_SERVER_CERT),
    N(VI_ATTR_TCPIP_SERVER_CERT_EXPIRATION_DATE), N(VI_ATTR_TCPIP_SERVER_CERT_ISSUER_NAME),
    N(VI_ATTR_TCPIP_SERVER_CERT_IS_PERPETUAL), N(VI_ATTR_TCPIP_SERVER_CERT_SIZE),
    N(VI_ATTR_TCPIP_SERVER_CERT_SUBJECT_NAME), N(VI_ATTR_TCPIP_TLS_CIPHER_SUITE), N(VI_ATTR_TERMCHAR),
    N(VI_ATTR_TERMCHAR_EN), N(VI_ATTR_TMO_VALUE), N(VI_ATTR_TRIG_ID), N(VI_ATTR_USB_ALT_SETTING),
    N(VI_ATTR_USB_BULK_IN_PIPE), N(VI_ATTR_USB_BULK_IN_STATUS), N(VI_ATTR_USB_BULK_OUT_PIPE),
    N(VI_ATTR_USB_BULK_OUT_STATUS), N(VI_ATTR_USB_CLASS), N(VI_ATTR_USB_CTRL_PIPE), N(VI_ATTR_USB_END_IN),
    N(VI_ATTR_USB_INTFC_NUM), N(VI_ATTR_USB_INTR_IN_PIPE), N(VI_ATTR_USB_INTR_IN_STATUS),
    N(VI_ATTR_USB_MAX_INTR_SIZE), N(VI_ATTR_USB_NUM_INTFCS), N(VI_ATTR_USB_NUM_PIPES),
    N(VI_ATTR_USB_PROTOCOL), N(VI_ATTR_USB_RECV_INTR_DATA), N(VI_ATTR_USB_RECV_INTR_SIZE),
    N(VI_ATTR_USB_SERIAL_NUM), N(VI_ATTR_USB_SUBCLASS), N(VI_ATTR_USER_DATA), N(VI_ATTR_USER_DATA_32),
    N(VI_ATTR_VXI_DEV_CLASS), N(VI_ATTR_VXI_DEV_CMD_TYPE), N(VI_ATTR_VXI_DEV_CMD_VALUE), N(VI_ATTR_VXI_LA),
    N(VI_ATTR_VXI_TRIG_DIR), N(VI_ATTR_VXI_TRIG_LINES_EN), N(VI_ATTR_VXI_TRIG_STATUS),
    N(VI_ATTR_VXI_TRIG_SUPPORT), N(VI_ATTR_VXI_VME_INTR_STATUS), N(VI_ATTR_VXI_VME_SYSFAIL_STATE),
    N(VI_ATTR_WIN_ACCESS), N(VI_ATTR_WIN_ACCESS_PRIV), N(VI_ATTR_WIN_BASE_ADDR), N(VI_ATTR_WIN_BASE_ADDR_32),
    N(VI_ATTR_WIN_BASE_ADDR_64), N(VI_ATTR_WIN_BYTE_ORDER), N(VI_ATTR_WIN_SIZE), N(VI_ATTR_WIN_SIZE_32),
    N(VI_ATTR_WIN_SIZE_64), N(VI_ATTR_WR_BUF_OPER_MODE), N(VI_ATTR_WR_BUF_SIZE),
#if defined(_VISA_ENV_IS_64_BIT)
    N(VI_ATTR_USER_DATA_64), N(VI_ATTR_RET_COUNT_64),
#endif
};
#undef N

typedef struct parser {
    const char *p;
    rv_resource *res; /* NULL: syntax check only */
    bool error;
} parser;

static void skip_ws(parser *x) {
    while (isspace((unsigned char)*x->p)) x->p++;
}

static bool accept(parser *x, const char *token) {
    skip_ws(x);
    size_t n = strlen(token);
    if (strncmp(x->p, token, n) != 0) return false;
    x->p += n;
    return true;
}

static bool lookup_attr(const char *name, size_t len, ViAttr *id) {
    for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
        if (strlen(attr_names[i].name) == len && strncasecmp(attr_names[i].name, name, len) == 0) {
            *id = attr_names[i].id;
            return true;
        }
    }
    return false;
}

enum { OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE };

static bool parse_op(parser *x, int *op) {
    static const struct {
        const char *text;
        int op;
    } ops[] = {{"==", OP_EQ}, {"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE}, {"<", OP_LT}, {">", OP_GT}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (accept(x, ops[i].text)) {
            *op = ops[i].op;
            return true;
        }
    }
    return false;
}

static bool compare(int op, int c) {
    switch (op) {
    case OP_EQ: return c == 0;
    case OP_NE: return c != 0;
    case OP_LT: return c < 0;
    case OP_GT: return c > 0;
    case OP_LE: return c <= 0;
    default: return c >= 0;
    }
}

/* Parse a value into `num` or `str` (RV_STRLEN bytes); sets *is_str. */
static bool parse_value(parser *x, int64_t *num, char *str, bool *is_str) {
    skip_ws(x);
    if (*x->p == '"') {
        size_t n = 0;
        x->p++;
        while (*x->p && *x->p != '"') {
            if (*x->p == '\\' && x->p[1]) x->p++;
            if (n + 1 >= RV_STRLEN) return false;
            str[n++] = *x->p++;
        }
        if (*x->p != '"') return false;
        x->p++;
        str[n] = '\0';
        *is_str = true;
        return true;
    }
    bool neg = *x->p == '-';
    const char *digits = x->p + (neg ? 1 : 0);
    if (!isdigit((unsigned char)*digits)) return false;
    int base = (digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) ? 16 : 10;
    if (base == 16 && !isxdigit((unsigned char)digits[2])) return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(digits, &end, base);
    if (errno == ERANGE || isalnum((unsigned char)*end) || *end == '_') return false;
    if (neg && v > (unsigned long long)INT64_MAX) return false;
    x->p = end;
    *num = neg ? -(int64_t)v : (int64_t)v;
    *is_str = false;
    return true;
}

static bool parse_or(parser *x);

static bool parse_compare(parser *x) {
    skip_ws(x);
    const char *name = x->p;
    while (isalnum((unsigned char)*x->p) || *x->p == '_') x->p++;
    ViAttr id;
    int op;
    int64_t num = 0;
    char str[RV_STRLEN];
    bool is_str = false;
    if (x->p == name || !lookup_attr(name, (size_t)(x->p - name), &id) || !parse_op(x, &op) ||
        !parse_value(x, &num, str, &is_str)) {
        x->error = true;
        return false;
    }
    if (!x->res) return false;
    int64_t anum;
    char astr[RV_STRLEN];
    bool astr_kind;
    if (!rv_resource_attr(x->res, id, &anum, astr, &astr_kind) || astr_kind != is_str) return false;
    if (is_str) return compare(op, strcmp(astr, str));
    return compare(op, anum < num ? -1 : anum > num);
}

static bool parse_unary(parser *x) {
    if (x->error) return false;
    if (accept(x, "!")) {
        if (*x->p == '=') { /* "!=" cannot start an operand */
            x->error = true;
            return false;
        }
        return !parse_unary(x);
    }
    if (accept(x, "(")) {
        bool v = parse_or(x);
        if (!accept(x, ")")) x->error = true;
        return v;
    }
    return parse_compare(x);
}

static bool parse_and(parser *x) {
    bool v = parse_unary(x);
    while (!x->error && accept(x, "&&")) {
        bool rhs = parse_unary(x); /* always parsed: syntax errors must not hide behind short-circuits */
        v = v && rhs;
    }
    return v;
}

static bool parse_or(parser *x) {
    bool v = parse_and(x);
    while (!x->error && accept(x, "||")) {
        bool rhs = parse_and(x);
        v = v || rhs;
    }
    return v;
}

static bool evaluate(const char *text, rv_resource *res, bool *result) {
    parser x = {text, res, false};
    *result = parse_or(&x);
    skip_ws(&x);
    return !x.error && *x.p == '\0';
}

ViStatus rv_attr_expr_check(const char *text) {
    bool unused;
    return evaluate(text, NULL, &unused) ? VI_SUCCESS : VI_ERROR_INV_EXPR;
}

bool rv_attr_expr_match(const char *text, rv_resource *res) {
    bool result;
    return evaluate(text, res, &result) && result;
}
