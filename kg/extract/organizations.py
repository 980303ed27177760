"""Organisations: every named body, by canonical full name.

Names come from the lexicon (national bodies; a province's bodies, resolved with the
article's province, so 省政府 in a Shanxi article is 山西省人民政府) and from patterns for
what no list can hold: newspapers (X日报), universities (X大学), a province's departments
(省教育厅), and committees of a known body (全国政协 + 社会和法制委员会).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.context import Context, alias_pattern, city_bodies
from kg.extract.facts import ArticleFacts
from kg.extract.localities import place_of, prefectures
from kg.extract.sentence_scan import scan_of
from kg.lexicon import lexicon
from kg.lexicon import rows as lexicon_rows
from kg.text.alternation import alternation
from kg.text.document import Document
from kg.text.han import HAN
from kg.text.numerals import NUM

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ()
ADDS = ("organizations",)


_CJK = rf"[{HAN}]"
_MEDIA = re.compile(rf"({_CJK}{{2,6}}?(?:日报|晚报|都市报|晨报|电视台|广播电视台|广播电台))(?=社|记者|全媒体记者|融媒体记者|讯|消息|报道|[）)、，。|｜]|网|等|\s|$)")
_UNIVERSITY = re.compile(rf"{_CJK}{{2,10}}?(?:大学|学院)")
_STOP_BEFORE = set("和及与、，。；：（）“”《》在的是为由向对从把被给到让了")
#: words that make a committee-shaped phrase something else (关于…委员会的决定, 委员和…委员会);
#: 和 and 与 stay allowed: 监察和司法委员会, 环境与资源保护委员会
_NOT_CHILD = re.compile(r"届|第|次|全体|关于|有关|的|^委员|^各|^相关|^其他|^下设|^[和与及、]|全国|人大|政协")
#: words that make a university-shaped phrase a description (一流大学, 当代大学生), or its 大
#: the end of a word before 学 (多渠道扩大学前教育: 扩大 + 学前)
_NOT_UNIVERSITY = re.compile(r"一流|特色|世界|高水平|新型|当代|各|本科|研究型|"
                             r"(?:扩|加|壮|强|重|伟|巨|宏|广|最|更|较|远|放|做|长|夸|盛|庞|浩|博|高|老|偌)大学$")
_AFTER_UNIVERSITY = re.compile(r"[生前习问者龄科段历位]")
#: what stands before a body's short name when it is a local body's (省发展改革委, 市政协常委会)
_LOCAL_BEFORE = re.compile(r"(?:省|市|县|区|州|旗|盟)$")
#: short names that are the national body's only where nothing local stands before them
_NATIONAL_MARK = re.compile(r"^(?:国家|中国|中华|全国|中央|中共|国务院|最高|新华|人民日报|光明日报|经济日报)")
_DEPARTMENT = re.compile(rf"(?P<u>省|自治区)(?P<d>{_CJK}{{1,8}}?(?:厅|局|委员会|办公厅|办公室|委(?!员)))")
#: a city's, county's or prefecture's department written short (州财政局, 市市场监督管理局), its
#: government's office (市政府办公室): the article's own place's, after a boundary (tested after
#: the unit word, so the pattern is searched from one unit word to the next)
_LOCAL_DEPARTMENT = re.compile(rf"(?P<u>市|县|州)(?:(?<![{HAN}].)|(?<=[和及与、的对向在由].))"
                               rf"(?:(?P<office>(?:人民)?政府办公[室厅])|(?P<d>{_CJK}{{2,9}}?(?:局|厅|办公室|委员会|委(?![员会]))))")
_ZONE = re.compile(rf"({_CJK}{{2,14}}?(?:高新技术产业开发区|经济技术开发区|高新区|经开区|开发区|新区|自贸区|综合保税区)"
                   rf"(?:管委会|管理委员会|党工委))")
_CHILD = re.compile(rf"(?P<d>{_CJK}{{2,12}}?(?:委员会|工作委员会))")


def _clean_start(text: str, start: int, end: int) -> int:
    """Move `start` right past words that precede a name but are not part of it."""
    s = start
    for i in range(end - 1, start - 1, -1):
        if text[i] in _STOP_BEFORE:
            s = i + 1
            break
    lead = _LEAD.match(text, s, end)
    return lead.end() if lead and lead.end() < end else s


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add every organisation named in the article, with the spans where it is named."""
    text = doc.text
    taken = _lexicon_bodies(text, ctx, facts)
    _bodies_with_term(text, ctx, facts)
    _patterned(text, taken, facts)
    _universities(text, taken, facts)
    _departments(text, ctx, facts)
    _local_departments(text, ctx, facts)
    _prefecture_departments(text, facts)
    _named_city_bodies(text, facts)


