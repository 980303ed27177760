"""The facts of a graph as one table: one row per fact and piece of evidence (facts.csv).

The columns come from the declarations of kg.rdf.shape, not from a list per kind of fact:
each declared property of a fact type fills the column of its value kind (a person, a
body, a meeting, a post, a report, a kind's notation, the fact's date) or, for numbers
and texts, the column named after its field (`expected`, `present`, `absent`, `title`,
`text`, `ordinal`, `year`). A fact type added to the shape gets its rows, and a new
literal field its column, with no change here.

Provenance is read off each evidence span, whichever article's it is: a fact node named by
its content is shared by every article stating it (one row per article and span); a fact
node of one article has one. The row's article is the span's nif:referenceContext, the
sentence the nif:sentence the span lies in (its text exactly as in the article's
nif:isString), begin and end the span's offsets in that text.

`rows(store)` reads a Store's default graph (kg.graph.source gives one for a file or a
store folder); `to_csv(rows)` writes the table as UTF-8 with a BOM (Excel reads it as
UTF-8; pandas.read_csv reads it as it is).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from functools import cache

import pyoxigraph as ox

from kg.rdf import shape
from kg.rdf.iri import parse_span
from kg.rdf.namespace import KG, NIF, SCHEMA
from kg.rdf.shape import NodeType, Prop

#: entity value kind -> the column its name fills ("agent": person or body, by its class;
#: "report": a report's title, or the meeting a goal list is about)
ENTITY_COLUMNS = {"person": "person", "org": "body", "agent": "person", "meeting": "meeting",
                  "role": "role", "report": "report", "kind": "relation", "place": "place"}
#: the order of the columns before the literal ones (those no fact type uses are left out)
LEAD = ("kind", "relation", "person", "role", "body", "meeting", "meeting_date", "report", "place")
#: after them: the fact's own date, and where it was read
PROVENANCE = ("date", "article", "headline", "article_date", "province", "begin", "end", "evidence", "sentence")


def _role_fields(t: NodeType) -> set[str]:
    return {p.field for p in t.props if p.value == "role"}


def literal_columns() -> tuple[str, ...]:
    """The text and number fields of the fact types, in declaration order: one column each
    (a text repeating a post's link, kg:roleLabel, is the post's column)."""
    out: list[str] = []
    for t in shape.FACTS:
        for p in t.props:
            if p.value in ("text", "integer") and p.field not in _role_fields(t) and p.field not in out:
                out.append(p.field)
    return tuple(out)


def lead_columns() -> tuple[str, ...]:
    """The columns of the fact types' links (who, which post, body, meeting, ...) in LEAD's order."""
    used = {"kind"}
    for t in shape.FACTS:
        for p in t.props:
            if p.value in ENTITY_COLUMNS:
                used.add(ENTITY_COLUMNS[p.value])
                used.update({"agent": ("body",), "meeting": ("meeting_date",),
                             "report": ("meeting", "meeting_date")}.get(p.value, ()))
    return tuple(c for c in LEAD if c in used)


@cache
def columns() -> tuple[str, ...]:
    """Every column of the table, in order."""
    return lead_columns() + literal_columns() + PROVENANCE


_DG = ox.DefaultGraph()


@cache  # the declared predicates are asked for per fact node: each made once
def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_TYPE, _NAME, _PREF, _NOTATION = _n(shape.TYPE), _n(shape.NAME), _n(shape.PREF_LABEL), _n(shape.NOTATION)
_ARTICLE, _EVIDENCE = _n(shape.ARTICLE), _n(shape.EVIDENCE)
_BEGIN, _END, _ANCHOR = _n(NIF.beginIndex), _n(NIF.endIndex), _n(NIF.anchorOf)
_SENTENCE, _CONTEXT = _n(NIF.sentence), _n(NIF.referenceContext)
_HEADLINE, _PUBLISHED, _PROVINCE = _n(SCHEMA.headline), _n(SCHEMA.datePublished), _n(KG.province)
_DATE, _TITLE = _n(KG.date), _n(KG.title)
_PERSON, _MEETING, _MENTION = _n(shape.PERSON.cls), _n(shape.MEETING.cls), _n(shape.MENTION)


#: the pseudo-column holding a fact's meeting nodes until a row picks its sitting
_SITTINGS = "_sittings"


_FACT_NAMES = frozenset(t.name for t in shape.FACTS)


def _unnamed(iri: str) -> str:
    """What a node with no name is called: nothing for a fact (an untitled report), else the
    last part of its IRI."""
    segment = iri.split("/id/", 1)[-1].split("/", 1)[0]
    return "" if segment in _FACT_NAMES else iri.rsplit("/", 1)[-1]


class _Reader:
    """Lookups in a Store's default graph. What rows ask again and again (a node's label,
    class, article, a span's text, a meeting's date and the articles mentioning it) is read
    once per node: those lookups are cached per reader, i.e. per table."""

    def __init__(self, st: ox.Store) -> None:
        self.st = st
        for name in ("label", "is_a", "anchor", "date", "mentioned_in", "article"):
            setattr(self, name, cache(getattr(self, name)))

    def objects(self, s: ox.Term, p: ox.NamedNode) -> list:
        return sorted((q.object for q in self.st.quads_for_pattern(s, p, None, _DG)), key=str)

    def first(self, s: ox.Term, p: ox.NamedNode) -> str:
        objs = self.objects(s, p)
        return objs[0].value if objs else ""

    def reach(self, node: ox.Term, predicates: tuple) -> list:
        reached = [node]
        for p in predicates:
            reached = [o for r in reached for o in self.objects(r, _n(p))]
        return reached

    def label(self, node: ox.Term) -> str:
        """What a node is called: its name, a post's label, a report's title, a kind's notation."""
        return (self.first(node, _NAME) or self.first(node, _PREF) or self.first(node, _TITLE)
                or self.first(node, _NOTATION) or _unnamed(node.value))

    def is_a(self, node: ox.Term, cls: ox.NamedNode) -> bool:
        return next(iter(self.st.quads_for_pattern(node, _TYPE, cls, _DG)), None) is not None

    def anchor(self, span: ox.Term) -> str:
        """A span's text (a sentence is the evidence of many facts)."""
        return self.first(span, _ANCHOR)

    def date(self, meeting: ox.Term) -> str:
        """A meeting's date ("" when it has none)."""
        return self.first(meeting, _DATE)

    def mentioned_in(self, node: ox.Term) -> frozenset[str]:
        """The articles with a mention span of `node` (read off the spans' IRIs)."""
        out = set()
        for q in self.st.quads_for_pattern(None, _MENTION, node, _DG):
            where = parse_span(q.subject.value) if isinstance(q.subject, ox.NamedNode) else None
            if where:
                out.add(where[0])
        return frozenset(out)

    def article(self, node: ox.Term) -> dict:
        """The article's columns (callers copy the dict: it is shared)."""
        return {"article": node.value, "headline": self.first(node, _HEADLINE),
                "article_date": self.first(node, _PUBLISHED), "province": self.first(node, _PROVINCE)}


