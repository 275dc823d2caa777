/* weft: the per-thread interpreter state. */
/* Thread -> (current exception, frame stack, recursion depth). */
#ifndef WF_THREAD_H
#define WF_THREAD_H

#include <pthread.h>
#include "object.h"
#include "sync/registry.h"
#include "sync/atomic.h"

struct Frame;
struct WfDeferBatch;

typedef struct ThreadState {
    Value exc;                 /* exception being raised now, or 0 */
    Value exc_info;            /* exception being handled (sys.exc_info()), or 0 */
    struct Frame *frame;       /* innermost executing frame */
    int recursion_depth;       /* Python-level call depth */
    int c_recursion_depth;     /* C-level nesting (repr, compare, ...) */
    char *datastack_base;      /* frames are bump-allocated here (core/ceval.c) */
    char *datastack_top;
    char *datastack_limit;
    uintptr_t tid;             /* id used for biased reference counts (== wf_tid_current) */
    struct ThreadState *next;  /* unused (the registry links entries) */
    struct WfCritSec *critsec; /* innermost active critical section (core/critsec.h) */

    /* ---- the free-threaded runtime (core/pystate.c, core/brc.c) ---- */
    WfThreadEntry entry;       /* registry entry; entry.eval_breaker is this
                                  thread's eval breaker word */
    int rcu_countdown;         /* periodic checks until the next RCU quiescent state */
    bool is_main;              /* the main thread (signals are delivered to it) */
    int block_depth;           /* nesting of the sync/ blocking hooks */
    bool block_rcu_off;        /* the hooks took us RCU-offline */
    bool block_gil_dropped;    /* the hooks dropped the GIL */
    bool blocking_gil;         /* wf_blocking_begin dropped the GIL */
    bool blocking_rcu;         /* wf_blocking_begin went RCU-offline */
    /* Merge queue of biased refcounts (core/brc.c), under the bucket lock. */
    struct ThreadState *brc_next;
    Object **brc_queue;
    size_t brc_len, brc_cap;
    /* Deferred decrefs/frees (core/pystate.c). */
    struct WfDeferBatch *defer_batch;   /* being filled (owner only) */
    struct WfDeferBatch *defer_ready;   /* grace period over: run them (under defer_mutex) */
    pthread_mutex_t defer_mutex;
    size_t defer_inflight;              /* batches waiting for a grace period (atomics) */

    /* ---- the specializing interpreter (core/specialize.c) ---- */
    struct WfSpecStats *spec_stats;     /* PYTHON_SPECIALIZATION_STATS counters, or NULL */
    uint32_t tlbc_index;                /* whose per-thread bytecode copies are ours
                                           (core/code.h; allocated in core/pystate.c) */
} ThreadState;

extern _Thread_local ThreadState *wf_tstate_current;
static inline ThreadState *wf_tstate(void) { return wf_tstate_current; }

extern int wf_recursion_limit;  /* sys.setrecursionlimit, default 1000 */

/* Guard deep C recursion (repr of nested lists, compare, ...): raises
 * RecursionError and returns -1 past the limit. */
int wf_enter_recursive_call(const char *where);
void wf_leave_recursive_call(void);


/* ---- the multi-threaded runtime (core/pystate.c) ----
 * The contracts the containers, objects and modules rely on. */

/* True while more than one thread state is alive (acquire load). When it is
 * false the caller is the only thread and stays so until it creates one
 * itself: no other thread can observe any object, so code may take
 * single-threaded shortcuts (immediate frees instead of deferred, no locks
 * around writes that run no Python code). It goes back to false when the
 * other threads have ended. */
extern int wf_rt_live_threads;   /* thread states alive (core/pystate.c; atomics) */
static inline bool wf_runtime_multithreaded(void)
{
    /* acquire: pairs with the release decrement at the end of
     * wf_tstate_unbind_and_free (everything the leaving thread did, its last
     * lock-free reads included, happens-before the single-threaded
     * shortcuts that follow) and with the increment in wf_tstate_new */
    return wf_atomic_load_acquire_int(&wf_rt_live_threads) > 1;
}
/* True once a second thread state ever existed (for shut-down policy). */
bool wf_runtime_was_multithreaded(void);

