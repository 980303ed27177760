"""RDF side of kg: vocabulary (namespace), the graph's shape declared once (shape: every
entity and fact type), IRI minting and parsing (iri), N-Triples terms (terms), the mapping
from facts to triples (mapping), serialisation, and the ontology files (ontology)."""
