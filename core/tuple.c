/* weft: the tuple type. */
/* (items | iterable) -> immutable TupleObject: hash, compare, index, slice, repeat. */
#include "seq.h"
#include "objimpl.h"

/*
 * A tuple is one block: header, size, cached hash, items. The empty tuple is
 * a static immortal singleton; exact tuples of size 0 are always it.
 * Instances of heap tuple subclasses carry one more Value after the items: their
 * __dict__ (see wf_tuple_dict_slot).
 *
 * Threads: a tuple is immutable once its creator publishes it, so readers
 * need no lock; the one field written later, the hash cache, is read and
 * written with relaxed atomics (every writer stores the same value). Tuples
 * are recycled through the per-thread free lists of objimpl.h: nothing here
 * is shared between threads.
 */

static TupleObject tup_empty = {
    .ob = WF_STATIC_HEAD(&wf_type_tuple), .size = 0, .hash_cache = -1,
};
Value wf_empty_tuple = (Value)&tup_empty;

/* Only classes made by a class statement get the dict slot; static tuple
 * subclasses (sys.version_info's type) are plain tuples in memory. */
static bool tup_has_dict(TypeObject *type) { return (type->tp_flags & WF_TPF_HEAPTYPE) != 0; }

/* A tuple of `type` with n zeroed items (plus the dict slot of subclasses). */
static Value tup_alloc(TypeObject *type, size_t n)
{
    if (n == 0 && type == &wf_type_tuple)
        return wf_empty_tuple;
    size_t extra = tup_has_dict(type) ? 1 : 0;
    if (n > (SIZE_MAX - sizeof(TupleObject)) / sizeof(Value) - 1)
        return wf_err_no_memory();
    TupleObject *t = (TupleObject *)wf_object_alloc(type,
        sizeof(TupleObject) + (n + extra) * sizeof(Value));
    t->size = n;
    t->hash_cache = -1;
    return wf_val(t);
}

Value wf_tuple_new(size_t n)
{
    return tup_alloc(&wf_type_tuple, n);
}

Value wf_tuple_from_array(const Value *items, size_t n)
{
    Value t = wf_tuple_new(n);
    if (!t)
        return 0;
    TupleObject *to = wf_as_tuple(t);
    for (size_t i = 0; i < n; i++)
        to->items[i] = wf_incref(items[i]);
    return t;
}

Value wf_tuple_pack(size_t n, ...)
{
    Value t = wf_tuple_new(n);
    if (!t)
        return 0;
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        wf_as_tuple(t)->items[i] = wf_incref(va_arg(ap, Value));
    va_end(ap);
    return t;
}

Value wf_tuple_from_iterable(Value it)
{
    if (wf_is_tuple_exact(it))
        return wf_incref(it);
    if (wf_is_list_exact(it))
        return wf_list_as_tuple(it);
    Value l = wf_list_from_iterable(it);
    if (!l)
        return 0;
    Value t = wf_list_as_tuple(l);
    wf_decref(l);
    return t;
}

Value *wf_tuple_dict_slot(Value t)
{
    TupleObject *to = wf_as_tuple(t);
    WF_ASSERT(tup_has_dict(to->ob.ob_type));
    return &to->items[to->size];
}

static void tup_dealloc(Object *o)
{
    TupleObject *t = (TupleObject *)o;
    if (!wf_seq_trash_begin(o, tup_dealloc))
        return;
    for (size_t i = 0; i < t->size; i++)
        wf_decref(t->items[i]);
    if (tup_has_dict(o->ob_type)) {
        Value d = t->items[t->size];
        t->items[t->size] = 0;
        wf_decref(d);
        wf_object_free(o);
    } else {
        wf_object_free_sized(o, sizeof(TupleObject) + t->size * sizeof(Value));
    }
    wf_seq_trash_end();
}

/* ---- repr and hash ---- */

