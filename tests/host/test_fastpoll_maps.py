"""fastpoll.Bits' memory maps: one file per chip in modules/fastpoll/maps/, the one source.
The C module includes the chip's file (its define chooses it), the Python fallback's
fastpoll/_maps.py is generated from the files (byte for byte what scripts/genmaps.py makes) and
its lookup, by sys.implementation._machine, finds every region. The maps agree with the chips'
CMSIS device headers and pico-sdk's address maps in the pinned tree: every peripheral those place
is inside a region, and every region holds something they name."""

import os
import re
import subprocess
import sys
import types

import pytest
from hostlib import genmaps
from hostlib.errors import UserError
from hosttools import ROOT, mpy_dir

MOD_DIR = os.path.join(ROOT, "modules", "fastpoll")
C_SOURCE = os.path.join(MOD_DIR, "modfastpoll.c")
PKG_DIR = os.path.join(ROOT, "frozen", "fastpoll", "fastpoll")
PY_SOURCE = os.path.join(PKG_DIR, "fallback.py")
MAPS = genmaps.read_maps()

# map file -> (the C defines that select it, a sys.implementation._machine of a board with that
# chip, its CMSIS header or None).
CHIPS = {
    "stm32f405": (["STM32F405xx"], "PYBv1.1 with STM32F405RG", "stm32f4xx/stm32f405xx.h"),
    "stm32f411": (["STM32F411xE"], "PYBLITEv1.0 with STM32F411RE", "stm32f4xx/stm32f411xe.h"),
    "stm32f722": (["STM32F722xx"], "PYBD-SF2W with STM32F722IEK", "stm32f7xx/stm32f722xx.h"),
    "stm32f733": (["STM32F733xx"], "PYBD-SF3W with STM32F733IEK", "stm32f7xx/stm32f733xx.h"),
    "stm32f767": (["STM32F767xx"], "PYBD-SF6W with STM32F767IIK", "stm32f7xx/stm32f767xx.h"),
    "mps2_an385": (["QEMU_SOC_MPS2"], "mps2-an386 with Cortex-M4F", None),
    "mps2_an500": (["QEMU_SOC_MPS2", "QEMU_MPS2_AN500"], "mps2-an500 with Cortex-M7", None),
    "rp2040": (["PICO_RP2040=1"], "Raspberry Pi Pico with RP2040", None),
    "rp2350": (["PICO_RP2350=1"], "Raspberry Pi Pico2 with RP2350", None),
    # Its Hazard3 cores (upstream's RPI_PICO2 RISCV variant): no Cortex-M33 private bus.
    "rp2350_riscv": (["PICO_RP2350=1", "__riscv"], "Raspberry Pi Pico2 with RP2350-RISCV", None),
}
# Values in these CMSIS headers that the reference manuals contradict: the F72x/F73x's unique
# ID is at 0x1FF07A10 and its package register at 0x1FF07BF0 (RM0431 section 41), the headers
# copy the F76x's 0x1FF0F420; the F76x's package register is not in RM0410's memory map.
# The F411 has no backup SRAM (RM0383), its header defines BKPSRAM_BASE all the same. Bit-band
# aliases (*_BB_BASE) are left out of the maps on purpose: a Bits reads the word itself.
CMSIS_WRONG = {"UID_BASE", "FLASHSIZE_BASE", "PACKAGE_BASE", "PACKAGESIZE_BASE"}
CMSIS_WRONG_FOR = {"stm32f411": {"BKPSRAM_BASE"}}
# Regions no CMSIS *_BASE names: the Cortex-M's own blocks (ARMv7-M architecture manual), the
# F7s' system memory (and its ITCM view), option bytes (RM0431/RM0410, RM0090 tables).
REFERENCE_MANUAL_ONLY = {(0xE0000000, 0xE0003000), (0xE000E000, 0xE000F000),
                         (0x00100000, 0x0010EDC0), (0x1FF00000, 0x1FF0EDC0),
                         (0x1FFF0000, 0x1FFF0020), (0x1FFFC000, 0x1FFFC010)}


