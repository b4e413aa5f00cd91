"""Run the board suite (tests/board/*.py) on a Pyboard, or on the qemu test build.

    boardtest.py --port /dev/ttyACM0 [--board PYBV11] [--build build]
    boardtest.py --port qemu [--build build]
    boardtest.py --port pyb-emu [--build build]

PORT=pyb-emu is the PYBV11 firmware on an emulated STM32F405 (make pyb-emu): it has no GPIO
levels, so no jumper; wiring.py and the scripts that need the jumper or other hardware QEMU
lacks are skipped there, each with its reason (EMU_SKIP), and not counted passed.

The board is reached through its raw REPL (MicroPython's tools/pyboard.py, over USB serial;
for qemu over the emulated UART, the same code path). First the board must run the firmware
of the local build (fwinfo), and that build must be this commit's; then wiring.py checks the
X1-X2 jumper; then each script runs after a soft reset. A script passes when it runs to its
end and prints no failure (mpyrun.failure(), the check of every runner: no traceback, no
"Task exception wasn't retrieved", no "uncaught exception"); its REPORT lines are figures,
shown and not judged. The last line says
"N passed, N failed"; the exit status is 0 only when none failed.
"""

import argparse
import glob
import os
import sys
import time

from . import ROOT, genfwinfo, mpyrun
from .errors import UserError, run_main

SUITE = os.path.join(ROOT, "tests", "board")
FIRST = "wiring.py"
# Time counted in instructions, as every qemu run of ours (mpyrun.ICOUNT_SHIFT): the suite's
# time limits hold there as on a Pyboard, whatever the host's load.
QEMU_CMD = ("qemu-system-arm -machine mps2-an386 -nographic -monitor null -semihosting "
            "-icount shift={},sleep=off -serial pty -kernel {{}}".format(mpyrun.ICOUNT_SHIFT))
EMU_CMD = ("qemu-system-arm -machine netduinoplus2 -nographic -monitor null "
           "-icount shift={},sleep=off -serial pty -kernel {{}}".format(mpyrun.ICOUNT_SHIFT))
# An emulator starts with its port, and bytes sent before its UART is up are lost (a board on
# USB is up before its port exists): it is poked until its REPL answers. A hang guard, not a
# limit on how fast it boots.
EMU_BOOT_S = 60
EMU_JUMPER = "needs the X1-X2 jumper: QEMU's F405 models no GPIO levels"
EMU_SKIP = {
    "wiring.py": EMU_JUMPER,
    "accel.py": "the accelerometer is on I2C, which QEMU does not model",
    "leds.py": "LEDs: QEMU models no GPIO (their state reads back as 0)",
    "buttons.py": EMU_JUMPER,
    "delay_irq.py": EMU_JUMPER + " or EXTI edges",
    "irq_handoff.py": EMU_JUMPER + " or EXTI edges",
    "latency.py": EMU_JUMPER + " or EXTI edges (make bench has the emulated IRQ latency)",
    "uart_stream.py": EMU_JUMPER + " (tests/host/test_pyb_emu.py runs auart over USART2)",
}
FWINFO = "import fwinfo; print(repr((fwinfo.version, fwinfo.commit, fwinfo.board)))"


def pyboard_module():
    tools = os.path.join(os.environ.get("MPY_DIR", ""), "tools")
    if not os.path.isfile(os.path.join(tools, "pyboard.py")):
        raise UserError("no MicroPython tree at MPY_DIR={!r}: run it through make test-board"
                        .format(os.environ.get("MPY_DIR", "")))
    sys.path.insert(0, tools)
    import pyboard

    return pyboard


def local_build(port, board, build_root):
    """(build dir, (version, commit, board)) of the firmware the board should run."""
    build = os.path.join(build_root, {"qemu": "test-qemu", "pyb-emu": "test-pyb-emu"}
                         .get(port, board))
    info = os.path.join(build, "gen", "fwinfo.py")
    if not os.path.isfile(info):
        make = "make " + port if port in ("qemu", "pyb-emu") else \
            "make firmware BOARD={}".format(board)
        raise UserError("no local build in {}: run {}".format(build, make))
    ns = {}
    with open(info) as f:
        exec(f.read(), ns)
    return build, (ns["version"], ns["commit"], ns["board"])