static Value tup_repr(Value self)
{
    TupleObject *t = wf_as_tuple(self);
    if (t->size == 0)
        return wf_str_from_cstr("()");
    int busy = wf_repr_enter(self);
    if (busy)
        return busy < 0 ? 0 : wf_str_from_cstr("(...)");
    /* Depth is guarded by wf_repr (wf_enter_recursive_call) on each item. */
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_char(&sb, '(');
    int err = 0;
    for (size_t i = 0; i < t->size && !err; i++) {
        if (i)
            wf_sb_add_c(&sb, ", ");
        err = wf_sb_add_repr(&sb, t->items[i]);
    }
    wf_repr_leave(self);
    if (err) {
        wf_sb_discard(&sb);
        return 0;
    }
    wf_sb_add_c(&sb, t->size == 1 ? ",)" : ")");
    return wf_sb_finish(&sb);
}

/* CPython 3.11's tuplehash: xxHash-style mixing of the items' hashes. */
#define TUP_PRIME1 ((uint64_t)11400714785074694791ULL)
#define TUP_PRIME2 ((uint64_t)14029467366897019727ULL)
#define TUP_PRIME5 ((uint64_t)2870177450012600261ULL)
#define TUP_ROTATE(x) (((x) << 31) | ((x) >> 33))

/* One tuple whose hash is being computed: items [0, i) are mixed in. */
typedef struct TupHashFrame {
    TupleObject *t;
    size_t i;
    uint64_t acc;
} TupHashFrame;

