"""Lists of names: where each item of a `、`-list begins and ends, and when a list is closed.

A list under a person cue (a title before it, 任命…为, 在主席台就座的还有：) names people in
every item, whatever the shape of the item: names with rare family names (咸, 寿), Tibetan
and Mongolian names without a family name (洛桑某某, 巴图某某), names jieba knows as words.
Such an item is accepted when it is *plausible*: two to four Chinese characters (or a
transcribed name with `·`) with nothing in it that never stands in a name, and no title,
body or ordinary word of the lexicon.

Positions are found on the characters of the text: a title matched on the text ends where
the name begins, whatever a tokenizer would have cut (执行主席周某 never gives 席周某).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.names import (
    _NOT_IN_NAME,
    _NOT_LAST_IN_NAME,
    AMBIGUOUS_SURNAMES,
    DOTS,
    first_dot,
    followers,
    has_surname,
    is_boundary,
    is_word,
    name_at,
    name_shaped,
)
from kg.lexicon import lexicon
from kg.text.alternation import words_re
from kg.text.document import is_cjk
from kg.text.han import HAN
from kg.text.tokens import frequent_words, word_tag

_DOT_NAME = re.compile(rf"(?:[{HAN}]{{2,7}}|[{HAN}](?=[·•・‧][{HAN}]{{3}}))"
                       rf"(?:[·•・‧][{HAN}]{{1,8}}){{1,3}}")
#: endings of a body, a place or a thing, never of a name in a list
_ITEM_BAD = re.compile(r"[省市州县区府部厅局委院会办司处站所队校馆团组社报网台]$|(?:政协|人大)$")
#: characters of Tibetan and Mongolian names that the genre's words also use (次仁, 次旦)
_IN_MINORITY_NAMES = set("次")
#: characters that stand in no name, at any place of it (a list item of other things)
_NEVER = set("的了是在和与及或等、，。；：省市州县区府部厅局委院办届年月号")
#: 日 stands in Mongolian names (斯琴格日某), not at the end of one nor after a numeral
_DAY_IN_ITEM = re.compile(r"[\d一二三四五六七八九十]日|日$")


@cache
def _not_names() -> frozenset[str]:
    """Body names and titles: never a person's name."""
    lex = lexicon()
    return frozenset(lex.national) | frozenset(lex.titles)


@cache  # a pure function of a short string
def plausible(cand: str, words_ok: bool = False, inner: bool = False) -> bool:
    """Whether `cand` may be a name in a list of names (shape aside). An `inner` item,
    between names of a list, is held only to the characters that stand in no name at all."""
    if _DOT_NAME.fullmatch(cand):
        return not lexicon().title_re.search(cand)
    if not (2 <= len(cand) <= (5 if inner else 4)) or not all(is_cjk(c) for c in cand):
        return False  # five characters only between names (乌云某某某 of a Mongolian list)
    if _odd_characters(cand, inner):
        return False
    if cand in _not_names() or _ITEM_BAD.search(cand) or lexicon().title_re.search(cand):
        return False
    # a word of the dictionary is no name, unless the list vouches for a family name or
    # (inside a list of names) the word is one of jieba's rare entries (次登)
    if is_word(cand) and not (words_ok and has_surname(cand)) and not (inner and cand not in frequent_words()):
        return False
    # a four-character item is two words (经济发展), not a name, when both halves are words
    return len(cand) < 4 or not (is_word(cand[:2]) and is_word(cand[2:]))


def _odd_characters(cand: str, inner: bool) -> bool:
    """Characters that stand in no name there; an `inner` item is held only to those that
    stand in no name at all, and 和 may open or close it (和某某, 那顺某和), not join two."""
    odd = set() if inner else _NOT_IN_NAME - _IN_MINORITY_NAMES
    never = _NEVER - {"和"} if inner and "和" not in cand[1:-1] else _NEVER
    return (any(c in never for c in cand) or any(c in odd for c in cand[1:]) or cand[-1] in _NOT_LAST_IN_NAME
            or bool(_DAY_IN_ITEM.search(cand)))


def item_end(text: str, i: int, words_ok: bool = False) -> int | None:
    """End of a list item starting at i: the whole segment up to the next `、`, else the end
    of a name there (name shape first, then the shortest plausible span before a boundary)."""
    end = name_at(text, i, long_ok=True)
    return end if end is not None else unnamed_item_end(text, i, words_ok)


