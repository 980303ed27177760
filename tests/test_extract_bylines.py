"""Bylines of other papers' forms: Taiwan and Hong Kong papers (traditional characters),
names run together with 报道 after them, a paper's mark before a credit. Invented people."""

from __future__ import annotations

from extract_support import GANSU_OPENING, roles_of, run


def _credits(f):
    return {(c.person, c.kind, c.organization) for c in f.credits}


def test_a_taiwan_paper_special_correspondent_line():
    _, f = run("聯合報特派記者邵一鳴／台北報導\n" + GANSU_OPENING + "省委书记周明远主持会议。")
    assert _credits(f) == {("邵一鸣", "reporter", "联合报")}


def test_a_hong_kong_paper_line_names_its_paper():
    _, f = run("明報記者 邵一鳴\n" + GANSU_OPENING)
    assert _credits(f) == {("邵一鸣", "reporter", "明报")}


def test_a_dispatch_mark_then_a_bare_byline():
    _, f = run("【明報專訊】記者邵一鳴報道：" + GANSU_OPENING)
    assert ("邵一鸣", "reporter") in {(c.person, c.kind) for c in f.credits}


def test_two_names_run_together_before_baodao_are_two_reporters():
    _, f = run("本报讯 记者邵一鸣龚小禾报道：" + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("邵一鸣", "reporter"), ("龚小禾", "reporter")}
    assert roles_of(f, "龚小禾") == {"记者"}


def test_a_mark_before_a_photo_credit_is_no_part_of_the_role():
    _, f = run(GANSU_OPENING + "图为会议现场。□本报记者邵一鸣摄")
    assert roles_of(f, "邵一鸣") == {"本报记者"}


def test_a_paper_and_a_slash_before_a_special_correspondent():
    _, f = run("聯合報／ 特派記者邵一鳴／北京即時報導\n" + GANSU_OPENING + "會場一角。（記者邵一鳴／攝影）")
    assert _credits(f) == {("邵一鸣", "reporter", "联合报"), ("邵一鸣", "photographer", None)}


def test_a_byline_line_after_a_web_page_time_stamp():
    _, f = run("2026/03/05 05:30 記者邵一鳴／台北報導\n" + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("邵一鸣", "reporter")}


def test_two_photographers_run_together_in_a_caption():
    _, f = run(GANSU_OPENING + "\n图为会议现场。本报记者王立李书强摄\n代表们认真听取报告。记者邵一鸣龚小禾摄")
    assert {(c.person, c.kind) for c in f.credits} == {
        ("王立", "photographer"), ("李书强", "photographer"), ("邵一鸣", "photographer"), ("龚小禾", "photographer")}
    assert "王立李书强" not in f.people


def test_a_headline_answering_reporters_credits_no_one():
    _, f = run("周立就人大释法答记者问全文\n" + GANSU_OPENING + "（记者 邵一鸣）")
    assert {(c.person, c.kind) for c in f.credits} == {("邵一鸣", "reporter")}
    assert not any(n.startswith("问") for n in f.people)
