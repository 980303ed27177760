"""The overview of a big graph: which entities a corpus page opens on, grouped how.

A corpus graph of a thousand entities or more drawn whole is a ball of dots. Its page
opens instead on the OVERVIEW_SIZE most central entities (PageRank of the undirected
entity graph, weighted by how many relations join two entities), grouped by community
(Louvain, igraph's multilevel in C, seeded), each community laid out around its own
centre so that a reader sees groups, not a ball, then each entity moved the least so
that no two labels overlap (kg.view.pack). Goals stay out, and at most two sittings of
one series. Everything else stays in the page, reached by search and by expanding a
node's neighbours (kg_page.js).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict

import igraph as ig
import networkx as nx

from kg.analysis.metrics import _pagerank, _undirected
from kg.view import pack

#: entities a big page opens on
OVERVIEW_SIZE = 150
#: classes never chosen for the overview (leaves that say little on their own)
_NOT_IN_OVERVIEW = frozenset({"goal"})
#: pixels between two entities of the overview, down (ASPECT times that across)
SPACING = 46.0


def rank(G: nx.MultiDiGraph) -> list[str]:
    """Every entity, most central first (PageRank, then relations, then IRI: deterministic)."""
    U = _undirected(G)
    if U.number_of_nodes() == 0:
        return []
    pr = _pagerank(U) if U.number_of_edges() else {v: 1.0 for v in U}
    return sorted(G.nodes, key=lambda n: (-round(pr[n], 12), -G.degree(n), n))


def communities(G: nx.MultiDiGraph, seed: int = 0) -> dict[str, int]:
    """Entity -> its community number (0 the largest), Louvain on the undirected entity graph."""
    U = _undirected(G)
    nodes = sorted(U.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted((min(index[a], index[b]), max(index[a], index[b]), w) for a, b, w in U.edges(data="weight"))
    g = ig.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in pairs])
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = g.community_multilevel(weights=[w for _, _, w in pairs]).membership if pairs else \
            list(range(len(nodes)))
    finally:
        ig.set_random_number_generator(random)
    groups: dict[int, list[str]] = defaultdict(list)
    for n, c in zip(nodes, membership, strict=True):
        groups[c].append(n)
    ordered = sorted(groups.values(), key=lambda ns: (-len(ns), ns[0]))
    return {n: k for k, ns in enumerate(ordered) for n in ns}


#: entities of one name the overview shows at most, and meetings of one series (names the
#: same but for their numbers: the sittings of a recurring meeting)
SAME_NAME = 2
_NUMERALS = str.maketrans("", "", "0123456789〇零一二三四五六七八九十百两")


def _series(d: dict) -> str:
    """What entities count as the same name in the overview: a meeting's name without its
    numbers (十三届…第十次委员长会议 and 第十一次 are one series), any other's as it is."""
    return d["label"].translate(_NUMERALS) if d["cls"] == "meeting" else d["label"]


def choose(G: nx.MultiDiGraph, size: int = OVERVIEW_SIZE) -> list[str]:
    """The entities the overview shows: the `size` most central, goals aside, and no more
    than SAME_NAME of one name or series (the other sittings of a recurring meeting are a
    click away)."""
    out: list[str] = []
    names: dict[str, int] = defaultdict(int)
    for n in rank(G):
        d = G.nodes[n]
        key = _series(d)
        if d["cls"] in _NOT_IN_OVERVIEW or names[key] >= SAME_NAME:
            continue
        names[key] += 1
        out.append(n)
        if len(out) == size:
            break
    return out


