"""`kg export`: the graph in the formats other tools read.

RDF (one named graph per article, see kg.graph.dataset):
- ``nt``: N-Triples, lines sorted (stable diffs), the merged graph;
- ``nquads``: N-Quads, lines sorted, each triple in its article's graph;
- ``trig``: TriG, one graph block per article;
- ``jsonld``: JSON-LD, one graph object per article, compacted with ontology/context.jsonld
  (embedded in the file, so it reads without fetching anything).
The input is read by kg.graph.files (any format kg reads).

Property graphs, from the networkx entity view (kg.analysis.entities.entity_graph):
- ``graphml``, ``gexf``: for Gephi, yEd, networkx;
- ``neo4j``: CSV files for ``neo4j-admin database import full`` (nodes.csv, relationships.csv);
- ``cypher``: MERGE statements for cypher-shell (re-running them changes nothing).
No cell of the Neo4j CSV files spans lines (a line break in a sentence is written as a
space), so they import without ``--multiline-fields``.
Every node has the label Entity and one of NODE_LABELS; relationship types are the
relation names in UPPER_SNAKE case (RELATIONSHIP_TYPES); see README "stores".
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.corpus.outputs import write_atomic
from kg.errors import KgError
from kg.graph import dataset
from kg.graph.source import Source
from kg.rdf import ontology
from kg.rdf.mapping import PREFIXES
from kg.rdf.terms import Triple

FORMATS = ("nt", "nquads", "trig", "jsonld", "graphml", "gexf", "neo4j", "cypher", "facts")

#: entity class (kg.analysis) -> Neo4j node label
NODE_LABELS = {"person": "Person", "organization": "Organization", "meeting": "Meeting",
               "report": "Report", "goal": "Goal", "place": "Place", "post": "Post"}

#: article graphs: {graph IRI: rdflib Graph or N-Triples term triples}
ArticleGraphs = Mapping[object, Graph | Iterable[Triple]]


def relationship_type(relation: str) -> str:
    """A relation name as a Neo4j relationship type: onBehalfOf -> ON_BEHALF_OF."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def _relations() -> list[str]:
    from kg.analysis.entities import RELATION_LABELS

    return list(RELATION_LABELS)


RELATIONSHIP_TYPES = [relationship_type(r) for r in _relations()]


def entity_view(graph: Path | ox.Store | Graph) -> nx.MultiDiGraph:
    """The networkx entity graph of a graph file, a Store, or an rdflib Graph."""
    from kg.analysis.entities import entity_graph

    return entity_graph(graph)


# -- RDF --------------------------------------------------------------------------------
def merged(graphs: ArticleGraphs) -> ox.Store:
    """The union of all graphs in an in-memory Store (its default graph)."""
    st = ox.Store()
    data = "".join(f"{s} {p} {o} .\n" for ts in dataset.as_triples(graphs).values() for s, p, o in ts)
    if data:
        st.bulk_load(input=data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return st


def ntriples(graphs: ArticleGraphs) -> bytes:
    """The merged graph as N-Triples, one triple per line, lines sorted."""
    lines = sorted({f"{s} {p} {o} .\n" for ts in dataset.as_triples(graphs).values() for s, p, o in ts})
    return "".join(lines).encode("utf-8")


def nquads(graphs: ArticleGraphs) -> bytes:
    """Every article graph as N-Quads, lines sorted."""
    return dataset.nquads(graphs)


def trig(graphs: ArticleGraphs) -> bytes:
    """TriG, one graph block per article (graphs and triples in sorted order)."""
    quads = ox.parse(input=dataset.nquads(graphs), format=ox.RdfFormat.N_QUADS)
    ordered = sorted(quads, key=lambda q: (q.graph_name.value, str(q.subject), str(q.predicate), str(q.object)))
    prefixes = {k: str(v) for k, v in PREFIXES.items() if k != "kgr"}
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=prefixes)


def context() -> dict:
    """The JSON-LD context shipped in ontology/context.jsonld (its "@context" object)."""
    try:
        return json.loads(ontology.read_text("context.jsonld"))["@context"]
    except (ValueError, KeyError) as exc:
        raise KgError("ontology/context.jsonld: not a JSON-LD context") from exc


