"""Goals: list forms beyond 一是…二是… and the kinds their items state (invented texts).

`一、` lists inside a speech, the tasks （一）…（十） heading the paragraphs of a work report,
`——` paragraphs, 主要做了以下工作 before a list opening its paragraph, results stated
(理想信念更加坚定), agendas, and a report's own text, whose lists are the report's.
"""

from __future__ import annotations

from kg.extract import context, goals
from kg.pipeline import extract
from kg.text.document import normalise


def run(body: str, date: str = "2031-01-20"):
    """Goals of an invented article (a headline, then `body`), as (kind, year, text)."""
    doc = normalise("虚构新闻标题\n\n" + body, meta={"date": date})
    ctx = context.analyse(doc)
    facts = context.new_facts(ctx)
    goals.extract(doc, ctx, facts)
    return [(g.kind, g.year, doc.text[g.span[0]:g.span[1]]) for g in facts.goals]


#: a first paragraph long enough to open the body (short lines at the top are the headline block)
OPENING = "1月20日，虚构市第五届人民代表大会第三次会议在虚构市会议中心开幕，市长在会上向大会报告工作，全体代表认真听取。\n"


def test_a_list_numbered_yi_dun_inside_a_speech():
    got = run("甲某强调，今年要抓好三方面工作：一、稳住农业生产；二、扩大有效投资；三、守住安全底线。")
    assert got == [("task", 2031, "稳住农业生产"), ("task", 2031, "扩大有效投资"), ("task", 2031, "守住安全底线")]


def test_an_outline_and_first_second_quarters_are_no_list():
    assert run("报告共分三个部分：一、过去一年工作回顾；二、今年工作安排；三、加强自身建设。") == []
    assert run("甲某指出，一、二季度全市经济平稳运行，三季度要继续努力。") == []


def test_tasks_heading_the_paragraphs_of_a_work_report():
    filler = "围绕重点领域持续用力，" * 60 + "确保各项工作落到实处。"  # paragraphs far longer than a list's gap
    got = run(OPENING + "三、2031年政府工作任务\n今年要重点抓好以下工作。\n"
              f"（一）大力推进虚构产业体系建设\n{filler}\n"
              f"（二）着力扩大有效需求\n{filler}\n"
              f"（三）持续深化重点领域改革\n{filler}")
    assert [(k, y) for k, y, _ in got] == [("task", 2031)] * 3
    assert [t for _, _, t in got] == ["大力推进虚构产业体系建设", "着力扩大有效需求", "持续深化重点领域改革"]


def test_a_new_part_starts_a_new_list_and_labels_are_no_tasks():
    filler = "全市上下齐心协力，克服困难，推动各方面工作取得积极进展，群众满意度稳步提升。"
    got = run(OPENING + "一、2030年工作回顾\n过去一年，各项工作取得新成效。\n（一）加强创新驱动，科技实力明显增强。" + filler +
              "\n（二）扩大对外开放，开放水平持续提升。" + filler +
              "\n二、2031年工作安排\n今年要重点做好以下工作。\n（一）着力稳定经济增长，巩固回升向好态势。" + filler +
              "\n（二）着力保障改善民生，办好民生实事。" + filler)
    assert [(k, y) for k, y, _ in got] == [("work", 2030)] * 2 + [("task", 2031)] * 2
    assert run("（一）总体要求\n（二）主要任务\n会议听取了汇报。") == []


def test_dashed_paragraphs_reviewing_the_year_past():
    got = run("一、2030年工作回顾\n过去一年，面对复杂形势，全年主要目标任务圆满完成。\n"
              "——经济运行总体平稳。全市生产总值增长5%。\n——产业结构持续优化。新兴产业增加值增长9%。\n"
              "——民生福祉不断增进。城乡居民收入稳步增长。")
    assert got == [("achievement", 2030, "经济运行总体平稳"), ("achievement", 2030, "产业结构持续优化"),
                   ("achievement", 2030, "民生福祉不断增进")]


