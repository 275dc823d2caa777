/* weft: function, bound method and cell objects. */
/* Code object + globals -> callable function; function + self -> bound method. */
#include <stdio.h>
#include "weft.h"
#include "funcobject.h"
#include "attrslot.h"

/* ---- functions ---- */

static Value func_builtins_of(Value globals)
{
    Value b = wf_dict_get(globals, WF_ID(__builtins__));
    if (b && wf_is_type_exact(b, &wf_type_module))
        return wf_module_dict(b);
    if (b && wf_is_dict(b))
        return b;
    wf_err_clear();
    return wf_builtins_dict;
}

Value wf_function_new(Value code, Value globals, Value qualname)
{
    CodeObject *co = wf_as_code(code);
    FunctionObject *f = (FunctionObject *)wf_object_alloc(&wf_type_function, sizeof(FunctionObject));
    f->code = code;
    f->globals = wf_incref(globals);
    f->builtins = func_builtins_of(globals);
    f->name = wf_incref(co->name);
    f->qualname = wf_incref(qualname ? qualname : co->qualname);
    Value doc = 0;
    if (wf_tuple_size(co->consts) > 0 && wf_is_str(wf_tuple_get(co->consts, 0)) &&
        !(co->flags & WF_CO_CLASSBODY))
        doc = wf_tuple_get(co->consts, 0);
    f->doc = wf_incref(doc ? doc : wf_None);
    Value mod = wf_dict_get(globals, WF_ID(__name__));
    if (!mod)
        wf_err_clear();
    f->module = wf_incref(mod ? mod : wf_None);
    return wf_val(f);
}

static void func_dealloc(Object *o)
{
    FunctionObject *f = (FunctionObject *)o;
    wf_decref(f->dict);
    wf_decref(f->globals);
    wf_decref(f->name);
    wf_decref(f->qualname);
    wf_decref(f->defaults);
    wf_decref(f->kwdefaults);
    wf_decref(f->closure);
    wf_decref(f->doc);
    wf_decref(f->module);
    wf_decref(f->annotations);
    wf_object_free(o);
}

static Value func_repr(Value v)
{
    return wf_str_printf("<function %U at %p>", wf_as_func(v)->qualname, (void *)wf_obj(v));
}

static Value func_tp_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    return wf_function_call(callable, args, nargs, kwnames);
}

/* Functions become bound methods when fetched through an instance. */
static Value func_descr_get(Value descr, Value obj, Value type)
{
    if (obj == 0 || obj == wf_None)
        return wf_incref(descr);
    return wf_method_new(descr, obj);
}

/* __doc__ and __module__ take anything; deleting them stores None. */
#define FUNC_ANY_FIELD(field)                                                    \
    static Value func_get_##field(Value v)                                       \
    {                                                                            \
        Value x = wf_as_func(v)->field;                                          \
        return wf_incref(x ? x : wf_None);                                       \
    }                                                                            \
    static int func_set_##field(Value v, Value x)                                \
    {                                                                            \
        wf_setref(&wf_as_func(v)->field, wf_incref(x ? x : wf_None));            \
        return 0;                                                                \
    }
FUNC_ANY_FIELD(doc)
FUNC_ANY_FIELD(module)

/* __defaults__ (tuple) and __kwdefaults__ (dict): None or deleting clears. */
/* Calls in other threads read these without a lock: stores publish the new
 * value and drop the old one deferred (attrslot.h), loads are acquire. */
static int func_set_typed(Value *slot, Value x, bool ok, const char *what, const char *type)
{
    if (x == 0 || x == wf_None) {
        wf_attrslot_store(slot, 0);
        return 0;
    }
    if (!ok) {
        wf_err_format(wf_exc_TypeError, "__%s__ must be set to a %s object", what, type);
        return -1;
    }
    wf_attrslot_store(slot, wf_incref(x));
    return 0;
}
static Value func_get_defaults(Value v)
{
    Value x = wf_attrslot_load(&wf_as_func(v)->defaults);
    return wf_incref(x ? x : wf_None);
}
static int func_set_defaults(Value v, Value x)
{
    return func_set_typed(&wf_as_func(v)->defaults, x, x && wf_is_tuple(x), "defaults", "tuple");
}
static Value func_get_kwdefaults(Value v)
{
    Value x = wf_attrslot_load(&wf_as_func(v)->kwdefaults);
    return wf_incref(x ? x : wf_None);
}
static int func_set_kwdefaults(Value v, Value x)
{
    return func_set_typed(&wf_as_func(v)->kwdefaults, x, x && wf_is_dict(x), "kwdefaults", "dict");
}

