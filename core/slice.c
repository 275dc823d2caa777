/* weft: the slice type and slice resolution. */
/* (start, stop, step) + a length -> C indexes, as CPython's PySlice_GetIndicesEx. */
#include "seq.h"

/* One dead slice per thread waits for the next one (CPython keeps one per
 * interpreter): `l[a:b]` in a loop, whose slice dies at once, allocates
 * nothing. Its header is reset as wf_object_alloc's would be. */
static _Thread_local Object *slice_cache;

Value wf_slice_new(Value start, Value stop, Value step)
{
    SliceObject *s;
    Object *o = slice_cache;
    if (o) {
        slice_cache = NULL;
        wf_object_reinit_head(o, &wf_type_slice);
        s = (SliceObject *)o;
    } else {
        s = (SliceObject *)wf_object_alloc(&wf_type_slice, sizeof(SliceObject));
    }
    s->start = wf_incref(start ? start : wf_None);
    s->stop = wf_incref(stop ? stop : wf_None);
    s->step = wf_incref(step ? step : wf_None);
    return wf_val(s);
}

/* At thread exit (from wf_object_thread_fini): the cached slice goes back. */
void wf_slice_thread_fini(void)
{
    if (slice_cache)
        wf_object_free(slice_cache);
    slice_cache = NULL;
}

static SliceObject *slc(Value v) { return (SliceObject *)wf_obj(v); }

static void slc_dealloc(Object *o)
{
    SliceObject *s = (SliceObject *)o;
    if (!wf_seq_trash_begin(o, slc_dealloc))  /* slice(slice(slice(...))) */
        return;
    wf_decref(s->start);
    wf_decref(s->stop);
    wf_decref(s->step);
    if (!slice_cache)
        slice_cache = o;   /* ob_type stays &wf_type_slice */
    else
        wf_object_free(o);
    wf_seq_trash_end();
}

/* A bound (not None): CPython's _PyEval_SliceIndex, clamped to intptr_t. */
static int slc_bound(Value v, intptr_t *out)
{
    int r = wf_seq_clamped_index(v, out);
    if (r == 0)
        wf_err_set_str(wf_exc_TypeError,
                       "slice indices must be integers or None or have an __index__ method");
    return r == 1 ? 0 : -1;
}

/* PySlice_Unpack: the raw bounds with None resolved. */
int wf_slice_unpack(Value slice, intptr_t *start, intptr_t *stop, intptr_t *step)
{
    SliceObject *s = slc(slice);
    *step = 1;
    if (s->step != wf_None) {
        if (slc_bound(s->step, step) < 0)
            return -1;
        if (*step == 0)
            return wf_err_set_str(wf_exc_ValueError, "slice step cannot be zero"), -1;
        if (*step < -INTPTR_MAX)
            *step = -INTPTR_MAX;  /* so that -step cannot overflow */
    }
    if (s->start == wf_None)
        *start = *step < 0 ? INTPTR_MAX : 0;
    else if (slc_bound(s->start, start) < 0)
        return -1;
    if (s->stop == wf_None)
        *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    else if (slc_bound(s->stop, stop) < 0)
        return -1;
    return 0;
}

int wf_slice_indices(Value slice, intptr_t length, intptr_t *start, intptr_t *stop,
                     intptr_t *step, intptr_t *slicelength)
{
    if (wf_slice_unpack(slice, start, stop, step) < 0)
        return -1;
    *slicelength = wf_slice_adjust(length, start, stop, *step);
    return 0;
}

/* ---- the Python-level type ---- */

static Value slc_repr(Value self)
{
    SliceObject *s = slc(self);
    return wf_str_printf("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

/* No tp_hash: slices are unhashable in 3.11 (slice.__hash__ is None). */
static Value slc_richcompare(Value a, Value b, int op)
{
    if (!wf_is_type_exact(a, &wf_type_slice) || !wf_is_type_exact(b, &wf_type_slice))
        return wf_incref(wf_NotImplemented);
    if (a == b && (op == WF_EQ || op == WF_NE))
        return wf_incref(wf_bool(op == WF_EQ));
    SliceObject *x = slc(a), *y = slc(b);
    Value tx = wf_tuple_pack(3, x->start, x->stop, x->step);
    Value ty = wf_tuple_pack(3, y->start, y->stop, y->step);
    Value r = tx && ty ? wf_richcompare(tx, ty, op) : 0;
    wf_xdecref(tx);
    wf_xdecref(ty);
    return r;
}

/* slice.indices(length) -> (start, stop, step) */
static Value slc_m_indices(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("slice.indices", kwnames) < 0 ||
        wf_check_nargs("slice.indices", nargs, 1, 1) < 0)
        return 0;
    /* Lengths past intptr_t are clamped: results are exact for lengths
     * and bounds below 2**63 (CPython computes with big ints). */
    intptr_t len;
    int r = wf_seq_clamped_index(args[0], &len);
    if (r <= 0)
        return r == 0 ? wf_err_format(wf_exc_TypeError,
                                      "'%T' object cannot be interpreted as an integer", args[0]) : 0;
    if (len < 0)
        return wf_err_set_str(wf_exc_ValueError, "length should not be negative");
    intptr_t start, stop, step, n;
    if (wf_slice_indices(self, len, &start, &stop, &step, &n) < 0)
        return 0;
    Value v[3] = {wf_int_from_i64(start), wf_int_from_i64(stop), wf_int_from_i64(step)};
    Value t = wf_tuple_from_array(v, 3);
    for (int i = 0; i < 3; i++)
        wf_decref(v[i]);
    return t;
}

static Value slc_get_start(Value self) { return wf_incref(slc(self)->start); }
static Value slc_get_stop(Value self) { return wf_incref(slc(self)->stop); }
static Value slc_get_step(Value self) { return wf_incref(slc(self)->step); }

/* slice(stop) / slice(start, stop[, step]) */
static Value slc_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("slice", kwnames) < 0 || wf_check_nargs("slice", nargs, 1, 3) < 0)
        return 0;
    if (nargs == 1)
        return wf_slice_new(0, args[0], 0);
    return wf_slice_new(args[0], args[1], nargs == 3 ? args[2] : 0);
}

static const MethodDef slc_methods[] = {
    {"indices", slc_m_indices, 0, "S.indices(len) -> (start, stop, stride)"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef slc_getset[] = {
    {"start", slc_get_start, NULL},
    {"stop", slc_get_stop, NULL},
    {"step", slc_get_step, NULL},
    {NULL, NULL, NULL},
};

TypeObject wf_type_slice = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "slice",
    .tp_basicsize = sizeof(SliceObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = slc_dealloc,
    .tp_repr = slc_repr,
    .tp_richcompare = slc_richcompare,
    .tp_new = slc_new,
    .tp_methods = slc_methods,
    .tp_getset = slc_getset,
};
