"""Meeting names: where an article names a meeting, and the meeting's canonical full name.

Three ways a meeting is named, tried in this order:

- numbered sessions, plenums, congresses and councils, by the grammar of
  kg.extract.meeting_grammar (one canonicaliser per kind of body); short forms are expanded
  (省十四届人大二次会议 -> 山西省第十四届人民代表大会第二次会议, 党的二十大 ->
  中国共产党第二十次全国代表大会) with the place taken from the article;
- named conferences (中央经济工作会议, 全省…建设大会), from kg/lexicon/meeting_names.tsv;
- meetings named by their context (在…会议上强调, 主持召开…, …会议在京召开, a body that
  holds a meeting), whatever their name's shape.

Which meeting the article reports on, and its date and place, is kg.extract.meetings' job.
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.context import Context, alias_pattern
from kg.extract.localities import place_of
from kg.extract.meeting_grammar import Mention, find_numbered
from kg.extract.meeting_kinds import KINDS
from kg.extract.name_set import Names
from kg.extract.sentence_scan import scan_of
from kg.lexicon import rows as lexicon_rows
from kg.text.document import Document
from kg.text.han import HAN
from kg.text.numerals import NUM, to_int

__all__ = ["Mention", "find_meetings"]


@cache
def _named_specs() -> list[tuple[str, str, str]]:
    return sorted(lexicon_rows("meeting_names.tsv", 3), key=lambda r: -len(r[0]))  # 省委常委会 before 省委


def _level_place(level: str, ctx: Context) -> str | None:
    """The full name a level word stands for in the article: 省委 -> its province, 市委 -> the
    city it reports (or the municipality), 全区 -> its autonomous region; "" for a national one."""
    unit = next((u for u in ("自治区", "省", "市", "县", "州") if u in level), "自治区" if level == "全区" else None)
    if unit is None:
        return ""
    return place_of(None, unit, ctx)


def canon_level(written: str, ctx: Context) -> tuple[str, str | None] | None:
    """The canonical name and body of a meeting written after a level word (省委经济工作会议 ->
    中共山西省委经济工作会议); None when it starts with none, or the article gives no place."""
    for level, canon, body in _named_specs():
        if written.startswith(level):
            place = _level_place(level, ctx)
            if place is None:
                return None
            fill = {"F": place, "name": written[len(level):]}
            return canon.format(**fill), body.format(**fill) or None
    return None


#: bodies whose meetings are named after them (…领导小组会议, …委员会全体会议)
_SERIES_BODY = r"(?:工作|常委|党组|办公|联席|专题|领导小组|委员会|工作机制|指挥部)$"
_NAMED_TAIL = r"(?:工作会议|代表大会|大会|座谈会|推进会|动员会|部署会|常务会议|全体会议|专题会议|会议)(?!议)"
_NAMED_BAD = re.compile(r"[，。、；：“”《》（）\s的和暨在对向为了]|(?<![工合创写操动制协运著振])作|召开|举行|精神|代表|书记|主任|主席|省长|市长|"
                        r"委员长|主持|宣布|祝贺|有利|总理|出席|列席|参加|重托|履行")
#: what follows a meeting word that makes it something else: 会议制度, 会议室, 会议纪要
_NOT_MEETING_AFTER = re.compile(r"制度|规则|纪要|室|中心|厅|精神实质")


#: a named conference after its level word: the core of its name, then its tail (matched
#: where the level word ends: one pattern for every level, not one compiled per level word)
_NAMED_AFTER = re.compile(rf"(?P<core>(?:[{HAN}]|（扩大）|、(?=[{HAN}])){{0,30}}?)(?P<tail>{_NAMED_TAIL})")


def _listed(core: str, tail: str) -> str:
    """A conference's core with the list inside its name read as one (全省模范集体、劳动模范和先进
    工作者表彰大会): a 、-list before 大会 that names no meeting of its own; else as it is."""
    if "、" in core and tail == "大会" and "会" not in core:
        return re.sub("[、和]", "", core)
    return core


def _conference(doc: Document, m: re.Match) -> bool:
    """Whether a level word's or a province's core and tail (m, read after them) name a
    conference."""
    core, tail = m.group("core"), m.group("tail")
    if _NAMED_BAD.search(_listed(core, tail).replace("（扩大）", "扩大")) or re.search(r"届|次$", core):
        return False
    if core.endswith("人大") and tail in ("会议", "全体会议", "常务会议"):
        return False  # 全国人大会议 is a session, named by the grammar; 中央人大工作会议 is not
    if tail == "会议" and core not in ("", "扩大", "（扩大）") and not re.search(_SERIES_BODY, core):
        return False
    if tail not in ("会议", "常务会议", "全体会议") and len(core) < 2:
        return False
    return not _NOT_MEETING_AFTER.match(doc.text, m.end())


def _named(doc: Document, ctx: Context) -> list[Mention]:
    """Named conferences (中央经济工作会议, 全省…建设大会), by level word."""
    out = []
    for level, _canon, _body in _named_specs():
        # every occurrence of the level word is tried: names nest (…全会暨省委经济工作会议)
        pos = doc.text.find(level)
        if pos >= 0 and _level_place(level, ctx) is None:
            continue
        while pos >= 0:
            m = _NAMED_AFTER.match(doc.text, pos + len(level))
            if m and _conference(doc, m):
                written = doc.text[pos:m.end()]
                named = canon_level(written, ctx)
                # 全国人民代表大会 is a body, not a meeting
                if named is not None and written not in ctx.aliases and named[0] not in ctx.aliases:
                    out.append(Mention(pos, m.end(), named[0], named[1], None, None))
            pos = doc.text.find(level, pos + len(level))
    return out + _province_held(doc, ctx)


#: a province that holds a conference, the level word left out (青海省召开模范集体、…表彰大会)
_PROVINCE_HELD = re.compile(r"(?:\d{1,2}日)?(?:上午|下午|晚)?(?:隆重)?(?:召开|举行)(?!全省|全区|省委|省政府|会议)")


def _province_held(doc: Document, ctx: Context) -> list[Mention]:
    """Conferences the article's province holds, named after it: 青海省召开…表彰大会 ->
    青海省…表彰大会 (the same name as 全省…表彰大会 in that province)."""
    if ctx.province is None or ctx.province.full not in doc.text:
        return []
    full = ctx.province.full
    out = []
    pos = doc.text.find(full)
    while pos >= 0:
        held = _PROVINCE_HELD.match(doc.text, pos + len(full))
        m = held and _NAMED_AFTER.match(doc.text, held.end())
        if m and m.group("tail") not in ("会议", "常务会议", "全体会议") and _conference(doc, m):
            name = full + m.group("core") + m.group("tail")
            out.append(Mention(pos, m.end(), name, None, None, None))  # 召开 inside: the sitting held
        pos = doc.text.find(full, pos + len(full))
    return out


_MEETING_NOUN = (r"(?:工作会议|代表大会|大会|座谈会|推进会|动员会|部署会|常务会议|全体会议|专题会议|"
                 r"(?:研讨班|培训班|轮训班|读书班)(?:开班式|结业式)?|开班式|结业式|"
                 r"电视电话会议|视频会议|交流会|报告会|研讨会|讨论会|协商会|评议会|学习会|总结会|表彰会|"
                 r"恳谈会|民主生活会|论坛|峰会|会议|集体学习)(?!议)")
#: a meeting the sentence names by what happens at it: 在…会议上强调, 主持召开…会议, …会议在京召开
_CONTEXTUAL = (
    re.compile(rf"在(?P<m>[^，。；：、《》（）()在]{{2,36}}?{_MEETING_NOUN})(?:上|时)?(?:强调|指出|表示|讲话|发表|作)"),
    re.compile(rf"主持(?:召开)?(?P<m>[^，。；：、《》（）()\n]{{2,36}}?{_MEETING_NOUN})(?=[，。；：\n]|并|时|强调|$)"),
    re.compile(rf"(?:^|(?<=[\n，。]))(?P<m>[^，。；：、《》（）()\n]{{2,44}}?{_MEETING_NOUN})"
               rf"(?:\d{{1,2}}日(?:至\d{{1,2}}日)?)?(?:(?:上午|下午|晚)?在[{HAN}]{{1,10}})?(?:隆重|胜利)?(?:召开|举行|开幕|闭幕)"),
)
#: words every match of each holds where none runs over a 。 or a line end (the last, tried
#: at every clause's start, is read only in the sentences holding one: kg.extract.sentence_scan)
_CONTEXTUAL_WORDS = (None, None, ("召开", "举行", "开幕", "闭幕"))
_GENERIC = re.compile(r"^(?:会议|大会|全会|座谈会|电视电话会议|视频会议|专题会议|全体会议|这次会议|本次会议|此次会议)$")
_OPENING_VERB = re.compile(r"^(?:召开|举行|出席|参加|主持)")
#: words before a name that point at a meeting named elsewhere, or count meetings (四个…会议)
_DEMONSTRATIVE = re.compile(r"^(?:这次|本次|此次|上次|这一|该|[一二三四五六七八九十两]个|多个|各)")
_DATELINE_PREFIX = re.compile(r"^.*?(?:\d{1,2}日电|消息|本报讯)")
#: an attributive clause of expectation before a name (备受全州各族人民瞩目和期待的…, 万众瞩目的…):
#: the name starts after it (not so a description: 新型冠状病毒感染的肺炎疫情防控工作会议)
_ATTRIBUTIVE = re.compile(r"^.*(?:瞩目|期待|期盼|关注|盼望|注目|重托|瞩望)[^的]{0,6}的")
#: a time of day before a meeting word (下午3时大会开幕): a time, not part of a name
_CLOCK = re.compile(r"^(?:\d{1,2}日)?(?:凌晨|早上|上午|中午|下午|晚上|晚)?[\d一二三四五六七八九十]{1,3}[时点]"
                    r"(?:[\d一二三四五六七八九十]{1,3}分|半|整)?(?:许|左右)?")
_CONTEXT_BAD = re.compile(r"强调|指出|出席|讲话|主持|考察|调研|听取|审议|宣布|祝贺|有利|委员长|总理|书记|"
                          r"(?<![工合创写操动制协运著振])作")
#: a body's group that holds a 民主生活会 (省委常委班子, 省政府党组)
_LIFE_MEETING = re.compile(r"(?P<g>常委班子|常委会班子|领导班子|班子|党组|常委会)?[^，。；：\n]{0,12}?(?:召开|举行)(?:了)?"
                           r"(?P<m>(?:\d{4}年度)?(?:专题)?民主生活会)")


#: what follows a body presided over when the sitting is the body's own (…常委会（扩大）会议，)
_SITTING_OF_BODY = re.compile(r"(?P<x>（扩大）|扩大)?(?:会议)?(?=[，。；：\n]|$)")


#: what follows a body that holds a meeting (…召开会议): matched after each alias, not compiled
#: with an article's aliases into one pattern (its character classes cost ~10 ms to compile)
_HELD_TAIL = re.compile(rf"(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:上午|下午|晚)?(?:在[{HAN}]{{1,8}})?"
                        rf"(?:召开|举行)(?P<m>[^，。；：、“”《》（）()\n]{{0,16}}?{_MEETING_NOUN})")


def _held_bodies(text: str, names: Names) -> list[tuple[int, str, re.Match]]:
    """(start, body, tail) of each body that holds a meeting (中共中央政治局召开会议), as the
    pattern `(?P<b>alias|…)` + _HELD_TAIL would find them: leftmost, the longest alias whose
    tail matches, never overlapping."""
    out, end = [], 0
    for q in names.starts(text):
        if q < end:
            continue
        for b in names.prefixes(text, q):
            t = _HELD_TAIL.match(text, q + len(b))
            if t:
                out.append((q, b, t))
                end = t.end()
                break
    return out


#: body names that end in a meeting word
_LONG_BODY_NAMES = ("中国人民政治协商会议",)


def _named_by(written: str, ctx: Context) -> tuple[str, str | None]:
    """A contextual name and body: expanded after a level word (全省… -> 山西省…), else as written."""
    named = canon_level(written, ctx)
    return named if named is not None else (written, None)


def _held(doc: Document, ctx: Context) -> list[Mention]:
    """Meetings a named body holds: 中共中央政治局召开会议, 省委常委班子召开民主生活会."""
    out = []
    aliases = alias_pattern(ctx, 1, doc.text)
    for start, body, m in _held_bodies(doc.text, alias_pattern(ctx, 3, doc.text)):
        rest = m.group("m")
        if any(rest.endswith(a) for a in _LONG_BODY_NAMES if a in ctx.aliases):
            # …举行庆祝中国人民政治协商会议成立75周年大会: the first 会议 ends a body's name
            longer = re.match(rf"[^，。；：、“”《》（）()\n]{{0,30}}{_MEETING_NOUN}", doc.text[m.start("m"):])
            if longer is None or longer.group(0) == rest:
                continue
            rest = longer.group(0)
        if re.search(r"强调|指出|出席|讲话|主持|审议|听取", rest) or _NOT_MEETING_AFTER.match(doc.text, m.end()):
            continue
        # a commemoration is named by itself (庆祝…成立75周年大会), a body's sitting after it
        written = rest if re.match(r"庆祝|纪念", rest) else body + rest
        name, _ = _named_by(written, ctx)
        out.append(Mention(start, m.end(), name, ctx.aliases[body][0], None, None))
    for p in (k.end() for k in re.finditer("主持召开", doc.text)):
        # 主持召开省委常委会: a sitting of the body itself (中共江西省委常委会会议)
        b = aliases.match(doc.text, p)
        m = b and _SITTING_OF_BODY.match(doc.text, b.end())
        if not m:
            continue
        written = b.group(0) + (m.group("x") or "") + "会议"
        name, _ = _named_by(written, ctx)
        if len(b.group(0)) >= 3 and (name != written or b.group(0) in ctx.lexicon.national):
            out.append(Mention(b.start(), m.end(), name, ctx.aliases[b.group(0)][0], None, None))
    for b in aliases.finditer(doc.text) if "民主生活会" in doc.text else ():  # _LIFE_MEETING's word
        if len(b.group(0)) < 2:
            continue
        m = _LIFE_MEETING.match(doc.text, b.end())
        if m is None:
            continue
        written = b.group(0) + (m.group("g") or "") + m.group("m")
        name, _ = _named_by(written, ctx)
        out.append(Mention(b.start(), m.end(), name, ctx.aliases[b.group(0)][0], None, None))
    return out


def _quoted_start(text: str, start: int, written: str) -> int:
    """Where a name whose quoted part was cut at its comma starts: at the opening quote
    (“向…学习，做…代表”报告会), not after the comma."""
    if "”" in written and "“" not in written.split("”")[0]:
        q = text.rfind("“", max(0, start - 40), start)
        if q >= 0 and "\n" not in text[q:start] and "。" not in text[q:start]:
            return q
    return start


def _contextual(doc: Document, ctx: Context) -> list[Mention]:
    """Meetings named by their context, whatever their name's shape."""
    out = _held(doc, ctx)
    scan = scan_of(doc.text)
    for rx, words in zip(_CONTEXTUAL, _CONTEXTUAL_WORDS, strict=True):
        for m in (rx.finditer(doc.text) if words is None else scan.finditer(rx, words)):
            written = m.group("m")
            written = _DATELINE_PREFIX.sub("", written)
            written = _OPENING_VERB.sub("", written).lstrip("了也 ")
            written = _CLOCK.sub("", _ATTRIBUTIVE.sub("", written))
            written = _DEMONSTRATIVE.sub("", written)  # 这次中央政治局集体学习 is the one named
            if len(written) < 5 or _GENERIC.match(written) or written in ctx.aliases or _CONTEXT_BAD.search(written):
                continue
            if re.search(rf"{_MEETING_NOUN}[和、及与]", written):
                continue  # 主席会议和常委会议: two meetings, neither named in full
            if _NOT_MEETING_AFTER.match(doc.text, m.end("m")):
                continue
            start = m.start("m") + (len(m.group("m")) - len(written))
            start = _quoted_start(doc.text, start, written)
            written = doc.text[start:m.end("m")]
            name, body = _named_by(written, ctx)
            out.append(Mention(start, start + len(written), name, body, None, None))
    return out


