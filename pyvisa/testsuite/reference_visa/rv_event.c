/* rv_event.c -- event queue and handler mechanisms, the dispatcher thread and event contexts. */
#include "refvisa_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ViEventType event_types[RV_NEVENT_TYPES] = {
    VI_EVENT_IO_COMPLETION, VI_EVENT_TRIG,          VI_EVENT_SERVICE_REQ,     VI_EVENT_CLEAR,
    VI_EVENT_EXCEPTION,     VI_EVENT_GPIB_CIC,      VI_EVENT_GPIB_TALK,       VI_EVENT_GPIB_LISTEN,
    VI_EVENT_VXI_VME_SYSFAIL, VI_EVENT_VXI_VME_SYSRESET, VI_EVENT_VXI_SIGP,  VI_EVENT_VXI_VME_INTR,
    VI_EVENT_PXI_INTR,      VI_EVENT_TCPIP_CONNECT, VI_EVENT_USB_INTR,
};

/* resource kinds on which each event type exists */
static const unsigned event_kinds[RV_NEVENT_TYPES] = {
    RK_ALL_RSRC,
    RK_ALL_RSRC & ~(RK_VXI_MEM | RK_PXI_MEM),
    RK_GPIB | RK_GPIB_INTFC | RK_TCPIP | RK_USB | RK_VXI,
    RK_MSG,
    RK_ALL_RSRC,
    RK_GPIB_INTFC,
    RK_GPIB_INTFC,
    RK_GPIB_INTFC,
    RK_VXI_BP,
    RK_VXI_BP,
    RK_VXI,
    RK_VXI | RK_VXI_BP,
    RK_PXI,
    RK_SOCKET,
    RK_USBANY,
};

int rv_event_index(ViEventType type) {
    for (int i = 0; i < RV_NEVENT_TYPES; i++)
        if (event_types[i] == type) return i;
    return -1;
}

static bool supported(rv_session *s, int idx) { return idx >= 0 && (event_kinds[idx] & s->res->kind); }

/* ------------------------------------------------------------------ dispatcher */
typedef struct rv_work {
    struct rv_work *next;
    ViSession vi;
    rv_event *ev;
} rv_work;

static rv_work *wq_head, *wq_tail;
static pthread_cond_t wq_cond, call_done_cond;
static bool dispatcher_started;
static pthread_t dispatcher_thread;
static ViSession in_call_session;
static ViUInt32 handler_calls;
static ViUInt32 pxi_intr_seq; /* sequence numbers of the PXI interrupts raised by the test hook */

static void *dispatcher_main(void *unused) {
    (void)unused;
    pthread_mutex_lock(&rv_lock);
    for (;;) {
        while (!wq_head) pthread_cond_wait(&wq_cond, &rv_lock);
        rv_work *w = wq_head;
        wq_head = w->next;
        if (!wq_head) wq_tail = NULL;
        rv_event *ev = w->ev;
        rv_session *s = rv_session_of(w->vi);
        int idx = rv_event_index(ev->type);
        free(w);
        if (!s || s->closing || s->hndlr_mode[idx] != VI_HNDLR) {
            free(ev);
            continue;
        }
        size_t n = 0;
        for (rv_handler *h = s->handlers; h; h = h->next) n += h->type == ev->type;
        rv_handler *calls = n ? malloc(n * sizeof *calls) : NULL;
        if (!calls || !rv_register(&ev->h)) {
            free(calls);
            free(ev);
            continue;
        }
        size_t k = 0;
        for (rv_handler *h = s->handlers; h; h = h->next)
            if (h->type == ev->type) calls[k++] = *h;
        ViSession vi = s->h.handle;
        ViEvent eh = ev->h.handle;
        ViEventType type = ev->type;
        in_call_session = vi;
        pthread_mutex_unlock(&rv_lock);
        for (size_t i = 0; i < n; i++) {
            ViStatus r = calls[i].fn(vi, type, eh, calls[i].user);
            if (r == VI_SUCCESS_NCHAIN) break;
        }
        pthread_mutex_lock(&rv_lock);
        free(calls);
        handler_calls += (ViUInt32)n;
        in_call_session = VI_NULL;
        pthread_cond_broadcast(&call_done_cond);
        if (rv_lookup(eh) == &ev->h) {
            rv_unregister(eh);
            free(ev);
        }
    }
    return NULL;
}

