"""The one class of Chinese characters kg reads, for every pattern and check in the package.

`HAN` goes inside a regex character class (`[{HAN}]`): CJK Unified Ideographs, Extension A
(rare characters of personal names) and the compatibility ideographs. `HAN_ALL` adds the
supplementary planes (Extensions B and later), for telling whether a text is Chinese at all;
names are matched with `HAN`, since jieba's dictionary and the lexicon hold no
supplementary characters.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_ALL = HAN + "\U00020000-\U0003134f"

_HAN_RE = re.compile(f"[{HAN}]")
HAN_ALL_RE = re.compile(f"[{HAN_ALL}]")


def is_cjk(ch: str) -> bool:
    """True when the string starts with a Chinese character of `HAN`."""
    return bool(_HAN_RE.match(ch))
