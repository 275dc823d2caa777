/* weft: per-thread bytecode copies (core/code.h's wf_code_bytecode). */
/* Code objects x bound threads -> one copy per thread index, grown arrays, reused indices. */
#include <pthread.h>
#include <stdio.h>
#include "om_check.h"
#include "code.h"
#include "frame.h"
#include "funcobject.h"
#include "opcodes.h"
#include "specialize.h"

/*
 * Each worker is a real runtime thread (wf_tstate_new / bind / unbind) and
 * reports quiescent states the way the periodic check does, so the copies
 * arrays replaced by a growth are really freed while other threads read them:
 * a reader that kept an old array past its quiescent state, or a growth that
 * lost another thread's slot, shows up as a wrong pointer here or as a report
 * under ASan / TSan.
 */

#define NT 10          /* workers alive at once: indices 1..10, arrays grow 4 -> 8 -> 16 */
#define NCODE 40       /* fresh code objects the workers fill concurrently */

static void quiescent(void)
{
    ThreadState *ts = wf_tstate();
    ts->rcu_countdown = 0;
    wf_eval_breaker_slow(ts, false);
}

/* A barrier that threads wait on detached (a thread blocked while attached
 * would hold up grace periods and stop-the-world). */
static pthread_barrier_t barrier;
static void barrier_wait(void)
{
    wf_blocking_begin();
    pthread_barrier_wait(&barrier);
    wf_blocking_end();
}

/* The code object of function `name` in fresh globals `g`. */
static CodeObject *code_of(Value g, const char *name)
{
    Value f = wf_dict_get_c(g, name);
    ASSERT(f && wf_is_type_exact(f, &wf_type_function));
    return wf_as_code(wf_as_func(f)->code);
}

/* A copy holds the template's instructions: same opcodes and opargs, caches
 * aside, where a superinstruction stands for the first of its pair. */
static void check_copy_of(CodeObject *co, const CodeUnit *copy)
{
    ASSERT(copy != co->code);
    for (uint32_t i = 0; i < co->ncode; i += 1 + wf_op_cache[WF_OP(co->code[i])])
        ASSERT_EQ(WF_UNIT(wf_superinstruction_first(WF_OP(copy[i])), WF_ARG(copy[i])), co->code[i]);
}

static CodeObject *codes[NCODE];
static CodeObject *shared_code;

typedef struct Worker {
    ThreadState *ts;
    uint32_t index;
    CodeUnit *copy;            /* its copy of shared_code */
    CodeUnit *mine[NCODE];     /* its copies of codes[] */
} Worker;

static void *worker_main(void *arg)
{
    Worker *w = arg;
    wf_tstate_bind(w->ts);
    w->index = w->ts->tlbc_index;
    barrier_wait();   /* all bound: NT distinct indices */
    w->copy = wf_code_bytecode(shared_code, w->ts);
    for (int k = 0; k < NCODE; k++) {
        w->mine[k] = wf_code_bytecode(codes[k], w->ts);
        if ((k & 3) == 0)
            quiescent();
    }
    /* Every copy is still ours after the others grew the arrays. */
    for (int k = 0; k < NCODE; k++) {
        ASSERT(wf_code_bytecode(codes[k], w->ts) == w->mine[k]);
        quiescent();
    }
    barrier_wait();   /* nobody ends before everyone checked */
    wf_tstate_unbind_and_free(w->ts);
    return NULL;
}

static void run_workers(Worker *ws, int n)
{
    pthread_t th[NT];
    ASSERT(pthread_barrier_init(&barrier, NULL, (unsigned)n) == 0);
    for (int i = 0; i < n; i++) {
        ws[i] = (Worker){ .ts = wf_tstate_new() };
        if (pthread_create(&th[i], NULL, worker_main, &ws[i]) != 0) {
            perror("pthread_create");
            exit(1);
        }
    }
    wf_blocking_begin();
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    wf_blocking_end();
    pthread_barrier_destroy(&barrier);
}

static Value globals;

static void test_main_thread_index_zero(void)
{
    ASSERT_EQ(wf_tstate()->tlbc_index, 0);
}

/* The same thread gets the same copy, made from the template. */
static void test_same_copy_twice(void)
{
    ThreadState *ts = wf_tstate();
    CodeObject *co = code_of(globals, "f");
    CodeUnit *a = wf_code_bytecode(co, ts);
    ASSERT(a != NULL);
    ASSERT(wf_code_bytecode(co, ts) == a);
    check_copy_of(co, a);
    WfCodeCopies *c = co->copies;
    ASSERT(c && c->n >= 1 && c->copy[0] == a);
}

/* NT threads at once: each its own copy of every code object, arrays grown
 * to past NT slots while the others read them; the main thread's copies
 * stay put. */
