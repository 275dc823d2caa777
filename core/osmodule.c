/* weft: the os module and os.path (posixpath). */
/* POSIX calls -> os.getpid, os.listdir, os.environ, os.path.join, ... with CPython's errors. */
#define _GNU_SOURCE 1   /* sched_getaffinity, CPU_ALLOC */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "set.h"
#include "seq.h"  /* wf_list_get_ref */
#include "critsec.h"  /* os.walk steps */

/*
 * Paths are str only (no bytes, no os.PathLike yet). The path functions
 * work on UTF-8 bytes: '/' and '.' are ASCII, so byte offsets found by
 * searching for them always fall on character boundaries.
 *
 * The module objects are created once, on first import, and are immortal;
 * os_environ is the module's environ dict, which getenv() reads (as
 * CPython's getenv reads os.environ).
 */

extern char **environ;

static Value os_environ;      /* the environ dict of the os module */
static Value os_path_module;  /* posixpath, also sys.modules["os.path"] */

/* ---- errors ---- */

/* OSError subclass for errno with (errno, strerror, filename), as CPython raises. */
static Value os_error(int err, Value filename)
{
    Value args[3];
    args[0] = wf_small(err);
    args[1] = wf_str_from_cstr(strerror(err));
    args[2] = filename;
    Value exc = wf_exc_new(wf_exc_OSError, args, filename ? 3 : 2);
    wf_decref(args[1]);
    if (exc) {
        wf_err_raise(exc);
        wf_decref(exc);
    }
    return 0;
}

/* The C path of a str argument; NULL with TypeError / ValueError otherwise. */
static const char *os_path_arg(const char *fname, Value p)
{
    if (!wf_is_str(p)) {
        wf_err_format(wf_exc_TypeError,
                      "%s: path should be string, bytes, os.PathLike or integer, not %T", fname, p);
        return NULL;
    }
    StrObject *s = wf_as_str(p);
    if (strlen(s->data) != s->len) {
        wf_err_set_str(wf_exc_ValueError, "embedded null byte");
        return NULL;
    }
    return s->data;
}

/* For os.path functions that only manipulate strings. */
static StrObject *os_str_arg(Value p)
{
    if (!wf_is_str(p)) {
        wf_err_format(wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", p);
        return NULL;
    }
    return wf_as_str(p);
}

static Value os_sub(const StrObject *s, size_t start, size_t end)
{
    return wf_str_new(s->data + start, end - start);
}

/* Index of the last c in s, or -1. */
static intptr_t os_rfind(const StrObject *s, char c)
{
    for (size_t i = s->len; i-- > 0;)
        if (s->data[i] == c)
            return (intptr_t)i;
    return -1;
}

/* ---- os ---- */

static Value os_getpid(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("getpid", nargs, 0, 0) < 0 || wf_no_kwargs("getpid", kwnames) < 0)
        return 0;
    return wf_int_from_i64(getpid());
}

/* The current directory as a str (new ref), or 0 with OSError. */
static Value os_cwd(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = wf_mem_alloc(cap);
        if (getcwd(buf, cap)) {
            Value r = wf_str_from_cstr(buf);
            wf_mem_free(buf);
            return r;
        }
        int err = errno;
        wf_mem_free(buf);
        if (err != ERANGE)
            return os_error(err, 0);
        cap *= 2;
    }
}

static Value os_getcwd(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("getcwd", nargs, 0, 0) < 0 || wf_no_kwargs("getcwd", kwnames) < 0)
        return 0;
    return os_cwd();
}

static Value os_cpu_count(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("posix.cpu_count", nargs, 0, 0) < 0 || wf_no_kwargs("posix.cpu_count", kwnames) < 0)
        return 0;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n >= 1 ? wf_int_from_i64(n) : wf_incref(wf_None);
}

/* ---- CPU affinity (Linux) ---- */

/* A pid argument (CPython's pid_t converter, 'i'). */
static int os_pid_arg(Value v, pid_t *out)
{
    int x;
    if (wf_arg_c_int(v, &x) < 0)
        return -1;
    *out = (pid_t)x;
    return 0;
}

/* The first CPU set size tried, as CPython's NCPUS_START. */
#define OS_NCPUS_START ((int)(sizeof(unsigned long) * CHAR_BIT))

/* sched_getaffinity(pid, /): the set of CPUs pid (0: this process) may run on. */
static Value os_sched_getaffinity(Value self, const Value *args, size_t nargs, Value kwnames)
{
    pid_t pid;
    if (wf_no_kwargs("posix.sched_getaffinity", kwnames) < 0 ||
        wf_check_nargs("posix.sched_getaffinity", nargs, 1, 1) < 0 || os_pid_arg(args[0], &pid) < 0)
        return 0;
    int ncpus = OS_NCPUS_START;
    cpu_set_t *mask;
    size_t setsize;
    for (;;) {
        setsize = CPU_ALLOC_SIZE(ncpus);
        mask = CPU_ALLOC(ncpus);
        if (!mask)
            return wf_err_no_memory();
        if (sched_getaffinity(pid, setsize, mask) == 0)
            break;
        int err = errno;
        CPU_FREE(mask);
        if (err != EINVAL)  /* EINVAL: the kernel's mask is wider than ours */
            return os_error(err, 0);
        if (ncpus > INT_MAX / 2)
            return wf_err_set_str(wf_exc_OverflowError, "could not allocate a large enough CPU set");
        ncpus *= 2;
    }
    Value res = wf_set_new(0);
    for (int cpu = 0, left = CPU_COUNT_S(setsize, mask); res && left; cpu++) {
        if (!CPU_ISSET_S(cpu, setsize, mask))
            continue;
        left--;
        if (wf_set_add(res, wf_small(cpu)) < 0) {
            wf_decref(res);
            res = 0;
        }
    }
    CPU_FREE(mask);
    return res;
}