static void dispatch(rv_session *s, rv_event *ev) {
    if (!dispatcher_started) {
        rv_cond_init(&wq_cond);
        rv_cond_init(&call_done_cond);
        if (pthread_create(&dispatcher_thread, NULL, dispatcher_main, NULL) != 0) {
            free(ev);
            return;
        }
        pthread_detach(dispatcher_thread);
        dispatcher_started = true;
    }
    rv_work *w = malloc(sizeof *w);
    if (!w) {
        free(ev);
        return;
    }
    w->next = NULL;
    w->vi = s->h.handle;
    w->ev = ev;
    if (wq_tail) wq_tail->next = w;
    else wq_head = w;
    wq_tail = w;
    pthread_cond_signal(&wq_cond);
}

/* Wait until the dispatcher is not running a handler of session `vi` (unless we are the dispatcher). */
static void wait_handler_idle(ViSession vi) {
    if (!dispatcher_started || pthread_equal(pthread_self(), dispatcher_thread)) return;
    struct timespec dl;
    rv_deadline(&dl, 10000);
    while (in_call_session == vi) {
        if (rv_wait(&call_done_cond, &dl) == ETIMEDOUT) break;
    }
}

/* ------------------------------------------------------------------ raising events */
static rv_event *event_copy(rv_session *s, const rv_event *proto) {
    rv_event *e = malloc(sizeof *e);
    if (!e) return NULL;
    *e = *proto;
    e->h.type = RV_OBJ_EVENT;
    e->h.handle = VI_NULL;
    e->next = NULL;
    e->session = s->h.handle;
    return e;
}

static void list_append(rv_event **head, rv_event **tail, rv_event *e) {
    if (*tail) (*tail)->next = e;
    else *head = e;
    *tail = e;
}

static int list_len(rv_event *e) {
    int n = 0;
    for (; e; e = e->next) n++;
    return n;
}

void rv_raise(rv_session *s, const rv_event *proto) {
    int idx = rv_event_index(proto->type);
    if (!supported(s, idx) || s->closing) return;
    ViUInt32 max_queue = (ViUInt32)rv_attr_raw(s, VI_ATTR_MAX_QUEUE_LENGTH);
    if (s->queue_en[idx] && (ViUInt32)s->queue_len < max_queue) {
        rv_event *e = event_copy(s, proto);
        if (e) {
            list_append(&s->queue_head, &s->queue_tail, e);
            s->queue_len++;
            pthread_cond_broadcast(&s->ev_cond);
        }
    }
    if (s->hndlr_mode[idx] == VI_HNDLR) {
        rv_event *e = event_copy(s, proto);
        if (e) dispatch(s, e);
    } else if (s->hndlr_mode[idx] == VI_SUSPEND_HNDLR && (ViUInt32)list_len(s->susp_head) < max_queue) {
        rv_event *e = event_copy(s, proto);
        if (e) list_append(&s->susp_head, &s->susp_tail, e);
    }
}

void rv_raise_resource(rv_resource *r, const rv_event *proto) {
    rv_session *list[256];
    size_t n = rv_sessions_of(r, list, sizeof list / sizeof list[0]);
    for (size_t i = 0; i < n; i++) rv_raise(list[i], proto);
}

/* Remove the events of the matching types from a list; returns how many were removed. */
static int list_discard(rv_event **head, rv_event **tail, int idx) {
    int removed = 0;
    rv_event *prev = NULL;
    for (rv_event *e = *head; e;) {
        rv_event *next = e->next;
        if (idx < 0 || e->type == event_types[idx]) {
            if (prev) prev->next = next;
            else *head = next;
            if (*tail == e) *tail = prev;
            free(e);
            removed++;
        } else {
            prev = e;
        }
        e = next;
    }
    return removed;
}

void rv_session_events_teardown(rv_session *s) {
    list_discard(&s->queue_head, &s->queue_tail, -1);
    s->queue_len = 0;
    list_discard(&s->susp_head, &s->susp_tail, -1);
    for (rv_handler *h = s->handlers; h;) {
        rv_handler *next = h->next;
        free(h);
        h = next;
    }
    s->handlers = NULL;
    rv_work *prev = NULL;
    for (rv_work *w = wq_head; w;) {
        rv_work *next = w->next;
        if (w->vi == s->h.handle) {
            if (prev) prev->next = next;
            else wq_head = next;
            if (wq_tail == w) wq_tail = prev;
            free(w->ev);
            free(w);
        } else {
            prev = w;
        }
        w = next;
    }
    wait_handler_idle(s->h.handle);
}

