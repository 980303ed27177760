"""The page of a corpus (above 300 entities) in headless Chromium, networking off: it opens
on a labelled overview, finds people by pinyin and traditional characters, shows a node's
neighbours on a click, and filters facts by their articles' year.

The corpus is invented (tests/view_fixtures.py): 60 meeting articles dated 2031 to 2033,
people drawn from an invented population of 100 (each attends several meetings), and one guest, 钱立新, at the first meeting only
(so not among the most central: a search has to bring him in).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium_path, open_page
from view_fixtures import synthetic_corpus

from kg.analysis.entities import entity_graph
from kg.view import overview, page

YEARS = (2031, 2032, 2033)
GUEST = "钱立新"
NETWORK = "#mynetwork"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, object]:
    assert chromium_path(), "no chromium: run .ci/setup.d/30-view.sh (apt-get install chromium)"
    G = entity_graph(synthetic_corpus(60, population=100, years=YEARS, guest=GUEST))
    assert G.number_of_nodes() > page.PHYSICS_MAX_NODES
    path = page.write(G, tmp_path_factory.mktemp("corpus") / "graph.html", title="corpus")
    return path, G


def _labels_on_screen(pg) -> dict:
    """Where the drawn nodes' labels are on the screen, how big, and whether any two overlap."""
    return pg.evaluate("""() => {
        const net = kgNetwork, ids = net.body.data.nodes.getIds().filter(id => !net.body.nodes[id].options.hidden);
        const boxes = ids.map(id => { const n = net.body.nodes[id]; n.labelModule.getTextSize(net.canvas.getContext());
            const b = n.labelModule.size; const tl = net.canvasToDOM({x: b.left, y: b.top});
            const br = net.canvasToDOM({x: b.left + b.width, y: b.top + b.height});
            return {id: id, x0: tl.x, y0: tl.y, x1: br.x, y1: br.y}; });
        let overlaps = 0;
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i], b = boxes[j];
            if (a.x0 < b.x1 - 1 && b.x0 < a.x1 - 1 && a.y0 < b.y1 - 1 && b.y0 < a.y1 - 1) overlaps++; }
        const c = net.canvas.frame.canvas.getBoundingClientRect();
        const inside = boxes.filter(b => b.x0 >= -1 && b.y0 >= -1 && b.x1 <= c.width + 1 && b.y1 <= c.height + 1).length;
        return {count: boxes.length, overlaps: overlaps, inside: inside,
                px: net.getScale() * net.body.nodes[ids[0]].options.font.size,
                width: Math.max(...boxes.map(b => b.x1)) - Math.min(...boxes.map(b => b.x0)),
                height: Math.max(...boxes.map(b => b.y1)) - Math.min(...boxes.map(b => b.y0)),
                canvas: [c.width, c.height]};
    }""")


def _dark_pixels(png: Path) -> int:
    from PIL import Image

    with Image.open(png) as im:
        return sum(im.convert("L").histogram()[:100])


def test_overview_is_labelled_and_readable(corpus, tmp_path):
    path, G = corpus

    def actions(pg, run):
        run.extra["screen"] = _labels_on_screen(pg)
        pg.screenshot(path=str(tmp_path / "with.png"))
        # the same view with no labels: the difference is the labels the reader sees
        pg.evaluate("kgNetwork.setOptions({nodes: {font: {size: 0}}}); kgNetwork.redraw()")
        pg.wait_for_timeout(200)
        pg.screenshot(path=str(tmp_path / "without.png"))

    run = open_page(path, actions=actions)
    assert run.requests == [] and run.errors == []
    screen = run.extra["screen"]
    assert screen["count"] == overview.OVERVIEW_SIZE == run.state["drawnNodes"]
    assert screen["overlaps"] == 0  # no label drawn over another
    assert screen["inside"] == screen["count"]  # all on the screen at once
    assert screen["px"] >= 10  # readable: labels at least 10 px high on the screen
    # spread over the drawing, not a ball in its middle
    assert screen["width"] > 0.6 * screen["canvas"][0] and screen["height"] > 0.6 * screen["canvas"][1]
    # labels are drawn: text (dark pixels, some 50 a label) disappears with them
    assert _dark_pixels(tmp_path / "with.png") > _dark_pixels(tmp_path / "without.png") + 50 * screen["count"]