/* Add cpu to *set (of *ncpus CPUs), growing it as CPython does. */
static void os_cpuset_add(cpu_set_t **set, int *ncpus, long cpu)
{
    if (cpu >= *ncpus) {
        int n = *ncpus;
        do {
            n = n > INT_MAX / 2 ? (int)cpu + 1 : n * 2;
        } while (cpu >= n);
        cpu_set_t *grown = CPU_ALLOC(n);
        if (!grown)
            WF_DIE("CPU_ALLOC", errno);
        CPU_ZERO_S(CPU_ALLOC_SIZE(n), grown);
        memcpy(grown, *set, CPU_ALLOC_SIZE(*ncpus));
        CPU_FREE(*set);
        *set = grown;
        *ncpus = n;
    }
    CPU_SET_S((int)cpu, CPU_ALLOC_SIZE(*ncpus), *set);
}

/* kill(pid, signal, /): send a signal to a process (or group). */
static Value os_kill(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("posix.kill", kwnames) < 0)
        return 0;
    if (nargs != 2)
        return wf_err_format(wf_exc_TypeError, "kill() takes exactly 2 arguments (%zu given)", nargs);
    pid_t pid, sig;
    if (os_pid_arg(args[0], &pid) < 0 || os_pid_arg(args[1], &sig) < 0)
        return 0;
    if (kill(pid, (int)sig) < 0)
        return os_error(errno, 0);
    return wf_None;
}

/* One CPU number of sched_setaffinity's mask; -1 with CPython's errors. */
static long os_cpu_number(Value item)
{
    if (!wf_is_int(item))
        return wf_err_format(wf_exc_TypeError, "expected an iterator of ints, but iterator yielded %R",
                             wf_val(wf_type(item))), -1;
    int64_t cpu;
    if (wf_int_as_i64(item, &cpu) < 0) {
        wf_err_clear();
        return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C long"), -1;
    }
    if (cpu < 0)
        return wf_err_set_str(wf_exc_ValueError, "negative CPU number"), -1;
    if (cpu > INT_MAX - 1)
        return wf_err_set_str(wf_exc_OverflowError, "CPU number too large"), -1;
    return (long)cpu;
}

/* sched_setaffinity(pid, mask, /): restrict pid (0: this process) to the CPUs in mask. */
static Value os_sched_setaffinity(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("sched_setaffinity", kwnames) < 0)
        return 0;
    if (nargs != 2)
        return wf_err_format(wf_exc_TypeError, "sched_setaffinity() takes exactly 2 arguments (%zu given)", nargs);
    pid_t pid;
    if (os_pid_arg(args[0], &pid) < 0)
        return 0;
    Value it = wf_iter(args[1]);
    if (!it)
        return 0;
    int ncpus = OS_NCPUS_START;
    cpu_set_t *set = CPU_ALLOC(ncpus);
    if (!set)
        WF_DIE("CPU_ALLOC", errno);
    CPU_ZERO_S(CPU_ALLOC_SIZE(ncpus), set);
    Value item;
    long cpu = 0;
    while (cpu >= 0 && (item = wf_next(it)) != 0) {
        cpu = os_cpu_number(item);
        wf_decref(item);
        if (cpu >= 0)
            os_cpuset_add(&set, &ncpus, cpu);
    }
    wf_decref(it);
    Value r = 0;
    if (cpu >= 0 && !wf_err_occurred())
        r = sched_setaffinity(pid, CPU_ALLOC_SIZE(ncpus), set) == 0 ? wf_None : os_error(errno, 0);
    CPU_FREE(set);
    return r;
}

static Value os_getenv(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"key", "default", NULL};
    Value key = 0, dflt = wf_None;
    if (wf_parse_args("getenv", args, nargs, kwnames, "|OO", names, &key, &dflt) < 0)
        return 0;
    if (!key)  /* getenv is a Python function in CPython: its wording */
        return wf_err_set_str(wf_exc_TypeError, "getenv() missing 1 required positional argument: 'key'");
    if (!wf_is_str(key))
        return wf_err_format(wf_exc_TypeError, "str expected, not %T", key);
    Value v = wf_dict_get(os_environ, key);
    if (!v && wf_err_occurred())
        return 0;
    return wf_incref(v ? v : dflt);
}

static Value os_listdir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"path", NULL};
    Value pathv = 0;
    if (wf_parse_args("listdir", args, nargs, kwnames, "|O", names, &pathv) < 0)
        return 0;
    const char *path = pathv && pathv != wf_None ? os_path_arg("listdir", pathv) : ".";
    if (!path)
        return 0;
    DIR *dir = opendir(path);
    if (!dir) {
        Value fn = pathv && pathv != wf_None ? wf_incref(pathv) : wf_str_from_cstr(".");
        os_error(errno, fn);
        wf_decref(fn);
        return 0;
    }
    Value list = wf_list_new(0);
    struct dirent *ent;
    while ((ent = readdir(dir))) {
        if (!strcmp(ent->d_name, ".") || !strcmp(ent->d_name, ".."))
            continue;
        Value name = wf_str_from_cstr(ent->d_name);
        int rc = name ? wf_list_append(list, name) : -1;
        wf_xdecref(name);
        if (rc < 0) {
            closedir(dir);
            wf_decref(list);
            return 0;
        }
    }
    closedir(dir);
    return list;
}

/* remove(path) and the other one-path calls that return None. */
static Value os_path_call(const char *fname, const Value *args, size_t nargs, Value kwnames,
                          int (*fn)(const char *))
{
    static const char *const names[] = {"path", NULL};
    Value pathv = 0;
    if (wf_parse_args(fname, args, nargs, kwnames, "O", names, &pathv) < 0)
        return 0;
    const char *path = os_path_arg(fname, pathv);
    if (!path)
        return 0;
    if (fn(path) < 0)
        return os_error(errno, pathv);
    return wf_incref(wf_None);
}

static int os_rmdir_c(const char *p) { return rmdir(p); }
static int os_mkdir_c(const char *p) { return mkdir(p, 0777); }

static Value os_remove(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_path_call("remove", args, nargs, kwnames, unlink);
}

static Value os_unlink(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_path_call("unlink", args, nargs, kwnames, unlink);
}

static Value os_rmdir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_path_call("rmdir", args, nargs, kwnames, os_rmdir_c);
}

