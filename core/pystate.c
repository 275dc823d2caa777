/* weft: the multi-threaded runtime's contracts (thread.h). */
/* PLACEHOLDER until the free-threaded runtime lands: one thread, so everything is immediate. */
#include "weft.h"

bool wf_runtime_multithreaded(void) { return false; }
void wf_defer_decref(Value v) { wf_decref(v); }
void wf_defer_free(void *p) { wf_mem_free(p); }
void wf_blocking_begin(void) {}
void wf_blocking_end(void) {}
