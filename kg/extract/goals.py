"""Extractor: goals — the items of enumerated lists in an article's narrative.

Political news enumerates what was achieved, what was done and what is to be done.
Two families of list are found:

- marked lists: `一是…二是…` / `一要…二要…`, `第一，…第二，…`, `（一）…（二）…`,
  `首先…其次…最后`; two items suffice because the markers make the list explicit;
- unmarked parallel lists: three or more `；`-separated items of one sentence after
  a cue (`要…；…；…。`, `回顾：A；B；C。`), and three or more consecutive sentences of
  one paragraph opening alike (`要进一步…。要进一步…。`). Prose is full of single
  semicolons and repeated subjects, so these need three items, a shared head or an
  explicit cue, and a cue that says what kind of list it is.

Not lists: a report's outline (`报告共分三个部分：一、…；二、…`) and `一、` headings;
`一、` is never a marker here and sentences announcing parts (共分/分为…部分) are skipped.

Each item becomes a `Goal` whose span covers the item's text without its ordinal
marker, up to the full stop, semicolon or comma before the next item.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from kg.document import Document
from kg.extract.context import Context
from kg.facts import ArticleFacts, Goal, Span

_NUM = "一二三四五六七八九十"
_DIGIT = {ch: i + 1 for i, ch in enumerate("一二三四五六七八九")}

#: a marker must open a clause: text start, line start, or after punctuation
_OPEN = r"(?:(?<=^)|(?<=[\n。；，：！？”、 ]))"

#: marker families: regex with the numeral in group 1; items of one list share a family
_FAMILIES = (
    re.compile(rf"{_OPEN}([{_NUM}]{{1,3}})(?:是|要)(?=[^，。；])", re.M),  # 一是 / 一要
    re.compile(rf"{_OPEN}第([{_NUM}]{{1,3}})(?:是|，|：|、)", re.M),  # 第一，/ 第一是
    re.compile(rf"[（(]([{_NUM}]{{1,3}})[）)]"),  # （一）
)
#: 首先…其次…再次…最后: the word's rank in the list (最后 closes any length)
_SEQUENCE = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
_SEQUENCE_RE = re.compile(rf"{_OPEN}(首先|其次|再次|最后)(?:是|要|，)?", re.M)

_MAX_GAP = 900  # characters between two markers of one list: farther apart is another list
_ITEM_END = re.compile(r"[。！？；\n]")
_OUTLINE = re.compile(r"共分|分为[^。]{0,6}部分|(?:^|[：；，。\n])[一二三四五六七八九十]、")

# kind cues, matched in the text before the list; the one nearest to the list wins,
# because a paragraph often reviews the past before announcing what is to be done
_TASK = re.compile(r"(?<![重主需只纲概首必紧显扼])要(?![求点素件闻害])|必须|任务|部署|安排|目标|下一步|今后|今年|明年|原则|举措|要求")
# results aimed at (新成效, 优异成绩, 更大成就) are no review of results reached
_ACHIEVEMENT = re.compile(r"(?<![新异大好])(?:成绩|成效|成就)|回顾|取得了|取得的")
_WORK = re.compile(r"做了|开展了|做好了|完成了")
#: items opening with an action verb report work done, not a state reached
_ACTION = re.compile(r"(?:加强|加大|加快|推动|推进|坚持|深化|强化|着力|实施|完善|健全|扎实|全面|大力|积极|持续|"
                     r"不断|切实|深入|提升|提高|扩大|促进|统筹|开展|落实|优化|构建|建立|狠抓|抓好|做好|依法|以|"
                     r"围绕|紧扣|聚焦|确保|服务|保障|规范|自觉|贯彻|支持|维护|发挥|坚定|坚决|出台|制定)")

# year cues: (regex, offset from the article's year); `None` offset = an explicit year;
# an unclear period (过去五年, 近年来) is a cue too, and it makes the year unknown
_YEARS = (
    (re.compile(r"((?:19|20)\d{2})年(?![代度]?[\d~-])"), None),
    (re.compile(r"过去(?:的)?一年|去年|上一年|一年来"), -1),
    (re.compile(r"今年|本年度|全年"), 0),
    (re.compile(r"明年"), 1),
    (re.compile(r"过去(?:的)?[两二三四五六七八九十]年|近年来|近几年|今后|五年来|十年来"), "unclear"),
)
#: a cue pattern's match, with the characters its lookahead reads, is shorter than this
_REACH = 16
_SENTENCE_STOP = re.compile(r"[。；]")
_SPEECH = re.compile(r"^[^，。]{0,6}(?:说|指出|强调|表示|认为|要求|提出|决定|通过|听取|审议|宣布)")


@dataclass
class _List:
    items: list[Span]
    cue: Span  # the text before the first item that introduces the list
    lead: str = ""  # what opens every item (要 / a shared head), a kind cue too
    marked: bool = False  # enumerated with ordinal markers


class _Index:
    """Per-article lookups that would otherwise rescan a whole paragraph for every list in
    it (a paragraph can hold hundreds): line bounds by bisection, and the matches of a cue
    pattern or the first occurrence of a word in a line, each found once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.memo: dict = {}

    def line_start(self, pos: int) -> int:
        """Start of the line holding `pos` (what `text.rfind("\n", 0, pos) + 1` returns)."""
        return self.starts[bisect_right(self.starts, pos) - 1]

    def line_end(self, pos: int) -> int:
        """End of the line holding `pos`: its line break, or the text's end."""
        i = bisect_right(self.starts, pos)
        return self.starts[i] - 1 if i < len(self.starts) else len(self.text)

    def line_matches(self, rx: re.Pattern, a: int) -> tuple[list[re.Match], list[int]]:
        """The matches of `rx` in the line starting at `a`, and their starts."""
        key = (rx, a)
        if key not in self.memo:
            ms = list(rx.finditer(self.text, a, self.line_end(a)))
            self.memo[key] = ms, [m.start() for m in ms]
        return self.memo[key]

    def last_matches(self, rx: re.Pattern, a: int, b: int, n: int) -> list[re.Match]:
        """The last `n` of the matches `rx.finditer(text[a:b])` gives, `a` a line start and `b`
        in that line. A match starting `_REACH` characters before `b` never reads `b`, so it
        is one of the line's matches; only the end of text[a:b] is searched again."""
        if b > self.line_end(a):  # not a cue: search it directly
            return list(rx.finditer(self.text, a, b))[-n:] if n else []
        ms, starts = self.line_matches(rx, a)
        k = bisect_left(starts, b - _REACH)
        resume = max(ms[k - 1].end() if k else a, b - _REACH)
        return (ms[max(0, k - n):k] + list(rx.finditer(self.text, resume, b)))[-n:] if n else []

    def occurs(self, word: str, a: int, b: int) -> bool:
        """`word in text[a:b]`, `a` a line start: from the word's first occurrence in the line."""
        end = self.line_end(a)
        if b > end:
            return word in self.text[a:b]
        key = (word, a)
        if key not in self.memo:
            self.memo[key] = self.text.find(word, a, end)
        first = self.memo[key]
        return 0 <= first and first + len(word) <= b


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Adds a Goal to `facts.goals` for each item of each enumerated list of `doc`; a list
    repeating an earlier one (same item texts, same kind: a repeated paragraph) is left out."""
    ix = _Index(doc.text)
    found: list[_List] = []
    # spans of the lists kept, sorted: they do not overlap, so their ends are sorted too and
    # the last one starting before a new list ends is the only one that can overlap it
    taken: list[Span] = []
    for finder in (_marked_lists, _sequence_lists, _semicolon_lists, _sentence_lists):
        for lst in finder(doc, ix):
            span = (lst.items[0][0], lst.items[-1][1])
            k = bisect_left(taken, (span[1],))
            if not (k and taken[k - 1][1] > span[0]):
                found.append(lst)
                insort(taken, span)
    found.sort(key=lambda lst: lst.items[0][0])
    index = 0
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for lst in found:
        kind = _kind(doc, ctx, lst, ix)
        if kind is None:
            continue
        key = (kind, tuple(doc.text[a:b] for a, b in lst.items))
        if key in seen:
            continue
        seen.add(key)
        year = _year(doc, ctx, lst, kind, ix)
        about, is_report = _about(doc, facts, lst, ix)
        for n, span in enumerate(lst.items, 1):
            facts.goals.append(Goal(list_index=index, ordinal=n, kind=kind, year=year, span=span,
                                    about=about, about_is_report=is_report))
        index += 1


# -- finding lists ----------------------------------------------------------------------

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


def _item_span(text: str, start: int, limit: int) -> Span:
    """An item opening at `start`: up to the next marker (`limit`) or its first full stop,
    semicolon or line end, whichever comes first."""
    m = _ITEM_END.search(text, start, limit)
    return _trim(text, start, m.start() if m else limit)


def _is_heading(ix: _Index, pos: int) -> bool:
    """A marker opening a line with no sentence in it: a numbered heading, not a list item."""
    return pos == ix.line_start(pos) and not _SENTENCE_STOP.search(ix.text, pos, ix.line_end(pos))


def _cue_span(ix: _Index, start: int) -> Span:
    """The paragraph's text before `start`."""
    return ix.line_start(start), start


