"""`kg build`: inputs -> articles -> per-article shards (any engine) -> merged outputs.

1. `kg.corpus.inputs` turns folders, files, JSONL and stdin into articles;
2. articles whose content hash has a shard already are skipped (`kg.corpus.manifest`);
3. the others run through `kg.corpus.shard.build_batch` on the chosen engine (`kg.corpus.engines`);
4. the live shards are merged into OUT/graph.ttl (and OUT/graph.nq) by `kg.corpus.merge`,
   unless they are exactly those of the last merge and the files are still there;
5. the store load and the views (graph.html, analysis.md/json) are made from them, and
   all these outputs are renamed into place together (`kg.corpus.outputs.staged`).

Failures: an input that cannot be read is a `Failure` with a one-line reason. Without
`strict` the others are built and the build ends with `BuildFailed` after writing their
graph; with `strict`, or when not one input gave an article, the build stops before any
output is written. Until the outputs are committed the manifest keeps the articles of the
last committed graph (new shards stay as a cache), so a failed or interrupted build
changes nothing a later build or a reader would see.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.inputs import Article, Failure, iter_articles
from kg.corpus.manifest import Manifest
from kg.corpus.outputs import sigterm_as_interrupt, staged
from kg.errors import KgError

#: a batch closes at this many characters or articles (one task each)
BATCH_CHARS = 40_000
BATCH_ARTICLES = 32


class BuildFailed(KgError):
    """The build wrote nothing: `reasons` holds one line per failed input (naming it)."""

    def __init__(self, reasons: list[str]) -> None:
        self.reasons = list(reasons)
        super().__init__("; ".join(self.reasons) or "nothing to build")


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
        if s.get("facts"):
            out.append("  facts: " + ", ".join(f"{k} {v}" for k, v in s["facts"].items()))
        out += [f"  failed: {reason}" for _id, reason in self.failed]
        return out


_STRICT = " (--strict: stopped, outputs unchanged)"


def _batches(items: Iterator[Article | Failure], manifest: Manifest, summary: Summary,
             seen: set[str], tick, strict: bool = False) -> Iterator[list[Article]]:
    """Batches of the articles that need building; records skips and input failures
    (raises BuildFailed at the first failure when `strict`)."""
    batch: list[Article] = []
    size = 0
    for item in items:
        summary.read += 1
        if isinstance(item, Failure):
            if strict:
                raise BuildFailed([item.reason + _STRICT])
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

    # leave=False: the bar goes when the build ends, the summary or the error says the rest
    return tqdm(unit=" articles", desc="kg build", file=sys.stderr, dynamic_ncols=True, leave=False)


#: what `kg.view.writers.write_all` writes beside the graph
VIEW_FILES = ("graph.html", "analysis.md", "analysis.json")


def _view_tee(views_current: bool):
    """What the merge keeps for the views of the graph it writes (None: they are current)."""
    if views_current:
        return None
    from kg.analysis.entities import view_triple

    return view_triple


def _write_outputs(manifest: Manifest, out: Path, summary: Summary, *, nquads: bool,
                   store: Path | None, views: bool) -> Path:
    """Write what is not current of OUT/graph.ttl, graph.nq, the store and the views,
    all renamed into place together; returns the path of graph.ttl.

    Records in `manifest.merged` what the outputs now are (only once they are in place)."""
    from kg.corpus import merge
    from kg.rdf.mapping import PREFIXES

    ttl, nq = out / "graph.ttl", out / "graph.nq"
    kept = None
    fp = manifest.fingerprint("nq" if nquads else "")
    last = manifest.merged
    graph_current = last.get("fingerprint") == fp and ttl.is_file() and (nq.is_file() or not nquads)
    views_current = not views or (graph_current and bool(last.get("views"))
                                  and all((out / name).is_file() for name in VIEW_FILES))
    store_current = store is None or (graph_current and last.get("store") == str(store) and store.is_dir())
    summary.stats = last.get("stats", {}) if graph_current else {}
    if graph_current and views_current and store_current:
        return ttl
    record = dict(last) if graph_current else {"fingerprint": fp}
    with staged(out) as stage:
        ttl_now, nq_now = ttl, nq
        if not graph_current:
            shards = manifest.live_shards()
            # no prefix for kg's own resources: their local names would need backslash escapes
            prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "kgr"}
            ttl_now = stage.path("graph.ttl")
            # the views take what they read of the graph as it is merged, not by re-reading it
            stats = merge.write_turtle(shards, ttl_now, prefixes, _view_tee(views_current))
            kept = stats.kept
            if nquads:
                nq_now = stage.path("graph.nq")
                merge.write_nquads(shards, nq_now)
            summary.stats = stats.as_dict()
            summary.merged = True
            record["stats"] = summary.stats
        if store is not None and not store_current:
            from kg.graph.store import load_file  # issue 4: the exact per-article named graphs, bulk-loaded

            load_file(stage.dir(store), nq_now)  # a fresh store: exactly this graph, bulk-loaded
            record["store"] = str(store)
        if not views_current:
            from kg.view.writers import write_all

            scratch = stage.scratch()
            for path in write_all(ttl_now, scratch, kept):
                stage.adopt(path.name, path)
            record["views"] = True
    manifest.merged = record
    return ttl


def build_corpus(inputs: list[str], out: Path, *, workers: int = 1, engine: str = "local",
                 scheduler: str | None = None, glob: str | None = None, prune: bool = False,
                 nquads: bool = False, quiet: bool = True, encoding: str | None = None,
                 max_chars: int | None = None, strict: bool = False, store: Path | str | None = None,
                 views: bool = False) -> tuple[Path, Summary]:
    """Build the inputs into out/graph.ttl incrementally (and the store and views when
    asked); returns its path and the summary.

    Raises BuildFailed, with nothing written, at the first failure when `strict` and when
    no input gave an article; otherwise failures are in `summary.failed`."""
    from kg.corpus.engines import make_engine

    t0 = time.perf_counter()
    out = Path(out)
    store_path = Path(store).resolve() if store is not None else None
    manifest = Manifest.load(out)
    committed_articles = dict(manifest.articles)  # what the outputs on disk hold
    committed = False
    summary = Summary()
    seen: set[str] = set()
    bar = _progress(quiet)
    tick = bar.update if bar is not None else (lambda n=1: None)
    try:
        eng = make_engine(engine, workers, scheduler)
        try:
            items = iter_articles(inputs, glob, encoding, max_chars, exclude=out)
            for results in eng.run(_batches(items, manifest, summary, seen, tick, strict)):
                for r in results:
                    if r.error:
                        reason = f"{r.id}: {r.error}"
                        if strict:
                            raise BuildFailed([reason + _STRICT])
                        summary.failed.append((r.id, reason))
                        manifest.drop(r.id)
                    else:
                        manifest.put(r.id, r.key, r.graph, r.triples, r.nquads)
                        summary.built += 1
                    tick()
        finally:
            eng.close()
            if bar is not None:
                bar.close()
        if summary.built + summary.skipped == 0:  # not one article: a failed build, not an empty graph
            raise BuildFailed([reason for _id, reason in summary.failed])
        gone = [i for i in manifest.articles if i not in seen]
        if prune:
            for i in gone:
                manifest.drop(i)
            summary.pruned = len(gone)
        else:
            summary.kept = len(gone)
        ttl = _write_outputs(manifest, out, summary, nquads=nquads or store_path is not None,
                             store=store_path, views=views)
        committed = True
        manifest.collect()  # shards no committed article needs any more
    finally:
        if not committed:  # the outputs are the old ones: so are the articles; new shards stay as a cache
            manifest.articles = committed_articles
        if manifest.shards or manifest.state_dir.is_dir():  # a build that read nothing creates no folder
            manifest.save()
    summary.seconds = time.perf_counter() - t0
    return ttl, summary


def build_files(inputs: list[str], out: Path, args: argparse.Namespace | None = None) -> Path:
    """`kg build`: build the inputs into out/graph.ttl (with the views and the store the
    options ask for), print the summary; returns the path of graph.ttl.

    Raises BuildFailed when nothing was written (every input failed, or `--strict` and one
    did), and KgError when some articles failed after the graph of the others was written,
    so the command exits non-zero either way.
    """
    opts = vars(args) if args is not None else {}
    quiet = bool(opts.get("quiet"))
    with sigterm_as_interrupt():  # a `kill` cleans up as Ctrl-C does
        ttl, summary = build_corpus(
            inputs, Path(out), workers=opts.get("workers") or 1, engine=opts.get("engine") or "local",
            scheduler=opts.get("scheduler"), glob=opts.get("glob"), prune=bool(opts.get("prune")),
            nquads=bool(opts.get("nquads")), quiet=quiet or args is None, encoding=opts.get("encoding"),
            max_chars=opts.get("max_chars"), strict=bool(opts.get("strict")), store=opts.get("store"),
            views=args is not None and not opts.get("no_view"))
    if args is not None:
        lines = summary.lines()
        shown = [ln for ln in lines if ln.startswith("  failed")] if quiet else lines
        if shown:
            print("\n".join(shown), file=sys.stderr)
    if summary.failed:
        raise KgError(f"{len(summary.failed)} of {summary.read} articles failed (the others were built)")
    return ttl
