/* weft: the dict layout, shared by dict.c, dictview.c and whoever needs the fields. */
/* DictObject -> (index table, dense entries); views and iterators over it. */
#ifndef WF_DICT_H
#define WF_DICT_H

#include "weft.h"
#include "sync/atomic.h"

/*
 * CPython's compact ordered dict. The table is ONE block behind one pointer
 * (DictObject.table), so a resize replaces everything a reader needs with a
 * single store:
 *
 *   DictTable  log2size, log2width, nentries, usable, entries
 *   indices    (1 << log2size) slots of 1, 2, 4 or 8 bytes (1 << log2width),
 *              right after the DictTable: DKIX_EMPTY, DKIX_DUMMY (a deleted
 *              slot, keeps probe chains intact) or the position of an entry;
 *   entries    usable_fraction(size) = size * 2 / 3 DictEntry in insertion
 *              order. A deleted entry keeps its place with key == 0 until the
 *              next resize compacts the array.
 *
 * Invariants: used <= nentries <= capacity; usable == capacity - nentries
 * (except after popitem, which trims nentries without giving the room
 * back, as CPython does); an empty dict points at a shared, immutable empty
 * table (one EMPTY slot, usable 0), never NULL. version is bumped on every
 * mutation.
 *
 * Threads (design; docs/threads.md has the story):
 *  1. Writers hold the dict's critical section (core/critsec.h). A write
 *     whose body runs no Python code skips it while the runtime is still
 *     single-threaded (no other thread can exist, and none can start
 *     during the write).
 *  2. Readers take no lock and store nothing shared: wf_dict_probe below
 *     (wf_dict_get, wf_dict_get_str, wf_dict_get_name, d[k], `in`, len,
 *     iteration). It handles keys whose comparison runs no Python code:
 *     the identical object, an exact str by hash and bytes, small ints.
 *     Anything else takes the section (CPython also calls __eq__ there).
 *  3. Publication: a new table is built privately, then stored into
 *     d->table with release; the old one is retired with wf_defer_free, so
 *     a reader still probing it stays valid until its next quiescent state.
 *     A writer fills an entry (hash, value relaxed, then key with release)
 *     and bumps nentries (release) before it publishes the index slot
 *     (release). Readers load the table, slots, keys and values with
 *     acquire, hashes with relaxed. used and version are relaxed atomics.
 *  4. A reference a reader may have loaded is dropped with wf_defer_decref:
 *     the old value on d[k] = new, key and value on deletion, pop, popitem,
 *     clear. So a borrowed value returned by a reader stays alive until the
 *     caller's next quiescent state; callers incref it at once.
 *  5. A reader re-checks the entry's key after loading its value: an entry
 *     position is reused after popitem, and a value of 0 means "deleted
 *     under us"; either way it starts again from the table pointer.
 *  6. Readers always hold a reference to the dict they read, so a dict's
 *     own dealloc frees its table and drops its items immediately.
 *
 * Instances of dict subclasses are this struct followed by the `Value dict`
 * of their attributes at tp_dictoffset (see wf_dict_dict_slot).
 */
typedef struct DictEntry {
    Hash hash;
    Value key;      /* 0: deleted */
    Value value;
} DictEntry;

typedef struct DictTable {
    uint8_t log2size;   /* index slots: 1 << log2size */
    uint8_t log2width;  /* bytes per index slot: 1 << log2width */
    size_t nentries;    /* entries[0..nentries) are used or deleted (release/acquire) */
    size_t usable;      /* entries that may still be appended (writers only) */
    DictEntry *entries; /* in this block, after the index slots */
    uint64_t bloom;     /* bit (hash & 63) of every key ever entered here (relaxed
                         * atomic; set before the entry is published): a clear
                         * bit proves a key absent without probing */
    /* the index slots follow */
} DictTable;

typedef struct DictObject {
    Object ob;
    size_t used;        /* live items: len(d) (relaxed atomic) */
    DictTable *table;   /* never NULL (release/acquire) */
    uint64_t version;   /* bumped under the section; relaxed atomic */
    uint32_t keys_version;  /* names the current key set, 0 = none yet (below) */
    uint8_t watched;    /* bitmask of dict watcher ids (core/watch.h; relaxed atomics) */
} DictObject;

