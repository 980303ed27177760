"""Hostile articles: whatever an article holds, it is refused with a one-line reason or
built into a graph every RDF parser reads; it never raises, and never fails another.

The fuzz mixes political vocabulary (titles, bodies, meeting words, list markers),
invented names, punctuation (brackets of every kind, IRI delimiters), digits (ASCII,
full-width, Chinese) and control characters (C0, C1, line and paragraph separators,
BOM, U+FFFD, private use, bidi controls)."""

from __future__ import annotations

import json

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.corpus.inputs import Article, record_article
from kg.corpus.shard import build_shard
from kg.errors import KgError
from kg.rdf import iri
from kg.text.reading import decode_bytes

VOCAB = ["本报讯", "记者", "摄", "省长", "副省长", "常务", "书记", "省委", "主任", "委员会", "人民代表大会",
         "常务委员会", "政协", "第十四届", "第二次会议", "全体会议", "开幕", "闭幕", "选举", "为", "任命",
         "免去", "职务", "主持", "出席", "作", "报告", "讲话", "一是", "二是", "三是", "要", "加强", "推进",
         "建设", "改革", "会议", "在", "举行", "召开", "大会", "执行主席", "主席团", "同志", "等", "和", "年",
         "月", "日", "市", "县", "政府工作报告", "代表", "应到", "实到", "人", "名", "甲江省", "乙山市",
         "会堂", "下转", "版"]
NAMES = ["王", "李", "欧阳", "林", "周", "孙"]
GIVEN = ["晓明", "小川", "明远", "德海", "立平", "一"]
PUNCT = list("，。、；：？！“”‘’《》（）【】〔〕[]{}<>\"'\\/|^`#%&?=+-*…—·　 \t\n\r@:;$~.!,_")
DIGITS = list("0123456789０１２３４５６７８９一二三四五六七八九十百千万零〇两") + ["2024", "１９９８", "二〇二五"]
CONTROL = [chr(c) for c in range(32)] + ["\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff", "\ufffd",
                                         "\u200b", "\u202e", "\ue000", "\U0001f600", "\u0301", "\uffff"]

_piece = st.one_of(
    st.sampled_from(VOCAB), st.sampled_from(VOCAB), st.sampled_from(VOCAB),
    st.builds(lambda a, b: a + b, st.sampled_from(NAMES), st.sampled_from(GIVEN)),
    st.sampled_from(PUNCT), st.sampled_from(PUNCT),
    st.sampled_from(DIGITS),
    st.sampled_from(CONTROL),
)
articles = st.lists(_piece, min_size=1, max_size=60).map("".join)


def _parses(nquads: bytes) -> int:
    return sum(1 for _ in ox.parse(nquads, format=ox.RdfFormat.N_QUADS))


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
def test_any_article_is_refused_in_one_line_or_built_into_a_valid_graph(text):
    try:
        read = decode_bytes(text.encode("utf-8"), "fuzz.txt")
    except KgError as exc:  # refused: one line naming the input
        assert str(exc).startswith("fuzz.txt: ") and "\n" not in str(exc)
        return
    r = build_shard(Article("fuzz", read, "fuzz.txt"))
    assert r.error is None, (text, r.error)
    assert _parses(r.nquads) == r.triples > 0


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, articles, st.text(max_size=30))
def test_any_jsonl_record_is_refused_in_one_line_or_built(text, title, url):
    record = {"id": title[:10], "text": text, "title": title, "source": title[::-1], "url": url}
    try:
        art = record_article(json.loads(json.dumps(record)), "n.jsonl:7", "n.jsonl:7")
    except KgError as exc:
        assert str(exc).startswith("n.jsonl:7: ") and "\n" not in str(exc)
        return
    r = build_shard(art)
    assert r.error is None, (record, r.error)
    assert _parses(r.nquads) == r.triples


@given(st.text(max_size=40))
def test_every_minted_iri_is_valid(name):
    for term in (iri.person(name), iri.organization(name), iri.meeting(name, "2024-03-05"), iri.place(name),
                 iri.role(name)):
        ox.NamedNode(str(term))  # raises on a character an IRI may not hold


def test_brackets_and_replacement_characters_in_names_build_with_the_other_articles(tmp_path, capsys):
    """The audit's input: a role written with brackets, and U+FFFD in a name, beside a
    good article: all three built, the graph parses, the names kept as written."""
    inputs = []
    for i, line in enumerate(["本报讯 会议选举王晓明为[常务]副省长。",
                              "本报讯 会议选举林小川为\ufffd常务副省长。{乙山市}第[三]次会议在会堂举行。",
                              "本报讯 甲江省人民代表大会常务委员会召开会议。主任周德海主持会议。"]):
        path = tmp_path / f"{i}.txt"
        path.write_text(line + "\n", encoding="utf-8")
        inputs.append(str(path))
    out = tmp_path / "out"
    assert main(["build", *inputs, "--out", str(out), "--no-view", "--quiet"]) == 0
    g = ox.Store()
    g.load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    labels = {s["l"].value for s in g.query("SELECT ?l WHERE { ?m <https://w3id.org/kg-cn/ontology#roleLabel> ?l }")}
    assert "[常务]副省长" in labels
    assert len(list(g.query("SELECT ?a WHERE { ?a a <https://schema.org/NewsArticle> }"))) == 3
