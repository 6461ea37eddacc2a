/* refvisa_internal.h -- shared declarations of the PyVISA reference VISA library.
 *
 * The library simulates a small set of instruments (see __init__.py for the list).  All state lives
 * in process memory and is guarded by one global mutex (rv_lock); every condition variable uses that
 * same mutex, so a wait releases the whole library.  Handlers are called by a library-owned
 * dispatcher thread without holding the lock.
 */
#ifndef REFVISA_INTERNAL_H
#define REFVISA_INTERNAL_H

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "visa_ref.h"

#if defined(__GNUC__)
#define RV_HIDDEN __attribute__((visibility("hidden")))
#else
#define RV_HIDDEN
#endif

/* ------------------------------------------------------------------ resource kinds */
#define RK_ASRL (1u << 0) /* ASRLn::INSTR */
#define RK_GPIB (1u << 1) /* GPIBn::p[::s]::INSTR */
#define RK_GPIB_INTFC (1u << 2) /* GPIBn::INTFC */
#define RK_TCPIP (1u << 3) /* TCPIPn::host::name::INSTR */
#define RK_SOCKET (1u << 4) /* TCPIPn::host::port::SOCKET */
#define RK_USB (1u << 5) /* USBn::...::INSTR */
#define RK_USB_RAW (1u << 6) /* USBn::...::RAW */
#define RK_VXI (1u << 7) /* VXIn::la::INSTR (message and register based) */
#define RK_VXI_MEM (1u << 8) /* VXIn::MEMACC */
#define RK_VXI_BP (1u << 9) /* VXIn::la::BACKPLANE */
#define RK_PXI (1u << 10) /* PXIn::dev::INSTR (register based) */
#define RK_PXI_MEM (1u << 11) /* PXIn::MEMACC */
#define RK_RM (1u << 12) /* resource manager session */
#define RK_ALL_RSRC (RK_RM - 1u)
#define RK_MSG (RK_ASRL | RK_GPIB | RK_GPIB_INTFC | RK_TCPIP | RK_SOCKET | RK_USB | RK_USB_RAW | RK_VXI)
#define RK_REG (RK_VXI | RK_VXI_MEM | RK_PXI | RK_PXI_MEM)
#define RK_USBANY (RK_USB | RK_USB_RAW)
#define RK_TCPANY (RK_TCPIP | RK_SOCKET)
#define RK_INSTR (RK_ASRL | RK_GPIB | RK_TCPIP | RK_USB | RK_VXI | RK_PXI)

#define RV_MEM_SIZE 0x10000u /* bytes of every simulated address space */
#define RV_NSPACES 13
#define RV_MAX_ALLOCS 64
#define RV_MAX_TRIG_MAPS 64
#define RV_INFINITE_CAP_MS 60000u /* VI_TMO_INFINITE waits are capped (hang protection) */
#define RV_STRLEN 256
#define RV_USB_INTR_MAX 8 /* bytes of simulated USB interrupt data */
#define RV_USB_CTRL_MAX 0xFFFFu /* bytes kept by viUsbControlOut: the largest 16-bit wLength */
#define RV_MAX_CALL_ARGS 8 /* integer arguments kept per call by refvisa_last_args */

/* ------------------------------------------------------------------ resources */
typedef struct rv_alloc {
    ViBusAddress offset;
    ViBusSize size;
    ViSession owner;
} rv_alloc;

