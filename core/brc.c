/* weft: biased reference counting's merge queues (PEP 703, CPython's Python/brc.c). */
/* A non-owner's last decref of an owned object -> the owner's queue -> merged at its periodic check. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include "weft.h"
#include "sync/eval_breaker.h"

/*
 * When a thread that does not own an object drops a reference that the
 * owner's local count holds (core/object.h, rule 4), it cannot touch the
 * local count. It marks the object QUEUED and hands it to the owner here; the
 * owner merges the two counts at its next periodic check, giving the object
 * up (ob_tid = 0, MERGED), and frees it if nothing is left.
 *
 * Threads are found by their id (the ThreadState address) in a small hash
 * table. The id of an exited thread is no longer in the table, even though
 * objects may still carry it: then the queuing thread merges right away
 * (nobody else can touch the local count any more).
 *
 * Rules:
 *  1. A bucket's mutex protects its thread list and every listed thread's
 *     queue (brc_queue, brc_len, brc_cap).
 *  2. A thread leaves the table before merging what remains in its queue, so
 *     after wf_brc_remove_thread nothing can be queued to it.
 *  3. Queued objects keep the reference being dropped; merging subtracts it.
 */
#define BRC_BUCKETS 64

typedef struct BrcBucket {
    pthread_mutex_t mutex;
    ThreadState *head;
} BrcBucket;

static BrcBucket brc_buckets[BRC_BUCKETS];
static pthread_once_t brc_once = PTHREAD_ONCE_INIT;

static void brc_init(void)
{
    for (size_t i = 0; i < BRC_BUCKETS; i++)
        pthread_mutex_init(&brc_buckets[i].mutex, NULL);
}

static BrcBucket *brc_bucket(uintptr_t tid)
{
    return &brc_buckets[(tid >> 6) % BRC_BUCKETS];
}

void wf_brc_add_thread(ThreadState *ts)
{
    pthread_once(&brc_once, brc_init);
    BrcBucket *b = brc_bucket(ts->tid);
    pthread_mutex_lock(&b->mutex);
    ts->brc_next = b->head;
    b->head = ts;
    pthread_mutex_unlock(&b->mutex);
}

/* Merge the queued objects (rule 3); the caller owns them or their owner is gone. */
static void brc_merge_all(Object **objs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (wf_object_explicit_merge(objs[i], -1) == 0)
            wf_object_dealloc_here(objs[i]);
}

void wf_brc_remove_thread(ThreadState *ts)
{
    BrcBucket *b = brc_bucket(ts->tid);
    pthread_mutex_lock(&b->mutex);
    for (ThreadState **p = &b->head; *p; p = &(*p)->brc_next) {
        if (*p == ts) {
            *p = ts->brc_next;
            break;
        }
    }
    Object **q = ts->brc_queue;
    size_t n = ts->brc_len;
    ts->brc_queue = NULL;
    ts->brc_len = ts->brc_cap = 0;
    pthread_mutex_unlock(&b->mutex);
    brc_merge_all(q, n);   /* rule 2: nobody can add to it now */
    free(q);
}

void wf_brc_merge_queue(ThreadState *ts)
{
    BrcBucket *b = brc_bucket(ts->tid);
    pthread_mutex_lock(&b->mutex);
    Object **q = ts->brc_queue;
    size_t n = ts->brc_len;
    ts->brc_queue = NULL;
    ts->brc_len = ts->brc_cap = 0;
    pthread_mutex_unlock(&b->mutex);
    brc_merge_all(q, n);   /* deallocs may queue more: they go to a new array */
    free(q);
}

void wf_brc_queue_object(Object *o)
{
    uintptr_t tid = wf_object_tid(o);
    if (tid == 0) {
        /* The owner merged concurrently: the count is all shared now. */
        wf_object_decref_shared(o);
        return;
    }
    pthread_once(&brc_once, brc_init);
    BrcBucket *b = brc_bucket(tid);
    pthread_mutex_lock(&b->mutex);
    ThreadState *owner = b->head;
    while (owner && owner->tid != tid)
        owner = owner->brc_next;
    if (!owner) {
        /* The owner has exited: nobody counts locally any more. */
        intptr_t n = wf_object_explicit_merge(o, -1);
        pthread_mutex_unlock(&b->mutex);
        if (n == 0)
            wf_object_dealloc_here(o);
        return;
    }
    if (owner->brc_len == owner->brc_cap) {
        size_t cap = owner->brc_cap ? owner->brc_cap * 2 : 64;
        Object **q = realloc(owner->brc_queue, cap * sizeof *q);
        if (!q)
            WF_DIE("cannot grow a refcount merge queue", ENOMEM);
        owner->brc_queue = q;
        owner->brc_cap = cap;
    }
    owner->brc_queue[owner->brc_len++] = o;
    /* acq_rel (eval_breaker.h rule 1); the owner takes the queue under the
     * bucket mutex anyway */
    wf_eval_breaker_set(&owner->entry.eval_breaker, WF_EB_BRC_MERGE);
    pthread_mutex_unlock(&b->mutex);
}
