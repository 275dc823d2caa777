/* weft: memory, the singletons and the abstract object protocol. */
/* Values -> generic operations (repr, hash, compare, operators, attributes, calls, iteration). */
#define _GNU_SOURCE  /* pthread_getattr_np */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "objimpl.h"
#include "attrslot.h"

/*
 * Start-up order (the runtime owner calls these from wf_runtime_init):
 *
 *  1. wf_object_init() first of all: it only fills static fields and inherits
 *     C slots of the core types (object, type, None, descriptors, module ...).
 *     No allocation of str/dict/tuple happens here.
 *  2. Other areas' init functions may call wf_type_ready() before dicts
 *     exist: slots are inherited at once, and the type is queued.
 *  3. wf_object_init_late() finishes every queued type; from then on
 *     wf_type_ready() is complete at once (tp_dict, tp_mro, slot wrappers).
 *     It needs wf_ids, str, tuple, list and dict, and runs by itself when
 *     wf_dict_init() readies the dict type (dict.c then uses dict's tp_dict
 *     straight away); the runtime's explicit call after wf_dict_init() is
 *     then a no-op.
 *
 * The abstract protocol below follows CPython's Objects/abstract.c and
 * Objects/object.c: same lookup order, same error messages.
 */

const char *const wf_binop_symbols[WF_BINOP_COUNT] = {
#define X(n, s, d, r, i) s,
    WF_BINOPS(X)
#undef X
};

static const char *const unop_symbols[WF_UNOP_COUNT] = {
#define X(n, s, d) s,
    WF_UNOPS(X)
#undef X
};

int wf_recursion_limit = 1000;

/* ---- memory ---- */

_Noreturn void wf_fatal(const char *file, int line, const char *func, const char *msg, int err)
{
    fprintf(stderr, "weft: fatal: %s:%d: %s: %s: %s\n", file, line, func, msg, strerror(err));
    abort();
}

void *wf_mem_alloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        WF_DIE("malloc", ENOMEM);
    return p;
}

void *wf_mem_calloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz ? sz : 1);
    if (!p)
        WF_DIE("calloc", ENOMEM);
    return p;
}

void *wf_mem_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        WF_DIE("realloc", ENOMEM);
    return q;
}

void wf_mem_free(void *p)
{
    free(p);
}

/* Small objects are recycled through per-thread free lists, one per 16-byte
 * size class. A block's class comes from malloc_usable_size() when it is
 * freed, so no header is needed and blocks may move freely between
 * wf_mem_* and wf_object_*: a block on list c always has room for 16*c
 * bytes. A block freed by another thread than the allocating one simply
 * joins the freeing thread's list.
 * The lists of a thread keep up to FL_MAX_BYTES in all: a program that
 * drops a large structure of small objects and builds another (a list of
 * 100,000 points, every round) reuses the blocks instead of paying glibc's
 * malloc and free for each, as CPython's pymalloc arenas avoid them. The
 * blocks go back to malloc when the thread ends. */
#define FL_CLASSES 16   /* up to 256 bytes */
#define FL_MAX_BYTES ((size_t)32 << 20)   /* kept per thread, all classes */
typedef struct FreeBlock {
    struct FreeBlock *next;
} FreeBlock;
static _Thread_local FreeBlock *fl_head[FL_CLASSES + 1];
static _Thread_local size_t fl_bytes;   /* on this thread's lists */

/* A block for class c is always allocated with room for 16*c bytes (not just
 * the size asked for), so that malloc_usable_size() puts it back on list c
 * when it is freed: with glibc, usable == 16*c + 8, whose class is c. */
static inline void obj_init_head(Object *o, TypeObject *type)
{
    wf_object_reinit_head(o, type);   /* wf_tid_current: 0 while no thread state is bound */
}

static inline void *fl_take(size_t size)
{
    size_t c = (size + 15) >> 4;
    if (WF_LIKELY(c <= FL_CLASSES)) {
        FreeBlock *b = fl_head[c];
        if (WF_LIKELY(b != NULL)) {
            fl_head[c] = b->next;
            fl_bytes -= c << 4;
            return b;
        }
        return wf_mem_alloc(c << 4);
    }
    return wf_mem_alloc(size);
}

static inline void fl_put(void *o, size_t c)
{
    if (c >= 1 && c <= FL_CLASSES && fl_bytes < FL_MAX_BYTES) {
        FreeBlock *b = (FreeBlock *)o;
        b->next = fl_head[c];
        fl_head[c] = b;
        fl_bytes += c << 4;
        return;
    }
    wf_mem_free(o);
}

Object *wf_object_alloc(TypeObject *type, size_t size)
{
    WF_ASSERT(size >= sizeof(Object));
    Object *o = fl_take(size);
    memset((char *)o + sizeof(Object), 0, size - sizeof(Object));
    obj_init_head(o, type);
    return o;
}

