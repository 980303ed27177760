"""A set of names read as a longest-first alternation of them reads them (invented bodies)."""

from __future__ import annotations

import re

from kg.extract.name_set import Names


def test_names_read_as_their_alternation():
    names = ["省委", "省委常委会", "省", "绿江市委", "市委"]
    text = "绿江市委常委会、省委常委会和省委召开会议，省"
    rx = re.compile("|".join(sorted(names, key=lambda n: (-len(n), n))))
    found = Names(names)
    assert [(m.start(), m.group(0)) for m in found.finditer(text)] == [(m.start(), m.group(0)) for m in rx.finditer(text)]
    assert found.prefixes(text, 8) == ["省委常委会", "省委", "省"]
    assert found.prefixes(text, len(text) - 1) == ["省"]  # a longer name cut at the text's end is none
    assert found.starts(text) == found.starts(text) and found.starts(text)[0] == 0
