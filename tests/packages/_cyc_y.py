# Support for cross_thread_cycle.py: imports _cyc_x once _cyc_x is running.
import _cyc_sync
_cyc_sync.y_started.set()
_cyc_sync.x_started.wait()
import _cyc_x
name = "y"
