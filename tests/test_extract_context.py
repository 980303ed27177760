"""What the whole article tells: its province, its city, its year (invented sentences)."""

from __future__ import annotations

from extract_support import run

from kg.extract.context import analyse
from kg.text.document import normalise


def _ctx(text: str):
    return analyse(normalise(text))


def test_a_national_article_naming_provinces_in_passing_has_no_province():
    ctx = _ctx("中共中央政治局常务委员会召开会议\n新华社北京2月12日电 会议听取湖北疫情防控工作汇报。"
               "会议指出，湖北和武汉是疫情防控的重中之重，要支持湖北加强救治。")
    assert ctx.province is None


def test_a_provincial_article_has_its_province():
    ctx = _ctx("本报讯 1月14日上午，省十四届人大二次会议在武汉开幕。省委书记周明远出席。")
    assert ctx.province is not None and ctx.province.full == "湖北省"
    assert ctx.city is None


def test_a_city_article_has_its_city_and_province():
    ctx = _ctx("本报讯 昨日，市十七届人大二次会议开幕。株洲市委书记宋立川出席。全市人大代表参加。")
    assert ctx.city == "株洲市"
    assert ctx.province is not None and ctx.province.full == "湖南省"


def test_a_municipality_is_no_city_of_a_province():
    ctx = _ctx("本报讯 1月14日上午，市十六届人大三次会议在上海世博中心开幕。市委书记周明远出席。")
    assert ctx.province is not None and ctx.province.full == "上海市"
    assert ctx.city is None


def test_all_provinces_at_once_is_no_municipality():
    ctx = _ctx("新华社北京2月20日电 全国政协召开远程讨论会。6位省区市政协主席作了连线发言。")
    assert ctx.province is None


def test_a_city_party_committee_in_a_city_article_is_the_citys():
    _, f = run("本报讯 昨日，市委召开全市领导干部大会。株洲市委书记宋立川讲话。全市各级干部参加。")
    assert "中国共产党株洲市委员会" in f.organizations
    assert "中国共产党湖南省委员会" not in f.organizations


def test_a_publication_stamp_gives_the_year_and_the_day_before():
    _, f = run("省十四届人大二次会议开幕\n2031年01月15日 08:15 来源：湖北日报\n"
               "本报讯 昨日上午，省十四届人大二次会议在武汉洪山礼堂隆重开幕。省委书记周明远出席。")
    assert f.year == 2031
    assert f.main_meeting.date == "2031-01-14"


def test_an_iso_stamp_with_a_label_gives_the_year():
    ctx = _ctx("市十八届人大一次会议开幕\n发布日期：2032-02-24 10:45:08\n本报讯 2月24日上午，株洲市第十八届人民代表大会"
               "第一次会议开幕。")
    assert ctx.year == 2032 and ctx.published == (2032, 2, 24)


def test_a_year_looked_back_on_is_the_year_before_the_article():
    ctx = _ctx("周明远作政府工作报告\n本报讯 周明远说，2030年极不平凡。回顾过去一年，全省经济稳步增长。")
    assert ctx.year == 2031
    ctx = _ctx("会议批准了关于2030年国民经济和社会发展计划执行情况与2031年计划的报告。")
    assert ctx.year == 2031


def test_the_aliases_present_are_every_alias_the_text_holds_in_their_order():
    from kg.extract.context import _aliases

    text = ("本报讯 昨日，株洲市委常委会召开会议。市人大常委会、市政协、省委、省政府、全国人大常委会和"
            "国务院办公厅有关负责同志，湖南省发展和改革委员会、中共中央纪律检查委员会参加。")
    ctx = _ctx(text)
    every = _aliases(ctx.province.full, ctx.city)
    assert ctx.present == tuple(a for a in every if a in text)
    assert len(ctx.present) >= 8


def test_city_owners_are_read_in_every_sentence_that_names_one():
    # a city owning a body is counted in each sentence (the sentences are read apart)
    ctx = _ctx("本报讯 昨日，市委常委会召开会议。\n株洲市委书记宋立川主持。株洲市人民政府市长周明远，"
               "株洲市政协主席王立华出席。醴陵市委有关负责同志参加。市政府、全市各部门负责人参加。")
    assert ctx.city == "株洲市"


def test_local_words_test_what_stands_before_the_unit_word_as_before():
    import re

    from kg.extract.context import _LOCAL, _LOCALITY_LOCAL

    text = "市委书记、省市委、区市长，全市和本市；县委、区县政府、全县，我县，省县长"
    before = r"(?<![省区]){u}(?:委|政府|人民政府|人大|政协|长|纪委|[一二三四五六七八九十]{{1,3}}届)|全{u}|我{u}|本{u}"
    for u in ("市", "县"):
        assert _LOCALITY_LOCAL[u].findall(text) == re.findall(before.format(u=u), text)
    assert _LOCAL["直辖市"].findall(text) == ["市委", "全市", "本市"]
