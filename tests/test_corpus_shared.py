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
