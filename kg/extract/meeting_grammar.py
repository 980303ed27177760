"""Numbered meetings: a grammar per kind of body, and the canonical full name of each.

A numbered meeting is named by its body, term (届) and ordinal (次): congresses and their
standing committees, CPPCC committees and their standing committees, party committees and
their plenums and congresses, the councils that schedule standing-committee sessions
(委员长会议, 主任会议, 主席会议), and a few recurring meetings counted without a term
(国务院第十次全体会议, 中央政治局第四次集体学习). Each kind has one canonicaliser, shared by the
national, provincial and municipal bodies:

- 山西省第十四届人民代表大会第二次会议 / 聊城市第十八届人民代表大会第一次会议
- 中国人民政治协商会议第十二届浙江省委员会第五次会议 (the term before the place, as the
  official name writes it; 政协浙江省第十二届委员会… is read as the same meeting)
- 中国共产党四川省第十一届委员会第十一次全体会议

A written short form (省十三届人大二次会议, 市政协十三届三次会议, 市委六届六次全会) takes its
place from the article: 省 is the article's province, 市 the city whose affairs it reports
(or the municipality, 上海市). Where the article gives no such place, the short form is left
unnamed rather than given a wrong one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.context import Context
from kg.lexicon import lexicon
from kg.text.numerals import NUM, to_chinese, to_int


@dataclass
class Mention:
    """One place `[start, end)` where the article names a meeting, by its canonical name."""

    start: int
    end: int
    name: str
    body: str | None
    term: int | None
    session: int | None
    kind: str | None = None  # the grammar's kind of meeting (lnpc, council_npc …), for merging


def _cn(n: int | None) -> str:
    return to_chinese(n) if n is not None else ""


# -- canonical names: (term, session, standing committee?, place) -> (name, body) ----------------

def _npc(t, s, sc, w):
    if sc:
        return f"第{_cn(t)}届全国人民代表大会常务委员会第{_cn(s)}次会议", "全国人民代表大会常务委员会"
    return f"中华人民共和国第{_cn(t)}届全国人民代表大会第{_cn(s)}次会议", "全国人民代表大会"


def _cppcc(t, s, sc, w):
    body = "中国人民政治协商会议全国委员会"
    if sc:
        return f"中国人民政治协商会议第{_cn(t)}届全国委员会常务委员会第{_cn(s)}次会议", body + "常务委员会"
    return f"中国人民政治协商会议第{_cn(t)}届全国委员会第{_cn(s)}次会议", body


def _lnpc(t, s, sc, w):
    if sc:
        return f"{w}第{_cn(t)}届人民代表大会常务委员会第{_cn(s)}次会议", f"{w}人民代表大会常务委员会"
    return f"{w}第{_cn(t)}届人民代表大会第{_cn(s)}次会议", f"{w}人民代表大会"


def _lcppcc(t, s, sc, w):
    body = f"中国人民政治协商会议{w}委员会"
    if sc:
        return f"中国人民政治协商会议第{_cn(t)}届{w}委员会常务委员会第{_cn(s)}次会议", body + "常务委员会"
    return f"中国人民政治协商会议第{_cn(t)}届{w}委员会第{_cn(s)}次会议", body


def _congress(t, s, sc, w):
    return f"中国共产党第{_cn(t)}次全国代表大会", "中国共产党"


def _plenum(t, s, sc, w):
    return f"中国共产党第{_cn(t)}届中央委员会第{_cn(s)}次全体会议", "中国共产党中央委员会"


def _ccdi(t, s, sc, w):
    return f"中国共产党第{_cn(t)}届中央纪律检查委员会第{_cn(s)}次全体会议", "中国共产党中央纪律检查委员会"


def _lplenum(t, s, sc, w):
    return f"中国共产党{w}第{_cn(t)}届委员会第{_cn(s)}次全体会议", f"中国共产党{w}委员会"


def _lcongress(t, s, sc, w):
    return f"中国共产党{w}第{_cn(t)}次代表大会", f"中国共产党{w}委员会"


def _council_npc(t, s, sc, w):
    return f"第{_cn(t)}届全国人民代表大会常务委员会第{_cn(s)}次委员长会议", "全国人民代表大会常务委员会"


def _council_cppcc(t, s, sc, w):
    return f"中国人民政治协商会议第{_cn(t)}届全国委员会第{_cn(s)}次主席会议", "中国人民政治协商会议全国委员会"


def _lcouncil_npc(t, s, sc, w):
    return f"{w}第{_cn(t)}届人民代表大会常务委员会第{_cn(s)}次主任会议", f"{w}人民代表大会常务委员会"


def _lcouncil_cppcc(t, s, sc, w):
    return f"中国人民政治协商会议第{_cn(t)}届{w}委员会第{_cn(s)}次主席会议", f"中国人民政治协商会议{w}委员会"


def _state_council(t, s, sc, w):
    return f"国务院第{_cn(s)}次{sc}", "中华人民共和国国务院"


def _lpartyconf(t, s, sc, w):
    return f"中国共产党{w}代表会议", f"中国共产党{w}委员会"


def _lgov(t, s, sc, w):
    return f"{w}人民政府第{_cn(s)}次{sc}", f"{w}人民政府"


def _study(t, s, sc, w):
    return f"中共中央政治局第{_cn(s)}次集体学习", "中国共产党中央委员会政治局"


#: kind -> (canonicaliser, needs a term, needs a place)
KINDS = {
    "npc": (_npc, True, False), "cppcc": (_cppcc, True, False),
    "lnpc": (_lnpc, True, True), "lcppcc": (_lcppcc, True, True),
    "congress": (_congress, True, False), "plenum": (_plenum, True, False), "ccdi": (_ccdi, True, False),
    "lplenum": (_lplenum, True, True), "lcongress": (_lcongress, True, True),
    "council_npc": (_council_npc, True, False), "council_cppcc": (_council_cppcc, True, False),
    "lcouncil_npc": (_lcouncil_npc, True, True), "lcouncil_cppcc": (_lcouncil_cppcc, True, True),
    "state_council": (_state_council, False, False), "study": (_study, False, False),
    "lpartyconf": (_lpartyconf, False, True), "lgov": (_lgov, False, True),
}


def _valid(kind: str, t: int | None, s: int | None) -> bool:
    """Ordinals a body of the kind can have (a party congress 7-40, a plenum 1-12 …)."""
    if kind == "congress":
        return t is not None and 7 <= t <= 40
    if kind in ("plenum", "ccdi", "lplenum"):
        return s is not None and 1 <= s <= 12 and (t is None or 1 <= t <= 40)
    if kind == "lcongress":
        return t is not None and 1 <= t <= 30
    return s is not None or kind in ("npc", "cppcc", "lpartyconf")


# -- the grammar -------------------------------------------------------------------------------

def _alternation(names) -> str:
    return "|".join(sorted(set(names), key=lambda n: (-len(n), n)))


@cache
def _patterns() -> list[tuple[re.Pattern, str, str | None]]:
    """(pattern, kind, lookback): where lookback is set, the place is read from the text just
    before the match (a province or city name before 省/市: 湖北省十三届人大, 聊城市第十八届…),
    not by the pattern: a leading alternation of hundreds of names would be tried at every
    character of every article."""
    lex = lexicon()
    P = _alternation(n for p in lex.provinces for n in (p.full, p.short))
    C = _alternation(c for p in lex.provinces if p.unit != "直辖市" for c in (p.capital, *p.cities))
    #: a place written out: a province, a known city, or a name ending in a local unit word
    #: where a fixed word before it bounds it (政协第十一届南宁市委员会, 中国共产党遂宁市…)
    GEN = r"(?!自治区|出席|列席|参加|通过|召开|举行)[\u4e00-\u9fff]{2,6}?(?:市|自治州|州|县|区|旗|盟)"
    FIXED = rf"(?P<place>{P}|(?:{C})市|{GEN})"
    #: a time and a verb between a body and the ordinal of its sitting (…常委会昨天上午召开第四十二次主任会议)
    GAP = r"(?:[^，。；：\n]{0,8}?(?:召开|举行))?"
    U = r"(?P<u>省|自治区|市|县)"
    T, S = rf"(?P<t>{NUM}|廿[一二三四五六七八九]?)", rf"(?P<s>{NUM})"
    specs: list[tuple] = [
        # national congress and CPPCC
        (rf"(?:中华人民共和国)?第{T}届全国人民代表大会(?P<sc>常务委员会)?第{S}次会议", "npc"),
        (rf"第?{T}届全国人大(?P<sc>常委会)?第?{S}次会议", "npc"),
        (rf"全国人大(?P<sc>常委会)?(?:第?{T}届)第?{S}次会议", "npc"),
        (rf"全国人大(?P<sc>常委会)第{S}次会议", "npc"),
        (rf"(?:中国人民政治协商会议|政协)第{T}届全国委员会(?P<sc>常务委员会)?第{S}次会议", "cppcc"),
        (rf"第?{T}届全国政协(?P<sc>常委会)?第?{S}次会议", "cppcc"),
        (rf"全国政协(?:第?{T}届)(?P<sc>常委会)?第?{S}次会议", "cppcc"),
        # the councils that schedule standing-committee sessions: their own meetings
        (rf"(?:第?{T}届)?全国人大常委会{GAP}第{S}次委员长会议", "council_npc"),
        (rf"(?:第?{T}届)?第{S}次委员长会议", "council_npc"),
        (rf"(?:政协第{T}届全国委员会|全国政协){GAP}第{S}次主席会议", "council_cppcc"),
        (rf"第?{T}届全国政协第{S}次主席会议", "council_cppcc"),
        (rf"(?:第?{T}届)?(?:全国人大常委会|全国政协)?(?P<list>第{NUM}次(?:[和、及]第{NUM}次)+)(?P<noun>委员长会议|主席会议)",
         "council_list"),
        # provincial and municipal congresses and their standing committees
        (rf"{U}?第{T}届人民代表大会(?P<sc>常务委员会)?第{S}次会议", "lnpc", "free"),
        (rf"{U}第?{T}届人大(?P<sc>常委会)?第?{S}次会议", "lnpc", "known"),
        (rf"第{T}届人大(?P<sc>常委会)?第{S}次会议", "lnpc", "free"),
        (rf"{U}人大(?P<sc>常委会)?第?{T}届第?{S}次会议", "lnpc", "known"),
        (rf"第?{T}届{U}人大(?P<sc>常委会){GAP}第{S}次会议", "lnpc"),
        (rf"{U}?第?{T}届人大常委会第{S}次主任会议", "lcouncil_npc", "known"),
        (rf"{U}人大常委会(?:第?{T}届)?{GAP}第{S}次主任会议", "lcouncil_npc", "known"),
        # provincial and municipal CPPCC committees and their standing committees
        (rf"(?:中国人民政治协商会议|政协)第{T}届{FIXED}{U}?委员会(?P<sc>常务委员会)?第{S}次会议", "lcppcc"),
        (rf"(?:中国人民政治协商会议|政协){FIXED}{U}?第{T}届委员会(?P<sc>常务委员会)?第{S}次会议", "lcppcc"),
        (rf"(?P<uu>{U[6:-1]})?政协第?{T}届(?P<sc>常委会)?第?{S}次会议", "lcppcc", "known"),
        (rf"{U}政协(?P<sc>常委会)?第?{T}届第?{S}次会议", "lcppcc", "known"),
        (rf"{U}政协{T}届{S}次(?P<sc>常委会)议?", "lcppcc", "known"),
        (rf"第?{T}届{U}政协(?P<sc>常委会){GAP}第{S}次会议", "lcppcc"),
        (rf"政协第{T}届{FIXED}{U}?委员会第{S}次主席会议", "lcouncil_cppcc"),
        (rf"{U}政协(?:第?{T}届)?{GAP}第{S}次主席会议", "lcouncil_cppcc", "known"),
        # the party: congresses, plenums of the Central Committee and of local committees
        (rf"中国共产党第{T}次全国代表大会", "congress"),
        (rf"(?:党的|中共){T}大", "congress"),
        (r"(?<=[、和及与])(?P<t>[一二三四五六七八九十]{2,3})大(?![会学])", "congress"),
        (rf"中国共产党第{T}届中央委员会第{S}次全体会议", "plenum"),
        (rf"中国共产党第{T}届中央纪律检查委员会第{S}次全体会议", "ccdi"),
        (rf"(?:中共)?(?:第?{T}届)?(?:中央纪委|中纪委)第?{S}次全会", "ccdi"),
        (rf"(?:党的|中共)?{T}届{S}中全会", "plenum"),
        (rf"中国共产党{FIXED}{U}?第{T}届委员会第{S}次全体会议", "lplenum"),
        (rf"(?:中共)?{U}委{T}届{S}次(?:全会|全体会议)", "lplenum", "known"),
        (rf"{T}届{U}委{S}次(?:全会|全体会议)", "lplenum", "known"),
        (rf"中国共产党{FIXED}{U}?第{T}次代表大会", "lcongress"),
        (rf"(?:中共)?{U}委?第{T}次党代会", "lcongress", "known"),
        (rf"(?:中国共产党|中共){FIXED}{U}?代表会议", "lpartyconf"),
        # a standing committee's session named bare in an article on the national congress
        (rf"(?<![人大政协委])常委会第{S}次会议", "npc_bare"),
        # recurring meetings counted without a term
        (rf"(?:新一届)?国务院第{S}次(?P<sc>常务会议|全体会议)", "state_council"),
        (rf"{U}(?:人民)?政府第{S}次(?P<sc>常务会议|全体会议)", "lgov", "known"),
        (rf"(?:中共)?中央政治局第{S}次集体学习", "study"),
    ]
    return [(re.compile(spec[0]), spec[1], spec[2] if len(spec) > 2 else None) for spec in specs]


#: words a kind's names cannot do without: a text without any of them is not scanned for it
_NEEDS = {
    "npc": ("全国人",), "cppcc": ("全国",), "council_npc": ("委员长会议",), "council_cppcc": ("主席会议",),
    "council_list": ("委员长会议", "主席会议"), "lnpc": ("人民代表大会", "人大"), "lcouncil_npc": ("主任会议",),
    "lcppcc": ("政协", "政治协商"), "lcouncil_cppcc": ("主席会议",), "congress": ("大",), "plenum": ("全会", "全体会议"),
    "ccdi": ("纪", "全会"), "lplenum": ("全会", "全体会议"), "lcongress": ("代表大会", "党代会"),
    "lpartyconf": ("代表会议",), "npc_bare": ("常委会第",), "state_council": ("国务院第",), "lgov": ("政府第",),
    "study": ("集体学习",),
}


def _unit(p) -> str:
    return "市" if p.unit == "直辖市" else p.unit


@cache
def _known_cities() -> frozenset[str]:
    return frozenset(c for p in lexicon().provinces if p.unit != "直辖市" for c in (p.capital, *p.cities))


def place_of(written: str | None, unit: str | None, ctx: Context) -> str | None:
    """The full name of the place a local meeting belongs to: written out (湖北 -> 湖北省,
    聊城市), else the article's own unit for the unit word (省 -> its province, 市 -> the city
    it reports, or the municipality); None where the article gives none."""
    lex = lexicon()
    if written:
        p = lex.province(written)
        if p is not None:
            return p.full
        if written in _known_cities():
            return written + "市"  # 泉州 -> 泉州市 (州 is part of its name)
        return written if re.search(r"(?:市|州|县|区|旗|盟)$", written) else written + "市"
    prov = ctx.province
    if unit in ("省", "自治区"):
        return prov.full if prov is not None and _unit(prov) == unit else None
    if unit == "市":
        if ctx.city and ctx.city.endswith("市"):
            return ctx.city
        return prov.full if prov is not None and prov.unit == "直辖市" else None
    if unit == "县":
        return ctx.city if ctx.city and ctx.city.endswith("县") else None
    return ctx.city or (prov.full if prov is not None else None)


@cache
def _stems() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """Names written before a unit word (湖北 + 省, 广西壮族 + 自治区, 聊城 + 市) -> (unit, full
    name); and the pattern finding one at the end of a stretch of text."""
    lex = lexicon()
    stems: dict[str, tuple[str, str]] = {}
    for p in lex.provinces:
        unit = _unit(p)
        for stem in {p.short, p.full[:-len(unit)]}:
            stems.setdefault(stem, (unit, p.full))
    for c in _known_cities():
        stems.setdefault(c, ("市", c + "市"))
    return re.compile(rf"(?:{_alternation(stems)})$"), stems


_GENERIC_STEM = re.compile(r"(?<![\u4e00-\u9fff])(?!出席|列席|参加|通过|召开|举行)[\u4e00-\u9fff]{2}$")
_GENERIC_PLACE = re.compile(r"(?<![\u4e00-\u9fff])(?!出席|列席|参加|通过|召开|举行)[\u4e00-\u9fff]{2}(?:市|县|区|旗)$")


def _place_before(text: str, start: int, unit: str | None, free: bool) -> tuple[str, int] | None:
    """The place written just before a meeting's name (its full name and where it starts):
    a known name before the unit word the name starts with (湖北 + 省十三届人大…), a place
    written with its unit (聊城市 + 第十八届…); with `free`, also two characters and a unit
    word after a boundary (…上午，桃源县第十五届…)."""
    before = text[max(0, start - 10):start]
    rx, stems = _stems()
    if unit:
        m = rx.search(before)
        if m and stems[m.group(0)][0] == unit:
            return stems[m.group(0)][1], start - len(m.group(0))
        if free and unit in ("市", "县") and (g := _GENERIC_STEM.search(before)):
            return g.group(0) + unit, start - 2
        return None
    for p in _full_names():
        if before.endswith(p):
            return p, start - len(p)
    if free and (g := _GENERIC_PLACE.search(before)):
        return g.group(0), start - len(g.group(0))
    return None


@cache
def _full_names() -> tuple[str, ...]:
    """Full names of provinces and known cities, longest first."""
    lex = lexicon()
    names = {p.full for p in lex.provinces} | {c + "市" for c in _known_cities()}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _number(numeral: str | None) -> int | None:
    """A term's number, 廿 (twenty) too: 廿届 -> 20."""
    if numeral and numeral.startswith("廿"):
        return 20 + (to_int(numeral[1:]) or 0)
    return to_int(numeral or "")


