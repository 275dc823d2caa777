/* weft: the object header, type objects and the abstract object protocol. */
/* Objects -> (header, type, slots) and the generic operations on Values. */
#ifndef WF_OBJECT_H
#define WF_OBJECT_H

/*
 * Ownership rules (the whole C code base follows them):
 *
 *  1. A function returning a Value returns a NEW reference unless its comment
 *     says "borrowed". 0 means an exception is set on the thread state.
 *  2. Arguments are BORROWED unless the comment says "steals".
 *  3. Functions returning int return 0 / 1 for false / true (or success) and
 *     -1 when an exception is set. Functions returning a size return -1 on
 *     error. Hash functions return -1 on error (a real hash of -1 becomes -2).
 *  4. Small ints need no reference counting; wf_incref/wf_decref ignore them.
 *  5. Immortal objects (None, True, False, interned strings, type objects,
 *     code objects, modules ...) ignore incref/decref too.
 *  6. When ownership is unclear, leaking is a bug we can find later; a double
 *     decref is a crash. Prefer the leak and leave a "LEAK:" comment.
 *
 * Reference counting is biased (PEP 703): the owning thread (ob_tid) counts in
 * ob_ref_local without atomics, other threads count in ob_ref_shared
 * atomically; the protocol is described at "reference counting" below.
 */
#include <stdatomic.h>
#include <stdarg.h>
#include <string.h>
#include "value.h"

typedef struct TypeObject TypeObject;

#define WF_IMMORTAL_REFCNT UINT32_MAX

typedef struct Object {
    uintptr_t ob_tid;                /* owning thread id (biased refcount) */
    uint32_t ob_ref_local;           /* owner's count, WF_IMMORTAL_REFCNT = immortal */
    uint8_t ob_mutex;                /* per-object futex lock (sync/) */
    uint8_t ob_flags;                /* WF_OBF_* */
    uint16_t ob_pad;
    _Atomic intptr_t ob_ref_shared;  /* other threads' count */
    TypeObject *ob_type;
} Object;

/* The ob_tid of an immortal object: no thread's id (those are ThreadState
 * addresses) and not 0 (a thread before it is bound), so that the owner test
 * of incref/decref, done first, is false for immortal objects. */
#define WF_TID_IMMORTAL ((uintptr_t)1)

/* A statically allocated object's header: immortal, no owner. */
#define WF_STATIC_HEAD(type) { .ob_tid = WF_TID_IMMORTAL, .ob_ref_local = WF_IMMORTAL_REFCNT, .ob_type = (type) }

/* Object flag bits (ob_flags). */
#define WF_OBF_INTERNED 0x01  /* a str in the intern table */
#define WF_OBF_STATIC 0x02    /* statically allocated, never freed */

/* ---- rich comparison and operator codes ---- */
enum { WF_LT = 0, WF_LE = 1, WF_EQ = 2, WF_NE = 3, WF_GT = 4, WF_GE = 5 };

/* Binary operators: X(NAME, symbol, dunder, reflected dunder, inplace dunder). */
#define WF_BINOPS(X) \
    X(ADD, "+", __add__, __radd__, __iadd__) \
    X(SUB, "-", __sub__, __rsub__, __isub__) \
    X(MUL, "*", __mul__, __rmul__, __imul__) \
    X(TRUEDIV, "/", __truediv__, __rtruediv__, __itruediv__) \
    X(FLOORDIV, "//", __floordiv__, __rfloordiv__, __ifloordiv__) \
    X(MOD, "%", __mod__, __rmod__, __imod__) \
    X(POW, "**", __pow__, __rpow__, __ipow__) \
    X(LSHIFT, "<<", __lshift__, __rlshift__, __ilshift__) \
    X(RSHIFT, ">>", __rshift__, __rrshift__, __irshift__) \
    X(AND, "&", __and__, __rand__, __iand__) \
    X(OR, "|", __or__, __ror__, __ior__) \
    X(XOR, "^", __xor__, __rxor__, __ixor__) \
    X(MATMUL, "@", __matmul__, __rmatmul__, __imatmul__)

