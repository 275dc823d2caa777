/* weft: text files (open() and sys.stdin/stdout/stderr). */
/* File descriptors -> buffered UTF-8 text streams (_io.TextIOWrapper-like). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "runtime.h"
#include "sync/mutex.h"

/*
 * One object plays io.FileIO + BufferedReader/Writer + TextIOWrapper: it
 * owns a descriptor, a read buffer and a write buffer, and converts between
 * bytes and str (UTF-8 only).
 *
 *  - Writes collect in wbuf and reach the descriptor when the buffer fills,
 *    on flush()/close(), at each newline for line-buffered streams (ttys,
 *    sys.stderr), or immediately when unbuffered (-u).
 *  - Reads fill rbuf in chunks. With newline=None (the default), "\r\n" and
 *    "\r" become "\n" as the chunk arrives; a "\r" at the end of a chunk is
 *    remembered so that a "\n" starting the next one is dropped.
 *  - Sizes given by Python (read(n), readline(n)) count characters: the
 *    loops below stop before the lead byte of character n+1, so a character
 *    split across two chunks stays whole.
 *  - Every open file is on a registry so that wf_file_flush_all() can flush
 *    them at exit, as CPython's finalizers do.
 *
 * Threads (docs/threads.md, "Files"):
 *  1. Each file has a recursive mutex (`lock`) held for the whole of every
 *     operation that touches its state (buffers, position, closed), including
 *     the read()/write() system calls, so concurrent print() calls never
 *     corrupt the buffer or lose bytes; each print() is one write (builtins.c),
 *     so whole lines arrive. Recursive, because an operation can run Python
 *     code that uses the same file (writelines() iterating a generator that
 *     prints, __index__ of a seek() argument).
 *  2. Blocking system calls (read, write, open) are bracketed by
 *     wf_blocking_begin/end: the thread is detached while it waits. The file
 *     lock stays held (it is a plain mutex, not a critical section); a thread
 *     waiting for it parks through the sync/ blocking hooks, detached too.
 *  3. The registry has its own mutex. Order: registry lock, then a file lock
 *     (wf_file_flush_all); a file operation never takes the registry lock
 *     while holding its file lock (file_close unregisters after unlocking).
 *  4. Reading stdin first flushes stdout: stdin's lock, then stdout's.
 */

#define FILE_CHUNK 8192

typedef struct FileObject {
    Object ob;
    int fd;
    Value name;              /* str path / "<stdout>", or the int descriptor */
    Value mode;              /* str, as given to open() */
    Value encoding;          /* str, as shown by repr */
    bool readable, writable, closed, closefd;
    bool line_buffered, unbuffered;
    bool translate;          /* newline=None: universal newlines on input */
    bool pending_cr;         /* the last chunk ended in a translated "\r" */
    bool eof;
    char *wbuf;
    size_t wlen, wcap;
    char *rbuf;
    size_t rpos, rlen, rcap;
    struct FileObject *reg_prev, *reg_next;  /* under registry_lock */
    WfRMutex lock;           /* rule 1 */
} FileObject;

/* A growable byte buffer for the text being read. */
typedef struct Bytes {
    char *p;
    size_t len, cap;
} Bytes;

static FileObject *file_registry;
static uint8_t registry_lock;

static void file_lock(FileObject *f) { wf_rmutex_lock(&f->lock); }
static void file_unlock(FileObject *f) { (void)wf_rmutex_unlock(&f->lock); }

static inline FileObject *file_obj(Value v) { return (FileObject *)wf_obj(v); }
static bool file_check(Value v) { return wf_is_obj(v) && wf_isinstance_type(v, &wf_type_textfile); }

