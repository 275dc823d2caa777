# weft: ThreadPoolExecutor.
# submit(fn) -> work item on a SimpleQueue -> up to max_workers threads -> the item's Future.
"""ThreadPoolExecutor as CPython 3.11 behaves.

Workers are ordinary (non-daemon) threads named PREFIX_N. A submit() adds a
work item to the executor's queue and starts a new worker unless an idle one
is waiting (the idle semaphore counts them) or max_workers are running.
A None on the queue tells a worker to look at the shutdown flags; a worker
that leaves puts None back so the next one leaves too.

weft has no weakref: workers hold the executor strongly, so an executor
that is dropped without shutdown() keeps its idle workers until the end of
the program, where threading._shutdown() runs _python_exit() (registered
with threading._register_atexit) to stop and join every worker.
"""
import os
import queue
import threading

from concurrent.futures import _base

# Every live worker -> its executor's queue, for _python_exit().
_threads_queues = {}
_shutdown = False
# Taken by submit() too, so no work is queued once _python_exit() has run.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
        items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # Do not keep the frame (and its locals) alive through the traceback.
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log_exception('Exception in initializer:')
            executor._initializer_failed()
            _forget_worker()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                # One more idle worker: the next submit() need not start one.
                executor._idle_semaphore.release()
                continue
            if _shutdown or executor._shutdown:
                # Wake the next worker so that it leaves too.
                executor._shutdown = True
                work_queue.put(None)
                return
    except BaseException:
        _base._log_exception('Exception in worker')
    finally:
        _forget_worker()


def _forget_worker():
    with _global_shutdown_lock:
        _threads_queues.pop(threading.current_thread(), None)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


_executor_counter = 0
_executor_counter_lock = threading.Lock()


def _next_executor_number():
    global _executor_counter
    with _executor_counter_lock:
        n = _executor_counter
        _executor_counter += 1
    return n


class ThreadPoolExecutor(_base.Executor):

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """A pool of at most max_workers threads, started on demand.

        max_workers: the most threads it runs (default: min(32, CPUs + 4));
        thread_name_prefix: its threads' names (default ThreadPoolExecutor-N);
        initializer(*initargs): called first in every worker thread.
        """
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")

        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")

        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % _next_executor_number()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)

            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)

            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # Called with _global_shutdown_lock held. An idle worker takes the
        # new item: nothing to start.
        if self._idle_semaphore.acquire(timeout=0):
            return

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self,
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Fail every queued work item.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting work; with wait, join the workers after they have
        run every queued item (cancel_futures cancels those not started)."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()

            # Wake one worker; each one leaving wakes the next.
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
