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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.extract import TAGGERS
from kg.extract.facts import ArticleFacts
from kg.extract.file_names import file_name_year
from kg.extract.localities import article_prefecture, prefecture, unit_forms
from kg.extract.name_set import Names
from kg.extract.sentence_scan import scan_of
from kg.lexicon import Lexicon, Province, lexicon
from kg.lexicon import rows as lexicon_rows
from kg.text.document import Document
from kg.text.han import HAN

_FULL_DATE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
#: a publication stamp in the lines before the body: 2022-02-24 10:45, 2019年01月18日 08:15,
#: 发布时间：2017-02-28, 24.04.2021
_STAMP = re.compile(r"(?<!\d)(?:(?P<y>(?:19|20)\d{2})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})(?:日|(?!\d))"
                    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>(?:19|20)\d{2})(?!\d))")
_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d{2})年")
#: a dateline: an agency, paper or site, its city, and the day (新华社北京3月5日电, 本报太原1月18日电,
#: 广西新闻网南宁1月27日讯, 红网时刻11月28日讯, 浙江在线11月27日讯 at a line's start)
_DATELINE = re.compile(r"(?:^|\n|新华社|本报|社|网|台|时刻|电)[^，。；：\n]{0,10}?(\d{1,2})月(\d{1,2})日(?:电|讯)")


def _dateline(text: str) -> re.Match | None:
    """`_DATELINE.search(text)` from where a match can first start: each ends with 日电 or 日讯
    and runs over at most 18 characters before it (新华社, ten, 12月31); a search from the
    text's start tried the opening words at every place."""
    ends = [k for k in (text.find("日电"), text.find("日讯")) if k >= 0]
    return _DATELINE.search(text, max(0, min(ends) - 18)) if ends else None


def check_tagger(name: str | None) -> str | None:
    """`name` when it is a known second-opinion tagger, None for none; ValueError otherwise."""
    if name and name not in TAGGERS:
        raise ValueError(f"unknown tagger {name!r} (known: {', '.join(TAGGERS)})")
    return name or None


@dataclass(frozen=True)
class Context:
    lexicon: Lexicon
    province: Province | None = None
    province_stated: bool = False  # named by the input's metadata, not guessed from the text
    year: int | None = None
    dateline: tuple[int, int] | None = None  # (month, day) of a dateline
    aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # body alias -> (canonical, class)
    present: tuple[str, ...] = ()  # the aliases the article's text holds (three extractors read them)
    tagger: str | None = None  # the build's second opinion on names (kg.extract.second_opinion)
    city: str | None = None  # the city or county whose own bodies the article reports (聊城市, 桃源县)
    published: tuple[int, int, int] | None = None  # (year, month, day) of a publication stamp

    def iso(self, month: int, day: int, year: int | None = None) -> str | None:
        """An ISO date, the year taken from the article when not given."""
        y = year or self.year
        if not y or not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{y:04d}-{month:02d}-{day:02d}"


#: words that show an article is about a province-level unit's own affairs, by unit: its
#: bodies written short (省委, 自治区政府, 市人大) or the whole unit (全省, 我区); a test of what
#: stands before the unit word is written after it, so the pattern opens with the word and is
#: searched from one to the next
_LOCAL = {
    "省": re.compile(r"省(?:委|政府|人民政府|人大|政协|长|纪委|监委|法院|检察院|[一二三四五六七八九十]{1,3}届)|全省|我省|本省"),
    "自治区": re.compile(r"(?:自治区|区)(?:党委|政府|人民政府|人大|政协|主席|纪委|[一二三四五六七八九十]{1,3}届)|全区|我区"),
    "直辖市": re.compile(r"市(?<![省区]市)(?:委|政府|人民政府|人大|政协|长|纪委|监委|[一二三四五六七八九十]{1,3}届)|全市|我市|本市"),
}


@cache
def _province_names() -> dict[str, list[tuple[str, str, int]]]:
    """(province, name, weight) of each name that counts for a province, by the name's first
    two characters ("" for a name of one): its full name 3, its short name 2 (the short name inside each full one
    counted once), its paper 4, a city 1."""
    out: dict[str, list[tuple[str, str, int]]] = {}
    for p in lexicon().provinces:
        if p.unit != "特别行政区":
            names = [(p.full, 1), (p.short, 2), (p.short + "日报", 4)]
            names += [(city, 1) for city in (p.capital, *p.cities) if city != p.short]
            for name, weight in names:
                out.setdefault(name[:2] if len(name) >= 2 else "", []).append((p.full, name, weight))
    return out


