"""Appointments and removals, the fact type added through kg.rdf.shape: mapped, shaped,
drawn, counted, split and read back as a career. Facts written by hand on invented
sentences (the extractor is tested with the extractors)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as rns
from rdflib.namespace import RDF, SKOS

from kg.analysis.entities import entity_graph
from kg.corpus.merge import MergeStats, _count
from kg.extract.facts import Appointment, ArticleFacts, Meeting, Role
from kg.graph import dataset, files, query
from kg.graph.export import RELATIONSHIP_TYPES
from kg.rdf import iri
from kg.rdf.mapping import new_graph, to_graph, triples
from kg.rdf.namespace import KG, NIF
from kg.rdf.terms import ntriples
from kg.text.document import Document, normalise

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "ontology" / "shapes.ttl"
CAREER = ROOT / "queries" / "career.rq"
SH = "http://www.w3.org/ns/shacl#"

CONGRESS = "云岭省第八届人民代表大会常务委员会第十二次会议"
GOV = "云岭省人民政府"


def _span(doc: Document, needle: str) -> tuple[int, int]:
    i = doc.text.index(needle)
    return i, i + len(needle)


def article(text: str, date: str | None = "2031-06-30", meeting_date: str | None = "2031-06-28",
            changes: tuple = (), posts: tuple = (), source: str = "invented.txt") -> tuple[Document, ArticleFacts]:
    """An invented article with its facts written by hand: `changes` are (person, post,
    action, body or None, sentence), `posts` (person, post, body, sentence)."""
    doc = normalise(text, source=source, meta={"date": date} if date else {})
    f = ArticleFacts(date=date, date_source="metadata" if date else None)
    m = Meeting(CONGRESS, body="云岭省人民代表大会常务委员会", term=8, session=12, date=meeting_date, main=True)
    m.spans.append(_span(doc, CONGRESS))
    f.meetings[CONGRESS] = m
    for person, post, action, body, sentence in changes:
        f.add_person(person, _span(doc, person))
        if body:
            f.add_org(body, None, "government")
        f.appointments.append(Appointment(person, post, action, body, CONGRESS, _span(doc, sentence)))
    for person, post, body, sentence in posts:
        f.add_person(person, _span(doc, person))
        f.roles.append(Role(person, post, organization=body, span=_span(doc, sentence)))
    return doc, f


ELECTED = (f"{CONGRESS}闭幕。会议决定任命韦思远为云岭省人民政府副省长。"
           "会议接受柏永年辞去云岭省监察委员会主任职务。")


def _elected() -> tuple[Document, ArticleFacts]:
    return article(ELECTED, changes=(
        ("韦思远", "副省长", "appointed", GOV, "会议决定任命韦思远为云岭省人民政府副省长"),
        ("柏永年", "云岭省监察委员会主任", "resigned", None, "会议接受柏永年辞去云岭省监察委员会主任职务")))


def _graph(doc: Document, facts: ArticleFacts) -> Graph:
    return to_graph(doc, facts, new_graph())


def test_mapping_writes_person_post_action_body_meeting_and_the_meetings_date() -> None:
    g = _graph(*_elected())
    a = next(s for s in g.subjects(KG.appointee, URIRef(iri.person("韦思远"))))
    assert (a, RDF.type, KG.Appointment) in g
    assert g.value(a, KG.roleLabel) == Literal("副省长")
    assert g.value(g.value(a, KG.post), SKOS.prefLabel) == Literal("副省长")
    assert g.value(a, KG.action) == KG.appointed and g.value(KG.appointed, SKOS.notation) == Literal("appointed")
    assert g.value(a, KG.postOrganization) == URIRef(iri.organization(GOV))
    assert g.value(a, KG.meeting) == URIRef(iri.meeting(CONGRESS))
    assert g.value(a, KG.date) == Literal("2031-06-28", datatype=rns.XSD.date)  # the sitting's, not the article's
    assert str(g.value(g.value(a, KG.evidence), NIF.anchorOf)).startswith("会议决定任命韦思远")
    # the same post as a membership's: one org:Role node
    assert g.value(a, KG.post) == URIRef(iri.role("副省长"))


@pytest.mark.parametrize("meta, sitting, expected", [
    ("2031-07-01", None, "2031-07-01"),  # the deciding meeting has no date: the article's
    (None, None, None),  # neither: no date rather than a guess
])
def test_date_falls_back_to_the_articles(meta, sitting, expected) -> None:
    doc, f = article(ELECTED, date=meta, meeting_date=sitting,
                     changes=(("韦思远", "副省长", "appointed", GOV, "会议决定任命韦思远为云岭省人民政府副省长"),))
    dates = list(_graph(doc, f).objects(None, KG.date))
    assert dates == ([Literal(expected, datatype=rns.XSD.date)] if expected else [])


def _conforms(g: Graph) -> tuple[bool, set[str], str]:
    ok, report, text = validate(g, shacl_graph=Graph().parse(SHAPES))
    return ok, {str(c).split("#")[1] for c in report.objects(None, URIRef(SH + "sourceConstraintComponent"))}, text


def _appointment(g: Graph) -> URIRef:
    return sorted(g.subjects(RDF.type, KG.Appointment))[0]


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


BREAKAGES = {
    "no appointee": (lambda g: g.remove((_appointment(g), KG.appointee, None)), "MinCountConstraintComponent"),
    "action from another scheme": (lambda g: _set(g, _appointment(g), KG.action, KG.presided), "InConstraintComponent"),
    "two actions": (lambda g: g.add((_appointment(g), KG.action, KG.removed)), "MaxCountConstraintComponent"),
    "label not the post's": (lambda g: _set(g, _appointment(g), KG.roleLabel, Literal("某职务")),
                             "EqualsConstraintComponent"),
    "post body is a person": (lambda g: _set(g, _appointment(g), KG.postOrganization,
                                             URIRef(iri.person("韦思远"))), "ClassConstraintComponent"),
    "date as a string": (lambda g: _set(g, _appointment(g), KG.date, Literal("2031-06-28")),
                         "DatatypeConstraintComponent"),
    "no evidence": (lambda g: g.remove((_appointment(g), KG.evidence, None)), "MinCountConstraintComponent"),
}


def test_appointment_graph_conforms() -> None:
    ok, _, text = _conforms(_graph(*_elected()))
    assert ok, text


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_appointment_does_not_conform(name: str) -> None:
    breaking, component = BREAKAGES[name]
    g = _graph(*_elected())
    breaking(g)
    ok, found, text = _conforms(g)
    assert not ok, f"{name}: the shapes let it pass"
    assert component in found, f"{name}: expected {component}, got {found}\n{text}"


def test_entity_view_draws_an_edge_to_the_body_or_else_to_the_post() -> None:
    doc, f = _elected()
    f.roles.append(Role("韦思远", "副省长", organization=GOV, span=_span(doc, "韦思远")))
    G = entity_graph(_graph(doc, f))
    edges = {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"]): d for u, v, d in G.edges(data=True)}
    appointed = edges[("韦思远", "appointed", GOV)]
    assert appointed["label"] == "任命副省长"
    assert any("决定任命韦思远" in s for s in appointed["sentences"])
    # no body known: the edge goes to the post, drawn for it
    resigned = edges[("柏永年", "resigned", "云岭省监察委员会主任")]
    assert resigned["label"] == "辞去云岭省监察委员会主任"
    posts = sorted(d["label"] for _, d in G.nodes(data=True) if d["cls"] == "post")
    assert posts == ["云岭省监察委员会主任"]  # the membership's post shows on its body, not as a node
    assert "APPOINTED" in RELATIONSHIP_TYPES and "RESIGNED" in RELATIONSHIP_TYPES


def test_merge_counts_appointments() -> None:
    stats = MergeStats()
    list(_count(ntriples(triples(*_elected())), stats))
    assert stats.facts["appointment"] == 2


def test_the_same_appointment_reported_by_two_articles_is_a_node_in_each_article_graph() -> None:
    """The same decision reported by two articles: one node per article, each in its
    article's graph with that article's provenance only; the person once, in the shared graph."""
    first = _elected()
    second = article("据报道，" + ELECTED, source="second.txt", changes=(
        ("韦思远", "副省长", "appointed", GOV, "会议决定任命韦思远为云岭省人民政府副省长"),))
    merged = [t for doc, f in (first, second) for t in triples(doc, f)]
    graphs = dataset.split_triples(merged)
    nodes = sorted({s for s, p, o in merged if p == f"<{KG.appointee}>" and o == f"<{iri.person('韦思远')}>"})
    assert len(graphs) == 3 and len(nodes) == 2
    names = [str(iri.article(d.digest)) for d, _ in (first, second)]
    for name in names:
        own = [t for t in graphs[name] if t[0] in nodes]
        assert {o for _, p, o in own if p == f"<{KG.article}>"} == {f"<{name}>"}
        evidence = [o for _, p, o in own if p == f"<{KG.evidence}>"]
        assert evidence and all(iri.parse_span(e[1:-1])[0] == name for e in evidence)
        assert any(p == f"<{KG.action}>" for _, p, _o in own)
    person = f"<{iri.person('韦思远')}>"
    assert [g for g, ts in graphs.items() if any(t[0] == person for t in ts)] == [str(dataset.SHARED_GRAPH)]


def test_career_reads_start_and_end_from_appointments_and_the_posts_reported_between(tmp_path) -> None:
    """Elected in 2031, stated as governor in 2032, resigned in 2033: one row, start and end;
    a post no article dates: a row without dates."""
    texts = (
        (f"{CONGRESS}闭幕。会议选举韦思远为云岭省人民政府省长。", "2031-01-20", "2031-01-18",
         (("韦思远", "省长", "elected", GOV, "会议选举韦思远为云岭省人民政府省长"),), ()),
        (f"{CONGRESS}召开。省长韦思远出席会议。", "2032-05-10", "2032-05-09",
         (), (("韦思远", "省长", GOV, "省长韦思远"),)),
        (f"{CONGRESS}闭幕。会议接受韦思远辞去云岭省人民政府省长职务。", "2033-09-02", "2033-08-30",
         (("韦思远", "省长", "resigned", GOV, "会议接受韦思远辞去云岭省人民政府省长职务"),), ()),
        # undated: a row with no dates, after the dated ones
        (f"{CONGRESS}召开。省委副书记韦思远出席。", None, None, (), (("韦思远", "省委副书记", None, "省委副书记韦思远"),)),
    )
    g = new_graph()
    for k, (text, date, sitting, changes, posts) in enumerate(texts):
        to_graph(*article(text, date, sitting, changes, posts, source=f"a{k}.txt"), g)
    sparql = CAREER.read_text(encoding="utf-8").replace('"王建华"', '"韦思远"')
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    expected = [["韦思远", "省长", GOV, "2031-01-18", "2033-08-30", "2031-01-18", "2033-08-30", "3"],
                ["韦思远", "省委副书记", None, None, None, None, None, "1"]]
    assert query.run(g, sparql)[1] == expected  # rdflib, on a user's Graph
    assert query.run(files.load(path), sparql)[1] == expected  # pyoxigraph, as kg query runs it


def test_shape_declares_the_type_in_the_table() -> None:
    from kg.rdf import shape

    t = shape.BY_NAME["appointment"]
    assert t in shape.FACTS and t.cls == KG.Appointment and t.records == "appointments"
    assert {KG.appointee, KG.post, KG.action, KG.postOrganization, KG.meeting} <= shape.LINKS
    assert shape.fact_classes()[KG.Appointment] == "appointment"


def test_a_post_two_articles_state_keeps_each_articles_date_and_the_session_each_sittings() -> None:
    """Two articles state the same post at two sittings of one session: two post nodes,
    each with its own article, evidence and date; one meeting node carrying both dates;
    each participation keeps its own sitting's date; career.rq's first and last are the
    two articles' dates."""
    from kg.extract.facts import Participation

    g = new_graph()
    for k, (date, sitting) in enumerate((("2031-03-03", "2031-03-02"), ("2031-03-09", "2031-03-08"))):
        doc, f = article("据报道，" * k + f"{CONGRESS}举行全体会议。省长韦思远主持会议。", date, sitting,
                         posts=(("韦思远", "省长", GOV, "省长韦思远"),), source=f"s{k}.txt")
        f.participations.append(Participation("韦思远", "presided", CONGRESS, _span(doc, "韦思远主持会议")))
        to_graph(doc, f, g)
    posts = sorted(g.subjects(RDF.type, rns.ORG.Membership))
    assert len(posts) == 2
    assert sorted(str(g.value(m, KG.date)) for m in posts) == ["2031-03-03", "2031-03-09"]
    for m in posts:
        assert len(set(g.objects(m, KG.date))) == 1 and len(set(g.objects(m, KG.article))) == 1
        (span,) = g.objects(m, KG.evidence)
        assert g.value(span, NIF.referenceContext) == g.value(m, KG.article)
    (meeting,) = set(g.subjects(RDF.type, KG.Meeting))
    assert sorted(map(str, g.objects(meeting, KG.date))) == ["2031-03-02", "2031-03-08"]
    parts = sorted(g.subjects(RDF.type, KG.Participation))
    assert sorted(str(g.value(p, KG.date)) for p in parts) == ["2031-03-02", "2031-03-08"]
    sparql = CAREER.read_text(encoding="utf-8").replace('"王建华"', '"韦思远"')
    assert query.run(g, sparql)[1] == [["韦思远", "省长", GOV, None, None, "2031-03-03", "2031-03-09", "2"]]
    presided = (ROOT / "queries" / "presided.rq").read_text(encoding="utf-8")
    assert [r[2] for r in query.run(g, presided)[1]] == ["2031-03-02", "2031-03-08"]


def test_a_recurring_meeting_is_one_node_per_sitting_and_per_article_when_undated() -> None:
    """A meeting without a term (a standing body's weekly meeting): its sittings on two
    days are two nodes; two articles of one day report one sitting; undated, each
    article's is its own."""
    name = "云岭省人民政府常务会议"

    def sitting(text: str, date: str | None, meeting_date: str | None, source: str) -> set[URIRef]:
        doc = normalise(text, source=source, meta={"date": date} if date else {})
        f = ArticleFacts(date=date, date_source="metadata" if date else None)
        f.meetings[name] = Meeting(name, body=GOV, date=meeting_date, main=True, spans=[_span(doc, name)])
        return set(_graph(doc, f).subjects(RDF.type, KG.Meeting))

    text = f"{name}召开，研究春耕工作。"
    first = sitting(text, "2031-04-02", "2031-04-01", "a.txt")
    assert first == sitting("据报道，" + text, "2031-04-01", None, "b.txt")  # the same day's sitting
    assert first != sitting(text, "2031-04-09", "2031-04-08", "c.txt")
    undated = [sitting(text + "x" * k, None, None, f"u{k}.txt") for k in range(2)]
    assert undated[0] != undated[1] and not undated[0] & first
