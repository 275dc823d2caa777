/* weft: the named methods of str (split, join, strip, find, upper, ...). */
/* (str, arguments) -> new str / list / tuple / int / bool, as CPython 3.11. */
#define _GNU_SOURCE  /* memmem */
#include <stdio.h>
#include <limits.h>
#include "weft.h"
#include "strimpl.h"
#include "critsec.h"  /* str.join over a list under its section */

/*
 * Searching works on UTF-8 bytes: a match of a well-formed needle in a
 * well-formed haystack always starts on a code point boundary, so memmem is
 * exact. Positions reported to Python are then converted back to code point
 * indices. Argument checks follow CPython's three styles, whose messages
 * differ: METH_NOARGS/METH_O ("str.join() takes exactly one argument"),
 * Argument Clinic ("ljust expected at least 1 argument, got 0") and the
 * old PyArg_ParseTuple ("find() takes at least 1 argument (0 given)").
 */

#define SM_MAX ((intptr_t)(SIZE_MAX >> 2))

/* ---- argument helpers ---- */

static int sm_noargs(const char *qual, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs(qual, kwnames) < 0)
        return -1;
    return wf_check_nargs(qual, nargs, 0, 0);
}

static int sm_onearg(const char *qual, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs(qual, kwnames) < 0)
        return -1;
    return wf_check_nargs(qual, nargs, 1, 1);
}

/* Argument Clinic positional-only methods. */
static int sm_clinic(const char *qual, const char *bare, size_t nargs, Value kwnames,
                     size_t min, size_t max)
{
    if (wf_no_kwargs(qual, kwnames) < 0)
        return -1;
    return wf_check_nargs(bare, nargs, min, max);
}

/* PyArg_ParseTuple-style counts: "find() takes at least 1 argument (0 given)". */
static int sm_tuple_args(const char *name, size_t nargs, Value kwnames, size_t min, size_t max)
{
    if (wf_no_kwargs(name, kwnames) < 0)
        return -1;
    if (nargs >= min && nargs <= max)
        return 0;
    size_t n = nargs < min ? min : max;
    return wf_err_format(wf_exc_TypeError, "%s() takes %s %zu argument%s (%zu given)", name,
                         nargs < min ? "at least" : "at most", n, n == 1 ? "" : "s", nargs), -1;
}

/* An int-like argument as a C size (clamping is the caller's business). */
static int sm_ssize(Value v, intptr_t *out)
{
    if (wf_is_small(v)) {
        *out = wf_small_val(v);
        return 0;
    }
    if (!wf_is_int(v) && !wf_type(v)->tp_index)
        return wf_err_format(wf_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             wf_type_name(v)), -1;
    Value i = wf_index(v);
    if (!i)
        return -1;
    int64_t r;
    int rc = wf_int_as_i64(i, &r);
    wf_decref(i);
    if (rc < 0) {
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C ssize_t"), -1;
    }
    *out = (intptr_t)r;
    return 0;
}

/* A start/end argument: None, or int-like, saturating at the C range as
 * CPython's _PyEval_SliceIndex does. */
static int sm_slice_index(Value v, intptr_t *out)
{
    if (!v || v == wf_None)
        return 0;
    if (wf_is_small(v)) {
        *out = wf_small_val(v);
        return 0;
    }
    if (!wf_is_int(v) && !wf_type(v)->tp_index)
        return wf_err_set_str(wf_exc_TypeError,
                              "slice indices must be integers or None or have an __index__ method"), -1;
    Value i = wf_index(v);
    if (!i)
        return -1;
    int64_t k;
    if (wf_int_as_i64(i, &k) < 0) {
        wf_err_clear();
        k = wf_int_sign(i) < 0 ? -SM_MAX : SM_MAX;
    }
    *out = k < -SM_MAX ? -SM_MAX : k > SM_MAX ? SM_MAX : (intptr_t)k;
    wf_decref(i);
    return 0;
}

/* CPython's ADJUST_INDICES on code point indices: end is clamped to the
 * length, start may stay past it (callers test end - start). */
static int sm_range(StrObject *s, Value vstart, Value vend, intptr_t *start, intptr_t *end)
{
    intptr_t n = (intptr_t)s->nchars;
    *start = 0, *end = SM_MAX;
    if (sm_slice_index(vstart, start) < 0 || sm_slice_index(vend, end) < 0)
        return -1;
    if (*end > n)
        *end = n;
    else if (*end < 0 && (*end += n) < 0)
        *end = 0;
    if (*start < 0 && (*start += n) < 0)
        *start = 0;
    return 0;
}

static Value sm_need_str(Value v)
{
    return wf_err_format(wf_exc_TypeError, "must be str, not %s", wf_type_name(v));
}

/* A new exact str from the byte range [b, e) of s. */
static Value sm_sub(StrObject *s, size_t b, size_t e)
{
    if (b == 0 && e == s->len && s->ob.ob_type == &wf_type_str)
        return wf_incref(wf_val(s));
    if (s->ascii)
        return wf_str_new_n(s->data + b, e - b, e - b);
    return wf_str_new(s->data + b, e - b);
}

static Value sm_self_exact(Value self)
{
    StrObject *s = str_obj(self);
    return sm_sub(s, 0, s->len);
}

/* Append a new reference to a list, consuming it. */
static int sm_list_add(Value list, Value item)
{
    if (!item)
        return -1;
    int r = wf_list_append(list, item);
    wf_decref(item);
    return r;
}

static Value sm_tuple3(Value a, Value b, Value c)
{
    Value t = wf_tuple_new(3);
    TupleObject *o = wf_as_tuple(t);
    o->items[0] = a, o->items[1] = b, o->items[2] = c;
    return t;
}

