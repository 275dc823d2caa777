/* weft: string formatting: printf-style %, str.format, format(str, spec). */
/* (template, arguments) -> new str, with CPython 3.11's parsing and errors. */
#include <stdio.h>
#include <math.h>
#include <limits.h>
#include "weft.h"
#include "strimpl.h"
#include "int.h"

/* ---- format(str, spec) ----
 * The standard format specifier, as far as str needs it:
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 * Numbers have their own parser in core/numfmt.c. */

typedef struct StrSpec {
    uint32_t fill;
    char align;       /* '<' '>' '^' '=' or 0 */
    char sign;        /* '+' '-' ' ' or 0 */
    bool zcoerce, alt, fill_given;
    char grouping;    /* ',' '_' or 0 */
    intptr_t width, prec;  /* -1 = absent */
    uint32_t type;    /* 0 = absent */
} StrSpec;

static bool sf_is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Digits at s[*i] as a size; -1 if none, -2 on overflow (error set). */
static intptr_t sf_digits(const char *s, size_t n, size_t *i)
{
    intptr_t v = -1;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        int d = s[(*i)++] - '0';
        if (v < 0)
            v = 0;
        if (v > (INTPTR_MAX - d) / 10)
            return wf_err_set_str(wf_exc_ValueError, "Too many decimal digits in format string"), -2;
        v = v * 10 + d;
    }
    return v;
}

