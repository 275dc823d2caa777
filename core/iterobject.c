/* weft: iterator types: sequence iterators, enumerate, zip, map, filter, reversed. */
/* (sequences, iterables, callables) -> objects with tp_iter = self and tp_iternext. */
#include "seq.h"
#include "critsec.h"

/*
 * Protocol: tp_iternext returns a new reference, or 0 when exhausted
 * (no exception set) or on error (exception set). An exhausted iterator
 * drops what it iterated over, so that it stays exhausted and frees memory
 * early, as CPython's do.
 *
 * Threads: an iterator may be shared, and then yields some interleaving of
 * its items (an item may come twice or be skipped, as in free-threaded
 * CPython), never a freed object:
 *  1. Positions (SeqIterObject.index) are read and written with relaxed
 *     atomics: no lock, no torn value.
 *  2. Fields holding references that other threads may load are never
 *     dropped while the process is multithreaded: exhaustion is then marked
 *     in the index (-1) and the sequence kept until the iterator dies, or the
 *     field is swapped out atomically and released after a grace period
 *     (callable_iterator).
 *  3. Compound state (enumerate's count, the reused result tuple of
 *     enumerate and zip) changes under the iterator's critical section once
 *     other threads exist.
 */

static Value it_self(Value self) { return wf_incref(self); }

/* Allocation for the subclassable built-ins (a subclass may add a dict). */
static Object *it_alloc(TypeObject *type, size_t size)
{
    return wf_object_alloc(type, type->tp_basicsize > size ? type->tp_basicsize : size);
}

static void it_free(Object *o)
{
    TypeObject *type = o->ob_type;
    if (type->tp_dictoffset) {
        Value *slot = (Value *)((char *)o + type->tp_dictoffset);
        Value d = *slot;
        *slot = 0;
        wf_decref(d);
    }
    wf_object_free(o);
}

/* CPython's result-tuple reuse for enumerate and zip: if the caller dropped
 * the tuple returned last time (we hold the only reference, counted on this
 * thread), refill it instead of allocating. Returns the tuple to fill (a new
 * reference) with its previous items moved to old[0..n), to be released by
 * the caller once the tuple is filled (a decref may run a __del__); *dropped
 * is a replaced cache tuple for the caller to release too (or 0). Under the
 * iterator's lock when other threads exist (rule 3): while we hold our
 * reference nobody else can find the tuple unique, so filling it needs no
 * lock. */
static Value it_result_locked(Value *cache, size_t n, Value *old, Value *dropped)
{
    Value t = *cache;
    ThreadState *ts = wf_tstate();
    *dropped = 0;
    if (t && ts) {
        Object *o = wf_obj(t);
        if (wf_object_is_unique(o)) {
            TupleObject *to = wf_as_tuple(t);
            memcpy(old, to->items, n * sizeof(Value));
            memset(to->items, 0, n * sizeof(Value));
            wf_atomic_store_relaxed_isize(&to->hash_cache, -1);   /* as tuple.c */
            return wf_incref(t);
        }
    }
    memset(old, 0, n * sizeof(Value));
    t = wf_tuple_new(n);
    if (t) {
        *dropped = *cache;
        *cache = wf_incref(t);
    }
    return t;
}

static Value it_result(Object *self, Value *cache, size_t n, Value *old)
{
    Value t, dropped;
    if (WF_LIKELY(!wf_runtime_multithreaded())) {
        t = it_result_locked(cache, n, old, &dropped);
    } else {
        WF_CRITSEC_BEGIN(self);
        t = it_result_locked(cache, n, old, &dropped);
        WF_CRITSEC_END();
    }
    wf_decref(dropped);
    return t;
}

static void it_release(Value *old, size_t n)
{
    for (size_t i = 0; i < n; i++)
        wf_decref(old[i]);
}

/* ---- tuple, list, list-reverse, __getitem__ and reversed() iterators ---- */

Value wf_seqiter_make(TypeObject *type, Value seq, intptr_t index)
{
    SeqIterObject *it = (SeqIterObject *)it_alloc(type, sizeof(SeqIterObject));
    it->seq = wf_incref(seq);
    it->index = index;
    return wf_val(it);
}

