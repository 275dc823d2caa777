/* weft: built-in functions, descriptors, property, staticmethod, classmethod and super. */
/* MethodDef | GetSetDef | slot | Python function -> callable and attribute descriptor objects. */
#include <stdio.h>
#include "objimpl.h"
#include "attrslot.h"

static inline size_t kw_count(Value kwnames)
{
    return kwnames ? wf_tuple_size(kwnames) : 0;
}

static TypeObject *descr_type_of(Value self) { return ((DescrObject *)wf_obj(self))->d_type; }

/* ---- built-in functions and methods ---- */

Value wf_cfunction_new(const MethodDef *def, Value self)
{
    CFunctionObject *f = (CFunctionObject *)wf_object_alloc(&wf_type_builtin_function, sizeof(CFunctionObject));
    f->def = def;
    f->self = wf_incref(self);
    return wf_val(f);
}

static void cfunc_dealloc(Object *o)
{
    CFunctionObject *f = (CFunctionObject *)o;
    wf_decref(f->self);
    wf_object_free(o);
}

static Value cfunc_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(callable);
    return f->def->fn(f->self, args, nargs, kwnames);
}

static bool cfunc_is_function(CFunctionObject *f)
{
    return !f->self || wf_is_type_exact(f->self, &wf_type_module);
}

static Value cfunc_repr(Value v)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(v);
    if (cfunc_is_function(f))
        return wf_str_printf("<built-in function %s>", f->def->name);
    return wf_str_printf("<built-in method %s of %s object at %p>", f->def->name,
                         wf_type_name(f->self), (void *)f->self);
}

static Value cfunc_richcompare(Value a, Value b, int op)
{
    if ((op != WF_EQ && op != WF_NE) || wf_type(b) != &wf_type_builtin_function)
        return wf_NotImplemented;
    CFunctionObject *x = (CFunctionObject *)wf_obj(a), *y = (CFunctionObject *)wf_obj(b);
    bool eq = x->def == y->def && x->self == y->self;
    return wf_bool(op == WF_EQ ? eq : !eq);
}

static Hash cfunc_hash(Value v)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(v);
    Hash h = wf_hash_pointer(f->def) ^ wf_hash_pointer((const void *)f->self);
    return h == -1 ? -2 : h;
}

static Value cfunc_get_name(Value v) { return wf_str_from_cstr(((CFunctionObject *)wf_obj(v))->def->name); }

static Value cfunc_get_qualname(Value v)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(v);
    if (cfunc_is_function(f))
        return wf_str_from_cstr(f->def->name);
    TypeObject *t = wf_is_type(f->self) ? wf_as_type(f->self) : wf_type(f->self);
    return wf_str_printf("%U.%s", wf_type_qualname(t), f->def->name);
}

static Value cfunc_get_self(Value v)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(v);
    Value s = f->self ? f->self : f->module ? f->module : wf_None;
    return wf_incref(s);
}

static Value cfunc_get_module(Value v)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(v);
    Value m = f->module ? f->module : (f->self && wf_is_type_exact(f->self, &wf_type_module)) ? f->self : 0;
    if (!m)
        return wf_None;
    Value name = wf_dict_get(wf_module_dict(m), WF_ID(__name__));
    return wf_incref(name ? name : wf_None);
}

/* Argument Clinic signatures do not exist in weft. */
static Value no_text_signature(Value v) { return wf_None; }

static Value doc_of(const char *doc)
{
    return doc ? wf_str_from_cstr(doc) : wf_None;
}

static Value cfunc_get_doc(Value v) { return doc_of(((CFunctionObject *)wf_obj(v))->def->doc); }