QUERIES = ("qian lixin", "Qián Lìxīn", "QianLixin", "qlx", "錢立新")


def test_search_by_pinyin_initials_or_traditional_finds_a_person_off_the_overview(corpus):
    path, G = corpus
    data = page.build_network(G)[1]
    gid = next(i for i, d in data["nodes"].items() if d["label"] == GUEST)
    assert gid not in data["overview"]

    def actions(pg, run):
        for q in QUERIES:
            pg.click("#kg-reset")  # back to the overview, the guest hidden again
            before = pg.evaluate(f"kgNetwork.body.data.nodes.get({gid}).hidden === true")
            pg.fill("#kg-search", q)
            pg.press("#kg-search", "Enter")
            run.extra[q] = (before, pg.evaluate("kgNetwork.getSelectedNodes()"),
                            pg.evaluate(f"kgNetwork.body.data.nodes.get({gid}).hidden === true"),
                            pg.inner_text("#kg-info"))
        pg.fill("#kg-search", "qian lixing")  # one syllable too many: nobody
        pg.press("#kg-search", "Enter")
        run.extra["miss"] = pg.inner_text("#kg-search-msg")

    run = open_page(path, actions=actions)
    assert run.errors == []
    for q in QUERIES:
        before, selected, hidden, panel = run.extra[q]
        assert (before, selected, hidden) == (True, [gid], False), q
        assert panel.startswith(GUEST) and "Qian Lixin" in panel
        # the sentence, under its article's headline and date
        assert "测试0号委员会第1次会议召开 · 2031-01-15" in panel
        assert panel.index("2031-01-15") < panel.index(f"{GUEST}出席会议。")
    assert "not found" in run.extra["miss"]


def test_click_shows_a_nodes_neighbours(corpus):
    path, G = corpus

    def actions(pg, run):
        # the overview entity with the most neighbours not yet drawn
        target = pg.evaluate("""() => { const net = kgNetwork, nodes = net.body.data.nodes;
            let best = null, most = 0;
            nodes.get({filter: n => !n.hidden}).forEach(n => {
                const hid = net.getConnectedNodes(n.id).filter(m => nodes.get(m).hidden).length;
                if (hid > most) { most = hid; best = n.id; } });
            return best; }""")
        run.extra["target"] = target
        run.extra["before"] = pg.evaluate("kgState.drawnNodes")
        p = pg.evaluate(f"kgNetwork.canvasToDOM(kgNetwork.getPositions([{target}])[{target}])")
        box = pg.locator(NETWORK).bounding_box()
        pg.mouse.click(box["x"] + p["x"], box["y"] + p["y"])
        pg.wait_for_timeout(400)
        run.extra["after"] = pg.evaluate("kgState.drawnNodes")
        run.extra["hidden neighbours"] = pg.evaluate(
            f"kgNetwork.getConnectedNodes({target}).filter(m => kgNetwork.body.data.nodes.get(m).hidden).length")
        run.extra["neighbours"] = pg.evaluate(f"kgNetwork.getConnectedNodes({target}).length")
        run.extra["panel"] = pg.inner_text("#kg-info")
        pg.click("#kg-reset")
        pg.wait_for_timeout(200)
        run.extra["reset"] = pg.evaluate("kgState.drawnNodes")

    run = open_page(path, actions=actions)
    assert run.errors == []
    assert run.extra["target"] is not None
    assert run.extra["after"] > run.extra["before"]
    assert run.extra["hidden neighbours"] == 0 and run.extra["neighbours"] > 0
    assert run.extra["panel"].startswith(G.nodes[list(G.nodes)[run.extra["target"]]]["label"])
    assert run.extra["reset"] == run.extra["before"] == overview.OVERVIEW_SIZE


