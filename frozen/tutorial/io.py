# io: the builtin io module, plus the tutorial's device-polling demo (iodemo.py).
# A frozen io.py shadows the builtin for every `import io` (asyncio's own included), so all of
# the builtin is re-exported; `uio` names the builtin itself. The demo loads on first use, so
# `import io` costs what it did.
from uio import *  # noqa: F401

_demo = ("Reader", "IoctlReader", "run")


def __getattr__(attr):
    if attr not in _demo:
        raise AttributeError(attr)
    import iodemo

    return getattr(iodemo, attr)
