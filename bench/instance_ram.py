# RAM per instance of each fastpoll object, against asyncio.ThreadSafeFlag (what stock asyncio
# offers for an IRQ hand-off): heap bytes taken by 100 instances, divided by 100. (The drivers'
# per-instance RAM against Hinch's library is a benchmark of its own.)
import asyncio
import gc
import json

import fastpoll

N = 100


def per_instance(make):
    keep = []
    gc.collect()
    before = gc.mem_free()
    for _ in range(N):
        keep.append(make())
    gc.collect()
    used = before - gc.mem_free()
    keep.clear()
    return used // N


asyncio.ThreadSafeFlag  # loaded lazily: its module is not the instances' cost
buffers = [bytearray(1) for _ in range(N)]
per_instance(list)  # the list that holds the instances grows here once, not in a figure
result = {"name": "instance_ram", "unit": "bytes", "better": "lower",
          "what": "heap bytes per instance (GC blocks of 16 bytes)", "baseline": "threadsafeflag"}
result["threadsafeflag"] = per_instance(asyncio.ThreadSafeFlag)
result["fastpoll_flag"] = per_instance(fastpoll.Flag)
result["fastpoll_counter"] = per_instance(fastpoll.Counter)
result["fastpoll_bits"] = per_instance(lambda: fastpoll.Bits(buffers[0], 1))
print("RESULT", json.dumps(result))
