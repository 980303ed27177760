"""Looking things up in an entity graph (kg.analysis.entities): the main meeting, an entity
by name, how many of each class."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.errors import KgError


def main_meeting(G: nx.MultiDiGraph) -> str | None:
    """The meeting the graph is about (the most connected of those articles report on)."""
    meetings = [n for n, d in G.nodes(data=True) if d["cls"] == "meeting"]
    if not meetings:
        return None
    return max(meetings, key=lambda n: (bool(G.nodes[n]["props"].get("main")), G.degree(n), n))


def find(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose label, other written form or IRI is `name`; KgError when none is."""
    exact = [n for n, d in G.nodes(data=True) if name in (d["label"], n) or name in d["names"]]
    if not exact:
        exact = [n for n, d in G.nodes(data=True) if name in d["label"]]
    if not exact:
        raise KgError(f"no entity named {name!r} in the graph")
    return max(exact, key=lambda n: (G.degree(n), n))


def class_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of entities per class, in a fixed order."""
    counts: dict[str, int] = defaultdict(int)
    for _, c in G.nodes(data="cls"):
        counts[c] += 1
    return {c: counts[c] for c in sorted(counts)}
