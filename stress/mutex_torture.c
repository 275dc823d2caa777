/* weft: mutex torture test, many threads hammering a few one-byte mutexes. */
/* Threads x {lock, trylock, timed lock, recursive} -> exact counts, no two owners ever. */

/*
 * NTHREADS threads pick one of NMUTEX one-byte mutexes at random and take it
 * with a random method: wf_mutex_lock, a wf_mutex_trylock spin, a short
 * wf_mutex_lock_timed retried until it succeeds, or the recursive WfRMutex
 * (twice). Inside, each checks that it is alone (a plain owner field that
 * must still hold its id after some work) and bumps a plain per-mutex counter.
 * Some holds are long (> 1 ms) so the fair hand-off path runs, some threads
 * release a WfLock taken by another thread. At the end the per-mutex counters
 * must equal the per-thread tallies exactly and every mutex byte must be 0.
 *
 * Usage: mutex_torture [seconds]   (or WF_STRESS_SECONDS / WF_STRESS_LONG=1)
 */
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>

#include "stress.h"
#include "sync/atomic.h"
#include "sync/mutex.h"

#define NTHREADS 8
#define NMUTEX 3

typedef struct Slot {
    uint8_t mutex;
    uintptr_t owner;  /* plain: protected by mutex */
    int64_t count;    /* plain: protected by mutex */
} Slot;

static Slot slots[NMUTEX];
static WfRMutex rslot = WF_RMUTEX_INIT;
static int64_t rcount;        /* protected by rslot */
static int stop;
static int64_t violations;    /* relaxed atomics */

typedef struct Tally {
    int64_t per[NMUTEX];
    int64_t recursive;
    int64_t timeouts;
    uint64_t seed;
} Tally;

static void take(Slot *s, uint64_t *seed, Tally *t)
{
    switch (stress_rand(seed) % 3) {
    case 0:
        wf_mutex_lock(&s->mutex);
        break;
    case 1:
        while (!wf_mutex_trylock(&s->mutex))
            sched_yield();
        break;
    default:
        while (wf_mutex_lock_timed(&s->mutex, (int64_t)(stress_rand(seed) % 200000), 0) !=
               WF_LOCK_ACQUIRED)
            t->timeouts++;
        break;
    }
}

static void critical(Slot *s, uintptr_t me, uint64_t *seed)
{
    if (s->owner != 0)
        wf_atomic_add_relaxed_i64(&violations, 1);
    s->owner = me;
    s->count++;
    uint64_t r = stress_rand(seed) % 1000;
    if (r == 0)
        stress_sleep_us(1500);  /* long hold: waiters cross the 1 ms fairness line */
    else
        for (volatile uint64_t i = 0; i < r % 64; i++) {}
    if (s->owner != me)
        wf_atomic_add_relaxed_i64(&violations, 1);
    s->owner = 0;
}

static void *worker(void *arg)
{
    Tally *t = arg;
    uintptr_t me = wf_sync_thread_id();
    while (!wf_atomic_load_relaxed_int(&stop)) {
        uint64_t r = stress_rand(&t->seed);
        if (r % 16 == 0) {
            wf_rmutex_lock(&rslot);
            wf_rmutex_lock(&rslot);
            rcount++;
            wf_rmutex_unlock(&rslot);
            wf_rmutex_unlock(&rslot);
            t->recursive++;
            continue;
        }
        int k = (int)((r >> 8) % NMUTEX);
        take(&slots[k], &t->seed, t);
        critical(&slots[k], me, &t->seed);
        wf_mutex_unlock(&slots[k].mutex);
        t->per[k]++;
    }
    return NULL;
}

/* Lock semantics: taken here, released by another thread, many times. */
static WfLock baton = WF_LOCK_INIT;
static int64_t batons;

static void *baton_releaser(void *arg)
{
    (void)arg;
    for (;;) {
        while (!wf_lock_locked(&baton)) {
            if (wf_atomic_load_relaxed_int(&stop) && !wf_lock_locked(&baton))
                return NULL;
            sched_yield();
        }
        if (wf_lock_release(&baton) != 0)
            wf_atomic_add_relaxed_i64(&violations, 1);
    }
}

static void *baton_taker(void *arg)
{
    (void)arg;
    while (!wf_atomic_load_relaxed_int(&stop)) {
        if (wf_lock_acquire_timed(&baton, 1000000, false) == WF_LOCK_ACQUIRED)
            batons++;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    double seconds = stress_seconds(argc, argv, 3.0);
    pthread_t th[NTHREADS], bt, br;
    static Tally tally[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        tally[i].seed = 0x1234567ULL * (uint64_t)(i + 1);
        pthread_create(&th[i], NULL, worker, &tally[i]);
    }
    pthread_create(&bt, NULL, baton_taker, NULL);
    pthread_create(&br, NULL, baton_releaser, NULL);
    stress_sleep_us((int)(seconds * 1e6));
    wf_atomic_store_relaxed_int(&stop, 1);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    pthread_join(bt, NULL);
    pthread_join(br, NULL);

    int fail = 0;
    int64_t total = 0, rec = 0, timeouts = 0;
    for (int k = 0; k < NMUTEX; k++) {
        int64_t want = 0;
        for (int i = 0; i < NTHREADS; i++)
            want += tally[i].per[k];
        if (want != slots[k].count) {
            fprintf(stderr, "mutex_torture: mutex %d: count %lld, want %lld\n", k,
                    (long long)slots[k].count, (long long)want);
            fail = 1;
        }
        if (slots[k].mutex != 0) {
            fprintf(stderr, "mutex_torture: mutex %d left as %d\n", k, slots[k].mutex);
            fail = 1;
        }
        total += want;
    }
    for (int i = 0; i < NTHREADS; i++) {
        rec += tally[i].recursive;
        timeouts += tally[i].timeouts;
    }
    if (rec != rcount || rslot.mutex != 0 || rslot.level != 0) {
        fprintf(stderr, "mutex_torture: recursive count %lld, want %lld\n", (long long)rcount, (long long)rec);
        fail = 1;
    }
    int64_t v = wf_atomic_load_relaxed_i64(&violations);
    if (v) {
        fprintf(stderr, "mutex_torture: %lld mutual exclusion violations\n", (long long)v);
        fail = 1;
    }
    if (total == 0 || batons == 0) {
        fprintf(stderr, "mutex_torture: no progress\n");
        fail = 1;
    }
    printf("mutex_torture: %.1fs, %lld critical sections, %lld recursive, %lld timed-out waits, "
           "%lld cross-thread releases: %s\n", seconds, (long long)total, (long long)rec,
           (long long)timeouts, (long long)batons, fail ? "FAIL" : "ok");
    return fail;
}
