/* weft: the tier-1 interpreter. */
/* Frame + bytecode (cases generated from core/bytecodes.def) -> result or exception. */
#define _GNU_SOURCE 1   /* pthread_getattr_np */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "weft.h"
#include "ceval.h"
#include "runtime.h"
#include "opcodes.h"
#include "dict.h"
#include "seq.h"
#include "spec_attr.h"
#include "specialize.h"
#include "spec_ops.h"
#include "attrslot.h"
#include "spec_iter.h"
#include "sync/eval_breaker.h"
#include "spec_call.h"

/* The eval loop's reference counting, forced inline: GCC otherwise outlines
 * the immortal check and the decrement of object.h's versions into a call
 * per use in the (huge) eval function. Same semantics as object.h (biased
 * counts: the owner's path is a compare and an add). This thread's id comes
 * from CEVAL_TID: the thread-local variable, except inside wf_eval_frame
 * and wf_uop_run, where it is the local eval_tid (the thread-local costs an
 * address computation in the position-independent core library). */
#define CEVAL_TID wf_tid_current
static inline __attribute__((always_inline)) Value ceval_incref(Value v, uintptr_t tid)
{
    if (wf_is_obj(v)) {
        Object *o = wf_obj(v);
        if (WF_LIKELY(wf_object_tid(o) == tid))   /* never immortal (object.h rule 1) */
            __atomic_store_n(&o->ob_ref_local, wf_refcnt_local(o) + 1, __ATOMIC_RELAXED);
        else if (wf_refcnt_local(o) != WF_IMMORTAL_REFCNT)
            atomic_fetch_add_explicit(&o->ob_ref_shared, (intptr_t)1 << WF_REF_SHARED_SHIFT,
                                      memory_order_relaxed);
    }
    return v;
}
static inline __attribute__((always_inline)) void ceval_decref(Value v, uintptr_t tid)
{
    if (wf_is_obj(v)) {
        Object *o = wf_obj(v);
        if (WF_LIKELY(wf_object_tid(o) == tid)) {   /* never immortal (object.h rule 1) */
            uint32_t local = wf_refcnt_local(o);
            WF_ASSERT(local > 0 && local != WF_IMMORTAL_REFCNT);
            __atomic_store_n(&o->ob_ref_local, local - 1, __ATOMIC_RELAXED);
            if (local == 1)
                wf_object_merge_zero_local(o);
        } else if (wf_refcnt_local(o) != WF_IMMORTAL_REFCNT) {
            wf_object_decref_shared(o);
        }
    }
}
#define wf_incref(v) ceval_incref((v), CEVAL_TID)
#define wf_decref(v) ceval_decref((v), CEVAL_TID)

/*
 * Frames live on the thread's data stack: one big anonymous mapping reserved
 * lazily (pages are committed by the kernel as they are touched). Python to
 * Python calls push a frame there and continue in the same C loop; only calls
 * from C (wf_function_call, generators, class bodies) enter wf_eval_frame
 * recursively, and those are bounded by the C stack check below.
 */
#define DATASTACK_SIZE ((size_t)256 << 20)
#define C_STACK_BUDGET ((size_t)6 << 20)

#define C_STACK_MARGIN ((size_t)512 << 10)

static _Thread_local char *ceval_c_stack_base;
static _Thread_local char *ceval_c_stack_limit;

