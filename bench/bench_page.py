"""Benchmark: the graph page of a ~5,000-entity corpus graph in headless Chromium.

    python bench/bench_page.py [--articles 400] [--runs 3]

Builds a corpus graph of invented articles of the genre (tests/view_fixtures.py), then
measures: entity-graph and analysis time, page render time (layout included), the page's
file size, and the time until the network is drawn in headless Chromium with networking
off (wall clock from navigation to the first stable drawing of the overview, and the
page's own performance.now() figure), then a search for the entity with the most
relations and the showing of its neighbours. Prints a Markdown table row set for
bench/README.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from browser import open_page  # noqa: E402
from view_fixtures import synthetic_corpus  # noqa: E402

from kg.analysis.entities import entity_graph  # noqa: E402
from kg.analysis.metrics import summary  # noqa: E402
from kg.view import page  # noqa: E402


def _expand(pg, run) -> None:
    """Time a search for the entity with the most relations and the showing of its neighbours."""
    run.extra["in page"] = pg.evaluate("kgNetwork.body.data.nodes.length")
    run.extra["drawn first"] = pg.evaluate("kgState.drawnNodes")
    hub = pg.evaluate("""() => { const n = kgNetwork.body.data.nodes.getIds();
        let best = n[0]; n.forEach(id => { if (kgNetwork.getConnectedNodes(id).length >
            kgNetwork.getConnectedNodes(best).length) best = id; }); return best; }""")
    label = pg.evaluate(f"kgNetwork.body.data.nodes.get({hub}).label")
    t = time.perf_counter()
    pg.evaluate(f"kgSearch({label!r}); kgExpand({hub}); kgNetwork.redraw()")
    pg.wait_for_timeout(0)
    run.extra["expand s"] = time.perf_counter() - t
    run.extra["shown"] = pg.evaluate("kgState.drawnNodes")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400, help="invented articles (400 give ~4,900 entities)")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    t = time.perf_counter()
    g = synthetic_corpus(args.articles)
    t_rdf = time.perf_counter() - t
    t = time.perf_counter()
    G = entity_graph(g)
    t_entities = time.perf_counter() - t
    t = time.perf_counter()
    summary(G)
    t_analysis = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        path = page.write(G, Path(tmp) / "graph.html", title="bench")
        t_render = time.perf_counter() - t
        size = path.stat().st_size
        walls, inpage, clicks = [], [], []
        for _ in range(args.runs):
            run = open_page(path, timeout_s=120, actions=_expand)
            # above 300 entities the page opens on its overview, the rest in the page, hidden
            assert run.extra["drawn first"] == run.state["overview"] == 150, run.state
            assert run.extra["in page"] == G.number_of_nodes(), run.extra
            assert not run.requests and not run.errors, (run.requests, run.errors)
            walls.append(run.seconds_to_drawn)
            inpage.append(run.state["drawnAt"] / 1000)
            clicks.append(run.extra["expand s"])
    print(f"| triples | {len(g):,} |")
    print(f"| entities / relations | {G.number_of_nodes():,} / {G.number_of_edges():,} |")
    print(f"| RDF -> entity graph | {t_entities:.1f} s |")
    print(f"| analysis (centrality, communities, ...) | {t_analysis:.1f} s |")
    print(f"| page render (layout + HTML) | {t_render:.1f} s |")
    print(f"| graph.html size | {size / 1e6:.1f} MB |")
    print(f"| navigation -> drawn, wall clock (median of {args.runs}) | {statistics.median(walls):.1f} s "
          f"(min {min(walls):.1f}, max {max(walls):.1f}) |")
    print(f"| page script start -> drawn (median) | {statistics.median(inpage):.1f} s |")
    print(f"| search + show the neighbours of the entity with most (median) | {statistics.median(clicks):.2f} s "
          f"({run.extra['shown']} entities shown) |")
    print(f"(synthetic corpus built in {t_rdf:.1f} s)")


if __name__ == "__main__":
    main()
