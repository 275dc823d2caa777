/* weft: unit tests for type versions, dict keys versions and watchers. */
/* Class and dict changes (one thread, several) -> fresh versions + each watcher event once, before the call returns. */
#include <pthread.h>
#include <stdio.h>
#include "om_check.h"
#include "dict.h"
#include "objimpl.h"
#include "watch.h"

static const char classes_src[] =
    "class A:\n"
    "    x = 1\n"
    "class B(A):\n"
    "    pass\n"
    "class C(B):\n"
    "    pass\n"
    "class L(A):\n"
    "    pass\n"
    "class R(A):\n"
    "    pass\n"
    "class Diamond(L, R):\n"
    "    pass\n"
    "class Other:\n"
    "    pass\n"
    "class Twin:\n"
    "    pass\n"
    "class Many:\n"
    "    pass\n"
    "subs = [type('S%d' % i, (Many,), {}) for i in range(12)]\n"
    "def get_x(o):\n"
    "    return o.x\n"
    "def set_class(o, c):\n"
    "    o.__class__ = c\n";

static Value globals;

static TypeObject *cls(const char *name)
{
    Value v = wf_dict_get_c(globals, name);
    ASSERT(v && wf_is_type(v));
    return wf_as_type(v);
}

static Value call(const char *fn, Value a, Value b)
{
    Value f = wf_dict_get_c(globals, fn);
    ASSERT(f);
    Value args[2] = { a, b };
    Value r = wf_call(f, args, b ? 2 : 1, 0);
    ASSERT(r);
    return r;
}

static void set_attr(TypeObject *t, const char *name, Value v)
{
    ASSERT(wf_setattr_c(wf_val(t), name, v) == 0);
}

/* Every version handed out in this test run, types and dict keys apart
 * (two counters), to check none comes twice. */
typedef struct Seen {
    uint32_t v[4096];
    size_t n;
} Seen;
static Seen type_seen_versions, keys_seen_versions;

static void seen_add(Seen *s, uint32_t v)
{
    ASSERT(v != 0);
    for (size_t i = 0; i < s->n; i++)
        ASSERT(s->v[i] != v);
    ASSERT(s->n < sizeof s->v / sizeof s->v[0]);
    s->v[s->n++] = v;
}

static void see_new(uint32_t v) { seen_add(&type_seen_versions, v); }
static void see_new_keys(uint32_t v) { seen_add(&keys_seen_versions, v); }

/* ---- type versions ---- */

static void test_type_versions_unique(void)
{
    TypeObject *builtins[] = { &wf_type_int, &wf_type_str, &wf_type_list, &wf_type_dict,
                               &wf_type_tuple, &wf_type_object, &wf_type_type, &wf_type_float };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        see_new(wf_type_version(builtins[i]));
    const char *names[] = { "A", "B", "C", "L", "R", "Diamond", "Other", "Twin" };
    for (size_t i = 0; i < 8; i++)
        see_new(wf_type_version(cls(names[i])));
    /* Two classes changed the same number of times never share a version
     * (a per-type counter would give both the same). */
    for (int i = 0; i < 5; i++) {
        set_attr(cls("Other"), "y", wf_small(i));
        set_attr(cls("Twin"), "y", wf_small(i));
        see_new(wf_type_version(cls("Other")));
        see_new(wf_type_version(cls("Twin")));
    }
}

static void test_base_bump_bumps_subclasses(void)
{
    const char *tree[] = { "A", "B", "C", "L", "R", "Diamond" };
    uint32_t before[6];
    for (int i = 0; i < 6; i++)
        before[i] = wf_type_version(cls(tree[i]));
    uint32_t other = wf_type_version(cls("Other"));
    set_attr(cls("A"), "x", wf_small(7));
    for (int i = 0; i < 6; i++) {
        ASSERT(wf_type_version(cls(tree[i])) != before[i]);
        see_new(wf_type_version(cls(tree[i])));
    }
    ASSERT_EQ(wf_type_version(cls("Other")), other);
    /* A change to a subclass leaves its bases alone. */
    uint32_t va = wf_type_version(cls("A"));
    set_attr(cls("C"), "x", wf_small(8));
    ASSERT_EQ(wf_type_version(cls("A")), va);
    see_new(wf_type_version(cls("C")));
    /* The method cache follows: every class sees its own answer. */
    ASSERT(wf_type_lookup(cls("Diamond"), wf_str_intern_c("x")) == wf_small(7));
    ASSERT(wf_type_lookup(cls("C"), wf_str_intern_c("x")) == wf_small(8));
    ASSERT(wf_setattr(wf_val(cls("C")), wf_str_intern_c("x"), 0) == 0);
    ASSERT(wf_type_lookup(cls("C"), wf_str_intern_c("x")) == wf_small(7));
    set_attr(cls("A"), "x", wf_small(1));
}

