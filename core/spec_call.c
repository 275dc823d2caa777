/* weft: the specializers of calls. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include <string.h>
#include "specialize.h"
#include "opcodes.h"
#include "objimpl.h"
#include "funcobject.h"
#include "spec_call.h"

/*
 * CALL's forms and their caches (core/spec/call.def). The specializer sees
 * the callable and self_or_null of the current execution and picks:
 *
 *  1. A Python function (or a bound method object of one): its code object
 *     goes to units 1-4. Code objects are immortal and a function's code
 *     never changes, so the guard "callable is a function running this
 *     code" fixes the argument count, the flags and the frame size. The
 *     _EXACT_ARGS forms need no binding: oparg (+ self) == argcount and no
 *     *args / **kwargs / kw-only parameters; the _GENERAL forms bind as
 *     usual; CALL_PY_GENERATOR builds a generator function's generator
 *     (bound methods of generator functions stay generic).
 *     A site that misses with another exact-args function (one method
 *     overridden in subclasses) gets CALL_PY_EXACT_ARGS_POLY, which checks
 *     the code's shape instead of its identity.
 *  2. A builtin function: len and isinstance (with the right argument
 *     count) get their own forms, guarded on their MethodDef (static
 *     storage: the pointer names the C function for good, whatever object
 *     holds it); every other builtin function its C entry directly.
 *  3. A method descriptor of a builtin type (list.append ...): list.append
 *     on an exact list gets its own form (its MethodDef in units 1-4); the
 *     others call the descriptor's C entry after its instance check.
 *  4. type(x), str(x), tuple(x), and any other builtin class (a static
 *     type: immortal, immutable): the type object in units 1-4.
 *  5. A class whose metaclass is type, with object.__new__ and a Python
 *     __init__: its version in units 1-2, the __init__ (borrowed) in units
 *     3-6. The version is read before anything else, so a class changed
 *     while this runs has moved past it and the guard fails.
 *
 * Nothing here runs Python code or leaves an error set: the lookups below
 * read immutable fields of the callable (function code, method func/self,
 * MethodDef) and the builtin module's identity.
 */

/* Why a CALL stayed generic (PYTHON_SPECIALIZATION_STATS's reasons). */
enum {
    SCALL_FAIL_OTHER,        /* a callable kind with no form */
    SCALL_FAIL_GENERATOR,    /* a bound method of a generator function */
    SCALL_FAIL_DESCR_FLAGS,  /* a static/class method descriptor */
    SCALL_FAIL_CLASS,        /* a class with a metaclass, __new__, or a C __init__ */
    SCALL_FAIL_VERSION,      /* a class without a version (the counter ran out) */
};

/* The units of CALL's cache after the counter (core/spec/call.def). */
#define SCALL_PTR 2   /* instr[2..5]: code / MethodDef / type pointer */

static void scall_install(CodeUnit *instr, int op, const void *ptr)
{
    wf_cache_write_ptr(instr + SCALL_PTR, ptr);
    wf_spec_success(instr, op);
    WF_SPEC_STAT(OP_CALL, WF_SPEC_STAT_SUCCESS);
}

/* The forms for a Python function (or a bound method's function) called
 * with n arguments; poly and gen are -1 where there is no such form. The
 * cache still holds the code of the form that missed (or another form's
 * pointer, or 0 on the first attempt): another exact-args code there means
 * a polymorphic site. */
typedef struct ScallPyForms { int exact, poly, general, gen; } ScallPyForms;

static void scall_python(CodeUnit *instr, Value func, int n, ScallPyForms forms)
{
    CodeObject *co = wf_as_code(wf_as_func(func)->code);
    const void *prev = wf_cache_read_ptr(instr + SCALL_PTR);
    int op = forms.general;
    if (co->flags & WF_CO_GENERATOR)
        op = forms.gen;
    else if (scall_code_exact(co, n))
        op = forms.poly >= 0 && prev && prev != co ? forms.poly : forms.exact;
    if (op < 0)
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_GENERATOR);
    else
        scall_install(instr, op, co);
}

/* A module function of builtins named name (its MethodDef is then that
 * function's, for the life of the process). */
static bool scall_is_builtin(CFunctionObject *f, const char *name)
{
    return !f->self && f->module && wf_module_dict(f->module) == wf_builtins_dict &&
           strcmp(f->def->name, name) == 0;
}

