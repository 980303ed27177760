"""An article's text as NIF nodes: the provenance every fact of kg points at.

The article is a nif:Context holding its original text (nif:isString); each span a fact
or a mention rests on is a nif:OffsetBasedString with its offsets in that original text
(nif:beginIndex / nif:endIndex), its characters (nif:anchorOf), the nif:Sentence it lies
in (nif:sentence) and its article (nif:referenceContext). Spans are named by their
offsets (kg.rdf.iri.span_term), so one span is one node however many facts cite it.

Extractors give spans in the normalised text (kg.text.document); they are turned into
offsets of the original here, which is what the graph records. kg.rdf.mapping writes the
facts on top of these nodes.
"""

from __future__ import annotations

from kg.extract.facts import Span
from kg.rdf import iri
from kg.rdf.terms import T, Triple, lit, nonneg, u
from kg.text.document import Document, is_cjk


class Spans:
    """The NIF nodes of one article, each described once, collected in `out` as N-Triples
    term strings."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._iri = str(iri.article(doc.digest))  # a str formats faster than a URIRef (a span term each)
        self.article = u(self._iri)
        self.out: set[Triple] = set()
        self.add = self.out.add
        self._spans: set[str] = set()  # span nodes already described
        self._sentences: dict[tuple[int, int], str] = {}  # sentence bounds -> its node

    def context(self) -> None:
        """The article as the nif:Context of its spans: its whole original text."""
        add, art, original = self.add, self.article, self.doc.original
        add((art, T.type, T.Context))
        add((art, T.isString, lit(original)))
        add((art, T.beginIndex, nonneg(0)))
        add((art, T.endIndex, nonneg(len(original))))

    def _offsets(self, node: str, a: int, b: int) -> None:
        add = self.add
        add((node, T.type, T.OffsetBasedString))
        add((node, T.beginIndex, nonneg(a)))
        add((node, T.endIndex, nonneg(b)))
        add((node, T.anchorOf, lit(self.doc.original[a:b])))
        add((node, T.referenceContext, self.article))

    def span(self, span: Span) -> str:
        """The node of a normalised span, with offsets in the original text and its sentence."""
        a, b = self.doc.original_span(*span)
        node = iri.span_term(self._iri, a, b)
        if node not in self._spans:
            self._spans.add(node)
            self._offsets(node, a, b)
        # always: the span may already exist as a sentence node (a whole caption line)
        self.add((node, T.sentence, self.sentence(span[0])))
        return node

    def sentence(self, pos: int) -> str:
        """The node of the sentence holding normalised position `pos`."""
        bounds = self.doc.sentence_bounds(pos)
        node = self._sentences.get(bounds)
        if node is None:  # described once per sentence, however many spans lie in it
            a, b = self.doc.original_span(*bounds)
            node = self._sentences[bounds] = iri.span_term(self._iri, a, b)
            self.add((node, T.type, T.Sentence))
            self._offsets(node, a, b)
        return node

    def written(self, span: Span) -> str:
        """The span as the article writes it: the original's ideographs (a traditional
        spelling stays traditional), the normalised text's everything else.

        Not the bare original slice: that would also keep the spaces padding short names
        (王  勇), line breaks, control and full-width characters the normaliser removed,
        none of which is another spelling of the name.
        """
        doc = self.doc
        text, original, offsets = doc.text, doc.original, doc.offsets
        out = []
        for k in range(span[0], span[1]):
            t, o = text[k], original[offsets[k]]
            out.append(o if o != t and is_cjk(o) and is_cjk(t) else t)
        return "".join(out)
