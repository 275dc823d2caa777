/* weft: the pieces together, as the runtime will use them. */
/* Registry + RCU + mutexes + blocking hooks + stop-the-world -> no deadlock, no stale read, exact counts. */

/*
 * NTHREADS "Python threads" each: register (registry + RCU), attach, and loop
 * like the interpreter: read an RCU-protected config object and check it,
 * bump a private counter (only while attached), take a shared wf_mutex now
 * and then (contention parks them, and the blocking hooks take them RCU-offline),
 * sometimes "block" (detach, offline, sleep; then attach BEFORE going online,
 * see registry.h), and at every periodic check honour STOP_THE_WORLD and
 * report a quiescent state. A writer replaces the config through RCU.
 * A stopper stops the world repeatedly; while stopped it checks that no
 * thread's counter moves and calls wf_rcu_synchronize (which must not wait for
 * the suspended threads: they are offline), then restarts.
 *
 * Usage: runtime_torture [seconds]   (or WF_STRESS_SECONDS / WF_STRESS_LONG=1)
 */
#include <pthread.h>
#include <stdbool.h>

#include "stress.h"
#include "sync/atomic.h"
#include "sync/eval_breaker.h"
#include "sync/mutex.h"
#include "sync/rcu.h"
#include "sync/registry.h"
#include "sync/util.h"

#define NTHREADS 4
#define LIVE 0x600D600D600D600DULL

typedef struct Config {
    WfRcuHead rcu;
    uint64_t canary;
    uint64_t version;
    uint64_t twice;  /* 2 * version */
} Config;

static WfRegistry reg;
static Config *config;  /* RCU-protected */
static uint8_t shared_m;
static int64_t shared_count;  /* under shared_m */
static int stop;
static int64_t errors, stops, syncs, freed, made;

typedef struct PyThread {
    WfThreadEntry entry;
    int64_t progress;  /* plain: written only while attached */
    int64_t locked;    /* times it took shared_m */
    uint64_t seed;
} PyThread;

static PyThread threads[NTHREADS];

/* The runtime's hooks: RCU offline around any sleep inside sync/
 * (idempotent, as a thread may already be offline when a sync/ wait starts). */
static _Thread_local bool hook_went_offline;
static void hook_enter(void)
{
    if (wf_rcu_is_online()) {
        wf_rcu_thread_offline();
        hook_went_offline = true;
    }
}
static void hook_leave(void)
{
    if (hook_went_offline) {
        hook_went_offline = false;
        wf_rcu_thread_online();
    }
}

static void check_config(void)
{
    Config *c = wf_rcu_dereference(&config);
    if (c->canary != LIVE || c->twice != 2 * c->version)
        wf_atomic_add_relaxed_i64(&errors, 1);
}

static void periodic_check(PyThread *t)
{
    if (wf_eval_breaker_poll(&t->entry.eval_breaker) & WF_EB_STOP_THE_WORLD)
        wf_registry_safe_point(&reg, &t->entry);
    wf_rcu_quiescent_state();
}

static void blocking_call(PyThread *t, int us)
{
    wf_registry_detach(&reg, &t->entry);
    wf_rcu_thread_offline();
    stress_sleep_us(us);
    wf_registry_attach(&reg, &t->entry);  /* may wait for a restart: still offline */
    wf_rcu_thread_online();
}

static void *py_thread(void *arg)
{
    PyThread *t = arg;
    /* Attach first (registry rule 7): a thread born during a stop waits in
     * attach for the restart, and must not be RCU-online meanwhile, or a
     * stopper waiting for a grace period would wait for it forever (seen
     * once under ASan in CI). Registration leaves it online afterwards. */
    wf_registry_add(&reg, &t->entry, t);
    wf_registry_attach(&reg, &t->entry);
    wf_rcu_register_thread();
    while (!wf_atomic_load_relaxed_int(&stop)) {
        check_config();
        t->progress++;
        uint64_t r = stress_rand(&t->seed);
        if (r % 8 == 0) {
            wf_mutex_lock(&shared_m);  /* parks with the hooks: goes offline */
            shared_count++;
            wf_mutex_unlock(&shared_m);
            t->locked++;
        }
        if (r % 512 == 1)
            blocking_call(t, (int)(r >> 32) % 300);
        periodic_check(t);
    }
    wf_registry_detach(&reg, &t->entry);
    wf_registry_remove(&reg, &t->entry);
    wf_rcu_unregister_thread();
    return NULL;
}

