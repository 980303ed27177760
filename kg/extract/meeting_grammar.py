"""Numbered meetings: where an article names one, read by a grammar per kind of body.

The written forms of a kind's meetings (山西省第十四届人民代表大会第二次会议, 省十三届人大二次会议,
政协黔东南州十届五次会议, 市委六届六次全会, 九届州委常委会第154次会议, 中共十八届中纪委…举行第四次
全体会议) are read into (kind, term, session, standing committee?, place); the canonical full
names are kg.extract.meeting_kinds' job.

A written short form (省十三届人大二次会议, 州十四届人大四次会议, 市委六届六次全会) takes its place from
the article: 省 is the article's province, 市 the city whose affairs it reports (or the
municipality, 上海市), 州/县/旗 its prefecture, county or banner (kg.extract.localities).
Where the article gives no such place, the meeting keeps the name it is written with (its term
and session still read) rather than a wrong place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.context import Context
from kg.extract.localities import known_cities, place_before, place_of
from kg.extract.meeting_kinds import KINDS, valid
from kg.extract.sentence_scan import scan_of
from kg.lexicon import lexicon
from kg.text.alternation import alternation
from kg.text.han import HAN
from kg.text.numerals import NUM, to_int


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
    place: str | None = None  # the local body's place (湖北省, 大理白族自治州), for bare short forms


# -- the grammar -------------------------------------------------------------------------------

@cache
def _patterns() -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """(pattern, kind, words, lookback): every match holds one of the words, and the pattern
    is read only in the sentences that hold one (compiled the first time an article holds
    one: a pattern is some milliseconds to compile, and many an article set needs few of
    them); where lookback is set, the place is read from the text just before the match (a
    province or city name before 省/市: 湖北省十三届人大, 聊城市第十八届…), not by the pattern: a
    leading alternation of hundreds of names would be tried at every character of every
    article."""
    lex = lexicon()
    P = alternation(n for p in lex.provinces for n in (p.full, p.short))
    C = alternation(known_cities())
    #: a place written out: a province, a known city, or a name ending in a local unit word
    #: where a fixed word before it bounds it (政协第十一届南宁市委员会, 中国共产党遂宁市…, 政协黔东南州十届…)
    GEN = rf"(?!自治区|出席|列席|参加|通过|召开|举行)[{HAN}]{{2,6}}?(?:市|自治州|州|县|区|旗|盟)"
    FIXED = rf"(?P<place>{P}|(?:{C})市|{GEN})"
    #: a time and a verb between a body and the ordinal of its sitting (…常委会昨天上午召开第四十二次主任会议,
    #: 中纪委周六(5月16日)召开四次全会)
    GAP = r"(?:[^，。；：\n]{0,12}?(?:召开|举行))?"
    U = r"(?P<u>省|自治区|地区|市|州|县|盟|旗|区)"
    T, S = rf"(?P<t>{NUM}|廿[一二三四五六七八九]?)", rf"(?P<s>{NUM})"
    PLENARY = r"(?:全会|全体(?:（扩大）|扩大)?会议)"
    specs: list[tuple] = [
        # national congress and CPPCC
        (rf"(?:中华人民共和国)?第{T}届全国人民代表大会(?P<sc>常务委员会)?第{S}次会议", "npc", ("届全国人民代表大会",)),
        (rf"第?{T}届全国人大(?P<sc>常委会)?第?{S}次会议", "npc", ("届全国人大",)),
        (rf"全国人大(?P<sc>常委会)?(?:第?{T}届)第?{S}次会议", "npc", ("全国人大",)),
        (rf"全国人大(?P<sc>常委会)第{S}次会议", "npc", ("全国人大常委会第",)),
        (rf"(?:中国人民政治协商会议|政协)第{T}届全国委员会(?P<sc>常务委员会)?第{S}次会议", "cppcc", ("届全国委员会",)),
        (rf"第?{T}届全国政协(?P<sc>常委会)?第?{S}次会议", "cppcc", ("届全国政协",)),
        (rf"全国政协(?:第?{T}届)(?P<sc>常委会)?第?{S}次会议", "cppcc", ("全国政协",)),
        # the councils that schedule standing-committee sessions: their own meetings
        (rf"(?:第?{T}届)?全国人大常委会{GAP}第{S}次委员长会议", "council_npc", ("次委员长会议",)),
        (rf"(?:第?{T}届)?第{S}次委员长会议", "council_npc", ("次委员长会议",)),
        (rf"(?:政协第{T}届全国委员会|全国政协){GAP}第{S}次主席会议", "council_cppcc", ("次主席会议",)),
        (rf"第?{T}届全国政协第{S}次主席会议", "council_cppcc", ("届全国政协第",)),
        (rf"(?:第?{T}届)?(?:全国人大常委会|全国政协)?(?P<list>第{NUM}次(?:[和、及]第{NUM}次)+)(?P<noun>委员长会议|主席会议)",
         "council_list", ("次委员长会议", "次主席会议")),
        # local congresses and their standing committees
        (rf"{U}第?{T}届人民代表大会(?P<sc>常务委员会)?第{S}次会议", "lnpc", ("届人民代表大会",), "known"),
        (rf"第{T}届人民代表大会(?P<sc>常务委员会)?第{S}次会议", "lnpc", ("届人民代表大会",), "free"),
        (rf"{U}第?{T}届人大(?P<sc>常委会)?第?{S}次会议", "lnpc", ("届人大",), "known"),
        (rf"第{T}届人大(?P<sc>常委会)?第{S}次会议", "lnpc", ("届人大",), "free"),
        (rf"{U}人大(?P<sc>常委会)?第?{T}届第?{S}次会议", "lnpc", ("次会议",), "known"),
        (rf"第?{T}届{U}人大(?P<sc>常委会){GAP}第{S}次会议", "lnpc", ("人大常委会",)),
        (rf"{U}?第?{T}届人大常委会{GAP}第{S}次主任会议", "lcouncil_npc", ("次主任会议",), "known"),
        (rf"{U}人大常委会(?:第?{T}届)?{GAP}第{S}次主任会议", "lcouncil_npc", ("次主任会议",), "known"),
        # local CPPCC committees and their standing committees
        (rf"(?:中国人民政治协商会议|政协)第{T}届{FIXED}{U}?委员会(?P<sc>常务委员会)?第{S}次会议", "lcppcc", ("政协第", "协商会议第")),
        (rf"(?:中国人民政治协商会议|政协){FIXED}{U}?第{T}届委员会(?P<sc>常务委员会)?第{S}次会议", "lcppcc", ("届委员会",)),
        (rf"政协{FIXED}第?{T}届(?P<sc>常委会)?第?{S}次会议", "lcppcc", ("政协",)),
        (rf"(?P<uu>{U[6:-1]})?政协第?{T}届(?P<sc>常委会)?第?{S}次会议", "lcppcc", ("政协",), "known"),
        (rf"{U}政协(?P<sc>常委会)?第?{T}届第?{S}次会议", "lcppcc", ("政协",), "known"),
        (rf"{U}政协{T}届{S}次(?P<sc>常委会)(?:会议|议)?", "lcppcc", ("次常委会",), "known"),
        (rf"第?{T}届{U}政协(?P<sc>常委会){GAP}第{S}次会议", "lcppcc", ("政协常委会",)),
        (rf"政协第{T}届{FIXED}{U}?委员会第{S}次主席会议", "lcouncil_cppcc", ("次主席会议",)),
        (rf"{U}政协(?:第?{T}届)?{GAP}第?{S}次主席会议", "lcouncil_cppcc", ("次主席会议",), "known"),
        # the party: congresses, plenums of the Central Committee and of local committees
        (rf"中国共产党第{T}次全国代表大会", "congress", ("次全国代表大会",)),
        (rf"(?:党的|中共){T}大", "congress", ("党的", "中共")),
        (r"(?<=[、和及与])(?P<t>[一二三四五六七八九十]{2,3})大(?![会学])", "congress", ("大",)),
        # 十九大 bare: only where what follows makes it the congress (精神, 以来, 报告 …); 越共十三大 is not
        (r"(?<![第届一二三四五六七八九十共])(?P<t>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
         r"(?=精神|以来|报告|胜利|代表|期间|召开|开幕|闭幕|提出|作出|部署|确定|以后|之后|前夕|上[，。作提强]|[，。])", "congress", ("十",)),
        (r"(?:(?<=学习|贯彻|落实|宣传|迎接|喜迎|庆祝|紧扣|按照|根据|领会|践行|对照)|(?<=自))(?P<t>十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
         r"(?![会学])", "congress", ("十",)),
        (rf"中国共产党第{T}届中央委员会第{S}次全体会议", "plenum", ("届中央委员会",)),
        (rf"中国共产党第{T}届中央纪律检查委员会第{S}次全体会议", "ccdi", ("届中央纪律检查委员会",)),
        (rf"(?:中共)?(?:第?{T}届)?(?:中央纪委|中纪委){GAP}第?{S}次{PLENARY}", "ccdi", ("中央纪委", "中纪委")),
        (rf"(?:党的|中共)?{T}届{S}中全会", "plenum", ("中全会",)),
        # a local commission for discipline inspection in plenum (省纪委十一届四次全会)
        (rf"中国共产党{FIXED}{U}?第{T}届纪律检查委员会第{S}次{PLENARY}", "lccdi", ("届纪律检查委员会",)),
        (rf"(?:中共)?{U}纪委(?:第?{T}届)第?{S}次{PLENARY}", "lccdi", ("纪委",), "known"),
        (rf"第?{T}届{U}纪委第?{S}次{PLENARY}", "lccdi", ("纪委",), "known"),
        (rf"中国共产党{FIXED}{U}?第{T}届委员会第{S}次{PLENARY}", "lplenum", ("届委员会第",)),
        (rf"(?:中共)?{U}(?:党)?委{T}届{S}次{PLENARY}", "lplenum", ("次全会", "次全体"), "known"),
        (rf"{T}届{U}(?:党)?委{S}次{PLENARY}", "lplenum", ("次全会", "次全体"), "known"),
        # a local party congress, and a later session of it (…第十三次代表大会第二次会议)
        (rf"中国共产党{FIXED}{U}?第{T}次代表大会(?:第{S}次会议)?", "lcongress", ("次代表大会",)),
        (rf"(?:中共)?{U}委?第{T}次党代会(?:第{S}次会议)?", "lcongress", ("次党代会",), "known"),
        (rf"(?:中国共产党|中共){FIXED}{U}?代表会议", "lpartyconf", ("代表会议",)),
        # a local party committee's standing committee in session (十二届县委常委会第57次会议,
        # 十三届县委第32次常委会会议, 二届市委召开108次常委会会议, 州委常委会第154次会议)
        (rf"第?{T}届{U}委常委会第?{S}次会议", "lsc", ("委常委会",), "known"),
        (rf"第?{T}届{U}委{GAP}第?{S}次常委会(?:会议)?", "lsc", ("次常委会",), "known"),
        (rf"(?:中共)?{U}委(?:第?{T}届)?常委会第{S}次会议", "lsc", ("常委会第",), "known"),
        # a standing committee's session named bare in an article on the national congress
        (rf"(?<![人大政协委])常委会第{S}次会议", "npc_bare", ("常委会第",)),
        # a session named by term and ordinal alone (十二届四次会议以来): the article's own body's
        (rf"(?:(?<![{HAN}])|(?<=[的于在和、]))(?<!第){T}届{S}次会议", "bare", ("次会议",)),
        # recurring meetings counted without a term
        (rf"(?:新一届)?国务院第{S}次(?P<sc>常务会议|全体会议)", "state_council", ("国务院第",)),
        (rf"{U}(?:人民)?政府第{S}次(?P<sc>常务会议|全体会议)", "lgov", ("政府第",), "known"),
        (rf"(?:中共)?中央政治局第{S}次集体学习", "study", ("次集体学习",)),
    ]
    return [(spec[0], spec[1], spec[2], spec[3] if len(spec) > 3 else None) for spec in specs]


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


#: what stands before a short form whose place the article leaves unnamed: a boundary or a
#: word of the sentence (传达市委…全会精神), not the rest of a place's name (杭州 + 人大常委会…; a
#: digit or letter is part of a name too: 绿水0县第五届…)
_OPEN_BEFORE = re.compile(rf"(?:[^{HAN}0-9A-Za-z０-９]|[的了在和与及对向将把从为是至于、]|召开|举行|传达|学习|讨论|贯彻|落实|"
                          r"出席|参加|列席|筹备|审议|通过|听取|迎接|开好|协商|中共)$")


def _as_written(text: str, start: int) -> bool:
    """Whether a short form at `start` may keep its written name: nothing before it could be
    part of its place's name."""
    return bool(_OPEN_BEFORE.search(text[max(0, start - 2):start])) or start == 0


