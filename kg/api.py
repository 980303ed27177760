"""kg's Python API: what `import kg` offers (the README's "Python API" section).

- `build_article(text, ...)`: one article's facts and its rdflib Graph;
- `build_corpus(inputs, out, ...)`: many articles into out/graph.ttl (and a store);
- `open_graph(path)`: a built graph file or store folder, to query with SPARQL, read as a
  table of facts, or ask for one person's timeline.

The examples below run as tests (tests/test_api.py runs this module's doctests); the
articles in them are invented.

>>> import kg
>>> a = kg.build_article("浙江省召开全省科技工作会议\\n"
...                      "新华社杭州3月5日电  3月5日，浙江省科技工作会议在杭州召开。"
...                      "省委书记吴书远出席会议并讲话，省长林书安主持会议。", date="2024-03-05")
>>> sorted(a.facts.people)
['吴书远', '林书安']
>>> [(p.person, p.kind) for p in a.facts.participations]
[('吴书远', 'attended'), ('吴书远', 'spoke'), ('林书安', 'presided')]
>>> g = kg.open_graph(a.graph)
>>> g.query("SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n } ORDER BY ?n")
[{'n': '吴书远'}, {'n': '林书安'}]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when used: `import kg` stays light (kg --help, kg query)
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.analysis.person import Timeline
    from kg.extract.facts import ArticleFacts
    from kg.text.document import Document

__all__ = ["Article", "KnowledgeGraph", "build_article", "build_corpus", "open_graph"]


@dataclass
class Article:
    """One article built: its normalised `document`, its `facts` (kg.extract.facts.ArticleFacts:
    people, organizations, meetings, roles, participations, reports, attendance, goals,
    credits, appointments, date, province) and its RDF `graph` (an rdflib Graph)."""

    document: Document
    facts: ArticleFacts
    graph: Graph

    def turtle(self) -> str:
        """The article's graph as Turtle."""
        return self.graph.serialize(format="turtle")


def build_article(text: str, *, title: str | None = None, date: str | None = None, url: str | None = None,
                  source: str = "", meta: dict | None = None) -> Article:
    """Build one article from its text and metadata into facts and an rdflib Graph.

    `title`, `date` (YYYY-MM-DD), `url` and the other `meta` fields are what a JSONL
    input line gives (README "Inputs"); without them kg reads the headline and the date
    off the text. `source` names the file it came from (kept as kg:sourcePath).

    >>> a = build_article("湖北省人民政府召开常务会议\\n"
    ...                   "本报武汉6月2日电  省长方立颜主持召开省政府常务会议。", date="2023-06-02")
    >>> [(r.person, r.title, r.organization) for r in a.facts.roles]
    [('方立颜', '省长', '湖北省人民政府')]
    >>> a.facts.date
    '2023-06-02'
    >>> len(a.graph) > 0
    True
    """
    from kg.pipeline import build_article as run

    given = dict(meta or {})
    for key, value in (("title", title), ("date", date), ("url", url)):
        if value is not None:
            given[key] = value
    doc, facts, graph = run(text, source=source, meta=given)
    return Article(doc, facts, graph)


def build_corpus(inputs: Iterable[str | Path], out: str | Path, *, workers: int = 1, store: str | Path | None = None,
                 view: bool = False, nquads: bool = False) -> Path:
    """Build article files, folders or .jsonl files into `out`/graph.ttl, as `kg build` does
    (incremental: unchanged articles are not built again); returns the path of graph.ttl.

    `store`: also load the graph into the embedded store in that folder; `view`: also
    write graph.html and analysis.md/json; `nquads`: also write graph.nq. Raises
    kg.errors.KgError (BuildFailed when nothing could be built).

    >>> import json, tempfile
    >>> tmp = Path(tempfile.mkdtemp())
    >>> line = {"id": "a1", "date": "2023-06-02",
    ...         "text": "湖北省人民政府召开常务会议\\n本报武汉6月2日电  省长方立颜主持召开省政府常务会议。"}
    >>> _ = (tmp / "in.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\\n", encoding="utf-8")
    >>> ttl = build_corpus([tmp / "in.jsonl"], tmp / "out")
    >>> ttl.name
    'graph.ttl'
    """
    from kg.corpus.build import BuildOptions
    from kg.corpus.build import build_corpus as run

    writers = ()
    if view:
        from kg.view.writers import output_writers

        writers = tuple(output_writers())
    opts = BuildOptions(workers=workers, nquads=nquads, store=Path(store) if store else None, writers=writers)
    ttl, summary = run([str(i) for i in inputs], Path(out), opts)
    if summary.failed:
        from kg.errors import KgError

        raise KgError("; ".join(reason for _id, reason in summary.failed))
    return ttl


class KnowledgeGraph:
    """A built graph to read: a graph file (loaded in memory), a store folder (opened
    read-only for each call), or an rdflib Graph. Queries see the merged graph."""

    def __init__(self, source: str | Path | Graph) -> None:
        from rdflib import Graph

        self._rdflib = source if isinstance(source, Graph) else None
        self._path = None if self._rdflib is not None else Path(source)
        self._memory: ox.Store | None = None

    def _store(self):
        """A context manager giving a pyoxigraph Store of the merged graph."""
        import contextlib

        import pyoxigraph as ox

        from kg.graph.source import Source

        if self._path is not None and self._path.is_dir():
            return Source(store=self._path).opened()
        if self._memory is None:
            if self._rdflib is not None:
                self._memory = ox.Store()
                data = self._rdflib.serialize(format="nt", encoding="utf-8")
                if data.strip():
                    self._memory.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
            else:
                from kg.graph import files

                self._memory = files.load(self._path)
        return contextlib.nullcontext(self._memory)

    def query(self, sparql: str) -> list[dict[str, str | None]]:
        """The rows of a SPARQL SELECT, each a dict of variable -> value (a string; None
        where unbound). See queries/ for examples."""
        from kg.graph.store import query

        with self._store() as st:
            names, rows = query(st, sparql)
        return [dict(zip(names, r, strict=True)) for r in rows]

    def facts(self) -> list[dict]:
        """The facts table (`kg export --format facts`): one dict per fact and evidence span,
        keyed by kg.graph.facts.columns()."""
        from kg.graph import facts

        with self._store() as st:
            return facts.rows(st)

    def person(self, name: str) -> list[Timeline]:
        """The timelines of the people `name` may mean (`kg person`; kg.analysis.person)."""
        from kg.analysis.person import timeline

        with self._store() as st:
            return timeline(st, name)


def open_graph(source: str | Path | Graph) -> KnowledgeGraph:
    """A built graph to query: a graph file (graph.ttl, .nq, ...), a store folder (`kg build
    --store DIR`) or an rdflib Graph (an Article's `graph`).

    >>> a = build_article("湖北省人民政府召开常务会议\\n"
    ...                   "本报武汉6月2日电  省长方立颜主持召开省政府常务会议。", date="2023-06-02")
    >>> g = open_graph(a.graph)
    >>> [(f["kind"], f["person"], f["role"]) for f in g.facts() if f["kind"] == "membership"]
    [('membership', '方立颜', '省长')]
    >>> [p.role for p in g.person("方立顏")[0].posts]
    ['省长']
    """
    return KnowledgeGraph(source)
