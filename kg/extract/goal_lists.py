"""Finding the enumerated lists of an article: where each list is and what its items' spans are.

Political news enumerates what was achieved, what was done and what is to be done.
Two families of list are found:

- marked lists: `一是…二是…` / `一要…二要…`, `第一，…第二，…`, `（一）…（二）…`,
  `首先…其次…最后`; two items suffice because the markers make the list explicit;
- unmarked parallel lists: three or more `；`-separated items of one sentence after
  a cue (`要…；…；…。`, `回顾：A；B；C。`), and three or more consecutive sentences of
  one paragraph opening alike (`要进一步…。要进一步…。`). Prose is full of single
  semicolons and repeated subjects, so these need three items, a shared head or an
  explicit cue (kg.extract.goals drops an unmarked list whose cue says no kind).

Not lists: a report's outline (`报告共分三个部分：一、…；二、…`) and `一、` headings;
`一、` is never a marker here and sentences announcing parts (共分/分为…部分) are skipped.

An item's span covers its text without its ordinal marker, up to the full stop,
semicolon or comma before the next item. What a list is (task, achievement, work), its
year and what it belongs to are kg.extract.goals' job.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.facts import Span
from kg.extract.item_frames import common_prefix, prefix_len, template
from kg.extract.line_index import LineIndex
from kg.text.document import Document

_NUM = "一二三四五六七八九十"
_DIGIT = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九")}

def _opened(n: int) -> str:
    """A marker must open a clause (text start, line start, or after punctuation): the test,
    written `n` characters into the marker. A pattern opening with the marker's first
    character is searched from one such character to the next; one opening with the test
    was tried at every position of the text."""
    return rf"(?:(?<=^{'.' * n})|(?<=[\n。；，：！？”、 ]{'.' * n}))"


#: marker families: regex with the numeral in group 1, and whether a marker opening a line
#: with no sentence in it (a numbered heading) is an item: （一）加快建设… heads a task of a
#: work report; 一、2024年工作回顾 is a part of its outline
_FAMILIES = (
    (re.compile(rf"([{_NUM}]{_opened(1)}[{_NUM}]{{0,2}})(?:是|要)(?=[^，。；])", re.M), False),  # 一是 / 一要
    (re.compile(rf"第{_opened(1)}([{_NUM}]{{1,3}})(?:是|，|：|、)", re.M), False),  # 第一，/ 第一是
    (re.compile(rf"[（(]([{_NUM}]{{1,3}})[）)]"), True),  # （一）
    (re.compile(rf"([{_NUM}]{_opened(1)}[{_NUM}]{{0,2}})、(?=[^，。；、\d{_NUM}])", re.M), False),  # 一、 in a speech
)
#: a part of a report's outline: a line opening with 一、
_PART = re.compile(rf"^[{_NUM}]{{1,3}}、", re.M)
#: ——经济运行总体平稳。: a paragraph opening with a dash
_DASH = re.compile(r"^——(?=[^\d—])", re.M)
_TASK_HEADING = 8  # characters of a heading that states a task (（一）加快建设…), not a label (（一）总体要求)
_MIN_DASHES = 3  # dashed paragraphs in a row that make a list (one is a subtitle or a quote)
_INDENT = 4  # characters of indent before a marker that opens its paragraph
#: 首先…其次…再次…最后: the word's rank in the list (最后 closes any length)
_SEQUENCE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
_SEQUENCE_RE = re.compile(rf"(首先|其次|再次|最后){_opened(2)}(?:是|要|，)?", re.M)

_YAO_CLAUSE = re.compile(r"(?:今年|明年|全年|我们|下一步|今后)?要")
_YAO_TRIES = 4  # 要 of a clause tried as the cue before a `；` list's first item
_MAX_GAP = 900  # characters between two markers of one list: farther apart is another list
_ITEM_END = re.compile(r"[。！？；\n]")
_OUTLINE = re.compile(r"共分|分为[^。]{0,6}部分|(?:^|[：；，。\n])[一二三四五六七八九十]、")
_SENTENCE_STOP = re.compile(r"[。；]")
_SPEECH = re.compile(r"^[^，。]{0,6}(?:说|指出|强调|表示|认为|要求|提出|决定|通过|听取|审议|宣布)")


@dataclass
class EnumeratedList:
    """One list: its items' spans in order, and what introduces it."""

    items: list[Span]
    cue: Span  # the text before the first item that introduces the list
    lead: str = ""  # what opens every item (要 / a shared head), a kind cue too
    marked: bool = False  # enumerated with ordinal markers


