/* weft: values and their tag layout. */
/* Values -> (small int | heap object) in one machine word. */
#ifndef WF_VALUE_H
#define WF_VALUE_H

/*
 * A Value is one machine word.
 *
 *   bit 0 == 1   small integer: the signed value is (intptr_t)v >> 1.
 *                Range [WF_SMALL_MIN, WF_SMALL_MAX] (62 bits + sign).
 *   bit 0 == 0   pointer to an Object (8-byte aligned), or 0.
 *   v == 0       "no value": the error indicator of every API that returns a
 *                Value (an exception is then set on the thread state), an
 *                unbound local, a deleted dict slot.
 *
 * Invariant: an int whose value fits the small range is ALWAYS tagged; a heap
 * IntObject always holds a value outside it. So two ints are equal iff their
 * tagged words are equal or both are heap and their mpz compare equal.
 * bool is a subclass of int, but True/False are heap objects (not tagged).
 *
 * Touch values only through these accessors. Debug builds (WF_DEBUG) check the
 * tag on every access.
 */
#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>
#include "config.h"

typedef uintptr_t Value;
typedef intptr_t Hash;  /* CPython's Py_hash_t: -1 is reserved for errors */

struct Object;

#define WF_SMALL_MAX ((intptr_t)(((uintptr_t)1 << 62) - 1))
#define WF_SMALL_MIN (-WF_SMALL_MAX - 1)

#ifdef WF_DEBUG
#include <assert.h>
#define WF_ASSERT(c) assert(c)
#else
#define WF_ASSERT(c) ((void)0)
#endif
#define WF_UNREACHABLE() __builtin_unreachable()
#define WF_LIKELY(x) __builtin_expect(!!(x), 1)
#define WF_UNLIKELY(x) __builtin_expect(!!(x), 0)

static inline bool wf_is_small(Value v) { return (v & 1) != 0; }
static inline bool wf_is_obj(Value v) { return v != 0 && (v & 1) == 0; }
static inline bool wf_fits_small(intptr_t i) { return i >= WF_SMALL_MIN && i <= WF_SMALL_MAX; }

/* Caller guarantees wf_fits_small(i); use wf_int_from_i64() otherwise. */
static inline Value wf_small(intptr_t i)
{
    WF_ASSERT(wf_fits_small(i));
    return ((uintptr_t)i << 1) | 1;
}

static inline intptr_t wf_small_val(Value v)
{
    WF_ASSERT(wf_is_small(v));
    return (intptr_t)v >> 1;
}

static inline struct Object *wf_obj(Value v)
{
    WF_ASSERT(wf_is_obj(v));
    return (struct Object *)v;
}

static inline Value wf_val(const void *o) { return (Value)o; }

#endif
