/* weft: unit tests for the parking lot. */
/* sync/parking_lot.h -> value check, timeouts, FIFO wake-ups, callbacks, signals. */
#include "sync/parking_lot.h"
#include "sync/atomic.h"
#include "check.h"

static uint32_t word;

static void test_value_mismatch(void)
{
    uint32_t expected = 1;
    wf_atomic_store_relaxed_u32(&word, 0);
    CHECK_EQ_LL(wf_parking_lot_park(&word, &expected, 4, -1, NULL, 0), WF_PARK_AGAIN);
}

static void test_timeout(void)
{
    uint32_t expected = 0;
    int64_t t0 = now_ns();
    CHECK_EQ_LL(wf_parking_lot_park(&word, &expected, 4, 30000000, NULL, 0), WF_PARK_TIMEOUT);
    int64_t dt = now_ns() - t0;
    CHECK(dt >= 30000000);
    CHECK(dt < 2000000000);
    CHECK_EQ_LL(wf_parking_lot_count(&word), 0);
    CHECK_EQ_LL(wf_parking_lot_park(&word, &expected, 4, 0, NULL, 0), WF_PARK_TIMEOUT);
}

#define NW 6
static int results[NW];

static void *parker(void *arg)
{
    int id = *(int *)arg;
    uint32_t expected = 0;
    results[id] = wf_parking_lot_park(&word, &expected, 4, -1, arg, WF_PARK_DETACH);
    return NULL;
}

static int woken_order[NW], nwoken;
static int more_seen[NW];

static void record(void *arg, void *park_arg, int has_more)
{
    (void)arg;
    CHECK(park_arg != NULL);
    if (park_arg) {
        woken_order[nwoken] = *(int *)park_arg;
        more_seen[nwoken] = has_more;
        nwoken++;
    }
}

static void wait_count(const void *addr, int n)
{
    int64_t t0 = now_ns();
    while (wf_parking_lot_count(addr) != n && now_ns() - t0 < 5000000000LL)
        sleep_ms(1);
    CHECK_EQ_LL(wf_parking_lot_count(addr), n);
}

/* Threads park one after another; unpark wakes them in FIFO order and tells
 * the callback whether more remain. */
static void test_fifo_unpark(void)
{
    pthread_t t[NW];
    int ids[NW];
    for (int i = 0; i < NW; i++) {
        ids[i] = i;
        pthread_create(&t[i], NULL, parker, &ids[i]);
        wait_count(&word, i + 1);
    }
    for (int i = 0; i < NW; i++)
        CHECK_EQ_LL(wf_parking_lot_unpark(&word, record, NULL), 1);
    for (int i = 0; i < NW; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ_LL(nwoken, NW);
    for (int i = 0; i < NW; i++) {
        CHECK_EQ_LL(woken_order[i], i);
        CHECK_EQ_LL(more_seen[i], i < NW - 1);
        CHECK_EQ_LL(results[i], WF_PARK_OK);
    }
}

static int null_calls;
static void on_empty(void *arg, void *park_arg, int has_more)
{
    (void)arg;
    CHECK(park_arg == NULL);
    CHECK(!has_more);
    null_calls++;
}

static void test_unpark_nobody(void)
{
    CHECK_EQ_LL(wf_parking_lot_unpark(&word, on_empty, NULL), 0);
    CHECK_EQ_LL(null_calls, 1);
}

static void test_unpark_all(void)
{
    pthread_t t[NW];
    int ids[NW];
    for (int i = 0; i < NW; i++) {
        ids[i] = i;
        results[i] = 99;
        pthread_create(&t[i], NULL, parker, &ids[i]);
    }
    wait_count(&word, NW);
    CHECK_EQ_LL(wf_parking_lot_unpark_all(&word), NW);
    for (int i = 0; i < NW; i++) {
        pthread_join(t[i], NULL);
        CHECK_EQ_LL(results[i], WF_PARK_OK);
    }
}

/* Ping-pong: two threads hand a token back and forth through park/unpark;
 * no wake-up may be lost (the count is exact and the test ends). */
#define ROUNDS 20000
static uint32_t turn;  /* 0: ping's turn, 1: pong's */

static void *pingpong(void *arg)
{
    uint32_t me = (uint32_t)*(int *)arg;
    for (int i = 0; i < ROUNDS; i++) {
        uint32_t v;
        while ((v = wf_atomic_load_acquire_u32(&turn)) != me)
            wf_parking_lot_park(&turn, &v, 4, -1, NULL, 0);
        wf_atomic_store_release_u32(&turn, 1 - me);
        wf_parking_lot_unpark_all(&turn);
    }
    return NULL;
}

static void test_no_lost_wakeups(void)
{
    int ids[2] = { 0, 1 };
    run_threads(2, pingpong, ids, sizeof(int));
    CHECK_EQ_LL(wf_atomic_load_relaxed_u32(&turn), 0);
}

/* WF_PARK_INTERRUPTIBLE: a signal ends the sleep with WF_PARK_INTR. */
static void on_signal(int sig) { (void)sig; }
static int intr_result;
static uint32_t intr_word;

static void *intr_parker(void *arg)
{
    (void)arg;
    uint32_t expected = 0;
    intr_result = wf_parking_lot_park(&intr_word, &expected, 4, 5000000000LL, NULL,
                                      WF_PARK_INTERRUPTIBLE);
    return NULL;
}

static void test_interrupt(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;  /* no SA_RESTART: the futex wait returns EINTR */
    sigaction(SIGUSR1, &sa, NULL);
    pthread_t t;
    pthread_create(&t, NULL, intr_parker, NULL);
    wait_count(&intr_word, 1);
    int64_t t0 = now_ns();
    pthread_kill(t, SIGUSR1);
    pthread_join(t, NULL);
    CHECK_EQ_LL(intr_result, WF_PARK_INTR);
    CHECK(now_ns() - t0 < 2000000000LL);
    CHECK_EQ_LL(wf_parking_lot_count(&intr_word), 0);
}

int main(void)
{
    RUN(test_value_mismatch);
    RUN(test_timeout);
    RUN(test_fifo_unpark);
    RUN(test_unpark_nobody);
    RUN(test_unpark_all);
    RUN(test_no_lost_wakeups);
    RUN(test_interrupt);
    return check_done("test_parking_lot");
}
