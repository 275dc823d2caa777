/* weft: the built-in exception types and the thread's current exception. */
/* C errors and `raise` -> exception objects on the thread state (errors.h). */
#include <errno.h>
#include <sys/types.h>
#include "weft.h"
#include "runtime.h"
#include "attrslot.h"

/*
 * Every built-in exception class is a TypeObject allocated here at start-up
 * from the WF_EXCEPTIONS table. Instances share one layout, ExceptionObject,
 * whose `dict` sits right after the header (like InstanceObject), so user
 * subclasses keep their attributes there and the generic attribute code
 * finds them through tp_dictoffset.
 *
 * Attributes beyond the common ones (OSError.errno, SyntaxError.lineno,
 * ImportError.name ...) are getset descriptors that keep their value in the
 * instance dict under the same name: missing entries read as None, as the
 * C-level members of CPython do.
 *
 * The current exception lives in ThreadState.exc; raising from C attaches
 * the exception being handled (ThreadState.exc_info) as __context__, as
 * CPython's _PyErr_SetObject does.
 */

#define X(name, base) TypeObject *wf_exc_##name;
WF_EXCEPTIONS(X)
#undef X

/* Built-in exceptions beyond the shared list (same X(Name, Base) form; each
 * base precedes its subclasses). */
#define EXC_EXTRAS(X) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    X(UnicodeTranslateError, UnicodeError) \
    X(ConnectionError, OSError) \
    X(BrokenPipeError, ConnectionError) \
    X(ConnectionAbortedError, ConnectionError) \
    X(ConnectionRefusedError, ConnectionError) \
    X(ConnectionResetError, ConnectionError) \
    X(BlockingIOError, OSError) \
    X(ChildProcessError, OSError) \
    X(InterruptedError, OSError) \
    X(ProcessLookupError, OSError) \
    X(PendingDeprecationWarning, Warning) \
    X(SyntaxWarning, Warning) \
    X(FutureWarning, Warning) \
    X(ImportWarning, Warning) \
    X(UnicodeWarning, Warning) \
    X(BytesWarning, Warning) \
    X(ResourceWarning, Warning) \
    X(EncodingWarning, Warning)

#define X(name, base) TypeObject *wf_exc_##name;
EXC_EXTRAS(X)
#undef X
TypeObject *wf_exc_UnsupportedOperation;
static TypeObject *wf_exc_NONE;  /* the base of BaseException in the table: object */

enum {
#define X(name, base) EXC_IDX_##name,
    WF_EXCEPTIONS(X)
#undef X
#define X(name, base) EXC_IDX_##name,
    EXC_EXTRAS(X)
#undef X
    EXC_IDX_UnsupportedOperation,
    EXC_COUNT
};
/* Type objects are immortal and live as long as the process. */
static TypeObject exc_types[EXC_COUNT];

static inline ExceptionObject *exc_obj(Value v) { return (ExceptionObject *)wf_obj(v); }

static bool exc_is_instance(Value v)
{
    return wf_is_obj(v) && wf_isinstance_type(v, wf_exc_BaseException);
}

static bool exc_is_class(Value v)
{
    return wf_is_type(v) && wf_type_is_subtype(wf_as_type(v), wf_exc_BaseException);
}

