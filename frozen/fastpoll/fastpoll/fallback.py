# fastpoll.fallback: the C module _fastpoll in Python, for firmware without it (stock
# MicroPython). Design: docs/hub.md; the API and errors are modules/fastpoll/modfastpoll.c's.
import io
import sys
from array import array
from time import ticks_add, ticks_diff, ticks_ms

from micropython import const

try:
    from machine import disable_irq, enable_irq
except ImportError:
    # No machine.disable_irq (stock unix): no IRQ handler runs Python there, so nothing can
    # land inside add()'s or take()'s read-modify-write; there is nothing to mask.
    disable_irq, enable_irq = (lambda: 0), (lambda state: None)

_POLL = const(3)  # MP_STREAM_POLL
_POLL_WR = const(4)  # MP_STREAM_POLL_WR
_POLL_ERR = const(8)  # MP_STREAM_POLL_ERR
_pending = False  # raised by set()/add() on a waited object, lowered by the hub
_NO_PUSH = {}.get  # a C call taking (task, key) that does nothing (see Hub._wake)
# The C module's MICROPY_FASTPOLL_BITS_POLL_MS: rp2 idles tickless (WFE), so a waited Bits is
# re-polled by a task that sleeps this long while one is (see fastpoll.py); other ports' periodic
# tick re-polls anyway.
BITS_POLL_MS = 5 if sys.platform == "rp2" else 0


# Each type's ioctl() answers a poller that waits on the object itself (select.poll, or asyncio
# where it differs and there is no hub) on every pass, so it tests its state inline: a method
# call there would double the cost of a pass. Any other request gets -1: not a file, no fd. The
# hub asks _ready().
class _Pollable(io.IOBase):
    def __init__(self, priority):
        self.priority = bool(priority)
        self._waiter = None

    def _signal(self):
        # From IRQ handlers: a global that exists already is rebound, nothing is allocated.
        global _pending
        if self._waiter is not None:
            _pending = True


class Hub(io.IOBase):
    """The one object asyncio polls for every fastpoll object (docs/hub.md)."""

    def __init__(self, asyncio):
        self._asyncio = asyncio
        self._entry = None
        self._signalled = []  # waited Flags and Counters
        self._polled = []  # waited Bits

    def attach(self, entry):
        if not isinstance(entry, list):
            raise TypeError("entry must be a list")
        for obj in self._signalled + self._polled:
            obj._waiter = None
        self._signalled, self._polled = [], []
        self._entry = entry

    def add(self, obj):
        if not isinstance(obj, _Pollable):
            raise TypeError("not a fastpoll object")
        if obj._waiter is not None:
            raise RuntimeError("another task is waiting on this object")
        task = self._asyncio.cur_task
        objs = self._polled if isinstance(obj, Bits) else self._signalled
        if obj not in objs:  # a cancelled waiter's entry may still be there (see remove())
            objs.append(obj)
        # No masked section: the waiter is published before the state is read, and set()/add()
        # write the state before reading the waiter, so an IRQ anywhere here is seen by one
        # side or the other.
        obj._waiter = task
        # Last: data naming the hub tells a soft callback (cancel_scheduled()) that the task is
        # registered, so that cancelling it unhooks it; before this it counts as running.
        task.data = self
        if obj._ready():
            global _pending
            _pending = True

    def remove(self, task):
        # Called by task.cancel(), perhaps from a soft callback that landed inside _wake() (at
        # any jump or Python call there). It only unhooks the waiter; the hub drops the entry
        # itself at its next pass, so _wake()'s view of its lists never shifts under it.
        global _pending
        for objs in (self._signalled, self._polled):
            for obj in objs:
                if obj._waiter is task:
                    obj._waiter = None
                    _pending = True  # the next pass drops the entry
                    return

    def polling(self):
        return any(obj._waiter is not None for obj in self._polled)

    def _wake(self, objs, key):
        # Returns (key, whether a task was woken).
        woke = False
        tq = self._asyncio._task_queue
        for obj in tuple(objs):  # a snapshot: remove() may run at any jump below
            if obj._waiter is None:
                objs.remove(obj)  # its waiter was cancelled
                continue
            if not obj._ready():
                continue
            k = ticks_ms()
            if obj.priority:
                if key is None:
                    key = k
                    head = tq.peek()
                    if head and ticks_diff(head.ph_key, key) < 0:
                        key = head.ph_key
                    key = ticks_add(key, -1)
                k = key
            # From here to the push: no jump and no Python call, so no soft callback (which
            # may cancel the waiter) can land in between. A waiter cancelled before here is
            # None: the push is then the no-op (cancel() has pushed the task itself).
            task = obj._waiter
            obj._waiter = None
            woken = task is not None
            (_NO_PUSH, tq.push)[woken](task, k)
            woke = woke or woken
            objs.remove(obj)
        return key, woke

    def ioctl(self, req, flags):
        global _pending
        if req != _POLL:
            return -1
        woke = False
        key = None
        if _pending:
            _pending = False
            key, woke = self._wake(self._signalled, key)
        if self._polled:
            key, woke_polled = self._wake(self._polled, key)
            woke = woke or woke_polled
        if not self._signalled and not self._polled and self._entry is not None:
            self._entry[0] = None
            self._entry = None
            return _POLL_WR
        return _POLL_WR if woke else 0


