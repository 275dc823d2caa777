/* weft: unit tests for biased reference counting across threads. */
/* Owner/non-owner incref/decref, merge, the owner's queue, an exited owner, deferred decrefs -> freed exactly once. */
#include <pthread.h>
#include <unistd.h>
#include "om_check.h"
#include "sync/eval_breaker.h"

/* A type whose deallocations are counted (atomically: any thread may free). */
typedef struct CountedObject {
    Object ob;
    int id;
} CountedObject;

static int deallocs;
static pthread_t last_dealloc_thread;

static void counted_dealloc(Object *o)
{
    last_dealloc_thread = pthread_self();
    __atomic_add_fetch(&deallocs, 1, __ATOMIC_SEQ_CST);
    wf_object_free(o);
}

static TypeObject counted_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "brc_counted",
    .tp_basicsize = sizeof(CountedObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = counted_dealloc,
};

static Object *counted_new(void)
{
    return wf_object_alloc(&counted_type, sizeof(CountedObject));
}

static int dealloc_count(void) { return __atomic_load_n(&deallocs, __ATOMIC_SEQ_CST); }

/* Run fn(arg) on a new bound Python-level thread and wait for it. */
typedef struct Job {
    void (*fn)(void *);
    void *arg;
    ThreadState *ts;
} Job;

static void *job_main(void *p)
{
    Job *j = p;
    wf_tstate_bind(j->ts);
    j->fn(j->arg);
    wf_tstate_unbind_and_free(j->ts);
    return NULL;
}

static void job_start(pthread_t *t, Job *j)
{
    j->ts = wf_tstate_new();
    ASSERT(pthread_create(t, NULL, job_main, j) == 0);
}

static void run_in_thread(void (*fn)(void *), void *arg)
{
    pthread_t t;
    Job j = {fn, arg, NULL};
    job_start(&t, &j);
    /* The main thread stays attached meanwhile; joining is a blocking call. */
    wf_blocking_begin();
    pthread_join(t, NULL);
    wf_blocking_end();
}

/* The owner's periodic check, as the eval loop would run it. */
static void periodic_check(void)
{
    ThreadState *ts = wf_tstate();
    ts->rcu_countdown = 0;
    ASSERT(wf_eval_breaker_slow(ts, false) == 0);
}

static void nonowner_incref_decref(void *p)
{
    Object *o = p;
    ASSERT(!wf_object_is_owned(o));
    uint32_t local = wf_refcnt_local(o);
    for (int i = 0; i < 1000; i++)
        wf_incref_obj(o);
    ASSERT_EQ(wf_refcnt_local(o), local);          /* the owner's count is untouched */
    ASSERT_EQ(wf_refcnt(o), local + 1000);
    for (int i = 0; i < 1000; i++)
        wf_decref_obj(o);
    ASSERT_EQ(wf_refcnt(o), local);
}

static void test_owner_and_nonowner_counts(void)
{
    int before = dealloc_count();
    Object *o = counted_new();
    ASSERT(wf_object_is_owned(o));
    ASSERT(wf_object_is_unique(o));
    wf_incref_obj(o);
    ASSERT_EQ(wf_refcnt_local(o), 2);
    ASSERT(!wf_object_is_unique(o));
    run_in_thread(nonowner_incref_decref, o);
    ASSERT_EQ(atomic_load(&o->ob_ref_shared), 0);
    wf_decref_obj(o);
    ASSERT(wf_object_is_unique(o));
    wf_decref_obj(o);
    ASSERT_EQ(dealloc_count(), before + 1);
}

/* The other thread keeps a shared reference while the owner lets go. */
typedef struct Handoff {
    Object *o;
    int step;          /* 0 -> 1: other took its ref; 1 -> 2: owner dropped */
} Handoff;

static void hold_until_owner_drops(void *p)
{
    Handoff *h = p;
    wf_incref_obj(h->o);
    __atomic_store_n(&h->step, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&h->step, __ATOMIC_SEQ_CST) != 2)
        usleep(100);
    /* merged by the owner: ownerless, count 1 in the shared word */
    ASSERT_EQ(wf_object_tid(h->o), 0);
    ASSERT_EQ(atomic_load(&h->o->ob_ref_shared), (1 << WF_REF_SHARED_SHIFT) | WF_REF_MERGED);
    wf_decref_obj(h->o);   /* the last reference: freed here */
}

static void test_merge_when_owner_lets_go(void)
{
    int before = dealloc_count();
    Handoff h = {counted_new(), 0};
    pthread_t t;
    Job j = {hold_until_owner_drops, &h, NULL};
    job_start(&t, &j);
    while (__atomic_load_n(&h.step, __ATOMIC_SEQ_CST) != 1)
        usleep(100);
    wf_decref_obj(h.o);   /* local 1 -> 0 with shared 1: merge, not free */
    ASSERT_EQ(dealloc_count(), before);
    __atomic_store_n(&h.step, 2, __ATOMIC_SEQ_CST);
    wf_blocking_begin();
    pthread_join(t, NULL);
    wf_blocking_end();
    ASSERT_EQ(dealloc_count(), before + 1);
    ASSERT(!pthread_equal(last_dealloc_thread, pthread_self()));
}

static void other_drops_owner_ref(void *p)
{
    Object *o = p;
    wf_decref_obj(o);   /* a reference counted locally by the owner: queued */
    ASSERT_EQ(atomic_load(&o->ob_ref_shared), WF_REF_QUEUED);
}

