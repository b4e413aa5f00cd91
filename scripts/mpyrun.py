"""Run a MicroPython script on a test target and collect what it printed.

Targets: the unix test build (a program) and the qemu test build (a Cortex-M firmware run
by qemu-system-arm, driven through its raw REPL on the emulated UART).

    mpyrun.py --unix build/test-unix/micropython script.py
    mpyrun.py --qemu build/test-qemu/firmware.elf [--icount 3] [--singlestep] script.py

Exit status 0 when the script ran to its end, 1 when it raised (the traceback is printed).
"""

import argparse
import os
import select
import subprocess
import sys
import time

from errors import UserError, run_main

QEMU_MACHINE = "mps2-an386"
# The Cortex-M7 test build (tests/targets/qemu_m7): the D-series' core and double-precision FPU.
QEMU_MACHINE_M7 = "mps2-an500"


class Result:
    def __init__(self, ok, output, error=""):
        self.ok = ok
        self.output = output  # what the script printed
        self.error = error  # the traceback, when it raised

    def __repr__(self):
        return "Result(ok={!r})".format(self.ok)


def run_unix(binary, script, timeout=120, args=()):
    """Run script (a path) with the unix build."""
    script = os.path.abspath(script)
    try:
        proc = subprocess.run([os.path.abspath(binary), script] + list(args),
                              capture_output=True, timeout=timeout, cwd=os.path.dirname(script))
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode(errors="replace")
        return Result(False, out, "timed out after {} s".format(timeout))
    out = proc.stdout.decode(errors="replace").replace("\r\n", "\n")
    err = proc.stderr.decode(errors="replace")
    if proc.returncode != 0:
        # The unix port prints an uncaught exception's traceback on stdout.
        if "Traceback" in out:
            out, _, tb = out.partition("Traceback")
            err = "Traceback" + tb + err
        return Result(False, out, err or "exit status {}".format(proc.returncode))
    return Result(True, out, err)


def qemu_command(elf, icount=None, singlestep=False, machine=QEMU_MACHINE):
    cmd = ["qemu-system-arm", "-machine", machine, "-nographic", "-monitor", "none",
           "-semihosting", "-serial", "stdio", "-kernel", elf]
    if icount is not None:
        cmd += ["-icount", "shift={}".format(icount)]
    if singlestep:
        # One instruction per translated block: interrupts (delivered between blocks) can
        # then land between any two instructions, as on the hardware. Several times slower.
        cmd += ["-singlestep"]
    return cmd


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

    def read_until(self, marker, deadline):
        fd = self.proc.stdout.fileno()
        while marker not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(self.buf.decode(errors="replace"))
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise EOFError(self.buf.decode(errors="replace"))
                self.buf += chunk
        data, _, self.buf = self.buf.partition(marker)
        return data


def run_qemu(elf, script_text, timeout=120, icount=None, singlestep=False,
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
        return Result(False, str(e), "timed out after {} s".format(timeout))
    except EOFError as e:
        return Result(False, str(e), "qemu exited")
    finally:
        proc.kill()
        proc.wait()
    out = out.replace("\r\n", "\n")
    err = err.replace("\r\n", "\n")
    return Result(not err, out, err)


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
    parser.add_argument("--icount", type=int, help="qemu: instruction-counted time, shift=N")
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
    return 0 if result.ok else 1


if __name__ == "__main__":
    run_main(main)