void rv_events_reset(void) {
    pxi_intr_seq = 0;
    while (wq_head) {
        rv_work *w = wq_head;
        wq_head = w->next;
        free(w->ev);
        free(w);
    }
    wq_tail = NULL;
}

/* ------------------------------------------------------------------ event contexts */
static void put_u32(void *dst, ViUInt32 v) { memcpy(dst, &v, sizeof v); }

ViStatus rv_event_get_attr(rv_event *e, ViAttr attr, void *value) {
    if (attr == VI_ATTR_EVENT_TYPE) {
        put_u32(value, e->type);
        return VI_SUCCESS;
    }
    bool io = e->type == VI_EVENT_IO_COMPLETION;
    switch (attr) {
    case VI_ATTR_STATUS:
        if (!io && e->type != VI_EVENT_EXCEPTION) break;
        memcpy(value, &e->status, sizeof e->status);
        return VI_SUCCESS;
    case VI_ATTR_OPER_NAME: {
        if (!io && e->type != VI_EVENT_EXCEPTION) break;
        const char *name = e->oper_name ? e->oper_name : "";
        size_t n = strlen(name);
        memcpy(value, name, n + 1);
        return VI_SUCCESS;
    }
    case VI_ATTR_JOB_ID:
        if (!io) break;
        put_u32(value, e->job_id);
        return VI_SUCCESS;
    case VI_ATTR_BUFFER:
        if (!io) break;
        memcpy(value, &e->buffer, sizeof e->buffer);
        return VI_SUCCESS;
    case VI_ATTR_RET_COUNT:
        if (!io) break;
#if defined(_VISA_ENV_IS_64_BIT)
        memcpy(value, &e->ret_count, sizeof e->ret_count);
        return VI_SUCCESS;
    case VI_ATTR_RET_COUNT_32:
        if (!io) break;
#endif
        put_u32(value, (ViUInt32)e->ret_count);
        return VI_SUCCESS;
    case VI_ATTR_RECV_TRIG_ID:
        if (e->type != VI_EVENT_TRIG) break;
        memcpy(value, &e->recv_trig_id, sizeof e->recv_trig_id);
        return VI_SUCCESS;
    case VI_ATTR_GPIB_RECV_CIC_STATE:
        if (e->type != VI_EVENT_GPIB_CIC) break;
        memcpy(value, &e->cic_state, sizeof e->cic_state);
        return VI_SUCCESS;
    case VI_ATTR_SIGP_STATUS_ID: {
        if (e->type != VI_EVENT_VXI_SIGP) break;
        ViUInt16 id = (ViUInt16)e->status_id;
        memcpy(value, &id, sizeof id);
        return VI_SUCCESS;
    }
    case VI_ATTR_INTR_STATUS_ID:
        if (e->type != VI_EVENT_VXI_VME_INTR) break;
        put_u32(value, e->status_id);
        return VI_SUCCESS;
    case VI_ATTR_RECV_INTR_LEVEL:
        if (e->type != VI_EVENT_VXI_VME_INTR) break;
        memcpy(value, &e->intr_level, sizeof e->intr_level);
        return VI_SUCCESS;
    case VI_ATTR_PXI_RECV_INTR_SEQ:
        if (e->type != VI_EVENT_PXI_INTR) break;
        put_u32(value, e->pxi_seq);
        return VI_SUCCESS;
    case VI_ATTR_PXI_RECV_INTR_DATA:
        if (e->type != VI_EVENT_PXI_INTR) break;
        put_u32(value, e->pxi_data);
        return VI_SUCCESS;
    case VI_ATTR_USB_RECV_INTR_SIZE:
        if (e->type != VI_EVENT_USB_INTR) break;
        memcpy(value, &e->usb_size, sizeof e->usb_size);
        return VI_SUCCESS;
    case VI_ATTR_USB_RECV_INTR_DATA:
        if (e->type != VI_EVENT_USB_INTR) break;
        memcpy(value, e->usb_data, e->usb_size);
        return VI_SUCCESS;
    case VI_ATTR_RECV_TCPIP_ADDR:
        if (e->type != VI_EVENT_TCPIP_CONNECT) break;
        memcpy(value, e->tcpip_addr, strlen(e->tcpip_addr) + 1);
        return VI_SUCCESS;
    default: break;
    }
    return VI_ERROR_NSUP_ATTR;
}

/* ------------------------------------------------------------------ operations */
static ViStatus enter(ViSession vi, rv_session **out) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    *out = rv_session_of(vi);
    return *out ? VI_SUCCESS : VI_ERROR_INV_OBJECT;
}

