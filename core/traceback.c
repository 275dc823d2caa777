/* weft: printing uncaught exceptions the way CPython 3.11's excepthook does. */
/* Exception + traceback chain -> "Traceback (most recent call last): ..." text on sys.stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "runtime.h"
#include "seq.h"  /* wf_list_get_ref */
#include "sync/mutex.h"

/*
 * The output is built in one StrBuilder and written to sys.stderr at once:
 *
 *   [chained exceptions first, each followed by the "direct cause" or
 *    "During handling" separator]
 *   Traceback (most recent call last):
 *     File "x.py", line 3, in f
 *       source line, stripped
 *     [Previous line repeated 996 more times]     (after 3 identical entries)
 *   ValueError: message
 *
 * SyntaxErrors add "  File ..., line N", the offending text and a caret
 * line instead of the source entry. The 3.11 "^^^^" markers under
 * expressions are not printed.
 *
 * Source lines are read from the file on first use and cached per file
 * name, like linecache. Threads: the cache is a list of entries that are
 * complete before they are linked and never change or go away afterwards;
 * tb_sources_lock guards the list. A file is read without the lock (and
 * detached, wf_blocking_begin/end); if two threads read the same file, the
 * second to link finds the first's entry and drops its own.
 */

#define TB_RECURSIVE_CUTOFF 3
#define TB_DEFAULT_LIMIT 1000

typedef struct SourceFile {
    char *name;
    char *text;          /* whole file, lines split in place */
    char **lines;
    int nlines;
    struct SourceFile *next;
} SourceFile;

static SourceFile *tb_sources;   /* under tb_sources_lock */
static uint8_t tb_sources_lock;

static SourceFile *tb_find_source_locked(const char *filename)
{
    for (SourceFile *s = tb_sources; s; s = s->next)
        if (!strcmp(s->name, filename))
            return s;
    return NULL;
}

static void tb_read_source(SourceFile *s, const char *filename);

static SourceFile *tb_load_source(const char *filename)
{
    wf_mutex_lock(&tb_sources_lock);
    SourceFile *s = tb_find_source_locked(filename);
    wf_mutex_unlock(&tb_sources_lock);
    if (s)
        return s;
    SourceFile *fresh = calloc(1, sizeof *fresh);
    if (!fresh)
        WF_DIE("cannot allocate a source cache entry", errno);
    fresh->name = strdup(filename);
    wf_blocking_begin();  /* only private memory is touched while reading */
    tb_read_source(fresh, filename);
    wf_blocking_end();
    wf_mutex_lock(&tb_sources_lock);
    s = tb_find_source_locked(filename);
    if (!s) {
        fresh->next = tb_sources;
        tb_sources = s = fresh;
        fresh = NULL;
    }
    wf_mutex_unlock(&tb_sources_lock);
    if (fresh) {  /* another thread linked the same file first */
        free(fresh->text);
        free(fresh->lines);
        free(fresh->name);
        free(fresh);
    }
    return s;
}

/* Fill s with the lines of the file (none if it cannot be read). */
static void tb_read_source(SourceFile *s, const char *filename)
{
    FILE *f = filename[0] == '<' ? NULL : fopen(filename, "r");
    if (!f)
        return;
    size_t cap = 4096, len = 0, n;
    char *buf = malloc(cap);
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[len] = 0;
    int maxl = 16;
    s->lines = malloc(sizeof(char *) * (size_t)maxl);
    char *p = buf;
    while (*p) {
        if (s->nlines == maxl)
            s->lines = realloc(s->lines, sizeof(char *) * (size_t)(maxl *= 2));
        s->lines[s->nlines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = 0;
        p = nl + 1;
    }
    s->text = buf;
}

Value wf_source_line(const char *filename, int lineno)
{
    SourceFile *s = tb_load_source(filename);
    if (lineno < 1 || lineno > s->nlines)
        return 0;
    const char *line = s->lines[lineno - 1];
    while (*line == ' ' || *line == '\t' || *line == '\f')
        line++;
    size_t len = strlen(line);
    while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r' ||
                       line[len - 1] == '\f' || line[len - 1] == '\v'))
        len--;
    return wf_str_new(line, len);
}

/* ---- one traceback ---- */

static Value tb_code_attr(Value code, const char *name)
{
    if (!code)
        return 0;
    Value v = wf_getattr_c(code, name);
    if (!v || !wf_is_str(v)) {
        wf_err_clear();
        wf_xdecref(v);
        return 0;
    }
    return v;
}