static const GetSetDef cfunc_getset[] = {
    { "__name__", cfunc_get_name, NULL },
    { "__qualname__", cfunc_get_qualname, NULL },
    { "__self__", cfunc_get_self, NULL },
    { "__module__", cfunc_get_module, NULL },
    { "__doc__", cfunc_get_doc, NULL },
    { "__text_signature__", no_text_signature, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_builtin_function = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(CFunctionObject),
    .tp_dealloc = cfunc_dealloc,
    .tp_repr = cfunc_repr,
    .tp_hash = cfunc_hash,
    .tp_richcompare = cfunc_richcompare,
    .tp_call = cfunc_call,
    .tp_getset = cfunc_getset,
};

/* ---- common descriptor attributes ---- */

static Value descr_get_name(Value v) { return wf_incref(((DescrObject *)wf_obj(v))->d_name); }
static Value descr_get_objclass(Value v) { return wf_val(descr_type_of(v)); }
static Value descr_get_qualname(Value v)
{
    DescrObject *d = (DescrObject *)wf_obj(v);
    return wf_str_printf("%U.%U", wf_type_qualname(d->d_type), d->d_name);
}

static void descr_init(DescrObject *d, TypeObject *type, Value name)
{
    d->d_type = type;
    d->d_name = name;
}

/* The instance check every descriptor makes before touching obj's layout. */
static int descr_check(DescrObject *d, Value obj)
{
    if (wf_isinstance_type(obj, d->d_type))
        return 0;
    wf_err_format(wf_exc_TypeError, "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                  d->d_name, d->d_type->tp_name, wf_type_name(obj));
    return -1;
}

static const GetSetDef descr_getset[] = {
    { "__name__", descr_get_name, NULL },
    { "__qualname__", descr_get_qualname, NULL },
    { "__objclass__", descr_get_objclass, NULL },
    { NULL, NULL, NULL },
};

static const GetSetDef wdescr_getset[] = {
    { "__name__", descr_get_name, NULL },
    { "__qualname__", descr_get_qualname, NULL },
    { "__objclass__", descr_get_objclass, NULL },
    { "__text_signature__", no_text_signature, NULL },
    { NULL, NULL, NULL },
};

/* ---- method descriptors ---- */

Value wf_method_descr_new(TypeObject *type, const MethodDef *def)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_object_alloc(&wf_type_method_descr, sizeof(MethodDescrObject));
    descr_init(&d->d, type, wf_str_intern_c(def->name));
    d->def = def;
    return wf_val(d);
}

static Value mdescr_repr(Value v)
{
    DescrObject *d = (DescrObject *)wf_obj(v);
    return wf_str_printf("<method '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static Value mdescr_descr_get(Value self, Value obj, Value type)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_obj(self);
    if (!obj)
        return wf_incref(self);
    if (descr_check(&d->d, obj) < 0)
        return 0;
    return wf_cfunction_new(d->def, obj);
}

static Value mdescr_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_obj(self);
    if (nargs < 1)
        return wf_err_format(wf_exc_TypeError, "unbound method %s.%s() needs an argument", d->d.d_type->tp_name, d->def->name);
    if (descr_check(&d->d, args[0]) < 0)
        return 0;
    return d->def->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Value mdescr_get_doc(Value v) { return doc_of(((MethodDescrObject *)wf_obj(v))->def->doc); }

static const GetSetDef mdescr_getset[] = {
    { "__name__", descr_get_name, NULL },
    { "__qualname__", descr_get_qualname, NULL },
    { "__objclass__", descr_get_objclass, NULL },
    { "__doc__", mdescr_get_doc, NULL },
    { "__text_signature__", no_text_signature, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_method_descr = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(MethodDescrObject),
    .tp_repr = mdescr_repr,
    .tp_call = mdescr_call,
    .tp_descr_get = mdescr_descr_get,
    .tp_getset = mdescr_getset,
};

/* ---- classmethod descriptors (WF_METH_CLASS) ---- */

Value wf_classmethod_descr_new(TypeObject *type, const MethodDef *def)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_object_alloc(&wf_type_classmethod_descr, sizeof(MethodDescrObject));
    descr_init(&d->d, type, wf_str_intern_c(def->name));
    d->def = def;
    return wf_val(d);
}

static Value cmdescr_descr_get(Value self, Value obj, Value type)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_obj(self);
    if (!type)
        type = wf_val(wf_type(obj));
    if (!wf_is_type(type))
        return wf_err_format(wf_exc_TypeError, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
                             d->def->name, d->d.d_type->tp_name, wf_type_name(type));
    if (!wf_type_is_subtype(wf_as_type(type), d->d.d_type))
        return wf_err_format(wf_exc_TypeError, "descriptor '%s' requires a subtype of '%s' but received '%s'",
                             d->def->name, d->d.d_type->tp_name, wf_as_type(type)->tp_name);
    return wf_cfunction_new(d->def, type);
}

static Value cmdescr_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_obj(self);
    if (nargs < 1)
        return wf_err_format(wf_exc_TypeError, "descriptor '%s' of '%s' object needs an argument", d->def->name, d->d.d_type->tp_name);
    Value bound = cmdescr_descr_get(self, 0, args[0]);
    if (!bound)
        return 0;
    Value r = wf_call(bound, args + 1, nargs - 1, kwnames);
    wf_decref(bound);
    return r;
}

TypeObject wf_type_classmethod_descr = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(MethodDescrObject),
    .tp_repr = mdescr_repr,
    .tp_call = cmdescr_call,
    .tp_descr_get = cmdescr_descr_get,
    .tp_getset = mdescr_getset,
};

/* ---- getset descriptors ---- */

Value wf_getset_descr_new(TypeObject *type, const GetSetDef *def)
{
    GetSetDescrObject *d = (GetSetDescrObject *)wf_object_alloc(&wf_type_getset_descr, sizeof(GetSetDescrObject));
    descr_init(&d->d, type, wf_str_intern_c(def->name));
    d->def = def;
    return wf_val(d);
}