enum BinOp {
#define X(n, s, d, r, i) WF_BINOP_##n,
    WF_BINOPS(X)
#undef X
    WF_BINOP_COUNT
};

/* Unary operators: X(NAME, symbol, dunder). */
#define WF_UNOPS(X) \
    X(NEG, "-", __neg__) \
    X(POS, "+", __pos__) \
    X(INVERT, "~", __invert__) \
    X(ABS, "abs()", __abs__)

enum UnOp {
#define X(n, s, d) WF_UNOP_##n,
    WF_UNOPS(X)
#undef X
    WF_UNOP_COUNT
};

extern const char *const wf_binop_symbols[WF_BINOP_COUNT];  /* "+", "-", ... */

/* ---- slot signatures ---- */
/* Calls use one convention everywhere ("vectorcall"): args[0..nargs) are the
 * positional arguments, followed by len(kwnames) keyword values; kwnames is a
 * tuple of str or 0. All borrowed. */
typedef Value (*CallFunc)(Value callable, const Value *args, size_t nargs, Value kwnames);
typedef Value (*CFunction)(Value self, const Value *args, size_t nargs, Value kwnames);
typedef Value (*UnaryFunc)(Value);
typedef Value (*BinaryFunc)(Value, Value);

typedef struct MethodDef {
    const char *name;
    CFunction fn;      /* self is the instance (0 for module functions; the type for WF_METH_CLASS) */
    uint32_t flags;    /* WF_METH_* */
    const char *doc;
} MethodDef;
#define WF_METH_STATIC 0x1
#define WF_METH_CLASS 0x2

typedef struct GetSetDef {
    const char *name;
    Value (*get)(Value self);
    int (*set)(Value self, Value v);  /* v == 0: delete; NULL set = read-only */
} GetSetDef;

/* Type flags. */
#define WF_TPF_HEAPTYPE 0x0001   /* created by a class statement */
#define WF_TPF_BASETYPE 0x0002   /* may be subclassed */
#define WF_TPF_HAVE_DICT 0x0004  /* instances have a __dict__ at tp_dictoffset */
#define WF_TPF_INT_SUBCLASS 0x0010
#define WF_TPF_STR_SUBCLASS 0x0020
#define WF_TPF_TUPLE_SUBCLASS 0x0040
#define WF_TPF_LIST_SUBCLASS 0x0080
#define WF_TPF_DICT_SUBCLASS 0x0100
#define WF_TPF_EXC_SUBCLASS 0x0200
#define WF_TPF_TYPE_SUBCLASS 0x0400
#define WF_TPF_READY 0x8000

struct TypeObject {
    Object ob;
    const char *tp_name;
    size_t tp_basicsize;        /* fixed part of an instance */
    size_t tp_itemsize;         /* per item for variable-size instances */
    size_t tp_dictoffset;       /* offset of a `Value dict` field, 0 = none */
    uint32_t tp_flags;          /* WF_TPF_* */
    /* A number no other (type, state) pair ever had: every change of the
     * type or its MRO stores a fresh one from a global counter (release),
     * 0 = unversioned (counter exhausted, or a class being built): never
     * cache against it. Read with wf_type_version(). */
    _Atomic uint32_t tp_version;
    TypeObject *tp_base;
    Value tp_bases;             /* tuple of types */
    Value tp_mro;               /* tuple of types, self first */
    Value tp_dict;              /* dict: attributes, methods, descriptors */
    Value tp_subclasses;        /* list of subclasses (for version bumps), or 0 */

    void (*tp_dealloc)(Object *);
    UnaryFunc tp_repr;
    UnaryFunc tp_str;
    Hash (*tp_hash)(Value);
    Value (*tp_richcompare)(Value a, Value b, int op);  /* or wf_NotImplemented */
    Value (*tp_getattr)(Value obj, Value name);          /* name: str */
    int (*tp_setattr)(Value obj, Value name, Value v);   /* v == 0: delete */
    CallFunc tp_call;
    UnaryFunc tp_iter;
    Value (*tp_iternext)(Value it);  /* 0 without an exception set: exhausted */
    Value (*tp_descr_get)(Value descr, Value obj, Value type);  /* obj may be 0 */
    int (*tp_descr_set)(Value descr, Value obj, Value v);       /* v == 0: delete */
    Value (*tp_new)(TypeObject *type, const Value *args, size_t nargs, Value kwnames);
    int (*tp_init)(Value self, const Value *args, size_t nargs, Value kwnames);

