/* weft: the list type. */
/* (items | iterable) -> mutable ListObject: methods, indexing, slicing, operators. */
#include "seq.h"
#include "critsec.h"
#include "objimpl.h"  /* the size-class free lists */

/*
 * Slots are exposed to Python code by wf_type_ready (list.__getitem__,
 * list.__init__ ...); tp_hash stays NULL, which makes lists unhashable
 * (list.__hash__ is None, as in CPython).
 *
 * Invariants:
 *  1. items[0..size) are owned references, allocated >= size; items is the
 *     slots of a ListBlock whose capacity == allocated (or NULL when 0).
 *  2. Every callback into Python (__eq__, __lt__, key functions, __del__
 *     run by a decref, __index__, iteration) may change the list: after one,
 *     sizes and the items pointer are re-read, never cached. Items being
 *     compared are held by a reference of our own while the callback runs.
 *  3. Items are decref'd only after the list is consistent again, because a
 *     decref may run arbitrary code (a __del__) that looks at the list.
 *
 * Threads (the reader rules are in seq.h):
 *  4. Every write happens inside the list's critical section, with release
 *     stores of size, items and slots. Reads (l[i], len, iteration, `in`,
 *     index, count, ==, repr) take no lock: they load with acquire and incref
 *     what they load (wf_list_get_ref_at).
 *  5. While the process has a single thread (wf_runtime_multithreaded() is
 *     false), a write that runs no Python code before it is complete skips
 *     the lock, frees replaced blocks at once and moves slots with memmove:
 *     no other thread exists to look, and none can start before the write
 *     ends. `shared` in this file is that test, made when the write begins.
 *     Writes that call back into Python (extend from an iterator, remove,
 *     sort) always lock, and re-test `shared` after every callback.
 */

static ListObject *lst(Value v) { return wf_as_list(v); }

/* ---- blocks, stores and the lock (rules 4 and 5) ---- */

Value *wf_list_block_new(size_t capacity)
{
    ListBlock *b = wf_mem_alloc_small(sizeof(ListBlock) + capacity * sizeof(Value));
    b->capacity = capacity;
    return b->slots;
}

void wf_list_block_free(Value *items, bool shared)
{
    if (!items)
        return;
    if (shared)
        wf_defer_free(wf_list_block(items));
    else
        wf_mem_free_small(wf_list_block(items));
}

/* Drop the list's reference to an item removed from it (seq.h rule 3). */
static inline void lst_drop(Value v, bool shared)
{
    if (shared)
        wf_defer_decref(v);
    else
        wf_decref(v);
}

/* release: pairs with the acquire loads of the lock-free readers (seq.h). */
static inline void lst_set_slot(Value *items, size_t i, Value v)
{
    wf_atomic_store_release_usize(&items[i], v);
}
static inline void lst_set_size(ListObject *l, size_t n)
{
    wf_atomic_store_release_usize(&l->size, n);
}
static inline void lst_set_items(ListObject *l, Value *items)
{
    wf_atomic_store_release_ptr(&l->items, items);
}

/* items[dst..dst+n) = items[src..src+n), overlapping allowed. Readers may be
 * looking at the slots when shared: one atomic store per slot then. */
static inline void lst_move(Value *items, size_t dst, size_t src, size_t n, bool shared)
{
    if (n == 0 || dst == src)
        return;
    if (!shared) {
        memmove(items + dst, items + src, n * sizeof(Value));
    } else if (dst < src) {
        for (size_t i = 0; i < n; i++)
            lst_set_slot(items, dst + i, items[src + i]);
    } else {
        for (size_t i = n; i-- > 0;)
            lst_set_slot(items, dst + i, items[src + i]);
    }
}

/* Begin a write that runs no Python code (rule 5): locks only when other
 * threads exist; returns `shared`. */
static inline bool lst_begin(WfCritSec *cs, ListObject *l)
{
    if (WF_LIKELY(!wf_runtime_multithreaded()))
        return false;
    wf_critsec_begin(cs, &l->ob);
    return true;
}
static inline void lst_end(WfCritSec *cs, bool shared)
{
    if (shared)
        wf_critsec_end(cs);
}
/* The same for two lists (a + b, a.extend(b), a[i:j] = b). */
static inline bool lst_begin2(WfCritSec *cs, ListObject *a, ListObject *b)
{
    if (WF_LIKELY(!wf_runtime_multithreaded()))
        return false;
    wf_critsec_begin2(cs, &a->ob, &b->ob);
    return true;
}

/* Make room for at least n items; amortized growth as CPython's list_resize.
 * Shared: the items move to a new block published with release, the old one
 * is freed after a grace period (a reader may be indexing it). */
