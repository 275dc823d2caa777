/* weft: the specializers of attribute loads and stores. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"
#include "spec_attr.h"

/*
 * What the attribute forms (core/spec/attr.def) assume, and what re-checks it:
 *
 *  1. Every form on an instance starts with _GUARD_TYPE_VERSION. Versions
 *     are unique across types and states (core/object.h), so a match proves
 *     type(owner) is the type the specializer looked at, with the same dicts
 *     along its MRO. The specializer reads the version FIRST and looks up
 *     after: a change after the read bumps the version and the guard fails;
 *     a change before it is visible to the lookups (the writer stores the
 *     dict entry before its release bump, which our acquire pairs with).
 *  2. The version covers the dicts of the MRO: which descriptor the name
 *     finds and whether __getattribute__, __getattr__ or __setattr__ are
 *     overridden; and the type's layout (tp_dictoffset, slot offsets), which
 *     never changes. It does not cover the type OF a descriptor or class
 *     value found there: a Python class can gain a __get__ or __set__ later
 *     without touching the owner's class. So such objects are trusted only
 *     when their type is static (built-in types refuse attribute writes).
 *  3. The C slots tp_getattr / tp_setattr are re-derived after the bump,
 *     with the world stopped, so a specializer running in between could see
 *     the new version with the old slot. Heap classes are therefore checked
 *     twice, by the slot and by the dict lookups, and specialized only when
 *     both say "generic".
 *  4. Per-instance facts are re-checked on the instance at every run: its
 *     dict pointer (acquire load, attrslot.h), the entry at the cached index
 *     (key compared: wf_dict_value_at_hint), the name's absence from the
 *     dict (lock-free probe), a slot's value (0: unset, miss).
 *  5. Cached borrowed objects (a class attribute, a method, a property)
 *     stay in the type's dict as long as its version matches; a writer
 *     replacing one drops it with wf_defer_decref after its bump, so a thread
 *     that passed the guard just before can still incref it.
 *  6. Modules need no version: the owner is checked to be an exact module
 *     (a static type, so no data descriptor can appear for the name) and its
 *     dict is read at the cached index, the key re-checked there.
 *  7. A site that sees several classes (subclasses of one base that set
 *     their attributes in the same order, or inherit the method) misses
 *     its monomorphic form on every other owner. When the specializer, run
 *     again after those misses, would install the same form with the same
 *     operand (dict index, method) for another type, it installs the _POLY
 *     form instead: a table of up to four type versions sharing that
 *     operand. Each version entered the table the way rule 1 says, with the
 *     operand the lookups found for it then; the table only ever holds
 *     versions whose lookups gave this operand, so any match proves what
 *     the monomorphic guard would. A fifth type evicts the oldest entry.
 *     A method site whose classes override the method (different methods
 *     for different versions) gets LOAD_METHOD_WITH_VALUES_PAIRS: up to four
 *     (version, method) pairs, each entered as rule 1 says.
 *
 * Cache layout after the counter (unit 0): the type version in units 1-2,
 * then the operand: an index or byte offset (unit 3) or a borrowed object
 * (units 3-6). Module forms keep their index in unit 1. _POLY forms: the
 * table of versions in units 1-8, the operand in unit 9 (units 9-12).
 * LOAD_METHOD_WITH_VALUES_PAIRS: (version, method) pairs in units 1-24.
 */