static Value os_mkdir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_path_call("mkdir", args, nargs, kwnames, os_mkdir_c);
}

static Value os_fspath(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("fspath", nargs, 1, 1) < 0)
        return 0;
    if (wf_is_str(args[0]))
        return wf_incref(args[0]);
    /* os.PathLike: type(x).__fspath__(x), which must give a str (no bytes in weft). */
    Value m = wf_lookup_special(args[0], wf_str_intern_c("__fspath__"));
    if (!m) {
        if (wf_err_occurred())
            return 0;
        return wf_err_format(wf_exc_TypeError,
                             "expected str, bytes or os.PathLike object, not %T", args[0]);
    }
    Value r = wf_call0(m);
    wf_decref(m);
    if (r && !wf_is_str(r)) {
        wf_err_format(wf_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %T",
                      wf_type_name(args[0]), r);
        wf_decref(r);
        return 0;
    }
    return r;
}

static int os_chdir_c(const char *p) { return chdir(p); }

static Value os_chdir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_path_call("chdir", args, nargs, kwnames, os_chdir_c);
}

static Value os_rename(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"src", "dst", NULL};
    Value src = 0, dst = 0;
    if (wf_parse_args("rename", args, nargs, kwnames, "OO", names, &src, &dst) < 0)
        return 0;
    const char *s = os_path_arg("rename", src), *d = s ? os_path_arg("rename", dst) : NULL;
    if (!d)
        return 0;
    if (rename(s, d) < 0) {
        /* CPython reports both names: "[Errno 2] No such file or directory: 'a' -> 'b'". */
        Value a[5] = {wf_small(errno), wf_str_from_cstr(strerror(errno)), src, wf_small(0), dst};
        Value exc = wf_exc_new(wf_exc_OSError, a, 5);
        wf_decref(a[1]);
        if (exc) {
            wf_err_raise(exc);
            wf_decref(exc);
        }
        return 0;
    }
    return wf_incref(wf_None);
}

/* makedirs(name, mode=0o777, exist_ok=False): create every missing parent. */
static Value os_makedirs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"name", "mode", "exist_ok", NULL};
    Value name = 0, mode = 0, exist_ok = wf_False;
    if (wf_parse_args("makedirs", args, nargs, kwnames, "O|OO", names, &name, &mode, &exist_ok) < 0)
        return 0;
    const char *path = os_path_arg("mkdir", name);
    int ok = path ? wf_truthy(exist_ok) : -1;
    if (ok < 0)
        return 0;
    size_t len = strlen(path);
    char *buf = wf_mem_alloc(len + 1);
    memcpy(buf, path, len + 1);
    /* Parents first; an existing parent is fine whatever exist_ok says. */
    for (size_t i = 1; i < len; i++) {
        if (buf[i] != '/' || buf[i - 1] == '/')
            continue;
        buf[i] = '\0';
        struct stat st;
        int err = stat(buf, &st) == 0 || mkdir(buf, 0777) == 0 ? 0 : errno;
        buf[i] = '/';
        if (err && err != EEXIST) {
            Value fn = wf_str_new(buf, i);
            os_error(err, fn);
            wf_xdecref(fn);
            wf_mem_free(buf);
            return 0;
        }
    }
    wf_mem_free(buf);
    if (mkdir(path, 0777) < 0) {
        struct stat st;
        int err = errno;
        if (!(err == EEXIST && ok && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
            return os_error(err, name);
    }
    return wf_incref(wf_None);
}

static Value os_getppid(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("getppid", nargs, 0, 0) < 0)
        return 0;
    return wf_int_from_i64(getppid());
}

static Value os_strerror(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("strerror", nargs, 1, 1) < 0)
        return 0;
    int64_t code;
    if (!wf_is_int(args[0]))
        return wf_err_format(wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
    if (wf_int_as_i64(args[0], &code) < 0)
        return 0;
    return wf_str_from_cstr(strerror((int)code));
}

/* ---- os.walk ---- */

/*
 * Top-down walks are lazy, as CPython's generator: the children of a
 * directory are chosen only when the next item is asked for, from its
 * dirnames list as the caller may have pruned it. Bottom-up walks are
 * collected first (pruning cannot affect them).
 */
typedef struct WalkObject {
    Object ob;
    Value stack;       /* list of directories still to visit; the last is next */
    Value top, dirs;   /* the directory yielded last and its dirnames, or 0 */
    Value onerror;     /* callable or None */
    bool followlinks;
} WalkObject;

TypeObject wf_type_os_walk;

/* dir joined with name as os.scandir's entry.path. */
static Value walk_join(Value dir, const char *name)
{
    StrObject *d = wf_as_str(dir);
    bool sep = d->len && d->data[d->len - 1] != '/';
    return wf_str_printf("%U%s%s", dir, sep ? "/" : "", name);
}

static bool walk_is_link(Value path)
{
    struct stat st;
    return lstat(wf_str_cstr(path), &st) == 0 && S_ISLNK(st.st_mode);
}

/* List top into dirs and files (new lists): 1 done, 0 skipped (onerror
 * handled a failure), -1 error. */
static int walk_scan(Value top, Value onerror, Value *dirs, Value *files)
{
    DIR *dir = opendir(wf_str_cstr(top));
    if (!dir) {
        os_error(errno, top);
        if (onerror == wf_None) {
            wf_err_clear();
            return 0;
        }
        Value exc = wf_err_fetch();
        Value r = wf_call1(onerror, exc);
        wf_decref(exc);
        wf_xdecref(r);
        return r ? 0 : -1;
    }
    *dirs = wf_list_new(0);
    *files = wf_list_new(0);
    struct dirent *ent;
    int rc = 0;
    while (rc == 0 && (ent = readdir(dir))) {
        const char *n = ent->d_name;
        if (!strcmp(n, ".") || !strcmp(n, ".."))
            continue;
        bool is_dir = ent->d_type == DT_DIR;
        if (ent->d_type == DT_LNK || ent->d_type == DT_UNKNOWN) {
            Value full = walk_join(top, n);
            struct stat st;
            is_dir = full && stat(wf_str_cstr(full), &st) == 0 && S_ISDIR(st.st_mode);
            wf_xdecref(full);
        }
        Value name = wf_str_from_cstr(n);
        rc = name ? wf_list_append(is_dir ? *dirs : *files, name) : -1;
        wf_xdecref(name);
    }
    closedir(dir);
    if (rc < 0) {
        wf_decref(*dirs);
        wf_decref(*files);
        return -1;
    }
    return 1;
}

