/* weft: per-object critical sections. */
/* PLACEHOLDER until the containers work lands: sections lock nothing yet. */
#include "critsec.h"

void wf_critsec_begin(WfCritSec *cs, Object *o) { (void)cs; (void)o; }
void wf_critsec_begin2(WfCritSec *cs, Object *a, Object *b) { (void)cs; (void)a; (void)b; }
void wf_critsec_end(WfCritSec *cs) { (void)cs; }
void wf_critsec_suspend_all(ThreadState *ts) { (void)ts; }
void wf_critsec_resume(ThreadState *ts) { (void)ts; }
