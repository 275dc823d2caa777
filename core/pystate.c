/* weft: the multi-threaded runtime's contracts (thread.h). */
/* PLACEHOLDER until the free-threaded runtime lands: no RCU, no biased counts yet. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include "weft.h"

bool wf_runtime_multithreaded(void) { return false; }
void wf_defer_decref(Value v) { wf_decref(v); }
void wf_defer_free(void *p) { wf_mem_free(p); }
void wf_blocking_begin(void) {}
void wf_blocking_end(void) {}

ThreadState *wf_tstate_new(void)
{
    ThreadState *ts = calloc(1, sizeof *ts);
    if (!ts)
        WF_DIE("cannot allocate a thread state", errno);
    return ts;
}

void wf_tstate_bind(ThreadState *ts)
{
    ts->tid = (uintptr_t)pthread_self();
    wf_tstate_current = ts;
}

/* LEAK: the placeholder keeps the frame data stack mapped. */
void wf_tstate_unbind_and_free(ThreadState *ts)
{
    wf_tstate_current = NULL;
    free(ts);
}