static void bytes_add(Bytes *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->p = wf_mem_realloc(b->p, b->cap);
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

/* ---- errors ---- */

/* OSError (or the subclass errno selects) with strerror and the file name. */
static Value file_err_errno(int err, Value filename)
{
    Value args[3];
    args[0] = wf_small(err);
    args[1] = wf_str_from_cstr(strerror(err));
    args[2] = filename;
    Value exc = wf_exc_new(wf_exc_OSError, args, filename ? 3 : 2);
    wf_decref(args[1]);
    if (exc)
        wf_err_raise(exc);
    wf_xdecref(exc);
    return 0;
}

static Value file_err_closed(void)
{
    return wf_err_set_str(wf_exc_ValueError, "I/O operation on closed file.");
}

static Value file_err_unsupported(const char *what)
{
    return wf_err_set_str(wf_exc_UnsupportedOperation, what);
}

/* fileno(), isatty(), writable() and seekable() word it without the period. */
static int file_check_open_np(FileObject *f)
{
    if (f->closed) {
        wf_err_set_str(wf_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

static int file_check_open(FileObject *f)
{
    if (f->closed) {
        file_err_closed();
        return -1;
    }
    return 0;
}

static int file_check_readable(FileObject *f)
{
    if (file_check_open(f) < 0)
        return -1;
    if (!f->readable) {
        file_err_unsupported("not readable");
        return -1;
    }
    return 0;
}

static int file_check_writable(FileObject *f)
{
    if (file_check_open(f) < 0)
        return -1;
    if (!f->writable) {
        file_err_unsupported("not writable");
        return -1;
    }
    return 0;
}

/* Length of the valid UTF-8 prefix of s, or n. *bad gets the offending byte. */
static size_t file_utf8_valid(const unsigned char *s, size_t n, unsigned char *bad, const char **why)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t need;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3, cp = c & 0x07;
        } else {
            *bad = c, *why = "invalid start byte";
            return i;
        }
        if (i + need >= n) {
            *bad = c, *why = "unexpected end of data";
            return i;
        }
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *bad = c, *why = "invalid continuation byte";
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (need == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            *bad = c, *why = "invalid continuation byte";
            return i;
        }
        i += need + 1;
    }
    return n;
}

/* A str from the bytes read, or UnicodeDecodeError. */
static Value file_decode(const char *p, size_t n)
{
    unsigned char bad = 0;
    const char *why = NULL;
    size_t ok = file_utf8_valid((const unsigned char *)p, n, &bad, &why);
    if (ok < n)
        return wf_err_format(wf_exc_UnicodeDecodeError,
                             "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", bad, ok, why);
    return wf_str_new(p, n);
}

/* ---- the descriptor level ---- */

static int file_write_all(FileObject *f, const char *p, size_t n)
{
    while (n > 0) {
        wf_blocking_begin();  /* rule 2: p is f's buffer (ours under the lock) or an immutable str */
        ssize_t w = write(f->fd, p, n);
        int err = errno;
        wf_blocking_end();
        if (w < 0) {
            if (err == EINTR)
                continue;
            file_err_errno(err, 0);
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int file_flush_writes(FileObject *f)
{
    if (f->wlen == 0)
        return 0;
    size_t n = f->wlen;
    f->wlen = 0;  /* drop the data even on error, as CPython does for a dead pipe */
    return file_write_all(f, f->wbuf, n);
}

/* Give back the read-ahead (before writing or seeking in a "+" file). */
static void file_drop_readahead(FileObject *f)
{
    size_t unread = f->rlen - f->rpos;
    if (unread)
        lseek(f->fd, -(off_t)unread, SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->pending_cr = false;
    f->eof = false;
}

/* Translate "\r\n" and "\r" to "\n" in rbuf[from..rlen). */
static void file_translate(FileObject *f, size_t from)
{
    char *p = f->rbuf;
    size_t w = from;
    for (size_t r = from; r < f->rlen; r++) {
        char c = p[r];
        if (f->pending_cr) {
            f->pending_cr = false;
            if (c == '\n')
                continue;
        }
        if (c == '\r') {
            c = '\n';
            f->pending_cr = true;
        }
        p[w++] = c;
    }
    f->rlen = w;
}

/* Refill the read buffer; returns bytes available, 0 at EOF, -1 on error. */
static intptr_t file_fill(FileObject *f)
{
    if (f->rpos < f->rlen)
        return (intptr_t)(f->rlen - f->rpos);
    if (f->wlen && file_flush_writes(f) < 0)
        return -1;
    /* Before blocking on a terminal, show what was printed (the prompt). */
    if (f->fd == 0) {
        Value out = wf_sys_get("stdout");
        if (out && file_check(out) && file_obj(out) != f) {
            FileObject *o = file_obj(out);
            file_lock(o);  /* rule 4 */
            int r = file_flush_writes(o);
            file_unlock(o);
            if (r < 0)
                return -1;
        }
    }
    f->rpos = f->rlen = 0;
    if (!f->rbuf) {
        f->rcap = FILE_CHUNK;
        f->rbuf = wf_mem_alloc(f->rcap);
    }
    for (;;) {
        wf_blocking_begin();  /* rule 2: rbuf is ours under the lock */
        wf_sigint_blocking = 1;
        ssize_t n = read(f->fd, f->rbuf, f->rcap);
        int err = errno;
        wf_sigint_blocking = 0;
        wf_blocking_end();
        if (n < 0) {
            if (err == EINTR) {
                if (!wf_sigint_pending)
                    continue;
                /* Ctrl-C while waiting for input: KeyboardInterrupt, as CPython. */
                wf_sigint_pending = 0;
                Value exc = wf_exc_new(wf_exc_KeyboardInterrupt, NULL, 0);
                if (exc)
                    wf_err_raise(exc);
                wf_xdecref(exc);
                return -1;
            }
            file_err_errno(err, 0);
            return -1;
        }
        f->rlen = (size_t)n;
        if (n == 0) {
            f->eof = true;
            return 0;
        }
        if (f->translate)
            file_translate(f, 0);
        if (f->rlen > 0)
            return (intptr_t)f->rlen;
        /* the chunk was a lone "\n" after "\r": read again */
    }
}

/* Move up to `limit` characters (limit < 0: unlimited) into out, stopping
 * after a newline when `line`. Returns -1 on error. */
static int file_read_chars(FileObject *f, Bytes *out, intptr_t limit, bool line)
{
    intptr_t chars = 0;
    int need = 0;   /* continuation bytes still due for the current character */
    if (limit == 0)
        return 0;
    for (;;) {
        intptr_t avail = file_fill(f);
        if (avail < 0)
            return -1;
        if (avail == 0)
            return 0;
        const char *p = f->rbuf + f->rpos;
        size_t i = 0;
        bool done = false;
        while (i < (size_t)avail && !done) {
            unsigned char c = (unsigned char)p[i++];
            if ((c & 0xC0) != 0x80) {
                chars++;
                need = c < 0xC0 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
            } else if (need > 0) {
                need--;
            }
            /* Stop as soon as the last character is complete, without
             * asking the descriptor for more (it may be a terminal). */
            if ((line && c == '\n') || (limit >= 0 && chars == limit && need == 0))
                done = true;
        }
        bytes_add(out, p, i);
        f->rpos += i;
        if (done)
            return 0;
    }
}

/* ---- Python-visible operations ---- */

static Value file_read_impl(FileObject *f, intptr_t n, bool line)
{
    file_lock(f);
    Bytes b = {0};
    int r = file_check_readable(f) < 0 ? -1 : file_read_chars(f, &b, n, line);
    file_unlock(f);
    if (r < 0) {
        wf_mem_free(b.p);
        return 0;
    }
    Value s = file_decode(b.p ? b.p : "", b.len);
    wf_mem_free(b.p);
    return s;
}

Value wf_file_readline(Value file, intptr_t limit)
{
    return file_read_impl(file_obj(file), limit, true);
}

static int file_size_arg(const char *fname, const Value *args, size_t nargs, intptr_t *n)
{
    *n = -1;
    if (wf_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 0 || args[0] == wf_None)
        return 0;
    if (!wf_is_int(args[0])) {
        wf_err_format(wf_exc_TypeError, "argument should be integer or None, not '%T'", args[0]);
        return -1;
    }
    *n = wf_as_ssize(args[0]);
    if (*n == -1 && wf_err_occurred())
        return -1;
    if (*n < 0)
        *n = -1;
    return 0;
}

static Value file_m_read(Value self, const Value *args, size_t nargs, Value kwnames)
{
    intptr_t n;
    if (wf_no_kwargs("read", kwnames) < 0 || file_size_arg("read", args, nargs, &n) < 0)
        return 0;
    return file_read_impl(file_obj(self), n, false);
}

static Value file_m_readline(Value self, const Value *args, size_t nargs, Value kwnames)
{
    intptr_t n;
    if (wf_no_kwargs("readline", kwnames) < 0 || file_size_arg("readline", args, nargs, &n) < 0)
        return 0;
    return file_read_impl(file_obj(self), n, true);
}

static Value file_m_readlines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("readlines", kwnames) < 0 || wf_check_nargs("readlines", nargs, 0, 1) < 0)
        return 0;
    file_lock(file_obj(self));
    int ok = file_check_readable(file_obj(self));
    file_unlock(file_obj(self));
    if (ok < 0)
        return 0;
    Value list = wf_list_new(0);
    for (;;) {
        Value line = file_read_impl(file_obj(self), -1, true);
        if (!line) {
            wf_decref(list);
            return 0;
        }
        if (wf_as_str(line)->len == 0) {
            wf_decref(line);
            return list;
        }
        int r = wf_list_append(list, line);
        wf_decref(line);
        if (r < 0) {
            wf_decref(list);
            return 0;
        }
    }
}

/* Append text to the write buffer and flush as the buffering mode asks. */
static int file_write_bytes(FileObject *f, const char *s, size_t n)
{
    if (f->rlen > f->rpos || f->eof)
        file_drop_readahead(f);
    if (f->unbuffered) {
        if (file_flush_writes(f) < 0)
            return -1;
        return file_write_all(f, s, n);
    }
    if (f->wlen + n > f->wcap) {
        if (file_flush_writes(f) < 0)
            return -1;
        if (n >= FILE_CHUNK)
            return file_write_all(f, s, n);
        if (!f->wbuf) {
            f->wcap = FILE_CHUNK;
            f->wbuf = wf_mem_alloc(f->wcap);
        }
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    if (f->line_buffered && memchr(s, '\n', n))
        return file_flush_writes(f);
    return 0;
}

int wf_file_write_c(Value file, const char *s, size_t len)
{
    if (file_check(file)) {
        FileObject *f = file_obj(file);
        file_lock(f);
        int r = file_check_writable(f) < 0 ? -1 : file_write_bytes(f, s, len);
        file_unlock(f);
        return r;
    }
    Value str = wf_str_new(s, len);
    if (!str)
        return -1;
    Value r = wf_call_method(file, "write", &str, 1);
    wf_decref(str);
    if (!r)
        return -1;
    wf_decref(r);
    return 0;
}

static Value file_m_write(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("write", kwnames) < 0 || wf_check_nargs("write", nargs, 1, 1) < 0)
        return 0;
    FileObject *f = file_obj(self);
    file_lock(f);
    int r = file_check_writable(f);
    file_unlock(f);
    if (r < 0)
        return 0;
    if (!wf_is_str(args[0]))
        return wf_err_format(wf_exc_TypeError, "write() argument must be str, not %T", args[0]);
    StrObject *s = wf_as_str(args[0]);
    file_lock(f);
    r = file_check_writable(f) < 0 ? -1 : file_write_bytes(f, s->data, s->len);
    file_unlock(f);
    if (r < 0)
        return 0;
    return wf_int_from_i64((int64_t)s->nchars);
}

static Value file_m_writelines(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("writelines", kwnames) < 0 || wf_check_nargs("writelines", nargs, 1, 1) < 0)
        return 0;
    file_lock(file_obj(self));
    int r = file_check_writable(file_obj(self));
    file_unlock(file_obj(self));
    if (r < 0)
        return 0;
    return wf_io_writelines(self, args[0], file_m_write);
}

int wf_file_flush(Value file)
{
    FileObject *f = file_obj(file);
    file_lock(f);
    int r = file_check_open(f) < 0 ? -1 : file_flush_writes(f);
    file_unlock(f);
    return r;
}

static Value file_m_flush(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("flush", kwnames) < 0 || wf_check_nargs("flush", nargs, 0, 0) < 0)
        return 0;
    if (wf_file_flush(self) < 0)
        return 0;
    return wf_incref(wf_None);
}

static void file_unregister(FileObject *f)
{
    wf_mutex_lock(&registry_lock);  /* rule 3: no file lock held */
    if (f->reg_prev)
        f->reg_prev->reg_next = f->reg_next;
    else if (file_registry == f)
        file_registry = f->reg_next;
    if (f->reg_next)
        f->reg_next->reg_prev = f->reg_prev;
    f->reg_prev = f->reg_next = NULL;
    wf_mutex_unlock(&registry_lock);
}

static int file_close(FileObject *f)
{
    file_lock(f);
    if (f->closed) {
        file_unlock(f);
        return 0;
    }
    int r = file_flush_writes(f);
    f->closed = true;
    if (f->closefd && close(f->fd) < 0 && r == 0) {
        file_err_errno(errno, 0);
        r = -1;
    }
    wf_mem_free(f->rbuf);
    wf_mem_free(f->wbuf);
    f->rbuf = f->wbuf = NULL;
    f->rlen = f->rpos = f->wlen = f->wcap = f->rcap = 0;
    file_unlock(f);
    file_unregister(f);  /* rule 3: after unlocking; only the closing thread gets here */
    return r;
}

static Value file_m_close(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (wf_no_kwargs("close", kwnames) < 0 || wf_check_nargs("close", nargs, 0, 0) < 0)
        return 0;
    if (file_close(file_obj(self)) < 0)
        return 0;
    return wf_incref(wf_None);
}

/* The file's open state, read under its lock. */
static bool file_is_closed(FileObject *f)
{
    file_lock(f);
    bool c = f->closed;
    file_unlock(f);
    return c;
}

/* file_check_open_np() without holding the lock afterwards (fd and the
 * access mode never change while the file is open). */
static int file_check_open_np_locked(FileObject *f)
{
    if (!file_is_closed(f))
        return 0;
    return file_check_open_np(f);
}

static Value file_m_fileno(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (file_check_open_np_locked(file_obj(self)) < 0)
        return 0;
    return wf_small(file_obj(self)->fd);
}

static Value file_m_isatty(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (file_check_open_np_locked(file_obj(self)) < 0)
        return 0;
    return wf_bool(isatty(file_obj(self)->fd));
}

static Value file_m_readable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return wf_bool(file_obj(self)->readable);
}

