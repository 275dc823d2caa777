/* weft: the sys module. */
/* Interpreter state -> sys.argv, sys.path, sys.modules, sys.std*, limits, version. */
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "runtime.h"
#include "frame.h"

Value wf_sys_module;
bool wf_sys_ignore_environment;

/* ---- named tuples (sys.version_info, sys.flags, sys.float_info) ----
 * CPython's "struct sequences": a tuple subclass whose fields are also
 * attributes. The field names hang off the type. */

typedef struct StructSeqType {
    TypeObject type;
    const char *const *fields;
    size_t nfields;
} StructSeqType;

static Value sseq_getattr(Value self, Value name)
{
    StructSeqType *t = (StructSeqType *)wf_type(self);
    for (size_t i = 0; i < t->nfields; i++)
        if (wf_str_eq_c(name, t->fields[i]))
            return wf_incref(wf_tuple_get(self, i));
    return wf_object_generic_getattr(self, name);
}

Value wf_structseq_repr(Value self, const char *name, const char *const *fields, size_t n)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_c(&sb, name);
    wf_sb_add_char(&sb, '(');
    for (size_t i = 0; i < n; i++) {
        if (i)
            wf_sb_add_c(&sb, ", ");
        wf_sb_add_c(&sb, fields[i]);
        wf_sb_add_char(&sb, '=');
        if (wf_sb_add_repr(&sb, wf_tuple_get(self, i)) < 0) {
            wf_sb_discard(&sb);
            return 0;
        }
    }
    wf_sb_add_char(&sb, ')');
    return wf_sb_finish(&sb);
}

static Value sseq_repr(Value self)
{
    StructSeqType *t = (StructSeqType *)wf_type(self);
    return wf_structseq_repr(self, t->type.tp_name, t->fields, t->nfields);
}

static void sseq_type_init(StructSeqType *t, const char *name, const char *const *fields, size_t n)
{
    t->type.ob = (Object)WF_STATIC_HEAD(&wf_type_type);
    t->type.tp_name = name;
    t->type.tp_base = &wf_type_tuple;
    t->type.tp_basicsize = sizeof(TupleObject);
    t->type.tp_itemsize = sizeof(Value);
    t->type.tp_flags = WF_TPF_TUPLE_SUBCLASS;
    t->type.tp_getattr = sseq_getattr;
    t->type.tp_repr = sseq_repr;
    t->fields = fields;
    t->nfields = n;
    if (wf_type_ready(&t->type) < 0)
        WF_DIE("cannot initialise a sys type", 0);
}

/* An immortal instance; steals the item references. */
static Value sseq_new(StructSeqType *t, Value *items)
{
    Value tup = wf_tuple_new(t->nfields);
    for (size_t i = 0; i < t->nfields; i++)
        wf_as_tuple(tup)->items[i] = items[i];
    wf_obj(tup)->ob_type = &t->type;
    wf_make_immortal(tup);
    return tup;
}

static StructSeqType sys_version_info_type, sys_flags_type, sys_float_info_type, sys_impl_type;

static Value sys_make_version_info(void)
{
    static const char *const fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    sseq_type_init(&sys_version_info_type, "sys.version_info", fields, 5);
    Value items[5] = {wf_small(3), wf_small(11), wf_small(0), wf_str_from_cstr("final"), wf_small(0)};
    return sseq_new(&sys_version_info_type, items);
}

static Value sys_make_flags(void)
{
    static const char *const fields[] = {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                         "no_user_site", "no_site", "ignore_environment", "verbose",
                                         "bytes_warning", "quiet", "hash_randomization", "isolated",
                                         "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
                                         "int_max_str_digits"};
    size_t n = sizeof fields / sizeof fields[0];
    sseq_type_init(&sys_flags_type, "sys.flags", fields, n);
    Value items[sizeof fields / sizeof fields[0]];
    for (size_t i = 0; i < n; i++)
        items[i] = wf_small(0);
    items[7] = wf_small(wf_sys_ignore_environment ? 1 : 0);
    items[13] = wf_False;
    items[16] = wf_False;
    items[17] = wf_small(-1);
    return sseq_new(&sys_flags_type, items);
}

