"""Hostile inputs through `kg build`: time and peak memory from 100 KB to 1 MB.

    python bench/bench_hostile.py [--sizes 100,250,500,1000] [--only NAME,...] [--no-view]

Each input of issue 12, case 13 is written at each size (KB of UTF-8) to a file and built
by `kg build FILE --out TMP` in a fresh process (the default build: graph, page and
analysis; `--no-view` for the graph alone). Printed per row: the input, its size, the
wall time, the CPU time and the peak resident memory of the build process, the triples
written (from the build's summary: whether the text gave goals at all), then per input
the ratio of CPU and memory from the smallest to the largest size against the ratio of
sizes: linear work grows by the size ratio, quadratic by its square.

Each text input is a title line, `本报讯 ` and the unit repeated (the body of an article);
the HTML input is one paragraph inside nested <div> elements.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: name -> (file suffix, a function of the size in bytes giving the input text)
HEAD = "虚构新闻标题\n\n本报讯 "


def _repeat(unit: str):
    return lambda size: HEAD + unit * max(1, (size - len(HEAD.encode())) // len(unit.encode()))


def _nested_div(size: int) -> str:
    n = max(1, (size - 60) // len("<div></div>"))
    return "<html><body>" + "<div>" * n + "本报讯 会议召开。" + "</div>" * n + "</body></html>"


INPUTS = {
    "加强建设；": (".txt", _repeat("加强建设；")),
    "要进一步加强建设。": (".txt", _repeat("要进一步加强建设。")),
    "1.加强建设；2.推进改革；": (".txt", _repeat("1.加强建设；2.推进改革；")),
    "一是…，二是…，": (".txt", _repeat("一是加强建设，二是推进改革，")),
    "nested <div>": (".html", _nested_div),
}


def run(path: Path, out: Path, view: bool) -> tuple[float, float, int, int, str]:
    """Build one file; returns (wall s, CPU s, peak RSS in KB, exit status, triples written)."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(path), "--out", str(out)]
    if not view:
        cmd.append("--no-view")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    proc.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    if rc != 0:
        print(f"  exit {rc}: {err.splitlines()[-1] if err else ''}", file=sys.stderr)
    found = re.search(r"(\d+) triples written", err)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, rc, found.group(1) if found else "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,250,500,1000", help="sizes in KB (default: 100,250,500,1000)")
    ap.add_argument("--only", default="", help="comma-separated input names (default: all)")
    ap.add_argument("--no-view", action="store_true", help="build the graph only (no page, no analysis)")
    args = ap.parse_args(argv)
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    names = [n for n in INPUTS if not args.only or n in args.only.split(",")]
    work = Path(tempfile.mkdtemp(prefix="kg-hostile-"))
    print("| input | size | wall s | CPU s | peak MB | triples | exit |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    try:
        for name in names:
            suffix, make = INPUTS[name]
            rows = []
            for size in sizes:
                path = work / f"input{suffix}"
                path.write_text(make(size), encoding="utf-8")
                real = path.stat().st_size
                out = work / "out"
                shutil.rmtree(out, ignore_errors=True)
                wall, cpu, rss, rc, triples = run(path, out, view=not args.no_view)
                rows.append((real, wall, cpu, rss))
                print(f"| {name} | {real / 1000:.0f} KB | {wall:.1f} | {cpu:.1f} | {rss / 1024:.0f} | {triples} | {rc} |",
                      flush=True)
            (s0, _w0, c0, m0), (s1, _w1, c1, m1) = rows[0], rows[-1]
            print(f"| {name}: x{s1 / s0:.1f} size | | | x{c1 / max(c0, 1e-9):.1f} CPU | x{m1 / max(m0, 1):.1f} memory | | |",
                  flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
