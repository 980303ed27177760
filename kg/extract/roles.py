"""Roles and posts: the title phrase written before a person's name.

`大会主席团常务主席、执行主席周明远` gives two roles (a chain of titles joined by 、), and so
does `全国政协副主席兼秘书长周明远` (兼 joins two posts); `大会执行主席冯晓光、蒋安平…` gives the
title to every name of the list, even past a name the people step missed; `担任大会执行主席的
有：甲、乙` and `开幕会的执行主席是甲和乙` too. `沈建安总书记` is a title written after the name.
A post someone is elected or appointed to (kg.extract.appointments) is a role; a post someone
is removed from is not. The role is kept as written; its organisation is the body the phrase
names (省委书记 -> the provincial party committee), resolved through the article's aliases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from kg.extract.context import Context, alias_pattern
from kg.extract.facts import ArticleFacts, Role
from kg.extract.names import DELIMITERS
from kg.text.document import Document
from kg.text.han import HAN

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("people", "organizations", "meetings", "appointments")
ADDS = ("roles",)

Mention = tuple[int, int, str]

#: words after which a title phrase starts (出席的有省委书记X -> 省委书记); a date, 就 or 的
#: ends what came before too (外交部28日就国务院总理…, 参与调研的自治区政协常委X); a deictic
#: 本次(会议) is no part of the title (本次大会执行主席甲 is the meeting's 大会执行主席); nor is
#: a verb of a decision (根据副省长甲的提请, 决定递补市委候补委员乙), a source (据处长甲介绍;
#: not the 据 of 数据局) or the plenum whose
#: document group it is (全会文件起草组副组长丙)
_BREAKERS = re.compile(r".*(?:的有|还有|其中有|包括|出席|会见|听取|讨论|审议|宣读|陪同|看望|：|了|\d+日(?:电|讯)|"
                       r"本报讯|消息|\d+[年月日]|就|随后|(?<!党)的|在|当选为?|选举|任命|"
                       r"(?:本次|此次|这次)(?:会议)?|根据|(?<![数证])据|递补|全会|决定|受)")
#: weaker breakers, not applied when the phrase opens with a body's name (监察和司法委员会)
_WEAK_BREAKERS = re.compile(r"以及|和|及|与|同|由|为|是|有|对|向|给")
#: what a body's name holds after a 和 inside it (发展和改革委员会, 文化和旅游部)
_BODY_WORD = re.compile(r"委员会|部|委|厅|局|办公室|小组|协会|联合会|中心|研究院|学会")
#: titles also written after the name (沈建安总书记, 方立言委员长); 总理 is not, as foreign
#: premiers are written that way too
_POSTPOSED = ("总书记", "委员长", "副委员长", "副主席", "秘书长")
#: marks a paper puts before a credit line
_MARKS = "□■●◆◇○"
_MEETING_TITLES = ("主席团", "执行主席", "常务主席", "大会主席")
#: bare titles any body has: written after a titled name or title, they are of that body
#: (副委员长甲，秘书长乙; 省委常委、秘书长丙)
_GENERIC = frozenset(("秘书长", "副秘书长", "主席", "副主席", "主任", "副主任", "书记", "副书记", "常委",
                      "委员", "常务委员", "政委", "政治委员", "参谋长"))
#: 担任（今天上午）大会执行主席的有：甲、乙 / 开幕会的执行主席是甲和乙 / …执行主席由甲、乙担任 /
#: 就座的大会执行主席有甲、乙 / 大会执行主席：甲、乙
_SERVING = re.compile(r"(?=[担大主执常副秘])"  # (the characters a match starts with)
                      r"(?:担任[^，。；：]{0,12}?(?P<t>(?:大会)?(?:执行主席|常务主席))的?(?:还)?(?:有|是)[：:]"
                      r"|(?P<u>(?:大会)?(?:主席团)?(?:执行主席|常务主席)|(?:大会)?副?秘书长)(?:(?:是|为|由|有)[：:]?|[：:]))")

_SERVING_WORDS = re.compile("执行主席|常务主席|秘书长")


def _phrase_start(text: str, end: int) -> int:
    """Start of the stretch before `end` that may hold a title: back to the nearest
    delimiter, passing over a quoted part (推进“一带一路”建设工作领导小组组长)."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch == "”":
            j = text.rfind("“", max(0, i - 24), i - 1)
            if j >= 0 and not re.search(r"[。！？，；：]", text[j:i]):
                i = j
                continue
        if ch in DELIMITERS:
            break
        i -= 1
    return i