static Value gsdescr_repr(Value v)
{
    DescrObject *d = (DescrObject *)wf_obj(v);
    return wf_str_printf("<attribute '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static Value gsdescr_get(Value self, Value obj, Value type)
{
    GetSetDescrObject *d = (GetSetDescrObject *)wf_obj(self);
    if (!obj)
        return wf_incref(self);
    if (descr_check(&d->d, obj) < 0)
        return 0;
    if (!d->def->get)
        return wf_err_format(wf_exc_AttributeError, "attribute '%U' of '%s' objects is not readable", d->d.d_name, d->d.d_type->tp_name);
    return d->def->get(obj);
}

static int gsdescr_set(Value self, Value obj, Value v)
{
    GetSetDescrObject *d = (GetSetDescrObject *)wf_obj(self);
    if (descr_check(&d->d, obj) < 0)
        return -1;
    if (!d->def->set)
        return wf_err_format(wf_exc_AttributeError, "attribute '%U' of '%s' objects is not writable", d->d.d_name, d->d.d_type->tp_name), -1;
    return d->def->set(obj, v);
}

TypeObject wf_type_getset_descr = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(GetSetDescrObject),
    .tp_repr = gsdescr_repr,
    .tp_descr_get = gsdescr_get,
    .tp_descr_set = gsdescr_set,
    .tp_getset = descr_getset,
};

/* ---- member descriptors (__slots__) ---- */

Value wf_member_descr_new(TypeObject *type, Value name, size_t offset)
{
    MemberDescrObject *d = (MemberDescrObject *)wf_object_alloc(&wf_type_member_descr, sizeof(MemberDescrObject));
    descr_init(&d->d, type, wf_incref(name));
    d->offset = offset;
    return wf_val(d);
}

static Value member_repr(Value v)
{
    DescrObject *d = (DescrObject *)wf_obj(v);
    return wf_str_printf("<member '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static Value *member_slot(MemberDescrObject *d, Value obj)
{
    return (Value *)((char *)wf_obj(obj) + d->offset);
}

static Value member_get(Value self, Value obj, Value type)
{
    MemberDescrObject *d = (MemberDescrObject *)wf_obj(self);
    if (!obj)
        return wf_incref(self);
    if (descr_check(&d->d, obj) < 0)
        return 0;
    Value v = wf_attrslot_load(member_slot(d, obj));  /* core/attrslot.h rule 1 */
    if (!v)
        return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", wf_type_name(obj), d->d.d_name);
    return wf_incref(v);
}

static int member_set(Value self, Value obj, Value v)
{
    MemberDescrObject *d = (MemberDescrObject *)wf_obj(self);
    if (descr_check(&d->d, obj) < 0)
        return -1;
    Value *p = member_slot(d, obj);
    if (!v) {
        /* del obj.x: exactly one of two racing deletes succeeds */
        Value old = wf_atomic_exchange_acq_rel_usize(p, 0);  /* acq_rel: pairs with wf_attrslot_store() */
        if (!old)
            return wf_err_format(wf_exc_AttributeError, "'%s' object has no attribute '%U'", wf_type_name(obj), d->d.d_name), -1;
        wf_defer_decref(old);
        return 0;
    }
    wf_attrslot_store(p, wf_incref(v));  /* core/attrslot.h rule 2 */
    return 0;
}

TypeObject wf_type_member_descr = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(MemberDescrObject),
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = descr_getset,
};

/* ---- slot wrappers and method-wrappers ---- */

Value wf_wrapper_descr_new(TypeObject *type, const SlotDef *sd, void *fn)
{
    WrapperDescrObject *d = (WrapperDescrObject *)wf_object_alloc(&wf_type_wrapper_descr, sizeof(WrapperDescrObject));
    descr_init(&d->d, type, wf_str_intern_c(sd->name));
    d->sd = sd;
    d->fn = fn;
    return wf_val(d);
}

static Value wdescr_repr(Value v)
{
    DescrObject *d = (DescrObject *)wf_obj(v);
    return wf_str_printf("<slot wrapper '%U' of '%s' objects>", d->d_name, d->d_type->tp_name);
}

static int wdescr_check(WrapperDescrObject *d, Value self)
{
    if (wf_isinstance_type(self, d->d.d_type))
        return 0;
    wf_err_format(wf_exc_TypeError, "descriptor '%U' requires a '%s' object but received a '%s'",
                  d->d.d_name, d->d.d_type->tp_name, wf_type_name(self));
    return -1;
}

static Value wdescr_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    WrapperDescrObject *d = (WrapperDescrObject *)wf_obj(self);
    if (nargs < 1)
        return wf_err_format(wf_exc_TypeError, "descriptor '%U' of '%s' object needs an argument", d->d.d_name, d->d.d_type->tp_name);
    if (wdescr_check(d, args[0]) < 0)
        return 0;
    return d->sd->wrapper(d->sd, d->fn, args[0], args + 1, nargs - 1, kwnames);
}

static Value wdescr_get(Value self, Value obj, Value type)
{
    WrapperDescrObject *d = (WrapperDescrObject *)wf_obj(self);
    if (!obj)
        return wf_incref(self);
    if (descr_check(&d->d, obj) < 0)
        return 0;
    MethodWrapperObject *m = (MethodWrapperObject *)wf_object_alloc(&wf_type_method_wrapper, sizeof(MethodWrapperObject));
    m->descr = d;
    m->self = wf_incref(obj);
    return wf_val(m);
}

TypeObject wf_type_wrapper_descr = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(WrapperDescrObject),
    .tp_repr = wdescr_repr,
    .tp_call = wdescr_call,
    .tp_descr_get = wdescr_get,
    .tp_getset = wdescr_getset,
};