static Value sys_make_float_info(void)
{
    static const char *const fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                         "dig", "mant_dig", "epsilon", "radix", "rounds"};
    sseq_type_init(&sys_float_info_type, "sys.float_info", fields, 11);
    Value items[11] = {wf_float_new(DBL_MAX), wf_small(DBL_MAX_EXP), wf_small(DBL_MAX_10_EXP),
                       wf_float_new(DBL_MIN), wf_small(DBL_MIN_EXP), wf_small(DBL_MIN_10_EXP),
                       wf_small(DBL_DIG), wf_small(DBL_MANT_DIG), wf_float_new(DBL_EPSILON),
                       wf_small(FLT_RADIX), wf_small(1)};
    return sseq_new(&sys_float_info_type, items);
}

static StructSeqType sys_int_info_type, sys_hash_info_type;

static Value sys_make_int_info(void)
{
    static const char *const fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                         "str_digits_check_threshold"};
    sseq_type_init(&sys_int_info_type, "sys.int_info", fields, 4);
    Value items[4] = {wf_small(30), wf_small(4), wf_small(4300), wf_small(640)};
    return sseq_new(&sys_int_info_type, items);
}

static Value sys_make_hash_info(void)
{
    static const char *const fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                         "hash_bits", "seed_bits", "cutoff"};
    sseq_type_init(&sys_hash_info_type, "sys.hash_info", fields, 9);
    Value items[9] = {wf_small(64), wf_int_from_i64(2305843009213693951LL), wf_small(314159), wf_small(0),
                      wf_small(1000003), wf_str_from_cstr("siphash13"), wf_small(64), wf_small(128),
                      wf_small(0)};
    return sseq_new(&sys_hash_info_type, items);
}

static Value sys_make_implementation(Value version_info)
{
    static const char *const fields[] = {"name", "cache_tag", "version", "hexversion", "_multiarch"};
    sseq_type_init(&sys_impl_type, "namespace", fields, 5);
    Value items[5] = {wf_str_from_cstr("weft"), wf_incref(wf_None), wf_incref(version_info),
                      wf_int_from_i64(0x030b00f0), wf_str_from_cstr("x86_64-linux-gnu")};
    return sseq_new(&sys_impl_type, items);
}

/* ---- functions ---- */

Value wf_sys_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("exit", kwnames) < 0 || wf_check_nargs("exit", nargs, 0, 1) < 0)
        return 0;
    Value exc = wf_exc_new(wf_exc_SystemExit, args, nargs);
    if (exc)
        wf_err_raise(exc);
    wf_xdecref(exc);
    return 0;
}

static Value sys_getrecursionlimit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("getrecursionlimit", kwnames) < 0 || wf_check_nargs("getrecursionlimit", nargs, 0, 0) < 0)
        return 0;
    return wf_small(wf_recursion_limit);
}

static Value sys_setrecursionlimit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("setrecursionlimit", kwnames) < 0 || wf_check_nargs("setrecursionlimit", nargs, 1, 1) < 0)
        return 0;
    if (wf_is_float(args[0]))
        return wf_err_set_str(wf_exc_TypeError, "'float' object cannot be interpreted as an integer");
    intptr_t n = wf_as_ssize(args[0]);
    if (n == -1 && wf_err_occurred())
        return 0;
    if (n < 1)
        return wf_err_set_str(wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX)
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C int");
    int depth = wf_tstate()->recursion_depth;
    if (n <= depth)
        return wf_err_format(wf_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                             (int)n, depth);
    wf_recursion_limit = (int)n;
    return wf_incref(wf_None);
}

/* The exception being handled, as (type, value, traceback). */
static Value sys_exc_info(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("exc_info", kwnames) < 0 || wf_check_nargs("exc_info", nargs, 0, 0) < 0)
        return 0;
    Value e = wf_tstate()->exc_info;
    if (!e || e == wf_None)
        return wf_tuple_pack(3, wf_None, wf_None, wf_None);
    Value tb = ((ExceptionObject *)wf_obj(e))->traceback;
    return wf_tuple_pack(3, wf_val(wf_type(e)), e, tb ? tb : wf_None);
}

