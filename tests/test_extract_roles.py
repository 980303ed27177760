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


def test_list_title_passes_over_a_name_the_people_step_missed():
    # 庹 is no family name the lexicon knows: the item is passed over, the list goes on
    _, f = run(GANSU_OPENING + "大会执行主席钱卫东、孔繁星、庹乃荪、尹雪松在主席台前排就座。")
    assert roles_of(f, "尹雪松") == {"大会执行主席"}


def test_list_prev_skips_short_items_but_not_phrases():
    from kg.extract.roles import _list_prev
    text = "主席甲乙丙、丁戊、己庚辛"
    assert _list_prev(text, 9, {5: "甲乙丙"}) == 5
    assert _list_prev("省长甲乙丙、省委书记丁戊、己庚辛", 13, {5: "甲乙丙"}) is None


def test_chain_of_titles_is_shared_by_a_list():
    _, f = run(GANSU_OPENING + "大会主席团常务主席、执行主席钱卫东、孔繁星、尹雪松在主席台执行主席席就座。")
    for name in ("钱卫东", "孔繁星", "尹雪松"):
        assert roles_of(f, name) == {"大会主席团常务主席", "执行主席"}, name


def test_two_posts_joined_by_jian():
    _, f = run(GANSU_OPENING + "省政协副主席兼秘书长周明远出席会议。")
    assert roles_of(f, "周明远") == {"省政协副主席", "秘书长"}
    assert {r.organization for r in f.roles} == {"中国人民政治协商会议甘肃省委员会"}


def test_title_phrase_stops_at_a_date_and_jiu():
    _, f = run(GANSU_OPENING + "外交部28日就国务院总理周明远出席峰会答记者问。")
    assert roles_of(f, "周明远") == {"国务院总理"}


def test_title_phrase_stops_at_de():
    _, f = run(GANSU_OPENING + "参与调研的省政协常委周明远说，收获很大。")
    assert roles_of(f, "周明远") == {"省政协常委"}


def test_he_inside_a_body_name_is_kept():
    _, f = run(GANSU_OPENING + "宪法和法律委员会主任委员周明远作说明。")
    assert roles_of(f, "周明远") == {"宪法和法律委员会主任委员"}


def test_quoted_words_inside_a_title():
    _, f = run(GANSU_OPENING + "推进“一带一路”建设工作领导小组组长周明远出席会议。")
    assert roles_of(f, "周明远") == {"推进“一带一路”建设工作领导小组组长"}


def test_serving_as_executive_chairs_lists():
    _, f = run(GANSU_OPENING + "担任今天上午大会执行主席的有：钱卫东、孔繁星、尹雪松。")
    assert {r.person for r in f.roles if r.title == "大会执行主席"} == {"钱卫东", "孔繁星", "尹雪松"}
    _, f = run(GANSU_OPENING + "开幕会的执行主席是省政协主席钱卫东和省政协副主席孔繁星。")
    assert {r.person for r in f.roles if r.title == "执行主席"} == {"钱卫东", "孔繁星"}


KNOWN = "省领导钱卫东、孔繁星、尹雪松出席会议。"


def test_election_of_a_list_gives_each_the_post():
    _, f = run(GANSU_OPENING + KNOWN + "大会选举钱卫东、孔繁星为省人大常委会副主任，尹雪松为省人大常委会秘书长。")
    assert roles_of(f, "钱卫东") == roles_of(f, "孔繁星") == {"省领导", "省人大常委会副主任"}
    assert roles_of(f, "尹雪松") == {"省领导", "省人大常委会秘书长"}


def test_elected_list_before_dangxuan():
    _, f = run(GANSU_OPENING + KNOWN + "经选举，钱卫东、孔繁星当选为省人民政府副省长。")
    assert "省人民政府副省长" in roles_of(f, "钱卫东") & roles_of(f, "孔繁星")


def test_removal_is_no_current_role():
    _, f = run(GANSU_OPENING + KNOWN + "会议决定免去钱卫东的省人民政府副省长职务。")
    assert roles_of(f, "钱卫东") == {"省领导"}


def test_bare_title_in_a_list_of_titled_names_takes_the_body_before_it():
    _, f = run(GANSU_OPENING + "省人大常委会副主任钱卫东、孔繁星，秘书长尹雪松出席会议。")
    sec = next(r for r in f.roles if r.person == "尹雪松")
    assert (sec.title, sec.organization) == ("秘书长", "甘肃省人民代表大会常务委员会")


def test_host_is_a_role():
    _, f = run(GANSU_OPENING + "大会主席团常务主席、会议主持人周明远主持会议。")
    assert roles_of(f, "周明远") == {"大会主席团常务主席", "会议主持人"}