    intptr_t (*tp_len)(Value);
    Value (*tp_getitem)(Value obj, Value key);
    int (*tp_setitem)(Value obj, Value key, Value v);  /* v == 0: delete */
    int (*tp_contains)(Value obj, Value item);
    int (*tp_bool)(Value);

    /* Numbers. tp_binop is called for a OP b as type(a)->tp_binop(a, b, op)
     * and then type(b)->tp_binop(a, b, op) (CPython's nb_* convention: the
     * slot checks which operand is its own type); it returns wf_NotImplemented
     * when it cannot handle the pair. tp_inplace (optional) is tried first for
     * augmented assignment, on the left operand only. */
    Value (*tp_binop)(Value a, Value b, int op);
    Value (*tp_inplace)(Value a, Value b, int op);
    Value (*tp_unary)(Value a, int op);  /* wf_NotImplemented if unsupported */
    UnaryFunc tp_int;    /* int(x) / __int__ */
    UnaryFunc tp_index;  /* operator.index(x) / __index__ */
    UnaryFunc tp_float;  /* float(x) / __float__ */
    Value (*tp_format)(Value obj, Value spec);  /* format(obj, spec) for built-in types */

    const MethodDef *tp_methods;  /* NULL-terminated, installed by wf_type_ready */
    const GetSetDef *tp_getset;   /* NULL-terminated */
    Value tp_slotnames;           /* tuple of __slots__ names, or 0 */
    uint8_t tp_watched;           /* bitmask of type watcher ids (core/watch.h; relaxed atomics) */
};

/* t's version for a guard or a cache: acquire, pairs with the release store
 * of a bump in typeobject.c, so whoever reads the new number also sees the
 * dict entry written before it. Read it BEFORE looking anything up along
 * t's MRO, and cache nothing when it is 0 (core/specialize.h rule 5). */
static inline uint32_t wf_type_version(TypeObject *t)
{
    return atomic_load_explicit(&t->tp_version, memory_order_acquire);
}

/* Common object layouts. Owners named; everyone may read the fields. */
typedef struct TupleObject {   /* core/tuple.c */
    Object ob;
    size_t size;
    Hash hash_cache;          /* -1 until computed */
    Value items[];
} TupleObject;

typedef struct ListObject {    /* core/list.c */
    Object ob;
    size_t size;
    size_t allocated;
    Value *items;
} ListObject;

typedef struct FloatObject {   /* core/float.c */
    Object ob;
    double value;
} FloatObject;

typedef struct StrObject {     /* core/str.c: UTF-8, NUL-terminated */
    Object ob;
    size_t len;               /* bytes */
    size_t nchars;            /* code points */
    Hash hash;                /* -1 until computed */
    uint8_t ascii;            /* 1 if len == nchars: O(1) indexing */
    char data[];
} StrObject;

typedef struct BoolObject {    /* core/bool.c */
    Object ob;
    int value;
} BoolObject;

typedef struct ModuleObject {  /* core/moduleobject.c */
    Object ob;
    Value dict;
    Value name;
} ModuleObject;

/* Heap instances of user classes: header, then `dict` (or slot values). */
typedef struct InstanceObject { /* core/typeobject.c */
    Object ob;
    Value dict;               /* 0 until first attribute store, or when __slots__ */
    Value slots[];            /* __slots__ values, 0 = unset */
} InstanceObject;

