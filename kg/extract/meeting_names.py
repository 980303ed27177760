"""Meeting names: where an article names a meeting, and the meeting's canonical full name.

Three ways a meeting is named, tried in this order:

- numbered sessions, plenums and congresses, by a table of patterns with one canonicaliser
  per kind of meeting; short forms are expanded (省十四届人大二次会议 ->
  山西省第十四届人民代表大会第二次会议, 党的二十大 -> 中国共产党第二十次全国代表大会) with
  the province taken from the article;
- named conferences (中央经济工作会议, 全省…建设大会), from kg/lexicon/meeting_names.tsv;
- meetings named by their context (在…会议上强调, 主持召开…, …会议在京召开, a body that
  holds a meeting), whatever their name's shape.

Which meeting the article reports on, and its date and place, is kg.extract.meetings' job.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kg.extract.context import Context, alias_pattern
from kg.lexicon import Province, lexicon
from kg.text.document import Document
from kg.text.numerals import NUM, to_chinese, to_int

_N = NUM


@dataclass
class Mention:
    """One place `[start, end)` where the article names a meeting, by its canonical name."""

    start: int
    end: int
    name: str
    body: str | None
    term: int | None
    session: int | None


def _provinces_re() -> str:
    names = []
    for p in lexicon().provinces:
        names += [p.full, p.short]
    return "|".join(sorted(set(names), key=len, reverse=True))


def _unit(p: Province) -> str:
    return "市" if p.unit == "直辖市" else p.unit


def _prov(ctx: Context, written: str | None) -> Province | None:
    if written:
        return lexicon().province(written) or ctx.province
    return ctx.province


def _cn(n: int | None) -> str:
    return to_chinese(n) if n is not None else ""


# -- canonical names, one function per kind of meeting --------------------------------------

def _npc(t, s, sc, prov, ctx):
    if sc:
        return (f"第{_cn(t)}届全国人民代表大会常务委员会第{_cn(s)}次会议", "全国人民代表大会常务委员会")
    return (f"中华人民共和国第{_cn(t)}届全国人民代表大会第{_cn(s)}次会议", "全国人民代表大会")


def _cppcc(t, s, sc, prov, ctx):
    if sc:
        return (f"中国人民政治协商会议第{_cn(t)}届全国委员会常务委员会第{_cn(s)}次会议",
                "中国人民政治协商会议全国委员会常务委员会")
    return (f"中国人民政治协商会议第{_cn(t)}届全国委员会第{_cn(s)}次会议", "中国人民政治协商会议全国委员会")


def _prov_npc(t, s, sc, prov, ctx):
    p = _prov(ctx, prov)
    if p is None or t is None:
        return None
    if sc:
        return (f"{p.full}第{_cn(t)}届人民代表大会常务委员会第{_cn(s)}次会议", f"{p.full}人民代表大会常务委员会")
    return (f"{p.full}第{_cn(t)}届人民代表大会第{_cn(s)}次会议", f"{p.full}人民代表大会")


def _prov_cppcc(t, s, sc, prov, ctx):
    p = _prov(ctx, prov)
    if p is None or t is None:
        return None
    body = f"中国人民政治协商会议{p.full}委员会"
    if sc:
        return (f"中国人民政治协商会议第{_cn(t)}届{p.full}委员会常务委员会第{_cn(s)}次会议", body + "常务委员会")
    return (f"中国人民政治协商会议第{_cn(t)}届{p.full}委员会第{_cn(s)}次会议", body)


def _congress(t, s, sc, prov, ctx):
    if t is None or not 7 <= t <= 40:
        return None
    return (f"中国共产党第{_cn(t)}次全国代表大会", "中国共产党")


def _plenum(t, s, sc, prov, ctx):
    if not (t and s) or not 1 <= t <= 40 or not 1 <= s <= 12:
        return None
    return (f"中国共产党第{_cn(t)}届中央委员会第{_cn(s)}次全体会议", "中国共产党中央委员会")


def _ccdi_plenum(t, s, sc, prov, ctx):
    if not s or not 1 <= s <= 12:
        return None
    if not t:
        return None
    return (f"中国共产党第{_cn(t)}届中央纪律检查委员会第{_cn(s)}次全体会议", "中国共产党中央纪律检查委员会")


def _prov_plenum(t, s, sc, prov, ctx):
    p = _prov(ctx, prov)
    if p is None or not (t and s):
        return None
    return (f"中国共产党{p.full}第{_cn(t)}届委员会第{_cn(s)}次全体会议", f"中国共产党{p.full}委员会")


def _prov_congress(t, s, sc, prov, ctx):
    p = _prov(ctx, prov)
    if p is None or not t:
        return None
    return (f"中国共产党{p.full}第{_cn(t)}次代表大会", f"中国共产党{p.full}委员会")


Canon = Callable[..., tuple[str, str] | None]


@cache
def _patterns() -> list[tuple[re.Pattern, Canon]]:
    P = _provinces_re()
    U = r"(?:省|自治区|市)"
    T, S = rf"(?P<t>{_N})", rf"(?P<s>{_N})"
    specs: list[tuple[str, Canon]] = [
        (rf"(?:中华人民共和国)?第{T}届全国人民代表大会(?P<sc>常务委员会)?第{S}次会议", _npc),
        (rf"第?{T}届全国人大(?P<sc>常委会)?第?{S}次会议", _npc),
        (rf"全国人大(?P<sc>常委会)?(?:第?{T}届)第?{S}次会议", _npc),
        (rf"全国人大(?P<sc>常委会)第{S}次会议", _npc),
        (rf"(?:中国人民政治协商会议|政协)第{T}届全国委员会(?P<sc>常务委员会)?第{S}次会议", _cppcc),
        (rf"第?{T}届全国政协(?P<sc>常委会)?第?{S}次会议", _cppcc),
        (rf"全国政协(?:第?{T}届)(?P<sc>常委会)?第?{S}次会议", _cppcc),
        (rf"(?P<prov>{P}){U}?第{T}届人民代表大会(?P<sc>常务委员会)?第{S}次会议", _prov_npc),
        (rf"(?P<prov>{P})?{U}第?{T}届人大(?P<sc>常委会)?第?{S}次会议", _prov_npc),
        (rf"(?P<prov>{P})?{U}人大(?P<sc>常委会)?第?{T}届第?{S}次会议", _prov_npc),
        (rf"(?:中国人民政治协商会议|政协)第{T}届(?P<prov>{P}){U}?委员会(?P<sc>常务委员会)?第{S}次会议", _prov_cppcc),
        (rf"政协(?P<prov>{P}){U}?第{T}届委员会(?P<sc>常务委员会)?第{S}次会议", _prov_cppcc),
        (rf"(?P<prov>{P})?(?P<u>{U})?政协第?{T}届(?P<sc>常委会)?第?{S}次会议", _prov_cppcc),
        (rf"(?P<prov>{P})?{U}政协(?P<sc>常委会)?第?{T}届第?{S}次会议", _prov_cppcc),
        (rf"中国共产党第{T}次全国代表大会", _congress),
        (rf"(?:党的|中共){T}大", _congress),
        (r"(?<=[、和及与])(?P<t>[一二三四五六七八九十]{2,3})大(?![会学])", _congress),
        (rf"中国共产党第{T}届中央委员会第{S}次全体会议", _plenum),
        (rf"中国共产党第{T}届中央纪律检查委员会第{S}次全体会议", _ccdi_plenum),
        (rf"(?:中共)?(?:第?{T}届)?中央纪委第?{S}次全会", _ccdi_plenum),
        (rf"(?:党的|中共)?{T}届{S}中全会", _plenum),
        (rf"中国共产党(?P<prov>{P}){U}?第{T}届委员会第{S}次全体会议", _prov_plenum),
        (rf"(?:中共)?(?P<prov>{P})?{U}委{T}届{S}次全会", _prov_plenum),
        (rf"中国共产党(?P<prov>{P}){U}?第{T}次代表大会", _prov_congress),
        (rf"(?:中共)?(?P<prov>{P})?{U}?委?第{T}次党代会", _prov_congress),
    ]
    return [(re.compile(rx), fn) for rx, fn in specs]


@cache
def _named_specs() -> list[tuple[str, str, str]]:
    text = resources.files("kg.lexicon").joinpath("meeting_names.tsv").read_text(encoding="utf-8")
    rows = []
    for ln in text.splitlines():
        if ln.strip() and not ln.startswith("#"):
            level, canon, body = (ln.split("\t") + ["", ""])[:3]
            rows.append((level, canon, body))
    return rows


#: bodies whose meetings are named after them (…领导小组会议, …委员会全体会议)
_SERIES_BODY = r"(?:工作|常委|党组|办公|联席|专题|领导小组|委员会|工作机制|指挥部)$"
_NAMED_TAIL = r"(?:工作会议|代表大会|大会|座谈会|推进会|动员会|部署会|常务会议|全体会议|专题会议|会议)"
_NAMED_BAD = re.compile(r"[，。、；：“”《》（）\s的和暨在对向为了]|(?<![工合创写操动制协运著振])作|召开|举行|精神|代表|书记|主任|主席|省长|市长|"
                        r"委员长|主持|宣布|祝贺|有利|总理")


def _named(doc: Document, ctx: Context) -> list[Mention]:
    """Named conferences (中央经济工作会议, 全省…建设大会), by level word."""
    out = []
    prov = ctx.province
    for level, canon, body in _named_specs():
        unit_word = next((u for u in ("自治区", "省", "市") if u in level), None)
        if unit_word and (prov is None or _unit(prov) != unit_word):
            continue
        rx = re.compile(rf"{re.escape(level)}(?P<core>[\u4e00-\u9fff]{{0,20}}?)(?P<tail>{_NAMED_TAIL})")
        # every occurrence of the level word is tried: names nest (…全会暨省委经济工作会议)
        for pos in (k.start() for k in re.finditer(re.escape(level), doc.text)):
            m = rx.match(doc.text, pos)
            if not m:
                continue
            core, tail = m.group("core"), m.group("tail")
            if _NAMED_BAD.search(core) or core.endswith("人大") or re.search(r"届|次$", core):
                continue
            if tail == "会议" and core and not re.search(_SERIES_BODY, core):
                continue
            if tail not in ("会议", "常务会议", "全体会议") and len(core) < 2:
                continue
            written_rest = doc.text[m.start() + len(level):m.end()]
            fill = {"F": prov.full if prov else "", "name": written_rest}
            name = canon.format(**fill)
            if doc.text[m.start():m.end()] in ctx.aliases or name in ctx.aliases:
                continue  # 全国人民代表大会 is a body, not a meeting
            out.append(Mention(m.start(), m.end(), name, body.format(**fill) or None, None, None))
    return out


_MEETING_NOUN = (r"(?:工作会议|代表大会|大会|座谈会|推进会|动员会|部署会|常务会议|全体会议|专题会议|"
                 r"电视电话会议|视频会议|交流会|报告会|研讨会|讨论会|协商会|评议会|学习会|总结会|表彰会|"
                 r"恳谈会|论坛|峰会|会议|集体学习)")
#: a meeting the sentence names by what happens at it: 在…会议上强调, 主持召开…会议, …会议在京召开
_CONTEXTUAL = (
    re.compile(rf"在(?P<m>[^，。；：、《》（）()在]{{2,36}}?{_MEETING_NOUN})(?:上|时)?(?:强调|指出|表示|讲话|发表|作)"),
    re.compile(rf"主持(?:召开)?(?P<m>[^，。；：、《》（）()]{{2,36}}?{_MEETING_NOUN})(?=[，。；：\n]|并|时|强调|$)"),
    re.compile(rf"(?:^|(?<=[\n，。]))(?P<m>[^，。；：、《》（）()\n]{{2,36}}?{_MEETING_NOUN})"
               rf"(?:\d{{1,2}}日)?(?:(?:上午|下午|晚)?在[\u4e00-\u9fff]{{1,6}})?(?:隆重|胜利)?(?:召开|举行|开幕|闭幕)"),
)
_GENERIC = re.compile(r"^(?:会议|大会|全会|座谈会|电视电话会议|视频会议|专题会议|全体会议|这次会议|本次会议|此次会议)$")
_OPENING_VERB = re.compile(r"^(?:召开|举行|出席|参加|主持)")
_DATELINE_PREFIX = re.compile(r"^.*?(?:\d{1,2}日电|消息|本报讯)")



@cache
def _held_pattern(aliases: str) -> re.Pattern:
    """A body that holds a meeting (中共中央政治局召开会议), compiled once per alias set."""
    return re.compile(rf"(?P<b>{aliases})(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?(?:上午|下午|晚)?(?:在[\u4e00-\u9fff]{{1,8}})?"
                      rf"(?:召开|举行)(?P<m>[^，。；：、“”《》（）()\n]{{0,16}}?{_MEETING_NOUN})")

def _contextual(doc: Document, ctx: Context) -> list[Mention]:
    """Meetings named by their context, whatever their name's shape."""
    out = []
    # a body that holds a meeting: 中共中央政治局召开会议, 全国政协召开双周协商座谈会
    held = _held_pattern(alias_pattern(ctx, 3).pattern)
    for m in held.finditer(doc.text):
        rest = m.group("m")
        if re.search(r"强调|指出|出席|讲话|主持|审议|听取", rest):
            continue
        written = m.group("b") + rest
        out.append(Mention(m.start(), m.end(), written, ctx.aliases[m.group("b")][0], None, None))
    for rx in _CONTEXTUAL:
        for m in rx.finditer(doc.text):
            written = m.group("m")
            written = _DATELINE_PREFIX.sub("", written)
            written = _OPENING_VERB.sub("", written).lstrip("了也 ")
            if len(written) < 5 or _GENERIC.match(written) or written in ctx.aliases:
                continue
            if re.search(r"强调|指出|出席|讲话|主持|考察|调研|听取|审议|宣布|祝贺|有利|委员长|总理|书记|(?<![工合创写操动制协运著振])作", written):
                continue
            start = m.start("m") + (len(m.group("m")) - len(written))
            name = written
            if ctx.province is not None and written.startswith("全省"):
                name = ctx.province.full + written[2:]
            out.append(Mention(start, start + len(written), name, None, None, None))
    return out


