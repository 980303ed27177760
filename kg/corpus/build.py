"""`kg build`: inputs -> articles -> per-article shards (any engine) -> merged outputs.

1. `kg.corpus.inputs` turns folders, files, JSONL and stdin into articles;
2. articles whose content hash has a shard already are skipped (`kg.corpus.manifest`);
3. the others run through `kg.corpus.shard.build_batch` on the chosen engine (`kg.corpus.engines`);
4. the live shards are merged into graph.ttl (and graph.nq) by `kg.corpus.merge`,
   unless they are exactly those of the last merge;
5. the store is loaded and the output writers the build was given (the page, the
   analysis) write beside the graph, all into a new generation of the output folder,
   which then replaces the current one in one step (`kg.corpus.generations`).

The output folder is locked for the whole build: a second build into it is refused.

Failures: an input that cannot be read is a `Failure` with a one-line reason. Without
`strict` the others are built and the build ends with `BuildFailed` after writing their
graph; with `strict`, or when not one input gave an article, the build stops before any
output is written. A file system error (a full disk, a read-only folder) is one KgError
line. Until the outputs are switched the manifest keeps the articles of the last
committed graph (new shards stay as a cache), so a failed or interrupted build changes
nothing a later build or a reader would see.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.generations import OutputFolder
from kg.corpus.inputs import Article, Failure, iter_articles
from kg.corpus.manifest import Manifest
from kg.corpus.outputs import OutputWriter, remove, sigterm_as_interrupt
from kg.corpus.publish import GRAPH, publish
from kg.errors import KgError
from kg.text.reading import show

#: a batch closes at this many characters or articles (one task each)
BATCH_CHARS = 40_000
BATCH_ARTICLES = 32


@dataclass(frozen=True)
class BuildOptions:
    """What `kg build` is asked to do besides its inputs and output folder.

    `writers` write beside the graph (the CLI gives the page and the analysis unless
    --no-view); `on_stage` is called with the name of each point the build reaches
    ("batch" after each batch of articles, "shards", "merged", "written", "switch",
    "switched", "done"), for progress and for tests that stop a build at a known point."""

    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    glob: str | None = None
    prune: bool = False
    nquads: bool = False
    quiet: bool = True
    encoding: str | None = None
    max_chars: int | None = None
    strict: bool = False
    store: Path | None = None
    writers: tuple[OutputWriter, ...] = ()
    tagger: str | None = None  # a second opinion on names (kg.extract.second_opinion.TAGGERS)
    on_stage: Callable[[str], None] | None = None


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


def _collect(manifest: Manifest, opts: BuildOptions, inputs: list[str], out: Path,
             summary: Summary, seen: set[str], stage: Callable[[str], None]) -> None:
    """Build the articles that need it into shards (recorded in the manifest)."""
    from kg.corpus.engines import make_engine

    bar = _progress(opts.quiet)
    tick = bar.update if bar is not None else (lambda n=1: None)
    eng = make_engine(opts.engine, opts.workers, opts.scheduler, opts.tagger)
    try:
        items = iter_articles(inputs, opts.glob, opts.encoding, opts.max_chars, exclude=out)
        for results in eng.run(_batches(items, manifest, summary, seen, tick, opts.strict)):
            for r in results:
                if r.error:
                    reason = f"{r.id}: {r.error}"
                    if opts.strict:
                        raise BuildFailed([reason + _STRICT])
                    summary.failed.append((r.id, reason))
                    manifest.drop(r.id)
                else:
                    manifest.put(r.id, r.key, r.graph, r.triples, r.nquads)
                    summary.built += 1
                tick()
            stage("batch")
    finally:
        eng.close()
        if bar is not None:
            bar.close()


def _build_locked(inputs: list[str], folder: OutputFolder, opts: BuildOptions, store: Path | None,
                  summary: Summary) -> None:
    stage = opts.on_stage or (lambda name: None)
    manifest = Manifest.load(folder.root, opts.tagger)
    committed_articles = dict(manifest.articles)  # what the outputs on disk hold
    committed = False
    seen: set[str] = set()
    try:
        _collect(manifest, opts, inputs, folder.root, summary, seen, stage)
        stage("shards")
        if summary.built + summary.skipped == 0:  # not one article: a failed build, not an empty graph
            raise BuildFailed([reason for _id, reason in summary.failed])
        gone = [i for i in manifest.articles if i not in seen]
        if opts.prune:
            for i in gone:
                manifest.drop(i)
            summary.pruned = len(gone)
        else:
            summary.kept = len(gone)
        publish(manifest, folder, summary, opts, store, stage)
        committed = True
        stage("switched")
        manifest.collect()  # shards no committed article needs any more
    finally:
        if not committed:  # the outputs are the old ones: so are the articles; new shards stay as a cache
            manifest.articles = committed_articles
        if manifest.shards or manifest.merged:
            try:
                manifest.save()
            except OSError:
                if committed:
                    raise  # the outputs are new: the record of them must not silently stay old
                # a failed build (a full disk): the error that stopped it is the one to tell


def _write_error(out: Path, exc: OSError) -> KgError:
    """One line for a file system error while building into `out`."""
    what = exc.strerror or exc.__class__.__name__
    where = f" ({show(exc.filename)})" if exc.filename else ""
    return KgError(f"{show(out)}: cannot write: {what}{where}; the previous outputs are unchanged")


def build_corpus(inputs: list[str], out: Path | str, options: BuildOptions | None = None) -> tuple[Path, Summary]:
    """Build the inputs into OUT/graph.ttl incrementally (with the store and the writers'
    outputs the options ask for); returns its path and the summary.

    Raises BuildFailed, with nothing written, at the first failure when `strict` and when
    no input gave an article; otherwise failures are in `summary.failed`. A file system
    error is a KgError naming what could not be written."""
    opts = options or BuildOptions()
    t0 = time.perf_counter()
    folder = OutputFolder(out)
    store = None
    if opts.store is not None:  # absolute, but not resolved: after the first build it is a link
        store = Path(opts.store).absolute().parent.resolve() / Path(opts.store).name
    created = not folder.root.exists() and not folder.root.is_symlink()
    summary = Summary()
    try:
        with folder.lock():
            try:
                folder.clean(store)
                _build_locked(inputs, folder, opts, store, summary)
                (opts.on_stage or (lambda name: None))("done")
            finally:  # under the lock: never the folder another build has just made
                if created and not (folder.state / "manifest.json").exists():
                    remove(folder.root)  # a build that wrote nothing leaves no folder behind
    except OSError as exc:
        raise _write_error(folder.root, exc) from None
    summary.seconds = time.perf_counter() - t0
    return folder.root / GRAPH, summary


def build_files(inputs: list[str], out: Path, options: BuildOptions, *, report: bool = True) -> Path:
    """`kg build`: build the inputs into out/graph.ttl (with the outputs the options ask
    for), print the summary when `report`; returns the path of graph.ttl.

    Raises BuildFailed when nothing was written (every input failed, or `--strict` and one
    did), and KgError when some articles failed after the graph of the others was written,
    so the command exits non-zero either way.
    """
    with sigterm_as_interrupt():  # a `kill` cleans up as Ctrl-C does
        ttl, summary = build_corpus(inputs, Path(out), options)
    if report:
        lines = summary.lines()
        shown = [ln for ln in lines if ln.startswith("  failed")] if options.quiet else lines
        if shown:
            print("\n".join(shown), file=sys.stderr)
    if summary.failed:
        raise KgError(f"{len(summary.failed)} of {summary.read} articles failed (the others were built)")
    return ttl
