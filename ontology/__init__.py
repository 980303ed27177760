"""kg's ontology (kg.ttl), SHACL shapes (shapes.ttl) and JSON-LD context (context.jsonld).

This folder stays at the top of the checkout; the wheel ships it as the package
`kg.ontology` (pyproject.toml maps it), so kg reads these files with importlib.resources
(kg.rdf.ontology) wherever it is installed.
"""
