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
from importlib import resources

from kg.extract.context import Context
from kg.lexicon import lexicon

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
    text = resources.files("kg.lexicon").joinpath("prefectures.tsv").read_text(encoding="utf-8")
    out = []
    for ln in text.splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        full, province, short = (ln.split("\t") + ["", ""])[:3]
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


def prefecture(name: str) -> Prefecture | None:
    """The prefecture-level unit a name is written for (大理州, 大理白族自治州), if any."""
    full = _prefecture_names().get(name)
    return next((p for p in prefectures() if p.full == full), None) if full else None


def _unit(p) -> str:
    return "市" if p.unit == "直辖市" else p.unit


def alternation(names) -> str:
    """An alternation of names, longest first, then by name (deterministic)."""
    return "|".join(sorted(set(names), key=lambda n: (-len(n), n)))


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


_GENERIC_STEM = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[的在和与及]))(?!出席|列席|参加|通过|召开|举行)[\u4e00-\u9fff]{2}$")
_GENERIC_PLACE = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[的在和与及]))(?!出席|列席|参加|通过|召开|举行)"
                            r"[\u4e00-\u9fff]{2}(?:市|县|区|旗)$")


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
