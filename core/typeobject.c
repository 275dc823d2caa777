/* weft: the `type` and `object` types, readying types and creating classes. */
/* (name, bases, namespace) | static TypeObject -> ready type with MRO, dict and C slots. */
#include <stdio.h>
#include "objimpl.h"
#include "attrslot.h"
#include "watch.h"
#include "sync/mutex.h"

/*
 * How a type's C slots and its dict agree:
 *
 *  1. A built-in type sets its C slots statically. wf_type_ready() inherits
 *     every NULL slot from the base, then exposes every slot the type defines
 *     itself (differs from the base's) as a "slot wrapper" in tp_dict, so
 *     int.__add__, object.__init__, list.__init__ exist for Python code.
 *  2. tp_hash and tp_richcompare are inherited together: a type that defines
 *     comparison but no hash is unhashable (dict["__hash__"] = None).
 *  3. A heap class fills each slot group (om_slotdefs rows sharing a slot)
 *     from what its MRO defines for the group's dunders: if every dunder found
 *     is a slot wrapper of the same C function, the slot is that function
 *     (no Python-level indirection); if any is a Python function, the slot is
 *     the generic slot_* function that calls the dunders; if none is found,
 *     the slot is NULL.
 *  4. Assigning or deleting a dunder on a heap class re-runs rule 3 for that
 *     group in the class and all its subclasses, and bumps tp_version.
 */

/*
 * Instance layout of a class (set_layout):
 *
 *  - Classes whose nearest built-in base is object use InstanceObject: the
 *    dict lives at offsetof(InstanceObject, dict) whenever the class has one,
 *    and __slots__ values follow in `slots[]`, each class appending its own.
 *  - A class extending another built-in (list, dict, exceptions, property ...)
 *    keeps the base's dict if it has one (tp_dictoffset), else appends
 *    __slots__ and then one `Value dict` after the base's tp_basicsize; the
 *    base's tp_new must allocate type->tp_basicsize bytes.
 *  - Variable-size bases keep the dict elsewhere: after the items for tuples
 *    (wf_tuple_dict_slot), after the characters for str (om_str_dict_ptr);
 *    om_dict_ptr() finds it in every case.
 *  - Two bases conflict when neither's solid base (the last class that added
 *    C-level fields or __slots__) derives from the other's.
 */

#define TPF_SLOTS_INHERITED 0x40000000u  /* private: step 1 of ready done */
#define TPF_ABSTRACT 0x20000000u         /* private: __abstractmethods__ non-empty */
#define OBF_FINALIZED 0x40               /* ob_flags: __del__ already called */
#define SUBCLASS_FLAGS (WF_TPF_INT_SUBCLASS | WF_TPF_STR_SUBCLASS | WF_TPF_TUPLE_SUBCLASS | \
                        WF_TPF_LIST_SUBCLASS | WF_TPF_DICT_SUBCLASS | WF_TPF_EXC_SUBCLASS | \
                        WF_TPF_TYPE_SUBCLASS)

/*
 * Types under threads (docs/threads.md, "Types"):
 *
 *  1. Every change to a type after it is created -- a class attribute set or
 *     deleted, a dunder's C slot re-derived, __name__/__qualname__ and the
 *     other type attributes with setters, a subclass link added, a built-in
 *     type readied late -- happens under type_lock, one recursive mutex for
 *     all types (CPython's TYPE_LOCK). It is recursive because a change can
 *     run Python code that changes a type again (a dict write dropping the
 *     last reference to an object with __del__ is avoided, see rule 3, but
 *     readying a type or creating a subclass may nest).
 *  2. The order inside is: set the versions of the type and every subclass
 *     to 0 (no guard or cache matches 0), write the type dict, then give
 *     them fresh versions (release), then re-derive the slots, then call
 *     the watchers of every type whose version changed (core/watch.h); all
 *     before the mutating call returns. A reader that saw the new version
 *     therefore sees the new dict entry, and a per-thread method cache entry
 *     filled from the old dict carries the old version, so it is never used
 *     again. Versions come from one global counter (core/watch.c), so a
 *     version alone names a (type, state) pair: a cache keyed by the version
 *     cannot confuse two types, nor two states of one type. When the counter
 *     is exhausted, bumped types get 0 ("unversioned") and keep it: nothing
 *     caches against 0, the method cache included.
 *  3. The value a class attribute write replaces is kept alive by the writer
 *     and dropped with wf_defer_decref after the lock is released: a thread
 *     that got it as a borrowed result from its method cache or from the
 *     dict a moment ago can still take a reference.
 *  4. Readers take no lock: lookups walk tp_mro and read each type dict
 *     through the dict's own thread-safe read path; a hit writes only the
 *     reader's own cache (om_mcache is per thread).
 *  5. Words that the whole interpreter reads without atomics -- a type's C
 *     slots (when a dunder is assigned), tp_name, tp_flags, an object's
 *     ob_type (__class__ assignment) -- are written with every other thread
 *     stopped (wf_stop_the_world, as CPython's free-threaded build does for
 *     slots and __class__). The new values are computed first, under the
 *     type lock; with the world stopped only plain stores happen, no lock is
 *     taken. This is rare (class set-up, not steady state); plain class
 *     attribute writes stop nothing.
 *  6. Start-up (wf_object_init .. wf_object_init_late, the ready queue) runs
 *     before any second thread exists; after it, readying a built-in type
 *     that was never used before is done under type_lock, and the READY bit
 *     is set last (release).
 */
static WfRMutex type_lock = WF_RMUTEX_INIT;

/* A thread that finds type_lock busy waits detached (wf_blocking_begin):
 * holders stop the world (rule 5), and a thread parked while attached would
 * never reach the safe point the stopper waits for (core/thread.h,
 * wf_stop_the_world: "never while holding a lock that an attached thread
 * may wait for without detaching"). */
static void type_lock_acquire(void)
{
    if (wf_rmutex_lock_timed(&type_lock, 0, 0) == WF_LOCK_ACQUIRED)
        return;
    wf_blocking_begin();
    wf_rmutex_lock(&type_lock);
    wf_blocking_end();
}
static void type_lock_release(void) { (void)wf_rmutex_unlock(&type_lock); }

static bool late_done;                 /* start-up only (rule 6) */
static TypeObject *ready_queue[256];   /* start-up only (rule 6) */
static size_t ready_queue_len;

static Value object_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames);
static int object_init(Value self, const Value *args, size_t nargs, Value kwnames);
static Value type_tp_new(TypeObject *meta, const Value *args, size_t nargs, Value kwnames);
static Value type_getattro(Value tv, Value name);
static Value type_getattr_impl(Value tv, Value name, bool suppress);
static int type_setattro(Value tv, Value name, Value v);
static int type_dict_store(TypeObject *t, Value name, Value v);
static void fixup_slot(TypeObject *t, size_t offset);
static void *slot_value(TypeObject *t, size_t offset);
static Value slot_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames);

static inline size_t kw_count(Value kwnames)
{
    return kwnames ? wf_tuple_size(kwnames) : 0;
}

static inline void **slot_ptr(TypeObject *t, size_t offset)
{
    return (void **)((char *)t + offset);
}

/* ---- subtype test and lookup ---- */

bool wf_type_is_subtype(TypeObject *a, TypeObject *b)
{
    if (a == b)
        return true;
    Value mro = a->tp_mro;
    if (mro) {
        TupleObject *m = wf_as_tuple(mro);
        for (size_t i = 0; i < m->size; i++)
            if (m->items[i] == wf_val(b))
                return true;
        return false;
    }
    for (a = a->tp_base; a; a = a->tp_base)
        if (a == b)
            return true;
    return b == &wf_type_object;
}

/* Method cache: (type, tp_version, interned name) -> borrowed result of the
 * MRO walk, 0 included. Every change to a type dict bumps tp_version of the
 * type and its subclasses (wf_type_modified), which invalidates the entries;
 * types are immortal, so a type pointer is never reused. One cache per
 * thread, so no entry is ever read while another thread writes it. */
_Thread_local OmMCacheEntry om_mcache[1 << OM_MCACHE_BITS];

static Value lookup_mro(TypeObject *type, Value name);

Value wf_type_lookup(TypeObject *type, Value name)
{
    if (WF_UNLIKELY(!(wf_atomic_load_acquire_u32(&type->tp_flags) & WF_TPF_READY))) {
        /* acquire: pairs with the release that sets READY in ready_dict() */
        if (!late_done)
            return lookup_mro(type, name);
        wf_type_ready(type);
    }
    if (!(wf_obj(name)->ob_flags & WF_OBF_INTERNED))
        return lookup_mro(type, name);
    uint32_t version = wf_type_version(type);  /* before the walk: rule 2 */
    OmMCacheEntry *e = om_mcache_entry(type, name), *second = e + 1;
    if (e->type == type && e->name == name && e->version == version)
        return e->value;
    if (second->type == type && second->name == name && second->version == version)
        return second->value;
    Value v = lookup_mro(type, name);
    if (!v && wf_err_occurred())
        return 0;
    if (WF_UNLIKELY(version == 0))
        return v;  /* unversioned: an entry could never be invalidated */
    *second = *e;   /* the first way's answer is kept one more round */
    e->type = type;
    e->name = name;
    e->version = version;
    e->ix = -1;
    e->value = v;
    return v;
}

static Value lookup_mro(TypeObject *type, Value name)
{
    Value mro = type->tp_mro;
    if (WF_LIKELY(mro != 0)) {
        TupleObject *m = wf_as_tuple(mro);
        for (size_t i = 0; i < m->size; i++) {
            Value d = ((TypeObject *)wf_obj(m->items[i]))->tp_dict;
            if (d) {
                Value v = wf_dict_get(d, name);
                if (v)
                    return v;
            }
        }
        return 0;
    }
    for (TypeObject *t = type; t; t = t->tp_base) {
        if (t->tp_dict) {
            Value v = wf_dict_get(t->tp_dict, name);
            if (v)
                return v;
        }
    }
    return 0;
}

/* Give t a fresh version (rule 2). release: pairs with the acquire in
 * wf_type_version() (the method cache, guards): a reader that sees the new
 * number sees the dict write made before. A type that is already
 * unversioned stays so once the counter is exhausted: the fresh number is 0. */
static void type_version_assign(TypeObject *t)
{
    atomic_store_explicit(&t->tp_version, wf_watch_next_type_version(), memory_order_release);
}

/* The types one change affects: each once, though a class that derives from
 * two classes of the changed type's subtree is reached twice. Under
 * type_lock. */
typedef struct TypeSet {
    TypeObject **items;    /* `few` until it outgrows it, then the heap */
    size_t len, cap;
    TypeObject *few[8];    /* a class without many subclasses: no allocation */
} TypeSet;
#define TYPESET_INIT(s) { (s).few, 0, 8, { 0 } }

static void typeset_add(TypeSet *s, TypeObject *t)
{
    for (size_t i = 0; i < s->len; i++)
        if (s->items[i] == t)
            return;
    if (s->len == s->cap) {
        TypeObject **grown = wf_mem_alloc(s->cap * 2 * sizeof *grown);
        memcpy(grown, s->items, s->len * sizeof *grown);
        if (s->items != s->few)
            wf_mem_free(s->items);
        s->items = grown;
        s->cap *= 2;
    }
    s->items[s->len++] = t;
}

/* t and every subclass, transitively. */
static void typeset_add_tree(TypeSet *s, TypeObject *t)
{
    size_t before = s->len;
    typeset_add(s, t);
    if (s->len == before)
        return;  /* reached already, with its subtree */
    Value subs = t->tp_subclasses;
    for (size_t i = 0; subs && i < wf_list_size(subs); i++)
        typeset_add_tree(s, wf_as_type(wf_list_get(subs, i)));
}

/* Versions to 0 before a change is written (rule 2): guards and the method
 * cache never match 0. relaxed: the release of the dict write that follows
 * orders it first. */
static void typeset_invalidate(TypeSet *s)
{
    for (size_t i = 0; i < s->len; i++)
        atomic_store_explicit(&s->items[i]->tp_version, 0, memory_order_relaxed);
}

static void typeset_bump(TypeSet *s)
{
    for (size_t i = 0; i < s->len; i++)
        type_version_assign(s->items[i]);
}

/* Rule 2's last step: the watchers of every type in s, after everything
 * else is published. */
static void typeset_notify_and_free(TypeSet *s)
{
    for (size_t i = 0; i < s->len; i++)
        /* relaxed: watch.h rule 2. */
        if (WF_UNLIKELY(wf_atomic_load_relaxed_u8(&s->items[i]->tp_watched)))
            wf_watch_type_notify(s->items[i]);
    if (s->items != s->few)
        wf_mem_free(s->items);
}

/* Rule 2 for a change of type's dict or MRO: fresh versions for type and its
 * subclasses, then the watchers. Under type_lock. */
static void type_modified_locked(TypeObject *type)
{
    TypeSet s = TYPESET_INIT(s);
    typeset_add_tree(&s, type);
    typeset_bump(&s);
    typeset_notify_and_free(&s);
}

/* Rule 2: called after the change is written, before the mutator returns. */
void wf_type_modified(TypeObject *type)
{
    type_lock_acquire();
    type_modified_locked(type);
    type_lock_release();
}

/* ---- names ---- */

