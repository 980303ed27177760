"""Lists of names: where each item of a `、`-list begins and ends, and when a list is closed.

A list under a person cue (a title before it, 任命…为, 在主席台就座的还有：) names people in
every item, whatever the shape of the item: names with rare family names (咸, 寿), Tibetan
and Mongolian names without a family name (洛桑江村, 巴特尔), names jieba knows as words.
Such an item is accepted when it is *plausible*: two to four Chinese characters (or a
transcribed name with `·`) with nothing in it that never stands in a name, and no title,
body or ordinary word of the lexicon.

Positions are found on the characters of the text: a title matched on the text ends where
the name begins, whatever a tokenizer would have cut (执行主席周某 never gives 席周某).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.names import _NOT_IN_NAME, has_surname, is_boundary, is_word, name_at, name_shaped
from kg.lexicon import lexicon
from kg.text.document import is_cjk

_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}(?:·[\u4e00-\u9fff]{1,8}){1,3}")
#: endings of a body, a place or a thing, never of a name in a list
_ITEM_BAD = re.compile(r"[省市县区府部厅局委院会办司处站所队校馆团组社报网台]$")
#: characters of Tibetan and Mongolian names that the genre's words also use (次仁, 次旦)
_IN_MINORITY_NAMES = set("次")
#: characters that stand in no name, at any place of it (a list item of other things)
_NEVER = set("的了是在和与及或等、，。；：省市县区府部厅局委院会办届年月日号")


@cache
def _not_names() -> frozenset[str]:
    """Body names and titles: never a person's name."""
    lex = lexicon()
    return frozenset(lex.national) | frozenset(lex.titles)


def plausible(cand: str, words_ok: bool = False) -> bool:
    """Whether `cand` may be a name in a list of names (shape aside)."""
    if _DOT_NAME.fullmatch(cand):
        return not lexicon().title_re.search(cand)
    if not (2 <= len(cand) <= 4) or not all(is_cjk(c) for c in cand):
        return False
    if any(c in _NEVER for c in cand) or any(c in _NOT_IN_NAME - _IN_MINORITY_NAMES for c in cand[1:]):
        return False
    if cand in _not_names() or _ITEM_BAD.search(cand) or lexicon().title_re.search(cand):
        return False
    if is_word(cand) and not (words_ok and has_surname(cand)):
        return False
    # a four-character item is two words (经济发展), not a name, when both halves are words
    return len(cand) < 4 or not (is_word(cand[:2]) and is_word(cand[2:]))


def item_end(text: str, i: int, words_ok: bool = False) -> int | None:
    """End of a list item starting at i: the whole segment up to the next `、`, else the end
    of a name there (name shape first, then the shortest plausible span before a boundary)."""
    end = name_at(text, i, long_ok=True)
    if end is not None:
        return end
    m = _DOT_NAME.match(text, i)
    if m:
        return None
    for k in (2, 3, 4):
        j = i + k
        if j <= len(text) and (j == len(text) or text[j] == "、" or is_boundary(text, j)) \
                and plausible(text[i:j], words_ok):
            return j
    return None


def name_start_after_title(text: str, a: int, b: int) -> int | None:
    """Where the name of a list's first item [a, b) starts: after the last title matched on
    the text inside it (大会执行主席周某), else after the longest name shape that ends at b."""
    title_re = lexicon().title_re
    last = None
    for m in title_re.finditer(text, a, b):
        if m.end() < b:
            last = m.end()
    if last is not None:
        return last if plausible(text[last:b], words_ok=True) or name_shaped(text[last:b]) else None
    for n in (4, 3, 2):
        if b - n >= a and name_shaped(text[b - n:b]):
            return b - n
    return None


def continue_list(text: str, end: int, words_ok: bool = True) -> list[tuple[int, int]]:
    """The items that continue a list of names after a name ending at `end` (、B、C…), each
    up to a boundary; stops at a title (a new phrase starts) or an implausible item."""
    out = []
    title_re = lexicon().title_re
    while end < len(text) and text[end] == "、" and not title_re.match(text, end + 1):
        nxt = item_end(text, end + 1, words_ok)
        if nxt is None:
            break
        out.append((end + 1, nxt))
        end = nxt
    return out