/* The short class name ("ValueError", "MyError"): tp_name without a module. */
static const char *exc_short_name(TypeObject *t)
{
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

/* ---- the instance dict, for the extra attributes ---- */

static Value *exc_dict_slot(Value self)
{
    size_t off = wf_type(self)->tp_dictoffset;
    if (off == 0)
        off = offsetof(ExceptionObject, dict);
    return (Value *)((char *)wf_obj(self) + off);
}

/* The C-level attributes of OSError, SyntaxError, ImportError, NameError and
 * AttributeError live in a private dict in the `value` field (which only
 * StopIteration and SystemExit use otherwise), so __dict__ stays as empty
 * as CPython's. `__notes__` goes to the real instance dict. */
static Value *exc_store_slot(Value self, bool in_dict)
{
    return in_dict ? exc_dict_slot(self) : &exc_obj(self)->value;
}

/* Borrowed attribute, or None. */
static Value exc_attr_in(Value self, const char *name, bool in_dict)
{
    Value d = wf_attrslot_load(exc_store_slot(self, in_dict));
    Value v = d && wf_is_dict(d) ? wf_dict_get_c(d, name) : 0;
    return v ? v : wf_None;
}

static int exc_set_attr_in(Value self, const char *name, Value v, bool in_dict)
{
    Value *slot = exc_store_slot(self, in_dict);
    Value d = wf_attrslot_load(slot);
    if (d && !wf_is_dict(d)) {
        Value expected = d;
        /* acq_rel: as wf_attrslot_store(), but only if nobody replaced it meanwhile */
        if (wf_atomic_cas_acq_rel_usize(slot, &expected, 0))
            wf_defer_decref(d);
    }
    d = wf_attrslot_dict(slot);
    if (v == 0) {
        Value key = wf_str_intern_c(name);
        int r = wf_dict_contains(d, key);
        if (r <= 0)
            return r < 0 ? -1 : 0;
        return wf_dict_del(d, key);
    }
    return wf_dict_set_c(d, name, v);
}

static Value exc_attr(Value self, const char *name) { return exc_attr_in(self, name, false); }
static int exc_set_attr(Value self, const char *name, Value v) { return exc_set_attr_in(self, name, v, false); }

/* ---- BaseException ---- */

static Value exc_tp_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    size_t size = type->tp_basicsize < sizeof(ExceptionObject) ? sizeof(ExceptionObject) : type->tp_basicsize;
    ExceptionObject *e = (ExceptionObject *)wf_object_alloc(type, size);
    e->args = wf_tuple_from_array(args, nargs);
    if (!e->args) {
        e->args = wf_empty_tuple;
        wf_decref(wf_val(e));
        return 0;
    }
    return wf_val(e);
}

static size_t exc_nkw(Value kwnames) { return kwnames ? wf_tuple_size(kwnames) : 0; }

static int exc_set_args(Value self, const Value *args, size_t nargs)
{
    Value t = wf_tuple_from_array(args, nargs);
    if (!t)
        return -1;
    wf_attrslot_store(&exc_obj(self)->args, t);
    return 0;
}

static int exc_tp_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exc_nkw(kwnames)) {
        wf_err_format(wf_exc_TypeError, "%s() takes no keyword arguments", exc_short_name(wf_type(self)));
        return -1;
    }
    return exc_set_args(self, args, nargs);
}

/* Long __cause__/__context__ chains would recurse once per link while
 * being freed; past a small depth the rest are queued and freed by the
 * outermost call (CPython's trashcan, for exceptions only). */
#define EXC_DEALLOC_MAX_DEPTH 50
static _Thread_local int exc_dealloc_depth;
static _Thread_local Object **exc_deferred;
static _Thread_local size_t exc_ndeferred, exc_deferred_cap;

static void exc_really_dealloc(Object *o);

/* At thread exit (from wf_object_thread_fini): the deferral array. */
void wf_exc_thread_fini(void)
{
    wf_mem_free(exc_deferred);
    exc_deferred = NULL;
    exc_ndeferred = exc_deferred_cap = 0;
}

static void exc_tp_dealloc(Object *o)
{
    if (exc_dealloc_depth >= EXC_DEALLOC_MAX_DEPTH) {
        if (exc_ndeferred == exc_deferred_cap) {
            exc_deferred_cap = exc_deferred_cap ? exc_deferred_cap * 2 : 64;
            exc_deferred = wf_mem_realloc(exc_deferred, exc_deferred_cap * sizeof(Object *));
        }
        exc_deferred[exc_ndeferred++] = o;
        return;
    }
    exc_dealloc_depth++;
    exc_really_dealloc(o);
    exc_dealloc_depth--;
    while (exc_dealloc_depth == 0 && exc_ndeferred > 0) {
        Object *next = exc_deferred[--exc_ndeferred];
        exc_dealloc_depth++;
        exc_really_dealloc(next);
        exc_dealloc_depth--;
    }
}

static void exc_really_dealloc(Object *o)
{
    ExceptionObject *e = (ExceptionObject *)o;
    wf_xdecref(e->args);
    wf_xdecref(e->traceback);
    wf_xdecref(e->cause);
    wf_xdecref(e->context);
    wf_xdecref(e->value);
    wf_xdecref(*exc_dict_slot(wf_val(o)));
    wf_object_free(o);
}

static Value exc_tp_str(Value self)
{
    Value args = wf_attrslot_load(&exc_obj(self)->args);
    size_t n = args ? wf_tuple_size(args) : 0;
    if (n == 0)
        return wf_str_from_cstr("");
    if (n == 1)
        return wf_str(wf_tuple_get(args, 0));
    return wf_str(args);
}

