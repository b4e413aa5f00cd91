"""Packaging: package.json follows manifest.py, every package has the library's version, and
mip really installs the library into a unix-port filesystem from which it imports."""

import functools
import glob
import http.server
import os
import re
import subprocess
import threading

import mpyrun

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_package_json_is_made_from_the_manifest():
    proc = subprocess.run(["make", "-s", "package.json", "PACKAGE_CHECK=1"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def manifest_version(path):
    with open(path) as f:
        return re.search(r'version="([^"]+)"', f.read()).group(1)


def test_every_package_carries_the_library_version():
    version = manifest_version(os.path.join(ROOT, "manifest.py"))
    manifests = glob.glob(os.path.join(ROOT, "frozen", "*", "manifest.py"))
    assert len(manifests) >= 4
    for path in manifests:
        assert manifest_version(path) == version, path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_mip_installs_and_imports(targets, tmp_path):
    handler = functools.partial(_QuietHandler, directory=ROOT)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    lib = tmp_path / "lib"
    try:
        install = tmp_path / "install.py"
        install.write_text("import mip\nmip.install('http://127.0.0.1:{}/package.json', "
                           "target={!r})\n".format(server.server_address[1], str(lib)))
        result = mpyrun.run_unix(targets["unix"], str(install), timeout=120)
    finally:
        server.shutdown()
        server.server_close()
    assert result.ok and "Done" in result.output, result.output + result.error
    assert (lib / "primitives" / "__init__.py").read_text() == open(
        os.path.join(ROOT, "frozen", "primitives", "primitives", "__init__.py")).read()

    # The installed copy, searched before the frozen one, answers the imports.
    check = tmp_path / "check.py"
    check.write_text("""import sys
sys.path.insert(0, {lib!r})
import aswitch, asyn, fastpoll, primitives, uasyncio.queues
for mod in (aswitch, asyn, fastpoll, primitives, uasyncio.queues):
    assert mod.__file__.startswith({lib!r}), mod.__file__
assert primitives.Pushbutton and asyn.Lock and fastpoll.Flag
print("imported")
""".format(lib=str(lib)))
    result = mpyrun.run_unix(targets["unix"], str(check))
    assert result.ok and "imported" in result.output, result.output + result.error
