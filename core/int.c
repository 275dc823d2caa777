/* weft: the int type: tagged small ints and GMP-backed big ints. */
/* int operands -> normalized int results (tagged whenever they fit). */
#include <math.h>
#include <float.h>
#include <stdlib.h>
#include <ctype.h>
#include <stdio.h>
#include "int.h"
#include "strimpl.h"

/*
 * Representation rules:
 *  1. An exact int in [WF_SMALL_MIN, WF_SMALL_MAX] is always tagged. Every
 *     result goes through int_norm()/wf_int_from_mpz() to keep this true.
 *  2. A heap IntObject is either an exact int outside the small range or an
 *     instance of a user subclass of int (any value, same layout + extras).
 *  3. True/False are BoolObjects; every routine reads them as 1/0 through
 *     wf_int_view() / wf_int_small_val().
 * Small-small arithmetic uses the C value directly: tagged values carry 62
 * bits plus a sign, so sums never overflow intptr_t and products are checked
 * with __builtin_mul_overflow.
 */

int wf_int_max_str_digits = 4300;

/* sys.set_int_max_str_digits may change the limit while other threads
 * convert: read it once per conversion with a relaxed load (any value that
 * was set is a valid limit). */
static inline int int_digit_limit(void)
{
    return wf_atomic_load_relaxed_int(&wf_int_max_str_digits);  /* relaxed: pairs with the store in sysmodule.c */
}

/* Result sizes past this many bits are refused with MemoryError instead of
 * letting GMP abort the process. */
#define INT_MAX_BITS ((uint64_t)1 << 33)

/* ---- representation ---- */

static inline IntObject *int_obj(Value v) { return (IntObject *)wf_obj(v); }

bool wf_int_small_val(Value v, int64_t *out)
{
    if (wf_is_small(v)) {
        *out = wf_small_val(v);
        return true;
    }
    if (wf_is_bool(v)) {
        *out = ((BoolObject *)wf_obj(v))->value;
        return true;
    }
    return false;
}

mpz_srcptr wf_int_view(IntView *iv, Value v)
{
    int64_t i;
    if (!wf_int_small_val(v, &i))
        return int_obj(v)->z;
    iv->limb = (mp_limb_t)(i < 0 ? -(uint64_t)i : (uint64_t)i);
    return mpz_roinit_n(iv->z, &iv->limb, i < 0 ? -1 : i > 0 ? 1 : 0);
}

static Value int_alloc_heap(void)
{
    IntObject *o = (IntObject *)wf_object_alloc(&wf_type_int, sizeof(IntObject));
    return wf_val(o);
}

static bool int_mpz_small(mpz_srcptr z, intptr_t *out)
{
    if (!mpz_fits_slong_p(z))
        return false;
    long l = mpz_get_si(z);
    if (!wf_fits_small(l))
        return false;
    *out = l;
    return true;
}

Value wf_int_from_mpz(mpz_srcptr z)
{
    intptr_t i;
    if (int_mpz_small(z, &i))
        return wf_small(i);
    Value v = int_alloc_heap();
    mpz_init_set(int_obj(v)->z, z);
    return v;
}

Value wf_int_steal_mpz(mpz_ptr z)
{
    intptr_t i;
    if (int_mpz_small(z, &i)) {
        mpz_clear(z);
        return wf_small(i);
    }
    Value v = int_alloc_heap();
    *int_obj(v)->z = *z;  /* move the limbs: z is dead from here */
    return v;
}

Value wf_int_from_i64(int64_t i)
{
    if (wf_fits_small(i))
        return wf_small(i);
    Value v = int_alloc_heap();
    mpz_init_set_si(int_obj(v)->z, i);
    return v;
}

Value wf_int_from_u64(uint64_t u)
{
    if (u <= (uint64_t)WF_SMALL_MAX)
        return wf_small((intptr_t)u);
    Value v = int_alloc_heap();
    mpz_init_set_ui(int_obj(v)->z, u);
    return v;
}

static void int_dealloc(Object *o)
{
    mpz_clear(((IntObject *)o)->z);
    wf_object_free(o);
}

/* An exact int with the value of any int (bool, subclass instance). */
static Value int_exact(Value v)
{
    int64_t i;
    if (wf_int_small_val(v, &i))
        return wf_small(i);
    if (wf_obj(v)->ob_type == &wf_type_int)
        return wf_incref(v);
    return wf_int_from_mpz(int_obj(v)->z);
}

/* ---- conversions to C ---- */

