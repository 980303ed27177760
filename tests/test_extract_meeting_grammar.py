"""The grammar of numbered meetings, by kind of body (invented sentences, invented people)."""

from __future__ import annotations

import pytest
from extract_support import run


@pytest.mark.parametrize("text, name, body, term, session", [
    # a provincial CPPCC session written with the place before the term is the same meeting
    ("1月15日下午，中国人民政治协商会议湖南省第十三届委员会第二次会议在长沙闭幕。省政协主席周明远主持。",
     "中国人民政治协商会议第十三届湖南省委员会第二次会议", "中国人民政治协商会议湖南省委员会", 13, 2),
    ("1月15日下午，政协湖南省第十三届委员会常务委员会第九次会议在长沙召开。省政协主席周明远主持。",
     "中国人民政治协商会议第十三届湖南省委员会常务委员会第九次会议",
     "中国人民政治协商会议湖南省委员会常务委员会", 13, 9),
    # a city's congress and CPPCC keep the city
    ("2月24日上午，株洲市第十七届人民代表大会第二次会议在市会议中心开幕。市长宋立川作政府工作报告。",
     "株洲市第十七届人民代表大会第二次会议", "株洲市人民代表大会", 17, 2),
    ("2月17日上午，政协第十二届柳州市委员会第三次会议胜利闭幕。市政协主席周明远主持会议。",
     "中国人民政治协商会议第十二届柳州市委员会第三次会议", "中国人民政治协商会议柳州市委员会", 12, 3),
    # a short form in an article about a city's affairs is the city's meeting
    ("本报讯 昨日，市十七届人大常委会第九次会议举行第一次全体会议。株洲市人大常委会主任周明远主持。"
     "市委书记宋立川出席。全市各界代表列席。",
     "株洲市第十七届人民代表大会常务委员会第九次会议", "株洲市人民代表大会常务委员会", 17, 9),
    ("1月29日，中共柳州市委十二届六次全会召开。市委常委会主持会议，市委书记周明远讲话。",
     "中国共产党柳州市第十二届委员会第六次全体会议", "中国共产党柳州市委员会", 12, 6),
])
def test_local_sessions_get_canonical_names(text, name, body, term, session):
    _, f = run(text)
    assert f.main_meeting is not None and f.main_meeting.name == name
    m = f.main_meeting
    assert (m.body, m.term, m.session) == (body, term, session)
    assert body in f.organizations


def test_a_city_short_form_is_not_read_as_the_province():
    _, f = run("本报讯 昨日，市十七届人大二次会议开幕。省委常委、株洲市委书记宋立川出席。全市各界代表参加。"
               "省委书记周明远对全省工作作出部署。")
    assert f.main_meeting.name == "株洲市第十七届人民代表大会第二次会议"
    assert not any(n.startswith("湖南省第十七届") for n in f.meetings)


def test_a_short_form_of_a_city_session_without_a_city_is_left_unnamed():
    # the article names no city whose affairs it reports: 市 stands for no place we know
    _, f = run("省委书记周明远出席。会议要求，各市人大要认真筹备市十七届人大二次会议。全省上下团结奋斗。")
    assert not any("第十七届人民代表大会" in n for n in f.meetings)


def test_the_chairmens_council_is_a_meeting_of_its_own():
    _, f = run("宋立川主持召开第三十一次委员长会议\n决定十五届全国人大常委会第八次会议6月24日至27日在京举行\n"
               "新华社北京6月16日电 十五届全国人大常委会第三十一次委员长会议16日上午在北京人民大会堂举行。"
               "宋立川委员长主持。会议决定，十五届全国人大常委会第八次会议6月24日至27日在北京举行。")
    main = f.main_meeting
    assert main.name == "第十五届全国人民代表大会常务委员会第三十一次委员长会议"
    assert (main.term, main.session, main.body) == (15, 31, "全国人民代表大会常务委员会")
    assert (main.city, main.venue) == ("北京", "人民大会堂")
    session = f.meetings["第十五届全国人民代表大会常务委员会第八次会议"]
    assert not session.main


