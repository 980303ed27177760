"""Entity graph -> one self-contained interactive HTML page (vis-network inlined).

Why not pyvis' own template: every one of its modes links Bootstrap from a CDN, "local"
and "remote" link vis-network from one too, and it writes the heading unescaped. kg takes
from pyvis only the vis-network it vendors, writes the node and edge records vis-network
reads (as pyvis' Network would make them) and renders them with its own template
(kg/view/templates), which inlines every script and style, escapes all article text (JSON
in <script> with <, >, & escaped; text put into the page with textContent) and adds a
legend, a class filter, a search box and a panel with each entity's facts and the
sentences they came from. pyvis' Python module is not imported (it imports IPython).
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from kg.analysis.lookup import main_meeting
from kg.view import overview, search
from kg.view.layout import positions

TEMPLATES = Path(__file__).with_name("templates")
#: pyvis' folder of vendored scripts, found without importing pyvis
PYVIS_TEMPLATES = Path(find_spec("pyvis").submodule_search_locations[0]) / "templates"

#: above this many nodes the page draws precomputed positions with physics off (frozen);
#: below it vis-network refines the layout, stops when stable and switches physics off
PHYSICS_MAX_NODES = 300
#: at most this many facts (and sentences per fact) per entity go into the page
MAX_FACTS = 40
MAX_SENTENCES = 2
MAX_SENTENCE_CHARS = 400
#: characters of a label drawn in a big page's overview (longer ones end in …)
SHORT_LABEL = 9

#: class -> (Chinese name, English name, colour, vis shape, size)
STYLE = {
    "meeting": ("会议", "meeting", "#1f77b4", "star", 34),
    "person": ("人物", "person", "#d62728", "dot", 16),
    "organization": ("机构", "organisation", "#2ca02c", "square", 16),
    "report": ("报告", "report", "#9467bd", "triangle", 16),
    "goal": ("目标", "goal", "#ff7f0e", "triangleDown", 12),
    "place": ("地点", "place", "#8c564b", "diamond", 14),
    "post": ("职务", "post", "#17becf", "box", 12),
}
_OTHER = ("其他", "other", "#7f7f7f", "dot", 12)
FONT_FACE = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Source Han Sans SC", "Microsoft YaHei", ' \
            '"PingFang SC", sans-serif'


def _tooltip(d: dict) -> str:
    """A short plain-text tooltip (vis-network shows a string title as text, never as HTML)."""
    zh, en = STYLE.get(d["cls"], _OTHER)[:2]
    lines = [d["label"], f"{zh} {en}"]
    for f in d["facts"][:6]:
        lines.append(f"{f['label']} → {f['other']}" if f["outgoing"] else f"{f['other']} → {f['label']}")
    if len(d["facts"]) > 6:
        lines.append(f"… {len(d['facts']) - 6} more")
    return "\n".join(lines)


def _details(G: nx.MultiDiGraph, ids: dict[str, int], years: dict[str, list[int]],
             years_of: YearsOf) -> tuple[dict, list[str], list[list]]:
    """Per-node facts for the panel: each fact's sentences with the article they came from
    (sentences and articles stored once, referred to by index), and its years (the year
    filter; a fact of no article, a meeting's city, has its subject's; one of undated
    articles none)."""
    sentences: list[str] = []
    seen: dict[str, int] = {}
    articles: list[list] = []
    aid: dict[str, int] = {}
    headlines, dates = G.graph.get("articles", {}), G.graph.get("dates", {})

    def sid(s: str) -> int:
        s = s if len(s) <= MAX_SENTENCE_CHARS else s[:MAX_SENTENCE_CHARS - 1] + "…"
        if s not in seen:
            seen[s] = len(sentences)
            sentences.append(s)
        return seen[s]

    def article(a: str) -> int:
        if a not in aid:
            aid[a] = len(articles)
            articles.append([headlines.get(a) or "", dates.get(a) or "", a])
        return aid[a]

    nodes = {}
    for n, d in G.nodes(data=True):
        facts = []
        for f in d["facts"][:MAX_FACTS]:
            evidence = f.get("evidence") or [(s, "") for s in f["sentences"]]
            subject = n if f["outgoing"] else f.get("node")
            facts.append([f["label"], f["other"], f["outgoing"],
                          [[sid(s), article(a) if a else -1] for s, a in evidence[:MAX_SENTENCES]],
                          ids.get(f.get("node"), -1),
                          years_of(f["articles"]) if f.get("articles") else years.get(subject, [])])
        nodes[ids[n]] = {"iri": n, "label": d["label"], "cls": d["cls"], "names": d["names"],
                         "pinyin": d.get("pinyin", ""), "props": d["props"], "facts": facts,
                         "more": max(0, len(d["facts"]) - MAX_FACTS)}
    return nodes, sentences, articles


YearsOf = Callable[[list[str]], list[int]]


def _years_of(G: nx.MultiDiGraph) -> YearsOf:
    """articles -> the years of those with a date, remembered per list of articles: every
    edge's list is asked for three times (its entities' years, the edge, the panel's fact)."""
    dates = G.graph.get("dates", {})
    memo: dict[tuple[str, ...], list[int]] = {}

    def years(articles: list[str]) -> list[int]:
        key = tuple(articles)
        if key not in memo:
            memo[key] = sorted({int(dates[a][:4]) for a in key if dates.get(a, "")[:4].isdigit()})
        return memo[key]
    return years


