/* weft: generator objects. */
/* Generator function call -> suspended heap frame; send/throw/close -> resumed frame. */
#include "weft.h"
#include "ceval.h"
#include "opcodes.h"
#include "objimpl.h"   /* wf_mem_free_small: frames come from the free lists */

/*
 * A generator owns a heap copy of its frame (frame.h). Each resumption runs
 * that frame in a nested wf_eval_frame call, linked below the caller's frame.
 * The exception being handled inside the generator (exc_state) is swapped
 * into the thread state while it runs and back out when it yields, so an
 * except block around a yield does not leak into the caller.
 *
 * Threads: `running` is an ownership claim. Every public entry (next, send,
 * throw, close, the interpreter's SEND/FOR_ITER through wf_gen_send_ex) takes
 * it with one compare-and-swap 0 -> 1 (acquire) before touching the frame and
 * gives it back with a release store, so at most one thread runs the frame;
 * a second thread, or the generator calling itself, fails the CAS and gets
 * ValueError "generator already executing". The release/acquire pair hands
 * the frame's memory from one resuming thread to the next. Getters that look
 * into the frame (gi_suspended, gi_yieldfrom) take the claim too, and report
 * "running" without looking when they cannot.
 *
 * The frame's bytecode is the copy of the thread that ran it last, which that
 * thread may be rewriting now (specializing other frames of the same code):
 * instructions are decoded from the code object's template, co->code, at the
 * frame's offset, never from the frame's copy (core/code.h).
 */
#include "sync/atomic.h"

Value wf_gen_new(Frame *frame, Value func)
{
    GenObject *g = (GenObject *)wf_object_alloc(&wf_type_generator, sizeof(GenObject));
    FunctionObject *fn = wf_as_func(func);
    g->name = wf_incref(fn->name);
    g->qualname = wf_incref(fn->qualname);
    g->frame = frame;
    return wf_val(g);
}

static GenObject *gen_of(Value v) { return (GenObject *)wf_obj(v); }

/* Take the generator for this thread; false if it is running. */
static bool gen_claim(GenObject *g)
{
    uint8_t expected = 0;
    /* acquire: pairs with the release in gen_unclaim() of the previous runner */
    return wf_atomic_cas_acquire_u8(&g->running, &expected, 1);
}

static void gen_unclaim(GenObject *g)
{
    wf_atomic_store_release_u8(&g->running, 0);  /* release: pairs with gen_claim() */
}

static Value gen_already_executing(void)
{
    return wf_err_set_str(wf_exc_ValueError, "generator already executing");
}

static Value gen_repr(Value v)
{
    return wf_str_printf("<generator object %U at %p>", gen_of(v)->qualname, (void *)wf_obj(v));
}

/* PEP 479: a StopIteration escaping the generator body becomes RuntimeError. */
static void gen_stop_iteration_to_runtime_error(void)
{
    if (!wf_err_matches(wf_exc_StopIteration))
        return;
    Value stop = wf_err_fetch();
    Value msg = wf_str_from_cstr("generator raised StopIteration");
    Value exc = wf_exc_new(wf_exc_RuntimeError, &msg, 1);
    wf_decref(msg);
    if (!exc) {
        wf_decref(stop);
        return;
    }
    ExceptionObject *e = (ExceptionObject *)wf_obj(exc);
    e->cause = wf_incref(stop);
    e->context = stop;
    e->suppress_context = 1;
    wf_err_restore(exc);
}

/* value == 0: throw the exception already set (the throw() path). The
 * caller holds the claim. */
static Value gen_resume(GenObject *g, Value value, int *done)
{
    Frame *f = g->frame;
    ThreadState *ts = wf_tstate();
    *done = 0;
    if (f->state == WF_FRAME_COMPLETED) {
        if (!value)
            return 0;
        *done = 1;
        return wf_incref(wf_None);
    }
    if (f->state == WF_FRAME_CREATED && value && value != wf_None)
        return wf_err_set_str(wf_exc_TypeError, "can't send non-None value to a just-started generator");
    if (ts->recursion_depth >= wf_recursion_limit) {
        if (!value)
            wf_err_clear();
        return wf_err_set_str(wf_exc_RecursionError, "maximum recursion depth exceeded");
    }
    if (f->state != WF_FRAME_CREATED && value)
        *f->stack_top++ = wf_incref(value);
    Value outer = ts->exc_info;
    ts->exc_info = g->exc_state ? g->exc_state : wf_incref(outer);
    g->exc_state = 0;
    ts->recursion_depth++;
    Value r = wf_eval_frame(ts, f, value == 0);
    ts->recursion_depth--;
    Value inner = ts->exc_info;
    if (inner == outer || f->state == WF_FRAME_COMPLETED)
        wf_decref(inner);
    else
        g->exc_state = inner;
    ts->exc_info = outer;
    if (!r) {
        gen_stop_iteration_to_runtime_error();
        return 0;
    }
    if (f->state == WF_FRAME_COMPLETED)
        *done = 1;
    return r;
}

