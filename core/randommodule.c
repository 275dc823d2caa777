/* weft: the random module (Mersenne Twister plus Lib/random.py's algorithms). */
/* seed -> MT19937 state -> the same numbers CPython 3.11 produces. */
#include <math.h>
#include <stdarg.h>
#include <time.h>
#include <stdio.h>
#include <sys/random.h>
#include "int.h"
#include "critsec.h"

/*
 * Reproducing CPython's sequences needs three things to match exactly:
 *  1. seeding: init_by_array() over the 32-bit words of abs(seed), least
 *     significant first (a zero seed is the one-word key [0]);
 *  2. the generators: random() from two draws (27 + 26 bits) and
 *     getrandbits(k) from 32-bit draws assembled least significant first;
 *  3. the Python-level algorithms of Lib/random.py (randbelow by rejection
 *     with k = n.bit_length(), shuffle from the end, sample's two strategies,
 *     choices with floor/bisect, gauss with its cached second value).
 */

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

/* Lists longer than this are refused with MemoryError (an allocation failure
 * would abort the process). */
#define RND_MAX_ITEMS ((intptr_t)1 << 28)

typedef struct RandomObject {
    Object ob;
    Value dict;               /* instance dict of subclasses (typeobject.c fills tp_dictoffset) */
    uint32_t state[MT_N];
    int index;
    double gauss_next;
    bool has_gauss;
} RandomObject;

static TypeObject random_type;

static RandomObject *rnd(Value v) { return (RandomObject *)wf_obj(v); }

/* ---- the generator ---- */