/* More subclasses than the change's small inline set holds. */
static void test_many_subclasses(void)
{
    Value subs = wf_dict_get_c(globals, "subs");
    ASSERT(subs && wf_list_size(subs) == 12);
    uint32_t before[12];
    for (int i = 0; i < 12; i++)
        before[i] = wf_type_version(wf_as_type(wf_list_get(subs, i)));
    set_attr(cls("Many"), "m", wf_small(1));
    for (int i = 0; i < 12; i++) {
        TypeObject *t = wf_as_type(wf_list_get(subs, i));
        ASSERT(wf_type_version(t) != before[i]);
        see_new(wf_type_version(t));
        ASSERT(wf_type_lookup(t, wf_str_intern_c("m")) == wf_small(1));
    }
}

static void test_class_assignment_bumps(void)
{
    Value o = wf_call(wf_val(cls("Other")), NULL, 0, 0);
    ASSERT(o);
    uint32_t vo = wf_type_version(cls("Other")), vt = wf_type_version(cls("Twin"));
    uint32_t va = wf_type_version(cls("A"));
    wf_decref(call("set_class", o, wf_val(cls("Twin"))));
    ASSERT(wf_type(o) == cls("Twin"));
    ASSERT(wf_type_version(cls("Other")) != vo && wf_type_version(cls("Twin")) != vt);
    see_new(wf_type_version(cls("Other")));
    see_new(wf_type_version(cls("Twin")));
    ASSERT_EQ(wf_type_version(cls("A")), va);
    wf_decref(o);
}

/* ---- dict keys versions ---- */

static Value key(const char *s) { return wf_str_intern_c(s); }

static void test_keys_version_assign(void)
{
    Value d = wf_dict_new(), e = wf_dict_new();
    ASSERT_EQ(wf_dict_keys_version_now(wf_as_dict(d)), 0);
    uint32_t v = wf_dict_keys_version(d);
    see_new_keys(v);
    ASSERT_EQ(wf_dict_keys_version(d), v);
    ASSERT_EQ(wf_dict_keys_version_now(wf_as_dict(d)), v);
    see_new_keys(wf_dict_keys_version(e));
    wf_decref(d);
    wf_decref(e);
}

/* The guard's view of d after one operation: kept (1) or reset (0); a
 * reset dict then gets a number never seen before. */
static int kept(Value d, uint32_t *v)
{
    uint32_t now = wf_dict_keys_version_now(wf_as_dict(d));
    if (now == *v)
        return 1;
    ASSERT_EQ(now, 0);
    *v = wf_dict_keys_version(d);
    see_new_keys(*v);
    return 0;
}

