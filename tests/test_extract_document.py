"""Document normalisation: the offset map, page breaks, continuation markers, captions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from extract_support import run

from kg.text.document import normalise

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = sorted(EXAMPLES.glob("*.txt"))


def _strip(s: str) -> str:
    return re.sub(r"\s", "", s)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_every_span_reads_in_the_original_what_the_fact_claims(path):
    doc, f = run(path.read_text(encoding="utf-8"))
    checked = 0
    for p in f.people.values():
        for a, b in p.spans:
            assert _strip(doc.original_text(a, b)) == p.name
            checked += 1
    for o in f.organizations.values():
        for a, b in o.spans:
            assert _strip(doc.original_text(a, b)) == doc.text[a:b]
            checked += 1
    for m in f.meetings.values():
        for a, b in m.spans:
            assert _strip(doc.original_text(a, b)) == doc.text[a:b]
            checked += 1
    for r in f.reports:
        assert r.title in doc.original_text(*r.span)
    for c in f.credits:
        assert c.person in doc.original_text(*c.span)
    assert checked > 20


def test_offsets_map_full_width_digits_back():
    doc = normalise("１月１８日，省十四届人大三次会议在兰州开幕。")
    i = doc.text.index("1月18日")
    assert doc.original_text(i, i + 5) == "１月１８日"
    assert doc.offsets[-1] == len(doc.original)


def test_page_break_mid_sentence_is_rejoined_and_maps_back():
    original = ("本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州开幕。\n\n"
                "全省上下坚持稳中求进，迎难而上，全力以赴推动各项工作\n\n落地见效，取得了新的成绩。\n")
    doc = normalise(original)
    assert "推动各项工作落地见效" in doc.text
    i = doc.text.index("工作落地")
    assert doc.original_text(i, i + 4) == "工作\n\n落地"


def test_a_short_heading_line_is_not_joined_to_the_next():
    original = ("本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州开幕。\n\n"
                "坚定信心 实干争先\n\n代表们表示，要把会议精神带回去。\n")
    doc = normalise(original)
    assert "实干争先\n代表们" in doc.text


def test_continuation_marker_is_dropped():
    original = ("本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州开幕。\n\n"
                "代表们表示，要把会议精神带回去。\n\n（下转02版）\n")
    doc = normalise(original)
    assert "下转" not in doc.text
    assert doc.text.rstrip().endswith("带回去。")


def test_photo_credit_run_into_the_next_caption_gets_its_own_line():
    doc = normalise("周明远主持会议。\n韩立群 摄欧阳立新作政府工作报告。\n苏晓棠 摄\n\n"
                    "本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州开幕。")
    assert "韩立群 摄\n欧阳立新作政府工作报告。\n苏晓棠 摄\n" in doc.text
    assert doc.text[doc.body_start:].startswith("本报讯")


def test_headline_spaces_separate_items_prose_spaces_vanish():
    doc = normalise("周明远主持会议 欧阳立新作报告\n\n"
                    "本报讯（甘肃日报记者 邵一鸣）1月18日，省十四届人大三次会议在兰州 开幕，"
                    "代表们认真履行宪法和法律赋予的职责。")
    assert doc.text.startswith("周明远主持会议，欧阳立新作报告\n")
    assert "在兰州开幕" in doc.text


def test_half_width_punctuation_next_to_chinese_becomes_full_width():
    doc = normalise("本报讯(记者 邵一鸣)省十四届人大三次会议开幕,代表们到会.")
    assert doc.text.startswith("本报讯（记者")
    assert "开幕，代表们" in doc.text


@pytest.mark.parametrize("opening, lead", [
    ("本报兰州1月18日电 （记者邵一鸣）", "本报兰州1月18日电（记者邵一鸣）"),
    ("陇东日报庆阳1月18日讯(记者 邵一鸣 钱卫东)", "陇东日报庆阳1月18日讯（记者邵一鸣、钱卫东）"),
    ("央视网消息（新闻联播）：", "央视网消息（新闻联播）："),
    ("(记者 邵一鸣)", "（记者邵一鸣）"),
    ("甘肃新闻网-甘肃日报兰州讯 （记者/邵一鸣）", "甘肃新闻网-甘肃日报兰州讯（记者/邵一鸣）"),
])
def test_dateline_and_byline_are_a_lead_before_the_first_sentence(opening, lead):
    doc = normalise("会议开幕\n" + opening + "省十四届人大三次会议开幕，省委书记周明远主持。")
    assert [doc.text[a:b] for a, b in doc.leads] == [lead]
    first = doc.body_sentences()[1]
    assert doc.text[first[0]:first[1]].startswith("省十四届人大三次会议开幕")


def test_bylines_in_brackets_and_on_their_own_line():
    doc = normalise("会议开幕\n本报记者  邵一鸣 钱卫东\n省十四届人大三次会议开幕。\n会议还研究了其他事项。(记者 孔繁星)")
    assert [doc.text[a:b] for a, b in doc.bylines] == ["本报记者邵一鸣、钱卫东", "（记者孔繁星）"]


def test_a_new_dispatch_is_not_joined_to_a_broken_paragraph():
    doc = normalise("会议开幕\n本报兰州1月17日电 代表们表示，全省上下坚持稳中求进，迎难而上，全力以赴推动各项工作\n"
                    "本报兰州1月18日电 （记者邵一鸣）省十四届人大三次会议开幕。")
    assert "工作\n本报兰州1月18日电" in doc.text
    assert len(doc.leads) == 2


def test_a_sentence_mentioning_news_is_no_dateline():
    doc = normalise("会议开幕\n会议听取了关于电力工作的报告，通讯员队伍不断壮大。")
    assert doc.leads == []
