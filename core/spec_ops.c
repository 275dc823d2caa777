/* weft: the specializers of globals, operators and subscripts. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "weft.h"
#include "ceval.h"
#include "dict.h"
#include "frame.h"
#include "specialize.h"
#include "spec_ops.h"
#include "opcodes.h"
#include "set.h"

/* Why a head stayed generic: the fail_reason index of the statistics
 * (PYTHON_SPECIALIZATION_STATS prints "failure reason N"). */
#define SPEC_OPS_FAILS(X)                                                         \
    X(OTHER_TYPES)      /* operand types no form covers */                        \
    X(OTHER_OPERATOR)   /* the types fit, the operator has no form */             \
    X(HEAP_INT)         /* an int outside the tagged range */                     \
    X(NOT_EXACT_DICT)   /* globals or builtins is a dict subclass */              \
    X(NAME_NOT_STR)     /* a global's name that is not an exact str */           \
    X(FAR_ENTRY)        /* the entry's position does not fit 16 bits */           \
    X(NOT_IN_GLOBALS)   /* in globals under an equal key that is another object */ \
    X(NOT_FOUND)        /* absent from globals and builtins: NameError */         \
    X(NO_VERSION)       /* keys versions exhausted */                             \
    X(NO_SUBSCR_NEXT)   /* a slice not loaded or stored next (del, a[i:j] += x) */
enum {
#define X(n) SPEC_FAIL_##n,
    SPEC_OPS_FAILS(X)
#undef X
};

/* The verdict: form installed, or the head kept with its counter backed off. */
static void spec_finish(CodeUnit *instr, int head, int form, int why)
{
    if (form < 0)
        wf_spec_fail(instr, head, why);
    else
        wf_spec_success(instr, form);
}

/* ---- LOAD_GLOBAL ----
 * Cache units (after the counter): LOAD_GLOBAL_MODULE: index, 2 unused;
 * LOAD_GLOBAL_BUILTIN: globals keys version (2), index. */

/* Entry positions are cached in one 16-bit unit. */
static bool spec_entry_fits(intptr_t ix, int *why)
{
    if (ix <= UINT16_MAX)
        return true;
    *why = SPEC_FAIL_FAR_ENTRY;
    return false;
}

/* name absent from globals: LOAD_GLOBAL_BUILTIN, guarded by globals' keys
 * version. The version is read BEFORE the probe that finds the name absent
 * (dict.h K1-K3): a key inserted since makes the guard fail. */
static int spec_load_builtin_form(Value globals, Value builtins, CodeUnit *instr, Value name, int *why)
{
    uint32_t version = wf_dict_keys_version(globals);
    *why = SPEC_FAIL_NO_VERSION;
    if (!version)
        return -1;
    /* an identity probe (no __eq__ runs): 0 only when surely absent */
    Hash hash = wf_dict_str_hash(name);
    Value v;
    *why = SPEC_FAIL_NOT_IN_GLOBALS;
    if (hash == -1 || wf_dict_probe_ident(wf_as_dict(globals), name, hash, &v) != 0)
        return -1;
    *why = SPEC_FAIL_NOT_FOUND;
    intptr_t ix = wf_dict_hint_of(builtins, name);
    if (ix < 0 || !spec_entry_fits(ix, why))
        return -1;
    wf_cache_write32(instr + 2, version);
    wf_cache_write16(instr + 4, (uint16_t)ix);
    return OP_LOAD_GLOBAL_BUILTIN;
}

static int spec_load_global_form(Frame *frame, CodeUnit *instr, Value name, int *why)
{
    Value globals = frame->globals, builtins = frame->builtins;
    *why = SPEC_FAIL_NAME_NOT_STR;
    if (!wf_is_str_exact(name))
        return -1;
    *why = SPEC_FAIL_NOT_EXACT_DICT;
    if (!wf_is_dict_exact(globals) || !wf_is_dict_exact(builtins))
        return -1;
    intptr_t ix = wf_dict_hint_of(globals, name);
    if (ix < 0)
        return spec_load_builtin_form(globals, builtins, instr, name, why);
    if (!spec_entry_fits(ix, why))
        return -1;
    wf_cache_write16(instr + 2, (uint16_t)ix);
    return OP_LOAD_GLOBAL_MODULE;
}

