/* weft: unit tests for the one-byte mutex, trylock, RMutex. */
/* sync/mutex.h -> exact counts under contention, state bits, recursion. */
#include "sync/mutex.h"
#include "sync/parking_lot.h"
#include "sync/util.h"
#include "check.h"

#define NTHREADS 8
#define ITERS 20000

static uint8_t counter_mutex;
static long counter;          /* protected by counter_mutex only (plain accesses) */

static void *inc_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS; i++) {
        wf_mutex_lock(&counter_mutex);
        long c = counter;  /* a read-modify-write in two steps: loses counts without the lock */
        if ((i & 255) == 0)
            sched_yield();
        counter = c + 1;
        wf_mutex_unlock(&counter_mutex);
    }
    return NULL;
}

static void test_contended_counter(void)
{
    counter = 0;
    run_threads(NTHREADS, inc_worker, (char[NTHREADS]){0}, 1);
    CHECK_EQ_LL(counter, (long long)NTHREADS * ITERS);
    CHECK_EQ_LL(counter_mutex, 0);  /* unlocked, nobody parked */
}

static void test_trylock_bits(void)
{
    uint8_t m = 0;
    CHECK(!wf_mutex_is_locked(&m));
    CHECK(wf_mutex_trylock(&m));
    CHECK(wf_mutex_is_locked(&m));
    CHECK(!wf_mutex_trylock(&m));
    CHECK_EQ_LL(wf_mutex_lock_timed(&m, 0, 0), WF_LOCK_TIMEOUT);
    wf_mutex_unlock(&m);
    CHECK_EQ_LL(m, 0);
    CHECK_EQ_LL(wf_mutex_lock_timed(&m, 0, 0), WF_LOCK_ACQUIRED);
    wf_mutex_unlock(&m);
}

/* Hand-over across threads: unlocking by a thread that did not lock (Lock semantics). */
static uint8_t handoff_m;
static void *unlock_other(void *arg)
{
    (void)arg;
    wf_mutex_unlock(&handoff_m);
    return NULL;
}

static void test_unlock_by_other_thread(void)
{
    wf_mutex_lock(&handoff_m);
    run_threads(1, unlock_other, (char[1]){0}, 1);
    CHECK(!wf_mutex_is_locked(&handoff_m));
}

static WfRMutex rm = WF_RMUTEX_INIT;
static long rcount;

static void *rm_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITERS / 4; i++) {
        wf_rmutex_lock(&rm);
        wf_rmutex_lock(&rm);
        rcount++;
        CHECK(wf_rmutex_is_owned(&rm));
        CHECK_EQ_LL(wf_rmutex_unlock(&rm), 0);
        CHECK_EQ_LL(wf_rmutex_unlock(&rm), 0);
    }
    CHECK(!wf_rmutex_is_owned(&rm));
    CHECK_EQ_LL(wf_rmutex_unlock(&rm), -1);
    return NULL;
}

static void test_rmutex(void)
{
    run_threads(4, rm_worker, (char[4]){0}, 1);
    CHECK_EQ_LL(rcount, 4 * (ITERS / 4));
    CHECK_EQ_LL(rm.level, 0);
    CHECK_EQ_LL(rm.owner, 0);
}

/* Many mutexes next to each other (as in object headers): no interference. */
#define NM 16
static uint8_t bytes[NM];
static long per[NM];

static void *bytes_worker(void *arg)
{
    int id = *(int *)arg;
    for (int i = 0; i < ITERS; i++) {
        int k = (i * 7 + id) % NM;
        wf_mutex_lock(&bytes[k]);
        per[k]++;
        wf_mutex_unlock(&bytes[k]);
    }
    return NULL;
}

static void test_adjacent_bytes(void)
{
    int ids[NTHREADS];
    for (int i = 0; i < NTHREADS; i++)
        ids[i] = i;
    run_threads(NTHREADS, bytes_worker, ids, sizeof(int));
    long total = 0;
    for (int k = 0; k < NM; k++) {
        total += per[k];
        CHECK_EQ_LL(bytes[k], 0);
    }
    CHECK_EQ_LL(total, (long long)NTHREADS * ITERS);
}

/* The blocking hooks run around a park, in pairs, on the parking thread;
 * WF_LOCK_DONT_DETACH skips them. */
static _Thread_local int hook_depth;
static int hook_enters, hook_leaves, hook_unbalanced;

static void on_enter(void)
{
    if (hook_depth++ != 0)
        __atomic_add_fetch(&hook_unbalanced, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&hook_enters, 1, __ATOMIC_RELAXED);
}

static void on_leave(void)
{
    if (--hook_depth != 0)
        __atomic_add_fetch(&hook_unbalanced, 1, __ATOMIC_RELAXED);
    __atomic_add_fetch(&hook_leaves, 1, __ATOMIC_RELAXED);
}

static uint8_t hook_m;
static int hook_flags;

static void *hook_locker(void *arg)
{
    (void)arg;
    CHECK_EQ_LL(wf_mutex_lock_timed(&hook_m, -1, hook_flags), WF_LOCK_ACQUIRED);
    wf_mutex_unlock(&hook_m);
    return NULL;
}

static void hook_round(int flags)
{
    hook_flags = flags;
    wf_mutex_lock(&hook_m);
    pthread_t t;
    pthread_create(&t, NULL, hook_locker, NULL);
    /* Wait until it parked (HAS_PARKED and one waiter), then release. */
    int64_t t0 = now_ns();
    while (wf_parking_lot_count(&hook_m) != 1 && now_ns() - t0 < 5000000000LL)
        sleep_ms(1);
    wf_mutex_unlock(&hook_m);
    pthread_join(t, NULL);
}

static void test_block_hooks(void)
{
    wf_sync_set_block_hooks(on_enter, on_leave);
    hook_round(0);
    CHECK(hook_enters >= 1);
    CHECK_EQ_LL(hook_enters, hook_leaves);
    CHECK_EQ_LL(hook_unbalanced, 0);
    int before = hook_enters;
    hook_round(WF_LOCK_DONT_DETACH);
    CHECK_EQ_LL(hook_enters, before);
    wf_sync_set_block_hooks(NULL, NULL);
}

int main(void)
{
    RUN(test_trylock_bits);
    RUN(test_unlock_by_other_thread);
    RUN(test_contended_counter);
    RUN(test_adjacent_bytes);
    RUN(test_rmutex);
    RUN(test_block_hooks);
    return check_done("test_mutex");
}