Object *wf_object_alloc_uninit(TypeObject *type, size_t size)
{
    WF_ASSERT(size >= sizeof(Object));
    Object *o = fl_take(size);
    obj_init_head(o, type);
    return o;
}

void *wf_mem_alloc_small(size_t n)
{
    return fl_take(n ? n : 1);
}

void wf_mem_free_small(void *p)
{
    if (p)
        fl_put(p, malloc_usable_size(p) >> 4);
}

void wf_object_free(Object *o)
{
    fl_put(o, malloc_usable_size(o) >> 4);
}

void wf_object_free_sized(Object *o, size_t size)
{
    fl_put(o, (size + 15) >> 4);
}

void wf_object_dealloc(Object *o)
{
    TypeObject *t = o->ob_type;
    if (t && t->tp_dealloc)
        t->tp_dealloc(o);
    else
        wf_object_free(o);
}

/* At thread exit (core/pystate.c): the thread's free lists go back to malloc. */
void wf_object_thread_fini(void)
{
    wf_float_thread_fini();   /* first: its blocks go to the lists freed below */
    wf_exc_thread_fini();
    wf_slice_thread_fini();
    for (size_t c = 0; c <= FL_CLASSES; c++) {
        FreeBlock *b = fl_head[c];
        while (b) {
            FreeBlock *next = b->next;
            wf_mem_free(b);
            b = next;
        }
        fl_head[c] = NULL;
    }
    fl_bytes = 0;
}

/* ---- biased reference counting: the slow paths (object.h, rules 3-5) ---- */

_Thread_local uintptr_t wf_tid_current __attribute__((tls_model("initial-exec")));

/* Rule 5: the object dies in this thread, which may not own it: make it ours
 * with a clean shared word first, so tp_dealloc sees what an owner sees. */
static void rc_make_ours(Object *o)
{
    __atomic_store_n(&o->ob_tid, wf_tid_current, __ATOMIC_RELAXED);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

static void rc_dealloc_here(Object *o)
{
    rc_make_ours(o);
    wf_object_dealloc(o);
}

void wf_object_merge_zero_local(Object *o)
{
    /* acquire: pairs with the release of non-owners' decrefs below, so their
     * last uses of the object happen before we free it */
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    if (shared == 0) {
        /* never shared: still ours, count 0. An exact float, the commonest
         * death, goes straight to its free list (float_dealloc's work). */
        if (!(o->ob_type == &wf_type_float && wf_float_free_push(o)))
            wf_object_dealloc(o);
        return;
    }
    /* Give ownership up before publishing MERGED: a thread that sees MERGED
     * must never see us as the owner (CPython gh-119999). */
    __atomic_store_n(&o->ob_tid, (uintptr_t)0, __ATOMIC_RELAXED);
    intptr_t merged;
    do {
        merged = (shared & ~(intptr_t)WF_REF_FLAGS) | WF_REF_MERGED;
        /* acq_rel: acquire as above; release so that a non-owner that later
         * frees the object sees our last writes */
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel, memory_order_acquire));
    if (merged == WF_REF_MERGED)
        rc_dealloc_here(o);
}

void wf_object_decref_shared(Object *o)
{
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t next;
    bool queue;
    do {
        /* Rule 4: owned, and the reference we drop is counted in the owner's
         * local count: the queue keeps it, the owner drops it later. */
        queue = shared == 0;
        next = queue ? WF_REF_QUEUED : shared - ((intptr_t)1 << WF_REF_SHARED_SHIFT);
        /* acq_rel: release orders our uses of o before whoever frees it;
         * acquire, for when that is us */
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, next,
                                                    memory_order_acq_rel, memory_order_relaxed));
    if (queue)
        wf_brc_queue_object(o);
    else if (next == WF_REF_MERGED)
        rc_dealloc_here(o);
}

intptr_t wf_object_explicit_merge(Object *o, intptr_t extra)
{
    __atomic_store_n(&o->ob_tid, (uintptr_t)0, __ATOMIC_RELAXED);
    /* The local count moves into the shared word: clear it BEFORE the CAS
     * publishes MERGED, because from then on another thread may drop the
     * last reference and free the object (a store after it would race with
     * that free). Only the owner, or we on its behalf, change it. */
    intptr_t local = (intptr_t)wf_refcnt_local(o);
    __atomic_store_n(&o->ob_ref_local, 0u, __ATOMIC_RELAXED);
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t count, merged;
    do {
        count = (shared >> WF_REF_SHARED_SHIFT) + local + extra;
        merged = (intptr_t)((uintptr_t)count << WF_REF_SHARED_SHIFT) | WF_REF_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel, memory_order_acquire));
    return count;
}

void wf_object_dealloc_here(Object *o)
{
    rc_dealloc_here(o);
}

