"""jieba's dictionary, read once per process: the part of speech of a word, if it is one.

kg asks it one question where a decision needs it: is this name candidate an ordinary
word (a noun, a verb) rather than a person's name?
"""

from __future__ import annotations

from functools import cache


@cache
def _dict_columns() -> list[str]:
    """jieba's dict.txt split into words: `word freq tag` repeated."""
    # the file `jieba.dt.get_dict_file()` opens (jieba's default dictionary; kg never sets
    # another), found without importing jieba: its import (pkg_resources) costs ~0.2 s
    # a process, and kg uses nothing of jieba but this file
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("jieba is not installed")
    data = (Path(spec.origin).parent / "dict.txt").read_bytes().decode("utf-8")
    # each line is `word freq tag` (jieba's loader refuses anything else)
    cols = data.split()
    if len(cols) % 3:
        raise ValueError("jieba's dictionary is not `word freq tag` lines")
    return cols


#: a two-character `nr` word at least this frequent in jieba's dictionary is an ordinary
#: word (智慧 1581, 文明 6584), not a name; real two-character names there are rare (海涛 32)
COMMON_NR_FREQ = 300


@cache
def common_name_words() -> frozenset[str]:
    """Two-character words jieba tags `nr` that are frequent enough to be ordinary words."""
    cols = _dict_columns()
    return frozenset(w for w, f, t in zip(cols[0::3], cols[1::3], cols[2::3], strict=True)
                     if t == "nr" and len(w) == 2 and int(f) >= COMMON_NR_FREQ)


#: a word at least this frequent in jieba's dictionary is a word a text really uses (建议
#: 9327, 俯身 641), not one of the rare entries its training left (强作 3, 国强 3)
FREQUENT = 200


@cache
def frequent_words() -> frozenset[str]:
    """Words of two or three characters that jieba's dictionary counts at least FREQUENT times."""
    cols = _dict_columns()
    return frozenset(w for w, f in zip(cols[0::3], cols[1::3], strict=True)
                     if 2 <= len(w) <= 3 and int(f) >= FREQUENT)


@cache
def _tag_table() -> dict[str, str]:
    """word -> tag of jieba's dictionary: `jieba.posseg.dt.word_tag_tab`, without posseg.

    Initialising jieba's POS tokenizer to get this table also builds its prefix
    dictionary (a second or more per process, most of a small build's CPU); the table is
    only the word and tag columns of the same dict.txt, read here directly.
    """
    cols = _dict_columns()
    table = dict(zip(cols[0::3], cols[2::3], strict=True))
    common_name_words()  # built from the same columns, before they are let go
    frequent_words()
    _dict_columns.cache_clear()
    return table


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of `word` in its dictionary, or None if it has none."""
    return _tag_table().get(word)
