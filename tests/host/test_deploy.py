"""deploy.py: the real dfu-util with no board attached, and stand-in dfu-util/mpremote programs
that record how they were called, to prove what runs and what never does."""

import os
import pty
import shutil
import stat
import subprocess
import sys

import pytest
from hosttools import ROOT, assert_one_line_error, path_without

FOUND = ('Found DFU: [0483:df11] ver=2200, devnum=7, cfg=1, intf=0, path="1-1", alt=0, '
         'name="@Internal Flash  /0x08000000/04*016Kg,01*064Kg,07*128Kg", serial="3276"')


def deploy(*args, env=None):
    # stdin is not a terminal, as on CI: deploy must never wait for an answer.
    return subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "deploy.py"),
                           "--board", "PYBV11"] + list(args), capture_output=True, text=True,
                          env=env, stdin=subprocess.DEVNULL, timeout=60)


@pytest.fixture
def dfu(pybv11, tmp_path):
    path = tmp_path / "firmware.dfu"
    shutil.copy(os.path.join(pybv11, "firmware.dfu"), str(path))
    return path


class Fakes:
    """A PATH folder of stand-in programs, each logging its arguments to <name>.log."""

    def __init__(self, tmp_path):
        self.dir = tmp_path / "fakes"
        self.dir.mkdir()
        self.env = dict(os.environ, PATH=str(self.dir) + os.pathsep + os.environ["PATH"])

    def add(self, name, body):
        path = self.dir / name
        path.write_text('#!/bin/sh\necho "$@" >> "{}"\n{}\n'.format(self.log_path(name), body))
        path.chmod(path.stat().st_mode | stat.S_IEXEC)

    def log_path(self, name):
        return self.dir / (name + ".log")

    def calls(self, name):
        path = self.log_path(name)
        return path.read_text().splitlines() if path.exists() else []


def fake_dfu_util(fakes, listed="true", download="exit 0"):
    """dfu-util that lists the bootloader when the shell test `listed` holds, and runs
    `download` for anything else."""
    fakes.add("dfu-util", 'if [ "$1" = --list ]; then\n  {} && echo \'{}\'\n  exit 0\nfi\n{}'
              .format(listed, FOUND, download))


def test_no_device_with_the_real_dfu_util(dfu):
    proc = deploy(str(dfu))
    assert_one_line_error(proc, "no DFU device 0483:df11 found")
    assert "CRC 0x" in proc.stdout  # the file was verified first


