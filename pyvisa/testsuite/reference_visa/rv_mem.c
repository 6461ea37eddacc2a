/* rv_mem.c -- register-based access on the simulated address spaces (64 KiB each). */
#include "refvisa_internal.h"

#include <stdlib.h>
#include <string.h>

#define LOCAL_INDEX 12 /* VI_LOCAL_SPACE and VI_PXI_ALLOC_SPACE: memory handed out by viMemAlloc */
#define ALLOC_START 0x100u
#define ALLOC_ALIGN 8u

static int space_index(rv_resource *r, ViUInt16 space) {
    if (space == VI_LOCAL_SPACE) return LOCAL_INDEX;
    if (r->kind & (RK_VXI | RK_VXI_MEM)) {
        if (space >= VI_A16_SPACE && space <= VI_A64_SPACE) return space - VI_A16_SPACE;
    }
    if (r->kind & (RK_PXI | RK_PXI_MEM)) {
        if (space >= VI_PXI_CFG_SPACE && space <= VI_PXI_BAR5_SPACE) return 4 + (space - VI_PXI_CFG_SPACE);
        if (space == VI_PXI_ALLOC_SPACE) return LOCAL_INDEX;
    }
    return -1;
}

/* Pointer to `bytes` bytes at `offset` of `space`, or an error status. */
static ViStatus region(rv_session *s, ViUInt16 space, ViBusAddress64 offset, uint64_t bytes, unsigned char **out) {
    int idx = space_index(s->res, space);
    if (idx < 0) return VI_ERROR_INV_SPACE;
    if (offset >= RV_MEM_SIZE || bytes > RV_MEM_SIZE - offset) return VI_ERROR_INV_OFFSET;
    if (!s->res->space[idx]) {
        s->res->space[idx] = calloc(1, RV_MEM_SIZE);
        if (!s->res->space[idx]) return VI_ERROR_ALLOC;
    }
    *out = s->res->space[idx] + offset;
    return VI_SUCCESS;
}

static ViStatus enter(ViSession vi, rv_session **out) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    *out = s;
    if (!s) return VI_ERROR_INV_OBJECT;
    if (!(s->res->kind & RK_REG)) return VI_ERROR_NSUP_OPER;
    return rv_check_access(s);
}

static ViStatus leave(ViStatus st) {
    pthread_mutex_unlock(&rv_lock);
    return st;
}

static ViStatus do_in(ViSession vi, ViUInt16 space, ViBusAddress64 offset, void *val, size_t width) {
    rv_session *s;
    unsigned char *p;
    ViStatus st = enter(vi, &s);
    if (st == VI_SUCCESS && !val) st = VI_ERROR_USER_BUF;
    if (st == VI_SUCCESS) st = region(s, space, offset, width, &p);
    if (st == VI_SUCCESS) memcpy(val, p, width);
    return leave(st);
}

static ViStatus do_out(ViSession vi, ViUInt16 space, ViBusAddress64 offset, const void *val, size_t width) {
    rv_session *s;
    unsigned char *p;
    ViStatus st = enter(vi, &s);
    if (st == VI_SUCCESS) st = region(s, space, offset, width, &p);
    if (st == VI_SUCCESS) memcpy(p, val, width);
    return leave(st);
}

#define IN_OUT(bits)                                                                                       \
    ViStatus _VI_FUNC viIn##bits(ViSession vi, ViUInt16 space, ViBusAddress offset, ViPUInt##bits val) {   \
        RV_RECORD(vi, space, offset);                                                                      \
        return do_in(vi, space, offset, val, sizeof *val);                                                 \
    }                                                                                                      \
    ViStatus _VI_FUNC viIn##bits##Ex(ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViPUInt##bits val) { \
        RV_RECORD(vi, space, offset);                                                                      \
        return do_in(vi, space, offset, val, sizeof *val);                                                 \
    }                                                                                                      \
    ViStatus _VI_FUNC viOut##bits(ViSession vi, ViUInt16 space, ViBusAddress offset, ViUInt##bits val) {   \
        RV_RECORD(vi, space, offset, val);                                                                 \
        return do_out(vi, space, offset, &val, sizeof val);                                                \
    }                                                                                                      \
    ViStatus _VI_FUNC viOut##bits##Ex(ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViUInt##bits val) { \
        RV_RECORD(vi, space, offset, val);                                                                 \
        return do_out(vi, space, offset, &val, sizeof val);                                                \
    }

IN_OUT(8)
IN_OUT(16)
IN_OUT(32)
IN_OUT(64)

/* Block transfer between the device (space/offset) and a local buffer; `to_device` selects
 * viMoveOut*.  The device address advances only when the SRC/DEST_INCREMENT attribute is 1. */
