"""`kg push`: send a built graph to a SPARQL 1.1 Graph Store HTTP Protocol endpoint.

One HTTP PUT per article, to `ENDPOINT?graph=<article IRI>`: PUT replaces the named graph,
so pushing again never duplicates a triple. The endpoint is the server's Graph Store URL:
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
    created: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    triples: int = 0

    def summary(self) -> str:
        """One line for the user."""
        n = len(self.created) + len(self.replaced)
        return (f"pushed {n} graph{'s' if n != 1 else ''} ({len(self.created)} new, {len(self.replaced)} replaced), "
                f"{self.triples} triples, to {http.shown(self.endpoint)}")


def graph_url(endpoint: str, name: str, param: str = "graph") -> str:
    """The Graph Store URL of one named graph (its IRI percent-encoded as a query parameter)."""
    from urllib.parse import quote

    sep = "&" if "?" in endpoint else "?"
    return f"{endpoint}{sep}{param}={quote(str(name), safe='')}"


def push_graphs(graphs: Mapping[object, Graph | Iterable[Triple]], endpoint: str, user: str | None = None,
                password: str | None = None, auth: str = "basic", param: str = "graph") -> PushReport:
    """PUT each {name: graph} (an rdflib Graph or N-Triples term triples) to the endpoint;
    returns what was sent. Stops at the first error."""
    s = http.session(user, password, auth)
    report = PushReport(endpoint)
    for name, ts in dataset.as_triples(graphs).items():
        body = "".join(f"{a} {b} {c} .\n" for a, b, c in ts).encode("utf-8")
        resp = http.request(s, "PUT", graph_url(endpoint, name, param), f"graph <{name}>",
                            data=body, headers={"Content-Type": CONTENT_TYPE})
        (report.created if resp.status_code == 201 else report.replaced).append(name)
        report.triples += len(ts)
    return report


def push_file(path: Path, endpoint: str, **kwargs) -> PushReport:
    """Push a built graph file (any format kg reads), one named graph per article; returns
    what was sent."""
    return push_graphs(files.article_graphs(Path(path)), endpoint, **kwargs)
