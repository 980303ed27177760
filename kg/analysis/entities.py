"""RDF graph -> networkx graph of entities: the picture both the analysis and the page use.

Nodes are entities (people, organisations, meetings, reports, goals, places), keyed by
their IRI. Facts that the RDF reifies (participation, membership, credit, a goal's list)
become edges with the relation as attribute; literals, spans, sentences and articles stay
out of the picture, but each edge keeps the sentences it came from, and each node the
facts a reader wants to see when pointing at it.

What is a node, which property makes which edge and which attribute is read from the
declarations of kg.rdf.shape (the ones the mapping writes by), with a few SPARQL
queries on a pyoxigraph Store (kg.graph.files loads any graph file into one): no rdflib
parsing, no walk over every triple in Python.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.errors import KgError
from kg.rdf import shape
from kg.rdf.namespace import SCHEMA
from kg.rdf.shape import NODE, NodeType, Prop

#: RDF class -> entity class name (the page colours and the analysis counts by it)
ENTITY_CLASSES: dict[URIRef, str] = {t.cls: t.view for t in shape.ALL if t.view}

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
    "elected": "当选",
    "appointed": "任命",
    "removed": "免去",
    "resigned": "辞去",
}

Value = str | int


def _local(term: str) -> str:
    return term.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _iri(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode) else ""


class _Reader:
    """The store's answers the view needs, each fetched by one query."""

    def __init__(self, st: ox.Store) -> None:
        self.st = st
        self.cls: dict[str, str] = {}
        for t in shape.ALL:
            if t.view:
                for (n,) in self.select(f"SELECT ?n WHERE {{ ?n a <{t.cls}> }}"):
                    if isinstance(n, ox.NamedNode):
                        self.cls.setdefault(n.value, t.view)
        self.notation = {k: v for k, v in self.pairs(shape.NOTATION)}
        self._values: dict[tuple, dict[str, list]] = {}
        self._sentences: dict[str, list[str]] | None = None

    def select(self, sparql: str) -> list[tuple]:
        result = self.st.query(sparql)
        return [tuple(row) for row in result]

    def pairs(self, predicate: URIRef) -> list[tuple[str, str]]:
        """(subject IRI, object value) of every triple with `predicate`, sorted."""
        rows = self.select(f"SELECT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")
        return sorted((_iri(s), o.value) for s, o in rows if isinstance(s, ox.NamedNode))

    def values(self, t: NodeType, prop: Prop) -> dict[str, list[Value]]:
        """Node IRI -> the sorted values of `prop` on the nodes of type `t` (IRIs, kinds'
        notations, numbers or strings)."""
        key = (t.name, prop.field, prop.predicate)
        if key not in self._values:
            path = "/".join(f"<{p}>" for p in prop.predicates)
            out: dict[str, list] = defaultdict(list)
            for n, v in self.select(f"SELECT ?n ?v WHERE {{ ?n a <{t.cls}> ; {path} ?v }}"):
                out[_iri(n)].append(self._value(prop, v))
            self._values[key] = {n: sorted(set(vs), key=str) for n, vs in out.items() if n}
        return self._values[key]

    def _value(self, prop: Prop, v) -> Value:
        if prop.value in shape.CONCEPT_VALUES:
            return self.notation.get(v.value) or _local(v.value)
        if prop.value == "integer":
            try:
                return int(v.value)
            except ValueError:
                return v.value
        return v.value

    def sentences(self, fact: str) -> list[str]:
        """The sentences a fact node's evidence spans lie in (the span's own text if none)."""
        if self._sentences is None:
            by_fact: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for f, span, sent, own in self.select(
                    f"SELECT ?f ?span ?st ?at WHERE {{ ?f <{shape.EVIDENCE}> ?span . "
                    f"OPTIONAL {{ ?span <{shape.SENTENCE}> ?s . ?s <{shape.ANCHOR}> ?st }} "
                    f"OPTIONAL {{ ?span <{shape.ANCHOR}> ?at }} }}"):
                text = (sent.value if sent is not None else None) or (own.value if own is not None else None)
                by_fact[_iri(f)].append((_iri(span), text))
            self._sentences = {}
            for f, spans in by_fact.items():
                out: list[str] = []
                for _span, text in sorted(set(spans), key=lambda x: (x[0], x[1] or "")):
                    if text and text not in out:
                        out.append(text.strip())
                self._sentences[f] = out
        return self._sentences.get(fact, [])


def _labels(r: _Reader) -> dict[str, str]:
    """Node IRI -> what the view calls it: a goal its ordinal and the start of its text, a
    report its title, anything else its name (or a role's label, or the IRI's last part)."""
    names: dict[str, str] = {}
    for predicate in (shape.PREF_LABEL, shape.NAME):  # a name beats a label
        names.update({n: v for n, v in reversed(r.pairs(predicate))})
    texts = r.values(shape.GOAL, shape.GOAL.prop("text"))
    ordinals = r.values(shape.GOAL, shape.GOAL.prop("ordinal"))
    titles = r.values(shape.REPORT, shape.REPORT.prop("title"))
    out = {}
    for node, cls in r.cls.items():
        if cls == "goal":
            text = str((texts.get(node) or [""])[0])
            n = (ordinals.get(node) or [None])[0]
            short = text if len(text) <= 16 else text[:15] + "…"
            out[node] = f"{n}. {short}" if n is not None else short
        elif cls == "report":
            out[node] = str((titles.get(node) or [_local(node)])[0])
        else:
            out[node] = names.get(node, _local(node))
    return out


