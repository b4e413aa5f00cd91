"""Run a MicroPython script on a test target and collect what it printed.

Targets: the unix test build (a program) and the qemu test build (a Cortex-M firmware run
by qemu-system-arm, driven through its raw REPL on the emulated UART).

    mpyrun.py --unix build/test-unix/micropython script.py
    mpyrun.py --qemu build/test-qemu/firmware.elf [--icount N] [--singlestep] script.py

Exit status 0 when the script passed (see failure()), 1 when not (the reason is printed last).
"""

import argparse
import os
import select
import subprocess
import sys
import time

from .errors import UserError, run_main

QEMU_MACHINE = "mps2-an386"
# qemu counts time in instructions, 2**3 ns each (125 M instructions/s, about a Pyboard's
# STM32F405 at 168 MHz): the guest's clock and its timers' rates are the same on every run,
# whatever the host's speed or load, so scripts may check two-sided time limits there.
ICOUNT_SHIFT = 3

# What a failure prints when it does not stop the script: a traceback (of the script, or one a
# handler printed, e.g. set_global_exception() before its sys.exit(), which exits with 0),
# asyncio's report of a task that raised and that nobody awaits, and the report of an exception
# in an interrupt handler, which is then disabled (stm32 extint.c and timer.c, irqsim.c, the
# fakes: "uncaught exception in ...", shared/runtime/mpirq.c: "Uncaught exception in IRQ
# callback handler") or in a thread or weakref callback (py/: "Unhandled exception in ...").
FAILURE_MARKS = ("traceback (most recent call last)", "task exception wasn't retrieved",
                 "uncaught exception", "unhandled exception")


def failure(status, output, error=""):
    """Why a run failed, or None when it passed: it passes only when it ended normally (status
    0, error empty: every runner shares this) and nothing it printed, on either stream, shows
    a failure (FAILURE_MARKS, in any case)."""
    if isinstance(status, str):  # it never ended: timed out, or the emulator died
        return status
    if status != 0:
        return "exit status {}".format(status)
    for line in (output + "\n" + error).split("\n"):
        if any(mark in line.lower() for mark in FAILURE_MARKS):
            return "printed a failure: " + line.strip()  # the first one: the cause
    if error.strip():
        return "printed on stderr: " + error.strip().split("\n")[-1]
    return None
# The Cortex-M7 test build (tests/targets/qemu_m7): the D-series' core and double-precision FPU.
QEMU_MACHINE_M7 = "mps2-an500"
QEMU_MACHINE_M0 = "microbit"  # an nRF51: Cortex-M0


class Result:
    def __init__(self, status, output, error=""):
        self.output = output  # what the script printed
        self.error = error  # its traceback or stderr, or why the run failed
        self.reason = failure(status, output, error)
        self.ok = self.reason is None

    def __repr__(self):
        return "Result(ok={!r}, reason={!r})".format(self.ok, self.reason)


def run_unix(binary, script, timeout=120, args=()):
    """Run script (a path) with the unix build."""
    script = os.path.abspath(script)
    try:
        proc = subprocess.run([os.path.abspath(binary), script] + list(args),
                              capture_output=True, timeout=timeout, cwd=os.path.dirname(script))
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        why = "timed out after {} s".format(timeout)
        return Result(why, out, why)
    out = proc.stdout.decode(errors="replace").replace("\r\n", "\n")
    err = proc.stderr.decode(errors="replace")
    if proc.returncode != 0 and "Traceback" in out:
        # The unix port prints an uncaught exception's traceback on stdout.
        out, _, tb = out.partition("Traceback")
        err = "Traceback" + tb + err
    return Result(proc.returncode, out, err)


def qemu_command(elf, icount=None, singlestep=False, machine=QEMU_MACHINE):
    cmd = ["qemu-system-arm", "-machine", machine, "-nographic", "-monitor", "none",
           "-semihosting", "-serial", "stdio", "-kernel", elf]
    if machine == QEMU_MACHINE_M0:
        # Upstream's MICROBIT board is linked for a larger nRF51 than the real one.
        cmd += ["-global", "nrf51-soc.flash-size=1048576", "-global",
                "nrf51-soc.sram-size=262144"]
    return cmd + timing_args(icount, singlestep)