static void tb_add_entry(StrBuilder *sb, Value filename, int lineno, Value name)
{
    wf_sb_add_c(sb, "  File \"");
    if (filename)
        wf_sb_add_str(sb, filename);
    else
        wf_sb_add_c(sb, "???");
    char num[32];
    snprintf(num, sizeof num, "\", line %d, in ", lineno);
    wf_sb_add_c(sb, num);
    if (name)
        wf_sb_add_str(sb, name);
    else
        wf_sb_add_c(sb, "???");
    wf_sb_add_char(sb, '\n');
    Value line = filename ? wf_source_line(wf_str_cstr(filename), lineno) : 0;
    if (line) {
        if (wf_as_str(line)->len) {
            wf_sb_add_c(sb, "    ");
            wf_sb_add_str(sb, line);
            wf_sb_add_char(sb, '\n');
        }
        wf_decref(line);
    }
    wf_err_clear();
}

static void tb_add_repeated(StrBuilder *sb, long cnt)
{
    char buf[80];
    cnt -= TB_RECURSIVE_CUTOFF;
    snprintf(buf, sizeof buf, cnt > 1 ? "  [Previous line repeated %ld more times]\n"
                                      : "  [Previous line repeated %ld more time]\n", cnt);
    wf_sb_add_c(sb, buf);
}

/* sys.tracebacklimit, or the default. */
static long tb_limit(void)
{
    Value v = wf_sys_get("tracebacklimit");
    if (!v || !wf_is_int(v))
        return TB_DEFAULT_LIMIT;
    int64_t n;
    if (wf_int_as_i64(v, &n) < 0) {
        wf_err_clear();
        return TB_DEFAULT_LIMIT;
    }
    return n <= 0 ? 0 : n;
}

static void tb_add_entries(StrBuilder *sb, Value tb, long limit)
{
    long depth = 0;
    for (Value t = tb; t; t = ((TracebackObject *)wf_obj(t))->next)
        depth++;
    while (tb && depth > limit) {
        depth--;
        tb = ((TracebackObject *)wf_obj(tb))->next;
    }
    Value last_file = 0, last_name = 0;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = ((TracebackObject *)wf_obj(tb))->next) {
        TracebackObject *t = (TracebackObject *)wf_obj(tb);
        Value file = tb_code_attr(t->code, "co_filename");
        /* warnings.warn() is C code in CPython: its Python frames here stay out of sight. */
        if (file && wf_str_eq_c(file, "<frozen warnings>")) {
            wf_decref(file);
            continue;
        }
        Value name = tb_code_attr(t->code, "co_name");
        bool same = last_file && file && wf_str_eq(last_file, file) && last_line == t->lineno &&
                    last_name && name && wf_str_eq(last_name, name);
        if (!same) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                tb_add_repeated(sb, cnt);
            wf_xdecref(last_file);
            wf_xdecref(last_name);
            last_file = wf_incref(file);
            last_name = wf_incref(name);
            last_line = t->lineno;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF)
            tb_add_entry(sb, file, t->lineno, name);
        wf_xdecref(file);
        wf_xdecref(name);
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        tb_add_repeated(sb, cnt);
    wf_xdecref(last_file);
    wf_xdecref(last_name);
}

/* ---- the final "Type: message" line ---- */

Value wf_exc_type_display_name(TypeObject *type)
{
    if (!(type->tp_flags & WF_TPF_HEAPTYPE) || !type->tp_dict)
        return wf_str_from_cstr(type->tp_name);
    /* Borrowed from the type's own dict: __module__ is always there for a
     * class statement; __qualname__ may live outside the dict (CPython's
     * ht_qualname), hence the attribute lookup for it. */
    Value mod = wf_dict_get(type->tp_dict, WF_ID(__module__));
    wf_err_clear();
    Value qual = wf_getattr(wf_val(type), WF_ID(__qualname__));
    if (!qual || !wf_is_str(qual)) {
        wf_err_clear();
        wf_xdecref(qual);
        const char *dot = strrchr(type->tp_name, '.');
        qual = wf_str_from_cstr(dot ? dot + 1 : type->tp_name);
    }
    Value r = qual;
    if (mod && wf_is_str(mod) && !wf_str_eq_c(mod, "builtins") && !wf_str_eq_c(mod, "__main__"))
        r = wf_str_printf("%U.%U", mod, qual);
    else if (mod && !wf_is_str(mod))
        r = wf_str_printf("<unknown>.%U", qual);
    if (r != qual)
        wf_decref(qual);
    return r;
}

