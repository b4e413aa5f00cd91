"""Flash a firmware .dfu to a board in DFU mode, after checking the file.

    deploy.py --board PYBV11 [--yes] [--port PORT] build/PYBV11/firmware.dfu

The file is verified first (scripts/dfuse.py): a corrupt or truncated one never reaches
dfu-util. When no DFU device is attached but a board running MicroPython is on a serial port,
it can be reset into its bootloader with `machine.bootloader()` (asked on a terminal, or done
at once with --yes), so nobody needs to press buttons. Then:
dfu-util -a 0 -d 0483:df11 -D FILE -s :leave.

The D-series run mboot, MicroPython's own bootloader, in the first 32 KiB of flash: there
machine.bootloader() enters mboot's DFU mode (same USB id), and the .dfu writes the internal
flash and, on the SF2/SF3, the QSPI flash in one download (docs/d-series.md).

A Raspberry Pi Pico takes a .uf2 instead (docs/pico.md): verified the same way (scripts/uf2.py),
then copied to the USB drive its boot ROM shows in BOOTSEL mode (RPI-RP2 for the RP2040, RP2350
for the RP2350), found among the mounted file systems by its INFO_UF2.TXT, or named with --drive.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

from . import checktools, dfuse, flashmap, uf2
from .errors import UserError, run_main

DFU_ID = "{:04x}:{:04x}".format(flashmap.DFU_VID, flashmap.DFU_PID)
# MicroPython's own USB vendor id on the stm32 port (MICROPY_HW_USB_VID, pyboard f055:9800).
MICROPYTHON_VID = 0xF055
BOOTLOADER = "import machine; machine.bootloader()"


def dfu_devices():
    """The attached devices in DFU mode with the STM32 bootloader's id, as dfu-util lists
    them."""
    proc = subprocess.run(["dfu-util", "--list"], capture_output=True, text=True)
    found = re.findall(r"^Found DFU: \[{}\].*$".format(DFU_ID), proc.stdout, re.M)
    if not found and proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        raise UserError("dfu-util --list failed: {}".format(lines[-1] if lines else
                                                             proc.returncode))
    return found


def micropython_ports():
    """Serial ports of attached boards running MicroPython; none when pyserial is missing."""
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    return [p.device for p in list_ports.comports() if p.vid == MICROPYTHON_VID]


def want_bootloader(port, yes):
    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    answer = input("A MicroPython board is on {}: reset it into DFU mode to flash it? "
                   "[Y/n] ".format(port))
    return answer.strip().lower() in ("", "y", "yes")


def manual_dfu(board):
    """How a person puts the board into DFU mode by hand."""
    if flashmap.is_mboot(board):
        return ("hold USR, press and release RST, and let go of USR when the LED is white (4th "
                "in the cycle); it then flashes red once a second")
    return "reset it with BOOT0 (the DFU jumper) held"


def enter_bootloader(port, wait, board):
    checktools.require("mpremote", "resetting the board into DFU mode")
    print("resetting the board on {} into DFU mode".format(port))
    # The board drops off USB as it resets, so mpremote's own exit status means nothing here:
    # the DFU device appearing is the proof.
    subprocess.run(["mpremote", "connect", port, "exec", BOOTLOADER],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if dfu_devices():
            return
        time.sleep(0.5)
    raise UserError("the board on {} did not show up as DFU device {} within {} s; {} and run "
                    "deploy again".format(port, DFU_ID, wait, manual_dfu(board)))


def flash(path):
    cmd = ["dfu-util", "-a", "0", "-d", DFU_ID, "-D", path, "-s", ":leave"]
    print(" ".join(cmd), flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(proc.stdout)
    if proc.returncode != 0 and "File downloaded successfully" in proc.stdout:
        # The image is written; the board resetting on the leave request can end dfu-util's
        # status read with an error.
        print("flashed; dfu-util reported an error after the download: press RST if the board "
              "did not restart")
        return
    if proc.returncode != 0:
        lines = [line for line in proc.stdout.splitlines() if line.strip()]
        raise UserError("dfu-util failed (exit {}): {}".format(
            proc.returncode, lines[-1] if lines else "no output"))


# The Board-ID line of INFO_UF2.TXT (and the drive's label) of each Pico boot ROM.
UF2_DRIVES = {flashmap.UF2_RP2040: "RPI-RP2", flashmap.UF2_RP2350_ARM_S: "RP2350"}


def mount_points():
    try:
        with open("/proc/mounts") as f:
            return [line.split()[1].replace("\\040", " ") for line in f if len(line.split()) > 1]
    except OSError:
        return []


def uf2_drive_id(path):
    """The Board-ID of a UF2 boot drive mounted at path, or None."""
    try:
        with open(os.path.join(path, "INFO_UF2.TXT")) as f:
            m = re.search(r"^Board-ID:\s*(\S+)", f.read(), re.M)
    except OSError:
        return None
    return m.group(1) if m else None


def deploy_uf2(args, board):
    image = uf2.verify(uf2.read(args.file), board)
    print("{}: {}".format(args.file, uf2.summary(image)))
    want = UF2_DRIVES[board.uf2_family]
    if args.drive:
        found = uf2_drive_id(args.drive)
        if found != want:
            raise UserError("{} is not a {} boot drive (its INFO_UF2.TXT says Board-ID: {})"
                            .format(args.drive, want, found))
        drives = [args.drive]
    else:
        drives = [m for m in mount_points() if uf2_drive_id(m) == want]
    if not drives:
        raise UserError("no {} drive mounted: hold BOOTSEL while plugging the Pico in (or run "
                        "machine.bootloader() on it), mount the drive, then make deploy "
                        "BOARD={} again".format(want, board.name))
    if len(drives) > 1:
        raise UserError("several {} drives ({}); pick one with DEPLOY_ARGS=\"--drive PATH\""
                        .format(want, " ".join(drives)))
    target = os.path.join(drives[0], os.path.basename(args.file))
    print("copying {} to {}".format(args.file, target), flush=True)
    # The boot ROM writes the flash as the blocks arrive and reboots the chip after the last.
    shutil.copyfile(args.file, target)
    print("flashed; the Pico restarts into the new firmware")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--board", required=True)
    parser.add_argument("--yes", action="store_true",
                        help="reset a board running MicroPython into DFU mode without asking")
    parser.add_argument("--port", help="the serial port of a board running MicroPython "
                                       "(default: found by its USB id)")
    parser.add_argument("--wait", type=float, default=10,
                        help="seconds to wait for the DFU device after the reset")
    parser.add_argument("--drive", help="a Pico: the mounted boot drive (default: found)")
    parser.add_argument("file")
    args = parser.parse_args()

    board = flashmap.board(args.board)
    if board.uf2_family:
        return deploy_uf2(args, board)
    dfu = dfuse.verify(dfuse.read(args.file), board)
    print("{}: {}".format(args.file, dfuse.summary(dfu)))
    checktools.require("dfu-util", "'make deploy'")

    if not dfu_devices():
        ports = [args.port] if args.port else micropython_ports()
        if len(ports) > 1:
            raise UserError("no DFU device {}, and several MicroPython boards ({}); pick one "
                            "with --port".format(DFU_ID, " ".join(ports)))
        if not ports:
            raise UserError("no DFU device {} found: {}, or attach the board running "
                            "MicroPython".format(DFU_ID, manual_dfu(board)))
        if not want_bootloader(ports[0], args.yes):
            raise UserError("no DFU device {} found; a MicroPython board is on {}: rerun with "
                            "--yes to reset it into DFU mode".format(DFU_ID, ports[0]))
        enter_bootloader(ports[0], args.wait, board)
    flash(args.file)
    return 0


if __name__ == "__main__":
    run_main(main)
