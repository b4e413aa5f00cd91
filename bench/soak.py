# Soak: every IRQ-facing call of the library (tests/fakes/soakkit.py lists them) ROUNDS times from
# a task, a soft callback and a hard IRQ (a fake pin's hard handler, heap locked), on the test
# builds. Heap drift per call (the goal, and the baseline, is 0) and calls per second in each
# context (baseline: from a task). tests/mpy/fault_soak.py asserts the drift on a small count.
import asyncio
import json

try:
    from soakkit import soak
except ImportError:  # the emulated Pyboard: the firmware itself, no fakes to drive pins
    print("SKIP no fake pins here (soakkit is in the unix and qemu test builds only)")
    raise SystemExit

ROUNDS = 20000

result = asyncio.run(soak(ROUNDS))
drift = {name: d / calls for name, (d, calls, rate) in result.items()}
rate = {name: r for name, (d, calls, r) in result.items()}
print("RESULT " + json.dumps({
    "name": "soak drift", "what": "heap growth per IRQ-facing call, {} calls each".format(
        result["task"][1]),
    "unit": "bytes/call", "better": "lower", "baseline": "goal", "goal": 0,
    "task": drift["task"], "soft": drift["soft"], "hard": drift["hard"]}))
print("RESULT " + json.dumps({
    "name": "soak rate", "what": "IRQ-facing calls per second",
    "unit": "calls/s", "better": "higher", "baseline": "task", "task": rate["task"],
    "soft": rate["soft"], "hard": rate["hard"]}))
