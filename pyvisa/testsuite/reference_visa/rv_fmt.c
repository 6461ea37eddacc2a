/* rv_fmt.c -- formatted I/O: the viPrintf, viSPrintf, viScanf, viSScanf and viQueryf families.
 *
 * Formats are those of C printf/scanf.  VISA's own conversions and modifiers (%b %B %y %t %T, the
 * "," array size and the "@n" / "!o" modifiers) give VI_ERROR_NSUP_FMT, a malformed specification
 * VI_ERROR_INV_FMT.  viPrintf appends its text to the formatted I/O write buffer
 * (VI_ATTR_WR_BUF_SIZE bytes, flushed without END when full) and flushes the buffer, with END when
 * VI_ATTR_SEND_END_EN, when the format ends with "\n" or VI_ATTR_WR_BUF_OPER_MODE is
 * VI_FLUSH_ON_ACCESS.  viScanf flushes a pending write buffer, reads one message (up to the END or
 * the termination character, with the rules of viRead) and parses it with vsscanf; what the format
 * does not consume is discarded.  The arguments of viQueryf serve the write format first, then the
 * read format, so the printf side consumes its arguments one by one (never through vsnprintf).
 */
#include "refvisa_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RV_READ_CHUNK 4096u

/* ------------------------------------------------------------------ growing text */
typedef struct text {
    char *p;
    size_t len, cap;
} text;

static bool text_reserve(text *t, size_t extra) {
    if (t->len + extra + 1 <= t->cap) return true;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->len + extra + 1) cap *= 2;
    char *np = realloc(t->p, cap);
    if (!np) return false;
    t->p = np;
    t->cap = cap;
    return true;
}

static bool text_append(text *t, const char *s, size_t n) {
    if (!text_reserve(t, n)) return false;
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
    return true;
}

/* ------------------------------------------------------------------ conversion specifications */
enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_BIG_L, LEN_J, LEN_Z, LEN_T };

/* Parse a C length modifier at *pp (advancing past it). */
static int parse_length(const char **pp) {
    const char *p = *pp;
    int len = LEN_NONE;
    switch (*p) {
    case 'h': len = p[1] == 'h' ? LEN_HH : LEN_H; break;
    case 'l': len = p[1] == 'l' ? LEN_LL : LEN_L; break;
    case 'L': len = LEN_BIG_L; break;
    case 'j': len = LEN_J; break;
    case 'z': len = LEN_Z; break;
    case 't': len = LEN_T; break;
    default: return LEN_NONE;
    }
    *pp = p + ((len == LEN_HH || len == LEN_LL) ? 2 : 1);
    return len;
}

/* Status of a conversion character that C does not know (or that VISA redefines). */
static ViStatus unknown_conversion(int len, char conv) {
    if (len == LEN_T || (conv && strchr("bBytT,@!", conv))) return VI_ERROR_NSUP_FMT; /* VISA-only */
    return VI_ERROR_INV_FMT;
}

/* ------------------------------------------------------------------ printf side */
static ViStatus emit(text *out, const char *spec, ...) {
    va_list a, b;
    va_start(a, spec);
    va_copy(b, a);
    int n = vsnprintf(NULL, 0, spec, a);
    va_end(a);
    ViStatus st = VI_SUCCESS;
    if (n < 0) {
        st = VI_ERROR_INV_FMT;
    } else if (!text_reserve(out, (size_t)n)) {
        st = VI_ERROR_ALLOC;
    } else {
        vsnprintf(out->p + out->len, (size_t)n + 1, spec, b);
        out->len += (size_t)n;
    }
    va_end(b);
    return st;
}

static ViStatus emit_signed(text *out, const char *spec, int len, va_list *ap) {
    switch (len) {
    case LEN_NONE: case LEN_HH: case LEN_H: return emit(out, spec, va_arg(*ap, int));
    case LEN_L: return emit(out, spec, va_arg(*ap, long));
    case LEN_LL: return emit(out, spec, va_arg(*ap, long long));
    case LEN_J: return emit(out, spec, va_arg(*ap, intmax_t));
    case LEN_Z: return emit(out, spec, va_arg(*ap, size_t));
    case LEN_T: return emit(out, spec, va_arg(*ap, ptrdiff_t));
    default: return VI_ERROR_INV_FMT;
    }
}