def _weak_cut(seg: str, ctx: Context) -> int:
    """Where a weak breaker cuts `seg` (after the last one), or 0; a 和 inside a body's name
    (宪法和法律委员会主任委员) does not cut."""
    title = title_at_end(seg, ctx)
    for m in reversed(list(_WEAK_BREAKERS.finditer(seg))):
        left = seg[:m.start()]
        if (m.group(0) in ("和", "与", "及") and 2 <= len(left) <= 8 and not _ends_with_title(left, ctx)
                and _BODY_WORD.search(seg, m.end(), len(seg) - len(title))):
            continue
        return m.end()
    return 0


def _title_phrase(text: str, ctx: Context, end: int, name_ends: list[int] | tuple = ()) -> tuple[int, str] | None:
    """The title phrase ending at `end` (the name's start), as (start, phrase); it never
    reaches back over another person's name (代表林卫安对新华社记者孔某). `name_ends`: the
    ends of the article's names, sorted (bisected: an article has hundreds)."""
    start = _phrase_start(text, end)
    k = bisect_right(name_ends, end - 1)
    if k and name_ends[k - 1] > start:
        start = name_ends[k - 1]
    while start < end and text[start] in _MARKS:
        start += 1  # □本报记者甲: a paper's mark before a credit is no part of it
    seg = text[start:end]
    m = _BREAKERS.match(seg)
    if m:
        if m.group(0).endswith(("当选", "当选为")):
            return None  # 甲当选主任乙…: the title is 甲's, not the next name's
        start += m.end()
        seg = text[start:end]
    whole_title = "和" in title_at_end(seg, ctx)  # 党和国家领导人
    if not whole_title and not alias_pattern(ctx, 3).match(seg):
        start += _weak_cut(seg, ctx)
        seg = text[start:end]
    if not seg or len(re.sub(r"“[^”]*”", "", seg)) > 24 or not _ends_with_title(seg, ctx):
        return None
    return start, seg


def _ends_with_title(s: str, ctx: Context) -> bool:
    return bool(title_at_end(s, ctx))


def title_at_end(s: str, ctx: Context) -> str:
    """The longest title `s` ends with, or "" (a set looked up by suffix length: asked for
    every name of an article, several times, it was a walk over every title)."""
    titles, lengths = _title_set(ctx.lexicon.titles)
    for n in lengths:
        if n <= len(s) and s[-n:] in titles:
            return s[-n:]
    return ""


#: (titles list, its length, (set of titles, their lengths longest first)), rebuilt when the
#: lexicon's list changes
_TITLE_MEMO: list = [None, 0, None]


def _title_set(titles: list[str]) -> tuple[frozenset[str], tuple[int, ...]]:
    memo = _TITLE_MEMO
    if memo[0] is not titles or memo[1] != len(titles):
        memo[:] = [titles, len(titles), (frozenset(titles), tuple(sorted({len(t) for t in titles}, reverse=True)))]
    return memo[2]


_TERM = re.compile(r"第?[一二三四五六七八九十]+届")


def organization_of(phrase: str, ctx: Context, facts: ArticleFacts) -> str | None:
    """The body a title phrase belongs to: the longest body named at its start, else the
    body a bare title implies in the article's province (省长 -> the provincial government).
    A term written into the body's name (十四届全国人大常委会副秘书长, 省第十三届人民代表大会
    常务委员会委员) is read past, and 省… is the article's province."""
    for form in _forms(phrase, ctx):
        org = _named_body(form, ctx, facts)
        if org:
            return org
    return _implied_body(phrase, ctx) or _other_province_body(phrase, ctx)


def _other_province_body(phrase: str, ctx: Context) -> str | None:
    """广东省委书记 in an article of another province (or a national one): the body of the
    province the phrase opens with."""
    for prov in ctx.lexicon.provinces:
        if prov is not ctx.province and phrase.startswith((prov.full, prov.short)):
            regional = ctx.lexicon.regional(prov)
            best = max((a for a in regional if phrase.startswith(a) and len(a) < len(phrase)), key=len, default=None)
            return regional[best][0] if best else None
    return None


