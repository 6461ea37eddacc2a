/* rv_rsrc.c -- simulated resources, resource-name parsing and viFindRsrc regular expressions. */
#include "refvisa_internal.h"

#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define INSTR(n, k, it, num) .name = n, .rclass = "INSTR", .kind = k, .intf_type = it, .intf_num = num, .secondary = -1

rv_resource rv_resources[] = {
    {INSTR("ASRL1::INSTR", RK_ASRL, VI_INTF_ASRL, 1)},
    {INSTR("ASRL2::INSTR", RK_ASRL, VI_INTF_ASRL, 2)},
    {INSTR("GPIB0::1::INSTR", RK_GPIB, VI_INTF_GPIB, 0), .primary = 1},
    {INSTR("GPIB0::2::INSTR", RK_GPIB, VI_INTF_GPIB, 0), .primary = 2},
    {.name = "GPIB0::4::5::INSTR", .rclass = "INSTR", .kind = RK_GPIB, .intf_type = VI_INTF_GPIB, .primary = 4,
     .secondary = 5},
    {.name = "GPIB0::INTFC", .rclass = "INTFC", .kind = RK_GPIB_INTFC, .intf_type = VI_INTF_GPIB, .secondary = -1},
    {INSTR("TCPIP0::192.168.0.10::inst0::INSTR", RK_TCPIP, VI_INTF_TCPIP, 0), .host = "192.168.0.10",
     .device_name = "inst0"},
    {INSTR("TCPIP0::192.168.0.11::hislip0::INSTR", RK_TCPIP, VI_INTF_TCPIP, 0), .host = "192.168.0.11",
     .device_name = "hislip0", .hislip = true},
    {.name = "TCPIP0::192.168.0.10::5025::SOCKET", .rclass = "SOCKET", .kind = RK_SOCKET, .intf_type = VI_INTF_TCPIP,
     .secondary = -1, .host = "192.168.0.10", .port = 5025},
    {INSTR("USB0::0x1234::0x5678::SN001::0::INSTR", RK_USB, VI_INTF_USB, 0), .manf_id = 0x1234,
     .model_code = 0x5678, .serial = "SN001", .manf_name = "Reference Instruments", .model_name = "Loopback USBTMC"},
    {.name = "USB0::0x1234::0x5678::SN002::0::RAW", .rclass = "RAW", .kind = RK_USB_RAW, .intf_type = VI_INTF_USB,
     .secondary = -1, .manf_id = 0x1234, .model_code = 0x5678, .serial = "SN002",
     .manf_name = "Reference Instruments", .model_name = "Loopback USB raw"},
    {INSTR("VXI0::1::INSTR", RK_VXI, VI_INTF_VXI, 0), .la = 1, .manf_id = 0x0FF0, .model_code = 0x0101,
     .manf_name = "Reference Instruments", .model_name = "VXI loopback"},
    {.name = "VXI0::MEMACC", .rclass = "MEMACC", .kind = RK_VXI_MEM, .intf_type = VI_INTF_VXI, .secondary = -1},
    {.name = "VXI0::0::BACKPLANE", .rclass = "BACKPLANE", .kind = RK_VXI_BP, .intf_type = VI_INTF_VXI,
     .secondary = -1},
    {INSTR("PXI0::1::INSTR", RK_PXI, VI_INTF_PXI, 0), .la = 1, .manf_id = 0x1093, .model_code = 0x7001,
     .manf_name = "Reference Instruments", .model_name = "PXI register device"},
    {.name = "PXI0::MEMACC", .rclass = "MEMACC", .kind = RK_PXI_MEM, .intf_type = VI_INTF_PXI, .secondary = -1},
};
const size_t rv_nresources = sizeof(rv_resources) / sizeof(rv_resources[0]);

/* Aliases (as a VISA configuration utility would define them), matched case-insensitively. */
static const struct {
    const char *alias, *name;
} rv_aliases[] = {
    {"MyScope", "TCPIP0::192.168.0.10::inst0::INSTR"},
    {"MyCounter", "USB0::0x1234::0x5678::SN001::0::INSTR"},
};

static const char *alias_target(const char *alias) {
    for (size_t i = 0; i < sizeof rv_aliases / sizeof rv_aliases[0]; i++)
        if (strcasecmp(rv_aliases[i].alias, alias) == 0) return rv_aliases[i].name;
    return NULL;
}

