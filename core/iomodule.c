/* weft: the io module: StringIO and the names of the file classes. */
/* In-memory text streams -> _io.StringIO; io.open/TextIOWrapper -> core/fileobject.c. */
#include <stdlib.h>
#include "runtime.h"
#include "critsec.h"

/*
 * A StringIO keeps its text as an array of code points, so positions
 * (seek/tell/truncate, all counted in characters as in CPython) are plain
 * indexes. Writing past the end pads with NUL characters, as CPython does.
 * Newlines are not translated (CPython's default newline='\n').
 *
 * Threads: every method runs inside a critical section on the object (the
 * `_cs` wrappers below), so each call is atomic as in free-threaded CPython.
 * writelines() does not hold it across the iteration of its argument: each
 * write takes it separately.
 */

typedef struct StringIOObject {
    Object ob;
    Value dict;           /* attributes of subclasses; unused here */
    uint32_t *buf;
    size_t len, cap, pos;
    bool closed;
} StringIOObject;

static inline StringIOObject *sio(Value v) { return (StringIOObject *)wf_obj(v); }

static int sio_check(StringIOObject *s)
{
    if (s->closed) {
        wf_err_set_str(wf_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static void sio_reserve(StringIOObject *s, size_t n)
{
    if (n <= s->cap)
        return;
    size_t cap = s->cap ? s->cap * 2 : 64;
    while (cap < n)
        cap *= 2;
    s->buf = wf_mem_realloc(s->buf, cap * sizeof(uint32_t));
    s->cap = cap;
}

static uint32_t sio_decode(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    uint32_t c = p[0];
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (n == 2)
        c = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    else if (n == 3)
        c = ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else if (n == 4)
        c = ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    *pp = p + n;
    return c;
}

/* Write a str at the current position, overwriting and extending. */
static void sio_write_str(StringIOObject *s, Value str)
{
    StrObject *o = wf_as_str(str);
    size_t end = s->pos + o->nchars;
    sio_reserve(s, end);
    if (s->pos > s->len)
        memset(s->buf + s->len, 0, (s->pos - s->len) * sizeof(uint32_t));
    const unsigned char *p = (const unsigned char *)o->data;
    for (size_t i = s->pos; i < end; i++)
        s->buf[i] = sio_decode(&p);
    s->pos = end;
    if (end > s->len)
        s->len = end;
}

static Value sio_slice(StringIOObject *s, size_t from, size_t to)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = from; i < to; i++)
        wf_sb_add_codepoint(&sb, s->buf[i]);
    return wf_sb_finish(&sb);
}

static Value sio_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"initial_value", "newline", NULL};
    Value initial = 0, newline = 0;
    if (wf_parse_args("StringIO", args, nargs, kwnames, "|OO", names, &initial, &newline) < 0)
        return 0;
    if (initial && initial != wf_None && !wf_is_str(initial))
        return wf_err_format(wf_exc_TypeError, "initial_value must be str or None, not %T", initial);
    StringIOObject *s = (StringIOObject *)wf_object_alloc(type, type->tp_basicsize);
    if (initial && initial != wf_None) {
        sio_write_str(s, initial);
        s->pos = 0;
    }
    return wf_val(s);
}

static int sio_init(Value self, const Value *args, size_t nargs, Value kwnames) { return 0; }

static void sio_dealloc(Object *o)
{
    StringIOObject *s = (StringIOObject *)o;
    wf_mem_free(s->buf);
    wf_xdecref(s->dict);
    wf_object_free(o);
}

static Value sio_write(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("write", kwnames) < 0 || wf_check_nargs("write", nargs, 1, 1) < 0)
        return 0;
    if (sio_check(sio(self)) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "string argument expected, got '%s'", wf_type_name(args[0]));
    sio_write_str(sio(self), args[0]);
    return wf_int_from_i64((int64_t)wf_as_str(args[0])->nchars);
}

static Value sio_write_cs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    Value r;
    WF_CRITSEC_BEGIN(wf_obj(self));
    r = sio_write(self, args, nargs, kwnames);
    WF_CRITSEC_END();
    return r;
}

Value wf_io_writelines(Value self, Value lines, CFunction write)
{
    Value it = wf_iter(lines);
    if (!it)
        return 0;
    Value line;
    while ((line = wf_next(it))) {
        Value r = write(self, &line, 1, 0);
        wf_decref(line);
        if (!r) {
            wf_decref(it);
            return 0;
        }
        wf_decref(r);
    }
    wf_decref(it);
    return wf_err_occurred() ? 0 : wf_incref(wf_None);
}

