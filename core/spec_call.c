/* weft: the specializers of calls. */
/* Observed operands -> specialized opcode + inline caches (docs/specialization.md). */
#include "specialize.h"
#include "opcodes.h"

void wf_specialize_call(Value callable, Value self_or_null, CodeUnit *instr, int nargs)
{
    (void)callable, (void)self_or_null, (void)nargs;
    wf_spec_fail(instr, OP_CALL, 0);
}

