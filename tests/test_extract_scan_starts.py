"""Searches started where a match can first be (or skipped where a word every match holds
is absent) find what the plain search from the text's start finds, on invented text."""

from __future__ import annotations

import re

from kg.extract import attendance, context, meeting_grammar, meetings
from kg.extract.sentence_scan import SentenceScan

DATELINES = (
    "新华社北京3月5日电（记者周明远）省人大会议今天开幕。",
    "本报太原1月18日电 省政协会议闭幕。",
    "标题\n甲乙丙丁戊己庚辛壬癸12月31日电 会议在溪口举行。",  # a line's start, ten characters, 12月31
    "新华社甲乙丙丁戊己庚辛壬癸12月31日电 会议召开。",  # the longest match
    "新华社甲乙丙丁戊己庚辛壬癸子12月31日电 十一字太长。",
    "会议于3月5日电视播出，红网时刻11月28日讯 会议召开。",
    "3月5日讯 会议召开。",  # the text's start
    "全文没有电头，只有3月5日和日电两个字。",
    "",
)


def test_dateline_search_from_its_first_end_equals_the_whole_search():
    for text in DATELINES:
        for pad in ("", "甲" * 30, "，" * 7 + "\n"):
            t = pad + text
            want = context._DATELINE.search(t)
            got = context._dateline(t)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
    assert context._dateline(DATELINES[3]).span() == (0, len("新华社甲乙丙丁戊己庚辛壬癸12月31日电"))


def test_venue_search_from_its_first_word_equals_the_plain_search():
    text = ("1月27日上午，溪口国际会议中心内灯光璀璨，会议在溪口大剧院开幕。在甲乙丙丁戊己庚辛壬会堂，"
            "代表们来到青山宾馆报告厅；2会议室里，人民大会堂。")
    for a in range(len(text)):
        for b in range(a, len(text) + 1, 3):
            want = meetings._venue_re().search(text, a, b)
            got = meetings._venue_search(text, a, b)
            assert (got and got.span()) == (want and want.span()), (a, b)
    assert meetings._venue_search(text, 0, len(text)).group(0) == "溪口国际会议中心"


def test_count_patterns_skip_only_texts_without_their_words(monkeypatch):
    texts = ("应出席委员71人，实到68人，请假3人，缺席2人。", "（应到359，实到318）", "代表总数380人，到会362人。",
             "省委委员75人、省委候补委员16人出席会议。", "实有代表551人，实际出席的代表530人。", "共有代表935名。",
             "会议选举产生了新一届委员会。")
    gated = [attendance._counts(t, 0, len(t)) for t in texts]
    words_of = attendance._COUNT_WORDS
    monkeypatch.setattr(attendance, "_COUNT_WORDS", (("",),) * len(attendance._COUNTS))
    assert gated == [attendance._counts(t, 0, len(t)) for t in texts]
    assert sum(map(len, gated)) >= 10
    for (_kind, rx), words in zip(attendance._COUNTS, words_of, strict=True):
        for t in texts:
            assert all(any(w in m.group(0) for w in words) for m in rx.finditer(t))


def test_sentences_of_a_word_skip_only_words_whose_first_pair_is_absent():
    text = "会议学习十九大精神。\n党的二十大以来，甲、乙和十三大代表出席。全体会议。"
    scan = SentenceScan(text)
    for word in ("十九大", "二十大", "会议", "全体会议", "大", "。", "出席。", "九大精", "无此词", "议学", "\n党"):
        plain, i = [], text.find(word)
        while i >= 0:
            a = max((k + 1 for k, c in enumerate(text[:i]) if c in "。\n"), default=0)
            b = min((k + 1 for k, c in enumerate(text) if k >= i and c in "。\n"), default=len(text))
            plain.append((a, b))
            i = text.find(word, b)
        assert scan.sentences(word) == plain, word
    assert "无此" not in scan.pairs and "十九" in scan.pairs
    assert scan.may_hold("十九大") and scan.may_hold("无") and not scan.may_hold("无此词")
    assert all(scan.may_hold(text[a:b]) for a in range(len(text)) for b in range(a + 1, min(a + 6, len(text)) + 1))


def test_short_congress_names_hold_a_numeral_and_da():
    text = "学习贯彻十九大精神，自二十大以来，和十一大、十二大代表，二十一大，越共十三大，第十大会。"
    specs = [(p, words) for p, kind, words, _lb in meeting_grammar._patterns() if kind == "congress" and "大" in p[-40:]]
    assert len(specs) >= 3
    hits = 0
    for pattern, words in specs:
        for m in re.finditer(pattern, text):
            hits += 1
            assert any(w in m.group(0) for w in words), m.group(0)
    assert hits >= 4
