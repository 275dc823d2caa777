/* weft: layouts and shared helpers of the sequence and iterator types. */
/* tuple.c, list.c, sort.c, range.c, slice.c, iterobject.c -> one internal API. */
#ifndef WF_SEQ_H
#define WF_SEQ_H

#include "weft.h"
#include "dict.h"   /* wf_repr_enter / wf_repr_leave: one per-thread repr stack */

/*
 * The object layouts here are public so that the interpreter can specialize
 * on them (FOR_ITER over a list, a tuple or a range); everything else about
 * these types goes through the functions in types.h.
 */

/* A range whose start, stop and step are all small ints keeps them as C
 * integers too (fast = 1): every length and item then fits in int64_t
 * because |small| < 2**62. Otherwise only the Values are meaningful. */
typedef struct RangeObject {
    Object ob;
    Value start, stop, step, length;   /* ints */
    int fast;
    int64_t istart, istep, ilen;
} RangeObject;

/* Iterator of a fast range: yields istart + k*istep for k < ilen. */
typedef struct RangeIterObject {
    Object ob;
    int64_t next, step, left;          /* next value, step, items left */
} RangeIterObject;

/* Iterator of a big range: start + index*step for index < len. */
typedef struct LongRangeIterObject {
    Object ob;
    Value start, step, len, index;
} LongRangeIterObject;

/* tuple_iterator, list_iterator, list_reverseiterator, the __getitem__
 * iterator and reversed(): seq is dropped (set to 0) once exhausted. */
typedef struct SeqIterObject {
    Object ob;
    Value seq;
    intptr_t index;
} SeqIterObject;

extern TypeObject wf_type_tuple_iterator, wf_type_list_iterator, wf_type_list_reverseiterator;
extern TypeObject wf_type_range_iterator, wf_type_longrange_iterator;
extern TypeObject wf_type_seqiter, wf_type_calliter;

/* ---- helpers shared by the files of this area ---- */

/* a == b for searches (in, index, count, comparisons): identity first, as
 * CPython's PyObject_RichCompareBool, and two small ints without a call. */
static inline int wf_seq_eq(Value a, Value b)
{
    if (a == b)
        return 1;
    if (wf_is_small(a) && wf_is_small(b))
        return 0;
    return wf_richcompare_bool(a, b, WF_EQ);
}

/* An integer key for indexing (int, bool or __index__): 1 and *out on
 * success, 0 if key is no integer at all, -1 on error. Values outside
 * intptr_t raise IndexError "cannot fit 'int' into an index-sized integer"
 * (the type given by overflow_exc). */
int wf_seq_key_index_slow(Value key, intptr_t *out, TypeObject *overflow_exc);
static inline int wf_seq_key_index(Value key, intptr_t *out, TypeObject *overflow_exc)
{
    if (WF_LIKELY(wf_is_small(key))) {
        *out = wf_small_val(key);
        return 1;
    }
    return wf_seq_key_index_slow(key, out, overflow_exc);
}
/* An integer argument converted as Argument Clinic's Py_ssize_t / int
 * converters: TypeError "'float' object cannot be interpreted as an
 * integer", OverflowError "Python int too large to convert to C ssize_t"
 * (ctype "ssize_t") or "... C int" (ctype "int", range of a C int). */
int wf_seq_int_arg(Value v, intptr_t *out, const char *ctype);
/* An int (or __index__) as intptr_t clamped to [INTPTR_MIN, INTPTR_MAX], as
 * CPython's _PyEval_SliceIndex: 1 on success, 0 if v has no __index__. */
int wf_seq_clamped_index_slow(Value v, intptr_t *out);
static inline int wf_seq_clamped_index(Value v, intptr_t *out)
{
    if (WF_LIKELY(wf_is_small(v))) {
        *out = wf_small_val(v);
        return 1;
    }
    return wf_seq_clamped_index_slow(v, out);
}
/* The start/stop arguments of index(): negative values count from the end
 * and are clamped to [0, size]. -1 on error with the CPython message. */
int wf_seq_index_bounds(const Value *args, size_t nargs, size_t size,
                        intptr_t *start, intptr_t *stop);