static void mwrap_dealloc(Object *o)
{
    wf_decref(((MethodWrapperObject *)o)->self);
    wf_object_free(o);
}

static Value mwrap_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    MethodWrapperObject *m = (MethodWrapperObject *)wf_obj(self);
    return m->descr->sd->wrapper(m->descr->sd, m->descr->fn, m->self, args, nargs, kwnames);
}

static Value mwrap_repr(Value v)
{
    MethodWrapperObject *m = (MethodWrapperObject *)wf_obj(v);
    return wf_str_printf("<method-wrapper '%U' of %s object at %p>", m->descr->d.d_name,
                         wf_type_name(m->self), (void *)m->self);
}

static Value mwrap_richcompare(Value a, Value b, int op)
{
    if ((op != WF_EQ && op != WF_NE) || wf_type(b) != &wf_type_method_wrapper)
        return wf_NotImplemented;
    MethodWrapperObject *x = (MethodWrapperObject *)wf_obj(a), *y = (MethodWrapperObject *)wf_obj(b);
    bool eq = x->descr == y->descr && x->self == y->self;
    return wf_bool(op == WF_EQ ? eq : !eq);
}

static Hash mwrap_hash(Value v)
{
    MethodWrapperObject *m = (MethodWrapperObject *)wf_obj(v);
    Hash h = wf_hash_pointer(m->descr) ^ wf_hash_pointer((const void *)m->self);
    return h == -1 ? -2 : h;
}

static Value mwrap_get_name(Value v) { return wf_incref(((MethodWrapperObject *)wf_obj(v))->descr->d.d_name); }
static Value mwrap_get_self(Value v) { return wf_incref(((MethodWrapperObject *)wf_obj(v))->self); }
static Value mwrap_get_qualname(Value v) { return descr_get_qualname(wf_val(((MethodWrapperObject *)wf_obj(v))->descr)); }
static Value mwrap_get_objclass(Value v) { return wf_val(((MethodWrapperObject *)wf_obj(v))->descr->d.d_type); }

static const GetSetDef mwrap_getset[] = {
    { "__name__", mwrap_get_name, NULL },
    { "__qualname__", mwrap_get_qualname, NULL },
    { "__self__", mwrap_get_self, NULL },
    { "__objclass__", mwrap_get_objclass, NULL },
    { "__text_signature__", no_text_signature, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_method_wrapper = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(MethodWrapperObject),
    .tp_dealloc = mwrap_dealloc,
    .tp_repr = mwrap_repr,
    .tp_hash = mwrap_hash,
    .tp_richcompare = mwrap_richcompare,
    .tp_call = mwrap_call,
    .tp_getset = mwrap_getset,
};

/* ---- property ---- */

static Value nonnone(Value v)
{
    return v && v != wf_None ? wf_incref(v) : 0;
}

static void prop_dealloc(Object *o)
{
    PropertyObject *p = (PropertyObject *)o;
    wf_decref(p->fget);
    wf_decref(p->fset);
    wf_decref(p->fdel);
    wf_decref(p->doc);
    wf_decref(p->name);
    wf_decref(p->dict);
    wf_object_free(o);
}

static Value prop_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    return wf_object_new_instance(type);
}

static int prop_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "fget", "fset", "fdel", "doc", NULL };
    Value fget = 0, fset = 0, fdel = 0, doc = 0;
    if (wf_parse_args("property", args, nargs, kwnames, "|OOOO", names, &fget, &fset, &fdel, &doc) < 0)
        return -1;
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    wf_setref(&p->fget, nonnone(fget));
    wf_setref(&p->fset, nonnone(fset));
    wf_setref(&p->fdel, nonnone(fdel));
    Value d = nonnone(doc);
    if (!d && p->fget) {
        d = wf_getattr_opt(p->fget, WF_ID(__doc__));
        if (!d && wf_err_occurred())
            return -1;
        if (d == wf_None)
            d = 0;
    }
    wf_setref(&p->doc, d);
    return 0;
}