static int sf_parse_spec(StrObject *spec, StrSpec *o)
{
    const char *s = spec->data;
    size_t n = spec->len, i = 0, k = 0;
    memset(o, 0, sizeof *o);
    o->fill = ' ';
    o->width = o->prec = -1;
    if (n) {
        uint32_t c0 = str_decode(s, &k);
        size_t k2 = k;
        if (k < n && sf_is_align(str_decode(s, &k2))) {
            o->fill = c0, o->fill_given = true, o->align = s[k], i = k + 1;
        } else if (sf_is_align(c0)) {
            o->align = (char)c0, i = 1;
        }
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
        o->sign = s[i++];
    if (i < n && s[i] == 'z')
        o->zcoerce = true, i++;
    if (i < n && s[i] == '#')
        o->alt = true, i++;
    if (i < n && s[i] == '0') {
        /* Zero padding; numbers also default to '=' alignment, str does not. */
        if (!o->fill_given)
            o->fill = '0';
        i++;
    }
    if ((o->width = sf_digits(s, n, &i)) == -2)
        return -1;
    if (i < n && (s[i] == ',' || s[i] == '_'))
        o->grouping = s[i++];
    if (i < n && s[i] == '.') {
        i++;
        if ((o->prec = sf_digits(s, n, &i)) == -2)
            return -1;
        if (o->prec < 0)
            return wf_err_set_str(wf_exc_ValueError, "Format specifier missing precision"), -1;
    }
    if (i < n) {
        size_t j = i;
        o->type = str_decode(s, &j);
        if (j < n)
            return wf_err_format(wf_exc_ValueError, "Invalid format specifier '%s' for object of type 'str'",
                                 s), -1;
    }
    return 0;
}

static int sf_check_str_spec(StrSpec *o)
{
    if (o->type && o->type != 's') {
        char buf[8];
        buf[str_encode(o->type, buf)] = '\0';
        return wf_err_format(wf_exc_ValueError, "Unknown format code '%s' for object of type 'str'", buf), -1;
    }
    if (o->sign == ' ')
        return wf_err_set_str(wf_exc_ValueError, "Space not allowed in string format specifier"), -1;
    if (o->sign)
        return wf_err_set_str(wf_exc_ValueError, "Sign not allowed in string format specifier"), -1;
    if (o->zcoerce)
        return wf_err_set_str(wf_exc_ValueError,
                              "Negative zero coercion (z) not allowed in string format specifier"), -1;
    if (o->alt)
        return wf_err_set_str(wf_exc_ValueError, "Alternate form (#) not allowed in string format specifier"), -1;
    if (o->align == '=')
        return wf_err_set_str(wf_exc_ValueError, "'=' alignment not allowed in string format specifier"), -1;
    if (o->grouping)
        return wf_err_format(wf_exc_ValueError, "Cannot specify '%c' with 's'.", o->grouping), -1;
    return 0;
}

/* Pad the code points [b, e) of s (nchars of them) into sb. */
static void sf_pad(StrBuilder *sb, const char *s, size_t len, size_t nchars, intptr_t width,
                   char align, uint32_t fill)
{
    size_t pad = width > 0 && (size_t)width > nchars ? (size_t)width - nchars : 0;
    size_t left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    for (size_t i = 0; i < left; i++)
        wf_sb_add_codepoint(sb, fill);
    wf_sb_add(sb, s, len);
    for (size_t i = left; i < pad; i++)
        wf_sb_add_codepoint(sb, fill);
}

Value wf_str_format_spec(Value sv, Value spec)
{
    StrObject *s = str_obj(sv);
    if (!spec || str_obj(spec)->len == 0)
        return wf_is_str_exact(sv) ? wf_incref(sv) : wf_str(sv);   /* a subclass's __str__ counts */
    StrSpec o;
    if (sf_parse_spec(str_obj(spec), &o) < 0)
        return 0;
    if (sf_check_str_spec(&o) < 0)
        return 0;
    if (o.width > (intptr_t)WF_STR_MAX_BYTES)
        return wf_err_no_memory();
    size_t len = s->len, nchars = s->nchars;
    if (o.prec >= 0 && (size_t)o.prec < nchars) {
        nchars = (size_t)o.prec;
        len = wf_str_offset(s, nchars);
    }
    StrBuilder sb;
    wf_sb_init(&sb);
    sf_pad(&sb, s->data, len, nchars, o.width, o.align ? o.align : '<', o.fill);
    return wf_sb_finish(&sb);
}

/* ---- printf-style formatting: fmt % args ---- */

enum { PF_LJUST = 1, PF_SIGN = 2, PF_BLANK = 4, PF_ALT = 8, PF_ZERO = 16 };

typedef struct PctState {
    StrObject *fmt;
    size_t pos;         /* byte offset in fmt */
    Value args;         /* current argument source (tuple, single value, or mapping value) */
    Value owned;        /* args when it came from the mapping (we hold a reference) */
    Value dict;         /* the mapping, or 0 */
    intptr_t arglen, argidx;
} PctState;

typedef struct PctArg {
    int flags;
    intptr_t width, prec;
    uint32_t ch;
    size_t chpos;       /* byte offset of the conversion character */
} PctArg;

static Value pf_nextarg(PctState *st)
{
    if (st->argidx < st->arglen) {
        intptr_t i = st->argidx++;
        return st->arglen < 0 ? st->args : wf_tuple_get(st->args, (size_t)i);
    }
    return wf_err_set_str(wf_exc_TypeError, "not enough arguments for format string");
}

static int pf_incomplete(void)
{
    return wf_err_set_str(wf_exc_ValueError, "incomplete format"), -1;
}

/* A '*' width (C ssize_t) or precision (C int), taken from the arguments. */
static int pf_star(PctState *st, intptr_t *out, bool is_int)
{
    Value v = pf_nextarg(st);
    if (!v)
        return -1;
    if (!wf_is_int(v))
        return wf_err_set_str(wf_exc_TypeError, "* wants int"), -1;
    int64_t n;
    if (wf_int_as_i64(v, &n) < 0 || (is_int && (n < INT_MIN || n > INT_MAX))) {
        wf_err_clear();
        return wf_err_format(wf_exc_OverflowError, "Python int too large to convert to C %s",
                             is_int ? "int" : "ssize_t"), -1;
    }
    *out = (intptr_t)n;
    return 0;
}

static int pf_key(PctState *st)
{
    const char *s = st->fmt->data;
    size_t n = st->fmt->len, start = ++st->pos;
    int depth = 1;
    if (!st->dict)
        return wf_err_set_str(wf_exc_TypeError, "format requires a mapping"), -1;
    while (depth > 0 && st->pos < n) {
        if (s[st->pos] == ')')
            depth--;
        else if (s[st->pos] == '(')
            depth++;
        st->pos++;
    }
    if (depth > 0)
        return wf_err_set_str(wf_exc_ValueError, "incomplete format key"), -1;
    Value key = wf_str_new(s + start, st->pos - 1 - start);
    Value v = wf_getitem(st->dict, key);
    wf_decref(key);
    if (!v)
        return -1;
    wf_setref(&st->owned, v);
    st->args = v;
    st->arglen = -1;
    st->argidx = -2;
    return 0;
}

/* Parse flags, width, precision and the conversion character after '%'. */
static int pf_parse_arg(PctState *st, PctArg *a)
{
    const char *s = st->fmt->data;
    size_t n = st->fmt->len;
    a->flags = 0;
    a->width = a->prec = -1;
    if (s[st->pos] == '(' && pf_key(st) < 0)
        return -1;
    for (; st->pos < n; st->pos++) {
        char c = s[st->pos];
        int f = c == '-' ? PF_LJUST : c == '+' ? PF_SIGN : c == ' ' ? PF_BLANK :
                c == '#' ? PF_ALT : c == '0' ? PF_ZERO : 0;
        if (!f)
            break;
        a->flags |= f;
    }
    if (st->pos < n && s[st->pos] == '*') {
        st->pos++;
        if (pf_star(st, &a->width, false) < 0)
            return -1;
        if (a->width < 0)
            a->flags |= PF_LJUST, a->width = a->width == INTPTR_MIN ? INTPTR_MAX : -a->width;
    } else if (st->pos < n && s[st->pos] >= '0' && s[st->pos] <= '9') {
        a->width = 0;
        while (st->pos < n && s[st->pos] >= '0' && s[st->pos] <= '9') {
            int d = s[st->pos++] - '0';
            if (a->width > (INTPTR_MAX - d) / 10)
                return wf_err_set_str(wf_exc_ValueError, "width too big"), -1;
            a->width = a->width * 10 + d;
        }
    }
    if (st->pos < n && s[st->pos] == '.') {
        st->pos++;
        a->prec = 0;
        if (st->pos < n && s[st->pos] == '*') {
            st->pos++;
            if (pf_star(st, &a->prec, true) < 0)
                return -1;
            if (a->prec < 0)
                a->prec = 0;
        } else {
            while (st->pos < n && s[st->pos] >= '0' && s[st->pos] <= '9') {
                int d = s[st->pos++] - '0';
                if (a->prec > (INT_MAX - d) / 10)
                    return wf_err_set_str(wf_exc_ValueError, "precision too big"), -1;
                a->prec = a->prec * 10 + d;
            }
        }
    }
    if (st->pos < n && (s[st->pos] == 'h' || s[st->pos] == 'l' || s[st->pos] == 'L'))
        st->pos++;
    if (st->pos >= n)
        return pf_incomplete();
    if (a->width > (intptr_t)WF_STR_MAX_BYTES || a->prec > (intptr_t)WF_STR_MAX_BYTES)
        return wf_err_no_memory(), -1;
    a->chpos = st->pos;
    a->ch = str_decode(s, &st->pos);
    return 0;
}

/* Lay out sign, prefix and body with the width and flags of a numeric directive. */
static void pf_emit_number(StrBuilder *sb, const PctArg *a, const char *body, size_t blen,
                           bool neg, const char *prefix)
{
    char sign = neg ? '-' : (a->flags & PF_SIGN) ? '+' : (a->flags & PF_BLANK) ? ' ' : 0;
    size_t plen = strlen(prefix), total = blen + plen + (sign != 0);
    size_t pad = a->width > 0 && (size_t)a->width > total ? (size_t)a->width - total : 0;
    if (pad && !(a->flags & (PF_LJUST | PF_ZERO)))
        for (size_t i = 0; i < pad; i++)
            wf_sb_add_char(sb, ' ');
    if (sign)
        wf_sb_add_char(sb, sign);
    wf_sb_add(sb, prefix, plen);
    if (pad && !(a->flags & PF_LJUST) && (a->flags & PF_ZERO))
        for (size_t i = 0; i < pad; i++)
            wf_sb_add_char(sb, '0');
    wf_sb_add(sb, body, blen);
    if (pad && (a->flags & PF_LJUST))
        for (size_t i = 0; i < pad; i++)
            wf_sb_add_char(sb, ' ');
}

/* The int a %d/%x/%o directive formats, or 0 with CPython's TypeError. */
static Value pf_as_int(Value v, uint32_t ch)
{
    if (wf_is_int(v))
        return wf_incref(v);
    TypeObject *t = wf_type(v);
    bool hex = ch == 'x' || ch == 'X' || ch == 'o';
    if (!hex && wf_is_float(v))
        return wf_int_from_double(wf_float_val(v));
    if (hex) {
        if (t->tp_index)
            return wf_index(v);
    } else if (t->tp_int || t->tp_index || t->tp_float) {
        /* CPython: PyNumber_Long (__int__, then __index__, then __trunc__);
         * its TypeError becomes the format's own. */
        Value r = wf_int_from_object(v);
        if (r || !wf_err_matches(wf_exc_TypeError))
            return r;
        wf_err_clear();
    }
    return wf_err_format(wf_exc_TypeError, "%%%c format: %s is required, not %s", (int)ch,
                         hex ? "an integer" : "a real number", wf_type_name(v));
}

static int pf_format_int(StrBuilder *sb, const PctArg *a, Value v)
{
    Value iv = pf_as_int(v, a->ch);
    if (!iv)
        return -1;
    int base = a->ch == 'x' || a->ch == 'X' ? 16 : a->ch == 'o' ? 8 : 10;
    char small[72];
    Value digits = 0;
    const char *body;
    size_t blen;
    bool neg;
    if (wf_is_small(iv)) {
        /* Tagged ints: convert here rather than through a temporary str. */
        intptr_t x = wf_small_val(iv);
        uintptr_t u = x < 0 ? -(uintptr_t)x : (uintptr_t)x;
        char *e = small + sizeof small, *p = e;
        do {
            *--p = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        neg = x < 0, body = p, blen = (size_t)(e - p);
    } else {
        digits = wf_int_to_base(iv, base, false);
        wf_decref(iv);
        if (!digits)
            return -1;
        StrObject *d = str_obj(digits);
        neg = d->len && d->data[0] == '-';
        body = d->data + neg;
        blen = d->len - neg;
    }
    StrBuilder tmp;
    wf_sb_init(&tmp);
    for (intptr_t i = (intptr_t)blen; i < a->prec; i++)
        wf_sb_add_char(&tmp, '0');
    for (size_t i = 0; i < blen; i++) {
        char c = body[i];
        wf_sb_add_char(&tmp, a->ch == 'X' && c >= 'a' && c <= 'f' ? (char)(c - 32) : c);
    }
    const char *prefix = !(a->flags & PF_ALT) ? "" : a->ch == 'x' ? "0x" : a->ch == 'X' ? "0X" :
                         a->ch == 'o' ? "0o" : "";
    pf_emit_number(sb, a, tmp.buf ? tmp.buf : "", tmp.len, neg, prefix);
    wf_sb_discard(&tmp);
    wf_xdecref(digits);
    return 0;
}

/* A C double for %e %f %g, or -1 + exception. */
static int pf_as_double(Value v, double *out)
{
    if (wf_is_float(v)) {
        *out = wf_float_val(v);
        return 0;
    }
    if (wf_is_int(v)) {
        *out = wf_int_as_double(v);
        return *out == -1.0 && wf_err_occurred() ? -1 : 0;
    }
    TypeObject *t = wf_type(v);
    if (t->tp_float || t->tp_index) {
        Value f = t->tp_float ? t->tp_float(v) : wf_float_from_object(v);
        if (!f)
            return -1;
        *out = wf_as_double(f);
        wf_decref(f);
        return *out == -1.0 && wf_err_occurred() ? -1 : 0;
    }
    return wf_err_format(wf_exc_TypeError, "must be real number, not %s", wf_type_name(v)), -1;
}

static int pf_format_float(StrBuilder *sb, const PctArg *a, Value v)
{
    double x;
    if (pf_as_double(v, &x) < 0)
        return -1;
    bool upper = a->ch == 'E' || a->ch == 'F' || a->ch == 'G';
    bool neg = signbit(x) != 0;
    if (!isfinite(x)) {
        const char *body = isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        pf_emit_number(sb, a, body, 3, neg && !isnan(x), "");
        return 0;
    }
    char fmt[16];
    snprintf(fmt, sizeof fmt, "%%%s.*%c", (a->flags & PF_ALT) ? "#" : "", (char)a->ch);
    int prec = a->prec < 0 ? 6 : (int)a->prec;
    int n = snprintf(NULL, 0, fmt, prec, fabs(x));
    char *buf = wf_mem_alloc((size_t)n + 1);
    snprintf(buf, (size_t)n + 1, fmt, prec, fabs(x));
    pf_emit_number(sb, a, buf, (size_t)n, neg, "");
    wf_mem_free(buf);
    return 0;
}

/* A str directive body (already converted) with width and precision. */
static void pf_emit_text(StrBuilder *sb, const PctArg *a, Value s)
{
    StrObject *o = str_obj(s);
    size_t nchars = o->nchars, len = o->len;
    if (a->prec < 0 && (a->width < 0 || (size_t)a->width <= nchars)) {
        wf_sb_add_str(sb, s);   /* no truncation, no padding */
        return;
    }
    if (a->prec >= 0 && (size_t)a->prec < nchars) {
        nchars = (size_t)a->prec;
        len = wf_str_offset(o, nchars);
    }
    sf_pad(sb, o->data, len, nchars, a->width, (a->flags & PF_LJUST) ? '<' : '>', ' ');
}

static Value pf_ascii(Value v)
{
    Value r = wf_repr(v);
    if (!r)
        return 0;
    Value a = wf_str_to_ascii(r);
    wf_decref(r);
    return a;
}

static int pf_format_char(StrBuilder *sb, const PctArg *a, Value v)
{
    uint32_t cp;
    if (wf_is_str(v)) {
        if (str_obj(v)->nchars != 1)
            return wf_err_set_str(wf_exc_TypeError, "%c requires int or char"), -1;
        size_t i = 0;
        cp = str_decode(str_obj(v)->data, &i);
    } else if (wf_is_int(v)) {
        int64_t i;
        if (wf_int_as_i64(v, &i) < 0 || i < 0 || i > 0x10FFFF) {
            wf_err_clear();
            return wf_err_set_str(wf_exc_OverflowError, "%c arg not in range(0x110000)"), -1;
        }
        cp = (uint32_t)i;
    } else {
        return wf_err_set_str(wf_exc_TypeError, "%c requires int or char"), -1;
    }
    Value s = wf_str_from_codepoint(cp);
    PctArg b = *a;
    b.prec = -1;
    pf_emit_text(sb, &b, s);
    wf_decref(s);
    return 0;
}

static int pf_format_arg(PctState *st, StrBuilder *sb, const PctArg *a)
{
    Value v = pf_nextarg(st), s;
    if (!v)
        return -1;
    switch (a->ch) {
    case 's': case 'r': case 'a':
        s = a->ch == 's' ? wf_str(v) : a->ch == 'r' ? wf_repr(v) : pf_ascii(v);
        if (!s)
            return -1;
        pf_emit_text(sb, a, s);
        wf_decref(s);
        return 0;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return pf_format_int(sb, a, v);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return pf_format_float(sb, a, v);
    case 'c':
        return pf_format_char(sb, a, v);
    default:
        return wf_err_format(wf_exc_ValueError, "unsupported format character '%c' (0x%x) at index %zu",
                             a->ch >= 32 && a->ch <= 126 ? (int)a->ch : '?', (unsigned)a->ch,
                             wf_str_char_index(st->fmt, a->chpos)), -1;
    }
}

Value wf_str_percent_format(Value fmtv, Value args)
{
    PctState st = {.fmt = str_obj(fmtv), .args = args, .arglen = -1, .argidx = -2};
    if (wf_is_tuple(args)) {
        st.arglen = (intptr_t)wf_tuple_size(args);
        st.argidx = 0;
    }
    if (!wf_is_tuple(args) && !wf_is_str(args) && wf_type(args)->tp_getitem)
        st.dict = args;
    StrBuilder sb;
    wf_sb_init(&sb);
    const char *s = st.fmt->data;
    size_t n = st.fmt->len;
    while (st.pos < n) {
        const char *pct = memchr(s + st.pos, '%', n - st.pos);
        if (!pct) {
            wf_sb_add(&sb, s + st.pos, n - st.pos);
            break;
        }
        wf_sb_add(&sb, s + st.pos, (size_t)(pct - (s + st.pos)));
        st.pos = (size_t)(pct - s) + 1;
        if (st.pos >= n) {
            pf_incomplete();
            goto fail;
        }
        if (s[st.pos] == '%') {
            wf_sb_add_char(&sb, '%');
            st.pos++;
            continue;
        }
        PctArg a;
        if (pf_parse_arg(&st, &a) < 0 || pf_format_arg(&st, &sb, &a) < 0)
            goto fail;
    }
    if (st.argidx < st.arglen && !st.dict) {
        wf_err_set_str(wf_exc_TypeError, "not all arguments converted during string formatting");
        goto fail;
    }
    wf_xdecref(st.owned);
    return wf_sb_finish(&sb);
fail:
    wf_xdecref(st.owned);
    wf_sb_discard(&sb);
    return 0;
}

/* ---- str.format ----
 * A port of CPython's Objects/stringlib/unicode_format.h: a markup iterator
 * splits the template into literal text and fields; a field is
 * name[.attr|[key]]*[!conv][:spec], and the spec may itself hold {fields}
 * (expanded once more, up to a recursion depth of 2). */

enum { AN_INIT, AN_AUTO, AN_MANUAL };

typedef struct FmtArgs {
    const Value *args;   /* positional arguments (then keyword values) */
    bool positional;     /* false for format_map: "{0}" is an error */
    size_t nargs;
    Value kwnames;       /* str.format keywords (values follow args), or 0 */
    Value mapping;       /* format_map's mapping, or 0 */
    int an_state;
    size_t an_next;
} FmtArgs;

typedef struct Sub {     /* a byte range of the template */
    const char *p;
    size_t n;
} Sub;

static int fm_build(StrBuilder *sb, Sub tmpl, FmtArgs *fa, int depth);

/* Decimal value of an all-digits field part; -1 if not numeric, -2 on overflow. */
static intptr_t fm_integer(Sub s)
{
    intptr_t acc = 0;
    size_t i = 0;
    if (s.n == 0)
        return -1;
    while (i < s.n) {
        int d = wf_uc_decimal(str_decode(s.p, &i));
        if (d < 0)
            return -1;
        if (acc > (INTPTR_MAX - d) / 10)
            return wf_err_set_str(wf_exc_ValueError, "Too many decimal digits in format string"), -2;
        acc = acc * 10 + d;
    }
    return acc;
}

static Value fm_keyword(FmtArgs *fa, Sub name)
{
    Value key = wf_str_new(name.p, name.n);
    Value v = 0;
    if (fa->mapping) {
        v = wf_getitem(fa->mapping, key);
    } else if (fa->kwnames) {
        size_t nk = wf_tuple_size(fa->kwnames);
        for (size_t i = 0; i < nk; i++)
            if (wf_str_eq(wf_tuple_get(fa->kwnames, i), key)) {
                v = wf_incref(fa->args[fa->nargs + i]);
                break;
            }
    }
    if (!v && !wf_err_occurred())
        wf_err_set_value(wf_exc_KeyError, key);
    wf_decref(key);
    return v;
}

static Value fm_positional(FmtArgs *fa, intptr_t idx)
{
    if (!fa->positional)
        return wf_err_set_str(wf_exc_ValueError, "Format string contains positional fields");
    if ((size_t)idx >= fa->nargs)
        return wf_err_format(wf_exc_IndexError, "Replacement index %zd out of range for positional args tuple",
                             idx);
    return wf_incref(fa->args[idx]);
}

/* The object named by the first part of a field name (auto numbering rules). */
static Value fm_first(FmtArgs *fa, Sub first)
{
    intptr_t idx = fm_integer(first);
    if (idx == -2)
        return 0;
    bool empty = first.n == 0, numeric = empty || idx != -1;
    if (numeric) {
        if (fa->an_state == AN_INIT)
            fa->an_state = empty ? AN_AUTO : AN_MANUAL;
        if (fa->an_state == AN_MANUAL && empty)
            return wf_err_set_str(wf_exc_ValueError,
                                  "cannot switch from manual field specification to automatic field numbering");
        if (fa->an_state == AN_AUTO && !empty)
            return wf_err_set_str(wf_exc_ValueError,
                                  "cannot switch from automatic field numbering to manual field specification");
        if (empty)
            idx = (intptr_t)fa->an_next++;
        return fm_positional(fa, idx);
    }
    return fm_keyword(fa, first);
}

/* Apply one ".attr" or "[key]" step at name[*i]; the new object or 0. */
static Value fm_step(Value obj, Sub name, size_t *i)
{
    char c = name.p[(*i)++];
    size_t start = *i;
    Sub part;
    if (c == '.') {
        while (*i < name.n && name.p[*i] != '.' && name.p[*i] != '[')
            (*i)++;
        part = (Sub){name.p + start, *i - start};
    } else if (c == '[') {
        while (*i < name.n && name.p[*i] != ']')
            (*i)++;
        if (*i >= name.n)
            return wf_err_set_str(wf_exc_ValueError, "Missing ']' in format string");
        part = (Sub){name.p + start, *i - start};
        (*i)++;
    } else {
        return wf_err_set_str(wf_exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (part.n == 0)
        return wf_err_set_str(wf_exc_ValueError, "Empty attribute in format string");
    if (c == '.') {
        Value attr = wf_str_new(part.p, part.n);
        Value r = wf_getattr(obj, attr);
        wf_decref(attr);
        return r;
    }
    intptr_t idx = fm_integer(part);
    if (idx == -2)
        return 0;
    Value key = idx >= 0 ? wf_int_from_i64(idx) : wf_str_new(part.p, part.n);
    Value r = wf_getitem(obj, key);
    wf_decref(key);
    return r;
}

static Value fm_field_object(FmtArgs *fa, Sub name)
{
    size_t i = 0;
    while (i < name.n && name.p[i] != '.' && name.p[i] != '[')
        i++;
    Value obj = fm_first(fa, (Sub){name.p, i});
    while (obj && i < name.n) {
        Value next = fm_step(obj, name, &i);
        wf_decref(obj);
        obj = next;
    }
    return obj;
}

static Value fm_convert(Value obj, uint32_t conv)
{
    switch (conv) {
    case 'r': return wf_repr(obj);
    case 's': return wf_str(obj);
    case 'a': return pf_ascii(obj);
    default:
        if (conv > 32 && conv < 127)
            return wf_err_format(wf_exc_ValueError, "Unknown conversion specifier %c", (int)conv);
        return wf_err_format(wf_exc_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conv);
    }
}

/* Render one field: look the object up, convert it, expand and apply the spec. */
static int fm_render(StrBuilder *sb, FmtArgs *fa, Sub name, uint32_t conv, Sub spec, bool expand,
                     int depth)
{
    Value obj = fm_field_object(fa, name), specv = 0, out = 0;
    if (!obj)
        return -1;
    if (conv) {
        Value c = fm_convert(obj, conv);
        wf_decref(obj);
        if (!(obj = c))
            return -1;
    }
    if (!expand && spec.n == 0 && wf_is_str_exact(obj)) {
        /* "{}" of a str: nothing to format. */
        wf_sb_add_str(sb, obj);
        wf_decref(obj);
        return 0;
    }
    if (expand) {
        StrBuilder ssb;
        wf_sb_init(&ssb);
        if (fm_build(&ssb, spec, fa, depth - 1) < 0) {
            wf_sb_discard(&ssb);
            wf_decref(obj);
            return -1;
        }
        specv = wf_sb_finish(&ssb);
    } else {
        specv = spec.n ? wf_str_new(spec.p, spec.n) : wf_str_empty();
    }
    if (wf_is_str_exact(obj))
        out = wf_str_format_spec(obj, specv);
    else
        out = wf_format(obj, specv);
    wf_decref(specv);
    wf_decref(obj);
    if (!out)
        return -1;
    if (!wf_is_str(out)) {
        wf_decref(out);
        return wf_err_set_str(wf_exc_TypeError, "__format__ must return a str"), -1;
    }
    wf_sb_add_str(sb, out);
    wf_decref(out);
    return 0;
}

/* Parse the field starting after '{' at t.p[*i] (CPython's parse_field). */
static int fm_field(StrBuilder *sb, Sub t, size_t *i, FmtArgs *fa, int depth)
{
    size_t start = *i;
    char c = 0;
    while (*i < t.n) {
        c = t.p[(*i)++];
        if (c == '{')
            return wf_err_set_str(wf_exc_ValueError, "unexpected '{' in field name"), -1;
        if (c == '[') {
            while (*i < t.n && t.p[*i] != ']')
                (*i)++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    Sub name = {t.p + start, *i - start - (c == '}' || c == ':' || c == '!' ? 1 : 0)};
    uint32_t conv = 0;
    Sub spec = {t.p + *i, 0};
    bool expand = false;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (*i >= t.n)
                return wf_err_set_str(wf_exc_ValueError,
                                      "end of string while looking for conversion specifier"), -1;
            conv = str_decode(t.p, i);
            if (*i < t.n) {
                c = t.p[(*i)++];
                if (c == '}')
                    return fm_render(sb, fa, name, conv, (Sub){t.p + *i, 0}, false, depth);
                if (c != ':')
                    return wf_err_set_str(wf_exc_ValueError, "expected ':' after conversion specifier"), -1;
            }
        }
        spec.p = t.p + *i;
        int count = 1;
        while (*i < t.n) {
            c = t.p[(*i)++];
            if (c == '{') {
                expand = true;
                count++;
            } else if (c == '}' && --count == 0) {
                spec.n = (size_t)(t.p + *i - 1 - spec.p);
                return fm_render(sb, fa, name, conv, spec, expand, depth);
            }
        }
        return wf_err_set_str(wf_exc_ValueError, "unmatched '{' in format spec"), -1;
    }
    if (c != '}')
        return wf_err_set_str(wf_exc_ValueError, "expected '}' before end of string"), -1;
    return fm_render(sb, fa, name, 0, spec, false, depth);
}

static int fm_build(StrBuilder *sb, Sub t, FmtArgs *fa, int depth)
{
    if (depth <= 0)
        return wf_err_set_str(wf_exc_ValueError, "Max string recursion exceeded"), -1;
    size_t i = 0;
    while (i < t.n) {
        size_t start = i;
        char c = 0;
        bool markup = false;
        while (i < t.n) {
            c = t.p[i++];
            if (c == '{' || c == '}') {
                markup = true;
                break;
            }
        }
        bool at_end = i >= t.n;
        size_t len = i - start;
        if (c == '}' && markup && (at_end || t.p[i] != '}'))
            return wf_err_set_str(wf_exc_ValueError, "Single '}' encountered in format string"), -1;
        if (at_end && c == '{' && markup)
            return wf_err_set_str(wf_exc_ValueError, "Single '{' encountered in format string"), -1;
        if (markup) {
            if (t.p[i] == c) {
                i++;          /* an escaped {{ or }}: keep one */
                markup = false;
            } else {
                len--;
            }
        }
        wf_sb_add(sb, t.p + start, len);
        if (markup && fm_field(sb, t, &i, fa, depth) < 0)
            return -1;
    }
    return 0;
}

static Value fm_run(Value fmt, FmtArgs *fa)
{
    StrObject *f = str_obj(fmt);
    StrBuilder sb;
    wf_sb_init(&sb);
    if (fm_build(&sb, (Sub){f->data, f->len}, fa, 2) < 0) {
        wf_sb_discard(&sb);
        return 0;
    }
    return wf_sb_finish(&sb);
}

Value wf_str_format_method(Value fmt, const Value *args, size_t nargs, Value kwnames)
{
    FmtArgs fa = {.args = args, .positional = true, .nargs = nargs, .kwnames = kwnames};
    return fm_run(fmt, &fa);
}

Value wf_str_format_map(Value fmt, Value mapping)
{
    FmtArgs fa = {.mapping = mapping};
    return fm_run(fmt, &fa);
}
