"""Extractor: meetings — every meeting an article names, and the one it reports on.

kg.extract.meeting_names finds where meetings are named and their canonical full names.
This module adds each to the facts, picks the main meeting (the one the article reports:
named in the title, or followed by 开幕/召开/举行…, and not only referred to or awaited) and
gives it its date, city and venue.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Meeting
from kg.extract.meeting_names import Mention, find_meetings
from kg.lexicon import lexicon
from kg.lexicon import lines as lexicon_lines
from kg.text.alternation import alternation
from kg.text.document import Document
from kg.text.han import HAN

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ()
ADDS = ("meetings", "organizations", "places", "year")



def _national_year(found: Mention) -> int | None:
    """Year of a plenary session of the NPC or the national CPPCC (terms start 1998, 2003 …)."""
    if found.term and found.session and found.term >= 5 and "常务委员会" not in found.name:
        if found.body in ("全国人民代表大会", "中国人民政治协商会议全国委员会"):
            return 1998 + 5 * (found.term - 9) + found.session - 1
    return None


def _provincial_year(found: Mention, year: int | None) -> int | None:
    """The year of a province-level congress's or CPPCC's plenary session, from the article's
    year: their terms start with the nation's (2003, 2008 … 2023), so session M falls in a
    year 2003 + 5k + M - 1; a year one off that (a text cue of the year reviewed) is corrected."""
    if (year is None or found.kind not in ("lnpc", "lcppcc") or not found.session or not 1 <= found.session <= 5
            or "常务委员会" in found.name or found.place is None or lexicon().province(found.place) is None):
        return None
    for y in (year, year + 1, year - 1):
        if (y - 2003) % 5 == found.session - 1:
            return y
    return None


#: what follows the name of the meeting an article reports on: its sitting, now, not a plan
#: (…会议29日下午在北京人民大会堂闭幕, …会议1月18日选举…; not …会议于2024年3月5日召开)
_EVENT = re.compile(r"^(?!于|将)[^，。；]{0,16}?(?:隆重|胜利|正式)?(?:开幕|闭幕|举行|召开|开会|落下帷幕|选举|表决|审议)")
_EVENT_LATER = re.compile(r"(?<![将于])(?:隆重|胜利|圆满|正式)?(?:开幕|闭幕|举行|召开)(?![的前后])")
#: words before a meeting's name that make it one planned or referred to (决定…会议于…召开)
_PLANNED = re.compile(r"(?:决定|提请|关于召开|筹备|将于|向|提交)[^，。；]{0,12}$")
_REFERRED = re.compile(r"^(?:和[^，。]{0,20})?(?:精神|以来|部署|要求|决策|确定|提出|作出|审议通过|筹备|期间)")
_AWAITED = re.compile(r"(?:迎接|贯彻|学习|落实|庆祝|纪念|筹备)[^，。；]{0,14}$")
#: a sitting the sentence reports as held by someone: 主持召开…, …召开会议
_HELD = re.compile(r"召开|举行")
_PRESIDED_BEFORE = re.compile(r"主持(?:召开)?$")
_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日")
_RELATIVE_DAY = re.compile(r"(?P<r>今天|今日|昨天|昨日|前天)(?:上午|下午|晚上?)?")
_PLACE_EVENT = re.compile(rf"在(?P<place>[{HAN}]{{1,14}}?)(?:隆重|胜利|正式)?(?:开幕|闭幕|举行|召开|开会)")
_DATELINE_CITY = re.compile(rf"(?:社|报|网|台|频道)(?P<city>[{HAN}]{{2,4}}?)\d{{1,2}}月\d{{1,2}}日(?:电|讯)")
_VENUE_PREFIX = re.compile(r"^(?:省会|市区|位于)")


@cache
def _venue_ends() -> frozenset[str]:
    """Venue words (大剧院, 会议中心); `alternation` orders them."""
    return frozenset(ln.strip() for ln in lexicon_lines("venues.txt"))


#: the most characters a venue's name holds before its venue word (`_venue_re`)
_VENUE_LEAD = 8


@cache
def _venue_re() -> re.Pattern:
    """A venue's name: up to eight characters and a venue word (大剧院, 会议中心), starting
    after 在 or after punctuation, not inside a longer phrase."""
    return re.compile(rf"(?:(?<=在)|(?<![{HAN}\d]))(?:[{HAN}]{{0,{_VENUE_LEAD}}}?)(?:{alternation(_venue_ends())})")


@cache
def _venue_word_re() -> re.Pattern:
    return re.compile(alternation(_venue_ends()))


def _venue_search(text: str, a: int, b: int) -> re.Match | None:
    """`_venue_re().search(text, a, b)`, started where it can first match: at most
    `_VENUE_LEAD` characters before the first venue word (a search from `a` tries the lazy
    run at every position of a sentence or of three paragraphs; the words' alternation
    skips to their first characters)."""
    w = _venue_word_re().search(text, a, b)
    return _venue_re().search(text, max(a, w.start() - _VENUE_LEAD), b) if w else None


@cache
def _bare_venue_re() -> re.Pattern:
    """A venue word alone, or after 国际/人民/市民: no name without the city before it."""
    return re.compile(rf"(?:国际|人民|市民)?(?:{alternation(_venue_ends())})")


@cache
def _cities() -> dict[str, str]:
    """Written city -> city name: capitals, other cities, municipalities, 京 for 北京."""
    out = {"京": "北京"}
    for p in lexicon().provinces:
        for c in (p.capital, *p.cities):
            out[c] = c
        if p.unit == "直辖市":
            out[p.short] = p.short
    return out


@cache
def _cities_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_cities(), key=lambda n: (-len(n), n)))


def _main(doc: Document, found: list[Mention]) -> str | None:
    per_name: dict[str, list[float]] = {}
    paras = [p for p in doc.paragraphs() if p[1] > doc.body_start]
    first_para = paras[0] if paras else (doc.body_start, doc.body_start)
    first_done = False
    for f in found:
        after = doc.text[f.end:f.end + 24]
        sc = 1.0
        if f.start < doc.body_start:
            sc += 4
        if _EVENT.match(after) or _HELD.search(doc.text[f.start:f.end]) \
                or _PRESIDED_BEFORE.search(doc.text[max(0, f.start - 4):f.start]):
            sc += 4  # …会议在京开幕; 省委常委会召开会议; 主持召开…会议: the sitting itself
        elif f.start >= doc.body_start and _EVENT_LATER.search(doc.text, f.end, doc.sentence_bounds(f.start)[1]):
            sc += 2  # …会议历时4天半，…，22日上午在南京胜利闭幕
        if _REFERRED.match(after):
            sc -= 3
        if _PLANNED.search(doc.text[max(0, f.start - 14):f.start]):
            sc -= 3
        if _AWAITED.search(doc.text[max(0, f.start - 16):f.start]):
            sc -= 6  # 迎接党的二十大胜利召开: the meeting is looked forward to, not reported
        if f.session is None and f.body is None:
            sc -= 0.5
        if not first_done and f.start >= doc.body_start:
            if f.start < first_para[1]:
                sc += 2  # the first meeting the body's first paragraph names
            first_done = True
        per_name.setdefault(f.name, []).append(sc)
    if not per_name:
        return None
    # the best mention decides; more mentions add a little (a sitting scheduled in the
    # article's agenda is named often, the council that scheduled it once or twice)
    scores = {k: max(v) + 0.5 * min(len(v) - 1, 4) for k, v in per_name.items()}
    best = max(scores, key=lambda k: (scores[k], k))
    return best if scores[best] >= 4 else None


def _published(ctx: Context, year: int | None) -> date | None:
    """The day the article was written: its publication stamp, else its dateline's day."""
    if ctx.published:
        return date(*ctx.published)
    if ctx.dateline and year:
        try:
            return date(year, *ctx.dateline)
        except ValueError:
            return None
    return None


