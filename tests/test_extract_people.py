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


def test_a_title_shared_by_a_list_closes_it_rare_family_and_no_family_names():
    _, f = run(GANSU_OPENING + "大会主席团常务主席、执行主席周明远、咸立新、寿子原、格桑次旦、乌力吉、"
               "阿依古丽·买买提、钱卫东在主席台执行主席席就座。")
    assert set(f.people) == {"周明远", "咸立新", "寿子原", "格桑次旦", "乌力吉", "阿依古丽·买买提", "钱卫东"}


def test_a_title_before_the_first_item_ends_where_the_name_begins():
    _, f = run(GANSU_OPENING + "会议由大会执行主席席文远主持。大会执行主席孔繁星、席文远、钱卫东在主席台就座。")
    assert set(f.people) == {"孔繁星", "席文远", "钱卫东"}


def test_an_appointment_list_names_every_item_even_one_jieba_calls_a_word():
    _, f = run(GANSU_OPENING + "会议经表决，任命钱卫东、何必、欧阳立新、孔繁星为省人大常委会副秘书长。")
    assert set(f.people) == {"钱卫东", "何必", "欧阳立新", "孔繁星"}


def test_a_list_of_names_inside_a_list_of_people_closes_over_odd_items():
    _, f = run(GANSU_OPENING + "钱卫东、孔繁星、洛桑江才、尹雪松、司马长青等代表作了发言。")
    assert set(f.people) == {"钱卫东", "孔繁星", "洛桑江才", "尹雪松", "司马长青"}


@pytest.mark.parametrize("text", [
    "有条件的地区和企业要尽快清零。",
    "请各位政协委员和其他列席人员提出意见。",
    "全省上下加强宗教工作和普法工作。",
    "一切成绩的取得，都是全省人民团结奋斗的结果。",
    "推进兰张、兰西、兰白等城市群建设。",
    "使远程讨论成为集中委员智慧的重要途径。",
    "要坚持边运行、边改革、边完善。",
    "报告团成员阐述了申某同志守初心、担使命的人生轨迹。",
    "林某同志任甘肃省委委员、常委、书记。",
])
def test_function_words_and_word_lists_are_not_people(text):
    _, f = run(GANSU_OPENING + text)
    assert f.people == {} or set(f.people) <= {"申某", "林某"}


def test_a_conjunction_before_a_titled_person_is_not_part_of_the_name():
    _, f = run(GANSU_OPENING + "委员钱卫东、孔繁星、尹雪松、崔仑和专家周明远作了发言。")
    assert set(f.people) == {"钱卫东", "孔繁星", "尹雪松", "崔仑", "周明远"}


def test_a_word_after_three_characters_ends_a_name_after_a_title():
    _, f = run(GANSU_OPENING + "参与调研的自治区政协常委潘多俊感受颇深，政协委员王颂峰建议加大投入。")
    assert set(f.people) == {"潘多俊", "王颂峰"}


def test_a_title_then_an_invitation_or_a_reason():
    _, f = run(GANSU_OPENING + "省政协副主席解洪应邀列席会议。会议通过梁科因年龄原因不再担任委员的决定，"
               "省人大常委会副主任钱卫东因工作变动请辞。")
    assert {"解洪", "钱卫东"} <= set(f.people)


def test_a_colon_that_introduces_people_names_every_item_titles_or_not():
    _, f = run(GANSU_OPENING + "出席开幕大会并在主席台就座的市领导还有：钱卫东、孔繁星、尹雪松、何大江，"
               "副市长欧阳立新。")
    assert set(f.people) == {"钱卫东", "孔繁星", "尹雪松", "何大江", "欧阳立新"}


def test_a_colon_that_introduces_bodies_names_nobody():
    _, f = run(GANSU_OPENING + "在主席台就座的还有：大会主席团成员，市政府、市政协、陇南军分区、市法院、"
               "东方体育、部分驻陇单位的领导同志。")
    assert f.people == {}


def test_removals_and_resignations_name_their_people():
    _, f = run(GANSU_OPENING + "会议决定免去钱卫东的省人民政府副秘书长职务；"
               "会议接受孔繁星辞去甘肃省人民政府副省长职务的请求。")
    assert set(f.people) == {"钱卫东", "孔繁星"}


def test_a_tibetan_list_half_without_family_names_is_closed():
    _, f = run(GANSU_OPENING + "周明远、庄严、刘江海、钱卫东、任维远、普布扎西、嘎玛次登、达娃次仁、列确、巴桑以及"
               "大会主席团其他成员在主席台就座。")
    assert {"周明远", "庄严", "刘江海", "钱卫东", "任维远", "普布扎西", "嘎玛次登", "达娃次仁", "列确",
            "巴桑"} <= set(f.people)


def test_a_long_first_part_of_a_transcribed_name_in_a_title_list():
    _, f = run(GANSU_OPENING + "副主席钱卫东、阿不都艾尔肯·买买提、孔繁星出席会议。")
    assert set(f.people) == {"钱卫东", "阿不都艾尔肯·买买提", "孔繁星"}


def test_a_name_standing_for_a_counted_group():
    _, f = run(GANSU_OPENING + "会上，钱卫东等340人被授予甘肃省劳动模范称号。")
    assert set(f.people) == {"钱卫东"}