static void mt_init_genrand(RandomObject *r, uint32_t s)
{
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void mt_init_by_array(RandomObject *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->state;
    mt_init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

static uint32_t mt_next(RandomObject *r)
{
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t *mt = r->state, y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static double mt_random(RandomObject *r)
{
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for k <= 64, as an unsigned C integer. */
static uint64_t mt_bits64(RandomObject *r, int k)
{
    if (k <= 32)
        return mt_next(r) >> (32 - k);
    uint64_t lo = mt_next(r);
    uint64_t hi = mt_next(r) >> (64 - k);
    return lo | (hi << 32);
}

static Value mt_getrandbits(RandomObject *r, uint64_t k)
{
    if (k == 0)
        return wf_small(0);
    if (k <= 64)
        return wf_int_from_u64(mt_bits64(r, (int)k));
    if (k > ((uint64_t)1 << 33))
        return wf_err_no_memory();  /* refuse rather than abort on allocation */
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = wf_mem_alloc(words * sizeof(uint32_t));
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = mt_next(r);
        if (k < 32)
            x >>= (32 - k);
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    wf_mem_free(w);
    return wf_int_steal_mpz(z);
}

/* _randbelow(n) for an int n > 0. */
static Value mt_randbelow(RandomObject *r, Value n)
{
    int64_t nn;
    if (wf_int_small_val(n, &nn)) {
        int k = 64 - __builtin_clzll((uint64_t)nn);
        uint64_t x;
        do
            x = mt_bits64(r, k);
        while (x >= (uint64_t)nn);
        return wf_int_from_u64(x);
    }
    IntView iv;
    mpz_srcptr z = wf_int_view(&iv, n);
    uint64_t k = mpz_sizeinbase(z, 2);
    for (;;) {
        Value x = mt_getrandbits(r, k);
        if (wf_int_compare(x, n) < 0)
            return x;
        wf_decref(x);
    }
}

static int64_t mt_randbelow_c(RandomObject *r, int64_t n)
{
    Value v = mt_randbelow(r, wf_small(n));
    return wf_small_val(v);
}

/* ---- seeding ---- */

static void rnd_seed_urandom(RandomObject *r)
{
    uint32_t key[MT_N];
    ssize_t got = getrandom(key, sizeof key, GRND_NONBLOCK);
    if (got != (ssize_t)sizeof key) {
        /* No entropy source: mix the clock and the address, as a fallback. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t s = ((uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec) ^ (uintptr_t)r;
        for (int i = 0; i < MT_N; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            key[i] = (uint32_t)(s >> 33);
        }
    }
    mt_init_by_array(r, key, MT_N);
}

static void rnd_seed_mpz(RandomObject *r, mpz_srcptr z)
{
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    size_t words = mpz_sgn(a) == 0 ? 1 : (mpz_sizeinbase(a, 2) + 31) / 32;
    uint32_t *key = wf_mem_calloc(words, sizeof(uint32_t));
    size_t count;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, a);
    mt_init_by_array(r, key, words);
    wf_mem_free(key);
    mpz_clear(a);
}

/* ---- SHA-512, for seeding from a str (random.py's version 2 seeds) ---- */

/* First 64 bits of the fractional parts of the cube roots of the first 80
 * primes, and of the square roots of the first 8 (FIPS 180-4). */
static const uint64_t sha_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};
static const uint64_t sha_h0[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static inline uint64_t sha_rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

static void sha_block(uint64_t h[8], const uint8_t *p)
{
    uint64_t w[80];
    for (int t = 0; t < 16; t++) {
        w[t] = 0;
        for (int i = 0; i < 8; i++)
            w[t] = (w[t] << 8) | p[t * 8 + i];
    }
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = sha_rotr(w[t - 15], 1) ^ sha_rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = sha_rotr(w[t - 2], 19) ^ sha_rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t t1 = hh + (sha_rotr(e, 14) ^ sha_rotr(e, 18) ^ sha_rotr(e, 41)) + ((e & f) ^ (~e & g)) + sha_k[t] + w[t];
        uint64_t t2 = (sha_rotr(a, 28) ^ sha_rotr(a, 34) ^ sha_rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha512(const uint8_t *msg, size_t len, uint8_t out[64])
{
    uint64_t h[8];
    memcpy(h, sha_h0, sizeof h);
    size_t full = len / 128;
    for (size_t i = 0; i < full; i++)
        sha_block(h, msg + i * 128);
    uint8_t tail[256] = {0};
    size_t rest = len - full * 128;
    memcpy(tail, msg + full * 128, rest);
    tail[rest] = 0x80;
    size_t tlen = rest + 1 + 16 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)len * 8;
    for (int i = 0; i < 8; i++)
        tail[tlen - 1 - i] = (uint8_t)(bits >> (8 * i));
    sha_block(h, tail);
    if (tlen == 256)
        sha_block(h, tail + 128);
    for (int i = 0; i < 64; i++)
        out[i] = (uint8_t)(h[i / 8] >> (56 - 8 * (i % 8)));
}

/* int.from_bytes(data + sha512(data).digest(), 'big') */
static void rnd_seed_bytes(RandomObject *r, const char *data, size_t len)
{
    uint8_t *buf = wf_mem_alloc(len + 64);
    memcpy(buf, data, len);
    sha512((const uint8_t *)data, len, buf + len);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, len + 64, 1, 1, 0, 0, buf);
    wf_mem_free(buf);
    rnd_seed_mpz(r, z);
    mpz_clear(z);
}

static int rnd_seed(RandomObject *r, Value arg)
{
    r->has_gauss = false;
    if (!arg || arg == wf_None) {
        rnd_seed_urandom(r);
        return 0;
    }
    IntView iv;
    if (wf_is_int(arg)) {
        rnd_seed_mpz(r, wf_int_view(&iv, arg));
        return 0;
    }
    if (wf_is_str(arg)) {
        rnd_seed_bytes(r, wf_as_str(arg)->data, wf_as_str(arg)->len);
        return 0;
    }
    if (!wf_is_float(arg)) {
        wf_err_set_str(wf_exc_TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        return -1;
    }
    Hash h = wf_hash(arg);
    if (h == -1 && wf_err_occurred())
        return -1;
    Value n = wf_int_from_u64((uint64_t)h);  /* (size_t)hash, like CPython */
    rnd_seed_mpz(r, wf_int_view(&iv, n));
    wf_decref(n);
    return 0;
}

/* ---- argument binding ----
 * Most of Random's methods are Python functions in CPython (Lib/random.py),
 * so their argument errors read like a Python function's, counting self:
 * "Random.randint() missing 1 required positional argument: 'b'". The spec
 * is wf_parse_args's: 'O' per parameter, '|' optional from here, '$'
 * keyword-only from here; outputs keep their value when not given. */

static void rnd_missing(const char *fname, const char *const *names, const bool *miss, size_t n)
{
    size_t count = 0, seen = 0;
    for (size_t i = 0; i < n; i++)
        count += miss[i];
    StrBuilder sb;
    wf_sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (!miss[i])
            continue;
        if (seen)
            wf_sb_add_c(&sb, count == 2 ? " and " : seen + 1 == count ? ", and " : ", ");
        wf_sb_add_char(&sb, '\'');
        wf_sb_add_c(&sb, names[i]);
        wf_sb_add_char(&sb, '\'');
        seen++;
    }
    Value list = wf_sb_finish(&sb);
    wf_err_format(wf_exc_TypeError, "%s() missing %zu required positional argument%s: %U", fname, count,
                  count == 1 ? "" : "s", list);
    wf_decref(list);
}

static int rnd_parse(const char *fname, const Value *args, size_t nargs, Value kwnames, const char *spec,
                     const char *const *names, ...)
{
    Value *out[8];
    size_t n = 0, nreq = SIZE_MAX, npos = SIZE_MAX;
    va_list ap;
    va_start(ap, names);
    for (const char *c = spec; *c; c++) {
        if (*c == '|')
            nreq = n;
        else if (*c == '$')
            npos = n;
        else
            out[n++] = va_arg(ap, Value *);
    }
    va_end(ap);
    if (nreq == SIZE_MAX)
        nreq = npos < n ? npos : n;
    if (npos == SIZE_MAX)
        npos = n;
    if (nargs > npos) {
        if (nreq == npos)
            wf_err_format(wf_exc_TypeError, "%s() takes %zu positional argument%s but %zu were given", fname,
                          npos + 1, npos ? "s" : "", nargs + 1);
        else
            wf_err_format(wf_exc_TypeError, "%s() takes from %zu to %zu positional arguments but %zu were given",
                          fname, nreq + 1, npos + 1, nargs + 1);
        return -1;
    }
    bool given[8] = {false};
    for (size_t i = 0; i < nargs; i++) {
        *out[i] = args[i];
        given[i] = true;
    }
    size_t nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    for (size_t k = 0; k < nkw; k++) {
        Value key = wf_tuple_get(kwnames, k);
        size_t i = 0;
        while (i < n && !wf_str_eq_c(key, names[i]))
            i++;
        if (i == n)
            return wf_err_format(wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key), -1;
        if (given[i])
            return wf_err_format(wf_exc_TypeError, "%s() got multiple values for argument '%U'", fname, key), -1;
        *out[i] = args[nargs + k];
        given[i] = true;
    }
    bool miss[8] = {false}, any = false;
    for (size_t i = 0; i < nreq; i++)
        any |= miss[i] = !given[i];
    if (any) {
        rnd_missing(fname, names, miss, nreq);
        return -1;
    }
    return 0;
}

/* ---- methods ---- */

static Value rnd_m_seed(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"a", "version", NULL};
    Value a = 0, version = 0;
    if (rnd_parse("Random.seed", args, nargs, kw, "|OO", names, &a, &version) < 0)
        return 0;
    return rnd_seed(rnd(self), a) < 0 ? 0 : wf_None;
}

static Value rnd_m_random(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("Random.random", nargs, 0, 0) < 0)
        return 0;
    return wf_float_new(mt_random(rnd(self)));
}

static Value rnd_m_getrandbits(Value self, const Value *args, size_t nargs, Value kw)
{
    if (wf_check_nargs("Random.getrandbits", nargs, 1, 1) < 0)
        return 0;
    intptr_t k = wf_as_ssize(args[0]);
    if (k == -1 && wf_err_occurred())
        return 0;
    if (k < 0)
        return wf_err_set_str(wf_exc_ValueError, "number of bits must be non-negative");
    return mt_getrandbits(rnd(self), (uint64_t)k);
}

/* randrange's argument conversion: ints as they are, integral floats
 * accepted (deprecated in CPython), anything else refused. */
static Value rnd_index_arg(Value v, const char *what)
{
    if (wf_is_int(v))
        return wf_index(v);
    if (wf_is_float(v)) {
        double d = wf_float_val(v);
        if (d != floor(d) || !isfinite(d))
            return wf_err_format(wf_exc_ValueError, "non-integer %s for randrange()", what);
        return wf_int_from_double(d);
    }
    return wf_index(v);
}

static Value rnd_range(RandomObject *r, Value start, Value stop, Value step)
{
    Value istart = rnd_index_arg(start, "arg 1");
    if (!istart)
        return 0;
    if (!stop || stop == wf_None) {
        if (step)
            return wf_decref(istart), wf_err_set_str(wf_exc_TypeError, "Missing a non-None stop argument");
        Value res = wf_int_sign(istart) > 0 ? mt_randbelow(r, istart)
                                            : wf_err_set_str(wf_exc_ValueError, "empty range for randrange()");
        wf_decref(istart);
        return res;
    }
    Value istop = rnd_index_arg(stop, "stop");
    if (!istop)
        return wf_decref(istart), (Value)0;
    Value width = wf_int_sub(istop, istart);
    Value istep = step ? rnd_index_arg(step, "step") : wf_small(1);
    Value res = 0, n = 0;
    if (!istep)
        goto done;
    if (istep == wf_small(1)) {
        if (wf_int_sign(width) > 0) {
            Value k = mt_randbelow(r, width);
            res = wf_int_add(istart, k);
            wf_decref(k);
        } else {
            res = wf_err_format(wf_exc_ValueError, "empty range for randrange() (%S, %S, %S)", istart, istop, width);
        }
        goto done;
    }
    int sgn = wf_int_sign(istep);
    if (sgn == 0) {
        wf_err_set_str(wf_exc_ValueError, "zero step for randrange()");
        goto done;
    }
    /* n = (width + step -+ 1) // step */
    Value t = wf_int_add(width, istep);
    Value t2 = wf_int_add(t, wf_small(sgn > 0 ? -1 : 1));
    wf_decref(t);
    n = wf_binop(t2, istep, WF_BINOP_FLOORDIV);
    wf_decref(t2);
    if (!n)
        goto done;
    if (wf_int_sign(n) <= 0) {
        wf_err_set_str(wf_exc_ValueError, "empty range for randrange()");
        goto done;
    }
    Value k = mt_randbelow(r, n);
    Value off = wf_int_mul(istep, k);
    res = wf_int_add(istart, off);
    wf_decref(k);
    wf_decref(off);
done:
    wf_decref(istart);
    wf_decref(istop);
    wf_decref(width);
    wf_xdecref(istep);
    wf_xdecref(n);
    return res;
}

static Value rnd_m_randrange(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"start", "stop", "step", NULL};
    Value start = 0, stop = 0, step = 0;
    if (rnd_parse("Random.randrange", args, nargs, kw, "O|OO", names, &start, &stop, &step) < 0)
        return 0;
    return rnd_range(rnd(self), start, stop, step);
}

static Value rnd_m_randint(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"a", "b", NULL};
    Value a = 0, b = 0;
    if (rnd_parse("Random.randint", args, nargs, kw, "OO", names, &a, &b) < 0)
        return 0;
    Value b1 = wf_binop(b, wf_small(1), WF_BINOP_ADD);
    if (!b1)
        return 0;
    Value r = rnd_range(rnd(self), a, b1, 0);
    wf_decref(b1);
    return r;
}

static Value rnd_m_choice(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"seq", NULL};
    Value seq = 0;
    if (rnd_parse("Random.choice", args, nargs, kw, "O", names, &seq) < 0)
        return 0;
    args = &seq;
    intptr_t n = wf_len(args[0]);
    if (n < 0)
        return 0;
    if (n == 0)
        return wf_err_set_str(wf_exc_IndexError, "Cannot choose from an empty sequence");
    Value i = wf_small(mt_randbelow_c(rnd(self), n));
    return wf_getitem(args[0], i);
}

/* shuffle() of an exact list: Fisher-Yates on the list's own slots, with
 * the generator's and the list's sections held together (one two-object
 * section, so neither is suspended while waiting for the other, as a nested
 * section would be: critsec.h rule 2). The length is read inside, and no
 * Python code runs (the draws and the swaps are C), so the whole shuffle is
 * one atomic list write. Slots are stored with release (seq.h rule 1):
 * lock-free readers find some item of the list in every slot, never a torn
 * or freed one; a swap moves references, so no count changes. */
static void rnd_shuffle_list(RandomObject *r, ListObject *l)
{
    Value *items = l->items;
    for (size_t i = l->size; i-- > 1;) {
        size_t j = (size_t)mt_randbelow_c(r, (int64_t)i + 1);
        Value t = items[i];
        wf_atomic_store_release_usize(&items[i], items[j]);
        wf_atomic_store_release_usize(&items[j], t);
    }
}

/* Any other mutable sequence: x[i], x[j] = x[j], x[i] item by item, as
 * random.py does (each access checked by the sequence itself). Runs in the
 * generator's section (rnd_m_shuffle_cs). */
static Value rnd_m_shuffle(Value self, Value x)
{
    intptr_t n = wf_len(x);
    if (n < 0)
        return 0;
    for (intptr_t i = n - 1; i >= 1; i--) {
        intptr_t j = mt_randbelow_c(rnd(self), i + 1);
        Value a = wf_getitem(x, wf_small(i));
        Value b = a ? wf_getitem(x, wf_small(j)) : 0;
        int rc = b ? wf_setitem(x, wf_small(i), b) : -1;
        if (rc == 0)
            rc = wf_setitem(x, wf_small(j), a);
        wf_xdecref(a);
        wf_xdecref(b);
        if (rc < 0)
            return 0;
    }
    return wf_None;
}

/* A tiny open-addressing set of indices for sample()'s large-population path. */
static bool rnd_set_add(int64_t *tab, size_t mask, int64_t v)
{
    size_t h = (size_t)v * 0x9E3779B97F4A7C15ULL;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (tab[i] == v)
            return false;
        if (tab[i] < 0) {
            tab[i] = v;
            return true;
        }
    }
}