static SeqIterObject *sit(Value v) { return (SeqIterObject *)wf_obj(v); }

/* Iterators over iterators (enumerate(enumerate(...))) nest deallocations
 * like containers do: every dealloc here goes through the trashcan. */
static void sit_dealloc(Object *o)
{
    if (!wf_seq_trash_begin(o, sit_dealloc))
        return;
    wf_decref(((SeqIterObject *)o)->seq);
    it_free(o);
    wf_seq_trash_end();
}

/* relaxed: rule 1 */
static inline intptr_t sit_index(SeqIterObject *it) { return wf_atomic_load_relaxed_isize(&it->index); }
static inline void sit_set_index(SeqIterObject *it, intptr_t i) { wf_atomic_store_relaxed_isize(&it->index, i); }

/* Marks the iterator exhausted; returns 0 for `return sit_done(it);`. With
 * other threads about, seq stays (another may be reading it) and the index
 * says "done" (rule 2): -1 is past the end for every iterator here. */
static Value sit_done(SeqIterObject *it)
{
    if (wf_runtime_multithreaded()) {
        sit_set_index(it, -1);
        return 0;
    }
    Value seq = it->seq;
    it->seq = 0;
    wf_decref(seq);
    return 0;
}

static Value tupit_next(Value self)
{
    SeqIterObject *it = sit(self);
    Value v = wf_tuple_iter_fast_next(it);
    if (v || !it->seq || sit_index(it) < 0)
        return v;
    return sit_done(it);
}

static Value lstit_next(Value self)
{
    SeqIterObject *it = sit(self);
    Value v = wf_list_iter_fast_next(it);
    if (v || !it->seq || sit_index(it) < 0)
        return v;
    return sit_done(it);
}

static Value lstrevit_next(Value self)
{
    SeqIterObject *it = sit(self);
    intptr_t i = sit_index(it);
    if (!it->seq || i < 0)
        return 0;
    Value v = wf_list_get_ref_at(wf_as_list(it->seq), (size_t)i);
    if (v) {
        sit_set_index(it, i - 1);
        return v;
    }
    sit_set_index(it, -1);
    return sit_done(it);
}

/* seq[index] via __getitem__; IndexError / StopIteration end the iteration. */
static Value sit_getitem(SeqIterObject *it, intptr_t index)
{
    Value i = wf_int_from_i64(index);
    Value v = i ? wf_getitem(it->seq, i) : 0;
    wf_xdecref(i);
    if (v)
        return v;
    if (wf_err_matches(wf_exc_IndexError) || wf_err_matches(wf_exc_StopIteration)) {
        wf_err_clear();
        return sit_done(it);
    }
    return 0;
}

static Value seqit_next(Value self)
{
    SeqIterObject *it = sit(self);
    intptr_t i = sit_index(it);
    if (!it->seq || i < 0)
        return 0;
    Value v = sit_getitem(it, i);
    if (v)
        sit_set_index(it, i + 1);
    return v;
}

static Value revit_next(Value self)
{
    SeqIterObject *it = sit(self);
    if (!it->seq)
        return 0;
    intptr_t i = sit_index(it);
    if (i < 0)
        return sit_done(it);
    Value v = sit_getitem(it, i);
    if (v)
        sit_set_index(it, i - 1);
    return v;
}

/* Items left: len(seq) - index (forward) or index + 1 (reverse). */
static Value sit_m_length_hint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    SeqIterObject *it = sit(self);
    intptr_t n = 0, index = sit_index(it);
    if (it->seq && index >= 0) {
        TypeObject *t = wf_obj(self)->ob_type;
        if (t == &wf_type_list_reverseiterator || t == &wf_type_reversed) {
            n = index + 1;
            if (t == &wf_type_list_reverseiterator && (size_t)n > wf_list_size(it->seq))
                n = 0;
        } else {
            intptr_t len = wf_len(it->seq);
            if (len < 0)
                return 0;
            n = len - index;
        }
    }
    return wf_int_from_i64(n < 0 ? 0 : n);
}