static void scall_builtin(CodeUnit *instr, Value callable, Value self_or_null, int oparg)
{
    CFunctionObject *f = (CFunctionObject *)wf_obj(callable);
    if (!self_or_null && oparg == 1 && scall_is_builtin(f, "len"))
        scall_install(instr, OP_CALL_LEN, f->def);
    else if (!self_or_null && oparg == 2 && scall_is_builtin(f, "isinstance"))
        scall_install(instr, OP_CALL_ISINSTANCE, f->def);
    else
        scall_install(instr, OP_CALL_BUILTIN_FAST, NULL);
}

static void scall_descr(CodeUnit *instr, Value callable, Value self_or_null, int oparg)
{
    MethodDescrObject *d = (MethodDescrObject *)wf_obj(callable);
    if (d->def->flags & (WF_METH_STATIC | WF_METH_CLASS)) {
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_DESCR_FLAGS);
        return;
    }
    if (self_or_null && oparg == 1 && d->d.d_type == &wf_type_list && wf_is_list_exact(self_or_null) &&
        strcmp(d->def->name, "append") == 0)
        scall_install(instr, OP_CALL_LIST_APPEND, d->def);
    else
        scall_install(instr, OP_CALL_METHOD_DESCRIPTOR_FAST, NULL);
}

/* cls(args) with object.__new__ and a Python __init__ (what the generic
 * CALL runs inline, ceval_class_init). */
static void scall_alloc_init(CodeUnit *instr, TypeObject *t)
{
    /* first: a change after this read gives t another version */
    uint32_t version = wf_type_version(t);
    if (!version) {
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_VERSION);
        return;
    }
    Value init = 0;
    if (t->tp_new == wf_type_object.tp_new && (t->tp_flags & WF_TPF_HEAPTYPE)) {
        init = wf_type_lookup(t, WF_ID(__init__));
        if (!init)
            wf_err_clear();
    }
    if (!init || !wf_is_function(init) || (wf_as_code(wf_as_func(init)->code)->flags & WF_CO_GENERATOR)) {
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_CLASS);
        return;
    }
    wf_cache_write32(instr + 2, version);
    wf_cache_write_ptr(instr + 4, (const void *)init);
    wf_spec_success(instr, OP_CALL_ALLOC_AND_ENTER_INIT);
    WF_SPEC_STAT(OP_CALL, WF_SPEC_STAT_SUCCESS);
}

/* type(x), str(x), tuple(x), other builtin classes, and classes with a
 * Python __init__. */
static void scall_class(CodeUnit *instr, Value callable, Value self_or_null, int oparg)
{
    TypeObject *t = (TypeObject *)wf_obj(callable);
    int op = -1;
    if (!self_or_null && oparg == 1)
        op = t == &wf_type_type ? OP_CALL_TYPE_1 : t == &wf_type_str ? OP_CALL_STR_1
           : t == &wf_type_tuple ? OP_CALL_TUPLE_1 : -1;
    if (op >= 0)
        scall_install(instr, op, t);
    else if (self_or_null || wf_obj(callable)->ob_type != &wf_type_type)
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_CLASS);
    else if (!(t->tp_flags & WF_TPF_HEAPTYPE))
        scall_install(instr, OP_CALL_BUILTIN_CLASS, t);
    else
        scall_alloc_init(instr, t);
}

void wf_specialize_call(Value callable, Value self_or_null, CodeUnit *instr, int oparg)
{
    int n = oparg + (self_or_null != 0);
    if (wf_is_function(callable)) {
        scall_python(instr, callable, n, (ScallPyForms){ OP_CALL_PY_EXACT_ARGS, OP_CALL_PY_EXACT_ARGS_POLY,
                                                         OP_CALL_PY_GENERAL, OP_CALL_PY_GENERATOR });
    } else if (!self_or_null && wf_is_type_exact(callable, &wf_type_method) &&
               wf_is_function(((MethodObject *)wf_obj(callable))->func)) {
        scall_python(instr, ((MethodObject *)wf_obj(callable))->func, n + 1,
                     (ScallPyForms){ OP_CALL_BOUND_METHOD_EXACT_ARGS, -1, OP_CALL_BOUND_METHOD_GENERAL, -1 });
    } else if (wf_is_type_exact(callable, &wf_type_builtin_function)) {
        scall_builtin(instr, callable, self_or_null, oparg);
    } else if (wf_is_type_exact(callable, &wf_type_method_descr) && n >= 1) {
        scall_descr(instr, callable, self_or_null, oparg);
    } else if (wf_is_obj(callable) && wf_is_type(callable)) {
        scall_class(instr, callable, self_or_null, oparg);
    } else {
        wf_spec_fail(instr, OP_CALL, SCALL_FAIL_OTHER);
    }
}
