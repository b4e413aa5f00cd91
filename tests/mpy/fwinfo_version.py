# The firmware says what it is: our version, commit, board and MicroPython tag.
import sys

import fwinfo

assert fwinfo.micropython == "v%d.%d.%d" % sys.implementation.version[:3], fwinfo.micropython
assert fwinfo.board in ("unix", "TEST_M4", "PYBV11-emu"), fwinfo.board
parts = fwinfo.version.split(".")
assert len(parts) == 3 and all(p.isdigit() for p in parts), fwinfo.version
# The test builds are made in a git checkout (genfwinfo.py says "unknown" only outside one):
# 12 hex digits of the commit, "-dirty" when the tree had changes.
head, _, dirty = fwinfo.commit.partition("-")
assert len(head) == 12 and all(c in "0123456789abcdef" for c in head), fwinfo.commit
assert dirty in ("", "dirty"), fwinfo.commit
assert fwinfo.board in fwinfo.summary() and fwinfo.version in fwinfo.summary()
