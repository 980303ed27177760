"""Who matters here: counts, centrality, co-participation and per-meeting summaries.

Everything is computed on the entity graph (kg.analysis.entities) and returned as plain
dicts and lists, so the same summary prints as a table, Markdown or JSON.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from kg.analysis.lookup import class_counts

#: up to this many nodes betweenness is exact, by igraph (in C: 0.2 s for the 2,900 entities
#: of the shared corpus built three times, where networkx took 6 s); above it, estimated by
#: networkx from a sample of sources (exact betweenness is O(n*m))
EXACT_BETWEENNESS_MAX = 20_000
BETWEENNESS_SAMPLE = 200
PARTICIPATION = ("presided", "reported", "spoke", "attended")
CREDITS = ("reporter", "photographer")


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """The entities with one edge per related pair, weighted by how many relations join them."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    for u, v in G.edges():
        if U.has_edge(u, v):
            U[u][v]["weight"] += 1
        else:
            U.add_edge(u, v, weight=1)
    return U


def _betweenness(U: nx.Graph) -> dict[str, float]:
    """Normalised betweenness of every node (networkx's scale): exact up to
    EXACT_BETWEENNESS_MAX nodes, else estimated from BETWEENNESS_SAMPLE sources."""
    n = U.number_of_nodes()
    if n > EXACT_BETWEENNESS_MAX:
        return nx.betweenness_centrality(U, k=BETWEENNESS_SAMPLE, seed=0)
    import igraph as ig

    nodes = list(U.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=n, edges=[(index[a], index[b]) for a, b in U.edges()])
    # igraph counts each pair once; networkx's normalised value is 2 / ((n-1)(n-2)) of that
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return {v: b * scale for v, b in zip(nodes, g.betweenness(directed=False), strict=True)}


