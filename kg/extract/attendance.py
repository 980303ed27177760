"""Attendance counts: 应出席 / 出席 / 缺席 (or 应到 / 实到) of the main meeting."""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Attendance
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings",)
ADDS = ("attendance",)


#: who is counted: 代表, 委员, 省委委员, 常委会组成人员 …
_WHO = r"(?:[\u4e00-\u9fff]{0,6}?(?:代表|委员|组成人员|人员|成员))?"
_EXPECTED = re.compile(rf"(?:应出席|应到){_WHO}(\d+)(?:人|名)")
_PRESENT = re.compile(rf"(?<!应)(?:出席|实到){_WHO}(?:会议)?(\d+)(?:人|名)")
_ABSENT = re.compile(rf"缺席{_WHO}(\d+)(?:人|名)")


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add the attendance counts the article gives for its main meeting."""
    main = facts.main_meeting
    if main is None:
        return
    text = doc.text
    for m in _EXPECTED.finditer(text):
        # the counts sit in the same or the next sentence (应出席…。…出席…，缺席…)
        s, _ = doc.sentence_bounds(m.start())
        _, e = doc.sentence_bounds(min(len(text) - 1, doc.sentence_bounds(m.start())[1] + 1))
        window = (m.end(), e)
        present = _PRESENT.search(text, *window)
        absent = _ABSENT.search(text, *window)
        end = max(x.end() for x in (m, present, absent) if x)
        facts.attendance.append(Attendance(
            main.name,
            expected=int(m.group(1)),
            present=int(present.group(1)) if present else None,
            absent=int(absent.group(1)) if absent else None,
            span=(m.start(), end),
        ))
        return