/* Last occurrence of needle in hay[0, n). */
static const char *sm_memrmem(const char *hay, size_t n, const char *needle, size_t m)
{
    if (m > n)
        return NULL;
    if (m == 0)
        return hay + n;
    for (size_t i = n - m + 1; i-- > 0;)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
            return hay + i;
    return NULL;
}

/* ---- split family ---- */

static Value sm_split_whitespace(StrObject *s, intptr_t maxcount)
{
    Value list = wf_list_new(0);
    const char *d = s->data;
    size_t n = s->len, i = 0, j, k;
    while (maxcount-- > 0) {
        while (i < n && (k = i, wf_uc_isspace(str_decode(d, &k))))
            i = k;
        if (i == n)
            break;
        j = i;
        str_decode(d, &i);
        while (i < n && (k = i, !wf_uc_isspace(str_decode(d, &k))))
            i = k;
        if (sm_list_add(list, sm_sub(s, j, i)) < 0)
            goto fail;
    }
    if (i < n) {
        while (i < n && (k = i, wf_uc_isspace(str_decode(d, &k))))
            i = k;
        if (i != n && sm_list_add(list, sm_sub(s, i, n)) < 0)
            goto fail;
    }
    return list;
fail:
    wf_decref(list);
    return 0;
}

static Value sm_rsplit_whitespace(StrObject *s, intptr_t maxcount)
{
    Value list = wf_list_new(0);
    const char *d = s->data;
    size_t i = s->len, j, k;
    while (maxcount-- > 0) {
        while (i > 0 && (k = i, wf_uc_isspace(str_decode_back(d, &k))))
            i = k;
        if (i == 0)
            break;
        j = i;
        str_decode_back(d, &i);
        while (i > 0 && (k = i, !wf_uc_isspace(str_decode_back(d, &k))))
            i = k;
        if (sm_list_add(list, sm_sub(s, i, j)) < 0)
            goto fail;
    }
    if (i > 0) {
        while (i > 0 && (k = i, wf_uc_isspace(str_decode_back(d, &k))))
            i = k;
        if (i > 0 && sm_list_add(list, sm_sub(s, 0, i)) < 0)
            goto fail;
    }
    return list;
fail:
    wf_decref(list);
    return 0;
}

static Value sm_split_sep(StrObject *s, StrObject *sep, intptr_t maxcount, bool right)
{
    Value list = wf_list_new(0);
    if (!right) {
        size_t i = 0;
        const char *p;
        while (maxcount-- > 0 && (p = memmem(s->data + i, s->len - i, sep->data, sep->len))) {
            size_t at = (size_t)(p - s->data);
            if (sm_list_add(list, sm_sub(s, i, at)) < 0)
                goto fail;
            i = at + sep->len;
        }
        if (sm_list_add(list, sm_sub(s, i, s->len)) < 0)
            goto fail;
        return list;
    }
    size_t j = s->len;
    const char *p;
    while (maxcount-- > 0 && (p = sm_memrmem(s->data, j, sep->data, sep->len))) {
        size_t at = (size_t)(p - s->data);
        if (sm_list_add(list, sm_sub(s, at + sep->len, j)) < 0)
            goto fail;
        j = at;
    }
    if (sm_list_add(list, sm_sub(s, 0, j)) < 0)
        goto fail;
    /* Collected right to left. */
    ListObject *l = wf_as_list(list);
    for (size_t a = 0, b = l->size; b-- > a + 1; a++) {
        Value t = l->items[a];
        l->items[a] = l->items[b];
        l->items[b] = t;
    }
    return list;
fail:
    wf_decref(list);
    return 0;
}

static Value sm_split_common(Value self, const Value *args, size_t nargs, Value kwnames, bool right)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Value sep = wf_None, vmax = 0;
    intptr_t maxcount = -1;
    if (wf_parse_args(right ? "rsplit" : "split", args, nargs, kwnames, "|OO", names, &sep, &vmax) < 0)
        return 0;
    if (vmax && sm_ssize(vmax, &maxcount) < 0)
        return 0;
    if (maxcount < 0)
        maxcount = SM_MAX;
    StrObject *s = str_obj(self);
    if (sep == wf_None) {
        if (right) {
            Value list = sm_rsplit_whitespace(s, maxcount);
            if (list) {
                ListObject *l = wf_as_list(list);
                for (size_t a = 0, b = l->size; b-- > a + 1; a++) {
                    Value t = l->items[a];
                    l->items[a] = l->items[b];
                    l->items[b] = t;
                }
            }
            return list;
        }
        return sm_split_whitespace(s, maxcount);
    }
    if (!wf_is_str(sep))
        return wf_err_format(wf_exc_TypeError, "must be str or None, not %s", wf_type_name(sep));
    if (str_obj(sep)->len == 0)
        return wf_err_set_str(wf_exc_ValueError, "empty separator");
    return sm_split_sep(s, str_obj(sep), maxcount, right);
}

static Value str_split(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_split_common(self, args, nargs, kwnames, false);
}

static Value str_rsplit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_split_common(self, args, nargs, kwnames, true);
}

static bool sm_is_linebreak(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
           c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static Value str_splitlines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    Value vkeep = 0;
    intptr_t keep = 0;
    if (wf_parse_args("splitlines", args, nargs, kwnames, "|O", names, &vkeep) < 0)
        return 0;
    if (vkeep && sm_ssize(vkeep, &keep) < 0)
        return 0;
    StrObject *s = str_obj(self);
    Value list = wf_list_new(0);
    size_t i = 0, n = s->len;
    while (i < n) {
        size_t start = i, eol;
        for (;;) {
            if (i >= n) {
                eol = i;
                break;
            }
            size_t k = i;
            uint32_t c = str_decode(s->data, &k);
            if (sm_is_linebreak(c)) {
                eol = i;
                i = k;
                if (c == '\r' && i < n && s->data[i] == '\n')
                    i++;
                break;
            }
            i = k;
        }
        if (sm_list_add(list, sm_sub(s, start, keep ? i : eol)) < 0) {
            wf_decref(list);
            return 0;
        }
    }
    return list;
}

