"""Facts -> RDF: the one mapping from extracted facts to triples.

Shape of the graph (see ontology/kg.ttl for definitions):
- entities: schema:Person, org:Organization, kg:Meeting, schema:Place, org:Role, each with
  schema:name (and skos:altLabel for the forms written in the article);
- facts: kg:Participation, org:Membership, kg:Report, kg:Attendance, kg:GoalList / kg:Goal,
  kg:Credit; each has kg:article and kg:evidence -> a span;
- spans: nif:OffsetBasedString with nif:beginIndex / nif:endIndex in the original text,
  nif:anchorOf, nif:sentence and nif:referenceContext (the article, a nif:Context);
  a mention span points at its entity with itsrdf:taIdentRef;
- the article: schema:NewsArticle with its text, hash, headline (metadata `title`, else
  the first line), and the metadata it came with (url, publisher, identifier, date).

The mapper writes N-Triples terms as strings (`<iri>`, `"literal"^^<type>`), spelled
exactly as rdflib's N-Triples serializer spells them: `triples()` is the fast path the
corpus build uses (no rdflib Graph per article; an rdflib Graph and its three indexes
cost more than all the extractors), `to_graph()` the rdflib view for tests and small uses.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph
from rdflib.namespace import RDF, SKOS, XSD

from kg.extract.facts import ArticleFacts, Span
from kg.rdf import iri
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA
from kg.text.document import Document, is_cjk
from kg.text.script import convert as t2s

PREFIXES = {
    "kg": KG._NS,
    "kgr": iri.KGR,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "skos": SKOS,
    "xsd": XSD,
}

Triple = tuple[str, str, str]


def u(term: object) -> str:
    """An IRI as an N-Triples term: `<iri>`."""
    return f"<{term}>"


def lit(text: str) -> str:
    """A plain string literal as an N-Triples term, escaped as rdflib's N-Triples writer does."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{escaped}"'


_INTEGER = f"^^<{XSD.integer}>"
_NNI = f"^^<{XSD.nonNegativeInteger}>"
_DATE = f"^^<{XSD.date}>"


def integer(n: int) -> str:
    """An xsd:integer literal term."""
    return f'"{int(n)}"{_INTEGER}'


def nonneg(n: int) -> str:
    """An xsd:nonNegativeInteger literal term."""
    return f'"{int(n)}"{_NNI}'


def date(iso: str) -> str:
    """An xsd:date literal term of an ISO date string (kept as written)."""
    return lit(iso) + _DATE


#: characters an IRI may not hold literally (RFC 3987 / N-Triples IRIREF)
_IRI_UNSAFE = set('<>"{}|\\^` ') | {chr(c) for c in range(0x21)}


def url(text: str) -> str:
    """A URL given as metadata as an IRI term; characters an IRI may not hold are %-escaped."""
    return u("".join("".join(f"%{b:02X}" for b in ch.encode("utf-8")) if ch in _IRI_UNSAFE else ch
                     for ch in text.strip()))


class _T:
    """Every term the mapper writes, as N-Triples strings (resolved once, not per triple)."""

    type = u(RDF.type)
    Context, Sentence, OffsetBasedString = u(NIF.Context), u(NIF.Sentence), u(NIF.OffsetBasedString)
    beginIndex, endIndex, anchorOf = u(NIF.beginIndex), u(NIF.endIndex), u(NIF.anchorOf)
    referenceContext, sentence, isString = u(NIF.referenceContext), u(NIF.sentence), u(NIF.isString)
    taIdentRef = u(ITSRDF.taIdentRef)
    altLabel, prefLabel, notation, Concept = u(SKOS.altLabel), u(SKOS.prefLabel), u(SKOS.notation), u(SKOS.Concept)
    name, headline, url, identifier = u(SCHEMA.name), u(SCHEMA.headline), u(SCHEMA.url), u(SCHEMA.identifier)
    datePublished, publisher, about = u(SCHEMA.datePublished), u(SCHEMA.publisher), u(SCHEMA.about)
    author, contributor = u(SCHEMA.author), u(SCHEMA.contributor)
    Person, Place, NewsArticle = u(SCHEMA.Person), u(SCHEMA.Place), u(SCHEMA.NewsArticle)
    NewsMediaOrganization = u(SCHEMA.NewsMediaOrganization)
    Organization, Membership, Role = u(ORG.Organization), u(ORG.Membership), u(ORG.Role)
    member, role, organization = u(ORG.member), u(ORG.role), u(ORG.organization)
    actedOnBehalfOf = u(PROV.actedOnBehalfOf)