static Value rnd_m_sample(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"population", "k", "counts", NULL};
    Value pop = 0, kv = 0, counts = 0;
    if (rnd_parse("Random.sample", args, nargs, kw, "OO|$O", names, &pop, &kv, &counts) < 0)
        return 0;
    if (counts && counts != wf_None)
        return wf_err_set_str(wf_exc_NotImplementedError, "sample(): counts is not supported");
    TypeObject *t = wf_type(pop);
    if (t == &wf_type_set || t == &wf_type_frozenset || wf_is_dict(pop) || !t->tp_getitem)
        return wf_err_set_str(wf_exc_TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    intptr_t n = wf_len(pop);
    intptr_t k = wf_as_ssize(kv);
    if (n < 0 || (k == -1 && wf_err_occurred()))
        return 0;
    if (k < 0 || k > n)
        return wf_err_set_str(wf_exc_ValueError, "Sample larger than population or is negative");
    if (k > RND_MAX_ITEMS)
        return wf_err_no_memory();
    RandomObject *r = rnd(self);
    Value result = wf_list_new((size_t)k);
    size_t setsize = 21;
    if (k > 5)
        setsize += (size_t)pow(4.0, ceil(log((double)(k * 3)) / log(4.0)));
    if ((size_t)n <= setsize) {
        Value pool = wf_list_from_iterable(pop);
        if (!pool)
            return wf_decref(result), (Value)0;
        Value *items = wf_as_list(pool)->items;
        for (intptr_t i = 0; i < k; i++) {
            intptr_t j = mt_randbelow_c(r, n - i);
            wf_as_list(result)->items[i] = wf_incref(items[j]);
            wf_setref(&items[j], wf_incref(items[n - i - 1]));
        }
        wf_decref(pool);
        return result;
    }
    size_t cap = 16;
    while (cap < (size_t)k * 2 + 2)
        cap <<= 1;
    int64_t *tab = wf_mem_alloc(cap * sizeof(int64_t));
    memset(tab, 0xff, cap * sizeof(int64_t));
    for (intptr_t i = 0; i < k; i++) {
        int64_t j;
        do
            j = mt_randbelow_c(r, n);
        while (!rnd_set_add(tab, cap - 1, j));
        Value item = wf_getitem(pop, wf_small(j));
        if (!item) {
            wf_mem_free(tab);
            wf_decref(result);
            return 0;
        }
        wf_as_list(result)->items[i] = item;
    }
    wf_mem_free(tab);
    return result;
}

