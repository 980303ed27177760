"""Per-article named graphs: a merged graph split into one graph per article.

Stores, pushes and exports all work on articles: the graph of an article is named by the
article's IRI (the subject typed schema:NewsArticle), so that loading an article again
replaces its facts and nothing else. N-Quads and TriG files already carry those graphs
(kg.graph.files keeps them); a merged graph (kg build's graph.ttl) is split here, by the
declarations of kg.rdf.shape:

- an article's own nodes are the article, its spans (kg.rdf.iri.parse_span) and every node
  with kg:article <article> (facts, goal lists). A fact several articles state (one node
  named by its content) belongs to each of them: its kg:article and kg:evidence go to the
  article they name, its other triples to every one of its articles;
- the shared nodes (people, bodies, meetings, places, roles, kinds) an article's nodes
  link to through a declared link (kg.rdf.shape.LINKS), and those they link to in turn,
  are copied with their descriptions into every article graph that uses them, so each
  article graph is self-contained and the union of all graphs is the input.

A shared node's description in a merged file is the merge of all articles (an alternative
name read in one article shows up in every article graph that names the node), and so is
a shared fact's date: the union is exact, the per-article attribution of those is
approximate. N-Quads written per article by the build keep the exact attribution.

Triples here are N-Triples term strings (kg.rdf.terms); `split` and `as_triples` adapt
rdflib Graphs (a user's, the tests').
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.rdf import iri, shape
from kg.rdf.namespace import KGR, SCHEMA
from kg.rdf.terms import Triple, u

#: the graph that receives triples no article uses (none with kg's own mapping)
SHARED_GRAPH = URIRef(KGR + "graph/shared")

_TYPE, _ARTICLE_CLASS = u(RDF.type), u(SCHEMA.NewsArticle)
_ARTICLE, _EVIDENCE = u(shape.ARTICLE), u(shape.EVIDENCE)
_LINKS = frozenset(u(p) for p in shape.LINKS)

Graphs = dict[str, list[Triple]]


def _owners(by_subject: dict[str, list[Triple]], articles: set[str]) -> dict[str, set[str]]:
    """Node term -> the article terms it belongs to (articles, their spans, their facts)."""
    owners: dict[str, set[str]] = {a: {a} for a in articles}
    for s, ts in by_subject.items():
        mine = {o for _, p, o in ts if p == _ARTICLE and o in articles}
        if mine:
            owners.setdefault(s, set()).update(mine)
        elif s not in owners and s.startswith("<"):
            span = iri.parse_span(s[1:-1])
            if span is not None and f"<{span[0]}>" in articles:
                owners[s] = {f"<{span[0]}>"}
    return owners


def _destinations(t: Triple, own: set[str], owners: dict[str, set[str]]) -> set[str]:
    """The articles a triple of an owned node goes to: all its articles, except a shared
    fact's provenance, which goes to the article it names."""
    if len(own) == 1:
        return own
    if t[1] == _ARTICLE:
        return {t[2]} & own
    if t[1] == _EVIDENCE:
        return (owners.get(t[2]) or own) & own
    return own


def _reach(users: dict[str, set[str]], by_subject: dict[str, list[Triple]], owners: dict[str, set[str]]) -> None:
    """Shared nodes reach further shared nodes (a meeting's body and city, a person's body):
    give those the articles of the nodes linking to them."""
    todo = sorted(users)
    while todo:
        e = todo.pop()
        for _, p, o in by_subject.get(e, ()):
            if p in _LINKS and o not in owners and not users[e] <= users[o]:
                users[o] |= users[e]
                todo.append(o)


def split_triples(triples: Iterable[Triple]) -> Graphs:
    """A merged graph's triples as {article IRI: that article's triples, sorted};
    triples no article uses go to SHARED_GRAPH."""
    by_subject: dict[str, list[Triple]] = defaultdict(list)
    for t in set(triples):
        by_subject[t[0]].append(t)
    articles = {s for s, ts in by_subject.items() if (s, _TYPE, _ARTICLE_CLASS) in ts}
    owners = _owners(by_subject, articles)
    out: dict[str, set[Triple]] = {a: set() for a in articles}
    users: dict[str, set[str]] = defaultdict(set)  # shared node -> the articles linking to it
    for s, ts in by_subject.items():
        own = owners.get(s)
        if not own:
            continue
        for t in ts:
            dest = _destinations(t, own, owners)
            for a in dest:
                out[a].add(t)
            if t[1] in _LINKS and t[2] not in owners:
                users[t[2]] |= dest
    _reach(users, by_subject, owners)
    shared: set[Triple] = set()
    for s, ts in by_subject.items():
        if s in owners:
            continue
        arts = users.get(s)
        for a in arts or ():
            out[a].update(ts)
        if not arts:
            shared.update(ts)
    graphs = {a[1:-1]: sorted(out[a]) for a in sorted(articles)}
    if shared:
        graphs[str(SHARED_GRAPH)] = sorted(shared)
    return graphs


def merge_into(graphs: Graphs, more: Graphs) -> None:
    """Add the graphs of `more` into `graphs` (a graph of the same name gets the union)."""
    for name, ts in more.items():
        graphs[name] = sorted(set(graphs.get(name, ())) | set(ts))


# -- rdflib adapters ----------------------------------------------------------------------
def _lines(data: str) -> list[Triple]:
    out = []
    for line in data.split("\n"):  # not splitlines: U+2028 may sit inside a literal
        line = line.rstrip("\r")
        if line.endswith(" ."):
            s, p, o = line[:-2].split(" ", 2)
            out.append((s, p, o))
    return out


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
