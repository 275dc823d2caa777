/* weft: helpers shared by the sequence types (indexes, comparison, trashcan). */
/* (keys, bounds, pairs of sequences) -> C indexes, CPython's errors, results. */
#include "seq.h"

/* An exact int (or bool) as int64; 0 ok, -1 + OverflowError if too big. */
static int su_int_value(Value v, int64_t *out)
{
    if (wf_is_small(v)) {
        *out = wf_small_val(v);
        return 0;
    }
    if (wf_is_bool(v)) {
        *out = ((BoolObject *)wf_obj(v))->value;
        return 0;
    }
    return wf_int_as_i64(v, out);
}

/* v as an int: new ref of an int, 0 without exception if v has no
 * __index__, 0 with exception on error. */
static Value su_as_int(Value v)
{
    if (wf_is_int(v))
        return wf_incref(v);
    if (!wf_type(v)->tp_index)
        return 0;
    return wf_index(v);
}

int wf_seq_key_index_slow(Value key, intptr_t *out, TypeObject *overflow_exc)
{
    Value i = su_as_int(key);
    if (!i)
        return wf_err_occurred() ? -1 : 0;
    int64_t x;
    int r = su_int_value(i, &x);
    wf_decref(i);
    if (r < 0) {
        if (!wf_err_matches(wf_exc_OverflowError))
            return -1;
        wf_err_clear();
        return wf_err_format(overflow_exc, "cannot fit '%T' into an index-sized integer", key), -1;
    }
    *out = (intptr_t)x;
    return 1;
}

int wf_seq_int_arg(Value v, intptr_t *out, const char *ctype)
{
    bool c_int = strcmp(ctype, "int") == 0;
    int r = wf_seq_key_index(v, out, wf_exc_OverflowError);
    if (r == 0)
        return wf_err_format(wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", v), -1;
    if (r < 0) {
        if (!wf_err_matches(wf_exc_OverflowError))
            return -1;
        wf_err_clear();
    } else if (!c_int || (*out >= INT32_MIN && *out <= INT32_MAX)) {
        return 0;
    }
    return wf_err_format(wf_exc_OverflowError, "Python int too large to convert to C %s",
                         c_int ? "int" : "ssize_t"), -1;
}

int wf_seq_clamped_index_slow(Value v, intptr_t *out)
{
    Value i = su_as_int(v);
    if (!i)
        return wf_err_occurred() ? -1 : 0;
    int64_t x;
    if (su_int_value(i, &x) < 0) {
        wf_err_clear();
        x = wf_int_sign(i) < 0 ? INT64_MIN : INT64_MAX;
    }
    wf_decref(i);
    *out = (intptr_t)x;
    return 1;
}

/* One bound of index(x, start, stop): clamped to [0, size]. */
static int su_bound(Value v, size_t size, intptr_t *out)
{
    intptr_t x;
    int r = wf_seq_clamped_index(v, &x);
    if (r <= 0) {
        if (r == 0)
            wf_err_set_str(wf_exc_TypeError,
                           "slice indices must be integers or have an __index__ method");
        return -1;
    }
    if (x < 0) {
        x += (intptr_t)size;
        if (x < 0)
            x = 0;
    }
    *out = x;
    return 0;
}

int wf_seq_index_bounds(const Value *args, size_t nargs, size_t size,
                        intptr_t *start, intptr_t *stop)
{
    *start = 0;
    *stop = INTPTR_MAX;
    if (nargs > 0 && su_bound(args[0], size, start) < 0)
        return -1;
    if (nargs > 1 && su_bound(args[1], size, stop) < 0)
        return -1;
    return 0;
}

int wf_seq_repeat_count(Value n, intptr_t *out)
{
    int r = wf_seq_key_index(n, out, wf_exc_OverflowError);
    if (r == 1 && *out < 0)
        *out = 0;
    return r;
}

bool wf_seq_other_may_handle(Value b)
{
    return (wf_type(b)->tp_flags & WF_TPF_HEAPTYPE) && wf_type(b)->tp_binop;
}

Value wf_seq_repeat_binop(Value a, Value b, bool seq_is_left, Value (*repeat)(Value seq, intptr_t k))
{
    Value seq = seq_is_left ? a : b, n = seq_is_left ? b : a;
    intptr_t k;
    int r = wf_seq_repeat_count(n, &k);
    if (r < 0)
        return 0;
    if (r == 1)
        return repeat(seq, k);
    if (seq_is_left && wf_seq_other_may_handle(n))
        return wf_incref(wf_NotImplemented);
    return wf_err_format(wf_exc_TypeError, "can't multiply sequence by non-int of type '%T'", n);
}

/* list[int], tuple[int, ...]: weft has no types.GenericAlias yet, so the
 * annotation evaluates to the class itself. */
Value wf_seq_class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__class_getitem__", nargs, 1, 1) < 0)
        return 0;
    return wf_incref(cls);
}