def test_a_local_council_takes_the_term_of_the_session_it_schedules():
    _, f = run("周明远主持主任会议\n上海市人大常委会昨天上午召开第四十二次主任会议，决定市十七届人大常委会第二十次会议"
               "于3月26日举行。市人大常委会主任周明远主持会议。")
    main = f.main_meeting
    assert main.name == "上海市第十七届人民代表大会常务委员会第四十二次主任会议"
    assert (main.term, main.session) == (17, 42)


def test_a_cppcc_chairmens_council_names_its_committee():
    _, f = run("周明远主持召开全国政协主席会议\n新华社北京3月26日电 政协第十五届全国委员会第十二次主席会议26日在京召开。"
               "全国政协主席周明远主持会议。")
    main = f.main_meeting
    assert main.name == "中国人民政治协商会议第十五届全国委员会第十二次主席会议"
    assert (main.term, main.session) == (15, 12)
    assert set(f.meetings) == {main.name}  # the headline's bare name is this sitting


def test_state_council_plenary_carries_its_ordinal():
    _, f = run("宋立川主持召开国务院全体会议\n新华社北京1月20日电 国务院总理宋立川1月20日主持召开国务院第八次全体会议，"
               "讨论政府工作报告（征求意见稿）。")
    assert set(f.meetings) == {"国务院全体会议"}  # the recurring meeting; its ordinal the session
    m = f.main_meeting
    assert (m.session, m.body) == (8, "中华人民共和国国务院")


def test_a_collective_study_carries_its_ordinal():
    _, f = run("宋立川在中共中央政治局第十二次集体学习时强调\n新华社北京5月27日电 中共中央政治局5月27日下午"
               "就加强基础研究举行第十二次集体学习。")
    m = f.main_meeting
    assert m.name == "中共中央政治局第十二次集体学习"
    assert (m.session, m.body) == (12, "中国共产党中央委员会政治局")


def test_an_ordinal_without_a_term_is_the_session_of_a_named_meeting():
    _, f = run("周明远主持召开中央财经委员会第九次会议\n新华社北京4月2日电 中央财经委员会第九次会议4月2日下午召开。")
    assert f.main_meeting.name == "中央财经委员会第九次会议"
    assert f.main_meeting.session == 9


def test_a_provincial_standing_committee_meeting_is_reported_not_the_plenum_it_plans():
    _, f = run("12月5日，省委常委会召开会议，研究讨论省委常委会工作报告，听取省委十一届八次全会筹备情况汇报。"
               "省委书记周明远主持会议。会议决定12月8日召开中共江西省委十一届八次全体会议。")
    assert f.main_meeting.name == "中国共产党江西省委员会常务委员会会议"
    assert f.main_meeting.body == "中国共产党江西省委员会常务委员会"
    assert "中国共产党江西省第十一届委员会第八次全体会议" in f.meetings


def test_a_democratic_life_meeting_is_named_after_its_body():
    _, f = run("省委常委班子召开民主生活会\n昨日，省委常委班子用一天的时间召开民主生活会，开展批评和自我批评。"
               "省委书记周明远主持会议并讲话。江西省委常委逐一发言。")
    assert f.main_meeting is not None
    assert f.main_meeting.name == "中共江西省委常委班子民主生活会"


def test_a_quoted_name_with_a_comma_is_kept_whole():
    _, f = run("本报讯 1月5日，“学习李秀英，争做好代表”报告会在甘肃大剧院举行。省人大常委会主任周明远出席。")
    assert "“学习李秀英，争做好代表”报告会" in f.meetings
    assert f.main_meeting.venue == "甘肃大剧院"


def test_a_central_work_conference_on_the_congress_is_a_meeting():
    _, f = run("会议强调，要深入贯彻中央人大工作会议精神，做好新时代人大工作。")
    assert "中央人大工作会议" in f.meetings


def test_a_meeting_system_is_no_meeting():
    _, f = run("草案健全国务院会议制度，完善国务院组成人员相关规定。")
    assert f.meetings == {}


def test_a_fragment_before_the_venue_is_not_part_of_it():
    _, f = run("新华社北京6月16日电 十五届全国人大常委会第八次会议16日上午在北京人民大会堂举行第一次全体会议。")
    assert (f.main_meeting.city, f.main_meeting.venue) == ("北京", "人民大会堂")


