/* weft: unit tests for list, tuple, dict and set through the C API. */
/* Sizes, item references, dict order and version, set membership, error returns. */
#include "om_check.h"

static int64_t int_val(Value v)
{
    int64_t out = 0;
    ASSERT(v && wf_int_as_i64(v, &out) == 0);
    return out;
}

static void test_list_append_get(void)
{
    Value l = wf_list_new(0);
    ASSERT(l && wf_is_list_exact(l));
    ASSERT_EQ(wf_list_size(l), 0);
    ASSERT_EQ(wf_len(l), 0);
    for (int i = 0; i < 1000; i++) {
        ASSERT(wf_list_append(l, wf_small(i * 3)) == 0);
        ASSERT_EQ(wf_list_size(l), i + 1);
    }
    for (int i = 0; i < 1000; i++)
        ASSERT(wf_list_get(l, i) == wf_small(i * 3));
    ASSERT_EQ(wf_len(l), 1000);
    /* Through the protocol: negative index, out of range. */
    Value last = wf_getitem(l, wf_small(-1));
    ASSERT(last == wf_small(2997));
    ASSERT(!wf_getitem(l, wf_small(1000)));
    ASSERT_RAISED(wf_exc_IndexError);
    ASSERT(!wf_getitem(l, wf_str_intern_c("x")));
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_contains(l, wf_small(2997)), 1);
    ASSERT_EQ(wf_contains(l, wf_small(2998)), 0);
    /* wf_list_new(n): n slots to fill. */
    Value m = wf_list_new(3);
    ASSERT_EQ(wf_list_size(m), 3);
    for (int i = 0; i < 3; i++)
        wf_as_list(m)->items[i] = wf_small(10 - i);
    ASSERT(wf_list_sort(m, 0, false) == 0);
    ASSERT(wf_list_get(m, 0) == wf_small(8) && wf_list_get(m, 2) == wf_small(10));
    ASSERT(wf_list_extend(m, l) == 0);
    ASSERT_EQ(wf_list_size(m), 1003);
    ASSERT(wf_list_get(m, 3) == wf_small(0));
    Value t = wf_list_as_tuple(m);
    ASSERT(wf_is_tuple_exact(t));
    ASSERT_EQ(wf_tuple_size(t), 1003);
    ASSERT(wf_tuple_get(t, 1002) == wf_small(2997));
    Value again = wf_list_from_iterable(t);
    ASSERT_EQ(wf_equal(again, m), 1);
    ASSERT(wf_list_extend(m, wf_small(3)) == -1);  /* int is not iterable */
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_list_size(m), 1003);
    wf_decref(again);
    wf_decref(t);
    wf_decref(m);
    wf_decref(l);
}

static void test_tuple_pack(void)
{
    Value s = wf_str_from_cstr("abc");
    Value t = wf_tuple_pack(3, wf_small(1), s, wf_None);
    ASSERT(t && wf_is_tuple_exact(t));
    ASSERT_EQ(wf_tuple_size(t), 3);
    ASSERT(wf_tuple_get(t, 0) == wf_small(1));
    ASSERT(wf_tuple_get(t, 1) == s);
    ASSERT(wf_tuple_get(t, 2) == wf_None);
    ASSERT_EQ(om_refcnt(s), 2);
    Value u = wf_tuple_from_array((Value[]){ wf_small(1), s, wf_None }, 3);
    ASSERT(u != t);
    ASSERT_EQ(wf_equal(t, u), 1);
    ASSERT_EQ(wf_hash(t), wf_hash(u));
    Value r = wf_repr(t);
    ASSERT_STR(r, "(1, 'abc', None)");
    wf_decref(r);
    Value one = wf_tuple_pack(1, wf_small(5));
    r = wf_repr(one);
    ASSERT_STR(r, "(5,)");
    wf_decref(r);
    /* A tuple holding a list is unhashable. */
    Value l = wf_list_new(0);
    Value tl = wf_tuple_pack(2, wf_small(1), l);
    ASSERT_EQ(wf_hash(tl), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    wf_decref(tl);
    wf_decref(l);
    wf_decref(one);
    wf_decref(u);
    wf_decref(t);
    ASSERT_EQ(om_refcnt(s), 1);
    wf_decref(s);
}

/* The keys of d in iteration order, as small ints, into out; returns the count. */
static size_t dict_keys(Value d, int64_t *out, size_t max)
{
    size_t pos = 0, n = 0;
    Value k, v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        ASSERT(n < max);
        ASSERT(k && v);
        out[n++] = int_val(k);
    }
    return n;
}

