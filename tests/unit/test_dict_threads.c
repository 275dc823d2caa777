/* weft: the dict under pthreads: atomic operations, lock-free reads, deferred reclamation. */
/* core/dict.c with N bound threads -> exact final contents, no torn or freed reads (ASan, TSan). */
#include <pthread.h>
#include <stdio.h>
#include "om_check.h"
#include "dict.h"

#define NT 4

/*
 * Each worker is a real runtime thread (wf_tstate_new / bind / unbind), and
 * reports a quiescent state every few operations the way the interpreter's
 * periodic check does, so deferred decrefs and freed tables are really
 * reclaimed while the others read: a reader that kept a pointer past its
 * quiescent state, or a writer that freed without deferring, shows up as a
 * wrong value here, or as a report under ASan / TSan.
 */

typedef struct Worker {
    int id;
    Value d;
    ThreadState *ts;
    void (*fn)(struct Worker *);
    long result;
} Worker;

static void quiescent(void)
{
    ThreadState *ts = wf_tstate();
    ts->rcu_countdown = 0;
    wf_eval_breaker_slow(ts, false);
}

static void *worker_main(void *arg)
{
    Worker *w = arg;
    wf_tstate_bind(w->ts);
    w->fn(w);
    wf_tstate_unbind_and_free(w->ts);
    return NULL;
}

static void run_workers(Value d, int n, void (*fns[])(Worker *), Worker *ws)
{
    pthread_t th[NT * 2];
    for (int i = 0; i < n; i++) {
        ws[i] = (Worker){ .id = i, .d = d, .ts = wf_tstate_new(), .fn = fns[i] };
        if (pthread_create(&th[i], NULL, worker_main, &ws[i]) != 0) {
            perror("pthread_create");
            exit(1);
        }
    }
    wf_blocking_begin();
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL);
    wf_blocking_end();
}

static Value keys[NT][3000];  /* distinct str keys, hashed before the threads start */

static void make_keys(void)
{
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < 3000; i++) {
            keys[t][i] = wf_str_printf("k%d_%d", t, i);
            ASSERT(wf_dict_key_hash(keys[t][i]) != -1);
        }
}

/* ---- disjoint inserts: nothing lost ---- */

static void w_insert_own(Worker *w)
{
    for (int i = 0; i < 3000; i++) {
        ASSERT(wf_dict_set(w->d, keys[w->id][i], wf_small(w->id * 100000 + i)) == 0);
        if ((i & 63) == 0)
            quiescent();
    }
}

static void test_disjoint_inserts(void)
{
    Value d = wf_dict_new();
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_insert_own, w_insert_own, w_insert_own, w_insert_own };
    run_workers(d, NT, fns, ws);
    ASSERT_EQ(wf_dict_size(d), NT * 3000);
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < 3000; i++)
            ASSERT(wf_dict_get(d, keys[t][i]) == wf_small(t * 100000 + i));
    wf_decref(d);
}

/* ---- overlapping writers and lock-free readers ---- */

static void w_overwrite(Worker *w)
{
    for (int round = 0; round < 10; round++)
        for (int i = 0; i < 1000; i++) {
            ASSERT(wf_dict_set(w->d, keys[0][i], wf_small(i * 10 + w->id)) == 0);
            if ((i & 63) == 0)
                quiescent();
        }
}

static void w_read_overwritten(Worker *w)
{
    long seen = 0;
    for (int round = 0; round < 20; round++)
        for (int i = 0; i < 1000; i++) {
            Value v = wf_dict_get_str(w->d, keys[0][i]);
            if (v) {
                ASSERT(wf_is_small(v) && wf_small_val(v) / 10 == i);
                seen++;
            }
            if ((i & 63) == 0)
                quiescent();
        }
    w->result = seen;
}

