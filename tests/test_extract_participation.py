"""Participation: presided, attended, reported, spoke — and what is no speech."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, parts, run


def test_presided_attended_and_spoke():
    _, f = run(GANSU_OPENING + "省委书记周明远出席会议并讲话。省长欧阳立新主持会议。")
    assert parts(f) == {("周明远", "attended"), ("周明远", "spoke"), ("欧阳立新", "presided")}
    assert {p.meeting for p in f.participations} == {GANSU_CONGRESS}


def test_seated_on_the_rostrum_is_attended():
    _, f = run(GANSU_OPENING + "省委书记周明远在主席台就座。")
    assert parts(f) == {("周明远", "attended")}


def test_list_after_seated_on_the_rostrum():
    _, f = run(GANSU_OPENING + "在主席台就座的还有：钱卫东、孔繁星、尹雪松。")
    assert parts(f) == {("钱卫东", "attended"), ("孔繁星", "attended"), ("尹雪松", "attended")}


def test_title_list_before_the_verb_all_attend():
    _, f = run(GANSU_OPENING + "省领导梁秀英、陶建华、上官云出席大会并在主席台就座。")
    assert parts(f) == {("梁秀英", "attended"), ("陶建华", "attended"), ("上官云", "attended")}


def test_delivering_a_report_is_reported():
    _, f = run(GANSU_OPENING + "省长欧阳立新作政府工作报告。")
    assert parts(f) == {("欧阳立新", "reported")}


def test_address_and_emphasis_are_speeches():
    _, f = run(GANSU_OPENING + "省委副书记梁秀英致辞。省委书记周明远在会上强调，要真抓实干。")
    assert parts(f) == {("梁秀英", "spoke"), ("周明远", "spoke")}


def test_spirit_of_an_important_speech_is_no_speech():
    _, f = run(GANSU_OPENING + "省委书记周明远出席会议。会议传达了周明远同志重要讲话精神。")
    assert parts(f) == {("周明远", "attended")}


def test_presided_and_seated_share_their_subject():
    _, f = run(GANSU_OPENING + "大会主席团常务主席、执行主席周明远主持会议并在主席台前排就座。")
    assert parts(f) == {("周明远", "presided"), ("周明远", "attended")}


def test_no_participation_without_a_meeting():
    _, f = run("省委书记周明远出席活动并讲话。")
    assert f.participations == []


def test_list_after_seated_leaders_with_a_noun_before_the_colon():
    _, f = run(GANSU_OPENING + "在主席台就座的领导同志还有：钱卫东、孔繁星、尹雪松等。")
    assert parts(f) == {("钱卫东", "attended"), ("孔繁星", "attended"), ("尹雪松", "attended")}


def test_list_after_attended_and_seated_with_titles():
    _, f = run(GANSU_OPENING + "出席会议并在主席台就座的有：省委书记周明远，省委副书记、省长欧阳立新，"
               "省委副书记梁秀英。")
    assert parts(f) == {("周明远", "attended"), ("欧阳立新", "attended"), ("梁秀英", "attended")}


def test_list_after_invited_leaders():
    _, f = run(GANSU_OPENING + "应邀出席大会的省领导有：省委书记周明远，省委副书记孔繁星、尹雪松等。")
    assert parts(f) == {("周明远", "attended"), ("孔繁星", "attended"), ("尹雪松", "attended")}


def test_clauses_run_together_give_the_verb_only_its_own_subject():
    # a headline's items joined by spaces: only the name right before 主持 presided
    _, f = run(GANSU_OPENING + "表决通过某条例，决定任命钱卫东为省交通运输厅厅长，孔繁星签署公告，尹雪松主持会议。")
    assert parts(f) == {("尹雪松", "presided")}


def test_byline_name_is_no_subject():
    _, f = run(GANSU_OPENING + "本报讯（记者 邵一鸣）省委书记周明远出席会议。")
    assert parts(f) == {("周明远", "attended")}


def test_what_a_meeting_said_is_no_participation():
    _, f = run(GANSU_OPENING + "会议强调，周明远总书记在全省两会期间发表了一系列重要讲话，为工作指明了方向。")
    assert parts(f) == set()


def test_name_inside_a_phrase_is_no_subject():
    _, f = run(GANSU_OPENING + "会议要求以周明远新时代思想为指导，广泛团结动员参加人民政协的各党派。")
    assert parts(f) == set()


def test_presiding_speech_is_presided_and_spoke():
    _, f = run(GANSU_OPENING + "周明远在主持讲话中表示，要真抓实干。")
    assert parts(f) == {("周明远", "presided"), ("周明远", "spoke")}


def test_unknown_gathering_abroad_is_no_participation_here():
    _, f = run(GANSU_OPENING + "会议审议了周明远主任访问某国并出席第五届欧亚国家议长会议情况的报告。")
    assert parts(f) == set()


def test_expected_count_and_instruction_are_not_acts():
    _, f = run(GANSU_OPENING + "周明远宣布，省十四届人大三次会议应出席代表700人。"
               "周明远对全省工作作出重要指示强调，要真抓实干。")
    assert parts(f) == set()


def test_meeting_the_sentence_says_is_held_takes_the_verb():
    _, f = run(GANSU_OPENING + "省十四届人大常委会第五次会议当天下午在兰州举行，省人大常委会主任周明远主持。")
    assert {(p.person, p.kind, p.meeting) for p in f.participations} == {
        ("周明远", "presided", "甘肃省第十四届人民代表大会常务委员会第五次会议")}


def test_meeting_only_mentioned_before_the_verb_does_not_take_it():
    _, f = run(GANSU_OPENING + "为召开省十四届人大常委会第五次会议作准备，省人大常委会主任周明远主持会议。")
    assert {(p.person, p.meeting) for p in f.participations} == {("周明远", GANSU_CONGRESS)}


def test_host_and_guest_jointly_preside():
    _, f = run(GANSU_OPENING + "省长周明远在兰州会见省委副书记孔繁星，并共同主持省十四届人大常委会第五次会议。")
    assert parts(f) == {("周明远", "presided"), ("孔繁星", "presided")}


def test_under_the_presiding_of():
    _, f = run(GANSU_OPENING + "闭幕大会前，在省人大常委会主任周明远的主持下，举行选举大会。")
    assert parts(f) == {("周明远", "presided")}


KNOWN = "省领导周明远、钱卫东、孔繁星出席会议。"


def test_clause_going_on_takes_the_subject_before_it():
    _, f = run(GANSU_OPENING + KNOWN + "根据宪法宣誓工作方案，省长周明远进行了宪法宣誓，随后作了讲话。")
    assert ("周明远", "spoke") in parts(f)


def test_explanation_heard_without_zuo_is_reported():
    _, f = run(GANSU_OPENING + KNOWN + "会议听取了大会主席团常务主席周明远关于提名候选人情况的说明。")
    assert ("周明远", "reported") in parts(f)


def test_taking_part_online_and_being_asked_to_the_rostrum():
    _, f = run(GANSU_OPENING + "省政协委员钱卫东、孔繁星、尹雪松通过视频方式参会。")
    assert parts(f) == {("钱卫东", "attended"), ("孔繁星", "attended"), ("尹雪松", "attended")}
    _, f = run(GANSU_OPENING + "省长周明远请省政协副主席钱卫东到主席台就座。")
    assert parts(f) == {("钱卫东", "attended")}


def test_meeting_in_a_report_title_is_not_where_it_is_given():
    _, f = run("1月10日，省十四届人大常委会第五次会议在兰州举行。"
               "省人大常委会秘书长钱卫东就省十四届人大三次会议议程草案作了说明。")
    assert {(p.person, p.kind, p.meeting) for p in f.participations} == {
        ("钱卫东", "reported", "甘肃省第十四届人民代表大会常务委员会第五次会议")}


def test_speech_at_a_meeting_named_before_the_verb():
    _, f = run(GANSU_OPENING + "1月20日，省委书记周明远在省十四届人大常委会第五次会议上发表讲话。")
    assert {(p.person, p.kind, p.meeting) for p in f.participations} == {
        ("周明远", "spoke", "甘肃省第十四届人民代表大会常务委员会第五次会议")}


def test_opening_address_lecture_and_remarks_are_speeches():
    _, f = run(GANSU_OPENING + "省长周明远致开幕词。省委副书记钱卫东作主旨演讲。省委副书记孔繁星在会上发言。"
               "新闻发言人尹雪松介绍了情况。")
    assert parts(f) == {("周明远", "spoke"), ("钱卫东", "spoke"), ("孔繁星", "spoke")}


def test_a_verb_after_a_colon_is_not_the_name_s():
    _, f = run(GANSU_OPENING + "省长周明远在报告中对今后工作进行部署：加强立法；支持代表将民意反映到审议发言。")
    assert parts(f) == set()
