"""Extractor: meetings — every meeting an article names, and the one it reports on.

kg.extract.meeting_names finds where meetings are named and their canonical full names.
This module adds each to the facts, picks the main meeting (the one the article reports:
named in the title, or followed by 开幕/召开/举行…, and not only referred to or awaited) and
gives it its date, city and venue.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Meeting
from kg.extract.meeting_names import Mention, find_meetings
from kg.lexicon import lexicon
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ()
ADDS = ("meetings", "organizations", "places", "year")



def _national_year(found: Mention) -> int | None:
    """Year of a plenary session of the NPC or the national CPPCC (terms start 1998, 2003 …)."""
    if found.term and found.session and found.term >= 5 and "常务委员会" not in found.name:
        if found.body in ("全国人民代表大会", "中国人民政治协商会议全国委员会"):
            return 1998 + 5 * (found.term - 9) + found.session - 1
    return None


#: what follows the name of the meeting an article reports on: its sitting, now, not a plan
#: (…会议29日下午在北京人民大会堂闭幕, …会议1月18日选举…; not …会议于2024年3月5日召开)
_EVENT = re.compile(r"^(?!于|将)[^，。；]{0,16}?(?:隆重|胜利|正式)?(?:开幕|闭幕|举行|召开|开会|落下帷幕|选举|表决|审议)")
#: words before a meeting's name that make it one planned or referred to (决定…会议于…召开)
_PLANNED = re.compile(r"(?:决定|提请|关于召开|筹备|将于|向)[^，。；]{0,6}$")
_REFERRED = re.compile(r"^(?:和[^，。]{0,20})?(?:精神|以来|部署|要求|决策|确定|提出|作出|审议通过)")
_AWAITED = re.compile(r"(?:迎接|贯彻|学习|落实|庆祝|纪念|筹备)[^，。；]{0,14}$")
_DAY = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日")
_PLACE_EVENT = re.compile(r"在(?P<place>[\u4e00-\u9fff]{1,14}?)(?:隆重|胜利|正式)?(?:开幕|闭幕|举行|召开|开会)")
_DATELINE_CITY = re.compile(r"(?:新华社|本报|中新社)(?P<city>[\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日电")


@cache
def _venue_re() -> re.Pattern:
    text = resources.files("kg.lexicon").joinpath("venues.txt").read_text(encoding="utf-8")
    ends = sorted((ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")),
                  key=len, reverse=True)
    return re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{'|'.join(ends)})")


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


def _main(doc: Document, found: list[Mention]) -> str | None:
    scores: dict[str, float] = {}
    for f in found:
        after = doc.text[f.end:f.end + 24]
        sc = 1.0
        if f.start < doc.body_start:
            sc += 4
        if _EVENT.match(after):
            sc += 4
        if _REFERRED.match(after):
            sc -= 3
        if _PLANNED.search(doc.text[max(0, f.start - 8):f.start]):
            sc -= 3
        if _AWAITED.search(doc.text[max(0, f.start - 16):f.start]):
            sc -= 6  # 迎接党的二十大胜利召开: the meeting is looked forward to, not reported
        if f.session is None and f.body is None:
            sc -= 0.5
        scores[f.name] = scores.get(f.name, 0) + sc
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], k))
    return best if scores[best] >= 4 else None


def _date(doc: Document, ctx: Context, spans: list[tuple[int, int]], year: int | None) -> str | None:
    for a, b in spans:
        s, e = doc.sentence_bounds(a)
        # the sitting's date stands next to the meeting's name (1月23日，…会议 / …会议29日下午),
        # not anywhere in its sentence (…闭幕，决定…会议2024年3月5日召开)
        for m in _DAY.finditer(doc.text, max(s, a - 16), min(e, b + 12)):
            month = int(m.group("m")) if m.group("m") else (ctx.dateline[0] if ctx.dateline else None)
            if month is None:
                continue
            y = int(m.group("y")) if m.group("y") else year
            iso = ctx.iso(month, int(m.group("d")), y)
            if iso:
                return iso
    return None


def _place(doc: Document, spans: list[tuple[int, int]]) -> tuple[str | None, str | None]:
    cities = _cities()
    city = venue = None
    for a, _b in spans:
        s, e = doc.sentence_bounds(a)
        m = _PLACE_EVENT.search(doc.text, a, e)
        if not m:
            continue
        place = m.group("place")
        for c in sorted(cities, key=len, reverse=True):
            if place.startswith(c):
                city, place = cities[c], place[len(c):]
                break
        v = _venue_re().fullmatch(place) if place else None
        if v:
            venue = place
        if city or venue:
            break
    if venue is None:
        m = _venue_re().search(doc.text, doc.body_start)
        if m:
            venue = m.group(0)
            for c in sorted(cities, key=len, reverse=True):
                if venue.startswith(c) and len(venue) > len(c) + 2:
                    city = city or cities[c]
                    venue = venue[len(c):]
                    break
    if city is None:
        m = _DATELINE_CITY.search(doc.text)
        if m and m.group("city") in cities:
            city = cities[m.group("city")]
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
            facts.add_org(f.body, None, "legislature")
    if main is None:
        return
    m = facts.meetings[main]
    m.main = True
    year = next((y for f in found if f.name == main and (y := _national_year(f))), None)
    if year and not doc.meta.get("date"):
        facts.year = year  # a national session's year beats the text's cues; metadata beats both
    body_spans = sorted(m.spans, key=lambda s: (s[0] < doc.body_start, s[0]))
    m.date = _date(doc, ctx, body_spans, year or facts.year)
    m.city, m.venue = _place(doc, body_spans)
    if m.city:
        facts.add_place(m.city, _first(doc, m.city))
    if m.venue:
        facts.add_place(m.venue, _first(doc, m.venue))


def _first(doc: Document, text: str) -> tuple[int, int]:
    i = doc.text.find(text, doc.body_start)
    if i < 0:
        i = doc.text.find(text)
    if i < 0:  # canonical city (北京) written short (京)
        return (0, 0)
    return (i, i + len(text))
