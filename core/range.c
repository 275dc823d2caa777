/* weft: the range type and its iterators. */
/* (start, stop, step) -> an immutable arithmetic sequence; int64 fast path, big ints otherwise. */
#include "seq.h"
#include "critsec.h"

/*
 * Every range keeps start, stop, step and its length as int Values. When
 * start, stop and step are all small ints (|x| < 2**62) it is "fast": the C
 * copies istart/istep/ilen are valid, every item and every difference of two
 * items fits in int64, and iteration uses RangeIterObject. Other ranges do
 * their arithmetic through the generic int operations.
 */

static RangeObject *rng(Value v) { return (RangeObject *)wf_obj(v); }

/* ---- int arithmetic on Values (new refs; 0 on error) ---- */

static Value rv_add(Value a, Value b) { return wf_binop(a, b, WF_BINOP_ADD); }
static Value rv_sub(Value a, Value b) { return wf_binop(a, b, WF_BINOP_SUB); }
static Value rv_mul(Value a, Value b) { return wf_binop(a, b, WF_BINOP_MUL); }

/* a + b*c */
static Value rv_muladd(Value a, Value b, Value c)
{
    Value m = rv_mul(b, c);
    if (!m)
        return 0;
    Value r = rv_add(a, m);
    wf_decref(m);
    return r;
}

static int rv_sign(Value v) { return wf_is_small(v) ? (wf_small_val(v) > 0) - (wf_small_val(v) < 0) : wf_int_sign(v); }

/* An int Value as an exact int (bools and int subclasses converted, as
 * PyNumber_Index does): range stores exact ints only. */
static Value rv_exact(Value v)
{
    if (wf_is_bool(v))
        return wf_small(v == wf_True);
    if (wf_is_small(v) || wf_obj(v)->ob_type == &wf_type_int)
        return wf_incref(v);
    int64_t i;
    if (wf_int_as_i64(v, &i) == 0)
        return wf_int_from_i64(i);
    wf_err_clear();
    return wf_binop(v, wf_small(0), WF_BINOP_ADD);  /* int.__add__ gives an exact int */
}

/* len(range(lo, hi, step)) as CPython's compute_range_length. */
static Value rv_length(Value start, Value stop, Value step)
{
    Value lo = start, hi = stop, st = wf_incref(step);
    if (rv_sign(step) < 0) {
        lo = stop;
        hi = start;
        wf_decref(st);
        if (!(st = wf_unary(step, WF_UNOP_NEG)))
            return 0;
    }
    int c = wf_richcompare_bool(lo, hi, WF_GE);
    if (c != 0) {
        wf_decref(st);
        return c < 0 ? 0 : wf_small(0);
    }
    Value d = rv_sub(hi, lo), r = 0;
    if (d) {
        Value d1 = rv_sub(d, wf_small(1));
        Value q = d1 ? wf_binop(d1, st, WF_BINOP_FLOORDIV) : 0;
        r = q ? rv_add(q, wf_small(1)) : 0;
        wf_xdecref(d1);
        wf_xdecref(q);
        wf_decref(d);
    }
    wf_decref(st);
    return r;
}

static Value rng_make(Value start, Value stop, Value step)
{
    Value len;
    bool fast = wf_is_small(start) && wf_is_small(stop) && wf_is_small(step);
    int64_t ilen = 0;
    if (fast) {
        int64_t a = wf_small_val(start), b = wf_small_val(stop), s = wf_small_val(step);
        if (s > 0 && a < b)
            ilen = (b - a - 1) / s + 1;
        else if (s < 0 && a > b)
            ilen = (a - b - 1) / (-s) + 1;
        if (!(len = wf_int_from_i64(ilen)))
            return 0;
    } else if (!(len = rv_length(start, stop, step))) {
        return 0;
    }
    RangeObject *r = (RangeObject *)wf_object_alloc(&wf_type_range, sizeof(RangeObject));
    r->start = rv_exact(start);
    r->stop = rv_exact(stop);
    r->step = rv_exact(step);
    r->length = len;
    r->fast = fast;
    if (fast) {
        r->istart = wf_small_val(start);
        r->istep = wf_small_val(step);
        r->ilen = ilen;
    }
    return wf_val(r);
}

