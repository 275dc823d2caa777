/* weft: the float type: IEEE doubles with CPython's semantics. */
/* float/int operands -> float results, repr, hash, float(x). */
#include <math.h>
#include <float.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <strings.h>
#include "int.h"
#include "objimpl.h"

/*
 * Everything here follows CPython's Objects/floatobject.c so that results are
 * bit-identical: the floor-division/modulo rules of float_divmod, the special
 * cases of float_pow before libm's pow, the exact int/float comparison and
 * the hash of _Py_HashDouble. The build uses -ffp-contract=off so the C
 * compiler does not fuse multiply-adds behind our back.
 */

/* The free list of exact floats (types.h). */
_Thread_local Object *wf_float_free_list __attribute__((tls_model("initial-exec")));
_Thread_local unsigned wf_float_free_count __attribute__((tls_model("initial-exec")));

Value wf_float_new(double d)
{
    Object *o = wf_float_free_list;
    if (WF_LIKELY(o != NULL))
        return wf_float_new_inline(d);
    o = wf_object_alloc_uninit(&wf_type_float, sizeof(FloatObject));
    ((FloatObject *)o)->value = d;
    return wf_val(o);
}

/* At thread exit (from wf_object_thread_fini): the thread's free floats go
 * back to malloc, or they would leak with the thread-local list head. */
void wf_float_thread_fini(void)
{
    while (wf_float_free_list) {
        Object *o = wf_float_free_list;
        wf_float_free_list = *(Object **)o;
        wf_object_free_sized(o, sizeof(FloatObject));
    }
    wf_float_free_count = 0;
}

static void float_dealloc(Object *o)
{
    if (WF_LIKELY(o->ob_type == &wf_type_float)) {
        if (!wf_float_free_push(o))
            wf_object_free_sized(o, sizeof(FloatObject));
    } else {
        wf_object_free(o);
    }
}

/* ---- repr ---- */

/* The shortest "%.*e" precision that reads back as d. For a double that is an
 * exact power of two, the gap below is half the gap above, so the nearest
 * p-digit string can miss while its upper neighbour still round-trips; try it
 * too so that we match David Gay's shortest mode. */
static int flt_try_upper(double d, char *buf, size_t cap)
{
    char *e = strchr(buf, 'e');
    char *q = e - 1;
    while (q >= buf && (*q == '9' || *q == '.')) {
        if (*q == '9')
            *q = '0';
        q--;
    }
    if (q < buf)
        return 0;  /* 9.99..: carrying would change the exponent; give up */
    (*q)++;
    return strtod(buf, NULL) == d;
}

/* Writes "%.*e" of d with precision p into buf (or its upper neighbour when
 * only that one reads back as d) and says whether it round-trips. */
static bool flt_roundtrips(double d, int p, char *buf, size_t cap)
{
    snprintf(buf, cap, "%.*e", p, d);
    double back = strtod(buf, NULL);
    if (back == d)
        return true;
    if (back < d && flt_try_upper(d, buf, cap))
        return true;
    snprintf(buf, cap, "%.*e", p, d);
    return false;
}

int wf_float_shortest(double d, char *digits)
{
    char buf[48];
    d = fabs(d);
    /* Round-tripping is monotonic in the precision (p-digit decimals are
     * also (p+1)-digit ones), so binary-search the smallest p; 16 always works. */
    int lo = 0, hi = 16;
    /* Most doubles from arithmetic need 16 or 17 digits: test that first. */
    if (!flt_roundtrips(d, 14, buf, sizeof buf))
        lo = 15;
    else
        hi = 14;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (flt_roundtrips(d, mid, buf, sizeof buf))
            hi = mid;
        else
            lo = mid + 1;
    }
    flt_roundtrips(d, lo, buf, sizeof buf);
    /* buf is "D[.DDD]e[+-]XX": collect digits, drop trailing zeros. */
    size_t n = 0;
    const char *p = buf;
    for (; *p != 'e'; p++)
        if (*p != '.')
            digits[n++] = *p;
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    return atoi(p + 1) + 1;
}

