"""The networkx analysis: entity graph, centrality, co-participation, meetings, goals, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from conftest import SHARED
from view_fixtures import GOV, MEETING, invented_graph

from kg.analysis import metrics
from kg.analysis.entities import entity_graph, neighbourhood
from kg.analysis.lookup import main_meeting
from kg.analysis.report import markdown, table
from kg.cli import main
from kg.errors import KgError
from kg.rdf.serialize import turtle

SEED = SHARED / "seed" / "000_1d7e1341ec58e008.txt"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return entity_graph(invented_graph())


def _labels(G, cls):
    return sorted(d["label"] for _, d in G.nodes(data=True) if d["cls"] == cls)


def test_entities_only_no_literals_or_provenance(G):
    assert _labels(G, "person") == ["甄一", "甄三", "甄文明", "贾二", "贾四"]
    assert _labels(G, "meeting") == [MEETING]
    assert _labels(G, "report") == ["政府工作报告"]
    assert len(_labels(G, "goal")) == 2
    assert _labels(G, "place") == ["云城"]
    # spans, sentences, the article and the fact nodes are not entities
    assert not any("#char=" in n or "/article/" in n or "/participation/" in n for n in G)


def test_reified_facts_become_labelled_edges_with_their_sentence(G):
    edges = {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"]): d for u, v, d in G.edges(data=True)}
    assert ("甄一", "presided", MEETING) in edges
    assert ("贾二", "reported", MEETING) in edges
    assert ("贾二", "presented", "政府工作报告") in edges
    assert ("政府工作报告", "onBehalfOf", GOV) in edges
    role = edges[("贾二", "role", GOV)]
    assert role["label"] == "省长"
    assert any("贾二代表测试省人民政府" in s for s in role["sentences"])
    assert edges[("甄一", "presided", MEETING)]["label"] == "主持"


def test_centrality_ranks_actors_and_sets_bylines_apart(G):
    people = metrics.centrality(G)
    actors = [p["name"] for p in people if not p["byline"]]
    assert actors[0] == "贾二"  # reported, presented, holds a post, acted for the government
    assert [p["name"] for p in people if p["byline"]] == ["甄文明"]
    top = people[0]
    assert top["degree"] == 3 and top["relations"] >= 5 and top["pagerank"] > people[-1]["pagerank"]
    assert all(0 <= p["betweenness"] <= 1 for p in people)


def test_meeting_summary_with_attendance_rate(G):
    [m] = metrics.meetings(G)
    assert m["presided"] == ["甄一"] and m["reported"] == ["贾二"]
    assert m["attended"] == ["甄三", "贾二", "贾四"]
    assert m["attendance"] == [{"expected": 500, "present": 480, "absent": 20, "rate": 0.96}]
    assert main_meeting(G) == m["id"]


def test_goals_per_report_by_kind(G):
    assert metrics.goals_by_report(G) == [
        {"about": "政府工作报告", "class": "report", "presenter": "贾二", "goals": {"task": 2}, "total": 2}]


def test_coparticipation_weights_and_communities():
    G = nx.MultiDiGraph()
    for m in ("m1", "m2", "m3"):
        G.add_node(m, cls="meeting", label=m, props={})
    for p in "abcde":
        G.add_node(p, cls="person", label=p.upper(), props={})
    for p, m, rel in (("a", "m1", "presided"), ("b", "m1", "attended"), ("a", "m2", "attended"),
                      ("b", "m2", "spoke"), ("c", "m2", "attended"), ("d", "m3", "attended"),
                      ("e", "m3", "reported")):
        G.add_edge(p, m, key=rel, relation=rel, label=rel, sentences=[])
    C = metrics.coparticipation(G)
    assert C["a"]["b"]["weight"] == 2 and C["a"]["c"]["weight"] == 1 and C["d"]["e"]["weight"] == 1
    assert not C.has_edge("a", "d")
    assert metrics.communities(C) == [["a", "b", "c"], ["d", "e"]]


def test_neighbourhood_by_depth(G):
    one = neighbourhood(G, "甄三", 1)
    assert sorted(d["label"] for _, d in one.nodes(data=True)) == sorted(["甄三", MEETING])
    two = neighbourhood(G, "甄三", 2)
    assert {"甄一", "贾二", "政府工作报告"} <= {d["label"] for _, d in two.nodes(data=True)}
    assert two.number_of_nodes() < G.number_of_nodes()
    with pytest.raises(KgError):
        neighbourhood(G, "无此人", 1)


def test_text_reports(G):
    s = metrics.summary(G)
    md, tab = markdown(s), table(s)
    for text in (md, tab):
        assert "480/500 (96.0%)" in text and "贾二" in text and "task 2" in text
    assert md.startswith("# Analysis") and "| name | relations |" in md


@pytest.fixture()
def ttl(tmp_path) -> Path:
    path = tmp_path / "graph.ttl"
    path.write_bytes(turtle(invented_graph()))
    return path


def test_kg_stats_table_and_json(ttl, capsys):
    assert main(["stats", str(ttl)]) == 0
    out = capsys.readouterr().out
    assert "480/500 (96.0%)" in out and "Most central people" in out
    assert main(["stats", str(ttl), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classes"]["person"] == 5
    assert data["meetings"][0]["attendance"][0]["rate"] == 0.96


def test_kg_stats_missing_graph_is_one_line_error(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "nope.ttl")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("kg: ") and "\n" not in err


def test_kg_view_focus_and_depth(ttl, tmp_path, capsys):
    out = tmp_path / "ego.html"
    assert main(["view", str(ttl), "--focus", "甄三", "--depth", "1", "--out", str(out)]) == 0
    assert "2 entities, 1 relations" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "甄三" in html and "贾四" not in html
    assert main(["view", str(ttl), "--focus", "无此人"]) == 1
    assert "no entity named" in capsys.readouterr().err


def test_outputs_are_deterministic(ttl, tmp_path):
    from kg.view.writers import write_all

    first = {p.name: p.read_bytes() for p in write_all(ttl, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in write_all(ttl, tmp_path / "b")}
    assert sorted(first) == ["analysis.json", "analysis.md", "graph.html"]
    assert first == second


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    if not SEED.is_file():
        pytest.skip(f"the shared seed article is not here ({SEED})")
    out = tmp_path_factory.mktemp("seed")
    assert main(["build", str(SEED), "--out", str(out), "--quiet"]) == 0
    return out


def test_kg_build_writes_page_and_analysis_for_the_seed(seed_build):
    for name in ("graph.html", "analysis.md", "analysis.json"):
        assert (seed_build / name).is_file(), name
    s = json.loads((seed_build / "analysis.json").read_text(encoding="utf-8"))
    actors = [p["name"] for p in s["people"] if not p["byline"]]
    seed_people = ("唐" + "登杰", "金" + "湘军")  # the seed's presider and reporter (not kept in kg/)
    assert set(seed_people) <= set(actors[:3]), actors[:5]
    rates = [a for m in s["meetings"] for a in m["attendance"] if "rate" in a]
    assert {"expected": 547, "present": 530} in [{k: a[k] for k in ("expected", "present")} for a in rates]
    assert "530/547 (96.9%)" in (seed_build / "analysis.md").read_text(encoding="utf-8")
