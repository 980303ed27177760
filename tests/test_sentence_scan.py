"""Patterns read only in the sentences holding their words find what the whole text gives
(invented sentences, invented bodies)."""

from __future__ import annotations

from kg.extract import organizations
from kg.extract.sentence_scan import SentenceScan, sentences

_TEXT = ("来源：绿江日报\n本报讯 绿江市第十五届人民代表大会常务委员会昨日召开。省十三届人大常委会、十二届省政协常委会出席。"
         "绿江高新区管委会与绿江某某科技股份有限公司签约，绿江师范大学、青山职业技术学院参加。\n"
         "据绿江晚报报道，绿江市中级人民法院青山分院和矿区人民检察院，《青报》记者，自治区政协十三届常委会。"
         "绿江广播电视台、绿江网讯。长沙市委、株洲市人民政府和湘潭市中级人民法院")


def _scan_matches_whole(text, pairs) -> int:
    """Asserts each pattern finds by sentence what it finds in the whole text; the matches found."""
    scan = SentenceScan(text)
    found = 0
    for rx, words in pairs:
        whole = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in scan.finditer(rx, words)] == whole, rx.pattern[:40]
        found += len(whole)
    return found


def test_sentences_are_cut_at_full_stops_and_line_ends_and_keep_them():
    text = "甲乙。丙届丁\n戊届。己"
    assert sentences(text, "届") == [(3, 7), (7, 10)]
    assert [text[a:b] for a, b in sentences(text, "己")] == ["己"]
    assert sentences(text, "庚") == []


def test_organisation_patterns_by_sentence_are_the_whole_texts():
    pairs = [(rx, words) for rx, _g, _c, words, by_sentence in organizations._PATTERNED if by_sentence]
    pairs += [(rx, ("届",)) for rx in organizations._term_body_res()]
    pairs.append((organizations._UNIVERSITY, ("大学", "学院")))
    pairs.append(organizations._city_body_re())
    assert _scan_matches_whole(_TEXT, pairs) >= 10


def test_meeting_patterns_by_sentence_are_the_whole_texts():
    from kg.extract import meeting_names

    text = ("绿江市第三次文化工作推进会昨日召开，全市农业农村工作会议在青山举行。\n"
            "学习贯彻党的十九届二中、三中、四中全会精神，十九届五中、六中全会以来，"
            "全省安全生产电视电话会议上午隆重开幕。中共十八届三中全会\n省政协座谈会闭幕")
    pairs = [(rx, words) for rx, words in zip(meeting_names._CONTEXTUAL, meeting_names._CONTEXTUAL_WORDS, strict=True)
             if words is not None]
    pairs.append((meeting_names._PLENUM_LIST, ("中全会",)))
    assert _scan_matches_whole(text, pairs) >= 4