/* gen_resume for an unclaimed generator. */
static Value gen_resume_claim(GenObject *g, Value value, int *done)
{
    if (!gen_claim(g)) {
        *done = 0;
        if (!value)
            wf_err_clear();
        return gen_already_executing();
    }
    Value r = gen_resume(g, value, done);
    gen_unclaim(g);
    return r;
}

Value wf_gen_send_ex(Value gen, Value value, int *done)
{
    return gen_resume_claim(gen_of(gen), value, done);
}

static Value gen_iternext(Value self)
{
    int done;
    Value r = gen_resume_claim(gen_of(self), wf_None, &done);
    if (!r || !done)
        return r;
    if (r == wf_None)
        return 0;   /* exhausted, no exception needed */
    wf_err_stop_iteration(r);
    wf_decref(r);
    return 0;
}

static Value gen_iter(Value self) { return wf_incref(self); }

static Value gen_send(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("send", kwnames) < 0 || wf_check_nargs("send", nargs, 1, 1) < 0)
        return 0;
    int done;
    Value r = gen_resume_claim(gen_of(self), args[0], &done);
    if (!r || !done)
        return r;
    wf_err_stop_iteration(r == wf_None ? 0 : r);
    wf_decref(r);
    return 0;
}

/* The receiver of a `yield from` the generator is suspended in, or 0. */
static Value gen_yf(GenObject *g)
{
    Frame *f = g->frame;
    if (f->state != WF_FRAME_SUSPENDED)
        return 0;
    CodeUnit prev = f->code->code[f->instr - f->bytecode - 1];
    if (WF_OP(prev) != OP_YIELD_VALUE || WF_ARG(prev) != 1)
        return 0;
    return f->stack_top[-1];
}

/* Decode the instruction at p in co->code (with EXTENDED_ARG prefixes);
 * returns the address after it and its caches. */
static const CodeUnit *gen_decode(const CodeUnit *p, int *op, int *arg)
{
    int a = 0;
    while (WF_OP(*p) == OP_EXTENDED_ARG) {
        a = (a << 8) | WF_ARG(*p);
        p++;
    }
    *op = WF_OP(*p);
    *arg = (a << 8) | WF_ARG(*p);
    return p + 1 + wf_op_cache[*op];
}

/* The receiver finished with `value` during throw(): continue the outer
 * generator at the END_SEND of its yield-from loop. */
static Value gen_finish_yield_from(GenObject *g, Value value, int *done)
{
    Frame *f = g->frame;
    const CodeUnit *code = f->code->code;
    int op, arg;
    const CodeUnit *after = gen_decode(code + (f->instr - f->bytecode), &op, &arg);   /* JUMP_BACKWARD_NO_INTERRUPT */
    const CodeUnit *send = after - arg;
    after = gen_decode(send, &op, &arg);                 /* SEND */
    f->instr = f->bytecode + (after + arg - code);       /* END_SEND */
    return gen_resume(g, value, done);
}

static Value gen_close_receiver(Value yf)
{
    if (wf_is_type_exact(yf, &wf_type_generator))
        return wf_call_method(yf, "close", NULL, 0);
    Value m = wf_getattr_opt(yf, WF_ID(close));
    if (!m)
        return wf_err_occurred() ? 0 : wf_incref(wf_None);
    Value r = wf_call0(m);
    wf_decref(m);
    return r;
}

/* throw() with a normalized exception instance (stolen); the caller holds
 * g's claim. */
