"""The host-side library: what the commands of scripts/ are made of, and what the tests import
(from hostlib import mpyrun). Each command scripts/NAME.py runs hostlib/NAME.py's main()."""

import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def mpy_dir():
    """The pinned MicroPython tree: MPY_DIR (make exports it), else where the Makefile puts it."""
    if os.environ.get("MPY_DIR"):
        return os.environ["MPY_DIR"]
    with open(os.path.join(ROOT, "Makefile")) as f:
        tag = re.search(r"^MPY_TAG := (\S+)$", f.read(), re.M).group(1)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(cache, "micropython", tag)
