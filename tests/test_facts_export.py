"""`kg export --format facts` (one row per fact and evidence span, columns from the shape),
the Neo4j files on one line per row, and `kg view/stats/export --store` giving what the
graph file gives (invented articles; the shared corpus when it is here)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kg import progress
from kg.cli import main
from kg.graph import facts
from kg.graph.source import Source
from kg.rdf import shape

#: every kind of fact: a byline, attendance, a report, goals, a post, an appointment;
#: one sentence hard-wrapped across two lines
ARTICLES = [
    {"id": "zj1", "date": "2023-01-20", "text": "浙江省政协十二届五次会议开幕\n新华社杭州1月20日电（记者周文斌）1月20日，"
     "政协浙江省第十二届委员会第五次会议在杭州开幕。会议应出席委员620人，实到598人。省政协主席黄建平主持\n"
     "会议并作常委会工作报告。会议提出今年要重点做好以下工作：一是加强理论学习；二是推进协商民主；三是提升履职能力。"},
    {"id": "hb2", "date": "2021-01-18", "text": "湖北省人大常委会举行会议\n本报武汉1月18日电  1月18日，"
     "省十三届人大常委会第二十次会议在武汉举行。省领导方书华、钱卫东出席会议。会议决定任命钱卫东为省人民政府副省长。"},
    {"id": "hb3", "date": "2021-04-02", "text": "湖北省人民政府召開常務會議\n本報武漢4月2日電  4月2日，"
     "省長方書華主持召開省政府常務會議，研究部署安全生產工作。"},
]
FORMATS = "nt,nquads,trig,jsonld,graphml,gexf,neo4j,cypher,facts"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("facts")
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp / "out"), "--quiet", "--store", str(tmp / "db")]) == 0
    return tmp


def _texts(st) -> dict[str, str]:
    import pyoxigraph as ox

    p = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
    return {q.subject.value: q.object.value for q in st.quads_for_pattern(None, p, None, ox.DefaultGraph())}


def _check_rows(rows: list[dict], texts: dict[str, str]) -> None:
    """Every row's sentence lies in its article's text, where its evidence starts, and the
    offsets give the evidence."""
    for row in rows:
        text = texts[row["article"]]
        assert row["sentence"] and row["sentence"] in text, row
        assert text[row["begin"]:row["end"]] == row["evidence"], row
        # the sentence the evidence starts in: one of its occurrences covers the start
        k = text.find(row["sentence"])
        while k != -1 and k + len(row["sentence"]) <= row["begin"]:
            k = text.find(row["sentence"], k + 1)
        assert k != -1 and k <= row["begin"], row


def test_facts_table_has_every_kind_and_its_evidence(built):
    with Source(built / "out" / "graph.ttl").opened() as st:
        rows = facts.rows(st)
        texts = _texts(st)
        declared = {t.name for t, _ in facts.fact_nodes(st)}
    assert {r["kind"] for r in rows} == declared == {t.name for t in shape.FACTS}
    _check_rows(rows, texts)
    by_kind = {r["kind"]: r for r in rows}
    assert (by_kind["attendance"]["expected"], by_kind["attendance"]["present"]) == (620, 598)
    assert by_kind["attendance"]["meeting"] == "中国人民政治协商会议第十二届浙江省委员会第五次会议"
    goals = sorted((r["ordinal"], r["text"]) for r in rows if r["kind"] == "goal")
    assert goals == [(1, "加强理论学习"), (2, "推进协商民主"), (3, "提升履职能力")]
    appointed = by_kind["appointment"]
    assert (appointed["person"], appointed["relation"], appointed["date"]) == ("钱卫东", "appointed", "2021-01-18")
    assert by_kind["credit"]["relation"] == "reporter" and by_kind["report"]["title"] == "常委会工作报告"
    assert all(r["headline"] and r["article_date"] for r in rows)
    assert any("\n" in r["sentence"] for r in rows)  # the wrapped sentence, kept as written


def test_every_literal_field_of_the_shape_is_a_column():
    cols = facts.columns()
    for t in shape.FACTS:
        for p in t.props:
            if p.value in ("text", "integer"):
                assert p.field in cols or any(q.value == "role" and q.field == p.field for q in t.props)
            elif p.value in facts.ENTITY_COLUMNS:
                assert facts.ENTITY_COLUMNS[p.value] in cols
    assert len(set(cols)) == len(cols)


def test_facts_csv_has_a_bom_and_reads_in_pandas(built, tmp_path):
    pd = pytest.importorskip("pandas", reason="pandas is in the test extra (pip install -e .[test])")
    assert main(["export", str(built / "out" / "graph.ttl"), "--format", "facts", "--out", str(tmp_path)]) == 0
    data = (tmp_path / "facts.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    df = pd.read_csv(tmp_path / "facts.csv")  # as it is: no encoding, no options
    assert list(df.columns) == list(facts.columns())
    with Source(built / "out" / "graph.ttl").opened() as st:
        rows = facts.rows(st)
    assert len(df) == len(rows)
    assert list(df["sentence"]) == [r["sentence"] for r in rows]
    assert df.loc[df["kind"] == "attendance", "present"].iloc[0] == 598


def test_neo4j_cells_stay_on_one_line(built, tmp_path):
    assert main(["export", str(built / "out" / "graph.ttl"), "--format", "neo4j", "--out", str(tmp_path)]) == 0
    for name in ("nodes.csv", "relationships.csv"):
        text = (tmp_path / "neo4j" / name).read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) == len(text.splitlines()), name  # no quoted line break: no --multiline-fields needed
    rels = (tmp_path / "neo4j" / "relationships.csv").read_text(encoding="utf-8")
    assert "主持 会议并作常委会工作报告" in rels  # the wrapped sentence, its break a space


def _run(argv: list[str], capsys) -> str:
    assert main(argv) == 0
    return capsys.readouterr().out


def test_view_stats_export_from_the_store_match_the_file(built, tmp_path, capsys):
    ttl, nq, db = built / "out" / "graph.ttl", built / "out" / "graph.nq", str(built / "db")
    for fmt in ("table", "json", "markdown"):
        assert _run(["stats", str(ttl), "--format", fmt], capsys) == _run(["stats", "--store", db, "--format", fmt], capsys)
    _run(["view", str(ttl), "--out", str(tmp_path / "a.html")], capsys)
    _run(["view", "--store", db, "--out", str(tmp_path / "b.html")], capsys)
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    _run(["view", str(ttl), "--focus", "方书华", "--out", str(tmp_path / "fa.html")], capsys)
    _run(["view", "--store", db, "--focus", "方书华", "--out", str(tmp_path / "fb.html")], capsys)
    assert (tmp_path / "fa.html").read_bytes() == (tmp_path / "fb.html").read_bytes()
    for name, src in (("file", str(ttl)), ("nq", str(nq))):
        _run(["export", src, "--format", FORMATS, "--out", str(tmp_path / name)], capsys)
    _run(["export", "--store", db, "--format", FORMATS, "--out", str(tmp_path / "store")], capsys)
    written = sorted(p.relative_to(tmp_path / "store") for p in (tmp_path / "store").rglob("*") if p.is_file())
    assert len(written) == 10
    for rel in written:
        store = (tmp_path / "store" / rel).read_bytes()
        # the article graphs are the store's as built (graph.nq); the merged graph and the
        # entity view are the same from any of the three
        assert store == (tmp_path / "nq" / rel).read_bytes(), rel
        if rel.name not in ("graph.nq", "graph.trig", "graph.jsonld"):
            assert store == (tmp_path / "file" / rel).read_bytes(), rel
    assert main(["stats"]) == 1 and main(["export", str(ttl), "--store", db]) == 1
    capsys.readouterr()


def test_progress_is_silent_off_a_terminal_and_shown_on_one(built, tmp_path, capsys):
    _run(["export", str(built / "out" / "graph.ttl"), "--format", "facts,graphml", "--out", str(tmp_path)], capsys)
    assert main(["export", str(built / "out" / "graph.ttl"), "--format", "facts", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    term = Terminal()
    with progress.steps("kg export", term) as steps:
        steps.step("facts")
    assert "kg export: facts" in term.getvalue()
    assert list(progress.bar(range(3), 3, "x", stream=term)) == [0, 1, 2]
    quiet = io.StringIO()
    with progress.steps("kg export", quiet) as steps:
        steps.step("facts")
    assert quiet.getvalue() == ""


def test_facts_of_the_shared_corpus(shared, tmp_path_factory):
    """The corpus built with its dates: every row's sentence lies in its article's text; the
    person with the most posts has dated posts and meetings with headlines and sentences."""
    out = tmp_path_factory.mktemp("corpus")
    assert main(["build", str(shared / "corpus" / "articles"), str(shared / "corpus" / "reports"),
                 "--out", str(out), "--quiet", "--no-view"]) == 0
    from kg.analysis import person

    with Source(out / "graph.ttl").opened() as st:
        rows = facts.rows(st)
        _check_rows(rows, _texts(st))
        posts: dict[str, set] = {}
        for r in rows:
            if r["role"] and r["person"]:
                posts.setdefault(r["person"], set()).add(r["role"])
        busiest = max(sorted(posts), key=lambda n: len(posts[n]))
        [t] = person.timeline(st, busiest)
    assert len(rows) > 1000
    assert t.posts and all(p.first and p.first.date and p.first.headline for p in t.posts)
    assert t.meetings and all(m.statement.sentence and m.statement.headline for m in t.meetings)
    dated = [m.date for m in t.meetings if m.date]
    assert dated == sorted(dated)
