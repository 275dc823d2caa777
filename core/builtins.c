/* weft: the builtins module. */
/* Built-in functions and names -> the `builtins` module every frame falls back to. */
#include <stdio.h>
#include <stdlib.h>
#include "runtime.h"

/*
 * Functions use the vectorcall convention of MethodDef (self is 0 for module
 * functions). Error messages follow CPython 3.11 word for word: the argument
 * checks go through core/args.c, which reproduces Argument Clinic's
 * wording, and the rest are spelled out here.
 */

Value wf_builtins_module;
Value wf_builtins_dict;

static size_t bi_nkw(Value kwnames) { return kwnames ? wf_tuple_size(kwnames) : 0; }

Value wf_builtins_stdout(void)
{
    return wf_sys_get("stdout");
}

/* ---- print, input ---- */

static int bi_check_sep(const char *what, Value v)
{
    if (v && v != wf_None && !wf_is_str(v)) {
        wf_err_format(wf_exc_TypeError, "%s must be None or a string, not %T", what, v);
        return -1;
    }
    return 0;
}

static int bi_write_str(Value file, Value s)
{
    return wf_file_write_c(file, wf_str_cstr(s), wf_as_str(s)->len);
}

/* Our own files get the whole line in one write: one system call per
 * print() even when unbuffered (-u, PYTHONUNBUFFERED). */
static int bi_print_whole(Value file, const Value *args, size_t nargs, Value sep, Value end)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep && sep != wf_None)
                wf_sb_add_str(&sb, sep);
            else
                wf_sb_add_char(&sb, ' ');
        }
        if (wf_is_str_exact(args[i])) {
            wf_sb_add_str(&sb, args[i]);
        } else if (wf_sb_add_strof(&sb, args[i]) < 0) {
            /* CPython has written the earlier arguments (and the separator) by now. */
            Value err = wf_err_fetch();
            if (sb.len && wf_file_write_c(file, sb.buf, sb.len) < 0)
                wf_err_clear();
            wf_sb_discard(&sb);
            wf_err_restore(err);
            return -1;
        }
    }
    if (end && end != wf_None)
        wf_sb_add_str(&sb, end);
    else
        wf_sb_add_char(&sb, '\n');
    int r = wf_file_write_c(file, sb.buf ? sb.buf : "", sb.len);
    wf_sb_discard(&sb);
    return r;
}

static Value bi_print_flush(Value file, Value flush)
{
    if (flush) {
        int t = wf_truthy(flush);
        if (t < 0)
            return 0;
        if (t) {
            Value fr = wf_call_method(file, "flush", NULL, 0);
            if (!fr)
                return 0;
            wf_decref(fr);
        }
    }
    return wf_incref(wf_None);
}

static Value builtin_print(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value sep = 0, end = 0, file = 0, flush = 0;
    size_t nkw = bi_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Value k = wf_tuple_get(kwnames, i), v = args[nargs + i];
        if (wf_str_eq_c(k, "sep"))
            sep = v;
        else if (wf_str_eq_c(k, "end"))
            end = v;
        else if (wf_str_eq_c(k, "file"))
            file = v;
        else if (wf_str_eq_c(k, "flush"))
            flush = v;
        else
            return wf_err_format(wf_exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
    }
    if (!file || file == wf_None) {
        file = wf_sys_get("stdout");
        if (!file || file == wf_None)
            return wf_incref(wf_None);
    }
    if (bi_check_sep("sep", sep) < 0 || bi_check_sep("end", end) < 0)
        return 0;
    if (wf_is_type_exact(file, &wf_type_textfile)) {
        if (bi_print_whole(file, args, nargs, sep, end) < 0)
            return 0;
        return bi_print_flush(file, flush);
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r = sep && sep != wf_None ? bi_write_str(file, sep) : wf_file_write_c(file, " ", 1);
            if (r < 0)
                return 0;
        }
        Value s = wf_str(args[i]);
        if (!s)
            return 0;
        int r = bi_write_str(file, s);
        wf_decref(s);
        if (r < 0)
            return 0;
    }
    int r = end && end != wf_None ? bi_write_str(file, end) : wf_file_write_c(file, "\n", 1);
    if (r < 0)
        return 0;
    return bi_print_flush(file, flush);
}

