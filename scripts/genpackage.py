"""Write package.json, so stock firmware can install our library with mip, from manifest.py.

    genpackage.py --mpy-dir DIR [--check]

The file list comes from evaluating manifest.py with MicroPython's own manifest tool, so
what mip installs is what the firmware freezes, plus the pure-Python _fastpoll that stands in
for the C module on stock firmware. --check fails when package.json is out of date.
"""

import argparse
import json
import os
import sys

from errors import UserError, run_main
from genfwinfo import library_version, write_if_changed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE_JSON = os.path.join(ROOT, "package.json")
# Installed by mip only: on our firmware the C module of this name is always found first.
MIP_ONLY = [("_fastpoll.py", "frozen/fastpoll/_fastpoll.py")]


def manifest_files(mpy_dir):
    sys.path.insert(0, os.path.join(mpy_dir, "tools"))
    try:
        import manifestfile
    except ImportError:
        raise UserError("no tools/manifestfile.py in MPY_DIR={}".format(mpy_dir))
    manifest = manifestfile.ManifestFile(manifestfile.MODE_FREEZE, {
        "MPY_DIR": mpy_dir,
        "MPY_LIB_DIR": os.path.join(mpy_dir, "lib", "micropython-lib"),
        "PORT_DIR": None,
        "BOARD_DIR": None,
    })
    try:
        manifest.execute(os.path.join(ROOT, "manifest.py"))
    except manifestfile.ManifestFileError as e:
        raise UserError("bad manifest: {}".format(e))
    return [(f.target_path, os.path.relpath(f.full_path, ROOT))
                      for f in manifest.files()]


def package_json(mpy_dir):
    files = manifest_files(mpy_dir)
    version = library_version()
    urls = ",\n    ".join(json.dumps(list(pair)) for pair in sorted(files + MIP_ONLY))
    return '{{\n  "urls": [\n    {}\n  ],\n  "deps": [],\n  "version": {}\n}}\n'.format(
        urls, json.dumps(version))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mpy-dir", required=True)
    parser.add_argument("--check", action="store_true", help="fail if package.json is stale")
    args = parser.parse_args()
    text = package_json(args.mpy_dir)
    if args.check:
        current = open(PACKAGE_JSON).read() if os.path.exists(PACKAGE_JSON) else ""
        if current != text:
            raise UserError("package.json does not match manifest.py; run: make package.json")
        return 0
    write_if_changed(PACKAGE_JSON, text)
    return 0


if __name__ == "__main__":
    run_main(main)