def find_lists(doc: Document, ix: LineIndex) -> list[EnumeratedList]:
    """The enumerated lists of `doc`'s body, in text order; they do not overlap: where two
    lists would, the one an earlier finder (marked, sequence, semicolon, sentence) gives wins.

    Each finder's lists are merged into those kept in one pass over both, both sorted and
    disjoint (inserting one by one into a sorted list costs time quadratic in the number of
    lists when two finders' lists interleave)."""
    kept: list[EnumeratedList] = []
    for stage in _stages(doc, ix):
        accepted: list[EnumeratedList] = []
        i, last_end = 0, -1
        for lst in sorted(stage, key=_start):
            a, b = _start(lst), lst.items[-1][1]
            while i < len(kept) and kept[i].items[-1][1] <= a:
                i += 1
            if (i < len(kept) and _start(kept[i]) < b) or a < last_end:
                continue  # overlaps a list kept before, or one of this finder's own
            accepted.append(lst)
            last_end = b
        kept = list(heapq.merge(kept, accepted, key=_start))
    return kept


def _start(lst: EnumeratedList) -> int:
    return lst.items[0][0]


def _stages(doc: Document, ix: LineIndex) -> Iterator[list[EnumeratedList]]:
    """The finders' lists, finder by finder in order of precedence."""
    for family, headings in _FAMILIES:
        marks = [(_ordinal(m.group(1)), m.start(), m.end()) for m in family.finditer(doc.text, doc.body_start)
                 if not _is_heading(ix, m.start()) or (headings and ix.line_end(m.start()) - m.end() >= _TASK_HEADING)]
        yield _chain(doc, ix, marks)
    yield _sequence_lists(doc, ix)
    yield _dash_lists(doc, ix)
    yield _semicolon_lists(doc, ix)
    yield _sentence_lists(doc, ix)


def _ordinal(numeral: str) -> int:
    """1..99 from 一, 十, 十二, 二十三."""
    if "十" not in numeral:
        return _DIGIT.get(numeral, 0)
    tens, _, ones = numeral.partition("十")
    return _DIGIT.get(tens, 1) * 10 + _DIGIT.get(ones, 0)


def _trim(text: str, a: int, b: int, drop_yao: bool = True) -> Span:
    """The span [a, b) without surrounding spaces and punctuation and, with `drop_yao`,
    without a leading 要 that opens every item (`一是要加强…`): the item's own text."""
    while a < b and text[a] in " ，、：:":
        a += 1
    if drop_yao and text.startswith("要", a) and b - a > 3:
        a += 1
    while b > a and text[b - 1] in " ，、；：。！？\n":
        b -= 1
    return a, b


def _item_span(ix: LineIndex, start: int, limit: int) -> Span:
    """An item opening at `start`: up to the next marker (`limit`) or its first full stop,
    semicolon or line end, whichever comes first."""
    return _trim(ix.text, start, ix.next_match(_ITEM_END, start, limit))


def _is_heading(ix: LineIndex, pos: int) -> bool:
    """A marker opening a line with no sentence in it: a numbered heading, not a list item."""
    return pos == ix.line_start(pos) and not _SENTENCE_STOP.search(ix.text, pos, ix.line_end(pos))


def _cue_span(ix: LineIndex, start: int) -> Span:
    """The paragraph's text before `start`."""
    return ix.line_start(start), start


def _marker_cue(ix: LineIndex, start: int) -> Span:
    """What introduces a list whose first marker is at `start`: the paragraph's text before
    it; for a list opening its paragraph, the paragraph before as well (`一年来，主要做了以下
    工作：` / `一是…`; a part's title before its `（一）`)."""
    a = ix.line_start(start)
    if a == 0 or not _opens_paragraph(ix, start):
        return a, start
    return ix.line_start(a - 1), start


