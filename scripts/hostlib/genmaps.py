"""Write the Python fallback's memory maps (frozen/fastpoll/fastpoll/_maps.py) from the C
module's, one file per chip in modules/fastpoll/maps/.

    genmaps.py [--check]

A map file holds one FASTPOLL_MACHINE("name") line, what sys.implementation._machine contains on
a board with that chip, and a FASTPOLL_REGION(start, end) line per region (hex, [start, end),
in address order); other lines are comments or blank. --check fails when _maps.py is stale.
"""

import argparse
import os
import re

from . import ROOT
from .errors import UserError
from .genfwinfo import write_if_changed

MAPS_DIR = os.path.join(ROOT, "modules", "fastpoll", "maps")
OUT = os.path.join(ROOT, "frozen", "fastpoll", "fastpoll", "_maps.py")

MACHINE = re.compile(r'FASTPOLL_MACHINE\("([^"\\]+)"\)$')
REGION = re.compile(r"FASTPOLL_REGION\((0x[0-9a-f]{8}), (0x[0-9a-f]{8})\)(?: //.*)?$")


def read_map(path):
    """(machine, [(start, end)]) of one map file."""
    machine, regions = None, []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            where = "{}:{}".format(os.path.relpath(path, ROOT), number)
            if not line or line.startswith("//"):
                continue
            m = MACHINE.match(line)
            if m and machine is None:
                machine = m.group(1)
                continue
            m = REGION.match(line)
            if not m:
                raise UserError("{}: not a comment, FASTPOLL_MACHINE or FASTPOLL_REGION line"
                                .format(where))
            start, end = int(m.group(1), 16), int(m.group(2), 16)
            if start % 4 or end % 4 or start >= end:
                raise UserError("{}: a region is 4-byte aligned, start < end".format(where))
            if regions and start < regions[-1][1]:
                raise UserError("{}: regions overlap or are out of address order".format(where))
            regions.append((start, end))
    if machine is None or not regions:
        raise UserError("{}: no FASTPOLL_MACHINE or no region".format(path))
    return machine, regions


def read_maps(maps_dir=MAPS_DIR):
    """{file name without .h: (machine, [(start, end)])} of every map file."""
    maps = {}
    for name in sorted(os.listdir(maps_dir)):
        if name.endswith(".h"):
            maps[name[:-2]] = read_map(os.path.join(maps_dir, name))
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