static void test_queue_to_owner(void)
{
    int before = dealloc_count();
    Object *o = counted_new();
    wf_incref_obj(o);                 /* one for us, one given to the other thread */
    run_in_thread(other_drops_owner_ref, o);
    ASSERT(wf_eval_breaker_test(&wf_tstate()->entry.eval_breaker, WF_EB_BRC_MERGE));
    ASSERT_EQ(dealloc_count(), before);
    periodic_check();                 /* merges: count 1, ownerless */
    ASSERT_EQ(dealloc_count(), before);
    ASSERT_EQ(wf_object_tid(o), 0);
    ASSERT_EQ(wf_refcnt(o), 1);
    wf_decref_obj(o);
    ASSERT_EQ(dealloc_count(), before + 1);

    /* The same with the owner's own reference gone first: merged and freed
     * by the periodic check. */
    o = counted_new();
    run_in_thread(other_drops_owner_ref, o);
    periodic_check();
    ASSERT_EQ(dealloc_count(), before + 2);
}

/* An object whose owner exited: a non-owner's last decref merges and frees. */
static Object *orphan;

static void make_orphan(void *p)
{
    (void)p;
    orphan = counted_new();   /* local 1, owned by a thread about to exit */
}

static void test_owner_exited(void)
{
    int before = dealloc_count();
    run_in_thread(make_orphan, NULL);
    ASSERT(!wf_object_is_owned(orphan));
    wf_incref_obj(orphan);            /* shared +1 */
    ASSERT_EQ(wf_refcnt(orphan), 2);
    wf_decref_obj(orphan);            /* shared back to 0 */
    ASSERT_EQ(dealloc_count(), before);
    wf_decref_obj(orphan);            /* would go negative: owner gone, merge here */
    ASSERT_EQ(dealloc_count(), before + 1);
    ASSERT(pthread_equal(last_dealloc_thread, pthread_self()));
}

/* Many threads hammer one object owned by the main thread, which counts too. */
enum { HAMMER_THREADS = 4, HAMMER_ROUNDS = 20000 };
static Object *hammered;
static int hammer_go;

static void hammer(void *p)
{
    (void)p;
    while (!__atomic_load_n(&hammer_go, __ATOMIC_SEQ_CST))
        ;
    for (int i = 0; i < HAMMER_ROUNDS; i++) {
        wf_incref_obj(hammered);
        wf_incref_obj(hammered);
        wf_decref_obj(hammered);
        wf_decref_obj(hammered);
    }
}

static void test_concurrent_counts(void)
{
    int before = dealloc_count();
    hammered = counted_new();
    pthread_t t[HAMMER_THREADS];
    Job jobs[HAMMER_THREADS];
    for (int i = 0; i < HAMMER_THREADS; i++) {
        jobs[i] = (Job){hammer, NULL, NULL};
        job_start(&t[i], &jobs[i]);
    }
    __atomic_store_n(&hammer_go, 1, __ATOMIC_SEQ_CST);
    for (int i = 0; i < HAMMER_ROUNDS; i++) {
        wf_incref_obj(hammered);
        wf_decref_obj(hammered);
    }
    wf_blocking_begin();
    for (int i = 0; i < HAMMER_THREADS; i++)
        pthread_join(t[i], NULL);
    wf_blocking_end();
    ASSERT_EQ(wf_refcnt(hammered), 1);
    ASSERT_EQ(dealloc_count(), before);
    wf_decref_obj(hammered);
    ASSERT_EQ(dealloc_count(), before + 1);
}

/* Deferred decrefs run after a grace period, on the deferring thread. */
static void defer_many(void *p)
{
    Object **objs = p;
    for (int i = 0; i < 300; i++)
        wf_defer_decref(wf_val(objs[i]));
    /* the exit flushes what is left: every decref has run before it returns */
}

/* A live thread that waits offline (it delays no grace period). */
static atomic_int park_release;
static void park_offline(void *p)
{
    (void)p;
    wf_blocking_begin();
    while (!atomic_load(&park_release))
        usleep(1000);
    wf_blocking_end();
}

static void test_deferred_decref(void)
{
    int before = dealloc_count();
    Object *objs[300];
    for (int i = 0; i < 300; i++)
        objs[i] = counted_new();
    run_in_thread(defer_many, objs);
    /* The thread's exit ran its decrefs; the objects are ours, so the last
     * references were queued to us, and our check frees them. */
    ASSERT_EQ(dealloc_count(), before);
    periodic_check();
    ASSERT_EQ(dealloc_count(), before + 300);
    /* ... and on this thread while another thread lives: not immediately,
     * but within a few checks. */
    pthread_t t;
    Job j = {park_offline, NULL, NULL};
    job_start(&t, &j);
    ASSERT(wf_runtime_multithreaded());
    Object *o = counted_new();
    wf_defer_decref(wf_val(o));
    ASSERT_EQ(dealloc_count(), before + 300);
    for (int i = 0; i < 2000 && dealloc_count() == before + 300; i++) {
        periodic_check();
        usleep(1000);
    }
    ASSERT_EQ(dealloc_count(), before + 301);
    atomic_store(&park_release, 1);
    wf_blocking_begin();
    pthread_join(t, NULL);
    wf_blocking_end();
    /* Alone again: nobody else can hold it, so the decref runs at once. */
    ASSERT(!wf_runtime_multithreaded());
    o = counted_new();
    wf_defer_decref(wf_val(o));
    ASSERT_EQ(dealloc_count(), before + 302);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_owner_and_nonowner_counts);
    OM_RUN(test_merge_when_owner_lets_go);
    OM_RUN(test_queue_to_owner);
    OM_RUN(test_owner_exited);
    OM_RUN(test_concurrent_counts);
    OM_RUN(test_deferred_decref);
    return om_end("test_brc");
}
