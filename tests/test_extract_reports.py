"""Reports: presenter, title as written, on whose behalf, meeting."""

from __future__ import annotations

from extract_support import GANSU_CONGRESS, GANSU_OPENING, run


def _reports(f):
    return {(r.presenter, r.title, r.on_behalf_of, r.meeting) for r in f.reports}


def test_report_delivered_on_behalf_of_the_government_short_form():
    _, f = run(GANSU_OPENING + "省长欧阳立新代表省政府向大会作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_report_delivered_on_behalf_of_the_provincial_peoples_government():
    _, f = run(GANSU_OPENING + "省长欧阳立新代表省人民政府向大会作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_report_entrusted_by_a_body():
    _, f = run(GANSU_OPENING + "受省人大常委会委托，省人大常委会副主任钱卫东作关于甘肃省人民代表大会"
               "常务委员会工作的报告。")
    assert _reports(f) == {("钱卫东", "关于甘肃省人民代表大会常务委员会工作的报告",
                            "甘肃省人民代表大会常务委员会", GANSU_CONGRESS)}


def test_report_without_a_body_has_no_on_behalf_of():
    _, f = run(GANSU_OPENING + "省人大常委会副主任钱卫东作关于代表建议办理情况的报告。")
    assert _reports(f) == {("钱卫东", "关于代表建议办理情况的报告", None, GANSU_CONGRESS)}


def test_report_entrusted_by_the_standing_committee_of_a_party_committee():
    _, f = run("11月28日，省委十五届七次全会在南昌闭幕。2024年是关键之年。"
               "省委书记贺鸣川出席会议。全会听取和讨论了贺鸣川受省委常委会委托所作的工作报告。")
    assert {(r.presenter, r.title) for r in f.reports} == {("贺鸣川", "工作报告")}
    assert f.reports[0].on_behalf_of == "中国共产党江西省委员会常务委员会"


def test_no_report_without_a_presenter():
    _, f = run(GANSU_OPENING + "代表们认真审议政府工作报告。")
    assert f.reports == []


# -- reports heard, untitled, told twice (invented sentences) -------------------------------

CPPCC_SC = "政协第十四届全国委员会常务委员会第九次会议3日在京开幕。"
CPPCC_SC_NAME = "中国人民政治协商会议第十四届全国委员会常务委员会第九次会议"


def test_reports_a_sitting_hears_from_a_council_and_from_nobody_named():
    _, f = run(CPPCC_SC + "开幕会听取了全国政协主席会议关于全国政协2031年上半年工作情况的报告和"
               "关于《虚构工作条例（修订草案）》起草情况的说明。")
    assert _reports(f) == {
        ("中国人民政治协商会议全国委员会主席会议", "关于全国政协2031年上半年工作情况的报告",
         "中国人民政治协商会议全国委员会主席会议", CPPCC_SC_NAME),
        (None, "关于《虚构工作条例（修订草案）》起草情况的说明", None, CPPCC_SC_NAME)}


def test_an_untitled_report_keeps_its_presenter():
    _, f = run("石文远作报告 乔明轩主持\n" + CPPCC_SC + "国务院副总理石文远应邀出席会议并作报告。")
    assert _reports(f) == {("石文远", None, None, CPPCC_SC_NAME)}


def test_no_report_for_a_briefing_or_for_reports_and_explanations_uncounted():
    _, f = run(CPPCC_SC + "全国政协副主席乔明轩、谭振国等分别就有关议题作了说明和汇报。"
               "全国政协秘书长庞海峰就会议日程安排作了汇报。")
    assert f.reports == []


def test_report_delivered_without_title_speaks_for_a_body_written_with_its_term():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。"
               "陶长河代表政协第十二届甘肃省委员会常务委员会，向大会报告工作。")
    # the work report a CPPCC standing committee delivers is its 常务委员会工作报告
    assert _reports(f) == {("陶长河", "常务委员会工作报告", "中国人民政治协商会议甘肃省委员会常务委员会",
                            "中国人民政治协商会议第十二届甘肃省委员会第三次会议")}


def test_a_bare_work_report_takes_the_title_the_agenda_gives_it():
    _, f = run("1月19日，中国人民政治协商会议第十一届河南省委员会第一次会议在郑州开幕。大会听取和审议政协第十届"
               "河南省委员会常务委员会工作报告。省政协主席林书安受政协十届河南省委员会常务委员会委托，"
               "向大会作工作报告。")
    assert _reports(f) == {("林书安", "政协第十届河南省委员会常务委员会工作报告",
                            "中国人民政治协商会议河南省委员会常务委员会",
                            "中国人民政治协商会议第十一届河南省委员会第一次会议")}


def test_a_congress_standing_committees_untitled_work_report_is_named_after_it():
    _, f = run("1月20日，浙江省第十四届人民代表大会第三次会议在杭州开幕。林书安代表省人大常委会，向大会报告工作。")
    assert _reports(f) == {("林书安", "浙江省人民代表大会常务委员会工作报告", "浙江省人民代表大会常务委员会",
                            "浙江省第十四届人民代表大会第三次会议")}


def test_untitled_delivery_takes_the_title_the_agenda_gives_the_same_report():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。大会听取和审议政协第十二届甘肃省"
               "委员会常务委员会关于提案工作情况的报告。柳立春受十二届省政协常委会委托，向大会报告"
               "十二届政协的提案工作情况。")
    assert _reports(f) == {("柳立春", "关于提案工作情况的报告", "中国人民政治协商会议甘肃省委员会常务委员会",
                            "中国人民政治协商会议第十二届甘肃省委员会第三次会议")}


