"""The shared corpus: gold articles give the same graph alone and inside a corpus build."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from kg.corpus.build import build_corpus
from kg.corpus.manifest import Manifest

GOLD = SHARED / "eval" / "gold"
ARTICLES = SHARED / "corpus" / "articles"


def _gold_articles() -> list[Path]:
    if not GOLD.is_dir() or not ARTICLES.is_dir():
        pytest.skip(f"{SHARED} (the shared corpus and gold) is not here")
    paths = []
    for g in sorted(GOLD.glob("*.json")):
        rel = json.loads(g.read_text(encoding="utf-8"))["article"]
        paths.append((g.parent / rel).resolve())
    return [p for p in paths if p.is_file()]


def _triples(path: Path) -> set[str]:
    """The triple part of every N-Quads line (named graph dropped)."""
    return {ln.rsplit(" <", 1)[0] for ln in path.read_text(encoding="utf-8").splitlines()}


def test_gold_articles_alone_equal_their_graph_inside_the_corpus(tmp_path):
    golds = _gold_articles()
    assert golds, "no gold article found"
    # the gold articles among 20 others, all in one process: no state may leak between articles
    others = sorted(ARTICLES.glob("*.txt"))[:20]
    _, corpus = build_corpus([str(p) for p in others + golds], tmp_path / "corpus")
    assert corpus.failed == []
    big = Manifest.load(tmp_path / "corpus")
    for path in golds:  # alone: in a fresh process, as the scorer builds it
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(path), "--out", str(tmp_path / path.stem),
                        "--quiet"], check=True)
        small = Manifest.load(tmp_path / path.stem)
        (key,) = small.articles.values()
        assert big.articles[str(path)] == key
        assert _triples(small.shard_path(key)) == _triples(big.shard_path(key))


def _readme_query(name: str) -> str:
    import re

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in re.findall(r"```sparql\n(.*?)```", text, re.S) if name in b]
    assert blocks, f"README has no ```sparql block naming {name}"
    return blocks[0]


def test_readme_fact_to_sentence_rows_stay_in_their_article_over_real_articles(tmp_path):
    """Real articles that state the same posts and parts (reprints, one leader in many
    articles): every row of README's fact -> sentence query pairs an article with a
    sentence of that article, and a fact two articles state is two rows, one each."""
    import pyoxigraph as ox

    _gold_articles()  # skips without the shared corpus
    paths = sorted(ARTICLES.glob("*.txt"))[:60]
    _, report = build_corpus([str(p) for p in paths], tmp_path / "out")
    assert report.failed == []
    st = ox.Store()
    st.bulk_load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    texts = {r["a"].value: r["t"].value for r in st.query(
        "SELECT ?a ?t WHERE { ?a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?t }")}
    rows = list(st.query(_readme_query("?sentence")))
    assert len(rows) > 500
    assert [r for r in rows if r["sentence"].value not in texts[r["article"].value]] == []
    # the test means something: some post is stated by several of these articles
    posts = list(st.query("""PREFIX org: <http://www.w3.org/ns/org#> PREFIX kg: <https://w3id.org/kg-cn/ontology#>
        SELECT ?p ?r (COUNT(DISTINCT ?a) AS ?n) WHERE { ?m org:member ?p ; kg:roleLabel ?r ; kg:article ?a }
        GROUP BY ?p ?r HAVING (COUNT(DISTINCT ?a) > 1)"""))
    assert posts
