/* rv_io.c -- message-based loopback I/O, buffers, async jobs, files and the bus-specific operations. */
#include "refvisa_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ loopback queue */
void rv_queue_clear(rv_resource *r) {
    r->qbase += r->qtail;
    r->qhead = r->qtail = 0;
    r->nends = r->ends_head = 0;
}

static ViStatus queue_append(rv_resource *r, const unsigned char *data, size_t n, bool end) {
    if (n == 0) return VI_SUCCESS;
    if (r->qtail + n > r->qcap) {
        if (r->qhead > 0) {
            memmove(r->q, r->q + r->qhead, r->qtail - r->qhead);
            r->qbase += r->qhead;
            r->qtail -= r->qhead;
            r->qhead = 0;
        }
        if (r->qtail + n > r->qcap) {
            size_t cap = r->qcap ? r->qcap : 4096;
            while (cap < r->qtail + n) cap *= 2;
            unsigned char *nq = realloc(r->q, cap);
            if (!nq) return VI_ERROR_ALLOC;
            r->q = nq;
            r->qcap = cap;
        }
    }
    memcpy(r->q + r->qtail, data, n);
    r->qtail += n;
    if (end) {
        if (r->ends_head == r->nends) r->ends_head = r->nends = 0;
        if (r->nends == r->ends_cap) {
            if (r->ends_head > 0) {
                memmove(r->ends, r->ends + r->ends_head, (r->nends - r->ends_head) * sizeof *r->ends);
                r->nends -= r->ends_head;
                r->ends_head = 0;
            }
            if (r->nends == r->ends_cap) {
                size_t cap = r->ends_cap ? r->ends_cap * 2 : 16;
                uint64_t *ne = realloc(r->ends, cap * sizeof *ne);
                if (!ne) return VI_ERROR_ALLOC;
                r->ends = ne;
                r->ends_cap = cap;
            }
        }
        r->ends[r->nends++] = r->qbase + r->qtail;
    }
    pthread_cond_broadcast(&r->cond);
    return VI_SUCCESS;
}

/* Absolute position of the next END mark after the read position (UINT64_MAX if none). */
static uint64_t next_end(rv_resource *r) {
    uint64_t pos = r->qbase + r->qhead;
    while (r->ends_head < r->nends && r->ends[r->ends_head] <= pos) r->ends_head++;
    return r->ends_head < r->nends ? r->ends[r->ends_head] : UINT64_MAX;
}

ViStatus rv_write_locked(rv_session *s, const unsigned char *buf, size_t cnt, bool end) {
    return queue_append(s->res, buf, cnt, end);
}

ViStatus rv_read_locked(rv_session *s, ViPBuf buf, ViUInt32 cnt, ViUInt32 *ret, rv_job *job) {
    rv_resource *r = s->res;
    *ret = 0;
    if (!(r->kind & RK_MSG)) return VI_ERROR_NSUP_OPER;
    ViStatus st = rv_check_access(s);
    if (st < VI_SUCCESS) return st;
    if (cnt == 0) return VI_SUCCESS_MAX_CNT;
    if (!buf) return VI_ERROR_USER_BUF;
    bool term_en = rv_attr_raw(s, VI_ATTR_TERMCHAR_EN) != 0;
    unsigned char term = (unsigned char)rv_attr_raw(s, VI_ATTR_TERMCHAR);
    bool suppress = rv_attr_raw(s, VI_ATTR_SUPPRESS_END_EN) != 0;
    ViUInt32 tmo = rv_session_tmo(s);
    struct timespec dl;
    rv_deadline(&dl, tmo);
    size_t total = 0;
    s->busy++;
    for (;;) {
        if (s->closing || (job && job->aborted)) {
            st = VI_ERROR_ABORT;
            break;
        }
        size_t avail = r->qtail - r->qhead;
        if (avail > 0) {
            size_t n = avail < cnt - total ? avail : cnt - total;
            uint64_t pos = r->qbase + r->qhead;
            uint64_t e = suppress ? UINT64_MAX : next_end(r);
            bool at_end = false;
            if (e != UINT64_MAX && e - pos <= n) {
                n = (size_t)(e - pos);
                at_end = true;
            }
            bool term_hit = false;
            if (term_en) {
                unsigned char *hit = memchr(r->q + r->qhead, term, n);
                if (hit) {
                    size_t m = (size_t)(hit - (r->q + r->qhead)) + 1;
                    at_end = at_end && m == n;
                    n = m;
                    term_hit = true;
                }
            }
            memcpy(buf + total, r->q + r->qhead, n);
            r->qhead += n;
            total += n;
            if (r->qhead == r->qtail) {
                r->qbase += r->qtail;
                r->qhead = r->qtail = 0;
            }
            if (term_hit) { st = VI_SUCCESS_TERM_CHAR; break; }
            if (at_end) { st = VI_SUCCESS; break; }
            if (total == cnt) { st = VI_SUCCESS_MAX_CNT; break; }
            continue;
        }
        if (tmo == VI_TMO_IMMEDIATE) { st = VI_ERROR_TMO; break; }
        if (rv_wait(&r->cond, &dl) == ETIMEDOUT && r->qtail == r->qhead) { st = VI_ERROR_TMO; break; }
    }
    s->busy--;
    pthread_cond_broadcast(&rv_close_cond);
    *ret = (ViUInt32)total;
    return st;
}