def _person_of_years(G, years: set[int]) -> str:
    """A person with facts from articles of each of `years`."""
    dates = G.graph["dates"]
    for _, d in sorted(G.nodes(data=True)):
        seen = {int(dates[a][:4]) for f in d["facts"] for a in f["articles"] if a in dates}
        if d["cls"] == "person" and years <= seen:
            return d["label"]
    raise AssertionError(f"no person in {sorted(years)}")


def test_year_filter_hides_facts_of_other_years(corpus):
    path, G = corpus
    person = _person_of_years(G, {2031, 2032})

    def actions(pg, run):
        run.extra["all"] = pg.evaluate("kgState.drawnEdges")
        run.extra["options"] = pg.eval_on_selector_all("#kg-year option", "os => os.map(o => o.value)")
        pg.select_option("#kg-year", "2032")
        pg.wait_for_timeout(300)
        run.extra["state"] = pg.evaluate("() => Object.assign({}, kgState)")
        # every relation still drawn comes from an article of 2032
        run.extra["years of drawn"] = pg.evaluate("""() => kgNetwork.body.data.edges.get().filter(e => !e.hidden
            && !kgNetwork.body.data.nodes.get(e.from).hidden && !kgNetwork.body.data.nodes.get(e.to).hidden)
            .map(e => e.y)""")
        for name in (person, "云城"):
            pg.fill("#kg-search", name)
            pg.press("#kg-search", "Enter")
            run.extra[name] = pg.inner_text("#kg-info")
        run.extra["year after"] = pg.evaluate("kgState.year")

    run = open_page(path, actions=actions)
    assert run.errors == []
    assert run.extra["options"] == ["", *map(str, YEARS)]
    st = run.extra["state"]
    assert st["year"] == 2032 == run.extra["year after"]
    assert 0 < st["drawnEdges"] < run.extra["all"]
    assert run.extra["years of drawn"] and all(2032 in ys for ys in run.extra["years of drawn"])
    panel = run.extra[person]  # only the person's facts of 2032, each under its 2032 article
    assert panel.startswith(person) and "事实 facts 2032" in panel and "2032-" in panel
    assert "2031-" not in panel and "2033-" not in panel
    # the place every meeting is in, a fact no sentence states: of its meeting's year
    data = page.build_network(G)[1]
    place = next(d for d in data["nodes"].values() if d["label"] == "云城")
    of_2032 = [f for f in place["facts"] if f[5] == [2032]]
    assert 0 < len(of_2032) < len(place["facts"])
    assert f"事实 facts 2032 ({len(of_2032)})" in run.extra["云城"]


# ---- without a browser: what the page is made of


def test_pack_keeps_boxes_apart_and_the_first_in_place():
    from kg.view import pack

    # twelve wide labels piled on three points: the packing spreads them, none overlapping
    pos = {f"n{i}": (float(i % 3), float(i % 2)) for i in range(12)}
    boxes = {n: (40.0 + 5 * i, 10.0, 30.0) for i, n in enumerate(pos)}
    order = sorted(pos, reverse=True)
    out = pack.pack(pos, boxes, order)
    assert out == pack.pack(dict(reversed(list(pos.items()))), boxes, order)  # the same, whatever the order given
    rects = {n: (x - boxes[n][0], y - boxes[n][1], x + boxes[n][0], y + boxes[n][2]) for n, (x, y) in out.items()}
    for a in rects:
        for b in rects:
            if a < b:
                ra, rb = rects[a], rects[b]
                assert ra[2] <= rb[0] + 1e-6 or rb[2] <= ra[0] + 1e-6 or ra[3] <= rb[1] + 1e-6 or rb[3] <= ra[1] + 1e-6


def test_search_keys_read_family_names_as_family_names():
    from kg.view import search

    assert search.keys("单立新", "person") == ["shanlixin", "slx"]
    assert search.keys("曾立新", "person") == ["zenglixin", "zlx"]
    assert search.keys("测试省人民政府", "organization") == ["ceshishengrenminzhengfu", "cssrmzf"]
    assert search.keys("推进乡村全面振兴", "goal") is None  # goals are not searched by pinyin


