"""The per-article fast path: string triples spelled exactly as rdflib spells them.

`kg.rdf.mapping.triples` writes N-Triples terms without an rdflib Graph; shards (and so
graph.nq and the merged graph.ttl) are built from them. Here rdflib is the reference: its
own N-Triples writer must give the very same lines back from the graph it parsed (a term
spelled otherwise, or a line rdflib reads differently, fails), on the seed, the examples,
the gold articles and invented texts with every character N-Triples escapes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SHARED
from rdflib import Graph, Literal

from kg.corpus.inputs import Article
from kg.corpus.shard import build_shard
from kg.pipeline import extract
from kg.rdf import iri
from kg.rdf.mapping import ntriples, to_graph, triples
from kg.text.document import normalise

ROOT = Path(__file__).resolve().parents[1]

#: invented: quotes, backslashes, CR, tab, a line separator and a form feed in one article
ODD = ("省人大常委会召开“会议”\r\n　　本报讯 3月5日，省人大常委会第十次会议召开。常委会主任王建华主持会议。"
       '副主任李明远出席，称"要\\落实"。\t附件\u2028见后\x0c。\n')


def _articles() -> list[tuple[str, str]]:
    paths = sorted((ROOT / "examples").glob("*.txt"))
    seed = SHARED / "seed" / "000_1d7e1341ec58e008.txt"
    if seed.is_file():
        paths.append(seed)
    gold = SHARED / "eval" / "gold"
    for g in sorted(gold.glob("*.json")) if gold.is_dir() else []:
        p = (g.parent / json.loads(g.read_text(encoding="utf-8"))["article"]).resolve()
        if p.is_file() and p not in paths:
            paths.append(p)
    return [(p.name, p.read_text(encoding="utf-8-sig")) for p in paths] + [("invented-odd", ODD)]


ARTICLES = _articles()


@pytest.fixture(scope="module", params=ARTICLES, ids=[n for n, _ in ARTICLES])
def built(request):
    name, text = request.param
    doc = normalise(text, source=name)
    facts = extract(doc)
    return doc, facts, triples(doc, facts)


def test_shared_articles_are_here() -> None:
    if not (SHARED / "seed").is_dir():
        pytest.skip(f"{SHARED} is not checked out: only the examples and invented texts ran")
    assert len(ARTICLES) >= 2 + 1 + 3 + 1, [n for n, _ in ARTICLES]  # examples, seed, gold, invented


def test_fast_path_lines_are_rdflibs_own_ntriples(built) -> None:
    doc, facts, fast = built
    assert len(fast) > 50
    g = to_graph(doc, facts)
    assert len(g) == len(fast)
    # rdflib writes the graph it parsed back as exactly the fast path's lines
    nt = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    ref = sorted(ln + "\n" for ln in nt.split("\n") if ln)  # not splitlines: U+2028 is inside a literal
    assert ref == ntriples(fast)


def test_to_graph_adds_into_a_given_graph() -> None:
    doc = normalise(ODD, source="odd.txt")
    facts = extract(doc)
    g = Graph()
    to_graph(doc, facts, g)
    n = len(g)
    assert n > 50 and to_graph(doc, facts, g) is g and len(g) == n  # same triples again: no growth


def test_escaped_literal_round_trips_exactly() -> None:
    doc = normalise(ODD, source="odd.txt")
    g = to_graph(doc, extract(doc))
    texts = {str(o) for o in g.objects(iri.article(doc.digest), None) if isinstance(o, Literal)}
    assert ODD in texts  # nif:isString: CR, quotes, backslash, U+2028 and form feed kept


def test_shard_holds_the_fast_path_lines_in_the_article_graph() -> None:
    doc = normalise(ODD, source="odd.txt")
    lines = ntriples(triples(doc, extract(doc)))
    r = build_shard(Article(id="odd", text=ODD, source="odd.txt"))
    assert r.error is None
    g = f" <{iri.article(doc.digest)}> .\n"
    body = r.nquads.decode("utf-8")
    # one line per triple even where a literal holds U+2028 or a form feed (str.splitlines would split)
    assert body.split("\n")[:-1] == [ln[:-3] + g[:-1] for ln in lines]
    assert r.triples == len(lines)


def test_tag_table_equals_jieba_posseg_word_tag_tab() -> None:
    """kg reads dict.txt's word and tag columns itself instead of initialising jieba.posseg."""
    jieba = pytest.importorskip("jieba", reason="jieba is a dependency of kg; install the package")
    from jieba import posseg

    from kg.text import tokens

    jieba.setLogLevel(60)
    posseg.dt.initialize()
    table = tokens._tag_table()  # kept as UTF-8 bytes (faster to build), the same words and tags
    assert len(table) > 300_000
    assert {w.decode("utf-8"): t.decode("utf-8") for w, t in table.items()} == posseg.dt.word_tag_tab
    assert tokens.word_tag("会议") == posseg.dt.word_tag_tab["会议"]
    assert tokens.word_tag("不是一个词语啊") is None


_SHARDS_BY_KEY = """
import pickle, sys
from pathlib import Path
from kg.corpus.inputs import iter_articles
from kg.corpus.shard import build_batch
corpus = Path(sys.argv[1])
arts = [a for a in iter_articles([str(corpus / "articles"), str(corpus / "reports")]) if hasattr(a, "key")]
sys.stdout.buffer.write(pickle.dumps({r.id: r.nquads for r in build_batch(arts)}))
"""


def test_corpus_shards_do_not_depend_on_the_hash_seed() -> None:
    """Workers are separate processes with their own hash seeds: no article may depend on it.

    Measured at ec5b669: reports.py took a report's meeting from a set of (person, meeting)
    pairs, so articles/100-pd-20191022-01-06-politics.txt differed between seeds 1 and 13
    and the 1-worker, 2-worker and Dask outputs of the benchmark differed.
    """
    import os
    import pickle
    import subprocess
    import sys

    corpus = SHARED / "corpus"
    if not (corpus / "articles").is_dir():
        pytest.skip(f"{corpus} is not here")
    out = []
    for seed in ("1", "13"):  # two seeds that gave different shards for the article above
        proc = subprocess.run([sys.executable, "-c", _SHARDS_BY_KEY, str(corpus)], capture_output=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed), timeout=600)
        assert proc.returncode == 0, proc.stderr.decode()
        out.append(pickle.loads(proc.stdout))
    a, b = out
    assert len(a) > 250 and a.keys() == b.keys()
    assert sorted(k for k in a if a[k] != b[k]) == []