static Value file_m_writable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (file_check_open_np_locked(file_obj(self)) < 0)
        return 0;
    return wf_bool(file_obj(self)->writable);
}

static Value file_m_seekable(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (file_check_open_np_locked(file_obj(self)) < 0)
        return 0;
    return wf_bool(lseek(file_obj(self)->fd, 0, SEEK_CUR) >= 0);
}

static Value file_m_tell_locked(Value self);

static Value file_m_tell(Value self, const Value *args, size_t nargs, Value kwnames)
{
    FileObject *f = file_obj(self);
    file_lock(f);
    Value r = file_m_tell_locked(self);
    file_unlock(f);
    return r;
}

static Value file_m_tell_locked(Value self)
{
    FileObject *f = file_obj(self);
    if (file_check_open(f) < 0 || file_flush_writes(f) < 0)
        return 0;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return file_err_errno(errno, 0);
    return wf_int_from_i64((int64_t)pos - (int64_t)(f->rlen - f->rpos));
}

static Value file_seek_locked(FileObject *f, Value self, intptr_t off, intptr_t whence);

static Value file_m_seek(Value self, const Value *args, size_t nargs, Value kwnames)
{
    FileObject *f = file_obj(self);
    if (wf_no_kwargs("seek", kwnames) < 0 || wf_check_nargs("seek", nargs, 1, 2) < 0)
        return 0;
    if (file_is_closed(f))
        return file_err_closed();
    intptr_t off = wf_as_ssize(args[0]), whence = 0;
    if (off == -1 && wf_err_occurred())
        return 0;
    if (nargs > 1 && (whence = wf_as_ssize(args[1])) == -1 && wf_err_occurred())
        return 0;
    file_lock(f);
    Value r = file_seek_locked(f, self, off, whence);
    file_unlock(f);
    return r;
}

