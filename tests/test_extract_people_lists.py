"""People and roles of lists: elections of several names, shared titles, executive chairs,
transcribed names with any of the dots pages use. Invented sentences, invented people."""

from __future__ import annotations

import pytest
from extract_support import GANSU_OPENING, roles_of, run

XINJIANG_OPENING = "1月18日，自治区十四届人大三次会议在乌鲁木齐开幕。"


def test_election_of_a_list_keeps_the_last_name_apart_from_wei():
    _, f = run(GANSU_OPENING + "会议选举汪刚、李书强、张伟为副省长。")
    assert {"汪刚", "李书强", "张伟"} <= set(f.people)
    assert not any(n.endswith("为") for n in f.people)
    for name in ("汪刚", "李书强", "张伟"):
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


TIBET_OPENING = "1月18日，自治区十四届人大三次会议在拉萨开幕。"


def test_names_without_a_family_name_in_a_titled_list():
    _, f = run(TIBET_OPENING + "自治区领导索达江村、次仁拉宗、丹珠、尹雪松、格桑顿旦、此里拉宗出席会议。")
    names = {"索达江村", "次仁拉宗", "丹珠", "尹雪松", "格桑顿旦", "此里拉宗"}
    assert names <= set(f.people)
    for name in names:
        assert roles_of(f, name) == {"自治区领导"}, name


def test_a_name_without_a_family_name_after_a_title_before_its_verb():
    _, f = run(TIBET_OPENING + "大会执行主席次仁拉宗主持会议。副主席丹珠作报告。")
    assert {"次仁拉宗", "丹珠"} <= set(f.people)
    assert roles_of(f, "丹珠") == {"副主席"}


def test_a_mongolian_name_of_five_characters_opens_a_list():
    _, f = run("1月18日，自治区十四届人大三次会议在呼和浩特开幕。"
               "自治区领导乌日其木格、布仁达、巴图尔出席会议。")
    assert {"乌日其木格", "布仁达", "巴图尔"} <= set(f.people)


def test_a_shared_vice_chair_title_passes_a_five_character_name():
    _, f = run("3月18日，十四届全国人大常委会第九次会议在北京人民大会堂闭幕。"
               "副委员长孔繁星、郑晓东、乌日其木格、艾力·买买提出席会议。")
    for name in ("孔繁星", "郑晓东", "乌日其木格", "艾力·买买提"):
        assert roles_of(f, name) == {"副委员长"}, name


def test_a_name_without_a_family_name_before_a_title_written_after_it():
    _, f = run("3月1日，全国人大常委会第三次会议在北京举行。张立委员长出席。\n向巴平多副委员长主持会议。")
    assert "向巴平多" in f.people
    assert "副委员长" in roles_of(f, "向巴平多")


def test_phrases_after_a_title_are_no_names():
    _, f = run(TIBET_OPENING + "代表们纷纷表示，要学习申某同志守初心、担使命的精神。此访是总理首次访问。"
               "主席台执行主席孔繁星主持会议。百名书记带头讲、百名厅长条线讲。")
    assert set(f.people) <= {"孔繁星", "申某"}


PLENUM = "1月18日，省委十四届三次全会在兰州召开。"


def test_promoted_alternates_take_the_member_post_and_no_verb_phrase_role():
    _, f = run(PLENUM + "全会决定递补省委候补委员周立、孔繁星为省委委员。")
    for name in ("周立", "孔繁星"):
        assert roles_of(f, name) == {"省委候补委员", "省委委员"}, name


def test_promotion_without_a_title_names_the_people():
    _, f = run(PLENUM + "全会决定递补周立、孔繁星为省委委员。")
    assert roles_of(f, "孔繁星") == {"省委委员"}


def test_drafting_group_roles_without_the_plenum():
    _, f = run(PLENUM + "全会文件起草组副组长孔繁星出席。省委书记、文件起草组组长周明远作说明。")
    assert roles_of(f, "孔繁星") == {"文件起草组副组长"}
    assert roles_of(f, "周明远") == {"省委书记", "文件起草组组长"}


def test_a_governor_named_inside_an_appointment_sentence():
    _, f = run("1月18日，省十四届人大常委会第三次会议在兰州举行。会议根据副省长周立的提请，决定任命孔繁星为"
               "省教育厅厅长。根据省长周明远的提名，决定任命尹雪松为省财政厅厅长。")
    assert roles_of(f, "周立") == {"副省长"}
    assert roles_of(f, "周明远") == {"省长"}
    assert roles_of(f, "尹雪松") == {"省财政厅厅长"}


NMG_OPENING = "1月18日，自治区十四届人大三次会议在呼和浩特开幕。"


