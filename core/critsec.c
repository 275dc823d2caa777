/* weft: per-object critical sections (the slow paths; rules in critsec.h). */
/* Busy mutex -> suspend the enclosing sections, park (RCU offline), resume innermost. */
#include "critsec.h"

/* Rule 5: push cs holding nothing, suspend the enclosing sections, then take
 * the mutexes, sleeping as long as needed. m1_locked: the fast path already
 * holds m1 (two-object section whose m2 was busy). */
void wf_critsec_begin_slow(WfCritSec *cs, uint8_t *m1, uint8_t *m2, bool m1_locked)
{
    ThreadState *ts = wf_tstate();
    wf_critsec_suspend_all(ts);
    cs->m1 = NULL;
    cs->m2 = NULL;
    cs->prev = ts->critsec;
    cs->state = 0;
    ts->critsec = cs;
    /* wf_mutex_lock parks through the blocking hooks (WF_PARK_DETACH). If a
     * hook suspends sections, cs is found holding nothing (rule 6). m1 < m2,
     * so holding m1 while waiting for m2 keeps every wait address-ordered. */
    if (!m1_locked)
        wf_mutex_lock(m1);
    if (m2)
        wf_mutex_lock(m2);
    cs->m1 = m1;
    cs->m2 = m2;
    cs->state = 0;  /* a hook's suspend_all may have marked it; it holds both now */
}

void wf_critsec_suspend_all(ThreadState *ts)
{
    /* The first suspended section ends the walk: everything under a
     * suspended section is suspended too (only the innermost is resumed). */
    for (WfCritSec *c = ts->critsec; c && !(c->state & WF_CRITSEC_SUSPENDED); c = c->prev) {
        if (c->m2)
            wf_mutex_unlock(c->m2);
        if (c->m1)
            wf_mutex_unlock(c->m1);
        c->state |= WF_CRITSEC_SUSPENDED;
    }
}

/* Re-take the innermost section's mutexes if it is suspended. The flag stays
 * set while we wait, so a suspend_all from a blocking hook leaves it alone. */
void wf_critsec_resume(ThreadState *ts)
{
    WfCritSec *c = ts->critsec;
    if (!c || !(c->state & WF_CRITSEC_SUSPENDED))
        return;
    if (c->m1)
        wf_mutex_lock(c->m1);
    if (c->m2)
        wf_mutex_lock(c->m2);
    c->state &= ~(uintptr_t)WF_CRITSEC_SUSPENDED;
}
