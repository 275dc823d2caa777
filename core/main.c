/* weft: the command line. */
/* argv -> run a script, `-c` code or `-m` module as __main__; exit status as CPython. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "runtime.h"
#include "specialize.h"
#include "parse.h"

typedef struct MainOptions {
    const char *command;   /* -c */
    const char *module;    /* -m */
    const char *script;    /* file, or "-" for stdin */
    int rest;              /* index of the first argument for sys.argv[1:] */
    bool unbuffered;       /* -u */
    bool ignore_env;       /* -E, -I: no PYTHON* environment variables */
    const char *xopts[64]; /* -X name[=value] */
    int nxopts;
} MainOptions;

static void main_usage(FILE *f, const char *argv0)
{
    fprintf(f, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", argv0);
}

static _Noreturn void main_bad_usage(const char *argv0, const char *fmt, int c)
{
    fprintf(stderr, fmt, c);
    main_usage(stderr, argv0);
    fprintf(stderr, "Try `python -h' for more information.\n");
    exit(2);
}

static _Noreturn void main_help(const char *argv0)
{
    main_usage(stdout, argv0);
    printf("-c cmd : program passed in as string (terminates option list)\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the version number and exit (also --version)\n"
           "-X opt : set implementation-specific option (sys._xoptions)\n"
           "file   : program read from script file\n"
           "-      : program read from stdin\n");
    exit(0);
}

/* The option value after a flag: the rest of this argument or the next one. */
static const char *main_optarg(int argc, char **argv, int *i, const char *p, int flag)
{
    if (p[1])
        return p + 1;
    if (*i + 1 >= argc)
        main_bad_usage(argv[0], "Argument expected for the -%c option\n", flag);
    return argv[++*i];
}

static void main_parse(int argc, char **argv, MainOptions *o)
{
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == 0)
            break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "--version")) {
            printf("weft %s (Python 3.11.0+)\n", WF_VERSION);
            exit(0);
        }
        if (!strcmp(a, "--help"))
            main_help(argv[0]);
        if (a[1] == '-') {
            fprintf(stderr, "unknown option %s\n", a);
            main_bad_usage(argv[0], "", 0);
        }
        for (const char *p = a + 1; *p; p++) {
            switch (*p) {
            case 'c':
                o->command = main_optarg(argc, argv, &i, p, 'c');
                o->rest = i + 1;
                return;
            case 'm':
                o->module = main_optarg(argc, argv, &i, p, 'm');
                o->rest = i + 1;
                return;
            case 'X':
                if (o->nxopts < 64)
                    o->xopts[o->nxopts++] = main_optarg(argc, argv, &i, p, 'X');
                goto next_arg;
            case 'W':
                main_optarg(argc, argv, &i, p, 'W');
                goto next_arg;
            case 'V':
                printf("weft %s (Python 3.11.0+)\n", WF_VERSION);
                exit(0);
            case 'h': case '?':
                main_help(argv[0]);
            case 'u':
                o->unbuffered = true;
                break;
            case 'E': case 'I':
                o->ignore_env = true;
                break;
            case 's': case 'S': case 'B': case 'b': case 'd':
            case 'O': case 'q': case 'v': case 'i': case 'R': case 'P':
                break;  /* accepted for compatibility; no effect */
            default:
                main_bad_usage(argv[0], "Unknown option: -%c\n", *p);
            }
        }
    next_arg:;
    }
    if (i < argc) {
        o->script = argv[i];
        o->rest = i + 1;
    } else {
        o->script = NULL;  /* no script: read the program from stdin, sys.argv == [''] */
        o->rest = argc;
    }
}

static void main_apply_xoptions(const MainOptions *o)
{
    for (int i = 0; i < o->nxopts; i++) {
        char *opt = strdup(o->xopts[i]);
        char *eq = strchr(opt, '=');
        if (eq)
            *eq++ = 0;
        wf_sys_add_xoption(opt, eq);
        free(opt);
    }
}

/* A fresh __main__ module in sys.modules, with __builtins__. */
static Value main_module(void)
{
    Value m = wf_module_new("__main__");
    if (!m)
        return 0;
    Value d = wf_module_dict(m);
    Value ann = wf_dict_new();
    if (!ann || wf_dict_set(d, WF_ID(__annotations__), ann) < 0)
        return 0;
    wf_decref(ann);
    if (wf_dict_set(d, WF_ID(__builtins__), wf_builtins_module) < 0)
        return 0;
    if (wf_dict_set(wf_sys_modules, WF_ID(__main__), m) < 0)
        return 0;
    return m;
}