def test_a_transcribed_name_with_a_one_character_first_part_opens_a_titled_list():
    _, f = run(NMG_OPENING + "大会执行主席、主席团常务主席雷·额尔敦珠、罗晓天、郝立东在主席台前排就座。")
    for name in ("雷·额尔敦珠", "罗晓天", "郝立东"):
        assert roles_of(f, name) == {"大会执行主席", "主席团常务主席"}, name


def test_officers_named_after_a_copula():
    _, f = run(NMG_OPENING + "会议表决通过了主席团常务主席名单。主席团常务主席为李立恒、那木孟和、吴团立、廉洁华、和彦平、施文华。")
    names = {"李立恒", "那木孟和", "吴团立", "廉洁华", "和彦平", "施文华"}
    assert names <= set(f.people)
    assert not any(n.startswith("为") for n in f.people)
    for name in names:
        assert "主席团常务主席" in roles_of(f, name), name


def test_the_last_item_of_a_list_ends_at_a_conjunction():
    _, f = run(NMG_OPENING + "巴图尔、陈光明、刘志远、吴合生与大会主席团成员在主席台就座。")
    assert {"巴图尔", "陈光明", "刘志远", "吴合生"} <= set(f.people)


def test_a_rank_before_a_copula_names_no_one():
    _, f = run(NMG_OPENING + "大会展现了广大政协委员为国履职、为民尽责的担当。")
    assert not f.people


def test_a_transcribed_name_standing_alone_between_commas():
    _, f = run(XINJIANG_OPENING + "自治区政协副主席黄立元、阿尤甫·铁买提,阿不都力甫·阿不都热合木,秘书长巴图出席会议。")
    assert "阿不都力甫·阿不都热合木" in f.people


def test_places_and_titles_joined_by_a_dot_are_no_names():
    _, f = run(XINJIANG_OPENING + "会议期间，中国·乌鲁木齐投资洽谈会同期举行，红色·记忆展览开幕。")
    assert not any("·" in n for n in f.people)


def test_names_marked_with_their_place_in_a_photograph():
    _, f = run(GANSU_OPENING + "图为何立秋（左）、胡小波（右）握手。")
    assert {"何立秋", "胡小波"} <= set(f.people)


def test_deputies_named_after_the_body_that_elected_them():
    _, f = run("1月18日，省十四届人大常委会第三次会议在兰州举行。兰州市选举的王立成、天水市选举的曲小丽，"
               "因工作变动调离本省，代表资格终止。")
    assert {"王立成", "曲小丽"} <= set(f.people)


def test_officers_named_after_you_and_the_decision_is_no_role():
    _, f = run(GANSU_OPENING + "会议决定大会副秘书长由张立槐、周小国、王立锋等3位同志担任。")
    assert {"张立槐", "周小国", "王立锋"} <= set(f.people)
    assert not any(n.startswith("由") for n in f.people)
    for name in ("张立槐", "周小国", "王立锋"):
        assert roles_of(f, name) == {"大会副秘书长"}, name


def test_a_commission_by_a_titled_person_is_no_part_of_the_title():
    _, f = run(GANSU_OPENING + "受市委书记、市人大常委会主任马立勇委托，副主任余其宝主持会议。")
    assert roles_of(f, "马立勇") == {"市委书记", "市人大常委会主任"}


def test_a_title_list_stops_before_the_next_title_phrase():
    _, f = run(GANSU_OPENING + "中共总书记习立平、全国政协副主席梁立英等人出席开幕式。")
    assert "全国" not in f.people
    assert roles_of(f, "梁立英") == {"全国政协副主席"}


def test_a_notice_listing_officers_title_by_title():
    _, f = run(TIBET_OPENING + "现将名单公告如下：\n主任：严立海；\n副主任：张立波（汉族）；")
    assert roles_of(f, "严立海") == {"主任"}
    assert roles_of(f, "张立波") == {"副主任"}


def test_a_prefectures_body_in_a_list_is_no_person():
    _, f = run("黔东南州政府召开常务会议\n\n本报讯 3月5日，州长沈立言主持召开州人民政府常务会议。副州长林书安、州政协副主席罗成安出席。\n")
    people = set(f.people)
    assert {"林书安", "罗成安"} <= people
    assert not any("州" in p for p in people)
    assert "副州长" in roles_of(f, "林书安")


@pytest.mark.parametrize("joiner", ["和", "及"])
def test_a_name_after_the_closing_and_of_a_list_is_read(joiner):
    _, f = run(GANSU_OPENING + f"省领导周明远、钱卫东{joiner}孔繁星出席会议。")
    assert set(f.people) == {"周明远", "钱卫东", "孔繁星"}


@pytest.mark.parametrize("tail", ["和企业代表座谈。", "和有关部门负责同志出席。", "和全市人民一道参加。"])
def test_a_group_after_the_closing_and_is_no_name(tail):
    _, f = run(GANSU_OPENING + "省领导周明远、钱卫东" + tail)
    assert set(f.people) == {"周明远", "钱卫东"}
