/* weft: unit tests for tagged values and ints across the small/heap boundary. */
/* value.h + types.h int API -> tag layout, normalisation, arithmetic, overflow errors. */
#include "om_check.h"

/* The value of an int that must fit int64. */
static int64_t int_val(Value v)
{
    int64_t out = 0;
    ASSERT(wf_int_as_i64(v, &out) == 0);
    return out;
}

/* An int that is heap-allocated (outside the small range) and exact int. */
static bool is_heap_int(Value v)
{
    return wf_is_obj(v) && wf_obj(v)->ob_type == &wf_type_int;
}

static void test_small_tag_layout(void)
{
    ASSERT_EQ(WF_SMALL_MAX, ((int64_t)1 << 62) - 1);
    ASSERT_EQ(WF_SMALL_MIN, -((int64_t)1 << 62));
    ASSERT(wf_fits_small(WF_SMALL_MAX));
    ASSERT(wf_fits_small(WF_SMALL_MIN));
    ASSERT(!wf_fits_small(WF_SMALL_MAX + 1));
    ASSERT(!wf_fits_small(WF_SMALL_MIN - 1));
    intptr_t samples[] = { 0, 1, -1, 42, -42, WF_SMALL_MAX, WF_SMALL_MIN, WF_SMALL_MAX - 1, WF_SMALL_MIN + 1 };
    for (size_t i = 0; i < sizeof samples / sizeof *samples; i++) {
        Value v = wf_small(samples[i]);
        ASSERT(wf_is_small(v));
        ASSERT(!wf_is_obj(v));
        ASSERT(v != 0);
        ASSERT_EQ(wf_small_val(v), samples[i]);
        ASSERT(wf_type(v) == &wf_type_int);
        ASSERT(wf_is_int(v));
    }
    ASSERT_EQ(wf_small(0), 1);  /* 0 stays distinct from "no value" */
    ASSERT(!wf_is_obj(0));
    ASSERT(!wf_is_small(0));
}

