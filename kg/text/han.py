"""The one class of Chinese characters kg reads, for every pattern and check in the package.

`HAN` goes inside a regex character class (`[{HAN}]`): CJK Unified Ideographs, Extension A
(rare characters of personal names) and the compatibility ideographs. `HAN_ALL` adds the
supplementary planes (Extensions B and later), for telling whether a text is Chinese at all;
names are matched with `HAN`, since jieba's dictionary and the lexicon hold no
supplementary characters.
"""

from __future__ import annotations

import re

#: (first, last) code point of each block in `HAN`
RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
HAN = "".join(f"{chr(a)}-{chr(b)}" for a, b in RANGES)
HAN_ALL = HAN + "\U00020000-\U0003134f"

#: the blocks of RANGES as ranges (membership is a comparison in C)
_EXT_A, _MAIN, _COMPAT = (range(a, b + 1) for a, b in RANGES)
HAN_ALL_RE = re.compile(f"[{HAN_ALL}]")


def is_cjk(ch: str) -> bool:
    """True when the string starts with a Chinese character of `HAN` (compared by code
    point: half the cost of a regex match, and name finders ask ~250,000 times a corpus)."""
    if not ch:
        return False
    o = ord(ch[0])
    return o in _MAIN or o in _EXT_A or o in _COMPAT  # the commonest block first