static Value sys_exception(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("exception", kwnames) < 0 || wf_check_nargs("exception", nargs, 0, 0) < 0)
        return 0;
    Value e = wf_tstate()->exc_info;
    return wf_incref(e ? e : wf_None);
}

static Value sys_intern(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("intern", kwnames) < 0 || wf_check_nargs("intern", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str_exact(args[0]))
        return wf_err_format(wf_exc_TypeError, "intern() argument must be str, not %T", args[0]);
    return wf_str_intern(wf_incref(args[0]));
}

/* Approximately CPython's sizes on 64-bit Linux. */
static Value sys_getsizeof(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"object", "default", NULL};
    Value obj = 0, dflt = 0;
    if (wf_parse_args("getsizeof", args, nargs, kwnames, "O|O", names, &obj, &dflt) < 0)
        return 0;
    Value m = wf_lookup_special(obj, WF_ID(__sizeof__));
    if (m) {
        Value r = wf_call0(m);
        wf_decref(m);
        if (!r)
            return 0;
        if (!wf_is_int(r)) {
            wf_decref(r);
            return wf_err_set_str(wf_exc_TypeError, "an integer is required");
        }
        return r;
    }
    if (wf_err_occurred())
        return 0;
    TypeObject *t = wf_type(obj);
    size_t size = t->tp_basicsize;
    if (wf_is_int(obj)) {
        int64_t v;
        if (wf_int_as_i64(obj, &v) < 0) {
            wf_err_clear();
            size = 36;
        } else {
            uint64_t a = v < 0 ? -(uint64_t)v : (uint64_t)v;
            size = 24;
            while (a) {
                size += 4;
                a >>= 30;
            }
            if (size == 24 && obj == wf_small(0))
                size = 24;
        }
    } else if (wf_is_str(obj)) {
        StrObject *s = wf_as_str(obj);
        size = s->ascii ? 49 + s->len : 74 + s->nchars * 2;
    } else if (wf_is_tuple(obj)) {
        size = 40 + 8 * wf_tuple_size(obj);
    } else if (wf_is_list(obj)) {
        size = 56 + 8 * wf_as_list(obj)->allocated;
    } else if (wf_is_float(obj)) {
        size = 24;
    } else if (wf_is_dict(obj)) {
        size = wf_dict_size(obj) == 0 ? 64 : 232;
    } else if (size < 16) {
        size = 16;
    }
    return wf_int_from_i64((int64_t)size);
}

static Value sys_getrefcount(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("getrefcount", kwnames) < 0 || wf_check_nargs("getrefcount", nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_obj(args[0]) || wf_is_immortal(wf_obj(args[0])))
        return wf_int_from_i64(4294967295LL);
    return wf_int_from_i64((int64_t)wf_refcnt(wf_obj(args[0])) + 1);
}

static Value sys_const_utf8(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_str_from_cstr("utf-8");
}

static Value sys_is_gil_enabled(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("_is_gil_enabled", kwnames) < 0 || wf_check_nargs("_is_gil_enabled", nargs, 0, 0) < 0)
        return 0;
    return wf_bool(wf_gil_enabled());
}

static Value sys_setswitchinterval(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("setswitchinterval", kwnames) < 0 || wf_check_nargs("setswitchinterval", nargs, 1, 1) < 0)
        return 0;
    double d = wf_as_double(args[0]);
    if (d == -1.0 && wf_err_occurred())
        return 0;
    if (!(d > 0.0))
        return wf_err_set_str(wf_exc_ValueError, "switch interval must be strictly positive");
    wf_switch_interval_set(d);
    return wf_incref(wf_None);
}

static Value sys_getswitchinterval(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("getswitchinterval", kwnames) < 0 || wf_check_nargs("getswitchinterval", nargs, 0, 0) < 0)
        return 0;
    return wf_float_new(wf_switch_interval_get());
}

