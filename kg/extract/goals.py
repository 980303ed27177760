"""Extractor: goals — the items of enumerated lists in an article's narrative, as `Goal`s.

kg.extract.goal_lists finds the lists (`一是…二是…`, `第一，…`, `（一）…`, `首先…最后`,
`；`-separated items, sentences opening alike). This module says what each list is:

- its kind: task (what is to be done), achievement (results reached) or work (what was
  done), from the cue nearest to the list; an unmarked list with no cue is prose, no list;
- its year, from the years its paragraph (or the paragraph before) names;
- what it belongs to: the report its paragraph speaks of, else the main meeting.

Each item becomes a `Goal` with its list's index, its ordinal, kind, year and span.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts, Goal
from kg.extract.goal_lists import EnumeratedList, find_lists
from kg.extract.line_index import LineIndex
from kg.extract.report_text import document_report
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings", "reports", "year")
ADDS = ("goals",)


_CLAUSE_END = re.compile(r"[，。；：]")
_ABOUT_REPORTS = 32  # reports tried, latest first, as what a list belongs to
_MAX_ITEMS = 60  # items of an unmarked list (marked ones stop at their numerals)

# kind cues, matched in the text before the list; the one nearest to the list wins,
# because a paragraph often reviews the past before announcing what is to be done (要's
# before-test written after it: every branch opens with a character the search jumps to)
_TASK = re.compile(r"要(?<![重主需只纲概首必紧显扼]要)(?![求点素件闻害])|必须|任务|部署|安排|目标|下一步|今后|今年|明年|原则|举措|要求")
# results aimed at (新成效, 优异成绩, 更大成就) are no review of results reached
# (见到成效, 看到成效: results hoped for); 完成全年目标任务 reports a result, not a task;
# 圆满完成各项议程 closes a meeting and says nothing of results
_ACHIEVEMENT = re.compile(r"(?<![新异大好到])(?:成绩|成效|成就)|回顾|取得了|取得的"
                          r"|(?:圆满|顺利|胜利|全面|基本)?完成[^，。；]{0,10}(?:目标|任务)|(?:圆满|顺利|胜利|全面|基本)完成(?![了各项]{0,3}议程)")
# 总结了过去一年的工作：A；B: the work done, reviewed
_WORK = re.compile(r"做了|开展了|做好了|完成了|总结了?[^，。；]{0,12}工作")
#: items opening with an action verb report work done, not a state reached
_ACTION = re.compile(r"(?:加强|加大|加快|推动|推进|坚持|深化|强化|着力|实施|完善|健全|扎实|全面|大力|积极|持续|"
                     r"不断|切实|深入|提升|提高|扩大|促进|统筹|开展|落实|优化|构建|建立|狠抓|抓好|做好|依法|以|"
                     r"围绕|紧扣|聚焦|确保|服务|保障|规范|自觉|贯彻|支持|维护|发挥|坚定|坚决|出台|制定)")
#: an item stating a result: a subject, then how it fared (经济结构不断优化, 理想信念更加坚定,
#: 改革开放取得新突破); not an action (加快建设…) nor a purpose (使…更加坚定)
_RESULT = re.compile(r"^(?!" + _ACTION.pattern + r"|使|让|要|努力|力争|争取)(?:[^，。；]{2,10}?"
                     r"(?:更加|更为|日益|不断|持续|进一步|稳步|明显|显著|快速|总体|再上|取得|实现|迈出|保持|"
                     r"胜利|成果|开局|继续)|[^，。；]{2,12}(?:改善|优化|增强|提升|巩固|夯实|推进|有效|向好|平稳|"
                     r"有进|良好|增进|跃升)(?:[，。；]|$))")
#: items opening with 要 (我们要…): what is to be done
_TO_DO = re.compile(r"^[^，。；]{0,3}要")
#: an agenda is no list of goals (大会有三项议程：一是听取…)
_AGENDA = re.compile(r"议程[^，。；]{0,8}$")
_CUE_TAIL = 12  # characters before a list whose task cue governs it directly (目标是：)

# year cues: (regex, offset from the article's year); `None` offset = an explicit year;
# an unclear period (过去五年, 近年来) is a cue too, and it makes the year unknown
_YEARS = (
    (re.compile(r"((?:19|20)\d{2})年(?![代度]?[\d~-])"), None),
    (re.compile(r"过去(?:的)?一年|去年|上一年|一年来"), -1),
    (re.compile(r"今年|本年度"), 0),
    # 全年 is the whole of the year just named (过去一年…全年目标任务圆满完成), else this one
    (re.compile(r"全年"), "inherit"),
    (re.compile(r"明年"), 1),
    (re.compile(r"过去(?:的)?[两二三四五六七八九十]年|近年来|近几年|今后|五年来|十年来"), "unclear"),
)


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Adds a Goal to `facts.goals` for each item of each enumerated list of `doc`; a list
    repeating an earlier one (same item texts, same kind: a repeated paragraph) is left out,
    and so is one repeating an item within itself or, unmarked, running past `_MAX_ITEMS`."""
    ix = LineIndex(doc.text)
    index = 0
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for lst in find_lists(doc, ix):
        texts = tuple(doc.text[a:b] for a, b in lst.items)
        if len(set(texts)) < len(texts) or (not lst.marked and len(texts) > _MAX_ITEMS):
            continue  # an enumeration names distinct things, and not hundreds: a repeated run is no list
        kind = _kind(doc, facts.year, lst, ix)
        if kind is None:
            continue
        key = (kind, texts)
        if key in seen:
            continue
        seen.add(key)
        year = _year(doc, facts.year, lst, kind, ix)
        about, is_report = _about(doc, facts, lst, ix)
        for n, span in enumerate(lst.items, 1):
            facts.goals.append(Goal(list_index=index, ordinal=n, kind=kind, year=year, span=span,
                                    about=about, about_is_report=is_report))
        index += 1


