# Support for cross_thread_cycle.py: imports _cyc_y once _cyc_y is running.
import _cyc_sync
_cyc_sync.x_started.set()
_cyc_sync.y_started.wait()
import _cyc_y
name = "x"
