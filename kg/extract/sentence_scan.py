"""Patterns read only in the sentences that can hold their matches.

A pattern that starts with an optional part or a run of any Han character (an optional
place, a lazy name before 有限公司) is tried by the regex engine at every position of the
text. Where every match of it holds a word (届, 公司, 次会议) and never runs over a 。 or a
line's end, only the sentences holding that word can hold a match: reading the pattern in
them alone gives the same matches, in the same order, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: what ends a sentence or a line
_STOPS = ("。", "\n")


def sentences(text: str, word: str) -> list[tuple[int, int]]:
    """The spans of the sentences that hold `word`, each with its closing 。 or line break (a
    lookahead after a match sees it as in the whole text), in text order."""
    out = []
    i = text.find(word)
    while i >= 0:
        start = max(text.rfind(s, 0, i) for s in _STOPS) + 1
        ends = [e for e in (text.find(s, i + len(word)) for s in _STOPS) if e >= 0]
        end = min(ends) + 1 if ends else len(text)
        out.append((start, end))
        i = text.find(word, end)
    return out


class SentenceScan:
    """One text's sentences by the words they hold, each word's found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, list[tuple[int, int]]] = {}

    def spans(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """The sentences holding any of `words`, in text order."""
        found: set[tuple[int, int]] = set()
        for w in words:
            if w not in self.seen:
                self.seen[w] = sentences(self.text, w)
            found.update(self.seen[w])
        return sorted(found)

    def finditer(self, rx: re.Pattern, words: tuple[str, ...]) -> Iterator[re.Match]:
        """`rx.finditer(text)` for a pattern whose every match holds one of `words` and no 。
        or line break (a lookbehind still reads the text before a sentence)."""
        for a, b in self.spans(words):
            yield from rx.finditer(self.text, a, b)
