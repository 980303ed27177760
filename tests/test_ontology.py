"""The ontology (ontology/kg.ttl), the SHACL shapes (ontology/shapes.ttl) and the graph kg
builds agree: every term defined and labelled, every built graph valid, broken graphs
caught, competency queries answering with the contracted columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SHARED
from ontology_samples import ARTICLE, sample_facts, sample_graph, span_of
from pyshacl import validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as rns  # XSD kept off module level: pytest's scan warns on it
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.extract.facts import Credit
from kg.pipeline import build_article
from kg.rdf.mapping import new_graph, to_graph
from kg.rdf.namespace import KG, NIF, ORG, PROV, SCHEMA

ROOT = Path(__file__).resolve().parents[1]
SEED = SHARED / "seed" / "000_1d7e1341ec58e008.txt"
SH = "http://www.w3.org/ns/shacl#"
KGNS = str(KG._NS)

#: the competency queries and their columns, as ../shared/eval/README.md contracts them
CQ_COLUMNS = {
    "people": ["name"],
    "organizations": ["name"],
    "meetings": ["name", "body", "term", "session", "date", "city", "venue"],
    "participation": ["person", "kind", "meeting"],
    "roles": ["person", "role", "organization"],
    "reports": ["presenter", "title", "on_behalf_of", "meeting"],
    "attendance": ["meeting", "expected", "present", "absent"],
    "goals": ["text", "kind", "year", "ordinal"],
    "credits": ["person", "credit", "newspaper"],
}
KIND_NOTATIONS = {
    KG.ParticipationKind: {"presided", "attended", "reported", "spoke"},
    KG.GoalKind: {"task", "achievement", "work"},
    KG.CreditKind: {"reporter", "photographer"},
    KG.AppointmentAction: {"elected", "appointed", "removed", "resigned"},
}
TERMS = sorted(KG.__annotations__)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ROOT / "ontology" / "kg.ttl")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ROOT / "ontology" / "shapes.ttl")


@pytest.fixture(scope="module")
def sample() -> Graph:
    return sample_graph()


def conforms(graph: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    ok, report, text = validate(graph, shacl_graph=shapes)
    return ok, report, text


# -- the ontology ------------------------------------------------------------------------


def test_ontology_and_shapes_parse(ontology: Graph, shapes: Graph) -> None:
    assert (URIRef("https://w3id.org/kg-cn/ontology"), RDF.type, OWL.Ontology) in ontology
    assert len(ontology) > 300
    assert set(shapes.subjects(RDF.type, URIRef(SH + "NodeShape")))


@pytest.mark.parametrize("name", TERMS)
def test_namespace_term_is_defined_with_zh_and_en_labels(ontology: Graph, name: str) -> None:
    term = KG[name]
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}, f"kg:{name} undefined"
    for prop in (RDFS.label, SKOS.definition):
        langs = sorted(o.language for o in ontology.objects(term, prop) if isinstance(o, Literal))
        assert langs == ["en", "zh"], f"kg:{name} {prop}: {langs}"
    zh = next(o for o in ontology.objects(term, RDFS.label) if o.language == "zh")
    assert re.search(r"[\u4e00-\u9fff]", zh), f"kg:{name}: the zh label is not Chinese"


def test_ontology_defines_only_namespace_terms(ontology: Graph) -> None:
    defined = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(KGNS)}
    extra = sorted(str(s)[len(KGNS):] for s in defined if str(s)[len(KGNS):] not in KG.__annotations__)
    assert extra == [], f"defined in kg.ttl but missing from kg.rdf.namespace.KG: {extra}"


def test_terms_used_in_code_and_queries_are_defined(ontology: Graph) -> None:
    used = set()
    for path in (ROOT / "kg").rglob("*.py"):
        used |= {("py", path.name, m) for m in re.findall(r"\bKG\.([A-Za-z]\w*)", path.read_text(encoding="utf-8"))}
    for path in (ROOT / "queries").rglob("*.rq"):
        used |= {("rq", path.name, m) for m in re.findall(r"\bkg:([A-Za-z]\w*)", path.read_text(encoding="utf-8"))}
    assert len(used) > 40
    undefined = sorted((f, t) for _, f, t in used if (KG[t] if t in KG.__annotations__ else URIRef(KGNS + t),
                                                        RDF.type, None) not in ontology)
    assert undefined == []


def test_alignment_with_standard_vocabularies(ontology: Graph) -> None:
    assert (KG.Meeting, RDFS.subClassOf, SCHEMA.Event) in ontology
    assert (KG.onBehalfOf, RDFS.subPropertyOf, PROV.wasAttributedTo) in ontology
    assert (KG.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) in ontology
    assert (KG.Person, OWL.equivalentClass, SCHEMA.Person) in ontology
    assert (KG.Organization, OWL.equivalentClass, ORG.Organization) in ontology
    assert (KG.sentence, OWL.equivalentProperty, NIF.sentence) in ontology


@pytest.mark.parametrize("scheme", sorted(KIND_NOTATIONS), ids=lambda s: s.split("#")[1])
def test_kind_schemes_have_their_concepts_and_notations(ontology: Graph, scheme: URIRef) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert concepts == set(ontology.objects(scheme, SKOS.hasTopConcept))
    notations = {str(ontology.value(c, SKOS.notation)) for c in concepts}
    assert notations == KIND_NOTATIONS[scheme]
    for c in concepts:  # the notation is the local name, so the data's notation is the same literal
        assert ontology.value(c, SKOS.notation) == Literal(str(c).split("#")[1])
        assert (c, RDF.type, scheme) in ontology


def test_standard_terms_the_graph_writes_are_documented(ontology: Graph, sample: Graph) -> None:
    used = {p for p in sample.predicates() if p != RDF.type} | set(sample.objects(None, RDF.type))
    standard = {t for t in used if not t.startswith(KGNS)}
    assert {SCHEMA.Person, ORG.Membership, NIF.OffsetBasedString, PROV.actedOnBehalfOf} <= standard
    undocumented = sorted(str(t) for t in standard
                          if not {o.language for o in ontology.objects(t, SKOS.scopeNote)} >= {"zh", "en"})
    assert undocumented == []


def _classes(ontology: Graph, node) -> set:
    """The named classes a domain or range stands for (unions expanded)."""
    if isinstance(node, BNode):
        union = ontology.value(node, OWL.unionOf)
        return set(Collection(ontology, union)) if union is not None else set()
    return {node} | set(ontology.objects(node, OWL.equivalentClass))


def test_built_graph_respects_domains_and_ranges(ontology: Graph, sample: Graph) -> None:
    """A cheap RDFS consistency check (pyshacl's RDFS inference takes minutes here)."""
    problems = []
    checked = 0
    for s, p, o in sample:
        if not p.startswith(KGNS):
            continue
        for dom in ontology.objects(p, RDFS.domain):
            checked += 1
            if not set(sample.objects(s, RDF.type)) & _classes(ontology, dom):
                problems.append(("domain", s, p))
        for rng in ontology.objects(p, RDFS.range):
            checked += 1
            if isinstance(o, Literal):
                if (o.datatype or rns.XSD.string) != rng:
                    problems.append(("range", s, p, o))
            elif not set(sample.objects(o, RDF.type)) & (_classes(ontology, rng) | {rng}) and not (
                    rng == SKOS.Concept and (o, RDF.type, SKOS.Concept) in sample):
                problems.append(("range", s, p, o))
    assert checked > 100
    assert problems == []


# -- shapes: built graphs conform ---------------------------------------------------------


def test_sample_graph_conforms_and_every_shape_has_targets(shapes: Graph, sample: Graph) -> None:
    ok, _, text = conforms(sample, shapes)
    assert ok, text
    # not vacuous: every targeted class has instances in the sample
    for cls in shapes.objects(None, URIRef(SH + "targetClass")):
        assert (None, RDF.type, cls) in sample, f"no {cls} in the sample graph"


def test_whole_sentence_evidence_links_to_its_sentence(shapes: Graph) -> None:
    """A photo credit line (`许知夏 摄`) is its own sentence: the fact must still reach it."""
    doc, facts = sample_facts()
    facts.credits = [Credit("许知夏", "photographer", None, span_of(doc, "许知夏 摄"))]
    g = to_graph(doc, facts, new_graph())
    credit = next(g.subjects(RDF.type, KG.Credit))
    sentences = list(g.objects(g.value(credit, KG.evidence), NIF.sentence))
    assert [str(g.value(s, NIF.anchorOf)) for s in sentences] == ["许知夏 摄"]
    ok, _, text = conforms(g, shapes)
    assert ok, text


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.txt")), ids=lambda p: p.name)
def test_invented_example_article_graph_conforms(shapes: Graph, example: Path) -> None:
    _, facts, g = build_article(example.read_text(encoding="utf-8"), source=example.name)
    assert facts.people, "the extractors found nobody: the conformance check would be vacuous"
    ok, _, text = conforms(g, shapes)
    assert ok, text


def test_invented_sentences_graph_conforms(shapes: Graph) -> None:
    _, facts, g = build_article(ARTICLE, source="invented.txt")
    assert (None, RDF.type, SCHEMA.NewsArticle) in g
    ok, _, text = conforms(g, shapes)
    assert ok, text


def test_seed_graph_conforms(shapes: Graph) -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article absent ({SEED}): ../shared is not checked out here")
    _, facts, g = build_article(SEED.read_text(encoding="utf-8"), source=SEED.name)
    assert facts.participations, "no participation extracted from the seed"
    ok, _, text = conforms(g, shapes)
    assert ok, text


# -- shapes: broken graphs do not conform ---------------------------------------------------


def _one(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _set(g: Graph, s, p, o) -> None:
    g.remove((s, p, None))
    g.add((s, p, o))


def _evidence_span(g: Graph) -> URIRef:
    return g.value(_one(g, KG.Participation), KG.evidence)


def _other_article(g: Graph) -> URIRef:
    other = URIRef(str(_one(g, SCHEMA.NewsArticle))[:-1] + "x")
    for p, o in list(g.predicate_objects(_one(g, SCHEMA.NewsArticle))):
        g.add((other, p, o))
    _set(g, other, KG.contentHash, Literal("f" * 64))
    return other


BREAKAGES = {
    "participation without evidence": (lambda g: g.remove((_one(g, KG.Participation), KG.evidence, None)),
                                       "MinCountConstraintComponent"),
    "participation with two people": (lambda g: g.add((_one(g, KG.Participation), KG.participant,
                                                       _one(g, SCHEMA.Person) + "x")), "MaxCountConstraintComponent"),
    "participation kind from the goal scheme": (lambda g: _set(g, _one(g, KG.Participation), KG.kind, KG.task),
                                                "InConstraintComponent"),
    "participant is a meeting": (lambda g: _set(g, _one(g, KG.Participation), KG.participant, _one(g, KG.Meeting)),
                                 "ClassConstraintComponent"),
    "fact without article": (lambda g: g.remove((_one(g, KG.Credit), KG.article, None)), "MinCountConstraintComponent"),
    "evidence from another article": (lambda g: _set(g, _evidence_span(g), NIF.referenceContext, _other_article(g)),
                                      "EqualsConstraintComponent"),
    "span begins after it ends": (lambda g: _set(g, _evidence_span(g), NIF.beginIndex,
                                                 Literal(10**6, datatype=rns.XSD.nonNegativeInteger)),
                                  "LessThanOrEqualsConstraintComponent"),
    "span text is not the article's text": (lambda g: _set(g, _evidence_span(g), NIF.anchorOf, Literal("伪造")),
                                            "SPARQLConstraintComponent"),
    "span without context": (lambda g: g.remove((_evidence_span(g), NIF.referenceContext, None)),
                             "MinCountConstraintComponent"),
    "evidence without sentence": (lambda g: g.remove((_evidence_span(g), NIF.sentence, None)),
                                  "MinCountConstraintComponent"),
    "empty evidence": (lambda g: [_set(g, _evidence_span(g), NIF.endIndex, g.value(_evidence_span(g), NIF.beginIndex)),
                                  _set(g, _evidence_span(g), NIF.anchorOf, Literal(""))],
                       "MinLengthConstraintComponent"),
    "person with two names": (lambda g: g.add((_one(g, SCHEMA.Person), SCHEMA.name, Literal("别名"))),
                              "MaxCountConstraintComponent"),
    "meeting without name": (lambda g: g.remove((_one(g, KG.Meeting), SCHEMA.name, None)),
                             "MinCountConstraintComponent"),
    "membership without role label": (lambda g: g.remove((_one(g, ORG.Membership), KG.roleLabel, None)),
                                      "MinCountConstraintComponent"),
    "role label differs from the role": (lambda g: _set(g, _one(g, ORG.Membership), KG.roleLabel, Literal("某职务")),
                                         "EqualsConstraintComponent"),
    "report without title or presenter": (lambda g: [g.remove((r, p, None)) for r in [_one(g, KG.Report)]
                                                     for p in (KG.title, KG.presenter)], "OrConstraintComponent"),
    "negative attendance": (lambda g: _set(g, _one(g, KG.Attendance), KG.absent, Literal(-1, datatype=rns.XSD.integer)),
                            "MinInclusiveConstraintComponent"),
    "more present than expected": (lambda g: _set(g, _one(g, KG.Attendance), KG.present,
                                                  Literal(501, datatype=rns.XSD.integer)),
                                   "LessThanOrEqualsConstraintComponent"),
    "count as a string": (lambda g: _set(g, _one(g, KG.Attendance), KG.expected, Literal("500")),
                          "DatatypeConstraintComponent"),
    "attendance with no count": (lambda g: [g.remove((_one(g, KG.Attendance), p, None))
                                            for p in (KG.expected, KG.present, KG.absent)], "OrConstraintComponent"),
    "goal ordinal zero": (lambda g: _set(g, _one(g, KG.Goal), KG.ordinal, Literal(0, datatype=rns.XSD.integer)),
                          "MinInclusiveConstraintComponent"),
    "goal without kind": (lambda g: g.remove((_one(g, KG.Goal), KG.kind, None)), "MinCountConstraintComponent"),
    "goal kind differs from its list": (lambda g: _set(g, _one(g, KG.Goal), KG.kind, KG.work),
                                        "EqualsConstraintComponent"),
    "goal list about nothing known": (lambda g: _set(g, _one(g, KG.GoalList), KG.about, URIRef(KGNS + "nowhere")),
                                      "OrConstraintComponent"),
    "credit without kind": (lambda g: g.remove((_one(g, KG.Credit), KG.creditKind, None)),
                            "MinCountConstraintComponent"),
    "credit without person": (lambda g: g.remove((_one(g, KG.Credit), KG.creditedTo, None)),
                              "MinCountConstraintComponent"),
    "typed notation": (lambda g: _set(g, KG.presided, SKOS.notation, Literal("presided", datatype=rns.XSD.token)),
                       "DatatypeConstraintComponent"),
    "publisher is a person": (lambda g: _set(g, _one(g, SCHEMA.NewsArticle), SCHEMA.publisher, _one(g, SCHEMA.Person)),
                              "ClassConstraintComponent"),
    "url as a string": (lambda g: _set(g, _one(g, SCHEMA.NewsArticle), SCHEMA.url, Literal("http://x.test/a")),
                        "NodeKindConstraintComponent"),
    "context length wrong": (lambda g: _set(g, _one(g, NIF.Context), NIF.endIndex,
                                            Literal(3, datatype=rns.XSD.nonNegativeInteger)), "SPARQLConstraintComponent"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_does_not_conform(shapes: Graph, sample: Graph, name: str) -> None:
    breaking, component = BREAKAGES[name]
    g = Graph()
    for t in sample:
        g.add(t)
    breaking(g)
    ok, report, text = conforms(g, shapes)
    assert not ok, f"{name}: the shapes let it pass"
    found = {str(c).split("#")[1] for c in report.objects(None, URIRef(SH + "sourceConstraintComponent"))}
    assert component in found, f"{name}: expected {component}, got {found}\n{text}"


# -- competency queries ---------------------------------------------------------------------


def _cq_files() -> dict[str, Path]:
    return {p.stem: p for p in sorted((ROOT / "queries" / "cq").glob("*.rq"))}


def test_cq_files_are_exactly_the_contracted_queries() -> None:
    assert set(_cq_files()) == set(CQ_COLUMNS)


def test_cq_columns_match_the_eval_readme() -> None:
    readme = SHARED / "eval" / "README.md"
    if not readme.is_file():
        pytest.skip(f"{readme} absent: ../shared is not checked out here")
    table = {}
    for line in readme.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] in CQ_COLUMNS:
            table[cells[0]] = [c.strip() for c in cells[1].split(",")]
    assert table == CQ_COLUMNS


@pytest.mark.parametrize("name", sorted(CQ_COLUMNS))
def test_cq_runs_with_contracted_columns(ontology: Graph, sample: Graph, name: str) -> None:
    query = _cq_files()[name].read_text(encoding="utf-8")
    result = sample.query(query)
    assert [str(v) for v in result.vars] == CQ_COLUMNS[name]
    rows = sorted(tuple(map(str, r)) for r in result)
    assert rows, f"{name}: no rows on a graph that has such facts"
    # loading the ontology beside the data changes no answer
    merged = Graph()
    for t in sample:
        merged.add(t)
    for t in ontology:
        merged.add(t)
    assert sorted(tuple(map(str, r)) for r in merged.query(query)) == rows


def test_cq_values_are_plain_strings_and_integers(sample: Graph) -> None:
    rows = list(sample.query(_cq_files()["participation"].read_text(encoding="utf-8")))
    assert {str(r.kind) for r in rows} == {"presided", "attended", "reported", "spoke"}
    att = list(sample.query(_cq_files()["attendance"].read_text(encoding="utf-8")))
    assert [(r.expected.toPython(), r.present.toPython(), r.absent.toPython()) for r in att] == [(500, 480, 20)]


@pytest.mark.parametrize("name", sorted(CQ_COLUMNS))
def test_cq_runs_on_the_seed_graph(name: str) -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article absent ({SEED}): ../shared is not checked out here")
    _, _, g = build_article(SEED.read_text(encoding="utf-8"), source=SEED.name)
    result = g.query(_cq_files()[name].read_text(encoding="utf-8"))
    assert [str(v) for v in result.vars] == CQ_COLUMNS[name]
    assert list(result), f"{name}: no rows for the seed article"


# -- the README's example -------------------------------------------------------------------


def test_readme_fact_to_sentence_example(sample: Graph) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- section:ontology -->", 1)[1].split("<!-- section:", 1)[0]
    query = re.search(r"```sparql\n(.*?)```", section, re.S).group(1)
    rows = list(sample.query(query))
    assert rows
    for r in rows:
        assert str(r.evidence) in str(r.sentence), "the evidence must lie in the sentence"
    attendance = [r for r in rows if str(r.evidence).startswith("应出席")]
    assert attendance and str(attendance[0].sentence).startswith("本次会议应出席代表500人")
