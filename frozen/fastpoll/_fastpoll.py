# _fastpoll in Python, for stock firmware, where mip installs it beside fastpoll.py. Our
# firmware has the C module of this name, which import always prefers over a file, and which
# answers asyncio's poller without running Python. Here each registered object costs a Python
# ioctl() call on every scheduler pass; the API and its errors are the C module's.
import io

from machine import disable_irq, enable_irq

_POLL = 3  # MP_STREAM_POLL
_POLL_ERR = 8  # MP_STREAM_POLL_ERR


class _Pollable(io.IOBase):
    def __init__(self, priority):
        self.priority = bool(priority)

    def ioctl(self, req, flags):
        if req == _POLL:
            return flags if self._ready() else 0
        return -1  # not a file: no fd, no other requests


class Flag(_Pollable):
    def __init__(self, *, priority=False):
        super().__init__(priority)
        self._state = False

    def set(self):
        self._state = True

    def clear(self):
        self._state = False

    def is_set(self):
        return self._state

    _ready = is_set


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
        # Whatever raises in a critical section (an unbound call's bad self) must not leave
        # interrupts masked, which on a Pyboard stops SysTick and asyncio with it; try costs
        # no allocation. The sum saturates without ever making a long int (heap locked in an IRQ).
        state = disable_irq()
        try:
            count = self._count
            self._count = Counter.MAX if n >= Counter.MAX - count else count + n
        finally:
            enable_irq(state)

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

    def _ready(self):
        return self._count != 0


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
                view[0] = view[0]  # writable, as the C module requires
            except TypeError:
                raise TypeError("target must be an address or a writable buffer")
            width = len(bytes(view[:1]))
            if not isinstance(view[0], int):
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

    def ioctl(self, req, flags):
        if req == _POLL:
            try:
                return flags if self.ready() else 0
            except ValueError:
                return _POLL_ERR  # wake the waiter, whose ready() then raises
        return -1