static Hash tup_hash_finish(TupleObject *t, uint64_t acc)
{
    acc += (uint64_t)t->size ^ (TUP_PRIME5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        acc = 1546275796;
    /* relaxed: threads hashing a shared tuple at once store the same value */
    wf_atomic_store_relaxed_isize(&t->hash_cache, (Hash)acc);
    return (Hash)acc;
}

static void tup_hash_mix(TupHashFrame *f, Hash lane)
{
    f->acc += (uint64_t)lane * TUP_PRIME2;
    f->acc = TUP_ROTATE(f->acc);
    f->acc *= TUP_PRIME1;
    f->i++;
}

/* Exact tuples nested in tuples are hashed with an explicit stack instead
 * of recursion: ((((...),),),) a hundred thousand deep hashes as in CPython
 * instead of overflowing the C stack. */
static Hash tup_hash(Value self)
{
    TupleObject *root = wf_as_tuple(self);
    Hash cached = wf_atomic_load_relaxed_isize(&root->hash_cache);   /* relaxed: see tup_hash_finish */
    if (cached != -1)
        return cached;
    TupHashFrame local[16], *st = local;
    size_t n = 1, cap = 16;
    Hash h = 0;
    st[0] = (TupHashFrame){root, 0, TUP_PRIME5};
    while (n > 0) {
        TupHashFrame *f = &st[n - 1];
        if (f->i == f->t->size) {
            h = tup_hash_finish(f->t, f->acc);
            if (--n > 0)
                tup_hash_mix(&st[n - 1], h);
            continue;
        }
        Value item = f->t->items[f->i];
        if (wf_is_tuple_exact(item) && wf_atomic_load_relaxed_isize(&wf_as_tuple(item)->hash_cache) == -1) {
            if (n == cap) {
                TupHashFrame *bigger = wf_mem_alloc(2 * cap * sizeof(TupHashFrame));
                memcpy(bigger, st, n * sizeof(TupHashFrame));
                if (st != local)
                    wf_mem_free(st);
                st = bigger;
                cap *= 2;
            }
            st[n++] = (TupHashFrame){wf_as_tuple(item), 0, TUP_PRIME5};
            continue;
        }
        Hash lane = wf_hash(item);
        if (lane == -1) {
            h = -1;
            break;
        }
        tup_hash_mix(f, lane);
    }
    if (st != local)
        wf_mem_free(st);
    return h;
}

/* ---- comparison ---- */

static Value tup_item_at(Value seq, size_t i, size_t *size)
{
    TupleObject *t = wf_as_tuple(seq);
    *size = t->size;
    return i < t->size ? t->items[i] : 0;
}

static Value tup_richcompare(Value a, Value b, int op)
{
    if (!wf_is_tuple(a) || !wf_is_tuple(b))
        return wf_incref(wf_NotImplemented);
    return wf_seq_richcompare(a, b, op, tup_item_at);
}

/* ---- operators ---- */

static Value tup_concat(Value a, Value b)
{
    TupleObject *x = wf_as_tuple(a), *y = wf_as_tuple(b);
    if (y->size == 0 && wf_is_tuple_exact(a))
        return wf_incref(a);
    if (x->size == 0 && wf_is_tuple_exact(b))
        return wf_incref(b);
    Value r = wf_tuple_new(x->size + y->size);
    if (!r)
        return 0;
    TupleObject *t = wf_as_tuple(r);
    for (size_t i = 0; i < x->size; i++)
        t->items[i] = wf_incref(x->items[i]);
    for (size_t i = 0; i < y->size; i++)
        t->items[x->size + i] = wf_incref(y->items[i]);
    return r;
}

static Value tup_repeat(Value a, intptr_t n)
{
    TupleObject *x = wf_as_tuple(a);
    if (n == 1 && wf_is_tuple_exact(a))
        return wf_incref(a);
    if (n <= 0 || x->size == 0)
        return wf_empty_tuple;
    if ((size_t)n > (SIZE_MAX / sizeof(Value)) / x->size)
        return wf_err_no_memory();
    size_t total = x->size * (size_t)n;
    Value r = wf_tuple_new(total);
    if (!r)
        return 0;
    TupleObject *t = wf_as_tuple(r);
    for (size_t i = 0; i < total; i++)
        t->items[i] = wf_incref(x->items[i % x->size]);
    return r;
}

/* Built-in types never take a sequence on their reflected side, so the
 * TypeError can be raised at once; user classes may define __radd__. */

static Value tup_binop(Value a, Value b, int op)
{
    if (op == WF_BINOP_ADD && wf_is_tuple(a)) {
        if (wf_is_tuple(b))
            return tup_concat(a, b);
        if (wf_seq_other_may_handle(b))
            return wf_incref(wf_NotImplemented);
        return wf_err_format(wf_exc_TypeError,
                             "can only concatenate tuple (not \"%T\") to tuple", b);
    }
    if (op == WF_BINOP_MUL)
        return wf_seq_repeat_binop(a, b, wf_is_tuple(a), tup_repeat);
    return wf_incref(wf_NotImplemented);
}

/* ---- sequence protocol ---- */

static Value tup_slice(Value self, Value slice)
{
    TupleObject *t = wf_as_tuple(self);
    intptr_t start, stop, step, n;
    if (wf_slice_indices(slice, (intptr_t)t->size, &start, &stop, &step, &n) < 0)
        return 0;
    if (n == (intptr_t)t->size && step == 1 && wf_is_tuple_exact(self))
        return wf_incref(self);
    Value r = wf_tuple_new((size_t)n);
    if (!r)
        return 0;
    for (intptr_t i = 0, j = start; i < n; i++, j += step)
        wf_as_tuple(r)->items[i] = wf_incref(t->items[j]);
    return r;
}

static Value tup_getitem(Value self, Value key)
{
    TupleObject *t = wf_as_tuple(self);
    intptr_t i;
    int r = wf_seq_key_index(key, &i, wf_exc_IndexError);
    if (r < 0)
        return 0;
    if (r == 0) {
        if (wf_is_type_exact(key, &wf_type_slice))
            return tup_slice(self, key);
        return wf_err_format(wf_exc_TypeError,
                             "tuple indices must be integers or slices, not %T", key);
    }
    if (i < 0)
        i += (intptr_t)t->size;
    if (i < 0 || (size_t)i >= t->size)
        return wf_err_set_str(wf_exc_IndexError, "tuple index out of range");
    return wf_incref(t->items[i]);
}

static int tup_contains(Value self, Value item)
{
    TupleObject *t = wf_as_tuple(self);
    for (size_t i = 0; i < t->size; i++) {
        int r = wf_seq_eq(t->items[i], item);
        if (r != 0)
            return r;
    }
    return 0;
}

static intptr_t tup_len(Value self) { return (intptr_t)wf_as_tuple(self)->size; }
static int tup_bool(Value self) { return wf_as_tuple(self)->size != 0; }

static Value tup_iter(Value self)
{
    return wf_seqiter_make(&wf_type_tuple_iterator, self, 0);
}

/* ---- methods ---- */

static Value tup_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("tuple.count", kwnames) < 0 ||
        wf_check_nargs("tuple.count", nargs, 1, 1) < 0)
        return 0;
    TupleObject *t = wf_as_tuple(self);
    intptr_t n = 0;
    for (size_t i = 0; i < t->size; i++) {
        int r = wf_seq_eq(t->items[i], args[0]);
        if (r < 0)
            return 0;
        n += r;
    }
    return wf_small(n);
}

