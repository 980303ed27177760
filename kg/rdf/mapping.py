"""Facts -> RDF: the one mapping from extracted facts to triples.

Each fact record is written as its type's declaration in kg.rdf.shape says (class, IRI,
properties); the entity view, the counts and the splitter read the same declarations.
Shape of the graph (see ontology/kg.ttl for definitions):
- entities: schema:Person, org:Organization, kg:Meeting, schema:Place, org:Role, each with
  schema:name (and skos:altLabel for the forms written in the article);
- facts: kg:Participation, org:Membership, kg:Report, kg:Attendance, kg:GoalList / kg:Goal,
  kg:Credit (kg.rdf.shape.FACTS); each has kg:article and kg:evidence -> a span;
- spans: nif:OffsetBasedString with nif:beginIndex / nif:endIndex in the original text,
  nif:anchorOf, nif:sentence and nif:referenceContext (the article, a nif:Context), written
  by kg.rdf.nif; a mention span points at its entity with itsrdf:taIdentRef;
- the article: schema:NewsArticle with its text, hash, headline (metadata `title`, else
  the first line), and the metadata it came with (url, publisher, identifier, date).

The mapper writes N-Triples terms as strings (`<iri>`, `"literal"^^<type>`), spelled
exactly as rdflib's N-Triples serializer spells them: `triples()` is the fast path the
corpus build uses (no rdflib Graph per article; an rdflib Graph and its three indexes
cost more than all the extractors), `to_graph()` the rdflib view for tests and small uses.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SKOS, XSD

from kg.extract.facts import ArticleFacts, Span
from kg.rdf import iri, shape
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA
from kg.rdf.nif import Spans
from kg.rdf.shape import NodeType, Prop
from kg.rdf.terms import T, Triple, date, integer, lit, ntriples, u
from kg.text import pinyin
from kg.text.document import Document
from kg.text.script import convert as t2s

__all__ = ["PREFIXES", "Triple", "new_graph", "ntriples", "to_graph", "triples"]

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


def _kg(name: str) -> str:
    return u(KG[name])


#: kind -> (its IRI term, the triples that define it)
_KINDS = {
    kind: (_kg(kind), ((_kg(kind), T.type, _kg(cls)), (_kg(kind), T.type, T.Concept),
                       (_kg(kind), T.notation, lit(kind))))
    for kind, cls in shape.KINDS.items()
}
_SOURCES = {
    notation: (_kg(concept), ((_kg(concept), T.type, _kg("ValueSource")), (_kg(concept), T.type, T.Concept),
                              (_kg(concept), T.notation, lit(notation))))
    for concept, notation in shape.VALUE_SOURCES.items()
}
K = {name: _kg(name) for name in "article evidence province provinceSource dateSource sourcePath contentHash".split()}
#: the class and the predicates of every declared node type, as terms
_CLS = {t.name: u(t.cls) for t in shape.ALL}
_PRED = {p.predicate: u(p.predicate) for t in shape.ALL for p in t.props}
#: per node type, the properties the mapper writes on the node itself, with their predicate terms
_WRITTEN = {t.name: tuple((p, _PRED[p.predicate]) for p in t.props if not p.path) for t in shape.ALL}
#: literal value kinds -> their term; minted value kinds -> the mapper method minting the node
_LITERALS = {"text": lit, "integer": integer, "date": date}
_MINTED = {"person": "person", "org": "org", "meeting": "meeting", "place": "place", "role": "role", "kind": "kind"}


def _kgr(path: str) -> str:
    """The term of kg's resource at `path` after KGR: `u(KGR[path])` without the URIRef."""
    return f"<{_KGR}{path}>"


_KGR = str(iri.KGR)


@lru_cache(maxsize=1 << 16)  # names recur in every article (a term is a pure function of the name); bounded, as new names never end
def _named_term(mint: str, name: str) -> str:
    """The N-Triples term of the entity kg.rdf.iri's `mint` (person, organization, place,
    role) names `name`."""
    return u(getattr(iri, mint)(name))


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