/* ---- built-in type objects (each defined by the file that owns it) ---- */
extern TypeObject wf_type_type, wf_type_object, wf_type_none, wf_type_notimplemented, wf_type_ellipsis;
extern TypeObject wf_type_int, wf_type_bool, wf_type_float;
extern TypeObject wf_type_str;
extern TypeObject wf_type_tuple, wf_type_list, wf_type_dict, wf_type_set, wf_type_frozenset;
extern TypeObject wf_type_range, wf_type_slice;
extern TypeObject wf_type_module, wf_type_function, wf_type_method, wf_type_builtin_function;
extern TypeObject wf_type_method_descr, wf_type_getset_descr, wf_type_member_descr;
extern TypeObject wf_type_property, wf_type_staticmethod, wf_type_classmethod, wf_type_super;
extern TypeObject wf_type_code, wf_type_cell, wf_type_generator, wf_type_traceback;

/* Singletons (core/object.c). */
extern Object wf_none_obj, wf_notimplemented_obj, wf_ellipsis_obj;
extern BoolObject wf_true_obj, wf_false_obj;
#define wf_None ((Value)&wf_none_obj)
#define wf_NotImplemented ((Value)&wf_notimplemented_obj)
#define wf_Ellipsis ((Value)&wf_ellipsis_obj)
#define wf_True ((Value)&wf_true_obj)
#define wf_False ((Value)&wf_false_obj)
static inline Value wf_bool(int b) { return b ? wf_True : wf_False; }

/* ---- type tests ---- */
static inline TypeObject *wf_type(Value v)
{
    return wf_is_small(v) ? &wf_type_int : wf_obj(v)->ob_type;
}
static inline bool wf_is_type_exact(Value v, TypeObject *t) { return wf_is_obj(v) && wf_obj(v)->ob_type == t; }
bool wf_type_is_subtype(TypeObject *a, TypeObject *b);   /* via MRO */
static inline bool wf_isinstance_type(Value v, TypeObject *t)
{
    TypeObject *vt = wf_type(v);
    return vt == t || wf_type_is_subtype(vt, t);
}
#define wf_is_str(v) (wf_is_obj(v) && (wf_obj(v)->ob_type == &wf_type_str || (wf_obj(v)->ob_type->tp_flags & WF_TPF_STR_SUBCLASS)))
#define wf_is_str_exact(v) wf_is_type_exact(v, &wf_type_str)
#define wf_is_float(v) (wf_is_obj(v) && wf_isinstance_type(v, &wf_type_float))
#define wf_is_float_exact(v) wf_is_type_exact(v, &wf_type_float)
#define wf_is_tuple(v) (wf_is_obj(v) && (wf_obj(v)->ob_type == &wf_type_tuple || (wf_obj(v)->ob_type->tp_flags & WF_TPF_TUPLE_SUBCLASS)))
#define wf_is_tuple_exact(v) wf_is_type_exact(v, &wf_type_tuple)
#define wf_is_list(v) (wf_is_obj(v) && (wf_obj(v)->ob_type == &wf_type_list || (wf_obj(v)->ob_type->tp_flags & WF_TPF_LIST_SUBCLASS)))
#define wf_is_list_exact(v) wf_is_type_exact(v, &wf_type_list)
#define wf_is_dict(v) (wf_is_obj(v) && (wf_obj(v)->ob_type == &wf_type_dict || (wf_obj(v)->ob_type->tp_flags & WF_TPF_DICT_SUBCLASS)))
#define wf_is_dict_exact(v) wf_is_type_exact(v, &wf_type_dict)
#define wf_is_type(v) (wf_is_obj(v) && (wf_obj(v)->ob_type == &wf_type_type || (wf_obj(v)->ob_type->tp_flags & WF_TPF_TYPE_SUBCLASS)))
/* int includes bool and int subclasses: */
#define wf_is_int(v) (wf_is_small(v) || (wf_obj(v)->ob_type == &wf_type_int || (wf_obj(v)->ob_type->tp_flags & WF_TPF_INT_SUBCLASS)))
#define wf_is_bool(v) ((v) == wf_True || (v) == wf_False)

