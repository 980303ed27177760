"""Participation: who presided over, attended, reported to or spoke at a meeting.

In each sentence, a participation verb (主持, 出席, 在主席台就座, 作…报告, 讲话 …) takes as
its subjects the people named between the previous verb and itself (省委副书记、省长赵宏主持
会议，省委副书记孙立，省领导…等出席). `在主席台就座的还有：A、B…` puts the subjects after the
verb. The meeting is one named in the clause after the verb, else the article's main one.
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Participation
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings", "people")
ADDS = ("participations",)


_VERBS = re.compile(
    r"(?P<presided>主持)"
    r"|(?P<attended>出席|列席|参加|到会|在主席台(?:前排)?(?:执行主席席)?就座|就座)"
    r"|(?P<report>(?<![工合创写操动制协运著振])作(?=[^，。；]{0,60}?(?:报告|说明|汇报)))"
    r"|(?P<speech>(?<![工合创写操动制协运著振])作(?=[^，。；]{0,8}讲话)|发表(?=[^，。；]{0,8}讲话)|讲话|致辞|(?:在[^，。；]{0,16}?上|在会上|在讲话中)?强调)"
)
_AFTER_LIST = re.compile(r"(?:出席|列席|在主席台就座)(?:会议|大会)?的(?:还)?有[：:]?")
_NOT_A_SPEECH = re.compile(r"^(?:[^，。]{0,4})(?:精神|指示)")


def _kind(m: re.Match, text: str) -> str | None:
    if m.group("presided"):
        if text.startswith("人", m.end()):  # 主持人: the host, not the act
            return None
        return "presided"
    if m.group("attended"):
        return "attended"
    if m.group("report"):
        return "reported"
    if m.group("speech"):
        word = m.group("speech")
        after = text[m.end():m.end() + 8]
        before = text[max(0, m.start() - 3):m.start()]
        if word == "讲话" and (_NOT_A_SPEECH.match(after) or before.endswith(("重要", "的"))):
            return None  # 重要讲话精神, 在…上的讲话: a speech referred to, not one given here
        if "主持" in word or "报告" in word:
            return None
        return "spoke"
    return None


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add a participation for each person a participation verb makes its subject."""
    main = facts.main_meeting
    if main is None:
        return
    text = doc.text
    mentions = facts.person_mentions()
    meetings = sorted((a, b, m.name) for m in facts.meetings.values() for a, b in m.spans)
    seen = set()

    def add(person: str, kind: str, meeting: str, span: tuple[int, int]) -> None:
        if (person, kind, meeting) not in seen:
            seen.add((person, kind, meeting))
            facts.participations.append(Participation(person, kind, meeting, span))

    for s, e in doc.body_sentences():  # a dateline's reporter is no subject
        seg_start = s
        last: list = []
        for m in _VERBS.finditer(text, s, e):
            kind = _kind(m, text)
            if kind is None:
                continue
            subjects = [(a, b, n) for a, b, n in mentions if seg_start <= a and b <= m.start()]
            named = bool(subjects)
            if not subjects and re.match(r"^[^，。；]{0,6}?并", text[seg_start:m.start()]):
                subjects = last  # 主持会议并在主席台就座: the same people
            last = subjects or last
            # the meeting: one the clause names after the verb (X出席全省…大会), else one the
            # sentence named before it (中共中央召开…会议，X发表重要讲话), else the main one
            clause_end = next((k for k in range(m.end(), e) if text[k] in "，。；"), e)
            meeting = next((n for a, b, n in meetings if m.end() <= a < clause_end), None)
            if meeting is None:
                meeting = next((n for a, b, n in reversed(meetings) if s <= a and b <= m.start()), main.name)
            if kind == "spoke" and m.group("speech").endswith("强调") and len(m.group("speech")) == 2:
                # a bare 强调 after a report continues the report, not a speech of its own
                subjects = [x for x in subjects if (x[2], "reported", meeting) not in seen]
            for a, _b, name in subjects:
                add(name, kind, meeting, (a, m.end()))
            if named or kind != "spoke":
                seg_start = m.end()
        for m in _AFTER_LIST.finditer(text, s, e):
            for a, b, name in mentions:
                if m.end() <= a < e:
                    add(name, "attended", main.name, (m.start(), b))