def test_headline_title_and_body_mandate_make_one_report():
    _, f = run("省政协十二届三次会议开幕 陶长河作政协常委会工作报告\n1月20日，政协第十二届甘肃省委员会第三次"
               "会议在兰州开幕。陶长河代表政协第十二届甘肃省委员会常务委员会，向大会报告工作。")
    assert _reports(f) == {("陶长河", "政协常委会工作报告", "中国人民政治协商会议甘肃省委员会常务委员会",
                            "中国人民政治协商会议第十二届甘肃省委员会第三次会议")}


def test_a_meeting_named_in_the_title_is_not_where_it_is_delivered():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。受十二届省政协常委会委托，"
               "省政协副主席蒋小满向大会作省政协十二届二次会议以来提案工作情况的报告。")
    assert [r.meeting for r in f.reports] == ["中国人民政治协商会议第十二届甘肃省委员会第三次会议"]


def test_one_delivery_of_two_explanations():
    _, f = run(GANSU_OPENING + "受省人大常委会委托，省人大常委会副主任钱卫东作关于甲项条例草案的说明"
               "和关于乙项决定草案的说明。")
    assert {r.title for r in f.reports} == {"关于甲项条例草案的说明", "关于乙项决定草案的说明"}
    assert {r.on_behalf_of for r in f.reports} == {"甘肃省人民代表大会常务委员会"}