static const char *alias_of(const rv_resource *r) {
    for (size_t i = 0; i < sizeof rv_aliases / sizeof rv_aliases[0]; i++)
        if (strcmp(rv_aliases[i].name, r->name) == 0) return rv_aliases[i].alias;
    return "";
}

/* ------------------------------------------------------------------ name parsing */
#define MAX_PARTS 8

static bool parse_uint(const char *s, long max, long *out) {
    if (!*s) return false;
    char *end;
    long v;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (!s[2]) return false;
        v = strtol(s + 2, &end, 16);
    } else {
        for (const char *p = s; *p; p++)
            if (!isdigit((unsigned char)*p)) return false;
        v = strtol(s, &end, 10);
    }
    if (*end || v < 0 || v > max) return false;
    *out = v;
    return true;
}

static bool is_class(const char *part) {
    static const char *classes[] = {"INSTR", "INTFC", "SOCKET", "RAW", "MEMACC", "BACKPLANE", "SERVANT"};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strcasecmp(part, classes[i]) == 0) return true;
    return false;
}

/* Parse `name`, build its canonical form into `canonical` (RV_STRLEN bytes) and find the simulated
 * resource (an alias stands for its resource).  Returns VI_ERROR_INV_RSRC_NAME when malformed,
 * VI_ERROR_RSRC_NFOUND when well formed but not simulated. */
