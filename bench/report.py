"""Run every benchmark in bench/ on the unix build and on qemu, and tabulate ratios.

    report.py --unix BIN --qemu ELF [--pyb-emu ELF] --out DIR [--doc MD] [--icount 3]
              [--only NAME] [--hinch GITDIR]

Each benchmark is a MicroPython script that measures stock asyncio and ours in the same
run and prints one or more lines

    RESULT {"name": ..., "what": ..., "unit": ..., "better": "higher"|"lower",
            "baseline": "stock", "stock": 1.0, "fastpoll": 2.0, ...}

or `SKIP reason` where it does not apply to that target. Every numeric field other than
the baseline becomes a ratio against the baseline measured in the same run, so the noise
of the machine cancels out. qemu runs with -icount (instruction-counted time), which makes
its numbers repeatable; so does the emulated PYBV11 (--pyb-emu: the PYBV11 firmware itself
on QEMU's STM32F405, scripts/pybemu.py). Benchmarks against Peter Hinch's micropython-async v3
(baseline "hinch_v3") load his sources, which this script copies from a git dir of that repository
(--hinch, or HINCH_ASYNC_GIT; `git clone --bare https://github.com/peterhinch/micropython-async`)
into a temporary folder; without one they SKIP. The table is printed, and written to
DIR/report.md, DIR/report.json and DIR/report.png. With --doc (make bench: docs/benchmarks.md)
a full run also rewrites the part of that document between its two marker lines (the table,
saying when, from which commit and on what it was made) and puts the chart beside it
(bench-report.png); the prose around the markers is the document's own.
"""

import argparse
import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "scripts"))

from hostlib import mpyrun, pybemu  # noqa: E402
from hostlib.errors import UserError, run_main  # noqa: E402

META = ("name", "what", "unit", "better", "baseline")


def parse(output):
    """The RESULT records and SKIP reasons a benchmark printed."""
    results, skips = [], []
    for line in output.splitlines():
        if line.startswith("RESULT "):
            results.append(json.loads(line[len("RESULT "):]))
        elif line.startswith("SKIP "):
            skips.append(line[len("SKIP "):].strip())
    return results, skips


def hinch_sources(git_dir, into):
    """Put Hinch's micropython-async v3 primitives package, as .py files, in into/primitives
    (read from the git dir with git show); the benchmarks that compare with his library find
    the folder in HINCH_V3_PATH. Returns None, or why it could not."""
    if not git_dir:
        return "HINCH_ASYNC_GIT is not set"
    listing = subprocess.run(["git", "--git-dir", git_dir, "ls-tree", "--name-only", "HEAD",
                              "v3/primitives/"], capture_output=True, text=True)
    names = [n for n in listing.stdout.split() if n.endswith(".py")]
    if listing.returncode or not names:
        return "no v3/primitives in {}".format(git_dir)
    os.makedirs(os.path.join(into, "primitives"))
    for name in names:
        text = subprocess.run(["git", "--git-dir", git_dir, "show", "HEAD:" + name],
                              capture_output=True, check=True).stdout
        with open(os.path.join(into, "primitives", os.path.basename(name)), "wb") as f:
            f.write(text)
    os.environ["HINCH_V3_PATH"] = into
    return None


def run_bench(script, target, args):
    if target == "unix":
        res = mpyrun.run_unix(args.unix, script, timeout=args.timeout)
    elif target == "pyb-emu":
        with open(script) as f:
            res = pybemu.run(args.pyb_emu, f.read(), timeout=args.timeout, icount=args.icount)
    else:
        with open(script) as f:
            res = mpyrun.run_qemu(args.qemu, f.read(), timeout=args.timeout, icount=args.icount)
    if not res.ok:
        raise UserError("benchmark {} failed on {}: {}".format(
            os.path.basename(script), target, res.error.strip().splitlines()[-1:]))
    return parse(res.output)


def rows_of(record, target):
    """One table row per non-baseline figure of a RESULT record."""
    base_key = record.get("baseline", "stock")
    base = record[base_key]
    unit = record.get("unit", "")
    for key, value in record.items():
        if key in META or key == base_key or not isinstance(value, (int, float)):
            continue
        yield {
            "target": target,
            "name": record["name"],
            "what": record.get("what", ""),
            "compare": "{} vs {}".format(key, base_key),
            "base": base,
            "value": value,
            "unit": unit,
            "better": record.get("better", ""),
            "ratio": value / base if base else float("nan"),
        }