static Value sm_partition(Value self, Value sepv, bool right)
{
    if (!wf_is_str(sepv))
        return sm_need_str(sepv);
    StrObject *s = str_obj(self), *sep = str_obj(sepv);
    if (sep->len == 0)
        return wf_err_set_str(wf_exc_ValueError, "empty separator");
    const char *p = right ? sm_memrmem(s->data, s->len, sep->data, sep->len)
                          : memmem(s->data, s->len, sep->data, sep->len);
    Value e = wf_str_empty();
    if (!p)
        return right ? sm_tuple3(e, e, sm_self_exact(self)) : sm_tuple3(sm_self_exact(self), e, e);
    size_t at = (size_t)(p - s->data);
    return sm_tuple3(sm_sub(s, 0, at), sm_sub(sep, 0, sep->len), sm_sub(s, at + sep->len, s->len));
}

static Value str_partition(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.partition", nargs, kwnames) < 0)
        return 0;
    return sm_partition(self, args[0], false);
}

static Value str_rpartition(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.rpartition", nargs, kwnames) < 0)
        return 0;
    return sm_partition(self, args[0], true);
}

/* ---- join ---- */

static Value sm_join_items(Value sep, const Value *items, size_t n)
{
    StrObject *s = str_obj(sep);
    size_t total = 0, nchars = 0;
    bool ascii = s->ascii;
    for (size_t i = 0; i < n; i++) {
        if (!wf_is_str(items[i]))
            return wf_err_format(wf_exc_TypeError, "sequence item %zu: expected str instance, %s found",
                                 i, wf_type_name(items[i]));
        StrObject *it = str_obj(items[i]);
        total += it->len;
        nchars += it->nchars;
        ascii = ascii && it->ascii;
    }
    if (n == 1 && wf_is_str_exact(items[0]))
        return wf_incref(items[0]);
    if (n == 0)
        return wf_str_empty();
    total += s->len * (n - 1);
    nchars += s->nchars * (n - 1);
    StrObject *r = wf_str_alloc(total);
    char *p = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i && s->len) {
            memcpy(p, s->data, s->len);
            p += s->len;
        }
        StrObject *it = str_obj(items[i]);
        memcpy(p, it->data, it->len);
        p += it->len;
    }
    r->nchars = nchars;
    r->ascii = ascii;
    return wf_val(r);
}

Value wf_str_join(Value sep, Value iterable)
{
    if (wf_is_list_exact(iterable)) {
        /* Under the list's section, as free-threaded CPython's join: no
         * Python code runs in sm_join_items, so the items and the size read
         * there stay those of one instant of the list. */
        Value r;
        WF_CRITSEC_BEGIN(wf_obj(iterable));
        r = sm_join_items(sep, wf_as_list(iterable)->items, wf_as_list(iterable)->size);
        WF_CRITSEC_END();
        return r;
    }
    if (wf_is_tuple_exact(iterable))
        return sm_join_items(sep, wf_as_tuple(iterable)->items, wf_as_tuple(iterable)->size);
    Value it = wf_iter(iterable);
    if (!it) {
        if (wf_err_matches(wf_exc_TypeError)) {
            wf_err_clear();
            return wf_err_set_str(wf_exc_TypeError, "can only join an iterable");
        }
        return 0;
    }
    size_t n = 0, cap = 16;
    Value *items = wf_mem_alloc(cap * sizeof *items), v, r = 0;
    while ((v = wf_next(it))) {
        if (n == cap)
            items = wf_mem_realloc(items, (cap *= 2) * sizeof *items);
        items[n++] = v;
    }
    if (!wf_err_occurred())
        r = sm_join_items(sep, items, n);
    for (size_t i = 0; i < n; i++)
        wf_decref(items[i]);
    wf_mem_free(items);
    wf_decref(it);
    return r;
}

static Value str_join(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.join", nargs, kwnames) < 0)
        return 0;
    return wf_str_join(self, args[0]);
}

/* ---- strip ---- */

enum { SM_LEFT = 1, SM_RIGHT = 2, SM_BOTH = 3 };

static bool sm_in_chars(uint32_t c, StrObject *chars)
{
    if (!chars)
        return wf_uc_isspace(c);
    if (c < 128)
        return memchr(chars->data, (int)c, chars->len) != NULL;
    char buf[4];
    size_t n = str_encode(c, buf);
    return memmem(chars->data, chars->len, buf, n) != NULL;
}

static Value sm_strip(Value self, const Value *args, size_t nargs, Value kwnames, int how,
                      const char *qual, const char *bare)
{
    if (sm_clinic(qual, bare, nargs, kwnames, 0, 1) < 0)
        return 0;
    StrObject *chars = NULL;
    if (nargs == 1 && args[0] != wf_None) {
        if (!wf_is_str(args[0]))
            return wf_err_format(wf_exc_TypeError, "%s arg must be None or str", bare);
        chars = str_obj(args[0]);
    }
    StrObject *s = str_obj(self);
    size_t b = 0, e = s->len, k;
    if (how & SM_LEFT)
        while (b < e && (k = b, sm_in_chars(str_decode(s->data, &k), chars)))
            b = k;
    if (how & SM_RIGHT)
        while (e > b && (k = e, sm_in_chars(str_decode_back(s->data, &k), chars)))
            e = k;
    return sm_sub(s, b, e);
}

static Value str_strip(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_strip(self, args, nargs, kwnames, SM_BOTH, "str.strip", "strip");
}

static Value str_lstrip(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_strip(self, args, nargs, kwnames, SM_LEFT, "str.lstrip", "lstrip");
}

static Value str_rstrip(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_strip(self, args, nargs, kwnames, SM_RIGHT, "str.rstrip", "rstrip");
}