static Value gen_throw_exc(GenObject *g, Value exc, int *done)
{
    *done = 0;
    Value yf = gen_yf(g);
    if (yf) {
        wf_incref(yf);
        if (wf_isinstance_type(exc, wf_exc_GeneratorExit)) {
            Value r = gen_close_receiver(yf);
            wf_decref(yf);
            if (!r) {
                wf_decref(exc);
                return gen_resume(g, 0, done);
            }
            wf_decref(r);
        } else {
            Value r;
            if (wf_is_type_exact(yf, &wf_type_generator)) {
                int d2 = 0;
                GenObject *inner = gen_of(yf);
                if (gen_claim(inner)) {
                    r = gen_throw_exc(inner, exc, &d2);
                    gen_unclaim(inner);
                } else {
                    wf_decref(exc);
                    r = gen_already_executing();
                }
                exc = 0;
                if (r && d2) {
                    wf_decref(yf);
                    Value out = gen_finish_yield_from(g, r, done);
                    wf_decref(r);
                    return out;
                }
            } else {
                Value m = wf_getattr_opt(yf, WF_ID(throw));
                if (!m) {
                    wf_decref(yf);
                    if (wf_err_occurred()) {
                        wf_decref(exc);
                        return gen_resume(g, 0, done);
                    }
                    wf_err_restore(exc);
                    return gen_resume(g, 0, done);
                }
                r = wf_call1(m, exc);
                wf_decref(m);
                wf_decref(exc);
                exc = 0;
            }
            wf_decref(yf);
            if (r)
                return r;   /* the receiver yielded: stay suspended in yield from */
            if (wf_err_matches(wf_exc_StopIteration)) {
                Value stop = wf_err_fetch();
                Value v = wf_stop_iteration_value(stop);
                wf_decref(stop);
                Value out = gen_finish_yield_from(g, v, done);
                wf_decref(v);
                return out;
            }
            return gen_resume(g, 0, done);
        }
    }
    wf_err_restore(exc);
    return gen_resume(g, 0, done);
}

/* throw(type[, value[, tb]]) -> a normalized exception instance. */
static Value gen_make_throw_exc(const Value *args, size_t nargs)
{
    Value typ = args[0], val = nargs > 1 ? args[1] : wf_None;
    if (wf_is_type(typ) && wf_type_is_subtype(wf_as_type(typ), wf_exc_BaseException)) {
        if (val != wf_None && wf_isinstance_type(val, wf_as_type(typ)))
            return wf_incref(val);
        if (val == wf_None)
            return wf_call0(typ);
        if (wf_is_tuple(val))
            return wf_call(typ, wf_as_tuple(val)->items, wf_tuple_size(val), 0);
        return wf_call1(typ, val);
    }
    if (wf_isinstance_type(typ, wf_exc_BaseException)) {
        if (val != wf_None)
            return wf_err_set_str(wf_exc_TypeError, "instance exception may not have a separate value");
        return wf_incref(typ);
    }
    return wf_err_format(wf_exc_TypeError,
                         "exceptions must be classes or instances deriving from BaseException, not %T", typ);
}

static Value gen_throw(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("throw", kwnames) < 0 || wf_check_nargs("throw", nargs, 1, 3) < 0)
        return 0;
    Value exc = gen_make_throw_exc(args, nargs);
    if (!exc)
        return 0;
    if (nargs > 2 && args[2] != wf_None && wf_isinstance_type(exc, wf_exc_BaseException)) {
        ExceptionObject *e = (ExceptionObject *)wf_obj(exc);
        wf_setref(&e->traceback, wf_incref(args[2]));
    }
    int done;
    GenObject *g = gen_of(self);
    if (!gen_claim(g)) {
        wf_decref(exc);
        return gen_already_executing();
    }
    Value r = gen_throw_exc(g, exc, &done);
    gen_unclaim(g);
    if (!r || !done)
        return r;
    wf_err_stop_iteration(r == wf_None ? 0 : r);
    wf_decref(r);
    return 0;
}

static Value gen_close_claimed(GenObject *g);

static Value gen_close(Value self, const Value *args, size_t nargs, Value kwnames)
{
    GenObject *g = gen_of(self);
    if (!gen_claim(g))
        return gen_already_executing();
    Value r = gen_close_claimed(g);
    gen_unclaim(g);
    return r;
}

