"""The `kg` command: build, query (and the commands other modules register)."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from kg.errors import KgError
from kg.extract import TAGGERS
from kg.text import reading

#: what a build does after its progress bar, by the stage it reports (BuildOptions.on_stage)
_BUILD_STEPS = {"shards": "merging graph.ttl", "merged": "writing the outputs", "written": "switching the outputs"}
_STORE_STEP = "loading the store"


def _shown_writer(writer, steps):
    """An output writer that names its step on the status line while it writes."""
    import dataclasses

    def write(*a, **k):
        steps.step(f"writing {', '.join(writer.files)}")
        return writer.write(*a, **k)

    return dataclasses.replace(writer, write=write)


def build_options(args: argparse.Namespace):
    """`kg build`'s options from its arguments: the output writers are the page and the
    analysis (kg.view) unless --no-view; the build itself knows nothing of the view."""
    from kg.corpus.build import BuildOptions

    writers = ()
    if not args.no_view:
        from kg.view.writers import output_writers

        writers = tuple(output_writers())
    return BuildOptions(workers=args.workers or 1, engine=args.engine or "local", scheduler=args.scheduler,
                        glob=args.glob, prune=args.prune, nquads=args.nquads, quiet=args.quiet,
                        encoding=args.encoding, max_chars=args.max_chars, strict=args.strict,
                        store=Path(args.store) if args.store else None, writers=writers,
                        tagger=args.tagger)


def shown_steps(opts, steps):
    """`opts` with each step after the articles told to `steps` (kg.progress.Steps): the
    stages the build reports (after any `on_stage` already given) and each writer's files."""
    import dataclasses

    given = opts.on_stage

    def on_stage(name: str) -> None:
        if given is not None:
            given(name)
        if name == "merged" and opts.store is not None:
            steps.step(_STORE_STEP)
        elif name == "done":
            steps.close()  # before the summary is printed
        elif name in _BUILD_STEPS:
            steps.step(_BUILD_STEPS[name])

    writers = tuple(_shown_writer(w, steps) for w in opts.writers)
    return dataclasses.replace(opts, on_stage=on_stage, writers=writers)


def _cmd_build(args: argparse.Namespace) -> int:
    from kg import progress
    from kg.corpus.build import BuildFailed, build_files

    try:
        # --quiet: the status line goes to the null device, which is no terminal (kg.progress.shown)
        with (open(os.devnull, "w") if args.quiet else contextlib.nullcontext()) as stream, \
                progress.steps("kg build", stream) as steps:
            opts = shown_steps(build_options(args), steps)
            build_files(args.inputs, Path(args.out), opts)  # graph, views and store, all together
    except BuildFailed as exc:  # nothing written: one line per failed input, no summary
        for reason in exc.reasons or ["nothing to build"]:
            print(f"kg: {reason}", file=sys.stderr)
        return 1
    return 0


def _source(args: argparse.Namespace):
    from kg.graph.source import Source

    return Source.of(args.graph, getattr(args, "store", None))


def _cmd_view(args: argparse.Namespace) -> int:
    from kg import progress
    from kg.view.writers import write_view

    src = _source(args)
    name = "focus.html" if args.focus else "graph.html"
    out = Path(args.out) if args.out else src.folder / name
    with progress.steps("kg view") as steps, src.streamed() as graph:
        steps.step(f"reading the graph, writing {out.name}")
        path, G = write_view(graph, out, focus=args.focus, depth=args.depth)
    print(f"{path}: {G.number_of_nodes()} entities, {G.number_of_edges()} relations")
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    from kg import progress
    from kg.analysis import report
    from kg.analysis.entities import entity_graph
    from kg.analysis.metrics import summary

    src = _source(args)
    with progress.steps("kg stats") as steps, src.streamed() as graph:
        steps.step("reading the graph")
        G = entity_graph(graph)
        steps.step("measuring")
        s = summary(G)
    render = {"table": report.table, "json": report.to_json, "markdown": report.markdown}[args.format]
    sys.stdout.write(render(s))
    return 0