static Value sys_excepthook(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("excepthook", kwnames) < 0 || wf_check_nargs("excepthook", nargs, 3, 3) < 0)
        return 0;
    if (!wf_isinstance_type(args[1], wf_exc_BaseException)) {
        Value s = wf_str_printf("TypeError: print_exception(): Exception expected for value, %T found\n", args[1]);
        if (s) {
            wf_sys_write_stderr(wf_str_cstr(s));
            wf_decref(s);
        }
        return wf_incref(wf_None);
    }
    wf_exc_print(args[1]);
    return wf_incref(wf_None);
}

static Value sys_displayhook(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("displayhook", kwnames) < 0 || wf_check_nargs("displayhook", nargs, 1, 1) < 0)
        return 0;
    if (args[0] == wf_None)
        return wf_incref(wf_None);
    if (wf_dict_set_c(wf_builtins_dict, "_", wf_None) < 0)
        return 0;
    Value r = wf_repr(args[0]);
    if (!r)
        return 0;
    int rc = wf_sys_write_stdout(wf_str_cstr(r));
    wf_decref(r);
    if (rc < 0 || wf_sys_write_stdout("\n") < 0)
        return 0;
    if (wf_dict_set_c(wf_builtins_dict, "_", args[0]) < 0)
        return 0;
    return wf_incref(wf_None);
}

static Value sys_get_int_max_str_digits(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("get_int_max_str_digits", kwnames) < 0 ||
        wf_check_nargs("get_int_max_str_digits", nargs, 0, 0) < 0)
        return 0;
    return wf_small(__atomic_load_n(&wf_int_max_str_digits, __ATOMIC_RELAXED));  /* relaxed: other threads may set it */
}

static Value sys_set_int_max_str_digits(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"maxdigits", NULL};
    Value v = 0;
    if (wf_parse_args("set_int_max_str_digits", args, nargs, kwnames, "O", names, &v) < 0)
        return 0;
    intptr_t n = wf_as_ssize(v);
    if (n == -1 && wf_err_occurred())
        return 0;
    if (n != 0 && n < 640)
        return wf_err_set_str(wf_exc_ValueError, "maxdigits must be 0 or larger than 640");
    if (n > INT_MAX)
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C int");
    __atomic_store_n(&wf_int_max_str_digits, (int)n, __ATOMIC_RELAXED);  /* relaxed: read once per conversion (int.c) */
    return wf_incref(wf_None);
}

/* No tracing or profiling hooks exist yet: the getters say so. */
static Value sys_none(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("gettrace", nargs, 0, 0) < 0)
        return 0;
    return wf_incref(wf_None);
}

static Value sys_is_finalizing(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_False;
}

/* sys._getframe([depth]): snapshots of the frame `depth` calls up and its callers. */
static Value sys_getframe(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("_getframe", kwnames) < 0 || wf_check_nargs("_getframe", nargs, 0, 1) < 0)
        return 0;
    intptr_t depth = 0;
    if (nargs && (depth = wf_as_ssize(args[0])) == -1 && wf_err_occurred())
        return 0;
    Frame *f = wf_tstate()->frame;
    for (intptr_t i = 0; f && i < depth; i++)
        f = f->previous;
    if (!f)
        return wf_err_set_str(wf_exc_ValueError, "call stack is not deep enough");
    size_t n = 0;
    for (Frame *g = f; g; g = g->previous)
        n++;
    Frame **chain = wf_mem_alloc(n * sizeof(Frame *));
    n = 0;
    for (Frame *g = f; g; g = g->previous)
        chain[n++] = g;
    Value back = 0;
    while (n-- > 0) {
        Value snap = wf_frame_snapshot(wf_val(chain[n]->code), wf_frame_lineno(chain[n]), chain[n]->globals, back);
        wf_xdecref(back);
        back = snap;
        if (!snap)
            break;
    }
    wf_mem_free(chain);
    return back;
}

