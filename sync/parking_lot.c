/* weft: the parking lot, where threads sleep keyed by an address. */
/* (address, expected value) -> sleep in a hashed bucket queue -> woken by unpark. */
#define _GNU_SOURCE
#include "parking_lot.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "atomic.h"
#include "util.h"

/* One per thread, busy only while that thread is parked (rule 3). */
typedef struct Waiter {
    struct Waiter *next, *prev;  /* bucket queue, under the bucket lock */
    const void *addr;            /* what we are parked on, under the bucket lock */
    void *park_arg;              /* handed to the unparker's callback */
    bool queued;                 /* in a bucket queue, under the bucket lock */
    uint32_t wake;               /* futex word: 0 asleep, 1 woken (release/acquire) */
} Waiter;

/* A bucket: lock + FIFO of waiters for every address hashing here. */
typedef struct Bucket {
    _Alignas(64) pthread_mutex_t lock;  /* one bucket per cache line or two */
    Waiter *head, *tail;
} Bucket;

#define NBUCKETS 257  /* prime, as CPython's parking lot */

static Bucket buckets[NBUCKETS] = {
    [0 ... NBUCKETS - 1] = { .lock = PTHREAD_MUTEX_INITIALIZER },
};

static _Thread_local Waiter this_waiter;

/* ---- buckets ---- */

static Bucket *pl_bucket(const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    a ^= a >> 17;  /* mix the high bits in: objects are 16-byte aligned */
    return &buckets[a % NBUCKETS];
}

static void pl_lock(Bucket *b)
{
    int err = pthread_mutex_lock(&b->lock);
    if (err)
        WF_SYNC_DIE("pthread_mutex_lock", err);
}

static void pl_unlock(Bucket *b)
{
    pthread_mutex_unlock(&b->lock);
}

static void pl_enqueue(Bucket *b, Waiter *w)
{
    w->next = NULL;
    w->prev = b->tail;
    if (b->tail)
        b->tail->next = w;
    else
        b->head = w;
    b->tail = w;
    w->queued = true;
}

static void pl_dequeue(Bucket *b, Waiter *w)
{
    if (w->prev)
        w->prev->next = w->next;
    else
        b->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        b->tail = w->prev;
    w->next = w->prev = NULL;
    w->queued = false;
}

/* First waiter on addr after `from` (NULL: from the head). */
static Waiter *pl_find(Bucket *b, const void *addr, Waiter *from)
{
    for (Waiter *w = from ? from->next : b->head; w; w = w->next)
        if (w->addr == addr)
            return w;
    return NULL;
}

/* relaxed: the caller holds the bucket lock, and the writer of *addr calls
 * unpark (same lock) after writing, so no wake-up can be missed (rule 1). */
static bool pl_matches(const void *addr, const void *expected, size_t size)
{
    switch (size) {
    case 1: return wf_atomic_load_relaxed_u8(addr) == *(const uint8_t *)expected;
    case 2: return wf_atomic_load_relaxed_u16(addr) == *(const uint16_t *)expected;
    case 4: return wf_atomic_load_relaxed_u32(addr) == *(const uint32_t *)expected;
    case 8: return wf_atomic_load_relaxed_u64(addr) == *(const uint64_t *)expected;
    }
    WF_SYNC_DIE("wf_parking_lot_park: size must be 1, 2, 4 or 8", 0);
}

/* ---- sleeping on the waiter's own futex word ---- */

static long pl_futex(uint32_t *word, int op, uint32_t val, const struct timespec *rel)
{
    return syscall(SYS_futex, word, op, val, rel, NULL, 0);
}

/* Sleep until w->wake != 0 or the deadline (-1: none) passes or, if
 * interruptible, a signal arrives. */
static WfParkResult pl_sleep(Waiter *w, int64_t deadline, bool interruptible)
{
    /* acquire: pairs with the release store in pl_wake(); what the waker did
     * before unparking (e.g. handing a lock over) is visible after this. */
    while (wf_atomic_load_acquire_u32(&w->wake) == 0) {
        struct timespec rel, *relp = NULL;
        if (deadline >= 0) {
            int64_t left = deadline - wf_sync_now_ns();
            if (left <= 0)
                return WF_PARK_TIMEOUT;
            rel.tv_sec = left / 1000000000;
            rel.tv_nsec = left % 1000000000;
            relp = &rel;
        }
        if (pl_futex(&w->wake, FUTEX_WAIT_PRIVATE, 0, relp) < 0) {
            int err = errno;
            if (err == EINTR && interruptible)
                return WF_PARK_INTR;
            if (err != EAGAIN && err != EINTR && err != ETIMEDOUT)
                WF_SYNC_DIE("futex wait", err);
        }
    }
    return WF_PARK_OK;
}