# Ratios within this of 1 are reported as the same as the baseline.
SAME = 0.03


def gain(row):
    """How many times better than the baseline ours is (> 1 better, < 1 worse), whichever
    direction is better for the benchmark; None when the ratio says nothing (no baseline)."""
    ratio = row["ratio"]
    if ratio != ratio:  # nan: the baseline was 0
        return None
    if row["better"] == "lower":
        return float("inf") if ratio <= 0 else 1 / ratio
    return ratio


def verdict(row):
    g = gain(row)
    if g is None:
        return "n/a"
    if abs(g - 1) <= SAME:
        return "same"
    return "better" if g > 1 else "worse"


def fmt(x):
    return "{:.3g}".format(x) if isinstance(x, float) else str(x)


def markdown(rows, skips, header):
    lines = [header, "",
             "| target | benchmark | compared | baseline | ours | ratio | better | verdict |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append("| {target} | {name} | {compare} | {b} {unit} | {v} {unit} "
                     "| **{ratio:.2f}x** "
                     "| {better} | {verdict} |".format(b=fmt(r["base"]), v=fmt(r["value"]),
                                                      verdict=verdict(r), **r))
    for target, name, reason in skips:
        lines.append("| {} | {} | n/a: {} | | | | | |".format(target, name, reason))
    lines.append("")
    lines.append("What each benchmark measures:")
    seen = set()
    for r in rows:
        if r["name"] not in seen and r["what"]:
            seen.add(r["name"])
            lines.append("- `{}`: {}".format(r["name"], r["what"]))
    return "\n".join(lines) + "\n"


def chart(rows, path):
    """One bar per comparison, grouped by benchmark, every bar pointing the same way: right of
    the line is better than the baseline (green), left is worse (red), whichever direction is
    better for that benchmark; each bar is labelled with its raw ratio."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import matplotlib.ticker
    except ImportError:
        print("no PNG chart: matplotlib is missing (python3 -m pip install matplotlib)",
              file=sys.stderr)
        return
    cap = 1000.0  # drawn length of "ours is ~0" (lower is better, ratio <= 0)
    groups = {}
    for r in rows:
        groups.setdefault(r["name"], []).append(r)
    y, ticks, labels, heads, drawn_all = 0, [], [], [], []
    fig_rows = sum(len(g) + 1 for g in groups.values())
    fig, ax = plt.subplots(figsize=(11, 0.32 * fig_rows + 1.6))
    for name, group in groups.items():
        heads.append((y, "{}  ({} is better)".format(name, group[0]["better"])))
        y += 1
        for r in group:
            g = gain(r)
            if g is None:
                continue
            drawn = min(max(g, 1 / cap), cap)
            colour = {"better": "#2a9d4b", "worse": "#d1495b"}.get(verdict(r), "#999999")
            ax.barh(y, drawn - 1, left=1, color=colour, height=0.7)
            if g == float("inf"):
                text = "ours ~0"
            else:
                text = ("{:.2f}x" if r["ratio"] >= 0.01 else "{:.1g}x").format(r["ratio"])
            ax.text(drawn * (1.08 if drawn >= 1 else 1 / 1.08), y, text, va="center",
                    ha="left" if drawn >= 1 else "right", fontsize=7)
            ticks.append(y)
            labels.append("{}  {}".format(r["target"], r["compare"]))
            drawn_all.append(drawn)
            y += 1
    ax.axvline(1.0, color="k", linewidth=0.8)
    ax.set_xscale("log")
    left = min([0.25] + [d / 3 for d in drawn_all])
    ax.set_xlim(left, max([4] + [d * 3 for d in drawn_all]))
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
        lambda x, _: "same" if x == 1 else
        ("{:g}x better".format(x) if x > 1 else "{:g}x worse".format(1 / x))))
    ax.set_yticks(ticks)
    ax.set_yticklabels(labels, fontsize=7)
    for hy, text in heads:
        ax.text(left * 1.05, hy, text, va="center", ha="left", fontsize=8, fontweight="bold")
    ax.set_ylim(y, -1)
    ax.set_xlabel("ours against the baseline of the same run (log scale): right of the line "
                  "is better, left is worse; labels give the raw ratio")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def commit():
    proc = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"],
                          capture_output=True, text=True)
    name = proc.stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return name + (" with uncommitted changes" if dirty else "")


# The lines around the part of the benchmarks document that make bench writes.
BEGIN = "<!-- make bench: begin (written by bench/report.py; edit outside the markers) -->"
END = "<!-- make bench: end -->"
CHART = "bench-report.png"  # the chart's name beside the document


def doc_block(rows, skips, made, chart_written):
    """The document's generated part: who wrote it, when and on what, the table and the chart."""
    lines = [BEGIN, "", "_Written by `make bench` {}._".format(made), ""]
    lines += markdown(rows, skips, "").strip("\n").split("\n")
    if chart_written:
        lines += ["", "![benchmark ratios, grouped by benchmark; right of the line is better "
                  "than the baseline]({})".format(CHART)]
    else:
        lines += ["", "(No chart: matplotlib was missing when this was written.)"]
    return "\n".join(lines + ["", END])


