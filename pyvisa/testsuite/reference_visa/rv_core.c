/* rv_core.c -- object table, resource manager, open/close, locks, status texts, test hooks. */
#include "refvisa_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pthread_mutex_t rv_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t rv_close_cond;

static pthread_once_t rv_once = PTHREAD_ONCE_INIT;

/* ------------------------------------------------------------------ time */
#if defined(__APPLE__)
#define RV_CLOCK CLOCK_REALTIME /* no pthread_condattr_setclock there */
#else
#define RV_CLOCK CLOCK_MONOTONIC
#endif

void rv_cond_init(pthread_cond_t *c) {
    pthread_condattr_t a;
    pthread_condattr_init(&a);
#if !defined(__APPLE__)
    pthread_condattr_setclock(&a, RV_CLOCK);
#endif
    pthread_cond_init(c, &a);
    pthread_condattr_destroy(&a);
}

void rv_deadline(struct timespec *ts, ViUInt32 tmo_ms) {
    if (tmo_ms == VI_TMO_INFINITE || tmo_ms > RV_INFINITE_CAP_MS) tmo_ms = RV_INFINITE_CAP_MS;
    clock_gettime(RV_CLOCK, ts);
    ts->tv_sec += tmo_ms / 1000u;
    ts->tv_nsec += (long)(tmo_ms % 1000u) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec += 1;
        ts->tv_nsec -= 1000000000L;
    }
}

int rv_wait(pthread_cond_t *c, const struct timespec *deadline) {
    int rc = pthread_cond_timedwait(c, &rv_lock, deadline);
    return rc == ETIMEDOUT ? ETIMEDOUT : 0;
}

