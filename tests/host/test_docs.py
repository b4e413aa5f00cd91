"""The documentation's examples, run: every ```python block of README.md and of each docs/*.md,
on unix and on qemu.

A block whose info string is exactly `python` is a complete program; it passes when it runs to
its end without raising (the blocks assert what they show). Blocks marked `py` are shown only:
they need a real Pyboard.
"""

import glob
import os

import pytest
from hostlib import mpyrun
from hosttools import ROOT

DOCS = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
# Documents whose examples are their point: each must keep some.
WITH_EXAMPLES = ["README.md", "tutorial.md", "compat-v3.md", "stock-firmware.md"]


def blocks(path):
    """(line number of the opening fence, source) of each ```python block in a markdown file."""
    found = []
    fence = None  # the opening fence's backticks while inside a block
    with open(path) as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if fence is None:
            if stripped.startswith("```"):
                fence = stripped[:len(stripped) - len(stripped.lstrip("`"))]
                info = stripped[len(fence):].strip()
                start = n
                body = [] if info == "python" else None
        elif stripped == fence:
            if body is not None:
                found.append((start, "\n".join(body) + "\n"))
            fence = None
        elif body is not None:
            body.append(line)
    if fence is not None:
        raise ValueError("{}:{}: code block never closed".format(path, start))
    return found


BLOCKS = [(os.path.basename(path), line, source)
          for path in DOCS if os.path.exists(path) for line, source in blocks(path)]


def test_docs_have_examples():
    names = {os.path.basename(path): path for path in DOCS}
    for name in WITH_EXAMPLES:
        assert name in names, "missing " + name
        assert blocks(names[name]), "no ```python blocks in " + name


@pytest.mark.parametrize("target", ["unix", "qemu"])
@pytest.mark.parametrize("doc,line,source", BLOCKS,
                         ids=["{}:{}".format(doc, line) for doc, line, _ in BLOCKS])
def test_example(targets, target, doc, line, source, tmp_path):
    result = mpyrun.run_source(target, targets[target], source, str(tmp_path),
                               "{}_{}.py".format(doc.replace(".", "_"), line), timeout=60)
    assert result.ok, "{}:{} failed on {}:\n{}{}".format(
        doc, line, target, result.output[-2000:], result.error)
