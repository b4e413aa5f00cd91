# The accelerometer measures gravity while the board lies still for the suite: the MMA7660 reads
# 21.33 counts per g (1.5 g full scale, 6 bits), so |(x, y, z)| is 21 whichever way up the board
# rests. Bounds 16..27: the datasheet's sensitivity (+-5 %) and zero-g offset (+-0.1 g a side),
# and a cable pulling the board a little, stay well inside; 0 (no answer, or a channel lost) and
# the 31/-32 of a railed channel fall outside. filtered_xyz() is the sum of the last four
# samples: about four times one, within the +-1 count of noise of each of four samples.
# A D-series has no accelerometer: its pyb has no Accel, so a program learns it at import.
import sys

import pyb

if "PYBD" in sys.implementation._machine:
    assert not hasattr(pyb, "Accel")
    print("REPORT accel: none (D-series)")
else:
    acc = pyb.Accel()
    for _ in range(10):
        x, y, z = acc.x(), acc.y(), acc.z()
        g2 = x * x + y * y + z * z
        assert 16 * 16 <= g2 <= 27 * 27, (x, y, z)
    for _ in range(4):  # fill the filter's history with still samples
        acc.filtered_xyz()
    sample = (acc.x(), acc.y(), acc.z())
    filtered = acc.filtered_xyz()
    for s, f in zip(sample, filtered):
        assert abs(f - 4 * s) <= 8, (sample, filtered)
    print("REPORT accel x y z: {} {} {}, filtered {}".format(*(sample + (filtered,))))