static void test_keys_version_changes(void)
{
    Value d = wf_dict_new();
    ASSERT(wf_dict_set(d, key("a"), wf_small(1)) == 0);
    uint32_t v = wf_dict_keys_version(d);
    see_new_keys(v);
    /* Value replacement, on every path, keeps it. */
    ASSERT(wf_dict_set(d, key("a"), wf_small(2)) == 0);
    ASSERT(kept(d, &v));
    ASSERT(wf_dict_set_str(d, key("a"), wf_small(3)) == 0);
    ASSERT(kept(d, &v));
    Value other = wf_dict_new();
    ASSERT(wf_dict_set(other, key("a"), wf_small(4)) == 0);
    ASSERT(wf_dict_update(d, other) == 0);
    ASSERT(kept(d, &v));
    Value args[2] = { key("a"), wf_small(9) };
    Value r = wf_call_method(d, "setdefault", args, 2);
    ASSERT(r == wf_small(4));
    wf_decref(r);
    ASSERT(kept(d, &v));
    /* Every change of the key set resets it. */
    ASSERT(wf_dict_set(d, key("b"), wf_small(1)) == 0);
    ASSERT(!kept(d, &v));
    ASSERT(wf_dict_set_str(d, key("c"), wf_small(1)) == 0);
    ASSERT(!kept(d, &v));
    ASSERT(wf_dict_del(d, key("b")) == 0);
    ASSERT(!kept(d, &v));
    args[0] = key("c");
    wf_decref(wf_call_method(d, "pop", args, 1));
    ASSERT(!kept(d, &v));
    args[0] = key("s");
    wf_decref(wf_call_method(d, "setdefault", args, 2));
    ASSERT(!kept(d, &v));
    wf_decref(wf_call_method(d, "popitem", NULL, 0));
    ASSERT(!kept(d, &v));
    ASSERT(wf_dict_set(other, key("new"), wf_small(4)) == 0);
    ASSERT(wf_dict_update(d, other) == 0);
    ASSERT(!kept(d, &v));
    for (int i = 0; i < 40; i++) {   /* inserts with resizes */
        Value k = wf_str_printf("k%d", i);
        ASSERT(wf_dict_set(d, k, wf_small(i)) == 0);
        ASSERT(!kept(d, &v));
        wf_decref(k);
    }
    wf_decref(wf_call_method(d, "clear", NULL, 0));
    ASSERT(!kept(d, &v));
    ASSERT(!wf_err_occurred());
    wf_decref(other);
    wf_decref(d);
}

/* ---- watchers, one thread ---- */

static int type_events;
static TypeObject *type_last;
static uint32_t type_last_version;
static TypeObject *type_seen[16];

static void on_type(TypeObject *t)
{
    type_seen[type_events % 16] = t;
    type_events++;
    type_last = t;
    type_last_version = wf_type_version(t);
}

static int type_events_b;
static void on_type_b(TypeObject *t) { type_events_b++; }

static void test_type_watcher(void)
{
    int id = wf_type_watcher_add(on_type);
    ASSERT(id >= 0 && id < WF_WATCHERS_MAX);
    ASSERT(wf_type_watch(id, cls("B")) == 0);
    ASSERT(wf_type_watch(WF_WATCHERS_MAX, cls("B")) == -1);
    /* The watched class itself: once, after its new version is published. */
    set_attr(cls("B"), "z", wf_small(1));
    ASSERT_EQ(type_events, 1);
    ASSERT(type_last == cls("B"));
    ASSERT_EQ(type_last_version, wf_type_version(cls("B")));
    /* Its base: B's version changes, so B's watcher hears of it. */
    set_attr(cls("A"), "x", wf_small(2));
    ASSERT_EQ(type_events, 2);
    ASSERT(type_last == cls("B"));
    ASSERT_EQ(type_last_version, wf_type_version(cls("B")));
    /* Its subclass, an unrelated class: B unchanged, nothing. */
    set_attr(cls("C"), "z", wf_small(1));
    set_attr(cls("Other"), "z", wf_small(1));
    ASSERT_EQ(type_events, 2);
    /* A class reached twice from the changed base is notified once. */
    ASSERT(wf_type_watch(id, cls("Diamond")) == 0);
    ASSERT(wf_type_watch(id, cls("A")) == 0);
    type_events = 0;
    set_attr(cls("A"), "x", wf_small(1));
    ASSERT_EQ(type_events, 3);
    int n_diamond = 0, n_a = 0, n_b = 0;
    for (int i = 0; i < 3; i++) {
        n_diamond += type_seen[i] == cls("Diamond");
        n_a += type_seen[i] == cls("A");
        n_b += type_seen[i] == cls("B");
    }
    ASSERT(n_diamond == 1 && n_a == 1 && n_b == 1);
    /* __class__ assignment notifies both classes. */
    ASSERT(wf_type_watch(id, cls("Other")) == 0);
    ASSERT(wf_type_watch(id, cls("Twin")) == 0);
    Value o = wf_call(wf_val(cls("Twin")), NULL, 0, 0);
    type_events = 0;
    wf_decref(call("set_class", o, wf_val(cls("Other"))));
    ASSERT_EQ(type_events, 2);
    wf_decref(o);
    /* A second watcher of the same class: both called. */
    int id2 = wf_type_watcher_add(on_type_b);
    ASSERT(id2 >= 0 && id2 != id);
    ASSERT(wf_type_watch(id2, cls("B")) == 0);
    type_events = 0;
    set_attr(cls("B"), "z", wf_small(2));
    ASSERT(type_events == 1 && type_events_b == 1);
    /* unwatch and clear stop delivery. */
    ASSERT(wf_type_unwatch(id, cls("B")) == 0);
    set_attr(cls("B"), "z", wf_small(3));
    ASSERT(type_events == 1 && type_events_b == 2);
    ASSERT(wf_type_watcher_clear(id2) == 0);
    ASSERT(wf_type_watcher_clear(id2) == -1);
    ASSERT(wf_type_watch(id2, cls("B")) == -1);
    set_attr(cls("B"), "z", wf_small(4));
    ASSERT(type_events == 1 && type_events_b == 2);
    ASSERT(wf_type_watcher_clear(id) == 0);
    set_attr(cls("A"), "x", wf_small(1));
    ASSERT(type_events == 1);
    /* No stale bits for whoever gets these ids next (watch.h rule 5). */
    const char *watched[] = { "A", "Diamond", "Other", "Twin" };
    for (int i = 0; i < 4; i++)
        ASSERT(wf_type_unwatch(id, cls(watched[i])) == 0);
}

