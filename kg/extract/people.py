"""Extractor: people (being written)."""


def extract(doc, ctx, facts) -> None:
    return None
