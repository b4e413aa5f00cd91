"""Find the pinned MicroPython tree, check it, and clone it when it is missing.

A present tree is only read, never touched: its version, and the submodules our unix and
qemu builds and the chosen board need. A missing tree is cloned from upstream (the tag and those
submodules only) into a temporary folder that is renamed into place when complete.

What a board needs beyond the common set is read from its make settings (our boards/<BOARD>/
mpconfigboard.mk and the upstream one it includes): the D-series' WiFi, lwIP, TLS and NimBLE
each need a submodule of their own. An rp2 board (mpconfigboard.cmake) needs the Pico SDK and
mbedtls.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

from . import ROOT, checktools
from .errors import UserError, run_main

UPSTREAM = "https://github.com/micropython/micropython.git"

# submodule -> a file that exists when it is checked out: what every build needs.
SUBMODULES = {
    "lib/micropython-lib": "README.md",
    "lib/stm32lib": "README.md",
    "lib/tinyusb": "src/tusb.h",
    "lib/libhydrogen": "hydrogen.c",
    "lib/berkeley-db-1.xx": "README",
}

# What an rp2 board (boards/<BOARD>/mpconfigboard.cmake) needs besides: the Pico SDK, and
# mbedtls, which ports/rp2/CMakeLists.txt compiles in for every board.
RP2_SUBMODULES = {
    "lib/pico-sdk": "README.md",
    "lib/mbedtls": "include/mbedtls/ssl.h",
}

# A board setting (ports/stm32/Makefile, extmod/extmod.mk) -> the submodule it compiles in.
FEATURES = {
    "MICROPY_PY_NETWORK_CYW43": ("lib/cyw43-driver", "src/cyw43.h"),
    "MICROPY_PY_LWIP": ("lib/lwip", "src/include/lwip/init.h"),
    "MICROPY_SSL_MBEDTLS": ("lib/mbedtls", "include/mbedtls/ssl.h"),
    "MICROPY_BLUETOOTH_NIMBLE": ("lib/mynewt-nimble", "nimble/host/include/host/ble_hs.h"),
    "MICROPY_BLUETOOTH_BTSTACK": ("lib/btstack", "src/btstack.h"),
}

ASSIGNMENT = re.compile(r"^\s*(MICROPY_\w+)\s*([?:]?=)\s*(\S*)\s*$", re.M)
INCLUDE = re.compile(r"^\s*include\s+\$\(TOP\)/(\S+)\s*$", re.M)


def board_settings(mk_path, mpy_dir, settings=None):
    """MICROPY_* make variables of a board .mk, following its include of upstream's .mk; a
    plain or := assignment overrides, ?= only sets what is unset (as make does)."""
    settings = {} if settings is None else settings
    try:
        with open(mk_path) as f:
            text = f.read()
    except OSError as e:
        raise UserError("cannot read {}: {}".format(mk_path, e.strerror)) from None
    for m in sorted(list(ASSIGNMENT.finditer(text)) + list(INCLUDE.finditer(text)),
                    key=lambda m: m.start()):
        if m.re is INCLUDE:
            # A tree without that file is not a whole tree: the port's make says so later.
            if os.path.isfile(os.path.join(mpy_dir, m.group(1))):
                board_settings(os.path.join(mpy_dir, m.group(1)), mpy_dir, settings)
        elif m.group(2) != "?=" or m.group(1) not in settings:
            settings[m.group(1)] = m.group(3)
    return settings


def needed(mpy_dir, board_mk):
    """submodule -> marker file: the common set, and what board_mk (if any) compiles in."""
    subs = dict(SUBMODULES)
    if board_mk and board_mk.endswith(".cmake"):
        subs.update(RP2_SUBMODULES)
    elif board_mk:
        settings = board_settings(board_mk, mpy_dir)
        for var, (sub, marker) in FEATURES.items():
            if settings.get(var, "0") not in ("0", ""):
                subs[sub] = marker
    return subs


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


def check_tree(mpy_dir, tag, board_mk=None, board="the builds"):
    if not os.path.isfile(os.path.join(mpy_dir, "py", "mpconfig.h")):
        raise UserError("MPY_DIR={} is not a MicroPython tree (no py/mpconfig.h); "
                        "remove it or point MPY_DIR at a {} tree".format(mpy_dir, tag))
    version = tree_version(mpy_dir)
    if version != tag:
        raise UserError("MPY_DIR={} is MicroPython {}, this repo pins {}; point MPY_DIR at a "
                        "{} tree or remove it so it is cloned".format(mpy_dir, version, tag, tag))
    missing = [sub for sub, marker in needed(mpy_dir, board_mk).items()
               if not os.path.exists(os.path.join(mpy_dir, sub, marker))]
    if missing:
        raise UserError("MPY_DIR={} lacks the submodule{} {} that {} need{}; run: git -C {} "
                        "submodule update --init {}".format(
                            mpy_dir, "s" if len(missing) > 1 else "", " ".join(missing), board,
                            "" if board == "the builds" else "s", mpy_dir, " ".join(missing)))


def clone_tree(mpy_dir, tag, board_mk=None):
    checktools.require("git", "cloning MicroPython")
    tmp = mpy_dir + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.dirname(mpy_dir), exist_ok=True)
    print("MicroPython {} is not at {}: cloning it from {}".format(tag, mpy_dir, UPSTREAM),
          file=sys.stderr)
    steps = [
        lambda: ["git", "clone", "--progress", "--depth", "1", "--branch", tag, UPSTREAM, tmp],
        # The board's needs are read from the fresh tree's own board files.
        lambda: ["git", "-C", tmp, "submodule", "update", "--init", "--depth", "1", "--progress"]
        + sorted(needed(tmp, board_mk)),
    ]
    for make_step in steps:
        step = make_step()
        if subprocess.run(step).returncode != 0:
            shutil.rmtree(tmp, ignore_errors=True)
            raise UserError("could not clone MicroPython {} (command: {}); without network, "
                            "set MPY_DIR to an existing {} tree".format(tag, " ".join(step), tag))
    os.rename(tmp, mpy_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", required=True, help="where the tree is (MPY_DIR)")
    parser.add_argument("--tag", required=True, help="the pinned MicroPython tag")
    parser.add_argument("--board", help="also what this board of boards/ needs")
    args = parser.parse_args()
    mpy_dir = os.path.abspath(os.path.expanduser(args.dir))
    board_mk = None
    if args.board:
        board_dir = os.path.join(ROOT, "boards", args.board)
        board_mk = os.path.join(board_dir, "mpconfigboard.mk")
        if os.path.isfile(os.path.join(board_dir, "mpconfigboard.cmake")):
            board_mk = os.path.join(board_dir, "mpconfigboard.cmake")
    if not os.path.exists(mpy_dir):
        clone_tree(mpy_dir, args.tag, board_mk)
    check_tree(mpy_dir, args.tag, board_mk, args.board or "the builds")
    return 0


if __name__ == "__main__":
    run_main(main)
