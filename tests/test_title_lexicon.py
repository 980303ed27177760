"""Posts outside government offices (enterprises, media, institutes, delegations) are
titles, and a meeting's officers are named after 有 or a colon: the person gets that role."""

from __future__ import annotations

import pytest
from extract_support import GANSU_OPENING, roles_of, run


@pytest.mark.parametrize("title", ["总工程师", "副总编", "副总编辑", "处长", "所长", "总监", "副总经理", "代表团团长"])
def test_post_before_a_name_gives_a_role(title):
    _, f = run(GANSU_OPENING + f"座谈会上，{title}罗安国介绍了有关情况。")
    assert any(t.endswith(title.removeprefix("代表团")) for t in roles_of(f, "罗安国")), roles_of(f, "罗安国")


def test_a_bare_word_of_a_post_is_no_person():
    # 处长 inside a longer word (科处长期) must not open a name
    _, f = run(GANSU_OPENING + "该处长期负责此项工作。")
    assert not f.roles


def test_a_source_word_is_no_part_of_the_title():
    _, f = run(GANSU_OPENING + "据省政府研究室综合处处长罗安国介绍，今年工作进展顺利。")
    assert roles_of(f, "罗安国") == {"省政府研究室综合处处长"}


def test_data_bureau_keeps_its_name():
    _, f = run(GANSU_OPENING + "国家数据局局长罗安国出席会议。")
    assert roles_of(f, "罗安国") == {"国家数据局局长"}


@pytest.mark.parametrize("sentence", ["在主席台前排就座的大会执行主席有周明远、钱卫东、孔繁星。",
                                      "坐在主席台前排的大会执行主席有：周明远、钱卫东、孔繁星。",
                                      "大会执行主席：周明远、钱卫东、孔繁星。"])
def test_executive_chairs_named_after_you_or_a_colon(sentence):
    _, f = run(GANSU_OPENING + sentence)
    assert set(f.people) == {"周明远", "钱卫东", "孔繁星"}  # not 有周明远
    for name in ("周明远", "钱卫东", "孔繁星"):
        assert roles_of(f, name) == {"大会执行主席"}, name


def test_you_followed_by_a_word_names_no_holder():
    _, f = run(GANSU_OPENING + "大会秘书长有关负责同志周明远出席。")
    assert "大会秘书长" not in roles_of(f, "周明远")
