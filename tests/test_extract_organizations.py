"""Organisations: short forms resolved with the article's province, media, universities."""

from __future__ import annotations

import pytest
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


def test_supreme_court_and_procuratorate_by_their_own_names():
    _, f = run("会议听取了最高人民法院、最高人民检察院的工作报告。")
    assert {"最高人民法院", "最高人民检察院"} <= set(f.organizations)
    assert "中华人民共和国最高人民法院" not in f.organizations


@pytest.mark.parametrize("written, canonical", [
    ("中央农办", "中央农村工作领导小组办公室"),
    ("中央编办", "中央机构编制委员会办公室"),
    ("民航局", "中国民用航空局"),
    ("国家邮政局", "国家邮政局"),
    ("审计署", "中华人民共和国审计署"),
    ("国家发展改革委", "中华人民共和国国家发展和改革委员会"),
    ("全国人大常委会法工委", "全国人民代表大会常务委员会法制工作委员会"),
])
def test_central_organs_in_short_form(written, canonical):
    _, f = run(f"新华社北京3月4日电 会议听取了{written}负责同志的汇报。")
    assert canonical in f.organizations


def test_the_committees_of_a_congress_in_general_are_no_organisation():
    _, f = run("新华社北京3月4日电 全国人民代表大会各专门委员会审议了有关议案。")
    assert not any(n.endswith("各专门委员会") for n in f.organizations)


def test_a_local_short_form_is_not_the_national_body():
    # 市政协常委会 in an article on a city's affairs: the city's, not the national committee's
    _, f = run("本报讯 10日，十一届市政协常委会召开第十八次会议。柳州市政协主席周明远主持。全市政协委员参加。")
    assert "中国人民政治协商会议全国委员会常务委员会" not in f.organizations
    assert "中国人民政治协商会议柳州市委员会" in f.organizations


def test_a_provincial_commission_in_short_form_is_the_provinces():
    _, f = run(GANSU_OPENING + "省发展改革委负责同志作了说明。")
    assert "中华人民共和国国家发展和改革委员会" not in f.organizations
    assert "甘肃省发展和改革委员会" in f.organizations  # by its full name (发展改革委 is short)


def test_a_department_written_with_another_province_is_that_provinces():
    _, f = run(GANSU_OPENING + "会上，四川省教育厅负责同志介绍了经验。")
    assert "四川省教育厅" in f.organizations
    assert "甘肃省教育厅" not in f.organizations


def test_a_verb_before_a_study_word_is_no_university():
    _, f = run(GANSU_OPENING + "要多渠道扩大学前教育资源，加大学科建设投入。")
    assert not any(n.endswith("大学") for n in f.organizations)


def test_a_named_citys_bodies_in_any_article():
    _, f = run(GANSU_OPENING + "省委常委、兰州市委书记宋立川，天水市人民政府负责同志出席。")
    assert {"中国共产党兰州市委员会", "天水市人民政府"} <= set(f.organizations)


def test_a_list_of_committees_after_their_congress():
    _, f = run("新华社北京6月30日电 会议听取了全国人大内务司法委员会、财政经济委员会、外事委员会的报告。")
    assert {"全国人民代表大会内务司法委员会", "全国人民代表大会财政经济委员会",
            "全国人民代表大会外事委员会"} <= set(f.organizations)


@pytest.mark.parametrize("written, body", [
    ("市人大常委会决定罢免宋立川的省十五届人民代表大会代表职务。", "甘肃省人民代表大会"),
    ("自治区政协十五届常委会副主席宋立川出席。", "中国人民政治协商会议宁夏回族自治区委员会常务委员会"),
    ("十四届省政协常委会委员宋立川发言。", "中国人民政治协商会议甘肃省委员会常务委员会"),
])
def test_a_congress_or_cppcc_written_with_its_term(written, body):
    opening = "1月18日，自治区十五届人大三次会议在银川开幕。" if "自治区" in written else GANSU_OPENING
    _, f = run(opening + written)
    assert body in f.organizations


def test_a_citys_court_and_military_subdistrict():
    _, f = run("本报讯 昨日，株洲市第十七届人民代表大会第二次会议开幕。市法院院长宋立川、株洲军分区司令员周明远出席。"
               "全市人大代表参加。")
    assert {"株洲市中级人民法院", "株洲军分区"} <= set(f.organizations)


@pytest.mark.parametrize("written, department", [
    ("省市场监管局负责同志出席。", "甘肃省市场监督管理局"),
    ("省住房和城乡建设厅负责同志出席。", "甘肃省住房和城乡建设厅"),
    ("省市县三级党委要加强领导。", None),
])
def test_a_provinces_department_and_what_is_none(written, department):
    _, f = run(GANSU_OPENING + written)
    found = {o for o in f.organizations if o.startswith("甘肃省") and "人民代表大会" not in o}
    assert found == ({department} if department else set())


@pytest.mark.parametrize("written, org", [
    ("省总工会、团省委、省妇联负责同志出席。", "甘肃省总工会"),
    ("省总工会、团省委、省妇联负责同志出席。", "共产主义青年团甘肃省委员会"),
    ("中央军委政治工作部副主任周明远出席。", "中华人民共和国中央军事委员会政治工作部"),
    ("全国青联、全国少工委负责同志出席。", "中华全国青年联合会"),
    ("全国青联、全国少工委负责同志出席。", "中国少年先锋队全国工作委员会"),
    ("据绿野网报道，代表们认真审议。", "绿野网"),
    ("本报青川频道4月2日讯绿野网报道：代表们认真审议。", "绿野网"),
    ("来源：中国人大网", "中国人大网"),
    ("会议听取了绿江矿区人民法院工作报告。", "绿江矿区人民法院"),
    ("省高级人民法院绿江分院院长周明远列席。", "甘肃省高级人民法院绿江分院"),
    ("绿江高新区管委会主任周明远列席。", "绿江高新技术产业开发区管理委员会"),
    ("周明远曾任绿江钢铁集团有限公司董事长。", "绿江钢铁集团有限公司"),
    ("周明远毕业于绿江理工大学。", "绿江理工大学"),
])
def test_bodies_named_by_their_shape(written, org):
    _, f = run(GANSU_OPENING + written)
    assert org in f.organizations
    assert not any(o.startswith(("据", "曾任", "毕业于", "会议")) for o in f.organizations)


def test_no_body_from_a_generic_phrase():
    _, f = run(GANSU_OPENING + "全省各级人民法院要依法履职。有关有限公司要整改。互联网企业要守法。")
    assert not any(o.endswith(("人民法院", "有限公司", "网")) for o in f.organizations)


def test_no_court_or_site_from_a_verb_phrase():
    _, f = run(GANSU_OPENING + "要大力加强人民法院队伍建设，织密扎牢社会保障网。")
    assert not any(o.endswith(("人民法院", "网")) for o in f.organizations)