def test_make_deploy_without_a_device(pybv11):
    env = dict(os.environ, BUILD_ROOT=os.path.dirname(pybv11))
    proc = subprocess.run(["make", "-s", "deploy", "BOARD=PYBV11"], cwd=ROOT, env=env,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert_one_line_error(proc, "no DFU device 0483:df11 found")


def test_flashes_with_dfu_util(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes)
    proc = deploy(str(dfu), env=fakes.env)
    assert proc.returncode == 0, proc.stderr
    assert fakes.calls("dfu-util") == ["--list",
                                       "-a 0 -d 0483:df11 -D {} -s :leave".format(dfu)]


def test_an_error_after_a_complete_download_is_not_a_failure(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, download="echo 'File downloaded successfully'\n"
                                  "echo 'dfu-util: Error during download get_status'\nexit 74")
    proc = deploy(str(dfu), env=fakes.env)
    assert proc.returncode == 0, proc.stderr
    assert "press RST" in proc.stdout


def test_a_failed_download_fails(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, download="echo 'dfu-util: Error during download'\nexit 74")
    proc = deploy(str(dfu), env=fakes.env)
    assert_one_line_error(proc, "dfu-util failed (exit 74)", "Error during download")


@pytest.mark.parametrize("damage, word", [
    (lambda data: data[:len(data) // 2], "truncated"),
    (lambda data: data[:100] + bytes([data[100] ^ 1]) + data[101:], "CRC mismatch"),
    (lambda data: b"", "truncated"),
])
def test_corrupt_file_never_reaches_dfu_util(dfu, tmp_path, damage, word):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes)
    dfu.write_bytes(damage(dfu.read_bytes()))
    proc = deploy(str(dfu), env=fakes.env)
    assert_one_line_error(proc, str(dfu), word)
    assert fakes.calls("dfu-util") == []


def test_resets_a_micropython_board_into_dfu(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    marker = tmp_path / "in-dfu-mode"
    fake_dfu_util(fakes, listed="test -e {}".format(marker))
    fakes.add("mpremote", "touch {}".format(marker))
    proc = deploy("--port", "/dev/ttyFAKE", "--yes", str(dfu), env=fakes.env)
    assert proc.returncode == 0, proc.stderr
    assert fakes.calls("mpremote") == [
        "connect /dev/ttyFAKE exec import machine; machine.bootloader()"]
    assert fakes.calls("dfu-util")[-1].startswith("-a 0 -d 0483:df11 -D ")


def test_asks_before_resetting(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, listed="false")
    fakes.add("mpremote", "")
    proc = deploy("--port", "/dev/ttyFAKE", str(dfu), env=fakes.env)
    assert_one_line_error(proc, "/dev/ttyFAKE", "--yes")
    assert fakes.calls("mpremote") == []


@pytest.mark.parametrize("answer, resets", [(b"\n", True), (b"y\n", True), (b"n\n", False)])
def test_asks_on_a_terminal(dfu, tmp_path, answer, resets):
    fakes = Fakes(tmp_path)
    marker = tmp_path / "in-dfu-mode"
    fake_dfu_util(fakes, listed="test -e {}".format(marker))
    fakes.add("mpremote", "touch {}".format(marker))
    master, slave = pty.openpty()
    os.write(master, answer)
    try:
        proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "deploy.py"),
                               "--board", "PYBV11", "--port", "/dev/ttyFAKE", str(dfu)],
                              stdin=slave, capture_output=True, text=True, env=fakes.env,
                              timeout=60)
    finally:
        os.close(slave)
        os.close(master)
    assert "reset it into DFU mode to flash it? [Y/n]" in proc.stdout
    assert bool(fakes.calls("mpremote")) == resets
    if resets:
        assert proc.returncode == 0, proc.stderr
    else:
        assert_one_line_error(proc, "--yes")


def test_board_that_never_enters_dfu(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, listed="false")
    fakes.add("mpremote", "exit 1")
    proc = deploy("--port", "/dev/ttyFAKE", "--yes", "--wait", "1", str(dfu), env=fakes.env)
    assert_one_line_error(proc, "did not show up as DFU device 0483:df11")
    assert len(fakes.calls("mpremote")) == 1
    assert not any(c.startswith("-a 0") for c in fakes.calls("dfu-util"))


def test_dfu_util_failure_is_one_line(dfu, tmp_path):
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, download="echo 'No DFU capable USB device available'; exit 74")
    proc = deploy(str(dfu), env=fakes.env)
    assert_one_line_error(proc, "dfu-util failed (exit 74): No DFU capable USB device available")


def test_missing_dfu_util(dfu, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = path_without(tmp_path, "dfu-")
    proc = deploy(str(dfu), env=env)
    assert_one_line_error(proc, "needs dfu-util", "apt-get install -y dfu-util")


def test_d_series_says_how_to_enter_mboot(tmp_path):
    """No DFU device and no board on serial: the SF2's way into DFU mode is mboot's (USR held
    through a reset until the LED is white), after its two-region .dfu was verified."""
    from test_dfuse import SF2_GOOD, pack

    path = tmp_path / "firmware.dfu"
    path.write_bytes(pack(SF2_GOOD))
    fakes = Fakes(tmp_path)
    fake_dfu_util(fakes, listed="false")
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "deploy.py"), "--board",
                           "PYBD_SF2", str(path)], capture_output=True, text=True,
                          env=fakes.env, stdin=subprocess.DEVNULL, timeout=60)
    assert_one_line_error(proc, "no DFU device 0483:df11 found", "hold USR", "white")
    assert "0x08008000+4000, 0x90000000+6000" in proc.stdout
    assert not any(c.startswith("-a 0") for c in fakes.calls("dfu-util"))
