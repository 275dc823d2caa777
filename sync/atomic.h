/* weft: C11 atomics whose names carry their memory order. */
/* Plain C objects -> atomic accesses with an explicit, named order. */
#ifndef WF_SYNC_ATOMIC_H
#define WF_SYNC_ATOMIC_H

/*
 * Every shared word in weft that more than one thread touches is accessed
 * through these wrappers, so that each call site says which memory order it
 * relies on, and a reviewer can pair every release with its acquire.
 *
 * The wrappers take pointers to plain (non-_Atomic) objects, as CPython's
 * pyatomic.h does: fields such as the object header's `ob_mutex` stay plain
 * `uint8_t` and need no qualifier. Internally the pointer is converted to the
 * matching `_Atomic` type, which gcc and clang lay out identically for every
 * type used here (all lock-free: WF_ATOMIC_LOCK_FREE_CHECK below asserts it).
 * A field must be accessed through the wrappers everywhere once it is shared;
 * a plain read racing with an atomic write is a data race (and TSan says so).
 *
 * Naming: wf_atomic_<op>_<order>_<type>.
 *   types:  u8 u16 u32 u64 i32 i64 int isize (intptr_t) usize (uintptr_t)
 *           ptr (void *; the argument is the ADDRESS of a pointer variable,
 *           passed as void * so that any `T **` converts without a cast).
 *   orders: relaxed   no ordering, only atomicity (counters, statistics,
 *                     hints that are re-checked under a lock).
 *           acquire   later accesses cannot move before it; pairs with a
 *                     release store/RMW on the same object that it reads.
 *           release   earlier accesses cannot move after it; pairs with an
 *                     acquire load/RMW that reads the value it wrote.
 *           acq_rel   both, for read-modify-write operations.
 *           seq_cst   a single total order over all seq_cst operations
 *                     (Dekker-style "store then load another word" patterns).
 *
 * Operations (each exists for every type unless said otherwise):
 *   wf_atomic_load_{relaxed,acquire,seq_cst}_T(p)          -> value of *p
 *   wf_atomic_store_{relaxed,release,seq_cst}_T(p, v)      *p = v
 *   wf_atomic_exchange_{relaxed,acquire,release,acq_rel,seq_cst}_T(p, v)
 *                                                          -> old value; *p = v
 *   wf_atomic_cas_{relaxed,acquire,release,acq_rel,seq_cst}_T(p, &expected, desired)
 *        strong compare-and-swap: if *p == expected, *p = desired and return
 *        true; otherwise store the current value in expected and return false.
 *        The order names the success order; the failure order is the
 *        strongest legal one not above it (relaxed for release, acquire for
 *        acq_rel).
 *   wf_atomic_cas_weak_<order>_T(...)  as cas, but may fail spuriously (use in
 *        retry loops only).
 *   integer types only:
 *   wf_atomic_add_<order>_T(p, v), wf_atomic_sub_<order>_T(p, v),
 *   wf_atomic_or_<order>_T(p, v),  wf_atomic_and_<order>_T(p, v)
 *        -> the value BEFORE the operation (fetch_op semantics).
 *
 * Fences (rarely needed; prefer ordered accesses, which ThreadSanitizer
 * understands, while TSan models standalone fences poorly):
 *   wf_atomic_fence_acquire(), wf_atomic_fence_release(),
 *   wf_atomic_fence_acq_rel(), wf_atomic_fence_seq_cst(),
 *   wf_atomic_signal_fence_seq_cst()  (compiler-only barrier against a signal
 *   handler running on the same thread).
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WF_MO_relaxed memory_order_relaxed
#define WF_MO_acquire memory_order_acquire
#define WF_MO_release memory_order_release
#define WF_MO_acq_rel memory_order_acq_rel
#define WF_MO_seq_cst memory_order_seq_cst

/* Failure order of a compare-and-swap whose success order is ORD. */
#define WF_MOF_relaxed memory_order_relaxed
#define WF_MOF_acquire memory_order_acquire
#define WF_MOF_release memory_order_relaxed
#define WF_MOF_acq_rel memory_order_acquire
#define WF_MOF_seq_cst memory_order_seq_cst