static Value sm_remove_affix(Value self, const Value *args, size_t nargs, Value kwnames, bool prefix)
{
    const char *name = prefix ? "removeprefix" : "removesuffix";
    if (sm_onearg(prefix ? "str.removeprefix" : "str.removesuffix", nargs, kwnames) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "%s() argument must be str, not %s", name,
                             wf_type_name(args[0]));
    StrObject *s = str_obj(self), *a = str_obj(args[0]);
    if (a->len <= s->len) {
        if (prefix && memcmp(s->data, a->data, a->len) == 0)
            return sm_sub(s, a->len, s->len);
        if (!prefix && memcmp(s->data + s->len - a->len, a->data, a->len) == 0)
            return sm_sub(s, 0, s->len - a->len);
    }
    return sm_self_exact(self);
}

static Value str_removeprefix(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_remove_affix(self, args, nargs, kwnames, true);
}

static Value str_removesuffix(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_remove_affix(self, args, nargs, kwnames, false);
}

/* ---- replace ---- */

static Value sm_replace_empty(StrObject *s, StrObject *new, intptr_t count)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    while (count-- > 0) {
        wf_sb_add_str(&sb, wf_val(new));
        if (i >= s->len) {
            i = s->len + 1;
            break;
        }
        size_t k = i;
        str_decode(s->data, &k);
        wf_sb_add(&sb, s->data + i, k - i);
        i = k;
    }
    if (i < s->len)
        wf_sb_add(&sb, s->data + i, s->len - i);
    return wf_sb_finish(&sb);
}

static Value str_replace(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_clinic("str.replace", "replace", nargs, kwnames, 2, 3) < 0)
        return 0;
    for (int i = 0; i < 2; i++)
        if (!wf_is_str(args[i]))
            return wf_err_format(wf_exc_TypeError, "replace() argument %d must be str, not %s", i + 1,
                                 wf_type_name(args[i]));
    intptr_t count = -1;
    if (nargs == 3 && sm_ssize(args[2], &count) < 0)
        return 0;
    if (count < 0)
        count = SM_MAX;
    StrObject *s = str_obj(self), *old = str_obj(args[0]), *new = str_obj(args[1]);
    if (count == 0 || args[0] == args[1])
        return sm_self_exact(self);
    if (old->len == 0)
        return sm_replace_empty(s, new, count);
    const char *p = memmem(s->data, s->len, old->data, old->len);
    if (!p)
        return sm_self_exact(self);
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    while (p && count-- > 0) {
        size_t at = (size_t)(p - s->data);
        wf_sb_add(&sb, s->data + i, at - i);
        wf_sb_add_str(&sb, wf_val(new));
        i = at + old->len;
        p = memmem(s->data + i, s->len - i, old->data, old->len);
    }
    wf_sb_add(&sb, s->data + i, s->len - i);
    return wf_sb_finish(&sb);
}

/* ---- find family ---- */

/* Search sub in s[start:end] (code points); returns the index or -1, -2 on error. */
static intptr_t sm_find(Value self, const char *name, const Value *args, size_t nargs,
                        Value kwnames, bool right)
{
    if (sm_tuple_args(name, nargs, kwnames, 1, 3) < 0)
        return -2;
    if (!wf_is_str(args[0]))
        return sm_need_str(args[0]), -2;
    StrObject *s = str_obj(self), *sub = str_obj(args[0]);
    intptr_t start, end;
    if (sm_range(s, nargs > 1 ? args[1] : 0, nargs > 2 ? args[2] : 0, &start, &end) < 0)
        return -2;
    if (end - start < (intptr_t)sub->nchars)
        return -1;
    size_t b = wf_str_offset(s, (size_t)start), e = wf_str_offset(s, (size_t)end);
    const char *p = right ? sm_memrmem(s->data + b, e - b, sub->data, sub->len)
                          : (sub->len ? memmem(s->data + b, e - b, sub->data, sub->len) : s->data + b);
    if (!p)
        return -1;
    size_t off = (size_t)(p - s->data);
    return s->ascii ? (intptr_t)off : start + (intptr_t)wf_str_count_chars(s->data + b, off - b);
}

static Value sm_find_result(intptr_t r, bool raise)
{
    if (r == -2)
        return 0;
    if (r == -1 && raise)
        return wf_err_set_str(wf_exc_ValueError, "substring not found");
    return wf_small(r);
}

static Value str_find(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_find_result(sm_find(self, "find", args, nargs, kwnames, false), false);
}

static Value str_rfind(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_find_result(sm_find(self, "rfind", args, nargs, kwnames, true), false);
}

static Value str_index(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_find_result(sm_find(self, "index", args, nargs, kwnames, false), true);
}

static Value str_rindex(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_find_result(sm_find(self, "rindex", args, nargs, kwnames, true), true);
}

static Value str_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_tuple_args("count", nargs, kwnames, 1, 3) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return sm_need_str(args[0]);
    StrObject *s = str_obj(self), *sub = str_obj(args[0]);
    intptr_t start, end;
    if (sm_range(s, nargs > 1 ? args[1] : 0, nargs > 2 ? args[2] : 0, &start, &end) < 0)
        return 0;
    if (end - start < (intptr_t)sub->nchars)
        return wf_small(0);
    if (sub->len == 0)
        return wf_small(end - start + 1);
    size_t b = wf_str_offset(s, (size_t)start), e = wf_str_offset(s, (size_t)end);
    intptr_t n = 0;
    const char *p;
    while ((p = memmem(s->data + b, e - b, sub->data, sub->len))) {
        n++;
        b = (size_t)(p - s->data) + sub->len;
    }
    return wf_small(n);
}

