/* weft: layouts and shared helpers of the sequence and iterator types. */
/* tuple.c, list.c, sort.c, range.c, slice.c, iterobject.c -> one internal API. */
#ifndef WF_SEQ_H
#define WF_SEQ_H

#include "weft.h"
#include "sync/atomic.h"
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

/* Iterator of a fast range: yields start + k*step for index <= k < len.
 * index is touched with relaxed atomics (wf_range_iter_fast_next). */
typedef struct RangeIterObject {
    Object ob;
    int64_t start, step, len, index;
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


/* ---- lists under threads: the items block and the lock-free readers ----
 *
 * A list's items live in a ListBlock whose capacity is stored in the block
 * itself; ListObject.items points at block->slots (CPython's _PyListArray).
 * The rules that make reads without the list's lock safe (core/list.c):
 *  1. Writers hold the list's critical section and store size, items and
 *     every slot with release atomics; lock-free readers load them with
 *     acquire (plain movs on x86), so TSan sees every edge.
 *  2. A reader checks an index against the size, then against the capacity
 *     of the block it loaded: a block never shrinks in place, so slot i of a
 *     block with capacity > i is always memory of that block.
 *  3. A block that is replaced (growth, clear, sort) is freed with
 *     wf_defer_free; a reference a reader may have loaded from a slot is
 *     dropped with wf_defer_decref. Both are immediate while the process is
 *     single-threaded. So a loaded slot names a live object until the
 *     reader's next quiescent state, long enough to incref it.
 *  4. Slots in [size, capacity) may hold stale pointers (moved or removed
 *     items), which rule 3 also keeps alive for racing readers, or 0; a
 *     reader only ever uses a slot below a size it loaded. That size may
 *     be older than the block (a clear, then a regrowth), so a block
 *     published while other threads run has its unfilled slots zeroed:
 *     a reader finds 0 there (out of range), never uninitialized memory.
 */
typedef struct ListBlock {
    size_t capacity;
    Value slots[];
} ListBlock;

static inline ListBlock *wf_list_block(Value *items)
{
    return (ListBlock *)((char *)items - offsetof(ListBlock, slots));
}

/* acquire: pairs with the release stores of list.c's writers (rule 1). */
static inline size_t wf_list_load_size(const ListObject *l)
{
    return wf_atomic_load_acquire_usize(&l->size);
}
static inline Value *wf_list_load_items(const ListObject *l)
{
    return (Value *)wf_atomic_load_acquire_ptr(&l->items);
}

/* l[i] without the lock, borrowed: valid until this thread's next quiescent
 * state (so incref it before running any Python code), or 0 when i is out
 * of range at some instant during the call. */
static inline Value wf_list_peek_at(const ListObject *l, size_t i)
{
    if (i >= wf_list_load_size(l))
        return 0;
    Value *items = wf_list_load_items(l);
    if (WF_UNLIKELY(items == NULL || i >= wf_list_block(items)->capacity))
        return 0;   /* a concurrent clear or shrink: out of range now */
    /* acquire: pairs with the release store that put the item there */
    return wf_atomic_load_acquire_usize(&items[i]);
}

/* l[i] without the lock: a new reference, or 0 when out of range. */
static inline Value wf_list_get_ref_at(const ListObject *l, size_t i)
{
    Value v = wf_list_peek_at(l, i);
    return v ? wf_incref(v) : 0;
}
/* The same for a Value (any list): for code outside list.c that used the
 * borrowed wf_list_get on a list other threads may change. */
Value wf_list_get_ref(Value list, size_t i);

/* A block of `capacity` slots (list.c, sort.c) and its release: after a
 * grace period when `shared` (another thread may be reading it). */
Value *wf_list_block_new(size_t capacity);
void wf_list_block_free(Value *items, bool shared);


/* ---- the interpreter's fast paths into lists (core/ceval.c, bytecodes.def) ----
 * The interpreter never touches ListObject fields itself: these are the
 * only doors, so that list.c alone decides how they stay safe when other
 * threads mutate the list. */

/* list[i] for an exact list, i a C index (negative counts from the end):
 * a new reference, or 0 WITHOUT an exception when i is out of range.
 * Lock-free (the rules above). */
static inline Value wf_list_fast_get(Value list, intptr_t i)
{
    ListObject *l = wf_as_list(list);
    if (i < 0)
        i += (intptr_t)wf_list_load_size(l);
    return i >= 0 ? wf_list_get_ref_at(l, (size_t)i) : 0;
}

/* list[i] = v (v borrowed) under the list's lock, for other threads' sake. */
bool wf_list_set_locked(Value list, intptr_t i, Value v);

/* list[i] = v for an exact list, stealing v: true if stored, false WITHOUT
 * an exception (and v not taken) when i is out of range. */
static inline bool wf_list_fast_store(Value list, intptr_t i, Value v)
{
    if (WF_UNLIKELY(wf_runtime_multithreaded())) {
        if (!wf_list_set_locked(list, i, v))
            return false;
        wf_decref(v);   /* the list took its own reference */
        return true;
    }
    /* One thread: nobody else can see the list, and no code runs before the
     * old item is dropped, so the plain path is exact. */
    ListObject *l = wf_as_list(list);
    if (i < 0)
        i += (intptr_t)l->size;
    if (WF_LIKELY(i >= 0 && (size_t)i < l->size)) {
        wf_setref(&l->items[i], v);
        return true;
    }
    return false;
}

/* The same with v borrowed. */
static inline bool wf_list_fast_set(Value list, intptr_t i, Value v)
{
    wf_incref(v);
    if (wf_list_fast_store(list, i, v))
        return true;
    wf_decref(v);
    return false;
}

/* Slices with their bounds unpacked (slice.c: wf_slice_unpack resolves
 * None; wf_slice_adjust clamps to a length and counts the items, as
 * CPython's PySlice_Unpack and PySlice_AdjustIndices). The list functions
 * take unpacked bounds, so the BUILD_SLICE forms (core/spec/ops.def) slice
 * an exact list without a slice object: list[start:stop:step] as a new
 * list, and list[start:stop:step] = v (v borrowed; 0 or -1). */
int wf_slice_unpack(Value slice, intptr_t *start, intptr_t *stop, intptr_t *step);
/* PySlice_AdjustIndices: clamp to [0, length] and count the items. */
static inline intptr_t wf_slice_adjust(intptr_t length, intptr_t *start, intptr_t *stop, intptr_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0)
        return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
    return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}

