"""People: names the context makes names.

jieba's `nr` tags are not trusted on their own (they split 林志远, call 红旗 a person). A
string of name shape (kg.extract.names) is a person when
- a title or post stands right before it (执行主席周明远, 记者罗安), and so is every name
  that continues the list after it (冯晓光、蒋安平、…);
- it opens a clause and a verb follows (周明远宣布, 林志远在报告中指出), or a title
  follows (…总书记, …同志);
- it stands in a list of three or more name-shaped items (郑远航、吴鹏、…);
- it credits a photograph (宋清远 摄).
Once known, every occurrence of a name is a mention, headlines included, where names
often run together with no separator (许国安韩立新出席).
"""

from __future__ import annotations

import re
from functools import cache

from kg.extract import second_opinion
from kg.extract.byline_names import CREDIT, byline_mode, run_together
from kg.extract.context import Context
from kg.extract.cued_lists import cue_list_mode, election_mode
from kg.extract.facts import ArticleFacts
from kg.extract.name_lists import (
    accept,
    continue_list,
    dot_mode,
    has_common_word,
    list_mode,
    minority_end,
    plausible,
    unnamed_item_end,
)
from kg.extract.names import (
    AMBIGUOUS_SURNAMES,
    FREQUENT_SURNAMES,
    clause_start,
    followers,
    has_surname,
    is_boundary,
    is_word,
    name_at,
    name_before,
    name_shaped,
)
from kg.lexicon import lexicon
from kg.text.alternation import words_re
from kg.text.document import Document
from kg.text.han import HAN
from kg.text.tokens import frequent_words, word_tag

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("organizations",)
ADDS = ("people",)


_PHOTO = re.compile(rf"([{HAN}·•・‧]{{2,10}}) ?摄(?:影报道)?(?:$|\n|[，。；）)])", re.M)
_SUBJECT_VERBS = {"宣布", "指出", "表示", "说", "在", "代表", "同志", "当选", "会见", "接见", "受", "要求",
                  "希望", "介绍", "汇报", "宣读", "考察", "调研", "看望", "慰问", "认为"}


def _after_title(text: str, i: int) -> int | None:
    """End of the name right after a title at i: a name's shape, else (a title's list goes
    on, 副主席咸某、王某) a plausible item up to the `、`."""
    end = name_at(text, i, long_ok=True)
    day = _day_name_end(text, i)
    if day is not None and (end is None or end < day):
        return day  # 朴某日出席: not 朴某 before the word 日出
    if end is not None and accept(text[i:end], strong=False) and not _function_start(text, i, end):
        return end
    # 副主席和某某、乙、丙出席: a family name that is a function word opens a list of names
    # the title shares; the list, closed by a follower, vouches for it (和企业、… holds a word)
    if end is not None and text.startswith("、", end) and _closed_list(text, i, end):
        return end
    end = unnamed_item_end(text, i) if end is None else end  # (item_end, name_at asked already)
    # (item_end has held a five-character first item, 乌云某某某、…, to a list's standard)
    if end is not None and end < len(text) and text[end] == "、" and (plausible(text[i:end]) or end - i == 5):
        # the list must go on with a name of shape (守初心、担使命 is no list of names), or
        # with names without a family name up to the list's end (丹某、次仁某某出席)
        nxt = name_at(text, end + 1, long_ok=True)
        if nxt is not None and accept(text[end + 1:nxt], strong=False):
            return end
        if _closed_list(text, i, end):
            return end
    return minority_end(text, i)


#: characters before 日 that make a time word (次日, 当日, 节日), not a given name
_TIME_BEFORE_DAY = set("今昨明次当每连近终节生平翌是同即前后元周假往旧春夏秋冬白末首逐择吉忌抗某数半整")


def _day_name_end(text: str, i: int) -> int | None:
    """A three-character name ending in 日 after a title (州长朴某日出席): 日 ends given names
    of Korean and Mongolian shape; not a time word (次日, 当日) nor before a numeral."""
    cand = text[i:i + 3]
    if len(cand) < 3 or cand[2] != "日" or cand[1] in _TIME_BEFORE_DAY or not has_surname(cand) \
            or cand[0] in AMBIGUOUS_SURNAMES or not name_shaped(cand[:2] + "华"):
        return None  # (the first two characters must make a name with an ordinary last one)
    return i + 3 if is_boundary(text, i + 3, words=False) else None


def _closed_list(text: str, start: int, end: int) -> bool:
    """Whether the `、`-list [start, end)、… is all plausible names up to a follower or a
    clause mark (a list of names of any shape under a title)."""
    items = continue_list(text, end)
    if not items or any(has_common_word(text[a:b]) or _numbered(text[a:b]) for a, b in [(start, end)] + items):
        return False  # 不忘初心、守初心、担使命: phrases, not names
    last = items[-1][1]
    return last >= len(text) or is_boundary(text, last, words=False) and not text.startswith("、", last)


