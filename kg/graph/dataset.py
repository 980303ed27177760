"""Named graphs: a graph split into one graph per article and one graph of what they share.

Stores, pushes and exports all work on these graphs, and every path to them goes through
the one splitter here (`route`): a merged graph (graph.ttl), a quad file (graph.nq, TriG,
JSON-LD, whatever graphs it holds) and the build's own graph.nq (written by this splitter
from the merged stream) give the same graphs, triple for triple. The rule is by subject:

- an article's own nodes go to the graph named by the article's IRI (the subject typed
  schema:NewsArticle): the article, its spans (kg.rdf.iri.parse_span) and every node with
  kg:article <article> (its facts and goal lists, per article: kg.rdf.shape);
- every other node (people, bodies, meetings, places, roles, kinds) is described once, in
  SHARED_GRAPH: its type, name, the forms articles write it in, a meeting's date and city.
  A node that names several articles in kg:article (a fact shared by articles, written by
  an older kg or by hand) is shared too, but each kg:article and kg:evidence triple goes to
  the article it names.

So every triple lies in exactly one graph: the union of the graphs is the merged graph with
no triple repeated, and a server's union default graph (Oxigraph --union-default-graph,
Virtuoso) answers joins over shared entities as fast as a merged graph (bench/README.md).
Replacing an article's graph replaces its facts, mentions and spans and nothing else; the
shared graph is added to, never replaced, by loads and pushes (kg.graph.store, kg.graph.push),
so the descriptions other articles gave stay.

Triples here are N-Triples term strings (kg.rdf.terms); `split` and `as_triples` adapt
rdflib Graphs (a user's, the tests').
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from itertools import groupby
from operator import itemgetter

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.rdf import iri, shape
from kg.rdf.namespace import KGR, SCHEMA
from kg.rdf.terms import Triple, split_line, u

#: the graph of every node that is not one article's own (entities, roles, kinds)
SHARED_GRAPH = URIRef(KGR + "graph/shared")
SHARED = u(SHARED_GRAPH)

_TYPE, _ARTICLE_CLASS = u(RDF.type), u(SCHEMA.NewsArticle)
_ARTICLE, _EVIDENCE = u(shape.ARTICLE), u(shape.EVIDENCE)

Graphs = dict[str, list[Triple]]


def _span_article(term: str, articles: Collection[str]) -> str | None:
    """The article term a span term lies in (`<A#char=b,e>` -> `<A>`), when A is an article."""
    if not term.startswith("<"):
        return None
    span = iri.parse_span(term[1:-1])
    if span is None:
        return None
    a = f"<{span[0]}>"
    return a if a in articles else None


def route(subject: str, triples: list[Triple], articles: Collection[str]) -> Iterator[tuple[str, Triple]]:
    """The graph term of each triple of one subject (all its triples given together), in
    their order: its article's graph when the subject is one article's own, else SHARED."""
    if subject in articles:
        owner: str | None = subject
    else:
        owner = _span_article(subject, articles)
    if owner is None:
        named = {o for _, p, o in triples if p == _ARTICLE and o in articles}
        if len(named) == 1:
            owner = named.pop()
        elif named:  # a node several articles state: each article gets its own provenance
            for t in triples:
                if t[1] == _ARTICLE and t[2] in named:
                    yield t[2], t
                elif t[1] == _EVIDENCE and _span_article(t[2], named) is not None:
                    yield _span_article(t[2], named), t
                else:
                    yield SHARED, t
            return
    graph = owner or SHARED
    for t in triples:
        yield graph, t


def grouped(items: Iterable, subject: Callable = itemgetter(0)) -> Iterator[tuple]:
    """(subject, its items) of items (triples, or N-Triples lines with the subject read by
    `subject`) whose subjects come together (sorted ones)."""
    for key, group in groupby(items, subject):
        yield key, list(group)


def split_stream(triples: Iterable[Triple], articles: Collection[str]) -> Iterator[tuple[str, Triple]]:
    """(graph term, triple) of triples whose subjects come together, in their order; the
    articles (terms) are given, since a sorted stream meets an article's spans before it."""
    for subject, group in grouped(triples):
        yield from route(subject, group, articles)


_ARTICLE_BYTES = f" {_ARTICLE} ".encode()


def _line_subject(line: bytes) -> bytes:
    return line[:line.find(b" ")]


