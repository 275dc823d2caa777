/* weft: read-copy-update, QSBR flavor, the only door to liburcu. */
/* Readers: plain loads + quiescent states; writers: publish, wait a grace period, reclaim. */

/*
 * _LGPL_SOURCE is deliberately NOT defined: liburcu's inline fast paths
 * (urcu/static/urcu-qsbr.h) would be compiled with TSan instrumentation and
 * trip it inside liburcu's own headers. The library functions are called
 * instead; TSan sees none of their synchronization, which is why every edge
 * is restated below with wf_tsan_release/wf_tsan_acquire on one token:
 *
 *   reader:   ... reads ... ; release(&token); quiescent_state()  (or offline)
 *   writer:   unpublish; synchronize(); acquire(&token); free
 *   call_rcu: [grace period] acquire(&token); user callback; release(&token)
 *
 * Every reader's accesses before its quiescent state then happen-before the
 * reclaimer's accesses after the grace period, which is precisely the
 * guarantee RCU gives. (The design brief's verified recipe.)
 *
 * Two more edges the brief's recipe does not spell out, found by the TSan run
 * of stress/rcu_torture and tests/unit/test_rcu:
 *  - wf_rcu_call hands the head to the call_rcu thread through liburcu's
 *    lock-free queue, invisible to TSan: release(head) before enqueueing,
 *    acquire(head) in the trampoline, so the callback sees what the caller
 *    wrote (including head->fn).
 *  - liburcu's own urcu_qsbr_barrier() callocs a completion in the caller and
 *    frees it on the call_rcu thread, which TSan reports inside liburcu. So
 *    wf_rcu_barrier does not call it: it queues a callback of its own and
 *    waits for it. That is equivalent because weft uses only the default
 *    call_rcu worker (never per-CPU or per-thread call_rcu data), whose queue
 *    runs callbacks in FIFO order.
 */
#define _GNU_SOURCE
#include "rcu.h"

#include <stddef.h>
#include <urcu-qsbr.h>

#include "parking_lot.h"
#include "tsan.h"
#include "util.h"

_Static_assert(sizeof(struct rcu_head) <= sizeof(((WfRcuHead *)0)->urcu_storage),
               "WfRcuHead too small for liburcu's struct rcu_head");
_Static_assert(offsetof(WfRcuHead, urcu_storage) == 0, "rcu_head must come first");

/* The happens-before token (see above). Never read or written: only its
 * address matters to TSan. */
static char rcu_token;

/* Per thread: 0 unregistered, 1 online, 2 offline (this wrapper's view). */
enum { RCU_UNREGISTERED, RCU_ONLINE, RCU_OFFLINE };
static _Thread_local int rcu_state;

void wf_rcu_register_thread(void)
{
    if (rcu_state != RCU_UNREGISTERED)
        WF_SYNC_DIE("wf_rcu_register_thread: thread already registered", 0);
    urcu_qsbr_register_thread();
    rcu_state = RCU_ONLINE;
}

void wf_rcu_unregister_thread(void)
{
    if (rcu_state == RCU_UNREGISTERED)
        WF_SYNC_DIE("wf_rcu_unregister_thread: thread not registered", 0);
    if (rcu_state == RCU_OFFLINE)
        wf_rcu_thread_online();
    /* Unregistering is the last quiescent state of this thread. */
    wf_tsan_release(&rcu_token);
    urcu_qsbr_unregister_thread();
    rcu_state = RCU_UNREGISTERED;
}

void wf_rcu_quiescent_state(void)
{
    /* TSan: this thread's reads so far happen-before any reclamation that
     * waits for this quiescent state. */
    wf_tsan_release(&rcu_token);
    urcu_qsbr_quiescent_state();
}

void wf_rcu_thread_offline(void)
{
    wf_tsan_release(&rcu_token);  /* as for a quiescent state */
    urcu_qsbr_thread_offline();
    rcu_state = RCU_OFFLINE;
}

void wf_rcu_thread_online(void)
{
    urcu_qsbr_thread_online();
    rcu_state = RCU_ONLINE;
}

bool wf_rcu_is_online(void)
{
    return rcu_state == RCU_ONLINE;
}

void wf_rcu_synchronize(void)
{
    /* Rule 7: liburcu's QSBR synchronize_rcu already treats an online caller
     * as quiescent; going offline here makes that explicit and keeps the
     * TSan edge for our own accesses. */
    bool online = rcu_state == RCU_ONLINE;
    if (online)
        wf_rcu_thread_offline();
    urcu_qsbr_synchronize_rcu();
    /* TSan: every reader's accesses before its quiescent state happen-before
     * what the caller does next (typically free()). */
    wf_tsan_acquire(&rcu_token);
    if (online)
        wf_rcu_thread_online();
}

/* The callback liburcu runs: restate the grace period for TSan, then the user's. */
static void rcu_trampoline(struct rcu_head *urcu)
{
    WfRcuHead *head = (WfRcuHead *)(void *)urcu;
    wf_tsan_acquire(head);        /* pairs with the release in wf_rcu_call() */
    wf_tsan_acquire(&rcu_token);  /* the grace period: readers' quiescent states */
    head->fn(head);
    /* So that wf_rcu_barrier()'s caller sees the callback's effects. */
    wf_tsan_release(&rcu_token);
}

void wf_rcu_call(WfRcuHead *head, WfRcuFn fn)
{
    head->fn = fn;
    wf_tsan_release(head);  /* the queue hand-off (see the top comment) */
    urcu_qsbr_call_rcu((struct rcu_head *)(void *)head, rcu_trampoline);
}

/* wf_rcu_barrier's marker callback: the last in the queue when it runs. */
typedef struct BarrierHead {
    WfRcuHead head;
    uint32_t done;  /* 0 -> 1, release/acquire, parked on */
} BarrierHead;

static void rcu_barrier_done(WfRcuHead *h)
{
    BarrierHead *b = (BarrierHead *)h;
    /* release: pairs with the acquire load in wf_rcu_barrier(). */
    wf_atomic_store_release_u32(&b->done, 1);
    /* Only the address is used as a key: the waiter may already be gone. */
    wf_parking_lot_unpark_all(&b->done);
}

void wf_rcu_barrier(void)
{
    bool online = rcu_state == RCU_ONLINE;
    if (online)
        wf_rcu_thread_offline();  /* else our own grace period waits for us */
    BarrierHead b = { .done = 0 };
    wf_rcu_call(&b.head, rcu_barrier_done);
    uint32_t zero = 0;
    /* acquire: pairs with the release in rcu_barrier_done(); the callbacks
     * before it ran on the same thread, so their effects are visible too. */
    while (wf_atomic_load_acquire_u32(&b.done) == 0)
        wf_parking_lot_park(&b.done, &zero, 4, -1, NULL, 0);
    wf_tsan_acquire(&rcu_token);
    if (online)
        wf_rcu_thread_online();
}
