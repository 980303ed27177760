"""Credits: byline reporters and photographers, with their paper."""

from __future__ import annotations

import pytest
from extract_support import GANSU_OPENING, run

CAPTIONS = "会场一角。\n韩立群 摄代表们认真听取报告。\n苏晓棠 摄\n\n"


def _credits(f):
    return {(c.person, c.kind, c.organization) for c in f.credits}


def test_byline_reporter_with_paper():
    _, f = run("本报讯（甘肃日报记者 邵一鸣）" + GANSU_OPENING)
    assert _credits(f) == {("邵一鸣", "reporter", "甘肃日报")}


def test_photographers_of_captions_run_together_take_the_byline_paper():
    _, f = run(CAPTIONS + "本报讯（甘肃日报记者 邵一鸣）" + GANSU_OPENING)
    assert _credits(f) == {("邵一鸣", "reporter", "甘肃日报"), ("韩立群", "photographer", "甘肃日报"),
                           ("苏晓棠", "photographer", "甘肃日报")}


def test_two_reporters_sharing_a_title():
    _, f = run("本报讯（江西日报记者柏文卿、聂小溪）11月28日，省委十五届七次全会在南昌闭幕。")
    assert _credits(f) == {("柏文卿", "reporter", "江西日报"), ("聂小溪", "reporter", "江西日报")}


def test_a_quoted_reporter_in_the_body_is_no_credit():
    text = ("本报讯（甘肃日报记者 邵一鸣）" + GANSU_OPENING
            + "代表们纷纷表示，要把会议精神带回去。" * 4
            + "代表钱卫东对新华社记者孔繁星说，信心更足了。")
    _, f = run(text)
    assert "孔繁星" in f.people
    assert {c.person for c in f.credits} == {"邵一鸣"}


def test_all_media_reporter_takes_the_paper():
    _, f = run("本报讯（江西日报全媒体记者 柏文卿）11月28日，省委十五届七次全会在南昌闭幕。")
    assert _credits(f) == {("柏文卿", "reporter", "江西日报")}


def test_two_reporters_separated_by_a_space():
    _, f = run("本报讯（江西日报记者 柏文卿 聂小溪）11月28日，省委十五届七次全会在南昌闭幕。")
    assert _credits(f) == {("柏文卿", "reporter", "江西日报"), ("聂小溪", "reporter", "江西日报")}


def test_our_paper_is_the_one_the_metadata_names():
    from kg.pipeline import extract
    from kg.text.document import normalise

    doc = normalise("本报兰州1月14日电（记者周明远）省十四届人大三次会议1月14日选举陶建华为甘肃省省长。",
                    meta={"source": "甘肃日报"})
    f = extract(doc)
    assert {(c.person, c.kind, c.organization) for c in f.credits} == {("周明远", "reporter", "甘肃日报")}
    assert any(r.person == "陶建华" and r.organization == "甘肃省人民政府" for r in f.roles)


def test_the_dateline_names_the_paper_of_the_byline():
    _, f = run("陇东日报庆阳1月18日讯(记者 邵一鸣 钱卫东)" + GANSU_OPENING)
    assert _credits(f) == {("邵一鸣", "reporter", "陇东日报"), ("钱卫东", "reporter", "陇东日报")}
    assert f.organizations["陇东日报"].cls == "media"


def test_a_news_site_dispatch_without_a_reporter_names_the_site_as_a_medium():
    _, f = run("陇原网消息（晚间新闻）：" + GANSU_OPENING)
    assert f.credits == []
    assert f.organizations["陇原网"].cls == "media"


def test_a_photographer_with_a_title_before_the_name():
    text = (GANSU_OPENING + "\n会场一角。新华社记者 韩立群 摄\n\n代表们认真听取报告，会议审议通过了大会选举办法和议程。\n"
            "会场全景。本报记者苏晓棠摄\n")
    _, f = run(text)
    assert ("韩立群", "photographer", "新华通讯社") in _credits(f)
    assert {"韩立群", "苏晓棠"} <= set(f.people)
    assert not any(n.endswith("摄") for n in f.people)