def find_meetings(doc: Document, ctx: Context) -> list[Mention]:
    """Every place `doc` names a meeting, in text order. Where readings of patterns and named
    conferences overlap, the longest wins; a reading from context yields to any that overlaps
    it, and one whose words lie inside a name already found is that meeting."""
    found: list[Mention] = []
    for rx, fn in _patterns():
        for m in rx.finditer(doc.text):
            g = m.groupdict()
            t, s = to_int(g.get("t") or ""), to_int(g.get("s") or "")
            fn_ = fn
            if fn is _prov_cppcc and "u" in g and not g.get("prov") and not g.get("u") and "全国政协" in doc.text:
                fn_ = _cppcc  # 政协十三届二次会议, bare, in an article on the national CPPCC
            canon = fn_(t, s, bool(g.get("sc")), g.get("prov"), ctx)
            if canon:
                found.append(Mention(m.start(), m.end(), canon[0], canon[1], t, s))
    # 十九届二中、三中、四中全会: one plenum per numeral of the list
    for m in re.finditer(rf"(?:党的|中共)?(?P<t>{NUM})届(?P<list>(?:[一二三四五六七八九十]{{1,2}}中、)+[一二三四五六七八九十]{{1,2}}中)全会", doc.text):
        t = to_int(m.group("t"))
        for k in re.finditer(r"([一二三四五六七八九十]{1,2})中", m.group("list")):
            canon = _plenum(t, to_int(k.group(1)), False, None, ctx)
            if canon:
                a = m.start("list") + k.start()
                found.append(Mention(a, m.start("list") + k.end(), canon[0], canon[1], t, to_int(k.group(1))))
    found += _named(doc, ctx)
    # longest match wins where two patterns overlap
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Mention] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    # a meeting named only by its context yields to a pattern's reading of the same words,
    # and a short form of a pattern-named meeting (人大常委会第九次会议) is that meeting
    for f in _contextual(doc, ctx):
        if any(f.start < k.end and k.start < f.end for k in kept):
            continue
        same = next((k for k in kept if doc.text[f.start:f.end] in doc.text[k.start:k.end]), None)
        if same is not None:
            f = Mention(f.start, f.end, same.name, same.body, same.term, same.session)
        kept.append(f)
    kept.sort(key=lambda f: f.start)
    return kept
