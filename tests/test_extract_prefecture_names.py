"""People, credits and bodies of prefecture papers in minority regions: names without a Han
family name in lists, family names that are also words (和, 木), given names ending in 日,
a prefecture's departments by short name. Invented sentences, invented people."""

from __future__ import annotations

from extract_support import run

#: an opening that makes the article a prefecture's (迪庆州, Yunnan) and its meeting
DIQING_OPENING = "1月20日，政协迪庆州第十三届委员会第五次会议在香格里拉闭幕。州委、全州各界关注。"
YANBIAN_OPENING = "12月20日，延边州全州经济工作会议在延吉召开。州委、全州上下关注。"


def test_a_title_list_opened_by_a_name_with_a_function_word_family_name():
    # 和 and 都 are family names and words; the list under the title, closed by 出席, vouches
    _, f = run(DIQING_OPENING + "州政协副主席和建功、此里央金、孙诺七林、都吉才、李川成出席会议。")
    assert {"和建功", "此里央金", "孙诺七林", "都吉才", "李川成"} <= set(f.people)


def test_a_phrase_list_after_a_title_names_no_one():
    _, f = run(DIQING_OPENING + "州委书记李川成强调，要和企业、群众、社会各界一道推进工作。")
    assert set(f.people) == {"李川成"}


def test_the_next_title_of_a_list_is_no_name():
    # 政协副 opens the next title (政协副主席), it is no item of the list of names
    _, f = run(DIQING_OPENING + "大会执行主席杨正远、政协副主席梁文斌、刘安平出席。")
    assert {"杨正远", "梁文斌", "刘安平"} <= set(f.people)
    assert "政协副" not in f.people


def test_a_cue_list_keeps_names_without_a_family_name_whole():
    _, f = run(DIQING_OPENING + "出席会议的还有：和正光、格桑拉姆、次仁央宗、丹增、杨波。"
               "在主席台就座的有：和志远、阿里布、扎西平措、卓嘎。")
    assert {"和正光", "格桑拉姆", "次仁央宗", "丹增", "杨波", "和志远", "阿里布", "扎西平措", "卓嘎"} <= set(f.people)
    assert not {"桑拉姆", "平措"} & set(f.people)


def test_a_cue_list_of_bodies_names_no_one():
    _, f = run(DIQING_OPENING + "出席会议的还有：州委办、州政府办、州级各部门负责同志。")
    assert not f.people


def test_a_given_name_ending_in_ri_after_a_title():
    _, f = run(YANBIAN_OPENING + "州委书记朴川日出席会议并讲话，州政协主席文光日、州长南智浩出席。")
    assert {"朴川日", "文光日", "南智浩"} <= set(f.people)
    assert "朴成" not in f.people


def test_a_time_word_in_ri_is_no_name():
    _, f = run(YANBIAN_OPENING + "州长南智浩出席，副州长当日到会。签约于次日举行，州长南智浩致辞。")
    assert set(f.people) == {"南智浩"}


def test_a_measure_word_before_a_prefecture_is_no_name():
    _, f = run(DIQING_OPENING + "300（应到350，实到300）位州政协委员出席会议。州政协主席木永川主持。")
    assert set(f.people) == {"木永川"}


def test_a_photo_credit_of_a_tibetan_name():
    _, f = run(DIQING_OPENING + "州政协主席木永川主持会议。\n拉姆卓嘎 摄")
    assert "拉姆卓嘎" in f.people
    assert ("拉姆卓嘎", "photographer") in {(c.person, c.kind) for c in f.credits}
    assert "卓嘎" not in f.people


def test_a_prefecture_department_by_its_short_name_is_the_full_body():
    _, f = run(DIQING_OPENING + "州人社局、州安全监管局、州发改委负责同志参加。")
    assert {"迪庆藏族自治州人力资源和社会保障局", "迪庆藏族自治州安全生产监督管理局",
            "迪庆藏族自治州发展和改革委员会"} <= set(f.organizations)
    assert not any(o.endswith(("人社局", "安全监管局", "发改委")) for o in f.organizations)


def test_a_department_with_he_inside_is_one_body():
    _, f = run(DIQING_OPENING + "州人力资源和社会保障局局长王志远参加。")
    assert "迪庆藏族自治州人力资源和社会保障局" in f.organizations


