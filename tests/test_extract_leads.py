"""Datelines and bylines: never the subject of the article's first sentence."""

from __future__ import annotations

import pytest
from extract_support import parts, run


@pytest.mark.parametrize("opening", [
    "本报兰州1月18日电 （记者邵一鸣）",
    "陇东日报庆阳1月18日讯(记者 邵一鸣 钱卫东)",
    "新华社兰州1月18日电（记者邵一鸣、钱卫东）",
    "(记者 邵一鸣)",
])
def test_the_reporters_of_a_byline_run_into_the_first_sentence_take_no_part(opening):
    _, f = run("会议开幕\n" + opening + "1月18日，省十四届人大三次会议在兰州开幕，省委书记周明远主持会议并讲话。")
    assert parts(f) == {("周明远", "presided"), ("周明远", "spoke")}
    assert "邵一鸣" in f.people