static ViStatus do_move(ViSession vi, ViUInt16 space, ViBusAddress64 offset, ViBusSize length, void *buf,
                        size_t width, bool to_device) {
    rv_session *s;
    unsigned char *p;
    ViStatus st = enter(vi, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (length == 0) return leave(VI_SUCCESS);
    if (!buf) return leave(VI_ERROR_USER_BUF);
    if (length > RV_MEM_SIZE) return leave(VI_ERROR_INV_LENGTH);
    bool inc = rv_attr_raw(s, to_device ? VI_ATTR_DEST_INCREMENT : VI_ATTR_SRC_INCREMENT) != 0;
    st = region(s, space, offset, inc ? length * width : width, &p);
    if (st != VI_SUCCESS) return leave(st);
    unsigned char *b = buf;
    if (inc) {
        if (to_device) memcpy(p, b, length * width);
        else memcpy(b, p, length * width);
    } else {
        for (ViBusSize i = 0; i < length; i++) {
            if (to_device) memcpy(p, b + i * width, width);
            else memcpy(b + i * width, p, width);
        }
    }
    return leave(VI_SUCCESS);
}

#define MOVE(bits)                                                                                        \
    ViStatus _VI_FUNC viMoveIn##bits(ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, \
                                     ViAUInt##bits buf##bits) {                                           \
        RV_RECORD(vi, space, offset, length);                                                             \
        return do_move(vi, space, offset, length, buf##bits, bits / 8, false);                            \
    }                                                                                                     \
    ViStatus _VI_FUNC viMoveIn##bits##Ex(ViSession vi, ViUInt16 space, ViBusAddress64 offset,             \
                                         ViBusSize length, ViAUInt##bits buf##bits) {                     \
        RV_RECORD(vi, space, offset, length);                                                             \
        return do_move(vi, space, offset, length, buf##bits, bits / 8, false);                            \
    }                                                                                                     \
    ViStatus _VI_FUNC viMoveOut##bits(ViSession vi, ViUInt16 space, ViBusAddress offset, ViBusSize length, \
                                      ViAUInt##bits buf##bits) {                                          \
        RV_RECORD(vi, space, offset, length);                                                             \
        return do_move(vi, space, offset, length, buf##bits, bits / 8, true);                             \
    }                                                                                                     \
    ViStatus _VI_FUNC viMoveOut##bits##Ex(ViSession vi, ViUInt16 space, ViBusAddress64 offset,            \
                                          ViBusSize length, ViAUInt##bits buf##bits) {                    \
        RV_RECORD(vi, space, offset, length);                                                             \
        return do_move(vi, space, offset, length, buf##bits, bits / 8, true);                             \
    }

MOVE(8)
MOVE(16)
MOVE(32)
MOVE(64)

static bool valid_width(ViUInt16 w) { return w == VI_WIDTH_8 || w == VI_WIDTH_16 || w == VI_WIDTH_32 || w == VI_WIDTH_64; }

static ViStatus move_locked(rv_session *s, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth,
                            ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize length) {
    if (!valid_width(srcWidth) || !valid_width(destWidth)) return VI_ERROR_INV_WIDTH;
    if (srcWidth != destWidth) return VI_ERROR_NSUP_VAR_WIDTH;
    if (length == 0) return VI_SUCCESS;
    if (length > RV_MEM_SIZE) return VI_ERROR_INV_LENGTH;
    size_t w = srcWidth;
    bool sinc = rv_attr_raw(s, VI_ATTR_SRC_INCREMENT) != 0;
    bool dinc = rv_attr_raw(s, VI_ATTR_DEST_INCREMENT) != 0;
    unsigned char *src, *dst;
    ViStatus st = region(s, srcSpace, srcOffset, sinc ? length * w : w, &src);
    if (st == VI_SUCCESS) st = region(s, destSpace, destOffset, dinc ? length * w : w, &dst);
    if (st != VI_SUCCESS) return st;
    if (sinc && dinc) {
        memmove(dst, src, length * w);
    } else {
        for (ViBusSize i = 0; i < length; i++) memmove(dst + (dinc ? i * w : 0), src + (sinc ? i * w : 0), w);
    }
    return VI_SUCCESS;
}

static ViStatus move_sync(ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth,
                          ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize srcLength) {
    rv_session *s;
    ViStatus st = enter(vi, &s);
    if (st == VI_SUCCESS)
        st = move_locked(s, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    return leave(st);
}

ViStatus _VI_FUNC viMove(ViSession vi, ViUInt16 srcSpace, ViBusAddress srcOffset, ViUInt16 srcWidth,
                         ViUInt16 destSpace, ViBusAddress destOffset, ViUInt16 destWidth, ViBusSize srcLength) {
    RV_RECORD(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    return move_sync(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
}

ViStatus _VI_FUNC viMoveEx(ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth,
                           ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize srcLength) {
    RV_RECORD(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    return move_sync(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
}

/* The asynchronous move is performed synchronously (VI_SUCCESS_SYNC); its IO completion event is
 * still posted. */
static ViStatus move_async(ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth,
                           ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth, ViBusSize srcLength,
                           ViPJobId jobId, const char *oper) {
    rv_session *s;
    ViStatus st = enter(vi, &s);
    if (st != VI_SUCCESS) return leave(st);
    st = move_locked(s, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    if (st < VI_SUCCESS) return leave(st);
    ViJobId id = rv_next_job_id();
    if (jobId) *jobId = id;
    rv_post_completion(s, id, st, NULL, (ViUInt32)(srcLength * srcWidth), oper);
    return leave(VI_SUCCESS_SYNC);
}

ViStatus _VI_FUNC viMoveAsync(ViSession vi, ViUInt16 srcSpace, ViBusAddress srcOffset, ViUInt16 srcWidth,
                              ViUInt16 destSpace, ViBusAddress destOffset, ViUInt16 destWidth, ViBusSize srcLength,
                              ViPJobId jobId) {
    RV_RECORD(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    return move_async(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength, jobId,
                      "viMoveAsync");
}

ViStatus _VI_FUNC viMoveAsyncEx(ViSession vi, ViUInt16 srcSpace, ViBusAddress64 srcOffset, ViUInt16 srcWidth,
                                ViUInt16 destSpace, ViBusAddress64 destOffset, ViUInt16 destWidth,
                                ViBusSize srcLength, ViPJobId jobId) {
    RV_RECORD(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength);
    return move_async(vi, srcSpace, srcOffset, srcWidth, destSpace, destOffset, destWidth, srcLength, jobId,
                      "viMoveAsyncEx");
}

/* ------------------------------------------------------------------ mapping, peek and poke */
static ViStatus map_address(ViSession vi, ViUInt16 mapSpace, ViBusAddress64 mapOffset, ViBusSize mapSize,
                            ViBoolean access, ViPAddr address) {
    rv_session *s;
    ViStatus st = enter(vi, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (!address) return leave(VI_ERROR_USER_BUF);
    if (s->mapped) return leave(VI_ERROR_WINDOW_MAPPED);
    if (access != VI_FALSE && access != VI_TRUE) return leave(VI_ERROR_INV_ACC_MODE);
    if (space_index(s->res, mapSpace) < 0) return leave(VI_ERROR_INV_SPACE);
    if (mapOffset >= RV_MEM_SIZE) return leave(VI_ERROR_INV_OFFSET);
    if (mapSize == 0 || mapSize > RV_MEM_SIZE - mapOffset) return leave(VI_ERROR_INV_SIZE);
    unsigned char *p;
    st = region(s, mapSpace, mapOffset, mapSize, &p);
    if (st != VI_SUCCESS) return leave(st);
    s->mapped = true;
    s->win_space = mapSpace;
    s->win_offset = mapOffset;
    s->win_size = mapSize;
    s->win_ptr = p;
    *address = p;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viMapAddress(ViSession vi, ViUInt16 mapSpace, ViBusAddress mapOffset, ViBusSize mapSize,
                               ViBoolean access, ViAddr suggested, ViPAddr address) {
    RV_RECORD(vi, mapSpace, mapOffset, mapSize, access, RV_ADDR(suggested));
    return map_address(vi, mapSpace, mapOffset, mapSize, access, address);
}

ViStatus _VI_FUNC viMapAddressEx(ViSession vi, ViUInt16 mapSpace, ViBusAddress64 mapOffset, ViBusSize mapSize,
                                 ViBoolean access, ViAddr suggested, ViPAddr address) {
    RV_RECORD(vi, mapSpace, mapOffset, mapSize, access, RV_ADDR(suggested));
    return map_address(vi, mapSpace, mapOffset, mapSize, access, address);
}

ViStatus _VI_FUNC viUnmapAddress(ViSession vi) {
    RV_RECORD0(vi);
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    ViStatus st = VI_SUCCESS;
    if (!s) st = VI_ERROR_INV_OBJECT;
    else if (!(s->res->kind & RK_REG)) st = VI_ERROR_NSUP_OPER;
    else if (!s->mapped) st = VI_ERROR_WINDOW_NMAPPED;
    else s->mapped = false;
    return leave(st);
}

/* Peek and poke only touch addresses inside the session's mapped window; a peek elsewhere returns
 * all ones and a poke elsewhere is ignored (they cannot report errors). */
static bool in_window(ViSession vi, ViAddr address, size_t width) {
    rv_session *s = rv_session_of(vi);
    if (!s || !s->mapped || !address) return false;
    unsigned char *p = address;
    return p >= s->win_ptr && (size_t)(p - s->win_ptr) + width <= s->win_size;
}

#define PEEK_POKE(bits)                                                                 \
    void _VI_FUNC viPeek##bits(ViSession vi, ViAddr address, ViPUInt##bits val##bits) {  \
        RV_RECORD(vi, RV_ADDR(address));                                                 \
        if (!val##bits) return;                                                          \
        rv_init();                                                                       \
        pthread_mutex_lock(&rv_lock);                                                    \
        if (in_window(vi, address, sizeof *val##bits))                                   \
            memcpy(val##bits, address, sizeof *val##bits);                               \
        else                                                                             \
            memset(val##bits, 0xFF, sizeof *val##bits);                                  \
        pthread_mutex_unlock(&rv_lock);                                                  \
    }                                                                                    \
    void _VI_FUNC viPoke##bits(ViSession vi, ViAddr address, ViUInt##bits val##bits) {   \
        RV_RECORD(vi, RV_ADDR(address), val##bits);                                      \
        rv_init();                                                                       \
        pthread_mutex_lock(&rv_lock);                                                    \
        if (in_window(vi, address, sizeof val##bits)) memcpy(address, &val##bits, sizeof val##bits); \
        pthread_mutex_unlock(&rv_lock);                                                  \
    }

PEEK_POKE(8)
PEEK_POKE(16)
PEEK_POKE(32)
PEEK_POKE(64)

/* ------------------------------------------------------------------ viMemAlloc / viMemFree */
static ViStatus mem_alloc(ViSession vi, ViBusSize size, ViBusAddress64 *offset) {
    rv_session *s;
    ViStatus st = enter(vi, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (!offset) return leave(VI_ERROR_USER_BUF);
    if (size == 0 || size > RV_MEM_SIZE - ALLOC_START) return leave(VI_ERROR_INV_SIZE);
    rv_resource *r = s->res;
    if (r->nallocs == RV_MAX_ALLOCS) return leave(VI_ERROR_ALLOC);
    ViBusSize need = (size + ALLOC_ALIGN - 1) / ALLOC_ALIGN * ALLOC_ALIGN;
    ViBusAddress64 at = ALLOC_START;
    int pos = 0;
    for (; pos < r->nallocs; pos++) {
        if (at + need <= r->allocs[pos].offset) break;
        ViBusAddress64 end = r->allocs[pos].offset + r->allocs[pos].size;
        at = (end + ALLOC_ALIGN - 1) / ALLOC_ALIGN * ALLOC_ALIGN;
    }
    if (at + need > RV_MEM_SIZE) return leave(VI_ERROR_ALLOC);
    memmove(&r->allocs[pos + 1], &r->allocs[pos], (size_t)(r->nallocs - pos) * sizeof r->allocs[0]);
    r->allocs[pos] = (rv_alloc){(ViBusAddress)at, size, vi};
    r->nallocs++;
    *offset = at;
    return leave(VI_SUCCESS);
}

static ViStatus mem_free(ViSession vi, ViBusAddress64 offset) {
    rv_session *s;
    ViStatus st = enter(vi, &s);
    if (st != VI_SUCCESS) return leave(st);
    rv_resource *r = s->res;
    for (int i = 0; i < r->nallocs; i++) {
        if (r->allocs[i].offset == offset && r->allocs[i].owner == vi) {
            memmove(&r->allocs[i], &r->allocs[i + 1], (size_t)(r->nallocs - i - 1) * sizeof r->allocs[0]);
            r->nallocs--;
            return leave(VI_SUCCESS);
        }
    }
    return leave(VI_ERROR_INV_OFFSET);
}

ViStatus _VI_FUNC viMemAlloc(ViSession vi, ViBusSize size, ViPBusAddress offset) {
    RV_RECORD(vi, size);
    ViBusAddress64 off = 0;
    ViStatus st = mem_alloc(vi, size, offset ? &off : NULL);
    if (st == VI_SUCCESS) *offset = (ViBusAddress)off;
    return st;
}

ViStatus _VI_FUNC viMemAllocEx(ViSession vi, ViBusSize size, ViPBusAddress64 offset) {
    RV_RECORD(vi, size);
    return mem_alloc(vi, size, offset);
}

ViStatus _VI_FUNC viMemFree(ViSession vi, ViBusAddress offset) {
    RV_RECORD(vi, offset);
    return mem_free(vi, offset);
}

ViStatus _VI_FUNC viMemFreeEx(ViSession vi, ViBusAddress64 offset) {
    RV_RECORD(vi, offset);
    return mem_free(vi, offset);
}

void rv_mem_session_teardown(rv_session *s) {
    s->mapped = false;
    rv_resource *r = s->res;
    for (int i = 0; i < r->nallocs;) {
        if (r->allocs[i].owner == s->h.handle) {
            memmove(&r->allocs[i], &r->allocs[i + 1], (size_t)(r->nallocs - i - 1) * sizeof r->allocs[0]);
            r->nallocs--;
        } else {
            i++;
        }
    }
}
