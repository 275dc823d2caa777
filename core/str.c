/* weft: the str type: creation, interning, hashing, repr, the type's slots. */
/* UTF-8 bytes -> immutable str objects (and the interned identifier table). */
#define _GNU_SOURCE  /* memmem */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/random.h>
#include "weft.h"
#include "runtime.h"
#include "strimpl.h"
#include "sync/mutex.h"

/*
 * A str is UTF-8 with a NUL terminator. `len` counts bytes, `nchars` code
 * points; `ascii` (len == nchars) makes indexing O(1), otherwise indexing
 * scans from the start (acceptable for now: most strings are ASCII).
 * The empty string and the 128 one-character ASCII strings are interned
 * singletons created by wf_ids_init(), which runs before everything else.
 */

/* ---- allocation ---- */

static Value str_empty;
static Value str_chars[128];

size_t wf_str_count_chars(const char *s, size_t len)
{
    size_t n = 0, i = 0;
    /* Count non-continuation bytes eight at a time: a byte b is a
     * continuation byte iff bit 7 is set and bit 6 is clear. */
    for (uint64_t w; i + 8 <= len; i += 8) {
        memcpy(&w, s + i, 8);
        uint64_t cont = w & ~(w << 1) & 0x8080808080808080ull;
        n += 8 - (size_t)__builtin_popcountll(cont);
    }
    for (; i < len; i++)
        n += !str_is_cont((unsigned char)s[i]);
    return n;
}

StrObject *wf_str_alloc(size_t len)
{
    if (len > (SIZE_MAX >> 2))
        WF_DIE("string too large", 0);
    StrObject *s = (StrObject *)wf_object_alloc(&wf_type_str, sizeof(StrObject) + len + 1);
    s->len = len;
    s->hash = -1;
    s->data[len] = '\0';
    return s;
}

Value wf_str_fix(StrObject *s)
{
    s->nchars = wf_str_count_chars(s->data, s->len);
    s->ascii = s->nchars == s->len;
    return wf_val(s);
}

Value wf_str_new_n(const char *utf8, size_t len, size_t nchars)
{
    if (len <= 1 && str_empty) {
        if (len == 0)
            return str_empty;
        if ((unsigned char)utf8[0] < 128)
            return str_chars[(unsigned char)utf8[0]];
    }
    StrObject *s = wf_str_alloc(len);
    memcpy(s->data, utf8, len);
    s->nchars = nchars;
    s->ascii = nchars == len;
    return wf_val(s);
}

/* Length of the well-formed UTF-8 sequence at s[i] (surrogates allowed), 0 if malformed. */
static size_t str_valid_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned char b = s[i];
    size_t need = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 :
                  b >= 0xF0 && b < 0xF5 ? 4 : 0;
    if (!need || i + need > n)
        return 0;
    for (size_t k = 1; k < need; k++)
        if (!str_is_cont(s[i + k]))
            return 0;
    if ((b == 0xE0 && s[i + 1] < 0xA0) || (b == 0xF0 && s[i + 1] < 0x90) || (b == 0xF4 && s[i + 1] >= 0x90))
        return 0;
    return need;
}

/* Callers promise valid UTF-8, but a broken promise must not make the
 * decoders read past the end: malformed bytes become U+FFFD. */
static Value str_new_checked(const char *utf8, size_t len)
{
    const unsigned char *s = (const unsigned char *)utf8;
    size_t i = 0, nchars = 0;
    /* ASCII prefix a word at a time: most strings are all ASCII. */
    for (uint64_t w; i + 8 <= len; i += 8) {
        memcpy(&w, s + i, 8);
        if (w & 0x8080808080808080ull)
            break;
    }
    nchars = i;
    while (i < len) {
        size_t k = s[i] < 0x80 ? 1 : str_valid_seq(s, len, i);
        if (!k)
            break;
        i += k;
        nchars++;
    }
    if (i == len)
        return wf_str_new_n(utf8, len, nchars);
    StrBuilder sb;
    wf_sb_init(&sb);
    for (i = 0; i < len;) {
        size_t k = str_valid_seq(s, len, i);
        if (k) {
            wf_sb_add(&sb, utf8 + i, k);
            i += k;
        } else {
            wf_sb_add_codepoint(&sb, 0xFFFD);
            i++;
        }
    }
    return wf_sb_finish(&sb);
}

Value wf_str_new(const char *utf8, size_t len)
{
    return str_new_checked(utf8, len);
}

Value wf_str_from_cstr(const char *s)
{
    return wf_str_new(s, strlen(s));
}

Value wf_str_empty(void)
{
    return str_empty;
}

Value wf_str_from_codepoint(uint32_t cp)
{
    char buf[4];
    if (cp < 128 && str_chars[cp])
        return str_chars[cp];
    size_t n = str_encode(cp, buf);
    return wf_str_new_n(buf, n, 1);
}

/* ---- code point index -> byte offset ----
 * ASCII strings index directly. Long non-ASCII strings get a checkpoint
 * array (the byte offset of every STR_MARK_STEP-th code point) kept in a
 * small direct-mapped cache keyed by the object's address, so that loops
 * like `for i in range(len(s)): s[i]` stay linear. str_dealloc drops a
 * string's entry, so a recycled address never sees stale marks.
 * Threads share the cache: each slot has its own one-byte mutex, held while
 * the slot is probed, filled or dropped and while the one checkpoint the
 * caller needs is read out, so no thread ever reads a marks array another
 * thread frees (an eviction by a third string, or str_dealloc). */

#define STR_MARK_STEP 32
#define STR_MARK_MIN 256      /* shorter strings just scan */
#define STR_MARK_SLOTS 64

typedef struct StrMarks {
    uint8_t lock;             /* guards s and marks */
    StrObject *s;
    size_t *marks;
} StrMarks;

static StrMarks str_marks[STR_MARK_SLOTS];

static StrMarks *marks_slot(StrObject *s)
{
    uintptr_t h = (uintptr_t)s;
    h ^= h >> 17;
    return &str_marks[(h >> 4) % STR_MARK_SLOTS];
}

