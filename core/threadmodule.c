/* weft: the _thread module. */
/* OS threads, locks and thread-local data -> _thread (start_new_thread, allocate_lock, RLock, _local). */
#define _GNU_SOURCE 1   /* pthread_kill, syscall(SYS_gettid) */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "dict.h"
#include "runtime.h"
#include "../sync/atomic.h"
#include "../sync/eval_breaker.h"
#include "../sync/mutex.h"
#include "../sync/util.h"

/*
 * CPython 3.11's _thread, so that a threading.py written against it runs
 * unchanged. The rules this file keeps:
 *
 *  1. Every wait (a lock acquire that does not succeed at once) is bracketed
 *     by wf_blocking_begin/end (core/thread.h): the thread goes RCU-offline,
 *     drops the GIL when it is on and suspends its critical sections. The
 *     mutex itself parks with WF_LOCK_DONT_DETACH so the hooks are not run a
 *     second time inside the bracket.
 *  2. Ctrl-C. Threads started here block SIGINT, so the kernel delivers a
 *     terminal's SIGINT to the main thread (as CPython, only the main thread
 *     sees KeyboardInterrupt), and every write of wf_sigint_pending happens in
 *     the main thread's signal handler: the main thread may read the flag
 *     without a data race. The main thread waits interruptibly (the futex wait
 *     returns EINTR when the handler ran) and in slices of TM_MAIN_SLICE_NS, so
 *     a signal that lands between the last check and the futex call is still
 *     seen within one slice. A pending Ctrl-C ends the wait with
 *     KeyboardInterrupt, as CPython's acquire_timed does after running the
 *     signal handlers. interrupt_main() sends a real SIGINT to the main thread.
 *  3. A thread started by start_new_thread runs the lifecycle of thread.h:
 *     wf_tstate_new (here, in the creator), wf_tstate_bind first thing in the
 *     new thread, wf_tstate_unbind_and_free last. Before unbinding it drops its
 *     thread-local data (_local dicts), decrements _count and releases its
 *     sentinel lock (_set_sentinel), in that order, as CPython does.
 *  4. _local: each thread keeps its own map local -> dict (TlMap, reachable
 *     only from the owning thread's TLS). Reads take no lock and write no
 *     shared memory; the rare cross-thread operations (a thread's first access
 *     to a local, a local dying, a thread ending) hold tl_lock. See "_local".
 */

/* The main thread, recorded before main() runs (no other thread exists yet,
 * and thread creation orders this write before every reader). */
static pthread_t tm_main_thread;
__attribute__((constructor)) static void tm_record_main_thread(void) { tm_main_thread = pthread_self(); }
static bool tm_is_main(void) { return pthread_equal(pthread_self(), tm_main_thread) != 0; }

/* The main thread's longest uninterrupted park (rule 2). */
#define TM_MAIN_SLICE_NS ((int64_t)50 * 1000 * 1000)
/* threading.TIMEOUT_MAX: CPython's PY_TIMEOUT_MAX (LLONG_MAX / 1000 us), in seconds, floored. */
#define TM_TIMEOUT_MAX_US (INT64_MAX / 1000)
/* acquire()'s default timeout, -1 s, which means "no timeout". */
#define TM_UNSET_TIMEOUT ((int64_t)-1000000000)
/* Stack of a new thread when stack_size() is 0: as the main thread's usual 8 MiB,
 * so that the recursion limit and core/ceval.c's C-stack budget fit. */
#define TM_DEFAULT_STACK ((size_t)8 << 20)
#define TM_STACK_MIN ((intptr_t)0x8000)

/* ---- argument conversions ---- */


/* CPython's _PyTime_FromSecondsObject(..., _PyTime_ROUND_TIMEOUT): seconds
 * (int or float) -> nanoseconds, rounded away from zero. */
static int tm_seconds_to_ns(Value v, int64_t *ns)
{
    static const char too_large[] = "timestamp too large to convert to C _PyTime_t";
    if (wf_is_float(v)) {
        double d = wf_float_val(v);
        if (isnan(d))
            return wf_err_set_str(wf_exc_ValueError, "Invalid value NaN (not a number)"), -1;
        d *= 1e9;
        d = d >= 0 ? ceil(d) : floor(d);
        if (!((double)INT64_MIN <= d && d < -(double)INT64_MIN))
            return wf_err_set_str(wf_exc_OverflowError, too_large), -1;
        *ns = (int64_t)d;
        return 0;
    }
    Value i = wf_index(v);
    if (!i)
        return -1;
    int64_t secs;
    int rc = wf_int_as_i64(i, &secs);
    wf_decref(i);
    if (rc < 0 || secs > INT64_MAX / 1000000000 || secs < INT64_MIN / 1000000000) {
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, too_large), -1;
    }
    *ns = secs * 1000000000;
    return 0;
}

/* acquire(blocking=True, timeout=-1) of Lock and RLock: the wait in ns
 * (-1: forever, 0: try once), with CPython 3.11's checks and messages. */
static int tm_acquire_args(const char *fname, const Value *args, size_t nargs, Value kwnames, int64_t *wait_ns)
{
    static const char *const names[] = {"blocking", "timeout", NULL};
    Value blocking_v = 0, timeout_v = 0;
    if (wf_parse_args(fname, args, nargs, kwnames, "|OO", names, &blocking_v, &timeout_v) < 0)
        return -1;
    int blocking = 1;
    int64_t timeout = TM_UNSET_TIMEOUT;
    if (blocking_v && wf_arg_c_int(blocking_v, &blocking) < 0)
        return -1;
    if (timeout_v && tm_seconds_to_ns(timeout_v, &timeout) < 0)
        return -1;
    if (!blocking && timeout != TM_UNSET_TIMEOUT)
        return wf_err_set_str(wf_exc_ValueError, "can't specify a timeout for a non-blocking call"), -1;
    if (timeout < 0 && timeout != TM_UNSET_TIMEOUT)
        return wf_err_set_str(wf_exc_ValueError, "timeout value must be positive"), -1;
    if (!blocking) {
        *wait_ns = 0;
        return 0;
    }
    if (timeout == TM_UNSET_TIMEOUT) {
        *wait_ns = -1;
        return 0;
    }
    /* _PyTime_AsMicroseconds(ROUND_TIMEOUT) against PY_TIMEOUT_MAX. */
    int64_t us = timeout / 1000 + (timeout % 1000 != 0);
    if (us > TM_TIMEOUT_MAX_US)
        return wf_err_set_str(wf_exc_OverflowError, "timeout value is too large"), -1;
    *wait_ns = timeout;
    return 0;
}