static const MethodDef sys_functions[] = {
    {"_getframe", sys_getframe, 0, "Return a frame object from the call stack."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, 0, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, 0, NULL},
    {"gettrace", sys_none, 0, NULL},
    {"getprofile", sys_none, 0, NULL},
    {"is_finalizing", sys_is_finalizing, 0, NULL},
    {"exit", wf_sys_exit, 0, "Exit the interpreter by raising SystemExit(status)."},
    {"getrecursionlimit", sys_getrecursionlimit, 0, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, 0, NULL},
    {"exc_info", sys_exc_info, 0, NULL},
    {"exception", sys_exception, 0, NULL},
    {"intern", sys_intern, 0, NULL},
    {"getsizeof", sys_getsizeof, 0, NULL},
    {"getrefcount", sys_getrefcount, 0, NULL},
    {"getdefaultencoding", sys_const_utf8, 0, NULL},
    {"getfilesystemencoding", sys_const_utf8, 0, NULL},
    {"_is_gil_enabled", sys_is_gil_enabled, 0, "True when the GIL is on (PYTHON_GIL=1)."},
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the GIL's switch interval (seconds)."},
    {"getswitchinterval", sys_getswitchinterval, 0, "The GIL's switch interval (seconds)."},
    {"excepthook", sys_excepthook, 0, NULL},
    {"displayhook", sys_displayhook, 0, NULL},
    {NULL},
};

/* sys._jit: there is no JIT yet, and the answers say so. */
static Value jit_false(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("_jit", nargs, 0, 0) < 0)
        return 0;
    return wf_False;
}

static const MethodDef jit_functions[] = {
    {"is_available", jit_false, 0, NULL},
    {"is_enabled", jit_false, 0, NULL},
    {"is_active", jit_false, 0, NULL},
    {NULL},
};

/* ---- set-up ---- */

static void sys_add(const char *name, Value v)
{
    if (!v || wf_module_add_object(wf_sys_module, name, v) < 0)
        WF_DIE("cannot initialise the sys module", 0);
}

static Value sys_make_path(void)
{
    Value path = wf_list_new(0);
    Value empty = wf_str_from_cstr("");
    wf_list_append(path, empty);
    wf_decref(empty);
    const char *pp = wf_sys_ignore_environment ? NULL : getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n) {
            Value d = wf_str_new(pp, n);
            wf_list_append(path, d);
            wf_decref(d);
        }
        pp = colon ? colon + 1 : NULL;
    }
    return path;
}

static Value sys_executable(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n < 0)
        return wf_str_from_cstr("");
    return wf_str_new(buf, (size_t)n);
}

static void sys_add_streams(void)
{
    Value in = wf_file_from_fd(0, wf_str_from_cstr("<stdin>"), "r", false);
    Value out = wf_file_from_fd(1, wf_str_from_cstr("<stdout>"), "w", false);
    Value err = wf_file_from_fd(2, wf_str_from_cstr("<stderr>"), "w", false);
    /* CPython 3.9+: stderr is line buffered even when not a terminal. */
    wf_file_set_buffering(err, true, false);
    wf_make_immortal(in);
    wf_make_immortal(out);
    wf_make_immortal(err);
    sys_add("stdin", in);
    sys_add("stdout", out);
    sys_add("stderr", err);
    sys_add("__stdin__", in);
    sys_add("__stdout__", out);
    sys_add("__stderr__", err);
}