int wf_int_as_i64(Value v, int64_t *out)
{
    if (wf_int_small_val(v, out))
        return 0;
    mpz_srcptr z = int_obj(v)->z;
    if (!mpz_fits_slong_p(z)) {
        wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = mpz_get_si(z);
    return 0;
}

int wf_int_sign(Value v)
{
    int64_t i;
    if (wf_int_small_val(v, &i))
        return (i > 0) - (i < 0);
    return mpz_sgn(int_obj(v)->z);
}

/* |z| rounded half-even to a double, or inf when it does not fit. Keeping 55
 * top bits with the rest folded into a sticky low bit lets the hardware
 * uint64 -> double conversion do the correct rounding. */
static double int_mpz_to_double(mpz_srcptr z)
{
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= DBL_MANT_DIG || mpz_sgn(z) == 0)
        return mpz_get_d(z);  /* exact: mpz_get_d truncates, harmless here */
    if (bits > DBL_MAX_EXP + 1)
        return mpz_sgn(z) < 0 ? -HUGE_VAL : HUGE_VAL;
    size_t shift = bits - 55;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, shift);
    uint64_t top = (uint64_t)mpz_getlimbn(t, 0);
    if (mpz_scan1(z, 0) < shift)
        top |= 1;
    mpz_clear(t);
    double d = ldexp((double)top, (int)shift);
    return mpz_sgn(z) < 0 ? -d : d;
}

double wf_int_as_double(Value v)
{
    int64_t i;
    if (wf_int_small_val(v, &i))
        return (double)i;  /* C rounds to nearest-even, like CPython */
    double d = int_mpz_to_double(int_obj(v)->z);
    if (isinf(d)) {
        wf_err_set_str(wf_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return d;
}

Value wf_int_from_double(double d)
{
    if (d > -4e18 && d < 4e18)  /* NaN fails both; C's cast truncates like int() */
        return wf_int_from_i64((int64_t)d);
    if (isinf(d))
        return wf_err_set_str(wf_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return wf_err_set_str(wf_exc_ValueError, "cannot convert float NaN to integer");
    double t = trunc(d);
    if (fabs(t) < 4e18)
        return wf_int_from_i64((int64_t)t);
    mpz_t z;
    mpz_init_set_d(z, t);
    return wf_int_steal_mpz(z);
}

/* ---- comparison ---- */

int wf_int_compare(Value a, Value b)
{
    int64_t x, y;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y))
        return (x > y) - (x < y);
    IntView va, vb;
    int c = mpz_cmp(wf_int_view(&va, a), wf_int_view(&vb, b));
    return (c > 0) - (c < 0);
}

int wf_int_cmp_double(Value v, double d)
{
    if (isnan(d))
        return 2;
    int64_t i;
    if (wf_int_small_val(v, &i) && i > -(1LL << 53) && i < (1LL << 53)) {
        double x = (double)i;
        return (x > d) - (x < d);
    }
    IntView iv;
    int c = mpz_cmp_d(wf_int_view(&iv, v), d);  /* exact, handles +-inf */
    return (c > 0) - (c < 0);
}

static bool int_cmp_result(int c, int op)
{
    switch (op) {
    case WF_LT: return c < 0;
    case WF_LE: return c <= 0;
    case WF_EQ: return c == 0;
    case WF_NE: return c != 0;
    case WF_GT: return c > 0;
    default: return c >= 0;
    }
}

static Value int_richcompare(Value a, Value b, int op)
{
    if (!wf_is_int(a))
        return wf_NotImplemented;
    if (wf_is_int(b))
        return wf_bool(int_cmp_result(wf_int_compare(a, b), op));
    if (wf_is_float(b)) {
        int c = wf_int_cmp_double(a, wf_float_val(b));
        if (c == 2)
            return wf_bool(op == WF_NE);
        return wf_bool(int_cmp_result(c, op));
    }
    return wf_NotImplemented;
}

/* ---- hashing: CPython's modular scheme, modulus 2**61 - 1 ---- */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

Hash wf_int_hash(Value v)
{
    int64_t i;
    Hash h;
    if (wf_int_small_val(v, &i)) {
        if (WF_LIKELY(i > -(int64_t)HASH_MODULUS && i < (int64_t)HASH_MODULUS))
            return i == -1 ? -2 : (Hash)i;  /* |i| < modulus: the value itself */
        uint64_t m = (uint64_t)(i < 0 ? -i : i) % HASH_MODULUS;
        h = i < 0 ? -(Hash)m : (Hash)m;
    } else {
        mpz_srcptr z = int_obj(v)->z;
        uint64_t m = mpz_tdiv_ui(z, HASH_MODULUS);
        h = mpz_sgn(z) < 0 ? -(Hash)m : (Hash)m;
    }
    return h == -1 ? -2 : h;
}

static int int_bool(Value v) { return wf_int_sign(v) != 0; }

/* ---- string conversion ---- */

/* The original str while parsing its ASCII transform, for error messages. */
static _Thread_local Value int_error_source;

static Value int_digit_limit_error(size_t ndigits)
{
    return wf_err_format(wf_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: "
                         "value has %zu digits; use sys.set_int_max_str_digits() to increase the limit",
                         int_digit_limit(), ndigits);
}

/* The str of a failed literal for error messages (CPython cuts it at 200). */
static Value int_invalid_literal(const char *s, size_t len, int base)
{
    if (int_error_source) {
        wf_err_format(wf_exc_ValueError, "invalid literal for int() with base %d: %R", base, int_error_source);
        return 0;
    }
    Value str = wf_str_new(s, len > 200 ? 200 : len);
    if (!str) {
        wf_err_clear();
        str = wf_str_from_cstr("?");
    }
    wf_err_format(wf_exc_ValueError, "invalid literal for int() with base %d: %R", base, str);
    wf_decref(str);
    return 0;
}

char *wf_num_ascii(const char *s, size_t len, size_t *outlen)
{
    char *out = wf_mem_alloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = str_decode(s, &i);
        int d;
        if (cp < 128)
            out[n++] = (char)cp;
        else if ((d = wf_uc_decimal(cp)) >= 0)
            out[n++] = (char)('0' + d);
        else
            out[n++] = wf_uc_isspace(cp) ? ' ' : '?';
    }
    out[n] = 0;
    *outlen = n;
    return out;
}

