/* weft: what the specialized attribute instructions read, for their bodies. */
/* Owner + name -> instance dict, dict probes, module dict, property getter (core/spec/attr.def). */
#ifndef WF_SPEC_ATTR_H
#define WF_SPEC_ATTR_H

#include <string.h>
#include "code.h"
#include "objimpl.h"
#include "attrslot.h"
#include "funcobject.h"

/*
 * The bodies in core/spec/attr.def run after a guard proved the owner's
 * type is the one the specializer saw (core/spec_attr.c explains what
 * that proves). Everything here reads what other threads may write with
 * the accessors the generic paths use: instance dict pointers through
 * attrslot.h (acquire), dict contents through dict.h's lock-free probes.
 * Results are borrowed: the caller increfs them before its next periodic
 * check (a replaced value is dropped only after a grace period).
 */

/* Where owner keeps its instance dict: its type has a dict at
 * tp_dictoffset (the type guard vouches for it, so owner is a heap object,
 * not a tagged int). */
static inline Value *wf_spec_instance_dict_ptr(Value owner)
{
    return (Value *)((char *)wf_obj(owner) + wf_obj(owner)->ob_type->tp_dictoffset);
}

/* owner's instance dict, or 0 while it has none (borrowed). */
static inline Value wf_spec_instance_dict(Value owner)
{
    return wf_attrslot_load(wf_spec_instance_dict_ptr(owner));
}

/* d[name] for an interned str name: the borrowed value, or 0 when absent
 * or when only the locked lookup could tell (then the caller misses). */
static inline Value wf_spec_dict_get(Value d, Value name)
{
    Hash hash = wf_dict_str_hash(name);
    Value v;
    if (WF_UNLIKELY(hash == -1) || wf_dict_probe_ident(wf_as_dict(d), name, hash, &v) <= 0)
        return 0;
    return v;
}

/* True when the dict d (0: no dict yet) surely lacks name, an interned
 * str; false when it holds it or when only the locked lookup could tell. */
static inline bool wf_spec_dict_lacks(Value d, Value name)
{
    if (!d)
        return true;
    Hash hash = wf_dict_str_hash(name);
    Value v;
    return WF_LIKELY(hash != -1) && wf_dict_probe_ident(wf_as_dict(d), name, hash, &v) == 0;
}

/* Whether version (of an owner's type) is in a _POLY form's table: four
 * 32-bit versions from versions[0], unused ones 0. An unversioned type
 * (0) never matches. */
static inline bool wf_spec_version_in(const CodeUnit *versions, uint32_t version)
{
    uint32_t t[4];
    memcpy(t, versions, sizeof t);
    return WF_LIKELY(version != 0) && (version == t[0] || version == t[1] || version == t[2] || version == t[3]);
}

/* The method paired with version in LOAD_METHOD_WITH_VALUES_PAIRS's table
 * (four pairs of a 32-bit version and a borrowed method, 6 units each;
 * unused pairs have version 0), or 0. */
static inline Value wf_spec_method_in(const CodeUnit *pairs, uint32_t version)
{
    if (WF_UNLIKELY(version == 0))
        return 0;
    for (int i = 0; i < 4; i++) {
        uint32_t v;
        memcpy(&v, pairs + 6 * i, 4);
        if (v == version) {
            Value m;
            memcpy(&m, pairs + 6 * i + 2, 8);
            return m;
        }
    }
    return 0;
}

/* An exact module's namespace dict: set when the module is created and
 * never replaced (core/moduleobject.c), read like any instance dict. */
static inline Value wf_spec_module_dict(Value module)
{
    return wf_attrslot_load(&((ModuleObject *)wf_obj(module))->dict);
}

/* The getter of property prop if the interpreter can push its frame (a
 * Python function that is not a generator), else 0. Borrowed. */
static inline Value wf_spec_property_fget(Value prop)
{
    /* A plain load, as property.__get__ does (docs/threads.md, "Known gaps":
     * property.__init__ called again on a live property). */
    Value fget = ((PropertyObject *)wf_obj(prop))->fget;
    if (!fget || !wf_is_function(fget) || (wf_as_code(wf_as_func(fget)->code)->flags & WF_CO_GENERATOR))
        return 0;
    return fget;
}

#endif
