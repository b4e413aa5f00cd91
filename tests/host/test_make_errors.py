"""Bad input to the make targets: each is one line saying what is wrong and how to fix it, a
non-zero exit, no traceback, and nothing written."""

import os
import shutil
import subprocess

import pytest
from hostlib import checktools, mpytree, portmake
from hosttools import ROOT, assert_one_line_error, mpy_dir, path_without, script

SESSION_MPY_CROSS = os.path.join(os.path.abspath(os.environ.get("BUILD_ROOT", os.path.join(
    ROOT, "build"))), "mpy-cross", "mpy-cross")

def make(*args, cwd=ROOT, env=None):
    return subprocess.run(["make", "-s"] + list(args), cwd=cwd, capture_output=True, text=True,
                          env=env)


def tree_files(path):
    return sorted(os.path.join(d, f) for d, _, files in os.walk(path) for f in files)


@pytest.mark.parametrize("target", ["firmware", "info", "deploy"])
def test_unknown_board_lists_ours(target, tmp_path):
    build = tmp_path / "build"
    proc = make(target, "BOARD=NOPE", "BUILD_ROOT={}".format(build))
    assert_one_line_error(proc, "unknown BOARD 'NOPE'", "PYBV11", "PYBV10", "PYBLITEV10")
    assert not build.exists()


def fake_tree(path, version):
    major, minor, micro = version.split(".")
    (path / "py").mkdir(parents=True)
    (path / "py" / "mpconfig.h").write_text(
        "#define MICROPY_VERSION_MAJOR ({})\n#define MICROPY_VERSION_MINOR ({})\n"
        "#define MICROPY_VERSION_MICRO ({})\n".format(major, minor, micro))