class Flag(_Pollable):
    def __init__(self, *, priority=False):
        super().__init__(priority)
        self._state = False

    def set(self):
        self._state = True
        self._signal()

    def clear(self):
        self._state = False

    def is_set(self):
        return self._state

    _ready = is_set  # for the hub

    def ioctl(self, req, flags):
        return (flags if self._state else 0) if req == _POLL else -1


class Counter(_Pollable):
    MAX = (1 << 30) - 1

    def __init__(self, *, priority=False):
        super().__init__(priority)
        self._count = 0

    def add(self, n=1):
        if not isinstance(n, int):
            raise TypeError("n must be an int")
        if n < 0:
            raise ValueError("n must be >= 0")
        if n > sys.maxsize:  # as the C module's mp_obj_get_int()
            raise OverflowError("overflow converting long int to machine word")
        # Compared, not summed: MAX + n is no small int on a 32-bit port, and making a big
        # one would allocate, which a hard IRQ cannot. Whatever raises in the critical section
        # (an unbound call's bad self) must not leave interrupts masked, which on a Pyboard
        # stops SysTick and asyncio with it; try costs no allocation.
        state = disable_irq()
        try:
            count = self._count
            self._count = Counter.MAX if n >= Counter.MAX - count else count + n
        finally:
            enable_irq(state)
        self._signal()

    def value(self):
        return self._count

    def take(self):
        state = disable_irq()
        try:
            count = self._count
            self._count = 0
        finally:
            enable_irq(state)
        return count

    def _ready(self):  # for the hub
        return self._count != 0

    def ioctl(self, req, flags):
        return (flags if self._count else 0) if req == _POLL else -1


# Where a Bits may read: the chip's map (modules/fastpoll/maps/, as fastpoll._maps), chosen
# by sys.implementation._machine at the first Bits on an address; only it is kept.
_map = None


def _readable(addr):
    global _map
    if _map is None:
        __import__("fastpoll._maps")
        maps = sys.modules.pop("fastpoll._maps")  # let go with the other chips'
        sys.modules["fastpoll"].__dict__.pop("_maps", 0)  # a nested call may have done it
        m = ()  # _map set once: () there means no check
        for chip, regions in maps.MAPS:
            if chip in sys.implementation._machine:
                m = regions  # the last match: "RP2350-RISCV" follows "RP2350"
        _map = m
    for i in range(0, len(_map), 2):
        if _map[i] <= addr <= _map[i + 1] - 4:
            return True
    return not _map  # no map: no check


def _word_arg(x, width, name):
    if not isinstance(x, int):
        raise TypeError(name + " must be an int")
    if x < 0 or x >> (8 * width):
        raise ValueError("{} must fit in {} bytes".format(name, width))
    return x


class Bits(_Pollable):
    def __init__(self, target, mask, value=None, *, priority=False):
        super().__init__(priority)
        if isinstance(target, int):
            if target <= 0:
                raise ValueError("address must be > 0")
            if target & 3:
                raise ValueError("address must be 4-byte aligned")
            if target >> 1 > sys.maxsize or not _readable(target):  # past a machine word
                raise ValueError("address is not memory or a peripheral of this board")
            import uctypes

            # A one-field struct over the register: reading it reads the word in place.
            self._mem = uctypes.struct(target, {"word": uctypes.UINT32 | 0})
            self._index, width = None, 4
        else:
            try:
                view = memoryview(target)
            except TypeError:
                raise TypeError("target must be an address or a writable buffer")
            if not len(view):
                raise ValueError("buffer is empty")
            try:
                view[:0] = view[:0]  # writable, as the C module requires; writes nothing
            except TypeError:
                raise TypeError("target must be an address or a writable buffer")
            width = len(bytes(view[:1]))
            # An array says its typecode in its repr. Python cannot read a memoryview's, so
            # one over half floats ('e', whose items read as 0) is taken for integers here.
            float_array = isinstance(target, array) and repr(target[:0])[7] in "efd"
            if float_array or not isinstance(view[0], int):
                raise ValueError("buffer items must be integers")
            if width not in (1, 2, 4):
                raise ValueError("buffer items must be 1, 2 or 4 bytes")
            self._mem, self._index = target, 0
        self._mask = _word_arg(mask, width, "mask")
        if not self._mask:
            raise ValueError("mask must not be 0")
        self._value = self._mask if value is None else _word_arg(value, width, "value")
        if self._value & ~self._mask:
            raise ValueError("value has bits outside mask")

    def ready(self):
        if self._index is None:
            word = self._mem.word
        else:
            try:
                word = self._mem[self._index]
            except IndexError:
                raise ValueError("buffer is empty")
        return word & self._mask == self._value

    def _ready(self):
        try:
            return self.ready()
        except ValueError:
            return True  # wake the waiter, whose ready() then raises

    def ioctl(self, req, flags):
        if req != _POLL:
            return -1
        try:
            word = self._mem.word if self._index is None else self._mem[self._index]
        except IndexError:
            return _POLL_ERR  # the buffer shrank: wake the waiter, whose ready() then raises
        return flags if word & self._mask == self._value else 0