static char *main_abspath(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *r = malloc(n);
    snprintf(r, n, "%s/%s", cwd, path);
    return r;
}

/* sys.path[0]: the directory of the script with symlinks resolved. */
static void main_set_script_dir(const char *script)
{
    char real[PATH_MAX];
    char *abs = realpath(script, real) ? strdup(real) : main_abspath(script);
    char *slash = strrchr(abs, '/');
    if (slash == abs)
        slash[1] = 0;
    else if (slash)
        *slash = 0;
    wf_sys_set_path0(abs);
    free(abs);
}

/* The exit status after running code that returned r (0 on an exception). */
static int main_status(Value r)
{
    if (!r)
        return wf_runtime_exit_status();
    wf_decref(r);
    return 0;
}

static int main_run_file_as_main(const char *path)
{
    Value m = main_module();
    if (!m)
        return wf_runtime_exit_status();
    Value file = wf_str_from_cstr(path);
    Value d = wf_module_dict(m);
    if (!file || wf_dict_set(d, WF_ID(__file__), file) < 0 || wf_dict_set_c(d, "__cached__", wf_None) < 0)
        return wf_runtime_exit_status();
    wf_decref(file);
    return main_status(wf_run_file(path, m));
}

/* A directory (or zip, not supported) given as the script runs its __main__.py. */
static int main_run_dir(const char *argv0, const char *dir)
{
    char cwd[PATH_MAX];
    char *abs = *dir ? main_abspath(dir) : strdup(getcwd(cwd, sizeof cwd) ? cwd : ".");
    size_t n = strlen(abs) + 16;
    char *mainpy = malloc(n);
    snprintf(mainpy, n, "%s/__main__.py", abs);
    int status;
    struct stat st;
    if (stat(mainpy, &st) == 0 && S_ISREG(st.st_mode)) {
        wf_sys_set_path0(abs);
        status = main_run_file_as_main(mainpy);
    } else {
        fprintf(stderr, "%s: can't find '__main__' module in '%s'\n", argv0, *dir ? dir : abs);
        status = 1;
    }
    free(mainpy);
    free(abs);
    return status;
}

static int main_run_script(const char *argv0, const char *script)
{
    if (!*script)
        return main_run_dir(argv0, script);
    FILE *f = fopen(script, "r");
    if (!f) {
        int err = errno;
        char *abs = main_abspath(script);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", argv0, abs, err, strerror(err));
        free(abs);
        return 2;
    }
    fclose(f);
    struct stat st;
    if (stat(script, &st) == 0 && S_ISDIR(st.st_mode))
        return main_run_dir(argv0, script);
    main_set_script_dir(script);
    /* CPython runs the script under its absolute path (__file__, tracebacks). */
    char *abs = main_abspath(script);
    int status = main_run_file_as_main(abs);
    free(abs);
    return status;
}

static int main_run_source(const char *src, size_t len, const char *filename)
{
    Value m = main_module();
    if (!m)
        return wf_runtime_exit_status();
    return main_status(wf_run_source(src, len, filename, wf_module_dict(m), WF_MODE_EXEC));
}

static int main_run_stdin(void)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, stdin)) > 0) {
        len += n;
        if (cap - len < 2)
            buf = realloc(buf, cap *= 2);
    }
    buf[len] = 0;
    wf_sys_set_path0("");
    int st = main_run_source(buf, len, "<stdin>");
    free(buf);
    return st;
}

/* -X dump-ast[=attrs]: print the parser's tree instead of running the program. */
static const char *main_xoption(const MainOptions *o, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < o->nxopts; i++)
        if (!strncmp(o->xopts[i], name, n) && (o->xopts[i][n] == 0 || o->xopts[i][n] == '='))
            return o->xopts[i][n] ? o->xopts[i] + n + 1 : "";
    return NULL;
}

static char *main_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t cap = 4096, n;
    char *buf = malloc(cap);
    *len = 0;
    while ((n = fread(buf + *len, 1, cap - *len - 1, f)) > 0) {
        *len += n;
        if (cap - *len < 2)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[*len] = 0;
    return buf;
}

static int main_dump_ast(const MainOptions *o, const char *how)
{
    size_t len = 0;
    char *src = o->command ? strdup(o->command) : o->script ? main_read_file(o->script, &len) : NULL;
    if (!src) {
        fprintf(stderr, "weft: -X dump-ast needs -c CODE or a readable script\n");
        return 2;
    }
    if (o->command)
        len = strlen(src);
    Arena *arena = wf_arena_new();
    Mod *mod = wf_parse(src, len, o->command ? "<string>" : o->script, WF_MODE_EXEC, arena);
    int status = 0;
    if (mod) {
        if (!strcmp(how, "attrs"))
            wf_ast_dump_attrs(stdout, mod);
        else
            wf_ast_dump(stdout, mod);
        fflush(stdout);
    } else {
        status = wf_runtime_exit_status();
    }
    wf_arena_free(arena);
    free(src);
    return status;
}