/*
 * Keys versions (CPython's dk_version), the guards of "key k is absent from
 * d" and "d's keys are the ones I saw" (globals, builtins, class dicts):
 *
 *  K1. wf_dict_keys_version(d) returns d->keys_version, first assigning a
 *      fresh nonzero number from a global 32-bit counter (core/watch.c) by a
 *      CAS from 0 if there is none. A number is never handed out twice, to
 *      this dict or another; 0 comes back only when the counter is exhausted,
 *      and a specializer never caches 0.
 *  K2. Every change of d's key set -- a new key inserted, a key deleted
 *      (del, pop, popitem), clear, a resize that rebuilds the table, an update
 *      that adds keys -- stores 0 into keys_version with release, AFTER the
 *      change is visible to lock-free readers. Replacing the value of an
 *      existing key does not touch it.
 *  K3. A guard loads it with wf_dict_keys_version_now (acquire) and compares
 *      it with its cached number; 0 never matches.
 *
 * Why a guard that matches means the specializer's probe still holds: the
 * specializer reads (or assigns) the version BEFORE it probes the dict. If
 * a key change C was not yet visible to that probe, C's reset comes after the
 * version the specializer read in keys_version's modification order (had the
 * reset come first, the specializer's acquire load or CAS would have read it
 * or a later number assigned after it, and synchronized with it, so C would
 * be visible to the probe). So once C's writer returns, the cached number is
 * gone from keys_version for good (numbers are never reused), and the guard
 * fails. Only a guard racing with C's writer can still pass, which answers
 * as if it ran just before C: a result CPython could give too.
 */
/* d's keys version, assigned if it has none (K1); 0 only when exhausted. */
uint32_t wf_dict_keys_version(Value d);
/* The guard's load (K3). acquire: pairs with the release reset of K2 and
 * the CAS of K1. */
static inline uint32_t wf_dict_keys_version_now(const DictObject *d)
{
    return wf_atomic_load_acquire_u32(&d->keys_version);
}

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

static inline DictObject *wf_as_dict(Value v) { WF_ASSERT(wf_is_dict(v)); return (DictObject *)wf_obj(v); }

/* The hash of a dict key: str's cached hash without a call. -1 on error. */
Hash wf_dict_key_hash(Value key);
/* Position in the current table's entries of key, DKIX_EMPTY if absent,
 * DKIX_ERROR on error. The caller holds d's critical section (or d is
 * private to it); the position is valid until the section is suspended. */
intptr_t wf_dict_lookup(DictObject *d, Value key, Hash hash);
/* d[key] = value for a hashed key; steals key and value. Takes the section. */
int wf_dict_insert(DictObject *d, Value key, Hash hash, Value value);
/* Merge other (any mapping) into d; override 0 keeps existing keys. */
int wf_dict_merge(Value d, Value other, int override);
/* key in d for a hashed key (1, 0, -1 on error); lock-free when it can. */
int wf_dict_contains_hash(Value d, Value key, Hash hash);
/* wf_dict_next that also gives the entry's hash (borrowed key and value). */
int wf_dict_next_entry(Value d, size_t *pos, Value *key, Value *value, Hash *hash);

/* Index slot i of t. acquire: pairs with the release store of the slot in
 * dict.c (dk_publish), made after the entry it points at was filled. */
static inline intptr_t wf_dict_slot(const DictTable *t, size_t i)
{
    const void *idx = t + 1;
    switch (t->log2width) {
    case 0: return (int8_t)wf_atomic_load_acquire_u8((const uint8_t *)idx + i);
    case 1: return (int16_t)wf_atomic_load_acquire_u16((const uint16_t *)idx + i);
    case 2: return (int32_t)wf_atomic_load_acquire_u32((const uint32_t *)idx + i);
    default: return (intptr_t)wf_atomic_load_acquire_i64((const int64_t *)idx + i);
    }
}

/* An exact str's cached hash (-1 if not computed yet). Any thread may fill
 * the cache (core/str.c), hence the relaxed atomic load (wf_str_cached_hash
 * of strimpl.h, which this header does not include). */