static const char *short_name(TypeObject *t)
{
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

Value wf_type_qualname(TypeObject *t)
{
    if (t->tp_flags & WF_TPF_HEAPTYPE)
        return wf_attrslot_load(&((HeapTypeObject *)t)->ht_qualname);  /* __qualname__ may be reassigned meanwhile */
    return wf_str_intern_c(short_name(t));
}

Value wf_type_module_name(TypeObject *t)
{
    /* Built-in types may name their module in their dict (random.Random). */
    Value m = t->tp_dict ? wf_dict_get(t->tp_dict, WF_ID(__module__)) : 0;
    if (m && wf_is_str(m))
        return wf_incref(m);
    if (t->tp_flags & WF_TPF_HEAPTYPE)
        return 0;
    const char *dot = strrchr(t->tp_name, '.');
    if (dot)
        return wf_str_new(t->tp_name, (size_t)(dot - t->tp_name));
    return wf_str_intern_c("builtins");
}

Value wf_object_default_repr(Value v)
{
    TypeObject *t = wf_type(v);
    Value mod = wf_type_module_name(t);
    Value r;
    if (mod && !wf_str_eq_c(mod, "builtins"))
        r = wf_str_printf("<%U.%U object at %p>", mod, wf_type_qualname(t), (void *)v);
    else
        r = wf_str_printf("<%s object at %p>", t->tp_name, (void *)v);
    wf_decref(mod);
    return r;
}

/* ---- the object type ---- */

static Value object_repr(Value v)
{
    return wf_object_default_repr(v);
}

static Value object_str(Value v)
{
    return wf_repr(v);
}

static Hash object_hash(Value v)
{
    return wf_hash_pointer((const void *)v);
}

static Value object_richcompare(Value self, Value other, int op)
{
    if (op == WF_EQ)
        return self == other ? wf_True : wf_NotImplemented;
    if (op != WF_NE)
        return wf_NotImplemented;
    /* By default __ne__ delegates to __eq__ and inverts the result. */
    TypeObject *t = wf_type(self);
    if (!t->tp_richcompare)
        return wf_NotImplemented;
    Value r = t->tp_richcompare(self, other, WF_EQ);
    if (!r || r == wf_NotImplemented)
        return r;
    int b = wf_truthy(r);
    wf_decref(r);
    return b < 0 ? 0 : wf_bool(!b);
}

static Value object_format(Value self, Value spec)
{
    if (wf_as_str(spec)->len > 0)
        return wf_err_format(wf_exc_TypeError, "unsupported format string passed to %s.__format__",
                             wf_type_name(self));
    return wf_str(self);
}

static bool excess_args(size_t nargs, Value kwnames)
{
    return nargs > 0 || kw_count(kwnames) > 0;
}

static Value abstract_error(TypeObject *type)
{
    Value am = wf_dict_get(type->tp_dict, WF_ID(__abstractmethods__));
    Value names = am ? wf_list_from_iterable(am) : 0;
    if (!names || wf_list_sort(names, 0, false) < 0)
        return 0;
    Value joined = wf_str_join(wf_str_intern_c(", "), names);
    if (joined)
        wf_err_format(wf_exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                      type->tp_name, wf_list_size(names) > 1 ? "s" : "", joined);
    wf_decref(joined);
    wf_decref(names);
    return 0;
}

static Value object_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (WF_UNLIKELY(type->tp_flags & TPF_ABSTRACT))
        return abstract_error(type);
    if (excess_args(nargs, kwnames)) {
        if (type->tp_new != object_new)
            return wf_err_set_str(wf_exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->tp_init == object_init)
            return wf_err_format(wf_exc_TypeError, "%s() takes no arguments", type->tp_name);
    }
    return wf_object_new_instance(type);
}

static int object_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (excess_args(nargs, kwnames)) {
        TypeObject *type = wf_type(self);
        if (type->tp_init != object_init)
            return wf_err_set_str(wf_exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)"), -1;
        if (type->tp_new == object_new)
            return wf_err_format(wf_exc_TypeError, "%s() takes no arguments", type->tp_name), -1;
    }
    return 0;
}

Value wf_object_new_instance(TypeObject *type)
{
    size_t size = type->tp_basicsize;
    if (size < sizeof(Object))
        size = sizeof(Object);
    return wf_val(wf_object_alloc(type, size));
}

static Value *dict_ptr(Value obj)
{
    return om_dict_ptr(obj, wf_type(obj));
}

static Value generic_getattr(Value obj, Value name, bool suppress);

Value wf_object_generic_getattr(Value obj, Value name)
{
    return generic_getattr(obj, name, false);
}

/* suppress: a missing attribute returns 0 without raising (hasattr and
 * getattr with a default need no exception object). */
static Value generic_getattr(Value obj, Value name, bool suppress)
{
    TypeObject *tp = wf_type(obj);
    OmMCacheEntry *e;
    Value descr = om_type_lookup_entry(tp, name, &e);
    Value (*f)(Value, Value, Value) = NULL;
    if (descr) {
        /* A __slots__ member of this very class: read the slot (member_get
         * without the call and the descriptor's refcount traffic). */
        if (wf_type(descr) == &wf_type_member_descr) {
            MemberDescrObject *m = (MemberDescrObject *)wf_obj(descr);
            if (WF_LIKELY(m->d.d_type == tp)) {
                Value v = wf_attrslot_load((Value *)((char *)wf_obj(obj) + m->offset));
                if (WF_LIKELY(v != 0))
                    return wf_incref(v);
            }
        }
        wf_incref(descr);
        TypeObject *dt = wf_type(descr);
        f = dt->tp_descr_get;
        if (f && dt->tp_descr_set) {
            Value r = f(descr, obj, wf_val(tp));
            wf_decref(descr);
            return r;
        }
    }
    Value *dp = dict_ptr(obj);
    Value d = dp ? wf_attrslot_load(dp) : 0;
    if (d) {
        Value r = 0;
        if (!wf_is_str_exact(name) || om_instance_get(d, name, e, &r) < 0)
            r = wf_dict_get(d, name);
        if (r) {
            wf_incref(r);
            wf_decref(descr);
            return r;
        }
    }
    if (f) {
        Value r = f(descr, obj, wf_val(tp));
        wf_decref(descr);
        return r;
    }
    if (descr || suppress)
        return descr;
    wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", tp->tp_name, name);
    return om_attr_error_context(obj, name);
}

/* Declared in objimpl.h. */
int om_instance_set(Value *dp, Value name, Value v, OmMCacheEntry *e)
{
    Value d = wf_attrslot_dict(dp);
    if (wf_dict_set_str(d, name, v) < 0)
        return -1;
    if (e) {
        intptr_t ix = wf_dict_hint_of(d, name);
        e->ix = ix >= 0 && ix <= INT32_MAX ? (int32_t)ix : -1;
    }
    return 0;
}

int wf_object_generic_setattr(Value obj, Value name, Value v)
{
    TypeObject *tp = wf_type(obj);
    OmMCacheEntry *e;
    Value descr = om_type_lookup_entry(tp, name, &e);
    if (descr) {
        TypeObject *dt = wf_type(descr);
        if (dt == &wf_type_member_descr && v && WF_LIKELY(((MemberDescrObject *)wf_obj(descr))->d.d_type == tp)) {
            /* member_set on an instance of the member's own class */
            wf_attrslot_store((Value *)((char *)wf_obj(obj) + ((MemberDescrObject *)wf_obj(descr))->offset), wf_incref(v));
            return 0;
        }
        if (dt->tp_descr_set) {
            wf_incref(descr);
            int r = dt->tp_descr_set(descr, obj, v);
            wf_decref(descr);
            return r;
        }
    }
    Value *dp = dict_ptr(obj);
    if (!dp) {
        if (!descr || !v)
            return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", tp->tp_name, name), -1;
        return wf_err_format(wf_exc_AttributeError, "'%s' object attribute '%U' is read-only", tp->tp_name, name), -1;
    }
    if (v) {
        if (!wf_is_str_exact(name))
            return wf_dict_set(wf_attrslot_dict(dp), name, v);
        /* an existing attribute replaced at the entry index the type's
         * cache entry remembers (om_instance_get): no probe */
        Value d = wf_attrslot_load(dp);
        if (d && e && e->ix >= 0) {
            if (wf_dict_replace_at_hint(d, (size_t)e->ix, name, wf_incref(v)))
                return 0;
            wf_decref(v);   /* a stale hint stole nothing */
        }
        return om_instance_set(dp, name, v, e);
    }
    /* One dict operation, so that of two threads deleting the same
     * attribute exactly one succeeds and the other gets AttributeError. */
    Value d = wf_attrslot_load(dp);
    int r = d ? wf_dict_del(d, name) : -1;
    if (r < 0 && (!d || wf_err_matches(wf_exc_KeyError))) {
        wf_err_clear();
        return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", tp->tp_name, name), -1;
    }
    return r;
}

static Value object_get_class(Value self)
{
    return wf_incref(wf_val(wf_type(self)));
}

/* obj.__class__ = C: only between heap classes with the same layout. */
static int object_set_class(Value self, Value v)
{
    if (!v)
        return wf_err_set_str(wf_exc_TypeError, "can't delete __class__ attribute"), -1;
    if (!wf_is_type(v))
        return wf_err_format(wf_exc_TypeError, "__class__ must be set to a class, not '%s' object", wf_type_name(v)), -1;
    TypeObject *old = wf_type(self), *new = wf_as_type(v);
    if (!(old->tp_flags & WF_TPF_HEAPTYPE) || !(new->tp_flags & WF_TPF_HEAPTYPE) || !wf_is_obj(self))
        return wf_err_set_str(wf_exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses"), -1;
    if (old->tp_basicsize != new->tp_basicsize || old->tp_dictoffset != new->tp_dictoffset ||
        ((HeapTypeObject *)old)->ht_solid != ((HeapTypeObject *)new)->ht_solid)
        return wf_err_format(wf_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                             new->tp_name, old->tp_name), -1;
    /* ob_type is read without atomics everywhere: store it with the world
     * stopped (as CPython's free-threaded build does). */
    bool stopped = wf_stop_the_world();
    wf_obj(self)->ob_type = new;
    if (stopped)
        wf_start_the_world();
    /* Both classes get fresh versions and their watchers hear of it (rule
     * 2): tier 2 may have assumed the object's class from either version.
     * Their subclasses are not affected. The lock is taken only now: a
     * thread parked on type_lock does not count as stopped, so stopping
     * the world while holding it would wait for that thread forever. */
    type_lock_acquire();
    TypeSet s = TYPESET_INIT(s);
    typeset_add(&s, old);
    typeset_add(&s, new);
    typeset_bump(&s);
    typeset_notify_and_free(&s);
    type_lock_release();
    return 0;
}

static Value object_init_subclass(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs || kw_count(kwnames))
        return wf_err_format(wf_exc_TypeError, "%U.__init_subclass__() takes no keyword arguments",
                             wf_type_qualname(wf_as_type(cls)));
    return wf_None;
}

static Value object_subclasshook(Value cls, const Value *args, size_t nargs, Value kwnames)
{
    return wf_NotImplemented;
}

static void merge_dict_keys(Value list, Value dict)
{
    size_t pos = 0;
    Value k, v;
    while (wf_dict_next(dict, &pos, &k, &v))
        if (wf_contains(list, k) == 0)
            wf_list_append(list, k);
}

static Value type_dir_list(TypeObject *t)
{
    Value list = wf_list_new(0);
    Value mro = t->tp_mro;
    for (size_t i = 0; mro && i < wf_tuple_size(mro); i++) {
        Value d = wf_as_type(wf_tuple_get(mro, i))->tp_dict;
        if (d)
            merge_dict_keys(list, d);
    }
    return list;
}

static Value object_dir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__dir__", nargs, 0, 0) < 0)
        return 0;
    Value list = type_dir_list(wf_type(self));
    Value *dp = dict_ptr(self);
    if (dp && *dp)
        merge_dict_keys(list, *dp);
    return list;
}

static Value object_sizeof(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__sizeof__", nargs, 0, 0) < 0)
        return 0;
    TypeObject *t = wf_type(self);
    intptr_t n = t->tp_itemsize ? wf_len(self) : 0;
    if (n < 0) {
        wf_err_clear();
        n = 0;
    }
    return wf_int_from_i64((int64_t)(t->tp_basicsize + (size_t)n * t->tp_itemsize));
}

/* object.__getstate__(): the instance dict (None when empty), paired with a
 * dict of the set __slots__ values when the class has slots. */
static Value object_getstate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__getstate__", nargs, 0, 0) < 0)
        return 0;
    Value *dp = dict_ptr(self);
    Value state = dp && *dp && wf_dict_size(*dp) > 0 ? wf_incref(*dp) : wf_None;
    Value slots = 0;
    for (TypeObject *t = wf_type(self); t && (t->tp_flags & WF_TPF_HEAPTYPE); t = t->tp_base) {
        HeapTypeObject *h = (HeapTypeObject *)t;
        for (size_t i = 0; i < h->ht_nslots; i++) {
            Value v = *(Value *)((char *)wf_obj(self) + h->ht_slotoffset + i * sizeof(Value));
            if (!v)
                continue;
            if (!slots)
                slots = wf_dict_new();
            wf_dict_set(slots, wf_tuple_get(t->tp_slotnames, i), v);
        }
    }
    if (!slots)
        return state;
    Value r = wf_tuple_pack(2, state, slots);
    wf_decref(state);
    wf_decref(slots);
    return r;
}

/* Pickling needs copyreg, which weft does not have yet. */
static Value object_reduce(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_err_format(wf_exc_TypeError, "cannot pickle '%s' object", wf_type_name(self));
}