static void test_dict_order_after_deletes(void)
{
    Value d = wf_dict_new();
    for (int i = 0; i < 10; i++)
        ASSERT(wf_dict_set(d, wf_small(i), wf_small(i * i)) == 0);
    ASSERT_EQ(wf_dict_size(d), 10);
    ASSERT(wf_dict_del(d, wf_small(2)) == 0);
    ASSERT(wf_dict_del(d, wf_small(5)) == 0);
    ASSERT(wf_dict_del(d, wf_small(0)) == 0);
    ASSERT(wf_dict_set(d, wf_small(2), wf_small(-2)) == 0);   /* reinsert: goes last */
    ASSERT(wf_dict_set(d, wf_small(7), wf_small(-7)) == 0);   /* overwrite: keeps its place */
    int64_t keys[32];
    size_t n = dict_keys(d, keys, 32);
    int64_t expect[] = { 1, 3, 4, 6, 7, 8, 9, 2 };
    ASSERT_EQ(n, 8);
    for (size_t i = 0; i < n; i++)
        ASSERT_EQ(keys[i], expect[i]);
    ASSERT(wf_dict_get(d, wf_small(7)) == wf_small(-7));
    ASSERT(wf_dict_get(d, wf_small(2)) == wf_small(-2));
    ASSERT(wf_dict_get(d, wf_small(5)) == 0);
    ASSERT(!wf_err_occurred());                                /* absent: no exception */
    ASSERT_EQ(wf_dict_contains(d, wf_small(5)), 0);
    ASSERT_EQ(wf_dict_contains(d, wf_small(9)), 1);
    /* Delete everything but one, many reinserts: the table compacts and keeps order. */
    for (int round = 0; round < 50; round++)
        for (int i = 100; i < 140; i++) {
            ASSERT(wf_dict_set(d, wf_small(i), wf_small(round)) == 0);
            ASSERT(wf_dict_del(d, wf_small(i)) == 0);
        }
    for (int i = 0; i < 10; i++)
        if (i != 4 && wf_dict_contains(d, wf_small(i)) == 1)
            ASSERT(wf_dict_del(d, wf_small(i)) == 0);
    for (int i = 20; i < 200; i++)
        ASSERT(wf_dict_set(d, wf_small(i), wf_None) == 0);
    size_t pos = 0, count = 0;
    Value k;
    int64_t prev = 0;
    while (wf_dict_next(d, &pos, &k, NULL)) {
        int64_t kv = int_val(k);
        if (count == 0)
            ASSERT_EQ(kv, 4);
        else
            ASSERT_EQ(kv, count == 1 ? 20 : prev + 1);
        prev = kv;
        count++;
    }
    ASSERT_EQ(count, 181);
    ASSERT_EQ(wf_dict_size(d), 181);
    /* Copy keeps the order. */
    Value c = wf_dict_copy(d);
    Value kl = wf_dict_keys_list(c);
    ASSERT_EQ(wf_list_size(kl), 181);
    ASSERT(wf_list_get(kl, 0) == wf_small(4));
    ASSERT(wf_list_get(kl, 180) == wf_small(199));
    wf_decref(kl);
    wf_decref(c);
    wf_decref(d);
}