static int lst_reserve(ListObject *l, size_t n, bool shared)
{
    if (n <= l->allocated)
        return 0;
    size_t grow = n + (n >> 3) + 6;
    if (grow < n || grow > (SIZE_MAX - sizeof(ListBlock)) / sizeof(Value)) {
        wf_err_no_memory();
        return -1;
    }
    grow &= ~(size_t)3;
    if (grow < n)
        grow = n;
    Value *old = l->items;
    if (!shared && old) {
        ListBlock *b = wf_mem_realloc(wf_list_block(old), sizeof(ListBlock) + grow * sizeof(Value));
        b->capacity = grow;
        l->items = b->slots;
    } else {
        Value *items = wf_list_block_new(grow);
        if (l->size)
            memcpy(items, old, l->size * sizeof(Value));
        /* seq.h rule 4: a reader that loaded a larger size before a clear
         * may index this block up to its capacity: it must find 0 (out of
         * range), never the allocator's leftovers. */
        if (shared)
            memset(items + l->size, 0, (grow - l->size) * sizeof(Value));
        lst_set_items(l, items);
        wf_list_block_free(old, shared);
    }
    l->allocated = grow;
    return 0;
}

/* Empties the list; the old items are released after it is consistent. */
static void lst_clear(ListObject *l, bool shared)
{
    Value *items = l->items;
    size_t n = l->size;
    lst_set_size(l, 0);
    lst_set_items(l, NULL);
    l->allocated = 0;
    for (size_t i = 0; i < n; i++)
        lst_drop(items[i], shared);
    wf_list_block_free(items, shared);
}

/* A new empty list of `type` (a subclass may have a bigger instance). */
static Value lst_alloc(TypeObject *type)
{
    size_t size = type->tp_basicsize > sizeof(ListObject) ? type->tp_basicsize : sizeof(ListObject);
    return wf_val(wf_object_alloc(type, size));
}

/* An exact list of n items that the caller fills (zeroed if `zero`). A new
 * list is private to its creator until published, so plain stores fill it. */
static Value lst_new_items(size_t n, bool zero)
{
    if (n > (SIZE_MAX - sizeof(ListBlock)) / sizeof(Value))
        return wf_err_no_memory();
    ListObject *l = (ListObject *)wf_object_alloc_uninit(&wf_type_list, sizeof(ListObject));
    l->items = NULL;
    l->allocated = 0;
    if (n) {
        l->items = wf_list_block_new(n);
        if (zero)
            memset(l->items, 0, n * sizeof(Value));
        l->allocated = n;
    }
    l->size = n;
    return wf_val(l);
}

Value wf_list_new(size_t n)
{
    return lst_new_items(n, true);
}

Value wf_list_from_array(const Value *items, size_t n)
{
    Value v = lst_new_items(n, false);
    if (!v)
        return 0;
    Value *dst = lst(v)->items;
    for (size_t i = 0; i < n; i++)
        dst[i] = wf_incref(items[i]);
    return v;
}

/* A new list with l's items, read under l's lock (a consistent snapshot). */
static Value lst_snapshot(ListObject *l)
{
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    Value r = wf_list_from_array(l->items, l->size);
    lst_end(&cs, shared);
    return r;
}

static int lst_append_locked(ListObject *l, Value v, bool shared)
{
    size_t n = l->size;
    if (n == l->allocated && lst_reserve(l, n + 1, shared) < 0)
        return -1;
    lst_set_slot(l->items, n, wf_incref(v));
    lst_set_size(l, n + 1);
    return 0;
}

int wf_list_append(Value list, Value v)
{
    ListObject *l = lst(list);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    int r = lst_append_locked(l, v, shared);
    lst_end(&cs, shared);
    return r;
}

/* Appends n items (increfs them); items must not point into l. Locked. */
static int lst_append_array(ListObject *l, const Value *items, size_t n, bool shared)
{
    if (lst_reserve(l, l->size + n, shared) < 0)
        return -1;
    for (size_t i = 0; i < n; i++)
        lst_set_slot(l->items, l->size + i, wf_incref(items[i]));
    lst_set_size(l, l->size + n);
    return 0;
}

/* Appends what `it` yields, holding the list's lock as CPython does (it is
 * suspended whenever the iteration blocks). */
static int lst_extend_iter(Value list, Value it)
{
    ListObject *l = lst(list);
    int r = 0;
    WF_CRITSEC_BEGIN(l);
    for (;;) {
        Value x = wf_next(it);
        if (!x) {
            r = wf_err_occurred() ? -1 : 0;
            break;
        }
        r = lst_append_locked(l, x, wf_runtime_multithreaded());
        wf_decref(x);
        if (r < 0)
            break;
    }
    WF_CRITSEC_END();
    return r;
}

static Value lst_fast(Value v, const char *msg);