void rv_sleep_ms(ViUInt32 ms) {
    struct timespec ts = {(time_t)(ms / 1000u), (long)(ms % 1000u) * 1000000L};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

static void init_once(void) {
    rv_cond_init(&rv_close_cond);
    for (size_t i = 0; i < rv_nresources; i++) {
        rv_cond_init(&rv_resources[i].cond);
        rv_resource_reset(&rv_resources[i]);
    }
}

void rv_init(void) { pthread_once(&rv_once, init_once); }

/* ------------------------------------------------------------------ object table
 * A handle is (generation << 16) | (slot + 1): slots are reused, generations make stale handles
 * (closed objects) invalid. */
#define RV_MAX_SLOTS 0xFFFFu

static rv_obj **slots;
static ViUInt16 *generations;
static size_t nslots, slots_cap;
static size_t *free_slots;
static size_t nfree;
static ViUInt32 live_sessions, live_objects;

/* Last call made on the object of each slot (refvisa_last_args); cleared when the slot is reused. */
typedef struct rv_call {
    const char *name; /* __func__ of the exported function; NULL: no call yet */
    ViUInt32 count;
    uint64_t args[RV_MAX_CALL_ARGS];
} rv_call;
static rv_call *calls;

rv_obj *rv_lookup(ViObject handle) {
    size_t slot = (handle & 0xFFFFu);
    if (slot == 0 || slot > nslots) return NULL;
    slot--;
    rv_obj *o = slots[slot];
    if (!o || o->handle != handle) return NULL;
    return o;
}

rv_session *rv_session_of(ViObject handle) {
    rv_obj *o = rv_lookup(handle);
    return (o && o->type == RV_OBJ_SESSION) ? (rv_session *)o : NULL;
}

ViObject rv_register(rv_obj *obj) {
    size_t slot;
    if (nfree > 0) {
        slot = free_slots[--nfree];
    } else {
        if (nslots >= RV_MAX_SLOTS) return VI_NULL;
        if (nslots == slots_cap) {
            size_t cap = slots_cap ? slots_cap * 2 : 64;
            rv_obj **ns = realloc(slots, cap * sizeof *ns);
            if (!ns) return VI_NULL;
            slots = ns;
            ViUInt16 *ng = realloc(generations, cap * sizeof *ng);
            if (!ng) return VI_NULL;
            generations = ng;
            size_t *nf = realloc(free_slots, cap * sizeof *nf);
            if (!nf) return VI_NULL;
            free_slots = nf;
            rv_call *nc = realloc(calls, cap * sizeof *nc);
            if (!nc) return VI_NULL;
            calls = nc;
            slots_cap = cap;
        }
        slot = nslots++;
        generations[slot] = 0;
    }
    generations[slot] = (ViUInt16)(generations[slot] + 1);
    if (generations[slot] == 0) generations[slot] = 1;
    slots[slot] = obj;
    memset(&calls[slot], 0, sizeof calls[slot]);
    obj->handle = ((ViObject)generations[slot] << 16) | (ViObject)(slot + 1);
    live_objects++;
    if (obj->type == RV_OBJ_SESSION) live_sessions++;
    return obj->handle;
}

void rv_unregister(ViObject handle) {
    rv_obj *o = rv_lookup(handle);
    if (!o) return;
    size_t slot = (handle & 0xFFFFu) - 1;
    slots[slot] = NULL;
    free_slots[nfree++] = slot;
    live_objects--;
    if (o->type == RV_OBJ_SESSION) live_sessions--;
}

void rv_record_call(ViObject handle, const char *name, const uint64_t *args, size_t count) {
    pthread_mutex_lock(&rv_lock);
    if (rv_lookup(handle)) {
        rv_call *c = &calls[(handle & 0xFFFFu) - 1];
        c->name = name;
        c->count = (ViUInt32)(count < RV_MAX_CALL_ARGS ? count : RV_MAX_CALL_ARGS);
        if (c->count) memcpy(c->args, args, c->count * sizeof *args);
    }
    pthread_mutex_unlock(&rv_lock);
}

size_t rv_sessions_of(rv_resource *r, rv_session **out, size_t max) {
    size_t n = 0;
    for (size_t i = 0; i < nslots && n < max; i++) {
        rv_obj *o = slots[i];
        if (o && o->type == RV_OBJ_SESSION && ((rv_session *)o)->res == r && !((rv_session *)o)->closing)
            out[n++] = (rv_session *)o;
    }
    return n;
}

/* ------------------------------------------------------------------ sessions */
ViUInt32 rv_session_tmo(rv_session *s) { return (ViUInt32)rv_attr_raw(s, VI_ATTR_TMO_VALUE); }

ViStatus rv_check_access(rv_session *s) {
    rv_resource *r = s->res;
    if (r->excl_owner && r->excl_owner != s->h.handle) return VI_ERROR_RSRC_LOCKED;
    if (r->shared_holders > 0 && s->shared_count == 0 && r->excl_owner != s->h.handle)
        return VI_ERROR_RSRC_LOCKED;
    return VI_SUCCESS;
}

static rv_session *session_new(ViSession rm, rv_resource *res) {
    rv_session *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->attrs = calloc(rv_nattr_defs, sizeof *s->attrs);
    if (!s->attrs) {
        free(s);
        return NULL;
    }
    s->h.type = RV_OBJ_SESSION;
    s->rm = rm;
    s->res = res;
    s->io_in_size = s->io_out_size = 4096;
    rv_attrs_init(s);
    rv_cond_init(&s->ev_cond);
    return s;
}

static void release_locks(rv_session *s) {
    rv_resource *r = s->res;
    if (r->excl_owner == s->h.handle) r->excl_owner = VI_NULL;
    s->excl_count = 0;
    if (s->shared_count > 0) {
        s->shared_count = 0;
        if (--r->shared_holders == 0) r->shared_key[0] = '\0';
    }
    pthread_cond_broadcast(&r->cond);
}

/* Close a session; rv_lock is held (and may be released while waiting for users to leave). */
static void session_close(rv_session *s) {
    s->closing = true;
    rv_session_abort_jobs(s);
    pthread_cond_broadcast(&s->res->cond);
    pthread_cond_broadcast(&s->ev_cond);
    struct timespec dl;
    rv_deadline(&dl, 10000);
    while (s->busy > 0) {
        if (rv_wait(&rv_close_cond, &dl) == ETIMEDOUT) break;
    }
    release_locks(s);
    rv_session_events_teardown(s);
    rv_mem_session_teardown(s);
    rv_unregister(s->h.handle);
    pthread_cond_destroy(&s->ev_cond);
    free(s->wbuf);
    free(s->attrs);
    free(s);
}

static void find_close(rv_find *f) {
    rv_unregister(f->h.handle);
    free(f->indices);
    free(f);
}

static void event_close(rv_event *e) {
    rv_unregister(e->h.handle);
    free(e);
}

/* Close any object by handle; rv_lock is held. */
static ViStatus close_object(ViObject handle);

static void close_owned_by(ViObject owner, bool events_only) {
    for (;;) {
        ViObject victim = VI_NULL;
        for (size_t i = 0; i < nslots && !victim; i++) {
            rv_obj *o = slots[i];
            if (!o) continue;
            if (o->type == RV_OBJ_EVENT && ((rv_event *)o)->session == owner) victim = o->handle;
            if (events_only) continue;
            if (o->type == RV_OBJ_SESSION && ((rv_session *)o)->rm == owner) victim = o->handle;
            if (o->type == RV_OBJ_FIND && ((rv_find *)o)->rm == owner) victim = o->handle;
        }
        if (!victim) return;
        close_object(victim);
    }
}

static ViStatus close_object(ViObject handle) {
    rv_obj *o = rv_lookup(handle);
    if (!o) return VI_ERROR_INV_OBJECT;
    switch (o->type) {
    case RV_OBJ_RM:
        close_owned_by(handle, false);
        rv_unregister(handle);
        free(o);
        break;
    case RV_OBJ_SESSION: {
        rv_session *s = (rv_session *)o;
        if (s->closing) return VI_ERROR_INV_OBJECT;
        session_close(s);
        close_owned_by(handle, true);
        break;
    }
    case RV_OBJ_FIND: find_close((rv_find *)o); break;
    case RV_OBJ_EVENT: event_close((rv_event *)o); break;
    default: return VI_ERROR_INV_OBJECT;
    }
    return VI_SUCCESS;
}

ViStatus rv_close_locked(ViObject handle) { return close_object(handle); }

/* ------------------------------------------------------------------ locking */
static ViStatus lock_locked(rv_session *s, ViAccessMode type, ViUInt32 timeout, const char *requested,
                            char *access_key) {
    rv_resource *r = s->res;
    ViSession me = s->h.handle;
    struct timespec dl;
    rv_deadline(&dl, timeout);
    ViStatus st = VI_SUCCESS;
    if (type == VI_EXCLUSIVE_LOCK) {
        if (r->excl_owner == me) {
            s->excl_count++;
            return VI_SUCCESS_NESTED_EXCLUSIVE;
        }
        s->busy++;
        while (r->excl_owner != VI_NULL || r->shared_holders - (s->shared_count > 0 ? 1 : 0) > 0) {
            if (s->closing) { st = VI_ERROR_ABORT; break; }
            if (timeout == VI_TMO_IMMEDIATE) { st = VI_ERROR_RSRC_LOCKED; break; }
            if (rv_wait(&r->cond, &dl) == ETIMEDOUT && (r->excl_owner != VI_NULL ||
                    r->shared_holders - (s->shared_count > 0 ? 1 : 0) > 0)) {
                st = VI_ERROR_TMO;
                break;
            }
        }
        if (st == VI_SUCCESS) {
            r->excl_owner = me;
            s->excl_count = 1;
        }
        s->busy--;
        pthread_cond_broadcast(&rv_close_cond);
        return st;
    }
    if (type != VI_SHARED_LOCK) return VI_ERROR_INV_LOCK_TYPE;
    if (s->shared_count > 0) {
        s->shared_count++;
        if (access_key) snprintf(access_key, RV_STRLEN, "%s", r->shared_key);
        return VI_SUCCESS_NESTED_SHARED;
    }
    const char *want = (requested && requested[0]) ? requested : NULL;
    s->busy++;
    for (;;) {
        bool excl_ok = r->excl_owner == VI_NULL || r->excl_owner == me;
        bool shared_ok = r->shared_holders == 0 || (want && strcmp(want, r->shared_key) == 0);
        if (excl_ok && shared_ok) break;
        if (excl_ok && r->shared_holders > 0 && want) { st = VI_ERROR_INV_ACCESS_KEY; break; }
        if (s->closing) { st = VI_ERROR_ABORT; break; }
        if (timeout == VI_TMO_IMMEDIATE) { st = VI_ERROR_RSRC_LOCKED; break; }
        if (rv_wait(&r->cond, &dl) == ETIMEDOUT) {
            excl_ok = r->excl_owner == VI_NULL || r->excl_owner == me;
            shared_ok = r->shared_holders == 0 || (want && strcmp(want, r->shared_key) == 0);
            if (!(excl_ok && shared_ok)) { st = VI_ERROR_TMO; break; }
        }
    }
    if (st == VI_SUCCESS) {
        if (r->shared_holders == 0) {
            static unsigned key_counter;
            if (want) snprintf(r->shared_key, RV_STRLEN, "%s", want);
            else snprintf(r->shared_key, RV_STRLEN, "refvisa-key-%u", ++key_counter);
        }
        r->shared_holders++;
        s->shared_count = 1;
        if (access_key) snprintf(access_key, RV_STRLEN, "%s", r->shared_key);
    }
    s->busy--;
    pthread_cond_broadcast(&rv_close_cond);
    return st;
}

ViStatus _VI_FUNC viLock(ViSession vi, ViAccessMode lockType, ViUInt32 timeout, ViConstKeyId requestedKey,
                         ViChar _VI_FAR accessKey[]) {
    RV_RECORD(vi, lockType, timeout);
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    ViStatus st = s ? lock_locked(s, lockType, timeout, requestedKey, accessKey) : VI_ERROR_INV_OBJECT;
    pthread_mutex_unlock(&rv_lock);
    return st;
}

ViStatus _VI_FUNC viUnlock(ViSession vi) {
    RV_RECORD0(vi);
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViStatus st;
    rv_session *s = rv_session_of(vi);
    if (!s) {
        st = VI_ERROR_INV_OBJECT;
    } else if (s->excl_count > 0) {
        if (--s->excl_count == 0) {
            s->res->excl_owner = VI_NULL;
            st = VI_SUCCESS;
        } else {
            st = VI_SUCCESS_NESTED_EXCLUSIVE;
        }
    } else if (s->shared_count > 0) {
        if (--s->shared_count == 0) {
            if (--s->res->shared_holders == 0) s->res->shared_key[0] = '\0';
            st = VI_SUCCESS;
        } else {
            st = VI_SUCCESS_NESTED_SHARED;
        }
    } else {
        st = VI_ERROR_SESN_NLOCKED;
    }
    if (s) pthread_cond_broadcast(&s->res->cond);
    pthread_mutex_unlock(&rv_lock);
    return st;
}

/* ------------------------------------------------------------------ resource manager */
ViStatus _VI_FUNC viOpenDefaultRM(ViPSession vi) {
    rv_init();
    if (!vi) return VI_ERROR_USER_BUF;
    rv_rm *rm = calloc(1, sizeof *rm);
    if (!rm) return VI_ERROR_ALLOC;
    rm->h.type = RV_OBJ_RM;
    rm->tmo = 2000;
    rm->max_queue = 50;
    pthread_mutex_lock(&rv_lock);
    ViObject h = rv_register(&rm->h);
    pthread_mutex_unlock(&rv_lock);
    if (!h) {
        free(rm);
        return VI_ERROR_ALLOC;
    }
    *vi = h;
    return VI_SUCCESS;
}

static rv_rm *rm_of(ViSession handle) {
    rv_obj *o = rv_lookup(handle);
    return (o && o->type == RV_OBJ_RM) ? (rv_rm *)o : NULL;
}

ViStatus _VI_FUNC viOpen(ViSession sesn, ViConstRsrc name, ViAccessMode mode, ViUInt32 timeout, ViPSession vi) {
    RV_RECORD(sesn, mode, timeout);
    rv_init();
    if (!vi) return VI_ERROR_USER_BUF;
    *vi = VI_NULL;
    if (!name) return VI_ERROR_INV_RSRC_NAME;
    pthread_mutex_lock(&rv_lock);
    ViStatus st = VI_SUCCESS;
    rv_resource *res = NULL;
    rv_session *s = NULL;
    if (!rm_of(sesn)) {
        st = VI_ERROR_INV_OBJECT;
        goto out;
    }
    st = rv_parse_name(name, &res, NULL);
    if (st < VI_SUCCESS) goto out;
    if ((mode & ~(ViAccessMode)(VI_EXCLUSIVE_LOCK | VI_SHARED_LOCK | VI_LOAD_CONFIG)) ||
        ((mode & VI_EXCLUSIVE_LOCK) && (mode & VI_SHARED_LOCK))) {
        st = VI_ERROR_INV_ACC_MODE;
        goto out;
    }
    s = session_new(sesn, res);
    if (!s || !rv_register(&s->h)) {
        if (s) {
            free(s->attrs);
            free(s);
        }
        st = VI_ERROR_ALLOC;
        goto out;
    }
    if (mode & (VI_EXCLUSIVE_LOCK | VI_SHARED_LOCK)) {
        ViAccessMode type = (mode & VI_EXCLUSIVE_LOCK) ? VI_EXCLUSIVE_LOCK : VI_SHARED_LOCK;
        ViStatus ls = lock_locked(s, type, timeout, NULL, NULL);
        if (s->closing) {
            /* the resource manager was closed while we waited: its closer frees the session */
            st = VI_ERROR_ABORT;
            goto out;
        }
        if (ls < VI_SUCCESS) {
            session_close(s);
            st = VI_ERROR_RSRC_LOCKED;
            goto out;
        }
    }
    *vi = s->h.handle;
out:
    pthread_mutex_unlock(&rv_lock);
    return st;
}

ViStatus _VI_FUNC viClose(ViObject vi) {
    RV_RECORD0(vi); /* dropped with the object, kept when the close fails */
    rv_init();
    if (vi == VI_NULL) return VI_WARN_NULL_OBJECT;
    pthread_mutex_lock(&rv_lock);
    ViStatus st = close_object(vi);
    pthread_mutex_unlock(&rv_lock);
    return st;
}

/* ------------------------------------------------------------------ status texts */
ViStatus _VI_FUNC viStatusDesc(ViObject vi, ViStatus status, ViChar _VI_FAR desc[]) {
    RV_RECORD(vi, status);
    if (!desc) return VI_ERROR_USER_BUF;
    for (const rv_status_text *t = rv_status_texts; t->name; t++) {
        if (t->code == status) {
            snprintf(desc, RV_STRLEN, "%s", t->desc);
            return VI_SUCCESS;
        }
    }
    snprintf(desc, RV_STRLEN, "Unknown status code 0x%08X.", (unsigned)status);
    return VI_WARN_UNKNOWN_STATUS;
}

/* ------------------------------------------------------------------ test hooks */
ViUInt32 refvisa_open_session_count(void) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViUInt32 n = live_sessions;
    pthread_mutex_unlock(&rv_lock);
    return n;
}

