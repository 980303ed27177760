"""A set of names read as a regex alternation of them would read them, without compiling one:
the body aliases an article holds (kg.extract.context.alias_pattern)."""

from __future__ import annotations


class NameMatch:
    """Where a name of `Names` was read: the few methods of re.Match its readers use."""

    __slots__ = ("name", "pos")

    def __init__(self, name: str, pos: int) -> None:
        self.name, self.pos = name, pos

    def group(self, _index: int = 0) -> str:
        return self.name

    def start(self) -> int:
        return self.pos

    def end(self) -> int:
        return self.pos + len(self.name)

    def span(self) -> tuple[int, int]:
        return self.pos, self.pos + len(self.name)


class Names:
    """A set of names read as the regex alternation of them written longest first reads
    them: at a position the longest name there; through a text, leftmost, longest, never
    overlapping. No regex is compiled: an alternation of a place's thousands of aliases
    took about 60 ms to compile per place, one of an article's few about 2 ms, a tenth of
    a corpus build in all."""

    def __init__(self, names) -> None:
        self.names = frozenset(n for n in names if n)
        self.lengths = tuple(sorted({len(n) for n in self.names}, reverse=True))
        self.last: tuple[str, tuple[int, ...]] | None = None  # the text last read, and its starts

    def match(self, text: str, pos: int = 0) -> NameMatch | None:
        for n in self.lengths:
            s = text[pos:pos + n]
            if s in self.names:  # a shorter slice at the text's end is still the longest there
                return NameMatch(s, pos)
        return None

    def prefixes(self, text: str, pos: int) -> list[str]:
        """Every name at `pos`, longest first (as an alternation would try them): at most one
        of each length, the text's slice of that length."""
        return [s for n in self.lengths if len(s := text[pos:pos + n]) == n and s in self.names]

    def starts(self, text: str) -> tuple[int, ...]:
        """Every position a name starts at, in order (one str.find loop per name: for an
        article's few names, not a place's thousands)."""
        if self.last is not None and self.last[0] is text:
            return self.last[1]
        found = set()
        for n in self.names:
            i = text.find(n)
            while i >= 0:
                found.add(i)
                i = text.find(n, i + 1)
        self.last = text, tuple(sorted(found))
        return self.last[1]

    def finditer(self, text: str):
        end = 0
        for i in self.starts(text):
            if i >= end:
                m = self.match(text, i)
                end = m.end()
                yield m
