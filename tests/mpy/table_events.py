# EVENTS.md 4 and 6, DRIVERS.md 8 as a table: WaitAny and WaitAll over each kind of member
# (Event, ELO, Delay_ms, a nested group), each member winning in turn; cancellation at each
# await (the group's wait(), an ELO's wait(), the task inside an ELO); clear(); Delay_ms's
# documented methods. Timing is only ever an order: one timer against another.
import asyncio

from primitives import ELO, Delay_ms, WaitAll, WaitAny
from testkit import times_out


async def value(ms, v=42):
    await asyncio.sleep_ms(ms)
    return v


def members():
    ev = asyncio.Event()
    elo = ELO(value, 10000)
    dl = Delay_ms(duration=10000)
    inner = asyncio.Event()
    nest = WaitAll((inner, asyncio.Event()))
    return ev, elo, dl, nest, inner


def fire(kind, m):
    ev, elo, dl, nest, inner = m
    if kind == "event":
        ev.set()
        return ev
    if kind == "elo_end":
        elo().cancel()  # a cancelled task counts as ended (EVENTS.md 6)
        return elo
    if kind == "delay":
        dl.trigger(10)
        return dl
    nest.events[0].set()
    nest.events[1].set()
    return nest


async def wait_any_rows():
    for kind in ("event", "elo_end", "delay", "nested"):
        m = members()
        group = WaitAny(m[:4])
        task = asyncio.create_task(group.wait())
        await asyncio.sleep_ms(20)
        assert not task.done(), kind
        won = fire(kind, m)
        assert await asyncio.wait_for_ms(task, 2000) is won, kind
        assert group.event() is won
        # The others are untouched: an ELO's task still runs unless it was the winner.
        assert kind == "elo_end" or not m[1]().done()
        group.clear()  # clears those with clear(), skips the ELO
        assert not m[0].is_set() and not m[3].events[0].is_set()
        if kind != "elo_end":
            m[1]().cancel()
        m[2].deinit()


async def wait_all_rows():
    m = members()
    group = WaitAll(m[:4])
    task = asyncio.create_task(group.wait())
    for kind in ("event", "elo_end", "delay", "nested"):
        await asyncio.sleep_ms(20)
        assert not task.done(), kind  # not all yet
        fire(kind, m)
    m[0].clear()  # set once is enough: not necessarily at the same time
    await asyncio.wait_for_ms(task, 2000)
    m[2].deinit()


async def cancel_rows():
    # Cancelling the group's wait(): CancelledError there, members and the ELO's task go on,
    # and the group can be waited on again.
    for cls in (WaitAny, WaitAll):
        ev = asyncio.Event()
        elo = ELO(value, 50, 7)
        group = cls((ev, elo))
        task = asyncio.create_task(group.wait())
        await asyncio.sleep_ms(10)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        else:
            raise AssertionError("not cancelled")
        assert not elo().done()
        assert await elo() == 7
        ev.set()
        await asyncio.wait_for_ms(group.wait(), 2000)
    # A timeout at an ELO's own wait() leaves its task running.
    elo = ELO(value, 50, 8)
    await times_out(elo.wait(), 10)
    assert await elo() == 8
    # Cancelling the task inside an ELO: wait() returns, elo() is the CancelledError.
    elo = ELO(value, 10000)
    waiters = [asyncio.create_task(elo.wait()) for _ in range(2)]
    await asyncio.sleep_ms(10)
    elo().cancel()
    for w in waiters:
        await asyncio.wait_for_ms(w, 2000)
    assert isinstance(elo(), asyncio.CancelledError)


async def delay_rows():
    log = []
    dl = Delay_ms(log.append, ("a",), duration=60)
    ref = Delay_ms(log.append, ("ref",))
    assert not dl() and not dl.running() and dl.rvalue() is None
    dl.trigger()  # the constructor's duration
    ref.trigger(30)
    assert dl() and dl.running()
    await asyncio.sleep_ms(150)
    assert log == ["ref", "a"] and not dl()
    assert dl.rvalue() is None  # list.append's return value
    # Retriggered before it ran out: runs out later, once.
    log.clear()
    dl.trigger(60)
    ref.trigger(90)
    await asyncio.sleep_ms(30)
    dl.trigger(100)  # now 130 from the start
    await asyncio.sleep_ms(200)
    assert log == ["ref", "a"], log
    # A shorter retrigger brings it earlier (DRIVERS.md 8: valid since v3).
    log.clear()
    dl.trigger(300)
    ref.trigger(60)
    dl.trigger(20)
    await asyncio.sleep_ms(150)
    assert log == ["a", "ref"], log
    # stop(): no callback, not running, the event cleared.
    log.clear()
    dl.trigger(20)
    dl.stop()
    assert not dl()
    await asyncio.sleep_ms(60)
    assert log == []
    # wait(): several tasks; set()/clear(); callback() reassigns, a coroutine's Task as rvalue.
    dl.callback(value, (5, 3))
    waits = [asyncio.create_task(dl.wait()) for _ in range(2)]
    dl.trigger(20)
    for w in waits:
        await asyncio.wait_for_ms(w, 2000)
    task = dl.rvalue()
    assert await task == 3
    dl.clear()
    await times_out(dl.wait(), 20)
    dl.set()
    await asyncio.wait_for_ms(dl.wait(), 2000)
    dl.callback()  # disabled
    dl.trigger(10)
    await asyncio.sleep_ms(40)
    assert dl.rvalue() is None  # trigger() forgets the last return value, as his
    dl.deinit()
    ref.deinit()


async def main():
    await wait_any_rows()
    await wait_all_rows()
    await cancel_rows()
    await delay_rows()


asyncio.run(main())
print("table events ok")
