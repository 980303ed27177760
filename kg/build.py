"""`kg build`: inputs -> articles -> per-article shards (any engine) -> merged outputs.

1. `kg.inputs` turns folders, files, JSONL and stdin into articles;
2. articles whose content hash has a shard already are skipped (`kg.manifest`);
3. the others run through `kg.shard.build_batch` on the chosen engine (`kg.engines`);
4. the live shards are merged into OUT/graph.ttl (and OUT/graph.nq) by `kg.merge`,
   unless they are exactly those of the last merge and the files are still there.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.inputs import Article, Failure, check_inputs, iter_articles
from kg.manifest import Manifest

#: a batch closes at this many characters or articles (one task each)
BATCH_CHARS = 40_000
BATCH_ARTICLES = 32


def read_article(path: Path) -> str:
    """The text of an article file (UTF-8, with or without BOM)."""
    if not path.exists():
        raise KgError(f"{path}: no such file")
    if path.is_dir():
        raise KgError(f"{path}: is a directory")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not UTF-8 text") from exc
    if not text.strip():
        raise KgError(f"{path}: empty file")
    return text


@dataclass
class Summary:
    """What a build did; `failed` holds (article id, reason)."""

    read: int = 0
    built: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    kept: int = 0  # articles of earlier runs not in this input, still in the graph
    pruned: int = 0
    merged: bool = False
    stats: dict = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """The end-of-build report, one line per item."""
        s = self.stats
        ents = s.get("entities", {})
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(ents.items()))
        out = [f"kg build: {self.read} articles read, {self.built} built, {self.skipped} skipped unchanged, "
               f"{len(self.failed)} failed ({self.seconds:.1f} s)"]
        if self.kept:
            out.append(f"  {self.kept} articles from earlier runs kept (not in this input; --prune drops them)")
        if self.pruned:
            out.append(f"  {self.pruned} articles pruned")
        out.append(f"  {s.get('triples', 0)} triples written"
                   + ("" if self.merged else " (outputs were current, not rewritten)"))
        out.append(f"  {s.get('mentions', 0)} mentions merged into {sum(ents.values())} entities"
                   + (f" ({kinds})" if kinds else "")
                   + f"; {s.get('cross_article', 0)} entities appear in more than one article")
        out += [f"  failed: {reason}" for _id, reason in self.failed]
        return out


def _batches(items: Iterator[Article | Failure], manifest: Manifest, summary: Summary,
             seen: set[str], tick) -> Iterator[list[Article]]:
    """Batches of the articles that need building; records skips and input failures."""
    batch: list[Article] = []
    size = 0
    for item in items:
        summary.read += 1
        if isinstance(item, Failure):
            summary.failed.append((item.id, item.reason))
            manifest.drop(item.id)
            tick()
            continue
        seen.add(item.id)
        key = item.key
        if manifest.has(key):
            manifest.articles[item.id] = key
            summary.skipped += 1
            tick()
            continue
        batch.append(item)
        size += len(item.text)
        if size >= BATCH_CHARS or len(batch) >= BATCH_ARTICLES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _progress(quiet: bool):
    """A tqdm bar on a terminal (articles, rate, ETA unknown until the end), else a no-op."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", desc="kg build", file=sys.stderr, dynamic_ncols=True)


def _merge(manifest: Manifest, out: Path, nquads: bool, summary: Summary) -> Path:
    """Write OUT/graph.ttl (and graph.nq) from the live shards unless they are current."""
    from kg import merge
    from kg.rdf.mapping import PREFIXES

    ttl = out / "graph.ttl"
    nq = out / "graph.nq"
    fp = manifest.fingerprint("nq" if nquads else "")
    current = manifest.merged.get("fingerprint") == fp and ttl.is_file() and (nq.is_file() or not nquads)
    if current:
        summary.stats = manifest.merged.get("stats", {})
        return ttl
    shards = manifest.live_shards()
    # no prefix for kg's own resources: their local names would need backslash escapes
    prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "kgr"}
    stats = merge.write_turtle(shards, ttl, prefixes)
    if nquads:
        merge.write_nquads(shards, nq)
    summary.stats = stats.as_dict()
    summary.merged = True
    manifest.merged = {"fingerprint": fp, "stats": summary.stats}
    return ttl


def build_corpus(inputs: list[str], out: Path, *, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, glob: str = "*.txt", prune: bool = False,
                 nquads: bool = False, quiet: bool = True, encoding: str | None = None) -> tuple[Path, Summary]:
    """Build the inputs into out/graph.ttl incrementally; returns its path and the summary."""
    from kg.engines import make_engine

    t0 = time.perf_counter()
    check_inputs(inputs)
    out = Path(out)
    manifest = Manifest.load(out)
    summary = Summary()
    seen: set[str] = set()
    bar = _progress(quiet)
    tick = bar.update if bar is not None else (lambda n=1: None)
    eng = make_engine(engine, workers, scheduler)
    try:
        for results in eng.run(_batches(iter_articles(inputs, glob, encoding), manifest, summary, seen, tick)):
            for r in results:
                if r.error:
                    summary.failed.append((r.id, f"{r.id}: {r.error}"))
                    manifest.drop(r.id)
                else:
                    manifest.put(r.id, r.key, r.graph, r.triples, r.nquads)
                    summary.built += 1
                tick()
    finally:
        eng.close()
        if bar is not None:
            bar.close()
        manifest.save()  # an interrupted build keeps what it built
    gone = [i for i in manifest.articles if i not in seen]
    if prune:
        for i in gone:
            manifest.drop(i)
        summary.pruned = len(gone)
    else:
        summary.kept = len(gone)
    manifest.collect()
    if not manifest.articles:
        reasons = "; ".join(r for _i, r in summary.failed[:3]) or "no articles in the input"
        raise KgError(f"nothing to build: {reasons}")
    ttl = _merge(manifest, out, nquads, summary)
    manifest.save()
    summary.seconds = time.perf_counter() - t0
    return ttl, summary


def build_files(inputs: list[str], out: Path, args: argparse.Namespace | None = None) -> Path:
    """`kg build`: build the inputs into out/graph.ttl, print the summary; returns its path.

    Raises KgError when any article failed (after writing the graph of the others), so the
    command exits non-zero.
    """
    opts = vars(args) if args is not None else {}
    store = opts.get("store")
    quiet = bool(opts.get("quiet"))
    ttl, summary = build_corpus(
        inputs, Path(out), workers=opts.get("workers") or 1, engine=opts.get("engine") or "local",
        scheduler=opts.get("scheduler"), glob=opts.get("glob") or "*.txt", prune=bool(opts.get("prune")),
        nquads=bool(opts.get("nquads") or store), quiet=quiet or args is None, encoding=opts.get("encoding"))
    if store:
        from kg.store import load_file  # issue 4: the exact per-article named graphs, bulk-loaded

        load_file(Path(store), Path(out) / "graph.nq")
    if args is not None:
        lines = summary.lines()
        shown = [ln for ln in lines if ln.startswith("  failed")] if quiet else lines
        if shown:
            print("\n".join(shown), file=sys.stderr)
    if summary.failed:
        raise KgError(f"{len(summary.failed)} of {summary.read} articles failed (the others were built)")
    return ttl
