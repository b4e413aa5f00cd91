"""The board flash table against the facts it was copied from: upstream's linker scripts and
board makefiles in the pinned tree, and our boards/ folder."""

import os
import re

import flashmap
import pytest
from hosttools import ROOT, mpy_dir

UNITS = {"": 1, "K": 1024, "M": 1024 * 1024}


def linker_regions(ld):
    """name -> (origin, length) from the MEMORY block of an upstream linker script."""
    with open(os.path.join(mpy_dir(), "ports", "stm32", "boards", ld)) as f:
        memory = re.search(r"MEMORY\s*\{(.*?)\}", f.read(), re.S).group(1)
    return {name: (int(origin, 16), int(length) * UNITS[unit])
            for name, origin, length, unit in re.findall(
                r"(\w+)\s*\([rwx]+\)\s*:\s*ORIGIN\s*=\s*(0x[0-9a-fA-F]+),\s*"
                r"LENGTH\s*=\s*(\d+)([KM]?)", memory)}


@pytest.mark.parametrize("name", sorted(flashmap.BOARDS))
def test_table_matches_upstream_linker_script(name):
    board = flashmap.board(name)
    with open(os.path.join(mpy_dir(), "ports", "stm32", "boards", name,
                           "mpconfigboard.mk")) as f:
        assert "boards/" + board.ld in f.read()
    upstream = linker_regions(board.ld)
    assert upstream["FLASH"] == (board.flash.origin, board.flash.length)
    for region in board.regions:
        assert upstream[region.name] == (region.origin, region.length), region.name


def test_every_board_we_build_has_an_entry():
    ours = {d for d in os.listdir(os.path.join(ROOT, "boards"))
            if os.path.isfile(os.path.join(ROOT, "boards", d, "mpconfigboard.mk"))}
    assert ours and ours <= set(flashmap.BOARDS)


def test_unknown_board_is_one_line():
    with pytest.raises(flashmap.UserError, match="no flash layout for board 'NOPE'.*PYBV11"):
        flashmap.board("NOPE")


def test_our_sf2_linker_script_is_upstreams_plus_frozen_in_qspi():
    """boards/PYBD_SF2/f722_qspi_frozen.ld (SF2 and SF3) keeps upstream's MEMORY and everything
    upstream's .text_ext holds, and adds the frozen content to it."""
    ours_path = os.path.join(ROOT, "boards", "PYBD_SF2", "f722_qspi_frozen.ld")
    ups_path = os.path.join(mpy_dir(), "ports", "stm32", "boards", "PYBD_SF2", "f722_qspi.ld")
    texts = []
    for path in (ours_path, ups_path):
        with open(path) as f:
            texts.append(f.read())
    ours, upstream = texts

    def memory(text):
        return re.sub(r"/\*.*?\*/|\s+", "", re.search(r"MEMORY\s*\{(.*?)\}", text, re.S).group(1))

    def text_ext(text):
        block = re.search(r"\.text_ext\s*:\s*\{(.*?)\}", text, re.S).group(1)
        return [line.strip() for line in block.splitlines() if line.strip().startswith("*")]

    assert memory(ours) == memory(upstream)
    assert text_ext(ours) == text_ext(upstream) + ["*frozen_content.o(.text* .rodata*)"]
    assert "INCLUDE common_bl.ld" in ours
    for board in ("PYBD_SF2", "PYBD_SF3"):
        with open(os.path.join(ROOT, "boards", board, "mpconfigboard.mk")) as f:
            assert "LD_FILES = $(BOARD_DIR)/../PYBD_SF2/f722_qspi_frozen.ld" in f.read()
