/* weft: shared helpers for the C stress drivers. */
/* argv/env -> run duration; a small PRNG; failure counting. */
#ifndef WF_STRESS_H
#define WF_STRESS_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Duration in seconds: argv[1] if given, else WF_STRESS_SECONDS, else 60
 * with WF_STRESS_LONG=1, else the short default. */
static inline double stress_seconds(int argc, char **argv, double short_default)
{
    if (argc > 1)
        return atof(argv[1]);
    const char *s = getenv("WF_STRESS_SECONDS");
    if (s && *s)
        return atof(s);
    s = getenv("WF_STRESS_LONG");
    if (s && *s && *s != '0')
        return 60.0;
    return short_default;
}

static inline int64_t stress_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static inline void stress_sleep_us(int us)
{
    struct timespec ts = { us / 1000000, (long)(us % 1000000) * 1000 };
    nanosleep(&ts, NULL);
}

/* xorshift64*: per-thread, deterministic from its seed. */
static inline uint64_t stress_rand(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

#endif
