/* weft: thread states and the free-threaded runtime's contracts (thread.h). */
/* OS threads -> bound ThreadStates (registry, RCU, GIL), the periodic check, deferred decrefs, blocking. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "weft.h"
#include "critsec.h"
#include "runtime.h"
#include "specialize.h"
#include "sync/eval_breaker.h"
#include "sync/gil.h"
#include "sync/rcu.h"
#include "sync/registry.h"
#include "sync/util.h"

/*
 * A thread that runs Python code is, from the runtime's point of view, in one
 * of two conditions:
 *
 *   attached   registry ATTACHED, RCU-online, holding the GIL when it exists;
 *              it may touch any object and reaches the periodic check at
 *              every loop back-edge and Python call
 *   detached   registry DETACHED (or SUSPENDED by a stopper), RCU-offline,
 *              GIL dropped, critical sections suspended; it touches no
 *              object another thread can see
 *
 * Rules (the orders come from sync/registry.h rules 7-8 and sync/gil.h rule 4):
 *  1. Detaching: suspend critical sections, go RCU-offline, drop the GIL,
 *     detach from the registry.
 *  2. Attaching: take the GIL, attach to the registry, go RCU-online, resume
 *     critical sections. The GIL is taken BEFORE attaching: a thread waiting
 *     for the GIL while attached would stall a stopper, which holds it. It
 *     goes online AFTER attaching: attach may wait for a restart while the
 *     stopper waits for a grace period.
 *  3. sync/'s own sleeps (parking on a mutex, waiting for the GIL, a safe
 *     point) call the blocking hooks below: they go RCU-offline and drop the
 *     GIL, and undo only what they did. They nest (waiting for the GIL inside
 *     the leave hook parks again), counted in block_depth.
 *  4. The periodic check is the only place where a thread reports an RCU
 *     quiescent state, runs its deferred decrefs and merges its biased
 *     counts; it holds no RCU-protected pointer there.
 *  5. Deferred decrefs are run by the thread that deferred them (the call_rcu
 *     callback only hands the batch back); before a thread's state is freed
 *     every batch it has in flight has come back (wf_rcu_barrier).
 */

ThreadState *wf_main_tstate;
static WfRegistry rt_registry;
static WfGil rt_gil_storage;
static WfGil *rt_gil;                /* NULL unless PYTHON_GIL=1 */
static int rt_ever_multithreaded;    /* a second state ever existed (atomics) */
static int64_t rt_switch_interval_ns = WF_GIL_DEFAULT_INTERVAL_NS;  /* atomics */

/* More than one thread state is alive (wf_runtime_multithreaded, inline in
 * thread.h). Only a live thread changes the count across 1: the only thread
 * creates the second (wf_tstate_new, before pthread_create), and the last
 * other thread leaves (the end of wf_tstate_unbind_and_free). So a thread
 * that reads "one" is alone, and stays alone until it creates a thread
 * itself. */
int wf_rt_live_threads;

bool wf_runtime_was_multithreaded(void)
{
    return wf_atomic_load_acquire_int(&rt_ever_multithreaded) != 0;
}

bool wf_gil_enabled(void)
{
    return rt_gil != NULL;
}

void wf_switch_interval_set(double seconds)
{
    int64_t ns = (int64_t)(seconds * 1e9);
    if (ns < 1000)
        ns = 1000;   /* sync/gil.h: at least 1 us */
    wf_atomic_store_relaxed_i64(&rt_switch_interval_ns, ns);
    if (rt_gil)
        wf_gil_set_interval_ns(rt_gil, ns);
}

double wf_switch_interval_get(void)
{
    return (double)wf_atomic_load_relaxed_i64(&rt_switch_interval_ns) / 1e9;
}

/* ---- attaching and detaching (rules 1-3) ---- */

/* Rule 2's GIL wait: detached while waiting if we are attached, so a stopper
 * holding the GIL is not kept waiting for us. */
static void rt_take_gil(ThreadState *ts)
{
    uint32_t *eb = &ts->entry.eval_breaker;
    bool attached = wf_atomic_load_relaxed_u32(&ts->entry.state) == WF_THREAD_ATTACHED;
    if (attached)
        wf_registry_detach(&rt_registry, &ts->entry);
    wf_gil_take(rt_gil, eb);
    if (attached)
        wf_registry_attach(&rt_registry, &ts->entry);
}