def c_map(defines):
    """The C module's map as the compiler sees it with these defines: its map section run
    through the C preprocessor, the chosen maps/ file included."""
    with open(C_SOURCE) as f:
        text = f.read()
    start = text.index("#ifndef MICROPY_FASTPOLL_MAP")
    end = text.index("// True when the 32-bit word at addr reads")
    proc = subprocess.run(["cpp", "-P", "-I", MOD_DIR] + ["-D" + d for d in defines],
                          input=text[start:end], capture_output=True, text=True, check=True)
    return [(int(a, 16), int(b, 16))
            for a, b in re.findall(r"\{(0x[0-9a-f]+), (0x[0-9a-f]+)\}", proc.stdout)]


@pytest.fixture(scope="module")
def fallback():
    """frozen/fastpoll/fastpoll/fallback.py imported into CPython, with stand-ins for the
    MicroPython modules it imports (none of which the map code uses)."""
    saved = {n: sys.modules.get(n) for n in ("micropython", "time", "_fastpoll_test")}
    sys.modules["micropython"] = types.SimpleNamespace(const=lambda x: x)
    sys.modules["time"] = types.SimpleNamespace(ticks_add=None, ticks_diff=None,
                                                ticks_ms=None)
    try:
        module = types.ModuleType("_fastpoll_test")
        with open(PY_SOURCE) as f:
            exec(compile(f.read(), PY_SOURCE, "exec"), module.__dict__)
    finally:
        for name, old in saved.items():
            if old is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = old
    return module


@pytest.fixture
def on_machine(fallback, monkeypatch):
    """Sets sys.implementation._machine, with the package fastpoll (only its folder: _maps.py
    for the fallback to import) in sys.modules and the fallback's map not read yet."""
    package = types.ModuleType("fastpoll")
    package.__path__ = [PKG_DIR]
    monkeypatch.setitem(sys.modules, "fastpoll", package)
    monkeypatch.delitem(sys.modules, "fastpoll._maps", raising=False)

    def on(machine):
        monkeypatch.setattr(sys.implementation, "_machine", machine, raising=False)
        fallback._map = None
        return fallback
    return on


def pairs(flat):
    return list(zip(flat[::2], flat[1::2]))


def generated_maps():
    """fastpoll/_maps.py's MAPS, as committed."""
    namespace = {}
    path = os.path.join(PKG_DIR, "_maps.py")
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return namespace["MAPS"]


def cmsis_bases(header):
    """name -> address of every *_BASE and memory bound #define in a CMSIS device header."""
    path = os.path.join(mpy_dir(), "lib", "stm32lib", "CMSIS",
                        header.split("/")[0].upper().replace("XX", "xx"), "Include",
                        header.split("/")[1])
    with open(path) as f:
        text = f.read()
    raw = dict(re.findall(r"^#define\s+(\w+)\s+(\(?[\w\s+]+\)?)\s*(?:/\*.*)?$", text, re.M))
    values = {}

    def value(name, depth=0):
        if name in values or depth > 10:
            return values.get(name)
        expr = raw.get(name)
        if expr is None:
            return None
        total = 0
        for term in expr.strip("() ").split("+"):
            term = term.strip()
            number = re.fullmatch(r"(0x[0-9A-Fa-f]+|\d+)U?L?", term)
            if number:
                total += int(number.group(1), 0)
            elif re.fullmatch(r"\w+", term) and value(term, depth + 1) is not None:
                total += values[term]
            else:
                return None
        values[name] = total
        return total

    for name in raw:
        if name.endswith("_BASE") or name in ("FLASH_END", "FLASH_OTP_END"):
            value(name)
    return {n: v for n, v in values.items()
            if (n.endswith("_BASE") or n in ("FLASH_END", "FLASH_OTP_END"))
            and n not in CMSIS_WRONG}


def test_every_map_file_is_a_chip_tested_here():
    """A new chip's file in maps/ needs its line in CHIPS (and in modfastpoll.c)."""
    assert set(MAPS) == set(CHIPS)


def test_the_rp2350s_riscv_cores_have_its_map_without_the_arm_private_bus():
    arm, riscv = MAPS["rp2350"][1], MAPS["rp2350_riscv"][1]
    assert [r for r in arm if r[0] < 0xE0000000] == riscv
    assert [r for r in arm if r[0] >= 0xE0000000] == [(0xE0000000, 0xE0003000),
                                                      (0xE000E000, 0xE000F000)]


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_the_chips_define_includes_its_map(chip):
    """The C module's table with the chip's defines is its file's, every region of it."""
    assert c_map(CHIPS[chip][0]) == MAPS[chip][1]


