/* weft: start-up and shut-down of the runtime. */
/* argc/argv -> a ready interpreter (types, builtins, sys); uncaught exception -> exit status. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "runtime.h"
#include "sync/eval_breaker.h"

/*
 * Start-up order (the init list at the end of core/types.h):
 *   1. the threads runtime (GIL setting, registry, blocking hooks) and the
 *      main ThreadState, bound like any other thread, before anything
 *      allocates (objects record their owning thread id);
 *   2. object, ids, str, int, float, tuple, list, dict; then
 *      wf_object_init_late() finishes readying the types whose wf_type_ready
 *      ran before dicts existed;
 *   3. set, range, iterators, exceptions, functions, builtins, and finally
 *      the module registry with sys.
 */

_Thread_local ThreadState *wf_tstate_current;

/*
 * SIGINT. The handler (installed without SA_RESTART) only sets
 * wf_sigint_pending and the SIGNALS_PENDING bit of the main thread's eval
 * breaker; the main thread turns it into KeyboardInterrupt at its next loop
 * back-edge (core/pystate.c, wf_eval_breaker_slow), and file reads, which set
 * wf_sigint_blocking around read(), see read() return EINTR. A second Ctrl-C
 * arriving before the first was seen (a long computation inside C code)
 * restores the default action and re-raises the signal, which ends the
 * process (status 130 as seen by the shell).
 */
volatile sig_atomic_t wf_sigint_pending;
volatile sig_atomic_t wf_sigint_blocking;