def _kind(doc: Document, article_year: int | None, lst: EnumeratedList, ix: LineIndex) -> str | None:
    """task / achievement / work, or None for an unmarked list with no cue (likely prose).

    The cue nearest to the list wins (a paragraph often reviews the past before saying
    what is to be done); items opening with 要 are tasks; a review whose items open with
    action verbs (`加强…`) reports work done rather than results reached."""
    text = doc.text
    tail = text[max(lst.cue[0], lst.cue[1] - _CUE_TAIL):lst.cue[1]].rstrip("：:，")
    if _AGENDA.search(tail):
        return None
    best, where = None, -1
    for kind, rx in (("task", _TASK), ("achievement", _ACHIEVEMENT), ("work", _WORK)):
        last = ix.last_matches(rx, *lst.cue, 1)
        if last and last[0].end() >= where:  # the cue ending nearest the list
            best, where = kind, last[0].end()
    items = [text[a:b] for a, b in lst.items]
    if lst.lead.startswith("要") or 2 * sum(bool(_TO_DO.match(t)) for t in items) > len(items):
        return "task"
    if 3 * sum(bool(_RESULT.match(t)) for t in items) >= 2 * len(items) and not _TASK.search(tail):
        return "achievement"  # 理想信念更加坚定: results stated, whatever the cue
    if best is None and lst.marked:
        years = [y for _, y in _year_cues(ix, article_year, *lst.cue, 1)]
        past = bool(years) and years[-1] is not None and article_year is not None and years[-1] < article_year
        best = "achievement" if past else "task"  # speeches mostly enumerate what is to be done
    if best == "achievement":
        verbs = sum(bool(_ACTION.match(text[a:b])) for a, b in lst.items)
        if verbs * 2 > len(lst.items):
            best = "work"
    return best


def _year(doc: Document, article_year: int | None, lst: EnumeratedList, kind: str, ix: LineIndex) -> int | None:
    """The year the list is about: from the cue nearest to the list in its paragraph, else
    from the previous paragraph when that names a single year that fits the kind (a
    task's year is not past, a result's is); None when unclear."""
    found = _year_cues(ix, article_year, *lst.cue, 2)
    if found:
        (p1, y1), (p0, y0) = found[-1], found[-2] if len(found) > 1 else (-1, None)
        if p0 >= 0 and y0 != y1 and ix.next_match(_CLAUSE_END, p0, p1) == p1:
            return None  # `2019年和今年以来`: a span of years, not one
        return y1
    prev_end = lst.cue[0] - 1
    if prev_end > doc.body_start:
        prev_start = ix.line_start(prev_end)
        key = ("years", prev_start, prev_end)
        if key not in ix.memo:  # the same previous paragraph serves every list of a paragraph
            ix.memo[key] = {y for _, y in _year_cues(ix, article_year, prev_start, prev_end, None)}
        years = set(ix.memo[key])
        year = years.pop() if len(years) == 1 else None
        if year is not None and (article_year is None or (year >= article_year) == (kind == "task")):
            return year
    return None


