"""Helpers for the host tests: run our scripts as a user would, as subprocesses."""

import fcntl
import os
import subprocess
import sys

from hostlib import ROOT, mpy_dir  # noqa: F401 (tests import it from here)

# The one build root of every test (make test may set another).
BUILD = os.path.abspath(os.environ.get("BUILD_ROOT", os.path.join(ROOT, "build")))
# The MicroPython scripts' folders, each a selection of targets (docs/testing.md).
TESTS = os.path.join(ROOT, "tests")


def make(*args):
    """Run make in the repo, alone on the build folder (tests may run in parallel: every make
    into build/ holds one lock); returns the CompletedProcess (text output)."""
    os.makedirs(BUILD, exist_ok=True)
    with open(os.path.join(BUILD, ".make.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return subprocess.run(["make", "-s"] + list(args), cwd=ROOT, capture_output=True,
                              text=True)


def script(name, *args, env=None):
    """Run scripts/<name>.py; returns the CompletedProcess (text output)."""
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", name + ".py")]
                          + list(args), capture_output=True, text=True, env=env, cwd=ROOT)


def assert_one_line_error(proc, *words):
    """A failure said the expected way: non-zero, no traceback, one 'error:' line naming
    words."""
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, proc.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def path_without(tmp_path, prefix):
    """A PATH folder with every program of PATH except those whose names start with prefix."""
    path = tmp_path / "bin"
    path.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(folder):
            continue
        for name in os.listdir(folder):
            target = path / name
            if not name.startswith(prefix) and not os.path.lexists(str(target)):
                os.symlink(os.path.join(folder, name), str(target))
    return str(path)
