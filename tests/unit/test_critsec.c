/* weft: unit tests for per-object critical sections under pthreads. */
/* core/critsec.h -> mutual exclusion, nesting, no-op re-entry, ABBA without deadlock. */
#include "weft.h"
#include "critsec.h"
#include "sync/util.h"
#include "check.h"

#define NTHREADS 4
#define ITERS 20000

/* Bare headers are enough: sections only touch ob_mutex. */
static Object obj_a, obj_b, obj_c;
static long count_a, count_b;  /* plain: protected by obj_a's / obj_b's section */

/* Each thread needs its own ThreadState for its section stack. */
static void bind_thread(ThreadState *ts)
{
    memset(ts, 0, sizeof *ts);
    wf_tstate_current = ts;
}

/* A read-modify-write in two steps with a yield in between loses counts
 * unless the section excludes the other threads. */
static void slow_inc(long *p, int i)
{
    long c = *p;
    if ((i & 127) == 0)
        sched_yield();
    *p = c + 1;
}

static void *excl_worker(void *arg)
{
    (void)arg;
    ThreadState ts;
    bind_thread(&ts);
    for (int i = 0; i < ITERS; i++) {
        WF_CRITSEC_BEGIN(&obj_a);
        slow_inc(&count_a, i);
        WF_CRITSEC_END();
    }
    CHECK(ts.critsec == NULL);
    return NULL;
}

static void test_mutual_exclusion(void)
{
    count_a = 0;
    run_threads(NTHREADS, excl_worker, (char[NTHREADS]){0}, 1);
    CHECK_EQ_LL(count_a, (long long)NTHREADS * ITERS);
    CHECK_EQ_LL(obj_a.ob_mutex, 0);
}

/* Nesting on one thread: distinct objects stack; the same object as the
 * innermost is a no-op; the same object under another section suspends and
 * re-takes correctly. */
static void test_nesting(void)
{
    ThreadState ts;
    bind_thread(&ts);
    WfCritSec s1, s2, s3, s4;
    wf_critsec_begin(&s1, &obj_a);
    CHECK(wf_critsec_held(&obj_a));
    wf_critsec_begin(&s2, &obj_b);
    CHECK(ts.critsec == &s2 && s2.prev == &s1);
    CHECK(wf_critsec_held(&obj_b) && !wf_critsec_held(&obj_a));  /* only the innermost counts */
    CHECK(wf_mutex_is_locked(&obj_a.ob_mutex) && wf_mutex_is_locked(&obj_b.ob_mutex));
    /* Rule 3: re-entry on the innermost's object. */
    wf_critsec_begin(&s3, &obj_b);
    CHECK(s3.state == WF_CRITSEC_NOOP && ts.critsec == &s2);
    wf_critsec_end(&s3);
    CHECK(wf_mutex_is_locked(&obj_b.ob_mutex));
    /* obj_a is held by an enclosing section: taking it again suspends all
     * (releasing a and b) and takes a; ending re-takes b, then a. */
    wf_critsec_begin(&s4, &obj_a);
    CHECK(ts.critsec == &s4);
    CHECK((s2.state & WF_CRITSEC_SUSPENDED) && (s1.state & WF_CRITSEC_SUSPENDED));
    CHECK(!wf_mutex_is_locked(&obj_b.ob_mutex) && wf_mutex_is_locked(&obj_a.ob_mutex));
    wf_critsec_end(&s4);
    CHECK(ts.critsec == &s2 && !(s2.state & WF_CRITSEC_SUSPENDED));
    CHECK(wf_mutex_is_locked(&obj_b.ob_mutex) && !wf_mutex_is_locked(&obj_a.ob_mutex));
    wf_critsec_end(&s2);
    CHECK(ts.critsec == &s1 && !(s1.state & WF_CRITSEC_SUSPENDED));
    CHECK(wf_mutex_is_locked(&obj_a.ob_mutex) && !wf_mutex_is_locked(&obj_b.ob_mutex));
    wf_critsec_end(&s1);
    CHECK(ts.critsec == NULL && obj_a.ob_mutex == 0 && obj_b.ob_mutex == 0);

    /* Two-object sections: address order, a == b degrades to one, no-op
     * when the innermost already holds both. */
    WfCritSec t1, t2, t3;
    wf_critsec_begin2(&t1, &obj_b, &obj_a);
    CHECK((uintptr_t)t1.m1 < (uintptr_t)t1.m2);
    CHECK(wf_critsec_held(&obj_a) && wf_critsec_held(&obj_b));
    wf_critsec_begin2(&t2, &obj_a, &obj_b);
    CHECK(t2.state == WF_CRITSEC_NOOP);
    wf_critsec_end(&t2);
    wf_critsec_end(&t1);
    wf_critsec_begin2(&t3, &obj_c, &obj_c);
    CHECK(t3.m2 == NULL && wf_critsec_held(&obj_c));
    wf_critsec_end(&t3);
    CHECK(obj_a.ob_mutex == 0 && obj_b.ob_mutex == 0 && obj_c.ob_mutex == 0);
    wf_tstate_current = NULL;
}

