"""Node positions computed before the page is drawn, so the browser never has to simulate
a large graph: igraph's Fruchterman-Reingold (grid variant, in C) lays out 5,000 nodes in
about a second, where networkx's spring layout takes about a minute.
"""

from __future__ import annotations

import random
import statistics

import igraph as ig
import networkx as nx

#: pixels between two related nodes, on average
EDGE_LENGTH = 170.0


def positions(G: nx.MultiDiGraph, centre: str | None = None, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Deterministic x, y pixel positions of every node, with `centre` (if given) at 0, 0.

    Returns a dict node -> (x, y). The same graph always gets the same positions: igraph
    draws its random numbers from a generator seeded here and restored afterwards.
    """
    nodes = list(G.nodes)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.edges() if u != v})
    g = ig.Graph(n=len(nodes), edges=pairs)
    ig.set_random_number_generator(random.Random(seed))
    try:
        coords = g.layout_fruchterman_reingold(niter=500, grid=len(nodes) > 1000).coords
    finally:
        ig.set_random_number_generator(random)
    lengths = [((coords[a][0] - coords[b][0]) ** 2 + (coords[a][1] - coords[b][1]) ** 2) ** 0.5
               for a, b in pairs]
    typical = statistics.median(lengths) if lengths else 1.0
    scale = EDGE_LENGTH / (typical or 1.0)
    ox, oy = coords[index[centre]] if centre in index else (0.0, 0.0)
    return {n: (round((coords[i][0] - ox) * scale, 1), round((coords[i][1] - oy) * scale, 1))
            for n, i in index.items()}
