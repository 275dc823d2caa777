/* weft: the specializing tier 1's shared pieces. */
/* Generic instruction + observed operands -> specialized opcode and inline caches. */
#ifndef WF_SPECIALIZE_H
#define WF_SPECIALIZE_H

#include <string.h>
#include "code.h"
#include "opcodes.h"
#include "thread.h"

/*
 * PEP 659 in weft (docs/specialization.md has the design and its reasons):
 *
 *  1. Every thread runs its own copy of each code object's bytecode
 *     (wf_code_bytecode, core/code.c). Only the owning thread writes its copy,
 *     so the specializer and the counters use plain loads and stores and no
 *     cache line is written by two threads. The immutable compiler output
 *     (co->code) is the template of every copy.
 *  2. A family is a generic instruction (the head, e.g. LOAD_ATTR) and its
 *     specialized forms (LOAD_ATTR_SLOT, ...), declared with family() in the
 *     .def files. All members have the head's number of inline cache units;
 *     unit 0 is the adaptive counter below, shared by the members.
 *  3. The head's body starts with SPECIALIZE(call): while the counter
 *     counts down the head runs generically; when it reaches zero the
 *     specializer (call) rewrites the opcode and fills the caches, or backs
 *     the counter off, and the instruction is dispatched again.
 *  4. A specialized form checks its assumptions with DEOPT_IF guards. A miss
 *     runs the head generically (same oparg, same stack), whose counter then
 *     counts misses: after WF_COUNTER_COOLDOWN of them the specializer runs
 *     again and picks the form that fits now, or goes back to the head.
 *  5. Cached facts are guarded by versions that every writer bumps: type
 *     versions (tp_version, unique across all types, 0 = never specialize)
 *     and dict keys versions (wf_dict_keys_version), or re-checked on the
 *     object itself (an entry's key at a cached index). Borrowed pointers
 *     in caches (a class attribute, a method) are only used after their
 *     guard passed; the writer that invalidates them drops the old value
 *     with wf_defer_decref, so a thread that passed the guard a moment ago
 *     can still take its reference.
 */

/* ---- the adaptive counter (cache unit 0 of every family head) ----
 * value << 4 | backoff exponent. The head counts value down to zero; then
 * it specializes. A failed attempt waits 2**backoff - 1 executions before
 * the next (backoff grows to 12); a successful one sets the cooldown, the
 * number of misses tolerated before re-specializing. */
#define WF_COUNTER_BITS 4
#define WF_COUNTER_WARMUP ((uint16_t)((1u << WF_COUNTER_BITS) | 1u))
#define WF_COUNTER_COOLDOWN ((uint16_t)(52u << WF_COUNTER_BITS))
#define WF_COUNTER_NEVER ((uint16_t)0xFFFFu)   /* specialization off: never reaches zero */

static inline bool wf_counter_triggers(uint16_t c) { return c < (1u << WF_COUNTER_BITS); }
static inline uint16_t wf_counter_tick(uint16_t c) { return (uint16_t)(c - (1u << WF_COUNTER_BITS)); }
static inline uint16_t wf_counter_backoff(uint16_t c)
{
    unsigned b = c & ((1u << WF_COUNTER_BITS) - 1);
    if (b < 12)
        b++;
    return (uint16_t)((((1u << b) - 1) << WF_COUNTER_BITS) | b);
}

/* ---- inline cache access (code units are 2-byte aligned; x86 and arm64
 * load unaligned words, memcpy compiles to one move) ---- */
