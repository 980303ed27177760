"""Credits: the byline's reporters and the photographers of the pictures, with their paper.

Bylines are the Document's (`doc.bylines`: `（青川日报记者 罗安）`, `（记者罗安、林雨）`,
a line `本报记者 罗安`); a reporter named in the body (代表对新华社记者X说) is no credit.
Photographers are credited by `X 摄`, with or without a title before the name.

A credit's paper is the organisation written with it (青川日报记者 罗安), else the paper of
the article: the publisher its dateline names (湖北日报讯, 央视网消息), where `本报` is the
paper the metadata names, else the only medium the article names.
"""

from __future__ import annotations

import re

from kg.extract.byline_names import CREDIT, POSTPOSED_CREDIT
from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Credit
from kg.text.document import Document
from kg.text.han import HAN
from kg.text.leads import publisher_span

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("people", "organizations")
ADDS = ("credits", "organizations")


#: a photograph's credit: the name, then 摄 (or 摄影报道, a report in pictures) at the end of
#: its line or clause
_PHOTO_AFTER = re.compile(r" ?摄(?:影报道)?(?![影像])(?=$|\n|[，。；）)】\s、])", re.M)
#: a reporter's report cited in the body (据某报记者甲报道), not a reporter spoken to (对记者甲说)
_REPORTED_BY = re.compile(r"报道[，。：:；]")
#: credit words of a byline that make the names after them photographers
_PHOTO_TITLE = re.compile(r"摄影|[/／]摄|[/／]图")


def _paper_before(facts: ArticleFacts, pos: int, floor: int) -> str | None:
    """The media organisation named just before `pos`, not before `floor`."""
    best = None
    for org in facts.organizations.values():
        if org.cls != "media":
            continue
        for a, b in org.spans:
            if floor <= a and b <= pos and pos - b <= 8 and (best is None or b > best[1]):
                best = (org.name, b)
    return best[0] if best else None


#: a paper named in the byline itself, before its credit word (联合报特派记者甲, 明报记者乙)
_PAPER_IN_BYLINE = re.compile(rf"(?<![{HAN}])[{HAN}]{{1,8}}?(?:日报|晚报|晨报|早报|时报|商报|报|新闻网|通讯社)"
                              rf"(?=[／/ ]*(?:特派|特约|首席|驻[{HAN}]{{1,6}})?(?:记者|摄影))")


def _paper_written(doc: Document, facts: ArticleFacts, a: int, x: int) -> str | None:
    """The paper a byline names before the credit of the name at x (not 本报: the article's)."""
    found = [m for m in _PAPER_IN_BYLINE.finditer(doc.text, a, x) if m.group(0) not in ("本报",)]
    if not found:
        return None
    m = found[-1]
    facts.add_org(m.group(0), m.span(), "media")
    return m.group(0)


def _article_paper(doc: Document, ctx: Context, facts: ArticleFacts) -> str | None:
    """The paper of the article: the dateline's publisher, 本报 the metadata's, else the only medium."""
    for lead in doc.leads:
        span = publisher_span(doc.text, lead)
        if span is None:
            continue
        written = doc.text[span[0]:span[1]]
        if written in ("本报", "本网", "本台", "本刊"):  # the paper or site itself: the metadata's
            source = _source_paper(doc, facts)
            if source:
                return source
            continue
        name = ctx.aliases[written][0] if written in ctx.aliases else written
        facts.add_org(name, span, "media")
        return name
    media = sorted(o.name for o in facts.organizations.values() if o.cls == "media")
    if len(media) == 1:
        return media[0]
    return _source_paper(doc, facts)


def _source_paper(doc: Document, facts: ArticleFacts) -> str | None:
    """The paper the article's metadata names (its source), added as a medium; None if none."""
    source = str(doc.meta.get("source") or "").strip()
    if source:
        facts.add_org(source, None, "media")
        return source
    return None


def _mentions_in(facts: ArticleFacts, a: int, b: int) -> list[tuple[int, int, str]]:
    return sorted((x, y, p.name) for p in facts.people.values() for x, y in p.spans if a <= x and y <= b)


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add a credit per reporter and photographer named in the article."""
    text = doc.text
    paper = _article_paper(doc, ctx, facts)
    seen: set[tuple[str, str]] = set()

    def add(name: str, kind: str, org: str | None, span: tuple[int, int]) -> None:
        if (name, kind) not in seen:
            seen.add((name, kind))
            facts.credits.append(Credit(name, kind, org or paper, span))

    for a, b in doc.bylines:
        for x, y, name in _mentions_in(facts, a, b):
            # the credit word nearest before the name says what the name did (记者 甲 摄影 乙)
            words = [m.group(0) for m in CREDIT.finditer(text, a, x)]
            after = POSTPOSED_CREDIT.match(text, y)  # 许某/摄影, 侯某/文
            if after:
                words.append(after.group(0))
            if _PHOTO_AFTER.match(text, y) or (words and _PHOTO_TITLE.search(words[-1])):
                kind = "photographer"
            elif words and re.search(r"记者|通讯员|[/／]文", words[-1]):
                kind = "reporter"
            else:
                continue  # 编辑, 美工: no credit of the guidelines
            add(name, kind, _paper_before(facts, x, a) or _paper_written(doc, facts, a, x), (x, y))
    for x, y, name in facts.person_mentions():
        # 据某日报记者甲报道: a reporter the body cites for the report, with the paper before
        if _REPORTED_BY.match(text, y) and text.endswith(("记者", "记者 "), 0, x):
            line = text.rfind("\n", 0, x) + 1
            add(name, "reporter", _paper_before(facts, text.rfind("记者", 0, x), line), (x, y))
    starts = {x: y for p in facts.people.values() for x, y in p.spans}
    for p in sorted(facts.people.values(), key=lambda p: p.spans[0]):
        for x, y in p.spans:
            z = y
            while z in starts and starts[z] > z:  # 记者甲某乙某摄: the run of names ends at 摄
                z = starts[z]
            if _PHOTO_AFTER.match(text, z):
                line = text.rfind("\n", 0, x) + 1
                add(p.name, "photographer", _paper_before(facts, x, line), (x, y))
