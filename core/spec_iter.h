/* weft: the helpers of the iteration, unpacking and containment forms. */
/* Specialized FOR_ITER / UNPACK_SEQUENCE / CONTAINS_OP bodies (core/spec/iter.def) -> these. */
#ifndef WF_SPEC_ITER_H
#define WF_SPEC_ITER_H

#include "weft.h"
#include "dict.h"
#include "seq.h"
#include "set.h"

/* `a, b, ... = seq` for an exact list: if seq holds exactly n items, store
 * new references to them in values (last item first, the order the stores
 * pop them) and return true; else store nothing and return false. The items
 * are one state of the list: copied under its critical section once other
 * threads exist (as wf_list_as_tuple does for the generic path). */
bool wf_spec_unpack_list(Value seq, int n, Value *values);

/* The hash of a key that costs no call: a str's cached hash, or a small
 * int's (itself below 2**60); -1 for every other key. */
static inline Hash wf_spec_cheap_hash(Value key)
{
    Hash h = -1;
    if (wf_is_str_exact(key)) {
        h = wf_dict_str_hash(key);
    } else if (wf_is_small(key)) {
        intptr_t i = wf_small_val(key);
        if (i > -((intptr_t)1 << 60) && i < ((intptr_t)1 << 60))
            h = i == -1 ? -2 : (Hash)i;   /* as wf_hash */
    }
    return h;
}
/* `key in d` for an exact dict: 1, 0, or -1 with an exception (unhashable
 * key, __hash__ or __eq__ raising). A key with a cheap hash goes through
 * the lock-free probe of dict.h inline; other keys, and an equal hash that
 * needs __eq__, through dict.c's wf_dict_contains (the same probe, then
 * the locked lookup). */
static inline int wf_spec_dict_contains(Value d, Value key)
{
    Hash h = wf_spec_cheap_hash(key);
    Value v;
    int r = h != -1 ? wf_dict_probe(wf_as_dict(d), key, h, &v) : -1;
    return r >= 0 ? r : wf_dict_contains(d, key);
}

/* `key in s` for an exact set or frozenset: 1, 0, or -1 with an exception.
 * A key with a cheap hash (as above) is probed inline (set.h's
 * wf_set_probe) in a frozenset, or in a set while this thread is alone;
 * everything else, and a probe that needs __eq__, goes through set.c's
 * wf_set_contains (under the set's section). */
static inline int wf_spec_set_contains(Value s, Value key)
{
    Hash h = wf_spec_cheap_hash(key);
    if (h != -1 && (wf_is_type_exact(s, &wf_type_frozenset) || !wf_runtime_multithreaded())) {
        int r = wf_set_probe(wf_as_set(s), key, h);
        if (r >= 0)
            return r;
    }
    return wf_set_contains(s, key);
}

#endif