static Value exc_tp_repr(Value self)
{
    Value args = wf_attrslot_load(&exc_obj(self)->args);
    const char *name = exc_short_name(wf_type(self));
    if (args && wf_tuple_size(args) == 1)
        return wf_str_printf("%s(%R)", name, wf_tuple_get(args, 0));
    if (!args || wf_tuple_size(args) == 0)
        return wf_str_printf("%s()", name);
    return wf_str_printf("%s%R", name, args);
}

static Value exc_get_args(Value self)
{
    Value a = wf_attrslot_load(&exc_obj(self)->args);
    return wf_incref(a ? a : wf_empty_tuple);
}

static int exc_put_args(Value self, Value v)
{
    if (!v) {
        wf_err_set_str(wf_exc_TypeError, "args may not be deleted");
        return -1;
    }
    Value t = wf_tuple_from_iterable(v);
    if (!t)
        return -1;
    wf_attrslot_store(&exc_obj(self)->args, t);
    return 0;
}

static Value exc_get_tb(Value self)
{
    Value tb = wf_attrslot_load(&exc_obj(self)->traceback);
    return wf_incref(tb ? tb : wf_None);
}

static int exc_put_tb(Value self, Value v)
{
    if (!v) {
        wf_err_set_str(wf_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != wf_None && !wf_is_type_exact(v, &wf_type_traceback)) {
        wf_err_set_str(wf_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    wf_attrslot_store(&exc_obj(self)->traceback, v == wf_None ? 0 : wf_incref(v));
    return 0;
}

static Value exc_get_cause(Value self)
{
    Value c = wf_attrslot_load(&exc_obj(self)->cause);
    return wf_incref(c ? c : wf_None);
}

/* Set __cause__ or __context__ (what: "cause", "context") to v. */
static int exc_put_chained(Value *slot, Value v, const char *what)
{
    if (!v) {
        wf_err_format(wf_exc_TypeError, "__%s__ may not be deleted", what);
        return -1;
    }
    if (v != wf_None && !exc_is_instance(v)) {
        wf_err_format(wf_exc_TypeError, "exception %s must be None or derive from BaseException", what);
        return -1;
    }
    wf_attrslot_store(slot, v == wf_None ? 0 : wf_incref(v));
    return 0;
}

static int exc_put_cause(Value self, Value v)
{
    if (exc_put_chained(&exc_obj(self)->cause, v, "cause") < 0)
        return -1;
    exc_obj(self)->suppress_context = 1;
    return 0;
}

static Value exc_get_context(Value self)
{
    Value c = wf_attrslot_load(&exc_obj(self)->context);
    return wf_incref(c ? c : wf_None);
}

static int exc_put_context(Value self, Value v)
{
    return exc_put_chained(&exc_obj(self)->context, v, "context");
}

static Value exc_get_suppress(Value self) { return wf_bool(exc_obj(self)->suppress_context); }

static int exc_put_suppress(Value self, Value v)
{
    if (!v) {
        wf_err_set_str(wf_exc_TypeError, "__suppress_context__ may not be deleted");
        return -1;
    }
    int t = wf_truthy(v);
    if (t < 0)
        return -1;
    exc_obj(self)->suppress_context = t;
    return 0;
}

static Value exc_get_dict(Value self)
{
    Value *slot = exc_dict_slot(self);
    if (!*slot)
        *slot = wf_dict_new();
    return wf_incref(*slot);
}

static Value exc_with_traceback(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("with_traceback", kwnames) < 0 || wf_check_nargs("with_traceback", nargs, 1, 1) < 0)
        return 0;
    if (exc_put_tb(self, args[0]) < 0)
        return 0;
    return wf_incref(self);
}

static Value exc_add_note(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("add_note", kwnames) < 0 || wf_check_nargs("add_note", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "note must be a str, not '%T'", args[0]);
    Value notes = exc_attr_in(self, "__notes__", true);
    if (notes == wf_None) {
        notes = wf_list_new(0);
        if (!notes || exc_set_attr_in(self, "__notes__", notes, true) < 0)
            return 0;
        wf_decref(notes);
    } else if (!wf_is_list(notes)) {
        return wf_err_set_str(wf_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (wf_list_append(notes, args[0]) < 0)
        return 0;
    return wf_incref(wf_None);
}

static const GetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_put_args},
    {"__traceback__", exc_get_tb, exc_put_tb},
    {"__cause__", exc_get_cause, exc_put_cause},
    {"__context__", exc_get_context, exc_put_context},
    {"__suppress_context__", exc_get_suppress, exc_put_suppress},
    {"__dict__", exc_get_dict, NULL},
    {NULL},
};

static const MethodDef exc_methods[] = {
    {"with_traceback", exc_with_traceback, 0, "Set self.__traceback__ to tb and return self."},
    {"add_note", exc_add_note, 0, "Add a note to the exception"},
    {NULL},
};

/* ---- KeyError: str() is the repr of a lone key ---- */

static Value keyerror_str(Value self)
{
    Value args = wf_attrslot_load(&exc_obj(self)->args);
    if (args && wf_tuple_size(args) == 1)
        return wf_repr(wf_tuple_get(args, 0));
    return exc_tp_str(self);
}

/* ---- StopIteration.value, SystemExit.code ---- */

static Value exc_get_value(Value self)
{
    Value v = wf_attrslot_load(&exc_obj(self)->value);
    return wf_incref(v ? v : wf_None);
}

static int exc_put_value(Value self, Value v)
{
    wf_attrslot_store(&exc_obj(self)->value, v ? wf_incref(v) : 0);
    return 0;
}

static int stopiter_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exc_tp_init(self, args, nargs, kwnames) < 0)
        return -1;
    wf_attrslot_store(&exc_obj(self)->value, wf_incref(nargs ? args[0] : wf_None));
    return 0;
}

