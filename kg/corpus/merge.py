"""Shards -> the corpus graph: a streaming k-way merge, deterministic to the byte.

Each shard is sorted by triple, so the union of all shards is a merge of sorted streams:
memory holds one line per open shard, never the graph. Equal triples from several
articles (an entity's type and name) collapse into one, which is how the same person
or body in many articles becomes one node. The sorted, de-duplicated N-Triples are then
written as Turtle by pyoxigraph (about 50x faster than rdflib's serializer); since the
input order is fixed, the bytes are the same for the same corpus in any engine or run.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.outputs import TMP_PREFIX, atomic_path
from kg.errors import KgError
from kg.rdf import iri, shape

#: shards merged at once; more are merged in rounds (keeps open files under the OS limit)
FAN_IN = 256

_MENTION = f" <{shape.MENTION}> "
_TYPE = f" <{shape.TYPE}> "
#: the entity and fact types counted, as the shape declares them (IRI segment, class)
_ENTITY_KINDS = shape.entity_segments()
_FACT_CLASSES = {f"<{cls}> .\n": name for cls, name in shape.fact_classes().items()}


@dataclass
class MergeStats:
    """What the merged graph holds: triples, and mentions merged into entities."""

    triples: int = 0
    mentions: int = 0
    entities: dict[str, int] = field(default_factory=dict)  # kind -> distinct entities mentioned
    cross_article: int = 0  # entities mentioned in more than one article
    facts: dict[str, int] = field(default_factory=dict)  # fact type -> fact nodes
    kept: list | None = None  # with a `tee`: what it returned for the lines (not in as_dict)

    def as_dict(self) -> dict:
        return {"triples": self.triples, "mentions": self.mentions, "entities": self.entities,
                "cross_article": self.cross_article, "facts": self.facts}


def _triples(path: Path, graph: str) -> Iterator[str]:
    """The triple lines (`s p o .`) of one shard, in its sorted order."""
    suffix = f" <{graph}> .\n"
    n = len(suffix)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            yield line[:-n] + " .\n" if line.endswith(suffix) else line


def _dedup(lines: Iterable[str]) -> Iterator[str]:
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


def _merge_files(paths: list[Path]) -> Iterator[str]:
    """Merge already triple-only sorted files (the runs of a previous round)."""
    with ExitStack() as stack:
        files = [stack.enter_context(open(p, encoding="utf-8")) for p in paths]
        yield from _dedup(heapq.merge(*files))


def sorted_triples(shards: list[tuple[str, Path]], tmp: Path) -> Iterator[str]:
    """Every distinct triple line of the shards, sorted; rounds of FAN_IN shards at a time."""
    if len(shards) <= FAN_IN:
        yield from _dedup(heapq.merge(*(_triples(p, g) for g, p in shards)))
        return
    runs = []
    for i in range(0, len(shards), FAN_IN):
        run = tmp / f"run-{i // FAN_IN:05d}.nt"
        with open(run, "w", encoding="utf-8") as out:
            out.writelines(_dedup(heapq.merge(*(_triples(p, g) for g, p in shards[i:i + FAN_IN]))))
        runs.append(run)
    while len(runs) > FAN_IN:  # only for millions of articles
        merged = []
        for i in range(0, len(runs), FAN_IN):
            run = tmp / f"run-r{len(runs)}-{i // FAN_IN:05d}.nt"
            with open(run, "w", encoding="utf-8") as out:
                out.writelines(_merge_files(runs[i:i + FAN_IN]))
            merged.append(run)
        runs = merged
    yield from _merge_files(runs)


def _count(lines: Iterable[str], stats: MergeStats, tee: Callable[[str], object] | None = None) -> Iterator[str]:
    """Pass lines through, counting triples, mentions and the entities they point at, and
    the fact nodes of each declared fact type; what `tee` returns (not None) for a line is
    kept in stats.kept."""
    if tee is not None:
        stats.kept = []
        keep = stats.kept.append
    first_article: dict[str, str] = {}
    multi: set[str] = set()
    facts = dict.fromkeys(_FACT_CLASSES.values(), 0)
    for line in lines:
        stats.triples += 1
        if _MENTION in line:
            subject, _, obj = line.partition(_MENTION)
            entity = obj[:-3]  # drop " .\n"
            span = iri.parse_span(subject[1:-1])
            article = span[0] if span else subject
            stats.mentions += 1
            seen = first_article.setdefault(entity, article)
            if seen != article:
                multi.add(entity)
        elif _TYPE in line and (fact := _FACT_CLASSES.get(line.partition(_TYPE)[2])) is not None:
            facts[fact] += 1
        if tee is not None and (kept := tee(line)) is not None:
            keep(kept)
        yield line
    for entity in first_article:
        kind = _ENTITY_KINDS.get(iri.segment(entity[1:-1]) or "", "other")
        stats.entities[kind] = stats.entities.get(kind, 0) + 1
    stats.cross_article = len(multi)
    stats.facts = {k: v for k, v in facts.items() if v}


def write_nquads(shards: list[tuple[str, Path]], target: Path, merged: Path | None = None) -> None:
    """The merged triples of the shards as N-Quads, each in the graph kg.graph.dataset's
    splitter gives it (its article's, or the shared graph), lines sorted; written atomically.
    The same splitter splits graph.ttl for push and export, so all give the same graphs.
    `merged`: the shards' sorted triples already written as N-Triples (by write_turtle),
    read instead of merging the shards again."""
    from kg.graph.dataset import quad_lines

    articles = {f"<{g}>" for g, _ in shards}
    with tempfile.TemporaryDirectory(prefix=f"{TMP_PREFIX}merge.", dir=target.parent) as tmpdir, \
            atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8") as out:
        if merged is not None:
            with open(merged, encoding="utf-8") as lines:
                out.writelines(quad_lines(lines, articles))
        else:
            out.writelines(quad_lines(sorted_triples(shards, Path(tmpdir)), articles))


def write_turtle(shards: list[tuple[str, Path]], target: Path, prefixes: dict[str, str],
                 scratch: Path | None = None, tee: Callable[[str], object] | None = None,
                 nquads: Path | None = None) -> MergeStats:
    """The union of the shards' triples as Turtle at `target` (atomically); returns the
    stats, with what `tee` kept of the lines (the views' triples: no re-reading). With
    `nquads`, graph.nq too (write_nquads), from the same merge.

    The sorted N-Triples and merge runs are written in a temporary folder in `scratch`
    (default: beside the target), removed at the end."""
    import pyoxigraph as ox

    stats = MergeStats()
    target.parent.mkdir(parents=True, exist_ok=True)
    where = Path(scratch) if scratch is not None else target.parent
    where.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{TMP_PREFIX}merge.", dir=where) as tmpdir:
        tmp = Path(tmpdir)
        nt = tmp / "graph.nt"
        with open(nt, "w", encoding="utf-8") as out:
            out.writelines(_count(sorted_triples(shards, tmp), stats, tee))
        with atomic_path(target, where=tmp) as ttl:
            try:
                ox.serialize(ox.parse(path=nt, format=ox.RdfFormat.N_TRIPLES), output=ttl,
                             format=ox.RdfFormat.TURTLE, prefixes=prefixes)
            except SyntaxError as exc:  # shards are checked when built: one cached by an older kg
                raise KgError(f"the merged graph does not parse ({str(exc).splitlines()[-1]}); "
                              f"a shard in the cache is damaged: build into a new --out") from None
        if nquads is not None:
            write_nquads(shards, nquads, merged=nt)
    return stats