/* ---- waiting (rules 1 and 2) ---- */

/* In the main thread after a wake-up: a pending Ctrl-C becomes
 * KeyboardInterrupt (-1); 0 otherwise. */
static int tm_check_sigint(bool main)
{
    if (!main || !wf_sigint_pending)
        return 0;
    wf_sigint_pending = 0;
    /* The handler also set SIGNALS_PENDING; consumed here with the flag, so
     * interrupt_main() can tell that nothing is pending any more. */
    wf_eval_breaker_take(&wf_main_tstate->entry.eval_breaker, WF_EB_SIGNALS_PENDING);
    wf_err_raise(wf_val(wf_exc_KeyboardInterrupt));
    return -1;
}

/* Take the mutex byte m within wait_ns (-1: forever, 0: try once).
 * WF_LOCK_INTR means an exception (KeyboardInterrupt) is set. */
static WfLockResult tm_acquire_timed(uint8_t *m, int64_t wait_ns)
{
    if (wf_mutex_trylock(m))
        return WF_LOCK_ACQUIRED;
    if (wait_ns == 0)
        return WF_LOCK_TIMEOUT;
    bool main = tm_is_main();
    int64_t deadline = wait_ns > 0 ? wf_sync_now_ns() + wait_ns : -1;
    for (;;) {
        int64_t slice = wait_ns;
        if (main && (slice < 0 || slice > TM_MAIN_SLICE_NS))
            slice = TM_MAIN_SLICE_NS;
        wf_blocking_begin();
        WfLockResult r = wf_mutex_lock_timed(m, slice, WF_LOCK_DONT_DETACH | WF_LOCK_INTERRUPTIBLE);
        wf_blocking_end();
        if (r == WF_LOCK_ACQUIRED)
            return r;
        if (tm_check_sigint(main) < 0)
            return WF_LOCK_INTR;
        if (deadline >= 0) {
            wait_ns = deadline - wf_sync_now_ns();
            if (wait_ns <= 0)
                return wf_mutex_trylock(m) ? WF_LOCK_ACQUIRED : WF_LOCK_TIMEOUT;
        }
    }
}

/* "<locked _thread.lock object at 0x...>" and friends; extra goes before " at". */
static Value tm_lock_repr(Value self, bool locked, const char *extra)
{
    char buf[256];
    snprintf(buf, sizeof buf, "<%s %s object%s at %p>", locked ? "locked" : "unlocked",
             wf_type(self)->tp_name, extra, (void *)wf_obj(self));
    return wf_str_from_cstr(buf);
}

/* ---- _thread.lock (LockType) ---- */

typedef struct LockObject {
    Object ob;
    WfLock lock;
} LockObject;

static TypeObject lock_type;
static LockObject *lock_obj(Value v) { return (LockObject *)wf_obj(v); }

static Value lock_new_object(void)
{
    return wf_val(wf_object_alloc(&lock_type, sizeof(LockObject)));
}

static Value lock_acquire(Value self, const Value *args, size_t nargs, Value kwnames)
{
    int64_t wait_ns;
    if (tm_acquire_args("acquire", args, nargs, kwnames, &wait_ns) < 0)
        return 0;
    WfLockResult r = tm_acquire_timed(&lock_obj(self)->lock.mutex, wait_ns);
    if (r == WF_LOCK_INTR)
        return 0;
    return wf_bool(r == WF_LOCK_ACQUIRED);
}

static Value lock_enter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("lock.__enter__", nargs, 0, 0) < 0 || wf_no_kwargs("lock.__enter__", kwnames) < 0)
        return 0;
    return lock_acquire(self, NULL, 0, 0);
}

static Value lock_do_release(Value self)
{
    if (wf_lock_release(&lock_obj(self)->lock) < 0)
        return wf_err_set_str(wf_exc_RuntimeError, "release unlocked lock");
    return wf_None;
}

static Value lock_release(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("lock.release", nargs, 0, 0) < 0 || wf_no_kwargs("lock.release", kwnames) < 0)
        return 0;
    return lock_do_release(self);
}

/* __exit__(*args): release, whatever the arguments. */
static Value lock_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("lock.__exit__", kwnames) < 0)
        return 0;
    return lock_do_release(self);
}

static Value lock_locked(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("lock.locked", nargs, 0, 0) < 0 || wf_no_kwargs("lock.locked", kwnames) < 0)
        return 0;
    return wf_bool(wf_lock_locked(&lock_obj(self)->lock));
}

/* After fork() only one thread survives: the lock starts over unlocked. */
static Value lock_at_fork_reinit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("lock._at_fork_reinit", nargs, 0, 0) < 0)
        return 0;
    wf_atomic_store_relaxed_u8(&lock_obj(self)->lock.mutex, 0);
    return wf_None;
}

static Value lock_repr(Value self)
{
    return tm_lock_repr(self, wf_lock_locked(&lock_obj(self)->lock), "");
}

static const MethodDef lock_methods[] = {
    {"acquire", lock_acquire, 0, "Lock the lock."},
    {"acquire_lock", lock_acquire, 0, "An obsolete synonym of acquire()."},
    {"release", lock_release, 0, "Release the lock."},
    {"release_lock", lock_release, 0, "An obsolete synonym of release()."},
    {"locked", lock_locked, 0, "Test whether the lock is currently locked."},
    {"locked_lock", lock_locked, 0, "An obsolete synonym of locked()."},
    {"__enter__", lock_enter, 0, "Lock the lock."},
    {"__exit__", lock_exit, 0, "Release the lock."},
    {"_at_fork_reinit", lock_at_fork_reinit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

/* No tp_new: "cannot create '_thread.lock' instances", as CPython. */
static TypeObject lock_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_dealloc = wf_object_free,
    .tp_repr = lock_repr,
    .tp_methods = lock_methods,
};

/* ---- _thread.RLock ----
 * CPython's rlockobject: a plain mutex plus owner (a get_ident() value) and
 * count. Only the owner changes owner and count while it holds the mutex;
 * other threads read them (acquire's "do I own it" test, repr, _is_owned)
 * with relaxed loads: a thread can only ever see its own ident there if it
 * stored it itself. */

typedef struct RLockObject {
    Object ob;
    uint8_t mutex;
    uintptr_t owner;   /* get_ident() of the holder, 0 when free */
    uintptr_t count;   /* recursion depth, 0 when free */
} RLockObject;

static TypeObject rlock_type;
static RLockObject *rlock_obj(Value v) { return (RLockObject *)wf_obj(v); }
static uintptr_t tm_ident(void) { return (uintptr_t)pthread_self(); }

/* RLock(*args, **kwargs): arguments are accepted and ignored, as CPython. */
static Value rlock_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    return wf_val(wf_object_alloc(type, type->tp_basicsize));
}