Value wf_sys_create(void)
{
    wf_sys_module = wf_module_new("sys");
    if (!wf_sys_module || wf_module_add_functions(wf_sys_module, sys_functions) < 0)
        WF_DIE("cannot create the sys module", 0);
    wf_file_init();
    sys_add_streams();
    Value vi = sys_make_version_info();
    sys_add("version_info", vi);
    sys_add("implementation", sys_make_implementation(vi));
    sys_add("version", wf_str_printf("3.11.0 (weft %s) [GCC]", WF_VERSION));
    sys_add("hexversion", wf_int_from_i64(0x030b00f0));
    sys_add("api_version", wf_small(1013));
    sys_add("platform", wf_str_from_cstr("linux"));
    sys_add("byteorder", wf_str_from_cstr("little"));
    sys_add("maxsize", wf_int_from_i64(INT64_MAX));
    sys_add("maxunicode", wf_small(0x10FFFF));
    sys_add("executable", sys_executable());
    sys_add("prefix", wf_str_from_cstr("/usr/local"));
    sys_add("exec_prefix", wf_str_from_cstr("/usr/local"));
    sys_add("base_prefix", wf_str_from_cstr("/usr/local"));
    sys_add("base_exec_prefix", wf_str_from_cstr("/usr/local"));
    sys_add("platlibdir", wf_str_from_cstr("lib"));
    sys_add("abiflags", wf_str_from_cstr(""));
    sys_add("float_repr_style", wf_str_from_cstr("short"));
    sys_add("copyright", wf_str_from_cstr("Copyright (c) the weft authors.\nPython language reference: Copyright (c) 2001-2023 Python Software Foundation."));
    sys_add("path", sys_make_path());
    sys_add("modules", wf_incref(wf_sys_modules));
    sys_add("argv", wf_list_new(0));
    sys_add("orig_argv", wf_list_new(0));
    sys_add("warnoptions", wf_list_new(0));
    sys_add("_xoptions", wf_dict_new());
    sys_add("flags", sys_make_flags());
    sys_add("float_info", sys_make_float_info());
    sys_add("int_info", sys_make_int_info());
    sys_add("hash_info", sys_make_hash_info());
    sys_add("dont_write_bytecode", wf_True);
    sys_add("builtin_module_names", wf_import_builtin_names());
    sys_add("__excepthook__", wf_incref(wf_dict_get_c(wf_module_dict(wf_sys_module), "excepthook")));
    sys_add("__displayhook__", wf_incref(wf_dict_get_c(wf_module_dict(wf_sys_module), "displayhook")));
    Value jit = wf_module_new("sys._jit");
    if (!jit || wf_module_add_functions(jit, jit_functions) < 0)
        WF_DIE("cannot create sys._jit", 0);
    sys_add("_jit", jit);
    return wf_sys_module;
}

static Value sys_str_list(int argc, char **argv)
{
    Value list = wf_list_new(0);
    for (int i = 0; i < argc; i++) {
        Value s = wf_str_from_cstr(argv[i]);
        wf_list_append(list, s);
        wf_decref(s);
    }
    return list;
}

void wf_sys_set_argv(int argc, char **argv)
{
    sys_add("argv", sys_str_list(argc, argv));
}

void wf_sys_set_orig_argv(int argc, char **argv)
{
    sys_add("orig_argv", sys_str_list(argc, argv));
}

void wf_sys_add_xoption(const char *name, const char *value)
{
    Value opts = wf_sys_get("_xoptions");
    Value v = value ? wf_str_from_cstr(value) : wf_True;
    if (opts && v)
        wf_dict_set_c(opts, name, v);
    wf_decref(v);
}

void wf_sys_set_path0(const char *dir)
{
    Value path = wf_sys_get("path");
    if (!path || !wf_is_list(path))
        return;
    Value d = wf_str_from_cstr(dir);
    if (wf_list_size(path) > 0)
        wf_setitem(path, wf_small(0), d);
    else
        wf_list_append(path, d);
    wf_decref(d);
}

Value wf_sys_get(const char *name)
{
    if (!wf_sys_module)
        return 0;
    return wf_dict_get_c(wf_module_dict(wf_sys_module), name);
}

/* Write to a sys stream; falls back to the descriptor when the stream is
 * missing or None (as PySys_WriteStdout does). */
static int sys_write(const char *stream, int fd, const char *s)
{
    Value f = wf_sys_get(stream);
    if (!f || f == wf_None) {
        size_t n = strlen(s);
        while (n > 0) {
            ssize_t w = write(fd, s, n);
            if (w <= 0)
                return 0;
            s += w;
            n -= (size_t)w;
        }
        return 0;
    }
    return wf_file_write_c(f, s, strlen(s));
}

int wf_sys_write_stdout(const char *s) { return sys_write("stdout", 1, s); }
int wf_sys_write_stderr(const char *s) { return sys_write("stderr", 2, s); }

int wf_print_value(Value v, Value file)
{
    if (!file || file == wf_None) {
        file = wf_sys_get("stdout");
        if (!file || file == wf_None)
            return 0;
    }
    Value s = wf_str(v);
    if (!s)
        return -1;
    int r = wf_file_write_c(file, wf_str_cstr(s), wf_as_str(s)->len);
    wf_decref(s);
    if (r < 0)
        return -1;
    return wf_file_write_c(file, "\n", 1);
}
