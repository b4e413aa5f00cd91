"""The board flash table against the facts it was copied from: upstream's linker scripts and
board makefiles in the pinned tree, and our boards/ folder."""

import os
import re

import pytest
from hostlib import flashmap
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


STM32 = sorted(n for n, b in flashmap.BOARDS.items() if b.port == "stm32")
RP2 = sorted(n for n, b in flashmap.BOARDS.items() if b.port == "rp2")


@pytest.mark.parametrize("name", STM32)
def test_table_matches_upstream_linker_script(name):
    board = flashmap.board(name)
    with open(os.path.join(mpy_dir(), "ports", "stm32", "boards", name,
                           "mpconfigboard.mk")) as f:
        assert "boards/" + board.ld in f.read()
    upstream = linker_regions(board.ld)
    assert upstream["FLASH"] == (board.flash.origin, board.flash.length)
    for region in board.regions:
        assert upstream[region.name] == (region.origin, region.length), region.name


def upstream_define(path, name):
    """The expression of a #define in an upstream header."""
    with open(path) as f:
        return re.search(r"^#define\s+{}\s+(.+)$".format(name), f.read(), re.M).group(1)


@pytest.mark.parametrize("name", RP2)
def test_pico_table_matches_upstream(name):
    """The flash is the SDK board header's PICO_FLASH_SIZE_BYTES, linked from 0x10000000 (the
    port's memmap), and the filesystem its last MICROPY_HW_FLASH_STORAGE_BYTES (upstream's
    mpconfigboard.h), so the firmware region is what lies before it."""
    board = flashmap.board(name)
    with open(os.path.join(mpy_dir(), "ports", "rp2", board.ld)) as f:
        assert re.search(r"FLASH\(rx\) : ORIGIN = 0x10000000, LENGTH = __micropy_flash_size__",
                         f.read())
    assert board.flash.origin == 0x10000000
    sdk_board = {"RPI_PICO": "pico.h", "RPI_PICO2": "pico2.h"}[name]
    flash_size = eval(upstream_define(os.path.join(
        mpy_dir(), "lib", "pico-sdk", "src", "boards", "include", "boards", sdk_board),
        "PICO_FLASH_SIZE_BYTES"))
    assert flash_size == board.flash.length
    storage = upstream_define(os.path.join(mpy_dir(), "ports", "rp2", "boards", name,
                                           "mpconfigboard.h"), "MICROPY_HW_FLASH_STORAGE_BYTES")
    storage = eval(storage.replace("PICO_FLASH_SIZE_BYTES", str(flash_size)))
    text, fs = board.regions
    assert (fs.name, fs.origin, fs.length) == ("FLASH_FS", 0x10000000 + flash_size - storage,
                                               storage)
    assert (text.name, text.origin, text.length) == ("FLASH_TEXT", 0x10000000,
                                                     flash_size - storage)
    assert {"RP2040": "rp2040", "RP2350": "rp2350"}[board.mcu] in board.ld


def test_every_board_we_build_has_an_entry():
    ours = {d for d in os.listdir(os.path.join(ROOT, "boards"))
            if os.path.isfile(os.path.join(ROOT, "boards", d, "mpconfigboard.mk"))
            or os.path.isfile(os.path.join(ROOT, "boards", d, "mpconfigboard.cmake"))}
    assert {"PYBV11", "RPI_PICO", "RPI_PICO2"} <= ours <= set(flashmap.BOARDS)


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
