/* weft: the set and frozenset types. */
/* iterables -> hash tables probed as CPython's setobject.c, so iteration order matches. */
#include "set.h"
#include "dict.h"
#include "seq.h"  /* the trashcan for deeply nested deallocation */
#include "critsec.h"
#include "objimpl.h"  /* wf_mem_alloc_small: tables from the per-thread free lists */

/*
 * The table algorithms are CPython 3.11's, line for line where the order of
 * elements can be observed: LINEAR_PROBES slots are tried after the home
 * slot (unless that would wrap around), then the perturbation recurrence
 * jumps elsewhere. A table is resized when fill reaches 3/5 of its size, to
 * the smallest power of two above used*4 (used*2 past 50000 elements).
 *
 * An empty slot has key 0 and hash 0; a deleted one has the dummy key and
 * hash -1 (no real hash is -1, so lookups never compare with the dummy).
 * Comparisons may run Python code that mutates the set: lookups then check
 * the table and the key are unchanged and otherwise start again.
 *
 * Threads (as free-threaded CPython's setobject.c):
 *  1. Every operation on a mutable set runs inside the set's critical
 *     section; an operation on two containers (s | t, s.update(t),
 *     s <= t, a set and an exact dict) holds both (SET_BEGIN2). The
 *     internal helpers below the entry points never lock: their callers hold
 *     the sections. Sections are suspended whenever a callback blocks, as
 *     everywhere.
 *  2. A frozenset is immutable once its constructor returns, so it is never
 *     locked; its lazily computed hash is stored with a relaxed atomic
 *     (every thread computes the same value).
 *  3. `used` is also read without the lock (len(), bool(), size checks), so
 *     it is written with relaxed atomic stores (set_store_used).
 */

#define LINEAR_PROBES WF_SET_LINEAR_PROBES
#define PERTURB_SHIFT WF_SET_PERTURB_SHIFT

Object wf_set_dummy_obj = WF_STATIC_HEAD(&wf_type_object);

enum { DISCARD_NOTFOUND = 0, DISCARD_FOUND = 1 };

bool wf_is_anyset(Value v)
{
    if (!wf_is_obj(v))
        return false;
    TypeObject *t = wf_obj(v)->ob_type;
    return t == &wf_type_set || t == &wf_type_frozenset ||
           wf_type_is_subtype(t, &wf_type_set) || wf_type_is_subtype(t, &wf_type_frozenset);
}

static bool set_is_frozen(Value v) { return wf_isinstance_type(v, &wf_type_frozenset); }

/* relaxed: rule 3; the writers hold the set's section. */
static inline void set_store_used(SetObject *so, size_t n) { wf_atomic_store_relaxed_usize(&so->used, n); }
static inline size_t set_load_used(SetObject *so) { return wf_atomic_load_relaxed_usize(&so->used); }
/* relaxed: rule 2 */
static inline void set_store_hash(SetObject *so, Hash h) { wf_atomic_store_relaxed_isize(&so->hash, h); }
static inline Hash set_load_hash(SetObject *so) { return wf_atomic_load_relaxed_isize(&so->hash); }

/* ---- critical sections (rule 1) ---- */

/* Containers whose contents another thread may change: mutable sets and
 * exact dicts (whose table set_update_dict reads). */
static inline bool set_lockable(Value v)
{
    if (!wf_is_obj(v))
        return false;
    TypeObject *t = wf_obj(v)->ob_type;
    if (t == &wf_type_set || t == &wf_type_dict)
        return true;
    if (t == &wf_type_frozenset)
        return false;
    return wf_isinstance_type(v, &wf_type_set);
}

typedef struct SetSection {
    WfCritSec cs;
    bool held;
} SetSection;

/* Lock a and b (either may be 0 or not lockable) for one operation. */
static inline void set_begin2(SetSection *sec, Value a, Value b)
{
    bool la = a && set_lockable(a), lb = b && b != a && set_lockable(b);
    sec->held = la || lb;
    if (la && lb)
        wf_critsec_begin2(&sec->cs, wf_obj(a), wf_obj(b));
    else if (la)
        wf_critsec_begin(&sec->cs, wf_obj(a));
    else if (lb)
        wf_critsec_begin(&sec->cs, wf_obj(b));
}

static inline void set_end(SetSection *sec)
{
    if (sec->held)
        wf_critsec_end(&sec->cs);
}

/* SET_BEGIN2(a, b) ... SET_END(): a block holding both sections. */
#define SET_BEGIN2(a, b) { SetSection set_sec_; set_begin2(&set_sec_, (a), (b));
#define SET_BEGIN(a) SET_BEGIN2((a), 0)
#define SET_END() set_end(&set_sec_); }

/* ---- the table ---- */

/* The entry holding key, or the empty entry ending its probe sequence; NULL on error. */
static SetEntry *set_lookkey(SetObject *so, Value key, Hash hash)
{
restart:;
    size_t perturb = (size_t)hash, mask = so->mask, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0)
                return entry;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (wf_is_str_exact(startkey) && wf_is_str_exact(key) && wf_str_eq(startkey, key))
                    return entry;
                SetEntry *table = so->table;
                wf_incref(startkey);
                int cmp = wf_richcompare_bool(startkey, key, WF_EQ);
                bool moved = table != so->table || entry->key != startkey;
                wf_decref(startkey);
                if (cmp < 0)
                    return NULL;
                if (moved)
                    goto restart;
                if (cmp > 0)
                    return entry;
                mask = so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Insert a key known to be absent into a table without dummies. */
