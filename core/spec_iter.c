/* weft: the specializers of iteration, unpacking, containment and truth. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"

void wf_specialize_for_iter(Value iter, CodeUnit *instr)
{
    (void)iter;
    wf_spec_fail(instr, OP_FOR_ITER, 0);
}

void wf_specialize_unpack_sequence(Value seq, CodeUnit *instr, int n)
{
    (void)seq, (void)n;
    wf_spec_fail(instr, OP_UNPACK_SEQUENCE, 0);
}

void wf_specialize_contains_op(Value container, CodeUnit *instr)
{
    (void)container;
    wf_spec_fail(instr, OP_CONTAINS_OP, 0);
}

void wf_specialize_to_bool(Value value, CodeUnit *instr)
{
    (void)value;
    (void)instr;  /* TO_BOOL does not exist yet (core/spec_iter.c owner adds it) */
}