/* Push the subdirectories of the last yielded directory, first one on top. */
static int walk_push_children(WalkObject *w)
{
    Value top = w->top, dirs = w->dirs;
    w->top = w->dirs = 0;
    int rc = 0;
    for (size_t i = wf_is_list(dirs) ? wf_list_size(dirs) : 0; rc == 0 && i-- > 0;) {
        /* dirs was yielded: the caller (any thread) may be editing it. */
        Value name = wf_list_get_ref(dirs, i);
        if (!name)
            continue;
        if (!wf_is_str(name)) {
            wf_decref(name);
            continue;
        }
        Value path = walk_join(top, wf_str_cstr(name));
        wf_decref(name);
        if (!path)
            rc = -1;
        else if (w->followlinks || !walk_is_link(path))
            rc = wf_list_append(w->stack, path);
        wf_xdecref(path);
    }
    wf_decref(top);
    wf_decref(dirs);
    return rc;
}

/* Runs in the walk's critical section (walk_next). A callback (onerror) or
 * a blocking call may suspend it, letting another thread take a step: so
 * top and dirs are taken out of the object before use, and put back only
 * after the children of any pair another thread put there meanwhile. */
static Value walk_next_locked(WalkObject *w)
{
    for (;;) {
        if (w->top && walk_push_children(w) < 0)
            return 0;
        if (wf_list_size(w->stack) == 0)
            return 0;
        Value top = wf_call_method(w->stack, "pop", NULL, 0);
        if (!top)
            return 0;
        Value dirs, files;
        int r = walk_scan(top, w->onerror, &dirs, &files);
        if (r <= 0) {
            wf_decref(top);
            if (r < 0)
                return 0;
            continue;
        }
        Value item = wf_tuple_pack(3, top, dirs, files);
        wf_decref(files);
        if (w->top && walk_push_children(w) < 0) {
            wf_decref(item);
            wf_decref(top);
            wf_decref(dirs);
            return 0;
        }
        w->top = top;
        w->dirs = dirs;
        return item;
    }
}

/* next(walk): one step at a time, as a generator is (two threads sharing
 * one walk would otherwise both consume the same top and dirs). */
static Value walk_next(Value self)
{
    Value r;
    WF_CRITSEC_BEGIN(wf_obj(self));
    r = walk_next_locked((WalkObject *)wf_obj(self));
    WF_CRITSEC_END();
    return r;
}

/* Bottom-up: children first, then the directory itself, appended to out. */
static int walk_bottom_up(Value top, Value onerror, bool followlinks, Value out)
{
    Value dirs, files;
    int r = walk_scan(top, onerror, &dirs, &files);
    if (r <= 0)
        return r;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < wf_list_size(dirs); i++) {
        Value path = walk_join(top, wf_str_cstr(wf_list_get(dirs, i)));
        if (!path)
            rc = -1;
        else if (followlinks || !walk_is_link(path)) {
            rc = wf_enter_recursive_call(" in os.walk");
            if (rc == 0) {
                rc = walk_bottom_up(path, onerror, followlinks, out);
                wf_leave_recursive_call();
            }
        }
        wf_xdecref(path);
    }
    Value item = rc == 0 ? wf_tuple_pack(3, top, dirs, files) : 0;
    if (item)
        rc = wf_list_append(out, item);
    wf_xdecref(item);
    wf_decref(dirs);
    wf_decref(files);
    return rc < 0 ? -1 : 0;
}

static Value os_walk(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"top", "topdown", "onerror", "followlinks", NULL};
    Value top = 0, topdown = wf_True, onerror = wf_None, follow = wf_False;
    if (wf_parse_args("walk", args, nargs, kwnames, "O|OOO", names, &top, &topdown, &onerror, &follow) < 0)
        return 0;
    if (!os_path_arg("scandir", top))
        return 0;
    int td = wf_truthy(topdown), fl = td < 0 ? -1 : wf_truthy(follow);
    if (fl < 0)
        return 0;
    if (!td) {
        Value out = wf_list_new(0);
        if (walk_bottom_up(top, onerror, fl, out) < 0) {
            wf_decref(out);
            return 0;
        }
        Value it = wf_iter(out);
        wf_decref(out);
        return it;
    }
    WalkObject *w = (WalkObject *)wf_object_alloc(&wf_type_os_walk, sizeof(WalkObject));
    w->stack = wf_list_new(0);
    w->onerror = wf_incref(onerror);
    w->followlinks = fl;
    if (wf_list_append(w->stack, top) < 0) {
        wf_decref(wf_val(w));
        return 0;
    }
    return wf_val(w);
}

static void walk_dealloc(Object *o)
{
    WalkObject *w = (WalkObject *)o;
    wf_xdecref(w->stack);
    wf_xdecref(w->top);
    wf_xdecref(w->dirs);
    wf_xdecref(w->onerror);
    wf_object_free(o);
}

static Value walk_self(Value self) { return wf_incref(self); }

TypeObject wf_type_os_walk = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "os.walk",
    .tp_basicsize = sizeof(WalkObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = walk_dealloc,
    .tp_iter = walk_self,
    .tp_iternext = walk_next,
};

/* ---- os.stat ---- */

/* os.stat_result: the ten classic fields by index (times as ints, as
 * CPython's structseq) and by name (times as floats). */
enum { ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID, ST_GID, ST_SIZE, ST_ATIME, ST_MTIME, ST_CTIME, ST_N };
static const char *const stat_names[ST_N] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
    "st_atime", "st_mtime", "st_ctime",
};

typedef struct StatObject {
    Object ob;
    Value f[ST_N];
    double times[3];    /* atime, mtime, ctime with their fractions */
} StatObject;