Value wf_range_new(Value start, Value stop, Value step)
{
    if (!start)
        start = wf_small(0);
    if (!step)
        step = wf_small(1);
    start = rv_exact(start);
    stop = rv_exact(stop);
    step = rv_exact(step);
    Value r = 0;
    if (!start || !stop || !step)
        ;  /* conversion failed: exception set */
    else if (rv_sign(step) == 0)
        wf_err_set_str(wf_exc_ValueError, "range() arg 3 must not be zero");
    else
        r = rng_make(start, stop, step);
    wf_xdecref(start);
    wf_xdecref(stop);
    wf_xdecref(step);
    return r;
}

/* An argument of range(): int or __index__, as an int. */
static Value rng_arg(Value v)
{
    if (wf_is_int(v))
        return rv_exact(v);
    Value i = wf_index(v);
    if (!i)
        return 0;
    Value r = rv_exact(i);
    wf_decref(i);
    return r;
}

static Value rng_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("range", kwnames) < 0 || wf_check_nargs("range", nargs, 1, 3) < 0)
        return 0;
    Value a[3] = {0, 0, 0};
    for (size_t i = 0; i < nargs; i++) {
        if (!(a[i] = rng_arg(args[i]))) {
            while (i-- > 0)
                wf_decref(a[i]);
            return 0;
        }
    }
    Value r = nargs == 1 ? wf_range_new(0, a[0], 0) : wf_range_new(a[0], a[1], a[2]);
    for (size_t i = 0; i < nargs; i++)
        wf_decref(a[i]);
    return r;
}

static void rng_dealloc(Object *o)
{
    RangeObject *r = (RangeObject *)o;
    wf_decref(r->start);
    wf_decref(r->stop);
    wf_decref(r->step);
    wf_decref(r->length);
    wf_object_free(o);
}

/* ---- repr, hash, compare ---- */