/* Why a site stays generic (PYTHON_SPECIALIZATION_STATS, at most 16). */
enum {
    FAIL_OTHER,          /* a name that is not an interned str */
    FAIL_NO_VERSION,     /* the type has version 0 */
    FAIL_OVERRIDDEN,     /* __getattribute__, __getattr__, __setattr__ or a C getattr/setattr */
    FAIL_HEAP_DESCR,     /* the class attribute's type is a Python class (rule 2) */
    FAIL_DESCR,          /* a descriptor no form handles (getset, classmethod, ...) */
    FAIL_NOT_FOUND,      /* missing: the generic path raises or falls back */
    FAIL_DICT_LAYOUT,    /* the instance dict is not at tp_dictoffset, or there is none */
    FAIL_RANGE,          /* an index or offset that does not fit 16 bits */
    FAIL_METACLASS,      /* a class whose metaclass is not `type` */
    FAIL_BOUND_METHOD,   /* obj.method not called: a bound method is made */
    FAIL_SHADOWED,       /* LOAD_METHOD: the instance dict holds the name */
    FAIL_MODULE,         /* not in the module's dict (__getattr__ fallback) */
    FAIL_PROPERTY,       /* a property whose getter is not a plain Python function */
    FAIL_NOT_METHOD,     /* LOAD_METHOD of a plain attribute */
};

#define DONE (-1)   /* specialized: caches written, opcode installed */

/* Cache writes (instr is the instruction's own unit; instr[1] is the counter). */
static void put_version(CodeUnit *instr, uint32_t v) { wf_cache_write32(instr + 2, v); }
static void put_u16(CodeUnit *instr, size_t x) { wf_cache_write16(instr + 4, (uint16_t)x); }
static void put_object(CodeUnit *instr, Value v) { wf_cache_write_ptr(instr + 4, (const void *)v); }

/* Rule 7: when the site now runs mono_op (or poly_op) with the same
 * operand (units at the form's operand offset) for other type versions,
 * install poly_op with version added to the table and return true. The
 * operand is `units` code units long (1: an index, 4: an object). */
#define POLY_WAYS 4
static bool spec_poly(CodeUnit *instr, int mono_op, int poly_op, uint32_t version, uint64_t operand, int units)
{
    uint32_t table[POLY_WAYS + 1];
    int n = 0;
    int prev = WF_OP(*instr);
    const CodeUnit *old_operand;
    if (prev == mono_op) {
        table[n++] = wf_cache_read32(instr + 2);
        old_operand = instr + 4;
    } else if (prev == poly_op) {
        for (int i = 0; i < POLY_WAYS; i++) {
            uint32_t v = wf_cache_read32(instr + 2 + 2 * i);
            if (v)
                table[n++] = v;
        }
        old_operand = instr + 2 + 2 * POLY_WAYS;
    } else {
        return false;
    }
    uint64_t old = units == 1 ? wf_cache_read16(old_operand) : wf_cache_read64(old_operand);
    if (old != operand)
        return false;
    for (int i = 0; i < n; i++)
        if (table[i] == version)
            return false;   /* this type missed for another reason: start over */
    table[n++] = version;
    int first = n > POLY_WAYS ? n - POLY_WAYS : 0;   /* evict the oldest */
    for (int i = 0; i < POLY_WAYS; i++)
        wf_cache_write32(instr + 2 + 2 * i, first + i < n ? table[first + i] : 0);
    CodeUnit *at = instr + 2 + 2 * POLY_WAYS;
    if (units == 1)
        wf_cache_write16(at, (uint16_t)operand);
    else
        wf_cache_write64(at, operand);
    wf_spec_success(instr, poly_op);
    return true;
}

/* Rule 7 for methods that differ by class: the site's current
 * LOAD_METHOD_WITH_VALUES, _POLY or _PAIRS entries and (version, method)
 * become a _PAIRS table (the oldest evicted past four). */