def test_a_city_venue_keeps_the_city_when_the_rest_is_generic():
    _, f = run("本报讯 15日上午，株洲市第十七届人民代表大会第一次会议在株洲国际会议中心隆重开幕。全市人大代表出席。")
    assert (f.main_meeting.city, f.main_meeting.venue) == ("株洲", "株洲国际会议中心")
    _, f = run("本报讯 15日上午，湖南省第十四届人民代表大会第一次会议在长沙洪山礼堂隆重开幕。省委书记周明远出席。")
    assert (f.main_meeting.city, f.main_meeting.venue) == ("长沙", "洪山礼堂")


def test_a_city_named_alone_is_the_city_of_the_meeting():
    _, f = run("1月15日下午，中国人民政治协商会议湖南省第十三届委员会第二次会议经过全体委员的共同努力，"
               "圆满完成各项议程，在长沙胜利闭幕。省政协主席周明远主持。")
    assert f.main_meeting.name == "中国人民政治协商会议第十三届湖南省委员会第二次会议"
    assert f.main_meeting.city == "长沙"


def test_a_list_of_councils_gives_each_council():
    _, f = run("新华社北京6月30日电 宋立川委员长分别主持召开了十五届全国人大常委会第六十一次和第六十二次委员长会议，"
               "审议有关议题。")
    assert {"第十五届全国人民代表大会常务委员会第六十一次委员长会议",
            "第十五届全国人民代表大会常务委员会第六十二次委员长会议"} <= set(f.meetings)


def test_a_bare_standing_committee_session_takes_the_term_of_the_others():
    _, f = run("新华社北京6月30日电 十五届全国人大常委会第十二次会议30日举行第三次全体会议。"
               "全国人大常委会委员长宋立川出席。常委会第十一次会议已经审议通过了有关报告。")
    assert "第十五届全国人民代表大会常务委员会第十一次会议" in f.meetings


def test_a_term_written_with_the_character_for_twenty():
    _, f = run("中共廿届中纪委五次全会昨开幕，周明远在会上讲话。")
    assert "中国共产党第二十届中央纪律检查委员会第五次全体会议" in f.meetings
    assert "中国共产党中央纪律检查委员会" in f.organizations


def test_a_provincial_party_conference_is_a_meeting():
    _, f = run("6月2日，省委十一届二次全会在福州召开。全会审议通过了《关于召开中国共产党福建省代表会议的决议》。")
    assert "中国共产党福建省代表会议" in f.meetings
    assert f.main_meeting.name == "中国共产党福建省第十一届委员会第二次全体会议"


def test_a_site_dateline_gives_the_city_and_the_month():
    _, f = run("新华网北京3月5日电 第十五届全国人民代表大会第五次会议5日上午在人民大会堂开幕。")
    m = f.main_meeting
    assert (m.date, m.city, m.venue) == ("2032-03-05", "北京", "人民大会堂")  # year from the term
    _, f = run("广西新闻网南宁1月27日讯 1月27日，广西壮族自治区第十五届人民代表大会第四次会议在广西人民会堂开幕。")
    assert (f.main_meeting.city, f.main_meeting.venue) == ("南宁", "广西人民会堂")


def test_a_meeting_named_with_its_year_gives_the_year_of_its_day():
    _, f = run("本报讯 11月26日上午，2031年湖南省劳动模范表彰大会在长沙举行。省委书记周明远出席并讲话。")
    assert (f.main_meeting.date, f.main_meeting.city) == ("2031-11-26", "长沙")


def test_yesterday_counts_from_the_stamp_not_from_the_dateline():
    _, f = run("河南选出省长\n2031年04月02日 08:15 来源：大河网\n大河网4月2日讯 昨日，河南省第十五届人民代表大会"
               "第二次会议选举周明远为河南省省长。")
    assert f.main_meeting.date == "2031-04-01"


def test_a_county_congress_and_its_bodies():
    _, f = run("发布时间：2031-03-06 08:39:18 信息来源：县政府网\n在全县人民的热切期盼下，桃林县第十五届人民代表大会"
               "第二次会议3月4日下午在县剧院隆重开幕。县委书记周明远出席。县人民政府县长宋立川向大会作政府工作报告。"
               "县人大常委会主任赵文华主持。")
    m = f.main_meeting
    assert m.name == "桃林县第十五届人民代表大会第二次会议"
    assert (m.date, m.venue) == ("2031-03-04", "县剧院")
    assert {"中国共产党桃林县委员会", "桃林县人民政府", "桃林县人民代表大会常务委员会"} <= set(f.organizations)


