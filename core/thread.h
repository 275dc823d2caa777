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
} ThreadState;

extern _Thread_local ThreadState *wf_tstate_current;
static inline ThreadState *wf_tstate(void) { return wf_tstate_current; }

extern int wf_recursion_limit;  /* sys.setrecursionlimit, default 1000 */

/* Guard deep C recursion (repr of nested lists, compare, ...): raises
 * RecursionError and returns -1 past the limit. */
int wf_enter_recursive_call(const char *where);
void wf_leave_recursive_call(void);

#endif