static const MethodDef object_methods[] = {
    { "__sizeof__", object_sizeof, 0, NULL },
    { "__getstate__", object_getstate, 0, NULL },
    { "__reduce__", object_reduce, 0, NULL },
    { "__reduce_ex__", object_reduce, 0, NULL },
    { "__init_subclass__", object_init_subclass, WF_METH_CLASS, NULL },
    { "__subclasshook__", object_subclasshook, WF_METH_CLASS, NULL },
    { "__dir__", object_dir, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static const GetSetDef object_getset[] = {
    { "__class__", object_get_class, object_set_class },
    { NULL, NULL, NULL },
};

TypeObject wf_type_object = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "object",
    .tp_basicsize = sizeof(Object),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = wf_object_free,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattr = wf_object_generic_getattr,
    .tp_setattr = wf_object_generic_setattr,
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_format = object_format,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
};

/* getattr that returns 0 without an exception for a missing attribute,
 * for the two getattr slots that can tell without raising. */
Value om_getattr_opt(Value obj, Value name)
{
    Value (*ga)(Value, Value) = wf_type(obj)->tp_getattr;
    Value r;
    if (!ga || ga == wf_object_generic_getattr)
        r = generic_getattr(obj, name, true);
    else if (ga == type_getattro)
        r = type_getattr_impl(obj, name, true);
    else
        r = ga(obj, name);
    /* A descriptor (an unset slot, a property) may still raise it. */
    if (!r && wf_err_occurred() && wf_err_matches(wf_exc_AttributeError))
        wf_err_clear();
    return r;
}

/* ---- the type type: attributes ---- */

static TypeObject *as_type(Value v) { return (TypeObject *)wf_obj(v); }

static int check_heap_set(TypeObject *t, Value v, const char *attr)
{
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return wf_err_format(wf_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", attr, t->tp_name), -1;
    if (!v)
        return wf_err_format(wf_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", attr, t->tp_name), -1;
    return 0;
}

static Value type_get_name(Value tv)
{
    TypeObject *t = as_type(tv);
    if (t->tp_flags & WF_TPF_HEAPTYPE)
        return wf_incref(((HeapTypeObject *)t)->ht_name);
    return wf_str_intern_c(short_name(t));
}

static int type_set_name(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (check_heap_set(t, v, "__name__") < 0)
        return -1;
    if (!wf_is_str(v))
        return wf_err_format(wf_exc_TypeError, "can only assign string to %s.__name__, not '%s'", t->tp_name, wf_type_name(v)), -1;
    HeapTypeObject *h = (HeapTypeObject *)t;
    /* LEAK: the old name, since tp_name may still be referenced by a running
     * error message (in any thread). tp_name is read without atomics
     * everywhere: both words are stored with the world stopped. */
    type_lock_acquire();
    wf_incref(v);
    bool stopped = wf_stop_the_world();
    h->ht_name = v;
    t->tp_name = wf_str_cstr(v);
    if (stopped)
        wf_start_the_world();
    type_lock_release();
    return 0;
}

static Value type_get_qualname(Value tv)
{
    return wf_incref(wf_type_qualname(as_type(tv)));
}

static int type_set_qualname(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (check_heap_set(t, v, "__qualname__") < 0)
        return -1;
    if (!wf_is_str(v))
        return wf_err_format(wf_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", t->tp_name, wf_type_name(v)), -1;
    /* wf_type_qualname() hands the old one out borrowed: drop it deferred. */
    type_lock_acquire();
    wf_attrslot_store(&((HeapTypeObject *)t)->ht_qualname, wf_incref(v));
    type_lock_release();
    return 0;
}

static Value type_get_module(Value tv)
{
    TypeObject *t = as_type(tv);
    if (t->tp_flags & WF_TPF_HEAPTYPE) {
        Value m = wf_dict_get(t->tp_dict, WF_ID(__module__));
        if (!m)
            return wf_err_set_str(wf_exc_AttributeError, "__module__");
        return wf_incref(m);
    }
    return wf_type_module_name(t);
}

static int type_set_module(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (check_heap_set(t, v, "__module__") < 0)
        return -1;
    return type_dict_store(t, WF_ID(__module__), v);
}

static Value type_get_doc(Value tv)
{
    TypeObject *t = as_type(tv);
    Value d = t->tp_dict ? wf_dict_get(t->tp_dict, WF_ID(__doc__)) : 0;
    if (!d)
        return wf_None;
    TypeObject *dt = wf_type(d);
    if (dt->tp_descr_get)
        return dt->tp_descr_get(d, 0, tv);
    return wf_incref(d);
}

static int type_set_doc(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (check_heap_set(t, v, "__doc__") < 0)
        return -1;
    return type_dict_store(t, WF_ID(__doc__), v);
}

static Value type_get_bases(Value tv) { return wf_incref(as_type(tv)->tp_bases ? as_type(tv)->tp_bases : wf_empty_tuple); }
static Value type_get_mro(Value tv) { return wf_incref(as_type(tv)->tp_mro ? as_type(tv)->tp_mro : wf_empty_tuple); }
static Value type_get_dict(Value tv)
{
    TypeObject *t = as_type(tv);
    if (!t->tp_dict)
        t->tp_dict = wf_dict_new();
    return wf_mappingproxy_new(t->tp_dict);
}

static Value type_get_base(Value tv)
{
    TypeObject *b = as_type(tv)->tp_base;
    return b ? wf_val(b) : wf_None;
}

static Value type_get_abstract(Value tv)
{
    TypeObject *t = as_type(tv);
    Value v = t != &wf_type_type && t->tp_dict ? wf_dict_get(t->tp_dict, WF_ID(__abstractmethods__)) : 0;
    if (!v)
        return wf_err_set_str(wf_exc_AttributeError, "__abstractmethods__");
    return wf_incref(v);
}

static int type_set_abstract(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (check_heap_set(t, v, "__abstractmethods__") < 0)
        return -1;
    int abstract = wf_truthy(v);
    if (abstract < 0)
        return -1;
    /* tp_flags is read without atomics everywhere (wf_is_list ...): changed
     * with the world stopped, and only when it changes. */
    if (!(t->tp_flags & TPF_ABSTRACT) != !abstract) {
        type_lock_acquire();
        bool stopped = wf_stop_the_world();
        if (abstract)
            t->tp_flags |= TPF_ABSTRACT;
        else
            t->tp_flags &= ~TPF_ABSTRACT;
        if (stopped)
            wf_start_the_world();
        type_lock_release();
    }
    return type_dict_store(t, WF_ID(__abstractmethods__), v);
}

static Value type_get_basicsize(Value tv) { return wf_int_from_i64((int64_t)as_type(tv)->tp_basicsize); }
static Value type_get_itemsize(Value tv) { return wf_int_from_i64((int64_t)as_type(tv)->tp_itemsize); }
static Value type_get_dictoffset(Value tv) { return wf_int_from_i64((int64_t)as_type(tv)->tp_dictoffset); }
static Value type_get_flags(Value tv) { return wf_int_from_i64(as_type(tv)->tp_flags & 0xFFFFu); }
static Value type_get_weakrefoffset(Value tv) { return wf_small(0); }
static Value type_get_text_signature(Value tv) { return wf_None; }

/* __annotations__ lives in a class's own dict (created on first access). */
static Value type_get_annotations(Value tv)
{
    TypeObject *t = as_type(tv);
    Value a = t->tp_dict ? wf_dict_get(t->tp_dict, WF_ID(__annotations__)) : 0;
    if (a) {
        TypeObject *at = wf_type(a);
        return at->tp_descr_get ? at->tp_descr_get(a, 0, tv) : wf_incref(a);
    }
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return wf_err_format(wf_exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->tp_name);
    a = wf_dict_new();
    if (wf_dict_set(t->tp_dict, WF_ID(__annotations__), a) < 0) {
        wf_decref(a);
        return 0;
    }
    wf_type_modified(t);
    return a;
}

static int type_set_annotations(Value tv, Value v)
{
    TypeObject *t = as_type(tv);
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return wf_err_format(wf_exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", t->tp_name), -1;
    if (!v && !wf_dict_get(t->tp_dict, WF_ID(__annotations__)))
        return wf_err_set_str(wf_exc_AttributeError, "__annotations__"), -1;
    return type_dict_store(t, WF_ID(__annotations__), v);  /* rule 2: write, then bump */
}

static const GetSetDef type_getset[] = {
    { "__basicsize__", type_get_basicsize, NULL },
    { "__itemsize__", type_get_itemsize, NULL },
    { "__dictoffset__", type_get_dictoffset, NULL },
    { "__flags__", type_get_flags, NULL },
    { "__weakrefoffset__", type_get_weakrefoffset, NULL },
    { "__text_signature__", type_get_text_signature, NULL },
    { "__annotations__", type_get_annotations, type_set_annotations },
    { "__name__", type_get_name, type_set_name },
    { "__qualname__", type_get_qualname, type_set_qualname },
    { "__module__", type_get_module, type_set_module },
    { "__doc__", type_get_doc, type_set_doc },
    { "__bases__", type_get_bases, NULL },
    { "__base__", type_get_base, NULL },
    { "__mro__", type_get_mro, NULL },
    { "__dict__", type_get_dict, NULL },
    { "__abstractmethods__", type_get_abstract, type_set_abstract },
    { NULL, NULL, NULL },
};

static Value mro_c3(TypeObject *t, Value bases);

static Value type_mro_method(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("mro", nargs, 0, 0) < 0)
        return 0;
    TypeObject *t = as_type(self);
    Value bases = t->tp_bases ? t->tp_bases : wf_empty_tuple;
    Value mro = t->tp_mro ? wf_incref(t->tp_mro) : mro_c3(t, bases);
    if (!mro)
        return 0;
    Value l = wf_list_from_iterable(mro);
    wf_decref(mro);
    return l;
}

static Value type_subclasses(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__subclasses__", nargs, 0, 0) < 0)
        return 0;
    Value subs = as_type(self)->tp_subclasses;
    return subs ? wf_list_from_iterable(subs) : wf_list_new(0);
}

static Value type_prepare(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_dict_new();
}

static Value type_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__instancecheck__", nargs, 1, 1) < 0)
        return 0;
    return wf_bool(wf_isinstance_type(args[0], as_type(self)));
}

static Value type_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__subclasscheck__", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_type(args[0]))
        return wf_err_set_str(wf_exc_TypeError, "issubclass() arg 1 must be a class");
    return wf_bool(wf_type_is_subtype(wf_as_type(args[0]), as_type(self)));
}

static Value type_dir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return type_dir_list(as_type(self));
}

static const MethodDef type_methods[] = {
    { "mro", type_mro_method, 0, NULL },
    { "__subclasses__", type_subclasses, 0, NULL },
    { "__prepare__", type_prepare, WF_METH_CLASS, NULL },
    { "__instancecheck__", type_instancecheck, 0, NULL },
    { "__subclasscheck__", type_subclasscheck, 0, NULL },
    { "__dir__", type_dir, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static Value type_repr(Value tv)
{
    TypeObject *t = as_type(tv);
    Value mod = wf_type_module_name(t);
    Value r;
    if (mod && !wf_str_eq_c(mod, "builtins"))
        r = wf_str_printf("<class '%U.%U'>", mod, wf_type_qualname(t));
    else
        r = wf_str_printf("<class '%U'>", wf_type_qualname(t));
    wf_decref(mod);
    return r;
}

static Value type_getattro(Value tv, Value name)
{
    return type_getattr_impl(tv, name, false);
}

static Value type_getattr_impl(Value tv, Value name, bool suppress)
{
    TypeObject *type = as_type(tv), *meta = wf_type(tv);
    Value meta_attr = om_type_lookup(meta, name);
    Value (*meta_get)(Value, Value, Value) = NULL;
    if (meta_attr) {
        wf_incref(meta_attr);
        TypeObject *mt = wf_type(meta_attr);
        meta_get = mt->tp_descr_get;
        if (meta_get && mt->tp_descr_set) {
            Value r = meta_get(meta_attr, tv, wf_val(meta));
            wf_decref(meta_attr);
            return r;
        }
    }
    Value attr = om_type_lookup(type, name);
    if (attr) {
        wf_incref(attr);
        wf_decref(meta_attr);
        Value (*local_get)(Value, Value, Value) = wf_type(attr)->tp_descr_get;
        if (local_get) {
            Value r = local_get(attr, 0, tv);
            wf_decref(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        Value r = meta_get(meta_attr, tv, wf_val(meta));
        wf_decref(meta_attr);
        return r;
    }
    if (meta_attr || suppress)
        return meta_attr;
    wf_err_format(wf_exc_AttributeError, "type object '%s' has no attribute '%U'", type->tp_name, name);
    return om_attr_error_context(tv, name);
}

static bool is_dunder(Value name)
{
    StrObject *s = wf_as_str(name);
    return s->len > 4 && s->data[0] == '_' && s->data[1] == '_' &&
           s->data[s->len - 1] == '_' && s->data[s->len - 2] == '_';
}

/* Slot changes computed under the type lock, applied with the world stopped
 * (rule 5 of the essay on types under threads). */
typedef struct SlotUpdate {
    void **slot;
    void *value;
} SlotUpdate;

typedef struct SlotUpdates {
    SlotUpdate *items;
    size_t len, cap;
} SlotUpdates;

static void slot_updates_add(SlotUpdates *u, void **slot, void *value)
{
    if (u->len == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 8;
        u->items = wf_mem_realloc(u->items, u->cap * sizeof *u->items);
    }
    u->items[u->len++] = (SlotUpdate){slot, value};
}

/* Collect the new slots for dunder `name` in t and every subclass. */
static void collect_slots_for_name(SlotUpdates *u, TypeObject *t, Value name)
{
    size_t last = (size_t)-1;
    for (const SlotDef *sd = om_slotdefs; sd->name; sd++) {
        if (sd->offset == last || !(wf_ids[sd->wf_id] == name || wf_str_eq(wf_ids[sd->wf_id], name)))
            continue;
        last = sd->offset;
        void *v = slot_value(t, sd->offset);
        if (v != *slot_ptr(t, sd->offset))
            slot_updates_add(u, slot_ptr(t, sd->offset), v);
    }
    Value subs = t->tp_subclasses;
    for (size_t i = 0; subs && i < wf_list_size(subs); i++)
        collect_slots_for_name(u, wf_as_type(wf_list_get(subs, i)), name);
}

/* Re-derive the slots for dunder `name` in t and every subclass. The C
 * slots are read without atomics all over the interpreter, so the stores
 * happen with every other thread stopped (as CPython 3.14 does); nothing in
 * between takes a lock. */
static void update_slots_for_name(TypeObject *t, Value name)
{
    SlotUpdates u = {0};
    collect_slots_for_name(&u, t, name);
    if (u.len) {
        bool stopped = wf_stop_the_world();
        for (size_t i = 0; i < u.len; i++)
            *u.items[i].slot = u.items[i].value;
        if (stopped)
            wf_start_the_world();
    }
    wf_mem_free(u.items);
}

/* t.name = v (v == 0: del t.name) on a type's dict, published as the essay
 * on types under threads says (rules 1 to 3 and 5). name: str. */
static int type_dict_store(TypeObject *t, Value name, Value v)
{
    type_lock_acquire();
    /* Invalidate before the write: a thread that sees the new value through
     * t's dict (acquire) then finds every subclass's version at 0 or newer,
     * so no cache guarded by an old version of a subclass can serve the old
     * value after the new one was seen (tests/threads_spec/coherence.py). */
    TypeSet s = TYPESET_INIT(s);
    typeset_add_tree(&s, t);
    typeset_invalidate(&s);
    Value old = wf_dict_get(t->tp_dict, name);
    int r;
    if (v) {
        wf_incref(old);  /* rule 3: we drop it, after the lock */
        r = wf_dict_set(t->tp_dict, name, v);
    } else if (!old) {
        r = -1;
        if (!wf_err_occurred())
            wf_err_format(wf_exc_AttributeError, "type object '%s' has no attribute '%U'", t->tp_name, name);
    } else {
        wf_incref(old);
        r = wf_dict_del(t->tp_dict, name);
    }
    typeset_bump(&s);  /* first: the slot update below looks names up */
    if (r == 0 && wf_is_str(name) && is_dunder(name))
        update_slots_for_name(t, name);
    typeset_notify_and_free(&s);
    type_lock_release();
    if (old)
        wf_defer_decref(old);
    return r;
}

static int type_setattro(Value tv, Value name, Value v)
{
    TypeObject *t = as_type(tv), *meta = wf_type(tv);
    Value descr = om_type_lookup(meta, name);
    if (descr && wf_type(descr)->tp_descr_set)
        return wf_type(descr)->tp_descr_set(descr, tv, v);
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return wf_err_format(wf_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, t->tp_name), -1;
    return type_dict_store(t, name, v);
}

static int type_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs == 1 && kw_count(kwnames))
        return wf_err_set_str(wf_exc_TypeError, "type.__init__() takes no keyword arguments"), -1;
    if (nargs != 1 && nargs != 3)
        return wf_err_set_str(wf_exc_TypeError, "type.__init__() takes 1 or 3 arguments"), -1;
    return 0;
}

Value wf_type_call(Value tv, const Value *args, size_t nargs, Value kwnames)
{
    TypeObject *t = as_type(tv);
    if (t == &wf_type_type) {
        if (nargs == 1 && !kw_count(kwnames))
            return wf_incref(wf_val(wf_type(args[0])));
        if (nargs != 3)
            return wf_err_set_str(wf_exc_TypeError, "type() takes 1 or 3 arguments");
    }
    if (WF_UNLIKELY(!t->tp_new))
        return wf_err_format(wf_exc_TypeError, "cannot create '%s' instances", t->tp_name);
    Value obj = t->tp_new(t, args, nargs, kwnames);
    if (!obj || !wf_isinstance_type(obj, t))
        return obj;
    TypeObject *ot = wf_type(obj);
    /* object.__init__ under a class with its own __new__ (int(x), float(s))
     * accepts any arguments: nothing to call */
    if (ot->tp_init == object_init && ot->tp_new != object_new)
        return obj;
    if (ot->tp_init && ot->tp_init(obj, args, nargs, kwnames) < 0) {
        wf_decref(obj);
        return 0;
    }
    return obj;
}

static Value union_binop(Value a, Value b, int op);

/* Only `|` (PEP 604 unions) is defined on classes. */
static Value type_binop(Value a, Value b, int op)
{
    return union_binop(a, b, op);
}

static Hash type_hash(Value v)
{
    return wf_hash_pointer((const void *)v);
}

TypeObject wf_type_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "type",
    .tp_basicsize = sizeof(HeapTypeObject),
    .tp_dictoffset = offsetof(TypeObject, tp_dict),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_TYPE_SUBCLASS,
    .tp_base = &wf_type_object,
    .tp_repr = type_repr,
    .tp_hash = type_hash,
    .tp_getattr = type_getattro,
    .tp_setattr = type_setattro,
    .tp_call = wf_type_call,
    .tp_new = type_tp_new,
    .tp_init = type_init,
    .tp_binop = type_binop,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
};

/* ---- readying types ---- */

static void inherit_flags(TypeObject *t, TypeObject *b)
{
    t->tp_flags |= b->tp_flags & SUBCLASS_FLAGS;
    if (b == &wf_type_int)
        t->tp_flags |= WF_TPF_INT_SUBCLASS;
    else if (b == &wf_type_str)
        t->tp_flags |= WF_TPF_STR_SUBCLASS;
    else if (b == &wf_type_tuple)
        t->tp_flags |= WF_TPF_TUPLE_SUBCLASS;
    else if (b == &wf_type_list)
        t->tp_flags |= WF_TPF_LIST_SUBCLASS;
    else if (b == &wf_type_dict)
        t->tp_flags |= WF_TPF_DICT_SUBCLASS;
    else if (b == &wf_type_type)
        t->tp_flags |= WF_TPF_TYPE_SUBCLASS;
    if (wf_exc_BaseException && (t == wf_exc_BaseException || b == wf_exc_BaseException))
        t->tp_flags |= WF_TPF_EXC_SUBCLASS;
}

#define INHERIT(f) do { if (!t->f) t->f = b->f; } while (0)

static void inherit_slots(TypeObject *t, TypeObject *b)
{
    INHERIT(tp_basicsize);
    INHERIT(tp_itemsize);
    INHERIT(tp_dictoffset);
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    if (!t->tp_hash && !t->tp_richcompare) {
        t->tp_hash = b->tp_hash;
        t->tp_richcompare = b->tp_richcompare;
    }
    INHERIT(tp_getattr);
    INHERIT(tp_setattr);
    INHERIT(tp_call);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    /* A built-in type directly under object without its own tp_new cannot be
     * instantiated from Python (CPython's DISALLOW_INSTANTIATION). */
    if (!t->tp_new && ((t->tp_flags & WF_TPF_HEAPTYPE) || b != &wf_type_object))
        t->tp_new = b->tp_new;
    INHERIT(tp_init);
    INHERIT(tp_len);
    INHERIT(tp_getitem);
    INHERIT(tp_setitem);
    INHERIT(tp_contains);
    INHERIT(tp_bool);
    INHERIT(tp_binop);
    INHERIT(tp_inplace);
    INHERIT(tp_unary);
    INHERIT(tp_int);
    INHERIT(tp_index);
    INHERIT(tp_float);
    INHERIT(tp_format);
    if (t->tp_dictoffset)
        t->tp_flags |= WF_TPF_HAVE_DICT;
}

/* Step 1, possible before any str or dict exists. */
static void ready_slots(TypeObject *t)
{
    if (t->tp_flags & TPF_SLOTS_INHERITED)
        return;
    t->tp_flags |= TPF_SLOTS_INHERITED;
    if (!t->ob.ob_type) {
        t->ob.ob_type = &wf_type_type;
        wf_make_immortal(wf_val(t));
    }
    if (!t->tp_base && t != &wf_type_object)
        t->tp_base = &wf_type_object;
    TypeObject *b = t->tp_base;
    if (!b)
        return;
    ready_slots(b);
    inherit_flags(t, b);
    inherit_slots(t, b);
}

static void add_to_subclasses(TypeObject *base, TypeObject *t)
{
    type_lock_acquire();
    if (!base->tp_subclasses)
        base->tp_subclasses = wf_list_new(0);
    wf_list_append(base->tp_subclasses, wf_val(t));
    type_lock_release();
}

static void dict_setdefault(Value dict, Value key, Value v)
{
    if (!wf_dict_get(dict, key))
        wf_dict_set(dict, key, v);
    wf_decref(v);
}

static void add_methods(TypeObject *t)
{
    for (const MethodDef *m = t->tp_methods; m && m->name; m++) {
        Value d;
        if (m->flags & WF_METH_CLASS) {
            d = wf_classmethod_descr_new(t, m);
        } else if (m->flags & WF_METH_STATIC) {
            Value f = wf_cfunction_new(m, 0);
            d = wf_staticmethod_new(f);
            wf_decref(f);
        } else {
            d = wf_method_descr_new(t, m);
        }
        wf_make_immortal(d);
        dict_setdefault(t->tp_dict, wf_str_intern_c(m->name), d);
    }
    for (const GetSetDef *g = t->tp_getset; g && g->name; g++) {
        Value d = wf_getset_descr_new(t, g);
        wf_make_immortal(d);
        dict_setdefault(t->tp_dict, wf_str_intern_c(g->name), d);
    }
}

static const MethodDef tp_new_def;

/* One C slot serves every binary (or unary) operator, so the slot alone does
 * not say which dunders a type has. For the core built-ins this table lists
 * the ones CPython shows (dir(list) has __add__ but no __sub__); any other
 * type gets a wrapper for every operator of a slot it defines. */
#define OPB(n) (1u << WF_BINOP_##n)
#define OPU(n) (1u << WF_UNOP_##n)
#define OPS_ARITH (OPB(ADD) | OPB(SUB) | OPB(MUL) | OPB(TRUEDIV) | OPB(FLOORDIV) | OPB(MOD) | OPB(POW))
#define OPS_BITS (OPB(LSHIFT) | OPB(RSHIFT) | OPB(AND) | OPB(OR) | OPB(XOR))
#define OPS_SET (OPB(SUB) | OPB(AND) | OPB(OR) | OPB(XOR))

static Value wrap_rbinop(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw);

typedef struct OpMask {
    TypeObject *type;
    uint32_t fwd, refl, inplace, unary;
} OpMask;

static const OpMask *op_mask(TypeObject *t)
{
    static const OpMask masks[] = {
        { &wf_type_int, OPS_ARITH | OPS_BITS, OPS_ARITH | OPS_BITS, 0, OPU(NEG) | OPU(POS) | OPU(INVERT) | OPU(ABS) },
        { &wf_type_bool, OPB(AND) | OPB(OR) | OPB(XOR), OPB(AND) | OPB(OR) | OPB(XOR), 0, 0 },
        { &wf_type_float, OPS_ARITH, OPS_ARITH, 0, OPU(NEG) | OPU(POS) | OPU(ABS) },
        { &wf_type_str, OPB(ADD) | OPB(MUL) | OPB(MOD), OPB(MUL) | OPB(MOD), 0, 0 },
        { &wf_type_list, OPB(ADD) | OPB(MUL), OPB(MUL), OPB(ADD) | OPB(MUL), 0 },
        { &wf_type_tuple, OPB(ADD) | OPB(MUL), OPB(MUL), 0, 0 },
        { &wf_type_dict, OPB(OR), OPB(OR), OPB(OR), 0 },
        { &wf_type_set, OPS_SET, OPS_SET, OPS_SET, 0 },
        { &wf_type_frozenset, OPS_SET, OPS_SET, 0, 0 },
        { &wf_type_type, OPB(OR), OPB(OR), 0, 0 },
        { &wf_type_union, OPB(OR), OPB(OR), 0, 0 },
        { &wf_type_range, 0, 0, 0, 0 },
        { &wf_type_slice, 0, 0, 0, 0 },
    };
    for (size_t i = 0; i < sizeof masks / sizeof masks[0]; i++)
        if (masks[i].type == t)
            return &masks[i];
    return NULL;
}

/* Does the operator slot row sd get a wrapper on t? */
static bool op_listed(TypeObject *t, const SlotDef *sd)
{
    const OpMask *m = op_mask(t);
    if (!m)
        return true;
    uint32_t bit = 1u << sd->op;
    if (sd->offset == offsetof(TypeObject, tp_binop))
        return ((sd->wrapper == wrap_rbinop ? m->refl : m->fwd) & bit) != 0;
    if (sd->offset == offsetof(TypeObject, tp_inplace))
        return (m->inplace & bit) != 0;
    if (sd->offset == offsetof(TypeObject, tp_unary))
        return (m->unary & bit) != 0;
    return true;
}

/* A container's tp_bool is a shortcut for len() != 0; CPython shows no
 * __bool__ on containers, and truth falls back to __len__ anyway. */
static bool slot_shown(TypeObject *t, const SlotDef *sd)
{
    if (sd->offset == offsetof(TypeObject, tp_bool) && t->tp_len)
        return false;
    return op_listed(t, sd);
}

/* Expose the slots t defines itself (not inherited unchanged) as wrappers. */
static void add_operators(TypeObject *t)
{
    TypeObject *b = t->tp_base;
    for (const SlotDef *sd = om_slotdefs; sd->name; sd++) {
        if (!sd->wrapper)
            continue;
        void *fn = *slot_ptr(t, sd->offset);
        if (!fn || (b && *slot_ptr(b, sd->offset) == fn) || !slot_shown(t, sd))
            continue;
        Value name = wf_ids[sd->wf_id];
        if (wf_dict_get(t->tp_dict, name))
            continue;
        Value d = wf_wrapper_descr_new(t, sd, fn);
        wf_make_immortal(d);
        wf_dict_set(t->tp_dict, name, d);
    }
    if (t->tp_new && (!b || b->tp_new != t->tp_new)) {
        Value f = wf_cfunction_new(&tp_new_def, wf_val(t));
        wf_make_immortal(f);
        dict_setdefault(t->tp_dict, WF_ID(__new__), f);
    }
    if (!t->tp_hash)
        dict_setdefault(t->tp_dict, WF_ID(__hash__), wf_None);
}

/* Step 2: dict, bases, MRO. Needs str, tuple, list and dict. */
static int ready_dict(TypeObject *t)
{
    TypeObject *b = t->tp_base;
    if (b && !(b->tp_flags & WF_TPF_READY))
        ready_dict(b);
    if (!t->tp_dict)
        t->tp_dict = wf_dict_new();
    if (!t->tp_bases)
        t->tp_bases = b ? wf_tuple_pack(1, wf_val(b)) : wf_empty_tuple;
    if (!t->tp_mro) {
        size_t n = b ? wf_tuple_size(b->tp_mro) : 0;
        Value mro = wf_tuple_new(n + 1);
        wf_as_tuple(mro)->items[0] = wf_val(t);
        for (size_t i = 0; i < n; i++)
            wf_as_tuple(mro)->items[i + 1] = wf_tuple_get(b->tp_mro, i);
        t->tp_mro = mro;
    }
    wf_make_immortal(t->tp_dict);
    wf_make_immortal(t->tp_bases);
    wf_make_immortal(t->tp_mro);
    add_methods(t);
    add_operators(t);
    dict_setdefault(t->tp_dict, WF_ID(__doc__), wf_None);
    if (b)
        add_to_subclasses(b, t);
    /* release: pairs with the acquire in wf_type_lookup() (rule 6). */
    wf_atomic_or_release_u32(&t->tp_flags, WF_TPF_READY);
    if (!atomic_load_explicit(&t->tp_version, memory_order_relaxed))
        type_version_assign(t);
    return 0;
}

int wf_type_ready(TypeObject *t)
{
    /* acquire: pairs with the release that sets READY in ready_dict(). */
    if (wf_atomic_load_acquire_u32(&t->tp_flags) & WF_TPF_READY)
        return 0;
    if (!late_done) {
        ready_slots(t);
        for (size_t i = 0; i < ready_queue_len; i++)
            if (ready_queue[i] == t)
                return 0;
        if (ready_queue_len == sizeof ready_queue / sizeof ready_queue[0])
            WF_DIE("too many types readied before wf_object_init_late", 0);
        ready_queue[ready_queue_len++] = t;
        /* wf_dict_init() readies dict first thing and then uses its tp_dict:
         * everything step 2 needs exists by then, so finish the queue now. */
        if (t == &wf_type_dict)
            wf_object_init_late();
        return 0;
    }
    type_lock_acquire();  /* rule 6: another thread may be readying it too */
    int r = 0;
    if (!(t->tp_flags & WF_TPF_READY)) {
        ready_slots(t);
        r = ready_dict(t);
    }
    type_lock_release();
    return r;
}

/* Finish the types readied before dicts existed (see object.c). */
void wf_object_init_late(void)
{
    if (late_done)
        return;
    late_done = true;
    ready_dict(&wf_type_object);
    ready_dict(&wf_type_type);
    for (size_t i = 0; i < ready_queue_len; i++)
        wf_type_ready(ready_queue[i]);
    ready_queue_len = 0;
}

void wf_object_init(void)
{
    static TypeObject *const core[] = {
        &wf_type_object, &wf_type_type, &wf_type_none, &wf_type_notimplemented, &wf_type_ellipsis,
        &wf_type_union,
    };
    for (size_t i = 0; i < sizeof core / sizeof core[0]; i++)
        wf_type_ready(core[i]);
    wf_descr_init();
    wf_module_init_types();
}

/* ---- __new__ as a built-in method of each type ---- */

static Value tp_new_wrapper(Value self, const Value *args, size_t nargs, Value kwnames)
{
    TypeObject *type = as_type(self);
    if (nargs < 1)
        return wf_err_format(wf_exc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
    Value arg0 = args[0];
    if (!wf_is_type(arg0))
        return wf_err_format(wf_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type->tp_name, wf_type_name(arg0));
    TypeObject *sub = wf_as_type(arg0);
    if (!wf_type_is_subtype(sub, type))
        return wf_err_format(wf_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             type->tp_name, sub->tp_name, sub->tp_name, type->tp_name);
    /* The most derived base that is not a Python class must agree, or the
     * instance would get the wrong layout (CPython's "is not safe" check). */
    TypeObject *staticbase = sub;
    while (staticbase && staticbase->tp_new == slot_tp_new)
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return wf_err_format(wf_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             type->tp_name, sub->tp_name, staticbase->tp_name);
    return type->tp_new(sub, args + 1, nargs - 1, kwnames);
}

static const MethodDef tp_new_def = {
    "__new__", tp_new_wrapper, 0, "Create and return a new object.  See help(type) for accurate signature."
};

/* ---- calling dunders of heap classes ---- */

/* Call type(self).<name>(self, *args) with keywords; *missing set (and 0
 * returned without exception) when the type has no such attribute. */
static Value call_dunder_kw(Value self, Value name, const Value *args, size_t nargs, Value kwnames, bool *missing)
{
    TypeObject *t = wf_type(self);
    Value d = om_type_lookup(t, name);
    if (!d) {
        if (missing) {
            *missing = true;
            return 0;
        }
        return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", t->tp_name, name);
    }
    TypeObject *dt = wf_type(d);
    if (dt == &wf_type_function && !kwnames)   /* the frame holds d */
        return wf_function_call_self(d, self, args, nargs);
    wf_incref(d);
    Value r;
    if (om_is_method_type(dt)) {
        size_t total = nargs + kw_count(kwnames);
        Value stackbuf[8];
        Value *a = total + 1 <= 8 ? stackbuf : wf_mem_alloc((total + 1) * sizeof(Value));
        a[0] = self;
        if (total)
            memcpy(a + 1, args, total * sizeof(Value));
        r = wf_call(d, a, nargs + 1, kwnames);
        if (a != stackbuf)
            wf_mem_free(a);
    } else if (dt->tp_descr_get) {
        Value bound = dt->tp_descr_get(d, self, wf_val(t));
        r = bound ? wf_call(bound, args, nargs, kwnames) : 0;
        wf_decref(bound);
    } else {
        r = wf_call(d, args, nargs, kwnames);
    }
    wf_decref(d);
    return r;
}

static Value call_dunder(Value self, Value name, const Value *args, size_t nargs)
{
    return call_dunder_kw(self, name, args, nargs, 0, NULL);
}

/* Like call_dunder, but NotImplemented when the dunder is absent. The
 * common case, a Python function, is called here directly. */
static Value call_maybe(Value self, Value name, const Value *args, size_t nargs)
{
    Value d = om_type_lookup(wf_type(self), name);
    if (d && wf_type(d) == &wf_type_function)   /* the frame holds d */
        return wf_function_call_self(d, self, args, nargs);
    bool missing = false;
    Value r = call_dunder_kw(self, name, args, nargs, 0, &missing);
    return missing ? wf_NotImplemented : r;
}

/* ---- generic slot functions for heap classes ---- */

static Value slot_tp_repr(Value self)
{
    bool missing = false;
    Value r = call_dunder_kw(self, WF_ID(__repr__), NULL, 0, 0, &missing);
    return missing ? wf_object_default_repr(self) : r;
}

static Value slot_tp_str(Value self)
{
    return call_dunder(self, WF_ID(__str__), NULL, 0);
}

static Hash slot_tp_hash(Value self)
{
    Value r = call_dunder(self, WF_ID(__hash__), NULL, 0);
    if (!r)
        return -1;
    if (!wf_is_int(r)) {
        wf_decref(r);
        wf_err_set_str(wf_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    Hash h;
    if (wf_is_small(r)) {
        h = (Hash)wf_small_val(r);
        if (h == -1)
            h = -2;
    } else {
        /* As CPython: a result that fits a Py_ssize_t is the hash itself;
         * only wider ints are hashed again. */
        int64_t v;
        if (wf_int_as_i64(r, &v) == 0) {
            h = v == -1 ? -2 : (Hash)v;
        } else {
            wf_err_clear();
            h = wf_int_hash(r);
        }
    }
    wf_decref(r);
    return h;
}

static const int cmp_ids[6] = { WF_ID___lt__, WF_ID___le__, WF_ID___eq__, WF_ID___ne__, WF_ID___gt__, WF_ID___ge__ };

static Value slot_tp_richcompare(Value self, Value other, int op)
{
    return call_maybe(self, wf_ids[cmp_ids[op]], &other, 1);
}

static Value slot_tp_getattr_hook(Value self, Value name)
{
    TypeObject *t = wf_type(self);
    Value ga = om_type_lookup(t, WF_ID(__getattribute__));
    Value r;
    if (ga && wf_type(ga) == &wf_type_wrapper_descr &&
        ((WrapperDescrObject *)wf_obj(ga))->fn == (void *)wf_object_generic_getattr)
        r = wf_object_generic_getattr(self, name);
    else if (ga && wf_type(ga) == &wf_type_wrapper_descr)
        r = ((Value (*)(Value, Value))((WrapperDescrObject *)wf_obj(ga))->fn)(self, name);
    else
        r = call_dunder(self, WF_ID(__getattribute__), &name, 1);
    if (r || !wf_err_matches(wf_exc_AttributeError))
        return r;
    if (!om_type_lookup(t, WF_ID(__getattr__)))
        return 0;
    wf_err_clear();
    return call_dunder(self, WF_ID(__getattr__), &name, 1);
}

static int slot_tp_setattr(Value self, Value name, Value v)
{
    Value args[2] = { name, v };
    Value r = v ? call_dunder(self, WF_ID(__setattr__), args, 2) : call_dunder(self, WF_ID(__delattr__), args, 1);
    if (!r)
        return -1;
    wf_decref(r);
    return 0;
}

static Value slot_tp_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return call_dunder_kw(self, WF_ID(__call__), args, nargs, kwnames, NULL);
}

static Value slot_tp_iter(Value self)
{
    Value d = om_type_lookup(wf_type(self), WF_ID(__iter__));
    if (d == wf_None)
        return wf_err_format(wf_exc_TypeError, "'%s' object is not iterable", wf_type_name(self));
    return call_dunder(self, WF_ID(__iter__), NULL, 0);
}

static Value slot_tp_iternext(Value self)
{
    return call_dunder(self, WF_ID(__next__), NULL, 0);
}

static Value slot_tp_descr_get(Value self, Value obj, Value type)
{
    Value args[2] = { obj ? obj : wf_None, type ? type : wf_None };
    /* __get__ deleted since this slot was read (another thread): the object
     * is no descriptor any more, it is its own value (CPython does the same) */
    bool missing = false;
    Value r = call_dunder_kw(self, WF_ID(__get__), args, 2, 0, &missing);
    return missing ? wf_incref(self) : r;
}

static int slot_tp_descr_set(Value self, Value obj, Value v)
{
    Value args[2] = { obj, v };
    Value r = v ? call_dunder(self, WF_ID(__set__), args, 2) : call_dunder(self, WF_ID(__delete__), args, 1);
    if (!r)
        return -1;
    wf_decref(r);
    return 0;
}

static int slot_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value r = call_dunder_kw(self, WF_ID(__init__), args, nargs, kwnames, NULL);
    if (!r)
        return -1;
    if (r != wf_None) {
        wf_err_format(wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(r));
        wf_decref(r);
        return -1;
    }
    return 0;
}

static Value slot_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    Value f = wf_getattr(wf_val(type), WF_ID(__new__));
    if (!f)
        return 0;
    size_t total = nargs + kw_count(kwnames);
    Value stackbuf[8];
    Value *a = total + 1 <= 8 ? stackbuf : wf_mem_alloc((total + 1) * sizeof(Value));
    a[0] = wf_val(type);
    if (total)
        memcpy(a + 1, args, total * sizeof(Value));
    Value r = wf_call(f, a, nargs + 1, kwnames);
    if (a != stackbuf)
        wf_mem_free(a);
    wf_decref(f);
    return r;
}

static intptr_t slot_tp_len(Value self)
{
    Value r = call_dunder(self, WF_ID(__len__), NULL, 0);
    if (!r)
        return -1;
    if (!wf_is_int(r)) {
        wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer", wf_type_name(r));
        wf_decref(r);
        return -1;
    }
    if (wf_int_sign(r) < 0) {
        wf_decref(r);
        wf_err_set_str(wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    intptr_t n = wf_as_ssize(r);
    wf_decref(r);
    return n;
}

static Value slot_tp_getitem(Value self, Value key)
{
    return call_dunder(self, WF_ID(__getitem__), &key, 1);
}

static int slot_tp_setitem(Value self, Value key, Value v)
{
    Value args[2] = { key, v };
    Value r = v ? call_dunder(self, WF_ID(__setitem__), args, 2) : call_dunder(self, WF_ID(__delitem__), args, 1);
    if (!r)
        return -1;
    wf_decref(r);
    return 0;
}

static int slot_tp_contains(Value self, Value item)
{
    Value r = call_dunder(self, WF_ID(__contains__), &item, 1);
    if (!r)
        return -1;
    int b = wf_truthy(r);
    wf_decref(r);
    return b;
}

static int slot_tp_bool(Value self)
{
    Value r = call_dunder(self, WF_ID(__bool__), NULL, 0);
    if (!r)
        return -1;
    if (r != wf_True && r != wf_False) {
        wf_err_format(wf_exc_TypeError, "__bool__ should return bool, returned %s", wf_type_name(r));
        wf_decref(r);
        return -1;
    }
    return r == wf_True;
}

static const int binop_ids[WF_BINOP_COUNT][3] = {
#define X(n, s, d, r, i) { WF_ID_##d, WF_ID_##r, WF_ID_##i },
    WF_BINOPS(X)
#undef X
};

static Value slot_tp_binop(Value self, Value other, int op);

/* True if type(other) defines the reflected method differently from type(self). */
static bool reflected_overridden(Value self, Value other, Value rname)
{
    Value a = om_type_lookup(wf_type(other), rname);
    if (!a)
        return false;
    return a != om_type_lookup(wf_type(self), rname);
}

/* CPython's SLOT1BINFULL: one slot serves both a + b (self on the left) and
 * b.__radd__(a) (the instance on the right). */
static Value slot_tp_binop(Value self, Value other, int op)
{
    TypeObject *st = wf_type(self), *ot = wf_type(other);
    if (st == ot || ot->tp_binop != slot_tp_binop) {
        /* other has no dunder of its own to try: only self's (the general
         * code below with do_other false) */
        if (st->tp_binop != slot_tp_binop)
            return wf_NotImplemented;
        return call_maybe(self, wf_ids[binop_ids[op][0]], &other, 1);
    }
    Value dname = wf_ids[binop_ids[op][0]], rname = wf_ids[binop_ids[op][1]];
    bool do_other = st != ot && ot->tp_binop == slot_tp_binop;
    if (st->tp_binop == slot_tp_binop) {
        if (do_other && wf_type_is_subtype(ot, st) && reflected_overridden(self, other, rname)) {
            Value r = call_maybe(other, rname, &self, 1);
            if (r != wf_NotImplemented)
                return r;
            do_other = false;
        }
        Value r = call_maybe(self, dname, &other, 1);
        if (r != wf_NotImplemented || st == ot)
            return r;
    }
    if (do_other)
        return call_maybe(other, rname, &self, 1);
    return wf_NotImplemented;
}

static Value slot_tp_inplace(Value self, Value other, int op)
{
    return call_maybe(self, wf_ids[binop_ids[op][2]], &other, 1);
}

static const int unop_ids[WF_UNOP_COUNT] = {
#define X(n, s, d) WF_ID_##d,
    WF_UNOPS(X)
#undef X
};

static Value slot_tp_unary(Value self, int op)
{
    return call_maybe(self, wf_ids[unop_ids[op]], NULL, 0);
}

static Value slot_tp_int(Value self) { return call_dunder(self, WF_ID(__int__), NULL, 0); }
static Value slot_tp_index(Value self) { return call_dunder(self, WF_ID(__index__), NULL, 0); }
static Value slot_tp_float(Value self) { return call_dunder(self, WF_ID(__float__), NULL, 0); }

static Value slot_tp_format(Value self, Value spec)
{
    return call_dunder(self, WF_ID(__format__), &spec, 1);
}

/* ---- slot wrappers: Python-callable views of C slots ---- */

static int wrap_check(const SlotDef *sd, size_t nargs, size_t min, size_t max, Value kwnames)
{
    if (kw_count(kwnames))
        return wf_err_format(wf_exc_TypeError, "wrapper %s() takes no keyword arguments", sd->name), -1;
    if (nargs < min || nargs > max) {
        size_t want = nargs < min ? min : max;
        return wf_err_format(wf_exc_TypeError, "expected %zu argument%s, got %zu", want, want == 1 ? "" : "s", nargs), -1;
    }
    return 0;
}

static Value wrap_unary(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 0, 0, kw) < 0)
        return 0;
    return ((UnaryFunc)fn)(self);
}

static Value wrap_hash(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 0, 0, kw) < 0)
        return 0;
    Hash h = ((Hash (*)(Value))fn)(self);
    return h == -1 && wf_err_occurred() ? 0 : wf_int_from_i64(h);
}