ViStatus rv_parse_name(const char *name, rv_resource **res, char *canonical) {
    char buf[RV_STRLEN];
    char canon[RV_STRLEN];
    char *parts[MAX_PARTS];
    int n = 0;
    if (!name || strlen(name) >= sizeof buf || !name[0]) return VI_ERROR_INV_RSRC_NAME;
    const char *target = alias_target(name);
    if (target) name = target;
    strcpy(buf, name);
    char *p = buf;
    for (;;) {
        if (n == MAX_PARTS) return VI_ERROR_INV_RSRC_NAME;
        parts[n++] = p;
        char *sep = strstr(p, "::");
        if (!sep) break;
        *sep = '\0';
        p = sep + 2;
    }
    for (int i = 0; i < n; i++)
        if (!parts[i][0]) return VI_ERROR_INV_RSRC_NAME;

    /* interface prefix and board number */
    char *first = parts[0];
    size_t plen = 0;
    while (isalpha((unsigned char)first[plen])) plen++;
    long board = 0;
    if (first[plen] && !parse_uint(first + plen, 65535, &board)) return VI_ERROR_INV_RSRC_NAME;
    if (first[plen] && !isdigit((unsigned char)first[plen])) return VI_ERROR_INV_RSRC_NAME;
    first[plen] = '\0';

    const char *rclass = "INSTR";
    if (n > 1 && is_class(parts[n - 1])) {
        rclass = parts[n - 1];
        n--;
    }
    char **args = parts + 1;
    int nargs = n - 1;
    long a, b;
#define CLASS_IS(c) (strcasecmp(rclass, c) == 0)
    if (strcasecmp(first, "ASRL") == 0) {
        if (nargs != 0 || !CLASS_IS("INSTR")) return VI_ERROR_INV_RSRC_NAME;
        snprintf(canon, sizeof canon, "ASRL%ld::INSTR", board);
    } else if (strcasecmp(first, "GPIB") == 0) {
        if (CLASS_IS("INTFC")) {
            if (nargs != 0) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "GPIB%ld::INTFC", board);
        } else if (CLASS_IS("INSTR")) {
            if (nargs < 1 || nargs > 2 || !parse_uint(args[0], 30, &a)) return VI_ERROR_INV_RSRC_NAME;
            if (nargs == 2) {
                if (!parse_uint(args[1], 126, &b)) return VI_ERROR_INV_RSRC_NAME;
                snprintf(canon, sizeof canon, "GPIB%ld::%ld::%ld::INSTR", board, a, b);
            } else {
                snprintf(canon, sizeof canon, "GPIB%ld::%ld::INSTR", board, a);
            }
        } else {
            return VI_ERROR_INV_RSRC_NAME;
        }
    } else if (strcasecmp(first, "TCPIP") == 0) {
        if (CLASS_IS("SOCKET")) {
            if (nargs != 2 || !parse_uint(args[1], 65535, &a)) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "TCPIP%ld::%s::%ld::SOCKET", board, args[0], a);
        } else if (CLASS_IS("INSTR")) {
            if (nargs < 1 || nargs > 2) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "TCPIP%ld::%s::%s::INSTR", board, args[0], nargs == 2 ? args[1] : "inst0");
        } else {
            return VI_ERROR_INV_RSRC_NAME;
        }
    } else if (strcasecmp(first, "USB") == 0) {
        if (!CLASS_IS("INSTR") && !CLASS_IS("RAW")) return VI_ERROR_INV_RSRC_NAME;
        long intf = 0;
        if (nargs < 3 || nargs > 4 || !parse_uint(args[0], 0xFFFF, &a) || !parse_uint(args[1], 0xFFFF, &b) ||
            (nargs == 4 && !parse_uint(args[3], 255, &intf)))
            return VI_ERROR_INV_RSRC_NAME;
        snprintf(canon, sizeof canon, "USB%ld::0x%04lX::0x%04lX::%s::%ld::%s", board, a, b, args[2], intf,
                 CLASS_IS("RAW") ? "RAW" : "INSTR");
    } else if (strcasecmp(first, "VXI") == 0) {
        if (CLASS_IS("MEMACC")) {
            if (nargs != 0) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "VXI%ld::MEMACC", board);
        } else if (CLASS_IS("BACKPLANE")) {
            a = 0;
            if (nargs > 1 || (nargs == 1 && !parse_uint(args[0], 255, &a))) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "VXI%ld::%ld::BACKPLANE", board, a);
        } else if (CLASS_IS("INSTR")) {
            if (nargs != 1 || !parse_uint(args[0], 255, &a)) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "VXI%ld::%ld::INSTR", board, a);
        } else if (CLASS_IS("SERVANT")) {
            if (nargs != 0) return VI_ERROR_INV_RSRC_NAME;
            return VI_ERROR_RSRC_NFOUND;
        } else {
            return VI_ERROR_INV_RSRC_NAME;
        }
    } else if (strcasecmp(first, "PXI") == 0) {
        if (CLASS_IS("MEMACC")) {
            if (nargs != 0) return VI_ERROR_INV_RSRC_NAME;
            snprintf(canon, sizeof canon, "PXI%ld::MEMACC", board);
        } else if (CLASS_IS("INSTR")) {
            b = 0;
            char *dash = nargs >= 1 ? strchr(args[0], '-') : NULL;
            if (nargs >= 1 && strncasecmp(args[0], "CHASSIS", 7) == 0) {
                /* the simulated PXI devices sit in chassis 1, slot = device number, bus 0 */
                long chassis, slot;
                if (nargs < 2 || nargs > 3 || !parse_uint(args[0] + 7, 255, &chassis) ||
                    strncasecmp(args[1], "SLOT", 4) != 0 || !parse_uint(args[1] + 4, 31, &slot) ||
                    (nargs == 3 && (strncasecmp(args[2], "FUNC", 4) != 0 || !parse_uint(args[2] + 4, 7, &b))))
                    return VI_ERROR_INV_RSRC_NAME;
                if (chassis != 1 || board != 0) return VI_ERROR_RSRC_NFOUND;
                a = slot;
            } else if (dash) {
                /* PXI[interface]::bus-device[.function] */
                long bus;
                char *dot = strchr(dash + 1, '.');
                *dash = '\0';
                if (dot) *dot = '\0';
                if (nargs != 1 || !parse_uint(args[0], 255, &bus) || !parse_uint(dash + 1, 31, &a) ||
                    (dot && !parse_uint(dot + 1, 7, &b)))
                    return VI_ERROR_INV_RSRC_NAME;
                if (board != 0) return VI_ERROR_RSRC_NFOUND;
                board = bus;
            } else if (nargs < 1 || nargs > 2 || !parse_uint(args[0], 31, &a) ||
                       (nargs == 2 && !parse_uint(args[1], 7, &b))) {
                return VI_ERROR_INV_RSRC_NAME;
            }
            if (b) snprintf(canon, sizeof canon, "PXI%ld::%ld::%ld::INSTR", board, a, b);
            else snprintf(canon, sizeof canon, "PXI%ld::%ld::INSTR", board, a);
        } else {
            return VI_ERROR_INV_RSRC_NAME;
        }
    } else {
        return VI_ERROR_INV_RSRC_NAME;
    }