static bool rlock_owned(RLockObject *r, uintptr_t tid)
{
    return wf_atomic_load_relaxed_usize(&r->count) > 0 && wf_atomic_load_relaxed_usize(&r->owner) == tid;
}

static Value rlock_acquire(Value self, const Value *args, size_t nargs, Value kwnames)
{
    int64_t wait_ns;
    if (tm_acquire_args("acquire", args, nargs, kwnames, &wait_ns) < 0)
        return 0;
    RLockObject *r = rlock_obj(self);
    uintptr_t tid = tm_ident();
    if (rlock_owned(r, tid)) {
        uintptr_t n = r->count + 1;
        if (n == 0)
            return wf_err_set_str(wf_exc_OverflowError, "Internal lock count overflowed");
        wf_atomic_store_relaxed_usize(&r->count, n);
        return wf_True;
    }
    WfLockResult res = tm_acquire_timed(&r->mutex, wait_ns);
    if (res == WF_LOCK_INTR)
        return 0;
    if (res == WF_LOCK_ACQUIRED) {
        wf_atomic_store_relaxed_usize(&r->owner, tid);
        wf_atomic_store_relaxed_usize(&r->count, 1);
    }
    return wf_bool(res == WF_LOCK_ACQUIRED);
}

static Value rlock_enter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock.__enter__", nargs, 0, 0) < 0 || wf_no_kwargs("RLock.__enter__", kwnames) < 0)
        return 0;
    return rlock_acquire(self, NULL, 0, 0);
}

static Value rlock_do_release(Value self)
{
    RLockObject *r = rlock_obj(self);
    if (!rlock_owned(r, tm_ident()))
        return wf_err_set_str(wf_exc_RuntimeError, "cannot release un-acquired lock");
    uintptr_t n = r->count - 1;
    wf_atomic_store_relaxed_usize(&r->count, n);
    if (n == 0) {
        wf_atomic_store_relaxed_usize(&r->owner, 0);
        wf_mutex_unlock(&r->mutex);
    }
    return wf_None;
}

static Value rlock_release(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock.release", nargs, 0, 0) < 0 || wf_no_kwargs("RLock.release", kwnames) < 0)
        return 0;
    return rlock_do_release(self);
}

static Value rlock_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("RLock.__exit__", kwnames) < 0)
        return 0;
    return rlock_do_release(self);
}

static Value rlock_is_owned(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock._is_owned", nargs, 0, 0) < 0)
        return 0;
    return wf_bool(rlock_owned(rlock_obj(self), tm_ident()));
}

/* For threading.Condition.wait: release completely, return (count, owner). */
static Value rlock_release_save(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock._release_save", nargs, 0, 0) < 0)
        return 0;
    RLockObject *r = rlock_obj(self);
    /* No owner check, as CPython 3.11: hence atomic loads (the owner may be
     * changing the fields if a non-owner calls this). */
    uintptr_t count = wf_atomic_load_relaxed_usize(&r->count);
    uintptr_t owner = wf_atomic_load_relaxed_usize(&r->owner);
    if (count == 0)
        return wf_err_set_str(wf_exc_RuntimeError, "cannot release un-acquired lock");
    wf_atomic_store_relaxed_usize(&r->count, 0);
    wf_atomic_store_relaxed_usize(&r->owner, 0);
    wf_mutex_unlock(&r->mutex);
    Value c = wf_int_from_u64(count), o = wf_int_from_u64(owner);
    Value t = wf_tuple_pack(2, c, o);
    wf_decref(c);
    wf_decref(o);
    return t;
}

/* The 'k' converter: any int, taken modulo 2**64 (no overflow check). */
static int tm_unsigned_long(Value v, uintptr_t *out)
{
    if (!wf_is_int(v))
        return wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(v)), -1;
    int64_t x;
    if (wf_int_as_i64(v, &x) == 0) {
        *out = (uintptr_t)x;
        return 0;
    }
    wf_err_clear();
    /* v & (2**64 - 1), then into int64 range by subtracting 2**64 if needed. */
    Value mask = wf_int_from_u64(UINT64_MAX);
    Value low = wf_binop(v, mask, WF_BINOP_AND);
    wf_decref(mask);
    if (!low)
        return -1;
    if (wf_int_as_i64(low, &x) < 0) {
        wf_err_clear();
        Value one = wf_small(1);
        Value two64 = wf_binop(one, wf_small(64), WF_BINOP_LSHIFT);
        Value neg = two64 ? wf_binop(low, two64, WF_BINOP_SUB) : 0;
        wf_xdecref(two64);
        int rc = neg ? wf_int_as_i64(neg, &x) : -1;
        wf_xdecref(neg);
        if (rc < 0) {
            wf_decref(low);
            return -1;
        }
    }
    wf_decref(low);
    *out = (uintptr_t)x;
    return 0;
}

