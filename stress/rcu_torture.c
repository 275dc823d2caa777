/* weft: RCU torture test, readers against replacing/reclaiming writers. */
/* Readers traverse an RCU list checking canaries; writers replace nodes and reclaim after grace periods. */

/*
 * The list always holds NKEYS nodes with keys 0..NKEYS-1 in order. Writers
 * (serialized by a wf_mutex) replace a random node by a fresh copy with a new
 * generation, publish it with wf_rcu_assign_pointer, and retire the old one,
 * alternately through wf_rcu_call and through wf_rcu_synchronize + free.
 * Reclamation poisons a node before freeing it. Readers, registered with RCU,
 * traverse the list and check every node: live canary, expected key, and a
 * checksum of (key, generation). They report a quiescent state after every
 * traversal, never inside one, and go offline around occasional sleeps.
 *
 * A reader that reached a node that was already reclaimed sees the poison (or,
 * under ASan/TSan, the sanitizer reports the use after free). At the end the
 * counts must match exactly: every traversal saw NKEYS nodes, and
 * allocated - freed == NKEYS after wf_rcu_barrier.
 *
 * Usage: rcu_torture [seconds]   (or WF_STRESS_SECONDS / WF_STRESS_LONG=1)
 * WF_RCU_TORTURE_BROKEN=1 frees without waiting for a grace period, to show
 * that the test catches it (it must then fail).
 */
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "stress.h"
#include "sync/atomic.h"
#include "sync/mutex.h"
#include "sync/rcu.h"

#define NKEYS 64
#define NREADERS 4
#define NWRITERS 2
#define CANARY_LIVE 0x11FE11FE11FE11FEULL
#define CANARY_DEAD 0xDEADDEADDEADDEADULL

typedef struct Node {
    WfRcuHead rcu;
    uint64_t canary;
    uint64_t key;
    uint64_t gen;
    uint64_t check;
    struct Node *next;  /* RCU-protected */
} Node;

static Node *head;             /* RCU-protected */
static uint8_t writer_lock;    /* serializes writers (rule 5) */
static uint64_t generation;    /* under writer_lock */
static int stop;               /* relaxed atomics */
static bool broken;

/* Statistics (relaxed atomics; read after the joins). */
static int64_t allocated, freed, replaced, via_call, via_sync, traversals, errors;

static uint64_t node_check(uint64_t key, uint64_t gen)
{
    uint64_t x = key * 0x9E3779B97F4A7C15ULL ^ gen;
    return x ^ (x >> 29);
}

static Node *node_new(uint64_t key, uint64_t gen, Node *next)
{
    Node *n = malloc(sizeof *n);
    if (!n)
        abort();
    n->canary = CANARY_LIVE;
    n->key = key;
    n->gen = gen;
    n->check = node_check(key, gen);
    n->next = next;
    wf_atomic_add_relaxed_i64(&allocated, 1);
    return n;
}

static void node_reclaim(Node *n)
{
    n->canary = CANARY_DEAD;  /* poison first: a stale reader sees it */
    n->key = UINT64_MAX;
    n->check = 0;
    n->next = NULL;
    free(n);
    wf_atomic_add_relaxed_i64(&freed, 1);
}

static void reclaim_cb(WfRcuHead *h)
{
    node_reclaim((Node *)h);
}

/* One traversal: returns the number of bad nodes seen. */
static int64_t reader_traverse(void)
{
    int64_t bad = 0;
    uint64_t expect = 0;
    wf_rcu_read_lock();
    for (Node *n = wf_rcu_dereference(&head); n; n = wf_rcu_dereference(&n->next)) {
        if (n->canary != CANARY_LIVE || n->key != expect || n->check != node_check(n->key, n->gen)) {
            if (bad++ == 0)
                fprintf(stderr, "rcu_torture: stale node: canary %llx key %llu (want %llu)\n",
                        (unsigned long long)n->canary, (unsigned long long)n->key,
                        (unsigned long long)expect);
            if (n->canary != CANARY_LIVE)
                break;  /* do not follow a poisoned next pointer */
        }
        expect++;
    }
    wf_rcu_read_unlock();
    if (!bad && expect != NKEYS) {
        fprintf(stderr, "rcu_torture: traversal saw %llu nodes\n", (unsigned long long)expect);
        bad++;
    }
    return bad;
}

static void *reader(void *arg)
{
    uint64_t seed = (uintptr_t)arg * 7919 + 1;
    wf_rcu_register_thread();
    while (!wf_atomic_load_relaxed_int(&stop)) {
        int64_t bad = reader_traverse();
        if (bad)
            wf_atomic_add_relaxed_i64(&errors, bad);
        wf_atomic_add_relaxed_i64(&traversals, 1);
        wf_rcu_quiescent_state();  /* between traversals, never inside */
        if (stress_rand(&seed) % 64 == 0) {
            wf_rcu_thread_offline();  /* a blocking call */
            stress_sleep_us((int)(stress_rand(&seed) % 200));
            wf_rcu_thread_online();
        }
    }
    wf_rcu_unregister_thread();
    return NULL;
}

