"""Extractors: small functions, each finding one kind of fact in a Document.

Each takes the Document, the shared Context (province, year, lexicon) and the
ArticleFacts gathered so far, and adds its facts with their spans. `PIPELINE` fixes
the order: later extractors read what earlier ones found (people before roles,
meetings before participation).
"""

#: the second-opinion taggers a build can ask for (kg.extract.second_opinion); here, where
#: the CLI reads it without importing the extractors
TAGGERS = ("lac",)