static void datastack_init(ThreadState *ts)
{
    void *p = mmap(NULL, DATASTACK_SIZE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        WF_DIE("mmap of the frame data stack failed", errno);
    ts->datastack_base = ts->datastack_top = p;
    ts->datastack_limit = (char *)p + DATASTACK_SIZE;
}

static Value ceval_recursion_error(void)
{
    return wf_err_set_str(wf_exc_RecursionError, "maximum recursion depth exceeded");
}

static void frame_init(ThreadState *ts, Frame *f, CodeObject *co, Value func, Value globals,
                       Value builtins, int owner)
{
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = 0;
    f->previous = NULL;
    f->bytecode = f->instr = wf_code_bytecode(co, ts);
    f->owner = (uint8_t)owner;
    f->state = WF_FRAME_CREATED;
    f->is_entry = 0;
    f->is_init = 0;
    memset(f->localsplus, 0, sizeof(Value) * (size_t)co->nlocalsplus);
    f->stack_top = f->localsplus + co->nlocalsplus;
}

/* frame_alloc's rare cases: the data stack not mapped yet (then retried),
 * recursion too deep, the data stack full. */
static Frame *frame_alloc_slow(ThreadState *ts, CodeObject *co)
{
    if (!ts->datastack_base) {
        datastack_init(ts);
        size_t size = (co->framesize + 15) & ~(size_t)15;
        if (ts->recursion_depth < wf_recursion_limit &&
            (uintptr_t)ts->datastack_top + size <= (uintptr_t)ts->datastack_limit) {
            Frame *f = (Frame *)ts->datastack_top;
            ts->datastack_top += size;
            ts->recursion_depth++;
            return f;
        }
    }
    ceval_recursion_error();
    return NULL;
}

/* A frame on the data stack; counts one level of Python recursion. (Before
 * the data stack is mapped, top and limit are both NULL: the size test
 * fails and the slow path maps it.) */
static inline __attribute__((always_inline)) Frame *frame_alloc(ThreadState *ts, CodeObject *co)
{
    size_t size = (co->framesize + 15) & ~(size_t)15;
    if (WF_UNLIKELY(ts->recursion_depth >= wf_recursion_limit ||
                    (uintptr_t)ts->datastack_top + size > (uintptr_t)ts->datastack_limit))
        return frame_alloc_slow(ts, co);
    Frame *f = (Frame *)ts->datastack_top;
    ts->datastack_top += size;
    ts->recursion_depth++;
    return f;
}

/* tid: this thread's id (the caller's ts->tid, cheaper than the thread-local). */
static void frame_clear_tid(Frame *f, uintptr_t tid)
{
    Value *sp = f->stack_top;
    Value *p = f->localsplus;
    while (sp > p)
        ceval_decref(*--sp, tid);
    f->stack_top = f->localsplus;
    wf_setref(&f->locals, 0);
}

void wf_frame_clear(Frame *f)
{
    frame_clear_tid(f, wf_tid_current);
}

static void frame_pop(ThreadState *ts, Frame *f)
{
    frame_clear_tid(f, ts->tid);
    ceval_decref(f->func, ts->tid);
    ts->datastack_top = (char *)f;
    ts->recursion_depth--;
}

/* frame_pop inline, for RETURN_VALUE in the eval loop (same order:
 * the value stack and then the locals, top down). */
static inline __attribute__((always_inline)) void frame_pop_return(ThreadState *ts, Frame *f)
{
    uintptr_t tid = ts->tid;
    Value *sp = f->stack_top, *p = f->localsplus;
    while (sp > p)
        ceval_decref(*--sp, tid);
    if (WF_UNLIKELY(f->locals))
        wf_setref(&f->locals, 0);
    f->stack_top = f->localsplus;
    ceval_decref(f->func, tid);
    ts->datastack_top = (char *)f;
    ts->recursion_depth--;
}

int wf_frame_lineno(Frame *f)
{
    return wf_code_line(f->code, wf_frame_offset_before(f, f->instr));
}

/* ---- argument binding ---- */

/* "f()" / "A.f()" for error messages (CPython's _PyObject_FunctionStr). */
static Value ceval_func_str(Value callee)
{
    if (wf_is_type_exact(callee, &wf_type_method))
        callee = ((MethodObject *)wf_obj(callee))->func;
    Value q = wf_getattr_opt(callee, WF_ID(__qualname__));
    if (!q) {
        wf_err_clear();
        return wf_str_printf("%T object", callee);
    }
    Value m = wf_getattr_opt(callee, WF_ID(__module__));
    wf_err_clear();
    Value r;
    if (m && wf_is_str(m) && !wf_str_eq_c(m, "builtins"))
        r = wf_str_printf("%U.%U()", m, q);
    else
        r = wf_str_printf("%U()", q);
    wf_decref(m);
    wf_decref(q);
    return r;
}

static Value bind_names_list(Value *names, size_t n)
{
    /* 'a' / 'a' and 'b' / 'a', 'b', and 'c' */
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            wf_sb_add_c(&sb, n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
        wf_sb_add_char(&sb, '\'');
        wf_sb_add_str(&sb, names[i]);
        wf_sb_add_char(&sb, '\'');
    }
    return wf_sb_finish(&sb);
}

static int bind_missing(FunctionObject *fn, Value *locals, int start, int end, const char *kind,
                        int check_defaults)
{
    CodeObject *co = wf_as_code(fn->code);
    Value names[256];
    size_t n = 0;
    for (int i = start; i < end; i++)
        if (locals[i] == 0 && n < 256)
            names[n++] = wf_tuple_get(co->varnames, i);
    if (n == 0)
        return 0;
    Value list = bind_names_list(names, n);
    wf_err_format(wf_exc_TypeError, "%U() missing %zu required %s argument%s: %U", fn->qualname, n,
                  kind, n == 1 ? "" : "s", list);
    wf_decref(list);
    (void)check_defaults;
    return -1;
}

static int bind_too_many(FunctionObject *fn, Value *locals, size_t given)
{
    CodeObject *co = wf_as_code(fn->code);
    Value defs = wf_attrslot_load(&fn->defaults);   /* __defaults__ may be replaced meanwhile */
    size_t ndef = defs ? wf_tuple_size(defs) : 0;
    size_t kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (locals[i])
            kwonly_given++;
    char takes[96];
    if (ndef)
        snprintf(takes, sizeof takes, "from %zu to %d positional arguments", co->argcount - ndef, co->argcount);
    else
        snprintf(takes, sizeof takes, "%d positional argument%s", co->argcount, co->argcount == 1 ? "" : "s");
    if (kwonly_given)
        wf_err_format(wf_exc_TypeError,
                      "%U() takes %s but %zu positional argument%s (and %zu keyword-only argument%s) were given",
                      fn->qualname, takes, given, given == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
    else
        wf_err_format(wf_exc_TypeError, "%U() takes %s but %zu %s given", fn->qualname, takes, given,
                      given == 1 ? "was" : "were");
    return -1;
}

static int bind_keyword(FunctionObject *fn, Value *locals, Value kwdict, Value name, Value value)
{
    CodeObject *co = wf_as_code(fn->code);
    if (!wf_is_str(name)) {
        wf_err_format(wf_exc_TypeError, "%U() keywords must be strings", fn->qualname);
        return -1;
    }
    int total = co->argcount + co->kwonlyargcount;
    int j;
    for (j = co->posonlyargcount; j < total; j++)
        if (wf_tuple_get(co->varnames, j) == name)
            break;
    if (j == total)
        for (j = co->posonlyargcount; j < total; j++)
            if (wf_str_eq(wf_tuple_get(co->varnames, j), name))
                break;
    if (j < total) {
        if (locals[j]) {
            wf_err_format(wf_exc_TypeError, "%U() got multiple values for argument '%U'", fn->qualname, name);
            return -1;
        }
        locals[j] = wf_incref(value);
        return 0;
    }
    if (kwdict)
        return wf_dict_set(kwdict, name, value);
    for (j = 0; j < co->posonlyargcount; j++)
        if (wf_str_eq(wf_tuple_get(co->varnames, j), name)) {
            wf_err_format(wf_exc_TypeError,
                          "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                          fn->qualname, name);
            return -1;
        }
    wf_err_format(wf_exc_TypeError, "%U() got an unexpected keyword argument '%U'", fn->qualname, name);
    return -1;
}

static int bind_defaults(FunctionObject *fn, Value *locals, size_t nargs)
{
    CodeObject *co = wf_as_code(fn->code);
    /* One load of each: another thread may replace __defaults__ or
     * __kwdefaults__ during the call (the old one is freed deferred). */
    Value defs = wf_attrslot_load(&fn->defaults);
    Value kwdefs = wf_attrslot_load(&fn->kwdefaults);
    size_t ndef = defs ? wf_tuple_size(defs) : 0;
    int first_def = co->argcount - (int)ndef;
    for (int i = (int)nargs; i < co->argcount; i++)
        if (!locals[i] && i >= first_def)
            locals[i] = wf_incref(wf_tuple_get(defs, i - first_def));
    if (bind_missing(fn, locals, (int)nargs < co->argcount ? (int)nargs : co->argcount, co->argcount,
                     "positional", 1) < 0)
        return -1;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (locals[i] || !kwdefs)
            continue;
        Value d = wf_dict_get(kwdefs, wf_tuple_get(co->varnames, i));
        if (d)
            locals[i] = wf_incref(d);
    }
    return bind_missing(fn, locals, co->argcount, co->argcount + co->kwonlyargcount, "keyword-only", 0);
}

/* Fill a new frame's parameters from a vectorcall argument list (borrowed). */
static int bind_args(Frame *f, FunctionObject *fn, const Value *args, size_t nargs, Value kwnames)
{
    CodeObject *co = f->code;
    Value *locals = f->localsplus;
    int total = co->argcount + co->kwonlyargcount;
    Value kwdict = 0;
    if (co->flags & WF_CO_VARKEYWORDS) {
        kwdict = wf_dict_new();
        locals[total + !!(co->flags & WF_CO_VARARGS)] = kwdict;
    }
    size_t n = nargs < (size_t)co->argcount ? nargs : (size_t)co->argcount;
    for (size_t i = 0; i < n; i++)
        locals[i] = wf_incref(args[i]);
    if (co->flags & WF_CO_VARARGS)
        locals[total] = nargs > n ? wf_tuple_from_array(args + n, nargs - n) : wf_incref(wf_empty_tuple);
    if (kwnames) {
        size_t nkw = wf_tuple_size(kwnames);
        for (size_t i = 0; i < nkw; i++)
            if (bind_keyword(fn, locals, kwdict, wf_tuple_get(kwnames, i), args[nargs + i]) < 0)
                return -1;
    }
    if (nargs > (size_t)co->argcount && !(co->flags & WF_CO_VARARGS))
        return bind_too_many(fn, locals, nargs);
    if (nargs < (size_t)co->argcount || co->kwonlyargcount)
        return bind_defaults(fn, locals, nargs);
    return 0;
}

/* Cells start from their parameter (if any); free variables come from the closure. */
static void frame_init_cells(Frame *f, FunctionObject *fn)
{
    CodeObject *co = f->code;
    for (int i = 0; i < co->ncells; i++) {
        int a = co->cell2arg[i];
        Value cell = wf_cell_new(a >= 0 ? f->localsplus[a] : 0);
        if (a >= 0)
            wf_setref(&f->localsplus[a], 0);
        f->localsplus[co->nlocals + i] = cell;
    }
    for (int i = 0; i < co->nfree; i++)
        f->localsplus[co->nlocals + co->ncells + i] = wf_incref(wf_tuple_get(fn->closure, i));
}

/* The header of a frame for a Python function's call (func: a reference
 * the frame takes). */
static inline __attribute__((always_inline)) void frame_init_head(ThreadState *ts, Frame *f, CodeObject *co,
                                                                  Value func)
{
    FunctionObject *fn = wf_as_func(func);
    f->code = co;
    f->func = func;
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = 0;
    f->previous = NULL;
    f->bytecode = f->instr = wf_code_bytecode(co, ts);
    f->owner = WF_FRAME_OWNED_BY_THREAD;
    f->state = WF_FRAME_CREATED;
    f->is_entry = 0;
    f->is_init = 0;
}

/* frame_init for nargs arguments that fill the parameters exactly (moved
 * into the frame, references and all): only the slots after them are
 * cleared. */
static inline __attribute__((always_inline)) void frame_init_exact(ThreadState *ts, Frame *f, CodeObject *co,
                                                                   Value func, Value *args, size_t nargs)
{
    frame_init_head(ts, f, co, func);
    /* plain loops: a few slots, cheaper than calls of memcpy and memset
     * (the empty asm keeps GCC from turning the loops back into them) */
    Value *p = f->localsplus, *end = p + co->nlocalsplus;
    for (size_t i = 0; i < nargs; i++) {
        __asm__("" : "+r"(i));
        p[i] = args[i];
    }
    for (p += nargs; p < end; p++) {
        __asm__("" : "+r"(p));
        *p = 0;
    }
    f->stack_top = end;
}

/* Push and bind a frame for a Python function. Steals func and the nargs +
 * len(kwnames) argument values (also on failure). */
static Frame *ceval_push_frame(ThreadState *ts, Value func, Value *args, size_t nargs, Value kwnames)
{
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    size_t total = nargs + (kwnames ? wf_tuple_size(kwnames) : 0);
    Frame *f = frame_alloc(ts, co);
    if (!f) {
        wf_decref(func);
        for (size_t i = 0; i < total; i++)
            wf_decref(args[i]);
        return NULL;
    }
    int simple = !kwnames && nargs == (size_t)co->argcount &&
                 !(co->flags & (WF_CO_VARARGS | WF_CO_VARKEYWORDS)) && co->kwonlyargcount == 0;
    if (simple) {
        frame_init_exact(ts, f, co, func, args, nargs);
    } else {
        frame_init(ts, f, co, func, fn->globals, fn->builtins, WF_FRAME_OWNED_BY_THREAD);
        int err = bind_args(f, fn, args, nargs, kwnames);
        for (size_t i = 0; i < total; i++)
            wf_decref(args[i]);
        if (err < 0) {
            frame_pop(ts, f);
            return NULL;
        }
    }
    if (co->ncells || co->nfree)
        frame_init_cells(f, fn);
    return f;
}

/* ceval_push_frame for the generic CALL: the common case (positional
 * arguments that fill the parameters exactly, co->simple_nargs) inline. */
static inline __attribute__((always_inline)) Frame *ceval_push_frame_call(ThreadState *ts, Value func, CodeObject *co,
                                                                          Value *args, size_t nargs)
{
    if (WF_LIKELY((intptr_t)nargs == co->simple_nargs)) {
        Frame *f = frame_alloc(ts, co);
        if (WF_UNLIKELY(f == NULL)) {
            wf_decref(func);
            for (size_t i = 0; i < nargs; i++)
                wf_decref(args[i]);
            return NULL;
        }
        frame_init_exact(ts, f, co, func, args, nargs);
        return f;
    }
    return ceval_push_frame(ts, func, args, nargs, 0);   /* binds defaults, *args, cells */
}

/* ceval_push_frame for the CALL_*_EXACT_ARGS forms, whose guards checked
 * that the nargs arguments fill the parameters exactly: no binding. */
static inline Frame *ceval_push_frame_exact(ThreadState *ts, Value func, Value *args, size_t nargs)
{
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    Frame *f = frame_alloc(ts, co);
    if (WF_UNLIKELY(!f)) {
        wf_decref(func);
        for (size_t i = 0; i < nargs; i++)
            wf_decref(args[i]);
        return NULL;
    }
    frame_init_exact(ts, f, co, func, args, nargs);
    if (co->ncells || co->nfree)
        frame_init_cells(f, fn);
    return f;
}

Frame *wf_frame_new_heap(Value func, const Value *args, size_t nargs, Value kwnames)
{
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    Frame *f = wf_mem_alloc_small(co->framesize);   /* per-thread free lists: gen_dealloc */
    frame_init(wf_tstate(), f, co, wf_incref(func), fn->globals, fn->builtins, WF_FRAME_OWNED_BY_GENERATOR);
    if (bind_args(f, fn, args, nargs, kwnames) < 0) {
        wf_frame_clear(f);
        wf_decref(f->func);
        wf_mem_free_small(f);
        return NULL;
    }
    if (co->ncells || co->nfree)
        frame_init_cells(f, fn);
    return f;
}

/* ---- helpers of the instruction bodies ---- */

/* cls(args) for a class whose metaclass is `type`, whose __new__ is
 * object.__new__ and whose __init__ is a Python function: the __init__ to run
 * inline (new reference), else 0 (then wf_type_call decides). */
static Value ceval_class_init(Value cls)
{
    TypeObject *t = (TypeObject *)wf_obj(cls);   /* an exact `type` instance */
    if (t->tp_new != wf_type_object.tp_new || !(t->tp_flags & WF_TPF_HEAPTYPE))
        return 0;
    Value init = om_type_lookup(t, WF_ID(__init__));
    if (!init || !wf_is_function(init) || (wf_as_code(wf_as_func(init)->code)->flags & WF_CO_GENERATOR)) {
        wf_err_clear();
        return 0;
    }
    return wf_incref(init);
}


static int ceval_unbound_local(Frame *f, int idx)
{
    wf_err_format(wf_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated with a value",
                  wf_tuple_get(f->code->varnames, idx));
    return 1;
}

static Value ceval_deref_name(CodeObject *co, int idx)
{
    idx -= co->nlocals;
    if (idx < co->ncells)
        return wf_tuple_get(co->cellvars, idx);
    return wf_tuple_get(co->freevars, idx - co->ncells);
}

static int ceval_unbound_deref(Frame *f, int idx)
{
    CodeObject *co = f->code;
    Value name = ceval_deref_name(co, idx);
    if (idx - co->nlocals < co->ncells)
        wf_err_format(wf_exc_UnboundLocalError,
                      "cannot access local variable '%U' where it is not associated with a value", name);
    else
        wf_err_format(wf_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value in enclosing scope",
                      name);
    return 1;
}

static Value ceval_name_error(Value name)
{
    return wf_err_format(wf_exc_NameError, "name '%U' is not defined", name);
}

/* Mapping lookup that tells "absent" (0, no exception) from errors. */
static Value ceval_mapping_get(Value map, Value key)
{
    if (wf_is_dict(map)) {
        Value v = wf_dict_get(map, key);
        return v ? wf_incref(v) : 0;
    }
    Value v = wf_getitem(map, key);
    if (!v && wf_err_matches(wf_exc_KeyError))
        wf_err_clear();
    return v;
}

/* Where the generic LOAD_GLOBAL last found a name, per thread (the
 * specializer's LOAD_GLOBAL_MODULE / _BUILTIN facts, kept in a small hashed
 * table instead of the instruction's cache). An entry is only a hint:
 * every use re-checks the key at the entry index (wf_dict_value_at_hint),
 * and a builtin also that the globals' keys version is the one read before
 * the name was seen absent from them (dict.h K1-K3), so a stale or
 * colliding entry only misses. */
typedef struct GlobalHint {
    Value globals, name;
    Value builtins;     /* 0: the name is in globals */
    uint32_t globals_kv, ix;
} GlobalHint;
#define GLOBAL_HINT_BITS 8
static _Thread_local GlobalHint global_hints[1 << GLOBAL_HINT_BITS];

static inline GlobalHint *global_hint(Value globals, Value name)
{
    uintptr_t h = (uintptr_t)wf_dict_str_hash(name) ^ ((uintptr_t)globals >> 6);
    return &global_hints[h & ((1u << GLOBAL_HINT_BITS) - 1)];
}

/* After a generic lookup found name (exact dicts): remember where. */
static void global_hint_fill(Value globals, Value builtins, Value name)
{
    GlobalHint *e = global_hint(globals, name);
    uint32_t kv = 0;
    intptr_t ix = wf_dict_hint_of(globals, name);
    if (ix >= 0) {
        builtins = 0;
    } else {
        /* absent from globals: as of a keys version read before looking again */
        kv = wf_dict_keys_version(globals);
        if (kv == 0 || wf_dict_hint_of(globals, name) >= 0 || (ix = wf_dict_hint_of(builtins, name)) < 0)
            return;
    }
    e->globals = globals;
    e->name = name;
    e->builtins = builtins;
    e->globals_kv = kv;
    e->ix = (uint32_t)ix;
}

/* The value the hint table remembers for name (borrowed), or 0 (no
 * entry, a stale one, or a non-dict namespace). */
static inline Value ceval_global_hinted(Frame *f, Value name)
{
    if (WF_LIKELY(wf_is_type_exact(f->globals, &wf_type_dict))) {
        GlobalHint *e = global_hint(f->globals, name);
        if (e->globals == f->globals && e->name == name) {
            if (!e->builtins)
                return wf_dict_value_at_hint(wf_as_dict(f->globals), e->ix, name);
            if (e->builtins == f->builtins &&
                wf_dict_keys_version_now(wf_as_dict(f->globals)) == e->globals_kv)
                return wf_dict_value_at_hint(wf_as_dict(f->builtins), e->ix, name);
        }
    }
    return 0;
}

/* Generic LOAD_GLOBAL (name: an exact str of co_names): a hinted value
 * inline, the lookups out of line. */
static Value ceval_load_global_slow(Frame *f, Value name);
static inline Value ceval_load_global(Frame *f, Value name)
{
    Value v = ceval_global_hinted(f, name);
    if (WF_LIKELY(v != 0))
        return wf_incref(v);
    return ceval_load_global_slow(f, name);
}

static Value ceval_load_global_slow(Frame *f, Value name)
{
    /* the common case: exact dicts and a str name, probed inline */
    if (WF_LIKELY(wf_is_str_exact(name) && wf_is_type_exact(f->globals, &wf_type_dict))) {
        Value v = wf_dict_get_name(f->globals, name);
        if (v) {
            global_hint_fill(f->globals, f->builtins, name);
            return wf_incref(v);
        }
        if (wf_err_occurred())
            return 0;
        if (wf_is_type_exact(f->builtins, &wf_type_dict)) {
            v = wf_dict_get_name(f->builtins, name);
            if (v) {
                global_hint_fill(f->globals, f->builtins, name);
                return wf_incref(v);
            }
            if (wf_err_occurred())
                return 0;
            return ceval_name_error(name);
        }
    }
    Value v = wf_dict_get(f->globals, name);
    if (v)
        return wf_incref(v);
    if (wf_err_occurred())
        return 0;
    v = ceval_mapping_get(f->builtins, name);
    if (v || wf_err_occurred())
        return v;
    return ceval_name_error(name);
}

static Value ceval_load_name(Frame *f, Value name)
{
    if (f->locals) {
        Value v = ceval_mapping_get(f->locals, name);
        if (v || wf_err_occurred())
            return v;
    }
    return ceval_load_global(f, name);
}

static int ceval_store_name(Frame *f, Value name, Value v)
{
    if (!f->locals) {
        wf_err_format(wf_exc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (wf_is_dict(f->locals))
        return wf_dict_set(f->locals, name, v);
    return wf_setitem(f->locals, name, v);
}

static int ceval_delete_name(Frame *f, Value name)
{
    if (!f->locals) {
        wf_err_format(wf_exc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    int r = wf_is_dict(f->locals) ? wf_dict_del(f->locals, name) : wf_delitem(f->locals, name);
    if (r < 0 && wf_err_matches(wf_exc_KeyError)) {
        wf_err_clear();
        ceval_name_error(name);
    }
    return r;
}

static int ceval_delete_global(Frame *f, Value name)
{
    int r = wf_dict_del(f->globals, name);
    if (r < 0 && wf_err_matches(wf_exc_KeyError)) {
        wf_err_clear();
        ceval_name_error(name);
    }
    return r;
}

static Value ceval_load_classderef(Frame *f, int idx)
{
    Value name = ceval_deref_name(f->code, idx);
    if (f->locals) {
        Value v = ceval_mapping_get(f->locals, name);
        if (v || wf_err_occurred())
            return v;
    }
    Value v = wf_cell_get((CellObject *)wf_obj(f->localsplus[idx]));
    if (!v) {
        ceval_unbound_deref(f, idx);
        return 0;
    }
    return wf_incref(v);
}

static inline int ceval_truthy(Value v)
{
    if (v == wf_True)
        return 1;
    if (v == wf_False || v == wf_None)
        return 0;
    if (wf_is_small(v))
        return v != wf_small(0);
    return wf_truthy(v);
}

static inline int ceval_small_compare(intptr_t x, intptr_t y, int op)
{
    switch (op) {
    case WF_LT: return x < y;
    case WF_LE: return x <= y;
    case WF_EQ: return x == y;
    case WF_NE: return x != y;
    case WF_GT: return x > y;
    default: return x >= y;
    }
}

/* Two tagged ints: true with *res set, or false when the slow path must
 * decide (overflow, division by zero, shifts). + - * & | ^ work on the
 * tagged words themselves (spec_ops.h). */
static inline bool ceval_small_binop(Value a, Value b, int oparg, Value *res)
{
    intptr_t x = wf_small_val(a), y = wf_small_val(b), r;
    switch (oparg & ~WF_BINOP_INPLACE) {
    case WF_BINOP_ADD:
        return wf_spec_small_add(a, b, res);
    case WF_BINOP_SUB:
        return wf_spec_small_sub(a, b, res);
    case WF_BINOP_MUL:
        return wf_spec_small_mul(a, b, res);
    case WF_BINOP_AND:
        *res = a & b;   /* (2x+1) & (2y+1) = 2(x&y)+1 */
        return true;
    case WF_BINOP_OR:
        *res = a | b;
        return true;
    case WF_BINOP_XOR:
        *res = (a ^ b) | 1;
        return true;
    case WF_BINOP_FLOORDIV:
        if (y == 0)
            return false;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0)))
            r--;
        break;
    case WF_BINOP_MOD:
        if (y == 0)
            return false;
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0)))
            r += y;
        break;
    case WF_BINOP_RSHIFT:
        if (y < 0)
            return false;
        *res = wf_small(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        return true;
    default:
        return false;
    }
    if (!wf_fits_small(r))
        return false;
    *res = wf_small(r);
    return true;
}

#define CEVAL_EXACT_DOUBLE ((intptr_t)1 << 53)

/* A float or a small int that converts to a double exactly. */
static inline bool ceval_as_double(Value v, double *out)
{
    if (wf_is_small(v)) {
        intptr_t i = wf_small_val(v);
        if (i > CEVAL_EXACT_DOUBLE || i < -CEVAL_EXACT_DOUBLE)
            return false;
        *out = (double)i;
        return true;
    }
    if (wf_is_float_exact(v)) {
        *out = wf_float_val(v);
        return true;
    }
    return false;
}

static Value ceval_binop(Value a, Value b, int oparg)
{
    int op = oparg & ~WF_BINOP_INPLACE;
    double x, y;
    if ((wf_is_float_exact(a) || wf_is_float_exact(b) || op == WF_BINOP_TRUEDIV) &&
        ceval_as_double(a, &x) && ceval_as_double(b, &y)) {
        switch (op) {
        case WF_BINOP_ADD: return wf_float_new(x + y);
        case WF_BINOP_SUB: return wf_float_new(x - y);
        case WF_BINOP_MUL: return wf_float_new(x * y);
        case WF_BINOP_TRUEDIV:
            if (y != 0.0)
                return wf_float_new(x / y);
            break;
        default:
            break;
        }
    }
    if (oparg & WF_BINOP_INPLACE)
        return wf_inplace(a, b, op);
    return wf_binop(a, b, op);
}

static Value ceval_compare(Value a, Value b, int op)
{
    if (wf_is_float_exact(a) && wf_is_float_exact(b)) {
        double x = wf_float_val(a), y = wf_float_val(b);
        switch (op) {
        case WF_LT: return wf_bool(x < y);
        case WF_LE: return wf_bool(x <= y);
        case WF_EQ: return wf_bool(x == y);
        case WF_NE: return wf_bool(x != y);
        case WF_GT: return wf_bool(x > y);
        default: return wf_bool(x >= y);
        }
    }
    if (wf_is_str_exact(a) && wf_is_str_exact(b) && (op == WF_EQ || op == WF_NE)) {
        bool eq = a == b || wf_str_eq(a, b);
        return wf_bool(op == WF_EQ ? eq : !eq);
    }
    return wf_richcompare(a, b, op);
}

/* x OP y for the operators ceval_float_binop computes inline: false when
 * the generic path must decide (other operators, division by zero for the
 * exception, the special cases and errors of float.__pow__). */
static inline __attribute__((always_inline)) bool ceval_float_arith(int op, double x, double y, double *r)
{
    switch (op) {
    case WF_BINOP_ADD: *r = x + y; return true;
    case WF_BINOP_SUB: *r = x - y; return true;
    case WF_BINOP_MUL: *r = x * y; return true;
    case WF_BINOP_TRUEDIV:
        if (y == 0.0)
            return false;
        *r = x / y;
        return true;
    case WF_BINOP_POW:
        /* the plain case of float.__pow__: a positive finite base and a
         * finite exponent, no overflow */
        if (!(x > 0.0 && isfinite(x) && isfinite(y)))
            return false;
        *r = pow(x, y);
        return isfinite(*r);
    default:
        return false;
    }
}

/* a OP b for + - * / ** when both are exact floats or small ints converting
 * exactly (at least one float, or true division): true with *res set and
 * both operands consumed (a float result never fails: allocation aborts on
 * OOM); false when the generic path must decide. a and b are stack
 * operands, never 0. Two floats, the common case, are tested first and take
 * a path of their own; in the mixed case an operand that is not a float is
 * a small int, which holds no reference. */
static inline __attribute__((always_inline)) bool ceval_float_binop(ThreadState *ts, Value a, Value b, int oparg, Value *res)
{
    if (a == 0 || b == 0)
        WF_UNREACHABLE();
    int op = oparg & ~WF_BINOP_INPLACE;
    bool fa = !wf_is_small(a) && wf_obj(a)->ob_type == &wf_type_float;
    bool fb = !wf_is_small(b) && wf_obj(b)->ob_type == &wf_type_float;
    double x, y, r;
    if (WF_LIKELY(fa && fb)) {
        if (!ceval_float_arith(op, wf_float_val(a), wf_float_val(b), &r))
            return false;
        *res = wf_spec_float_result(ts, a, b, r);
        return true;
    }
    if (!(fa || fb || op == WF_BINOP_TRUEDIV) || !ceval_as_double(a, &x) || !ceval_as_double(b, &y) ||
        !ceval_float_arith(op, x, y, &r))
        return false;
    if (fa)
        *res = wf_spec_float_result1(ts, a, r);
    else if (fb)
        *res = wf_spec_float_result1(ts, b, r);
    else
        *res = wf_float_new_inline(r);
    return true;
}

static inline int ceval_double_compare(double x, double y, int op)
{
    switch (op) {
    case WF_LT: return x < y;
    case WF_LE: return x <= y;
    case WF_EQ: return x == y;
    case WF_NE: return x != y;
    case WF_GT: return x > y;
    default: return x >= y;
    }
}

/* a < b etc. for floats and small ints (exact int/float comparison): 0 or 1
 * with both operands consumed, or -1 (nothing consumed) when the generic
 * path must decide. a and b are stack operands, never 0; two floats are
 * tested first. */
static inline __attribute__((always_inline)) int ceval_fast_compare(Value a, Value b, int op)
{
    if (a == 0 || b == 0)
        WF_UNREACHABLE();
    if (wf_is_small(a) && wf_is_small(b))
        return ceval_small_compare(wf_small_val(a), wf_small_val(b), op);
    bool fa = !wf_is_small(a) && wf_obj(a)->ob_type == &wf_type_float;
    bool fb = !wf_is_small(b) && wf_obj(b)->ob_type == &wf_type_float;
    double x, y;
    int r;
    if (WF_LIKELY(fa && fb)) {
        r = ceval_double_compare(wf_float_val(a), wf_float_val(b), op);
        wf_float_decref(a);
        wf_float_decref(b);
        return r;
    }
    if (!(fa || fb) || !ceval_as_double(a, &x) || !ceval_as_double(b, &y))
        return -1;
    r = ceval_double_compare(x, y, op);
    wf_float_decref(fa ? a : b);   /* the other is a small int */
    return r;
}

/* str + str (both exact). When the next instruction stores the result into
 * the local that holds a, that local's reference is dropped first so that
 * a's only reference is ours and wf_str_append_unique can grow it in place
 * (CPython's unicode_concatenate): `s += t` in a loop is linear. Consumes
 * a and b. */
static Value ceval_str_concat(Frame *frame, Value a, Value b, const CodeUnit *next_instr)
{
    CodeUnit w = *next_instr;
    if (WF_OP(w) == OP_STORE_FAST && frame->localsplus[WF_ARG(w)] == a) {
        frame->localsplus[WF_ARG(w)] = 0;
        wf_decref(a);   /* the stack still holds one */
    }
    Value r = wf_str_append_unique(a, b);   /* steals a */
    wf_decref(b);
    return r;
}

/* Generic CONTAINS_OP: `item in container`. Exact dicts, sets and
 * frozensets take the lock-free probes their specialized forms use (which
 * fall back to the locked lookups themselves); other containers their
 * type's slot. */
static inline int ceval_contains(Value container, Value item)
{
    if (wf_is_obj(container)) {
        TypeObject *t = wf_obj(container)->ob_type;
        if (t == &wf_type_set || t == &wf_type_frozenset)
            return wf_spec_set_contains(container, item);
        if (t == &wf_type_dict)
            return wf_spec_dict_contains(container, item);
    }
    return wf_contains(container, item);
}

/* Generic LOAD_ATTR (new reference, or 0 with an error set). For the
 * commonest cases on a class with object's __getattribute__, the steps of
 * typeobject.c's generic_getattr run inline: the per-thread method cache,
 * then either (nothing of that name along the MRO) the lock-free read of
 * the instance dict, at the index the cache entry remembers or by a probe,
 * or (a __slots__ member of the class itself) the slot. Everything else
 * (and a read that cannot answer) takes the type's slot. */
static inline Value ceval_getattr(Value owner, Value name)
{
    TypeObject *ot = wf_type(owner);
    Value (*get)(Value, Value) = ot->tp_getattr ? ot->tp_getattr : wf_object_generic_getattr;
    if (get == wf_object_generic_getattr && wf_is_obj(owner)) {
        OmMCacheEntry *e;
        Value descr = om_type_lookup_entry(ot, name, &e);
        if (!descr) {
            Value v;
            if (ot->tp_dictoffset) {
                Value d = wf_attrslot_load((Value *)((char *)wf_obj(owner) + ot->tp_dictoffset));
                if (d && om_instance_get(d, name, e, &v) > 0)
                    return wf_incref(v);
            }
        } else if (wf_is_obj(descr) && wf_obj(descr)->ob_type == &wf_type_member_descr &&
                   ((MemberDescrObject *)wf_obj(descr))->d.d_type == ot) {
            Value v = wf_attrslot_load((Value *)((char *)wf_obj(owner) + ((MemberDescrObject *)wf_obj(descr))->offset));
            if (WF_LIKELY(v != 0))
                return wf_incref(v);
        }
    }
    return get(owner, name);
}

/* Generic STORE_ATTR's commonest cases inline, on a class with object's
 * __setattr__ (the steps of wf_object_generic_setattr): an own-class
 * __slots__ member, or (nothing of that name along the MRO) the instance
 * dict, replacing an existing attribute's value at the dict index the
 * method-cache entry remembers, else by name out of line. 1: stored (value
 * stolen); 0: nothing done, take the type's slot; -1: error (value not
 * stolen). */
static inline int ceval_setattr_inline(Value owner, Value name, Value value)
{
    TypeObject *ot = wf_type(owner);
    if ((ot->tp_setattr && ot->tp_setattr != wf_object_generic_setattr) || !wf_is_obj(owner))
        return 0;
    OmMCacheEntry *e;
    Value descr = om_type_lookup_entry(ot, name, &e);
    if (!descr) {
        if (!ot->tp_dictoffset)
            return 0;
        Value *dp = (Value *)((char *)wf_obj(owner) + ot->tp_dictoffset);
        Value d = wf_attrslot_load(dp);
        if (d && e && e->ix >= 0 && wf_dict_replace_at_hint(d, (size_t)e->ix, name, value))
            return 1;
        if (om_instance_set(dp, name, value, e) < 0)
            return -1;
        wf_decref(value);   /* the dict took its own reference */
        return 1;
    }
    if (wf_is_obj(descr) && wf_obj(descr)->ob_type == &wf_type_member_descr &&
        ((MemberDescrObject *)wf_obj(descr))->d.d_type == ot) {
        wf_attrslot_store((Value *)((char *)wf_obj(owner) + ((MemberDescrObject *)wf_obj(descr))->offset), value);
        return 1;
    }
    return 0;
}

/* LOAD_METHOD on an exact module (random.random(), math.sqrt(x)): a name
 * that nothing along ModuleType's MRO defines is the module dict's value
 * (generic getattr's order, module_getattro's first step), found by the
 * lock-free str-key probe and pushed as an attribute (0: not a method).
 * Anything else, or a probe that cannot answer, takes wf_get_method. */
static int ceval_get_module_method(Value mod, Value name, Value *meth)
{
    if (!om_type_lookup(&wf_type_module, name)) {
        Value d = wf_attrslot_load(&((ModuleObject *)wf_obj(mod))->dict);
        Hash hash = wf_dict_str_hash(name);
        Value v;
        if (d && hash != -1 && wf_dict_probe_ident(wf_as_dict(d), name, hash, &v) > 0) {
            *meth = wf_incref(v);
            return 0;
        }
    }
    return wf_get_method(mod, name, meth);
}

/* Generic LOAD_METHOD: wf_get_method, with its commonest case inline (a
 * function or method descriptor found on a class with object's
 * __getattribute__, no instance value of that name). */
static inline int ceval_get_method(Value owner, Value name, Value *meth)
{
    TypeObject *ot = wf_type(owner);
    if ((!ot->tp_getattr || ot->tp_getattr == wf_object_generic_getattr) && wf_is_obj(owner)) {
        Value descr = om_type_lookup(ot, name);
        if (descr && wf_is_obj(descr)) {
            TypeObject *dt = wf_obj(descr)->ob_type;
            if (om_is_method_type(dt)) {
                Value *dp = om_dict_ptr(owner, ot);
                Value d = dp ? wf_attrslot_load(dp) : 0;
                Hash hash = wf_dict_str_hash(name);
                Value v;
                if (!d || (hash != -1 && wf_dict_probe_ident1(wf_as_dict(d), name, hash, &v) == 0)) {
                    *meth = wf_incref(descr);
                    return 1;
                }
            }
        }
    } else if (ot == &wf_type_module) {
        return ceval_get_module_method(owner, name, meth);
    }
    return wf_get_method(owner, name, meth);
}

/* container[sub] past the list fast path: tuples, dicts, then the type's
 * __getitem__. Both borrowed. */
static Value ceval_subscr_slow(Value container, Value sub)
{
    if (wf_is_type_exact(sub, &wf_type_slice) && wf_is_list_exact(container)) {
        /* list[a:b:c] with small-int or None bounds: straight to list.c's
         * slicing, as the specialized BUILD_SLICE forms do */
        SliceObject *sl = (SliceObject *)wf_obj(sub);
        if (wf_spec_slice_small(sl->start, sl->stop, sl->step)) {
            intptr_t b[3];
            wf_spec_slice_unpack(sl->start, sl->stop, sl->step, b);
            return wf_list_slice(container, b[0], b[1], b[2]);
        }
    }
    if (wf_is_small(sub) && wf_is_tuple_exact(container)) {
        TupleObject *t = wf_as_tuple(container);
        intptr_t i = wf_small_val(sub);
        if (i < 0)
            i += (intptr_t)t->size;
        if (i >= 0 && (size_t)i < t->size)
            return wf_incref(t->items[i]);
    }
    if (wf_is_dict_exact(container)) {
        /* an exact dict has no __missing__: absent keys go to wf_getitem for the KeyError */
        Value v = wf_is_str_exact(sub) ? wf_dict_get_str(container, sub) : wf_dict_get(container, sub);
        if (v)
            return wf_incref(v);
        if (wf_err_occurred())
            return 0;
    }
    return wf_getitem(container, sub);
}

/* container[sub], consuming both (stack operands, never 0): a new
 * reference, or 0 with an error set. list[small int] runs inline. */
static inline __attribute__((always_inline)) Value ceval_subscr(Value container, Value sub)
{
    if (container == 0 || sub == 0)
        WF_UNREACHABLE();
    if (wf_is_small(sub) && wf_is_list_exact(container)) {
        Value v = wf_list_fast_get(container, wf_small_val(sub));
        if (WF_LIKELY(v != 0)) {
            wf_decref_obj(wf_obj(container));
            return v;
        }
    }
    Value r = ceval_subscr_slow(container, sub);
    wf_decref(container);
    wf_decref(sub);
    return r;
}

/* container[sub] = v past the list fast path; all borrowed. */
static int ceval_store_subscr_slow(Value container, Value sub, Value v)
{
    if (wf_is_type_exact(sub, &wf_type_slice) && wf_is_list_exact(container)) {
        SliceObject *sl = (SliceObject *)wf_obj(sub);   /* as ceval_subscr_slow */
        if (wf_spec_slice_small(sl->start, sl->stop, sl->step)) {
            intptr_t b[3];
            wf_spec_slice_unpack(sl->start, sl->stop, sl->step, b);
            return wf_list_store_slice(container, b[0], b[1], b[2], v);
        }
    }
    if (wf_is_dict_exact(container))
        return wf_is_str_exact(sub) ? wf_dict_set_str(container, sub, v) : wf_dict_set(container, sub, v);
    return wf_setitem(container, sub, v);
}

/* container[sub] = v, consuming the three (stack operands, never 0): 0, or
 * -1 with an error set. list[small int] = v runs inline and stores the
 * stack's reference to v. */
static inline __attribute__((always_inline)) int ceval_store_subscr(Value container, Value sub, Value v)
{
    if (container == 0 || sub == 0 || v == 0)
        WF_UNREACHABLE();
    if (wf_is_small(sub) && wf_is_list_exact(container) && wf_list_fast_store(container, wf_small_val(sub), v)) {
        wf_decref_obj(wf_obj(container));
        return 0;
    }
    int err = ceval_store_subscr_slow(container, sub, v);
    wf_decref(v);
    wf_decref(container);
    wf_decref(sub);
    return err;
}

static Value ceval_build_tuple(Value *values, int n)
{
    if (n == 0)
        return wf_incref(wf_empty_tuple);
    Value t = wf_tuple_new((size_t)n);
    memcpy(wf_as_tuple(t)->items, values, sizeof(Value) * (size_t)n);
    return t;
}

static Value ceval_build_list(Value *values, int n)
{
    Value l = wf_list_new((size_t)n);
    if (n)
        memcpy(wf_as_list(l)->items, values, sizeof(Value) * (size_t)n);
    return l;
}

static Value ceval_build_set(Value *values, int n)
{
    Value s = wf_set_new(0);
    if (!s)
        return 0;
    for (int i = 0; i < n; i++)
        if (wf_set_add(s, values[i]) < 0) {
            wf_decref(s);
            return 0;
        }
    return s;
}

static Value ceval_build_map(Value *values, int n)
{
    Value d = wf_dict_new();
    for (int i = 0; i < n; i++)
        if (wf_dict_set(d, values[2 * i], values[2 * i + 1]) < 0) {
            wf_decref(d);
            return 0;
        }
    return d;
}

static Value ceval_build_string(Value *pieces, int n)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    for (int i = 0; i < n; i++)
        wf_sb_add_str(&sb, pieces[i]);
    return wf_sb_finish(&sb);
}