def _node_years(G: nx.MultiDiGraph, years_of: YearsOf) -> dict[str, list[int]]:
    """Entity -> the years of the articles its relations come from."""
    out: dict[str, set[int]] = {}
    for u, v, d in G.edges(data=True):
        for y in years_of(d.get("articles", [])):
            out.setdefault(u, set()).add(y)
            out.setdefault(v, set()).add(y)
    return {n: sorted(ys) for n, ys in out.items()}


#: how a long name is shortened to be drawn in the overview, in order (the panel shows it whole)
_ABBREVIATIONS = (("中华人民共和国", ""), ("中国人民政治协商会议", "政协"), ("中国共产党", "中共"),
                  ("人民代表大会", "人大"), ("常务委员会", "常委会"), ("委员会", "委"), ("人民政府", "政府"),
                  ("代表大会", "代会"), ("全体会议", "全会"), ("第", ""))


def _short(label: str) -> str:
    """A label short enough to draw in the overview: long names abbreviated (山西省第十四届
    人民代表大会第二次会议 -> 山西省十四届人大二次会议), then cut in the middle."""
    if len(label) <= SHORT_LABEL:
        return label
    short = label
    for long, abbr in _ABBREVIATIONS:
        short = short.replace(long, abbr)
    short = short or label
    if len(short) <= SHORT_LABEL + 3:  # a province's congress sitting reads whole
        return short
    head = (SHORT_LABEL + 1) // 2
    return short[:head] + "…" + short[-(SHORT_LABEL - head):]


#: font size of a label in the overview (px at zoom 1) and how much smaller its marks are
OVERVIEW_FONT = 24
OVERVIEW_SHRINK = 0.6


def _drawn_labels(G: nx.MultiDiGraph) -> dict[str, str]:
    """What the overview draws under each entity: its name shortened, and where several
    entities share a name (the sittings of 国务院常务会议), the date under it if it has one."""
    count: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        count[d["label"]] = count.get(d["label"], 0) + 1
    out = {}
    for n, d in G.nodes(data=True):
        date = d["props"].get("date") if count[d["label"]] > 1 else None
        out[n] = _short(d["label"] or "") + (f"\n{date}" if isinstance(date, str) and date else "")
    return out


