"""Prefectures, leagues and their bodies; a city's, county's or prefecture's departments
(invented sentences, invented people; real prefecture names)."""

from __future__ import annotations

import pytest
from extract_support import run

from kg.extract.localities import article_prefecture, prefecture, unit_forms


def test_a_prefecture_is_known_by_its_short_form():
    assert prefecture("大理州").full == "大理白族自治州"
    assert prefecture("黔东南苗族侗族自治州").short[0] == "黔东南州"
    assert prefecture("大理市") is None  # a county-level city of the same stem is another place
    assert unit_forms("大理白族自治州") == ("州", "大理", ("大理白族自治州", "大理州"))
    assert unit_forms("桃源县") == ("县", "桃源", ("桃源县",))


def test_an_article_is_about_the_prefecture_it_names_and_writes_short():
    assert article_prefecture("大理州人大常委会主任周明远出席。州委书记宋立川讲话。全州上下。")[0] == "大理白族自治州"
    # 苏州人大 is a city's body, and no prefecture is named: none
    assert article_prefecture("苏州人大常委会主任周明远出席。") is None


def test_a_prefecture_congress_and_its_bodies_get_full_names():
    _, f = run("本报讯 3月1日，大理州十五届人大二次会议胜利闭幕。大理州人大常委会主任周明远主持。"
               "州人民政府州长宋立川，州委副书记孙立平出席。州财政局、州市场监督管理局负责人列席会议。")
    m = f.main_meeting
    assert (m.name, m.body, m.term, m.session) == ("大理白族自治州第十五届人民代表大会第二次会议",
                                                   "大理白族自治州人民代表大会", 15, 2)
    assert {"大理白族自治州人民代表大会常务委员会", "大理白族自治州人民政府", "中国共产党大理白族自治州委员会",
            "大理白族自治州财政局", "大理白族自治州市场监督管理局"} <= set(f.organizations)


def test_a_prefecture_cppcc_written_short_is_the_full_prefectures():
    _, f = run("本报讯 政协黔东南州第十届委员会第五次会议开幕。中共黔东南州委书记周明远出席。州人民法院院长宋立川出席。")
    assert f.main_meeting.name == "中国人民政治协商会议第十届黔东南苗族侗族自治州委员会第五次会议"
    assert "中国人民政治协商会议黔东南苗族侗族自治州委员会" in f.organizations
    assert "中国人民政治协商会议黔东南州委员会" not in f.organizations
    assert "黔东南苗族侗族自治州中级人民法院" in f.organizations


def test_a_prefecture_conference_is_named_with_the_prefecture():
    _, f = run("本报讯 甘孜州委经济工作会议召开。州委书记周明远出席会议并讲话。全州各级干部参加。州人大常委会主任宋立川出席。")
    assert "中共甘孜藏族自治州委经济工作会议" in f.meetings


@pytest.mark.parametrize("text, org", [
    ("本报讯 6月1日，绿江市第五届人民代表大会第三次会议开幕。市委书记周明远主持。市政府办公室主任宋立川列席。", "绿江市人民政府办公室"),
    ("本报讯 6月1日，绿江市第五届人民代表大会第三次会议开幕。市委书记周明远主持。市教育局局长宋立川列席。", "绿江市教育局"),
])
def test_a_citys_departments_written_short_are_the_citys(text, org):
    _, f = run(text)
    assert org in f.organizations


def test_no_department_without_a_place():
    _, f = run("会议要求，市教育局要抓好落实。省委书记周明远出席。")
    assert not any(o.endswith("教育局") for o in f.organizations)


def test_a_party_secretary_before_a_city_is_not_part_of_its_name():
    _, f = run("本报讯 7月8日，中共绿江市委十三届五次全会召开。市委书记周明远主持会议。市委常委宋立川出席。")
    assert f.main_meeting.name == "中国共产党绿江市第十三届委员会第五次全体会议"
    assert "中国共产党绿江市委员会" in f.organizations
