"""A deliberately different asyncio: priority wake and the tutorial loop refuse with one clear
error; plain Flag/Counter/Bits and the primitives keep working.

Each variant is upstream's own asyncio source from the pinned tree with one realistic change
to a private detail this library relies on, put ahead of the frozen asyncio on the unix test
build. The unchanged copy is the control: there everything, priority wake included, works.
(The primitives use what asyncio's own Event and Lock use, e.g. TaskQueue.peek(); an asyncio
without those breaks its own primitives too, so no variant changes them.)
"""

import os
import re

import pytest
from hostlib import mpyrun

ASYNCIO_SRC = os.path.join(os.environ.get("MPY_DIR", os.path.expanduser(
    "~/.cache/micropython/v1.28.0")), "extmod", "asyncio")


def _rename_map(files):
    # The I/O queue keeps its registrations under another name.
    files["core.py"] = re.sub(r"\.map\b", ".registered", files["core.py"])


def _rename_ph_key(files):
    # Tasks from the Python task.py (as where there is no C _asyncio), with another heap key.
    files["core.py"] = files["core.py"].replace("from _asyncio import", "from _no_asyncio import")
    for name in ("core.py", "task.py"):
        files[name] = files[name].replace("ph_key", "heap_key")


def _rename_wait_io_event(files):
    # The I/O queue's per-pass poll under another name.
    files["core.py"] = files["core.py"].replace("wait_io_event(", "poll_io(")


VARIANTS = {
    "io_queue_map": (_rename_map, "asyncio.core._io_queue has no 'map'"),
    "task_ph_key": (_rename_ph_key, "an asyncio Task has no 'ph_key'"),
    "io_queue_wait_io_event": (_rename_wait_io_event,
                               "asyncio.core._io_queue has no 'wait_io_event'"),
}

SCRIPT = """
import sys
sys.path.insert(0, {dir!r})
import asyncio
assert asyncio.__file__.startswith({dir!r}), asyncio.__file__
import _asyncio_internals
import fastpoll
import uasyncio
from primitives import Barrier, Lock, Queue, RingbufQueue
from uasyncio.queues import Queue as TutorialQueue

difference = _asyncio_internals.difference
print("difference:", difference)


def refused(func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except NotImplementedError as e:
        return str(e)
    return None


async def setter(objs):
    await asyncio.sleep_ms(10)
    objs[0].set()
    objs[1].add(3)
    objs[2][0] = 1


async def main(priority):
    reg = bytearray(1)
    objs = (fastpoll.Flag(priority=priority), fastpoll.Counter(), reg)
    bits = fastpoll.Bits(reg, 1)
    asyncio.create_task(setter(objs))
    await asyncio.wait_for_ms(objs[0].wait(), 1000)
    assert await asyncio.wait_for_ms(objs[1].wait(), 1000) == 3
    await asyncio.wait_for_ms(bits.wait(), 1000)
    lock, q, rq, done = Lock(), Queue(), RingbufQueue(4), []
    barrier = Barrier(2, done.append, ("both",))

    async def worker():
        async with lock:
            await q.put(1)
            rq.put_nowait(2)
        await barrier

    asyncio.create_task(worker())
    assert await q.get() == 1 and await rq.get() == 2
    await barrier
    assert done == ["both"] and TutorialQueue is Queue


if difference is None:
    asyncio.run(main(True))
    loop = uasyncio.get_event_loop()
    calls = []
    loop.call_soon(calls.append, 1)
    loop.run_until_complete(asyncio.sleep_ms(20))
    assert calls == [1], calls
else:
    asyncio.run(main(False))
    for error in (refused(fastpoll.Flag, priority=True),
                  refused(fastpoll.Counter, priority=True),
                  refused(fastpoll.Bits, bytearray(1), 1, priority=True),
                  refused(uasyncio.get_event_loop),
                  refused(uasyncio.new_event_loop)):
        print("refused:", error)
        assert error and "MicroPython v1.21 to v1.28" in error and difference in error, error
print("OK")
"""


def copy_asyncio(dest, change=None):
    files = {}
    for name in os.listdir(ASYNCIO_SRC):
        if name.endswith(".py") and name not in ("manifest.py", "uasyncio.py"):
            with open(os.path.join(ASYNCIO_SRC, name)) as f:
                files[name] = f.read()
    before = dict(files)
    if change:
        change(files)
        assert files != before, "the variant changed nothing"
    os.makedirs(dest)
    for name, text in files.items():
        with open(os.path.join(dest, name), "w") as f:
            f.write(text)


def run(targets, tmp_path, change):
    libdir = tmp_path / "lib"
    copy_asyncio(str(libdir / "asyncio"), change)
    script = tmp_path / "check.py"
    script.write_text(SCRIPT.format(dir=str(libdir)))
    return mpyrun.run_unix(targets["unix"], str(script))


def test_unchanged_asyncio_has_every_feature(targets, tmp_path):
    result = run(targets, tmp_path, None)
    assert result.ok, result.output + result.error
    assert "difference: None" in result.output and "OK" in result.output


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_different_asyncio_refuses_clearly(targets, tmp_path, variant):
    change, difference = VARIANTS[variant]
    result = run(targets, tmp_path, change)
    assert result.ok, result.output + result.error
    assert "difference: " + difference in result.output, result.output
    assert result.output.count("refused: fastpoll priority=True needs") == 3, result.output
    assert result.output.count("refused: uasyncio's tutorial event loop needs") == 2
    assert "OK" in result.output


def _rename_event_waiting(files):
    # asyncio's Event keeps its waiting tasks under another name (its own code still works).
    files["event.py"] = files["event.py"].replace("self.waiting", "self.waiters")


IMPORT_SCRIPT = """
import sys
sys.path.insert(0, {dir!r})
import asyncio
assert asyncio.__file__.startswith({dir!r}), asyncio.__file__
try:
    import _asyncio_internals
except ImportError as e:
    print("ImportError:", e)
else:
    print("imported")
"""


def test_missing_required_internal_fails_at_import(targets, tmp_path):
    # What no part of the library can do without fails at import, naming it, not later inside
    # a scheduler pass.
    libdir = tmp_path / "lib"
    copy_asyncio(str(libdir / "asyncio"), _rename_event_waiting)
    script = tmp_path / "check.py"
    script.write_text(IMPORT_SCRIPT.format(dir=str(libdir)))
    result = mpyrun.run_unix(targets["unix"], str(script))
    assert result.ok, result.output + result.error
    assert ("ImportError: this library needs the asyncio internals of MicroPython v1.21 to"
            " v1.28; an asyncio Event has no 'waiting'") in result.output, result.output
