/* weft: the registry of threads and stop-the-world. */
/* Threads -> (attached | detached | suspended); a stopper -> every other thread parked at a safe point. */
#define _GNU_SOURCE
#include "registry.h"

#include <errno.h>
#include <time.h>

#include "atomic.h"
#include "eval_breaker.h"
#include "util.h"

/* A stopper rescans at least this often, whatever it was told. */
#define STW_RESCAN_NS 1000000

static void reg_check(int err, const char *what)
{
    if (err)
        WF_SYNC_DIE(what, err);
}

static void reg_lock(WfRegistry *r) { reg_check(pthread_mutex_lock(&r->mutex), "pthread_mutex_lock"); }
static void reg_unlock(WfRegistry *r) { pthread_mutex_unlock(&r->mutex); }

void wf_registry_init(WfRegistry *r)
{
    pthread_condattr_t attr;
    reg_check(pthread_mutex_init(&r->mutex, NULL), "pthread_mutex_init");
    reg_check(pthread_mutex_init(&r->stw_mutex, NULL), "pthread_mutex_init");
    reg_check(pthread_condattr_init(&attr), "pthread_condattr_init");
    reg_check(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC), "pthread_condattr_setclock");
    reg_check(pthread_cond_init(&r->changed, &attr), "pthread_cond_init");
    reg_check(pthread_cond_init(&r->restart, &attr), "pthread_cond_init");
    pthread_condattr_destroy(&attr);
    r->head = NULL;
    r->count = 0;
    r->next_id = 1;
    r->stw_requested = 0;
    r->stopper = NULL;
    r->stw_generation = 0;
}

void wf_registry_fini(WfRegistry *r)
{
    pthread_cond_destroy(&r->changed);
    pthread_cond_destroy(&r->restart);
    pthread_mutex_destroy(&r->mutex);
    pthread_mutex_destroy(&r->stw_mutex);
}

void wf_registry_add(WfRegistry *r, WfThreadEntry *t, void *owner)
{
    t->eval_breaker = 0;
    t->owner = owner;
    reg_lock(r);
    t->id = r->next_id++;
    /* A thread born while the world is stopped starts suspended, so that it
     * cannot attach behind the stopper's back (rule 3). relaxed: published
     * by the registry lock together with the links. */
    wf_atomic_store_relaxed_u32(&t->state, wf_atomic_load_relaxed_int(&r->stw_requested)
                                               ? WF_THREAD_SUSPENDED : WF_THREAD_DETACHED);
    t->prev = NULL;
    t->next = r->head;
    if (r->head)
        r->head->prev = t;
    r->head = t;
    r->count++;
    reg_unlock(r);
}

void wf_registry_remove(WfRegistry *r, WfThreadEntry *t)
{
    if (wf_atomic_load_acquire_u32(&t->state) == WF_THREAD_ATTACHED)
        WF_SYNC_DIE("wf_registry_remove: thread still attached", 0);
    reg_lock(r);
    if (t->prev)
        t->prev->next = t->next;
    else
        r->head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    r->count--;
    pthread_cond_broadcast(&r->changed);
    reg_unlock(r);
}

void wf_registry_attach(WfRegistry *r, WfThreadEntry *t)
{
    uint32_t s = WF_THREAD_DETACHED;
    /* acq_rel: pairs with the stopper's CAS/stores on the same word (rule 2). */
    if (wf_atomic_cas_acq_rel_u32(&t->state, &s, WF_THREAD_ATTACHED))
        return;
    reg_lock(r);
    for (;;) {
        s = WF_THREAD_DETACHED;
        if (wf_atomic_cas_acq_rel_u32(&t->state, &s, WF_THREAD_ATTACHED))
            break;
        if (s != WF_THREAD_SUSPENDED)
            WF_SYNC_DIE("wf_registry_attach: thread already attached", 0);
        reg_check(pthread_cond_wait(&r->restart, &r->mutex), "pthread_cond_wait");
    }
    reg_unlock(r);
}

void wf_registry_detach(WfRegistry *r, WfThreadEntry *t)
{
    uint32_t s = WF_THREAD_ATTACHED;
    /* seq_cst, with the load below and the stopper's store of stw_requested
     * then loads of states: either the stopper sees us detached or we see its
     * request and wake it. (Its periodic rescan would also find us.) */
    if (!wf_atomic_cas_seq_cst_u32(&t->state, &s, WF_THREAD_DETACHED))
        WF_SYNC_DIE("wf_registry_detach: thread not attached", 0);
    if (wf_atomic_load_seq_cst_int(&r->stw_requested)) {
        reg_lock(r);
        pthread_cond_broadcast(&r->changed);
        reg_unlock(r);
    }
}

