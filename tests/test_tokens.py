"""kg.text.tokens: jieba's dictionary as kg reads it (without initialising jieba.posseg)."""

from __future__ import annotations

import pytest

from kg.extract.names import is_word
from kg.text.tokens import word_tag

posseg = pytest.importorskip("jieba.posseg", reason="jieba is a dependency of kg; install the package")


@pytest.mark.parametrize("word", ["会议", "政府", "发展", "人民", "改革", "主持", "北京"])
def test_the_table_is_jiebas_own(word: str) -> None:
    assert word_tag(word) == posseg.dt.word_tag_tab.get(word)


def test_a_string_not_in_the_dictionary_has_no_tag() -> None:
    assert word_tag("钱卫东") is None  # an invented name
    assert word_tag("") is None


def test_ordinary_words_are_words_and_names_are_not() -> None:
    assert is_word("会议") and is_word("发展")
    assert not is_word("钱卫东")
    # a name jieba's dictionary knows as a person (nr) is no ordinary word
    person = next(w for w, t in posseg.dt.word_tag_tab.items() if t == "nr" and len(w) == 3)
    assert not is_word(person)