typedef struct rv_resource {
    /* static description */
    const char *name; /* canonical resource name */
    const char *rclass;
    unsigned kind;
    ViUInt16 intf_type;
    ViUInt16 intf_num;
    int primary, secondary;            /* GPIB (secondary -1: none) */
    const char *host, *device_name;    /* TCPIP */
    ViUInt16 port;                     /* TCPIP SOCKET */
    bool hislip;                       /* TCPIP INSTR */
    ViUInt16 manf_id, model_code;      /* USB, VXI, PXI */
    const char *serial;                /* USB */
    int la;                            /* VXI logical address, PXI device number */
    const char *manf_name, *model_name;

    /* runtime state (guarded by rv_lock) */
    pthread_cond_t cond; /* data arrival, lock release, abort */
    unsigned char *q;    /* loopback queue: q[qhead..qtail) unread */
    size_t qcap, qhead, qtail;
    uint64_t qbase;   /* absolute stream position of q[0] */
    uint64_t *ends;   /* absolute positions just after each END-terminated message */
    size_t nends, ends_head, ends_cap;
    ViUInt16 stb;

    ViSession excl_owner;
    int shared_holders;
    char shared_key[RV_STRLEN];

    ViInt16 ren_state, atn_state, addr_state;
    ViBoolean cic_state;
    unsigned char gpib_cmd[RV_STRLEN];
    size_t gpib_cmd_len;
    unsigned char *usb_ctrl; /* RV_USB_CTRL_MAX bytes, allocated by the first viUsbControlOut */
    size_t usb_ctrl_len;
    ViInt16 trig_maps[RV_MAX_TRIG_MAPS][2];
    int ntrig_maps;
    unsigned trig_count;
    ViInt16 sysfail_state;
    ViUInt32 vxi_last_cmd;
    unsigned char *space[RV_NSPACES];
    rv_alloc allocs[RV_MAX_ALLOCS];
    int nallocs;
} rv_resource;

extern RV_HIDDEN rv_resource rv_resources[];
extern RV_HIDDEN const size_t rv_nresources;

/* ------------------------------------------------------------------ objects */
enum { RV_OBJ_RM = 1, RV_OBJ_SESSION, RV_OBJ_FIND, RV_OBJ_EVENT };

typedef struct rv_obj {
    int type;
    ViObject handle;
} rv_obj;

typedef struct rv_event {
    rv_obj h; /* handle 0 while queued, allocated when delivered */
    struct rv_event *next;
    ViSession session;
    ViEventType type;
    ViStatus status;
    ViJobId job_id;
    ViBuf buffer;
    ViUInt64 ret_count;
    const char *oper_name;
    ViInt16 recv_trig_id;
    ViBoolean cic_state;
    ViInt16 intr_level;
    ViUInt32 status_id;   /* VXI signal (16 bits) and VXI/VME interrupt status/ID */
    ViUInt32 pxi_seq, pxi_data;
    ViUInt16 usb_size;
    ViUInt8 usb_data[RV_USB_INTR_MAX];
    char tcpip_addr[64];
} rv_event;

typedef struct rv_handler {
    struct rv_handler *next;
    ViEventType type;
    ViHndlr fn;
    ViAddr user;
} rv_handler;

typedef struct rv_job {
    struct rv_job *next;
    ViJobId id;
    bool aborted;
} rv_job;

#define RV_NEVENT_TYPES 15

typedef struct rv_rm {
    rv_obj h;
    ViAttrState user_data;
    ViUInt32 tmo;
    ViUInt32 max_queue;
} rv_rm;

typedef struct rv_find {
    rv_obj h;
    ViSession rm;
    int count, pos;
    int *indices;
} rv_find;

typedef struct rv_session {
    rv_obj h;
    ViSession rm;
    rv_resource *res;
    uint64_t *attrs; /* values indexed like rv_attr_defs */

    int excl_count, shared_count;

    /* events */
    bool queue_en[RV_NEVENT_TYPES];
    ViUInt16 hndlr_mode[RV_NEVENT_TYPES]; /* 0, VI_HNDLR or VI_SUSPEND_HNDLR */
    rv_event *queue_head, *queue_tail;
    int queue_len;
    rv_event *susp_head, *susp_tail;
    rv_handler *handlers;
    pthread_cond_t ev_cond;

    /* async jobs and teardown */
    rv_job *jobs;
    int busy;     /* threads currently using the session outside the lock */
    bool closing; /* viClose in progress: waits abort */

    /* formatted I/O buffers */
    unsigned char *wbuf;
    size_t wlen, wcap;
    ViUInt32 io_in_size, io_out_size;

    /* register based */
    bool mapped;
    ViUInt16 win_space;
    ViBusAddress win_offset;
    ViBusSize win_size;
    unsigned char *win_ptr;
} rv_session;

