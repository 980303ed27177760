#!/usr/bin/env python3
"""Benchmark `kg build` against raw jieba.posseg over exactly the same texts.

    python bench/bench_build.py --scales 1,10,50 --runs posseg,w1,w2,dask > bench/results.md
    python bench/bench_build.py --scales 3 --runs posseg,default,w1   # issue 11's acceptance

`default` is `kg build` as a user runs it (graph, page and analysis, one worker); `w1`,
`w2` and `dask` leave the page and analysis out (--no-view) to time the graph alone.

Before each run the script waits (polling every 30 s, at most --wait seconds over the
whole benchmark) until the 1-minute load average is at most --max-load, and prints the
load each run started at, so a number measured on a busy machine says so.

The corpus is ../shared/corpus/{articles,reports}; scale k writes k copies of it into a
temporary folder, each file of copy i ending in a line naming the copy, so every copy is
a distinct article (its own content hash and named graph) and the graph grows with k.
Every run is a separate process, timed as a whole (start-up, reading, writing included);
peak RSS is the largest sum of resident memory over the process and its children,
sampled every 50 ms with psutil. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
POSSEG = """
import sys, time
from pathlib import Path
import jieba, jieba.posseg
jieba.setLogLevel(60)
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.txt")):
    text = p.read_text(encoding="utf-8-sig")
    n += sum(1 for _ in jieba.posseg.cut(text))
