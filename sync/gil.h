/* weft: the optional global interpreter lock (PYTHON_GIL=1). */
/* Threads -> one at a time, switching every interval on request (CPython's ceval_gil.c). */
#ifndef WF_SYNC_GIL_H
#define WF_SYNC_GIL_H

/*
 * weft runs without a GIL by default. PYTHON_GIL=1 turns this lock on for
 * comparison runs; then a thread holds it while it runs Python code and drops
 * it around blocking operations and when asked to.
 *
 * The protocol is CPython's (Python/ceval_gil.c, "new GIL", with
 * FORCE_SWITCHING):
 *  1. A thread that wants the GIL waits on a condition variable for at most
 *     the switch interval (default 5 ms). If the holder has not changed in
 *     that time (same switch_number), the waiter sets GIL_DROP_REQUEST in the
 *     holder's eval breaker and waits again.
 *  2. The holder sees the bit at its next periodic check and calls
 *     wf_gil_yield(): drop, then take again.
 *  3. Fairness (FORCE_SWITCHING): a thread that drops because it was asked
 *     waits until another thread has actually taken the GIL before it competes
 *     again, so it cannot retake it at once and starve the requester.
 *  4. A thread may hold the GIL only while attached; wf_gil_drop before any
 *     blocking call, wf_gil_take after. Taking calls the blocking hooks
 *     (sync/util.h) around the wait so the runtime goes RCU-offline.
 *
 * Who: threads identify themselves by their eval breaker word (sync/eval_breaker.h).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

typedef struct WfGil {
    pthread_mutex_t mutex;         /* protects locked, holder, waiters, switch_number */
    pthread_cond_t cond;           /* signalled when the GIL is dropped */
    pthread_mutex_t switch_mutex;  /* FORCE_SWITCHING: with switch_cond */
    pthread_cond_t switch_cond;    /* signalled when a (new) thread takes it */
    int locked;                    /* held now (under mutex; relaxed reads elsewhere) */
    uint32_t *holder;              /* eval breaker of the last holder (under mutex) */
    uint64_t switch_number;        /* count of holder changes (under mutex) */
    int waiters;                   /* threads waiting in wf_gil_take (under mutex) */
    int64_t interval_ns;           /* switch interval (relaxed atomics) */
    int64_t switches;              /* statistics: forced switches done */
} WfGil;

#define WF_GIL_DEFAULT_INTERVAL_NS 5000000  /* 5 ms, sys.getswitchinterval() */

/* Initialize (not taken). Who: the runtime, once, before threads use it. */
void wf_gil_init(WfGil *g);
/* Destroy; no thread may hold or wait for it. */
void wf_gil_fini(WfGil *g);

/* Wait for and take the GIL. eb: the calling thread's eval breaker word. */
void wf_gil_take(WfGil *g, uint32_t *eb);
/* Drop it (the caller holds it). If eb has GIL_DROP_REQUEST set, rule 3. */
void wf_gil_drop(WfGil *g, uint32_t *eb);
/* Periodic check's answer to GIL_DROP_REQUEST: drop, let another run, take. */
void wf_gil_yield(WfGil *g, uint32_t *eb);
/* True if the calling thread (eb) holds it. */
bool wf_gil_held_by(WfGil *g, uint32_t *eb);

/* sys.setswitchinterval / getswitchinterval, in nanoseconds (>= 1 us). */
void wf_gil_set_interval_ns(WfGil *g, int64_t ns);
int64_t wf_gil_get_interval_ns(WfGil *g);

/* Number of holder changes so far (tests, statistics). */
uint64_t wf_gil_switch_number(WfGil *g);

#endif
