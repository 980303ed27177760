"""Posts outside government offices (enterprises, media, institutes, delegations) are
titles: the person after one is read with that role."""

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