static const MethodDef sit_methods[] = {
    {"__length_hint__", sit_m_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

#define WF_SEQITER_TYPE(var, name, next)                 \
    TypeObject var = {                                   \
        .ob = WF_STATIC_HEAD(&wf_type_type),             \
        .tp_name = name,                                 \
        .tp_basicsize = sizeof(SeqIterObject),           \
        .tp_base = &wf_type_object,                      \
        .tp_dealloc = sit_dealloc,                       \
        .tp_iter = it_self,                              \
        .tp_iternext = next,                             \
        .tp_methods = sit_methods,                       \
    }

WF_SEQITER_TYPE(wf_type_tuple_iterator, "tuple_iterator", tupit_next);
WF_SEQITER_TYPE(wf_type_list_iterator, "list_iterator", lstit_next);
WF_SEQITER_TYPE(wf_type_list_reverseiterator, "list_reverseiterator", lstrevit_next);
WF_SEQITER_TYPE(wf_type_seqiter, "iterator", seqit_next);

Value wf_seqiter_new(Value seq)
{
    return wf_seqiter_make(&wf_type_seqiter, seq, 0);
}

/* ---- reversed(seq) ---- */

/* Types with a __getitem__ that are not mappings (PySequence_Check). */
static bool it_is_sequence(Value v)
{
    TypeObject *t = wf_type(v);
    return t->tp_getitem && !wf_is_dict(v);
}

static Value rev_make(TypeObject *type, Value seq)
{
    if (wf_is_list_exact(seq))
        return wf_seqiter_make(&wf_type_list_reverseiterator, seq, (intptr_t)wf_list_size(seq) - 1);
    Value meth = wf_lookup_special(seq, WF_ID(__reversed__));
    if (meth == wf_None) {
        wf_decref(meth);
        return wf_err_format(wf_exc_TypeError, "'%T' object is not reversible", seq);
    }
    if (meth) {
        Value r = wf_call0(meth);
        wf_decref(meth);
        return r;
    }
    if (wf_err_occurred())
        return 0;
    if (!it_is_sequence(seq))
        return wf_err_format(wf_exc_TypeError, "'%T' object is not reversible", seq);
    intptr_t n = wf_len(seq);
    if (n < 0)
        return 0;
    return wf_seqiter_make(type, seq, n - 1);
}

Value wf_reversed_new(Value seq)
{
    return rev_make(&wf_type_reversed, seq);
}

static Value rev_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (type == &wf_type_reversed && wf_seq_no_kwargs("reversed", kwnames) < 0)
        return 0;
    if (nargs != 1)  /* _PyArg_CheckPositional's words, not METH_O's */
        return wf_err_format(wf_exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
    return rev_make(type, args[0]);
}

TypeObject wf_type_reversed = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "reversed",
    .tp_basicsize = sizeof(SeqIterObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = sit_dealloc,
    .tp_iter = it_self,
    .tp_iternext = revit_next,
    .tp_new = rev_new,
    .tp_methods = sit_methods,
};

/* ---- iter(callable, sentinel) ---- */

typedef struct CallIterObject {
    Object ob;
    Value callable, sentinel;   /* both 0 once exhausted; atomics (rule 2) */
} CallIterObject;

Value wf_calliter_new(Value callable, Value sentinel)
{
    CallIterObject *it = (CallIterObject *)wf_object_alloc(&wf_type_calliter, sizeof(CallIterObject));
    it->callable = wf_incref(callable);
    it->sentinel = wf_incref(sentinel);
    return wf_val(it);
}

/* Another thread may have loaded the fields (callit_next): swap them out
 * and release them after a grace period (immediate with one thread). */
static void callit_clear(CallIterObject *it)
{
    Value c = wf_atomic_exchange_acq_rel_usize(&it->callable, 0);
    Value s = wf_atomic_exchange_acq_rel_usize(&it->sentinel, 0);
    wf_defer_decref(c);
    wf_defer_decref(s);
}

static void callit_dealloc(Object *o)
{
    if (!wf_seq_trash_begin(o, callit_dealloc))
        return;
    callit_clear((CallIterObject *)o);
    wf_object_free(o);
    wf_seq_trash_end();
}

static Value callit_next(Value self)
{
    CallIterObject *it = (CallIterObject *)wf_obj(self);
    /* acquire: pairs with the exchange in callit_clear; our own reference
     * is taken before any Python code runs (rule 2) */
    Value c = wf_atomic_load_acquire_usize(&it->callable);
    if (!c)
        return 0;
    wf_incref(c);
    Value r = wf_call0(c);
    wf_decref(c);
    if (!r) {
        if (wf_err_matches(wf_exc_StopIteration)) {
            wf_err_clear();
            callit_clear(it);
        }
        return 0;
    }
    Value s = wf_atomic_load_acquire_usize(&it->sentinel);
    if (!s)  /* the call itself exhausted us (re-entrancy) */
        return r;
    wf_incref(s);
    int eq = wf_richcompare_bool(r, s, WF_EQ);
    wf_decref(s);
    if (eq == 0)
        return r;
    wf_decref(r);
    if (eq > 0)
        callit_clear(it);
    return 0;
}

TypeObject wf_type_calliter = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIterObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = callit_dealloc,
    .tp_iter = it_self,
    .tp_iternext = callit_next,
};

/* ---- enumerate(iterable, start=0) ---- */

typedef struct EnumerateObject {
    Object ob;
    Value it;       /* the underlying iterator */
    Value index;    /* next count, an int */
    Value result;   /* the last result tuple, for reuse (it_result), or 0 */
} EnumerateObject;

static Value enum_make(TypeObject *type, Value iterable, Value start)
{
    Value it = wf_iter(iterable);
    if (!it)
        return 0;
    EnumerateObject *e = (EnumerateObject *)it_alloc(type, sizeof(EnumerateObject));
    e->it = it;
    e->index = wf_incref(start);
    return wf_val(e);
}

/* start as an int (bools count as 0/1). */
static Value enum_start(Value start)
{
    if (!start)
        return wf_small(0);
    if (wf_is_bool(start))
        return wf_small(start == wf_True);
    if (wf_is_int(start))
        return wf_incref(start);
    return wf_index(start);
}

Value wf_enumerate_new(Value iterable, Value start)
{
    Value s = enum_start(start);
    if (!s)
        return 0;
    Value r = enum_make(&wf_type_enumerate, iterable, s);
    wf_decref(s);
    return r;
}

static Value enum_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"iterable", "start", NULL};
    Value iterable = 0, start = 0;
    if (nargs == 0 && (!kwnames || wf_tuple_size(kwnames) == 0))
        return wf_err_set_str(wf_exc_TypeError, "enumerate() missing required argument 'iterable'");
    if (wf_parse_args("enumerate", args, nargs, kwnames, "O|O", names, &iterable, &start) < 0)
        return 0;
    Value s = enum_start(start);
    if (!s)
        return 0;
    Value r = enum_make(type, iterable, s);
    wf_decref(s);
    return r;
}