def test_no_map_without_a_chip():
    assert c_map([]) == []  # unix: no table, no check


def test_a_board_may_name_its_map():
    assert c_map(["STM32F405xx", 'MICROPY_FASTPOLL_MAP="maps/stm32f411.h"']) == \
        MAPS["stm32f411"][1]


def test_generated_module_is_the_files():
    """fastpoll/_maps.py is what scripts/genmaps.py makes now, byte for byte (make maps)."""
    with open(os.path.join(PKG_DIR, "_maps.py")) as f:
        assert f.read() == genmaps.maps_module(MAPS)
    assert [(m, pairs(r)) for m, r in generated_maps()] == list(MAPS.values())
    proc = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "genmaps.py"),
                           "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_a_boards_machine_names_its_chip_alone(chip):
    """The fallback takes the last machine name _machine contains: the chip's own, and any
    other it contains is the same chip's (RP2350 in RP2350-RISCV)."""
    machines = [m for m, _ in MAPS.values() if m in CHIPS[chip][1]]
    assert machines[-1] == MAPS[chip][0]
    assert all(m in MAPS[chip][0] and chip.startswith(c) for c, (m, _) in MAPS.items()
               if m in machines[:-1]), machines


def test_a_machine_name_containing_a_later_one_is_refused(tmp_path):
    """Its map could never be chosen: the later one's would be, being the last match."""
    (tmp_path / "a.h").write_text('FASTPOLL_MACHINE("RP2350-X")\n'
                                  "FASTPOLL_REGION(0x00000000, 0x00001000)\n")
    (tmp_path / "b.h").write_text('FASTPOLL_MACHINE("RP2350")\n'
                                  "FASTPOLL_REGION(0x00000000, 0x00001000)\n")
    with pytest.raises(UserError, match="contains 'RP2350'"):
        genmaps.read_maps(str(tmp_path))


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_regions_are_well_formed(chip):
    regions = MAPS[chip][1]
    for start, end in regions:
        assert start % 4 == 0 and end % 4 == 0 and start < end, hex(start)
    for (_, end), (start, _) in zip(regions, regions[1:]):
        assert end <= start, "regions overlap or are out of order at 0x{:08x}".format(start)


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_every_region_through_the_python_lookup(chip, on_machine):
    """Each region's first and last word read, the words just outside it do not (unless
    another region is there): the fallback's _readable() on the machine name of that chip.
    Only that chip's map stays loaded."""
    fallback = on_machine(CHIPS[chip][1])
    regions = MAPS[chip][1]

    def inside(addr):
        return any(s <= addr and addr + 4 <= e for s, e in regions)

    for start, end in regions:
        assert fallback._readable(start) and fallback._readable(end - 4), hex(start)
        assert fallback._readable(end) == inside(end), hex(end)
        if start:
            assert fallback._readable(start - 4) == inside(start - 4), hex(start)
    assert not fallback._readable(0x70000000)  # external memory space, nothing on any board
    assert pairs(fallback._map) == regions
    assert "fastpoll._maps" not in sys.modules and not hasattr(sys.modules["fastpoll"], "_maps")


def test_no_map_no_check(on_machine):
    fallback = on_machine("linux [GCC 12.2.0] version")
    assert fallback._readable(0x70000000) and fallback._readable(4)
    assert fallback._map == ()


def test_a_bad_map_file_is_refused(tmp_path):
    path = tmp_path / "chip.h"
    for body in ('FASTPOLL_REGION(0x00000000, 0x00001000)\n',  # no machine
                 'FASTPOLL_MACHINE("X")\nFASTPOLL_REGION(0x00001000, 0x00000000)\n',
                 'FASTPOLL_MACHINE("X")\nFASTPOLL_REGION(0x00000000, 0x00002000)\n'
                 'FASTPOLL_REGION(0x00001000, 0x00003000)\n',  # overlap
                 'FASTPOLL_MACHINE("X")\n{0x00000000, 0x00001000},\n',
                 'FASTPOLL_MACHINE("X")\nFASTPOLL_ARM_REGION(0x00000000, 0x00001000)\n',
                 'FASTPOLL_MACHINE("X")\nFASTPOLL_MACHINE_RISCV("Y")\n'
                 'FASTPOLL_REGION(0x00000000, 0x00001000)\n',  # a RISC-V map the same
                 'FASTPOLL_MACHINE_RISCV("Y")\nFASTPOLL_MACHINE("X")\n'
                 'FASTPOLL_ARM_REGION(0x00000000, 0x00001000)\n',
                 'FASTPOLL_MACHINE("X")\nFASTPOLL_MACHINE_RISCV("Y")\n'
                 'FASTPOLL_ARM_REGION(0x00000000, 0x00001000)\n'):  # RISC-V: no region
        path.write_text(body)
        with pytest.raises(UserError):
            genmaps.read_map(str(path))


