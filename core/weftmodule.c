/* weft: the _weft module, the interpreter's own introspection for tests. */
/* Python -> (instructions of a function, its specialized bytecode, uop traces run by hand). */
#include <stdlib.h>
#include <string.h>
#include "weft.h"
#include "ceval.h"
#include "frame.h"
#include "opcodes.h"
#include "runtime.h"
#include "seq.h"

/*
 * Tests of the specializing interpreter and of tier 2 need to see what
 * Python cannot: which instruction a site became, and a uop trace run on
 * a real frame. None of it is a stable API.
 *
 *   _weft.instructions(f)  [(offset, name, oparg)] of f's code (or a code object) as compiled
 *   _weft.specialized(f)   the same for this thread's copy (specialized forms)
 *   _weft.uop_run(f, args, trace)
 *                          call f(*args), but run `trace` first: a list of
 *                          (uop name, oparg, target offset, operand); when
 *                          the trace exits, tier 1 continues at its target
 *   _weft.uop_names()      every uop name, in uop number order
 *   _weft.type_version(t)  t's current version (the operand of type guards)
 */


static CodeObject *wm_code_of(const char *fname, Value f)
{
    if (wf_is_type_exact(f, &wf_type_code))
        return wf_as_code(f);
    if (!wf_is_function(f)) {
        wf_err_format(wf_exc_TypeError, "_weft.%s() argument must be a function or code, not %s", fname, wf_type_name(f));
        return NULL;
    }
    return wf_as_code(wf_as_func(f)->code);
}

/* [(offset, name, oparg)] of the instructions in code (prefixes folded). */
static Value wm_listing(CodeObject *co, const CodeUnit *code)
{
    Value out = wf_list_new(0);
    int arg = 0;
    for (uint32_t i = 0; out && i < co->ncode; i++) {
        int op = WF_OP(code[i]);
        arg = (arg << 8) | WF_ARG(code[i]);
        if (op == OP_EXTENDED_ARG)
            continue;
        Value name = wf_str_from_cstr(wf_opcode_names[op] ? wf_opcode_names[op] : "?");
        Value t = wf_tuple_pack(3, wf_small(i), name, wf_small(arg));
        wf_decref(name);
        if (!t || wf_list_append(out, t) < 0) {
            wf_xdecref(t);
            wf_decref(out);
            return 0;
        }
        wf_decref(t);
        i += wf_op_cache[op];
        arg = 0;
    }
    return out;
}

static Value wm_instructions(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_weft.instructions", nargs, 1, 1) < 0 || wf_no_kwargs("_weft.instructions", kwnames) < 0)
        return 0;
    CodeObject *co = wm_code_of("instructions", args[0]);
    return co ? wm_listing(co, co->code) : 0;
}

static Value wm_specialized(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_weft.specialized", nargs, 1, 1) < 0 || wf_no_kwargs("_weft.specialized", kwnames) < 0)
        return 0;
    CodeObject *co = wm_code_of("specialized", args[0]);
    return co ? wm_listing(co, wf_code_bytecode(co, wf_tstate())) : 0;
}

static Value wm_uop_names(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_weft.uop_names", nargs, 0, 0) < 0 || wf_no_kwargs("_weft.uop_names", kwnames) < 0)
        return 0;
    Value out = wf_list_new(0);
    for (int u = 1; out && u < UOP_COUNT; u++) {
        Value s = wf_str_from_cstr(wf_uop_names[u]);
        if (!s || wf_list_append(out, s) < 0) {
            wf_xdecref(s);
            wf_decref(out);
            return 0;
        }
        wf_decref(s);
    }
    return out;
}

static int wm_uop_number(Value name)
{
    const char *s = wf_str_cstr(name);
    for (int u = 1; u < UOP_COUNT; u++)
        if (!strcmp(wf_uop_names[u], s))
            return u;
    wf_err_format(wf_exc_ValueError, "unknown uop %R", name);
    return -1;
}

