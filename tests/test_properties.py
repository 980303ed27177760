"""Property-based tests (hypothesis) over the normaliser, the extractors and the reader:
no exception on any Unicode string; every reported span slices back, in the original
text, to what the fact claims; normalising is idempotent; offsets stay in range."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.extract import goal_lists, goals
from kg.extract.line_index import LineIndex
from kg.pipeline import extract
from kg.text.document import normalise
from kg.text.reading import decode
from kg.text.script import convert

# text that looks like the genre: Chinese, titles, names, digits of both widths, the
# punctuation and spaces the normaliser rewrites, line ends of every kind, traditional forms
_PIECES = ["省", "县", "市", "人大", "政协", "第十四届", "二次会议", "开幕", "主持会议", "出席", "作政府工作报告",
           "省委书记", "大会执行主席", "唐", "欧阳", "明远", "周德海", "孙立平", "林小川", "记者", "摄", "本报讯",
           "（", "）", "(", ")", "，", "。", "、", "：", "；", "“", "”", "·", " ", "\u3000", "\u00a0", "\t", "\n",
           "\r\n", "\r", "１", "２", "3", "月", "日", "年", "应出席代表", "人", "出席", "缺席", "一是", "二是",
           "（下转04版）", "會議", "開幕", "主席團", "於", "乾", "a", "B", "%", "．", "５％"]
genre_text = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
any_text = st.text(max_size=200)
texts = st.one_of(any_text, genre_text, st.tuples(genre_text, any_text, genre_text).map("".join))

# derandomized: CI sees the same examples every run (no flaky finds); search wider locally with
# a hypothesis profile of more examples
_SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(texts)
def test_normalise_never_fails_and_its_offsets_point_into_the_original(text):
    doc = normalise(text)
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets[-1] == len(text)
    assert all(0 <= o <= len(text) for o in doc.offsets)
    assert doc.offsets[:-1] == sorted(doc.offsets[:-1])


@_SETTINGS
@given(texts)
@example("0000000000000000000㐀\n㐀\n㐀")  # found by hypothesis
def test_normalising_is_idempotent(text):
    once = normalise(text).text
    assert normalise(once).text == once


def _claims(facts) -> list[tuple[tuple[int, int], str | None]]:
    """(span, the text it must show or None) of every fact and mention."""
    out = []
    for p in facts.people.values():
        out += [(s, p.name) for s in p.spans]
    for o in facts.organizations.values():
        out += [(s, None) for s in o.spans]
    for m in facts.meetings.values():
        out += [(s, None) for s in m.spans]
    for spans in facts.places.values():
        out += [(s, None) for s in spans]
    for group in (facts.roles, facts.participations, facts.reports, facts.attendance, facts.goals, facts.credits):
        out += [(f.span, None) for f in group]
    return out


@_SETTINGS
@given(texts)
def test_extractors_never_fail_and_every_span_slices_back(text):
    doc = normalise(text)
    facts = extract(doc)
    for (a, b), claimed in _claims(facts):
        assert 0 <= a <= b <= len(doc.text)
        oa, ob = doc.original_span(a, b)
        assert 0 <= oa <= ob <= len(text)
        if claimed is not None:
            # the normalised span says the name; the original span is that name as written
            assert doc.text[a:b] == claimed
            written = "".join(ch for ch in text[oa:ob] if not ch.isspace())
            assert convert(written) == convert(claimed)  # the same characters, perhaps traditional


@_SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_are_text_or_a_one_line_refusal(data):
    try:
        got = decode(data, "x.txt")
    except KgError as exc:
        msg = str(exc)
        assert msg.startswith("x.txt: ") and "\n" not in msg
    else:
        assert got.text.strip()


@_SETTINGS
@given(texts)
def test_t2s_keeps_every_position(text):
    assert len(convert(text)) == len(text)


# sentences that open alike, with a speaker, or not at all, so runs and their breaks are common
_SENTENCES = ["要进一步统一认识。", "要进一步压实责任，形成合力。", "要加快建设。", "甲某强调，要进一步突出重点。",
              "会议听取了汇报。", "会议指出，形势向好。", "要。", "要进", "。", "乙某说，要抓好落实！", "\n"]
paragraphs = st.lists(st.sampled_from(_SENTENCES), max_size=40).map("".join)


def _sentence_lists_by_brute_force(doc):
    """The parallel-sentence lists as first written: every run's opening recomputed from all
    its sentences (cubic in a run's length), the reference the linear version must equal."""
    def common(strings):
        first = min(strings, key=len)
        n = 0
        while n < len(first) and all(x[n] == first[n] for x in strings):
            n += 1
        return first[:n]

    text, out = doc.text, []
    for pa, pb in doc.paragraphs():
        if pb <= doc.body_start:
            continue
        sents = [(pa + m.start(), pa + m.end()) for m in re.finditer(r"[^。！？]+[。！？]?", text[pa:pb])]
        i = 1
        while i < len(sents):
            j = i + 1
            while j < len(sents) and len(common([text[s:e] for s, e in sents[i:j + 1]])) >= 2:
                j += 1
            prefix = common([text[s:e] for s, e in sents[i:j]]) if j - i >= 2 else ""
            prefix = re.split(r"[，、；“]", prefix)[0]
            if len(prefix) < 2 or goal_lists._SPEECH.match(text[sents[i][0]:sents[i][1]]):
                i += 1
                continue
            s0, e0 = sents[i - 1]
            k = text.find(prefix, s0, e0)
            run = sents[i:j]
            if k == s0 or (k > s0 and text[k - 1] in "，："):
                run = [(k, e0)] + run
            if len(run) >= 3:
                out.append(([goal_lists._trim(text, s, e) for s, e in run], text.rfind("\n", 0, run[0][0]) + 1, prefix))
            i = j
    return out


@_SETTINGS
@given(paragraphs)
def test_parallel_sentence_lists_equal_the_brute_force_reference(body):
    doc = normalise("虚构新闻标题\n\n" + body)
    got = [(lst.items, lst.cue[0], lst.lead) for lst in goal_lists._sentence_lists(doc, LineIndex(doc.text))]
    assert got == _sentence_lists_by_brute_force(doc)


@_SETTINGS
@given(st.one_of(texts, st.lists(st.sampled_from(["要", "要求", "2030年", "2031年代", "年", "5", "过去", "的",
                                                  "一年", "今年", "取得了", "成绩", "新", "做了", "，", "\n"]),
                                 max_size=80).map("".join)))
def test_cue_matches_found_per_line_equal_a_search_of_the_cue(text):
    ix = LineIndex(text)
    patterns = [goals._TASK, goals._ACHIEVEMENT, goals._WORK] + [rx for rx, _ in goals._YEARS]
    for pos in range(len(text) + 1):
        assert ix.line_start(pos) == text.rfind("\n", 0, pos) + 1
        assert ix.line_end(pos) == (text.find("\n", pos) if "\n" in text[pos:] else len(text))
        a = ix.line_start(pos)
        for rx in patterns:
            want = [(a + m.start(), a + m.end()) for m in rx.finditer(text[a:pos])]
            for n in (1, 2):
                assert [m.span() for m in ix.last_matches(rx, a, pos, n)] == want[-n:]
        assert ix.occurs("要求", a, pos) == ("要求" in text[a:pos])