static Value sio_writelines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("writelines", kwnames) < 0 || wf_check_nargs("writelines", nargs, 1, 1) < 0)
        return 0;
    return wf_io_writelines(self, args[0], sio_write_cs);
}

static Value sio_getvalue(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return sio_slice(sio(self), 0, sio(self)->len);
}

static int sio_size_arg(const char *fname, const Value *args, size_t nargs, intptr_t *n)
{
    *n = -1;
    if (wf_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0 || args[0] == wf_None)
        return 0;
    *n = wf_as_ssize(args[0]);
    if (*n == -1 && wf_err_occurred())
        return -1;
    return 0;
}

static Value sio_read(Value self, const Value *args, size_t nargs, Value kwnames)
{
    StringIOObject *s = sio(self);
    intptr_t n;
    if (sio_size_arg("read", args, nargs, &n) < 0 || sio_check(s) < 0)
        return 0;
    size_t from = s->pos < s->len ? s->pos : s->len;
    size_t to = n < 0 || from + (size_t)n > s->len ? s->len : from + (size_t)n;
    s->pos = to > s->pos ? to : s->pos;
    return sio_slice(s, from, to);
}

static Value sio_readline_impl(StringIOObject *s, intptr_t limit)
{
    size_t from = s->pos < s->len ? s->pos : s->len, to = from;
    while (to < s->len && (limit < 0 || (intptr_t)(to - from) < limit)) {
        if (s->buf[to++] == '\n')
            break;
    }
    if (to > s->pos)
        s->pos = to;
    return sio_slice(s, from, to);
}

static Value sio_readline(Value self, const Value *args, size_t nargs, Value kwnames)
{
    intptr_t n;
    if (sio_size_arg("readline", args, nargs, &n) < 0 || sio_check(sio(self)) < 0)
        return 0;
    return sio_readline_impl(sio(self), n);
}

static Value sio_readlines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    Value list = wf_list_new(0);
    for (;;) {
        Value line = sio_readline_impl(sio(self), -1);
        if (!line || wf_as_str(line)->len == 0) {
            wf_xdecref(line);
            return list;
        }
        wf_list_append(list, line);
        wf_decref(line);
    }
}

static Value sio_tell(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return wf_int_from_i64((int64_t)sio(self)->pos);
}

static Value sio_seek(Value self, const Value *args, size_t nargs, Value kwnames)
{
    StringIOObject *s = sio(self);
    if (wf_no_kwargs("seek", kwnames) < 0 || wf_check_nargs("seek", nargs, 1, 2) < 0 || sio_check(s) < 0)
        return 0;
    intptr_t off = wf_as_ssize(args[0]), whence = 0;
    if (off == -1 && wf_err_occurred())
        return 0;
    if (nargs > 1 && (whence = wf_as_ssize(args[1])) == -1 && wf_err_occurred())
        return 0;
    if (whence < 0 || whence > 2)
        return wf_err_format(wf_exc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (whence == 0 && off < 0)
        return wf_err_format(wf_exc_ValueError, "Negative seek position %lld", (long long)off);
    if (whence != 0 && off != 0)
        return wf_err_set_str(wf_exc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 2)
        s->pos = s->len;
    else if (whence == 0)
        s->pos = (size_t)off;
    return wf_int_from_i64((int64_t)s->pos);
}

static Value sio_truncate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    StringIOObject *s = sio(self);
    intptr_t n;
    if (sio_size_arg("truncate", args, nargs, &n) < 0 || sio_check(s) < 0)
        return 0;
    size_t size = n < 0 ? s->pos : (size_t)n;
    if (size < s->len)
        s->len = size;
    return wf_int_from_i64((int64_t)size);
}

static Value sio_close(Value self, const Value *args, size_t nargs, Value kwnames)
{
    sio(self)->closed = true;
    return wf_incref(wf_None);
}

static Value sio_true(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return wf_True;
}

static Value sio_false(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return wf_False;
}

static Value sio_flush(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return wf_incref(wf_None);
}

/* iter(f) and `with f`: the stream itself, while it is open. */
static Value sio_iter(Value self)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    return wf_incref(self);
}

static Value sio_enter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return sio_iter(self);
}

static Value sio_iternext(Value self)
{
    if (sio_check(sio(self)) < 0)
        return 0;
    Value line = sio_readline_impl(sio(self), -1);
    if (line && wf_as_str(line)->len == 0) {
        wf_decref(line);
        return 0;
    }
    return line;
}