def _forms(phrase: str, ctx: Context) -> list[str]:
    forms = [phrase]
    bare = _TERM.sub("", phrase, count=1)
    if bare != phrase and len(bare) > 2:
        forms.append(bare)
    prov = ctx.province
    if prov is not None:
        unit = "市" if prov.unit == "直辖市" else prov.unit
        forms += [prov.full + f[len(unit):] for f in list(forms) if f.startswith(unit + "人民")]
    return forms


def _named_body(phrase: str, ctx: Context, facts: ArticleFacts) -> str | None:
    best = None
    m = alias_pattern(ctx).match(phrase)  # longest alias first
    if m and m.end() < len(phrase):
        best = (m.group(0), ctx.aliases[m.group(0)][0])
    for name in facts.organizations:
        if phrase.startswith(name) and len(name) < len(phrase) and (best is None or len(name) > len(best[0])):
            best = (name, name)
    return best[1] if best else None


def _implied_body(phrase: str, ctx: Context) -> str | None:
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


class _Roles:
    """Adds roles to the facts, once per person and title."""

    def __init__(self, ctx: Context, facts: ArticleFacts) -> None:
        self.ctx, self.facts, self.seen = ctx, facts, set()
        self.orgs: dict[str, str | None] = {}

    def org(self, phrase: str) -> str | None:
        """organization_of the phrase, read once per article (the organisations do not
        change while roles are read; each phrase is asked about three times or more)."""
        if phrase not in self.orgs:
            self.orgs[phrase] = organization_of(phrase, self.ctx, self.facts)
        return self.orgs[phrase]

    def add(self, person: str, phrase: str, span: tuple[int, int], org: str | None = None) -> None:
        if (person, phrase) in self.seen:
            return
        self.seen.add((person, phrase))
        main = self.facts.main_meeting
        meeting = main.name if main and any(t in phrase for t in _MEETING_TITLES) else None
        org = self.org(phrase) or org
        self.facts.roles.append(Role(person, phrase, org, meeting,
                                     descriptor=phrase in self.ctx.lexicon.descriptors, span=span))

    def add_phrase(self, person: str, phrase: str, span: tuple[int, int], org: str | None = None) -> None:
        """A phrase of two posts joined by 兼 (全国政协副主席兼秘书长) gives both; the second
        belongs to the first's body unless it names its own."""
        left, _, right = phrase.partition("兼")
        if right and _ends_with_title(left, self.ctx) and _ends_with_title(right, self.ctx):
            self.add(person, left, span, org)
            self.add(person, right, span, self.org(left) or org)
        else:
            self.add(person, phrase, span, org)


def _list_prev(text: str, a: int, by_end: dict[int, str]) -> int | None:
    """End of the earlier name of the list the name at `a` continues (甲、乙; 甲和乙), passing
    over short items the people step did not take for names."""
    if a > 0 and text[a - 1] in "和 " and (a - 1) in by_end:
        return a - 1
    if a in by_end:  # 记者甲某乙某: two names of a byline written without a separator
        return a
    k = a
    while k > 0 and text[k - 1] == "、":
        j = k - 1
        if j in by_end:
            return j
        m = re.search(rf"[{HAN}·•・‧]{{2,20}}$", text[max(0, j - 20):j])
        if not m or len(m.group(0)) > (20 if re.search("[·•・‧]", m.group(0)) else 5):
            return None
        k = j - len(m.group(0))
    return None