def _cmd_person(args: argparse.Namespace) -> int:
    from kg import progress
    from kg.analysis import person, person_report

    src = _source(args)
    with progress.steps("kg person") as steps, src.opened() as st:
        steps.step("reading the graph")
        timelines = person.timeline(st, args.name)
    sys.stdout.write(person_report.render(timelines, args.format))
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg.graph import query

    if getattr(args, "store", None):
        from kg.graph import store

        if args.graph:
            raise KgError("give either a graph file or --store, not both")
        names, rows = store.query(Path(args.store), query.read_query(args.query))
    elif not args.graph:
        raise KgError("give a graph file or --store DIR")
    else:
        names, rows = query.run(query.load_graph(Path(args.graph)), query.read_query(args.query))
    sys.stdout.write(query.format_rows(names, rows, args.format))
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from kg.graph import serve

    timeout = serve.DEFAULT_TIMEOUT if args.timeout is None else args.timeout or None
    return serve.serve(Path(args.store), args.host, args.port, args.writable, allow_remote=args.allow_remote,
                       timeout=timeout)


def _cmd_push(args: argparse.Namespace) -> int:
    from kg.graph import http, push

    user, password = http.login(args.endpoint, args.user, args.password)
    report = push.push_file(Path(args.graph), args.endpoint, user=user, password=password,
                            auth=args.auth, param=args.graph_param)
    print(report.summary())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from kg import progress
    from kg.graph import export

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    with progress.steps("kg export") as steps:
        written = export.export(_source(args), formats, Path(args.out), step=steps.step)
    for path in written:
        print(path)
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of `kg` and all its subcommands."""
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs of Chinese political news.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph of one or more articles")
    b.add_argument("inputs", nargs="+",
                   help="article files, folders (searched recursively), .jsonl files, or - for stdin")
    b.add_argument("--out", default="output", help="output folder (default: output/)")
    b.add_argument("--glob", default=None,
                   help="file pattern inside folders, e.g. '*.jsonl' (default: article files: "
                        ".txt, .text, .html, .htm, .xhtml, .shtml)")
    b.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or Dask distributed (a local cluster unless --scheduler)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")
    b.add_argument("--prune", action="store_true",
                   help="drop articles of earlier builds that are not in this input")
    b.add_argument("--nquads", action="store_true", help="also write graph.nq (one named graph per article)")
    b.add_argument("--quiet", action="store_true", help="no progress bar, no summary (failures still print)")
    b.add_argument("--store", metavar="DIR", help="also load the graph into the embedded store in DIR")
    b.add_argument("--encoding", metavar="NAME", type=reading.encoding_arg,
                   help="encoding of the input files (default: detected: UTF-8, GB18030/GBK, Big5)")
    b.add_argument("--max-chars", type=reading.max_chars_arg, default=None, metavar="N",
                   help="refuse an article longer than N characters (default: 2,000,000)")
    b.add_argument("--strict", action="store_true",
                   help="stop at the first bad input and write nothing, instead of building the rest")
    b.add_argument("--no-view", action="store_true",
                   help="do not write graph.html, analysis.md and analysis.json beside the graph")
    b.add_argument("--tagger", choices=TAGGERS, default=None,
                   help="a second opinion on names where the rules are unsure (needs kg[lac]; bench/README.md)")
    b.set_defaults(func=_cmd_build)

    v = sub.add_parser("view", help="write an interactive page of a graph (works offline)")
    v.add_argument("graph", nargs="?", help="a built graph file (graph.ttl); leave out with --store")
    v.add_argument("--store", metavar="DIR", help="read the embedded store in DIR instead of a file")
    v.add_argument("--focus", metavar="NAME", help="draw only the neighbourhood of this entity")
    v.add_argument("--depth", type=int, default=2, help="relations to follow from --focus (default: 2)")
    v.add_argument("--out", metavar="FILE",
                   help="the page to write (default: graph.html, or focus.html with --focus, beside GRAPH; "
                        "in the current folder with --store)")
    v.set_defaults(func=_cmd_view)

    st = sub.add_parser("stats", help="who matters here: counts, centrality, meetings, attendance, goals")
    st.add_argument("graph", nargs="?", help="a built graph file (graph.ttl); leave out with --store")
    st.add_argument("--store", metavar="DIR", help="read the embedded store in DIR instead of a file")
    st.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    st.set_defaults(func=_cmd_stats)

    q = sub.add_parser("query", help="run a SPARQL SELECT query over a graph")
    q.add_argument("graph", nargs="?", help="a built graph file (graph.ttl, .nq, .trig); leave out with --store")
    q.add_argument("query", help="a .rq file or the query text")
    q.add_argument("--store", metavar="DIR", help="query the embedded store in DIR instead of a file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=_cmd_query)

    sv = sub.add_parser("serve", help="a SPARQL 1.1 endpoint over the embedded store")
    sv.add_argument("--store", required=True, metavar="DIR", help="the store folder (kg build --store DIR)")
    sv.add_argument("--port", type=int, default=7878, help="TCP port (default: 7878)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    sv.add_argument("--writable", action="store_true",
                    help="accept SPARQL updates and Graph Store writes (not from web pages of other sites)")
    sv.add_argument("--timeout", type=int, default=None, metavar="SECONDS",
                    help="stop a query after this long (default: 60, kg.graph.serve.DEFAULT_TIMEOUT; 0: no limit)")
    sv.add_argument("--allow-remote", action="store_true",
                    help="let queries and updates reach other servers (SERVICE, LOAD <url>); refused by default")
    sv.set_defaults(func=_cmd_serve)

    pu = sub.add_parser("push", help="PUT the graph to a SPARQL Graph Store endpoint, one named graph per article")
    pu.add_argument("graph", help="a built graph file (graph.ttl, .nq, .trig)")
    pu.add_argument("--endpoint", required=True, help="the Graph Store URL (e.g. http://localhost:7878/store)")
    pu.add_argument("--user", help="login for HTTP auth (default: the netrc file's login for the host, if any)")
    pu.add_argument("--password", help="password; visible to other users in ps: prefer $KG_PUSH_PASSWORD, "
                                       "a ~/.netrc entry for the host, or the prompt kg gives without either")
    pu.add_argument("--auth", choices=("basic", "digest"), default="basic", help="HTTP auth scheme (default: basic)")
    pu.add_argument("--graph-param", default="graph", help="query parameter naming the graph (default: graph)")
    pu.set_defaults(func=_cmd_push)

    ex = sub.add_parser("export", help="write the graph as N-Triples, N-Quads, TriG, JSON-LD, GraphML, GEXF, Neo4j, "
                                       "or its facts as a table")
    ex.add_argument("graph", nargs="?", help="a built graph file (graph.ttl, .nq, .trig); leave out with --store")
    ex.add_argument("--store", metavar="DIR", help="read the embedded store in DIR instead of a file")
    ex.add_argument("--format", default="nquads",
                    help="comma-separated: nt, nquads, trig, jsonld, graphml, gexf, neo4j, cypher, "
                         "facts (facts.csv) (default: nquads)")
    ex.add_argument("--out", default="output", help="output folder (default: output/)")
    ex.set_defaults(func=_cmd_export)

    pe = sub.add_parser("person", help="one person's posts (first and last dated statement) and meetings, by date")
    pe.add_argument("name", help="the name, in simplified or traditional characters, a form the articles write, "
                                 "or pinyin (fang liyan)")
    pe.add_argument("graph", nargs="?", help="a built graph file (graph.ttl); leave out with --store")
    pe.add_argument("--store", metavar="DIR", help="read the embedded store in DIR instead of a file")
    pe.add_argument("--format", choices=("table", "csv", "json"), default="table")
    pe.set_defaults(func=_cmd_person)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
