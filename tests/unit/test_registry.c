/* weft: unit tests for the thread registry and stop-the-world. */
/* sync/registry.h -> add/remove/iterate, every other thread frozen between stop and start. */
#include "sync/registry.h"
#include "sync/eval_breaker.h"
#include "check.h"

#define NW 4
static WfRegistry reg;
static WfThreadEntry entries[NW];
static long progress[NW];  /* plain: written by its thread while attached only */
static int stop;
static int ready;
static int restarted;     /* atomic: the last stop is over */
static int seen[NW];      /* atomic: worker ran after the last restart */

/* A worker: runs attached, polls its eval breaker, sometimes blocks (detached). */
static void *worker(void *arg)
{
    int id = *(int *)arg;
    WfThreadEntry *t = &entries[id];
    wf_registry_add(&reg, t, arg);
    wf_registry_attach(&reg, t);
    __atomic_add_fetch(&ready, 1, __ATOMIC_RELAXED);
    for (long i = 0; !__atomic_load_n(&stop, __ATOMIC_RELAXED); i++) {
        progress[id]++;
        if (__atomic_load_n(&restarted, __ATOMIC_ACQUIRE))
            __atomic_store_n(&seen[id], 1, __ATOMIC_RELEASE);
        if (wf_eval_breaker_poll(&t->eval_breaker) & WF_EB_STOP_THE_WORLD)
            wf_registry_safe_point(&reg, t);
        if (id % 2 == 0 && i % 1000 == 0) {
            wf_registry_detach(&reg, t);  /* a "blocking call" */
            sleep_ms(1);
            wf_registry_attach(&reg, t);
        }
    }
    wf_registry_detach(&reg, t);
    wf_registry_remove(&reg, t);
    return NULL;
}

static void count_entry(WfThreadEntry *t, void *arg)
{
    (void)t;
    (*(int *)arg)++;
}

static void test_stop_the_world(void)
{
    WfThreadEntry self;
    wf_registry_init(&reg);
    wf_registry_add(&reg, &self, NULL);
    wf_registry_attach(&reg, &self);
    int ids[NW];
    pthread_t th[NW];
    for (int i = 0; i < NW; i++) {
        ids[i] = i;
        pthread_create(&th[i], NULL, worker, &ids[i]);
    }
    while (__atomic_load_n(&ready, __ATOMIC_RELAXED) < NW)
        sleep_ms(1);
    CHECK_EQ_LL(wf_registry_count(&reg), NW + 1);
    int n = 0;
    wf_registry_foreach(&reg, count_entry, &n);
    CHECK_EQ_LL(n, NW + 1);

    long last[NW];
    for (int round = 0; round < 20; round++) {
        long before[NW], after[NW];
        wf_registry_stop_the_world(&reg, &self);
        for (int i = 0; i < NW; i++) {
            CHECK_EQ_LL(__atomic_load_n(&entries[i].state, __ATOMIC_RELAXED), WF_THREAD_SUSPENDED);
            before[i] = progress[i];
        }
        sleep_ms(5);
        for (int i = 0; i < NW; i++)
            last[i] = after[i] = progress[i];
        wf_registry_start_the_world(&reg, &self);
        for (int i = 0; i < NW; i++)
            CHECK_EQ_LL(after[i], before[i]);  /* nobody ran while stopped */
        /* the stopper polls too (it is attached) */
        if (wf_eval_breaker_poll(&self.eval_breaker) & WF_EB_STOP_THE_WORLD)
            wf_registry_safe_point(&reg, &self);
        sleep_ms(2);
    }
    __atomic_store_n(&restarted, 1, __ATOMIC_RELEASE);
    int64_t t0 = now_ns();
    for (int i = 0; i < NW; i++)
        while (!__atomic_load_n(&seen[i], __ATOMIC_ACQUIRE) && now_ns() - t0 < 10000000000LL)
            sleep_ms(1);
    /* progress[] is plain: read it again only after the joins. */
    __atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
    for (int i = 0; i < NW; i++)
        pthread_join(th[i], NULL);
    for (int i = 0; i < NW; i++)
        CHECK(progress[i] > last[i]);  /* the world did restart */
    CHECK_EQ_LL(wf_registry_count(&reg), 1);
    wf_registry_detach(&reg, &self);
    wf_registry_remove(&reg, &self);
    wf_registry_fini(&reg);
}

/* Two threads stop the world in turns, racing; neither may deadlock, and the
 * stops never overlap. */
static WfRegistry reg2;
static int stopped_now;  /* plain: only touched while the world is stopped */
static long stops_done;

static void *stopper(void *arg)
{
    WfThreadEntry *t = arg;
    wf_registry_add(&reg2, t, NULL);
    wf_registry_attach(&reg2, t);
    for (int i = 0; i < 200; i++) {
        wf_registry_stop_the_world(&reg2, t);
        stopped_now++;
        CHECK_EQ_LL(stopped_now, 1);
        stops_done++;
        stopped_now--;
        wf_registry_start_the_world(&reg2, t);
        if (wf_eval_breaker_poll(&t->eval_breaker) & WF_EB_STOP_THE_WORLD)
            wf_registry_safe_point(&reg2, t);
    }
    /* Keep answering the other stopper until it is done. */
    wf_registry_detach(&reg2, t);
    wf_registry_remove(&reg2, t);
    return NULL;
}

static void test_competing_stoppers(void)
{
    WfThreadEntry e[3];
    wf_registry_init(&reg2);
    run_threads(3, stopper, e, sizeof(WfThreadEntry));
    CHECK_EQ_LL(stops_done, 600);
    wf_registry_fini(&reg2);
}

int main(void)
{
    RUN(test_stop_the_world);
    RUN(test_competing_stoppers);
    return check_done("test_registry");
}