static int sysexit_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exc_tp_init(self, args, nargs, kwnames) < 0)
        return -1;
    Value code = nargs == 0 ? wf_incref(wf_None) : nargs == 1 ? wf_incref(args[0]) : wf_incref(exc_obj(self)->args);
    wf_attrslot_store(&exc_obj(self)->value, code);
    return 0;
}

static const GetSetDef stopiter_getset[] = {{"value", exc_get_value, exc_put_value}, {NULL}};
static const GetSetDef sysexit_getset[] = {{"code", exc_get_value, exc_put_value}, {NULL}};

/* ---- attributes kept in the instance dict ---- */

#define EXC_DICT_ATTR(cname, pyname) \
    static Value cname##_get(Value self) { return wf_incref(exc_attr(self, pyname)); } \
    static int cname##_set(Value self, Value v) { return exc_set_attr(self, pyname, v ? v : wf_None); }

EXC_DICT_ATTR(a_name, "name")
EXC_DICT_ATTR(a_path, "path")
EXC_DICT_ATTR(a_msg, "msg")
EXC_DICT_ATTR(a_obj, "obj")
EXC_DICT_ATTR(a_errno, "errno")
EXC_DICT_ATTR(a_strerror, "strerror")
EXC_DICT_ATTR(a_filename, "filename")
EXC_DICT_ATTR(a_filename2, "filename2")
EXC_DICT_ATTR(a_lineno, "lineno")
EXC_DICT_ATTR(a_offset, "offset")
EXC_DICT_ATTR(a_text, "text")
EXC_DICT_ATTR(a_end_lineno, "end_lineno")
EXC_DICT_ATTR(a_end_offset, "end_offset")
EXC_DICT_ATTR(a_print_file_and_line, "print_file_and_line")

#define GS(cname, pyname) {pyname, cname##_get, cname##_set}

/* Parse keyword arguments from an allowed list into the instance dict. */
static int exc_take_kwargs(Value self, const Value *args, size_t nargs, Value kwnames,
                           const char *const *allowed)
{
    size_t nkw = exc_nkw(kwnames);
    for (size_t i = 0; i < nkw; i++) {
        Value k = wf_tuple_get(kwnames, i);
        size_t j = 0;
        while (allowed[j] && !wf_str_eq_c(k, allowed[j]))
            j++;
        if (!allowed[j]) {
            wf_err_format(wf_exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                          exc_short_name(wf_type(self)));
            return -1;
        }
        if (exc_set_attr(self, allowed[j], args[nargs + i]) < 0)
            return -1;
    }
    return 0;
}

/* ---- ImportError: name=, path=, msg ---- */

static int importerror_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const allowed[] = {"name", "path", NULL};
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    if (exc_take_kwargs(self, args, nargs, kwnames, allowed) < 0)
        return -1;
    return exc_set_attr(self, "msg", nargs == 1 ? args[0] : wf_None);
}

static Value importerror_str(Value self)
{
    Value msg = exc_attr(self, "msg");
    if (msg != wf_None)
        return wf_str(msg);
    return exc_tp_str(self);
}

static const GetSetDef importerror_getset[] = {
    GS(a_name, "name"), GS(a_path, "path"), GS(a_msg, "msg"), {NULL},
};

/* ---- NameError.name, AttributeError.name/obj ---- */

static int nameerror_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const allowed[] = {"name", NULL};
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    return exc_take_kwargs(self, args, nargs, kwnames, allowed);
}