/* Look up a session and check that it supports the operation (kinds) and is not locked by others. */
static ViStatus enter(ViSession vi, unsigned kinds, bool check_lock, rv_session **out) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    *out = s;
    if (!s) return VI_ERROR_INV_OBJECT;
    if (!(s->res->kind & kinds)) return VI_ERROR_NSUP_OPER;
    return check_lock ? rv_check_access(s) : VI_SUCCESS;
}

static ViStatus leave(ViStatus st) {
    pthread_mutex_unlock(&rv_lock);
    return st;
}

static ViStatus read_call(ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPUInt32 retCnt) {
    rv_session *s;
    ViUInt32 got = 0;
    ViStatus st = enter(vi, RK_MSG, false, &s);
    if (st == VI_SUCCESS) st = rv_read_locked(s, buf, cnt, &got, NULL);
    if (retCnt) *retCnt = got;
    return leave(st);
}

ViStatus _VI_FUNC viRead(ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    return read_call(vi, buf, cnt, retCnt);
}

ViStatus _VI_FUNC viWrite(ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    if (retCnt) *retCnt = 0;
    ViStatus st = enter(vi, RK_MSG, true, &s);
    if (st == VI_SUCCESS && cnt > 0 && !buf) st = VI_ERROR_USER_BUF;
    if (st == VI_SUCCESS) {
        st = rv_write_locked(s, buf, cnt, rv_attr_raw(s, VI_ATTR_SEND_END_EN) != 0);
        if (st == VI_SUCCESS && retCnt) *retCnt = cnt;
    }
    return leave(st);
}

/* ------------------------------------------------------------------ asynchronous jobs */
static ViJobId next_job_id = 1;

ViJobId rv_next_job_id(void) {
    ViJobId id = next_job_id++;
    if (next_job_id == 0) next_job_id = 1;
    return id;
}

static rv_job *job_new(rv_session *s) {
    rv_job *j = calloc(1, sizeof *j);
    if (!j) return NULL;
    j->id = rv_next_job_id();
    j->next = s->jobs;
    s->jobs = j;
    return j;
}

static void job_remove(rv_session *s, rv_job *j) {
    for (rv_job **p = &s->jobs; *p; p = &(*p)->next) {
        if (*p == j) {
            *p = j->next;
            break;
        }
    }
    free(j);
}

void rv_session_abort_jobs(rv_session *s) {
    for (rv_job *j = s->jobs; j; j = j->next) j->aborted = true;
    pthread_cond_broadcast(&s->res->cond);
}

void rv_post_completion(rv_session *s, ViJobId id, ViStatus st, ViBuf buf, ViUInt32 count, const char *oper) {
    rv_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = VI_EVENT_IO_COMPLETION;
    ev.status = st;
    ev.job_id = id;
    ev.buffer = buf;
    ev.ret_count = count;
    ev.oper_name = oper;
    rv_raise(s, &ev);
}

