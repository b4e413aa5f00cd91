"""Write the mip package lists (package.json and one per package) from the manifests.

    genpackage.py --mpy-dir DIR [--check]

The file lists come from evaluating the manifests with MicroPython's own manifest tool, so
what mip installs is what the firmware freezes, with these differences for stock firmware:
- io.py is left out: an installed io.py would shadow the builtin io for every program;
- uasyncio is left out of the lists installed into the lib folder, where stock's frozen
  uasyncio.py alias (.frozen comes first in sys.path) would hide it; uasyncio.json holds it
  alone, to install ahead of .frozen (mip --target /flash on a Pyboard).
--check fails when a list is out of date.
"""

import argparse
import json
import os
import sys

from . import ROOT
from .errors import UserError, run_main
from .genfwinfo import library_version, write_if_changed

# Never installed: what it would shadow.
SHADOWS_BUILTIN = ("io.py",)
# list file: (manifest, what goes in it): "all" files, "lib" (all but uasyncio), or "own" (the
# manifest's own files, not those of the packages it requires).
LISTS = {
    "package.json": ("manifest.py", "lib"),
    "fastpoll.json": ("frozen/fastpoll/manifest.py", "lib"),
    "primitives.json": ("frozen/primitives/manifest.py", "lib"),
    "threadsafe.json": ("frozen/threadsafe/manifest.py", "lib"),
    "uasyncio.json": ("frozen/uasyncio/manifest.py", "own"),
}


def evaluate(mpy_dir, manifest_path):
    """The ManifestFile of manifest_path (relative to ROOT), executed."""
    sys.path.insert(0, os.path.join(mpy_dir, "tools"))
    try:
        import manifestfile
    except ImportError:
        raise UserError("no tools/manifestfile.py in MPY_DIR={}".format(mpy_dir))
    finally:
        sys.path.pop(0)
    manifest = manifestfile.ManifestFile(manifestfile.MODE_FREEZE, {
        "MPY_DIR": mpy_dir,
        "MPY_LIB_DIR": os.path.join(mpy_dir, "lib", "micropython-lib"),
        "PORT_DIR": None,
        "BOARD_DIR": None,
    })
    # As manifest.py does, so that a package's require(..., library="pyb-asyncio") resolves.
    manifest.add_library("pyb-asyncio", os.path.join(ROOT, "frozen"))
    try:
        manifest.execute(os.path.join(ROOT, manifest_path))
    except manifestfile.ManifestFileError as e:
        raise UserError("bad manifest {}: {}".format(manifest_path, e))
    return manifest


def files_of(manifest):
    return [(f.target_path, os.path.relpath(f.full_path, ROOT)) for f in manifest.files()]


def manifest_files(mpy_dir, manifest_path="manifest.py"):
    """[(target path, source path relative to ROOT)]: what the firmware freezes."""
    return files_of(evaluate(mpy_dir, manifest_path))


def package_list(mpy_dir, manifest_path, which):
    manifest = evaluate(mpy_dir, manifest_path)
    files = files_of(manifest)
    if which == "own":
        own_dir = os.path.dirname(manifest_path) + "/"
        files = [f for f in files if f[1].startswith(own_dir)]
    else:
        files = [f for f in files if not f[0].startswith("uasyncio/")]
    files = [f for f in files if f[0] not in SHADOWS_BUILTIN]
    urls = ",\n    ".join(json.dumps(list(pair)) for pair in sorted(files))
    return ('{{\n  "urls": [\n    {}\n  ],\n  "deps": [],\n  "version": {},\n'
            '  "license": {}\n}}\n').format(urls, json.dumps(library_version()),
                                              json.dumps(manifest.metadata().license))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mpy-dir", required=True)
    parser.add_argument("--check", action="store_true", help="fail if a list is stale")
    args = parser.parse_args()
    for name, (manifest_path, which) in LISTS.items():
        text = package_list(args.mpy_dir, manifest_path, which)
        path = os.path.join(ROOT, name)
        if args.check:
            current = open(path).read() if os.path.exists(path) else ""
            if current != text:
                raise UserError("{} does not match the manifests; run: make package.json"
                                .format(name))
        else:
            write_if_changed(path, text)
    return 0


if __name__ == "__main__":
    run_main(main)