static int ceval_not_iterable(Value v)
{
    TypeObject *t = wf_type(v);
    return t->tp_iter == NULL && t->tp_getitem == NULL && !wf_type_lookup(t, WF_ID(__iter__)) &&
           !wf_type_lookup(t, WF_ID(__getitem__));
}

static int ceval_list_extend(Value list, Value iterable)
{
    if (ceval_not_iterable(iterable)) {
        wf_err_format(wf_exc_TypeError, "Value after * must be an iterable, not %T", iterable);
        return -1;
    }
    return wf_list_extend(list, iterable);
}

static int ceval_set_update(Value set, Value iterable)
{
    /* CPython's _PySet_Update: from a set or frozenset the table is copied
     * (set_merge), which fixes the iteration order of displays. */
    return wf_set_update(set, iterable);
}

static int ceval_dict_update(Value dict, Value update)
{
    if (!wf_is_dict(update) && !wf_hasattr(update, WF_ID(keys))) {
        wf_err_format(wf_exc_TypeError, "'%T' object is not a mapping", update);
        return -1;
    }
    return wf_dict_update(dict, update);
}

static int ceval_merge_one(Value callee, Value dict, Value key, Value value)
{
    if (!wf_is_str(key)) {
        wf_err_set_str(wf_exc_TypeError, "keywords must be strings");
        return -1;
    }
    if (wf_dict_contains(dict, key) > 0) {
        Value fs = ceval_func_str(callee);
        wf_err_format(wf_exc_TypeError, "%U got multiple values for keyword argument '%U'", fs, key);
        wf_decref(fs);
        return -1;
    }
    return wf_dict_set(dict, key, value);
}