/* One load: *p with order ORD (relaxed, acquire or seq_cst). */
#define WF_ATOMIC_DEF_LOAD(S, T, ORD) \
    static inline T wf_atomic_load_##ORD##_##S(const T *p) \
    { return atomic_load_explicit((_Atomic(T) *)(uintptr_t)p, WF_MO_##ORD); }

/* One store: *p = v with order ORD (relaxed, release or seq_cst). */
#define WF_ATOMIC_DEF_STORE(S, T, ORD) \
    static inline void wf_atomic_store_##ORD##_##S(T *p, T v) \
    { atomic_store_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); }

/* Exchange and the two compare-and-swaps with order ORD. */
#define WF_ATOMIC_DEF_RMW(S, T, ORD) \
    static inline T wf_atomic_exchange_##ORD##_##S(T *p, T v) \
    { return atomic_exchange_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); } \
    static inline bool wf_atomic_cas_##ORD##_##S(T *p, T *expected, T desired) \
    { return atomic_compare_exchange_strong_explicit((_Atomic(T) *)p, expected, desired, \
                                                     WF_MO_##ORD, WF_MOF_##ORD); } \
    static inline bool wf_atomic_cas_weak_##ORD##_##S(T *p, T *expected, T desired) \
    { return atomic_compare_exchange_weak_explicit((_Atomic(T) *)p, expected, desired, \
                                                   WF_MO_##ORD, WF_MOF_##ORD); }

/* Fetch-and-op for integers with order ORD; each returns the old value. */
#define WF_ATOMIC_DEF_ARITH(S, T, ORD) \
    static inline T wf_atomic_add_##ORD##_##S(T *p, T v) \
    { return atomic_fetch_add_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); } \
    static inline T wf_atomic_sub_##ORD##_##S(T *p, T v) \
    { return atomic_fetch_sub_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); } \
    static inline T wf_atomic_or_##ORD##_##S(T *p, T v) \
    { return atomic_fetch_or_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); } \
    static inline T wf_atomic_and_##ORD##_##S(T *p, T v) \
    { return atomic_fetch_and_explicit((_Atomic(T) *)p, v, WF_MO_##ORD); }

/* Every load, store and RMW order for type T under suffix S. */
#define WF_ATOMIC_DEF_COMMON(S, T) \
    WF_ATOMIC_DEF_LOAD(S, T, relaxed) WF_ATOMIC_DEF_LOAD(S, T, acquire) \
    WF_ATOMIC_DEF_LOAD(S, T, seq_cst) \
    WF_ATOMIC_DEF_STORE(S, T, relaxed) WF_ATOMIC_DEF_STORE(S, T, release) \
    WF_ATOMIC_DEF_STORE(S, T, seq_cst) \
    WF_ATOMIC_DEF_RMW(S, T, relaxed) WF_ATOMIC_DEF_RMW(S, T, acquire) \
    WF_ATOMIC_DEF_RMW(S, T, release) WF_ATOMIC_DEF_RMW(S, T, acq_rel) \
    WF_ATOMIC_DEF_RMW(S, T, seq_cst)

/* As WF_ATOMIC_DEF_COMMON plus add/sub/or/and in every RMW order. */
#define WF_ATOMIC_DEF_INT(S, T) \
    WF_ATOMIC_DEF_COMMON(S, T) \
    WF_ATOMIC_DEF_ARITH(S, T, relaxed) WF_ATOMIC_DEF_ARITH(S, T, acquire) \
    WF_ATOMIC_DEF_ARITH(S, T, release) WF_ATOMIC_DEF_ARITH(S, T, acq_rel) \
    WF_ATOMIC_DEF_ARITH(S, T, seq_cst)

/* The types, one row each: X(suffix, C type). */
#define WF_ATOMIC_INT_TYPES(X) \
    X(u8, uint8_t)       /* one-byte mutexes, flag bytes */ \
    X(u16, uint16_t)     /* small counters */ \
    X(u32, uint32_t)     /* eval breaker words, futex words */ \
    X(u64, uint64_t)     /* versions, generation numbers */ \
    X(i32, int32_t)      /* signed counters */ \
    X(i64, int64_t)      /* signed 64-bit counters, timestamps */ \
    X(int, int)          /* flags and states kept as int */ \
    X(isize, intptr_t)   /* reference counts (ob_ref_shared) */ \
    X(usize, uintptr_t)  /* thread ids (ob_tid), tagged words */

WF_ATOMIC_INT_TYPES(WF_ATOMIC_DEF_INT)

/*
 * Pointers. The argument is the address of a pointer variable, taken as
 * `void *` (respectively `const void *`) so that `Foo **` converts
 * implicitly; the value is `void *`. Example:
 *     Node *n = wf_atomic_load_acquire_ptr(&list->head);
 *     wf_atomic_store_release_ptr(&list->head, fresh);
 */
#define WF_ATOMIC_DEF_PTR_LOAD(ORD) \
    static inline void *wf_atomic_load_##ORD##_ptr(const void *p) \
    { return atomic_load_explicit((_Atomic(void *) *)(uintptr_t)p, WF_MO_##ORD); }
#define WF_ATOMIC_DEF_PTR_STORE(ORD) \
    static inline void wf_atomic_store_##ORD##_ptr(void *p, void *v) \
    { atomic_store_explicit((_Atomic(void *) *)p, v, WF_MO_##ORD); }
#define WF_ATOMIC_DEF_PTR_RMW(ORD) \
    static inline void *wf_atomic_exchange_##ORD##_ptr(void *p, void *v) \
    { return atomic_exchange_explicit((_Atomic(void *) *)p, v, WF_MO_##ORD); } \
    static inline bool wf_atomic_cas_##ORD##_ptr(void *p, void *expected, void *desired) \
    { return atomic_compare_exchange_strong_explicit((_Atomic(void *) *)p, (void **)expected, \
                                                     desired, WF_MO_##ORD, WF_MOF_##ORD); } \
    static inline bool wf_atomic_cas_weak_##ORD##_ptr(void *p, void *expected, void *desired) \
    { return atomic_compare_exchange_weak_explicit((_Atomic(void *) *)p, (void **)expected, \
                                                   desired, WF_MO_##ORD, WF_MOF_##ORD); }

WF_ATOMIC_DEF_PTR_LOAD(relaxed) WF_ATOMIC_DEF_PTR_LOAD(acquire) WF_ATOMIC_DEF_PTR_LOAD(seq_cst)
WF_ATOMIC_DEF_PTR_STORE(relaxed) WF_ATOMIC_DEF_PTR_STORE(release) WF_ATOMIC_DEF_PTR_STORE(seq_cst)
WF_ATOMIC_DEF_PTR_RMW(relaxed) WF_ATOMIC_DEF_PTR_RMW(acquire) WF_ATOMIC_DEF_PTR_RMW(release)
WF_ATOMIC_DEF_PTR_RMW(acq_rel) WF_ATOMIC_DEF_PTR_RMW(seq_cst)

/* Fences: a standalone ordering point with the named order. */
static inline void wf_atomic_fence_acquire(void) { atomic_thread_fence(memory_order_acquire); }
static inline void wf_atomic_fence_release(void) { atomic_thread_fence(memory_order_release); }
static inline void wf_atomic_fence_acq_rel(void) { atomic_thread_fence(memory_order_acq_rel); }
static inline void wf_atomic_fence_seq_cst(void) { atomic_thread_fence(memory_order_seq_cst); }
/* Compiler barrier only: orders against a signal handler on this thread. */
static inline void wf_atomic_signal_fence_seq_cst(void) { atomic_signal_fence(memory_order_seq_cst); }

/* The plain-to-_Atomic conversion above is only sound for lock-free types. */
_Static_assert(ATOMIC_CHAR_LOCK_FREE == 2 && ATOMIC_SHORT_LOCK_FREE == 2 &&
               ATOMIC_INT_LOCK_FREE == 2 && ATOMIC_LLONG_LOCK_FREE == 2 &&
               ATOMIC_POINTER_LOCK_FREE == 2, "weft needs lock-free atomics");
_Static_assert(sizeof(_Atomic(uint8_t)) == 1 && sizeof(_Atomic(void *)) == sizeof(void *),
               "atomic types must have the size of their plain types");

/* A CPU hint inside spin loops (pause on x86, yield on arm64). */
static inline void wf_atomic_spin_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
