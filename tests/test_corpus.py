"""kg build over a corpus: inputs, one graph with entities merged, incremental rebuilds.

Articles here are invented (invented names, invented meetings).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from kg import cli
from kg.corpus.build import BuildOptions, build_corpus
from kg.corpus.inputs import Article, Failure, iter_articles
from kg.errors import KgError
from kg.rdf.namespace import SCHEMA

A1 = "省人大常委会召开会议\n　　本报讯 3月5日，省人大常委会第十次会议召开。常委会主任王建华主持会议。副主任李明远出席。\n"
A2 = "全省工作会议举行\n　　本报讯 会议由省长王建华主持，副省长孙立新作报告。\n"
A3 = "省政协召开座谈会\n　　本报讯 座谈会由副主席赵晓峰主持。\n"


def _corpus(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    (root / "in" / "a1.txt").write_text(A1, encoding="utf-8")
    (root / "in" / "sub" / "a2.txt").write_text(A2, encoding="utf-8")
    (root / "in" / "notes.md").write_text(A3, encoding="utf-8")
    return root / "in"


def _people(ttl: Path) -> dict[str, int]:
    """name -> number of person nodes carrying it."""
    g = Graph().parse(ttl)
    counts: dict[str, int] = {}
    for p in g.subjects(RDF.type, SCHEMA.Person):
        for name in g.objects(p, SCHEMA.name):
            counts[str(name)] = counts.get(str(name), 0) + 1
    return counts


# -- inputs ----------------------------------------------------------------------------
def test_folder_is_searched_recursively_with_glob(tmp_path):
    folder = _corpus(tmp_path)
    ids = [a.id for a in iter_articles([str(folder)])]
    assert ids == [str(folder / "a1.txt"), str(folder / "sub" / "a2.txt")]
    md = list(iter_articles([str(folder)], glob="*.md"))
    assert [a.text for a in md] == [A3]


def test_jsonl_records_carry_metadata_and_bad_lines_fail_alone(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [{"id": "n1", "text": A1, "title": "标题", "date": "2024-03-05T08:00:00", "source": "某报",
             "url": "https://example.org/n1"},
            {"id": "n2", "text": ""},
            {"id": "n3", "text": A2, "date": "5 March"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n{broken\n", encoding="utf-8")
    items = list(iter_articles([str(path)]))
    assert isinstance(items[0], Article)
    assert items[0].id == "n1"
    assert items[0].meta == {"id": "n1", "title": "标题", "date": "2024-03-05", "source": "某报", "url": "https://example.org/n1"}
    assert items[0].source == "news.jsonl#n1"
    assert [type(i) for i in items[1:]] == [Failure, Failure, Failure]
    assert "no text" in items[1].reason
    assert "not an ISO date" in items[2].reason
    assert "not JSON" in items[3].reason


def test_stdin_plain_text_and_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(A1.encode("utf-8"))))
    (art,) = iter_articles(["-"])
    assert (art.id, art.text) == ("<stdin>", A1)
    line = json.dumps({"id": "s1", "text": A2}, ensure_ascii=False) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(line.encode("utf-8"))))
    (art,) = iter_articles(["-"])
    assert (art.id, art.text) == ("s1", A2)


def test_content_key_changes_with_metadata():
    a = Article("x", A1, "x.txt")
    b = Article("x", A1, "x.txt", {"date": "2024-03-05"})
    assert a.key != b.key and a.key == Article("y", A1, "x.txt").key


# -- one graph ---------------------------------------------------------------------------
def test_same_person_in_two_articles_is_one_node(tmp_path):
    folder = _corpus(tmp_path)
    ttl, summary = build_corpus([str(folder)], tmp_path / "out")
    assert (summary.read, summary.built, summary.skipped, summary.failed) == (2, 2, 0, [])
    people = _people(ttl)
    assert people["王建华"] == 1
    assert {"李明远", "孙立新"} <= set(people)
    assert summary.stats["cross_article"] >= 1
    assert summary.stats["mentions"] > summary.stats["entities"]["person"]
    g = Graph().parse(ttl)
    assert len(set(g.subjects(RDF.type, SCHEMA.NewsArticle))) == 2
    assert summary.stats["triples"] == len(g)


# -- incremental -------------------------------------------------------------------------
def test_second_run_builds_nothing_and_keeps_the_bytes(tmp_path):
    folder = _corpus(tmp_path)
    ttl, _ = build_corpus([str(folder)], tmp_path / "out")
    first = ttl.read_bytes()
    ttl, again = build_corpus([str(folder)], tmp_path / "out")
    assert (again.built, again.skipped, again.merged) == (0, 2, False)
    assert ttl.read_bytes() == first
    assert again.stats["triples"] > 0


def test_changed_article_replaces_its_graph_and_prune_drops_removed(tmp_path):
    folder = _corpus(tmp_path)
    out = tmp_path / "out"
    build_corpus([str(folder)], out)
    (folder / "a1.txt").write_text(A1.replace("李明远", "周文斌"), encoding="utf-8")
    ttl, s = build_corpus([str(folder)], out)
    assert (s.built, s.skipped) == (1, 1)
    people = _people(ttl)
    assert "周文斌" in people and "李明远" not in people
    assert len(list((out / ".kg" / "shards").rglob("*.nq"))) == 2  # the old shard is gone

    (folder / "sub" / "a2.txt").unlink()
    ttl, s = build_corpus([str(folder)], out)
    assert s.kept == 1 and "孙立新" in _people(ttl)
    ttl, s = build_corpus([str(folder)], out, BuildOptions(prune=True))
    assert s.pruned == 1 and "孙立新" not in _people(ttl)
    assert len(list((out / ".kg" / "shards").rglob("*.nq"))) == 1


def test_failures_are_reported_per_article_and_the_rest_is_built(tmp_path, capsys):
    folder = _corpus(tmp_path)
    (folder / "bad.txt").write_bytes(b"")
    with pytest.raises(KgError, match="1 of 3 articles failed"):
        cli_args = cli.parser().parse_args(["build", str(folder), "--out", str(tmp_path / "out")])
        cli_args.func(cli_args)
    err = capsys.readouterr().err
    assert "2 built" in err and "failed:" in err and "bad.txt" in err
    assert "王建华" in _people(tmp_path / "out" / "graph.ttl")


def test_missing_input_stops_before_building(tmp_path):
    with pytest.raises(KgError, match="no such file"):
        build_corpus([str(tmp_path / "nope.txt")], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_nquads_keep_each_article_in_its_named_graph(tmp_path):
    import pyoxigraph as ox

    folder = _corpus(tmp_path)
    build_corpus([str(folder)], tmp_path / "out", BuildOptions(nquads=True))
    graphs: dict[str, set[str]] = {}
    for q in ox.parse(path=tmp_path / "out" / "graph.nq", format=ox.RdfFormat.N_QUADS):
        if q.predicate.value == str(RDF.type) and q.object.value == str(SCHEMA.NewsArticle):
            graphs.setdefault(q.graph_name.value, set()).add(q.subject.value)
    assert len(graphs) == 2
    for name, articles in graphs.items():  # each named graph holds its own article and no other
        assert articles == {name}


# -- queries over a corpus -----------------------------------------------------------------
def _membership_graph() -> Graph:
    from rdflib import Literal, Namespace
    from rdflib.namespace import XSD

    from kg.rdf.namespace import KG, ORG

    r = Namespace("https://w3id.org/kg-cn/id/")
    g = Graph()
    rows = [("m1", "王建华", "省长", "甲江省人民政府", "a1", "2019-01-10"),
            ("m2", "王建华", "省委书记", "乙山省委员会", "a2", "2023-06-01"),
            ("m3", "李明远", "副省长", "甲江省人民政府", "a1", "2019-01-10")]
    for m, person, role, body, art, date in rows:
        p, o, a = r["person/" + person], r["org/" + body], r["article/" + art]
        g.add((p, RDF.type, SCHEMA.Person))
        g.add((p, SCHEMA.name, Literal(person)))
        g.add((o, SCHEMA.name, Literal(body)))
        g.add((a, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
        g.add((r[m], RDF.type, ORG.Membership))
        g.add((r[m], ORG.member, p))
        g.add((r[m], ORG.organization, o))
        g.add((r[m], KG.roleLabel, Literal(role)))
        g.add((r[m], KG.article, a))
    return g


def test_career_and_homonym_queries():
    from kg.graph import query

    root = Path(__file__).resolve().parents[1] / "queries"
    g = _membership_graph()
    names, rows = query.run(g, query.read_query(str(root / "career.rq")))
    assert [(r[names.index("role")], r[names.index("first")]) for r in rows] == [
        ("省长", "2019-01-10"), ("省委书记", "2023-06-01")]
    names, rows = query.run(g, query.read_query(str(root / "homonyms.rq")))
    assert [(r[0], r[1]) for r in rows] == [("王建华", "2")]
