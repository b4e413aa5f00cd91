# fastpoll.Bits: a task waits until (word & mask) == value in a buffer or at an address.
import array
import asyncio
import sys
from asyncio import core

import fastpoll
import uctypes
from testkit import raises

# A buffer's word is its first item, of the buffer's item size.
reg = bytearray(1)
b = fastpoll.Bits(reg, 0x06)
assert not b.ready()
reg[0] = 0x02
assert not b.ready()
reg[0] = 0x07
assert b.ready()
b = fastpoll.Bits(reg, 0x06, 0x02)  # bit 1 set and bit 2 clear
assert not b.ready()
reg[0] = 0x03
assert b.ready()
assert fastpoll.Bits(memoryview(reg), 0x01).ready()
half = array.array("H", [0x8000])
assert fastpoll.Bits(half, 0x8000).ready() and not fastpoll.Bits(half, 0x8000, 0).ready()
word = array.array("I", [0])
top = fastpoll.Bits(word, 0x80000000)
assert not top.ready()
word[0] = 0xFFFFFFFF
assert top.ready()

# An address: a 32-bit word, 4-byte aligned (a peripheral register on the Pyboard).
mem = bytearray(8)
addr = uctypes.addressof(mem)
assert addr % 4 == 0
at = fastpoll.Bits(addr, 1 << 9)
assert not at.ready()
mem[1] = 0x02
assert at.ready()
assert fastpoll.Bits(addr + 4, 1, priority=True).priority

# Called through the class, ready() reads the word and leaves the instance's attributes alone.
reg[0] = 0
b = fastpoll.Bits(reg, 0x01)
b.tag = "kept"
assert not fastpoll.Bits.ready(b)
reg[0] = 0x01
assert fastpoll.Bits.ready(b) and b.ready() and b.tag == "kept" and not b.priority
raises((TypeError, AttributeError), fastpoll.Bits.ready, 5)

# Errors: clear exceptions, never a crash.
BAD = (
    ((addr + 2, 1), ValueError),  # unaligned address
    ((0, 1), ValueError),  # null address
    ((-4, 1), ValueError),
    ((reg, 0), ValueError),  # zero mask
    ((reg, 0x100), ValueError),  # mask wider than a 1-byte word
    ((half, 0x10000), ValueError),
    ((reg, -1), ValueError),
    ((addr, 1 << 70), ValueError),  # wider than a machine word: not an OverflowError
    ((1 << 70, 1), ValueError),  # an address past a machine word
    ((reg, 1, 2), ValueError),  # value outside mask: never ready
    ((reg, 1.0), TypeError),
    ((reg, 1, "1"), TypeError),
    ((b"\x01", 1), TypeError),  # immutable: could never change
    (("X1", 1), TypeError),
    ((None, 1), TypeError),
    ((bytearray(0), 1), ValueError),
    ((array.array("f", [0]), 1), ValueError),
    ((array.array("e", [0]), 1), ValueError),  # half floats: 2 bytes, but not integers
    ((reg,), TypeError),
)
for args, exc in BAD:
    raises(exc, fastpoll.Bits, *args)

# An address that is not memory or a peripheral of the board fails where the Bits is made, not
# with a fault at its first poll. A Cortex-M's CPUID register reads 0x41 (Arm) in its top byte.
# Unix has no memory map to check against.
if sys.platform != "linux":
    raises(ValueError, fastpoll.Bits, 0x70000000, 1)  # external memory space: nothing there
    raises(ValueError, fastpoll.Bits, 0x20400000, 1)
    assert fastpoll.Bits(0xE000ED00, 0xFF000000, 0x41000000).ready()

status = bytearray(1)
ready = fastpoll.Bits(status, 0x80)
log = []


async def device():
    # Stands in for hardware: the ready bit comes up a while later.
    await asyncio.sleep_ms(10)
    status[0] |= 0x80


async def driver():
    await ready.wait()
    log.append("ready")


async def main():
    asyncio.create_task(device())
    await ready.wait()
    assert ready.ready()
    # Level-triggered: wait() consumes nothing, so it returns at once while the bit stays up.
    await ready.wait()

    status[0] = 0
    task = asyncio.create_task(driver())
    await asyncio.sleep(0)
    try:
        await ready.wait()
        raise AssertionError("second waiter accepted")
    except RuntimeError:
        pass
    task.cancel()
    await asyncio.sleep(0)
    assert not core._io_queue.map
    task = asyncio.create_task(driver())
    asyncio.create_task(device())
    await asyncio.wait_for_ms(task, 2000)
    assert log == ["ready"]

    # A buffer that shrinks while waited on wakes the waiter with an error, not a hang.
    buf = bytearray(1)
    gone = fastpoll.Bits(buf, 1)
    task = asyncio.create_task(gone.wait())
    await asyncio.sleep(0)
    buf[:] = b""
    try:
        await task
        raise AssertionError("no error")
    except ValueError:
        pass
    assert not core._io_queue.map


asyncio.run(main())
