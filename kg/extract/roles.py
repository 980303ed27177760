"""Roles and posts: the title phrase written before a person's name.

`大会主席团常务主席、执行主席周明远` gives two roles (a chain of titles joined by 、);
`大会执行主席冯晓光、蒋安平…` gives the title to every name of the list; `选举钱卫东为省长`
gives the post elected to; `李建国总书记` a title written after the name. The role is kept
as written; its organisation is the body the phrase names (省委书记 -> the provincial party
committee), resolved through the article's aliases.
"""

from __future__ import annotations

import re

from kg.extract.context import Context, alias_pattern
from kg.extract.facts import ArticleFacts, Role
from kg.extract.names import clause_start
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("people", "organizations", "meetings")
ADDS = ("roles",)


#: words after which a title phrase starts (出席的有省委书记X -> 省委书记)
_BREAKERS = re.compile(r".*(?:的有|还有|其中有|包括|出席|会见|听取|：|了|\d+日电|本报讯|消息)")
#: weaker breakers, not applied when the phrase opens with a body's name (监察和司法委员会)
_WEAK_BREAKERS = re.compile(r".*(?:以及|和|及|与|同|由|为|是|有|对|向|给)")
#: titles also written after the name (李建国总书记, 赵宏委员长); 总理 is not, as foreign
#: premiers are written that way too
_POSTPOSED = ("总书记", "委员长")
_ELECTION = re.compile(r"(?:选举|任命|决定任命|补选)(?P<name>[^，。、；为]{2,8}?)为(?P<title>[^，。；、]{2,24}?)(?=[，。；、]|$)")
_ELECTED = re.compile(r"当选为?(?P<title>[^，。；、]{2,24}?)(?=[，。；、\n]|$)")
_MEETING_TITLES = ("主席团", "执行主席", "常务主席", "大会主席")


def _title_phrase(text: str, ctx: Context, end: int, name_ends: set[int] | frozenset = frozenset()
                  ) -> tuple[int, str] | None:
    """The title phrase ending at `end` (the name's start), as (start, phrase); it never
    reaches back over another person's name (代表钱卫东对新华社记者孔繁星)."""
    start = clause_start(text, end)
    start = max([start] + [b for b in name_ends if start < b <= end - 1])
    seg = text[start:end]
    # a headline runs names together (甲当选…主任乙当选…): a phrase starts after a verb
    m = re.match(r".*(?:当选为?|选举|任命)", seg)
    if m:
        if m.group(0).endswith(("当选", "当选为")):
            return None  # 甲当选主任乙…: the title is 甲's, not the next name's
        start += m.end()
        seg = text[start:end]
    m = _BREAKERS.match(seg)
    if m:
        start += m.end()
        seg = text[start:end]
    whole_title = any(seg.endswith(t) and "和" in t for t in ctx.lexicon.titles)  # 党和国家领导人
    if not whole_title and not alias_pattern(ctx, 3).match(seg):
        m = _WEAK_BREAKERS.match(seg)
        if m:
            start += m.end()
            seg = text[start:end]
    if not seg or len(seg) > 24:
        return None
    if not any(seg.endswith(t) for t in ctx.lexicon.titles):
        return None
    return start, seg


def _organization(phrase: str, ctx: Context, facts: ArticleFacts) -> str | None:
    """The body a title phrase belongs to: the longest body named at its start, else the
    body a bare title implies in the article's province (省长 -> the provincial government)."""
    best = None
    m = alias_pattern(ctx).match(phrase)  # longest alias first
    if m and m.end() < len(phrase):
        best = (m.group(0), ctx.aliases[m.group(0)][0])
    for name in facts.organizations:
        if phrase.startswith(name) and len(name) < len(phrase) and (best is None or len(name) > len(best[0])):
            best = (name, name)
    if best:
        return best[1]
    prov = ctx.province
    bare = phrase
    if prov is not None:
        for written in (prov.full, prov.short):  # 河南省省长: the province written before the title
            if phrase.startswith(written) and phrase[len(written):] in ctx.lexicon.title_bodies:
                bare = phrase[len(written):]
                break
    implied = ctx.lexicon.title_bodies.get(bare)
    if implied and implied[0] == "*":
        return implied[1]
    if implied and prov is not None and implied[0] == prov.unit:
        unit = "市" if prov.unit == "直辖市" else prov.unit
        return implied[1].format(F=prov.full, S=prov.short, U=unit)
    return None


def _add(facts: ArticleFacts, ctx: Context, person: str, phrase: str, span: tuple[int, int],
         seen: set) -> None:
    key = (person, phrase)
    if key in seen:
        return
    seen.add(key)
    main = facts.main_meeting
    meeting = main.name if main and any(t in phrase for t in _MEETING_TITLES) else None
    facts.roles.append(Role(person, phrase, _organization(phrase, ctx, facts), meeting,
                            descriptor=phrase in ctx.lexicon.descriptors, span=span))


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add the roles written before (or, for a few titles, after) each person's name."""
    text = doc.text
    mentions = facts.person_mentions()
    by_end = {b: name for a, b, name in mentions}
    seen: set = set()
    inherited: dict[int, list[tuple[str, tuple[int, int]]]] = {}
    for a, b, name in mentions:
        roles: list[tuple[str, tuple[int, int]]] = []
        found = _title_phrase(text, ctx, a, by_end.keys())
        if found:
            start, phrase = found
            roles.append((phrase, (start, b)))
            # a chain of titles for the same person: 常务主席、执行主席X
            k = start
            while k > 0 and text[k - 1] == "、":
                prev = _title_phrase(text, ctx, k - 1)
                if not prev or (k - 1) in by_end:
                    break
                roles.append((prev[1], (prev[0], b)))
                k = prev[0]
        elif a > 0 and text[a - 1] == "、" and (a - 1) in by_end:
            roles = [(p, (s[0], b)) for p, s in inherited.get(a - 1, [])]
        inherited[b] = roles
        for phrase, span in roles:
            _add(facts, ctx, name, phrase, span, seen)
        for t in _POSTPOSED:
            if text.startswith(t, b):
                _add(facts, ctx, name, t, (a, b + len(t)), seen)
    for a, b, name in mentions:
        m = _ELECTED.match(text, b)
        if m:
            title = m.group("title")
            # the title ends where the next name run into it begins (…主任孙立当选…)
            for a2, _b2, _n in mentions:
                if m.start("title") < a2 < m.end("title"):
                    title = text[m.start("title"):a2]
                    break
            if any(title.endswith(t) for t in ctx.lexicon.titles):
                _add(facts, ctx, name, title, (a, m.start("title") + len(title)), seen)
    for m in _ELECTION.finditer(text):
        title = m.group("title").lstrip("的")
        who = m.group("name")
        if who in facts.people and any(title.endswith(t) for t in ctx.lexicon.titles):
            _add(facts, ctx, who, title, m.span(), seen)
