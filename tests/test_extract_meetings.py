"""Meetings: short forms expanded to canonical names, and the main meeting's date and place."""

from __future__ import annotations

import pytest
from extract_support import GANSU_CONGRESS, run


@pytest.mark.parametrize("text, name, term, session", [
    ("1月18日，省十四届人大三次会议在兰州开幕。", GANSU_CONGRESS, 14, 3),
    ("1月18日，甘肃省第十四届人民代表大会第三次会议在兰州开幕。", GANSU_CONGRESS, 14, 3),
    ("3月4日，全国政协十四届三次会议在北京开幕。",
     "中国人民政治协商会议第十四届全国委员会第三次会议", 14, 3),
    ("3月5日，十四届全国人大三次会议在北京开幕。",
     "中华人民共和国第十四届全国人民代表大会第三次会议", 14, 3),
    ("11月28日，省委十五届七次全会在南昌闭幕。江西各地干部群众认真收看。",
     "中国共产党江西省第十五届委员会第七次全体会议", 15, 7),
    ("会议认为，党的二十大作出了重要部署。", "中国共产党第二十次全国代表大会", 20, None),
    ("会议认为，二十届三中全会作出了重要部署。",
     "中国共产党第二十届中央委员会第三次全体会议", 20, 3),
])
def test_short_forms_get_canonical_names(text, name, term, session):
    _, f = run(text)
    assert name in f.meetings
    m = f.meetings[name]
    assert (m.term, m.session) == (term, session)


def test_provincial_session_resolves_the_province_and_its_body():
    _, f = run("1月18日，省十四届人大三次会议在兰州开幕。")
    m = f.meetings[GANSU_CONGRESS]
    assert m.body == "甘肃省人民代表大会"
    assert "甘肃省人民代表大会" in f.organizations


def test_main_meeting_gets_date_with_inferred_year_city_and_venue():
    _, f = run("1月18日，省十四届人大三次会议在兰州金城会议中心隆重开幕。"
               "代表们表示，刚刚过去的2024年，全省经济稳步增长。")
    m = f.main_meeting
    assert m is not None and m.name == GANSU_CONGRESS
    assert (m.date, m.city, m.venue) == ("2025-01-18", "兰州", "金城会议中心")


def test_dateline_gives_the_day_of_a_meeting_held_today():
    _, f = run("本报兰州1月18日电 省十四届人大三次会议今天在兰州开幕。2025年是收官之年。")
    assert f.main_meeting.date == "2025-01-18"
    assert f.main_meeting.city == "兰州"


def test_meetings_only_referred_to_are_not_the_main_one():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。2024年是关键之年。"
               "全会要求深入学习贯彻党的二十大和二十届三中全会精神。")
    main = f.main_meeting
    assert main.name == "中国共产党江西省第十五届委员会第七次全体会议"
    assert main.date == "2024-11-28"
    assert {"中国共产党第二十次全国代表大会", "中国共产党第二十届中央委员会第三次全体会议"} <= set(f.meetings)
    assert sum(m.main for m in f.meetings.values()) == 1


def test_each_meeting_span_reads_the_written_form():
    doc, f = run("1月18日，省十四届人大三次会议在兰州开幕。会议要求贯彻党的二十大精神。")
    written = {doc.text[a:b] for m in f.meetings.values() for a, b in m.spans}
    assert written == {"省十四届人大三次会议", "党的二十大"}


def test_no_meeting_without_a_name():
    _, f = run("代表们表示，要把会议精神落到实处。")
    assert f.meetings == {}


@pytest.mark.parametrize("text, name", [
    # an attributive clause before a name is not part of it
    ("本报讯 2月20日上午，万众瞩目的全市经济工作会议在市会议中心召开。市委书记周明远出席会议并讲话。", "全市经济工作会议"),
    ("本报讯 2月20日上午，备受全州各族人民瞩目和期待的绿水发展论坛在州会议中心召开。州委书记周明远出席会议并讲话。",
     "绿水发展论坛"),
    # a study session, and the congress its name refers to
    ("新华社北京9月1日电 学习贯彻党的十九大精神省部级主要领导干部专题研讨班开班式1日上午在中央党校举行。"
     "周明远出席开班式并发表重要讲话。", "学习贯彻党的十九大精神省部级主要领导干部专题研讨班开班式"),
])
def test_contextual_names_start_at_the_name(text, name):
    _, f = run(text)
    assert f.main_meeting is not None and f.main_meeting.name == name


def test_a_time_of_day_is_no_meeting():
    _, f = run("本报讯 2月20日，全市干部大会召开。下午3时大会开幕，市委书记周明远主持会议。")
    assert not any("3时" in n or "三时" in n for n in f.meetings)
    assert f.main_meeting.name == "全市干部大会"


def test_a_provincial_sessions_year_follows_its_session_not_the_year_reviewed():
    # no stamp: the text's cue (2018年是…) is the year the report reviews; the second session of
    # a provincial term (terms start 2003, 2008 … 2018) falls in 2019
    _, f = run("1月25日上午，政协第十二届湖南省委员会第二次会议在长沙开幕。省政协主席周明远作常务委员会工作报告。"
               "报告说，2018年是全面贯彻新发展理念的开局之年，一年来省政协围绕中心服务大局。")
    assert f.main_meeting.date == "2019-01-25"


def test_a_stamp_gives_a_provincial_sessions_year():
    _, f = run("2020-01-14 10:00 来源：湖南日报\n1月13日上午，政协第十二届湖南省委员会第二次会议在长沙开幕。")
    assert f.main_meeting.date == "2020-01-13"  # the stamp is the article's day: not corrected


def test_a_descriptive_de_clause_stays_in_the_name():
    _, f = run("本报讯 2月1日，全省绿叶病毒感染的肺炎疫情防控工作会议在省会议中心召开。省委书记周明远出席会议并讲话。")
    assert any(n.endswith("绿叶病毒感染的肺炎疫情防控工作会议") for n in f.meetings)


def test_a_foreign_partys_congress_is_not_the_cpcs():
    _, f = run("新华社河内1月2日电 越方将顺利完成越共十三大确定的目标任务。周明远表示祝贺。")
    assert not any("全国代表大会" in n for n in f.meetings)


def test_a_local_governments_bare_sitting_is_its_numbered_one():
    _, f = run("黔东南州政府召开常务会议\n\n本报讯 3月5日，州长沈立言主持召开第九届州人民政府第45次常务会议。"
               "会议指出，州人民政府常务会议要抓好落实。副州长林书安出席。\n")
    sittings = {p.meeting for p in f.participations}
    assert sittings == {"黔东南苗族侗族自治州人民政府常务会议"}
    assert f.meetings["黔东南苗族侗族自治州人民政府常务会议"].session == 45
