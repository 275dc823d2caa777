/* weft: randomized model checks of dict and set against a plain C model. */
/* Random set/del/get/copy/clear with mixed keys -> same contents and (for dicts) the same order as the model. */
#include "om_check.h"

/*
 * The model of a dict is an array of (key index, value) in insertion order;
 * deleting removes from the array, overwriting keeps the position, exactly
 * CPython's ordering rules. Keys are drawn from a fixed pool mixing tagged
 * ints, heap ints, exact strs and floats equal to no int, so the probes of
 * every key kind (and the exact-str fast path) share one table. A fixed seed
 * keeps the run reproducible; OM_MODEL_SEED overrides it.
 */
enum { NKEYS = 96, STEPS = 20000 };

static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static Value pool[NKEYS];

static void make_pool(void)
{
    for (int i = 0; i < NKEYS; i++) {
        switch (i % 4) {
        case 0: pool[i] = wf_small(i * 7 - 100); break;
        case 1: pool[i] = wf_int_from_i64(INT64_MAX - i); break;          /* heap */
        case 2: pool[i] = wf_str_printf("key-%d", i); break;
        default: pool[i] = wf_float_new(i + 0.25); break;
        }
        ASSERT(pool[i]);
    }
}

typedef struct Model {
    int order[NKEYS];      /* key indices in insertion order */
    int64_t value[NKEYS];  /* by key index */
    int n;
} Model;

static int model_find(const Model *m, int k)
{
    for (int i = 0; i < m->n; i++)
        if (m->order[i] == k)
            return i;
    return -1;
}

static void check_dict(Value d, const Model *m)
{
    ASSERT_EQ(wf_dict_size(d), m->n);
    size_t pos = 0;
    int i = 0;
    Value k, v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        ASSERT(i < m->n);
        ASSERT(k == pool[m->order[i]]);
        ASSERT(v == wf_small(m->value[m->order[i]]));
        i++;
    }
    ASSERT_EQ(i, m->n);
}

static void test_dict_against_model(void)
{
    Model m = { .n = 0 };
    Value d = wf_dict_new();
    Value copy = 0;
    Model copy_model = { .n = 0 };
    for (int step = 0; step < STEPS; step++) {
        int k = (int)(rng() % NKEYS);
        int op = (int)(rng() % 100);
        uint64_t ver = wf_dict_version(d);
        if (op < 50) {                                  /* set */
            int64_t val = (int64_t)(rng() % 1000);
            ASSERT(wf_dict_set(d, pool[k], wf_small(val)) == 0);
            if (model_find(&m, k) < 0)
                m.order[m.n++] = k;
            m.value[k] = val;
            ASSERT(wf_dict_version(d) > ver);
        } else if (op < 80) {                           /* del */
            int at = model_find(&m, k);
            int r = wf_dict_del(d, pool[k]);
            if (at < 0) {
                ASSERT_EQ(r, -1);
                ASSERT_RAISED(wf_exc_KeyError);
            } else {
                ASSERT_EQ(r, 0);
                memmove(&m.order[at], &m.order[at + 1], (size_t)(m.n - at - 1) * sizeof m.order[0]);
                m.n--;
                ASSERT(wf_dict_version(d) > ver);
            }
        } else if (op < 97) {                           /* get */
            Value v = wf_dict_get(d, pool[k]);
            ASSERT(!wf_err_occurred());
            if (model_find(&m, k) < 0)
                ASSERT(v == 0);
            else
                ASSERT(v == wf_small(m.value[k]));
            ASSERT_EQ(wf_dict_version(d), ver);
        } else if (op < 99) {                           /* copy, checked later */
            wf_decref(copy);
            copy = wf_dict_copy(d);
            copy_model = m;
        } else {                                        /* clear */
            Value r = wf_call_method(d, "clear", NULL, 0);
            ASSERT(r == wf_None);
            m.n = 0;
        }
        if (step % 97 == 0) {
            check_dict(d, &m);
            if (copy)
                check_dict(copy, &copy_model);
        }
    }
    check_dict(d, &m);
    wf_decref(copy);
    wf_decref(d);
}

static void test_set_against_model(void)
{
    bool in[NKEYS] = { false };
    int n = 0;
    Value s = wf_set_new(0);
    for (int step = 0; step < STEPS; step++) {
        int k = (int)(rng() % NKEYS);
        int op = (int)(rng() % 10);
        if (op < 5) {
            ASSERT(wf_set_add(s, pool[k]) == 0);
            n += !in[k];
            in[k] = true;
        } else if (op < 8) {
            ASSERT_EQ(wf_set_discard(s, pool[k]), in[k] ? 1 : 0);
            n -= in[k];
            in[k] = false;
        } else {
            ASSERT_EQ(wf_set_contains(s, pool[k]), in[k] ? 1 : 0);
        }
        if (step % 101 == 0) {
            ASSERT_EQ(wf_set_size(s), n);
            bool seen[NKEYS] = { false };
            size_t pos = 0;
            Value key;
            int count = 0;
            while (wf_set_next(s, &pos, &key)) {
                int idx = -1;
                for (int i = 0; i < NKEYS; i++)
                    if (pool[i] == key)
                        idx = i;
                ASSERT(idx >= 0 && in[idx] && !seen[idx]);
                seen[idx] = true;
                count++;
            }
            ASSERT_EQ(count, n);
        }
    }
    wf_decref(s);
}

/* Many dicts alive at once, growing and shrinking: recycled tables stay separate. */
static void test_many_dicts_interleaved(void)
{
    enum { ND = 64 };
    Value ds[ND];
    int sizes[ND];
    for (int i = 0; i < ND; i++) {
        ds[i] = wf_dict_new();
        sizes[i] = 0;
    }
    for (int step = 0; step < 20000; step++) {
        int i = (int)(rng() % ND);
        if (rng() % 16 == 0) {        /* replace by a fresh dict: its table goes back to the free lists */
            wf_decref(ds[i]);
            ds[i] = wf_dict_new();
            sizes[i] = 0;
        } else if (sizes[i] < 40) {
            ASSERT(wf_dict_set(ds[i], wf_small(sizes[i]), wf_small(i * 1000 + sizes[i])) == 0);
            sizes[i]++;
        }
        int j = (int)(rng() % ND);
        ASSERT_EQ(wf_dict_size(ds[j]), sizes[j]);
        for (int k = 0; k < sizes[j]; k += 7)
            ASSERT(wf_dict_get(ds[j], wf_small(k)) == wf_small(j * 1000 + k));
        ASSERT(wf_dict_get(ds[j], wf_small(sizes[j])) == 0);
    }
    for (int i = 0; i < ND; i++)
        wf_decref(ds[i]);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    const char *seed = getenv("OM_MODEL_SEED");
    rng_state = seed ? strtoull(seed, NULL, 0) : 0x9e3779b97f4a7c15ULL;
    if (!rng_state)
        rng_state = 1;
    printf("seed 0x%" PRIx64 "\n", rng_state);
    make_pool();
    OM_RUN(test_dict_against_model);
    OM_RUN(test_set_against_model);
    OM_RUN(test_many_dicts_interleaved);
    for (int i = 0; i < NKEYS; i++)
        wf_decref(pool[i]);
    return om_end("test_om_model");
}