static void tb_add_type_name(StrBuilder *sb, Value exc)
{
    Value name = wf_exc_type_display_name(wf_type(exc));
    if (name) {
        wf_sb_add_str(sb, name);
        wf_decref(name);
    } else {
        wf_err_clear();
        wf_sb_add_c(sb, wf_type(exc)->tp_name);
    }
}

static void tb_add_message(StrBuilder *sb, Value exc, Value msg_obj)
{
    tb_add_type_name(sb, exc);
    Value s = wf_str(msg_obj);
    if (!s) {
        wf_err_clear();
        wf_sb_add_c(sb, ": <exception str() failed>");
    } else {
        if (wf_as_str(s)->len) {
            wf_sb_add_c(sb, ": ");
            wf_sb_add_str(sb, s);
        }
        wf_decref(s);
    }
    wf_sb_add_char(sb, '\n');
}

static void tb_add_notes(StrBuilder *sb, Value exc)
{
    Value *dslot = (Value *)((char *)wf_obj(exc) + (wf_type(exc)->tp_dictoffset ? wf_type(exc)->tp_dictoffset
                                                                                 : offsetof(ExceptionObject, dict)));
    /* Our own references (the dict's value and each note): str(note) runs
     * Python code, which (or another thread) may change __notes__. */
    Value notes = *dslot ? wf_dict_get_c(*dslot, "__notes__") : 0;
    if (!notes)
        return;
    wf_incref(notes);
    if (!wf_is_list(notes) && !wf_is_tuple(notes)) {
        if (wf_sb_add_repr(sb, notes) < 0)
            wf_err_clear();
        wf_sb_add_char(sb, '\n');
        wf_decref(notes);
        return;
    }
    size_t n = wf_is_list(notes) ? wf_list_size(notes) : wf_tuple_size(notes);
    for (size_t i = 0; i < n; i++) {
        Value note = wf_is_list(notes) ? wf_list_get_ref(notes, i) : wf_incref(wf_tuple_get(notes, i));
        if (!note)
            break;   /* the list shrank */
        if (wf_sb_add_strof(sb, note) < 0) {
            wf_err_clear();
            wf_sb_add_c(sb, "<note str() failed>");
        }
        wf_decref(note);
        wf_sb_add_char(sb, '\n');
    }
    wf_decref(notes);
}

/* CPython's print_error_text: the line, then a caret under the offset. */
static void tb_add_error_text(StrBuilder *sb, intptr_t offset, intptr_t end_offset, const char *text)
{
    size_t carets = (end_offset > 0 && end_offset > offset) ? (size_t)(end_offset - offset) : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    intptr_t len = (intptr_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl)
            break;
        intptr_t inl = nl - text;
        if (inl >= offset)
            break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    wf_sb_add_c(sb, "    ");
    wf_sb_add_c(sb, text);
    if (text[len] != '\n')
        wf_sb_add_char(sb, '\n');
    if (offset < 0)
        return;
    wf_sb_add_c(sb, "    ");
    while (--offset >= 0)
        wf_sb_add_char(sb, ' ');
    for (size_t i = 0; i < carets; i++)
        wf_sb_add_char(sb, '^');
    wf_sb_add_char(sb, '\n');
}

static Value tb_attr(Value exc, const char *name)
{
    Value v = wf_getattr_c(exc, name);
    if (!v)
        wf_err_clear();
    return v;
}

static intptr_t tb_int_attr(Value exc, const char *name, intptr_t dflt)
{
    Value v = tb_attr(exc, name);
    intptr_t r = dflt;
    if (v && wf_is_small(v))
        r = wf_small_val(v);
    wf_xdecref(v);
    return r;
}

