"""The embedded store: per-article named graphs, replace semantics, same rows as rdflib."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from store_support import CQ, SEED, invented_article, invented_corpus, rdflib_rows

from kg.cli import main
from kg.errors import KgError
from kg.graph import dataset, store
from kg.rdf import shape
from kg.rdf.mapping import new_graph
from kg.rdf.namespace import NIF, ORG, SCHEMA


def _turtle(tmp_path, g: Graph, name: str = "graph.ttl"):
    path = tmp_path / name
    g.serialize(path, format="turtle")
    return path


def test_split_gives_each_article_its_own_nodes_and_describes_shared_ones_once():
    g = invented_corpus()
    parts = dataset.split(g)
    arts = dataset.article_iris(g)
    assert len(arts) == 2 and list(parts) == sorted([*arts, dataset.SHARED_GRAPH], key=str)
    union = Graph()
    seen = 0
    for name, part in parts.items():
        seen += len(part)
        for t in part:
            union.add(t)
        if name == dataset.SHARED_GRAPH:
            assert not set(part.subjects(shape.ARTICLE, None)) and not set(part.subjects(RDF.type, SCHEMA.NewsArticle))
            continue
        assert set(part.subjects(RDF.type, SCHEMA.NewsArticle)) == {name}
        # every fact and span of the graph is this article's
        assert set(part.objects(None, shape.ARTICLE)) == {name}
        assert all(str(s).startswith(str(name) + "#char=") for s in part.subjects(NIF.beginIndex, None) if s != name)
    assert isomorphic(union, g) and seen == len(g)  # each triple in exactly one graph
    # a person named in both articles and one named once: each described once, in the shared graph
    for person in ("柯明远", "万子衡"):
        node = URIRef(f"https://w3id.org/kg-cn/id/person/{person}")
        assert [n for n, p in parts.items() if (node, RDF.type, SCHEMA.Person) in p] == [dataset.SHARED_GRAPH]
    # the same post stated by both articles: one node per article, each in its article's graph
    posts = [m for m in g.subjects(RDF.type, ORG.Membership)]
    assert len(posts) == 2 and {g.value(m, shape.ARTICLE) for m in posts} == set(arts)


@pytest.mark.parametrize("query", CQ, ids=lambda p: p.stem)
def test_store_rows_equal_rdflib_rows(tmp_path, query):
    g = invented_corpus()
    report = store.load_file(tmp_path / "db", _turtle(tmp_path, g))
    assert report.graphs == 3  # two articles and the shared graph
    expected = rdflib_rows(g, query)
    assert expected, "the invented articles should answer every competency query"
    assert store.query(tmp_path / "db", query.read_text(encoding="utf-8"))[1] == expected


def test_replacing_an_article_replaces_its_facts_and_nothing_else(tmp_path):
    db = tmp_path / "db"
    store.load_file(db, _turtle(tmp_path, invented_corpus()))
    a = invented_article("a")
    art_a = dataset.article_iris(a)[0]
    art_b = dataset.article_iris(invented_article("b"))[0]
    before_b = sorted(map(str, store.query(db, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{art_b}> {{ ?s ?p ?o }} }}")[1]))
    # article a rebuilt without its attendance and goals
    trimmed = [t for t in a if "attendance" not in str(t[0]) and "goal" not in str(t[0])
               and "attendance" not in str(t[2]) and "goal" not in str(t[2])]
    assert 0 < len(trimmed) < len(a)
    kept = Graph()
    for t in trimmed:
        kept.add(t)
    own = dataset.split(kept)[art_a]  # the article's own: the rest describes shared entities
    assert 0 < len(own) < len(trimmed)
    assert store.replace_article(db, art_a, trimmed) == len(own)
    assert sorted(map(str, store.query(db, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{art_a}> {{ ?s ?p ?o }} }}")[1])) \
        == sorted(str([str(x) for x in t]) for t in own)
    people = [r[0] for r in store.query(db, (CQ[0].parent / "people.rq").read_text())[1]]
    assert "万子衡" in people and "司马谦" in people
    assert store.query(db, (CQ[0].parent / "attendance.rq").read_text())[1] == []
    goals = store.query(db, (CQ[0].parent / "goals.rq").read_text())[1]
    assert goals == [["公正审理案件", "work", None, "1"]]  # article b's goal stays
    after_b = sorted(map(str, store.query(db, f"SELECT ?s ?p ?o WHERE {{ GRAPH <{art_b}> {{ ?s ?p ?o }} }}")[1]))
    assert after_b == before_b
    assert store.article_graphs(db) == sorted([str(art_a), str(art_b)])


def test_bulk_loading_the_same_nquads_twice_replaces_instead_of_duplicating(tmp_path):
    from kg.graph.export import nquads

    db = tmp_path / "db"
    data = nquads(dataset.split(invented_corpus()))
    first = store.load_nquads(db, data)
    assert first.graphs == 3 and first.triples == len(data.splitlines())
    path = tmp_path / "graph.nq"
    path.write_bytes(data)
    second = store.load_nquads(db, path)
    assert second.triples == first.triples
    # the default graph is the merge, and each triple lies in one named graph
    assert store.count(db) == (first.triples, len(invented_corpus())) == (first.triples, first.triples)
    # a third article leaves the first two alone
    third_graph = invented_article("a", new_graph(), suffix="另一稿。")
    third = nquads(dataset.split(third_graph))
    store.load_nquads(db, third)
    assert len(store.article_graphs(db)) == 3
    merged = invented_corpus()
    for t in third_graph:
        merged.add(t)
    # the third article's entities were added to the shared graph, once: each triple in one graph
    assert store.count(db) == (len(merged), len(merged))
    # replacing article b by nothing takes its own triples (facts, mentions) out of the merge;
    # the shared graph keeps describing its people until the store is loaded afresh
    art_b = dataset.article_iris(invented_article("b"))[0]
    store.replace_article(db, art_b, [])
    taking_part = [r[0] for r in store.query(db, (CQ[0].parent / "participation.rq").read_text())[1]]
    assert "司马谦" not in taking_part and "柯明远" in taking_part
    people = [r[0] for r in store.query(db, (CQ[0].parent / "people.rq").read_text())[1]]
    assert "司马谦" in people
    assert store.query(db, f"SELECT ?s WHERE {{ GRAPH <{art_b}> {{ ?s ?p ?o }} }}")[1] == []


def test_store_errors_are_one_line(tmp_path):
    with pytest.raises(KgError, match="no such store"):
        store.query(tmp_path / "missing", "SELECT * WHERE { ?s ?p ?o }")
    store.load_file(tmp_path / "db", _turtle(tmp_path, invented_corpus()))
    with pytest.raises(KgError, match="query failed"):
        store.query(tmp_path / "db", "SELECT WHERE {")
    with pytest.raises(KgError, match="only SELECT"):
        store.query(tmp_path / "db", "ASK { ?s ?p ?o }")
    with pytest.raises(KgError, match="N-Quads"):
        store.load_nquads(tmp_path / "db", b"<a:b> <a:c> .\n")


def test_cli_build_and_query_with_store_match_the_file(tmp_path, capsys):
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    out, db = tmp_path / "out", tmp_path / "kgdb"
    assert main(["build", str(SEED), "--out", str(out), "--store", str(db)]) == 0
    capsys.readouterr()
    for q in CQ:
        assert main(["query", str(out / "graph.ttl"), str(q), "--format", "json"]) == 0
        from_file = capsys.readouterr().out
        assert main(["query", "--store", str(db), str(q), "--format", "json"]) == 0
        assert capsys.readouterr().out == from_file, q.stem
    # building again replaces the article's graph: the store does not grow
    n = store.count(db)
    assert n[0] >= n[1] > 0
    assert main(["build", str(SEED), "--out", str(out), "--store", str(db)]) == 0
    assert store.count(db) == n
    capsys.readouterr()
    assert main(["query", "--store", str(db), str(out / "graph.ttl"), str(CQ[0])]) == 1
    assert "not both" in capsys.readouterr().err


def test_cli_query_needs_exactly_one_source(tmp_path, capsys):
    assert main(["query", str(CQ[0])]) == 1
    assert "--store" in capsys.readouterr().err



_MIXED = [
    '<urn:x:s> <urn:x:p> "a b" <urn:x:g1> .',
    '<urn:x:s> <urn:x:p> "a b" <urn:x:g2> .',  # the same triple in two graphs: once in the merge
    '<urn:x:s> <urn:x:q> <urn:x:o> <urn:x:g2> .',
    '_:b1 <urn:x:p> "x"@zh <urn:x:g1> .',
]


@pytest.mark.parametrize("extra, quads, objects", [
    ([], 4, ["a b", "urn:x:o", "x"]),
    (["<urn:x:t> <urn:x:p> <urn:x:o2> ."], 4, ["a b", "urn:x:o", "urn:x:o2", "x"]),  # a default-graph triple
    (["<urn:x:t> <urn:x:p> <urn:x:o3> _:g ."], 5, ["a b", "urn:x:o", "urn:x:o3", "x"]),  # a blank graph name
    (["# a comment <urn:x:c> ."], 4, ["a b", "urn:x:o", "x"]),
])
def test_loading_nquads_keeps_the_default_graph_the_merge(tmp_path, extra, quads, objects):
    report = store.load_nquads(tmp_path / "db", ("\n".join(_MIXED + extra) + "\n").encode())
    assert report.triples == quads  # the quads of named graphs in the input
    rows = store.query(tmp_path / "db", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")[1]
    assert sorted(r[2] for r in rows) == objects  # the default graph: the merge, each triple once
    assert store.count(tmp_path / "db") == (quads, len(objects))
