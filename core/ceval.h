/* weft: tier-1 interpreter internals shared by the compiler and generators. */
/* Frames + bytecode -> results; the constants both sides must agree on. */
#ifndef WF_CEVAL_H
#define WF_CEVAL_H

#include "funcobject.h"

/* BINARY_OP oparg: enum BinOp, | WF_BINOP_INPLACE for `a op= b`. */
#define WF_BINOP_INPLACE 16

/* SET_FUNCTION_ATTRIBUTE opargs. */
#define WF_FUNC_DEFAULTS 1
#define WF_FUNC_KWDEFAULTS 2
#define WF_FUNC_ANNOTATIONS 4
#define WF_FUNC_CLOSURE 8

/* ---- tier 2: a trace is an array of uops (core/ceval.c's wf_uop_run) ----
 * opcode: enum UOp (opcodes.h); oparg: the tier-1 instruction's oparg;
 * target: code unit offset of the tier-1 instruction the uop came from
 * (where a guard failure resumes tier 1); operand: the uop's cache operand
 * (wf_uop_operand_units[opcode] code units' worth), copied from the inline
 * cache by whoever builds the trace. */
typedef struct WfUopInst {
    uint16_t opcode;
    uint16_t oparg;
    uint32_t target;
    uint64_t operand;
} WfUopInst;

/* Run trace on frame (not running in tier 1; its stack_top current) until
 * it exits. 0: left normally or by a failed guard, frame->instr is where
 * tier 1 resumes. -1: an exception is set and frame->instr is just past the
 * failing instruction (tier 1 handles it as that instruction's error); -2:
 * the same, but the exception is re-raised as is (no traceback entry). */
struct ThreadState;
int wf_uop_run(struct ThreadState *ts, struct Frame *frame, const WfUopInst *trace);

/* The value a StopIteration carries (new reference; None if none). */
Value wf_stop_iteration_value(Value exc);

#endif