def positions(G: nx.MultiDiGraph, shown: list[str], community: dict[str, int],
              boxes: dict[str, tuple[float, float, float]] | None = None,
              seed: int = 0) -> dict[str, tuple[float, float]]:
    """x, y of the overview's entities, a disc per community: each community laid out on
    its own (Fruchterman-Reingold over the relations among its members), its members
    spread evenly, then the discs packed around the largest; communities of one or two
    shown members share one disc. Entities are SPACING apart, labels (wider than tall)
    further apart across than down. With `boxes` (entity -> half width, height above
    and below its centre, in pixels: the mark and the label under it), no two boxes
    overlap (kg.view.pack; `shown` first placed, least moved). Deterministic (seeded,
    inputs sorted)."""
    if not shown:
        return {}
    groups: dict[int, list[str]] = defaultdict(list)
    for n in sorted(shown):
        groups[community.get(n, -1)].append(n)
    loose = sorted(n for c, ns in groups.items() if len(ns) < 3 for n in ns)
    discs = [ns for _, ns in sorted(groups.items()) if len(ns) >= 3] + ([loose] if loose else [])
    discs.sort(key=lambda ns: (-len(ns), ns[0]))
    placed: list[tuple[float, float, float]] = []  # x, y, radius of each disc
    out: dict[str, tuple[float, float]] = {}
    for ns in discs:
        local = _disc(G, ns, seed) if ns is not loose else _grid(ns)
        radius = max(math.hypot(x, y) for x, y in local.values()) + 0.5
        cx, cy = _free_spot(placed, radius)
        placed.append((cx, cy, radius))
        out.update({n: (cx + x, cy + y) for n, (x, y) in local.items()})
    out = _spread(out, GAP)
    px = {n: (x * SPACING * ASPECT, y * SPACING) for n, (x, y) in sorted(out.items())}
    if boxes:
        px = pack.pack(px, boxes, shown)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in px.items()}


#: how much further apart entities are across than down (labels are wide)
ASPECT = 2.3
#: the least distance between two entities, in units of SPACING down, ASPECT * SPACING across
GAP = 1.2
#: width over height of the window the overview is drawn for
SCREEN = 1.3


def _disc(G: nx.MultiDiGraph, ns: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Members of one community around 0, 0, about one unit apart."""
    index = {n: i for i, n in enumerate(ns)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.subgraph(ns).edges() if u != v})
    hub = len(ns)
    g = ig.Graph(n=len(ns) + 1, edges=pairs + [(i, hub) for i in range(len(ns))])
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = g.layout_fruchterman_reingold(niter=500).coords
    finally:
        ig.set_random_number_generator(random)
    local = {n: coords[index[n]] for n in ns}
    return _spread(_unit(_spread(_centred(local))), GAP)


def _grid(ns: list[str]) -> dict[str, tuple[float, float]]:
    """Entities of no community shown in a square block, one unit apart."""
    side = math.ceil(math.sqrt(len(ns) / 2))  # columns: stretched ASPECT times, the block stays square
    return _centred({n: (float(k % side), float(k // side) * 0.8 + (k % side % 2) * 0.4)
                     for k, n in enumerate(ns)})


def _centred(local: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs, ys = [p[0] for p in local.values()], [p[1] for p in local.values()]
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    return {n: (x - cx, y - cy) for n, (x, y) in local.items()}


def _unit(local: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Scaled so that the median distance to the nearest other entity is one unit."""
    pts = list(local.values())
    if len(pts) < 2:
        return local
    nearest = sorted(min(math.hypot(a[0] - b[0], a[1] - b[1]) for b in pts if b is not a) for a in pts)
    d = nearest[len(nearest) // 2] or 1.0
    return {n: (x / d, y / d) for n, (x, y) in local.items()}


def _spread(pos: dict[str, tuple[float, float]], gap: float = 1.0, rounds: int = 60) -> dict[str, tuple[float, float]]:
    """Entities closer than `gap` pushed apart (a few rounds of pairwise pushes)."""
    import numpy as np

    names = list(pos)
    if len(names) < 2:
        return pos
    xy = np.array([pos[n] for n in names], dtype=float)
    rng = np.random.default_rng(0)
    xy += rng.normal(scale=1e-3, size=xy.shape)  # coincident points get a direction
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(-1)) + np.eye(len(names))
        push = np.clip(gap - dist, 0, None) / dist / 2
        np.fill_diagonal(push, 0)
        if not push.any():
            break
        xy += (diff * push[:, :, None]).sum(1)
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, xy, strict=True)}


def _free_spot(placed: list[tuple[float, float, float]], radius: float) -> tuple[float, float]:
    """The first point of a spiral out from 0, 0 where a disc of `radius` overlaps no placed disc."""
    if not placed:
        return 0.0, 0.0
    step = 0
    while True:
        a = step * 0.3
        r = 0.12 * a
        # an upright spiral: stretched ASPECT times across, the whole comes out about as
        # wide as a screen is to its height (SCREEN)
        x, y = r * math.cos(a) * SCREEN / ASPECT, r * math.sin(a)
        if all(math.hypot(x - px, y - py) >= radius + pr + 0.3 for px, py, pr in placed):
            return x, y
        step += 1