def _province(doc: Document, lex: Lexicon, pairs: set[str]) -> Province | None:
    if doc.meta.get("province"):
        return lex.province(doc.meta["province"])
    text = doc.text
    score: Counter = Counter(dict.fromkeys((p.full for p in lex.provinces if p.unit != "特别行政区"), 0))
    by_pair = _province_names()
    for pair in ("", *pairs.intersection(by_pair)):  # (sums: the order they are added in is no matter)
        for full, name, weight in by_pair.get(pair, ()):
            score[full] += weight * text.count(name)
    if not score:
        return None
    best, value = score.most_common(1)[0]
    prov = lex.province(best) if value > 0 else None
    # a national article names provinces in passing (代表团, 疫情, 在京): it has a province only
    # when it speaks of that unit's own bodies or of the whole unit (省委, 全区, 市人大)
    if prov is None:
        return None
    if _LOCAL[prov.unit].search(text):
        return prov
    # or of one of its cities' own bodies (市委, 全市 in an article naming 聊城市)
    if _CITY_LOCAL.search(text) and any(f"{c}市" in text for c in (prov.capital, *prov.cities)):
        return prov
    return None


#: a city or county named as the owner of a local body or meeting (聊城市第十八届人民代表大会,
#: 政协第十一届南宁市委员会, 威海市委, 桃源县第十五届…): its name, written before its unit word
_OWNER = r"(?:(?<=[\s，。：；、“（(])|^|(?<=政协第.届)|(?<=政协第..届)|(?<=会议第.届)|(?<=会议第..届)|(?<=中国共产党)|(?<=中共))"
_LOCALITY_OWNER = {u: re.compile(rf"{_OWNER}(?P<c>(?!中共|中国|[与和及同在对向由从将把被])(?:(?![届第次])[{HAN}]){{2,4}}?){u}"
                                 rf"(?=第[一二三四五六七八九十]{{1,3}}届|委员会|委(?!员)|人民政府|人大|政协|{u}长)")
                   for u in ("市", "县")}
#: what stands after an owner's unit word (the lookahead above): a sentence holding none of
#: them holds no owner, and the pattern is read only in those that do (kg.extract.sentence_scan)
_OWNER_AFTER = {u: tuple(u + w for w in ("第", "委", "人民政府", "人大", "政协", "长")) for u in ("市", "县")}
#: a local body written short, or the whole locality: the article is about its own affairs
_LOCALITY_LOCAL = {u: re.compile(rf"{u}(?<![省区]{u})(?:委|政府|人民政府|人大|政协|长|纪委|[一二三四五六七八九十]{{1,3}}届)"
                                 rf"|全{u}|我{u}|本{u}") for u in ("市", "县")}
_CITY_LOCAL = _LOCALITY_LOCAL["市"]


def _city(doc: Document, lex: Lexicon, prov: Province | None) -> str | None:
    """The city (聊城市) or county (桃源县) whose own affairs an article reports: the one whose
    short forms (市委, 全县) it uses most; none for a municipality's affairs (北京市: that is the
    province-level unit) or a province's."""
    text, scan = doc.text, scan_of(doc.text)
    n_city, n_county = (len(_LOCALITY_LOCAL[u].findall(text)) for u in ("市", "县"))
    pref = article_prefecture(text)  # 州委, 全州 in an article naming 大理州
    if pref is not None and pref[1] >= max(n_city, n_county):
        return pref[0]
    if n_county > n_city:
        owners = Counter(m.group("c") for m in _owners(text, "县"))
        return f"{owners.most_common(1)[0][0]}县" if owners else None
    if (prov is not None and prov.unit == "直辖市") or not n_city:
        return None
    score: Counter = Counter()
    first: dict[str, int] = {}
    municipalities = {p.short for p in lex.provinces if p.unit in ("直辖市", "特别行政区")}
    for m in _owners(text, "市"):
        c = m.group("c")
        if c not in municipalities and lex.province(c) is None:
            score[c] += 3
            first.setdefault(c, m.start())
    for p in lex.provinces:
        if p.unit in ("直辖市", "特别行政区") or (prov is not None and p is not prov):
            continue
        for c in (p.capital, *p.cities):
            n = text.count(c) if scan.may_hold(c) else 0  # no scan for a city the text cannot hold
            if n:
                score[c] += n
                first.setdefault(c, text.find(c))
    if not score:
        return None
    best = max(score, key=lambda c: (score[c], -first[c]))
    if score[best] < 2 or not (f"{best}市" in text or _owner_named(text, best)):
        return None  # a city in passing (在南京闭幕) is no article about its affairs
    return f"{best}市"