typedef struct read_job_arg {
    rv_session *s;
    rv_job *job;
    ViPBuf buf;
    ViUInt32 cnt;
} read_job_arg;

static void *read_job_main(void *p) {
    read_job_arg *a = p;
    pthread_mutex_lock(&rv_lock);
    ViUInt32 got = 0;
    ViStatus st = rv_read_locked(a->s, a->buf, a->cnt, &got, a->job);
    if (!a->s->closing) rv_post_completion(a->s, a->job->id, st, a->buf, got, "viReadAsync");
    job_remove(a->s, a->job);
    a->s->busy--;
    pthread_cond_broadcast(&rv_close_cond);
    pthread_mutex_unlock(&rv_lock);
    free(a);
    return NULL;
}

ViStatus _VI_FUNC viReadAsync(ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPJobId jobId) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    rv_job *job = job_new(s);
    read_job_arg *a = malloc(sizeof *a);
    if (!job || !a) {
        if (job) job_remove(s, job);
        free(a);
        return leave(VI_ERROR_ALLOC);
    }
    *a = (read_job_arg){s, job, buf, cnt};
    if (jobId) *jobId = job->id;
    s->busy++;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    int rc = pthread_create(&th, &attr, read_job_main, a);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        /* no thread available: perform the read synchronously */
        ViUInt32 got = 0;
        ViStatus rs = rv_read_locked(s, buf, cnt, &got, job);
        rv_post_completion(s, job->id, rs, buf, got, "viReadAsync");
        job_remove(s, job);
        s->busy--;
        free(a);
        return leave(VI_SUCCESS_SYNC);
    }
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viWriteAsync(ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPJobId jobId) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (cnt > 0 && !buf) return leave(VI_ERROR_USER_BUF);
    ViJobId id = rv_next_job_id();
    if (jobId) *jobId = id;
    ViStatus ws = rv_write_locked(s, buf, cnt, rv_attr_raw(s, VI_ATTR_SEND_END_EN) != 0);
    rv_post_completion(s, id, ws, (ViBuf)(uintptr_t)buf, ws == VI_SUCCESS ? cnt : 0, "viWriteAsync");
    return leave(ws < VI_SUCCESS ? ws : VI_SUCCESS_SYNC);
}

ViStatus _VI_FUNC viTerminate(ViObject vi, ViUInt16 degree, ViJobId jobId) {
    RV_RECORD(vi, degree, jobId);
    rv_session *s;
    ViStatus st = enter(vi, RK_ALL_RSRC, false, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (degree != VI_NULL) return leave(VI_ERROR_INV_DEGREE);
    bool found = false;
    for (rv_job *j = s->jobs; j; j = j->next) {
        if (jobId == VI_NULL || j->id == jobId) {
            j->aborted = true;
            found = true;
        }
    }
    pthread_cond_broadcast(&s->res->cond);
    if (!found && jobId != VI_NULL) return leave(VI_ERROR_INV_JOB_ID);
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ status byte, clear, triggers */
ViStatus _VI_FUNC viReadSTB(ViSession vi, ViPUInt16 status) {
    RV_RECORD0(vi);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG & ~RK_GPIB_INTFC, true, &s);
    if (st == VI_SUCCESS) {
        if (!status) return leave(VI_ERROR_USER_BUF);
        *status = s->res->stb;
        s->res->stb &= (ViUInt16)~0x40u;
    }
    return leave(st);
}

ViStatus _VI_FUNC viClear(ViSession vi) {
    RV_RECORD0(vi);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG & ~RK_GPIB_INTFC, true, &s);
    if (st == VI_SUCCESS) {
        rv_queue_clear(s->res);
        s->wlen = 0;
        rv_event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = VI_EVENT_CLEAR;
        rv_raise(s, &ev);
    }
    return leave(st);
}

