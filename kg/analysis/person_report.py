"""`kg person`'s output: timelines (kg.analysis.person) as text, CSV or JSON.

- table: per person a head line (the name, how it was found, a homonym warning), then the
  posts (first and last dated statement, start and end where appointments say), then the
  meetings by date, each statement with its article's date, headline and sentence;
- csv: one row per post or meeting (`section`), the statements' cells flattened (CSV_COLUMNS);
- json: a list of timelines, as `Timeline.as_dict` gives them.
"""

from __future__ import annotations

import csv
import io
import json

from kg.analysis.person import Statement, Timeline

CSV_COLUMNS = ("person", "iri", "section", "province", "role", "body", "start", "end", "statements",
               "meeting", "meeting_date", "part", "first_date", "first_headline", "first_article_date",
               "first_article", "first_sentence", "last_date", "last_headline", "last_article_date",
               "last_article", "last_sentence")


def _warning(t: Timeline) -> str | None:
    if not t.homonym:
        return None
    return (f"note: {t.name} holds posts or meetings in {len(t.provinces)} provinces ({', '.join(t.provinces)}): "
            "one official who moved, or two who share the name (kg keeps one node per name); "
            "each entry below gives its province")


def _said(label: str, s: Statement | None) -> list[str]:
    if s is None:
        return []
    return [f"    {label} {s.date}  《{s.headline}》 ({s.article_date or 'undated'})", f"      {s.sentence}"]


def _table_one(t: Timeline) -> list[str]:
    how = "" if t.matched == "name" else f" (found by {t.matched})"
    lines = [f"{t.name}{how}  <{t.iri}>"]
    warning = _warning(t)
    if warning:
        lines.append(warning)
    lines.append("")
    lines.append(f"Posts ({len(t.posts)})")
    for p in t.posts:
        span = f"{p.first.date if p.first else '?'} – {p.last.date if p.last else '?'}"
        where = f" · {p.body}" if p.body else ""
        prov = f" [{p.province}]" if p.province and t.homonym else ""
        change = "".join(f"  {k} {v}" for k, v in (("start", p.start), ("end", p.end)) if v)
        lines.append(f"  {p.role}{where}{prov}  {span}{change}  ({p.statements} article{'s' if p.statements != 1 else ''})")
        lines += _said("first", p.first)
        if p.last is not None and p.last != p.first:
            lines += _said("last ", p.last)
    lines.append("")
    lines.append(f"Meetings ({len(t.meetings)})")
    for m in t.meetings:
        prov = f" [{m.province}]" if m.province and t.homonym else ""
        s = m.statement
        lines.append(f"  {m.date or '?'}  {m.meeting}{prov}  {m.part}")
        lines.append(f"      《{s.headline}》 ({s.article_date or 'undated'})  {s.sentence}")
    return lines


def table(timelines: list[Timeline]) -> str:
    blocks = ["\n".join(_table_one(t)) for t in timelines]
    return "\n\n".join(blocks) + "\n"


def _statement_cells(prefix: str, s: Statement | None) -> dict:
    if s is None:
        return {}
    return {f"{prefix}_date": s.date, f"{prefix}_headline": s.headline, f"{prefix}_article_date": s.article_date,
            f"{prefix}_article": s.article, f"{prefix}_sentence": s.sentence}


def records(timelines: list[Timeline]) -> list[dict]:
    """One flat record per post and per meeting, keyed by CSV_COLUMNS."""
    out = []
    for t in timelines:
        head = {"person": t.name, "iri": t.iri}
        for p in t.posts:
            out.append({**head, "section": "post", "province": p.province, "role": p.role, "body": p.body,
                        "start": p.start, "end": p.end, "statements": p.statements,
                        **_statement_cells("first", p.first), **_statement_cells("last", p.last)})
        for m in t.meetings:
            out.append({**head, "section": "meeting", "province": m.province, "meeting": m.meeting,
                        "meeting_date": m.date, "part": m.part, **_statement_cells("first", m.statement)})
    return out


def to_csv(timelines: list[Timeline]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for r in records(timelines):
        w.writerow([r.get(c, "") for c in CSV_COLUMNS])
    return buf.getvalue()


def to_json(timelines: list[Timeline]) -> str:
    return json.dumps([t.as_dict() for t in timelines], ensure_ascii=False, indent=1) + "\n"


def render(timelines: list[Timeline], fmt: str = "table") -> str:
    """The timelines in `fmt`: table, csv or json."""
    return {"table": table, "csv": to_csv, "json": to_json}[fmt](timelines)
