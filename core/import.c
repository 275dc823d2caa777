/* weft: the import system. */
/* Module names -> module objects (sys.modules, built-in modules, NAME.py on sys.path). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime.h"

/*
 * wf_import() follows importlib's _bootstrap in miniature:
 *
 *  1. A relative name (level > 0) is resolved against the importing module's
 *     __package__ (or __name__, minus its last part for a plain module).
 *  2. "a.b.c" imports "a", then "a.b", then "a.b.c"; each step checks
 *     sys.modules first, then the built-in module registry, then searches
 *     the parent's __path__ (sys.path for top-level names) for
 *     NAME/__init__.py (a package) or NAME.py.
 *  3. A module is put in sys.modules BEFORE its code runs, so circular
 *     imports see the partial module; it is removed again if the code fails.
 *     Each child is bound as an attribute of its parent.
 *  4. `import a.b` (no fromlist) returns `a`; `from a.b import x` returns
 *     a.b, after importing any submodule named in the fromlist.
 *
 * Built-in modules register a creation function early in start-up (before
 * dicts exist), so the registry is a plain C array.
 */

Value wf_sys_modules;

typedef struct BuiltinModule {
    const char *name;
    Value (*create)(void);   /* NULL: created at start-up (sys, builtins) */
} BuiltinModule;

#define IMPORT_MAX_BUILTINS 64
static BuiltinModule import_builtins[IMPORT_MAX_BUILTINS];
static int import_nbuiltins;

void wf_register_builtin_module(const char *name, Value (*create)(void))
{
    for (int i = 0; i < import_nbuiltins; i++)
        if (!strcmp(import_builtins[i].name, name)) {
            import_builtins[i].create = create;
            return;
        }
    if (import_nbuiltins == IMPORT_MAX_BUILTINS)
        WF_DIE("too many built-in modules", 0);
    import_builtins[import_nbuiltins].name = name;
    import_builtins[import_nbuiltins].create = create;
    import_nbuiltins++;
}

Value wf_import_builtin_names(void)
{
    Value list = wf_list_new(0);
    for (int i = 0; i < import_nbuiltins; i++) {
        Value s = wf_str_from_cstr(import_builtins[i].name);
        wf_list_append(list, s);
        wf_decref(s);
    }
    wf_list_sort(list, 0, false);
    Value t = wf_list_as_tuple(list);
    wf_decref(list);
    return t;
}

static Value importlib_create(void);

void wf_modules_init(void)
{
    wf_sys_modules = wf_dict_new();
    wf_make_immortal(wf_sys_modules);
    wf_register_builtin_module("sys", NULL);
    wf_register_builtin_module("builtins", NULL);
    wf_register_builtin_module("traceback", wf_traceback_module_create);
    wf_register_builtin_module("importlib", importlib_create);
    wf_register_builtin_module("_thread", wf_thread_module_create);
    wf_io_register();
    wf_warnings_register();
    wf_atexit_register_module();
    Value sys = wf_sys_create();
    if (wf_dict_set_c(wf_sys_modules, "sys", sys) < 0 ||
        wf_dict_set_c(wf_sys_modules, "builtins", wf_builtins_module) < 0)
        WF_DIE("cannot initialise sys.modules", 0);
}

/* ---- finding module files ---- */

static bool import_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool import_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/part joined; "" means the current directory (no prefix). */
static Value import_join(Value dir, const char *part, const char *suffix)
{
    const char *d = wf_str_cstr(dir);
    if (!*d)
        return wf_str_printf("%s%s", part, suffix);
    size_t n = strlen(d);
    return wf_str_printf("%s%s%s%s", d, d[n - 1] == '/' ? "" : "/", part, suffix);
}

typedef struct Found {
    Value file;       /* path of the .py file */
    Value pkgdir;     /* the package directory, or 0 for a plain module */
} Found;

/* Search the directories of `path` (a list) for `part`; 1 found, 0 not, -1 error. */
static int import_search(Value path, const char *part, Found *out)
{
    if (!path || !wf_is_list(path))
        return 0;
    for (size_t i = 0; i < wf_list_size(path); i++) {
        Value dir = wf_list_get(path, i);
        if (!wf_is_str(dir))
            continue;
        Value pkg = import_join(dir, part, "");
        Value init = import_join(dir, part, "/__init__.py");
        if (!pkg || !init)
            return -1;
        if (import_is_dir(wf_str_cstr(pkg)) && import_is_file(wf_str_cstr(init))) {
            out->file = init;
            out->pkgdir = pkg;
            return 1;
        }
        wf_decref(init);
        Value py = import_join(dir, part, ".py");
        if (!py)
            return -1;
        if (import_is_file(wf_str_cstr(py))) {
            wf_decref(pkg);
            out->file = py;
            out->pkgdir = 0;
            return 1;
        }
        wf_decref(py);
        wf_decref(pkg);
    }
    return 0;
}