def timing_args(icount=None, singlestep=False):
    """qemu's arguments for how guest time and interrupts run (every emulated target's)."""
    args = []
    if icount is not None:
        # sleep=off: while the guest idles (WFI, as the test builds idle), its clock jumps to
        # the next timer instead of following the host's: its time is its instruction count.
        args += ["-icount", "shift={},sleep=off".format(icount)]
    if singlestep:
        # One instruction per translated block: interrupts (delivered between blocks) can
        # then land between any two instructions, as on the hardware. Several times slower.
        args += ["-singlestep"]
    return args


class _Serial:
    """The emulated UART, as the pipes to a qemu process."""

    def __init__(self, proc):
        self.proc = proc
        self.buf = b""

    def write(self, data):
        # Small writes: the guest's UART has no FIFO to speak of.
        for i in range(0, len(data), 256):
            self.proc.stdin.write(data[i:i + 256])
            self.proc.stdin.flush()

    def read(self, n, deadline):
        """Exactly n bytes."""
        while len(self.buf) < n:
            self._fill(deadline)
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def _fill(self, deadline):
        fd = self.proc.stdout.fileno()
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(self.buf.decode(errors="replace"))
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise EOFError(self.buf.decode(errors="replace"))
            self.buf += chunk

    def read_until(self, marker, deadline):
        while marker not in self.buf:
            self._fill(deadline)
        data, _, self.buf = self.buf.partition(marker)
        return data


def run_qemu(elf, script_text, timeout=120, icount=ICOUNT_SHIFT, singlestep=False,
             machine=QEMU_MACHINE):
    """Run script_text (source) on the qemu build through its raw REPL."""
    proc = subprocess.Popen(qemu_command(elf, icount, singlestep, machine), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    serial = _Serial(proc)
    deadline = time.monotonic() + timeout
    try:
        serial.write(b"\r\x03\x03\x01")  # interrupt anything, then enter the raw REPL
        serial.read_until(b"raw REPL; CTRL-B to exit\r\n>", deadline)
        serial.write(script_text.encode() + b"\x04")
        serial.read_until(b"OK", deadline)
        out = serial.read_until(b"\x04", deadline).decode(errors="replace")
        err = serial.read_until(b"\x04", deadline).decode(errors="replace")
    except TimeoutError as e:
        why = "timed out after {} s".format(timeout)
        return Result(why, str(e), why)
    except EOFError as e:
        return Result("qemu exited", str(e), "qemu exited")
    finally:
        proc.kill()
        proc.wait()
    out = out.replace("\r\n", "\n")
    err = err.replace("\r\n", "\n")
    # The raw REPL sends the script's output, then what it raised: non-empty means it raised.
    return Result(1 if err else 0, out, err)


def run_source(target, build, source, scratch, name="script.py", timeout=120):
    """Run source text on target ("unix" or "qemu"); unix reads it from scratch/name."""
    if target == "unix":
        path = os.path.join(scratch, name)
        with open(path, "w") as f:
            f.write(source)
        return run_unix(build, path, timeout)
    return run_qemu(build, source, timeout)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--unix", metavar="BINARY")
    target.add_argument("--qemu", metavar="ELF")
    parser.add_argument("--icount", type=int, default=ICOUNT_SHIFT,
                        help="qemu: instruction-counted time, shift=N (default %(default)s)")
    parser.add_argument("--singlestep", action="store_true",
                        help="qemu: interrupts may land between any two instructions")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("script")
    args = parser.parse_args()
    if not os.path.isfile(args.script):
        raise UserError("no such script: {}".format(args.script))
    build = args.unix or args.qemu
    if not os.path.isfile(build):
        raise UserError("no build at {}: run make unix qemu".format(build))
    if args.unix:
        result = run_unix(args.unix, args.script, args.timeout)
    else:
        with open(args.script) as f:
            result = run_qemu(args.qemu, f.read(), args.timeout, args.icount, args.singlestep)
    sys.stdout.write(result.output)
    sys.stderr.write(result.error)
    if not result.ok:
        sys.stderr.write("failed: {}\n".format(result.reason))
    return 0 if result.ok else 1


if __name__ == "__main__":
    run_main(main)
