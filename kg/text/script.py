"""Traditional -> simplified Chinese, one character for one character.

Extraction patterns and lexicons are written in simplified characters, so a traditional
article is converted before extraction. The conversion must keep the text's length
(and each character's position): `Document.offsets` maps every normalised character to
one original character, and spans and labels are read from the original text.

OpenCC's `t2s` is used line by line, with its phrase tables (乾隆 stays 乾隆, 乾燥 becomes
干燥); where a line's conversion changes its length, that line falls back to converting
each character on its own (OpenCC's character table maps one character to one: checked
over all BMP ideographs in tests/test_inputs_script.py).

Simplified text is returned unchanged: a handful of characters are valid in both
scripts (the family name 於, 乾隆, 昇 in given names), and converting them in a simplified
article would only do harm; they are not counted as evidence of traditional text either. Measured on the corpus, t2s changes at most 0.01% of the Chinese
characters of a simplified article and at least 26% of a traditional copy.
"""

from __future__ import annotations

import re
from functools import cache

from kg.text.han import HAN

_CJK = re.compile(rf"[{HAN}]")

#: share of Chinese characters t2s must change for a text to count as traditional, and
#: the least number (one 於 in a short simplified sentence is no evidence)
TRADITIONAL_SHARE = 0.05
MIN_TRADITIONAL = 2
#: characters t2s changes that simplified text uses as well (family and given names, 乾隆)
_ALSO_SIMPLIFIED = set("於乾昇著濛")


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _convert_char(ch: str) -> str:
    if not _CJK.match(ch):
        return ch
    c = _t2s().convert(ch)
    return c if len(c) == 1 else ch


def _convert_line(line: str) -> str:
    if not _CJK.search(line):
        return line
    try:
        out = _t2s().convert(line)
    except UnicodeEncodeError:  # a lone surrogate: OpenCC takes UTF-8 only
        out = ""
    if len(out) == len(line):
        return out
    return "".join(_convert_char(ch) for ch in line)


def convert(text: str) -> str:
    """`text` with every traditional character made simplified; always the same length."""
    return "".join(_convert_line(line) for line in text.splitlines(keepends=True))


def _changed(text: str, converted: str) -> int:
    """How many characters conversion changed, not counting those simplified text uses too."""
    if text == converted:  # most articles are simplified: nothing to count
        return 0
    # only the lines conversion changed are compared character by character
    return sum(a != b and a not in _ALSO_SIMPLIFIED
               for line, new in zip(text.splitlines(keepends=True), converted.splitlines(keepends=True), strict=True)
               if line != new for a, b in zip(line, new, strict=True))


def traditional_share(text: str) -> float:
    """The share of Chinese characters of `text` that are traditional (0.0 when it has none)."""
    n = len(_CJK.findall(text))
    return _changed(text, convert(text)) / n if n else 0.0


def _looks_traditional(text: str, converted: str) -> bool:
    changed = _changed(text, converted)
    # the Chinese characters are counted only when enough changed to matter
    return changed >= MIN_TRADITIONAL and changed >= TRADITIONAL_SHARE * len(_CJK.findall(text))


def is_traditional(text: str) -> bool:
    """True when `text` is written in traditional characters."""
    return _looks_traditional(text, convert(text))


def to_simplified(text: str) -> str:
    """The simplified form of a traditional `text`, character for character (same length,
    same positions); `text` itself when it is already simplified."""
    if not _CJK.search(text):
        return text
    converted = convert(text)
    return converted if _looks_traditional(text, converted) else text