def test_traditional_table_covers_the_names_used_and_only_them():
    from kg.view import search

    table = search.traditional_table(["钱立新", "测试省人民政府"])
    assert table["錢"] == "钱" and table["測"] == "测" and table["試"] == "试"
    assert "東" not in table  # 东 is in no name
    assert set(table.values()) <= set("钱立新测试省人民政府")
    assert all(len(k) == 1 and k != v for k, v in table.items())


def test_overview_keeps_two_meetings_of_a_series_and_shortens_long_names():
    G = entity_graph(synthetic_corpus(60, population=100, years=YEARS))
    shown = overview.choose(G)
    meetings = [G.nodes[n]["label"] for n in shown if G.nodes[n]["cls"] == "meeting"]
    assert len(meetings) == overview.SAME_NAME  # 测试N号委员会第M次会议: one series
    assert not any(G.nodes[n]["cls"] == "goal" for n in shown)
    assert page._short("湖北省第十四届人民代表大会第二次会议") == "湖北省十四届人大二次会议"
    assert len(page._short("测试省某某某某某某某某某某某某某某领导小组会议")) == page.SHORT_LABEL + 1


_RENDER = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
from view_fixtures import synthetic_corpus
from kg.analysis.entities import entity_graph
from kg.view import page
G = entity_graph(synthetic_corpus(30, years=(2031, 2032)))
assert G.number_of_nodes() > page.PHYSICS_MAX_NODES
print(hashlib.sha256(page.render(G, "corpus").encode()).hexdigest())
"""


def test_corpus_page_is_the_same_bytes_in_two_processes(corpus):
    import os
    import subprocess
    import sys

    _, G = corpus
    here = str(Path(__file__).parent)
    digests = {subprocess.run([sys.executable, "-c", _RENDER, here], capture_output=True, text=True, check=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "4242")}
    assert len(digests) == 1 and len(digests.pop().strip()) == 64
    assert page.render(G, "corpus") == page.render(G, "corpus")


def test_years_of_undated_facts_and_of_facts_no_article_states():
    from view_fixtures import MEETING, article_facts

    from kg.rdf.mapping import to_graph

    g = synthetic_corpus(60, population=100, years=YEARS, guest="贾二")  # 贾二 at a meeting of 2031
    doc, facts = article_facts()  # and in an undated article, at a meeting in the corpus's city
    to_graph(doc, facts, g)
    G = entity_graph(g)
    net, data = page.build_network(G)
    label = {i: d["label"] for i, d in data["nodes"].items()}
    by_label = {d["label"]: d for d in data["nodes"].values()}
    # the undated article's facts are of no year (hidden by any year), the dated one's of 2031
    years = {f[1]: f[5] for f in by_label["贾二"]["facts"]}
    assert years[MEETING] == [] and years["政府工作报告"] == [] and years["测试0号委员会第1次会议"] == [2031]
    edges = {(label[e["from"]], label[e["to"]]): e["y"] for e in net["edges"]}
    assert edges[("贾二", MEETING)] == [] and edges[("贾二", "测试0号委员会第1次会议")] == [2031]
    # a meeting's city (no sentence): the years of the meeting's articles
    assert edges[(MEETING, "云城")] == []
    assert edges[("测试1号委员会第2次会议", "云城")] == [2032]
    assert sorted(data["years"]) == list(YEARS)


def test_sittings_of_one_name_are_drawn_with_their_dates():
    import networkx as nx

    G = nx.MultiDiGraph()
    for n, date in (("a", "2031-02-03"), ("b", "2031-05-06"), ("c", None)):
        G.add_node(n, label="测试省政府常务会议", cls="meeting", props={"date": date} if date else {})
    G.add_node("d", label="测试省人民代表大会常务委员会", cls="organization", props={})
    drawn = page._drawn_labels(G)
    assert drawn["a"] == "测试省政府常务会议\n2031-02-03" and drawn["b"].endswith("\n2031-05-06")
    assert drawn["c"] == "测试省政府常务会议" and drawn["d"] == "测试省人大常委会"
    # the date's line makes the box taller, never narrower
    one, two = page._box(G.nodes["c"], drawn["c"]), page._box(G.nodes["a"], drawn["a"])
    assert two[0] == one[0] and two[2] > one[2]