static Value file_seek_locked(FileObject *f, Value self, intptr_t off, intptr_t whence)
{
    if (file_check_open(f) < 0)
        return 0;
    if (whence != 0 && off != 0)
        return file_err_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                                : "can't do nonzero end-relative seeks");
    if (whence < 0 || whence > 2)
        return wf_err_format(wf_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (whence == 0 && off < 0)
        return wf_err_format(wf_exc_ValueError, "negative seek position %lld", (long long)off);
    if (file_flush_writes(f) < 0)
        return 0;
    if (whence == 1)
        return file_m_tell_locked(self);
    f->rpos = f->rlen = 0;
    f->pending_cr = false;
    f->eof = false;
    off_t pos = lseek(f->fd, (off_t)off, whence == 0 ? SEEK_SET : SEEK_END);
    if (pos < 0)
        return file_err_errno(errno, 0);
    return wf_int_from_i64((int64_t)pos);
}

static Value file_truncate_locked(FileObject *f, const Value *args, size_t nargs)
{
    if (file_check_writable(f) < 0 || file_flush_writes(f) < 0)
        return 0;
    file_drop_readahead(f);
    int64_t size;
    if (nargs && args[0] != wf_None) {
        size = wf_as_ssize(args[0]);
        if (size == -1 && wf_err_occurred())
            return 0;
    } else {
        size = (int64_t)lseek(f->fd, 0, SEEK_CUR);
    }
    if (ftruncate(f->fd, (off_t)size) < 0)
        return file_err_errno(errno, 0);
    return wf_int_from_i64(size);
}