class Board:
    def __init__(self, pyboard, port, build):
        self.pyboard = pyboard
        elf = os.path.join(build, "firmware.elf")
        device = {"qemu": "execpty:" + QEMU_CMD.format(elf),
                  "pyb-emu": "execpty:" + EMU_CMD.format(elf)}.get(port, port)
        try:
            self.pb = pyboard.Pyboard(device)
        except pyboard.PyboardError:
            raise UserError("no board at {}: plug the Pyboard in over USB, or give its port "
                            "as PORT=...".format(port)) from None
        self.port = port
        if port in ("qemu", "pyb-emu"):
            try:
                self._await_prompt()
            except BaseException:
                self.pb.close()  # the emulator runs in its own session: Ctrl-C misses it
                raise

    def _await_prompt(self):
        deadline = time.monotonic() + EMU_BOOT_S
        seen = b""
        while True:
            seen = (seen + self.pb.read_until(1, b">>> ", timeout_overall=1))[-300:]
            if seen.endswith(b">>> "):
                return
            if time.monotonic() > deadline:
                raise UserError("{} gave no REPL prompt in {} s; it printed: {!r}".format(
                    self.port, EMU_BOOT_S, seen[-200:]))
            self.pb.serial.write(b"\r\x03")

    def run(self, source, timeout=120):
        """(output, error) of source run after a soft reset."""
        try:
            self.pb.enter_raw_repl(soft_reset=True)
            out, err = self.pb.exec_raw(source, timeout=timeout)
        except self.pyboard.PyboardError as e:
            raise UserError("{} does not answer as a MicroPython board ({})"
                            .format(self.port, str(e).strip() or "no raw REPL")) from None
        return (out.decode(errors="replace").replace("\r\n", "\n"),
                err.decode(errors="replace").replace("\r\n", "\n"))

    def close(self):
        try:
            self.pb.exit_raw_repl()
        finally:
            self.pb.close()


def check_firmware(board, expected, port):
    out, err = board.run(FWINFO)
    deploy = "make " + port if port in ("qemu", "pyb-emu") else "make firmware deploy"
    if err:
        raise UserError("the board's firmware is not pyb-asyncio (no fwinfo): run " + deploy)
    got = tuple(eval(out.strip()))
    if got != expected:
        raise UserError("the board runs pyb-asyncio {} ({}) for {}, the local build is {} ({}) "
                        "for {}: run {}".format(*(got + expected + (deploy,))))
    commit = genfwinfo.git_commit()
    if expected[1] != commit:
        raise UserError("the local build is of commit {}, this is {}: run {}"
                        .format(expected[1], commit, deploy))


def last_line(text):
    lines = [ln for ln in text.strip().split("\n") if ln.strip()]
    return lines[-1] if lines else "failed"


def run_suite(board, scripts, out=sys.stdout, skip=None):
    """Run each script; returns (passed, failed). wiring.py first: without it, stop. Scripts
    named in skip are not run: each is said with its reason."""
    passed = failed = 0
    for path in scripts:
        name = os.path.basename(path)
        if skip and name in skip:
            print("skip {}: {}".format(name, skip[name]), file=out)
            continue
        with open(path) as f:
            output, err = board.run(f.read())
        for line in output.split("\n"):
            if line.startswith("REPORT "):
                print("  " + line[len("REPORT "):], file=out)
        # The raw REPL sends what the script raised apart from its output: non-empty, it raised.
        reason = mpyrun.failure(1 if err else 0, output, err)
        if reason:
            why = last_line(err) if err else reason
            if name == FIRST:
                raise UserError("no wiring: jumper X1 to X2 (docs/testing.md, 'Testing on "
                                "your Pyboard'): " + why)
            failed += 1
            print("FAIL {}: {}".format(name, why), file=out)
        else:
            passed += 1
            print("ok   {}".format(name), file=out)
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", default="/dev/ttyACM0", help="serial port, qemu or pyb-emu")
    parser.add_argument("--board", default="PYBV11")
    parser.add_argument("--build", default=os.path.join(ROOT, "build"), help="build root")
    parser.add_argument("scripts", nargs="*", help="run only these (default: the suite)")
    args = parser.parse_args()
    scripts = args.scripts or sorted(glob.glob(os.path.join(SUITE, "*.py")),
                                     key=lambda p: (os.path.basename(p) != FIRST, p))
    for path in scripts:
        if not os.path.isfile(path):
            raise UserError("no such script: {}".format(path))
    build, expected = local_build(args.port, args.board, args.build)
    pyboard = pyboard_module()
    board = Board(pyboard, args.port, build)
    try:
        check_firmware(board, expected, args.port)
        print("{}: pyb-asyncio {} ({}) for {}".format(args.port, *expected))
        passed, failed = run_suite(board, scripts,
                                   skip=EMU_SKIP if args.port == "pyb-emu" else None)
    finally:
        board.close()
    print("{} passed, {} failed".format(passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    run_main(main)
