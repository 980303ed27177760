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
from kg.text.document import Document

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


def _title_mode(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for m in ctx.lexicon.title_re.finditer(text):
        end = name_at(text, m.end(), long_ok=True)
        if end is None or not _accept(text[m.end():end], strong=False):
            continue
        found.setdefault(text[m.end():end], []).append((m.end(), end))
        # the title is shared by the names that continue the list
        while end < len(text) and text[end] == "、" and not ctx.lexicon.title_re.match(text, end + 1):
            nxt = name_at(text, end + 1, long_ok=True)
            if nxt is None or not _accept(text[end + 1:nxt], strong=True):
                break
            found.setdefault(text[end + 1:nxt], []).append((end + 1, nxt))
            end = nxt


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
        for n in (4, 3, 2):
            if b0 - n >= a0 and name_shaped(text[b0 - n:b0]):
                items[0] = (b0 - n, b0)
                break
        cands = [text[a:b] for a, b in items]
        shaped = [name_shaped(c) or (len(c) == 4 and name_shaped(c[:3]) is False and _four(c)) for c in cands]
        words = sum(1 for c in cands if is_word(c) or _ITEM_BAD.search(c))
        if sum(shaped) >= max(3, 0.75 * len(cands)) and words <= len(cands) // 3:
            for (a, b), c, ok in zip(items, cands, shaped, strict=True):
                if ok and c[0] not in AMBIGUOUS_SURNAMES and _accept(c, strong=True):
                    found.setdefault(c, []).append((a, b))


def _four(c: str) -> bool:
    from kg.extract.names import has_surname

    return has_surname(c) and all("\u4e00" <= ch <= "\u9fff" for ch in c) and not _ITEM_BAD.search(c)


_ELECTED = re.compile(r"(?:选举|任命|补选|决定任命)(?=[\u4e00-\u9fff·]{2,12}为)")


def _election_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    """选举X为省长: the name between the verb and 为."""
    text = doc.text
    for m in _ELECTED.finditer(text):
        end = name_at(text, m.end(), long_ok=True)
        if end is not None and text.startswith("为", end) and _accept(text[m.end():end], strong=True):
            found.setdefault(text[m.end():end], []).append((m.end(), end))


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