def test_a_county_congress_written_short_with_its_name():
    _, f = run("12月27日上午，溪口县第十七届人大第二次会议在溪口会堂开幕。县委副书记、县长周明远代表县人民政府作报告。"
               "全县人大代表出席。")
    assert f.main_meeting.name == "溪口县第十七届人民代表大会第二次会议"


def test_a_provincial_government_meeting_carries_its_ordinal():
    _, f = run("周明远主持召开省政府第七次常务会议\n2031年03月15日09:20 | 来源：陕西日报\n本报讯 3月14日，省长周明远主持召开"
               "省政府第七次常务会议，研究部署春耕生产。陕西各地负责同志列席。")
    m = f.main_meeting
    assert (m.name, m.session, m.body) == ("陕西省人民政府常务会议", 7, "陕西省人民政府")
    assert m.date == "2031-03-14"


def test_the_month_written_before_a_long_clause_stays_with_its_day():
    _, f = run("2031-07-01 22:52 来源：河南日报\n6月28日，河南省长周明远主持召开省政府常务会议，研究部署口岸发展工作。")
    assert f.main_meeting.date == "2031-06-28"


def test_presiding_over_a_standing_committee_is_its_meeting():
    _, f = run("12月6日，省委书记周明远主持召开省委常委会，研究部署全省经济工作。江西省委常委出席。")
    assert f.main_meeting.name == "中国共产党江西省委员会常务委员会会议"
    _, f = run("12月6日，省委常委会（扩大）会议举行，省委书记周明远主持并讲话。江西省委常委出席。")
    assert f.main_meeting.name == "中国共产党江西省委员会常务委员会（扩大）会议"


def test_a_party_congress_meets_again_in_its_term():
    _, f = run("本报讯 6月8日，中国共产党绿江市第十三次代表大会第二次会议在市会议中心开幕。市委书记周明远主持会议。")
    m = f.main_meeting
    assert (m.name, m.term, m.session) == ("中国共产党绿江市第十三次代表大会第二次会议", 13, 2)
    assert m.body == "中国共产党绿江市委员会"


def test_a_party_congress_named_by_its_bare_abbreviation():
    _, f = run("本报讯 市委书记周明远主持召开会议，传达学习十九大精神。自十八大以来全市发展很快。全市十大工程进展顺利。")
    assert {"中国共产党第十九次全国代表大会", "中国共产党第十八次全国代表大会"} <= set(f.meetings)
    assert not any("第十次全国" in n for n in f.meetings)


def test_a_standing_committee_session_of_a_county_party_committee():
    _, f = run("本报讯 5月6日，十二届县委常委会第57次会议召开。县委书记周明远主持会议。"
               "中共海安县第十二届委员会第三次全体会议。全县上下。")
    assert "中国共产党海安县第十二届委员会常务委员会第五十七次会议" in f.meetings


def test_a_bare_term_and_session_is_the_articles_one_body():
    _, f = run("1月15日，中国人民政治协商会议湖南省第十三届委员会第五次会议开幕。省政协主席周明远作"
               "关于十三届四次会议以来提案工作情况的报告。")
    assert "中国人民政治协商会议第十三届湖南省委员会第四次会议" in f.meetings


@pytest.mark.parametrize("text, name, body, session", [
    # a numbered executive meeting of any government is its recurring meeting; the ordinal apart
    ("本报讯 3月5日，州长金智浩主持召开第十二届州人民政府第45次常务会议。延边朝鲜族自治州副州长林书安出席。",
     "延边朝鲜族自治州人民政府常务会议", "延边朝鲜族自治州人民政府", 45),
    ("十三届州人民政府召开第2次常务会议\n本报讯 1月27日，州长金智浩主持召开十三届州人民政府第2次常务会议。"
     "临夏回族自治州副州长林书安出席。", "临夏回族自治州人民政府常务会议", "临夏回族自治州人民政府", 2),
    ("新华社北京3月5日电 国务院总理周明远3月5日主持召开国务院第五次常务会议。",
     "国务院常务会议", "中华人民共和国国务院", 5),
])
def test_a_governments_numbered_sitting_is_its_recurring_meeting(text, name, body, session):
    _, f = run(text)
    assert set(f.meetings) == {name}
    m = f.meetings[name]
    assert (m.body, m.session, m.term) == (body, session, None)