static Value builtin_input(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("input", kwnames) < 0 || wf_check_nargs("input", nargs, 0, 1) < 0)
        return 0;
    Value out = wf_sys_get("stdout"), in = wf_sys_get("stdin");
    if (!in || in == wf_None)
        return wf_err_set_str(wf_exc_RuntimeError, "input(): lost sys.stdin");
    if (out && out != wf_None) {
        if (nargs) {
            Value p = wf_str(args[0]);
            if (!p)
                return 0;
            int r = bi_write_str(out, p);
            wf_decref(p);
            if (r < 0)
                return 0;
        }
        Value fr = wf_call_method(out, "flush", NULL, 0);
        if (!fr)
            wf_err_clear();
        wf_xdecref(fr);
    }
    Value line = wf_is_type_exact(in, &wf_type_textfile) ? wf_file_readline(in, -1) : wf_call_method(in, "readline", NULL, 0);
    if (!line)
        return 0;
    if (!wf_is_str(line)) {
        wf_decref(line);
        return wf_err_set_str(wf_exc_TypeError, "object.readline() returned non-string");
    }
    StrObject *s = wf_as_str(line);
    if (s->len == 0) {
        wf_decref(line);
        return wf_err_set_str(wf_exc_EOFError, "EOF when reading a line");
    }
    if (s->data[s->len - 1] == '\n') {
        Value t = wf_str_new(s->data, s->len - 1);
        wf_decref(line);
        return t;
    }
    return line;
}

/* ---- simple one-argument functions ---- */

#define BI_ONE(fname) \
    if (wf_no_kwargs(fname, kwnames) < 0 || wf_check_nargs(fname, nargs, 1, 1) < 0) \
        return 0;

static Value builtin_len(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("len");
    intptr_t n = wf_len(args[0]);
    if (n < 0)
        return 0;
    return wf_int_from_i64(n);
}

static Value builtin_abs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("abs");
    return wf_unary(args[0], WF_UNOP_ABS);
}

static Value builtin_repr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("repr");
    return wf_repr(args[0]);
}

static Value builtin_ascii(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("ascii");
    return wf_ascii(args[0]);
}

static Value builtin_hash(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("hash");
    Hash h = wf_hash(args[0]);
    if (h == -1)
        return 0;
    return wf_int_from_i64(h);
}

static Value builtin_id(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("id");
    return wf_int_from_u64((uint64_t)args[0]);
}

static Value builtin_callable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("callable");
    return wf_bool(wf_callable(args[0]));
}

static Value bi_to_base(const char *fname, const Value *args, size_t nargs, Value kwnames, int base)
{
    BI_ONE(fname);
    Value i = wf_index(args[0]);
    if (!i)
        return 0;
    Value r = wf_int_to_base(i, base, true);
    wf_decref(i);
    return r;
}

static Value builtin_hex(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_to_base("hex", args, nargs, kwnames, 16);
}

static Value builtin_oct(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_to_base("oct", args, nargs, kwnames, 8);
}

static Value builtin_bin(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_to_base("bin", args, nargs, kwnames, 2);
}

static Value builtin_chr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("chr");
    Value i = wf_index(args[0]);
    if (!i)
        return 0;
    int64_t cp;
    if (wf_int_as_i64(i, &cp) < 0) {
        wf_decref(i);
        if (!wf_err_matches(wf_exc_OverflowError))
            return 0;
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C int");
    }
    wf_decref(i);
    if (cp < 0 || cp > 0x10FFFF)
        return wf_err_set_str(wf_exc_ValueError, "chr() arg not in range(0x110000)");
    return wf_str_from_codepoint((uint32_t)cp);
}

static uint32_t bi_decode_one(const unsigned char *s)
{
    if (s[0] < 0x80)
        return s[0];
    if (s[0] < 0xE0)
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    if (s[0] < 0xF0)
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) | ((uint32_t)(s[2] & 0x3F) << 6) |
           (s[3] & 0x3F);
}

static Value builtin_ord(Value self, const Value *args, size_t nargs, Value kwnames)
{
    BI_ONE("ord");
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "ord() expected string of length 1, but %T found", args[0]);
    StrObject *s = wf_as_str(args[0]);
    if (s->nchars != 1)
        return wf_err_format(wf_exc_TypeError, "ord() expected a character, but string of length %zu found", s->nchars);
    return wf_small(bi_decode_one((const unsigned char *)s->data));
}

/* ---- attributes ---- */

static int bi_check_attr_name(Value name)
{
    if (!wf_is_str(name)) {
        wf_err_format(wf_exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static Value builtin_getattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("getattr", kwnames) < 0 || wf_check_nargs("getattr", nargs, 2, 3) < 0)
        return 0;
    if (bi_check_attr_name(args[1]) < 0)
        return 0;
    if (nargs == 2)
        return wf_getattr(args[0], args[1]);
    Value v = wf_getattr_opt(args[0], args[1]);
    if (v || wf_err_occurred())
        return v;
    return wf_incref(args[2]);
}

static Value builtin_setattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("setattr", kwnames) < 0 || wf_check_nargs("setattr", nargs, 3, 3) < 0)
        return 0;
    if (bi_check_attr_name(args[1]) < 0 || wf_setattr(args[0], args[1], args[2]) < 0)
        return 0;
    return wf_incref(wf_None);
}

static Value builtin_delattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("delattr", kwnames) < 0 || wf_check_nargs("delattr", nargs, 2, 2) < 0)
        return 0;
    if (bi_check_attr_name(args[1]) < 0 || wf_setattr(args[0], args[1], 0) < 0)
        return 0;
    return wf_incref(wf_None);
}

