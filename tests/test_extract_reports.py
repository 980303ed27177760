"""Reports: presenter, title as written, on whose behalf, meeting."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, run


def _reports(f):
    return {(r.presenter, r.title, r.on_behalf_of, r.meeting) for r in f.reports}


def test_report_delivered_on_behalf_of_the_government_short_form():
    _, f = run(GANSU_OPENING + "省长欧阳立新代表省政府向大会作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_report_delivered_on_behalf_of_the_provincial_peoples_government():
    _, f = run(GANSU_OPENING + "省长欧阳立新代表省人民政府向大会作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_report_entrusted_by_a_body():
    _, f = run(GANSU_OPENING + "受省人大常委会委托，省人大常委会副主任钱卫东作关于甘肃省人民代表大会"
               "常务委员会工作的报告。")
    assert _reports(f) == {("钱卫东", "关于甘肃省人民代表大会常务委员会工作的报告",
                            "甘肃省人民代表大会常务委员会", GANSU_CONGRESS)}


def test_report_without_a_body_has_no_on_behalf_of():
    _, f = run(GANSU_OPENING + "省人大常委会副主任钱卫东作关于代表建议办理情况的报告。")
    assert _reports(f) == {("钱卫东", "关于代表建议办理情况的报告", None, GANSU_CONGRESS)}


def test_report_entrusted_by_the_standing_committee_of_a_party_committee():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。2024年是关键之年。"
               "省委书记贺鸣川出席会议。全会听取和讨论了贺鸣川受省委常委会委托所作的工作报告。")
    assert {(r.presenter, r.title) for r in f.reports} == {("贺鸣川", "工作报告")}
    assert f.reports[0].on_behalf_of == "中国共产党江西省委员会常务委员会"


def test_no_report_without_a_presenter():
    _, f = run(GANSU_OPENING + "代表们认真审议政府工作报告。")
    assert f.reports == []