def _opens_paragraph(ix: LineIndex, pos: int) -> bool:
    """Whether only an indent stands between `pos` and its line's start (read within the
    indent's few characters: a list marker deep in a long line is checked in constant time)."""
    a = ix.line_start(pos)
    return pos - a <= _INDENT and not ix.text[a:pos].strip()


def _same_part(ix: LineIndex, a: int, b: int) -> bool:
    """Whether no line opening with 一、 (a new part of a report) lies between a and b."""
    return ix.next_match(_PART, a, b) == b


def _chain(doc: Document, ix: LineIndex, marks: list[tuple[int, int, int]]) -> list[EnumeratedList]:
    """Lists from markers (rank, start, end) in text order: ranks 1, 2, 3… close together.
    Rank 0 (最后) closes a list of two or more."""
    text, out = doc.text, []
    chain: list[tuple[int, int, int]] = []

    def close() -> None:
        # the 30 characters before the first marker, within its paragraph
        if len(chain) >= 2 and not _OUTLINE.search(text[max(ix.line_start(chain[0][1]), chain[0][1] - 30):chain[0][1]]):
            items = []
            for i, (_, _, end) in enumerate(chain):
                limit = chain[i + 1][1] if i + 1 < len(chain) else len(text)
                items.append(_item_span(ix, end, limit))
            if all(b > a for a, b in items):
                out.append(EnumeratedList(items, _marker_cue(ix, chain[0][1]), marked=True))
        chain.clear()

    for rank, start, end in marks:
        # markers farther apart are of one list when each opens its paragraph in one part
        # of a report (the tasks （一）…（十）, each heading its paragraphs)
        near = chain and (start - chain[-1][2] < _MAX_GAP or (
            _opens_paragraph(ix, start) and _opens_paragraph(ix, chain[-1][1]) and _same_part(ix, chain[-1][2], start)))
        if near and (rank == len(chain) + 1 or (rank == 0 and len(chain) >= 2)):
            chain.append((rank, start, end))
            if rank == 0:
                close()
        elif rank == 1:
            close()
            chain.append((rank, start, end))
    close()
    return out


def _sequence_lists(doc: Document, ix: LineIndex) -> list[EnumeratedList]:
    marks = [(_SEQUENCE[m.group(1)], m.start(), m.end()) for m in _SEQUENCE_RE.finditer(doc.text, doc.body_start)]
    return _chain(doc, ix, marks)


def _dash_lists(doc: Document, ix: LineIndex) -> list[EnumeratedList]:
    """Runs of paragraphs opening with `——`, three or more: each item up to its first full
    stop (`——经济运行总体平稳。国内生产总值…`)."""
    out, run = [], []
    prev_line = -2
    for m in _DASH.finditer(doc.text, doc.body_start):
        line = _line_no(ix, m.start())
        if line != prev_line + 1 and run:
            out += _dash_list(ix, run)
            run = []
        run.append(m)
        prev_line = line
    out += _dash_list(ix, run)
    return out


def _line_no(ix: LineIndex, pos: int) -> int:
    return bisect_right(ix.starts, pos) - 1


def _dash_list(ix: LineIndex, run: list[re.Match]) -> list[EnumeratedList]:
    if len(run) < _MIN_DASHES:
        return []
    items = [_item_span(ix, m.end(), ix.line_end(m.start())) for m in run]
    if not all(b > a for a, b in items):
        return []
    return [EnumeratedList(items, _marker_cue(ix, run[0].start()))]


def _clauses(text: str, a: int, b: int) -> list[Span]:
    """Comma-separated clauses of text[a:b]."""
    out, pos = [], a
    for m in re.finditer(r"[，：]", text[a:b]):
        out.append((pos, a + m.start()))
        pos = a + m.end()
    out.append((pos, b))
    return out