static void set_insert_clean(SetEntry *table, size_t mask, Value key, Hash hash)
{
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (entry->key == 0)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == 0)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found_null:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuild the table with the smallest size above minused, dropping dummies. */
static void set_table_resize(SetObject *so, size_t minused)
{
    size_t oldmask = so->mask;
    SetEntry *oldtable = so->table, *newtable;
    bool old_malloced = oldtable != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];

    size_t newsize = SET_MINSIZE;
    while (newsize <= minused)
        newsize <<= 1;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return;  /* no dummies to purge */
            memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        if (newsize > SIZE_MAX / sizeof(SetEntry))
            WF_DIE("set too large", 0);
        newtable = wf_mem_alloc_small(newsize * sizeof(SetEntry));
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = newsize - 1;
    so->table = newtable;
    bool dummies = so->fill != so->used;
    size_t oldfill = so->fill;
    so->fill = so->used;
    for (SetEntry *e = oldtable; oldfill && e <= oldtable + oldmask; e++)
        if (e->key != 0 && (!dummies || e->key != wf_set_dummy))
            set_insert_clean(newtable, so->mask, e->key, e->hash);
    if (old_malloced)
        wf_mem_free_small(oldtable);
}

static size_t set_growth(SetObject *so) { return so->used > 50000 ? so->used * 2 : so->used * 4; }

/* Add key (borrowed) with its hash. */
static int set_add_entry(SetObject *so, Value key, Hash hash)
{
    /* Held across comparisons so that Python code cannot free it under us. */
    wf_incref(key);
restart:;
    size_t mask = so->mask, i = (size_t)hash & mask, perturb = (size_t)hash;
    SetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == 0)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (wf_is_str_exact(startkey) && wf_is_str_exact(key) && wf_str_eq(startkey, key))
                    goto found_active;
                SetEntry *table = so->table;
                wf_incref(startkey);
                int cmp = wf_richcompare_bool(startkey, key, WF_EQ);
                bool moved = table != so->table || entry->key != startkey;
                wf_decref(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0) {
                    wf_decref(key);
                    return -1;
                }
                if (moved)
                    goto restart;
                mask = so->mask;
            } else if (entry->hash == -1) {
                /* CPython 3.11 keeps the LAST dummy seen (observable in iteration order). */
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        set_store_used(so, so->used + 1);
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    set_store_used(so, so->used + 1);
    entry->key = key;
    entry->hash = hash;
    if (so->fill * 5 >= mask * 3)
        set_table_resize(so, set_growth(so));
    return 0;
found_active:
    wf_decref(key);
    return 0;
}

static int set_add_key(SetObject *so, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    return set_add_entry(so, key, h);
}

static int set_contains_entry(SetObject *so, Value key, Hash hash)
{
    SetEntry *e = set_lookkey(so, key, hash);
    if (!e)
        return -1;
    return e->key != 0;
}

static int set_contains_key(SetObject *so, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    return set_contains_entry(so, key, h);
}

static int set_discard_entry(SetObject *so, Value key, Hash hash)
{
    SetEntry *e = set_lookkey(so, key, hash);
    if (!e)
        return -1;
    if (e->key == 0)
        return DISCARD_NOTFOUND;
    Value old = e->key;
    e->key = wf_set_dummy;
    e->hash = -1;
    set_store_used(so, so->used - 1);
    wf_decref(old);
    return DISCARD_FOUND;
}

static int set_discard_key(SetObject *so, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return -1;
    return set_discard_entry(so, key, h);
}

/* The next active entry at or after *pos. */
static bool set_next_entry(SetObject *so, size_t *pos, SetEntry **out)
{
    size_t i = *pos;
    while (i <= so->mask && (so->table[i].key == 0 || so->table[i].key == wf_set_dummy))
        i++;
    *pos = i + 1;
    if (i > so->mask)
        return false;
    *out = &so->table[i];
    return true;
}

static void set_empty_table(SetObject *so)
{
    memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->fill = 0;
    set_store_used(so, 0);
    set_store_hash(so, -1);
}

