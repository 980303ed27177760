"""Graphs for the ontology and SHACL tests: an invented article with hand-written facts.

The facts are written by hand (not extracted), so every branch of the RDF mapping is
exercised whatever the extractors find; names, bodies and places are invented.
"""

from __future__ import annotations

from rdflib import Graph

from kg.extract.facts import (
    Appointment,
    ArticleFacts,
    Attendance,
    Credit,
    Goal,
    Meeting,
    Participation,
    Report,
    Role,
)
from kg.rdf.mapping import new_graph, to_graph
from kg.text.document import Document, normalise

MEETING = "青川省第九届人民代表大会第三次会议"
CONGRESS = "青川省人民代表大会"
GOV = "青川省人民政府"
PAPER = "青川日报"
REPORT = "政府工作报告"

#: an invented provincial congress article, with a caption credit and an enumerated list
ARTICLE = (
    "青川省九届人大三次会议开幕\n\n"
    "董明远主持会议。\n"
    "许知夏 摄\n\n"
    "本报讯（青川日报记者 林秋实）3月5日，青川省第九届人民代表大会第三次会议在云州开幕。"
    "大会执行主席董明远主持会议。省领导白若川、骆清和出席大会。"
    "本次会议应出席代表500人，出席480人，缺席20人。"
    "白若川代表青川省人民政府向大会作政府工作报告。骆清和在会上讲话。"
    "会议选举骆清和为青川省人民政府副省长。"
    "报告提出今年的任务：一是稳定就业。二是改善民生。三是保护生态。\n"
)


def span_of(doc: Document, needle: str, after: str = "") -> tuple[int, int]:
    """(start, end) of `needle` in the normalised text, searching from the first `after`."""
    start = doc.text.index(after) if after else 0
    i = doc.text.index(needle, start)
    return i, i + len(needle)


def sample_facts(text: str = ARTICLE) -> tuple[Document, ArticleFacts]:
    """The document of the invented article and one fact of every kind kg maps."""
    doc = normalise(text, source="invented-congress.txt", meta={"date": "2031-03-05", "province": "青川省"})
    f = ArticleFacts(year=2031, province="青川省", province_stated=True)
    m = Meeting(MEETING, body=CONGRESS, term=9, session=3, date="2031-03-05", city="云州", main=True)
    m.spans.append(span_of(doc, MEETING))
    m.spans.append(span_of(doc, "青川省九届人大三次会议"))
    f.meetings[MEETING] = m
    f.add_org(CONGRESS, None, "legislature")
    f.add_org(GOV, span_of(doc, GOV), "government")
    f.add_org(PAPER, span_of(doc, PAPER), "media")
    f.add_place("云州", span_of(doc, "云州"))
    body = "本报讯"
    for name in ("董明远", "白若川", "骆清和"):
        f.add_person(name, span_of(doc, name, after=body))
    f.add_person("林秋实", span_of(doc, "林秋实"))
    f.add_person("许知夏", span_of(doc, "许知夏"))
    f.roles += [
        Role("董明远", "大会执行主席", meeting=MEETING, span=span_of(doc, "大会执行主席董明远")),
        Role("白若川", "省长", organization=GOV, span=span_of(doc, "白若川代表")),
        Role("林秋实", "记者", organization=PAPER, span=span_of(doc, "青川日报记者林秋实")),
    ]
    f.participations += [
        Participation("董明远", "presided", MEETING, span_of(doc, "董明远主持会议", after=body)),
        Participation("白若川", "attended", MEETING, span_of(doc, "白若川、骆清和出席大会")),
        Participation("骆清和", "attended", MEETING, span_of(doc, "白若川、骆清和出席大会")),
        Participation("白若川", "reported", MEETING, span_of(doc, "白若川代表青川省人民政府向大会作政府工作报告")),
        Participation("骆清和", "spoke", MEETING, span_of(doc, "骆清和在会上讲话")),
    ]
    f.reports.append(Report(REPORT, "白若川", on_behalf_of=GOV, meeting=MEETING,
                            span=span_of(doc, "白若川代表青川省人民政府向大会作政府工作报告")))
    f.attendance.append(Attendance(MEETING, 500, 480, 20, span_of(doc, "应出席代表500人，出席480人，缺席20人")))
    for i, item in enumerate(("稳定就业", "改善民生", "保护生态"), start=1):
        f.goals.append(Goal(0, i, "task", 2031, span_of(doc, item), about=REPORT, about_is_report=True))
    f.appointments.append(Appointment("骆清和", "副省长", "elected", GOV, MEETING,
                                      span_of(doc, "会议选举骆清和为青川省人民政府副省长")))
    f.credits += [
        Credit("林秋实", "reporter", PAPER, span_of(doc, "青川日报记者林秋实")),
        # the name only: a span that is a whole sentence ("许知夏 摄") is the case
        # test_ontology.py::test_whole_sentence_evidence_links_to_its_sentence covers
        Credit("许知夏", "photographer", None, span_of(doc, "许知夏")),
    ]
    return doc, f


def sample_graph() -> Graph:
    """The RDF graph of the invented article's hand-written facts."""
    doc, facts = sample_facts()
    return to_graph(doc, facts, new_graph())


if __name__ == "__main__":  # used by tests/test_determinism.py in a fresh process
    import sys

    from kg.rdf.serialize import turtle

    sys.stdout.buffer.write(turtle(sample_graph()))