static Worker ws[NT];
static void test_copies_per_index(void)
{
    ThreadState *ts = wf_tstate();
    shared_code = code_of(globals, "f");
    CodeUnit *main_copy = wf_code_bytecode(shared_code, ts);
    for (int k = 0; k < NCODE; k++) {
        char src[96];
        snprintf(src, sizeof src, "def g(x):\n    return x * %d + 1\n", k);
        Value g = om_exec(src);
        codes[k] = code_of(g, "g");
        wf_decref(g);
    }
    run_workers(ws, NT);
    bool seen[NT + 1] = {false};
    for (int i = 0; i < NT; i++) {
        ASSERT(ws[i].index >= 1 && ws[i].index <= NT);
        ASSERT(!seen[ws[i].index]);
        seen[ws[i].index] = true;
        ASSERT(ws[i].copy != main_copy);
        check_copy_of(shared_code, ws[i].copy);
        for (int j = 0; j < i; j++)
            ASSERT(ws[j].copy != ws[i].copy);
        for (int k = 0; k < NCODE; k++) {
            WfCodeCopies *c = codes[k]->copies;
            ASSERT(c->n > NT && c->copy[ws[i].index] == ws[i].mine[k]);
            check_copy_of(codes[k], ws[i].mine[k]);
        }
    }
    ASSERT(shared_code->copies->n > NT);
    ASSERT(wf_code_bytecode(shared_code, ts) == main_copy);
}

/* A thread started after the others ended takes the lowest free index and
 * the copy its previous owner made. */
static void *reuse_main(void *arg)
{
    Worker *w = arg;
    wf_tstate_bind(w->ts);
    w->index = w->ts->tlbc_index;
    w->copy = wf_code_bytecode(shared_code, w->ts);
    wf_tstate_unbind_and_free(w->ts);
    return NULL;
}

static void test_reuse_after_thread_ends(void)
{
    CodeUnit *by_index[NT + 1] = {NULL};
    for (int i = 0; i < NT; i++)
        by_index[ws[i].index] = ws[i].copy;
    for (int round = 0; round < 3; round++) {
        Worker w = { .ts = wf_tstate_new() };
        pthread_t th;
        ASSERT(pthread_create(&th, NULL, reuse_main, &w) == 0);
        wf_blocking_begin();
        pthread_join(th, NULL);
        wf_blocking_end();
        ASSERT_EQ(w.index, 1);
        ASSERT(w.copy == by_index[1]);
    }
}

/* A generator's frame runs on the copy of whichever thread resumes it, at
 * the same offset: the thread that ran it before may be writing its own. */
typedef struct GenStep {
    ThreadState *ts;
    Value gen;
    Value got;
    CodeUnit *frame_copy, *own_copy;
    ptrdiff_t offset;
} GenStep;

static void gen_step_record(GenStep *s, ThreadState *ts)
{
    Frame *f = ((GenObject *)wf_obj(s->gen))->frame;
    s->got = wf_next(s->gen);
    s->frame_copy = f->bytecode;
    s->own_copy = wf_code_bytecode(f->code, ts);
    s->offset = f->instr - f->bytecode;
}

static void *gen_step_main(void *arg)
{
    GenStep *s = arg;
    wf_tstate_bind(s->ts);
    gen_step_record(s, s->ts);
    wf_tstate_unbind_and_free(s->ts);
    return NULL;
}

static void test_generator_moves_to_resuming_thread(void)
{
    ThreadState *ts = wf_tstate();
    Value g = wf_call1(wf_dict_get_c(globals, "gen"), wf_small(10));
    ASSERT(g);
    GenStep here = { .gen = g }, there = { .gen = g, .ts = wf_tstate_new() };
    gen_step_record(&here, ts);
    ASSERT_EQ(wf_small_val(here.got), 0);
    ASSERT(here.frame_copy == here.own_copy);
    pthread_t th;
    ASSERT(pthread_create(&th, NULL, gen_step_main, &there) == 0);
    wf_blocking_begin();
    pthread_join(th, NULL);
    wf_blocking_end();
    ASSERT_EQ(wf_small_val(there.got), 3);
    ASSERT(there.frame_copy == there.own_copy);
    ASSERT(there.frame_copy != here.frame_copy);
    ASSERT_EQ(there.offset, here.offset);   /* the same yield */
    gen_step_record(&here, ts);             /* and back */
    ASSERT_EQ(wf_small_val(here.got), 6);
    ASSERT(here.frame_copy == here.own_copy);
    ASSERT_EQ(here.offset, there.offset);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    globals = om_exec("def f(x):\n    y = x + 1\n    return y * 2\n"
                      "def gen(n):\n    for i in range(n):\n        yield i * 3\n");
    OM_RUN(test_main_thread_index_zero);
    OM_RUN(test_same_copy_twice);
    OM_RUN(test_copies_per_index);
    OM_RUN(test_reuse_after_thread_ends);
    OM_RUN(test_generator_moves_to_resuming_thread);
    wf_decref(globals);
    return om_end("test_tlbc");
}