/* The byte offset of code point k * STR_MARK_STEP in s. */
static size_t marks_get(StrObject *s, size_t k)
{
    StrMarks *m = marks_slot(s);
    wf_mutex_lock(&m->lock);
    if (m->s != s) {
        size_t n = s->nchars / STR_MARK_STEP + 1, j = 0, i = 0, c = 0;
        size_t *marks = wf_mem_realloc(m->s ? m->marks : NULL, n * sizeof *marks);
        while (j < n) {
            if (c % STR_MARK_STEP == 0)
                marks[j++] = i;
            str_decode(s->data, &i);
            c++;
        }
        m->s = s;
        m->marks = marks;
    }
    size_t off = m->marks[k];
    wf_mutex_unlock(&m->lock);
    return off;
}

static void marks_forget(StrObject *s)
{
    StrMarks *m = marks_slot(s);
    wf_mutex_lock(&m->lock);
    if (m->s == s) {
        wf_mem_free(m->marks);
        m->s = NULL;
        m->marks = NULL;
    }
    wf_mutex_unlock(&m->lock);
}

size_t wf_str_offset(StrObject *s, size_t idx)
{
    if (s->ascii)
        return idx;
    if (idx >= s->nchars)
        return s->len;
    size_t i = 0;
    if (s->nchars >= STR_MARK_MIN) {
        i = marks_get(s, idx / STR_MARK_STEP);
        idx %= STR_MARK_STEP;
    } else if (idx > s->nchars / 2) {
        /* Closer to the end: walk backwards. */
        size_t back = s->nchars - idx;
        i = s->len;
        while (back--) {
            i--;
            while (str_is_cont((unsigned char)s->data[i]))
                i--;
        }
        return i;
    }
    while (idx--) {
        i++;
        while (i < s->len && str_is_cont((unsigned char)s->data[i]))
            i++;
    }
    return i;
}

size_t wf_str_char_index(StrObject *s, size_t off)
{
    return s->ascii ? off : wf_str_count_chars(s->data, off);
}

Value wf_str_substring(Value sv, size_t start, size_t end)
{
    StrObject *s = str_obj(sv);
    if (end > s->nchars)
        end = s->nchars;
    if (start >= end)
        return str_empty;
    if (start == 0 && end == s->nchars && wf_is_str_exact(sv))
        return wf_incref(sv);
    size_t b = wf_str_offset(s, start);
    size_t e = wf_str_offset(s, end);
    return wf_str_new_n(s->data + b, e - b, end - start);
}

/* ---- hashing and equality ----
 *
 * hash(str) is CPython 3.11's: SipHash-1-3 (Py_HASH_CUTOFF is 0, so short
 * strings too) over the canonical representation, 1 byte per code point when
 * all are < 256, 2 (UCS-2, little-endian) when all are < 65536, else 4
 * (UCS-4); hash('') is 0 and -1 becomes -2. The 128-bit key follows
 * PYTHONHASHSEED as CPython does: unset, empty or "random" -> a random key
 * from getrandom() (so the iteration order of sets of strings varies from
 * run to run, as in CPython); an integer N in [0, 4294967295] -> CPython's
 * key for N (0: the zero key, else its LCG expansion), so with the same
 * PYTHONHASHSEED weft and CPython print sets in the same order; anything else
 * is a fatal error, as in CPython. -E/-I ignore the variable. The key is
 * chosen once, by wf_ids_init(), before the first string is hashed. */

static uint64_t hash_k0, hash_k1;