#: a bare recurring meeting's name (国务院全体会议) and the grammar's kind it is a sitting of
_BARE_OF_KIND = (
    (re.compile(r"^(?:中华人民共和国)?国务院常务会议$"), "state_council", "常务会议"),
    (re.compile(r"^(?:中华人民共和国)?国务院全体会议$"), "state_council", "全体会议"),
    (re.compile(r"^(?:全国人大常委会)?委员长会议$"), "council_npc", None),
    (re.compile(r"^(?:全国政协|政协全国委员会)?主席会议$"), "council_cppcc", None),
    (re.compile(r"^.{0,12}人大常委会主任会议$"), "lcouncil_npc", None),
    (re.compile(r"^.{1,24}政府常务会议$"), "lgov", "常务会议"),
    (re.compile(r"^.{1,24}政府全体会议$"), "lgov", "全体会议"),
    (re.compile(r"^(?:中共)?中央政治局.{0,30}集体学习$"), "study", None),
)


def _same_numbered(name: str, numbered: list[Mention]) -> Mention | None:
    """The one numbered sitting a bare recurring name stands for in the article, if one."""
    for rx, kind, tail in _BARE_OF_KIND:
        if rx.match(name):
            cands = {k.name: k for k in numbered if k.kind == kind and (tail is None or k.name.endswith(tail))}
            return next(iter(cands.values())) if len(cands) == 1 else None
    return None