static ViStatus leave(ViStatus st) {
    pthread_mutex_unlock(&rv_lock);
    return st;
}

static bool has_handler(rv_session *s, ViEventType type) {
    for (rv_handler *h = s->handlers; h; h = h->next)
        if (h->type == type) return true;
    return false;
}

ViStatus _VI_FUNC viEnableEvent(ViSession vi, ViEventType eventType, ViUInt16 mechanism, ViEventFilter context) {
    RV_RECORD(vi, eventType, mechanism, context);
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    int idx = rv_event_index(eventType);
    if (!supported(s, idx)) return leave(VI_ERROR_INV_EVENT);
    if (mechanism != VI_QUEUE && mechanism != VI_HNDLR && mechanism != VI_SUSPEND_HNDLR &&
        mechanism != (VI_QUEUE | VI_HNDLR) && mechanism != (VI_QUEUE | VI_SUSPEND_HNDLR))
        return leave(VI_ERROR_INV_MECH);
    if (context != VI_NULL) return leave(VI_ERROR_INV_CONTEXT);
    if ((mechanism & VI_HNDLR) && !has_handler(s, eventType)) return leave(VI_ERROR_HNDLR_NINSTALLED);
    bool already = false;
    if (mechanism & VI_QUEUE) {
        already |= s->queue_en[idx];
        s->queue_en[idx] = true;
    }
    ViUInt16 hmode = mechanism & (VI_HNDLR | VI_SUSPEND_HNDLR);
    if (hmode) {
        already |= s->hndlr_mode[idx] == hmode;
        ViUInt16 old = s->hndlr_mode[idx];
        s->hndlr_mode[idx] = hmode;
        if (old == VI_SUSPEND_HNDLR && hmode == VI_HNDLR) {
            /* deliver the occurrences kept while suspended */
            rv_event *prev = NULL;
            for (rv_event *e = s->susp_head; e;) {
                rv_event *next = e->next;
                if (e->type == eventType) {
                    if (prev) prev->next = next;
                    else s->susp_head = next;
                    if (s->susp_tail == e) s->susp_tail = prev;
                    e->next = NULL;
                    dispatch(s, e);
                } else {
                    prev = e;
                }
                e = next;
            }
        }
    }
    return leave(already ? VI_SUCCESS_EVENT_EN : VI_SUCCESS);
}

/* Arguments of viDisableEvent/viDiscardEvents: the event index (-1 for VI_ALL_ENABLED_EVENTS). */
static ViStatus check_type_and_mechanism(rv_session *s, ViEventType eventType, ViUInt16 mechanism, int *idx) {
    *idx = -1;
    if (eventType != VI_ALL_ENABLED_EVENTS) {
        *idx = rv_event_index(eventType);
        if (!supported(s, *idx)) return VI_ERROR_INV_EVENT;
    }
    if (mechanism == 0 || (mechanism != VI_ALL_MECH && (mechanism & ~(VI_QUEUE | VI_HNDLR | VI_SUSPEND_HNDLR))))
        return VI_ERROR_INV_MECH;
    return VI_SUCCESS;
}

ViStatus _VI_FUNC viDisableEvent(ViSession vi, ViEventType eventType, ViUInt16 mechanism) {
    RV_RECORD(vi, eventType, mechanism);
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    int idx;
    ViStatus st = check_type_and_mechanism(s, eventType, mechanism, &idx);
    if (st != VI_SUCCESS) return leave(st);
    bool any = false;
    for (int i = 0; i < RV_NEVENT_TYPES; i++) {
        if (idx >= 0 && i != idx) continue;
        if ((mechanism & VI_QUEUE) && s->queue_en[i]) {
            s->queue_en[i] = false;
            any = true;
        }
        if ((mechanism & (VI_HNDLR | VI_SUSPEND_HNDLR)) && s->hndlr_mode[i]) {
            s->hndlr_mode[i] = 0;
            any = true;
        }
    }
    return leave(any ? VI_SUCCESS : VI_SUCCESS_EVENT_DIS);
}

ViStatus _VI_FUNC viDiscardEvents(ViSession vi, ViEventType eventType, ViUInt16 mechanism) {
    RV_RECORD(vi, eventType, mechanism);
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    int idx;
    ViStatus st = check_type_and_mechanism(s, eventType, mechanism, &idx);
    if (st != VI_SUCCESS) return leave(st);
    int removed = 0;
    if (mechanism & VI_QUEUE) {
        int n = list_discard(&s->queue_head, &s->queue_tail, idx);
        s->queue_len -= n;
        removed += n;
    }
    if (mechanism & VI_SUSPEND_HNDLR) removed += list_discard(&s->susp_head, &s->susp_tail, idx);
    return leave(removed ? VI_SUCCESS : VI_SUCCESS_QUEUE_EMPTY);
}

