/* weft: ThreadSanitizer detection and happens-before annotations. */
/* Synchronization TSan cannot see (liburcu, futexes) -> explicit acquire/release edges. */
#ifndef WF_SYNC_TSAN_H
#define WF_SYNC_TSAN_H

/*
 * WF_TSAN is 1 when the translation unit is built with -fsanitize=thread
 * (clang: __has_feature(thread_sanitizer); gcc: __SANITIZE_THREAD__), else 0.
 *
 * wf_tsan_release(addr) / wf_tsan_acquire(addr) tell TSan that everything this
 * thread did before the release happens-before everything another thread does
 * after an acquire on the same address. They compile to nothing without TSan.
 * Use them only where the real synchronization lives in code TSan does not
 * instrument (liburcu's grace periods; see sync/rcu.c and docs/sync.md), and
 * always in pairs on one agreed token address; never to hide a real race.
 */
#if defined(__has_feature)
#  if __has_feature(thread_sanitizer)
#    define WF_TSAN 1
#  endif
#endif
#if !defined(WF_TSAN) && defined(__SANITIZE_THREAD__)
#  define WF_TSAN 1
#endif
#ifndef WF_TSAN
#  define WF_TSAN 0
#endif

/* -DWF_TSAN_NO_ANNOTATIONS keeps TSan but drops the annotations: the
 * experiment that shows why they are needed (docs/sync.md). */
#if WF_TSAN && !defined(WF_TSAN_NO_ANNOTATIONS)
/* Provided by the TSan runtime (compiler-rt / libtsan). */
void __tsan_acquire(void *addr);
void __tsan_release(void *addr);
#  define wf_tsan_acquire(addr) __tsan_acquire((void *)(addr))
#  define wf_tsan_release(addr) __tsan_release((void *)(addr))
#  define WF_NO_SANITIZE_THREAD __attribute__((no_sanitize("thread")))
#else
#  define wf_tsan_acquire(addr) ((void)(addr))
#  define wf_tsan_release(addr) ((void)(addr))
#  define WF_NO_SANITIZE_THREAD
#endif

#endif