/* ------------------------------------------------------------------ attributes */
enum { RV_T_U8, RV_T_U16, RV_T_U32, RV_T_U64, RV_T_I16, RV_T_I32, RV_T_BOOL, RV_T_STR, RV_T_ADDR };
enum { RV_A_RO = 1, RV_A_COMPUTED = 2, RV_A_RANGE = 4 };

typedef struct rv_attr_def {
    ViAttr id;
    int type;
    int flags;
    unsigned kinds;
    int64_t def;
    int64_t min, max;
} rv_attr_def;

extern RV_HIDDEN const rv_attr_def rv_attr_defs[];
extern RV_HIDDEN const size_t rv_nattr_defs;

/* ------------------------------------------------------------------ status texts */
typedef struct rv_status_text {
    ViStatus code;
    const char *name;
    const char *desc;
} rv_status_text;
extern RV_HIDDEN const rv_status_text rv_status_texts[];

/* ------------------------------------------------------------------ core helpers */
extern RV_HIDDEN pthread_mutex_t rv_lock;
extern RV_HIDDEN pthread_cond_t rv_close_cond; /* session busy counters dropped */

RV_HIDDEN void rv_init(void);
RV_HIDDEN void rv_cond_init(pthread_cond_t *c);
RV_HIDDEN void rv_deadline(struct timespec *ts, ViUInt32 tmo_ms);
RV_HIDDEN int rv_wait(pthread_cond_t *c, const struct timespec *deadline);
RV_HIDDEN void rv_sleep_ms(ViUInt32 ms);

RV_HIDDEN rv_obj *rv_lookup(ViObject handle);
RV_HIDDEN rv_session *rv_session_of(ViObject handle);
RV_HIDDEN ViObject rv_register(rv_obj *obj);
RV_HIDDEN void rv_unregister(ViObject handle);
RV_HIDDEN size_t rv_sessions_of(rv_resource *r, rv_session **out, size_t max);

RV_HIDDEN ViStatus rv_check_access(rv_session *s);
RV_HIDDEN ViUInt32 rv_session_tmo(rv_session *s);
RV_HIDDEN uint64_t rv_attr_raw(rv_session *s, ViAttr id);
RV_HIDDEN void rv_attr_store(rv_session *s, ViAttr id, uint64_t v);
RV_HIDDEN void rv_attrs_init(rv_session *s);
/* Value a new session on `r` would read for `id` (false: the attribute does not apply to `r`);
 * strings go to `str` (RV_STRLEN bytes). */
RV_HIDDEN bool rv_resource_attr(rv_resource *r, ViAttr id, int64_t *num, char *str, bool *is_str);

/* viFindRsrc attribute expressions (rv_expr.c): the text between the braces */
RV_HIDDEN ViStatus rv_attr_expr_check(const char *text);
RV_HIDDEN bool rv_attr_expr_match(const char *text, rv_resource *res);

/* resources (rv_rsrc.c) */
RV_HIDDEN ViStatus rv_parse_name(const char *name, rv_resource **res, char *canonical);
RV_HIDDEN ViStatus rv_find_matches(const char *expr, int *indices, int *count);
RV_HIDDEN void rv_resource_reset(rv_resource *r);

