/* weft: the specializers of iteration, unpacking, containment and truth. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"
#include "spec_iter.h"
#include "critsec.h"
#include "set.h"

/*
 * The forms (core/spec/iter.def) guard only the operand's exact type (and a
 * tuple's length), so none needs a cache beyond the adaptive counter. The
 * failure reasons below are the ones PYTHON_SPECIALIZATION_STATS prints.
 */
enum {
    SPEC_ITER_OTHER = 1,      /* a type with no form */
    SPEC_ITER_SUBCLASS = 2,   /* a subclass of a type that has one */
    SPEC_ITER_LENGTH = 3,     /* unpacking: the sequence's length is not oparg */
};

void wf_specialize_for_iter(Value iter, CodeUnit *instr)
{
    TypeObject *t = wf_type(iter);
    if (t == &wf_type_range_iterator)
        wf_spec_success(instr, OP_FOR_ITER_RANGE);
    else if (t == &wf_type_list_iterator)
        wf_spec_success(instr, OP_FOR_ITER_LIST);
    else if (t == &wf_type_tuple_iterator)
        wf_spec_success(instr, OP_FOR_ITER_TUPLE);
    else if (t == &wf_type_generator)
        wf_spec_success(instr, OP_FOR_ITER_GEN);
    else
        wf_spec_fail(instr, OP_FOR_ITER, SPEC_ITER_OTHER);
}

void wf_specialize_unpack_sequence(Value seq, CodeUnit *instr, int n)
{
    if (wf_is_tuple_exact(seq)) {
        if (wf_tuple_size(seq) != (size_t)n)
            wf_spec_fail(instr, OP_UNPACK_SEQUENCE, SPEC_ITER_LENGTH);
        else
            wf_spec_success(instr, n == 2 ? OP_UNPACK_SEQUENCE_TWO_TUPLE : OP_UNPACK_SEQUENCE_TUPLE);
    } else if (wf_is_list_exact(seq)) {
        /* relaxed enough: a hint; the form checks the length it copies */
        if (wf_list_load_size(wf_as_list(seq)) != (size_t)n)
            wf_spec_fail(instr, OP_UNPACK_SEQUENCE, SPEC_ITER_LENGTH);
        else
            wf_spec_success(instr, OP_UNPACK_SEQUENCE_LIST);
    } else {
        wf_spec_fail(instr, OP_UNPACK_SEQUENCE,
                     wf_is_tuple(seq) || wf_is_list(seq) ? SPEC_ITER_SUBCLASS : SPEC_ITER_OTHER);
    }
}

void wf_specialize_contains_op(Value container, CodeUnit *instr)
{
    if (wf_is_dict_exact(container))
        wf_spec_success(instr, OP_CONTAINS_OP_DICT);
    else if (wf_is_type_exact(container, &wf_type_set) || wf_is_type_exact(container, &wf_type_frozenset))
        wf_spec_success(instr, OP_CONTAINS_OP_SET);
    else
        wf_spec_fail(instr, OP_CONTAINS_OP,
                     wf_is_dict(container) || wf_is_anyset(container) ? SPEC_ITER_SUBCLASS : SPEC_ITER_OTHER);
}

void wf_specialize_to_bool(Value value, CodeUnit *instr)
{
    if (wf_is_bool(value)) {
        wf_spec_success(instr, OP_TO_BOOL_BOOL);
    } else if (wf_is_small(value) || wf_is_type_exact(value, &wf_type_int)) {
        wf_spec_success(instr, OP_TO_BOOL_INT);
    } else if (value == wf_None) {
        wf_spec_success(instr, OP_TO_BOOL_NONE);
    } else if (wf_is_str_exact(value)) {
        wf_spec_success(instr, OP_TO_BOOL_STR);
    } else if (wf_is_list_exact(value)) {
        wf_spec_success(instr, OP_TO_BOOL_LIST);
    } else if (wf_is_tuple_exact(value)) {
        wf_spec_success(instr, OP_TO_BOOL_TUPLE);
    } else if (wf_is_dict_exact(value)) {
        wf_spec_success(instr, OP_TO_BOOL_DICT);
    } else {
        TypeObject *t = wf_type(value);
        if (!t->tp_bool && !t->tp_len)
            wf_spec_success(instr, OP_TO_BOOL_ALWAYS_TRUE);
        else
            wf_spec_fail(instr, OP_TO_BOOL, SPEC_ITER_OTHER);
    }
}

/* ---- out-of-line parts of the forms ---- */

static bool unpack_list_locked(ListObject *l, int n, Value *values)
{
    if (l->size != (size_t)n)
        return false;
    for (int i = 0; i < n; i++)
        values[n - 1 - i] = wf_incref(l->items[i]);
    return true;
}

bool wf_spec_unpack_list(Value seq, int n, Value *values)
{
    ListObject *l = wf_as_list(seq);
    /* One thread: nobody else can change the list, and incref runs no code. */
    if (WF_LIKELY(!wf_runtime_multithreaded()))
        return unpack_list_locked(l, n, values);
    WfCritSec cs;
    wf_critsec_begin(&cs, &l->ob);
    bool ok = unpack_list_locked(l, n, values);
    wf_critsec_end(&cs);
    return ok;
}
