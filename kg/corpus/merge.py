"""Shards -> the corpus graph: a streaming k-way merge, deterministic to the byte.

Each shard is sorted by triple, so the union of all shards is a merge of sorted streams.
The merge works on blocks, not lines: each shard is read BLOCK bytes at a time, and each
round takes from every open block the lines up to the least of their last lines (all
lines that can come before anything still unread) and sorts them at once (sort and
de-duplication in C: a Python step per line costs more than everything else the merge
does). Memory holds one block per open shard, never the graph. Lines are bytes: UTF-8
sorts as the text's code points do, so the order is the text's, with no decoding.

Equal triples from several articles (an entity's type and name) collapse into one, which
is how the same person or body in many articles becomes one node. The sorted,
de-duplicated N-Triples are then written as Turtle by pyoxigraph (about 50x faster than
rdflib's serializer); since the input order is fixed, the bytes are the same for the same
corpus in any engine or run.
"""

from __future__ import annotations

import heapq
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.corpus.outputs import TMP_PREFIX, atomic_path
from kg.errors import KgError
from kg.rdf import iri, shape

#: shards merged at once (memory holds a block of each); more are merged in rounds
FAN_IN = 1024
#: bytes read from a shard or run at a time
BLOCK = 1 << 15

Block = list[bytes]

_MENTION = f" <{shape.MENTION}> ".encode()
_TYPE = f" <{shape.TYPE}> ".encode()
#: the entity and fact types counted, as the shape declares them (IRI segment, class)
_ENTITY_KINDS = shape.entity_segments()
_FACT_CLASSES = {f"<{cls}> .\n".encode(): name for cls, name in shape.fact_classes().items()}


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


def _read(path: Path, offset: int) -> bytes:
    """The whole lines of `path` from `offset` on, about BLOCK bytes (more when one line is
    longer; the last line may lack its newline). The file is opened for this read alone,
    so a merge of many sources holds no file open."""
    with open(path, "rb") as fh:
        fh.seek(offset)
        data = fh.read(BLOCK)
        while (cut := data.rfind(b"\n") + 1) == 0 and (more := fh.read(BLOCK)):
            data += more
    return data[:cut] if cut else data


def _blocks(path: Path, graph: str | None = None) -> Iterator[Block]:
    """The triple lines (`s p o .`) of a shard (its `graph` dropped) or of a run, in its
    sorted order, about BLOCK bytes at a time."""
    suffix = f" <{graph}> .\n".encode() if graph is not None else None
    offset = 0
    while data := _read(path, offset):
        offset += len(data)
        if suffix is not None:
            data = data.replace(suffix, b" .\n")  # a line end: no literal holds a raw newline
        yield data.splitlines(keepends=True)


def _merge_blocks(sources: list[Iterator[Block]]) -> Iterator[Block]:
    """Sorted blocks of distinct lines whose concatenation is the merge of the sources
    (each a stream of sorted blocks, sorted as a whole), de-duplicated.

    Each round, the least last line of the sources' current blocks is the frontier: nothing
    unread sorts before it, so every line up to it goes out, sorted at once. Two heaps (each
    source's next line, each source's last line) visit only the sources that give lines."""
    firsts: list[tuple[bytes, int, list]] = []  # (next line, source number, [block, position, source])
    lasts: list[tuple[bytes, int]] = []  # (last line of the current block, source number)
    for n, src in enumerate(sources):
        if (block := next(src, None)) is not None:
            firsts.append((block[0], n, [block, 0, src]))
            lasts.append((block[-1], n))
    heapq.heapify(firsts)
    heapq.heapify(lasts)
    last = None
    while lasts:
        frontier = lasts[0][0]
        while lasts and lasts[0][0] <= frontier:  # these blocks are taken whole this round
            heapq.heappop(lasts)
        out: Block = []
        while firsts and firsts[0][0] <= frontier:
            _, n, item = heapq.heappop(firsts)
            block, pos, src = item
            end = bisect_right(block, frontier, pos)
            out += block[pos:end]
            if end == len(block):
                if (block := next(src, None)) is None:
                    continue
                item[0], end = block, 0
                heapq.heappush(lasts, (block[-1], n))
            item[1] = end
            heapq.heappush(firsts, (block[end], n, item))
        out.sort()
        lines = list(dict.fromkeys(out))  # sorted: equal lines are neighbours
        if lines and lines[0] == last:
            del lines[0]
        if lines:
            last = lines[-1]
            yield lines


def _write_run(path: Path, blocks: Iterable[Block]) -> Path:
    with open(path, "wb") as out:
        for block in blocks:
            out.writelines(block)
    return path


def sorted_blocks(shards: list[tuple[str, Path]], tmp: Path) -> Iterator[Block]:
    """Every distinct triple line of the shards, sorted, in blocks; rounds of FAN_IN
    shards at a time."""
    if len(shards) <= FAN_IN:
        yield from _merge_blocks([_blocks(p, g) for g, p in shards])
        return
    runs = [_write_run(tmp / f"run-{i // FAN_IN:05d}.nt", _merge_blocks([_blocks(p, g) for g, p in shards[i:i + FAN_IN]]))
            for i in range(0, len(shards), FAN_IN)]
    while len(runs) > FAN_IN:  # only for millions of articles
        runs = [_write_run(tmp / f"run-r{len(runs)}-{i // FAN_IN:05d}.nt", _merge_blocks(list(map(_blocks, runs[i:i + FAN_IN]))))
                for i in range(0, len(runs), FAN_IN)]
    yield from _merge_blocks(list(map(_blocks, runs)))