def write_doc(path, block):
    """Replace the part of the markdown file at path between BEGIN and END by block (which
    carries the markers); the rest of the file is kept as it is."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError as e:
        raise UserError("cannot read {}: {}".format(path, e.strerror))
    lines = text.split("\n")
    if lines.count(BEGIN) != 1 or lines.count(END) != 1 or lines.index(BEGIN) > lines.index(END):
        raise UserError("{} needs one line {!r} and, after it, one line {!r} around the part "
                        "make bench writes".format(path, BEGIN, END))
    start, stop = lines.index(BEGIN), lines.index(END)
    with open(path, "w") as f:
        f.write("\n".join(lines[:start] + block.split("\n") + lines[stop + 1:]))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unix", required=True, help="the unix test build")
    parser.add_argument("--qemu", required=True, help="the qemu test build's firmware.elf")
    parser.add_argument("--pyb-emu", help="the emulated PYBV11's firmware.elf (make pyb-emu)")
    parser.add_argument("--out", required=True, help="folder for report.{md,json,png}")
    parser.add_argument("--doc", help="a markdown file whose marked part a full run rewrites"
                        " with the table (make bench: docs/benchmarks.md)")
    parser.add_argument("--icount", type=int, default=3, help="qemu -icount shift")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--only", help="run only the benchmark scripts whose name has this")
    parser.add_argument("--hinch", default=os.environ.get("HINCH_ASYNC_GIT"),
                        help="a git dir of peterhinch/micropython-async, to compare with his"
                        " library (default: $HINCH_ASYNC_GIT)")
    args = parser.parse_args()
    if args.doc and args.only:
        raise UserError("--doc takes the table of a full run; drop --only or --doc")
    hinch_dir = tempfile.TemporaryDirectory()
    why = hinch_sources(args.hinch, hinch_dir.name)
    if why:
        print("benchmarks against Hinch's library skip: " + why, file=sys.stderr)
    scripts = sorted(s for s in glob.glob(os.path.join(HERE, "*.py"))
                     if os.path.basename(s) != "report.py"
                     and (args.only is None or args.only in os.path.basename(s)))
    if not scripts:
        raise UserError("no benchmark scripts in {}".format(HERE))
    rows, skips = [], []
    for script in scripts:
        for target in ("unix", "qemu") + (("pyb-emu",) if args.pyb_emu else ()):
            started = time.monotonic()
            results, why = run_bench(script, target, args)
            print("{:<28} {:<5} {:5.1f} s".format(os.path.basename(script), target,
                                                  time.monotonic() - started), file=sys.stderr)
            for record in results:
                rows.extend(rows_of(record, target))
            skips.extend((target, os.path.basename(script)[:-3], reason) for reason in why)
    header = "Benchmarks of commit {} on {} (unix build; qemu mps2-an386 with -icount shift={})"\
        .format(commit(), time.strftime("%Y-%m-%d"), args.icount)
    if args.pyb_emu:
        header = header[:-1] + "; pyb-emu: the PYBV11 firmware on qemu netduinoplus2, same)"
    text = markdown(rows, skips, header)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "report.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump({"header": header, "rows": rows, "skips": skips}, f, indent=1)
    png = os.path.join(args.out, "report.png")
    if os.path.exists(png):
        os.remove(png)  # a chart left from an earlier run must not pass for this one's
    chart(rows, png)
    if args.doc:
        drawn = os.path.exists(png)
        if drawn:
            shutil.copyfile(png, os.path.join(os.path.dirname(os.path.abspath(args.doc)), CHART))
        made = "on {} from commit {}, on {} ({} cores): {}".format(
            time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), commit(), platform.machine(),
            os.cpu_count(), header[header.index("(") + 1:-1])
        write_doc(args.doc, doc_block(rows, skips, made, drawn))
    print(text)
    return 0


if __name__ == "__main__":
    run_main(main)