def _lexicon_bodies(text: str, ctx: Context, facts: ArticleFacts) -> list[tuple[int, int]]:
    """Bodies the lexicon names (national, the province's, the city's), and their committees;
    the spans they take."""
    taken: list[tuple[int, int]] = []
    national = ctx.lexicon.national
    for m in alias_pattern(ctx, 1, text).finditer(text):
        a, b = m.span()
        written = m.group(0)
        if written.endswith("委") and text.startswith("员会", b):
            continue  # 浙江省委员会 belongs to a longer name (政协…浙江省委员会)
        canon, cls = ctx.aliases[written]
        if written in national and not _NATIONAL_MARK.match(written) and _local_before(text, a):
            continue  # 市政协常委会 is the city's, not 政协常委会 of the nation
        facts.add_org(canon, (a, b), cls)
        taken.append((a, b))
        if cls in ("legislature", "cppcc"):
            _children(text, canon, cls, a, b, facts)
    return taken


def _bodies_with_term(text: str, ctx: Context, facts: ArticleFacts) -> None:
    """政协第十二届浙江省委员会, 政协黔东南州第十届委员会 (+ 提案委员会): the term inside the
    body's name; 省十三届人民代表大会代表, 十二届省政协常委会: a congress or CPPCC named with its term."""
    for m in _cppcc_re().finditer(text):
        place = m.group("p") or m.group("p2")
        canon = f"中国人民政治协商会议{place if place == '全国' else place_of(place, None, ctx)}委员会"
        facts.add_org(canon, m.span(), "cppcc")  # 政协第十二届全国委员会 too
        _children(text, canon, "cppcc", m.start(), m.end(), facts)
    scan = scan_of(text)  # each names its term (届) and runs over no 。 or line end
    for m in (m for rx in _term_body_res() for m in scan.finditer(rx, ("届",))):
        place = place_of(m.group("p") or None, m.group("u"), ctx)
        if place:
            sc = "常务委员会" if m.group("sc") else ""
            if m.group("b") == "政协":
                facts.add_org(f"中国人民政治协商会议{place}委员会{sc}", m.span(), "cppcc")
            else:
                facts.add_org(f"{place}人民代表大会{sc}", m.span(), "legislature")