static ViStatus emit_unsigned(text *out, const char *spec, int len, va_list *ap) {
    switch (len) {
    case LEN_NONE: case LEN_HH: case LEN_H: return emit(out, spec, va_arg(*ap, unsigned));
    case LEN_L: return emit(out, spec, va_arg(*ap, unsigned long));
    case LEN_LL: return emit(out, spec, va_arg(*ap, unsigned long long));
    case LEN_J: return emit(out, spec, va_arg(*ap, uintmax_t));
    case LEN_Z: return emit(out, spec, va_arg(*ap, size_t));
    case LEN_T: return emit(out, spec, va_arg(*ap, ptrdiff_t));
    default: return VI_ERROR_INV_FMT;
    }
}

static ViStatus emit_conversion(text *out, const char *spec, int len, char conv, va_list *ap) {
    switch (conv) {
    case 'd': case 'i': return emit_signed(out, spec, len, ap);
    case 'o': case 'u': case 'x': case 'X': return emit_unsigned(out, spec, len, ap);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        if (len == LEN_BIG_L) return emit(out, spec, va_arg(*ap, long double));
        if (len != LEN_NONE && len != LEN_L) return VI_ERROR_INV_FMT;
        return emit(out, spec, va_arg(*ap, double));
    case 'c': return len == LEN_NONE ? emit(out, spec, va_arg(*ap, int)) : VI_ERROR_NSUP_FMT;
    case 's': return len == LEN_NONE ? emit(out, spec, va_arg(*ap, const char *)) : VI_ERROR_NSUP_FMT;
    case 'p': return len == LEN_NONE ? emit(out, spec, va_arg(*ap, void *)) : VI_ERROR_INV_FMT;
    case 'n':
        if (len != LEN_NONE) return VI_ERROR_NSUP_FMT;
        *va_arg(*ap, int *) = (int)out->len;
        return VI_SUCCESS;
    default: return unknown_conversion(len, conv);
    }
}

/* Append the text of `fmt` to `out`, taking the arguments one at a time from `*ap`. */
static ViStatus format_text(text *out, const char *fmt, va_list *ap) {
    const char *p = fmt;
    while (*p) {
        if (*p != '%') {
            size_t n = strcspn(p, "%");
            if (!text_append(out, p, n)) return VI_ERROR_ALLOC;
            p += n;
            continue;
        }
        p++;
        if (*p == '%') {
            if (!text_append(out, "%", 1)) return VI_ERROR_ALLOC;
            p++;
            continue;
        }
        /* rebuild the specification with the '*' widths and precisions replaced by their values */
        char spec[64];
        size_t k = 0;
        spec[k++] = '%';
        for (int n = 0; *p && strchr("-+ #0", *p); n++) {
            if (n == 8) return VI_ERROR_INV_FMT;
            spec[k++] = *p++;
        }
        if (*p == '*') {
            k += (size_t)snprintf(spec + k, 12, "%d", va_arg(*ap, int));
            p++;
        }
        for (int n = 0; isdigit((unsigned char)*p); n++) {
            if (n == 9) return VI_ERROR_INV_FMT;
            spec[k++] = *p++;
        }
        if (*p == '.') {
            p++;
            if (*p == '*') {
                int precision = va_arg(*ap, int);
                if (precision >= 0) k += (size_t)snprintf(spec + k, 13, ".%d", precision);
                p++;
            } else {
                spec[k++] = '.';
                for (int n = 0; isdigit((unsigned char)*p); n++) {
                    if (n == 9) return VI_ERROR_INV_FMT;
                    spec[k++] = *p++;
                }
            }
        }
        const char *len_start = p;
        int len = parse_length(&p);
        char conv = *p;
        if (!conv) return unknown_conversion(len, conv);
        p++;
        size_t tail = (size_t)(p - len_start); /* length modifier and conversion */
        memcpy(spec + k, len_start, tail);
        spec[k + tail] = '\0';
        ViStatus st = emit_conversion(out, spec, len, conv, ap);
        if (st != VI_SUCCESS) return st;
    }
    return VI_SUCCESS;
}

/* ------------------------------------------------------------------ scanf side */
static ViStatus check_scan_format(const char *fmt) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') continue;
        p++;
        if (*p == '%') continue;
        if (*p == '*') p++;
        while (isdigit((unsigned char)*p)) p++;
        int len = parse_length(&p);
        char conv = *p;
        if (conv == '[' && len != LEN_T) {
            p++;
            if (*p == '^') p++;
            if (*p == ']') p++;
            while (*p && *p != ']') p++;
            if (!*p) return VI_ERROR_INV_FMT;
            continue;
        }
        if (conv && strchr("diouxXn", conv)) continue;
        if (conv && strchr("aAeEfFgGscp", conv) && len != LEN_T) continue;
        return unknown_conversion(len, conv);
    }
    return VI_SUCCESS;
}