static void rt_block_enter(void)
{
    ThreadState *ts = wf_tstate();
    if (!ts || ts->block_depth++ > 0)
        return;
    if (wf_rcu_is_online()) {
        wf_rcu_thread_offline();
        ts->block_rcu_off = true;
    }
    if (rt_gil && wf_gil_held_by(rt_gil, &ts->entry.eval_breaker)) {
        wf_gil_drop(rt_gil, &ts->entry.eval_breaker);
        ts->block_gil_dropped = true;
    }
}

static void rt_block_leave(void)
{
    ThreadState *ts = wf_tstate();
    if (!ts)
        return;
    if (ts->block_depth > 1) {   /* rule 3: a nested wait (inside rt_take_gil) */
        ts->block_depth--;
        return;
    }
    if (ts->block_gil_dropped) {
        ts->block_gil_dropped = false;
        rt_take_gil(ts);
    }
    if (ts->block_rcu_off) {
        ts->block_rcu_off = false;
        wf_rcu_thread_online();
    }
    ts->block_depth = 0;
}

void wf_blocking_begin(void)
{
    ThreadState *ts = wf_tstate();
    if (!ts)
        return;
    wf_critsec_suspend_all(ts);
    ts->blocking_rcu = wf_rcu_is_online();
    if (ts->blocking_rcu)
        wf_rcu_thread_offline();
    ts->blocking_gil = rt_gil && wf_gil_held_by(rt_gil, &ts->entry.eval_breaker);
    if (ts->blocking_gil)
        wf_gil_drop(rt_gil, &ts->entry.eval_breaker);
    wf_registry_detach(&rt_registry, &ts->entry);
}

void wf_blocking_end(void)
{
    ThreadState *ts = wf_tstate();
    if (!ts)
        return;
    if (ts->blocking_gil)
        wf_gil_take(rt_gil, &ts->entry.eval_breaker);
    wf_registry_attach(&rt_registry, &ts->entry);
    if (ts->blocking_rcu)
        wf_rcu_thread_online();
    wf_critsec_resume(ts);
}

/* GIL_DROP_REQUEST at the periodic check: let the waiter run (sync/gil.h). */
static void rt_gil_yield(ThreadState *ts)
{
    uint32_t *eb = &ts->entry.eval_breaker;
    wf_rcu_thread_offline();
    wf_gil_drop(rt_gil, eb);   /* sees the request bit: FORCE_SWITCHING */
    wf_registry_detach(&rt_registry, &ts->entry);
    wf_gil_take(rt_gil, eb);
    wf_registry_attach(&rt_registry, &ts->entry);
    wf_rcu_thread_online();
}

/* ---- deferred decrefs and frees (rule 5) ---- */

#define DEFER_BATCH 256
#define DEFER_FREE_TAG ((uintptr_t)1)   /* low bit: a wf_mem_free, not a decref */

typedef struct WfDeferBatch {
    WfRcuHead head;
    ThreadState *owner;
    struct WfDeferBatch *next;
    size_t n;
    uintptr_t items[DEFER_BATCH];
} WfDeferBatch;

/* On liburcu's call_rcu thread, not a Python thread: it must not decref. */
static void defer_ready_cb(WfRcuHead *head)
{
    WfDeferBatch *b = (WfDeferBatch *)head;
    ThreadState *ts = b->owner;
    pthread_mutex_lock(&ts->defer_mutex);
    b->next = ts->defer_ready;
    ts->defer_ready = b;
    pthread_mutex_unlock(&ts->defer_mutex);
    /* acq_rel (eval_breaker.h rule 1) */
    wf_eval_breaker_set(&ts->entry.eval_breaker, WF_EB_DEFERRED_READY);
    /* release: pairs with the acquire in defer_wait_all; after it the owner
     * no longer waits for this batch (it is on the ready list) */
    wf_atomic_sub_release_usize(&ts->defer_inflight, 1);
}

