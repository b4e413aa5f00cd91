"""Two builds of the same sources give a byte-identical firmware.dfu: a clean build in a fresh
build folder (another absolute path, too) against the session's build, for the PYBV11. (A clean
PYBD_SF2 build costs about 5 CPU-minutes, which would take make test past 15 minutes on 2 cores:
run this file with REPRO_BOARDS="PYBV11 PYBD_SF2" to check it too.)"""

import os
import subprocess

import pytest
from hostlib import dfuse
from hosttools import BUILD, ROOT, make


def differences(a, b):
    """Where two .dfu files differ, element by element, for the failure message."""
    out = []
    for x, y in zip((e for t in a.targets for e in t.elements),
                    (e for t in b.targets for e in t.elements)):
        if x != y:
            first = next((i for i, (p, q) in enumerate(zip(x.data, y.data)) if p != q),
                         min(len(x.data), len(y.data)))
            out.append("element 0x{:08x}: {} vs {} bytes, first difference at 0x{:08x}".format(
                x.address, len(x.data), len(y.data), x.address + first))
    return "; ".join(out) or "suffix differs"


@pytest.mark.parametrize("board", os.environ.get("REPRO_BOARDS", "PYBV11").split())
def test_clean_build_is_byte_identical(targets, board, tmp_path):
    proc = make("firmware", "BOARD=" + board)  # the session's, under the build folder's lock
    assert proc.returncode == 0, proc.stderr[-3000:]
    build_root = tmp_path / "build"
    # The session's mpy-cross (built from the same pinned sources; no path of it reaches the
    # image), so that the clean build is the firmware's alone.
    proc = subprocess.run(["make", "-s", "firmware", "BOARD=" + board,
                           "BUILD_ROOT={}".format(build_root),
                           "MPY_CROSS={}".format(os.path.join(BUILD, "mpy-cross", "mpy-cross"))],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    ours = os.path.join(BUILD, board, "firmware.dfu")
    clean = str(build_root / board / "firmware.dfu")
    with open(ours, "rb") as f, open(clean, "rb") as g:
        if f.read() == g.read():
            return
    raise AssertionError("{} and {} differ: {}".format(
        ours, clean, differences(dfuse.read(ours), dfuse.read(clean))))