static void test_watcher_ids_run_out(void)
{
    int ids[WF_WATCHERS_MAX];
    for (int i = 0; i < WF_WATCHERS_MAX; i++) {
        ids[i] = wf_type_watcher_add(on_type_b);
        ASSERT(ids[i] >= 0);
    }
    ASSERT_EQ(wf_type_watcher_add(on_type_b), -1);
    ASSERT(wf_type_watcher_clear(ids[3]) == 0);
    ASSERT_EQ(wf_type_watcher_add(on_type_b), ids[3]);
    for (int i = 0; i < WF_WATCHERS_MAX; i++)
        ASSERT(wf_type_watcher_clear(ids[i]) == 0);
    ASSERT(wf_dict_watcher_clear(-1) == -1 && wf_dict_watcher_clear(WF_WATCHERS_MAX) == -1);
}

typedef struct DictLog {
    int n;
    WfDictEvent ev[16];
    Value key[16], value[16];
} DictLog;
static DictLog dlog;
static Value dlog_dict;

static void on_dict(WfDictEvent ev, Value d, Value k, Value v)
{
    ASSERT(d == dlog_dict);
    if (dlog.n < 16) {
        dlog.ev[dlog.n] = ev;
        dlog.key[dlog.n] = k;
        dlog.value[dlog.n] = v;
    }
    dlog.n++;
}

/* Exactly one event since the last check, as given. */
static void expect_event(WfDictEvent ev, Value k, Value v)
{
    if (dlog.n != 1 || dlog.ev[0] != ev) {
        fprintf(stderr, "expected one %s, got %d events, first %s\n", wf_dict_event_names[ev], dlog.n,
                dlog.n ? wf_dict_event_names[dlog.ev[0]] : "-");
        ASSERT(0);
    }
    ASSERT(dlog.key[0] == k || (k && dlog.key[0] && wf_str_eq(dlog.key[0], k)));
    ASSERT(dlog.value[0] == v);
    dlog.n = 0;
}