static void defer_run_batch(WfDeferBatch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        uintptr_t x = b->items[i];
        if (x & DEFER_FREE_TAG)
            wf_mem_free((void *)(x & ~DEFER_FREE_TAG));
        else
            wf_decref((Value)x);
    }
    free(b);
}

static void defer_submit(ThreadState *ts)
{
    WfDeferBatch *b = ts->defer_batch;
    ts->defer_batch = NULL;
    wf_atomic_add_relaxed_usize(&ts->defer_inflight, 1);
    wf_rcu_call(&b->head, defer_ready_cb);
}

static void defer_push(uintptr_t x)
{
    ThreadState *ts = wf_tstate();
    WfDeferBatch *b = ts->defer_batch;
    if (!b) {
        b = malloc(sizeof *b);
        if (!b)
            WF_DIE("cannot allocate a deferred-decref batch", ENOMEM);
        b->owner = ts;
        b->n = 0;
        ts->defer_batch = b;
    }
    b->items[b->n++] = x;
    if (b->n == DEFER_BATCH)
        defer_submit(ts);
}

/* Alone again (the other threads ended): what this thread still holds for a
 * grace period can go now, before anything newer, so finalizers keep their
 * order. Batches already handed to RCU come back at a periodic check. */
static void defer_run_pending_alone(ThreadState *ts)
{
    WfDeferBatch *b = ts->defer_batch;
    ts->defer_batch = NULL;
    defer_run_batch(b);
}

void wf_defer_decref(Value v)
{
    if (!wf_is_obj(v) || wf_is_immortal(wf_obj(v)))
        return;
    if (!wf_runtime_multithreaded() || !wf_tstate()) {
        ThreadState *ts = wf_tstate();
        if (ts && WF_UNLIKELY(ts->defer_batch != NULL))
            defer_run_pending_alone(ts);
        wf_decref(v);
        return;
    }
    defer_push((uintptr_t)v);
}

void wf_defer_free(void *p)
{
    if (!p)
        return;
    if (!wf_runtime_multithreaded() || !wf_tstate()) {
        ThreadState *ts = wf_tstate();
        if (ts && WF_UNLIKELY(ts->defer_batch != NULL))
            defer_run_pending_alone(ts);
        wf_mem_free(p);
        return;
    }
    defer_push((uintptr_t)p | DEFER_FREE_TAG);
}

/* Run every batch whose grace period has ended (the owner, at its periodic
 * check). Decrefs may run __del__ and defer more: those join later batches. */
static void defer_run_ready(ThreadState *ts)
{
    pthread_mutex_lock(&ts->defer_mutex);
    WfDeferBatch *b = ts->defer_ready;
    ts->defer_ready = NULL;
    pthread_mutex_unlock(&ts->defer_mutex);
    while (b) {
        WfDeferBatch *next = b->next;
        defer_run_batch(b);
        b = next;
    }
}

/* At thread exit: wait for every grace period and run everything. */
static void defer_flush_all(ThreadState *ts)
{
    for (int round = 0; round < 100; round++) {
        if (ts->defer_batch && ts->defer_batch->n)
            defer_submit(ts);
        /* acquire: pairs with the release in defer_ready_cb */
        if (wf_atomic_load_acquire_usize(&ts->defer_inflight) == 0 && !ts->defer_ready)
            break;
        wf_blocking_begin();
        wf_rcu_barrier();
        wf_blocking_end();
        wf_eval_breaker_clear(&ts->entry.eval_breaker, WF_EB_DEFERRED_READY);
        defer_run_ready(ts);
    }
    free(ts->defer_batch);
    ts->defer_batch = NULL;
}

/* ---- the periodic check's slow path (rule 4) ---- */

static int rt_handle_signals(void)
{
    /* The flag may have been consumed by a blocking read meanwhile. */
    if (!wf_sigint_pending)
        return 0;
    wf_sigint_pending = 0;
    wf_err_raise(wf_val(wf_exc_KeyboardInterrupt));
    return -1;
}

