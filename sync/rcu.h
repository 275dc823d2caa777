/* weft: read-copy-update, QSBR flavor, the only door to liburcu. */
/* Readers: plain loads + quiescent states; writers: publish, wait a grace period, reclaim. */
#ifndef WF_SYNC_RCU_H
#define WF_SYNC_RCU_H

/*
 * weft uses liburcu's QSBR flavor (quiescent-state-based reclamation): read
 * sections cost nothing at all; instead every registered thread periodically
 * announces a quiescent state ("I hold no RCU-protected pointer right now"),
 * and a grace period ends when every online thread has announced one. Nothing
 * outside sync/ includes liburcu headers; everything goes through here, which
 * is also where the ThreadSanitizer annotations live (docs/sync.md, "TSan").
 *
 * The discipline (numbered so code can cite it):
 *  1. A thread that reads RCU-protected pointers is registered
 *     (wf_rcu_register_thread) and online. Registration leaves it online.
 *  2. A pointer obtained with wf_rcu_dereference stays valid until the thread
 *     next calls wf_rcu_quiescent_state, wf_rcu_thread_offline or
 *     wf_rcu_unregister_thread. It must not be kept across those calls.
 *  3. The interpreter reports a quiescent state from its periodic check (the
 *     eval breaker poll), never from inside an executor or any code that holds
 *     a dereferenced pointer.
 *  4. Every blocking operation (lock wait, join, sleep, I/O, waiting for the
 *     GIL) is bracketed by wf_rcu_thread_offline / wf_rcu_thread_online: an
 *     offline thread does not delay grace periods.
 *  5. Writers publish with wf_rcu_assign_pointer (release) after fully
 *     initializing the new object; readers load with wf_rcu_dereference
 *     (acquire). Writers serialize among themselves with a lock of their own.
 *  6. Memory a reader may still hold is reclaimed only after a grace period:
 *     wf_rcu_synchronize (blocking) or wf_rcu_call (deferred to liburcu's
 *     call_rcu worker thread).
 *  7. wf_rcu_synchronize must never be called by an online thread that holds
 *     RCU-protected pointers (self-deadlock); the wrapper takes the calling
 *     thread offline for the wait if it is registered and online.
 *  8. wf_rcu_call callbacks run on another thread, must not block for long,
 *     and must not call wf_rcu_synchronize or wf_rcu_barrier.
 *  9. wf_rcu_read_lock/unlock compile to nothing in QSBR; they document the
 *     extent of a read section and keep the code portable to other flavors.
 */
#include <stdbool.h>
#include <stdint.h>

#include "atomic.h"

/* A callback header, embedded in the object to reclaim. Opaque: it holds
 * liburcu's struct rcu_head plus weft's callback (see wf_rcu_call). */
typedef struct WfRcuHead WfRcuHead;
typedef void (*WfRcuFn)(WfRcuHead *head);
struct WfRcuHead {
    void *urcu_storage[2];  /* struct rcu_head (next, func); checked in rcu.c */
    WfRcuFn fn;             /* the user's callback, called after a grace period */
};

/* Who: every thread that will read RCU-protected data, once, at thread start,
 * before its first wf_rcu_dereference. The thread is online afterwards. */
void wf_rcu_register_thread(void);

/* Who: a registered thread, once, before it exits; it must be online and hold
 * no RCU-protected pointer. It no longer delays grace periods afterwards. */
void wf_rcu_unregister_thread(void);

/* Who: a registered, online thread holding no RCU-protected pointer (rule 3).
 * Tells grace periods this thread has passed a quiescent state. Cheap (one
 * store and, when a writer waits, a futex wake), but not free: call it from
 * the periodic check, not from every instruction. */
void wf_rcu_quiescent_state(void);

/* Who: a registered, online thread holding no RCU-protected pointer, just
 * before blocking (rule 4). While offline it must not dereference. */
void wf_rcu_thread_offline(void);

/* Who: a registered, offline thread, after the blocking call returns. */
void wf_rcu_thread_online(void);

/* True if the calling thread is registered (with this wrapper) and online. */
bool wf_rcu_is_online(void);

/* Rule 9: markers of a read section; no code in QSBR. */
static inline void wf_rcu_read_lock(void) {}
static inline void wf_rcu_read_unlock(void) {}

/* Who: a registered, online reader. Loads an RCU-protected pointer.
 * acquire: pairs with the release in wf_rcu_assign_pointer(), so the fields
 * the writer initialized before publishing are visible. `p` is the ADDRESS of
 * the pointer variable (as in the sync/atomic.h ptr wrappers). */
#define wf_rcu_dereference(p) wf_atomic_load_acquire_ptr(p)

/* Who: a writer, under its own writer lock (rule 5). Publishes v in *p.
 * release: pairs with the acquire in wf_rcu_dereference(). */
#define wf_rcu_assign_pointer(p, v) wf_atomic_store_release_ptr((p), (void *)(v))

/* Who: any thread, registered or not, holding no RCU-protected pointer.
 * Blocks until every reader that might hold a pointer unpublished before
 * the call has passed a quiescent state. Everything those readers did before
 * their quiescent state happens-before the return (TSan included). */
void wf_rcu_synchronize(void);

/* Who: any thread. After a grace period, fn(head) runs on liburcu's call_rcu
 * thread (rule 8). `head` is embedded in the object fn reclaims. Never blocks
 * (the call_rcu queue is lock-free). */
void wf_rcu_call(WfRcuHead *head, WfRcuFn fn);

/* Who: any thread holding no RCU-protected pointer (it may block; an online
 * registered caller is taken offline meanwhile). Waits until every callback
 * queued by wf_rcu_call before this call has finished running. */
void wf_rcu_barrier(void);

#endif