/* _acquire_restore((count, owner)): the other half of _release_save. */
static Value rlock_acquire_restore(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock._acquire_restore", nargs, 1, 1) < 0)
        return 0;
    Value state = args[0];
    if (!wf_is_tuple(state) && !wf_is_list(state))
        return wf_err_format(wf_exc_TypeError, "_acquire_restore() argument 1 must be 2-item sequence, not %T", state);
    Value t = wf_tuple_from_iterable(state);
    if (!t)
        return 0;
    if (wf_tuple_size(t) != 2) {
        size_t n = wf_tuple_size(t);
        wf_decref(t);
        return wf_err_format(wf_exc_TypeError, "_acquire_restore() argument 1 must be sequence of length 2, not %zu", n);
    }
    uintptr_t count, owner;
    int rc = tm_unsigned_long(wf_tuple_get(t, 0), &count) < 0 || tm_unsigned_long(wf_tuple_get(t, 1), &owner) < 0;
    wf_decref(t);
    if (rc)
        return 0;
    RLockObject *r = rlock_obj(self);
    if (!wf_mutex_trylock(&r->mutex)) {
        /* Not interruptible, as CPython: Condition.wait must get the lock back. */
        wf_blocking_begin();
        wf_mutex_lock_timed(&r->mutex, -1, WF_LOCK_DONT_DETACH);
        wf_blocking_end();
    }
    wf_atomic_store_relaxed_usize(&r->owner, owner);
    wf_atomic_store_relaxed_usize(&r->count, count);
    return wf_None;
}

static Value rlock_at_fork_reinit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("RLock._at_fork_reinit", nargs, 0, 0) < 0)
        return 0;
    RLockObject *r = rlock_obj(self);
    wf_atomic_store_relaxed_u8(&r->mutex, 0);
    wf_atomic_store_relaxed_usize(&r->owner, 0);
    wf_atomic_store_relaxed_usize(&r->count, 0);
    return wf_None;
}

static Value rlock_repr(Value self)
{
    RLockObject *r = rlock_obj(self);
    uintptr_t owner = wf_atomic_load_relaxed_usize(&r->owner);
    uintptr_t count = wf_atomic_load_relaxed_usize(&r->count);
    char extra[96];
    snprintf(extra, sizeof extra, " owner=%lu count=%lu", (unsigned long)owner, (unsigned long)count);
    return tm_lock_repr(self, count > 0, extra);
}

static const MethodDef rlock_methods[] = {
    {"acquire", rlock_acquire, 0, "Lock the lock."},
    {"release", rlock_release, 0, "Release the lock."},
    {"__enter__", rlock_enter, 0, "Lock the lock."},
    {"__exit__", rlock_exit, 0, "Release the lock."},
    {"_is_owned", rlock_is_owned, 0, "For internal use by `threading.Condition`."},
    {"_release_save", rlock_release_save, 0, "For internal use by `threading.Condition`."},
    {"_acquire_restore", rlock_acquire_restore, 0, "For internal use by `threading.Condition`."},
    {"_at_fork_reinit", rlock_at_fork_reinit, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static TypeObject rlock_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = wf_object_free,
    .tp_repr = rlock_repr,
    .tp_new = rlock_new,
    .tp_methods = rlock_methods,
};

/* ---- _local ----
 *
 * Each thread owns a TlMap: an open-addressing table from a _local object to
 * that thread's dict for it, reachable only through the thread's TLS
 * (tl_map). A _local object lists the maps that hold an entry for it.
 *
 *  1. The owning thread looks its map up without any lock. Other threads
 *     never read a map's entries except under tl_lock, and the only write they
 *     make to it is turning the key of a dying local's entry into TL_TOMB
 *     (relaxed atomic store). A lookup for a live local never matches such an
 *     entry, and read-read coherence makes any earlier removal of an entry
 *     whose address was reused visible (the removal happens before the free,
 *     which happens before the new object reached this thread).
 *  2. Inserting (the owner), growing the table (the owner), removing an entry
 *     (a dying local's deallocator, in any thread) and dropping a whole map
 *     (its thread ending) hold tl_lock, which also guards every local's
 *     `maps` array. The dicts removed are released after unlocking, since that
 *     can run arbitrary code.
 *  3. The creator thread's dict is made by the constructor without calling
 *     __init__ (type() calls it next); any other thread's dict is made on its
 *     first access, which calls __init__ with the constructor's arguments.
 */

#define TL_TOMB ((struct LocalObject *)1)

typedef struct TlEntry {
    struct LocalObject *key;   /* 0: empty, TL_TOMB: removed */
    Value dict;
} TlEntry;

typedef struct TlMap {
    size_t mask;      /* capacity - 1, a power of two minus one */
    size_t used;      /* live entries plus tombstones (owner only) */
    TlEntry *slots;
} TlMap;

typedef struct LocalObject {
    Object ob;
    Value args;         /* tuple: positional then keyword values for __init__ */
    size_t nargs;       /* positional ones among them */
    Value kwnames;      /* tuple of str, or 0 */
    TlMap **maps;       /* maps holding an entry for this local (tl_lock) */
    size_t nmaps, capmaps;
} LocalObject;

static uint8_t tl_lock;
static _Thread_local TlMap *tl_map;
static TypeObject local_type;

static size_t tl_hash(LocalObject *l) { return (size_t)(((uintptr_t)l >> 4) * 0x9E3779B97F4A7C15ull); }

/* The calling thread's dict for l, or 0 (rule 1: no lock). */
static Value tl_lookup(LocalObject *l)
{
    TlMap *map = tl_map;
    if (!map)
        return 0;
    for (size_t i = tl_hash(l) & map->mask;; i = (i + 1) & map->mask) {
        /* relaxed: only this thread stores live keys; others store TL_TOMB (rule 1). */
        LocalObject *k = wf_atomic_load_relaxed_ptr(&map->slots[i].key);
        if (k == l)
            return map->slots[i].dict;
        if (!k)
            return 0;
    }
}

/* Rebuild the calling thread's map with room for one more entry. Under tl_lock. */
static void tl_grow(TlMap *map)
{
    size_t live = 0;
    for (size_t i = 0; i <= map->mask; i++)
        live += map->slots[i].key > TL_TOMB;
    size_t cap = 8;
    while (cap < (live + 1) * 2)
        cap *= 2;
    TlEntry *slots = wf_mem_calloc(cap, sizeof *slots);
    for (size_t i = 0; i <= map->mask; i++) {
        LocalObject *k = map->slots[i].key;
        if (k <= TL_TOMB)
            continue;
        size_t j = tl_hash(k) & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = map->slots[i];
    }
    wf_mem_free(map->slots);
    map->slots = slots;
    map->mask = cap - 1;
    map->used = live;
}

/* Add (l, dict) to the calling thread's map (steals dict). Under tl_lock. */
static void tl_insert(LocalObject *l, Value dict)
{
    TlMap *map = tl_map;
    if (!map) {
        map = wf_mem_calloc(1, sizeof *map);
        map->mask = 7;
        map->slots = wf_mem_calloc(8, sizeof *map->slots);
        tl_map = map;
    }
    if ((map->used + 1) * 4 > (map->mask + 1) * 3)
        tl_grow(map);
    size_t i = tl_hash(l) & map->mask;
    while (map->slots[i].key)
        i = (i + 1) & map->mask;
    map->slots[i].dict = dict;
    wf_atomic_store_relaxed_ptr(&map->slots[i].key, l);
    map->used++;
    if (l->nmaps == l->capmaps) {
        l->capmaps = l->capmaps ? l->capmaps * 2 : 4;
        l->maps = wf_mem_realloc(l->maps, l->capmaps * sizeof *l->maps);
    }
    l->maps[l->nmaps++] = map;
}

/* Take l's entry out of map; returns its dict (a reference) or 0. Under tl_lock. */
static Value tl_remove(TlMap *map, LocalObject *l)
{
    for (size_t i = tl_hash(l) & map->mask;; i = (i + 1) & map->mask) {
        LocalObject *k = map->slots[i].key;
        if (!k)
            return 0;
        if (k == l) {
            Value d = map->slots[i].dict;
            map->slots[i].dict = 0;
            /* relaxed: the owner may be probing past this slot (rule 1). */
            wf_atomic_store_relaxed_ptr(&map->slots[i].key, TL_TOMB);
            return d;
        }
    }
}

/* Forget that map holds an entry for l. Under tl_lock. */
static void tl_unlink(LocalObject *l, TlMap *map)
{
    for (size_t i = 0; i < l->nmaps; i++)
        if (l->maps[i] == map) {
            l->maps[i] = l->maps[--l->nmaps];
            return;
        }
}

/* A fresh dict for l in this thread; with init, runs type(l).__init__ with
 * the constructor's arguments (rule 3). Borrowed, 0 on error. */
static Value tl_create(LocalObject *l, bool init)
{
    Value d = wf_dict_new();
    if (!d)
        return 0;
    wf_mutex_lock(&tl_lock);
    tl_insert(l, d);
    wf_mutex_unlock(&tl_lock);
    TypeObject *t = wf_type(wf_val(l));
    if (!init || t->tp_init == wf_type_object.tp_init)
        return d;
    if (t->tp_init(wf_val(l), wf_as_tuple(l->args)->items, l->nargs, l->kwnames) == 0)
        return d;
    wf_mutex_lock(&tl_lock);
    Value gone = tl_map ? tl_remove(tl_map, l) : 0;
    if (gone)
        tl_unlink(l, tl_map);
    wf_mutex_unlock(&tl_lock);
    Value exc = wf_err_fetch();
    wf_xdecref(gone);
    wf_err_restore(exc);
    return 0;
}

/* This thread's dict for self (borrowed), made on first use. */
static Value tl_dict(Value self)
{
    LocalObject *l = (LocalObject *)wf_obj(self);
    Value d = tl_lookup(l);
    return d ? d : tl_create(l, true);
}

/* Drop the calling thread's map and every dict in it (rule 2). Releasing a
 * dict may run code that touches a local again, hence the loop. */
static void tl_thread_exit(void)
{
    while (tl_map) {
        TlMap *map = tl_map;
        size_t n = 0;
        Value *dicts = wf_mem_alloc((map->mask + 1) * sizeof *dicts);
        wf_mutex_lock(&tl_lock);
        for (size_t i = 0; i <= map->mask; i++) {
            LocalObject *k = map->slots[i].key;
            if (k > TL_TOMB) {
                tl_unlink(k, map);
                dicts[n++] = map->slots[i].dict;
            }
        }
        tl_map = NULL;
        wf_mutex_unlock(&tl_lock);
        wf_mem_free(map->slots);
        wf_mem_free(map);
        for (size_t i = 0; i < n; i++)
            wf_decref(dicts[i]);
        wf_mem_free(dicts);
    }
}

static Value local_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if ((nargs || nkw) && type->tp_init == wf_type_object.tp_init)
        return wf_err_set_str(wf_exc_TypeError, "Initialization arguments are not supported");
    Value argv = wf_tuple_from_array(args, nargs + nkw);
    if (!argv)
        return 0;
    LocalObject *l = (LocalObject *)wf_object_alloc(type, type->tp_basicsize);
    l->args = argv;
    l->nargs = nargs;
    l->kwnames = nkw ? wf_incref(kwnames) : 0;
    if (!tl_create(l, false)) {
        wf_decref(wf_val(l));
        return 0;
    }
    return wf_val(l);
}

