"""Benchmark: the embedded store versus rdflib in memory on a corpus of about 1,000,000 triples.

    python bench/bench_store.py [--triples 1000000] [--runs 5] [--rdflib-runs 3] [--work DIR] [--reuse]

1. builds every real article (/work/shared/corpus/articles) into its own named graph;
2. synthesises articles of the same shape: copy k of the real corpus has every kg IRI moved
   under ``id/s{k}/`` and every schema:name suffixed with ``·k`` (new people, bodies,
   meetings, facts and spans; same structure), until the corpus holds --triples triples;
3. bulk-loads the N-Quads into a fresh pyoxigraph store (timed: quads per second, the
   bulk load and the compaction that follows it timed apart);
4. runs each competency query in rdflib (the merged graph in memory), in the store and
   over HTTP (kg serve), the same query text everywhere, one untimed warm-up run each,
   checks the three give identical rows, and prints the latencies (median of --runs for
   the store and HTTP; rdflib, far slower, median of --rdflib-runs).

--reuse keeps the corpus N-Quads of an earlier run in --work (the build of the real
articles takes minutes); the store is always loaded afresh.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
CQ = sorted((ROOT / "queries" / "cq").glob("*.rq"))
NAME = "<https://schema.org/name> "
ID = "<https://w3id.org/kg-cn/id/"


def real_corpus_nquads() -> tuple[str, int, float]:
    """N-Quads of every real article (one graph each); returns text, article count, seconds."""
    from kg.graph import dataset
    from kg.graph.export import nquads
    from kg.pipeline import build_article
    from kg.rdf.mapping import new_graph

    t0 = time.perf_counter()
    merged = new_graph()
    n = 0
    for path in sorted(CORPUS.glob("*.txt")):
        build_article(path.read_bytes().decode("utf-8-sig"), source=path.name, graph=merged)
        n += 1
    text = nquads(dataset.split(merged)).decode("utf-8")
    return text, n, time.perf_counter() - t0


_NAME_LIT = re.compile(r'(<https://schema.org/name> "(?:[^"\\]|\\.)*)"')


def synthetic_copy(nq: str, k: int) -> str:
    """Copy k of the corpus: kg IRIs moved under id/s{k}/, names suffixed: same shape, new things."""
    text = nq.replace(ID, f"{ID}s{k}/")
    return _NAME_LIT.sub(lambda m: f'{m.group(1)}·{k}"', text)


def timed(fn, runs: int, warm: bool = False) -> tuple[float, object]:
    """Median seconds of `runs` calls (after one untimed call when `warm`), and the last result."""
    times, result = [], fn() if warm else None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rdflib-runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/kg-bench-store")
    ap.add_argument("--reuse", action="store_true", help="reuse --work/corpus.nq from an earlier run")
    ap.add_argument("--quads-only", action="store_true",
                    help="also time the bulk loader alone on the quads (no merged default graph)")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from rdflib import Graph

    from kg.graph import http, query, serve, store

    if not CORPUS.is_dir():
        print(f"the corpus is not at {CORPUS}", file=sys.stderr)
        return 2
    work = Path(args.work)
    nq_path = work / "corpus.nq"
    if args.reuse and nq_path.is_file():
        total_quads = sum(1 for _ in nq_path.open("rb"))
        print(f"reusing {nq_path}: {total_quads} quads")
    else:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        real, n_articles, build_s = real_corpus_nquads()
        real_triples = real.count("\n")
        copies = max(0, -(-args.triples // real_triples) - 1)
        with nq_path.open("w", encoding="utf-8") as fh:
            fh.write(real)
            for k in range(1, copies + 1):
                fh.write(synthetic_copy(real, k))
        total_quads = real_triples * (copies + 1)
        print(f"real corpus: {n_articles} articles, {real_triples} quads, built in {build_s:.1f} s; "
              f"{copies} synthetic copies -> {total_quads} quads, {n_articles * (copies + 1)} article graphs")
    shutil.rmtree(work / "db", ignore_errors=True)

    import pyoxigraph as ox

    t0 = time.perf_counter()
    report = store.load_nquads(work / "db", nq_path, optimize=False)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    with store.opened(work / "db") as st:
        st.optimize()
    opt_s = time.perf_counter() - t0
    print(f"store bulk load: {report.triples} quads in {load_s:.1f} s = {report.triples / load_s:,.0f} quads/s; "
          f"compaction {opt_s:.1f} s; both {report.triples / (load_s + opt_s):,.0f} quads/s", flush=True)

    if args.quads_only:
        shutil.rmtree(work / "db-quads", ignore_errors=True)
        t0 = time.perf_counter()
        with store.opened(work / "db-quads") as st:
            st.bulk_load(path=str(nq_path), format=ox.RdfFormat.N_QUADS)
        bare_s = time.perf_counter() - t0
        shutil.rmtree(work / "db-quads", ignore_errors=True)
        print(f"for comparison, the bulk loader alone (the quads, no merged default graph): {bare_s:.1f} s "
              f"= {report.triples / bare_s:,.0f} quads/s", flush=True)

    # rdflib gets the merged graph (what graph.ttl holds), as N-Triples dumped from the store's
    # default graph: parsing the N-Quads into an rdflib Dataset first would need ~25 GB here
    nt_path = work / "merged.nt"
    ox.Store.read_only(str(work / "db")).dump(str(nt_path), ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    t0 = time.perf_counter()
    merged = Graph()
    merged.parse(nt_path, format="nt")
    rdflib_load_s = time.perf_counter() - t0
    print(f"rdflib parse of the merged graph: {len(merged)} triples in {rdflib_load_s:.1f} s "
          f"= {len(merged) / rdflib_load_s:,.0f} triples/s", flush=True)

    proc, base = serve.start(work / "db")
    rows_out = []
    try:
        st = ox.Store.read_only(str(work / "db"))
        for q in CQ:
            sparql = q.read_text(encoding="utf-8")
            r_s, r_rows = timed(lambda s=sparql: query.run(merged, s)[1], args.rdflib_runs, warm=True)
            s_s, s_rows = timed(lambda s=sparql: store.query(st, s)[1], args.runs, warm=True)
            h_s, h_rows = timed(lambda s=sparql: http.select(base + "/query", s)[1], args.runs, warm=True)
            # rows as a multiset; order too where the query's ORDER BY leaves no ties
            same = sorted(map(repr, r_rows)) == sorted(map(repr, s_rows)) == sorted(map(repr, h_rows))
            ordered = r_rows == s_rows == h_rows
            rows_out.append((q.stem, len(r_rows), r_s, s_s, h_s, same, ordered))
            print(f"{q.stem:14} rows {len(r_rows):7}  rdflib {r_s * 1000:10.1f} ms  store {s_s * 1000:8.1f} ms  "
                  f"http {h_s * 1000:8.1f} ms  x{r_s / s_s:7.1f}  same rows={same} same order={ordered}", flush=True)
    finally:
        serve.stop(proc)

    print("\n| query | rows | rdflib (ms) | store (ms) | HTTP (ms) | store speed-up | same rows | same order |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    for stem, n, r_s, s_s, h_s, same, ordered in rows_out:
        print(f"| {stem} | {n} | {r_s * 1000:.1f} | {s_s * 1000:.1f} | {h_s * 1000:.1f} | {r_s / s_s:.0f}x | "
              f"{'yes' if same else 'NO'} | {'yes' if ordered else 'ties'} |")
    med_r = statistics.median(r[2] for r in rows_out)
    med_s = statistics.median(r[3] for r in rows_out)
    speedups = sorted(r[2] / r[3] for r in rows_out)
    print(f"\nmedian query: rdflib {med_r * 1000:.1f} ms, store {med_s * 1000:.1f} ms "
          f"({med_r / med_s:.0f}x); median per-query speed-up {statistics.median(speedups):.0f}x; "
          f"load {report.triples / load_s:,.0f} quads/s ({report.triples / (load_s + opt_s):,.0f} with compaction)")
    return 0 if all(r[5] for r in rows_out) else 1


if __name__ == "__main__":
    sys.exit(main())