static int attributeerror_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const allowed[] = {"name", "obj", NULL};
    if (exc_set_args(self, args, nargs) < 0)
        return -1;
    return exc_take_kwargs(self, args, nargs, kwnames, allowed);
}

static const GetSetDef nameerror_getset[] = {GS(a_name, "name"), {NULL}};
static const GetSetDef attributeerror_getset[] = {GS(a_name, "name"), GS(a_obj, "obj"), {NULL}};

/* ---- OSError: errno, strerror, filename; OSError(ENOENT, ...) is FileNotFoundError ---- */

static TypeObject *oserror_subtype_for(Value code)
{
    if (!wf_is_small(code))
        return NULL;
    switch (wf_small_val(code)) {
    case ENOENT: return wf_exc_FileNotFoundError;
    case EEXIST: return wf_exc_FileExistsError;
    case EISDIR: return wf_exc_IsADirectoryError;
    case ENOTDIR: return wf_exc_NotADirectoryError;
    case EACCES: case EPERM: return wf_exc_PermissionError;
    case ETIMEDOUT: return wf_exc_TimeoutError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return wf_exc_BlockingIOError;
    case EPIPE: case ESHUTDOWN: return wf_exc_BrokenPipeError;
    case ECHILD: return wf_exc_ChildProcessError;
    case ECONNABORTED: return wf_exc_ConnectionAbortedError;
    case ECONNREFUSED: return wf_exc_ConnectionRefusedError;
    case ECONNRESET: return wf_exc_ConnectionResetError;
    case EINTR: return wf_exc_InterruptedError;
    case ESRCH: return wf_exc_ProcessLookupError;
    default: return NULL;
    }
}

static Value oserror_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    if (type == wf_exc_OSError && nargs >= 2 && nargs <= 5) {
        TypeObject *sub = oserror_subtype_for(args[0]);
        if (sub)
            type = sub;
    }
    return exc_tp_new(type, args, nargs, kwnames);
}

static int oserror_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (exc_tp_init(self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs < 2 || nargs > 5)
        return 0;
    if (exc_set_attr(self, "errno", args[0]) < 0 || exc_set_attr(self, "strerror", args[1]) < 0)
        return -1;
    if (nargs >= 3) {
        if (exc_set_attr(self, "filename", args[2]) < 0)
            return -1;
        if (nargs == 5 && exc_set_attr(self, "filename2", args[4]) < 0)
            return -1;
        /* CPython keeps only (errno, strerror) in args once a filename is given. */
        return exc_set_args(self, args, 2);
    }
    return 0;
}

static Value oserror_str(Value self)
{
    Value no = exc_attr(self, "errno"), se = exc_attr(self, "strerror");
    Value fn = exc_attr(self, "filename"), fn2 = exc_attr(self, "filename2");
    if (fn != wf_None && fn2 != wf_None)
        return wf_str_printf("[Errno %S] %S: %R -> %R", no, se, fn, fn2);
    if (fn != wf_None)
        return wf_str_printf("[Errno %S] %S: %R", no, se, fn);
    if (no != wf_None && se != wf_None)
        return wf_str_printf("[Errno %S] %S", no, se);
    return exc_tp_str(self);
}

static const GetSetDef oserror_getset[] = {
    GS(a_errno, "errno"), GS(a_strerror, "strerror"), GS(a_filename, "filename"),
    GS(a_filename2, "filename2"), {NULL},
};

/* ---- SyntaxError: msg, (filename, lineno, offset, text[, end_lineno, end_offset]) ---- */