static int ceval_dict_merge(Value callee, Value dict, Value update)
{
    if (wf_is_dict(update)) {
        size_t pos = 0;
        Value k, v;
        while (wf_dict_next(update, &pos, &k, &v))
            if (ceval_merge_one(callee, dict, k, v) < 0)
                return -1;
        return 0;
    }
    if (!wf_hasattr(update, WF_ID(keys))) {
        Value fs = ceval_func_str(callee);
        wf_err_format(wf_exc_TypeError, "%U argument after ** must be a mapping, not %T", fs, update);
        wf_decref(fs);
        return -1;
    }
    Value keys = wf_call_method(update, "keys", NULL, 0);
    Value it = keys ? wf_iter(keys) : 0;
    wf_decref(keys);
    if (!it)
        return -1;
    Value k;
    int err = 0;
    while (!err && (k = wf_next(it)) != 0) {
        Value v = wf_getitem(update, k);
        err = !v || ceval_merge_one(callee, dict, k, v) < 0;
        wf_decref(v);
        wf_decref(k);
    }
    wf_decref(it);
    return err || wf_err_occurred() ? -1 : 0;
}

static int ceval_unpack_count_error(size_t n, int expected)
{
    if (n < (size_t)expected)
        wf_err_format(wf_exc_ValueError, "not enough values to unpack (expected %d, got %zu)", expected, n);
    else
        wf_err_format(wf_exc_ValueError, "too many values to unpack (expected %d)", expected);
    return -1;
}

