"""Roles: title phrases before a name, chains of titles, shared titles, elections."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, roles_of, run

GANSU_PARTY = "中国共产党甘肃省委员会"


def test_chain_of_titles_gives_two_roles_tied_to_the_meeting():
    _, f = run(GANSU_OPENING + "大会主席团常务主席、执行主席周明远主持会议。")
    assert roles_of(f, "周明远") == {"大会主席团常务主席", "执行主席"}
    assert {r.meeting for r in f.roles if r.person == "周明远"} == {GANSU_CONGRESS}


def test_party_and_state_posts_in_a_chain():
    _, f = run(GANSU_OPENING + "省委副书记、省长欧阳立新作政府工作报告。")
    assert roles_of(f, "欧阳立新") == {"省委副书记", "省长"}
    deputy = next(r for r in f.roles if r.title == "省委副书记")
    assert deputy.organization == GANSU_PARTY


def test_title_is_shared_by_a_list_of_names():
    _, f = run(GANSU_OPENING + "大会执行主席钱卫东、孔繁星、尹雪松、司马长青在主席台前排就座。")
    for name in ("钱卫东", "孔繁星", "尹雪松", "司马长青"):
        assert roles_of(f, name) == {"大会执行主席"}, name


def test_descriptor_is_marked_as_no_post():
    _, f = run(GANSU_OPENING + "省领导梁秀英、陶建华出席大会。")
    assert {(r.person, r.title, r.descriptor) for r in f.roles} == {
        ("梁秀英", "省领导", True), ("陶建华", "省领导", True)}


def test_separate_titles_are_not_mixed_up():
    _, f = run(GANSU_OPENING + "省委副书记、省长欧阳立新，省委副书记梁秀英出席会议。")
    assert roles_of(f, "欧阳立新") == {"省委副书记", "省长"}
    assert roles_of(f, "梁秀英") == {"省委副书记"}


def test_election_gives_the_post_elected_to():
    _, f = run(GANSU_OPENING + "省领导陶建华出席会议。会议选举陶建华为省长。")
    assert "省长" in roles_of(f, "陶建华")


def test_election_alone_names_the_person():
    _, f = run(GANSU_OPENING + "会议选举陶建华为甘肃省人民政府省长。")
    assert "陶建华" in f.people
    assert "甘肃省人民政府省长" in roles_of(f, "陶建华")


def test_governor_belongs_to_the_provincial_government():
    _, f = run(GANSU_OPENING + "省委副书记、省长欧阳立新作政府工作报告。")
    gov = next(r for r in f.roles if r.title == "省长")
    assert gov.organization == "甘肃省人民政府"


def test_byline_titles_of_two_people_stay_apart():
    _, f = run("本报讯（记者 邵一鸣 通讯员 龚小禾）" + GANSU_OPENING)
    assert roles_of(f, "邵一鸣") == {"记者"}
    assert roles_of(f, "龚小禾") == {"通讯员"}


def test_title_phrase_stops_at_the_previous_name():
    _, f = run(GANSU_OPENING + "代表钱卫东对新华社记者孔繁星说，信心更足了。")
    assert roles_of(f, "孔繁星") == {"新华社记者"}
