/* weft: the dict type. */
/* (key, value) pairs -> compact insertion-ordered hash table (CPython's layout and probing). */
#include "dict.h"
#include "objimpl.h"
#include "seq.h"  /* the trashcan for deeply nested deallocation */

#include "critsec.h"
#include "watch.h"

/*
 * Lookups probe the index table with CPython's recurrence
 *     i = (i * 5 + perturb + 1) & mask, perturb >>= 5
 * starting at hash & mask. Comparing keys may call __eq__, which may mutate
 * the dict; after such a call the lookup checks that the table and the key
 * are still the same and otherwise starts again (CPython does the same).
 * Exact str keys never call back: pointer, then hash, then wf_str_eq.
 *
 * Threads: the rules are in dict.h. Every function here that changes a dict
 * holds its critical section (DICT_BEGIN, or DICT_BEGIN_NOCODE for a body
 * that runs no Python code); the table it works on is re-read from d->table
 * after anything that may have suspended the section (a call into Python).
 * Fields readers see are written with atomic stores; a writer reads them
 * with plain loads, since writers are serialized by the section.
 */

#define DICT_LOG2_MINSIZE 3

static size_t usable_fraction(size_t n) { return (n << 1) / 3; }

static uint8_t dict_log2_for(size_t minsize)
{
    uint8_t log2 = DICT_LOG2_MINSIZE;
    while (((size_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* The table size CPython picks to hold n items without resizing. */
static uint8_t dict_log2_estimate(size_t n) { return dict_log2_for((n * 3 + 1) / 2); }

/* The shared table of every empty dict: one EMPTY slot, no room, so the
 * first insert resizes. Never written, never freed. */
static struct {
    DictTable t;
    int64_t slot;
} dict_empty = { { 0, 0, 0, 0, NULL, 0 }, -1 };
#define EMPTY_TABLE (&dict_empty.t)

/* ---- critical sections ---- */

/* A section on d for a body that may run Python code (always locks). */
#define DICT_BEGIN(d) WF_CRITSEC_BEGIN(d)
#define DICT_END() WF_CRITSEC_END()

/* A section for a body that runs no Python code (rule 1 of dict.h): while
 * the runtime is single-threaded nobody else can exist or start meanwhile. */
static inline void dict_begin_nocode(WfCritSec *cs, DictObject *d)
{
    if (WF_LIKELY(!wf_runtime_multithreaded()))
        cs->state = WF_CRITSEC_NOOP;
    else
        wf_critsec_begin(cs, &d->ob);
}
#define DICT_BEGIN_NOCODE(d) { WfCritSec wf_cs_; dict_begin_nocode(&wf_cs_, (d));

/* Drop a reference a lock-free reader may have loaded (rule 4). */
static inline void dict_drop(Value v)
{
    if (v)
        wf_defer_decref(v);
}

static inline void dict_set_used(DictObject *d, size_t n)
{
    /* relaxed: len() readers want a recent count, nothing more. */
    wf_atomic_store_relaxed_usize(&d->used, n);
}

static inline void dict_bump_version(DictObject *d)
{
    /* relaxed: the section orders writers; guards read it relaxed. */
    wf_atomic_store_relaxed_u64(&d->version, d->version + 1);
}

/* K2 of dict.h: d's key set changed, and the change is visible. release:
 * pairs with the acquire load and CAS of wf_dict_keys_version and the
 * acquire load of wf_dict_keys_version_now. Unconditional: skipping the
 * store when it reads 0 would let a specializer assign a number between
 * that read and the change and cache an answer the change made wrong. */
static inline void dict_keys_changed(DictObject *d)
{
    wf_atomic_store_release_u32(&d->keys_version, 0);
}

static inline void dict_publish_table(DictObject *d, DictTable *t)
{
    /* release: pairs with the acquire load of d->table in wf_dict_probe and
     * the iterators; the block was fully built before. */
    wf_atomic_store_release_ptr(&d->table, t);
}

/* ---- index slots ---- */

static inline void *dk_indices(DictTable *t) { return t + 1; }

/* release: pairs with the acquire in wf_dict_slot; the entry the slot points
 * at was filled before. */
static inline void dk_publish(DictTable *t, size_t i, intptr_t ix)
{
    void *idx = dk_indices(t);
    switch (t->log2width) {
    case 0: wf_atomic_store_release_u8((uint8_t *)idx + i, (uint8_t)(int8_t)ix); break;
    case 1: wf_atomic_store_release_u16((uint16_t *)idx + i, (uint16_t)(int16_t)ix); break;
    case 2: wf_atomic_store_release_u32((uint32_t *)idx + i, (uint32_t)(int32_t)ix); break;
    default: wf_atomic_store_release_i64((int64_t *)idx + i, (int64_t)ix); break;
    }
}

/* Plain store into a table nobody else can see yet. */
static inline void dk_set_private(DictTable *t, size_t i, intptr_t ix)
{
    void *idx = dk_indices(t);
    switch (t->log2width) {
    case 0: ((int8_t *)idx)[i] = (int8_t)ix; break;
    case 1: ((int16_t *)idx)[i] = (int16_t)ix; break;
    case 2: ((int32_t *)idx)[i] = (int32_t)ix; break;
    default: ((int64_t *)idx)[i] = ix; break;
    }
}

static inline intptr_t dk_get(const DictTable *t, size_t i) { return wf_dict_slot(t, i); }

static inline size_t dk_mask(const DictTable *t) { return ((size_t)1 << t->log2size) - 1; }

/* The first slot of hash's probe sequence that holds no entry. */
static size_t dk_find_empty(const DictTable *t, Hash hash)
{
    size_t mask = dk_mask(t), perturb = (size_t)hash, i = (size_t)hash & mask;
    while (dk_get(t, i) >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The slot that points at entry ix (which must be in the table). */
static size_t dk_find_index(const DictTable *t, Hash hash, intptr_t ix)
{
    size_t mask = dk_mask(t), perturb = (size_t)hash, i = (size_t)hash & mask;
    while (dk_get(t, i) != ix) {
        WF_ASSERT(dk_get(t, i) != DKIX_EMPTY);
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* ---- entries (writer side, under the section) ---- */

/* Fill entry ep of a published table: hash and value first, the key last
 * (release: pairs with the acquire load of the key in wf_dict_probe, so a
 * reader that sees the key sees the rest). */
static inline void entry_fill(DictEntry *ep, Hash hash, Value key, Value value)
{
    wf_atomic_store_relaxed_isize(&ep->hash, hash);
    wf_atomic_store_relaxed_usize(&ep->value, value);
    wf_atomic_store_release_usize(&ep->key, key);
}

static inline void entry_set_value(DictEntry *ep, Value value)
{
    /* release: pairs with the acquire load of the value in wf_dict_probe
     * (the new value's contents are visible to whoever loads it). */
    wf_atomic_store_release_usize(&ep->value, value);
}

static inline void entry_clear(DictEntry *ep)
{
    /* relaxed: a reader that still sees the old key and value re-checks the
     * key after the value (rule 5); both stay alive (rule 4). */
    wf_atomic_store_relaxed_usize(&ep->key, 0);
    wf_atomic_store_relaxed_usize(&ep->value, 0);
}

/* ---- the table ---- */

static DictTable *table_new(uint8_t log2)
{
    if (log2 >= 8 * sizeof(size_t) - 8)
        WF_DIE("dict too large", 0);
    size_t size = (size_t)1 << log2;
    uint8_t width = log2 < 8 ? 0 : log2 < 16 ? 1 : log2 < 32 ? 2 : 3;
    size_t cap = usable_fraction(size);
    DictTable *t = wf_mem_alloc_small(sizeof(DictTable) + (size << width) + cap * sizeof(DictEntry));
    t->log2size = log2;
    t->log2width = width;
    t->nentries = 0;
    t->usable = cap;
    t->bloom = 0;
    t->entries = (DictEntry *)((char *)dk_indices(t) + (size << width));
    memset(dk_indices(t), 0xff, size << width);  /* every slot DKIX_EMPTY */
    return t;
}

/* Free a table no dict points at any more: after a grace period if a
 * lock-free reader may still be probing it (rule 3). */
static void table_retire(DictTable *t)
{
    if (t == EMPTY_TABLE)
        return;
    if (wf_runtime_multithreaded())
        wf_defer_free(t);
    else
        wf_mem_free_small(t);
}

/* Rebuild the table with 1 << log2 slots, compacting deleted entries, and
 * publish it. Under the section. */
static DictTable *dict_resize(DictObject *d, uint8_t log2)
{
    DictTable *old = d->table, *t = table_new(log2);
    DictEntry *ents = t->entries;
    size_t n = 0;
    uint64_t bloom = 0;
    for (size_t i = 0; i < old->nentries; i++)
        if (old->entries[i].key) {
            bloom |= wf_dict_bloom_bit(old->entries[i].hash);
            ents[n++] = old->entries[i];
        }
    t->bloom = bloom;   /* unpublished yet: plain store */
    WF_ASSERT(n == d->used && n <= t->usable);
    t->nentries = n;
    t->usable -= n;
    for (size_t j = 0; j < n; j++)
        dk_set_private(t, dk_find_empty(t, ents[j].hash), (intptr_t)j);
    dict_publish_table(d, t);
    dict_bump_version(d);  /* entry positions moved: guards on them must fail */
    dict_keys_changed(d);
    table_retire(old);
    return t;
}

/* Drop every item of a table no dict points at any more (may run arbitrary
 * code: call it outside the section), then the table. */
static void table_release(DictTable *t)
{
    for (size_t i = 0; i < t->nentries; i++) {
        if (t->entries[i].key) {
            dict_drop(t->entries[i].key);
            dict_drop(t->entries[i].value);
        }
    }
    table_retire(t);
}

static void dict_clear(DictObject *d)
{
    DictTable *t;
    DICT_BEGIN_NOCODE(d);
    t = d->table;
    dict_publish_table(d, EMPTY_TABLE);
    dict_set_used(d, 0);
    dict_bump_version(d);
    dict_keys_changed(d);
    wf_watch_dict_notify(WF_DICT_EVENT_CLEARED, d, 0, 0);
    DICT_END();
    table_release(t);
}

Hash wf_dict_key_hash(Value key)
{
    if (wf_is_str_exact(key)) {
        Hash h = wf_dict_str_hash(key);
        if (h != -1)
            return h;
    }
    return wf_hash(key);
}

/* 1 equal, 0 not, -1 error, 2 needs a call into Python. */
static inline int dict_key_eq_fast(Value a, Value b)
{
    if (wf_is_str_exact(a) && wf_is_str_exact(b))
        return wf_str_eq(a, b);
    if (wf_is_small(a) && wf_is_small(b))
        return 0;  /* equal small ints are the same word */
    return 2;
}

/* Lookup of an exact str key: no call into Python can happen, so the probe
 * loop needs no restart, and the index width is switched on once. An entry
 * with an equal hash whose key is not an exact str sends the lookup to the
 * general loop (returns DKIX_ERROR - 1). */
#define DICT_STR_PROBE(T)                                                        \
    for (;;) {                                                                   \
        intptr_t ix = ((const T *)idx)[i];                                       \
        if (ix == DKIX_EMPTY)                                                    \
            return DKIX_EMPTY;                                                   \
        if (ix >= 0) {                                                           \
            const DictEntry *ep = &ents[ix];                                     \
            if (ep->key == key)                                                  \
                return ix;                                                       \
            if (ep->hash == hash) {                                              \
                if (!wf_is_str_exact(ep->key))                                   \
                    return DKIX_ERROR - 1;                                       \
                if (wf_str_eq(ep->key, key))                                     \
                    return ix;                                                   \
            }                                                                    \
        }                                                                        \
        perturb >>= 5;                                                           \
        i = (i * 5 + perturb + 1) & mask;                                        \
    }

/* Writer side (section held): plain loads. */
static intptr_t dict_lookup_str(const DictTable *t, Value key, Hash hash)
{
    size_t mask = dk_mask(t), perturb = (size_t)hash, i = (size_t)hash & mask;
    const void *idx = t + 1;
    const DictEntry *ents = t->entries;
    switch (t->log2width) {
    case 0: DICT_STR_PROBE(int8_t)
    case 1: DICT_STR_PROBE(int16_t)
    case 2: DICT_STR_PROBE(int32_t)
    default: DICT_STR_PROBE(int64_t)
    }
}
#undef DICT_STR_PROBE

intptr_t wf_dict_lookup(DictObject *d, Value key, Hash hash)
{
    if (WF_LIKELY(wf_is_str_exact(key))) {
        intptr_t ix = dict_lookup_str(d->table, key, hash);
        if (WF_LIKELY(ix != DKIX_ERROR - 1))
            return ix;
    }
restart:;
    DictTable *t = d->table;
    size_t mask = dk_mask(t), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = dk_get(t, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            DictEntry *ep = &t->entries[ix];
            if (ep->key == key)
                return ix;
            if (ep->hash == hash) {
                int eq = dict_key_eq_fast(ep->key, key);
                if (eq == 2) {
                    /* __eq__ may mutate d, or suspend the section and let
                     * another thread do it: the table, or the entry, may be
                     * gone afterwards. t stays allocated meanwhile only if
                     * nobody retired it, so it is compared, not read. */
                    Value start = wf_incref(ep->key);
                    eq = wf_richcompare_bool(start, key, WF_EQ);
                    bool moved = t != d->table || ep->key != start;
                    wf_decref(start);
                    if (eq < 0)
                        return DKIX_ERROR;
                    if (moved)
                        goto restart;
                }
                if (eq)
                    return ix;
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* d[key] = value given the result ix of the lookup (section held, or the
 * no-code single-threaded path); steals key and value. The value it replaced
 * (or 0) goes to *old for the caller to drop after the section. */
static void dict_insert_at(DictObject *d, intptr_t ix, Value key, Hash hash, Value value, Value *old)
{
    DictTable *t = d->table;
    dict_bump_version(d);
    if (ix >= 0) {
        DictEntry *ep = &t->entries[ix];
        *old = ep->value;
        entry_set_value(ep, value);
        wf_decref(key);
        wf_watch_dict_notify(WF_DICT_EVENT_MODIFIED, d, ep->key, value);
        return;
    }
    *old = 0;
    if (t->usable == 0)
        t = dict_resize(d, dict_log2_for(d->used * 3));
    size_t slot = dk_find_empty(t, hash), n = t->nentries;
    /* relaxed: the entry's release publication below orders it for readers
     * that find the entry; one that reads the bit clear answers "absent",
     * which is true at that moment. */
    wf_atomic_store_relaxed_u64(&t->bloom, t->bloom | wf_dict_bloom_bit(hash));
    entry_fill(&t->entries[n], hash, key, value);
    /* release: pairs with the acquire load of nentries in the iterators. */
    wf_atomic_store_release_usize(&t->nentries, n + 1);
    t->usable--;
    dk_publish(t, slot, (intptr_t)n);
    dict_set_used(d, d->used + 1);
    dict_keys_changed(d);
    wf_watch_dict_notify(WF_DICT_EVENT_ADDED, d, key, value);
}

static int dict_insert_locked(DictObject *d, Value key, Hash hash, Value value, Value *old)
{
    intptr_t ix = wf_dict_lookup(d, key, hash);
    if (ix == DKIX_ERROR) {
        *old = 0;
        wf_decref(key);
        wf_decref(value);
        return -1;
    }
    dict_insert_at(d, ix, key, hash, value, old);
    return 0;
}

/* A lookup that never calls Python code: DKIX_ERROR - 1 where it would
 * (an equal hash on a key that is not an exact str or a small int). */
static intptr_t dict_lookup_nocode(const DictTable *t, Value key, Hash hash)
{
    if (wf_is_str_exact(key))
        return dict_lookup_str(t, key, hash);
    size_t mask = dk_mask(t), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        intptr_t ix = dk_get(t, i);
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        if (ix >= 0) {
            const DictEntry *ep = &t->entries[ix];
            if (ep->key == key)
                return ix;
            if (ep->hash == hash && dict_key_eq_fast(ep->key, key) != 0)
                return DKIX_ERROR - 1;  /* 2: needs a call (1 cannot happen: key is no str) */
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int wf_dict_insert(DictObject *d, Value key, Hash hash, Value value)
{
    Value old;
    int rc = 0;
    /* Rule 1: while single-threaded, a lookup that runs no Python code
     * cannot let a thread start, so the section is skipped. */
    if (WF_LIKELY(!wf_runtime_multithreaded())) {
        intptr_t ix = dict_lookup_nocode(d->table, key, hash);
        if (WF_LIKELY(ix != DKIX_ERROR - 1)) {
            dict_insert_at(d, ix, key, hash, value, &old);
            wf_xdecref(old);
            return 0;
        }
    }
    DICT_BEGIN(d);
    rc = dict_insert_locked(d, key, hash, value, &old);
    DICT_END();
    dict_drop(old);
    return rc;
}

intptr_t wf_dict_hint_of(Value dv, Value key)
{
    DictObject *d = wf_as_dict(dv);
    Hash hash = wf_dict_str_hash(key);
    if (hash == -1)
        return -1;
    /* acquire: pairs with the release store of a new table. */
    const DictTable *t = (const DictTable *)wf_atomic_load_acquire_ptr(&d->table);
    size_t n = wf_atomic_load_acquire_usize(&t->nentries);
    for (size_t i = 0; i < n; i++)
        if (wf_atomic_load_acquire_usize(&t->entries[i].key) == key)
            return (intptr_t)i;
    return -1;
}

int wf_dict_set_at_hint(Value dv, size_t ix, Value key, Value value)
{
    DictObject *d = wf_as_dict(dv);
    Value old = 0;
    int done = 0;
    DICT_BEGIN_NOCODE(d);
    DictTable *t = d->table;
    if (ix < t->nentries && t->entries[ix].key == key) {
        dict_insert_at(d, (intptr_t)ix, wf_incref(key), t->entries[ix].hash, value, &old);
        done = 1;
    }
    DICT_END();
    if (old) {
        if (wf_runtime_multithreaded())
            dict_drop(old);
        else
            wf_decref(old);
    }
    return done;
}

/* Delete entry ix under the section; its key and value go to *k and *v for
 * the caller to drop after the section. */
static void dict_del_at(DictObject *d, intptr_t ix, Value *k, Value *v)
{
    DictTable *t = d->table;
    DictEntry *ep = &t->entries[ix];
    dk_publish(t, dk_find_index(t, ep->hash, ix), DKIX_DUMMY);
    *k = ep->key;
    *v = ep->value;
    entry_clear(ep);
    dict_set_used(d, d->used - 1);
    dict_bump_version(d);
    dict_keys_changed(d);
    wf_watch_dict_notify(WF_DICT_EVENT_DELETED, d, *k, 0);
}

/* ---- the public C API ---- */

Value wf_dict_new(void)
{
    DictObject *d = (DictObject *)wf_object_alloc(&wf_type_dict, sizeof(DictObject));
    d->table = EMPTY_TABLE;
    return wf_val(d);
}

/* The locked lookup behind a reader that met a key needing Python code.
 * Borrowed result, valid until this thread's next quiescent state (rule 4);
 * 0 if absent or on error. */
static Value dict_get_locked(DictObject *d, Value key, Hash h)
{
    Value v = 0;
    DICT_BEGIN(d);
    intptr_t ix = wf_dict_lookup(d, key, h);
    if (ix >= 0)
        v = d->table->entries[ix].value;
    DICT_END();
    return v;
}

/* 1 found (*out borrowed), 0 absent, -1 error. */
static inline int dict_find(DictObject *d, Value key, Hash h, Value *out)
{
    int r = wf_dict_probe(d, key, h, out);
    if (WF_LIKELY(r >= 0))
        return r;
    *out = dict_get_locked(d, key, h);
    return *out ? 1 : wf_err_occurred() ? -1 : 0;
}

Value wf_dict_get(Value d, Value key)
{
    if (WF_LIKELY(wf_is_str_exact(key))) {
        /* The common case (type dicts on a method-cache miss, module
         * dicts): an interned name found by identity. */
        Hash h = wf_dict_str_hash(key);
        Value v;
        int r = WF_LIKELY(h != -1) ? wf_dict_probe_ident(wf_as_dict(d), key, h, &v) : -1;
        if (WF_LIKELY(r >= 0))
            return r ? v : 0;
    }
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return 0;
    Value v;
    return dict_find(wf_as_dict(d), key, h, &v) > 0 ? v : 0;
}

Value wf_dict_get_c(Value d, const char *key)
{
    return wf_dict_get(d, wf_str_intern_c(key));
}

int wf_dict_set(Value d, Value key, Value v)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    return wf_dict_insert(wf_as_dict(d), wf_incref(key), h, wf_incref(v));
}

int wf_dict_set_c(Value d, const char *key, Value v)
{
    return wf_dict_set(d, wf_str_intern_c(key), v);
}

/* Delete key; 0 if it was absent (no exception), 1 if deleted, -1 error. */
static int dict_del_opt(DictObject *d, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    Value k = 0, v = 0;
    int r;
    DICT_BEGIN(d);
    intptr_t ix = wf_dict_lookup(d, key, h);
    r = ix == DKIX_ERROR ? -1 : ix >= 0;
    if (ix >= 0)
        dict_del_at(d, ix, &k, &v);
    DICT_END();
    dict_drop(k);
    dict_drop(v);
    return r;
}

int wf_dict_del(Value d, Value key)
{
    int r = dict_del_opt(wf_as_dict(d), key);
    if (r == 0)
        return wf_err_set_value(wf_exc_KeyError, key), -1;
    return r < 0 ? -1 : 0;
}

int wf_dict_contains_hash(Value d, Value key, Hash h)
{
    Value v;
    return dict_find(wf_as_dict(d), key, h, &v);
}

int wf_dict_contains(Value d, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    Value v;
    return dict_find(wf_as_dict(d), key, h, &v);
}

intptr_t wf_dict_size(Value d)
{
    /* relaxed: pairs with dict_set_used; a recent count. */
    return (intptr_t)wf_atomic_load_relaxed_usize(&wf_as_dict(d)->used);
}

/* Lock-free walk (rules 3-5): the next live entry at or after *pos of the
 * current table. Borrowed results, valid until the next quiescent state. */
int wf_dict_next_entry(Value d, size_t *pos, Value *key, Value *value, Hash *hash)
{
    DictObject *dp = wf_as_dict(d);
    /* acquire: pairs with dict_publish_table. */
    const DictTable *t = wf_atomic_load_acquire_ptr(&dp->table);
    /* acquire: pairs with the release store of nentries after an entry was filled. */
    size_t n = wf_atomic_load_acquire_usize(&t->nentries);
    for (size_t i = *pos; i < n; i++) {
        const DictEntry *ep = &t->entries[i];
        /* acquire: pairs with entry_fill's release store of the key. */
        Value k = wf_atomic_load_acquire_usize(&ep->key);
        if (!k)
            continue;
        /* acquire: pairs with entry_set_value. */
        Value v = wf_atomic_load_acquire_usize(&ep->value);
        if (!v || wf_atomic_load_acquire_usize(&ep->key) != k)
            continue;  /* deleted (or the position reused) under us */
        *pos = i + 1;
        if (key)
            *key = k;
        if (value)
            *value = v;
        if (hash)
            *hash = wf_atomic_load_relaxed_isize(&ep->hash);
        return 1;
    }
    *pos = n;
    return 0;
}

int wf_dict_next(Value d, size_t *pos, Value *key, Value *value)
{
    return wf_dict_next_entry(d, pos, key, value, NULL);
}

uint32_t wf_dict_keys_version(Value dv)
{
    DictObject *d = wf_as_dict(dv);
    /* acquire: pairs with the release reset (K2) or the CAS of whoever
     * assigned the number: the key changes before it are visible to the
     * probe the caller makes next. */
    uint32_t v = wf_atomic_load_acquire_u32(&d->keys_version);
    if (v)
        return v;
    uint32_t fresh = wf_watch_next_keys_version();
    if (!fresh)
        return 0;  /* exhausted: nothing may be cached */
    /* acq_rel: acquire pairs with the reset it replaces (as above); release
     * pairs with the acquire of the next reader of the number. On failure
     * (another thread assigned one first) v gets that number, acquire. */
    if (wf_atomic_cas_acq_rel_u32(&d->keys_version, &v, fresh))
        return fresh;
    return v;
}

uint64_t wf_dict_version(Value d)
{
    /* relaxed: pairs with dict_bump_version. */
    return wf_atomic_load_relaxed_u64(&wf_as_dict(d)->version);
}

/* Insert every item of src (a dict) into dst, holding both sections. src's
 * table is re-read after every insert: a callback may change it. */
static int dict_merge_dict(DictObject *dst, DictObject *src, int override)
{
    int rc = 0;
    WF_CRITSEC_BEGIN2(dst, src);
    if (dst->used == 0 && src->used > 0 && dst->table->usable < src->used)
        dict_resize(dst, dict_log2_estimate(src->used));
    for (size_t i = 0; i < src->table->nentries; i++) {
        DictEntry e = src->table->entries[i];
        if (!e.key)
            continue;
        /* Own them first: a lookup may call Python code, which may suspend
         * the sections and reach a quiescent state. */
        wf_incref(e.key);
        wf_incref(e.value);
        if (!override) {
            intptr_t ix = wf_dict_lookup(dst, e.key, e.hash);
            if (ix != DKIX_EMPTY) {
                wf_decref(e.key);
                wf_decref(e.value);
                if (ix == DKIX_ERROR) {
                    rc = -1;
                    break;
                }
                continue;
            }
        }
        Value old;
        rc = dict_insert_locked(dst, e.key, e.hash, e.value, &old);
        dict_drop(old);
        if (rc < 0)
            break;
    }
    WF_CRITSEC_END();
    return rc;
}

Value wf_dict_copy(Value d)
{
    Value r = wf_dict_new();
    if (dict_merge_dict(wf_as_dict(r), wf_as_dict(d), 1) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

Value wf_dict_keys_list(Value d)
{
    DictObject *dp = wf_as_dict(d);
    Value l = wf_list_new(0);
    DICT_BEGIN(dp);
    for (size_t i = 0; i < dp->table->nentries; i++) {
        Value k = dp->table->entries[i].key;
        if (k && wf_list_append(l, k) < 0) {
            wf_decref(l);
            l = 0;
            break;
        }
    }
    DICT_END();
    return l;
}

/* ---- update: mappings and sequences of pairs ---- */

static Value dict_iter(Value self);

/* The C-level items of a dict whose iteration is not overridden. */
static bool dict_plain_iter(Value v) { return wf_is_dict(v) && wf_type(v)->tp_iter == dict_iter; }

int wf_dict_merge(Value d, Value other, int override)
{
    if (dict_plain_iter(other))
        return dict_merge_dict(wf_as_dict(d), wf_as_dict(other), override);
    Value out = wf_call_method(other, "keys", NULL, 0);
    if (!out)
        return -1;
    /* As CPython's PyMapping_Keys: the keys are listed before any lookup. */
    Value keys = wf_list_from_iterable(out);
    if (!keys && wf_err_matches(wf_exc_TypeError)) {
        wf_err_clear();
        wf_err_format(wf_exc_TypeError, "%s.keys() returned a non-iterable (type %s)",
                      wf_type_name(other), wf_type_name(out));
    }
    wf_decref(out);
    Value it = keys ? wf_iter(keys) : 0;
    wf_xdecref(keys);
    if (!it)
        return -1;
    Value k;
    int rc = 0;
    while ((k = wf_next(it))) {
        int skip = override ? 0 : wf_dict_contains(d, k);
        Value v = skip ? 0 : wf_getitem(other, k);
        if (skip < 0 || (!skip && (!v || wf_dict_set(d, k, v) < 0)))
            rc = -1;
        wf_xdecref(v);
        wf_decref(k);
        if (rc < 0)
            break;
    }
    wf_decref(it);
    return rc < 0 || wf_err_occurred() ? -1 : 0;
}

/* One element of an update sequence: a pair turned into key and value. */
static int dict_merge_pair(Value d, Value item, size_t n)
{
    Value fast = wf_is_tuple(item) || wf_is_list(item) ? wf_incref(item) : 0;
    if (!fast) {
        Value it = wf_iter(item);
        if (!it) {
            if (wf_err_matches(wf_exc_TypeError)) {
                wf_err_clear();
                wf_err_format(wf_exc_TypeError,
                              "cannot convert dictionary update sequence element #%zu to a sequence", n);
            }
            return -1;
        }
        fast = wf_list_from_iterable(it);
        wf_decref(it);
        if (!fast)
            return -1;
    }
    size_t len = wf_is_tuple(fast) ? wf_tuple_size(fast) : wf_list_size(fast);
    int rc;
    if (len != 2) {
        wf_err_format(wf_exc_ValueError,
                      "dictionary update sequence element #%zu has length %zu; 2 is required", n, len);
        rc = -1;
    } else {
        Value k = wf_is_tuple(fast) ? wf_tuple_get(fast, 0) : wf_list_get(fast, 0);
        Value v = wf_is_tuple(fast) ? wf_tuple_get(fast, 1) : wf_list_get(fast, 1);
        wf_incref(k);
        wf_incref(v);
        rc = wf_dict_set(d, k, v);
        wf_decref(k);
        wf_decref(v);
    }
    wf_decref(fast);
    return rc;
}

static int dict_merge_seq2(Value d, Value seq)
{
    Value it = wf_iter(seq);
    if (!it)
        return -1;
    Value item;
    size_t n = 0;
    while ((item = wf_next(it))) {
        int rc = dict_merge_pair(d, item, n++);
        wf_decref(item);
        if (rc < 0) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

/* dict.update's positional argument: a mapping (has keys()) or pairs. */
static int dict_update_arg(Value d, Value arg)
{
    if (wf_is_dict_exact(arg))
        return dict_merge_dict(wf_as_dict(d), wf_as_dict(arg), 1);
    Value keys = wf_getattr_opt(arg, WF_ID(keys));
    if (keys) {
        wf_decref(keys);
        return wf_dict_merge(d, arg, 1);
    }
    if (wf_err_occurred())
        return -1;
    return dict_merge_seq2(d, arg);
}

int wf_dict_update(Value d, Value other) { return dict_update_arg(d, other); }

/* args / kwnames of update() and dict(): one optional positional, then keywords. */
static int dict_update_common(Value self, const Value *args, size_t nargs, Value kwnames,
                              const char *fname)
{
    if (wf_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        return -1;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++)
        if (wf_dict_set(self, wf_tuple_get(kwnames, i), args[nargs + i]) < 0)
            return -1;
    return 0;
}

/* ---- repr recursion guard (per thread) ---- */

typedef struct ReprStack {
    Value *items;
    size_t len, cap;
} ReprStack;
static _Thread_local ReprStack repr_stack;

int wf_repr_enter(Value v)
{
    ReprStack *s = &repr_stack;
    for (size_t i = 0; i < s->len; i++)
        if (s->items[i] == v)
            return 1;
    if (s->len == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->items = wf_mem_realloc(s->items, s->cap * sizeof(Value));
    }
    s->items[s->len++] = v;
    return 0;
}

void wf_repr_leave(Value v)
{
    ReprStack *s = &repr_stack;
    for (size_t i = s->len; i-- > 0;) {
        if (s->items[i] == v) {
            memmove(&s->items[i], &s->items[i + 1], (s->len - i - 1) * sizeof(Value));
            s->len--;
            return;
        }
    }
}

/* ---- the dict type's slots ---- */

/* "k: v, ..." into sb; -1 on error. Re-reads the table after every repr:
 * a __repr__ may mutate the dict. */
static int dict_repr_items(DictObject *d, StrBuilder *sb)
{
    bool first = true;
    for (size_t i = 0; i < d->table->nentries; i++) {
        DictEntry *ep = &d->table->entries[i];
        if (!ep->key)
            continue;
        Value k = wf_incref(ep->key), v = wf_incref(ep->value);
        if (!first)
            wf_sb_add(sb, ", ", 2);
        first = false;
        int rc = wf_sb_add_repr(sb, k);
        if (rc == 0) {
            wf_sb_add(sb, ": ", 2);
            rc = wf_sb_add_repr(sb, v);
        }
        wf_decref(k);
        wf_decref(v);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static Value dict_repr(Value self)
{
    DictObject *d = wf_as_dict(self);
    if (wf_dict_size(self) == 0)
        return wf_str_from_cstr("{}");
    int r = wf_repr_enter(self);
    if (r != 0)
        return r > 0 ? wf_str_from_cstr("{...}") : 0;
    if (wf_enter_recursive_call(" while getting the repr of an object") < 0) {
        wf_repr_leave(self);
        return 0;
    }
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_char(&sb, '{');
    int rc;
    DICT_BEGIN(d);  /* as CPython: the whole repr under the section */
    rc = dict_repr_items(d, &sb);
    DICT_END();
    wf_leave_recursive_call();
    wf_repr_leave(self);
    if (rc < 0) {
        wf_sb_discard(&sb);
        return 0;
    }
    wf_sb_add_char(&sb, '}');
    return wf_sb_finish(&sb);
}

static Hash dict_hash(Value self)
{
    wf_err_format(wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(self));
    return -1;
}

/* a == b for two dicts: same size and every key of a maps to an equal value in b. */
static int dict_equal_locked(DictObject *a, DictObject *b)
{
    if (a->used != b->used)
        return 0;
    for (size_t i = 0; i < a->table->nentries; i++) {
        DictEntry *ep = &a->table->entries[i];
        if (!ep->key)
            continue;
        Value k = wf_incref(ep->key), av = wf_incref(ep->value);
        intptr_t ix = wf_dict_lookup(b, k, ep->hash);
        int eq = ix == DKIX_ERROR ? -1 : 0;
        if (ix >= 0) {
            Value bv = wf_incref(b->table->entries[ix].value);
            eq = wf_richcompare_bool(av, bv, WF_EQ);
            wf_decref(bv);
        }
        wf_decref(k);
        wf_decref(av);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static int dict_equal(DictObject *a, DictObject *b)
{
    int r;
    WF_CRITSEC_BEGIN2(a, b);
    r = dict_equal_locked(a, b);
    WF_CRITSEC_END();
    return r;
}

static Value dict_richcompare(Value a, Value b, int op)
{
    if (!wf_is_dict(a) || !wf_is_dict(b) || (op != WF_EQ && op != WF_NE))
        return wf_NotImplemented;
    int eq = dict_equal(wf_as_dict(a), wf_as_dict(b));
    if (eq < 0)
        return 0;
    return wf_bool(op == WF_EQ ? eq : !eq);
}

static intptr_t dict_len(Value self) { return wf_dict_size(self); }

static int dict_bool(Value self) { return wf_dict_size(self) != 0; }

/* d[key] for a missing key: __missing__ of subclasses, else KeyError(key). */
static Value dict_missing(Value self, Value key)
{
    if (!wf_is_dict_exact(self)) {
        Value m = wf_lookup_special(self, WF_ID(__missing__));
        if (m) {
            Value r = wf_call1(m, key);
            wf_decref(m);
            return r;
        }
        if (wf_err_occurred())
            return 0;
    }
    return wf_err_set_value(wf_exc_KeyError, key);
}

static Value dict_subscript(Value self, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return 0;
    Value v;
    int r = dict_find(wf_as_dict(self), key, h, &v);
    if (r < 0)
        return 0;
    if (r == 0)
        return dict_missing(self, key);
    return wf_incref(v);
}

static int dict_ass_sub(Value self, Value key, Value v)
{
    return v ? wf_dict_set(self, key, v) : wf_dict_del(self, key);
}

static int dict_contains_slot(Value self, Value key) { return wf_dict_contains(self, key); }

static Value dict_iter(Value self) { return wf_dictiter_new(self, &wf_type_dict_keyiter); }

static Value dict_or(Value a, Value b, int op)
{
    if (op != WF_BINOP_OR || !wf_is_dict(a) || !wf_is_dict(b))
        return wf_NotImplemented;
    Value r = wf_dict_copy(a);
    if (r && dict_update_arg(r, b) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

static Value dict_ior(Value a, Value b, int op)
{
    if (op != WF_BINOP_OR)
        return wf_NotImplemented;
    if (dict_update_arg(a, b) < 0)
        return 0;
    return wf_incref(a);
}

static Value dict_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    size_t size = type->tp_basicsize > sizeof(DictObject) ? type->tp_basicsize : sizeof(DictObject);
    DictObject *d = (DictObject *)wf_object_alloc(type, size);
    d->table = EMPTY_TABLE;
    return wf_val(d);
}

static int dict_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return dict_update_common(self, args, nargs, kwnames, "dict");
}

Value *wf_dict_dict_slot(Value d)
{
    size_t off = wf_type(d)->tp_dictoffset;
    return off ? (Value *)((char *)wf_obj(d) + off) : NULL;
}

static void dict_dealloc(Object *o)
{
    DictObject *d = (DictObject *)o;
    if (!wf_seq_trash_begin(o, dict_dealloc))
        return;
    wf_watch_dict_notify(WF_DICT_EVENT_DEALLOCATED, d, 0, 0);
    /* Rule 6: nobody else can read a dict without references. */
    DictTable *t = d->table;
    for (size_t i = 0; i < t->nentries; i++) {
        if (t->entries[i].key) {
            wf_decref(t->entries[i].key);
            wf_decref(t->entries[i].value);
        }
    }
    if (t != EMPTY_TABLE)
        wf_mem_free_small(t);
    Value *slot = wf_dict_dict_slot(wf_val(o));
    if (slot) {
        Value attrs = *slot;
        *slot = 0;
        wf_xdecref(attrs);
    }
    wf_object_free(o);
    wf_seq_trash_end();
}

/* ---- methods ---- */

static Value dm_get(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.get", kwnames) < 0 || wf_check_nargs("get", nargs, 1, 2) < 0)
        return 0;
    Value v = wf_dict_get(self, args[0]);
    if (!v && wf_err_occurred())
        return 0;
    return wf_incref(v ? v : nargs > 1 ? args[1] : wf_None);
}

static Value dm_setdefault(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.setdefault", kwnames) < 0 || wf_check_nargs("setdefault", nargs, 1, 2) < 0)
        return 0;
    Value key = args[0], dflt = nargs > 1 ? args[1] : wf_None;
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return 0;
    DictObject *d = wf_as_dict(self);
    Value v;
    int r = wf_dict_probe(d, key, h, &v);
    if (r > 0)
        return wf_incref(v);
    /* Absent, or needs the locked lookup: look up and insert atomically. */
    Value result = 0;
    DICT_BEGIN(d);
    intptr_t ix = wf_dict_lookup(d, key, h);
    if (ix >= 0) {
        result = wf_incref(d->table->entries[ix].value);
    } else if (ix == DKIX_EMPTY) {
        Value old;
        dict_insert_at(d, ix, wf_incref(key), h, wf_incref(dflt), &old);
        result = wf_incref(dflt);
    }
    DICT_END();
    return result;
}

static Value dm_pop(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.pop", kwnames) < 0 || wf_check_nargs("pop", nargs, 1, 2) < 0)
        return 0;
    DictObject *d = wf_as_dict(self);
    Hash h = wf_dict_key_hash(args[0]);
    if (h == -1)
        return 0;
    Value k = 0, v = 0, result = 0;
    intptr_t ix;
    DICT_BEGIN(d);
    ix = wf_dict_lookup(d, args[0], h);
    if (ix >= 0) {
        /* The caller gets a new reference; the dict's own is dropped
         * after a grace period, as a reader may hold it (rule 4). */
        result = wf_incref(d->table->entries[ix].value);
        dict_del_at(d, ix, &k, &v);
    }
    DICT_END();
    dict_drop(k);
    dict_drop(v);
    if (ix == DKIX_ERROR)
        return 0;
    if (ix < 0) {
        if (nargs > 1)
            return wf_incref(args[1]);
        return wf_err_set_value(wf_exc_KeyError, args[0]);
    }
    return result;
}

static Value dm_popitem(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.popitem", nargs, 0, 0) < 0 || wf_no_kwargs("dict.popitem", kwnames) < 0)
        return 0;
    DictObject *d = wf_as_dict(self);
    Value r = 0, k = 0, v = 0;
    DICT_BEGIN_NOCODE(d);
    if (d->used > 0) {
        DictTable *t = d->table;
        size_t i = t->nentries;
        while (!t->entries[i - 1].key)
            i--;
        i--;
        DictEntry *ep = &t->entries[i];
        r = wf_tuple_pack(2, ep->key, ep->value);  /* new references for the caller */
        dict_del_at(d, (intptr_t)i, &k, &v);
        /* As CPython: trailing room is not given back to usable. The
         * position is reused by the next insert (rule 5).
         * release: pairs with the acquire load of nentries in the iterators. */
        wf_atomic_store_release_usize(&t->nentries, i);
    }
    DICT_END();
    dict_drop(k);
    dict_drop(v);
    if (!r)
        return wf_err_set_str(wf_exc_KeyError, "popitem(): dictionary is empty");
    return r;
}

static Value dm_keys(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.keys", nargs, 0, 0) < 0 || wf_no_kwargs("dict.keys", kwnames) < 0)
        return 0;
    return wf_dictview_new(self, &wf_type_dict_keys);
}

static Value dm_values(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.values", nargs, 0, 0) < 0 || wf_no_kwargs("dict.values", kwnames) < 0)
        return 0;
    return wf_dictview_new(self, &wf_type_dict_values);
}

static Value dm_items(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.items", nargs, 0, 0) < 0 || wf_no_kwargs("dict.items", kwnames) < 0)
        return 0;
    return wf_dictview_new(self, &wf_type_dict_items);
}

static Value dm_update(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (dict_update_common(self, args, nargs, kwnames, "update") < 0)
        return 0;
    return wf_incref(wf_None);
}

static Value dm_copy(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.copy", nargs, 0, 0) < 0 || wf_no_kwargs("dict.copy", kwnames) < 0)
        return 0;
    return wf_dict_copy(self);
}

static Value dm_clear(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.clear", nargs, 0, 0) < 0 || wf_no_kwargs("dict.clear", kwnames) < 0)
        return 0;
    dict_clear(wf_as_dict(self));
    return wf_incref(wf_None);
}

static Value dm_reversed(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dict.__reversed__", nargs, 0, 0) < 0)
        return 0;
    return wf_dictiter_new(self, &wf_type_dict_revkeyiter);
}

static Value dm_getitem(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.__getitem__", kwnames) < 0 || wf_check_nargs("__getitem__", nargs, 1, 1) < 0)
        return 0;
    return dict_subscript(self, args[0]);
}

static Value dm_contains(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.__contains__", kwnames) < 0 || wf_check_nargs("__contains__", nargs, 1, 1) < 0)
        return 0;
    int r = wf_dict_contains(self, args[0]);
    return r < 0 ? 0 : wf_bool(r);
}

/* Fill d with keys from iterable, all mapped to value. */
static int dict_fill_keys(Value d, Value iterable, Value value)
{
    bool exact = wf_is_dict_exact(d);
    Value it = wf_iter(iterable);
    if (!it)
        return -1;
    Value k;
    int rc = 0;
    while (rc == 0 && (k = wf_next(it))) {
        rc = exact ? wf_dict_set(d, k, value) : wf_setitem(d, k, value);
        wf_decref(k);
    }
    wf_decref(it);
    return rc < 0 || wf_err_occurred() ? -1 : 0;
}

static Value dm_fromkeys(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dict.fromkeys", kwnames) < 0 || wf_check_nargs("fromkeys", nargs, 1, 2) < 0)
        return 0;
    Value d = wf_call0(cls);
    if (!d)
        return 0;
    if (dict_fill_keys(d, args[0], nargs > 1 ? args[1] : wf_None) < 0) {
        wf_decref(d);
        return 0;
    }
    return d;
}

/* dict[int, str] in annotations: no typing.GenericAlias yet, so the class itself. */
static Value dm_class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__class_getitem__", nargs, 1, 1) < 0)
        return 0;
    return wf_incref(cls);
}

static Value dm_sizeof(Value self, const Value *args, size_t nargs, Value kwnames)
{
    /* acquire: pairs with dict_publish_table. */
    const DictTable *t = wf_atomic_load_acquire_ptr(&wf_as_dict(self)->table);
    size_t n = wf_type(self)->tp_basicsize;
    if (t != EMPTY_TABLE)
        n += ((size_t)1 << (t->log2size + t->log2width)) +
             usable_fraction((size_t)1 << t->log2size) * sizeof(DictEntry);
    return wf_int_from_u64(n);
}

static const MethodDef dict_methods[] = {
    {"__getitem__", dm_getitem, 0, "x.__getitem__(y) <==> x[y]"},
    {"__contains__", dm_contains, 0, "True if the dictionary has the specified key, else False."},
    {"__reversed__", dm_reversed, 0, "Return a reverse iterator over the dict keys."},
    {"__sizeof__", dm_sizeof, 0, "D.__sizeof__() -> size of D in memory, in bytes"},
    {"__class_getitem__", dm_class_getitem, WF_METH_CLASS, "See PEP 585"},
    {"get", dm_get, 0, "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dm_setdefault, 0, "Insert key with a value of default if key is not in the dictionary."},
    {"pop", dm_pop, 0, "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", dm_popitem, 0, "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", dm_keys, 0, "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", dm_items, 0, "D.items() -> a set-like object providing a view on D's items"},
    {"values", dm_values, 0, "D.values() -> an object providing a view on D's values"},
    {"update", dm_update, 0, "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", dm_fromkeys, WF_METH_CLASS, "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", dm_clear, 0, "D.clear() -> None.  Remove all items from D."},
    {"copy", dm_copy, 0, "D.copy() -> a shallow copy of D"},
    {NULL},
};

TypeObject wf_type_dict = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "dict",
    .tp_basicsize = sizeof(DictObject),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_DICT_SUBCLASS,
    .tp_base = &wf_type_object,
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_hash = dict_hash,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_new = dict_tp_new,
    .tp_init = dict_tp_init,
    .tp_len = dict_len,
    .tp_getitem = dict_subscript,
    .tp_setitem = dict_ass_sub,
    .tp_contains = dict_contains_slot,
    .tp_bool = dict_bool,
    .tp_binop = dict_or,
    .tp_inplace = dict_ior,
    .tp_methods = dict_methods,
};

void wf_dict_init(void)
{
    wf_type_ready(&wf_type_dict);
    /* dict.__hash__ is None, as for every unhashable built-in. */
    wf_dict_set(wf_type_dict.tp_dict, WF_ID(__hash__), wf_None);
    wf_dictview_init();
}
