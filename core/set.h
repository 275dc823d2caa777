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

extern Object wf_set_dummy_obj;
#define wf_set_dummy ((Value)&wf_set_dummy_obj)

/* set or frozenset, or a subclass of either. */
bool wf_is_anyset(Value v);
static inline SetObject *wf_as_set(Value v) { WF_ASSERT(wf_is_anyset(v)); return (SetObject *)wf_obj(v); }

/* In-place operations with any iterable (set.update and friends). */
int wf_set_update(Value s, Value iterable);
int wf_set_difference_update(Value s, Value other);
int wf_set_symdiff_update(Value s, Value other);
/* s & other as a new set of s's type family. */
Value wf_set_intersection(Value s, Value other);

/* Registers the os module (osmodule.c); called from wf_set_init. */
void wf_os_register(void);

#endif