def find_numbered(doc_text: str, ctx: Context) -> list[Mention]:
    """Every numbered meeting the text names, with its canonical name where the grammar and
    the article give one; a short form without a term takes it from a full form of the same
    meeting elsewhere in the text (人大常委会第九次会议 after 十三届全国人大常委会第九次会议)."""
    found: list[Mention] = []
    pending: list[tuple[int, int, str, int | None, object, str | None]] = []
    national_cppcc = "全国政协" in doc_text
    for rx, kind, lookback in _patterns():
        if not any(w in doc_text for w in _NEEDS[kind]):
            continue
        for m in rx.finditer(doc_text):
            g = m.groupdict()
            start = m.start()
            if lookback:
                found_place = _place_before(doc_text, start, g.get("u") or g.get("uu"), lookback == "free")
                if found_place is None:
                    if lookback == "free" and not (g.get("u") or g.get("uu")):
                        continue  # 第十七届人大第二次会议 with no place before it: not this form
                else:
                    g["place"], start = found_place
            t = _number(g.get("t"))
            k = kind
            if k == "npc_bare":
                if ctx.province is not None or "全国人大常委会" not in doc_text:
                    continue
                k, g["sc"] = "npc", "常委会"
            if k == "lcppcc" and "uu" in g and not g.get("place") and not g.get("uu") and national_cppcc:
                k = "cppcc"  # 政协十三届二次会议, bare, in an article on the national CPPCC
            if k in ("council_npc", "council_list") and "全国人大" not in doc_text and "委员长" not in doc_text:
                continue
            if k == "council_list":
                # 第八十九次和第九十次委员长会议: one council per ordinal of the list
                k = "council_npc" if m.group("noun") == "委员长会议" else "council_cppcc"
                ordinals = [(to_int(o.group(1)), m.start("list") + o.start(), m.start("list") + o.end())
                            for o in re.finditer(rf"第({NUM})次", m.group("list"))]
            else:
                ordinals = [(to_int(g.get("s") or ""), start, m.end())]
            fn, needs_term, needs_place = KINDS[k]
            sc = g.get("sc")
            w = place_of(g.get("place"), g.get("u") or g.get("uu"), ctx) if needs_place else None
            if needs_place and w is None:
                continue
            for s, a, b in ordinals:
                if not _valid(k, t, s):
                    continue
                if needs_term and t is None:
                    pending.append((a, b, k, s, sc, w))
                    continue
                name, body = fn(t, s, sc if k in ("state_council", "lgov") else bool(sc), w)
                found.append(Mention(a, b, name, body, t, s, k))
    for a, b, k, s, sc, w in pending:
        # the same body's meeting of the same ordinal, named with its term elsewhere
        same = [f for f in found if f.kind == k and f.session == s and f.term is not None
                and (f.body or "").endswith("常务委员会") == bool(sc) and (w is None or f.body and w in f.body)]
        if not same and k in _TERM_FROM:
            # a council's term is its body's: any session of that body named with its term
            same = [f for f in found if f.kind == _TERM_FROM[k] and f.term is not None
                    and (w is None or f.body and w in f.body)]
        terms = {f.term for f in same}
        if len(terms) == 1:
            t = terms.pop()
            name, body = KINDS[k][0](t, s, k in ("lnpc", "lcppcc", "npc", "cppcc") and bool(sc), w)
            found.append(Mention(a, b, name, body, t, s, k))
    return found


#: kinds whose term is that of another kind's meetings (a council's, its body's sessions; a
#: standing committee's session named bare, the other sessions the article names)
_TERM_FROM = {"council_npc": "npc", "council_cppcc": "cppcc", "lcouncil_npc": "lnpc", "lcouncil_cppcc": "lcppcc",
              "npc": "npc"}