static void enum_dealloc(Object *o)
{
    EnumerateObject *e = (EnumerateObject *)o;
    if (!wf_seq_trash_begin(o, enum_dealloc))
        return;
    wf_decref(e->it);
    wf_decref(e->index);
    wf_decref(e->result);
    it_free(o);
    wf_seq_trash_end();
}

/* The count for this item (a new reference) and the next one stored;
 * 0 on error. Locked unless single-threaded with a small count (rule 3). */
static Value enum_take_index(EnumerateObject *e)
{
    Value i = e->index, next;
    if (wf_is_small(i) && wf_small_val(i) < WF_SMALL_MAX)
        next = wf_small(wf_small_val(i) + 1);
    else if (!(next = wf_binop(i, wf_small(1), WF_BINOP_ADD)))
        return 0;
    e->index = next;  /* the caller takes over our reference to i */
    return i;
}

static Value enum_next(Value self)
{
    EnumerateObject *e = (EnumerateObject *)wf_obj(self);
    Value item = wf_next(e->it);
    if (!item)
        return 0;
    Value i, t, old[2], dropped = 0;
    if (WF_LIKELY(!wf_runtime_multithreaded() && wf_is_small(e->index))) {
        i = enum_take_index(e);
        t = it_result_locked(&e->result, 2, old, &dropped);
    } else {
        WF_CRITSEC_BEGIN(e);
        i = enum_take_index(e);
        t = i ? it_result_locked(&e->result, 2, old, &dropped) : 0;
        WF_CRITSEC_END();
    }
    wf_decref(dropped);
    if (!t) {
        wf_decref(i);
        wf_decref(item);
        return 0;
    }
    wf_as_tuple(t)->items[0] = i;
    wf_as_tuple(t)->items[1] = item;
    it_release(old, 2);
    return t;
}

