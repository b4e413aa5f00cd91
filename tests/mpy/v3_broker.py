# Hinch v3's primitives.broker: Broker, Agent, RegExp and the module-level broker. Every kind of
# agent, with and without args; RegExp topics; unsubscribe; a full Queue loses the message.
import asyncio

from primitives import Agent, Broker, Queue, RegExp, RingbufQueue, broker
from primitives.broker import broker as broker2
from testkit import raises


async def main():
    assert broker is broker2 and isinstance(broker, Broker) and isinstance(broker, dict)
    Broker.Verbose = False
    b = Broker()
    got = []

    class Logger(Agent):
        def put(self, topic, message, *args):
            got.append(("agent", topic, message) + args)

    def func(topic, message, *args):
        got.append(("func", topic, message) + args)

    async def coro(topic, message):
        await asyncio.sleep_ms(1)
        got.append(("coro", topic, message))

    ev = asyncio.Event()
    q = Queue(1)
    rq = RingbufQueue(3)
    b.subscribe("a", Logger())
    b.subscribe("a", func, 1, 2)
    b.subscribe("a", coro)
    b.subscribe("a", ev)
    b.subscribe("a", q)
    b.subscribe("b", rq, "x")
    b.subscribe(RegExp("^[ab]$"), func)
    b.subscribe(42, func)  # any hashable topic
    raises(ValueError, b.subscribe, "a", 3)

    b.publish("a", "m1")
    await asyncio.sleep_ms(10)
    assert len(got) == 4 and set(got) == {("agent", "a", "m1"), ("coro", "a", "m1"),
                                          ("func", "a", "m1"), ("func", "a", "m1", 1, 2)}, got
    assert ev.is_set() and q.get_nowait() == ("a", "m1")
    got.clear()
    b.publish("b", "m2")
    b.publish(42)
    assert rq.get_nowait() == ("b", "m2", ("x",))
    assert len(got) == 2 and set(got) == {("func", 42, None), ("func", "b", "m2")}, got
    got.clear()

    b.publish("a", "m3")
    b.publish("a", "m4")  # q is full: m4 lost, the others get it
    assert q.get_nowait() == ("a", "m3") and q.empty()
    for _ in range(4):
        b.publish("b", "r")  # RingbufQueue: the oldest dropped, no error
    assert rq.qsize() == 2

    b.unsubscribe("a", func, 1, 2)
    b.unsubscribe("a", func)  # not subscribed: a message when Verbose, nothing else
    b.unsubscribe("zz", func)
    b.unsubscribe(42, func)
    assert 42 not in b
    await asyncio.sleep_ms(10)  # the coroutine agents of m3 and m4 finish
    got.clear()
    b.publish("c", "no one")
    await asyncio.sleep_ms(5)
    assert got == []


asyncio.run(main())
print("v3_broker ok")
