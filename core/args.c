/* weft: argument parsing for functions written in C. */
/* (args, nargs, kwnames, spec) -> one borrowed Value per parameter, or CPython's TypeError. */
#include <limits.h>
#include "weft.h"

/*
 * The algorithm and the messages follow CPython 3.11's _PyArg_UnpackKeywords
 * (Argument Clinic), so that built-ins written with wf_parse_args fail with
 * the same words as CPython's:
 *
 *   1. too many arguments in total   "f() takes at most N arguments (M given)"
 *   2. too many positionals          "f() takes at most N positional arguments (M given)"
 *   3. missing positional-only ones  "f() takes at least N positional arguments (M given)"
 *   4. a missing required parameter  "f() missing required argument 'x' (pos 1)"
 *   5. a parameter given twice       "argument for f() given by name ('x') and position (1)"
 *   6. an unknown keyword            "'x' is an invalid keyword argument for f()"
 *
 * Function names may be given as "f" or "f()"; both print as "f()".
 */

#define ARGS_MAX 32  /* more parameters than any built-in has */

/* The bare name of a function, without a trailing "()", in buf. */
static const char *args_bare(const char *fname, char *buf, size_t cap)
{
    if (!fname)
        return "function";
    size_t n = strlen(fname);
    if (n >= 2 && fname[n - 2] == '(' && fname[n - 1] == ')') {
        if (n - 2 >= cap)
            n = cap + 1;
        memcpy(buf, fname, n - 2);
        buf[n - 2] = '\0';
        return buf;
    }
    return fname;
}

/* The parameter list described by a spec string and its names. */
typedef struct ArgSpec {
    int count;      /* parameters */
    int posonly;    /* leading positional-only parameters (NULL names) */
    int minpos;     /* required positional parameters */
    int maxpos;     /* parameters that may be given by position */
    int reqlimit;   /* parameters below this index (>= maxpos) are required keyword-only */
    const char *names[ARGS_MAX];  /* NULL: no keyword name */
} ArgSpec;

static int args_scan_spec(const char *spec, const char *const *names, ArgSpec *s)
{
    bool optional = false, kwonly = false, named = false, ended = !names;
    int minkw = 0;
    memset(s, 0, sizeof *s);
    for (const char *p = spec; *p; p++) {
        if (*p == '|') {
            optional = true;
        } else if (*p == '$') {
            kwonly = true;
        } else {
            if (s->count >= ARGS_MAX)
                return -1;
            if (!kwonly) {
                s->maxpos++;
                if (!optional)
                    s->minpos++;
            } else if (!optional) {
                minkw++;
            }
            /* Leading NULL names are positional-only parameters; a NULL after
             * a name is the terminator: parameters past it have no name. */
            const char *n = ended ? NULL : names[s->count];
            if (!n && named)
                ended = true;
            named |= n != NULL;
            s->names[s->count] = n;
            if (s->count == s->posonly && !n)
                s->posonly++;
            s->count++;
        }
    }
    s->reqlimit = minkw ? s->maxpos + minkw : s->minpos;
    return 0;
}

/* Index in args of keyword `name` among the keyword arguments, or -1. */
static intptr_t args_find_kw(Value kwnames, size_t nkw, const char *name)
{
    for (size_t k = 0; k < nkw; k++)
        if (wf_str_eq_c(wf_tuple_get(kwnames, k), name))
            return (intptr_t)k;
    return -1;
}

/* Reports the first keyword argument that names no parameter. */
static int args_unexpected_kw(const char *fn, Value kwnames, const ArgSpec *s)
{
    size_t nkw = wf_tuple_size(kwnames);
    for (size_t k = 0; k < nkw; k++) {
        Value kw = wf_tuple_get(kwnames, k);
        bool known = false;
        for (int i = s->posonly; i < s->count && !known; i++)
            known = s->names[i] && wf_str_eq_c(kw, s->names[i]);
        if (!known)
            return wf_err_format(wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                                 kw, fn), -1;
    }
    return wf_err_format(wf_exc_TypeError, "invalid keyword argument for %s()", fn), -1;
}

static int args_check_counts(const char *fn, const ArgSpec *s, size_t nargs, size_t nkw)
{
    size_t maxargs = (size_t)s->count;
    if (nargs + nkw > maxargs)
        return wf_err_format(wf_exc_TypeError, "%s() takes at most %zu %sargument%s (%zu given)",
                             fn, maxargs, nargs == 0 ? "keyword " : "",
                             maxargs == 1 ? "" : "s", nargs + nkw), -1;
    if (nargs > (size_t)s->maxpos) {
        if (s->maxpos == 0)
            return wf_err_format(wf_exc_TypeError, "%s() takes no positional arguments", fn), -1;
        return wf_err_format(wf_exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)",
                             fn, s->minpos < s->maxpos ? "at most" : "exactly", s->maxpos,
                             s->maxpos == 1 ? "" : "s", nargs), -1;
    }
    int minposonly = s->posonly < s->minpos ? s->posonly : s->minpos;
    if (nargs < (size_t)minposonly)
        return wf_err_format(wf_exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)",
                             fn, minposonly < s->maxpos ? "at least" : "exactly", minposonly,
                             minposonly == 1 ? "" : "s", nargs), -1;
    return 0;
}

