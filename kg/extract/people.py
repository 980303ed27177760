"""People: names the context makes names.

jieba's `nr` tags are not trusted on their own (they split 林志远, call 红旗 a person). A
string of name shape (kg.extract.names) is a person when
- a title or post stands right before it (执行主席周明远, 记者陈静), and so is every name
  that continues the list after it (冯晓光、蒋安平、…);
- it opens a clause and a verb follows (周明远宣布, 林志远在报告中指出), or a title
  follows (…总书记, …同志);
- it stands in a list of three or more name-shaped items (郑远航、吴鹏、…);
- it credits a photograph (何晓峰 摄).
Once known, every occurrence of a name is a mention, headlines included, where names
often run together with no separator (许国安韩立新出席).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts
from kg.extract.name_lists import continue_list, item_end, name_start_after_title, plausible
from kg.extract.names import (
    AMBIGUOUS_SURNAMES,
    clause_start,
    followers,
    is_word,
    name_at,
    name_before,
    name_shaped,
)
from kg.lexicon import lexicon
from kg.text.document import Document, is_cjk
from kg.text.tokens import frequent_words, word_tag

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("organizations",)
ADDS = ("people",)


_LIST = re.compile(r"(?:[^\s、，。；：！？“”《》（）]{2,12}、){2,}[^\s、，。；：！？“”《》（）]{2,16}")
_PHOTO = re.compile(r"([\u4e00-\u9fff·]{2,8}) ?摄(?:$|\n|[，。；）)])", re.M)
_SUBJECT_VERBS = {"宣布", "指出", "表示", "说", "在", "代表", "同志", "当选", "会见", "接见", "受", "要求",
                  "希望", "介绍", "汇报", "宣读", "考察", "调研", "看望", "慰问", "认为"}
_ITEM_BAD = re.compile(r"[省市县区府部厅局委院会办司处站所队校馆]$")


def _accept(cand: str, strong: bool) -> bool:
    """Whether a name-shaped string may be a person; ordinary words need a strong context."""
    if not cand or cand in _not_names():
        return False
    if is_word(cand):
        return False if not strong else len(cand) >= 3 and not _ITEM_BAD.search(cand)
    return True


@cache
def _not_names() -> frozenset[str]:
    """Body names and titles: never a person's name."""
    lex = lexicon()
    return frozenset(lex.national) | frozenset(lex.titles)


def _after_title(text: str, i: int) -> int | None:
    """End of the name right after a title at i: a name's shape, else (a title's list goes
    on, 副主席咸某、王某) a plausible item up to the `、`."""
    end = name_at(text, i, long_ok=True)
    if end is not None and _accept(text[i:end], strong=False) and not _function_start(text, i, end):
        return end
    end = item_end(text, i)
    if end is not None and end < len(text) and text[end] == "、" and plausible(text[i:end]):
        # the list must go on with a name of shape (守初心、担使命 is no list of names)
        nxt = name_at(text, end + 1, long_ok=True)
        if nxt is not None and _accept(text[end + 1:nxt], strong=False):
            return end
    return None


def _function_start(text: str, i: int, end: int) -> bool:
    """和企业, 与其他, 来到评议, 任山东省委书记: a function word or verb and a word, not a family
    name and a given name (和, 来, 任 are family names too)."""
    cand = text[i:end]
    if cand[0] not in AMBIGUOUS_SURNAMES:
        return False
    if cand[0] in "和与及同" and is_word(cand[1:]):
        return True
    if cand[:2] in frequent_words() and word_tag(cand[:2]) in ("v", "p", "c", "d"):
        return True
    # 任山东省委书记: a verb, then a place and the post
    return cand[1:] in frequent_words() and bool(re.match(r"[省市县区州]|" + lexicon().title_re.pattern, text[end:]))