static void test_from_i64_normalises(void)
{
    int64_t in_range[] = { 0, 1, -1, WF_SMALL_MAX, WF_SMALL_MIN, WF_SMALL_MAX - 1, WF_SMALL_MIN + 1 };
    for (size_t i = 0; i < sizeof in_range / sizeof *in_range; i++) {
        Value v = wf_int_from_i64(in_range[i]);
        ASSERT(v);
        ASSERT(wf_is_small(v));
        ASSERT(v == wf_small(in_range[i]));
    }
    int64_t out_of_range[] = { (int64_t)WF_SMALL_MAX + 1, (int64_t)WF_SMALL_MIN - 1, INT64_MAX, INT64_MIN };
    for (size_t i = 0; i < sizeof out_of_range / sizeof *out_of_range; i++) {
        Value v = wf_int_from_i64(out_of_range[i]);
        ASSERT(v);
        ASSERT(is_heap_int(v));
        ASSERT_EQ(int_val(v), out_of_range[i]);
        ASSERT_EQ(wf_int_sign(v), out_of_range[i] < 0 ? -1 : 1);
        wf_decref(v);
    }
    /* Unsigned: small stays tagged, 2**63 and above are heap. */
    Value u = wf_int_from_u64(5);
    ASSERT(u == wf_small(5));
    u = wf_int_from_u64((uint64_t)WF_SMALL_MAX);
    ASSERT(u == wf_small(WF_SMALL_MAX));
    u = wf_int_from_u64((uint64_t)WF_SMALL_MAX + 1);
    ASSERT(is_heap_int(u));
    wf_decref(u);
    u = wf_int_from_u64(UINT64_MAX);
    ASSERT(is_heap_int(u));
    int64_t dummy;
    ASSERT_EQ(wf_int_as_i64(u, &dummy), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    wf_decref(u);
}

/* a OP b through fn, expecting the exact int64 result and the right representation. */
static void check_op(Value (*fn)(Value, Value), int64_t a, int64_t b, int64_t expect)
{
    Value va = wf_int_from_i64(a), vb = wf_int_from_i64(b);
    ASSERT(va && vb);
    Value r = fn(va, vb);
    ASSERT(r);
    ASSERT_EQ(int_val(r), expect);
    ASSERT(wf_fits_small(expect) ? wf_is_small(r) : is_heap_int(r));
    Value again = wf_int_from_i64(expect);  /* equal ints compare equal whatever the path */
    ASSERT_EQ(wf_int_compare(r, again), 0);
    ASSERT_EQ(wf_equal(r, again), 1);
    ASSERT_EQ(wf_int_hash(r), wf_int_hash(again));
    wf_decref(again);
    wf_decref(r);
    wf_decref(va);
    wf_decref(vb);
}

static void test_arith_across_boundary(void)
{
    const int64_t MAX = WF_SMALL_MAX, MIN = WF_SMALL_MIN;
    /* small + small overflowing into heap, and back. */
    check_op(wf_int_add, MAX, 1, MAX + 1);
    check_op(wf_int_add, MAX, 0, MAX);
    check_op(wf_int_add, MIN, -1, MIN - 1);
    check_op(wf_int_add, MAX + 1, -1, MAX);        /* heap + small -> small */
    check_op(wf_int_add, MIN - 1, 1, MIN);
    check_op(wf_int_add, MAX + 1, -(MAX + 1), 0);  /* heap + heap -> 0 (tagged) */
    check_op(wf_int_sub, MIN, 1, MIN - 1);
    check_op(wf_int_sub, MAX, -1, MAX + 1);
    check_op(wf_int_sub, MAX + 1, 1, MAX);
    check_op(wf_int_sub, MIN - 1, MIN - 1, 0);
    check_op(wf_int_sub, 0, MIN, MAX + 1);         /* -MIN is not small */
    check_op(wf_int_mul, MIN, 1, MIN);
    check_op(wf_int_mul, MIN, -1, MAX + 1);
    check_op(wf_int_mul, (int64_t)1 << 31, (int64_t)1 << 31, (int64_t)1 << 62);
    check_op(wf_int_mul, -((int64_t)1 << 31), (int64_t)1 << 31, MIN);
    check_op(wf_int_mul, MAX + 1, 0, 0);
    check_op(wf_int_mul, MAX + 1, 1, MAX + 1);
    check_op(wf_int_mul, 3037000499LL, 3037000499LL, 9223372030926249001LL);
    check_op(wf_int_mul, -7, 6, -42);
}

static void test_arith_beyond_int64(void)
{
    /* (2**62) * (2**62) == 2**124: a heap int no int64 holds. */
    Value big = wf_int_from_i64((int64_t)1 << 62);
    Value sq = wf_int_mul(big, big);
    ASSERT(is_heap_int(sq));
    int64_t out = 123;
    ASSERT_EQ(wf_int_as_i64(sq, &out), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    Value r = wf_repr(sq);
    ASSERT_STR(r, "21267647932558653966460912964485513216");
    wf_decref(r);
    /* Back down: sq - sq + 7 == 7 tagged. */
    Value z = wf_int_sub(sq, sq);
    ASSERT(z == wf_small(0));
    Value neg = wf_int_sub(wf_small(0), sq);
    ASSERT_EQ(wf_int_sign(neg), -1);
    ASSERT_EQ(wf_int_compare(neg, sq), -1);
    ASSERT_EQ(wf_int_compare(sq, wf_small(WF_SMALL_MAX)), 1);
    ASSERT_EQ(wf_int_compare(neg, wf_small(WF_SMALL_MIN)), -1);
    Value back = wf_int_add(neg, sq);
    ASSERT(back == wf_small(0));
    wf_decref(neg);
    wf_decref(sq);
    wf_decref(big);
    /* From a string past int64, then to a C int: OverflowError, both signs. */
    const char *s = "-170141183460469231731687303715884105728";
    Value m = wf_int_from_string(s, strlen(s), 10);
    ASSERT(is_heap_int(m));
    ASSERT_EQ(wf_int_as_i64(m, &out), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    wf_decref(m);
    /* A numeric string in the small range parses to a tagged int. */
    Value t = wf_int_from_string("4611686018427387903", 19, 10);
    ASSERT(t == wf_small(WF_SMALL_MAX));
    t = wf_int_from_string("-4611686018427387905", 20, 10);
    ASSERT(is_heap_int(t));
    wf_decref(t);
}

static void test_as_i64_limits(void)
{
    ASSERT_EQ(int_val(wf_int_from_i64(INT64_MAX)), INT64_MAX);
    Value v = wf_int_from_i64(INT64_MAX);
    Value w = wf_int_add(v, wf_small(1));  /* 2**63 */
    int64_t out = 0;
    ASSERT_EQ(wf_int_as_i64(w, &out), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    wf_decref(w);
    wf_decref(v);
    v = wf_int_from_i64(INT64_MIN);
    ASSERT_EQ(int_val(v), INT64_MIN);
    w = wf_int_sub(v, wf_small(1));       /* -2**63 - 1 */
    ASSERT_EQ(wf_int_as_i64(w, &out), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    wf_decref(w);
    wf_decref(v);
    /* bool is an int: True + True == 2 (tagged). */
    Value two = wf_int_add(wf_True, wf_True);
    ASSERT(two == wf_small(2));
    ASSERT_EQ(int_val(wf_True), 1);
    ASSERT_EQ(int_val(wf_False), 0);
    /* A non-int is a TypeError for wf_as_ssize. */
    Value f = wf_float_new(1.5);
    ASSERT_EQ(wf_as_ssize(f), -1);
    ASSERT_RAISED(wf_exc_TypeError);
    wf_decref(f);
}

static void test_int_hash(void)
{
    ASSERT_EQ(wf_int_hash(wf_small(0)), 0);
    ASSERT_EQ(wf_int_hash(wf_small(1)), 1);
    ASSERT_EQ(wf_int_hash(wf_small(-1)), -2);  /* -1 is reserved */
    ASSERT_EQ(wf_int_hash(wf_small(-2)), -2);
    /* CPython: hash(n) == n mod (2**61 - 1) for n >= 0. */
    const int64_t P = ((int64_t)1 << 61) - 1;
    ASSERT_EQ(wf_int_hash(wf_small(P)), 0);
    ASSERT_EQ(wf_int_hash(wf_small(P + 5)), 5);
    ASSERT_EQ(wf_int_hash(wf_small(WF_SMALL_MAX)), WF_SMALL_MAX % P);
    Value h = wf_int_from_i64(INT64_MAX);
    ASSERT_EQ(wf_int_hash(h), INT64_MAX % P);
    ASSERT_EQ(wf_hash(h), wf_int_hash(h));
    wf_decref(h);
    ASSERT_EQ(wf_hash(wf_small(12345)), 12345);
    ASSERT_EQ(wf_hash(wf_True), 1);
}

/* a OP b through the generic protocol: the result must be in canonical form,
 * so a result in the small range compares equal to wf_small() word for word. */
static void check_binop(int op, Value a, Value b, Value expect)
{
    Value r = wf_binop(a, b, op);
    if (!r) {
        fprintf(stderr, "binop %s failed\n", wf_binop_symbols[op]);
        ASSERT(r);
    }
    if (wf_is_small(expect) || wf_is_small(r)) {
        if (r != expect) {
            Value rr = wf_repr(r), er = wf_repr(expect);
            fprintf(stderr, "binop %s: got %s%s, expected %s\n", wf_binop_symbols[op],
                    wf_str_cstr(rr), wf_is_small(r) ? " (tagged)" : " (heap)", wf_str_cstr(er));
            wf_decref(rr);
            wf_decref(er);
        }
        ASSERT(r == expect);
    } else {
        ASSERT(is_heap_int(r));
        ASSERT_EQ(wf_int_compare(r, expect), 0);
    }
    wf_decref(r);
}

static void test_binops_normalise(void)
{
    const int64_t MAX = WF_SMALL_MAX, MIN = WF_SMALL_MIN;
    Value hmax1 = wf_int_from_i64(MAX + 1);    /* 2**62, heap */
    Value hmin1 = wf_int_from_i64(MIN - 1);    /* -2**62 - 1, heap */
    Value h5 = wf_int_from_i64(MAX + 6);       /* 2**62 + 5 */
    /* Floor division and modulo: MIN // -1 leaves the small range. */
    check_binop(WF_BINOP_FLOORDIV, wf_small(MIN), wf_small(-1), hmax1);
    check_binop(WF_BINOP_MOD, wf_small(MIN), wf_small(-1), wf_small(0));
    check_binop(WF_BINOP_FLOORDIV, hmax1, wf_small(2), wf_small((int64_t)1 << 61));
    check_binop(WF_BINOP_FLOORDIV, hmax1, hmax1, wf_small(1));
    check_binop(WF_BINOP_MOD, h5, wf_small(8), wf_small(5));
    check_binop(WF_BINOP_MOD, h5, hmax1, wf_small(5));
    check_binop(WF_BINOP_MOD, wf_small(-3), hmax1, wf_int_from_i64(MAX - 2));  /* sign of divisor */
    check_binop(WF_BINOP_SUB, hmax1, wf_small(1), wf_small(MAX));
    /* Shifts across the boundary, both ways. */
    check_binop(WF_BINOP_LSHIFT, wf_small(1), wf_small(62), hmax1);
    check_binop(WF_BINOP_LSHIFT, wf_small(-1), wf_small(62), wf_small(MIN));
    check_binop(WF_BINOP_LSHIFT, wf_small((int64_t)1 << 61), wf_small(1), hmax1);
    check_binop(WF_BINOP_RSHIFT, hmax1, wf_small(1), wf_small((int64_t)1 << 61));
    check_binop(WF_BINOP_RSHIFT, hmin1, wf_small(100), wf_small(-1));
    check_binop(WF_BINOP_RSHIFT, hmax1, wf_small(100), wf_small(0));
    /* Bitwise operations whose heap operands give small results. */
    check_binop(WF_BINOP_AND, h5, wf_small(7), wf_small(5));
    check_binop(WF_BINOP_AND, hmax1, wf_small(-1), hmax1);
    check_binop(WF_BINOP_XOR, h5, h5, wf_small(0));
    check_binop(WF_BINOP_XOR, hmax1, h5, wf_small(5));
    check_binop(WF_BINOP_OR, hmin1, wf_small(1), hmin1);
    check_binop(WF_BINOP_OR, wf_small(MAX), wf_small(MIN), wf_small(-1));
    /* Powers. */
    check_binop(WF_BINOP_POW, wf_small(2), wf_small(62), hmax1);
    check_binop(WF_BINOP_POW, wf_small(-2), wf_small(62), hmax1);
    check_binop(WF_BINOP_POW, wf_small(-2), wf_small(61), wf_small(-((int64_t)1 << 61)));
    check_binop(WF_BINOP_MUL, hmax1, wf_small(-1), wf_small(MIN));
    /* Unary minus and abs of MIN leave the small range; of -2**62 come back. */
    Value r = wf_unary(wf_small(MIN), WF_UNOP_NEG);
    ASSERT(is_heap_int(r) && wf_int_compare(r, hmax1) == 0);
    Value back = wf_unary(r, WF_UNOP_NEG);
    ASSERT(back == wf_small(MIN));
    wf_decref(r);
    r = wf_unary(wf_small(MIN), WF_UNOP_ABS);
    ASSERT(is_heap_int(r) && wf_int_compare(r, hmax1) == 0);
    wf_decref(r);
    r = wf_unary(wf_small(MAX), WF_UNOP_INVERT);
    ASSERT(r == wf_small(MIN));
    r = wf_unary(hmin1, WF_UNOP_INVERT);       /* ~(-2**62 - 1) == 2**62 */
    ASSERT(is_heap_int(r) && wf_int_compare(r, hmax1) == 0);
    wf_decref(r);
    r = wf_unary(hmax1, WF_UNOP_INVERT);       /* ~2**62 == -2**62 - 1 */
    ASSERT(is_heap_int(r) && wf_int_compare(r, hmin1) == 0);
    wf_decref(r);
    /* Integer from a double at the boundary. */
    Value d = wf_int_from_double(4611686018427387904.0);  /* 2**62 */
    ASSERT(is_heap_int(d) && wf_int_compare(d, hmax1) == 0);
    wf_decref(d);
    d = wf_int_from_double(-4611686018427387904.0);
    ASSERT(d == wf_small(MIN));
    d = wf_int_from_double(-0.5);
    ASSERT(d == wf_small(0));
    ASSERT(!wf_int_from_double(1.0 / 0.0));
    ASSERT_RAISED(wf_exc_OverflowError);
    ASSERT(!wf_int_from_double(0.0 / 0.0));
    ASSERT_RAISED(wf_exc_ValueError);
    /* Python-level arithmetic sees the same canonical values. */
    Value g = om_exec("a = 2**62\nb = a - 1\nc = -(2**62)\nd = (2**62 + 5) & 7\n");
    ASSERT(wf_dict_get_c(g, "b") == wf_small(MAX));
    ASSERT(wf_dict_get_c(g, "c") == wf_small(MIN));
    ASSERT(wf_dict_get_c(g, "d") == wf_small(5));
    ASSERT(is_heap_int(wf_dict_get_c(g, "a")));
    wf_decref(g);
    wf_decref(hmax1);
    wf_decref(hmin1);
    wf_decref(h5);
}

static void check_to_base(Value v, int base, bool prefix, const char *expect)
{
    Value s = wf_int_to_base(v, base, prefix);
    ASSERT_STR(s, expect);
    wf_decref(s);
}

static void check_from_string(const char *s, int base, Value expect)
{
    Value v = wf_int_from_string(s, strlen(s), base);
    if (!v)
        fprintf(stderr, "int(%s, %d) failed\n", s, base);
    ASSERT(v);
    if (wf_is_small(expect))
        ASSERT(v == expect);
    else
        ASSERT(is_heap_int(v) && wf_int_compare(v, expect) == 0);
    wf_decref(v);
}

static void test_conversions(void)
{
    Value hmax1 = wf_int_from_i64((int64_t)WF_SMALL_MAX + 1);
    check_to_base(wf_small(255), 16, true, "0xff");
    check_to_base(wf_small(-255), 16, true, "-0xff");
    check_to_base(wf_small(5), 2, true, "0b101");
    check_to_base(wf_small(8), 8, false, "10");
    check_to_base(wf_small(WF_SMALL_MIN), 16, true, "-0x4000000000000000");
    check_to_base(hmax1, 16, true, "0x4000000000000000");
    check_to_base(hmax1, 10, false, "4611686018427387904");
    check_to_base(wf_small(0), 2, true, "0b0");
    /* Strings: prefixes with base 0, underscores, whitespace, signs. */
    check_from_string("0x4000000000000000", 0, hmax1);
    check_from_string("-0x4000000000000000", 0, wf_small(WF_SMALL_MIN));
    check_from_string("4_611_686_018_427_387_903", 10, wf_small(WF_SMALL_MAX));
    check_from_string("  +12  ", 10, wf_small(12));
    check_from_string("-0", 10, wf_small(0));
    check_from_string("zz", 36, wf_small(35 * 36 + 35));
    check_from_string("0b1" "00000000000000000000000000000000000000000000000000000000000000", 0, hmax1);
    check_from_string("0o7", 0, wf_small(7));
    const char *bad[] = { "", " ", "1_", "_1", "1__0", "0x", "12a", "--1", "0b102" };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ASSERT(wf_int_from_string(bad[i], strlen(bad[i]), 0) == 0);
        ASSERT_RAISED(wf_exc_ValueError);
    }
    /* To double: exact at the boundary, OverflowError past the float range. */
    ASSERT(wf_int_as_double(hmax1) == 4611686018427387904.0);
    ASSERT(wf_int_as_double(wf_small(WF_SMALL_MIN)) == -4611686018427387904.0);
    Value huge = wf_int_from_string("1" "0000000000" "0000000000" "0000000000" "0000000000", 41, 10);
    Value p = huge;
    for (int i = 0; i < 8; i++) {    /* (10**40)**(2**8) is past 1e308 */
        Value q = wf_int_mul(p, p);
        if (p != huge)
            wf_decref(p);
        p = q;
    }
    ASSERT(wf_int_as_double(p) == -1.0);
    ASSERT_RAISED(wf_exc_OverflowError);
    ASSERT_EQ(wf_as_ssize(p), -1);
    ASSERT_RAISED(wf_exc_OverflowError);
    wf_decref(p);
    wf_decref(huge);
    ASSERT_EQ(wf_as_ssize(hmax1), (int64_t)WF_SMALL_MAX + 1);
    ASSERT(!wf_err_occurred());
    /* pow(a, b, m) across the boundary; CPython's errors. */
    Value r = wf_int_pow_mod(wf_small(2), wf_small(100), hmax1);
    ASSERT(r == wf_small(0));
    r = wf_int_pow_mod(wf_small(3), wf_small(-1), wf_small(7));   /* modular inverse */
    ASSERT(r == wf_small(5));
    r = wf_int_pow_mod(wf_small(3), wf_small(200), wf_small(-7));
    ASSERT(r && wf_int_sign(r) <= 0);
    ASSERT(!wf_int_pow_mod(wf_small(3), wf_small(2), wf_small(0)));
    ASSERT_RAISED(wf_exc_ValueError);
    ASSERT(!wf_int_pow_mod(wf_small(2), wf_small(-1), wf_small(4)));  /* not invertible */
    ASSERT_RAISED(wf_exc_ValueError);
    wf_decref(hmax1);
}

/* Equal numbers hash equal across int and float, also at the small/heap boundary. */
static void test_float_int_hash_agree(void)
{
    double ds[] = { 0.0, -0.0, 1.0, -1.0, 2.0, 1e15, -1e15, 4611686018427387904.0 /* 2**62 */,
                    -4611686018427387904.0, 9223372036854775808.0 /* 2**63 */, 1e300 };
    for (size_t i = 0; i < sizeof ds / sizeof *ds; i++) {
        Value f = wf_float_new(ds[i]);
        Value n = wf_int_from_double(ds[i]);
        ASSERT(f && n);
        ASSERT_EQ(wf_hash(f), wf_hash(n));
        ASSERT_EQ(wf_float_hash(ds[i]), wf_int_hash(n));
        ASSERT_EQ(wf_equal(f, n), 1);
        ASSERT_EQ(wf_richcompare_bool(n, f, WF_EQ), 1);
        /* The dict sees them as one key. */
        Value d = wf_dict_new();
        ASSERT(wf_dict_set(d, n, wf_None) == 0);
        ASSERT(wf_dict_get(d, f) == wf_None);
        wf_decref(d);
        wf_decref(n);
        wf_decref(f);
    }
    ASSERT_EQ(wf_float_hash(1.0 / 0.0), 314159);
    ASSERT_EQ(wf_float_hash(-1.0 / 0.0), -314159);
    ASSERT_EQ(wf_float_hash(0.5), (int64_t)1 << 60);  /* CPython: hash(0.5) == 2**60 */
    /* Comparisons across the boundary between an int and a float that cannot represent it. */
    Value big = wf_int_from_i64(((int64_t)1 << 62) + 1);   /* not a double */
    Value f = wf_float_new(4611686018427387904.0);
    ASSERT_EQ(wf_equal(big, f), 0);
    ASSERT_EQ(wf_richcompare_bool(big, f, WF_GT), 1);
    ASSERT_EQ(wf_richcompare_bool(f, big, WF_LT), 1);
    Value small = wf_small(((int64_t)1 << 53) + 1);
    Value f53 = wf_float_new(9007199254740992.0);           /* 2**53 */
    ASSERT_EQ(wf_equal(small, f53), 0);
    ASSERT_EQ(wf_richcompare_bool(small, f53, WF_GT), 1);
    wf_decref(f53);
    wf_decref(f);
    wf_decref(big);
}

int main(int argc, char **argv)
{
    om_begin(argc, argv);
    OM_RUN(test_small_tag_layout);
    OM_RUN(test_from_i64_normalises);
    OM_RUN(test_arith_across_boundary);
    OM_RUN(test_arith_beyond_int64);
    OM_RUN(test_as_i64_limits);
    OM_RUN(test_int_hash);
    OM_RUN(test_binops_normalise);
    OM_RUN(test_conversions);
    OM_RUN(test_float_int_hash_agree);
    return om_end("test_om_int");
}
