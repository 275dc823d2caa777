/* weft: word-sized object fields that other threads read without a lock. */
/* Instance dict pointers, __slots__ values -> atomic loads, publishing stores, deferred drops. */
#ifndef WF_ATTRSLOT_H
#define WF_ATTRSLOT_H

#include "weft.h"
#include "sync/atomic.h"

/*
 * An instance's `__dict__` pointer and its `__slots__` values are single
 * words that any thread may read or replace at any time (obj.x = 1 in one
 * thread, obj.x in another). The rules (docs/threads.md, "Objects"):
 *  1. Readers load the word with acquire, pairing with the writer's release,
 *     so the object it points to is seen fully initialized. The reader then
 *     takes its own reference at once.
 *  2. Writers replace the word with one acq_rel exchange and drop the old
 *     value with wf_defer_decref: a reader that loaded it a moment ago still
 *     finds it alive until its next quiescent state, long enough to incref.
 *     Alone (thread.h), a load and a release store do.
 *  3. A lazily created dict is installed with a compare-and-swap from 0, so
 *     two threads storing the first attribute at once agree on one dict and
 *     neither attribute is lost.
 */

/* The value in *p, or 0 (borrowed; rule 1). */
static inline Value wf_attrslot_load(const Value *p)
{
    return wf_atomic_load_acquire_usize(p);  /* acquire: pairs with the release in wf_attrslot_store() */
}

/* *p = v (steals v, may be 0 to clear); the old value dropped per rule 2. */
static inline void wf_attrslot_store(Value *p, Value v)
{
    Value old;
    if (WF_LIKELY(!wf_runtime_multithreaded())) {
        /* Alone (thread.h): nobody else loads or replaces the word until we
         * start a thread, so a load and a store do (no locked exchange). */
        old = wf_atomic_load_relaxed_usize(p);
        wf_atomic_store_release_usize(p, v);
    } else {
        /* acq_rel: release publishes v to wf_attrslot_load(); acquire pairs
         * with the store that published old, whose header we read to drop it. */
        old = wf_atomic_exchange_acq_rel_usize(p, v);
    }
    if (old)
        wf_defer_decref(old);
}

/* The dict in *p, created empty if there is none yet (borrowed; rule 3). */
static inline Value wf_attrslot_dict(Value *p)
{
    Value d = wf_attrslot_load(p);
    if (WF_LIKELY(d != 0))
        return d;
    Value fresh = wf_dict_new();
    Value expected = 0;
    /* acq_rel: release publishes the new dict; acquire (on failure) pairs
     * with the winner's release so its dict is seen initialized. */
    if (wf_atomic_cas_acq_rel_usize(p, &expected, fresh))
        return fresh;
    wf_decref(fresh);  /* never shared: another thread installed its dict first */
    return expected;
}

#endif
