# weft: the concurrent.futures package, written for weft.
# Callables -> futures, run by a pool of threads (thread.py) with the waiting tools of _base.py.
"""Execute computations asynchronously using threads.

weft's implementation of CPython 3.11's concurrent.futures API, for
threads only (weft has no ProcessPoolExecutor).
"""
from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ThreadPoolExecutor',
)