def unnamed_item_end(text: str, i: int, words_ok: bool = False) -> int | None:
    """item_end where no name of shape starts at i (for a caller that has asked name_at)."""
    m = _DOT_NAME.match(text, i)
    if m:  # a list item may have a longer first part (阿不都热克甫·某某): it starts at i
        last = max(text.rfind(d, i, m.end()) for d in DOTS) + 1
        return next((e for e in range(last + 2, m.end() + 1) if is_boundary(text, e, words=False)), None)
    # an item between a 、 and a follower or clause mark is held only to what no name holds
    # (…、此里某某出席: the list has made it a name)
    last = i > 0 and text[i - 1] == "、"
    for k in (2, 3, 4):
        j = i + k
        if j <= len(text) and (j == len(text) or text[j] == "、" or is_boundary(text, j)) \
                and plausible(text[i:j], words_ok, inner=last and is_boundary(text, j, words=False)):
            return j
    # five characters only when a 、 follows (乌云某某某、甲…: a Mongolian name opening a list)
    if text.startswith("、", i + 5) and plausible(text[i:i + 5], words_ok, inner=True) \
            and not has_common_word(text[i:i + 5]):
        return i + 5
    return None


#: characters of numbers and of words about them: never in a name without a family name
_NUMBER_CHARS = set("一二三四五六七八九十百千万亿零两几首每第")
#: function words and verbs that open the clause after a title, never a name without a
#: family name (总书记对…, 同志为核心, 书记要…)
_NOT_FIRST = set("在和与及等说作是为对向从到将把被也都就还又会致同以当受要却赴带加治们共皆性条个件项")


def minority_end(text: str, i: int) -> int | None:
    """End of a name without a Han family name right after a title (副主席丹某作报告, 执行主席
    次仁某某主持): two to four characters up to a follower or a clause mark (not a mere
    word), with nothing a name never holds and no word of the dictionary."""
    if i == 0 or i >= len(text) or text[i] in _NOT_FIRST or any(text[i - n:i + 1] in frequent_words() for n in (1, 2, 3)):
        return None  # 常委会副…, 主席台执行…: the "title" was the start of a longer word
    for k in (2, 3, 4):
        j = i + k
        cand = text[i:j]
        if len(cand) < k or any(c in _NUMBER_CHARS for c in cand):
            return None
        if cand[0] == "此" and k < 4:
            continue  # 此 opens a phrase (此访, 此行) far more often than a short name
        if j < len(text) and text[j] == "、":
            return None  # a list goes on: its items decide together (people._closed_list)
        # four characters up to a comma are held only to what no name holds (欧要某某，: a
        # Tibetan name may hold 要, 里 …, which Han given names do not)
        closed = k == 4 and j < len(text) and text[j] in "，；。"
        if _clause_verb_at(text, j) and plausible(cand, words_ok=True, inner=closed) and not _common(cand) \
                and text[j - 1:j + 1] not in frequent_words() and not has_common_word(cand):
            return j
    return None


@cache
def _clause_verbs() -> re.Pattern:
    words = [w for w, k in followers().items() if k != "-"] + list(_MORE_CLAUSE_VERBS)
    return words_re(words)


#: verbs that make the name before them the clause's subject, besides those of a part
_MORE_CLAUSE_VERBS = ("宣布", "指出", "表示", "说", "同志", "当选", "宣读", "介绍", "要求", "代表", "受", "等")


def _clause_verb_at(text: str, j: int) -> bool:
    """A name without a family name ends where a clause mark or a verb of its clause starts
    (丹某作报告, 次仁某某主持), not before any word."""
    return j >= len(text) or text[j] in "，。；：！？（\n" or bool(_clause_verbs().match(text, j))


@cache
def _common(cand: str) -> bool:
    """A word of the dictionary, but for a rare one jieba calls a name or a place (乌兰)."""
    return is_word(cand) and (cand in frequent_words() or not (word_tag(cand) or "").startswith(("nr", "ns")))


