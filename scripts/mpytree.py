"""Find the pinned MicroPython tree, check it, and clone it when it is missing.

A present tree is only read, never touched: its version, and the submodules our stm32,
unix and qemu builds need. A missing tree is cloned from upstream (the tag and those
submodules only) into a temporary folder that is renamed into place when complete.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

import checktools
from errors import UserError, run_main

UPSTREAM = "https://github.com/micropython/micropython.git"

# submodule -> a file that exists when it is checked out.
SUBMODULES = {
    "lib/micropython-lib": "README.md",
    "lib/stm32lib": "README.md",
    "lib/tinyusb": "src/tusb.h",
    "lib/libhydrogen": "hydrogen.c",
    "lib/berkeley-db-1.xx": "README",
}


def tree_version(mpy_dir):
    """The MicroPython version a tree declares in py/mpconfig.h, as 'vX.Y.Z'."""
    with open(os.path.join(mpy_dir, "py", "mpconfig.h")) as f:
        text = f.read()
    parts = []
    for part in ("MAJOR", "MINOR", "MICRO"):
        m = re.search(r"#define MICROPY_VERSION_{}\s+\(?(\d+)".format(part), text)
        if m is None:
            raise UserError("{} has a py/mpconfig.h without a version".format(mpy_dir))
        parts.append(m.group(1))
    return "v" + ".".join(parts)


def check_tree(mpy_dir, tag):
    if not os.path.isfile(os.path.join(mpy_dir, "py", "mpconfig.h")):
        raise UserError("MPY_DIR={} is not a MicroPython tree (no py/mpconfig.h); "
                        "remove it or point MPY_DIR at a {} tree".format(mpy_dir, tag))
    version = tree_version(mpy_dir)
    if version != tag:
        raise UserError("MPY_DIR={} is MicroPython {}, this repo pins {}; point MPY_DIR at a "
                        "{} tree or remove it so it is cloned".format(mpy_dir, version, tag, tag))
    for sub, marker in SUBMODULES.items():
        if not os.path.exists(os.path.join(mpy_dir, sub, marker)):
            raise UserError("MPY_DIR={} lacks the submodule {}; run: git -C {} submodule "
                            "update --init {}".format(mpy_dir, sub, mpy_dir, sub))


def clone_tree(mpy_dir, tag):
    checktools.require("git", "cloning MicroPython")
    tmp = mpy_dir + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.dirname(mpy_dir), exist_ok=True)
    print("MicroPython {} is not at {}: cloning it from {}".format(tag, mpy_dir, UPSTREAM),
          file=sys.stderr)
    steps = [
        ["git", "clone", "--progress", "--depth", "1", "--branch", tag, UPSTREAM, tmp],
        ["git", "-C", tmp, "submodule", "update", "--init", "--depth", "1", "--progress"]
        + list(SUBMODULES),
    ]
    for step in steps:
        if subprocess.run(step).returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise UserError("could not clone MicroPython {} (command: {}); without network, "
                            "set MPY_DIR to an existing {} tree".format(tag, " ".join(step), tag))
    os.rename(tmp, mpy_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="where the tree is (MPY_DIR)")
    parser.add_argument("--tag", required=True, help="the pinned MicroPython tag")
    args = parser.parse_args()
    mpy_dir = os.path.abspath(os.path.expanduser(args.dir))
    if not os.path.exists(mpy_dir):
        clone_tree(mpy_dir, args.tag)
    check_tree(mpy_dir, args.tag)
    return 0


if __name__ == "__main__":
    run_main(main)