static void hash_key_init(void)
{
    const char *env = wf_sys_ignore_environment ? NULL : getenv("PYTHONHASHSEED");
    unsigned char key[24];
    if (env && *env && strcmp(env, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long long seed = strtoull(env, &end, 10);
        if (*end || end == env || errno || seed > 4294967295ull || strchr(env, '-')) {
            fprintf(stderr, "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be "
                            "\"random\" or an integer in range [0; 4294967295]\n");
            exit(1);
        }
        /* CPython's lcg_urandom (Python/bootstrap_hash.c); seed 0 is the zero key. */
        uint32_t x = (uint32_t)seed;
        for (size_t i = 0; i < sizeof key; i++) {
            x = x * 214013u + 2531011u;
            key[i] = seed ? (unsigned char)((x >> 16) & 0xff) : 0;
        }
    } else if (getrandom(key, sizeof key, GRND_NONBLOCK) != (ssize_t)sizeof key) {
        /* No entropy source: mix the clock and an address. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t s = ((uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec) ^ (uintptr_t)&ts;
        for (size_t i = 0; i < sizeof key; i++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            key[i] = (unsigned char)(s >> 56);
        }
    }
    hash_k0 = hash_k1 = 0;
    for (int i = 7; i >= 0; i--) {
        hash_k0 = (hash_k0 << 8) | key[i];
        hash_k1 = (hash_k1 << 8) | key[8 + i];
    }
}

typedef struct Sip {
    uint64_t v0, v1, v2, v3;
    uint64_t tail;     /* pending bytes, little-endian */
    unsigned ntail;    /* how many (< 8) */
    uint64_t total;    /* bytes fed */
} Sip;

#define SIP_ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIP_HALF(a, b, c, d, s, t) \
    a += b; c += d; b = SIP_ROTL(b, s) ^ a; d = SIP_ROTL(d, t) ^ c; a = SIP_ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3) \
    SIP_HALF(v0, v1, v2, v3, 13, 16); SIP_HALF(v2, v1, v0, v3, 17, 21);

static inline void sip_init(Sip *s)
{
    s->v0 = hash_k0 ^ 0x736f6d6570736575ull;
    s->v1 = hash_k1 ^ 0x646f72616e646f6dull;
    s->v2 = hash_k0 ^ 0x6c7967656e657261ull;
    s->v3 = hash_k1 ^ 0x7465646279746573ull;
    s->tail = 0;
    s->ntail = 0;
    s->total = 0;
}

static inline void sip_word(Sip *s, uint64_t m)
{
    s->v3 ^= m;
    SIP_ROUND(s->v0, s->v1, s->v2, s->v3);
    s->v0 ^= m;
}

/* Feeds one code unit of `width` bytes (1, 2 or 4: never split across words). */
static inline void sip_unit(Sip *s, uint32_t u, unsigned width)
{
    s->tail |= (uint64_t)u << (8 * s->ntail);
    s->ntail += width;
    s->total += width;
    if (s->ntail == 8) {
        sip_word(s, s->tail);
        s->tail = 0;
        s->ntail = 0;
    }
}

static inline uint64_t sip_final(Sip *s)
{
    uint64_t b = (s->total << 56) | s->tail;
    sip_word(s, b);
    s->v2 ^= 0xff;
    SIP_ROUND(s->v0, s->v1, s->v2, s->v3);
    SIP_ROUND(s->v0, s->v1, s->v2, s->v3);
    SIP_ROUND(s->v0, s->v1, s->v2, s->v3);
    return (s->v0 ^ s->v1) ^ (s->v2 ^ s->v3);
}

/* The hash of the UTF-8 text p[0:n] (CPython's, see above). */
static uint64_t str_hash_bytes(const char *p, size_t n)
{
    if (n == 0)
        return 0;
    Sip s;
    sip_init(&s);
    uint32_t maxc = 0;
    for (size_t i = 0; i < n; i++)
        maxc |= (unsigned char)p[i];
    if (maxc < 0x80) {
        /* ASCII: the UTF-8 bytes are the canonical (latin-1) bytes. */
        size_t i = 0;
        for (uint64_t w; i + 8 <= n; i += 8) {
            memcpy(&w, p + i, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            w = __builtin_bswap64(w);
#endif
            sip_word(&s, w);
        }
        s.total = i;
        for (; i < n; i++)
            sip_unit(&s, (unsigned char)p[i], 1);
        return sip_final(&s);
    }
    maxc = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c = str_decode(p, &i);
        if (c > maxc)
            maxc = c;
    }
    unsigned width = maxc < 0x100 ? 1 : maxc < 0x10000 ? 2 : 4;
    for (size_t i = 0; i < n;)
        sip_unit(&s, str_decode(p, &i), width);
    return sip_final(&s);
}

static Hash str_hash_final(uint64_t h)
{
    Hash r = (Hash)h;
    return r == -1 ? -2 : r;
}

/* The cache is written by whichever thread hashes first; two threads may
 * both compute it and store the same value. Relaxed atomics make that benign
 * race well-defined (the value depends only on the immutable text). */
Hash wf_str_hash(Value v)
{
    StrObject *s = str_obj(v);
    Hash h = wf_str_cached_hash(s);
    if (h == -1) {
        h = str_hash_final(str_hash_bytes(s->data, s->len));
        wf_atomic_store_relaxed_isize(&s->hash, h);  /* relaxed: see above */
    }
    return h;
}

bool wf_str_eq(Value a, Value b)
{
    if (a == b)
        return true;
    StrObject *x = str_obj(a), *y = str_obj(b);
    if (x->len != y->len)
        return false;
    /* Interned strings are unique per content and exact str only. */
    if ((x->ob.ob_flags & y->ob.ob_flags & WF_OBF_INTERNED))
        return false;
    Hash hx = wf_str_cached_hash(x), hy = wf_str_cached_hash(y);
    if (hx != -1 && hy != -1 && hx != hy)
        return false;
    return memcmp(x->data, y->data, x->len) == 0;
}

bool wf_str_eq_c(Value a, const char *s)
{
    StrObject *x = str_obj(a);
    size_t n = strlen(s);
    return x->len == n && memcmp(x->data, s, n) == 0;
}

/* ---- the intern table ----
 * An open-addressing hash set of immortal exact strs, separate from dict
 * because identifiers are interned before dicts exist. Interning happens at
 * run time too (attribute names from getattr/setattr, sys.intern, the
 * compiler), from any thread. The rules:
 *  1. Readers take no lock: they load the table pointer (acquire) and probe;
 *     a slot is loaded with acquire, pairing with the release store that
 *     published the string, so its hash, length and bytes are complete.
 *  2. Writers (an insert, a grow) hold intern_lock and re-probe under it, so
 *     two threads interning the same text get the same object.
 *  3. A grow builds the new table completely, publishes it with one release
 *     store, and retires the old one with wf_defer_free: a reader still
 *     probing the old table finds it intact until its next quiescent state.
 *     The old table holds the same strings, so a hit there is still right; a
 *     miss there is re-checked under the lock before inserting.
 *  4. Interned strings are immortal and never leave the table. */

typedef struct InternTable {
    size_t cap;             /* a power of two, fixed for the table's life */
    size_t used;            /* written under intern_lock only */
    StrObject *slots[];
} InternTable;

static InternTable *intern_table;
static uint8_t intern_lock;

/* The slot holding (p, n) or the empty slot where it would go; *found is
 * what the probe saw there (a concurrent insert may fill an empty slot with
 * another string right after, so callers use *found, never a re-read). */
static StrObject **intern_find(InternTable *t, const char *p, size_t n, Hash h, StrObject **found)
{
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        /* acquire: pairs with the release store in intern_insert_locked() */
        StrObject *s = wf_atomic_load_acquire_ptr(&t->slots[i]);
        if (!s || (s->hash == h && s->len == n && memcmp(s->data, p, n) == 0)) {
            *found = s;
            return &t->slots[i];
        }
    }
}

/* Under intern_lock: a table twice as large (or the first one). */
static InternTable *intern_grow_locked(InternTable *old)
{
    size_t cap = old ? old->cap * 2 : 1024;
    InternTable *t = wf_mem_calloc(1, sizeof *t + cap * sizeof t->slots[0]);
    t->cap = cap;
    if (old) {
        t->used = old->used;
        for (size_t i = 0; i < old->cap; i++) {
            StrObject *s = old->slots[i], *dup;  /* plain: only writers store slots, and we are the writer */
            if (s)
                *intern_find(t, s->data, s->len, s->hash, &dup) = s;  /* t is not published yet */
        }
    }
    /* release: pairs with the acquire in intern_lookup(); the copy above is complete. */
    wf_atomic_store_release_ptr(&intern_table, t);
    if (old)
        wf_defer_free(old);  /* rule 3 */
    return t;
}

