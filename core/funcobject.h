/* weft: function, bound method and generator objects. */
/* Code + globals + defaults + closure -> callable Python functions. */
#ifndef WF_FUNCOBJECT_H
#define WF_FUNCOBJECT_H

#include "frame.h"

typedef struct FunctionObject {
    Object ob;
    Value dict;               /* function attributes (tp_dictoffset), 0 until used */
    Value code;               /* CodeObject (immortal) */
    Value globals;            /* dict */
    Value builtins;           /* dict (borrowed: globals['__builtins__'] or wf_builtins_dict) */
    Value name, qualname;     /* str */
    Value defaults;           /* tuple or 0 */
    Value kwdefaults;         /* dict or 0 */
    Value closure;            /* tuple of cells or 0 */
    Value doc;                /* or 0 (None) */
    Value module;             /* globals['__name__'] or 0 */
    Value annotations;        /* dict or 0 */
} FunctionObject;

static inline FunctionObject *wf_as_func(Value v) { return (FunctionObject *)wf_obj(v); }
static inline bool wf_is_function(Value v) { return wf_is_type_exact(v, &wf_type_function); }

typedef struct MethodObject {
    Object ob;
    Value func;
    Value self;
} MethodObject;

typedef struct GenObject {
    Object ob;
    Value name, qualname;
    Value exc_state;          /* the exception being handled inside the generator, or 0 */
    uint8_t running;
    Frame *frame;             /* heap copy; state tells created/suspended/completed */
} GenObject;

/* Generator from a frame built by the caller (owned by the generator afterwards). */
Value wf_gen_new(Frame *frame, Value func);
/* Resume a generator: `send(value)` (value borrowed; 0 only for throw). Returns
 * the yielded value with *done = 0, the return value with *done = 1, or 0 on
 * error (StopIteration is never raised by this function). */
Value wf_gen_send_ex(Value gen, Value value, int *done);

/* Evaluate a frame until it returns or yields (core/ceval.c). throwflag: an
 * exception is set and must be raised at the frame's current instruction. */
Value wf_eval_frame(ThreadState *ts, Frame *frame, int throwflag);
/* Clear a finished frame's locals and stack. */
void wf_frame_clear(Frame *f);
/* Bind call arguments into a fresh heap frame for a generator. */
Frame *wf_frame_new_heap(Value func, const Value *args, size_t nargs, Value kwnames);

void wf_funcs_ready(void);   /* ready function/method/cell/code/generator types */

#endif