static bool queue_match(rv_session *s, rv_event *e, int idx) {
    int ei = rv_event_index(e->type);
    return idx < 0 ? s->queue_en[ei] : ei == idx;
}

ViStatus _VI_FUNC viWaitOnEvent(ViSession vi, ViEventType inEventType, ViUInt32 timeout,
                                ViPEventType outEventType, ViPEvent outContext) {
    RV_RECORD(vi, inEventType, timeout);
    rv_session *s;
    if (outEventType) *outEventType = 0;
    if (outContext) *outContext = VI_NULL;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    int idx = -1;
    if (inEventType == VI_ALL_ENABLED_EVENTS) {
        bool any = false;
        for (int i = 0; i < RV_NEVENT_TYPES; i++) any |= s->queue_en[i];
        if (!any) return leave(VI_ERROR_NENABLED);
    } else {
        idx = rv_event_index(inEventType);
        if (!supported(s, idx)) return leave(VI_ERROR_INV_EVENT);
        if (!s->queue_en[idx]) return leave(VI_ERROR_NENABLED);
    }
    struct timespec dl;
    rv_deadline(&dl, timeout);
    ViStatus st;
    s->busy++;
    for (;;) {
        rv_event *prev = NULL, *found = NULL;
        for (rv_event *e = s->queue_head; e; prev = e, e = e->next) {
            if (queue_match(s, e, idx)) {
                found = e;
                break;
            }
        }
        if (found) {
            if (prev) prev->next = found->next;
            else s->queue_head = found->next;
            if (s->queue_tail == found) s->queue_tail = prev;
            s->queue_len--;
            found->next = NULL;
            bool more = false;
            for (rv_event *e = s->queue_head; e && !more; e = e->next) more = queue_match(s, e, idx);
            if (outEventType) *outEventType = found->type;
            if (outContext && rv_register(&found->h)) *outContext = found->h.handle;
            else free(found);
            st = more ? VI_SUCCESS_QUEUE_NEMPTY : VI_SUCCESS;
            break;
        }
        if (s->closing) { st = VI_ERROR_ABORT; break; }
        if (timeout == VI_TMO_IMMEDIATE) { st = VI_ERROR_TMO; break; }
        if (rv_wait(&s->ev_cond, &dl) == ETIMEDOUT) {
            bool any = false;
            for (rv_event *e = s->queue_head; e && !any; e = e->next) any = queue_match(s, e, idx);
            if (!any) { st = VI_ERROR_TMO; break; }
        }
    }
    s->busy--;
    pthread_cond_broadcast(&rv_close_cond);
    return leave(st);
}

ViStatus _VI_FUNC viInstallHandler(ViSession vi, ViEventType eventType, ViHndlr handler, ViAddr userHandle) {
    RV_RECORD(vi, eventType, RV_ADDR(userHandle));
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    if (!supported(s, rv_event_index(eventType))) return leave(VI_ERROR_INV_EVENT);
    if (!handler) return leave(VI_ERROR_INV_HNDLR_REF);
    rv_handler *h = malloc(sizeof *h);
    if (!h) return leave(VI_ERROR_ALLOC);
    h->type = eventType;
    h->fn = handler;
    h->user = userHandle;
    h->next = s->handlers;
    s->handlers = h;
    return leave(VI_SUCCESS);
}

ViStatus _VI_FUNC viUninstallHandler(ViSession vi, ViEventType eventType, ViHndlr handler, ViAddr userHandle) {
    RV_RECORD(vi, eventType, RV_ADDR(userHandle));
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    if (eventType != VI_ALL_ENABLED_EVENTS && !supported(s, rv_event_index(eventType)))
        return leave(VI_ERROR_INV_EVENT);
    /* Every handler with this reference (any, for VI_ANY_HNDLR) and this user handle. */
    int removed = 0;
    for (rv_handler **p = &s->handlers; *p;) {
        rv_handler *h = *p;
        bool type_ok = eventType == VI_ALL_ENABLED_EVENTS || h->type == eventType;
        if (type_ok && (handler == VI_NULL || h->fn == handler) && h->user == userHandle) {
            *p = h->next;
            free(h);
            removed++;
        } else {
            p = &h->next;
        }
    }
    if (!removed) return leave(VI_ERROR_INV_HNDLR_REF);
    wait_handler_idle(vi);
    return leave(VI_SUCCESS);
}