/* The interned string for (p, n, h), or NULL. Lock-free (rule 1). */
static StrObject *intern_lookup(const char *p, size_t n, Hash h)
{
    /* acquire: pairs with the release in intern_grow_locked(). */
    InternTable *t = wf_atomic_load_acquire_ptr(&intern_table);
    StrObject *found = NULL;
    if (t)
        intern_find(t, p, n, h, &found);
    return found;
}

/* Under intern_lock: the existing string for (p, n) or `fresh` (reuse, or a
 * new str when reuse is 0) made immortal and published. Borrowed result. */
static Value intern_insert_locked(const char *p, size_t n, Hash h, Value reuse)
{
    InternTable *t = intern_table;
    if (!t || (t->used + 1) * 2 > t->cap)
        t = intern_grow_locked(t);
    StrObject *found;
    StrObject **slot = intern_find(t, p, n, h, &found);  /* under the lock: nobody else inserts */
    if (found) {
        if (reuse)
            wf_decref(reuse);
        return wf_val(found);
    }
    Value v = reuse ? reuse : wf_str_new_n(p, n, wf_str_count_chars(p, n));
    StrObject *s = str_obj(v);
    s->hash = h;
    s->ob.ob_flags |= WF_OBF_INTERNED;
    wf_make_immortal(v);
    /* release: publishes the complete string; pairs with the acquire in intern_find(). */
    wf_atomic_store_release_ptr(slot, s);
    t->used++;
    return v;
}

/* Looks up (p, n); adds a new immortal string if absent. Borrowed result.
 * reuse (stolen, may be 0) is a string with that text that only the caller
 * can see, adopted instead of a copy. */
static Value intern_bytes(const char *p, size_t n, Value reuse)
{
    if (n == 0 ? str_empty != 0 : n == 1 && (unsigned char)p[0] < 128 && str_chars[(unsigned char)p[0]]) {
        /* The singletons are interned already; common from wf_str_intern_c(""). */
        if (reuse)
            wf_decref(reuse);
        return n ? str_chars[(unsigned char)p[0]] : str_empty;
    }
    Hash h = str_hash_final(str_hash_bytes(p, n));
    StrObject *hit = intern_lookup(p, n, h);
    if (hit) {
        if (reuse)
            wf_decref(reuse);
        return wf_val(hit);
    }
    wf_mutex_lock(&intern_lock);
    Value v = intern_insert_locked(p, n, h, reuse);
    wf_mutex_unlock(&intern_lock);
    return v;
}

/* True if the caller holds the only reference to o, so no other thread can
 * be looking at it and interning may change it in place. */
static bool str_only_ref(Object *o)
{
    return wf_object_is_unique(o);
}

Value wf_str_intern(Value s)
{
    StrObject *o = str_obj(s);
    if (o->ob.ob_flags & WF_OBF_INTERNED)
        return s;
    if (!wf_is_str_exact(s)) {
        Value v = intern_bytes(o->data, o->len, 0);
        wf_decref(s);
        return v;
    }
    /* Immortal non-interned strings (static ones) must not be adopted, nor,
     * once threads exist, strings another thread may be reading: interning
     * writes the header (so sys.intern(x) may then return an equal copy). */
    if (wf_is_immortal(&o->ob))
        return intern_bytes(o->data, o->len, 0);
    if (wf_runtime_multithreaded() && !str_only_ref(&o->ob)) {
        Value v = intern_bytes(o->data, o->len, 0);
        wf_decref(s);
        return v;
    }
    return intern_bytes(o->data, o->len, s);
}

Value wf_str_intern_c(const char *s)
{
    return intern_bytes(s, strlen(s), 0);
}

Value wf_ids[WF_ID_COUNT];

void wf_ids_init(void)
{
    if (str_empty)
        return;
    hash_key_init();
    StrObject *e = wf_str_alloc(0);
    e->nchars = 0;
    e->ascii = 1;
    str_empty = intern_bytes("", 0, wf_val(e));
    for (int c = 0; c < 128; c++) {
        char ch = (char)c;
        StrObject *s = wf_str_alloc(1);
        s->data[0] = ch;
        s->nchars = 1;
        s->ascii = 1;
        str_chars[c] = intern_bytes(&ch, 1, wf_val(s));
    }
#define X(n) wf_ids[WF_ID_##n] = wf_str_intern_c(#n);
    WF_IDS(X)
#undef X
}

/* ---- StrBuilder ---- */

void wf_sb_init(StrBuilder *sb)
{
    sb->buf = NULL;
    sb->len = sb->cap = sb->nchars = 0;
    sb->ascii = true;
}

static void sb_reserve(StrBuilder *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    size_t cap = sb->cap ? sb->cap * 2 : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    sb->buf = wf_mem_realloc(sb->buf, cap);
    sb->cap = cap;
}

/* Add bytes whose code point count is known. */
static void sb_add_n(StrBuilder *sb, const char *s, size_t len, size_t nchars)
{
    sb_reserve(sb, len);
    memcpy(sb->buf + sb->len, s, len);
    sb->len += len;
    sb->nchars += nchars;
    if (nchars != len)
        sb->ascii = false;
}

void wf_sb_add(StrBuilder *sb, const char *s, size_t len)
{
    sb_add_n(sb, s, len, wf_str_count_chars(s, len));
}

void wf_sb_add_c(StrBuilder *sb, const char *s)
{
    wf_sb_add(sb, s, strlen(s));
}

void wf_sb_add_char(StrBuilder *sb, char c)
{
    sb_reserve(sb, 1);
    sb->buf[sb->len++] = c;
    sb->nchars++;
}

void wf_sb_add_codepoint(StrBuilder *sb, uint32_t cp)
{
    char tmp[4];
    size_t n = str_encode(cp, tmp);
    sb_add_n(sb, tmp, n, 1);
}

void wf_sb_add_str(StrBuilder *sb, Value s)
{
    StrObject *o = str_obj(s);
    sb_add_n(sb, o->data, o->len, o->nchars);
}