static void local_dealloc(Object *o)
{
    LocalObject *l = (LocalObject *)o;
    wf_mutex_lock(&tl_lock);
    size_t n = l->nmaps;
    Value *dicts = n ? wf_mem_alloc(n * sizeof *dicts) : NULL;
    for (size_t i = 0; i < n; i++)
        dicts[i] = tl_remove(l->maps[i], l);
    wf_mem_free(l->maps);
    l->maps = NULL;
    l->nmaps = l->capmaps = 0;
    wf_mutex_unlock(&tl_lock);
    for (size_t i = 0; i < n; i++)
        wf_xdecref(dicts[i]);
    wf_mem_free(dicts);
    wf_decref(l->args);
    wf_xdecref(l->kwnames);
    wf_object_free(o);
}

/* name == "__dict__": identity for the interned str attribute names usually are. */
static bool tl_is_dict_name(Value name)
{
    if (name == WF_ID(__dict__))
        return true;
    return !(wf_obj(name)->ob_flags & WF_OBF_INTERNED) && wf_str_eq(name, WF_ID(__dict__));
}

/* d[name] (borrowed), 0 if absent or on error; the str fast path when it can. */
static Value tl_dict_get(Value d, Value name)
{
    return wf_is_str_exact(name) ? wf_dict_get_str(d, name) : wf_dict_get(d, name);
}