TypeObject wf_type_os_stat_result;

static Value stat_new(const struct stat *st)
{
    StatObject *s = (StatObject *)wf_object_alloc(&wf_type_os_stat_result, sizeof(StatObject));
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    int64_t v[ST_N] = {st->st_mode, (int64_t)st->st_ino, (int64_t)st->st_dev, (int64_t)st->st_nlink,
                       st->st_uid, st->st_gid, st->st_size, ts[0]->tv_sec, ts[1]->tv_sec, ts[2]->tv_sec};
    for (int i = 0; i < ST_N; i++)
        s->f[i] = wf_int_from_i64(v[i]);
    for (int i = 0; i < 3; i++)
        s->times[i] = (double)ts[i]->tv_sec + ts[i]->tv_nsec * 1e-9;
    return wf_val(s);
}

static StatObject *stat_obj(Value v) { return (StatObject *)wf_obj(v); }

#define STAT_INT_GETTER(idx) \
    static Value stat_get_##idx(Value self) { return wf_incref(stat_obj(self)->f[idx]); }
#define STAT_TIME_GETTER(idx) \
    static Value stat_get_##idx(Value self) { return wf_float_new(stat_obj(self)->times[idx - ST_ATIME]); }
STAT_INT_GETTER(ST_MODE) STAT_INT_GETTER(ST_INO) STAT_INT_GETTER(ST_DEV) STAT_INT_GETTER(ST_NLINK)
STAT_INT_GETTER(ST_UID) STAT_INT_GETTER(ST_GID) STAT_INT_GETTER(ST_SIZE)
STAT_TIME_GETTER(ST_ATIME) STAT_TIME_GETTER(ST_MTIME) STAT_TIME_GETTER(ST_CTIME)

static const GetSetDef stat_getset[] = {
    {"st_mode", stat_get_ST_MODE, NULL}, {"st_ino", stat_get_ST_INO, NULL},
    {"st_dev", stat_get_ST_DEV, NULL}, {"st_nlink", stat_get_ST_NLINK, NULL},
    {"st_uid", stat_get_ST_UID, NULL}, {"st_gid", stat_get_ST_GID, NULL},
    {"st_size", stat_get_ST_SIZE, NULL}, {"st_atime", stat_get_ST_ATIME, NULL},
    {"st_mtime", stat_get_ST_MTIME, NULL}, {"st_ctime", stat_get_ST_CTIME, NULL},
    {NULL},
};

static Value stat_repr(Value self)
{
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add_c(&sb, "os.stat_result(");
    for (int i = 0; i < ST_N; i++) {
        if (i)
            wf_sb_add(&sb, ", ", 2);
        wf_sb_add_c(&sb, stat_names[i]);
        wf_sb_add_char(&sb, '=');
        if (wf_sb_add_repr(&sb, stat_obj(self)->f[i]) < 0) {
            wf_sb_discard(&sb);
            return 0;
        }
    }
    wf_sb_add_char(&sb, ')');
    return wf_sb_finish(&sb);
}

static intptr_t stat_len(Value self) { return ST_N; }

static Value stat_getitem(Value self, Value key)
{
    if (!wf_is_int(key))
        return wf_err_format(wf_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
    intptr_t i = wf_as_ssize(key);
    if (i == -1 && wf_err_occurred())
        return 0;
    if (i < 0)
        i += ST_N;
    if (i < 0 || i >= ST_N)
        return wf_err_set_str(wf_exc_IndexError, "tuple index out of range");
    return wf_incref(stat_obj(self)->f[i]);
}

static void stat_dealloc(Object *o)
{
    for (int i = 0; i < ST_N; i++)
        wf_decref(((StatObject *)o)->f[i]);
    wf_object_free(o);
}

TypeObject wf_type_os_stat_result = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "os.stat_result",
    .tp_basicsize = sizeof(StatObject),
    .tp_base = &wf_type_object,
    .tp_dealloc = stat_dealloc,
    .tp_repr = stat_repr,
    .tp_len = stat_len,
    .tp_getitem = stat_getitem,
    .tp_getset = stat_getset,
};

static Value os_stat_common(const char *fname, const Value *args, size_t nargs, Value kwnames, bool follow)
{
    static const char *const names[] = {"path", NULL};
    Value pathv = 0;
    if (wf_parse_args(fname, args, nargs, kwnames, "O", names, &pathv) < 0)
        return 0;
    const char *path = os_path_arg(fname, pathv);
    if (!path)
        return 0;
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) < 0)
        return os_error(errno, pathv);
    return stat_new(&st);
}

static Value os_stat(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_stat_common("stat", args, nargs, kwnames, true);
}

static Value os_lstat(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return os_stat_common("lstat", args, nargs, kwnames, false);
}

static const MethodDef os_functions[] = {
    {"getpid", os_getpid, 0, "Return the current process id."},
    {"getcwd", os_getcwd, 0, "Return a unicode string representing the current working directory."},
    {"cpu_count", os_cpu_count, 0, "Return the number of CPUs in the system; return None if indeterminable."},
    {"kill", os_kill, 0, "Kill a process with a signal."},
    {"sched_getaffinity", os_sched_getaffinity, 0, "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_setaffinity", os_sched_setaffinity, 0, "Set the CPU affinity of the process identified by pid to mask."},
    {"getenv", os_getenv, 0, "Get an environment variable, return None if it doesn't exist."},
    {"listdir", os_listdir, 0, "Return a list containing the names of the files in the directory."},
    {"remove", os_remove, 0, "Remove a file (same as unlink())."},
    {"unlink", os_unlink, 0, "Remove a file (same as remove())."},
    {"mkdir", os_mkdir, 0, "Create a directory."},
    {"rmdir", os_rmdir, 0, "Remove a directory."},
    {"fspath", os_fspath, 0, "Return the file system path representation of the object."},
    {"chdir", os_chdir, 0, "Change the current working directory to the specified path."},
    {"rename", os_rename, 0, "Rename a file or directory."},
    {"makedirs", os_makedirs, 0, "makedirs(name [, mode=0o777][, exist_ok=False])"},
    {"getppid", os_getppid, 0, "Return the parent's process id."},
    {"strerror", os_strerror, 0, "Translate an error code to a message string."},
    {"walk", os_walk, 0, "Directory tree generator."},
    {"stat", os_stat, 0, "Perform a stat system call on the given path."},
    {"lstat", os_lstat, 0, "Perform a stat system call on the given path, without following symbolic links."},
    {NULL},
};

