"""Graph -> Turtle, deterministically: the same graph always gives the same bytes."""

from __future__ import annotations

from rdflib import Graph


def turtle(graph: Graph) -> bytes:
    """The graph as Turtle; subjects and predicates sorted, no blank nodes involved."""
    return graph.serialize(format="turtle", encoding="utf-8")
