"""Graph files: the one loader for every format kg reads, on pyoxigraph (parsed in Rust).

Every command that reads a built graph goes through here (query, stats, view, export,
push, the store), so a file reads the same whatever its format:

- `load(path)`: an in-memory pyoxigraph Store. Its default graph is the merge (a set) of
  every triple in the file, whichever graph it is in; a quad file's named graphs are kept
  as well. A query naming no graph therefore gives the same rows from graph.ttl, graph.nq,
  graph.trig or an export, and the same as the store `kg build --store` makes.
- `article_graphs(path)`: the file as {graph IRI: its triples}, one graph per article and
  the shared graph, the triples as N-Triples term strings (kg.rdf.terms): every triple of
  the file, whichever graph it is in, split by kg.graph.dataset's one splitter, so a
  graph.ttl, its graph.nq and any export of them give the same graphs.
- `read(path)`: the file's quads, streamed (the entity view keeps only what it draws).

Suffixes: .ttl (Turtle), .nt (N-Triples), .nq (N-Quads), .trig (TriG), .jsonld (JSON-LD),
.rdf (RDF/XML).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.dataset import split_triples
from kg.rdf.terms import Triple, literal

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}

Graphs = dict[str, list[Triple]]


def rdf_format(path: Path) -> ox.RdfFormat:
    """The format of a graph file, by its suffix; KgError for a missing file or an unknown suffix."""
    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no such graph file")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgError(f"{path}: not a graph file kg reads (suffixes: {', '.join(FORMATS)})")
    return fmt


def _unreadable(path: Path, fmt: ox.RdfFormat, exc: Exception) -> KgError:
    first = (str(exc).splitlines() or [exc.__class__.__name__])[0][:160]
    return KgError(f"{path}: not a readable {fmt.name} graph ({first})")


def _merged(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
    """The triples of a dataset's named graphs, as default-graph quads."""
    for q in quads:
        if not isinstance(q.graph_name, ox.DefaultGraph):
            yield ox.Quad(q.subject, q.predicate, q.object)


def load(path: Path) -> ox.Store:
    """The graph file at `path` in an in-memory Store: named graphs kept, the default graph
    the merge of all triples. KgError when the file is missing or does not parse."""
    path = Path(path)
    fmt = rdf_format(path)
    st = ox.Store()
    try:
        st.bulk_load(path=str(path), format=fmt)
        if fmt.supports_datasets:
            st.bulk_extend(_merged(ox.parse(path=str(path), format=fmt)))
    except (SyntaxError, ValueError, OSError) as exc:
        raise _unreadable(path, fmt, exc) from exc
    return st


def read(path: Path) -> Iterator[ox.Quad]:
    """The quads of a graph file as pyoxigraph parses them (triples in the default graph);
    KgError when the file is missing or does not parse."""
    path = Path(path)
    fmt = rdf_format(path)
    try:
        yield from ox.parse(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise _unreadable(path, fmt, exc) from exc


def term(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> str:
    """A pyoxigraph term as an N-Triples term string, spelled as kg spells it (kg.rdf.terms)."""
    if isinstance(t, ox.NamedNode):
        return f"<{t.value}>"
    if isinstance(t, ox.BlankNode):
        return f"_:{t.value}"
    return literal(t.value, t.datatype.value, t.language)


def article_graphs(path: Path) -> Graphs:
    """The graph file as {graph IRI: its triples, sorted}: one graph per article and the
    shared graph (kg.graph.dataset.split_triples), whatever graphs the file held."""
    return split_triples((term(q.subject), term(q.predicate), term(q.object)) for q in read(path))
