"""Reports delivered at a meeting: presenter, title as written, on whose behalf, meeting.

`林志远代表省人民政府向大会作政府工作报告`, `受全国人大常委会委托，沈宁作关于…的说明`,
and reports a body presents (`提案委员会关于…的报告`, `国务院关于…的报告`).
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Report
from kg.text.document import Document
from kg.text.numerals import NUM

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("participations", "people", "organizations", "meetings")
ADDS = ("reports",)


_DELIVER = re.compile(r"(?:代表(?P<body>[^，。；]{2,20}?))?(?:向[^，。；]{1,8}?)?(?<![工合创写操动制协运著振])作(?P<title>[^，。；]{2,80}?(?:报告|说明))")
_ON_BEHALF = re.compile(r"受(?P<body>[^，。；]{2,20}?)(?:的)?委托")
_GENERIC_TITLE = re.compile(r"^(?:有关|相关|[了的])?(?:报告|说明)(?:[和及、](?:报告|说明))?$")
_BODY_REPORT = re.compile(r"(?P<title>关于[^，。；]{2,80}?的(?:报告|说明))")


_TERM = re.compile(rf"第?{NUM}届")


def _org(ctx: Context, facts: ArticleFacts, written: str) -> str | None:
    """The canonical body written as `written`, the term left out if need be
    (政协第十三届全国委员会常务委员会 is the standing committee of the national CPPCC)."""
    for form in (written.strip(), _TERM.sub("", written.strip())):
        if form in ctx.aliases:
            return ctx.aliases[form][0]
        if form in facts.organizations:
            return form
    return None


def _org_ending_at(ctx: Context, facts: ArticleFacts, text: str, pos: int) -> str | None:
    for org in facts.organizations.values():
        for _a, b in org.spans:
            if b == pos:
                return org.name
    for n in range(min(pos, 24), 1, -1):
        o = _org(ctx, facts, text[pos - n:pos])
        if o:
            return o
    return None


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add each report delivered at the article's meetings."""
    text = doc.text
    main = facts.main_meeting
    meeting = main.name if main else None
    seen = set()
    # in text order, so that a person reporting at two meetings resolves the same every run
    reporters = [(p.person, p.meeting) for p in facts.participations if p.kind == "reported"]
    mentions = facts.person_mentions()
    for s, e in doc.sentences():
        for m in _DELIVER.finditer(text, s, e):
            who = [(a, n) for a, b, n in mentions if s <= a and b <= m.start()]
            if not who:
                continue
            person = who[-1][1]
            # only someone the participation extractor saw deliver a report presents one
            meeting_name = next((mt for p_, mt in reporters if p_ == person), None)
            if meeting_name is None:
                continue
            _deliver(doc, ctx, facts, m, s, person, meeting_name, seen)
    _body_reports(doc, ctx, facts, meeting, seen)
    # 周明远代表…常务委员会，向大会报告工作: the body a presenter speaks for, said apart
    for r in facts.reports:
        if r.presenter and not r.presenter_is_org and r.on_behalf_of is None:
            m = re.search(rf"{re.escape(r.presenter)}代表(?P<body>[^，。；]{{2,30}}?)(?:，|向)", text)
            if m:
                r.on_behalf_of = _org(ctx, facts, m.group("body"))


def _deliver(doc: Document, ctx: Context, facts: ArticleFacts, m: re.Match, s: int, person: str,
             meeting_name: str, seen: set) -> None:
    """Add (or complete) the report `person` delivers in match `m` of sentence start `s`."""
    text = doc.text
    title = m.group("title").lstrip("了的")
    if _GENERIC_TITLE.match(title):
        return  # 作报告和说明: no title to record
    body = _org(ctx, facts, m.group("body")) if m.group("body") else None
    if body is None:
        ob = _ON_BEHALF.search(text, s, m.start())
        if ob:
            body = _org(ctx, facts, ob.group("body"))
    for r in facts.reports:
        if (r.presenter, r.title) == (person, title):
            # a headline names the report; the body says on whose behalf
            r.on_behalf_of = r.on_behalf_of or body
            return
    seen.add((person, title))
    facts.reports.append(Report(title, person, False, body, meeting_name, (m.start(), m.end())))


def _body_reports(doc, ctx, facts, meeting, seen) -> None:
    """Reports a body presents: 国务院关于…的报告."""
    text = doc.text
    for m in _BODY_REPORT.finditer(text, doc.body_start):
        org = _org_ending_at(ctx, facts, text, m.start())
        if org is None or (org, m.group("title")) in seen:
            continue
        seen.add((org, m.group("title")))
        facts.reports.append(Report(m.group("title"), org, True, org if "政府" in org or "国务院" in org else None,
                                    meeting, m.span()))