def _before_names(text: str, ctx: Context, out: _Roles, mentions: list[Mention]) -> None:
    by_end = {b: name for a, b, name in mentions}
    ends = sorted(by_end)
    inherited: dict[int, list[tuple[str, tuple[int, int]]]] = {}
    bodies: dict[int, str | None] = {}  # name end -> body of the title right before the name
    for a, b, name in mentions:
        roles: list[tuple[str, tuple[int, int]]] = []
        found = _title_phrase(text, ctx, a, ends) or _listed_title(text, ctx, a)
        if found and text[a] == "团" and name[1:2] != "·":
            pass  # 执行主席团甲: the title heads a body (a name misread as 团甲), not a person
        elif found:
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
        else:
            prev_end = _list_prev(text, a, by_end)
            if prev_end is not None:
                roles = [(p, (s[0], b)) for p, s in inherited.get(prev_end, [])]
            else:
                head = _missed_head_title(text, ctx, a, by_end)
                roles = [(head[1], (head[0], b))] if head else []
        inherited[b] = roles
        # a bare title in a list of titled names is of the body before it (副委员长甲，秘书长乙)
        prev = roles[0][1][0] - 1 if roles else -1
        fallback = bodies.get(prev) if prev >= 0 and text[prev] in "，、" and roles[0][0] in _GENERIC else None
        # a chain of one person's titles: a generic bare title is of the body before it
        # (省委常委、秘书长甲); 副市长 after 市委常委 is not, so only titles any body has
        chain_body = None
        for phrase, span in reversed(roles):
            own = out.org(phrase)
            out.add_phrase(name, phrase, span, fallback or (chain_body if phrase in _GENERIC else None))
            chain_body = own or chain_body
        bodies[b] = (out.org(roles[0][0]) or fallback) if roles else None
        for t in _POSTPOSED:
            if text.startswith(t, b):
                out.add(name, t, (a, b + len(t)))


def _missed_head_title(text: str, ctx: Context, a: int, by_end: dict[int, str]) -> tuple[int, str] | None:
    """The title heading a list whose first name the people step missed (大会执行主席甲、乙、丙
    with 甲 missed): the later names still get it. The missed item must read as a name (a
    known surname, two to four characters) right after a title phrase; the walk back over the
    list's other items is _list_prev's."""
    if a == 0 or text[a - 1] != "、":
        return None  # (most names: no list before them, no sort of the ends)
    k, ends = a, sorted(by_end)
    while k > 0 and text[k - 1] == "、":
        j = k - 1
        if j in by_end:
            return None  # a name the people step found heads this stretch: _list_prev's case
        for n in (3, 2, 4):
            head = j - n
            item = text[head:j]
            if head <= 0 or not re.fullmatch(f"[{HAN}]+", item):
                continue
            if item[0] not in ctx.lexicon.surnames and item[:2] not in ctx.lexicon.compound_surnames:
                continue
            found = _title_phrase(text, ctx, head, ends)
            if found and found[0] + len(found[1]) == head:
                return found
        m = re.search(rf"[{HAN}]{{2,5}}$", text[max(0, j - 5):j])
        if not m or (j - len(m.group(0)) > 0 and text[j - len(m.group(0)) - 1] != "、"):
            return None
        k = j - len(m.group(0))
    return None


def _listed_title(text: str, ctx: Context, a: int) -> tuple[int, str] | None:
    """A list of officers, one line or clause each: 主任：甲；副主任：乙."""
    if a == 0 or text[a - 1] not in "：:":
        return None
    found = _title_phrase(text, ctx, a - 1)
    if found and (found[0] == 0 or text[found[0] - 1] in "\n；;"):
        return found
    return None


def _serving(doc: Document, out: _Roles, mentions: list[Mention]) -> None:
    """担任大会执行主席的有：甲、乙 and 执行主席是甲和乙: the title goes to the names after it."""
    text = doc.text
    if not _SERVING_WORDS.search(text):
        return  # (every match holds one of them)
    for s, e in doc.sentences():
        for m in _SERVING.finditer(text, s, e):
            title = m.group("t") or m.group("u")
            stop = e if m.group("t") else next((k for k in range(m.end(), e) if text[k] in "，。；"), e)
            after = mentions[bisect_left(mentions, (m.end(),)):]
            if m.group(0).endswith("有") and not (after and after[0][0] == m.end()):
                continue  # a bare 有 names the holders only when a name follows it at once (秘书长有关…)
            # the names from the match's end up to `stop` (mentions are in text order)
            for a, b, name in after:
                if a >= stop:
                    break
                if b <= stop:
                    out.add(name, title, (m.start(), b))


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add the roles written before (or, for a few titles, after) each person's name, and the
    posts people are elected or appointed to."""
    out = _Roles(ctx, facts)
    mentions = facts.person_mentions()
    _before_names(doc.text, ctx, out, mentions)
    _serving(doc, out, mentions)
    for ap in facts.appointments:
        if ap.action in ("elected", "appointed"):
            out.add(ap.person, ap.post, ap.span, ap.organization)
