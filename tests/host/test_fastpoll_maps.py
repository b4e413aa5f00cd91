"""fastpoll.Bits' memory maps: the C module's (one per chip, chosen at compile time) and the
Python fallback's (chosen by sys.implementation._machine) are the same regions, well formed,
and agree with the chips' CMSIS device headers in the pinned tree: every peripheral those
headers place is inside a region, and every region holds something those headers name."""

import ast
import os
import re
import subprocess
import sys
import types

import pytest
from hosttools import ROOT, mpy_dir

C_SOURCE = os.path.join(ROOT, "modules", "fastpoll", "modfastpoll.c")
PY_SOURCE = os.path.join(ROOT, "frozen", "fastpoll", "fastpoll", "fallback.py")

# map name in _fastpoll.py -> (the C defines that select it, a sys.implementation._machine of
# a board with that chip, its CMSIS header or None).
CHIPS = {
    "STM32F405": (["STM32F405xx"], "PYBv1.1 with STM32F405RG", "stm32f4xx/stm32f405xx.h"),
    "STM32F411": (["STM32F411xE"], "PYBLITEv1.0 with STM32F411RE", "stm32f4xx/stm32f411xe.h"),
    "STM32F722": (["STM32F722xx"], "PYBD-SF2W with STM32F722IEK", "stm32f7xx/stm32f722xx.h"),
    "STM32F733": (["STM32F733xx"], "PYBD-SF3W with STM32F733IEK", "stm32f7xx/stm32f733xx.h"),
    "STM32F767": (["STM32F767xx"], "PYBD-SF6W with STM32F767IIK", "stm32f7xx/stm32f767xx.h"),
    "mps2-an38": (["QEMU_SOC_MPS2"], "mps2-an386 with Cortex-M4F", None),
    "mps2-an500": (["QEMU_SOC_MPS2", "QEMU_MPS2_AN500"], "mps2-an500 with Cortex-M7", None),
    "RP2040": (["PICO_RP2040=1"], "Raspberry Pi Pico with RP2040", None),
    "RP2350": (["PICO_RP2350=1"], "Raspberry Pi Pico2 with RP2350", None),
}
# Values in these CMSIS headers that the reference manuals contradict: the F72x/F73x's unique
# ID is at 0x1FF07A10 and its package register at 0x1FF07BF0 (RM0431 section 41), the headers
# copy the F76x's 0x1FF0F420; the F76x's package register is not in RM0410's memory map.
# The F411 has no backup SRAM (RM0383), its header defines BKPSRAM_BASE all the same. Bit-band
# aliases (*_BB_BASE) are left out of the maps on purpose: a Bits reads the word itself.
CMSIS_WRONG = {"UID_BASE", "FLASHSIZE_BASE", "PACKAGE_BASE", "PACKAGESIZE_BASE"}
CMSIS_WRONG_FOR = {"STM32F411": {"BKPSRAM_BASE"}}
# Regions no CMSIS *_BASE names: the Cortex-M's own blocks (ARMv7-M architecture manual), the
# F7s' system memory (and its ITCM view), option bytes (RM0431/RM0410, RM0090 tables).
REFERENCE_MANUAL_ONLY = {(0xE0000000, 0xE0003000), (0xE000E000, 0xE000F000),
                         (0x00100000, 0x0010EDC0), (0x1FF00000, 0x1FF0EDC0),
                         (0x1FFF0000, 0x1FFF0020), (0x1FFFC000, 0x1FFFC010)}


def c_map(defines):
    """The C map as the compiler sees it with these defines: the fastpoll_readable tables
    run through the C preprocessor."""
    with open(C_SOURCE) as f:
        text = f.read()
    start = text.index("#if defined(STM32F405xx) || defined(STM32F411xE)")
    end = text.index("// True when the 32-bit word at addr reads")
    proc = subprocess.run(["cpp", "-P"] + ["-D" + d for d in defines], input=text[start:end],
                          capture_output=True, text=True, check=True)
    return tuple((int(a, 16), int(b, 16))
                 for a, b in re.findall(r"\{(0x[0-9a-f]+), (0x[0-9a-f]+)\}", proc.stdout))


@pytest.fixture(scope="module")
def fallback():
    """frozen/fastpoll/_fastpoll.py imported into CPython, with stand-ins for the MicroPython
    modules it imports (none of which the map code uses)."""
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


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_c_and_python_maps_are_the_same(chip, fallback):
    regions = c_map(CHIPS[chip][0])
    assert regions, "no C map for " + chip
    assert sorted(regions) == sorted(fallback._MAPS[chip]), chip


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_regions_are_well_formed(chip):
    regions = c_map(CHIPS[chip][0])
    for start, end in regions:
        assert start % 4 == 0 and end % 4 == 0 and start < end, hex(start)
    ordered = sorted(regions)
    for (_, end), (start, _) in zip(ordered, ordered[1:]):
        assert end <= start, "regions overlap at 0x{:08x}".format(start)


@pytest.mark.parametrize("chip", sorted(CHIPS))
def test_every_region_through_the_python_lookup(chip, fallback, monkeypatch):
    """Each region's first and last word read, the words just outside it do not (unless
    another region is there): the fallback's _readable() on the machine name of that chip."""
    monkeypatch.setattr(sys.implementation, "_machine", CHIPS[chip][1], raising=False)
    regions = fallback._MAPS[chip]

    def inside(addr):
        return any(s <= addr and addr + 4 <= e for s, e in regions)

    for start, end in regions:
        assert fallback._readable(start) and fallback._readable(end - 4), hex(start)
        assert fallback._readable(end) == inside(end), hex(end)
        if start:
            assert fallback._readable(start - 4) == inside(start - 4), hex(start)
    assert not fallback._readable(0x70000000)  # external memory space, nothing on any board


@pytest.mark.parametrize("chip", [c for c in sorted(CHIPS) if CHIPS[c][2]])
def test_maps_agree_with_the_cmsis_header(chip):
    regions = c_map(CHIPS[chip][0])
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


def test_python_map_names_are_the_chips():
    """Every map of the fallback is one CHIPS knows (so each is tested above)."""
    with open(PY_SOURCE) as f:
        tree = ast.parse(f.read())
    maps = next(n.value for n in tree.body if isinstance(n, ast.Assign)
                and getattr(n.targets[0], "id", "") == "_MAPS")
    assert {k.value for k in maps.keys} == set(CHIPS)


# pico-sdk's addressmap.h names left out of the Picos' maps on purpose (the C comments say why):
# the XIP cache's other windows and its SRAM, FIFOs, OTP, debug and test blocks, non-secure
# aliases; PPB_BASE is the start of the private bus, of which the maps list the blocks present.
PICO_LEFT_OUT = {
    "RP2040": {"XIP_NOALLOC_BASE", "XIP_NOCACHE_BASE", "XIP_NOCACHE_NOALLOC_BASE",
               "XIP_SRAM_BASE", "XIP_AUX_BASE", "PPB_BASE"},
    "RP2350": {"XIP_SRAM_BASE", "XIP_NOCACHE_NOALLOC_BASE", "XIP_MAINTENANCE_BASE",
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
    regions = c_map(CHIPS[chip][0])
    outside = sorted(n for n, a in bases.items() if n not in PICO_LEFT_OUT[chip]
                     and not n.startswith("CORESIGHT_")
                     and not any(s <= a < e for s, e in regions))
    assert not outside, "{}: blocks outside every region: {}".format(chip, outside)
    for start, end in regions:
        if (start, end) in REFERENCE_MANUAL_ONLY:
            continue
        assert start in bases.values(), "{}: region 0x{:08x} starts at no block".format(
            chip, start)
