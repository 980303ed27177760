"""The one way kg writes a list of words as a regex alternation.

A regex tries an alternation's branches in order and takes the first that matches, so a
list of words must be ordered longest first for the longest to win (省委常委会 before 省委);
words of one length are ordered by themselves, so the pattern is the same on every run
whatever order (a set's) the words came in. Words are escaped: a lexicon line or a name
read off an article may hold a character regex syntax reads (a bracket, a dot).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """The distinct `words` as one regex alternation, escaped, longest first, then by word
    ("" for no words: put it inside a group, or use `words_re`)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def words_re(words: Iterable[str]) -> re.Pattern:
    """`alternation(words)` compiled; a pattern that matches nothing when there are no words."""
    return re.compile(alternation(words) or r"(?!x)x")