/* Does s[start:end] start (or end) with sub? 1, 0, or -1 on error. */
static int sm_tailmatch(StrObject *s, Value subv, intptr_t start, intptr_t end, bool suffix)
{
    StrObject *sub = str_obj(subv);
    if (start > (intptr_t)s->nchars || end - start < (intptr_t)sub->nchars)
        return 0;
    if (sub->len == 0)
        return 1;
    size_t b = wf_str_offset(s, (size_t)start), e = wf_str_offset(s, (size_t)end);
    if (e - b < sub->len)
        return 0;
    const char *at = suffix ? s->data + e - sub->len : s->data + b;
    return memcmp(at, sub->data, sub->len) == 0;
}

static Value sm_startsend(Value self, const Value *args, size_t nargs, Value kwnames, bool suffix)
{
    const char *name = suffix ? "endswith" : "startswith";
    if (sm_tuple_args(name, nargs, kwnames, 1, 3) < 0)
        return 0;
    StrObject *s = str_obj(self);
    intptr_t start, end;
    if (sm_range(s, nargs > 1 ? args[1] : 0, nargs > 2 ? args[2] : 0, &start, &end) < 0)
        return 0;
    Value x = args[0];
    if (wf_is_tuple(x)) {
        for (size_t i = 0; i < wf_tuple_size(x); i++) {
            Value item = wf_tuple_get(x, i);
            if (!wf_is_str(item))
                return wf_err_format(wf_exc_TypeError, "tuple for %s must only contain str, not %s",
                                     name, wf_type_name(item));
            if (sm_tailmatch(s, item, start, end, suffix))
                return wf_True;
        }
        return wf_False;
    }
    if (!wf_is_str(x))
        return wf_err_format(wf_exc_TypeError, "%s first arg must be str or a tuple of str, not %s",
                             name, wf_type_name(x));
    return wf_bool(sm_tailmatch(s, x, start, end, suffix));
}

static Value str_startswith(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_startsend(self, args, nargs, kwnames, false);
}

static Value str_endswith(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_startsend(self, args, nargs, kwnames, true);
}

/* ---- padding ---- */

static void sm_fill(StrBuilder *sb, const char *fill, size_t fill_len, size_t n)
{
    for (size_t i = 0; i < n; i++)
        wf_sb_add(sb, fill, fill_len);
}

static Value sm_pad(Value self, size_t left, size_t right, const char *fill, size_t fill_len)
{
    if (left == 0 && right == 0)
        return sm_self_exact(self);
    StrBuilder sb;
    wf_sb_init(&sb);
    sm_fill(&sb, fill, fill_len, left);
    wf_sb_add_str(&sb, self);
    sm_fill(&sb, fill, fill_len, right);
    return wf_sb_finish(&sb);
}

static Value sm_justify(Value self, const Value *args, size_t nargs, Value kwnames, int how,
                        const char *qual, const char *bare)
{
    if (sm_clinic(qual, bare, nargs, kwnames, 1, 2) < 0)
        return 0;
    intptr_t width;
    if (sm_ssize(args[0], &width) < 0)
        return 0;
    const char *fill = " ";
    size_t fill_len = 1;
    if (nargs == 2) {
        if (!wf_is_str(args[1]))
            return wf_err_format(wf_exc_TypeError, "The fill character must be a unicode character, not %s",
                                 wf_type_name(args[1]));
        if (str_obj(args[1])->nchars != 1)
            return wf_err_set_str(wf_exc_TypeError, "The fill character must be exactly one character long");
        fill = str_obj(args[1])->data;
        fill_len = str_obj(args[1])->len;
    }
    intptr_t n = (intptr_t)str_obj(self)->nchars;
    if (width <= n)
        return sm_self_exact(self);
    if ((size_t)(width - n) * fill_len > WF_STR_MAX_BYTES)
        return wf_err_no_memory();
    size_t marg = (size_t)(width - n), left;
    if (how == SM_LEFT)          /* ljust: pad on the right */
        left = 0;
    else if (how == SM_RIGHT)    /* rjust */
        left = marg;
    else
        left = marg / 2 + (marg & (size_t)width & 1);
    return sm_pad(self, left, marg - left, fill, fill_len);
}

static Value str_ljust(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_justify(self, args, nargs, kwnames, SM_LEFT, "str.ljust", "ljust");
}

static Value str_rjust(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_justify(self, args, nargs, kwnames, SM_RIGHT, "str.rjust", "rjust");
}

static Value str_center(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sm_justify(self, args, nargs, kwnames, SM_BOTH, "str.center", "center");
}

static Value str_zfill(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.zfill", nargs, kwnames) < 0)
        return 0;
    intptr_t width;
    if (sm_ssize(args[0], &width) < 0)
        return 0;
    StrObject *s = str_obj(self);
    if (width <= (intptr_t)s->nchars)
        return sm_self_exact(self);
    size_t fill = (size_t)width - s->nchars;
    if (fill > WF_STR_MAX_BYTES)
        return wf_err_no_memory();
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    if (s->len && (s->data[0] == '+' || s->data[0] == '-')) {
        wf_sb_add_char(&sb, s->data[0]);
        i = 1;
    }
    for (size_t k = 0; k < fill; k++)
        wf_sb_add_char(&sb, '0');
    wf_sb_add(&sb, s->data + i, s->len - i);
    return wf_sb_finish(&sb);
}

