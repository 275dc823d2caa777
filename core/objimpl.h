/* weft: private layouts of the object model core (types, descriptors, modules). */
/* object.c, typeobject.c, descrobject.c, moduleobject.c -> shared internals. */
#ifndef WF_OBJIMPL_H
#define WF_OBJIMPL_H

#include "weft.h"
#include "dict.h"

/*
 * Other areas may read these layouts (e.g. to recognise a built-in method),
 * but only the object model core creates or changes them.
 */

/* Allocation variants for constructors (object.c). wf_object_alloc_uninit
 * initialises the header only: the caller must set every other field.
 * wf_object_free_sized frees a block that wf_object_alloc* returned for
 * `size` bytes (or more) without asking malloc for its size. */
Object *wf_object_alloc_uninit(TypeObject *type, size_t size);
void wf_object_free_sized(Object *o, size_t size);
/* Raw blocks of a few hundred bytes (a dict's table) from the same
 * per-thread free lists; any malloc'ed block may be given to either. */
void *wf_mem_alloc_small(size_t n);
void wf_mem_free_small(void *p);

/* A class created by a class statement or type(name, bases, dict). The first
 * member is the TypeObject so that a HeapTypeObject * is a TypeObject *.
 * Instances of metaclasses (subclasses of `type`) have this layout too. */
typedef struct HeapTypeObject {
    TypeObject type;
    Value ht_name;          /* str __name__; tp_name points into it */
    Value ht_qualname;      /* str __qualname__ */
    TypeObject *ht_solid;   /* the base whose instance layout this one extends */
    size_t ht_nslots;       /* __slots__ added by this class (not inherited) */
    size_t ht_slotoffset;   /* offset of the first of them in an instance */
    bool ht_owns_dict;      /* this class added the instance dict (not a base) */
} HeapTypeObject;

/* A built-in function or a built-in method bound to `self`. */
typedef struct CFunctionObject {
    Object ob;
    const MethodDef *def;
    Value self;             /* the bound object, or 0 for a module function */
    Value module;           /* the module a module function belongs to, or 0 */
} CFunctionObject;

/* Descriptors for the methods and attributes of a type. */
typedef struct DescrObject {
    Object ob;
    TypeObject *d_type;     /* the type that defines it (__objclass__) */
    Value d_name;           /* str */
} DescrObject;

typedef struct MethodDescrObject {   /* method_descriptor, classmethod_descriptor */
    DescrObject d;
    const MethodDef *def;
} MethodDescrObject;

typedef struct GetSetDescrObject {   /* getset_descriptor */
    DescrObject d;
    const GetSetDef *def;
} GetSetDescrObject;

typedef struct MemberDescrObject {   /* member_descriptor: a __slots__ entry */
    DescrObject d;
    size_t offset;          /* of a Value field in the instance */
} MemberDescrObject;

/* One row of the table of dunder methods backed by C slots (typeobject.c). */
struct SlotDef;
typedef Value (*WrapperFunc)(const struct SlotDef *sd, void *fn, Value self,
                             const Value *args, size_t nargs, Value kwnames);
typedef struct SlotDef {
    const char *name;       /* "__add__" */
    size_t offset;          /* offsetof(TypeObject, tp_...) */
    WrapperFunc wrapper;    /* calls the C slot with Python arguments; NULL: no wrapper */
    void *slotfn;           /* generic slot function for classes defining the dunder */
    int op;                 /* operator code for shared slots (binop, compare, unary) */
    int wf_id;              /* index in wf_ids */
} SlotDef;

typedef struct WrapperDescrObject {  /* wrapper_descriptor ("slot wrapper") */
    DescrObject d;
    const SlotDef *sd;
    void *fn;               /* the C slot function of d_type */
} WrapperDescrObject;

typedef struct MethodWrapperObject { /* method-wrapper: a slot wrapper bound to self */
    Object ob;
    WrapperDescrObject *descr;
    Value self;
} MethodWrapperObject;

typedef struct PropertyObject {
    Object ob;
    Value dict;             /* subclasses may store attributes (dictoffset) */
    Value fget, fset, fdel, doc;
    Value name;             /* from __set_name__, or 0 */
} PropertyObject;

