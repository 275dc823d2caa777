/* weft: module objects. */
/* name -> module with a namespace dict; attribute access goes through the dict. */
#include "objimpl.h"
#include "attrslot.h"

/* Modules are immortal: they live in sys.modules for the whole run, and
 * functions keep their globals (the module dict) alive anyway. */

/* ob_flags bit of modules made from C (wf_module_new): without a __file__
 * they print as "(built-in)"; ModuleType("x") prints as <module 'x'>. */
#define MODF_BUILTIN 0x80

static ModuleObject *as_module(Value v) { return (ModuleObject *)wf_obj(v); }

static void module_setup(ModuleObject *m, Value name, Value doc)
{
    if (!m->dict)
        m->dict = wf_dict_new();
    wf_make_immortal(m->dict);
    wf_attrslot_store(&m->name, wf_incref(name));  /* module.__init__ may run again on a shared module */
    wf_dict_set(m->dict, WF_ID(__name__), name);
    wf_dict_set(m->dict, WF_ID(__doc__), doc ? doc : wf_None);
    wf_dict_set(m->dict, WF_ID(__package__), wf_None);
    wf_dict_set(m->dict, wf_str_intern_c("__loader__"), wf_None);
    wf_dict_set(m->dict, WF_ID(__spec__), wf_None);
}

Value wf_module_new(const char *name)
{
    ModuleObject *m = (ModuleObject *)wf_object_alloc(&wf_type_module, sizeof(ModuleObject));
    Value n = wf_str_from_cstr(name);
    module_setup(m, n, 0);
    wf_decref(n);
    m->ob.ob_flags |= MODF_BUILTIN;
    wf_make_immortal(wf_val(m));
    return wf_val(m);
}

Value wf_module_dict(Value module)
{
    return as_module(module)->dict;
}

int wf_module_add_functions(Value module, const MethodDef *defs)
{
    for (const MethodDef *d = defs; d && d->name; d++) {
        Value f = wf_cfunction_new(d, 0);
        ((CFunctionObject *)wf_obj(f))->module = module;
        wf_make_immortal(f);
        if (wf_dict_set_c(wf_module_dict(module), d->name, f) < 0)
            return -1;
    }
    return 0;
}

int wf_module_add_object(Value module, const char *name, Value v)
{
    int r = wf_dict_set_c(wf_module_dict(module), name, v);
    wf_decref(v);
    return r;
}

/* The module's __name__ as a str, or 0. */
static Value module_name(Value mod)
{
    Value d = as_module(mod)->dict;
    Value n = d ? wf_dict_get(d, WF_ID(__name__)) : 0;
    return n && wf_is_str(n) ? n : 0;
}

static Value module_getattro(Value mod, Value name)
{
    Value r = wf_object_generic_getattr(mod, name);
    if (r || !wf_err_matches(wf_exc_AttributeError))
        return r;
    wf_err_clear();
    Value d = as_module(mod)->dict;
    Value getattr = d ? wf_dict_get(d, WF_ID(__getattr__)) : 0;
    if (getattr)
        return wf_call1(getattr, name);
    Value mn = module_name(mod);
    if (mn)
        wf_err_format(wf_exc_AttributeError, "module '%U' has no attribute '%U'", mn, name);
    else
        wf_err_format(wf_exc_AttributeError, "module has no attribute '%U'", name);
    return om_attr_error_context(mod, name);
}

static Value module_repr(Value mod)
{
    Value mn = module_name(mod);
    Value d = as_module(mod)->dict;
    Value file = d ? wf_dict_get(d, WF_ID(__file__)) : 0;
    if (!mn)
        mn = wf_str_intern_c("?");
    if (file && wf_is_str(file))
        return wf_str_printf("<module %R from %R>", mn, file);
    if (wf_obj(mod)->ob_flags & MODF_BUILTIN)
        return wf_str_printf("<module %R (built-in)>", mn);
    return wf_str_printf("<module %R>", mn);
}

static Value module_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    ModuleObject *m = (ModuleObject *)wf_object_new_instance(type);
    m->dict = wf_dict_new();
    return wf_val(m);
}

static int module_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = { "name", "doc", NULL };
    Value name = 0, doc = 0;
    if (wf_parse_args("module", args, nargs, kwnames, "O|O", names, &name, &doc) < 0)
        return -1;
    if (!wf_is_str(name))
        return wf_err_format(wf_exc_TypeError, "module.__init__() argument 'name' must be str, not %s", wf_type_name(name)), -1;
    module_setup(as_module(self), name, doc);
    return 0;
}

static Value module_get_dict(Value mod)
{
    Value d = as_module(mod)->dict;
    return wf_incref(d ? d : wf_None);
}

static Value module_dir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value d = as_module(self)->dict;
    return d ? wf_dict_keys_list(d) : wf_list_new(0);
}

static const GetSetDef module_getset[] = {
    { "__dict__", module_get_dict, NULL },
    { NULL, NULL, NULL },
};

static const MethodDef module_methods[] = {
    { "__dir__", module_dir, 0, NULL },
    { NULL, NULL, 0, NULL },
};

static void module_dealloc(Object *o)
{
    ModuleObject *m = (ModuleObject *)o;
    wf_decref(m->name);
    /* LEAK: the dict; functions defined in the module may still use it as globals. */
    wf_object_free(o);
}

TypeObject wf_type_module = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "module",
    .tp_basicsize = sizeof(ModuleObject),
    .tp_dictoffset = offsetof(ModuleObject, dict),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattr = module_getattro,
    .tp_new = module_new,
    .tp_init = module_init,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
};

void wf_module_init_types(void)
{
    wf_type_ready(&wf_type_module);
}