static Value file_m_truncate(Value self, const Value *args, size_t nargs, Value kwnames)
{
    FileObject *f = file_obj(self);
    if (wf_no_kwargs("truncate", kwnames) < 0 || wf_check_nargs("truncate", nargs, 0, 1) < 0)
        return 0;
    file_lock(f);  /* recursive: an __index__ of the size may use the file */
    Value r = file_truncate_locked(f, args, nargs);
    file_unlock(f);
    return r;
}

/* iter(f) and `with f`: the file itself, while it is open. */
static Value file_iter(Value self)
{
    if (file_is_closed(file_obj(self)))
        return file_err_closed();
    return wf_incref(self);
}

static Value file_m_enter(Value self, const Value *args, size_t nargs, Value kwnames)
{
    return file_iter(self);
}

static Value file_m_exit(Value self, const Value *args, size_t nargs, Value kwnames)
{
    if (file_close(file_obj(self)) < 0)
        return 0;
    return wf_incref(wf_None);
}


static Value file_iternext(Value self)
{
    Value line = file_read_impl(file_obj(self), -1, true);
    if (!line)
        return 0;
    if (wf_as_str(line)->len == 0) {
        wf_decref(line);
        return 0;
    }
    return line;
}

static Value file_repr(Value self)
{
    FileObject *f = file_obj(self);
    return wf_str_printf("<_io.TextIOWrapper name=%R mode=%R encoding=%R>", f->name, f->mode, f->encoding);
}

