/* weft: entry points of the compiler and the interpreter. */
/* Source -> code object -> evaluation; what the runtime calls. */
#ifndef WF_INTERP_H
#define WF_INTERP_H

#include "object.h"

/* Compile modes, as compile()'s "exec", "eval", "single". */
enum { WF_MODE_EXEC = 0, WF_MODE_EVAL = 1, WF_MODE_SINGLE = 2 };

/* Parse and compile source to a code object (core/compile.c). SyntaxError
 * (with file, line, offset, text) set on failure. */
Value wf_compile(const char *source, size_t len, const char *filename, int mode);

/* Run a code object with the given globals dict (core/ceval.c). locals may be
 * 0 (then globals are used, as at module level). */
Value wf_eval_code(Value code, Value globals, Value locals);

/* Compile and run source in globals; returns the result (None for exec). */
Value wf_run_source(const char *source, size_t len, const char *filename, Value globals, int mode);

/* Read a file and run it as module `module` (sets __file__). 0 + exception
 * on failure (OSError if it cannot be read). */
Value wf_run_file(const char *path, Value module);

/* Create a function from a code object (core/funcobject.c). */
Value wf_function_new(Value code, Value globals, Value qualname);

/* Run a Python-level call of a function object without going through
 * tp_call's argument packing (used by the interpreter; core/ceval.c). */
Value wf_function_call(Value func, const Value *args, size_t nargs, Value kwnames);
/* wf_function_call of func(self, *args) (self 0: func(*args)), all
 * borrowed, positional only: the call of a dunder from a C slot. */
Value wf_function_call_self(Value func, Value self, const Value *args, size_t nargs);

/* The source line `lineno` of file `filename`, stripped, for tracebacks;
 * 0 if unavailable (core/traceback.c). */
Value wf_source_line(const char *filename, int lineno);

/* Introspection of the innermost Python frame (core/ceval.c):
 * super() without arguments: the __class__ cell's class and the first
 * argument of the calling function (RuntimeError "super(): no arguments" /
 * "super(): __class__ cell not found" as CPython). Returns -1 on error. */
int wf_frame_super_args(TypeObject **type, Value *obj);
Value wf_frame_globals(void);   /* borrowed globals dict of the innermost Python frame */
Value wf_frame_locals(void);    /* new dict snapshot (module level: the globals, borrowed+incref) */

#endif
