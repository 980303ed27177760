"""What the whole article tells every extractor: its province, its year, its date.

The province resolves 省委, 省政府 and their kind; it is the province the article's own
metadata names (stated), else the one the text names most (by full or short name, capital
or cities, its newspaper: inferred). The year fills dates that leave it out; it comes from
the metadata, a full date in the text, or the years the text talks about ("2024年是…",
"刚刚过去的2023年").

The context is computed once, before any extractor runs, and is frozen: extractors read it
and never change it. What they learn about the whole article (a better year, say) goes on
the facts object, where later extractors and the mapping read it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from kg.extract.facts import ArticleFacts
from kg.extract.file_names import file_name_year
from kg.lexicon import Lexicon, Province, lexicon
from kg.text.document import Document

_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})年")
_DATELINE = re.compile(r"(?:新华社|本报|电)[^，。\n]{0,10}?(\d{1,2})月(\d{1,2})日电")


@dataclass(frozen=True)
class Context:
    lexicon: Lexicon
    province: Province | None = None
    province_stated: bool = False  # named by the input's metadata, not guessed from the text
    year: int | None = None
    dateline: tuple[int, int] | None = None  # (month, day) of a dateline
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # body alias -> (canonical, class)

    def iso(self, month: int, day: int, year: int | None = None) -> str | None:
        """An ISO date, the year taken from the article when not given."""
        y = year or self.year
        if not y or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{y:04d}-{month:02d}-{day:02d}"


def _province(doc: Document, lex: Lexicon) -> Province | None:
    if doc.meta.get("province"):
        return lex.province(doc.meta["province"])
    text = doc.text
    score: Counter = Counter()
    for p in lex.provinces:
        if p.unit == "特别行政区":
            continue
        n_full = text.count(p.full)
        n_short = text.count(p.short) - n_full
        score[p.full] += 3 * n_full + 2 * n_short
        score[p.full] += 4 * text.count(p.short + "日报")
        for city in (p.capital, *p.cities):
            if city != p.short:
                score[p.full] += text.count(city)
    if not score:
        return None
    best, value = score.most_common(1)[0]
    return lex.province(best) if value > 0 else None


def _year(doc: Document) -> int | None:
    if doc.meta.get("date"):
        return int(str(doc.meta["date"])[:4])
    named = file_name_year(doc.source)  # a publication's own file name (pd-2020-…, 20200522)
    if named:
        return named
    text = doc.text
    m = _FULL_DATE.search(text, doc.body_start)
    if m and m.start() < doc.body_start + 120:
        return int(m.group(1))
    score: Counter = Counter()
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        after = text[m.end():m.end() + 3]
        before = text[max(0, m.start() - 6):m.start()]
        if after.startswith("是") or after.startswith("，是"):
            score[y] += 4
        elif "过去的" in before or after.startswith("工作回顾") or after.startswith("和今年"):
            score[y + 1] += 4
        elif after.startswith(("工作安排", "工作任务", "以来")):
            score[y] += 3  # 2024年以来: the article writes in that year
        elif re.match(r"\d", text[m.start() - 1:m.start()] or "x") or re.search(r"[-—－～~至到]$", before):
            continue  # a range or a target (2023—2027年, 到2035年) is no year of the article
        else:
            score[y] += 1
    if not score:
        return None
    top = max(score.values())
    if top < 3:
        return None  # passing mentions (听取2018年…汇报) are no evidence of the article's year
    return max(y for y, s in score.items() if s == top)


def analyse(doc: Document) -> Context:
    """The article-wide context of `doc`."""
    lex = lexicon()
    prov = _province(doc, lex)
    m = _DATELINE.search(doc.text)
    return Context(lexicon=lex, province=prov, province_stated=bool(doc.meta.get("province")) and prov is not None,
                   year=_year(doc), dateline=(int(m.group(1)), int(m.group(2))) if m else None,
                   aliases=_aliases(prov.full if prov else None))


def new_facts(ctx: Context) -> ArticleFacts:
    """Empty facts for an article, with what the context knows of it as a whole (its year and
    province) put where extractors and the mapping read them."""
    return ArticleFacts(year=ctx.year, province=ctx.province.full if ctx.province else None,
                        province_stated=ctx.province_stated)


@cache
def _aliases(province: str | None) -> dict[str, tuple[str, str]]:
    """Body aliases -> (canonical, class): national ones and the province's, built once per
    province and process (extractors only read them)."""
    lex = lexicon()
    out = dict(lex.national)
    prov = lex.province(province) if province else None
    if prov is not None:
        out.update(lex.regional(prov))
    return out


@cache
def _alias_pattern(province: str | None, min_len: int) -> re.Pattern:
    names = sorted((a for a in _aliases(province) if len(a) >= min_len), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def alias_pattern(ctx: Context, min_len: int = 1) -> re.Pattern:
    """An alternation of the context's body aliases of at least `min_len` characters, longest
    first, compiled once per province."""
    return _alias_pattern(ctx.province.full if ctx.province else None, min_len)