static int func_set_str(Value v, Value x, Value *slot, const char *what)
{
    if (x == 0 || !wf_is_str(x)) {
        wf_err_format(wf_exc_TypeError, "__%s__ must be set to a string object", what);
        return -1;
    }
    wf_setref(slot, wf_incref(x));
    return 0;
}
static Value func_get_name(Value v) { return wf_incref(wf_as_func(v)->name); }
static int func_set_name(Value v, Value x) { return func_set_str(v, x, &wf_as_func(v)->name, "name"); }
static Value func_get_qualname(Value v) { return wf_incref(wf_as_func(v)->qualname); }
static int func_set_qualname(Value v, Value x) { return func_set_str(v, x, &wf_as_func(v)->qualname, "qualname"); }
static Value func_get_code(Value v) { return wf_as_func(v)->code; }
static Value func_get_globals(Value v) { return wf_incref(wf_as_func(v)->globals); }
static Value func_get_closure(Value v)
{
    Value c = wf_as_func(v)->closure;
    return wf_incref(c ? c : wf_None);
}
static Value func_get_dict(Value v)
{
    FunctionObject *f = wf_as_func(v);
    if (!f->dict)
        f->dict = wf_dict_new();
    return wf_incref(f->dict);
}
static Value func_get_annotations(Value v)
{
    FunctionObject *f = wf_as_func(v);
    if (!f->annotations)
        f->annotations = wf_dict_new();
    return wf_incref(f->annotations);
}
static int func_set_annotations(Value v, Value x)
{
    return func_set_typed(&wf_as_func(v)->annotations, x, x && wf_is_dict(x), "annotations", "dict");
}

static const GetSetDef func_getset[] = {
    {"__name__", func_get_name, func_set_name},
    {"__qualname__", func_get_qualname, func_set_qualname},
    {"__doc__", func_get_doc, func_set_doc},
    {"__module__", func_get_module, func_set_module},
    {"__defaults__", func_get_defaults, func_set_defaults},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults},
    {"__code__", func_get_code, NULL},
    {"__globals__", func_get_globals, NULL},
    {"__closure__", func_get_closure, NULL},
    {"__dict__", func_get_dict, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations},
    {NULL, NULL, NULL},
};

TypeObject wf_type_function = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "function",
    .tp_basicsize = sizeof(FunctionObject),
    .tp_dictoffset = offsetof(FunctionObject, dict),
    .tp_flags = WF_TPF_HAVE_DICT,
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = func_tp_call,
    .tp_descr_get = func_descr_get,
    .tp_getattr = wf_object_generic_getattr,
    .tp_setattr = wf_object_generic_setattr,
    .tp_getset = func_getset,
};

/* ---- bound methods ---- */

Value wf_method_new(Value func, Value self)
{
    MethodObject *m = (MethodObject *)wf_object_alloc(&wf_type_method, sizeof(MethodObject));
    m->func = wf_incref(func);
    m->self = wf_incref(self);
    return wf_val(m);
}

static void method_dealloc(Object *o)
{
    MethodObject *m = (MethodObject *)o;
    wf_decref(m->func);
    wf_decref(m->self);
    wf_object_free(o);
}

/* Prepend self without allocating for the common small calls. */
static Value method_call(Value callable, const Value *args, size_t nargs, Value kwnames)
{
    MethodObject *m = (MethodObject *)wf_obj(callable);
    size_t total = nargs + (kwnames ? wf_tuple_size(kwnames) : 0);
    Value small[8];
    Value *buf = total + 1 <= 8 ? small : wf_mem_alloc(sizeof(Value) * (total + 1));
    buf[0] = m->self;
    if (total)
        memcpy(buf + 1, args, sizeof(Value) * total);
    Value r = wf_call(m->func, buf, nargs + 1, kwnames);
    if (buf != small)
        wf_mem_free(buf);
    return r;
}