static inline StrObject *wf_as_str(Value v) { WF_ASSERT(wf_is_str(v)); return (StrObject *)wf_obj(v); }
static inline TupleObject *wf_as_tuple(Value v) { WF_ASSERT(wf_is_tuple(v)); return (TupleObject *)wf_obj(v); }
static inline ListObject *wf_as_list(Value v) { WF_ASSERT(wf_is_list(v)); return (ListObject *)wf_obj(v); }
static inline TypeObject *wf_as_type(Value v) { WF_ASSERT(wf_is_type(v)); return (TypeObject *)wf_obj(v); }
static inline const char *wf_str_cstr(Value v) { return wf_as_str(v)->data; }  /* borrowed */

/* ---- reference counting (biased, PEP 703; core/object.c, core/brc.c) ----
 *
 * Every heap object has an owner: the thread that allocated it (ob_tid). The
 * owner counts in ob_ref_local with plain (relaxed atomic) loads and stores;
 * every other thread counts in ob_ref_shared with atomic read-modify-writes.
 * The object's true count is local + (shared >> WF_REF_SHARED_SHIFT), and the
 * low two bits of ob_ref_shared say where the object is in its life:
 *
 *   0              owned; the shared count is >= 0
 *   WF_REF_QUEUED  a non-owner dropped a reference that the owner's local
 *                  count holds (shared would have gone negative): the object
 *                  sits in the owner's merge queue (core/brc.c), and the
 *                  shared count may now go negative
 *   WF_REF_MERGED  the owner gave ownership up (ob_tid == 0, local == 0):
 *                  the whole count lives in the shared word; whoever brings
 *                  it to zero frees the object
 *
 * Rules:
 *  1. Immortal objects (ob_ref_local == WF_IMMORTAL_REFCNT) are never counted.
 *     Their ob_tid is WF_TID_IMMORTAL, never a thread's id: incref/decref
 *     test ownership first (one compare on the common path) and look for
 *     immortality only on the non-owner path.
 *  2. Only the owner writes ob_ref_local (relaxed stores: others read it for
 *     rule 1, so TSan must see atomics; on x86 they are plain movs).
 *  3. When the owner's local count reaches 0 it merges: if the shared word is
 *     0 the object dies at once; otherwise ob_tid = 0 and the MERGED flag is
 *     set, and if the shared count was 0 it dies.
 *  4. A non-owner that would take an owned object's shared count below 0
 *     (shared word exactly 0) sets QUEUED instead and hands the object (with
 *     its reference) to the owner's queue; the owner decrefs it at its next
 *     periodic check. If the owner has exited, the non-owner merges the
 *     counts itself (wf_object_explicit_merge).
 *  5. An object freed by a thread other than its owner is first made owned
 *     by the freeing thread (ob_tid = it, shared = 0), so tp_dealloc code that
 *     resurrects the object (local = 1 around __del__) works unchanged.
 *  6. ob_tid values are unique among live threads (the address of the
 *     ThreadState); a dead thread's id may be reused by a new thread, which
 *     then simply inherits the dead thread's local counts.
 */
#define WF_REF_SHARED_SHIFT 2
#define WF_REF_QUEUED 2
#define WF_REF_MERGED 3
#define WF_REF_FLAGS 3

/* This thread's id for ob_tid (0 before the thread is bound; core/object.c). */
extern _Thread_local uintptr_t wf_tid_current __attribute__((tls_model("initial-exec")));

void wf_object_dealloc(Object *o);  /* calls tp_dealloc; core/object.c */
/* Out-of-line halves of incref/decref (core/object.c). */
void wf_object_decref_shared(Object *o);      /* a non-owner's decref */
void wf_object_merge_zero_local(Object *o);   /* the owner's local count hit 0 */
/* Move o's whole count into the shared word and give ownership up (ob_tid =
 * 0, MERGED); extra is added to the count. Returns the merged count. Called
 * for objects whose owner has exited, and by the owner itself. */
intptr_t wf_object_explicit_merge(Object *o, intptr_t extra);
/* Free o (count 0) from a thread that may not own it (rule 5). */
void wf_object_dealloc_here(Object *o);
/* Rule 4: hand o (and the reference being dropped) to its owner (core/brc.c). */
void wf_brc_queue_object(Object *o);