static Value rnd_m_uniform(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"a", "b", NULL};
    Value a = 0, b = 0;
    if (rnd_parse("Random.uniform", args, nargs, kw, "OO", names, &a, &b) < 0)
        return 0;
    Value d = wf_binop(b, a, WF_BINOP_SUB);
    if (!d)
        return 0;
    Value u = wf_float_new(mt_random(rnd(self)));
    Value p = wf_binop(d, u, WF_BINOP_MUL);
    wf_decref(d);
    wf_decref(u);
    if (!p)
        return 0;
    Value res = wf_binop(a, p, WF_BINOP_ADD);
    wf_decref(p);
    return res;
}

/* mu + z * sigma with Python number semantics for mu and sigma. */
static Value rnd_affine(double z, Value mu, Value sigma)
{
    double m = 0.0, s = 1.0;
    if ((mu && wf_float_convert(mu, &m) <= 0) || (sigma && wf_float_convert(sigma, &s) <= 0)) {
        if (!wf_err_occurred())
            wf_err_set_str(wf_exc_TypeError, "mu and sigma must be real numbers");
        return 0;
    }
    return wf_float_new(m + z * s);
}

static Value rnd_m_gauss(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"mu", "sigma", NULL};
    Value mu = 0, sigma = 0;
    if (rnd_parse("Random.gauss", args, nargs, kw, "|OO", names, &mu, &sigma) < 0)
        return 0;
    RandomObject *r = rnd(self);
    double z;
    if (r->has_gauss) {
        z = r->gauss_next;
        r->has_gauss = false;
    } else {
        double x2pi = mt_random(r) * (2.0 * 3.141592653589793);
        double g2rad = sqrt(-2.0 * log(1.0 - mt_random(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->has_gauss = true;
    }
    return rnd_affine(z, mu, sigma);
}

static Value rnd_m_normalvariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"mu", "sigma", NULL};
    Value mu = 0, sigma = 0;
    if (rnd_parse("Random.normalvariate", args, nargs, kw, "|OO", names, &mu, &sigma) < 0)
        return 0;
    RandomObject *r = rnd(self);
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    double z;
    for (;;) {
        double u1 = mt_random(r);
        double u2 = 1.0 - mt_random(r);
        z = magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -log(u2))
            break;
    }
    return rnd_affine(z, mu, sigma);
}

