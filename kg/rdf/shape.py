"""The shape of the graph, declared once: every kind of node kg writes and what it says.

One declaration per type of entity (person, organisation, place, meeting, role) and of
fact (participation, membership, report, attendance, goal, credit, appointment): its
class, how its IRI is made, its properties (which record field, which predicate, what
kind of value; entity-valued properties are the links between nodes) and how it shows in
the entity view (an edge between two entities, an attribute of a node). Four readers:

- kg.rdf.mapping writes each fact record as its declaration says (facts -> triples);
- kg.analysis.entities reads the triples back into networkx by the same declarations;
- kg.corpus.merge counts entities and facts by the IRI segments and classes declared here;
- kg.graph.dataset splits a merged graph into article graphs by the provenance declared
  here (a node naming its article in kg:article is that article's; the rest is shared).

Provenance. Every fact node carries kg:article and kg:evidence (a span). Every fact type is
`per_article`: its IRI is minted from its content and its article, so a post or a part in
a meeting that two articles state is two nodes, each with its own article, evidence and
date (a node shared by articles would gather all their articles and evidence, and a
reader could not tell which sentence came from which article, nor which article gave
which date). What the articles share are the entities the facts link to.

Sittings. A meeting with a term (a session, a congress: 第十三届全国人民代表大会第三次会议)
is one node however many days it sits; a meeting without one recurs (国务院常务会议,
中共中央政治局第四次集体学习) and each sitting is its own node, named by its date
(kg.rdf.mapping). A fact at a meeting carries the date of the sitting its article reports
(kg:date, the `sitting_date`), so the facts of each sitting of a session stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef
from rdflib.namespace import RDF, SKOS

from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA

#: value kinds naming another node (the links the entity view and the splitter follow);
#: "agent" is a person or an organisation, "report" a report or (for a goal list) a meeting
ENTITY_VALUES = ("person", "org", "meeting", "place", "role", "agent", "report", "goallist")
#: value kinds naming a SKOS concept (a kind: presided, task, reporter, ...)
CONCEPT_VALUES = ("kind",)
#: literal value kinds
LITERAL_VALUES = ("text", "integer", "date")

#: `Edge.source` / `Edge.target` naming the node itself rather than one of its properties
NODE = "node"


@dataclass(frozen=True)
class Prop:
    """One property of a node: the record `field` written as `predicate`, a `value` kind.

    `flag` (for value "agent") names the record field that says the agent is an
    organisation, not a person. `path` is the chain of predicates the entity view follows
    to read the value back when the mapping writes it through another node (a goal's list
    is about a report). `derived` names a value the mapper computes for the record (a
    post's date is the article's, a participation's the date of its sitting)."""

    field: str
    predicate: URIRef
    value: str
    flag: str | None = None
    path: tuple[URIRef, ...] = ()
    derived: bool = False

    @property
    def links(self) -> bool:
        """True when the value is another node (an entity, a report, a goal list)."""
        return self.value in ENTITY_VALUES

    @property
    def predicates(self) -> tuple[URIRef, ...]:
        """The predicates from the node to the value (one, or the declared path)."""
        return self.path or (self.predicate,)


@dataclass(frozen=True)
class Edge:
    """How a node shows in the entity view: an edge from one of its values to another.

    `source` and `target` are field names (or NODE for the node itself; `fallback` the
    field used when the target has none); the relation is
    `relation`, or the value of `relation_field` (a kind: presided, reporter, elected);
    the label shown is the value of `label_field` when set (the post as written), else
    the relation's label. `evidence`: the edge keeps the sentences of the fact."""

    source: str
    target: str
    relation: str = ""
    fallback: str | None = None  # the field the edge goes to when `target` has no value
    relation_field: str | None = None
    label_field: str | None = None
    label_after_relation: bool = False  # the label reads relation + value: 任命 + 副省长
    evidence: bool = True


@dataclass(frozen=True)
class Note:
    """A fact shown as an attribute of an entity rather than as an edge: on the node of
    `target`, the list `props[key]` gets the value of `fields` (one field: the value
    itself; several: a dict of those present)."""

    target: str
    key: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class NodeType:
    """One type of node: an entity (`fact` false: named, mentioned) or a fact (`fact` true:
    kg:article and kg:evidence, one record of ArticleFacts.<`records`> each)."""

    name: str  # the IRI segment (kgr:<name>/...) and the name counts use
    cls: URIRef
    fact: bool
    records: str | None = None  # the ArticleFacts field holding the records
    key: tuple[str, ...] = ()  # the record fields that name a fact, in order
    per_article: bool = False  # the article is part of the fact's name
    numbered: bool = False  # named goal/<article>-<list>-<ordinal>, not by a hash of the key
    props: tuple[Prop, ...] = ()
    edges: tuple[Edge, ...] = ()
    notes: tuple[Note, ...] = ()
    view: str | None = None  # the entity view's class when the node is drawn
    view_if_linked: bool = False  # drawn only when an edge reaches it (a post no body holds)
    attrs: tuple[str, ...] = ()  # fields shown as the drawn node's attributes
    zh: str = ""  # what a reader calls the type (the build summary, the page)

    def prop(self, name: str) -> Prop:
        for p in self.props:
            if p.field == name:
                return p
        raise KeyError(f"{self.name} has no property {name}")


# -- concepts ------------------------------------------------------------------------------
#: every kind a fact can have (a SKOS concept, its notation the kind) -> its concept scheme
KINDS: dict[str, str] = {
    "presided": "ParticipationKind",
    "attended": "ParticipationKind",
    "reported": "ParticipationKind",
    "spoke": "ParticipationKind",
    "task": "GoalKind",
    "achievement": "GoalKind",
    "work": "GoalKind",
    "reporter": "CreditKind",
    "photographer": "CreditKind",
    "elected": "AppointmentAction",
    "appointed": "AppointmentAction",
    "removed": "AppointmentAction",
    "resigned": "AppointmentAction",
}
#: where an article-level value came from: ValueSource concept -> its notation
VALUE_SOURCES: dict[str, str] = {"statedInMetadata": "metadata", "readFromText": "text", "readFromDateline": "dateline",
                                 "readFromFileName": "file-name", "inferredFromText": "inferred"}

# -- entities ------------------------------------------------------------------------------
PERSON = NodeType(
    "person", SCHEMA.Person, fact=False, view="person", zh="人物",
    props=(Prop("acted_on_behalf_of", PROV.actedOnBehalfOf, "org"),),
    edges=(Edge(NODE, "acted_on_behalf_of", "actedOnBehalfOf", evidence=False),),
)
ORGANIZATION = NodeType("org", ORG.Organization, fact=False, view="organization", zh="机构")
PLACE = NodeType("place", SCHEMA.Place, fact=False, view="place", zh="地点")
ROLE = NodeType("role", ORG.Role, fact=False, zh="职务", view="post", view_if_linked=True)
MEETING = NodeType(
    "meeting", KG.Meeting, fact=False, view="meeting", zh="会议",
    props=(Prop("body", KG.body, "org"), Prop("term", KG.term, "integer"), Prop("session", KG.session, "integer"),
           Prop("date", KG.date, "date"), Prop("city", KG.city, "place"), Prop("venue", KG.venue, "place")),
    edges=(Edge(NODE, "body", "body", evidence=False), Edge(NODE, "city", "city", evidence=False),
           Edge(NODE, "venue", "venue", evidence=False)),
    attrs=("term", "session", "date"),
)
ENTITIES: tuple[NodeType, ...] = (PERSON, ORGANIZATION, MEETING, PLACE, ROLE)

# -- facts ---------------------------------------------------------------------------------
PARTICIPATION = NodeType(
    "participation", KG.Participation, fact=True, records="participations", zh="参与",
    key=("person", "kind", "meeting"), per_article=True,
    props=(Prop("person", KG.participant, "person"), Prop("kind", KG.kind, "kind"),
           Prop("meeting", KG.meeting, "meeting"), Prop("sitting_date", KG.date, "date", derived=True)),
    edges=(Edge("person", "meeting", relation_field="kind"),),
)
MEMBERSHIP = NodeType(
    "membership", ORG.Membership, fact=True, records="roles", zh="职务",
    key=("person", "title", "organization"), per_article=True,
    props=(Prop("person", ORG.member, "person"), Prop("title", ORG.role, "role"),
           Prop("title", KG.roleLabel, "text"), Prop("organization", ORG.organization, "org"),
           Prop("meeting", KG.meeting, "meeting"),
           Prop("article_date", KG.date, "date", derived=True)),
    # a post of a body shows on the body, a post at a meeting (大会执行主席) on the meeting
    edges=(Edge("person", "organization", "role", fallback="meeting", label_field="title"),),
    notes=(Note("person", "roles", ("title",)),),
)
REPORT = NodeType(
    "report", KG.Report, fact=True, records="reports", zh="报告",
    key=("title", "presenter", "meeting"), per_article=True,
    props=(Prop("title", KG.title, "text"), Prop("presenter", KG.presenter, "agent", flag="presenter_is_org"),
           Prop("on_behalf_of", KG.onBehalfOf, "org"), Prop("meeting", KG.meeting, "meeting"),
           Prop("sitting_date", KG.date, "date", derived=True)),
    edges=(Edge("presenter", NODE, "presented"), Edge(NODE, "on_behalf_of", "onBehalfOf"),
           Edge(NODE, "meeting", "deliveredAt")),
    view="report",
)
ATTENDANCE = NodeType(
    "attendance", KG.Attendance, fact=True, records="attendance", zh="出席人数",
    # the span too: one meeting's sittings each give their counts
    key=("meeting", "span"), per_article=True,
    props=(Prop("meeting", KG.meeting, "meeting"), Prop("expected", KG.expected, "integer"),
           Prop("present", KG.present, "integer"), Prop("absent", KG.absent, "integer"),
           Prop("sitting_date", KG.date, "date", derived=True)),
    notes=(Note("meeting", "attendance", ("expected", "present", "absent")),),
)
GOAL = NodeType(
    "goal", KG.Goal, fact=True, records="goals", zh="目标",
    key=("list_index", "ordinal"), per_article=True, numbered=True,
    props=(Prop("list", KG.inList, "goallist", derived=True), Prop("ordinal", KG.ordinal, "integer"),
           Prop("kind", KG.kind, "kind"), Prop("text", KG.text, "text", derived=True),
           Prop("year", KG.year, "integer"),
           # written on the goal's list (kg.rdf.mapping), read back through it
           Prop("about", KG.about, "report", path=(KG.inList, KG.about), derived=True)),
    edges=(Edge(NODE, "about", "goalOf"),),
    view="goal", attrs=("kind", "year", "ordinal", "text"),
)
CREDIT = NodeType(
    "credit", KG.Credit, fact=True, records="credits", zh="署名",
    key=("person", "kind", "organization"), per_article=True,
    props=(Prop("person", KG.creditedTo, "person"), Prop("kind", KG.creditKind, "kind"),
           Prop("organization", KG.creditOrganization, "org")),
    edges=(Edge("person", "organization", relation_field="kind"),),
)
APPOINTMENT = NodeType(
    "appointment", KG.Appointment, fact=True, records="appointments", zh="任免",
    key=("person", "post", "action", "organization", "meeting"), per_article=True,
    props=(Prop("person", KG.appointee, "person"), Prop("post", KG.post, "role"),
           Prop("post", KG.roleLabel, "text"), Prop("action", KG.action, "kind"),
           Prop("organization", KG.postOrganization, "org"), Prop("meeting", KG.meeting, "meeting"),
           Prop("decided_date", KG.date, "date", derived=True)),
    # to the body whose post it is, else to the post itself
    edges=(Edge("person", "organization", relation_field="action", fallback="post", label_field="post",
                label_after_relation=True),),
)
FACTS: tuple[NodeType, ...] = (MEMBERSHIP, PARTICIPATION, REPORT, ATTENDANCE, GOAL, CREDIT, APPOINTMENT)

#: the goal list, written once per enumerated list of an article (kg.rdf.mapping)
GOAL_LIST = NodeType("goallist", KG.GoalList, fact=False,
                     props=(Prop("kind", KG.kind, "kind"), Prop("about", KG.about, "report")))

ALL: tuple[NodeType, ...] = ENTITIES + FACTS + (GOAL_LIST,)
BY_NAME: dict[str, NodeType] = {t.name: t for t in ALL}
BY_CLASS: dict[URIRef, NodeType] = {t.cls: t for t in ALL}

# -- what every node of a kind says, beside its declared properties ------------------------
#: a fact's provenance: its article and the span it was read from
ARTICLE, EVIDENCE = KG.article, KG.evidence
#: an entity's name, other written forms, a role's label, a concept's notation
NAME, ALT_NAME, PREF_LABEL, NOTATION = SCHEMA.name, SKOS.altLabel, SKOS.prefLabel, SKOS.notation
#: a mention span points at its entity; a span lies in its sentence
MENTION, SENTENCE, ANCHOR = ITSRDF.taIdentRef, NIF.sentence, NIF.anchorOf
#: the article's own links to shared nodes (the meeting it reports, its publisher, byline, ...)
ARTICLE_LINKS = (SCHEMA.about, SCHEMA.publisher, SCHEMA.author, SCHEMA.contributor, KG.provinceSource, KG.dateSource)
TYPE = RDF.type


def link_predicates() -> frozenset[URIRef]:
    """Every predicate whose object is a shared node (an entity, a role, a concept) or a
    node of the same article (a goal list): the links from an article's own nodes (in its
    graph) to the shared nodes it uses (in the shared graph, kg.graph.dataset)."""
    out = {MENTION, *ARTICLE_LINKS}
    for t in ALL:
        for p in t.props:
            if (p.links or p.value in CONCEPT_VALUES) and not p.path:
                out.add(p.predicate)
    return frozenset(out)


LINKS: frozenset[URIRef] = link_predicates()


def entity_segments() -> dict[str, str]:
    """IRI segment -> the entity type's name, for the counts (person, org, meeting, place:
    the entities articles mention)."""
    return {t.name: t.name for t in ENTITIES if t.view is not None and not t.view_if_linked}


def fact_classes() -> dict[URIRef, str]:
    """Fact class -> the fact type's name, for the counts."""
    return {t.cls: t.name for t in FACTS}