static bool spec_method_pairs(CodeUnit *instr, uint32_t version, Value method)
{
    uint32_t vs[POLY_WAYS + 1];
    uint64_t ms[POLY_WAYS + 1];
    int n = 0;
    int prev = WF_OP(*instr);
    if (prev == OP_LOAD_METHOD_WITH_VALUES) {
        vs[n] = wf_cache_read32(instr + 2);
        ms[n++] = wf_cache_read64(instr + 4);
    } else if (prev == OP_LOAD_METHOD_WITH_VALUES_POLY) {
        for (int i = 0; i < POLY_WAYS; i++) {
            uint32_t v = wf_cache_read32(instr + 2 + 2 * i);
            if (v) {
                vs[n] = v;
                ms[n++] = wf_cache_read64(instr + 2 + 2 * POLY_WAYS);
            }
        }
    } else if (prev == OP_LOAD_METHOD_WITH_VALUES_PAIRS) {
        for (int i = 0; i < POLY_WAYS; i++) {
            uint32_t v = wf_cache_read32(instr + 2 + 6 * i);
            if (v) {
                vs[n] = v;
                ms[n++] = wf_cache_read64(instr + 4 + 6 * i);
            }
        }
    } else {
        return false;
    }
    for (int i = 0; i < n; i++)
        if (vs[i] == version)
            return false;   /* this type missed for another reason: start over */
    vs[n] = version;
    ms[n++] = (uint64_t)method;
    int first = n > POLY_WAYS ? n - POLY_WAYS : 0;
    for (int i = 0; i < POLY_WAYS; i++) {
        bool used = first + i < n;
        wf_cache_write32(instr + 2 + 6 * i, used ? vs[first + i] : 0);
        wf_cache_write64(instr + 4 + 6 * i, used ? ms[first + i] : 0);
    }
    wf_spec_success(instr, OP_LOAD_METHOD_WITH_VALUES_PAIRS);
    return true;
}

/* A lookup along t's MRO (borrowed); the specializer leaves no error set. */
static Value lookup(TypeObject *t, Value name)
{
    Value v = wf_type_lookup(t, name);
    if (!v && wf_err_occurred())
        wf_err_clear();
    return v;
}

/* Rule 3: attribute reads of t's instances are object.__getattribute__'s. */
static bool getattr_is_generic(TypeObject *t)
{
    if (t->tp_getattr && t->tp_getattr != wf_object_generic_getattr)
        return false;
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return true;
    return lookup(t, WF_ID(__getattribute__)) == lookup(&wf_type_object, WF_ID(__getattribute__)) &&
           !lookup(t, WF_ID(__getattr__));
}

/* Rule 3 for stores: object.__setattr__. */
static bool setattr_is_generic(TypeObject *t)
{
    if (t->tp_setattr && t->tp_setattr != wf_object_generic_setattr)
        return false;
    if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        return true;
    return lookup(t, WF_ID(__setattr__)) == lookup(&wf_type_object, WF_ID(__setattr__));
}

/* What a name found on a class is, for the forms. */
typedef enum DescrKind {
    D_ABSENT,    /* not found */
    D_PLAIN,     /* a value of a static type without __get__ */
    D_METHOD,    /* a function or built-in method descriptor (LOAD_METHOD's kind) */
    D_MEMBER,    /* a __slots__ member */
    D_PROPERTY,  /* an exact property */
    D_DATA,      /* another data descriptor of a static type */
    D_NONDATA,   /* another non-data descriptor of a static type */
    D_HEAP,      /* its type is a Python class: nothing can be assumed (rule 2) */
} DescrKind;

static DescrKind descr_kind(Value descr)
{
    if (!descr)
        return D_ABSENT;
    TypeObject *dt = wf_type(descr);
    if (dt->tp_flags & WF_TPF_HEAPTYPE)
        return D_HEAP;
    if (dt == &wf_type_member_descr)
        return D_MEMBER;
    if (dt == &wf_type_property)
        return D_PROPERTY;
    if (om_is_method_type(dt))
        return D_METHOD;
    if (dt->tp_descr_set)
        return D_DATA;
    return dt->tp_descr_get ? D_NONDATA : D_PLAIN;
}

static int fail_of(DescrKind k)
{
    return k == D_HEAP ? FAIL_HEAP_DESCR : k == D_ABSENT ? FAIL_NOT_FOUND : FAIL_DESCR;
}

