"""The type stubs in stubs/ parse as Python 3.8 stubs and keep up with the code they describe:
every public name of a module, and every public member of its classes, is in its stub."""

import ast
import os
import re

import pytest
from hostlib import genfwinfo, mpyrun
from hosttools import ROOT

STUBS = os.path.join(ROOT, "stubs")
FASTPOLL_C = os.path.join(ROOT, "modules", "fastpoll", "modfastpoll.c")

# (source, the stub that describes it). io.py's additions are typed in iodemo.pyi,
# where they live: a stubs/io.pyi would replace the standard library's io for editors.
PAIRS = [
    ("frozen/fastpoll/fastpoll/__init__.py", "fastpoll.pyi"),
    ("frozen/uasyncio/uasyncio/__init__.py", "uasyncio/__init__.pyi"),
    ("frozen/uasyncio/uasyncio/queues.py", "uasyncio/queues.pyi"),
    ("frozen/tutorial/io.py", "iodemo.pyi"),
] + [
    ("frozen/primitives/primitives/%s.py" % name, "primitives/%s.pyi" % name)
    for name in ("__init__", "aadc", "barrier", "broker", "condition", "delay_ms", "ebutton",
                 "encoder", "eswitch", "events", "lock", "pushbutton", "queue", "ringbuf_queue",
                 "semaphore", "sw_array", "switch")
] + [
    ("frozen/threadsafe/threadsafe/%s.py" % name, "threadsafe/%s.pyi" % name)
    for name in ("__init__", "message", "threadsafe_event", "threadsafe_queue")
] + [
    ("frozen/tutorial/%s.py" % name, "%s.pyi" % name)
    for name in ("aledflash", "apoll", "aqtest", "astests", "auart", "aswitch", "asyn", "asyntest",
                 "awaitable", "chain", "event_test", "iodemo", "roundrobin")
]

# Modules with a lazy __getattr__: the table naming what it serves.
LAZY_TABLES = {
    "frozen/primitives/primitives/__init__.py": "_attrs",
    "frozen/primitives/primitives/events.py": "_drivers",
    "frozen/tutorial/asyn.py": "_names",
    "frozen/tutorial/io.py": "_demo",
    "frozen/threadsafe/threadsafe/__init__.py": "_attrs",
}

# Frozen modules that are no one's public API.
INTERNAL = {
    "frozen/fastpoll/fastpoll/fallback.py",  # _fastpoll in Python; fastpoll classes extend it
    "frozen/fastpoll/fastpoll/_maps.py",  # the fallback's memory maps, made by genmaps.py
    "frozen/fastpoll/_asyncio_internals.py",  # the check of asyncio's private parts
    "frozen/primitives/primitives/edges.py",  # the debounced inputs' base and edge task
    "frozen/primitives/primitives/clicks.py",  # Pushbutton's and EButton's click engine
    "frozen/primitives/primitives/waiters.py",  # the waiting room of Semaphore, Queue, ...
    "frozen/uasyncio/uasyncio/drive.py",  # the tutorial loop's trampoline, where there is no C one
}

# Stub-only modules: the hardware protocols the stubs type pins, LEDs and sensors with.
STUB_ONLY = {"primitives/_hw.pyi"}
# fwinfo.py is generated per build from scripts/genfwinfo.py (see its own test below).
GENERATED = {"fwinfo.pyi"}


def all_stubs():
    found = []
    for dirpath, _, files in os.walk(STUBS):
        found += [os.path.relpath(os.path.join(dirpath, f), STUBS) for f in files
                  if f.endswith(".pyi")]
    return sorted(found)


def parse(path):
    with open(path) as f:
        return ast.parse(f.read(), path)


def is_public(name):
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def assigned(node):
    """Names bound by an assignment statement."""
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def defined(body):
    """Names that class, def and assignment statements bind in body."""
    names = set()
    for node in body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        names.update(assigned(node))
    return names


def literal(tree, name):
    for node in tree.body:
        if name in assigned(node):
            return ast.literal_eval(node.value)
    raise AssertionError("no module-level " + name)