static Value rnd_m_expovariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"lambd", NULL};
    Value lv = 0;
    if (rnd_parse("Random.expovariate", args, nargs, kw, "O", names, &lv) < 0)
        return 0;
    double lambd;
    if (wf_float_convert(lv, &lambd) <= 0)
        return wf_err_occurred() ? 0 : wf_err_format(wf_exc_TypeError, "must be real number, not %T", lv);
    if (lambd == 0.0)
        return wf_err_set_str(wf_exc_ZeroDivisionError, "float division by zero");
    return wf_float_new(-log(1.0 - mt_random(rnd(self))) / lambd);
}

static Value rnd_m_triangular(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"low", "high", "mode", NULL};
    Value lo = 0, hi = 0, mode = 0;
    if (rnd_parse("Random.triangular", args, nargs, kw, "|OOO", names, &lo, &hi, &mode) < 0)
        return 0;
    double low = 0.0, high = 1.0, md = 0.0;
    if ((lo && wf_float_convert(lo, &low) <= 0) || (hi && wf_float_convert(hi, &high) <= 0) ||
        (mode && mode != wf_None && wf_float_convert(mode, &md) <= 0))
        return wf_err_occurred() ? 0 : wf_err_set_str(wf_exc_TypeError, "must be real number");
    double u = mt_random(rnd(self));
    if (high == low)
        return wf_float_new(low);
    double c = (!mode || mode == wf_None) ? 0.5 : (md - low) / (high - low);
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        double t = low;
        low = high;
        high = t;
    }
    return wf_float_new(low + (high - low) * sqrt(u * c));
}

/* Python's float % for a positive modulus (floor semantics). */
static double rnd_pymod(double x, double m)
{
    double r = fmod(x, m);
    if (r && r < 0)
        r += m;
    return r ? r : 0.0;
}

/* Reads real-number arguments into doubles; TypeError otherwise. */
static int rnd_reals(const char *fname, const Value *args, size_t nargs, Value kw,
                     const char *const *names, size_t want, double *out)
{
    Value v[3] = {0, 0, 0};
    const char *spec = want == 1 ? "O" : want == 2 ? "OO" : "OOO";
    if (rnd_parse(fname, args, nargs, kw, spec, names, &v[0], &v[1], &v[2]) < 0)
        return -1;
    for (size_t i = 0; i < want; i++) {
        int rc = wf_float_convert(v[i], &out[i]);
        if (rc <= 0) {
            if (rc == 0)
                wf_err_format(wf_exc_TypeError, "must be real number, not %T", v[i]);
            return -1;
        }
    }
    return 0;
}

static const double rnd_e = 2.718281828459045;
static const double rnd_twopi = 2.0 * 3.141592653589793;

/* random.py's gammavariate: Cheng's algorithm for alpha > 1, GS for alpha < 1. */
static double rnd_gamma(RandomObject *r, double alpha, double beta)
{
    if (alpha > 1.0) {
        const double log4 = log(4.0), sg_magic = 1.0 + log(4.5);
        double ainv = sqrt(2.0 * alpha - 1.0), bbb = alpha - log4, ccc = alpha + ainv;
        for (;;) {
            double u1 = mt_random(r);
            if (!(1e-7 < u1 && u1 < 0.9999999))
                continue;
            double u2 = 1.0 - mt_random(r);
            double v = log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * exp(v);
            double z = u1 * u1 * u2;
            double rr = bbb + ccc * v - x;
            if (rr + sg_magic - 4.5 * z >= 0.0 || rr >= log(z))
                return x * beta;
        }
    }
    if (alpha == 1.0)
        return -log(1.0 - mt_random(r)) * beta;
    double x;
    for (;;) {
        double u = mt_random(r);
        double b = (rnd_e + alpha) / rnd_e;
        double p = b * u;
        x = p <= 1.0 ? pow(p, 1.0 / alpha) : -log((b - p) / alpha);
        double u1 = mt_random(r);
        if (p > 1.0) {
            if (u1 <= pow(x, alpha - 1.0))
                break;
        } else if (u1 <= exp(-x)) {
            break;
        }
    }
    return x * beta;
}

static Value rnd_m_gammavariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"alpha", "beta", NULL};
    double a[2];
    if (rnd_reals("Random.gammavariate", args, nargs, kw, names, 2, a) < 0)
        return 0;
    if (a[0] <= 0.0 || a[1] <= 0.0)
        return wf_err_set_str(wf_exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
    return wf_float_new(rnd_gamma(rnd(self), a[0], a[1]));
}

