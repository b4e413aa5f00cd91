"""Check that the host tools a make target needs are installed.

A missing tool is one line naming it and the command that installs it. On CI (CI=true,
running as root) the missing packages are installed instead, so a fresh machine needs no
hand set-up.
"""

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys

from .errors import UserError, run_main

APT = "apt-get install -y"
PIP = "python3 -m pip install"

# tool -> (how to check it, install command); checks are a program on PATH or a Python module.
TOOLS = {
    "make": ("prog", APT + " make"),
    "git": ("prog", APT + " git"),
    "cmake": ("prog", APT + " cmake"),  # the rp2 port (the Picos) is built with cmake
    "gcc": ("prog", APT + " gcc"),
    "pkg-config": ("prog", APT + " pkg-config libffi-dev"),
    "arm-none-eabi-gcc": ("prog", APT + " gcc-arm-none-eabi libnewlib-arm-none-eabi"),
    "newlib": ("newlib", APT + " libnewlib-arm-none-eabi"),
    "qemu-system-arm": ("prog", APT + " qemu-system-arm"),
    "dfu-util": ("prog", APT + " dfu-util"),
    "pytest": ("module", PIP + " pytest"),
    "xdist": ("module", PIP + " pytest-xdist"),  # make test runs the tests in parallel
    "serial": ("module", PIP + " pyserial"),
    "mpremote": ("prog", PIP + " mpremote"),
    "matplotlib": ("module", PIP + " matplotlib"),
}

NEEDS = {
    "firmware": ["make", "git", "arm-none-eabi-gcc", "newlib"],
    "firmware-rp2": ["make", "git", "cmake", "arm-none-eabi-gcc", "newlib"],
    "test": ["make", "git", "gcc", "pkg-config", "arm-none-eabi-gcc", "newlib",
             "qemu-system-arm", "dfu-util", "pytest", "xdist"],
    "deploy": ["dfu-util"],
    "board": ["serial"],
    "bench": ["qemu-system-arm", "matplotlib"],
}


def present(tool):
    kind = TOOLS[tool][0]
    if kind == "prog":
        return shutil.which(tool) is not None
    if kind == "module":
        return importlib.util.find_spec(tool) is not None
    # newlib: the cross compiler finds libc.a only when it is installed.
    if shutil.which("arm-none-eabi-gcc") is None:
        return False
    found = subprocess.run(["arm-none-eabi-gcc", "-print-file-name=libc.a"],
                           capture_output=True, text=True).stdout.strip()
    return os.path.isabs(found)


def hint(tool):
    """The command that installs tool; apt-get needs sudo when we are not root."""
    command = TOOLS[tool][1]
    if command.startswith(APT) and os.geteuid() != 0:
        command = "sudo " + command
    return command


def require(tool, purpose):
    """Raise the one-line error for a missing tool."""
    if not present(tool):
        raise UserError("{} needs {}, which is missing; install it with: {}".format(
            purpose, tool, hint(tool)))


def install(missing):
    apt = sorted({p for t in missing if TOOLS[t][1].startswith(APT)
                  for p in TOOLS[t][1][len(APT):].split()})
    pip = sorted({p for t in missing if TOOLS[t][1].startswith(PIP)
                  for p in TOOLS[t][1][len(PIP):].split()})
    print("installing missing tools: {}".format(" ".join(missing)), file=sys.stderr)
    if apt:
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq"] + apt, check=True,
                       env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    if pip:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q"] + pip, check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", choices=sorted(NEEDS))
    args = parser.parse_args()
    missing = [t for t in NEEDS[args.target] if not present(t)]
    if missing and os.environ.get("CI") == "true" and os.geteuid() == 0:
        install(missing)
        missing = [t for t in missing if not present(t)]
    purpose = "'make {}'".format(args.target)
    if args.target == "firmware-rp2":
        purpose = "'make firmware' for an rp2 board (a Pico)"
    for tool in missing:
        require(tool, purpose)
    return 0


if __name__ == "__main__":
    run_main(main)
