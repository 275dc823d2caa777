/* weft: type and dict watchers, and the global version counters. */
/* (watcher id, callback) registry + per-object masks -> synchronous notifications. */
#include "watch.h"
#include "sync/mutex.h"

/* Rule 1 of watch.h: registration under watch_lock, the tables read with
 * acquire loads by notifiers that take no lock. */
static uint8_t watch_lock;
static void *type_watchers[WF_WATCHERS_MAX];   /* WfTypeWatcher or NULL (atomic ptr) */
static void *dict_watchers[WF_WATCHERS_MAX];   /* WfDictWatcher or NULL (atomic ptr) */

const char *const wf_dict_event_names[WF_DICT_EVENT_COUNT] = {
#define WF_DICT_EVENT_NAME(name) #name,
    WF_DICT_EVENTS(WF_DICT_EVENT_NAME)
#undef WF_DICT_EVENT_NAME
};

/* ---- version counters ----
 * 64-bit counters handing out 32-bit numbers: a fetch_add never wraps, so
 * once past UINT32_MAX every caller gets 0 and no number is ever handed out
 * twice. relaxed: uniqueness needs only the atomicity of the RMW; the
 * version stores that publish the numbers carry the ordering. */
static uint64_t next_type_version = 1;
static uint64_t next_keys_version = 1;

static uint32_t counter_next(uint64_t *c)
{
    uint64_t v = wf_atomic_add_relaxed_u64(c, 1);
    return v <= UINT32_MAX ? (uint32_t)v : 0;
}

uint32_t wf_watch_next_type_version(void) { return counter_next(&next_type_version); }
uint32_t wf_watch_next_keys_version(void) { return counter_next(&next_keys_version); }

static void counter_advance(uint64_t *c, uint64_t next)
{
    uint64_t cur = wf_atomic_load_relaxed_u64(c);
    /* relaxed: see above. Only forwards, so nothing is handed out twice. */
    while (next > cur && !wf_atomic_cas_relaxed_u64(c, &cur, next))
        ;
}

void wf_watch_set_next_versions(uint64_t type_next, uint64_t keys_next)
{
    counter_advance(&next_type_version, type_next);
    counter_advance(&next_keys_version, keys_next);
}

/* ---- registry ---- */

static int registry_add(void **table, void *cb)
{
    int id = -1;
    wf_mutex_lock(&watch_lock);
    for (int i = 0; i < WF_WATCHERS_MAX && id < 0; i++) {
        if (!wf_atomic_load_relaxed_ptr(&table[i])) {
            /* release: pairs with the acquire in the notifiers (the callback's
             * own data, set up before adding it, is visible to them). */
            wf_atomic_store_release_ptr(&table[i], cb);
            id = i;
        }
    }
    wf_mutex_unlock(&watch_lock);
    return id;
}

static int registry_clear(void **table, int id)
{
    if (id < 0 || id >= WF_WATCHERS_MAX)
        return -1;
    wf_mutex_lock(&watch_lock);
    int r = wf_atomic_load_relaxed_ptr(&table[id]) ? 0 : -1;
    /* release: pairs with the acquire in the notifiers. */
    wf_atomic_store_release_ptr(&table[id], NULL);
    wf_mutex_unlock(&watch_lock);
    return r;
}

/* A registered id: its callback (acquire: pairs with registry_add), else NULL. */
static void *registry_get(void **table, int id)
{
    if (id < 0 || id >= WF_WATCHERS_MAX)
        return NULL;
    return wf_atomic_load_acquire_ptr(&table[id]);
}

int wf_type_watcher_add(WfTypeWatcher cb) { return registry_add(type_watchers, (void *)cb); }
int wf_type_watcher_clear(int id) { return registry_clear(type_watchers, id); }
int wf_dict_watcher_add(WfDictWatcher cb) { return registry_add(dict_watchers, (void *)cb); }
int wf_dict_watcher_clear(int id) { return registry_clear(dict_watchers, id); }

/* ---- watching an object: the masks (rule 2) ---- */

int wf_type_watch(int id, TypeObject *t)
{
    if (!registry_get(type_watchers, id))
        return -1;
    /* relaxed: rule 2. */
    wf_atomic_or_relaxed_u8(&t->tp_watched, (uint8_t)(1u << id));
    return 0;
}

int wf_type_unwatch(int id, TypeObject *t)
{
    if (id < 0 || id >= WF_WATCHERS_MAX)
        return -1;
    /* relaxed: rule 2. */
    wf_atomic_and_relaxed_u8(&t->tp_watched, (uint8_t)~(1u << id));
    return 0;
}

int wf_dict_watch(int id, Value d)
{
    if (!registry_get(dict_watchers, id) || !wf_is_dict(d))
        return -1;
    /* relaxed: rule 2. */
    wf_atomic_or_relaxed_u8(&wf_as_dict(d)->watched, (uint8_t)(1u << id));
    return 0;
}

int wf_dict_unwatch(int id, Value d)
{
    if (id < 0 || id >= WF_WATCHERS_MAX || !wf_is_dict(d))
        return -1;
    /* relaxed: rule 2. */
    wf_atomic_and_relaxed_u8(&wf_as_dict(d)->watched, (uint8_t)~(1u << id));
    return 0;
}

/* ---- notification (rule 3) ---- */

void wf_watch_type_notify(TypeObject *t)
{
    /* relaxed: rule 2. */
    unsigned mask = wf_atomic_load_relaxed_u8(&t->tp_watched);
    for (int i = 0; mask; i++, mask >>= 1) {
        if (!(mask & 1))
            continue;
        WfTypeWatcher cb = (WfTypeWatcher)registry_get(type_watchers, i);
        if (cb)
            cb(t);
    }
}

void wf_watch_dict_notify_slow(WfDictEvent ev, DictObject *d, Value key, Value new_value)
{
    /* relaxed: rule 2. */
    unsigned mask = wf_atomic_load_relaxed_u8(&d->watched);
    for (int i = 0; mask; i++, mask >>= 1) {
        if (!(mask & 1))
            continue;
        WfDictWatcher cb = (WfDictWatcher)registry_get(dict_watchers, i);
        if (cb)
            cb(ev, wf_val(d), key, new_value);
    }
}