def _chain(doc: Document, ix: _Index, marks: list[tuple[int, int, int]]) -> list[_List]:
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
                items.append(_item_span(text, end, limit))
            if all(b > a for a, b in items):
                out.append(_List(items, _cue_span(ix, chain[0][1]), marked=True))
        chain.clear()

    for rank, start, end in marks:
        near = chain and start - chain[-1][2] < _MAX_GAP
        if near and (rank == len(chain) + 1 or (rank == 0 and len(chain) >= 2)):
            chain.append((rank, start, end))
            if rank == 0:
                close()
        elif rank == 1:
            close()
            chain.append((rank, start, end))
    close()
    return out


def _marked_lists(doc: Document, ix: _Index) -> list[_List]:
    out = []
    for family in _FAMILIES:
        marks = [(_ordinal(m.group(1)), m.start(), m.end()) for m in family.finditer(doc.text, doc.body_start)
                 if not _is_heading(ix, m.start())]
        out += _chain(doc, ix, marks)
    return out


def _sequence_lists(doc: Document, ix: _Index) -> list[_List]:
    marks = [(_SEQUENCE[m.group(1)], m.start(), m.end()) for m in _SEQUENCE_RE.finditer(doc.text, doc.body_start)]
    return _chain(doc, ix, marks)


def _clauses(text: str, a: int, b: int) -> list[Span]:
    """Comma-separated clauses of text[a:b]."""
    out, pos = [], a
    for m in re.finditer(r"[，：]", text[a:b]):
        out.append((pos, a + m.start()))
        pos = a + m.end()
    out.append((pos, b))
    return out