static Value tup_index(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("index", kwnames) < 0 || wf_check_nargs("index", nargs, 1, 3) < 0)
        return 0;
    TupleObject *t = wf_as_tuple(self);
    intptr_t start, stop;
    if (wf_seq_index_bounds(args + 1, nargs - 1, t->size, &start, &stop) < 0)
        return 0;
    for (intptr_t i = start; i < stop && (size_t)i < t->size; i++) {
        int r = wf_seq_eq(t->items[i], args[0]);
        if (r < 0)
            return 0;
        if (r)
            return wf_small(i);
    }
    return wf_err_set_str(wf_exc_ValueError, "tuple.index(x): x not in tuple");
}

static Value tup_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("tuple.__getnewargs__", nargs, 0, 0) < 0)
        return 0;
    TupleObject *t = wf_as_tuple(self);
    Value copy = wf_tuple_from_array(t->items, t->size);
    if (!copy)
        return 0;
    Value r = wf_tuple_pack(1, copy);
    wf_decref(copy);
    return r;
}

static const MethodDef tup_methods[] = {
    {"count", tup_count, 0, "Return number of occurrences of value."},
    {"index", tup_index, 0, "Return first index of value."},
    {"__getnewargs__", tup_getnewargs, 0, NULL},
    {"__class_getitem__", wf_seq_class_getitem, WF_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

/* tuple(iterable=()) */
static Value tup_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("tuple", kwnames) < 0 || wf_check_nargs("tuple", nargs, 0, 1) < 0)
        return 0;
    Value t = nargs ? wf_tuple_from_iterable(args[0]) : wf_empty_tuple;
    if (!t || type == &wf_type_tuple)
        return t;
    /* A subclass instance: copy the items into a block with a dict slot. */
    TupleObject *src = wf_as_tuple(t);
    Value r = tup_alloc(type, src->size);
    if (r) {
        for (size_t i = 0; i < src->size; i++)
            wf_as_tuple(r)->items[i] = wf_incref(src->items[i]);
    }
    wf_decref(t);
    return r;
}

TypeObject wf_type_tuple = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "tuple",
    .tp_basicsize = sizeof(TupleObject),
    .tp_itemsize = sizeof(Value),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_TUPLE_SUBCLASS,
    .tp_base = &wf_type_object,
    .tp_dealloc = tup_dealloc,
    .tp_repr = tup_repr,
    .tp_hash = tup_hash,
    .tp_richcompare = tup_richcompare,
    .tp_iter = tup_iter,
    .tp_new = tup_new,
    .tp_len = tup_len,
    .tp_getitem = tup_getitem,
    .tp_contains = tup_contains,
    .tp_bool = tup_bool,
    .tp_binop = tup_binop,
    .tp_methods = tup_methods,
};

void wf_tuple_init(void)
{
    wf_type_ready(&wf_type_tuple);
    wf_type_ready(&wf_type_tuple_iterator);
}
