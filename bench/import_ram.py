# RAM taken by importing the synchronisation library: frozen (bytecode stays in flash) against
# compiled from .py source (bytecode in RAM). Unix only: the sources are read from the repo's
# frozen/ folder, and qemu has no filesystem to read them from.
import asyncio
import gc
import json
import sys

import machine  # noqa: F401

# Not the library's cost: asyncio's lazily loaded parts it uses, and the machine module.
asyncio.Lock, asyncio.Event, asyncio.ThreadSafeFlag

try:
    import os

    os.stat("../frozen/tutorial/asyn.py")
except (ImportError, OSError):
    print("SKIP no filesystem with the library's sources")
    raise SystemExit

MODULES = ("asyn", "primitives", "uasyncio")


def cost():
    gc.collect()
    before = gc.mem_free()
    import asyn
    import uasyncio.queues  # noqa: F401

    for name in asyn._names:
        getattr(asyn, name)
    gc.collect()
    return before - gc.mem_free()


def forget():
    for name in list(sys.modules):
        if name.split(".")[0] in MODULES:
            del sys.modules[name]


frozen = cost()
forget()
# Our source folders ahead of the frozen modules; everything else (asyncio, machine) as before.
for folder in ("tutorial", "primitives", "uasyncio", "fastpoll"):
    sys.path.insert(sys.path.index(".frozen"), "../frozen/" + folder)
source = cost()
import asyn  # noqa: E402

assert asyn.__file__.startswith("../frozen"), asyn.__file__
print("RESULT " + json.dumps({
    "name": "import_ram", "what": "RAM to import asyn, primitives, uasyncio (all classes)",
    "unit": "bytes", "better": "lower", "baseline": "source", "source": source,
    "frozen": frozen}))
