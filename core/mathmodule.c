/* weft: the math module. */
/* float/int arguments -> libm results with CPython's special cases and errors. */
#include <math.h>
#include <float.h>
#include <errno.h>
#include "int.h"
#include "runtime.h"

/*
 * Error reporting follows CPython's math_1/is_error:
 *  1. a NaN result from a non-NaN argument is ValueError("math domain error");
 *  2. an infinite result from a finite argument is OverflowError("math range
 *     error") for functions that can overflow, ValueError otherwise (poles);
 *  3. ERANGE with a small result is an underflow and not an error.
 * gamma and lgamma are CPython's own Lanczos code (not glibc's), and hypot,
 * dist and fsum use CPython's algorithms, so the last bits agree.
 */

static const double m_pi = 3.141592653589793238462643383279502884197;
static const double m_logpi = 1.144729885849400174143427351353058711647;

static Value m_domain(void) { return wf_err_set_str(wf_exc_ValueError, "math domain error"); }
static Value m_range(void) { return wf_err_set_str(wf_exc_OverflowError, "math range error"); }

/* The argument as a double (PyFloat_AsDouble): -1 on error. */
static int m_arg(Value v, double *out)
{
    *out = wf_as_double(v);
    return (*out == -1.0 && wf_err_occurred()) ? -1 : 0;
}

/* is_error(): errno set by libm -> exception, or 0 for a harmless underflow. */
static bool m_is_error(double r)
{
    if (errno == EDOM) {
        m_domain();
        return true;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5)
            return false;
        m_range();
        return true;
    }
    return false;
}

static Value m_check(double x, double r, bool can_overflow)
{
    if (isnan(r) && !isnan(x))
        return m_domain();
    if (isinf(r) && isfinite(x))
        return can_overflow ? m_range() : m_domain();
    if (isfinite(r) && errno && m_is_error(r))
        return 0;
    return wf_float_new(r);
}