static void file_dealloc(Object *o)
{
    FileObject *f = (FileObject *)o;
    if (!f->closed) {
        Value pending = wf_err_fetch();
        if (file_close(f) < 0)
            wf_err_clear();
        wf_err_restore(pending);
    }
    wf_xdecref(f->name);
    wf_xdecref(f->mode);
    wf_xdecref(f->encoding);
    wf_object_free(o);
}

static Value file_get_closed(Value self) { return wf_bool(file_is_closed(file_obj(self))); }
static Value file_get_name(Value self) { return wf_incref(file_obj(self)->name); }
static Value file_get_mode(Value self) { return wf_incref(file_obj(self)->mode); }
static Value file_get_encoding(Value self) { return wf_incref(file_obj(self)->encoding); }
static Value file_get_errors(Value self) { return wf_str_from_cstr(file_obj(self)->fd == 2 ? "backslashreplace" : "strict"); }
static Value file_get_line_buffering(Value self) { return wf_bool(file_obj(self)->line_buffered); }
static Value file_get_newlines(Value self) { return wf_incref(wf_None); }

static const GetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL},
    {"name", file_get_name, NULL},
    {"mode", file_get_mode, NULL},
    {"encoding", file_get_encoding, NULL},
    {"errors", file_get_errors, NULL},
    {"line_buffering", file_get_line_buffering, NULL},
    {"newlines", file_get_newlines, NULL},
    {NULL},
};

static const MethodDef file_methods[] = {
    {"read", file_m_read, 0, NULL},
    {"readline", file_m_readline, 0, NULL},
    {"readlines", file_m_readlines, 0, NULL},
    {"write", file_m_write, 0, NULL},
    {"writelines", file_m_writelines, 0, NULL},
    {"flush", file_m_flush, 0, NULL},
    {"close", file_m_close, 0, NULL},
    {"fileno", file_m_fileno, 0, NULL},
    {"isatty", file_m_isatty, 0, NULL},
    {"readable", file_m_readable, 0, NULL},
    {"writable", file_m_writable, 0, NULL},
    {"seekable", file_m_seekable, 0, NULL},
    {"tell", file_m_tell, 0, NULL},
    {"seek", file_m_seek, 0, NULL},
    {"truncate", file_m_truncate, 0, NULL},
    {"__enter__", file_m_enter, 0, NULL},
    {"__exit__", file_m_exit, 0, NULL},
    {NULL},
};