/* The header of a new object of type in a block from the allocator or a
 * free list (object.c, the float and slice free lists): owned by this
 * thread, one reference. */
static inline void wf_object_reinit_head(Object *o, TypeObject *type)
{
    o->ob_tid = wf_tid_current;
    o->ob_ref_local = 1;
    o->ob_mutex = 0;
    o->ob_flags = 0;
    o->ob_pad = 0;
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
    o->ob_type = type;
}

static inline __attribute__((always_inline)) uint32_t wf_refcnt_local(Object *o)
{
    /* relaxed: rule 2 */
    return __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED);
}
static inline __attribute__((always_inline)) uintptr_t wf_object_tid(Object *o)
{
    /* relaxed: ob_tid changes only to 0 (merge) or, at dealloc, to the freeing
     * thread's id; both are observed by the count protocol itself */
    return __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED);
}
static inline __attribute__((always_inline)) bool wf_is_immortal(Object *o) { return wf_refcnt_local(o) == WF_IMMORTAL_REFCNT; }
static inline __attribute__((always_inline)) bool wf_object_is_owned(Object *o) { return wf_object_tid(o) == wf_tid_current; }

static inline void wf_incref_obj(Object *o)
{
    if (WF_LIKELY(wf_object_is_owned(o)))   /* never an immortal object (rule 1) */
        __atomic_store_n(&o->ob_ref_local, wf_refcnt_local(o) + 1, __ATOMIC_RELAXED);  /* rule 2 */
    else if (wf_refcnt_local(o) != WF_IMMORTAL_REFCNT)
        /* relaxed: a count, ordered by whatever handed us the reference */
        atomic_fetch_add_explicit(&o->ob_ref_shared, (intptr_t)1 << WF_REF_SHARED_SHIFT,
                                  memory_order_relaxed);
}
static inline void wf_decref_obj(Object *o)
{
    if (WF_LIKELY(wf_object_is_owned(o))) {   /* never an immortal object (rule 1) */
        uint32_t local = wf_refcnt_local(o);
        WF_ASSERT(local > 0 && local != WF_IMMORTAL_REFCNT);
        __atomic_store_n(&o->ob_ref_local, local - 1, __ATOMIC_RELAXED);  /* rule 2 */
        if (local == 1)
            wf_object_merge_zero_local(o);
    } else if (wf_refcnt_local(o) != WF_IMMORTAL_REFCNT) {
        wf_object_decref_shared(o);
    }
}
/* The true count (local + shared); exact only when no other thread is
 * changing it (sys.getrefcount, tests). */
static inline intptr_t wf_refcnt(Object *o)
{
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    return (intptr_t)wf_refcnt_local(o) + (shared >> WF_REF_SHARED_SHIFT);
}
/* Only the caller holds a reference to o, and no other thread can get one
 * without it: owned by this thread, local count 1, nothing shared or queued.
 * Lets an operation reuse o in place (a result tuple, a float). */
static inline bool wf_object_is_unique(Object *o)
{
    return wf_refcnt_local(o) == 1 && wf_object_is_owned(o) &&
           atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed) == 0;
}
static inline Value wf_incref(Value v)
{
    if (wf_is_obj(v))
        wf_incref_obj(wf_obj(v));
    return v;
}
static inline void wf_decref(Value v)
{
    if (wf_is_obj(v))
        wf_decref_obj(wf_obj(v));
}
#define wf_xdecref wf_decref   /* 0 is already ignored */
/* Make v immortal: its count is never touched again, it is never freed.
 * Do it before other threads can see v (later is safe, but their earlier
 * shared references are then never given back). */