static Value m_1(const Value *args, size_t nargs, const char *name, double (*fn)(double), bool can_overflow)
{
    double x;
    if (wf_check_nargs(name, nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    errno = 0;
    double r = fn(x);
    return m_check(x, r, can_overflow);
}

/* ---- gamma and lgamma (CPython's Lanczos approximation) ---- */

#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
/* The denominator is x*(x+1)*...*(x+LANCZOS_N-2). */
static const double lanczos_den[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

static double m_lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    /* Past 5.0 evaluate as a rational function of 1/x to avoid overflow. */
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

/* sin(pi * x), exact at the integers and half-integers. */
static double m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0), r = 0.0;
    switch ((int)round(2.0 * y)) {
    case 0: r = sin(m_pi * y); break;
    case 1: r = cos(m_pi * (y - 0.5)); break;
    case 2: r = sin(m_pi * (1.0 - y)); break;  /* not -sin(pi*(y-1)): keeps +0.0 */
    case 3: r = -cos(m_pi * (y - 1.5)); break;
    default: r = sin(m_pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* y**e for the Lanczos formula, split in two past 140 to avoid overflow. */
static double m_gamma_scale(double r, double y, double absx, bool divide)
{
    if (absx < 140.0)
        return divide ? r / pow(y, absx - 0.5) : r * pow(y, absx - 0.5);
    double s = pow(y, absx / 2.0 - 0.25);
    return divide ? r / s / s : r * s * s;
}

static double m_tgamma_fn(double x)
{
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    double y = absx + lanczos_g_minus_half, z, r;
    /* The error of y's rounding, kept to correct the result below. */
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -m_pi / m_sinpi(absx) / absx * exp(y) / m_lanczos_sum(absx);
        r -= z * r;
        r = m_gamma_scale(r, y, absx, true);
    } else {
        r = m_lanczos_sum(absx) / exp(y);
        r += z * r;
        r = m_gamma_scale(r, y, absx, false);
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma_fn(double x)
{
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(m_lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = m_logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* ---- one-argument functions ---- */

#define M_FUNC1(name, fn, over) \
    static Value m_##name(Value self, const Value *args, size_t nargs, Value kw) \
    { \
        return m_1(args, nargs, "math." #name, fn, over); \
    }
M_FUNC1(sqrt, sqrt, false)
M_FUNC1(exp, exp, true)
M_FUNC1(exp2, exp2, true)
M_FUNC1(expm1, expm1, true)
M_FUNC1(log1p, log1p, false)
M_FUNC1(sin, sin, false)
M_FUNC1(cos, cos, false)
M_FUNC1(tan, tan, false)
M_FUNC1(asin, asin, false)
M_FUNC1(acos, acos, false)
M_FUNC1(atan, atan, false)
M_FUNC1(sinh, sinh, true)
M_FUNC1(cosh, cosh, true)
M_FUNC1(tanh, tanh, false)
M_FUNC1(asinh, asinh, false)
M_FUNC1(acosh, acosh, false)
M_FUNC1(atanh, atanh, false)
M_FUNC1(erf, erf, false)
M_FUNC1(erfc, erfc, false)
M_FUNC1(fabs, fabs, false)
M_FUNC1(cbrt, cbrt, false)

/* math_1a: gamma and lgamma report their errors through errno only. */
static Value m_1a(const Value *args, size_t nargs, const char *name, double (*fn)(double))
{
    double x;
    if (wf_check_nargs(name, nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    errno = 0;
    double r = fn(x);
    if (errno && m_is_error(r))
        return 0;
    return wf_float_new(r);
}

static double m_degrees_fn(double x) { return x * (180.0 / m_pi); }
static double m_radians_fn(double x) { return x * (m_pi / 180.0); }

#define M_FUNC1A(name, fn) \
    static Value m_##name(Value self, const Value *args, size_t nargs, Value kw) \
    { \
        return m_1a(args, nargs, "math." #name, fn); \
    }
M_FUNC1A(gamma, m_tgamma_fn)
M_FUNC1A(lgamma, m_lgamma_fn)
M_FUNC1A(degrees, m_degrees_fn)
M_FUNC1A(radians, m_radians_fn)

/* ---- logarithms: ints too large for a double still have a log ---- */

static double m_log_fn(double x)
{
    if (isfinite(x)) {
        if (x > 0.0)
            return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0)
        return x;
    errno = EDOM;
    return NAN;
}

static double m_log2_fn(double x)
{
    if (!isfinite(x) || x > 0.0)
        return isfinite(x) ? log2(x) : m_log_fn(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10_fn(double x)
{
    if (!isfinite(x) || x > 0.0)
        return isfinite(x) ? log10(x) : m_log_fn(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

/* A huge positive int as m * 2**e, m in [0.5, 1) correctly rounded. */
static double m_int_frexp(Value v, int64_t *e)
{
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, v);
    size_t bits = mpz_sizeinbase(z, 2);
    size_t shift = bits - 55;
    mpz_t t;
    mpz_init(t);
    mpz_tdiv_q_2exp(t, z, shift);
    uint64_t top = (uint64_t)mpz_getlimbn(t, 0);
    if (mpz_scan1(z, 0) < shift)
        top |= 1;
    mpz_clear(t);
    int e0;
    double m = frexp((double)top, &e0);
    *e = e0 + (int64_t)shift;
    return m;
}

/* loghelper(): returns -1 on error, result in *out. */
static int m_loghelper(Value v, double (*fn)(double), double *out)
{
    if (wf_is_int(v)) {
        if (wf_int_sign(v) <= 0) {
            m_domain();
            return -1;
        }
        double x = wf_int_as_double(v);
        if (x == -1.0 && wf_err_occurred()) {
            if (!wf_err_matches(wf_exc_OverflowError))
                return -1;
            wf_err_clear();
            int64_t e;
            double m = m_int_frexp(v, &e);
            *out = fn(m) + fn(2.0) * (double)e;
            return 0;
        }
        *out = fn(x);
        return 0;
    }
    double x;
    if (m_arg(v, &x) < 0)
        return -1;
    errno = 0;
    double r = fn(x);
    Value f = m_check(x, r, false);
    if (!f)
        return -1;
    wf_decref(f);
    *out = r;
    return 0;
}

static Value m_log(Value self, const Value *args, size_t nargs, Value kw)
{
    if (nargs < 1 || nargs > 2)
        return wf_err_set_str(wf_exc_TypeError, "math.log requires 1 to 2 arguments");
    double num, den;
    if (m_loghelper(args[0], m_log_fn, &num) < 0)
        return 0;
    if (nargs == 1)
        return wf_float_new(num);
    if (m_loghelper(args[1], m_log_fn, &den) < 0)
        return 0;
    if (den == 0.0)
        return wf_err_set_str(wf_exc_ZeroDivisionError, "float division by zero");
    return wf_float_new(num / den);
}

static Value m_log_1(const Value *args, size_t nargs, const char *name, double (*fn)(double))
{
    double r;
    if (wf_check_nargs(name, nargs, 1, 1) < 0 || m_loghelper(args[0], fn, &r) < 0)
        return 0;
    return wf_float_new(r);
}

static Value m_log2(Value self, const Value *args, size_t nargs, Value kw)
{
    return m_log_1(args, nargs, "math.log2", m_log2_fn);
}

static Value m_log10(Value self, const Value *args, size_t nargs, Value kw)
{
    return m_log_1(args, nargs, "math.log10", m_log10_fn);
}

/* ---- two-argument functions ---- */

static int m_args2(const char *name, const Value *args, size_t nargs, double *x, double *y)
{
    if (wf_check_nargs(name, nargs, 2, 2) < 0 || m_arg(args[0], x) < 0 || m_arg(args[1], y) < 0)
        return -1;
    return 0;
}

static Value m_pow(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, y, r = 0.0;
    if (m_args2("pow", args, nargs, &x, &y) < 0)
        return 0;
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0)
                r = odd_y ? x : fabs(x);
            else if (y == 0.0)
                r = 1.0;
            else
                r = odd_y ? copysign(0.0, x) : 0.0;
        } else if (fabs(x) == 1.0)
            r = 1.0;
        else if (y > 0.0 && fabs(x) > 1.0)
            r = y;
        else if (y < 0.0 && fabs(x) < 1.0)
            r = -y;
        else
            r = 0.0;
    } else {
        r = pow(x, y);
        if (isnan(r))
            errno = EDOM;
        else if (isinf(r))
            errno = x == 0.0 ? EDOM : ERANGE;
    }
    if (errno && m_is_error(r))
        return 0;
    return wf_float_new(r);
}

static Value m_atan2(Value self, const Value *args, size_t nargs, Value kw)
{
    double y, x;
    if (m_args2("atan2", args, nargs, &y, &x) < 0)
        return 0;
    if (isnan(x) || isnan(y))
        return wf_float_new(NAN);
    if (isinf(y)) {
        if (isinf(x))
            return wf_float_new(copysign(copysign(1., x) == 1. ? 0.25 * m_pi : 0.75 * m_pi, y));
        return wf_float_new(copysign(0.5 * m_pi, y));
    }
    if (isinf(x) || y == 0.)
        return wf_float_new(copysign(1., x) == 1. ? copysign(0., y) : copysign(m_pi, y));
    return wf_float_new(atan2(y, x));
}

static Value m_fmod(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (m_args2("fmod", args, nargs, &x, &y) < 0)
        return 0;
    if (isinf(y) && isfinite(x))
        return wf_float_new(x);
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return m_domain();
    return wf_float_new(r);
}

/* IEEE remainder: x - n*y with n the nearest integer to x/y, ties to even. */
static double m_remainder_fn(double x, double y)
{
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0)
            return NAN;
        double absx = fabs(x), absy = fabs(y);
        double m = fmod(absx, absy);
        double c = absy - m, r;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else
            r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x))
        return x;
    if (isnan(y))
        return y;
    if (isinf(x))
        return NAN;
    return x;
}

static Value m_remainder(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (m_args2("remainder", args, nargs, &x, &y) < 0)
        return 0;
    double r = m_remainder_fn(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y))
        return m_domain();
    return wf_float_new(r);
}

static Value m_copysign(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (m_args2("copysign", args, nargs, &x, &y) < 0)
        return 0;
    return wf_float_new(copysign(x, y));
}

static Value m_nextafter(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, y;
    if (m_args2("nextafter", args, nargs, &x, &y) < 0)
        return 0;
    return wf_float_new(nextafter(x, y));
}

static Value m_ulp(Value self, const Value *args, size_t nargs, Value kw)
{
    double x;
    if (wf_check_nargs("math.ulp", nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    if (isnan(x))
        return wf_float_new(x);
    x = fabs(x);
    if (isinf(x))
        return wf_float_new(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2))
        return wf_float_new(x - nextafter(x, -INFINITY));
    return wf_float_new(x2 - x);
}

static Value m_ldexp(Value self, const Value *args, size_t nargs, Value kw)
{
    double x;
    if (wf_check_nargs("ldexp", nargs, 2, 2) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    if (!wf_is_int(args[1]))
        return wf_err_set_str(wf_exc_TypeError, "Expected an int as second argument to ldexp.");
    int64_t e;
    if (wf_int_as_i64(args[1], &e) < 0) {
        wf_err_clear();
        e = wf_int_sign(args[1]) > 0 ? INT32_MAX : INT32_MIN;
    }
    double r;
    if (x == 0.0 || !isfinite(x))
        r = x;
    else if (e > INT32_MAX)
        return m_range();
    else if (e < INT32_MIN)
        r = copysign(0.0, x);
    else {
        r = ldexp(x, (int)e);
        if (isinf(r))
            return m_range();
    }
    return wf_float_new(r);
}

static Value m_frexp(Value self, const Value *args, size_t nargs, Value kw)
{
    double x;
    if (wf_check_nargs("math.frexp", nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    Value f = wf_float_new(m);
    Value t = wf_tuple_pack(2, f, wf_small(e));
    wf_decref(f);
    return t;
}

static Value m_modf(Value self, const Value *args, size_t nargs, Value kw)
{
    double x, ip, fp;
    if (wf_check_nargs("math.modf", nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    Value a = wf_float_new(fp), b = wf_float_new(ip);
    Value t = wf_tuple_pack(2, a, b);
    wf_decref(a);
    wf_decref(b);
    return t;
}

static Value m_predicate(const Value *args, size_t nargs, const char *name, int which)
{
    double x;
    if (wf_check_nargs(name, nargs, 1, 1) < 0 || m_arg(args[0], &x) < 0)
        return 0;
    return wf_bool(which == 0 ? isnan(x) : which == 1 ? isinf(x) : isfinite(x));
}

static Value m_isnan(Value self, const Value *args, size_t nargs, Value kw) { return m_predicate(args, nargs, "math.isnan", 0); }
static Value m_isinf(Value self, const Value *args, size_t nargs, Value kw) { return m_predicate(args, nargs, "math.isinf", 1); }
static Value m_isfinite(Value self, const Value *args, size_t nargs, Value kw) { return m_predicate(args, nargs, "math.isfinite", 2); }

static Value m_isclose(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Value av = 0, bv = 0, rv = 0, tv = 0;
    if (wf_parse_args("isclose", args, nargs, kw, "OO|$OO", names, &av, &bv, &rv, &tv) < 0)
        return 0;
    double a, b, rel = 1e-09, abst = 0.0;
    if (m_arg(av, &a) < 0 || m_arg(bv, &b) < 0 || (rv && m_arg(rv, &rel) < 0) || (tv && m_arg(tv, &abst) < 0))
        return 0;
    if (rel < 0.0 || abst < 0.0)
        return wf_err_set_str(wf_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return wf_True;
    if (isinf(a) || isinf(b))
        return wf_False;
    double diff = fabs(b - a);
    return wf_bool((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || (diff <= abst));
}

/* ---- floor, ceil, trunc: ints come back exactly ---- */

static Value m_rounding(Value v, Value name, double (*fn)(double), bool trunc_only)
{
    if (wf_is_float_exact(v))
        return wf_int_from_double(fn(wf_float_val(v)));
    if (wf_is_int(v) && !trunc_only)
        return wf_unary(v, WF_UNOP_POS);
    Value m = wf_lookup_special(v, name);
    if (m) {
        Value r = wf_call0(m);
        wf_decref(m);
        return r;
    }
    if (wf_err_occurred())
        return 0;
    if (trunc_only)
        return wf_err_format(wf_exc_TypeError, "type %s doesn't define __trunc__ method", wf_type_name(v));
    double x;
    if (m_arg(v, &x) < 0)
        return 0;
    return wf_int_from_double(fn(x));
}

static Value m_floor(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.floor", nargs, 1, 1) < 0)
        return 0;
    return m_rounding(args[0], WF_ID(__floor__), floor, false);
}

static Value m_ceil(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.ceil", nargs, 1, 1) < 0)
        return 0;
    return m_rounding(args[0], WF_ID(__ceil__), ceil, false);
}

static Value m_trunc(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.trunc", nargs, 1, 1) < 0)
        return 0;
    return m_rounding(args[0], WF_ID(__trunc__), trunc, true);
}

/* ---- integer functions ---- */

/* operator.index(v) as an mpz (initialized by the caller): -1 on error. */
static int m_index_mpz(Value v, mpz_t out)
{
    Value i = wf_index(v);
    if (!i)
        return -1;
    IntView iv;
    mpz_set(out, wf_int_view(&iv, i));
    wf_decref(i);
    return 0;
}

static Value m_gcd_lcm(const Value *args, size_t nargs, Value kw, const char *name, bool lcm)
{
    if (wf_no_kwargs(name, kw) < 0)
        return 0;
    mpz_t acc, x;
    mpz_init_set_ui(acc, lcm ? 1 : 0);
    mpz_init(x);
    for (size_t i = 0; i < nargs; i++) {
        if (m_index_mpz(args[i], x) < 0) {
            mpz_clears(acc, x, NULL);
            return 0;
        }
        if (lcm)
            mpz_lcm(acc, acc, x);
        else
            mpz_gcd(acc, acc, x);
    }
    mpz_abs(acc, acc);
    mpz_clear(x);
    return wf_int_steal_mpz(acc);
}

static Value m_gcd(Value self, const Value *args, size_t nargs, Value kw) { return m_gcd_lcm(args, nargs, kw, "gcd", false); }
static Value m_lcm(Value self, const Value *args, size_t nargs, Value kw) { return m_gcd_lcm(args, nargs, kw, "lcm", true); }

static Value m_factorial(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.factorial", nargs, 1, 1) < 0)
        return 0;
    Value i = wf_index(args[0]);
    if (!i)
        return 0;
    int64_t n;
    int rc = wf_int_as_i64(i, &n);
    int sign = wf_int_sign(i);
    wf_decref(i);
    if (rc < 0) {
        wf_err_clear();
        if (sign < 0)
            return wf_err_set_str(wf_exc_ValueError, "factorial() not defined for negative values");
        return wf_err_set_str(wf_exc_OverflowError,
                              "factorial() argument should not exceed 9223372036854775807");
    }
    if (n < 0)
        return wf_err_set_str(wf_exc_ValueError, "factorial() not defined for negative values");
    if (n > 50000000)
        return wf_err_no_memory();
    mpz_t r;
    mpz_init(r);
    mpz_fac_ui(r, (unsigned long)n);
    return wf_int_steal_mpz(r);
}

static Value m_isqrt(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.isqrt", nargs, 1, 1) < 0)
        return 0;
    mpz_t n;
    mpz_init(n);
    if (m_index_mpz(args[0], n) < 0) {
        mpz_clear(n);
        return 0;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        return wf_err_set_str(wf_exc_ValueError, "isqrt() argument must be nonnegative");
    }
    mpz_sqrt(n, n);
    return wf_int_steal_mpz(n);
}

/* comb(n, k) and perm(n, k): both need non-negative integers. */
static Value m_comb_perm(const Value *args, size_t nargs, const char *name, bool comb)
{
    if (wf_check_nargs(name, nargs, comb ? 2 : 1, 2) < 0)
        return 0;
    mpz_t n, k, r;
    mpz_inits(n, k, r, NULL);
    Value out = 0;
    if (m_index_mpz(args[0], n) < 0)
        goto done;
    if (nargs == 1 || args[1] == wf_None)
        mpz_set(k, n);
    else if (m_index_mpz(args[1], k) < 0)
        goto done;
    if (mpz_sgn(n) < 0) {
        wf_err_set_str(wf_exc_ValueError, "n must be a non-negative integer");
        goto done;
    }
    if (mpz_sgn(k) < 0) {
        wf_err_set_str(wf_exc_ValueError, "k must be a non-negative integer");
        goto done;
    }
    if (mpz_cmp(k, n) > 0) {
        out = wf_small(0);
        goto done;
    }
    if (comb) {
        mpz_sub(r, n, k);
        if (mpz_cmp(r, k) < 0)
            mpz_set(k, r);  /* comb(n, k) == comb(n, n-k) */
    }
    if (!mpz_fits_slong_p(k)) {
        wf_err_format(wf_exc_OverflowError, "%s must not exceed %lld", comb ? "min(n - k, k)" : "k",
                      (long long)INT64_MAX);
        goto done;
    }
    unsigned long kk = mpz_get_ui(k);
    if (kk > 50000000) {
        wf_err_no_memory();  /* astronomically large: refuse instead of aborting in GMP */
        goto done;
    }
    if (comb) {
        mpz_bin_ui(r, n, kk);
    } else {
        /* perm(n, k) == comb(n, k) * k! */
        mpz_t f;
        mpz_init(f);
        mpz_bin_ui(r, n, kk);
        mpz_fac_ui(f, kk);
        mpz_mul(r, r, f);
        mpz_clear(f);
    }
    out = wf_int_from_mpz(r);
done:
    mpz_clears(n, k, r, NULL);
    return out;
}

static Value m_comb(Value self, const Value *args, size_t nargs, Value kw) { return m_comb_perm(args, nargs, "comb", true); }
static Value m_perm(Value self, const Value *args, size_t nargs, Value kw) { return m_comb_perm(args, nargs, "perm", false); }

/* ---- sums, products, norms ---- */

/* Shewchuk's exact summation as CPython's fsum does it: the partials p[0..n)
 * are non-overlapping and increase in magnitude; their exact sum is the
 * running total. Infinities and NaNs are summed apart (special/inf sums). */
typedef struct FsumState {
    double *p;
    size_t n, cap;
    double special_sum, inf_sum;
} FsumState;

/* Adds x to the partials; -1 (OverflowError) on intermediate overflow. */
static int fsum_add(FsumState *st, double x)
{
    double xsave = x, y, t, hi, yr, lo;
    size_t i = 0;
    for (size_t j = 0; j < st->n; j++) {
        y = st->p[j];
        if (fabs(x) < fabs(y)) {
            t = x;
            x = y;
            y = t;
        }
        hi = x + y;
        yr = hi - x;
        lo = y - yr;
        if (lo != 0.0)
            st->p[i++] = lo;
        x = hi;
    }
    st->n = i;
    if (x == 0.0)
        return 0;
    if (!isfinite(x)) {
        /* From an inf/nan summand, or an overflow of finite ones. */
        if (isfinite(xsave)) {
            wf_err_set_str(wf_exc_OverflowError, "intermediate overflow in fsum");
            return -1;
        }
        if (isinf(xsave))
            st->inf_sum += xsave;
        st->special_sum += xsave;
        st->n = 0;
        return 0;
    }
    if (st->n >= st->cap)
        st->p = wf_mem_realloc(st->p, (st->cap *= 2) * sizeof(double));
    st->p[st->n++] = x;
    return 0;
}

/* The correctly rounded sum of the partials. */
static double fsum_finish(FsumState *st)
{
    double *p = st->p, hi = 0.0, lo = 0.0, x, y, yr;
    size_t n = st->n;
    if (n == 0)
        return 0.0;
    hi = p[--n];
    /* Sum from the top, stopping when the sum becomes inexact. */
    while (n > 0) {
        x = hi;
        y = p[--n];
        hi = x + y;
        yr = hi - x;
        lo = y - yr;
        if (lo != 0.0)
            break;
    }
    /* Half-even rounding across partials (sum([1e-16, 1, 1e16])). */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
        y = lo * 2.0;
        x = hi + y;
        yr = x - hi;
        if (y == yr)
            hi = x;
    }
    return hi;
}

static Value m_fsum(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("math.fsum", nargs, 1, 1) < 0)
        return 0;
    Value it = wf_iter(args[0]);
    if (!it)
        return 0;
    FsumState st = {wf_mem_alloc(32 * sizeof(double)), 0, 32, 0.0, 0.0};
    Value item, result = 0;
    while ((item = wf_next(it))) {
        double x;
        int rc = m_arg(item, &x);
        wf_decref(item);
        if (rc < 0 || fsum_add(&st, x) < 0)
            goto done;
    }
    if (wf_err_occurred())
        goto done;
    if (st.special_sum != 0.0) {
        if (isnan(st.inf_sum))
            wf_err_set_str(wf_exc_ValueError, "-inf + inf in fsum");
        else
            result = wf_float_new(st.special_sum);
        goto done;
    }
    result = wf_float_new(fsum_finish(&st));
done:
    wf_mem_free(st.p);
    wf_decref(it);
    return result;
}

static Value m_prod(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {NULL, "start", NULL};
    Value iterable = 0, start = wf_small(1);
    if (wf_parse_args("prod", args, nargs, kw, "O|$O", names, &iterable, &start) < 0)
        return 0;
    return wf_builtins_fold(iterable, start, WF_BINOP_MUL);
}

/* Exact x*y as hi + lo. */
typedef struct { double hi, lo; } DoubleLength;

static DoubleLength m_dl_fast_sum(double a, double b)
{
    double x = a + b;
    double y = (a - x) + b;
    return (DoubleLength){x, y};
}

static DoubleLength m_dl_mul(double x, double y)
{
    double z = x * y;
    double zz = fma(x, y, -z);
    return (DoubleLength){z, zz};
}

/* CPython's vector_norm: sqrt of a sum of squares with extended precision,
 * then one step of differential correction. */
static double m_vector_norm(size_t n, double *vec, double max, bool found_nan)
{
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (size_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * m_vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0, x, h;
    DoubleLength pr, sm;
    for (size_t i = 0; i < n; i++) {
        x = vec[i] * scale;
        pr = m_dl_mul(x, x);
        sm = m_dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    h = sqrt(csum - 1.0 + (frac1 + frac2));
    pr = m_dl_mul(-h, h);
    sm = m_dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static Value m_hypot(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_no_kwargs("hypot", kw) < 0)
        return 0;
    double *vec = wf_mem_alloc((nargs + 1) * sizeof(double));
    double max = 0.0;
    bool found_nan = false;
    for (size_t i = 0; i < nargs; i++) {
        double x;
        if (m_arg(args[i], &x) < 0) {
            wf_mem_free(vec);
            return 0;
        }
        x = fabs(x);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = m_vector_norm(nargs, vec, max, found_nan);
    wf_mem_free(vec);
    return wf_float_new(r);
}

static Value m_dist(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("dist", nargs, 2, 2) < 0)
        return 0;
    Value p = wf_tuple_from_iterable(args[0]);
    if (!p)
        return 0;
    Value q = wf_tuple_from_iterable(args[1]);
    if (!q) {
        wf_decref(p);
        return 0;
    }
    size_t n = wf_tuple_size(p);
    Value result = 0;
    double *vec = wf_mem_alloc((n + 1) * sizeof(double)), max = 0.0;
    bool found_nan = false;
    if (n != wf_tuple_size(q)) {
        wf_err_set_str(wf_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        double a, b;
        if (m_arg(wf_tuple_get(p, i), &a) < 0 || m_arg(wf_tuple_get(q, i), &b) < 0)
            goto done;
        double x = fabs(a - b);
        vec[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = wf_float_new(m_vector_norm(n, vec, max, found_nan));
done:
    wf_mem_free(vec);
    wf_decref(p);
    wf_decref(q);
    return result;
}

static const MethodDef math_functions[] = {
    {"sqrt", m_sqrt, 0, "Return the square root of x."},
    {"exp", m_exp, 0, "Return e raised to the power of x."},
    {"exp2", m_exp2, 0, "Return 2 raised to the power of x."},
    {"expm1", m_expm1, 0, "Return exp(x)-1."},
    {"log", m_log, 0, "log(x, [base=math.e])"},
    {"log2", m_log2, 0, "Return the base 2 logarithm of x."},
    {"log10", m_log10, 0, "Return the base 10 logarithm of x."},
    {"log1p", m_log1p, 0, "Return the natural logarithm of 1+x (base e)."},
    {"pow", m_pow, 0, "Return x**y (x to the power of y)."},
    {"sin", m_sin, 0, NULL}, {"cos", m_cos, 0, NULL}, {"tan", m_tan, 0, NULL},
    {"asin", m_asin, 0, NULL}, {"acos", m_acos, 0, NULL}, {"atan", m_atan, 0, NULL},
    {"atan2", m_atan2, 0, NULL},
    {"sinh", m_sinh, 0, NULL}, {"cosh", m_cosh, 0, NULL}, {"tanh", m_tanh, 0, NULL},
    {"asinh", m_asinh, 0, NULL}, {"acosh", m_acosh, 0, NULL}, {"atanh", m_atanh, 0, NULL},
    {"hypot", m_hypot, 0, "Multidimensional Euclidean distance from the origin to a point."},
    {"dist", m_dist, 0, "Return the Euclidean distance between two points p and q."},
    {"degrees", m_degrees, 0, NULL}, {"radians", m_radians, 0, NULL},
    {"floor", m_floor, 0, NULL}, {"ceil", m_ceil, 0, NULL}, {"trunc", m_trunc, 0, NULL},
    {"fabs", m_fabs, 0, NULL}, {"fmod", m_fmod, 0, NULL}, {"modf", m_modf, 0, NULL},
    {"frexp", m_frexp, 0, NULL}, {"ldexp", m_ldexp, 0, NULL}, {"copysign", m_copysign, 0, NULL},
    {"remainder", m_remainder, 0, NULL}, {"nextafter", m_nextafter, 0, NULL}, {"ulp", m_ulp, 0, NULL},
    {"isnan", m_isnan, 0, NULL}, {"isinf", m_isinf, 0, NULL}, {"isfinite", m_isfinite, 0, NULL},
    {"isclose", m_isclose, 0, NULL},
    {"gcd", m_gcd, 0, NULL}, {"lcm", m_lcm, 0, NULL}, {"factorial", m_factorial, 0, NULL},
    {"isqrt", m_isqrt, 0, NULL}, {"comb", m_comb, 0, NULL}, {"perm", m_perm, 0, NULL},
    {"fsum", m_fsum, 0, NULL}, {"prod", m_prod, 0, NULL},
    {"erf", m_erf, 0, NULL}, {"erfc", m_erfc, 0, NULL}, {"gamma", m_gamma, 0, NULL},
    {"lgamma", m_lgamma, 0, NULL}, {"cbrt", m_cbrt, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Value wf_math_module_create(void)
{
    Value m = wf_module_new("math");
    if (!m || wf_module_add_functions(m, math_functions) < 0)
        return 0;
    wf_module_add_object(m, "pi", wf_float_new(m_pi));
    wf_module_add_object(m, "e", wf_float_new(2.718281828459045235360287471352662498));
    wf_module_add_object(m, "tau", wf_float_new(6.283185307179586476925286766559005768));
    wf_module_add_object(m, "inf", wf_float_new(INFINITY));
    wf_module_add_object(m, "nan", wf_float_new(NAN));
    return m;
}