static void test_dict_watcher(void)
{
    int id = wf_dict_watcher_add(on_dict);
    ASSERT(id >= 0);
    Value d = wf_dict_new(), unwatched = wf_dict_new();
    dlog_dict = d;
    ASSERT(wf_dict_watch(id, d) == 0);
    ASSERT(wf_dict_watch(id, wf_small(1)) == -1);
    ASSERT(wf_dict_set(d, key("a"), wf_small(1)) == 0);
    expect_event(WF_DICT_EVENT_ADDED, key("a"), wf_small(1));
    ASSERT(wf_dict_set(d, key("a"), wf_small(2)) == 0);
    expect_event(WF_DICT_EVENT_MODIFIED, key("a"), wf_small(2));
    ASSERT(wf_dict_set_str(d, key("a"), wf_small(3)) == 0);   /* the inline path */
    expect_event(WF_DICT_EVENT_MODIFIED, key("a"), wf_small(3));
    Value k2 = wf_str_printf("not%s", "interned");
    ASSERT(wf_dict_set(d, k2, wf_small(4)) == 0);
    expect_event(WF_DICT_EVENT_ADDED, k2, wf_small(4));
    ASSERT(wf_dict_del(d, k2) == 0);
    expect_event(WF_DICT_EVENT_DELETED, k2, 0);
    Value args[2] = { key("a"), wf_small(0) };
    wf_decref(wf_call_method(d, "pop", args, 1));
    expect_event(WF_DICT_EVENT_DELETED, key("a"), 0);
    args[0] = key("s");
    wf_decref(wf_call_method(d, "setdefault", args, 2));
    expect_event(WF_DICT_EVENT_ADDED, key("s"), wf_small(0));
    wf_decref(wf_call_method(d, "popitem", NULL, 0));
    expect_event(WF_DICT_EVENT_DELETED, key("s"), 0);
    ASSERT(wf_dict_set(unwatched, key("u"), wf_small(5)) == 0);
    ASSERT_EQ(dlog.n, 0);
    ASSERT(wf_dict_update(d, unwatched) == 0);
    expect_event(WF_DICT_EVENT_ADDED, key("u"), wf_small(5));
    wf_decref(wf_call_method(d, "clear", NULL, 0));
    expect_event(WF_DICT_EVENT_CLEARED, 0, 0);
    /* unwatch stops delivery; watching again resumes it. */
    ASSERT(wf_dict_unwatch(id, d) == 0);
    ASSERT(wf_dict_set(d, key("a"), wf_small(1)) == 0);
    ASSERT_EQ(dlog.n, 0);
    ASSERT(wf_dict_watch(id, d) == 0);
    wf_decref(d);
    expect_event(WF_DICT_EVENT_DEALLOCATED, 0, 0);
    /* clear stops delivery for every dict the watcher watched. */
    d = wf_dict_new();
    dlog_dict = d;
    ASSERT(wf_dict_watch(id, d) == 0);
    ASSERT(wf_dict_watcher_clear(id) == 0);
    ASSERT(wf_dict_set(d, key("a"), wf_small(1)) == 0);
    ASSERT_EQ(dlog.n, 0);
    wf_decref(d);
    ASSERT_EQ(dlog.n, 0);
    wf_decref(k2);
    wf_decref(unwatched);
}

/* ---- several threads ---- */

#define NT 4
#define NK 500