def test_dashed_paragraphs_of_what_we_are_to_do_and_one_dash_is_no_list():
    got = run("各位委员，新的一年催人奋进。\n——我们要坚定信心，凝聚共识。\n——我们要提高履职能力，增强实效。\n"
              "——我们要密切联系群众，反映社情民意。")
    assert [k for k, _, _ in got] == ["task"] * 3
    assert run("——2031年1月20日在虚构市第五届人民代表大会第三次会议上\n各位代表：现在向大会报告工作。") == []


def test_work_done_announced_in_the_paragraph_before():
    got = run("一年来，主要做了以下工作：\n一是加强虚构产业园建设，新增企业120家。\n"
              "二是推进老旧小区改造，惠及群众3万户。\n三是深化“放管服”改革，办事效率明显提高。")
    assert [k for k, _, _ in got] == ["work"] * 3


def test_results_stated_are_achievements_whatever_the_cue():
    got = run("会议认为，通过开展主题教育：一是理想信念更加坚定，二是党的领导更加坚强，三是工作作风更加扎实。")
    assert [k for k, _, _ in got] == ["achievement"] * 3
    # a result aimed at is a task
    got = run("甲某强调，要做到：一是使理想信念更加坚定，二是使工作作风更加扎实。")
    assert [k for k, _, _ in got] == ["task"] * 2


def test_an_agenda_is_no_list_of_goals():
    assert run("大会有三项议程：一是听取市人民政府工作报告；二是审查计划报告；三是审查预算报告。") == []


def test_the_lists_of_a_report_text_are_the_reports():
    doc = normalise("政府工作报告\n——2031年1月20日在甘肃省第十四届人民代表大会第五次会议上\n各位代表：\n"
                    "现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2030年工作回顾\n"
                    "过去一年，我们主要做了以下工作：一是加强虚构产业园建设，二是推进老旧小区改造。",
                    meta={"date": "2031-01-25"})
    f = extract(doc)
    assert [(r.title, r.on_behalf_of) for r in f.reports] == [("政府工作报告", "甘肃省人民政府")]
    assert [(g.kind, g.about, g.about_is_report) for g in f.goals] == [("work", "政府工作报告", True)] * 2


def test_work_summed_up_before_a_semicolon_list():
    got = run("甲某着重从三个方面总结了过去一年的工作：加强和改善宏观调控，保持经济平稳运行；加快转变发展方式，"
              "提高发展质量；切实保障和改善民生，解决群众急难愁盼问题。")
    assert [(k, y) for k, y, _ in got] == [("work", 2030)] * 3


def test_a_semicolon_list_opened_by_this_year_and_to_be_done():
    got = run("综合研判形势，我们对预期目标作了适当调整。今年要优先稳就业保民生，确保完成全年任务；城镇新增就业"
              "90万人以上；居民消费价格涨幅3%左右。")
    assert got == [("task", 2031, "要优先稳就业保民生，确保完成全年任务"), ("task", 2031, "城镇新增就业90万人以上"),
                   ("task", 2031, "居民消费价格涨幅3%左右")]


def _long(unit: str):
    doc = normalise("虚构新闻标题\n\n" + unit * (20_000 // len(unit)), meta={"date": "2031-01-20"})
    return extract(doc), 20_000 // len(unit)


def test_long_runs_of_the_new_forms():
    # what hostile inputs give; their cost is measured in bench/bench_goals.py, never here
    facts, _ = _long("——经济运行总体平稳。\n")  # one item repeated: no enumeration
    assert facts.goals == []
    facts, _ = _long("——经济运行总体平稳。\n——产业结构持续优化。\n——民生福祉不断增进。\n")
    assert facts.goals == []  # the run repeats its items too
    facts, _ = _long("（一）加快建设现代化产业体系\n")  # every marker a first one: no list
    assert facts.goals == []
    facts, _ = _long("甲某强调：一、稳住农业生产；二、扩大有效投资；")  # repeats of one list are dropped
    assert len(facts.goals) == 2
    facts, _ = _long("会议听取了关于虚构工作情况的报告和关于虚构条例草案的说明。")  # one report each
    assert sorted(r.title for r in facts.reports) == ["关于虚构工作情况的报告", "关于虚构条例草案的说明"]
