"""`kg person`: a person's posts and meetings by date, found by any spelling, homonyms
flagged and kept apart (invented articles and people)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.analysis import person, person_report
from kg.cli import main
from kg.graph.source import Source
from kg.rdf import shape

#: one name holding a post in two provinces, written once in traditional characters, and
#: an appointment decided at a dated sitting
ARTICLES = [
    {"id": "hb1", "date": "2021-03-01", "text": "湖北省人民政府召开常务会议\n本报武汉3月1日电  3月1日，"
     "省长方书华主持召开省政府常务会议，研究部署春耕生产工作。"},
    {"id": "sx1", "date": "2022-05-10", "text": "山西省人民政府召开常务会议\n本报太原5月10日电  5月10日，"
     "省长方书华主持召开省政府常务会议，研究部署防汛工作。"},
    {"id": "hb2", "date": "2021-01-18", "text": "湖北省人大常委会举行会议\n本报武汉1月18日电  1月18日，"
     "省十三届人大常委会第二十次会议在武汉举行。省领导方书华、钱卫东出席会议。会议决定任命钱卫东为省人民政府副省长。"},
    {"id": "hb3", "date": "2021-04-02", "text": "湖北省人民政府召開常務會議\n本報武漢4月2日電  4月2日，"
     "省長方書華主持召開省政府常務會議，研究部署安全生產工作。"},
]


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("person")
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp / "out"), "--quiet", "--no-view", "--store", str(tmp / "db")]) == 0
    return tmp / "out" / "graph.ttl"


def _timeline(graph: Path, name: str) -> list[person.Timeline]:
    with Source(graph).opened() as st:
        return person.timeline(st, name)


def test_homonym_in_two_provinces_is_flagged_and_not_merged(graph):
    [t] = _timeline(graph, "方书华")
    assert t.homonym and t.provinces == ["山西省", "湖北省"]
    governors = {(p.body, p.province) for p in t.posts if p.role == "省长"}
    assert governors == {("湖北省人民政府", "湖北省"), ("山西省人民政府", "山西省")}
    hubei = next(p for p in t.posts if p.body == "湖北省人民政府")
    assert (hubei.first.date, hubei.last.date, hubei.statements) == ("2021-03-01", "2021-04-02", 2)
    assert hubei.first.headline == "湖北省人民政府召开常务会议" and "春耕" in hubei.first.sentence
    assert "安全生產" in hubei.last.sentence  # the sentence as the article writes it
    # meetings by date, each with its part, article date and sentence
    dates = [m.date for m in t.meetings]
    assert dates == sorted(dates) and dates[0] == "2021-01-18" and dates[-1] == "2022-05-10"
    assert [m.part for m in t.meetings if m.province == "山西省"] == ["presided"]
    assert all(m.statement.sentence and m.statement.headline for m in t.meetings)


def test_traditional_and_pinyin_names_find_the_person(graph):
    [t] = _timeline(graph, "方書華")
    assert (t.name, t.matched) == ("方书华", "traditional")
    [p] = _timeline(graph, "Fang Shuhua")
    assert (p.iri, p.matched) == (t.iri, "pinyin")
    with pytest.raises(Exception, match="no person called"):
        _timeline(graph, "赵无名")


def test_an_appointment_gives_the_start_of_a_post(graph):
    [t] = _timeline(graph, "钱卫东")
    post = next(p for p in t.posts if p.role.endswith("副省长"))
    assert post.start == "2021-01-18" and post.end == ""
    assert not t.homonym
    # which actions start and end a post are the appointment kinds the shape declares
    actions = {k for k, scheme in shape.KINDS.items() if scheme == "AppointmentAction"}
    assert set(person.STARTS) | set(person.ENDS) == actions


def test_cli_formats_and_store_agree(graph, capsys):
    store = graph.parent.parent / "db"
    outs = {}
    for fmt in ("table", "csv", "json"):
        assert main(["person", "方书华", str(graph), "--format", fmt]) == 0
        outs[fmt] = capsys.readouterr().out
        assert main(["person", "方书华", "--store", str(store), "--format", fmt]) == 0
        assert capsys.readouterr().out == outs[fmt]
    assert "note: 方书华 holds posts or meetings in 2 provinces" in outs["table"]
    rows = outs["csv"].splitlines()
    assert rows[0].split(",") == list(person_report.CSV_COLUMNS)
    data = json.loads(outs["json"])
    assert data[0]["homonym"] is True and data[0]["posts"][0]["first"]["headline"]
    assert main(["person", "赵无名", str(graph)]) == 1


def test_a_form_the_articles_write_finds_the_person():
    """A written form (skos:altLabel) that no script conversion gives is a way in too, and a
    form two people share finds both, each its own timeline."""
    import pyoxigraph as ox

    person_cls, name, alt = (f"<{x}>" for x in (shape.PERSON.cls, shape.NAME, shape.ALT_NAME))
    data = "".join(f"<urn:p:{i}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> {person_cls} .\n"
                   f"<urn:p:{i}> {name} \"{n}\" .\n<urn:p:{i}> {alt} \"老周\" .\n"
                   for i, n in ((1, "周立平"), (2, "周安民")))
    st = ox.Store()
    st.bulk_load(input=data.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert person.find(st, "老周") == [("urn:p:1", "周立平", "alias"), ("urn:p:2", "周安民", "alias")]
    assert person.find(st, "周立平") == [("urn:p:1", "周立平", "name")]
    assert [t.name for t in person.timeline(st, "老周")] == ["周立平", "周安民"]