static void test_dict_equal_keys(void)
{
    Value d = wf_dict_new();
    /* 1, True and 1.0 are one key (equal and equal hashes). */
    ASSERT(wf_dict_set(d, wf_small(1), wf_str_intern_c("int")) == 0);
    Value f = wf_float_new(1.0);
    ASSERT(wf_dict_set(d, f, wf_str_intern_c("float")) == 0);
    ASSERT(wf_dict_set(d, wf_True, wf_str_intern_c("bool")) == 0);
    ASSERT_EQ(wf_dict_size(d), 1);
    ASSERT_STR(wf_dict_get(d, wf_small(1)), "bool");
    size_t pos = 0;
    Value k;
    ASSERT(wf_dict_next(d, &pos, &k, NULL) == 1);
    ASSERT(k == wf_small(1));  /* the first key object stays */
    wf_decref(f);
    /* Heap int keys: a different object with the same value finds the entry. */
    Value big1 = wf_int_from_i64(INT64_MAX), big2 = wf_int_from_i64(INT64_MAX);
    ASSERT(big1 != big2);
    ASSERT(wf_dict_set(d, big1, wf_None) == 0);
    ASSERT(wf_dict_get(d, big2) == wf_None);
    /* Equal strings built separately find each other's entries. */
    Value s1 = wf_str_new("hello world", 11), s2 = wf_str_from_cstr("hello world");
    ASSERT(s1 != s2);
    ASSERT(wf_dict_set(d, s1, wf_small(11)) == 0);
    ASSERT(wf_dict_get(d, s2) == wf_small(11));
    ASSERT(wf_dict_get_c(d, "hello world") == wf_small(11));
    ASSERT_EQ(wf_dict_size(d), 3);
    wf_decref(s1);
    wf_decref(s2);
    wf_decref(big1);
    wf_decref(big2);
    wf_decref(d);
}

static void test_dict_version(void)
{
    Value d = wf_dict_new();
    uint64_t v = wf_dict_version(d), w;
#define BUMPED() (w = wf_dict_version(d), w > v ? (v = w, true) : false)
    ASSERT(wf_dict_set(d, wf_small(1), wf_small(1)) == 0);
    ASSERT(BUMPED());
    ASSERT(wf_dict_set(d, wf_small(2), wf_small(2)) == 0);
    ASSERT(BUMPED());
    ASSERT(wf_dict_set(d, wf_small(1), wf_small(10)) == 0);  /* overwrite */
    ASSERT(BUMPED());
    ASSERT(wf_dict_set_c(d, "name", wf_None) == 0);
    ASSERT(BUMPED());
    ASSERT(wf_dict_del(d, wf_small(2)) == 0);
    ASSERT(BUMPED());
    ASSERT(wf_setitem(d, wf_small(3), wf_small(3)) == 0);
    ASSERT(BUMPED());
    ASSERT(wf_delitem(d, wf_small(3)) == 0);
    ASSERT(BUMPED());
    Value other = wf_dict_new();
    ASSERT(wf_dict_set(other, wf_small(50), wf_None) == 0);
    ASSERT(wf_dict_update(d, other) == 0);
    ASSERT(BUMPED());
    wf_decref(other);
    Value r = wf_call_method(d, "pop", (Value[]){ wf_small(50) }, 1);
    ASSERT(r == wf_None);
    ASSERT(BUMPED());
    r = wf_call_method(d, "setdefault", (Value[]){ wf_small(60), wf_small(6) }, 2);
    ASSERT(r == wf_small(6));
    ASSERT(BUMPED());
    r = wf_call_method(d, "popitem", NULL, 0);
    ASSERT(r);
    wf_decref(r);
    ASSERT(BUMPED());
    r = wf_call_method(d, "clear", NULL, 0);
    ASSERT(r == wf_None);
    ASSERT(BUMPED());
    ASSERT_EQ(wf_dict_size(d), 0);
    /* Reads do not bump it. */
    ASSERT(wf_dict_get(d, wf_small(1)) == 0);
    ASSERT_EQ(wf_dict_contains(d, wf_small(1)), 0);
    ASSERT_EQ(wf_dict_version(d), v);
    /* A failed delete is no mutation, but must leave the version no lower. */
    ASSERT(wf_dict_del(d, wf_small(1)) == -1);
    ASSERT_RAISED(wf_exc_KeyError);
    ASSERT(wf_dict_version(d) >= v);
#undef BUMPED
    wf_decref(d);
}

