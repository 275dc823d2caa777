/* weft: the import system. */
/* Module names -> module objects (sys.modules, built-in modules, NAME.py on sys.path). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime.h"
#include "seq.h"  /* wf_list_get_ref */
#include "thread.h"
#include "sync/atomic.h"
#include "sync/mutex.h"
#include "sync/parking_lot.h"

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
 *  5. Threads: loading a module (steps 2-3 for a name not in sys.modules)
 *     holds that name's import lock (importlib's _ModuleLock), so two threads
 *     importing one module run it once: the second waits for the first. A
 *     thread that finds a module in sys.modules while another thread still
 *     runs its code waits for it too, except when that would deadlock (the
 *     same thread, or a cycle of threads importing each other's modules):
 *     then it gets the partially initialized module, as in a circular import.
 *
 * sys.path ends with weft's standard library (threading, queue,
 * concurrent.futures written in Python): $WEFTLIB if set (ignored under -E),
 * else <directory of the weft executable>/../lib, so build/weft finds the
 * repository's lib/.
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

/* Append the standard library directory to sys.path (see the top comment). */
static void import_add_stdlib_path(void)
{
    char buf[PATH_MAX], real[PATH_MAX];
    const char *env = wf_sys_ignore_environment ? NULL : getenv("WEFTLIB");
    if (env && *env) {
        snprintf(buf, sizeof buf, "%s", env);
    } else {
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n <= 0)
            return;
        buf[n] = 0;
        /* /proc/self/exe has no symlinks: dropping two components is ".." */
        for (int up = 0; up < 2; up++) {
            char *slash = strrchr(buf, '/');
            if (!slash)
                return;
            *slash = 0;
        }
        if (strlen(buf) + sizeof "/lib" > sizeof buf)
            return;
        strcat(buf, "/lib");
    }
    /* A missing directory still goes on sys.path (as CPython's does). */
    Value dir = wf_str_from_cstr(realpath(buf, real) ? real : buf);
    Value path = wf_sys_get("path");
    if (!dir || !path || !wf_is_list(path) || wf_list_append(path, dir) < 0)
        WF_DIE("cannot add the standard library to sys.path", 0);
    wf_decref(dir);
}

