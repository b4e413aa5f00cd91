"""The PYBV11 firmware itself, on an emulated STM32F405 (QEMU netduinoplus2): the third target.

build/test-pyb-emu/firmware.elf is our boards/PYBV11 with only the emulator delta
(tests/targets/pyb-emu, docs/pyb-emu.md): the port's own IRQ dispatch, soft timers, PendSV,
UART driver, disable_irq, and our C module built with the port's flags. No fakes are frozen in
it: the scripts get the test helpers (testkit, irqkit) on a RAM disk at /flash (scripts/pybemu.py).

- tests/mpy: every script runs here too, except those in SKIP (each with its reason; they are
  not run, never counted passed). tests/mpy_mps2 (the qemu machine's own) does not run here.
- tests/mpy_qemu: the real-interrupt scripts, with machine.Timer(-1, hard=True) as the source.
- tests/mpy_pyb_emu: what only this target can show (the F405's registers, USART2 to the host).
All run with -icount (SysTick then counts instructions, so no tick is lost to a busy host).
"""

import glob
import os
import threading

import pytest
from hostlib import pybemu
from hosttools import ROOT, TESTS

ICOUNT_SHIFT = 3  # 8 ns per instruction: 125 M instructions/s, about a PYBV11 at 168 MHz


def helpers():
    files = {}
    for path in (os.path.join(TESTS, "fakes", "testkit.py"),
                 os.path.join(TESTS, "targets", "pyb-emu", "irqkit.py")):
        with open(path) as f:
            files[os.path.basename(path)] = f.read()
    return files


HELPERS = helpers()

# tests/mpy scripts that cannot run on the emulated board, and why. GPIO is unimplemented in
# QEMU 7.2 (an input reads 0 whatever drives it; no EXTI edge from a pin); the fakes that let a
# script set a level (fakeboard, keymatrix) are in the test builds only.
NO_GPIO = "needs input levels set from outside (fakeboard.level): QEMU's GPIO reads 0"
SKIP = {
    "aledflash_run.py": "LEDs: GPIO outputs are not modelled, nothing to see (fakeboard)",
    "apoll_accel.py": "the accelerometer is on I2C, which QEMU does not model",
    "astests_demos.py": NO_GPIO,
    "astests_demos2.py": NO_GPIO,
    "switch_pushbutton_deinit.py": NO_GPIO,
    "pushbutton.py": NO_GPIO,
    "pushbutton_soak.py": NO_GPIO,
    "pushbutton_suppress.py": NO_GPIO,
    "switch.py": NO_GPIO,
    "pushbutton_sense.py": NO_GPIO + " (the USR switch)",
    "auart_loopback.py": "needs the X1-X2 jumper (UART 4 loopback): GPIO is not modelled; "
                         "tests/mpy_pyb_emu/uart2_host.py runs auart over USART2 instead",
    "edges_late.py": NO_GPIO + " and EXTI edges",
    "encoder_quadrature.py": NO_GPIO + " and EXTI edges; mpy_pyb_emu/irq_encoder.py drives "
                             "the Encoder from a real timer interrupt instead",
    "fastpoll_counter.py": NO_GPIO + " and EXTI edges (pin.value on an input)",
    "fastpoll_flag.py": NO_GPIO + " and EXTI edges",
    "queue_ringbuf_array.py": NO_GPIO + " and EXTI edges",
    "v3_compat.py": NO_GPIO + " and EXTI edges",
    "v3_events.py": NO_GPIO + " (ESwitch, EButton)",
    "fakes_strict.py": "tests the fakes themselves (fakeboard), which this image has not",
    "fakes_wiring.py": "tests the fakes themselves (fakeboard), which this image has not",
    "v3_matrix_adc.py": NO_GPIO + " (keymatrix)",
    "auart_talk_error.py": "needs the X1-X2 jumper (UART 4 loopback): GPIO is not modelled",
}

SCRIPTS = sorted(glob.glob(os.path.join(TESTS, "mpy", "*.py")))


def _uses_fakes(path):
    with open(path) as f:
        text = f.read()
    return any(m in text for m in ("import fakeboard", "keymatrix", "soakkit"))


# Any other script that sets the outside world through the fakes (soakkit drives the Encoder's
# pins through fakeboard) needs GPIO levels too.
for _s in SCRIPTS:
    if os.path.basename(_s) not in SKIP and _uses_fakes(_s):
        SKIP[os.path.basename(_s)] = NO_GPIO + " (it sets levels through fakeboard)"
RUN = [s for s in SCRIPTS if os.path.basename(s) not in SKIP]
# irqsim_timer.py tests the qemu build's irqsim module; irq_encoder.py drives fake pins from
# it, which this image has not: mpy_pyb_emu/irq_encoder.py is its variant here.
IRQ_SKIP = {
    "irqsim_timer.py": "tests irqsim, the qemu build's timer module, which this image has not",
    "irq_encoder.py": "drives fakeboard pins; mpy_pyb_emu/irq_encoder.py is the variant here",
}
for _s in glob.glob(os.path.join(TESTS, "mpy_qemu", "*.py")):
    if os.path.basename(_s) not in IRQ_SKIP and _uses_fakes(_s):
        IRQ_SKIP[os.path.basename(_s)] = NO_GPIO + " (it sets levels through fakeboard)"
IRQ_SCRIPTS = [s for s in sorted(glob.glob(os.path.join(TESTS, "mpy_qemu", "*.py")))
               if os.path.basename(s) not in IRQ_SKIP]