static int int_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool int_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Detect a 0x/0o/0b prefix; adjusts *base (0 -> real base) and returns its length. */
static size_t int_prefix(const char *p, const char *end, int *base)
{
    if (end - p < 2 || p[0] != '0')
        return 0;
    char c = (char)tolower((unsigned char)p[1]);
    int b = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (b == 0 || (*base != 0 && *base != b))
        return 0;
    *base = b;
    return 2;
}

/* Copy the digits of p..end into out without underscores; false if the
 * underscores or digits are misplaced. `after_prefix` allows one leading '_'. */
static bool int_clean_digits(const char *p, const char *end, int base, bool after_prefix,
                             char *out, size_t *n)
{
    size_t k = 0;
    bool prev_digit = after_prefix;
    if (p == end)
        return false;
    for (; p < end; p++) {
        if (*p == '_') {
            if (!prev_digit)
                return false;
            prev_digit = false;
            continue;
        }
        if (int_digit_value(*p) >= base)
            return false;
        out[k++] = *p;
        prev_digit = true;
    }
    out[k] = 0;
    *n = k;
    return prev_digit && k > 0;
}

Value wf_int_from_string(const char *s, size_t len, int base)
{
    if (base != 0 && (base < 2 || base > 36))
        return wf_err_set_str(wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    const char *p = s, *end = s + len;
    while (p < end && int_is_space(*p))
        p++;
    while (end > p && int_is_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    int b = base;
    size_t plen = int_prefix(p, end, &b);
    p += plen;
    if (b == 0)
        b = 10;
    char *buf = wf_mem_alloc((size_t)(end - p) + 1);
    size_t n;
    bool ok = int_clean_digits(p, end, b, plen > 0, buf, &n);
    /* base 0 refuses leading zeros on a nonzero decimal ("010"). */
    if (ok && base == 0 && plen == 0 && buf[0] == '0' && strspn(buf, "0") != n)
        ok = false;
    if (!ok) {
        wf_mem_free(buf);
        return int_invalid_literal(s, len, base);
    }
    int limit = int_digit_limit();
    if ((b & (b - 1)) != 0 && limit > 0 && n > (size_t)limit) {
        wf_mem_free(buf);
        return int_digit_limit_error(n);
    }
    Value r;
    if (n <= 18 && b == 10) {
        int64_t i = strtoll(buf, NULL, 10);
        r = wf_int_from_i64(neg ? -i : i);
    } else {
        mpz_t z;
        mpz_init_set_str(z, buf, b);
        if (neg)
            mpz_neg(z, z);
        r = wf_int_steal_mpz(z);
    }
    wf_mem_free(buf);
    return r;
}

static void int_str_limit_error(void)
{
    wf_err_format(wf_exc_ValueError,
                  "Exceeds the limit (%d digits) for integer string conversion; "
                  "use sys.set_int_max_str_digits() to increase the limit",
                  int_digit_limit());
}

char *wf_int_decimal(Value v, size_t *len, bool *neg)
{
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, v);
    *neg = mpz_sgn(z) < 0;
    size_t est = mpz_sizeinbase(z, 10);
    int limit = int_digit_limit();
    if (limit > 0 && est > (size_t)limit + 1) {
        int_str_limit_error();
        return NULL;
    }
    char *buf = wf_mem_alloc(est + 2);
    mpz_get_str(buf, 10, z);
    char *digits = buf + (*neg ? 1 : 0);
    *len = strlen(digits);
    if (limit > 0 && *len > (size_t)limit) {
        wf_mem_free(buf);
        int_str_limit_error();
        return NULL;
    }
    if (*neg)
        memmove(buf, buf + 1, *len + 1);
    return buf;
}

static Value int_repr(Value v)
{
    int64_t i;
    char small[32];
    if (wf_int_small_val(v, &i)) {
        int n = snprintf(small, sizeof small, "%lld", (long long)i);
        return wf_str_new(small, (size_t)n);
    }
    size_t len;
    bool neg;
    char *digits = wf_int_decimal(v, &len, &neg);
    if (!digits)
        return 0;
    StrBuilder sb;
    wf_sb_init(&sb);
    if (neg)
        wf_sb_add_char(&sb, '-');
    wf_sb_add(&sb, digits, len);
    wf_mem_free(digits);
    return wf_sb_finish(&sb);
}

Value wf_int_to_base(Value v, int base, bool prefix)
{
    if (base == 10)
        return int_repr(v);
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, v);
    size_t n = mpz_sizeinbase(z, base);
    char *buf = wf_mem_alloc(n + 5);
    char *p = buf;
    if (mpz_sgn(z) < 0)
        *p++ = '-';
    if (prefix) {
        *p++ = '0';
        *p++ = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(p, base, a);
    mpz_clear(a);
    Value r = wf_str_from_cstr(buf);
    wf_mem_free(buf);
    return r;
}

/* ---- arithmetic ---- */

static Value int_zero_div(int op)
{
    if (op == WF_BINOP_TRUEDIV)
        return wf_err_set_str(wf_exc_ZeroDivisionError, "division by zero");
    if (op == WF_BINOP_MOD)
        return wf_err_set_str(wf_exc_ZeroDivisionError, "integer modulo by zero");
    return wf_err_set_str(wf_exc_ZeroDivisionError, "integer division or modulo by zero");
}

Value wf_int_add(Value a, Value b)
{
    int64_t x, y;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y))
        return wf_int_from_i64(x + y);  /* |x|,|y| < 2**62: no overflow */
    IntView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_add(r, wf_int_view(&va, a), wf_int_view(&vb, b));
    return wf_int_steal_mpz(r);
}

