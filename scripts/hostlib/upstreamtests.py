"""Upstream's own test suite (the pinned tree's tests/run-tests.py) on the emulated PYBV11.

    upstreamtests.py --elf build/test-pyb-emu/firmware.elf --results DIR [--quick]

Runs basics, micropython and extmod (--quick: micropython and extmod only, without basics, for
make test) through run-tests.py's execpty: target, QEMU netduinoplus2 with -icount (time counted
in instructions, so no test's timing depends on the host's load). Every test excluded is named
below with the reason: each is an emulator gap or needs what the image does not ship. The last
line is "N passed, N skipped, N failed"; the exit status is 0 only when none failed.
"""

import argparse
import os
import re
import subprocess
import sys

from . import mpy_dir
from .errors import UserError, run_main

DIRS = ("basics", "micropython", "extmod")
QUICK = ("-d", "micropython", "extmod")

RTC = "QEMU 7.2's F405 has no RTC model (the clock stays at 2000-01-01 00:00)"
TIMING = "measures time against the host, or rates the emulated peripheral does not keep"
UNITTEST = "imports unittest, which the firmware does not freeze (upstream installs it first)"
EXCLUDE = {
    "extmod/machine_rtc.py": RTC,
    "extmod/vfs_fat_mtime.py": RTC,
    "extmod/vfs_lfs_mtime.py": RTC,
    "extmod/random_seed_default.py": "no RNG model: pyb.rng() is 0, so every seed is the same",
    "extmod/machine_i2s_rate.py": TIMING,
    "extmod/machine_spi_rate.py": TIMING,
    "extmod/machine_uart_tx.py": TIMING,
    "extmod/time_res.py": TIMING,
    "extmod/time_time_ns.py": TIMING,
    "extmod/asyncio_fair.py": "no .exp: its expected output is CPython's run against the host's "
                              "clock, two tasks spinning; on a busy host that run prints a line "
                              "fewer",
    "extmod/socket_badconstructor.py": "expects a network socket module; PYBV11 has none",
    "basics/fun_code_lnotab.py": UNITTEST,
    "micropython/native_marshal.py": UNITTEST,
    "extmod/machine1.py": UNITTEST,
    "extmod/tls_noleak.py": UNITTEST,
    "extmod/tls_threads.py": UNITTEST,
    "extmod/vfs_rom.py": UNITTEST,
}


def target(elf, icount):
    return ("execpty:qemu-system-arm -M netduinoplus2 -nographic -monitor null -serial pty "
            "-kernel {} -icount shift={},sleep=off".format(elf, icount))


def run(elf, results, quick=False, icount=3, out=sys.stdout):
    """(passed, skipped, failed names) of run-tests.py over the suite."""
    tests = os.path.join(mpy_dir(), "tests")
    if not os.path.isfile(os.path.join(tests, "run-tests.py")):
        raise UserError("no MicroPython tree at {}: run make tree".format(mpy_dir()))
    if not os.path.isfile(elf):
        raise UserError("no build at {}: run make pyb-emu".format(elf))
    args = [sys.executable, "run-tests.py", "-t", target(os.path.abspath(elf), icount),
            "-r", os.path.abspath(results)]
    # run-tests.py: the last filter that matches decides, so the exclusions come last.
    args += list(QUICK) if quick else ["-d"] + list(DIRS)
    for name in EXCLUDE:
        args += ["-e", "^" + re.escape(name) + "$"]
    proc = subprocess.run(args, cwd=tests, capture_output=True, text=True)
    text = proc.stdout + proc.stderr
    passed = re.search(r"^(\d+) tests passed", text, re.M)
    skipped = re.search(r"^(\d+) tests skipped", text, re.M)
    failed = re.search(r"^\d+ tests failed: (.*)$", text, re.M)
    if passed is None:
        raise UserError("run-tests.py said no result:\n" + text[-2000:])
    names = failed.group(1).split() if failed else []
    if proc.returncode and not names:
        raise UserError("run-tests.py failed:\n" + text[-2000:])
    return int(passed.group(1)), int(skipped.group(1)) if skipped else 0, names


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--elf", required=True)
    parser.add_argument("--results", required=True, help="folder for run-tests.py's results")
    parser.add_argument("--quick", action="store_true",
                        help="micropython/ and extmod/ only")
    args = parser.parse_args()
    passed, skipped, failed = run(args.elf, args.results, args.quick)
    for name in failed:
        print("FAIL " + name)
    print("{} excluded: {}".format(len(EXCLUDE), ", ".join(sorted(EXCLUDE))))
    print("{} passed, {} skipped, {} failed".format(passed, skipped, len(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    run_main(main)