bool wf_object_unresurrect(Object *o)
{
    /* The resurrected object is ours (wf_object_resurrect); drop the
     * reference as an owner would, but report instead of freeing. */
    uint32_t local = wf_refcnt_local(o) - 1;
    __atomic_store_n(&o->ob_ref_local, local, __ATOMIC_RELAXED);
    if (local != 0)
        return false;
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    if (shared == 0)
        return true;
    __atomic_store_n(&o->ob_tid, (uintptr_t)0, __ATOMIC_RELAXED);
    intptr_t merged;
    do {
        merged = (shared & ~(intptr_t)WF_REF_FLAGS) | WF_REF_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, merged,
                                                    memory_order_acq_rel, memory_order_acquire));
    if (merged != WF_REF_MERGED)
        return false;   /* other threads hold it now; the last of them frees it */
    rc_make_ours(o);
    return true;
}

/* ---- recursion guard ---- */

/* CPython counts Python frames and guarded C calls in one budget, but
 * Python-to-Python recursion through slots (a __getattr__ calling getattr)
 * reports the Python-level error there because those paths carry no C guard.
 * Here every wf_call is guarded, so the C budget is a multiple of the Python
 * one: the Python-level check in ceval trips first for mixed recursion, and
 * pure C recursion (repr of deeply nested lists) still stops long before the
 * C stack runs out. */
/* Besides the count, the guard refuses to go deeper once less than
 * STACK_MARGIN bytes of this thread's C stack are left, so that a raised
 * recursion limit cannot crash a deep C recursion (repr of a nested list). */
#define STACK_MARGIN (256 * 1024)
static _Thread_local char *stack_limit;

static char *stack_limit_init(char *here)
{
    pthread_attr_t attr;
    char *limit = here - 4 * 1024 * 1024;  /* unknown: assume 4 MB below here */
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0 && (char *)addr + STACK_MARGIN < here)
            limit = (char *)addr + STACK_MARGIN;
        pthread_attr_destroy(&attr);
    }
    return limit;
}

static bool stack_exhausted(void)
{
    char here;
    if (WF_UNLIKELY(!stack_limit))
        stack_limit = stack_limit_init(&here);
    return &here < stack_limit;
}

int wf_enter_recursive_call(const char *where)
{
    ThreadState *ts = wf_tstate();
    if (!ts)
        return 0;
    if (++ts->c_recursion_depth > wf_recursion_limit * 3 + 50 || stack_exhausted()) {
        ts->c_recursion_depth--;
        wf_err_format(wf_exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void wf_leave_recursive_call(void)
{
    ThreadState *ts = wf_tstate();
    if (ts)
        ts->c_recursion_depth--;
}

/* ---- None, NotImplemented, Ellipsis ---- */

Object wf_none_obj = WF_STATIC_HEAD(&wf_type_none);
Object wf_notimplemented_obj = WF_STATIC_HEAD(&wf_type_notimplemented);
Object wf_ellipsis_obj = WF_STATIC_HEAD(&wf_type_ellipsis);

static Value none_repr(Value v) { return wf_str_intern_c("None"); }
static Value notimpl_repr(Value v) { return wf_str_intern_c("NotImplemented"); }
static Value ellipsis_repr(Value v) { return wf_str_intern_c("Ellipsis"); }
static int none_bool(Value v) { return 0; }
static Hash none_hash(Value v) { return 0xFCA86420; }  /* fixed, as in CPython 3.12 */

static Value singleton_new(TypeObject *t, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs || (kwnames && wf_tuple_size(kwnames)))
        return wf_err_format(wf_exc_TypeError, "%s takes no arguments", t->tp_name);
    if (t == &wf_type_none)
        return wf_None;
    return t == &wf_type_ellipsis ? wf_Ellipsis : wf_NotImplemented;
}

TypeObject wf_type_none = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(Object),
    .tp_repr = none_repr,
    .tp_bool = none_bool,
    .tp_hash = none_hash,
    .tp_new = singleton_new,
};

/* True, like any object; CPython 3.11 also warns (DeprecationWarning). */
static int notimpl_bool(Value v) { return 1; }

TypeObject wf_type_notimplemented = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(Object),
    .tp_repr = notimpl_repr,
    .tp_bool = notimpl_bool,
    .tp_new = singleton_new,
};

TypeObject wf_type_ellipsis = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(Object),
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
};

/* True and False are defined with their type in core/bool.c. */

/* ---- repr, str, ascii, hash, truth ---- */

static Value check_str_result(Value r, const char *what)
{
    if (r && !wf_is_str(r)) {
        wf_err_format(wf_exc_TypeError, "%s returned non-string (type %s)", what, wf_type_name(r));
        wf_decref(r);
        return 0;
    }
    return r;
}

Value wf_repr(Value v)
{
    TypeObject *t = wf_type(v);
    if (!t->tp_repr)
        return wf_object_default_repr(v);
    if (wf_enter_recursive_call(" while getting the repr of an object"))
        return 0;
    Value r = t->tp_repr(v);
    wf_leave_recursive_call();
    return check_str_result(r, "__repr__");
}

