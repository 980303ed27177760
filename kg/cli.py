"""The `kg` command: build, query (and the commands other modules register)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError


def _cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build_files

    build_files(args.inputs, Path(args.out), args)
    return 0


def _cmd_query(args: argparse.Namespace) -> int:
    from kg import query

    if getattr(args, "store", None):
        from kg import store

        if args.graph:
            raise KgError("give either a graph file or --store, not both")
        names, rows = store.query(Path(args.store), query.read_query(args.query))
    elif not args.graph:
        raise KgError("give a graph file or --store DIR")
    else:
        names, rows = query.run(query.load_graph(Path(args.graph)), query.read_query(args.query))
    sys.stdout.write(query.format_rows(names, rows, args.format))
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser of `kg` and all its subcommands."""
    ap = argparse.ArgumentParser(prog="kg", description="Knowledge graphs of Chinese political news.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph of one or more articles")
    b.add_argument("inputs", nargs="+", help="article files")
    b.add_argument("--out", default="output", help="output folder (default: output/)")
    b.add_argument("--store", metavar="DIR", help="also load the graph into the embedded store in DIR")
    b.set_defaults(func=_cmd_build)

    q = sub.add_parser("query", help="run a SPARQL SELECT query over a graph")
    q.add_argument("graph", nargs="?", help="a Turtle file (graph.ttl); leave out with --store")
    q.add_argument("query", help="a .rq file or the query text")
    q.add_argument("--store", metavar="DIR", help="query the embedded store in DIR instead of a file")
    q.add_argument("--format", choices=("table", "csv", "json"), default="table")
    q.set_defaults(func=_cmd_query)
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
