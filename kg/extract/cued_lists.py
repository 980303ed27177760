"""Lists of people a cue introduces: the objects of an election or appointment verb (选举甲为
省长, 任命甲、乙为…, 免去甲的…职务) and the items after a colon that introduces people (在主席台
就座的还有：甲、乙). Every item is a person, whatever its shape, up to the cue's end; what an
item may be is kg.extract.name_lists'.
"""

from __future__ import annotations

import re

from kg.extract.name_lists import (
    _NUMBER_CHARS,
    Found,
    has_common_word,
    item_end,
    name_start_after_title,
    plausible,
)
from kg.extract.names import is_word, name_at, name_shaped
from kg.lexicon import lexicon
from kg.text.han import HAN

#: verbs whose objects are people, up to the word that ends them: 选举A为…, 任命A、B为…,
#: 免去A的…职务, 接受A辞去…
_ELECTED = re.compile(r"(?:选举|任命|补选|决定任命|推选|增补|增选|递补|免去|决定免去|罢免|接受)"
                      rf"(?=[{HAN}·、\d]{{2,60}}?(?:为|的|辞去|辞职))")
#: the count after the names of an election (补选甲等8人为常委): the names stand for more
_COUNTED = re.compile(r"等(?:\d+|[一二三四五六七八九十百两]+)(?:人|名|位)")
_ELECTED_END = ("为", "的", "辞去", "辞职")


def election_mode(doc, found: Found) -> None:
    """选举X为省长, 任命A、B、C为副秘书长, 免去A的…职务: every name between the verb and its end."""
    text = doc.text
    for m in _ELECTED.finditer(text):
        i, strict = m.end(), False
        while True:
            items = _elected_names(text, i, strict)
            counted = _COUNTED.match(text, items[-1][1]) if items else None
            if not items or not text.startswith(_ELECTED_END, counted.end() if counted else items[-1][1]):
                break
            for a, b in items:
                found.setdefault(text[a:b], []).append((a, b))
            # the list goes on without its verb: 选举甲为…副主任，乙为秘书长
            k = items[-1][1]
            if not text.startswith("为", k):
                break
            stop = next((j for j in range(k, min(len(text), k + 40)) if text[j] in "，；。\n"), None)
            if stop is None or text[stop] not in "，；":
                break
            i, strict = stop + 1, True


def _elected_names(text: str, i: int, strict: bool = False) -> list[tuple[int, int]]:
    """The names of a `、`-list starting at i, up to the first item that is no name; a
    list without its verb (`strict`) holds names of shape only."""
    items = []
    while True:
        end = name_at(text, i, long_ok=True) if strict else item_end(text, i, words_ok=True)
        if end is None or not (plausible(text[i:end], words_ok=True) or name_shaped(text[i:end])):
            break
        items.append((i, end))
        if not text.startswith("、", end):
            break
        i = end + 1
    return items


#: a colon that introduces people: 在主席台就座的还有：, 出席…并在主席台就座的市领导还有：
_CUE = re.compile(r"(?:出席|列席|参加|就座|到会|主席台)[^。；：！？\n]{0,24}?的[^。；：！？\n，]{0,10}?有[：:]")


def cue_list_mode(doc, found: Found) -> None:
    """After a colon that introduces people, every item (、 or ， separated, a title before
    it or not) is a person, up to the end of the sentence or 等."""
    text = doc.text
    for m in _CUE.finditer(text):
        i = m.end()
        stop = min([len(text)] + [k for k in (text.find(c, i) for c in "。；\n") if k >= 0])
        names, n = [], 0
        for seg in re.finditer(r"[^、，等]+", text[i:stop]):
            n += 1
            a, b = i + seg.start(), i + seg.end()
            if _whole_name(text, a, b):
                names.append((a, b))  # 格桑某某, 扎西某某: the item whole, not a name shape inside it
                continue
            start = name_start_after_title(text, a, b)
            a = start if start is not None else a
            # an item is a name and nothing else (遂宁军分区 is no name and a word)
            if item_end(text, a, words_ok=True) == b and (name_shaped(text[a:b]) or plausible(text[a:b], True)):
                names.append((a, b))
        if len(names) * 2 > n:  # a list of people, not of bodies (市政府、市政协、…的领导同志)
            for a, b in names:
                found.setdefault(text[a:b], []).append((a, b))


def _whole_name(text: str, a: int, b: int) -> bool:
    """An item of a cue's list that is a name as a whole, with or without a family name: two
    to four characters between list marks, no title, body, word or number in it."""
    cand = text[a:b]
    return (2 <= b - a <= 4 and not lexicon().title_re.search(cand) and plausible(cand, words_ok=True, inner=True)
            and not has_common_word(cand) and not any(c in _NUMBER_CHARS for c in cand)
            and not is_word(cand))
