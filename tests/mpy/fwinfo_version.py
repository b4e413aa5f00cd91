# The firmware says what it is: our version, commit, board and MicroPython tag.
import sys

import fwinfo

assert fwinfo.micropython == "v%d.%d.%d" % sys.implementation.version[:3], fwinfo.micropython
assert fwinfo.board in ("unix", "TEST_M4", "PYBV11-emu"), fwinfo.board
parts = fwinfo.version.split(".")
assert len(parts) == 3 and all(p.isdigit() for p in parts), fwinfo.version
assert fwinfo.commit == "unknown" or len(fwinfo.commit.split("-")[0]) == 12, fwinfo.commit
assert fwinfo.board in fwinfo.summary() and fwinfo.version in fwinfo.summary()
