/* weft: internals shared by the str implementation files. */
/* UTF-8 helpers, raw constructors, character properties -> str.c, strmethods.c, strformat.c. */
#ifndef WF_STRIMPL_H
#define WF_STRIMPL_H

#include "sync/atomic.h"
#include "weft.h"

/* ---- UTF-8 ----
 * Strings hold UTF-8 (lone surrogates encoded as 3-byte sequences, as
 * chr(0xd800) must work). The input is trusted to be well formed. */
static inline bool str_is_cont(unsigned char b) { return (b & 0xC0) == 0x80; }

/* Decode the code point at s[*i] and advance *i past it. */
static inline uint32_t str_decode(const char *s, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    unsigned char b = p[0];
    if (b < 0x80) {
        *i += 1;
        return b;
    }
    if (b < 0xE0) {
        *i += 2;
        return ((uint32_t)(b & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (b < 0xF0) {
        *i += 3;
        return ((uint32_t)(b & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *i += 4;
    return ((uint32_t)(b & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
           ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Decode the code point ending just before s[*i] and move *i back to its start. */
static inline uint32_t str_decode_back(const char *s, size_t *i)
{
    size_t j = *i - 1;
    while (j > 0 && str_is_cont((unsigned char)s[j]))
        j--;
    *i = j;
    size_t k = j;
    return str_decode(s, &k);
}

/* Encode cp into out (4 bytes); returns the byte count. */
static inline size_t str_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static inline StrObject *str_obj(Value v) { return (StrObject *)wf_obj(v); }

/* A str's cached hash, -1 if not computed yet. The cache is filled lazily by
 * any thread (wf_str_hash), so it is read with a relaxed atomic load; code
 * in other files that peeks at StrObject.hash should use this too. */
static inline Hash wf_str_cached_hash(const StrObject *s)
{
    return wf_atomic_load_relaxed_isize(&s->hash);  /* relaxed: pairs with nothing, the value is idempotent */
}

/* Results larger than this raise MemoryError instead of asking malloc
 * (which aborts the process on failure, see wf_mem_alloc). */
#define WF_STR_MAX_BYTES ((size_t)1 << 34)

/* ---- construction and indexing (core/str.c) ---- */
size_t wf_str_count_chars(const char *s, size_t len);
/* A new exact str from bytes whose code point count is already known. */
Value wf_str_new_n(const char *utf8, size_t len, size_t nchars);
/* An uninitialised exact str of len bytes (data NUL-terminated); the caller
 * fills data and then calls wf_str_fix(), which counts code points. */
StrObject *wf_str_alloc(size_t len);
Value wf_str_fix(StrObject *s);
/* Byte offset of code point number `idx` (idx <= nchars). */
size_t wf_str_offset(StrObject *s, size_t idx);
/* Code point number of byte offset `off`. */
size_t wf_str_char_index(StrObject *s, size_t off);
Value wf_str_empty(void);               /* the immortal '' (new ref, for symmetry) */
extern TypeObject wf_type_str_iter;
/* str.format_map(mapping) (core/strformat.c). */
Value wf_str_format_map(Value fmt, Value mapping);
/* Append a repr of s's data to sb with CPython's quoting. */
void wf_str_repr_into(StrBuilder *sb, const char *s, size_t len, bool ascii_only);

/* ---- character properties (core/strunicode.c) ---- */
#define WF_UC_ALPHA 0x1
#define WF_UC_DECIMAL 0x2
#define WF_UC_DIGIT 0x4
#define WF_UC_NUMERIC 0x8
#define WF_UC_SPACE 0x10
#define WF_UC_LOWER 0x20
#define WF_UC_UPPER 0x40
#define WF_UC_TITLE 0x80
#define WF_UC_PRINTABLE 0x100
#define WF_UC_XID_START 0x200
#define WF_UC_XID_CONTINUE 0x400
#define WF_UC_CASED 0x800
#define WF_UC_CASE_IGNORABLE 0x1000
unsigned wf_uc_flags(uint32_t cp);
/* Full case mappings: write 1..3 code points to out, return the count. */
int wf_uc_lower(uint32_t cp, uint32_t out[3]);
int wf_uc_upper(uint32_t cp, uint32_t out[3]);
int wf_uc_title(uint32_t cp, uint32_t out[3]);
int wf_uc_fold(uint32_t cp, uint32_t out[3]);
int wf_uc_decimal(uint32_t cp);          /* 0..9, or -1 */

static inline bool wf_uc_isspace(uint32_t cp)
{
    if (cp < 128)
        return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
    return (wf_uc_flags(cp) & WF_UC_SPACE) != 0;
}

#endif
