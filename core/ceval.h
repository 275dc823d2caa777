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

/* The value a StopIteration carries (new reference; None if none). */
Value wf_stop_iteration_value(Value exc);

#endif
