/* weft: the format-spec mini-language for int and float. */
/* (number, "[[fill]align][sign][z][#][0][width][,_][.prec][type]") -> str */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "int.h"

/*
 * A formatted number is laid out as
 *     [sign][prefix][padding if '='][integer digits, grouped][rest]
 * where rest holds the decimal point, fraction, exponent and '%'. The pieces
 * are produced first (nf_int_parts / nf_float_parts) and then padded and
 * grouped in one place (nf_render), as CPython's calc_number_widths does.
 * Float digits follow CPython's format_float_short: a digit string and a
 * decimal-point position, cut out of an infinite "virtual" run of zeros.
 */

typedef struct Spec {
    char fill[5];       /* UTF-8 of the fill character */
    char align;         /* '<' '>' '^' '=' */
    char sign;          /* '+' '-' ' ' or 0 */
    bool no_neg_0;      /* 'z' */
    bool alt;           /* '#' */
    int64_t width;      /* -1: none */
    char grouping;      /* ',' '_' or 0 */
    int group_size;     /* 3, or 4 for '_' with b/o/x/X */
    int64_t precision;  /* -1: none */
    char type;          /* 0: none */
} Spec;

/* A growable byte buffer for the output. */
typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = wf_mem_realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void buf_addc(Buf *b, char c) { buf_add(b, &c, 1); }

/* s is a NUL-terminated fill; "" stands for the fill character '\0'. */
static void buf_repeat(Buf *b, const char *s, int64_t times)
{
    size_t n = s[0] ? strlen(s) : 1;
    for (int64_t i = 0; i < times; i++)
        buf_add(b, s, n);
}

static Value buf_finish(Buf *b)
{
    Value s = wf_str_new(b->p ? b->p : "", b->len);
    wf_mem_free(b->p);
    return s;
}

/* ---- parsing the spec ---- */