static inline Hash wf_dict_str_hash(Value key)
{
    return wf_atomic_load_relaxed_isize(&((const StrObject *)wf_obj(key))->hash);
}

#define WF_DICT_PROBE_ANY(T)                                                       \
    do {                                                                           \
        const T *idx = (const T *)(t + 1);                                         \
        for (;;) {                                                                 \
            /* acquire: pairs with dk_publish (the entry is filled). */            \
            intptr_t ix = (intptr_t)wf_atomic_load_acquire_##T##_slot(idx + i);     \
            if (ix == DKIX_EMPTY)                                                  \
                return 0;                                                          \
            if (ix >= 0) {                                                         \
                ep = &ents[ix];                                                    \
                /* acquire: pairs with the release store of the key (entry_fill). */ \
                k = wf_atomic_load_acquire_usize(&ep->key);                        \
                if (k == key)                                                      \
                    goto found;                                                    \
                if (k && wf_atomic_load_relaxed_isize(&ep->hash) == hash) {        \
                    if (str && wf_is_str_exact(k)) {                               \
                        if (wf_str_eq(k, key))                                     \
                            goto found;                                            \
                    } else if (!(wf_is_small(k) && wf_is_small(key))) {            \
                        return -1;                                                 \
                    } /* equal small ints are the same word */                     \
                }                                                                  \
            }                                                                      \
            perturb >>= 5;                                                         \
            i = (i * 5 + perturb + 1) & mask;                                      \
        }                                                                          \
    } while (0)

/* Typed slot loads for the probes (acquire). */
static inline int8_t wf_atomic_load_acquire_int8_t_slot(const int8_t *p) { return (int8_t)wf_atomic_load_acquire_u8((const uint8_t *)p); }
static inline int16_t wf_atomic_load_acquire_int16_t_slot(const int16_t *p) { return (int16_t)wf_atomic_load_acquire_u16((const uint16_t *)p); }
static inline int32_t wf_atomic_load_acquire_int32_t_slot(const int32_t *p) { return (int32_t)wf_atomic_load_acquire_u32((const uint32_t *)p); }
static inline int64_t wf_atomic_load_acquire_int64_t_slot(const int64_t *p) { return wf_atomic_load_acquire_i64(p); }

/* The lock-free lookup (rules 2-5): 1 with the borrowed value in *out, 0 if
 * absent, -1 when the answer needs the locked lookup (an entry with an equal
 * hash whose comparison could run Python code). Stores nothing shared. */
static inline int wf_dict_probe(const DictObject *d, Value key, Hash hash, Value *out)
{
    bool str = wf_is_str_exact(key);
    const DictEntry *ep;
    Value k;
retry:;
    /* acquire: pairs with the release store of a new table in dict.c. */
    const DictTable *t = (const DictTable *)wf_atomic_load_acquire_ptr(&d->table);
    const DictEntry *ents = t->entries;
    size_t mask = ((size_t)1 << t->log2size) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    switch (t->log2width) {
    case 0: WF_DICT_PROBE_ANY(int8_t);
    case 1: WF_DICT_PROBE_ANY(int16_t);
    case 2: WF_DICT_PROBE_ANY(int32_t);
    default: WF_DICT_PROBE_ANY(int64_t);
    }
found:;
    /* acquire: pairs with the release store of the value (a new value's contents). */
    Value v = wf_atomic_load_acquire_usize(&ep->value);
    if (WF_UNLIKELY(!v || wf_atomic_load_acquire_usize(&ep->key) != k))
        goto retry;  /* deleted or reused under us (rule 5) */
    *out = v;
    return 1;
}
#undef WF_DICT_PROBE_ANY

/* The bloom bit (DictTable.bloom) of a key with this hash. */
static inline uint64_t wf_dict_bloom_bit(Hash hash)
{
    return (uint64_t)1 << ((size_t)hash & 63);
}

/* The inline probe of the interpreter's str paths (rules 2-5): key found
 * by identity. Returns 1 with the borrowed value in *out, 0 if absent, -1
 * when the answer needs wf_dict_get (an equal hash on another key object,
 * an entry deleted or reused under us, or, with only1, a table whose index
 * slots are wider than one byte). Kept small so that it inlines into the
 * interpreter's cases; only1 (a constant at every call) specializes it for
 * instance and class dicts, which the attribute paths probe. */
