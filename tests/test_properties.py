"""Property-based tests (hypothesis) over the normaliser, the extractors and the reader:
no exception on any Unicode string; every reported span slices back, in the original
text, to what the fact claims; normalising is idempotent; offsets stay in range."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.document import normalise
from kg.errors import KgError
from kg.pipeline import extract
from kg.reading import decode
from kg.script import convert

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


@pytest.mark.xfail(strict=True, reason=(
    "lead (kg/document.py _rejoin): a line under 20 characters is not rejoined, but once the break "
    "before it is rejoined the joined line is longer, so a second pass joins again"))
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
