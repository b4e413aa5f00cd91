"""Run MicroPython scripts on the emulated PYBV11 (build/test-pyb-emu/firmware.elf).

QEMU's netduinoplus2 machine is an STM32F405, the Pyboard's chip; the firmware is our PYBV11 with
only the emulator delta (tests/targets/pyb-emu). Its REPL is on USART1, qemu's first -serial
(stdio here); USART2 is the second -serial, a unix socket the caller connects to (serial2).

The emulator has no /flash: before the script, a RAM disk (FAT) is made in the 64 KiB of SRAM
that QEMU's F405 has beyond the firmware's 128 KiB (0x20020000, reached through
uctypes.bytearray_at: the heap is left as on a board), mounted at /flash, and sys.path and the
current directory are set as the board's main.c sets them when it mounts /flash. Files given
(name -> text) are written there, e.g. the test helpers that the test builds freeze.

    pybemu.py [--icount 3] [--file NAME=PATH ...] build/test-pyb-emu/firmware.elf script.py
"""

import argparse
import os
import socket
import subprocess
import sys
import time

from .errors import UserError, run_main
from .mpyrun import Result, _Serial, timing_args

MACHINE = "netduinoplus2"
RAMDISK_ADDR = 0x20020000
RAMDISK_SIZE = 64 * 1024
# mkfs gives FAT12's root directory 512 entries: 16 KiB, a quarter of this disk (of a Pyboard's
# 112 KiB flash drive, a seventh). The still-empty volume's boot sector (BPB_RootEntCnt, byte 17)
# is made to say 64 before it is mounted, so the files get 61 KiB: still less than on a board.
RAMDISK_ROOT_ENTRIES = 64

# Mounting a RAM disk at /flash: what boot does on a Pyboard with its internal flash, in RAM.
RAMDISK = """\
import os, sys, uctypes, vfs
class RAMDisk:
    def __init__(self, addr, size):
        self.mem = memoryview(uctypes.bytearray_at(addr, size))
    def readblocks(self, n, buf, off=0):
        a = n * 512 + off
        buf[:] = self.mem[a:a + len(buf)]
    def writeblocks(self, n, buf, off=0):
        a = n * 512 + off
        self.mem[a:a + len(buf)] = buf
    def ioctl(self, op, arg):
        if op == 4:
            return len(self.mem) // 512
        if op == 5:
            return 512
        return 0
_bd = RAMDisk({addr:#x}, {size})
vfs.VfsFat.mkfs(_bd)
_bd.mem[17:19] = bytes(({root_entries}, 0))
vfs.mount(vfs.VfsFat(_bd), '/flash')
os.chdir('/flash')
sys.path[:] = ['', '.frozen', '/flash', '/flash/lib']
del RAMDisk, _bd
""".format(addr=RAMDISK_ADDR, size=RAMDISK_SIZE, root_entries=RAMDISK_ROOT_ENTRIES)


def write_file_source(name, text, chunk=1024):
    """Raw-REPL commands that write text to name, relative to /flash, its folders made first
    (in chunks: each is compiled)."""
    parts = []
    folders = name.split("/")[:-1]
    for i in range(1, len(folders) + 1):
        parts.append("try:\n os.mkdir({!r})\nexcept OSError:\n pass".format(
            "/".join(folders[:i])))
    parts.append("f = open({!r}, 'w')".format(name))
    for i in range(0, len(text), chunk):
        parts.append("f.write({!r})".format(text[i:i + chunk]))
    parts.append("f.close()")
    return "\n".join(parts)


def command(elf, icount=None, singlestep=False, serial2=None):
    cmd = ["qemu-system-arm", "-machine", MACHINE, "-nographic", "-monitor", "none",
           "-serial", "stdio"]
    if serial2:
        cmd += ["-serial", "unix:{},server=on,wait=off".format(serial2)]
    return cmd + ["-kernel", elf] + timing_args(icount, singlestep)