/* SyntaxError: File/line, text and caret; returns false if the attributes are unusable. */
static bool tb_add_syntax_error(StrBuilder *sb, Value exc)
{
    Value msg = tb_attr(exc, "msg");
    Value filename = tb_attr(exc, "filename");
    Value lineno = tb_attr(exc, "lineno");
    bool ok = msg && lineno && wf_is_small(lineno);
    if (ok) {
        char num[32];
        snprintf(num, sizeof num, "\", line %ld\n", (long)wf_small_val(lineno));
        wf_sb_add_c(sb, "  File \"");
        if (filename && wf_is_str(filename))
            wf_sb_add_str(sb, filename);
        else
            wf_sb_add_c(sb, "<string>");
        wf_sb_add_c(sb, num);
        Value text = tb_attr(exc, "text");
        if (text && wf_is_str(text)) {
            intptr_t offset = tb_int_attr(exc, "offset", -1);
            intptr_t end_offset = tb_int_attr(exc, "end_offset", -1);
            if (offset == -1) {
                /* No caret: just the stripped text. */
                const char *t = wf_str_cstr(text);
                while (*t == ' ' || *t == '\t' || *t == '\f')
                    t++;
                wf_sb_add_c(sb, "    ");
                wf_sb_add_c(sb, t);
                size_t n = strlen(t);
                if (!n || t[n - 1] != '\n')
                    wf_sb_add_char(sb, '\n');
            } else {
                tb_add_error_text(sb, offset, end_offset, wf_str_cstr(text));
            }
        }
        wf_xdecref(text);
        tb_add_message(sb, exc, msg);
    }
    wf_xdecref(msg);
    wf_xdecref(filename);
    wf_xdecref(lineno);
    return ok;
}

static void tb_add_one(StrBuilder *sb, Value exc)
{
    Value tb = ((ExceptionObject *)wf_obj(exc))->traceback;
    long limit = tb_limit();
    if (tb && limit > 0) {
        wf_sb_add_c(sb, "Traceback (most recent call last):\n");
        tb_add_entries(sb, tb, limit);
    }
    if (!(wf_isinstance_type(exc, wf_exc_SyntaxError) && tb_add_syntax_error(sb, exc)))
        tb_add_message(sb, exc, exc);
    tb_add_notes(sb, exc);
}

/* ---- chains ---- */

typedef struct Seen {
    Value *items;
    size_t n, cap;
} Seen;

static bool seen_has(Seen *s, Value v)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i] == v)
            return true;
    return false;
}

static void seen_add(Seen *s, Value v)
{
    if (s->n == s->cap)
        s->items = realloc(s->items, sizeof(Value) * (s->cap = s->cap ? s->cap * 2 : 8));
    s->items[s->n++] = v;
}

