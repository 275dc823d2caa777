/* weft: runs a tests/threads_objects scenario's worker(i) on N threads without the threading module. */
/* scenario.py -> setup in the main thread -> worker(0..N-1) on N bound pthreads -> check() -> exit status. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "weft.h"
#include "runtime.h"

/*
 * Each scenario (tests/threads_objects, one .py file) defines NTHREADS, worker(i) and
 * check() at module level and starts its threads with `threading` only under
 * `if __name__ == "__main__":`. This driver loads the file under another
 * name (so nothing starts), runs worker(0) .. worker(N-1) (N = NTHREADS, or
 * the second argument) on N pthreads bound
 * to the runtime (wf_tstate_new/bind, as _thread does), joins them (detached
 * meanwhile, wf_blocking_begin/end) and calls check(), which prints the
 * scenario's verdict. It lets the scenarios run under ThreadSanitizer before
 * and independently of the threading module:
 *     build-tsan/tests/threads_objects/objects_driver tests/threads_objects/class_attrs.py 4
 * Exit status 1 on any uncaught exception.
 */

typedef struct Worker {
    pthread_t thread;
    ThreadState *ts;
    Value fn;       /* worker, borrowed from the globals */
    int index;
    bool failed;
} Worker;

static void report(const char *where)
{
    fprintf(stderr, "objects_driver: %s raised\n", where);
    Value exc = wf_err_fetch();
    if (exc) {
        wf_exc_print(exc);
        wf_decref(exc);
    }
}

static void *worker_main(void *p)
{
    Worker *w = p;
    wf_tstate_bind(w->ts);
    Value r = wf_call1(w->fn, wf_small(w->index));
    if (!r) {
        report("worker");
        w->failed = true;
    }
    wf_xdecref(r);
    wf_tstate_unbind_and_free(w->ts);
    return NULL;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "objects_driver: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    size_t cap = 1 << 16, n = 0, k;
    char *buf = malloc(cap);
    while ((k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: objects_driver SCENARIO.py [NTHREADS]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 4;
    char *wf_argv[] = {argv[0], NULL};
    if (wf_runtime_init(1, wf_argv) < 0) {
        report("wf_runtime_init");
        return 1;
    }
    size_t len;
    char *src = read_file(argv[1], &len);
    Value g = wf_dict_new();
    wf_dict_set_c(g, "__name__", wf_str_intern_c("__driver__"));
    wf_dict_set_c(g, "__builtins__", wf_builtins_module);
    Value r = wf_run_source(src, len, argv[1], g, WF_MODE_EXEC);
    free(src);
    if (!r) {
        report("the scenario's module body");
        return 1;
    }
    wf_decref(r);
    Value fn = wf_dict_get_c(g, "worker"), check = wf_dict_get_c(g, "check");
    Value nthreads = wf_dict_get_c(g, "NTHREADS");
    if (argc <= 2 && nthreads && wf_is_small(nthreads))
        n = (int)wf_small_val(nthreads);
    if (!fn || !check) {
        fprintf(stderr, "objects_driver: %s defines no worker(i) or check()\n", argv[1]);
        return 2;
    }
    Worker *ws = calloc((size_t)n, sizeof *ws);
    for (int i = 0; i < n; i++) {
        ws[i].fn = fn;
        ws[i].index = i;
        ws[i].ts = wf_tstate_new();
        if (pthread_create(&ws[i].thread, NULL, worker_main, &ws[i]) != 0)
            WF_DIE("pthread_create", errno);
    }
    bool failed = false;
    for (int i = 0; i < n; i++) {
        wf_blocking_begin();
        pthread_join(ws[i].thread, NULL);
        wf_blocking_end();
        failed |= ws[i].failed;
    }
    free(ws);
    r = wf_call0(check);
    if (!r) {
        report("check()");
        return 1;
    }
    wf_decref(r);
    wf_file_flush_all();
    return failed ? 1 : 0;
}