static inline void wf_make_immortal(Value v)
{
    if (wf_is_obj(v)) {
        /* the count first: a non-owner that sees WF_TID_IMMORTAL must find it
         * immortal (rule 1); the owner (us, rule 2) does no count meanwhile */
        __atomic_store_n(&wf_obj(v)->ob_ref_local, WF_IMMORTAL_REFCNT, __ATOMIC_RELAXED);
        __atomic_store_n(&wf_obj(v)->ob_tid, WF_TID_IMMORTAL, __ATOMIC_RELAXED);
    }
}
/* For tp_dealloc functions that run Python code on the dying object (__del__,
 * a generator's close()): resurrect gives it one reference owned by this
 * thread; unresurrect drops it and returns true if the object is dead again
 * (free it), false if the code stored a new reference somewhere. */
static inline void wf_object_resurrect(Object *o)
{
    __atomic_store_n(&o->ob_tid, wf_tid_current, __ATOMIC_RELAXED);
    __atomic_store_n(&o->ob_ref_local, 1, __ATOMIC_RELAXED);
}
bool wf_object_unresurrect(Object *o);
/* Replace *slot by v (steals v), dropping the old value. */
static inline void wf_setref(Value *slot, Value v)
{
    Value old = *slot;
    *slot = v;
    wf_decref(old);
}

/* ---- memory (core/object.c) ---- */
void *wf_mem_alloc(size_t n);            /* aborts on OOM */
void *wf_mem_calloc(size_t n, size_t sz);
void *wf_mem_realloc(void *p, size_t n);
void wf_mem_free(void *p);
/* A new object of `type` with `size` bytes (>= sizeof(Object)), zeroed, refcount 1. */
Object *wf_object_alloc(TypeObject *type, size_t size);
/* Frees the memory of an object; for use at the end of tp_dealloc. The
 * block joins the calling thread's free lists (whichever thread that is). */
void wf_object_free(Object *o);
/* At thread exit: give the thread's free lists back to malloc (core/pystate.c). */
void wf_object_thread_fini(void);
void wf_float_thread_fini(void);   /* core/float.c: its own free list */
void wf_exc_thread_fini(void);     /* core/exceptions.c: the dealloc deferral array */
void wf_slice_thread_fini(void);   /* core/slice.c: its one cached slice */
/* Aborts the process: "weft: fatal: file:line: func: message: strerror" */
_Noreturn void wf_fatal(const char *file, int line, const char *func, const char *msg, int err);
#define WF_DIE(msg, err) wf_fatal(__FILE__, __LINE__, __func__, (msg), (err))

/* ---- the abstract object protocol (core/object.c) ---- */
Value wf_repr(Value v);
Value wf_str(Value v);                         /* str(v) */
Value wf_ascii(Value v);
Hash wf_hash(Value v);
int wf_truthy(Value v);                        /* bool(v): 0, 1, -1 */
Value wf_richcompare(Value a, Value b, int op);
int wf_richcompare_bool(Value a, Value b, int op);  /* identity implies EQ */
int wf_equal(Value a, Value b);                /* a == b, -1 on error */
Value wf_binop(Value a, Value b, int op);      /* a OP b */
Value wf_inplace(Value a, Value b, int op);    /* a OP= b */
Value wf_unary(Value a, int op);
Value wf_not(Value a);                         /* new ref to True/False */

Value wf_getattr(Value obj, Value name);       /* name: str */
Value wf_getattr_c(Value obj, const char *name);
/* Like wf_getattr but returns 0 WITHOUT an exception for AttributeError. */
Value wf_getattr_opt(Value obj, Value name);
int wf_setattr(Value obj, Value name, Value v);  /* v == 0: delete */
int wf_setattr_c(Value obj, const char *name, Value v);
int wf_hasattr(Value obj, Value name);
/* The default tp_getattr / tp_setattr (descriptors, instance dict, MRO). */
Value wf_object_generic_getattr(Value obj, Value name);
int wf_object_generic_setattr(Value obj, Value name, Value v);
/* Look name up along type's MRO; borrowed, 0 without exception if absent. */
Value wf_type_lookup(TypeObject *type, Value name);
/* Look up a special method on type(obj) and bind it; 0 without exception if absent. */
Value wf_lookup_special(Value obj, Value name);
/* For LOAD_METHOD: on success returns 1 and sets *meth (new ref) to an
 * unbound function to call with obj as first arg, or returns 0 and sets *meth
 * to the bound attribute (new ref). -1 on error. */
