"""`kg push`: send a built graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint.

The graphs are kg.graph.dataset's (the same whether the file is graph.ttl, graph.nq or an
export): first the shared graph (the entities the articles link to) by one HTTP POST to
`ENDPOINT?graph=<shared graph IRI>`, which adds to it, so entities other pushes described
stay described; then one HTTP PUT per article, to `ENDPOINT?graph=<article IRI>`, which
replaces the article's graph. Pushing again never duplicates a triple (a graph is a set).
The endpoint is the server's Graph Store URL:
Fuseki `http://host:3030/ds` (or `/ds/data`), Oxigraph `http://host:7878/store`, GraphDB
`http://host:7200/repositories/ID/rdf-graphs/service`, Virtuoso
`http://host:8890/sparql-graph-crud-auth` (with --auth digest).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.graph import dataset, files, http
from kg.rdf.terms import Triple

#: N-Triples is a subset of Turtle, so every Graph Store accepts it under the Turtle type
CONTENT_TYPE = "text/turtle; charset=utf-8"


@dataclass
class PushReport:
    """What a push sent: graphs created and replaced, triples sent, to where."""

    endpoint: str
    created: list[str] = field(default_factory=list)  # article graphs
    replaced: list[str] = field(default_factory=list)  # article graphs
    triples: int = 0  # in all, the shared graph's with the articles'
    shared: int = 0  # triples added to the shared graph

    def summary(self) -> str:
        """One line for the user."""
        n = len(self.created) + len(self.replaced)
        return (f"pushed {n} graph{'s' if n != 1 else ''} ({len(self.created)} new, {len(self.replaced)} replaced) "
                f"and {self.shared} triples of the shared graph, {self.triples} triples, to {http.shown(self.endpoint)}")


def graph_url(endpoint: str, name: str, param: str = "graph") -> str:
    """The Graph Store URL of one named graph (its IRI percent-encoded as a query parameter)."""
    from urllib.parse import quote

    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{param}={quote(str(name), safe='')}"


def push_graphs(graphs: Mapping[object, Graph | Iterable[Triple]], endpoint: str, user: str | None = None,
                password: str | None = None, auth: str = "basic", param: str = "graph") -> PushReport:
    """Send each {name: graph} (an rdflib Graph or N-Triples term triples) to the endpoint:
    the shared graph first, added to by POST, then every article graph, replaced by PUT;
    returns what was sent. Stops at the first error."""
    s = http.session(user, password, auth)
    report = PushReport(endpoint)
    # shared first: the entities an article's facts link to are there before the facts
    for name, ts in sorted(dataset.as_triples(graphs).items(), key=lambda g: dataset.is_article_graph(g[0])):
        body = "".join(f"{a} {b} {c} .\n" for a, b, c in ts).encode("utf-8")
        article = dataset.is_article_graph(name)
        resp = http.request(s, "PUT" if article else "POST", graph_url(endpoint, name, param), f"graph <{name}>",
                            data=body, headers={"Content-Type": CONTENT_TYPE})
        if article:
            (report.created if resp.status_code == 201 else report.replaced).append(name)
        else:
            report.shared += len(ts)
        report.triples += len(ts)
    return report


def push_file(path: Path, endpoint: str, **kwargs) -> PushReport:
    """Push a built graph file (any format kg reads), one named graph per article; returns
    what was sent."""
    return push_graphs(files.article_graphs(Path(path)), endpoint, **kwargs)