static Value wrap_richcmp(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return ((Value (*)(Value, Value, int))fn)(self, args[0], sd->op);
}

static Value wrap_getattr(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "attribute name must be string, not '%s'", wf_type_name(args[0]));
    return ((Value (*)(Value, Value))fn)(self, args[0]);
}

static Value none_or_null(int r)
{
    return r < 0 ? 0 : wf_None;
}

/* object.__setattr__(SomeClass, ...) would bypass type's own setattr (and
 * its slot updates): refuse it, as CPython's hackcheck does. */
static int setattr_hackcheck(const SlotDef *sd, void *fn, Value self)
{
    if (fn == (void *)wf_object_generic_setattr && wf_is_type(self))
        return wf_err_format(wf_exc_TypeError, "can't apply this %s to type object", sd->name), -1;
    return 0;
}

static Value wrap_setattr(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 2, 2, kw) < 0 || setattr_hackcheck(sd, fn, self) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "attribute name must be string, not '%s'", wf_type_name(args[0]));
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], args[1]));
}

static Value wrap_delattr(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0 || setattr_hackcheck(sd, fn, self) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "attribute name must be string, not '%s'", wf_type_name(args[0]));
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], 0));
}

static Value wrap_call(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    return ((CallFunc)fn)(self, args, nargs, kw);
}