static Value str_expandtabs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"tabsize", NULL};
    Value vts = 0;
    intptr_t ts = 8;
    if (wf_parse_args("expandtabs", args, nargs, kwnames, "|O", names, &vts) < 0)
        return 0;
    /* CPython parses tabsize as a C int. */
    if (vts && sm_ssize(vts, &ts) < 0) {
        if (!wf_err_matches(wf_exc_OverflowError))
            return 0;
        wf_err_clear();
        ts = INTPTR_MAX;
    }
    if (ts > INT_MAX || ts < INT_MIN)
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C int");
    StrObject *s = str_obj(self);
    if (!memchr(s->data, '\t', s->len))
        return sm_self_exact(self);
    if (ts > 0 && (size_t)ts > WF_STR_MAX_BYTES)
        return wf_err_set_str(wf_exc_OverflowError, "new string is too long");
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t col = 0, i = 0;
    while (i < s->len) {
        size_t k = i;
        uint32_t c = str_decode(s->data, &k);
        if (c == '\t') {
            if (ts > 0) {
                size_t n = (size_t)ts - col % (size_t)ts;
                col += n;
                while (n--)
                    wf_sb_add_char(&sb, ' ');
            }
        } else {
            wf_sb_add(&sb, s->data + i, k - i);
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        i = k;
    }
    return wf_sb_finish(&sb);
}

/* ---- case conversion ---- */

/* Is the Σ at byte offset i the last letter of a word? (CPython's
 * handle_capital_sigma: preceded by a cased letter and not followed by
 * one, skipping case-ignorable characters both ways.) */
static bool sm_final_sigma(StrObject *s, size_t i, size_t after)
{
    size_t j = i;
    uint32_t c = 0;
    bool before = false;
    while (j > 0) {
        c = str_decode_back(s->data, &j);
        unsigned f = wf_uc_flags(c);
        if (!(f & WF_UC_CASE_IGNORABLE)) {
            before = (f & WF_UC_CASED) != 0;
            break;
        }
    }
    if (!before)
        return false;
    j = after;
    while (j < s->len) {
        c = str_decode(s->data, &j);
        unsigned f = wf_uc_flags(c);
        if (!(f & WF_UC_CASE_IGNORABLE))
            return !(f & WF_UC_CASED);
    }
    return true;
}

static void sm_add_lower(StrBuilder *sb, StrObject *s, uint32_t c, size_t at, size_t after)
{
    uint32_t out[3];
    if (c == 0x3A3) {
        wf_sb_add_codepoint(sb, sm_final_sigma(s, at, after) ? 0x3C2 : 0x3C3);
        return;
    }
    int n = wf_uc_lower(c, out);
    for (int k = 0; k < n; k++)
        wf_sb_add_codepoint(sb, out[k]);
}

