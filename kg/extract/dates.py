"""The article's own date (its publication), and where kg read it.

Sources, in this order, each recorded as the date's source so that a reader can tell a
statement from a guess:
- ``metadata``: the input said so (a JSONL record's ``date``, an HTML page's published time);
- ``text``: a date line under the headline (``2024年1月23日``, ``时间：2026-01-22``,
  ``——2019年3月5日在…会议上`` under a report's title);
- ``dateline``: the dispatch line (``本报北京2月15日电``, ``新华社…电``), its year from a full
  date in the text or the file name;
- ``file-name``: a date in the file's name (``20190216``, ``2019-02-16``);
- ``inferred``: none of those, but the meeting the article reports has a full date, or the
  lead opens with the day (``1月29日上午，…``) and the year is known: papers publish on the
  day of the news or the day after, so that date stands in, marked a guess.

A date in a sentence of the body (``2019年1月30日，…召开``) is an event's date, not the
article's, and is not read here.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts
from kg.extract.file_names import file_name_date, file_name_year
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings", "year")
ADDS = ("date", "date_source")

_YMD = r"(?P<y>(?:19|20)\d{2})(?:年|[-/.])(?P<m>\d{1,2})(?:月|[-/.])(?P<d>\d{1,2})日?"
#: a line that is a date and little else: a time, a weekday, a label (时间：, 发布时间：)
_DATE_LINE = re.compile(
    rf"^(?:(?:发布|更新|刊发)?(?:时间|日期)[:：]\s*|[—-]{{1,2}})?{_YMD}"
    rf"(?:[\s，,]*(?:星期|周)[一二三四五六日天])?(?:[\s，,]*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?"
    rf"(?P<rest>.*)$")
#: what may follow the date on a report's date line (``2024年1月23日在…会议上``)
#: (a line broken after it: ``——2026年1月26日在广东省第十四届`` / ``人民代表大会…上``)
_REPORT_LINE_REST = re.compile(r"^在[^。，；]{2,40}$")
#: a dispatch line: an agency or paper, maybe a city, the day, 电 or 讯 (浙江在线11月27日讯)
_DATELINE = re.compile(r"(?:^|\n)[^，。；：\n]{0,12}?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:电|讯)")
#: the lead's own time (``1月29日上午，市委召开…``): the news is that day's
_LEAD = re.compile(r"(?:本报讯)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:上午|下午|晚|晚间|凌晨)?(?:，|是)")
#: how far into the text a date line or a dateline may stand (headline block, first lines)
_HEAD_LINES = 8
_DATELINE_REACH = 400


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _metadata(doc: Document) -> str | None:
    value = doc.meta.get("date")
    return _iso(*map(int, str(value)[:10].split("-"))) if value else None


def _date_line(doc: Document) -> str | None:
    """A line near the top that is a full date (and a time, a weekday or a label)."""
    lines = doc.text.split("\n")
    for line in lines[:_HEAD_LINES]:
        m = _DATE_LINE.match(line.strip())
        if m and (not m.group("rest").strip() or _REPORT_LINE_REST.match(m.group("rest").strip())):
            found = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found:
                return found
    return None


def _dateline(doc: Document, year: int | None) -> str | None:
    m = _DATELINE.search(doc.text, 0, min(len(doc.text), doc.body_start + _DATELINE_REACH))
    if m is None or year is None:
        return None
    return _iso(year, int(m.group("m")), int(m.group("d")))


def article_date(doc: Document, facts: ArticleFacts) -> tuple[str | None, str | None]:
    """(ISO date, source) of the article, or (None, None) when nothing tells it."""
    found = _metadata(doc)
    if found:
        return found, "metadata"
    found = _date_line(doc)
    if found:
        return found, "text"
    found = _dateline(doc, file_name_year(doc.source) or facts.year)
    if found:
        return found, "dateline"
    found = file_name_date(doc.source)
    if found:
        return found, "file-name"
    main = facts.main_meeting
    if main is not None and main.date:
        return main.date, "inferred"
    lead = _LEAD.match(doc.text, doc.body_start)
    year = file_name_year(doc.source) or facts.year
    if lead and year:
        found = _iso(year, int(lead.group("m")), int(lead.group("d")))
        if found:
            return found, "inferred"
    return None, None


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Set the article's date and the source it was read from."""
    facts.date, facts.date_source = article_date(doc, facts)