static void free_config(WfRcuHead *h)
{
    Config *c = (Config *)h;
    c->canary = 0;
    c->twice = 1;
    free(c);
    wf_atomic_add_relaxed_i64(&freed, 1);
}

static Config *config_new(uint64_t v)
{
    Config *c = malloc(sizeof *c);
    c->canary = LIVE;
    c->version = v;
    c->twice = 2 * v;
    wf_atomic_add_relaxed_i64(&made, 1);
    return c;
}

static void *writer(void *arg)
{
    (void)arg;
    for (uint64_t v = 1; !wf_atomic_load_relaxed_int(&stop); v++) {
        Config *old = config;  /* only this thread writes config */
        wf_rcu_assign_pointer(&config, config_new(v));
        wf_rcu_call(&old->rcu, free_config);
        if (v % 64 == 0)
            stress_sleep_us(100);
    }
    return NULL;
}

static void *stopper(void *arg)
{
    (void)arg;
    WfThreadEntry self;
    wf_rcu_register_thread();
    wf_registry_add(&reg, &self, NULL);
    wf_registry_attach(&reg, &self);
    while (!wf_atomic_load_relaxed_int(&stop)) {
        int64_t before[NTHREADS];
        wf_registry_stop_the_world(&reg, &self);
        for (int i = 0; i < NTHREADS; i++)
            before[i] = threads[i].progress;
        wf_rcu_synchronize();  /* suspended threads are offline: must return */
        wf_atomic_add_relaxed_i64(&syncs, 1);
        for (int i = 0; i < NTHREADS; i++)
            if (threads[i].progress != before[i])
                wf_atomic_add_relaxed_i64(&errors, 1);
        wf_registry_start_the_world(&reg, &self);
        wf_atomic_add_relaxed_i64(&stops, 1);
        if (wf_eval_breaker_poll(&self.eval_breaker) & WF_EB_STOP_THE_WORLD)
            wf_registry_safe_point(&reg, &self);
        wf_rcu_quiescent_state();
        wf_registry_detach(&reg, &self);
        wf_rcu_thread_offline();
        stress_sleep_us(2000);
        wf_registry_attach(&reg, &self);
        wf_rcu_thread_online();
    }
    wf_registry_detach(&reg, &self);
    wf_registry_remove(&reg, &self);
    wf_rcu_unregister_thread();
    return NULL;
}

int main(int argc, char **argv)
{
    double seconds = stress_seconds(argc, argv, 3.0);
    wf_sync_set_block_hooks(hook_enter, hook_leave);
    wf_registry_init(&reg);
    config = config_new(0);
    pthread_t th[NTHREADS], w, s;
    for (int i = 0; i < NTHREADS; i++) {
        threads[i].seed = 0xC0FFEEULL * (uint64_t)(i + 1);
        pthread_create(&th[i], NULL, py_thread, &threads[i]);
    }
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&s, NULL, stopper, NULL);
    stress_sleep_us((int)(seconds * 1e6));
    wf_atomic_store_relaxed_int(&stop, 1);
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], NULL);
    pthread_join(w, NULL);
    pthread_join(s, NULL);
    wf_rcu_barrier();

    int64_t locked = 0, progress = 0;
    for (int i = 0; i < NTHREADS; i++) {
        locked += threads[i].locked;
        progress += threads[i].progress;
    }
    int64_t err = wf_atomic_load_relaxed_i64(&errors);
    int64_t m = wf_atomic_load_relaxed_i64(&made), f = wf_atomic_load_relaxed_i64(&freed);
    int fail = err != 0 || locked != shared_count || m - f != 1 ||
               wf_atomic_load_relaxed_i64(&stops) == 0 || progress == 0 ||
               wf_registry_count(&reg) != 0;
    printf("runtime_torture: %.1fs, %lld iterations, %lld lock sections (counted %lld), "
           "%lld stops with synchronize, %lld configs (%lld freed), %lld errors: %s\n",
           seconds, (long long)progress, (long long)locked, (long long)shared_count,
           (long long)wf_atomic_load_relaxed_i64(&stops), (long long)m, (long long)f,
           (long long)err, fail ? "FAIL" : "ok");
    free(config);
    wf_registry_fini(&reg);
    return fail;
}