static Value rnd_m_betavariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"alpha", "beta", NULL};
    double a[2];
    if (rnd_reals("Random.betavariate", args, nargs, kw, names, 2, a) < 0)
        return 0;
    if (a[0] <= 0.0 || a[1] <= 0.0)
        return wf_err_set_str(wf_exc_ValueError, "gammavariate: alpha and beta must be > 0.0");
    double y = rnd_gamma(rnd(self), a[0], 1.0);
    if (y == 0.0)
        return wf_float_new(0.0);
    return wf_float_new(y / (y + rnd_gamma(rnd(self), a[1], 1.0)));
}

static double rnd_normal(RandomObject *r)
{
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    for (;;) {
        double u1 = mt_random(r);
        double u2 = 1.0 - mt_random(r);
        double z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2))
            return z;
    }
}

static Value rnd_m_lognormvariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"mu", "sigma", NULL};
    double a[2];
    if (rnd_reals("Random.lognormvariate", args, nargs, kw, names, 2, a) < 0)
        return 0;
    return wf_float_new(exp(a[0] + rnd_normal(rnd(self)) * a[1]));
}

static Value rnd_m_vonmisesvariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"mu", "kappa", NULL};
    double a[2];
    if (rnd_reals("Random.vonmisesvariate", args, nargs, kw, names, 2, a) < 0)
        return 0;
    RandomObject *r = rnd(self);
    double mu = a[0], kappa = a[1];
    if (kappa <= 1e-6)
        return wf_float_new(rnd_twopi * mt_random(r));
    double s = 0.5 / kappa, rr = s + sqrt(1.0 + s * s), z;
    for (;;) {
        double u1 = mt_random(r);
        z = cos(3.141592653589793 * u1);
        double d = z / (rr + z);
        double u2 = mt_random(r);
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * exp(d))
            break;
    }
    double q = 1.0 / rr, f = (q + z) / (1.0 + q * z);
    double u3 = mt_random(r);
    double theta = u3 > 0.5 ? rnd_pymod(mu + acos(f), rnd_twopi) : rnd_pymod(mu - acos(f), rnd_twopi);
    return wf_float_new(theta);
}

static Value rnd_m_paretovariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"alpha", NULL};
    double a[1];
    if (rnd_reals("Random.paretovariate", args, nargs, kw, names, 1, a) < 0)
        return 0;
    double u = 1.0 - mt_random(rnd(self));
    return wf_float_new(pow(u, -1.0 / a[0]));
}

static Value rnd_m_weibullvariate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"alpha", "beta", NULL};
    double a[2];
    if (rnd_reals("Random.weibullvariate", args, nargs, kw, names, 2, a) < 0)
        return 0;
    double u = 1.0 - mt_random(rnd(self));
    return wf_float_new(a[0] * pow(-log(u), 1.0 / a[1]));
}

/* bisect_right(cum, x, 0, hi) over a list of numbers. cum is always the
 * private list rnd_m_choices built (a copy of cum_weights or the running
 * sums), never seen by Python code: the borrowed items stay alive while
 * __lt__ runs, whatever other threads do to the caller's cum_weights. */