void wf_specialize_load_global(struct Frame *frame, CodeUnit *instr, Value name)
{
    int why;
    int form = spec_load_global_form(frame, instr, name, &why);
    spec_finish(instr, OP_LOAD_GLOBAL, form, why);
}

/* ---- BINARY_OP ---- */

/* The form for two small ints, or -1. */
static int spec_binop_small(int op)
{
    switch (op) {
    case WF_BINOP_ADD: return OP_BINARY_OP_ADD_INT;
    case WF_BINOP_SUB: return OP_BINARY_OP_SUBTRACT_INT;
    case WF_BINOP_MUL: return OP_BINARY_OP_MULTIPLY_INT;
    /* the operators ceval_small_binop computes */
    case WF_BINOP_FLOORDIV:
    case WF_BINOP_MOD:
    case WF_BINOP_AND:
    case WF_BINOP_OR:
    case WF_BINOP_XOR:
    case WF_BINOP_RSHIFT:
        return OP_BINARY_OP_OTHER_INT;
    default:
        return -1;
    }
}

static int spec_binop_float(int op)
{
    switch (op) {
    case WF_BINOP_ADD: return OP_BINARY_OP_ADD_FLOAT;
    case WF_BINOP_SUB: return OP_BINARY_OP_SUBTRACT_FLOAT;
    case WF_BINOP_MUL: return OP_BINARY_OP_MULTIPLY_FLOAT;
    case WF_BINOP_TRUEDIV: return OP_BINARY_OP_TRUE_DIVIDE_FLOAT;
    default: return -1;
    }
}

static bool spec_binop_mixable(int op)
{
    return op == WF_BINOP_ADD || op == WF_BINOP_SUB || op == WF_BINOP_MUL || op == WF_BINOP_TRUEDIV;
}

/* str + str: the in-place form when STORE_FAST follows (it may then grow
 * the local's string; ceval_str_concat checks the local at run time). */
static int spec_binop_str(const CodeUnit *instr)
{
    const CodeUnit *next = instr + 1 + wf_op_cache[OP_BINARY_OP];
    return WF_OP(*next) == OP_STORE_FAST ? OP_BINARY_OP_INPLACE_ADD_STR : OP_BINARY_OP_ADD_STR;
}

static int spec_binop_form(Value lhs, Value rhs, const CodeUnit *instr, int op, int *why)
{
    bool il = wf_is_small(lhs), ir = wf_is_small(rhs);
    bool fl = wf_is_float_exact(lhs), fr = wf_is_float_exact(rhs);
    int form = -1;
    if (il && ir)
        form = spec_binop_small(op);
    else if (fl && fr)
        form = spec_binop_float(op);
    else if ((fl && ir) || (il && fr))
        form = !spec_binop_mixable(op) ? -1 : fl ? OP_BINARY_OP_FLOAT_INT : OP_BINARY_OP_INT_FLOAT;
    else if (wf_is_str_exact(lhs) && wf_is_str_exact(rhs))
        form = op == WF_BINOP_ADD ? spec_binop_str(instr) : -1;
    else {
        bool heap_int = wf_is_type_exact(lhs, &wf_type_int) || wf_is_type_exact(rhs, &wf_type_int);
        *why = heap_int ? SPEC_FAIL_HEAP_INT : SPEC_FAIL_OTHER_TYPES;
        return -1;
    }
    *why = SPEC_FAIL_OTHER_OPERATOR;
    return form;
}

void wf_specialize_binary_op(Value lhs, Value rhs, CodeUnit *instr, int oparg)
{
    int why;
    int form = spec_binop_form(lhs, rhs, instr, oparg & ~WF_BINOP_INPLACE, &why);
    spec_finish(instr, OP_BINARY_OP, form, why);
}

Value wf_spec_small_binop_big(Value a, Value b, int op)
{
    return wf_binop(a, b, op);
}

/* ---- COMPARE_OP ---- */

