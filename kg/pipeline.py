"""Text -> facts -> graph for one article: the per-article function everything else calls."""

from __future__ import annotations

from rdflib import Graph

from kg.extract import (
    attendance,
    context,
    credits,
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

#: extractors in the order they run; each reads what the earlier ones found
PIPELINE = (
    meetings.extract,
    organizations.extract,
    people.extract,
    roles.extract,
    credits.extract,
    participation.extract,
    reports.extract,
    attendance.extract,
    goals.extract,
)


def extract(doc: Document) -> ArticleFacts:
    """All facts of a normalised article."""
    ctx = context.analyse(doc)
    facts = ArticleFacts()
    for step in PIPELINE:
        step(doc, ctx, facts)
    return facts


def build_article(text: str, source: str = "", meta: dict | None = None,
                  graph: Graph | None = None) -> tuple[Document, ArticleFacts, Graph]:
    """Normalise, extract and map one article; returns the document, its facts and graph."""
    doc = normalise(text, source=source, meta=meta)
    facts = extract(doc)
    return doc, facts, to_graph(doc, facts, graph)
