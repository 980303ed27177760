"""Extractor: attendance (being written)."""


def extract(doc, ctx, facts) -> None:
    return None