/* `a, b = seq` for an exact tuple or list: no iterator needed. */
static int ceval_unpack_sequence(Value seq, int count, Value *values)
{
    if (!wf_is_tuple_exact(seq)) {
        /* a list may change under us in another thread: unpack a snapshot */
        Value t = wf_list_as_tuple(seq);
        if (!t)
            return -1;
        int r = ceval_unpack_sequence(t, count, values);
        wf_decref(t);
        return r;
    }
    size_t n = wf_tuple_size(seq);
    Value *items = wf_as_tuple(seq)->items;
    if (n != (size_t)count)
        return ceval_unpack_count_error(n, count);
    for (int i = 0; i < count; i++)
        values[count - 1 - i] = wf_incref(items[i]);
    return 0;
}

/* The starred part of `a, *b, c = it` (the first items already taken):
 * the rest as a list, with the `after` trailing items split off. */
static int ceval_unpack_star(Value it, int before, int after, Value *values, int total)
{
    Value rest = wf_list_from_iterable(it);
    if (!rest)
        return -1;
    size_t n = wf_list_size(rest);
    if (n < (size_t)after) {
        wf_err_format(wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %zu)",
                      before + after, before + n);
        wf_decref(rest);
        return -1;
    }
    ListObject *l = wf_as_list(rest);
    for (int j = 0; j < after; j++)   /* moves the references out of the list */
        values[total - 1 - (before + 1 + j)] = l->items[n - after + j];
    l->size = n - after;
    values[total - 1 - before] = rest;
    return 0;
}

/* Unpack seq into values (stored last item first, the order the stores pop
 * them). after < 0: exactly `before` items; else before + a starred list +
 * after. */