def _title_mode(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for m in ctx.lexicon.title_re.finditer(text):
        end = _after_title(text, m.end())
        if end is None:
            continue
        found.setdefault(text[m.end():end], []).append((m.end(), end))
        # the title is shared by every item that continues the list (list closure)
        for a, b in continue_list(text, end):
            found.setdefault(text[a:b], []).append((a, b))


@cache
def _subject_verbs() -> re.Pattern:
    """Words that make the clause's opening a subject; 和, 同, 对 … follow ordinary words too."""
    words = [w for w, k in followers().items() if k != "-" or w in _SUBJECT_VERBS]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _verb_mode(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for rx_ in (_subject_verbs(), ctx.lexicon.title_re):
        for m in rx_.finditer(text):
            start = clause_start(text, m.start())
            i = name_before(text, m.start(), start)
            if i is None:
                continue
            cand = text[i:m.start()]
            if is_word(text[m.start() - 1:m.end()]) or is_word(text[m.start() - 1:m.start() + 2]):
                continue  # 宗教工作: the verb 作 is the end of a word, not after a name
            if cand[0] not in AMBIGUOUS_SURNAMES and _accept(cand, strong=False):
                found.setdefault(cand, []).append((i, m.start()))


def _list_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for m in _LIST.finditer(text):
        items, pos = [], m.start()
        parts = m.group(0).split("、")
        for k, part in enumerate(parts):
            a = pos
            if k == len(parts) - 1:
                end = name_at(text, a, long_ok=True)
                b = end if end is not None else a + len(part)
            else:
                b = a + len(part)
            items.append((a, b))
            pos += len(part) + 1
        # the first item may carry a title or other words before the name
        a0, b0 = items[0]
        start = name_start_after_title(text, a0, b0)
        items[0] = (start if start is not None else a0, b0)
        cands = [text[a:b] for a, b in items]
        shaped = [name_shaped(c) or (len(c) == 4 and name_shaped(c[:3]) is False and _four(c)) for c in cands]
        words = sum(1 for c in cands if is_word(c) or _ITEM_BAD.search(c))
        shaped = [ok and c[0] not in AMBIGUOUS_SURNAMES for c, ok in zip(cands, shaped, strict=True)]
        if sum(shaped) >= max(3, 0.75 * len(cands)) and words <= len(cands) // 3 and _person_list(text, items):
            for k, ((a, b), c, ok) in enumerate(zip(items, cands, shaped, strict=True)):
                if ok and c[0] not in AMBIGUOUS_SURNAMES and _accept(c, strong=True):
                    found.setdefault(c, []).append((a, b))
                elif 0 < k < len(items) - 1 and c[0] not in AMBIGUOUS_SURNAMES and plausible(c, words_ok=True):
                    found.setdefault(c, []).append((a, b))  # closed by the names around it


#: what follows a list of people (…、丙出席, …、丙等同志, …、丙在主席台就座), not of places or
#: things (许某、郑某等产业带)
_AFTER_PEOPLE = re.compile(r"等(?:\d+|[一二三四五六七八九十两]+)?[位名人]?[^，。；、]{0,8}?"
                           r"(?:人|家|员|表|者|导|志|士|长|们|友|生|[出列参到就在也分先作发])")


def _person_list(text: str, items: list[tuple[int, int]]) -> bool:
    """A list of name-shaped items is of people unless `等` and a noun end it (郑焦、郑新等产业带)."""
    end = items[-1][1]
    if not text.startswith("等", end) or end + 1 >= len(text) or not is_cjk(text[end + 1]):
        return True
    return bool(_AFTER_PEOPLE.match(text, end))


def _four(c: str) -> bool:
    from kg.extract.names import has_surname

    return has_surname(c) and all("\u4e00" <= ch <= "\u9fff" for ch in c) and not _ITEM_BAD.search(c)


_ELECTED = re.compile(r"(?:选举|任命|补选|决定任命|推选|增补)(?=[\u4e00-\u9fff·、]{2,60}?为)")


def _election_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    """选举X为省长, 任命A、B、C为副秘书长: every name between the verb and 为."""
    text = doc.text
    for m in _ELECTED.finditer(text):
        items, i = [], m.end()
        while True:
            end = item_end(text, i, words_ok=True)
            if end is None or not plausible(text[i:end], words_ok=True) and not name_shaped(text[i:end]):
                break
            items.append((i, end))
            if not text.startswith("、", end):
                break
            i = end + 1
        if items and text.startswith("为", items[-1][1]):
            for a, b in items:
                found.setdefault(text[a:b], []).append((a, b))


_LEADER = re.compile(r"([\u4e00-\u9fff]{2,3})(?=总书记|同志为核心)")


def _leader_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    """A name before 总书记 or in 以…同志为核心, wherever it stands in the clause."""
    for m in _LEADER.finditer(doc.text):
        for k in (0, 1):
            cand = m.group(1)[k:]
            if len(cand) >= 2 and name_shaped(cand) and not is_word(cand):
                found.setdefault(cand, []).append((m.start(1) + k, m.end(1)))
                break


def _photo_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    for m in _PHOTO.finditer(doc.text):
        cand = m.group(1)
        if name_shaped(cand):
            found.setdefault(cand, []).append(m.span(1))


def _cut_short(name: str, found: dict, text: str) -> bool:
    """True when `name` is a longer found name cut short (陈立 of 陈立和, read before 和):
    wherever it occurs, the longer name's remaining characters follow."""
    for other in found:
        if len(other) > len(name) and other.startswith(name):
            rest = other[len(name):]
            if all(text.startswith(rest, m.end()) for m in re.finditer(re.escape(name), text)):
                return True
    return False


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Add every person of the article with all the spans where the name occurs."""
    found: dict[str, list[tuple[int, int]]] = {}
    _title_mode(doc, ctx, found)
    _verb_mode(doc, ctx, found)
    _list_mode(doc, found)
    _photo_mode(doc, found)
    _leader_mode(doc, found)
    _election_mode(doc, found)
    names = [n for n in found if n not in facts.organizations and not _cut_short(n, found, doc.text)]
    if not names:
        return
    rx = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    for m in rx.finditer(doc.text):
        facts.add_person(m.group(0), m.span())