static Value builtin_hasattr(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("hasattr", kwnames) < 0 || wf_check_nargs("hasattr", nargs, 2, 2) < 0)
        return 0;
    if (bi_check_attr_name(args[1]) < 0)
        return 0;
    Value v = wf_getattr_opt(args[0], args[1]);
    if (v) {
        wf_decref(v);
        return wf_True;
    }
    return wf_err_occurred() ? 0 : wf_False;
}

/* ---- iteration helpers ---- */

static Value builtin_iter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("iter", kwnames) < 0 || wf_check_nargs("iter", nargs, 1, 2) < 0)
        return 0;
    if (nargs == 1)
        return wf_iter(args[0]);
    if (!wf_callable(args[0]))
        return wf_err_set_str(wf_exc_TypeError, "iter(v, w): v must be callable");
    return wf_calliter_new(args[0], args[1]);
}

static Value builtin_next(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("next", kwnames) < 0 || wf_check_nargs("next", nargs, 1, 2) < 0)
        return 0;
    if (!wf_type(args[0])->tp_iternext)
        return wf_err_format(wf_exc_TypeError, "'%s' object is not an iterator", wf_type_name(args[0]));
    /* tp_iternext directly: wf_next() would drop a StopIteration's value. */
    Value v = wf_type(args[0])->tp_iternext(args[0]);
    if (v || wf_err_occurred()) {
        if (!v && nargs == 2 && wf_err_matches(wf_exc_StopIteration)) {
            wf_err_clear();
            return wf_incref(args[1]);
        }
        return v;
    }
    if (nargs == 2)
        return wf_incref(args[1]);
    return wf_err_stop_iteration(0);
}

static Value bi_any_all(const char *fname, const Value *args, size_t nargs, Value kwnames, int want)
{
    BI_ONE(fname);
    Value it = wf_iter(args[0]);
    if (!it)
        return 0;
    Value item;
    while ((item = wf_next(it))) {
        int t = wf_truthy(item);
        wf_decref(item);
        if (t < 0) {
            wf_decref(it);
            return 0;
        }
        if (t == want) {
            wf_decref(it);
            return wf_bool(want);
        }
    }
    wf_decref(it);
    if (wf_err_occurred())
        return 0;
    return wf_bool(!want);
}

static Value builtin_any(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_any_all("any", args, nargs, kwnames, 1);
}

static Value builtin_all(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_any_all("all", args, nargs, kwnames, 0);
}

/* min() and max(): op is WF_LT or WF_GT. */
static Value bi_minmax(const char *name, const Value *args, size_t nargs, Value kwnames, int op)
{
    Value key = 0, dflt = 0;
    size_t nkw = bi_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Value k = wf_tuple_get(kwnames, i);
        if (wf_str_eq_c(k, "key"))
            key = args[nargs + i];
        else if (wf_str_eq_c(k, "default"))
            dflt = args[nargs + i];
        else
            return wf_err_format(wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, name);
    }
    if (nargs == 0)
        return wf_err_format(wf_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt)
        return wf_err_format(wf_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments", name);
    if (key == wf_None)
        key = 0;
    Value seq = nargs == 1 ? args[0] : 0;
    Value it = seq ? wf_iter(seq) : wf_tuple_from_array(args, nargs);
    if (!it)
        return 0;
    if (!seq) {
        Value t = it;
        it = wf_iter(t);
        wf_decref(t);
        if (!it)
            return 0;
    }
    Value best = 0, bestkey = 0, item;
    while ((item = wf_next(it))) {
        Value k = key ? wf_call1(key, item) : wf_incref(item);
        if (!k) {
            wf_decref(item);
            goto fail;
        }
        if (!best) {
            best = item;
            bestkey = k;
            continue;
        }
        int c = wf_richcompare_bool(k, bestkey, op);
        if (c < 0) {
            wf_decref(item);
            wf_decref(k);
            goto fail;
        }
        if (c) {
            wf_setref(&best, item);
            wf_setref(&bestkey, k);
        } else {
            wf_decref(item);
            wf_decref(k);
        }
    }
    if (wf_err_occurred())
        goto fail;
    wf_decref(it);
    wf_xdecref(bestkey);
    if (best)
        return best;
    if (dflt)
        return wf_incref(dflt);
    return wf_err_format(wf_exc_ValueError, "%s() arg is an empty sequence", name);
fail:
    wf_decref(it);
    wf_xdecref(best);
    wf_xdecref(bestkey);
    return 0;
}

static Value builtin_min(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_minmax("min", args, nargs, kwnames, WF_LT);
}

static Value builtin_max(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_minmax("max", args, nargs, kwnames, WF_GT);
}

