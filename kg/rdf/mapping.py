"""Facts -> RDF: the one mapping from extracted facts to triples.

Shape of the graph (see ontology/kg.ttl for definitions):
- entities: schema:Person, org:Organization, kg:Meeting, schema:Place, org:Role, each with
  schema:name (and skos:altLabel for the forms written in the article);
- facts: kg:Participation, org:Membership, kg:Report, kg:Attendance, kg:GoalList / kg:Goal,
  kg:Credit; each has kg:article and kg:evidence -> a span;
- spans: nif:OffsetBasedString with nif:beginIndex / nif:endIndex in the original text,
  nif:anchorOf, nif:sentence and nif:referenceContext (the article, a nif:Context);
  a mention span points at its entity with itsrdf:taIdentRef.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from kg.document import Document
from kg.facts import ArticleFacts, Span
from kg.rdf import iri
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA

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

_KINDS = {
    "presided": KG.presided,
    "attended": KG.attended,
    "reported": KG.reported,
    "spoke": KG.spoke,
    "task": KG.task,
    "achievement": KG.achievement,
    "work": KG.work,
    "reporter": KG.reporter,
    "photographer": KG.photographer,
}
_KIND_CLASS = {
    "presided": KG.ParticipationKind,
    "attended": KG.ParticipationKind,
    "reported": KG.ParticipationKind,
    "spoke": KG.ParticipationKind,
    "task": KG.GoalKind,
    "achievement": KG.GoalKind,
    "work": KG.GoalKind,
    "reporter": KG.CreditKind,
    "photographer": KG.CreditKind,
}


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


class _Mapper:
    def __init__(self, doc: Document, facts: ArticleFacts, g: Graph) -> None:
        self.doc, self.facts, self.g = doc, facts, g
        self.article = iri.article(doc.digest)

    # -- provenance -------------------------------------------------------------------
    def span(self, span: Span) -> URIRef:
        """The node of a normalised span, with offsets in the original text and its sentence."""
        a, b = self.doc.original_span(*span)
        node = iri.span(self.article, a, b)
        g = self.g
        if (node, RDF.type, NIF.OffsetBasedString) not in g:
            g.add((node, RDF.type, NIF.OffsetBasedString))
            g.add((node, NIF.beginIndex, Literal(a, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.endIndex, Literal(b, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.anchorOf, Literal(self.doc.original[a:b])))
            g.add((node, NIF.referenceContext, self.article))
        # always: the span may already exist as a sentence node (a whole caption line)
        g.add((node, NIF.sentence, self.sentence(span[0])))
        return node

    def sentence(self, pos: int) -> URIRef:
        s, e = self.doc.sentence_bounds(pos)
        a, b = self.doc.original_span(s, e)
        node = iri.span(self.article, a, b)
        g = self.g
        if (node, RDF.type, NIF.Sentence) not in g:
            g.add((node, RDF.type, NIF.Sentence))
            g.add((node, RDF.type, NIF.OffsetBasedString))
            g.add((node, NIF.beginIndex, Literal(a, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.endIndex, Literal(b, datatype=XSD.nonNegativeInteger)))
            g.add((node, NIF.anchorOf, Literal(self.doc.original[a:b])))
            g.add((node, NIF.referenceContext, self.article))
        return node

    def mention(self, entity: URIRef, span: Span) -> None:
        node = self.span(span)
        self.g.add((node, ITSRDF.taIdentRef, entity))
        written = self.doc.text[span[0]:span[1]]
        name = self.g.value(entity, SCHEMA.name)
        if written and name is not None and written != str(name):
            self.g.add((entity, SKOS.altLabel, Literal(written)))

    def fact(self, node: URIRef, cls: URIRef, span: Span) -> URIRef:
        self.g.add((node, RDF.type, cls))
        self.g.add((node, KG.article, self.article))
        self.g.add((node, KG.evidence, self.span(span)))
        return node

    def kind(self, name: str) -> URIRef:
        node = _KINDS[name]
        self.g.add((node, RDF.type, _KIND_CLASS[name]))
        self.g.add((node, RDF.type, SKOS.Concept))
        self.g.add((node, SKOS.notation, Literal(name)))
        return node

    # -- entities ---------------------------------------------------------------------
    def entity(self, node: URIRef, cls: URIRef, name: str) -> URIRef:
        self.g.add((node, RDF.type, cls))
        self.g.add((node, SCHEMA.name, Literal(name)))
        return node

    def person(self, name: str) -> URIRef:
        return self.entity(iri.person(name), SCHEMA.Person, name)

    def org(self, name: str) -> URIRef:
        cls = self.facts.organizations[name].cls if name in self.facts.organizations else "body"
        node = self.entity(iri.organization(name), ORG.Organization, name)
        if cls == "media":
            self.g.add((node, RDF.type, SCHEMA.NewsMediaOrganization))
        return node

    def meeting(self, name: str) -> URIRef:
        return self.entity(iri.meeting(name), KG.Meeting, name)

    def place(self, name: str) -> URIRef:
        return self.entity(iri.place(name), SCHEMA.Place, name)

    # -- the article ------------------------------------------------------------------
    def run(self) -> None:
        g, f, doc = self.g, self.facts, self.doc
        art = self.article
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, RDF.type, NIF.Context))
        g.add((art, KG.contentHash, Literal(doc.digest)))
        g.add((art, NIF.isString, Literal(doc.original)))
        g.add((art, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((art, NIF.endIndex, Literal(len(doc.original), datatype=XSD.nonNegativeInteger)))
        headline = doc.text.split("\n", 1)[0].strip()
        if headline:
            g.add((art, SCHEMA.headline, Literal(headline)))
        if doc.source:
            g.add((art, KG.sourcePath, Literal(doc.source)))
        if doc.meta.get("date"):
            g.add((art, SCHEMA.datePublished, Literal(doc.meta["date"], datatype=XSD.date)))
        if doc.meta.get("province"):
            g.add((art, KG.province, Literal(doc.meta["province"])))

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
            node = self.fact(iri.fact("participation", p.person, p.kind, p.meeting), KG.Participation, p.span)
            g.add((node, KG.participant, self.person(p.person)))
            g.add((node, KG.kind, self.kind(p.kind)))
            g.add((node, KG.meeting, self.meeting(p.meeting)))
        for r in f.reports:
            node = self.fact(iri.report(r.title, r.presenter, r.meeting), KG.Report, r.span)
            g.add((node, KG.title, Literal(r.title)))
            if r.presenter:
                g.add((node, KG.presenter, self.org(r.presenter) if r.presenter_is_org else self.person(r.presenter)))
            if r.on_behalf_of:
                body = self.org(r.on_behalf_of)
                g.add((node, KG.onBehalfOf, body))
                if r.presenter and not r.presenter_is_org:
                    g.add((self.person(r.presenter), PROV.actedOnBehalfOf, body))
            if r.meeting:
                g.add((node, KG.meeting, self.meeting(r.meeting)))
        for a in f.attendance:
            node = self.fact(iri.fact("attendance", a.meeting, doc.digest), KG.Attendance, a.span)
            g.add((node, KG.meeting, self.meeting(a.meeting)))
            for prop, value in ((KG.expected, a.expected), (KG.present, a.present), (KG.absent, a.absent)):
                if value is not None:
                    g.add((node, prop, Literal(value, datatype=XSD.integer)))
        self.map_goals()
        for c in f.credits:
            node = self.fact(iri.fact("credit", c.person, c.kind, c.organization, doc.digest), KG.Credit, c.span)
            g.add((node, KG.creditedTo, self.person(c.person)))
            g.add((node, KG.creditKind, self.kind(c.kind)))
            if c.organization:
                g.add((node, KG.creditOrganization, self.org(c.organization)))
            if c.kind == "reporter":
                g.add((art, SCHEMA.author, self.person(c.person)))
            else:
                g.add((art, SCHEMA.contributor, self.person(c.person)))

    def map_meeting(self, m) -> None:
        g = self.g
        node = self.meeting(m.name)
        for s in m.spans:
            self.mention(node, s)
        if m.body:
            g.add((node, KG.body, self.org(m.body)))
        if m.term is not None:
            g.add((node, KG.term, Literal(m.term, datatype=XSD.integer)))
        if m.session is not None:
            g.add((node, KG.session, Literal(m.session, datatype=XSD.integer)))
        if m.date:
            g.add((node, KG.date, Literal(m.date, datatype=XSD.date)))
        if m.city:
            g.add((node, KG.city, self.place(m.city)))
        if m.venue:
            g.add((node, KG.venue, self.place(m.venue)))
        if m.main:
            g.add((self.article, SCHEMA.about, node))

    def map_role(self, r) -> None:
        g = self.g
        node = self.fact(iri.fact("membership", r.person, r.title, r.organization), ORG.Membership, r.span)
        g.add((node, ORG.member, self.person(r.person)))
        role = iri.role(r.title)
        g.add((role, RDF.type, ORG.Role))
        g.add((role, SKOS.prefLabel, Literal(r.title)))
        g.add((node, ORG.role, role))
        g.add((node, KG.roleLabel, Literal(r.title)))
        if r.organization:
            g.add((node, ORG.organization, self.org(r.organization)))
        if r.meeting:
            g.add((node, KG.meeting, self.meeting(r.meeting)))
        # the article's date (metadata, else the reported sitting) dates the post
        main = self.facts.main_meeting
        when = self.doc.meta.get("date") or (main.date if main else None)
        if when:
            g.add((node, KG.date, Literal(when, datatype=XSD.date)))

    def map_goals(self) -> None:
        g, doc = self.g, self.doc
        lists_done = set()
        for goal in self.facts.goals:
            lst = iri.goal_list(doc.digest, goal.list_index)
            if goal.list_index not in lists_done:
                lists_done.add(goal.list_index)
                g.add((lst, RDF.type, KG.GoalList))
                g.add((lst, KG.article, self.article))
                g.add((lst, KG.kind, self.kind(goal.kind)))
                if goal.about:
                    about = (iri.report(goal.about, *self._report_key(goal.about)) if goal.about_is_report
                             else self.meeting(goal.about))
                    g.add((lst, KG.about, about))
            node = self.fact(iri.goal(doc.digest, goal.list_index, goal.ordinal), KG.Goal, goal.span)
            g.add((node, KG.inList, lst))
            g.add((node, KG.ordinal, Literal(goal.ordinal, datatype=XSD.integer)))
            g.add((node, KG.kind, self.kind(goal.kind)))
            g.add((node, KG.text, Literal(doc.text[goal.span[0]:goal.span[1]])))
            if goal.year is not None:
                g.add((node, KG.year, Literal(goal.year, datatype=XSD.integer)))

    def _report_key(self, title: str) -> tuple[str | None, str | None]:
        for r in self.facts.reports:
            if r.title == title:
                return r.presenter, r.meeting
        return None, None


def to_graph(doc: Document, facts: ArticleFacts, graph: Graph | None = None) -> Graph:
    """The RDF graph of one article's facts (added to `graph` when given)."""
    g = graph if graph is not None else new_graph()
    _Mapper(doc, facts, g).run()
    return g