def test_clause_words_are_no_part_of_an_enterprise_or_a_committee():
    _, f = run(DIQING_OPENING + "会议听取了关于迪庆远达投资发展有限公司的情况汇报。"
               "王志远，2018年3月任迪庆高新区管委会主任。")
    assert "迪庆远达投资发展有限公司" in f.organizations
    assert "迪庆高新技术产业开发区管理委员会" in f.organizations
    assert not any(o.startswith(("关于", "月任")) for o in f.organizations)


def test_the_province_of_a_prefecture_paper_resolves_sheng_wei():
    _, f = run(DIQING_OPENING + "州委书记李川成传达了省委全会精神。")
    assert "中国共产党云南省委员会" in f.organizations


def test_a_paper_of_a_short_name_cited_as_a_source():
    _, f = run(DIQING_OPENING + "据明报报道，州政协主席木永川会见了来访者。贵州日报、六盘水日报等媒体记者参加。")
    assert {"明报", "六盘水日报", "贵州日报"} <= set(f.organizations)
    _, f = run(DIQING_OPENING + "据报道，会议开幕。据通报，会议开幕。")
    assert not any(o.endswith("报") for o in f.organizations)


def test_a_city_body_after_a_conjunction_is_the_city_s():
    _, f = run("9月6日，访问团来到延吉市友好访问，与延吉市人大沟通交流。延吉市人大常委会主任赵义远致辞，"
               "市委、市政府、全市各界欢迎。延吉市政府召开座谈会。")
    assert "延吉市人民代表大会常务委员会" in f.organizations
    assert not any(o.startswith("与") for o in f.organizations)


def test_a_name_counted_for_more_in_an_election():
    _, f = run("3月6日，政协鸡西市第十届委员会第四次会议闭幕。会议补选林淑清等8人为常委。")
    assert "林淑清" in f.people


def test_a_byline_pads_a_two_character_name_with_a_space():
    _, f = run("新报讯(记者 刘 睿 王树安) 1月17日下午，自治区政协十一届五次会议闭幕。")
    assert {"刘睿", "王树安"} <= set(f.people)
    assert {("刘睿", "reporter"), ("王树安", "reporter")} <= {(c.person, c.kind) for c in f.credits}
    assert not {"刘", "睿"} & set(f.people)


def test_a_report_in_pictures_credits_its_photographer():
    _, f = run("5月12日下午，县领导罗安、宋清远、林书安等来到驻地。\n方娇摄影报道")
    assert ("方娇", "photographer") in {(c.person, c.kind) for c in f.credits}
    _, f = run("本报讯（记者 和秀川 杨文涛 摄影报道）1月20日，州政协会议闭幕。")
    assert {("和秀川", "reporter"), ("杨文涛", "photographer")} <= {(c.person, c.kind) for c in f.credits}


def test_a_prefecture_department_written_with_its_name_in_any_article():
    _, f = run("9月3日，文化旅游节开幕。活动由延边州文广新局、延边州旅游发展委员会承办，大理州人社局协办。")
    assert {"延边朝鲜族自治州文广新局", "延边朝鲜族自治州旅游发展委员会",
            "大理白族自治州人力资源和社会保障局"} <= set(f.organizations)
    _, f = run("9月3日，延边州人大常委会、延边州政协召开会议。")
    assert not any(o.endswith(("人大常委会", "政协")) for o in f.organizations)


def test_a_byline_names_people_without_a_family_name():
    _, f = run("本报讯（记者 和建功 此里央金）" + DIQING_OPENING)
    assert {("和建功", "reporter"), ("此里央金", "reporter")} <= {(c.person, c.kind) for c in f.credits}


def test_a_report_the_body_cites_credits_its_reporter_and_paper():
    _, f = run(DIQING_OPENING + "据迪庆日报记者和秀川报道，会议圆满完成各项议程。")
    assert ("和秀川", "reporter", "迪庆日报") in {(c.person, c.kind, c.organization) for c in f.credits}
    _, f = run(DIQING_OPENING + "委员对新华社记者王小明说，会议开得很好。")
    assert not f.credits


def test_a_tibetan_name_up_to_a_comma_after_a_title():
    _, f = run(DIQING_OPENING + "州人大常委会副主任欧要扎西，副州长文森出席。州委书记在会上，副主任助理工作。")
    assert {"欧要扎西", "文森"} == set(f.people)


def test_a_prefecture_s_station_and_a_city_paper_are_media():
    _, f = run(DIQING_OPENING + "西海都市报、玉树州广播电视台记者到会。")
    assert {"西海都市报", "玉树藏族自治州广播电视台"} <= set(f.organizations)
    assert f.organizations["西海都市报"].cls == "media"
