"""Every vocabulary term kg writes, defined once.

Extractors never spell an IRI; the mapping and the queries import terms from here.
Standard vocabularies are reused where they fit: W3C ORG for posts and memberships,
schema.org for events, people and articles, PROV-O for acting on a body's behalf,
NIF for text spans, SKOS for the kinds of participation, credit and goal.
"""

from rdflib import Namespace
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace  # noqa: F401

BASE = "https://w3id.org/kg-cn/"

ORG = _ORG
SCHEMA = Namespace("https://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
DCT = Namespace("http://purl.org/dc/terms/")
SH = Namespace("http://www.w3.org/ns/shacl#")

#: resources minted by kg (people, bodies, meetings, facts, spans)
KGR = Namespace(BASE + "id/")


class KG(DefinedNamespace):
    """kg's own ontology terms (ontology/kg.ttl defines and labels each)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Person: object
    Organization: object
    NewsOrganization: object
    Meeting: object
    Place: object
    Report: object
    Participation: object
    Attendance: object
    GoalList: object
    Goal: object
    Credit: object
    Appointment: object
    Mention: object
    Article: object
    ParticipationKind: object
    GoalKind: object
    CreditKind: object
    AppointmentAction: object
    ValueSource: object

    # posts
    roleLabel: object

    # meetings
    body: object
    term: object
    session: object
    date: object
    city: object
    venue: object

    # participation
    participant: object
    meeting: object
    kind: object

    # reports
    presenter: object
    onBehalfOf: object
    title: object

    # attendance
    expected: object
    present: object
    absent: object

    # goals
    inList: object
    ordinal: object
    year: object
    text: object
    about: object

    # credits
    creditedTo: object
    creditKind: object
    creditOrganization: object

    # appointments
    appointee: object
    post: object
    action: object
    postOrganization: object

    # provenance
    evidence: object
    article: object
    sentence: object
    province: object
    provinceSource: object
    dateSource: object
    sourcePath: object
    contentHash: object

    # kinds (SKOS concepts)
    presided: object
    attended: object
    reported: object
    spoke: object
    task: object
    achievement: object
    work: object
    reporter: object
    photographer: object
    elected: object
    appointed: object
    removed: object
    resigned: object
    statedInMetadata: object
    inferredFromText: object
    readFromText: object
    readFromDateline: object
    readFromFileName: object