static Value rng_repr(Value self)
{
    RangeObject *r = rng(self);
    if (wf_is_small(r->step) && wf_small_val(r->step) == 1)
        return wf_str_printf("range(%R, %R)", r->start, r->stop);
    return wf_str_printf("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static int rng_len_is(RangeObject *r, int64_t n)
{
    return wf_is_small(r->length) && wf_small_val(r->length) == n;
}

/* hash((len, start, step)) with None for what does not matter. */
static Hash rng_hash(Value self)
{
    RangeObject *r = rng(self);
    Value t;
    if (rng_len_is(r, 0))
        t = wf_tuple_pack(3, r->length, wf_None, wf_None);
    else if (rng_len_is(r, 1))
        t = wf_tuple_pack(3, r->length, r->start, wf_None);
    else
        t = wf_tuple_pack(3, r->length, r->start, r->step);
    if (!t)
        return -1;
    Hash h = wf_hash(t);
    wf_decref(t);
    return h;
}

/* Two ranges are equal when they give the same sequence. */
static int rng_equal(RangeObject *a, RangeObject *b)
{
    if (a == b)
        return 1;
    int c = wf_richcompare_bool(a->length, b->length, WF_EQ);
    if (c <= 0 || rng_len_is(a, 0))
        return c;
    c = wf_richcompare_bool(a->start, b->start, WF_EQ);
    if (c <= 0 || rng_len_is(a, 1))
        return c;
    return wf_richcompare_bool(a->step, b->step, WF_EQ);
}

static Value rng_richcompare(Value a, Value b, int op)
{
    if (!wf_is_type_exact(b, &wf_type_range) || (op != WF_EQ && op != WF_NE))
        return wf_incref(wf_NotImplemented);
    int c = rng_equal(rng(a), rng(b));
    if (c < 0)
        return 0;
    return wf_incref(wf_bool(op == WF_EQ ? c : !c));
}

/* ---- sequence protocol ---- */

static intptr_t rng_len(Value self)
{
    RangeObject *r = rng(self);
    if (r->fast)
        return (intptr_t)r->ilen;
    int64_t n;
    if (wf_int_as_i64(r->length, &n) < 0) {
        wf_err_clear();
        wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (intptr_t)n;
}

static int rng_bool(Value self)
{
    RangeObject *r = rng(self);
    return r->fast ? r->ilen != 0 : rv_sign(r->length) != 0;
}

/* The i-th item, start + i*step (i an int Value, any sign). */
static Value rng_item(RangeObject *r, Value i)
{
    if (r->fast && wf_is_small(i)) {
        /* Slicing asks for the items at -1 and len too: 128-bit math. */
        __int128 v = (__int128)r->istart + (__int128)wf_small_val(i) * r->istep;
        if (v >= WF_SMALL_MIN && v <= WF_SMALL_MAX)
            return wf_small((intptr_t)v);
    }
    return rv_muladd(r->start, i, r->step);
}

static Value rng_index_error(void)
{
    return wf_err_set_str(wf_exc_IndexError, "range object index out of range");
}

/* r[i] for an int i (negative counts from the end). */
static Value rng_getindex(RangeObject *r, Value i)
{
    if (r->fast && wf_is_small(i)) {
        int64_t k = wf_small_val(i);
        if (k < 0)
            k += r->ilen;
        if (k < 0 || k >= r->ilen)
            return rng_index_error();
        return wf_small(r->istart + k * r->istep);
    }
    Value k = wf_incref(i);
    if (rv_sign(k) < 0) {
        wf_decref(k);
        if (!(k = rv_add(i, r->length)))
            return 0;
    }
    int ok = rv_sign(k) >= 0 ? wf_richcompare_bool(k, r->length, WF_LT) : 0;
    Value v = ok == 1 ? rng_item(r, k) : ok == 0 ? rng_index_error() : 0;
    wf_decref(k);
    return v;
}

/* A slice field (not None) as an int, with the slice TypeError message. */
static Value rng_slice_int(Value v)
{
    if (!wf_is_int(v) && !wf_type(v)->tp_index)
        return wf_err_set_str(wf_exc_TypeError,
                              "slice indices must be integers or None or have an __index__ method");
    return rng_arg(v);
}

/* One bound of a slice against `length` as CPython's _PySlice_GetLongIndices. */
static Value rng_slice_bound(Value v, Value length, Value lower, Value upper, Value dflt)
{
    if (v == wf_None)
        return wf_incref(dflt);
    Value x = rng_slice_int(v);
    if (!x)
        return 0;
    if (rv_sign(x) < 0) {
        Value y = rv_add(x, length);
        wf_decref(x);
        if (!(x = y))
            return 0;
        int c = wf_richcompare_bool(x, lower, WF_LT);
        if (c)
            wf_setref(&x, c < 0 ? 0 : wf_incref(lower));
    } else {
        int c = wf_richcompare_bool(x, upper, WF_GT);
        if (c)
            wf_setref(&x, c < 0 ? 0 : wf_incref(upper));
    }
    return x;
}

static Value rng_slice(RangeObject *r, Value slice)
{
    SliceObject *s = (SliceObject *)wf_obj(slice);
    Value step = s->step == wf_None ? wf_small(1) : rng_slice_int(s->step);
    if (!step)
        return 0;
    int neg = rv_sign(step);
    if (neg == 0) {
        wf_decref(step);
        return wf_err_set_str(wf_exc_ValueError, "slice step cannot be zero");
    }
    Value lower = neg < 0 ? wf_small(-1) : wf_small(0);
    Value upper = neg < 0 ? rv_sub(r->length, wf_small(1)) : wf_incref(r->length);
    Value start = 0, stop = 0, res = 0;
    if (upper && (start = rng_slice_bound(s->start, r->length, lower, upper, neg < 0 ? upper : lower)) &&
        (stop = rng_slice_bound(s->stop, r->length, lower, upper, neg < 0 ? lower : upper))) {
        Value a = rng_item(r, start), b = rng_item(r, stop), c = rv_mul(step, r->step);
        if (a && b && c)
            res = wf_range_new(a, b, c);
        wf_xdecref(a);
        wf_xdecref(b);
        wf_xdecref(c);
    }
    wf_xdecref(start);
    wf_xdecref(stop);
    wf_xdecref(upper);
    wf_decref(step);
    return res;
}

static Value rng_getitem(Value self, Value key)
{
    RangeObject *r = rng(self);
    if (wf_is_int(key))
        return rng_getindex(r, wf_is_bool(key) ? wf_small(key == wf_True) : key);
    if (wf_is_type_exact(key, &wf_type_slice))
        return rng_slice(r, key);
    if (wf_type(key)->tp_index) {
        Value i = rng_arg(key);
        if (!i)
            return 0;
        Value v = rng_getindex(r, i);
        wf_decref(i);
        return v;
    }
    return wf_err_format(wf_exc_TypeError, "range indices must be integers or slices, not %T", key);
}

/* x in r for an int x, O(1). */
static int rng_contains_int(RangeObject *r, Value x)
{
    if (r->fast && wf_is_small(x)) {
        int64_t v = wf_small_val(x);
        if (r->ilen == 0)
            return 0;
        int64_t last = r->istart + (r->ilen - 1) * r->istep;
        int64_t lo = r->istep > 0 ? r->istart : last, hi = r->istep > 0 ? last : r->istart;
        if (v < lo || v > hi)
            return 0;
        return (v - r->istart) % r->istep == 0;
    }
    bool up = rv_sign(r->step) > 0;
    int c1 = up ? wf_richcompare_bool(r->start, x, WF_LE) : wf_richcompare_bool(x, r->start, WF_LE);
    if (c1 <= 0)
        return c1;
    int c2 = up ? wf_richcompare_bool(x, r->stop, WF_LT) : wf_richcompare_bool(r->stop, x, WF_LT);
    if (c2 <= 0)
        return c2;
    Value d = rv_sub(x, r->start);
    Value m = d ? wf_binop(d, r->step, WF_BINOP_MOD) : 0;
    wf_xdecref(d);
    if (!m)
        return -1;
    int z = rv_sign(m) == 0;
    wf_decref(m);
    return z;
}

/* Linear search for a non-int x: calls fn(found index) semantics via count. */
static intptr_t rng_scan(Value self, Value x, bool first, intptr_t *count)
{
    Value it = wf_iter(self);
    if (!it)
        return -2;
    intptr_t i = 0, found = -1;
    *count = 0;
    for (;; i++) {
        Value v = wf_next(it);
        if (!v)
            break;
        int c = wf_richcompare_bool(v, x, WF_EQ);
        wf_decref(v);
        if (c < 0) {
            found = -2;
            break;
        }
        if (c) {
            (*count)++;
            if (found == -1)
                found = i;
            if (first)
                break;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -2 : found;
}

static int rng_contains(Value self, Value x)
{
    if (wf_is_int(x))
        return rng_contains_int(rng(self), x);
    intptr_t n;
    intptr_t i = rng_scan(self, x, true, &n);
    return i == -2 ? -1 : i >= 0;
}

static Value rng_iter(Value self);

/* ---- methods ---- */

static Value rng_m_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("range.count", kwnames) < 0 || wf_check_nargs("range.count", nargs, 1, 1) < 0)
        return 0;
    if (wf_is_int(args[0])) {
        int c = rng_contains_int(rng(self), args[0]);
        return c < 0 ? 0 : wf_small(c);
    }
    intptr_t n;
    return rng_scan(self, args[0], false, &n) == -2 ? 0 : wf_int_from_i64(n);
}

static Value rng_m_index(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("range.index", kwnames) < 0 || wf_check_nargs("range.index", nargs, 1, 1) < 0)
        return 0;
    RangeObject *r = rng(self);
    Value x = args[0];
    if (!wf_is_int(x)) {
        intptr_t n;
        intptr_t i = rng_scan(self, x, true, &n);
        if (i == -2)
            return 0;
        if (i == -1)
            return wf_err_set_str(wf_exc_ValueError, "sequence.index(x): x not in sequence");
        return wf_int_from_i64(i);
    }
    int c = rng_contains_int(r, x);
    if (c <= 0)
        return c < 0 ? 0 : wf_err_format(wf_exc_ValueError, "%R is not in range", x);
    if (r->fast && wf_is_small(x))
        return wf_int_from_i64((wf_small_val(x) - r->istart) / r->istep);
    Value d = rv_sub(x, r->start);
    Value q = d ? wf_binop(d, r->step, WF_BINOP_FLOORDIV) : 0;
    wf_xdecref(d);
    return q;
}

static Value rng_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames);

static Value rng_get_start(Value self) { return wf_incref(rng(self)->start); }
static Value rng_get_stop(Value self) { return wf_incref(rng(self)->stop); }
static Value rng_get_step(Value self) { return wf_incref(rng(self)->step); }

static const MethodDef rng_methods[] = {
    {"count", rng_m_count, 0, "rangeobject.count(value) -> integer"},
    {"index", rng_m_index, 0, "rangeobject.index(value) -> integer"},
    {"__reversed__", rng_m_reversed, 0, "Return a reverse iterator."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef rng_getset[] = {
    {"start", rng_get_start, NULL},
    {"stop", rng_get_stop, NULL},
    {"step", rng_get_step, NULL},
    {NULL, NULL, NULL},
};

TypeObject wf_type_range = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "range",
    .tp_basicsize = sizeof(RangeObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = rng_dealloc,
    .tp_repr = rng_repr,
    .tp_hash = rng_hash,
    .tp_richcompare = rng_richcompare,
    .tp_iter = rng_iter,
    .tp_new = rng_new,
    .tp_len = rng_len,
    .tp_getitem = rng_getitem,
    .tp_contains = rng_contains,
    .tp_bool = rng_bool,
    .tp_methods = rng_methods,
    .tp_getset = rng_getset,
};

/* ---- iterators ---- */

static Value rit_new_fast(int64_t start, int64_t step, int64_t len)
{
    RangeIterObject *it = (RangeIterObject *)wf_object_alloc(&wf_type_range_iterator,
                                                             sizeof(RangeIterObject));
    it->start = start;
    it->step = step;
    it->len = len;
    it->index = 0;
    return wf_val(it);
}

/* Steals start, step and len. */
static Value rit_new_long(Value start, Value step, Value len)
{
    LongRangeIterObject *it = (LongRangeIterObject *)wf_object_alloc(&wf_type_longrange_iterator,
                                                                     sizeof(LongRangeIterObject));
    it->start = start;
    it->step = step;
    it->len = len;
    it->index = wf_small(0);
    return wf_val(it);
}

static Value rng_iter(Value self)
{
    RangeObject *r = rng(self);
    if (r->fast)
        return rit_new_fast(r->istart, r->istep, r->ilen);
    return rit_new_long(wf_incref(r->start), wf_incref(r->step), wf_incref(r->length));
}

static Value rng_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("range.__reversed__", nargs, 0, 0) < 0)
        return 0;
    RangeObject *r = rng(self);
    if (r->fast) {
        int64_t last = r->ilen ? r->istart + (r->ilen - 1) * r->istep : r->istart;
        return rit_new_fast(last, -r->istep, r->ilen);
    }
    /* last = start + (len - 1) * step, walking down by -step. */
    Value n1 = rv_sub(r->length, wf_small(1));
    Value last = n1 ? rv_muladd(r->start, n1, r->step) : 0;
    Value nstep = last ? wf_unary(r->step, WF_UNOP_NEG) : 0;
    wf_xdecref(n1);
    if (!nstep) {
        wf_xdecref(last);
        return 0;
    }
    return rit_new_long(last, nstep, wf_incref(r->length));
}

static Value rit_next(Value self)
{
    Value v;
    return wf_range_iter_fast_next((RangeIterObject *)wf_obj(self), &v) ? v : 0;
}

/* Under the iterator's section: index is a reference that each step
 * replaces, so two threads sharing the iterator must not step at once. */
static Value lrit_next_locked(LongRangeIterObject *it)
{
    int c = wf_richcompare_bool(it->index, it->len, WF_LT);
    if (c <= 0)
        return 0;
    Value v = rv_muladd(it->start, it->index, it->step);
    if (!v)
        return 0;
    Value n = rv_add(it->index, wf_small(1));
    if (!n) {
        wf_decref(v);
        return 0;
    }
    wf_setref(&it->index, n);
    return v;
}

static Value lrit_next(Value self)
{
    Value v;
    WF_CRITSEC_BEGIN(wf_obj(self));
    v = lrit_next_locked((LongRangeIterObject *)wf_obj(self));
    WF_CRITSEC_END();
    return v;
}

static void lrit_dealloc(Object *o)
{
    LongRangeIterObject *it = (LongRangeIterObject *)o;
    wf_decref(it->start);
    wf_decref(it->step);
    wf_decref(it->len);
    wf_decref(it->index);
    wf_object_free(o);
}

static Value rit_self(Value self) { return wf_incref(self); }

static Value rit_m_length_hint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_is_type_exact(self, &wf_type_range_iterator)) {
        RangeIterObject *it = (RangeIterObject *)wf_obj(self);
        /* relaxed: a hint; another thread may be iterating */
        int64_t left = it->len - wf_atomic_load_relaxed_i64(&it->index);
        return wf_int_from_i64(left > 0 ? left : 0);
    }
    LongRangeIterObject *it = (LongRangeIterObject *)wf_obj(self);
    Value n;
    WF_CRITSEC_BEGIN(it);
    n = rv_sub(it->len, it->index);
    WF_CRITSEC_END();
    return n;
}

static const MethodDef rit_methods[] = {
    {"__length_hint__", rit_m_length_hint, 0, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

TypeObject wf_type_range_iterator = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIterObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = wf_object_free,
    .tp_iter = rit_self,
    .tp_iternext = rit_next,
    .tp_methods = rit_methods,
};

TypeObject wf_type_longrange_iterator = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIterObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = lrit_dealloc,
    .tp_iter = rit_self,
    .tp_iternext = lrit_next,
    .tp_methods = rit_methods,
};

void wf_range_init(void)
{
    wf_type_ready(&wf_type_range);
    wf_type_ready(&wf_type_range_iterator);
    wf_type_ready(&wf_type_longrange_iterator);
    wf_type_ready(&wf_type_slice);
}