Value wf_str(Value v)
{
    if (wf_is_str_exact(v))
        return wf_incref(v);
    TypeObject *t = wf_type(v);
    if (!t->tp_str)
        return wf_repr(v);
    if (wf_enter_recursive_call(" while getting the str of an object"))
        return 0;
    Value r = t->tp_str(v);
    wf_leave_recursive_call();
    return check_str_result(r, "__str__");
}

/* Decode one UTF-8 sequence (input is valid UTF-8). */
static uint32_t utf8_next(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = *p++;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra)
        c &= 0x3F >> extra;
    while (extra-- > 0)
        c = (c << 6) | (*p++ & 0x3F);
    *pp = p;
    return c;
}

Value wf_ascii(Value v)
{
    Value r = wf_repr(v);
    if (!r || wf_as_str(r)->ascii)
        return r;
    StrBuilder sb;
    wf_sb_init(&sb);
    const unsigned char *p = (const unsigned char *)wf_str_cstr(r);
    const unsigned char *end = p + wf_as_str(r)->len;
    char buf[16];
    while (p < end) {
        uint32_t c = utf8_next(&p);
        if (c < 0x80) {
            wf_sb_add_char(&sb, (char)c);
            continue;
        }
        int n = c < 0x100 ? snprintf(buf, sizeof buf, "\\x%02x", c)
              : c < 0x10000 ? snprintf(buf, sizeof buf, "\\u%04x", c)
              : snprintf(buf, sizeof buf, "\\U%08x", c);
        wf_sb_add(&sb, buf, (size_t)n);
    }
    wf_decref(r);
    return wf_sb_finish(&sb);
}

Hash wf_hash_pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    Hash h = (Hash)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    return h == -1 ? -2 : h;
}

Hash wf_hash(Value v)
{
    if (wf_is_small(v)) {
        intptr_t i = wf_small_val(v);
        if (WF_LIKELY(i > -((intptr_t)1 << 61) + 1 && i < ((intptr_t)1 << 61) - 1))
            return i == -1 ? -2 : (Hash)i;  /* as wf_int_hash: |i| < 2**61 - 1 */
        return wf_int_hash(v);
    }
    TypeObject *t = wf_type(v);
    if (WF_LIKELY(t->tp_hash != NULL))
        return t->tp_hash(v);
    wf_err_format(wf_exc_TypeError, "unhashable type: '%s'", t->tp_name);
    return -1;
}

