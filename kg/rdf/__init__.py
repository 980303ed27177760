"""RDF side of kg: vocabulary, IRI minting, mapping from facts to triples, serialisation."""