static intptr_t rnd_bisect(Value cum, Value x, intptr_t hi)
{
    intptr_t lo = 0;
    while (lo < hi) {
        intptr_t mid = (lo + hi) / 2;
        int lt = wf_richcompare_bool(x, wf_list_get(cum, (size_t)mid), WF_LT);
        if (lt < 0)
            return -1;
        if (lt)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static Value rnd_cumulate(Value weights)
{
    Value it = wf_iter(weights);
    if (!it)
        return 0;
    Value out = wf_list_new(0), acc = 0, item;
    while ((item = wf_next(it))) {
        Value s = acc ? wf_binop(acc, item, WF_BINOP_ADD) : wf_incref(item);
        wf_decref(item);
        wf_xdecref(acc);
        acc = s;
        if (!s || wf_list_append(out, s) < 0)
            break;
    }
    wf_xdecref(acc);
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(out);
        return 0;
    }
    return out;
}

/* choices() without weights: population[floor(random() * n)], k times. */
static Value rnd_choices_uniform(RandomObject *r, Value pop, intptr_t n, intptr_t k)
{
    Value result = wf_list_new(0);
    for (intptr_t i = 0; i < k; i++) {
        Value item = wf_getitem(pop, wf_small((intptr_t)floor(mt_random(r) * (double)n)));
        if (!item || wf_list_append(result, item) < 0)
            return wf_xdecref(item), wf_decref(result), (Value)0;
        wf_decref(item);
    }
    return result;
}

/* total = cum_weights[-1] + 0.0, checked as random.py checks it; cw is
 * rnd_m_choices's private copy (see rnd_bisect). */
static int rnd_choices_total(Value cw, intptr_t n, double *total)
{
    if ((intptr_t)wf_list_size(cw) != n)
        return wf_err_set_str(wf_exc_ValueError, "The number of weights does not match the population"), -1;
    if (n == 0)
        return wf_err_set_str(wf_exc_IndexError, "list index out of range"), -1;
    Value zero = wf_float_new(0.0);
    Value t = wf_binop(wf_list_get(cw, (size_t)n - 1), zero, WF_BINOP_ADD);
    wf_decref(zero);
    if (!t)
        return -1;
    int rc = wf_float_convert(t, total);
    wf_decref(t);
    if (rc <= 0)
        return rc == 0 ? (wf_err_set_str(wf_exc_TypeError, "total of weights must be a real number"), -1) : -1;
    if (*total <= 0.0)
        return wf_err_set_str(wf_exc_ValueError, "Total of weights must be greater than zero"), -1;
    if (!isfinite(*total))
        return wf_err_set_str(wf_exc_ValueError, "Total of weights must be finite"), -1;
    return 0;
}

/* choices() with cumulative weights cw: bisect random() * total, k times. */
static Value rnd_choices_weighted(RandomObject *r, Value pop, Value cw, intptr_t n, intptr_t k)
{
    double total;
    if (rnd_choices_total(cw, n, &total) < 0)
        return 0;
    Value result = wf_list_new(0);
    for (intptr_t i = 0; i < k; i++) {
        Value x = wf_float_new(mt_random(r) * total);
        intptr_t j = rnd_bisect(cw, x, n - 1);
        wf_decref(x);
        Value item = j < 0 ? 0 : wf_getitem(pop, wf_small(j));
        if (!item || wf_list_append(result, item) < 0)
            return wf_xdecref(item), wf_decref(result), (Value)0;
        wf_decref(item);
    }
    return result;
}

static Value rnd_m_choices(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"population", "weights", "cum_weights", "k", NULL};
    Value pop = 0, weights = wf_None, cum = wf_None, kv = wf_small(1);
    if (rnd_parse("Random.choices", args, nargs, kw, "O|O$OO", names, &pop, &weights, &cum, &kv) < 0)
        return 0;
    intptr_t n = wf_len(pop), k = wf_as_ssize(kv);
    if (n < 0 || (k == -1 && wf_err_occurred()))
        return 0;
    if (k > RND_MAX_ITEMS)
        return wf_err_no_memory();
    if (cum == wf_None && weights == wf_None)
        return rnd_choices_uniform(rnd(self), pop, n, k);
    if (cum != wf_None && weights != wf_None)
        return wf_err_set_str(wf_exc_TypeError, "Cannot specify both weights and cumulative weights");
    /* Always a new list of our own (rnd_bisect borrows its items). */
    Value cw = cum != wf_None ? wf_list_from_iterable(cum) : rnd_cumulate(weights);
    if (!cw) {
        if (cum == wf_None && wf_is_int(weights) && wf_err_matches(wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(wf_exc_TypeError, "The number of choices must be a keyword argument: k=%R", weights);
        }
        return 0;
    }
    Value result = rnd_choices_weighted(rnd(self), pop, cw, n, k);
    wf_decref(cw);
    return result;
}

static Value rnd_m_getstate(Value self, const Value *args, size_t nargs, Value kw)
{
    if (rnd_parse("Random.getstate", args, nargs, kw, "", NULL) < 0)
        return 0;
    RandomObject *r = rnd(self);
    Value st = wf_tuple_new(MT_N + 1);
    for (int i = 0; i < MT_N; i++)
        wf_as_tuple(st)->items[i] = wf_int_from_u64(r->state[i]);
    wf_as_tuple(st)->items[MT_N] = wf_small(r->index);
    Value g = r->has_gauss ? wf_float_new(r->gauss_next) : wf_None;
    Value t = wf_tuple_pack(3, wf_small(3), st, g);
    wf_decref(st);
    wf_decref(g);
    return t;
}

static Value rnd_m_setstate(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"state", NULL};
    Value sv = 0;
    if (rnd_parse("Random.setstate", args, nargs, kw, "O", names, &sv) < 0)
        return 0;
    args = &sv;
    Value s = args[0];
    if (!wf_is_tuple(s) || wf_tuple_size(s) != 3 || !wf_is_tuple(wf_tuple_get(s, 1)) ||
        wf_tuple_size(wf_tuple_get(s, 1)) != MT_N + 1)
        return wf_err_set_str(wf_exc_ValueError, "state vector is the wrong size");
    RandomObject *r = rnd(self);
    Value st = wf_tuple_get(s, 1);
    uint32_t tmp[MT_N];
    for (int i = 0; i <= MT_N; i++) {
        int64_t x;
        Value item = wf_tuple_get(st, (size_t)i);
        if (!wf_is_int(item) || wf_int_as_i64(item, &x) < 0 || x < 0 || x > (i < MT_N ? 0xffffffffLL : MT_N)) {
            wf_err_clear();
            return wf_err_set_str(wf_exc_ValueError, "invalid state");
        }
        if (i < MT_N)
            tmp[i] = (uint32_t)x;
        else
            r->index = (int)x;
    }
    memcpy(r->state, tmp, sizeof tmp);
    Value g = wf_tuple_get(s, 2);
    r->has_gauss = g != wf_None;
    if (r->has_gauss && wf_float_convert(g, &r->gauss_next) <= 0)
        return wf_err_occurred() ? 0 : wf_err_set_str(wf_exc_TypeError, "gauss_next must be a float");
    return wf_None;
}

/* Threads: each method runs in a critical section on the generator, as
 * free-threaded CPython locks its Random objects, so concurrent callers
 * never tear the Mersenne Twister state (each draws a distinct sequence of
 * outputs). Methods that call back into Python (shuffle, sample, choices
 * use len/__getitem__/__index__) keep the section; rule 2 of critsec.h
 * suspends it if such a callback blocks. */
#define RND_CS(fn) \
    static Value fn##_cs(Value self, const Value *args, size_t nargs, Value kw) \
    { \
        Value r; \
        WF_CRITSEC_BEGIN(wf_obj(self)); \
        r = fn(self, args, nargs, kw); \
        WF_CRITSEC_END(); \
        return r; \
    }