/* "property 'x' of 'A' object" or, for a property that __set_name__ never
 * named (one stored on a class after its creation), "property of 'A'
 * object", as CPython 3.11 (which does not fall back to the getter's name). */
static Value prop_error(PropertyObject *p, Value obj, const char *what)
{
    Value name = p->name;
    if (name && wf_is_str(name))
        wf_err_format(wf_exc_AttributeError, "property '%U' of '%s' object has no %s", name, wf_type_name(obj), what);
    else
        wf_err_format(wf_exc_AttributeError, "property of '%s' object has no %s", wf_type_name(obj), what);
    return 0;
}

static Value prop_descr_get(Value self, Value obj, Value type)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    if (!obj)
        return wf_incref(self);
    if (!p->fget)
        return prop_error(p, obj, "getter");
    return wf_call1(p->fget, obj);
}

static int prop_descr_set(Value self, Value obj, Value v)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    Value f = v ? p->fset : p->fdel;
    if (!f)
        return prop_error(p, obj, v ? "setter" : "deleter"), -1;
    Value r = v ? wf_call2(f, obj, v) : wf_call1(f, obj);
    if (!r)
        return -1;
    wf_decref(r);
    return 0;
}

/* property.getter/setter/deleter: a copy of type(self) with one function replaced. */
static Value prop_copy(Value self, Value fget, Value fset, Value fdel)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    Value doc = p->doc;
    if (p->fget && doc) {
        /* A docstring taken from the old getter is not carried over. */
        Value gd = wf_getattr_opt(p->fget, WF_ID(__doc__));
        if (gd == doc)
            doc = 0;
        wf_decref(gd);
        if (wf_err_occurred())
            return 0;
    }
    Value args[4] = { fget ? fget : wf_None, fset ? fset : wf_None, fdel ? fdel : wf_None, doc ? doc : wf_None };
    Value r = wf_call(wf_val(wf_type(self)), args, 4, 0);
    if (r && wf_isinstance_type(r, &wf_type_property) && p->name)
        wf_setref(&((PropertyObject *)wf_obj(r))->name, wf_incref(p->name));
    return r;
}

static Value prop_getter(Value self, const Value *args, size_t nargs, Value kw)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    if (wf_check_nargs("getter", nargs, 1, 1) < 0)
        return 0;
    return prop_copy(self, args[0], p->fset, p->fdel);
}

static Value prop_setter(Value self, const Value *args, size_t nargs, Value kw)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    if (wf_check_nargs("setter", nargs, 1, 1) < 0)
        return 0;
    return prop_copy(self, p->fget, args[0], p->fdel);
}

static Value prop_deleter(Value self, const Value *args, size_t nargs, Value kw)
{
    PropertyObject *p = (PropertyObject *)wf_obj(self);
    if (wf_check_nargs("deleter", nargs, 1, 1) < 0)
        return 0;
    return prop_copy(self, p->fget, p->fset, args[0]);
}

static Value prop_set_name(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__set_name__", nargs, 2, 2) < 0)
        return 0;
    wf_setref(&((PropertyObject *)wf_obj(self))->name, wf_incref(args[1]));
    return wf_None;
}

static const MethodDef prop_methods[] = {
    { "getter", prop_getter, 0, NULL },
    { "setter", prop_setter, 0, NULL },
    { "deleter", prop_deleter, 0, NULL },
    { "__set_name__", prop_set_name, 0, NULL },
    { NULL, NULL, 0, NULL },
};

#define PROP_FIELD_GET(f) \
    static Value prop_get_##f(Value v) { Value x = ((PropertyObject *)wf_obj(v))->f; return wf_incref(x ? x : wf_None); }
PROP_FIELD_GET(fget)
PROP_FIELD_GET(fset)
PROP_FIELD_GET(fdel)
PROP_FIELD_GET(doc)

static int prop_set_doc(Value v, Value doc)
{
    wf_setref(&((PropertyObject *)wf_obj(v))->doc, nonnone(doc));
    return 0;
}

static Value prop_get_abstract(Value v)
{
    PropertyObject *p = (PropertyObject *)wf_obj(v);
    Value fs[3] = { p->fget, p->fset, p->fdel };
    for (int i = 0; i < 3; i++) {
        if (!fs[i])
            continue;
        Value a = wf_getattr_opt(fs[i], wf_str_intern_c("__isabstractmethod__"));
        if (!a) {
            if (wf_err_occurred())
                return 0;
            continue;
        }
        int t = wf_truthy(a);
        wf_decref(a);
        if (t != 0)
            return t < 0 ? 0 : wf_True;
    }
    return wf_False;
}