def sorted_triples(shards: list[tuple[str, Path]], tmp: Path) -> Iterator[str]:
    """Every distinct triple line of the shards, sorted, as text."""
    for block in sorted_blocks(shards, tmp):
        yield from (line.decode("utf-8") for line in block)


class _Counter:
    """Counts triples, mentions and the entities they point at, and the fact nodes of each
    declared fact type, a block of lines at a time; what `tee` returns (not None) for a
    line is kept."""

    def __init__(self, stats: MergeStats, tee: Callable[[bytes], object] | None) -> None:
        self.stats, self.tee = stats, tee
        if tee is not None:
            stats.kept = []
        self.first_article: dict[bytes, str] = {}
        self.multi: set[bytes] = set()
        self.facts = dict.fromkeys(_FACT_CLASSES.values(), 0)

    def add(self, block: Block) -> None:
        stats = self.stats
        stats.triples += len(block)
        first_article, multi = self.first_article, self.multi
        # the predicate follows the subject's IRI (no spaces in it): read there, not searched for
        for line in [ln for ln in block if ln.startswith(_MENTION, ln.find(b" "))]:
            subject, _, obj = line.partition(_MENTION)
            entity = obj[:-3]  # drop " .\n"
            span = iri.parse_span(subject[1:-1].decode("utf-8"))
            article = span[0] if span else subject.decode("utf-8")
            stats.mentions += 1
            seen = first_article.setdefault(entity, article)
            if seen != article:
                multi.add(entity)
        for line in [ln for ln in block if ln.startswith(_TYPE, ln.find(b" "))]:
            if (fact := _FACT_CLASSES.get(line.partition(_TYPE)[2])) is not None:
                self.facts[fact] += 1
        if self.tee is not None:
            tee = self.tee
            stats.kept.extend([kept for ln in block if (kept := tee(ln)) is not None])

    def done(self) -> None:
        stats = self.stats
        for entity in self.first_article:
            kind = _ENTITY_KINDS.get(iri.segment(entity[1:-1].decode("utf-8")) or "", "other")
            stats.entities[kind] = stats.entities.get(kind, 0) + 1
        stats.cross_article = len(self.multi)
        stats.facts = {k: v for k, v in self.facts.items() if v}


def _count(lines: Iterable[str | bytes], stats: MergeStats, tee: Callable[[bytes], object] | None = None) -> Iterator[str | bytes]:
    """Pass lines through, counted into `stats` (as the merge counts its blocks)."""
    counter = _Counter(stats, tee)
    for line in lines:
        counter.add([line.encode("utf-8") if isinstance(line, str) else line])
        yield line
    counter.done()


def write_nquads(shards: list[tuple[str, Path]], target: Path, merged: Path | None = None) -> None:
    """The merged triples of the shards as N-Quads, each in the graph kg.graph.dataset's
    splitter gives it (its article's, or the shared graph), lines sorted; written atomically.
    The same splitter splits graph.ttl for push and export, so all give the same graphs.
    `merged`: the shards' sorted triples already written as N-Triples (by write_turtle),
    read instead of merging the shards again."""
    from kg.graph.dataset import quad_lines

    articles = {f"<{g}>" for g, _ in shards}
    with tempfile.TemporaryDirectory(prefix=f"{TMP_PREFIX}merge.", dir=target.parent) as tmpdir, \
            atomic_path(target) as tmp, open(tmp, "wb") as out:
        if merged is not None:
            with open(merged, "rb") as lines:
                out.writelines(quad_lines(lines, articles))
        else:
            out.writelines(quad_lines((ln for b in sorted_blocks(shards, Path(tmpdir)) for ln in b), articles))


def write_turtle(shards: list[tuple[str, Path]], target: Path, prefixes: dict[str, str],
                 scratch: Path | None = None, tee: Callable[[bytes], object] | None = None,
                 nquads: Path | None = None) -> MergeStats:
    """The union of the shards' triples as Turtle at `target` (atomically); returns the
    stats, with what `tee` (given each N-Triples line as UTF-8 bytes) kept of the lines
    (the views' triples: no re-reading). With `nquads`, graph.nq too (write_nquads), from
    the same merge.

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
        counter = _Counter(stats, tee)
        with open(nt, "wb") as out:
            for block in sorted_blocks(shards, tmp):
                counter.add(block)
                out.writelines(block)
        counter.done()
        with atomic_path(target, where=tmp) as ttl:
            try:
                # lenient: every line is a shard's, which was parsed strictly when built
                # (kg.corpus.shard); syntax is still checked, terms are not validated again
                ox.serialize(ox.parse(path=nt, format=ox.RdfFormat.N_TRIPLES, lenient=True), output=ttl,
                             format=ox.RdfFormat.TURTLE, prefixes=prefixes)
            except SyntaxError as exc:  # shards are checked when built: one cached by an older kg
                raise KgError(f"the merged graph does not parse ({str(exc).splitlines()[-1]}); "
                              f"a shard in the cache is damaged: build into a new --out") from None
        if nquads is not None:
            write_nquads(shards, nquads, merged=nt)
    return stats
