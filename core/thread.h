/* weft: the per-thread interpreter state. */
/* Thread -> (current exception, frame stack, recursion depth). */
#ifndef WF_THREAD_H
#define WF_THREAD_H

#include "object.h"

struct Frame;

typedef struct ThreadState {
    Value exc;                 /* exception being raised now, or 0 */
    Value exc_info;            /* exception being handled (sys.exc_info()), or 0 */
    struct Frame *frame;       /* innermost executing frame */
    int recursion_depth;       /* Python-level call depth */
    int c_recursion_depth;     /* C-level nesting (repr, compare, ...) */
    char *datastack_base;      /* frames are bump-allocated here (core/ceval.c) */
    char *datastack_top;
    char *datastack_limit;
    uintptr_t tid;             /* id used for biased reference counts */
    struct ThreadState *next;  /* registry (sync/, later) */
    struct WfCritSec *critsec; /* innermost active critical section (core/critsec.h) */
} ThreadState;

extern _Thread_local ThreadState *wf_tstate_current;
static inline ThreadState *wf_tstate(void) { return wf_tstate_current; }

extern int wf_recursion_limit;  /* sys.setrecursionlimit, default 1000 */

/* Guard deep C recursion (repr of nested lists, compare, ...): raises
 * RecursionError and returns -1 past the limit. */
int wf_enter_recursive_call(const char *where);
void wf_leave_recursive_call(void);


/* ---- the multi-threaded runtime (core/pystate.c) ----
 * The contracts the containers, objects and modules rely on. */

/* True once a second thread has ever started (acquire load); it never goes
 * back to false. Before that no other thread can observe any object, so code
 * may take single-threaded shortcuts (immediate frees instead of deferred). */
bool wf_runtime_multithreaded(void);

/* Decref v after a grace period: once every thread that might have loaded v
 * from shared memory without owning a reference (a lock-free reader) has
 * passed a quiescent state. For writers that replace or remove a value that
 * lock-free readers may be looking at. Immediate while single-threaded. */
void wf_defer_decref(Value v);
/* wf_mem_free(p) after a grace period (a container's old storage). */
void wf_defer_free(void *p);

/* Bracket a blocking operation (sleep, a lock wait, a join, file I/O, waiting
 * for input): the thread detaches (goes RCU-offline, drops the GIL when it is
 * on, suspends its critical sections) and re-attaches after. Between the two
 * calls the thread must not touch any object another thread can see. */
void wf_blocking_begin(void);
void wf_blocking_end(void);


/* Thread lifecycle, used by the _thread module (core/threadmodule.c) to run
 * Python code on a new OS thread:
 *   creator:     ts = wf_tstate_new();   then pthread_create
 *   new thread:  wf_tstate_bind(ts);     first thing (TLS, registry, RCU, GIL)
 *                ... run Python code ...
 *                wf_tstate_unbind_and_free(ts);   last thing (flushes deferred
 *                work, leaves the registry and RCU, frees the state)
 * wf_tstate_new marks the runtime multithreaded (wf_runtime_multithreaded). */
ThreadState *wf_tstate_new(void);
void wf_tstate_bind(ThreadState *ts);
void wf_tstate_unbind_and_free(ThreadState *ts);

#endif
