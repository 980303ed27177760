"""The article's own date and its source: metadata, a date line, the dateline, the file name,
or inferred from the reported meeting or the lead. Invented articles throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.corpus.inputs import Article, iter_articles
from kg.extract import context
from kg.extract.file_names import file_name_date, file_name_year
from kg.pipeline import extract
from kg.rdf.mapping import to_graph
from kg.rdf.namespace import KG, SCHEMA, SKOS
from kg.text.document import normalise

HEAD = "青川省召开全省水利工作会议\n"
BODY = "会议强调，要加强水利建设，推进农田水利设施提档升级，确保全年任务圆满完成。副省长方立言出席会议并讲话。\n"


def date_of(text: str, source: str = "", meta: dict | None = None) -> tuple[str | None, str | None]:
    facts = extract(normalise(text, source=source, meta=meta))
    return facts.date, facts.date_source


def test_metadata_is_stated_and_comes_first() -> None:
    text = HEAD + "本报云州3月4日电 " + BODY
    assert date_of(text, "paper-2031-x.txt", {"date": "2031-03-06"}) == ("2031-03-06", "metadata")


@pytest.mark.parametrize("line", ["2031年3月5日", "2031年3月5日 星期三", "时间：2031-03-05", "发布时间：2031-03-05 08:30"])
def test_a_date_line_under_the_headline(line: str) -> None:
    assert date_of(HEAD + line + "\n" + BODY) == ("2031-03-05", "text")


def test_a_reports_delivery_line_broken_over_two_lines() -> None:
    text = "政府工作报告\n——2031年1月26日在青川省第九届\n人民代表大会第三次会议上\n各位代表：\n" + BODY
    assert date_of(text) == ("2031-01-26", "text")


def test_a_full_date_in_a_body_sentence_is_an_events_not_the_articles() -> None:
    text = HEAD + "会议回顾了2029年3月5日以来的工作。" + BODY
    assert date_of(text) == (None, None)


@pytest.mark.parametrize("dateline", ["本报云州3月4日电", "新华社北京3月4日电", "青川在线3月4日讯"])
def test_the_dateline_takes_its_year_from_the_file_name(dateline: str) -> None:
    text = HEAD + dateline + "（记者 宋清远）" + BODY
    assert date_of(text, "archive/paper-2031-water.txt") == ("2031-03-04", "dateline")
    # and beats the file name's own day (a dispatch is dated the day before the paper)
    assert date_of(text, "archive/paper-20310305-01.txt") == ("2031-03-04", "dateline")


def test_a_dateline_without_a_year_gives_no_date() -> None:
    assert date_of(HEAD + "本报云州3月4日电 " + BODY, "notes.txt") == (None, None)


def test_the_file_name_date() -> None:
    assert date_of(HEAD + BODY, "archive/paper-20310305-01-02.txt") == ("2031-03-05", "file-name")
    assert date_of(HEAD + BODY, "2031-03-05_water.txt") == ("2031-03-05", "file-name")


def test_a_reported_meetings_date_or_the_leads_day_stands_in_marked_inferred() -> None:
    text = "青川省第九届人民代表大会第三次会议开幕\n2031年1月18日，青川省第九届人民代表大会第三次会议在云州开幕。" + BODY
    assert date_of(text, "notes.txt") == ("2031-01-18", "inferred")
    lead = HEAD + "3月4日上午，省委召开全省水利工作会议。" + BODY
    assert date_of(lead, "paper-2031-water.txt") == ("2031-03-04", "inferred")


def test_file_name_readers() -> None:
    assert file_name_date("x/pd-20190216-01-05.txt") == "2019-02-16"
    assert file_name_date("x/2019-02-16-note.txt") == "2019-02-16"
    assert file_name_date("x/20191345.txt") is None  # no such month
    assert file_name_year("x/pd-2020-npc-opening.txt") == 2020
    assert file_name_year("x/000_1d7e1341ec58e008.txt") is None
    assert file_name_year("x/2019-vs-2020.txt") is None  # two years: no answer
    assert file_name_year("news.jsonl#20190216") is None  # a record's id is no file name


def test_the_file_names_year_fills_the_context() -> None:
    doc = normalise(HEAD + "3月4日，" + BODY, source="paper-2031-water.txt")
    assert context.analyse(doc).year == 2031


def test_the_graph_says_where_the_date_came_from() -> None:
    doc = normalise(HEAD + "本报云州3月4日电 " + BODY, source="paper-2031-water.txt")
    g = to_graph(doc, extract(doc))
    rows = list(g.query("SELECT ?d ?n WHERE { ?a schema:datePublished ?d ; kg:dateSource/skos:notation ?n }",
                        initNs={"kg": KG, "schema": SCHEMA, "skos": SKOS}))
    assert [(str(d), str(n)) for d, n in rows] == [("2031-03-04", "dateline")]


def test_an_html_pages_published_time_is_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<html><head><meta property="article:published_time" content="2031-03-05T08:00:00+08:00">'
                    f"</head><body><article><h1>{HEAD}</h1><p>{BODY}</p></article></body></html>", encoding="utf-8")
    [article] = list(iter_articles([str(page)]))
    assert isinstance(article, Article) and article.meta == {"date": "2031-03-05"}
    assert date_of(article.text, article.source, article.meta) == ("2031-03-05", "metadata")


@pytest.mark.parametrize("lead, want", [
    ("央视网消息（新闻联播）：第二十届全国人民代表大会第三次会议5日上午在北京人民大会堂开幕。", "2031-03-05"),
    ("央视网消息（新闻联播）：中国人民政治协商会议第二十届全国委员会第三次会议圆满完成各项议程，"
     "10日上午在人民大会堂闭幕。", "2031-03-10"),
])
def test_a_national_annual_session_named_with_its_day_alone_is_guessed_in_march(lead: str, want: str) -> None:
    text = "全国两会消息\n" + lead + "方立言主持会议。\n"
    assert date_of(text, "tv-2031-session.txt") == (want, "inferred")


def test_a_day_alone_gives_no_month_to_other_meetings_and_the_term_gives_the_year() -> None:
    committee = "央视网消息：第二十届全国人民代表大会常务委员会第九次会议5日上午在北京开幕。方立言主持会议。\n"
    assert date_of("常委会消息\n" + committee, "tv-2031-committee.txt") == (None, None)
    # no year in the file name: the year the term and session give (the 14th NPC met first in 2023)
    session = "央视网消息：第十四届全国人民代表大会第二次会议5日上午在北京开幕。方立言主持会议。\n"
    assert date_of("两会消息\n" + session, "notes.txt") == ("2024-03-05", "inferred")
    law = "央视网消息：第二十届全国人民代表大会第三次会议通过的法律自2031年8月15日起施行。方立言出席。\n"
    assert date_of("两会消息\n" + law, "tv-2031-law.txt") == (None, None)