static int spec_compare_form(Value lhs, Value rhs, int oparg, int *why)
{
    *why = SPEC_FAIL_OTHER_TYPES;
    if (wf_is_small(lhs) && wf_is_small(rhs))
        return OP_COMPARE_OP_INT;
    if (wf_is_float_exact(lhs) && wf_is_float_exact(rhs))
        return OP_COMPARE_OP_FLOAT;
    if (wf_is_float_exact(lhs) && wf_is_small(rhs))
        return OP_COMPARE_OP_FLOAT_INT;
    if (!wf_is_str_exact(lhs) || !wf_is_str_exact(rhs))
        return -1;
    *why = SPEC_FAIL_OTHER_OPERATOR;
    return oparg == WF_EQ || oparg == WF_NE ? OP_COMPARE_OP_STR : -1;
}

void wf_specialize_compare_op(Value lhs, Value rhs, CodeUnit *instr, int oparg)
{
    int why;
    int form = spec_compare_form(lhs, rhs, oparg, &why);
    spec_finish(instr, OP_COMPARE_OP, form, why);
}

/* ---- BINARY_SUBSCR, STORE_SUBSCR ---- */

void wf_specialize_binary_subscr(Value container, Value sub, CodeUnit *instr)
{
    int form = -1;
    if (wf_is_list_exact(container) && wf_is_small(sub))
        form = OP_BINARY_SUBSCR_LIST_INT;
    else if (wf_is_tuple_exact(container) && wf_is_small(sub))
        form = OP_BINARY_SUBSCR_TUPLE_INT;
    else if (wf_is_dict_exact(container))
        form = OP_BINARY_SUBSCR_DICT;
    spec_finish(instr, OP_BINARY_SUBSCR, form, SPEC_FAIL_OTHER_TYPES);
}

void wf_specialize_store_subscr(Value container, Value sub, CodeUnit *instr)
{
    int form = -1;
    if (wf_is_list_exact(container) && wf_is_small(sub))
        form = OP_STORE_SUBSCR_LIST_INT;
    else if (wf_is_dict_exact(container))
        form = OP_STORE_SUBSCR_DICT;
    spec_finish(instr, OP_STORE_SUBSCR, form, SPEC_FAIL_OTHER_TYPES);
}

/* ---- BUILD_SLICE: fused with the subscript that follows ---- */

void wf_specialize_build_slice(Value container, Value start, Value stop, Value step, CodeUnit *instr)
{
    int next = wf_op_family[WF_OP(instr[1 + wf_op_cache[OP_BUILD_SLICE]])];
    int form = -1, why = SPEC_FAIL_OTHER_TYPES;
    if (wf_is_list_exact(container) && wf_spec_slice_small(start, stop, step)) {
        if (next == OP_BINARY_SUBSCR)
            form = OP_BUILD_SLICE_SUBSCR_LIST;
        else if (next == OP_STORE_SUBSCR)
            form = OP_BUILD_SLICE_STORE_LIST;
        else
            why = SPEC_FAIL_NO_SUBSCR_NEXT;
    }
    spec_finish(instr, OP_BUILD_SLICE, form, why);
}

/* ---- BUILD_SET: `s | {x}` ---- */

void wf_specialize_build_set(const Value *values, int n, CodeUnit *instr)
{
    CodeUnit next = instr[1 + wf_op_cache[OP_BUILD_SET]];
    int form = -1, why = SPEC_FAIL_OTHER_OPERATOR;
    if (n == 1 && wf_op_family[WF_OP(next)] == OP_BINARY_OP && WF_ARG(next) == WF_BINOP_OR) {
        /* The BINARY_OP takes the new set as its right operand: its left
         * one is the value below ours on the stack. */
        Value left = values[-1];
        why = SPEC_FAIL_OTHER_TYPES;
        if (wf_is_type_exact(left, &wf_type_frozenset) || wf_is_type_exact(left, &wf_type_set))
            form = OP_BUILD_SET_UNION;
    }
    spec_finish(instr, OP_BUILD_SET, form, why);
}

Value wf_spec_dict_subscr(Value dict, Value key)
{
    Value v = wf_is_str_exact(key) ? wf_dict_get_str(dict, key) : wf_dict_get(dict, key);
    if (v)
        return wf_incref(v);
    if (!wf_err_occurred())
        wf_err_set_value(wf_exc_KeyError, key);
    return 0;
}