Value wf_builtins_fold(Value iterable, Value start, int op)
{
    Value it = wf_iter(iterable);
    if (!it)
        return 0;
    Value acc = wf_incref(start), item;
    while ((item = wf_next(it))) {
        Value r;
        if (op == WF_BINOP_ADD && wf_is_small(acc) && wf_is_small(item))
            r = wf_int_add(acc, item);
        else
            r = wf_binop(acc, item, op);
        wf_decref(item);
        wf_decref(acc);
        if (!r) {
            wf_decref(it);
            return 0;
        }
        acc = r;
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(acc);
        return 0;
    }
    return acc;
}

static Value builtin_sum(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {NULL, "start", NULL};
    Value iterable = 0, start = 0;
    if (wf_parse_args("sum", args, nargs, kwnames, "O|O", names, &iterable, &start) < 0)
        return 0;
    if (start && wf_is_str(start))
        return wf_err_set_str(wf_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    return wf_builtins_fold(iterable, start ? start : wf_small(0), WF_BINOP_ADD);
}

static Value builtin_sorted(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value key = 0, reverse = 0;
    size_t nkw = bi_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Value k = wf_tuple_get(kwnames, i);
        if (wf_str_eq_c(k, "key"))
            key = args[nargs + i];
        else if (wf_str_eq_c(k, "reverse"))
            reverse = args[nargs + i];
        else
            return wf_err_format(wf_exc_TypeError, "sort() got an unexpected keyword argument '%U'", k);
    }
    if (nargs != 1)
        return wf_err_format(wf_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    int rev = 0;
    if (reverse && (rev = wf_truthy(reverse)) < 0)
        return 0;
    Value list = wf_list_from_iterable(args[0]);
    if (!list)
        return 0;
    if (wf_list_sort(list, key == wf_None ? 0 : key, rev) < 0) {
        wf_decref(list);
        return 0;
    }
    return list;
}

/* ---- types and classes ---- */

static Value builtin_isinstance(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("isinstance", kwnames) < 0 || wf_check_nargs("isinstance", nargs, 2, 2) < 0)
        return 0;
    int r = wf_isinstance(args[0], args[1]);
    return r < 0 ? 0 : wf_bool(r);
}

static Value builtin_issubclass(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("issubclass", kwnames) < 0 || wf_check_nargs("issubclass", nargs, 2, 2) < 0)
        return 0;
    int r = wf_issubclass(args[0], args[1]);
    return r < 0 ? 0 : wf_bool(r);
}

/* ---- numbers ---- */

static Value builtin_round(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"number", "ndigits", NULL};
    Value number = 0, ndigits = 0;
    if (wf_parse_args("round", args, nargs, kwnames, "O|O", names, &number, &ndigits) < 0)
        return 0;
    Value m = wf_lookup_special(number, WF_ID(__round__));
    if (!m) {
        if (wf_err_occurred())
            return 0;
        return wf_err_format(wf_exc_TypeError, "type %s doesn't define __round__ method", wf_type_name(number));
    }
    Value r = (!ndigits || ndigits == wf_None) ? wf_call0(m) : wf_call1(m, ndigits);
    wf_decref(m);
    return r;
}

/* Call type(a).<name>(a, b) if defined; wf_NotImplemented when absent. */
static Value bi_call_binary_dunder(Value a, Value b, const char *name)
{
    Value fn = wf_type_lookup(wf_type(a), wf_str_intern_c(name));
    if (!fn)
        return wf_err_occurred() ? 0 : wf_NotImplemented;
    Value argv[2] = {a, b};
    Value bound = 0;
    if (wf_type(fn)->tp_descr_get) {
        bound = wf_type(fn)->tp_descr_get(fn, a, wf_val(wf_type(a)));
        if (!bound)
            return 0;
        Value r = wf_call(bound, argv + 1, 1, 0);
        wf_decref(bound);
        return r;
    }
    return wf_call(fn, argv, 2, 0);
}

static bool bi_is_number(Value v) { return wf_is_int(v) || wf_is_float(v); }

static Value builtin_divmod(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("divmod", kwnames) < 0 || wf_check_nargs("divmod", nargs, 2, 2) < 0)
        return 0;
    Value a = args[0], b = args[1];
    if (bi_is_number(a) && bi_is_number(b)) {
        if (wf_is_float(a) || wf_is_float(b)) {
            int zero = wf_truthy(b);
            if (zero < 0)
                return 0;
            if (!zero)
                return wf_err_set_str(wf_exc_ZeroDivisionError, "float divmod()");
        }
        Value q = wf_binop(a, b, WF_BINOP_FLOORDIV);
        if (!q)
            return 0;
        Value r = wf_binop(a, b, WF_BINOP_MOD);
        if (!r) {
            wf_decref(q);
            return 0;
        }
        Value t = wf_tuple_pack(2, q, r);
        wf_decref(q);
        wf_decref(r);
        return t;
    }
    Value r = bi_call_binary_dunder(a, b, "__divmod__");
    if (r != wf_NotImplemented)
        return r;
    if (wf_type(b) != wf_type(a)) {
        r = bi_call_binary_dunder(b, a, "__rdivmod__");
        if (r != wf_NotImplemented)
            return r;
    }
    return wf_err_format(wf_exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                         wf_type_name(a), wf_type_name(b));
}

