"""Is rjieba (jieba-rs) a drop-in for jieba here? Measured on the corpus articles.

Measured on ../shared/corpus/articles (254 articles, 297,746 characters, 160,032 posseg
tokens), jieba 0.42.1 and rjieba 0.2.2, default dictionaries:
- `rjieba.tag` is NOT equal to `jieba.posseg.cut`: 243 of 254 articles differ, 2,066
  differing stretches. posseg segments with its own joint word+tag HMM, so its words
  differ from `jieba.lcut` in 236 articles; rjieba tags the words of the plain cut.
- `rjieba.cut` equals `jieba.lcut` except where digits are joined by hyphens
  (`2021-08-28`, `2025-2035`: one token in rjieba, several in jieba), 2 articles;
  with HMM off the two are identical on every article.
- Where both give the same word, the tags differ on 665 of 157,151 tokens (0.4%).
- Person candidates (`nr*` tokens) against the people of the four gold files: posseg
  P 0.668 R 0.799 F1 0.728; rjieba P 0.649 R 0.779 F1 0.708 — and rjieba is about 30
  times faster (0.14 s against 4.3 s for the whole corpus).
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLES = SHARED / "corpus" / "articles"
GOLD = SHARED / "eval" / "gold"

jieba = pytest.importorskip("jieba", reason="jieba is a dependency of kg; install the package")
rjieba = pytest.importorskip("rjieba", reason="rjieba is a dependency of kg; install the package")
jieba.setLogLevel(60)
from jieba import posseg  # noqa: E402

#: rjieba keeps a run of digits joined by hyphens as one token, jieba splits it
_HYPHENATED_NUMBER = re.compile(r"^\d+(?:-\d+)+$")


def _texts() -> list[tuple[str, str]]:
    if not ARTICLES.is_dir():
        pytest.skip(f"{ARTICLES} absent: ../shared is not checked out here")
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(ARTICLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    return _texts()


def _diffs(a: list, b: list) -> list[tuple[list, list]]:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [(a[i1:i2], b[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


@pytest.mark.xfail(strict=True, reason="measured: rjieba.tag differs from jieba.posseg in 243 of 254 corpus "
                                        "articles (posseg segments with its own POS HMM); see the module docstring")
def test_rjieba_tag_equals_jieba_posseg(texts) -> None:
    differing = [name for name, t in texts
                 if [(w.word, w.flag) for w in posseg.cut(t)] != [tuple(x) for x in rjieba.tag(t)]]
    assert differing == []


def test_rjieba_cut_equals_jieba_cut_but_for_hyphenated_numbers(texts) -> None:
    unexplained = []
    for name, t in texts:
        for a, b in _diffs(jieba.lcut(t), rjieba.cut(t)):
            if not (len(b) == 1 and _HYPHENATED_NUMBER.match(b[0]) and "".join(a) == b[0]):
                unexplained.append((name, a, b))
    assert unexplained == []


def test_rjieba_cut_without_hmm_equals_jieba(texts) -> None:
    assert [n for n, t in texts if jieba.lcut(t, HMM=False) != rjieba.cut(t, False)] == []


def test_rjieba_tag_words_are_its_cut(texts) -> None:
    assert [n for n, t in texts if [w for w, _ in rjieba.tag(t)] != rjieba.cut(t)] == []


def test_tags_agree_where_words_agree(texts) -> None:
    same = differ = 0
    for _, t in texts[:60]:  # a quarter of the corpus keeps this test quick
        a = [(w.word, w.flag) for w in posseg.cut(t)]
        b = [tuple(x) for x in rjieba.tag(t)]
        sm = difflib.SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b], autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                same += i2 - i1
                differ += sum(x[1] != y[1] for x, y in zip(a[i1:i2], b[j1:j2], strict=True))
    assert same > 10_000
    assert differ / same < 0.01, f"{differ} of {same} tags differ"


def _gold_people() -> list[tuple[str, set[str]]]:
    if not GOLD.is_dir():
        pytest.skip(f"{GOLD} absent: ../shared is not checked out here")
    out = []
    for f in sorted(GOLD.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        names: set[str] = set()
        for row in data["people"]:
            n = row["name"] if isinstance(row, dict) else row
            names |= set(n) if isinstance(n, list) else {n}
        out.append(((f.parent / data["article"]).read_text(encoding="utf-8"), names))
    return out


def test_rjieba_person_candidates_nearly_as_good_as_posseg() -> None:
    """kg takes `nr` tokens only as candidates; rjieba must not lose many of them."""
    hits = {"posseg": 0, "rjieba": 0}
    found = {"posseg": 0, "rjieba": 0}
    total = 0
    for text, gold in _gold_people():
        cands = {"posseg": {w.word for w in posseg.cut(text) if w.flag.startswith("nr")},
                 "rjieba": {w for w, f in rjieba.tag(text) if f.startswith("nr")}}
        for k, c in cands.items():
            hits[k] += len(c & gold)
            found[k] += len(c)
        total += len(gold)
    f1 = {k: 2 * hits[k] / (found[k] + total) for k in hits}
    assert f1["posseg"] > 0.6
    assert f1["rjieba"] >= f1["posseg"] - 0.03, f1
