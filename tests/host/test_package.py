"""Packaging, and the library on stock firmware as its user has it.

The mip lists follow the manifests. Then a stock MicroPython (the unix port built from the
pinned tree, nothing of ours in it) installs them with a real mip over loopback HTTP, the
library into mip's default lib folder (HOME decides where), the tutorial loop into the
program's folder, and runs the library there with its own sys.path, untouched:
['<program folder>', '.frozen', '~/.micropython/lib', ...], as a Pyboard's
['', '.frozen', '/flash', '/flash/lib'] with /flash the current directory.
"""

import functools
import glob
import http.server
import json
import os
import re
import subprocess
import threading

import pytest
from hosttools import BUILD, ROOT, make

LISTS = ("package.json", "fastpoll.json", "primitives.json", "threadsafe.json", "uasyncio.json")
# Installed, but they import pyb, machine.Pin or machine.UART at the top: they need a Pyboard,
# not unix.
NEEDS_PYBOARD = {"aledflash", "astests", "auart"}


def mip_list(name):
    with open(os.path.join(ROOT, name)) as f:
        return json.load(f)


def test_lists_are_made_from_the_manifests():
    proc = make("package.json", "PACKAGE_CHECK=1")
    assert proc.returncode == 0, proc.stderr


def manifest_field(path, field):
    with open(path) as f:
        return re.search(r'{}="([^"]+)"'.format(field), f.read()).group(1)


def test_every_package_carries_the_library_version_and_licence():
    version = manifest_field(os.path.join(ROOT, "manifest.py"), "version")
    manifests = glob.glob(os.path.join(ROOT, "frozen", "*", "manifest.py"))
    assert len(manifests) >= 4
    for path in manifests + [os.path.join(ROOT, "manifest.py")]:
        assert manifest_field(path, "version") == version, path
        assert manifest_field(path, "license") == "MIT", path
    for name in LISTS:
        assert mip_list(name)["version"] == version and mip_list(name)["license"] == "MIT"
    with open(os.path.join(ROOT, "LICENSE")) as f:
        text = f.read()
    assert text.startswith("MIT License") and "Peter Hinch" in text


def test_lists_never_install_a_module_that_shadows_or_is_shadowed():
    for name in LISTS:
        targets = [t for t, _ in mip_list(name)["urls"]]
        # io.py would shadow the builtin io for every program on the device.
        assert "io.py" not in targets, name
        # In the lib folder, stock's frozen uasyncio.py would hide a uasyncio package.
        if name != "uasyncio.json":
            assert not any(t.startswith("uasyncio/") for t in targets), name
        if "fastpoll/__init__.py" in targets:
            assert "fastpoll/fallback.py" in targets and "_asyncio_internals.py" in targets, name
    assert {t for t, _ in mip_list("uasyncio.json")["urls"]} == {
        "uasyncio/__init__.py", "uasyncio/drive.py", "uasyncio/queues.py"}


# The user: stock unix, mip over HTTP, the library used with the device's own sys.path.

@pytest.fixture(scope="module")
def stock_unix():
    proc = make("stock-unix")
    if proc.returncode != 0:
        pytest.fail("make stock-unix failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:],
                    pytrace=False)
    return os.path.join(BUILD, "stock-unix", "micropython")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Device:
    """A stock unix MicroPython whose HOME (so whose lib folder) and program folder are ours."""

    def __init__(self, binary, home, app):
        self.binary, self.home, self.app = binary, str(home), str(app)
        self.lib = os.path.join(self.home, ".micropython", "lib")

    def run(self, args, cwd=None, timeout=120):
        proc = subprocess.run([self.binary] + args, cwd=cwd or self.app, capture_output=True,
                              text=True, timeout=timeout, env=dict(os.environ, HOME=self.home))
        return proc.returncode, proc.stdout + proc.stderr

    def run_program(self, name, source, folder=None):
        """Run source as the program folder/name (the program folder by default)."""
        path = os.path.join(folder or self.app, name)
        with open(path, "w") as f:
            f.write(source)
        return self.run([path], cwd=folder)


