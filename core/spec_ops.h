/* weft: helpers of the specialized operator and subscript forms. */
/* Operands of core/spec/ops.def's uops -> results; slow paths in core/spec_ops.c. */
#ifndef WF_SPEC_OPS_H
#define WF_SPEC_OPS_H

#include "weft.h"
#include "thread.h"

/* ---- small ints on their tagged words (value.h: v = 2*i + 1) ----
 * 2a+1 + 2b = 2(a+b)+1, 2a+1 - 2b = 2(a-b)+1 and a * 2b + 1 = 2ab+1 are the
 * tagged results, and the 64-bit word overflows exactly when the result
 * leaves the small range (which spans the word): one instruction and a flag
 * test instead of untag, compute, range check, retag. False on overflow. */
static inline bool wf_spec_small_add(Value a, Value b, Value *res)
{
    intptr_t r;
    if (__builtin_add_overflow((intptr_t)a, (intptr_t)b - 1, &r))
        return false;
    *res = (Value)r;
    return true;
}
static inline bool wf_spec_small_sub(Value a, Value b, Value *res)
{
    intptr_t r;
    if (__builtin_sub_overflow((intptr_t)a, (intptr_t)b - 1, &r))
        return false;
    *res = (Value)r;
    return true;
}
static inline bool wf_spec_small_mul(Value a, Value b, Value *res)
{
    intptr_t r;
    if (__builtin_mul_overflow(wf_small_val(a), (intptr_t)b - 1, &r))
        return false;
    *res = (Value)r | 1;
    return true;
}
/* a OP b for two small ints whose result left the small range: a heap int
 * (or 0 with MemoryError). */
Value wf_spec_small_binop_big(Value a, Value b, int op);

/* ---- floats ---- */

/* A float only the value stack references, owned by this thread (object.h's
 * wf_object_is_unique, with the thread state's id): its count cannot change
 * behind our back, so an operation may write its result into it. The
 * generic BINARY_OP and UNARY_NEGATIVE (ceval.c) use these helpers too. */
static inline bool wf_spec_float_unique(ThreadState *ts, Value v)
{
    Object *o = wf_obj(v);
    return wf_refcnt_local(o) == 1 && wf_object_tid(o) == ts->tid &&
           atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed) == 0;
}
/* r as the result of a float operation on a and b (exact floats): written
 * into whichever operand is unique (as CPython 3.13 does), else a new float.
 * Consumes a and b; 0 on MemoryError. */
static inline __attribute__((always_inline)) Value wf_spec_float_result(ThreadState *ts, Value a, Value b, double r)
{
    if (wf_spec_float_unique(ts, a)) {
        ((FloatObject *)wf_obj(a))->value = r;
        wf_float_decref(b);
        return a;
    }
    if (wf_spec_float_unique(ts, b)) {
        ((FloatObject *)wf_obj(b))->value = r;
        wf_float_decref(a);
        return b;
    }
    Value res = wf_float_new_inline(r);
    wf_float_decref(a);
    wf_float_decref(b);
    return res;
}
/* The same for a float f and a small int (nothing to release). */
static inline __attribute__((always_inline)) Value wf_spec_float_result1(ThreadState *ts, Value f, double r)
{
    if (wf_spec_float_unique(ts, f)) {
        ((FloatObject *)wf_obj(f))->value = r;
        return f;
    }
    Value res = wf_float_new_inline(r);
    wf_float_decref(f);
    return res;
}
/* x OP y for the mixed float/int forms (oparg without WF_BINOP_INPLACE is
 * + - * or /; the specializer picks no other). False for a division by
 * zero: the generic path raises it. */
static inline bool wf_spec_float_arith(int op, double x, double y, double *r)
{
    switch (op) {
    case WF_BINOP_ADD: *r = x + y; return true;
    case WF_BINOP_SUB: *r = x - y; return true;
    case WF_BINOP_MUL: *r = x * y; return true;
    default:
        if (y == 0.0)
            return false;
        *r = x / y;
        return true;
    }
}

/* ---- comparisons without a switch on the operator ----
 * The outcome of comparing two numbers is one of four bits (less, equal,
 * greater, unordered: a nan); COMPARE_OP's oparg (WF_LT..WF_GE) is true for
 * the outcomes in its mask. */
enum { WF_CMP_LESS = 1, WF_CMP_EQUAL = 2, WF_CMP_GREATER = 4, WF_CMP_UNORDERED = 8 };
static const uint8_t wf_spec_cmp_mask[6] = {
    [WF_LT] = WF_CMP_LESS,
    [WF_LE] = WF_CMP_LESS | WF_CMP_EQUAL,
    [WF_EQ] = WF_CMP_EQUAL,
    [WF_NE] = WF_CMP_LESS | WF_CMP_GREATER | WF_CMP_UNORDERED,
    [WF_GT] = WF_CMP_GREATER,
    [WF_GE] = WF_CMP_GREATER | WF_CMP_EQUAL,
};
/* Two small ints: their tagged words compare as the ints do. */
static inline bool wf_spec_cmp_small(Value a, Value b, int op)
{
    intptr_t x = (intptr_t)a, y = (intptr_t)b;
    unsigned outcome = 1u << ((x > y) - (x < y) + 1);
    return (wf_spec_cmp_mask[op] & outcome) != 0;
}
/* The ints that convert to a double exactly: |i| <= 2**53. */
#define WF_SPEC_EXACT_DOUBLE ((intptr_t)1 << 53)
static inline bool wf_spec_cmp_double(double x, double y, int op)
{
    unsigned outcome = (unsigned)(x < y) | (unsigned)(x == y) << 1 | (unsigned)(x > y) << 2;
    outcome |= (unsigned)(outcome == 0) << 3;
    return (wf_spec_cmp_mask[op] & outcome) != 0;
}

/* ---- subscripts ---- */

/* Slice bounds that need no __index__ call: small ints or None, and a step
 * that is not 0 (the generic path raises that ValueError). */
static inline bool wf_spec_slice_small(Value start, Value stop, Value step)
{
    return (wf_is_small(start) || start == wf_None) && (wf_is_small(stop) || stop == wf_None) &&
           (wf_is_small(step) || step == wf_None) && step != wf_small(0);
}
/* What wf_slice_unpack (slice.c) makes of such bounds: b = start, stop, step. */
static inline void wf_spec_slice_unpack(Value start, Value stop, Value step, intptr_t b[3])
{
    b[2] = step == wf_None ? 1 : wf_small_val(step);
    b[0] = start != wf_None ? wf_small_val(start) : b[2] < 0 ? INTPTR_MAX : 0;
    b[1] = stop != wf_None ? wf_small_val(stop) : b[2] < 0 ? INTPTR_MIN : INTPTR_MAX;
}

/* dict[key] for an exact dict: a new reference, or 0 with KeyError (no
 * __missing__ on an exact dict) or the error of the key's __hash__/__eq__. */
Value wf_spec_dict_subscr(Value dict, Value key);

#endif
