"""The bodies reports speak for, from their written forms to canonical names.

A report names its body as the article writes it: `政协第十一届广东省委员会常务委员会`,
`十一届省政协常委会`, `省人大常委会主任会议`, `全国政协主席会议`. The written form is
resolved, in order, to

1. an organisation the organisations extractor found ending where the written form ends;
2. a body alias of the lexicon, the term left out if need be (`政协十届河南省委员会`);
3. a known body and one of its standing parts (`全国政协` + `主席会议` is
   `中国人民政治协商会议全国委员会主席会议`; `省政协` + `常委会` its standing committee).

A written form none of these resolves stays unresolved (no body is guessed).
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts
from kg.text.numerals import NUM

_TERM = re.compile(rf"第?{NUM}届")
#: standing parts of a body, as written -> as named in full
_PARTS = (("常务委员会", "常务委员会"), ("常委会", "常务委员会"), ("主任会议", "主任会议"),
          ("主席会议", "主席会议"), ("委员长会议", "委员长会议"), ("秘书长会议", "秘书长会议"),
          ("党组", "党组"))
#: words before a body that are no part of it (会议听取了…, 经…)
_LEADING = re.compile(r"^(?:了|的|和|及|由|经|并|向|对)+")
#: a city's or county's body written in full (宁波市人民政府, 遂宁市人民代表大会常务委员会)
_FULL_NAME = re.compile(r"[^省市县区州，。；\s]{2,8}?(?:市|县|区|州|盟|旗)(?:人民政府|人民代表大会常务委员会|人民代表大会)")
#: how a body's name ends: what an unresolved object of 听取 must look like to be one
_BODY_END = re.compile(r"(?:会|委|院|府|部|厅|局|办|组|团|室|署|会议)$")


class Bodies:
    """Resolves written bodies for one article, caching the organisations' span ends."""

    def __init__(self, ctx: Context, facts: ArticleFacts, text: str) -> None:
        self.text = text
        self.aliases = ctx.aliases
        self.known = facts.organizations
        # where each organisation mention ends -> (start, name), longest first
        self.ends: dict[int, list[tuple[int, str]]] = {}
        for org in facts.organizations.values():
            for a, b in org.spans:
                self.ends.setdefault(b, []).append((a, org.name))
        for spans in self.ends.values():
            spans.sort()

    def _direct(self, written: str, end: int) -> str | None:
        for a, name in self.ends.get(end, ()):
            if a >= end - len(written):
                return name
        for form in (written, _TERM.sub("", written)):
            if form in self.aliases:
                return self.aliases[form][0]
            if form in self.known:
                return form
        return None

    def resolve(self, written: str, end: int) -> str | None:
        """The canonical body written as `written`, which ends at text position `end`."""
        written = _LEADING.sub("", written.strip())
        if len(written) < 2:
            return None
        found = self._direct(written, end)
        if found:
            return found
        if _FULL_NAME.fullmatch(written):
            return written  # 宁波市人民政府: a city's body written in full, beyond the lexicon
        for part, full in _PARTS:
            if written.endswith(part) and len(written) > len(part):
                base = self._direct(written[:-len(part)], end - len(part))
                if base:
                    return base if base.endswith(full) else base + full
        return None

    def ending_at(self, pos: int) -> str | None:
        """The body named right before `pos` (国务院 of 国务院关于…), or None."""
        spans = self.ends.get(pos)
        if spans:
            return spans[0][1]
        for n in range(min(pos, 24), 1, -1):
            o = self._direct(self.text[pos - n:pos], pos)
            if o:
                return o
        return None

    @staticmethod
    def plausible(written: str) -> bool:
        """Whether an unresolved written form reads as a body's name (…委员会, …会议)."""
        return bool(_BODY_END.search(written))


def government_of(facts: ArticleFacts, meeting: str | None) -> str | None:
    """The government whose work report a congress hears: the people's government of the
    congress's own level (the State Council for the National People's Congress). The law
    makes the government work report that government's report to its congress, so this is
    read from the meeting, not guessed; no congress, no body."""
    m = facts.meetings.get(meeting) if meeting else None
    body = m.body if m else None
    if not body or not body.endswith("人民代表大会") or "常务委员会" in body:
        return None
    if body in ("全国人民代表大会", "中华人民共和国全国人民代表大会"):
        return "中华人民共和国国务院"
    place = body[: -len("人民代表大会")]
    # a league's government is its administrative office (锡林郭勒盟行政公署)
    return place + ("行政公署" if place.endswith("盟") else "人民政府")
