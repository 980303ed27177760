"""People and roles of lists: elections of several names, shared titles, executive chairs,
transcribed names with any of the dots pages use. Invented sentences, invented people."""

from __future__ import annotations

from extract_support import GANSU_OPENING, roles_of, run

XINJIANG_OPENING = "1月18日，自治区十四届人大三次会议在乌鲁木齐开幕。"


def test_election_of_a_list_keeps_the_last_name_apart_from_wei():
    _, f = run(GANSU_OPENING + "会议选举王刚、李强、张伟为副省长。")
    assert {"王刚", "李强", "张伟"} <= set(f.people)
    assert not any(n.endswith("为") for n in f.people)
    for name in ("王刚", "李强", "张伟"):
        assert "副省长" in roles_of(f, name), name
    assert {r.organization for r in f.roles if r.title == "副省长"} == {"甘肃省人民政府"}


def test_election_list_goes_on_after_a_comma_without_its_verb():
    _, f = run(GANSU_OPENING + "会议选举尹雪松、郑晓东为省人大常委会副主任，黄宇为秘书长，陈思远、邝一平为委员。")
    assert roles_of(f, "黄宇") == {"秘书长"}
    assert roles_of(f, "邝一平") == {"委员"}
    assert roles_of(f, "郑晓东") == {"省人大常委会副主任"}


def test_a_verb_after_an_election_clause_is_no_name():
    _, f = run(GANSU_OPENING + "会议选举孔繁星为省长，选举周立为副省长。")
    assert set(f.people) == {"孔繁星", "周立"}


def test_deictic_before_executive_chair_is_no_part_of_the_role():
    _, f = run(GANSU_OPENING + "本次大会执行主席钱卫东、孔繁星在主席台前排就座。本次会议执行主席尹雪松主持。")
    assert roles_of(f, "钱卫东") == {"大会执行主席"}
    assert roles_of(f, "孔繁星") == {"大会执行主席"}
    assert roles_of(f, "尹雪松") == {"执行主席"}


def test_transcribed_names_with_a_bullet_are_whole():
    _, f = run(XINJIANG_OPENING + "自治区主席艾力肯•吐尔逊作政府工作报告。"
               "自治区领导海米提•包山、尹雪松、阿依努尔·沙比提出席会议。")
    assert {"艾力肯•吐尔逊", "海米提•包山", "尹雪松", "阿依努尔·沙比提"} <= set(f.people)
    assert "包山" not in f.people and "吐尔逊" not in f.people
    assert roles_of(f, "艾力肯•吐尔逊") == {"自治区主席"}
