/* weft: the specializing tier 1's shared machinery. */
/* Switches, counters in fresh bytecode copies, statistics -> stderr at exit. */
#include <stdio.h>
#include <stdlib.h>
#include <pthread.h>
#include "specialize.h"
#include "opcodes.h"
#include "objimpl.h"

bool wf_specialization_enabled = true;
bool wf_spec_stats_enabled = false;

/* Read the switches once, before any code runs (main.c). */
void wf_specialize_configure(const char *stats_xoption, bool ignore_env)
{
    const char *v = ignore_env ? NULL : getenv("PYTHON_SPECIALIZE");
    if (v && !strcmp(v, "0"))
        wf_specialization_enabled = false;
    const char *s = stats_xoption ? stats_xoption : ignore_env ? NULL : getenv("PYTHON_SPECIALIZATION_STATS");
    if (s && (*s == 0 || strcmp(s, "0") != 0))
        wf_spec_stats_enabled = true;
}

void wf_spec_fail(CodeUnit *instr, int head, int reason)
{
    wf_spec_set_opcode(instr, head);
    instr[1] = wf_counter_backoff(instr[1]);
    if (WF_UNLIKELY(wf_spec_stats_enabled)) {
        WfSpecStats *s = wf_spec_stats_mine();
        s->event[head][WF_SPEC_STAT_FAILURE]++;
        s->fail_reason[head][reason & 15]++;
    }
}

/* The superinstruction that runs first then second (both cache-less), or
 * -1. The pairs are CPython 3.11's: the commonest neighbours in its
 * statistics. */
static int super_of(int first, int second)
{
    switch (first) {
    case OP_LOAD_FAST:
        return second == OP_LOAD_FAST ? OP_LOAD_FAST__LOAD_FAST : second == OP_LOAD_CONST ? OP_LOAD_FAST__LOAD_CONST : -1;
    case OP_LOAD_CONST:
        return second == OP_LOAD_FAST ? OP_LOAD_CONST__LOAD_FAST : -1;
    case OP_STORE_FAST:
        return second == OP_LOAD_FAST ? OP_STORE_FAST__LOAD_FAST : second == OP_STORE_FAST ? OP_STORE_FAST__STORE_FAST : -1;
    default:
        return -1;
    }
}

int wf_superinstruction_first(int op)
{
    switch (op) {
    case OP_LOAD_FAST__LOAD_FAST:
    case OP_LOAD_FAST__LOAD_CONST:
        return OP_LOAD_FAST;
    case OP_LOAD_CONST__LOAD_FAST:
        return OP_LOAD_CONST;
    case OP_STORE_FAST__LOAD_FAST:
    case OP_STORE_FAST__STORE_FAST:
        return OP_STORE_FAST;
    default:
        return op;
    }
}

void wf_specialize_init_copy(CodeObject *co, CodeUnit *copy)
{
    uint16_t start = wf_specialization_enabled ? WF_COUNTER_WARMUP : WF_COUNTER_NEVER;
    for (uint32_t i = 0; i < co->ncode;) {
        int op = WF_OP(co->code[i]);
        if (wf_op_family[op] == op && wf_op_cache[op] > 0)
            copy[i + 1] = start;
        /* Superinstructions, with specialization on or off: the pair's
         * second unit is read from the template, so a unit rewritten as the
         * first of the next pair still counts as its plain instruction (an
         * EXTENDED_ARG before the second leaves the pair alone). */
        uint32_t next = i + 1 + wf_op_cache[op];
        if (next < co->ncode) {
            int sup = super_of(op, WF_OP(co->code[next]));
            if (sup >= 0)
                wf_spec_set_opcode(&copy[i], sup);
        }
        i = next;
    }
}

/* ---- statistics ---- */

static WfSpecStats spec_totals;
static pthread_mutex_t spec_totals_lock = PTHREAD_MUTEX_INITIALIZER;

WfSpecStats *wf_spec_stats_mine(void)
{
    ThreadState *ts = wf_tstate();
    if (!ts->spec_stats)
        ts->spec_stats = calloc(1, sizeof(WfSpecStats));
    return ts->spec_stats;
}

void wf_spec_stats_merge(WfSpecStats *s)
{
    if (!s)
        return;
    pthread_mutex_lock(&spec_totals_lock);
    for (int op = 0; op < 256; op++) {
        spec_totals.exec[op] += s->exec[op];
        for (int k = 0; k < WF_SPEC_STAT_KINDS; k++)
            spec_totals.event[op][k] += s->event[op][k];
        for (int r = 0; r < 16; r++)
            spec_totals.fail_reason[op][r] += s->fail_reason[op][r];
    }
    memset(s, 0, sizeof *s);
    pthread_mutex_unlock(&spec_totals_lock);
}

/* One block per family: the head's attempts, then each member's
 * executions and deopts. */
void wf_spec_stats_print(void)
{
    if (!wf_spec_stats_enabled)
        return;
    wf_spec_stats_merge(wf_tstate() ? wf_tstate()->spec_stats : NULL);
    WfSpecStats *t = &spec_totals;
    fprintf(stderr, "specialization statistics (PYTHON_SPECIALIZATION_STATS):\n");
    for (int head = 0; head < OP_COUNT; head++) {
        if (wf_op_family[head] != head || !wf_op_cache[head])
            continue;
        uint64_t total = t->exec[head];
        for (int op = 0; op < OP_COUNT; op++)
            if (op != head && wf_op_family[op] == head)
                total += t->exec[op];
        if (!total && !t->event[head][WF_SPEC_STAT_FAILURE])
            continue;
        fprintf(stderr, "%s: executed %llu\n", wf_opcode_names[head], (unsigned long long)total);
        fprintf(stderr, "    specialized %llu, failed %llu\n",
                (unsigned long long)t->event[head][WF_SPEC_STAT_SUCCESS],
                (unsigned long long)t->event[head][WF_SPEC_STAT_FAILURE]);
        fprintf(stderr, "    %-32s executed %llu\n", "(generic)", (unsigned long long)t->exec[head]);
        for (int r = 0; r < 16; r++)
            if (t->fail_reason[head][r])
                fprintf(stderr, "    failure reason %d: %llu\n", r, (unsigned long long)t->fail_reason[head][r]);
        for (int op = 0; op < OP_COUNT; op++) {
            if (op == head || wf_op_family[op] != head || !(t->exec[op] || t->event[op][WF_SPEC_STAT_DEOPT]))
                continue;
            fprintf(stderr, "    %-32s executed %llu, deopt %llu\n", wf_opcode_names[op],
                    (unsigned long long)t->exec[op], (unsigned long long)t->event[op][WF_SPEC_STAT_DEOPT]);
        }
    }
}