RND_CS(rnd_m_seed)
RND_CS(rnd_m_random)
RND_CS(rnd_m_getrandbits)
RND_CS(rnd_m_randrange)
RND_CS(rnd_m_randint)
RND_CS(rnd_m_choice)
RND_CS(rnd_m_sample)
RND_CS(rnd_m_choices)
RND_CS(rnd_m_uniform)
RND_CS(rnd_m_gauss)
RND_CS(rnd_m_normalvariate)
RND_CS(rnd_m_expovariate)
RND_CS(rnd_m_triangular)
RND_CS(rnd_m_gammavariate)
RND_CS(rnd_m_betavariate)
RND_CS(rnd_m_lognormvariate)
RND_CS(rnd_m_vonmisesvariate)
RND_CS(rnd_m_paretovariate)
RND_CS(rnd_m_weibullvariate)
RND_CS(rnd_m_getstate)
RND_CS(rnd_m_setstate)

/* shuffle: an exact list under one section on both the generator and the
 * list (rnd_shuffle_list); any other sequence in the generator's section
 * only, as RND_CS. */
static Value rnd_m_shuffle_cs(Value self, const Value *args, size_t nargs, Value kw)
{
    static const char *const names[] = {"x", NULL};
    Value x = 0, r;
    if (rnd_parse("Random.shuffle", args, nargs, kw, "O", names, &x) < 0)
        return 0;
    if (wf_is_list_exact(x)) {
        WF_CRITSEC_BEGIN2(wf_obj(self), wf_obj(x));
        rnd_shuffle_list(rnd(self), wf_as_list(x));
        WF_CRITSEC_END();
        return wf_None;
    }
    WF_CRITSEC_BEGIN(wf_obj(self));
    r = rnd_m_shuffle(self, x);
    WF_CRITSEC_END();
    return r;
}

static const MethodDef random_methods[] = {
    {"seed", rnd_m_seed_cs, 0, "Initialize internal state from a seed."},
    {"random", rnd_m_random_cs, 0, "random() -> x in the interval [0, 1)."},
    {"getrandbits", rnd_m_getrandbits_cs, 0, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"randrange", rnd_m_randrange_cs, 0, "Choose a random item from range(stop) or range(start, stop[, step])."},
    {"randint", rnd_m_randint_cs, 0, "Return random integer in range [a, b], including both end points."},
    {"choice", rnd_m_choice_cs, 0, "Choose a random element from a non-empty sequence."},
    {"shuffle", rnd_m_shuffle_cs, 0, "Shuffle list x in place, and return None."},
    {"sample", rnd_m_sample_cs, 0, "Chooses k unique random elements from a population sequence."},
    {"choices", rnd_m_choices_cs, 0, "Return a k sized list of population elements chosen with replacement."},
    {"uniform", rnd_m_uniform_cs, 0, "Get a random number in the range [a, b) or [a, b] depending on rounding."},
    {"gauss", rnd_m_gauss_cs, 0, "Gaussian distribution."},
    {"normalvariate", rnd_m_normalvariate_cs, 0, "Normal distribution."},
    {"expovariate", rnd_m_expovariate_cs, 0, "Exponential distribution."},
    {"triangular", rnd_m_triangular_cs, 0, "Triangular distribution."},
    {"gammavariate", rnd_m_gammavariate_cs, 0, "Gamma distribution.  Not the gamma function!"},
    {"betavariate", rnd_m_betavariate_cs, 0, "Beta distribution."},
    {"lognormvariate", rnd_m_lognormvariate_cs, 0, "Log normal distribution."},
    {"vonmisesvariate", rnd_m_vonmisesvariate_cs, 0, "Circular data distribution."},
    {"paretovariate", rnd_m_paretovariate_cs, 0, "Pareto distribution.  alpha is the shape parameter."},
    {"weibullvariate", rnd_m_weibullvariate_cs, 0, "Weibull distribution."},
    {"getstate", rnd_m_getstate_cs, 0, "Return internal state; can be passed to setstate() later."},
    {"setstate", rnd_m_setstate_cs, 0, "Restore internal state from object returned by getstate()."},
    {NULL, NULL, 0, NULL},
};

static Value rnd_new(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"x", NULL};
    Value x = 0;
    if (type == &random_type && wf_no_kwargs("Random", kwnames) < 0)
        return 0;
    if (nargs > 1)
        return wf_err_format(wf_exc_TypeError,
                             "Random.__init__() takes from 1 to 2 positional arguments but %zu were given", nargs + 1);
    (void)names;
    x = nargs ? args[0] : 0;
    size_t size = type->tp_basicsize > sizeof(RandomObject) ? type->tp_basicsize : sizeof(RandomObject);
    RandomObject *r = (RandomObject *)wf_object_alloc(type, size);
    if (rnd_seed(r, x) < 0) {
        wf_decref(wf_val(r));
        return 0;
    }
    return wf_val(r);
}

static void rnd_dealloc(Object *o)
{
    wf_xdecref(((RandomObject *)o)->dict);
    wf_object_free(o);
}

static TypeObject random_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_dictoffset = offsetof(RandomObject, dict),
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_HAVE_DICT,
    .tp_dealloc = rnd_dealloc,
    .tp_new = rnd_new,
    .tp_methods = random_methods,
};

Value wf_random_module_create(void)
{
    if (!(random_type.tp_flags & WF_TPF_READY) && wf_type_ready(&random_type) < 0)
        return 0;
    Value m = wf_module_new("random");
    if (!m)
        return 0;
    wf_dict_set_c(random_type.tp_dict, "__module__", wf_str_intern_c("random"));
    wf_module_add_object(m, "Random", wf_incref(wf_val(&random_type)));
    /* Module-level functions are the methods of one hidden instance. */
    Value inst = rnd_new(&random_type, NULL, 0, 0);
    if (!inst)
        return 0;
    for (const MethodDef *d = random_methods; d->name; d++)
        wf_module_add_object(m, d->name, wf_cfunction_new(d, inst));
    wf_module_add_object(m, "_inst", inst);
    return m;
}
