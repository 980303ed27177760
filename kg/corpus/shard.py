"""One article -> one N-Quads shard: the unit of work every engine runs.

The shard holds the article's facts in its own named graph (the article IRI), its lines
sorted by triple so shards merge into one sorted stream without re-sorting. Everything a
worker returns is plain data (strings, bytes, ints), cheap to pickle to a parent process
or ship back from a Dask worker.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from functools import cache

from kg.corpus.inputs import Article


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
    from kg.lexicon import lexicon
    from kg.text import tokens

    lexicon()
    tokens.word_tag("会议")
    return True


def build_shard(article: Article, tagger: str | None = None) -> ShardResult:
    """Build one article into a sorted N-Quads shard (names read with the second-opinion
    `tagger` when one is given); errors become `error`, never raise."""
    from kg.pipeline import extract
    from kg.rdf import iri
    from kg.rdf.mapping import triples
    from kg.text.document import normalise

    warm()
    try:
        doc = normalise(article.text, source=article.source, meta=article.meta)
        g = str(iri.article(doc.digest))
        # the mapper mints only IRIs and literals (no blank nodes), so shards merge by line;
        # sorted as the merge compares them: whole `s p o .` lines
        lines = sorted({f"{s} {p} {o}" for s, p, o in triples(doc, extract(doc, tagger))}, key=lambda t: t + " .\n")
        body = "".join(f"{t} <{g}> .\n" for t in lines).encode("utf-8")
        _check(body)
        return ShardResult(article.id, article.key, g, body, len(lines))
    except Exception as exc:  # one article's bug must not stop the corpus
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{exc.__class__.__name__}: {exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return ShardResult(article.id, article.key, error=reason)


def _check(nquads: bytes) -> None:
    """Parse the shard as the merge will (pyoxigraph): a term no RDF parser takes fails
    this article here, with the reason, instead of the merge of every article later."""
    import pyoxigraph as ox

    try:
        for _quad in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            pass
    except SyntaxError as exc:
        raise ValueError(f"its graph is not valid RDF: {str(exc).splitlines()[-1]}") from None


def build_batch(articles: list[Article], tagger: str | None = None) -> list[ShardResult]:
    """`build_shard` over a batch (one task per batch keeps scheduling overhead small)."""
    return [build_shard(a, tagger) for a in articles]
