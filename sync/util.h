/* weft: small helpers shared by sync/ (clock, fatal errors, blocking hooks). */
/* sync/ internals -> one place for time, abort-on-OS-failure and block hooks. */
#ifndef WF_SYNC_UTIL_H
#define WF_SYNC_UTIL_H

#include <stdint.h>
#include <time.h>

/* Monotonic time in nanoseconds (CLOCK_MONOTONIC). */
static inline int64_t wf_sync_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Unrecoverable OS failure or broken invariant: print file, function, line,
 * strerror(err) when err != 0, and abort() (liburcu's urcu_die). */
_Noreturn void wf_sync_die(const char *file, const char *func, int line,
                           const char *what, int err);
#define WF_SYNC_DIE(what, err) wf_sync_die(__FILE__, __func__, __LINE__, (what), (err))

/*
 * Blocking hooks. Every operation in sync/ that may put the thread to sleep
 * (parking on a mutex with WF_PARK_DETACH, waiting for the GIL, waiting while
 * the world is stopped) calls wf_sync_block_enter() before sleeping and
 * wf_sync_block_leave() after waking. By default they do nothing. The runtime
 * installs hooks that take the thread offline for RCU (and drop the GIL when
 * it is enabled), so that a sleeping thread never delays a grace period.
 * sync/ stays free of those policies. The hooks must NOT attach to or detach
 * from the registry: the registry's own waits call them while it manages the
 * thread's state itself.
 *
 * Consequence for callers: a thread that holds RCU-protected pointers must
 * take mutexes with WF_LOCK_DONT_DETACH (no hooks, so it stays online), or
 * drop those pointers first.
 *
 * Who may call wf_sync_set_block_hooks: the runtime, once, before the second
 * thread starts (the hooks are read with relaxed loads afterwards).
 * The hooks must not block, and must not call back into a sync/ operation that
 * may itself block.
 */
typedef void (*WfBlockHook)(void);
void wf_sync_set_block_hooks(WfBlockHook enter, WfBlockHook leave);
void wf_sync_block_enter(void);
void wf_sync_block_leave(void);

#endif