/* fn inside a critical section on self. */
#define SIO_CS(fn) \
    static Value fn##_cs(Value self, const Value *args, size_t nargs, Value kwnames) \
    { \
        Value r; \
        WF_CRITSEC_BEGIN(wf_obj(self)); \
        r = fn(self, args, nargs, kwnames); \
        WF_CRITSEC_END(); \
        return r; \
    }
SIO_CS(sio_getvalue)
SIO_CS(sio_read)
SIO_CS(sio_readline)
SIO_CS(sio_readlines)
SIO_CS(sio_tell)
SIO_CS(sio_seek)
SIO_CS(sio_truncate)
SIO_CS(sio_close)
SIO_CS(sio_flush)
SIO_CS(sio_true)
SIO_CS(sio_false)
SIO_CS(sio_enter)

static Value sio_iter_cs(Value self)
{
    Value r;
    WF_CRITSEC_BEGIN(wf_obj(self));
    r = sio_iter(self);
    WF_CRITSEC_END();
    return r;
}

static Value sio_iternext_cs(Value self)
{
    Value r;
    WF_CRITSEC_BEGIN(wf_obj(self));
    r = sio_iternext(self);
    WF_CRITSEC_END();
    return r;
}

static Value sio_get_closed(Value self)
{
    bool closed;
    WF_CRITSEC_BEGIN(wf_obj(self));
    closed = sio(self)->closed;
    WF_CRITSEC_END();
    return wf_bool(closed);
}
static Value sio_get_none(Value self) { return wf_incref(wf_None); }

static const GetSetDef sio_getset[] = {
    {"closed", sio_get_closed, NULL},
    {"line_buffering", sio_get_none, NULL},
    {"newlines", sio_get_none, NULL},
    {NULL},
};

static const MethodDef sio_methods[] = {
    {"write", sio_write_cs, 0, NULL},
    {"writelines", sio_writelines, 0, NULL},
    {"getvalue", sio_getvalue_cs, 0, NULL},
    {"read", sio_read_cs, 0, NULL},
    {"readline", sio_readline_cs, 0, NULL},
    {"readlines", sio_readlines_cs, 0, NULL},
    {"tell", sio_tell_cs, 0, NULL},
    {"seek", sio_seek_cs, 0, NULL},
    {"truncate", sio_truncate_cs, 0, NULL},
    {"close", sio_close_cs, 0, NULL},
    {"flush", sio_flush_cs, 0, NULL},
    {"readable", sio_true_cs, 0, NULL},
    {"writable", sio_true_cs, 0, NULL},
    {"seekable", sio_true_cs, 0, NULL},
    {"isatty", sio_false_cs, 0, NULL},
    {"__enter__", sio_enter_cs, 0, NULL},
    {"__exit__", sio_close_cs, 0, NULL},
    {NULL},
};

TypeObject wf_type_stringio = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(StringIOObject),
    .tp_dictoffset = offsetof(StringIOObject, dict),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_HAVE_DICT,
    .tp_new = sio_new,
    .tp_init = sio_init,
    .tp_dealloc = sio_dealloc,
    .tp_iter = sio_iter_cs,
    .tp_iternext = sio_iternext_cs,
    .tp_methods = sio_methods,
    .tp_getset = sio_getset,
};

static const MethodDef io_functions[] = {
    {"open", wf_builtin_open, 0, "Open file and return a stream."},
    {NULL},
};

static Value io_create(void)
{
    if (wf_type_ready(&wf_type_stringio) < 0)
        return 0;
    Value m = wf_module_new("io");
    if (!m || wf_module_add_functions(m, io_functions) < 0)
        return 0;
    if (wf_module_add_object(m, "StringIO", wf_val(&wf_type_stringio)) < 0 ||
        wf_module_add_object(m, "TextIOWrapper", wf_val(&wf_type_textfile)) < 0 ||
        wf_module_add_object(m, "UnsupportedOperation", wf_val(wf_exc_UnsupportedOperation)) < 0 ||
        wf_module_add_object(m, "SEEK_SET", wf_small(0)) < 0 || wf_module_add_object(m, "SEEK_CUR", wf_small(1)) < 0 ||
        wf_module_add_object(m, "SEEK_END", wf_small(2)) < 0)
        return 0;
    return m;
}

void wf_io_register(void)
{
    wf_register_builtin_module("io", io_create);
}