/* CPython's _PyObject_GenericGetAttrWithDict with this thread's dict. */
static Value local_getattr(Value self, Value name)
{
    Value d = tl_dict(self);
    if (!d)
        return 0;
    if (tl_is_dict_name(name))
        return wf_incref(d);
    TypeObject *tp = wf_type(self);
    if (tp != &local_type) {
        /* Subclasses look in the dict first (CPython's "optimization"). */
        Value v = tl_dict_get(d, name);
        if (v)
            return wf_incref(v);
        if (wf_err_occurred())
            return 0;
    }
    Value descr = wf_type_lookup(tp, name);
    Value (*get)(Value, Value, Value) = NULL;
    if (descr) {
        wf_incref(descr);
        get = wf_type(descr)->tp_descr_get;
        if (get && wf_type(descr)->tp_descr_set) {
            Value r = get(descr, self, wf_val(tp));
            wf_decref(descr);
            return r;
        }
    }
    Value v = tl_dict_get(d, name);
    if (v || wf_err_occurred()) {
        wf_xdecref(descr);
        return v ? wf_incref(v) : 0;
    }
    if (get) {
        Value r = get(descr, self, wf_val(tp));
        wf_decref(descr);
        return r;
    }
    if (descr)
        return descr;
    return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", tp->tp_name, name);
}

static int local_setattr(Value self, Value name, Value v)
{
    Value d = tl_dict(self);
    if (!d)
        return -1;
    TypeObject *tp = wf_type(self);
    if (tl_is_dict_name(name))
        return wf_err_format(wf_exc_AttributeError, "'%s' object attribute '%U' is read-only", tp->tp_name, name), -1;
    Value descr = wf_type_lookup(tp, name);
    if (descr && wf_type(descr)->tp_descr_set) {
        wf_incref(descr);
        int r = wf_type(descr)->tp_descr_set(descr, self, v);
        wf_decref(descr);
        return r;
    }
    if (v)
        return wf_dict_set(d, name, v);
    if (!wf_dict_get(d, name)) {
        if (wf_err_occurred())
            return -1;
        return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", tp->tp_name, name), -1;
    }
    return wf_dict_del(d, name);
}

static TypeObject local_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(LocalObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = local_dealloc,
    .tp_getattr = local_getattr,
    .tp_setattr = local_setattr,
    .tp_new = local_new,
};

/* ---- threads ---- */

static intptr_t tm_nthreads;       /* _count(): threads started here still running */
static uintptr_t tm_stacksize;     /* stack_size(); 0: TM_DEFAULT_STACK */
static _Thread_local Value tm_sentinel;   /* _set_sentinel()'s lock, or 0 */

typedef struct TmBoot {
    Value func, args, kwargs;   /* references taken by the creator; kwargs may be 0 */
    ThreadState *ts;            /* from wf_tstate_new, bound by the new thread */
} TmBoot;

/* Release this thread's sentinel lock (if _set_sentinel made one): the
 * thread state is going away (threading.Thread.join waits for this). */
static void tm_release_sentinel(void)
{
    Value s = tm_sentinel;
    tm_sentinel = 0;
    if (!s)
        return;
    if (wf_lock_locked(&lock_obj(s)->lock))
        wf_lock_release(&lock_obj(s)->lock);
    wf_decref(s);
}

/* The new thread (rule 3). */
static void *tm_thread_main(void *arg)
{
    TmBoot *boot = arg;
    ThreadState *ts = boot->ts;
    wf_tstate_bind(ts);
    Value r = wf_call_tuple_dict(boot->func, boot->args, boot->kwargs);
    if (r)
        wf_decref(r);
    else if (wf_err_matches(wf_exc_SystemExit))
        wf_err_clear();
    else
        wf_runtime_report_ignored("Exception ignored in thread started by", boot->func, "<object repr() failed>");
    wf_decref(boot->func);
    wf_decref(boot->args);
    wf_xdecref(boot->kwargs);
    wf_mem_free(boot);
    tl_thread_exit();
    /* relaxed: _count() is a snapshot; join goes through the sentinel lock. */
    wf_atomic_sub_relaxed_isize(&tm_nthreads, 1);
    /* Objects of this thread that others released meanwhile are freed at the
     * periodic check (biased counts merge in the owner), and what it dropped
     * from shared containers after a grace period: flush both, so that a join
     * (the sentinel) sees this thread's objects gone, as CPython. */
    wf_tstate_flush(ts);
    wf_err_clear();
    tm_release_sentinel();
    wf_err_clear();
    wf_tstate_unbind_and_free(ts);
    return NULL;
}

static Value tm_start_new_thread(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("start_new_thread", kwnames) < 0 || wf_check_nargs("start_new_thread", nargs, 2, 3) < 0)
        return 0;
    Value func = args[0], fargs = args[1], fkw = nargs > 2 ? args[2] : 0;
    if (!wf_callable(func))
        return wf_err_set_str(wf_exc_TypeError, "first arg must be callable");
    if (!wf_is_tuple(fargs))
        return wf_err_set_str(wf_exc_TypeError, "2nd arg must be a tuple");
    if (fkw && !wf_is_dict(fkw))
        return wf_err_set_str(wf_exc_TypeError, "optional 3rd arg must be a dictionary");
    TmBoot *boot = wf_mem_alloc(sizeof *boot);
    boot->func = wf_incref(func);
    boot->args = wf_incref(fargs);
    boot->kwargs = fkw ? wf_incref(fkw) : 0;
    boot->ts = wf_tstate_new();

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    size_t stack = wf_atomic_load_relaxed_usize(&tm_stacksize);
    pthread_attr_setstacksize(&attr, stack ? stack : TM_DEFAULT_STACK);
    /* The new thread inherits this mask: SIGINT blocked (rule 2). */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    wf_atomic_add_relaxed_isize(&tm_nthreads, 1);
    pthread_t th;
    int err = pthread_create(&th, &attr, tm_thread_main, boot);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (err) {
        wf_atomic_sub_relaxed_isize(&tm_nthreads, 1);
        wf_decref(boot->func);
        wf_decref(boot->args);
        wf_xdecref(boot->kwargs);
        /* LEAK: boot->ts; thread.h has no "free an unbound state". */
        wf_mem_free(boot);
        return wf_err_set_str(wf_exc_RuntimeError, "can't start new thread");
    }
    pthread_detach(th);
    return wf_int_from_u64((uintptr_t)th);
}

static Value tm_allocate_lock(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread.allocate_lock", nargs, 0, 0) < 0 || wf_no_kwargs("_thread.allocate_lock", kwnames) < 0)
        return 0;
    return lock_new_object();
}

