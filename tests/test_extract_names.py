"""Name shape and boundaries (kg.extract.names), on invented names."""

from __future__ import annotations

from extract_support import GANSU_OPENING, run

from kg.extract.names import name_at, name_shaped


def test_a_name_ending_in_a_conjunction_before_a_comma_is_whole():
    text = "省委常委、秘书长陈立和，副省长周明远出席。"
    i = text.index("陈")
    assert text[i:name_at(text, i)] == "陈立和"


def test_a_verb_after_a_two_character_name_is_not_part_of_it():
    text = "省长张建在主席台就座。"
    i = text.index("张")
    assert text[i:name_at(text, i)] == "张建"


def test_a_name_before_shuo_and_a_colon_keeps_three_characters():
    text = "代表李朋远说：信心更足了。"
    i = text.index("李")
    assert text[i:name_at(text, i)] == "李朋远"


def test_function_word_family_names_need_a_title():
    # 和 is a family name, so the shape fits; the context (no title before it) decides
    assert name_shaped("和企业")
    _, f = run(GANSU_OPENING + "和企业代表座谈时强调，要增强信心。")
    assert "和企业" not in f.people


def test_people_found_in_the_article_by_context():
    _, f = run(GANSU_OPENING + "省委常委、秘书长陈立和，副省长周明远出席。陈立和在会上讲话。")
    assert {"陈立和", "周明远"} <= set(f.people)
    assert "陈立" not in f.people


def test_a_photo_credit_ends_the_name_before_she():
    for text in ("会场全景。本报记者邵一鸣摄\n", "会场全景。本报记者苏晓棠 摄\n"):
        i = text.index("记者") + 2
        assert not text[i:name_at(text, i, long_ok=True)].endswith("摄")


def test_nian_ends_a_three_character_name_but_is_no_given_name_alone():
    assert name_shaped("吴康年")
    assert not name_shaped("明年")
    assert not name_shaped("同年")
