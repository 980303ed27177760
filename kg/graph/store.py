"""The embedded persistent store: pyoxigraph (RocksDB on disk), the graphs of kg.graph.dataset.

Every article's own nodes (the article, its spans, its facts) live in the named graph of
the article's IRI; the entities they link to are described in the shared graph
(dataset.SHARED_GRAPH). Loading an article again replaces its graph and nothing else; the
shared graph is added to (another article may still use what it says), so a label read
only in an article's old version stays until the store is loaded afresh, as kg build does.
The store's default graph is kept the RDF merge of all graphs, so the competency queries,
which name no graph, run unchanged and give the rows rdflib gets from the merged Turtle
file. Queries with GRAPH ?g see the article graphs and the shared graph.

API for the build (and anyone else):
    load_nquads(store_dir, path_or_bytes)          bulk load; article graphs in the input replace the store's
    replace_article(store_dir, article_iri, triples)  one article, transactionally
    load_file(store_dir, path)                     any graph file (kg.graph.files: split by the one splitter)
    query(store_dir, sparql)                       (column names, rows of strings)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.graph import dataset, files
from kg.rdf.terms import Triple

StoreRef = Path | str | ox.Store


@dataclass
class LoadReport:
    """What a load did: graphs written (replacing any previous version) and triples loaded."""

    graphs: int
    triples: int


@contextlib.contextmanager
def opened(store: StoreRef, read_only: bool = False) -> Iterator[ox.Store]:
    """The pyoxigraph store at a folder (created when missing), or the given open store."""
    if isinstance(store, ox.Store):
        yield store
        return
    path = Path(store)
    if read_only and not path.is_dir():
        raise KgError(f"{path}: no such store (build one with kg build --store {path})")
    try:
        st = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as exc:
        raise KgError(f"{path}: cannot open store ({str(exc).splitlines()[0][:160]})") from exc
    try:
        yield st
    finally:
        if not read_only:
            st.flush()
        del st


def _to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise KgError(f"cannot store term {term!r}")


def _parse(data: bytes | Path) -> Iterator[ox.Quad]:
    kwargs = {"path": str(data)} if isinstance(data, Path) else {"input": data}
    return ox.parse(format=ox.RdfFormat.N_QUADS, lenient=True, **kwargs)


def _graph_names(data: bytes | Path) -> set[ox.NamedNode | ox.BlankNode]:
    """The graph names an N-Quads input uses (parsed in Rust, only names kept)."""
    return {q.graph_name for q in _parse(data) if not isinstance(q.graph_name, ox.DefaultGraph)}


def _forget(st: ox.Store, names: list) -> None:
    """Drop named graphs and take out of the merged default graph the triples no other graph holds."""
    for i in range(0, len(names), _CHUNK):
        chunk = names[i:i + _CHUNK]
        values = " ".join(str(n) for n in chunk)
        st.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?a {{ {values} }} GRAPH ?a {{ ?s ?p ?o }} "
                  f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN ({', '.join(str(n) for n in chunk)})) }} }}")
        for n in chunk:
            st.remove_graph(n)


_CHUNK = 200
_SHARED = ox.NamedNode(str(dataset.SHARED_GRAPH))


def load_nquads(store: StoreRef, source: Path | str | bytes, optimize: bool | None = None) -> LoadReport:
    """Bulk-load N-Quads (a file path or the bytes); returns graphs and quads loaded.

    Each named graph of the input replaces the store's graph of that name; other graphs
    are left alone; the default graph is kept the merge of all graphs. `optimize` then
    compacts the store (RocksDB; by default only after loading into an empty store, as
    kg build does): about 3 s per million quads, and the competency queries take about
    two thirds of the time (bench/README.md).
    """
    data: bytes | Path = source if isinstance(source, bytes) else Path(source)
    if isinstance(data, Path) and not data.is_file():
        raise KgError(f"{data}: no such N-Quads file")
    try:
        with opened(store) as st:
            fresh = next(iter(st), None) is None
            report = _load_into(st, data, fresh)
            if optimize or (optimize is None and fresh):
                st.optimize()
            return report
    except SyntaxError as exc:
        raise KgError(f"not valid N-Quads: {str(exc).splitlines()[0][:160]}") from exc


def _load_into(st: ox.Store, data: bytes | Path, fresh: bool) -> LoadReport:
    """Replace the input's graphs (unless the store is `fresh`), bulk-load the quads, then
    add their triples to the merged default graph; returns graphs and quads loaded.

    The merge goes through Python term objects but costs no more than the bulk loader
    would for the same triples (bench/README.md); into an empty store nothing is forgotten."""
    names: set = set()
    if not fresh:
        names = _graph_names(data)
        # the shared graph is added to, never replaced: other articles' entities stay described
        _forget(st, sorted((n for n in names if n != _SHARED), key=str))
    if isinstance(data, Path):
        st.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    else:
        st.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)

    # the merged default graph: the same triples without their graph (a set, so shared
    # entity triples are kept once); names collected on the way when not known yet
    loaded = 0

    def triples() -> Iterator[ox.Quad]:
        nonlocal loaded
        for q in _parse(data):
            g = q.graph_name
            if not isinstance(g, ox.DefaultGraph):
                names.add(g)
                loaded += 1
                yield ox.Quad(q.subject, q.predicate, q.object)

    st.bulk_extend(triples())
    return LoadReport(len(names), loaded)


def replace_article(store: StoreRef, article_iri: str | URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
    """Replace the named graph of one article by its own of `triples` (the article, its
    spans, its facts: kg.graph.dataset's rule) and add the rest, the entities they link to,
    to the shared graph; returns the triples now in the article's graph.

    The old graph and its share of the merged default graph are removed and the new ones
    written in one transaction (one SPARQL update): a reader sees the old article or the new.
    """
    g = ox.NamedNode(str(article_iri))
    terms = [(str(_to_ox(s)), str(_to_ox(p)), str(_to_ox(o))) for s, p, o in triples]
    own: list[str] = []
    shared: list[str] = []
    for graph, (s, p, o) in dataset.split_stream(sorted(set(terms)), {str(g)}):
        (own if graph == str(g) else shared).append(f"{s} {p} {o} .")
    body, common = " ".join(own), " ".join(shared)
    with opened(store) as st:
        st.update(f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
                  f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g}) }} }} ; "
                  f"DROP SILENT GRAPH {g} ; INSERT DATA {{ GRAPH {g} {{ {body} }} GRAPH {_SHARED} {{ {common} }} }} ; "
                  f"INSERT DATA {{ {body} {common} }}")
        return sum(1 for _ in st.quads_for_pattern(None, None, None, g))


def load_graphs(store: StoreRef, graphs: Mapping[object, Graph | Iterable[Triple]]) -> LoadReport:
    """Write each {name: graph} (an rdflib Graph or N-Triples term triples) into the store,
    replacing graphs of the same names, by one bulk load; returns graphs and triples written."""
    return load_nquads(store, dataset.nquads(graphs))


def load_file(store: StoreRef, path: Path | str) -> LoadReport:
    """Load a built graph file: N-Quads by the bulk loader, any other format kg reads
    (kg.graph.files) split by article first."""
    path = Path(path)
    if path.suffix.lower() == ".nq":
        return load_nquads(store, path)
    return load_graphs(store, files.article_graphs(path))


def article_graphs(store: StoreRef) -> list[str]:
    """The names of the store's article graphs (its named graphs but the shared one), sorted."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        return sorted(g.value for g in st.named_graphs() if g != _SHARED)


def _text(term: object) -> str | None:
    if term is None:
        return None
    return term.value  # NamedNode, BlankNode and Literal all carry their lexical value


def query(store: StoreRef, sparql: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT over the merged default graph; returns column names and rows of strings."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        try:
            result = st.query(sparql)
        except SyntaxError as exc:
            raise KgError(f"query failed: {str(exc).splitlines()[0][:160]}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise KgError("only SELECT queries print as rows")
        names = [v.value for v in result.variables]
        rows = [[_text(sol[i]) for i in range(len(names))] for sol in result]
        return names, rows


def count(store: StoreRef) -> tuple[int, int]:
    """The number of quads in the article graphs, and of triples in the merged default graph."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        merged = sum(1 for _ in st.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        return len(st) - merged, merged
