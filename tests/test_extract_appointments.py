"""Appointments: elections, appointments, removals and resignations, lists included."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, run

#: makes the three invented people known to the people step before the decisions
KNOWN = "省领导钱卫东、孔繁星、尹雪松出席会议。"
PROV_GOV = "甘肃省人民政府"
PROV_SC = "甘肃省人民代表大会常务委员会"


def appts(facts) -> set[tuple[str, str, str]]:
    return {(a.person, a.action, a.post) for a in facts.appointments}


def test_election_of_lists_and_a_continued_clause():
    _, f = run(GANSU_OPENING + KNOWN + "大会选举钱卫东、孔繁星为省人大常委会副主任，尹雪松为省人大常委会秘书长。")
    assert appts(f) == {("钱卫东", "elected", "省人大常委会副主任"), ("孔繁星", "elected", "省人大常委会副主任"),
                        ("尹雪松", "elected", "省人大常委会秘书长")}
    assert {a.organization for a in f.appointments} == {PROV_SC}
    assert {a.meeting for a in f.appointments} == {GANSU_CONGRESS}


def test_elected_names_before_dangxuan():
    _, f = run(GANSU_OPENING + KNOWN + "经选举，钱卫东、孔繁星当选为省人民政府副省长。")
    assert appts(f) == {("钱卫东", "elected", "省人民政府副省长"), ("孔繁星", "elected", "省人民政府副省长")}


def test_one_name_two_posts_the_second_inherits_the_body():
    _, f = run(GANSU_OPENING + KNOWN + "会议决定任命钱卫东为省人民政府副省长、代理省长。")
    assert appts(f) == {("钱卫东", "appointed", "省人民政府副省长"), ("钱卫东", "appointed", "代理省长")}
    assert {a.organization for a in f.appointments} == {PROV_GOV}


def test_removal_of_a_list():
    _, f = run(GANSU_OPENING + KNOWN + "会议决定免去钱卫东、孔繁星的省人民政府副省长职务。")
    assert appts(f) == {("钱卫东", "removed", "省人民政府副省长"), ("孔繁星", "removed", "省人民政府副省长")}


def test_qi_refers_to_the_person_just_appointed():
    _, f = run(GANSU_OPENING + KNOWN + "会议任命钱卫东为省人大常委会办公厅主任，免去其省人大常委会副秘书长职务。")
    assert appts(f) == {("钱卫东", "appointed", "省人大常委会办公厅主任"),
                        ("钱卫东", "removed", "省人大常委会副秘书长")}


def test_accepted_resignation():
    _, f = run(GANSU_OPENING + KNOWN + "会议通过了关于接受尹雪松辞去省人民政府省长职务请求的决定。")
    assert appts(f) == {("尹雪松", "resigned", "省人民政府省长")}


def test_next_group_with_an_unknown_name_does_not_glue_to_the_post():
    _, f = run(GANSU_OPENING + KNOWN + "会议选举钱卫东为省高级人民法院院长、卜冠群为省人民检察院检察长。")
    assert ("钱卫东", "elected", "省高级人民法院院长") in appts(f)
    assert all("为" not in a.post for a in f.appointments)


def test_headline_and_body_of_one_election_are_one_appointment():
    _, f = run("选举钱卫东为省长\n" + GANSU_OPENING + KNOWN + "会议选举钱卫东为省人民政府省长。")
    assert appts(f) == {("钱卫东", "elected", "省人民政府省长")}


def test_a_motion_to_appoint_is_no_appointment():
    _, f = run(GANSU_OPENING + KNOWN + "会议听取了提请任命钱卫东职务的议案的说明。")
    assert f.appointments == []


def test_no_longer_holding_a_post_is_a_removal():
    _, f = run(GANSU_OPENING + KNOWN + "会议补选尹雪松为省政协副主席；钱卫东、孔繁星因年龄原因，不再担任省政协副主席职务。")
    assert appts(f) == {("尹雪松", "elected", "省政协副主席"), ("钱卫东", "removed", "省政协副主席"),
                        ("孔繁星", "removed", "省政协副主席")}


def test_bare_title_is_of_the_body_the_sentence_named():
    _, f = run(GANSU_OPENING + KNOWN + "钱卫东当选为政协甘肃省第十三届委员会主席，孔繁星、尹雪松当选为副主席。")
    assert {(a.person, a.post, a.organization) for a in f.appointments} == {
        ("钱卫东", "政协甘肃省第十三届委员会主席", "中国人民政治协商会议甘肃省委员会"),
        ("孔繁星", "副主席", "中国人民政治协商会议甘肃省委员会"),
        ("尹雪松", "副主席", "中国人民政治协商会议甘肃省委员会")}


def test_added_by_election():
    _, f = run(GANSU_OPENING + KNOWN + "会上，委员们以表决器表决的方式，增选钱卫东为政协甘肃省委员会副主席。")
    assert appts(f) == {("钱卫东", "elected", "政协甘肃省委员会副主席")}


def test_decision_naming_people_to_posts():
    _, f = run(GANSU_OPENING + KNOWN + "日前，中共中央决定：钱卫东同志任甘肃省委委员、常委、书记，不再担任省人民政府省长职务；"
               "孔繁星同志不再兼任省委常委职务。")
    assert appts(f) == {("钱卫东", "appointed", "甘肃省委委员"), ("钱卫东", "appointed", "常委"),
                        ("钱卫东", "appointed", "书记"), ("钱卫东", "removed", "省人民政府省长"),
                        ("孔繁星", "removed", "省委常委")}
    assert {a.organization for a in f.appointments if a.person == "钱卫东" and a.action == "appointed"} == {
        "中国共产党甘肃省委员会"}


def test_a_verb_is_never_taken_for_a_missed_name():
    _, f = run(GANSU_OPENING + KNOWN + "会议选举周明远为省长，选举钱卫东、孔繁星为省人大常委会委员。")
    assert ("钱卫东", "elected", "省人大常委会委员") in appts(f)
    assert ("孔繁星", "elected", "省人大常委会委员") in appts(f)