static int syntaxerror_init(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    if (exc_tp_init(self, args, nargs, kwnames) < 0)
        return -1;
    if (nargs >= 1 && exc_set_attr(self, "msg", args[0]) < 0)
        return -1;
    if (nargs != 2)
        return 0;
    Value info = args[1];
    if (!wf_is_tuple(info)) {
        Value t = wf_tuple_from_iterable(info);
        if (!t)
            return -1;
        info = t;  /* LEAK: one tuple per odd SyntaxError construction */
    }
    size_t n = wf_tuple_size(info);
    if (n < 4 || n > 6) {
        wf_err_set_str(wf_exc_IndexError, "tuple index out of range");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (exc_set_attr(self, names[i], wf_tuple_get(info, i)) < 0)
            return -1;
    return 0;
}

static Value syntaxerror_str(Value self)
{
    Value msg = exc_attr(self, "msg"), fn = exc_attr(self, "filename"), ln = exc_attr(self, "lineno");
    bool have_fn = wf_is_str(fn), have_ln = wf_is_small(ln);
    if (have_fn) {
        const char *slash = strrchr(wf_str_cstr(fn), '/');
        const char *base = slash ? slash + 1 : wf_str_cstr(fn);
        if (have_ln)
            return wf_str_printf("%S (%s, line %zd)", msg, base, (ssize_t)wf_small_val(ln));
        return wf_str_printf("%S (%s)", msg, base);
    }
    if (have_ln)
        return wf_str_printf("%S (line %zd)", msg, (ssize_t)wf_small_val(ln));
    return wf_str(msg);
}

static const GetSetDef syntaxerror_getset[] = {
    GS(a_msg, "msg"), GS(a_filename, "filename"), GS(a_lineno, "lineno"), GS(a_offset, "offset"),
    GS(a_text, "text"), GS(a_end_lineno, "end_lineno"), GS(a_end_offset, "end_offset"),
    GS(a_print_file_and_line, "print_file_and_line"), {NULL},
};

/* ---- tracebacks ---- */

static void tb_dealloc(Object *o)
{
    TracebackObject *tb = (TracebackObject *)o;
    /* Long chains (deep recursion) are freed iteratively, not recursively. */
    Value next = tb->next;
    wf_xdecref(tb->code);
    wf_object_free(o);
    while (next && wf_object_is_unique(wf_obj(next))) {
        TracebackObject *n = (TracebackObject *)wf_obj(next);
        next = n->next;
        wf_xdecref(n->code);
        wf_object_free(&n->ob);
    }
    wf_xdecref(next);
}

static Value tb_get_next(Value self)
{
    Value n = ((TracebackObject *)wf_obj(self))->next;
    return wf_incref(n ? n : wf_None);
}

static int tb_set_next(Value self, Value v)
{
    if (!v) {
        wf_err_set_str(wf_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != wf_None && !wf_is_type_exact(v, &wf_type_traceback)) {
        wf_err_format(wf_exc_TypeError, "expected traceback object or None, got '%T'", v);
        return -1;
    }
    for (Value c = v; c && c != wf_None; c = ((TracebackObject *)wf_obj(c))->next)
        if (c == self) {
            wf_err_set_str(wf_exc_ValueError, "traceback loop detected");
            return -1;
        }
    wf_attrslot_store(&((TracebackObject *)wf_obj(self))->next, v == wf_None ? 0 : wf_incref(v));
    return 0;
}

static Value tb_get_lineno(Value self) { return wf_small(((TracebackObject *)wf_obj(self))->lineno); }
static Value tb_get_frame(Value self)
{
    TracebackObject *tb = (TracebackObject *)wf_obj(self);
    return wf_frame_snapshot(tb->code ? tb->code : wf_None, tb->lineno, 0, 0);
}
static Value tb_get_code(Value self)
{
    Value c = ((TracebackObject *)wf_obj(self))->code;
    return wf_incref(c ? c : wf_None);
}

static const GetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next},
    {"tb_lineno", tb_get_lineno, NULL},
    {"tb_frame", tb_get_frame, NULL},
    {"tb_code", tb_get_code, NULL},
    {NULL},
};

TypeObject wf_type_traceback = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(TracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getset = tb_getset,
};

void wf_exc_add_traceback(Value exc, Value code, int lineno)
{
    if (!exc_is_instance(exc))
        return;
    TracebackObject *tb = (TracebackObject *)wf_object_alloc(&wf_type_traceback, sizeof(TracebackObject));
    tb->code = wf_incref(code);
    tb->lineno = lineno;
    tb->next = exc_obj(exc)->traceback;  /* the reference moves into the new entry */
    exc_obj(exc)->traceback = wf_val(tb);
}

/* ---- creating the types ---- */

static TypeObject *exc_make(int idx, const char *name, TypeObject *base)
{
    TypeObject *t = &exc_types[idx];
    t->ob = (Object)WF_STATIC_HEAD(&wf_type_type);
    t->ob.ob_flags = WF_OBF_STATIC;
    t->tp_name = name;
    t->tp_basicsize = sizeof(ExceptionObject);
    t->tp_dictoffset = offsetof(ExceptionObject, dict);
    t->tp_flags = WF_TPF_BASETYPE | WF_TPF_HAVE_DICT | WF_TPF_EXC_SUBCLASS;
    t->tp_base = base ? base : &wf_type_object;
    if (!base) {
        t->tp_new = exc_tp_new;
        t->tp_init = exc_tp_init;
        t->tp_dealloc = exc_tp_dealloc;
        t->tp_repr = exc_tp_repr;
        t->tp_str = exc_tp_str;
        t->tp_getset = exc_getset;
        t->tp_methods = exc_methods;
    }
    return t;
}