Value wf_int_sub(Value a, Value b)
{
    int64_t x, y;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y))
        return wf_int_from_i64(x - y);
    IntView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_sub(r, wf_int_view(&va, a), wf_int_view(&vb, b));
    return wf_int_steal_mpz(r);
}

Value wf_int_mul(Value a, Value b)
{
    int64_t x, y, p;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y) && !__builtin_mul_overflow(x, y, &p))
        return wf_int_from_i64(p);
    IntView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_mul(r, wf_int_view(&va, a), wf_int_view(&vb, b));
    return wf_int_steal_mpz(r);
}

/* Floor division and modulo together; either output may be NULL. */
static int int_divmod_raw(Value a, Value b, Value *q, Value *m, int op)
{
    int64_t x, y;
    if (wf_int_sign(b) == 0) {
        int_zero_div(op);
        return -1;
    }
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y)) {
        int64_t d = x / y, r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) {
            d -= 1;
            r += y;
        }
        if (q)
            *q = wf_int_from_i64(d);
        if (m)
            *m = wf_small(r);
        return 0;
    }
    IntView va, vb;
    mpz_t zq, zr;
    mpz_inits(zq, zr, NULL);
    mpz_fdiv_qr(zq, zr, wf_int_view(&va, a), wf_int_view(&vb, b));
    if (q)
        *q = wf_int_steal_mpz(zq);
    else
        mpz_clear(zq);
    if (m)
        *m = wf_int_steal_mpz(zr);
    else
        mpz_clear(zr);
    return 0;
}

static Value int_floordiv(Value a, Value b)
{
    Value q;
    return int_divmod_raw(a, b, &q, NULL, WF_BINOP_FLOORDIV) < 0 ? 0 : q;
}

static Value int_mod(Value a, Value b)
{
    Value m;
    return int_divmod_raw(a, b, NULL, &m, WF_BINOP_MOD) < 0 ? 0 : m;
}

static Value int_divmod(Value a, Value b)
{
    Value q, m;
    if (int_divmod_raw(a, b, &q, &m, WF_BINOP_FLOORDIV) < 0)
        return 0;
    Value t = wf_tuple_pack(2, q, m);
    wf_decref(q);
    wf_decref(m);
    return t;
}

