"""People: names recognised by their context, and words of name shape left alone."""

from __future__ import annotations

import pytest
from extract_support import GANSU_OPENING, run


def test_name_after_a_title_is_a_person():
    _, f = run("省委书记周明远主持会议。")
    assert set(f.people) == {"周明远"}


def test_name_before_a_verb_is_a_person_compound_surname_included():
    _, f = run("周明远宣布大会开幕，欧阳立新指出，要坚定信心。")
    assert set(f.people) == {"周明远", "欧阳立新"}


def test_every_name_of_a_list_is_a_person():
    _, f = run("出席会议的有钱卫东、孔繁星、尹雪松、司马长青。")
    assert set(f.people) == {"钱卫东", "孔繁星", "尹雪松", "司马长青"}


def test_transcribed_name_keeps_its_dot():
    _, f = run("阿依古丽·买买提表示，要把实事办好。")
    assert set(f.people) == {"阿依古丽·买买提"}


def test_names_run_together_in_a_headline_are_each_mentioned():
    text = ("省十四届人大三次会议在兰州开幕\n\n"
            "周明远主持会议 欧阳立新作报告 梁秀英陶建华出席\n\n"
            "本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州开幕。"
            "省委书记周明远主持会议。省长欧阳立新作政府工作报告。省领导梁秀英、陶建华出席。")
    doc, f = run(text)
    assert {"周明远", "欧阳立新", "梁秀英", "陶建华"} <= set(f.people)
    for name in ("梁秀英", "陶建华"):
        in_headline = [a for a, b in f.people[name].spans if b <= doc.body_start]
        assert len(in_headline) == 1, name
    assert not any("梁秀英陶" in n for n in f.people)


@pytest.mark.parametrize("sentence", ["省领导梁秀英、阿依古丽·买买提出席大会。",
                                      "省领导梁秀英、阿依古丽·买买提在主席台就座。"])
def test_dot_name_before_a_verb_in_a_title_list(sentence):
    _, f = run(GANSU_OPENING + sentence)
    assert set(f.people) == {"梁秀英", "阿依古丽·买买提"}


def test_dot_name_run_together_with_another_in_a_headline():
    text = ("省十四届人大三次会议在兰州开幕\n\n梁秀英阿依古丽·买买提出席\n\n"
            + GANSU_OPENING + "省领导阿依古丽·买买提、梁秀英、陶建华在主席台就座。")
    _, f = run(text)
    assert set(f.people) == {"梁秀英", "陶建华", "阿依古丽·买买提"}


@pytest.mark.parametrize("text", [
    "会场内红旗招展，代表们表示，要增进民生福祉。",
    "会场悬挂“团结奋进、担当实干、开拓创新”的标语。",
    "会议强调，要统筹兰州、天水、酒泉、张掖等地发展。",
    "全省上下牢记嘱托，同心同德，向着目标奋勇前进。",
])
def test_words_of_name_shape_are_not_people(text):
    _, f = run(text)
    assert f.people == {}


def test_mentions_cover_exactly_the_name():
    doc, f = run(GANSU_OPENING + "省委书记周明远主持会议。周明远强调，要真抓实干。")
    spans = f.people["周明远"].spans
    assert len(spans) == 2
    assert all(doc.text[a:b] == "周明远" for a, b in spans)


def test_name_after_a_title_before_important_speech():
    _, f = run(GANSU_OPENING + "会议传达学习了省委书记周明远重要讲话精神。")
    assert set(f.people) == {"周明远"}