/* Modular inverse of a mod m (both ints, m > 0) by the extended Euclid algorithm. */
static Value bi_mod_inverse(Value a, Value m)
{
    Value r0 = wf_binop(a, m, WF_BINOP_MOD), r1 = wf_incref(m);
    Value s0 = wf_small(1), s1 = wf_small(0);
    if (!r0)
        return 0;
    while (wf_int_sign(r1) != 0) {
        Value q = wf_binop(r0, r1, WF_BINOP_FLOORDIV);
        Value qr = q ? wf_int_mul(q, r1) : 0;
        Value r2 = qr ? wf_int_sub(r0, qr) : 0;
        Value qs = q ? wf_int_mul(q, s1) : 0;
        Value s2 = qs ? wf_int_sub(s0, qs) : 0;
        wf_xdecref(q);
        wf_xdecref(qr);
        wf_xdecref(qs);
        if (!r2 || !s2)
            return 0;  /* LEAK: the loop's temporaries on an error */
        wf_decref(r0);
        wf_decref(s0);
        r0 = r1, r1 = r2, s0 = s1, s1 = s2;
    }
    wf_decref(r1);
    wf_decref(s1);
    if (!(wf_is_small(r0) && wf_small_val(r0) == 1)) {
        wf_decref(r0);
        wf_decref(s0);
        return wf_err_set_str(wf_exc_ValueError, "base is not invertible for the given modulus");
    }
    /* r0 is the small int 1 here: nothing to release. */
    Value res = wf_binop(s0, m, WF_BINOP_MOD);
    wf_decref(s0);
    return res;
}

/* pow(b, e, m) for ints: square and multiply, reducing mod |m|, CPython's sign rule. */
static Value bi_int_powmod(Value b, Value e, Value m)
{
    int msign = wf_int_sign(m);
    if (msign == 0)
        return wf_err_set_str(wf_exc_ValueError, "pow() 3rd argument cannot be 0");
    Value mod = msign < 0 ? wf_unary(m, WF_UNOP_NEG) : wf_incref(m);
    Value base = mod ? wf_binop(b, mod, WF_BINOP_MOD) : 0;
    Value exp = wf_incref(e);
    if (!base)
        return 0;
    if (wf_int_sign(e) < 0) {
        Value inv = bi_mod_inverse(base, mod);
        wf_decref(base);
        if (!inv)
            return 0;
        base = inv;
        wf_setref(&exp, wf_unary(e, WF_UNOP_NEG));
    }
    Value result = wf_small(1);
    while (exp && wf_int_sign(exp) > 0) {
        Value bit = wf_binop(exp, wf_small(1), WF_BINOP_AND);
        if (bit && wf_int_sign(bit)) {
            Value t = wf_int_mul(result, base);
            wf_decref(result);
            result = t ? wf_binop(t, mod, WF_BINOP_MOD) : 0;
            wf_xdecref(t);
        }
        wf_xdecref(bit);
        Value sq = result ? wf_int_mul(base, base) : 0;
        wf_decref(base);
        base = sq ? wf_binop(sq, mod, WF_BINOP_MOD) : 0;
        wf_xdecref(sq);
        Value ne = wf_binop(exp, wf_small(1), WF_BINOP_RSHIFT);
        wf_decref(exp);
        exp = ne;
        if (!base || !result || !exp)
            return 0;  /* LEAK: partial results on error */
    }
    wf_xdecref(base);
    wf_xdecref(exp);
    /* 1 % 1 == 0: the loop never reduced an exponent of 0. */
    Value r = wf_binop(result, mod, WF_BINOP_MOD);
    wf_decref(result);
    if (r && msign < 0 && wf_int_sign(r) != 0) {
        Value t = wf_int_sub(r, mod);
        wf_decref(r);
        r = t;
    }
    wf_decref(mod);
    return r;
}

static Value builtin_pow(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value base = 0, exp = 0, mod = 0;
    if (wf_parse_args("pow", args, nargs, kwnames, "OO|O", names, &base, &exp, &mod) < 0)
        return 0;
    if (!mod || mod == wf_None)
        return wf_binop(base, exp, WF_BINOP_POW);
    if (wf_is_int(base) && wf_is_int(exp) && wf_is_int(mod))
        return bi_int_powmod(base, exp, mod);
    if (bi_is_number(base) && bi_is_number(exp) && bi_is_number(mod))
        return wf_err_set_str(wf_exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    Value fn = wf_type_lookup(wf_type(base), WF_ID(__pow__));
    if (fn) {
        Value argv[3] = {base, exp, mod};
        Value r = wf_call(fn, argv, 3, 0);
        if (r != wf_NotImplemented)
            return r;
    }
    if (wf_err_occurred())
        return 0;
    return wf_err_format(wf_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                         wf_type_name(base), wf_type_name(exp), wf_type_name(mod));
}

static Value builtin_format(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("format", kwnames) < 0 || wf_check_nargs("format", nargs, 1, 2) < 0)
        return 0;
    if (nargs == 2 && !wf_is_str(args[1]))
        return wf_err_format(wf_exc_TypeError, "format() argument 2 must be str, not %T", args[1]);
    return wf_format(args[0], nargs == 2 ? args[1] : 0);
}