def _date(doc: Document, ctx: Context, spans: list[tuple[int, int]], year: int | None) -> str | None:
    day = _published(ctx, year)
    for a, b in spans:
        s, e = doc.sentence_bounds(a)
        lo, hi = max(s, a - 16), min(e, b + 16)
        # 昨日上午，…会议在…开幕: a day counted from the day the article was written
        r = _RELATIVE_DAY.search(doc.text, lo, hi)
        if r and day is not None:
            back = {"今天": 0, "今日": 0, "昨天": 1, "昨日": 1, "前天": 2}[r.group("r")]
            return (day - timedelta(days=back)).isoformat()
        # the sitting's date stands next to the meeting's name (1月23日，…会议 / …会议29日下午),
        # not anywhere in its sentence (…闭幕，决定…会议2024年3月5日召开), and is no dateline's
        for m in _DAY.finditer(doc.text, s, hi):
            if m.end() <= lo or re.match(r"[电讯]", doc.text[m.end():m.end() + 1]):
                continue  # too far before the name (its month is read with it), or a dateline
            month = int(m.group("m")) if m.group("m") else (ctx.dateline[0] if ctx.dateline else None)
            if month is None and ctx.published:
                month = ctx.published[1]
            if month is None:
                continue
            y = int(m.group("y")) if m.group("y") else year
            iso = ctx.iso(month, int(m.group("d")), y)
            if iso:
                return iso
    return None


