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