int wf_sb_add_repr(StrBuilder *sb, Value v)
{
    Value r = wf_repr(v);
    if (!r)
        return -1;
    wf_sb_add_str(sb, r);
    wf_decref(r);
    return 0;
}

int wf_sb_add_strof(StrBuilder *sb, Value v)
{
    if (wf_is_str(v)) {
        wf_sb_add_str(sb, v);
        return 0;
    }
    Value r = wf_str(v);
    if (!r)
        return -1;
    wf_sb_add_str(sb, r);
    wf_decref(r);
    return 0;
}

Value wf_sb_finish(StrBuilder *sb)
{
    Value v = wf_str_new_n(sb->buf ? sb->buf : "", sb->len, sb->nchars);
    wf_mem_free(sb->buf);
    wf_sb_init(sb);
    return v;
}

void wf_sb_discard(StrBuilder *sb)
{
    wf_mem_free(sb->buf);
    wf_sb_init(sb);
}

/* ---- printf ---- */

/* One %-directive's flags, width and precision, as given. */
typedef struct PfSpec {
    char flags[8];
    int width, prec;   /* -1 = absent */
    int lng;           /* 0, 1 = l, 2 = ll, 3 = z */
} PfSpec;

static const char *pf_parse(const char *f, PfSpec *ps)
{
    int nf = 0;
    ps->width = ps->prec = -1;
    ps->lng = 0;
    while (*f == '-' || *f == '0' || *f == '+' || *f == ' ' || *f == '#') {
        if (nf < 6)
            ps->flags[nf++] = *f;
        f++;
    }
    ps->flags[nf] = '\0';
    if (*f >= '0' && *f <= '9') {
        ps->width = 0;
        while (*f >= '0' && *f <= '9')
            ps->width = ps->width * 10 + (*f++ - '0');
    }
    if (*f == '.') {
        f++;
        ps->prec = 0;
        while (*f >= '0' && *f <= '9')
            ps->prec = ps->prec * 10 + (*f++ - '0');
    }
    if (*f == 'l') {
        ps->lng = 1, f++;
        if (*f == 'l')
            ps->lng = 2, f++;
    } else if (*f == 'z') {
        ps->lng = 3, f++;
    }
    return f;
}

/* Pad a string argument (already in UTF-8) to the directive's width. */
static void pf_add_padded(StrBuilder *sb, const PfSpec *ps, const char *s, size_t len)
{
    size_t nchars = wf_str_count_chars(s, len);
    if (ps->prec >= 0 && nchars > (size_t)ps->prec) {
        size_t i = 0, k = 0;
        while (k < (size_t)ps->prec) {
            str_decode(s, &i);
            k++;
        }
        len = i;
        nchars = k;
    }
    bool left = strchr(ps->flags, '-') != NULL;
    size_t pad = ps->width > 0 && (size_t)ps->width > nchars ? (size_t)ps->width - nchars : 0;
    if (!left)
        for (size_t i = 0; i < pad; i++)
            wf_sb_add_char(sb, ' ');
    sb_add_n(sb, s, len, nchars);
    if (left)
        for (size_t i = 0; i < pad; i++)
            wf_sb_add_char(sb, ' ');
}

/* A numeric directive through the C library (output capped at 79 bytes:
 * these are messages, not data). */
static void pf_number(StrBuilder *sb, const PfSpec *ps, char conv, va_list *ap)
{
    char fmt[32], out[80];
    const char *lm = ps->lng == 1 ? "l" : ps->lng == 2 ? "ll" : ps->lng == 3 ? "z" : "";
    int n = 0;
    n += snprintf(fmt + n, sizeof fmt - n, "%%%s", ps->flags);
    if (ps->width >= 0)
        n += snprintf(fmt + n, sizeof fmt - n, "%d", ps->width);
    if (ps->prec >= 0)
        n += snprintf(fmt + n, sizeof fmt - n, ".%d", ps->prec);
    bool flt = conv == 'f' || conv == 'g' || conv == 'e';
    snprintf(fmt + n, sizeof fmt - n, "%s%c", flt ? "" : lm, conv == 'i' ? 'd' : conv);
    int w;
    bool sgn = conv == 'd' || conv == 'i';
    if (conv == 'p')
        w = snprintf(out, sizeof out, fmt, va_arg(*ap, void *));
    else if (flt)
        w = snprintf(out, sizeof out, fmt, va_arg(*ap, double));
    else if (ps->lng == 1)
        w = sgn ? snprintf(out, sizeof out, fmt, va_arg(*ap, long))
                : snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned long));
    else if (ps->lng == 2)
        w = sgn ? snprintf(out, sizeof out, fmt, va_arg(*ap, long long))
                : snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned long long));
    else if (ps->lng == 3)
        w = sgn ? snprintf(out, sizeof out, fmt, va_arg(*ap, intptr_t))
                : snprintf(out, sizeof out, fmt, va_arg(*ap, size_t));
    else
        w = sgn ? snprintf(out, sizeof out, fmt, va_arg(*ap, int))
                : snprintf(out, sizeof out, fmt, va_arg(*ap, unsigned));
    if (w < 0)
        return;
    size_t len = (size_t)w < sizeof out ? (size_t)w : sizeof out - 1;
    sb_add_n(sb, out, len, len);
}

/* A Value directive: %R %S %U %T. Returns -1 on error. */
static int pf_value(StrBuilder *sb, const PfSpec *ps, char conv, Value v)
{
    Value s;
    if (conv == 'T') {
        const char *tn = wf_type_name(v);
        pf_add_padded(sb, ps, tn, strlen(tn));
        return 0;
    }
    if (conv == 'U')
        s = wf_incref(v);
    else if (conv == 'R')
        s = wf_repr(v);
    else
        s = wf_str(v);
    if (!s)
        return -1;
    StrObject *o = str_obj(s);
    pf_add_padded(sb, ps, o->data, o->len);
    wf_decref(s);
    return 0;
}