def _nodes_of(r: _Reader, t: NodeType) -> list[str]:
    return sorted(_iri(n) for (n,) in r.select(f"SELECT ?n WHERE {{ ?n a <{t.cls}> }}") if _iri(n))


def _field(r: _Reader, t: NodeType, name: str, literal: bool) -> dict[str, list[Value]]:
    """The values of the field `name` of type `t`: of its literal property when `literal`
    (a post as written), else of its link (the role, the body)."""
    props = [p for p in t.props if p.field == name]
    prop = next((p for p in props if (p.value in shape.LITERAL_VALUES + shape.CONCEPT_VALUES) == literal), props[0])
    return r.values(t, prop)


def entity_graph(g: ox.Store | Graph) -> nx.MultiDiGraph:
    """The entities of an RDF graph (a Store from kg.graph.files, or an rdflib Graph) and
    the relations between them.

    Returns a MultiDiGraph whose nodes are entity IRIs (as strings) with attributes
    `label`, `cls`, `names` (other written forms), `props` (numbers and dates worth
    showing) and `facts` (what the graph says of the entity, with sentences); each edge has
    `relation`, `label` (as shown) and `sentences`. Deterministic: nodes and edges are
    added in sorted order, facts read in the order of their IRIs.
    """
    from kg.graph import files

    r = _Reader(g if isinstance(g, ox.Store) else files.from_rdflib(g))
    edges: dict[tuple[str, str, str], dict] = {}
    for t in shape.ALL:
        if t.edges:
            _edges(r, t, edges)
    # a node drawn only when linked (a post no body holds) is left out when nothing reaches it
    linked = {n for u, v, _ in edges for n in (u, v)}
    only_linked = {t.view for t in shape.ALL if t.view_if_linked}
    G = nx.MultiDiGraph()
    labels = _labels(r)
    alt: dict[str, set[str]] = defaultdict(set)
    for n, v in r.pairs(shape.ALT_NAME):
        alt[n].add(v)
    for node in sorted(r.cls):
        if r.cls[node] not in only_linked or node in linked:
            G.add_node(node, label=labels[node], cls=r.cls[node], names=sorted(alt[node]), props={}, facts=[])
    for t in shape.ALL:
        for note in t.notes:
            _note(r, t, note, G)
    for t in shape.ALL:
        if t.attrs and t.view:
            _attrs(r, t, G)
    for (u, v, key) in sorted(edges):
        G.add_edge(u, v, key=key, **edges[(u, v, key)])
    _collect_facts(G)
    return G


def _ends(r: _Reader, t: NodeType, name: str | None, fallback: str | None = None):
    """node -> the values an edge end takes: the node itself (NODE), its values of the
    field `name`, else of `fallback`."""
    if name == NODE:
        return lambda node: [node]
    values = _field(r, t, name, False)
    other = _field(r, t, fallback, False) if fallback else {}
    return lambda node: values.get(node) or other.get(node, [])


def _first(r: _Reader, t: NodeType, name: str | None) -> dict[str, str] | None:
    """node -> the first literal value of the field `name` (a kind's notation, a post)."""
    return {n: str(vs[0]) for n, vs in _field(r, t, name, True).items() if vs} if name else None


def _edges(r: _Reader, t: NodeType, edges: dict) -> None:
    """The edges the nodes of type `t` make, as its declaration says."""
    for e in t.edges:
        froms, tos = _ends(r, t, e.source), _ends(r, t, e.target, e.fallback)
        relations, texts = _first(r, t, e.relation_field), _first(r, t, e.label_field)
        for node in _nodes_of(r, t):
            relation = e.relation or (relations or {}).get(node, t.name)
            named = RELATION_LABELS.get(relation, relation)
            text = (texts or {}).get(node, "")
            label = (named + text if e.label_after_relation else text) or named
            sentences = r.sentences(node) if e.evidence else []
            for u in froms(node):
                for v in tos(node):
                    if u in r.cls and v in r.cls and u != v:
                        edge = edges.setdefault((u, v, f"{relation}:{label}"),
                                                {"relation": relation, "label": label, "sentences": []})
                        edge["sentences"] += [s for s in sentences if s not in edge["sentences"]]


def _note(r: _Reader, t: NodeType, note, G: nx.MultiDiGraph) -> None:
    """A fact shown as a list attribute of the entity it is about (attendance, a person's posts)."""
    targets = _field(r, t, note.target, False)
    fields = [_field(r, t, f, True) for f in note.fields]
    for node in _nodes_of(r, t):
        if len(fields) == 1:
            entry = (fields[0].get(node) or [None])[0]
        else:
            entry = {f: vals[node][0] for f, vals in zip(note.fields, fields, strict=True) if vals.get(node)}
        for target in targets.get(node, []):
            if target in G:
                listed = G.nodes[target]["props"].setdefault(note.key, [])
                if entry and entry not in listed:
                    listed.append(entry)


def _attrs(r: _Reader, t: NodeType, G: nx.MultiDiGraph) -> None:
    """The declared attributes of the drawn nodes of type `t` (a goal's kind and year, a
    meeting's term, session and date; a meeting an article reports on is `main`)."""
    values = [(name, _field(r, t, name, True)) for name in t.attrs]
    main = {m for _, m in r.pairs(SCHEMA.about)} if t is shape.MEETING else None
    for node in (n for n, c in r.cls.items() if c == t.view and n in G):
        props = G.nodes[node]["props"]
        for name, vals in values:
            if vals.get(node):
                props[name] = vals[node][0]
        if main is not None:
            props["main"] = node in main


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