/* The instance dict of owner (of type t) at tp_dictoffset, or NULL when
 * owner keeps no dict there; *elsewhere is set when it keeps one that the
 * forms cannot reach (after a tuple's items, a str's characters). */
static Value *dict_ptr(Value owner, TypeObject *t, bool *elsewhere)
{
    *elsewhere = (t->tp_flags & (OM_TPF_TUPLE_DICT | OM_TPF_STR_DICT)) != 0;
    if (!wf_is_obj(owner) || !t->tp_dictoffset)
        return NULL;
    return (Value *)((char *)wf_obj(owner) + t->tp_dictoffset);
}

/* mod.name at an index of the module's dict (LOAD_ATTR_MODULE and
 * LOAD_METHOD_MODULE: op). The module type is static: a data descriptor
 * for name on it is there forever or never (rule 6). */
static int spec_module(Value owner, CodeUnit *instr, Value name, int op)
{
    Value on_type = lookup(&wf_type_module, name);
    if (on_type && wf_type(on_type)->tp_descr_set)
        return FAIL_DESCR;
    Value d = wf_spec_module_dict(owner);
    intptr_t ix = d ? wf_dict_hint_of(d, name) : -1;
    if (ix < 0)
        return FAIL_MODULE;
    if (ix > UINT16_MAX)
        return FAIL_RANGE;
    wf_cache_write16(instr + 2, (uint16_t)ix);
    wf_spec_success(instr, op);
    return DONE;
}

/* Cls.name for a class whose metaclass is `type`: the value found along
 * its MRO, cached, unless `type` has a data descriptor of that name
 * (__name__, __doc__: static, rule 2) or the value binds (only functions,
 * which return themselves for a class, are allowed). LOAD_ATTR_CLASS, and
 * LOAD_METHOD_CLASS for Cls.name(...), which wf_get_method answers with
 * (value, NULL). */
static int spec_class_load(Value owner, CodeUnit *instr, Value name, int op)
{
    if (!wf_is_type_exact(owner, &wf_type_type))
        return FAIL_METACLASS;
    TypeObject *cls = (TypeObject *)wf_obj(owner);
    uint32_t version = wf_type_version(cls);   /* rule 1: before the lookups */
    if (!version)
        return FAIL_NO_VERSION;
    Value meta = lookup(&wf_type_type, name);
    if (meta && wf_type(meta)->tp_descr_set)
        return FAIL_DESCR;
    Value v = lookup(cls, name);
    DescrKind k = descr_kind(v);
    if (k != D_PLAIN && !(k == D_METHOD && wf_is_function(v)))
        return fail_of(k);
    put_version(instr, version);
    put_object(instr, v);
    wf_spec_success(instr, op);
    return DONE;
}

/* A __slots__ member (LOAD_ATTR_SLOT, STORE_ATTR_SLOT: op) of type t. */
static int spec_slot(CodeUnit *instr, TypeObject *t, Value descr, uint32_t version, int op)
{
    MemberDescrObject *m = (MemberDescrObject *)wf_obj(descr);
    if (!wf_type_is_subtype(t, m->d.d_type))
        return FAIL_DESCR;   /* another class's member: the generic TypeError */
    if (m->offset > UINT16_MAX)
        return FAIL_RANGE;
    put_version(instr, version);
    put_u16(instr, m->offset);
    wf_spec_success(instr, op);
    return DONE;
}

/* Whether to cache index ix (< 0: none) of the name in the instance dict,
 * or to look it up by name (name_op). A site re-specialized from the index
 * or by-name form for the same type version has instances that disagree on
 * the index (that is why it missed): it keeps the by-name form. Reads the
 * old cache, so call it before writing the new one. */
static bool use_index(CodeUnit *instr, intptr_t ix, int index_op, int name_op, uint32_t version)
{
    if (ix < 0 || ix > UINT16_MAX)
        return false;
    int prev = WF_OP(*instr);
    return !((prev == index_op || prev == name_op) && wf_cache_read32(instr + 2) == version);
}

