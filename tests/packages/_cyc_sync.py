# Support for cross_thread_cycle.py: events shared by _cyc_x and _cyc_y.
import threading
x_started = threading.Event()
y_started = threading.Event()