def _owners(text: str, unit: str) -> Iterator[re.Match]:
    """The cities (市) or counties (县) named as owners of a local body, in text order."""
    return scan_of(text).finditer(_LOCALITY_OWNER[unit], _OWNER_AFTER[unit])


def _owner_named(text: str, city: str) -> bool:
    return bool(re.search(rf"{city}(?:日报|晚报|新闻|广播电视台)|本报{city}", text))


def _year(doc: Document) -> int | None:
    if doc.meta.get("date"):
        return int(str(doc.meta["date"])[:4])
    stamp = _published(doc)
    if stamp:
        return stamp[0]
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
        after = text[m.end():m.end() + 30]
        before = text[max(0, m.start() - 6):m.start()]
        clause = re.split(r"[，。；：、]", after, maxsplit=1)[0]
        if re.match(r"(?:是)?(?:极|很|非常|极其)?不平凡", after) or "执行情况" in clause or "决算" in clause:
            score[y + 1] += 4  # 2018年极不平凡, 2021年…计划执行情况: the year before the article's
        elif after.startswith("是") or after.startswith("，是"):
            score[y] += 4
        elif "过去的" in before or after.startswith("工作回顾") or after.startswith("和今年"):
            score[y + 1] += 4
        elif after.startswith(("工作安排", "工作任务", "以来", "工作思路", "目标任务", "重点工作", "主要预期目标")):
            score[y] += 3  # 2024年以来, 2019年工作思路: the article writes in that year
        elif re.match(r"(?:全省|全市|全区|省级|市级|本级)?(?:和[省市区]级)?(?:国民经济和社会发展计划|预算)", after):
            score[y] += 2
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


def _published(doc: Document) -> tuple[int, int, int] | None:
    """The date stamped on the article in its lines before the body (or its first line):
    2022-02-24 10:45, 2013年04月02日 08:15, 发布时间：2017-02-28."""
    if doc.meta.get("date"):
        d = str(doc.meta["date"])
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
            return int(d[:4]), int(d[5:7]), int(d[8:10])
    head_end = max(doc.body_start, doc.text.find("\n") + 1)
    head = doc.text[:min(head_end, 400)]
    for m in _STAMP.finditer(head):
        y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (m.group("y2"), m.group("m2"), m.group("d2"))
        tail = head[m.end():m.end() + 12]
        before = head[max(0, m.start() - 8):m.start()]
        # a stamp, not a date in a sentence: a clock time, a source or a label next to it
        # (or a report's delivery line: ——2024年1月23日在…会议上)
        if (re.match(r"[\s，,]*(?:\d{1,2}:\d{2}|[|｜]|来源|星期|$|\n)", tail) or re.search(r"(?:时间|日期)[:：]?\s*$", before)
                or (tail.startswith("在") and re.search(r"(?:^|\n)[—-]{1,2}\s*$", before))):
            if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
                return int(y), int(mo), int(d)
    return None


def _province_of_prefecture(text: str, lex: Lexicon, city: str) -> Province | None:
    """The province of the prefecture an article reports (迪庆州 -> 云南省) where it writes the
    province's bodies short (省委, 省政府): a prefecture paper's 省委 is its own province's."""
    pref = prefecture(city)
    prov = lex.province(pref.province) if pref is not None else None
    return prov if prov is not None and _LOCAL[prov.unit].search(text) else None


def analyse(doc: Document, tagger: str | None = None) -> Context:
    """The article-wide context of `doc`, read with the second-opinion `tagger` when given."""
    lex = lexicon()
    pairs = scan_of(doc.text).pairs  # (shared with the extractors' sentence scan)
    prov = _province(doc, lex, pairs)
    city = _city(doc, lex, prov)
    if prov is None and city is not None:
        prov = _province_of_prefecture(doc.text, lex, city)
    m = _dateline(doc.text)
    aliases = _aliases(prov.full if prov else None, city)
    return Context(lexicon=lex, province=prov, province_stated=bool(doc.meta.get("province")) and prov is not None,
                   year=_year(doc), dateline=(int(m.group(1)), int(m.group(2))) if m else None,
                   aliases=aliases, present=_present(prov.full if prov else None, city, doc.text, pairs), city=city,
                   published=_published(doc), tagger=check_tagger(tagger))


