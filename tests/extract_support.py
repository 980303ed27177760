"""Helpers for the extractor tests: run the whole pipeline on an invented text.

Every sentence in these tests is invented for them, with invented people; the
province is a real one so that short forms (省委, 省人大) resolve.
"""

from __future__ import annotations

from kg.extract.facts import ArticleFacts
from kg.pipeline import extract
from kg.text.document import Document, normalise

#: an opening that gives the article its province (甘肃), its main meeting and its city
GANSU_OPENING = "1月18日，省十四届人大三次会议在兰州开幕。"
GANSU_CONGRESS = "甘肃省第十四届人民代表大会第三次会议"


def run(text: str) -> tuple[Document, ArticleFacts]:
    """The normalised document of `text` and the facts the pipeline extracts from it."""
    doc = normalise(text)
    return doc, extract(doc)


def roles_of(facts: ArticleFacts, person: str) -> set[str]:
    """The role titles (as written) the facts give `person`."""
    return {r.title for r in facts.roles if r.person == person}


def parts(facts: ArticleFacts) -> set[tuple[str, str]]:
    """(person, kind) of every participation."""
    return {(p.person, p.kind) for p in facts.participations}