static const GetSetDef prop_getset[] = {
    { "fget", prop_get_fget, NULL },
    { "fset", prop_get_fset, NULL },
    { "fdel", prop_get_fdel, NULL },
    { "__doc__", prop_get_doc, prop_set_doc },
    { "__isabstractmethod__", prop_get_abstract, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_property = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "property",
    .tp_basicsize = sizeof(PropertyObject),
    .tp_dictoffset = offsetof(PropertyObject, dict),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = prop_dealloc,
    .tp_descr_get = prop_descr_get,
    .tp_descr_set = prop_descr_set,
    .tp_new = prop_new,
    .tp_init = prop_init,
    .tp_methods = prop_methods,
    .tp_getset = prop_getset,
};

/* ---- staticmethod and classmethod ---- */

static void fwrap_dealloc(Object *o)
{
    FuncWrapObject *f = (FuncWrapObject *)o;
    wf_decref(f->func);
    wf_decref(f->dict);
    wf_object_free(o);
}

static Value fwrap_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    return wf_object_new_instance(type);
}

/* Copy __module__, __name__, __qualname__, __doc__ from the wrapped
 * callable, as functools.wraps does (CPython 3.10+). */
static int fwrap_set_func(Value self, Value func)
{
    FuncWrapObject *f = (FuncWrapObject *)wf_obj(self);
    wf_setref(&f->func, wf_incref(func));
    static const char *const attrs[] = { "__module__", "__name__", "__qualname__", "__doc__" };
    for (size_t i = 0; i < 4; i++) {
        Value v = wf_getattr_opt(func, wf_str_intern_c(attrs[i]));
        if (!v) {
            if (wf_err_occurred())
                return -1;
            continue;
        }
        if (!f->dict)
            f->dict = wf_dict_new();
        int r = wf_dict_set(f->dict, wf_str_intern_c(attrs[i]), v);
        wf_decref(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int fwrap_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    const char *name = wf_type_name(self);
    if (wf_no_kwargs(name, kwnames) < 0)
        return -1;
    if (nargs != 1)
        return wf_err_format(wf_exc_TypeError, "%s expected 1 argument, got %zu", name, nargs), -1;
    return fwrap_set_func(self, args[0]);
}

/* The wrapped callable, or 0 + RuntimeError for staticmethod.__new__(staticmethod). */
static Value fwrap_func(Value self)
{
    Value f = ((FuncWrapObject *)wf_obj(self))->func;
    if (!f)
        wf_err_format(wf_exc_RuntimeError, "uninitialized %s object", wf_type_name(self));
    return f;
}

static Value fwrap_get_func(Value v)
{
    Value f = fwrap_func(v);
    return f ? wf_incref(f) : 0;
}

static Value fwrap_get_abstract(Value v)
{
    Value f = ((FuncWrapObject *)wf_obj(v))->func;
    if (!f)
        return wf_False;
    Value a = wf_getattr_opt(f, wf_str_intern_c("__isabstractmethod__"));
    if (!a)
        return wf_err_occurred() ? 0 : wf_False;
    int t = wf_truthy(a);
    wf_decref(a);
    return t < 0 ? 0 : wf_bool(t);
}

static Value fwrap_get_dict(Value v)
{
    FuncWrapObject *f = (FuncWrapObject *)wf_obj(v);
    if (!f->dict)
        f->dict = wf_dict_new();
    return wf_incref(f->dict);
}

static const GetSetDef fwrap_getset[] = {
    { "__dict__", fwrap_get_dict, NULL },
    { "__func__", fwrap_get_func, NULL },
    { "__wrapped__", fwrap_get_func, NULL },
    { "__isabstractmethod__", fwrap_get_abstract, NULL },
    { NULL, NULL, NULL },
};

static Value sm_descr_get(Value self, Value obj, Value type)
{
    Value f = fwrap_func(self);
    return f ? wf_incref(f) : 0;
}

static Value sm_call(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value f = fwrap_func(self);
    return f ? wf_call(f, args, nargs, kwnames) : 0;
}

static Value fwrap_repr(Value v)
{
    Value f = ((FuncWrapObject *)wf_obj(v))->func;
    return wf_str_printf("<%s(%R)>", wf_type_name(v), f ? f : wf_None);
}

TypeObject wf_type_staticmethod = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(FuncWrapObject),
    .tp_dictoffset = offsetof(FuncWrapObject, dict),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = fwrap_dealloc,
    .tp_repr = fwrap_repr,
    .tp_call = sm_call,
    .tp_descr_get = sm_descr_get,
    .tp_new = fwrap_new,
    .tp_init = fwrap_init,
    .tp_getset = fwrap_getset,
};

static Value cm_descr_get(Value self, Value obj, Value type)
{
    Value func = fwrap_func(self);
    if (!func)
        return 0;
    if (!type)
        type = wf_val(wf_type(obj));
    TypeObject *ft = wf_type(func);
    /* 3.9-3.12 chain through the wrapped object's __get__ (e.g. property). */
    if (ft->tp_descr_get && ft != &wf_type_function)
        return ft->tp_descr_get(func, type, type);
    return wf_method_new(func, type);
}

TypeObject wf_type_classmethod = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(FuncWrapObject),
    .tp_dictoffset = offsetof(FuncWrapObject, dict),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = fwrap_dealloc,
    .tp_repr = fwrap_repr,
    .tp_descr_get = cm_descr_get,
    .tp_new = fwrap_new,
    .tp_init = fwrap_init,
    .tp_getset = fwrap_getset,
};

