"""A report's own text: an article that is the report itself, not news of it.

A government work report as published opens with its title, the sitting it was delivered
at (`——2024年3月5日在第十四届全国人民代表大会第二次会议上`), the presenter's post and
name, then `各位代表：现在，我代表国务院，向大会报告政府工作…`. Such a text yields one
report: its title as the headline gives it (`政府工作报告`, without the year and place a
web page puts before it), the presenter the byline names (when the people extractor found
the name there), the body of `我代表…`, the article's main meeting. Every enumerated list of
the text belongs to that report (kg.extract.goals reads `document_report`).
"""

from __future__ import annotations

import re

from kg.extract.facts import ArticleFacts, Report
from kg.text.document import Document

#: the first-person delivery that makes a text a report: 我代表国务院，向大会报告政府工作
_SELF = re.compile(r"我代表(?P<body>[^，。；\s]{2,20}?)[，,]?向(?:大会|会议|全会|全体会议)(?:作|报告)")
_OPENING = 1200  # characters from the start within which a report text says so
_TITLE = re.compile(r"^[^\n，。；]{0,30}?工作报告")
_YEAR = re.compile(r"^(?:19|20)\d{2}年")


def _title(text: str, end: int) -> tuple[str, int] | None:
    """The report's title as the lines before `end` give it, and where that line starts."""
    pos = 0
    for line in text[:end].split("\n"):
        m = _TITLE.match(line)
        if m:
            title = m.group(0)
            if "政府工作报告" in title:
                title = "政府工作报告"  # 2026年河南省政府工作报告: a page's title, the report's is this
            return _YEAR.sub("", title), pos
        pos += len(line) + 1
    return None


def find(doc: Document, facts: ArticleFacts, resolve) -> Report | None:
    """The report `doc` itself is, or None when it is no report text; `resolve(written, end)`
    gives the canonical body of a written one."""
    text = doc.text
    m = _SELF.search(text, 0, min(len(text), _OPENING))
    if m is None:
        return None
    found = _title(text, m.start())
    if found is None:
        return None
    title, start = found
    byline = [n for a, b, n in facts.person_mentions() if start <= a and b <= m.start()]
    main = facts.main_meeting
    return Report(title, byline[0] if byline else None, False, resolve(m.group("body"), m.end("body")),
                  main.name if main else None, (start, m.end()))


def document_report(doc: Document, facts: ArticleFacts) -> Report | None:
    """The report among `facts.reports` that the text of `doc` is, if it is one."""
    m = _SELF.search(doc.text, 0, min(len(doc.text), _OPENING))
    found = _title(doc.text, m.start()) if m else None
    if found is None:
        return None
    same = [r for r in facts.reports if r.title == found[0]]
    return min(same, key=lambda r: r.span[0]) if same else None
