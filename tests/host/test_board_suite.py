"""The board suite (tests/board): each script on the unix build's fakes, and the whole suite
through scripts/boardtest.py on the qemu build, the code path of make test-board on a Pyboard;
and that runner's one-line errors: no board, firmware not the local build."""

import glob
import os
import shutil

import pytest
from hostlib import mpyrun
from hosttools import BUILD, ROOT, assert_one_line_error, mpy_dir, script

BOARD_SCRIPTS = sorted(glob.glob(os.path.join(ROOT, "tests", "board", "*.py")))


def env():
    return dict(os.environ, MPY_DIR=mpy_dir())


def test_suite_found():
    names = [os.path.basename(p) for p in BOARD_SCRIPTS]
    assert "wiring.py" in names and len(names) >= 8, names


@pytest.mark.parametrize("path", BOARD_SCRIPTS, ids=[os.path.basename(p) for p in BOARD_SCRIPTS])
def test_script_on_unix(targets, path):
    result = mpyrun.run_unix(targets["unix"], path)
    assert result.ok, "{} failed on unix:\n{}{}".format(os.path.basename(path),
                                                        result.output[-2000:], result.error)


def test_suite_on_qemu_as_on_a_board(targets):
    proc = script("boardtest", "--port", "qemu", "--build", BUILD, env=env())
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert lines[0].startswith("qemu: pyb-asyncio "), lines[0]
    assert lines[-1] == "{} passed, 0 failed".format(len(BOARD_SCRIPTS)), proc.stdout
    assert lines[1] == "ok   wiring.py"  # the wire is checked first
    assert any("IRQ-to-task us" in line for line in lines), proc.stdout


def test_no_wiring_is_one_line(targets, tmp_path):
    # The suite's own wiring check, on a board whose X1-X2 jumper is off.
    with open(os.path.join(ROOT, "tests", "board", "wiring.py")) as f:
        check = f.read()
    (tmp_path / "wiring.py").write_text("import fakeboard\nfakeboard.jumper(False)\n" + check)
    later = os.path.join(ROOT, "tests", "board", "leds.py")
    proc = script("boardtest", "--port", "qemu", "--build", BUILD, str(tmp_path / "wiring.py"),
                  later, env=env())
    assert_one_line_error(proc, "no wiring: jumper X1 to X2", "no wire from X2 to X1")
    assert "leds.py" not in proc.stdout  # nothing runs after a failed wiring check


def test_no_board_is_one_line(targets, tmp_path):
    proc = script("boardtest", "--port", str(tmp_path / "ttyACM9"), "--board", "PYBV11",
                  "--build", BUILD, env=env())
    assert_one_line_error(proc, "no board at", "ttyACM9")


def test_other_firmware_is_one_line(targets, tmp_path):
    # A local build whose fwinfo names another commit than the qemu firmware has.
    build = tmp_path / "test-qemu"
    (build / "gen").mkdir(parents=True)
    shutil.copy(os.path.join(BUILD, "test-qemu", "firmware.elf"), str(build))
    with open(os.path.join(BUILD, "test-qemu", "gen", "fwinfo.py")) as f:
        text = f.read()
    (build / "gen" / "fwinfo.py").write_text(text.replace("commit = '", "commit = '0ther"))
    proc = script("boardtest", "--port", "qemu", "--build", str(tmp_path), env=env())
    assert_one_line_error(proc, "the board runs pyb-asyncio", "0ther", "make qemu")
