# _fastpoll in Python, for stock firmware, where mip installs it beside fastpoll.py. Our
# firmware has the C module of this name, which import always prefers over a file, and which
# answers asyncio's poller without running Python. Here each registered object costs a Python
# ioctl() call on every scheduler pass; the API and its errors are the C module's.
import io
import sys
from array import array

from micropython import const

try:
    from machine import disable_irq, enable_irq
except ImportError:
    # No machine.disable_irq (stock unix): no IRQ handler runs Python there, so nothing can
    # land inside add()'s or take()'s read-modify-write; there is nothing to mask.
    disable_irq, enable_irq = (lambda: 0), (lambda state: None)

_POLL = const(3)  # MP_STREAM_POLL
_POLL_ERR = const(8)  # MP_STREAM_POLL_ERR


# Each type's ioctl() answers the poller on every scheduler pass for every waiting object, so
# it tests its state inline: a method call there would double the cost of a pass. Any other
# request gets -1: not a file, no fd.
class _Pollable(io.IOBase):
    def __init__(self, priority):
        self.priority = bool(priority)


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

    def ioctl(self, req, flags):
        return (flags if self._count else 0) if req == _POLL else -1


# Where a Bits may read a word: [start, end) regions of the board's chip that read without a
# bus fault, as in the C module, which chooses at compile time; here the chip's name in
# sys.implementation._machine chooses. Other boards: no map, no check.
_PPB = ((0xE0000000, 0xE0003000), (0xE000E000, 0xE000F000))  # Cortex-M debug, SysTick, NVIC, SCB
_MAPS = {
    "STM32F405": ((0, 0x100000), (0x08000000, 0x08100000), (0x10000000, 0x10010000),
                  (0x1FFF0000, 0x1FFF7A10), (0x1FFFC000, 0x1FFFC010), (0x20000000, 0x20020000),
                  (0x40000000, 0x40007800), (0x40010000, 0x40014C00), (0x40020000, 0x40022400),
                  (0x40023000, 0x40023400), (0x40023800, 0x40025000), (0x40026000, 0x40026800),
                  (0x40040000, 0x40080000), (0x50000000, 0x50040000), (0x50060800, 0x50060C00),
                  (0xA0000000, 0xA0001000), (0xE0042000, 0xE0042400)) + _PPB,
    "STM32F411": ((0, 0x80000), (0x08000000, 0x08080000), (0x1FFF0000, 0x1FFF7A10),
                  (0x1FFFC000, 0x1FFFC010), (0x20000000, 0x20020000), (0x40000000, 0x40007400),
                  (0x40010000, 0x40015400), (0x40020000, 0x40021400), (0x40021C00, 0x40022000),
                  (0x40023000, 0x40023400), (0x40023800, 0x40024000), (0x40026000, 0x40026800),
                  (0x50000000, 0x50040000), (0xE0042000, 0xE0042400)) + _PPB,
    "mps2-an38": ((0, 0x400000), (0x20000000, 0x20400000), (0x21000000, 0x22000000),
                  (0x40000000, 0x40030000)) + _PPB,
}


def _readable(addr):
    for chip, regions in _MAPS.items():
        if chip in sys.implementation._machine:
            return any(start <= addr <= end - 4 for start, end in regions)
    return True


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
            if not _readable(target):
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

    def ioctl(self, req, flags):
        if req != _POLL:
            return -1
        try:
            word = self._mem.word if self._index is None else self._mem[self._index]
        except IndexError:
            return _POLL_ERR  # the buffer shrank: wake the waiter, whose ready() then raises
        return flags if word & self._mask == self._value else 0
