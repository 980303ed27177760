"""Patterns read only in the sentences that can hold their matches.

A pattern that starts with an optional part or a run of any Han character (an optional
place, a lazy name before 有限公司) is tried by the regex engine at every position of the
text. Where every match of it holds a word (届, 公司, 次会议) and never runs over a 。 or a
line's end, only the sentences holding that word can hold a match: reading the pattern in
them alone gives the same matches, in the same order, at a fraction of the cost.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

#: what ends a sentence or a line
_STOP = re.compile("[。\n]")


def sentences(text: str, word: str) -> list[tuple[int, int]]:
    """The spans of the sentences that hold `word`, each with its closing 。 or line break (a
    lookahead after a match sees it as in the whole text), in text order."""
    return scan_of(text).sentences(word)


class SentenceScan:
    """One text's sentences by the words they hold, each word's found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _STOP.finditer(text)]  # where each sentence ends
        self.memo: dict[object, list[tuple[int, int]]] = {}

    def sentences(self, word: str) -> list[tuple[int, int]]:
        if word not in self.memo:
            text, ends, out = self.text, self.ends, []
            i = text.find(word)
            while i >= 0:
                k = bisect_right(ends, i)
                span = (ends[k - 1] if k else 0, ends[k] if k < len(ends) else len(text))
                out.append(span)
                i = text.find(word, span[1])
            self.memo[word] = out
        return self.memo[word]

    def spans(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """The sentences holding any of `words`, in text order."""
        if words not in self.memo:
            if len(words) == 1:
                self.memo[words] = self.sentences(words[0])
            else:
                self.memo[words] = sorted(set().union(*map(self.sentences, words)))
        return self.memo[words]

    def finditer(self, rx: re.Pattern, words: tuple[str, ...]) -> Iterator[re.Match]:
        """`rx.finditer(text)` for a pattern whose every match holds one of `words` and no 。
        or line break (a lookbehind still reads the text before a sentence)."""
        for a, b in self.spans(words):
            yield from rx.finditer(self.text, a, b)


@lru_cache(maxsize=4)
def scan_of(text: str) -> SentenceScan:
    """The scan of `text`, shared by the extractors reading one article (its sentences and
    the words' spans found once; a few articles' kept)."""
    return SentenceScan(text)
