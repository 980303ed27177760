"""kg export: every RDF format parses back isomorphic; property graphs keep the documented counts."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from store_support import invented_corpus

from kg.cli import main
from kg.errors import KgError
from kg.graph import dataset, export

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graphs():
    return dataset.split(invented_corpus())


def _per_graph(ds: Dataset) -> dict[str, Graph]:
    return {str(k): v for k, v in dataset.named_graphs(ds).items()}


def _assert_same_graphs(parsed: Dataset, graphs) -> None:
    got = _per_graph(parsed)
    assert sorted(got) == sorted(str(k) for k in graphs)
    for name, g in graphs.items():
        assert isomorphic(got[str(name)], g), name


def test_ntriples_sorted_and_isomorphic_to_the_merged_graph(graphs):
    data = export.ntriples(graphs)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    back = Graph().parse(data=data, format="nt")
    assert isomorphic(back, invented_corpus())
    assert export.ntriples(dataset.split(invented_corpus())) == data  # stable bytes


def test_nquads_sorted_one_graph_per_article(graphs):
    data = export.nquads(graphs)
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(lines)
    assert len(lines) == sum(len(g) for g in graphs.values())
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    _assert_same_graphs(ds, graphs)


def test_trig_one_graph_block_per_article(graphs):
    data = export.trig(graphs)
    ds = Dataset()
    ds.parse(data=data, format="trig")
    _assert_same_graphs(ds, graphs)


def test_jsonld_uses_the_shipped_context_and_round_trips(graphs):
    data = export.jsonld(graphs)
    doc = json.loads(data)
    # the checkout's file, read by path: the installed resource kg reads must be the same
    shipped = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == shipped
    assert "schema:name" in data.decode("utf-8")  # compacted with the context's prefixes
    ds = Dataset()
    ds.parse(data=data, format="json-ld")
    _assert_same_graphs(ds, graphs)


def test_graphml_and_gexf_keep_the_entity_view(graphs):
    view = export.entity_view(export.merged(graphs))
    assert view.number_of_nodes() > 5 and view.number_of_edges() > 3
    for fn, reader in ((export.graphml, nx.read_graphml), (export.gexf, nx.read_gexf)):
        back = reader(io.BytesIO(fn(view)))
        assert back.number_of_nodes() == view.number_of_nodes()
        assert back.number_of_edges() == view.number_of_edges()
        labels = {d.get("label") for _, d in back.nodes(data=True)}
        assert "柯明远" in labels and "云泽省第九届人民代表大会第三次会议" in labels


def test_neo4j_csv_has_one_row_per_node_and_relationship(graphs):
    view = export.entity_view(export.merged(graphs))
    files = export.neo4j_csv(view)
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"].decode("utf-8"))))
    rels = list(csv.DictReader(io.StringIO(files["relationships.csv"].decode("utf-8"))))
    assert len(nodes) == view.number_of_nodes() and len(rels) == view.number_of_edges()
    ids = {n["iri:ID"] for n in nodes}
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    labels = {n[":LABEL"] for n in nodes}
    assert {"Entity;Person", "Entity;Meeting", "Entity;Organization"} <= labels
    assert all(lbl.split(";")[1] in export.NODE_LABELS.values() for lbl in labels)
    assert {r[":TYPE"] for r in rels} <= set(export.RELATIONSHIP_TYPES)
    assert "PRESIDED" in {r[":TYPE"] for r in rels}
    person = next(n for n in nodes if n["name"] == "柯明远")
    assert person["roles:string[]"] == "大会执行主席"
    meeting = next(n for n in nodes if n[":LABEL"] == "Entity;Meeting")
    assert json.loads(meeting["attendance:string"]) == [{"expected": 412, "present": 400, "absent": 12}]


def test_cypher_has_one_statement_per_node_and_relationship(graphs):
    view = export.entity_view(export.merged(graphs))
    lines = export.cypher(view).decode("utf-8").splitlines()
    assert sum(ln.startswith("MERGE (n:Entity") for ln in lines) == view.number_of_nodes()
    assert sum(ln.startswith("MATCH (a:Entity") for ln in lines) == view.number_of_edges()
    assert all(ln.endswith(";") for ln in lines)
    assert export.relationship_type("onBehalfOf") == "ON_BEHALF_OF"
    assert any(re.search(r'SET n:Person, n.name = "柯明远"', ln) for ln in lines)


def test_cli_export_writes_every_format(tmp_path, capsys):
    path = tmp_path / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    assert main(["export", str(path), "--format", ",".join(export.FORMATS), "--out", str(tmp_path / "x")]) == 0
    written = capsys.readouterr().out.split()
    names = {p.rsplit("/", 1)[-1] for p in written}
    assert names == {"graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.graphml", "graph.gexf",
                     "nodes.csv", "relationships.csv", "graph.cypher", "facts.csv"}
    # exporting the N-Quads export again gives the same N-Quads: per-article graphs survive
    assert main(["export", str(tmp_path / "x" / "graph.nq"), "--format", "nquads", "--out", str(tmp_path / "y")]) == 0
    assert (tmp_path / "y" / "graph.nq").read_bytes() == (tmp_path / "x" / "graph.nq").read_bytes()
    with pytest.raises(KgError, match="unknown export format"):
        export.export(path, ["xlsx"], tmp_path)