Value wf_str_vprintf(const char *fmt, va_list ap0)
{
    StrBuilder sb;
    va_list ap;
    va_copy(ap, ap0);
    wf_sb_init(&sb);
    for (const char *f = fmt; *f;) {
        const char *pct = strchr(f, '%');
        if (!pct) {
            wf_sb_add_c(&sb, f);
            break;
        }
        wf_sb_add(&sb, f, (size_t)(pct - f));
        PfSpec ps;
        f = pf_parse(pct + 1, &ps);
        char conv = *f ? *f++ : '%';
        switch (conv) {
        case '%':
            wf_sb_add_char(&sb, '%');
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            pf_add_padded(&sb, &ps, s, strlen(s));
            break;
        }
        case 'c':
            wf_sb_add_codepoint(&sb, (uint32_t)va_arg(ap, int));
            break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'p': case 'f': case 'g': case 'e':
            pf_number(&sb, &ps, conv, &ap);
            break;
        case 'R': case 'S': case 'U': case 'T':
            if (pf_value(&sb, &ps, conv, va_arg(ap, Value)) < 0) {
                va_end(ap);
                wf_sb_discard(&sb);
                return 0;
            }
            break;
        default:
            /* Unknown directive: copy it through, as CPython does. */
            wf_sb_add(&sb, pct, (size_t)(f - pct));
            break;
        }
    }
    va_end(ap);
    return wf_sb_finish(&sb);
}

Value wf_str_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Value v = wf_str_vprintf(fmt, ap);
    va_end(ap);
    return v;
}

/* ---- repr ---- */

static bool str_printable(uint32_t cp)
{
    if (cp < 128)
        return cp >= 0x20 && cp < 0x7F;
    return (wf_uc_flags(cp) & WF_UC_PRINTABLE) != 0;
}

static void repr_escape(StrBuilder *sb, uint32_t cp)
{
    char buf[12];
    if (cp < 0x100)
        snprintf(buf, sizeof buf, "\\x%02x", cp);
    else if (cp < 0x10000)
        snprintf(buf, sizeof buf, "\\u%04x", cp);
    else
        snprintf(buf, sizeof buf, "\\U%08x", cp);
    wf_sb_add_c(sb, buf);
}

void wf_str_repr_into(StrBuilder *sb, const char *s, size_t len, bool ascii_only)
{
    bool sq = memchr(s, '\'', len) != NULL, dq = memchr(s, '"', len) != NULL;
    char quote = sq && !dq ? '"' : '\'';
    wf_sb_add_char(sb, quote);
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        uint32_t cp = str_decode(s, &i);
        if (cp == (uint32_t)quote || cp == '\\') {
            wf_sb_add_char(sb, '\\');
            wf_sb_add_char(sb, (char)cp);
        } else if (cp == '\n') {
            wf_sb_add_c(sb, "\\n");
        } else if (cp == '\r') {
            wf_sb_add_c(sb, "\\r");
        } else if (cp == '\t') {
            wf_sb_add_c(sb, "\\t");
        } else if (cp < 128 ? !str_printable(cp) : (ascii_only || !str_printable(cp))) {
            repr_escape(sb, cp);
        } else {
            sb_add_n(sb, s + start, i - start, 1);
        }
    }
    wf_sb_add_char(sb, quote);
}

Value wf_str_repr(Value v)
{
    StrObject *s = str_obj(v);
    StrBuilder sb;
    wf_sb_init(&sb);
    wf_str_repr_into(&sb, s->data, s->len, false);
    return wf_sb_finish(&sb);
}

Value wf_str_to_ascii(Value v)
{
    StrObject *s = str_obj(v);
    if (s->ascii)
        return wf_incref(v);
    StrBuilder sb;
    wf_sb_init(&sb);
    size_t i = 0;
    while (i < s->len) {
        size_t start = i;
        uint32_t cp = str_decode(s->data, &i);
        if (cp < 128)
            sb_add_n(&sb, s->data + start, 1, 1);
        else
            repr_escape(&sb, cp);
    }
    return wf_sb_finish(&sb);
}

/* ---- concatenation, repetition ---- */

Value wf_str_concat(Value a, Value b)
{
    StrObject *x = str_obj(a), *y = str_obj(b);
    if (y->len == 0 && wf_is_str_exact(a))
        return wf_incref(a);
    if (x->len == 0 && wf_is_str_exact(b))
        return wf_incref(b);
    if (x->len + y->len > (SIZE_MAX >> 3))
        return wf_err_set_str(wf_exc_OverflowError, "strings are too large to concat");
    StrObject *s = wf_str_alloc(x->len + y->len);
    memcpy(s->data, x->data, x->len);
    memcpy(s->data + x->len, y->data, y->len);
    s->nchars = x->nchars + y->nchars;
    s->ascii = x->ascii && y->ascii;
    return wf_val(s);
}

Value wf_str_append_unique(Value a, Value b)
{
    StrObject *x = str_obj(a), *y = str_obj(b);
    bool unique = wf_is_str_exact(a) && wf_object_is_unique(&x->ob) &&
                  !(x->ob.ob_flags & (WF_OBF_INTERNED | WF_OBF_STATIC));
    if (!unique || a == b || y->len == 0 || !wf_is_str(b)) {
        Value r = wf_str_concat(a, b);
        wf_decref(a);
        return r;
    }
    size_t len = x->len + y->len;
    if (len > WF_STR_MAX_BYTES) {
        wf_decref(a);
        return wf_err_no_memory();
    }
    /* Growing moves the object: its address-keyed offset marks must go. */
    if (!x->ascii && x->nchars >= STR_MARK_MIN)
        marks_forget(x);
    x = wf_mem_realloc(x, sizeof(StrObject) + len + 1);
    memcpy(x->data + x->len, y->data, y->len);
    x->data[len] = '\0';
    x->len = len;
    x->nchars += y->nchars;
    x->ascii = x->ascii && y->ascii;
    x->hash = -1;
    return wf_val(x);
}