static void test_overlapping_writes(void)
{
    Value d = wf_dict_new();
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_overwrite, w_overwrite, w_read_overwritten, w_read_overwritten };
    run_workers(d, NT, fns, ws);
    ASSERT_EQ(wf_dict_size(d), 1000);
    for (int i = 0; i < 1000; i++) {
        Value v = wf_dict_get(d, keys[0][i]);
        ASSERT(v && wf_small_val(v) / 10 == i && wf_small_val(v) % 10 < 2);
    }
    wf_decref(d);
}

/* ---- resizes and value replacement under readers ---- */

static int stop_flag;

static void w_churn(Worker *w)
{
    char buf[32];
    for (int round = 0; round < 30; round++) {
        /* Grow (the table is replaced several times), then delete it all. */
        for (int i = 0; i < 2000; i++)
            ASSERT(wf_dict_set(w->d, keys[1][i], wf_small(i)) == 0);
        for (int i = 0; i < 100; i++) {
            snprintf(buf, sizeof buf, "v%d_%d", i, round);
            Value nv = wf_str_from_cstr(buf);
            ASSERT(wf_dict_set(w->d, keys[0][i], nv) == 0);  /* the old value is deferred */
            wf_decref(nv);
        }
        for (int i = 0; i < 2000; i++) {
            ASSERT(wf_dict_del(w->d, keys[1][i]) == 0);
            if ((i & 63) == 0)
                quiescent();
        }
        quiescent();
    }
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELEASE);
}

static void w_read_stable(Worker *w)
{
    char want[16];
    long reads = 0;
    while (!__atomic_load_n(&stop_flag, __ATOMIC_ACQUIRE)) {
        for (int i = 0; i < 100; i++) {
            Value v = wf_dict_get_str(w->d, keys[0][i]);
            ASSERT(v && wf_is_str_exact(v));
            wf_incref(v);
            snprintf(want, sizeof want, "v%d_", i);
            ASSERT(strncmp(wf_str_cstr(v), want, strlen(want)) == 0);
            wf_decref(v);
            reads++;
        }
        quiescent();
    }
    w->result = reads;
}

static void test_resize_under_readers(void)
{
    Value d = wf_dict_new();
    char buf[32];
    for (int i = 0; i < 100; i++) {
        snprintf(buf, sizeof buf, "v%d_init", i);
        Value v = wf_str_from_cstr(buf);
        ASSERT(wf_dict_set(d, keys[0][i], v) == 0);
        wf_decref(v);
    }
    stop_flag = 0;
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_churn, w_read_stable, w_read_stable, w_read_stable };
    run_workers(d, NT, fns, ws);
    ASSERT_EQ(wf_dict_size(d), 100);
    ASSERT(ws[1].result > 0);
    wf_decref(d);
}

/* ---- setdefault: one winner per key, everybody sees it ---- */

static Value sd_got[NT][200];

static void w_setdefault(Worker *w)
{
    for (int i = 0; i < 200; i++) {
        /* An equal but distinct tuple key per thread: the locked lookup. */
        Value key = wf_tuple_pack(2, wf_small(i), keys[2][i]);
        Value mine = wf_list_new(0);
        Value args[2] = { key, mine };
        Value got = wf_call_method(w->d, "setdefault", args, 2);
        ASSERT(got);
        sd_got[w->id][i] = got;  /* keeps the reference */
        wf_decref(mine);
        wf_decref(key);
        if ((i & 15) == 0)
            quiescent();
    }
}

static void test_setdefault_race(void)
{
    Value d = wf_dict_new();
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_setdefault, w_setdefault, w_setdefault, w_setdefault };
    run_workers(d, NT, fns, ws);
    ASSERT_EQ(wf_dict_size(d), 200);
    for (int i = 0; i < 200; i++) {
        Value key = wf_tuple_pack(2, wf_small(i), keys[2][i]);
        Value in = wf_dict_get(d, key);
        ASSERT(in);
        for (int t = 0; t < NT; t++) {
            ASSERT(sd_got[t][i] == in);
            wf_decref(sd_got[t][i]);
        }
        wf_decref(key);
    }
    wf_decref(d);
}

