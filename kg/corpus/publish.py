"""The outputs of a build: which are current, and the generation that renews the others.

Given the manifest (the live shards and the record of the last outputs) and the build's
options, `publish` leaves the output folder alone when every output is current; else it
writes a new generation (`kg.corpus.generations`): graph.ttl merged from the shards (or
carried over when the shards are those of the last merge), graph.nq when asked for, the
store, and each output writer's files, then switches it in, and records in the manifest
what the outputs now are.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kg.corpus.generations import STORE, Generation, OutputFolder
from kg.corpus.manifest import Manifest

if TYPE_CHECKING:
    from kg.corpus.build import BuildOptions, Summary

GRAPH, NQUADS = "graph.ttl", "graph.nq"
#: what the views of a kg before output writers wrote (a manifest saying "views": true)
_OLD_VIEW_FILES = ("graph.html", "analysis.md", "analysis.json")


class _Outputs:
    """Which outputs of the output folder are current, and the generation that renews the rest."""

    def __init__(self, manifest: Manifest, folder: OutputFolder, opts: BuildOptions, store: Path | None) -> None:
        self.manifest, self.folder, self.opts, self.store = manifest, folder, opts, store
        self.nquads = opts.nquads or store is not None  # the store is bulk-loaded from graph.nq
        self.fp = manifest.fingerprint()
        last = manifest.merged
        self.last_store = last.get("store")
        self.last_writers: dict[str, list[str]] = dict(last.get("writers", {}))
        if last.get("views"):  # written by a kg before output writers
            self.last_writers.setdefault("views", list(_OLD_VIEW_FILES))
        self.graph = last.get("fingerprint") == self.fp and self._has(GRAPH)
        # graph.nq is there exactly when asked for (never an old one beside a new graph)
        self.nq = self._has(NQUADS) == self.nquads and (self.graph or not self.nquads)
        self.writers = {w.name: self.graph and w.name in self.last_writers and all(map(self._has, w.files))
                        for w in opts.writers}
        self.store_ok = store is None or (self.graph and self.last_store == str(store) and self._has(STORE))
        self.kept: tuple[Callable[[str], object], list] | None = None  # (tee, what it kept) of this merge

    def _has(self, name: str) -> bool:
        return self.folder.existing(name) is not None

    def current(self) -> bool:
        return self.graph and self.nq and all(self.writers.values()) and self.store_ok

    def names(self) -> list[str]:
        """Every output name a build of this folder may have shown (to remove the stale)."""
        names = [GRAPH, NQUADS]
        for files in [*self.last_writers.values(), *(w.files for w in self.opts.writers)]:
            names += [f for f in files if f not in names]
        return names

    def store_link(self) -> Path | None:
        """The --store folder to show the generation's store at."""
        if self.store is not None:
            return self.store
        return Path(self.last_store) if self.last_store else None

    def _graph(self, gen: Generation, summary: Summary) -> dict:
        from kg.corpus import merge

        shards = self.manifest.live_shards()
        if self.graph:
            gen.carry(GRAPH)
            summary.stats = self.manifest.merged.get("stats", {})
        else:
            from kg.rdf.mapping import PREFIXES

            # no prefix for kg's own resources: their local names would need backslash escapes
            prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "kgr"}
            # the writers take what they read of the graph as it is merged, not by re-reading it
            tees = {w.tee for w in self.opts.writers if w.tee is not None and not self.writers[w.name]}
            tee = tees.pop() if len(tees) == 1 else None
            nq = gen.path(NQUADS) if self.nquads else None  # from the same merge, not a second one
            stats = merge.write_turtle(shards, gen.path(GRAPH), prefixes, scratch=self.folder.tmp, tee=tee, nquads=nq)
            self.kept = (tee, stats.kept) if tee is not None else None
            summary.stats = stats.as_dict()
            summary.merged = True
        if self.nquads and self.graph and not gen.carry(NQUADS):
            merge.write_nquads(shards, gen.path(NQUADS))
        return {"fingerprint": self.fp, "stats": summary.stats, "writers": {}}

    def write(self, gen: Generation, summary: Summary, stage: Callable[[str], None]) -> dict:
        """Write or carry every output into `gen`; returns the manifest's new record."""
        record = self._graph(gen, summary)
        stage("merged")
        if self.store is not None:
            if self.store_ok:
                gen.carry(STORE)
            else:
                from kg.graph.store import load_file  # the exact per-article named graphs, bulk-loaded

                load_file(gen.path(STORE), gen.path(NQUADS))
            record["store"] = str(self.store)
        elif self.last_store and gen.carry(STORE):  # not asked for this time: kept as it was
            record["store" if self.graph else "stale_store"] = self.last_store
        for w in self.opts.writers:
            if self.writers[w.name]:
                for f in w.files:
                    gen.carry(f)
            elif w.tee is not None:
                kept = self.kept[1] if self.kept is not None and self.kept[0] is w.tee else None
                w.write(gen.path(GRAPH), gen.dir, kept)
            else:
                w.write(gen.path(GRAPH), gen.dir)
            record["writers"][w.name] = list(w.files)
        if self.graph:  # outputs of writers not given this time still describe this graph
            for name, files in self.last_writers.items():
                if name not in record["writers"] and all(gen.carry(f) for f in files):
                    record["writers"][name] = files
        stage("written")
        return record


def publish(manifest: Manifest, folder: OutputFolder, summary: Summary, opts: BuildOptions,
                   store: Path | None, stage: Callable[[str], None]) -> None:
    """Bring the output folder up to date: nothing when every output is current, else a
    new generation switched in; records in `manifest.merged` what the outputs now are."""
    # What the build holds so far (lexicons, tables, caches) lives on, and the merge and the
    # views allocate hundreds of thousands of objects: frozen, the collector's full passes
    # skip it (they took ~0.25 s of this stage's 2.3 s CPU on the 264-article corpus).
    gc.freeze()
    try:
        _publish(manifest, folder, summary, opts, store, stage)
    finally:
        gc.unfreeze()


def _publish(manifest: Manifest, folder: OutputFolder, summary: Summary, opts: BuildOptions,
             store: Path | None, stage: Callable[[str], None]) -> None:
    outs = _Outputs(manifest, folder, opts, store)
    if outs.current():
        summary.stats = manifest.merged.get("stats", {})
        folder.show(outs.names(), outs.store_link())  # links a user removed come back
        return
    gen = folder.begin()
    try:
        record = outs.write(gen, summary, stage)
        stage("switch")
        folder.switch(gen, outs.names(), outs.store_link())
    except BaseException:
        folder.abort(gen)
        raise
    manifest.merged = record