static void sm_add_mapped(StrBuilder *sb, int (*map)(uint32_t, uint32_t[3]), uint32_t c)
{
    uint32_t out[3];
    int n = map(c, out);
    for (int k = 0; k < n; k++)
        wf_sb_add_codepoint(sb, out[k]);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

/* The ASCII-only case conversions: one pass, no tables. */
static Value sm_case_ascii(StrObject *s, int kind)
{
    StrObject *r = wf_str_alloc(s->len);
    bool prev_cased = false;
    for (size_t i = 0; i < s->len; i++) {
        unsigned char c = (unsigned char)s->data[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        bool to_upper = kind == CASE_UPPER || (kind == CASE_SWAP && lo) ||
                        (kind == CASE_TITLE && !prev_cased) || (kind == CASE_CAPITALIZE && i == 0);
        if (to_upper && lo)
            c -= 32;
        else if (!to_upper && up && kind != CASE_UPPER)
            c += 32;
        r->data[i] = (char)c;
        prev_cased = up || lo;
    }
    r->nchars = r->len;
    r->ascii = 1;
    return wf_val(r);
}

static Value sm_case(Value self, int kind)
{
    StrObject *s = str_obj(self);
    if (s->ascii)
        return sm_case_ascii(s, kind);
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    bool prev_cased = false;
    while (i < s->len) {
        size_t at = i;
        uint32_t c = str_decode(s->data, &i);
        unsigned f = wf_uc_flags(c);
        if (!(f & WF_UC_CASED)) {
            /* Every case mapping leaves uncased characters (CJK, digits,
             * punctuation) alone; core/strunicode.py's tables agree. */
            wf_sb_add(&sb, s->data + at, i - at);
            prev_cased = false;
            continue;
        }
        switch (kind) {
        case CASE_LOWER:
            sm_add_lower(&sb, s, c, at, i);
            break;
        case CASE_UPPER:
            sm_add_mapped(&sb, wf_uc_upper, c);
            break;
        case CASE_FOLD:
            sm_add_mapped(&sb, wf_uc_fold, c);
            break;
        case CASE_SWAP:
            if (f & WF_UC_UPPER)
                sm_add_lower(&sb, s, c, at, i);
            else if (f & WF_UC_LOWER)
                sm_add_mapped(&sb, wf_uc_upper, c);
            else
                wf_sb_add_codepoint(&sb, c);
            break;
        case CASE_TITLE:
            if (prev_cased)
                sm_add_lower(&sb, s, c, at, i);
            else
                sm_add_mapped(&sb, wf_uc_title, c);
            prev_cased = (f & WF_UC_CASED) != 0;
            break;
        default:
            if (at == 0)
                sm_add_mapped(&sb, wf_uc_title, c);
            else
                sm_add_lower(&sb, s, c, at, i);
            break;
        }
    }
    return wf_sb_finish(&sb);
}

#define CASE_METHOD(name, kind) \
    static Value str_##name(Value self, const Value *args, size_t nargs, Value kwnames) \
    { \
        if (sm_noargs("str." #name, nargs, kwnames) < 0) \
            return 0; \
        return sm_case(self, kind); \
    }
CASE_METHOD(lower, CASE_LOWER)
CASE_METHOD(upper, CASE_UPPER)
CASE_METHOD(casefold, CASE_FOLD)
CASE_METHOD(swapcase, CASE_SWAP)
CASE_METHOD(title, CASE_TITLE)
CASE_METHOD(capitalize, CASE_CAPITALIZE)

/* ---- predicates ---- */

static unsigned sm_flags(uint32_t c)
{
    return wf_uc_flags(c);
}

/* True when s is non-empty and every code point has one of `mask`. */
static Value sm_all(Value self, unsigned mask)
{
    StrObject *s = str_obj(self);
    if (s->len == 0)
        return wf_False;
    size_t i = 0;
    while (i < s->len)
        if (!(sm_flags(str_decode(s->data, &i)) & mask))
            return wf_False;
    return wf_True;
}

#define PRED_METHOD(name, mask) \
    static Value str_##name(Value self, const Value *args, size_t nargs, Value kwnames) \
    { \
        if (sm_noargs("str." #name, nargs, kwnames) < 0) \
            return 0; \
        return sm_all(self, mask); \
    }
PRED_METHOD(isalpha, WF_UC_ALPHA)
PRED_METHOD(isdecimal, WF_UC_DECIMAL)
PRED_METHOD(isdigit, WF_UC_DIGIT)
PRED_METHOD(isnumeric, WF_UC_NUMERIC)
PRED_METHOD(isspace, WF_UC_SPACE)
PRED_METHOD(isalnum, WF_UC_ALPHA | WF_UC_DECIMAL | WF_UC_DIGIT | WF_UC_NUMERIC)

static Value str_isprintable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.isprintable", nargs, kwnames) < 0)
        return 0;
    return str_obj(self)->len == 0 ? wf_True : sm_all(self, WF_UC_PRINTABLE);
}

static Value str_isascii(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.isascii", nargs, kwnames) < 0)
        return 0;
    return wf_bool(str_obj(self)->ascii);
}

static Value str_isidentifier(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.isidentifier", nargs, kwnames) < 0)
        return 0;
    StrObject *s = str_obj(self);
    if (s->len == 0)
        return wf_False;
    size_t i = 0;
    if (!(sm_flags(str_decode(s->data, &i)) & WF_UC_XID_START))
        return wf_False;
    while (i < s->len)
        if (!(sm_flags(str_decode(s->data, &i)) & WF_UC_XID_CONTINUE))
            return wf_False;
    return wf_True;
}

/* islower / isupper: no character of the opposite case (or titlecase) and
 * at least one of the asked case. */
static Value sm_iscase(Value self, unsigned want, unsigned against)
{
    StrObject *s = str_obj(self);
    bool cased = false;
    size_t i = 0;
    while (i < s->len) {
        unsigned f = sm_flags(str_decode(s->data, &i));
        if (f & (against | WF_UC_TITLE))
            return wf_False;
        cased = cased || (f & want);
    }
    return wf_bool(cased);
}

static Value str_islower(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.islower", nargs, kwnames) < 0)
        return 0;
    return sm_iscase(self, WF_UC_LOWER, WF_UC_UPPER);
}

static Value str_isupper(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.isupper", nargs, kwnames) < 0)
        return 0;
    return sm_iscase(self, WF_UC_UPPER, WF_UC_LOWER);
}

static Value str_istitle(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.istitle", nargs, kwnames) < 0)
        return 0;
    StrObject *s = str_obj(self);
    bool cased = false, prev = false;
    size_t i = 0;
    while (i < s->len) {
        unsigned f = sm_flags(str_decode(s->data, &i));
        if (f & (WF_UC_UPPER | WF_UC_TITLE)) {
            if (prev)
                return wf_False;
            prev = cased = true;
        } else if (f & WF_UC_LOWER) {
            if (!prev)
                return wf_False;
            prev = cased = true;
        } else {
            prev = false;
        }
    }
    return wf_bool(cased);
}

/* ---- translate, maketrans ---- */

static int sm_dict_set_steal(Value d, Value k, Value v)
{
    int r = wf_dict_set(d, k, v);
    wf_decref(k);
    wf_decref(v);
    return r;
}

static Value sm_maketrans_dict(Value x)
{
    if (!wf_is_dict(x))
        return wf_err_set_str(wf_exc_TypeError,
                              "if you give only one argument to maketrans it must be a dict");
    Value d = wf_dict_new(), k, v;
    size_t pos = 0;
    while (wf_dict_next(x, &pos, &k, &v)) {
        Value key;
        if (wf_is_str(k)) {
            if (str_obj(k)->nchars != 1) {
                wf_decref(d);
                return wf_err_set_str(wf_exc_ValueError, "string keys in translate table must be of length 1");
            }
            size_t i = 0;
            key = wf_small(str_decode(str_obj(k)->data, &i));
        } else if (wf_is_int(k)) {
            key = wf_incref(k);
        } else {
            wf_decref(d);
            return wf_err_set_str(wf_exc_TypeError, "keys in translate table must be strings or integers");
        }
        if (sm_dict_set_steal(d, key, wf_incref(v)) < 0) {
            wf_decref(d);
            return 0;
        }
    }
    return d;
}

static Value str_maketrans(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_clinic("maketrans", "maketrans", nargs, kwnames, 1, 3) < 0)
        return 0;
    if (nargs == 1)
        return sm_maketrans_dict(args[0]);
    for (size_t i = 0; i < nargs; i++)
        if (!wf_is_str(args[i]))
            return wf_err_format(wf_exc_TypeError, "maketrans() argument %zu must be str, not %s", i + 1,
                                 wf_type_name(args[i]));
    StrObject *x = str_obj(args[0]), *y = str_obj(args[1]);
    if (x->nchars != y->nchars)
        return wf_err_set_str(wf_exc_ValueError, "the first two maketrans arguments must have equal length");
    Value d = wf_dict_new();
    size_t i = 0, j = 0;
    while (i < x->len) {
        uint32_t a = str_decode(x->data, &i), b = str_decode(y->data, &j);
        if (sm_dict_set_steal(d, wf_small(a), wf_small(b)) < 0)
            goto fail;
    }
    if (nargs == 3) {
        StrObject *z = str_obj(args[2]);
        i = 0;
        while (i < z->len)
            if (sm_dict_set_steal(d, wf_small(str_decode(z->data, &i)), wf_None) < 0)
                goto fail;
    }
    return d;
fail:
    wf_decref(d);
    return 0;
}

/* Apply one translate table entry for c; -1 on error. */
static int sm_translate_one(StrBuilder *sb, Value table, uint32_t c, const char *raw, size_t rawlen)
{
    Value r = wf_getitem(table, wf_small(c));
    if (!r) {
        if (!wf_err_matches(wf_exc_LookupError))
            return -1;
        wf_err_clear();
        wf_sb_add(sb, raw, rawlen);
        return 0;
    }
    int rc = 0;
    if (r == wf_None) {
        /* deleted */
    } else if (wf_is_str(r)) {
        wf_sb_add_str(sb, r);
    } else if (wf_is_int(r)) {
        int64_t cp;
        if (wf_int_as_i64(r, &cp) < 0 || cp < 0 || cp > 0x10FFFF) {
            wf_err_clear();
            wf_err_set_str(wf_exc_ValueError, "character mapping must be in range(0x110000)");
            rc = -1;
        } else {
            wf_sb_add_codepoint(sb, (uint32_t)cp);
        }
    } else {
        wf_err_set_str(wf_exc_TypeError, "character mapping must return integer, None or str");
        rc = -1;
    }
    wf_decref(r);
    return rc;
}

static Value str_translate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.translate", nargs, kwnames) < 0)
        return 0;
    StrObject *s = str_obj(self);
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    while (i < s->len) {
        size_t at = i;
        uint32_t c = str_decode(s->data, &i);
        if (sm_translate_one(&sb, args[0], c, s->data + at, i - at) < 0) {
            wf_sb_discard(&sb);
            return 0;
        }
    }
    return wf_sb_finish(&sb);
}

/* ---- formatting entry points ---- */

static Value str_format(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_str_format_method(self, args, nargs, kwnames);
}

static Value str_format_map(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.format_map", nargs, kwnames) < 0)
        return 0;
    return wf_str_format_map(self, args[0]);
}

static Value str_dunder_format(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_onearg("str.__format__", nargs, kwnames) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "__format__() argument must be str, not %s",
                             wf_type_name(args[0]));
    return wf_str_format_spec(self, args[0]);
}

static Value str_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sm_noargs("str.__getnewargs__", nargs, kwnames) < 0)
        return 0;
    /* A copy, never self (CPython's _PyUnicode_Copy). */
    StrObject *o = str_obj(self), *c = wf_str_alloc(o->len);
    memcpy(c->data, o->data, o->len);
    c->nchars = o->nchars;
    c->ascii = o->ascii;
    Value s = wf_val(c);
    Value t = wf_tuple_new(1);
    wf_as_tuple(t)->items[0] = s;
    return t;
}

