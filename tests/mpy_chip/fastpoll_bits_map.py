# Every region of this machine's memory map (modules/fastpoll/maps/, as fastpoll._maps holds it),
# read through fastpoll.Bits: its first and last word (at 0: the second, a Bits' address is > 0)
# read without a fault, and the words just outside it are refused where the Bits is made, unless
# another region is there. The C module's check and the Python fallback's (run here on the same
# machine) agree on every one. Runs on the emulated chips only (unix has none): the qemu builds'
# mps2-an386 and mps2-an500, pyb-emu's STM32F405. A fault prints no "ok" for the region read.
import sys

import fastpoll
from fastpoll import _maps

__import__("fastpoll.fallback")  # the C module's twin, or (test_fastpoll_fallback) its stand-in
fallback = sys.modules["fastpoll.fallback"]

# Words the emulator does not model, which fault there but not on the chip: checked against
# the map all the same, not read. QEMU 7.2's netduinoplus2 (the pyb-emu tests' STM32F405):
QEMU_GAPS = {
    "netduinoplus2": (
        0x10000000, 0x1000FFFC,  # CCM data RAM: not modelled
        0x1FFF0000, 0x1FFF7A0C,  # system memory and OTP: not modelled
        0x1FFFC000, 0x1FFFC00C,  # option bytes: not modelled
        0x40024FFC,  # backup SRAM: 1 KiB of its 4 KiB modelled
        0x4007FFFC,  # USB OTG HS: 192 KiB of its 256 KiB window modelled
        0x5003FFFC,  # USB OTG FS: 196 KiB of its 256 KiB window modelled
        0xA0000000, 0xA0000FFC,  # FSMC control registers: not modelled
    ),
}
gaps = ()
for machine in QEMU_GAPS:
    if machine in sys.implementation._machine:
        gaps = QEMU_GAPS[machine]

regions = [r for machine, r in _maps.MAPS if machine in sys.implementation._machine]
assert regions, sys.implementation._machine
regions = regions[-1]  # the last match, as the fallback takes ("RP2350-RISCV" after "RP2350")
del _maps, sys.modules["fastpoll._maps"]  # the fallback reads it anew


def inside(addr):
    for i in range(0, len(regions), 2):
        if regions[i] <= addr <= regions[i + 1] - 4:
            return True
    return False


def made(addr):
    try:
        fastpoll.Bits(addr, 1)
    except ValueError:
        return False
    return True


for i in range(0, len(regions), 2):
    start, end = regions[i], regions[i + 1]
    for addr in (start or 4, end - 4):  # a Bits' address is > 0
        assert made(addr) and fallback._readable(addr), hex(addr)
        if addr not in gaps:
            fastpoll.Bits(addr, 0xFFFFFFFF, 0).ready()  # reads the word
    for addr in (start - 4, end):
        if addr > 0:
            assert made(addr) == fallback._readable(addr) == inside(addr), hex(addr)
    print("0x{:08x}-0x{:08x} ok".format(start, end))
assert fallback._map == regions  # only this machine's map kept, fastpoll._maps let go
assert "fastpoll._maps" not in sys.modules and not hasattr(fastpoll, "_maps")
print("regions", len(regions) // 2, "words not read (emulator gaps)", len(gaps))