/* Read one message: up to the END or the termination character (or an error such as a timeout). */
static ViStatus read_message(rv_session *s, text *msg) {
    ViStatus st;
    do {
        if (!text_reserve(msg, RV_READ_CHUNK)) return VI_ERROR_ALLOC;
        ViUInt32 got = 0;
        st = rv_read_locked(s, (ViPBuf)(msg->p + msg->len), RV_READ_CHUNK, &got, NULL);
        msg->len += got;
        msg->p[msg->len] = '\0';
    } while (st == VI_SUCCESS_MAX_CNT);
    return st < VI_SUCCESS ? st : VI_SUCCESS;
}

/* ------------------------------------------------------------------ session operations */
static ViStatus enter(ViSession vi, bool check_lock, rv_session **out) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    *out = s;
    if (!s) return VI_ERROR_INV_OBJECT;
    if (!(s->res->kind & RK_MSG)) return VI_ERROR_NSUP_OPER;
    return check_lock ? rv_check_access(s) : VI_SUCCESS;
}

static ViStatus leave(ViStatus st) {
    pthread_mutex_unlock(&rv_lock);
    return st;
}

static ViStatus print_locked(rv_session *s, const char *fmt, va_list *ap) {
    if (!fmt) return VI_ERROR_INV_FMT;
    text out = {NULL, 0, 0};
    ViStatus st = format_text(&out, fmt, ap);
    if (st == VI_SUCCESS) {
        size_t n = strlen(fmt);
        bool flush = (n > 0 && fmt[n - 1] == '\n') ||
                     rv_attr_raw(s, VI_ATTR_WR_BUF_OPER_MODE) == VI_FLUSH_ON_ACCESS;
        if (rv_attr_raw(s, VI_ATTR_WR_BUF_SIZE) == 0) {
            bool end = flush && rv_attr_raw(s, VI_ATTR_SEND_END_EN) != 0;
            st = rv_write_locked(s, (const unsigned char *)out.p, out.len, end);
        } else {
            st = rv_buffered_write_locked(s, (const unsigned char *)out.p, out.len);
            if (st == VI_SUCCESS && flush) st = rv_flush_write_locked(s, true);
        }
    }
    free(out.p);
    return st;
}

static ViStatus scan_locked(rv_session *s, const char *fmt, va_list ap) {
    if (!fmt) return VI_ERROR_INV_FMT;
    ViStatus st = check_scan_format(fmt);
    if (st == VI_SUCCESS && s->wlen > 0) st = rv_flush_write_locked(s, true);
    if (st != VI_SUCCESS) return st;
    text msg = {NULL, 0, 0};
    st = read_message(s, &msg);
    if (st == VI_SUCCESS) vsscanf(msg.p, fmt, ap);
    free(msg.p);
    return st;
}

static ViStatus vprintf_call(ViSession vi, ViConstString writeFmt, ViVAList params) {
    rv_session *s;
    ViStatus st = enter(vi, true, &s);
    if (st == VI_SUCCESS) {
        va_list ap;
        va_copy(ap, params);
        st = print_locked(s, writeFmt, &ap);
        va_end(ap);
    }
    return leave(st);
}

static ViStatus vsprintf_call(ViSession vi, ViPBuf buf, ViConstString writeFmt, ViVAList parms) {
    rv_session *s;
    ViStatus st = enter(vi, false, &s);
    if (st == VI_SUCCESS && !buf) st = VI_ERROR_USER_BUF;
    if (st == VI_SUCCESS && !writeFmt) st = VI_ERROR_INV_FMT;
    if (st == VI_SUCCESS) {
        text out = {NULL, 0, 0};
        va_list ap;
        va_copy(ap, parms);
        st = format_text(&out, writeFmt, &ap);
        va_end(ap);
        if (st == VI_SUCCESS) {
            if (out.len) memcpy(buf, out.p, out.len);
            buf[out.len] = '\0';
        }
        free(out.p);
    }
    return leave(st);
}