def _ordered(value: object) -> object:
    """JSON with every array sorted (kg writes no @list: JSON-LD arrays are sets here)."""
    if isinstance(value, dict):
        return {k: _ordered(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def jsonld(graphs: ArticleGraphs) -> bytes:
    """JSON-LD compacted with kg's context, one named graph object per article (rdflib's
    serializer: it compacts with a given context, pyoxigraph's does not); nodes and values
    in a fixed order, since rdflib writes them in its hash order."""
    ds = Dataset()
    ds.parse(data=dataset.nquads(graphs), format="nquads")
    data = json.loads(ds.serialize(format="json-ld", context=context(), auto_compact=True, encoding="utf-8"))
    return (json.dumps(_ordered(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- property graphs --------------------------------------------------------------------
def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set)) and all(isinstance(v, (str, int, float)) for v in value):
        return "; ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def flat_view(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entity view with scalar attributes only (GraphML and GEXF hold no lists or dicts).

    Nodes keep label, cls, names (joined by "; ") and each property of `props`; edges keep
    relation, label and the number of evidence sentences.
    """
    F = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        attrs = {"label": d.get("label", n), "cls": d.get("cls", ""), "names": _scalar(d.get("names", []))}
        for k, v in (d.get("props") or {}).items():
            if v is not None:
                attrs[k] = _scalar(v)
        F.add_node(n, **attrs)
    for u, v, k, d in G.edges(keys=True, data=True):
        F.add_edge(u, v, key=k, relation=d.get("relation", ""), label=d.get("label", ""),
                   evidence=len(d.get("sentences") or []))
    return F


def _xml(writer: Callable, G: nx.MultiDiGraph) -> bytes:
    buf = io.BytesIO()
    writer(flat_view(G), buf)
    return buf.getvalue()


def graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML of the entity view."""
    return _xml(nx.write_graphml, G)


def gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 of the entity view (Gephi)."""
    return _xml(nx.write_gexf, G)


_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def one_line(value: object) -> object:
    """A CSV cell on one line: neo4j-admin reads a quoted line break only with
    --multiline-fields=true, so a line break in a sentence is written as a space."""
    return _LINE_BREAKS.sub(" ", value) if isinstance(value, str) else value


def _array(values: list) -> str:
    # neo4j-admin splits arrays on ";": an ASCII semicolon inside a value becomes a full-width one
    return ";".join(str(v).replace(";", "；") for v in values)


def _neo4j_type(v: object) -> str:
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "int"
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "string[]"
    return "string"


def _prop_types(G: nx.MultiDiGraph) -> dict[str, str]:
    types: dict[str, str] = {}
    for _, d in G.nodes(data=True):
        for k, v in (d.get("props") or {}).items():
            if v is None:
                continue
            t = _neo4j_type(v)
            types[k] = t if types.get(k, t) == t else "string"
    return dict(sorted(types.items()))


def _csv_value(v: object, t: str) -> object:
    if v is None:
        return ""
    if t == "string[]":
        return _array(v)
    if t == "boolean":
        return str(v).lower()
    return v if t == "int" else _scalar(v)


def _cypher_value(v: object) -> object:
    """Cypher properties hold scalars and lists of scalars: anything deeper becomes JSON text."""
    if isinstance(v, list) and all(isinstance(x, (str, int, float, bool)) for x in v):
        return v
    return v if isinstance(v, (str, int, float, bool)) else _scalar(v)


def _label(d: dict) -> str:
    return NODE_LABELS.get(d.get("cls", ""), "Resource")


def neo4j_csv(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """nodes.csv and relationships.csv for neo4j-admin database import (one row per node / edge)."""
    props = _prop_types(G)
    nodes = io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["iri:ID", "name", "altNames:string[]", ":LABEL"] + [f"{k}:{t}" for k, t in props.items()])
    for n, d in sorted(G.nodes(data=True)):
        p = d.get("props") or {}
        w.writerow([one_line(c) for c in [n, d.get("label", n), _array(d.get("names") or []), f"Entity;{_label(d)}"]
                    + [_csv_value(p.get(k), t) for k, t in props.items()]])
    rels = io.StringIO()
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE", "label", "evidence:string[]"])
    for u, v, _k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        w.writerow([one_line(c) for c in (u, v, relationship_type(d.get("relation", "related")), d.get("label", ""),
                                          _array(d.get("sentences") or []))])
    return {"nodes.csv": nodes.getvalue().encode("utf-8"), "relationships.csv": rels.getvalue().encode("utf-8")}


def _cy(value: object) -> str:
    """A Cypher literal (strings JSON-quoted: Cypher reads the same escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_cy(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def cypher(G: nx.MultiDiGraph) -> bytes:
    """Cypher MERGE statements, one per node and per relationship; idempotent."""
    out = ["CREATE CONSTRAINT kg_entity_iri IF NOT EXISTS FOR (n:Entity) REQUIRE n.iri IS UNIQUE;"]
    for n, d in sorted(G.nodes(data=True)):
        sets = {"name": d.get("label", n), "altNames": list(d.get("names") or [])}
        sets.update({k: _cypher_value(v) for k, v in (d.get("props") or {}).items() if v is not None})
        body = ", ".join(f"n.{k} = {_cy(v)}" for k, v in sets.items())
        out.append(f"MERGE (n:Entity {{iri: {_cy(n)}}}) SET n:{_label(d)}, {body};")
    for u, v, _k, d in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        out.append(f"MATCH (a:Entity {{iri: {_cy(u)}}}), (b:Entity {{iri: {_cy(v)}}}) "
                   f"MERGE (a)-[r:{relationship_type(d.get('relation', 'related'))} {{label: {_cy(d.get('label', ''))}}}]->(b) "
                   f"SET r.evidence = {_cy(list(d.get('sentences') or []))};")
    return ("\n".join(out) + "\n").encode("utf-8")


# -- the command ------------------------------------------------------------------------
_RDF_FILES = {"nt": ("graph.nt", ntriples), "nquads": ("graph.nq", nquads), "trig": ("graph.trig", trig),
              "jsonld": ("graph.jsonld", jsonld)}
_PG_FILES = {"graphml": ("graph.graphml", graphml), "gexf": ("graph.gexf", gexf), "cypher": ("graph.cypher", cypher)}


def _view(src: Source) -> nx.MultiDiGraph:
    with src.streamed() as graph:
        return entity_view(graph)


def _facts(src: Source, out: Path) -> Path:
    from kg import progress
    from kg.graph import facts

    with src.opened() as st:
        table = facts.rows(st, lambda items, total: progress.bar(items, total, "kg export: facts"))
    return write_atomic(out / "facts.csv", facts.to_csv(table))


def export(path: Path | Source, formats: list[str], out: Path,
           step: Callable[[str], None] | None = None) -> list[Path]:
    """Write the graph (a graph file, or a Source: a file or a store folder) in each format
    into `out`; returns the files written. `step(name)` is told each step as it starts."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise KgError(f"unknown export format {unknown[0]!r} (one of {', '.join(FORMATS)})")
    src = path if isinstance(path, Source) else Source(Path(path))
    step = step or (lambda name: None)
    out = Path(out)
    graphs = None
    if any(f in _RDF_FILES for f in formats):
        step("reading the article graphs")
        graphs = src.article_graphs()
    written: list[Path] = []
    view = None
    for fmt in formats:
        if fmt == "facts":
            step("facts")
            written.append(_facts(src, out))
            continue
        if fmt in _RDF_FILES:
            name, fn = _RDF_FILES[fmt]
            step(name)
            written.append(write_atomic(out / name, fn(graphs)))
            continue
        if view is None:
            step("reading the entity view")
            view = _view(src)
        step(fmt)
        if fmt == "neo4j":
            for name, data in neo4j_csv(view).items():
                written.append(write_atomic(out / "neo4j" / name, data))
        else:
            name, fn = _PG_FILES[fmt]
            written.append(write_atomic(out / name, fn(view)))
    return written