TypeObject wf_type_textfile = {
    .ob = WF_STATIC_HEAD(&wf_type_type),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(FileObject),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
};

/* ---- creating files ---- */

static Value file_new(int fd, Value name, Value mode, Value encoding, bool readable, bool writable, bool closefd)
{
    FileObject *f = (FileObject *)wf_object_alloc(&wf_type_textfile, sizeof(FileObject));
    f->fd = fd;
    f->name = wf_incref(name);
    f->mode = wf_incref(mode);
    f->encoding = wf_incref(encoding);
    f->readable = readable;
    f->writable = writable;
    f->closefd = closefd;
    f->translate = true;
    f->line_buffered = isatty(fd) != 0;
    wf_mutex_lock(&registry_lock);
    f->reg_next = file_registry;
    if (file_registry)
        file_registry->reg_prev = f;
    file_registry = f;
    wf_mutex_unlock(&registry_lock);
    return wf_val(f);
}

Value wf_file_from_fd(int fd, Value name, const char *mode, bool closefd)
{
    Value m = wf_str_from_cstr(mode);
    Value enc = wf_str_from_cstr("utf-8");
    Value f = file_new(fd, name, m, enc, mode[0] == 'r', mode[0] != 'r', closefd);
    wf_decref(m);
    wf_decref(enc);
    return f;
}

void wf_file_set_buffering(Value file, bool line, bool unbuffered)
{
    if (!file || !file_check(file))
        return;
    file_obj(file)->line_buffered = line;
    file_obj(file)->unbuffered = unbuffered;
}

/* At exit. A daemon thread may hold a file's lock forever (blocked reading
 * stdin): such a file is skipped after a second rather than hanging exit
 * (CPython raises "could not acquire lock ... at interpreter shutdown"). */
void wf_file_flush_all(void)
{
    wf_mutex_lock(&registry_lock);  /* rule 3: registry, then each file */
    for (FileObject *f = file_registry; f; f = f->reg_next) {
        if (wf_rmutex_lock_timed(&f->lock, 1000000000, 0) != WF_LOCK_ACQUIRED)
            continue;
        if (file_flush_writes(f) < 0)
            wf_err_clear();
        file_unlock(f);
    }
    wf_mutex_unlock(&registry_lock);
}

typedef struct OpenMode {
    int flags;
    bool readable, writable;
} OpenMode;

