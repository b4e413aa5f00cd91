"""Write the Python fallback's memory maps (frozen/fastpoll/fastpoll/_maps.py) from the C
module's, one file per chip in modules/fastpoll/maps/.

    genmaps.py [--check]

A map file holds one FASTPOLL_MACHINE("name") line, what sys.implementation._machine contains on
a board with that chip, and a FASTPOLL_REGION(start, end) line per region (hex, [start, end),
in address order); other lines are comments or blank. A chip that also has RISC-V cores (the
RP2350) names what _machine contains in a build for them in a FASTPOLL_MACHINE_RISCV("name")
line, and marks the regions only its Arm cores have FASTPOLL_ARM_REGION: its map for the RISC-V
cores, those left out, follows its own in _maps.py. The fallback takes the last machine name that
_machine contains, so a name must not contain one that comes after it (that one would always
win). --check fails when _maps.py is stale.
"""

import argparse
import os
import re

from . import ROOT
from .errors import UserError
from .genfwinfo import write_if_changed

MAPS_DIR = os.path.join(ROOT, "modules", "fastpoll", "maps")
OUT = os.path.join(ROOT, "frozen", "fastpoll", "fastpoll", "_maps.py")

MACHINE = re.compile(r'FASTPOLL_MACHINE(_RISCV)?\("([^"\\]+)"\)$')
REGION = re.compile(r"FASTPOLL_(ARM_)?REGION\((0x[0-9a-f]{8}), (0x[0-9a-f]{8})\)(?: //.*)?$")
# The key in read_maps() of a chip's map for its RISC-V cores: its file's name and this.
RISCV = "_riscv"


def read_map(path):
    """(machine, [(start, end)]) of one map file, and (the RISC-V machine, its regions) or
    None."""
    machine, regions, riscv, arm_only = None, [], None, set()
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            where = "{}:{}".format(os.path.relpath(path, ROOT), number)
            if not line or line.startswith("//"):
                continue
            m = MACHINE.match(line)
            if m and m.group(1) and riscv is None and machine is not None:
                riscv = m.group(2)
                continue
            if m and not m.group(1) and machine is None:
                machine = m.group(2)
                continue
            m = REGION.match(line)
            if not m:
                raise UserError("{}: not a comment, FASTPOLL_MACHINE(_RISCV) or FASTPOLL_(ARM_)"
                                "REGION line, or a second or misplaced MACHINE".format(where))
            start, end = int(m.group(2), 16), int(m.group(3), 16)
            if start % 4 or end % 4 or start >= end:
                raise UserError("{}: a region is 4-byte aligned, start < end".format(where))
            if regions and start < regions[-1][1]:
                raise UserError("{}: regions overlap or are out of address order".format(where))
            regions.append((start, end))
            if m.group(1):
                arm_only.add((start, end))
    if machine is None or not regions:
        raise UserError("{}: no FASTPOLL_MACHINE or no region".format(path))
    if (riscv is None) != (not arm_only):
        raise UserError("{}: FASTPOLL_ARM_REGION lines go with a FASTPOLL_MACHINE_RISCV line"
                        .format(path))
    if riscv is not None:
        riscv_regions = [r for r in regions if r not in arm_only]
        if not riscv_regions:  # an empty map would mean "no check" to the fallback
            raise UserError("{}: no region for the RISC-V cores".format(path))
        return (machine, regions), (riscv, riscv_regions)
    return (machine, regions), None


def read_maps(maps_dir=MAPS_DIR):
    """{file name without .h: (machine, [(start, end)])} of every map file, in file name
    order, each followed by its chip's RISC-V map if it has one (key: name + RISCV)."""
    maps = {}
    for name in sorted(os.listdir(maps_dir)):
        if name.endswith(".h"):
            maps[name[:-2]], riscv = read_map(os.path.join(maps_dir, name))
            if riscv:
                maps[name[:-2] + RISCV] = riscv
    machines = [machine for machine, _ in maps.values()]
    for i, machine in enumerate(machines):
        for later in machines[i + 1:]:
            if later in machine:  # the fallback's last match would never be this one
                raise UserError("{}: the machine name {!r} contains {!r}, which comes after it"
                                .format(os.path.relpath(maps_dir, ROOT), machine, later))
    return maps


def maps_module(maps):
    """_maps.py's text: per chip, its machine name and its regions, flat (start, end, ...)."""
    lines = [
        "# By scripts/genmaps.py (make maps) from modules/fastpoll/maps/: "
        "(machine, (start, end, ..))",
        "MAPS = (",
    ]
    for machine, regions in maps.values():
        lines.append('    ("{}", ('.format(machine))
        line = "       "
        for region in regions:
            pair = " 0x{:x}, 0x{:x},".format(*region)
            if len(line + pair) > 97:  # room for the last one's ")),"
                lines.append(line)
                line = "       "
            line += pair
        lines.append(line[:-1] + ")),")
    lines.append(")")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if _maps.py is stale")
    args = parser.parse_args()
    text = maps_module(read_maps())
    if args.check:
        current = open(OUT).read() if os.path.exists(OUT) else ""
        if current != text:
            raise UserError("{} does not match {}; run: make maps".format(
                os.path.relpath(OUT, ROOT), os.path.relpath(MAPS_DIR, ROOT)))
    else:
        write_if_changed(OUT, text)
    return 0