def _common_prefix(strings: list[str]) -> str:
    """The longest string all of `strings` open with."""
    first = min(strings, key=len)
    n = 0
    while n < len(first) and all(s[n] == first[n] for s in strings):
        n += 1
    return first[:n]


def _template(heads: list[str]) -> re.Pattern | None:
    """A shared shape of the items' opening clauses, as a regex, or None.

    Parallel items repeat a frame: a common opening (`持续放大…`, `以更大力度…` /
    `以超常力度…`), a common ending (`在…上取得新进展`), or equal length with fixed
    characters (`筑牢政治之魂`, `提升履职之效`: eight characters, 之 second to last)."""
    n = min(len(h) for h in heads)
    if len(heads) < 2 or n < 2:
        return None
    fixed = [i for i in range(n) if len({h[i] for h in heads}) == 1]
    suffix = _common_prefix([h[::-1] for h in heads])[::-1]
    opening = ""
    if fixed and fixed[0] == 0 and len(fixed) >= 2:  # one shared character is chance
        opening = "".join(re.escape(heads[0][i]) if i in fixed else "." for i in range(fixed[-1] + 1))
    if opening or len(suffix) >= 3:
        # the ending, unless the opening already reaches into it (items of equal length)
        covered = fixed[-1] + 1 if opening else 0
        ending = len(suffix) >= 3 and covered + len(suffix) <= n
        return re.compile("^" + opening + (".*" + re.escape(suffix) + "$" if ending else ""))
    if all(len(h) == len(heads[0]) for h in heads) and len(heads[0]) >= 4:
        fixed = [i for i in range(len(heads[0])) if len({h[i] for h in heads}) == 1]
        if fixed:
            return re.compile("^" + "".join(re.escape(heads[0][i]) if i in fixed else "."
                                            for i in range(len(heads[0]))) + "$")
    return None


def _semicolon_lists(doc: Document, ix: _Index) -> list[_List]:
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
        out.append(_List(items, (_cue_span(ix, a)[0], first), lead))
    return out


def _first_item(text: str, seg: Span, heads: list[str]) -> tuple[int | None, str]:
    """Where the first item of a `；` list starts within its first segment, and the shared
    head if there is one; None when the sentence does not announce a list."""
    clauses = _clauses(text, *seg)
    shape = _template(heads)
    if shape is not None:
        for s, e in reversed(clauses):
            clause = text[s:e]
            # the frame opens the clause, follows an adverb (`深入了解落实…`), or follows
            # the clause's 要 (`帮扶要有底线思维`), which is the cue, not the item
            yao = [i for i, ch in enumerate(clause) if ch == "要"]
            for off in sorted({0, 1, 2, 3, *yao, *(i + 1 for i in yao)}):
                if shape.match(clause[off:]):
                    after_yao = off > 0 and clause[off - 1] == "要"
                    return s + (off if after_yao or off > 3 else 0), _common_prefix(heads)
    colon = text.rfind("：", *seg)
    if colon >= 0 and seg[1] - colon > 2:
        return colon + 1, ""
    for s, _ in reversed(clauses):
        if text.startswith("要", s) and not text.startswith("要求", s):  # 要 introduces this clause only, so it stays in the item
            return s, "要"
    return None, ""