def _number(numeral: str | None) -> int | None:
    """A term's number, 廿 (twenty) too: 廿届 -> 20."""
    if numeral and numeral.startswith("廿"):
        return 20 + (to_int(numeral[1:]) or 0)
    return to_int(numeral or "")


def _readings(doc_text: str, ctx: Context):
    """Every match of the grammar: (match, kind, fields, start), the place read before it."""
    national_cppcc = "全国政协" in doc_text
    scan = scan_of(doc_text)  # no reading runs over a 。 or a line's end
    for pattern, kind, words, lookback in _patterns():
        if not scan.spans(words):
            continue
        for m in scan.finditer(_compiled(pattern), words):
            g = m.groupdict()
            start = m.start()
            if lookback:
                found_place = place_before(doc_text, start, g.get("u") or g.get("uu"), lookback == "free")
                if found_place is None:
                    if lookback == "free" and not (g.get("u") or g.get("uu")):
                        continue  # 第十七届人大第二次会议 with no place before it: not this form
                else:
                    g["place"], start = found_place
            k = kind
            if k == "npc_bare":
                if ctx.province is not None or "全国人大常委会" not in doc_text:
                    continue
                k, g["sc"] = "npc", "常委会"
            if k == "lcppcc" and "uu" in g and not g.get("place") and not g.get("uu") and national_cppcc:
                k = "cppcc"  # 政协十三届二次会议, bare, in an article on the national CPPCC
            if k in ("council_npc", "council_list") and "全国人大" not in doc_text and "委员长" not in doc_text:
                continue
            yield m, k, g, start


