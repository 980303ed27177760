"""Attendance counts of the main meeting."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, run


def _counts(f):
    return [(a.meeting, a.expected, a.present, a.absent) for a in f.attendance]


def test_expected_present_absent():
    _, f = run(GANSU_OPENING + "本次会议应出席代表512人，出席498人，缺席14人，出席人数符合法定人数。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_expected_and_actual_without_absent():
    _, f = run(GANSU_OPENING + "会议应到代表512人，实到498人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, None)]


def test_counts_in_the_next_sentence():
    _, f = run(GANSU_OPENING + "本次会议应出席代表512人。实际出席498人，缺席14人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_span_reads_the_counts():
    doc, f = run(GANSU_OPENING + "本次会议应出席代表512人，出席498人，缺席14人。")
    a, b = f.attendance[0].span
    assert doc.text[a:b] == "应出席代表512人，出席498人，缺席14人"


def test_no_counts_without_a_main_meeting():
    _, f = run("座谈会应出席代表30人，出席28人。")
    assert f.attendance == []


def test_plenum_counts_of_committee_members():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。2024年是关键之年。"
               "全会应到省委委员71人，实到68人；应到省委候补委员12人，实到11人。")
    assert _counts(f) == [("中国共产党江西省第十五届委员会第七次全体会议", 71, 68, None)]


# -- more forms of the counts (invented sentences) -----------------------------------------

STANDING = "12月20日，省十四届人大常委会第十三次会议在兰州闭幕。"
STANDING_NAME = "甘肃省第十四届人民代表大会常务委员会第十三次会议"


def test_present_count_alone():
    _, f = run(STANDING + "常委会组成人员52人出席会议，出席人数符合法定人数。")
    assert _counts(f) == [(STANDING_NAME, None, 52, None)]


def test_a_count_of_some_members_after_named_leaders_is_no_attendance():
    _, f = run(STANDING + "副主任钱卫东、孔繁星，秘书长尹雪松及委员40人出席会议。")
    assert f.attendance == []


def test_members_in_office_and_present_at_the_opening():
    _, f = run(GANSU_OPENING + "大会实有代表510人，到会代表497人，符合法定人数。")
    assert _counts(f) == [(GANSU_CONGRESS, 510, 497, None)]
    _, f = run(GANSU_OPENING + "甘肃省第十四届人民代表大会共有代表512名，出席开幕大会的代表498人，符合法定人数。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, None)]


def test_leave_is_absence():
    _, f = run(GANSU_OPENING + "大会应到代表512人，因病因事请假14人，实到498人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_counts_by_category_keep_the_members():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。十二届省政协应到委员600人，"
               "特邀委员30人；实到委员570人，特邀委员25人，符合规定。")
    assert _counts(f) == [("中国人民政治协商会议第十二届甘肃省委员会第三次会议", 600, 570, None)]


def test_counts_two_sentences_on():
    _, f = run(GANSU_OPENING + "省十四届人大现有代表512人。截至17日，已报到的代表505人。"
               "今天的会议，出席498人，缺席14人，出席人数符合法定人数。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_the_presidium_count_is_not_the_sessions():
    _, f = run(GANSU_OPENING + "当晚，大会主席团举行第二次会议。会议应到主席团成员60人，实到57人，符合法定人数。")
    assert all(a.meeting != GANSU_CONGRESS for a in f.attendance)


def test_each_meeting_its_own_counts():
    _, f = run("全省两会召开\n1月18日，省十四届人大三次会议在兰州开幕。省十四届人大三次会议应出席代表512人，"
               "出席498人，缺席14人。\n1月17日，省政协十三届三次会议在兰州开幕。省政协十三届三次会议应到委员"
               "600人，实到570人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14),
                          ("中国人民政治协商会议第十三届甘肃省委员会第三次会议", 600, 570, None)]


def test_counts_in_chinese_numerals():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。省政协十二届三次会议应出席委员六百一十二名，"
               "实际出席委员五百八十名，符合规定人数。")
    assert _counts(f) == [("中国人民政治协商会议第十二届甘肃省委员会第三次会议", 612, 580, None)]


def test_present_by_category_keeps_the_members():
    _, f = run("11月28日，省委十五届七次全会在南昌召开。省委委员68人、省委候补委员11人出席会议。")
    assert _counts(f) == [("中国共产党江西省第十五届委员会第七次全体会议", None, 68, None)]


def test_each_sitting_its_counts():
    _, f = run(STANDING + "第一次全体会议，应出席常委会组成人员55人，出席50人，符合法定人数。会议听取了有关报告。\n"
               "第二次全体会议，应出席常委会组成人员55人，出席52人，符合法定人数。")
    assert _counts(f) == [(STANDING_NAME, 55, 50, None), (STANDING_NAME, 55, 52, None)]


def test_bare_counts_in_a_parenthesis():
    _, f = run("本报讯 1月8日，政协溪口州第十届委员会第五次会议开幕。318（应到359，实到318）位州政协委员步入会场。")
    assert _counts(f) == [("中国人民政治协商会议第十届溪口州委员会第五次会议", 359, 318, None)]


def test_a_membership_total_is_the_expected_count():
    _, f = run("本报讯 1月8日，溪口市第一届人民代表大会第一次会议开幕。代表总数三百八十人，出席三百六十二人，缺席十八人。")
    assert _counts(f) == [("溪口市第一届人民代表大会第一次会议", 380, 362, 18)]


def test_a_year_or_a_day_is_no_bare_count():
    _, f = run("本报讯 1月8日，溪口市第五届人民代表大会第二次会议开幕，出席2024，实到的代表众多。")
    assert _counts(f) == []