static void tb_add_recursive(StrBuilder *sb, Value exc, Seen *seen, int depth)
{
    seen_add(seen, exc);
    ExceptionObject *e = (ExceptionObject *)wf_obj(exc);
    /* Deep chains are cut rather than overflowing the C stack. */
    if (depth < 200) {
        if (e->cause && wf_isinstance_type(e->cause, wf_exc_BaseException)) {
            if (!seen_has(seen, e->cause)) {
                tb_add_recursive(sb, e->cause, seen, depth + 1);
                wf_sb_add_c(sb, "\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if (e->context && !e->suppress_context && wf_isinstance_type(e->context, wf_exc_BaseException)) {
            if (!seen_has(seen, e->context)) {
                tb_add_recursive(sb, e->context, seen, depth + 1);
                wf_sb_add_c(sb, "\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
    }
    tb_add_one(sb, exc);
}

/* The whole report as one str (chain=false: this exception only). */
Value wf_exc_format(Value exc, bool chain)
{
    Value pending = wf_err_fetch();
    StrBuilder sb;
    wf_sb_init(&sb);
    if (exc && wf_isinstance_type(exc, wf_exc_BaseException)) {
        Seen seen = {0};
        if (chain)
            tb_add_recursive(&sb, exc, &seen, 0);
        else
            tb_add_one(&sb, exc);
        free(seen.items);
    } else {
        wf_sb_add_c(&sb, "TypeError: print_exception(): Exception expected for value, ");
        wf_sb_add_c(&sb, exc ? wf_type(exc)->tp_name : "NULL");
        wf_sb_add_c(&sb, " found\n");
    }
    Value text = wf_sb_finish(&sb);
    wf_err_clear();
    wf_err_restore(pending);
    return text;
}

/* Only the final "Type: message" line(s), as traceback.format_exception_only. */
static Value tb_format_only(Value exc)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    if (!(wf_isinstance_type(exc, wf_exc_SyntaxError) && tb_add_syntax_error(&sb, exc)))
        tb_add_message(&sb, exc, exc);
    tb_add_notes(&sb, exc);
    return wf_sb_finish(&sb);
}

void wf_exc_print(Value exc)
{
    Value pending = wf_err_fetch();
    Value text = wf_exc_format(exc, true);
    if (text) {
        /* By length: a message may hold NUL characters. */
        /* Our own reference: write() runs Python code, and sys.stderr may
         * be rebound meanwhile (by it or another thread). */
        Value err = wf_sys_get("stderr");
        if (err)
            wf_incref(err);
        int r = err && err != wf_None ? wf_file_write_c(err, wf_str_cstr(text), wf_as_str(text)->len) : -1;
        if (r < 0) {
            wf_err_clear();
            ssize_t w = write(2, wf_str_cstr(text), wf_as_str(text)->len);
            (void)w;
        }
        if (err && err != wf_None) {
            Value fr = wf_call_method(err, "flush", NULL, 0);
            wf_xdecref(fr);
        }
        wf_xdecref(err);
        wf_decref(text);
    }
    wf_err_clear();
    wf_err_restore(pending);
}

/* ---- the `traceback` module (the commonly used part of Lib/traceback.py) ---- */

/* Split a report into CPython's chunks: one per line, with an entry's
 * source line kept together with its "  File" line. Consumes text (0
 * passes an error on). */
static Value tb_chunks(Value text)
{
    if (!text)
        return 0;
    Value list = wf_list_new(0);
    const char *p = wf_str_cstr(text);
    while (list && *p) {
        const char *start = p;
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
        if (!strncmp(start, "  File ", 7) && !strncmp(p, "    ", 4)) {
            nl = strchr(p, '\n');
            p = nl ? nl + 1 : p + strlen(p);
        }
        Value chunk = wf_str_new(start, (size_t)(p - start));
        if (!chunk || wf_list_append(list, chunk) < 0) {
            wf_xdecref(chunk);
            wf_decref(list);
            list = 0;
            break;
        }
        wf_decref(chunk);
    }
    wf_decref(text);
    return list;
}

/* The exception argument of format_exception(exc) / (type, value, tb). */
static Value tb_exc_arg(const Value *args, size_t nargs)
{
    Value v = nargs >= 2 ? args[1] : args[0];
    return v;
}

static Value tb_handled(void)
{
    Value e = wf_tstate()->exc_info;
    return e && e != wf_None ? e : 0;
}

static Value tb_none_text(void) { return wf_str_from_cstr("NoneType: None\n"); }

static Value tbm_format_exc(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value e = tb_handled();
    return e ? wf_exc_format(e, true) : tb_none_text();
}

/* Write text (consumed; 0 passes an error on) to file, sys.stderr by default; returns None. */
static Value tb_print(Value text, Value file)
{
    if (!text)
        return 0;
    if (!file || file == wf_None)
        file = wf_sys_get("stderr");  /* borrowed: held below while write() runs */
    int r = 0;
    if (file && file != wf_None) {
        wf_incref(file);
        r = wf_file_write_c(file, wf_str_cstr(text), wf_as_str(text)->len);
        wf_decref(file);
    }
    wf_decref(text);
    return r < 0 ? 0 : wf_incref(wf_None);
}

static Value tb_kwarg(const Value *args, size_t nargs, Value kwnames, const char *name)
{
    size_t n = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < n; i++)
        if (wf_str_eq_c(wf_tuple_get(kwnames, i), name))
            return args[nargs + i];
    return 0;
}

static Value tbm_print_exc(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return tb_print(tbm_format_exc(self, args, nargs, kwnames), tb_kwarg(args, nargs, kwnames, "file"));
}

static Value tb_format_value(Value v)
{
    if (v == wf_None)
        return tb_none_text();
    return wf_exc_format(v, true);
}

static Value tbm_format_exception(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("format_exception", nargs, 1, 3) < 0)
        return 0;
    return tb_chunks(tb_format_value(tb_exc_arg(args, nargs)));
}

static Value tbm_format_exception_only(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("format_exception_only", nargs, 1, 2) < 0)
        return 0;
    Value v = tb_exc_arg(args, nargs);
    return tb_chunks(v == wf_None || !wf_isinstance_type(v, wf_exc_BaseException) ? tb_none_text() : tb_format_only(v));
}

static Value tbm_print_exception(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("print_exception", nargs, 1, 3) < 0)
        return 0;
    return tb_print(tb_format_value(tb_exc_arg(args, nargs)), tb_kwarg(args, nargs, kwnames, "file"));
}