int wf_get_method(Value obj, Value name, Value *meth);

Value wf_call(Value callable, const Value *args, size_t nargs, Value kwnames);
Value wf_call0(Value callable);
Value wf_call1(Value callable, Value a);
Value wf_call2(Value callable, Value a, Value b);
Value wf_call_tuple_dict(Value callable, Value args_tuple, Value kwargs_dict); /* kwargs may be 0 */
Value wf_call_method(Value obj, const char *name, const Value *args, size_t nargs);
int wf_callable(Value v);

Value wf_getitem(Value obj, Value key);
int wf_setitem(Value obj, Value key, Value v);
int wf_delitem(Value obj, Value key);
intptr_t wf_len(Value obj);                    /* -1 on error */
int wf_contains(Value container, Value item);  /* `item in container` */
Value wf_iter(Value obj);                      /* iter(obj) */
Value wf_next(Value it);                       /* 0 + no exception: exhausted */
Value wf_iter_next(Value it);                  /* same as wf_next */
Value wf_format(Value obj, Value spec);        /* format(obj, spec); spec str or 0 */
int wf_isinstance(Value obj, Value cls);       /* isinstance(): cls may be a tuple */
int wf_issubclass(Value cls, Value base);
Value wf_index(Value v);                       /* operator.index(v) -> int */
/* Convert to a C integer; raises OverflowError/TypeError, returns -1 (check wf_err_occurred). */
intptr_t wf_as_ssize(Value v);
const char *wf_type_name(Value v);             /* borrowed C string */

/* ---- type objects (core/typeobject.c) ---- */
/* Fill tp_dict from tp_methods/tp_getset, compute MRO, inherit slots. */
int wf_type_ready(TypeObject *type);
/* type(name, bases, dict): creates a class (C3 MRO, __slots__, dunder slots). */
Value wf_type_new_class(Value name, Value bases, Value dict, Value metaclass);
void wf_type_modified(TypeObject *type);        /* bump version (and subclasses') */
Value wf_type_call(Value type, const Value *args, size_t nargs, Value kwnames);
Value wf_object_new_instance(TypeObject *type);  /* blank instance of a user class */
/* Built-in function objects (a MethodDef bound to self, or module function). */
Value wf_cfunction_new(const MethodDef *def, Value self);
/* Descriptor for a method of a built-in type; wf_type_ready uses it. */
Value wf_method_descr_new(TypeObject *type, const MethodDef *def);

/* ---- modules (core/moduleobject.c) ---- */
Value wf_module_new(const char *name);          /* empty module with __name__ set */
Value wf_module_dict(Value module);             /* borrowed */
/* Add functions to a module (module functions get self = 0). */
int wf_module_add_functions(Value module, const MethodDef *defs);
int wf_module_add_object(Value module, const char *name, Value v);  /* steals v */

/* ---- argument parsing for C functions (core/args.c) ----
 * wf_parse_args(fname, args, nargs, kwnames, "spec", names, &out...)
 * spec: one char per parameter: 'O' any Value (borrowed), '|' optional from
 * here, '$' keyword-only from here. names: NULL-terminated array of parameter
 * names (NULL entries mean positional-only). Unset optional outputs keep
 * their initial value. Errors as CPython: "f() takes at most 2 arguments (3
 * given)", "f() got an unexpected keyword argument 'x'". */
int wf_parse_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                  const char *spec, const char *const *names, ...);
/* Raise TypeError if any keyword argument was given; returns -1 then. */
int wf_no_kwargs(const char *fname, Value kwnames);
/* Check nargs in [min, max]; TypeError as CPython otherwise. */
int wf_check_nargs(const char *fname, size_t nargs, size_t min, size_t max);
/* The 'i' converter of PyArg_ParseTuple: an int (or __index__) that fits a
 * C int, with CPython's TypeError for a float and OverflowError messages.
 * 0 and *out on success, -1 on error. */
int wf_arg_c_int(Value v, int *out);

#endif