int wf_eval_breaker_slow(ThreadState *ts, bool may_raise)
{
    uint32_t *eb = &ts->entry.eval_breaker;
    if (ts->rcu_countdown <= 0) {
        ts->rcu_countdown = WF_RCU_QS_INTERVAL;
        /* A partial batch waits no longer than one interval for its grace period. */
        if (ts->defer_batch && !wf_runtime_multithreaded())
            defer_run_pending_alone(ts);
        else if (ts->defer_batch && ts->defer_batch->n &&
                 wf_atomic_load_relaxed_usize(&ts->defer_inflight) == 0)
            defer_submit(ts);
        wf_rcu_quiescent_state();
    }
    uint32_t bits = wf_eval_breaker_poll(eb);
    if (WF_LIKELY(!bits))
        return 0;
    if (bits & WF_EB_STOP_THE_WORLD)
        wf_registry_safe_point(&rt_registry, &ts->entry);
    if ((bits & WF_EB_GIL_DROP_REQUEST) && rt_gil)
        rt_gil_yield(ts);
    if ((bits & WF_EB_BRC_MERGE) && wf_eval_breaker_take(eb, WF_EB_BRC_MERGE))
        wf_brc_merge_queue(ts);
    if ((bits & WF_EB_DEFERRED_READY) && wf_eval_breaker_take(eb, WF_EB_DEFERRED_READY))
        defer_run_ready(ts);
    if (may_raise && (bits & WF_EB_SIGNALS_PENDING) && wf_eval_breaker_take(eb, WF_EB_SIGNALS_PENDING))
        return rt_handle_signals();
    return 0;
}

/* ---- per-thread bytecode indices (core/code.h) ----
 * A bound thread state owns one small index, the lowest free one, and gives
 * it back when it ends: a new thread takes over the bytecode copies (warmed
 * up, still correct: every specialization is guarded) of a thread that
 * ended, and churning threads do not grow the copies arrays. The lock orders
 * the old owner's last writes to its copies before the new owner's first. */
static pthread_mutex_t rt_tlbc_lock = PTHREAD_MUTEX_INITIALIZER;
static uint8_t *rt_tlbc_used;        /* per index: owned by a live thread */
static uint32_t rt_tlbc_cap;

static uint32_t rt_tlbc_take(void)
{
    pthread_mutex_lock(&rt_tlbc_lock);
    uint32_t i = 0;
    while (i < rt_tlbc_cap && rt_tlbc_used[i])
        i++;
    if (i == rt_tlbc_cap) {
        uint32_t cap = rt_tlbc_cap ? rt_tlbc_cap * 2 : 16;
        uint8_t *used = realloc(rt_tlbc_used, cap);
        if (!used)
            WF_DIE("cannot allocate the bytecode index table", ENOMEM);
        memset(used + rt_tlbc_cap, 0, cap - rt_tlbc_cap);
        rt_tlbc_used = used;
        rt_tlbc_cap = cap;
    }
    rt_tlbc_used[i] = 1;
    pthread_mutex_unlock(&rt_tlbc_lock);
    return i;
}

static void rt_tlbc_give(uint32_t i)
{
    pthread_mutex_lock(&rt_tlbc_lock);
    rt_tlbc_used[i] = 0;
    pthread_mutex_unlock(&rt_tlbc_lock);
}

/* ---- the thread lifecycle ---- */

ThreadState *wf_tstate_new(void)
{
    /* Cache-line aligned and padded: the countdown and the eval breaker are
     * written by their thread at every periodic check, so two threads' states
     * must not share a line. */
    size_t size = (sizeof(ThreadState) + 63) & ~(size_t)63;
    ThreadState *ts = aligned_alloc(64, size);
    if (!ts)
        WF_DIE("cannot allocate a thread state", errno);
    memset(ts, 0, size);
    pthread_mutex_init(&ts->defer_mutex, NULL);
    ts->rcu_countdown = WF_RCU_QS_INTERVAL;
    /* acq_rel: pairs with the acquire in wf_runtime_multithreaded; the new
     * thread cannot run before pthread_create, after this increment */
    if (wf_atomic_add_acq_rel_int(&wf_rt_live_threads, 1) >= 1)
        wf_atomic_store_release_int(&rt_ever_multithreaded, 1);
    return ts;
}