TypeObject wf_type_enumerate = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumerateObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = enum_dealloc,
    .tp_iter = it_self,
    .tp_iternext = enum_next,
    .tp_new = enum_new,
};

/* ---- zip(*iterables, strict=False) and map(func, *iterables) ---- */

typedef struct ZipObject {
    Object ob;
    Value iters;    /* tuple of iterators */
    Value func;     /* map: the function; zip: 0 */
    Value result;   /* zip: the last result tuple, for reuse (it_result), or 0 */
    int strict;
} ZipObject;

/* A tuple of iter(x) for each x in args[0..n). */
static Value zip_iters(const Value *args, size_t n)
{
    Value t = wf_tuple_new(n);
    if (!t)
        return 0;
    for (size_t i = 0; i < n; i++) {
        Value it = wf_iter(args[i]);
        if (!it) {
            wf_decref(t);  /* the unset items are 0: decref ignores them */
            return 0;
        }
        wf_as_tuple(t)->items[i] = it;
    }
    return t;
}

static Value zip_make(TypeObject *type, Value func, const Value *args, size_t n, int strict)
{
    Value iters = zip_iters(args, n);
    if (!iters)
        return 0;
    ZipObject *z = (ZipObject *)it_alloc(type, sizeof(ZipObject));
    z->iters = iters;
    z->func = wf_incref(func);
    z->strict = strict;
    return wf_val(z);
}

static Value zip_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    int strict = 0;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Value name = wf_tuple_get(kwnames, k);
        if (!wf_str_eq_c(name, "strict"))
            return wf_err_format(wf_exc_TypeError, "'%U' is an invalid keyword argument for zip()", name);
        if ((strict = wf_truthy(args[nargs + k])) < 0)
            return 0;
    }
    return zip_make(type, 0, args, nargs, strict);
}

static Value map_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (type == &wf_type_map && wf_seq_no_kwargs("map", kwnames) < 0)
        return 0;
    if (nargs < 2)
        return wf_err_set_str(wf_exc_TypeError, "map() must have at least two arguments.");
    return zip_make(type, args[0], args + 1, nargs - 1, 0);
}

static void zip_dealloc(Object *o)
{
    ZipObject *z = (ZipObject *)o;
    if (!wf_seq_trash_begin(o, zip_dealloc))
        return;
    wf_decref(z->iters);
    wf_decref(z->func);
    wf_decref(z->result);
    it_free(o);
    wf_seq_trash_end();
}

/* zip(strict=True): iterator i (0-based) ran out; find out who was longer. */
static Value zip_strict_error(ZipObject *z, size_t i)
{
    if (wf_err_occurred())
        return 0;
    if (i > 0)
        return wf_err_format(wf_exc_ValueError, "zip() argument %zu is shorter than argument%s%zu",
                             i + 1, i == 1 ? " " : "s 1-", i);
    size_t n = wf_tuple_size(z->iters);
    for (i = 1; i < n; i++) {
        Value x = wf_next(wf_tuple_get(z->iters, i));
        if (x) {
            wf_decref(x);
            return wf_err_format(wf_exc_ValueError, "zip() argument %zu is longer than argument%s%zu",
                                 i + 1, i == 1 ? " " : "s 1-", i);
        }
        if (wf_err_occurred())
            return 0;
    }
    return 0;
}