const MethodDef wf_str_methods[] = {
    {"split", str_split, 0, "Return a list of the substrings in the string, using sep as the separator string."},
    {"rsplit", str_rsplit, 0, "Return a list of the substrings in the string, from the right."},
    {"splitlines", str_splitlines, 0, "Return a list of the lines in the string, breaking at line boundaries."},
    {"partition", str_partition, 0, "Partition the string into three parts using the given separator."},
    {"rpartition", str_rpartition, 0, "Partition the string into three parts, searching from the end."},
    {"join", str_join, 0, "Concatenate any number of strings."},
    {"strip", str_strip, 0, "Return a copy of the string with leading and trailing whitespace removed."},
    {"lstrip", str_lstrip, 0, "Return a copy of the string with leading whitespace removed."},
    {"rstrip", str_rstrip, 0, "Return a copy of the string with trailing whitespace removed."},
    {"removeprefix", str_removeprefix, 0, NULL},
    {"removesuffix", str_removesuffix, 0, NULL},
    {"replace", str_replace, 0, "Return a copy with all occurrences of substring old replaced by new."},
    {"find", str_find, 0, NULL},
    {"rfind", str_rfind, 0, NULL},
    {"index", str_index, 0, NULL},
    {"rindex", str_rindex, 0, NULL},
    {"count", str_count, 0, NULL},
    {"startswith", str_startswith, 0, NULL},
    {"endswith", str_endswith, 0, NULL},
    {"ljust", str_ljust, 0, NULL},
    {"rjust", str_rjust, 0, NULL},
    {"center", str_center, 0, NULL},
    {"zfill", str_zfill, 0, NULL},
    {"expandtabs", str_expandtabs, 0, NULL},
    {"lower", str_lower, 0, NULL},
    {"upper", str_upper, 0, NULL},
    {"casefold", str_casefold, 0, NULL},
    {"swapcase", str_swapcase, 0, NULL},
    {"title", str_title, 0, NULL},
    {"capitalize", str_capitalize, 0, NULL},
    {"isalpha", str_isalpha, 0, NULL},
    {"isdecimal", str_isdecimal, 0, NULL},
    {"isdigit", str_isdigit, 0, NULL},
    {"isnumeric", str_isnumeric, 0, NULL},
    {"isspace", str_isspace, 0, NULL},
    {"isalnum", str_isalnum, 0, NULL},
    {"isprintable", str_isprintable, 0, NULL},
    {"isascii", str_isascii, 0, NULL},
    {"isidentifier", str_isidentifier, 0, NULL},
    {"islower", str_islower, 0, NULL},
    {"isupper", str_isupper, 0, NULL},
    {"istitle", str_istitle, 0, NULL},
    {"maketrans", str_maketrans, WF_METH_STATIC, NULL},
    {"translate", str_translate, 0, NULL},
    {"format", str_format, 0, "Return a formatted version of the string, using substitutions from args and kwargs."},
    {"format_map", str_format_map, 0, NULL},
    {"__format__", str_dunder_format, 0, NULL},
    {"__getnewargs__", str_getnewargs, 0, NULL},
    {NULL, NULL, 0, NULL},
};
