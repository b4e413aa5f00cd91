# Encoder fed by the port's real timer interrupt (machine.Timer(-1, hard=True)): the interrupt
# turns a simulated shaft, forwards 7 edges, back 3, and calls the encoder's pin handlers from
# inside it, as EXTI would (QEMU models no GPIO levels, so the two pins are stand-ins that hold
# a level and run their handler on each change). The encoder ends on the shaft's position and
# its callbacks' deltas add up to it: no edge lost, none counted twice.
import asyncio

import irqkit
from primitives import Encoder


class EdgePin:
    """A level and a handler called on each change: a pin with an EXTI edge IRQ."""

    IRQ_RISING = 1
    IRQ_FALLING = 2

    def __init__(self):
        self._v = 0
        self._handler = None

    def __call__(self, v=None):
        if v is None:
            return self._v
        if v != self._v:
            self._v = v
            if self._handler is not None:
                self._handler(self)

    value = __call__

    def irq(self, handler=None, trigger=3, hard=False):
        self._handler = handler


X = EdgePin()
Y = EdgePin()
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards


async def main():
    shaft = [0, 0]  # [position in edges, edges made]; written only by the interrupt

    def isr(t):
        was, made = shaft
        pos = was + (1 if made % 10 < 7 else -1)
        shaft[0] = pos
        shaft[1] = made + 1
        x, y = STATES[pos % 4]
        if x != STATES[was % 4][0]:
            X(x)
        else:
            Y(y)

    deltas = [0, 0]  # [sum, callbacks]

    def cb(v, d):
        deltas[0] += d
        deltas[1] += 1

    enc = Encoder(X, Y, callback=cb, delay=0)
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    await asyncio.sleep_ms(irqkit.RUN_MS)
    n = timer.done()
    await workers.stop()
    pos = shaft[0]
    assert shaft[1] == n and pos > 0, (shaft, n)
    for _ in range(100):
        if enc.value() == pos:
            break
        await asyncio.sleep_ms(10)
    await asyncio.sleep_ms(20)  # callbacks are launched tasks
    assert enc.value() == pos, (enc.value(), pos)
    assert deltas[0] == pos, (deltas, pos)
    assert deltas[1] >= irqkit.MIN_WAKES, deltas
    enc.deinit()
    print("encoder ok:", n, "edges, position", pos, ",", deltas[1], "callbacks")


asyncio.run(main())
