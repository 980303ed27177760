"""Per-article named graphs: read a built graph file as one named graph per article.

Stores, pushes and exports all work on articles: the graph of an article is named by the
article's IRI (the subject typed schema:NewsArticle), so that loading an article again
replaces its facts and nothing else. N-Quads and TriG files already carry those graphs;
a merged Turtle graph (kg build's graph.ttl) is split here:

- an article's own nodes are the article, its spans (``<article>#char=a,b``) and every
  node with ``kg:article <article>`` (facts, goal lists);
- the shared entities those nodes point at (people, bodies, meetings, places, roles,
  kinds) are copied, with their descriptions, into every article graph that uses them,
  so each article graph is self-contained and the union of all graphs is the input.

An entity's description in a merged file is the merge of all articles (an alternative
name read in one article shows up in every article graph that names the entity): the
union is exact, the per-article attribution of entity labels is approximate. N-Quads
written per article by the build keep the exact attribution.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kg.errors import KgError
from kg.rdf.namespace import KG, KGR, SCHEMA

#: the graph that receives triples no article uses (none with kg's own mapping)
SHARED_GRAPH = URIRef(KGR + "graph/shared")

_QUAD_FORMATS = {".nq": "nquads", ".trig": "trig"}
_TRIPLE_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml"}


def article_iris(graph: Graph) -> list[URIRef]:
    """The articles of a graph (subjects typed schema:NewsArticle), sorted."""
    return sorted(s for s in graph.subjects(RDF.type, SCHEMA.NewsArticle) if isinstance(s, URIRef))


def split(graph: Graph) -> dict[URIRef, Graph]:
    """A merged graph as {article IRI: that article's graph}; unused triples go to SHARED_GRAPH."""
    articles = set(article_iris(graph))
    owner: dict[URIRef, URIRef] = {a: a for a in articles}
    for node, art in graph.subject_objects(KG.article):
        if art in articles and isinstance(node, URIRef):
            owner[node] = art
    for s in set(graph.subjects()):
        if isinstance(s, URIRef) and "#" in s:
            base = URIRef(s.split("#", 1)[0])
            if base in articles:
                owner.setdefault(s, base)

    out: dict[URIRef, Graph] = {a: Graph() for a in sorted(articles)}
    users: dict[URIRef, set[URIRef]] = defaultdict(set)
    by_subject: dict[object, list] = defaultdict(list)
    for t in graph:
        by_subject[t[0]].append(t)
    for s, triples in by_subject.items():
        art = owner.get(s)
        if art is None:
            continue
        g = out[art]
        for t in triples:
            g.add(t)
            o = t[2]
            if isinstance(o, URIRef) and o not in owner and t[1] != RDF.type:
                users[o].add(art)
    # entities reach further entities (a meeting's body and city, a person's body)
    todo = list(users)
    while todo:
        e = todo.pop()
        for t in by_subject.get(e, ()):
            o = t[2]
            if isinstance(o, URIRef) and o not in owner and t[1] != RDF.type and not users[e] <= users[o]:
                users[o] |= users[e]
                todo.append(o)
    shared = Graph()
    for s, triples in by_subject.items():
        if s in owner:
            continue
        arts = users.get(s)
        for t in triples:
            if arts:
                for a in arts:
                    out[a].add(t)
            else:
                shared.add(t)
    if len(shared):
        out[SHARED_GRAPH] = shared
    return out


def to_dataset(graphs: dict[URIRef, Graph]) -> Dataset:
    """A Dataset holding each graph under its name."""
    ds = Dataset()
    for name, g in graphs.items():
        target = ds.graph(name)
        for t in g:
            target.add(t)
    return ds


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    """The named graphs of a dataset that hold triples, by name (sorted); the default graph is left out."""
    out: dict[URIRef, Graph] = {}
    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if isinstance(g.identifier, URIRef) and len(g) and g.identifier != ds.default_graph.identifier:
            out[g.identifier] = g
    return out


def load(path: Path) -> dict[URIRef, Graph]:
    """A graph file as {graph name: graph}, one per article.

    N-Quads and TriG keep their named graphs (triples in their default graph are split by
    article); Turtle, N-Triples, JSON-LD and RDF/XML are split by article.
    """
    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no such graph file")
    suffix = path.suffix.lower()
    try:
        if suffix in _QUAD_FORMATS:
            ds = Dataset()
            ds.parse(path, format=_QUAD_FORMATS[suffix])
            graphs = named_graphs(ds)
            if len(ds.default_graph):
                merged = Graph()
                for t in ds.default_graph:
                    merged.add(t)
                for name, g in split(merged).items():
                    target = graphs.setdefault(name, Graph())
                    for t in g:
                        target.add(t)
            return graphs
        fmt = _TRIPLE_FORMATS.get(suffix, "turtle")
        g = Graph()
        g.parse(path, format=fmt)
    except KgError:
        raise
    except Exception as exc:  # rdflib raises many kinds; the user needs one line
        raise KgError(f"{path}: not a readable graph ({exc.__class__.__name__}: {str(exc)[:120]})") from exc
    return split(g)