def _kg(name: str) -> str:
    return u(KG[name])


_KIND_CLASS = {
    "presided": "ParticipationKind",
    "attended": "ParticipationKind",
    "reported": "ParticipationKind",
    "spoke": "ParticipationKind",
    "task": "GoalKind",
    "achievement": "GoalKind",
    "work": "GoalKind",
    "reporter": "CreditKind",
    "photographer": "CreditKind",
}
#: kind -> (its IRI term, the triples that define it)
_KINDS = {
    kind: (_kg(kind), ((_kg(kind), _T.type, _kg(cls)), (_kg(kind), _T.type, _T.Concept),
                       (_kg(kind), _T.notation, lit(kind))))
    for kind, cls in _KIND_CLASS.items()
}
#: where an article-level value came from: ValueSource concept -> its notation
_SOURCE_NOTATION = {"statedInMetadata": "metadata", "inferredFromText": "inferred"}
_SOURCES = {
    notation: (_kg(concept), ((_kg(concept), _T.type, _kg("ValueSource")), (_kg(concept), _T.type, _T.Concept),
                              (_kg(concept), _T.notation, lit(notation))))
    for concept, notation in _SOURCE_NOTATION.items()
}
K = {name: _kg(name) for name in (
    "Meeting Participation Report Attendance GoalList Goal Credit roleLabel body term session date city venue "
    "participant meeting kind presenter onBehalfOf title expected present absent inList ordinal year text about "
    "creditedTo creditKind creditOrganization evidence article province provinceSource sourcePath contentHash").split()}


def _headline(doc: Document, facts: ArticleFacts) -> str:
    """The main title: the headline line naming the main meeting (a 引题 often comes first),
    else the first line."""
    lines = doc.headline.split("\n") if doc.body_start else []
    main = facts.main_meeting
    if main is not None:
        for a, b in main.spans:
            if a < doc.body_start:
                start = doc.text.rfind("\n", 0, a) + 1
                end = doc.text.find("\n", b)
                return doc.text[start:end if end >= 0 else len(doc.text)].strip()
    return (lines[0] if lines else doc.text.split("\n", 1)[0]).strip()


