/* weft: per-object critical sections (free-threaded CPython's Py_BEGIN_CRITICAL_SECTION). */
/* Object -> its header mutex held for one container operation, deadlock-free by suspension. */
#ifndef WF_CRITSEC_H
#define WF_CRITSEC_H

#include "weft.h"

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
 */
typedef struct WfCritSec {
    uint8_t *m1, *m2;          /* the mutexes (m2 == 0 for one object) */
    struct WfCritSec *prev;    /* the enclosing section */
    uintptr_t state;           /* implementation's bits (suspended, no-op) */
} WfCritSec;

void wf_critsec_begin(WfCritSec *cs, Object *o);
/* Two objects at once (a.update(b), a == b on lists): locked in address
 * order; a == b degrades to one. */
void wf_critsec_begin2(WfCritSec *cs, Object *a, Object *b);
void wf_critsec_end(WfCritSec *cs);

#define WF_CRITSEC_BEGIN(o) { WfCritSec wf_cs_; wf_critsec_begin(&wf_cs_, (Object *)(o));
#define WF_CRITSEC_END() wf_critsec_end(&wf_cs_); }

/* For core/pystate.c's wf_blocking_begin/end (rule 2). */
void wf_critsec_suspend_all(ThreadState *ts);
void wf_critsec_resume(ThreadState *ts);

#endif