static inline int wf_dict_probe_ident_impl(const DictObject *d, Value key, Hash hash, Value *out,
                                           bool only1, intptr_t *ixout)
{
    /* acquire: pairs with the release store of a new table in dict.c. */
    const DictTable *t = (const DictTable *)wf_atomic_load_acquire_ptr(&d->table);
    if (only1 && WF_UNLIKELY(t->log2width != 0))
        return -1;
    /* relaxed: see dict_insert_at (the bit is set before the entry). */
    if (!(wf_atomic_load_relaxed_u64(&t->bloom) & wf_dict_bloom_bit(hash)))
        return 0;   /* no key with the hash's bloom bit ever entered this table */
    size_t mask = ((size_t)1 << t->log2size) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        /* acquire (both): pairs with dk_publish (the entry is filled). */
        intptr_t ix = only1 ? (int8_t)wf_atomic_load_acquire_u8((const uint8_t *)(t + 1) + i)
                            : wf_dict_slot(t, i);
        if (ix == DKIX_EMPTY)
            return 0;
        if (ix >= 0) {
            const DictEntry *ep = &t->entries[ix];
            /* acquire: pairs with entry_fill's release store of the key. */
            Value k = wf_atomic_load_acquire_usize(&ep->key);
            if (k == key) {
                /* acquire: pairs with the release store of the value. */
                Value v = wf_atomic_load_acquire_usize(&ep->value);
                if (WF_UNLIKELY(!v || wf_atomic_load_acquire_usize(&ep->key) != k))
                    return -1;  /* deleted or reused under us (rule 5) */
                *out = v;
                if (ixout)
                    *ixout = ix;
                return 1;
            }
            if (k && wf_atomic_load_relaxed_isize(&ep->hash) == hash)
                return -1;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static inline int wf_dict_probe_ident(const DictObject *d, Value key, Hash hash, Value *out)
{
    return wf_dict_probe_ident_impl(d, key, hash, out, false, NULL);
}

static inline int wf_dict_probe_ident1(const DictObject *d, Value key, Hash hash, Value *out)
{
    return wf_dict_probe_ident_impl(d, key, hash, out, true, NULL);
}

/* wf_dict_probe_ident1 that also gives a hit's entry index in *ix (a hint
 * for wf_dict_value_at_hint, which re-checks it). */
static inline int wf_dict_probe_ident1_ix(const DictObject *d, Value key, Hash hash, Value *out, intptr_t *ix)
{
    return wf_dict_probe_ident_impl(d, key, hash, out, true, ix);
}

/* wf_dict_get for a key that is an exact str (borrowed value, 0 if absent
 * or on error, as wf_dict_get). Lock-free (rule 2). */
static inline Value wf_dict_get_str(Value d, Value key)
{
    WF_ASSERT(wf_is_str_exact(key));
    Hash hash = wf_dict_str_hash(key);
    Value v;
    int r = WF_LIKELY(hash != -1) ? wf_dict_probe_ident1(wf_as_dict(d), key, hash, &v) : -1;
    if (WF_LIKELY(r > 0))
        return v;
    if (WF_LIKELY(r == 0))
        return 0;
    return wf_dict_get(d, key);
}

/* wf_dict_set for a key that is an exact str. While the runtime is
 * single-threaded, an existing key's value is replaced inline (rule 1). */
static inline int wf_dict_set_str(Value d, Value key, Value v)
{
    WF_ASSERT(wf_is_str_exact(key));
    DictObject *dp = wf_as_dict(d);
    Hash hash = wf_dict_str_hash(key);
    /* relaxed: a watched dict takes wf_dict_set, which notifies (watch.h rule 2). */
    if (WF_LIKELY(!wf_runtime_multithreaded()) && WF_LIKELY(hash != -1 && dp->table->log2width == 0) &&
        WF_LIKELY(!wf_atomic_load_relaxed_u8(&dp->watched))) {
        /* Single-threaded: plain loads and stores (nobody else exists). */
        DictTable *t = dp->table;
        const int8_t *idx = (const int8_t *)(t + 1);
        size_t mask = ((size_t)1 << t->log2size) - 1, perturb = (size_t)hash, i = (size_t)hash & mask;
        for (;;) {
            intptr_t ix = idx[i];
            if (ix == DKIX_EMPTY)
                break;
            if (ix >= 0) {
                DictEntry *ep = &t->entries[ix];
                if (ep->key == key) {
                    Value old = ep->value;
                    ep->value = wf_incref(v);
                    dp->version++;
                    wf_decref(old);
                    return 0;
                }
                if (ep->hash == hash)
                    break;
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
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
 * index width: the borrowed value, 0 if absent, or 0 with an exception from
 * the wf_dict_get fallback. The interpreter's LOAD_GLOBAL and LOAD_NAME paths
 * use it; lock-free (rule 2), and the borrowed value must be increfed at
 * once (it is kept alive only until this thread's next quiescent state). */
/* ---- index hints for the specializing interpreter (docs/specialization.md) ---- */

/* The value of entry position ix if that entry's key is `key` (identity),
 * else 0: a cached position checked on the dict itself, so a stale hint
 * (the dict resized, the key deleted, another dict) only misses. Lock-free
 * (rules 2-5); borrowed, incref it before the next periodic check. */
static inline __attribute__((always_inline)) Value wf_dict_value_at_hint(const DictObject *d, size_t ix, Value key)
{
    /* acquire: pairs with the release store of a new table in dict.c. */
    const DictTable *t = (const DictTable *)wf_atomic_load_acquire_ptr(&d->table);
    /* acquire: pairs with the release store of nentries (the entry is filled). */
    if (WF_UNLIKELY(ix >= wf_atomic_load_acquire_usize(&t->nentries)))
        return 0;
    const DictEntry *ep = &t->entries[ix];
    /* acquire: pairs with the release stores of the key and the value. */
    if (WF_UNLIKELY(wf_atomic_load_acquire_usize(&ep->key) != key))
        return 0;
    Value v = wf_atomic_load_acquire_usize(&ep->value);
    if (WF_UNLIKELY(!v || wf_atomic_load_acquire_usize(&ep->key) != key))
        return 0;   /* deleted or reused under us (rule 5) */
    return v;
}
/* The position of key (an interned str) in d's entries, or -1: a hint for
 * wf_dict_value_at_hint / wf_dict_set_at_hint, which re-check it. */
intptr_t wf_dict_hint_of(Value d, Value key);
/* d[key] = value when entry ix holds key (identity): 1 (value stolen), or
 * 0 when the hint is stale (nothing stolen; use the generic path). Takes
 * the section like any write; the old value is dropped after a grace period. */
int wf_dict_set_at_hint(Value d, size_t ix, Value key, Value value);
/* wf_dict_set_at_hint with wf_dict_set_str's inline path: while the runtime
 * is single-threaded and d is not watched, the value is replaced in place
 * (rule 1; a value replacement leaves the keys version alone). */
static inline int wf_dict_replace_at_hint(Value d, size_t ix, Value key, Value value)
{
    DictObject *dp = wf_as_dict(d);
    /* relaxed: a watched dict takes wf_dict_set_at_hint, which notifies (watch.h rule 2). */
    if (WF_LIKELY(!wf_runtime_multithreaded()) && WF_LIKELY(!wf_atomic_load_relaxed_u8(&dp->watched))) {
        /* Single-threaded: plain loads and stores (nobody else exists). */
        DictTable *t = dp->table;
        if (WF_UNLIKELY(ix >= t->nentries || t->entries[ix].key != key))
            return 0;
        Value old = t->entries[ix].value;
        t->entries[ix].value = value;
        dp->version++;
        wf_decref(old);
        return 1;
    }
    return wf_dict_set_at_hint(d, ix, key, value);
}

static inline Value wf_dict_get_name(Value dv, Value key)
{
    Hash hash = wf_dict_str_hash(key);
    Value v;
    int r = WF_LIKELY(hash != -1) ? wf_dict_probe_ident(wf_as_dict(dv), key, hash, &v) : -1;
    if (WF_LIKELY(r > 0))
        return v;
    if (WF_LIKELY(r == 0))
        return 0;
    return wf_dict_get(dv, key);
}

#endif