def _owner(subject: str, lines: list[bytes], articles: Collection[str]) -> str | None:
    """The one graph every line of a subject goes to (as `route` gives it), or None when
    `route` sends its lines to several (a node several articles state)."""
    n = lines[0].find(b" ")  # the subject's length in bytes
    if subject in articles:
        return subject
    if (owner := _span_article(subject, articles)) is not None:
        return owner
    named = {o for ln in lines if ln.startswith(_ARTICLE_BYTES, n)
             and (o := ln[n + len(_ARTICLE_BYTES):].rstrip().removesuffix(b" .").decode("utf-8")) in articles}
    if len(named) > 1:
        return None
    return named.pop() if named else SHARED


def quad_lines(lines: Iterable[bytes], articles: Collection[str]) -> Iterator[bytes]:
    """Sorted N-Triples lines (`s p o .`, UTF-8 bytes) as N-Quads lines in the graphs
    `split_stream` gives them, still sorted (every triple lies in one graph): how the build
    writes graph.nq from its merged stream without holding the graph. A subject's lines
    are split into terms only when they go to several graphs (`route`)."""
    for subject, group in grouped(lines, _line_subject):
        owner = _owner(subject.decode("utf-8"), group, articles)
        if owner is not None:
            end = f"{owner} .\n".encode()
            yield from (ln[:-2] + end for ln in group)  # `s p o .\n` -> `s p o <graph> .\n`
        else:
            triples = [split_line(ln.decode("utf-8")) for ln in group]
            for graph, (s, p, o) in route(subject.decode("utf-8"), triples, articles):
                yield f"{s} {p} {o} {graph} .\n".encode()


def split_triples(triples: Iterable[Triple]) -> Graphs:
    """A graph's triples as {graph IRI: its triples, sorted}: one graph per article (its
    own nodes) and SHARED_GRAPH (every node several articles use)."""
    ordered = sorted(set(triples))
    articles = {s for s, p, o in ordered if p == _TYPE and o == _ARTICLE_CLASS}
    out: dict[str, list[Triple]] = defaultdict(list)
    for graph, t in split_stream(ordered, articles):
        out[graph].append(t)
    return {g[1:-1]: out[g] for g in sorted(out)}


def is_article_graph(name: str) -> bool:
    """True for the graph of an article (not the shared graph)."""
    return name != str(SHARED_GRAPH)


# -- rdflib adapters ----------------------------------------------------------------------
def _lines(data: str) -> list[Triple]:
    # not splitlines: U+2028 may sit inside a literal
    return [split_line(ln) for ln in data.split("\n") if ln.rstrip("\r").endswith(" .")]


def graph_triples(graph: Graph) -> list[Triple]:
    """An rdflib Graph's triples as N-Triples term strings (rdflib's spelling is kg's)."""
    return _lines(graph.serialize(format="nt", encoding="utf-8").decode("utf-8"))


def as_triples(graphs: Mapping[object, Graph | Iterable[Triple]]) -> Graphs:
    """{name: rdflib Graph or term triples} as {IRI string: sorted term triples}."""
    return {str(name): sorted(set(graph_triples(g) if isinstance(g, Graph) else g)) for name, g in graphs.items()}


def article_iris(graph: Graph) -> list[URIRef]:
    """The articles of an rdflib graph (subjects typed schema:NewsArticle), sorted."""
    return sorted(s for s in graph.subjects(RDF.type, SCHEMA.NewsArticle) if isinstance(s, URIRef))


def split(graph: Graph) -> dict[URIRef, Graph]:
    """An rdflib Graph split by article (split_triples), each part an rdflib Graph."""
    out: dict[URIRef, Graph] = {}
    for name, ts in split_triples(graph_triples(graph)).items():
        part = Graph()
        if ts:
            part.parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in ts), format="nt")
        out[URIRef(name)] = part
    return out


def nquads(graphs: Mapping[object, Graph | Iterable[Triple]]) -> bytes:
    """Every graph as N-Quads, lines sorted (the spelling of graph.nq)."""
    lines = sorted({f"{s} {p} {o} <{name}> .\n" for name, ts in as_triples(graphs).items() for s, p, o in ts})
    return "".join(lines).encode("utf-8")


def named_graphs(ds) -> dict[URIRef, Graph]:
    """The named graphs of an rdflib Dataset that hold triples, by name (sorted); the default
    graph is left out."""
    out: dict[URIRef, Graph] = {}
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if isinstance(g.identifier, URIRef) and len(g) and g.identifier != ds.default_graph.identifier:
            out[g.identifier] = g
    return out