int wf_seq_no_kwargs(const char *fname, Value kwnames)
{
    if (!kwnames || wf_tuple_size(kwnames) == 0)
        return 0;
    return wf_err_format(wf_exc_TypeError, "%s() takes no keyword arguments", fname), -1;
}

/* The result of comparing two C integers (sizes, small ints) with op. */
static Value su_cmp(int64_t na, int64_t nb, int op)
{
    bool r;
    switch (op) {
    case WF_LT: r = na < nb; break;
    case WF_LE: r = na <= nb; break;
    case WF_EQ: r = na == nb; break;
    case WF_NE: r = na != nb; break;
    case WF_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return wf_incref(wf_bool(r));
}

/* CPython's list_richcompare / tuplerichcompare: find the first index where
 * the items differ (identity or ==), then compare those two items with op.
 * Each __eq__ may mutate either sequence, so sizes are re-read every step. */
Value wf_seq_richcompare(Value a, Value b, int op, SeqItemAt at)
{
    size_t na, nb;
    at(a, 0, &na);
    at(b, 0, &nb);
    if (na != nb && (op == WF_EQ || op == WF_NE))
        return wf_incref(wf_bool(op == WF_NE));
    size_t i = 0;
    for (;; i++) {
        Value x = at(a, i, &na), y = at(b, i, &nb);
        if (!x || !y)
            return su_cmp((int64_t)na, (int64_t)nb, op);
        if (x == y)
            continue;
        if (wf_is_small(x) && wf_is_small(y)) {  /* differ: decide here */
            if (op == WF_EQ || op == WF_NE)
                return wf_bool(op == WF_NE);
            return su_cmp(wf_small_val(x), wf_small_val(y), op);
        }
        wf_incref(x);
        wf_incref(y);
        int eq = wf_richcompare_bool(x, y, WF_EQ);
        if (eq != 1) {
            Value r = 0;
            if (eq == 0) {
                if (op == WF_EQ || op == WF_NE)
                    r = wf_incref(wf_bool(op == WF_NE));
                else
                    r = wf_richcompare(x, y, op);
            }
            wf_decref(x);
            wf_decref(y);
            return r;
        }
        wf_decref(x);
        wf_decref(y);
    }
}

/* ---- the trashcan: bounded C recursion when freeing nested containers ---- */

/* Freeing [[[...]]] decrefs the inner list from the outer one's dealloc, so
 * C recursion grows with the nesting. Past WF_SEQ_TRASH_DEPTH nested
 * deallocs the object (refcount already 0) is parked, and the outermost
 * dealloc frees the parked ones in a loop. Per thread, never shared. */
_Thread_local int wf_seq_trash_depth;
_Thread_local size_t wf_seq_trash_len;
typedef struct SuTrash {
    Object *o;
    void (*dealloc)(Object *);  /* the function that parked o, not tp_dealloc:
                                   a subclass's dealloc already ran its part */
} SuTrash;
static _Thread_local SuTrash *su_trash;
static _Thread_local size_t su_trash_cap;

bool wf_seq_trash_park(Object *o, void (*self)(Object *))
{
    if (wf_seq_trash_len == su_trash_cap) {
        su_trash_cap = su_trash_cap ? 2 * su_trash_cap : 64;
        su_trash = wf_mem_realloc(su_trash, su_trash_cap * sizeof(SuTrash));
    }
    su_trash[wf_seq_trash_len++] = (SuTrash){o, self};
    return false;
}

void wf_seq_trash_drain(void)
{
    /* One level held during the loop, so that the deallocs it runs never
     * bring the depth back to 0 and drain recursively. */
    wf_seq_trash_depth++;
    while (wf_seq_trash_len > 0) {
        SuTrash t = su_trash[--wf_seq_trash_len];
        t.dealloc(t.o);
    }
    wf_seq_trash_depth--;
}