@pytest.mark.parametrize("chip", [c for c in sorted(CHIPS) if CHIPS[c][2]])
def test_maps_agree_with_the_cmsis_header(chip):
    regions = MAPS[chip][1]
    bases = cmsis_bases(CHIPS[chip][2])
    assert len(bases) > 50, bases
    # Peripheral registers: APB, AHB1/2 and the FMC/QUADSPI register blocks.
    peripherals = {n: a for n, a in bases.items()
                   if (0x40000000 <= a < 0x60000000 or 0xA0000000 <= a < 0xA0002000)
                   and not n.endswith("_BB_BASE") and n not in CMSIS_WRONG_FOR.get(chip, ())}
    outside = sorted(n for n, a in peripherals.items()
                     if not any(s <= a < e for s, e in regions))
    assert not outside, "{}: peripherals outside every region: {}".format(chip, outside)
    # Every region holds at least one address the header names, or the flash's last byte.
    for start, end in regions:
        if (start, end) in REFERENCE_MANUAL_ONLY:
            continue
        named = [n for n, a in bases.items() if start <= a < end]
        assert named, "{}: region 0x{:08x}-0x{:08x} names nothing of the header".format(
            chip, start, end)


# pico-sdk's addressmap.h names left out of the Picos' maps on purpose (the map files say why):
# the XIP cache's other windows and its SRAM, FIFOs, OTP, debug and test blocks, non-secure
# aliases; PPB_BASE is the start of the private bus, of which the maps list the blocks present.
PICO_LEFT_OUT = {
    "rp2040": {"XIP_NOALLOC_BASE", "XIP_NOCACHE_BASE", "XIP_NOCACHE_NOALLOC_BASE",
               "XIP_SRAM_BASE", "XIP_AUX_BASE", "PPB_BASE"},
    "rp2350": {"XIP_SRAM_BASE", "XIP_NOCACHE_NOALLOC_BASE", "XIP_MAINTENANCE_BASE",
               "XIP_NOCACHE_NOALLOC_NOTRANSLATE_BASE", "OTP_BASE", "OTP_DATA_BASE",
               "OTP_DATA_RAW_BASE", "OTP_DATA_GUARDED_BASE", "OTP_DATA_RAW_GUARDED_BASE",
               "DFT_BASE", "XIP_AUX_BASE", "HSTX_FIFO_BASE", "CORESIGHT_TRACE_BASE",
               "SIO_NONSEC_BASE", "PPB_NONSEC_BASE", "EPPB_BASE"},
}


@pytest.mark.parametrize("chip", sorted(PICO_LEFT_OUT))
def test_pico_maps_agree_with_the_sdk_address_map(chip):
    """Every block pico-sdk's hardware/regs/addressmap.h places is inside a region, unless left
    out on purpose, and every region starts at a block it names (the SCS, at the PPB's
    0xe000e000, is the Cortex-M's own)."""
    path = os.path.join(mpy_dir(), "lib", "pico-sdk", "src", chip.lower(), "hardware_regs",
                        "include", "hardware", "regs", "addressmap.h")
    with open(path) as f:
        bases = {n: int(a, 16) for n, a in re.findall(
            r"^#define (\w+_BASE) _u\((0x[0-9a-fA-F]+)\)", f.read(), re.M)}
    assert len(bases) > 40 and PICO_LEFT_OUT[chip] <= set(bases)
    regions = MAPS[chip][1]
    outside = sorted(n for n, a in bases.items() if n not in PICO_LEFT_OUT[chip]
                     and not n.startswith("CORESIGHT_")
                     and not any(s <= a < e for s, e in regions))
    assert not outside, "{}: blocks outside every region: {}".format(chip, outside)
    for start, end in regions:
        if (start, end) in REFERENCE_MANUAL_ONLY:
            continue
        assert start in bases.values(), "{}: region 0x{:08x} starts at no block".format(
            chip, start)
