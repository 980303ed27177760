"""What the entity view (kg.analysis.entities) reads of a graph: its predicates, the classes
of rdf:type it keeps, and the reading of N-Triples lines the build's merge hands it."""

from __future__ import annotations

from kg.rdf import shape
from kg.rdf.namespace import SCHEMA
from kg.rdf.terms import value
from kg.text.pinyin import LANGUAGE as _PINYIN_TAG  # lower case, as stores write tags

#: a pinyin label (skos:altLabel tagged zh-Latn-pinyin) is read apart from the other written
#: forms, under this pseudo-predicate (never written to a graph)
PINYIN = "urn:kg:view:pinyin"

#: what the view reads: these predicates, and rdf:type only for the classes it draws or reads
CLASSES = frozenset(str(t.cls) for t in shape.ALL) | {str(SCHEMA.NewsArticle)}
PREDICATES = frozenset(str(p) for p in (
    shape.TYPE, shape.NAME, shape.ALT_NAME, shape.PREF_LABEL, shape.NOTATION, shape.EVIDENCE, shape.SENTENCE,
    shape.ANCHOR, SCHEMA.about, SCHEMA.headline, SCHEMA.datePublished,
    *(q for t in shape.ALL for p in t.props for q in p.predicates)))
ALT = str(shape.ALT_NAME)
TYPE = str(shape.TYPE)
#: the same as N-Triples terms in UTF-8 (the merge's lines) -> the IRI as the view keeps it
_PREDICATE_BYTES = {f"<{p}>".encode(): p for p in PREDICATES}
_CLASS_BYTES = {f"<{c}>".encode(): c for c in CLASSES}
_PINYIN_END = ("@" + _PINYIN_TAG).encode()


def wanted(predicate: str, obj: str) -> bool:
    """True for a triple the entity view reads (by its predicate, and a type's class)."""
    return predicate in PREDICATES and (predicate != TYPE or obj in CLASSES)


def view_triple(line: str | bytes) -> tuple[str, str, str] | None:
    """The (subject, predicate, object) values of an N-Triples line (text, or UTF-8 bytes)
    the entity view reads, else None (`view_triples` of one line)."""
    kept = view_triples([line.encode("utf-8") if isinstance(line, str) else line])
    return kept[0] if kept else None


def view_triples(lines: list[bytes]) -> list[tuple[str, str, str]]:
    """The (subject, predicate, object) values the entity view reads of N-Triples lines
    (UTF-8 bytes, as the merge reads them), in their order: how the build's merge hands the
    view what it holds, with no file to re-read. Called on every line of the graph: the
    lines it keeps are decoded with as few steps as `value` allows (measured: half the time
    of a call per line), and a subject once for its run of lines (they come sorted)."""
    out: list[tuple[str, str, str]] = []
    append, predicates, classes, pinyin_end = out.append, _PREDICATE_BYTES, _CLASS_BYTES, _PINYIN_END
    last, subject = b"", ""
    for line in lines:
        s, p, o = line.split(b" ", 2)
        predicate = predicates.get(p)
        if predicate is None or line[0] != 60:  # 60: "<", an IRI (blank-node subjects are not read)
            continue
        if s != last:
            last, subject = s, s[1:-1].decode("utf-8")
        o = o[:-3] if o.endswith(b" .\n") else o.rstrip().removesuffix(b" .")
        if predicate == TYPE:
            if (cls := classes.get(o)) is not None:
                append((subject, TYPE, cls))
        elif o[0] == 60:  # an IRI
            append((subject, predicate, o[1:-1].decode("utf-8")))
        elif o[0] != 34 or b"\\" in o:  # a blank node, or a literal with escapes
            append((subject, PINYIN if o[-len(pinyin_end):].lower() == pinyin_end else predicate,
                    value(o.decode("utf-8"))))
        else:  # a tag is ASCII: no need to lower the text; a quote is never inside a UTF-8 sequence
            append((subject, PINYIN if o[-len(pinyin_end):].lower() == pinyin_end else predicate,
                    o[1:o.rindex(b'"')].decode("utf-8")))
    return out