class _Mapper:
    """Collects the triples of one article as N-Triples term strings."""

    def __init__(self, doc: Document, facts: ArticleFacts) -> None:
        self.doc, self.facts = doc, facts
        self.article = u(iri.article(doc.digest))
        self.out: set[Triple] = set()
        self.add = self.out.add
        self._spans: set[str] = set()  # span nodes already described
        self._sentences: set[str] = set()
        self._names: dict[str, str] = {}  # entity term -> its schema:name

    # -- provenance -------------------------------------------------------------------
    def _offsets(self, node: str, a: int, b: int) -> None:
        add = self.add
        add((node, _T.type, _T.OffsetBasedString))
        add((node, _T.beginIndex, nonneg(a)))
        add((node, _T.endIndex, nonneg(b)))
        add((node, _T.anchorOf, lit(self.doc.original[a:b])))
        add((node, _T.referenceContext, self.article))

    def span(self, span: Span) -> str:
        """The node of a normalised span, with offsets in the original text and its sentence."""
        a, b = self.doc.original_span(*span)
        node = f"<{self.article[1:-1]}#char={a},{b}>"
        if node not in self._spans:
            self._spans.add(node)
            self._offsets(node, a, b)
        # always: the span may already exist as a sentence node (a whole caption line)
        self.add((node, _T.sentence, self.sentence(span[0])))
        return node

    def sentence(self, pos: int) -> str:
        s, e = self.doc.sentence_bounds(pos)
        a, b = self.doc.original_span(s, e)
        node = f"<{self.article[1:-1]}#char={a},{b}>"
        if node not in self._sentences:
            self._sentences.add(node)
            self.add((node, _T.type, _T.Sentence))
            self._offsets(node, a, b)
        return node

    def mention(self, entity: str, span: Span) -> None:
        node = self.span(span)
        self.add((node, _T.taIdentRef, entity))
        written = self.written(span)
        name = self._names.get(entity)
        if written and name is not None and written != name:
            self.add((entity, _T.altLabel, lit(written)))

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

    def fact(self, node: str, cls: str, span: Span) -> str:
        self.add((node, _T.type, cls))
        self.add((node, K["article"], self.article))
        self.add((node, K["evidence"], self.span(span)))
        return node

    def kind(self, name: str) -> str:
        node, triples = _KINDS[name]
        self.out.update(triples)
        return node

    def source(self, name: str) -> str:
        """The ValueSource concept `name` (where an article-level value came from), defined once."""
        node, triples = _SOURCES[name]
        self.out.update(triples)
        return node

    # -- entities ---------------------------------------------------------------------
    def entity(self, node: str, cls: str, name: str) -> str:
        self.add((node, _T.type, cls))
        self.add((node, _T.name, lit(name)))
        self._names.setdefault(node, name)
        return node

    def person(self, name: str) -> str:
        return self.entity(u(iri.person(name)), _T.Person, name)

    def org(self, name: str, cls: str | None = None) -> str:
        if cls is None:
            cls = self.facts.organizations[name].cls if name in self.facts.organizations else "body"
        node = self.entity(u(iri.organization(name)), _T.Organization, name)
        if cls == "media":
            self.add((node, _T.type, _T.NewsMediaOrganization))
        return node

    def meeting(self, name: str) -> str:
        # a meeting with no term or session (国务院常务会议) recurs: its date tells one sitting
        # from the next, so it joins the IRI
        m = self.facts.meetings.get(name)
        date = m.date if m is not None and m.term is None and m.session is None else None
        return self.entity(u(iri.meeting(name, date)), K["Meeting"], name)

    def place(self, name: str) -> str:
        return self.entity(u(iri.place(name)), _T.Place, name)

    # -- the article ------------------------------------------------------------------
    def run(self) -> set[Triple]:
        f, doc, add = self.facts, self.doc, self.add
        art = self.article
        add((art, _T.type, _T.NewsArticle))
        add((art, _T.type, _T.Context))
        add((art, K["contentHash"], lit(doc.digest)))
        add((art, _T.isString, lit(doc.original)))
        add((art, _T.beginIndex, nonneg(0)))
        add((art, _T.endIndex, nonneg(len(doc.original))))
        self.map_metadata()

        for p in f.people.values():
            node = self.person(p.name)
            for s in p.spans:
                self.mention(node, s)
        for o in f.organizations.values():
            node = self.org(o.name)
            for s in o.spans:
                self.mention(node, s)
        for name, spans in f.places.items():
            node = self.place(name)
            for s in spans:
                self.mention(node, s)
        for m in f.meetings.values():
            self.map_meeting(m)
        for r in f.roles:
            self.map_role(r)
        for p in f.participations:
            node = self.fact(u(iri.fact("participation", p.person, p.kind, p.meeting)), K["Participation"], p.span)
            add((node, K["participant"], self.person(p.person)))
            add((node, K["kind"], self.kind(p.kind)))
            add((node, K["meeting"], self.meeting(p.meeting)))
        for r in f.reports:
            node = self.fact(u(iri.report(r.title, r.presenter, r.meeting)), K["Report"], r.span)
            if r.title:  # an untitled report (丁某作报告) has none
                add((node, K["title"], lit(r.title)))
            if r.presenter:
                add((node, K["presenter"], self.org(r.presenter) if r.presenter_is_org else self.person(r.presenter)))
            if r.on_behalf_of:
                body = self.org(r.on_behalf_of)
                add((node, K["onBehalfOf"], body))
                if r.presenter and not r.presenter_is_org:
                    add((self.person(r.presenter), _T.actedOnBehalfOf, body))
            if r.meeting:
                add((node, K["meeting"], self.meeting(r.meeting)))
        for a in f.attendance:
            # the span too: one meeting's sittings each give their counts
            node = self.fact(u(iri.fact("attendance", a.meeting, doc.digest, *a.span)), K["Attendance"], a.span)
            add((node, K["meeting"], self.meeting(a.meeting)))
            for prop, value in (("expected", a.expected), ("present", a.present), ("absent", a.absent)):
                if value is not None:
                    add((node, K[prop], integer(value)))
        self.map_goals()
        for c in f.credits:
            node = self.fact(u(iri.fact("credit", c.person, c.kind, c.organization, doc.digest)), K["Credit"], c.span)
            add((node, K["creditedTo"], self.person(c.person)))
            add((node, K["creditKind"], self.kind(c.kind)))
            if c.organization:
                add((node, K["creditOrganization"], self.org(c.organization)))
            add((art, _T.author if c.kind == "reporter" else _T.contributor, self.person(c.person)))
        return self.out

    def map_metadata(self) -> None:
        """The article's headline, source path and the metadata its input gave (JSONL fields)."""
        add, doc, art = self.add, self.doc, self.article
        meta = doc.meta
        # a title given with the article beats the first line of its text
        headline = " ".join(str(meta.get("title") or "").split()) or _headline(doc, self.facts)
        if headline:
            add((art, _T.headline, lit(headline)))
        if doc.source:
            add((art, K["sourcePath"], lit(doc.source)))
        if meta.get("date"):
            add((art, _T.datePublished, date(meta["date"])))
        if self.facts.province:
            add((art, K["province"], lit(self.facts.province)))
            # a province read off the text's mentions is a guess: say so, apart from a stated one
            add((art, K["provinceSource"], self.source("metadata" if self.facts.province_stated else "inferred")))
        if meta.get("url"):
            add((art, _T.url, url(str(meta["url"]))))
        if meta.get("id"):
            add((art, _T.identifier, lit(str(meta["id"]))))
        given = " ".join(str(meta.get("source") or "").split())
        # the publication: one node by its simplified name, like any body the text names
        # (OpenCC's character mapping, not to_simplified: a short name is no evidence of its script)
        if given:
            publisher = self.org(t2s(given), "media")
            add((art, _T.publisher, publisher))
            if given != self._names[publisher]:
                add((publisher, _T.altLabel, lit(given)))

    def map_meeting(self, m) -> None:
        add = self.add
        node = self.meeting(m.name)
        for s in m.spans:
            self.mention(node, s)
        if m.body:
            add((node, K["body"], self.org(m.body)))
        if m.term is not None:
            add((node, K["term"], integer(m.term)))
        if m.session is not None:
            add((node, K["session"], integer(m.session)))
        if m.date:
            add((node, K["date"], date(m.date)))
        if m.city:
            add((node, K["city"], self.place(m.city)))
        if m.venue:
            add((node, K["venue"], self.place(m.venue)))
        if m.main:
            add((self.article, _T.about, node))

    def map_role(self, r) -> None:
        add = self.add
        node = self.fact(u(iri.fact("membership", r.person, r.title, r.organization)), _T.Membership, r.span)
        add((node, _T.member, self.person(r.person)))
        role = u(iri.role(r.title))
        add((role, _T.type, _T.Role))
        add((role, _T.prefLabel, lit(r.title)))
        add((node, _T.role, role))
        add((node, K["roleLabel"], lit(r.title)))
        if r.organization:
            add((node, _T.organization, self.org(r.organization)))
        if r.meeting:
            add((node, K["meeting"], self.meeting(r.meeting)))
        # the article's date (metadata, else the reported sitting) dates the post
        main = self.facts.main_meeting
        when = self.doc.meta.get("date") or (main.date if main else None)
        if when:
            add((node, K["date"], date(when)))

    def map_goals(self) -> None:
        add, doc = self.add, self.doc
        lists_done = set()
        for goal in self.facts.goals:
            lst = u(iri.goal_list(doc.digest, goal.list_index))
            if goal.list_index not in lists_done:
                lists_done.add(goal.list_index)
                add((lst, _T.type, K["GoalList"]))
                add((lst, K["article"], self.article))
                add((lst, K["kind"], self.kind(goal.kind)))
                if goal.about:
                    about = (u(iri.report(goal.about, *self._report_key(goal.about))) if goal.about_is_report
                             else self.meeting(goal.about))
                    add((lst, K["about"], about))
            node = self.fact(u(iri.goal(doc.digest, goal.list_index, goal.ordinal)), K["Goal"], goal.span)
            add((node, K["inList"], lst))
            add((node, K["ordinal"], integer(goal.ordinal)))
            add((node, K["kind"], self.kind(goal.kind)))
            add((node, K["text"], lit(doc.text[goal.span[0]:goal.span[1]])))
            if goal.year is not None:
                add((node, K["year"], integer(goal.year)))

    def _report_key(self, title: str) -> tuple[str | None, str | None]:
        for r in self.facts.reports:
            if r.title == title:
                return r.presenter, r.meeting
        return None, None


def triples(doc: Document, facts: ArticleFacts) -> set[Triple]:
    """The article's triples as (subject, predicate, object) N-Triples term strings."""
    return _Mapper(doc, facts).run()


def ntriples(triples_: Iterable[Triple]) -> list[str]:
    """Sorted, distinct N-Triples lines (`s p o .` and a newline): the order shards and the merge use."""
    return sorted({f"{s} {p} {o} .\n" for s, p, o in triples_})


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def to_graph(doc: Document, facts: ArticleFacts, graph: Graph | None = None) -> Graph:
    """The RDF graph of one article's facts (added to `graph` when given); returns it."""
    g = graph if graph is not None else new_graph()
    g.parse(data="".join(ntriples(triples(doc, facts))), format="nt")
    return g
