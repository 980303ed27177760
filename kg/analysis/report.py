"""The analysis summary (kg.analysis.metrics.summary) as text: Markdown, terminal tables, JSON."""

from __future__ import annotations

import json

from kg.graph.query import format_rows

TOP_PEOPLE = 15
KIND_NAMES = {"presided": "主持 presided", "reported": "作报告 reported", "spoke": "讲话 spoke",
              "attended": "出席 attended"}


def _rate(a: dict) -> str:
    if "rate" not in a:
        return ""
    return f"{a['present']}/{a['expected']} ({a['rate'] * 100:.1f}%)"


def actors(s: dict) -> list[dict]:
    """The ranked people of the summary who act in the story (not only in a byline)."""
    return [p for p in s["people"] if not p["byline"]]


def sections(s: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    """The summary as titled tables: (title, column names, rows of strings)."""
    out = []
    out.append(("Entities per class", ["class", "count"], [[k, str(v)] for k, v in s["classes"].items()]))
    out.append(("Relations", ["relation", "count"], [[k, str(v)] for k, v in s["relations"].items()]))
    out.append((f"Most central people (top {TOP_PEOPLE})",
                ["name", "relations", "degree", "betweenness", "pagerank", "roles"],
                [[p["name"], str(p["relations"]), str(p["degree"]), f"{p['betweenness']:.4f}",
                  f"{p['pagerank']:.4f}", "、".join(p["roles"])] for p in actors(s)[:TOP_PEOPLE]]))
    out.append(("Bylines", ["name", "roles"],
                [[p["name"], "、".join(p["roles"])] for p in s["people"] if p["byline"]]))
    rows = []
    for m in s["meetings"]:
        att = "; ".join(_rate(a) for a in m["attendance"] if "rate" in a)
        rows.append([m["name"], *("、".join(m[k]) for k in KIND_NAMES), att])
    out.append(("Meetings", ["meeting", *KIND_NAMES.values(), "attendance"], rows))
    rows = [[g["about"] or "(no report named)", g["presenter"],
             ", ".join(f"{k} {n}" for k, n in g["goals"].items()), str(g["total"])] for g in s["goals"]]
    out.append(("Goals per report", ["report / meeting", "presenter", "by kind", "total"], rows))
    co = s["coparticipation"]
    out.append((f"Co-participation: {co['people']} people, {co['pairs']} pairs; strongest pairs",
                ["person", "person", "meetings together"],
                [[e["a"], e["b"], str(e["weight"])] for e in co["strongest"][:10]]))
    out.append(("Communities of co-participation", ["#", "size", "members"],
                [[str(i + 1), str(len(c)), "、".join(c[:30]) + ("…" if len(c) > 30 else "")]
                 for i, c in enumerate(co["communities"][:20])]))
    return out


def _md_cell(v: str) -> str:
    return v.replace("|", "\\|").replace("\n", " ")


def markdown(s: dict, title: str = "Analysis") -> str:
    """The summary as a Markdown document: key facts first, then one table per section."""
    g = s["graph"]
    lines = [f"# {title}", "",
             f"{g['entities']} entities, {g['relations']} relations."]
    if actors(s):
        lines.append("Most central people: " + "、".join(p["name"] for p in actors(s)[:5]) + ".")
    for m in s["meetings"][:3]:
        for a in m["attendance"]:
            if "rate" in a:
                lines.append(f"Attendance at {m['name']}: {_rate(a)}.")
    lines.append("")
    for name, cols, rows in sections(s):
        lines += [f"## {name}", ""]
        if not rows:
            lines += ["(none)", ""]
            continue
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("|" + "---|" * len(cols))
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
        lines.append("")
    return "\n".join(lines)


def table(s: dict) -> str:
    """The summary as aligned terminal tables (Chinese counted double width)."""
    parts = []
    for name, cols, rows in sections(s):
        parts.append(f"== {name}\n" + format_rows(cols, rows))
    return "\n".join(parts)


def to_json(s: dict) -> str:
    """The summary as JSON (UTF-8 text, keys in a fixed order)."""
    return json.dumps(s, ensure_ascii=False, indent=1) + "\n"
