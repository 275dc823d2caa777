/* weft: the per-thread eval breaker word. */
/* Requests from other threads (GIL drop, signals, stop-the-world...) -> flag bits the interpreter polls. */
#ifndef WF_SYNC_EVAL_BREAKER_H
#define WF_SYNC_EVAL_BREAKER_H

/*
 * Each thread has one uint32_t of request bits. The interpreter polls it with
 * one relaxed load at every loop back-edge and call (the "periodic check");
 * when it is non-zero the slow path handles each set bit. Other threads set
 * bits to ask this thread to do something at its next safe point.
 *
 * Rules:
 *  1. Setting and clearing are atomic read-modify-writes (acq_rel), so bits set
 *     by different threads never overwrite each other, and whatever the setter
 *     wrote before setting a bit is visible to the thread that sees it set and
 *     clears it.
 *  2. The poll itself is relaxed: a late view delays the request by one check
 *     at most, and each handler re-checks its own state under its own lock.
 *  3. A bit is cleared by the thread that handles it (wf_eval_breaker_take).
 */
#include <stdbool.h>
#include <stdint.h>

#include "atomic.h"

/* The request bits: X(NAME, bit, comment). */
#define WF_EVAL_BREAKER_BITS(X) \
    X(GIL_DROP_REQUEST, 0, "another thread waited a switch interval for the GIL") \
    X(SIGNALS_PENDING, 1, "a signal arrived; the main thread runs its handler") \
    X(PENDING_CALLS, 2, "a pending call (Py_AddPendingCall-like) must run") \
    X(STOP_THE_WORLD, 3, "a thread requests stop-the-world: suspend at this safe point") \
    X(ASYNC_EXC, 4, "an asynchronous exception was set for this thread") \
    X(BRC_MERGE, 5, "objects queued for this thread to merge their reference counts (core/brc.c)") \
    X(DEFERRED_READY, 6, "deferred decref batches whose grace period ended (core/pystate.c)")

enum {
#define WF_EB_ENUM(name, bit, doc) WF_EB_##name = 1u << (bit),
    WF_EVAL_BREAKER_BITS(WF_EB_ENUM)
#undef WF_EB_ENUM
};

/* Names of the bits, for debugging, indexed by bit number. */
extern const char *const wf_eval_breaker_names[];

/* The periodic check's poll (rule 2). */
static inline uint32_t wf_eval_breaker_poll(const uint32_t *eb)
{
    return wf_atomic_load_relaxed_u32(eb);
}

/* Set bits (any thread). acq_rel: rule 1. */
static inline void wf_eval_breaker_set(uint32_t *eb, uint32_t bits)
{
    wf_atomic_or_acq_rel_u32(eb, bits);
}

/* Clear bits (any thread). */
static inline void wf_eval_breaker_clear(uint32_t *eb, uint32_t bits)
{
    wf_atomic_and_acq_rel_u32(eb, ~bits);
}

/* Clear bits and say whether any of them was set (the handling thread). */
static inline bool wf_eval_breaker_take(uint32_t *eb, uint32_t bits)
{
    return (wf_atomic_and_acq_rel_u32(eb, ~bits) & bits) != 0;
}

/* Is any of these bits set? (acquire: the setter's writes are visible.) */
static inline bool wf_eval_breaker_test(const uint32_t *eb, uint32_t bits)
{
    return (wf_atomic_load_acquire_u32(eb) & bits) != 0;
}

#endif