static bool nf_is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static size_t nf_utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Reads decimal digits into *out: returns the count, -1 on overflow. */
static int nf_integer(const char **pp, const char *end, int64_t *out)
{
    int n = 0;
    int64_t v = 0;
    for (const char *p = *pp; p < end && *p >= '0' && *p <= '9'; p++, n++) {
        if (v > (INT64_MAX - 9) / 10) {
            wf_err_set_str(wf_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (*p - '0');
    }
    *pp += n;
    *out = v;
    return n;
}

static int nf_bad_separator(char sep, char type)
{
    if (type > 32 && type < 127)
        wf_err_format(wf_exc_ValueError, "Cannot specify '%c' with '%c'.", sep, type);
    else
        wf_err_format(wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sep, (unsigned)(unsigned char)type);
    return -1;
}

static int nf_check_grouping(Spec *sp)
{
    sp->group_size = 3;
    if (!sp->grouping)
        return 0;
    switch (sp->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        return 0;
    case 'b': case 'o': case 'x': case 'X':
        if (sp->grouping == '_') {
            sp->group_size = 4;
            return 0;
        }
        /* fall through */
    default:
        return nf_bad_separator(sp->grouping, sp->type);
    }
}

/* Results longer than this are refused with MemoryError rather than letting
 * an allocation failure abort the process. */
#define NF_MAX_OUTPUT ((int64_t)1 << 30)

/* [[fill]align][sign][z][#][0]: returns the position after them. */
static const char *nf_parse_flags(const char *p, const char *end, Spec *sp)
{
    bool fill_given = false, align_given = false;
    size_t fl = p < end ? nf_utf8_len((unsigned char)*p) : 1;
    if (end - p >= (ptrdiff_t)fl + 1 && nf_is_align(p[fl])) {
        memcpy(sp->fill, p, fl);
        sp->fill[fl] = 0;
        sp->align = p[fl];
        fill_given = align_given = true;
        p += fl + 1;
    } else if (p < end && nf_is_align(*p)) {
        sp->align = *p++;
        align_given = true;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        sp->sign = *p++;
    if (p < end && *p == 'z') {
        sp->no_neg_0 = true;
        p++;
    }
    if (p < end && *p == '#') {
        sp->alt = true;
        p++;
    }
    if (!fill_given && p < end && *p == '0') {  /* sign-aware zero padding */
        strcpy(sp->fill, "0");
        if (!align_given)
            sp->align = '=';
        p++;
    }
    return p;
}

/* [width][,_][.precision]: returns the position after them, NULL on error. */
static const char *nf_parse_sizes(const char *p, const char *end, Spec *sp)
{
    int n = nf_integer(&p, end, &sp->width);
    if (n < 0)
        return NULL;
    if (n == 0)
        sp->width = -1;
    if (p < end && *p == ',') {
        sp->grouping = ',';
        p++;
    }
    if (p < end && *p == '_') {
        if (sp->grouping)
            return wf_err_set_str(wf_exc_ValueError, "Cannot specify both ',' and '_'."), NULL;
        sp->grouping = '_';
        p++;
    }
    if (p < end && *p == ',' && sp->grouping == '_')
        return wf_err_set_str(wf_exc_ValueError, "Cannot specify both ',' and '_'."), NULL;
    if (p < end && *p == '.') {
        p++;
        n = nf_integer(&p, end, &sp->precision);
        if (n < 0)
            return NULL;
        if (n == 0)
            return wf_err_set_str(wf_exc_ValueError, "Format specifier missing precision"), NULL;
    }
    return p;
}

/* The type: at most one code point is left; a non-ASCII one is never valid. */
static int nf_parse_type(const char *p, const char *end, Spec *sp, Value specv, Value obj)
{
    if (end - p > 1 && (unsigned char)*p >= 0x80 && (size_t)(end - p) == nf_utf8_len((unsigned char)*p)) {
        unsigned cp = (unsigned)(unsigned char)*p & (0xFF >> (end - p + 1));
        for (const char *c = p + 1; c < end; c++)
            cp = (cp << 6) | ((unsigned)(unsigned char)*c & 0x3F);
        if (sp->grouping)
            wf_err_format(wf_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sp->grouping, cp);
        else
            wf_err_format(wf_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'", cp,
                          wf_type_name(obj));
        return -1;
    }
    if (end - p > 1) {
        wf_err_format(wf_exc_ValueError, "Invalid format specifier '%s' for object of type '%s'",
                      wf_str_cstr(specv), wf_type_name(obj));
        return -1;
    }
    if (end - p == 1)
        sp->type = *p;
    return 0;
}

static int nf_parse(Value specv, Value obj, Spec *sp)
{
    StrObject *so = wf_as_str(specv);
    const char *p = so->data, *end = so->data + so->len;
    memset(sp, 0, sizeof *sp);
    strcpy(sp->fill, " ");
    sp->align = '>';
    sp->width = sp->precision = -1;
    p = nf_parse_flags(p, end, sp);
    if (!(p = nf_parse_sizes(p, end, sp)) || nf_parse_type(p, end, sp, specv, obj) < 0)
        return -1;
    if (sp->width > NF_MAX_OUTPUT)
        return wf_err_no_memory(), -1;
    return nf_check_grouping(sp);
}

static Value nf_unknown_code(char type, Value obj)
{
    if (type > 32 && type < 127)
        return wf_err_format(wf_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                             type, wf_type_name(obj));
    return wf_err_format(wf_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                         (unsigned)(unsigned char)type, wf_type_name(obj));
}

/* ---- layout ---- */

/* Digits `d` (n of them) grouped from the right, zero-extended to at least
 * min_width characters; a group never starts with a separator. */
static void nf_group(Buf *out, const char *d, size_t n, const Spec *sp, int64_t min_width)
{
    if (!sp->grouping || n == 0) {
        for (int64_t i = (int64_t)n; i < min_width; i++)
            buf_addc(out, '0');
        buf_add(out, d, n);
        return;
    }
    Buf rev = {0};
    size_t i = 0;
    for (;;) {
        for (int j = 0; j < sp->group_size; j++, i++) {
            if (i < n)
                buf_addc(&rev, d[n - 1 - i]);
            else if ((int64_t)rev.len < min_width || j == 0)
                buf_addc(&rev, '0');
            else
                break;
        }
        if (i >= n && (int64_t)rev.len >= min_width)
            break;
        buf_addc(&rev, sp->grouping);
    }
    for (size_t k = rev.len; k > 0; k--)
        buf_addc(out, rev.p[k - 1]);
    wf_mem_free(rev.p);
}

/* Pads and assembles the pieces. `digits` may be empty (inf, nan, 'c');
 * `rest` is nrest bytes (a 'c' result may be "\0"). */
static Value nf_render_n(const Spec *sp, bool neg, const char *prefix, const char *digits,
                         size_t ndigits, const char *rest, size_t nrest)
{
    const char *sign = neg ? "-" : sp->sign == '+' ? "+" : sp->sign == ' ' ? " " : "";
    size_t fixed = strlen(sign) + strlen(prefix) + nrest;
    Buf body = {0};
    bool zero_fill = sp->align == '=' && strcmp(sp->fill, "0") == 0 && sp->width > 0;
    int64_t min_digits = zero_fill && sp->grouping && ndigits ? sp->width - (int64_t)fixed : 0;
    nf_group(&body, digits, ndigits, sp, min_digits);
    /* Width counts code points: only rest (a 'c' result) may be non-ASCII. */
    for (size_t i = 0; i < nrest; i++)
        if (((unsigned char)rest[i] & 0xC0) == 0x80)
            fixed--;
    int64_t total = (int64_t)(fixed + body.len);
    int64_t pad = sp->width > total ? sp->width - total : 0;
    int64_t left = 0, right = 0, mid = 0;
    switch (sp->align) {
    case '<': right = pad; break;
    case '^': left = pad / 2; right = pad - left; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    Buf out = {0};
    buf_repeat(&out, sp->fill, left);
    buf_add(&out, sign, strlen(sign));
    buf_add(&out, prefix, strlen(prefix));
    buf_repeat(&out, sp->fill, mid);
    buf_add(&out, body.p ? body.p : "", body.len);
    buf_add(&out, rest, nrest);
    buf_repeat(&out, sp->fill, right);
    wf_mem_free(body.p);
    return buf_finish(&out);
}

static Value nf_render(const Spec *sp, bool neg, const char *prefix, const char *digits,
                       size_t ndigits, const char *rest)
{
    return nf_render_n(sp, neg, prefix, digits, ndigits, rest, strlen(rest));
}

/* Split a number string into its leading digit run and the rest. */
static Value nf_render_number(const Spec *sp, bool neg, const char *prefix, const char *num)
{
    size_t n = strspn(num, "0123456789");
    return nf_render(sp, neg, prefix, num, n, num + n);
}

/* ---- int ---- */

static Value nf_int_char(const Spec *sp, Value v)
{
    if (sp->sign)
        return wf_err_set_str(wf_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (sp->alt)
        return wf_err_set_str(wf_exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    int64_t x;
    if (wf_int_as_i64(v, &x) < 0)
        return 0;
    if (x < 0 || x > 0x10ffff)
        return wf_err_set_str(wf_exc_OverflowError, "%c arg not in range(0x110000)");
    Value ch = wf_str_from_codepoint((uint32_t)x);
    if (!ch)
        return 0;
    Value r = nf_render_n(sp, false, "", "", 0, wf_str_cstr(ch), wf_as_str(ch)->len);
    wf_decref(ch);
    return r;
}

static Value nf_int_digits(const Spec *sp, Value v)
{
    int base = 10;
    const char *prefix = "";
    switch (sp->type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    default: break;
    }
    if (!sp->alt)
        prefix = "";
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, v);
    bool neg = mpz_sgn(z) < 0;
    char *digits;
    size_t n;
    if (base == 10) {
        digits = wf_int_decimal(v, &n, &neg);
        if (!digits)
            return 0;
    } else {
        mpz_t a;
        mpz_init(a);
        mpz_abs(a, z);
        digits = wf_mem_alloc(mpz_sizeinbase(a, base) + 2);
        mpz_get_str(digits, base, a);
        mpz_clear(a);
        if (sp->type == 'X')
            for (char *c = digits; *c; c++)
                if (*c >= 'a' && *c <= 'f')
                    *c = (char)(*c - 32);
        n = strlen(digits);
    }
    Value r = nf_render(sp, neg, prefix, digits, n, "");
    wf_mem_free(digits);
    return r;
}

static Value nf_float_spec(Value v, const Spec *sp);

Value wf_int_format(Value v, Value spec)
{
    if (!spec || wf_as_str(spec)->len == 0)
        return wf_str(v);
    Spec sp;
    if (nf_parse(spec, v, &sp) < 0)
        return 0;
    switch (sp.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': case 0:
        break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        Value f = wf_float_from_object(v);
        if (!f)
            return 0;
        Value r = nf_float_spec(f, &sp);
        wf_decref(f);
        return r;
    }
    default:
        return nf_unknown_code(sp.type, v);
    }
    if (sp.precision != -1)
        return wf_err_set_str(wf_exc_ValueError, "Precision not allowed in integer format specifier");
    if (sp.no_neg_0)
        return wf_err_set_str(wf_exc_ValueError,
                              "Negative zero coercion (z) not allowed in integer format specifier");
    if (sp.type == 'c')
        return nf_int_char(&sp, v);
    return nf_int_digits(&sp, v);
}

/* ---- float ---- */

/* Digits of |d| as David Gay's dtoa would give them: mode 0 shortest, mode 2
 * `nd` significant digits, mode 3 `nd` digits after the point. Trailing zeros
 * are stripped; zero is "0" with decpt 1. Returns decpt; *digits is heap. */
static int nf_dtoa(double d, int mode, int64_t nd, char **digits)
{
    d = fabs(d);
    if (d == 0.0 || (mode == 0 && d == 0.0)) {
        *digits = wf_mem_alloc(2);
        strcpy(*digits, "0");
        return 1;
    }
    if (mode == 0) {
        *digits = wf_mem_alloc(24);
        return wf_float_shortest(d, *digits);
    }
    const char *fmt = mode == 2 ? "%.*e" : "%.*f";
    int prec = (int)(mode == 2 ? nd - 1 : nd);
    int len = snprintf(NULL, 0, fmt, prec, d);
    char *s = wf_mem_alloc((size_t)len + 1);
    snprintf(s, (size_t)len + 1, fmt, prec, d);
    char *out = wf_mem_alloc((size_t)len + 2);
    size_t n = 0;
    int decpt = 0;
    bool seen_point = false;
    const char *p = s;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        if (n == 0 && *p == '0') {  /* leading zero: moves the point left */
            if (seen_point)
                decpt--;
            continue;
        }
        out[n++] = *p;
        if (!seen_point)
            decpt++;
    }
    if (mode == 2)
        decpt = atoi(p + 1) + 1;
    while (n > 0 && out[n - 1] == '0')
        n--;
    if (n == 0) {
        out[n++] = '0';
        decpt = 1;
    }
    out[n] = 0;
    wf_mem_free(s);
    *digits = out;
    return decpt;
}

/* CPython's format_float_short for finite d, without the sign. */
static void nf_float_body(Buf *b, double d, char code, int64_t precision, bool add_dot_0, bool alt,
                          bool upper, bool *zero_digits)
{
    int mode = code == 'e' || code == 'g' ? 2 : code == 'f' ? 3 : 0;
    if (code == 'e')
        precision++;
    if (code == 'g' && precision == 0)
        precision = 1;
    char *digits;
    int64_t decpt = nf_dtoa(d, mode, precision, &digits);
    int64_t ndig = (int64_t)strlen(digits);
    *zero_digits = ndig == 1 && digits[0] == '0';
    int64_t vend = ndig, exp = 0;
    bool use_exp = false;
    switch (code) {
    case 'e': use_exp = true; vend = precision; break;
    case 'f': vend = decpt + precision; break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = true;
        if (alt)
            vend = precision;
        break;
    default:
        if (decpt <= -4 || decpt > 16)
            use_exp = true;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    int64_t vstart = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vend = vend > decpt ? vend : decpt + 1;
    else
        vend = vend > decpt ? vend : decpt;
    if (decpt <= 0) {
        buf_repeat(b, "0", decpt - vstart);
        buf_addc(b, '.');
        buf_repeat(b, "0", -decpt);
    } else {
        buf_repeat(b, "0", -vstart);
    }
    if (0 < decpt && decpt <= ndig) {
        buf_add(b, digits, (size_t)decpt);
        buf_addc(b, '.');
        buf_add(b, digits + decpt, (size_t)(ndig - decpt));
    } else {
        buf_add(b, digits, (size_t)ndig);
    }
    if (ndig < decpt) {
        buf_repeat(b, "0", decpt - ndig);
        buf_addc(b, '.');
        buf_repeat(b, "0", vend - decpt);
    } else {
        buf_repeat(b, "0", vend - ndig);
    }
    if (b->len && b->p[b->len - 1] == '.' && !alt)
        b->p[--b->len] = 0;
    if (use_exp) {
        char e[32];
        snprintf(e, sizeof e, "%c%+.02d", upper ? 'E' : 'e', (int)exp);
        buf_add(b, e, strlen(e));
    }
    wf_mem_free(digits);
}

static Value nf_float_spec(Value v, const Spec *sp)
{
    double x = wf_float_val(v);
    char type = sp->type;
    int64_t precision = sp->precision;
    bool add_dot_0 = false, pct = false;
    if (precision > INT32_MAX)
        return wf_err_set_str(wf_exc_ValueError, "precision too big");
    /* snprintf cannot produce more than INT_MAX bytes; refuse instead of dying. */
    if (precision > NF_MAX_OUTPUT)
        return wf_err_no_memory();
    if (type == 0) {
        add_dot_0 = true;
        type = 'r';
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        x *= 100;
        pct = true;
    }
    if (precision < 0)
        precision = type == 'r' ? 0 : 6;
    else if (type == 'r')
        type = 'g';
    bool upper = type == 'E' || type == 'F' || type == 'G';
    char code = upper ? (char)(type + 32) : type;
    bool neg = signbit(x) && !isnan(x);
    Buf b = {0};
    if (isnan(x) || isinf(x)) {
        buf_add(&b, isnan(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
    } else {
        bool zero_digits;
        nf_float_body(&b, x, code, precision, add_dot_0, sp->alt, upper, &zero_digits);
        if (sp->no_neg_0 && zero_digits)
            neg = false;
    }
    if (pct)
        buf_addc(&b, '%');
    Value r = nf_render_number(sp, neg, "", b.p ? b.p : "");
    wf_mem_free(b.p);
    return r;
}

Value wf_float_format(Value v, Value spec)
{
    if (!spec || wf_as_str(spec)->len == 0)
        return wf_str(v);
    Spec sp;
    if (nf_parse(spec, v, &sp) < 0)
        return 0;
    switch (sp.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case 0:
        return nf_float_spec(v, &sp);
    default:
        return nf_unknown_code(sp.type, v);
    }
}