int wf_list_extend(Value list, Value iterable)
{
    ListObject *l = lst(list);
    if (iterable == list) {
        /* Snapshot first: l.extend(l) must double l exactly once. A
         * subclass may iterate differently: take what it yields. */
        Value copy = wf_is_list_exact(list) ? lst_snapshot(l)
                                            : lst_fast(list, "can only extend with an iterable");
        if (!copy)
            return -1;
        WfCritSec cs;
        bool shared = lst_begin(&cs, l);
        int r = lst_append_array(l, lst(copy)->items, lst(copy)->size, shared);
        lst_end(&cs, shared);
        wf_decref(copy);
        return r;
    }
    if (wf_is_list_exact(iterable)) {
        WfCritSec cs;
        bool shared = lst_begin2(&cs, l, lst(iterable));
        int r = lst_append_array(l, lst(iterable)->items, lst(iterable)->size, shared);
        lst_end(&cs, shared);
        return r;
    }
    if (wf_is_tuple_exact(iterable)) {
        WfCritSec cs;
        bool shared = lst_begin(&cs, l);
        int r = lst_append_array(l, wf_as_tuple(iterable)->items, wf_as_tuple(iterable)->size, shared);
        lst_end(&cs, shared);
        return r;
    }
    if (wf_is_dict_exact(iterable) && wf_runtime_multithreaded()) {
        /* As free-threaded CPython: the keys are taken in one step under the
         * dict's lock, so list(d) never sees another thread's insert as a
         * size change during iteration. */
        Value keys = wf_dict_keys_list(iterable);
        if (!keys)
            return -1;
        int r = wf_list_extend(list, keys);
        wf_decref(keys);
        return r;
    }
    Value it = wf_iter(iterable);
    if (!it)
        return -1;
    int r = lst_extend_iter(list, it);
    wf_decref(it);
    return r;
}

Value wf_list_from_iterable(Value it)
{
    Value l = wf_list_new(0);
    if (l && wf_list_extend(l, it) < 0) {
        wf_decref(l);
        return 0;
    }
    return l;
}

Value wf_list_as_tuple(Value list)
{
    ListObject *l = lst(list);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    Value r = wf_tuple_from_array(l->items, l->size);
    lst_end(&cs, shared);
    return r;
}

Value wf_list_get_ref(Value list, size_t i)
{
    return wf_list_get_ref_at(lst(list), i);
}

static void lst_dealloc(Object *o)
{
    ListObject *l = (ListObject *)o;
    TypeObject *type = o->ob_type;
    bool deep = l->size != 0;  /* only items can nest deallocations */
    if (deep && !wf_seq_trash_begin(o, lst_dealloc))
        return;
    /* Nobody else holds the list any more, so no reader either: free now. */
    lst_clear(l, false);
    if (type->tp_dictoffset) {
        Value *slot = (Value *)((char *)o + type->tp_dictoffset);
        Value d = *slot;
        *slot = 0;
        wf_decref(d);
    }
    if (type == &wf_type_list)
        wf_object_free_sized(o, sizeof(ListObject));
    else
        wf_object_free(o);
    if (deep)
        wf_seq_trash_end();
}

/* ---- repr, hash, compare ---- */

static Value lst_repr(Value self)
{
    ListObject *l = lst(self);
    if (wf_list_load_size(l) == 0)
        return wf_str_from_cstr("[]");
    int busy = wf_repr_enter(self);
    if (busy)
        return busy < 0 ? 0 : wf_str_from_cstr("[...]");
    /* Depth is guarded by wf_repr (wf_enter_recursive_call) on each item. */
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_char(&sb, '[');
    int err = 0;
    /* An item's repr may shrink the list: re-check the size every step. */
    for (size_t i = 0; !err; i++) {
        Value x = wf_list_get_ref_at(l, i);
        if (!x)
            break;
        if (i)
            wf_sb_add_c(&sb, ", ");
        err = wf_sb_add_repr(&sb, x);
        wf_decref(x);
    }
    wf_repr_leave(self);
    if (err) {
        wf_sb_discard(&sb);
        return 0;
    }
    wf_sb_add_char(&sb, ']');
    return wf_sb_finish(&sb);
}

static Value lst_item_at(Value seq, size_t i, size_t *size)
{
    ListObject *l = lst(seq);
    *size = wf_list_load_size(l);
    return wf_list_peek_at(l, i);   /* borrowed: wf_seq_richcompare increfs before any call */
}

static Value lst_richcompare(Value a, Value b, int op)
{
    if (!wf_is_list(a) || !wf_is_list(b))
        return wf_incref(wf_NotImplemented);
    return wf_seq_richcompare(a, b, op, lst_item_at);
}

/* ---- operators ---- */

