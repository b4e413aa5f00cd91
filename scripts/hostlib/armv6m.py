"""Check that object files use only instructions a Cortex-M0/M0+ has (ARMv6-M).

    armv6m.py OBJECT...

The RP2040's Cortex-M0+ lacks ARMv7-M's exclusive loads and stores (LDREX/STREX), CBZ, IT
blocks, hardware division and every other 32-bit Thumb-2 instruction but a few; such an
instruction there is a HardFault at run time, not a build error. The objects are disassembled
(arm-none-eabi-objdump -d) and each mnemonic is checked against ARMv6-M's whole list; the
first one outside it is a one-line error naming the object, function and instruction.
"""

import re
import subprocess
import sys

from .errors import UserError, run_main

# The ARMv6-M instruction set (ARMv6-M Architecture Reference Manual, A5/A6), as objdump names
# it, without condition codes (b<cond>) and the ".n" of a 16-bit encoding.
ARMV6M = set("""
adc adcs add adds adr and ands asr asrs b bic bics bkpt bl blx bx cmn cmp cpsid cpsie dmb dsb
eor eors isb ldm ldmia ldr ldrb ldrh ldrsb ldrsh lsl lsls lsr lsrs mov movs mrs msr mul muls
mvn mvns neg negs nop orr orrs pop push rev rev16 revsh ror rors rsb rsbs sbc sbcs sev stm
stmia str strb strh sub subs svc sxtb sxth tst udf uxtb uxth wfe wfi yield
""".split())
CONDITIONS = ("eq", "ne", "cs", "cc", "hs", "lo", "mi", "pl", "vs", "vc", "hi", "ls", "ge",
              "lt", "gt", "le", "al")
# Data objdump shows among the instructions (literal pools): not executed.
DATA = {".word", ".short", ".byte"}


def mnemonic_ok(m):
    if m in DATA or m in ARMV6M:
        return True
    if m.endswith(".n"):  # a 16-bit encoding named explicitly
        return mnemonic_ok(m[:-2])
    return m[:1] == "b" and m[1:] in CONDITIONS


def check(obj):
    proc = subprocess.run(["arm-none-eabi-objdump", "-d", obj], capture_output=True, text=True)
    if proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        raise UserError("cannot disassemble {}: {}".format(obj, lines[-1] if lines else "?"))
    function = "?"
    count = 0
    for line in proc.stdout.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            function = m.group(1)
            continue
        fields = line.split("\t")
        if len(fields) < 3 or not re.match(r"^\s*[0-9a-f]+:$", fields[0]):
            continue
        mnemonic = fields[2].split()[0] if fields[2].split() else ""
        if not mnemonic_ok(mnemonic):
            raise UserError("{}: {} uses '{}', which a Cortex-M0/M0+ (ARMv6-M) does not have"
                            .format(obj, function, fields[2].strip()))
        count += 1
    if not count:
        raise UserError("{}: no instructions found (not an ARM object?)".format(obj))
    return count


def main():
    if len(sys.argv) < 2:
        raise UserError("usage: armv6m.py OBJECT...")
    for obj in sys.argv[1:]:
        print("{}: {} instructions, all ARMv6-M".format(obj, check(obj)))
    return 0


if __name__ == "__main__":
    run_main(main)