size_t wf_float_repr_buf(double d, char *buf)
{
    if (isnan(d))
        return (size_t)sprintf(buf, "nan");
    if (isinf(d))
        return (size_t)sprintf(buf, d > 0 ? "inf" : "-inf");
    char *o = buf;
    if (signbit(d))
        *o++ = '-';
    if (d == 0) {
        strcpy(o, "0.0");
        return (size_t)(o - buf) + 3;
    }
    char digits[24];
    int decpt = wf_float_shortest(d, digits);
    int n = (int)strlen(digits);
    if (decpt <= -4 || decpt > 16) {
        *o++ = digits[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)n - 1);
            o += n - 1;
        }
        o += sprintf(o, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
    } else if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++)
            *o++ = '0';
        memcpy(o, digits, (size_t)n);
        o += n;
    } else if (decpt >= n) {
        memcpy(o, digits, (size_t)n);
        o += n;
        for (int i = n; i < decpt; i++)
            *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, digits, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, digits + decpt, (size_t)(n - decpt));
        o += n - decpt;
    }
    *o = 0;
    return (size_t)(o - buf);
}

Value wf_float_repr(double d)
{
    char buf[48];
    size_t n = wf_float_repr_buf(d, buf);
    return wf_str_new(buf, n);
}

static Value float_repr(Value v) { return wf_float_repr(wf_float_val(v)); }

/* ---- hash (_Py_HashDouble) ---- */

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

Hash wf_float_hash(double v)
{
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0, y;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;  /* 2**28 */
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (Hash)x;
}

/* NaNs hash by identity since 3.10, like CPython's _Py_HashPointer. */
static Hash float_hash(Value v)
{
    double d = wf_float_val(v);
    if (isnan(d)) {
        uintptr_t y = (uintptr_t)v;
        Hash h = (Hash)((y >> 4) | (y << (8 * sizeof(y) - 4)));
        return h == -1 ? -2 : h;
    }
    return wf_float_hash(d);
}

/* ---- conversions ---- */

int wf_float_convert(Value v, double *out)
{
    if (wf_is_float(v)) {
        *out = wf_float_val(v);
        return 1;
    }
    if (wf_is_int(v)) {
        *out = wf_int_as_double(v);
        return (*out == -1.0 && wf_err_occurred()) ? -1 : 1;
    }
    return 0;
}

/* PyFloat_AsDouble: ints and floats, then __float__ / __index__; strings
 * are not numbers here. */
double wf_as_double(Value v)
{
    double d;
    int rc = wf_float_convert(v, &d);
    if (rc != 0)
        return rc > 0 ? d : -1.0;
    TypeObject *t = wf_type(v);
    Value m = 0;
    if (t->tp_float || t->tp_index || (m = wf_lookup_special(v, WF_ID(__float__))) ||
        (!wf_err_occurred() && (m = wf_lookup_special(v, WF_ID(__index__))))) {
        wf_xdecref(m);
        Value f = wf_float_from_object(v);
        if (!f)
            return -1.0;
        d = wf_float_val(f);
        wf_decref(f);
        return d;
    }
    if (!wf_err_occurred())
        wf_err_format(wf_exc_TypeError, "must be real number, not %T", v);
    return -1.0;
}

/* ---- arithmetic ---- */

static Value flt_overflow_errno(void)
{
    Value args[2] = {wf_small(ERANGE), wf_str_from_cstr("Numerical result out of range")};
    Value exc = wf_exc_new(wf_exc_OverflowError, args, 2);
    wf_decref(args[1]);
    if (!exc)
        return 0;
    wf_err_raise(exc);
    wf_decref(exc);
    return 0;
}

static bool flt_is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