/* Decref v after a grace period: once every thread that might have loaded v
 * from shared memory without owning a reference (a lock-free reader) has
 * passed a quiescent state. For writers that replace or remove a value that
 * lock-free readers may be looking at. Immediate while single-threaded. */
void wf_defer_decref(Value v);
/* wf_mem_free(p) after a grace period (a container's old storage). */
void wf_defer_free(void *p);

/* Bracket a blocking operation (sleep, a lock wait, a join, file I/O, waiting
 * for input): the thread detaches (goes RCU-offline, drops the GIL when it is
 * on, suspends its critical sections) and re-attaches after. Between the two
 * calls the thread must not touch any object another thread can see. */
void wf_blocking_begin(void);
void wf_blocking_end(void);


/* Thread lifecycle, used by the _thread module (core/threadmodule.c) to run
 * Python code on a new OS thread:
 *   creator:     ts = wf_tstate_new();   then pthread_create
 *   new thread:  wf_tstate_bind(ts);     first thing (TLS, registry, RCU, GIL)
 *                ... run Python code ...
 *                wf_tstate_unbind_and_free(ts);   last thing (flushes deferred
 *                work, leaves the registry and RCU, frees the state)
 * wf_tstate_new counts a live thread (wf_runtime_multithreaded). */
ThreadState *wf_tstate_new(void);
void wf_tstate_bind(ThreadState *ts);
void wf_tstate_unbind_and_free(ThreadState *ts);
/* Run the thread's deferred work now (it waits for a grace period if some
 * is pending): deferred decrefs and frees, queued refcount merges. Objects
 * this thread dropped are freed when it returns, so a thread about to signal
 * its joiner calls it first. The thread stays bound and attached. */
void wf_tstate_flush(ThreadState *ts);

/* ---- the runtime's side (core/pystate.c), for ceval, sys and main ---- */

/* The slow path of the periodic check (core/ceval.c): handles every bit of
 * the eval breaker and the RCU quiescent state. may_raise: a pending signal
 * may raise here (loop back-edges); at function entry it waits for the next
 * back-edge. Returns -1 with an exception set (KeyboardInterrupt...). */
int wf_eval_breaker_slow(ThreadState *ts, bool may_raise);
/* Periodic checks between two RCU quiescent states. */
#define WF_RCU_QS_INTERVAL 64

/* PYTHON_GIL=1 (or -X gil=1): the GIL exists. Read once at start-up. */
bool wf_gil_enabled(void);
/* sys.setswitchinterval / getswitchinterval (seconds), with or without GIL. */
void wf_switch_interval_set(double seconds);
double wf_switch_interval_get(void);
/* Start-up (core/runtime.c): read the GIL setting, then create, bind and
 * mark the main thread. gil_option: -X gil value or NULL. Exits with
 * CPython's message on a bad value. */
void wf_runtime_threads_init(const char *gil_option);
/* The main thread's state (signals set its eval breaker bit). */
extern ThreadState *wf_main_tstate;

/* ---- biased refcount queues (core/brc.c) ---- */
void wf_brc_add_thread(ThreadState *ts);     /* at bind */
void wf_brc_remove_thread(ThreadState *ts);  /* at unbind: merges what is left */
void wf_brc_merge_queue(ThreadState *ts);    /* periodic check, BRC_MERGE */

/* Stop every other thread at its next safe point (it is suspended when this
 * returns; threads that are detached stay so), for rare changes to words that
 * all threads read without atomics (a type's C slots, an object's ob_type).
 * Returns false, and stops nothing, while the runtime is single-threaded;
 * call wf_start_the_world() only after a true result. Never while holding a
 * lock that an attached thread may wait for without detaching. */
bool wf_stop_the_world(void);
void wf_start_the_world(void);

#endif