@pytest.fixture(scope="module")
def device(stock_unix, tmp_path_factory):
    handler = functools.partial(_QuietHandler, directory=ROOT)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:{}/".format(server.server_address[1])
    base = tmp_path_factory.mktemp("stock")
    (base / "home").mkdir()
    (base / "app").mkdir()
    dev = Device(stock_unix, base / "home", base / "app")
    try:
        # docs/stock-firmware.md's commands: the library into mip's default folder, the
        # tutorial loop into the program's folder.
        for command in ("import mip; mip.install({!r})".format(url + "package.json"),
                        "import mip; mip.install({!r}, target={!r})".format(
                            url + "uasyncio.json", dev.app)):
            status, out = dev.run(["-c", command])
            assert status == 0 and out.rstrip().endswith("Done"), out
    finally:
        server.shutdown()
        server.server_close()
    return dev


def installed_files(folder):
    return sorted(os.path.relpath(os.path.join(d, f), folder)
                  for d, _, files in os.walk(folder) for f in files)


def test_mip_installs_exactly_the_lists(device):
    for folder, name in ((device.lib, "package.json"), (device.app, "uasyncio.json")):
        urls = mip_list(name)["urls"]
        files = [f for f in installed_files(folder) if not f.startswith("test_")]
        assert files == sorted(t for t, _ in urls), name
        for target, source in urls:
            with open(os.path.join(folder, target)) as got:
                with open(os.path.join(ROOT, source)) as want:
                    assert got.read() == want.read(), target


PROBE = """import sys
print(sys.path)
import io
print("io", getattr(io, "__file__", "builtin"))
import uasyncio
print("uasyncio", getattr(uasyncio, "__file__", "?"))
try:
    import uasyncio.queues
    print("queues ok")
except ImportError:
    print("queues missing")
"""


def test_sys_path_is_the_devices_and_names_resolve_as_documented(device):
    status, out = device.run_program("test_probe.py", PROBE)
    assert status == 0, out
    lines = out.splitlines()
    assert lines[0] == repr([device.app, ".frozen", device.lib, "/usr/lib/micropython"]), out
    assert lines[1] == "io builtin"  # nothing shadows the builtin io
    assert lines[2] == "uasyncio " + os.path.join(device.app, "uasyncio", "__init__.py")
    assert lines[3] == "queues ok"
    # From any other folder, stock's frozen alias wins over anything in the lib folder: why
    # the tutorial loop is installed into the program's folder.
    other = os.path.join(device.home, "elsewhere")
    os.makedirs(other, exist_ok=True)
    status, out = device.run_program("test_probe.py", PROBE, folder=other)
    assert status == 0 and out.splitlines()[2:] == ["uasyncio uasyncio.py",  # frozen
                                                    "queues missing"], out


def test_every_module_imports_and_the_demos_run(device):
    tops = {t.split("/")[0] for t, _ in mip_list("package.json")["urls"]}
    modules = sorted({t[:-3] if t.endswith(".py") else t for t in tops} - NEEDS_PYBOARD)
    assert {"fastpoll", "primitives", "asyn", "aswitch", "apoll"} <= set(modules)
    source = "\n".join("import " + m for m in modules) + """
import sys
for name in {modules!r}:
    assert sys.modules[name].__file__.startswith({lib!r}), name
import aqtest, asyntest, chain, roundrobin
import iodemo
aqtest.run()
asyntest.run()
chain.run()
roundrobin.run()  # asserts each task had its turn each round
iodemo.run()
print("demos ok")
""".format(modules=modules, lib=device.lib)
    status, out = device.run_program("test_modules.py", source)
    assert status == 0 and "demos ok" in out, out


def stock_examples():
    """The ```python blocks of docs/stock-firmware.md."""
    with open(os.path.join(ROOT, "docs", "stock-firmware.md")) as f:
        text = f.read()
    return re.findall(r"\n```python\n(.*?)\n```\n", text, re.S)


def test_stock_doc_has_examples():
    assert len(stock_examples()) >= 2


@pytest.mark.parametrize("index", range(len(stock_examples())))
def test_stock_doc_example(device, index):
    status, out = device.run_program("test_example_{}.py".format(index), stock_examples()[index])
    assert status == 0, out
