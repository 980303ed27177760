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
  day of the news or the day after, so that date stands in, marked a guess. A national
  People's Congress or CPPCC plenary session named with only its day (``…第二次会议5日上午
  开幕``) is dated in March of the known year: the annual sessions meet in March (all
  but one year since 1985), so the guess is right far more often than no date is useful.

A date in a sentence of the body (``2019年1月30日，…召开``) is an event's date, not the
article's, and is not read here.
"""

from __future__ import annotations

import re

from kg.extract.context import Context
from kg.extract.facts import ArticleFacts
from kg.extract.file_names import file_name_date, file_name_year, iso
from kg.text.document import Document

#: the facts this extractor reads, and those it adds (kg.pipeline checks the order)
NEEDS = ("meetings", "year")
ADDS = ("date", "date_source")

#: the lead's own time (``1月29日上午，市委召开…``): the news is that day's
_LEAD = re.compile(r"(?:本报讯)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:上午|下午|晚|晚间|凌晨)?(?:，|是)")


#: the annual plenary sessions of the NPC and the national CPPCC (not their standing committees)
_ANNUAL = re.compile(r"中华人民共和国第.{1,4}届全国人民代表大会第.{1,3}次会议"
                     r"|中国人民政治协商会议第.{1,4}届全国委员会第.{1,3}次会议")
#: a day without its month, in the clause after a meeting's name (…会议5日上午在北京开幕,
#: …会议圆满完成各项议程，10日上午在人民大会堂闭幕)
_DAY_ONLY = re.compile(r"(?<![\d月])(?P<d>\d{1,2})日(?:上午|下午|晚)?(?:在|开幕|闭幕|举行|召开)")
_DAY_REACH = 24


def _metadata(doc: Document) -> str | None:
    value = doc.meta.get("date")
    return iso(*map(int, str(value)[:10].split("-"))) if value else None


def _dateline(ctx: Context, year: int | None) -> str | None:
    if ctx.dateline is None or year is None:
        return None
    return iso(year, *ctx.dateline)


def article_date(doc: Document, ctx: Context, facts: ArticleFacts) -> tuple[str | None, str | None]:
    """(ISO date, source) of the article, or (None, None) when nothing tells it."""
    found = _metadata(doc)
    if found:
        return found, "metadata"
    found = iso(*ctx.published) if ctx.published else None  # the stamp under the headline
    if found:
        return found, "text"
    found = _dateline(ctx, file_name_year(doc.source) or facts.year)
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
        found = iso(year, int(lead.group("m")), int(lead.group("d")))
        if found:
            return found, "inferred"
    found = _annual_session(doc, main, year)
    return (found, "inferred") if found else (None, None)


def _annual_session(doc: Document, main, year: int | None) -> str | None:
    """March of `year`, on the day the text gives next to the name of the national annual
    session the article reports (…第二次会议5日上午在北京开幕), or None."""
    if main is None or year is None or not _ANNUAL.fullmatch(main.name):
        return None
    for _a, b in main.spans:
        end = doc.text.find("。", b, b + _DAY_REACH)
        day = _DAY_ONLY.search(doc.text, b, end if end >= 0 else b + _DAY_REACH)
        if day:
            return iso(year, 3, int(day.group("d")))
    return None


def extract(doc: Document, ctx: Context, facts: ArticleFacts) -> None:
    """Set the article's date and the source it was read from."""
    facts.date, facts.date_source = article_date(doc, ctx, facts)
