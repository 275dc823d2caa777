/* weft: per-object critical sections (free-threaded CPython's Py_BEGIN_CRITICAL_SECTION). */
/* Object -> its header mutex held for one container operation, deadlock-free by suspension. */
#ifndef WF_CRITSEC_H
#define WF_CRITSEC_H

#include "weft.h"
#include "sync/mutex.h"

/*
 * A critical section locks the one-byte mutex in an object's header
 * (ob_mutex) for the length of one operation, so that every single container
 * operation is atomic. The rules are CPython's (Include/internal/
 * pycore_critical_section.h):
 *  1. Sections nest; the thread keeps a stack of them (ThreadState.critsec).
 *  2. When the thread blocks (waiting for a section's mutex, or anything
 *     bracketed by wf_blocking_begin/end), ALL its sections are suspended
 *     (their mutexes released); when it resumes, only the innermost is taken
 *     again, the others when they become innermost. So sections never
 *     deadlock, but an outer section is atomic only up to the first block.
 *  3. Beginning a section on the mutex the innermost section already holds is
 *     a no-op (re-entry from a callback on the same object).
 *
 * How this implementation keeps them (critsec.c):
 *  4. Fast path: one CAS on the mutex (acquire) and a push on the thread's
 *     stack; end pops and unlocks (a release CAS, wf_mutex_unlock). Both are
 *     inline below.
 *  5. A section whose mutex is busy is pushed first, holding nothing, then
 *     suspends every enclosing section and parks on the mutex through
 *     wf_mutex_lock, which calls sync/'s blocking hooks (RCU offline while
 *     asleep). So a waiting thread holds no mutex except, for a two-object
 *     section, the lower-addressed one while it waits for the higher: every
 *     wait is for a higher address than anything held, so no cycle exists.
 *  6. The section being acquired is on the stack while it waits, holding
 *     nothing, so wf_critsec_suspend_all/resume are harmless if the runtime
 *     calls them from the blocking hooks too (resume then finds that section
 *     innermost and takes nothing).
 *  7. Ending a section re-takes the enclosing one if it was suspended
 *     (it is then innermost). wf_blocking_end calls wf_critsec_resume for the
 *     innermost section after a blocking call.
 *  8. A thread's sections are its own business: no other thread reads its
 *     stack, so the stack and the state bits are plain fields.
 *
 * The thread must have a ThreadState (wf_tstate()) to use sections.
 */
typedef struct WfCritSec {
    uint8_t *m1, *m2;          /* the mutexes (m2 == 0 for one object), m1 < m2 */
    struct WfCritSec *prev;    /* the enclosing section */
    uintptr_t state;           /* WF_CRITSEC_* bits below */
} WfCritSec;

#define WF_CRITSEC_SUSPENDED 1u  /* on the stack, mutexes released (rule 2) */
#define WF_CRITSEC_NOOP 2u       /* not pushed: the innermost section holds the mutex (rule 3) */

/* For core/pystate.c's wf_blocking_begin/end (rule 2): release every active
 * section's mutexes (idempotent), and re-take the innermost one's. */
void wf_critsec_suspend_all(ThreadState *ts);
void wf_critsec_resume(ThreadState *ts);

/* Out-of-line path (critsec.c). */
void wf_critsec_begin_slow(WfCritSec *cs, uint8_t *m1, uint8_t *m2, bool m1_locked);

/* Does the innermost, active section hold m? (rule 3) */
static inline bool critsec_top_holds(const WfCritSec *top, const uint8_t *m)
{
    return top && !(top->state & WF_CRITSEC_SUSPENDED) && (top->m1 == m || top->m2 == m);
}

static inline void wf_critsec_begin(WfCritSec *cs, Object *o)
{
    ThreadState *ts = wf_tstate();
    uint8_t *m = &o->ob_mutex;
    if (critsec_top_holds(ts->critsec, m)) {
        cs->state = WF_CRITSEC_NOOP;
        return;
    }
    uint8_t expected = WF_MUTEX_UNLOCKED;
    /* acquire: pairs with the release in wf_mutex_unlock() of the previous holder. */
    if (!wf_atomic_cas_acquire_u8(m, &expected, WF_MUTEX_LOCKED)) {
        wf_critsec_begin_slow(cs, m, NULL, false);
        return;
    }
    cs->m1 = m;
    cs->m2 = NULL;
    cs->prev = ts->critsec;
    cs->state = 0;
    ts->critsec = cs;
}

/* Two objects at once (a.update(b), a == b on lists): locked in address
 * order; a == b degrades to one. */
static inline void wf_critsec_begin2(WfCritSec *cs, Object *a, Object *b)
{
    if (a == b) {
        wf_critsec_begin(cs, a);
        return;
    }
    uint8_t *m1 = &a->ob_mutex, *m2 = &b->ob_mutex;
    if ((uintptr_t)m1 > (uintptr_t)m2) {
        uint8_t *t = m1;
        m1 = m2;
        m2 = t;
    }
    ThreadState *ts = wf_tstate();
    WfCritSec *top = ts->critsec;
    if (critsec_top_holds(top, m1) && critsec_top_holds(top, m2)) {
        cs->state = WF_CRITSEC_NOOP;
        return;
    }
    uint8_t expected = WF_MUTEX_UNLOCKED;
    /* acquire: pairs with the release in wf_mutex_unlock() of the previous holder. */
    if (!wf_atomic_cas_acquire_u8(m1, &expected, WF_MUTEX_LOCKED)) {
        wf_critsec_begin_slow(cs, m1, m2, false);
        return;
    }
    expected = WF_MUTEX_UNLOCKED;
    /* acquire: as above. */
    if (!wf_atomic_cas_acquire_u8(m2, &expected, WF_MUTEX_LOCKED)) {
        wf_critsec_begin_slow(cs, m1, m2, true);
        return;
    }
    cs->m1 = m1;
    cs->m2 = m2;
    cs->prev = ts->critsec;
    cs->state = 0;
    ts->critsec = cs;
}

static inline void wf_critsec_end(WfCritSec *cs)
{
    if (cs->state & WF_CRITSEC_NOOP)
        return;
    ThreadState *ts = wf_tstate();
    WF_ASSERT(ts->critsec == cs && !(cs->state & WF_CRITSEC_SUSPENDED));
    WfCritSec *prev = cs->prev;
    ts->critsec = prev;
    if (cs->m2)
        wf_mutex_unlock(cs->m2);
    wf_mutex_unlock(cs->m1);
    if (prev && (prev->state & WF_CRITSEC_SUSPENDED))
        wf_critsec_resume(ts);
}

#define WF_CRITSEC_BEGIN(o) { WfCritSec wf_cs_; wf_critsec_begin(&wf_cs_, (Object *)(o));
#define WF_CRITSEC_END() wf_critsec_end(&wf_cs_); }
#define WF_CRITSEC_BEGIN2(a, b) { WfCritSec wf_cs_; wf_critsec_begin2(&wf_cs_, (Object *)(a), (Object *)(b));

/* Debugging and tests: does the calling thread's innermost active section hold o? */
static inline bool wf_critsec_held(Object *o)
{
    ThreadState *ts = wf_tstate();
    return ts && critsec_top_holds(ts->critsec, &o->ob_mutex);
}

#endif