/* wf_blocking_begin/end's part: suspend_all releases everything (another
 * thread can take it), resume takes back only the innermost. */
static void *try_a_b(void *arg)
{
    bool *ok = arg;
    ok[0] = wf_mutex_trylock(&obj_a.ob_mutex);
    if (ok[0])
        wf_mutex_unlock(&obj_a.ob_mutex);
    ok[1] = wf_mutex_trylock(&obj_b.ob_mutex);
    if (ok[1])
        wf_mutex_unlock(&obj_b.ob_mutex);
    return NULL;
}

static void test_suspend_resume(void)
{
    ThreadState ts;
    bind_thread(&ts);
    WfCritSec s1, s2;
    wf_critsec_begin(&s1, &obj_a);
    wf_critsec_begin(&s2, &obj_b);
    wf_critsec_suspend_all(&ts);
    wf_critsec_suspend_all(&ts);  /* idempotent */
    bool ok[2] = { false, false };
    run_threads(1, try_a_b, ok, sizeof ok);
    CHECK(ok[0] && ok[1]);
    wf_critsec_resume(&ts);
    CHECK(wf_mutex_is_locked(&obj_b.ob_mutex) && !wf_mutex_is_locked(&obj_a.ob_mutex));
    ok[0] = ok[1] = true;
    run_threads(1, try_a_b, ok, sizeof ok);
    CHECK(ok[0] && !ok[1]);
    wf_critsec_end(&s2);
    CHECK(wf_mutex_is_locked(&obj_a.ob_mutex));
    wf_critsec_end(&s1);
    CHECK(obj_a.ob_mutex == 0 && obj_b.ob_mutex == 0);
    wf_tstate_current = NULL;
}

/* ABBA: half the threads nest a then b, the other half b then a, and some use
 * a two-object section. Plain mutexes would deadlock within a few rounds;
 * suspension makes it finish. Each counter is only touched under its own
 * object's innermost section, so the counts must still be exact. */
static void *abba_worker(void *arg)
{
    int id = *(int *)arg;
    ThreadState ts;
    bind_thread(&ts);
    Object *first = (id & 1) ? &obj_b : &obj_a;
    Object *second = (id & 1) ? &obj_a : &obj_b;
    long *c1 = (id & 1) ? &count_b : &count_a;
    long *c2 = (id & 1) ? &count_a : &count_b;
    for (int i = 0; i < ITERS / 4; i++) {
        if (id == 2 && (i & 1)) {
            WF_CRITSEC_BEGIN2(second, first);
            slow_inc(c1, i);
            slow_inc(c2, i);
            WF_CRITSEC_END();
            continue;
        }
        WF_CRITSEC_BEGIN(first);
        slow_inc(c1, i);
        WF_CRITSEC_BEGIN(second);
        slow_inc(c2, i);
        WF_CRITSEC_END();
        /* first was maybe suspended while we waited for second: its end
         * re-took it, so this is again under its section. */
        slow_inc(c1, i);
        WF_CRITSEC_END();
    }
    CHECK(ts.critsec == NULL);
    return NULL;
}

static void run_abba(void)
{
    count_a = count_b = 0;
    int ids[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        ids[i] = i;
    run_threads(NTHREADS, abba_worker, ids, sizeof ids[0]);
    /* Threads 0, 1, 3: 3 increments per round (2 of first, 1 of second);
     * thread 2: half the rounds 1+1 (pair), half 2+1. */
    long rounds = ITERS / 4;
    long t2_pair = rounds / 2, t2_nest = rounds - t2_pair;
    /* Thread ids: even -> first=a, odd -> first=b. */
    long exp_a = 0, exp_b = 0;
    for (int id = 0; id < NTHREADS; id++) {
        long nest = (id == 2) ? t2_nest : rounds, pair = (id == 2) ? t2_pair : 0;
        long firsts = 2 * nest + pair, seconds = nest + pair;
        if (id & 1) { exp_b += firsts; exp_a += seconds; }
        else { exp_a += firsts; exp_b += seconds; }
    }
    CHECK_EQ_LL(count_a, exp_a);
    CHECK_EQ_LL(count_b, exp_b);
    CHECK_EQ_LL(obj_a.ob_mutex, 0);
    CHECK_EQ_LL(obj_b.ob_mutex, 0);
}

static void test_abba(void) { run_abba(); }

/* Rule 6: the runtime may suspend sections from sync/'s blocking hooks too
 * (a thread parking on a busy mutex is then found holding nothing new). */
static void hook_enter(void)
{
    ThreadState *ts = wf_tstate();
    if (ts)
        wf_critsec_suspend_all(ts);
}
static void hook_leave(void) {}

static void test_abba_with_suspending_hooks(void)
{
    wf_sync_set_block_hooks(hook_enter, hook_leave);
    run_abba();
    wf_sync_set_block_hooks(NULL, NULL);
}

int main(void)
{
    RUN(test_nesting);
    RUN(test_suspend_resume);
    RUN(test_mutual_exclusion);
    RUN(test_abba);
    RUN(test_abba_with_suspending_hooks);
    return check_done("test_critsec");
}