static Value lst_repeat_locked(ListObject *l, intptr_t n)
{
    size_t len = l->size;
    if (n <= 0 || len == 0)
        return wf_list_new(0);
    if ((size_t)n > (SIZE_MAX / sizeof(Value) - sizeof(ListBlock)) / len)
        return wf_err_no_memory();
    size_t total = len * (size_t)n;
    Value r = lst_new_items(total, false);
    if (!r)
        return 0;
    Value *dst = lst(r)->items, *src = l->items;
    for (size_t i = 0; i < total; i++)
        dst[i] = wf_incref(src[i % len]);
    return r;
}

/* Built-in types never take a list on their reflected side, so the
 * TypeError can be raised at once; user classes may define __radd__. */
static Value lst_repeat_value(Value seq, intptr_t k)
{
    ListObject *l = lst(seq);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    Value r = lst_repeat_locked(l, k);
    lst_end(&cs, shared);
    return r;
}

static Value lst_concat(ListObject *a, ListObject *b)
{
    WfCritSec cs;
    bool shared = lst_begin2(&cs, a, b);
    Value r = lst_new_items(a->size + b->size, false);
    if (r) {
        Value *dst = lst(r)->items;
        for (size_t i = 0; i < a->size; i++)
            dst[i] = wf_incref(a->items[i]);
        for (size_t i = 0; i < b->size; i++)
            dst[a->size + i] = wf_incref(b->items[i]);
    }
    lst_end(&cs, shared);
    return r;
}

static Value lst_binop(Value a, Value b, int op)
{
    if (op == WF_BINOP_ADD && wf_is_list(a)) {
        if (wf_is_list(b))
            return lst_concat(lst(a), lst(b));
        if (wf_seq_other_may_handle(b))
            return wf_incref(wf_NotImplemented);
        return wf_err_format(wf_exc_TypeError,
                             "can only concatenate list (not \"%T\") to list", b);
    }
    if (op == WF_BINOP_MUL)
        return wf_seq_repeat_binop(a, b, wf_is_list(a), lst_repeat_value);
    return wf_incref(wf_NotImplemented);
}

static int lst_inplace_repeat_locked(ListObject *l, intptr_t n, bool shared)
{
    size_t len = l->size;
    if (n <= 0 || len == 0) {
        lst_clear(l, shared);
        return 0;
    }
    if ((size_t)n > (SIZE_MAX / sizeof(Value) - sizeof(ListBlock)) / len) {
        wf_err_no_memory();
        return -1;
    }
    if (lst_reserve(l, len * (size_t)n, shared) < 0)
        return -1;
    for (size_t i = len; i < len * (size_t)n; i++)
        lst_set_slot(l->items, i, wf_incref(l->items[i % len]));
    lst_set_size(l, len * (size_t)n);
    return 0;
}

static Value lst_inplace(Value a, Value b, int op)
{
    if (op == WF_BINOP_ADD) {
        if (wf_list_extend(a, b) < 0)
            return 0;
        return wf_incref(a);
    }
    if (op == WF_BINOP_MUL) {
        intptr_t k;
        int r = wf_seq_repeat_count(b, &k);
        if (r < 0)
            return 0;
        if (r == 0)
            return wf_err_format(wf_exc_TypeError,
                                 "can't multiply sequence by non-int of type '%T'", b);
        WfCritSec cs;
        bool shared = lst_begin(&cs, lst(a));
        r = lst_inplace_repeat_locked(lst(a), k, shared);
        lst_end(&cs, shared);
        return r < 0 ? 0 : wf_incref(a);
    }
    return wf_incref(wf_NotImplemented);
}

/* ---- indexing and slicing ---- */

Value wf_list_slice(Value self, intptr_t start, intptr_t stop, intptr_t step)
{
    ListObject *l = lst(self);
    intptr_t n = wf_slice_adjust((intptr_t)wf_list_load_size(l), &start, &stop, step);
    Value r = lst_new_items(n > 0 ? (size_t)n : 0, false);
    if (!r)
        return 0;
    ListObject *rl = lst(r);
    size_t k = 0;
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    /* The size was read without the lock (and unpacking a slice may have run
     * __index__ code): clamp to the size now. */
    for (intptr_t j = start; k < (size_t)n && j >= 0 && (size_t)j < l->size; k++, j += step)
        rl->items[k] = wf_incref(l->items[j]);
    lst_end(&cs, shared);
    rl->size = k;
    return r;
}

static Value lst_slice(Value self, Value slice)
{
    intptr_t start, stop, step;
    if (wf_slice_unpack(slice, &start, &stop, &step) < 0)
        return 0;
    return wf_list_slice(self, start, stop, step);
}

