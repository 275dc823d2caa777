/* weft: the bool type and its two instances. */
/* bool(x) -> True/False; bool arithmetic is int arithmetic except & | ^. */
#include "int.h"

/* True and False are static, immortal BoolObjects (not tagged ints), so
 * `x is True` is a pointer test. Int routines read them as 1 and 0. */
BoolObject wf_true_obj = {WF_STATIC_HEAD(&wf_type_bool), 1};
BoolObject wf_false_obj = {WF_STATIC_HEAD(&wf_type_bool), 0};

Value wf_bool_from_int(int b) { return wf_bool(b); }

static Value bool_repr(Value v)
{
    return wf_str_intern_c(v == wf_True ? "True" : "False");
}

/* & | ^ of two bools stay bools; everything else is int's business. */
static Value bool_binop(Value a, Value b, int op)
{
    if (wf_is_bool(a) && wf_is_bool(b)) {
        int x = a == wf_True, y = b == wf_True;
        if (op == WF_BINOP_AND)
            return wf_bool(x & y);
        if (op == WF_BINOP_OR)
            return wf_bool(x | y);
        if (op == WF_BINOP_XOR)
            return wf_bool(x ^ y);
    }
    return wf_type_int.tp_binop(a, b, op);
}

static Value bool_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("bool", kwnames) < 0 || wf_check_nargs("bool", nargs, 0, 1) < 0)
        return 0;
    if (nargs == 0)
        return wf_False;
    int t = wf_truthy(args[0]);
    return t < 0 ? 0 : wf_bool(t);
}

static int bool_bool(Value v) { return v == wf_True; }

static Hash bool_hash(Value v) { return v == wf_True; }

TypeObject wf_type_bool = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "bool",
    .tp_basicsize = sizeof(BoolObject),
    .tp_flags = WF_TPF_INT_SUBCLASS,  /* no BASETYPE: bool cannot be subclassed */
    .tp_base = &wf_type_int,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_hash = bool_hash,
    .tp_new = bool_new,
    .tp_bool = bool_bool,
    .tp_binop = bool_binop,
};

void wf_bool_init(void)
{
    /* Inherit int's number slots explicitly: bool only overrides a few. */
    TypeObject *b = &wf_type_bool, *i = &wf_type_int;
    b->tp_richcompare = i->tp_richcompare;
    b->tp_unary = i->tp_unary;
    b->tp_int = i->tp_int;
    b->tp_index = i->tp_index;
    b->tp_float = i->tp_float;
    b->tp_format = i->tp_format;
    wf_type_ready(b);
}
