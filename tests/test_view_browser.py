"""The graph page in a real browser: headless Chromium, networking off.

Needs Debian's chromium and a CJK font (.ci/setup.d/30-view.sh installs both): without
them these tests fail, they do not skip.
"""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import chromium_path, drawn_fraction, open_page
from conftest import SHARED
from view_fixtures import ARTICLE, MEETING, invented_graph, synthetic_corpus

from kg.analysis.entities import entity_graph
from kg.cli import main
from kg.view import overview, page

SEED = SHARED / "seed" / "000_1d7e1341ec58e008.txt"
NETWORK_BOX = (0, 70, 1040, 900)  # the drawing area of a 1400x900 screenshot (legend bar and panel cut off)


@pytest.fixture(scope="module", autouse=True)
def _browser_and_font():
    assert chromium_path(), "no chromium: run .ci/setup.d/30-view.sh (apt-get install chromium)"
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout
    assert fonts.strip(), "no CJK font: Chinese labels would be boxes (apt-get install fonts-wqy-microhei)"


class _Refs(HTMLParser):
    """Every reference a page makes to another resource."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href", "srcset", "data", "poster", "action"):
            if a.get(key):
                self.refs.append(f"<{tag} {key}={a[key]}>")
        if tag == "link":
            self.refs.append(f"<link {a}>")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def _remote_refs(html: str) -> list[str]:
    p = _Refs()
    p.feed(html)
    bad = [r for r in p.refs if re.search(r"https?:|//", r)]
    for css in p.styles:
        bad += re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]*\)|@import[^;]*", css)
    return bad


def _page_labels(pg) -> list[str]:
    return pg.evaluate("kgNetwork.body.data.nodes.get().map(n => n.label)")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, object]:
    G = entity_graph(invented_graph())
    path = page.write(G, tmp_path_factory.mktemp("small") / "graph.html", title="测试")
    return path, G


def test_page_is_self_contained(small):
    path, _ = small
    html = path.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert _remote_refs(html) == []
    assert "<script src" not in html and "<link" not in html
    assert "vis.Network" in html  # vis-network itself is inlined


def test_small_page_draws_every_node_and_edge_then_stops(small, tmp_path):
    path, G = small

    def actions(pg, run):
        before = pg.evaluate("kgNetwork.getPositions()")
        pg.wait_for_timeout(700)
        run.extra["moved"] = before != pg.evaluate("kgNetwork.getPositions()")
        run.extra["physics"] = pg.evaluate("kgNetwork.physics.options.enabled")
        run.extra["labels"] = _page_labels(pg)

    run = open_page(path, screenshot=tmp_path / "small.png", actions=actions)
    assert run.requests == [] and run.errors == [] and run.dialogs == []
    st = run.state
    assert st["drawnNodes"] == st["expectedNodes"] == G.number_of_nodes()
    assert st["drawnEdges"] == st["expectedEdges"] == G.number_of_edges()
    assert run.extra["physics"] is False and run.extra["moved"] is False
    assert MEETING in run.extra["labels"] and "贾二" in run.extra["labels"]
    assert drawn_fraction(run.screenshot, NETWORK_BOX) > 0.01


def test_search_focuses_and_panel_shows_facts_with_sentences(small):
    path, G = small

    def actions(pg, run):
        pg.fill("#kg-search", "贾二")
        pg.press("#kg-search", "Enter")
        run.extra["selected"] = pg.evaluate("kgNetwork.getSelectedNodes().map(id => kgNetwork.body.data.nodes.get(id).label)")
        run.extra["panel"] = pg.inner_text("#kg-info")
        pg.fill("#kg-search", "无此人")
        pg.press("#kg-search", "Enter")
        run.extra["miss"] = pg.inner_text("#kg-search-msg")

    run = open_page(path, actions=actions)
    assert run.extra["selected"] == ["贾二"]
    panel = run.extra["panel"]
    assert "报告人 → 政府工作报告" in panel and "省长" in panel
    assert "贾二代表测试省人民政府向大会作政府工作报告。" in panel  # the sentence the fact came from
    assert "not found" in run.extra["miss"]


def test_hover_shows_facts_and_filter_hides_a_class(small):
    path, G = small
    people = sum(1 for _, c in G.nodes(data="cls") if c == "person")

    def actions(pg, run):
        pos = pg.evaluate("""() => { const id = kgNetwork.body.data.nodes.get().find(n => n.label === '甄三').id;
                                     const p = kgNetwork.getPositions([id])[id]; return kgNetwork.canvasToDOM(p); }""")
        box = pg.locator("#mynetwork").bounding_box()
        pg.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        pg.wait_for_timeout(400)
        run.extra["panel"] = pg.inner_text("#kg-info")
        pg.uncheck("input[data-cls=person]")
        pg.wait_for_timeout(300)
        run.extra["after"] = pg.evaluate("() => Object.assign({}, kgState)")

    run = open_page(path, actions=actions)
    assert run.extra["panel"].startswith("甄三") and "省领导贾二、甄三、贾四出席大会。" in run.extra["panel"]
    after = run.extra["after"]
    assert after["drawnNodes"] == G.number_of_nodes() - people
    assert after["drawnEdges"] < G.number_of_edges()


PAYLOADS = ("<script>window.__pwned=1;alert(1)</script>", '<img src=x onerror="window.__pwned=2;alert(2)">',
            "</script><script>window.__pwned=3</script>", "<svg onload=alert(4)>")


def test_article_text_cannot_run_in_the_page(tmp_path):
    # an article whose headline, a name and a sentence carry script and event-handler payloads
    evil_name = "甄<img src=x onerror=window.__pwned=5>"
    text = PAYLOADS[2] + ARTICLE.replace("甄三、", f"甄三、{evil_name}、", 1) + PAYLOADS[0] + "。" + PAYLOADS[1] + "。\n"
    sentence = "省领导贾二、甄三、" + evil_name + "、贾四出席大会。"
    G = entity_graph(invented_graph(text, extra_people={evil_name: sentence}))
    path = page.write(G, tmp_path / "evil.html", title=PAYLOADS[2] + PAYLOADS[3])
    html = path.read_text(encoding="utf-8")
    for p in PAYLOADS:
        assert p not in html

    def actions(pg, run):
        pg.fill("#kg-search", evil_name)
        pg.press("#kg-search", "Enter")
        pg.wait_for_timeout(300)
        run.extra["panel"] = pg.inner_text("#kg-info")
        run.extra["title"] = pg.inner_text("#kg-title")
        run.extra["pwned"] = pg.evaluate("window.__pwned === undefined ? null : window.__pwned")
        run.extra["imgs"] = pg.evaluate("document.images.length")

    run = open_page(path, actions=actions)
    assert run.extra["pwned"] is None and run.dialogs == [] and run.requests == []
    assert run.extra["imgs"] == 0
    assert evil_name in run.extra["panel"]  # shown, as text
    assert PAYLOADS[3] in run.extra["title"]
    assert run.state["drawnNodes"] == G.number_of_nodes()


def test_large_page_opens_on_an_overview_with_every_entity_in_it(tmp_path):
    G = entity_graph(synthetic_corpus(40))
    assert G.number_of_nodes() > page.PHYSICS_MAX_NODES
    path = page.write(G, tmp_path / "large.html", title="corpus")

    def actions(pg, run):
        run.extra["physics"] = pg.evaluate("kgNetwork.physics.options.enabled")
        run.extra["in page"] = pg.evaluate("kgNetwork.body.data.nodes.length")
        run.extra["edges in page"] = pg.evaluate("kgNetwork.body.data.edges.length")

    run = open_page(path, screenshot=tmp_path / "large.png", actions=actions)
    assert run.state["frozen"] is True and run.extra["physics"] is False
    # drawn: the overview; in the page, hidden until asked for: everything else
    assert run.state["drawnNodes"] == run.state["overview"] == overview.OVERVIEW_SIZE
    assert run.extra["in page"] == G.number_of_nodes() and run.extra["edges in page"] == G.number_of_edges()
    assert 0 < run.state["drawnEdges"] < G.number_of_edges()
    assert run.requests == [] and run.errors == []
    assert drawn_fraction(run.screenshot, NETWORK_BOX) > 0.01


def test_seed_article_page_offline(tmp_path):
    if not SEED.is_file():
        pytest.skip(f"the shared seed article is not here ({SEED})")
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--quiet"]) == 0
    from kg.view.writers import load

    _, G = load(out / "graph.ttl")
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert _remote_refs(html) == []
    people = sorted(d["label"] for _, d in G.nodes(data=True) if d["cls"] == "person")
    assert len(people) >= 10
    holder: dict = {}
    run = open_page(out / "graph.html", screenshot=tmp_path / "seed.png",
                    actions=lambda pg, r: holder.setdefault("labels", _page_labels(pg)))
    assert run.requests == [] and run.errors == [] and run.dialogs == []
    assert run.state["drawnNodes"] == G.number_of_nodes()
    assert run.state["drawnEdges"] == G.number_of_edges()
    assert set(people) <= set(holder["labels"])
    assert "山西省第十四届人民代表大会第二次会议" in holder["labels"]
    assert drawn_fraction(run.screenshot, NETWORK_BOX) > 0.02
