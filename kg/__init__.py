"""kg: knowledge graphs of Chinese political news.

The Python API (kg.api; README "Python API"):

- `kg.build_article(text, title=..., date=...)`: one article's facts and rdflib Graph;
- `kg.build_corpus(inputs, out, store=...)`: many articles into out/graph.ttl (and a store);
- `kg.open_graph(path)`: a graph file, store folder or rdflib Graph, to `.query(sparql)`,
  read as `.facts()` or ask for a `.person(name)`'s timeline.
"""

from kg.api import Article, KnowledgeGraph, build_article, build_corpus, open_graph

__version__ = "0.1.0"
__all__ = ["Article", "KnowledgeGraph", "build_article", "build_corpus", "open_graph", "__version__"]
