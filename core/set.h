/* weft: the set and frozenset layout, shared by set.c and dictview.c. */
/* SetObject -> (open-addressing table of (key, hash)), CPython's setobject.c layout. */
#ifndef WF_SET_H
#define WF_SET_H

#include "weft.h"

/*
 * A port of CPython's setobject.c: a power-of-two table of (key, hash)
 * entries probed linearly for LINEAR_PROBES slots, then by perturbation.
 * Tables of up to SET_MINSIZE entries live inside the object (smalltable).
 * A deleted entry holds the dummy key so probe chains stay intact.
 * Identical probing and growth make iteration order equal to CPython's.
 *
 * Instances of subclasses are this struct followed by their attribute
 * `Value dict` at tp_dictoffset.
 */
#define SET_MINSIZE 8

typedef struct SetEntry {
    Value key;      /* 0: never used; wf_set_dummy: deleted */
    Hash hash;
} SetEntry;

typedef struct SetObject {
    Object ob;
    size_t fill;      /* active + dummy entries */
    size_t used;      /* active entries: len(s) */
    size_t mask;      /* table size - 1 */
    SetEntry *table;  /* smalltable or a heap block */
    Hash hash;        /* frozenset hash cache, -1 until computed */
    size_t finger;    /* where pop() resumes its search */
    SetEntry smalltable[SET_MINSIZE];
} SetObject;

/* The probe sequence (set.c): LINEAR_PROBES slots after the home slot, then
 * the perturbation recurrence. */
#define WF_SET_LINEAR_PROBES 9
#define WF_SET_PERTURB_SHIFT 5

extern Object wf_set_dummy_obj;
#define wf_set_dummy ((Value)&wf_set_dummy_obj)

/* set or frozenset, or a subclass of either. */
bool wf_is_anyset(Value v);
static inline SetObject *wf_as_set(Value v) { WF_ASSERT(wf_is_anyset(v)); return (SetObject *)wf_obj(v); }

/* `key in so` by identity, inline: 1 or 0, or -1 when only __eq__ can
 * tell (an entry with the key's hash holds another object, such as 1.0 for
 * 1: the caller then takes wf_set_contains). hash is the key's. For tables
 * nobody changes meanwhile only: an exact frozenset (immutable once built,
 * set.c rule 2) or a set while this thread is the only one. The probe is
 * set.c's set_lookkey, without the calls. */
static inline int wf_set_probe(const SetObject *so, Value key, Hash hash)
{
    size_t perturb = (size_t)hash, mask = so->mask, i = (size_t)hash & mask;
    for (;;) {
        const SetEntry *entry = &so->table[i];
        int probes = (i + WF_SET_LINEAR_PROBES <= mask) ? WF_SET_LINEAR_PROBES : 0;
        do {
            if (entry->key == key)
                return 1;
            if (entry->key == 0)   /* empty (a dummy's key is wf_set_dummy) */
                return 0;
            if (entry->hash == hash)
                return -1;
            entry++;
        } while (probes--);
        perturb >>= WF_SET_PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* In-place operations with any iterable (set.update and friends). */
int wf_set_update(Value s, Value iterable);
int wf_set_difference_update(Value s, Value other);
int wf_set_symdiff_update(Value s, Value other);
/* s | {key} for a set or frozenset s (a new set of s's type family), as
 * CPython computes it, without the temporary set. */
Value wf_set_union_key(Value s, Value key);
/* s & other as a new set of s's type family. */
Value wf_set_intersection(Value s, Value other);

/* Registers the os module (osmodule.c); called from wf_set_init. */
void wf_os_register(void);

#endif