def _box(d: dict, label: str) -> tuple[float, float, float]:
    """(half width, above, below) in pixels of an overview entity's mark and the `label`
    drawn under it, for kg.view.overview to keep apart (a CJK character is about a font
    size wide, a Latin letter or digit about half)."""
    lines = label.split("\n")
    width = max(sum(OVERVIEW_FONT * (0.6 if ord(ch) < 0x2E80 else 1.0) for ch in line) for line in lines)
    size = STYLE.get(d["cls"], _OTHER)[4] * OVERVIEW_SHRINK
    return max(width / 2, size), size, size + OVERVIEW_FONT * 1.25 * len(lines)


def build_network(G: nx.MultiDiGraph, centre: str | None = None) -> tuple[dict, dict]:
    """The vis-network data of an entity graph and the data kg's template adds to it.

    Up to PHYSICS_MAX_NODES entities the page draws them all, the layout refined in the
    browser with `centre` (by default the main meeting) at the origin. Above, it opens on
    an overview (kg.view.overview): the most central entities, grouped by community, at
    precomputed positions with physics off; the others are in the page, hidden, until a
    search or a click on a neighbour shows them. Nodes get integer ids (short pages),
    colour and shape by class; edges are directed, labelled with the relation, and carry
    the years of their articles (the year filter). Returns ({"nodes", "edges",
    "options"}, page data).
    """
    centre = centre if centre in G else main_meeting(G)
    frozen = G.number_of_nodes() > PHYSICS_MAX_NODES
    ids = {n: i for i, n in enumerate(G.nodes)}
    community = overview.communities(G)
    drawn = _drawn_labels(G) if frozen else {}
    if frozen:
        shown = overview.choose(G)
        pos = overview.positions(G, shown, community, {n: _box(G.nodes[n], drawn[n]) for n in shown})
    else:
        shown = list(G.nodes)
        pos = positions(G, centre)
    nodes = _vis_nodes(G, ids, pos, centre, drawn if frozen else None)
    years_of = _years_of(G)
    years = _node_years(G, years_of)
    edges = _vis_edges(G, ids, years, years_of)
    details, sentences, articles = _details(G, ids, years, years_of)
    legend = _legend(G)
    keys = {ids[n]: k for n, d in G.nodes(data=True) if (k := search.keys(d["label"], d["cls"]))}
    names = [x for _, d in G.nodes(data=True) for x in [d["label"], *d["names"]]]
    data = {
        "nodes": details, "sentences": sentences, "articles": articles, "legend": legend,
        "expected": {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()},
        "centre": ids.get(centre), "frozen": frozen, "overview": [ids[n] for n in shown] if frozen else None,
        "community": {ids[n]: c for n, c in community.items()},
        "years": sorted({y for e in edges for y in e["y"]}),
        "pinyin": keys, "traditional": search.traditional_table(names),
    }
    return {"nodes": nodes, "edges": edges, "options": _options(frozen, G.number_of_edges())}, data


def _vis_nodes(G: nx.MultiDiGraph, ids: dict, pos: dict, centre: str | None, drawn: dict | None) -> list[dict]:
    """vis-network nodes: at their positions, the centre pinned while the browser lays out the
    rest; on an overview (`drawn`: the labels as drawn) the entities off it hidden."""
    nodes = []
    for n, d in G.nodes(data=True):
        x, y = pos.get(n, (0.0, 0.0))
        extra = {"fixed": {"x": True, "y": True}} if (n == centre and drawn is None) else {}
        if drawn is not None and n not in pos:
            extra = {"hidden": True}
        label = drawn[n] if drawn is not None and drawn[n] else (d["label"] or ids[n])
        # colour, shape and size come from the class's vis group (options["groups"])
        nodes.append({"title": _tooltip(d), "group": d["cls"] if d["cls"] in STYLE else "other", "x": x, "y": y,
                      **extra, "id": ids[n], "label": label})
    return nodes


