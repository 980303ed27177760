"""Stage 5: built graphs -> files, SPARQL, the embedded store, the endpoint, pushes, exports."""