/* An absolute path for __file__ (CPython gives absolute paths on sys.path[0]). */
static Value import_abspath(Value file)
{
    const char *f = wf_str_cstr(file);
    if (f[0] == '/')
        return wf_incref(file);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return wf_incref(file);
    return wf_str_printf("%s/%s", cwd, f);
}

Value wf_import_find_module(const char *name)
{
    char *rel = strdup(name);
    for (char *p = rel; *p; p++)
        if (*p == '.')
            *p = '/';
    Found f = {0};
    int r = import_search(wf_sys_get("path"), rel, &f);
    free(rel);
    if (r <= 0)
        return 0;
    if (f.pkgdir) {
        Value main = wf_str_printf("%U/__main__.py", f.pkgdir);
        wf_decref(f.file);
        wf_decref(f.pkgdir);
        if (!main || !import_is_file(wf_str_cstr(main))) {
            wf_xdecref(main);
            return 0;
        }
        f.file = main;
    }
    Value abs = import_abspath(f.file);
    wf_decref(f.file);
    return abs;
}

/* ---- loading ---- */

/* ModuleNotFoundError(msg) with .name = fullname; msg is consumed (0 passes an error on). */
static Value import_raise_not_found(Value fullname, Value msg)
{
    if (!msg)
        return 0;
    Value exc = wf_exc_new(wf_exc_ModuleNotFoundError, &msg, 1);
    wf_decref(msg);
    if (!exc)
        return 0;
    wf_setattr_c(exc, "name", fullname);
    wf_err_raise(exc);
    wf_decref(exc);
    return 0;
}

static Value import_not_found(Value fullname)
{
    return import_raise_not_found(fullname, wf_str_printf("No module named %R", fullname));
}

/* Run a found file as module `fullname`; sys.modules holds it while it runs. */
static Value import_load_file(Value fullname, Found *f, Value parent_name)
{
    Value m = wf_module_new(wf_str_cstr(fullname));
    if (!m)
        return 0;
    Value d = wf_module_dict(m);
    Value file = import_abspath(f->file);
    int bad = !file || wf_dict_set(d, WF_ID(__file__), file) < 0 || wf_dict_set(d, WF_ID(__spec__), wf_None) < 0 ||
              wf_dict_set_c(d, "__cached__", wf_None) < 0 || wf_dict_set(d, WF_ID(__builtins__), wf_builtins_module) < 0;
    if (!bad && f->pkgdir) {
        Value dir = import_abspath(f->pkgdir);
        Value path = dir ? wf_list_from_array(&dir, 1) : 0;
        bad = !path || wf_dict_set_c(d, "__path__", path) < 0 || wf_dict_set(d, WF_ID(__package__), fullname) < 0;
        wf_xdecref(path);
        wf_xdecref(dir);
    } else if (!bad) {
        bad = wf_dict_set(d, WF_ID(__package__), parent_name) < 0;
    }
    if (bad || wf_dict_set(wf_sys_modules, fullname, m) < 0) {
        wf_xdecref(file);
        return 0;
    }
    Value r = wf_run_file(wf_str_cstr(file), m);
    wf_decref(file);
    if (!r) {
        Value pending = wf_err_fetch();
        if (wf_dict_contains(wf_sys_modules, fullname) > 0)
            wf_dict_del(wf_sys_modules, fullname);
        wf_err_clear();
        wf_err_restore(pending);
        return 0;
    }
    wf_decref(r);
    /* The module may have replaced itself in sys.modules. */
    Value final = wf_dict_get(wf_sys_modules, fullname);
    if (!final)
        return wf_err_occurred() ? 0 : wf_err_format(wf_exc_ImportError, "Loaded module %U not found in sys.modules", fullname);
    return wf_incref(final);
}

static Value import_builtin(Value fullname)
{
    for (int i = 0; i < import_nbuiltins; i++) {
        if (!wf_str_eq_c(fullname, import_builtins[i].name) || !import_builtins[i].create)
            continue;
        Value m = import_builtins[i].create();
        if (!m)
            return 0;
        /* The creator may have registered the module itself (os.path). */
        if (wf_dict_set(wf_sys_modules, fullname, m) < 0)
            return 0;
        return m;
    }
    return 0;
}