/* Correctly rounded a / b (CPython's long_true_divide, on GMP). */
static Value int_truediv_big(mpz_srcptr a, mpz_srcptr b)
{
    bool neg = (mpz_sgn(a) < 0) != (mpz_sgn(b) < 0);
    if (mpz_sgn(a) == 0)
        return wf_float_new(neg ? -0.0 : 0.0);
    int64_t diff = (int64_t)mpz_sizeinbase(a, 2) - (int64_t)mpz_sizeinbase(b, 2);
    if (diff > DBL_MAX_EXP)
        return wf_err_set_str(wf_exc_OverflowError, "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1)
        return wf_float_new(neg ? -0.0 : 0.0);
    int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    mpz_t x, r, ab;
    mpz_inits(x, r, ab, NULL);
    mpz_abs(ab, b);
    int inexact = 0;
    if (shift <= 0) {
        mpz_mul_2exp(x, a, (mp_bitcnt_t)-shift);
    } else {
        mpz_tdiv_q_2exp(x, a, (mp_bitcnt_t)shift);
        if (mpz_scan1(a, 0) < (mp_bitcnt_t)shift)
            inexact = 1;
    }
    mpz_abs(x, x);
    mpz_tdiv_qr(x, r, x, ab);
    if (mpz_sgn(r) != 0)
        inexact = 1;
    int64_t x_bits = (int64_t)mpz_sizeinbase(x, 2);
    uint64_t low = (uint64_t)mpz_getlimbn(x, 0);
    mpz_clears(x, r, ab, NULL);
    int64_t extra = (x_bits > DBL_MIN_EXP - shift ? x_bits : DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    uint64_t mask = (uint64_t)1 << (extra - 1);
    low |= (uint64_t)inexact;
    if ((low & mask) && (low & (3 * mask - 1)))
        low += mask;
    low &= ~(2 * mask - 1);
    double dx = (double)low;
    if (shift + x_bits >= DBL_MAX_EXP &&
        (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, (int)x_bits)))
        return wf_err_set_str(wf_exc_OverflowError, "integer division result too large for a float");
    double res = ldexp(dx, (int)shift);
    return wf_float_new(neg ? -res : res);
}

static Value int_truediv(Value a, Value b)
{
    if (wf_int_sign(b) == 0)
        return int_zero_div(WF_BINOP_TRUEDIV);
    int64_t x, y;
    const int64_t lim = (int64_t)1 << 53;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y) && x > -lim && x < lim && y > -lim && y < lim)
        return wf_float_new((double)x / (double)y);
    IntView va, vb;
    return int_truediv_big(wf_int_view(&va, a), wf_int_view(&vb, b));
}

static Value int_too_big(void)
{
    return wf_err_no_memory();
}

static Value int_pow_float(Value a, Value b)
{
    double x = wf_int_as_double(a);
    if (x == -1.0 && wf_err_occurred())
        return 0;
    double y = wf_int_as_double(b);
    if (y == -1.0 && wf_err_occurred())
        return 0;
    Value fa = wf_float_new(x), fb = wf_float_new(y);
    Value r = wf_binop(fa, fb, WF_BINOP_POW);
    wf_decref(fa);
    wf_decref(fb);
    return r;
}

/* Square-and-multiply on C integers; false when an intermediate overflows. */
static bool int_pow_small(int64_t x, int64_t e, int64_t *out)
{
    int64_t r = 1;
    for (;;) {
        if ((e & 1) && __builtin_mul_overflow(r, x, &r))
            return false;
        e >>= 1;
        if (e == 0)
            break;
        if (__builtin_mul_overflow(x, x, &x))
            return false;
    }
    *out = r;
    return true;
}

static Value int_pow(Value a, Value b)
{
    int64_t sx, se, sr;
    if (wf_int_small_val(a, &sx) && wf_int_small_val(b, &se) && se >= 0 && se < 64 && int_pow_small(sx, se, &sr))
        return wf_int_from_i64(sr);
    if (wf_int_sign(b) < 0)
        return int_pow_float(a, b);
    IntView va, vb;
    mpz_srcptr za = wf_int_view(&va, a), zb = wf_int_view(&vb, b);
    /* Bases 0, 1, -1 give small results for any exponent. */
    if (mpz_cmpabs_ui(za, 1) <= 0) {
        if (mpz_sgn(zb) == 0)
            return wf_small(1);
        if (mpz_sgn(za) >= 0)
            return int_exact(a);
        return wf_small(mpz_odd_p(zb) ? -1 : 1);
    }
    if (!mpz_fits_ulong_p(zb))
        return int_too_big();
    unsigned long e = mpz_get_ui(zb);
    if ((uint64_t)mpz_sizeinbase(za, 2) * e > INT_MAX_BITS)
        return int_too_big();
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, za, e);
    return wf_int_steal_mpz(r);
}

/* pow(a, b, m) for ints, negative exponents via the modular inverse. */
Value wf_int_pow_mod(Value a, Value b, Value m)
{
    IntView va, vb, vm;
    mpz_srcptr za = wf_int_view(&va, a), zb = wf_int_view(&vb, b), zm = wf_int_view(&vm, m);
    if (mpz_sgn(zm) == 0)
        return wf_err_set_str(wf_exc_ValueError, "pow() 3rd argument cannot be 0");
    mpz_t base, am, r;
    mpz_inits(base, am, r, NULL);
    mpz_abs(am, zm);
    mpz_mod(base, za, am);
    if (mpz_sgn(zb) < 0) {
        if (!mpz_invert(base, base, am)) {
            /* mpz_invert fails for modulus 1 too, where CPython gives 0. */
            if (mpz_cmp_ui(am, 1) != 0) {
                mpz_clears(base, am, r, NULL);
                return wf_err_set_str(wf_exc_ValueError, "base is not invertible for the given modulus");
            }
            mpz_set_ui(base, 0);
        }
        mpz_t nb;
        mpz_init(nb);
        mpz_neg(nb, zb);
        mpz_powm(r, base, nb, am);
        mpz_clear(nb);
    } else {
        mpz_powm(r, base, zb, am);
    }
    /* The result takes the sign of m (Python's modulo rule). */
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0)
        mpz_add(r, r, zm);
    mpz_clears(base, am, NULL);
    return wf_int_steal_mpz(r);
}