def source_names(path):
    """The public module-level names of a real module: its definitions, __all__, the
    re-exports it marks with `noqa: F401`, and what its lazy __getattr__ serves."""
    with open(os.path.join(ROOT, path)) as f:
        text = f.read()
    tree = ast.parse(text, path)
    lines = text.splitlines()
    names = {n for n in defined(tree.body) if not n.startswith("_")}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and "noqa: F401" in lines[node.lineno - 1]:
            names.update(a.asname or a.name for a in node.names if a.name != "*")
    if "__all__" in defined(tree.body):
        names.update(literal(tree, "__all__"))
    if path in LAZY_TABLES:
        names.update(literal(tree, LAZY_TABLES[path]))
    return names


def stub_names(tree):
    """The names a stub defines or explicitly re-exports (`import x as x`, or in __all__)."""
    names = defined(tree.body)
    exported = set(literal(tree, "__all__")) if "__all__" in names else set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            names.update(a.name for a in node.names
                         if a.asname == a.name or (a.asname is None and a.name in exported))
    return names


def class_members(cls):
    """Public methods and class attributes of cls, plus the attributes __init__ sets."""
    names = defined(cls.body)
    for node in cls.body:
        if isinstance(node, ast.FunctionDef) and node.name == "__init__":
            for stmt in ast.walk(node):
                for target in getattr(stmt, "targets", []):
                    if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                            and target.value.id == "self"):
                        names.add(target.attr)
    return {n for n in names if is_public(n)}


def classes(tree):
    return {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}


@pytest.mark.parametrize("stub", all_stubs())
def test_stub_parses_as_python38(stub):
    with open(os.path.join(STUBS, stub)) as f:
        ast.parse(f.read(), stub, feature_version=(3, 8))


def test_every_module_has_a_stub():
    frozen = []
    for dirpath, _, files in os.walk(os.path.join(ROOT, "frozen")):
        frozen += [os.path.relpath(os.path.join(dirpath, f), ROOT) for f in files
                   if f.endswith(".py") and f != "manifest.py"]
    sources = {src for src, _ in PAIRS}
    assert sorted(set(frozen) - sources - INTERNAL) == []
    assert sorted(sources - set(frozen)) == []
    assert sorted(set(all_stubs()) - {stub for _, stub in PAIRS} - STUB_ONLY - GENERATED) == []


@pytest.mark.parametrize("source,stub", PAIRS)
def test_public_names_are_in_stub(source, stub):
    names = source_names(source)
    assert names, source
    missing = names - stub_names(parse(os.path.join(STUBS, stub)))
    assert not missing, "%s lacks %s" % (stub, sorted(missing))


def public_classes(path):
    return {n: c for n, c in classes(parse(path)).items() if is_public(n)}


# (source, stub, class) for each public class of each paired module: one case per class, so
# that no case checks an empty set.
CLASS_CASES = [(source, stub, name) for source, stub in PAIRS
               for name in sorted(public_classes(os.path.join(ROOT, source)))]


def test_classes_found():
    assert len(CLASS_CASES) >= 30, CLASS_CASES


@pytest.mark.parametrize("source,stub,name", CLASS_CASES)
def test_class_members_are_in_stub(source, stub, name):
    stub_classes = classes(parse(os.path.join(STUBS, stub)))
    assert name in stub_classes, "%s lacks class %s" % (stub, name)
    missing = (class_members(public_classes(os.path.join(ROOT, source))[name])
               - class_members(stub_classes[name]))
    assert not missing, "%s: %s lacks %s" % (stub, name, sorted(missing))