/* ---- namespaces ---- */

static Value builtin_globals(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("globals", kwnames) < 0 || wf_check_nargs("globals", nargs, 0, 0) < 0)
        return 0;
    Value g = wf_frame_globals();
    return g ? wf_incref(g) : wf_err_set_str(wf_exc_SystemError, "globals(): no current frame");
}

static Value builtin_locals(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("locals", kwnames) < 0 || wf_check_nargs("locals", nargs, 0, 0) < 0)
        return 0;
    return wf_frame_locals();
}

static Value builtin_vars(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("vars", kwnames) < 0 || wf_check_nargs("vars", nargs, 0, 1) < 0)
        return 0;
    if (nargs == 0)
        return wf_frame_locals();
    Value d = wf_getattr_opt(args[0], WF_ID(__dict__));
    if (!d && !wf_err_occurred())
        return wf_err_set_str(wf_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* Add the keys of a dict-like `d` to the set `names`. */
static int bi_dir_add_keys(Value names, Value d)
{
    if (!d || !wf_is_dict(d))
        return 0;
    size_t pos = 0;
    Value k, v;
    while (wf_dict_next(d, &pos, &k, &v))
        if (wf_set_add(names, k) < 0)
            return -1;
    return 0;
}

static int bi_dir_add_type(Value names, TypeObject *t)
{
    Value mro = t->tp_mro;
    if (!mro || !wf_is_tuple(mro))
        return bi_dir_add_keys(names, t->tp_dict);
    for (size_t i = 0; i < wf_tuple_size(mro); i++)
        if (bi_dir_add_keys(names, wf_as_type(wf_tuple_get(mro, i))->tp_dict) < 0)
            return -1;
    return 0;
}

static Value bi_dir_default(Value obj)
{
    Value names = wf_set_new(0);
    if (!names)
        return 0;
    int r = 0;
    if (wf_is_type_exact(obj, &wf_type_module)) {
        r = bi_dir_add_keys(names, wf_module_dict(obj));
    } else if (wf_is_type(obj)) {
        r = bi_dir_add_type(names, wf_as_type(obj));
    } else {
        Value d = wf_getattr_opt(obj, WF_ID(__dict__));
        if (d) {
            r = bi_dir_add_keys(names, d);
            wf_decref(d);
        } else if (wf_err_occurred()) {
            r = -1;
        }
        if (r == 0)
            r = bi_dir_add_type(names, wf_type(obj));
    }
    if (r < 0) {
        wf_decref(names);
        return 0;
    }
    return names;
}

static Value builtin_dir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("dir", kwnames) < 0 || wf_check_nargs("dir", nargs, 0, 1) < 0)
        return 0;
    Value src;
    if (nargs == 0) {
        Value loc = wf_frame_locals();
        if (!loc)
            return 0;
        src = wf_dict_keys_list(loc);
        wf_decref(loc);
    } else if (!wf_is_type(args[0]) && !wf_is_type_exact(args[0], &wf_type_module) &&
               wf_type_lookup(wf_type(args[0]), wf_str_intern_c("__dir__")) &&
               wf_type(args[0])->tp_flags & WF_TPF_HEAPTYPE) {
        Value m = wf_lookup_special(args[0], wf_str_intern_c("__dir__"));
        src = m ? wf_call0(m) : 0;
        wf_xdecref(m);
    } else {
        src = bi_dir_default(args[0]);
    }
    if (!src)
        return 0;
    Value list = wf_list_from_iterable(src);
    wf_decref(src);
    if (list && wf_list_sort(list, 0, false) < 0) {
        wf_decref(list);
        return 0;
    }
    return list;
}

/* ---- exec, eval, compile ---- */

static bool bi_has_nul(Value s)
{
    return memchr(wf_str_cstr(s), 0, wf_as_str(s)->len) != NULL;
}

static int bi_mode(const char *fname, Value mode)
{
    if (wf_str_eq_c(mode, "exec"))
        return WF_MODE_EXEC;
    if (wf_str_eq_c(mode, "eval"))
        return WF_MODE_EVAL;
    if (wf_str_eq_c(mode, "single"))
        return WF_MODE_SINGLE;
    wf_err_format(wf_exc_ValueError, "%s() mode must be 'exec', 'eval' or 'single'", fname);
    return -1;
}