def _prefix_len(a: str, b: str, limit: int) -> int:
    """How many characters (at most `limit`) `a` and `b` open with alike."""
    n = 0
    while n < limit and n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def _sentence_lists(doc: Document, ix: _Index) -> list[_List]:
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
                ends[i], shared[i] = ends[i + 1], _prefix_len(strs[i], strs[i + 1], shared[i + 1])
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
                out.append(_List(items, (_cue_span(ix, run[0][0])[0], run[0][0]), prefix))
            i = j
    return out


# -- what the list is -----------------------------------------------------------------

def _kind(doc: Document, ctx: Context, lst: _List, ix: _Index) -> str | None:
    """task / achievement / work, or None for an unmarked list with no cue (likely prose).

    The cue nearest to the list wins (a paragraph often reviews the past before saying
    what is to be done); items opening with 要 are tasks; a review whose items open with
    action verbs (`加强…`) reports work done rather than results reached."""
    text = doc.text
    best, where = None, -1
    for kind, rx in (("task", _TASK), ("achievement", _ACHIEVEMENT), ("work", _WORK)):
        last = ix.last_matches(rx, *lst.cue, 1)
        if last and last[0].start() >= where:
            best, where = kind, last[0].start()
    if lst.lead.startswith("要"):
        return "task"
    if best is None and lst.marked:
        years = [y for _, y in _year_cues(ix, ctx, *lst.cue, 1)]
        past = bool(years) and years[-1] is not None and ctx.year is not None and years[-1] < ctx.year
        best = "achievement" if past else "task"  # speeches mostly enumerate what is to be done
    if best == "achievement":
        verbs = sum(bool(_ACTION.match(text[a:b])) for a, b in lst.items)
        if verbs * 2 > len(lst.items):
            best = "work"
    return best


def _year(doc: Document, ctx: Context, lst: _List, kind: str, ix: _Index) -> int | None:
    """The year the list is about: from the cue nearest to the list in its paragraph, else
    from the previous paragraph when that names a single year that fits the kind (a
    task's year is not past, a result's is); None when unclear."""
    text = doc.text
    found = _year_cues(ix, ctx, *lst.cue, 2)
    if found:
        (p1, y1), (p0, y0) = found[-1], found[-2] if len(found) > 1 else (-1, None)
        if p0 >= 0 and y0 != y1 and not re.search(r"[，。；：]", text[p0:p1]):
            return None  # `2019年和今年以来`: a span of years, not one
        return y1
    prev_end = lst.cue[0] - 1
    if prev_end > doc.body_start:
        prev_start = ix.line_start(prev_end)
        key = ("years", prev_start, prev_end)
        if key not in ix.memo:  # the same previous paragraph serves every list of a paragraph
            ix.memo[key] = {y for _, y in _year_cues(ix, ctx, prev_start, prev_end, None)}
        years = set(ix.memo[key])
        year = years.pop() if len(years) == 1 else None
        if year is not None and (ctx.year is None or (year >= ctx.year) == (kind == "task")):
            return year
    return None


def _year_cues(ix: _Index, ctx: Context, a: int, b: int, last: int | None) -> list[tuple[int, int | None]]:
    """(position, year) of the years named in text[a:b] (`a` a line start), in text order, the
    `last` ones only unless None; year None for a period that is no single year."""
    hits = []
    for rx, offset in _YEARS:
        matches = rx.finditer(ix.text, a, b) if last is None else ix.last_matches(rx, a, b, last)
        for m in matches:
            if offset is None:
                hits.append((m.start(), int(m.group(1))))
            elif offset == "unclear" or ctx.year is None:
                hits.append((m.start(), None))
            else:
                hits.append((m.start(), ctx.year + offset))
    return sorted(hits)[-last:] if last else sorted(hits)


def _about(doc: Document, facts: ArticleFacts, lst: _List, ix: _Index) -> tuple[str | None, bool]:
    """The report a list belongs to when its paragraph speaks of a report (`在报告中`,
    `说明指出`) or opens with the report's presenter; else the main meeting."""
    a, b = lst.cue[0], lst.items[0][0]  # the paragraph up to the list
    best = None
    for r in facts.reports:
        kind_word = r.title[-2:]  # 报告 / 说明
        named = (r.presenter and r.presenter in doc.text[a:min(a + 20, b)]) or ix.occurs(r.title, a, b) \
            or doc.text.startswith(kind_word, a, b) or ix.occurs(f"在{kind_word}中", a, b)
        if named and r.span[0] <= lst.items[0][0] and (best is None or r.span[0] >= best.span[0]):
            best = r
    if best is not None:
        return best.title, True
    main = facts.main_meeting
    return (main.name, False) if main else (None, False)