#: organisations no list can hold, named as written: (pattern, its name's group, class, words
#: every match holds, by_sentence): the pattern is read only where one of the words is (the
#: lazy runs before a suffix, tried at every position, cost about 0.6 s CPU a corpus): in the
#: sentences holding one where no match runs over a 。 or line end (kg.extract.sentence_scan),
#: else in a text holding one
_PATTERNED = (
    (_MEDIA, 1, "media", ("报", "电视台", "广播电台"), True),
    # a news site named as a source (来源：大河网, 大河网报道, 据X网消息); not 互联网, 电网 (after
    # 来源： a line break may stand before the name: read over the whole text)
    (re.compile(rf"(?:(?<=来源[:：])\s*({_CJK}{{2,8}}?网)(?=[\s|｜）)]|$)|(?<![{HAN}])({_CJK}{{2,8}}?(?<![电管联])网)"
                rf"(?=讯|消息|报道|记者|客户端))"), 0, "media", ("网",), False),
    # a paper of a short name cited as a source (据某报报道, 《某报》)
    (re.compile(rf"(?:(?<=据)|(?<=《))({_CJK}{{1,4}}?报)(?=》|报道|消息|记者|讯)"), 1, "media", ("报",), True),
    (re.compile(rf"({_CJK}{{2,24}}?(?:股份|集团)?有限(?:责任)?公司)"), 1, "enterprise", ("公司",), True),
    # a court or procuratorate of a mining area, a railway, a branch (矿区人民法院, …中级人民法院…分院)
    (re.compile(rf"({_CJK}{{1,20}}?(?:[省市县区州旗盟]|中级|高级|矿区|林区|垦区|农垦|铁路运输|海事|知识产权|金融|互联网|军事)"
                rf"(?:人民法院|人民检察院)(?:{_CJK}{{2,12}}?分院)?)"), 1, "court",
     ("人民法院", "人民检察院"), True),
    # a development zone's committee (高新区管委会, 经济技术开发区管理委员会)
    (_ZONE, 1, "government", ("管委会", "管理委员会", "党工委"), True),
)
#: a zone's short names -> full (高新区 -> 高新技术产业开发区), its committee's (管委会)
_ZONE_FULL = (("高新区", "高新技术产业开发区"), ("经开区", "经济技术开发区"), ("管委会", "管理委员会"))


def _full_zone(name: str) -> str:
    """X高新区管委会 -> X高新技术产业开发区管理委员会: the committee by its full name."""
    for short, full in _ZONE_FULL:
        if short in name and full not in name:
            name = name.replace(short, full, 1)
    return name


#: words a name-shaped phrase can start with that are the sentence's, not the name's
#: (毕业于 + X大学, 考察 + X有限公司)
_LEAD = re.compile(r".*(?:关于|对于|月任|年任|日任|毕业于|就读于|任职于|供职于|工作于|来自|担任|出任|[曾现兼]任|考察|调研|走访|视察|参观|前往|来到|"
                   r"深入|看望|慰问|入职|加入|创办|组建|联合|依托|委托|批准|同意|授予|表彰|听取|审议|日讯|日电|消息|[他她据])")


_NOT_A_NAME = re.compile(r"^(?:各|有关|相关|全省|全市|全国|本|该|我|其|这|两级|三级|上级|下级)|各级|等")


def _patterned(text: str, taken: list[tuple[int, int]], facts: ArticleFacts) -> None:
    scan = scan_of(text)
    for rx, group, cls, needs, by_sentence in _PATTERNED:
        if by_sentence:
            found = scan.finditer(rx, needs)
        elif any(w in text for w in needs):
            found = rx.finditer(text)
        else:
            continue
        for m in found:
            g = group or (1 if m.group(1) else 2)  # a site: whichever alternative named it
            a = _clean_start(text, m.start(g), m.end(g))
            name = text[a:m.end(g)]
            if len(name) < (3 if name.endswith("网") else 2 if cls == "media" and name.endswith("报") else 4):
                continue
            inside = [(s, e) for s, e in taken if a < e and s < m.end(g)]
            if inside and cls == "court" and name.endswith("分院"):
                # a branch of a court the lexicon names: 省高级人民法院 + 绿江分院
                s, e = inside[-1]
                court = next((o.name for o in facts.organizations.values() if (s, e) in o.spans), None)
                name, a = (court + text[e:m.end(g)], s) if court else (name, a)
            elif inside:
                continue  # a body the lexicon names (人民日报, 最高人民法院)
            if _NOT_A_NAME.search(name):
                continue  # 各级人民法院, 有关有限公司: no one body's name
            if rx is _ZONE:
                name = _full_zone(name)
            elif cls == "media":  # 玉树州广播电视台: the prefecture by its full name
                name = next((full + name[len(f):] for f, full in _prefecture_forms().items()
                             if name.startswith(f) and f != full), name)
            facts.add_org(name, (a, m.end(g)), "procuratorate" if cls == "court" and "检察院" in name else cls)


