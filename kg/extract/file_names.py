"""What an input's file name says of the article: a date (`20190216`, `2019-02-16`) or a year.

Archives of papers name files by their publication day or year (`pd-20200522-01-01.txt`,
`pd-2020-npc-opening.txt`); a name without such a number says nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

_FILE_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?![0-9])")
_FILE_YEAR = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z])")


def _name(source: str) -> str:
    """The file name of a source (`folder/x.txt`, `news.jsonl#id` -> the JSONL file's name)."""
    return PurePath(source.split("#", 1)[0]).name if source else ""


def file_name_date(source: str) -> str | None:
    """A full date written in the file name of `source` (`20190216`, `2019-02-16`), or None."""
    name = _name(source)
    for m in _FILE_DATE.finditer(name):
        found = iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if found:
            return found
    return None


def file_name_year(source: str) -> int | None:
    """A year written on its own in the file name of `source` (`pd-2020-…`), or None."""
    full = file_name_date(source)
    if full:
        return int(full[:4])
    name = _name(source)
    years = {int(y) for y in _FILE_YEAR.findall(name)}
    return years.pop() if len(years) == 1 else None


def iso(y: int, m: int, d: int) -> str | None:
    """The ISO date of year, month and day, or None when there is no such day."""
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None
