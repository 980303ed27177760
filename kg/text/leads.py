"""Datelines and bylines: the parts of a news text that say who sent it, not what happened.

A paragraph of the genre may open with a dateline (本报北京2月15日电, 湖北日报讯,
红网长沙1月17日讯, 央视网消息（新闻联播）：) and a byline (（记者王某）, （记者 甲 乙 通讯员 丙）);
the first sentence starts only after them. A byline may also stand alone: a bracket at a
paragraph's start or end (（记者 刘某）), or a short line (本报记者 郝某).

Found on the normalised text (brackets full-width, spaces inside bylines already read).
"""

from __future__ import annotations

import re

from kg.text.han import HAN as _CJK

#: who sends: 本报, a paper, a site or an agency (广西新闻网-广西日报 names two)
_PUBLISHER = (rf"(?:本报|本网|本台|[{_CJK}]{{1,12}}?(?:新闻网|日报|晚报|早报|晨报|商报|时报|报|网|在线|新闻|社|电视台|台|客户端)"
              rf"(?:[-—－/·][{_CJK}]{{2,12}}?(?:日报|晚报|报|网|社|台))?)")
_DATE = r"\d{1,2}月\d{1,2}日"
#: a dateline at the start of a line: publisher and/or date, then 电/讯/消息; no punctuation inside
_DATELINE = re.compile(
    rf"(?P<pub>{_PUBLISHER})?(?P<place>[{_CJK}]{{0,6}}?)(?P<date>{_DATE})?(?:专电|电|讯|消息)")
#: words that credit a person in a byline
CREDIT_WORDS = r"记者|通讯员|摄影|摄像|实习生|编辑|撰稿|美工|见习记者|特约记者"
_BRACKET = re.compile(r"[（【]([^（）【】\n]{1,60})[）】]")
#: a byline without brackets after a dateline: 讯记者姚某、赵某报道：
_BARE_BYLINE = re.compile(rf"(?:{CREDIT_WORDS})[^，。；：！？\n（）]{{2,40}}?报道[：:]?")
_CREDIT_IN = re.compile(CREDIT_WORDS)
#: a byline line: 本报记者 郝某, 浙江新闻记者 刘某 (short, nothing but the credit); a headline
#: 某某答记者问 speaks to reporters, it credits none
_BYLINE_LINE = re.compile(rf"[{_CJK}、 ／/]{{0,14}}?(?<![答向对受])(?:{CREDIT_WORDS})(?!问)[ 、{_CJK}·/／]{{2,40}}")
#: a bracketed dispatch mark of Hong Kong papers (【明报专讯】), a dateline of its own
_DISPATCH_MARK = re.compile(rf"【[{_CJK}]{{1,8}}(?:专讯|讯|电)】")


#: a date and time a web page prints before its byline line
_STAMP = re.compile(r"\s*\d{4}[/-]\d{1,2}[/-]\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)? ")
#: marks a paper puts before a credit line (□记者 陈某)
_MARKS = "□■●◆◇○·"


def is_byline(inner: str) -> bool:
    """A bracket's content credits reporters: a credit word and no sentence punctuation."""
    return bool(_CREDIT_IN.search(inner)) and not re.search(r"[，。；！？]", inner)


def credit_line(line: str) -> tuple[int, int] | None:
    """Where a line that only credits reporters (本报记者 郝某, after a web page's time stamp
    too) holds its credit, as (start, end) in the line; None for any other line."""
    stamp = _STAMP.match(line)  # 2031/01/02 08:00 记者某某／云州报导
    skip = stamp.end() if stamp else 0
    s = line[skip:].strip().lstrip(_MARKS)
    if not (4 <= len(s) <= 44 and _BYLINE_LINE.fullmatch(s)):
        return None
    a = skip + len(line[skip:]) - len(line[skip:].lstrip(" " + _MARKS))
    return a, a + len(s)


def _dateline_at(text: str, i: int) -> int | None:
    """End of a dateline starting at i (just before any byline bracket), or None."""
    m = _DATELINE.match(text, i)
    if not m or not (m.group("pub") or m.group("date")):
        return None
    if m.group("pub") is None and m.group("place") and len(m.group("place")) > 4:
        return None
    return m.end()


def opens_with_dateline(text: str, i: int) -> bool:
    """True when a dateline starts at i: a new dispatch, never the rest of a broken paragraph."""
    return _dateline_at(text, i) is not None


def find_leads(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(leads, bylines) of a normalised text; see the module docstring."""
    leads: list[tuple[int, int]] = []
    bylines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip(" "))
        pos += len(line) + 1
        j = _dateline_at(text, start)
        mark = _DISPATCH_MARK.match(text, start) if j is None else None
        j = mark.end() if mark else j
        k = j if j is not None else start
        while k < len(text) and text[k] == " ":
            k += 1
        b = _BRACKET.match(text, k)
        bare = _BARE_BYLINE.match(text, k) if j is not None else None
        if b and (is_byline(b.group(1)) or (j is not None and len(b.group(1)) <= 12)):
            if is_byline(b.group(1)):
                bylines.append(b.span())
            k = b.end()
        elif bare:
            bylines.append(bare.span())
            k = bare.end()
        elif j is None:
            continue
        while k < len(text) and text[k] in "：: ":
            k += 1
        leads.append((start, k))
    # bracketed bylines anywhere (（记者 刘某）at a paragraph's end), and byline lines
    for b in _BRACKET.finditer(text):
        if is_byline(b.group(1)) and b.span() not in bylines:
            bylines.append(b.span())
    _byline_lines(text, leads, bylines)
    return sorted(leads), sorted(bylines)


def _byline_lines(text: str, leads: list[tuple[int, int]], bylines: list[tuple[int, int]]) -> None:
    """Add the short lines that credit reporters (本报记者 郝某), after a web page's time stamp too."""
    pos = 0
    for line in text.split("\n"):
        credit = credit_line(line)
        if credit is not None and not any(x <= pos + credit[0] < y for x, y in bylines):
            bylines.append((pos + credit[0], pos + credit[1]))
            leads.append((pos + credit[0], pos + credit[1]))
        pos += len(line) + 1


def publisher_span(text: str, lead: tuple[int, int]) -> tuple[int, int] | None:
    """Where the dateline opening `lead` names who sent it (湖北日报 of 湖北日报讯, 本报 of
    本报北京2月15日电; the paper of 广西新闻网-广西日报南宁讯), or None."""
    m = _DATELINE.match(text, lead[0], lead[1])
    if not m or m.group("pub") is None:
        return None
    a, b = m.span("pub")
    sep = max(text.rfind(c, a, b) for c in "-—－/·")
    return (sep + 1, b) if sep >= 0 else (a, b)