static const MethodDef tb_module_functions[] = {
    {"format_exc", tbm_format_exc, 0, "Like print_exc() but return a string."},
    {"print_exc", tbm_print_exc, 0, "Print the exception being handled to sys.stderr."},
    {"format_exception", tbm_format_exception, 0, NULL},
    {"format_exception_only", tbm_format_exception_only, 0, NULL},
    {"print_exception", tbm_print_exception, 0, NULL},
    {NULL},
};

Value wf_traceback_module_create(void)
{
    Value m = wf_module_new("traceback");
    if (!m || wf_module_add_functions(m, tb_module_functions) < 0)
        return 0;
    return m;
}

/* ---- frame objects (snapshots) ----
 * sys._getframe() and traceback.tb_frame give a `frame` object holding the
 * code, line and globals of a Python frame as they were when it was asked
 * for. Live frames sit on the thread's frame stack and die with their call,
 * so a snapshot (with its callers, eagerly) is what outlives them; f_lineno
 * does not advance afterwards as CPython's would. */

typedef struct FrameSnap {
    Object ob;
    Value code;
    Value globals;      /* dict, or 0 when unknown (traceback entries) */
    Value back;         /* FrameSnap or 0 */
    int lineno;
} FrameSnap;

static inline FrameSnap *fsnap(Value v) { return (FrameSnap *)wf_obj(v); }

static void fsnap_dealloc(Object *o)
{
    FrameSnap *f = (FrameSnap *)o;
    wf_xdecref(f->code);
    wf_xdecref(f->globals);
    wf_xdecref(f->back);
    wf_object_free(o);
}

static Value fsnap_code(Value self) { return wf_incref(fsnap(self)->code ? fsnap(self)->code : wf_None); }
static Value fsnap_lineno(Value self) { return wf_small(fsnap(self)->lineno); }
static Value fsnap_globals(Value self)
{
    if (!fsnap(self)->globals)
        return wf_dict_new();
    return wf_incref(fsnap(self)->globals);
}
static Value fsnap_back(Value self) { return wf_incref(fsnap(self)->back ? fsnap(self)->back : wf_None); }
static Value fsnap_builtins(Value self) { return wf_incref(wf_builtins_dict); }
static Value fsnap_none(Value self) { return wf_incref(wf_None); }
static Value fsnap_zero(Value self) { return wf_small(0); }

/* Module-level code runs in its globals; a function's locals are not kept. */
static Value fsnap_locals(Value self)
{
    Value name = tb_code_attr(fsnap(self)->code, "co_name");
    bool module = name && wf_str_eq_c(name, "<module>");
    wf_xdecref(name);
    if (module && fsnap(self)->globals)
        return wf_incref(fsnap(self)->globals);
    return wf_dict_new();
}

static Value fsnap_repr(Value self)
{
    Value file = tb_code_attr(fsnap(self)->code, "co_filename");
    Value name = tb_code_attr(fsnap(self)->code, "co_name");
    Value r = wf_str_printf("<frame at %p, file %R, line %d, code %s>", (void *)wf_obj(self),
                            file ? file : wf_None, fsnap(self)->lineno, name ? wf_str_cstr(name) : "?");
    wf_xdecref(file);
    wf_xdecref(name);
    return r;
}

static const GetSetDef fsnap_getset[] = {
    {"f_code", fsnap_code, NULL},
    {"f_lineno", fsnap_lineno, NULL},
    {"f_globals", fsnap_globals, NULL},
    {"f_locals", fsnap_locals, NULL},
    {"f_back", fsnap_back, NULL},
    {"f_builtins", fsnap_builtins, NULL},
    {"f_trace", fsnap_none, NULL},
    {"f_lasti", fsnap_zero, NULL},
    {NULL},
};

TypeObject wf_type_frame = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "frame",
    .tp_basicsize = sizeof(FrameSnap),
    .tp_dealloc = fsnap_dealloc,
    .tp_repr = fsnap_repr,
    .tp_getset = fsnap_getset,
};

Value wf_frame_snapshot(Value code, int lineno, Value globals, Value back)
{
    if (!(wf_type_frame.tp_flags & WF_TPF_READY) && wf_type_ready(&wf_type_frame) < 0)
        return 0;
    FrameSnap *f = (FrameSnap *)wf_object_alloc(&wf_type_frame, sizeof(FrameSnap));
    f->code = wf_incref(code);
    f->globals = globals ? wf_incref(globals) : 0;
    f->back = back ? wf_incref(back) : 0;
    f->lineno = lineno;
    return wf_val(f);
}
