"""SPARQL over a built graph: load, run, and format the rows as a table, CSV or JSON.

Graph files are read by kg.graph.files and queried by pyoxigraph, so `kg query` gives the
same rows from graph.ttl as from graph.nq or the store; an rdflib Graph (a user's own)
is queried by rdflib.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import KgError
from kg.graph import files


def load_graph(path: Path) -> ox.Store:
    """A graph file of any format kg reads, in memory (kg.graph.files.load)."""
    return files.load(Path(path))


def read_query(query: str) -> str:
    """The SPARQL text: the file's content when `query` names a file, else `query` itself."""
    p = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and p.is_file()):
        if not p.is_file():
            raise KgError(f"{query}: no such query file")
        return p.read_text(encoding="utf-8")
    return query


def run(graph: ox.Store | Graph, sparql: str) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT query over a loaded graph (a Store, or a user's rdflib Graph); returns
    column names and rows of strings (None where unbound)."""
    if isinstance(graph, ox.Store):
        from kg.graph import store

        return store.query(graph, sparql)
    try:
        result = graph.query(sparql)
    except Exception as exc:
        raise KgError(f"query failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:160]}") from exc
    if result.type != "SELECT":
        raise KgError("only SELECT queries print as rows")
    names = [str(v) for v in result.vars]
    rows = [[None if v is None else str(v) for v in row] for row in result]
    return names, rows


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def format_rows(names: list[str], rows: list[list[str | None]], fmt: str = "table") -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps([dict(zip(names, r, strict=True)) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if v is None else v for v in r])
        return buf.getvalue()
    cells = [names] + [["" if v is None else v for v in r] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(names))]
    lines = []
    for k, row in enumerate(cells):
        lines.append("  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(row)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"
