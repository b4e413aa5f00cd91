# Encoder fed by real interrupts: a timer interrupt turns a simulated shaft, driving the two
# fake pins (whose hard handlers then run inside that interrupt), forwards 7 edges, back 3,
# while the encoder's task and busy tasks run between yields. The encoder ends on the shaft's
# position and its callbacks' deltas add up to it: no edge lost, none counted twice.
import asyncio

import fakeboard
import irqkit
from machine import Pin
from primitives import Encoder

X = Pin("Y9", Pin.IN, Pin.PULL_DOWN)
Y = Pin("Y10", Pin.IN, Pin.PULL_DOWN)
STATES = ((0, 0), (1, 0), (1, 1), (0, 1))  # X leads Y: forwards


async def main():
    shaft = [0, 0]  # [position in edges, edges made]; written only by the interrupt

    def isr(t):
        was, made = shaft
        pos = was + (1 if made % 10 < 7 else -1)
        shaft[0] = pos
        shaft[1] = made + 1
        # One pin changes per step, as from a real shaft (setting both would double the cost).
        x, y = STATES[pos % 4]
        if x != STATES[was % 4][0]:
            fakeboard.level(X, x)
        else:
            fakeboard.level(Y, y)

    deltas = [0, 0]  # [sum, callbacks]

    def cb(v, d):
        deltas[0] += d
        deltas[1] += 1

    enc = Encoder(X, Y, callback=cb, delay=0)
    workers = irqkit.Workers()
    # 4 kHz, not irqkit's 6: an edge runs the fake pin's and the encoder's hard handlers in
    # Python, and at 6 kHz under -singlestep they would take all of the CPU.
    timer = irqkit.Timer(isr, 4000)
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