static int file_parse_mode(Value mode, OpenMode *m)
{
    const char *s = wf_str_cstr(mode);
    int counts[128] = {0};
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 128 || !strchr("rwxabt+", c) || counts[c]++) {
            wf_err_format(wf_exc_ValueError, "invalid mode: %R", mode);
            return -1;
        }
    }
    int kinds = counts['r'] + counts['w'] + counts['x'] + counts['a'];
    if (kinds != 1) {
        if (kinds == 0 && !counts['+'])
            wf_err_set_str(wf_exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
        else
            wf_err_set_str(wf_exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (counts['b']) {
        if (counts['t'])
            wf_err_set_str(wf_exc_ValueError, "can't have text and binary mode at once");
        else
            wf_err_set_str(wf_exc_ValueError, "binary mode is not supported");
        return -1;
    }
    bool plus = counts['+'] != 0;
    m->readable = counts['r'] || plus;
    m->writable = !counts['r'] || plus;
    int acc = plus ? O_RDWR : counts['r'] ? O_RDONLY : O_WRONLY;
    m->flags = acc | O_CLOEXEC;
    if (counts['w'])
        m->flags |= O_CREAT | O_TRUNC;
    if (counts['x'])
        m->flags |= O_CREAT | O_EXCL;
    if (counts['a'])
        m->flags |= O_CREAT | O_APPEND;
    return 0;
}

static bool file_has_nul(Value s)
{
    return memchr(wf_str_cstr(s), 0, wf_as_str(s)->len) != NULL;
}

static Value file_open_impl(Value file, Value mode, Value encoding, Value newline)
{
    OpenMode m;
    if (!wf_is_str(mode))
        return wf_err_format(wf_exc_TypeError, "open() argument 'mode' must be str, not %T", mode);
    if (file_has_nul(mode) || (encoding && wf_is_str(encoding) && file_has_nul(encoding)))
        return wf_err_set_str(wf_exc_ValueError, "embedded null character");
    if (wf_is_str(file) && file_has_nul(file))
        return wf_err_set_str(wf_exc_ValueError, "embedded null byte");
    if (file_parse_mode(mode, &m) < 0)
        return 0;
    int fd;
    bool closefd = true;
    if (wf_is_int(file) && !wf_is_bool(file)) {
        int64_t n;
        if (wf_int_as_i64(file, &n) < 0 || n > INT_MAX) {
            wf_err_clear();
            return wf_err_set_str(wf_exc_OverflowError, "Python int too large to convert to C int");
        }
        if (n < 0)
            return wf_err_set_str(wf_exc_ValueError, "negative file descriptor");
        fd = (int)n;
        closefd = true;
    } else if (wf_is_str(file)) {
        int err;
        do {
            wf_blocking_begin();  /* a FIFO's open() waits for the other end */
            fd = open(wf_str_cstr(file), m.flags, 0666);
            err = errno;
            wf_blocking_end();
        } while (fd < 0 && err == EINTR);
        if (fd < 0)
            return file_err_errno(err, file);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            return file_err_errno(EISDIR, file);
        }
    } else {
        return wf_err_format(wf_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    Value enc;
    if (!encoding || encoding == wf_None) {
        enc = wf_str_from_cstr("UTF-8");
    } else if (!wf_is_str(encoding)) {
        return wf_err_format(wf_exc_TypeError, "open() argument 'encoding' must be str or None, not %T", encoding);
    } else {
        const char *e = wf_str_cstr(encoding);
        if (strcasecmp(e, "utf-8") && strcasecmp(e, "utf8") && strcasecmp(e, "utf_8") && strcasecmp(e, "ascii") &&
            strcasecmp(e, "us-ascii") && strcasecmp(e, "latin-1") && strcasecmp(e, "latin1") &&
            strcasecmp(e, "iso-8859-1") && strcasecmp(e, "utf-8-sig")) {
            if (wf_is_str(file))
                close(fd);
            return wf_err_format(wf_exc_LookupError, "unknown encoding: %U", encoding);
        }
        enc = wf_incref(encoding);
    }
    Value f = file_new(fd, file, mode, enc, m.readable, m.writable, closefd);
    wf_decref(enc);
    if (newline && newline != wf_None)
        file_obj(f)->translate = false;
    if (m.flags & O_APPEND)
        lseek(fd, 0, SEEK_END);
    return f;
}

Value wf_file_open(Value file, const char *mode)
{
    Value m = wf_str_from_cstr(mode);
    Value f = file_open_impl(file, m, 0, 0);
    wf_decref(m);
    return f;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True) */
Value wf_builtin_open(Value self, const Value *args, size_t nargs, Value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener", NULL};
    Value file = 0, mode = 0, buffering = 0, encoding = 0, errors = 0, newline = 0, closefd = 0, opener = 0;
    if (wf_parse_args("open", args, nargs, kwnames, "O|OOOOOOO", names, &file, &mode, &buffering, &encoding,
                      &errors, &newline, &closefd, &opener) < 0)
        return 0;
    if (newline && newline != wf_None) {
        if (!wf_is_str(newline))
            return wf_err_format(wf_exc_TypeError, "open() argument 'newline' must be str or None, not %T", newline);
        const char *nl = wf_str_cstr(newline);
        if (strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n"))
            return wf_err_format(wf_exc_ValueError, "illegal newline value: %U", newline);
    }
    Value m = mode ? wf_incref(mode) : wf_str_from_cstr("r");
    Value f = file_open_impl(file, m, encoding, newline);
    wf_decref(m);
    if (f && closefd && wf_truthy(closefd) == 0)
        file_obj(f)->closefd = false;
    if (f && buffering && wf_is_small(buffering) && wf_small_val(buffering) == 1)
        file_obj(f)->line_buffered = true;
    return f;
}

void wf_file_init(void)
{
    if (wf_type_ready(&wf_type_textfile) < 0)
        WF_DIE("cannot initialise the file type", 0);
}