@cache
def has_common_word(cand: str) -> bool:
    """Whether `cand` holds a frequent word that is no name or place (初心, 工作): a phrase,
    not a name without a family name (洛桑某某 holds 洛桑, which jieba calls a name)."""
    words = frequent_words()
    for a in range(len(cand) - 1):
        for b in range(a + 2, min(len(cand), a + 3) + 1):
            w = cand[a:b]
            if w in words and not (word_tag(w) or "").startswith(("nr", "ns")):
                return True
    return False


def name_start_after_title(text: str, a: int, b: int) -> int | None:
    """Where the name of a list's first item [a, b) starts: after the last title matched on
    the text inside it (大会执行主席周某), else after the longest name shape that ends at b."""
    title_re = lexicon().title_re
    last = None
    for m in title_re.finditer(text, a, b):
        if m.end() < b:
            last = m.end()
    if last is not None:
        if text.startswith(("为", "是", "由"), last) and name_shaped(text[last + 1:b]):
            last += 1  # 主席团常务主席为甲、乙: a copula between the title and the list
        return last if plausible(text[last:b], words_ok=True) or name_shaped(text[last:b]) else None
    dotted = [m for m in _DOT_NAME.finditer(text, a, b) if m.end() == b]
    if dotted:  # 某某某·某某: the whole transcribed name, never its last part alone
        return dotted[0].start() if plausible(dotted[0].group(0)) else None
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
        if nxt is None or _common(text[end + 1:nxt]):
            break  # 总书记甲、全国政协副主席乙: a frequent word opens the next title
        if title_re.match(text, nxt) and not name_shaped(text[end + 1:nxt]):
            break  # 主席甲、政协副主席乙: the item opens the next title, it names no one
        out.append((end + 1, nxt))
        end = nxt
    last = _last_item(text, end) if out else None
    if last is not None:
        out.append(last)
    return out


def _last_item(text: str, end: int) -> tuple[int, int] | None:
    """The item after a list's closing 和 or 及 (甲、乙和丙出席): a name of shape with a common
    family name, no ordinary word, up to a boundary (甲、乙和企业代表 ends at 乙)."""
    if end >= len(text) or text[end] not in "和及":
        return None
    nxt = name_at(text, end + 1)
    if nxt is None:
        return None
    cand = text[end + 1:nxt]
    if not (name_shaped(cand) and has_surname(cand)) or _common(cand) or not accept(cand, strong=False):
        return None
    return end + 1, nxt


@cache
def accept(cand: str, strong: bool) -> bool:
    """Whether a name-shaped string may be a person; ordinary words need a strong context."""
    if not cand or cand in _not_names():
        return False
    if is_word(cand):
        return False if not strong else len(cand) >= 3 and not _ITEM_BAD.search(cand)
    return True


Found = dict[str, list[tuple[int, int]]]

_LIST = re.compile(r"(?:[^\s、，。；：！？“”《》（）]{2,12}、){2,}[^\s、，。；：！？“”《》（）]{2,16}")


#: a stretch no list crosses (its items hold none of these characters but 、)
_STRETCH = re.compile(r"[^\s，。；：！？“”《》（）]+")


def _lists(text: str) -> list[re.Match]:
    """_LIST's matches on the text, found only in the stretches between clause marks that
    hold two 、 at least (the same matches: none crosses such a mark; scanning every
    position of a long article with _LIST cost more than all the rest of list_mode)."""
    out = []
    for s in _STRETCH.finditer(text):
        if text.count("、", s.start(), s.end()) >= 2:
            out.extend(_LIST.finditer(text, s.start(), s.end()))
    return out


def _items(text: str, m: re.Match) -> list[tuple[int, int]]:
    """The items of a `、`-list match: the last one ends with its name; the first one
    starts after any title written before its name."""
    items, pos = [], m.start()
    parts = m.group(0).split("、")
    for k, part in enumerate(parts):
        a = pos
        if k == len(parts) - 1:  # the last item ends with its name (吴某春与…: item_end's)
            end = name_at(text, a, long_ok=True) or item_end(text, a, words_ok=True)
            b = end if end is not None else a + len(part)
        else:
            b = a + len(part)
        items.append((a, b))
        pos += len(part) + 1
    a0, b0 = items[0]
    start = name_start_after_title(text, a0, b0)
    items[0] = (start if start is not None else a0, b0)
    return items