def new_facts(ctx: Context) -> ArticleFacts:
    """Empty facts for an article, with what the context knows of it as a whole (its year and
    province) put where extractors and the mapping read them."""
    return ArticleFacts(year=ctx.year, province=ctx.province.full if ctx.province else None,
                        province_stated=ctx.province_stated)


@cache
def _city_templates() -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    return tuple((canon, cls, tuple(a for a in aliases.split(",") if a), units or "市县")
                 for canon, cls, aliases, units in lexicon_rows("city_bodies.tsv", 4))


def city_bodies(city: str, bare: bool = False) -> dict[str, tuple[str, str]]:
    """alias -> (canonical, class) for the bodies of a city (聊城市) or county (桃源县); the bare
    forms (市委, 县政府) only with `bare`, in an article about that place."""
    out: dict[str, tuple[str, str]] = {}
    unit, short, names = unit_forms(city)  # a prefecture is written short too (大理州委)
    for canon, cls, aliases, units in _city_templates():
        if unit not in units:
            continue
        full = canon.format(C=city, c=short, U=unit)
        out.setdefault(full, (full, cls))
        for a in aliases:
            if a.startswith("{U}") and not bare:
                continue
            for name in names:
                out.setdefault(a.format(C=name, c=short, U=unit), (full, cls))
    return out


@cache
def _aliases(province: str | None, city: str | None = None) -> dict[str, tuple[str, str]]:
    """Body aliases -> (canonical, class): national ones, the province's and the city's, built
    once per province, city and process (extractors only read them)."""
    lex = lexicon()
    out = dict(lex.national)
    prov = lex.province(province) if province else None
    if prov is not None:
        out.update(lex.regional(prov))
    if city:
        out.update(city_bodies(city, bare=True))  # 市委 in a Liaocheng article is Liaocheng's
    return out


@cache
def _national_pairs() -> Counter:
    """How many national aliases hold each pair of characters (中央, 委员: hundreds)."""
    return Counter(pair for a in lexicon().national for pair in {a[i:i + 2] for i in range(len(a) - 1)})


@cache
def _rare_pair(alias: str) -> str:
    """The pair of characters of `alias` (two or more) that fewest national aliases hold."""
    held = _national_pairs()
    k = min(range(len(alias) - 1), key=lambda i: (held[alias[i:i + 2]], i))
    return alias[k:k + 2]


@cache
def _alias_index(province: str | None, city: str | None) -> tuple[list[tuple[int, str]], dict[str, list[tuple[int, str]]]]:
    """The place's aliases (`_aliases`), each with its place in their order, by their rarest
    pair of characters (by 中央 or 委员 hundreds would be looked for); those of one character
    apart."""
    short: list[tuple[int, str]] = []
    by_pair: dict[str, list[tuple[int, str]]] = {}
    for i, a in enumerate(_aliases(province, city)):
        if len(a) < 2:
            short.append((i, a))
        else:
            by_pair.setdefault(_rare_pair(a), []).append((i, a))
    return short, by_pair


def _present(province: str | None, city: str | None, text: str, pairs: set[str]) -> tuple[str, ...]:
    """The place's aliases `text` holds, in the aliases' order: only those whose rarest pair
    of characters stands together in it (`pairs`) are looked for."""
    short, by_pair = _alias_index(province, city)
    found = [ia for ia in short if ia[1] in text]
    for pair in pairs.intersection(by_pair):
        found += (ia for ia in by_pair[pair] if ia[1] in text)
    return tuple(a for _, a in sorted(found))


@cache
def _alias_pattern(province: str | None, city: str | None, min_len: int) -> Names:
    """The aliases of a place of at least `min_len` characters (the national, the province's
    and the city's or county's own), built once per place."""
    names = [a for a in _aliases(province) if len(a) >= min_len]
    if city:
        names += [a for a in city_bodies(city, bare=True) if len(a) >= min_len]
    return Names(names)


def alias_pattern(ctx: Context, min_len: int = 1, text: str | None = None) -> Names:
    """The context's body aliases of at least `min_len` characters, read as an alternation
    longest first; with `text`, only those it contains (finditer looks for each)."""
    if text is None:
        return _alias_pattern(ctx.province.full if ctx.province else None, ctx.city, min_len)
    return _names_in(ctx.present, min_len, text)


@lru_cache(maxsize=8)
def _names_in(present: tuple[str, ...], min_len: int, text: str) -> Names:
    """The names of `present` of at least `min_len` characters that `text` holds: built once
    for an article's extractors (and their starts in it found once)."""
    return Names(a for a in present if len(a) >= min_len and a in text)
