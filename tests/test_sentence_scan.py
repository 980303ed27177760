"""Patterns read only in the sentences holding their words find what the whole text gives
(invented sentences, invented bodies)."""

from __future__ import annotations

from kg.extract import organizations
from kg.extract.sentence_scan import SentenceScan, sentences

_TEXT = ("来源：绿江日报\n本报讯 绿江市第十五届人民代表大会常务委员会昨日召开。省十三届人大常委会、十二届省政协常委会出席。"
         "绿江高新区管委会与绿江某某科技股份有限公司签约，绿江师范大学、青山职业技术学院参加。\n"
         "据绿江晚报报道，绿江市中级人民法院青山分院和矿区人民检察院，《青报》记者，自治区政协十三届常委会。"
         "绿江广播电视台、绿江网讯")


def test_sentences_are_cut_at_full_stops_and_line_ends_and_keep_them():
    text = "甲乙。丙届丁\n戊届。己"
    assert sentences(text, "届") == [(3, 7), (7, 10)]
    assert [text[a:b] for a, b in sentences(text, "己")] == ["己"]
    assert sentences(text, "庚") == []


def test_organisation_patterns_by_sentence_are_the_whole_texts():
    scan = SentenceScan(_TEXT)
    pairs = [(rx, words) for rx, _g, _c, words, by_sentence in organizations._PATTERNED if by_sentence]
    pairs += [(rx, ("届",)) for rx in organizations._term_body_res()]
    pairs.append((organizations._UNIVERSITY, ("大学", "学院")))
    found = 0
    for rx, words in pairs:
        whole = [m.span() for m in rx.finditer(_TEXT)]
        assert [m.span() for m in scan.finditer(rx, words)] == whole, rx.pattern[:40]
        found += len(whole)
    assert found >= 10