def _universities(text: str, taken: list[tuple[int, int]], facts: ArticleFacts) -> None:
    for m in scan_of(text).finditer(_UNIVERSITY, ("大学", "学院")):
        a = _clean_start(text, m.start(), m.end())
        name = text[a:m.end()]
        if any(a < e and s < m.end() for s, e in taken):
            continue  # a body the lexicon names (人民大学 -> 中国人民大学)
        if len(name) < 4 or _NOT_UNIVERSITY.search(name) or _AFTER_UNIVERSITY.match(text, m.end()):
            continue  # 当代大学生, 一流大学: people and aims, not a school
        if name.endswith("大学") or not re.search(r"党校|学院$", name):
            facts.add_org(name, (a, m.end()), "education")


def _children(text: str, canon: str, cls: str, a: int, b: int, facts: ArticleFacts) -> None:
    """Committees of a known body written after it (全国政协 + 社会和法制委员会), a list of them
    too (全国人大内务司法委员会、财政经济委员会、外事委员会)."""
    end = b
    while True:
        c = _CHILD.match(text, end)
        if not c or _NOT_CHILD.search(c.group("d")) or (c.group("d").endswith("常务委员会") and c.group("d") != "常务委员会"):
            return
        facts.add_org(canon + c.group("d"), (a, c.end()), cls)
        if not text.startswith("、", c.end()):
            return
        end = c.end() + 1


def _local_before(text: str, start: int) -> bool:
    """Whether a local unit word or a place's name stands right before `start`."""
    before = text[max(0, start - 8):start]
    return bool(_LOCAL_BEFORE.search(before) or _place_end_re().search(before))


@cache
def _place_end_re() -> re.Pattern:
    lex = lexicon()
    names = {n for p in lex.provinces for n in (p.full, p.short)}
    names |= {c for p in lex.provinces for c in (p.capital, *p.cities)}
    return re.compile(rf"(?:{alternation(names)})$")


def _departments(text: str, ctx: Context, facts: ArticleFacts) -> None:
    """A province's departments (省教育厅): of the province written before them (湖北省卫健委
    in any article), else of the article's province; a city's (市教育局) are not these."""
    lex = ctx.lexicon
    for m in _DEPARTMENT.finditer(text):
        d = m.group("d")
        if re.search(r"人大|政协|政府|常委|纪委|监委|党委|^委|^[和与及、]|^[市县区](?!场)|[三两四五]级|届|第|次", d) or len(d) < 3:
            continue
        if m.start() > 0 and text[m.start() - 1] == "全":
            continue
        before = text[max(0, m.start() - 8):m.start()]
        written = _place_end_re().search(before)
        prov = lex.province(written.group(0)) if written else None
        if written and prov is None:
            continue  # a city's name before it: 武汉省… is no province's department
        prov = prov or ctx.province
        if prov is None or (prov.unit == "自治区") != (m.group("u") == "自治区"):
            continue
        facts.add_org(prov.full + full_department(d), (m.start() - (len(written.group(0)) if written else 0), m.end()),
                      "government")


@cache
def _department_names() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((s, f) for s, f in lexicon_rows("department_names.tsv", 2)), key=lambda r: -len(r[0])))


def full_department(d: str) -> str:
    """A department by its full name (人社局 -> 人力资源和社会保障局, 安全监管局 -> 安全生产监督管理局)."""
    for short, full in _department_names():
        if d.endswith(short) and not d.endswith(full):
            return d[:-len(short)] + full
    return d


#: what makes a department-shaped phrase no department: the prefecture's own organs, a term
_NOT_DEPARTMENT = re.compile(r"人大|政协|政府|常委|纪委|监委|党委|^委|^[和与及、]|[三两四五六七八九]级|届|第|次|各|有关|相关")


