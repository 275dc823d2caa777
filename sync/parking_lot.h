/* weft: the parking lot, where threads sleep keyed by an address. */
/* (address, expected value) -> sleep in a hashed bucket queue -> woken by unpark. */
#ifndef WF_SYNC_PARKING_LOT_H
#define WF_SYNC_PARKING_LOT_H

/*
 * A parking lot (WebKit's WTF::ParkingLot, Rust's parking_lot, CPython's
 * Python/parking_lot.c) lets any word in memory act as a wait queue without
 * storing a queue in the word: a fixed table of buckets, hashed by address,
 * each holds a small internal lock and a FIFO of the threads parked on any
 * address that hashes there. That is what lets a lock be a single byte.
 *
 * Rules:
 *  1. wf_parking_lot_park(addr, expected, size, ...) sleeps only if *addr still
 *     equals *expected when checked under the bucket lock. A waker that changes
 *     *addr and then calls unpark (which takes the same bucket lock) can
 *     therefore never be missed.
 *  2. Unpark callbacks run under the bucket lock, before the woken thread can
 *     run: they are where the waker updates the word to reflect whether
 *     waiters remain (has_more_waiters). They must be short and must not park.
 *  3. Each thread owns one waiter record, which is busy only while that thread
 *     is parked; a thread is parked on at most one address at a time.
 *  4. Wake-ups are never lost, but a parked thread may return WF_PARK_OK only
 *     after someone unparked it: the sleep primitive's spurious wake-ups are
 *     absorbed inside park.
 *  5. Each waiter sleeps on its own futex word (Linux) so a wake touches one
 *     thread only; the word is written with release and read with acquire,
 *     which is also the edge ThreadSanitizer follows.
 */
#include <stddef.h>
#include <stdint.h>

/* park() results. */
typedef enum {
    WF_PARK_OK = 0,        /* unparked by another thread */
    WF_PARK_AGAIN = -1,    /* *addr != *expected: did not sleep */
    WF_PARK_TIMEOUT = -2,  /* timeout_ns elapsed */
    WF_PARK_INTR = -3,     /* interrupted by a signal (WF_PARK_INTERRUPTIBLE) */
} WfParkResult;

/* park() flags. */
enum {
    WF_PARK_DETACH = 1,         /* call the blocking hooks (sync/util.h) around the sleep */
    WF_PARK_INTERRUPTIBLE = 2,  /* return WF_PARK_INTR when a signal interrupts the sleep */
};

/*
 * Park the calling thread on addr while *addr == *expected (size 1, 2, 4 or 8
 * bytes, compared with a relaxed atomic load under the bucket lock).
 * timeout_ns < 0 waits forever, 0 checks and returns WF_PARK_TIMEOUT at once
 * if it would sleep. park_arg is handed to the unparker's callback.
 * Who: any thread, holding no lock that the unparker needs.
 */
WfParkResult wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_arg, int flags);

/*
 * Wake the longest-waiting thread parked on addr. Under the bucket lock, calls
 * fn(arg, park_arg, has_more_waiters), where park_arg is the woken thread's
 * (NULL when no thread was parked) and has_more_waiters tells whether others
 * remain on addr. Returns 1 if a thread was woken, 0 otherwise.
 */
typedef void (*WfUnparkFn)(void *arg, void *park_arg, int has_more_waiters);
int wf_parking_lot_unpark(const void *addr, WfUnparkFn fn, void *arg);

/* Wake every thread parked on addr; returns how many. */
int wf_parking_lot_unpark_all(const void *addr);

/* Debug/test: number of threads parked on addr right now (racy snapshot). */
int wf_parking_lot_count(const void *addr);

#endif