static inline uint16_t wf_cache_read16(const CodeUnit *p) { return *p; }
static inline uint32_t wf_cache_read32(const CodeUnit *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t wf_cache_read64(const CodeUnit *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline void wf_cache_write16(CodeUnit *p, uint16_t v) { *p = v; }
static inline void wf_cache_write32(CodeUnit *p, uint32_t v) { memcpy(p, &v, 4); }
static inline void wf_cache_write64(CodeUnit *p, uint64_t v) { memcpy(p, &v, 8); }
static inline void *wf_cache_read_ptr(const CodeUnit *p) { return (void *)(uintptr_t)wf_cache_read64(p); }
static inline void wf_cache_write_ptr(CodeUnit *p, const void *v) { wf_cache_write64(p, (uint64_t)(uintptr_t)v); }

/* ---- statistics (PYTHON_SPECIALIZATION_STATS=1 or -X specialization_stats):
 * per-thread counters, summed when a thread ends, printed to stderr at
 * exit. Executions are counted per opcode by the eval loop's counting
 * dispatch table; the rest by the macros below. ---- */
enum WfSpecStat {
    WF_SPEC_STAT_SUCCESS,   /* specializer installed a form */
    WF_SPEC_STAT_FAILURE,   /* specializer left the head (counter backed off) */
    WF_SPEC_STAT_DEOPT,     /* a specialized form missed and ran the head */
    WF_SPEC_STAT_KINDS
};
typedef struct WfSpecStats {
    uint64_t exec[256];                    /* executions per opcode */
    uint64_t event[256][WF_SPEC_STAT_KINDS]; /* per opcode (the head for success/failure) */
    uint64_t fail_reason[256][16];         /* per head: why it did not specialize */
} WfSpecStats;
extern bool wf_spec_stats_enabled;
WfSpecStats *wf_spec_stats_mine(void);   /* this thread's counters */
void wf_spec_stats_merge(WfSpecStats *s);   /* a thread ends: add to the totals */
void wf_spec_stats_print(void);             /* at exit */

/* Rewrite the instruction at instr (its own code unit, not a prefix) to
 * opcode op, keeping its oparg byte. */
static inline void wf_spec_set_opcode(CodeUnit *instr, int op)
{
    *instr = WF_UNIT(op, WF_ARG(*instr));
}
/* The specializer's verdicts: install op with counter cooldown, or leave
 * the head in place with the counter backed off. */
#define WF_SPEC_STAT(op, kind)                                   \
    do {                                                         \
        if (WF_UNLIKELY(wf_spec_stats_enabled))                  \
            wf_spec_stats_mine()->event[(op)][(kind)]++;         \
    } while (0)
static inline void wf_spec_success(CodeUnit *instr, int op)
{
    WF_SPEC_STAT(wf_op_family[WF_OP(*instr)], WF_SPEC_STAT_SUCCESS);  /* counted for the head */
    wf_spec_set_opcode(instr, op);
    instr[1] = WF_COUNTER_COOLDOWN;
}
void wf_spec_fail(CodeUnit *instr, int head, int reason);

/* PYTHON_SPECIALIZE=0 turns specialization off (same build, for
 * comparisons): heads keep running generically. Read once at start-up. */
extern bool wf_specialization_enabled;
/* Read PYTHON_SPECIALIZE and PYTHON_SPECIALIZATION_STATS (or the -X
 * specialization_stats option, given as stats_xoption) once at start-up. */
void wf_specialize_configure(const char *stats_xoption, bool ignore_env);

/* Counters in a fresh per-thread copy of co's bytecode: each family head
 * gets WF_COUNTER_WARMUP (WF_COUNTER_NEVER when specialization is off).
 * Adjacent pairs become superinstructions (LOAD_FAST__LOAD_FAST, ...:
 * core/bytecodes.def), with specialization on or off. */
void wf_specialize_init_copy(CodeObject *co, CodeUnit *copy);
/* The instruction a superinstruction runs first (its unit's opcode in the
 * template); any other opcode: itself. */
int wf_superinstruction_first(int op);

/* ---- the specializers, one per family head. Each looks at the operands
 * (borrowed), and calls wf_spec_success or wf_spec_fail on instr (the
 * head's own code unit; its caches follow). They run arbitrary-code-free:
 * no Python code, no allocation that could trigger __del__, no errors left
 * set. ---- */
struct Frame;
/* core/spec_attr.c */
void wf_specialize_load_attr(Value owner, CodeUnit *instr, Value name);
void wf_specialize_load_method(Value owner, CodeUnit *instr, Value name);
void wf_specialize_store_attr(Value owner, CodeUnit *instr, Value name);
/* core/spec_ops.c */
void wf_specialize_load_global(struct Frame *frame, CodeUnit *instr, Value name);
void wf_specialize_binary_op(Value lhs, Value rhs, CodeUnit *instr, int oparg);
void wf_specialize_compare_op(Value lhs, Value rhs, CodeUnit *instr, int oparg);
void wf_specialize_binary_subscr(Value container, Value sub, CodeUnit *instr);
void wf_specialize_store_subscr(Value container, Value sub, CodeUnit *instr);
void wf_specialize_build_set(const Value *values, int n, CodeUnit *instr);
void wf_specialize_build_slice(Value container, Value start, Value stop, Value step, CodeUnit *instr);
/* core/spec_call.c */
void wf_specialize_call(Value callable, Value self_or_null, CodeUnit *instr, int nargs);
/* core/spec_iter.c */
void wf_specialize_for_iter(Value iter, CodeUnit *instr);
void wf_specialize_unpack_sequence(Value seq, CodeUnit *instr, int n);
void wf_specialize_contains_op(Value container, CodeUnit *instr);
void wf_specialize_to_bool(Value value, CodeUnit *instr);



#endif
