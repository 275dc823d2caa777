/* weft: code objects, the compiler's output. */
/* Compiled function body -> (bytecode, constants, names, line and exception tables). */
#ifndef WF_CODE_H
#define WF_CODE_H

#include "object.h"
#include "thread.h"
#include "sync/atomic.h"

/*
 * Bytecode is an array of 16-bit code units: low byte opcode, high byte
 * oparg (CPython 3.11's _Py_CODEUNIT). Opargs past 255 use EXTENDED_ARG
 * prefixes. An instruction is followed by wf_op_cache[op] inline cache units,
 * which the specializing interpreter fills. See docs/interpreter.md.
 *
 * co->code is the compiler's output and never changes: dis, the line and
 * exception tables and the generators' decoding read it. Frames run a
 * per-thread copy of it (wf_code_bytecode below), which only its thread
 * rewrites (core/specialize.h rule 1). An offset into one copy is the same
 * instruction in co->code and in every other copy.
 */
typedef uint16_t CodeUnit;
#define WF_OP(u) ((u) & 0xff)
#define WF_ARG(u) ((u) >> 8)
#define WF_UNIT(op, arg) ((CodeUnit)((op) | ((arg) << 8)))

/* co_flags, CPython's values. */
#define WF_CO_OPTIMIZED 0x0001    /* fast locals (a function body) */
#define WF_CO_NEWLOCALS 0x0002
#define WF_CO_VARARGS 0x0004
#define WF_CO_VARKEYWORDS 0x0008
#define WF_CO_NESTED 0x0010
#define WF_CO_GENERATOR 0x0020
#define WF_CO_CLASSBODY 0x10000   /* weft: a class body (returns its __class__ cell) */

/* Line table: instructions from `start` (code unit offset) up to the next
 * entry's start belong to source line `line`. */
typedef struct LineEntry {
    uint32_t start;
    int32_t line;
} LineEntry;

/* Exception table (CPython 3.11 style, see docs/interpreter.md): an
 * exception raised by an instruction in [start, end) unwinds the value stack
 * to `depth` items, pushes the exception and jumps to `target`. */
typedef struct ExcEntry {
    uint32_t start, end, target;
    uint32_t depth;
} ExcEntry;

typedef struct CodeObject {
    Object ob;
    CodeUnit *code;
    uint32_t ncode;           /* code units (instructions + caches) */
    uint32_t ncaches;         /* of which inline cache units */
    int argcount;             /* positional parameters, incl. positional-only */
    int posonlyargcount;
    int kwonlyargcount;
    int flags;                /* WF_CO_* */
    int nlocals;              /* co_varnames: parameters first */
    int ncells;               /* co_cellvars */
    int nfree;                /* co_freevars */
    int nlocalsplus;          /* nlocals + ncells + nfree */
    int stacksize;
    int firstlineno;
    Value consts, names;      /* tuples */
    Value varnames, cellvars, freevars;  /* tuples of str */
    Value name, qualname, filename;       /* str */
    int16_t *cell2arg;        /* per cell: the parameter it starts from, or -1 */
    LineEntry *lines;
    uint32_t nlines;
    ExcEntry *exctable;
    uint32_t nexc;
    size_t framesize;         /* bytes of a Frame running this code */
    /* The positional argument count that fills the frame with nothing to
     * bind: argcount when there are no keyword-only parameters, no *args or
     * **kwargs, no cells or free variables and it is not a generator; else
     * -1. The call paths' one test for moving arguments straight in. */
    intptr_t simple_nargs;
    struct WfCodeCopies *copies;  /* per-thread bytecode (atomic pointer, see below) */
} CodeObject;

static inline CodeObject *wf_as_code(Value v) { return (CodeObject *)wf_obj(v); }

/* Build a code object. Takes ownership of the arrays (malloc'ed with
 * wf_mem_alloc) and steals the Values; the result is immortal. */
typedef struct CodeSpec {
    CodeUnit *code; uint32_t ncode;
    LineEntry *lines; uint32_t nlines;
    ExcEntry *exctable; uint32_t nexc;
    int argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno;
    Value consts, names, varnames, cellvars, freevars, name, qualname, filename;
} CodeSpec;
Value wf_code_new(const CodeSpec *spec);

/* The source line of code unit `offset`, or the first line if unknown. */
int wf_code_line(CodeObject *co, uint32_t offset);
/* The handler of code unit `offset`, or NULL. */
const ExcEntry *wf_code_handler(CodeObject *co, uint32_t offset);

/* ---- per-thread bytecode (docs/specialization.md, "Why per-thread bytecode") ----
 * Each thread state has a small index (ts->tlbc_index, core/pystate.c:
 * lowest free one, reused when a thread ends; the main thread's is 0).
 * co->copies points to an array of copies by index, published with one
 * release store when it grows (the old array goes through wf_defer_free, so
 * a reader that loaded it may finish with it). Slot i is written only by the
 * thread that owns index i, under code.c's lock; the next owner of i takes
 * over the warmed-up copy (the index lock orders the two). Copies live as
 * long as the code object, which is immortal. */
typedef struct WfCodeCopies {
    uint32_t n;                   /* slots */
    CodeUnit *copy[];             /* by tlbc_index; NULL: not made yet */
} WfCodeCopies;

CodeUnit *wf_code_bytecode_slow(CodeObject *co, ThreadState *ts);

/* This thread's copy of co's bytecode, made on first use (a copy of
 * co->code with the adaptive counters set by wf_specialize_init_copy). Only
 * ts's thread may write it. */
static inline CodeUnit *wf_code_bytecode(CodeObject *co, ThreadState *ts)
{
    /* acquire: pairs with the release in code_copies_install() */
    WfCodeCopies *c = wf_atomic_load_acquire_ptr(&co->copies);
    uint32_t i = ts->tlbc_index;
    if (WF_LIKELY(c != NULL && i < c->n && c->copy[i] != NULL))
        return c->copy[i];
    return wf_code_bytecode_slow(co, ts);
}

/* Print a disassembly to stderr (debugging: WEFT_DIS=1). */
void wf_code_dis(Value code);

#endif