static Value wrap_next(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 0, 0, kw) < 0)
        return 0;
    Value r = ((UnaryFunc)fn)(self);
    if (!r && !wf_err_occurred())
        return wf_err_stop_iteration(0);
    return r;
}

static Value wrap_descr_get(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 2, kw) < 0)
        return 0;
    Value obj = args[0] == wf_None ? 0 : args[0];
    Value type = nargs > 1 && args[1] != wf_None ? args[1] : 0;
    if (!obj && !type)
        return wf_err_set_str(wf_exc_TypeError, "__get__(None, None) is invalid");
    return ((Value (*)(Value, Value, Value))fn)(self, obj, type);
}

static Value wrap_descr_set(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 2, 2, kw) < 0)
        return 0;
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], args[1]));
}

static Value wrap_descr_delete(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], 0));
}

static Value wrap_init(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    return none_or_null(((int (*)(Value, const Value *, size_t, Value))fn)(self, args, nargs, kw));
}

static Value wrap_len(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 0, 0, kw) < 0)
        return 0;
    intptr_t n = ((intptr_t (*)(Value))fn)(self);
    return n < 0 ? 0 : wf_int_from_i64(n);
}

static Value wrap_binary(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return ((BinaryFunc)fn)(self, args[0]);
}

static Value wrap_setitem(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 2, 2, kw) < 0)
        return 0;
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], args[1]));
}