/* n for `seq * n`: 1 ok, 0 when n is no int (caller raises), -1 error. */
int wf_seq_repeat_count(Value n, intptr_t *out);
/* A heap type's binop slot may still handle `seq OP b`: return NotImplemented. */
bool wf_seq_other_may_handle(Value b);
/* seq * n and n * seq for list and tuple: the count rules, NotImplemented for
 * a class that may handle it, CPython's TypeError otherwise. */
Value wf_seq_repeat_binop(Value a, Value b, bool seq_is_left, Value (*repeat)(Value seq, intptr_t k));
/* Compare two arrays lexicographically as CPython's list/tuple richcompare;
 * the getters re-read items and sizes after every callback. */
typedef Value (*SeqItemAt)(Value seq, size_t i, size_t *size);  /* borrowed, 0 past end */
Value wf_seq_richcompare(Value a, Value b, int op, SeqItemAt at);
/* __class_getitem__ of list and tuple (a WF_METH_CLASS method). */
Value wf_seq_class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames);
/* Drop any keyword arguments with "NAME() takes no keyword arguments". */
int wf_seq_no_kwargs(const char *fname, Value kwnames);

/* Deallocation of deeply nested containers (CPython's trashcan): call
 * wf_seq_trash_begin(o, self) first in the dealloc function `self`; if it
 * returns false, o was put aside and the dealloc must return at once (self
 * runs on it later, from the outermost level). Otherwise finish with
 * wf_seq_trash_end(). */
#define WF_SEQ_TRASH_DEPTH 50
extern _Thread_local int wf_seq_trash_depth;     /* nested deallocs running */
extern _Thread_local size_t wf_seq_trash_len;    /* parked objects */
bool wf_seq_trash_park(Object *o, void (*self)(Object *));
void wf_seq_trash_drain(void);
static inline bool wf_seq_trash_begin(Object *o, void (*self)(Object *))
{
    if (WF_LIKELY(wf_seq_trash_depth < WF_SEQ_TRASH_DEPTH)) {
        wf_seq_trash_depth++;
        return true;
    }
    return wf_seq_trash_park(o, self);
}
static inline void wf_seq_trash_end(void)
{
    if (--wf_seq_trash_depth == 0 && wf_seq_trash_len != 0)
        wf_seq_trash_drain();
}

/* Iterator objects over a list or tuple (core/iterobject.c). */
Value wf_seqiter_make(TypeObject *type, Value seq, intptr_t index);


/* Sorting an array in place (core/sort.c): stable; on error (exception from
 * a comparison) the array still holds the same items in some order. */
int wf_sort_values(Value *items, size_t n, Value *keys);


/* ---- the interpreter's fast paths into lists (core/ceval.c, bytecodes.def) ----
 * The interpreter never touches ListObject fields itself: these are the
 * only doors, so that list.c alone decides how they stay safe when other
 * threads mutate the list. */

/* list[i] for an exact list, i a C index (negative counts from the end):
 * a new reference, or 0 WITHOUT an exception when i is out of range. */
static inline Value wf_list_fast_get(Value list, intptr_t i)
{
    ListObject *l = wf_as_list(list);
    if (i < 0)
        i += (intptr_t)l->size;
    if (i >= 0 && (size_t)i < l->size)
        return wf_incref(l->items[i]);
    return 0;
}

/* list[i] = v for an exact list (v borrowed): true if stored, false WITHOUT
 * an exception when i is out of range. */
static inline bool wf_list_fast_set(Value list, intptr_t i, Value v)
{
    ListObject *l = wf_as_list(list);
    if (i < 0)
        i += (intptr_t)l->size;
    if (i >= 0 && (size_t)i < l->size) {
        wf_setref(&l->items[i], wf_incref(v));
        return true;
    }
    return false;
}

/* next(it) for a list_iterator: a new reference, or 0 WITHOUT an exception
 * when exhausted (the caller then takes tp_iternext's path, which drops
 * the list). */
static inline Value wf_list_iter_fast_next(SeqIterObject *si)
{
    if (si->seq && (size_t)si->index < wf_as_list(si->seq)->size)
        return wf_incref(wf_as_list(si->seq)->items[si->index++]);
    return 0;
}

#endif