static Value tm_get_ident(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread.get_ident", nargs, 0, 0) < 0 || wf_no_kwargs("_thread.get_ident", kwnames) < 0)
        return 0;
    return wf_int_from_u64(tm_ident());
}

static Value tm_get_native_id(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread.get_native_id", nargs, 0, 0) < 0 || wf_no_kwargs("_thread.get_native_id", kwnames) < 0)
        return 0;
    return wf_int_from_i64((int64_t)syscall(SYS_gettid));
}

static Value tm_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread._count", nargs, 0, 0) < 0 || wf_no_kwargs("_thread._count", kwnames) < 0)
        return 0;
    return wf_int_from_i64(wf_atomic_load_relaxed_isize(&tm_nthreads));
}

static Value tm_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread.exit", nargs, 0, 0) < 0 || wf_no_kwargs("_thread.exit", kwnames) < 0)
        return 0;
    return wf_err_raise(wf_val(wf_exc_SystemExit));
}

static Value tm_set_sentinel(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_thread._set_sentinel", nargs, 0, 0) < 0 || wf_no_kwargs("_thread._set_sentinel", kwnames) < 0)
        return 0;
    /* Returned unlocked: threading acquires it right away (_set_tstate_lock). */
    Value lock = lock_new_object();
    /* A second call (after fork in CPython) replaces the old sentinel without releasing it. */
    wf_setref(&tm_sentinel, wf_incref(lock));
    return lock;
}

/* stack_size([size]): the stack size of threads started from now on. */
static Value tm_stack_size(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("stack_size", kwnames) < 0)
        return 0;
    if (nargs > 1)
        return wf_err_format(wf_exc_TypeError, "stack_size() takes at most 1 argument (%zu given)", nargs);
    uintptr_t old = wf_atomic_load_relaxed_usize(&tm_stacksize);
    if (nargs == 0)
        return wf_int_from_u64(old);
    if (wf_is_float(args[0]))
        return wf_err_set_str(wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
    Value i = wf_index(args[0]);
    if (!i)
        return 0;
    int64_t size;
    int rc = wf_int_as_i64(i, &size);
    wf_decref(i);
    if (rc < 0) {
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    if (size < 0)
        return wf_err_set_str(wf_exc_ValueError, "size must be 0 or a positive value");
    if (size != 0 && size < TM_STACK_MIN)
        return wf_err_format(wf_exc_ValueError, "size not valid: %zd bytes", (intptr_t)size);
    if (size != 0) {
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        int bad = pthread_attr_setstacksize(&attr, (size_t)size);
        pthread_attr_destroy(&attr);
        if (bad)
            return wf_err_format(wf_exc_ValueError, "size not valid: %zd bytes", (intptr_t)size);
    }
    wf_atomic_store_relaxed_usize(&tm_stacksize, (uintptr_t)size);
    return wf_int_from_u64(old);
}

/* interrupt_main(signum=SIGINT, /): as if the signal arrived (rule 2). Only
 * SIGINT has a Python-level handler in weft; any other valid signal number is
 * "not handled by Python", so nothing happens, as in CPython. */
static Value tm_interrupt_main(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("interrupt_main", kwnames) < 0)
        return 0;
    if (nargs > 1)  /* CPython 3.11's own (Argument Clinic) wording */
        return wf_err_format(wf_exc_TypeError, "signum() takes at most 1 argument (%zu given)", nargs);
    int signum = SIGINT;
    if (nargs && wf_arg_c_int(args[0], &signum) < 0)
        return 0;
    if (signum < 1 || signum >= NSIG)
        return wf_err_set_str(wf_exc_ValueError, "signal number out of range");
    struct sigaction sa;
    if (signum != SIGINT || sigaction(SIGINT, NULL, &sa) < 0 ||
        sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN)
        return wf_None;
    /* One pending SIGINT at a time: the handler treats a second signal
     * before the first was seen as "Ctrl-C twice" and ends the process. The
     * bit is set by the handler and taken when the interrupt is consumed. */
    if (wf_eval_breaker_test(&wf_main_tstate->entry.eval_breaker, WF_EB_SIGNALS_PENDING))
        return wf_None;
    pthread_kill(tm_main_thread, SIGINT);
    return wf_None;
}

/* ---- _ExceptHookArgs and _excepthook (threading.excepthook in C) ----
 * _ExceptHookArgs is CPython's struct sequence (exc_type, exc_value,
 * exc_traceback, thread): a tuple subclass laid out as time.struct_time is
 * (its items, then the dict slot tuple.c keeps for subclasses). */

#define EH_NFIELDS 4
static const char *const eh_names[EH_NFIELDS] = {"exc_type", "exc_value", "exc_traceback", "thread"};
static TypeObject eh_args_type;

static Value eh_args_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("_ExceptHookArgs", kwnames) < 0 || wf_check_nargs("_ExceptHookArgs", nargs, 1, 1) < 0)
        return 0;
    Value t = wf_tuple_from_iterable(args[0]);
    if (!t)
        return 0;
    size_t n = wf_tuple_size(t);
    if (n != EH_NFIELDS) {
        wf_decref(t);
        return wf_err_format(wf_exc_TypeError, "_thread._ExceptHookArgs() takes a %d-sequence (%zu-sequence given)",
                             EH_NFIELDS, n);
    }
    TupleObject *r = (TupleObject *)wf_object_alloc(&eh_args_type,
        sizeof(TupleObject) + (EH_NFIELDS + 1) * sizeof(Value));
    r->size = EH_NFIELDS;
    r->hash_cache = -1;
    for (size_t i = 0; i < EH_NFIELDS; i++)
        r->items[i] = wf_incref(wf_tuple_get(t, i));
    wf_decref(t);
    return wf_val(r);
}

static Value eh_args_repr(Value v) { return wf_structseq_repr(v, "_thread._ExceptHookArgs", eh_names, EH_NFIELDS); }

#define EH_GETTER(i, name) \
    static Value eh_get_##name(Value v) { return wf_incref(wf_tuple_get(v, i)); }
EH_GETTER(0, exc_type)
EH_GETTER(1, exc_value)
EH_GETTER(2, exc_traceback)
EH_GETTER(3, thread)

