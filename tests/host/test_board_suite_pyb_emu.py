"""make test-board's runner (scripts/boardtest.py, through the pinned tree's pyboard.py) on the
emulated PYBV11: the scripts that need no jumper pass; every other one is skipped with its
reason, never counted passed."""

import glob
import os

from hostlib import boardtest
from hosttools import BUILD, ROOT, mpy_dir, script

BOARD_SCRIPTS = sorted(os.path.basename(p)
                       for p in glob.glob(os.path.join(ROOT, "tests", "board", "*.py")))


def test_suite_on_pyb_emu(pyb_emu):
    proc = script("boardtest", "--port", "pyb-emu", "--build", BUILD,
                  env=dict(os.environ, MPY_DIR=mpy_dir()))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert lines[0].startswith("pyb-emu: pyb-asyncio "), lines[0]
    run = [n for n in BOARD_SCRIPTS if n not in boardtest.EMU_SKIP]
    assert run == ["frozen_modules.py"], run
    for name in run:
        assert "ok   " + name in lines, proc.stdout
    for name, reason in boardtest.EMU_SKIP.items():
        assert "skip {}: {}".format(name, reason) in lines, proc.stdout
    assert lines[-1] == "{} passed, 0 failed".format(len(run)), proc.stdout
