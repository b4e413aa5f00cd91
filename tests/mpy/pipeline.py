# The pipeline end to end: a frozen module and a C user module, both in this build.
import asyncio
import sys

import fastpoll
import primitives

# Frozen, not loaded from the filesystem: without ".frozen" on the path it cannot be found.
del sys.modules["primitives"]
saved_path = sys.path[:]
sys.path[:] = [p for p in sys.path if p != ".frozen"]
try:
    import primitives  # noqa: F811

    raise AssertionError("primitives found outside the frozen modules")
except ImportError:
    pass
sys.path[:] = saved_path
import primitives  # noqa: E402, F811

flag = fastpoll.Flag()
assert not flag.is_set()
flag.set()
assert flag.is_set()
flag.clear()
assert not flag.is_set()

calls = []


def func(a, b):
    calls.append((a, b))
    return a + b


async def coro(a):
    calls.append(a)


async def main():
    assert primitives.launch(func, (1, 2)) == 3
    task = primitives.launch(coro, ("c",))
    await task
    assert calls == [(1, 2), "c"], calls


asyncio.run(main())
print("pipeline ok on", sys.platform)
