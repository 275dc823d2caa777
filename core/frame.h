/* weft: interpreter frames. */
/* Call of a code object -> (locals, cells, free vars, value stack) in one block. */
#ifndef WF_FRAME_H
#define WF_FRAME_H

#include "code.h"
#include "thread.h"
#include "sync/atomic.h"

/*
 * A frame is one contiguous block, bump-allocated on the thread's data stack
 * (generators keep a heap copy):
 *
 *   Frame header | localsplus[nlocals] | cells[ncells] | free[nfree] | stack[stacksize]
 *
 * `localsplus` indexes all four parts; the value stack starts at
 * localsplus + co->nlocalsplus. Cells and free variables hold CellObjects.
 * A frame that is not running has `instr` pointing at the next instruction to
 * execute and `stack_top` one past its top stack value, so tier 2 (or a
 * deoptimizing trace) only has to set those two to resume it in tier 1.
 *
 * `bytecode` is the per-thread copy of the code the frame runs (code.h), and
 * `instr` points into it: code offsets are `instr - bytecode`, valid in
 * co->code and in every copy. A frame starts on its thread's copy; a
 * generator's frame resumed by another thread moves to that thread's copy
 * (same offset) before it runs, so a thread only ever runs, and rewrites,
 * its own copy.
 */
enum FrameOwner {
    WF_FRAME_OWNED_BY_THREAD = 0,     /* on the data stack */
    WF_FRAME_OWNED_BY_GENERATOR = 1,  /* inside a generator object */
};

enum FrameState {
    WF_FRAME_CREATED = 0,
    WF_FRAME_SUSPENDED = 1,   /* a generator between yields */
    WF_FRAME_EXECUTING = 2,
    WF_FRAME_COMPLETED = 3,
};

typedef struct Frame {
    CodeObject *code;         /* immortal, not counted */
    Value func;               /* the function (strong), 0 for module/exec code */
    Value globals;            /* borrowed from func or the caller (kept alive by them) */
    Value builtins;           /* borrowed */
    Value locals;             /* strong: dict for module/class bodies, else 0 */
    struct Frame *previous;   /* the caller, while this frame runs */
    CodeUnit *instr;          /* next instruction to execute (when not running) */
    CodeUnit *bytecode;       /* the copy of code->code it runs (wf_code_bytecode) */
    Value *stack_top;         /* saved stack pointer (when not running) */
    uint8_t owner;            /* enum FrameOwner */
    uint8_t state;            /* enum FrameState */
    uint8_t is_entry;         /* RETURN_VALUE leaves the C eval loop */
    uint8_t is_init;          /* an __init__ pushed by CALL of a class: its
                               * result must be None and the instance, already
                               * on the caller's stack, is the call's result */
    uint8_t pad[4];
    Value localsplus[];
} Frame;

static inline Value *wf_frame_stack_base(Frame *f) { return f->localsplus + f->code->nlocalsplus; }

/* The code offset of the instruction before `instr` (the one executing, or
 * the last one executed), 0 before the first. */
static inline uint32_t wf_frame_offset_before(const Frame *f, const CodeUnit *instr)
{
    return instr > f->bytecode ? (uint32_t)(instr - f->bytecode - 1) : 0;
}

/* The C cell object. */
typedef struct CellObject {
    Object ob;
    Value ref;                /* 0: empty; wf_cell_get / wf_cell_set */
} CellObject;

/* Cells may be shared by closures running in several threads (a nonlocal
 * counter, a rebound captured variable). wf_cell_get is an acquire load
 * (pairs with the release in wf_cell_set; borrowed: incref it before the
 * thread's next periodic check); wf_cell_set publishes v (stolen) and drops
 * the old value after a grace period (wf_defer_decref), so that a thread that
 * has just loaded it can still take its reference. */
static inline Value wf_cell_get(CellObject *c)
{
    return wf_atomic_load_acquire_usize(&c->ref);
}
static inline void wf_cell_set(CellObject *c, Value v)
{
    Value old = wf_atomic_exchange_acq_rel_usize(&c->ref, v);
    if (wf_is_obj(old))
        wf_defer_decref(old);
}
Value wf_cell_new(Value v);   /* v borrowed, may be 0 */

/* The line of the instruction a frame executes (or called from). */
int wf_frame_lineno(Frame *f);

#endif