/* Fills buf[0..count) from positionals and keywords; 0 entries are unset. */
static int args_unpack(const char *fn, const Value *args, size_t nargs, Value kwnames,
                       const ArgSpec *s, Value *buf)
{
    const char *const *names = s->names;
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if (args_check_counts(fn, s, nargs, nkw) < 0)
        return -1;
    for (size_t i = 0; i < nargs; i++)
        buf[i] = args[i];
    size_t left = nkw;
    int first = (int)nargs > s->posonly ? (int)nargs : s->posonly;
    for (int i = first; i < s->count; i++) {
        Value cur = 0;
        if (left) {
            intptr_t k = names[i] ? args_find_kw(kwnames, nkw, names[i]) : -1;
            if (k >= 0)
                cur = args[nargs + (size_t)k];
        } else if (i >= s->reqlimit) {
            break;
        }
        buf[i] = cur;
        if (cur)
            left--;
        else if (i < s->minpos || (s->maxpos <= i && i < s->reqlimit))
            return wf_err_format(wf_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                                 fn, names[i] ? names[i] : "?", i + 1), -1;
    }
    if (left == 0)
        return 0;
    for (int i = s->posonly; i < (int)nargs; i++)
        if (names[i] && args_find_kw(kwnames, nkw, names[i]) >= 0)
            return wf_err_format(wf_exc_TypeError,
                                 "argument for %s() given by name ('%s') and position (%d)",
                                 fn, names[i], i + 1), -1;
    return args_unexpected_kw(fn, kwnames, s);
}

int wf_parse_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                  const char *spec, const char *const *names, ...)
{
    char namebuf[128];
    const char *fn = args_bare(fname, namebuf, sizeof namebuf);
    ArgSpec s;
    if (args_scan_spec(spec, names, &s) < 0)
        return wf_err_format(wf_exc_SystemError, "%s(): too many parameters in spec", fn), -1;
    if (kwnames && wf_tuple_size(kwnames) == 0)
        kwnames = 0;
    if (kwnames && !names)
        return wf_err_format(wf_exc_TypeError, "%s() takes no keyword arguments", fn), -1;

    Value buf[ARGS_MAX] = {0};
    if (args_unpack(fn, args, nargs, kwnames, &s, buf) < 0)
        return -1;

    va_list ap;
    va_start(ap, names);
    for (int i = 0; i < s.count; i++) {
        Value *out = va_arg(ap, Value *);
        if (buf[i] && out)
            *out = buf[i];
    }
    va_end(ap);
    return 0;
}

int wf_no_kwargs(const char *fname, Value kwnames)
{
    if (!kwnames || wf_tuple_size(kwnames) == 0)
        return 0;
    char namebuf[128];
    return wf_err_format(wf_exc_TypeError, "%s() takes no keyword arguments",
                         args_bare(fname, namebuf, sizeof namebuf)), -1;
}

/* METH_O / METH_NOARGS wording for fixed 1 / 0 arguments, else
 * _PyArg_CheckPositional's ("f expected at least 1 argument, got 0"). */
int wf_check_nargs(const char *fname, size_t nargs, size_t min, size_t max)
{
    if (nargs >= min && nargs <= max)
        return 0;
    char namebuf[128];
    const char *fn = args_bare(fname, namebuf, sizeof namebuf);
    if (min == max && max <= 1)
        return wf_err_format(wf_exc_TypeError, "%s() takes %s (%zu given)", fn,
                             max == 1 ? "exactly one argument" : "no arguments", nargs), -1;
    bool few = nargs < min;
    size_t n = few ? min : max;
    return wf_err_format(wf_exc_TypeError, "%s expected %s%zu argument%s, got %zu", fn,
                         min == max ? "" : few ? "at least " : "at most ", n,
                         n == 1 ? "" : "s", nargs), -1;
}

int wf_arg_c_int(Value v, int *out)
{
    if (wf_is_float(v))
        return wf_err_set_str(wf_exc_TypeError, "'float' object cannot be interpreted as an integer"), -1;
    Value i = wf_index(v);
    if (!i)
        return -1;
    int64_t x;
    int rc = wf_int_as_i64(i, &x);
    wf_decref(i);
    if (rc < 0) {
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C long"), -1;
    }
    if (x > INT_MAX || x < INT_MIN)
        return wf_err_set_str(wf_exc_OverflowError, x > 0 ? "signed integer is greater than maximum"
                                                           : "signed integer is less than minimum"), -1;
    *out = (int)x;
    return 0;
}
