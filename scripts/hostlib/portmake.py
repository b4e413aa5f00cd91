"""Run one of MicroPython's port Makefiles, out of tree, and explain how it failed.

Usage: portmake.py WHAT make-arguments...

The port's output goes to the terminal as it comes and to BUILD/portmake.log. When the
build fails, the known causes (firmware too big, a bad manifest, a compiler error) are
said in one line, and the half-made firmware files are removed.
"""

import os
import re
import subprocess
import sys

from .errors import UserError, run_main

OUTPUTS = ("firmware.elf", "firmware.dfu", "firmware.hex", "firmware.bin", "micropython")

DIAGNOSES = [
    (re.compile(r"region `?(\w+)'? overflowed by (\d+) bytes"),
     "firmware too big: region {0} overflowed by {1} bytes; freeze less or pick a board "
     "with more flash"),
    (re.compile(r'^freeze error executing "[^"]*": (.*)$', re.M), "bad manifest: {0}"),
    (re.compile(r"makemanifest\.py: error: (.*)|ManifestFileError: (.*)|"
                r"(manifest file not found.*)"),
     "bad manifest: {0}"),
    (re.compile(r"^error compiling (\S+):\n(?:.*\n)*?(\w+Error: .*)$", re.M),
     "frozen module {0} does not compile: {1}"),
    (re.compile(r"^(\S+\.[ch]:\d+:\d+: error: .*)$", re.M), "compile error: {0}"),
    (re.compile(r"^(.*No rule to make target.*)$", re.M), "{0}"),
]


def arg_value(args, name):
    for a in args:
        if a.startswith(name + "="):
            return a.split("=", 1)[1]
    return None


def diagnose(log):
    for pattern, message in DIAGNOSES:
        m = pattern.search(log)
        if m:
            return message.format(*[g for g in m.groups() if g is not None])
    lines = [line for line in log.splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


def main():
    if len(sys.argv) < 2:
        raise UserError("usage: portmake.py WHAT make-arguments...")
    what, make_args = sys.argv[1], sys.argv[2:]
    build = arg_value(make_args, "BUILD")
    os.makedirs(build, exist_ok=True)
    log_path = os.path.join(build, "portmake.log")
    proc = subprocess.Popen(["make"] + make_args, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    with open(log_path, "wb") as log:
        for chunk in iter(lambda: proc.stdout.readline(), b""):
            sys.stdout.buffer.write(chunk)
            sys.stdout.flush()
            log.write(chunk)
    if proc.wait() == 0:
        return 0
    for name in OUTPUTS:
        path = os.path.join(build, name)
        if os.path.exists(path):
            os.remove(path)
    with open(log_path, errors="replace") as f:
        reason = diagnose(f.read())
    raise UserError("building {} failed: {} (full log: {})".format(what, reason, log_path))


if __name__ == "__main__":
    run_main(main)