static Value str_repeat(Value sv, intptr_t n)
{
    StrObject *x = str_obj(sv);
    if (n <= 0 || x->len == 0)
        return str_empty;
    if (n == 1 && wf_is_str_exact(sv))
        return wf_incref(sv);
    if ((size_t)n > ((SIZE_MAX >> 4) / x->len))
        return wf_err_set_str(wf_exc_OverflowError, "repeated string is too long");
    size_t total = x->len * (size_t)n;
    if (total > WF_STR_MAX_BYTES)
        return wf_err_no_memory();
    StrObject *s = wf_str_alloc(total);
    memcpy(s->data, x->data, x->len);
    size_t done = x->len;
    while (done < total) {
        size_t k = done <= total - done ? done : total - done;
        memcpy(s->data + done, s->data, k);
        done += k;
    }
    s->nchars = x->nchars * (size_t)n;
    s->ascii = x->ascii;
    return wf_val(s);
}

/* ---- the type's slots ---- */

extern const MethodDef wf_str_methods[];   /* core/strmethods.c */

static void str_dealloc(Object *o)
{
    StrObject *s = (StrObject *)o;
    if (!s->ascii && s->nchars >= STR_MARK_MIN)
        marks_forget(s);
    wf_object_free(o);
}

static Value str_repr_slot(Value v)
{
    return wf_str_repr(v);
}

static Value str_str_slot(Value v)
{
    if (wf_is_str_exact(v))
        return wf_incref(v);
    StrObject *s = str_obj(v);
    return wf_str_new_n(s->data, s->len, s->nchars);
}

static Hash str_hash_slot(Value v)
{
    return wf_str_hash(v);
}

static int str_compare(StrObject *x, StrObject *y)
{
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->data, y->data, n);
    if (c)
        return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

static Value str_richcompare(Value a, Value b, int op)
{
    if (!wf_is_str(a) || !wf_is_str(b))
        return wf_NotImplemented;
    if (op == WF_EQ || op == WF_NE)
        return wf_bool(wf_str_eq(a, b) == (op == WF_EQ));
    int c = str_compare(str_obj(a), str_obj(b));
    switch (op) {
    case WF_LT: return wf_bool(c < 0);
    case WF_LE: return wf_bool(c <= 0);
    case WF_GT: return wf_bool(c > 0);
    default: return wf_bool(c >= 0);
    }
}

/* Does the other operand's class define the reflected method? Then it gets
 * its chance before str raises its own TypeError (CPython tries nb_add of
 * both operands before falling back to str's sq_concat). */
static bool str_other_reflects(Value other, Value name)
{
    TypeObject *t = wf_type(other);
    return (t->tp_flags & WF_TPF_HEAPTYPE) && wf_type_lookup(t, name) != 0;
}

