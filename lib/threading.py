# weft: the threading module, written for weft on top of _thread.
# Thread objects, locks, conditions, semaphores, events, barriers, timers -> _thread.
"""Threads and the synchronization objects they share.

weft's own implementation of CPython 3.11's Lib/threading.py API (same
names, messages, thread names and reprs), written against the _thread
module. Differences from CPython:

- settrace/setprofile record the hook and install it in new threads only
  when sys.settrace/sys.setprofile exist (weft has neither yet); gettrace and
  getprofile return what was recorded.
- Thread joins wait on _thread._set_sentinel() when _thread has it (the lock
  the runtime releases once the thread's state is gone), else on a lock the
  thread releases as the last step of its bootstrap.
"""
import sys as _sys
import _thread
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'get_native_id', 'getprofile', 'gettrace']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = getattr(_thread, '_set_sentinel', None)
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
_CRLock = getattr(_thread, 'RLock', None)
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
local = _thread._local

Lock = _allocate_lock

# ---- trace and profile hooks (recorded; see the module docstring) ----

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Record func as the profile hook of threads started from now on."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The hook recorded by setprofile()."""
    return _profile_hook


def settrace(func):
    """Record func as the trace hook of threads started from now on."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The hook recorded by settrace()."""
    return _trace_hook


# ---- reentrant lock ----

def RLock(*args, **kwargs):
    """A new reentrant lock (_thread.RLock, or the Python one)."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock in Python, used when _thread has no RLock."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s %s.%s object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            self.__class__.__module__, self.__class__.__qualname__,
            owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return 1
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Condition support: give the lock up entirely while waiting.
    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()


_PyRLock = _RLock


# ---- condition variables ----

class Condition:
    """Class that implements a condition variable.

    Each waiter sleeps on a lock of its own; notify() releases the oldest
    waiters' locks. The underlying lock is released while waiting.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Locks that know how to release themselves completely (RLock) say so.
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
        if hasattr(lock, '_acquire_restore'):
            self._acquire_restore = lock._acquire_restore
        if hasattr(lock, '_is_owned'):
            self._is_owned = lock._is_owned
        self._waiters = []

    def _at_fork_reinit(self):
        self._lock._at_fork_reinit()
        self._waiters.clear()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()           # No state to save

    def _acquire_restore(self, x):
        self._lock.acquire()           # Ignore saved state

    def _is_owned(self):
        # A plain lock has no owner: it is owned if it cannot be taken now.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, sleep until notified (or timeout seconds), take the
        lock back; False on a timeout."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """wait() until predicate() is true or timeout seconds have passed in
        all; returns the last value of predicate()."""
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake the n longest waiting threads (the lock must be held)."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                # An earlier notify() released it but was interrupted before
                # removing it from the queue.
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        """Wake every waiting thread (the lock must be held)."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead',
                      DeprecationWarning, stacklevel=2)
        self.notify_all()


# ---- semaphores ----

class Semaphore:
    """This class implements semaphore objects: a counter that acquire()
    decrements (waiting while it is zero) and release() increments."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        """Take one unit, waiting (at most timeout seconds) while there is none;
        True if taken."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        """Give back n units, waking up to n waiters."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose value may not exceed its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        """Release a semaphore; ValueError past the initial value."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


# ---- events ----

class Event:
    """A flag that threads can wait for: set() wakes every waiter."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def _at_fork_reinit(self):
        self._cond._at_fork_reinit()

    def is_set(self):
        """Whether the flag is set."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead',
                      DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        """Set the flag and wake every waiter."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Unset the flag."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the internal flag is true; False on a timeout."""
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


# ---- barriers ----

