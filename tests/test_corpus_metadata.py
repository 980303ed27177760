"""Article metadata in the graph (title, url, source, id, date) and written forms as alt labels.

Articles and publications here are invented.
"""

from __future__ import annotations

from pathlib import Path

from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.corpus.inputs import record_article
from kg.corpus.shard import build_shard
from kg.pipeline import extract
from kg.rdf import iri
from kg.rdf.mapping import to_graph
from kg.rdf.namespace import KG, ORG, SCHEMA
from kg.text.document import normalise


def _written(g: Graph, subject=None) -> list:
    """The skos:altLabel forms an article writes (not the pinyin label, kg.text.pinyin)."""
    return [o for o in g.objects(subject, SKOS.altLabel) if not (o.language or "").lower().startswith("zh-latn")]

ROOT = Path(__file__).resolve().parents[1]

SIMPLIFIED = "省人大常委会召开会议\n　　本报讯 3月5日，省人大常委会第十次会议召开。常委会主任陈明川主持会议。副主任高若溪出席。\n"
TRADITIONAL = "省人大常委會召開會議\n　　本報訊 3月5日，省人大常委會第十次會議召開。常委會主任陳明川主持會議。副主任高若溪出席。\n"
PADDED = "省人大常委会召开会议\n　　本报讯 3月5日，省人大常委会第十次会议召开。常委会主任周  川主持会议。\n"

RECORD = {"id": "qc-2024-0305-01", "text": SIMPLIFIED, "title": "青川省人大常委会召开第十次会议",
          "date": "2024-03-05", "source": "青川日報", "url": "https://news.example.org/qc/2024 03/01.html"}


def _shard_graph(record: dict) -> tuple[Graph, URIRef]:
    r = build_shard(record_article(record, "in.jsonl:1", "in.jsonl:1"))
    assert r.error is None, r.error
    g = Graph()
    for line in r.nquads.decode("utf-8").split("\n"):
        if line:
            g.parse(data=line.rsplit(" <", 1)[0] + " .\n", format="nt")
    return g, URIRef(r.graph)


def test_jsonl_metadata_maps_to_schema_terms() -> None:
    g, art = _shard_graph(RECORD)
    assert list(g.objects(art, SCHEMA.headline)) == [Literal(RECORD["title"])]  # not the first line
    assert list(g.objects(art, SCHEMA.identifier)) == [Literal("qc-2024-0305-01")]
    assert list(g.objects(art, SCHEMA.datePublished)) == [Literal("2024-03-05", datatype=XSD.date)]
    # an IRI, the space an IRI may not hold escaped
    assert list(g.objects(art, SCHEMA.url)) == [URIRef("https://news.example.org/qc/2024%2003/01.html")]
    (pub,) = g.objects(art, SCHEMA.publisher)
    # one node by the simplified name (as a body named in a text would be), the given form kept
    assert pub == iri.organization("青川日报")
    assert {ORG.Organization, SCHEMA.NewsMediaOrganization} <= set(g.objects(pub, RDF.type))
    assert list(g.objects(pub, SCHEMA.name)) == [Literal("青川日报")]
    assert _written(g, pub) == [Literal("青川日報")]


def test_membership_carries_the_metadata_date() -> None:
    g, _ = _shard_graph(RECORD)
    posts = list(g.subjects(RDF.type, ORG.Membership))
    assert posts
    for m in posts:
        assert list(g.objects(m, KG.date)) == [Literal("2024-03-05", datatype=XSD.date)]


def test_headline_is_the_first_line_without_a_title() -> None:
    g, art = _shard_graph({k: v for k, v in RECORD.items() if k != "title"})
    assert list(g.objects(art, SCHEMA.headline)) == [Literal("省人大常委会召开会议")]
    assert list(g.objects(art, SCHEMA.identifier)) == [Literal("qc-2024-0305-01")]


def test_text_file_article_has_no_identifier_or_publisher() -> None:
    from kg.corpus.inputs import Article

    r = build_shard(Article(id="/some/where/a.txt", text=SIMPLIFIED, source="a.txt"))
    assert r.error is None
    body = r.nquads.decode("utf-8")
    assert str(SCHEMA.identifier) not in body and str(SCHEMA.publisher) not in body


def _graph(text: str) -> Graph:
    doc = normalise(text, source="t.txt")
    return to_graph(doc, extract(doc))


def test_traditional_spelling_becomes_alt_label() -> None:
    g = _graph(TRADITIONAL)
    person = iri.person("陈明川")  # canonical name simplified, the written form an alt label
    assert list(g.objects(person, SCHEMA.name)) == [Literal("陈明川")]
    assert _written(g, person) == [Literal("陳明川")]
    assert all(str(s) and str(s).strip() == str(s) for s in g.objects(None, SKOS.altLabel))


def test_simplified_text_gives_no_alt_label_for_the_same_names() -> None:
    g = _graph(SIMPLIFIED)
    assert not any("會" in str(o) for o in g.objects(None, SKOS.altLabel))


def test_padding_spaces_are_no_alt_label() -> None:
    g = _graph(PADDED)
    assert not any(" " in str(o) or "\u3000" in str(o) for o in _written(g))


def test_metadata_graph_conforms_and_its_terms_are_documented() -> None:
    g, _ = _shard_graph(RECORD)
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    ok, _, text = validate(g, shacl_graph=shapes)
    assert ok, text
    ontology = Graph().parse(ROOT / "ontology" / "kg.ttl")
    for term in (SCHEMA.url, SCHEMA.publisher, SCHEMA.identifier, SCHEMA.headline):
        assert {o.language for o in ontology.objects(term, SKOS.scopeNote)} >= {"zh", "en"}, term


def test_a_recurring_meeting_is_one_node_per_sitting(tmp_path):
    """Two executive meetings on two days are two meetings of one name, not one."""
    from kg.pipeline import build_article
    from kg.rdf.namespace import KG, SCHEMA

    a = "周明远主持召开国务院常务会议\n新华社北京3月4日电 国务院总理周明远3月4日主持召开国务院常务会议，部署春耕。"
    b = "周明远主持召开国务院常务会议\n新华社北京3月11日电 国务院总理周明远3月11日主持召开国务院常务会议，部署防汛。"
    graph = None
    for text in (a, b):
        _, _, graph = build_article(text, meta={"date": "2031-03-11"}, graph=graph)
    meetings = {m for m in graph.subjects(SCHEMA.name, None) if (m, None, KG.Meeting) in graph}
    assert len(meetings) == 2
    assert {str(graph.value(m, KG.date)) for m in meetings} == {"2031-03-04", "2031-03-11"}
