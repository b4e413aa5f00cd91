# The tutorial's chained coroutines (the example in CPython's asyncio documentation):
# print_sum awaits compute, which awaits a sleep; the result passes back up the chain.
import asyncio


async def compute(x, y):
    await asyncio.sleep_ms(10)
    return x + y


async def print_sum(x, y):
    result = await compute(x, y)
    return "{} + {} = {}".format(x, y, result)


async def _main():
    lines = [await print_sum(1, 2), await print_sum(3, 4)]
    assert lines == ["1 + 2 = 3", "3 + 4 = 7"], lines
    return lines


def run():
    return asyncio.run(_main())