def test_title_written_after_the_name():
    _, f = run(GANSU_OPENING + "省人大常委会副主任钱卫东出席。钱卫东副主任主持会议。")
    assert "副主任" not in roles_of(f, "钱卫东")  # 副主任 is not written after names
    _, f = run(GANSU_OPENING + "全国人大常委会副委员长钱卫东出席。钱卫东副委员长主持会议。")
    assert "副委员长" in roles_of(f, "钱卫东")


def test_title_phrase_stops_at_a_verb_before_it():
    _, f = run(GANSU_OPENING + "听取和讨论省委书记周明远的讲话。")
    assert roles_of(f, "周明远") == {"省委书记"}


def test_dateline_xun_is_no_part_of_a_title():
    _, f = run("本报兰州1月18日讯记者邵一鸣、龚小禾报道：省十四届人大三次会议在兰州开幕。")
    assert roles_of(f, "邵一鸣") == {"记者"}


def test_long_transcribed_name_missed_by_people_step_is_passed_over():
    from kg.extract.roles import _list_prev
    text = "副主席甲乙丙、阿不都热克甫·吐木尼牙孜、丁戊己"
    assert _list_prev(text, text.index("丁戊己"), {6: "甲乙丙"}) == 6


def test_post_of_another_province_belongs_to_that_province():
    _, f = run(GANSU_OPENING + "广东省委书记周明远出席会议。")
    assert {(r.title, r.organization) for r in f.roles} == {("广东省委书记", "中国共产党广东省委员会")}


def test_generic_title_in_a_chain_takes_the_body_before_it_a_specific_one_does_not():
    _, f = run(GANSU_OPENING + "省委常委、秘书长周明远，省委常委、副市长钱卫东出席会议。")
    orgs = {(r.person, r.title): r.organization for r in f.roles}
    assert orgs[("周明远", "秘书长")] == "中国共产党甘肃省委员会"
    assert orgs[("钱卫东", "副市长")] is None


def test_list_title_reaches_past_a_missed_first_name():
    # the people step may miss the list's first name (立言 reads as a word): the title still
    # heads the list, so the names it found after it get the role
    from kg.extract.context import analyse
    from kg.extract.roles import _missed_head_title
    from kg.text.document import normalise
    text = "大会执行主席方立言、孔繁星、尹雪松在主席台前排就座。"
    ctx = analyse(normalise(GANSU_OPENING + text))
    assert _missed_head_title(text, ctx, 10, {13: "孔繁星"}) == (0, "大会执行主席")
    assert _missed_head_title(text, ctx, 14, {13: "孔繁星", 17: "尹雪松"}) is None
    # no title before the first item: nothing to share
    assert _missed_head_title("会后方立言、孔繁星出席。", ctx, 6, {9: "孔繁星"}) is None
    # the first item does not read as a name (no known surname)
    assert _missed_head_title("大会执行主席的人员、孔繁星出席。", ctx, 10, {13: "孔繁星"}) is None


def test_missed_first_name_does_not_cut_the_list_in_a_run():
    _, f = run(GANSU_OPENING + "大会执行主席方立言、孔繁星、尹雪松、罗安国在主席台前排就座。")
    for name in ("孔繁星", "尹雪松", "罗安国"):
        assert roles_of(f, name) == {"大会执行主席"}, name


def test_serving_as_executive_chairs_with_shi():
    _, f = run(GANSU_OPENING + "担任本次大会执行主席的是：钱卫东、孔繁星、尹雪松。")
    assert {r.person for r in f.roles if r.title == "大会执行主席"} == {"钱卫东", "孔繁星", "尹雪松"}


def test_standing_chairs_and_executive_chairs_lists_stay_apart():
    _, f = run(GANSU_OPENING + "大会主席团常务主席钱卫东、孔繁星和大会执行主席罗安国、陶子健出席。")
    assert roles_of(f, "钱卫东") == roles_of(f, "孔繁星") == {"大会主席团常务主席"}
    assert roles_of(f, "罗安国") == roles_of(f, "陶子健") == {"大会执行主席"}


def test_politburo_standing_committee_members_listed():
    _, f = run("新华社北京3月5日电 中共中央政治局常委钱卫东、孔繁星、尹雪松出席会议。")
    for name in ("钱卫东", "孔繁星", "尹雪松"):
        assert roles_of(f, name) == {"中共中央政治局常委"}, name


def test_list_in_a_second_clause_is_not_under_the_title():
    _, f = run(GANSU_OPENING + "大会执行主席钱卫东主持会议，孔繁星、尹雪松出席会议。")
    assert roles_of(f, "钱卫东") == {"大会执行主席"}
    assert roles_of(f, "孔繁星") == roles_of(f, "尹雪松") == set()


def test_title_heading_a_body_is_no_role():
    _, f = run(GANSU_OPENING + "执行主席团钱卫东、孔繁星出席。")
    assert not [r for r in f.roles if r.title == "执行主席"]