static Value builtin_compile(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize", NULL};
    Value source = 0, filename = 0, mode = 0, flags = 0, dont = 0, opt = 0;
    if (wf_parse_args("compile", args, nargs, kwnames, "OOO|OOO", names, &source, &filename, &mode, &flags, &dont,
                      &opt) < 0)
        return 0;
    if (!wf_is_str(mode))
        return wf_err_format(wf_exc_TypeError, "compile() argument 'mode' must be str, not %T", mode);
    int m = bi_mode("compile", mode);
    if (m < 0)
        return 0;
    if (!wf_is_str(filename))
        return wf_err_format(wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", filename);
    if (memchr(wf_str_cstr(filename), 0, wf_as_str(filename)->len))
        return wf_err_set_str(wf_exc_ValueError, "embedded null character");
    if (wf_is_type_exact(source, &wf_type_code))
        return wf_incref(source);
    if (!wf_is_str(source))
        return wf_err_set_str(wf_exc_TypeError, "compile() arg 1 must be a string, bytes or AST object");
    if (bi_has_nul(source))
        return wf_err_set_str(wf_exc_ValueError, "source code string cannot contain null bytes");
    return wf_compile(wf_str_cstr(source), wf_as_str(source)->len, wf_str_cstr(filename), m);
}

/* exec/eval: (source, globals=None, locals=None). */
static Value bi_exec_eval(const char *fname, const Value *args, size_t nargs, Value kwnames, int mode)
{
    static const char *const names[] = {NULL, "globals", "locals", "closure", NULL};
    Value source = 0, globals = 0, locals = 0, closure = 0;
    if (nargs == 0 && mode == WF_MODE_EVAL)
        return wf_err_format(wf_exc_TypeError, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 3 && mode == WF_MODE_EVAL)
        return wf_err_format(wf_exc_TypeError, "%s expected at most 3 arguments, got %zu", fname, nargs);
    const char *spec = mode == WF_MODE_EXEC ? "O|OO$O" : "O|OO";
    if (wf_parse_args(fname, args, nargs, kwnames, spec, names, &source, &globals, &locals, &closure) < 0)
        return 0;
    if (globals == wf_None)
        globals = 0;
    if (locals == wf_None)
        locals = 0;
    if (globals && !wf_is_dict(globals))
        return wf_err_format(wf_exc_TypeError, mode == WF_MODE_EXEC ? "exec() globals must be a dict, not %s"
                                                                     : "globals must be a dict", wf_type_name(globals));
    if (locals && !wf_is_dict(locals) && !wf_type(locals)->tp_getitem)
        return wf_err_set_str(wf_exc_TypeError, "locals must be a mapping");
    Value owned_locals = 0;
    if (!globals) {
        globals = wf_frame_globals();
        if (!globals)
            return wf_err_format(wf_exc_SystemError, "%s(): no current frame", fname);
        if (!locals) {
            owned_locals = wf_frame_locals();
            if (!owned_locals)
                return 0;
            locals = owned_locals == globals ? 0 : owned_locals;
        }
    }
    if (!wf_dict_get(globals, WF_ID(__builtins__)) &&
        wf_dict_set(globals, WF_ID(__builtins__), wf_builtins_module) < 0)
        return 0;
    Value code;
    if (wf_is_type_exact(source, &wf_type_code)) {
        code = wf_incref(source);
    } else if (wf_is_str(source)) {
        if (bi_has_nul(source)) {
            wf_xdecref(owned_locals);
            return wf_err_set_str(wf_exc_ValueError, "source code string cannot contain null bytes");
        }
        const char *src = wf_str_cstr(source);
        size_t len = wf_as_str(source)->len;
        if (mode == WF_MODE_EVAL)
            while (len && (*src == ' ' || *src == '\t')) {
                src++;
                len--;
            }
        code = wf_compile(src, len, "<string>", mode);
    } else {
        wf_xdecref(owned_locals);
        return wf_err_format(wf_exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    }
    if (!code) {
        wf_xdecref(owned_locals);
        return 0;
    }
    Value r = wf_eval_code(code, globals, locals);
    wf_decref(code);
    wf_xdecref(owned_locals);
    if (!r || mode == WF_MODE_EVAL)
        return r;
    wf_decref(r);
    return wf_incref(wf_None);
}

static Value builtin_exec(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_exec_eval("exec", args, nargs, kwnames, WF_MODE_EXEC);
}

static Value builtin_eval(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return bi_exec_eval("eval", args, nargs, kwnames, WF_MODE_EVAL);
}

static Value builtin_import(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Value name = 0, globals = 0, locals = 0, fromlist = 0, level = 0;
    if (wf_parse_args("__import__", args, nargs, kwnames, "O|OOOO", names, &name, &globals, &locals, &fromlist,
                      &level) < 0)
        return 0;
    intptr_t lv = 0;
    if (level) {
        lv = wf_as_ssize(level);
        if (lv == -1 && wf_err_occurred())
            return 0;
    }
    return wf_import(name, globals == wf_None ? 0 : globals, fromlist, (int)lv);
}

static const MethodDef builtin_functions[] = {
    {"print", builtin_print, 0, "Prints the values to a stream, or to sys.stdout by default."},
    {"input", builtin_input, 0, NULL},
    {"len", builtin_len, 0, "Return the number of items in a container."},
    {"abs", builtin_abs, 0, NULL},
    {"repr", builtin_repr, 0, NULL},
    {"ascii", builtin_ascii, 0, NULL},
    {"hash", builtin_hash, 0, NULL},
    {"id", builtin_id, 0, NULL},
    {"callable", builtin_callable, 0, NULL},
    {"hex", builtin_hex, 0, NULL},
    {"oct", builtin_oct, 0, NULL},
    {"bin", builtin_bin, 0, NULL},
    {"chr", builtin_chr, 0, NULL},
    {"ord", builtin_ord, 0, NULL},
    {"getattr", builtin_getattr, 0, NULL},
    {"setattr", builtin_setattr, 0, NULL},
    {"delattr", builtin_delattr, 0, NULL},
    {"hasattr", builtin_hasattr, 0, NULL},
    {"iter", builtin_iter, 0, NULL},
    {"next", builtin_next, 0, NULL},
    {"any", builtin_any, 0, NULL},
    {"all", builtin_all, 0, NULL},
    {"min", builtin_min, 0, NULL},
    {"max", builtin_max, 0, NULL},
    {"sum", builtin_sum, 0, NULL},
    {"sorted", builtin_sorted, 0, NULL},
    {"isinstance", builtin_isinstance, 0, NULL},
    {"issubclass", builtin_issubclass, 0, NULL},
    {"round", builtin_round, 0, NULL},
    {"divmod", builtin_divmod, 0, NULL},
    {"pow", builtin_pow, 0, NULL},
    {"format", builtin_format, 0, NULL},
    {"globals", builtin_globals, 0, NULL},
    {"locals", builtin_locals, 0, NULL},
    {"vars", builtin_vars, 0, NULL},
    {"dir", builtin_dir, 0, NULL},
    {"compile", builtin_compile, 0, NULL},
    {"exec", builtin_exec, 0, NULL},
    {"eval", builtin_eval, 0, NULL},
    {"open", wf_builtin_open, 0, NULL},
    {"__import__", builtin_import, 0, NULL},
    {"exit", wf_sys_exit, 0, NULL},   /* exit()/quit() as the site module provides them */
    {"quit", wf_sys_exit, 0, NULL},
    {NULL},
};

/* ---- the module ---- */

static void bi_add(const char *name, Value v)
{
    if (wf_dict_set_c(wf_builtins_dict, name, v) < 0)
        WF_DIE("cannot initialise the builtins module", 0);
}

static void bi_add_exception(const char *name, TypeObject *type)
{
    if (!strchr(name, '.'))
        bi_add(name, wf_val(type));
}

void wf_builtins_init(void)
{
    wf_builtins_module = wf_module_new("builtins");
    if (!wf_builtins_module)
        WF_DIE("cannot create the builtins module", 0);
    wf_make_immortal(wf_builtins_module);
    wf_builtins_dict = wf_module_dict(wf_builtins_module);
    wf_make_immortal(wf_builtins_dict);
    if (wf_module_add_functions(wf_builtins_module, builtin_functions) < 0)
        WF_DIE("cannot initialise the builtins module", 0);
    static const struct { const char *name; TypeObject *type; } types[] = {
        {"object", &wf_type_object}, {"type", &wf_type_type}, {"int", &wf_type_int},
        {"bool", &wf_type_bool}, {"float", &wf_type_float}, {"str", &wf_type_str},
        {"tuple", &wf_type_tuple}, {"list", &wf_type_list}, {"dict", &wf_type_dict},
        {"set", &wf_type_set}, {"frozenset", &wf_type_frozenset}, {"range", &wf_type_range},
        {"slice", &wf_type_slice}, {"enumerate", &wf_type_enumerate}, {"zip", &wf_type_zip},
        {"map", &wf_type_map}, {"filter", &wf_type_filter}, {"reversed", &wf_type_reversed},
        {"property", &wf_type_property}, {"staticmethod", &wf_type_staticmethod},
        {"classmethod", &wf_type_classmethod}, {"super", &wf_type_super},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        bi_add(types[i].name, wf_val(types[i].type));
    bi_add("None", wf_None);
    bi_add("True", wf_True);
    bi_add("False", wf_False);
    bi_add("NotImplemented", wf_NotImplemented);
    bi_add("Ellipsis", wf_Ellipsis);
    bi_add("__debug__", wf_True);
    wf_exceptions_each(bi_add_exception);
    bi_add("IOError", wf_val(wf_exc_OSError));
    bi_add("EnvironmentError", wf_val(wf_exc_OSError));
    Value doc = wf_str_from_cstr("Built-in functions, exceptions, and other objects.");
    bi_add("__doc__", doc);
    wf_decref(doc);
    bi_add("__package__", wf_str_intern_c(""));
}
