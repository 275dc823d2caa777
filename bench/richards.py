# richards: an operating-system task scheduler in the style of Martin Richards'
# benchmark: tasks with priorities, packets passed between queues, state bits,
# lots of method calls and attribute traffic on small objects.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    __slots__ = ("link", "ident", "kind", "datum", "data")

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.packet_pending = queue is not None
        self.waiting = state == "wait"
        self.held = False
        self.link = sched.tasks
        sched.tasks = self
        sched.table[ident] = self

    def runnable(self):
        return not self.held and (self.packet_pending or not self.waiting)

    def take_packet(self):
        pkt = self.queue
        self.queue = pkt.link
        self.packet_pending = self.queue is not None
        self.waiting = False
        return pkt

    def add_packet(self, pkt, old):
        if self.queue is None:
            self.queue = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return old


class IdleTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, "run")
        self.control = 1
        self.count = 10000

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, "wait")
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = self.count + 64
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, "wait")
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, "wait")
        self.pending = None

    def run(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            pkt, self.pending = self.pending, None
            return self.sched.queue_packet(pkt)
        self.pending = pkt
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.queue_count = 0
        self.hold_count = 0

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.table[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def queue_packet(self, pkt):
        t = self.table[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        return t.add_packet(pkt, self.current)

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.current = t
                pkt = t.take_packet() if t.packet_pending and t.queue is not None else None
                t = t.run(pkt)
            else:
                t = t.link


def richards():
    s = Scheduler()
    IdleTask(s, IDLE, 0)
    q = Packet(None, WORKER, KIND_WORK)
    q = Packet(q, WORKER, KIND_WORK)
    WorkTask(s, WORKER, 1000, q)
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.queue_count, s.hold_count


results = [richards() for _ in range(15)]
print("richards", results[-1], len(set(results)))