/* Replace the node with key k; returns the old one (now unreachable for new readers). */
static Node *writer_replace(uint64_t k)
{
    wf_mutex_lock(&writer_lock);
    Node **slot = &head;
    while ((*slot)->key != k)
        slot = &(*slot)->next;
    Node *old = *slot;
    Node *fresh = node_new(k, ++generation, old->next);
    wf_rcu_assign_pointer(slot, fresh);  /* release: fresh is fully built */
    wf_mutex_unlock(&writer_lock);
    return old;
}

static void *writer(void *arg)
{
    uint64_t seed = (uintptr_t)arg * 104729 + 3;
    bool registered = (uintptr_t)arg % 2 == 0;  /* exercise both kinds of caller */
    if (registered)
        wf_rcu_register_thread();
    for (uint64_t i = 0; !wf_atomic_load_relaxed_int(&stop); i++) {
        Node *old = writer_replace(stress_rand(&seed) % NKEYS);
        wf_atomic_add_relaxed_i64(&replaced, 1);
        if (broken) {
            node_reclaim(old);  /* WRONG on purpose: no grace period */
        } else if (i % 8 == 0) {
            wf_rcu_synchronize();
            node_reclaim(old);
            wf_atomic_add_relaxed_i64(&via_sync, 1);
        } else {
            wf_rcu_call(&old->rcu, reclaim_cb);
            wf_atomic_add_relaxed_i64(&via_call, 1);
        }
        if (registered)
            wf_rcu_quiescent_state();
        if (i % 256 == 0)
            stress_sleep_us(50);  /* let the call_rcu thread keep up */
    }
    if (registered)
        wf_rcu_unregister_thread();
    return NULL;
}

int main(int argc, char **argv)
{
    double seconds = stress_seconds(argc, argv, 3.0);
    const char *b = getenv("WF_RCU_TORTURE_BROKEN");
    broken = b && *b == '1';
    for (int k = NKEYS - 1; k >= 0; k--)
        head = node_new((uint64_t)k, 0, head);

    pthread_t r[NREADERS], w[NWRITERS];
    for (uintptr_t i = 0; i < NREADERS; i++)
        pthread_create(&r[i], NULL, reader, (void *)i);
    for (uintptr_t i = 0; i < NWRITERS; i++)
        pthread_create(&w[i], NULL, writer, (void *)i);
    stress_sleep_us((int)(seconds * 1e6));
    wf_atomic_store_relaxed_int(&stop, 1);
    for (int i = 0; i < NREADERS; i++)
        pthread_join(r[i], NULL);
    for (int i = 0; i < NWRITERS; i++)
        pthread_join(w[i], NULL);
    wf_rcu_barrier();  /* every queued reclamation has run */

    int64_t a = wf_atomic_load_relaxed_i64(&allocated), f = wf_atomic_load_relaxed_i64(&freed);
    int64_t rep = wf_atomic_load_relaxed_i64(&replaced);
    int64_t vc = wf_atomic_load_relaxed_i64(&via_call), vs = wf_atomic_load_relaxed_i64(&via_sync);
    int64_t err = wf_atomic_load_relaxed_i64(&errors);
    printf("rcu_torture: %.1fs, %lld traversals, %lld replacements (%lld call_rcu, %lld synchronize), "
           "%lld allocated, %lld freed, %lld errors\n", seconds,
           (long long)wf_atomic_load_relaxed_i64(&traversals), (long long)rep, (long long)vc,
           (long long)vs, (long long)a, (long long)f, (long long)err);
    int fail = 0;
    if (err) fail = 1;
    if (a - f != NKEYS) { fprintf(stderr, "rcu_torture: %lld nodes live, want %d\n", (long long)(a - f), NKEYS); fail = 1; }
    if (!broken && vc + vs != rep) { fprintf(stderr, "rcu_torture: retirements do not add up\n"); fail = 1; }
    if (a != rep + NKEYS) { fprintf(stderr, "rcu_torture: allocations do not add up\n"); fail = 1; }
    if (wf_atomic_load_relaxed_i64(&traversals) == 0 || rep == 0) { fprintf(stderr, "rcu_torture: no progress\n"); fail = 1; }
    /* The final list must still be intact. */
    if (reader_traverse() != 0)
        fail = 1;
    for (Node *n = head; n; ) {
        Node *next = n->next;
        node_reclaim(n);
        n = next;
    }
    printf("rcu_torture: %s\n", fail ? "FAIL" : "ok");
    return fail;
}