def test_the_same_reporter_in_byline_and_caption_is_credited_once_for_each():
    text = ("会场全景。陇原网记者 邵一鸣摄\n\n陇原网兰州1月18日讯 （记者邵一鸣）" + GANSU_OPENING)
    _, f = run(text)
    assert _credits(f) == {("邵一鸣", "reporter", "陇原网"), ("邵一鸣", "photographer", "陇原网")}


def test_a_byline_line_and_an_editor_who_is_no_credit():
    text = ("省十四届人大三次会议开幕\n本报记者 邵一鸣 钱卫东\n" + GANSU_OPENING
            + "代表们表示，要把会议精神带回去。\n（责任编辑：孔繁星）")
    _, f = run(text)
    assert {c.person for c in f.credits} == {"邵一鸣", "钱卫东"}


def test_a_credit_line_with_credits_written_after_the_names():
    text = ("省十四届人大三次会议闭幕\n陇原日报 记者 钱卫东 孔繁星 记者 尹雪松/文 何大江/摄影\n"
            "本报讯 " + GANSU_OPENING)
    _, f = run(text)
    assert {(c.person, c.kind) for c in f.credits} == {
        ("钱卫东", "reporter"), ("孔繁星", "reporter"), ("尹雪松", "reporter"), ("何大江", "photographer")}


def test_a_byline_without_brackets_after_the_dateline():
    _, f = run("会议闭幕\n本报兰州1月26日讯记者钱卫东、孔繁星报道：" + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("钱卫东", "reporter"), ("孔繁星", "reporter")}


def test_a_dispatch_in_square_brackets_with_a_date_in_chinese_numerals():
    _, f = run("会议开幕\n【本报驻兰州记者钱卫东十八日电】" + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("钱卫东", "reporter")}


def test_photographer_and_artist_in_a_byline_bracket():
    _, f = run("会议开幕\n陇原网1月18日讯(记者 钱卫东 孔繁星 摄影 尹雪松 美工 何大江)" + GANSU_OPENING)
    assert _credits(f) == {("钱卫东", "reporter", "陇原网"), ("孔繁星", "reporter", "陇原网"),
                           ("尹雪松", "photographer", "陇原网")}
    assert "何大江" in f.people


def test_a_photographer_whose_name_has_no_family_name():
    _, f = run(GANSU_OPENING + "\n会场全景。本报记者 格桑次旦 摄\n\n代表们认真听取报告。")
    assert ("格桑次旦", "photographer") in {(c.person, c.kind) for c in f.credits}


def test_our_site_is_no_organisation_named_ben_wang():
    _, f = run("会议开幕\n本网讯(记者钱卫东、通讯员孔繁星)" + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("钱卫东", "reporter"), ("孔繁星", "reporter")}
    assert "本网" not in f.organizations


def test_a_credit_line_after_a_mark():
    _, f = run("□记者 钱卫东 通讯员 孔繁星\n本报讯 " + GANSU_OPENING)
    assert {(c.person, c.kind) for c in f.credits} == {("钱卫东", "reporter"), ("孔繁星", "reporter")}


@pytest.mark.parametrize("byline, names", [
    ("（记者钱卫东孔繁星）", {"钱卫东", "孔繁星"}),
    ("（记者邵一鸣何江）", {"邵一鸣", "何江"}),
    ("（记者欧阳立新）", {"欧阳立新"}),
    ("（记者格桑次旦）", {"格桑次旦"}),
])
def test_two_reporters_written_without_a_separator(byline, names):
    _, f = run("会议开幕\n本报兰州1月18日电" + byline + GANSU_OPENING)
    assert {c.person for c in f.credits} == names
    assert set(f.people) == names


def test_a_paper_brand_with_a_dot_is_no_person():
    _, f = run("会议开幕\n本报兰州1月18日电（记者邵一鸣）" + GANSU_OPENING + "\n来源：陇原日报·陇原网")
    assert set(f.people) == {"邵一鸣"}
