/* weft: the specializers of attribute loads and stores. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"

void wf_specialize_load_attr(Value owner, CodeUnit *instr, Value name)
{
    (void)owner, (void)name;
    wf_spec_fail(instr, OP_LOAD_ATTR, 0);
}

void wf_specialize_load_method(Value owner, CodeUnit *instr, Value name)
{
    (void)owner, (void)name;
    wf_spec_fail(instr, OP_LOAD_METHOD, 0);
}

void wf_specialize_store_attr(Value owner, CodeUnit *instr, Value name)
{
    (void)owner, (void)name;
    wf_spec_fail(instr, OP_STORE_ATTR, 0);
}

