"""N-Triples terms as strings, spelled exactly as rdflib's N-Triples serializer spells them.

kg writes triples as tuples of these strings (`<iri>`, `"literal"^^<type>`): the mapping's
fast path, the shards, graph.nq, and every N-Triples or N-Quads file kg exports, so that
one graph always gives the same bytes whichever way it was read or written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib.namespace import RDF, SKOS, XSD

from kg.rdf.namespace import ITSRDF, NIF, ORG, PROV, SCHEMA

Triple = tuple[str, str, str]


def u(term: object) -> str:
    """An IRI as an N-Triples term: `<iri>`."""
    return f"<{term}>"


def lit(text: str) -> str:
    """A plain string literal as an N-Triples term, escaped as rdflib's N-Triples writer does."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"'


_INTEGER = f"^^<{XSD.integer}>"
_NNI = f"^^<{XSD.nonNegativeInteger}>"
_DATE = f"^^<{XSD.date}>"
_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def integer(n: int) -> str:
    """An xsd:integer literal term."""
    return f'"{int(n)}"{_INTEGER}'


def nonneg(n: int) -> str:
    """An xsd:nonNegativeInteger literal term."""
    return f'"{int(n)}"{_NNI}'


def date(iso: str) -> str:
    """An xsd:date literal term of an ISO date string (kept as written)."""
    return lit(iso) + _DATE


def literal(value: str, datatype: str | None = None, language: str | None = None) -> str:
    """Any literal as an N-Triples term (a language tag, a datatype other than xsd:string)."""
    if language:
        return f"{lit(value)}@{language}"
    if datatype and datatype not in (_STRING, _LANG_STRING):
        return f"{lit(value)}^^<{datatype}>"
    return lit(value)


class T:
    """The vocabulary terms the mapper writes, as N-Triples strings (resolved once, not per triple)."""

    type = u(RDF.type)
    Context, Sentence, OffsetBasedString = u(NIF.Context), u(NIF.Sentence), u(NIF.OffsetBasedString)
    beginIndex, endIndex, anchorOf = u(NIF.beginIndex), u(NIF.endIndex), u(NIF.anchorOf)
    referenceContext, sentence, isString = u(NIF.referenceContext), u(NIF.sentence), u(NIF.isString)
    taIdentRef = u(ITSRDF.taIdentRef)
    altLabel, prefLabel, notation, Concept = u(SKOS.altLabel), u(SKOS.prefLabel), u(SKOS.notation), u(SKOS.Concept)
    name, headline, url, identifier = u(SCHEMA.name), u(SCHEMA.headline), u(SCHEMA.url), u(SCHEMA.identifier)
    datePublished, publisher, about = u(SCHEMA.datePublished), u(SCHEMA.publisher), u(SCHEMA.about)
    author, contributor = u(SCHEMA.author), u(SCHEMA.contributor)
    NewsArticle, NewsMediaOrganization = u(SCHEMA.NewsArticle), u(SCHEMA.NewsMediaOrganization)
    Role = u(ORG.Role)
    actedOnBehalfOf = u(PROV.actedOnBehalfOf)


_UNESCAPE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")


def _unescape(m: re.Match) -> str:
    code = m.group(1) or m.group(2)
    return chr(int(code, 16)) if code else _UNESCAPE.get(m.group(3), m.group(3))


def split_line(line: str) -> Triple:
    """An N-Triples line (`s p o .`) as its three term strings (subjects and predicates hold
    no spaces; the object is the rest)."""
    s, p, o = line.rstrip().removesuffix(" .").split(" ", 2)
    return s, p, o


def value(term: str) -> str:
    """The value of an N-Triples term: an IRI without its brackets, a literal's lexical form
    (escapes undone, datatype or language dropped), a blank node as written."""
    if term.startswith("<"):
        return term[1:-1]
    if not term.startswith('"'):
        return term
    text = term[1:term.rindex('"')]
    return _ESCAPE.sub(_unescape, text) if "\\" in text else text


def ntriples(triples_: Iterable[Triple]) -> list[str]:
    """Sorted, distinct N-Triples lines (`s p o .` and a newline): the order shards and the merge use."""
    return sorted({f"{s} {p} {o} .\n" for s, p, o in triples_})