OWN = sorted(glob.glob(os.path.join(TESTS, "mpy_pyb_emu", "*.py")))


def check(elf, script, files=None, **kwargs):
    with open(script) as f:
        source = f.read()
    kwargs.setdefault("icount", ICOUNT_SHIFT)
    result = pybemu.run(elf, source, HELPERS if files is None else files, **kwargs)
    assert result.ok, "{} failed on pyb-emu:\n{}{}".format(
        os.path.basename(script), result.output[-2000:], result.error)
    exp = script + ".exp"
    if os.path.exists(exp):
        with open(exp) as f:
            assert result.output == f.read()
    return result


# A bug this target found, where unix and qemu pass: open, so reported (xfail or xpass, never
# passed) rather than failing make test on some runs. docs/pyb-emu.md has what is known. (The
# hangs once listed here were the runner's: see pybemu.Emulator.paste.)
FLAKY = {}


def params(scripts):
    return [pytest.param(s, id=os.path.basename(s), marks=pytest.mark.xfail(
        strict=False, reason=FLAKY[os.path.basename(s)]))
        if os.path.basename(s) in FLAKY else pytest.param(s, id=os.path.basename(s))
        for s in scripts]


# tests/mpy_chip: every emulated chip's, this F405's too.
CHIP_SCRIPTS = sorted(glob.glob(os.path.join(TESTS, "mpy_chip", "*.py")))


@pytest.mark.parametrize("script", CHIP_SCRIPTS, ids=[os.path.basename(s) for s in CHIP_SCRIPTS])
def test_chip_script(pyb_emu, script):
    check(pyb_emu, script)


@pytest.mark.parametrize("script", params(RUN))
def test_script(pyb_emu, script):
    check(pyb_emu, script, **({"timeout": 30} if os.path.basename(script) in FLAKY else {}))


@pytest.mark.parametrize("script", IRQ_SCRIPTS, ids=[os.path.basename(s) for s in IRQ_SCRIPTS])
def test_irq_script(pyb_emu, script):
    check(pyb_emu, script)


# uart2_host.py needs the host at USART2's other end: test_uart2_host runs it.
OWN_PLAIN = [s for s in OWN if os.path.basename(s) != "uart2_host.py"]


@pytest.mark.parametrize("script", OWN_PLAIN, ids=[os.path.basename(s) for s in OWN_PLAIN])
def test_own_script(pyb_emu, script):
    check(pyb_emu, script)


def test_skips_name_real_scripts():
    names = {os.path.basename(s) for s in SCRIPTS}
    assert set(SKIP) <= names and set(FLAKY) <= names, set(SKIP) - names
    irq_names = {os.path.basename(s) for s in glob.glob(os.path.join(TESTS, "mpy_qemu", "*.py"))}
    assert set(IRQ_SKIP) <= irq_names, set(IRQ_SKIP) - irq_names
    assert all(SKIP.values()) and all(IRQ_SKIP.values())


class Echo(threading.Thread):
    """The host end of USART2: echoes each line, answers "ask" with a line of its own."""

    def __init__(self, sock):
        super().__init__(daemon=True)
        self.sock = sock
        self.lines = []

    def run(self):
        buf = b""
        try:
            while True:
                data = self.sock.recv(256)
                if not data:
                    return
                buf += data
                while b"\n" in buf:
                    line, _, buf = buf.partition(b"\n")
                    self.lines.append(line)
                    self.sock.sendall(b"host says hi\n" if line == b"ask" else line + b"\n")
        except OSError:
            return


def test_uart2_host(pyb_emu, tmp_path):
    """auart and a stream readline over USART2, the host end being this test (qemu -serial)."""
    sock_path = str(tmp_path / "usart2")
    # Host time, not -icount: with sleep=off an idle guest's clock races ahead of the host's
    # echo, so its timeouts (hang guards here, no limits) would depend on the host's speed.
    emu = pybemu.Emulator(pyb_emu, serial2=sock_path)
    try:
        echo = Echo(pybemu.connect(sock_path, emu.deadline))
        echo.start()
        emu.setup(HELPERS)
        with open(os.path.join(TESTS, "mpy_pyb_emu", "uart2_host.py")) as f:
            out, err = emu.exec(f.read())
    finally:
        emu.close()
    assert not err, out + err
    assert "uart2 ok: 20 lines" in out
    want = [b"%d,%s" % (i, b"x" * (i % 8)) for i in range(20)] + [b"ask"]
    assert echo.lines == want, echo.lines


def test_broken_atomic_section_fails(pyb_emu):
    """The hammer catches a RingbufQueue whose critical sections do not mask interrupts: a copy
    of ringbuf_queue.py with disable_irq()/enable_irq() made no-ops must fail it."""
    with open(os.path.join(ROOT, "frozen", "primitives", "primitives", "ringbuf_queue.py")) as f:
        source = f.read()
    real = "    from machine import disable_irq, enable_irq\n"
    assert real in source
    broken = source.replace(real, "    disable_irq, enable_irq = (lambda: 0), (lambda s: None)\n")
    files = dict(HELPERS, **{"ringbuf_under_test.py": broken})
    with open(os.path.join(TESTS, "mpy_pyb_emu", "ringbuf_hammer.py")) as f:
        result = pybemu.run(pyb_emu, f.read(), files, icount=ICOUNT_SHIFT)
    assert not result.ok and "AssertionError" in result.error, result.output + result.error
