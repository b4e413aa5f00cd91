# ThreadSafeQueue under real preemption, where it claims IRQ safety, while busy tasks run
# between yields. A timer interrupt put_sync()s sequence numbers into one queue, read by a task
# (in order, none twice, received + refused == put), and get_sync()s from another the numbers a
# task put()s (in order, none lost; the task's put() is woken by the interrupt's gets). No hang.
import asyncio

import irqkit
from threadsafe import ThreadSafeQueue

# State shared with the interrupt is module-global: a hard IRQ handler's locals, closure cells
# included, must fit MicroPython's on-stack frame (11 words), or calling it allocates.
q_in = ThreadSafeQueue(8)  # interrupt -> task; holds 7, so the interrupt is refused often
q_out = ThreadSafeQueue(8)  # task -> interrupt
seq = [0]  # interrupts so far
refused = [0]  # put_sync()s refused: q_in was full
got = [0]  # items the interrupt took from q_out
out_of_order = [0]


def isr(t):
    x = seq[0]
    seq[0] = x + 1
    put(x)
    if x & 31 == 0:  # slower than the task puts: its put() waits for room
        get()


def put(x):
    try:
        q_in.put_sync(x)
    except IndexError:
        refused[0] += 1


def get():
    try:
        v = q_out.get_sync()
    except IndexError:
        return
    if v != got[0]:
        out_of_order[0] += 1
    got[0] += 1


def take(x, last):
    assert x > last, (x, last)  # in order, no duplicate
    return x


async def receive(timer):
    # Each wake drains the queue, so the next get() finds it empty and waits on the interrupt.
    received = 0
    last = -1
    while timer.running():
        last = take(await asyncio.wait_for_ms(q_in.get(), 500), last)  # a hang: TimeoutError
        received += 1
        while not q_in.empty():
            last = take(q_in.get_sync(), last)
            received += 1
    return received, last


async def send(timer):
    sent = 0
    while timer.running():
        await asyncio.wait_for_ms(q_out.put(sent), 500)
        sent += 1
    return sent


async def main():
    workers = irqkit.Workers()
    timer = irqkit.Timer(isr)
    (received, last), sent = await asyncio.gather(receive(timer), send(timer))
    n = timer.done()
    await workers.stop()
    while not q_in.empty():
        last = take(q_in.get_sync(), last)
        received += 1
    assert n == seq[0], (n, seq[0])
    assert received + refused[0] == n, (received, refused[0], n)
    assert last == n - 1 or refused[0], (last, n)
    assert out_of_order[0] == 0 and got[0] + q_out.qsize() == sent, (out_of_order[0], got[0],
                                                                     q_out.qsize(), sent)
    for count in (received, refused[0], sent, got[0], workers.turns):
        assert count >= irqkit.MIN_WAKES, (received, refused[0], sent, got[0], workers.turns)
    print("threadsafe queue ok:", n, "interrupts; in:", received, "received,", refused[0],
          "refused; out:", sent, "sent,", got[0], "taken")


asyncio.run(main())