typedef struct FuncWrapObject {      /* staticmethod, classmethod */
    Object ob;
    Value dict;
    Value func;
} FuncWrapObject;

typedef struct SuperObject {
    Object ob;
    TypeObject *type;       /* the class after which the search starts */
    Value obj;              /* the instance or class, or 0 (unbound super) */
    TypeObject *obj_type;   /* type(obj), or obj itself for super(T, subclass) */
} SuperObject;

extern TypeObject wf_type_wrapper_descr, wf_type_method_wrapper, wf_type_classmethod_descr;
/* The descriptor types that obj.name(...) calls unbound with obj as the
 * first argument (wf_get_method's "method" answer, which LOAD_METHOD, its
 * specialized forms and the method-call helpers share). */
static inline bool om_is_method_type(const TypeObject *dt)
{
    return dt == &wf_type_function || dt == &wf_type_method_descr || dt == &wf_type_wrapper_descr;
}
extern TypeObject wf_type_union;   /* types.UnionType: int | None */
extern TypeObject wf_type_mappingproxy;
Value wf_mappingproxy_new(Value mapping);   /* read-only view of a mapping */

/* Private type flag: instances keep their __dict__ after their tuple items
 * (heap tuple subclasses, see wf_tuple_dict_slot) instead of at tp_dictoffset. */
#define OM_TPF_TUPLE_DICT 0x10000000u
/* Private type flag: heap str subclasses keep their __dict__ in the 16 spare
 * bytes str.c allocates after the characters (tp_basicsize is 16 larger),
 * at the first 8-aligned offset after the NUL. */
#define OM_TPF_STR_DICT 0x08000000u

static inline Value *om_str_dict_ptr(Value obj)
{
    StrObject *s = (StrObject *)wf_obj(obj);
    size_t off = (offsetof(StrObject, data) + s->len + 1 + 7) & ~(size_t)7;
    return (Value *)((char *)s + off);
}

/* Address of obj's instance dict field, or NULL if its type has none. */
static inline Value *om_dict_ptr(Value obj, TypeObject *t)
{
    if (!wf_is_obj(obj))
        return NULL;
    if (t->tp_dictoffset)
        return (Value *)((char *)wf_obj(obj) + t->tp_dictoffset);
    if (WF_UNLIKELY(t->tp_flags & OM_TPF_TUPLE_DICT))
        return wf_tuple_dict_slot(obj);
    if (WF_UNLIKELY(t->tp_flags & OM_TPF_STR_DICT))
        return om_str_dict_ptr(obj);
    return NULL;
}

/* typeobject.c */
/* The per-thread method cache of wf_type_lookup: (type, tp_version,
 * interned name) -> borrowed result of the MRO walk, 0 included. Every
 * change to a type dict bumps tp_version of the type and its subclasses
 * (wf_type_modified), which invalidates the entries; types are immortal, so
 * a type pointer is never reused. One cache per thread, so no entry is ever
 * read while another thread writes it. om_type_lookup is wf_type_lookup
 * with the cache hit inlined. */
#define OM_MCACHE_BITS 12
typedef struct OmMCacheEntry {
    TypeObject *type;
    uint32_t version;
    /* Where the name was last found in an instance dict of the type (-1:
     * not yet). Instances of a class usually add their attributes in the
     * same order, so the generic attribute paths try this entry index first
     * and re-check the key there (om_instance_get). */
    int32_t ix;
    Value name;
    Value value;
} OmMCacheEntry;
extern _Thread_local OmMCacheEntry om_mcache[1 << OM_MCACHE_BITS];

/* The set of (t, name), name interned (so its hash is cached): a pair of
 * entries, so that two hot pairs that share a set do not evict each other.
 * A new answer goes to the first way, the first way's to the second. */
static inline OmMCacheEntry *om_mcache_entry(TypeObject *t, Value name)
{
    uintptr_t h = ((uintptr_t)t >> 4) ^ (uintptr_t)wf_dict_str_hash(name);
    return &om_mcache[h & ((1u << OM_MCACHE_BITS) - 2)];
}

/* The entry holding the answer for (type, name) at type's current version,
 * or NULL (not cached, or a type or name the cache does not serve). */