/* CPython's float_pow special cases, then libm. */
static Value flt_pow(double iv, double iw)
{
    bool negate = false;
    if (iw == 0)
        return wf_float_new(1.0);
    if (isnan(iv))
        return wf_float_new(iv);
    if (isnan(iw))
        return wf_float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return wf_float_new(1.0);
        return wf_float_new((iw > 0.0) == (iv > 1.0) ? fabs(iw) : 0.0);
    }
    if (isinf(iv)) {
        bool odd = flt_is_odd_integer(iw);
        if (iw > 0.0)
            return wf_float_new(odd ? iv : fabs(iv));
        return wf_float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        if (iw < 0.0)
            return wf_err_set_str(wf_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return wf_float_new(flt_is_odd_integer(iw) ? iv : 0.0);
    }
    if (iv < 0.0) {
        /* CPython returns a complex here; weft has no complex type yet. */
        if (iw != floor(iw))
            return wf_err_set_str(wf_exc_ValueError, "math domain error");
        iv = -iv;
        negate = flt_is_odd_integer(iw);
    }
    if (iv == 1.0)
        return wf_float_new(negate ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (errno == 0 && isinf(ix))
        errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0)
        errno = 0;
    if (errno == ERANGE)
        return flt_overflow_errno();
    if (errno != 0)
        return wf_err_set_str(wf_exc_ValueError, "math domain error");
    return wf_float_new(negate ? -ix : ix);
}

/* float_divmod's floor quotient and modulo (wx != 0). */
static void flt_divmod(double vx, double wx, double *floordiv, double *mod)
{
    double m = fmod(vx, wx);
    double div = (vx - m) / wx;
    if (m) {
        if ((wx < 0) != (m < 0)) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *mod = m;
}

static Value flt_arith(double x, double y, int op)
{
    double q, m;
    switch (op) {
    case WF_BINOP_ADD: return wf_float_new(x + y);
    case WF_BINOP_SUB: return wf_float_new(x - y);
    case WF_BINOP_MUL: return wf_float_new(x * y);
    case WF_BINOP_TRUEDIV:
        if (y == 0.0)
            return wf_err_set_str(wf_exc_ZeroDivisionError, "float division by zero");
        return wf_float_new(x / y);
    case WF_BINOP_FLOORDIV:
        if (y == 0.0)
            return wf_err_set_str(wf_exc_ZeroDivisionError, "float floor division by zero");
        flt_divmod(x, y, &q, &m);
        return wf_float_new(q);
    case WF_BINOP_MOD:
        if (y == 0.0)
            return wf_err_set_str(wf_exc_ZeroDivisionError, "float modulo");
        m = fmod(x, y);
        if (m) {
            if ((y < 0) != (m < 0))
                m += y;
        } else {
            m = copysign(0.0, y);
        }
        return wf_float_new(m);
    case WF_BINOP_POW: return flt_pow(x, y);
    default: return wf_NotImplemented;
    }
}

/* Both operands as doubles: 1 ok, 0 not a number pair, -1 error. */
static int flt_operands(Value a, Value b, double *x, double *y)
{
    if (!(wf_is_float(a) || wf_is_int(a)) || !(wf_is_float(b) || wf_is_int(b)))
        return 0;
    if (wf_float_convert(a, x) < 0 || wf_float_convert(b, y) < 0)
        return -1;
    return 1;
}

static Value float_binop(Value a, Value b, int op)
{
    double x, y;
    if (op > WF_BINOP_POW)
        return wf_NotImplemented;
    if (wf_is_float_exact(a) && wf_is_float_exact(b))
        return flt_arith(wf_float_val(a), wf_float_val(b), op);
    int rc = flt_operands(a, b, &x, &y);
    if (rc <= 0)
        return rc < 0 ? 0 : wf_NotImplemented;
    return flt_arith(x, y, op);
}

static Value float_divmod(Value a, Value b)
{
    double x, y, q, m;
    int rc = flt_operands(a, b, &x, &y);
    if (rc <= 0)
        return rc < 0 ? 0 : wf_NotImplemented;
    if (y == 0.0)
        return wf_err_set_str(wf_exc_ZeroDivisionError, "float divmod()");
    flt_divmod(x, y, &q, &m);
    Value fq = wf_float_new(q), fm = wf_float_new(m);
    Value t = wf_tuple_pack(2, fq, fm);
    wf_decref(fq);
    wf_decref(fm);
    return t;
}

static Value float_unary(Value a, int op)
{
    double x = wf_float_val(a);
    switch (op) {
    case WF_UNOP_NEG: return wf_float_new(-x);
    case WF_UNOP_POS: return wf_is_float_exact(a) ? wf_incref(a) : wf_float_new(x);
    case WF_UNOP_ABS: return wf_float_new(fabs(x));
    default: return wf_NotImplemented;
    }
}

static int float_bool(Value v) { return wf_float_val(v) != 0.0; }

static bool flt_cmp(double x, double y, int op)
{
    switch (op) {
    case WF_LT: return x < y;
    case WF_LE: return x <= y;
    case WF_EQ: return x == y;
    case WF_NE: return x != y;
    case WF_GT: return x > y;
    default: return x >= y;
    }
}

/* Swap the sense of op for b OP a. */
static int flt_swap_op(int op)
{
    static const int swapped[] = {WF_GT, WF_GE, WF_EQ, WF_NE, WF_LT, WF_LE};
    return swapped[op];
}

static Value float_richcompare(Value a, Value b, int op)
{
    if (!wf_is_float(a))
        return wf_NotImplemented;
    double x = wf_float_val(a);
    if (wf_is_float(b))
        return wf_bool(flt_cmp(x, wf_float_val(b), op));
    if (!wf_is_int(b))
        return wf_NotImplemented;
    int c = wf_int_cmp_double(b, x);  /* int vs float, exact */
    if (c == 2)
        return wf_bool(op == WF_NE);
    return wf_bool(flt_cmp((double)c, 0.0, flt_swap_op(op)));
}

/* ---- float(x) ---- */

static bool flt_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Validates Python's float literal syntax (with underscores only between
 * digits) and copies it to out without underscores. */
