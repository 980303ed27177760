"""Text -> facts -> graph for one article: the per-article function everything else calls.

Each extractor module declares what it reads of the facts (`NEEDS`) and what it adds
(`ADDS`), as names of `ArticleFacts` fields; `check_order` proves that every need is added
by the context or an earlier step, and the tests check that no step writes what it does not
declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from rdflib import Graph

from kg.extract import (
    appointments,
    attendance,
    context,
    credits,
    dates,
    goals,
    meetings,
    organizations,
    participation,
    people,
    reports,
    roles,
)
from kg.extract.facts import ArticleFacts
from kg.rdf.mapping import to_graph
from kg.text.document import Document, normalise

#: what the context puts on the facts before any extractor runs
CONTEXT_ADDS = ("year", "province", "province_stated")


@dataclass(frozen=True)
class Step:
    """One extractor: its name, its function, what it reads and what it adds."""

    name: str
    run: object
    needs: tuple[str, ...]
    adds: tuple[str, ...]


def _step(module: ModuleType) -> Step:
    return Step(module.__name__.rsplit(".", 1)[-1], module.extract, tuple(module.NEEDS), tuple(module.ADDS))


#: extractors in the order they run
PIPELINE: tuple[Step, ...] = tuple(_step(m) for m in (
    meetings, organizations, people, appointments, roles, credits, participation, reports, attendance, goals,
    dates,
))


def check_order(steps: tuple[Step, ...] = PIPELINE) -> None:
    """Raise ValueError when a step needs a field no earlier step (or the context) adds."""
    known = set(CONTEXT_ADDS)
    for s in steps:
        missing = [n for n in s.needs if n not in known]
        if missing:
            raise ValueError(f"extractor {s.name} needs {', '.join(missing)}, which no earlier step adds")
        known.update(s.adds)


check_order()


def extract(doc: Document, tagger: str | None = None) -> ArticleFacts:
    """All facts of a normalised article (names read with the second-opinion `tagger` too
    when one is given: kg.extract.second_opinion)."""
    ctx = context.analyse(doc, tagger)
    facts = context.new_facts(ctx)
    for step in PIPELINE:
        step.run(doc, ctx, facts)
    return facts


def build_article(text: str, source: str = "", meta: dict | None = None,
                  graph: Graph | None = None, tagger: str | None = None) -> tuple[Document, ArticleFacts, Graph]:
    """Normalise, extract and map one article; returns the document, its facts and graph."""
    doc = normalise(text, source=source, meta=meta)
    facts = extract(doc, tagger)
    return doc, facts, to_graph(doc, facts, graph)