static Value str_mul(Value a, Value b)
{
    Value s = wf_is_str(a) ? a : b, n = wf_is_str(a) ? b : a;
    if (!wf_is_int(n)) {
        TypeObject *t = wf_type(n);
        if (!t->tp_index) {
            if (s == a && str_other_reflects(n, WF_ID(__rmul__)))
                return wf_NotImplemented;
            if (s == b && str_other_reflects(n, WF_ID(__mul__)))
                return wf_NotImplemented;
            return wf_err_format(wf_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                                 wf_type_name(n));
        }
    }
    Value idx = wf_index(n);
    if (!idx)
        return 0;
    int64_t k;
    if (wf_int_as_i64(idx, &k) < 0) {
        /* Too large for C: only an empty result is representable. */
        wf_err_clear();
        int sign = wf_int_sign(idx);
        wf_decref(idx);
        if (sign <= 0 || str_obj(s)->len == 0)
            return str_empty;
        return wf_err_format(wf_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    }
    wf_decref(idx);
    return str_repeat(s, (intptr_t)k);
}

static Value str_binop(Value a, Value b, int op)
{
    switch (op) {
    case WF_BINOP_ADD:
        if (!wf_is_str(a))
            return wf_NotImplemented;
        if (wf_is_str(b))
            return wf_str_concat(a, b);
        if (str_other_reflects(b, WF_ID(__radd__)))
            return wf_NotImplemented;
        return wf_err_format(wf_exc_TypeError, "can only concatenate str (not \"%s\") to str",
                             wf_type_name(b));
    case WF_BINOP_MUL:
        return str_mul(a, b);
    case WF_BINOP_MOD:
        if (!wf_is_str(a))
            return wf_NotImplemented;
        return wf_str_percent_format(a, b);
    default:
        return wf_NotImplemented;
    }
}

static intptr_t str_len_slot(Value v)
{
    return (intptr_t)str_obj(v)->nchars;
}

static int str_bool_slot(Value v)
{
    return str_obj(v)->len != 0;
}

static int str_contains_slot(Value v, Value item)
{
    if (!wf_is_str(item))
        return wf_err_format(wf_exc_TypeError, "'in <string>' requires string as left operand, not %s",
                             wf_type_name(item)), -1;
    StrObject *s = str_obj(v), *sub = str_obj(item);
    if (sub->len == 0)
        return 1;
    return memmem(s->data, s->len, sub->data, sub->len) != NULL;
}

static Value str_char_at(StrObject *s, size_t idx)
{
    if (s->ascii)
        return str_chars[(unsigned char)s->data[idx]];
    size_t off = wf_str_offset(s, idx), end = off;
    str_decode(s->data, &end);
    return wf_str_new_n(s->data + off, end - off, 1);
}

static Value str_slice(Value sv, Value slice)
{
    StrObject *s = str_obj(sv);
    intptr_t start, stop, step, n;
    if (wf_slice_indices(slice, (intptr_t)s->nchars, &start, &stop, &step, &n) < 0)
        return 0;
    if (n <= 0)
        return str_empty;
    if (step == 1)
        return wf_str_substring(sv, (size_t)start, (size_t)stop);
    StrBuilder sb;
    wf_sb_init(&sb);
    if (s->ascii) {
        sb_reserve(&sb, (size_t)n);
        for (intptr_t i = 0, k = start; i < n; i++, k += step)
            sb.buf[sb.len++] = s->data[k];
        sb.nchars = (size_t)n;
        return wf_sb_finish(&sb);
    }
    /* Non-ASCII with a step: record where every code point starts. */
    size_t *offs = wf_mem_alloc((s->nchars + 1) * sizeof *offs);
    size_t i = 0, c = 0;
    while (i < s->len) {
        offs[c++] = i;
        str_decode(s->data, &i);
    }
    offs[c] = s->len;
    for (intptr_t j = 0, k = start; j < n; j++, k += step)
        sb_add_n(&sb, s->data + offs[k], offs[k + 1] - offs[k], 1);
    wf_mem_free(offs);
    return wf_sb_finish(&sb);
}

static Value str_getitem(Value sv, Value key)
{
    StrObject *s = str_obj(sv);
    intptr_t i;
    if (wf_is_small(key)) {
        i = wf_small_val(key);
    } else if (wf_is_type_exact(key, &wf_type_slice)) {
        return str_slice(sv, key);
    } else if (wf_type(key)->tp_index) {
        Value idx = wf_index(key);
        if (!idx)
            return 0;
        int64_t k;
        int rc = wf_int_as_i64(idx, &k);
        wf_decref(idx);
        if (rc < 0) {
            wf_err_clear();
            return wf_err_format(wf_exc_IndexError, "cannot fit '%s' into an index-sized integer",
                                 wf_type_name(key));
        }
        i = (intptr_t)k;
    } else {
        return wf_err_format(wf_exc_TypeError, "string indices must be integers, not '%s'",
                             wf_type_name(key));
    }
    if (i < 0)
        i += (intptr_t)s->nchars;
    if (i < 0 || (size_t)i >= s->nchars)
        return wf_err_set_str(wf_exc_IndexError, "string index out of range");
    return str_char_at(s, (size_t)i);
}

static Value str_new_slot(TypeObject *type, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    Value obj = 0, enc = 0, errs = 0, r;
    bool nokw = !kwnames || wf_tuple_size(kwnames) == 0;
    if (nokw && nargs <= 1 && type == &wf_type_str)   /* str(x): the common case */
        return nargs ? wf_str(args[0]) : str_empty;
    if (wf_parse_args("str", args, nargs, kwnames, "|OOO", names, &obj, &enc, &errs) < 0)
        return 0;
    if (enc || errs) {
        if (!obj)
            r = str_empty;
        else if (wf_is_str(obj))
            return wf_err_set_str(wf_exc_TypeError, "decoding str is not supported");
        else
            return wf_err_format(wf_exc_TypeError, "decoding to str: need a bytes-like object, %s found",
                                 wf_type_name(obj));
    } else {
        r = obj ? wf_str(obj) : str_empty;
    }
    if (!r || type == &wf_type_str)
        return r;
    /* A subclass instance: the object header and StrObject fields, the
     * data right after them, and room for the class's extra fields. */
    StrObject *src = str_obj(r);
    size_t base = type->tp_basicsize > sizeof(StrObject) ? type->tp_basicsize : sizeof(StrObject);
    StrObject *s = (StrObject *)wf_object_alloc(type, base + src->len + 1);
    s->len = src->len;
    s->nchars = src->nchars;
    s->ascii = src->ascii;
    s->hash = -1;
    memcpy(s->data, src->data, src->len + 1);
    wf_decref(r);
    return wf_val(s);
}

static Value str_format_slot(Value v, Value spec)
{
    return wf_str_format_spec(v, spec);
}

/* ---- iteration ---- */

typedef struct StrIterObject {
    Object ob;
    Value str;     /* 0 once exhausted */
    size_t off;    /* byte offset of the next code point */
} StrIterObject;

static TypeObject str_ascii_iter_type;

static Value str_iter(Value v)
{
    /* CPython 3.11 names the ASCII iterator differently; same behaviour. */
    TypeObject *t = str_obj(v)->ascii ? &str_ascii_iter_type : &wf_type_str_iter;
    StrIterObject *it = (StrIterObject *)wf_object_alloc(t, sizeof *it);
    it->str = wf_incref(v);
    it->off = 0;
    return wf_val(it);
}

static Value striter_next(Value v)
{
    StrIterObject *it = (StrIterObject *)wf_obj(v);
    if (!it->str)
        return 0;
    StrObject *s = str_obj(it->str);
    if (it->off >= s->len) {
        Value str = it->str;
        it->str = 0;
        wf_decref(str);
        return 0;
    }
    unsigned char b = (unsigned char)s->data[it->off];
    if (b < 128) {
        it->off++;
        return str_chars[b];
    }
    size_t start = it->off;
    str_decode(s->data, &it->off);
    return wf_str_new_n(s->data + start, it->off - start, 1);
}

static Value striter_iter(Value v)
{
    return wf_incref(v);
}

static void striter_dealloc(Object *o)
{
    wf_xdecref(((StrIterObject *)o)->str);
    wf_object_free(o);
}

static Value striter_length_hint(Value self, const Value *args, size_t nargs, Value kwnames)
{
    StrIterObject *it = (StrIterObject *)wf_obj(self);
    if (!it->str)
        return wf_small(0);
    StrObject *s = str_obj(it->str);
    return wf_small((intptr_t)(s->nchars - wf_str_char_index(s, it->off)));
}

static const MethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, 0, NULL},
    {NULL, NULL, 0, NULL},
};

TypeObject wf_type_str_iter = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = striter_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

static TypeObject str_ascii_iter_type = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = striter_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

TypeObject wf_type_str = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "str",
    .tp_basicsize = sizeof(StrObject),
    .tp_itemsize = 1,
    .tp_flags = WF_TPF_BASETYPE | WF_TPF_STR_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr_slot,
    .tp_str = str_str_slot,
    .tp_hash = str_hash_slot,
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_new = str_new_slot,
    .tp_len = str_len_slot,
    .tp_getitem = str_getitem,
    .tp_contains = str_contains_slot,
    .tp_bool = str_bool_slot,
    .tp_binop = str_binop,
    .tp_format = str_format_slot,
    .tp_methods = wf_str_methods,
};

void wf_str_init(void)
{
    wf_ids_init();
    if (wf_type_ready(&wf_type_str) < 0 || wf_type_ready(&wf_type_str_iter) < 0 ||
        wf_type_ready(&str_ascii_iter_type) < 0)
        WF_DIE("cannot initialise the str type", 0);
}