static inline OmMCacheEntry *om_mcache_find(TypeObject *type, Value name)
{
    if (WF_LIKELY((type->tp_flags & WF_TPF_READY) && (wf_obj(name)->ob_flags & WF_OBF_INTERNED))) {
        /* acquire: pairs with the release in wf_type_modified */
        uint32_t version = atomic_load_explicit(&type->tp_version, memory_order_acquire);
        OmMCacheEntry *e = om_mcache_entry(type, name);
        if (WF_LIKELY(e->type == type && e->name == name && e->version == version))
            return e;
        e++;
        if (e->type == type && e->name == name && e->version == version)
            return e;
    }
    return NULL;
}

static inline Value om_type_lookup(TypeObject *type, Value name)
{
    OmMCacheEntry *e = om_mcache_find(type, name);
    return WF_LIKELY(e != NULL) ? e->value : wf_type_lookup(type, name);
}

/* om_type_lookup that also gives the cache entry now holding the answer,
 * or NULL when the lookup did not go through the cache. */
static inline Value om_type_lookup_entry(TypeObject *type, Value name, OmMCacheEntry **entry)
{
    OmMCacheEntry *e = om_mcache_find(type, name);
    if (WF_LIKELY(e != NULL)) {
        *entry = e;
        return e->value;
    }
    Value v = wf_type_lookup(type, name);
    *entry = om_mcache_find(type, name);
    return v;
}

/* name (an exact str) in d, an instance dict of the type whose cache entry
 * for name is e (or NULL): 1 with the borrowed value in *out, 0 if absent,
 * -1 when only wf_dict_get can tell. Lock-free; the entry's index is tried
 * first and remembered after a probe (a per-thread hint, re-checked at
 * every use, so another layout only costs the probe). */
static inline int om_instance_get(Value d, Value name, OmMCacheEntry *e, Value *out)
{
    if (e && e->ix >= 0) {
        Value v = wf_dict_value_at_hint(wf_as_dict(d), (size_t)e->ix, name);
        if (WF_LIKELY(v != 0)) {
            *out = v;
            return 1;
        }
    }
    Hash hash = wf_dict_str_hash(name);
    intptr_t ix;
    int r = WF_LIKELY(hash != -1) ? wf_dict_probe_ident1_ix(wf_as_dict(d), name, hash, out, &ix) : -1;
    if (r > 0 && e)
        e->ix = (int32_t)ix;
    return r;
}

/* d[name] = v (v not stolen; name an exact str) in the instance dict at
 * *dp, created if missing, by name: a new attribute, or one whose index
 * the type's cache entry e (or NULL) does not know, which it then
 * remembers. 0, or -1 with an error set. The generic STORE_ATTR and
 * wf_object_generic_setattr call it after their own try at e's index. */
int om_instance_set(Value *dp, Value name, Value v, OmMCacheEntry *e);
Value om_getattr_opt(Value obj, Value name);   /* wf_getattr_opt's work */
extern const SlotDef om_slotdefs[];
Value wf_type_qualname(TypeObject *t);         /* borrowed str: __qualname__ */
/* __module__ as a new str ("builtins" for plain built-in types), or 0 when a
 * class has none. */
Value wf_type_module_name(TypeObject *t);
Value wf_object_default_repr(Value v);         /* "<mod.Cls object at 0x...>" */

/* object.c */
Hash wf_hash_pointer(const void *p);           /* identity hash, as CPython */
/* Give the AttributeError just raised its .name and .obj (as CPython
 * 3.10+), so that the traceback printer can suggest a close name.
 * Returns 0 so that `return om_attr_error_context(obj, name)` works. */
Value om_attr_error_context(Value obj, Value name);

/* descrobject.c */
Value wf_getset_descr_new(TypeObject *type, const GetSetDef *def);
Value wf_member_descr_new(TypeObject *type, Value name, size_t offset);
Value wf_wrapper_descr_new(TypeObject *type, const SlotDef *sd, void *fn);
Value wf_classmethod_descr_new(TypeObject *type, const MethodDef *def);
Value wf_staticmethod_new(Value func);
Value wf_classmethod_new(Value func);
void wf_descr_init(void);

/* moduleobject.c */
void wf_module_init_types(void);

#endif
