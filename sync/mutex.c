/* weft: the one-byte mutex, its timed/recursive variants and the Lock. */
/* uint8_t word -> one CAS when free, otherwise parking-lot sleep with hand-off. */
#define _GNU_SOURCE
#include "mutex.h"

#include <sched.h>
#include <unistd.h>

#include "parking_lot.h"
#include "util.h"

_Thread_local char wf_sync_thread_anchor;

/* Spin (yielding) this many times before parking, on multi-core machines. */
#define MAX_SPIN_COUNT 40

/* What a parked locker tells the unlocker, and what the unlocker answers. */
typedef struct MutexEntry {
    int64_t time_to_be_fair;  /* after this, the unlocker hands over (rule 3) */
    int handed_off;           /* set by the unlocker under the bucket lock */
} MutexEntry;

static int mutex_ncpu(void)
{
    static int ncpu;
    /* relaxed: every thread computes the same value; a racing store is benign. */
    int n = wf_atomic_load_relaxed_int(&ncpu);
    if (n == 0) {
        n = (int)sysconf(_SC_NPROCESSORS_ONLN);
        if (n < 1)
            n = 1;
        wf_atomic_store_relaxed_int(&ncpu, n);
    }
    return n;
}

WfLockResult wf_mutex_lock_slow(uint8_t *m, int64_t timeout_ns, int flags)
{
    int64_t start = wf_sync_now_ns();
    int64_t deadline = timeout_ns < 0 ? -1 : start + timeout_ns;
    int spins = 0;
    bool may_spin = mutex_ncpu() > 1;
    int park_flags = (flags & WF_LOCK_DONT_DETACH ? 0 : WF_PARK_DETACH) |
                     (flags & WF_LOCK_INTERRUPTIBLE ? WF_PARK_INTERRUPTIBLE : 0);
    uint8_t v = wf_atomic_load_relaxed_u8(m);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) {
            /* acquire: pairs with the release in wf_mutex_unlock{,_slow}(). */
            if (wf_atomic_cas_acquire_u8(m, &v, (uint8_t)(v | WF_MUTEX_LOCKED)))
                return WF_LOCK_ACQUIRED;
            continue;
        }
        if (timeout_ns == 0)
            return WF_LOCK_TIMEOUT;
        if (!(v & WF_MUTEX_HAS_PARKED) && may_spin && spins < MAX_SPIN_COUNT) {
            sched_yield();
            spins++;
            v = wf_atomic_load_relaxed_u8(m);
            continue;
        }
        if (!(v & WF_MUTEX_HAS_PARKED)) {
            /* relaxed: the bit is only a hint to the unlocker, which reads it
             * with a CAS; the parking lot's bucket lock orders the rest. */
            if (!wf_atomic_cas_relaxed_u8(m, &v, (uint8_t)(v | WF_MUTEX_HAS_PARKED)))
                continue;
            v |= WF_MUTEX_HAS_PARKED;
        }
        int64_t left = -1;
        if (deadline >= 0) {
            left = deadline - wf_sync_now_ns();
            if (left <= 0)
                return WF_LOCK_TIMEOUT;
        }
        MutexEntry entry = { .time_to_be_fair = start + WF_MUTEX_FAIR_NS, .handed_off = 0 };
        WfParkResult r = wf_parking_lot_park(m, &v, 1, left, &entry, park_flags);
        if (r == WF_PARK_OK && entry.handed_off)
            return WF_LOCK_ACQUIRED;  /* rule 3: the unlocker left LOCKED set for us */
        if (r == WF_PARK_INTR)
            return WF_LOCK_INTR;
        if (r == WF_PARK_TIMEOUT && deadline >= 0 && wf_sync_now_ns() >= deadline) {
            /* One last try: the lock may have been freed meanwhile. */
            v = wf_atomic_load_relaxed_u8(m);
            if (!(v & WF_MUTEX_LOCKED) &&
                wf_atomic_cas_acquire_u8(m, &v, (uint8_t)(v | WF_MUTEX_LOCKED)))
                return WF_LOCK_ACQUIRED;
            return WF_LOCK_TIMEOUT;
        }
        v = wf_atomic_load_relaxed_u8(m);
    }
}

/* Unpark callback, under the bucket lock: write the byte for what remains. */
static void mutex_unpark(void *arg, void *park_arg, int has_more_waiters)
{
    uint8_t *m = arg;
    MutexEntry *entry = park_arg;
    uint8_t v = WF_MUTEX_UNLOCKED;
    if (entry) {
        int fair = wf_sync_now_ns() > entry->time_to_be_fair;
        /* Plain write: the woken thread reads it after the acquire on its
         * futex word, which pairs with the release in the parking lot's wake. */
        entry->handed_off = fair;
        if (fair)
            v |= WF_MUTEX_LOCKED;
        if (has_more_waiters)
            v |= WF_MUTEX_HAS_PARKED;
    }
    /* release: publishes the critical section just ended to the next locker
     * (its acquire CAS); in the hand-off case the futex word carries it. */
    wf_atomic_store_release_u8(m, v);
}

void wf_mutex_unlock_slow(uint8_t *m)
{
    uint8_t v = wf_atomic_load_relaxed_u8(m);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED))
            WF_SYNC_DIE("unlocking a mutex that is not locked", 0);
        if (v & WF_MUTEX_HAS_PARKED) {
            wf_parking_lot_unpark(m, mutex_unpark, m);
            return;
        }
        /* release: pairs with the acquire CAS of the next locker. */
        if (wf_atomic_cas_release_u8(m, &v, WF_MUTEX_UNLOCKED))
            return;
    }
}

/* ---- recursive mutex ---- */

WfLockResult wf_rmutex_lock_timed(WfRMutex *r, int64_t timeout_ns, int flags)
{
    uintptr_t me = wf_sync_thread_id();
    /* relaxed: only this thread can have stored `me` there, so seeing it
     * means we hold the mutex; any other value means we do not. */
    if (wf_atomic_load_relaxed_usize(&r->owner) == me) {
        r->level++;
        return WF_LOCK_ACQUIRED;
    }
    WfLockResult res = wf_mutex_lock_timed(&r->mutex, timeout_ns, flags);
    if (res == WF_LOCK_ACQUIRED) {
        wf_atomic_store_relaxed_usize(&r->owner, me);
        r->level = 1;
    }
    return res;
}

int wf_rmutex_unlock(WfRMutex *r)
{
    if (wf_atomic_load_relaxed_usize(&r->owner) != wf_sync_thread_id())
        return -1;
    if (--r->level == 0) {
        wf_atomic_store_relaxed_usize(&r->owner, 0);
        wf_mutex_unlock(&r->mutex);
    }
    return 0;
}

bool wf_rmutex_is_owned(WfRMutex *r)
{
    return wf_atomic_load_relaxed_usize(&r->owner) == wf_sync_thread_id();
}

/* ---- threading.Lock ---- */

WfLockResult wf_lock_acquire_timed(WfLock *l, int64_t timeout_ns, bool interruptible)
{
    return wf_mutex_lock_timed(&l->mutex, timeout_ns, interruptible ? WF_LOCK_INTERRUPTIBLE : 0);
}

int wf_lock_release(WfLock *l)
{
    uint8_t v = wf_atomic_load_relaxed_u8(&l->mutex);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED))
            return -1;
        if (v & WF_MUTEX_HAS_PARKED) {
            wf_mutex_unlock_slow(&l->mutex);
            return 0;
        }
        /* release: pairs with the acquire CAS of the next locker. */
        if (wf_atomic_cas_release_u8(&l->mutex, &v, WF_MUTEX_UNLOCKED))
            return 0;
    }
}