static Value lst_getitem(Value self, Value key)
{
    if (wf_is_type_exact(key, &wf_type_slice))
        return lst_slice(self, key);
    intptr_t i;
    int r = wf_seq_key_index(key, &i, wf_exc_IndexError);
    if (r < 0)
        return 0;
    if (r == 0) {
        if (wf_is_type_exact(key, &wf_type_slice))
            return lst_slice(self, key);
        return wf_err_format(wf_exc_TypeError,
                             "list indices must be integers or slices, not %T", key);
    }
    Value v = wf_list_fast_get(self, i);
    if (!v)
        return wf_err_set_str(wf_exc_IndexError, "list index out of range");
    return v;
}

/* The items of an assigned value as a fresh list (CPython's PySequence_Fast
 * with its TypeError message). */
static Value lst_fast(Value v, const char *msg)
{
    if (wf_is_list_exact(v))
        return lst_snapshot(lst(v));
    if (wf_is_tuple_exact(v))
        return wf_list_from_array(wf_as_tuple(v)->items, wf_as_tuple(v)->size);
    Value it = wf_iter(v);
    if (!it) {
        if (wf_err_matches(wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_set_str(wf_exc_TypeError, msg);
        }
        return 0;
    }
    Value r = wf_list_new(0);
    if (lst_extend_iter(r, it) < 0) {
        wf_decref(r);
        r = 0;
    }
    wf_decref(it);
    return r;
}

/* Replace l[lo:hi] by the n items of src (new refs taken); src is not l's
 * storage. Locked; no callback runs until the old items are released at the
 * end (deferred when shared). */
static int lst_splice(ListObject *l, intptr_t lo, intptr_t hi, const Value *src, size_t n, bool shared)
{
    intptr_t size = (intptr_t)l->size;
    if (lo < 0)
        lo = 0;
    else if (lo > size)
        lo = size;
    if (hi < lo)
        hi = lo;
    else if (hi > size)
        hi = size;
    size_t nold = (size_t)(hi - lo);
    Value small[8], *old = nold <= 8 ? small : wf_mem_alloc(nold * sizeof(Value));
    if (nold)  /* an empty list may have no storage: never pass NULL to memcpy */
        memcpy(old, l->items + lo, nold * sizeof(Value));
    if (n > nold && lst_reserve(l, l->size + (n - nold), shared) < 0) {
        if (old != small)
            wf_mem_free(old);
        return -1;
    }
    if (size > hi)
        lst_move(l->items, (size_t)lo + n, (size_t)hi, (size_t)(size - hi), shared);
    for (size_t i = 0; i < n; i++)
        lst_set_slot(l->items, (size_t)lo + i, wf_incref(src[i]));
    lst_set_size(l, l->size - nold + n);
    for (size_t i = 0; i < nold; i++)
        lst_drop(old[i], shared);
    if (old != small)
        wf_mem_free(old);
    return 0;
}

/* lst_splice as one write of its own. */
static int lst_splice1(ListObject *l, intptr_t lo, intptr_t hi, const Value *src, size_t n)
{
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    int r = lst_splice(l, lo, hi, src, n, shared);
    lst_end(&cs, shared);
    return r;
}

/* l[lo:hi] = v (v == 0: del l[lo:hi]). */
static int lst_ass_slice(Value self, intptr_t lo, intptr_t hi, Value v)
{
    ListObject *l = lst(self);
    if (!v)
        return lst_splice1(l, lo, hi, NULL, 0);
    /* Another exact list or a tuple: splice its items in place (as
     * CPython's PySequence_Fast); lst_splice reads them before any decref. */
    if (v != self && wf_is_list_exact(v)) {
        WfCritSec cs;
        bool shared = lst_begin2(&cs, l, lst(v));
        int r = lst_splice(l, lo, hi, lst(v)->items, lst(v)->size, shared);
        lst_end(&cs, shared);
        return r;
    }
    if (wf_is_tuple_exact(v))
        return lst_splice1(l, lo, hi, wf_as_tuple(v)->items, wf_as_tuple(v)->size);
    Value items = lst_fast(v, "can only assign an iterable");
    if (!items)
        return -1;
    int r = lst_splice1(l, lo, hi, lst(items)->items, lst(items)->size);
    wf_decref(items);
    return r;
}

/* del l[start::step] for step != 1, slicelength n > 0. Locked. */
static void lst_del_extended(ListObject *l, intptr_t start, intptr_t step, intptr_t n, bool shared)
{
    if (step < 0) {  /* the same items, walked upwards */
        start = start + step * (n - 1);
        step = -step;
    }
    Value *old = wf_mem_alloc((size_t)n * sizeof(Value));
    size_t w = (size_t)start, k = 0;
    for (size_t r = (size_t)start; r < l->size; r++) {
        if (k < (size_t)n && r == (size_t)start + k * (size_t)step)
            old[k++] = l->items[r];
        else
            lst_set_slot(l->items, w++, l->items[r]);
    }
    lst_set_size(l, w);
    for (size_t i = 0; i < k; i++)
        lst_drop(old[i], shared);
    wf_mem_free(old);
}

/* l[start::step] = items, n == len(items). Locked. */
static int lst_ass_extended_locked(ListObject *l, intptr_t start, intptr_t step, intptr_t n,
                                   ListObject *src, bool shared)
{
    /* Converting v may have run code that shrank the list. */
    if (n > 0 && (start >= (intptr_t)l->size || start + step * (n - 1) >= (intptr_t)l->size))
        return wf_err_set_str(wf_exc_IndexError, "list assignment index out of range"), -1;
    Value *old = wf_mem_alloc((size_t)(n ? n : 1) * sizeof(Value));
    for (intptr_t i = 0, j = start; i < n; i++, j += step) {
        old[i] = l->items[j];
        lst_set_slot(l->items, (size_t)j, wf_incref(src->items[i]));
    }
    for (intptr_t i = 0; i < n; i++)
        lst_drop(old[i], shared);
    wf_mem_free(old);
    return 0;
}

static int lst_ass_extended(Value self, intptr_t start, intptr_t step, intptr_t n, Value v)
{
    Value items = lst_fast(v, "must assign iterable to extended slice");
    if (!items)
        return -1;
    ListObject *src = lst(items), *l = lst(self);
    if (src->size != (size_t)n) {
        size_t got = src->size;
        wf_decref(items);
        return wf_err_format(wf_exc_ValueError,
                             "attempt to assign sequence of size %zu to extended slice of size %zd",
                             got, n), -1;
    }
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    int r = lst_ass_extended_locked(l, start, step, n, src, shared);
    lst_end(&cs, shared);
    wf_decref(items);
    return r;
}

int wf_list_store_slice(Value self, intptr_t start, intptr_t stop, intptr_t step, Value v)
{
    intptr_t n = wf_slice_adjust((intptr_t)wf_list_load_size(lst(self)), &start, &stop, step);
    if (step == 1)
        return lst_ass_slice(self, start, stop, v);
    if (!v) {
        if (n > 0) {
            WfCritSec cs;
            bool shared = lst_begin(&cs, lst(self));
            lst_del_extended(lst(self), start, step, n, shared);
            lst_end(&cs, shared);
        }
        return 0;
    }
    return lst_ass_extended(self, start, step, n, v);
}

static int lst_ass_subscript_slice(Value self, Value slice, Value v)
{
    intptr_t start, stop, step;
    if (wf_slice_unpack(slice, &start, &stop, &step) < 0)
        return -1;
    return wf_list_store_slice(self, start, stop, step, v);
}

/* l[i] = v (v == 0: del l[i]), i a C index: 1 done, 0 out of range. Locked. */
static int lst_store_index(ListObject *l, intptr_t i, Value v, bool shared)
{
    if (i < 0)
        i += (intptr_t)l->size;
    if (i < 0 || (size_t)i >= l->size)
        return 0;
    if (!v)
        return lst_splice(l, i, i + 1, NULL, 0, shared) < 0 ? -1 : 1;
    Value old = l->items[i];
    lst_set_slot(l->items, (size_t)i, wf_incref(v));
    lst_drop(old, shared);
    return 1;
}

bool wf_list_set_locked(Value list, intptr_t i, Value v)
{
    ListObject *l = lst(list);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    int r = lst_store_index(l, i, v, shared);
    lst_end(&cs, shared);
    return r > 0;
}

static int lst_setitem(Value self, Value key, Value v)
{
    if (wf_is_type_exact(key, &wf_type_slice))
        return lst_ass_subscript_slice(self, key, v);
    intptr_t i;
    int r = wf_seq_key_index(key, &i, wf_exc_IndexError);
    if (r < 0)
        return -1;
    if (r == 0) {
        if (wf_is_type_exact(key, &wf_type_slice))
            return lst_ass_subscript_slice(self, key, v);
        return wf_err_format(wf_exc_TypeError,
                             "list indices must be integers or slices, not %T", key), -1;
    }
    WfCritSec cs;
    bool shared = lst_begin(&cs, lst(self));
    r = lst_store_index(lst(self), i, v, shared);
    lst_end(&cs, shared);
    if (r == 0)
        return wf_err_set_str(wf_exc_IndexError, "list assignment index out of range"), -1;
    return r < 0 ? -1 : 0;
}

/* ---- sequence protocol ---- */

/* Index of the first item == x in [start, stop), -1 if none, -2 on error.
 * Lock-free: each item is peeked, and held by a reference of our own while
 * its __eq__ runs. */
static intptr_t lst_find(ListObject *l, Value x, intptr_t start, intptr_t stop)
{
    for (intptr_t i = start; i < stop; i++) {
        Value item = wf_list_peek_at(l, (size_t)i);
        if (!item)
            return -1;
        if (item == x)
            return i;
        if (wf_is_small(item) && wf_is_small(x))
            continue;
        wf_incref(item);
        int r = wf_richcompare_bool(item, x, WF_EQ);
        wf_decref(item);
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    return -1;
}

static int lst_contains(Value self, Value x)
{
    intptr_t i = lst_find(lst(self), x, 0, INTPTR_MAX);
    return i == -2 ? -1 : i >= 0;
}

static intptr_t lst_len(Value self) { return (intptr_t)wf_list_load_size(lst(self)); }
static int lst_bool(Value self) { return wf_list_load_size(lst(self)) != 0; }

static Value lst_iter(Value self)
{
    return wf_seqiter_make(&wf_type_list_iterator, self, 0);
}

/* ---- methods ---- */

/* Common prologue: no keywords, nargs in [min, max]. */
static inline int lst_args(const char *name, size_t nargs, Value kwnames, size_t min, size_t max)
{
    if (WF_LIKELY(!kwnames && nargs >= min && nargs <= max))
        return 0;
    if (wf_seq_no_kwargs(name, kwnames) < 0)
        return -1;
    return wf_check_nargs(name, nargs, min, max);
}

static Value lst_m_append(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.append", nargs, kwnames, 1, 1) < 0 || wf_list_append(self, args[0]) < 0)
        return 0;
    return wf_None;
}

static Value lst_m_extend(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.extend", nargs, kwnames, 1, 1) < 0 || wf_list_extend(self, args[0]) < 0)
        return 0;
    return wf_None;
}

static Value lst_m_insert(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("insert", nargs, kwnames, 2, 2) < 0)
        return 0;
    intptr_t i;
    if (wf_seq_int_arg(args[0], &i, "ssize_t") < 0)
        return 0;
    ListObject *l = lst(self);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    intptr_t n = (intptr_t)l->size;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    } else if (i > n) {
        i = n;
    }
    int r = lst_splice(l, i, i, &args[1], 1, shared);
    lst_end(&cs, shared);
    return r < 0 ? 0 : wf_None;
}

