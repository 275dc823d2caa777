/* weft: the optional global interpreter lock (PYTHON_GIL=1). */
/* Threads -> one at a time, switching every interval on request (CPython's ceval_gil.c). */
#define _GNU_SOURCE
#include "gil.h"

#include <errno.h>
#include <time.h>

#include "atomic.h"
#include "eval_breaker.h"
#include "util.h"

const char *const wf_eval_breaker_names[] = {
#define WF_EB_NAME(name, bit, doc) [bit] = #name,
    WF_EVAL_BREAKER_BITS(WF_EB_NAME)
#undef WF_EB_NAME
};

static void gil_check(int err, const char *what)
{
    if (err)
        WF_SYNC_DIE(what, err);
}

static void gil_cond_init(pthread_cond_t *c)
{
    pthread_condattr_t attr;
    gil_check(pthread_condattr_init(&attr), "pthread_condattr_init");
    gil_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC), "pthread_condattr_setclock");
    gil_check(pthread_cond_init(c, &attr), "pthread_cond_init");
    pthread_condattr_destroy(&attr);
}

/* Wait on c for at most ns; returns true if the time ran out. */
static bool gil_timed_wait(pthread_cond_t *c, pthread_mutex_t *m, int64_t ns)
{
    struct timespec ts;
    int64_t deadline = wf_sync_now_ns() + ns;
    ts.tv_sec = deadline / 1000000000;
    ts.tv_nsec = deadline % 1000000000;
    int err = pthread_cond_timedwait(c, m, &ts);
    if (err && err != ETIMEDOUT)
        WF_SYNC_DIE("pthread_cond_timedwait", err);
    return err == ETIMEDOUT;
}

void wf_gil_init(WfGil *g)
{
    gil_check(pthread_mutex_init(&g->mutex, NULL), "pthread_mutex_init");
    gil_check(pthread_mutex_init(&g->switch_mutex, NULL), "pthread_mutex_init");
    gil_cond_init(&g->cond);
    gil_cond_init(&g->switch_cond);
    g->locked = 0;
    g->holder = NULL;
    g->switch_number = 0;
    g->waiters = 0;
    g->interval_ns = WF_GIL_DEFAULT_INTERVAL_NS;
    g->switches = 0;
}

void wf_gil_fini(WfGil *g)
{
    pthread_cond_destroy(&g->cond);
    pthread_cond_destroy(&g->switch_cond);
    pthread_mutex_destroy(&g->mutex);
    pthread_mutex_destroy(&g->switch_mutex);
}

void wf_gil_take(WfGil *g, uint32_t *eb)
{
    bool waited = false;
    gil_check(pthread_mutex_lock(&g->mutex), "pthread_mutex_lock");
    if (g->locked) {
        /* Rule 4: we are about to sleep; the hooks must not run under our mutex. */
        pthread_mutex_unlock(&g->mutex);
        wf_sync_block_enter();
        waited = true;
        gil_check(pthread_mutex_lock(&g->mutex), "pthread_mutex_lock");
    }
    while (g->locked) {
        uint64_t saved = g->switch_number;
        wf_atomic_add_relaxed_int(&g->waiters, 1);
        bool timed_out = gil_timed_wait(&g->cond, &g->mutex, wf_gil_get_interval_ns(g));
        wf_atomic_sub_relaxed_int(&g->waiters, 1);
        /* Rule 1: the holder kept it a whole interval: ask it to drop. */
        if (timed_out && g->locked && g->switch_number == saved)
            wf_eval_breaker_set(wf_atomic_load_relaxed_ptr(&g->holder), WF_EB_GIL_DROP_REQUEST);
    }
    wf_atomic_store_relaxed_int(&g->locked, 1);
    if (wf_atomic_load_relaxed_ptr(&g->holder) != eb) {
        wf_atomic_store_relaxed_ptr(&g->holder, eb);
        g->switch_number++;
    }
    /* Rule 3: wake a thread that dropped on request and waits for a new holder. */
    pthread_mutex_lock(&g->switch_mutex);
    pthread_cond_broadcast(&g->switch_cond);
    pthread_mutex_unlock(&g->switch_mutex);
    /* A request aimed at our previous turn is stale now. */
    wf_eval_breaker_clear(eb, WF_EB_GIL_DROP_REQUEST);
    pthread_mutex_unlock(&g->mutex);
    if (waited)
        wf_sync_block_leave();
}

void wf_gil_drop(WfGil *g, uint32_t *eb)
{
    gil_check(pthread_mutex_lock(&g->mutex), "pthread_mutex_lock");
    if (!g->locked || wf_atomic_load_relaxed_ptr(&g->holder) != eb)
        WF_SYNC_DIE("wf_gil_drop: the calling thread does not hold the GIL", 0);
    wf_atomic_store_relaxed_int(&g->locked, 0);
    pthread_cond_signal(&g->cond);
    pthread_mutex_unlock(&g->mutex);

    if (!wf_eval_breaker_take(eb, WF_EB_GIL_DROP_REQUEST))
        return;
    /* Rule 3 (FORCE_SWITCHING): we were asked to drop; do not compete again
     * before another thread has taken it. The waiters count and the holder
     * are relaxed snapshots; the switch_mutex/switch_cond pair orders the
     * wake-up (wf_gil_take broadcasts after setting holder), and the timed
     * wait bounds the damage of a waiter that changes its mind. */
    wf_atomic_add_relaxed_i64(&g->switches, 1);
    pthread_mutex_lock(&g->switch_mutex);
    while (wf_atomic_load_relaxed_ptr(&g->holder) == eb &&
           wf_atomic_load_relaxed_int(&g->waiters) > 0)
        gil_timed_wait(&g->switch_cond, &g->switch_mutex, wf_gil_get_interval_ns(g));
    pthread_mutex_unlock(&g->switch_mutex);
}

void wf_gil_yield(WfGil *g, uint32_t *eb)
{
    wf_gil_drop(g, eb);
    wf_gil_take(g, eb);
}

bool wf_gil_held_by(WfGil *g, uint32_t *eb)
{
    return wf_atomic_load_relaxed_int(&g->locked) && wf_atomic_load_relaxed_ptr(&g->holder) == eb;
}

void wf_gil_set_interval_ns(WfGil *g, int64_t ns)
{
    if (ns < 1000)
        ns = 1000;
    wf_atomic_store_relaxed_i64(&g->interval_ns, ns);
}

int64_t wf_gil_get_interval_ns(WfGil *g)
{
    return wf_atomic_load_relaxed_i64(&g->interval_ns);
}

uint64_t wf_gil_switch_number(WfGil *g)
{
    pthread_mutex_lock(&g->mutex);
    uint64_t n = g->switch_number;
    pthread_mutex_unlock(&g->mutex);
    return n;
}