def find_numbered(doc_text: str, ctx: Context) -> list[Mention]:
    """Every numbered meeting the text names, with its canonical name where the grammar and
    the article give one; a short form without a term takes it from a full form of the same
    meeting elsewhere in the text (人大常委会第九次会议 after 十三届全国人大常委会第九次会议)."""
    found: list[Mention] = []
    pending: list[tuple[int, int, str, int | None, object, str | None]] = []
    bare: list[tuple[int, int, int | None, int | None]] = []
    for m, k, g, start in _readings(doc_text, ctx):
        t = _number(g.get("t"))
        if k == "bare":
            bare.append((start, m.end(), t, to_int(g.get("s") or "")))
            continue
        if k == "council_list":
            # 第八十九次和第九十次委员长会议: one council per ordinal of the list
            k = "council_npc" if m.group("noun") == "委员长会议" else "council_cppcc"
            ordinals = [(to_int(o.group(1)), m.start("list") + o.start(), m.start("list") + o.end())
                        for o in re.finditer(rf"第({NUM})次", m.group("list"))]
        else:
            ordinals = [(to_int(g.get("s") or ""), start, m.end())]
        fn = KINDS[k]
        needs_term, needs_place = fn.needs_term, fn.needs_place
        sc = g.get("sc")
        w = place_of(g.get("place"), g.get("u") or g.get("uu"), ctx) if needs_place else None
        if needs_place and w is None and not _as_written(doc_text, start):
            continue
        for s, a, b in ordinals:
            if not valid(k, t, s):
                continue
            if needs_place and w is None:
                # the article leaves the place unnamed: the meeting keeps its written name
                found.append(Mention(a, b, doc_text[a:b], None, t, s, k))
            elif needs_term and t is None:
                pending.append((a, b, k, s, sc, w))
            else:
                name, body = fn(t, s, sc if k in ("state_council", "lgov") else bool(sc), w)
                found.append(Mention(a, b, name, body, t, s, k, w))
    found += _resolve_pending(pending, found)
    found += _resolve_bare(bare, found)
    return found