def _pagerank(U: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> dict[str, float]:
    """Weighted PageRank by networkx's power iteration (same start, damping, dangling nodes
    and stopping rule), in numpy alone: networkx's own needs scipy, whose import costs
    more than the whole iteration on a corpus graph."""
    import numpy as np

    nodes = list(U)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = [(index[a], index[b], float(w)) for a, b, w in U.edges(data="weight", default=1)]
    rows = np.array([a for a, b, _ in pairs] + [b for a, b, _ in pairs if a != b], dtype=np.int64)
    cols = np.array([b for a, b, _ in pairs] + [a for a, b, _ in pairs if a != b], dtype=np.int64)
    weights = np.array([w for _, _, w in pairs] + [w for a, b, w in pairs if a != b])
    out = np.bincount(rows, weights=weights, minlength=n)
    share = weights / out[rows]  # each edge's part of its source's weight
    dangling = np.where(out == 0)[0]
    p = np.repeat(1.0 / n, n)
    x = p
    for _ in range(max_iter):
        last = x
        x = alpha * (np.bincount(cols, weights=last[rows] * share, minlength=n) + last[dangling].sum() * p) \
            + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            break
    return dict(zip(nodes, map(float, x), strict=True))


def centrality(G: nx.MultiDiGraph) -> list[dict]:
    """People ranked by how many relations they have (what they did, the posts they hold),
    then by PageRank and name; with degree (distinct neighbours), betweenness and PageRank.

    PageRank alone is not the ranking: in a one-article graph it favours a leaf whose only
    neighbour is a small node (the reporter and the newspaper) over the presider. People
    the graph knows only from a byline (`byline`: true) are ranked after the actors."""
    U = _undirected(G)
    n = U.number_of_nodes()
    if n == 0:
        return []
    between = _betweenness(U)
    rank = _pagerank(U) if U.number_of_edges() else {v: 1 / n for v in U}
    people = [v for v, c in G.nodes(data="cls") if c == "person"]
    rows = [{
        "name": G.nodes[v]["label"],
        "id": v,
        "relations": G.degree(v),
        "degree": U.degree(v),
        "betweenness": round(between[v], 6),
        "pagerank": round(rank[v], 6),
        "roles": list(G.nodes[v]["props"].get("roles", [])),
        "byline": _byline_only(G, v),
    } for v in people]
    rows.sort(key=lambda r: (r["byline"], -r["relations"], -r["pagerank"], r["name"]))
    return rows


def _byline_only(G: nx.MultiDiGraph, v: str) -> bool:
    """True for a person credited with the article and doing nothing in it (a reporter)."""
    rels = {rel for _, _, rel in G.out_edges(v, data="relation")} | \
        {rel for _, _, rel in G.in_edges(v, data="relation")}
    return bool(rels & set(CREDITS)) and rels <= set(CREDITS) | {"role"}


def coparticipation(G: nx.MultiDiGraph) -> nx.Graph:
    """People joined when they took part in the same meeting; weight = meetings shared."""
    by_meeting: dict[str, set[str]] = defaultdict(set)
    for u, v, rel in G.edges(data="relation"):
        if rel in PARTICIPATION and G.nodes[u]["cls"] == "person":
            by_meeting[v].add(u)
    # the pairs gathered first (a plain dict: networkx's edge lookups cost more than the
    # counting), then added in the order they were first met: the same graph, edge for edge
    shared: dict[tuple[str, str], list[str]] = {}
    for meeting in sorted(by_meeting):
        for pair in combinations(sorted(by_meeting[meeting]), 2):
            shared.setdefault(pair, []).append(meeting)
    C = nx.Graph()
    C.add_nodes_from(sorted({p for ps in by_meeting.values() for p in ps}))
    C.add_edges_from((a, b, {"weight": len(ms), "meetings": ms}) for (a, b), ms in shared.items())
    return C


def communities(C: nx.Graph) -> list[list[str]]:
    """Communities of the co-participation network (Louvain, fixed seed), largest first."""
    if C.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(C, weight="weight", seed=0) if C.number_of_edges() else \
        [{v} for v in C]
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def meetings(G: nx.MultiDiGraph) -> list[dict]:
    """Per meeting: who presided, reported, spoke and attended; attendance and its rate."""
    out = []
    for m, d in G.nodes(data=True):
        if d["cls"] != "meeting":
            continue
        roles: dict[str, list[str]] = {k: [] for k in PARTICIPATION}
        for u, _, rel in G.in_edges(m, data="relation"):
            if rel in roles and G.nodes[u]["label"] not in roles[rel]:
                roles[rel].append(G.nodes[u]["label"])
        attendance = []
        for a in d["props"].get("attendance", []):
            entry = dict(a)
            if a.get("expected") and a.get("present") is not None:
                entry["rate"] = round(a["present"] / a["expected"], 4)
            attendance.append(entry)
        out.append({"name": d["label"], "id": m, **{k: sorted(v) for k, v in roles.items()},
                    "attendance": attendance,
                    **{k: d["props"][k] for k in ("term", "session", "date") if k in d["props"]}})
    out.sort(key=lambda r: (-sum(len(r[k]) for k in PARTICIPATION), r["name"]))
    return out


def goals_by_report(G: nx.MultiDiGraph) -> list[dict]:
    """Per report (or meeting) that enumerated goals: how many goals of each kind."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for u, v, rel in G.edges(data="relation"):
        if rel == "goalOf":
            counts[v][G.nodes[u]["props"].get("kind", "unknown")] += 1
    loose = [v for v, c in G.nodes(data="cls") if c == "goal" and not any(
        r == "goalOf" for _, _, r in G.out_edges(v, data="relation"))]
    for v in loose:
        counts[""][G.nodes[v]["props"].get("kind", "unknown")] += 1
    rows = []
    for target, kinds in counts.items():
        presenter = ""
        if target:
            presenter = next((G.nodes[u]["label"] for u, _, r in G.in_edges(target, data="relation")
                              if r == "presented"), "")
        rows.append({"about": G.nodes[target]["label"] if target else "",
                     "class": G.nodes[target]["cls"] if target else "",
                     "presenter": presenter, "goals": dict(sorted(kinds.items())),
                     "total": sum(kinds.values())})
    rows.sort(key=lambda r: (-r["total"], r["about"], r["presenter"]))
    return rows


def summary(G: nx.MultiDiGraph) -> dict:
    """The whole analysis of an entity graph, as JSON-ready data."""
    C = coparticipation(G)
    relations = Counter(rel for _, _, rel in G.edges(data="relation"))
    return {
        "graph": {"entities": G.number_of_nodes(), "relations": G.number_of_edges()},
        "classes": class_counts(G),
        "relations": dict(sorted(relations.items())),
        "people": centrality(G),
        "coparticipation": {
            "people": C.number_of_nodes(),
            "pairs": C.number_of_edges(),
            "strongest": sorted(({"a": G.nodes[a]["label"], "b": G.nodes[b]["label"], "weight": w}
                                 for a, b, w in C.edges(data="weight")),
                                key=lambda e: (-e["weight"], e["a"], e["b"]))[:20],
            "communities": [[G.nodes[v]["label"] for v in c] for c in communities(C)],
        },
        "meetings": meetings(G),
        "goals": goals_by_report(G),
    }