/* Removes and returns l[i] (a new reference), or 0 with *err set. Locked. */
static Value lst_pop_locked(ListObject *l, intptr_t i, const char **err, bool shared)
{
    size_t n = l->size;
    if (n == 0) {
        *err = "pop from empty list";
        return 0;
    }
    if (i < 0)
        i += (intptr_t)n;
    if (i < 0 || (size_t)i >= n) {
        *err = "pop index out of range";
        return 0;
    }
    Value v = l->items[i];
    lst_move(l->items, (size_t)i, (size_t)i + 1, n - (size_t)i - 1, shared);
    lst_set_size(l, n - 1);
    if (shared) {
        /* A reader may have loaded v: the caller gets a reference of its
         * own, the list's goes after a grace period. */
        wf_incref(v);
        wf_defer_decref(v);
    }
    return v;
}

static Value lst_m_pop(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("pop", nargs, kwnames, 0, 1) < 0)
        return 0;
    intptr_t i = -1;
    if (nargs && wf_seq_int_arg(args[0], &i, "ssize_t") < 0)
        return 0;
    ListObject *l = lst(self);
    const char *err = NULL;
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    Value v = lst_pop_locked(l, i, &err, shared);
    lst_end(&cs, shared);
    if (!v)
        return wf_err_set_str(wf_exc_IndexError, err);
    return v;
}