def find_meetings(doc: Document, ctx: Context) -> list[Mention]:
    """Every place `doc` names a meeting, in text order. Where readings of the grammar and
    named conferences overlap, the longest wins; a reading from context yields to any that
    overlaps it, and one whose words lie inside a name already found is that meeting; a bare
    recurring name (国务院全体会议) is the one numbered sitting of its kind the article names."""
    found = find_numbered(doc.text, ctx) + _plenum_list(doc.text)
    found += _named(doc, ctx)
    # longest match wins where two readings overlap
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Mention] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    numbered = [k for k in kept if k.kind]
    for i, k in enumerate(kept):
        same = None if k.kind else _same_numbered(k.name, numbered)
        if same is not None:
            kept[i] = Mention(k.start, k.end, same.name, same.body, same.term, same.session, same.kind)
    kept += _contextual_kept(doc, ctx, kept, numbered)
    for k in kept:
        recurring = _RECURRING.match(k.name)
        if recurring:  # 州人民政府第2次常务会议 read from context: the recurring meeting, its ordinal apart
            k.name, k.session = recurring.group("b") + recurring.group("tail"), to_int(recurring.group("n"))
        elif k.session is None and k.kind is None:
            k.session = _ordinal(k.name)
    kept.sort(key=lambda f: f.start)
    return kept