print(n)
"""


def make_corpus(dest: Path, copies: int) -> tuple[int, int]:
    """Write `copies` copies of the shared corpus under dest; returns (articles, chars)."""
    sources = sorted((SHARED / "articles").glob("*.txt")) + sorted((SHARED / "reports").glob("*.txt"))
    texts = [(p.parent.name + "-" + p.name, p.read_text(encoding="utf-8-sig")) for p in sources]
    n = chars = 0
    for i in range(copies):
        folder = dest / f"copy{i:03d}"
        folder.mkdir(parents=True)
        for name, text in texts:
            body = text if i == 0 else f"{text.rstrip()}\n（副本{i}）\n"
            (folder / name).write_text(body, encoding="utf-8")
            n += 1
            chars += len(body)
    return n, chars


def measure(cmd: list[str], env: dict) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak RSS bytes of the process tree) of one command.

    CPU seconds (user + system of the process and all its children) are what compare
    fairly on a loaded machine; wall seconds show the parallel speed-up.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env, cwd=tempfile.gettempdir())
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not done.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    rc = proc.wait()
    seconds = time.perf_counter() - t0
    done.set()
    t.join()
    if rc != 0:
        raise SystemExit(f"failed ({rc}): {' '.join(cmd)}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, peak


def wait_quiet(max_load: float, deadline: float) -> float:
    """Sleep until the 1-minute load average is <= max_load or the deadline (time.monotonic)
    passes; returns the load average then."""
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(30)
    return os.getloadavg()[0]


def runs(corpus: Path, out: Path) -> dict[str, list[str]]:
    # --no-view: the graph alone; `default` adds graph.html and analysis.md/json, as a user gets them
    build = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--quiet"]
    kg = build + ["--no-view"]
    return {
        "posseg": [sys.executable, "-c", POSSEG, str(corpus)],
        "default": build + ["--out", str(out / "default"), "--workers", "1"],
        "w1": kg + ["--out", str(out / "w1"), "--workers", "1"],
        "w2": kg + ["--out", str(out / "w2"), "--workers", "2"],
        "dask": kg + ["--out", str(out / "dask"), "--engine", "dask", "--workers", "2"],
        # the second-opinion tagger (kg[lac]) on, as a user asks for it
        "lac": build + ["--out", str(out / "lac"), "--workers", "1", "--tagger", "lac"],
        "lac-w1": kg + ["--out", str(out / "lac-w1"), "--workers", "1", "--tagger", "lac"],
    }


LABEL = {"posseg": "raw jieba.posseg", "default": "kg build, 1 worker, page and analysis (default)",
         "w1": "kg build, 1 worker, --no-view", "w2": "kg build, 2 workers, --no-view",
         "dask": "kg build, Dask local (2 workers), --no-view",
         "lac": "kg build, 1 worker, default, --tagger lac", "lac-w1": "kg build, 1 worker, --no-view, --tagger lac"}


def _run_list(names: list[str], plan: dict[str, list[str]], env: dict, corpus: tuple[int, int, int],
              wait, walls: dict, peaks: dict) -> dict[str, tuple[float, float]]:
    """Run `names` in order, one table row each; returns each run's (wall, CPU) ratio to
    the posseg run before it."""
    scale, n, chars = corpus
    posseg = None
    ratios = {}
    for name in names:
        load = wait()
        secs, cpu, rss = measure(plan[name], env)
        walls[scale, name], peaks[scale, name] = secs, rss
        if name == "posseg":
            posseg = (secs, cpu)
        elif posseg:
            ratios[name] = (secs / posseg[0], cpu / posseg[1])
        ratio = f"{secs / posseg[0]:.2f} / {cpu / posseg[1]:.2f}" if posseg else "-"
        print(f"| {scale}x | {n} | {chars:,} | {LABEL[name]} | {secs:.1f} | {cpu:.1f} | {chars / secs:,.0f} | "
              f"{n / secs:.1f} | {ratio} | {rss / 2**20:.0f} | {load:.1f} |", flush=True)
    return ratios


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scales", default="1,10,50")
    ap.add_argument("--runs", default="posseg,w1,w2,dask")
    ap.add_argument("--tmp", default=None, help="folder for corpora and outputs (default: a temp dir)")
    ap.add_argument("--rev", default="HEAD", help="git revision of kg/ to measure, or `worktree`")
    ap.add_argument("--max-load", type=float, default=1.5, help="wait for this 1-minute load average before a run")
    ap.add_argument("--wait", type=float, default=900, help="longest wait for --max-load over the whole benchmark, s")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the whole list this many times, interleaved (fresh outputs each time); "
                         "prints the median ratio to posseg of each run")
    args = ap.parse_args()
    names = args.runs.split(",")
    # a frozen copy of kg: several people edit the working tree while a long benchmark runs
    code = Path(tempfile.mkdtemp(prefix="kgbench-code-", dir=args.tmp))
    if args.rev == "worktree":
        shutil.copytree(ROOT / "kg", code / "kg", ignore=shutil.ignore_patterns("__pycache__"))
        rev = "working tree"
    else:
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev, "kg"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(code)], input=tar.stdout, check=True)
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.rev],
                             capture_output=True, text=True, check=True).stdout.strip()
    env = dict(os.environ, PYTHONPATH=str(code))
    print(f"<!-- kg at {rev}, load average before: {os.getloadavg()[0]:.1f} -->")
    print("| scale | articles | chars | run | wall s | CPU s | chars/s (wall) | articles/s (wall) "
          "| ratio to posseg (wall / CPU) | peak RSS MB | load at start |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    deadline = time.monotonic() + args.wait  # one waiting budget for all runs
    walls: dict[tuple[int, str], float] = {}
    peaks: dict[tuple[int, str], int] = {}
    medians: dict[tuple[int, str], list[tuple[float, float]]] = {}
    for scale in map(int, args.scales.split(",")):
        base = Path(tempfile.mkdtemp(prefix=f"kgbench{scale}-", dir=args.tmp))
        try:
            n, chars = make_corpus(base / "corpus", scale)
            for rep in range(args.repeat):
                out = base / "out" if rep == 0 else base / f"out{rep}"
                ratios = _run_list(names, runs(base / "corpus", out), env, (scale, n, chars),
                                   lambda: wait_quiet(args.max_load, deadline), walls, peaks)
                for name, r in ratios.items():
                    medians.setdefault((scale, name), []).append(r)
            if "w1" in names and "w2" in names:  # the same bytes from every engine
                ttls = {name: (base / "out" / name / "graph.ttl").read_bytes() for name in names if name != "posseg"}
                same = len(set(ttls.values())) == 1
                print(f"<!-- {scale}x: graph.ttl identical across {sorted(ttls)}: {same} -->", flush=True)
                if not same:  # name the articles whose shards differ between engines
                    shards = {name: {p.name: p.read_bytes() for p in (base / "out" / name / ".kg").rglob("*.nq")}
                              for name in ttls}
                    ref = shards["w1"]
                    for name, got in shards.items():
                        odd = sorted(k for k in ref.keys() | got.keys() if ref.get(k) != got.get(k))
                        if odd:
                            print(f"<!-- {name} differs from w1 in shards {odd[:5]} -->", flush=True)
        finally:
            shutil.rmtree(base, ignore_errors=True)
    for (scale, name), got in sorted(medians.items()):
        if len(got) > 1:
            wall, cpu = statistics.median(w for w, _ in got), statistics.median(c for _, c in got)
            print(f"<!-- {scale}x {name}: median ratio to posseg over {len(got)} runs: wall {wall:.2f}, CPU {cpu:.2f} -->")
    for (scale, name), secs in sorted(walls.items()):
        if name == "w2" and (scale, "w1") in walls:
            print(f"<!-- {scale}x: 2 workers {walls[scale, 'w1'] / secs:.2f}x one worker (wall) -->")
    scales = sorted({sc for sc, _ in peaks})
    for name in names:
        have = [sc for sc in scales if (sc, name) in peaks]
        if 10 in have and 50 in have:
            print(f"<!-- {name}: peak RSS 50x / 10x = {peaks[50, name] / peaks[10, name]:.2f} -->")
    print(f"\n<!-- {os.uname().nodename}, {psutil.cpu_count()} CPUs, Python {sys.version.split()[0]} -->")


if __name__ == "__main__":
    main()