static Value fwrap_make(TypeObject *t, Value func)
{
    Value v = wf_object_new_instance(t);
    if (fwrap_set_func(v, func) < 0) {
        wf_decref(v);
        return 0;
    }
    return v;
}

Value wf_staticmethod_new(Value func) { return fwrap_make(&wf_type_staticmethod, func); }
Value wf_classmethod_new(Value func) { return fwrap_make(&wf_type_classmethod, func); }

/* ---- super ---- */

static void super_dealloc(Object *o)
{
    wf_decref(((SuperObject *)o)->obj);
    wf_object_free(o);
}

static Value super_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    return wf_object_new_instance(type);
}

/* The type whose MRO super(type, obj) searches. */
static TypeObject *super_check(TypeObject *type, Value obj)
{
    if (wf_is_type(obj) && wf_type_is_subtype(wf_as_type(obj), type))
        return wf_as_type(obj);
    if (wf_isinstance_type(obj, type))
        return wf_type(obj);
    wf_err_set_str(wf_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static int super_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("super", kwnames) < 0 || wf_check_nargs("super", nargs, 0, 2) < 0)
        return -1;
    TypeObject *type;
    Value obj = 0;
    if (nargs == 0) {
        if (wf_frame_super_args(&type, &obj) < 0)
            return -1;
    } else {
        if (!wf_is_type(args[0]))
            return wf_err_format(wf_exc_TypeError, "super() argument 1 must be a type, not %s", wf_type_name(args[0])), -1;
        type = wf_as_type(args[0]);
        if (nargs == 2 && args[1] != wf_None)
            obj = args[1];
    }
    TypeObject *obj_type = NULL;
    if (obj && !(obj_type = super_check(type, obj)))
        return -1;
    SuperObject *su = (SuperObject *)wf_obj(self);
    su->type = type;
    wf_setref(&su->obj, wf_incref(obj));
    su->obj_type = obj_type;
    return 0;
}

static Value super_getattro(Value self, Value name)
{
    SuperObject *su = (SuperObject *)wf_obj(self);
    TypeObject *start = su->obj_type;
    if (!start || wf_str_eq(name, WF_ID(__class__)))
        return wf_object_generic_getattr(self, name);
    Value mro = start->tp_mro;
    size_t n = mro ? wf_tuple_size(mro) : 0, i = 0;
    while (i < n && wf_tuple_get(mro, i) != wf_val(su->type))
        i++;
    for (i++; i < n; i++) {
        Value d = wf_as_type(wf_tuple_get(mro, i))->tp_dict;
        Value res = d ? wf_dict_get(d, name) : 0;
        if (!res)
            continue;
        Value (*f)(Value, Value, Value) = wf_type(res)->tp_descr_get;
        if (!f)
            return wf_incref(res);
        return f(res, su->obj == wf_val(start) ? 0 : su->obj, wf_val(start));
    }
    return wf_object_generic_getattr(self, name);
}

/* super(T) stored as a class attribute binds like a method (CPython's super_descr_get). */
static Value super_descr_get(Value self, Value obj, Value type)
{
    SuperObject *su = (SuperObject *)wf_obj(self);
    if (!obj || obj == wf_None || su->obj)
        return wf_incref(self);
    Value args[2] = { wf_val(su->type), obj };
    return wf_call(wf_val(wf_type(self)), args, 2, 0);
}

static Value super_repr(Value v)
{
    SuperObject *su = (SuperObject *)wf_obj(v);
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type)
        return wf_str_printf("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return wf_str_printf("<super: <class '%s'>, NULL>", tn);
}

