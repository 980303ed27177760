"""Line lookups over one article's text, each computed once: the finders of enumerated lists
and the cue searches of the goal extractor ask them again for every list of a paragraph,
and a paragraph can hold hundreds of lists."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right

#: the cue patterns kg.extract.goals searches with `LineIndex.last_matches` match, with the
#: characters their lookahead reads, fewer characters than this
_REACH = 24


class LineIndex:
    """Per-article lookups that would otherwise rescan a whole paragraph for every list in
    it (a paragraph can hold hundreds): line bounds by bisection, and the matches of a cue
    pattern or the first occurrence of a word in a line, each found once per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.memo: dict = {}

    def line_start(self, pos: int) -> int:
        """Start of the line holding `pos` (what `text.rfind("\n", 0, pos) + 1` returns)."""
        return self.starts[bisect_right(self.starts, pos) - 1]

    def line_end(self, pos: int) -> int:
        """End of the line holding `pos`: its line break, or the text's end."""
        i = bisect_right(self.starts, pos)
        return self.starts[i] - 1 if i < len(self.starts) else len(self.text)

    def line_matches(self, rx: re.Pattern, a: int) -> tuple[array, array]:
        """Where the matches of `rx` in the line starting at `a` start and end (positions, not
        match objects: a line can hold hundreds of thousands of matches)."""
        key = (rx, a)
        if key not in self.memo:
            starts, ends = array("q"), array("q")
            for m in rx.finditer(self.text, a, self.line_end(a)):
                starts.append(m.start())
                ends.append(m.end())
            self.memo[key] = starts, ends
        return self.memo[key]

    def last_matches(self, rx: re.Pattern, a: int, b: int, n: int) -> list[re.Match]:
        """The last `n` of the matches `rx.finditer(text[a:b])` gives, `a` a line start and `b`
        in that line. A match starting `_REACH` characters before `b` never reads `b`, so it
        is one of the line's matches (found again by matching at its start); only the end of
        text[a:b] is searched again."""
        if not n:
            return []
        end = self.line_end(a)
        if b > end:  # not a cue: search it directly
            return list(rx.finditer(self.text, a, b))[-n:]
        starts, ends = self.line_matches(rx, a)
        k = bisect_left(starts, b - _REACH)
        resume = max(ends[k - 1] if k else a, b - _REACH)
        before = [rx.match(self.text, p, end) for p in starts[max(0, k - n):k]]
        return (before + list(rx.finditer(self.text, resume, b)))[-n:]

    def next_match(self, rx: re.Pattern, pos: int, limit: int) -> int:
        """Where the first match of `rx` at or after `pos` starts, or `limit` when none starts
        before it: the matches of `rx` over the whole text are found once, then bisected (a
        search from every list item to the next full stop rescans a stop-less text each time)."""
        key = ("starts", rx)
        if key not in self.memo:
            self.memo[key] = [m.start() for m in rx.finditer(self.text)]
        starts = self.memo[key]
        k = bisect_left(starts, pos)
        return min(starts[k], limit) if k < len(starts) else limit

    def occurs(self, word: str, a: int, b: int) -> bool:
        """`word in text[a:b]`, `a` a line start: from the word's first occurrence in the line."""
        end = self.line_end(a)
        if b > end:
            return word in self.text[a:b]
        key = (word, a)
        if key not in self.memo:
            self.memo[key] = self.text.find(word, a, end)
        first = self.memo[key]
        return 0 <= first and first + len(word) <= b
