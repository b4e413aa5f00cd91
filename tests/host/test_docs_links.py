"""The README is a front door of at most 400 lines, and no relative link in it or in docs/*.md
leads nowhere: each names a file that exists and, with a #fragment, a heading of that file."""

import glob
import os
import re

from hosttools import ROOT

MAX_README_LINES = 400
DOCS = [os.path.join(ROOT, "README.md")] + sorted(glob.glob(os.path.join(ROOT, "docs", "*.md")))
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def prose(path):
    """(line number, line) of a markdown file's lines outside its fenced code blocks."""
    lines, fence = [], None
    with open(path) as f:
        for n, line in enumerate(f.read().split("\n"), 1):
            stripped = line.strip()
            if fence is None and stripped.startswith("```"):
                fence = stripped[:len(stripped) - len(stripped.lstrip("`"))]
            elif fence is not None and stripped == fence:
                fence = None
            elif fence is None:
                lines.append((n, line))
    return lines


def anchor(heading):
    """GitHub's id for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = heading.lstrip("#").strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    return {anchor(line) for _, line in prose(path) if re.match(r"#{1,6} ", line)}


def links(path):
    """(line, target) of every relative link in a markdown file's prose."""
    found = []
    for n, line in prose(path):
        for target in LINK.findall(line):
            if not re.match(r"[a-z]+:", target):
                found.append((n, target))
    return found


def test_readme_is_at_most_400_lines():
    with open(os.path.join(ROOT, "README.md")) as f:
        count = len(f.read().splitlines())
    assert count <= MAX_README_LINES, "README.md has {} lines; move text into docs/".format(count)


def broken(path):
    """Each relative link of the file at path that leads to no file, or to no such heading."""
    found = []
    for n, target in links(path):
        name, _, fragment = target.partition("#")
        dest = os.path.normpath(os.path.join(os.path.dirname(path), name)) if name else path
        where = "{}:{}: {}".format(path, n, target)
        if not os.path.exists(dest):
            found.append(where + " (no such file)")
        elif fragment and dest.endswith(".md") and fragment not in anchors(dest):
            found.append(where + " (no such heading)")
    return found


def test_relative_links_lead_to_files_and_headings():
    bad = [line for path in DOCS for line in broken(path)]
    assert not bad, "broken links:\n" + "\n".join(bad)


def test_the_checker_sees_a_broken_link(tmp_path):
    (tmp_path / "there.md").write_text("# There\n")
    doc = tmp_path / "doc.md"
    doc.write_text("# Title: it's here\n\n[a](missing.md) [b](#title-its-here) [c](#nowhere)\n"
                   "```\n[not a link](in-code.md)\n```\n[web](https://example.com/x.md)\n"
                   "[d](there.md#there) [e](there.md#elsewhere) ![f](doc.md)\n")
    assert [line.split(": ", 1)[1] for line in broken(str(doc))] == [
        "missing.md (no such file)", "#nowhere (no such heading)",
        "there.md#elsewhere (no such heading)"]
    assert broken(str(doc))[0].startswith(str(doc) + ":3: ")


def test_the_readme_links_every_document():
    text = "\n".join(line for _, line in prose(os.path.join(ROOT, "README.md")))
    for path in DOCS[1:]:
        name = "docs/" + os.path.basename(path)
        assert "(" + name in text, "README.md does not link " + name
