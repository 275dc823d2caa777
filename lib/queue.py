# weft: the queue module, written for weft on top of threading.
# Producers -> FIFO / LIFO / priority buffers under one lock and three conditions -> consumers.
"""A multi-producer, multi-consumer queue.

weft's implementation of CPython 3.11's Lib/queue.py API: Queue, LifoQueue,
PriorityQueue, SimpleQueue, Empty, Full. Every queue keeps its items in a
list under one mutex; Queue's not_empty / not_full / all_tasks_done
conditions share it. The FIFO is a list with a moving head index (compacted
when half consumed) so get() is O(1) amortized without collections.deque,
and the priority queue keeps its own binary heap (no heapq).
"""
import threading
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'get() without blocking, or after its timeout, found no item.'
    pass


class Full(Exception):
    'put() without blocking, or after its timeout, found no free slot.'
    pass


class Queue:
    '''A first-in first-out queue holding at most maxsize items (no limit
    when maxsize <= 0), with task tracking (task_done/join).'''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One mutex guards the items; the three conditions share it.
        self.mutex = threading.Lock()
        # Notified when an item is added: a get() may proceed.
        self.not_empty = threading.Condition(self.mutex)
        # Notified when an item is removed: a put() may proceed.
        self.not_full = threading.Condition(self.mutex)
        # Notified when the count of unfinished tasks drops to zero.
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Mark one item taken with get() as processed; join() returns when
        every item put has been marked. ValueError past the count.'''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        '''Wait until every item put has been marked task_done().'''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''The number of items now (stale as soon as returned).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''Whether there is no item now (stale as soon as returned).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''Whether maxsize items are queued now (stale as soon as returned).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue.

        Blocks while the queue is full (at most timeout seconds, then Full);
        with block false, raises Full at once if no slot is free.
        '''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue.

        Blocks while the queue is empty (at most timeout seconds, then
        Empty); with block false, raises Empty at once if there is no item.
        '''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''Put an item into the queue without blocking (Full if no slot).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item if one is immediately available (else Empty).'''
        return self.get(block=False)

    # The storage, overridden by the subclasses; called with the mutex held.

    def _init(self, maxsize):
        self.queue = _Fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class _Fifo:
    '''A first-in first-out list: append at the tail, popleft at the head.'''

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        return iter(self._items[self._head:])

    def __repr__(self):
        return 'deque(%r)' % (self._items[self._head:],)

    def append(self, item):
        self._items.append(item)

    def popleft(self):
        if self._head >= len(self._items):
            raise IndexError('pop from an empty deque')
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        # Compact once half the list is consumed: amortized O(1).
        if self._head * 2 >= len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    n = len(heap)
    pos = 0
    while True:
        child = 2 * pos + 1
        if child >= n:
            break
        right = child + 1
        if right < n and heap[right] < heap[child]:
            child = right
        if heap[child] < last:
            heap[pos] = heap[child]
            pos = child
        else:
            break
    heap[pos] = last
    return top


class PriorityQueue(Queue):
    '''A Queue that returns the smallest item first (items such as
    (priority, data) tuples must be comparable).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class LifoQueue(Queue):
    '''A Queue that returns the newest item first.'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded FIFO queue (no task tracking).'''

    def __init__(self):
        self._queue = _Fifo()
        self._count = threading.Semaphore(0)
        self._lock = threading.Lock()

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue; never blocks (block and timeout are
        accepted for compatibility with Queue.put).'''
        with self._lock:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Remove and return an item from the queue (Empty as Queue.get).'''
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout if block else None):
            raise Empty
        with self._lock:
            return self._queue.popleft()

    def put_nowait(self, item):
        '''Put an item into the queue without blocking.'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''Remove and return an item if one is immediately available (else Empty).'''
        return self.get(False)

    def empty(self):
        '''Whether there is no item now (stale as soon as returned).'''
        with self._lock:
            return len(self._queue) == 0

    def qsize(self):
        '''The number of items now (stale as soon as returned).'''
        with self._lock:
            return len(self._queue)