static Value method_repr(Value v)
{
    MethodObject *m = (MethodObject *)wf_obj(v);
    Value name = wf_getattr_opt(m->func, WF_ID(__qualname__));
    if (!name) {
        if (wf_err_occurred())
            return 0;
        name = wf_getattr_opt(m->func, WF_ID(__name__));
        if (!name && wf_err_occurred())
            return 0;
    }
    Value r = wf_str_printf("<bound method %S of %R>", name ? name : wf_str_intern_c("?"), m->self);
    wf_decref(name);
    return r;
}

static Value method_richcompare(Value a, Value b, int op)
{
    if ((op != WF_EQ && op != WF_NE) || !wf_is_type_exact(b, &wf_type_method))
        return wf_NotImplemented;
    MethodObject *x = (MethodObject *)wf_obj(a), *y = (MethodObject *)wf_obj(b);
    int eq = x->self == y->self;
    if (eq) {
        eq = wf_equal(x->func, y->func);
        if (eq < 0)
            return 0;
    }
    return wf_bool(op == WF_EQ ? eq : !eq);
}

static Hash method_hash(Value v)
{
    MethodObject *m = (MethodObject *)wf_obj(v);
    Hash h = wf_hash(m->func);
    if (h == -1)
        return -1;
    h ^= (Hash)(m->self >> 4);
    return h == -1 ? -2 : h;
}

/* Unknown attributes come from the function (__name__, __doc__, ...). */
static Value method_getattr(Value obj, Value name)
{
    Value r = wf_object_generic_getattr(obj, name);
    if (r || !wf_err_matches(wf_exc_AttributeError))
        return r;
    wf_err_clear();
    return wf_getattr(((MethodObject *)wf_obj(obj))->func, name);
}

static Value method_get_func(Value v) { return wf_incref(((MethodObject *)wf_obj(v))->func); }
static Value method_get_self(Value v) { return wf_incref(((MethodObject *)wf_obj(v))->self); }

static const GetSetDef method_getset[] = {
    {"__func__", method_get_func, NULL},
    {"__self__", method_get_self, NULL},
    {NULL, NULL, NULL},
};

TypeObject wf_type_method = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "method",
    .tp_basicsize = sizeof(MethodObject),
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_richcompare = method_richcompare,
    .tp_hash = method_hash,
    .tp_getattr = method_getattr,
    .tp_getset = method_getset,
};

/* ---- cells ---- */

Value wf_cell_new(Value v)
{
    CellObject *c = (CellObject *)wf_object_alloc(&wf_type_cell, sizeof(CellObject));
    c->ref = wf_incref(v);
    return wf_val(c);
}

static void cell_dealloc(Object *o)
{
    wf_decref(((CellObject *)o)->ref);
    wf_object_free(o);
}

static Value cell_repr(Value v)
{
    CellObject *c = (CellObject *)wf_obj(v);
    Value x = wf_cell_get(c);
    if (!x)
        return wf_str_printf("<cell at %p: empty>", (void *)c);
    return wf_str_printf("<cell at %p: %s object at %p>", (void *)c, wf_type_name(x), (void *)x);
}

static Value cell_get_contents(Value v)
{
    Value x = wf_cell_get((CellObject *)wf_obj(v));
    if (!x)
        return wf_err_set_str(wf_exc_ValueError, "Cell is empty");
    return wf_incref(x);
}

static int cell_set_contents(Value v, Value x)
{
    wf_cell_set((CellObject *)wf_obj(v), wf_incref(x));
    return 0;
}

static const GetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents},
    {NULL, NULL, NULL},
};

TypeObject wf_type_cell = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "cell",
    .tp_basicsize = sizeof(CellObject),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_getattr = wf_object_generic_getattr,
    .tp_getset = cell_getset,
};

void wf_funcs_ready(void)
{
    wf_type_ready(&wf_type_function);
    wf_type_ready(&wf_type_method);
    wf_type_ready(&wf_type_cell);
    wf_type_ready(&wf_type_code);
    wf_type_ready(&wf_type_generator);
}