def _vis_edges(G: nx.MultiDiGraph, ids: dict, years: dict, years_of: YearsOf) -> list[dict]:
    """vis-network edges, directed and labelled, each with the years of its articles: a
    relation no article states (a meeting's city) is of its subject's years; one from
    undated articles of no year."""
    return [{"id": k, "label": d["label"], "title": d["label"], "from": ids[u], "to": ids[v], "arrows": "to",
             "y": years_of(d["articles"]) if d.get("articles") else years.get(u, [])}
            for k, (u, v, d) in enumerate(G.edges(data=True))]


def _legend(G: nx.MultiDiGraph) -> list[dict]:
    """The legend: each class present, with its style and how many entities it has."""
    counts: dict[str, int] = {}
    for _, c in G.nodes(data="cls"):
        counts[c] = counts.get(c, 0) + 1
    return [{"cls": c, "zh": s[0], "en": s[1], "color": s[2], "shape": s[3], "count": counts.get(c, 0)}
            for c, s in STYLE.items() if counts.get(c)]


def _options(frozen: bool, n_edges: int) -> dict:
    big = frozen or n_edges > 1000
    # zoomed out over a big graph, labels under 8 px are unreadable clutter: not drawn
    threshold = 8 if big else 5
    # the overview is seen from further away: larger labels, smaller marks, fainter relations
    shrink = OVERVIEW_SHRINK if frozen else 1.0
    groups = {cls: {"color": {"background": c, "border": "#333333"}, "shape": shape, "size": round(size * shrink)}
              for cls, (_, _, c, shape, size) in {**STYLE, "other": _OTHER}.items()}
    return {
        "groups": groups,
        "nodes": {"font": {"face": FONT_FACE, "size": OVERVIEW_FONT if frozen else 16, "strokeWidth": 4,
                           "strokeColor": "#ffffff"},
                  "borderWidth": 1, "scaling": {"label": {"drawThreshold": threshold}}},
        "edges": {"font": {"face": FONT_FACE, "size": 11, "align": "middle", "color": "#555555",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333",
                            "opacity": 0.35 if frozen else 1.0},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "scaling": {"label": {"drawThreshold": threshold}},
                  "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3}},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False},
        "physics": {"enabled": not frozen, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 140,
                                         "springConstant": 0.04, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
                    "minVelocity": 1.0},
    }


#: pyvis' vendored files the page inlines
VENDORED = ("lib/vis-9.1.2/vis-network.css", "lib/vis-9.1.2/vis-network.min.js")


@functools.cache
def _vendored() -> dict[str, Markup]:
    """pyvis' vendored files as text, put into the page as they are (an include would have
    jinja parse half a megabyte of script for tags it does not hold: ~0.1 s a page), line
    ends made "\n" as a template's are."""
    return {name: Markup((PYVIS_TEMPLATES / name).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n"))
            for name in VENDORED}


def render(G: nx.MultiDiGraph, title: str = "kg", centre: str | None = None) -> str:
    """The page of an entity graph as HTML text: self-contained, no network needed."""
    network, data = build_network(G, centre)
    env = Environment(loader=FileSystemLoader([str(TEMPLATES), str(PYVIS_TEMPLATES)]),
                      autoescape=select_autoescape(["html"]), keep_trailing_newline=True)
    env.globals["kg"] = {"title": title, "data": data}
    html = env.get_template("kg_page.html").render(nodes=network["nodes"], edges=network["edges"],
                                                   options=json.dumps(network["options"]), vendored=_vendored())
    # A page that calls out would break offline use and leak what is being read.
    for needle in ('src="http', "src='http", 'href="http', "href='http", "@import", "url(http"):
        if needle in html:
            raise RuntimeError(f"page refers to a remote resource ({needle})")
    return html


def write(G: nx.MultiDiGraph, path: os.PathLike, title: str = "kg", centre: str | None = None) -> Path:
    """Write the page of `G` to `path` (UTF-8, atomically); returns the path."""
    from kg.corpus.outputs import write_atomic

    return write_atomic(Path(path), render(G, title, centre).encode("utf-8"))
