"""Goals extractor: enumerated and parallel lists, on invented sentences; the seed through the scorer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHARED

from kg.extract import context, goals
from kg.extract.facts import ArticleFacts, Meeting, Report
from kg.text.document import normalise

ROOT = Path(__file__).resolve().parents[1]


def run(body: str, date: str = "2031-01-20", facts: ArticleFacts | None = None):
    """Goals of an invented article (a headline, then `body`), with their texts."""
    text = "虚构新闻标题\n\n" + body
    doc = normalise(text, meta={"date": date})
    ctx = context.analyse(doc)
    if facts is None:
        facts = context.new_facts(ctx)
    else:
        facts.year = ctx.year
    goals.extract(doc, ctx, facts)
    return doc, facts.goals, [doc.text[a:b] for a, b in (g.span for g in facts.goals)]


def test_yishi_list_of_achievements_reviews_the_previous_year():
    doc, gs, texts = run("甲某在报告中总结了过去一年全市取得的成绩：一是工业产值稳步增长，新区建设加快推进。"
                         "二是城乡面貌明显改善，道路网络更加完善。三是群众收入持续提高。")
    assert texts == ["工业产值稳步增长，新区建设加快推进", "城乡面貌明显改善，道路网络更加完善", "群众收入持续提高"]
    assert [g.ordinal for g in gs] == [1, 2, 3]
    assert {g.kind for g in gs} == {"achievement"}
    assert {g.year for g in gs} == {2030}
    assert {g.list_index for g in gs} == {0}


def test_work_done_list():
    _, gs, texts = run("甲某指出，过去一年，主要做了三方面工作：一是加大园区扶持力度，新建厂房十座。"
                       "二是加大人才引进力度，引进专家百名。三是加大基层投入力度，民生支出占比过半。")
    assert texts[0] == "加大园区扶持力度，新建厂房十座"
    assert {g.kind for g in gs} == {"work"} and {g.year for g in gs} == {2030}


def test_diyi_list_of_tasks_this_year_strips_marker_and_yao():
    _, gs, texts = run("甲某强调，今年要抓好三项任务。第一，要稳住农业生产。第二，扩大有效投资。第三，守住安全底线。")
    assert texts == ["稳住农业生产", "扩大有效投资", "守住安全底线"]
    assert {g.kind for g in gs} == {"task"} and {g.year for g in gs} == {2031}


def test_yiyao_items_separated_by_commas_end_before_the_next_marker():
    _, gs, texts = run("会议要求，必须把握好以下原则：一要坚持统一规划，二要坚持分类指导，三要坚持稳步推进。")
    assert texts == ["坚持统一规划", "坚持分类指导", "坚持稳步推进"]
    assert {g.kind for g in gs} == {"task"}


def test_bracketed_numerals_and_shouxian_qici_zuihou():
    _, gs, texts = run("乙某提出下一步安排：（一）完善考核办法；（二）加强队伍建设。")
    assert texts == ["完善考核办法", "加强队伍建设"] and {g.kind for g in gs} == {"task"}
    _, gs, texts = run("乙某说，要做好三件事。首先，摸清底数。其次，制定方案。最后，抓好落实。")
    assert texts == ["摸清底数", "制定方案", "抓好落实"]
    assert [g.ordinal for g in gs] == [1, 2, 3]


def test_semicolon_list_with_shared_head_drops_the_cue_yao():
    _, gs, texts = run("丙某强调，要持续放大甲类优势，巩固基础；持续放大乙类优势，汇聚力量；持续放大丙类优势，提升能力。")
    assert texts == ["持续放大甲类优势，巩固基础", "持续放大乙类优势，汇聚力量", "持续放大丙类优势，提升能力"]
    assert {g.kind for g in gs} == {"task"}


def test_semicolon_list_with_a_shared_frame_and_a_shared_shape():
    _, gs, texts = run("丙某强调，要明确重点，在建设示范园区上取得新进展，完善配套；在培育龙头企业上取得新进展，壮大集群；"
                       "在优化营商环境上取得新进展，提升服务。")
    assert texts[0] == "在建设示范园区上取得新进展，完善配套"
    assert len(gs) == 3
    _, gs, texts = run("丁某强调，要在市委领导下，始终坚守为民之心，办好实事；不断提升履职之效，贡献智慧；"
                       "充分发挥制度之能，凝聚共识。")
    assert texts[0] == "始终坚守为民之心，办好实事" and len(gs) == 3


def test_semicolon_list_after_a_review_cue():
    _, gs, texts = run("甲某对一年来的工作进行了回顾：农业生产保持稳定；工业结构继续优化；社会事业全面进步。")
    assert texts == ["农业生产保持稳定", "工业结构继续优化", "社会事业全面进步"]
    assert {g.kind for g in gs} == {"achievement"}


def test_semicolon_list_opened_by_yao_keeps_it_and_reads_this_years_targets():
    _, gs, texts = run("甲某说，全年主要预期目标是，要稳定就业，确保收入增长；新增岗位十万个；物价涨幅3%左右；粮食产量保持稳定。")
    assert texts[0] == "要稳定就业，确保收入增长"
    assert texts[1:] == ["新增岗位十万个", "物价涨幅3%左右", "粮食产量保持稳定"]
    assert {g.kind for g in gs} == {"task"} and {g.year for g in gs} == {2031}


def test_parallel_sentences_with_the_same_opening():
    _, gs, texts = run("戊某在主持时强调，要进一步统一认识，把握方向。要进一步突出重点，攻坚克难。要进一步压实责任，形成合力。")
    assert texts == ["进一步统一认识，把握方向", "进一步突出重点，攻坚克难", "进一步压实责任，形成合力"]
    assert {g.kind for g in gs} == {"task"}


def test_report_outline_and_headings_give_no_goals():
    _, gs, _ = run("报告共分三个部分：一、过去一年工作回顾；二、今年工作安排；三、加强自身建设。")
    assert gs == []
    _, gs, _ = run("（一）总体要求\n（二）主要任务\n会议听取了汇报。")
    assert gs == []


def test_prose_is_not_chopped_into_lists():
    _, gs, _ = run("会议听取了甲的汇报；审议了乙的议案；表决了丙的决定。会议由庚某主持。")
    assert gs == []
    _, gs, _ = run("他说，这里的春天来得早；河水解冻了。会议强调，要办好实事。会议指出，形势总体向好。会议要求，落实责任。")
    assert gs == []
    _, gs, _ = run("这是一个统一、规范的市场。第一次会议于上午举行。")
    assert gs == []


def test_every_span_is_the_item_text_without_marker_or_final_punctuation():
    doc, gs, texts = run("甲某强调，今年要抓好两件事：一是要加快项目建设；二是稳住外贸。会议还要求，要强化甲项保障，落实到位；"
                         "强化乙项保障，守住底线；强化丙项保障，兜牢民生。")
    assert len(gs) == 5 and {g.list_index for g in gs} == {0, 1}
    for g, t in zip(gs, texts, strict=True):
        assert t == doc.text[g.span[0]:g.span[1]]
        assert not re.match(r"[一二三四五六七八九十]是|要|第", t)
        assert t[-1] not in "。；，、"


def test_about_is_the_report_in_its_paragraph_else_the_main_meeting():
    body = ("甲某作政府工作报告。\n甲某在报告中指出，今年要重点做好两方面工作：一是扩大内需；二是稳定就业。\n"
            "乙某在闭幕会上强调，一是凝聚共识，二是狠抓落实。")
    facts = ArticleFacts()
    facts.reports.append(Report(title="政府工作报告", presenter="甲某", span=(7, 13)))
    facts.meetings["虚构市第一届人民代表大会第一次会议"] = Meeting("虚构市第一届人民代表大会第一次会议", main=True)
    _, gs, _ = run(body, facts=facts)
    by_list = {g.list_index: g for g in gs}
    assert by_list[0].about == "政府工作报告" and by_list[0].about_is_report
    assert by_list[1].about == "虚构市第一届人民代表大会第一次会议" and not by_list[1].about_is_report


def test_seed_goals_through_the_scorer():
    gold = SHARED / "eval" / "gold" / "seed.json"
    if not gold.exists():
        pytest.skip(f"shared eval data not present at {gold}")
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold), "--json"],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)["queries"]["goals"]
    assert row["f1"] >= 0.95, row


def test_a_repeated_paragraph_gives_its_list_once():
    para = "甲某强调，今年要抓好三项任务：一是稳住农业生产；二是扩大有效投资；三是守住安全底线。\n"
    _, gs, texts = run(para + para + "会议由庚某主持。")
    assert texts == ["稳住农业生产", "扩大有效投资", "守住安全底线"]
    assert {g.list_index for g in gs} == {0}


def test_lists_differing_in_text_or_kind_are_both_kept():
    _, gs, texts = run("甲某强调，今年要抓好三项任务：一是稳住农业生产；二是扩大有效投资；三是守住安全底线。\n"
                       "乙某强调，今年要抓好三项任务：一是稳住农业生产；二是扩大有效投资；三是守住生态底线。")
    assert len(gs) == 6 and {g.list_index for g in gs} == {0, 1}
    assert texts[2] == "守住安全底线" and texts[5] == "守住生态底线"
    # the same items reviewed as results reached and then set as tasks: two lists of two kinds
    _, gs, _ = run("甲某回顾了过去一年取得的成绩：一是粮食产量稳定，二是外贸规模扩大。\n"
                   "乙某强调，今年要继续努力：一是粮食产量稳定，二是外贸规模扩大。")
    assert [g.kind for g in gs] == ["achievement"] * 2 + ["task"] * 2
    assert [g.list_index for g in gs] == [0, 0, 1, 1]


_REPEATED = {
    "opening with the speaker": "甲某强调，要进一步统一认识，把握正确方向，抓好落实。",
    "opening alike": "要进一步统一认识，把握正确方向，抓好各项工作落实。",
    "prose": "会议听取了虚构市甲局关于全年工作情况的汇报。",
    "semicolon list": "要加强甲项工作；加强乙项工作；加强丙项工作。",
    "marked list": "一是加强甲项工作，二是加强乙项工作，三是加强丙项工作。",
}


@pytest.mark.parametrize("sentence", _REPEATED.values(), ids=_REPEATED.keys())
def test_a_long_run_of_one_repeated_sentence(sentence):
    # what a pathological input gives; its cost is measured in bench/bench_goals.py (minutes
    # when every sentence of a run was compared with every later one, milliseconds now)
    body = sentence * (20_000 // len(sentence) + 1)
    doc = normalise("虚构新闻标题\n\n" + body, meta={"date": "2031-01-20"})
    ctx = context.analyse(doc)
    facts = context.new_facts(ctx)
    goals.extract(doc, ctx, facts)
    lists = {g.list_index for g in facts.goals}
    if "是" in sentence or "；" in sentence:  # one list per sentence, all repeats of the first
        assert len(facts.goals) == 3 and lists == {0}
    else:  # a run of one sentence repeats its item: no list (nor thousands of goals)
        assert facts.goals == []
