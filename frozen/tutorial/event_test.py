# The tutorial's event demo: several tasks wait on one event; the setter clears it only once
# every waiter has acknowledged, so none misses a set() and none sees one twice.
import asyncio

from primitives import Barrier, Event


async def _waiter(n, event, ack, rounds, seen):
    for round_ in range(rounds):
        await event.wait()
        seen.append((round_, n))
        await ack


async def _main(nwaiters=3, rounds=3):
    event = Event()
    # The setter and the waiters meet at the barrier; the last to arrive clears the event
    # before any of them runs on.
    ack = Barrier(nwaiters + 1, event.clear)
    seen = []
    tasks = [asyncio.create_task(_waiter(n, event, ack, rounds, seen)) for n in range(nwaiters)]
    for _ in range(rounds):
        await asyncio.sleep_ms(20)
        assert not event.is_set()
        event.set()
        await ack
    for t in tasks:
        await t
    # Every waiter saw every round once, and no round began before the last one ended.
    expected = [(r, n) for r in range(rounds) for n in range(nwaiters)]
    assert sorted(seen) == expected, seen
    assert [r for r, _ in seen] == [r for r, _ in expected], seen
    assert not event.is_set()
    return seen


def run():
    return asyncio.run(_main())