static Value lst_m_remove(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.remove", nargs, kwnames, 1, 1) < 0)
        return 0;
    ListObject *l = lst(self);
    intptr_t i;
    int r = 0;
    /* Always locked: the comparisons run Python code (rule 5). */
    WF_CRITSEC_BEGIN(l);
    i = lst_find(l, args[0], 0, INTPTR_MAX);
    if (i >= 0)
        r = lst_splice(l, i, i + 1, NULL, 0, wf_runtime_multithreaded());
    WF_CRITSEC_END();
    if (i == -2 || r < 0)
        return 0;
    if (i == -1)
        return wf_err_set_str(wf_exc_ValueError, "list.remove(x): x not in list");
    return wf_None;
}

static Value lst_m_index(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("index", nargs, kwnames, 1, 3) < 0)
        return 0;
    intptr_t start, stop;
    if (wf_seq_index_bounds(args + 1, nargs - 1, wf_list_load_size(lst(self)), &start, &stop) < 0)
        return 0;
    intptr_t i = lst_find(lst(self), args[0], start, stop);
    if (i == -2)
        return 0;
    if (i == -1)
        return wf_err_format(wf_exc_ValueError, "%R is not in list", args[0]);
    return wf_small(i);
}

static Value lst_m_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.count", nargs, kwnames, 1, 1) < 0)
        return 0;
    intptr_t n = 0;
    ListObject *l = lst(self);
    for (size_t i = 0;; i++) {
        Value item = wf_list_peek_at(l, i);
        if (!item)
            break;
        if (wf_is_small(item) && wf_is_small(args[0])) {
            n += item == args[0];
            continue;
        }
        wf_incref(item);
        int r = wf_seq_eq(item, args[0]);
        wf_decref(item);
        if (r < 0)
            return 0;
        n += r;
    }
    return wf_small(n);
}