ViStatus _VI_FUNC viAssertTrigger(ViSession vi, ViUInt16 protocol) {
    RV_RECORD(vi, protocol);
    rv_session *s;
    ViStatus st = enter(vi, RK_ALL_RSRC & ~(RK_VXI_MEM | RK_PXI_MEM), true, &s);
    if (st != VI_SUCCESS) return leave(st);
    unsigned k = s->res->kind;
    bool ok;
    if (k & (RK_VXI | RK_VXI_BP | RK_PXI))
        ok = protocol == VI_TRIG_PROT_DEFAULT || protocol == VI_TRIG_PROT_ON || protocol == VI_TRIG_PROT_OFF ||
             protocol == VI_TRIG_PROT_SYNC || protocol == VI_TRIG_PROT_RESERVE || protocol == VI_TRIG_PROT_UNRESERVE;
    else
        ok = protocol == VI_TRIG_PROT_DEFAULT;
    if (!ok) return leave(VI_ERROR_INV_PROT);
    s->res->trig_count++;
    rv_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = VI_EVENT_TRIG;
    ev.recv_trig_id = (ViInt16)rv_attr_raw(s, VI_ATTR_TRIG_ID);
    rv_raise_resource(s->res, &ev);
    return leave(VI_SUCCESS);
}

static bool valid_trig_line(ViInt16 line) {
    return (line >= VI_TRIG_TTL0 && line <= VI_TRIG_PANEL_OUT) || (line >= VI_TRIG_STAR_VXI0 && line <= VI_TRIG_TTL11);
}