static bool flt_clean(const char *p, const char *end, char *out)
{
    char *o = out;
    if (p < end && (*p == '+' || *p == '-'))
        *o++ = *p++;
    size_t rest = (size_t)(end - p);
    static const char *const words[] = {"inf", "infinity", "nan"};
    for (int i = 0; i < 3; i++)
        if (rest == strlen(words[i]) && strncasecmp(p, words[i], rest) == 0) {
            memcpy(o, p, rest);
            o[rest] = 0;
            return true;
        }
    int ndigits = 0, state = 0;  /* 0 mantissa int part, 1 fraction, 2 exponent */
    bool prev_digit = false, exp_digits = false;
    for (; p < end; p++) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            *o++ = c;
            prev_digit = true;
            if (state < 2)
                ndigits++;
            else
                exp_digits = true;
        } else if (c == '_') {
            if (!prev_digit || p + 1 >= end || !(p[1] >= '0' && p[1] <= '9'))
                return false;
            prev_digit = false;
        } else if (c == '.' && state == 0) {
            *o++ = c;
            state = 1;
            prev_digit = false;
        } else if ((c == 'e' || c == 'E') && state < 2 && ndigits > 0) {
            *o++ = c;
            state = 2;
            prev_digit = false;
            if (p + 1 < end && (p[1] == '+' || p[1] == '-'))
                *o++ = *++p;
        } else {
            return false;
        }
    }
    *o = 0;
    return ndigits > 0 && (state < 2 || exp_digits);
}

static Value flt_from_string(Value s)
{
    StrObject *so = wf_as_str(s);
    size_t alen = so->len;
    char *ascii = so->ascii ? NULL : wf_num_ascii(so->data, so->len, &alen);
    const char *p = ascii ? ascii : so->data, *end = p + alen;
    while (p < end && flt_space(*p))
        p++;
    while (end > p && flt_space(end[-1]))
        end--;
    char *buf = wf_mem_alloc((size_t)(end - p) + 2);
    bool ok = flt_clean(p, end, buf);
    double d = ok ? strtod(buf, NULL) : 0.0;
    wf_mem_free(buf);
    wf_mem_free(ascii);
    if (!ok)
        return wf_err_format(wf_exc_ValueError, "could not convert string to float: %R", s);
    return wf_float_new(d);
}

static Value flt_check_result(Value r, Value v)
{
    if (!r || wf_is_float(r))
        return r;
    wf_err_format(wf_exc_TypeError, "%s.__float__ returned non-float (type %T)", wf_type_name(v), r);
    wf_decref(r);
    return 0;
}