static Value int_shift(Value a, Value b, bool left)
{
    if (wf_int_sign(b) < 0)
        return wf_err_set_str(wf_exc_ValueError, "negative shift count");
    IntView va, vb;
    mpz_srcptr za = wf_int_view(&va, a), zb = wf_int_view(&vb, b);
    if (mpz_sgn(za) == 0)
        return wf_small(0);
    if (!left) {
        if (!mpz_fits_ulong_p(zb) || mpz_get_ui(zb) >= mpz_sizeinbase(za, 2))
            return wf_small(mpz_sgn(za) < 0 ? -1 : 0);
        int64_t x;
        if (wf_int_small_val(a, &x))
            return wf_small(x >> mpz_get_ui(zb));  /* arithmetic shift == floor */
        mpz_t r;
        mpz_init(r);
        mpz_fdiv_q_2exp(r, za, mpz_get_ui(zb));
        return wf_int_steal_mpz(r);
    }
    if (!mpz_fits_ulong_p(zb) || mpz_get_ui(zb) + mpz_sizeinbase(za, 2) > INT_MAX_BITS)
        return int_too_big();
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, za, mpz_get_ui(zb));
    return wf_int_steal_mpz(r);
}

static Value int_bitop(Value a, Value b, int op)
{
    int64_t x, y;
    if (wf_int_small_val(a, &x) && wf_int_small_val(b, &y))
        return wf_small(op == WF_BINOP_AND ? (x & y) : op == WF_BINOP_OR ? (x | y) : (x ^ y));
    IntView va, vb;
    mpz_t r;
    mpz_init(r);
    mpz_srcptr za = wf_int_view(&va, a), zb = wf_int_view(&vb, b);
    if (op == WF_BINOP_AND)
        mpz_and(r, za, zb);
    else if (op == WF_BINOP_OR)
        mpz_ior(r, za, zb);
    else
        mpz_xor(r, za, zb);
    return wf_int_steal_mpz(r);
}

/* Both operands are ints (bool included). */
static Value int_arith(Value a, Value b, int op)
{
    switch (op) {
    case WF_BINOP_ADD: return wf_int_add(a, b);
    case WF_BINOP_SUB: return wf_int_sub(a, b);
    case WF_BINOP_MUL: return wf_int_mul(a, b);
    case WF_BINOP_TRUEDIV: return int_truediv(a, b);
    case WF_BINOP_FLOORDIV: return int_floordiv(a, b);
    case WF_BINOP_MOD: return int_mod(a, b);
    case WF_BINOP_POW: return int_pow(a, b);
    case WF_BINOP_LSHIFT: return int_shift(a, b, true);
    case WF_BINOP_RSHIFT: return int_shift(a, b, false);
    case WF_BINOP_AND:
    case WF_BINOP_OR:
    case WF_BINOP_XOR: return int_bitop(a, b, op);
    default: return wf_NotImplemented;
    }
}

/* The tp_binop slot: int with int; a float operand is left to float's slot. */
static Value int_binop(Value a, Value b, int op)
{
    if (!wf_is_int(a) || !wf_is_int(b))
        return wf_NotImplemented;
    return int_arith(a, b, op);
}

static Value int_unary(Value a, int op)
{
    int64_t x;
    if (op == WF_UNOP_POS)
        return int_exact(a);
    if (wf_int_small_val(a, &x)) {
        switch (op) {
        case WF_UNOP_NEG: return wf_int_from_i64(-x);
        case WF_UNOP_INVERT: return wf_small(~x);
        case WF_UNOP_ABS: return wf_int_from_i64(x < 0 ? -x : x);
        default: return wf_NotImplemented;
        }
    }
    mpz_t r;
    mpz_init(r);
    mpz_srcptr z = int_obj(a)->z;
    if (op == WF_UNOP_NEG)
        mpz_neg(r, z);
    else if (op == WF_UNOP_ABS)
        mpz_abs(r, z);
    else if (op == WF_UNOP_INVERT)
        mpz_com(r, z);
    else {
        mpz_clear(r);
        return wf_NotImplemented;
    }
    return wf_int_steal_mpz(r);
}

/* ---- int(x) ---- */

static Value int_check_result(Value r, const char *dunder)
{
    if (!r || wf_is_int(r))
        return r;
    wf_err_format(wf_exc_TypeError, "%s returned non-int (type %T)", dunder, r);
    wf_decref(r);
    return 0;
}

static Value int_call_special(Value v, Value name, const char *dunder)
{
    Value m = wf_lookup_special(v, name);
    if (!m)
        return 0;
    Value r = int_check_result(wf_call0(m), dunder);
    wf_decref(m);
    if (!r)
        return 0;
    Value e = int_exact(r);
    wf_decref(r);
    return e;
}