static ViStatus vscanf_call(ViSession vi, ViConstString readFmt, ViVAList params) {
    rv_session *s;
    ViStatus st = enter(vi, true, &s);
    if (st == VI_SUCCESS) {
        va_list ap;
        va_copy(ap, params);
        st = scan_locked(s, readFmt, ap);
        va_end(ap);
    }
    return leave(st);
}

static ViStatus vsscanf_call(ViSession vi, ViConstBuf buf, ViConstString readFmt, ViVAList parms) {
    rv_session *s;
    ViStatus st = enter(vi, false, &s);
    if (st == VI_SUCCESS && !buf) st = VI_ERROR_USER_BUF;
    if (st == VI_SUCCESS) st = readFmt ? check_scan_format(readFmt) : VI_ERROR_INV_FMT;
    if (st == VI_SUCCESS) {
        va_list ap;
        va_copy(ap, parms);
        vsscanf((const char *)buf, readFmt, ap);
        va_end(ap);
    }
    return leave(st);
}

static ViStatus vqueryf_call(ViSession vi, ViConstString writeFmt, ViConstString readFmt, ViVAList params) {
    rv_session *s;
    ViStatus st = enter(vi, true, &s);
    if (st == VI_SUCCESS && !readFmt) st = VI_ERROR_INV_FMT;
    if (st == VI_SUCCESS) st = check_scan_format(readFmt);
    if (st == VI_SUCCESS) {
        va_list ap;
        va_copy(ap, params);
        st = print_locked(s, writeFmt, &ap);
        if (st == VI_SUCCESS) st = scan_locked(s, readFmt, ap);
        va_end(ap);
    }
    return leave(st);
}

/* ------------------------------------------------------------------ va_list entry points */
ViStatus _VI_FUNC viVPrintf(ViSession vi, ViConstString writeFmt, ViVAList params) {
    RV_RECORD0(vi);
    return vprintf_call(vi, writeFmt, params);
}

ViStatus _VI_FUNC viVSPrintf(ViSession vi, ViPBuf buf, ViConstString writeFmt, ViVAList parms) {
    RV_RECORD0(vi);
    return vsprintf_call(vi, buf, writeFmt, parms);
}

ViStatus _VI_FUNC viVScanf(ViSession vi, ViConstString readFmt, ViVAList params) {
    RV_RECORD0(vi);
    return vscanf_call(vi, readFmt, params);
}

ViStatus _VI_FUNC viVSScanf(ViSession vi, ViConstBuf buf, ViConstString readFmt, ViVAList parms) {
    RV_RECORD0(vi);
    return vsscanf_call(vi, buf, readFmt, parms);
}

ViStatus _VI_FUNC viVQueryf(ViSession vi, ViConstString writeFmt, ViConstString readFmt, ViVAList params) {
    RV_RECORD0(vi);
    return vqueryf_call(vi, writeFmt, readFmt, params);
}

/* ------------------------------------------------------------------ variadic entry points */
ViStatus _VI_FUNCC viPrintf(ViSession vi, ViConstString writeFmt, ...) {
    RV_RECORD0(vi);
    va_list ap;
    va_start(ap, writeFmt);
    ViStatus st = vprintf_call(vi, writeFmt, ap);
    va_end(ap);
    return st;
}

ViStatus _VI_FUNCC viSPrintf(ViSession vi, ViPBuf buf, ViConstString writeFmt, ...) {
    RV_RECORD0(vi);
    va_list ap;
    va_start(ap, writeFmt);
    ViStatus st = vsprintf_call(vi, buf, writeFmt, ap);
    va_end(ap);
    return st;
}

ViStatus _VI_FUNCC viScanf(ViSession vi, ViConstString readFmt, ...) {
    RV_RECORD0(vi);
    va_list ap;
    va_start(ap, readFmt);
    ViStatus st = vscanf_call(vi, readFmt, ap);
    va_end(ap);
    return st;
}

ViStatus _VI_FUNCC viSScanf(ViSession vi, ViConstBuf buf, ViConstString readFmt, ...) {
    RV_RECORD0(vi);
    va_list ap;
    va_start(ap, readFmt);
    ViStatus st = vsscanf_call(vi, buf, readFmt, ap);
    va_end(ap);
    return st;
}

ViStatus _VI_FUNCC viQueryf(ViSession vi, ViConstString writeFmt, ViConstString readFmt, ...) {
    RV_RECORD0(vi);
    va_list ap;
    va_start(ap, readFmt);
    ViStatus st = vqueryf_call(vi, writeFmt, readFmt, ap);
    va_end(ap);
    return st;
}
