# The tutorial's awaitable class: `await Poll(device)` polls an interface, giving way between
# polls, until it has data. MicroPython awaits an object through __iter__, CPython through
# __await__: the tutorial defines one and names it twice.
import asyncio


class Poll:
    def __init__(self, device, period_ms=5):
        self.device = device  # anything with ready() and read()
        self.period_ms = period_ms
        self.polls = 0

    def __await__(self):
        while not self.device.ready():
            self.polls += 1
            yield from asyncio.sleep_ms(self.period_ms)
        return self.device.read()

    __iter__ = __await__


class _Device:
    # Stands in for hardware: has data once a producer task has written it.
    def __init__(self):
        self.data = None

    def ready(self):
        return self.data is not None

    def read(self):
        data, self.data = self.data, None
        return data


async def _produce(device, value, delay_ms):
    await asyncio.sleep_ms(delay_ms)
    device.data = value


async def _main():
    device = _Device()
    poll = Poll(device)
    asyncio.create_task(_produce(device, 42, 50))
    value = await poll
    assert value == 42, value
    assert poll.polls > 0  # it did give way while waiting
    return value


def run():
    return asyncio.run(_main())