static Value zip_next(Value self)
{
    ZipObject *z = (ZipObject *)wf_obj(self);
    size_t n = wf_tuple_size(z->iters);
    if (n == 0)
        return 0;
    Value small[8], *old = n <= 8 ? small : wf_mem_alloc(n * sizeof(Value));
    Value t = it_result(&z->ob, &z->result, n, old);
    for (size_t i = 0; t && i < n; i++) {
        Value x = wf_next(wf_tuple_get(z->iters, i));
        if (!x) {
            wf_decref(t);  /* unset items are 0 */
            t = z->strict ? zip_strict_error(z, i) : 0;
            break;
        }
        wf_as_tuple(t)->items[i] = x;
    }
    it_release(old, n);
    if (old != small)
        wf_mem_free(old);
    return t;
}

static Value map_next(Value self)
{
    ZipObject *z = (ZipObject *)wf_obj(self);
    size_t n = wf_tuple_size(z->iters);
    Value small[8], *items = n <= 8 ? small : wf_mem_alloc(n * sizeof(Value));
    size_t got = 0;
    Value r = 0;
    for (; got < n; got++)
        if (!(items[got] = wf_next(wf_tuple_get(z->iters, got))))
            break;
    if (got == n)
        r = wf_call(z->func, items, n, 0);
    for (size_t i = 0; i < got; i++)
        wf_decref(items[i]);
    if (items != small)
        wf_mem_free(items);
    return r;
}

TypeObject wf_type_zip = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = zip_dealloc,
    .tp_iter = it_self,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
};

TypeObject wf_type_map = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "map",
    .tp_basicsize = sizeof(ZipObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = zip_dealloc,
    .tp_iter = it_self,
    .tp_iternext = map_next,
    .tp_new = map_new,
};

/* ---- filter(function or None, iterable) ---- */

typedef struct FilterObject {
    Object ob;
    Value func;     /* None or bool: keep the truthy items */
    Value it;
} FilterObject;

static Value filter_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (type == &wf_type_filter && wf_seq_no_kwargs("filter", kwnames) < 0)
        return 0;
    if (wf_check_nargs("filter", nargs, 2, 2) < 0)
        return 0;
    Value it = wf_iter(args[1]);
    if (!it)
        return 0;
    FilterObject *f = (FilterObject *)it_alloc(type, sizeof(FilterObject));
    f->func = wf_incref(args[0]);
    f->it = it;
    return wf_val(f);
}

static void filter_dealloc(Object *o)
{
    FilterObject *f = (FilterObject *)o;
    if (!wf_seq_trash_begin(o, filter_dealloc))
        return;
    wf_decref(f->func);
    wf_decref(f->it);
    it_free(o);
    wf_seq_trash_end();
}

/* Does item pass? 1, 0, -1 on error. */
static int filter_test(FilterObject *f, Value item)
{
    if (f->func == wf_None || f->func == wf_val(&wf_type_bool))
        return wf_truthy(item);
    Value r = wf_call1(f->func, item);
    if (!r)
        return -1;
    int t = wf_truthy(r);
    wf_decref(r);
    return t;
}

static Value filter_next(Value self)
{
    FilterObject *f = (FilterObject *)wf_obj(self);
    for (;;) {
        Value item = wf_next(f->it);
        if (!item)
            return 0;
        int t = filter_test(f, item);
        if (t > 0)
            return item;
        wf_decref(item);
        if (t < 0)
            return 0;
    }
}

TypeObject wf_type_filter = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_base = &wf_type_object,
    .tp_dealloc = filter_dealloc,
    .tp_iter = it_self,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
};

void wf_iter_init(void)
{
    wf_type_ready(&wf_type_seqiter);
    wf_type_ready(&wf_type_calliter);
    wf_type_ready(&wf_type_reversed);
    wf_type_ready(&wf_type_enumerate);
    wf_type_ready(&wf_type_zip);
    wf_type_ready(&wf_type_map);
    wf_type_ready(&wf_type_filter);
}