static int spec_instance_load(Value owner, CodeUnit *instr, Value name)
{
    TypeObject *t = wf_type(owner);
    uint32_t version = wf_type_version(t);   /* rule 1: before the lookups */
    if (!version)
        return FAIL_NO_VERSION;
    if (!getattr_is_generic(t))
        return FAIL_OVERRIDDEN;
    Value descr = lookup(t, name);
    DescrKind k = descr_kind(descr);
    if (k == D_MEMBER)
        return spec_slot(instr, t, descr, version, OP_LOAD_ATTR_SLOT);
    if (k == D_PROPERTY) {
        if (!wf_spec_property_fget(descr))
            return FAIL_PROPERTY;
        put_version(instr, version);
        put_object(instr, descr);
        wf_spec_success(instr, OP_LOAD_ATTR_PROPERTY);
        return DONE;
    }
    if (k == D_DATA || k == D_HEAP)
        return fail_of(k);
    /* absent or a non-data descriptor: the instance dict comes first */
    bool elsewhere;
    Value *dp = dict_ptr(owner, t, &elsewhere);
    if (elsewhere)
        return FAIL_DICT_LAYOUT;
    Value d = dp ? wf_attrslot_load(dp) : 0;
    if (d && !wf_spec_dict_lacks(d, name)) {
        intptr_t ix = wf_dict_hint_of(d, name);
        if (ix >= 0 && ix <= UINT16_MAX &&
            spec_poly(instr, OP_LOAD_ATTR_INSTANCE_VALUE, OP_LOAD_ATTR_INSTANCE_VALUE_POLY, version, (uint64_t)ix, 1))
            return DONE;
        bool by_index = use_index(instr, ix, OP_LOAD_ATTR_INSTANCE_VALUE, OP_LOAD_ATTR_INSTANCE_DICT, version);
        put_version(instr, version);
        if (by_index) {
            put_u16(instr, (size_t)ix);
            wf_spec_success(instr, OP_LOAD_ATTR_INSTANCE_VALUE);
        } else {
            wf_spec_success(instr, OP_LOAD_ATTR_INSTANCE_DICT);
        }
        return DONE;
    }
    if (k == D_METHOD)
        return FAIL_BOUND_METHOD;
    if (k != D_PLAIN)
        return fail_of(k);
    put_version(instr, version);
    put_object(instr, descr);
    wf_spec_success(instr, dp ? OP_LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES : OP_LOAD_ATTR_NONDESCRIPTOR_NO_DICT);
    return DONE;
}

static bool name_ok(Value name)
{
    return wf_is_str_exact(name) && (wf_obj(name)->ob_flags & WF_OBF_INTERNED);
}

/* The loads' common dispatch: a module, a class, or an instance
 * (instance_spec); the head is left generic when that fails. */
static void spec_load(Value owner, CodeUnit *instr, Value name, int head, int module_op, int class_op,
                      int (*instance_spec)(Value, CodeUnit *, Value))
{
    int r;
    if (!name_ok(name))
        r = FAIL_OTHER;
    else if (wf_is_type_exact(owner, &wf_type_module))
        r = spec_module(owner, instr, name, module_op);
    else if (wf_is_type(owner))
        r = spec_class_load(owner, instr, name, class_op);
    else
        r = instance_spec(owner, instr, name);
    if (r != DONE)
        wf_spec_fail(instr, head, r);
}

void wf_specialize_load_attr(Value owner, CodeUnit *instr, Value name)
{
    spec_load(owner, instr, name, OP_LOAD_ATTR, OP_LOAD_ATTR_MODULE, OP_LOAD_ATTR_CLASS, spec_instance_load);
}

/* obj.name(...) where the class has a method under name (what
 * wf_get_method returns as "unbound, call with obj") and the instance
 * cannot shadow it, or its dict does not now. */