/* ---- pop: every key popped exactly once ---- */

static void w_pop(Worker *w)
{
    long got = 0;
    for (int j = 0; j < 4000; j++) {
        int i = (w->id & 1) ? 3999 - j : j;
        Value args[2] = { wf_small(i), wf_None };
        Value v = wf_call_method(w->d, "pop", args, 2);
        ASSERT(v);
        if (v != wf_None) {
            ASSERT(v == wf_small(-i));
            got++;
        }
        wf_decref(v);
        if ((j & 63) == 0)
            quiescent();
    }
    w->result = got;
}

static void test_pop_race(void)
{
    Value d = wf_dict_new();
    for (int i = 0; i < 4000; i++)
        ASSERT(wf_dict_set(d, wf_small(i), wf_small(-i)) == 0);
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_pop, w_pop, w_pop, w_pop };
    run_workers(d, NT, fns, ws);
    long total = 0;
    for (int t = 0; t < NT; t++)
        total += ws[t].result;
    ASSERT_EQ(total, 4000);
    ASSERT_EQ(wf_dict_size(d), 0);
    wf_decref(d);
}

/* ---- lock-free walks while others insert and delete ---- */

static void w_walk(Worker *w)
{
    long items = 0;
    while (!__atomic_load_n(&stop_flag, __ATOMIC_ACQUIRE)) {
        size_t pos = 0;
        Value k, v;
        while (wf_dict_next(w->d, &pos, &k, &v)) {
            /* Every item is (small i, small 2i): a torn read would pair a
             * key with another entry's value. */
            ASSERT(wf_is_small(k) && wf_is_small(v) && wf_small_val(v) == 2 * wf_small_val(k));
            items++;
        }
        quiescent();
    }
    w->result = items;
}

static void del_or_keyerror(Value d, Value k)
{
    if (wf_dict_del(d, k) < 0) {
        ASSERT(wf_err_matches(wf_exc_KeyError));
        wf_err_clear();
    }
}

static void w_insdel(Worker *w)
{
    int base = w->id * 10000;
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 1000; i++)
            ASSERT(wf_dict_set(w->d, wf_small(base + i), wf_small(2 * (base + i))) == 0);
        /* The other worker's popitem may take one of our keys: a KeyError
         * is allowed, nothing else. */
        for (int i = 0; i < 1000; i += 2)
            del_or_keyerror(w->d, wf_small(base + i));
        Value r = wf_call_method(w->d, "popitem", NULL, 0);  /* reuses an entry position */
        if (r)
            wf_decref(r);
        else {
            ASSERT(wf_err_matches(wf_exc_KeyError));
            wf_err_clear();
        }
        quiescent();
        for (int i = 1; i < 1000; i += 2)
            del_or_keyerror(w->d, wf_small(base + i));
    }
}

static void w_insdel_last(Worker *w)
{
    w_insdel(w);
    __atomic_store_n(&stop_flag, 1, __ATOMIC_RELEASE);
}

static void test_walk_while_inserting(void)
{
    Value d = wf_dict_new();
    stop_flag = 0;
    Worker ws[NT];
    void (*fns[NT])(Worker *) = { w_walk, w_walk, w_insdel, w_insdel_last };
    run_workers(d, NT, fns, ws);
    ASSERT(wf_dict_size(d) == 0);
    wf_decref(d);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    make_keys();
    OM_RUN(test_disjoint_inserts);
    OM_RUN(test_overlapping_writes);
    OM_RUN(test_resize_under_readers);
    OM_RUN(test_setdefault_race);
    OM_RUN(test_pop_race);
    OM_RUN(test_walk_while_inserting);
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < 3000; i++)
            wf_decref(keys[t][i]);
    return om_end(__FILE__);
}
