/* weft: the registry of threads and stop-the-world. */
/* Threads -> (attached | detached | suspended); a stopper -> every other thread parked at a safe point. */
#ifndef WF_SYNC_REGISTRY_H
#define WF_SYNC_REGISTRY_H

/*
 * Every thread that runs Python code has a WfThreadEntry in the registry
 * (the runtime embeds it in its ThreadState). An entry is in one of three
 * states, as in free-threaded CPython (Python/pystate.c):
 *
 *   DETACHED   not touching the runtime (blocked in a lock, sleep, I/O...)
 *   ATTACHED   running Python code; reaches a safe point (the periodic check)
 *              at every loop back-edge and call
 *   SUSPENDED  stopped by a stop-the-world request; it may not attach until
 *              the world restarts
 *
 * Rules:
 *  1. Only the thread itself moves ATTACHED <-> DETACHED (wf_registry_attach,
 *     wf_registry_detach). A stopper moves DETACHED -> SUSPENDED and, when it
 *     restarts the world, SUSPENDED -> DETACHED. An attached thread suspends
 *     itself at its safe point (wf_registry_safe_point) when its eval breaker
 *     has STOP_THE_WORLD set.
 *  2. All transitions are compare-and-swaps on the state word (acq_rel), so a
 *     thread cannot attach while a stopper is suspending it: one of the two
 *     CAS fails, and the attaching thread waits for the restart.
 *  3. wf_registry_stop_the_world returns when every OTHER registered thread is
 *     SUSPENDED. Then the caller alone touches the runtime until
 *     wf_registry_start_the_world. Stops are serialized (one stopper at a time).
 *  4. Attach and detach are one CAS each when no stop is requested: the hot
 *     path (every blocking call) never takes the registry lock.
 *  5. Stop-the-world is for rare operations (e.g. fork, changing the GIL
 *     setting, global debugging). The design keeps it off every hot path:
 *     executors are installed and retired through RCU instead.
 *  6. A suspended thread calls the blocking hooks (sync/util.h) while it waits,
 *     so it goes RCU-offline and the stopper may wait for grace periods.
 *  7. Returning from a blocking call, a thread attaches BEFORE it goes back
 *     RCU-online: attach may wait for a restart, and a stopper that calls
 *     wf_rcu_synchronize must not wait for it meanwhile.
 *  8. A thread parked on a mutex stays attached; the stopper waits until the
 *     lock holder releases it and both reach a safe point. So no thread may
 *     reach a safe point while holding a lock another attached thread waits
 *     for (critical sections contain no periodic check).
 *
 * Who: add/remove/attach/detach/safe_point by the thread owning the entry;
 * iterate and stop/start by any registered thread (attached or not).
 */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { WF_THREAD_DETACHED = 0, WF_THREAD_ATTACHED = 1, WF_THREAD_SUSPENDED = 2 };

typedef struct WfThreadEntry {
    uint32_t eval_breaker;   /* request bits (sync/eval_breaker.h) */
    uint32_t state;          /* WF_THREAD_* (atomics only) */
    struct WfThreadEntry *next, *prev;  /* under the registry lock */
    void *owner;             /* the runtime's ThreadState, opaque here */
    uint64_t id;             /* registration number, from 1 */
} WfThreadEntry;

typedef struct WfRegistry {
    pthread_mutex_t mutex;   /* the list, stw fields, and the two conds */
    pthread_cond_t changed;  /* a thread suspended, detached, left: stopper rescans */
    pthread_cond_t restart;  /* the world restarted: suspended threads go on */
    pthread_mutex_t stw_mutex;  /* held by the one stopper from stop to start */
    WfThreadEntry *head;
    size_t count;
    uint64_t next_id;
    int stw_requested;       /* a stop is in progress (atomics) */
    WfThreadEntry *stopper;  /* who stops (under mutex) */
    uint64_t stw_generation; /* completed stops (under mutex) */
} WfRegistry;

void wf_registry_init(WfRegistry *r);
void wf_registry_fini(WfRegistry *r);

/* Add the calling thread's entry, DETACHED; owner is stored as is. */
void wf_registry_add(WfRegistry *r, WfThreadEntry *t, void *owner);
/* Remove it; the thread must be DETACHED (detach first). */
void wf_registry_remove(WfRegistry *r, WfThreadEntry *t);

/* Rule 1/4: the thread starts/stops running Python code. Attach may wait
 * while the world is stopped. */
void wf_registry_attach(WfRegistry *r, WfThreadEntry *t);
void wf_registry_detach(WfRegistry *r, WfThreadEntry *t);

/* The periodic check, when STOP_THE_WORLD is set in t->eval_breaker: suspend
 * until the world restarts (or return at once if the request is stale). */
void wf_registry_safe_point(WfRegistry *r, WfThreadEntry *t);

/* Call fn(entry, arg) for every registered thread, under the registry lock
 * (fn must not add, remove, attach to or stop the registry). */
void wf_registry_foreach(WfRegistry *r, void (*fn)(WfThreadEntry *, void *), void *arg);
size_t wf_registry_count(WfRegistry *r);

/* Rule 3. self: the caller's entry (attached or detached), or NULL for an
 * unregistered thread. On return every other thread is suspended. */
void wf_registry_stop_the_world(WfRegistry *r, WfThreadEntry *self);
/* Restart: every suspended thread may run again. Same self as the stop. */
void wf_registry_start_the_world(WfRegistry *r, WfThreadEntry *self);

#endif