def _local_departments(text: str, ctx: Context, facts: ArticleFacts) -> None:
    """Departments of the place the article reports (州财政局 in a Dali article is
    大理白族自治州财政局); none where the article reports no such place."""
    for m in _LOCAL_DEPARTMENT.finditer(text):
        place = place_of(None, m.group("u"), ctx)
        if place is None:
            continue
        if m.group("office"):
            facts.add_org(f"{place}人民政府办公{m.group('office')[-1]}", m.span(), "government")
            continue
        if not _NOT_DEPARTMENT.search(m.group("d")):
            facts.add_org(place + full_department(m.group("d")), m.span(), "government")


@cache
def _prefecture_forms() -> dict[str, str]:
    """A prefecture's written forms (延边州, 延边朝鲜族自治州) -> its full name."""
    return {n: p.full for p in prefectures() for n in (p.full, *p.short)}


@cache
def _prefecture_department_re() -> re.Pattern:
    return re.compile(rf"(?P<p>{alternation(_prefecture_forms())})(?P<d>{_CJK}{{2,9}}?(?:局|办公室|委员会|委(?![员会])))")


def _prefecture_departments(text: str, facts: ArticleFacts) -> None:
    """A prefecture's departments written with its name (延边州旅游发展委员会, 大理州人社局), in
    any article: of that prefecture, by its full name."""
    for m in _prefecture_department_re().finditer(text):
        if _NOT_DEPARTMENT.search(m.group("d")):
            continue
        facts.add_org(f"{_prefecture_forms()[m.group('p')]}{full_department(m.group('d'))}", m.span(), "government")


@cache
def _cppcc_re() -> re.Pattern:
    lex = lexicon()
    provinces = alternation(n for p in lex.provinces for n in (p.full, p.short))
    place = rf"(?:全国|{provinces}|[{HAN}]{{2,6}}?(?:市|自治州|州|县|区))"
    return re.compile(rf"(?:中国人民政治协商会议|政协)(?:第{NUM}届(?P<p>{place})|(?P<p2>{place})第{NUM}届)委员会")


@cache
def _term_body_res() -> tuple[re.Pattern, ...]:
    """A congress or CPPCC (or its standing committee) written with its term: 省十三届人民代表大会,
    自治区政协十三届常委会, 十二届省政协常委会; not a session (省十三届人大二次会议)."""
    lex = lexicon()
    P = alternation(n for p in lex.provinces for n in (p.full, p.short))
    not_session = rf"(?!第?{NUM}次)"
    return tuple(re.compile(rx) for rx in (
        rf"(?P<p>{P})?(?P<u>省|自治区|市)第?{NUM}届(?P<b>人民代表大会|人大|政协)(?P<sc>常务委员会|常委会)?{not_session}",
        rf"(?P<p>{P})?(?P<u>省|自治区|市)(?P<b>政协|人大)第?{NUM}届(?P<sc>常务委员会|常委会)?{not_session}",
        rf"(?<![{HAN}])第?{NUM}届(?P<p>)(?P<u>省|自治区|市)(?P<b>政协|人大)(?P<sc>常务委员会|常委会)?",
    ))


@cache
def _city_body_re() -> tuple[re.Pattern, tuple[str, ...]]:
    """A known city's body written with its name (武汉市委, 聊城市人民政府); and the words every
    match holds (市 and its form's first character: 市委, 市人), for kg.extract.sentence_scan."""
    lex = lexicon()
    cities = alternation(c for p in lex.provinces if p.unit != "直辖市" for c in (p.capital, *p.cities))
    probe = "某某市"  # any city: the forms its bodies are written in after its name
    forms = alternation(a.removeprefix(probe) for a in city_bodies(probe) if a.startswith(probe))
    starts = sorted({"市" + a[len(probe):len(probe) + 1] for a in city_bodies(probe) if a.startswith(probe)})
    return re.compile(rf"(?P<c>{cities})市(?P<f>{forms})"), tuple(starts)


def _named_city_bodies(text: str, facts: ArticleFacts) -> None:
    for m in scan_of(text).finditer(*_city_body_re()):
        city = m.group("c") + "市"
        bodies = city_bodies(city)
        written = city + m.group("f")
        if written in bodies:
            canon, cls = bodies[written]
            facts.add_org(canon, m.span(), cls)
