"""Organisations: every named body, by canonical full name.

Names come from the lexicon (national bodies; a province's bodies, resolved with the
article's province, so 省政府 in a Shanxi article is 山西省人民政府) and from patterns for
what no list can hold: newspapers (X日报), universities (X大学), a province's departments
(省教育厅), and committees of a known body (全国政协 + 社会和法制委员会).
"""

from __future__ import annotations

import re

from kg.extract.context import Context, alias_pattern
from kg.extract.facts import ArticleFacts
from kg.text.document import Document
from kg.text.numerals import NUM

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ()
ADDS = ("organizations",)


_CJK = r"[\u4e00-\u9fff]"
_MEDIA = re.compile(rf"({_CJK}{{2,6}}?(?:日报|晚报|电视台|广播电视台|广播电台))(?=社|记者|全媒体记者|融媒体记者|讯|消息|报道|[）)、，。]|网)")
_UNIVERSITY = re.compile(rf"{_CJK}{{2,10}}?(?:大学|学院)")
_STOP_BEFORE = set("和及与、，。；：（）“”《》在的是为由向对从把被给到让")
#: words that make a committee-shaped phrase something else (关于…委员会的决定, 委员和…委员会);
#: 和 and 与 stay allowed: 监察和司法委员会, 环境与资源保护委员会
_NOT_CHILD = re.compile(r"届|第|次|全体|关于|有关|的|^委员")
#: words that make a university-shaped phrase a description (一流大学, 当代大学生)
_NOT_UNIVERSITY = re.compile(r"一流|特色|世界|高水平|新型|当代|各|本科|研究型")
_DEPARTMENT = re.compile(rf"(?P<u>省|自治区)(?P<d>{_CJK}{{1,8}}?(?:厅|局|委员会|办公厅|办公室))")
_CHILD = re.compile(rf"(?P<d>{_CJK}{{2,12}}?(?:委员会|工作委员会))")


def _clean_start(text: str, start: int, end: int) -> int:
    """Move `start` right past words that precede a name but are not part of it."""
    s = start
    for i in range(end - 1, start - 1, -1):
        if text[i] in _STOP_BEFORE:
            s = i + 1
            break
    return s


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add every organisation named in the article, with the spans where it is named."""
    text = doc.text
    taken: list[tuple[int, int]] = []
    alias_re = alias_pattern(ctx)
    for m in alias_re.finditer(text):
        a, b = m.span()
        written = m.group(0)
        if written.endswith("委") and text.startswith("员会", b):
            continue  # 浙江省委员会 belongs to a longer name (政协…浙江省委员会)
        canon, cls = ctx.aliases[written]
        facts.add_org(canon, (a, b), cls)
        taken.append((a, b))
        # a committee of a known body: 全国政协 + 社会和法制委员会
        c = _CHILD.match(text, b)
        if c and cls in ("legislature", "cppcc") and not _NOT_CHILD.search(c.group("d")) \
                and not c.group("d").endswith("常务委员会"):
            facts.add_org(canon + c.group("d"), (a, c.end()), cls)

    if ctx.province is not None:
        # 政协第十二届浙江省委员会 (+ 提案委员会): the term sits inside the body's name
        prov = ctx.province
        rx = re.compile(rf"(?:中国人民政治协商会议|政协)第{NUM}届(?:{prov.full}|{prov.short})委员会")
        for m in rx.finditer(text):
            canon = f"中国人民政治协商会议{prov.full}委员会"
            facts.add_org(canon, m.span(), "cppcc")
            c = _CHILD.match(text, m.end())
            if c and not _NOT_CHILD.search(c.group("d")):
                facts.add_org(canon + c.group("d"), (m.start(), c.end()), "cppcc")

    for m in _MEDIA.finditer(text):
        a = _clean_start(text, m.start(), m.end())
        name = text[a:m.end(1)]
        if len(name) >= 4 and not any(a < e and s < m.end(1) for s, e in taken):
            facts.add_org(name, (a, m.end(1)), "media")
    for m in _UNIVERSITY.finditer(text):
        a = _clean_start(text, m.start(), m.end())
        name = text[a:m.end()]
        if len(name) < 4 or _NOT_UNIVERSITY.search(name) or text.startswith("生", m.end()):
            continue  # 当代大学生, 一流大学: people and aims, not a school
        if name.endswith("大学") or not re.search(r"党校|学院$", name):
            facts.add_org(name, (a, m.end()), "education")
    if ctx.province is not None:
        for m in _DEPARTMENT.finditer(text):
            d = m.group("d")
            if re.search(r"人大|政协|政府|常委|纪委|监委|^委|届|第|次", d) or len(d) < 3:
                continue
            if m.start() > 0 and text[m.start() - 1] == "全":
                continue
            facts.add_org(ctx.province.full + d, m.span(), "government")
