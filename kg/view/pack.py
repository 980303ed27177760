"""Labelled marks moved the least distance so that no two overlap (the corpus overview).

A force layout puts related entities near each other but knows nothing of the labels drawn
under them; drawn as it is, 150 labels of a corpus overview run into each other, and spread
apart by pairwise pushes the whole grows until its labels are too small to read. Here each
entity, most important first, takes the free place nearest to where the layout put it, in
rows a few pixels high: a greedy packing that keeps the layout's shape and fills about
half the area with labels.
"""

from __future__ import annotations

import math

#: height of a row of the packing, in pixels (a box spans as many rows as it needs)
ROW = 12.0
#: pixels kept free between two boxes side by side
MARGIN_X = 24.0
#: share of the layout's area the boxes are to fill: the layout is scaled to it first
DENSITY = 0.8
#: a row away costs as much as this many pixels across (labels are wide: moving down is cheaper)
ROW_COST = 1.0

Box = tuple[float, float, float]  # half width, above, below the entity's point


def pack(pos: dict[str, tuple[float, float]], boxes: dict[str, Box],
         order: list[str]) -> dict[str, tuple[float, float]]:
    """x, y of every entity of `pos` such that no two `boxes` overlap, each entity placed
    in `order` (first placed, least moved) at the free spot nearest to where `pos` puts it,
    after `pos` is scaled so that the boxes fill DENSITY of its area."""
    if len(pos) < 2:
        return dict(pos)
    pos = _scaled(pos, boxes)
    rows: dict[int, list[tuple[float, float]]] = {}  # row -> taken x intervals
    out: dict[str, tuple[float, float]] = {}
    for n in order + sorted(set(pos) - set(order)):
        if n not in pos or n in out:
            continue
        x, y = pos[n]
        hw, up, down = boxes.get(n, (0.0, 0.0, 0.0))
        hw += MARGIN_X / 2
        span = max(1, math.ceil((up + down) / ROW))
        want = math.floor((y - up) / ROW)  # the row the box's top falls in
        best: tuple[float, float, int] | None = None
        for dr in _offsets():
            if best is not None and abs(dr) * ROW * ROW_COST >= best[0]:
                break
            top = want + dr
            bx = _nearest_free(x, hw, [iv for r in range(top, top + span) for iv in rows.get(r, ())])
            cost = math.hypot(bx - x, dr * ROW * ROW_COST)
            if best is None or cost < best[0]:
                best = (cost, bx, top)
        _, bx, top = best
        for r in range(top, top + span):
            rows.setdefault(r, []).append((bx - hw, bx + hw))
        out[n] = (bx, top * ROW + up)  # the box's top on its row's
    return out


def _offsets():
    """0, -1, 1, -2, 2, ...: rows tried, nearest first."""
    k = 0
    while True:
        yield k
        k = -k if k > 0 else -k + 1


def _nearest_free(x: float, hw: float, taken: list[tuple[float, float]]) -> float:
    """The centre nearest to `x` of an interval 2 * hw wide that meets none of `taken`
    (touching is allowed): outside the merged zones where a centre would overlap one."""
    zones: list[list[float]] = []
    for a, b in sorted((a - hw, b + hw) for a, b in taken):
        if zones and a < zones[-1][1]:
            zones[-1][1] = max(zones[-1][1], b)
        else:
            zones.append([a, b])
    for lo, hi in zones:
        if lo < x < hi:
            return lo if x - lo <= hi - x else hi
    return x


def _scaled(pos: dict[str, tuple[float, float]], boxes: dict[str, Box]) -> dict[str, tuple[float, float]]:
    """`pos` scaled about its centre so that the boxes' area is DENSITY of its bounding box's."""
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    area = sum(2 * (b[0] + MARGIN_X / 2) * (b[1] + b[2]) for n, b in boxes.items() if n in pos)
    if w <= 0 or h <= 0 or area <= 0:
        return pos
    k = math.sqrt(area / DENSITY / (w * h))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (cx + (x - cx) * k, cy + (y - cy) * k) for n, (x, y) in pos.items()}
