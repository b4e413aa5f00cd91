"""Shared fixtures of every pytest file (all in tests/host): the test targets are built
(incrementally, by make) once per session.

Tests may run in parallel (pytest-xdist, as make test runs them): every make into the shared
build folder holds one lock, so two workers never build into it at once; make test builds the
targets before the workers start, so theirs find nothing to do."""

import os

import pytest
from hosttools import BUILD, make


@pytest.fixture(scope="session")
def targets():
    """Build the unix and qemu test builds and the PYBV11 firmware; returns their paths."""
    proc = make("test-targets")
    if proc.returncode != 0:
        pytest.fail("make test-targets failed:\n" + proc.stdout[-4000:] + proc.stderr[-4000:],
                    pytrace=False)
    return {
        "unix": os.path.join(BUILD, "test-unix", "micropython"),
        "qemu": os.path.join(BUILD, "test-qemu", "firmware.elf"),
        "PYBV11": os.path.join(BUILD, "PYBV11"),
    }


@pytest.fixture(scope="session")
def pyb_emu():
    """Build the emulated PYBV11 (make pyb-emu); returns its firmware.elf."""
    proc = make("pyb-emu")
    if proc.returncode != 0:
        pytest.fail("make pyb-emu failed:\n" + proc.stdout[-4000:] + proc.stderr[-4000:],
                    pytrace=False)
    return os.path.join(BUILD, "test-pyb-emu", "firmware.elf")


@pytest.fixture(scope="session")
def pybv11(targets):
    """The PYBV11 build folder, built by make test-targets."""
    return targets["PYBV11"]


# The longest tests (a clean firmware build, upstream's suite on the emulated board: one to two
# minutes each) start first, beside the short ones: started last, the run would end waiting on
# one of them. make test also lets idle workers take queued tests from busy ones (worksteal).
FIRST = ("test_repro.py", "test_pyb_emu_upstream.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.nodeid.split("::")[0].rsplit("/", 1)[-1] not in FIRST)
