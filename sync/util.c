/* weft: small helpers shared by sync/ (clock, fatal errors, blocking hooks). */
/* sync/ internals -> one place for time, abort-on-OS-failure and block hooks. */
#define _GNU_SOURCE
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"

_Noreturn void wf_sync_die(const char *file, const char *func, int line,
                           const char *what, int err)
{
    if (err)
        fprintf(stderr, "weft: fatal: %s:%s:%d: %s: %s\n", file, func, line, what, strerror(err));
    else
        fprintf(stderr, "weft: fatal: %s:%s:%d: %s\n", file, func, line, what);
    abort();
}

static WfBlockHook block_enter_hook, block_leave_hook;

void wf_sync_set_block_hooks(WfBlockHook enter, WfBlockHook leave)
{
    /* relaxed: set once before the threads that read them exist (see util.h). */
    wf_atomic_store_relaxed_ptr(&block_enter_hook, (void *)enter);
    wf_atomic_store_relaxed_ptr(&block_leave_hook, (void *)leave);
}

void wf_sync_block_enter(void)
{
    WfBlockHook h = (WfBlockHook)wf_atomic_load_relaxed_ptr(&block_enter_hook);
    if (h)
        h();
}

void wf_sync_block_leave(void)
{
    WfBlockHook h = (WfBlockHook)wf_atomic_load_relaxed_ptr(&block_leave_hook);
    if (h)
        h();
}
