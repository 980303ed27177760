"""The human-facing files kg writes beside a graph: graph.html, analysis.md, analysis.json.

`kg build` calls `write_all` after graph.ttl is written; `kg view` and `kg stats` use the
same pieces on any graph file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import networkx as nx
from rdflib import Graph
from rdflib.namespace import RDF

from kg.analysis.entities import entity_graph, neighbourhood
from kg.analysis.metrics import summary
from kg.analysis.report import markdown, to_json
from kg.corpus.outputs import OutputWriter, write_atomic
from kg.graph.query import load_graph
from kg.rdf.namespace import SCHEMA
from kg.view import page


def title_of(g: Graph) -> str:
    """A title for the page: the headline of a one-article graph, else the article count."""
    articles = sorted(g.subjects(RDF.type, SCHEMA.NewsArticle))
    if len(articles) == 1:
        headline = g.value(articles[0], SCHEMA.headline)
        if headline is not None:
            return str(headline)
    return f"kg: {len(articles)} articles" if articles else "kg"


def load(path: Path) -> tuple[Graph, nx.MultiDiGraph]:
    """The RDF graph in `path` and its entity graph."""
    g = load_graph(Path(path))
    return g, entity_graph(g)


def write_all(ttl: Path, out: Path | None = None) -> list[Path]:
    """Write graph.html, analysis.md and analysis.json for the graph in `ttl` into `out`
    (default: beside it); returns the paths written."""
    out = Path(out) if out is not None else Path(ttl).parent
    return write_page(ttl, out) + write_analysis(ttl, out)


@lru_cache(maxsize=1)
def _loaded(path: str, stamp: tuple[int, int, int]) -> tuple[Graph, nx.MultiDiGraph, str]:
    g, G = load(Path(path))
    return g, G, title_of(g)


def _load_once(ttl: Path) -> tuple[Graph, nx.MultiDiGraph, str]:
    """The graph, its entity graph and title, loaded once for the page and the analysis."""
    st = Path(ttl).stat()
    return _loaded(str(Path(ttl).resolve()), (st.st_ino, st.st_size, st.st_mtime_ns))


def write_page(ttl: Path, out: Path) -> list[Path]:
    """Write graph.html for the graph in `ttl` into the folder `out`."""
    _g, G, title = _load_once(ttl)
    return [page.write(G, Path(out) / "graph.html", title=title)]


def write_analysis(ttl: Path, out: Path) -> list[Path]:
    """Write analysis.md and analysis.json for the graph in `ttl` into the folder `out`."""
    _g, G, title = _load_once(ttl)
    s = summary(G)
    return [write_atomic(Path(out) / "analysis.md", markdown(s, f"Analysis: {title}")),
            write_atomic(Path(out) / "analysis.json", to_json(s))]


def output_writers() -> list[OutputWriter]:
    """What `kg build` writes beside its graph unless --no-view: the page and the analysis."""
    return [OutputWriter("page", ("graph.html",), write_page),
            OutputWriter("analysis", ("analysis.md", "analysis.json"), write_analysis)]


def write_view(ttl: Path, out: Path, focus: str | None = None, depth: int = 2) -> tuple[Path, nx.MultiDiGraph]:
    """Write the page of the graph in `ttl` (or of the neighbourhood of `focus` within
    `depth` relations) to `out`; returns the path and the entity graph drawn."""
    g, G = load(ttl)
    title = title_of(g)
    centre = None
    if focus:
        G = neighbourhood(G, focus, depth)
        centre = G.graph["focus"]
        title = f"{G.nodes[centre]['label']} (depth {depth}) · {title}"
    return page.write(G, out, title=title, centre=centre), G
