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
    from kg.rdf.terms import ntriples
    from kg.text.document import normalise

    warm()
    try:
        doc = normalise(article.text, source=article.source, meta=article.meta)
        g = str(iri.article(doc.digest))
        # the mapper mints only IRIs and literals (no blank nodes), so shards merge by line;
        # sorted as the merge compares them: whole `s p o .` lines (kg.rdf.terms.ntriples)
        found = triples(doc, extract(doc, tagger))
        if _terms_valid(found, f"<{g}>"):
            # every term parses and none starts or ends in white space: an IRI or a blank
            # node is never a proper prefix of another, and a literal is continued only by
            # a tag or a datatype, so the triples sort as their lines do, one line each;
            # the `s p o` strings are sorted and joined by the rest of a line, ` <g> .` and
            # its line break. As UTF-8 bytes: they sort in code point order as the text does,
            # by memcmp (a third faster than comparing str holding Chinese), and every term
            # encodes (the probe of `_terms_valid` was encoded, or an earlier one)
            keys = [" ".join(t).encode() for t in found]
            keys.sort()
            end = f" <{g}> .\n".encode()
            body = end.join(keys) + end if keys else b""
            return ShardResult(article.id, article.key, g, body, len(found))
        lines = ntriples(found)
        body = _in_graph(lines, f"<{g}>").encode("utf-8")
        _check(body)
        return ShardResult(article.id, article.key, g, body, len(lines))
    except Exception as exc:  # one article's bug must not stop the corpus
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"{exc.__class__.__name__}: {exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return ShardResult(article.id, article.key, error=reason)


def _in_graph(lines: list[str], graph: str) -> str:
    """N-Triples lines as N-Quads lines in `graph`."""
    text = "".join(lines)
    if text.count("\n") == len(lines):  # no term holds a raw line break (terms escape them)
        return text.replace(" .\n", f" {graph} .\n")
    return "".join(f"{line[:-3]} {graph} .\n" for line in lines)


#: terms a strict parse has accepted in this process, per position (subject, predicate,
#: object): whether a term parses depends on the term alone, and most recur (predicates,
#: classes, people, bodies), so each is parsed once rather than once per quad
_ACCEPTED: tuple[set[str], set[str], set[str]] = (set(), set(), set())
#: terms remembered at most (all positions): past it the memory starts again empty, so a
#: worker's memory stays bounded however large the corpus (a forgotten term is parsed again)
ACCEPTED_MAX = 200_000
#: a probe line per position, the term in it: one-line N-Triples of fixed neighbours
_PROBES = ("{} <urn:p> <urn:o> .\n", "<urn:s> {} <urn:o> .\n", "<urn:s> <urn:p> {} .\n")


def _terms_valid(found: set[tuple[str, str, str]], graph: str) -> bool:
    """True when every term of the shard parses in its position (the graph name, an IRI
    like a subject, with the subjects) and has no white space around it: then `_check`
    would pass, and need not parse every quad. False means "not shown": the lines are
    built and sorted as strings, and `_check` decides (and words the error)."""
    import pyoxigraph as ox

    columns = [{t[k] for t in found} - seen for k, seen in enumerate(_ACCEPTED)]
    columns[0].add(graph)
    columns[0] -= _ACCEPTED[0]
    lines = [probe.format(t) for probe, column in zip(_PROBES, columns, strict=True) for t in column]
    probe = "".join(lines)
    # a line break inside a term would make the probe another document than the shard;
    # white space around a term would parse, but change how its line sorts
    if probe.count("\n") != len(lines) or "\r" in probe or any(t != t.strip() for c in columns for t in c):
        return False
    try:
        for _triple in ox.parse(probe.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
            pass
    except SyntaxError:
        return False
    if sum(map(len, _ACCEPTED)) + sum(map(len, columns)) > ACCEPTED_MAX:
        for seen in _ACCEPTED:
            seen.clear()
    for seen, column in zip(_ACCEPTED, columns, strict=True):
        seen |= column
    return True


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