int wf_truthy(Value v)
{
    if (v == wf_True)
        return 1;
    if (v == wf_False || v == wf_None)
        return 0;
    if (wf_is_small(v))
        return wf_small_val(v) != 0;
    TypeObject *t = wf_type(v);
    if (t->tp_bool)
        return t->tp_bool(v);
    if (t->tp_len) {
        intptr_t n = t->tp_len(v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

Value wf_not(Value a)
{
    int r = wf_truthy(a);
    return r < 0 ? 0 : wf_bool(!r);
}

/* ---- rich comparison ---- */

static const int swapped_op[6] = { WF_GT, WF_GE, WF_EQ, WF_NE, WF_LT, WF_LE };
static const char *const cmp_symbols[6] = { "<", "<=", "==", "!=", ">", ">=" };

/* CPython's do_richcompare: a proper subclass on the right gets the first try. */
static Value do_richcompare(Value v, Value w, int op)
{
    TypeObject *vt = wf_type(v), *wt = wf_type(w);
    bool checked_reverse = false;
    Value r;
    if (vt != wt && wt->tp_richcompare && wf_type_is_subtype(wt, vt)) {
        checked_reverse = true;
        r = wt->tp_richcompare(w, v, swapped_op[op]);
        if (r != wf_NotImplemented)
            return r;
    }
    if (vt->tp_richcompare) {
        r = vt->tp_richcompare(v, w, op);
        if (r != wf_NotImplemented)
            return r;
    }
    if (!checked_reverse && wt->tp_richcompare) {
        r = wt->tp_richcompare(w, v, swapped_op[op]);
        if (r != wf_NotImplemented)
            return r;
    }
    if (op == WF_EQ)
        return wf_bool(v == w);
    if (op == WF_NE)
        return wf_bool(v != w);
    return wf_err_format(wf_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                         cmp_symbols[op], vt->tp_name, wt->tp_name);
}

Value wf_richcompare(Value a, Value b, int op)
{
    WF_ASSERT(op >= WF_LT && op <= WF_GE);
    if (wf_enter_recursive_call(" in comparison"))
        return 0;
    Value r = do_richcompare(a, b, op);
    wf_leave_recursive_call();
    return r;
}

int wf_richcompare_bool(Value a, Value b, int op)
{
    if (a == b) {
        if (op == WF_EQ)
            return 1;
        if (op == WF_NE)
            return 0;
    }
    Value r = wf_richcompare(a, b, op);
    if (!r)
        return -1;
    if (r == wf_True)
        return 1;
    if (r == wf_False)
        return 0;
    int t = wf_truthy(r);
    wf_decref(r);
    return t;
}

int wf_equal(Value a, Value b)
{
    return wf_richcompare_bool(a, b, WF_EQ);
}

/* ---- number operators ---- */

/* CPython's binary_op1: try the left slot, then the right; a proper
 * subclass on the right with its own slot goes first. */
static Value binary_op1(Value v, Value w, int op)
{
    TypeObject *vt = wf_type(v), *wt = wf_type(w);
    Value (*slotv)(Value, Value, int) = vt->tp_binop;
    Value (*slotw)(Value, Value, int) = NULL;
    if (wt != vt) {
        slotw = wt->tp_binop;
        if (slotw == slotv)
            slotw = NULL;
    }
    Value x;
    if (slotv) {
        if (slotw && wf_type_is_subtype(wt, vt)) {
            x = slotw(v, w, op);
            if (x != wf_NotImplemented)
                return x;
            slotw = NULL;
        }
        x = slotv(v, w, op);
        if (x != wf_NotImplemented)
            return x;
    }
    if (slotw)
        return slotw(v, w, op);
    return wf_NotImplemented;
}

static Value binop_type_error(Value a, Value b, int op, bool inplace)
{
    if (op == WF_BINOP_POW && !inplace)
        return wf_err_format(wf_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                             wf_type_name(a), wf_type_name(b));
    return wf_err_format(wf_exc_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                         wf_binop_symbols[op], inplace ? "=" : "", wf_type_name(a), wf_type_name(b));
}

Value wf_binop(Value a, Value b, int op)
{
    WF_ASSERT(op >= 0 && op < WF_BINOP_COUNT);
    Value r = binary_op1(a, b, op);
    if (r == wf_NotImplemented)
        return binop_type_error(a, b, op, false);
    return r;
}

Value wf_inplace(Value a, Value b, int op)
{
    WF_ASSERT(op >= 0 && op < WF_BINOP_COUNT);
    TypeObject *t = wf_type(a);
    if (t->tp_inplace) {
        Value r = t->tp_inplace(a, b, op);
        if (r != wf_NotImplemented)
            return r;
    }
    Value r = binary_op1(a, b, op);
    if (r == wf_NotImplemented)
        return binop_type_error(a, b, op, true);
    return r;
}

Value wf_unary(Value a, int op)
{
    WF_ASSERT(op >= 0 && op < WF_UNOP_COUNT);
    TypeObject *t = wf_type(a);
    if (t->tp_unary) {
        Value r = t->tp_unary(a, op);
        if (r != wf_NotImplemented)
            return r;
    }
    if (op == WF_UNOP_ABS)
        return wf_err_format(wf_exc_TypeError, "bad operand type for abs(): '%s'", t->tp_name);
    return wf_err_format(wf_exc_TypeError, "bad operand type for unary %s: '%s'", unop_symbols[op], t->tp_name);
}

/* ---- attributes ---- */

Value om_attr_error_context(Value obj, Value name)
{
    Value exc = wf_err_fetch();
    if (exc && wf_isinstance_type(exc, wf_exc_AttributeError)) {
        if (wf_setattr(exc, WF_ID(name), name) < 0 || wf_setattr_c(exc, "obj", obj) < 0)
            wf_err_clear();
    }
    wf_err_restore(exc);
    return 0;
}

static Value attr_name_error(Value name)
{
    return wf_err_format(wf_exc_TypeError, "attribute name must be string, not '%s'", wf_type_name(name));
}

Value wf_getattr(Value obj, Value name)
{
    if (WF_UNLIKELY(!wf_is_str(name)))
        return attr_name_error(name);
    TypeObject *t = wf_type(obj);
    if (t->tp_getattr)
        return t->tp_getattr(obj, name);
    return wf_object_generic_getattr(obj, name);
}

Value wf_getattr_c(Value obj, const char *name)
{
    return wf_getattr(obj, wf_str_intern_c(name));
}

Value wf_getattr_opt(Value obj, Value name)
{
    if (WF_UNLIKELY(!wf_is_str(name)))
        return attr_name_error(name);
    return om_getattr_opt(obj, name);
}

int wf_setattr(Value obj, Value name, Value v)
{
    if (WF_UNLIKELY(!wf_is_str(name)))
        return attr_name_error(name), -1;
    TypeObject *t = wf_type(obj);
    if (t->tp_setattr)
        return t->tp_setattr(obj, name, v);
    return wf_object_generic_setattr(obj, name, v);
}

int wf_setattr_c(Value obj, const char *name, Value v)
{
    return wf_setattr(obj, wf_str_intern_c(name), v);
}

int wf_hasattr(Value obj, Value name)
{
    Value r = wf_getattr_opt(obj, name);
    if (r) {
        wf_decref(r);
        return 1;
    }
    return wf_err_occurred() ? -1 : 0;
}

Value wf_lookup_special(Value obj, Value name)
{
    TypeObject *t = wf_type(obj);
    Value d = om_type_lookup(t, name);
    if (!d)
        return 0;
    TypeObject *dt = wf_type(d);
    if (dt->tp_descr_get)
        return dt->tp_descr_get(d, obj, wf_val(t));
    return wf_incref(d);
}


int wf_get_method(Value obj, Value name, Value *meth)
{
    TypeObject *t = wf_type(obj);
    *meth = 0;
    if (t->tp_getattr && t->tp_getattr != wf_object_generic_getattr) {
        *meth = wf_getattr(obj, name);
        return *meth ? 0 : -1;
    }
    Value descr = om_type_lookup(t, name);
    Value (*f)(Value, Value, Value) = NULL;
    bool is_method = false;
    if (descr) {
        TypeObject *dt = wf_type(descr);
        if (om_is_method_type(dt)) {
            is_method = true;
        } else {
            f = dt->tp_descr_get;
            if (f && dt->tp_descr_set) {
                *meth = f(descr, obj, wf_val(t));
                return *meth ? 0 : -1;
            }
        }
    }
    Value *dp = om_dict_ptr(obj, t);
    Value d = dp ? wf_attrslot_load(dp) : 0;  /* obj.__dict__ may be replaced meanwhile (core/attrslot.h) */
    if (d) {
        /* The lock-free probe tells "absent" apart from "ask wf_dict_get",
         * so the common miss (a method, not an instance value) needs no
         * error check. */
        Value a = 0;
        Hash hash = wf_is_str_exact(name) ? wf_dict_str_hash(name) : -1;
        int r = hash != -1 ? wf_dict_probe_ident1(wf_as_dict(d), name, hash, &a) : -1;
        if (r < 0) {
            a = wf_dict_get(d, name);
            if (!a && wf_err_occurred())
                return -1;
        }
        if (a) {
            *meth = wf_incref(a);
            return 0;
        }
    }
    if (is_method) {
        *meth = wf_incref(descr);
        return 1;
    }
    if (f) {
        *meth = f(descr, obj, wf_val(t));
        return *meth ? 0 : -1;
    }
    if (descr) {
        *meth = wf_incref(descr);
        return 0;
    }
    wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", t->tp_name, name);
    om_attr_error_context(obj, name);
    return -1;
}

/* ---- calls ---- */

Value wf_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    TypeObject *t = wf_type(callable);
    /* A Python function needs no C-recursion count: wf_eval_frame checks
     * the C stack on entry and each frame counts in the Python depth. */
    if (t == &wf_type_function)
        return wf_function_call(callable, args, nargs, kwnames);
    if (WF_UNLIKELY(!t->tp_call))
        return wf_err_format(wf_exc_TypeError, "'%s' object is not callable", t->tp_name);
    if (wf_enter_recursive_call(" while calling a Python object"))
        return 0;
    Value r = t->tp_call(callable, args, nargs, kwnames);
    wf_leave_recursive_call();
    WF_ASSERT(r || wf_err_occurred());
    return r;
}

Value wf_call0(Value callable)
{
    return wf_call(callable, NULL, 0, 0);
}

Value wf_call1(Value callable, Value a)
{
    return wf_call(callable, &a, 1, 0);
}

Value wf_call2(Value callable, Value a, Value b)
{
    Value args[2] = { a, b };
    return wf_call(callable, args, 2, 0);
}

Value wf_call_tuple_dict(Value callable, Value args_tuple, Value kwargs)
{
    size_t np = args_tuple ? wf_tuple_size(args_tuple) : 0;
    intptr_t nk = kwargs ? wf_dict_size(kwargs) : 0;
    if (nk <= 0)
        return wf_call(callable, np ? wf_as_tuple(args_tuple)->items : NULL, np, 0);
    Value stackbuf[8];
    Value *args = np + nk <= 8 ? stackbuf : wf_mem_alloc((np + nk) * sizeof(Value));
    for (size_t i = 0; i < np; i++)
        args[i] = wf_tuple_get(args_tuple, i);
    Value kwnames = wf_tuple_new((size_t)nk);
    size_t pos = 0, i = 0;
    Value k, v, r = 0;
    while (wf_dict_next(kwargs, &pos, &k, &v)) {
        if (!wf_is_str(k)) {
            wf_err_set_str(wf_exc_TypeError, "keywords must be strings");
            goto done;
        }
        wf_as_tuple(kwnames)->items[i] = wf_incref(k);
        args[np + i++] = v;
    }
    r = wf_call(callable, args, np, kwnames);   /* nargs: the positionals only */
done:
    wf_decref(kwnames);
    if (args != stackbuf)
        wf_mem_free(args);
    return r;
}

Value wf_call_method(Value obj, const char *name, const Value *args, size_t nargs)
{
    Value m;
    int k = wf_get_method(obj, wf_str_intern_c(name), &m);
    if (k < 0)
        return 0;
    if (k == 0) {
        Value r = wf_call(m, args, nargs, 0);
        wf_decref(m);
        return r;
    }
    Value stackbuf[8];
    Value *a = nargs + 1 <= 8 ? stackbuf : wf_mem_alloc((nargs + 1) * sizeof(Value));
    a[0] = obj;
    if (nargs)
        memcpy(a + 1, args, nargs * sizeof(Value));
    Value r = wf_call(m, a, nargs + 1, 0);
    if (a != stackbuf)
        wf_mem_free(a);
    wf_decref(m);
    return r;
}

int wf_callable(Value v)
{
    return wf_type(v)->tp_call != NULL;
}

/* ---- containers ---- */

static Value class_getitem(Value cls, Value key)
{
    Value f = wf_getattr_opt(cls, WF_ID(__class_getitem__));
    if (!f) {
        if (wf_err_occurred())
            return 0;
        return wf_err_format(wf_exc_TypeError, "type '%s' is not subscriptable", wf_as_type(cls)->tp_name);
    }
    Value r = wf_call1(f, key);
    wf_decref(f);
    return r;
}

Value wf_getitem(Value obj, Value key)
{
    TypeObject *t = wf_type(obj);
    if (WF_LIKELY(t->tp_getitem != NULL))
        return t->tp_getitem(obj, key);
    if (wf_is_type(obj))
        return class_getitem(obj, key);
    return wf_err_format(wf_exc_TypeError, "'%s' object is not subscriptable", t->tp_name);
}

int wf_setitem(Value obj, Value key, Value v)
{
    TypeObject *t = wf_type(obj);
    if (WF_LIKELY(t->tp_setitem != NULL))
        return t->tp_setitem(obj, key, v);
    return wf_err_format(wf_exc_TypeError, "'%s' object does not support item assignment", t->tp_name), -1;
}

int wf_delitem(Value obj, Value key)
{
    TypeObject *t = wf_type(obj);
    if (WF_LIKELY(t->tp_setitem != NULL))
        return t->tp_setitem(obj, key, 0);
    /* CPython words it differently for sequences (sq_item) and the rest. */
    if (!t->tp_getitem)
        return wf_err_format(wf_exc_TypeError, "'%s' object does not support item deletion", t->tp_name), -1;
    return wf_err_format(wf_exc_TypeError, "'%s' object doesn't support item deletion", t->tp_name), -1;
}

intptr_t wf_len(Value obj)
{
    TypeObject *t = wf_type(obj);
    if (WF_LIKELY(t->tp_len != NULL))
        return t->tp_len(obj);
    wf_err_format(wf_exc_TypeError, "object of type '%s' has no len()", t->tp_name);
    return -1;
}

/* `item in container` without __contains__: iterate and compare (identity first). */
static int contains_by_iteration(Value container, Value item)
{
    Value it = wf_iter(container);
    if (!it) {
        if (wf_err_matches(wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(wf_exc_TypeError, "argument of type '%s' is not iterable", wf_type_name(container));
        }
        return -1;
    }
    int found = 0;
    Value x;
    while ((x = wf_next(it)) != 0) {
        found = wf_richcompare_bool(x, item, WF_EQ);
        wf_decref(x);
        if (found != 0)
            break;
    }
    if (!x && wf_err_occurred())
        found = -1;
    wf_decref(it);
    return found;
}

int wf_contains(Value container, Value item)
{
    TypeObject *t = wf_type(container);
    if (t->tp_contains)
        return t->tp_contains(container, item);
    return contains_by_iteration(container, item);
}

Value wf_iter(Value obj)
{
    TypeObject *t = wf_type(obj);
    if (t->tp_iter) {
        Value r = t->tp_iter(obj);
        if (r && !wf_type(r)->tp_iternext) {
            wf_err_format(wf_exc_TypeError, "iter() returned non-iterator of type '%s'", wf_type_name(r));
            wf_decref(r);
            return 0;
        }
        return r;
    }
    if (t->tp_getitem && !wf_is_dict(obj))
        return wf_seqiter_new(obj);
    return wf_err_format(wf_exc_TypeError, "'%s' object is not iterable", t->tp_name);
}

Value wf_next(Value it)
{
    TypeObject *t = wf_type(it);
    if (WF_UNLIKELY(!t->tp_iternext))
        return wf_err_format(wf_exc_TypeError, "'%s' object is not an iterator", t->tp_name);
    Value r = t->tp_iternext(it);
    if (!r && wf_err_occurred() && wf_err_matches(wf_exc_StopIteration))
        wf_err_clear();
    return r;
}

Value wf_iter_next(Value it)
{
    return wf_next(it);
}

/* ---- format, isinstance, index ---- */

Value wf_format(Value obj, Value spec)
{
    Value empty = wf_str_intern_c("");
    if (!spec)
        spec = empty;
    if (wf_is_str_exact(obj) && wf_as_str(spec)->len == 0)
        return wf_incref(obj);
    TypeObject *t = wf_type(obj);
    Value r;
    if (t->tp_format) {
        r = t->tp_format(obj, spec);
    } else {
        Value f = wf_lookup_special(obj, WF_ID(__format__));
        if (!f)
            return wf_err_occurred() ? 0 : wf_err_format(wf_exc_TypeError, "Type %s doesn't define __format__", t->tp_name);
        r = wf_call1(f, spec);
        wf_decref(f);
    }
    if (r && !wf_is_str(r)) {
        wf_err_format(wf_exc_TypeError, "__format__ must return a str, not %s", wf_type_name(r));
        wf_decref(r);
        return 0;
    }
    return r;
}

/* A metaclass's __instancecheck__ / __subclasscheck__, or 0 if it has none. */
static Value meta_check(Value cls, Value name)
{
    if (wf_type(cls) == &wf_type_type)
        return 0;
    return wf_lookup_special(cls, name);
}

static int call_check(Value f, Value arg)
{
    Value r = wf_call1(f, arg);
    wf_decref(f);
    if (!r)
        return -1;
    int b = wf_truthy(r);
    wf_decref(r);
    return b;
}

int wf_isinstance(Value obj, Value cls)
{
    if (wf_is_type(cls)) {
        TypeObject *ct = wf_as_type(cls);
        if (wf_type(obj) == ct)
            return 1;
        Value f = meta_check(cls, WF_ID(__instancecheck__));
        if (f)
            return call_check(f, obj);
        if (wf_err_occurred())
            return -1;
        return wf_isinstance_type(obj, ct);
    }
    if (wf_is_tuple(cls)) {
        if (wf_enter_recursive_call(" in __instancecheck__"))
            return -1;
        int r = 0;
        for (size_t i = 0; i < wf_tuple_size(cls) && r == 0; i++)
            r = wf_isinstance(obj, wf_tuple_get(cls, i));
        wf_leave_recursive_call();
        return r;
    }
    Value f = wf_lookup_special(cls, WF_ID(__instancecheck__));
    if (f)
        return call_check(f, obj);
    if (wf_err_occurred())
        return -1;
    wf_err_set_str(wf_exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

int wf_issubclass(Value cls, Value base)
{
    if (wf_is_type(base)) {
        Value f = meta_check(base, WF_ID(__subclasscheck__));
        if (f)
            return call_check(f, cls);
        if (wf_err_occurred())
            return -1;
        if (!wf_is_type(cls))
            return wf_err_set_str(wf_exc_TypeError, "issubclass() arg 1 must be a class"), -1;
        TypeObject *a = wf_as_type(cls), *b = wf_as_type(base);
        return a == b || wf_type_is_subtype(a, b);
    }
    if (wf_is_tuple(base)) {
        if (wf_enter_recursive_call(" in __subclasscheck__"))
            return -1;
        int r = 0;
        for (size_t i = 0; i < wf_tuple_size(base) && r == 0; i++)
            r = wf_issubclass(cls, wf_tuple_get(base, i));
        wf_leave_recursive_call();
        return r;
    }
    Value f = wf_lookup_special(base, WF_ID(__subclasscheck__));
    if (f)
        return call_check(f, cls);
    if (wf_err_occurred())
        return -1;
    if (!wf_is_type(cls))
        return wf_err_set_str(wf_exc_TypeError, "issubclass() arg 1 must be a class"), -1;
    wf_err_set_str(wf_exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
}

Value wf_index(Value v)
{
    if (wf_is_int(v))
        return wf_incref(v);
    TypeObject *t = wf_type(v);
    if (!t->tp_index)
        return wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", t->tp_name);
    Value r = t->tp_index(v);
    if (r && !wf_is_int(r)) {
        wf_err_format(wf_exc_TypeError, "__index__ returned non-int (type %s)", wf_type_name(r));
        wf_decref(r);
        return 0;
    }
    return r;
}

intptr_t wf_as_ssize(Value v)
{
    if (wf_is_small(v))
        return wf_small_val(v);
    Value i = wf_index(v);
    if (!i)
        return -1;
    if (wf_is_small(i))
        return wf_small_val(i);
    int64_t out;
    int rc = wf_int_as_i64(i, &out);
    wf_decref(i);
    if (rc < 0) {
        wf_err_clear();
        wf_err_format(wf_exc_OverflowError, "cannot fit '%s' into an index-sized integer", wf_type_name(v));
        return -1;
    }
    return (intptr_t)out;
}

const char *wf_type_name(Value v)
{
    return wf_type(v)->tp_name;
}
