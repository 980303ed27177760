"""Appointments and removals decided at a meeting.

`选举甲、乙为省人大常委会副主任，丙为秘书长` (elected), `任命…为…`, `决定任命…为…`, `决定甲为代理
省长`, `中共中央决定：甲同志任…` (appointed), `甲当选为省长` (elected), `免去甲、乙的…职务`,
`免去其…职务`, `甲不再担任…职务` (removed), `接受甲辞去…职务` (resigned). Lists go both ways:
several names take one post, one name several posts (`…副省长、代理省长`, `…副院长、审判员职务`), and a clause may continue without
its verb (`任命甲为…主任，乙为…副主任`). The post is kept as written, with the body it names
(or, for a bare title, the body it implies; a later post of the same list inherits the body
of the first: `最高人民法院副院长、审判员`). The meeting is the one the sentence is about, else the
article's main one. Only known people are linked: a name the people step missed stays out.
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import Appointment, ArticleFacts
from kg.extract.names import name_shaped
from kg.extract.participation import sentence_meeting
from kg.extract.roles import organization_of, title_at_end
from kg.text.document import Document
from kg.text.han import HAN

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("people", "organizations", "meetings")
ADDS = ("appointments",)

Mention = tuple[int, int, str]

#: verb -> action; 决定 alone only where a name list and 为 follow (决定甲为代理省长)
_APPOINT = re.compile(r"(?P<verb>补选|增选|决定递补|递补|选举|推选|推定|决定任命|批准任命|任命|决定)")
_ACTIONS = {"补选": "elected", "增选": "elected", "递补": "elected", "决定递补": "elected", "选举": "elected", "推选": "elected",
            "推定": "elected"}
_REMOVE = re.compile(r"(?:决定|分别|并|同时)?免去")
_RESIGN = re.compile(r"接受")
_ELECTED = re.compile(r"当选为?")
_NO_LONGER = re.compile(r"不再(?:担任|兼任)")
#: a decision on posts (中共中央决定：甲同志任…；乙同志不再担任…职务)
_DECISION = re.compile(r"决定[：:，]")
_NAMED_TO = re.compile(r"(?:同志)?(?:任|兼任|担任)(?![务期命免职])")
#: every word a step starts from (_DECISION's 决定 included), to pass over the sentences
#: that hold none in one search rather than six
_TRIGGERS = re.compile(r"补选|增选|递补|选举|推选|推定|任命|决定|免去|接受|当选|不再担任|不再兼任")
#: 、乙为… or 、乙、丙为…: a new group of names and their post (the names may be unknown)
_NEXT_GROUP = re.compile(rf"[{HAN}·]{{2,8}}(?:、[{HAN}·]{{2,8}})*(?:等\d*(?:位|名)?同志|同志)?为")
#: words that may close a list of names (…等11位同志为)
_LIST_TAIL = re.compile(r"(?:等\d*(?:位|名)?同志|同志|等)")


def _names_at(text: str, pos: int, at: dict[int, Mention]) -> tuple[list[Mention], int]:
    """The known names of a list starting at `pos` (甲、乙和丙), and the position after it; an
    item that is no known name but short (a name the people step missed) is passed over, as
    long as the list holds a known one."""
    names: list[Mention] = []
    start = pos
    while True:
        if pos in at:
            names.append(at[pos])
            pos = at[pos][1]
        else:
            end = _missed_item(text, pos)
            if not end:
                break
            pos = end
        if text.startswith("、", pos):
            pos += 1
        elif text.startswith(("和", "及"), pos) and pos + 1 in at:
            pos += 1
        else:
            break
    if not names:
        return [], start
    if text[pos - 1] in "、和及":
        pos -= 1
    m = _LIST_TAIL.match(text, pos)
    return names, (m.end() if m else pos)


def _missed_item(text: str, pos: int) -> int:
    """End of a short list item at `pos` that is no known name (2-4 characters, or a name
    with ·, up to a 、 or the word after a list: 为, 的, 当选, 辞去), else 0."""
    m = re.match(rf"[{HAN}·]{{2,20}}?(?=、|为|的|当选|辞去|等)", text[pos:pos + 23])
    return pos + m.end() if m and ("·" in m.group(0) or name_shaped(m.group(0))) else 0


def _posts(text: str, start: int, end: int, ctx: Context) -> list[tuple[str, tuple[int, int]]]:
    """The posts of `text[start:end]`, split at 、 where each side ends with a title."""
    pieces: list[list[int]] = []
    pos = start
    for part in text[start:end].split("、"):
        a, b = pos, pos + len(part)
        pos = b + 1
        if pieces and not title_at_end(text[pieces[-1][0]:pieces[-1][1]], ctx):
            pieces[-1][1] = b  # the 、 was inside a post
        else:
            pieces.append([a, b])
    return [(text[a:b], (a, b)) for a, b in pieces if title_at_end(text[a:b], ctx)]


class _Collector:
    """Adds appointments to the facts, once each, with the body of each post."""

    def __init__(self, ctx: Context, facts: ArticleFacts) -> None:
        self.ctx, self.facts, self.seen = ctx, facts, set()
        self.body: str | None = None  # the last body named in the sentence

    def add(self, names: list[Mention], posts: list[tuple[str, tuple[int, int]]], action: str,
            meeting: str | None, start: int) -> None:
        """A bare title (副主席, 秘书长) is of the body the sentence last named: 甲当选为政协
        某省委员会主席，乙、丙当选为副主席."""
        body = None
        for post, (_a, b) in posts:
            own = organization_of(post, self.ctx, self.facts)
            bare = post in self.ctx.lexicon.titles
            body = self.body = own or body or (self.body if bare else None)
            for _n0, _n1, name in names:
                key = (name, post, action)
                if key not in self.seen:
                    self.seen.add(key)
                    self.facts.appointments.append(Appointment(name, post, action, body, meeting, (start, b)))


_CLAUSE_MARK = re.compile(r"[，；。,;（(]")


def _post_end(text: str, pos: int, e: int) -> int:
    """End of the posts after 为: the next clause mark, or a 、 that starts a new name list."""
    m = _CLAUSE_MARK.search(text, pos, e)
    return m.start() if m else e


def _appointed(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
               meeting: str | None) -> None:
    for v in _APPOINT.finditer(text, s, e):
        action = _ACTIONS.get(v.group("verb"), "appointed")
        pos = _past_title(text, v.end(), at, ctx)
        while True:
            names, pos = _names_at(text, pos, at)
            if not names or not text.startswith("为", pos):
                break
            end = _post_end(text, pos + 1, e)
            # 选举甲为院长、乙为检察长: a 、 followed by names and 为 starts the next group
            nxt = end
            for k in range(pos + 1, end):
                if text[k] == "、" and _NEXT_GROUP.match(text, k + 1, end):
                    nxt = k
                    break
            out.add(names, _posts(text, pos + 1, nxt, ctx), action, meeting, v.start())
            # the list goes on without its verb: …主任，乙为…副主任
            pos = nxt + 1 if nxt < e and text[nxt] in "、，；" else e
            if pos >= e:
                break


def _past_title(text: str, pos: int, at: dict[int, Mention], ctx: Context) -> int:
    """Where the names start after a title of their present post (递补市委候补委员甲、乙为市委委员)."""
    for k in range(pos + 2, min(len(text), pos + 16)):
        if k in at:
            return k if title_at_end(text[pos:k], ctx) and not re.search(r"[，。；、为]", text[pos:k]) else pos
    return pos


def _removed(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
             meeting: str | None) -> None:
    for v in _REMOVE.finditer(text, s, e):
        pos = v.end()
        while True:
            if text.startswith("其", pos):  # 任命甲为…，免去其…职务: 其 is the last one named
                before = [x for x in at.values() if s <= x[0] and x[1] <= v.start()]
                names, pos = (before[-1:], pos + 1) if before else ([], pos)
            else:
                names, pos = _names_at(text, pos, at)
                if not text.startswith("的", pos):
                    break
                pos += 1
            if not names:
                break
            k = text.find("职务", pos, e)
            if k < 0:
                break
            out.add(names, _posts(text, pos, k, ctx), "removed", meeting, v.start())
            # …职务；乙的…职务: the next item of a list of removals
            pos = k + 2
            if not (pos < e and text[pos] in "；，、" and (pos + 1) in at):
                break
            pos += 1


def _resigned(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
              meeting: str | None) -> None:
    for v in _RESIGN.finditer(text, s, e):
        names, pos = _names_at(text, v.end(), at)
        if names and text.startswith("辞去", pos):
            k = text.find("职务", pos, e)
            if k > 0:
                out.add(names, _posts(text, pos + 2, k, ctx), "resigned", meeting, v.start())


def _no_longer(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
               meeting: str | None) -> None:
    """甲、乙因年龄原因，不再担任…职务: the names opening the clause leave the post."""
    for v in _NO_LONGER.finditer(text, s, e):
        k = text.find("职务", v.end(), e)
        if k < 0:
            continue
        # the names open the clause, or the one before it (甲、乙因年龄原因，不再担任…)
        for start in sorted({s} | {i + 1 for i in range(s, v.start()) if text[i] in "；。：，"}, reverse=True):
            names, pos = _names_at(text, start, at)
            if names and not any(pos <= a < v.start() for a in at):
                out.add(names, _posts(text, v.end(), k, ctx), "removed", meeting, start)
                break
            if text[start - 1:start] in "；。：" or any(start <= a < v.start() for a in at):
                break


def _named_to(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
              meeting: str | None) -> None:
    """中共中央决定：甲同志任某省委委员、常委、书记: after a decision, 任 is an appointment."""
    d = _DECISION.search(text, s, e)
    if not d:
        return
    for a, b, name in sorted(x for x in at.values() if d.end() <= x[0] < e):
        v = _NAMED_TO.match(text, b)
        if v:
            out.add([(a, b, name)], _posts(text, v.end(), _post_end(text, v.end(), e), ctx), "appointed", meeting, a)


def _elected(text: str, s: int, e: int, at: dict[int, Mention], ctx: Context, out: _Collector,
             meeting: str | None) -> None:
    """甲、乙当选为…: the names right before 当选 (a list back over 、)."""
    by_end = None
    for v in _ELECTED.finditer(text, s, e):
        if by_end is None:  # (built only for a sentence that holds 当选)
            by_end = {x[1]: x for x in at.values()}
        if v.start() not in by_end or text[max(0, v.start() - 3):v.start()].endswith("新"):
            continue
        names = [by_end[v.start()]]
        while names[0][0] - 1 in by_end and text[names[0][0] - 1] == "、":
            names.insert(0, by_end[names[0][0] - 1])
        end = _post_end(text, v.end(), e)
        # a headline runs names together (甲当选主任乙当选省长): the post ends at the next name
        end = min([end] + [a for a in at if v.end() < a < end])
        out.add(names, _posts(text, v.end(), end, ctx), "elected", meeting, names[0][0])


def _dedupe(facts: ArticleFacts, ctx: Context) -> None:
    """One appointment per event: a headline's 选举甲为省长 and the body's 选举甲为省人民政府省长
    are one election (same person, action, body and title); the fuller post is kept."""
    def key(ap: Appointment) -> tuple:
        title = title_at_end(ap.post, ctx) or ap.post
        return ap.person, ap.action, ap.organization or ap.post, title
    best: dict[tuple, Appointment] = {}
    for ap in facts.appointments:
        k = key(ap)
        if k not in best or len(ap.post) > len(best[k].post):
            best[k] = ap
    facts.appointments[:] = [ap for ap in facts.appointments if best[key(ap)] is ap]


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add the appointments, elections, removals and resignations the article reports."""
    text = doc.text
    at = {a: (a, b, n) for a, b, n in facts.person_mentions()}
    main = facts.main_meeting
    meetings = sorted((a, b, m.name) for m in facts.meetings.values() for a, b in m.spans)
    out = _Collector(ctx, facts)
    for s, e in doc.sentences():
        if not _TRIGGERS.search(text, s, e):
            continue  # no step's verb in the sentence (most sentences): nothing to read
        meeting = sentence_meeting(text, doc, meetings, main.name, s, e) if main else None
        out.body = None
        for step in (_appointed, _removed, _resigned, _no_longer, _named_to, _elected):
            step(text, s, e, at, ctx, out, meeting)
    _dedupe(facts, ctx)