@pytest.mark.parametrize("text, name, body, term, session", [
    ("本报讯 1月10日，省纪委十五届四次全会在杭州召开。浙江省委书记周明远出席并讲话。",
     "中国共产党浙江省第十五届纪律检查委员会第四次全体会议", "中国共产党浙江省纪律检查委员会", 15, 4),
    ("本报讯 1月10日，中国共产党浙江省第十五届纪律检查委员会第四次全体会议在杭州召开。周明远出席。",
     "中国共产党浙江省第十五届纪律检查委员会第四次全体会议", "中国共产党浙江省纪律检查委员会", 15, 4),
    ("本报讯 1月10日，中共黔东南州纪委十届五次全会召开。州委书记周明远出席并讲话。",
     "中国共产党黔东南苗族侗族自治州第十届纪律检查委员会第五次全体会议",
     "中国共产党黔东南苗族侗族自治州纪律检查委员会", 10, 5),
])
def test_a_local_discipline_commission_in_plenum(text, name, body, term, session):
    _, f = run(text)
    m = f.main_meeting
    assert (m.name, m.body, m.term, m.session) == (name, body, term, session)


def test_the_politburo_standing_committee_written_short_is_named_in_full():
    _, f = run("中共中央政治局常委会召开会议\n中共中央总书记周明远主持会议\n新华社北京1月7日电 中共中央政治局常委会"
               "1月7日全天召开会议，听取工作汇报。中共中央总书记周明远主持会议。")
    assert set(f.meetings) == {"中共中央政治局常务委员会会议"}  # no meeting read across the line's end
    assert f.main_meeting.body == "中国共产党中央委员会政治局常务委员会"


#: invented sentences naming numbered meetings in many written forms, across lines
_FORMS = ("1月5日，湖北省十三届人大二次会议开幕。政协黔东南州十届五次会议闭幕，市委六届六次全会召开。\n"
          "九届州委常委会第154次会议，中共十八届中纪委周六召开第四次全体会议；十二届全国人大常委会第九次会议"
          "和第八十九次和第九十次委员长会议。省政协十二届常委会第三次会议、十三届县委第32次常委会会议、"
          "学习贯彻十九大精神，党的二十大以来，国务院第12次常务会议，县人民政府第3次全体会议。\n"
          "中国共产党遂宁市第八次代表大会第二次会议、十九届二中全会、中央政治局第五次集体学习。"
          "十二届四次会议以来，政协第十一届南宁市委员会第二次主席会议，省纪委十一届四次全会")


def test_every_reading_holds_one_of_its_patterns_words():
    # a pattern is read only in the sentences that hold one of its words: a reading without
    # one would be lost, so each reading of the whole text must hold one
    from kg.extract.meeting_grammar import _compiled, _patterns

    seen = 0
    for pattern, _kind, words, _lookback in _patterns():
        for m in _compiled(pattern).finditer(_FORMS):
            seen += 1
            assert any(w in m.group(0) for w in words), (pattern[:40], m.group(0))
            assert "。" not in m.group(0) and "\n" not in m.group(0)
    assert seen >= 20


def test_readings_by_sentence_are_the_whole_texts(monkeypatch):
    from kg.extract import meeting_grammar
    from kg.extract.context import Context
    from kg.extract.sentence_scan import SentenceScan
    from kg.lexicon import lexicon

    ctx = Context(lexicon=lexicon())
    by_sentence = [(m.span(), k, g, s) for m, k, g, s in meeting_grammar._readings(_FORMS, ctx)]
    monkeypatch.setattr(SentenceScan, "spans", lambda self, words: [(0, len(self.text))])
    whole = [(m.span(), k, g, s) for m, k, g, s in meeting_grammar._readings(_FORMS, ctx)]
    assert by_sentence == whole and len(whole) >= 20
