"""Meetings named by their context, not by a fixed name shape (invented sentences)."""

from __future__ import annotations

import pytest
from extract_support import parts, run


def test_presiding_over_a_state_council_executive_meeting():
    _, f = run("周明远主持召开国务院常务会议\n新华社北京3月4日电 国务院总理周明远3月4日主持召开国务院常务会议，"
               "部署春耕生产。")
    assert f.main_meeting is not None and f.main_meeting.name == "国务院常务会议"
    assert ("周明远", "presided") in parts(f)


def test_speech_at_a_provincial_conference_takes_the_province():
    _, f = run("欧阳立新在全省生态环境保护工作会议上强调\n本报讯 3月9日，全省生态环境保护工作会议在兰州召开。"
               "省委书记欧阳立新出席会议并讲话。甘肃各地负责同志参加。")
    assert f.main_meeting is not None
    assert f.main_meeting.name == "甘肃省生态环境保护工作会议"
    assert {("欧阳立新", "spoke"), ("欧阳立新", "attended")} <= parts(f)


def test_a_body_holds_a_meeting():
    _, f = run("中共中央政治局召开会议\n新华社北京4月28日电 中共中央政治局4月28日召开会议，研究当前经济形势。"
               "中共中央总书记宋立川主持会议。")
    assert f.main_meeting is not None and f.main_meeting.name == "中共中央政治局会议"
    assert ("宋立川", "presided") in parts(f)


def test_a_short_form_in_the_headline_is_the_meeting_of_the_body():
    _, f = run("人大常委会第十二次会议在京举行\n新华社北京5月6日电 十四届全国人大常委会第十二次会议6日上午在北京"
               "人民大会堂举行。")
    assert set(f.meetings) == {"第十四届全国人民代表大会常务委员会第十二次会议"}


def test_generic_words_are_no_meeting():
    _, f = run("会议指出，要把会议精神传达好。大会强调，要团结奋斗。")
    assert f.meetings == {}


def test_a_list_of_plenums_gives_each_plenum():
    _, f = run("会议强调，要全面贯彻党的二十大和二十届二中、三中全会精神。")
    assert {"中国共产党第二十届中央委员会第二次全体会议", "中国共产党第二十届中央委员会第三次全体会议"} <= set(f.meetings)


def test_a_bare_cppcc_session_in_a_national_article_is_the_national_one():
    _, f = run("全国政协十四届三次会议在京开幕\n新华社北京3月4日电 大会审议了政协十四届二次会议以来的提案工作情况。")
    assert "中国人民政治协商会议第十四届全国委员会第二次会议" in f.meetings


def test_a_speech_belongs_to_the_meeting_the_sentence_names():
    _, f = run("全国政协十四届三次会议在京开幕\n新华社北京3月4日电 全国政协十四届三次会议4日在人民大会堂开幕。"
               "周明远作常委会工作报告。周明远强调，中共中央召开中央政协工作会议，宋立川总书记发表重要讲话。")
    assert ("宋立川", "spoke") in parts(f)
    spoke = [p for p in f.participations if p.person == "宋立川"]
    assert spoke[0].meeting == "中央政协工作会议"
    assert ("周明远", "spoke") not in parts(f)  # 强调 inside a report continues the report


def test_a_planned_session_is_not_the_meeting_reported():
    _, f = run("十四届全国人大常委会第九次会议在京闭幕，决定十四届全国人大五次会议2031年3月5日在北京召开\n"
               "央视网消息：十四届全国人大常委会第九次会议29日下午在北京人民大会堂闭幕。会议表决通过了"
               "关于召开十四届全国人大五次会议的决定。根据决定，十四届全国人大五次会议于2031年3月5日在北京召开。")
    main = f.main_meeting
    assert main is not None and main.name == "第十四届全国人民代表大会常务委员会第九次会议"
    assert main.date is None  # 29日 without a month or year given anywhere


def test_target_years_and_passing_mentions_give_no_year():
    from kg.extract.context import analyse
    from kg.text.document import normalise

    doc = normalise("周明远主持召开座谈会\n会议听取了2018年有关工作汇报，要求到2035年基本实现目标。")
    assert analyse(doc).year is None
    doc = normalise("周明远主持召开座谈会\n2031年是关键之年。会议强调，2031年以来各项工作扎实推进。")
    assert analyse(doc).year == 2031


def test_a_demonstrative_points_at_the_meeting_named_elsewhere():
    _, f = run("宋立川在中共中央政治局第十二次集体学习时强调\n新华社北京5月27日电 宋立川在主持这次中央政治局集体学习时"
               "发表了讲话。")
    assert set(f.meetings) == {"中共中央政治局第十二次集体学习"}


@pytest.mark.parametrize("text, name", [
    # a commendation conference whose name holds a list of the honoured
    ("本报讯 4月28日，全省模范集体、劳动模范和先进工作者表彰大会在西宁召开。青海省委书记周明远出席并讲话。",
     "青海省模范集体、劳动模范和先进工作者表彰大会"),
    ("本报讯 9月20日，全区民族团结进步模范集体、模范个人表彰大会在南宁召开。广西壮族自治区党委书记周明远出席。",
     "广西壮族自治区民族团结进步模范集体、模范个人表彰大会"),
    # the province holds it, the level word left out
    ("新华社西宁9月26日电 青海省26日召开模范集体、劳动模范和先进工作者表彰大会。省长周明远出席并讲话。",
     "青海省模范集体、劳动模范和先进工作者表彰大会"),
])
def test_a_conference_named_with_a_list_inside(text, name):
    _, f = run(text)
    assert f.main_meeting.name == name


def test_a_list_of_two_meetings_is_no_one_name():
    _, f = run("本报讯 4月28日，全省组织工作会议、全省宣传工作大会在西宁召开。青海省委书记周明远出席。")
    assert not any("、" in n for n in f.meetings)