Value wf_float_from_object(Value v)
{
    if (wf_is_float_exact(v))
        return wf_incref(v);
    /* Subclasses of int and float go through tp_float (an override of
     * __float__ wins, as in CPython). */
    if (wf_is_small(v) || wf_is_type_exact(v, &wf_type_int) || wf_is_bool(v)) {
        double d = wf_int_as_double(v);
        return (d == -1.0 && wf_err_occurred()) ? 0 : wf_float_new(d);
    }
    if (wf_is_str(v))
        return flt_from_string(v);
    TypeObject *t = wf_type(v);
    Value m = 0;
    if (t->tp_float || (m = wf_lookup_special(v, WF_ID(__float__)))) {
        Value r = flt_check_result(m ? wf_call0(m) : t->tp_float(v), v);
        wf_xdecref(m);
        if (r && !wf_is_float_exact(r)) {
            Value f = wf_float_new(wf_float_val(r));
            wf_decref(r);
            return f;
        }
        return r;
    }
    if (wf_err_occurred())
        return 0;
    if (t->tp_index || (m = wf_lookup_special(v, WF_ID(__index__)))) {
        wf_xdecref(m);
        Value i = wf_index(v);
        if (!i)
            return 0;
        Value f = wf_float_from_object(i);
        wf_decref(i);
        return f;
    }
    if (wf_err_occurred())
        return 0;
    return wf_err_format(wf_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                         wf_type_name(v));
}

static Value float_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("float", kwnames) < 0 || wf_check_nargs("float", nargs, 0, 1) < 0)
        return 0;
    Value r = nargs == 0 ? wf_float_new(0.0) : wf_float_from_object(args[0]);
    if (!r || type == &wf_type_float)
        return r;
    size_t size = type->tp_basicsize > sizeof(FloatObject) ? type->tp_basicsize : sizeof(FloatObject);
    FloatObject *f = (FloatObject *)wf_object_alloc(type, size);
    f->value = wf_float_val(r);
    wf_decref(r);
    return wf_val(f);
}

/* ---- rounding ---- */

#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

/* round(x, n) for n < 0: exact half-even rounding of x / 10**-n on GMP. */
static double flt_round_negative(double x, int n)
{
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_set_d(q, x);  /* |x| >= 2**52 is integral; smaller x are handled exactly below */
    mpz_ui_pow_ui(p, 10, (unsigned long)-n);
    double frac = x - trunc(x);
    mpz_fdiv_qr(q, r, q, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    /* x's fractional part only matters at an exact half of the integer remainder. */
    if (c == 0 && frac != 0.0)
        c = x > 0 ? 1 : -1;
    if (c > 0 || (c == 0 && mpz_odd_p(q)))
        mpz_add_ui(q, q, 1);
    char *digits = mpz_get_str(NULL, 10, q);
    size_t len = strlen(digits);
    char *buf = wf_mem_alloc(len + 16);
    snprintf(buf, len + 16, "%se%d", digits, -n);
    double d = strtod(buf, NULL);
    if (d == 0.0 && signbit(x))
        d = -0.0;
    wf_mem_free(buf);
    void (*freefn)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefn);
    freefn(digits, len + 1);
    mpz_clears(p, q, r, twice, NULL);
    return d;
}

static Value flt_round_ndigits(double x, int64_t nd)
{
    if (!isfinite(x) || nd > NDIGITS_MAX)
        return wf_float_new(x);
    if (nd < NDIGITS_MIN)
        return wf_float_new(0.0 * x);
    double d;
    if (nd >= 0) {
        char buf[1200];
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);  /* glibc: exact, ties to even */
        d = strtod(buf, NULL);
    } else {
        d = flt_round_negative(x, (int)nd);
    }
    if (isinf(d))
        return wf_err_set_str(wf_exc_OverflowError, "rounded value too large to represent");
    return wf_float_new(d);
}

Value wf_float_round(double x, Value ndigits)
{
    if (!ndigits || ndigits == wf_None) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return wf_int_from_double(r);
    }
    Value i = wf_index(ndigits);
    if (!i)
        return 0;
    int64_t nd;
    if (wf_int_as_i64(i, &nd) < 0) {
        /* Huge ndigits: behave like the extremes. */
        wf_err_clear();
        nd = wf_int_sign(i) > 0 ? INT64_MAX : INT64_MIN;
    }
    wf_decref(i);
    return flt_round_ndigits(x, nd);
}

/* ---- methods ---- */

