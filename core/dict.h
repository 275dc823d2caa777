/* weft: the dict layout, shared by dict.c, dictview.c and whoever needs the fields. */
/* DictObject -> (index table, dense entries); views and iterators over it. */
#ifndef WF_DICT_H
#define WF_DICT_H

#include "weft.h"

/*
 * CPython's compact ordered dict. One allocation holds two arrays:
 *
 *   indices  (1 << log2size) slots of 1, 2, 4 or 8 bytes (1 << log2width):
 *            DKIX_EMPTY, DKIX_DUMMY (a deleted slot, keeps probe chains
 *            intact) or the position of an entry;
 *   entries  usable_fraction(size) = size * 2 / 3 DictEntry in insertion
 *            order. A deleted entry keeps its place with key == 0 until the
 *            next resize compacts the array.
 *
 * Invariants: used <= nentries <= capacity; usable == capacity - nentries
 * (except after popitem, which trims nentries without giving the room
 * back, as CPython does); a dict without a table has log2size == 0 and
 * indices == NULL. version is bumped on every mutation.
 *
 * Instances of dict subclasses are this struct followed by the `Value dict`
 * of their attributes at tp_dictoffset (see wf_dict_dict_slot).
 */
typedef struct DictEntry {
    Hash hash;
    Value key;      /* 0: deleted */
    Value value;
} DictEntry;

typedef struct DictObject {
    Object ob;
    size_t used;        /* live items: len(d) */
    size_t nentries;    /* entries[0..nentries) are used or deleted */
    size_t usable;      /* entries that may still be appended before a resize */
    uint8_t log2size;   /* index slots: 1 << log2size; 0 without a table */
    uint8_t log2width;  /* bytes per index slot: 1 << log2width */
    void *indices;      /* the block; entries follow the indices */
    DictEntry *entries;
    uint64_t version;
} DictObject;

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

static inline DictObject *wf_as_dict(Value v) { WF_ASSERT(wf_is_dict(v)); return (DictObject *)wf_obj(v); }

/* The hash of a dict key: str's cached hash without a call. -1 on error. */
Hash wf_dict_key_hash(Value key);
/* Position in entries of key, DKIX_EMPTY if absent, DKIX_ERROR on error. */
intptr_t wf_dict_lookup(DictObject *d, Value key, Hash hash);
/* d[key] = value for a hashed key; steals key and value. */
int wf_dict_insert(DictObject *d, Value key, Hash hash, Value value);
/* Merge other (any mapping) into d; override 0 keeps existing keys. */
int wf_dict_merge(Value d, Value other, int override);

/* The inline probe of the attribute paths: an exact str key with its hash
 * computed, in a table with 1-byte index slots (up to 128 slots). Returns
 * the entry position, DKIX_EMPTY if absent, or DKIX_ERROR - 1 when the
 * answer needs wf_dict_lookup (no table of that kind, no hash yet, or an
 * entry with an equal hash but another key object). Never calls out. */
#define WF_DKIX_SLOW (DKIX_ERROR - 1)
static inline intptr_t wf_dict_str_probe(const DictObject *d, Value key)
{
    Hash hash = ((const StrObject *)wf_obj(key))->hash;
    if (WF_UNLIKELY(hash == -1 || d->log2width != 0 || !d->indices))
        return WF_DKIX_SLOW;
    size_t mask = ((size_t)1 << d->log2size) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    const int8_t *idx = (const int8_t *)d->indices;
    for (;;) {
        intptr_t ix = idx[i];
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            const DictEntry *ep = &d->entries[ix];
            if (ep->key == key)
                return ix;
            if (ep->hash == hash)
                return WF_DKIX_SLOW;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* wf_dict_get for a key that is an exact str (borrowed value, 0 if absent
 * or on error, as wf_dict_get). */
static inline Value wf_dict_get_str(Value d, Value key)
{
    WF_ASSERT(wf_is_str_exact(key));
    DictObject *dp = wf_as_dict(d);
    intptr_t ix = wf_dict_str_probe(dp, key);
    if (WF_LIKELY(ix >= 0))
        return dp->entries[ix].value;
    if (WF_LIKELY(ix == DKIX_EMPTY))
        return 0;
    return wf_dict_get(d, key);
}

/* wf_dict_set for a key that is an exact str. */
static inline int wf_dict_set_str(Value d, Value key, Value v)
{
    WF_ASSERT(wf_is_str_exact(key));
    DictObject *dp = wf_as_dict(d);
    intptr_t ix = wf_dict_str_probe(dp, key);
    if (WF_LIKELY(ix >= 0)) {
        Value old = dp->entries[ix].value;
        dp->entries[ix].value = wf_incref(v);
        dp->version++;
        wf_decref(old);
        return 0;
    }
    return wf_dict_set(d, key, v);
}

/* A repr in progress on this thread for v: 1 if already entered (print
 * "{...}"), 0 after entering it, -1 on error. Pair 0 with wf_repr_leave. */
int wf_repr_enter(Value v);
void wf_repr_leave(Value v);

/* Views and their iterators (dictview.c). */
extern TypeObject wf_type_dict_keys, wf_type_dict_values, wf_type_dict_items;
extern TypeObject wf_type_dict_keyiter, wf_type_dict_valueiter, wf_type_dict_itemiter;
extern TypeObject wf_type_dict_revkeyiter, wf_type_dict_revvalueiter, wf_type_dict_revitemiter;
Value wf_dictview_new(Value d, TypeObject *type);
Value wf_dictiter_new(Value d, TypeObject *type);
void wf_dictview_init(void);


/* d[name] for an exact dict and an interned-or-hashed exact str name, any
 * index width (module globals and builtins outgrow the 1-byte tables of
 * wf_dict_str_probe): the borrowed value, 0 if absent, or 0 with an
 * exception from the wf_dict_get fallback. The interpreter's LOAD_GLOBAL and
 * LOAD_NAME paths use it; the borrowed value must be increfed at once. */
static inline Value wf_dict_get_name(Value dv, Value key)
{
    DictObject *d = wf_as_dict(dv);
    Hash hash = ((const StrObject *)wf_obj(key))->hash;
    if (WF_UNLIKELY(hash == -1 || !d->indices))
        return wf_dict_get(dv, key);
    size_t mask = ((size_t)1 << d->log2size) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    int width = d->log2width;
    for (;;) {
        intptr_t ix;
        switch (width) {
        case 0: ix = ((const int8_t *)d->indices)[i]; break;
        case 1: ix = ((const int16_t *)d->indices)[i]; break;
        case 2: ix = ((const int32_t *)d->indices)[i]; break;
        default: ix = (intptr_t)((const int64_t *)d->indices)[i]; break;
        }
        if (ix == DKIX_EMPTY)
            return 0;
        if (ix >= 0) {
            const DictEntry *ep = &d->entries[ix];
            if (ep->key == key)
                return ep->value;
            if (ep->hash == hash)
                return wf_dict_get(dv, key);   /* an equal str that is another object */
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

#endif