class Emulator:
    """One qemu run of the firmware, driven through its raw REPL on USART1."""

    def __init__(self, elf, icount=None, singlestep=False, serial2=None, timeout=120):
        if not os.path.isfile(elf):
            raise UserError("no build at {}: run make pyb-emu".format(elf))
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.proc = subprocess.Popen(command(elf, icount, singlestep, serial2),
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.serial = _Serial(self.proc)
        # QEMU's USART drops what arrives before the firmware enables it: wait for the prompt.
        self.serial.read_until(b">>> ", self.deadline)
        self.serial.write(b"\r\x03\x03\x01")  # interrupt anything, then enter the raw REPL
        self.serial.read_until(b"raw REPL; CTRL-B to exit\r\n>", self.deadline)

    def exec(self, source):
        """(output, error) of source, run in the raw REPL (globals persist between calls)."""
        self.paste(source.encode())
        out = self.serial.read_until(b"\x04", self.deadline).decode(errors="replace")
        err = self.serial.read_until(b"\x04", self.deadline).decode(errors="replace")
        self.serial.read_until(b">", self.deadline)
        return out.replace("\r\n", "\n"), err.replace("\r\n", "\n")

    def paste(self, data):
        """Send data in raw-paste mode: no more at a time than the firmware has room for.

        A plain raw-REPL write can fill the REPL UART's receive buffer (260 bytes). The port
        then turns off the RXNE interrupt and waits for the reader; QEMU 7.2's USART model does
        not lower its interrupt line when RXNEIE is cleared, so the handler re-enters for ever and
        the board hangs (1 run in about 100). Raw-paste's flow control (what mpremote uses)
        keeps the buffer from filling.
        """
        self.serial.write(b"\x05A\x01")
        if self.serial.read(2, self.deadline) != b"R\x01":
            raise RuntimeError("pyb-emu: the firmware refused raw-paste mode")
        window = int.from_bytes(self.serial.read(2, self.deadline), "little")
        room = window
        sent = 0
        while sent < len(data):
            while room == 0 or self.serial.buf:
                ack = self.serial.read(1, self.deadline)
                if ack == b"\x01":
                    room += window
                elif ack == b"\x04":  # the firmware ended the paste early: acknowledge it
                    self.serial.write(b"\x04")
                    return
                else:
                    raise RuntimeError("pyb-emu: {!r} during raw-paste".format(ack))
            chunk = data[sent:sent + room]
            self.serial.write(chunk)
            room -= len(chunk)
            sent += len(chunk)
        self.serial.write(b"\x04")
        self.serial.read_until(b"\x04", self.deadline)

    def setup(self, files=None):
        """The RAM disk at /flash, with files (name -> text) on it."""
        for source in [RAMDISK] + [write_file_source(n, t) for n, t in (files or {}).items()]:
            out, err = self.exec(source)
            if err:
                raise RuntimeError("pyb-emu setup failed: " + err.strip().split("\n")[-1])

    def close(self):
        self.proc.kill()
        self.proc.wait()


def connect(path, deadline):
    """A socket connected to qemu's unix-socket serial at path (it listens once started)."""
    while True:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            s.connect(path)
            return s
        except OSError:
            s.close()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def run(elf, script_text, files=None, timeout=120, icount=None, singlestep=False):
    """Run script_text after the /flash setup; a mpyrun.Result."""
    emu = None
    try:
        emu = Emulator(elf, icount, singlestep, timeout=timeout)
        emu.setup(files)
        out, err = emu.exec(script_text)
    except TimeoutError as e:
        why = "timed out after {} s".format(timeout)
        return Result(why, str(e), why)
    except EOFError as e:
        return Result("qemu exited", str(e), "qemu exited")
    except RuntimeError as e:
        return Result(str(e), "", str(e))
    finally:
        if emu:
            emu.close()
    return Result(1 if err else 0, out, err)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--icount", type=int, help="instruction-counted time, shift=N")
    parser.add_argument("--singlestep", action="store_true")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--file", action="append", default=[], metavar="NAME=PATH",
                        help="put PATH on the RAM disk at /flash/NAME first")
    parser.add_argument("elf")
    parser.add_argument("script")
    args = parser.parse_args()
    files = {}
    for spec in args.file:
        name, sep, path = spec.partition("=")
        if not sep or not os.path.isfile(path):
            raise UserError("--file wants NAME=PATH of an existing file, not {!r}".format(spec))
        with open(path) as f:
            files[name] = f.read()
    if not os.path.isfile(args.script):
        raise UserError("no such script: {}".format(args.script))
    with open(args.script) as f:
        result = run(args.elf, f.read(), files, args.timeout, args.icount, args.singlestep)
    sys.stdout.write(result.output)
    sys.stderr.write(result.error)
    return 0 if result.ok else 1


if __name__ == "__main__":
    run_main(main)