class _Mapper(Spans):
    """Collects the triples of one article as N-Triples term strings."""

    def __init__(self, doc: Document, facts: ArticleFacts) -> None:
        super().__init__(doc)
        self.facts = facts
        self._names: dict[str, str] = {}  # entity term -> its schema:name
        self._lists: set[str] = set()  # goal lists already described
        self._meetings: dict[str, str] = {}  # meeting name -> its term

    def mention(self, entity: str, span: Span) -> None:
        node = self.span(span)
        self.add((node, T.taIdentRef, entity))
        written = self.written(span)
        name = self._names.get(entity)
        if written and name is not None and written != name:
            self.add((entity, T.altLabel, lit(written)))

    def fact(self, node: str, cls: str, span: Span) -> str:
        self.add((node, T.type, cls))
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
        """Type and name an entity node, once per article; returns it."""
        if node not in self._names:
            self.add((node, T.type, cls))
            self.add((node, T.name, lit(name)))
            self._names[node] = name
            if cls in (_CLS["person"], _CLS["org"]):  # a pinyin label (kg.text.pinyin)
                self.add((node, T.altLabel, pinyin.term(name, cls == _CLS["person"])))
        return node

    def person(self, name: str) -> str:
        return self.entity(_named_term("person", name), _CLS["person"], name)

    def org(self, name: str, cls: str | None = None) -> str:
        if cls is None:
            cls = self.facts.organizations[name].cls if name in self.facts.organizations else "body"
        node = self.entity(_named_term("organization", name), _CLS["org"], name)
        if cls == "media":
            self.add((node, T.type, T.NewsMediaOrganization))
        return node

    def meeting(self, name: str) -> str:
        node = self._meetings.get(name)
        if node is None:  # a meeting is cited by many facts: its IRI made once per article
            node = self._meetings[name] = u(self.meeting_iri(name))
        return self.entity(node, _CLS["meeting"], name)

    def meeting_iri(self, name: str):
        """A session (a meeting with a term: 第十三届全国人民代表大会第三次会议) is one node
        however many days it sits and whichever article reports it; a meeting without a
        term recurs (国务院常务会议, 国务院第十次常务会议, whose ordinal starts again with
        each government), so each sitting is its own node, named by its date: the one
        the article gives the meeting, else the article's own; with neither, the sitting
        is this article's alone."""
        m = self.facts.meetings.get(name)
        if m is not None and m.term is not None:
            return iri.meeting(name)
        day = (m.date if m is not None else None) or self.facts.date
        return iri.meeting(name, day) if day else iri.meeting(name, article=self.doc.digest)

    def place(self, name: str) -> str:
        return self.entity(_named_term("place", name), _CLS["place"], name)

    def role(self, title: str) -> str:
        """A post's role node, labelled (skos:prefLabel) by the post as written."""
        node = _named_term("role", title)
        self.add((node, T.type, T.Role))
        self.add((node, T.prefLabel, lit(title)))
        return node

    # -- declared properties ----------------------------------------------------------
    def term(self, prop: Prop, value: object, record: object) -> str:
        """The term of one declared property's value (minting the entity it names)."""
        kind = prop.value
        if kind in _LITERALS:
            return _LITERALS[kind](value)
        if kind == "agent":
            return self.org(value) if getattr(record, prop.flag) else self.person(value)
        if kind in _MINTED:
            return getattr(self, _MINTED[kind])(value)
        return value  # a derived node term (a goal's list)

    def properties(self, node: str, t: NodeType, record: object) -> None:
        """Write the declared properties of `record` on `node`; absent values write nothing."""
        add = self.add
        for prop, predicate in _WRITTEN[t.name]:
            value = self.derive(t, prop, record) if prop.derived else getattr(record, prop.field)
            if value is None or value == "":
                continue
            add((node, predicate, self.term(prop, value, record)))

    def derive(self, t: NodeType, prop: Prop, record) -> object:
        """A value the mapper computes for a record rather than reads off it."""
        name = prop.field
        if name == "article_date":
            return self.article_date()
        if name == "text":
            return self.doc.text[record.span[0]:record.span[1]]
        if name == "list":
            return self.goal_list(record)
        if name == "sitting_date":
            held = self.facts.meetings.get(record.meeting) if record.meeting else None
            return held.date if held is not None else None
        if name == "decided_date":
            decided = self.facts.meetings.get(record.meeting) if record.meeting else None
            return (decided.date if decided is not None else None) or self.article_date()
        raise KeyError(f"{t.name}: no derived value {name}")

    def article_date(self) -> str | None:
        """The article's date (kg.extract.dates: metadata, date line, dateline, file name or
        inferred), else the date of the sitting it reports (a post's date; an appointment's
        when the deciding meeting has none)."""
        main = self.facts.main_meeting
        return self.facts.date or (main.date if main else None)

    def map_fact(self, t: NodeType, record) -> str:
        """One fact record as its declaration says: the node, its provenance, its properties."""
        node = self.fact(self.fact_term(t, tuple(getattr(record, k) for k in t.key)), _CLS[t.name], record.span)
        self.properties(node, t, record)
        hook = _HOOKS.get(t.name)
        if hook is not None:
            hook(self, node, record)
        return node

    def fact_term(self, t: NodeType, key: tuple) -> str:
        """The term of a fact of type `t` with these key values (in this article when the
        type is per article): kg.rdf.iri's `numbered` or `fact` IRI, no URIRef made."""
        if t.numbered:
            return _kgr(iri.numbered_path(t.name, self.doc.digest, *key))
        return _kgr(iri.fact_path(t.name, *key, *((self.doc.digest,) if t.per_article else ())))

    # -- the article ------------------------------------------------------------------
    def run(self) -> set[Triple]:
        f, doc, add = self.facts, self.doc, self.add
        art = self.article
        add((art, T.type, T.NewsArticle))
        self.context()
        add((art, K["contentHash"], lit(doc.digest)))
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
            node = self.meeting(m.name)
            for s in m.spans:
                self.mention(node, s)
            self.properties(node, shape.MEETING, m)
            if m.main:
                add((art, T.about, node))
        for t in shape.FACTS:
            for record in getattr(f, t.records):
                self.map_fact(t, record)
        return self.out

    def map_metadata(self) -> None:
        """The article's headline, source path and the metadata its input gave (JSONL fields)."""
        add, doc, art = self.add, self.doc, self.article
        meta = doc.meta
        # a title given with the article beats the first line of its text
        headline = " ".join(str(meta.get("title") or "").split()) or _headline(doc, self.facts)
        if headline:
            add((art, T.headline, lit(headline)))
        if doc.source:
            add((art, K["sourcePath"], lit(doc.source)))
        if self.facts.date:
            add((art, T.datePublished, date(self.facts.date)))
            add((art, K["dateSource"], self.source(self.facts.date_source or "inferred")))
        if self.facts.province:
            add((art, K["province"], lit(self.facts.province)))
            # a province read off the text's mentions is a guess: say so, apart from a stated one
            add((art, K["provinceSource"], self.source("metadata" if self.facts.province_stated else "inferred")))
        if meta.get("url"):
            # as the inputs check it (kg.corpus.inputs); again here for metadata the API passes
            add((art, T.url, u(iri.external(str(meta["url"])))))
        if meta.get("id"):
            add((art, T.identifier, lit(str(meta["id"]))))
        given = " ".join(str(meta.get("source") or "").split())
        # the publication: one node by its simplified name, like any body the text names
        # (OpenCC's character mapping, not to_simplified: a short name is no evidence of its script)
        if given:
            publisher = self.org(t2s(given), "media")
            add((art, T.publisher, publisher))
            if given != self._names[publisher]:
                add((publisher, T.altLabel, lit(given)))

    def goal_list(self, goal) -> str:
        """The node of a goal's enumerated list, described once per list: its article, the
        kind of its first item, and the report or meeting it belongs to."""
        lst = _kgr(iri.numbered_path(shape.GOAL_LIST.name, self.doc.digest, goal.list_index))
        if lst not in self._lists:
            self._lists.add(lst)
            add = self.add
            add((lst, T.type, _CLS["goallist"]))
            add((lst, K["article"], self.article))
            add((lst, _PRED[KG.kind], self.kind(goal.kind)))
            if goal.about:
                about = (self.fact_term(shape.REPORT, (goal.about, *self._report_key(goal.about)))
                         if goal.about_is_report else self.meeting(goal.about))
                add((lst, _PRED[KG.about], about))
        return lst

    def _report_key(self, title: str) -> tuple[str | None, str | None]:
        for r in self.facts.reports:
            if r.title == title:
                return r.presenter, r.meeting
        return None, None


# -- what a fact implies beyond its own node --------------------------------------------
def _report_acted_for(m: _Mapper, node: str, r) -> None:
    # a person reporting on a body's behalf acted for it (prov:actedOnBehalfOf, PERSON's link)
    if r.presenter and r.on_behalf_of and not r.presenter_is_org:
        m.add((m.person(r.presenter), T.actedOnBehalfOf, m.org(r.on_behalf_of)))


def _credit_byline(m: _Mapper, node: str, c) -> None:
    # the byline credits the article itself: a reporter is its author, a photographer a contributor
    m.add((m.article, T.author if c.kind == "reporter" else T.contributor, m.person(c.person)))


_HOOKS = {shape.REPORT.name: _report_acted_for, shape.CREDIT.name: _credit_byline}


def triples(doc: Document, facts: ArticleFacts) -> set[Triple]:
    """The article's triples as (subject, predicate, object) N-Triples term strings."""
    return _Mapper(doc, facts).run()


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
