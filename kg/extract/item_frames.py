"""The frame parallel items share: what the openings of a list's items have in common.

An unmarked list (three `；`-separated items, sentences opening alike) is told from prose
by the shape its items repeat: a common opening, a common ending, or one length with
characters fixed in place (kg.extract.goal_lists reads where its first item starts off
that shape). Pure string functions: no article, no position.
"""

from __future__ import annotations

import re


def common_prefix(strings: list[str]) -> str:
    """The longest string all of `strings` open with."""
    first = min(strings, key=len)
    n = 0
    while n < len(first) and all(s[n] == first[n] for s in strings):
        n += 1
    return first[:n]


def template(heads: list[str]) -> re.Pattern | None:
    """A shared shape of the items' opening clauses, as a regex, or None.

    Parallel items repeat a frame: a common opening (`持续放大…`, `以更大力度…` /
    `以超常力度…`), a common ending (`在…上取得新进展`), or equal length with fixed
    characters (`筑牢政治之魂`, `提升履职之效`: eight characters, 之 second to last)."""
    n = min(len(h) for h in heads)
    if len(heads) < 2 or n < 2:
        return None
    return _framed(heads, n) or _equal_length(heads)


def _framed(heads: list[str], n: int) -> re.Pattern | None:
    """The items' shared opening (two or more fixed characters from the first) and shared
    ending (three or more), as a regex; None when they share neither."""
    fixed = [i for i in range(n) if len({h[i] for h in heads}) == 1]
    suffix = common_prefix([h[::-1] for h in heads])[::-1]
    opening = ""
    if fixed and fixed[0] == 0 and len(fixed) >= 2:  # one shared character is chance
        shared = set(fixed)
        opening = "".join(re.escape(heads[0][i]) if i in shared else "." for i in range(fixed[-1] + 1))
    if not opening and len(suffix) < 3:
        return None
    # the ending, unless the opening already reaches into it (items of equal length)
    covered = fixed[-1] + 1 if opening else 0
    ending = len(suffix) >= 3 and covered + len(suffix) <= n
    return re.compile(opening + (".*" + re.escape(suffix) + "$" if ending else ""))


def _equal_length(heads: list[str]) -> re.Pattern | None:
    """Items of one length (four or more) with characters fixed in place, as a regex."""
    size = len(heads[0])
    if size < 4 or any(len(h) != size for h in heads):
        return None
    shared = {i for i in range(size) if len({h[i] for h in heads}) == 1}
    if not shared:
        return None
    return re.compile("".join(re.escape(heads[0][i]) if i in shared else "." for i in range(size)) + "$")


def prefix_len(a: str, b: str, limit: int) -> int:
    """How many characters (at most `limit`) `a` and `b` open with alike."""
    n = 0
    while n < limit and n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n