Value wf_list_slice(Value list, intptr_t start, intptr_t stop, intptr_t step);
int wf_list_store_slice(Value list, intptr_t start, intptr_t stop, intptr_t step, Value v);

/* next(it) for a list_iterator: a new reference, or 0 WITHOUT an exception
 * when exhausted (the caller then takes tp_iternext's path). A shared
 * iterator may yield an item twice or skip one, never a freed one: index is
 * read and written with relaxed atomics, and seq never changes while another
 * thread may see the iterator (iterobject.c). */
static inline Value wf_list_iter_fast_next(SeqIterObject *si)
{
    intptr_t i = wf_atomic_load_relaxed_isize(&si->index);
    if (!si->seq || i < 0)
        return 0;
    Value v = wf_list_get_ref_at(wf_as_list(si->seq), (size_t)i);
    if (v)
        wf_atomic_store_relaxed_isize(&si->index, i + 1);
    return v;
}

/* next(it) for a tuple_iterator: as wf_list_iter_fast_next. */
static inline Value wf_tuple_iter_fast_next(SeqIterObject *si)
{
    intptr_t i = wf_atomic_load_relaxed_isize(&si->index);
    if (!si->seq || (size_t)i >= wf_as_tuple(si->seq)->size)
        return 0;
    wf_atomic_store_relaxed_isize(&si->index, i + 1);
    return wf_incref(wf_as_tuple(si->seq)->items[i]);
}

/* next(it) for a range_iterator: true and *out set, false when exhausted.
 * The item is start + k*step for the index k this thread read, so even a
 * shared iterator only yields members of the range. */
static inline bool wf_range_iter_fast_next(RangeIterObject *ri, Value *out)
{
    int64_t i = wf_atomic_load_relaxed_i64(&ri->index);
    if (i >= ri->len)
        return false;
    wf_atomic_store_relaxed_i64(&ri->index, i + 1);
    *out = wf_small(ri->start + i * ri->step);
    return true;
}

#endif