def _shaped(c: str) -> bool:
    return name_shaped(c) or (len(c) == 4 and not name_shaped(c[:3]) and has_surname(c)
                              and all(is_cjk(ch) for ch in c) and not _ITEM_BAD.search(c))


def _strong(c: str) -> bool:
    """An item of a list that is a name by its shape alone."""
    return _shaped(c) and c[0] not in AMBIGUOUS_SURNAMES


def list_mode(doc, found: Found) -> None:
    """A `、`-list of mostly name-shaped items names people in every item (list closure):
    the inner items whatever their shape, a family name that is also a function word
    included once the list is established (…、铁某和其他成员)."""
    text = doc.text
    for m in _lists(text):
        # _items moves only the first item's start and the last one's end: most lists (of
        # things) have too few names among the others to pass _names_list, whatever those two
        parts = m.group(0).split("、")
        if sum(_strong(c) for c in parts[1:-1]) + 2 < max(3, 0.5 * len(parts)):
            continue
        items = _items(text, m)
        cands = [text[a:b] for a, b in items]
        strong = [_strong(c) for c in cands]
        if not _names_list(text, items, cands, strong):
            continue
        for k, ((a, b), c, ok) in enumerate(zip(items, cands, strong, strict=True)):
            # an item between names, or the last one up to a follower (…、吴某春与…)
            inner = 0 < k < len(items) - 1 or (k > 0 and k == len(items) - 1 and is_boundary(text, b, words=False))
            if ok and accept(c, strong=True):
                found.setdefault(c, []).append((a, b))
            elif c[0] in AMBIGUOUS_SURNAMES and _shaped(c) and c[1:] not in frequent_words() \
                    and c[:2] not in frequent_words():
                found.setdefault(c, []).append((a, b))
            elif inner and c[0] not in AMBIGUOUS_SURNAMES and plausible(c, words_ok=True, inner=True):
                found.setdefault(c, []).append((a, b))


def _names_list(text: str, items: list[tuple[int, int]], cands: list[str], strong: list[bool]) -> bool:
    """Most items have the shape of a name, and the others could be names (a Tibetan list
    has half its names without a family name); few are words; no noun after 等."""
    words = sum(1 for c in cands if is_word(c) or _ITEM_BAD.search(c))
    others = sum(1 for c, ok in zip(cands, strong, strict=True) if not ok and plausible(c, True, inner=True))
    return (sum(strong) >= max(3, 0.5 * len(cands)) and sum(strong) + others >= 0.75 * len(cands)
            and words <= len(cands) // 3 and _person_list(text, items))


#: what follows a list of people (…、丙等同志, …、丙等8位代表), not of places or things
#: (兰某、郑某等产业带)
_AFTER_PEOPLE = re.compile(r"等(?:\d+|[一二三四五六七八九十两]+)?[位名人]?[^，。；、]{0,8}?"
                           r"(?:人|家|员|表|者|导|志|士|长|们|友|生|[出列参到就在也分先作发])")


def _person_list(text: str, items: list[tuple[int, int]]) -> bool:
    """A list of name-shaped items is of people unless `等` and a noun end it."""
    end = items[-1][1]
    if not text.startswith("等", end) or end + 1 >= len(text) or not is_cjk(text[end + 1]):
        return True
    return bool(_AFTER_PEOPLE.match(text, end))


def dot_mode(doc, found: Found) -> None:
    """A transcribed name standing as an item of its own (…，阿不都某某·某某，秘书长…): a
    `·`-joined string between clause or list marks, none of its parts a title, a place or
    a common word (中国·兰州, 红色·记忆 are no names)."""
    text = doc.text
    first = first_dot(text)
    if first < 0:
        return
    # a match holds a dot at most seven characters after its start: none starts earlier
    for m in _DOT_NAME.finditer(text, max(0, first - 7)):
        a = m.start()
        if a > 0 and text[a - 1] not in "，、：；（\n ":
            continue
        end = item_end(text, a, words_ok=True)
        if end is None or not is_boundary(text, end, words=False):
            continue
        cand = text[a:end]
        parts = re.split(f"[{DOTS}]", cand)
        if lexicon().title_re.search(cand) or any(not p or _common(p) or has_common_word(p) for p in parts):
            continue
        found.setdefault(cand, []).append((a, end))
