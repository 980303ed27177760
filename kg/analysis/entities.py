"""RDF graph -> networkx graph of entities: the picture both the analysis and the page use.

Nodes are entities (people, organisations, meetings, reports, goals, places), keyed by
their IRI. Facts that the RDF reifies (participation, membership, credit, a goal's list)
become edges with the relation as attribute; literals, spans, sentences and articles stay
out of the picture, but each edge keeps the sentences it came from, and each node the
facts a reader wants to see when pointing at it.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import KgError
from kg.rdf.namespace import KG, NIF, ORG, PROV, SCHEMA

#: RDF class -> entity class name (the page colours and the analysis counts by it)
ENTITY_CLASSES: dict[URIRef, str] = {
    SCHEMA.Person: "person",
    ORG.Organization: "organization",
    KG.Meeting: "meeting",
    KG.Report: "report",
    KG.Goal: "goal",
    SCHEMA.Place: "place",
}

#: relation -> how a reader sees it (Chinese, as the page shows it on the edge)
RELATION_LABELS: dict[str, str] = {
    "presided": "主持",
    "attended": "出席",
    "reported": "作报告",
    "spoke": "讲话",
    "presented": "报告人",
    "onBehalfOf": "代表",
    "actedOnBehalfOf": "代表",
    "deliveredAt": "会议",
    "body": "召开机构",
    "city": "城市",
    "venue": "会场",
    "goalOf": "目标",
    "role": "职务",
    "reporter": "记者",
    "photographer": "摄影",
}

# entity -> entity properties read directly: property -> (relation, reversed?)
_DIRECT = {
    KG.presenter: ("presented", True),
    KG.onBehalfOf: ("onBehalfOf", False),
    PROV.actedOnBehalfOf: ("actedOnBehalfOf", False),
    KG.body: ("body", False),
    KG.city: ("city", False),
    KG.venue: ("venue", False),
}
# plumbing: never an edge of the picture
_SKIP = {KG.article, KG.evidence, RDF.type, SCHEMA.about}


def _local(term: URIRef) -> str:
    s = str(term)
    return s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class _Reader:
    def __init__(self, g: Graph) -> None:
        self.g = g
        self.cls: dict[URIRef, str] = {}
        for rdf_cls, name in ENTITY_CLASSES.items():
            for s in g.subjects(RDF.type, rdf_cls):
                if isinstance(s, URIRef):
                    self.cls.setdefault(s, name)

    def text(self, node, prop) -> str | None:
        v = self.g.value(node, prop)
        return None if v is None else str(v)

    def number(self, node, prop) -> int | None:
        v = self.g.value(node, prop)
        try:
            return None if v is None else int(v)
        except (TypeError, ValueError):
            return None

    def sentences(self, fact) -> list[str]:
        """The sentences a fact node's evidence spans lie in (the span's own text if none)."""
        out = []
        for span in sorted(self.g.objects(fact, KG.evidence)):
            sent = self.g.value(span, NIF.sentence)
            text = self.text(sent, NIF.anchorOf) if sent is not None else None
            text = text or self.text(span, NIF.anchorOf)
            if text and text not in out:
                out.append(text.strip())
        return out

    def label(self, node: URIRef, cls: str) -> str:
        g = self.g
        if cls == "goal":
            text = self.text(node, KG.text) or ""
            n = self.number(node, KG.ordinal)
            short = text if len(text) <= 16 else text[:15] + "…"
            return f"{n}. {short}" if n is not None else short
        if cls == "report":
            return self.text(node, KG.title) or _local(node)
        name = g.value(node, SCHEMA.name) or g.value(node, SKOS.prefLabel)
        return str(name) if name is not None else _local(node)


def _kind(r: _Reader, fact, prop) -> str | None:
    k = r.g.value(fact, prop)
    if k is None:
        return None
    return r.text(k, SKOS.notation) or _local(k)


def entity_graph(g: Graph) -> nx.MultiDiGraph:
    """The entities of an RDF graph and the relations between them.

    Returns a MultiDiGraph whose nodes are entity IRIs (as strings) with attributes
    `label`, `cls`, `names` (other written forms), `props` (numbers and dates worth
    showing) and `facts` (what the graph says of the entity, with sentences); each edge has
    `relation`, `label` (as shown) and `sentences`. Deterministic: nodes and edges are
    added in sorted order.
    """
    r = _Reader(g)
    G = nx.MultiDiGraph()
    for node in sorted(r.cls):
        cls = r.cls[node]
        names = sorted({str(o) for o in g.objects(node, SKOS.altLabel)})
        G.add_node(str(node), label=r.label(node, cls), cls=cls, names=names, props={}, facts=[])

    edges: dict[tuple[str, str, str], dict] = {}

    def link(u, v, relation: str, sentences: list[str], label: str | None = None) -> None:
        if u not in r.cls or v not in r.cls or u == v:
            return
        label = label or RELATION_LABELS.get(relation, relation)
        key = (str(u), str(v), f"{relation}:{label}")
        e = edges.setdefault(key, {"relation": relation, "label": label, "sentences": []})
        for s in sentences:
            if s not in e["sentences"]:
                e["sentences"].append(s)

    # direct properties between entities
    for s, p, o in g:
        if s not in r.cls or o not in r.cls or p in _SKIP:
            continue
        if p in _DIRECT:
            relation, rev = _DIRECT[p]
        elif p == KG.meeting and r.cls[s] == "report":
            relation, rev = "deliveredAt", False
        else:
            relation, rev = _local(p), False
        ev = r.sentences(s) if r.cls[s] in ("report", "goal") else []
        link(*((o, s) if rev else (s, o)), relation, ev)

    for fact in g.subjects(RDF.type, KG.Participation):
        kind = _kind(r, fact, KG.kind) or "participated"
        for person in g.objects(fact, KG.participant):
            for meeting in g.objects(fact, KG.meeting):
                link(person, meeting, kind, r.sentences(fact))
    for fact in g.subjects(RDF.type, ORG.Membership):
        title = r.text(fact, KG.roleLabel) or ""
        target = g.value(fact, ORG.organization) or g.value(fact, KG.meeting)
        for person in g.objects(fact, ORG.member):
            if person in r.cls:
                G.nodes[str(person)]["props"].setdefault("roles", [])
                if title and title not in G.nodes[str(person)]["props"]["roles"]:
                    G.nodes[str(person)]["props"]["roles"].append(title)
            if target is not None:
                link(person, target, "role", r.sentences(fact), title or None)
    for fact in g.subjects(RDF.type, KG.Credit):
        kind = _kind(r, fact, KG.creditKind) or "credit"
        for person in g.objects(fact, KG.creditedTo):
            for org in g.objects(fact, KG.creditOrganization):
                link(person, org, kind, r.sentences(fact))
    for goal in g.subjects(RDF.type, KG.Goal):
        for lst in g.objects(goal, KG.inList):
            for about in g.objects(lst, KG.about):
                link(goal, about, "goalOf", r.sentences(goal))
        props = G.nodes[str(goal)]["props"] if goal in r.cls else None
        if props is not None:
            props.update({k: v for k, v in (("kind", _kind(r, goal, KG.kind)), ("year", r.number(goal, KG.year)),
                                             ("ordinal", r.number(goal, KG.ordinal)),
                                             ("text", r.text(goal, KG.text))) if v is not None})
    for fact in g.subjects(RDF.type, KG.Attendance):
        counts = {k: r.number(fact, p) for k, p in (("expected", KG.expected), ("present", KG.present),
                                                      ("absent", KG.absent))}
        for meeting in g.objects(fact, KG.meeting):
            if meeting in r.cls:
                att = G.nodes[str(meeting)]["props"].setdefault("attendance", [])
                entry = {k: v for k, v in counts.items() if v is not None}
                if entry and entry not in att:
                    att.append(entry)
    for meeting in (n for n, c in r.cls.items() if c == "meeting"):
        props = G.nodes[str(meeting)]["props"]
        for key, prop in (("term", KG.term), ("session", KG.session)):
            if (v := r.number(meeting, prop)) is not None:
                props[key] = v
        if (d := r.text(meeting, KG.date)) is not None:
            props["date"] = d
        props["main"] = any(True for _ in g.subjects(SCHEMA.about, meeting))

    for (u, v, key) in sorted(edges):
        G.add_edge(u, v, key=key, **edges[(u, v, key)])
    _collect_facts(G)
    return G


def _collect_facts(G: nx.MultiDiGraph) -> None:
    """Give each node the list of its relations, as a reader would say them."""
    for u, v, data in G.edges(data=True):
        for node, other, outgoing in ((u, v, True), (v, u, False)):
            G.nodes[node]["facts"].append({
                "relation": data["relation"],
                "label": data["label"],
                "other": G.nodes[other]["label"],
                "outgoing": outgoing,
                "sentences": data["sentences"],
            })


def main_meeting(G: nx.MultiDiGraph) -> str | None:
    """The meeting the graph is about (the most connected of those articles report on)."""
    meetings = [n for n, d in G.nodes(data=True) if d["cls"] == "meeting"]
    if not meetings:
        return None
    return max(meetings, key=lambda n: (bool(G.nodes[n]["props"].get("main")), G.degree(n), n))


def find(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose label, other written form or IRI is `name`; KgError when none is."""
    exact = [n for n, d in G.nodes(data=True) if name in (d["label"], n) or name in d["names"]]
    if not exact:
        exact = [n for n, d in G.nodes(data=True) if name in d["label"]]
    if not exact:
        raise KgError(f"no entity named {name!r} in the graph")
    return max(exact, key=lambda n: (G.degree(n), n))


def neighbourhood(G: nx.MultiDiGraph, name: str, depth: int) -> nx.MultiDiGraph:
    """The entities within `depth` relations of the one named `name` (either direction)."""
    if depth < 0:
        raise KgError("--depth must be 0 or more")
    centre = find(G, name)
    keep = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), centre, cutoff=depth)
    H = G.subgraph(keep).copy()
    for _, d in H.nodes(data=True):
        d["facts"] = []
        d["props"] = {k: v for k, v in d["props"].items()}
    _collect_facts(H)
    H.graph["focus"] = centre
    return H


def class_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    """Number of entities per class, in a fixed order."""
    counts: dict[str, int] = defaultdict(int)
    for _, c in G.nodes(data="cls"):
        counts[c] += 1
    return {c: counts[c] for c in sorted(counts)}