def _cells(r: _Reader, prop: Prop, value: ox.Term) -> list[tuple[str, str | int]]:
    """(column, cell) of one value of a declared property."""
    kind = prop.value
    if kind == "integer":
        try:
            return [(prop.field, int(value.value))]
        except ValueError:
            return [(prop.field, value.value)]
    if kind == "text":
        return [(prop.field, value.value)]
    if kind == "date":
        return [("date", value.value)]
    if kind not in ENTITY_COLUMNS:
        return []  # a node of the article's own (a goal's list): its values come by a path
    column = ENTITY_COLUMNS[kind]
    if kind == "agent" and not r.is_a(value, _PERSON):
        column = "body"
    if kind in ("meeting", "report") and r.is_a(value, _MEETING):
        return [(_SITTINGS, value)]  # which sitting: chosen per row (`_sitting`)
    return [(column, r.label(value))]


def _content(r: _Reader, t: NodeType, node: ox.NamedNode) -> dict[str, list]:
    """The cells of a fact node's declared properties (each column's distinct values)."""
    cells: dict[str, list] = {"kind": [t.name]}
    roles = _role_fields(t)
    for prop in t.props:
        if prop.value == "text" and prop.field in roles:
            continue  # the post as written: the role's own label says the same
        for value in r.reach(node, prop.predicates):
            for column, cell in _cells(r, prop, value):
                if cell != "" and cell not in cells.setdefault(column, []):
                    cells[column].append(cell)
    return cells


def _evidence(r: _Reader, node: ox.NamedNode) -> list[dict]:
    """One provenance record per evidence span of a fact node (its article read off the span)."""
    out = []
    for span in r.objects(node, _EVIDENCE):
        context = r.objects(span, _CONTEXT) or r.objects(node, _ARTICLE)
        record = dict(r.article(context[0])) if context else {}
        begin, end = r.first(span, _BEGIN), r.first(span, _END)
        sentences = r.objects(span, _SENTENCE)
        record.update(begin=int(begin) if begin else "", end=int(end) if end else "",
                      evidence=r.anchor(span), sentence=r.anchor(sentences[0] if sentences else span))
        out.append(record)
    if not out:
        out = [dict(r.article(a)) for a in r.objects(node, _ARTICLE)] or [{}]
    return out