#undef CLASS_IS
    if (canonical) snprintf(canonical, RV_STRLEN, "%s", canon);
    for (size_t i = 0; i < rv_nresources; i++) {
        if (strcasecmp(rv_resources[i].name, canon) == 0) {
            if (res) *res = &rv_resources[i];
            if (canonical) snprintf(canonical, RV_STRLEN, "%s", rv_resources[i].name);
            return VI_SUCCESS;
        }
    }
    return VI_ERROR_RSRC_NFOUND;
}

static ViStatus parse_common(ViSession rm, ViConstRsrc name, ViPUInt16 type, ViPUInt16 num, ViChar *rclass,
                             ViChar *expanded, ViChar *alias) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_obj *o = rv_lookup(rm);
    pthread_mutex_unlock(&rv_lock);
    if (!o || o->type != RV_OBJ_RM) return VI_ERROR_INV_OBJECT;
    rv_resource *r = NULL;
    char canon[RV_STRLEN];
    ViStatus st = rv_parse_name(name, &r, canon);
    if (st < VI_SUCCESS) return st;
    if (type) *type = r->intf_type;
    if (num) *num = r->intf_num;
    if (rclass) snprintf(rclass, RV_STRLEN, "%s", r->rclass);
    if (expanded) snprintf(expanded, RV_STRLEN, "%s", r->name);
    if (alias) snprintf(alias, RV_STRLEN, "%s", alias_of(r));
    return VI_SUCCESS;
}

ViStatus _VI_FUNC viParseRsrc(ViSession rmSesn, ViConstRsrc rsrcName, ViPUInt16 intfType, ViPUInt16 intfNum) {
    RV_RECORD0(rmSesn);
    return parse_common(rmSesn, rsrcName, intfType, intfNum, NULL, NULL, NULL);
}

ViStatus _VI_FUNC viParseRsrcEx(ViSession rmSesn, ViConstRsrc rsrcName, ViPUInt16 intfType, ViPUInt16 intfNum,
                                ViChar _VI_FAR rsrcClass[], ViChar _VI_FAR expandedUnaliasedName[],
                                ViChar _VI_FAR aliasIfExists[]) {
    RV_RECORD0(rmSesn);
    return parse_common(rmSesn, rsrcName, intfType, intfNum, rsrcClass, expandedUnaliasedName, aliasIfExists);
}

/* ------------------------------------------------------------------ find */

/* Translate a VISA search expression into an anchored POSIX extended regular expression.
 * A trailing `{...}` attribute expression is left to rv_find_matches (see rv_expr.c). */
static bool translate(const char *expr, char *out, size_t cap) {
    size_t o = 0;
#define PUT(c) do { if (o + 1 >= cap) return false; out[o++] = (c); } while (0)
    PUT('^');
    PUT('(');
    const char *p = expr;
    const char *brace = strchr(expr, '{');
    const char *end = brace ? brace : expr + strlen(expr);
    if (brace) {
        const char *close = strrchr(brace, '}');
        if (!close || close[1] != '\0') return false;
    }
    if (p == end) return false;
    while (p < end) {
        char c = *p++;
        switch (c) {
        case '\\':
            if (p >= end) return false;
            c = *p++;
            if (!isalnum((unsigned char)c)) PUT('\\');
            PUT(c);
            break;
        case '?': PUT('.'); break;
        case '*': case '+': case '|': case '(': case ')': PUT(c); break;
        case '[': {
            PUT('[');
            if (p < end && *p == '^') PUT(*p++);
            if (p < end && *p == ']') PUT(*p++);
            while (p < end && *p != ']') PUT(*p++);
            if (p >= end) return false;
            PUT(*p++);
            break;
        }
        case '.': case '^': case '$': case '}': case ']':
            PUT('\\');
            PUT(c);
            break;
        default: PUT(c);
        }
    }
    PUT(')');
    PUT('$');
    out[o] = '\0';
    return true;
#undef PUT
}

