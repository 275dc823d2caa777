/* weft: unit tests for wf_list_sort (core/sort.c) against a reference sort. */
/* Patterned and random inputs, with and without key, reverse -> sorted, stable, a permutation of the input. */
#include "om_check.h"

/*
 * Stability is observable without a key too: equal floats are distinct
 * objects, so the output must keep their input order object for object.
 * The patterns aim at timsort's branches: natural ascending and strictly
 * descending runs (a non-strict descending run must not be reversed),
 * galloping between two long interleaved runs, many equal keys, and sizes
 * around the minimum run length.
 */
static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

enum { PAT_RANDOM, PAT_FEW_KEYS, PAT_ASC, PAT_DESC, PAT_DESC_DUPS, PAT_SAW, PAT_TWO_RUNS, PAT_ASC_THEN_RANDOM, PAT_ALL_EQUAL, PAT_COUNT };

static int64_t pattern_key(int pat, size_t i, size_t n)
{
    switch (pat) {
    case PAT_RANDOM: return (int64_t)(rng() % (n + 1));
    case PAT_FEW_KEYS: return (int64_t)(rng() % 4);
    case PAT_ASC: return (int64_t)i;
    case PAT_DESC: return (int64_t)(n - i);
    case PAT_DESC_DUPS: return (int64_t)((n - i) / 3);       /* descending, but not strictly */
    case PAT_SAW: return (int64_t)(i % 37);
    case PAT_TWO_RUNS: return i < n / 2 ? (int64_t)(2 * i) : (int64_t)(2 * (i - n / 2) + 1);
    case PAT_ASC_THEN_RANDOM: return i < n / 2 ? (int64_t)i : (int64_t)(rng() % n);
    default: return 7;
    }
}

typedef struct Ref { int64_t key; size_t idx; } Ref;
static int ref_reverse;

static int ref_cmp(const void *a, const void *b)
{
    const Ref *x = a, *y = b;
    if (x->key != y->key)
        return (x->key < y->key) == !ref_reverse ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;   /* stable: input order among equals */
}

/* Sort floats with no key: the result, object for object, must match the reference. */
static void check_plain(int pat, size_t n, bool reverse)
{
    Value l = wf_list_new(0);
    Ref *ref = malloc((n ? n : 1) * sizeof *ref);
    Value *objs = malloc((n ? n : 1) * sizeof *objs);
    for (size_t i = 0; i < n; i++) {
        int64_t k = pattern_key(pat, i, n);
        ref[i] = (Ref){ k, i };
        objs[i] = wf_float_new((double)k);
        ASSERT(wf_list_append(l, objs[i]) == 0);
    }
    ref_reverse = reverse;
    qsort(ref, n, sizeof *ref, ref_cmp);
    ASSERT(wf_list_sort(l, 0, reverse) == 0);
    ASSERT_EQ(wf_list_size(l), n);
    for (size_t i = 0; i < n; i++) {
        if (wf_list_get(l, i) != objs[ref[i].idx])
            fprintf(stderr, "pattern %d n=%zu reverse=%d: position %zu differs\n", pat, n, reverse, i);
        ASSERT(wf_list_get(l, i) == objs[ref[i].idx]);
    }
    for (size_t i = 0; i < n; i++)
        wf_decref(objs[i]);
    free(objs);
    free(ref);
    wf_decref(l);
}

/* Sort (key, index) tuples by a Python key function taking the key only. */
static void check_keyed(Value keyfn, int pat, size_t n, bool reverse)
{
    Value l = wf_list_new(0);
    Ref *ref = malloc((n ? n : 1) * sizeof *ref);
    for (size_t i = 0; i < n; i++) {
        int64_t k = pattern_key(pat, i, n);
        ref[i] = (Ref){ k, i };
        Value t = wf_tuple_pack(2, wf_small(k), wf_small((intptr_t)i));
        ASSERT(wf_list_append(l, t) == 0);
        wf_decref(t);
    }
    ref_reverse = reverse;
    qsort(ref, n, sizeof *ref, ref_cmp);
    ASSERT(wf_list_sort(l, keyfn, reverse) == 0);
    ASSERT_EQ(wf_list_size(l), n);
    for (size_t i = 0; i < n; i++) {
        Value t = wf_list_get(l, i);
        if (wf_tuple_get(t, 1) != wf_small((intptr_t)ref[i].idx))
            fprintf(stderr, "keyed pattern %d n=%zu reverse=%d: position %zu differs\n", pat, n, reverse, i);
        ASSERT(wf_tuple_get(t, 1) == wf_small((intptr_t)ref[i].idx));
    }
    free(ref);
    wf_decref(l);
}

static const size_t sizes[] = { 0, 1, 2, 3, 31, 32, 33, 63, 64, 65, 100, 257, 1000, 4099 };

static void test_sort_plain(void)
{
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (int pat = 0; pat < PAT_COUNT; pat++) {
            check_plain(pat, sizes[s], false);
            check_plain(pat, sizes[s], true);
        }
}

static void test_sort_keyed(void)
{
    Value g = om_exec("def first(t):\n    return t[0]\n");
    Value keyfn = wf_dict_get_c(g, "first");
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++)
        for (int pat = 0; pat < PAT_COUNT; pat++) {
            check_keyed(keyfn, pat, sizes[s], false);
            check_keyed(keyfn, pat, sizes[s], true);
        }
    wf_decref(g);
}

/* A key that fails part way: the error propagates and the list keeps all its items. */
static void test_sort_errors(void)
{
    Value g = om_exec("def key(x):\n    if x == 500:\n        raise KeyError('k')\n    return -x\n"
                      "class Cmp:\n    def __init__(self, v):\n        self.v = v\n"
                      "    def __lt__(self, other):\n        if self.v == 77 or other.v == 77:\n"
                      "            raise ValueError('cmp')\n        return self.v < other.v\n"
                      "objs = [Cmp((i * 37) % 1000) for i in range(1000)]\n");
    Value l = wf_list_new(0);
    for (int i = 0; i < 1000; i++)
        ASSERT(wf_list_append(l, wf_small((i * 7919) % 1000)) == 0);
    ASSERT_EQ(wf_list_sort(l, wf_dict_get_c(g, "key"), false), -1);
    ASSERT_RAISED(wf_exc_KeyError);
    ASSERT_EQ(wf_list_size(l), 1000);
    bool seen[1000] = { false };
    for (int i = 0; i < 1000; i++) {
        int64_t v = wf_small_val(wf_list_get(l, i));
        ASSERT(v >= 0 && v < 1000 && !seen[v]);
        seen[v] = true;
    }
    wf_decref(l);
    /* A comparison that raises: same guarantees. */
    Value objs = wf_dict_get_c(g, "objs");
    ASSERT_EQ(wf_list_sort(objs, 0, false), -1);
    ASSERT_RAISED(wf_exc_ValueError);
    ASSERT_EQ(wf_list_size(objs), 1000);
    /* Mixed types that cannot be compared: TypeError. */
    Value m = wf_list_from_array((Value[]){ wf_small(1), wf_str_intern_c("a"), wf_small(0) }, 3);
    ASSERT_EQ(wf_list_sort(m, 0, false), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_list_size(m), 3);
    wf_decref(m);
    wf_decref(g);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_sort_plain);
    OM_RUN(test_sort_keyed);
    OM_RUN(test_sort_errors);
    return om_end("test_om_sort");
}