def _date(dates: list, article_date: str) -> str:
    """The fact's own date in one article's row: its only one, else the article's when among
    them (a node shared by articles gathers each one's date), else none."""
    if len(dates) == 1:
        return str(dates[0])
    return article_date if article_date in dates else ""


def _sitting(r: _Reader, meetings: list, row: dict) -> list:
    """The meeting nodes of a fact that its row's article speaks of: a fact node named by
    content may gather the sittings of a recurring meeting (one per date); the row keeps
    those the article mentions, else the latest held by the article's date, else all."""
    if len(meetings) < 2:
        return meetings
    here = [m for m in meetings if row["article"] in r.mentioned_in(m)]
    if len(here) == 1:
        return here
    pool = here or meetings
    day = row["article_date"]
    held = sorted((r.date(m), m.value, m) for m in pool if day and "" < r.date(m) <= day)
    return [held[-1][2]] if held else pool


def fact_nodes(st: ox.Store) -> list[tuple[NodeType, ox.NamedNode]]:
    """Every fact node of the graph with its declared type, in type then IRI order."""
    out = []
    for t in shape.FACTS:
        nodes = {q.subject for q in st.quads_for_pattern(None, _TYPE, _n(t.cls), _DG)
                 if isinstance(q.subject, ox.NamedNode)}
        out += [(t, n) for n in sorted(nodes, key=str)]
    return out


def facts_of(st: ox.Store, entity: str) -> list[tuple[NodeType, ox.NamedNode]]:
    """The fact nodes that name `entity` (an IRI) as their person or agent, in type then IRI order."""
    target = ox.NamedNode(entity)
    out = []
    for t in shape.FACTS:
        nodes: set = set()
        for p in t.props:
            if p.value in ("person", "agent") and not p.path:
                nodes.update(q.subject for q in st.quads_for_pattern(None, _n(p.predicate), target, _DG))
        out += [(t, n) for n in sorted(nodes, key=str) if isinstance(n, ox.NamedNode)
                and next(iter(st.quads_for_pattern(n, _TYPE, _n(t.cls), _DG)), None) is not None]
    return out


def _sort_key(row: dict) -> tuple:
    return (row["article_date"] or "~", row["article"], row["begin"] if row["begin"] != "" else -1,
            row["end"] if row["end"] != "" else -1, row["kind"], tuple(str(row[c]) for c in columns()))


Progress = Callable[[Iterable, int], Iterable]


def rows(st: ox.Store, progress: Progress | None = None,
         nodes: list[tuple[NodeType, ox.NamedNode]] | None = None) -> list[dict]:
    """The facts of a Store's default graph (or only `nodes`), one dict per fact and evidence
    span, keyed by `columns()` ("" where a column does not apply; several values joined by
    "; "), sorted by article date, article and offset. `progress(items, total)` wraps the
    loop over facts."""
    r = _Reader(st)
    nodes = fact_nodes(st) if nodes is None else nodes
    out = []
    for t, node in (progress(nodes, len(nodes)) if progress else nodes):
        cells = _content(r, t, node)
        dates = cells.pop("date", [])
        meetings = cells.pop(_SITTINGS, [])
        for record in _evidence(r, node):
            row = dict.fromkeys(columns(), "")
            row.update(record)
            sittings = _sitting(r, meetings, row)
            cells["meeting"] = [r.label(m) for m in sittings]
            cells["meeting_date"] = [r.date(m) for m in sittings]
            for column, values in cells.items():
                values = [v for v in values if v != ""]
                row[column] = "" if not values else values[0] if len(values) == 1 else "; ".join(map(str, values))
            row["date"] = _date(dates, row["article_date"])
            out.append(row)
    out.sort(key=_sort_key)
    return out


def to_csv(table: list[dict]) -> bytes:
    """The table as CSV: a header of `columns()`, UTF-8 with a BOM, CRLF line ends (RFC 4180;
    a sentence with a line break in it is quoted, which pandas and Excel read)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns())
    for row in table:
        w.writerow([row.get(c, "") for c in columns()])
    return buf.getvalue().encode("utf-8-sig")