static int main_run_module(const char *argv0, const char *name)
{
    Value path = wf_import_find_module(name);
    if (!path) {
        if (wf_err_occurred())
            return wf_runtime_exit_status();
        fprintf(stderr, "%s: No module named %s\n", argv0, name);
        return 1;
    }
    /* runpy imports the enclosing package (or the package itself, for its
     * __main__.py) before running the module as __main__. */
    const char *p = wf_str_cstr(path);
    size_t plen = strlen(p);
    bool is_pkg_main = plen >= 12 && !strcmp(p + plen - 12, "/__main__.py");
    const char *dot = strrchr(name, '.');
    Value pkgname = is_pkg_main ? wf_str_from_cstr(name) : dot ? wf_str_new(name, (size_t)(dot - name)) : 0;
    if (pkgname) {
        Value pkg = wf_import(pkgname, 0, 0, 0);
        if (!pkg)
            return wf_runtime_exit_status();
        wf_decref(pkg);
    }
    Value argv = wf_sys_get("argv");
    if (argv && wf_is_list(argv) && wf_list_size(argv) > 0)
        wf_setitem(argv, wf_small(0), path);
    Value m = main_module();
    if (!m)
        return wf_runtime_exit_status();
    if (pkgname && wf_dict_set(wf_module_dict(m), WF_ID(__package__), pkgname) < 0)
        return wf_runtime_exit_status();
    return main_status(wf_run_file(p, m));
}

int main(int argc, char **argv)
{
    MainOptions o = {0};
    main_parse(argc, argv, &o);

    /* sys.argv: "-c" / the module / the script, then the remaining arguments. */
    int nsys = argc - o.rest + 1;
    char **sysargv = calloc((size_t)nsys + 1, sizeof *sysargv);
    sysargv[0] = (char *)(o.command ? "-c" : o.module ? "-m" : o.script ? o.script : "");
    for (int i = o.rest; i < argc; i++)
        sysargv[i - o.rest + 1] = argv[i];

    wf_sys_ignore_environment = o.ignore_env;
    wf_runtime_gil_option = main_xoption(&o, "gil");
    wf_specialize_configure(main_xoption(&o, "specialization_stats"), o.ignore_env);
    if (wf_runtime_init(nsys, sysargv) < 0) {
        int st = wf_runtime_exit_status();
        wf_runtime_fini();
        return st;
    }
    wf_sys_set_orig_argv(argc, argv);
    main_apply_xoptions(&o);
    const char *unbuf_env = o.ignore_env ? NULL : getenv("PYTHONUNBUFFERED");
    if (unbuf_env && *unbuf_env)
        o.unbuffered = true;
    if (o.unbuffered) {
        wf_file_set_buffering(wf_sys_get("stdout"), false, true);
        wf_file_set_buffering(wf_sys_get("stderr"), false, true);
    }

    int status;
    const char *dump = main_xoption(&o, "dump-ast");
    if (dump) {
        status = main_dump_ast(&o, dump);
    } else if (o.command) {
        wf_sys_set_path0("");
        status = main_run_source(o.command, strlen(o.command), "<string>");
    } else if (o.module) {
        char cwd[PATH_MAX];
        wf_sys_set_path0(getcwd(cwd, sizeof cwd) ? cwd : "");
        status = main_run_module(argv[0], o.module);
    } else if (!o.script || !strcmp(o.script, "-")) {
        status = main_run_stdin();
    } else {
        status = main_run_script(argv[0], o.script);
    }
    /* Shut-down, in CPython's order: wait for the non-daemon threads, run
     * the atexit callbacks, flush. */
    wf_runtime_wait_threads();
    /* What the main thread dropped from shared containers waits for a grace
     * period: run it now, so those finalizers run as they would in CPython. */
    if (wf_runtime_was_multithreaded())
        wf_tstate_flush(wf_tstate());
    wf_atexit_run();
    wf_spec_stats_print();
    if (wf_runtime_fini() < 0 && status == 0)
        status = 120;
    free(sysargv);
    /* Daemon threads may still run or be blocked: do not let exit()'s
     * destructors (liburcu's, stdio's) pull the ground from under them. */
    if (wf_runtime_was_multithreaded()) {
        fflush(NULL);
        _exit(status & 0xff);
    }
    return status & 0xff;
}
