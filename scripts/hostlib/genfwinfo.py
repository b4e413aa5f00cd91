"""Write fwinfo.py, the frozen module that tells what a firmware is.

    genfwinfo.py --board PYBV11 --tag v1.28.0 --out DIR

Our version comes from the root manifest's metadata(), the commit from git. The file is
rewritten only when its text changes, and holds no date, so builds stay reproducible.
"""

import argparse
import os
import re
import subprocess

from . import ROOT
from .errors import UserError, run_main

TEMPLATE = '''"""What this firmware is (generated at build time by scripts/genfwinfo.py)."""

version = {version!r}
commit = {commit!r}
board = {board!r}
micropython = {tag!r}


def summary():
    return "pyb-asyncio {{}} ({{}}) for {{}} on MicroPython {{}}".format(
        version, commit, board, micropython)
'''


def library_version():
    with open(os.path.join(ROOT, "manifest.py")) as f:
        m = re.search(r"metadata\([^)]*version=\"([^\"]+)\"", f.read())
    if m is None:
        raise UserError("manifest.py has no metadata(version=...)")
    return m.group(1)


def git_commit():
    def git(*args):
        return subprocess.run(["git", "-C", ROOT] + list(args), capture_output=True,
                              text=True)

    head = git("rev-parse", "--short=12", "HEAD")
    if head.returncode != 0:
        return "unknown"
    # Untracked files count: a new frozen module not yet added is in the firmware too.
    dirty = bool(git("status", "--porcelain").stdout.strip())
    return head.stdout.strip() + ("-dirty" if dirty else "")


def write_if_changed(path, text):
    """Write text to path unless it holds it already, so its time changes only with it."""
    if os.path.exists(path):
        with open(path) as f:
            if f.read() == text:
                return
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--board", required=True)
    parser.add_argument("--tag", required=True)
    parser.add_argument("--out", required=True, help="folder to write fwinfo.py in")
    args = parser.parse_args()
    text = TEMPLATE.format(version=library_version(), commit=git_commit(), board=args.board,
                           tag=args.tag)
    os.makedirs(args.out, exist_ok=True)
    write_if_changed(os.path.join(args.out, "fwinfo.py"), text)
    return 0


if __name__ == "__main__":
    run_main(main)