static void test_dict_errors(void)
{
    Value d = wf_dict_new();
    Value l = wf_list_new(0);
    ASSERT(wf_dict_set(d, l, wf_None) == -1);           /* unhashable key */
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT(wf_dict_get(d, l) == 0);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_dict_contains(d, l), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_dict_del(d, l), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_dict_del(d, wf_small(1)), -1);          /* absent */
    ASSERT(wf_err_matches(wf_exc_KeyError));
    ASSERT(wf_err_matches(wf_exc_LookupError));
    ASSERT(!wf_err_matches(wf_exc_TypeError));
    Value exc = wf_err_fetch();
    Value args = wf_exc_args(exc);
    ASSERT_EQ(wf_tuple_size(args), 1);
    ASSERT(wf_tuple_get(args, 0) == wf_small(1));        /* KeyError(1) */
    wf_decref(exc);
    ASSERT(!wf_getitem(d, wf_small(1)));
    ASSERT_RAISED(wf_exc_KeyError);
    ASSERT_EQ(wf_dict_size(d), 0);
    wf_decref(l);
    wf_decref(d);
}

static void test_set_add_contains(void)
{
    Value s = wf_set_new(0);
    ASSERT(s && wf_set_size(s) == 0);
    for (int i = 0; i < 500; i++)
        ASSERT(wf_set_add(s, wf_small(i % 100)) == 0);
    ASSERT_EQ(wf_set_size(s), 100);
    ASSERT_EQ(wf_set_contains(s, wf_small(99)), 1);
    ASSERT_EQ(wf_set_contains(s, wf_small(100)), 0);
    ASSERT_EQ(wf_set_contains(s, wf_True), 1);           /* True == 1 */
    Value f = wf_float_new(3.0);
    ASSERT_EQ(wf_set_contains(s, f), 1);
    wf_decref(f);
    ASSERT_EQ(wf_set_discard(s, wf_small(3)), 1);
    ASSERT_EQ(wf_set_discard(s, wf_small(3)), 0);
    ASSERT_EQ(wf_set_size(s), 99);
    /* Iteration sees every element exactly once. */
    bool seen[100] = { false };
    size_t pos = 0, n = 0;
    Value k;
    while (wf_set_next(s, &pos, &k)) {
        int64_t i = int_val(k);
        ASSERT(i >= 0 && i < 100 && i != 3 && !seen[i]);
        seen[i] = true;
        n++;
    }
    ASSERT_EQ(n, 99);
    /* Unhashable elements. */
    Value l = wf_list_new(0);
    ASSERT_EQ(wf_set_add(s, l), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_set_contains(s, l), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT_EQ(wf_set_size(s), 99);
    /* From an iterable; frozenset is hashable and equal to a set of the same items. */
    Value t = wf_tuple_pack(3, wf_small(1), wf_small(2), wf_small(1));
    Value s2 = wf_set_new(t);
    Value fs = wf_frozenset_new(t);
    ASSERT_EQ(wf_set_size(s2), 2);
    ASSERT_EQ(wf_equal(s2, fs), 1);
    ASSERT(wf_hash(fs) != -1);
    ASSERT_EQ(wf_hash(s2), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    ASSERT(wf_set_add(s, fs) == 0);
    ASSERT_EQ(wf_set_contains(s, fs), 1);
    ASSERT(wf_set_update(s2, s) == 0);
    ASSERT_EQ(wf_set_size(s2), 100);
    /* Strings: equal content, different objects. */
    Value a = wf_str_new("elem", 4), b = wf_str_from_cstr("elem");
    ASSERT(wf_set_add(s2, a) == 0);
    ASSERT_EQ(wf_set_contains(s2, b), 1);
    ASSERT_EQ(om_refcnt(a), 2);
    ASSERT_EQ(wf_set_discard(s2, b), 1);
    ASSERT_EQ(om_refcnt(a), 1);
    wf_decref(a);
    wf_decref(b);
    wf_decref(fs);
    wf_decref(s2);
    wf_decref(t);
    wf_decref(l);
    wf_decref(s);
}

/* Copies and updates from containers with deleted entries (dummies in sets, holes in dicts). */
static void test_copy_from_sparse(void)
{
    Value s = wf_set_new(0);
    for (int i = 0; i < 200; i++)
        ASSERT(wf_set_add(s, wf_small(i)) == 0);
    for (int i = 0; i < 200; i += 3)
        ASSERT_EQ(wf_set_discard(s, wf_small(i)), 1);
    int expect = 200 - 67;
    ASSERT_EQ(wf_set_size(s), expect);
    Value empty = wf_set_new(0);
    ASSERT(wf_set_update(empty, s) == 0);          /* the table-copying path */
    Value full = wf_set_new(0);
    ASSERT(wf_set_add(full, wf_small(1000)) == 0);
    ASSERT(wf_set_update(full, s) == 0);
    Value fs = wf_frozenset_new(s);
    Value copies[] = { empty, full, fs };
    for (size_t c = 0; c < 3; c++) {
        ASSERT_EQ(wf_set_size(copies[c]), expect + (c == 1));
        for (int i = 0; i < 200; i++)
            ASSERT_EQ(wf_set_contains(copies[c], wf_small(i)), i % 3 ? 1 : 0);
        size_t pos = 0, n = 0;
        Value k;
        while (wf_set_next(copies[c], &pos, &k))
            n++;
        ASSERT_EQ(n, (size_t)expect + (c == 1));
        /* Adding the deleted ones back works in the copy. */
        if (c != 2) {
            for (int i = 0; i < 200; i += 3)
                ASSERT(wf_set_add(copies[c], wf_small(i)) == 0);
            ASSERT_EQ(wf_set_size(copies[c]), 200 + (c == 1));
        }
    }
    ASSERT_EQ(wf_set_size(s), expect);             /* the source is untouched */
    wf_decref(fs);
    wf_decref(full);
    wf_decref(empty);
    wf_decref(s);

    Value d = wf_dict_new();
    for (int i = 0; i < 200; i++)
        ASSERT(wf_dict_set(d, wf_small(i), wf_small(-i)) == 0);
    for (int i = 0; i < 200; i += 3)
        ASSERT(wf_dict_del(d, wf_small(i)) == 0);
    Value c1 = wf_dict_copy(d);
    Value c2 = wf_dict_new();
    ASSERT(wf_dict_update(c2, d) == 0);
    Value cs[] = { c1, c2 };
    for (size_t c = 0; c < 2; c++) {
        ASSERT_EQ(wf_dict_size(cs[c]), expect);
        for (int i = 0; i < 200; i++)
            ASSERT(wf_dict_get(cs[c], wf_small(i)) == (i % 3 ? wf_small(-i) : 0));
        size_t pos = 0;
        Value k;
        int prev = -1;
        while (wf_dict_next(cs[c], &pos, &k, NULL)) {   /* still in insertion order */
            ASSERT(wf_small_val(k) > prev);
            prev = (int)wf_small_val(k);
        }
        ASSERT(wf_dict_set(cs[c], wf_small(0), wf_None) == 0);
        ASSERT_EQ(wf_dict_size(cs[c]), expect + 1);
    }
    ASSERT_EQ(wf_dict_size(d), expect);
    wf_decref(c2);
    wf_decref(c1);
    wf_decref(d);
    /* Empty sources. */
    Value l = wf_list_from_array(NULL, 0);
    ASSERT(l && wf_list_size(l) == 0);
    ASSERT(wf_list_append(l, wf_small(1)) == 0);
    wf_decref(l);
    Value e = wf_dict_new();
    Value ec = wf_dict_copy(e);
    ASSERT_EQ(wf_dict_size(ec), 0);
    ASSERT(wf_dict_set(ec, wf_small(1), wf_small(1)) == 0);
    ASSERT_EQ(wf_dict_size(e), 0);
    wf_decref(ec);
    wf_decref(e);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_list_append_get);
    OM_RUN(test_tuple_pack);
    OM_RUN(test_dict_order_after_deletes);
    OM_RUN(test_dict_equal_keys);
    OM_RUN(test_dict_version);
    OM_RUN(test_dict_errors);
    OM_RUN(test_set_add_contains);
    OM_RUN(test_copy_from_sparse);
    return om_end("test_om_containers");
}
