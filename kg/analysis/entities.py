"""RDF graph -> networkx graph of entities: the picture both the analysis and the page use.

Nodes are entities (people, organisations, meetings, reports, goals, places), keyed by
their IRI. Facts that the RDF reifies (participation, membership, credit, a goal's list)
become edges with the relation as attribute; literals, spans, sentences and articles stay
out of the picture, but each edge keeps the sentences it came from, and each node the
facts a reader wants to see when pointing at it.

What is a node, which property makes which edge and which attribute is read from the
declarations of kg.rdf.shape (the ones the mapping writes by). A graph file is parsed by
pyoxigraph (kg.graph.files.read) and only the triples the view reads are kept, indexed by
predicate (mentions, offsets and article texts, half the graph, are never held); a Store
answers the same by predicate; an rdflib Graph (a user's) is read as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.analysis.lookup import find
from kg.errors import KgError
from kg.rdf import shape
from kg.rdf.iri import parse_span
from kg.rdf.namespace import SCHEMA
from kg.rdf.shape import NODE, NodeType, Prop
from kg.rdf.terms import value
from kg.text.pinyin import LANGUAGE as _PINYIN_TAG  # lower case, as stores write tags

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

#: a pinyin label (skos:altLabel tagged zh-Latn-pinyin) is read apart from the other written
#: forms, under this pseudo-predicate (never written to a graph)
PINYIN = "urn:kg:view:pinyin"


def _local(term: str) -> str:
    return term.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


#: what the view reads: these predicates, and rdf:type only for the classes it draws or reads
_CLASSES = frozenset(str(t.cls) for t in shape.ALL) | {str(SCHEMA.NewsArticle)}
_PREDICATES = frozenset(str(p) for p in (
    shape.TYPE, shape.NAME, shape.ALT_NAME, shape.PREF_LABEL, shape.NOTATION, shape.EVIDENCE, shape.SENTENCE,
    shape.ANCHOR, SCHEMA.about, SCHEMA.headline, SCHEMA.datePublished,
    *(q for t in shape.ALL for p in t.props for q in p.predicates)))
_ALT = str(shape.ALT_NAME)
_TYPE = str(shape.TYPE)
_PREDICATE_NODES = frozenset(ox.NamedNode(p) for p in _PREDICATES)
_CLASS_NODES = frozenset(ox.NamedNode(c) for c in _CLASSES)
_TYPE_NODE = ox.NamedNode(_TYPE)
#: the same as N-Triples terms in UTF-8 (the merge's lines) -> the IRI as the view keeps it
_PREDICATE_BYTES = {f"<{p}>".encode(): p for p in _PREDICATES}
_CLASS_BYTES = {f"<{c}>".encode(): c for c in _CLASSES}
_PINYIN_END = ("@" + _PINYIN_TAG).encode()


def wanted(predicate: str, obj: str) -> bool:
    """True for a triple the entity view reads (by its predicate, and a type's class)."""
    return predicate in _PREDICATES and (predicate != _TYPE or obj in _CLASSES)


def view_triple(line: str | bytes) -> tuple[str, str, str] | None:
    """The (subject, predicate, object) values of an N-Triples line (text, or UTF-8 bytes as
    the merge reads them) the entity view reads, else None: how the build's merge hands the
    view what it holds, with no file to re-read (called per line: only kept ones decoded)."""
    s, p, o = (line.encode("utf-8") if isinstance(line, str) else line).split(b" ", 2)
    predicate = _PREDICATE_BYTES.get(p)
    if predicate is None or not s.startswith(b"<"):
        return None
    o = o[:-3] if o.endswith(b" .\n") else o.rstrip().removesuffix(b" .")
    if predicate == _TYPE:
        cls = _CLASS_BYTES.get(o)
        return (s[1:-1].decode("utf-8"), _TYPE, cls) if cls is not None else None
    if o[-len(_PINYIN_END):].lower() == _PINYIN_END:  # a tag is ASCII: no need to lower the text
        predicate = PINYIN
    return s[1:-1].decode("utf-8"), predicate, value(o.decode("utf-8"))


class _Reader:
    """The triples the view reads, indexed: predicate -> subject -> object values (IRIs as
    strings, literals by their lexical form); blank-node subjects are left out."""

    def __init__(self, triples: Iterable[tuple[str, str, str]]) -> None:
        objs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            objs[p][s].append(o)
        self.objs = objs
        self.of_class: dict[str, list[str]] = defaultdict(list)
        for s, classes in sorted(objs[_TYPE].items()):
            for c in set(classes):
                self.of_class[c].append(s)
        self.cls: dict[str, str] = {}
        for t in shape.ALL:
            if t.view:
                for n in self.of_class.get(str(t.cls), ()):
                    self.cls.setdefault(n, t.view)
        self.notation = {k: v for k, v in self.pairs(shape.NOTATION)}
        self._values: dict[tuple, dict[str, list]] = {}
        self._sentences: dict[str, list[str]] | None = None

    def pairs(self, predicate: URIRef) -> list[tuple[str, str]]:
        """(subject IRI, object value) of every triple with `predicate`, sorted, distinct."""
        return sorted({(s, o) for s, os in self.objs.get(str(predicate), {}).items() for o in os})

    def nodes_of(self, t: NodeType) -> list[str]:
        return self.of_class.get(str(t.cls), [])

    def values(self, t: NodeType, prop: Prop) -> dict[str, list[Value]]:
        """Node IRI -> the sorted values of `prop` on the nodes of type `t` (IRIs, kinds'
        notations, numbers or strings)."""
        key = (t.name, prop.field, prop.predicate)
        if key not in self._values:
            steps = [self.objs.get(str(p), {}) for p in prop.predicates]
            out: dict[str, list[Value]] = {}
            for n in self.nodes_of(t):
                reached = [n]
                for step in steps:
                    reached = [o for r in reached for o in step.get(r, ())]
                if reached:
                    out[n] = sorted({self._value(prop, v) for v in reached}, key=str)
            self._values[key] = out
        return self._values[key]

    def _value(self, prop: Prop, v: str) -> Value:
        if prop.value in shape.CONCEPT_VALUES:
            return self.notation.get(v) or _local(v)
        if prop.value == "integer":
            try:
                return int(v)
            except ValueError:
                return v
        return v

    def sentences(self, fact: str) -> list[tuple[str, str]]:
        """(sentence, article IRI) of each sentence a fact node's evidence spans lie in (the
        span's own text if none), the article read off the span's IRI (`<article>#char=`)."""
        if self._sentences is None:
            evidence, sentence = self.objs.get(str(shape.EVIDENCE), {}), self.objs.get(str(shape.SENTENCE), {})
            anchor = self.objs.get(str(shape.ANCHOR), {})
            self._sentences = {}
            for f, spans in evidence.items():
                out: list[tuple[str, str]] = []
                for span in sorted(set(spans)):
                    texts = [t for s in sorted(set(sentence.get(span, ()))) for t in anchor.get(s, ())]
                    text = (texts or anchor.get(span) or [None])[0]
                    where = parse_span(span)
                    item = (text.strip(), where[0] if where else "") if text else None
                    if item and item not in out:
                        out.append(item)
                self._sentences[f] = out
        return self._sentences.get(fact, [])


def _triples(g: ox.Store | Graph | Path | list) -> Iterator[tuple[str, str, str]]:
    """The triples of a graph the view reads, as strings: from a file (kg.graph.files), a
    Store's default graph, an rdflib Graph, or a list `view_triple` kept."""
    from kg.graph import files

    if isinstance(g, list):
        yield from g
        return
    if isinstance(g, Graph):
        for s, p, o in g:
            if isinstance(s, URIRef) and wanted(str(p), str(o)):
                pinyin = str(p) == _ALT and (getattr(o, "language", None) or "").lower() == _PINYIN_TAG
                yield str(s), PINYIN if pinyin else str(p), str(o)
        return
    if isinstance(g, ox.Store):
        quads = (q for p in sorted(_PREDICATES) for q in g.quads_for_pattern(None, ox.NamedNode(p), None,
                                                                           ox.DefaultGraph()))
    else:
        quads = files.read(Path(g))
    predicates, classes = _PREDICATE_NODES, _CLASS_NODES
    for q in quads:  # per triple of the whole graph: read no more than the predicate first
        p = q.predicate
        if p in predicates:
            o, s = q.object, q.subject
            if (p != _TYPE_NODE or o in classes) and isinstance(s, ox.NamedNode):
                if isinstance(o, ox.Literal) and (o.language or "").lower() == _PINYIN_TAG:
                    yield s.value, PINYIN, o.value
                else:
                    yield s.value, p.value, o.value


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


def _field(r: _Reader, t: NodeType, name: str, literal: bool) -> dict[str, list[Value]]:
    """The values of the field `name` of type `t`: of its literal property when `literal`
    (a post as written), else of its link (the role, the body)."""
    props = [p for p in t.props if p.field == name]
    prop = next((p for p in props if (p.value in shape.LITERAL_VALUES + shape.CONCEPT_VALUES) == literal), props[0])
    return r.values(t, prop)


def entity_graph(g: ox.Store | Graph | Path | list) -> nx.MultiDiGraph:
    """The entities of an RDF graph (a graph file, a Store, an rdflib Graph, or the list of
    triples `view_triple` kept of N-Triples lines) and the relations between them.

    Returns a MultiDiGraph whose nodes are entity IRIs (as strings) with attributes
    `label`, `cls`, `names` (other written forms), `pinyin` (the pinyin label, or ""),
    `props` (numbers and dates worth showing) and `facts` (what the graph says of the
    entity, with sentences); each edge has `relation`, `label` (as shown), `sentences`,
    `evidence` (each sentence with the IRI of its article) and `articles`;
    `G.graph["articles"]` maps each article IRI to its headline, `G.graph["dates"]` to
    its date (schema:datePublished) where it has one. Deterministic: nodes and edges are added in sorted order, facts
    read in the order of their IRIs.
    """
    r = _Reader(_triples(g))
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
    pinyin: dict[str, str] = {}
    for n, v in r.pairs(PINYIN):
        pinyin.setdefault(n, v)
    for node in sorted(r.cls):
        if r.cls[node] not in only_linked or node in linked:
            G.add_node(node, label=labels[node], cls=r.cls[node], names=sorted(alt[node]),
                       pinyin=pinyin.get(node, ""), props={}, facts=[])
    for t in shape.ALL:
        for note in t.notes:
            _note(r, t, note, G)
    for t in shape.ALL:
        if t.attrs and t.view:
            _attrs(r, t, G)
    for (u, v, key) in sorted(edges):
        edges[(u, v, key)]["articles"].sort()
        G.add_edge(u, v, key=key, **edges[(u, v, key)])
    _collect_facts(G)
    # the articles the graph holds, with their headlines (a page's title)
    headlines = dict(r.pairs(SCHEMA.headline))
    G.graph["articles"] = {a: headlines.get(a) for a in r.of_class.get(str(SCHEMA.NewsArticle), [])}
    dates = dict(r.pairs(SCHEMA.datePublished))
    G.graph["dates"] = {a: dates[a] for a in G.graph["articles"] if a in dates}
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
        for node in r.nodes_of(t):
            relation = e.relation or (relations or {}).get(node, t.name)
            named = RELATION_LABELS.get(relation, relation)
            text = (texts or {}).get(node, "")
            label = (named + text if e.label_after_relation else text) or named
            evidence = r.sentences(node) if e.evidence else []
            for u in froms(node):
                for v in tos(node):
                    if u in r.cls and v in r.cls and u != v:
                        edge = edges.setdefault((u, v, f"{relation}:{label}"),
                                                {"relation": relation, "label": label, "sentences": [],
                                                 "evidence": [], "articles": []})
                        for item in evidence:
                            if item not in edge["evidence"]:
                                edge["evidence"].append(item)
                                if item[0] not in edge["sentences"]:
                                    edge["sentences"].append(item[0])
                                if item[1] and item[1] not in edge["articles"]:
                                    edge["articles"].append(item[1])


def _note(r: _Reader, t: NodeType, note, G: nx.MultiDiGraph) -> None:
    """A fact shown as a list attribute of the entity it is about (attendance, a person's posts)."""
    targets = _field(r, t, note.target, False)
    fields = [_field(r, t, f, True) for f in note.fields]
    for node in r.nodes_of(t):
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
                "evidence": data.get("evidence", []),
                "articles": data.get("articles", []),
                "node": other,
            })


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