class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """A barrier for a fixed number of threads: each wait() blocks until
    `parties` threads are waiting, then all go on together.

    States: 0 filling, 1 draining, -1 resetting, -2 broken.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def wait(self, timeout=None):
        """Wait for the barrier; returns an index in range(parties)."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Wait for the previous round to drain or reset.
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        # The last thread arrived: run the action, then let everybody go.
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        # The last thread out lets the threads waiting in _enter() in.
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        """Reset the barrier to its initial state (waiters get BrokenBarrierError)."""
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        """Break the barrier: current and future waiters get BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        """How many threads each round needs."""
        return self._parties

    @property
    def n_waiting(self):
        """How many threads wait in the current round."""
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        """Whether the barrier is broken (until reset())."""
        return self._state == -2


# ---- the registry of threads ----

_counter_value = 0


def _newname(name_template):
    global _counter_value
    with _active_limbo_lock:
        _counter_value += 1
        n = _counter_value
    return name_template % n


_active_limbo_lock = RLock()
_active = {}    # ident -> Thread, for running threads
_limbo = {}     # Thread -> Thread, started but not running yet
_dangling = set()

_SHUTTING_DOWN = False
_threading_atexits = []


class Thread:
    """A thread of control: pass a target, or subclass and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += " (%s)" % (target.__name__,)
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # Where the default excepthook prints if sys.stderr is gone by then.
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # sets _is_stopped when the thread is done
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Start the thread's activity (at most once per Thread object)."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """The thread's activity: calls the target with args and kwargs."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Do not keep the target and its arguments alive (cycles).
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _bootstrap_inner(self):
        own_lock = None
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            if _set_sentinel is not None:
                # Released by the runtime once this thread's state is gone.
                lock = _set_sentinel()
                lock.acquire()
                self._tstate_lock = lock
            else:
                own_lock = _allocate_lock()
                own_lock.acquire()
                self._tstate_lock = own_lock
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            if _trace_hook is not None and hasattr(_sys, 'settrace'):
                _sys.settrace(_trace_hook)
            if _profile_hook is not None and hasattr(_sys, 'setprofile'):
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            if own_lock is not None:
                own_lock.release()

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None

    def _delete(self):
        with _active_limbo_lock:
            _active.pop(get_ident(), None)

    def join(self, timeout=None):
        """Wait until the thread terminates, or until timeout seconds pass."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            # Already stopped (or not started: is_alive checks that first).
            assert self._is_stopped
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    @property
    def name(self):
        """The thread's name (any string; not unique)."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """get_ident() of the thread, None before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        """get_native_id() of the thread, None before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        """Return whether the thread is alive."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Daemon threads do not keep the program alive at exit."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated getter of daemon."""
        import warnings
        warnings.warn('isDaemon() is deprecated, get the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated setter of daemon."""
        import warnings
        warnings.warn('setDaemon() is deprecated, set the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self):
        """Deprecated getter of name."""
        import warnings
        warnings.warn('getName() is deprecated, get the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name):
        """Deprecated setter of name."""
        import warnings
        warnings.warn('setName() is deprecated, set the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.name = name


# ---- uncaught exceptions in threads ----
# _thread's _excepthook and _ExceptHookArgs (a struct sequence) when it has
# them, as CPython; these Python versions behave the same otherwise.

class _PyExceptHookArgs:
    """The argument of threading.excepthook: exc_type, exc_value,
    exc_traceback, thread."""

    def __init__(self, args):
        self.exc_type, self.exc_value, self.exc_traceback, self.thread = args

    def __repr__(self):
        return ("threading.ExceptHookArgs(exc_type=%r, exc_value=%r, "
                "exc_traceback=%r, thread=%r)" % (self.exc_type, self.exc_value,
                                                  self.exc_traceback, self.thread))


def _py_excepthook(args, /):
    """Handle an uncaught exception raised by Thread.run(): print
    "Exception in thread NAME:" and the traceback to sys.stderr. SystemExit
    is ignored silently."""
    if args.exc_type == SystemExit:
        return
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    print("Exception in thread %s:" % (name,), file=stderr, flush=True)
    from traceback import print_exception
    print_exception(args.exc_type, args.exc_value, args.exc_traceback, file=stderr)
    stderr.flush()


try:
    from _thread import _excepthook as excepthook, _ExceptHookArgs as ExceptHookArgs
except ImportError:
    excepthook = _py_excepthook
    ExceptHookArgs = _PyExceptHookArgs

# The original value of threading.excepthook.
__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Bind sys.excepthook now: at shutdown the module globals may be gone.
    old_sys_excepthook = _sys.excepthook
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        hook = excepthook    # the module's current one (users may replace it)
        if hook is None:
            hook = __excepthook__
        exc_type, exc_value, exc_tb = sys_exc_info()
        args = ExceptHookArgs([exc_type, exc_value, exc_tb, thread])
        try:
            hook(args)
        except BaseException as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.excepthook is not None:
                sys_excepthook = local_sys.excepthook
            else:
                sys_excepthook = old_sys_excepthook
            sys_excepthook(*sys_exc_info())
        finally:
            # Break the cycle exception -> traceback -> frame -> args.
            args = None

    return invoke_excepthook


# ---- timers ----

class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after interval seconds
    unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Do not call the function (if it has not been called yet)."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# ---- the main thread and threads not started by threading ----

class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """A thread started by _thread directly: always alive, daemonic, not joinable."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---- module functions ----

def current_thread():
    """Return the current Thread object (a dummy one for threads not
    started through threading)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    import warnings
    warnings.warn('currentThread() is deprecated, use current_thread() instead',
                  DeprecationWarning, stacklevel=2)
    return current_thread()


def active_count():
    """len(enumerate())."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    import warnings
    warnings.warn('activeCount() is deprecated, use active_count() instead',
                  DeprecationWarning, stacklevel=2)
    return active_count()


def _enumerate():
    # Without the lock, for debugging only.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """The Thread objects alive now (started and not finished)."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """Return the main thread object (the thread that started the interpreter)."""
    return _main_thread


def _register_atexit(func, *arg, **kwargs):
    """Register func to run when the main thread ends, before the
    non-daemon threads are joined (concurrent.futures uses it)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the runtime when the main program ends: run the threading
    atexit calls, mark the main thread stopped, and join every non-daemon
    thread (including threads they start meanwhile)."""
    if _main_thread._is_stopped:
        return
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        if tlock is not None and tlock.locked():
            tlock.release()
        _main_thread._stop()
    me = current_thread()
    while True:
        with _active_limbo_lock:
            threads = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t._daemonic and t is not me and t is not _main_thread]
        threads = [t for t in threads if t.is_alive() or not t._started.is_set()]
        if not threads:
            break
        for t in threads:
            t._started.wait()
            t.join()


_main_thread = _MainThread()