static Value wrap_delitem(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return none_or_null(((int (*)(Value, Value, Value))fn)(self, args[0], 0));
}

static Value wrap_pred(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, sd->offset == offsetof(TypeObject, tp_contains), sd->offset == offsetof(TypeObject, tp_contains), kw) < 0)
        return 0;
    int r = sd->offset == offsetof(TypeObject, tp_contains) ? ((int (*)(Value, Value))fn)(self, args[0])
                                                           : ((int (*)(Value))fn)(self);
    return r < 0 ? 0 : wf_bool(r);
}

static Value wrap_binop(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return ((Value (*)(Value, Value, int))fn)(self, args[0], sd->op);
}

static Value wrap_rbinop(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    return ((Value (*)(Value, Value, int))fn)(args[0], self, sd->op);
}

static Value wrap_unop(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 0, 0, kw) < 0)
        return 0;
    return ((Value (*)(Value, int))fn)(self, sd->op);
}

static Value wrap_format(const SlotDef *sd, void *fn, Value self, const Value *args, size_t nargs, Value kw)
{
    if (wrap_check(sd, nargs, 1, 1, kw) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "__format__() argument must be str, not %s", wf_type_name(args[0]));
    return ((Value (*)(Value, Value))fn)(self, args[0]);
}

#define SD(name, field, wrap, slot, op) \
    { #name, offsetof(TypeObject, field), wrap, (void *)(slot), op, WF_ID_##name }
#define SD_BIN(n, s, d, r, i) \
    SD(d, tp_binop, wrap_binop, slot_tp_binop, WF_BINOP_##n), \
    SD(r, tp_binop, wrap_rbinop, slot_tp_binop, WF_BINOP_##n),
#define SD_IBIN(n, s, d, r, i) SD(i, tp_inplace, wrap_binop, slot_tp_inplace, WF_BINOP_##n),
#define SD_UN(n, s, d) SD(d, tp_unary, wrap_unop, slot_tp_unary, WF_UNOP_##n),

const SlotDef om_slotdefs[] = {
    SD(__repr__, tp_repr, wrap_unary, slot_tp_repr, 0),
    SD(__str__, tp_str, wrap_unary, slot_tp_str, 0),
    SD(__hash__, tp_hash, wrap_hash, slot_tp_hash, 0),
    SD(__lt__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_LT),
    SD(__le__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_LE),
    SD(__eq__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_EQ),
    SD(__ne__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_NE),
    SD(__gt__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_GT),
    SD(__ge__, tp_richcompare, wrap_richcmp, slot_tp_richcompare, WF_GE),
    SD(__getattribute__, tp_getattr, wrap_getattr, slot_tp_getattr_hook, 0),
    SD(__getattr__, tp_getattr, NULL, slot_tp_getattr_hook, 0),
    SD(__setattr__, tp_setattr, wrap_setattr, slot_tp_setattr, 0),
    SD(__delattr__, tp_setattr, wrap_delattr, slot_tp_setattr, 0),
    SD(__call__, tp_call, wrap_call, slot_tp_call, 0),
    SD(__iter__, tp_iter, wrap_unary, slot_tp_iter, 0),
    SD(__next__, tp_iternext, wrap_next, slot_tp_iternext, 0),
    SD(__get__, tp_descr_get, wrap_descr_get, slot_tp_descr_get, 0),
    SD(__set__, tp_descr_set, wrap_descr_set, slot_tp_descr_set, 0),
    SD(__delete__, tp_descr_set, wrap_descr_delete, slot_tp_descr_set, 0),
    SD(__init__, tp_init, wrap_init, slot_tp_init, 0),
    SD(__new__, tp_new, NULL, slot_tp_new, 0),
    SD(__len__, tp_len, wrap_len, slot_tp_len, 0),
    SD(__getitem__, tp_getitem, wrap_binary, slot_tp_getitem, 0),
    SD(__setitem__, tp_setitem, wrap_setitem, slot_tp_setitem, 0),
    SD(__delitem__, tp_setitem, wrap_delitem, slot_tp_setitem, 0),
    SD(__contains__, tp_contains, wrap_pred, slot_tp_contains, 0),
    SD(__bool__, tp_bool, wrap_pred, slot_tp_bool, 0),
    WF_BINOPS(SD_BIN)
    WF_BINOPS(SD_IBIN)
    WF_UNOPS(SD_UN)
    SD(__int__, tp_int, wrap_unary, slot_tp_int, 0),
    SD(__index__, tp_index, wrap_unary, slot_tp_index, 0),
    SD(__float__, tp_float, wrap_unary, slot_tp_float, 0),
    SD(__format__, tp_format, wrap_format, slot_tp_format, 0),
    { NULL, 0, NULL, NULL, 0, 0 },
};

/* Rule 3 of the essay at the top: what the slot at `offset` of heap class t
 * should be now (its current value for a built-in type). */
static void *slot_value(TypeObject *t, size_t offset)
{
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return *slot_ptr(t, offset);
    void *specific = NULL, *generic = NULL;
    bool use_generic = false, any = false;
    for (const SlotDef *sd = om_slotdefs; sd->name; sd++) {
        if (sd->offset != offset)
            continue;
        generic = sd->slotfn;
        Value d = om_type_lookup(t, wf_ids[sd->wf_id]);
        if (!d)
            continue;
        if (d == wf_None && offset == offsetof(TypeObject, tp_hash))
            continue;  /* __hash__ = None: unhashable */
        any = true;
        void *fn = NULL;
        if (wf_type(d) == &wf_type_wrapper_descr && ((WrapperDescrObject *)wf_obj(d))->sd->offset == offset)
            fn = ((WrapperDescrObject *)wf_obj(d))->fn;
        else if (wf_type(d) == &wf_type_builtin_function && ((CFunctionObject *)wf_obj(d))->def == &tp_new_def)
            fn = (void *)as_type(((CFunctionObject *)wf_obj(d))->self)->tp_new;
        else if (wf_type(d) == &wf_type_method_descr && !(((DescrObject *)wf_obj(d))->d_type->tp_flags & WF_TPF_HEAPTYPE))
            /* A built-in type that also lists the dunder as a method (dict's
             * __getitem__): its C slot does the same thing, minus the call. */
            fn = *slot_ptr(((DescrObject *)wf_obj(d))->d_type, offset);
        if (!fn || (specific && specific != fn))
            use_generic = true;
        else
            specific = fn;
    }
    return !any ? NULL : use_generic ? generic : specific;
}

/* For a class nobody else can see yet (class creation). */
static void fixup_slot(TypeObject *t, size_t offset)
{
    *slot_ptr(t, offset) = slot_value(t, offset);
}

static void fixup_all_slots(TypeObject *t)
{
    size_t last = (size_t)-1;
    for (const SlotDef *sd = om_slotdefs; sd->name; sd++) {
        if (sd->offset != last)
            fixup_slot(t, sd->offset);
        last = sd->offset;
    }
}

/* ---- class creation ---- */

/* The base whose instance layout t's instances extend (CPython's solid_base). */
static TypeObject *solid_base(TypeObject *t)
{
    if (t->tp_flags & WF_TPF_HEAPTYPE)
        return ((HeapTypeObject *)t)->ht_solid;
    if (!t->tp_base)
        return t;
    TypeObject *b = solid_base(t->tp_base);
    return t->tp_basicsize != t->tp_base->tp_basicsize ? t : b;
}

static TypeObject *best_base(Value bases)
{
    TypeObject *base = NULL, *winner = NULL;
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        Value bv = wf_tuple_get(bases, i);
        if (!wf_is_type(bv))
            return wf_err_set_str(wf_exc_TypeError, "bases must be types"), NULL;
        TypeObject *b = wf_as_type(bv);
        if (!(b->tp_flags & WF_TPF_READY))
            wf_type_ready(b);
        if (!(b->tp_flags & WF_TPF_BASETYPE))
            return wf_err_format(wf_exc_TypeError, "type '%s' is not an acceptable base type", b->tp_name), NULL;
        TypeObject *candidate = solid_base(b);
        if (!winner) {
            winner = candidate;
            base = b;
        } else if (wf_type_is_subtype(winner, candidate)) {
            ;
        } else if (wf_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = b;
        } else {
            return wf_err_set_str(wf_exc_TypeError, "multiple bases have instance lay-out conflict"), NULL;
        }
    }
    return base;
}

typedef struct MergeSeq {
    const Value *items;
    size_t n, pos;
} MergeSeq;

static bool in_tail(MergeSeq *seqs, size_t nseqs, Value v)
{
    for (size_t i = 0; i < nseqs; i++)
        for (size_t j = seqs[i].pos + 1; j < seqs[i].n; j++)
            if (seqs[i].items[j] == v)
                return true;
    return false;
}

static Value mro_error(MergeSeq *seqs, size_t nseqs)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_c(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
    Value seen = wf_list_new(0);
    for (size_t i = 0; i < nseqs; i++) {
        if (seqs[i].pos >= seqs[i].n)
            continue;
        Value h = seqs[i].items[seqs[i].pos];
        if (wf_contains(seen, h) > 0)
            continue;
        wf_list_append(seen, h);
        wf_sb_add_c(&sb, wf_list_size(seen) == 1 ? " " : ", ");
        wf_sb_add_str(&sb, wf_type_qualname(wf_as_type(h)));
    }
    wf_decref(seen);
    Value msg = wf_sb_finish(&sb);
    wf_err_set_value(wf_exc_TypeError, msg);
    wf_decref(msg);
    return 0;
}

/* C3 linearization of t with the given bases. */
static Value mro_c3(TypeObject *t, Value bases)
{
    size_t nb = wf_tuple_size(bases), nseqs = nb + 1;
    MergeSeq *seqs = wf_mem_calloc(nseqs, sizeof(MergeSeq));
    size_t total = 1;
    for (size_t i = 0; i < nb; i++) {
        Value m = wf_as_type(wf_tuple_get(bases, i))->tp_mro;
        seqs[i].items = wf_as_tuple(m)->items;
        seqs[i].n = wf_tuple_size(m);
        total += seqs[i].n;
    }
    seqs[nb].items = wf_as_tuple(bases)->items;
    seqs[nb].n = nb;
    Value *out = wf_mem_alloc(total * sizeof(Value));
    size_t nout = 0;
    out[nout++] = wf_val(t);
    for (;;) {
        bool empty = true, found = false;
        for (size_t i = 0; i < nseqs && !found; i++) {
            if (seqs[i].pos >= seqs[i].n)
                continue;
            empty = false;
            Value cand = seqs[i].items[seqs[i].pos];
            if (in_tail(seqs, nseqs, cand))
                continue;
            found = true;
            out[nout++] = cand;
            for (size_t j = 0; j < nseqs; j++)
                if (seqs[j].pos < seqs[j].n && seqs[j].items[seqs[j].pos] == cand)
                    seqs[j].pos++;
        }
        if (empty)
            break;
        if (!found) {
            mro_error(seqs, nseqs);
            wf_mem_free(seqs);
            wf_mem_free(out);
            return 0;
        }
    }
    Value r = wf_tuple_from_array(out, nout);
    wf_mem_free(seqs);
    wf_mem_free(out);
    return r;
}

static TypeObject *calculate_metaclass(TypeObject *meta, Value bases)
{
    TypeObject *winner = meta;
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        TypeObject *bt = wf_type(wf_tuple_get(bases, i));
        if (wf_type_is_subtype(winner, bt))
            continue;
        if (wf_type_is_subtype(bt, winner)) {
            winner = bt;
            continue;
        }
        wf_err_set_str(wf_exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                         "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* "__x" in class C becomes "_C__x" (CPython's _Py_Mangle for __slots__). */
static Value mangle(Value clsname, Value name)
{
    const char *s = wf_str_cstr(name);
    size_t n = wf_as_str(name)->len;
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_') || strchr(s, '.'))
        return wf_incref(name);
    const char *c = wf_str_cstr(clsname);
    while (*c == '_')
        c++;
    if (!*c)
        return wf_incref(name);
    return wf_str_printf("_%s%s", c, s);
}

static bool is_identifier(Value s)
{
    const unsigned char *p = (const unsigned char *)wf_str_cstr(s);
    if (!*p || (*p >= '0' && *p <= '9'))
        return false;
    for (; *p; p++)
        if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p >= 0x80))
            return false;
    return true;
}

/* Parse __slots__ into a tuple of mangled names (excluding __dict__ and
 * __weakref__); *want_dict set if '__dict__' was listed. */
static Value parse_slots(Value slots, Value name, Value dict, bool *want_dict, bool *want_weakref)
{
    Value seq = wf_is_str(slots) ? wf_tuple_pack(1, slots) : wf_tuple_from_iterable(slots);
    if (!seq)
        return 0;
    Value names = wf_list_new(0);
    for (size_t i = 0; i < wf_tuple_size(seq); i++) {
        Value s = wf_tuple_get(seq, i);
        if (!wf_is_str(s)) {
            wf_err_format(wf_exc_TypeError, "__slots__ items must be strings, not '%s'", wf_type_name(s));
            goto fail;
        }
        if (!is_identifier(s)) {
            wf_err_set_str(wf_exc_TypeError, "__slots__ must be identifiers");
            goto fail;
        }
        if (wf_str_eq_c(s, "__dict__")) {
            if (*want_dict) {
                wf_err_set_str(wf_exc_TypeError, "__dict__ slot disallowed: we already got one");
                goto fail;
            }
            *want_dict = true;
            continue;
        }
        if (wf_str_eq_c(s, "__weakref__")) {
            *want_weakref = true;
            continue;
        }
        Value m = mangle(name, s);
        if (wf_dict_get(dict, m)) {
            wf_err_format(wf_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
            wf_decref(m);
            goto fail;
        }
        wf_list_append(names, wf_str_intern(m));
    }
    wf_decref(seq);
    if (wf_list_sort(names, 0, false) < 0) {  /* CPython orders the members by name */
        wf_decref(names);
        return 0;
    }
    Value r = wf_list_as_tuple(names);
    wf_decref(names);
    return r;
fail:
    wf_decref(seq);
    wf_decref(names);
    return 0;
}

static Value subtype_dict_get(Value self)
{
    Value *dp = dict_ptr(self);
    if (!dp)
        return wf_err_format(wf_exc_AttributeError, "This object has no __dict__");
    return wf_incref(wf_attrslot_dict(dp));
}

static int subtype_dict_set(Value self, Value v)
{
    Value *dp = dict_ptr(self);
    if (!dp)
        return wf_err_format(wf_exc_AttributeError, "This object has no __dict__"), -1;
    if (!v)
        return wf_err_set_str(wf_exc_TypeError, "cannot delete __dict__"), -1;
    if (!wf_is_dict(v))
        return wf_err_format(wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", wf_type_name(v)), -1;
    wf_attrslot_store(dp, wf_incref(v));  /* the old dict may be in a reader's hands */
    return 0;
}

static const GetSetDef subtype_dict_getset = { "__dict__", subtype_dict_get, subtype_dict_set };

/* Weak references do not exist yet; __weakref__ reads as None as for an
 * object nobody refers to weakly. */
static Value subtype_weakref_get(Value self) { return wf_None; }
static const GetSetDef subtype_weakref_getset = { "__weakref__", subtype_weakref_get, NULL };

/* An exception escaping __del__ is printed, not raised (CPython's
 * PyErr_WriteUnraisable). */
static void report_ignored(Value where)
{
    Value exc = wf_err_fetch();
    Value r = wf_repr(where);
    if (!r)
        wf_err_clear();
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_c(&sb, "Exception ignored in: ");
    if (r)
        wf_sb_add_str(&sb, r);
    wf_sb_add_char(&sb, '\n');
    Value msg = wf_sb_finish(&sb);
    wf_sys_write_stderr(wf_str_cstr(msg));
    wf_decref(msg);
    wf_decref(r);
    if (exc)
        wf_exc_print(exc);
    wf_decref(exc);
    wf_err_clear();
}

/* Free an instance of a heap class: __del__, its slots and dict, then the
 * memory through the nearest built-in base's deallocator. */
static void subtype_dealloc(Object *o)
{
    TypeObject *t = o->ob_type;
    Value del = om_type_lookup(t, WF_ID(__del__));
    if (del && !(o->ob_flags & OBF_FINALIZED)) {
        o->ob_flags |= OBF_FINALIZED;  /* __del__ runs once, even if resurrected (PEP 442) */
        wf_object_resurrect(o);  /* for the call */
        Value saved = wf_err_fetch();
        Value r = call_dunder(wf_val(o), WF_ID(__del__), NULL, 0);
        if (!r)
            report_ignored(del);
        wf_decref(r);
        wf_err_restore(saved);
        if (!wf_object_unresurrect(o))
            return;  /* resurrected */
    }
    TypeObject *b = t;
    for (; b && (b->tp_flags & WF_TPF_HEAPTYPE); b = b->tp_base) {
        HeapTypeObject *h = (HeapTypeObject *)b;
        for (size_t i = 0; i < h->ht_nslots; i++) {
            Value *p = (Value *)((char *)o + h->ht_slotoffset) + i;
            Value v = *p;
            *p = 0;
            wf_decref(v);
        }
        if (h->ht_owns_dict && (t->tp_dictoffset || (t->tp_flags & OM_TPF_STR_DICT))) {
            Value *dp = om_dict_ptr(wf_val(o), t);
            Value d = *dp;
            *dp = 0;
            wf_decref(d);
        }
    }
    if (b && b != &wf_type_object && b->tp_dealloc)
        b->tp_dealloc(o);
    else
        wf_object_free(o);
}

static int wrap_namespace_function(Value dict, Value name, Value (*wrap)(Value))
{
    Value f = wf_dict_get(dict, name);
    if (!f || wf_type(f) != &wf_type_function)
        return 0;
    Value w = wrap(f);
    int r = wf_dict_set(dict, name, w);
    wf_decref(w);
    return r;
}

static int call_set_names(TypeObject *t)
{
    Value keys = wf_dict_keys_list(t->tp_dict);
    int rc = 0;
    for (size_t i = 0; i < wf_list_size(keys) && rc == 0; i++) {
        Value k = wf_list_get(keys, i);
        Value v = wf_dict_get(t->tp_dict, k);
        if (!v)
            continue;
        Value f = wf_lookup_special(v, WF_ID(__set_name__));
        if (!f) {
            rc = wf_err_occurred() ? -1 : 0;
            continue;
        }
        Value r = wf_call2(f, wf_val(t), k);
        wf_decref(f);
        if (!r)
            rc = -1;
        wf_decref(r);
    }
    wf_decref(keys);
    return rc;
}

/* super(t, t).__init_subclass__(**kwargs) */
static int call_init_subclass(TypeObject *t, const Value *kwvals, Value kwnames)
{
    Value mro = t->tp_mro;
    for (size_t i = 1; i < wf_tuple_size(mro); i++) {
        TypeObject *b = wf_as_type(wf_tuple_get(mro, i));
        Value d = b->tp_dict ? wf_dict_get(b->tp_dict, WF_ID(__init_subclass__)) : 0;
        if (!d)
            continue;
        TypeObject *dt = wf_type(d);
        Value f = dt->tp_descr_get ? dt->tp_descr_get(d, 0, wf_val(t)) : wf_incref(d);
        if (!f)
            return -1;
        Value r = wf_call(f, kwvals, 0, kwnames);
        wf_decref(f);
        if (!r)
            return -1;
        wf_decref(r);
        return 0;
    }
    return 0;
}

static void set_layout(HeapTypeObject *h, TypeObject *base, Value slotnames, bool want_dict)
{
    TypeObject *t = &h->type;
    TypeObject *solid = solid_base(base);
    size_t size = base->tp_basicsize;
    bool instance_layout = solid == &wf_type_object;
    if (instance_layout && size < sizeof(InstanceObject))
        size = sizeof(InstanceObject);
    h->ht_nslots = slotnames ? wf_tuple_size(slotnames) : 0;
    h->ht_slotoffset = size;
    size += h->ht_nslots * sizeof(Value);
    t->tp_dictoffset = base->tp_dictoffset;
    t->tp_flags |= base->tp_flags & (OM_TPF_TUPLE_DICT | OM_TPF_STR_DICT);
    bool tuple_layout = base == &wf_type_tuple || (base->tp_flags & WF_TPF_TUPLE_SUBCLASS);
    bool str_layout = base == &wf_type_str || (base->tp_flags & WF_TPF_STR_SUBCLASS);
    bool has_dict = t->tp_dictoffset || (t->tp_flags & (OM_TPF_TUPLE_DICT | OM_TPF_STR_DICT));
    if (want_dict && !has_dict && tuple_layout) {
        t->tp_flags |= OM_TPF_TUPLE_DICT;  /* the slot after the items; tuple.c frees it */
    } else if (want_dict && !has_dict && str_layout) {
        t->tp_flags |= OM_TPF_STR_DICT;
        h->ht_owns_dict = true;
        size += 2 * sizeof(Value);
    } else if (want_dict && !t->tp_dictoffset && !base->tp_itemsize) {
        h->ht_owns_dict = true;
        if (instance_layout) {
            t->tp_dictoffset = offsetof(InstanceObject, dict);
        } else {
            t->tp_dictoffset = size;
            size += sizeof(Value);
        }
    }
    t->tp_basicsize = size;
    t->tp_itemsize = base->tp_itemsize;
    h->ht_solid = h->ht_nslots ? t : solid;
}

static void add_slot_members(HeapTypeObject *h, Value slotnames, bool want_weakref)
{
    TypeObject *t = &h->type;
    for (size_t i = 0; i < h->ht_nslots; i++) {
        Value name = wf_tuple_get(slotnames, i);
        Value d = wf_member_descr_new(t, name, h->ht_slotoffset + i * sizeof(Value));
        wf_dict_set(t->tp_dict, name, d);
        wf_decref(d);
    }
    bool has_dict = t->tp_dictoffset || (t->tp_flags & (OM_TPF_TUPLE_DICT | OM_TPF_STR_DICT));
    if (has_dict && !om_type_lookup(t, WF_ID(__dict__))) {
        Value d = wf_getset_descr_new(t, &subtype_dict_getset);
        wf_dict_set(t->tp_dict, WF_ID(__dict__), d);
        wf_decref(d);
    }
    /* Classes themselves are weakly referenceable in CPython without a
     * __weakref__ descriptor: metaclasses get none. */
    bool weak_builtin = t->tp_flags & WF_TPF_TYPE_SUBCLASS;
    if (want_weakref && !weak_builtin && !om_type_lookup(t, WF_ID(__weakref__))) {
        Value d = wf_getset_descr_new(t, &subtype_weakref_getset);
        wf_dict_set(t->tp_dict, WF_ID(__weakref__), d);
        wf_decref(d);
    }
    /* Defaults go last, as in CPython's class dicts. */
    Value dict = t->tp_dict;
    if (!wf_dict_get(dict, WF_ID(__doc__)))
        wf_dict_set(dict, WF_ID(__doc__), wf_None);
    if (wf_dict_get(dict, WF_ID(__eq__)) && !wf_dict_get(dict, WF_ID(__hash__)))
        wf_dict_set(dict, WF_ID(__hash__), wf_None);
}

/* Fill in the namespace defaults CPython's type_new adds. */
static int prepare_namespace(Value dict, Value *qualname, Value name)
{
    if (!wf_dict_get(dict, WF_ID(__module__))) {
        Value g = wf_frame_globals();
        Value m = g ? wf_dict_get(g, WF_ID(__name__)) : 0;
        if (m && wf_dict_set(dict, WF_ID(__module__), m) < 0)
            return -1;
    }
    Value q = wf_dict_get(dict, WF_ID(__qualname__));
    if (q) {
        if (!wf_is_str(q))
            return wf_err_format(wf_exc_TypeError, "type __qualname__ must be a str, not %s", wf_type_name(q)), -1;
        *qualname = wf_incref(q);
        if (wf_dict_del(dict, WF_ID(__qualname__)) < 0)
            return -1;
    } else {
        *qualname = wf_incref(name);
    }
    if (wrap_namespace_function(dict, WF_ID(__new__), wf_staticmethod_new) < 0 ||
        wrap_namespace_function(dict, WF_ID(__init_subclass__), wf_classmethod_new) < 0 ||
        wrap_namespace_function(dict, WF_ID(__class_getitem__), wf_classmethod_new) < 0)
        return -1;
    return 0;
}

/* What a class statement asks for, checked and normalised. */
typedef struct ClassSpec {
    Value name, bases, dict, qualname, slotnames;  /* owned, except name */
    TypeObject *base;                               /* best base: the layout to extend */
    bool want_dict, want_weakref;
} ClassSpec;

static void class_spec_clear(ClassSpec *cs)
{
    wf_decref(cs->bases);
    wf_decref(cs->dict);
    wf_decref(cs->qualname);
    wf_decref(cs->slotnames);
}

/* bases, or (object,) when empty; TypeError for a repeated base. */
static Value class_bases(Value bases)
{
    size_t n = wf_tuple_size(bases);
    if (!n)
        return wf_tuple_pack(1, wf_val(&wf_type_object));
    for (size_t i = 0; i < n; i++) {
        Value b = wf_tuple_get(bases, i);
        for (size_t j = 0; j < i; j++)
            if (wf_tuple_get(bases, j) == b && wf_is_type(b))
                return wf_err_format(wf_exc_TypeError, "duplicate base class %s", wf_as_type(b)->tp_name);
    }
    return wf_incref(bases);
}

static int class_spec_init(ClassSpec *cs, Value name, Value bases, Value ns)
{
    memset(cs, 0, sizeof *cs);
    cs->name = name;
    cs->want_dict = true;
    if (!(cs->bases = class_bases(bases)) || !(cs->base = best_base(cs->bases)))
        return -1;
    cs->dict = wf_dict_copy(ns);
    if (!cs->dict || prepare_namespace(cs->dict, &cs->qualname, name) < 0)
        return -1;
    Value slots = wf_dict_get(cs->dict, WF_ID(__slots__));
    if (!slots) {
        cs->want_weakref = true;
        return 0;
    }
    cs->want_dict = false;
    cs->slotnames = parse_slots(slots, name, cs->dict, &cs->want_dict, &cs->want_weakref);
    if (!cs->slotnames)
        return -1;
    /* int is variable-size in CPython; keep its rule though ours is not. */
    bool varsize = cs->base->tp_itemsize || cs->base == &wf_type_int || (cs->base->tp_flags & WF_TPF_INT_SUBCLASS);
    if (wf_tuple_size(cs->slotnames) && varsize)
        return wf_err_format(wf_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", cs->base->tp_name), -1;
    return 0;
}

/* The class object with its layout and MRO; takes over cs's references. */
static TypeObject *class_alloc(TypeObject *meta, ClassSpec *cs)
{
    size_t metasize = meta->tp_basicsize >= sizeof(HeapTypeObject) ? meta->tp_basicsize : sizeof(HeapTypeObject);
    HeapTypeObject *h = (HeapTypeObject *)wf_object_alloc(meta, metasize);
    TypeObject *t = &h->type;
    h->ht_name = wf_str_intern(wf_incref(cs->name));
    h->ht_qualname = cs->qualname;
    t->tp_name = wf_str_cstr(h->ht_name);
    t->tp_flags = WF_TPF_HEAPTYPE | WF_TPF_BASETYPE | TPF_SLOTS_INHERITED;
    t->tp_base = cs->base;
    t->tp_bases = cs->bases;
    t->tp_dict = cs->dict;
    t->tp_slotnames = cs->slotnames;
    t->tp_dealloc = subtype_dealloc;
    set_layout(h, cs->base, cs->slotnames, cs->want_dict);
    for (size_t i = 0; i < wf_tuple_size(cs->bases); i++)
        inherit_flags(t, wf_as_type(wf_tuple_get(cs->bases, i)));
    t->tp_mro = mro_c3(t, cs->bases);
    if (!t->tp_mro)
        return NULL;  /* LEAK: the half-built class and what it took over */
    /* Ready from here on, so that lookups below see the MRO; version 0 until
     * finished, so nothing cached meanwhile survives. */
    t->tp_flags |= WF_TPF_READY;
    wf_make_immortal(wf_val(t));
    add_slot_members(h, cs->slotnames, cs->want_weakref);
    return t;
}

/* C slots, version, subclass links, then the class-creation hooks. */
static Value class_finish(TypeObject *t, const Value *kwvals, Value kwnames)
{
    for (size_t i = 1; i < wf_tuple_size(t->tp_mro); i++)
        inherit_slots(t, wf_as_type(wf_tuple_get(t->tp_mro, i)));
    fixup_all_slots(t);
    if (t->tp_dictoffset)
        t->tp_flags |= WF_TPF_HAVE_DICT;
    type_version_assign(t);
    for (size_t i = 0; i < wf_tuple_size(t->tp_bases); i++)
        add_to_subclasses(wf_as_type(wf_tuple_get(t->tp_bases, i)), t);
    if (call_set_names(t) < 0 || call_init_subclass(t, kwvals, kwnames) < 0)
        return 0;
    return wf_val(t);
}

/* A more derived metaclass with its own __new__ takes over. */
static Value delegate_new(TypeObject *winner, Value name, Value bases, Value ns, const Value *kwvals, Value kwnames)
{
    size_t nk = kw_count(kwnames);
    Value *args = wf_mem_alloc((3 + nk) * sizeof(Value));
    args[0] = name;
    args[1] = bases;
    args[2] = ns;
    if (nk)
        memcpy(args + 3, kwvals, nk * sizeof(Value));
    Value r = winner->tp_new(winner, args, 3, kwnames);
    wf_mem_free(args);
    return r;
}

static Value new_class(TypeObject *meta, Value name, Value bases, Value ns, const Value *kwvals, Value kwnames)
{
    TypeObject *winner = calculate_metaclass(meta, bases);
    if (!winner)
        return 0;
    if (winner != meta && winner->tp_new != type_tp_new)
        return delegate_new(winner, name, bases, ns, kwvals, kwnames);
    ClassSpec cs;
    if (class_spec_init(&cs, name, bases, ns) < 0) {
        class_spec_clear(&cs);
        return 0;
    }
    TypeObject *t = class_alloc(winner, &cs);
    return t ? class_finish(t, kwvals, kwnames) : 0;
}

static Value type_tp_new(TypeObject *meta, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs != 3)
        return wf_err_format(wf_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zu given)", nargs);
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 1 must be str, not %s", wf_type_name(args[0]));
    if (!wf_is_tuple(args[1]))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", wf_type_name(args[1]));
    if (!wf_is_dict(args[2]))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 3 must be dict, not %s", wf_type_name(args[2]));
    return new_class(meta, args[0], args[1], args[2], args + 3, kw_count(kwnames) ? kwnames : 0);
}

Value wf_type_new_class(Value name, Value bases, Value dict, Value metaclass)
{
    TypeObject *meta = metaclass && wf_is_type(metaclass) ? wf_as_type(metaclass) : &wf_type_type;
    if (!wf_is_str(name))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 1 must be str, not %s", wf_type_name(name));
    if (!wf_is_tuple(bases))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s", wf_type_name(bases));
    if (!wf_is_dict(dict))
        return wf_err_format(wf_exc_TypeError, "type.__new__() argument 3 must be dict, not %s", wf_type_name(dict));
    return new_class(meta, name, bases, dict, NULL, 0);
}

/* ---- X | Y on classes: types.UnionType (PEP 604) ---- */

typedef struct UnionObject {
    Object ob;
    Value args;   /* tuple of distinct types, None given as NoneType */
} UnionObject;

static bool union_operand(Value v)
{
    return v == wf_None || wf_is_type(v) || wf_is_type_exact(v, &wf_type_union);
}

/* Append v (a type, None or a union) to list, flattening and de-duplicating. */
static void union_add(Value list, Value v)
{
    if (wf_is_type_exact(v, &wf_type_union)) {
        Value args = ((UnionObject *)wf_obj(v))->args;
        for (size_t i = 0; i < wf_tuple_size(args); i++)
            union_add(list, wf_tuple_get(args, i));
        return;
    }
    if (v == wf_None)
        v = wf_val(&wf_type_none);
    for (size_t i = 0; i < wf_list_size(list); i++)
        if (wf_list_get(list, i) == v)
            return;
    wf_list_append(list, v);
}

static Value union_binop(Value a, Value b, int op)
{
    if (op != WF_BINOP_OR || !union_operand(a) || !union_operand(b))
        return wf_NotImplemented;
    Value list = wf_list_new(0);
    union_add(list, a);
    union_add(list, b);
    Value r;
    if (wf_list_size(list) == 1) {
        r = wf_incref(wf_list_get(list, 0));
    } else {
        UnionObject *u = (UnionObject *)wf_object_alloc(&wf_type_union, sizeof(UnionObject));
        u->args = wf_list_as_tuple(list);
        r = wf_val(u);
    }
    wf_decref(list);
    return r;
}

static void union_dealloc(Object *o)
{
    wf_decref(((UnionObject *)o)->args);
    wf_object_free(o);
}

static Value union_repr(Value v)
{
    Value args = ((UnionObject *)wf_obj(v))->args;
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = 0; i < wf_tuple_size(args); i++) {
        Value a = wf_tuple_get(args, i);
        if (i)
            wf_sb_add_c(&sb, " | ");
        if (a == wf_val(&wf_type_none)) {
            wf_sb_add_c(&sb, "None");
            continue;
        }
        if (!wf_is_type(a)) {
            if (wf_sb_add_repr(&sb, a) < 0) {
                wf_sb_discard(&sb);
                return 0;
            }
            continue;
        }
        TypeObject *t = wf_as_type(a);
        Value mod = wf_type_module_name(t);
        if (mod && !wf_str_eq_c(mod, "builtins")) {
            wf_sb_add_str(&sb, mod);
            wf_sb_add_char(&sb, '.');
        }
        wf_decref(mod);
        wf_sb_add_str(&sb, wf_type_qualname(t));
    }
    return wf_sb_finish(&sb);
}

static bool union_same(Value a, Value b)
{
    Value x = ((UnionObject *)wf_obj(a))->args, y = ((UnionObject *)wf_obj(b))->args;
    if (wf_tuple_size(x) != wf_tuple_size(y))
        return false;
    for (size_t i = 0; i < wf_tuple_size(x); i++) {
        bool found = false;
        for (size_t j = 0; j < wf_tuple_size(y) && !found; j++)
            found = wf_tuple_get(x, i) == wf_tuple_get(y, j);
        if (!found)
            return false;
    }
    return true;
}

static Value union_richcompare(Value a, Value b, int op)
{
    if ((op != WF_EQ && op != WF_NE) || !wf_is_type_exact(b, &wf_type_union))
        return wf_NotImplemented;
    bool eq = union_same(a, b);
    return wf_bool(op == WF_EQ ? eq : !eq);
}

static Hash union_hash(Value v)
{
    Value args = ((UnionObject *)wf_obj(v))->args;
    Hash h = 0x345678;
    for (size_t i = 0; i < wf_tuple_size(args); i++)
        h ^= wf_hash_pointer((const void *)wf_tuple_get(args, i));  /* order-insensitive */
    return h == -1 ? -2 : h;
}

static Value union_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__instancecheck__", nargs, 1, 1) < 0)
        return 0;
    int r = wf_isinstance(args[0], ((UnionObject *)wf_obj(self))->args);
    return r < 0 ? 0 : wf_bool(r);
}

static Value union_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("__subclasscheck__", nargs, 1, 1) < 0)
        return 0;
    int r = wf_issubclass(args[0], ((UnionObject *)wf_obj(self))->args);
    return r < 0 ? 0 : wf_bool(r);
}

static Value union_get_args(Value v) { return wf_incref(((UnionObject *)wf_obj(v))->args); }

static const MethodDef union_methods[] = {
    { "__instancecheck__", union_instancecheck, 0, NULL },
    { "__subclasscheck__", union_subclasscheck, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static const GetSetDef union_getset[] = {
    { "__args__", union_get_args, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_union = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(UnionObject),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_binop = union_binop,
    .tp_methods = union_methods,
    .tp_getset = union_getset,
};
