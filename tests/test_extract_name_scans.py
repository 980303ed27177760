"""The name and role steps' fast scans find exactly what the plain scans they replace find.

Each fast path (a scan started where a match can first be, a search by str.find, a table
looked up by suffix) is checked against the plain regex or loop on invented text.
"""

from __future__ import annotations

import re

from kg.extract import name_lists, names, participation, people, roles
from kg.extract.attendance import _COUNTS
from kg.extract.context import analyse
from kg.lexicon import lexicon
from kg.text.alternation import words_re
from kg.text.document import normalise

TEXT = ("省人大常委会主任周明远主持会议，副主任钱卫东、孔繁星、尹雪松、司马长青出席。"
        "会议以沈建安同志为核心，沈建安总书记总书记发表讲话。古丽某某·某某提、雷·额尔某某参加。"
        "经济、政治、文化、社会、生态五个方面，守初心、担使命、找差距、抓落实。\n"
        "总书记甲乙丙，甲乙总书记。记者 罗安 摄\n（应到359，实到318）应出席委员71人，实到68人，请假3人。")


def test_leader_matches_equal_the_full_scan():
    for text in (TEXT, "总书记", "甲总书记", "以甲乙丙同志为核心的总书记乙丙丁总书记", "甲乙丙丁总书记同志为核心"):
        assert [m.span() for m in people._leader_matches(text)] == [m.span() for m in people._LEADER.finditer(text)]


def test_name_occurrences_equal_the_alternation_scan():
    text = "周明远、周明和周明远同志，欧阳立新欧阳立，周明远周明远。"
    for found in (["周明远", "周明"], ["欧阳立", "欧阳立新", "立新"], ["周明远"], ["甲乙"]):
        want = [m.span() for m in words_re(found).finditer(text)]
        assert people._occurrences(text, found) == want


def test_list_stretches_give_the_lists_of_the_whole_text():
    for text in (TEXT, "甲、乙、丙", "甲乙、丙丁，戊己、庚辛、壬癸、子丑"):
        assert [m.span() for m in name_lists._lists(text)] == [m.span() for m in name_lists._LIST.finditer(text)]


def test_clause_start_is_just_after_the_last_delimiter():
    def slow(text: str, pos: int) -> int:
        i = pos
        while i > 0 and text[i - 1] not in names.DELIMITERS:
            i -= 1
        return i
    for pos in range(len(TEXT) + 1):
        assert names.clause_start(TEXT, pos) == slow(TEXT, pos)


def test_first_dot():
    assert names.first_dot(TEXT) == TEXT.index("·")
    assert names.first_dot(TEXT, TEXT.index("·") + 1) == TEXT.index("·", TEXT.index("·") + 1)
    assert names.first_dot("周明远主持", 0, 5) == -1


def test_title_at_end_is_the_longest_title_a_phrase_ends_with():
    ctx = analyse(normalise(TEXT))
    titles = lexicon().titles
    for phrase in ("省人大常委会副主任", "全国政协副主席", "党和国家领导人", "主任", "任", "", "会议"):
        want = max((t for t in titles if phrase.endswith(t)), key=len, default="")
        assert roles.title_at_end(phrase, ctx) == want


def test_patterns_with_a_first_character_class_match_as_before():
    """The lookahead naming the first characters changes no match."""
    plain = re.compile(re.sub(r"^\(\?=\[[^\]]+\]\)", "", participation._VERBS.pattern))
    assert plain.pattern.startswith("(?:(?P<presided>")
    sample = TEXT + "周明远作政府工作报告。钱卫东在会上强调，孔繁星致辞，尹雪松发言人。"
    assert ([(m.span(), m.lastgroup) for m in participation._VERBS.finditer(sample)]
            == [(m.span(), m.lastgroup) for m in plain.finditer(sample)])
    assert [m.span() for m in participation._VERBS.finditer(sample)]
    listed = "出席会议并在主席台就座的有：甲、乙。应邀出席大会的省领导有：丙。在主席台前排就座的还有丁。"
    bare = re.compile(re.sub(r"^\(\?=\[[^\]]+\]\)", "", participation._AFTER_LIST.pattern))
    assert [m.span() for m in participation._AFTER_LIST.finditer(listed)] == [m.span() for m in bare.finditer(listed)]
    assert len(list(bare.finditer(listed))) == 3
    for _kind, rx in _COUNTS:
        bare = re.compile(re.sub(r"^\(\?=(?:\[[^\]]+\]|应)\)", "", rx.pattern))
        assert bare.pattern != rx.pattern
        assert [m.span() for m in rx.finditer(TEXT)] == [m.span() for m in bare.finditer(TEXT)]
    assert any(rx.search(TEXT) for _kind, rx in _COUNTS)
