"""The domain lexicon shipped with kg: titles, body names, provinces, surnames.

Loaded once per process (`lexicon()` is cached). The lexicon holds titles, posts, body
names and patterns; it never lists people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from kg.text.alternation import words_re


def lines(name: str) -> list[str]:
    """The lines of a lexicon file shipped in this package, without blanks and # comments."""
    text = resources.files("kg.lexicon").joinpath(name).read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def rows(name: str, width: int, fill: str = "") -> list[tuple[str, ...]]:
    """The tab-separated rows of a lexicon file, each cut or padded with `fill` to `width`."""
    return [tuple((ln.split("\t") + [fill] * width)[:width]) for ln in lines(name)]


@dataclass(frozen=True)
class Province:
    full: str  # 浙江省, 宁夏回族自治区, 北京市
    short: str  # 浙江, 宁夏, 北京
    unit: str  # 省, 自治区, 市 (the word that stands for it in 省委, 自治区政府, 市委)
    capital: str
    abbrev: str
    cities: tuple[str, ...]


@dataclass
class Lexicon:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: list[str]  # longest first
    descriptors: frozenset[str]  # titles that are no post (省领导, 老同志)
    provinces: list[Province]
    national: dict[str, tuple[str, str]]  # alias -> (canonical, class)
    regional_templates: list[tuple[str, str, list[str]]]
    title_bodies: dict[str, tuple[str, str]]  # bare title -> (unit or "*", body template)
    _regional_cache: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def province(self, name: str) -> Province | None:
        """The province-level unit called `name` (full or short name, or abbreviation)."""
        for p in self.provinces:
            if name in (p.full, p.short):
                return p
        return None

    def regional(self, prov: Province) -> dict[str, tuple[str, str]]:
        """alias -> (canonical, class) for the bodies of one province-level unit."""
        cached = self._regional_cache.get(prov.full)
        if cached is None:
            unit = "市" if prov.unit == "直辖市" else prov.unit
            if unit == "特别行政区":
                cached = {}
            else:
                cached = {}
                for canon, cls, aliases in self.regional_templates:
                    full = canon.format(F=prov.full, S=prov.short, U=unit)
                    cached.setdefault(full, (full, cls))
                    for a in aliases:
                        cached.setdefault(a.format(F=prov.full, S=prov.short, U=unit), (full, cls))
            self._regional_cache[prov.full] = cached
        return cached

    @cached_property
    def title_re(self) -> re.Pattern:
        """Alternation of every title, longest first (kept: it is read ~40,000 times a corpus,
        and `titles` is never changed once loaded)."""
        return _title_re(tuple(self.titles))


@cache
def _title_re(titles: tuple[str, ...]) -> re.Pattern:
    return words_re(titles)


@cache
def lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    names = " ".join(lines("surnames.txt")).split()
    titles, descriptors = [], set()
    for ln in lines("titles.txt"):
        t = ln.strip()
        if t.endswith("*"):
            t = t[:-1]
            descriptors.add(t)
        titles.append(t)
    titles.sort(key=len, reverse=True)
    provinces = []
    for ln in lines("provinces.tsv"):
        cols = ln.split("\t") + [""] * 6
        kind = cols[2]
        unit = {"省": "省", "自治区": "自治区", "直辖市": "直辖市", "特别行政区": "特别行政区"}[kind]
        provinces.append(Province(cols[0], cols[1], unit, cols[3], cols[4],
                                  tuple(c for c in cols[5].split(",") if c)))
    national: dict[str, tuple[str, str]] = {}
    for ln in lines("national_bodies.tsv"):
        canon, cls, aliases = (ln.split("\t") + ["", ""])[:3]
        national.setdefault(canon, (canon, cls))
        for a in aliases.split(","):
            if a:
                national.setdefault(a, (canon, cls))
    templates = []
    for ln in lines("regional_bodies.tsv"):
        canon, cls, aliases = (ln.split("\t") + ["", ""])[:3]
        templates.append((canon, cls, [a for a in aliases.split(",") if a]))
    title_bodies = {}
    for ln in lines("title_bodies.tsv"):
        title, unit, body = (ln.split("\t") + ["", ""])[:3]
        title_bodies[title] = (unit, body)
    return Lexicon(
        surnames=frozenset(n for n in names if len(n) == 1),
        compound_surnames=frozenset(n for n in names if len(n) == 2),
        titles=titles,
        descriptors=frozenset(descriptors),
        provinces=provinces,
        national=national,
        regional_templates=templates,
        title_bodies=title_bodies,
    )