static void set_clear_internal(SetObject *so)
{
    SetEntry *table = so->table;
    size_t mask = so->mask;
    bool malloced = table != so->smalltable;
    SetEntry small_copy[SET_MINSIZE];
    if (!malloced) {
        memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    set_empty_table(so);
    /* Decref after the set is consistent: __del__ may look at it. */
    for (size_t i = 0; i <= mask; i++)
        if (table[i].key && table[i].key != wf_set_dummy)
            wf_decref(table[i].key);
    if (malloced)
        wf_mem_free_small(table);
}

/* Add every element of another set. */
static int set_merge(SetObject *so, SetObject *other)
{
    if (other == so || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        set_table_resize(so, (so->used + other->used) * 2);
    SetEntry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            if (other_entry->key) {
                so_entry->key = wf_incref(other_entry->key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        set_store_used(so, other->used);
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        set_store_used(so, other->used);
        for (size_t i = other->mask + 1; i > 0; i--, other_entry++) {
            Value key = other_entry->key;
            if (key && key != wf_set_dummy)
                set_insert_clean(so->table, so->mask, wf_incref(key), other_entry->hash);
        }
        return 0;
    }
    for (size_t i = 0; i <= other->mask; i++) {
        Value key = other->table[i].key;
        if (key && key != wf_set_dummy && set_add_entry(so, key, other->table[i].hash) < 0)
            return -1;
    }
    return 0;
}

static int set_update_dict(SetObject *so, Value d)
{
    size_t used = (size_t)wf_dict_size(d);
    if ((so->fill + used) * 5 >= so->mask * 3)
        set_table_resize(so, (so->used + used) * 2);
    size_t pos = 0;
    Value key;
    Hash hash;
    while (wf_dict_next_entry(d, &pos, &key, NULL, &hash))
        if (set_add_entry(so, key, hash) < 0)
            return -1;
    return 0;
}

static int set_update_internal(SetObject *so, Value other)
{
    if (wf_is_anyset(other))
        return set_merge(so, wf_as_set(other));
    if (wf_is_dict_exact(other))
        return set_update_dict(so, other);
    Value it = wf_iter(other);
    if (!it)
        return -1;
    Value key;
    while ((key = wf_next(it))) {
        int rc = set_add_key(so, key);
        wf_decref(key);
        if (rc < 0) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

/* ---- construction ---- */

static Value make_new_set(TypeObject *type, Value iterable)
{
    size_t size = type->tp_basicsize > sizeof(SetObject) ? type->tp_basicsize : sizeof(SetObject);
    SetObject *so = (SetObject *)wf_object_alloc(type, size);
    /* wf_object_alloc zeroed the rest: an empty smalltable, fill and used 0 */
    so->table = so->smalltable;
    so->mask = SET_MINSIZE - 1;
    so->hash = -1;
    int rc = 0;
    if (iterable) {
        /* The new set is ours alone: only the source needs its section. */
        SET_BEGIN(iterable);
        rc = set_update_internal(so, iterable);
        SET_END();
    }
    if (rc < 0) {
        wf_decref(wf_val(so));
        return 0;
    }
    return wf_val(so);
}

/* A new set or frozenset: the built-in base of type. */
static Value make_new_set_basetype(TypeObject *type, Value iterable)
{
    bool frozen = type == &wf_type_frozenset || wf_type_is_subtype(type, &wf_type_frozenset);
    return make_new_set(frozen ? &wf_type_frozenset : &wf_type_set, iterable);
}

Value wf_set_new(Value iterable) { return make_new_set(&wf_type_set, iterable); }
Value wf_frozenset_new(Value iterable) { return make_new_set(&wf_type_frozenset, iterable); }

static Value set_copy_of(Value so)
{
    return make_new_set_basetype(wf_type(so), so);
}

/* s | {key}, computed as BUILD_SET and set_or compute it: the same hash
 * call first, then a copy of s and set_merge's steps for a one-element set
 * (make room, then add), so the table and the iteration order are
 * CPython's; only the temporary set is missing (core/spec/ops.def's
 * BUILD_SET_UNION). */
Value wf_set_union_key(Value s, Value key)
{
    Hash h = wf_dict_key_hash(key);
    if (h == -1)
        return 0;
    Value r = set_copy_of(s);
    if (!r)
        return 0;
    SetObject *so = wf_as_set(r);   /* ours alone: no section */
    if ((so->fill + 1) * 5 >= so->mask * 3)
        set_table_resize(so, (so->used + 1) * 2);
    if (set_add_entry(so, key, h) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

/* ---- the public C API ---- */

int wf_set_add(Value s, Value key)
{
    int rc;
    SET_BEGIN(s);
    rc = set_add_key(wf_as_set(s), key);
    SET_END();
    return rc;
}

/* `key in s`; an unhashable set key is looked up as a frozenset, as CPython. */
static int set_contains_locked(Value s, Value key)
{
    int rv = set_contains_key(wf_as_set(s), key);
    if (rv < 0 && wf_isinstance_type(key, &wf_type_set) && wf_err_matches(wf_exc_TypeError)) {
        wf_err_clear();
        Value tmp = wf_frozenset_new(key);
        if (!tmp)
            return -1;
        rv = set_contains_key(wf_as_set(s), tmp);
        wf_decref(tmp);
    }
    return rv;
}

int wf_set_contains(Value s, Value key)
{
    int rv;
    SET_BEGIN(s);
    rv = set_contains_locked(s, key);
    SET_END();
    return rv;
}

static int set_discard_locked(Value s, Value key)
{
    int rv = set_discard_key(wf_as_set(s), key);
    if (rv < 0 && wf_isinstance_type(key, &wf_type_set) && wf_err_matches(wf_exc_TypeError)) {
        wf_err_clear();
        Value tmp = wf_frozenset_new(key);
        if (!tmp)
            return -1;
        rv = set_discard_key(wf_as_set(s), tmp);
        wf_decref(tmp);
    }
    return rv;
}

int wf_set_discard(Value s, Value key)
{
    int rv;
    SET_BEGIN(s);
    rv = set_discard_locked(s, key);
    SET_END();
    return rv;
}

intptr_t wf_set_size(Value s) { return (intptr_t)set_load_used(wf_as_set(s)); }

int wf_set_next(Value s, size_t *pos, Value *key)
{
    SetEntry *e;
    if (!set_next_entry(wf_as_set(s), pos, &e))
        return 0;
    *key = e->key;
    return 1;
}

int wf_set_update(Value s, Value iterable)
{
    int rc;
    SET_BEGIN2(s, iterable);
    rc = set_update_internal(wf_as_set(s), iterable);
    SET_END();
    return rc;
}

/* ---- algebra ---- */

static void set_swap_bodies(SetObject *a, SetObject *b)
{
    SetObject t;
    bool a_small = a->table == a->smalltable, b_small = b->table == b->smalltable;
    t.fill = a->fill; t.used = a->used; t.mask = a->mask; t.table = a->table; t.hash = a->hash;
    memcpy(t.smalltable, a->smalltable, sizeof t.smalltable);
    a->fill = b->fill; a->used = b->used; a->mask = b->mask; a->hash = b->hash;
    memcpy(a->smalltable, b->smalltable, sizeof a->smalltable);
    a->table = b_small ? a->smalltable : b->table;
    b->fill = t.fill; b->used = t.used; b->mask = t.mask; b->hash = t.hash;
    memcpy(b->smalltable, t.smalltable, sizeof b->smalltable);
    b->table = a_small ? b->smalltable : t.table;
}

static Value set_intersection_locked(Value s, Value other)
{
    if (s == other)
        return set_copy_of(s);
    Value result = make_new_set_basetype(wf_type(s), 0);
    SetObject *so = wf_as_set(s), *ro = wf_as_set(result);
    if (wf_is_anyset(other)) {
        SetObject *oo = wf_as_set(other);
        if (oo->used > so->used) {
            SetObject *t = so;
            so = oo;
            oo = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next_entry(oo, &pos, &e)) {
            Value key = wf_incref(e->key);
            Hash hash = e->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0)
                rv = set_add_entry(ro, key, hash);
            wf_decref(key);
            if (rv < 0)
                goto error;
        }
        return result;
    }
    Value it = wf_iter(other), key;
    if (!it)
        goto error;
    while ((key = wf_next(it))) {
        Hash hash = wf_dict_key_hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0)
            rv = set_add_entry(ro, key, hash);
        wf_decref(key);
        if (rv < 0) {
            wf_decref(it);
            goto error;
        }
        if (ro->used >= so->used)
            break;
    }
    wf_decref(it);
    if (wf_err_occurred())
        goto error;
    return result;
error:
    wf_decref(result);
    return 0;
}

Value wf_set_intersection(Value s, Value other)
{
    Value r;
    SET_BEGIN2(s, other);
    r = set_intersection_locked(s, other);
    SET_END();
    return r;
}

static Value set_intersection_multi(Value s, const Value *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_of(s);
    Value result = wf_incref(s);
    for (size_t i = 0; i < nargs; i++) {
        Value r = wf_set_intersection(result, args[i]);
        wf_decref(result);
        if (!r)
            return 0;
        result = r;
    }
    return result;
}

static int set_intersection_update(Value s, Value tmp)
{
    if (!tmp)
        return -1;
    SET_BEGIN(s);
    set_swap_bodies(wf_as_set(s), wf_as_set(tmp));
    SET_END();
    wf_decref(tmp);
    return 0;
}

static int set_difference_update_locked(Value s, Value other)
{
    SetObject *so = wf_as_set(s);
    if (s == other) {
        set_clear_internal(so);
        return 0;
    }
    if (wf_is_anyset(other)) {
        if ((wf_as_set(other)->used >> 3) > so->used) {
            other = set_intersection_locked(s, other);
            if (!other)
                return -1;
        } else {
            wf_incref(other);
        }
        size_t pos = 0;
        SetEntry *e;
        int rc = 0;
        while (rc >= 0 && set_next_entry(wf_as_set(other), &pos, &e)) {
            Value key = wf_incref(e->key);
            rc = set_discard_entry(so, key, e->hash);
            wf_decref(key);
        }
        wf_decref(other);
        if (rc < 0)
            return -1;
    } else {
        Value it = wf_iter(other), key;
        if (!it)
            return -1;
        while ((key = wf_next(it))) {
            int rc = set_discard_key(so, key);
            wf_decref(key);
            if (rc < 0) {
                wf_decref(it);
                return -1;
            }
        }
        wf_decref(it);
        if (wf_err_occurred())
            return -1;
    }
    /* More than a quarter dummies: resize them away. */
    if (so->fill - so->used > so->mask / 4)
        set_table_resize(so, set_growth(so));
    return 0;
}

int wf_set_difference_update(Value s, Value other)
{
    int rc;
    SET_BEGIN2(s, other);
    rc = set_difference_update_locked(s, other);
    SET_END();
    return rc;
}

/* Under the sections of s and other; r is ours alone. */
static Value set_copy_and_difference(Value s, Value other)
{
    Value r = set_copy_of(s);
    if (r && set_difference_update_locked(r, other) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

/* s - other: iterate s and test membership in other when other is cheap to probe. */
static Value set_difference_locked(Value s, Value other)
{
    SetObject *so = wf_as_set(s);
    size_t other_size;
    if (wf_is_anyset(other))
        other_size = wf_as_set(other)->used;
    else if (wf_is_dict_exact(other))
        other_size = (size_t)wf_dict_size(other);
    else
        return set_copy_and_difference(s, other);
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(s, other);
    Value result = make_new_set_basetype(wf_type(s), 0);
    size_t pos = 0;
    SetEntry *e;
    bool is_dict = wf_is_dict_exact(other);
    while (set_next_entry(so, &pos, &e)) {
        Value key = wf_incref(e->key);
        Hash hash = e->hash;
        int rv;
        if (is_dict) {
            rv = wf_dict_contains_hash(other, key, hash);
        } else {
            rv = set_contains_entry(wf_as_set(other), key, hash);
        }
        if (rv == 0)
            rv = set_add_entry(wf_as_set(result), key, hash);
        wf_decref(key);
        if (rv < 0) {
            wf_decref(result);
            return 0;
        }
    }
    return result;
}

static Value set_difference(Value s, Value other)
{
    Value r;
    SET_BEGIN2(s, other);
    r = set_difference_locked(s, other);
    SET_END();
    return r;
}

static Value set_difference_multi(Value s, const Value *args, size_t nargs)
{
    if (nargs == 0)
        return set_copy_of(s);
    Value result = set_difference(s, args[0]);
    for (size_t i = 1; result && i < nargs; i++) {
        if (wf_set_difference_update(result, args[i]) < 0) {
            wf_decref(result);
            return 0;
        }
    }
    return result;
}

/* Toggle key's membership in so. */
static int set_toggle(SetObject *so, Value key, Hash hash)
{
    wf_incref(key);
    int rv = set_discard_entry(so, key, hash);
    if (rv == DISCARD_NOTFOUND)
        rv = set_add_entry(so, key, hash);
    wf_decref(key);
    return rv < 0 ? -1 : 0;
}

static int set_symdiff_update_locked(Value s, Value other)
{
    SetObject *so = wf_as_set(s);
    if (s == other) {
        set_clear_internal(so);
        return 0;
    }
    if (wf_is_dict_exact(other)) {
        size_t pos = 0;
        Value key;
        Hash hash;
        while (wf_dict_next_entry(other, &pos, &key, NULL, &hash))
            if (set_toggle(so, key, hash) < 0)
                return -1;
        return 0;
    }
    Value otherset = wf_is_anyset(other) ? wf_incref(other) : make_new_set_basetype(wf_type(s), other);
    if (!otherset)
        return -1;
    size_t pos = 0;
    SetEntry *e;
    int rc = 0;
    while (rc == 0 && set_next_entry(wf_as_set(otherset), &pos, &e))
        rc = set_toggle(so, e->key, e->hash);
    wf_decref(otherset);
    return rc;
}

int wf_set_symdiff_update(Value s, Value other)
{
    int rc;
    SET_BEGIN2(s, other);
    rc = set_symdiff_update_locked(s, other);
    SET_END();
    return rc;
}

/* s ^ other: CPython toggles s's elements into a copy of other. */
static Value set_symmetric_difference(Value s, Value other)
{
    Value r = make_new_set_basetype(wf_type(s), other);
    if (r && wf_set_symdiff_update(r, s) < 0) {
        wf_decref(r);
        return 0;
    }
    return r;
}

static int set_issubset_locked(Value s, Value other);

static int set_issubset(Value s, Value other)
{
    if (!wf_is_anyset(other)) {
        Value tmp = wf_set_new(other);
        if (!tmp)
            return -1;
        int r = set_issubset(s, tmp);
        wf_decref(tmp);
        return r;
    }
    int r;
    SET_BEGIN2(s, other);
    r = set_issubset_locked(s, other);
    SET_END();
    return r;
}

static int set_issubset_locked(Value s, Value other)
{
    SetObject *so = wf_as_set(s), *oo = wf_as_set(other);
    if (so->used > oo->used)
        return 0;
    size_t pos = 0;
    SetEntry *e;
    while (set_next_entry(so, &pos, &e)) {
        Value key = wf_incref(e->key);
        int rv = set_contains_entry(oo, key, e->hash);
        wf_decref(key);
        if (rv <= 0)
            return rv;
    }
    return 1;
}

static int set_issuperset(Value s, Value other)
{
    if (wf_is_anyset(other))
        return set_issubset(other, s);
    Value it = wf_iter(other), key;
    if (!it)
        return -1;
    int rv = 1;
    while (rv == 1 && (key = wf_next(it))) {
        rv = wf_set_contains(s, key);
        wf_decref(key);
    }
    wf_decref(it);
    return rv == 1 && wf_err_occurred() ? -1 : rv;
}

static int set_isdisjoint_sets(Value s, Value other)
{
    {
        SetObject *so = wf_as_set(s), *oo = wf_as_set(other);
        if (oo->used > so->used) {
            SetObject *t = so;
            so = oo;
            oo = t;
        }
        size_t pos = 0;
        SetEntry *e;
        while (set_next_entry(oo, &pos, &e)) {
            Value key = wf_incref(e->key);
            int rv = set_contains_entry(so, key, e->hash);
            wf_decref(key);
            if (rv != 0)
                return rv < 0 ? -1 : 0;
        }
        return 1;
    }
}

static int set_isdisjoint(Value s, Value other)
{
    if (s == other)
        return set_load_used(wf_as_set(s)) == 0;
    if (wf_is_type_exact(other, &wf_type_set) || wf_is_type_exact(other, &wf_type_frozenset)) {
        int r;
        SET_BEGIN2(s, other);
        r = set_isdisjoint_sets(s, other);
        SET_END();
        return r;
    }
    Value it = wf_iter(other), key;
    if (!it)
        return -1;
    int rv = 0;
    while (rv == 0 && (key = wf_next(it))) {
        rv = wf_set_contains(s, key);
        wf_decref(key);
    }
    wf_decref(it);
    if (rv < 0 || (rv == 0 && wf_err_occurred()))
        return -1;
    return rv == 0;
}

/* ---- slots ---- */

static void set_dealloc(Object *o)
{
    SetObject *so = (SetObject *)o;
    if (!wf_seq_trash_begin(o, set_dealloc))
        return;
    for (size_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != wf_set_dummy)
            wf_decref(so->table[i].key);
    if (so->table != so->smalltable)
        wf_mem_free_small(so->table);
    size_t off = o->ob_type->tp_dictoffset;
    if (off) {
        Value *slot = (Value *)((char *)o + off);
        Value attrs = *slot;
        *slot = 0;
        wf_xdecref(attrs);
    }
    wf_object_free(o);
    wf_seq_trash_end();
}

static Value set_repr_locked(Value self)
{
    SetObject *so = wf_as_set(self);
    const char *name = wf_type_name(self);
    bool exact = wf_is_type_exact(self, &wf_type_set);
    int r = wf_repr_enter(self);
    if (r != 0)
        return r > 0 ? wf_str_printf("%s(...)", name) : 0;
    Value result = 0;
    if (so->used == 0) {
        result = wf_str_printf("%s()", name);
    } else {
        StrBuilder sb;
        wf_sb_init(&sb);
        if (!exact) {
            wf_sb_add_c(&sb, name);
            wf_sb_add_char(&sb, '(');
        }
        wf_sb_add_char(&sb, '{');
        /* The keys straight from the table we hold the section of: an
         * iterator would take the section again from under the new list's. */
        Value keys = wf_list_new(0);
        size_t pos = 0;
        SetEntry *e;
        int rc = 0;
        while (rc == 0 && set_next_entry(so, &pos, &e))
            rc = wf_list_append(keys, e->key);
        for (size_t i = 0; rc == 0 && i < wf_list_size(keys); i++) {
            if (i)
                wf_sb_add(&sb, ", ", 2);
            rc = wf_sb_add_repr(&sb, wf_list_get(keys, i));
        }
        wf_xdecref(keys);
        if (rc == 0) {
            wf_sb_add_char(&sb, '}');
            if (!exact)
                wf_sb_add_char(&sb, ')');
            result = wf_sb_finish(&sb);
        } else {
            wf_sb_discard(&sb);
        }
    }
    wf_repr_leave(self);
    return result;
}

/* Locked so that the listing is one snapshot (the items' reprs run after). */
static Value set_repr(Value self)
{
    Value r;
    SET_BEGIN(self);
    r = set_repr_locked(self);
    SET_END();
    return r;
}

static Hash set_unhashable(Value self)
{
    wf_err_format(wf_exc_TypeError, "unhashable type: '%s'", wf_type_name(self));
    return -1;
}

static size_t shuffle_bits(size_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

/* CPython's frozenset_hash: independent of order, includes the table layout's parity. */
static Hash frozenset_hash(Value self)
{
    SetObject *so = wf_as_set(self);
    Hash cached = set_load_hash(so);
    if (cached != -1)
        return cached;
    size_t hash = 0;
    for (SetEntry *e = so->table; e <= &so->table[so->mask]; e++)
        hash ^= shuffle_bits((size_t)e->hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((size_t)-1);
    hash ^= ((size_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (size_t)-1)
        hash = 590923713UL;
    set_store_hash(so, (Hash)hash);
    return (Hash)hash;
}

static int set_compare_locked(Value v, Value w, int op)
{
    SetObject *a = wf_as_set(v), *b = wf_as_set(w);
    int r;
    Hash ha = set_load_hash(a), hb = set_load_hash(b);
    switch (op) {
    case WF_EQ:
    case WF_NE:
        if (a->used != b->used || (ha != -1 && hb != -1 && ha != hb))
            r = 0;
        else
            r = set_issubset(v, w);
        if (r >= 0 && op == WF_NE)
            r = !r;
        break;
    case WF_LE: r = set_issubset(v, w); break;
    case WF_GE: r = set_issuperset(v, w); break;
    case WF_LT: r = a->used >= b->used ? 0 : set_issubset(v, w); break;
    default: r = a->used <= b->used ? 0 : set_issuperset(v, w); break;
    }
    return r;
}

static Value set_richcompare(Value v, Value w, int op)
{
    if (!wf_is_anyset(v) || !wf_is_anyset(w))
        return wf_NotImplemented;
    if (op != WF_EQ && op != WF_NE && op != WF_LE && op != WF_GE && op != WF_LT && op != WF_GT)
        return wf_NotImplemented;
    int r;
    SET_BEGIN2(v, w);
    r = set_compare_locked(v, w, op);
    SET_END();
    return r < 0 ? 0 : wf_bool(r);
}

static intptr_t set_len(Value self) { return (intptr_t)set_load_used(wf_as_set(self)); }
static int set_bool(Value self) { return set_load_used(wf_as_set(self)) != 0; }
static int set_contains_slot(Value self, Value key) { return wf_set_contains(self, key); }

static Value set_binop(Value a, Value b, int op)
{
    if (!wf_is_anyset(a) || !wf_is_anyset(b))
        return wf_NotImplemented;
    switch (op) {
    case WF_BINOP_OR: {
        Value r = set_copy_of(a);
        if (r && a != b && wf_set_update(r, b) < 0) {
            wf_decref(r);
            return 0;
        }
        return r;
    }
    case WF_BINOP_AND: return wf_set_intersection(a, b);
    case WF_BINOP_SUB: return set_difference(a, b);
    case WF_BINOP_XOR: return set_symmetric_difference(a, b);
    default: return wf_NotImplemented;
    }
}

static Value set_inplace(Value a, Value b, int op)
{
    if (!wf_is_anyset(b))
        return wf_NotImplemented;
    int rc;
    switch (op) {
    case WF_BINOP_OR: rc = wf_set_update(a, b); break;
    case WF_BINOP_AND: rc = set_intersection_update(a, wf_set_intersection(a, b)); break;
    case WF_BINOP_SUB: rc = wf_set_difference_update(a, b); break;
    case WF_BINOP_XOR: rc = wf_set_symdiff_update(a, b); break;
    default: return wf_NotImplemented;
    }
    return rc < 0 ? 0 : wf_incref(a);
}

/* ---- iterator ---- */

/* The fields change under the set's section. While the process is
 * multithreaded an exhausted iterator keeps `set` (another thread may be
 * reading the field) and says so with used == SETIT_DONE. */
typedef struct SetIterObject {
    Object ob;
    Value set;        /* 0 once exhausted (single-threaded) */
    intptr_t used;    /* len(set) at creation; -1 after a size change */
    size_t pos;
    size_t len;
} SetIterObject;

#define SETIT_DONE (-2)

TypeObject wf_type_set_iterator;

static Value set_iter(Value self)
{
    SetIterObject *it = (SetIterObject *)wf_object_alloc(&wf_type_set_iterator, sizeof(SetIterObject));
    it->set = wf_incref(self);
    SET_BEGIN(self);
    it->used = (intptr_t)wf_as_set(self)->used;
    it->len = wf_as_set(self)->used;
    SET_END();
    return wf_val(it);
}

/* The next key (new reference), 0 at the end or on error; *drop is the set
 * to release once the section ends. */
static Value setiter_next_locked(SetIterObject *it, Value *drop)
{
    SetObject *so = wf_as_set(it->set);
    if (it->used == SETIT_DONE)
        return 0;
    if (it->used != (intptr_t)so->used) {
        wf_err_set_str(wf_exc_RuntimeError, "Set changed size during iteration");
        it->used = -1;
        return 0;
    }
    SetEntry *e;
    if (!set_next_entry(so, &it->pos, &e)) {
        if (wf_runtime_multithreaded()) {
            it->used = SETIT_DONE;
        } else {
            *drop = it->set;
            it->set = 0;
        }
        return 0;
    }
    it->len--;
    return wf_incref(e->key);
}

/* The iterator's fields change under the set's section when the set is
 * mutable (every iterator of a set takes that one), under the iterator's own
 * for a frozenset, whose table never changes. One section, not two: a set's
 * repr iterates it while holding its section, and re-entering that one is
 * free. */
static void setiter_begin(WfCritSec *cs, SetIterObject *it, Value set)
{
    wf_critsec_begin(cs, set_lockable(set) ? wf_obj(set) : &it->ob);
}

static Value setiter_next(Value self)
{
    SetIterObject *it = (SetIterObject *)wf_obj(self);
    Value set = it->set, r, drop = 0;
    if (!set)
        return 0;
    if (WF_LIKELY(!wf_runtime_multithreaded())) {
        /* No Python code runs in a step, so no thread can start meanwhile:
         * with one thread the section is not needed. */
        r = setiter_next_locked(it, &drop);
    } else {
        WfCritSec cs;
        setiter_begin(&cs, it, set);
        r = setiter_next_locked(it, &drop);
        wf_critsec_end(&cs);
    }
    wf_decref(drop);
    return r;
}

static void setiter_dealloc(Object *o)
{
    wf_xdecref(((SetIterObject *)o)->set);
    wf_object_free(o);
}

static Value setiter_self(Value self) { return wf_incref(self); }

static Value setiter_length_hint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    SetIterObject *it = (SetIterObject *)wf_obj(self);
    Value set = it->set;
    size_t n = 0;
    if (set) {
        WfCritSec cs;
        setiter_begin(&cs, it, set);
        if (it->used == (intptr_t)wf_as_set(set)->used)
            n = it->len;
        wf_critsec_end(&cs);
    }
    return wf_int_from_u64(n);
}

static const MethodDef setiter_methods[] = {
    {"__length_hint__", setiter_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL},
};

TypeObject wf_type_set_iterator = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIterObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = setiter_dealloc,
    .tp_iter = setiter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

/* ---- constructors ---- */

static Value set_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if ((type == &wf_type_set || type->tp_init == wf_type_set.tp_init) && wf_no_kwargs("set", kwnames) < 0)
        return 0;
    return make_new_set(type, 0);
}

static int set_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("set", kwnames) < 0 || wf_check_nargs(wf_type(self)->tp_name, nargs, 0, 1) < 0)
        return -1;
    SetObject *so = wf_as_set(self);
    SET_BEGIN(self);
    if (so->fill)
        set_clear_internal(so);
    set_store_hash(so, -1);
    SET_END();
    return nargs ? wf_set_update(self, args[0]) : 0;
}

static Value frozenset_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if ((type == &wf_type_frozenset || type->tp_init == wf_type_frozenset.tp_init) &&
        wf_no_kwargs("frozenset", kwnames) < 0)
        return 0;
    if (wf_check_nargs(type->tp_name, nargs, 0, 1) < 0)
        return 0;
    Value iterable = nargs ? args[0] : 0;
    if (type == &wf_type_frozenset && iterable && wf_is_type_exact(iterable, &wf_type_frozenset))
        return wf_incref(iterable);
    return make_new_set(type, iterable);
}

/* ---- methods ---- */

/* Checks for METH_O / METH_NOARGS methods: "set.add() takes exactly one argument (0 given)". */
static int sm_check(const char *qual, size_t nargs, Value kwnames, size_t n)
{
    if (wf_check_nargs(qual, nargs, n, n) < 0)
        return -1;
    return wf_no_kwargs(qual, kwnames);
}

#define SM_ARGS Value self, const Value *args, size_t nargs, Value kwnames
#define SM_QUAL(m) (set_is_frozen(self) ? "frozenset." m : "set." m)

static Value sm_none(int rc) { return rc < 0 ? 0 : wf_incref(wf_None); }

static Value sm_add(SM_ARGS)
{
    if (sm_check("set.add", nargs, kwnames, 1) < 0)
        return 0;
    return sm_none(wf_set_add(self, args[0]));
}

static Value sm_clear(SM_ARGS)
{
    if (sm_check("set.clear", nargs, kwnames, 0) < 0)
        return 0;
    SET_BEGIN(self);
    set_clear_internal(wf_as_set(self));
    SET_END();
    return sm_none(0);
}

static Value sm_contains(SM_ARGS)
{
    if (sm_check(SM_QUAL("__contains__"), nargs, kwnames, 1) < 0)
        return 0;
    int r = wf_set_contains(self, args[0]);
    return r < 0 ? 0 : wf_bool(r);
}

static Value sm_copy(SM_ARGS)
{
    if (sm_check(SM_QUAL("copy"), nargs, kwnames, 0) < 0)
        return 0;
    if (wf_is_type_exact(self, &wf_type_frozenset))
        return wf_incref(self);
    return set_copy_of(self);
}

static Value sm_discard(SM_ARGS)
{
    if (sm_check("set.discard", nargs, kwnames, 1) < 0)
        return 0;
    return sm_none(wf_set_discard(self, args[0]));
}

static Value sm_remove(SM_ARGS)
{
    if (sm_check("set.remove", nargs, kwnames, 1) < 0)
        return 0;
    int rv = wf_set_discard(self, args[0]);
    if (rv == DISCARD_NOTFOUND)
        return wf_err_set_value(wf_exc_KeyError, args[0]);
    return sm_none(rv);
}

static Value sm_pop_locked(Value self)
{
    SetObject *so = wf_as_set(self);
    if (so->used == 0)
        return wf_err_set_str(wf_exc_KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (entry->key == 0 || entry->key == wf_set_dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    Value key = entry->key;
    entry->key = wf_set_dummy;
    entry->hash = -1;
    set_store_used(so, so->used - 1);
    so->finger = (size_t)(entry - so->table) + 1;
    return key;
}

static Value sm_pop(SM_ARGS)
{
    if (sm_check("set.pop", nargs, kwnames, 0) < 0)
        return 0;
    Value r;
    SET_BEGIN(self);
    r = sm_pop_locked(self);
    SET_END();
    return r;
}

static Value sm_union(SM_ARGS)
{
    if (wf_no_kwargs(SM_QUAL("union"), kwnames) < 0)
        return 0;
    Value r = set_copy_of(self);
    for (size_t i = 0; r && i < nargs; i++) {
        if (args[i] != self && wf_set_update(r, args[i]) < 0) {
            wf_decref(r);
            return 0;
        }
    }
    return r;
}

static Value sm_update(SM_ARGS)
{
    if (wf_no_kwargs("set.update", kwnames) < 0)
        return 0;
    for (size_t i = 0; i < nargs; i++)
        if (wf_set_update(self, args[i]) < 0)
            return 0;
    return sm_none(0);
}

static Value sm_intersection(SM_ARGS)
{
    if (wf_no_kwargs(SM_QUAL("intersection"), kwnames) < 0)
        return 0;
    return set_intersection_multi(self, args, nargs);
}

static Value sm_intersection_update(SM_ARGS)
{
    if (wf_no_kwargs("set.intersection_update", kwnames) < 0)
        return 0;
    return sm_none(set_intersection_update(self, set_intersection_multi(self, args, nargs)));
}

static Value sm_difference(SM_ARGS)
{
    if (wf_no_kwargs(SM_QUAL("difference"), kwnames) < 0)
        return 0;
    return set_difference_multi(self, args, nargs);
}

static Value sm_difference_update(SM_ARGS)
{
    if (wf_no_kwargs("set.difference_update", kwnames) < 0)
        return 0;
    for (size_t i = 0; i < nargs; i++)
        if (wf_set_difference_update(self, args[i]) < 0)
            return 0;
    return sm_none(0);
}

static Value sm_symmetric_difference(SM_ARGS)
{
    if (sm_check(SM_QUAL("symmetric_difference"), nargs, kwnames, 1) < 0)
        return 0;
    return set_symmetric_difference(self, args[0]);
}

static Value sm_symmetric_difference_update(SM_ARGS)
{
    if (sm_check("set.symmetric_difference_update", nargs, kwnames, 1) < 0)
        return 0;
    return sm_none(wf_set_symdiff_update(self, args[0]));
}

static Value sm_bool_result(int r) { return r < 0 ? 0 : wf_bool(r); }

static Value sm_issubset(SM_ARGS)
{
    if (sm_check(SM_QUAL("issubset"), nargs, kwnames, 1) < 0)
        return 0;
    return sm_bool_result(set_issubset(self, args[0]));
}

static Value sm_issuperset(SM_ARGS)
{
    if (sm_check(SM_QUAL("issuperset"), nargs, kwnames, 1) < 0)
        return 0;
    return sm_bool_result(set_issuperset(self, args[0]));
}

static Value sm_isdisjoint(SM_ARGS)
{
    if (sm_check(SM_QUAL("isdisjoint"), nargs, kwnames, 1) < 0)
        return 0;
    return sm_bool_result(set_isdisjoint(self, args[0]));
}

/* set[int] in annotations: no typing.GenericAlias yet, so the class itself. */
static Value sm_class_getitem(SM_ARGS)
{
    if (wf_check_nargs("__class_getitem__", nargs, 1, 1) < 0)
        return 0;
    return wf_incref(self);
}

static const MethodDef set_methods[] = {
    {"add", sm_add, 0, "Add an element to a set."},
    {"clear", sm_clear, 0, "Remove all elements from this set."},
    {"__contains__", sm_contains, 0, "x.__contains__(y) <==> y in x."},
    {"copy", sm_copy, 0, "Return a shallow copy of a set."},
    {"discard", sm_discard, 0, "Remove an element from a set if it is a member."},
    {"difference", sm_difference, 0, "Return the difference of two or more sets as a new set."},
    {"difference_update", sm_difference_update, 0, "Remove all elements of another set from this set."},
    {"intersection", sm_intersection, 0, "Return the intersection of two sets as a new set."},
    {"intersection_update", sm_intersection_update, 0, "Update a set with the intersection of itself and another."},
    {"isdisjoint", sm_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", sm_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", sm_issuperset, 0, "Report whether this set contains another set."},
    {"pop", sm_pop, 0, "Remove and return an arbitrary set element."},
    {"remove", sm_remove, 0, "Remove an element from a set; it must be a member."},
    {"symmetric_difference", sm_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", sm_symmetric_difference_update, 0, "Update a set with the symmetric difference of itself and another."},
    {"union", sm_union, 0, "Return the union of sets as a new set."},
    {"update", sm_update, 0, "Update a set with the union of itself and others."},
    {"__class_getitem__", sm_class_getitem, WF_METH_CLASS, "See PEP 585"},
    {NULL},
};

static const MethodDef frozenset_methods[] = {
    {"__contains__", sm_contains, 0, "x.__contains__(y) <==> y in x."},
    {"copy", sm_copy, 0, "Return a shallow copy of a set."},
    {"difference", sm_difference, 0, "Return the difference of two or more sets as a new set."},
    {"intersection", sm_intersection, 0, "Return the intersection of two sets as a new set."},
    {"isdisjoint", sm_isdisjoint, 0, "Return True if two sets have a null intersection."},
    {"issubset", sm_issubset, 0, "Report whether another set contains this set."},
    {"issuperset", sm_issuperset, 0, "Report whether this set contains another set."},
    {"symmetric_difference", sm_symmetric_difference, 0, "Return the symmetric difference of two sets as a new set."},
    {"union", sm_union, 0, "Return the union of sets as a new set."},
    {"__class_getitem__", sm_class_getitem, WF_METH_CLASS, "See PEP 585"},
    {NULL},
};

TypeObject wf_type_set = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "set",
    .tp_basicsize = sizeof(SetObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = set_unhashable,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = set_tp_new,
    .tp_init = set_tp_init,
    .tp_len = set_len,
    .tp_contains = set_contains_slot,
    .tp_bool = set_bool,
    .tp_binop = set_binop,
    .tp_inplace = set_inplace,
    .tp_methods = set_methods,
};

TypeObject wf_type_frozenset = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(SetObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = frozenset_tp_new,
    .tp_len = set_len,
    .tp_contains = set_contains_slot,
    .tp_bool = set_bool,
    .tp_binop = set_binop,
    .tp_methods = frozenset_methods,
};



void wf_set_init(void)
{
    wf_type_ready(&wf_type_set);
    wf_type_ready(&wf_type_frozenset);
    wf_type_ready(&wf_type_set_iterator);
    wf_dict_set(wf_type_set.tp_dict, WF_ID(__hash__), wf_None);
    wf_os_register();
}

/* CPython compiles a display of more than two constants, {3, 1, 2}, to
 * BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE 1. Its constant merger
 * rebuilds that frozenset from its own iteration order, and SET_UPDATE
 * copies the table layout, so the order a display prints in is the order of
 * this twice-built frozenset. */
Value wf_frozenset_const(Value tuple)
{
    Value first = wf_frozenset_new(tuple);
    if (!first)
        return 0;
    Value items = wf_tuple_from_iterable(first);
    wf_decref(first);
    if (!items)
        return 0;
    Value fs = wf_frozenset_new(items);
    wf_decref(items);
    return fs;
}
