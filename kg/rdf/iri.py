"""Minting IRIs: the one place where kg decides what a resource is called.

Entity IRIs derive from canonical content (a person's name, a body's full name), so the
same person, body or meeting gets the same IRI in every article and every run. Homonyms
(two officials of one name) therefore share a node: a documented limit.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import URIRef

from kg.rdf.namespace import KGR

#: ASCII a path segment holds literally (RFC 3987 iunreserved, sub-delims, ":" and "@");
#: everything else ASCII, "/", "%", "#", "?", "[", "]" and white space among them, is %-escaped
_SAFE_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@")
#: RFC 3987 ucschar: the non-ASCII code points an IRI may hold literally (plane 14 from
#: U+E1000 only: its language tags and variation selectors are not ucschar)
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF), *((p << 16, (p << 16) + 0xFFFD) for p in range(1, 14)),
            (0xE1000, 0xEFFFD))


def _literal(ch: str) -> bool:
    """True when `ch` may stand as itself in a minted IRI: safe ASCII, or a printable,
    non-space character an IRI allows (Chinese stays readable)."""
    if ch in _SAFE_ASCII:
        return True
    c = ord(ch)
    return c > 0x7F and ch.isprintable() and not ch.isspace() and any(a <= c <= b for a, b in _UCSCHAR)


@lru_cache(maxsize=1 << 16)  # names recur in every article: escape each once per process
def _segment(text: str) -> str:
    """Text as one IRI path segment: Chinese kept readable, anything else %-escaped (as
    UTF-8), so whatever an article holds, the IRI is valid."""
    return "".join(ch if _literal(ch) else quote(ch, safe="") for ch in text)


_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _escaped(text: str, keep: str) -> str:
    """`text` with every character an IRI part may not hold %-escaped; `keep` are the
    delimiters of the part, and an existing %XX escape stays as it is."""
    out = []
    for i, ch in enumerate(text):
        if ch == "%":
            out.append("%" if _ESCAPE.match(text, i) else "%25")
        elif ch in keep or _literal(ch):
            out.append(ch)
        else:
            out.append(quote(ch, safe=""))
    return "".join(out)


def external(url: str) -> str:
    """A URL given as metadata as an IRI: characters an IRI may not hold literally are
    %-escaped ("[" and "]" kept only around an IPv6 host); ValueError when it is no
    absolute IRI (checked by the parser the merge uses)."""
    import pyoxigraph as ox

    parts = urlsplit(url.strip())
    text = urlunsplit((parts.scheme, _escaped(parts.netloc, "[]"), _escaped(parts.path, "/"),
                       _escaped(parts.query, "/?"), _escaped(parts.fragment, "/?#")))
    try:
        ox.NamedNode(text)
    except ValueError as exc:
        raise ValueError(f"{url!r} is not an absolute URL ({exc})") from None
    return text


def digest(*parts: object, n: int = 16) -> str:
    """A short stable hash of the parts."""
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:n]


def person(name: str) -> URIRef:
    return KGR[f"person/{_segment(name)}"]


def organization(name: str) -> URIRef:
    return KGR[f"org/{_segment(name)}"]


def meeting(name: str, date: str | None = None, article: str | None = None) -> URIRef:
    """A meeting by canonical name; one sitting of a recurring meeting also by its date, or
    by the content hash of the one article that reports it when no date is known."""
    if date:
        return KGR[f"meeting/{_segment(name)}/{_segment(date)}"]
    if article:
        return KGR[f"meeting/{_segment(name)}/article-{article[:16]}"]
    return KGR[f"meeting/{_segment(name)}"]


def place(name: str) -> URIRef:
    return KGR[f"place/{_segment(name)}"]


def role(title: str) -> URIRef:
    return KGR[f"role/{_segment(title)}"]


def article(content_hash: str) -> URIRef:
    return KGR[f"article/{content_hash[:16]}"]


def span_term(article_iri: str, begin: int, end: int) -> str:
    """A span of an article's original text as an N-Triples term (`<...#char=a,b>`), RFC 5147
    style as NIF uses it."""
    return f"<{article_iri}#char={begin},{end}>"


_SPAN = re.compile(r"(.*)#char=(\d+),(\d+)")


def parse_span(span_iri: str) -> tuple[str, int, int] | None:
    """(article IRI, begin, end) of a span IRI minted by `span_term`; None for any other IRI."""
    m = _SPAN.fullmatch(span_iri)
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def segment(resource: str) -> str | None:
    """What kg minted `resource` as: the first path segment after KGR (person, org, meeting,
    place, role, article, a fact type's name, ...); None for an IRI kg does not mint."""
    if not resource.startswith(KGR):
        return None
    head = resource[len(KGR):].split("/", 1)
    return head[0] if len(head) == 2 and head[0] else None


def fact(kind: str, *parts: object) -> URIRef:
    """A fact node (participation, membership, report, ...) from its defining content."""
    return KGR[fact_path(kind, *parts)]


def fact_path(kind: str, *parts: object) -> str:
    """The path of `fact`'s IRI after KGR (the mapper writes thousands as N-Triples terms
    with no URIRef made: kg.rdf.mapping)."""
    return f"{kind}/{digest(kind, *parts)}"


def numbered(kind: str, article_hash: str, *numbers: int) -> URIRef:
    """A node named by its article and its position in it (a goal: list, ordinal)."""
    return KGR[numbered_path(kind, article_hash, *numbers)]


def numbered_path(kind: str, article_hash: str, *numbers: int) -> str:
    """The path of `numbered`'s IRI after KGR."""
    return f"{kind}/{article_hash[:16]}-" + "-".join(str(n) for n in numbers)

