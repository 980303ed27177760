"""jieba's dictionary, read once per process: the part of speech of a word, if it is one.

kg asks it one question where a decision needs it: is this name candidate an ordinary
word (a noun, a verb) rather than a person's name?
"""

from __future__ import annotations

from functools import cache


@cache
def _tag_table() -> dict[str, str]:
    """word -> tag of jieba's dictionary: `jieba.posseg.dt.word_tag_tab`, without posseg.

    Initialising jieba's POS tokenizer to get this table also builds its prefix
    dictionary (a second or more per process, most of a small build's CPU); the table is
    only the word and tag columns of the same dict.txt, read here directly.
    """
    import jieba

    with jieba.dt.get_dict_file() as fh:
        data = fh.read().decode("utf-8")
    # each line is `word freq tag` (jieba's loader refuses anything else)
    cols = data.split()
    if len(cols) % 3:
        raise ValueError("jieba's dictionary is not `word freq tag` lines")
    return dict(zip(cols[0::3], cols[2::3], strict=True))


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of `word` in its dictionary, or None if it has none."""
    return _tag_table().get(word)
