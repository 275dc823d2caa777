/* weft: the call specializations' helpers for instruction bodies. */
/* Builtin function / method descriptor objects -> their C entries, inline. */
#ifndef WF_SPEC_CALL_H
#define WF_SPEC_CALL_H

#include "objimpl.h"
#include "code.h"
#include "funcobject.h"

/* A call of code with n positional arguments needs no binding: they fill
 * the parameters exactly (no defaults used, no *args, **kwargs or kw-only
 * parameters), and it is not a generator function. */
static inline bool scall_code_exact(const CodeObject *co, int n)
{
    return co->argcount == n && co->kwonlyargcount == 0 &&
           !(co->flags & (WF_CO_VARARGS | WF_CO_VARKEYWORDS | WF_CO_GENERATOR));
}

/* f(*args) for a generator function f: the generator (args borrowed). */
static inline Value scall_make_generator(Value func, const Value *args, size_t nargs)
{
    Frame *f = wf_frame_new_heap(func, args, nargs, 0);
    return f ? wf_gen_new(f, func) : 0;
}

/* A builtin function's MethodDef (immutable after creation). */
static inline const MethodDef *scall_cfunc_def(Value callable)
{
    return ((CFunctionObject *)wf_obj(callable))->def;
}

/* callable(*args) for a builtin function: its C entry with its self,
 * what cfunc_call does (the eval loop's C stack was checked on entry, and
 * the callee's own calls go through wf_call's guard). */
static inline Value scall_cfunc_call(Value callable, const Value *args, size_t nargs)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(callable);
    return f->def->fn(f->self, args, nargs, 0);
}

static inline const MethodDef *scall_descr_def(Value callable)
{
    return ((MethodDescrObject *)wf_obj(callable))->def;
}

/* The instance check mdescr_call makes before handing obj to the C entry. */
static inline bool scall_descr_applies(Value callable, Value obj)
{
    return wf_isinstance_type(obj, ((MethodDescrObject *)wf_obj(callable))->d.d_type);
}

/* descr(args[0], *args[1:]) once scall_descr_applies(descr, args[0]). */
static inline Value scall_descr_call(Value callable, const Value *args, size_t nargs)
{
    return scall_descr_def(callable)->fn(args[0], args + 1, nargs - 1, 0);
}

/* isinstance(inst, cls): the exact-type hit inline (PyObject_IsInstance's
 * first test: it holds whatever cls's metaclass says), the rest as usual. */
static inline int scall_isinstance(Value inst, Value cls)
{
    if (wf_val(wf_type(inst)) == cls)
        return 1;
    return wf_isinstance(inst, cls);
}

#endif
