/* weft: the specializers of globals, operators and subscripts. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"

void wf_specialize_load_global(struct Frame *frame, CodeUnit *instr, Value name)
{
    (void)frame, (void)name;
    wf_spec_fail(instr, OP_LOAD_GLOBAL, 0);
}

void wf_specialize_binary_op(Value lhs, Value rhs, CodeUnit *instr, int oparg)
{
    (void)lhs, (void)rhs, (void)oparg;
    wf_spec_fail(instr, OP_BINARY_OP, 0);
}

void wf_specialize_compare_op(Value lhs, Value rhs, CodeUnit *instr, int oparg)
{
    (void)lhs, (void)rhs, (void)oparg;
    wf_spec_fail(instr, OP_COMPARE_OP, 0);
}

void wf_specialize_binary_subscr(Value container, Value sub, CodeUnit *instr)
{
    (void)container, (void)sub;
    wf_spec_fail(instr, OP_BINARY_SUBSCR, 0);
}

void wf_specialize_store_subscr(Value container, Value sub, CodeUnit *instr)
{
    (void)container, (void)sub;
    wf_spec_fail(instr, OP_STORE_SUBSCR, 0);
}