void wf_tstate_bind(ThreadState *ts)
{
    ts->tid = (uintptr_t)ts;
    wf_tid_current = ts->tid;
    wf_tstate_current = ts;
    ts->tlbc_index = rt_tlbc_take();
    /* The registry initializes the eval-breaker word; only then may other
     * threads find this state through the BRC table and set bits in it
     * (a reused address is the tid of a dead thread whose objects live on). */
    wf_registry_add(&rt_registry, &ts->entry, ts);
    wf_brc_add_thread(ts);
    wf_rcu_register_thread();
    if (rt_gil) {
        wf_rcu_thread_offline();   /* rule 2: wait for the GIL offline, detached */
        wf_gil_take(rt_gil, &ts->entry.eval_breaker);
        wf_registry_attach(&rt_registry, &ts->entry);
        wf_rcu_thread_online();
    } else {
        wf_registry_attach(&rt_registry, &ts->entry);
    }
}

void wf_tstate_flush(ThreadState *ts)
{
    WF_ASSERT(ts == wf_tstate());
    defer_flush_all(ts);
    wf_eval_breaker_clear(&ts->entry.eval_breaker, WF_EB_BRC_MERGE);
    wf_brc_merge_queue(ts);
}

void wf_tstate_unbind_and_free(ThreadState *ts)
{
    WF_ASSERT(ts == wf_tstate());
    wf_setref(&ts->exc, 0);
    wf_setref(&ts->exc_info, 0);
    defer_flush_all(ts);
    wf_brc_remove_thread(ts);   /* merges what is queued; nothing can be queued after */
    wf_rcu_unregister_thread();
    if (rt_gil && wf_gil_held_by(rt_gil, &ts->entry.eval_breaker))
        wf_gil_drop(rt_gil, &ts->entry.eval_breaker);
    wf_registry_detach(&rt_registry, &ts->entry);
    wf_registry_remove(&rt_registry, &ts->entry);
    if (ts->datastack_base)
        munmap(ts->datastack_base, (size_t)(ts->datastack_limit - ts->datastack_base));
    wf_object_thread_fini();
    wf_spec_stats_merge(ts->spec_stats);
    free(ts->spec_stats);
    rt_tlbc_give(ts->tlbc_index);   /* no Python code runs in this thread any more */
    pthread_mutex_destroy(&ts->defer_mutex);
    wf_tstate_current = NULL;
    wf_tid_current = 0;
    free(ts);
    /* release: this thread's last touch of shared objects happens-before a
     * remaining thread's single-threaded shortcuts (wf_runtime_multithreaded) */
    wf_atomic_sub_release_int(&wf_rt_live_threads, 1);
}

/* ---- start-up ---- */

static _Noreturn void rt_bad_gil_option(void)
{
    fprintf(stderr, "Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"\n"
                    "Python runtime state: preinitialized\n\n");
    exit(1);
}

void wf_runtime_threads_init(const char *gil_option)
{
    const char *v = gil_option;
    if (!v && !wf_sys_ignore_environment)
        v = getenv("PYTHON_GIL");
    if (v && *v) {
        if (strcmp(v, "0") && strcmp(v, "1"))
            rt_bad_gil_option();
        if (!strcmp(v, "1")) {
            wf_gil_init(&rt_gil_storage);
            rt_gil = &rt_gil_storage;
        }
    }
    wf_registry_init(&rt_registry);
    wf_sync_set_block_hooks(rt_block_enter, rt_block_leave);
    ThreadState *ts = wf_tstate_new();
    ts->is_main = true;
    wf_main_tstate = ts;
    wf_tstate_bind(ts);
}

/* ---- stop-the-world for rare changes to words read without atomics ----
 * (added by helper "objects" for core/typeobject.c: a type's C slots, an
 * object's ob_type, tp_name, tp_flags are read plainly everywhere.) */

bool wf_stop_the_world(void)
{
    if (!wf_runtime_multithreaded())
        return false;
    ThreadState *ts = wf_tstate();
    wf_registry_stop_the_world(&rt_registry, ts ? &ts->entry : NULL);
    return true;
}

void wf_start_the_world(void)
{
    ThreadState *ts = wf_tstate();
    wf_registry_start_the_world(&rt_registry, ts ? &ts->entry : NULL);
}