/* ------------------------------------------------------------------ test hooks */
typedef struct raise_arg {
    ViSession vi;
    ViEventType type;
    ViUInt32 delay_ms;
} raise_arg;

/* Fill the event-specific attributes of an event raised by refvisa_raise_event (documented in
 * __init__.py). */
static void fill_test_event(rv_session *s, rv_event *ev) {
    rv_resource *r = s->res;
    switch (ev->type) {
    case VI_EVENT_IO_COMPLETION: ev->oper_name = "refvisa_raise_event"; break;
    case VI_EVENT_TRIG: ev->recv_trig_id = (ViInt16)rv_attr_raw(s, VI_ATTR_TRIG_ID); break;
    case VI_EVENT_GPIB_CIC: ev->cic_state = r->cic_state; break;
    case VI_EVENT_VXI_SIGP: ev->status_id = 0x4000u | (ViUInt32)(r->la & 0xFF); break;
    case VI_EVENT_VXI_VME_INTR:
        ev->status_id = 0x4000u | (ViUInt32)(r->la & 0xFF);
        ev->intr_level = 1;
        break;
    case VI_EVENT_PXI_INTR:
        ev->pxi_seq = ++pxi_intr_seq;
        ev->pxi_data = 0xC0DE0000u | (ViUInt32)(r->la & 0xFF);
        break;
    case VI_EVENT_USB_INTR:
        /* a USBTMC SRQ notification: bNotify1 0x81, then the status byte */
        ev->usb_size = 2;
        ev->usb_data[0] = 0x81;
        ev->usb_data[1] = (ViUInt8)r->stb;
        break;
    case VI_EVENT_TCPIP_CONNECT: snprintf(ev->tcpip_addr, sizeof ev->tcpip_addr, "192.168.0.99"); break;
    default: break;
    }
}

static void raise_now(ViSession vi, ViEventType type) {
    rv_session *s = rv_session_of(vi);
    if (!s) return;
    rv_event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = type;
    if (type == VI_EVENT_SERVICE_REQ) {
        s->res->stb |= 0x40;
        rv_raise_resource(s->res, &ev);
    } else if (type == VI_EVENT_EXCEPTION) {
        ev.status = VI_ERROR_SYSTEM_ERROR;
        ev.oper_name = "refvisa_raise_event";
        rv_raise(s, &ev);
    } else if (type == VI_EVENT_IO_COMPLETION || type == VI_EVENT_TCPIP_CONNECT) {
        fill_test_event(s, &ev);
        rv_raise(s, &ev);
    } else {
        fill_test_event(s, &ev);
        rv_raise_resource(s->res, &ev);
    }
}

static void *raise_main(void *p) {
    raise_arg *a = p;
    rv_sleep_ms(a->delay_ms);
    pthread_mutex_lock(&rv_lock);
    raise_now(a->vi, a->type);
    pthread_mutex_unlock(&rv_lock);
    free(a);
    return NULL;
}

ViStatus refvisa_raise_event(ViSession vi, ViEventType type, ViUInt32 delay_ms) {
    rv_session *s;
    if (enter(vi, &s) != VI_SUCCESS) return leave(VI_ERROR_INV_OBJECT);
    if (!supported(s, rv_event_index(type))) return leave(VI_ERROR_INV_EVENT);
    if (delay_ms == 0) {
        raise_now(vi, type);
        return leave(VI_SUCCESS);
    }
    raise_arg *a = malloc(sizeof *a);
    if (!a) return leave(VI_ERROR_ALLOC);
    *a = (raise_arg){vi, type, delay_ms};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t th;
    int rc = pthread_create(&th, &attr, raise_main, a);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        free(a);
        return leave(VI_ERROR_SYSTEM_ERROR);
    }
    return leave(VI_SUCCESS);
}

ViStatus refvisa_raise_srq(ViSession vi, ViUInt32 delay_ms) {
    return refvisa_raise_event(vi, VI_EVENT_SERVICE_REQ, delay_ms);
}

ViUInt32 refvisa_handler_thread_calls(void) {
    rv_init();
    pthread_mutex_lock(&rv_lock);
    ViUInt32 n = handler_calls;
    pthread_mutex_unlock(&rv_lock);
    return n;
}