static Value gen_close_claimed(GenObject *g)
{
    Frame *f = g->frame;
    if (f->state == WF_FRAME_CREATED) {
        f->state = WF_FRAME_COMPLETED;
        wf_frame_clear(f);
        return wf_incref(wf_None);
    }
    if (f->state == WF_FRAME_COMPLETED)
        return wf_incref(wf_None);
    Value exc = wf_exc_new(wf_exc_GeneratorExit, NULL, 0);
    if (!exc)
        return 0;
    int done;
    Value r = gen_throw_exc(g, exc, &done);
    if (r) {
        wf_decref(r);
        if (done)
            return wf_incref(wf_None);
        return wf_err_set_str(wf_exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (wf_err_matches(wf_exc_GeneratorExit) || wf_err_matches(wf_exc_StopIteration)) {
        wf_err_clear();
        return wf_incref(wf_None);
    }
    return 0;
}

/* CPython's default unraisable hook: an error in a finalizer is reported, not raised. */
static void gen_write_unraisable(Value gen)
{
    Value exc = wf_err_fetch();
    Value r = gen_repr(gen);
    if (r) {
        wf_sys_write_stderr("Exception ignored in: ");
        wf_sys_write_stderr(wf_str_cstr(r));
        wf_sys_write_stderr("\n");
        wf_decref(r);
    }
    wf_err_clear();
    if (exc) {
        wf_exc_print(exc);
        wf_decref(exc);
    }
}

static void gen_dealloc(Object *o)
{
    GenObject *g = (GenObject *)o;
    Frame *f = g->frame;
    if (f->state == WF_FRAME_SUSPENDED) {
        /* Run pending finally blocks, as CPython's generator finalizer does. */
        Value saved = wf_err_fetch();
        wf_object_resurrect(o);   /* for the duration of close() */
        Value r = gen_close(wf_val(o), NULL, 0, 0);
        wf_decref(r);
        if (!r)
            gen_write_unraisable(wf_val(o));
        if (saved)
            wf_err_restore(saved);
        if (!wf_object_unresurrect(o))
            return;   /* the finally block stored the generator somewhere: LEAK: it stays alive */
    }
    if (f->state != WF_FRAME_COMPLETED)
        wf_frame_clear(f);
    wf_decref(f->func);
    wf_mem_free_small(f);   /* wf_frame_new_heap took it from the free lists */
    wf_decref(g->name);
    wf_decref(g->qualname);
    wf_decref(g->exc_state);
    wf_object_free(o);
}

static Value gen_get_running(Value v) { return wf_bool(wf_atomic_load_relaxed_u8(&gen_of(v)->running)); }
static Value gen_get_name(Value v) { return wf_incref(gen_of(v)->name); }
static Value gen_get_qualname(Value v) { return wf_incref(gen_of(v)->qualname); }
static Value gen_get_code(Value v) { return wf_val(gen_of(v)->frame->code); }
static Value gen_get_frame(Value v)
{
    /* Frames are not Python objects yet: a finished generator has none. */
    GenObject *g = gen_of(v);
    if (!gen_claim(g))
        return wf_True;  /* running, so not finished */
    bool done = g->frame->state == WF_FRAME_COMPLETED;
    gen_unclaim(g);
    return done ? wf_None : wf_True;
}
static Value gen_get_suspended(Value v)
{
    GenObject *g = gen_of(v);
    if (!gen_claim(g))
        return wf_False;  /* running, hence not suspended */
    bool r = g->frame->state == WF_FRAME_SUSPENDED;
    gen_unclaim(g);
    return wf_bool(r);
}
static Value gen_get_yieldfrom(Value v)
{
    GenObject *g = gen_of(v);
    if (!gen_claim(g))
        return wf_None;  /* running: CPython shows the receiver; we cannot look */
    Value yf = gen_yf(g);
    wf_incref(yf ? yf : wf_None);
    gen_unclaim(g);
    return yf ? yf : wf_None;
}

static const GetSetDef gen_getset[] = {
    {"gi_running", gen_get_running, NULL},
    {"gi_frame", gen_get_frame, NULL},
    {"gi_code", gen_get_code, NULL},
    {"gi_suspended", gen_get_suspended, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL},
    {"__name__", gen_get_name, NULL},
    {"__qualname__", gen_get_qualname, NULL},
    {NULL, NULL, NULL},
};

static const MethodDef gen_methods[] = {
    {"send", gen_send, 0, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, 0, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator."},
    {"close", gen_close, 0, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

TypeObject wf_type_generator = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "generator",
    .tp_basicsize = sizeof(GenObject),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_getattr = wf_object_generic_getattr,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};