def _resolve_pending(pending, found: list[Mention]) -> list[Mention]:
    """Short forms without a term: the term of the same body's meeting of the same ordinal
    named with its term elsewhere (or, for a council, of any of its body's sessions)."""
    out = []
    for a, b, k, s, sc, w in pending:
        same = [f for f in found if f.kind == k and f.session == s and f.term is not None and f.place == w
                and (f.body or "").endswith("常务委员会") == bool(sc)]
        if not same and k in _TERM_FROM:
            same = [f for f in found if f.kind == _TERM_FROM[k] and f.term is not None and f.place == w]
        terms = {f.term for f in same}
        if len(terms) == 1:
            t = terms.pop()
            name, body = KINDS[k](t, s, k in ("lnpc", "lcppcc", "npc", "cppcc") and bool(sc), w)
            out.append(Mention(a, b, name, body, t, s, k, w))
    return out


def _resolve_bare(bare, found: list[Mention]) -> list[Mention]:
    """十二届四次会议, bare: a session of the one body whose sessions of that term the article
    names (政协…第十二届委员会第五次会议 … 十二届四次会议以来的提案工作)."""
    out = []
    for a, b, t, s in bare:
        bodies = {(f.kind, f.place) for f in found if f.term == t and f.kind in ("npc", "cppcc", "lnpc", "lcppcc")
                  and f.body is not None and not f.body.endswith("常务委员会")}
        if len(bodies) == 1 and s:
            k, w = bodies.pop()
            name, body = KINDS[k](t, s, False, w)
            out.append(Mention(a, b, name, body, t, s, k, w))
    return out


#: kinds whose term is that of another kind's meetings (a council's, its body's sessions; a
#: standing committee's session named bare, the other sessions the article names)
_TERM_FROM = {"council_npc": "npc", "council_cppcc": "cppcc", "lcouncil_npc": "lnpc", "lcouncil_cppcc": "lcppcc",
              "npc": "npc", "lsc": "lplenum"}