static int ceval_unpack(Value seq, int before, int after, Value *values)
{
    if (after < 0 && (wf_is_tuple_exact(seq) || wf_is_list_exact(seq)))
        return ceval_unpack_sequence(seq, before, values);
    int total = before + (after >= 0 ? after + 1 : 0);
    Value it = wf_iter(seq);
    if (!it) {
        if (wf_err_matches(wf_exc_TypeError) && ceval_not_iterable(seq)) {
            wf_err_clear();
            wf_err_format(wf_exc_TypeError, "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    int i = 0, err = 0;
    for (; i < before && !err; i++) {
        Value x = wf_next(it);
        if (!x) {
            if (!wf_err_occurred() && after < 0)
                ceval_unpack_count_error((size_t)i, before);
            else if (!wf_err_occurred())
                wf_err_format(wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                              before + after, i);
            err = 1;
            break;
        }
        values[total - 1 - i] = x;
    }
    if (!err && after < 0) {
        Value x = wf_next(it);
        if (x) {
            wf_decref(x);
            ceval_unpack_count_error((size_t)before + 1, before);
        }
        err = wf_err_occurred();
    } else if (!err) {
        err = ceval_unpack_star(it, before, after, values, total) < 0;
    }
    wf_decref(it);
    if (err)
        for (int j = 0; j < i; j++)
            wf_decref(values[total - 1 - j]);
    return err ? -1 : 0;
}

static Value ceval_iternext_missing(Value iter)
{
    return wf_err_format(wf_exc_TypeError, "'%T' object is not an iterator", iter);
}

static int ceval_clear_stop_iteration(ThreadState *ts)
{
    if (!wf_err_matches(wf_exc_StopIteration))
        return 0;
    wf_err_clear();
    return 1;
}

Value wf_stop_iteration_value(Value exc)
{
    ExceptionObject *e = (ExceptionObject *)wf_obj(exc);
    if (e->value)
        return wf_incref(e->value);
    if (e->args && wf_is_tuple(e->args) && wf_tuple_size(e->args) > 0)
        return wf_incref(wf_tuple_get(e->args, 0));
    return wf_incref(wf_None);
}

/* yield from: one step of the delegation. */
static Value ceval_send(Value receiver, Value v, int *done)
{
    Value r;
    if (wf_is_type_exact(receiver, &wf_type_generator))
        return wf_gen_send_ex(receiver, v, done);
    if (v == wf_None && wf_type(receiver)->tp_iternext)
        r = wf_type(receiver)->tp_iternext(receiver);
    else
        r = wf_call_method(receiver, "send", &v, 1);
    if (r)
        return r;
    if (!wf_err_occurred()) {
        *done = 1;
        return wf_incref(wf_None);
    }
    if (!wf_err_matches(wf_exc_StopIteration))
        return 0;
    Value exc = wf_err_fetch();
    r = wf_stop_iteration_value(exc);
    wf_decref(exc);
    *done = 1;
    return r;
}

/* Functions defined by module-level code and class bodies are shared by
 * every thread that calls them: they are made immortal, so calls and method
 * lookups from many threads cause no reference-count traffic (PEP 703 gives
 * them deferred counts; without a cycle collector we leak them instead, see
 * docs/threads.md). Lambdas and generator expressions (code named "<...>")
 * stay mortal: a module-level loop may create them by the million. */
static bool ceval_immortal_function(Frame *f, CodeObject *co)
{
    return !(f->code->flags & WF_CO_OPTIMIZED) && wf_str_cstr(co->name)[0] != '<';
}

static Value ceval_make_function(Frame *f, Value code)
{
    Value func = wf_function_new(code, f->globals, 0);
    if (func && ceval_immortal_function(f, wf_as_code(code)))
        wf_make_immortal(func);
    return func;
}

static void ceval_set_function_attribute(Value func, Value attr, int which)
{
    FunctionObject *fn = wf_as_func(func);
    switch (which) {
    case WF_FUNC_DEFAULTS: wf_setref(&fn->defaults, attr); break;
    case WF_FUNC_KWDEFAULTS: wf_setref(&fn->kwdefaults, attr); break;
    case WF_FUNC_ANNOTATIONS: wf_setref(&fn->annotations, attr); break;
    default: wf_setref(&fn->closure, attr); break;
    }
}

static Value ceval_call_ex(Value func, Value callargs, Value kwargs)
{
    Value args = callargs;
    if (!wf_is_tuple_exact(callargs)) {
        if (ceval_not_iterable(callargs)) {
            Value fs = ceval_func_str(func);
            wf_err_format(wf_exc_TypeError, "%U argument after * must be an iterable, not %T", fs, callargs);
            wf_decref(fs);
            return 0;
        }
        args = wf_tuple_from_iterable(callargs);
        if (!args)
            return 0;
    } else {
        wf_incref(args);
    }
    size_t n = wf_tuple_size(args);
    intptr_t nkw = kwargs ? wf_dict_size(kwargs) : 0;
    Value r;
    if (nkw <= 0) {
        r = wf_call(func, wf_as_tuple(args)->items, n, 0);
    } else {
        Value *buf = wf_mem_alloc(sizeof(Value) * (n + (size_t)nkw));
        memcpy(buf, wf_as_tuple(args)->items, sizeof(Value) * n);
        Value kwnames = wf_tuple_new((size_t)nkw);
        size_t pos = 0, i = 0;
        Value k, v;
        while (wf_dict_next(kwargs, &pos, &k, &v)) {
            wf_as_tuple(kwnames)->items[i] = wf_incref(k);
            buf[n + i++] = v;
        }
        r = wf_call(func, buf, n, kwnames);
        wf_decref(kwnames);
        wf_mem_free(buf);
    }
    wf_decref(args);
    return r;
}

/* Set exc.__context__ = the exception being handled, breaking cycles. */
static void ceval_chain_context(ThreadState *ts, Value exc, int overwrite)
{
    Value handled = ts->exc_info;
    if (!handled || handled == wf_None || handled == exc)
        return;
    if (!wf_isinstance_type(exc, wf_exc_BaseException) || !wf_isinstance_type(handled, wf_exc_BaseException))
        return;
    ExceptionObject *e = (ExceptionObject *)wf_obj(exc);
    if (!overwrite && (e->context || e->traceback))
        return;
    /* Avoid a cycle: exc must not appear in handled's context chain. */
    Value o = handled;
    for (int guard = 0; guard < 10000; guard++) {
        ExceptionObject *oe = (ExceptionObject *)wf_obj(o);
        Value c = oe->context;
        if (!c)
            break;
        if (c == exc) {
            oe->context = 0;
            wf_decref(c);
            break;
        }
        o = c;
    }
    wf_setref(&e->context, wf_incref(handled));
}

static Value ceval_make_exception(Value v, const char *what)
{
    if (wf_is_type(v) && wf_type_is_subtype(wf_as_type(v), wf_exc_BaseException)) {
        Value inst = wf_call0(v);
        if (!inst)
            return 0;
        if (!wf_isinstance_type(inst, wf_exc_BaseException)) {
            wf_err_format(wf_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %T", v, inst);
            wf_decref(inst);
            return 0;
        }
        return inst;
    }
    if (wf_isinstance_type(v, wf_exc_BaseException))
        return wf_incref(v);
    return wf_err_set_str(wf_exc_TypeError, what);
}

/* raise [exc [from cause]]; steals exc and cause. Returns 1 for a re-raise. */
static int ceval_raise(ThreadState *ts, Value exc, Value cause)
{
    if (!exc) {
        Value cur = ts->exc_info;
        if (!cur || cur == wf_None) {
            wf_err_set_str(wf_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        wf_err_restore(wf_incref(cur));
        return 1;
    }
    Value inst = ceval_make_exception(exc, "exceptions must derive from BaseException");
    wf_decref(exc);
    if (!inst) {
        wf_decref(cause);
        return 0;
    }
    if (cause) {
        Value c = 0;
        if (cause != wf_None) {
            c = ceval_make_exception(cause, "exception causes must derive from BaseException");
            if (!c) {
                wf_decref(cause);
                wf_decref(inst);
                return 0;
            }
        }
        wf_decref(cause);
        ExceptionObject *e = (ExceptionObject *)wf_obj(inst);
        wf_setref(&e->cause, c);
        e->suppress_context = 1;
    }
    ceval_chain_context(ts, inst, 1);
    wf_err_restore(inst);
    return 0;
}

static Value ceval_before_with(Value mgr, Value *exit)
{
    Value enter = wf_lookup_special(mgr, WF_ID(__enter__));
    if (!enter) {
        if (!wf_err_occurred())
            wf_err_format(wf_exc_TypeError, "'%T' object does not support the context manager protocol", mgr);
        return 0;
    }
    *exit = wf_lookup_special(mgr, WF_ID(__exit__));
    if (!*exit) {
        if (!wf_err_occurred())
            wf_err_format(wf_exc_TypeError,
                          "'%T' object does not support the context manager protocol (missed __exit__ method)", mgr);
        wf_decref(enter);
        return 0;
    }
    Value res = wf_call0(enter);
    wf_decref(enter);
    if (!res) {
        wf_decref(*exit);
        *exit = 0;
    }
    return res;
}

static Value ceval_with_exit(Value exit, Value exc)
{
    Value tb = 0;
    if (wf_isinstance_type(exc, wf_exc_BaseException))
        tb = ((ExceptionObject *)wf_obj(exc))->traceback;
    Value args[3] = {wf_val(wf_type(exc)), exc, tb ? tb : wf_None};
    return wf_call(exit, args, 3, 0);
}

static Value ceval_import_from(Value from, Value name)
{
    Value v = wf_getattr_opt(from, name);
    if (v || wf_err_occurred())
        return v;
    Value modname = wf_getattr_opt(from, WF_ID(__name__));
    if (modname && wf_is_str(modname)) {
        Value full = wf_str_printf("%U.%U", modname, name);
        Value m = full ? wf_dict_get(wf_sys_modules, full) : 0;
        wf_decref(full);
        if (m) {
            wf_decref(modname);
            return wf_incref(m);
        }
    }
    wf_err_clear();
    Value file = wf_getattr_opt(from, WF_ID(__file__));
    wf_err_clear();
    if (modname && file && wf_is_str(file))
        wf_err_format(wf_exc_ImportError, "cannot import name '%U' from '%U' (%U)", name, modname, file);
    else if (modname)
        wf_err_format(wf_exc_ImportError, "cannot import name '%U' from '%S' (unknown location)", name, modname);
    else
        wf_err_format(wf_exc_ImportError, "cannot import name '%U'", name);
    wf_decref(modname);
    wf_decref(file);
    return 0;
}

static int ceval_import_star(Frame *f, Value from)
{
    Value target = f->locals ? f->locals : f->globals;
    Value all = wf_getattr_opt(from, WF_ID(__all__));
    if (!all && wf_err_occurred())
        return -1;
    if (all) {
        Value it = wf_iter(all);
        wf_decref(all);
        if (!it)
            return -1;
        Value name;
        while ((name = wf_next(it)) != 0) {
            Value v = wf_getattr(from, name);
            int err = !v || wf_setitem(target, name, v) < 0;
            wf_decref(v);
            wf_decref(name);
            if (err) {
                wf_decref(it);
                return -1;
            }
        }
        wf_decref(it);
        return wf_err_occurred() ? -1 : 0;
    }
    Value d = wf_getattr(from, WF_ID(__dict__));
    if (!d)
        return -1;
    size_t pos = 0;
    Value k, v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        if (wf_is_str(k) && wf_str_cstr(k)[0] == '_')
            continue;
        if (wf_setitem(target, k, v) < 0) {
            wf_decref(d);
            return -1;
        }
    }
    wf_decref(d);
    return 0;
}

static int ceval_setup_annotations(Frame *f)
{
    Value ns = f->locals ? f->locals : f->globals;
    Value v = ceval_mapping_get(ns, WF_ID(__annotations__));
    if (v) {
        wf_decref(v);
        return 0;
    }
    if (wf_err_occurred())
        return -1;
    Value d = wf_dict_new();
    int r = wf_setitem(ns, WF_ID(__annotations__), d);
    wf_decref(d);
    return r;
}

static int ceval_print_expr(Value v)
{
    if (v == wf_None)
        return 0;
    Value r = wf_repr(v);
    if (!r)
        return -1;
    int err = wf_sys_write_stdout(wf_str_cstr(r));
    wf_decref(r);
    if (err < 0 || wf_sys_write_stdout("\n") < 0)
        return -1;
    return wf_dict_set_c(wf_builtins_dict, "_", v);
}

/* The periodic check, at every loop back-edge (may_raise: a pending Ctrl-C
 * becomes KeyboardInterrupt here) and at every Python frame start (requests
 * only; signals wait for the next back-edge). The fast path is one relaxed
 * load of this thread's eval breaker word and the RCU countdown; the rest is
 * core/pystate.c's wf_eval_breaker_slow. */
static inline int ceval_eval_breaker(ThreadState *ts, bool may_raise)
{
    bool qs_due = --ts->rcu_countdown <= 0;
    if (WF_UNLIKELY(wf_eval_breaker_poll(&ts->entry.eval_breaker) != 0 || qs_due))
        return wf_eval_breaker_slow(ts, may_raise);
    return 0;
}

static Value ceval_build_class_func;

/* ---- the eval loop ---- */

#define CONST(i) (wf_as_tuple(frame->code->consts)->items[i])
#define NAME(i) (wf_as_tuple(frame->code->names)->items[i])
#define GETLOCAL(i) (frame->localsplus[i])
#define SETLOCAL(i, v) wf_setref(&frame->localsplus[i], (v))
#define JUMPBY(n) (next_instr += (n))
#define CHECK_EVAL_BREAKER() ceval_eval_breaker(ts, true)

#define DO_DISPATCH_INLINED(nf)        \
    do {                               \
        frame->instr = next_instr;     \
        frame->stack_top = stack_pointer; \
        (nf)->previous = frame;        \
        frame = (nf);                  \
        ts->frame = frame;             \
        goto start_frame;              \
    } while (0)

/* A family head's entry for its specialized forms' DEOPT_IF (same oparg,
 * same stack, next_instr just past the opcode unit). */
#define PREDICTED(op) PREDICTED_##op: ;

#ifdef WF_COMPUTED_GOTO
/* The empty asm makes oparg and stack_pointer opaque at each instruction's
 * entry: GCC's GCSE would otherwise hoist expressions of them that many
 * instructions compute (-oparg, ~oparg, stack_pointer - 1, the sign
 * extension) into the shared dispatch sequence, where every instruction pays
 * for them. */
#define TARGET(op) TARGET_##op: __asm__("" : "+r"(oparg), "+r"(stack_pointer));
/* `opcode` is not set: an instruction's opcode is WF_OP(next_instr[-1])
 * until it dispatches (count_exec and unknown_opcode read it there); only
 * EXTENDED_ARG and the specializer's retry set `opcode` for their own jump. */
#define DISPATCH()                                  \
    {                                               \
        uintptr_t w_d = *next_instr++;              \
        oparg = WF_ARG(w_d);                        \
        goto *opcode_targets[WF_OP(w_d)];           \
    }
#define DISPATCH_GOTO() goto *opcode_targets[opcode]
/* Run the instruction at next_instr - 1 again, rewritten by the specializer
 * (not counted twice in the statistics). */
#define DISPATCH_SAME_OPARG() goto *(real_targets[0] ? real_targets : opcode_targets)[opcode]
#else
#define TARGET(op) case OP_##op:
#define DISPATCH() goto dispatch
#define DISPATCH_GOTO() goto dispatch_opcode
#define DISPATCH_SAME_OPARG() goto dispatch_same_oparg
#endif

/* A new exception arrives at this frame: chain it and record the traceback entry. */
static void ceval_on_error(ThreadState *ts, Frame *frame, CodeUnit *next_instr)
{
    if (!ts->exc)
        wf_err_set_str(wf_exc_SystemError, "error return without exception set");
    ceval_chain_context(ts, ts->exc, 0);
    CodeObject *co = frame->code;
    wf_exc_add_traceback(ts->exc, wf_val(co), wf_code_line(co, wf_frame_offset_before(frame, next_instr)));
}

/* A generator's frame may have run last in another thread: move it to this
 * thread's copy of its bytecode, at the same offset, so that this thread
 * never runs (and specializes) a copy that another thread writes. */
static void ceval_frame_rebase(ThreadState *ts, Frame *f)
{
    CodeUnit *mine = wf_code_bytecode(f->code, ts);
    if (f->bytecode == mine)
        return;
    f->instr = mine + (f->instr - f->bytecode);
    f->bytecode = mine;
}

/* The frame is done (returned or raised): release it. */
static void ceval_frame_exit(ThreadState *ts, Frame *f)
{
    ts->frame = f->previous;
    f->previous = NULL;
    if (WF_LIKELY(f->owner == WF_FRAME_OWNED_BY_THREAD)) {
        frame_pop_return(ts, f);   /* inline: every return to C passes here */
    } else {
        f->state = WF_FRAME_COMPLETED;
        wf_frame_clear(f);
    }
}

/* The lowest address this thread's C stack may reach before we refuse to
 * enter the eval loop again: the real stack bottom plus a safety margin for
 * the C code that runs between two eval loop entries. */
static void ceval_c_stack_init(char *here)
{
    size_t budget = C_STACK_BUDGET;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        size_t size;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0 && (char *)addr < here) {
            size_t avail = (size_t)(here - (char *)addr);
            budget = avail > C_STACK_MARGIN * 2 ? avail - C_STACK_MARGIN : avail / 2;
        }
        pthread_attr_destroy(&attr);
    }
    ceval_c_stack_base = here;
    ceval_c_stack_limit = here - budget;
}

static bool ceval_c_stack_overflow(void)
{
    char here;
    if (!ceval_c_stack_base)
        ceval_c_stack_init(&here);
    return &here < ceval_c_stack_limit;
}

#undef CEVAL_TID
#define CEVAL_TID eval_tid
Value wf_eval_frame(ThreadState *ts, Frame *frame, int throwflag)
{
    /* This thread's id for the reference counts: a local of its own, so
     * that when the register allocator spills something across the loop,
     * an incref reloads one word rather than ts and then ts->tid. */
    const uintptr_t eval_tid = ts->tid;
#ifdef WF_COMPUTED_GOTO
    /* Writable only for the statistics: with PYTHON_SPECIALIZATION_STATS
     * the first call (on the main thread, before any other thread exists)
     * points every entry at count_exec, which counts and jumps to the real
     * target. Without statistics the table never changes: no cost. */
    static void *opcode_targets[256] = WF_OPCODE_TARGETS;
    static void *real_targets[256];
    if (WF_UNLIKELY(wf_spec_stats_enabled) && !real_targets[0]) {
        memcpy(real_targets, opcode_targets, sizeof real_targets);
        for (int i = 0; i < 256; i++)
            opcode_targets[i] = &&count_exec;
    }
#endif
    CodeUnit *next_instr;
    Value *stack_pointer;
    int opcode = 0;
    intptr_t oparg = 0;   /* word-sized: indexes and jumps need no sign extension */
    Value frame_result;

    frame->is_entry = 1;
    frame->previous = ts->frame;
    ts->frame = frame;
    if (!throwflag && ceval_c_stack_overflow()) {
        ceval_recursion_error();
        throwflag = 1;
    }
start_frame:
    if (WF_UNLIKELY(frame->owner == WF_FRAME_OWNED_BY_GENERATOR))
        ceval_frame_rebase(ts, frame);
    frame->state = WF_FRAME_EXECUTING;
    next_instr = frame->instr;
    stack_pointer = frame->stack_top;
    if (throwflag) {
        throwflag = 0;
        goto error;
    }
    /* Calls are safe points too: a recursive function without loops must
     * still yield the GIL and reach stop-the-world and grace periods. */
    (void)ceval_eval_breaker(ts, false);
#ifdef WF_COMPUTED_GOTO
    DISPATCH();
count_exec:
    opcode = WF_OP(next_instr[-1]);
    wf_spec_stats_mine()->exec[opcode]++;
    goto *real_targets[opcode];
#include "cases.h"
#else
dispatch:
    {
        CodeUnit w = *next_instr++;
        opcode = WF_OP(w);
        oparg = WF_ARG(w);
    }
dispatch_opcode:
    if (WF_UNLIKELY(wf_spec_stats_enabled))
        wf_spec_stats_mine()->exec[opcode]++;
dispatch_same_oparg:
    switch (opcode) {
#include "cases.h"
    default:
        goto unknown_opcode;
    }
#endif

unknown_opcode:
    wf_err_format(wf_exc_SystemError, "unknown opcode %d", WF_OP(next_instr[-1]));
    goto error;

return_value:
    {
        Frame *done = frame;
        done->stack_top = stack_pointer;
        if (done->is_entry) {
            /* back to C (wf_function_call and the like): the frame_pop
             * inline for the common data-stack frame */
            if (WF_LIKELY(done->owner == WF_FRAME_OWNED_BY_THREAD)) {
                ts->frame = done->previous;
                done->previous = NULL;
                frame_pop_return(ts, done);
            } else {
                ceval_frame_exit(ts, done);
            }
            return frame_result;
        }
        frame = done->previous;
        ts->frame = frame;
        int is_init = done->is_init;
        frame_pop_return(ts, done);
        next_instr = frame->instr;
        stack_pointer = frame->stack_top;
        if (WF_UNLIKELY(is_init)) {
            /* the instance is on the stack already (CALL of a class) */
            if (frame_result != wf_None) {
                wf_err_format(wf_exc_TypeError, "__init__() should return None, not '%s'", wf_type_name(frame_result));
                wf_decref(frame_result);
                goto error;
            }
            DISPATCH();
        }
        *stack_pointer++ = frame_result;
        DISPATCH();
    }

yield_value:
    frame->instr = next_instr;
    frame->stack_top = stack_pointer;
    frame->state = WF_FRAME_SUSPENDED;
    ts->frame = frame->previous;
    frame->previous = NULL;
    return frame_result;

error:
    ceval_on_error(ts, frame, next_instr);
exception_unwind:
    {
        const ExcEntry *h = wf_code_handler(frame->code, wf_frame_offset_before(frame, next_instr));
        Value *base = wf_frame_stack_base(frame);
        if (h) {
            while (stack_pointer > base + h->depth)
                wf_decref(*--stack_pointer);
            *stack_pointer++ = wf_err_fetch();
            next_instr = frame->bytecode + h->target;
            DISPATCH();
        }
        while (stack_pointer > base)
            wf_decref(*--stack_pointer);
        Frame *done = frame;
        done->stack_top = stack_pointer;
        if (done->is_entry) {
            ceval_frame_exit(ts, done);
            return 0;
        }
        frame = done->previous;
        ts->frame = frame;
        frame_pop(ts, done);
        next_instr = frame->instr;
        stack_pointer = frame->stack_top;
        goto error;
    }
}

/* ---- the tier-2 uop interpreter ----
 * The debug backend of tier 2 (the JIT is the other): runs a trace of uops
 * whose cases are generated from the same definitions as the tier-1 cases
 * (uop_cases.h). Tests feed it hand-built traces (_weft.uop_run); the trace
 * recorder will feed it real ones. */

/* The code unit of the tier-1 instruction a uop came from. */
#define UOP_INSTR_PTR(u) (frame->bytecode + (u)->target)
/* _EXIT_TRACE: continue in tier 1 at the uop's target. */
#define EXIT_TRACE() goto uop_exit
/* _JUMP_TO_TOP: run the trace again from its first uop. */
#define JUMP_TO_TOP() (pc = (size_t)-1)

int wf_uop_run(ThreadState *ts, Frame *frame, const WfUopInst *trace)
{
    const uintptr_t eval_tid = ts->tid;   /* CEVAL_TID, as in wf_eval_frame */
    Value *stack_pointer = frame->stack_top;
    const WfUopInst *uop;
    for (size_t pc = 0;; pc++) {
        uop = &trace[pc];
        int oparg = uop->oparg;
        (void)oparg;
        switch (uop->opcode) {
#include "uop_cases.h"
        default:
            wf_err_format(wf_exc_SystemError, "unknown uop %d", (int)uop->opcode);
            goto uop_error;
        }
    }
uop_exit:
uop_deopt:
    frame->instr = UOP_INSTR_PTR(uop);
    frame->stack_top = stack_pointer;
    return 0;
uop_error:
    frame->instr = UOP_INSTR_PTR(uop) + 1;
    frame->stack_top = stack_pointer;
    return -1;
uop_exception_unwind:
    frame->instr = UOP_INSTR_PTR(uop) + 1;
    frame->stack_top = stack_pointer;
    return -2;
}

#undef CEVAL_TID
#define CEVAL_TID wf_tid_current

/* ---- entry points ---- */

Value wf_function_call(Value func, const Value *args, size_t nargs, Value kwnames)
{
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    if (WF_LIKELY((intptr_t)nargs == co->simple_nargs && !kwnames))
        return wf_function_call_self(func, 0, args, nargs);
    if (co->flags & WF_CO_GENERATOR) {
        Frame *f = wf_frame_new_heap(func, args, nargs, kwnames);
        return f ? wf_gen_new(f, func) : 0;
    }
    ThreadState *ts = wf_tstate();
    size_t total = nargs + (kwnames ? wf_tuple_size(kwnames) : 0);
    Value small[16];
    Value *own = total <= 16 ? small : wf_mem_alloc(sizeof(Value) * total);
    for (size_t i = 0; i < total; i++)
        own[i] = wf_incref(args[i]);
    Frame *f = ceval_push_frame(ts, wf_incref(func), own, nargs, kwnames);
    if (own != small)
        wf_mem_free(own);
    if (!f)
        return 0;
    return wf_eval_frame(ts, f, 0);
}

/* The frame is filled straight from self and args when they fill the
 * parameters exactly (co->simple_nargs): no argument array is built. No
 * C-recursion count either: wf_eval_frame checks the C stack on entry and
 * frame_alloc counts the Python depth. */
Value wf_function_call_self(Value func, Value self, const Value *args, size_t nargs)
{
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    size_t n = nargs + (self != 0);
    if (WF_UNLIKELY((intptr_t)n != co->simple_nargs)) {
        if (!self)
            return wf_function_call(func, args, nargs, 0);
        Value small[8];
        Value *a = n <= 8 ? small : wf_mem_alloc(sizeof(Value) * n);
        a[0] = self;
        for (size_t i = 0; i < nargs; i++)
            a[i + 1] = args[i];
        Value r = wf_function_call(func, a, n, 0);
        if (a != small)
            wf_mem_free(a);
        return r;
    }
    ThreadState *ts = wf_tstate();
    uintptr_t tid = ts->tid;
    Frame *f = frame_alloc(ts, co);
    if (WF_UNLIKELY(!f))
        return 0;
    frame_init_head(ts, f, co, ceval_incref(func, tid));
    Value *p = f->localsplus, *end = p + co->nlocalsplus;
    if (self)
        *p++ = ceval_incref(self, tid);
    for (size_t i = 0; i < nargs; i++) {
        __asm__("" : "+r"(i));
        p[i] = ceval_incref(args[i], tid);
    }
    for (p += nargs; p < end; p++) {
        __asm__("" : "+r"(p));
        *p = 0;
    }
    f->stack_top = end;
    return wf_eval_frame(ts, f, 0);
}

static Value ceval_builtins_of(Value globals)
{
    Value b = wf_dict_get(globals, WF_ID(__builtins__));
    if (b && wf_is_type_exact(b, &wf_type_module))
        return wf_module_dict(b);
    if (b && wf_is_dict(b))
        return b;
    wf_err_clear();
    return wf_builtins_dict;
}

/* exec() of a function's code: no arguments or closure can be supplied. */
static int ceval_check_exec_code(CodeObject *co)
{
    if (co->nfree) {
        wf_err_format(wf_exc_TypeError, "code object requires a closure of exactly length %d", co->nfree);
        return -1;
    }
    int n = co->argcount ? co->argcount : co->kwonlyargcount;
    if (n == 0)
        return 0;
    Value names = bind_names_list(wf_as_tuple(co->varnames)->items, (size_t)n);   /* kw-only follow 0 positional */
    wf_err_format(wf_exc_TypeError, "%U() missing %d required %s argument%s: %U", co->qualname, n,
                  co->argcount ? "positional" : "keyword-only", n == 1 ? "" : "s", names);
    wf_decref(names);
    return -1;
}

Value wf_eval_code(Value code, Value globals, Value locals)
{
    ThreadState *ts = wf_tstate();
    CodeObject *co = wf_as_code(code);
    if (ceval_check_exec_code(co) < 0)
        return 0;
    if (co->flags & WF_CO_GENERATOR)
        return wf_incref(wf_None);   /* CPython makes a generator and drops it */
    Frame *f = frame_alloc(ts, co);
    if (!f)
        return 0;
    frame_init(ts, f, co, 0, globals, ceval_builtins_of(globals), WF_FRAME_OWNED_BY_THREAD);
    f->locals = wf_incref(locals ? locals : globals);
    for (int i = 0; i < co->ncells; i++)
        f->localsplus[co->nlocals + i] = wf_cell_new(0);
    return wf_eval_frame(ts, f, 0);
}

/* Run a class body function with `ns` as its locals; returns what the body
 * returns (its __class__ cell, or None). */
static Value ceval_run_class_body(Value func, Value ns)
{
    ThreadState *ts = wf_tstate();
    FunctionObject *fn = wf_as_func(func);
    CodeObject *co = wf_as_code(fn->code);
    Frame *f = frame_alloc(ts, co);
    if (!f)
        return 0;
    frame_init(ts, f, co, wf_incref(func), fn->globals, fn->builtins, WF_FRAME_OWNED_BY_THREAD);
    f->locals = wf_incref(ns);
    frame_init_cells(f, fn);
    return wf_eval_frame(ts, f, 0);
}

static Value ceval_calc_metaclass(Value meta, Value bases)
{
    if (!wf_is_type(meta))
        return meta;
    for (size_t i = 0; i < wf_tuple_size(bases); i++) {
        TypeObject *bt = wf_type(wf_tuple_get(bases, i));
        TypeObject *mt = wf_as_type(meta);
        if (mt == bt || wf_type_is_subtype(mt, bt))
            continue;
        if (wf_type_is_subtype(bt, mt)) {
            meta = wf_val(bt);
            continue;
        }
        return wf_err_set_str(wf_exc_TypeError,
                              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                              "subclass of the metaclasses of all its bases");
    }
    return meta;
}

/* The class statement's keywords other than metaclass=. */
typedef struct ClassKw {
    Value names[64], values[64];
    size_t n;
    Value meta;
} ClassKw;

static int ceval_class_keywords(const Value *args, size_t nargs, Value kwnames, ClassKw *kw)
{
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    kw->n = 0;
    kw->meta = 0;
    for (size_t i = 0; i < nkw; i++) {
        Value k = wf_tuple_get(kwnames, i);
        if (wf_str_eq_c(k, "metaclass")) {
            kw->meta = args[nargs + i];
            continue;
        }
        if (kw->n == 64) {
            wf_err_set_str(wf_exc_TypeError, "__build_class__: too many keyword arguments");
            return -1;
        }
        kw->names[kw->n] = k;
        kw->values[kw->n++] = args[nargs + i];
    }
    return 0;
}

/* callable(a, b[, c], **kw) with the class keywords. */
static Value ceval_call_with_class_kw(Value callable, const Value *first, size_t nfirst, ClassKw *kw)
{
    Value argv[3 + 64];
    memcpy(argv, first, sizeof(Value) * nfirst);
    memcpy(argv + nfirst, kw->values, sizeof(Value) * kw->n);
    Value names = kw->n ? wf_tuple_from_array(kw->names, kw->n) : 0;
    Value r = wf_call(callable, argv, nfirst, names);
    wf_decref(names);
    return r;
}

/* The class namespace: meta.__prepare__(name, bases, **kw) or a new dict. */
static Value ceval_class_namespace(Value meta, Value name, Value bases, ClassKw *kw)
{
    Value prep = wf_getattr_opt(meta, WF_ID(__prepare__));
    if (!prep)
        return wf_err_occurred() ? 0 : wf_dict_new();
    Value first[2] = {name, bases};
    Value ns = ceval_call_with_class_kw(prep, first, 2, kw);
    wf_decref(prep);
    return ns;
}

/* __build_class__(func, name, *bases, metaclass=..., **kwds) */
static Value ceval_build_class(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (nargs < 2 || !wf_is_function(args[0]) || !wf_is_str(args[1]))
        return wf_err_set_str(wf_exc_TypeError, "__build_class__: not enough arguments");
    Value func = args[0], name = args[1];
    ClassKw kw;
    if (ceval_class_keywords(args, nargs, kwnames, &kw) < 0)
        return 0;
    Value bases = wf_tuple_from_array(args + 2, nargs - 2);
    Value meta = kw.meta;
    if (!meta)
        meta = wf_tuple_size(bases) ? wf_val(wf_type(wf_tuple_get(bases, 0))) : wf_val(&wf_type_type);
    meta = ceval_calc_metaclass(meta, bases);
    Value ns = meta ? ceval_class_namespace(meta, name, bases, &kw) : 0;
    Value cell = ns ? ceval_run_class_body(func, ns) : 0;
    Value cls = 0;
    if (cell) {
        Value first[3] = {name, bases, ns};
        if (meta == wf_val(&wf_type_type) && kw.n == 0)
            cls = wf_type_new_class(name, bases, ns, meta);
        else
            cls = ceval_call_with_class_kw(meta, first, 3, &kw);
        /* Zero-argument super() in the methods finds the class here. */
        if (cls && wf_is_type_exact(cell, &wf_type_cell))
            wf_setref(&((CellObject *)wf_obj(cell))->ref, wf_incref(cls));
        wf_decref(cell);
    }
    wf_decref(ns);
    wf_decref(bases);
    return cls;
}

static const MethodDef ceval_build_class_def = {"__build_class__", ceval_build_class, 0,
                                                "Internal helper used by the class statement."};

void wf_func_init(void)
{
    wf_funcs_ready();
    ceval_build_class_func = wf_cfunction_new(&ceval_build_class_def, 0);
    wf_make_immortal(ceval_build_class_func);
}

/* ---- frame introspection ---- */

int wf_frame_super_args(TypeObject **type, Value *obj)
{
    Frame *f = wf_tstate()->frame;
    if (!f || !f->code) {
        wf_err_set_str(wf_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    CodeObject *co = f->code;
    if (co->argcount == 0 && !(co->flags & WF_CO_VARARGS)) {
        wf_err_set_str(wf_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Value first = f->localsplus[0];
    for (int i = 0; i < co->ncells; i++)
        if (co->cell2arg[i] == 0)
            first = ((CellObject *)wf_obj(f->localsplus[co->nlocals + i]))->ref;
    if (co->argcount == 0 && first && wf_is_tuple(first))
        first = wf_tuple_size(first) ? wf_tuple_get(first, 0) : 0;
    if (!first) {
        wf_err_set_str(wf_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nfree; i++) {
        if (!wf_str_eq_c(wf_tuple_get(co->freevars, i), "__class__"))
            continue;
        Value cls = ((CellObject *)wf_obj(f->localsplus[co->nlocals + co->ncells + i]))->ref;
        if (!cls) {
            wf_err_set_str(wf_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!wf_is_type(cls)) {
            wf_err_format(wf_exc_RuntimeError, "super(): __class__ is not a type (%T)", cls);
            return -1;
        }
        *type = wf_as_type(cls);
        *obj = first;
        return 0;
    }
    wf_err_set_str(wf_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

Value wf_frame_globals(void)
{
    Frame *f = wf_tstate()->frame;
    if (f)
        return f->globals;
    Value m = wf_sys_modules ? wf_dict_get(wf_sys_modules, WF_ID(__main__)) : 0;
    return m ? wf_module_dict(m) : 0;
}

Value wf_frame_locals(void)
{
    Frame *f = wf_tstate()->frame;
    if (!f)
        return wf_dict_new();
    if (f->locals)
        return wf_incref(f->locals);
    CodeObject *co = f->code;
    Value d = wf_dict_new();
    for (int i = 0; i < co->nlocalsplus; i++) {
        Value v = f->localsplus[i], name;
        if (i < co->nlocals) {
            name = wf_tuple_get(co->varnames, i);
        } else {
            name = ceval_deref_name(co, i);
            v = v ? ((CellObject *)wf_obj(v))->ref : 0;
        }
        if (v && wf_dict_set(d, name, v) < 0) {
            wf_decref(d);
            return 0;
        }
    }
    return d;
}

/* ---- running source ---- */

Value wf_run_source(const char *source, size_t len, const char *filename, Value globals, int mode)
{
    Value code = wf_compile(source, len, filename, mode);
    if (!code)
        return 0;
    if (getenv("WEFT_DIS"))
        wf_code_dis(code);
    return wf_eval_code(code, globals, 0);
}

Value wf_run_file(const char *path, Value module)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        TypeObject *t = e == ENOENT ? wf_exc_FileNotFoundError : e == EACCES ? wf_exc_PermissionError
                        : e == EISDIR ? wf_exc_IsADirectoryError : wf_exc_OSError;
        return wf_err_format(t, "[Errno %d] %s: '%s'", e, strerror(e), path);
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = wf_mem_alloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap)
            buf = wf_mem_realloc(buf, cap *= 2);
    }
    int rerr = ferror(fp);
    fclose(fp);
    if (rerr) {
        wf_mem_free(buf);
        return wf_err_format(wf_exc_OSError, "[Errno %d] %s: '%s'", EIO, strerror(EIO), path);
    }
    Value globals = wf_module_dict(module);
    Value file = wf_str_from_cstr(path);
    wf_dict_set(globals, WF_ID(__file__), file);
    wf_decref(file);
    Value r = wf_run_source(buf, len, path, globals, WF_MODE_EXEC);
    wf_mem_free(buf);
    if (!r)
        return 0;
    wf_decref(r);
    return wf_incref(wf_None);
}