typedef struct Worker {
    int id;
    ThreadState *ts;
    void (*fn)(struct Worker *);
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

static void run_workers(int n, void (*fn)(Worker *))
{
    pthread_t th[NT];
    Worker ws[NT];
    for (int i = 0; i < n; i++) {
        ws[i] = (Worker){ .id = i, .ts = wf_tstate_new(), .fn = fn };
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

/* Events counted per kind (all threads, atomics) and per thread (the
 * callback runs in the mutating thread, so a thread-local count is exact
 * right after each call returns). */
static uint64_t mt_count[WF_DICT_EVENT_COUNT];
static _Thread_local uint64_t my_count[WF_DICT_EVENT_COUNT];
static Value mt_dict;
static Value mt_keys[NT][NK];

static void on_dict_mt(WfDictEvent ev, Value d, Value k, Value v)
{
    if (d != mt_dict)
        return;
    wf_atomic_add_relaxed_u64(&mt_count[ev], 1);
    my_count[ev]++;
}

static void w_dict_events(Worker *w)
{
    for (int i = 0; i < NK; i++) {
        ASSERT(wf_dict_set(mt_dict, mt_keys[w->id][i], wf_small(i)) == 0);
        ASSERT_EQ(my_count[WF_DICT_EVENT_ADDED], i + 1);   /* before the call returned */
        if ((i & 63) == 0)
            quiescent();
    }
    for (int i = 0; i < NK; i++) {
        ASSERT(wf_dict_set(mt_dict, mt_keys[w->id][i], wf_small(-i)) == 0);
        ASSERT_EQ(my_count[WF_DICT_EVENT_MODIFIED], i + 1);
    }
    for (int i = 0; i < NK; i++) {
        ASSERT(wf_dict_del(mt_dict, mt_keys[w->id][i]) == 0);
        ASSERT_EQ(my_count[WF_DICT_EVENT_DELETED], i + 1);
        if ((i & 63) == 0)
            quiescent();
    }
}

static void test_dict_watcher_threads(void)
{
    int id = wf_dict_watcher_add(on_dict_mt);
    ASSERT(id >= 0);
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < NK; i++) {
            mt_keys[t][i] = wf_str_printf("t%d_%d", t, i);
            ASSERT(wf_dict_key_hash(mt_keys[t][i]) != -1);
        }
    mt_dict = wf_dict_new();
    ASSERT(wf_dict_watch(id, mt_dict) == 0);
    run_workers(NT, w_dict_events);
    ASSERT_EQ(mt_count[WF_DICT_EVENT_ADDED], NT * NK);
    ASSERT_EQ(mt_count[WF_DICT_EVENT_MODIFIED], NT * NK);
    ASSERT_EQ(mt_count[WF_DICT_EVENT_DELETED], NT * NK);
    ASSERT_EQ(wf_dict_size(mt_dict), 0);
    wf_decref(mt_dict);
    ASSERT_EQ(mt_count[WF_DICT_EVENT_DEALLOCATED], 1);
    ASSERT(wf_dict_watcher_clear(id) == 0);
    for (int t = 0; t < NT; t++)
        for (int i = 0; i < NK; i++)
            wf_decref(mt_keys[t][i]);
}

/* Type watchers from several threads: each thread changes its own class
 * (a subclass of a shared base every thread watches) and the shared base. */
static uint64_t mt_type_count;
static _Thread_local uint64_t my_type_count;
static const char *const mt_classes[NT] = { "B", "L", "R", "Other" };

static void on_type_mt(TypeObject *t)
{
    wf_atomic_add_relaxed_u64(&mt_type_count, 1);
    my_type_count++;
}

static void w_type_events(Worker *w)
{
    TypeObject *t = cls(mt_classes[w->id]);
    for (int i = 0; i < 100; i++) {
        uint64_t before = my_type_count;
        set_attr(t, "mt", wf_small(i));
        ASSERT_EQ(my_type_count, before + 1);   /* t itself, before the call returned */
        if ((i & 15) == 0)
            quiescent();
    }
}

static void test_type_watcher_threads(void)
{
    int id = wf_type_watcher_add(on_type_mt);
    ASSERT(id >= 0);
    for (int i = 0; i < NT; i++)
        ASSERT(wf_type_watch(id, cls(mt_classes[i])) == 0);
    run_workers(NT, w_type_events);
    /* B's subclass C is not watched; nothing else was changed. */
    ASSERT_EQ(mt_type_count, NT * 100);
    ASSERT(wf_type_watcher_clear(id) == 0);
}

/* The keys-version guard against a concurrent writer (dict.h, K1-K3): a
 * reader that read the version, then found key i absent, must see the
 * version changed once the writer's insert of key i has returned. The
 * writer inserts key i as soon as every reader has read the version for
 * round i, so the readers' probes race with the insert. */
#define KV_READERS 2
static Value kv_dict;
static int kv_done;    /* keys inserted and returned from (release/acquire) */
static int kv_ready;   /* versions read by the readers, all rounds (release/acquire) */
static intptr_t kv_checked;

static void w_kv_writer(Worker *w)
{
    for (int i = 0; i < NK; i++) {
        /* acquire: pairs with the readers' release add. */
        while (wf_atomic_load_acquire_int(&kv_ready) < (i + 1) * KV_READERS)
            wf_atomic_spin_pause();
        ASSERT(wf_dict_set(kv_dict, mt_keys[0][i], wf_small(i)) == 0);
        /* release: pairs with the readers' acquire. */
        wf_atomic_store_release_int(&kv_done, i + 1);
        if ((i & 31) == 0)
            quiescent();
    }
}

static void w_kv_reader(Worker *w)
{
    for (int i = 0; i < NK; i++) {
        uint32_t v = wf_dict_keys_version(kv_dict);
        /* release: pairs with the writer's acquire. */
        wf_atomic_add_release_int(&kv_ready, 1);
        bool absent = wf_dict_get(kv_dict, mt_keys[0][i]) == 0;
        /* acquire: pairs with the writer's release: the insert returned. */
        while (wf_atomic_load_acquire_int(&kv_done) <= i)
            wf_atomic_spin_pause();
        if (absent) {
            ASSERT(v != 0 && wf_dict_keys_version_now(wf_as_dict(kv_dict)) != v);
            wf_atomic_add_relaxed_isize(&kv_checked, 1);
        }
        if ((i & 31) == 0)
            quiescent();
    }
}

static void w_kv(Worker *w)
{
    if (w->id == 0)
        w_kv_writer(w);
    else
        w_kv_reader(w);
}

static void test_keys_version_threads(void)
{
    for (int i = 0; i < NK; i++) {
        mt_keys[0][i] = wf_str_printf("kv%d", i);
        ASSERT(wf_dict_key_hash(mt_keys[0][i]) != -1);
    }
    kv_dict = wf_dict_new();
    run_workers(1 + KV_READERS, w_kv);
    ASSERT_EQ(wf_dict_size(kv_dict), NK);
    fprintf(stderr, "  (%ld absent probes checked)\n", (long)kv_checked);
    wf_decref(kv_dict);
    for (int i = 0; i < NK; i++)
        wf_decref(mt_keys[0][i]);
}

/* ---- exhaustion (last: the counters stay exhausted) ---- */

static void test_versions_exhausted(void)
{
    wf_watch_set_next_versions((uint64_t)UINT32_MAX, (uint64_t)UINT32_MAX);
    TypeObject *a = cls("A"), *c = cls("C");
    set_attr(a, "x", wf_small(10));   /* A takes the last number, its subclasses get 0 */
    ASSERT_EQ(wf_type_version(a), UINT32_MAX);
    ASSERT_EQ(wf_type_version(c), 0);
    set_attr(a, "x", wf_small(11));
    ASSERT_EQ(wf_type_version(a), 0);
    ASSERT_EQ(wf_type_version(c), 0);
    /* Unversioned types stay correct: the method cache is not used. */
    Value o = wf_call(wf_val(c), NULL, 0, 0);
    for (int i = 12; i < 20; i++) {
        set_attr(a, "x", wf_small(i));
        ASSERT_EQ(wf_type_version(a), 0);
        ASSERT(wf_type_lookup(c, key("x")) == wf_small(i));
        Value r = call("get_x", o, 0);
        ASSERT(r == wf_small(i));
        wf_decref(r);
    }
    wf_decref(o);
    /* Dicts: one last number, then none; 0 is never cached. */
    Value d = wf_dict_new(), e = wf_dict_new();
    ASSERT_EQ(wf_dict_keys_version(d), UINT32_MAX);
    ASSERT_EQ(wf_dict_keys_version(e), 0);
    ASSERT_EQ(wf_dict_keys_version(e), 0);
    wf_decref(d);
    wf_decref(e);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    globals = om_exec(classes_src);
    OM_RUN(test_type_versions_unique);
    OM_RUN(test_base_bump_bumps_subclasses);
    OM_RUN(test_many_subclasses);
    OM_RUN(test_class_assignment_bumps);
    OM_RUN(test_keys_version_assign);
    OM_RUN(test_keys_version_changes);
    OM_RUN(test_type_watcher);
    OM_RUN(test_watcher_ids_run_out);
    OM_RUN(test_dict_watcher);
    OM_RUN(test_dict_watcher_threads);
    OM_RUN(test_type_watcher_threads);
    OM_RUN(test_keys_version_threads);
    OM_RUN(test_versions_exhausted);
    return om_end("test_watchers");
}