ViStatus rv_find_matches(const char *expr, int *indices, int *count) {
    char pattern[4 * RV_STRLEN];
    char attr_expr[RV_STRLEN];
    *count = 0;
    if (!expr || strlen(expr) >= RV_STRLEN || !translate(expr, pattern, sizeof pattern)) return VI_ERROR_INV_EXPR;
    const char *brace = strchr(expr, '{');
    if (brace) {
        /* translate() checked that the expression ends with the closing brace */
        snprintf(attr_expr, sizeof attr_expr, "%.*s", (int)(strlen(brace) - 2), brace + 1);
        if (rv_attr_expr_check(attr_expr) != VI_SUCCESS) return VI_ERROR_INV_EXPR;
    }
    regex_t re;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0) return VI_ERROR_INV_EXPR;
    for (size_t i = 0; i < rv_nresources; i++) {
        if (regexec(&re, rv_resources[i].name, 0, NULL, 0) != 0) continue;
        if (brace && !rv_attr_expr_match(attr_expr, &rv_resources[i])) continue;
        indices[(*count)++] = (int)i;
    }
    regfree(&re);
    return VI_SUCCESS;
}

ViStatus _VI_FUNC viFindRsrc(ViSession sesn, ViConstString expr, ViPFindList vi, ViPUInt32 retCnt,
                             ViChar _VI_FAR desc[]) {
    RV_RECORD0(sesn);
    rv_init();
    if (vi) *vi = VI_NULL;
    if (retCnt) *retCnt = 0;
    int idx[64];
    int count = 0;
    pthread_mutex_lock(&rv_lock);
    ViStatus st = VI_SUCCESS;
    rv_obj *o = rv_lookup(sesn);
    if (!o || o->type != RV_OBJ_RM) {
        st = VI_ERROR_INV_OBJECT;
        goto out;
    }
    st = rv_find_matches(expr, idx, &count);
    if (st < VI_SUCCESS) goto out;
    if (count == 0) {
        st = VI_ERROR_RSRC_NFOUND;
        goto out;
    }
    if (retCnt) *retCnt = (ViUInt32)count;
    if (desc) snprintf(desc, RV_STRLEN, "%s", rv_resources[idx[0]].name);
    if (vi) {
        rv_find *f = calloc(1, sizeof *f);
        int *copy = malloc(sizeof(int) * (size_t)count);
        if (!f || !copy) {
            free(f);
            free(copy);
            st = VI_ERROR_ALLOC;
            goto out;
        }
        memcpy(copy, idx, sizeof(int) * (size_t)count);
        f->h.type = RV_OBJ_FIND;
        f->rm = sesn;
        f->count = count;
        f->pos = 1;
        f->indices = copy;
        *vi = rv_register(&f->h);
    }
out:
    pthread_mutex_unlock(&rv_lock);
    return st;
}

ViStatus _VI_FUNC viFindNext(ViFindList vi, ViChar _VI_FAR desc[]) {
    RV_RECORD0(vi);
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViStatus st = VI_SUCCESS;
    rv_obj *o = rv_lookup(vi);
    if (!o || o->type != RV_OBJ_FIND) {
        st = VI_ERROR_INV_OBJECT;
    } else {
        rv_find *f = (rv_find *)o;
        if (f->pos >= f->count) {
            st = VI_ERROR_RSRC_NFOUND;
        } else if (desc) {
            snprintf(desc, RV_STRLEN, "%s", rv_resources[f->indices[f->pos++]].name);
        } else {
            f->pos++;
        }
    }
    pthread_mutex_unlock(&rv_lock);
    return st;
}

/* ------------------------------------------------------------------ per-resource reset */
void rv_resource_reset(rv_resource *r) {
    rv_queue_clear(r);
    r->stb = 0;
    r->excl_owner = VI_NULL;
    r->shared_holders = 0;
    r->shared_key[0] = '\0';
    r->ren_state = VI_STATE_UNASSERTED;
    r->atn_state = VI_STATE_UNASSERTED;
    r->addr_state = VI_GPIB_UNADDRESSED;
    r->cic_state = VI_TRUE;
    r->gpib_cmd_len = 0;
    r->usb_ctrl_len = 0;
    r->ntrig_maps = 0;
    r->trig_count = 0;
    r->sysfail_state = VI_STATE_UNASSERTED;
    r->nallocs = 0;
    for (int i = 0; i < RV_NSPACES; i++)
        if (r->space[i]) memset(r->space[i], 0, RV_MEM_SIZE);
    pthread_cond_broadcast(&r->cond);
}