static void exc_customize(void)
{
    wf_exc_KeyError->tp_str = keyerror_str;
    wf_exc_StopIteration->tp_init = stopiter_init;
    wf_exc_StopIteration->tp_getset = stopiter_getset;
    wf_exc_SystemExit->tp_init = sysexit_init;
    wf_exc_SystemExit->tp_getset = sysexit_getset;
    wf_exc_ImportError->tp_init = importerror_init;
    wf_exc_ImportError->tp_str = importerror_str;
    wf_exc_ImportError->tp_getset = importerror_getset;
    wf_exc_NameError->tp_init = nameerror_init;
    wf_exc_NameError->tp_getset = nameerror_getset;
    wf_exc_AttributeError->tp_init = attributeerror_init;
    wf_exc_AttributeError->tp_getset = attributeerror_getset;
    wf_exc_OSError->tp_new = oserror_new;
    wf_exc_OSError->tp_init = oserror_init;
    wf_exc_OSError->tp_str = oserror_str;
    wf_exc_OSError->tp_getset = oserror_getset;
    wf_exc_SyntaxError->tp_init = syntaxerror_init;
    wf_exc_SyntaxError->tp_str = syntaxerror_str;
    wf_exc_SyntaxError->tp_getset = syntaxerror_getset;
}

void wf_exceptions_init(void)
{
    wf_exc_NONE = NULL;
#define X(name, base) wf_exc_##name = exc_make(EXC_IDX_##name, #name, wf_exc_##base);
    WF_EXCEPTIONS(X)
#undef X
#define X(name, base) wf_exc_##name = exc_make(EXC_IDX_##name, #name, wf_exc_##base);
    EXC_EXTRAS(X)
#undef X
    wf_exc_UnsupportedOperation = exc_make(EXC_IDX_UnsupportedOperation, "io.UnsupportedOperation", wf_exc_OSError);
    exc_customize();
    for (int i = 0; i < EXC_COUNT; i++)
        if (wf_type_ready(&exc_types[i]) < 0)
            WF_DIE("cannot initialise the exception types", 0);
    if (wf_type_ready(&wf_type_traceback) < 0)
        WF_DIE("cannot initialise the traceback type", 0);
}

/* Every built-in exception class, for the builtins module. */
void wf_exceptions_each(void (*fn)(const char *name, TypeObject *type))
{
    for (int i = 0; i < EXC_COUNT; i++)
        fn(exc_types[i].tp_name, &exc_types[i]);
}

/* ---- creating exception objects ---- */

Value wf_exc_new(TypeObject *type, const Value *args, size_t nargs)
{
    /* Built-in classes are created directly; user classes go through their
     * own __new__/__init__. */
    if (type->tp_flags & WF_TPF_HEAPTYPE)
        return wf_call(wf_val(type), args, nargs, 0);
    Value e = type->tp_new(type, args, nargs, 0);
    if (e && wf_type(e)->tp_init && wf_type(e)->tp_init(e, args, nargs, 0) < 0) {
        wf_decref(e);
        return 0;
    }
    return e;
}

Value wf_exc_args(Value exc)
{
    Value a = exc_obj(exc)->args;
    return a ? a : wf_empty_tuple;
}

void wf_exc_set_context_from_handled(Value exc)
{
    ThreadState *ts = wf_tstate();
    Value handled = ts->exc_info;
    if (!handled || handled == wf_None || handled == exc || !exc_is_instance(handled))
        return;
    /* Break a cycle exc -> ... -> handled -> ... -> exc, as CPython does. */
    Value o = handled;
    while (o) {
        Value ctx = exc_obj(o)->context;
        if (ctx == exc) {
            exc_obj(o)->context = 0;
            wf_decref(ctx);
            break;
        }
        o = ctx;
    }
    wf_setref(&exc_obj(exc)->context, wf_incref(handled));
}

/* Make exc (stolen) the current exception, with its __context__. */
static Value exc_set_current(Value exc)
{
    if (!exc)
        return 0;
    wf_exc_set_context_from_handled(exc);
    wf_err_restore(exc);
    return 0;
}

/* ---- raising ---- */

Value wf_err_set_value(TypeObject *type, Value arg)
{
    Value exc = wf_exc_new(type, &arg, 1);
    return exc_set_current(exc);
}