/* ---- os.path ---- */

static Value op_join(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("join", kwnames) < 0)
        return 0;
    if (nargs == 0)
        return wf_err_set_str(wf_exc_TypeError, "join() missing 1 required positional argument: 'a'");
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && !wf_is_str(args[i])) {
            /* genericpath._check_arg_types's message. */
            wf_sb_discard(&sb);
            return wf_err_format(wf_exc_TypeError,
                                 "join() argument must be str, bytes, or os.PathLike object, not '%T'", args[i]);
        }
        StrObject *b = os_str_arg(args[i]);
        if (!b) {
            wf_sb_discard(&sb);
            return 0;
        }
        if (i > 0 && b->len && b->data[0] == '/') {
            wf_sb_discard(&sb);  /* an absolute part restarts the path */
            wf_sb_init(&sb);
        } else if (i > 0 && sb.len && sb.buf[sb.len - 1] != '/')
            wf_sb_add_char(&sb, '/');
        wf_sb_add(&sb, b->data, b->len);
    }
    return wf_sb_finish(&sb);
}

static Value op_basename(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("basename", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    return os_sub(p, (size_t)(os_rfind(p, '/') + 1), p->len);
}

/* The head of split(p): up to the last '/', trailing slashes removed unless all slashes. */
static size_t op_head_len(const StrObject *p)
{
    size_t i = (size_t)(os_rfind(p, '/') + 1), n = i;
    while (n > 0 && p->data[n - 1] == '/')
        n--;
    return n == 0 ? i : n;
}

static Value op_dirname(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("dirname", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    return os_sub(p, 0, op_head_len(p));
}

static Value op_pair(Value a, Value b)
{
    Value t = a && b ? wf_tuple_pack(2, a, b) : 0;
    wf_xdecref(a);
    wf_xdecref(b);
    return t;
}

static Value op_split(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("split", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    size_t i = (size_t)(os_rfind(p, '/') + 1);
    return op_pair(os_sub(p, 0, op_head_len(p)), os_sub(p, i, p->len));
}

static Value op_splitext(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("splitext", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    intptr_t sep = os_rfind(p, '/'), dot = os_rfind(p, '.');
    if (dot > sep) {
        /* Leading dots of the file name do not start an extension. */
        for (intptr_t i = sep + 1; i < dot; i++)
            if (p->data[i] != '.')
                return op_pair(os_sub(p, 0, (size_t)dot), os_sub(p, (size_t)dot, p->len));
    }
    return op_pair(wf_incref(wf_val(p)), wf_str_new("", 0));
}

static Value op_isabs(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("isabs", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    return wf_bool(p->len && p->data[0] == '/');
}

/* posixpath.normpath on a C string. */
static Value op_normpath_c(const char *path, size_t len)
{
    if (len == 0)
        return wf_str_new(".", 1);
    int initial = path[0] == '/';
    if (initial && len >= 2 && path[1] == '/' && (len < 3 || path[2] != '/'))
        initial = 2;
    /* Components as (start, length) pairs, at most len / 2 + 1 of them. */
    size_t *comp = wf_mem_alloc((len / 2 + 2) * 2 * sizeof(size_t)), n = 0;
    for (size_t i = 0; i <= len;) {
        size_t j = i;
        while (j < len && path[j] != '/')
            j++;
        size_t cl = j - i;
        bool dot = cl == 1 && path[i] == '.', dotdot = cl == 2 && path[i] == '.' && path[i + 1] == '.';
        if (cl == 0 || dot) {
            /* skip */
        } else if (!dotdot || (!initial && n == 0) ||
                   (n > 0 && comp[2 * n - 1] == 2 && !memcmp(path + comp[2 * n - 2], "..", 2))) {
            comp[2 * n] = i;
            comp[2 * n + 1] = cl;
            n++;
        } else if (n > 0) {
            n--;
        }
        i = j + 1;
    }
    StrBuilder sb;
    wf_sb_init(&sb);
    for (int k = 0; k < initial; k++)
        wf_sb_add_char(&sb, '/');
    for (size_t k = 0; k < n; k++) {
        if (k)
            wf_sb_add_char(&sb, '/');
        wf_sb_add(&sb, path + comp[2 * k], comp[2 * k + 1]);
    }
    wf_mem_free(comp);
    if (sb.len == 0)
        wf_sb_add_char(&sb, '.');
    return wf_sb_finish(&sb);
}

static Value op_normpath(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("normpath", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    return p ? op_normpath_c(p->data, p->len) : 0;
}

static Value op_abspath(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("abspath", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    if (p->len && p->data[0] == '/')
        return op_normpath_c(p->data, p->len);
    Value cwd = os_cwd();
    if (!cwd)
        return 0;
    Value parts[2] = {cwd, args[0]};
    Value joined = op_join(0, parts, 2, 0);
    wf_decref(cwd);
    if (!joined)
        return 0;
    Value r = op_normpath_c(wf_as_str(joined)->data, wf_as_str(joined)->len);
    wf_decref(joined);
    return r;
}

/* stat() for exists/isfile/isdir: 1 ok, 0 failed (any OSError), -1 TypeError. */
static int op_stat(const char *fname, Value p, struct stat *st)
{
    if (!wf_is_str(p)) {
        wf_err_format(wf_exc_TypeError,
                      "stat: path should be string, bytes, os.PathLike or integer, not %T", p);
        return -1;
    }
    StrObject *s = wf_as_str(p);
    if (strlen(s->data) != s->len)
        return 0;  /* ValueError is swallowed by genericpath */
    return stat(s->data, st) == 0;
}

static Value op_test(const char *fname, const Value *args, size_t nargs, int mode)
{
    if (wf_check_nargs(fname, nargs, 1, 1) < 0)
        return 0;
    struct stat st;
    int r = op_stat(fname, args[0], &st);
    if (r < 0)
        return 0;
    if (r && mode)
        r = (st.st_mode & S_IFMT) == (mode_t)mode;
    return wf_bool(r);
}

static Value op_exists(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return op_test("exists", args, nargs, 0);
}

static Value op_isfile(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return op_test("isfile", args, nargs, S_IFREG);
}

static Value op_isdir(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return op_test("isdir", args, nargs, S_IFDIR);
}

static Value op_getsize(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("getsize", nargs, 1, 1) < 0)
        return 0;
    const char *path = os_path_arg("stat", args[0]);
    if (!path)
        return 0;
    struct stat st;
    if (stat(path, &st) < 0)
        return os_error(errno, args[0]);
    return wf_int_from_i64((int64_t)st.st_size);
}

/* relpath(path, start=os.curdir), posixpath's algorithm on absolute paths. */
static Value op_relpath(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"path", "start", NULL};
    Value path = 0, start = 0;
    if (wf_parse_args("relpath", args, nargs, kwnames, "O|O", names, &path, &start) < 0)
        return 0;
    StrObject *p = os_str_arg(path);
    if (!p)
        return 0;
    if (p->len == 0)
        return wf_err_set_str(wf_exc_ValueError, "no path specified");
    Value dot = wf_str_new(".", 1);
    Value a = op_abspath(0, &path, 1, 0);
    Value b = op_abspath(0, start && start != wf_None ? &start : &dot, 1, 0);
    wf_decref(dot);
    Value r = 0;
    if (a && b) {
        const char *x = wf_str_cstr(a), *y = wf_str_cstr(b);
        /* Common leading components (whole components only). */
        size_t i = 0, common = 0;
        while (x[i] && x[i] == y[i]) {
            i++;
            if ((x[i] == '/' || !x[i]) && (y[i] == '/' || !y[i]))
                common = i;
        }
        StrBuilder sb;
        wf_sb_init(&sb);
        for (const char *q = y + common; *q; q++)
            if (*q == '/' && q[1] && q[1] != '/')
                wf_sb_add_c(&sb, sb.len ? "/.." : "..");
        const char *rest = x + common;
        while (*rest == '/')
            rest++;
        if (*rest) {
            if (sb.len)
                wf_sb_add_char(&sb, '/');
            wf_sb_add_c(&sb, rest);
        }
        if (sb.len == 0)
            wf_sb_add_char(&sb, '.');
        r = wf_sb_finish(&sb);
    }
    wf_xdecref(a);
    wf_xdecref(b);
    return r;
}

static Value op_expanduser(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("expanduser", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    const char *home = getenv("HOME");
    if (p->len == 0 || p->data[0] != '~' || (p->len > 1 && p->data[1] != '/') || !home)
        return wf_incref(args[0]);
    size_t hl = strlen(home);
    while (hl > 1 && home[hl - 1] == '/')
        hl--;
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_sb_add(&sb, home, hl);
    wf_sb_add(&sb, p->data + 1, p->len - 1);
    return wf_sb_finish(&sb);
}

static Value op_realpath(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("realpath", nargs, 1, 1) < 0)
        return 0;
    const char *path = os_path_arg("realpath", args[0]);
    if (!path)
        return 0;
    char *r = realpath(path, NULL);
    if (!r)  /* posixpath keeps the unresolved rest: abspath is the closest simple answer */
        return op_abspath(0, args, 1, 0);
    Value v = wf_str_from_cstr(r);
    free(r);
    return v;
}

static Value op_getmtime(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("getmtime", nargs, 1, 1) < 0)
        return 0;
    const char *path = os_path_arg("stat", args[0]);
    if (!path)
        return 0;
    struct stat st;
    if (stat(path, &st) < 0)
        return os_error(errno, args[0]);
    return wf_float_new((double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9);
}

/* Code point order of two strs (UTF-8 byte order is the same). */
static int strcmp_n(const StrObject *a, const StrObject *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    return c ? c : (a->len > b->len) - (a->len < b->len);
}

/* posixpath.splitdrive: there are no drives on POSIX. */
static Value op_splitdrive(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("splitdrive", nargs, 1, 1) < 0)
        return 0;
    StrObject *p = os_str_arg(args[0]);
    if (!p)
        return 0;
    return op_pair(wf_str_new("", 0), wf_incref(args[0]));
}

static Value op_normcase(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("normcase", nargs, 1, 1) < 0)
        return 0;
    if (!os_str_arg(args[0]))
        return 0;
    return wf_incref(args[0]);
}

/* islink/lexists: lstat() instead of stat(); any OSError or NUL is False. */
static Value op_ltest(const char *fname, const Value *args, size_t nargs, bool link)
{
    if (wf_check_nargs(fname, nargs, 1, 1) < 0)
        return 0;
    if (!wf_is_str(args[0])) {
        wf_err_format(wf_exc_TypeError,
                      "lstat: path should be string, bytes or os.PathLike, not %T", args[0]);
        return 0;
    }
    StrObject *s = wf_as_str(args[0]);
    struct stat st;
    if (strlen(s->data) != s->len || lstat(s->data, &st) != 0)
        return wf_bool(false);
    return wf_bool(link ? S_ISLNK(st.st_mode) : true);
}

static Value op_islink(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return op_ltest("islink", args, nargs, true);
}

static Value op_lexists(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return op_ltest("lexists", args, nargs, false);
}

/* genericpath.commonprefix for a list or tuple of str: the longest common
 * leading run of characters of min(m) and max(m). */
static Value op_commonprefix(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_check_nargs("commonprefix", nargs, 1, 1) < 0)
        return 0;
    Value m = args[0];
    Value snap;
    if (wf_is_list(m))
        snap = wf_list_as_tuple(m);  /* a snapshot: other threads may change the list */
    else if (wf_is_tuple(m))
        snap = wf_incref(m);
    else
        return wf_err_format(wf_exc_TypeError, "commonprefix() expects a list or tuple of str, not %T", m);
    if (!snap)
        return 0;
    const Value *items = wf_as_tuple(snap)->items;
    size_t n = wf_as_tuple(snap)->size;
    StrObject *lo = NULL, *hi = NULL;
    for (size_t i = 0; i < n; i++) {
        StrObject *s = os_str_arg(items[i]);
        if (!s) {
            wf_decref(snap);
            return 0;
        }
        if (!lo || strcmp_n(s, lo) < 0)
            lo = s;
        if (!hi || strcmp_n(s, hi) > 0)
            hi = s;
    }
    Value r;
    if (n == 0) {
        r = wf_str_new("", 0);
    } else {
        size_t k = 0;
        while (k < lo->len && k < hi->len && lo->data[k] == hi->data[k])
            k++;
        /* Do not end inside a multi-byte character. */
        while (k > 0 && k < lo->len && ((unsigned char)lo->data[k] & 0xC0) == 0x80)
            k--;
        r = wf_str_new(lo->data, k);
    }
    wf_decref(snap);
    return r;
}

static const MethodDef path_functions[] = {
    {"join", op_join, 0, "Join two or more pathname components, inserting '/' as needed."},
    {"basename", op_basename, 0, "Returns the final component of a pathname"},
    {"dirname", op_dirname, 0, "Returns the directory component of a pathname"},
    {"split", op_split, 0, "Split a pathname into (head, tail)."},
    {"splitext", op_splitext, 0, "Split the extension from a pathname."},
    {"isabs", op_isabs, 0, "Test whether a path is absolute"},
    {"normpath", op_normpath, 0, "Normalize path, eliminating double slashes, etc."},
    {"abspath", op_abspath, 0, "Return an absolute path."},
    {"exists", op_exists, 0, "Test whether a path exists."},
    {"isfile", op_isfile, 0, "Test whether a path is a regular file"},
    {"isdir", op_isdir, 0, "Return true if the pathname refers to an existing directory."},
    {"getsize", op_getsize, 0, "Return the size of a file, reported by os.stat()."},
    {"getmtime", op_getmtime, 0, "Return the last modification time of a file, reported by os.stat()."},
    {"relpath", op_relpath, 0, "Return a relative version of a path"},
    {"expanduser", op_expanduser, 0, "Expand ~ and ~user constructions."},
    {"realpath", op_realpath, 0, "Return the canonical path of the specified filename."},
    {"splitdrive", op_splitdrive, 0, "Split a pathname into drive and path. On Posix, drive is always empty."},
    {"normcase", op_normcase, 0, "Normalize case of pathname.  Has no effect under Posix"},
    {"islink", op_islink, 0, "Test whether a path is a symbolic link"},
    {"lexists", op_lexists, 0, "Test whether a path exists.  Returns True for broken symbolic links"},
    {"commonprefix", op_commonprefix, 0, "Given a list of pathnames, returns the longest common leading component"},
    {NULL},
};

/* ---- module creation ---- */

static int os_add_str(Value m, const char *name, const char *s)
{
    Value v = wf_str_from_cstr(s);
    return v ? wf_module_add_object(m, name, v) : -1;
}

static Value os_path_create(void)
{
    if (os_path_module)
        return wf_incref(os_path_module);
    Value m = wf_module_new("posixpath");
    if (!m || wf_module_add_functions(m, path_functions) < 0 || os_add_str(m, "sep", "/") < 0 ||
        os_add_str(m, "curdir", ".") < 0 || os_add_str(m, "pardir", "..") < 0 ||
        os_add_str(m, "extsep", ".") < 0 || os_add_str(m, "pathsep", ":") < 0 ||
        os_add_str(m, "devnull", "/dev/null") < 0 || os_add_str(m, "defpath", "/bin:/usr/bin") < 0 ||
        wf_module_add_object(m, "altsep", wf_None) < 0)
        return 0;
    wf_make_immortal(m);
    os_path_module = m;
    return m;
}

/* A snapshot of the process environment as a dict of str. */
static Value os_environ_snapshot(void)
{
    Value d = wf_dict_new();
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e)
            continue;
        Value k = wf_str_new(*e, (size_t)(eq - *e)), v = wf_str_from_cstr(eq + 1);
        /* Not valid UTF-8 would need surrogateescape: such variables are skipped. */
        int rc = k && v ? wf_dict_set(d, k, v) : -1;
        wf_xdecref(k);
        wf_xdecref(v);
        if (rc < 0)
            wf_err_clear();
    }
    return d;
}

