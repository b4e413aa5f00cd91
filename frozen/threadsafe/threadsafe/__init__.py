# threadsafe: primitives set from hard IRQs, soft callbacks or other threads (Hinch v3 names),
# loaded lazily. Context (jobs run on another core) needs _thread, which the Pyboard lacks.
# What each may do in a hard IRQ, and what it allocates: docs/irq-contract.md.
_attrs = {
    "Message": "message",
    "ThreadSafeEvent": "threadsafe_event",
    "ThreadSafeQueue": "threadsafe_queue",
}


def __getattr__(attr):
    mod = _attrs.get(attr)
    if mod is None:
        raise AttributeError(attr)
    value = getattr(__import__("threadsafe." + mod, None, None, [attr]), attr)
    globals()[attr] = value
    return value