void wf_modules_init(void)
{
    wf_sys_modules = wf_dict_new();
    wf_make_immortal(wf_sys_modules);
    wf_register_builtin_module("sys", NULL);
    wf_register_builtin_module("builtins", NULL);
    wf_register_builtin_module("traceback", wf_traceback_module_create);
    wf_register_builtin_module("importlib", importlib_create);
    wf_register_builtin_module("_thread", wf_thread_module_create);
    wf_register_builtin_module("_weft", wf_weft_module_create);
    wf_io_register();
    wf_warnings_register();
    wf_atexit_register_module();
    Value sys = wf_sys_create();
    if (wf_dict_set_c(wf_sys_modules, "sys", sys) < 0 ||
        wf_dict_set_c(wf_sys_modules, "builtins", wf_builtins_module) < 0)
        WF_DIE("cannot initialise sys.modules", 0);
    import_add_stdlib_path();
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

/* Search the directories of `path` (a list) for `part`; 1 found, 0 not, -1
 * error. Each entry is held by a reference of our own while it is used:
 * another thread may remove it from the list meanwhile. */
static int import_search(Value path, const char *part, Found *out)
{
    if (!path || !wf_is_list(path))
        return 0;
    for (size_t i = 0;; i++) {
        Value dir = wf_list_get_ref(path, i);
        if (!dir)
            break;   /* past the end (the list may have shrunk) */
        if (!wf_is_str(dir)) {
            wf_decref(dir);
            continue;
        }
        Value pkg = import_join(dir, part, "");
        Value init = import_join(dir, part, "/__init__.py");
        Value py = import_join(dir, part, ".py");
        wf_decref(dir);
        if (!pkg || !init || !py) {
            wf_xdecref(pkg);
            wf_xdecref(init);
            wf_xdecref(py);
            return -1;
        }
        if (import_is_dir(wf_str_cstr(pkg)) && import_is_file(wf_str_cstr(init))) {
            wf_decref(py);
            out->file = init;
            out->pkgdir = pkg;
            return 1;
        }
        wf_decref(init);
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
    /* sys.path is borrowed from sys's dict: hold it while searching, since
     * another thread may rebind it. */
    Value path = wf_sys_get("path");
    if (path)
        wf_incref(path);
    int r = import_search(path, rel, &f);
    wf_xdecref(path);
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

/* ---- per-module import locks (rule 5) ----
 *
 * The table of locks is a short list under one byte mutex: it holds only the
 * modules being loaded right now. Protocol:
 *  1. import_table_mutex guards the list and every field of every entry
 *     except seq, and every thread's ImportThread.waiting_for. It is never
 *     held while Python code runs or while a thread sleeps on an entry.
 *  2. An entry lives while `users` (acquirers that have not released yet,
 *     waiters included) is above zero; the last one unlinks and frees it.
 *  3. A waiter reads seq under the mutex, records what it waits for, drops
 *     the mutex and parks on &seq (detached: wf_blocking_begin/end). A
 *     release bumps seq and unparks everybody under the mutex, so a waiter
 *     that has not parked yet sees seq changed and does not sleep.
 *  4. Deadlock: owner -> the lock that owner waits for -> its owner ... back
 *     to the caller. The chain is read under the mutex; an owner cannot exit
 *     while it owns a lock, so the ImportThread pointers stay valid.
 */
typedef struct ImportThread {
    struct ImportLock *waiting_for;   /* under import_table_mutex */
} ImportThread;

typedef struct ImportLock {
    struct ImportLock *next;
    Value name;             /* the module's full name (strong) */
    ImportThread *owner;    /* NULL when free */
    int count;              /* the owner's recursion depth */
    int users;              /* rule 2 */
    uint32_t seq;           /* bumped by every release (rule 3; atomics) */
} ImportLock;

static _Thread_local ImportThread import_me;
static uint8_t import_table_mutex;
static ImportLock *import_locks;
/* Entries in the table; read without the mutex (acquire) to skip the lookup
 * when no import runs at all. */
static uintptr_t import_nlocks;

static bool import_name_eq(Value a, Value b)
{
    return wf_as_str(a)->len == wf_as_str(b)->len && !memcmp(wf_str_cstr(a), wf_str_cstr(b), wf_as_str(a)->len);
}

/* Under the mutex: the entry for name, created if absent. */
static ImportLock *import_lock_find(Value name)
{
    for (ImportLock *l = import_locks; l; l = l->next)
        if (import_name_eq(l->name, name))
            return l;
    ImportLock *l = wf_mem_alloc(sizeof *l);
    memset(l, 0, sizeof *l);
    l->name = wf_incref(name);
    l->next = import_locks;
    import_locks = l;
    /* release: pairs with the acquire in import_busy(). */
    wf_atomic_store_release_usize(&import_nlocks, import_nlocks + 1);
    return l;
}

/* Under the mutex: drop one user; returns the name to decref (outside the
 * mutex) when the entry was freed. */
static Value import_lock_unuse(ImportLock *l)
{
    if (--l->users > 0)
        return 0;
    for (ImportLock **p = &import_locks; *p; p = &(*p)->next)
        if (*p == l) {
            *p = l->next;
            break;
        }
    wf_atomic_store_release_usize(&import_nlocks, import_nlocks - 1);
    Value name = l->name;
    wf_mem_free(l);
    return name;
}

static bool import_has_deadlock(ImportLock *l, ImportThread *me)
{
    for (int hops = 0; l && hops < 10000; hops++) {
        if (!l->owner)
            return false;
        if (l->owner == me)
            return true;
        l = l->owner->waiting_for;
    }
    return false;
}

/* Take name's import lock (recursively for its owner). NULL: taking it
 * would deadlock (nothing is held then). */
static ImportLock *import_lock_acquire(Value name)
{
    ImportThread *me = &import_me;
    wf_mutex_lock(&import_table_mutex);
    ImportLock *l = import_lock_find(name);
    l->users++;
    while (l->owner && l->owner != me) {
        if (import_has_deadlock(l, me)) {
            Value dead = import_lock_unuse(l);
            wf_mutex_unlock(&import_table_mutex);
            wf_xdecref(dead);
            return NULL;
        }
        uint32_t seq = wf_atomic_load_relaxed_u32(&l->seq);
        me->waiting_for = l;
        wf_mutex_unlock(&import_table_mutex);
        wf_blocking_begin();
        wf_parking_lot_park(&l->seq, &seq, sizeof seq, -1, NULL, 0);
        wf_blocking_end();
        wf_mutex_lock(&import_table_mutex);
        me->waiting_for = NULL;
    }
    l->owner = me;
    l->count++;
    wf_mutex_unlock(&import_table_mutex);
    return l;
}

static void import_lock_release(ImportLock *l)
{
    wf_mutex_lock(&import_table_mutex);
    WF_ASSERT(l->owner == &import_me && l->count > 0);
    if (--l->count == 0) {
        l->owner = NULL;
        wf_atomic_add_relaxed_u32(&l->seq, 1);
        /* Under the mutex: the entry cannot be freed meanwhile (rule 3). */
        wf_parking_lot_unpark_all(&l->seq);
    }
    Value dead = import_lock_unuse(l);
    wf_mutex_unlock(&import_table_mutex);
    wf_xdecref(dead);
}

/* True when some module is being loaded by some thread right now. */
static bool import_busy(void)
{
    /* acquire: pairs with the release in import_lock_find(). */
    return wf_atomic_load_acquire_usize(&import_nlocks) != 0;
}

/* A module found in sys.modules may still be running in another thread:
 * wait until it is done, unless that would deadlock (rule 5). */
static void import_wait_loaded(Value name)
{
    if (!import_busy())
        return;
    ImportLock *l = import_lock_acquire(name);
    if (l)
        import_lock_release(l);
}

/* ---- module specs ----
 * __spec__ is a ModuleSpec as in importlib (name, loader, origin,
 * submodule_search_locations, parent, has_location, cached). The class is
 * written in Python and created on first use. */
static const char import_spec_source[] =
    "class ModuleSpec:\n"
    "    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):\n"
    "        self.name = name\n"
    "        self.loader = loader\n"
    "        self.origin = origin\n"
    "        self.loader_state = loader_state\n"
    "        self.submodule_search_locations = [] if is_package else None\n"
    "        self._set_fileattr = False\n"
    "        self._cached = None\n"
    "    def __repr__(self):\n"
    "        args = ['name=' + repr(self.name), 'loader=' + repr(self.loader)]\n"
    "        if self.origin is not None:\n"
    "            args.append('origin=' + repr(self.origin))\n"
    "        if self.submodule_search_locations is not None:\n"
    "            args.append('submodule_search_locations=' + repr(self.submodule_search_locations))\n"
    "        return type(self).__name__ + '(' + ', '.join(args) + ')'\n"
    "    def __eq__(self, other):\n"
    "        try:\n"
    "            return (self.name == other.name and self.loader == other.loader and\n"
    "                    self.origin == other.origin and self.cached == other.cached and\n"
    "                    self.submodule_search_locations == other.submodule_search_locations and\n"
    "                    self.has_location == other.has_location)\n"
    "        except AttributeError:\n"
    "            return NotImplemented\n"
    "    @property\n"
    "    def parent(self):\n"
    "        if self.submodule_search_locations is None:\n"
    "            return self.name.rpartition('.')[0]\n"
    "        return self.name\n"
    "    @property\n"
    "    def has_location(self):\n"
    "        return self._set_fileattr\n"
    "    @property\n"
    "    def cached(self):\n"
    "        return self._cached\n"
    "def _file_spec(name, origin, path):\n"
    "    spec = ModuleSpec(name, None, origin=origin)\n"
    "    spec.submodule_search_locations = path\n"
    "    spec._set_fileattr = True\n"
    "    return spec\n"
    "def _builtin_spec(name):\n"
    "    return ModuleSpec(name, None, origin='built-in')\n";

static Value import_spec_ns;   /* the namespace of that source, immortal; set once (CAS) */

/* The namespace holding ModuleSpec and its factories (borrowed). */
static Value import_spec_namespace(void)
{
    /* acquire: pairs with the release CAS below (the namespace is complete). */
    Value ns = wf_atomic_load_acquire_usize(&import_spec_ns);
    if (ns)
        return ns;
    ns = wf_dict_new();
    Value src = wf_str_from_cstr(import_spec_source);
    Value modname = wf_str_from_cstr("_frozen_importlib");
    Value exec = wf_dict_get_c(wf_module_dict(wf_builtins_module), "exec");
    Value r = ns && src && modname && exec && wf_dict_set(ns, WF_ID(__name__), modname) == 0
                  ? wf_call2(exec, src, ns) : 0;
    wf_xdecref(src);
    wf_xdecref(modname);
    if (!r) {
        wf_xdecref(ns);
        return 0;
    }
    wf_decref(r);
    wf_make_immortal(ns);
    Value expected = 0;
    /* release: publishes the finished namespace. Another thread may have won
     * the race: its namespace is as good (ours stays, immortal, unused). */
    if (!wf_atomic_cas_release_usize(&import_spec_ns, &expected, ns))
        return expected;
    return ns;
}

/* ModuleSpec for a module loaded from `file`; path: its __path__ or 0. */
static Value import_make_spec(Value name, Value file, Value path)
{
    Value ns = import_spec_namespace();
    Value make = ns ? wf_dict_get_c(ns, "_file_spec") : 0;
    if (!make)
        return wf_err_occurred() ? 0 : wf_err_set_str(wf_exc_ImportError, "no ModuleSpec factory");
    Value args[3] = {name, file, path ? path : wf_None};
    return wf_call(make, args, 3, 0);
}

/* __spec__ of a built-in module: origin 'built-in' (the loader is None). */
static int import_set_builtin_spec(Value m, Value name)
{
    if (!wf_is_type_exact(m, &wf_type_module))
        return 0;
    Value cur = wf_dict_get(wf_module_dict(m), WF_ID(__spec__));
    if (cur && cur != wf_None)
        return 0;
    Value ns = import_spec_namespace();
    Value make = ns ? wf_dict_get_c(ns, "_builtin_spec") : 0;
    Value spec = make ? wf_call1(make, name) : 0;
    int r = spec ? wf_dict_set(wf_module_dict(m), WF_ID(__spec__), spec) : -1;
    wf_xdecref(spec);
    return r;
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

/* The module's attributes before its code runs: __file__, __spec__, __path__, ... */
static int import_init_attrs(Value m, Value fullname, Value file, Found *f, Value parent_name)
{
    Value d = wf_module_dict(m);
    Value path = 0;
    if (f->pkgdir) {
        Value dir = import_abspath(f->pkgdir);
        path = dir ? wf_list_from_array(&dir, 1) : 0;
        wf_xdecref(dir);
        if (!path)
            return -1;
    }
    Value spec = import_make_spec(fullname, file, path);
    int bad = !spec || wf_dict_set(d, WF_ID(__file__), file) < 0 || wf_dict_set(d, WF_ID(__spec__), spec) < 0 ||
              wf_dict_set_c(d, "__cached__", wf_None) < 0 || wf_dict_set(d, WF_ID(__builtins__), wf_builtins_module) < 0 ||
              wf_dict_set(d, WF_ID(__package__), path ? fullname : parent_name) < 0 ||
              (path && wf_dict_set_c(d, "__path__", path) < 0);
    wf_xdecref(spec);
    wf_xdecref(path);
    return bad ? -1 : 0;
}

/* Run a found file as module `fullname`; sys.modules holds it while it runs. */
static Value import_load_file(Value fullname, Found *f, Value parent_name)
{
    Value m = wf_module_new(wf_str_cstr(fullname));
    if (!m)
        return 0;
    Value file = import_abspath(f->file);
    if (!file || import_init_attrs(m, fullname, file, f, parent_name) < 0 ||
        wf_dict_set(wf_sys_modules, fullname, m) < 0) {
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
        if (import_set_builtin_spec(m, fullname) < 0 || wf_dict_set(wf_sys_modules, fullname, m) < 0)
            return 0;
        return m;
    }
    return 0;
}

/* A module already in sys.modules (borrowed m): wait if it is still loading. */
static Value import_found(Value fullname, Value m, bool wait)
{
    if (m == wf_None)
        return wf_err_format(wf_exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", fullname);
    wf_incref(m);
    if (wait)
        import_wait_loaded(fullname);
    return m;
}

/* Find and run the module (under its import lock, not in sys.modules). */
static Value import_load(Value fullname, const char *part, Value parent, Value parent_name)
{
    Value m;
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
    /* A snapshot: another thread may change sys.path while we search. */
    Value snap = path && wf_is_list(path) ? wf_list_from_iterable(path) : wf_incref(path);
    wf_xdecref(path);
    if (!snap)
        return 0;
    Found f = {0};
    int r = import_search(snap, part, &f);
    wf_decref(snap);
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

/* Import one dotted step: `fullname` whose last part is `part`, inside parent (or 0). */
static Value import_one(Value fullname, const char *part, Value parent, Value parent_name)
{
    Value m = wf_dict_get(wf_sys_modules, fullname);
    if (m)
        return import_found(fullname, m, true);
    if (wf_err_occurred())
        return 0;
    ImportLock *lock = import_lock_acquire(fullname);
    if (!lock)
        return wf_err_format(wf_exc_RuntimeError, "deadlock detected by _ModuleLock(%R)", fullname);
    /* Another thread may have loaded it while we waited. */
    m = wf_dict_get(wf_sys_modules, fullname);
    if (m)
        m = import_found(fullname, m, false);
    else if (!wf_err_occurred())
        m = import_load(fullname, part, parent, parent_name);
    import_lock_release(lock);
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

/* `from pkg import sub`: import submodules named in the fromlist that are not
 * attributes yet; "*" does the same for the names in pkg.__all__ (once:
 * recursive is set then). */
static int import_handle_fromlist(Value module, Value fromlist, bool recursive)
{
    if (!wf_dict_get_c(wf_module_dict(module), "__path__") || !wf_is_type_exact(module, &wf_type_module))
        return 0;
    Value it = wf_iter(fromlist);
    if (!it)
        return -1;
    Value item;
    Value modname = wf_dict_get(wf_module_dict(module), WF_ID(__name__));
    while ((item = wf_next(it))) {
        if (wf_is_str(item) && wf_str_eq_c(item, "*")) {
            Value all = recursive ? 0 : wf_dict_get_c(wf_module_dict(module), "__all__");
            if (all) {
                wf_incref(all);
                import_handle_fromlist(module, all, true);
                wf_decref(all);
            }
        } else if (wf_is_str(item) && modname && wf_is_str(modname)) {
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
        if (import_handle_fromlist(m, fromlist, false) < 0) {
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
