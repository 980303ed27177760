"""Organisations: short forms resolved with the article's province, media, universities."""

from __future__ import annotations

from extract_support import GANSU_OPENING, run


def test_short_forms_resolve_with_the_province():
    _, f = run(GANSU_OPENING + "省政府、省人大常委会、省政协、省教育厅负责同志到会。")
    assert {"甘肃省人民政府", "甘肃省人民代表大会常务委员会", "中国人民政治协商会议甘肃省委员会",
            "甘肃省教育厅"} <= set(f.organizations)


def test_media_and_universities():
    _, f = run(GANSU_OPENING + "兰州大学师生和新华社、甘肃日报记者到会。")
    assert {"兰州大学", "新华通讯社", "甘肃日报"} <= set(f.organizations)
    assert f.organizations["新华通讯社"].cls == "media"
    assert f.organizations["甘肃日报"].cls == "media"


def test_org_spans_read_the_written_form():
    doc, f = run(GANSU_OPENING + "省政府负责同志到会。")
    assert [doc.text[a:b] for a, b in f.organizations["甘肃省人民政府"].spans] == ["省政府"]


def test_no_organisation_from_a_generic_reference():
    _, f = run("有关部门负责同志参加活动。")
    assert f.organizations == {}


def test_the_term_of_a_committee_is_no_department():
    _, f = run("11月28日，中国共产党江西省第十五届委员会第七次全体会议在南昌闭幕。")
    assert "江西省第十五届委员会" not in f.organizations


def test_provincial_peoples_government_written_out():
    _, f = run(GANSU_OPENING + "省人民政府负责同志到会。")
    assert "甘肃省人民政府" in f.organizations


def test_standing_committee_of_the_provincial_party_committee():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。省委常委会主持会议。")
    assert "中国共产党江西省委员会常务委员会" in f.organizations
