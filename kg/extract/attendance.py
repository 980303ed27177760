"""Attendance counts: how many were expected, present and absent at a meeting.

Counts come in many forms: `应出席代表512人，出席498人，缺席14人`, `应到委员71人，实到68人`,
`实有代表551人，到会530人`, `共有代表935名，出席开幕大会的代表917人`, `因病因事请假23人`,
`代表总数380人`, `（应到359，实到318）` (bare numbers in a parenthesis),
`常委会组成人员171人出席会议` (the present count alone), and counts by category of member
(`应到委员702人，特邀委员40人；实到委员641人…`: the first category, the members, is kept).
A cluster of counts runs from its first count through the next sentence.

The counts belong to the meeting their sentence names (`省政协十二届三次会议应出席委员…`), else
the article's main meeting; a presidium's count (`应到主席团成员62人`) belongs to the
presidium's meeting, never to the session: with no such meeting it is left out.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Attendance
from kg.text.document import Document
from kg.text.han import HAN
from kg.text.numerals import to_int

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings",)
ADDS = ("attendance",)

#: who is counted: 代表, 委员, 省委委员, 常委会组成人员, 主席团成员 …
_WHO = rf"(?P<who>[{HAN}]{{0,8}}?(?:代表|委员|组成人员|人员|成员))?"
_N = r"(?P<n>\d{1,5}|[一二两三四五六七八九十百千零〇]{1,9})(?:人|名)"
#: (kind, pattern): a count's kind and where its number is. Each pattern opens with a
#: lookahead naming the characters its matches start with: the engine then passes over the
#: other positions at once (the scan of every article's text by seven patterns)
_COUNTS = (
    ("expected", re.compile(rf"(?=[应实现共])(?:应出席|应到会?|实有|现有|共有){_WHO}(?:会议)?{_N}")),
    ("present", re.compile(rf"(?=[实出到])(?<![应报])(?:实际出席|实际到会|实出席|出席|实到|到会)(?:[^，。；\d]{{0,10}}?的)?{_WHO}"
                           rf"(?:会议)?{_N}")),
    # 省委委员75人、省委候补委员16人出席会议: the first category's count
    ("present", re.compile(rf"(?=[常组委代成])(?<![及和、])(?P<who>(?:常委会)?组成人员|委员|代表|成员){_N}"
                           rf"(?:[、，][^，。；、]{{0,10}}?(?:\d{{1,5}}|[一二两三四五六七八九十百千零〇]{{1,9}})(?:人|名))*(?:出席|到会)")),
    # 代表总数380人: the membership, the expected count
    ("expected", re.compile(rf"(?=[代委组成])(?P<who>代表|委员|组成人员|成员)总数(?:为|是)?{_N}")),
    # (应到359，实到318): bare numbers, no unit, the present count only after the expected one
    ("expected", re.compile(rf"(?=应)(?<=[（(，,、])(?:应出席|应到){_WHO}(?P<n>\d{{1,5}})(?=[，,、；）)])")),
    ("present", re.compile(rf"(?=应)(?<=[（(，,、])(?:应出席|应到)\d{{1,5}}[，,、](?:实到|出席){_WHO}(?P<n>\d{{1,5}})"
                           rf"(?=[，,、；）)])")),
    ("absent", re.compile(rf"(?=[缺请因])(?:缺席|请假|因病因事请假(?:缺席)?|因事因病请假(?:缺席)?){_WHO}{_N}")),
)
_PRESIDIUM = "主席团"
#: a sitting of the meeting the sentence names: its counts are the sitting's
_SITTING = re.compile(r"第[一二三四五六七八九十]+次全体会议|预备会议|开幕会|闭幕会")
_REACH = 2  # sentences after the first count's that its cluster may take in


def _counts(text: str, a: int, b: int) -> list[tuple[int, int, str, int, str]]:
    """(start, end, kind, number, who) of every count in text[a:b], in text order; where two
    patterns read the same number, the first pattern's reading is kept."""
    found: dict[int, tuple[int, int, str, int, str]] = {}
    for kind, rx in _COUNTS:
        for m in rx.finditer(text, a, b):
            n = to_int(m.group("n"))
            if n is not None:
                found.setdefault(m.start("n"), (m.start(), m.end(), kind, n, m.group("who") or ""))
    return sorted(found.values())


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add the attendance counts the article gives, one per meeting."""
    main = facts.main_meeting
    if main is None:
        return
    text = doc.text
    spans = sorted((a, b, m.name) for m in facts.meetings.values() for a, b in m.spans)
    starts = [a for a, _b, _n in spans]
    counts = _counts(text, 0, len(text))  # short opening lines can fall in the headline block
    done: set = set()
    i = 0
    while i < len(counts):
        s, end = doc.sentence_bounds(counts[i][0])
        for _ in range(_REACH):  # the counts run on for up to two more sentences
            nxt = end
            while nxt < len(text) and text[nxt] in "\n ":
                nxt += 1
            if nxt < len(text):
                end = max(end, doc.sentence_bounds(nxt)[1])
        cluster, j = [counts[i]], i + 1
        expected = counts[i][2] == "expected"
        while j < len(counts) and counts[j][0] < end and not (counts[j][2] == "expected" and expected):
            cluster.append(counts[j])  # until a new sentence group, or a second expected count
            expected = expected or counts[j][2] == "expected"
            j += 1
        i = j
        meeting = _meeting(facts, text, spans, starts, s, cluster, main.name)
        sitting = _SITTING.search(text, s, cluster[0][0])
        key = (meeting, sitting.group(0) if sitting else "")
        if meeting is None or key in done or (meeting in done and not sitting):
            continue  # one count per meeting, or per sitting the sentence names (第二次全体会议)
        fact = _fact(meeting, cluster)
        if fact is not None:
            done.update({meeting, key})
            facts.attendance.append(fact)


def _meeting(facts: ArticleFacts, text: str, spans: list, starts: list[int], s: int,
             cluster: list[tuple[int, int, str, int, str]], main: str) -> str | None:
    """The meeting a cluster of counts (its sentence starting at `s`) belongs to."""
    first = cluster[0][0]
    k = bisect_left(starts, first) - 1
    named = spans[k][2] if k >= 0 and spans[k][0] >= s else None
    if any(_PRESIDIUM in c[4] for c in cluster):
        # the presidium's own meeting: one named in the sentence, else the article's only one
        if named and _PRESIDIUM in named:
            return named
        presidia = [n for n in facts.meetings if _PRESIDIUM in n]
        return presidia[0] if len(presidia) == 1 else None
    return named or main


def _fact(meeting: str, cluster: list[tuple[int, int, str, int, str]]) -> Attendance | None:
    """The counts of a cluster: the first of each kind; a count of a second category of
    member (特邀委员 after 委员) is not the meeting's."""
    got: dict[str, tuple[int, int, str, int, str]] = {}
    category = None
    for c in cluster:
        who = c[4]
        if category is None and who:
            category = who
        if who and category and who != category and not who.endswith(category) and not category.endswith(who):
            continue  # 特邀委员 after 委员: another category
        got.setdefault(c[2], c)
    expected = got["expected"][3] if "expected" in got else None
    present = got["present"][3] if "present" in got else None
    absent = got["absent"][3] if "absent" in got else None
    if expected is not None:
        present = present if present is None or present <= expected else None
        absent = absent if absent is None or absent <= expected else None
    if expected is None and present is None:
        return None  # an absence count alone says too little
    used = [c for c in got.values()]
    span = (min(c[0] for c in used), max(c[1] for c in used))
    return Attendance(meeting, expected=expected, present=present, absent=absent, span=span)
