/* weft: the one-byte mutex, its timed/recursive variants and the Lock. */
/* uint8_t word -> one CAS when free, otherwise parking-lot sleep with hand-off. */
#ifndef WF_SYNC_MUTEX_H
#define WF_SYNC_MUTEX_H

/*
 * The mutex is one byte, so that every object header can carry one
 * (`ob_mutex` in core/object.h), exactly as CPython's PyMutex:
 *
 *   bit 0  WF_MUTEX_LOCKED       somebody holds it
 *   bit 1  WF_MUTEX_HAS_PARKED   at least one thread is (or is about to be)
 *                                parked on this byte in the parking lot
 *
 * Rules:
 *  1. Lock is one compare-and-swap 0 -> LOCKED (acquire) when uncontended;
 *     unlock is one compare-and-swap LOCKED -> 0 (release) when nobody is
 *     parked. Everything else is out of line (mutex.c).
 *  2. A contended locker spins briefly (only on multi-core machines), then sets
 *     HAS_PARKED and parks on the byte. Only an unlocker that sees HAS_PARKED
 *     goes to the parking lot; it wakes one thread and, under the bucket lock,
 *     writes the new byte: HAS_PARKED stays set while others remain parked.
 *  3. Barging is allowed (a running thread may take the lock before the woken
 *     one gets there: throughput), but a thread that has waited more than
 *     WF_MUTEX_FAIR_NS (1 ms) is handed the lock directly: the unlocker leaves
 *     LOCKED set and the woken thread owns it on return (no starvation).
 *  4. The mutex has no owner: any thread may unlock it (a threading.Lock needs
 *     that). Unlocking an unlocked mutex is a fatal error.
 *  5. A thread that parks calls the blocking hooks (sync/util.h) unless the
 *     WF_LOCK_DONT_DETACH flag is given, so the runtime can go RCU-offline.
 *  6. Not recursive: locking twice from one thread deadlocks (WfRMutex is).
 *
 * Who may call: any thread, registered with the runtime or not.
 */
#include <stdbool.h>
#include <stdint.h>

#include "atomic.h"

#define WF_MUTEX_UNLOCKED 0
#define WF_MUTEX_LOCKED 1
#define WF_MUTEX_HAS_PARKED 2

/* A waiter parked longer than this is handed the lock directly (rule 3). */
#define WF_MUTEX_FAIR_NS 1000000

/* Flags for wf_mutex_lock_timed(). */
enum {
    WF_LOCK_DONT_DETACH = 1,    /* do not call the blocking hooks when parking */
    WF_LOCK_INTERRUPTIBLE = 2,  /* give up with WF_LOCK_INTR on a signal */
};

/* Results of the timed operations. */
typedef enum {
    WF_LOCK_ACQUIRED = 1,  /* the caller now holds the lock */
    WF_LOCK_TIMEOUT = 0,   /* timeout elapsed (or trylock found it busy) */
    WF_LOCK_INTR = -1,     /* a signal interrupted the wait (WF_LOCK_INTERRUPTIBLE) */
} WfLockResult;

/* Out-of-line slow paths (mutex.c). */
WfLockResult wf_mutex_lock_slow(uint8_t *m, int64_t timeout_ns, int flags);
void wf_mutex_unlock_slow(uint8_t *m);

/* Take the mutex, sleeping as long as needed. */
static inline void wf_mutex_lock(uint8_t *m)
{
    uint8_t expected = WF_MUTEX_UNLOCKED;
    /* acquire: pairs with the release in wf_mutex_unlock() of the previous owner. */
    if (wf_atomic_cas_acquire_u8(m, &expected, WF_MUTEX_LOCKED))
        return;
    wf_mutex_lock_slow(m, -1, 0);
}

/* Take the mutex if free now; true if taken. Never sleeps. */
static inline bool wf_mutex_trylock(uint8_t *m)
{
    uint8_t v = wf_atomic_load_relaxed_u8(m);
    while (!(v & WF_MUTEX_LOCKED)) {
        /* acquire: pairs with the release in wf_mutex_unlock(). */
        if (wf_atomic_cas_acquire_u8(m, &v, (uint8_t)(v | WF_MUTEX_LOCKED)))
            return true;
    }
    return false;
}

/* Take the mutex within timeout_ns (< 0: forever, 0: try once). */
static inline WfLockResult wf_mutex_lock_timed(uint8_t *m, int64_t timeout_ns, int flags)
{
    uint8_t expected = WF_MUTEX_UNLOCKED;
    /* acquire: as in wf_mutex_lock(). */
    if (wf_atomic_cas_acquire_u8(m, &expected, WF_MUTEX_LOCKED))
        return WF_LOCK_ACQUIRED;
    return wf_mutex_lock_slow(m, timeout_ns, flags);
}

/* Release the mutex (held by anybody: rule 4). */
static inline void wf_mutex_unlock(uint8_t *m)
{
    uint8_t expected = WF_MUTEX_LOCKED;
    /* release: pairs with the acquire CAS of the next locker. */
    if (wf_atomic_cas_release_u8(m, &expected, WF_MUTEX_UNLOCKED))
        return;
    wf_mutex_unlock_slow(m);
}

/* Racy snapshot, for assertions and repr(lock) only. */
static inline bool wf_mutex_is_locked(const uint8_t *m)
{
    return (wf_atomic_load_relaxed_u8(m) & WF_MUTEX_LOCKED) != 0;
}

/* ---- a distinct, never-reused id for the calling thread (not 0) ---- */
extern _Thread_local char wf_sync_thread_anchor;
static inline uintptr_t wf_sync_thread_id(void) { return (uintptr_t)&wf_sync_thread_anchor; }

/* ---- recursive mutex (RLock, import lock) ---- */
typedef struct WfRMutex {
    uint8_t mutex;    /* the underlying one-byte mutex */
    uintptr_t owner;  /* wf_sync_thread_id() of the holder, 0 when free (relaxed) */
    uint32_t level;   /* recursion depth, touched by the owner only */
} WfRMutex;

#define WF_RMUTEX_INIT { 0, 0, 0 }

/* Take it (again, if the caller already holds it); timeout as wf_mutex_lock_timed. */
WfLockResult wf_rmutex_lock_timed(WfRMutex *r, int64_t timeout_ns, int flags);
static inline void wf_rmutex_lock(WfRMutex *r) { (void)wf_rmutex_lock_timed(r, -1, 0); }
/* Release one level; returns -1 (and changes nothing) if the caller is not the owner. */
int wf_rmutex_unlock(WfRMutex *r);
/* True if the calling thread holds it. */
bool wf_rmutex_is_owned(WfRMutex *r);

/* ---- threading.Lock: a one-byte mutex with timed, interruptible acquire ---- */
typedef struct WfLock {
    uint8_t mutex;
} WfLock;

#define WF_LOCK_INIT { 0 }

/*
 * threading.Lock.acquire(timeout=...): timeout_ns < 0 blocks, 0 tries once.
 * With interruptible, a signal ends the wait with WF_LOCK_INTR so the caller
 * can run signal handlers (and retry with the remaining time). The thread
 * parks with the blocking hooks called (RCU offline while asleep).
 */
WfLockResult wf_lock_acquire_timed(WfLock *l, int64_t timeout_ns, bool interruptible);
/* threading.Lock.release(): returns -1 if it was not locked (RuntimeError). */
int wf_lock_release(WfLock *l);
static inline bool wf_lock_locked(WfLock *l) { return wf_mutex_is_locked(&l->mutex); }

#endif
