# The accelerometer answers, in range: 6-bit signed samples, and sums of four when filtered.
# A D-series has no accelerometer: its pyb has no Accel, so a program learns it at import.
import sys

import pyb

if "PYBD" in sys.implementation._machine:
    assert not hasattr(pyb, "Accel")
else:
    acc = pyb.Accel()
    for _ in range(10):
        for v in (acc.x(), acc.y(), acc.z()):
            assert -32 <= v <= 31, v
        for v in acc.filtered_xyz():
            assert -128 <= v <= 124, v