static Value int_from_str_value(Value s, int base)
{
    StrObject *so = wf_as_str(s);
    if (so->ascii)
        return wf_int_from_string(so->data, so->len, base);
    /* Unicode digits and spaces count, as in CPython: parse an ASCII copy. */
    size_t n;
    char *a = wf_num_ascii(so->data, so->len, &n);
    int_error_source = s;
    Value r = wf_int_from_string(a, n, base);
    int_error_source = 0;
    wf_mem_free(a);
    return r;
}

Value wf_int_from_object(Value v)
{
    /* Exact types take the fast paths; subclasses go through their slots so
     * that an overridden __int__ is honoured. */
    if (wf_is_small(v) || wf_is_type_exact(v, &wf_type_int) || wf_is_bool(v))
        return int_exact(v);
    if (wf_is_float_exact(v))
        return wf_int_from_double(wf_float_val(v));
    if (wf_is_str(v))
        return int_from_str_value(v, 10);
    TypeObject *t = wf_type(v);
    if (t->tp_int)
        return int_check_result(t->tp_int(v), "__int__");
    Value r;
    if ((r = int_call_special(v, WF_ID(__int__), "__int__")) || wf_err_occurred())
        return r;
    if (t->tp_index)
        return int_check_result(t->tp_index(v), "__index__");
    if ((r = int_call_special(v, WF_ID(__index__), "__index__")) || wf_err_occurred())
        return r;
    Value m = wf_lookup_special(v, WF_ID(__trunc__));
    if (m) {
        r = wf_call0(m);
        wf_decref(m);
        if (!r || wf_is_int(r))
            return r;
        Value i = int_call_special(r, WF_ID(__index__), "__index__");
        if (!i && !wf_err_occurred())
            wf_err_format(wf_exc_TypeError, "__trunc__ returned non-Integral (type %T)", r);
        wf_decref(r);
        return i;
    }
    if (wf_err_occurred())
        return 0;
    return wf_err_format(wf_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                         wf_type_name(v));
}

/* An instance of an int subclass holding the value of exact int v. */
static Value int_subclass_new(TypeObject *type, Value v)
{
    Object *o = wf_object_alloc(type, type->tp_basicsize > sizeof(IntObject) ? type->tp_basicsize : sizeof(IntObject));
    IntView iv;
    mpz_init_set(((IntObject *)o)->z, wf_int_view(&iv, v));
    return wf_val(o);
}

static Value int_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {NULL, "base", NULL};
    Value x = 0, basev = 0, r;
    if (type == &wf_type_int && nargs == 1 && !kwnames)  /* int(x): the common case */
        return wf_int_from_object(args[0]);
    if (wf_parse_args("int", args, nargs, kwnames, "|OO", names, &x, &basev) < 0)
        return 0;
    if (!x) {
        if (basev)
            return wf_err_set_str(wf_exc_TypeError, "int() missing string argument");
        r = wf_small(0);
    } else if (basev) {
        if (!wf_is_str(x))
            return wf_err_set_str(wf_exc_TypeError, "int() can't convert non-string with explicit base");
        int64_t base;
        Value bi = wf_index(basev);
        if (!bi)
            return 0;
        int rc = wf_int_as_i64(bi, &base);
        wf_decref(bi);
        if (rc < 0 || base < 0 || base == 1 || base > 36) {
            wf_err_clear();
            return wf_err_set_str(wf_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        r = int_from_str_value(x, (int)base);
    } else {
        r = wf_int_from_object(x);
    }
    if (!r || type == &wf_type_int)
        return r;
    Value s = int_subclass_new(type, r);
    wf_decref(r);
    return s;
}

/* ---- methods ---- */

static Value int_m_bit_length(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("int.bit_length", nargs, 0, 0) < 0 || wf_no_kwargs("int.bit_length", kw) < 0)
        return 0;
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, self);
    return wf_int_from_u64(mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2));
}

static Value int_m_bit_count(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("int.bit_count", nargs, 0, 0) < 0 || wf_no_kwargs("int.bit_count", kw) < 0)
        return 0;
    IntView iv;
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, wf_int_view(&iv, self));
    uint64_t n = mpz_popcount(a);
    mpz_clear(a);
    return wf_int_from_u64(n);
}

static Value int_m_self(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("int.conjugate", nargs, 0, 0) < 0 || wf_no_kwargs("int.conjugate", kw) < 0)
        return 0;
    return int_exact(self);
}

static Value int_m_float(Value self, const Value *args, size_t nargs, Value kw)
{
    double d = wf_int_as_double(self);
    if (d == -1.0 && wf_err_occurred())
        return 0;
    return wf_float_new(d);
}

static Value int_m_round(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__round__", nargs, 0, 1) < 0)
        return 0;
    if (nargs == 0 || args[0] == wf_None)
        return int_exact(self);
    Value nd = wf_index(args[0]);
    if (!nd)
        return 0;
    if (wf_int_sign(nd) >= 0) {
        wf_decref(nd);
        return int_exact(self);
    }
    /* Round to a multiple of 10**-nd, ties to even (CPython's _PyLong_Round). */
    Value nn = int_unary(nd, WF_UNOP_NEG);
    wf_decref(nd);
    int64_t e;
    int rc = wf_int_as_i64(nn, &e);
    wf_decref(nn);
    if (rc < 0) {
        wf_err_clear();  /* 10**-ndigits dwarfs any int we can hold */
        return wf_small(0);
    }
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, self);
    if ((uint64_t)e > mpz_sizeinbase(z, 10) + 1)
        return wf_small(0);
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)e);
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, twice, NULL);
    return wf_int_steal_mpz(q);
}