def _year_cues(ix: LineIndex, article_year: int | None, a: int, b: int, last: int | None,
               resolve: bool = True) -> list[tuple[int, int | None]]:
    """(position, year) of the years named in text[a:b] (`a` a line start), in text order, the
    `last` ones only unless None; year None for a period that is no single year."""
    hits = []
    for rx, offset in _YEARS:
        matches = rx.finditer(ix.text, a, b) if last is None else ix.last_matches(rx, a, b, last)
        for m in matches:
            if offset is None:
                hits.append((m.start(), int(m.group(1))))
            elif offset == "unclear" or article_year is None:
                hits.append((m.start(), None))
            elif offset == "inherit":
                hits.append((m.start(), "inherit"))
            else:
                hits.append((m.start(), article_year + offset))
    hits.sort(key=lambda h: h[0])
    if resolve and any(y == "inherit" for _, y in hits):
        # the year a 全年 inherits is named before it in its paragraph, maybe before the
        # last `last` cues
        starts, years = _named_years(ix, article_year, a, b)
        hits = [(p, years[bisect_right(starts, p) - 1] if bisect_right(starts, p) else article_year)
                if y == "inherit" else (p, y) for p, y in hits]
    return hits[-last:] if last else hits


def _named_years(ix: LineIndex, article_year: int | None, a: int, b: int) -> tuple[list[int], list]:
    """Where the paragraph from `a` names a year (not 全年), and which, found once per line (a
    paragraph holding thousands of lists asks again for each); for a span beyond one line,
    text[a:b] only."""
    end = ix.line_end(a)
    if b > end:
        hits = [h for h in _year_cues(ix, article_year, a, b, None, resolve=False) if h[1] != "inherit"]
        return [p for p, _ in hits], [y for _, y in hits]
    key = ("named years", a)
    if key not in ix.memo:
        hits = [h for h in _year_cues(ix, article_year, a, end, None, resolve=False) if h[1] != "inherit"]
        ix.memo[key] = [p for p, _ in hits], [y for _, y in hits]
    return ix.memo[key]


def _about(doc: Document, facts: ArticleFacts, lst: EnumeratedList, ix: LineIndex) -> tuple[str | None, bool]:
    """The report a list belongs to when its paragraph speaks of a report (`在报告中`,
    `说明指出`) or opens with the report's presenter; else the main meeting.

    The latest report delivered before the list that the paragraph names wins; only the
    `_ABOUT_REPORTS` latest are tried, so that an input of thousands of reports and lists
    costs time linear in its length (an article names a few reports)."""
    a, b = lst.cue[0], lst.items[0][0]  # the paragraph up to the list
    if "own report" not in ix.memo:
        ix.memo["own report"] = document_report(doc, facts)
    own = ix.memo["own report"]
    if own is not None and own.span[0] <= b:
        return own.title, True  # a report's own text: every list is the report's
    key = ("reports", id(facts.reports), len(facts.reports))
    if key not in ix.memo:  # titled reports in text order, and where each starts
        ordered = sorted((r for r in facts.reports if r.title), key=lambda r: r.span[0])
        ix.memo[key] = ordered, [r.span[0] for r in ordered]
    ordered, starts = ix.memo[key]
    k = bisect_right(starts, b)
    for r in reversed(ordered[max(0, k - _ABOUT_REPORTS):k]):
        kind_word = r.title[-2:]  # 报告 / 说明
        if (r.presenter and r.presenter in doc.text[a:min(a + 20, b)]) or ix.occurs(r.title, a, b) \
                or doc.text.startswith(kind_word, a, b) or ix.occurs(f"在{kind_word}中", a, b):
            return r.title, True
    main = facts.main_meeting
    return (main.name, False) if main else (None, False)