ViUInt32 refvisa_open_object_count(void) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViUInt32 n = live_objects;
    pthread_mutex_unlock(&rv_lock);
    return n;
}

void refvisa_reset(void) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    for (int pass = 0; pass < 3; pass++) {
        for (size_t i = 0; i < nslots; i++) {
            rv_obj *o = slots[i];
            if (o && (pass > 0 || o->type == RV_OBJ_RM)) close_object(o->handle);
        }
    }
    for (size_t i = 0; i < rv_nresources; i++) rv_resource_reset(&rv_resources[i]);
    rv_events_reset();
    pthread_mutex_unlock(&rv_lock);
}

ViStatus refvisa_set_stb(ViSession vi, ViUInt16 stb) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    if (s) s->res->stb = stb;
    pthread_mutex_unlock(&rv_lock);
    return s ? VI_SUCCESS : VI_ERROR_INV_OBJECT;
}

ViStatus refvisa_pending_bytes(ViSession vi, ViUInt32 *count) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    rv_session *s = rv_session_of(vi);
    if (s && count) *count = (ViUInt32)(s->res->qtail - s->res->qhead);
    pthread_mutex_unlock(&rv_lock);
    return s ? VI_SUCCESS : VI_ERROR_INV_OBJECT;
}

ViStatus refvisa_last_args(ViObject vi, ViChar name[RV_STRLEN], ViUInt64 args[RV_MAX_CALL_ARGS], ViUInt32 *count) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViStatus st = VI_ERROR_INV_OBJECT;
    if (rv_lookup(vi)) {
        const rv_call *c = &calls[(vi & 0xFFFFu) - 1];
        if (name) snprintf(name, RV_STRLEN, "%s", c->name ? c->name : "");
        if (args) {
            memset(args, 0, RV_MAX_CALL_ARGS * sizeof *args);
            memcpy(args, c->args, c->count * sizeof *args);
        }
        if (count) *count = c->count;
        st = VI_SUCCESS;
    }
    pthread_mutex_unlock(&rv_lock);
    return st;
}