static Value int_m_as_integer_ratio(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("int.as_integer_ratio", nargs, 0, 0) < 0)
        return 0;
    Value e = int_exact(self);
    Value t = wf_tuple_pack(2, e, wf_small(1));
    wf_decref(e);
    return t;
}

static Value int_m_format(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("int.__format__", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return wf_int_format(self, args[0]);
}

static Value int_m_getnewargs(Value self, const Value *args, size_t nargs, Value kw)
{
    Value e = int_exact(self);
    Value t = wf_tuple_pack(1, e);
    wf_decref(e);
    return t;
}

/* __pow__/__rpow__ with the optional modulo of 3-argument pow(). */
static Value int_pow3(Value a, Value b, Value m)
{
    if (!wf_is_int(a) || !wf_is_int(b))
        return wf_NotImplemented;
    if (!m || m == wf_None)
        return int_pow(a, b);
    if (!wf_is_int(m))
        return wf_NotImplemented;
    return wf_int_pow_mod(a, b, m);
}

static Value int_m_pow(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("", nargs, 1, 2) < 0)
        return 0;
    return int_pow3(self, args[0], nargs > 1 ? args[1] : 0);
}

static Value int_m_rpow(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__rpow__", nargs, 1, 2) < 0)
        return 0;
    return int_pow3(args[0], self, nargs > 1 ? args[1] : 0);
}

static Value int_m_divmod(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__divmod__", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_int(args[0]))
        return wf_NotImplemented;
    return int_divmod(self, args[0]);
}

static Value int_m_rdivmod(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__rdivmod__", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_int(args[0]))
        return wf_NotImplemented;
    return int_divmod(args[0], self);
}

static Value int_m_sizeof(Value self, const Value *args, size_t nargs, Value kw)
{
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, self);
    size_t digits = (mpz_sizeinbase(z, 2) + 29) / 30;
    return wf_int_from_u64(24 + 4 * (digits ? digits : 1));
}

static const MethodDef int_methods[] = {
    {"bit_length", int_m_bit_length, 0, "Number of bits necessary to represent self in binary."},
    {"bit_count", int_m_bit_count, 0, "Number of ones in the binary representation of abs(self)."},
    {"conjugate", int_m_self, 0, "Returns self, the complex conjugate of any int."},
    {"__trunc__", int_m_self, 0, "Truncating an Integral returns itself."},
    {"__floor__", int_m_self, 0, "Flooring an Integral returns itself."},
    {"__ceil__", int_m_self, 0, "Ceiling of an Integral returns itself."},
    {"__round__", int_m_round, 0, "Rounding an Integral returns itself."},
    {"__float__", int_m_float, 0, "float(self)"},
    {"as_integer_ratio", int_m_as_integer_ratio, 0, "Return integer ratio."},
    {"__format__", int_m_format, 0, "Convert to a string according to format_spec."},
    {"__getnewargs__", int_m_getnewargs, 0, NULL},
    {"__pow__", int_m_pow, 0, "Return pow(self, value, mod)."},
    {"__rpow__", int_m_rpow, 0, "Return pow(value, self, mod)."},
    {"__divmod__", int_m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", int_m_rdivmod, 0, "Return divmod(value, self)."},
    {"__sizeof__", int_m_sizeof, 0, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static Value int_get_self(Value self) { return int_exact(self); }
static Value int_get_zero(Value self) { return wf_small(0); }
static Value int_get_one(Value self) { return wf_small(1); }

static const GetSetDef int_getset[] = {
    {"real", int_get_self, NULL},
    {"imag", int_get_zero, NULL},
    {"numerator", int_get_self, NULL},
    {"denominator", int_get_one, NULL},
    {NULL, NULL, NULL},
};

static Value int_slot_int(Value v) { return int_exact(v); }

static Value int_slot_float(Value v)
{
    return int_m_float(v, NULL, 0, 0);
}

TypeObject wf_type_int = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "int",
    .tp_basicsize = sizeof(IntObject),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_INT_SUBCLASS,
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_str = int_repr,
    .tp_hash = wf_int_hash,
    .tp_richcompare = int_richcompare,
    .tp_new = int_new,
    .tp_bool = int_bool,
    .tp_binop = int_binop,
    .tp_unary = int_unary,
    .tp_int = int_slot_int,
    .tp_index = int_slot_int,
    .tp_float = int_slot_float,
    .tp_format = wf_int_format,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
};

void wf_int_init(void)
{
    wf_type_ready(&wf_type_int);
    wf_bool_init();
}
