/* weft: a tiny check harness for the C unit tests. */
/* Test functions -> CHECK failures on stderr -> exit status for meson test. */
#ifndef WF_TEST_CHECK_H
#define WF_TEST_CHECK_H

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;

/* Record a failure (does not stop the test, so one run shows every problem). */
#define CHECK(cond) do { \
    if (!(cond)) { \
        fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        __atomic_add_fetch(&check_failures, 1, __ATOMIC_RELAXED); \
    } \
} while (0)

#define CHECK_EQ_LL(a, b) do { \
    long long a_ = (long long)(a), b_ = (long long)(b); \
    if (a_ != b_) { \
        fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%lld != %lld)\n", \
                __FILE__, __LINE__, #a, #b, a_, b_); \
        __atomic_add_fetch(&check_failures, 1, __ATOMIC_RELAXED); \
    } \
} while (0)

#define RUN(test) do { \
    fprintf(stderr, "  %s\n", #test); \
    test(); \
} while (0)

static inline int check_done(const char *name)
{
    int f = __atomic_load_n(&check_failures, __ATOMIC_RELAXED);
    fprintf(stderr, "%s: %s (%d failure%s)\n", name, f ? "FAIL" : "ok", f, f == 1 ? "" : "s");
    return f ? 1 : 0;
}

/* Start n threads running fn(&args[i * size]) and join them all. */
static inline void run_threads(int n, void *(*fn)(void *), void *args, size_t size)
{
    pthread_t *t = calloc((size_t)n, sizeof *t);
    for (int i = 0; i < n; i++)
        if (pthread_create(&t[i], NULL, fn, (char *)args + (size_t)i * size) != 0) {
            perror("pthread_create");
            abort();
        }
    for (int i = 0; i < n; i++)
        pthread_join(t[i], NULL);
    free(t);
}

static inline int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

#endif
