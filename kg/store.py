"""The embedded persistent store: pyoxigraph (RocksDB on disk), one named graph per article.

Every article's facts live in the named graph of the article's IRI; queries see the union
of all graphs as their default graph, so the competency queries (which name no graph) run
unchanged. Rebuilding an article replaces its graph and nothing else. Since the union keeps
one copy per article of shared entity triples, queries should use SELECT DISTINCT (the
competency queries do) to get the rows rdflib gets from the merged file.

API for the build (and anyone else):
    load_nquads(store_dir, path_or_bytes)          bulk load; graphs in the input are replaced
    replace_article(store_dir, article_iri, triples)  one article, transactionally
    load_file(store_dir, path)                     any graph file (Turtle is split by article)
    query(store_dir, sparql)                       (column names, rows of strings)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg import dataset
from kg.errors import KgError

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


def _graph_names(data: bytes | Path) -> set[ox.NamedNode | ox.BlankNode]:
    """The graph names an N-Quads input uses (parsed in Rust, only names kept)."""
    kwargs = {"path": str(data)} if isinstance(data, Path) else {"input": data}
    return {q.graph_name for q in ox.parse(format=ox.RdfFormat.N_QUADS, lenient=True, **kwargs)
            if not isinstance(q.graph_name, ox.DefaultGraph)}


def load_nquads(store: StoreRef, source: Path | str | bytes) -> LoadReport:
    """Bulk-load N-Quads (a file path or the bytes); returns graphs and triples loaded.

    Each named graph of the input replaces the store's graph of that name; other graphs
    are left alone. Into an empty store the input goes straight to the bulk loader.
    """
    data: bytes | Path = source if isinstance(source, bytes) else Path(source)
    if isinstance(data, Path) and not data.is_file():
        raise KgError(f"{data}: no such N-Quads file")
    try:
        names = _graph_names(data)
    except SyntaxError as exc:
        raise KgError(f"not valid N-Quads: {str(exc).splitlines()[0][:160]}") from exc
    with opened(store) as st:
        before = len(st)
        if before:
            for name in names:
                st.remove_graph(name)
        middle = len(st)
        try:
            if isinstance(data, Path):
                st.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
            else:
                st.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise KgError(f"not valid N-Quads: {str(exc).splitlines()[0][:160]}") from exc
        return LoadReport(len(names), len(st) - middle)


def replace_article(store: StoreRef, article_iri: str | URIRef, triples: Iterable[tuple[Node, Node, Node]]) -> int:
    """Replace the named graph of one article by `triples`; returns the triples now in it.

    The old graph is removed and the new one written in one transaction (SPARQL update),
    so a reader sees either the old article or the new one.
    """
    g = ox.NamedNode(str(article_iri))
    quads = [ox.Quad(_to_ox(s), _to_ox(p), _to_ox(o), g) for s, p, o in triples]
    with opened(store) as st:
        body = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        st.update(f"DROP SILENT GRAPH {g} ; INSERT DATA {{ GRAPH {g} {{ {body} }} }}")
        return sum(1 for _ in st.quads_for_pattern(None, None, None, g))


def load_graphs(store: StoreRef, graphs: dict[URIRef, Graph]) -> LoadReport:
    """Write each {name: graph} into the store, replacing graphs of the same names."""
    with opened(store) as st:
        triples = 0
        for name, g in graphs.items():
            triples += replace_article(st, name, g)
        return LoadReport(len(graphs), triples)


def load_file(store: StoreRef, path: Path | str) -> LoadReport:
    """Load a built graph file: N-Quads by the bulk loader, anything else split by article."""
    path = Path(path)
    if path.suffix.lower() == ".nq":
        return load_nquads(store, path)
    return load_graphs(store, dataset.load(path))


def article_graphs(store: StoreRef) -> list[str]:
    """The names of the store's named graphs, sorted."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        return sorted(g.value for g in st.named_graphs())


def _text(term: object) -> str | None:
    if term is None:
        return None
    return term.value  # NamedNode, BlankNode and Literal all carry their lexical value


def query(store: StoreRef, sparql: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT over the union of all graphs; returns column names and rows of strings."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        try:
            result = st.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise KgError(f"query failed: {str(exc).splitlines()[0][:160]}") from exc
        if not isinstance(result, ox.QuerySolutions):
            raise KgError("only SELECT queries print as rows")
        names = [v.value for v in result.variables]
        rows = [[_text(sol[i]) for i in range(len(names))] for sol in result]
        return names, rows


def count(store: StoreRef) -> int:
    """The number of quads in the store."""
    with opened(store, read_only=not isinstance(store, ox.Store)) as st:
        return len(st)