static Value lst_m_reverse(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.reverse", nargs, kwnames, 0, 0) < 0)
        return 0;
    ListObject *l = lst(self);
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    for (size_t i = 0, j = l->size; i + 1 < j; i++, j--) {
        Value t = l->items[i];
        lst_set_slot(l->items, i, l->items[j - 1]);
        lst_set_slot(l->items, j - 1, t);
    }
    lst_end(&cs, shared);
    return wf_None;
}

static Value lst_m_copy(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.copy", nargs, kwnames, 0, 0) < 0)
        return 0;
    return lst_snapshot(lst(self));
}

static void lst_clear1(ListObject *l)
{
    WfCritSec cs;
    bool shared = lst_begin(&cs, l);
    lst_clear(l, shared);
    lst_end(&cs, shared);
}

static Value lst_m_clear(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.clear", nargs, kwnames, 0, 0) < 0)
        return 0;
    lst_clear1(lst(self));
    return wf_None;
}

/* sort(*, key=None, reverse=False) */
static Value lst_m_sort(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    Value key = wf_None, rev = wf_False;
    if (wf_parse_args("sort", args, nargs, kwnames, "|$OO", names, &key, &rev) < 0)
        return 0;
    intptr_t reverse;
    if (wf_seq_int_arg(rev, &reverse, "int") < 0)
        return 0;
    if (wf_list_sort(self, key == wf_None ? 0 : key, reverse != 0) < 0)
        return 0;
    return wf_None;
}

static Value lst_m_reversed(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (lst_args("list.__reversed__", nargs, kwnames, 0, 0) < 0)
        return 0;
    return wf_seqiter_make(&wf_type_list_reverseiterator, self,
                           (intptr_t)wf_list_load_size(lst(self)) - 1);
}

/* list.__init__(iterable=()): clears, then extends. */
static int lst_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_seq_no_kwargs("list", kwnames) < 0 || wf_check_nargs("list", nargs, 0, 1) < 0)
        return -1;
    lst_clear1(lst(self));
    return nargs ? wf_list_extend(self, args[0]) : 0;
}

static Value lst_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    return lst_alloc(type);
}

static const MethodDef lst_methods[] = {
    {"append", lst_m_append, 0, "Append object to the end of the list."},
    {"extend", lst_m_extend, 0, "Extend list by appending elements from the iterable."},
    {"insert", lst_m_insert, 0, "Insert object before index."},
    {"pop", lst_m_pop, 0, "Remove and return item at index (default last)."},
    {"remove", lst_m_remove, 0, "Remove first occurrence of value."},
    {"index", lst_m_index, 0, "Return first index of value."},
    {"count", lst_m_count, 0, "Return number of occurrences of value."},
    {"sort", lst_m_sort, 0, "Sort the list in ascending order and return None."},
    {"reverse", lst_m_reverse, 0, "Reverse *IN PLACE*."},
    {"copy", lst_m_copy, 0, "Return a shallow copy of the list."},
    {"clear", lst_m_clear, 0, "Remove all items from list."},
    {"__reversed__", lst_m_reversed, 0, "Return a reverse iterator over the list."},
    {"__class_getitem__", wf_seq_class_getitem, WF_METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject wf_type_list = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "list",
    .tp_basicsize = sizeof(ListObject),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_LIST_SUBCLASS,
    .tp_base = &wf_type_object,
    .tp_dealloc = lst_dealloc,
    .tp_repr = lst_repr,
    .tp_richcompare = lst_richcompare,
    .tp_iter = lst_iter,
    .tp_new = lst_new,
    .tp_init = lst_init,
    .tp_len = lst_len,
    .tp_getitem = lst_getitem,
    .tp_setitem = lst_setitem,
    .tp_contains = lst_contains,
    .tp_bool = lst_bool,
    .tp_binop = lst_binop,
    .tp_inplace = lst_inplace,
    .tp_methods = lst_methods,
};

void wf_list_init(void)
{
    wf_type_ready(&wf_type_list);
    wf_type_ready(&wf_type_list_iterator);
    wf_type_ready(&wf_type_list_reverseiterator);
}