@pytest.mark.parametrize("kind, words", [
    ("empty", ["is not a MicroPython tree", "v1.28.0"]),
    ("v1.27.0", ["is MicroPython v1.27.0, this repo pins v1.28.0"]),
    ("v1.28.0", ["lacks the submodules lib/micropython-lib", "git -C"]),
])
def test_bad_mpy_dir(kind, words, tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    if kind != "empty":
        fake_tree(tree, kind[1:])
    before = tree_files(str(tree))
    build = tmp_path / "build"
    proc = make("firmware", "MPY_DIR={}".format(tree), "BUILD_ROOT={}".format(build))
    assert_one_line_error(proc, "MPY_DIR={}".format(tree), *words)
    assert tree_files(str(tree)) == before
    assert not build.exists()


D_SERIES_SUBMODULES = ["lib/cyw43-driver", "lib/lwip", "lib/mbedtls", "lib/mynewt-nimble"]


@pytest.mark.parametrize("board", ["PYBD_SF2", "PYBD_SF6"])
def test_tree_names_exactly_what_a_board_lacks(board, tmp_path):
    """A tree with what the v1.x boards need: fine for PYBV11; for a D-series board, one line
    naming its four networking submodules and nothing else."""
    tree = tmp_path / "tree"
    fake_tree(tree, "1.28.0")
    for sub, marker in mpytree.SUBMODULES.items():
        (tree / sub / marker).parent.mkdir(parents=True, exist_ok=True)
        (tree / sub / marker).write_text("")
    for name in {board, "PYBV11"}:
        (tree / "ports" / "stm32" / "boards" / name).mkdir(parents=True)
        shutil.copy(os.path.join(mpy_dir(), "ports", "stm32", "boards", name, "mpconfigboard.mk"),
                    str(tree / "ports" / "stm32" / "boards" / name))
    proc = script("mpytree", "--dir", str(tree), "--tag", "v1.28.0", "--board", "PYBV11")
    assert proc.returncode == 0, proc.stderr
    build = tmp_path / "build"
    proc = make("firmware", "BOARD=" + board, "MPY_DIR={}".format(tree),
                "BUILD_ROOT={}".format(build))
    line = assert_one_line_error(proc, "lacks the submodules " + " ".join(D_SERIES_SUBMODULES),
                                 "that {} needs".format(board),
                                 "submodule update --init " + " ".join(D_SERIES_SUBMODULES))
    assert "stm32lib" not in line
    assert not build.exists()


@pytest.mark.parametrize("board", ["RPI_PICO", "RPI_PICO2"])
def test_tree_names_a_missing_pico_sdk(board, tmp_path):
    """A tree with everything but the Pico SDK: one line naming lib/pico-sdk alone, before
    cmake or the SDK's own check run."""
    tree = tmp_path / "tree"
    fake_tree(tree, "1.28.0")
    have = dict(mpytree.SUBMODULES, **mpytree.RP2_SUBMODULES)
    del have["lib/pico-sdk"]
    for sub, marker in have.items():
        (tree / sub / marker).parent.mkdir(parents=True, exist_ok=True)
        (tree / sub / marker).write_text("")
    build = tmp_path / "build"
    proc = make("firmware", "BOARD=" + board, "MPY_DIR={}".format(tree),
                "BUILD_ROOT={}".format(build))
    assert_one_line_error(proc, "lacks the submodule lib/pico-sdk that {} needs".format(board),
                          "submodule update --init lib/pico-sdk")
    assert not build.exists()


def test_missing_cross_compiler(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = path_without(tmp_path, "arm-none-eabi-")
    proc = script("checktools", "firmware", env=env)
    line = assert_one_line_error(proc, "arm-none-eabi-gcc",
                                 "apt-get install -y gcc-arm-none-eabi")
    assert ("sudo apt-get" in line) == (os.geteuid() != 0)
    # The same through make: the check runs before anything is built.
    build = tmp_path / "build"
    proc = make("firmware", "BUILD_ROOT={}".format(build), env=env)
    assert_one_line_error(proc, "'make firmware' needs arm-none-eabi-gcc")
    assert not build.exists()


def test_missing_cmake_for_a_pico(tmp_path):
    """The Picos' port is built with cmake: its absence is one line, before anything runs; the
    Pyboards do not need it."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = path_without(tmp_path, "cmake")
    assert script("checktools", "firmware", env=env).returncode == 0
    build = tmp_path / "build"
    proc = make("firmware", "BOARD=RPI_PICO", "BUILD_ROOT={}".format(build), env=env)
    assert_one_line_error(proc, "'make firmware' for an rp2 board (a Pico) needs cmake",
                          "apt-get install -y cmake")
    assert not build.exists()


def test_install_hint_says_sudo_when_not_root(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert checktools.hint("dfu-util") == "sudo apt-get install -y dfu-util"
    assert checktools.hint("pytest") == "python3 -m pip install pytest"
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    assert checktools.hint("dfu-util") == "apt-get install -y dfu-util"


@pytest.mark.parametrize("log, message", [
    ("LINK build/firmware.elf\n/usr/bin/arm-none-eabi-ld: build/firmware.elf section `.text' "
     "will not fit in region `FLASH_TEXT'\n/usr/bin/arm-none-eabi-ld: region `FLASH_TEXT' "
     "overflowed by 1234 bytes\ncollect2: error: ld returned 1 exit status\n",
     "firmware too big: region FLASH_TEXT overflowed by 1234 bytes"),
    ('freeze error executing "/r/manifest.py": Error in manifest file: /r/manifest.py: '
     "[Errno 2] No such file or directory: 'x'\nmake[1]: *** Error 1\n",
     "bad manifest: Error in manifest file: /r/manifest.py: [Errno 2]"),
    ("MPY primitives/x.py\nerror compiling primitives/x.py:\nTraceback (most recent call "
     'last):\n  File "primitives/x.py", line 3\nSyntaxError: invalid syntax\n\nmake[1]: ***\n',
     "frozen module primitives/x.py does not compile: SyntaxError: invalid syntax"),
    ("CC modfastpoll.c\n/r/modules/fastpoll/modfastpoll.c:12:5: error: unknown type name 'x'\n",
     "compile error: /r/modules/fastpoll/modfastpoll.c:12:5: error: unknown type name 'x'"),
    ("something\nthe last line\n\n", "the last line"),
])
def test_diagnose(log, message):
    assert portmake.diagnose(log).startswith(message)


def test_bad_manifest(tmp_path):
    """A manifest naming a module that does not exist, in a clone of this commit: the build
    stops with one line and leaves no firmware behind. (Upstream's package() silently freezes
    nothing for a folder that does not exist, so module() is the case that can fail.)"""
    repo = tmp_path / "repo"
    subprocess.run(["git", "clone", "-q", ROOT, str(repo)], check=True)
    with open(str(repo / "manifest.py"), "a") as f:
        f.write('module("no_such_module.py", base_path="frozen")\n')
    build = tmp_path / "build"
    # The session's mpy-cross (the same pinned sources): the failure comes at the manifest,
    # and building another mpy-cross first only costs make test a minute.
    reuse = ["MPY_CROSS=" + SESSION_MPY_CROSS] if os.path.isfile(SESSION_MPY_CROSS) else []
    proc = make("qemu", "BUILD_ROOT={}".format(build), *reuse, cwd=str(repo))
    assert_one_line_error(proc, "building qemu failed: bad manifest", "no_such_module.py")
    assert not (build / "test-qemu" / "firmware.elf").exists()
