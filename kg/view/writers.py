"""The human-facing files kg writes beside a graph: graph.html, analysis.md, analysis.json.

`kg build` is given them as output writers (`output_writers`), fed with what the merge kept
of the graph; `kg view` and `kg stats` use the same pieces on any graph file.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.analysis.entities import entity_graph, neighbourhood
from kg.analysis.metrics import summary
from kg.analysis.report import markdown, to_json
from kg.analysis.view_terms import view_triples
from kg.corpus.outputs import OutputWriter, write_atomic
from kg.view import page


def title_of(G: nx.MultiDiGraph) -> str:
    """A title for the page: the headline of a one-article graph, else the article count."""
    articles = G.graph.get("articles", {})
    if len(articles) == 1:
        headline = next(iter(articles.values()))
        if headline:
            return headline
    return f"kg: {len(articles)} articles" if articles else "kg"


def load(path: Path | ox.Store) -> tuple[Path | None, nx.MultiDiGraph]:
    """The graph file at `path` (any format kg reads, kg.graph.files) and its entity graph;
    an open Store (`kg view --store`) gives None and the entity graph of its merged graph."""
    if isinstance(path, ox.Store):
        return None, entity_graph(path)
    return Path(path), entity_graph(Path(path))


def write_all(ttl: Path, out: Path | None = None, triples: list | None = None) -> list[Path]:
    """Write graph.html, analysis.md and analysis.json for the graph in `ttl` into `out`
    (default: beside it); returns the paths written. `triples`: what the entity view
    reads of that graph, kept by kg.analysis.view_terms.view_triples as the build merged it
    (then the file is not read again). The entity view is built once for all three."""
    out = Path(out) if out is not None else Path(ttl).parent
    view = _view(ttl, triples)
    return write_page(ttl, out, view=view) + write_analysis(ttl, out, view=view)


def _view(ttl: Path, triples: list | None) -> tuple[nx.MultiDiGraph, str]:
    """The entity graph of the graph in `ttl` and its title: from `triples` the merge kept,
    else from the file."""
    G = entity_graph(triples) if triples is not None else load(ttl)[1]
    return G, title_of(G)


def write_page(ttl: Path, out: Path, triples: list | None = None,
               view: tuple[nx.MultiDiGraph, str] | None = None) -> list[Path]:
    """Write graph.html for the graph in `ttl` (or its entity view and title, `view`) into
    the folder `out`."""
    G, title = view or _view(ttl, triples)
    return [page.write(G, Path(out) / "graph.html", title=title)]


def write_analysis(ttl: Path, out: Path, triples: list | None = None,
                   view: tuple[nx.MultiDiGraph, str] | None = None) -> list[Path]:
    """Write analysis.md and analysis.json for the graph in `ttl` (or its entity view and
    title, `view`) into the folder `out`."""
    G, title = view or _view(ttl, triples)
    s = summary(G)
    return [write_atomic(Path(out) / "analysis.md", markdown(s, f"Analysis: {title}")),
            write_atomic(Path(out) / "analysis.json", to_json(s))]


def output_writers() -> list[OutputWriter]:
    """What `kg build` writes beside its graph unless --no-view: the page and the analysis,
    from one entity view."""
    return [OutputWriter("view", ("graph.html", "analysis.md", "analysis.json"), write_all, tee=view_triples)]


def write_view(ttl: Path | ox.Store, out: Path, focus: str | None = None, depth: int = 2) -> tuple[Path, nx.MultiDiGraph]:
    """Write the page of the graph in `ttl` (or of the neighbourhood of `focus` within
    `depth` relations) to `out`; returns the path and the entity graph drawn."""
    _, G = load(ttl)
    title = title_of(G)
    centre = None
    if focus:
        G = neighbourhood(G, focus, depth)
        centre = G.graph["focus"]
        title = f"{G.nodes[centre]['label']} (depth {depth}) · {title}"
    return page.write(G, out, title=title, centre=centre), G