_NUMBERS = re.compile("[一二三四五六七八九十百千万两几]")


def _numbered(item: str) -> bool:
    """四个意识, 两学一做: a numbered phrase; a numeral inside a name (孙诺七某) is no such."""
    return bool(_NUMBERS.match(item)) or len(_NUMBERS.findall(item)) > 1


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
    return cand[1:] in frequent_words() and (text[end:end + 1] in ("省", "市", "县", "区", "州")
                                             or bool(lexicon().title_re.match(text, end)))


#: titles of a meeting's officers, whose holders are named after 为, 是, 由 or 有 (常务主席为甲、乙,
#: 副秘书长由甲、乙担任, 在前排就座的执行主席有甲、乙)
_NAMED_BY_COPULA = ("主席", "秘书长", "主任", "组长")


def _title_mode(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for m in ctx.lexicon.title_re.finditer(text):
        if any(a <= m.start() < b for a, b in doc.bylines):
            continue  # a byline's names are read by byline_mode (记者冯某肖某 is two people)
        start = m.end()
        if text.startswith(("：", ":"), start) and (m.start() == 0 or text[m.start() - 1] in "\n；;"):
            start += 1  # a list of officers: 主任：甲；副主任：乙（某族）；
        if text.startswith(("为", "是", "由", "有"), start) and m.group(0).endswith(_NAMED_BY_COPULA):
            # 常务主席为甲、乙 / 执行主席有：甲、乙: a copula (and a colon) between a title and a
            # list of names; 有 would otherwise be read as a family name (有某某)
            skip = 2 if text.startswith(("：", ":"), start + 1) else 1
            end = _after_title(text, start + skip)
            if end is not None and text.startswith(("、", "。", "，", "；"), end) \
                    and not has_common_word(text[start + skip:end]):  # 委员为国履职、…
                start += skip
            else:
                end = _after_title(text, start)
        else:
            end = _after_title(text, start)
        if end is None:
            continue
        found.setdefault(text[start:end], []).append((start, end))
        # the title is shared by every item that continues the list (list closure)
        for a, b in continue_list(text, end):
            found.setdefault(text[a:b], []).append((a, b))


#: 戴某等340人被授予…: a name that stands for a counted group
_SOME_OF = re.compile(r"等(?:\d+|[一二三四五六七八九十百千两]+)(?:人|名|位)")


@cache
def _subject_verbs() -> re.Pattern:
    """Words that make the clause's opening a subject; 和, 同, 对 … follow ordinary words too."""
    words = [w for w, k in followers().items() if k != "-" or w in _SUBJECT_VERBS]
    return words_re(words)


def _verb_mode(doc: Document, ctx: Context, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for rx_ in (_subject_verbs(), ctx.lexicon.title_re, _SOME_OF):
        for m in rx_.finditer(text):
            start = clause_start(text, m.start())
            i = name_before(text, m.start(), start)
            if i is None and rx_ is ctx.lexicon.title_re and text.startswith(_AFTER_NAME_TITLES, m.start()):
                k = _minority_before(text, start, m.start(), found)
                if k is not None:
                    found.setdefault(text[k:m.start()], []).append((k, m.start()))
                continue
            if i is None:
                continue
            cand = text[i:m.start()]
            if is_word(text[m.start() - 1:m.end()]) or is_word(text[m.start() - 1:m.start() + 2]):
                continue  # 宗教工作: the verb 作 is the end of a word, not after a name
            if cand[0] not in AMBIGUOUS_SURNAMES and accept(cand, strong=False):
                found.setdefault(cand, []).append((i, m.start()))


#: titles written after a name (某某副委员长主持会议)
_AFTER_NAME_TITLES = ("总书记", "委员长", "副委员长", "副主席")


def _minority_before(text: str, start: int, j: int, known: dict) -> int | None:
    """A name without a family name opening its clause before a title written after it
    (向某平措副委员长主持): the whole opening, two to four characters, of a name's make."""
    cand = text[start:j]
    if 2 <= len(cand) <= 4 and plausible(cand, words_ok=True) and not has_common_word(cand) \
            and not is_word(cand) and not _NUMBERS.search(cand) and cand[0] not in "以对为与和同在将把被从由经" \
            and not any(name_shaped(cand[k:]) and (cand[k] in FREQUENT_SURNAMES or cand[k:] in known)
                        for k in range(1, len(cand) - 1)):
        return start  # (以某某某总书记, 向某某某委员长: a word before a Han name is no part of it)
    return None


_LEADER = re.compile(rf"([{HAN}]{{2,3}})(?=总书记|同志为核心)")


def _leader_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    """A name before 总书记 or in 以…同志为核心, wherever it stands in the clause."""
    for m in _leader_matches(doc.text):
        for k in (0, 1):
            cand = m.group(1)[k:]
            if len(cand) >= 2 and name_shaped(cand) and not is_word(cand):
                found.setdefault(cand, []).append((m.start(1) + k, m.end(1)))
                break


def _leader_matches(text: str) -> list[re.Match]:
    """_LEADER's matches, tried only two and three characters before each 总书记 or
    同志为核心 (every match ends at one; the two never overlap, so each gives one match at
    most, in text order): what finditer finds, without trying every position of the text."""
    out: list[re.Match] = []
    pos = 0
    for w in _LEADER_WORDS.finditer(text):
        for p in (w.start() - 3, w.start() - 2):
            m = _LEADER.match(text, p) if p >= pos else None
            if m:
                out.append(m)
                pos = m.end()
                break
    return out


_LEADER_WORDS = re.compile("总书记|同志为核心")


def _photo_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    """宋清远 摄; after a credit word (本报记者 旦增某某 摄) any plausible name, as in a byline."""
    text = doc.text
    first = text.find("摄")
    if first < 0:
        return  # (a match ends with 摄, at most eleven characters after its start)
    for m in _PHOTO.finditer(text, max(0, first - 11)):
        cand = m.group(1)
        if name_shaped(cand):
            found.setdefault(cand, []).append(m.span(1))
            continue
        a = m.start(1)
        if (a == 0 or text[a - 1] in "\n （(") and 2 <= len(cand) <= 4 and plausible(cand, words_ok=True) \
                and not has_common_word(cand):
            found.setdefault(cand, []).append(m.span(1))  # 拉某卓玛 摄: a name without a family name
            continue
        credit = list(CREDIT.finditer(cand))
        if credit and credit[-1].end() < len(cand):
            a = m.start(1) + credit[-1].end()
            pair = run_together(text, a, m.end(1))
            if pair:  # 记者甲某乙某摄: two photographers written without a separator
                for x, y in pair:
                    found.setdefault(text[x:y], []).append((x, y))
            elif plausible(text[a:m.end(1)], words_ok=True) or name_shaped(text[a:m.end(1)]):
                found.setdefault(text[a:m.end(1)], []).append((a, m.end(1)))


#: a caption's position mark after a name (甲（左）、乙（右）握手), and a deputy named after
#: the body that elected them (某市选举的甲、某市选举的乙，因工作变动…)
_MARKED = re.compile(r"（(?:左|右|中|前|后)[一二三四五六七八九]?）")
_ELECTED_BY = re.compile(r"选举的")


def _marked_mode(doc: Document, found: dict[str, list[tuple[int, int]]]) -> None:
    text = doc.text
    for m in _MARKED.finditer(text):
        for n in (3, 2, 4):
            a = m.start() - n
            if a >= 0 and (a == 0 or text[a - 1] in "、，。；\n " or text[a - 2:a] == "图为") \
                    and name_shaped(text[a:m.start()]) \
                    and not is_word(text[a:m.start()]):
                found.setdefault(text[a:m.start()], []).append((a, m.start()))
                break
    for m in _ELECTED_BY.finditer(text):
        end = name_at(text, m.end())
        if end is not None and text[end:end + 1] in ("、", "，", "因") and accept(text[m.end():end], strong=False) \
                and not _function_start(text, m.end(), end):
            found.setdefault(text[m.end():end], []).append((m.end(), end))


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
    list_mode(doc, found)
    cue_list_mode(doc, found)
    byline_mode(doc, found)
    _photo_mode(doc, found)
    _leader_mode(doc, found)
    _marked_mode(doc, found)
    election_mode(doc, found)
    dot_mode(doc, found)
    if ctx.tagger:  # opt-in: kg build --tagger lac
        second_opinion.add(doc, ctx, found, facts.organizations)
    names = [n for n in found if n not in facts.organizations and not _cut_short(n, found, doc.text)]
    for a, b in _occurrences(doc.text, names):
        facts.add_person(doc.text[a:b], (a, b))


def _occurrences(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Every occurrence of the names, left to right, the longest at each place, none inside
    the one before: what `words_re(names).finditer` finds, without compiling a pattern of
    each article's names (that was a fifth of this step); no mode gives an empty name."""
    longest: dict[int, int] = {}
    for name in names:
        k = text.find(name)
        while k >= 0 and name:
            longest[k] = max(longest.get(k, 0), len(name))
            k = text.find(name, k + 1)
    out, end = [], 0
    for k in sorted(longest):
        if k >= end:
            end = k + longest[k]
            out.append((k, end))
    return out
