"""A built graph given as a file or as a store folder: what `kg view`, `kg stats`,
`kg export` and `kg person` read, whichever the user names.

A graph file is read by kg.graph.files (the one loader); a store folder is the pyoxigraph
store `kg build --store` writes (kg.graph.store), opened read-only. Both give the same
two things: a Store whose default graph is the merge of every article's triples (what
the entity view and the facts table read), and the article graphs (what the RDF exports
write, one named graph per article).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph import files
from kg.rdf.namespace import NIF
from kg.rdf.terms import Triple, nonneg

#: predicates kg writes as xsd:nonNegativeInteger (kg.rdf.mapping: offsets), which Oxigraph's
#: store gives back as xsd:integer (it keeps integer subtypes as integers)
_NONNEG = frozenset(f"<{p}>" for p in (NIF.beginIndex, NIF.endIndex))
_INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"


def _stored(q: ox.Quad) -> Triple:
    """A stored quad's triple as kg wrote it (offsets typed back as non-negative integers)."""
    s, p, o = files.term(q.subject), files.term(q.predicate), files.term(q.object)
    if p in _NONNEG and o.endswith(_INTEGER):
        o = nonneg(int(q.object.value))
    return s, p, o


@dataclass(frozen=True)
class Source:
    """A graph file (`path`) or a store folder (`store`): exactly one of them."""

    path: Path | None = None
    store: Path | None = None

    @classmethod
    def of(cls, graph: str | Path | None, store: str | Path | None) -> Source:
        """The source a command names: a graph file or --store DIR, not both, not neither."""
        if graph and store:
            raise KgError("give either a graph file or --store, not both")
        if not graph and not store:
            raise KgError("give a graph file or --store DIR")
        return cls(Path(graph)) if graph else cls(store=Path(store))

    @property
    def folder(self) -> Path:
        """Where outputs go by default: the graph file's folder, or the current folder."""
        return self.path.parent if self.path is not None else Path(".")

    @contextlib.contextmanager
    def opened(self) -> Iterator[ox.Store]:
        """A Store whose default graph is the merged graph: the file loaded in memory, or
        the store folder opened read-only (closed on leaving)."""
        if self.path is not None:
            yield files.load(self.path)
            return
        from kg.graph import store

        with store.opened(self.store, read_only=True) as st:
            yield st

    @contextlib.contextmanager
    def streamed(self) -> Iterator[Path | ox.Store]:
        """What the entity view reads (kg.analysis.entities.entity_graph): a file's path (it
        streams the file, keeping only what it draws), or the store opened read-only."""
        if self.path is not None:
            yield self.path
            return
        with self.opened() as st:
            yield st

    def article_graphs(self) -> files.Graphs:
        """{article IRI: its triples, sorted} (kg.graph.files.article_graphs for a file; a
        store's named graphs as they are)."""
        if self.path is not None:
            return files.article_graphs(self.path)
        named: dict[str, set[Triple]] = defaultdict(set)
        with self.opened() as st:
            for q in st.quads_for_pattern(None, None, None):
                g = q.graph_name
                if not isinstance(g, ox.DefaultGraph):
                    named[g.value].add(_stored(q))
        return {name: sorted(ts) for name, ts in sorted(named.items())}
