"""Benchmark: every query of queries/ on a real Oxigraph server's union default graph against kg's store.

    python bench/bench_union.py [--work DIR] [--reuse] [--runs 5] [--timeout 120]

1. builds the shared corpus (articles and reports) with `kg build --nquads` into --work
   (--reuse keeps an earlier build there);
2. kg's store: graph.nq bulk-loaded into a fresh store (kg.graph.store: the default graph
   kept as the merge), served read-only by the oxigraph binary kg serve runs;
3. the other store, as README tells a user to run one: an empty writable Oxigraph server
   started with `--union-default-graph`, `kg push graph.ttl` into it (timed);
4. every query in queries/ and queries/cq/ over HTTP (SPARQL JSON, loopback) on both, one
   untimed warm-up each, then the median of --runs; checks both give the same rows, and
   prints a Markdown table (ratio = union / kg's store). The queries of one person
   (career, posts_of_person) ask for the person most posts name in the corpus.

A query the union server does not answer within --timeout seconds is shown as such.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
QUERIES = sorted((ROOT / "queries").glob("*.rq")) + sorted((ROOT / "queries" / "cq").glob("*.rq"))
#: the person most posts name in the corpus (read off the graph), for the queries of one person
BUSIEST = ("PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <https://schema.org/> "
           "SELECT ?n WHERE { ?m org:member/schema:name ?n } GROUP BY ?n ORDER BY DESC(COUNT(?m)) ?n LIMIT 1")
_PERSON = re.compile(r'(VALUES \?person \{ |a schema:Person ; schema:name )"[^"]*"')


def build(out: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(["kg", "build", str(SHARED / "articles"), str(SHARED / "reports"), "--out", str(out),
                    "--nquads", "--no-view", "--quiet"], check=True)
    return time.perf_counter() - t0


def run(base: str, sparql: str, timeout: float) -> tuple[float, list | None]:
    """Seconds and rows of one query (rows None when it timed out)."""
    t0 = time.perf_counter()
    try:
        resp = requests.post(base + "/query", data={"query": sparql},
                             headers={"Accept": "application/sparql-results+json"}, timeout=timeout)
    except requests.Timeout:
        return time.perf_counter() - t0, None
    resp.raise_for_status()
    body = resp.json()
    names = body["head"]["vars"]
    rows = [[b[n]["value"] if n in b else None for n in names] for b in body["results"]["bindings"]]
    return time.perf_counter() - t0, rows


def timed(base: str, sparql: str, runs: int, timeout: float) -> tuple[float | None, list | None]:
    """Median milliseconds of `runs` after a warm-up, and the rows (None, None on a timeout)."""
    _, rows = run(base, sparql, timeout)
    if rows is None:
        return None, None
    times = []
    for _ in range(runs):
        t, rows = run(base, sparql, timeout)
        if rows is None:
            return None, None
        times.append(t * 1000)
    return statistics.median(times), rows


def main() -> int:
    from kg.graph import push, serve, store

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path, default=Path("/tmp/kg-bench-union"))
    ap.add_argument("--reuse", action="store_true", help="keep the corpus build already in --work")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    out = args.work / "out"
    if not (args.reuse and (out / "graph.nq").is_file()):
        shutil.rmtree(args.work, ignore_errors=True)
        print(f"built the corpus in {build(out):.1f} s", file=sys.stderr)
    for name in ("kgdb", "oxdb"):
        shutil.rmtree(args.work / name, ignore_errors=True)
    loaded = store.load_nquads(args.work / "kgdb", out / "graph.nq")
    print(f"kg store: {loaded.triples} quads in {loaded.graphs} graphs", file=sys.stderr)
    kg_proc, kg_base = serve.start(args.work / "kgdb")
    ox_proc, ox_base = serve.start(args.work / "oxdb", writable=True, union=True)
    try:
        t0 = time.perf_counter()
        pushed = push.push_file(out / "graph.ttl", ox_base + "/store")
        print(f"push of graph.ttl: {pushed.summary()} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        print(f"load average {os.getloadavg()[0]:.2f} at the start", file=sys.stderr)
        print("| query | rows | kg store (ms) | union (ms) | ratio | same rows |")
        print("| --- | ---: | ---: | ---: | ---: | --- |")
        worst = 0.0
        person = run(kg_base, BUSIEST, args.timeout)[1][0][0]
        for q in QUERIES:
            text = _PERSON.sub(lambda m: f'{m.group(1)}"{person}"', q.read_text(encoding="utf-8"))
            kg_ms, kg_rows = timed(kg_base, text, args.runs, args.timeout)
            ox_ms, ox_rows = timed(ox_base, text, args.runs, args.timeout)
            name = q.relative_to(ROOT / "queries").with_suffix("").as_posix()
            if ox_ms is None or kg_ms is None:
                print(f"| {name} | {len(kg_rows or [])} | {kg_ms or 'timeout'} | timeout | - | - |")
                worst = float("inf")
                continue
            ratio = ox_ms / kg_ms
            worst = max(worst, ratio)
            print(f"| {name} | {len(kg_rows)} | {kg_ms:.1f} | {ox_ms:.1f} | {ratio:.2f} | "
                  f"{'yes' if ox_rows == kg_rows else 'NO'} |", flush=True)
        print(f"load average {os.getloadavg()[0]:.2f} at the end; worst ratio {worst:.2f}", file=sys.stderr)
    finally:
        serve.stop(ox_proc)
        serve.stop(kg_proc)
    return 0 if worst <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
