"""jieba, loaded once per process, with kg's domain words added.

kg tags only where a decision needs it: the dictionary answers "is this an ordinary
word?" for a name candidate, and the fast tagger (rjieba: the same plain cut as jieba, tags
that differ from jieba.posseg in 0.4% of words, see tests/test_tokens.py) gives `nr` candidates.
"""

from __future__ import annotations

from functools import cache


@cache
def _tag_table() -> dict[str, str]:
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.posseg.dt.initialize() if hasattr(jieba.posseg.dt, "initialize") else None
    return jieba.posseg.dt.word_tag_tab


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of `word` in its dictionary, or None if it has none."""
    return _tag_table().get(word)


@cache
def _rjieba():
    import rjieba

    return rjieba


def tag(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of `text`, with jieba's dictionary and HMM, via rjieba."""
    return _rjieba().tag(text)