/* The trace as C uops; a trace must end in _EXIT_TRACE or loop. */
static WfUopInst *wm_trace(Value list, uint32_t ncode)
{
    if (!wf_is_list(list)) {
        wf_err_set_str(wf_exc_TypeError, "_weft.uop_run() trace must be a list");
        return NULL;
    }
    size_t n = wf_list_size(list);
    WfUopInst *trace = calloc(n ? n : 1, sizeof *trace);
    for (size_t i = 0; i < n; i++) {
        Value t = wf_list_get_ref(list, i);
        int64_t oparg, target, operand;
        int ok = t && wf_is_tuple_exact(t) && wf_tuple_size(t) == 4 && wf_is_str_exact(wf_as_tuple(t)->items[0]);
        int u = ok ? wm_uop_number(wf_as_tuple(t)->items[0]) : -1;
        if (ok && u < 0) {
            wf_decref(t);
            free(trace);
            return NULL;
        }
        ok = ok && wf_int_as_i64(wf_as_tuple(t)->items[1], &oparg) == 0 &&
             wf_int_as_i64(wf_as_tuple(t)->items[2], &target) == 0 &&
             wf_int_as_i64(wf_as_tuple(t)->items[3], &operand) == 0 &&
             oparg >= 0 && oparg <= 0xFFFF && target >= 0 && target < ncode;
        wf_xdecref(t);
        if (!ok) {
            if (!wf_err_occurred())
                wf_err_set_str(wf_exc_ValueError, "_weft.uop_run(): a uop is (name, oparg, target offset, operand)");
            free(trace);
            return NULL;
        }
        trace[i] = (WfUopInst){ (uint16_t)u, (uint16_t)oparg, (uint32_t)target, (uint64_t)operand };
    }
    if (n == 0 || (trace[n - 1].opcode != UOP__EXIT_TRACE && trace[n - 1].opcode != UOP__JUMP_TO_TOP)) {
        wf_err_set_str(wf_exc_ValueError, "_weft.uop_run(): a trace ends with _EXIT_TRACE or _JUMP_TO_TOP");
        free(trace);
        return NULL;
    }
    return trace;
}

static Value wm_uop_run(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_weft.uop_run", nargs, 3, 3) < 0 || wf_no_kwargs("_weft.uop_run", kwnames) < 0)
        return 0;
    CodeObject *co = wm_code_of("uop_run", args[0]);
    if (!co)
        return 0;
    if (co->flags & WF_CO_GENERATOR) {
        wf_err_set_str(wf_exc_ValueError, "_weft.uop_run() cannot run a generator function");
        return 0;
    }
    if (!wf_is_tuple_exact(args[1])) {
        wf_err_set_str(wf_exc_TypeError, "_weft.uop_run() args must be a tuple");
        return 0;
    }
    WfUopInst *trace = wm_trace(args[2], co->ncode);
    if (!trace)
        return 0;
    Frame *f = wf_frame_new_heap(args[0], wf_as_tuple(args[1])->items, wf_tuple_size(args[1]), 0);
    if (!f) {
        free(trace);
        return 0;
    }
    ThreadState *ts = wf_tstate();
    /* The frame runs in this thread's bytecode; the trace starts it. */
    f->previous = ts->frame;
    ts->frame = f;
    int rc = wf_uop_run(ts, f, trace);
    ts->frame = f->previous;
    f->previous = NULL;
    free(trace);
    Value res = wf_eval_frame(ts, f, rc < 0);
    wf_frame_clear(f);
    wf_decref(f->func);
    wf_mem_free(f);
    return res;
}

static Value wm_type_version(Value self, const Value *args, size_t nargs, Value kwnames)
{
    (void)self;
    if (wf_check_nargs("_weft.type_version", nargs, 1, 1) < 0 || wf_no_kwargs("_weft.type_version", kwnames) < 0)
        return 0;
    if (!wf_is_type(args[0]))
        return wf_err_format(wf_exc_TypeError, "_weft.type_version() argument must be a type, not %s",
                             wf_type_name(args[0]));
    return wf_int_from_i64(wf_type_version(wf_as_type(args[0])));
}

static const MethodDef weft_functions[] = {
    {"instructions", wm_instructions, 0, "The instructions of a function's code as compiled: [(offset, name, oparg)]."},
    {"specialized", wm_specialized, 0, "The instructions of this thread's copy of a function's code: [(offset, name, oparg)]."},
    {"uop_names", wm_uop_names, 0, "The names of the tier-2 uops, in number order."},
    {"uop_run", wm_uop_run, 0, "uop_run(f, args, trace): call f(*args) starting with a hand-built uop trace."},
    {"type_version", wm_type_version, 0, "type_version(t): the version a type guard compares (0: unversioned)."},
    {NULL, NULL, 0, NULL},
};

Value wf_weft_module_create(void)
{
    Value m = wf_module_new("_weft");
    if (!m || wf_module_add_functions(m, weft_functions) < 0)
        return 0;
    return m;
}