def _strip_city(place: str) -> tuple[str | None, str]:
    """A written place split into its city and the rest (北京人民大会堂 -> 北京, 人民大会堂)."""
    cities = _cities()
    for c in _cities_longest_first():
        if place.startswith(c) and len(place) > len(c):
            return cities[c], place[len(c):]
    return None, place


def _venue(place: str) -> tuple[str | None, str | None]:
    """(city, venue) of a place written after 在: a city it starts with, and the venue's
    name, the city kept in it where the rest is no name of its own (青岛国际会议中心)."""
    place = _VENUE_PREFIX.sub("", place)
    if place in _cities():
        return _cities()[place], None  # 在南京胜利闭幕
    city, rest = _strip_city(place)
    v = _venue_re().fullmatch(rest) if rest else None
    if not v:
        return city, None
    if city and (rest in _venue_ends() or _bare_venue_re().fullmatch(rest)) \
            and rest != "人民大会堂":
        return city, place  # 青岛国际会议中心, 南宁人民会堂: the city is part of the name
    return city, rest


def _place(doc: Document, spans: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    city = venue = None
    for a, _b in spans:
        s, e = doc.sentence_bounds(a)
        m = _PLACE_EVENT.search(doc.text, a, e)
        if m:
            city, venue = _venue(m.group("place"))
        if venue is None:
            # the venue the sentence names: 1月27日上午，昆明云南海埂会堂内…，…会议在这里开幕
            v = _venue_search(doc.text, s, e)
            if v:
                c2, venue = _venue(v.group(0))
                city = city or c2
        if city or venue:
            break
    if venue is None:
        # the hall the opening sentences describe (国徽高悬，山西大剧院内气氛庄重而热烈)
        paras = [p for p in doc.paragraphs() if p[0] >= doc.body_start][:3]
        if paras:
            v = _venue_search(doc.text, paras[0][0], paras[-1][1])
            if v:
                c2, venue = _venue(v.group(0))
                city = city or c2
    if city is None:
        m = _DATELINE_CITY.search(doc.text)
        if m and m.group("city") in _cities():
            city = _cities()[m.group("city")]
    return city, venue


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add every meeting of the article; mark the main one and give it date, city, venue."""
    found = find_meetings(doc, ctx)
    for f in found:
        m = facts.meetings.get(f.name)
        if m is None:
            m = facts.meetings[f.name] = Meeting(f.name, body=f.body, term=f.term, session=f.session)
        m.spans.append((f.start, f.end))
    main = _main(doc, found)
    for f in found:
        # a body is named when the meeting's written form names it (人大, 政协, 省委 …)
        if f.body and (f.name == main or re.search(r"人大|人民代表大会|政协|委员会|委", doc.text[f.start:f.end])):
            facts.add_org(f.body, None, _body_class(f.body, ctx))
    if main is None:
        return
    m = facts.meetings[main]
    m.main = True
    year = next((y for f in found if f.name == main and (y := _national_year(f))), None)
    if year is None and not ctx.published and not doc.meta.get("date"):
        # a stamp is the article's day; a year read from the text's cues may be the year reviewed
        year = next((y for f in found if f.name == main and (y := _provincial_year(f, facts.year))), None)
    if year is None and (named_year := re.match(r"((?:19|20)\d{2})年", main)):
        year = int(named_year.group(1))  # 2020年…表彰大会: the meeting's name gives its year
    if year and not doc.meta.get("date"):
        facts.year = year  # a national session's year beats the text's cues; metadata beats both
    body_spans = sorted(m.spans, key=lambda s: (s[0] < doc.body_start, s[0]))
    m.date = _date(doc, ctx, body_spans, year or facts.year)
    m.city, m.venue = _place(doc, body_spans)
    if m.city:
        facts.add_place(m.city, _first(doc, m.city))
    if m.venue:
        facts.add_place(m.venue, _first(doc, m.venue))


def _body_class(body: str, ctx: Context) -> str:
    """The kind of a meeting's body: as the lexicon has it, else by its name's head word."""
    if body in ctx.aliases:
        return ctx.aliases[body][1]
    for word, cls in (("中国共产党", "party"), ("政治协商", "cppcc"), ("人民代表大会", "legislature"),
                      ("政府", "government"), ("国务院", "government")):
        if word in body:
            return cls
    return "body"


def _first(doc: Document, text: str) -> tuple[int, int]:
    i = doc.text.find(text, doc.body_start)
    if i < 0:
        i = doc.text.find(text)
    if i < 0:  # canonical city (北京) written short (京)
        return (0, 0)
    return (i, i + len(text))
