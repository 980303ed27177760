"""One article -> one N-Quads shard: the unit of work every engine runs.

The shard holds the article's facts in its own named graph (the article IRI), its lines
sorted by triple so shards merge into one sorted stream without re-sorting. Everything a
worker returns is plain data (strings, bytes, ints), cheap to pickle to a parent process
or ship back from a Dask worker.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from functools import cache

from kg.inputs import Article

#: a blank node as subject (line start) or object (after the predicate IRI, before " .")
_BNODE = re.compile(r"^_:|> _:[^\s\"<>]+ \.$", re.MULTILINE)


@dataclass
class ShardResult:
    """What building one article gave: its shard, or the reason it failed."""

    id: str
    key: str  # Article.key: content hash of text, source and meta
    graph: str = ""  # the article IRI, the shard's named graph
    nquads: bytes = b""
    triples: int = 0
    error: str | None = None


@cache
def warm() -> bool:
    """Load jieba, its tag table and the lexicon once per process; returns True."""
    from kg import tokens
    from kg.lexicon import lexicon

    lexicon()
    tokens.word_tag("会议")
    return True


def build_shard(article: Article) -> ShardResult:
    """Build one article into a sorted N-Quads shard; errors become `error`, never raise."""
    from kg.pipeline import build_article
    from kg.rdf import iri

    warm()
    try:
        doc, _facts, graph = build_article(article.text, source=article.source, meta=dict(article.meta))
        g = str(iri.article(doc.digest))
        nt = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
        if _BNODE.search(nt):  # labels are per-process: such triples would not merge or repeat
            raise ValueError("the article's graph has blank nodes; shards need IRIs to merge")
        # sorted as the merge compares them: whole `s p o .` lines
        triples = sorted({ln[:-2] for ln in nt.splitlines() if ln.endswith(" .")}, key=lambda t: t + " .\n")
        body = "".join(f"{t} <{g}> .\n" for t in triples)
        return ShardResult(article.id, article.key, g, body.encode("utf-8"), len(triples))
    except Exception as exc:  # one article's bug must not stop the corpus
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{exc.__class__.__name__}: {exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return ShardResult(article.id, article.key, error=reason)


def build_batch(articles: list[Article]) -> list[ShardResult]:
    """`build_shard` over a batch (one task per batch keeps scheduling overhead small)."""
    return [build_shard(a) for a in articles]
