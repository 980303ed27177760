"""The one alternation helper, and the folds that now share one rule (bylines, IRIs)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf import iri
from kg.text.alternation import alternation, words_re
from kg.text.document import normalise
from kg.text.pinyin import ascii_fold


def test_the_longest_word_wins_whatever_order_the_words_come_in():
    words = ["省委", "省委常委会", "省委全会", "省委"]
    assert alternation(words) == alternation(reversed(words)) == "省委常委会|省委全会|省委"
    assert words_re(set(words)).match("省委常委会第三次会议").group() == "省委常委会"


def test_words_are_escaped_and_no_words_match_nothing():
    rx = words_re(["(扩大)", "a.b"])
    assert rx.fullmatch("(扩大)") and rx.fullmatch("a.b") and not rx.fullmatch("axb")
    assert words_re([]).search("任何文字") is None


def test_a_byline_with_any_credit_word_joins_title_and_name():
    # 编辑 credits as 记者 does (kg.text.leads.CREDIT_WORDS): the space after it joins, the one between names separates
    doc = normalise("（编辑 林小川 周明远）\n本报讯 会议召开。")
    assert doc.text.startswith("（编辑林小川、周明远）")
    doc = normalise("本报记者 林小川 周明远\n会议召开。")
    assert doc.text.startswith("本报记者林小川、周明远\n")


def test_plane_14_tags_are_escaped_in_minted_iris():
    term = str(iri.person("林\U000E0100小川"))
    ox.NamedNode(term)
    assert "%F3%A0%84%80" in term


def test_pinyin_keys_fold_tones_case_spaces_and_full_width_letters():
    assert ascii_fold("Lín Xiǎochuān") == ascii_fold("ＬＩＮ xiaochuan") == "linxiaochuan"