/* Import one dotted step: `fullname` whose last part is `part`, inside parent (or 0). */
static Value import_one(Value fullname, const char *part, Value parent, Value parent_name)
{
    Value m = wf_dict_get(wf_sys_modules, fullname);
    if (m) {
        if (m == wf_None)
            return wf_err_format(wf_exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
        return wf_incref(m);
    }
    if (wf_err_occurred())
        return 0;
    if (!parent) {
        m = import_builtin(fullname);
        if (m || wf_err_occurred())
            return m;
    }
    Value path;
    if (parent) {
        path = wf_getattr_c(parent, "__path__");
        if (!path) {
            wf_err_clear();
            return import_raise_not_found(
                fullname, wf_str_printf("No module named %R; %R is not a package", fullname, parent_name));
        }
    } else {
        path = wf_incref(wf_sys_get("path"));
    }
    Found f = {0};
    int r = import_search(path, part, &f);
    wf_xdecref(path);
    if (r < 0)
        return 0;
    if (r == 0)
        return import_not_found(fullname);
    Value empty = wf_str_from_cstr("");
    m = import_load_file(fullname, &f, parent_name ? parent_name : empty);
    wf_decref(empty);
    wf_decref(f.file);
    wf_xdecref(f.pkgdir);
    if (m && parent) {
        Value name = wf_str_from_cstr(part);
        if (!name || wf_setattr(parent, name, m) < 0) {
            wf_xdecref(name);
            wf_decref(m);
            return 0;
        }
        wf_decref(name);
    }
    return m;
}

/* Import every module along a dotted name; returns the last (new ref) and
 * the first (*top, new ref) when top is not NULL. */
static Value import_dotted(Value absname, Value *top)
{
    const char *s = wf_str_cstr(absname);
    size_t n = strlen(s);
    Value parent = 0, parent_name = 0, first = 0;
    size_t start = 0;
    for (;;) {
        const char *dot = memchr(s + start, '.', n - start);
        size_t end = dot ? (size_t)(dot - s) : n;
        if (end == start) {
            wf_xdecref(parent);
            wf_xdecref(parent_name);
            wf_xdecref(first);
            return wf_err_set_str(wf_exc_ValueError, "Empty module name");
        }
        Value full = wf_str_new(s, end);
        char *part = strndup(s + start, end - start);
        Value m = full ? import_one(full, part, parent, parent_name) : 0;
        free(part);
        wf_xdecref(parent);
        wf_xdecref(parent_name);
        if (!m) {
            wf_xdecref(full);
            wf_xdecref(first);
            return 0;
        }
        if (!first)
            first = wf_incref(m);
        if (!dot) {
            wf_xdecref(full);
            if (top)
                *top = first;
            else
                wf_decref(first);
            return m;
        }
        parent = m;
        parent_name = full;
        start = end + 1;
    }
}

/* The package a relative import starts from (new ref). */
static Value import_resolve_package(Value globals, int level)
{
    Value pkg = globals && wf_is_dict(globals) ? wf_dict_get(globals, WF_ID(__package__)) : 0;
    Value base;
    if (pkg && pkg != wf_None) {
        if (!wf_is_str(pkg))
            return wf_err_set_str(wf_exc_TypeError, "package must be a string");
        base = wf_incref(pkg);
    } else {
        Value name = globals && wf_is_dict(globals) ? wf_dict_get(globals, WF_ID(__name__)) : 0;
        if (!name || !wf_is_str(name))
            return wf_err_set_str(wf_exc_ImportError, "attempted relative import with no known parent package");
        if (wf_dict_get_c(globals, "__path__")) {
            base = wf_incref(name);
        } else {
            const char *s = wf_str_cstr(name);
            const char *dot = strrchr(s, '.');
            base = wf_str_new(s, dot ? (size_t)(dot - s) : 0);
        }
    }
    if (!base)
        return 0;
    if (wf_as_str(base)->len == 0) {
        wf_decref(base);
        return wf_err_set_str(wf_exc_ImportError, "attempted relative import with no known parent package");
    }
    /* Drop level-1 trailing components. */
    const char *s = wf_str_cstr(base);
    size_t len = wf_as_str(base)->len;
    for (int i = 1; i < level; i++) {
        const char *dot = NULL;
        for (size_t k = len; k > 0; k--)
            if (s[k - 1] == '.') {
                dot = s + k - 1;
                break;
            }
        if (!dot) {
            wf_decref(base);
            return wf_err_set_str(wf_exc_ImportError, "attempted relative import beyond top-level package");
        }
        len = (size_t)(dot - s);
    }
    Value r = wf_str_new(s, len);
    wf_decref(base);
    return r;
}

static bool import_fromlist_empty(Value fromlist)
{
    if (!fromlist || fromlist == wf_None)
        return true;
    if (wf_is_tuple(fromlist))
        return wf_tuple_size(fromlist) == 0;
    if (wf_is_list(fromlist))
        return wf_list_size(fromlist) == 0;
    return false;
}

/* `from pkg import sub`: import submodules named in the fromlist that are not attributes yet. */
static int import_handle_fromlist(Value module, Value fromlist)
{
    if (!wf_dict_get_c(wf_module_dict(module), "__path__") || !wf_is_type_exact(module, &wf_type_module))
        return 0;
    Value it = wf_iter(fromlist);
    if (!it)
        return -1;
    Value item;
    Value modname = wf_dict_get(wf_module_dict(module), WF_ID(__name__));
    while ((item = wf_next(it))) {
        if (wf_is_str(item) && !wf_str_eq_c(item, "*") && modname && wf_is_str(modname)) {
            int has = wf_dict_contains(wf_module_dict(module), item);
            if (has == 0) {
                Value sub = wf_str_printf("%U.%U", modname, item);
                Value m = sub ? import_dotted(sub, NULL) : 0;
                if (m)
                    wf_decref(m);
                else if (wf_err_matches(wf_exc_ModuleNotFoundError))
                    wf_err_clear();  /* not a submodule: IMPORT_FROM reports it */
                wf_xdecref(sub);
            }
        }
        wf_decref(item);
        if (wf_err_occurred()) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

Value wf_import(Value name, Value globals, Value fromlist, int level)
{
    if (!wf_is_str(name))
        return wf_err_format(wf_exc_TypeError, "module name must be str, not %T", name);
    if (level < 0)
        return wf_err_set_str(wf_exc_ValueError, "level must be >= 0");
    Value absname;
    if (level > 0) {
        Value base = import_resolve_package(globals, level);
        if (!base)
            return 0;
        absname = wf_as_str(name)->len ? wf_str_printf("%U.%U", base, name) : wf_incref(base);
        wf_decref(base);
    } else {
        if (wf_as_str(name)->len == 0)
            return wf_err_set_str(wf_exc_ValueError, "Empty module name");
        absname = wf_incref(name);
    }
    if (!absname)
        return 0;
    Value top = 0;
    /* File names are C strings: a name with a NUL can name no module file. */
    if (memchr(wf_str_cstr(absname), 0, wf_as_str(absname)->len)) {
        Value cached = wf_dict_get(wf_sys_modules, absname);
        if (!cached) {
            import_not_found(absname);
            wf_decref(absname);
            return 0;
        }
    }
    Value m = import_dotted(absname, &top);
    if (!m) {
        wf_decref(absname);
        return 0;
    }
    if (!import_fromlist_empty(fromlist)) {
        wf_decref(top);
        wf_decref(absname);
        if (import_handle_fromlist(m, fromlist) < 0) {
            wf_decref(m);
            return 0;
        }
        return m;
    }
    wf_decref(m);
    if (level == 0) {
        wf_decref(absname);
        return top;
    }
    /* A relative import without a fromlist returns the first component of `name` under the package. */
    wf_decref(top);
    const char *n = wf_str_cstr(name);
    const char *dot = strchr(n, '.');
    if (!dot) {
        Value r = wf_dict_get(wf_sys_modules, absname);
        wf_decref(absname);
        return r ? wf_incref(r) : wf_err_set_str(wf_exc_KeyError, "module not in sys.modules");
    }
    size_t cut = wf_as_str(absname)->len - strlen(dot);
    Value first = wf_str_new(wf_str_cstr(absname), cut);
    wf_decref(absname);
    Value r = first ? wf_dict_get(wf_sys_modules, first) : 0;
    wf_xdecref(first);
    return r ? wf_incref(r) : 0;
}

/* ---- importlib.import_module ---- */

static Value importlib_import_module(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"name", "package", NULL};
    Value name = 0, package = 0;
    if (wf_parse_args("import_module", args, nargs, kwnames, "O|O", names, &name, &package) < 0)
        return 0;
    if (!wf_is_str(name))
        return wf_err_format(wf_exc_TypeError, "module name must be str, not %T", name);
    const char *n = wf_str_cstr(name);
    int level = 0;
    while (n[level] == '.')
        level++;
    Value globals = 0, rest = name;
    if (level) {
        if (!package || package == wf_None)
            return wf_err_format(wf_exc_TypeError,
                                 "the 'package' argument is required to perform a relative import for %R", name);
        globals = wf_dict_new();
        if (!globals || wf_dict_set(globals, WF_ID(__package__), package) < 0)
            return 0;
        rest = wf_str_from_cstr(n + level);
        if (!rest)
            return 0;
    }
    Value fromlist = wf_tuple_pack(1, wf_str_intern_c("__name__"));
    Value m = fromlist ? wf_import(rest, globals, fromlist, level) : 0;
    wf_xdecref(fromlist);
    if (level) {
        wf_decref(rest);
        wf_decref(globals);
    }
    return m;
}

static const MethodDef importlib_functions[] = {
    {"import_module", importlib_import_module, 0, "Import a module by name."},
    {NULL},
};

static Value importlib_create(void)
{
    Value m = wf_module_new("importlib");
    if (!m || wf_module_add_functions(m, importlib_functions) < 0)
        return 0;
    return m;
}