def _semicolon_lists(doc: Document, ix: LineIndex) -> list[EnumeratedList]:
    """Sentences of three or more `；`-separated items. The first segment holds the
    cue and the first item; where the first item starts is found from the frame the
    other items share, else after a colon, else at the clause opening with 要."""
    text, out = doc.text, []
    for m in re.finditer(r"[^。！？\n]+[。！？]?", text[doc.body_start:]):
        a, b = doc.body_start + m.start(), doc.body_start + m.end()
        sentence = text[a:b]
        if sentence.count("；") < 2 or _OUTLINE.search(sentence):
            continue
        segs, pos = [], a
        for part in sentence.split("；"):
            segs.append((pos, pos + len(part)))
            pos += len(part) + 1
        heads = [text[s:_clauses(text, s, e)[0][1]] for s, e in segs[1:]]
        first, lead = _first_item(text, segs[0], heads)
        if first is None:
            continue
        # a 要 shared by every item is the list's cue; one that opens the first item alone stays
        drop = lead != "要"
        items = [_trim(text, first, segs[0][1], drop)] + [_trim(text, s, e, drop) for s, e in segs[1:]]
        out.append(EnumeratedList(items, (_cue_span(ix, a)[0], first), lead))
    return out


def _first_item(text: str, seg: Span, heads: list[str]) -> tuple[int | None, str]:
    """Where the first item of a `；` list starts within its first segment, and the shared
    head if there is one; None when the sentence does not announce a list."""
    clauses = _clauses(text, *seg)
    shape = template(heads)
    if shape is not None:
        for s, e in reversed(clauses):
            clause = text[s:e]
            # the frame opens the clause, follows an adverb (`深入了解落实…`), or follows
            # the clause's 要 (`帮扶要有底线思维`), which is the cue, not the item
            # the last few 要 only: each try reads the rest of the clause, and a clause of
            # thousands of 要 would cost time quadratic in its length
            yao, at = [], len(clause)
            while len(yao) < _YAO_TRIES and (at := clause.rfind("要", 0, at)) >= 0:
                yao.append(at)
            for off in sorted({0, 1, 2, 3, *yao, *(i + 1 for i in yao)}):
                if shape.match(clause, off):
                    after_yao = off > 0 and clause[off - 1] == "要"
                    return s + (off if after_yao or off > 3 else 0), common_prefix(heads)
    colon = text.rfind("：", *seg)
    if colon >= 0 and seg[1] - colon > 2:
        return colon + 1, ""
    for s, _ in reversed(clauses):
        # 要 introduces this clause only, so it stays in the item; 今年要… / 我们要…: the same
        m = _YAO_CLAUSE.match(text, s)
        if m and not text.startswith("要求", m.end() - 1):
            return m.end() - 1, "要"
    return None, ""


def _sentence_lists(doc: Document, ix: LineIndex) -> list[EnumeratedList]:
    """Three or more consecutive sentences of a paragraph that open alike (`要进一步…`);
    the first may open with the speaker (`X强调，要进一步…`).

    A run is the sentences from i on that open with the same two characters as sentence i;
    both the run's end and its shared opening are found right to left, comparing each
    sentence with the next only, so a paragraph costs time linear in its length."""
    text, out = doc.text, []
    for pa, pb in doc.paragraphs():
        if pb <= doc.body_start:
            continue
        sents = [(pa + m.start(), pa + m.end()) for m in re.finditer(r"[^。！？]+[。！？]?", text[pa:pb])]
        strs = [text[s:e] for s, e in sents]
        # ends[i]: where the run from i ends; shared[i]: the length of its common opening
        ends, shared = [0] * len(strs), [0] * len(strs)
        for i in range(len(strs) - 1, -1, -1):
            if len(strs[i]) >= 2 and i + 1 < len(strs) and strs[i + 1][:2] == strs[i][:2]:
                ends[i], shared[i] = ends[i + 1], prefix_len(strs[i], strs[i + 1], shared[i + 1])
            else:
                ends[i], shared[i] = i + 1, len(strs[i])
        i = 1
        while i < len(sents):
            j = ends[i]
            prefix = strs[i][:shared[i]] if j - i >= 2 else ""
            prefix = re.split(r"[，、；“]", prefix)[0]
            if len(prefix) < 2 or _SPEECH.match(strs[i]):
                i += 1
                continue
            s0, e0 = sents[i - 1]
            k = text.find(prefix, s0, e0)
            run = sents[i:j]
            if k == s0 or (k > s0 and text[k - 1] in "，："):
                run = [(k, e0)] + run
            if len(run) >= 3:
                items = [_trim(text, s, e) for s, e in run]
                out.append(EnumeratedList(items, (_cue_span(ix, run[0][0])[0], run[0][0]), prefix))
            i = j
    return out