static Value os_create(void)
{
    Value m = wf_module_new("os");
    Value path = os_path_create();
    if (!m || !path || wf_module_add_functions(m, os_functions) < 0 ||
        os_add_str(m, "name", "posix") < 0 || os_add_str(m, "sep", "/") < 0 ||
        os_add_str(m, "linesep", "\n") < 0 || os_add_str(m, "curdir", ".") < 0 ||
        os_add_str(m, "pardir", "..") < 0 || os_add_str(m, "pathsep", ":") < 0 ||
        os_add_str(m, "extsep", ".") < 0 || os_add_str(m, "devnull", "/dev/null") < 0 ||
        os_add_str(m, "defpath", "/bin:/usr/bin") < 0 || wf_module_add_object(m, "altsep", wf_None) < 0)
        return 0;
    if (wf_module_add_object(m, "path", wf_incref(path)) < 0)
        return 0;
    if (!os_environ) {
        os_environ = os_environ_snapshot();
        wf_make_immortal(os_environ);
    }
    if (wf_module_add_object(m, "environ", os_environ) < 0)
        return 0;
    if (wf_sys_modules && wf_dict_set_c(wf_sys_modules, "os.path", path) < 0)
        return 0;
    return m;
}

void wf_os_register(void)
{
    wf_type_ready(&wf_type_os_walk);
    wf_type_ready(&wf_type_os_stat_result);
    wf_register_builtin_module("os", os_create);
    wf_register_builtin_module("os.path", os_path_create);
    wf_register_builtin_module("posixpath", os_path_create);
}