static const GetSetDef eh_args_getset[] = {
    {"exc_type", eh_get_exc_type, NULL}, {"exc_value", eh_get_exc_value, NULL},
    {"exc_traceback", eh_get_exc_traceback, NULL}, {"thread", eh_get_thread, NULL},
    {NULL, NULL, NULL},
};

static TypeObject eh_args_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_thread._ExceptHookArgs",
    .tp_base = &wf_type_tuple,
    .tp_flags = WF_TPF_TUPLE_SUBCLASS,
    .tp_repr = eh_args_repr,
    .tp_str = eh_args_repr,
    .tp_new = eh_args_new,
    .tp_getset = eh_args_getset,
};

/* file.write(text) for a C string; -1 on error. */
static int eh_write(Value file, Value text)
{
    Value r = wf_call_method(file, "write", &text, 1);
    wf_xdecref(r);
    return r ? 0 : -1;
}

static int eh_write_c(Value file, const char *s)
{
    Value text = wf_str_from_cstr(s);
    int rc = eh_write(file, text);
    wf_decref(text);
    return rc;
}

/* "Exception in thread NAME:" then the traceback, as CPython's thread_excepthook_file. */
static int eh_report(Value file, Value exc_value, Value thread)
{
    if (eh_write_c(file, "Exception in thread ") < 0)
        return -1;
    Value name = thread != wf_None ? wf_getattr_c(thread, "name") : 0;
    Value shown = name ? wf_str(name) : 0;
    wf_xdecref(name);
    if (!shown) {
        wf_err_clear();
        char buf[32];
        snprintf(buf, sizeof buf, "%lu", (unsigned long)tm_ident());
        shown = wf_str_from_cstr(buf);
    }
    int rc = eh_write(file, shown);
    wf_decref(shown);
    if (rc < 0 || eh_write_c(file, ":\n") < 0)
        return -1;
    Value report = wf_exc_format(exc_value, true);
    rc = report ? eh_write(file, report) : -1;
    wf_xdecref(report);
    if (rc < 0)
        return -1;
    Value r = wf_call_method(file, "flush", NULL, 0);
    if (!r)
        wf_err_clear();   /* CPython ignores a failing flush here */
    wf_xdecref(r);
    return 0;
}

static Value tm_excepthook(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("_thread._excepthook", kwnames) < 0 || wf_check_nargs("_thread._excepthook", nargs, 1, 1) < 0)
        return 0;
    Value a = args[0];
    if (!wf_is_type_exact(a, &eh_args_type))
        return wf_err_set_str(wf_exc_TypeError, "_thread.excepthook argument type must be ExceptHookArgs");
    if (wf_tuple_get(a, 0) == wf_val(wf_exc_SystemExit))
        return wf_None;   /* silently ignored */
    Value exc_value = wf_tuple_get(a, 1), thread = wf_tuple_get(a, 3);
    Value file = wf_sys_get("stderr");
    if (file && file != wf_None) {
        wf_incref(file);
    } else {
        if (thread == wf_None)
            return wf_None;
        file = wf_getattr_c(thread, "_stderr");
        if (!file)
            return 0;
        if (file == wf_None) {
            wf_decref(file);
            return wf_None;
        }
    }
    int rc = eh_report(file, exc_value, thread);
    wf_decref(file);
    return rc < 0 ? 0 : wf_None;
}

static const MethodDef thread_functions[] = {
    {"start_new_thread", tm_start_new_thread, 0, "Start a new thread and return its identifier."},
    {"start_new", tm_start_new_thread, 0, "An obsolete synonym of start_new_thread()."},
    {"allocate_lock", tm_allocate_lock, 0, "Create a new lock object."},
    {"allocate", tm_allocate_lock, 0, "An obsolete synonym of allocate_lock()."},
    {"get_ident", tm_get_ident, 0, "Return a non-zero integer that uniquely identifies the current thread."},
    {"get_native_id", tm_get_native_id, 0, "Return the native integral Thread ID assigned by the kernel."},
    {"_count", tm_count, 0, "Return the number of currently running Python threads, excluding the main thread."},
    {"exit", tm_exit, 0, "Raise SystemExit to end the calling thread."},
    {"exit_thread", tm_exit, 0, "An obsolete synonym of exit()."},
    {"_set_sentinel", tm_set_sentinel, 0, "Set a sentinel lock that will be released when the thread state is deleted."},
    {"stack_size", tm_stack_size, 0, "Return the thread stack size used when creating new threads."},
    {"interrupt_main", tm_interrupt_main, 0, "Simulate the arrival of the given signal in the main thread."},
    {"_excepthook", tm_excepthook, 0, "Handle uncaught Thread.run() exception."},
    {NULL, NULL, 0, NULL},
};

Value wf_thread_module_create(void)
{
    TypeObject *types[] = {&lock_type, &rlock_type, &local_type, &eh_args_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (!(types[i]->tp_flags & WF_TPF_READY) && wf_type_ready(types[i]) < 0)
            return 0;
    Value m = wf_module_new("_thread");
    if (!m || wf_module_add_functions(m, thread_functions) < 0)
        return 0;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wf_dict_set_c(types[i]->tp_dict, "__module__", wf_str_intern_c("_thread")) < 0)
            return 0;
    Value doc = wf_str_from_cstr("This module provides primitive operations to write multi-threaded programs.\n"
                                 "The 'threading' module provides a more convenient interface.");
    if (!doc || wf_module_add_object(m, "__doc__", doc) < 0)
        return 0;
    double timeout_max = floor(fmin((double)TM_TIMEOUT_MAX_US * 1e-6, (double)INT64_MAX * 1e-9));
    if (wf_module_add_object(m, "LockType", wf_incref(wf_val(&lock_type))) < 0 ||
        wf_module_add_object(m, "lock", wf_incref(wf_val(&lock_type))) < 0 ||
        wf_module_add_object(m, "RLock", wf_incref(wf_val(&rlock_type))) < 0 ||
        wf_module_add_object(m, "_local", wf_incref(wf_val(&local_type))) < 0 ||
        wf_module_add_object(m, "_ExceptHookArgs", wf_incref(wf_val(&eh_args_type))) < 0 ||
        wf_module_add_object(m, "error", wf_incref(wf_val(wf_exc_RuntimeError))) < 0 ||
        wf_module_add_object(m, "TIMEOUT_MAX", wf_float_new(timeout_max)) < 0)
        return 0;
    return m;
}