/* message based I/O (rv_io.c) */
RV_HIDDEN ViStatus rv_read_locked(rv_session *s, ViPBuf buf, ViUInt32 cnt, ViUInt32 *ret, rv_job *job);
RV_HIDDEN ViStatus rv_write_locked(rv_session *s, const unsigned char *buf, size_t cnt, bool end);
RV_HIDDEN void rv_queue_clear(rv_resource *r);
/* formatted I/O write buffer (VI_ATTR_WR_BUF_SIZE): append, flushing without END when full; flush */
RV_HIDDEN ViStatus rv_buffered_write_locked(rv_session *s, const unsigned char *buf, size_t cnt);
RV_HIDDEN ViStatus rv_flush_write_locked(rv_session *s, bool end);
RV_HIDDEN void rv_session_abort_jobs(rv_session *s);
RV_HIDDEN ViJobId rv_next_job_id(void);
RV_HIDDEN void rv_post_completion(rv_session *s, ViJobId id, ViStatus st, ViBuf buf, ViUInt32 count, const char *oper);

/* events (rv_event.c) */
RV_HIDDEN int rv_event_index(ViEventType type);
RV_HIDDEN void rv_raise(rv_session *s, const rv_event *proto);
RV_HIDDEN void rv_raise_resource(rv_resource *r, const rv_event *proto);
RV_HIDDEN void rv_session_events_teardown(rv_session *s);
RV_HIDDEN ViStatus rv_event_get_attr(rv_event *e, ViAttr attr, void *value);
RV_HIDDEN void rv_events_reset(void);

/* memory (rv_mem.c) */
RV_HIDDEN void rv_mem_session_teardown(rv_session *s);

/* ------------------------------------------------------------------ call records
 * Every exported function taking a handle starts with RV_RECORD(handle, int args...) (RV_RECORD0
 * when it has no integer argument): the name and integer arguments of the last call made on each
 * handle are kept for refvisa_last_args.  The arguments are converted to uint64_t by the C rules:
 * unsigned types are zero-extended, signed types sign-extended; ViAddr values go through RV_ADDR.
 * More than RV_MAX_CALL_ARGS arguments is a compile error (excess initializer). */
RV_HIDDEN void rv_record_call(ViObject handle, const char *name, const uint64_t *args, size_t count);
#define RV_NARGS_(a1, a2, a3, a4, a5, a6, a7, a8, n, ...) n
#define RV_NARGS(...) RV_NARGS_(__VA_ARGS__, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define RV_RECORD(handle, ...)                                                                     \
    rv_record_call((handle), __func__, (const uint64_t[RV_MAX_CALL_ARGS]){__VA_ARGS__},           \
                   RV_NARGS(__VA_ARGS__))
#define RV_RECORD0(handle) rv_record_call((handle), __func__, NULL, 0)
#define RV_ADDR(p) ((uint64_t)(uintptr_t)(p))

/* ------------------------------------------------------------------ test hooks */
REFVISA_EXPORT ViUInt32 refvisa_open_session_count(void);
REFVISA_EXPORT ViUInt32 refvisa_open_object_count(void);
REFVISA_EXPORT void refvisa_reset(void);
REFVISA_EXPORT ViStatus refvisa_push_data(ViSession vi, const void *data, size_t size, int end);
REFVISA_EXPORT ViStatus refvisa_raise_srq(ViSession vi, ViUInt32 delay_ms);
REFVISA_EXPORT ViStatus refvisa_set_stb(ViSession vi, ViUInt16 stb);
REFVISA_EXPORT ViStatus refvisa_pending_bytes(ViSession vi, ViUInt32 *count);
REFVISA_EXPORT ViStatus refvisa_gpib_commands(ViSession vi, ViPBuf buf, ViUInt32 size, ViUInt32 *count);
REFVISA_EXPORT ViStatus refvisa_trigger_count(ViSession vi, ViUInt32 *count);
REFVISA_EXPORT ViStatus refvisa_raise_event(ViSession vi, ViEventType type, ViUInt32 delay_ms);
REFVISA_EXPORT ViUInt32 refvisa_handler_thread_calls(void);
REFVISA_EXPORT ViStatus refvisa_last_args(ViObject vi, ViChar name[RV_STRLEN], ViUInt64 args[RV_MAX_CALL_ARGS],
                                          ViUInt32 *count);

#endif /* REFVISA_INTERNAL_H */