/* Wake a waiter that was dequeued under the bucket lock. The futex call may
 * touch the word after the woken thread has already returned (it can see the
 * store before the syscall); that is harmless: the word stays mapped for the
 * thread's life, and a stray wake is a spurious wake-up, absorbed by the loop
 * in pl_sleep() (rule 4). */
static void pl_wake(Waiter *w)
{
    /* release: pairs with the acquire load in pl_sleep(). */
    wf_atomic_store_release_u32(&w->wake, 1);
    pl_futex(&w->wake, FUTEX_WAKE_PRIVATE, 1, NULL);
}

/* ---- the API ---- */

WfParkResult wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_arg, int flags)
{
    Waiter *w = &this_waiter;
    Bucket *b = pl_bucket(addr);
    pl_lock(b);
    if (!pl_matches(addr, expected, size)) {
        pl_unlock(b);
        return WF_PARK_AGAIN;
    }
    if (timeout_ns == 0) {
        pl_unlock(b);
        return WF_PARK_TIMEOUT;
    }
    w->addr = addr;
    w->park_arg = park_arg;
    /* relaxed: nobody can wake us before we are queued (under the lock). */
    wf_atomic_store_relaxed_u32(&w->wake, 0);
    pl_enqueue(b, w);
    pl_unlock(b);

    int64_t deadline = timeout_ns < 0 ? -1 : wf_sync_now_ns() + timeout_ns;
    if (flags & WF_PARK_DETACH)
        wf_sync_block_enter();
    WfParkResult r = pl_sleep(w, deadline, (flags & WF_PARK_INTERRUPTIBLE) != 0);
    if (r != WF_PARK_OK) {
        pl_lock(b);
        bool still_queued = w->queued;
        if (still_queued)
            pl_dequeue(b, w);
        pl_unlock(b);
        if (!still_queued) {
            /* An unparker dequeued us and already ran its callback for us
             * (e.g. handed us a lock): the wake is on its way, take it. */
            pl_sleep(w, -1, false);
            r = WF_PARK_OK;
        }
    }
    if (flags & WF_PARK_DETACH)
        wf_sync_block_leave();
    return r;
}

int wf_parking_lot_unpark(const void *addr, WfUnparkFn fn, void *arg)
{
    Bucket *b = pl_bucket(addr);
    pl_lock(b);
    Waiter *w = pl_find(b, addr, NULL);
    int more = 0;
    if (w) {
        more = pl_find(b, addr, w) != NULL;
        pl_dequeue(b, w);
    }
    if (fn)
        fn(arg, w ? w->park_arg : NULL, more);
    pl_unlock(b);
    if (w)
        pl_wake(w);
    return w != NULL;
}

int wf_parking_lot_unpark_all(const void *addr)
{
    Bucket *b = pl_bucket(addr);
    Waiter *woken = NULL, *last = NULL;
    int n = 0;
    pl_lock(b);
    for (Waiter *w = pl_find(b, addr, NULL); w; ) {
        Waiter *next = pl_find(b, addr, w);
        pl_dequeue(b, w);
        /* Chain the woken through ->next (unused once dequeued, and only
         * this thread touches it until pl_wake()). */
        if (last)
            last->next = w;
        else
            woken = w;
        last = w;
        n++;
        w = next;
    }
    pl_unlock(b);
    while (woken) {
        Waiter *next = woken->next;
        woken->next = NULL;
        pl_wake(woken);
        woken = next;
    }
    return n;
}

int wf_parking_lot_count(const void *addr)
{
    Bucket *b = pl_bucket(addr);
    int n = 0;
    pl_lock(b);
    for (Waiter *w = pl_find(b, addr, NULL); w; w = pl_find(b, addr, w))
        n++;
    pl_unlock(b);
    return n;
}
