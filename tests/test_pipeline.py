"""The extractor contract: the context is frozen, each step declares what it reads and what
it adds, the order satisfies every need, and no step writes what it does not declare."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest

from kg.extract import context
from kg.extract.facts import ArticleFacts
from kg.pipeline import CONTEXT_ADDS, PIPELINE, Step, check_order, extract
from kg.rdf.mapping import to_graph
from kg.rdf.namespace import KG, SKOS
from kg.text.document import normalise

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "provincial-congress-opening.txt"


def test_the_pipeline_order_satisfies_every_need() -> None:
    check_order(PIPELINE)
    known = set(CONTEXT_ADDS)
    for step in PIPELINE:
        assert set(step.needs) <= known, step.name
        known |= set(step.adds)


def test_a_step_before_what_it_needs_is_refused() -> None:
    by_name = {s.name: s for s in PIPELINE}
    swapped = (by_name["roles"], by_name["people"])  # roles read the people
    with pytest.raises(ValueError, match="roles needs people"):
        check_order(swapped)
    with pytest.raises(ValueError, match="needs nothing_adds_this"):
        check_order((Step("x", None, ("nothing_adds_this",), ()),))


def _snapshot(facts: ArticleFacts) -> dict[str, object]:
    return {f.name: copy.deepcopy(getattr(facts, f.name)) for f in dataclasses.fields(facts)}


def test_no_step_writes_what_it_does_not_declare() -> None:
    doc = normalise(EXAMPLE.read_text(encoding="utf-8"))
    ctx = context.analyse(doc)
    facts = context.new_facts(ctx)
    wrote: dict[str, set[str]] = {}
    for step in PIPELINE:
        before = _snapshot(facts)
        step.run(doc, ctx, facts)
        after = _snapshot(facts)
        changed = {k for k in before if before[k] != after[k]}
        assert changed <= set(step.adds), f"{step.name} wrote {sorted(changed - set(step.adds))}"
        wrote[step.name] = changed
    # the example exercises most steps: the check above is not vacuous
    assert {"meetings", "people", "roles", "participations", "reports", "attendance", "goals"} <= set().union(*wrote.values())


def test_the_context_is_frozen_and_the_metadata_untouched() -> None:
    meta = {"title": "某标题"}
    doc = normalise("本报讯 省十四届人大三次会议在兰州开幕。甘肃省省长周明远作报告。", meta=meta)
    ctx = context.analyse(doc)
    with pytest.raises(dataclasses.FrozenInstanceError):
        ctx.year = 2001  # type: ignore[misc]
    facts = extract(doc)
    assert doc.meta == {"title": "某标题"} and meta == {"title": "某标题"}
    assert facts.province == "甘肃省" and not facts.province_stated


def _province_source(meta: dict | None) -> tuple[str | None, str | None]:
    doc = normalise("本报讯 省十四届人大三次会议在兰州开幕，甘肃省省长周明远作报告。", meta=meta)
    g = to_graph(doc, extract(doc))
    rows = list(g.query("SELECT ?p ?n WHERE { ?a kg:province ?p ; kg:provinceSource/skos:notation ?n }",
                        initNs={"kg": KG, "skos": SKOS}))
    assert len(rows) <= 1
    return (str(rows[0][0]), str(rows[0][1])) if rows else (None, None)


def test_a_guessed_province_is_marked_inferred_and_a_stated_one_is_not() -> None:
    assert _province_source(None) == ("甘肃省", "inferred")
    assert _province_source({"province": "甘肃省"}) == ("甘肃省", "metadata")


def test_a_national_sessions_year_goes_on_the_facts_not_the_context() -> None:
    doc = normalise("十三届全国人大三次会议22日上午在北京人民大会堂开幕。")
    facts = extract(doc)
    assert facts.year == 2020
    assert context.analyse(doc).year is None
