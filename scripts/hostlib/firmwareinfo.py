"""What a built firmware really holds, read from the build outputs (never from the manifest).

    firmwareinfo.py report --board PYBV11 --build build/PYBV11 [--json]
    firmwareinfo.py check --board PYBV11 --build build/PYBV11 [--json]

report: MicroPython version, sizes, flash used and free per region, frozen modules, C modules.
check:  one summary line, or one error line when the firmware is missing, too big for the
        board's flash or its .dfu (a Pico's .uf2) does not verify.
"""

import argparse
import json
import os
import re
import textwrap

from . import dfuse, flashmap, uf2
from .elffile import STB_GLOBAL, STT_OBJECT, ElfFile
from .errors import UserError, run_main

# Upstream's convention (examples/usercmodule): a C user module's module object is named
# <module>_user_cmodule.
CMODULE_SUFFIX = "_user_cmodule"


def version(build):
    """(tag, commit) from the build's genhdr/mpversion.h."""
    path = os.path.join(build, "genhdr", "mpversion.h")
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        raise UserError("{} is missing; the build is incomplete".format(path)) from None
    fields = dict(re.findall(r'#define MICROPY_(GIT_TAG|GIT_HASH)\s+"([^"]*)"', text))
    return fields.get("GIT_TAG", "?"), fields.get("GIT_HASH", "?")


def frozen_modules(elf):
    """The frozen module names in the image: mp_frozen_names is a NUL-separated list ending in
    an empty name."""
    sym = elf.symbol("mp_frozen_names")
    if sym is None:
        return []
    names = elf.read(sym.value, sym.size).split(b"\0")
    return [n.decode() for n in names[:names.index(b"")]]


def c_modules(elf):
    return sorted(s.name[:-len(CMODULE_SUFFIX)] for s in elf.symbols()
                  if s.name.endswith(CMODULE_SUFFIX) and s.type == STT_OBJECT
                  and s.bind == STB_GLOBAL)


def flash_use(elf, board):
    """Per firmware region: bytes used (up to the end of the last thing loaded there)."""
    used = {r.name: 0 for r in flashmap.firmware_regions(board)}
    for addr, size in elf.flash_segments():
        region = flashmap.region_at(board, addr, size)
        if region is None:
            raise UserError("firmware too big for {}: {} bytes at 0x{:08x} do not fit its "
                            "flash ({})".format(board.name, size, addr,
                                                flashmap.describe_regions(board)))
        used[region.name] = max(used[region.name], addr + size - region.origin)
    return [{"region": r.name, "origin": r.origin, "size": r.length, "used": used[r.name],
             "free": r.length - used[r.name]} for r in flashmap.firmware_regions(board)]


def inspect(board_name, build):
    board = flashmap.board(board_name)
    elf_path = os.path.join(build, "firmware.elf")
    image_path = os.path.join(build, "firmware.uf2" if board.uf2_family else "firmware.dfu")
    for path in (elf_path, image_path):
        if not os.path.isfile(path):
            raise UserError("no firmware at {}; run: make firmware BOARD={}".format(
                path, board_name))
    elf = ElfFile(elf_path)
    text, data, bss = elf.berkeley_sizes()
    tag, commit = version(build)
    if board.uf2_family:
        blocks = uf2.verify(uf2.read(image_path), board).blocks
        image = {"path": image_path, "bytes": os.path.getsize(image_path), "kind": "uf2",
                 "elements": [{"address": b.address, "size": b.size} for b in blocks]}
    else:
        dfu = dfuse.verify(dfuse.read(image_path), board)
        image = {"path": image_path, "bytes": os.path.getsize(image_path), "kind": "dfu",
                 "elements": [{"address": e.address, "size": len(e.data)}
                              for t in dfu.targets for e in t.elements]}
    return {
        "board": board.name,
        "mcu": board.mcu,
        "micropython": {"tag": tag, "commit": commit},
        "text": text,
        "data": data,
        "bss": bss,
        "flash": flash_use(elf, board),
        image["kind"]: image,
        "frozen": frozen_modules(elf),
        "c_modules": c_modules(elf),
    }


def kib(n):
    return "{:.1f} KiB".format(n / 1024)


def report_text(info):
    lines = [
        "MicroPython  {} (commit {})".format(info["micropython"]["tag"],
                                             info["micropython"]["commit"]),
        "board        {} ({})".format(info["board"], info["mcu"]),
        "size         text {}  data {}  bss {} bytes".format(info["text"], info["data"],
                                                             info["bss"]),
    ]
    for i, r in enumerate(info["flash"]):
        lines.append("{:13}{:<11} 0x{:08x}: {:>9} of {:>9} used, {:>9} free ({:.0%} used)".format(
            "flash" if i == 0 else "", r["region"], r["origin"], kib(r["used"]), kib(r["size"]),
            kib(r["free"]), r["used"] / r["size"]))
    if "uf2" in info:
        lines.append("firmware.uf2 {} bytes, {} blocks".format(info["uf2"]["bytes"],
                                                               len(info["uf2"]["elements"])))
    else:
        lines.append("firmware.dfu {} bytes, {} elements".format(info["dfu"]["bytes"],
                                                                 len(info["dfu"]["elements"])))
    lines.append(textwrap.fill(" ".join(info["frozen"]), 99, subsequent_indent=" " * 13,
                               initial_indent="frozen ({:>2})  ".format(len(info["frozen"]))))
    lines.append("C modules    {}".format(" ".join(info["c_modules"]) or "(none)"))
    return "\n".join(lines)


def check_text(info):
    regions = ", ".join("{} {} used, {} free ({:.0%})".format(
        r["region"], kib(r["used"]), kib(r["free"]), r["used"] / r["size"])
        for r in info["flash"] if r["region"] != "FLASH_START")
    return "{}: firmware fits, {}; {} frozen modules, C modules: {}".format(
        info["board"], regions, len(info["frozen"]), " ".join(info["c_modules"]) or "none")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["report", "check"])
    parser.add_argument("--board", required=True)
    parser.add_argument("--build", required=True, help="the board's build folder")
    parser.add_argument("--json", action="store_true", help="print the facts as JSON")
    args = parser.parse_args()
    info = inspect(args.board, args.build)
    if args.json:
        print(json.dumps(info, indent=1))
    elif args.command == "report":
        print(report_text(info))
    else:
        print(check_text(info))
    return 0


if __name__ == "__main__":
    run_main(main)
