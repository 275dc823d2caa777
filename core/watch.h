/* weft: type and dict watchers, and the global counters behind versions. */
/* A change to a type or a dict -> a fresh version -> the registered callbacks, before the mutator returns. */
#ifndef WF_WATCH_H
#define WF_WATCH_H

#include "dict.h"

/*
 * Watchers (CPython's PyType_AddWatcher / PyDict_AddWatcher shape). Tier 2
 * invalidates executors through them; the specializing tier 1 needs only the
 * versions (core/specialize.h rule 5).
 *
 *  1. Registration is global: up to WF_WATCHERS_MAX type watchers and as many
 *     dict watchers, each an id 0..7. Adding and clearing take watch_lock
 *     (watch.c); the callback table is published with release stores and read
 *     by notifiers with acquire loads, without the lock.
 *  2. A type or a dict carries a bitmask of the watcher ids that watch it
 *     (TypeObject.tp_watched, DictObject.watched), set and cleared with
 *     relaxed atomic RMWs. A mutator tests it once: unwatched objects pay one
 *     load and one branch. A watch that happens-before a mutation is seen by
 *     it (coherence of the mask word); one racing with it may or may not be.
 *  3. Callbacks run synchronously in the mutating thread, before the mutating
 *     call returns:
 *       - types: after the new dict entry, the new version of every affected
 *         type and the re-derived C slots are published, under typeobject.c's
 *         type_lock. Every type whose version the change bumped and that is
 *         watched is notified once, so a watcher of a subclass hears about a
 *         change to its base (tier 2 guards subclass versions); CPython
 *         notifies only the modified type itself.
 *       - dicts: after the change is visible to lock-free readers (and after
 *         the keys version was reset), inside the dict's critical section, so
 *         the events of one dict arrive in the order of its mutations.
 *  4. Callbacks must not run Python code, raise, allocate Python objects,
 *     block for long, or touch the watched object's own locks: they run under
 *     type_lock or inside a dict's critical section. Taking another mutex of
 *     their own (tier 2's executor lock) is fine. Keys and values they receive
 *     are borrowed and valid for the duration of the call only.
 *  5. wf_*_watcher_clear() stops future notifications; a call already in
 *     flight in another thread may still finish after it returns. Bits set by
 *     a cleared watcher stay on the objects (as in CPython): a later watcher
 *     given the same id may receive events for them, which is harmless for
 *     invalidation (a spurious notification only costs a re-check); the old
 *     owner may unwatch its objects, before or after clearing, to avoid it.
 */

#define WF_WATCHERS_MAX 8

typedef void (*WfTypeWatcher)(TypeObject *t);

/* The id (0..7) of a new type watcher, -1 when all 8 are taken. */
int wf_type_watcher_add(WfTypeWatcher cb);
/* Forget watcher id: 0, or -1 if id is not a registered type watcher. */
int wf_type_watcher_clear(int id);
/* Notify watcher id of every modification of t (and of changes to t's
 * bases that bump t's version): 0, or -1 for an id not registered. */
int wf_type_watch(int id, TypeObject *t);
/* Stop that: 0, or -1 for an id out of range. A cleared id may be unwatched
 * too, so that its former owner can remove its bits (rule 5). */
int wf_type_unwatch(int id, TypeObject *t);

/* Dict events, one row each: X(NAME, what key / new_value are). */
#define WF_DICT_EVENTS(X)                                                          \
    X(ADDED)        /* a new key: key, its value */                                \
    X(MODIFIED)     /* an existing key's value replaced: key, the new value */     \
    X(DELETED)      /* del d[k], pop, popitem: key, 0 */                           \
    X(CLEARED)      /* d.clear(): 0, 0 */                                          \
    X(DEALLOCATED)  /* the dict is being freed (do not keep it): 0, 0 */

typedef enum WfDictEvent {
#define WF_DICT_EVENT_ENUM(name) WF_DICT_EVENT_##name,
    WF_DICT_EVENTS(WF_DICT_EVENT_ENUM)
#undef WF_DICT_EVENT_ENUM
    WF_DICT_EVENT_COUNT
} WfDictEvent;

extern const char *const wf_dict_event_names[WF_DICT_EVENT_COUNT];

typedef void (*WfDictWatcher)(WfDictEvent ev, Value d, Value key, Value new_value);

/* As the type watcher functions, for dicts (d: any dict, subclasses too). */
int wf_dict_watcher_add(WfDictWatcher cb);
int wf_dict_watcher_clear(int id);
int wf_dict_watch(int id, Value d);
int wf_dict_unwatch(int id, Value d);

/* ---- for typeobject.c and dict.c ---- */

/* Call every registered watcher whose bit is in t's mask (rule 3). */
void wf_watch_type_notify(TypeObject *t);
/* The dict's notification: one test when nobody watches d (rule 2). */
void wf_watch_dict_notify_slow(WfDictEvent ev, DictObject *d, Value key, Value new_value);
static inline void wf_watch_dict_notify(WfDictEvent ev, DictObject *d, Value key, Value new_value)
{
    /* relaxed: rule 2 (a watch that happened before this mutation is seen). */
    if (WF_UNLIKELY(wf_atomic_load_relaxed_u8(&d->watched)))
        wf_watch_dict_notify_slow(ev, d, key, new_value);
}

/* Fresh numbers from the two global 32-bit counters: every call returns a
 * number no earlier call returned, or 0 once the counter is exhausted
 * (then forever: 0 means "unversioned, never cache"). */
uint32_t wf_watch_next_type_version(void);
uint32_t wf_watch_next_keys_version(void);
/* Tests only: make the counters continue from type_next / keys_next (so
 * that exhaustion can be reached); 0 leaves a counter alone. */
void wf_watch_set_next_versions(uint64_t type_next, uint64_t keys_next);

#endif
