"""Chinese numerals in ordinals (十四届, 第二次, 二十大): the numeral is found by a regex
first and converted alone, so free text is never run through a converter."""

from __future__ import annotations

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}  # 千 in counts (两千九百五十六名代表), never in ordinals

#: a numeral: Chinese (up to the hundreds) or Arabic
NUM = r"(?:[零〇一二两三四五六七八九十百]{1,5}|\d{1,3})"
NUM_RE = re.compile(NUM)


def to_int(numeral: str) -> int | None:
    """The value of a Chinese or Arabic numeral (十四 -> 14, 二十 -> 20, 105 -> 105, 七百五十二 -> 752),
    or None."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_CN = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """An ordinal number as written in official names (14 -> 十四, 20 -> 二十, 105 -> 一百零五)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    if n < 100:
        return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")
    rest = n % 100
    head = _CN[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _CN[rest]
    return head + (_CN[rest // 10] + "十" + (_CN[rest % 10] if rest % 10 else ""))