static int spec_method(Value owner, CodeUnit *instr, Value name)
{
    TypeObject *t = wf_type(owner);
    uint32_t version = wf_type_version(t);   /* rule 1: before the lookups */
    if (!version)
        return FAIL_NO_VERSION;
    if (!getattr_is_generic(t))
        return FAIL_OVERRIDDEN;
    Value descr = lookup(t, name);
    DescrKind k = descr_kind(descr);
    if (k != D_METHOD)
        return k == D_PLAIN ? FAIL_NOT_METHOD : fail_of(k);
    bool elsewhere;
    Value *dp = dict_ptr(owner, t, &elsewhere);
    if (elsewhere)
        return FAIL_DICT_LAYOUT;
    if (dp && !wf_spec_dict_lacks(wf_attrslot_load(dp), name))
        return FAIL_SHADOWED;
    if (dp ? spec_poly(instr, OP_LOAD_METHOD_WITH_VALUES, OP_LOAD_METHOD_WITH_VALUES_POLY, version, (uint64_t)descr, 4) ||
                 spec_method_pairs(instr, version, descr)
           : spec_poly(instr, OP_LOAD_METHOD_NO_DICT, OP_LOAD_METHOD_NO_DICT_POLY, version, (uint64_t)descr, 4))
        return DONE;
    put_version(instr, version);
    put_object(instr, descr);
    wf_spec_success(instr, dp ? OP_LOAD_METHOD_WITH_VALUES : OP_LOAD_METHOD_NO_DICT);
    return DONE;
}

void wf_specialize_load_method(Value owner, CodeUnit *instr, Value name)
{
    spec_load(owner, instr, name, OP_LOAD_METHOD, OP_LOAD_METHOD_MODULE, OP_LOAD_METHOD_CLASS, spec_method);
}

static int spec_store(Value owner, CodeUnit *instr, Value name)
{
    TypeObject *t = wf_type(owner);
    uint32_t version = wf_type_version(t);   /* rule 1: before the lookups */
    if (!version)
        return FAIL_NO_VERSION;
    if (!setattr_is_generic(t))
        return FAIL_OVERRIDDEN;
    Value descr = lookup(t, name);
    DescrKind k = descr_kind(descr);
    if (k == D_MEMBER)
        return spec_slot(instr, t, descr, version, OP_STORE_ATTR_SLOT);
    if (k == D_PROPERTY || k == D_DATA || k == D_HEAP)
        return fail_of(k);
    /* no data descriptor: the value goes to the instance dict */
    bool elsewhere;
    Value *dp = dict_ptr(owner, t, &elsewhere);
    if (!dp)
        return FAIL_DICT_LAYOUT;
    Value d = wf_attrslot_load(dp);
    intptr_t ix = d ? wf_dict_hint_of(d, name) : -1;
    if (ix >= 0 && ix <= UINT16_MAX &&
        spec_poly(instr, OP_STORE_ATTR_INSTANCE_VALUE, OP_STORE_ATTR_INSTANCE_VALUE_POLY, version, (uint64_t)ix, 1))
        return DONE;
    bool by_index = use_index(instr, ix, OP_STORE_ATTR_INSTANCE_VALUE, OP_STORE_ATTR_INSTANCE_DICT, version);
    put_version(instr, version);
    if (by_index) {
        put_u16(instr, (size_t)ix);
        wf_spec_success(instr, OP_STORE_ATTR_INSTANCE_VALUE);
    } else {
        wf_spec_success(instr, OP_STORE_ATTR_INSTANCE_DICT);
    }
    return DONE;
}

void wf_specialize_store_attr(Value owner, CodeUnit *instr, Value name)
{
    int r = name_ok(name) ? spec_store(owner, instr, name) : FAIL_OTHER;
    if (r != DONE)
        wf_spec_fail(instr, OP_STORE_ATTR, r);
}
