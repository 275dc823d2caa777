/* weft: unit tests for the RCU wrapper. */
/* sync/rcu.h -> publish/dereference, synchronize, call_rcu + barrier, online state. */
#include "sync/rcu.h"
#include "check.h"

typedef struct Box {
    WfRcuHead rcu;
    int value;
} Box;

static Box *shared;
static int freed;

static void free_box(WfRcuHead *h)
{
    Box *b = (Box *)h;
    b->value = -1;
    free(b);
    __atomic_add_fetch(&freed, 1, __ATOMIC_RELAXED);
}

static void test_basics(void)
{
    wf_rcu_register_thread();
    CHECK(wf_rcu_is_online());
    Box *b = calloc(1, sizeof *b);
    b->value = 42;
    wf_rcu_assign_pointer(&shared, b);
    wf_rcu_read_lock();
    Box *r = wf_rcu_dereference(&shared);
    CHECK_EQ_LL(r->value, 42);
    wf_rcu_read_unlock();
    wf_rcu_quiescent_state();
    wf_rcu_thread_offline();
    CHECK(!wf_rcu_is_online());
    wf_rcu_thread_online();
    /* Replace and reclaim both ways. */
    Box *b2 = calloc(1, sizeof *b2);
    b2->value = 43;
    wf_rcu_assign_pointer(&shared, b2);
    wf_rcu_synchronize();  /* online caller: the wrapper goes offline for the wait */
    CHECK(wf_rcu_is_online());
    b->value = -1;
    free(b);
    wf_rcu_assign_pointer(&shared, NULL);
    wf_rcu_call(&b2->rcu, free_box);
    for (int i = 0; i < 100; i++) {
        Box *x = calloc(1, sizeof *x);
        wf_rcu_call(&x->rcu, free_box);
    }
    wf_rcu_barrier();
    CHECK_EQ_LL(__atomic_load_n(&freed, __ATOMIC_RELAXED), 101);
    wf_rcu_unregister_thread();
}

static void *unregistered_sync(void *arg)
{
    (void)arg;
    wf_rcu_synchronize();  /* allowed from an unregistered thread */
    return NULL;
}

static void test_unregistered_caller(void)
{
    run_threads(1, unregistered_sync, (char[1]){0}, 1);
    CHECK(!wf_rcu_is_online());
}

int main(void)
{
    RUN(test_basics);
    RUN(test_unregistered_caller);
    return check_done("test_rcu");
}
