"""Names of bylines: the reporters and photographers a credit word names (记者 甲、乙 摄影 丙,
记者/甲, 侯某/文), two names written without a separator (记者冯某肖某), a name before 报道."""

from __future__ import annotations

import re

from kg.extract.name_lists import Found, item_end, plausible
from kg.extract.names import is_boundary, name_shaped
from kg.lexicon import lexicon
from kg.text.document import is_cjk
from kg.text.han import HAN

#: a credit word of a byline; the names after it are credited by it
CREDIT = re.compile(rf"(?:本报|特约|首席|全媒体|融媒体|见习|驻[{HAN}]{{1,6}})?"
                    r"(?:记者|通讯员|摄影|摄像|实习生|责任编辑|编辑|美工|制图|作者|撰稿)[：:/]?")


_REPORTED = re.compile(r"(?:报道|报导|摄影|摄|电)$")


def run_together(text: str, i: int, b: int) -> list[tuple[int, int]]:
    """Two names of a byline written without a separator (冯某肖某, 王某某李某): the run of
    characters up to the next separator splits into exactly one pair of name shapes, the
    second starting with a family name; else []."""
    j = i
    while j < b and is_cjk(text[j]) and not CREDIT.match(text, j):
        j += 1
    run = _REPORTED.sub("", text[i:j])  # 记者甲乙丙丁报道：
    j = i + len(run)
    if not 4 <= len(run) <= 6 or run[:2] in lexicon().compound_surnames or name_shaped(run):
        return []
    splits = [k for k in (2, 3) if 2 <= len(run) - k <= 3 and name_shaped(run[:k]) and name_shaped(run[k:])]
    if len(splits) != 1:
        return []
    k = splits[0]
    return [(i, i + k), (i + k, j)]


#: a credit written after the name: 侯某/文, 许某/摄影
POSTPOSED_CREDIT = re.compile(r"[/／](?:文|摄影|摄|图)(?=$|[、 /／）)】\n])")


def byline_mode(doc, found: Found) -> None:
    """Every name after a credit word of a byline (记者 甲、乙 摄影 丙 美工 丁, 记者/甲)."""
    text = doc.text
    for a, b in doc.bylines:
        for m in CREDIT.finditer(text, a, b):
            i = m.end()
            while i < b:
                while i < b and (text[i] in "、 " or POSTPOSED_CREDIT.match(text, i) or text[i] == "/"):
                    m2 = POSTPOSED_CREDIT.match(text, i)
                    i = m2.end() if m2 else i + 1
                if i >= b or CREDIT.match(text, i):
                    break
                names = run_together(text, i, b)
                if names:  # 记者冯某肖某: two names written without a separator
                    for x, y in names:
                        found.setdefault(text[x:y], []).append((x, y))
                    i = names[-1][1]
                    continue
                end = item_end(text, i, words_ok=True)
                if end is None or end > b:
                    break
                # an item between a byline's marks is a name of any make (此里某某, 扎西某某)
                inner = is_boundary(text, end, words=False)
                if not (name_shaped(text[i:end]) or plausible(text[i:end], inner=inner)):
                    break
                found.setdefault(text[i:end], []).append((i, end))
                i = end