#define FLT_NOARGS(fname) \
    if (wf_check_nargs(fname, nargs, 0, 0) < 0 || wf_no_kwargs(fname, kw) < 0) \
        return 0

static Value float_m_round(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__round__", nargs, 0, 1) < 0)
        return 0;
    return wf_float_round(wf_float_val(self), nargs ? args[0] : 0);
}

static Value float_m_trunc(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.__trunc__");
    return wf_int_from_double(wf_float_val(self));
}

static Value float_m_floor(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.__floor__");
    return wf_int_from_double(floor(wf_float_val(self)));
}

static Value float_m_ceil(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.__ceil__");
    return wf_int_from_double(ceil(wf_float_val(self)));
}

static Value float_m_is_integer(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.is_integer");
    double x = wf_float_val(self);
    return wf_bool(isfinite(x) && floor(x) == x);
}

static Value float_m_conjugate(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.conjugate");
    return wf_is_float_exact(self) ? wf_incref(self) : wf_float_new(wf_float_val(self));
}

static Value float_m_as_integer_ratio(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.as_integer_ratio");
    double x = wf_float_val(self);
    if (isinf(x))
        return wf_err_set_str(wf_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(x))
        return wf_err_set_str(wf_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    Value n = wf_int_steal_mpz(num), d = wf_int_steal_mpz(den);
    Value t = wf_tuple_pack(2, n, d);
    wf_decref(n);
    wf_decref(d);
    return t;
}

static Value float_m_hex(Value self, const Value *args, size_t nargs, Value kw)
{
    FLT_NOARGS("float.hex");
    double x = wf_float_val(self);
    if (!isfinite(x) || x == 0.0) {
        char buf[48];
        size_t n = x == 0.0 ? (size_t)sprintf(buf, "%s0x0.0p+0", signbit(x) ? "-" : "")
                            : wf_float_repr_buf(x, buf);
        return wf_str_new(buf, n);
    }
    /* CPython prints 13 hex digits of a normalized mantissa 1.xxx. */
    int e;
    double m = frexp(fabs(x), &e);  /* m in [0.5, 1) */
    m *= 2.0;
    e -= 1;
    if (e < DBL_MIN_EXP - 1) {  /* subnormal: keep CPython's shift rule */
        m = ldexp(m, e - (DBL_MIN_EXP - 1));
        e = DBL_MIN_EXP - 1;
    }
    char buf[64], *o = buf;
    if (x < 0)
        *o++ = '-';
    int lead = (int)m;
    m -= lead;
    o += sprintf(o, "0x%d.", lead);
    for (int i = 0; i < 13; i++) {
        m *= 16.0;
        int dgt = (int)m;
        m -= dgt;
        *o++ = "0123456789abcdef"[dgt];
    }
    o += sprintf(o, "p%c%d", e < 0 ? '-' : '+', abs(e));
    return wf_str_new(buf, (size_t)(o - buf));
}

static Value float_m_fromhex(Value cls, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("float.fromhex", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "must be str, not %T", args[0]);
    const char *src = wf_str_cstr(args[0]);
    while (flt_space(*src))
        src++;
    /* strtod wants the 0x prefix that Python's fromhex makes optional. */
    size_t n = strlen(src);
    char *s = wf_mem_alloc(n + 3), *p = s;
    if (*src == '+' || *src == '-')
        *p++ = *src++;
    bool word = (*src == 'i' || *src == 'I' || *src == 'n' || *src == 'N');
    if (!word && !(src[0] == '0' && (src[1] == 'x' || src[1] == 'X'))) {
        *p++ = '0';
        *p++ = 'x';
    }
    strcpy(p, src);
    char *end;
    double d = strtod(s, &end);
    const char *t = end;
    while (flt_space(*t))
        t++;
    bool bad = end == s || *t || (word && strchr(s, '(') != NULL);
    wf_mem_free(s);
    if (bad)
        return wf_err_set_str(wf_exc_ValueError, "invalid hexadecimal floating-point string");
    if (isinf(d) && !word)
        return wf_err_set_str(wf_exc_OverflowError, "hexadecimal value too large to represent as a float");
    Value f = wf_float_new(d);
    if (wf_is_type(cls) && wf_as_type(cls) != &wf_type_float) {
        Value r = wf_call1(cls, f);
        wf_decref(f);
        return r;
    }
    return f;
}

static Value float_m_format(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("float.__format__", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "__format__() argument must be str, not %T", args[0]);
    return wf_float_format(self, args[0]);
}

static Value float_m_pow(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__pow__", nargs, 1, 2) < 0)
        return 0;
    if (nargs == 2 && args[1] != wf_None)
        return wf_err_set_str(wf_exc_TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binop(self, args[0], WF_BINOP_POW);
}

static Value float_m_rpow(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__rpow__", nargs, 1, 2) < 0)
        return 0;
    if (nargs == 2 && args[1] != wf_None)
        return wf_err_set_str(wf_exc_TypeError,
                              "pow() 3rd argument not allowed unless all arguments are integers");
    return float_binop(args[0], self, WF_BINOP_POW);
}

static Value float_m_divmod(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__divmod__", nargs, 1, 1) < 0)
        return 0;
    return float_divmod(self, args[0]);
}

static Value float_m_rdivmod(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("__rdivmod__", nargs, 1, 1) < 0)
        return 0;
    return float_divmod(args[0], self);
}

static Value float_m_getnewargs(Value self, const Value *args, size_t nargs, Value kw)
{
    Value f = wf_float_new(wf_float_val(self));
    Value t = wf_tuple_pack(1, f);
    wf_decref(f);
    return t;
}

static Value float_m_sizeof(Value self, const Value *args, size_t nargs, Value kw)
{
    return wf_small(24);  /* CPython's sizeof(PyFloatObject) */
}

static const MethodDef float_methods[] = {
    {"__sizeof__", float_m_sizeof, 0, "Return size of object in memory, in bytes."},
    {"__round__", float_m_round, 0, "Return the Integral closest to x, rounding half toward even."},
    {"__trunc__", float_m_trunc, 0, "Return the Integral closest to x between 0 and x."},
    {"__floor__", float_m_floor, 0, "Return the floor as an Integral."},
    {"__ceil__", float_m_ceil, 0, "Return the ceiling as an Integral."},
    {"is_integer", float_m_is_integer, 0, "Return True if the float is an integer."},
    {"conjugate", float_m_conjugate, 0, "Return self, the complex conjugate of any float."},
    {"as_integer_ratio", float_m_as_integer_ratio, 0, "Return integer ratio."},
    {"hex", float_m_hex, 0, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", float_m_fromhex, WF_METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"__format__", float_m_format, 0, "Formats the float according to format_spec."},
    {"__pow__", float_m_pow, 0, "Return pow(self, value, mod)."},
    {"__rpow__", float_m_rpow, 0, "Return pow(value, self, mod)."},
    {"__divmod__", float_m_divmod, 0, "Return divmod(self, value)."},
    {"__rdivmod__", float_m_rdivmod, 0, "Return divmod(value, self)."},
    {"__getnewargs__", float_m_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};

static Value float_get_real(Value self)
{
    return wf_is_float_exact(self) ? wf_incref(self) : wf_float_new(wf_float_val(self));
}

static Value float_get_imag(Value self) { return wf_float_new(0.0); }

static const GetSetDef float_getset[] = {
    {"real", float_get_real, NULL},
    {"imag", float_get_imag, NULL},
    {NULL, NULL, NULL},
};

static Value float_slot_int(Value v) { return wf_int_from_double(wf_float_val(v)); }
static Value float_slot_float(Value v) { return float_get_real(v); }

TypeObject wf_type_float = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "float",
    .tp_basicsize = sizeof(FloatObject),
    .tp_flags = WF_TPF_BASETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_str = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_new = float_new,
    .tp_bool = float_bool,
    .tp_binop = float_binop,
    .tp_unary = float_unary,
    .tp_int = float_slot_int,
    .tp_float = float_slot_float,
    .tp_format = wf_float_format,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
};

void wf_float_init(void)
{
    wf_type_ready(&wf_type_float);
    wf_register_builtin_module("math", wf_math_module_create);
    wf_register_builtin_module("random", wf_random_module_create);
    wf_register_builtin_module("time", wf_time_module_create);
}