_PLENUM_LIST = re.compile(rf"(?:党的|中共)?(?P<t>{NUM})届(?P<list>(?:[一二三四五六七八九十]{{1,2}}中、)+[一二三四五六七八九十]{{1,2}}中)全会")


def _plenum_list(text: str) -> list[Mention]:
    """十九届二中、三中、四中全会: one plenum per numeral of the list."""
    out = []
    for m in scan_of(text).finditer(_PLENUM_LIST, ("中全会",)):
        t = to_int(m.group("t"))
        for k in re.finditer(r"([一二三四五六七八九十]{1,2})中", m.group("list")):
            s = to_int(k.group(1))
            if t and s and 1 <= s <= 12:
                a = m.start("list") + k.start()
                name, body = KINDS["plenum"](t, s, False, None)
                out.append(Mention(a, m.start("list") + k.end(), name, body, t, s, "plenum"))
    return out


def _contextual_kept(doc: Document, ctx: Context, kept: list[Mention], numbered: list[Mention]) -> list[Mention]:
    """Meetings named only by their context that stand: one yields to another reading of the
    same words (unless it names a meeting it studies: 学习贯彻党的十九大精神…研讨班), and a short
    form of a meeting already named (人大常委会第九次会议) is that meeting."""
    out: list[Mention] = []
    for f in _contextual(doc, ctx):
        inner = [k for k in kept + out if f.start < k.end and k.start < f.end]
        if inner and not all(f.start <= k.start and k.end < f.end and doc.text.startswith("精神", k.end) for k in inner):
            continue
        same = next((k for k in kept if doc.text[f.start:f.end] in doc.text[k.start:k.end]), None) \
            or _same_numbered(f.name, numbered)
        if same is not None:
            f = Mention(f.start, f.end, same.name, same.body, same.term, same.session, same.kind)
        out.append(f)
    return out


#: a government's numbered sitting written beyond the grammar (…人民政府第2次常务会议): the
#: government's recurring meeting, as kg.extract.meeting_kinds names the grammar's
_RECURRING = re.compile(rf"^(?P<b>.{{0,30}}人民政府|(?:中华人民共和国)?国务院)第(?P<n>{NUM})次(?P<tail>常务会议|全体会议)$")


#: the ordinal of a sitting named without a term: 第三次六国议长会议, 中央财经委员会第六次会议
_ORDINAL = re.compile(rf"^第(?P<a>{NUM})次|第(?P<b>{NUM})次(?:全体|常务|专题|扩大)?(?:会议|全会|集体学习)$")


def _ordinal(name: str) -> int | None:
    m = _ORDINAL.search(name)
    return to_int(m.group("a") or m.group("b")) if m else None