static Value super_get_thisclass(Value v) { SuperObject *s = (SuperObject *)wf_obj(v); return s->type ? wf_val(s->type) : wf_None; }
static Value super_get_self(Value v) { SuperObject *s = (SuperObject *)wf_obj(v); return wf_incref(s->obj ? s->obj : wf_None); }
static Value super_get_selfclass(Value v) { SuperObject *s = (SuperObject *)wf_obj(v); return s->obj_type ? wf_val(s->obj_type) : wf_None; }

static const GetSetDef super_getset[] = {
    { "__thisclass__", super_get_thisclass, NULL },
    { "__self__", super_get_self, NULL },
    { "__self_class__", super_get_selfclass, NULL },
    { NULL, NULL, NULL },
};

TypeObject wf_type_super = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "super",
    .tp_basicsize = sizeof(SuperObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattr = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_new = super_new,
    .tp_init = super_init,
    .tp_getset = super_getset,
};

void wf_descr_init(void)
{
    static TypeObject *const types[] = {
        &wf_type_builtin_function, &wf_type_method_descr, &wf_type_classmethod_descr,
        &wf_type_getset_descr, &wf_type_member_descr, &wf_type_wrapper_descr,
        &wf_type_method_wrapper, &wf_type_property, &wf_type_staticmethod,
        &wf_type_classmethod, &wf_type_super, &wf_type_mappingproxy,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        wf_type_ready(types[i]);
}

/* ---- mappingproxy: the read-only view type.__dict__ returns ---- */

typedef struct MappingProxyObject {
    Object ob;
    Value mapping;
} MappingProxyObject;

static Value mp_mapping(Value v) { return ((MappingProxyObject *)wf_obj(v))->mapping; }

Value wf_mappingproxy_new(Value mapping)
{
    MappingProxyObject *p = (MappingProxyObject *)wf_object_alloc(&wf_type_mappingproxy, sizeof(MappingProxyObject));
    p->mapping = wf_incref(mapping);
    return wf_val(p);
}

static void mp_dealloc(Object *o)
{
    wf_decref(((MappingProxyObject *)o)->mapping);
    wf_object_free(o);
}

static Value mp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "mapping", NULL };
    Value m = 0;
    if (wf_parse_args("mappingproxy", args, nargs, kwnames, "O", names, &m) < 0)
        return 0;
    if (!wf_type(m)->tp_getitem || wf_is_list(m) || wf_is_tuple(m))
        return wf_err_format(wf_exc_TypeError, "mappingproxy() argument must be a mapping, not %s", wf_type_name(m));
    return wf_mappingproxy_new(m);
}

static Value mp_getitem(Value self, Value key) { return wf_getitem(mp_mapping(self), key); }
static intptr_t mp_len(Value self) { return wf_len(mp_mapping(self)); }
static int mp_contains(Value self, Value key) { return wf_contains(mp_mapping(self), key); }
static Value mp_iter(Value self) { return wf_iter(mp_mapping(self)); }
static Value mp_repr(Value self) { return wf_str_printf("mappingproxy(%R)", mp_mapping(self)); }
static Value mp_str(Value self) { return wf_str(mp_mapping(self)); }

static Value mp_richcompare(Value a, Value b, int op)
{
    return wf_richcompare(mp_mapping(a), b, op);
}

static Value mp_forward(Value self, const char *name, const Value *args, size_t nargs)
{
    return wf_call_method(mp_mapping(self), name, args, nargs);
}

static Value mp_keys(Value self, const Value *args, size_t nargs, Value kw) { return mp_forward(self, "keys", args, nargs); }
static Value mp_values(Value self, const Value *args, size_t nargs, Value kw) { return mp_forward(self, "values", args, nargs); }
static Value mp_items(Value self, const Value *args, size_t nargs, Value kw) { return mp_forward(self, "items", args, nargs); }
static Value mp_get(Value self, const Value *args, size_t nargs, Value kw) { return mp_forward(self, "get", args, nargs); }
static Value mp_copy(Value self, const Value *args, size_t nargs, Value kw) { return mp_forward(self, "copy", args, nargs); }

static const MethodDef mp_methods[] = {
    { "keys", mp_keys, 0, NULL },
    { "values", mp_values, 0, NULL },
    { "items", mp_items, 0, NULL },
    { "get", mp_get, 0, NULL },
    { "copy", mp_copy, 0, NULL },
    { NULL, NULL, 0, NULL },
};

TypeObject wf_type_mappingproxy = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MappingProxyObject),
    .tp_dealloc = mp_dealloc,
    .tp_repr = mp_repr,
    .tp_str = mp_str,
    .tp_richcompare = mp_richcompare,
    .tp_iter = mp_iter,
    .tp_new = mp_new,
    .tp_len = mp_len,
    .tp_getitem = mp_getitem,
    .tp_contains = mp_contains,
    .tp_methods = mp_methods,
};
