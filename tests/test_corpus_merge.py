"""The block merge of shards: the same lines, order and counts however it is cut.

Shards here are invented N-Quads (invented IRIs and literals), written the way
kg.corpus.shard writes them: one named graph per shard, lines sorted by triple.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kg.corpus import merge
from kg.rdf import shape

KGR = "https://w3id.org/kg-cn/id/"


def _shards(tmp: Path, n: int, seed: int = 0) -> tuple[list[tuple[str, Path]], list[bytes]]:
    """`n` shards sharing some entities, with lines of many lengths (one longer than a
    block); returns them and every distinct triple line, sorted."""
    rng = random.Random(seed)
    shards, union = [], set()
    for k in range(n):
        g = f"{KGR}article/{k:04d}"
        lines = {f"<{KGR}person/p{rng.randrange(30)}> <https://schema.org/name> \"某甲{rng.randrange(30)}\" .\n"
                 for _ in range(rng.randrange(1, 20))}
        lines |= {f"<{g}#char={i},{i + 2}> <{shape.MENTION}> <{KGR}person/p{rng.randrange(30)}> .\n"
                  for i in range(rng.randrange(0, 15))}
        lines.add(f"<{g}> <https://schema.org/text> \"{'长文' * rng.choice((1, 10, 3000))}\" .\n")
        ordered = sorted(lines)
        path = tmp / f"s{k}.nq"
        path.write_bytes("".join(t[:-2] + f"<{g}> .\n" for t in ordered).encode("utf-8"))
        shards.append((g, path))
        union |= lines
    return shards, sorted(t.encode("utf-8") for t in union)


@pytest.mark.parametrize(("fan_in", "block"), [(1024, 1 << 15), (3, 64), (2, 1 << 10), (7, 200)])
def test_the_merge_is_the_sorted_union_of_the_shards_however_cut(tmp_path, monkeypatch, fan_in, block) -> None:
    shards, union = _shards(tmp_path, 23)
    monkeypatch.setattr(merge, "FAN_IN", fan_in)
    monkeypatch.setattr(merge, "BLOCK", block)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    got = [line for b in merge.sorted_blocks(shards, scratch) for line in b]
    assert got == union
    assert list(merge.sorted_triples(shards, scratch)) == [t.decode("utf-8") for t in union]


def test_counts_are_those_of_the_distinct_lines(tmp_path, monkeypatch) -> None:
    shards, union = _shards(tmp_path, 9, seed=3)
    monkeypatch.setattr(merge, "BLOCK", 128)
    stats = merge.MergeStats()
    counter = merge._Counter(stats, lambda line: line if b"schema.org/name" in line else None)
    for block in merge.sorted_blocks(shards, tmp_path):
        counter.add(block)
    counter.done()
    mentions = [t for t in union if f" <{shape.MENTION}> ".encode() in t]
    assert stats.triples == len(union)
    assert stats.mentions == len(mentions)
    assert stats.entities == {"person": len({t.split(b" ")[2] for t in mentions})}
    assert stats.kept == [t for t in union if b"schema.org/name" in t]


def test_quad_lines_put_each_triple_in_the_graph_the_splitter_gives() -> None:
    """graph.nq's lines (from the merged bytes) are the splitter's graphs, term for term:
    an article and its spans, a fact of one article, a fact two articles state (each
    kg:article and kg:evidence to its own article), a person (shared)."""
    from kg.graph import dataset
    from kg.rdf.terms import split_line

    a, b = f"<{KGR}article/aa>", f"<{KGR}article/bb>"
    art, ev = f"<{shape.ARTICLE}>", f"<{shape.EVIDENCE}>"
    name, typ = "<https://schema.org/name>", f"<{shape.TYPE}>"
    triples = [
        (a, typ, "<https://schema.org/NewsArticle>"), (b, typ, "<https://schema.org/NewsArticle>"),
        (f"<{KGR}article/aa#char=0,3>", f"<{shape.ANCHOR}>", '"某会议"'),
        (f"<{KGR}participation/p1>", art, a), (f"<{KGR}participation/p1>", name, '"出席"'),
        (f"<{KGR}participation/p2>", art, a), (f"<{KGR}participation/p2>", art, b),
        (f"<{KGR}participation/p2>", ev, f"<{KGR}article/bb#char=4,9>"),
        (f"<{KGR}participation/p2>", ev, f"<{KGR}article/aa#char=1,2>"),
        (f"<{KGR}participation/p2>", name, '"主持"'),
        (f"<{KGR}person/x>", name, '"某乙"'),
    ]
    lines = sorted(f"{s} {p} {o} .\n" for s, p, o in triples)
    want = [f"{s} {p} {o} {g} .\n" for g, (s, p, o) in dataset.split_stream(map(split_line, lines), {a, b})]
    got = [q.decode("utf-8") for q in dataset.quad_lines([ln.encode("utf-8") for ln in lines], {a, b})]
    assert got == want
    graphs = {q.rsplit(" ", 2)[1] + "|" + q.split(" ")[0] for q in got}
    assert f"{b}|<{KGR}participation/p2>" in graphs and f"{a}|<{KGR}participation/p2>" in graphs
    assert f"<{dataset.SHARED_GRAPH}>|<{KGR}person/x>" in graphs
