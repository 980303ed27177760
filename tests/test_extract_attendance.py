"""Attendance counts of the main meeting."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, run


def _counts(f):
    return [(a.meeting, a.expected, a.present, a.absent) for a in f.attendance]


def test_expected_present_absent():
    _, f = run(GANSU_OPENING + "本次会议应出席代表512人，出席498人，缺席14人，出席人数符合法定人数。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_expected_and_actual_without_absent():
    _, f = run(GANSU_OPENING + "会议应到代表512人，实到498人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, None)]


def test_counts_in_the_next_sentence():
    _, f = run(GANSU_OPENING + "本次会议应出席代表512人。实际出席498人，缺席14人。")
    assert _counts(f) == [(GANSU_CONGRESS, 512, 498, 14)]


def test_span_reads_the_counts():
    doc, f = run(GANSU_OPENING + "本次会议应出席代表512人，出席498人，缺席14人。")
    a, b = f.attendance[0].span
    assert doc.text[a:b] == "应出席代表512人，出席498人，缺席14人"


def test_no_counts_without_a_main_meeting():
    _, f = run("座谈会应出席代表30人，出席28人。")
    assert f.attendance == []


def test_plenum_counts_of_committee_members():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。2024年是关键之年。"
               "全会应到省委委员71人，实到68人；应到省委候补委员12人，实到11人。")
    assert _counts(f) == [("中国共产党江西省第十五届委员会第七次全体会议", 71, 68, None)]