def test_c_module_members_are_in_stub():
    # fastpoll's classes get their methods from the C types of _fastpoll.
    with open(FASTPOLL_C) as f:
        c = f.read()
    stub_classes = classes(parse(os.path.join(STUBS, "fastpoll.pyi")))
    types = re.findall(r"MP_DEFINE_CONST_OBJ_TYPE\(\s*\w+,\s*MP_QSTR_(\w+),(.*?)\);", c, re.S)
    # Hub (the one object asyncio polls) is internal.
    assert sorted(name for name, _ in types) == ["Bits", "Counter", "Flag", "Hub"]
    for name, body in types:
        if name == "Hub":
            continue
        table = re.search(r"locals_dict, &(\w+)", body).group(1) + "_table"
        members = set(re.findall(r"MP_ROM_QSTR\(MP_QSTR_(\w+)\)",
                                 re.search(table + r"\[\] = \{(.*?)\};", c, re.S).group(1)))
        attr = re.search(r"\battr, (\w+)", body)
        if attr:
            handler = re.search(r"\b" + attr.group(1) + r"\(.*?\n\}", c, re.S).group(0)
            members.update(re.findall(r"attr == MP_QSTR_(\w+)", handler))
        assert members, name
        missing = members - class_members(stub_classes[name])
        assert not missing, "fastpoll.pyi: %s lacks %s" % (name, sorted(missing))


def test_fwinfo_stub_matches_generated_module():
    text = genfwinfo.TEMPLATE.format(version="0.1.0", commit="unknown", board="B", tag="v1")
    names = {n for n in defined(ast.parse(text).body) if not n.startswith("_")}
    assert names == {"version", "commit", "board", "micropython", "summary"}
    assert names == stub_names(parse(os.path.join(STUBS, "fwinfo.pyi")))


def stub_modules():
    return {s[:-len(".pyi")].replace("/__init__", "").replace("/", "."): s for s in all_stubs()}


# (stub, the stub module it imports from) for each `from x import ...` between stubs.
IMPORT_CASES = sorted({(stub, node.module) for stub in all_stubs()
                       for node in parse(os.path.join(STUBS, stub)).body
                       if isinstance(node, ast.ImportFrom) and node.module in stub_modules()})


def test_stub_imports_found():
    assert len(IMPORT_CASES) >= 10, IMPORT_CASES


@pytest.mark.parametrize("stub,module", IMPORT_CASES)
def test_stub_imports_between_stubs_resolve(stub, module):
    target = parse(os.path.join(STUBS, stub_modules()[module]))
    imported = {a.name for node in parse(os.path.join(STUBS, stub)).body
                if isinstance(node, ast.ImportFrom) and node.module == module
                for a in node.names}
    assert imported, (stub, module)
    missing = imported - stub_names(target) - defined(target.body)
    assert not missing, "%s: %s has no %s" % (stub, module, sorted(missing))


def instance_attributes(path):
    """Every `self.x = ...` target in a module, whatever the class: what instances may hold."""
    names = set()
    for node in ast.walk(parse(os.path.join(ROOT, path))):
        for target in getattr(node, "targets", []) + [getattr(node, "target", None)]:
            if (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                    and target.value.id == "self"):
                names.add(target.attr)
    return names


# Each stub with a module to import on the unix build (_hw.pyi types protocols only).
STUB_MODULES = sorted((module, stub) for module, stub in stub_modules().items()
                      if stub not in STUB_ONLY)


@pytest.mark.parametrize("module,stub", STUB_MODULES)
def test_stub_names_are_in_module(targets, module, stub, tmp_path):
    # The other way round: what a stub promises, the module has (module-level names, and class
    # members as class attributes or as attributes its instances set), on the unix build.
    tree = parse(os.path.join(STUBS, stub))
    names = sorted(n for n in stub_names(tree) if not n.startswith("_"))
    inst = set().union(*(instance_attributes(src) for src, s in PAIRS if s == stub))
    if stub == "fastpoll.pyi":  # the C types' attributes, served by their attr handlers
        with open(FASTPOLL_C) as f:
            inst.update(re.findall(r"attr == MP_QSTR_(\w+)", f.read()))
    members = {name: sorted(class_members(cls) - inst - {"__init__"})
               for name, cls in classes(tree).items() if not name.startswith("_")}
    assert names, stub
    source = """import {m}
missing = [n for n in {names!r} if not hasattr({m}, n)]
for cls, members in {members!r}.items():
    missing += [cls + "." + n for n in members if not hasattr(getattr({m}, cls), n)]
assert not missing, missing
""".format(m=module, names=names, members=members)
    result = mpyrun.run_source("unix", targets["unix"], source, str(tmp_path))
    assert result.ok, "{} promises what {} lacks:\n{}".format(stub, module, result.error)