ViStatus _VI_FUNC viMapTrigger(ViSession vi, ViInt16 trigSrc, ViInt16 trigDest, ViUInt16 mode) {
    RV_RECORD(vi, trigSrc, trigDest, mode);
    rv_session *s;
    ViStatus st = enter(vi, RK_VXI_BP | RK_PXI, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mode != VI_NULL) return leave(VI_ERROR_INV_MODE);
    if (!valid_trig_line(trigSrc) || !valid_trig_line(trigDest) || trigSrc == trigDest)
        return leave(VI_ERROR_NSUP_LINE);
    rv_resource *r = s->res;
    for (int i = 0; i < r->ntrig_maps; i++)
        if (r->trig_maps[i][0] == trigSrc && r->trig_maps[i][1] == trigDest) return leave(VI_SUCCESS_TRIG_MAPPED);
    if (r->ntrig_maps == RV_MAX_TRIG_MAPS) return leave(VI_ERROR_LINE_IN_USE);
    r->trig_maps[r->ntrig_maps][0] = trigSrc;
    r->trig_maps[r->ntrig_maps][1] = trigDest;
    r->ntrig_maps++;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viUnmapTrigger(ViSession vi, ViInt16 trigSrc, ViInt16 trigDest) {
    RV_RECORD(vi, trigSrc, trigDest);
    rv_session *s;
    ViStatus st = enter(vi, RK_VXI_BP | RK_PXI, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (!valid_trig_line(trigSrc) || (trigDest != VI_TRIG_ALL && !valid_trig_line(trigDest)))
        return leave(VI_ERROR_NSUP_LINE);
    rv_resource *r = s->res;
    int removed = 0;
    for (int i = 0; i < r->ntrig_maps;) {
        if (r->trig_maps[i][0] == trigSrc && (trigDest == VI_TRIG_ALL || r->trig_maps[i][1] == trigDest)) {
            r->trig_maps[i][0] = r->trig_maps[r->ntrig_maps - 1][0];
            r->trig_maps[i][1] = r->trig_maps[r->ntrig_maps - 1][1];
            r->ntrig_maps--;
            removed++;
        } else {
            i++;
        }
    }
    return leave(removed ? VI_SUCCESS : VI_ERROR_TRIG_NMAPPED);
}

ViStatus _VI_FUNC viPxiReserveTriggers(ViSession vi, ViInt16 cnt, ViAInt16 trigBuses, ViAInt16 trigLines,
                                       ViPInt16 failureIndex) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    ViStatus st = enter(vi, RK_PXI, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (cnt < 0 || (cnt > 0 && (!trigBuses || !trigLines))) return leave(VI_ERROR_INV_PARAMETER);
    if (failureIndex) *failureIndex = -1;
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ formatted I/O buffers */
ViStatus _VI_FUNC viSetBuf(ViSession vi, ViUInt16 mask, ViUInt32 size) {
    RV_RECORD(vi, mask, size);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG, false, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mask == 0 || (mask & ~(VI_READ_BUF | VI_WRITE_BUF | VI_IO_IN_BUF | VI_IO_OUT_BUF)))
        return leave(VI_ERROR_INV_MASK);
    if (mask & VI_READ_BUF) rv_attr_store(s, VI_ATTR_RD_BUF_SIZE, size);
    if (mask & VI_WRITE_BUF) {
        rv_attr_store(s, VI_ATTR_WR_BUF_SIZE, size);
        if (s->wlen > size) s->wlen = size;
    }
    if (mask & VI_IO_IN_BUF) s->io_in_size = size;
    if (mask & VI_IO_OUT_BUF) s->io_out_size = size;
    return leave(VI_SUCCESS);
}

ViStatus rv_flush_write_locked(rv_session *s, bool end) {
    ViStatus st = VI_SUCCESS;
    if (s->wlen > 0 || end) st = rv_write_locked(s, s->wbuf, s->wlen, end && rv_attr_raw(s, VI_ATTR_SEND_END_EN));
    s->wlen = 0;
    return st;
}

ViStatus rv_buffered_write_locked(rv_session *s, const unsigned char *buf, size_t cnt) {
    size_t size = (size_t)rv_attr_raw(s, VI_ATTR_WR_BUF_SIZE);
    if (size == 0) return rv_write_locked(s, buf, cnt, false);
    if (s->wcap < size) {
        unsigned char *nb = realloc(s->wbuf, size);
        if (!nb) return VI_ERROR_ALLOC;
        s->wbuf = nb;
        s->wcap = size;
    }
    ViStatus st = VI_SUCCESS;
    size_t done = 0;
    while (done < cnt && st == VI_SUCCESS) {
        size_t n = size - s->wlen < cnt - done ? size - s->wlen : cnt - done;
        memcpy(s->wbuf + s->wlen, buf + done, n);
        s->wlen += n;
        done += n;
        if (s->wlen == size) st = rv_flush_write_locked(s, false);
    }
    return st;
}

ViStatus _VI_FUNC viFlush(ViSession vi, ViUInt16 mask) {
    RV_RECORD(vi, mask);
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mask == 0 || (mask & ~0xFFu)) return leave(VI_ERROR_INV_MASK);
    if ((mask & VI_WRITE_BUF) && (mask & VI_WRITE_BUF_DISCARD)) return leave(VI_ERROR_INV_MASK);
    if ((mask & VI_READ_BUF) && (mask & VI_READ_BUF_DISCARD)) return leave(VI_ERROR_INV_MASK);
    if (mask & VI_WRITE_BUF) st = rv_flush_write_locked(s, true);
    if (mask & VI_WRITE_BUF_DISCARD) s->wlen = 0;
    if (mask & (VI_IO_IN_BUF | VI_IO_IN_BUF_DISCARD)) rv_queue_clear(s->res);
    return leave(st);
}

ViStatus _VI_FUNC viBufWrite(ViSession vi, ViConstBuf buf, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    if (retCnt) *retCnt = 0;
    ViStatus st = enter(vi, RK_MSG, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (cnt > 0 && !buf) return leave(VI_ERROR_USER_BUF);
    st = rv_buffered_write_locked(s, buf, cnt);
    if (st == VI_SUCCESS && retCnt) *retCnt = cnt;
    return leave(st);
}

ViStatus _VI_FUNC viBufRead(ViSession vi, ViPBuf buf, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    return read_call(vi, buf, cnt, retCnt);
}

/* ------------------------------------------------------------------ files */
ViStatus _VI_FUNC viReadToFile(ViSession vi, ViConstString filename, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    if (retCnt) *retCnt = 0;
    if (!filename) return VI_ERROR_FILE_ACCESS;
    unsigned char *tmp = malloc(cnt ? cnt : 1);
    if (!tmp) return VI_ERROR_ALLOC;
    rv_session *s;
    ViUInt32 got = 0;
    ViStatus st = enter(vi, RK_MSG, false, &s);
    bool append = false;
    if (st == VI_SUCCESS) {
        append = rv_attr_raw(s, VI_ATTR_FILE_APPEND_EN) != 0;
        st = rv_read_locked(s, tmp, cnt, &got, NULL);
    }
    leave(st);
    if (st >= VI_SUCCESS || got > 0) {
        FILE *f = fopen(filename, append ? "ab" : "wb");
        if (!f) {
            st = VI_ERROR_FILE_ACCESS;
        } else {
            if (fwrite(tmp, 1, got, f) != got) st = VI_ERROR_FILE_IO;
            if (fclose(f) != 0) st = VI_ERROR_FILE_IO;
        }
    }
    free(tmp);
    if (retCnt) *retCnt = got;
    return st;
}

ViStatus _VI_FUNC viWriteFromFile(ViSession vi, ViConstString filename, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    if (retCnt) *retCnt = 0;
    if (!filename) return VI_ERROR_FILE_ACCESS;
    FILE *f = fopen(filename, "rb");
    if (!f) return VI_ERROR_FILE_ACCESS;
    size_t cap = 65536, len = 0;
    unsigned char *data = malloc(cap);
    ViStatus st = data ? VI_SUCCESS : VI_ERROR_ALLOC;
    while (st == VI_SUCCESS && len < cnt) {
        if (len == cap) {
            unsigned char *nd = realloc(data, cap * 2);
            if (!nd) {
                st = VI_ERROR_ALLOC;
                break;
            }
            data = nd;
            cap *= 2;
        }
        size_t want = cap - len < (size_t)cnt - len ? cap - len : (size_t)cnt - len;
        size_t n = fread(data + len, 1, want, f);
        len += n;
        if (n < want) {
            if (ferror(f)) st = VI_ERROR_FILE_IO;
            break;
        }
    }
    fclose(f);
    if (st == VI_SUCCESS) {
        rv_session *s;
        st = enter(vi, RK_MSG, true, &s);
        if (st == VI_SUCCESS) st = rv_write_locked(s, data, len, rv_attr_raw(s, VI_ATTR_SEND_END_EN) != 0);
        leave(st);
        if (st == VI_SUCCESS && retCnt) *retCnt = (ViUInt32)len;
    }
    free(data);
    return st;
}

/* ------------------------------------------------------------------ GPIB */
ViStatus _VI_FUNC viGpibControlREN(ViSession vi, ViUInt16 mode) {
    RV_RECORD(vi, mode);
    rv_session *s;
    ViStatus st = enter(vi, RK_GPIB | RK_GPIB_INTFC | RK_USB | RK_TCPIP, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mode > VI_GPIB_REN_ADDRESS_GTL) return leave(VI_ERROR_INV_MODE);
    if (mode == VI_GPIB_REN_DEASSERT || mode == VI_GPIB_REN_DEASSERT_GTL) s->res->ren_state = VI_STATE_UNASSERTED;
    else if (mode != VI_GPIB_REN_ADDRESS_GTL) s->res->ren_state = VI_STATE_ASSERTED;
    /* the interface and its devices share the REN line */
    for (size_t i = 0; i < rv_nresources; i++)
        if (rv_resources[i].intf_type == VI_INTF_GPIB && rv_resources[i].intf_num == s->res->intf_num &&
            s->res->intf_type == VI_INTF_GPIB)
            rv_resources[i].ren_state = s->res->ren_state;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viGpibControlATN(ViSession vi, ViUInt16 mode) {
    RV_RECORD(vi, mode);
    rv_session *s;
    ViStatus st = enter(vi, RK_GPIB_INTFC, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mode > VI_GPIB_ATN_ASSERT_IMMEDIATE) return leave(VI_ERROR_INV_MODE);
    s->res->atn_state = (mode == VI_GPIB_ATN_ASSERT || mode == VI_GPIB_ATN_ASSERT_IMMEDIATE) ? VI_STATE_ASSERTED
                                                                                              : VI_STATE_UNASSERTED;
    return leave(VI_SUCCESS);
}

static void post_cic(rv_session *s, ViBoolean state) {
    rv_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = VI_EVENT_GPIB_CIC;
    ev.cic_state = state;
    rv_raise(s, &ev);
}

ViStatus _VI_FUNC viGpibSendIFC(ViSession vi) {
    RV_RECORD0(vi);
    rv_session *s;
    ViStatus st = enter(vi, RK_GPIB_INTFC, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    s->res->cic_state = VI_TRUE;
    s->res->addr_state = VI_GPIB_UNADDRESSED;
    s->res->atn_state = VI_STATE_UNASSERTED;
    post_cic(s, VI_TRUE);
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viGpibCommand(ViSession vi, ViConstBuf cmd, ViUInt32 cnt, ViPUInt32 retCnt) {
    RV_RECORD(vi, cnt);
    rv_session *s;
    if (retCnt) *retCnt = 0;
    ViStatus st = enter(vi, RK_GPIB_INTFC, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (cnt > 0 && !cmd) return leave(VI_ERROR_USER_BUF);
    rv_resource *r = s->res;
    for (ViUInt32 i = 0; i < cnt; i++) {
        if (r->gpib_cmd_len == sizeof r->gpib_cmd) {
            memmove(r->gpib_cmd, r->gpib_cmd + 1, sizeof r->gpib_cmd - 1);
            r->gpib_cmd_len--;
        }
        r->gpib_cmd[r->gpib_cmd_len++] = cmd[i];
    }
    if (retCnt) *retCnt = cnt;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viGpibPassControl(ViSession vi, ViUInt16 primAddr, ViUInt16 secAddr) {
    RV_RECORD(vi, primAddr, secAddr);
    rv_session *s;
    ViStatus st = enter(vi, RK_GPIB_INTFC, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (primAddr > 30 || (secAddr != VI_NO_SEC_ADDR && secAddr > 30)) return leave(VI_ERROR_INV_PARAMETER);
    s->res->cic_state = VI_FALSE;
    post_cic(s, VI_FALSE);
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ USB */
ViStatus _VI_FUNC viUsbControlOut(ViSession vi, ViInt16 bmRequestType, ViInt16 bRequest, ViUInt16 wValue,
                                  ViUInt16 wIndex, ViUInt16 wLength, ViConstBuf buf) {
    RV_RECORD(vi, bmRequestType, bRequest, wValue, wIndex, wLength);
    rv_session *s;
    ViStatus st = enter(vi, RK_USBANY, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (bmRequestType & 0x80) return leave(VI_ERROR_INV_PARAMETER);
    if (wLength > 0 && !buf) return leave(VI_ERROR_USER_BUF);
    if (!s->res->usb_ctrl) {
        s->res->usb_ctrl = malloc(RV_USB_CTRL_MAX);
        if (!s->res->usb_ctrl) return leave(VI_ERROR_ALLOC);
    }
    if (wLength) memcpy(s->res->usb_ctrl, buf, wLength);
    s->res->usb_ctrl_len = wLength;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viUsbControlIn(ViSession vi, ViInt16 bmRequestType, ViInt16 bRequest, ViUInt16 wValue,
                                 ViUInt16 wIndex, ViUInt16 wLength, ViPBuf buf, ViPUInt16 retCnt) {
    RV_RECORD(vi, bmRequestType, bRequest, wValue, wIndex, wLength);
    rv_session *s;
    if (retCnt) *retCnt = 0;
    ViStatus st = enter(vi, RK_USBANY, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (!(bmRequestType & 0x80)) return leave(VI_ERROR_INV_PARAMETER);
    if (wLength > 0 && !buf) return leave(VI_ERROR_USER_BUF);
    size_t n = wLength < s->res->usb_ctrl_len ? wLength : s->res->usb_ctrl_len;
    if (n) memcpy(buf, s->res->usb_ctrl, n);
    if (retCnt) *retCnt = (ViUInt16)n;
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ VXI */
ViStatus _VI_FUNC viVxiCommandQuery(ViSession vi, ViUInt16 mode, ViUInt32 cmd, ViPUInt32 response) {
    RV_RECORD(vi, mode, cmd);
    rv_session *s;
    ViStatus st = enter(vi, RK_VXI, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    bool send = true, resp = true;
    ViUInt32 mask = 0xFFFF;
    switch (mode) {
    case VI_VXI_CMD16: resp = false; break;
    case VI_VXI_CMD16_RESP16: break;
    case VI_VXI_RESP16: send = false; break;
    case VI_VXI_CMD32: resp = false; break;
    case VI_VXI_CMD32_RESP16: break;
    case VI_VXI_CMD32_RESP32: mask = 0xFFFFFFFFu; break;
    case VI_VXI_RESP32: send = false; mask = 0xFFFFFFFFu; break;
    default: return leave(VI_ERROR_INV_MODE);
    }
    if (send && (mode & VI_VXI_CMD16) && cmd > 0xFFFF) return leave(VI_ERROR_INV_PARAMETER);
    if (send) s->res->vxi_last_cmd = cmd;
    if (resp) {
        if (!response) return leave(VI_ERROR_USER_BUF);
        *response = s->res->vxi_last_cmd & mask;
    }
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viAssertUtilSignal(ViSession vi, ViUInt16 line) {
    RV_RECORD(vi, line);
    rv_session *s;
    ViStatus st = enter(vi, RK_VXI | RK_VXI_BP, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (line < VI_UTIL_ASSERT_SYSRESET || line > VI_UTIL_DEASSERT_SYSFAIL) return leave(VI_ERROR_INV_LINE);
    if (s->res->kind == RK_VXI && line != VI_UTIL_ASSERT_SYSRESET) return leave(VI_ERROR_INV_LINE);
    rv_event ev;
    memset(&ev, 0, sizeof ev);
    if (line == VI_UTIL_ASSERT_SYSFAIL) {
        s->res->sysfail_state = VI_STATE_ASSERTED;
        ev.type = VI_EVENT_VXI_VME_SYSFAIL;
    } else if (line == VI_UTIL_DEASSERT_SYSFAIL) {
        s->res->sysfail_state = VI_STATE_UNASSERTED;
    } else {
        ev.type = VI_EVENT_VXI_VME_SYSRESET;
    }
    if (ev.type) rv_raise_resource(s->res, &ev);
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viAssertIntrSignal(ViSession vi, ViInt16 mode, ViUInt32 statusID) {
    RV_RECORD(vi, mode, statusID);
    rv_session *s;
    ViStatus st = enter(vi, RK_VXI | RK_VXI_BP, true, &s);
    if (st != VI_SUCCESS) return leave(st);
    if (mode < VI_ASSERT_SIGNAL || mode > VI_ASSERT_IRQ7) return leave(VI_ERROR_INV_MODE);
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ test hooks */
ViStatus refvisa_push_data(ViSession vi, const void *data, size_t size, int end) {
    rv_session *s;
    ViStatus st = enter(vi, RK_MSG, false, &s);
    if (st == VI_SUCCESS && size > 0 && !data) st = VI_ERROR_USER_BUF;
    if (st == VI_SUCCESS) st = queue_append(s->res, data, size, end != 0);
    return leave(st);
}

ViStatus refvisa_gpib_commands(ViSession vi, ViPBuf buf, ViUInt32 size, ViUInt32 *count) {
    rv_session *s;
    ViStatus st = enter(vi, RK_GPIB_INTFC, false, &s);
    if (st == VI_SUCCESS) {
        size_t n = s->res->gpib_cmd_len < size ? s->res->gpib_cmd_len : size;
        if (n && buf) memcpy(buf, s->res->gpib_cmd, n);
        if (count) *count = (ViUInt32)n;
    }
    return leave(st);
}

ViStatus refvisa_trigger_count(ViSession vi, ViUInt32 *count) {
    rv_session *s;
    ViStatus st = enter(vi, RK_ALL_RSRC, false, &s);
    if (st == VI_SUCCESS && count) *count = s->res->trig_count;
    return leave(st);
}