/* type(msg) as the current exception; msg is consumed (0 passes an error on). */
static Value exc_raise_msg(TypeObject *type, Value msg)
{
    if (!msg)
        return 0;
    wf_err_set_value(type, msg);
    wf_decref(msg);
    return 0;
}

Value wf_err_set_str(TypeObject *type, const char *msg)
{
    return exc_raise_msg(type, wf_str_from_cstr(msg));
}

Value wf_err_format(TypeObject *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Value s = wf_str_vprintf(fmt, ap);
    va_end(ap);
    return exc_raise_msg(type, s);
}

Value wf_err_no_memory(void)
{
    return exc_set_current(wf_exc_new(wf_exc_MemoryError, NULL, 0));
}

Value wf_err_raise(Value exc)
{
    if (exc_is_class(exc)) {
        Value inst = wf_call(exc, NULL, 0, 0);
        if (!inst)
            return 0;
        if (!exc_is_instance(inst)) {
            wf_err_format(wf_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %T", exc, inst);
            wf_decref(inst);
            return 0;
        }
        return exc_set_current(inst);
    }
    if (exc_is_instance(exc))
        return exc_set_current(wf_incref(exc));
    return wf_err_set_str(wf_exc_TypeError, "exceptions must derive from BaseException");
}

Value wf_err_syntax(TypeObject *type, const char *filename, int lineno, int offset,
                    const char *line, const char *msg)
{
    return wf_err_syntax_range(type, filename, lineno, offset > 0 ? offset : -1, 0, 0, line, msg);
}

Value wf_err_syntax_range(TypeObject *type, const char *filename, int lineno, int offset,
                          int end_lineno, int end_offset, const char *line, const char *msg)
{
    if (!type)
        type = wf_exc_SyntaxError;
    Value fn = wf_str_from_cstr(filename ? filename : "<string>");
    Value text = line ? wf_str_from_cstr(line) : wf_incref(wf_None);
    Value m = wf_str_from_cstr(msg);
    if (!fn || !text || !m)
        return 0;  /* LEAK: whichever of the three was made */
    Value off = offset >= 0 ? wf_small(offset) : wf_None;
    Value info = end_lineno > 0
        ? wf_tuple_pack(6, fn, wf_small(lineno), off, text, wf_small(end_lineno), wf_small(end_offset))
        : wf_tuple_pack(4, fn, wf_small(lineno), off, text);
    wf_decref(fn);
    wf_decref(text);
    if (!info)
        return 0;
    Value args[2] = {m, info};
    Value exc = wf_exc_new(type, args, 2);
    wf_decref(m);
    wf_decref(info);
    return exc_set_current(exc);
}

Value wf_err_stop_iteration(Value value)
{
    Value exc;
    if (!value || value == wf_None)
        exc = wf_exc_new(wf_exc_StopIteration, NULL, 0);
    else
        exc = wf_exc_new(wf_exc_StopIteration, &value, 1);
    return exc_set_current(exc);
}

/* ---- inspecting ---- */

int wf_err_occurred(void) { return wf_tstate()->exc != 0; }

Value wf_err_peek(void) { return wf_tstate()->exc; }

int wf_err_matches(TypeObject *type)
{
    Value e = wf_tstate()->exc;
    return e && wf_isinstance_type(e, type);
}

static int exc_check_catchable(Value cls)
{
    if (exc_is_class(cls))
        return 0;
    wf_err_set_str(wf_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

int wf_exc_matches(Value exc, Value cls)
{
    if (wf_is_tuple(cls)) {
        size_t n = wf_tuple_size(cls);
        int found = 0;
        for (size_t i = 0; i < n; i++) {
            Value c = wf_tuple_get(cls, i);
            if (exc_check_catchable(c) < 0)
                return -1;
            if (!found && wf_isinstance_type(exc, wf_as_type(c)))
                found = 1;
        }
        return found;
    }
    if (exc_check_catchable(cls) < 0)
        return -1;
    return wf_isinstance_type(exc, wf_as_type(cls));
}

void wf_err_clear(void)
{
    ThreadState *ts = wf_tstate();
    Value e = ts->exc;
    ts->exc = 0;
    wf_xdecref(e);
}

Value wf_err_fetch(void)
{
    ThreadState *ts = wf_tstate();
    Value e = ts->exc;
    ts->exc = 0;
    return e;
}

void wf_err_restore(Value exc)
{
    ThreadState *ts = wf_tstate();
    Value old = ts->exc;
    ts->exc = exc;
    wf_xdecref(old);
}