def test_a_quoted_title_and_quotes_around_a_report():
    _, f = run("1月6日，市委九届九次全体会议召开。邹正道代表市委常委会作了题为《凝心聚力，开创新局》的报告。")
    assert {(r.presenter, r.title) for r in f.reports} == {("邹正道", "凝心聚力，开创新局")}
    _, f = run(GANSU_OPENING + "省长欧阳立新作《政府工作报告》。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_the_government_a_work_report_speaks_for_is_read_from_the_congress_unless_stated():
    _, f = run(GANSU_OPENING + "省长欧阳立新作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}
    # a body stated and not resolved is not replaced by another
    _, f = run(GANSU_OPENING + "受市政府委托，副市长韦一帆向大会作政府工作报告。")
    assert [r.on_behalf_of for r in f.reports] == [None]
    # a city's government written in full
    _, f = run(GANSU_OPENING + "代市长韦一帆代表天水市人民政府向大会作政府工作报告。")
    assert [r.on_behalf_of for r in f.reports] == ["天水市人民政府"]


def test_no_report_for_an_agenda_to_come_or_for_someone_entrusted_to_report_later():
    _, f = run(GANSU_OPENING + "根据议程，大会将审议政府工作报告，审议省人大常委会工作报告。")
    assert f.reports == []
    _, f = run(GANSU_OPENING + "会议通过了工作报告稿，并委托周明远主任代表常委会向大会作报告。")
    assert f.reports == []


def test_heard_reports_merge_with_the_delivered_one():
    _, f = run(GANSU_OPENING + "大会有两项议程：一是听取省人民政府工作报告；二是审查计划报告。"
               "省长欧阳立新代表省人民政府向大会作政府工作报告。")
    assert _reports(f) == {("欧阳立新", "政府工作报告", "甘肃省人民政府", GANSU_CONGRESS)}


def test_a_count_of_reports_is_no_report():
    _, f = run("12月29日，省十四届人大常委会第七次会议在兰州闭幕。会议听取审议4个专项工作报告。")
    assert f.reports == []


def test_a_person_named_before_the_title_of_a_heard_report():
    _, f = run(GANSU_OPENING + "大会主席团常务主席钱卫东主持会议。会议听取了大会主席团常务主席钱卫东关于提名省长"
               "候选人情况的说明。")
    assert _reports(f) == {("钱卫东", "关于提名省长候选人情况的说明", None, GANSU_CONGRESS)}


def test_a_report_heard_after_other_business_and_after_the_agenda_is_adopted():
    _, f = run(STANDING_SESSION + "通过会议议程后，会议听取了被提请任命人员供职发言、关于个别代表的代表资格的报告。")
    assert _reports(f) == {(None, "关于个别代表的代表资格的报告", None, STANDING_NAME)}


def test_an_agenda_names_reports_their_delivery_tells():
    _, f = run("1月20日，政协第十二届甘肃省委员会第三次会议在兰州开幕。大会的主要议程：听取和审议十二届省政协常委会"
               "工作报告，听取并讨论政府工作报告。省政协主席陶长河向大会作政协甘肃省第十二届委员会常务委员会工作报告。")
    assert _reports(f) == {("陶长河", "政协甘肃省第十二届委员会常务委员会工作报告",
                            "中国人民政治协商会议甘肃省委员会常务委员会",
                            "中国人民政治协商会议第十二届甘肃省委员会第三次会议")}


def test_an_explanation_of_the_bill_the_sentence_before_names():
    _, f = run(STANDING_SESSION + "省人民政府提出了关于提请审议甘肃省虚构保护条例草案的议案。"
               "受省人民政府委托，省司法厅厅长韦一帆作了说明。")
    assert _reports(f) == {("韦一帆", "关于提请审议甘肃省虚构保护条例草案的议案的说明", "甘肃省人民政府",
                            STANDING_NAME)}


def test_several_committees_report_under_one_title():
    _, f = run(STANDING_SESSION + "会议分别听取了省人大财政经济委员会、法制委员会关于代表提出的议案审议结果的报告。")
    assert {(r.presenter, r.title) for r in f.reports} == {
        ("甘肃省人民代表大会财政经济委员会", "关于代表提出的议案审议结果的报告"),
        ("甘肃省人民代表大会法制委员会", "关于代表提出的议案审议结果的报告")}


STANDING_SESSION = "12月20日，省十四届人大常委会第十三次会议在兰州开幕。"
STANDING_NAME = "甘肃省第十四届人民代表大会常务委员会第十三次会议"


def test_the_audit_report_and_a_briefing_heard():
    _, f = run(STANDING_SESSION + "受省人民政府委托，省审计厅厅长韦一帆作关于2030年度省级预算执行和其他财政收支的"
               "审计工作报告。")
    assert _reports(f) == {("韦一帆", "关于2030年度省级预算执行和其他财政收支的审计工作报告", "甘肃省人民政府",
                            STANDING_NAME)}
    _, f = run("1月5日，省政府召开常务会议。会议听取了关于全省虚构产业发展情况的汇报。")
    assert [(r.presenter, r.title) for r in f.reports] == [(None, "关于全省虚构产业发展情况的汇报")]


def test_a_work_report_named_in_quotes():
    _, f = run("1月10日，省纪委十三届五次全会在兰州召开。省纪委书记钱卫东主持会议。全会审议通过了钱卫东同志代表"
               "省纪委常委会所作的《坚定信心开创新局面》工作报告。")
    assert [(r.presenter, r.title) for r in f.reports] == [("钱卫东", "坚定信心开创新局面")]


def test_a_report_on_a_matter_and_reports_delivered_in_turn():
    _, f = run(STANDING_SESSION + "省人大法制委员会主任委员钱卫东就甲项条例草案审议结果作了报告。"
               "会议就有关议题作了说明。")
    assert _reports(f) == {("钱卫东", "关于甲项条例草案审议结果的报告", None, STANDING_NAME)}
    _, f = run(STANDING_SESSION + "会议听取了省人大财政经济委员会主任委员钱卫东分别作的关于甲项计划审查结果的报告、"
               "关于乙项预算审查结果的报告。")
    assert {(r.presenter, r.title) for r in f.reports} == {("钱卫东", "关于甲项计划审查结果的报告"),
                                                          ("钱卫东", "关于乙项预算审查结果的报告")}


def test_a_headline_hearing_a_situation_report_gives_its_title():
    _, f = run("市人大常委会听取全市民政工作情况报告\n本报讯 3月5日，苏州市第五届人民代表大会常务委员会第九次会议召开。"
               "会议对全市民政工作提出意见。主任林书安主持会议。")
    assert _reports(f) == {(None, "全市民政工作情况报告", None, "苏州市第五届人民代表大会常务委员会第九次会议")}


def test_a_situation_report_opened_by_its_body():
    _, f = run("本报讯 3月5日，苏州市第五届人民代表大会常务委员会第九次会议召开。会议听取了苏州市中级人民法院"
               "行政审判工作情况报告。")
    assert _reports(f) == {("苏州市中级人民法院", "苏州市中级人民法院行政审判工作情况报告", "苏州市中级人民法院",
                            "苏州市第五届人民代表大会常务委员会第九次会议")}


def test_how_the_groups_deliberated_is_no_report():
    _, f = run("本报讯 3月5日，苏州市第五届人民代表大会常务委员会第九次会议召开。会议听取了各代表团审议情况的报告。")
    assert _reports(f) == set()


def test_a_prefectures_government_reporting_its_work_untitled_delivers_the_government_work_report():
    _, f = run("本报讯 1月8日，大理白族自治州第十五届人民代表大会第三次会议开幕。自治州州长金智浩代表州人民政府"
               "向大会报告工作。")
    assert _reports(f) == {("金智浩", "政府工作报告", "大理白族自治州人民政府",
                            "大理白族自治州第十五届人民代表大会第三次会议")}


def test_a_leagues_government_work_report_is_its_administrative_offices():
    _, f = run("本报讯 1月8日，锡林郭勒盟第五届人民代表大会第三次会议开幕。盟长林书安作政府工作报告。")
    assert _reports(f) == {("林书安", "政府工作报告", "锡林郭勒盟行政公署", "锡林郭勒盟第五届人民代表大会第三次会议")}


def test_the_delivering_verb_is_read_after_it_as_before_it():
    import re

    from kg.extract.reports import _DELIVER_VERB

    text = "作报告，工作报告，合作，某某作了说明，创作、写作、操作。作"
    before = [m.span() for m in re.finditer(r"(?<![工合创写操动制协运著振])作", text)]  # the test before 作
    assert [m.span() for m in re.finditer(_DELIVER_VERB, text)] == before == [(0, 1), (14, 15), (28, 29)]