void wf_registry_safe_point(WfRegistry *r, WfThreadEntry *t)
{
    wf_eval_breaker_clear(&t->eval_breaker, WF_EB_STOP_THE_WORLD);
    reg_lock(r);
    if (!wf_atomic_load_relaxed_int(&r->stw_requested) || r->stopper == t) {
        reg_unlock(r);  /* stale request: the world already restarted */
        return;
    }
    uint32_t s = WF_THREAD_ATTACHED;
    if (!wf_atomic_cas_acq_rel_u32(&t->state, &s, WF_THREAD_SUSPENDED))
        WF_SYNC_DIE("wf_registry_safe_point: thread not attached", 0);
    pthread_cond_broadcast(&r->changed);
    reg_unlock(r);

    wf_sync_block_enter();  /* rule 6 */
    reg_lock(r);
    for (;;) {
        s = WF_THREAD_DETACHED;  /* start_the_world left us detached */
        if (wf_atomic_cas_acq_rel_u32(&t->state, &s, WF_THREAD_ATTACHED))
            break;
        reg_check(pthread_cond_wait(&r->restart, &r->mutex), "pthread_cond_wait");
    }
    reg_unlock(r);
    wf_sync_block_leave();
}

void wf_registry_foreach(WfRegistry *r, void (*fn)(WfThreadEntry *, void *), void *arg)
{
    reg_lock(r);
    for (WfThreadEntry *t = r->head; t; t = t->next)
        fn(t, arg);
    reg_unlock(r);
}

size_t wf_registry_count(WfRegistry *r)
{
    reg_lock(r);
    size_t n = r->count;
    reg_unlock(r);
    return n;
}

/* One pass: suspend detached threads, ask attached ones; count the latter. */
static int stw_scan(WfRegistry *r, WfThreadEntry *self)
{
    int remaining = 0;
    for (WfThreadEntry *t = r->head; t; t = t->next) {
        if (t == self)
            continue;
        uint32_t s = WF_THREAD_DETACHED;
        if (wf_atomic_cas_seq_cst_u32(&t->state, &s, WF_THREAD_SUSPENDED) ||
            s == WF_THREAD_SUSPENDED)
            continue;
        wf_eval_breaker_set(&t->eval_breaker, WF_EB_STOP_THE_WORLD);
        remaining++;
    }
    return remaining;
}

static void stw_wait(WfRegistry *r)
{
    struct timespec ts;
    int64_t deadline = wf_sync_now_ns() + STW_RESCAN_NS;
    ts.tv_sec = deadline / 1000000000;
    ts.tv_nsec = deadline % 1000000000;
    int err = pthread_cond_timedwait(&r->changed, &r->mutex, &ts);
    if (err && err != ETIMEDOUT)
        WF_SYNC_DIE("pthread_cond_timedwait", err);
}

void wf_registry_stop_the_world(WfRegistry *r, WfThreadEntry *self)
{
    /* Another stopper may be running and waiting for us: be detached (so it
     * can suspend us) while we queue for the stopper's seat. */
    bool attached = self && wf_atomic_load_relaxed_u32(&self->state) == WF_THREAD_ATTACHED;
    if (attached)
        wf_registry_detach(r, self);
    wf_sync_block_enter();
    reg_check(pthread_mutex_lock(&r->stw_mutex), "pthread_mutex_lock");
    wf_sync_block_leave();
    if (attached)
        wf_registry_attach(r, self);

    reg_lock(r);
    r->stopper = self;
    wf_atomic_store_seq_cst_int(&r->stw_requested, 1);
    while (stw_scan(r, self) > 0)
        stw_wait(r);
    reg_unlock(r);
}

void wf_registry_start_the_world(WfRegistry *r, WfThreadEntry *self)
{
    reg_lock(r);
    for (WfThreadEntry *t = r->head; t; t = t->next) {
        if (t == self)
            continue;
        wf_eval_breaker_clear(&t->eval_breaker, WF_EB_STOP_THE_WORLD);
        uint32_t s = WF_THREAD_SUSPENDED;
        /* release (acq_rel): the stopper's work happens-before the thread's
         * re-attach CAS. */
        wf_atomic_cas_acq_rel_u32(&t->state, &s, WF_THREAD_DETACHED);
    }
    wf_atomic_store_seq_cst_int(&r->stw_requested, 0);
    r->stopper = NULL;
    r->stw_generation++;
    pthread_cond_broadcast(&r->restart);
    reg_unlock(r);
    pthread_mutex_unlock(&r->stw_mutex);
}