static void rt_sigint(int sig)
{
    /* The main thread's periodic check sees its eval breaker bit (core/ceval.c)
     * and blocking reads poll the flag. A second Ctrl-C before the first was
     * seen (a long loop inside C code) ends the process as the default would.
     * The handler may run on any thread; the atomic OR is lock-free, so it is
     * async-signal-safe. */
    if (wf_sigint_blocking || !wf_sigint_pending) {
        wf_sigint_pending = 1;
        if (wf_main_tstate)
            wf_eval_breaker_set(&wf_main_tstate->entry.eval_breaker, WF_EB_SIGNALS_PENDING);
        return;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void rt_install_signals(void)
{
    struct sigaction old, sa;
    /* An ignored SIGINT (background jobs of a shell) stays ignored, as in CPython. */
    if (sigaction(SIGINT, NULL, &old) < 0 || old.sa_handler != SIG_DFL)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = rt_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  /* no SA_RESTART: a blocked read() must return EINTR */
    sigaction(SIGINT, &sa, NULL);
}

/* Provided by the objects owner; weak so start-up links before it lands. */
void wf_object_init_late(void) __attribute__((weak));

const char *wf_runtime_gil_option;

int wf_runtime_init(int argc, char **argv)
{
    wf_runtime_threads_init(wf_runtime_gil_option);
    rt_install_signals();
    wf_object_init();
    wf_ids_init();
    wf_str_init();
    wf_int_init();
    wf_float_init();
    wf_tuple_init();
    wf_list_init();
    wf_dict_init();
    if (wf_object_init_late)
        wf_object_init_late();
    wf_set_init();
    wf_range_init();
    wf_iter_init();
    wf_exceptions_init();
    wf_func_init();
    wf_builtins_init();
    wf_modules_init();
    wf_sys_set_argv(argc, argv);
    return wf_err_occurred() ? -1 : 0;
}

/* SystemExit(code): None -> 0, int -> code, anything else is printed -> 1. */
static int rt_system_exit_status(Value exc)
{
    Value code = ((ExceptionObject *)wf_obj(exc))->value;
    if (!code || code == wf_None)
        return 0;
    if (wf_is_int(code)) {
        int64_t n;
        if (wf_int_as_i64(code, &n) < 0 || n != (int)n) {
            wf_err_clear();
            return -1 & 0xff;
        }
        return (int)n;
    }
    Value err = wf_sys_get("stderr");
    if (err && err != wf_None) {
        if (wf_print_value(code, err) < 0)
            wf_err_clear();
    } else {
        Value s = wf_str(code);
        if (s) {
            fprintf(stderr, "%s\n", wf_str_cstr(s));
            wf_decref(s);
        }
        wf_err_clear();
    }
    return 1;
}

/* Print an uncaught exception through sys.excepthook (our own printer
 * unless the program replaced it), as CPython's PyErr_Print does. */
static void rt_print_uncaught(Value exc)
{
    Value hook = wf_sys_get("excepthook");
    Value orig = wf_sys_get("__excepthook__");
    if (!hook || hook == orig || hook == wf_None) {
        wf_exc_print(exc);
        return;
    }
    Value tb = ((ExceptionObject *)wf_obj(exc))->traceback;
    Value args[3] = {wf_val(wf_type(exc)), exc, tb ? tb : wf_None};
    Value r = wf_call(hook, args, 3, 0);
    if (r) {
        wf_decref(r);
        return;
    }
    Value err = wf_err_fetch();
    wf_sys_write_stderr("Error in sys.excepthook:\n");
    wf_exc_print(err);
    wf_sys_write_stderr("\nOriginal exception was:\n");
    wf_exc_print(exc);
    wf_xdecref(err);
}

int wf_runtime_exit_status(void)
{
    Value exc = wf_err_fetch();
    if (!exc)
        return 0;
    int status;
    if (wf_isinstance_type(exc, wf_exc_SystemExit)) {
        status = rt_system_exit_status(exc);
    } else {
        rt_print_uncaught(exc);
        status = wf_isinstance_type(exc, wf_exc_KeyboardInterrupt) ? 130 : 1;
    }
    wf_decref(exc);
    return status;
}

void wf_runtime_report_ignored(const char *what, Value obj, const char *fallback)
{
    Value err = wf_err_fetch();
    Value rep = wf_repr(obj);
    wf_err_clear();
    Value line = wf_str_printf("%s: %s\n", what, rep ? wf_str_cstr(rep) : fallback);
    wf_xdecref(rep);
    if (line) {
        wf_sys_write_stderr(wf_str_cstr(line));
        wf_decref(line);
    }
    wf_err_clear();
    wf_exc_print(err);
    wf_xdecref(err);
}

/* Flush a sys stream through its own flush() (it may be a user object);
 * a failure is reported as CPython's finalizer does. Returns -1 then. */
static int rt_flush_stream(const char *name)
{
    Value f = wf_sys_get(name);
    if (!f || f == wf_None)
        return 0;
    /* A stream the program closed is left alone (CPython's flush_std_files). */
    Value closed = wf_getattr_c(f, "closed");
    int is_closed = closed ? wf_truthy(closed) : 0;
    wf_xdecref(closed);
    wf_err_clear();
    if (is_closed > 0)
        return 0;
    Value r = wf_call_method(f, "flush", NULL, 0);
    if (r) {
        wf_decref(r);
        return 0;
    }
    wf_runtime_report_ignored("Exception ignored in", f, "<stream>");
    return -1;
}

void wf_runtime_wait_threads(void)
{
    Value modules = wf_sys_get("modules");
    Value threading = modules && wf_is_dict(modules) ? wf_dict_get_c(modules, "threading") : 0;
    if (!threading) {
        wf_err_clear();
        return;
    }
    Value pending = wf_err_fetch();
    wf_incref(threading);
    Value r = wf_call_method(threading, "_shutdown", NULL, 0);
    if (r)
        wf_decref(r);
    else if (wf_err_matches(wf_exc_AttributeError))
        wf_err_clear();   /* a module of that name without _shutdown */
    else
        wf_runtime_report_ignored("Exception ignored in", threading, "<module 'threading'>");
    wf_decref(threading);
    wf_err_restore(pending);
}

int wf_runtime_fini(void)
{
    Value pending = wf_err_fetch();
    int r = rt_flush_stream("stdout");
    if (rt_flush_stream("stderr") < 0)
        r = -1;
    wf_file_flush_all();
    wf_err_restore(pending);
    return r;
}
