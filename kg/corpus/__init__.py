"""Stage 4: many articles -> one graph: inputs, per-article shards, engines, merge, the build."""
