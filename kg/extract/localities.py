"""Places that own bodies and meetings: provinces, cities, prefectures, counties, banners.

A local body or meeting is written with a unit word (省委, 州人大, 县政协, 盟政协常委会, 旗委) and,
often, the place's name before it (湖北 + 省, 大理 + 州, 聊城市 + 第十八届…). This module
turns what is written into the place's full name: a province or known city from the
province lexicon, a prefecture-level unit that is no city (自治州, 盟, 地区) from
kg/lexicon/prefectures.tsv (大理州 -> 大理白族自治州), any other place as written with its
unit word (桃源县, 乌审旗); a bare unit word stands for the article's own place of that unit
(Context.province, Context.city) or for none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from kg.lexicon import lexicon
from kg.lexicon import rows as lexicon_rows
from kg.text.alternation import alternation
from kg.text.han import HAN

if TYPE_CHECKING:  # kg.extract.context reads an article's prefecture from here
    from kg.extract.context import Context

#: unit words a local body's place ends in (the longest first)
PLACE_END = r"(?:自治州|自治县|自治旗|地区|市|州|县|区|旗|盟)"


@dataclass(frozen=True)
class Prefecture:
    full: str  # 大理白族自治州, 阿拉善盟, 喀什地区
    province: str
    unit: str  # 州, 盟, 地区
    stem: str  # 大理, 阿拉善, 喀什 (written before the unit word)
    short: tuple[str, ...]  # 大理州 (and other written forms)


@cache
def prefectures() -> tuple[Prefecture, ...]:
    out = []
    for full, province, short in lexicon_rows("prefectures.tsv", 3):
        unit = next(u for u in ("自治州", "地区", "盟") if full.endswith(u))
        forms = tuple(s for s in short.split(",") if s)
        stem = forms[0][:-len(unit)] if unit != "自治州" else forms[0][:-1]
        out.append(Prefecture(full, province, "州" if unit == "自治州" else unit, stem, forms))
    return tuple(out)


@cache
def _prefecture_names() -> dict[str, str]:
    """Every written form of a prefecture (大理州, 大理白族自治州) -> its full name."""
    out: dict[str, str] = {}
    for p in prefectures():
        out[p.full] = p.full
        for s in p.short:
            out.setdefault(s, p.full)
    return out


@cache
def _prefecture_by_full() -> dict[str, Prefecture]:
    out: dict[str, Prefecture] = {}
    for p in prefectures():
        out.setdefault(p.full, p)
    return out


def prefecture(name: str) -> Prefecture | None:
    """The prefecture-level unit a name is written for (大理州, 大理白族自治州), if any."""
    full = _prefecture_names().get(name)
    return _prefecture_by_full().get(full) if full else None


def _unit(p) -> str:
    return "市" if p.unit == "直辖市" else p.unit


@cache
def known_cities() -> frozenset[str]:
    return frozenset(c for p in lexicon().provinces if p.unit != "直辖市" for c in (p.capital, *p.cities))


def place_of(written: str | None, unit: str | None, ctx: Context) -> str | None:
    """The full name of the place a local meeting or body belongs to: written out (湖北 ->
    湖北省, 聊城市, 大理州 -> 大理白族自治州), else the article's own place of the unit word
    (省 -> its province, 市 -> the city it reports or the municipality, 州/县/旗 -> its
    prefecture, county or banner); None where the article gives none."""
    lex = lexicon()
    if written:
        p = lex.province(written)
        if p is not None:
            return p.full
        if written in _prefecture_names():
            return _prefecture_names()[written]
        if written in known_cities():
            return written + "市"  # 泉州 -> 泉州市 (州 is part of its name)
        return written if re.search(PLACE_END + "$", written) else written + "市"
    prov = ctx.province
    if unit in ("省", "自治区"):
        return prov.full if prov is not None and _unit(prov) == unit else None
    if unit == "市":
        if ctx.city and ctx.city.endswith("市"):
            return ctx.city
        return prov.full if prov is not None and prov.unit == "直辖市" else None
    if unit in ("县", "州", "盟", "旗", "区"):
        city = ctx.city or ""
        return city if city.endswith(unit) and not city.endswith("地区") else None
    return ctx.city or (prov.full if prov is not None else None)


@cache
def _stems() -> tuple[re.Pattern, dict[str, dict[str, str]]]:
    """Names written before a unit word (湖北 + 省, 广西壮族 + 自治区, 聊城 + 市, 大理 + 州)
    -> {unit: full name}; and the pattern finding one at the end of a stretch of text."""
    lex = lexicon()
    stems: dict[str, dict[str, str]] = {}
    for p in lex.provinces:
        unit = _unit(p)
        for stem in {p.short, p.full[:-len(unit)]}:
            stems.setdefault(stem, {}).setdefault(unit, p.full)
    for c in known_cities():
        stems.setdefault(c, {}).setdefault("市", c + "市")
    for f in prefectures():
        stems.setdefault(f.stem, {}).setdefault(f.unit, f.full)
        if f.unit == "州":  # 大理白族自治 + 州
            stems.setdefault(f.full[:-1], {}).setdefault("州", f.full)
    return re.compile(rf"(?:{alternation(stems)})$"), stems


_GENERIC_STEM = re.compile(rf"(?:(?<![{HAN}])|(?<=[的在和与及]))(?!出席|列席|参加|通过|召开|举行)[{HAN}]{{2}}$")
_GENERIC_PLACE = re.compile(rf"(?:(?<![{HAN}])|(?<=[的在和与及]))(?!出席|列席|参加|通过|召开|举行)"
                            rf"[{HAN}]{{2}}(?:市|县|区|旗)$")


def place_before(text: str, start: int, unit: str | None, free: bool) -> tuple[str, int] | None:
    """The place written just before a meeting's name (its full name and where it starts):
    a known name before the unit word the name starts with (湖北 + 省十三届人大…, 大理 +
    州十四届…), a place written with its unit (聊城市 + 第十八届…); with `free`, also two
    characters and a unit word after a boundary (…上午，桃源县第十五届…, …的柞水县第十七届…)."""
    before = text[max(0, start - 10):start]
    rx, stems = _stems()
    if unit:
        m = rx.search(before)
        if m and unit in stems[m.group(0)]:
            return stems[m.group(0)][unit], start - len(m.group(0))
        if free and unit in ("市", "县") and (g := _GENERIC_STEM.search(before)):
            return g.group(0) + unit, start - 2
        return None
    for p in full_names():
        if before.endswith(p):
            return p, start - len(p)
    if free and (g := _GENERIC_PLACE.search(before)):
        return g.group(0), start - len(g.group(0))
    return None


@cache
def full_names() -> tuple[str, ...]:
    """Full names of provinces, known cities and prefectures (and a prefecture's short forms),
    longest first."""
    lex = lexicon()
    names = {p.full for p in lex.provinces} | {c + "市" for c in known_cities()} | set(_prefecture_names())
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


#: a prefecture's or league's own bodies written short, or the whole unit (州委, 州人大, 全州,
#: 盟政协): an article about that unit's affairs
_UNIT_LOCAL = {u: re.compile(rf"{u}(?:委|政府|人民政府|人大|政协|长|纪委|监委|[一二三四五六七八九十]{{1,3}}届)|全{u}|我{u}")
               for u in ("州", "盟")}


@cache
def _cities_ending_in() -> dict[str, frozenset[str]]:
    """Known cities whose name ends in a unit word (苏州, 广州): 苏州人大 is no 州人大."""
    return {u: frozenset(c for c in known_cities() if c.endswith(u)) for u in _UNIT_LOCAL}


def article_prefecture(text: str) -> tuple[str, int] | None:
    """The prefecture or league whose own affairs an article reports (the one it names most,
    where it writes its bodies short: 州委, 州人大常委会, 全州), and how often it writes them."""
    for unit, rx in _UNIT_LOCAL.items():
        ends = _cities_ending_in()[unit]
        n = sum(1 for m in rx.finditer(text)
                if text[max(0, m.start() - 1):m.start() + 1] not in ends and text[max(0, m.start() - 2):m.start() + 1] not in ends)
        if not n:
            continue
        best = None
        for p in prefectures():
            forms = {p.full, *p.short}
            count = sum(text.count(f) for f in forms) if p.unit == unit else 0
            if count:
                key = (count, -min(text.find(f) for f in forms if f in text))
                best = max(best, (key, p.full)) if best else (key, p.full)
        if best:
            return best[1], n
    return None


def unit_forms(place: str) -> tuple[str, str, tuple[str, ...]]:
    """A city's, county's or prefecture's unit word, the name written without it, and the
    names it is written with: 聊城市 -> (市, 聊城, (聊城市,)); 大理白族自治州 -> (州, 大理,
    (大理白族自治州, 大理州))."""
    p = prefecture(place)
    if p is not None:
        return p.unit, p.stem, (p.full, *(f for f in p.short if f != p.full))
    unit = place[-1] if place[-1] in "市县" else "市"
    return unit, place[:-1] if place[-1] in "市县" else place, (place,)
