"""What the page's search box matches besides a name as written: pinyin and traditional.

Every person and body gets two keys from kg.text.pinyin: its syllables without tones or
spaces (`fangliyan`) and their initials (`fly`); the page folds a query the same way
(lower case, no tone marks, no spaces or apostrophes). A query in traditional characters
is read through a character table (traditional -> simplified, kg.text.script's, cut down
to the characters the page's names use), so `方立顏` finds 方立颜 with no converter in the page.
"""

from __future__ import annotations

from functools import cache

from kg.text import han, pinyin

#: classes whose names are searchable in pinyin
PINYIN_CLASSES = frozenset({"person", "organization", "place"})


def keys(label: str, cls: str) -> list[str] | None:
    """[syllables, initials] of an entity's name, or None for classes not searched in pinyin."""
    if cls not in PINYIN_CLASSES or not label or not any(pinyin.readings(label)):
        return None
    syllables = pinyin.name_syllables(label, cls == "person")
    full, initials = pinyin.search_keys(syllables)
    return [full, initials] if full else None


@cache
def _traditional() -> dict[str, str]:
    """Traditional character -> simplified, for every ideograph kg.text.script changes (the
    converter the build reads traditional articles with: one character for one)."""
    from kg.text import script

    chars = [chr(c) for lo, hi in han.RANGES for c in range(lo, hi + 1)]
    # spaced apart, no two characters make a phrase: each is converted on its own, in one call
    out = script.convert(" ".join(chars))[::2]
    return {t: s for t, s in zip(chars, out, strict=True) if t != s}


def traditional_table(names: list[str]) -> dict[str, str]:
    """The traditional -> simplified pairs whose simplified character occurs in `names`
    (sorted, so the page is the same bytes every time)."""
    used = {ch for n in names for ch in n}
    return {t: s for t, s in sorted(_traditional().items()) if s in used}
