"""`kg build`: read articles, extract, map to RDF and write the outputs."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.errors import KgError
from kg.outputs import write_atomic
from kg.pipeline import build_article
from kg.rdf.mapping import new_graph
from kg.rdf.serialize import turtle


def read_article(path: Path) -> str:
    """The text of an article file (UTF-8, with or without BOM)."""
    if not path.exists():
        raise KgError(f"{path}: no such file")
    if path.is_dir():
        raise KgError(f"{path}: is a directory")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise KgError(f"{path}: not UTF-8 text") from exc
    if not text.strip():
        raise KgError(f"{path}: empty file")
    return text


def build_files(inputs: list[str], out: Path, args: argparse.Namespace | None = None) -> Path:
    """Build the graph of the given article files into out/graph.ttl; returns its path."""
    graph = new_graph()
    for name in inputs:
        path = Path(name)
        build_article(read_article(path), source=path.name, graph=graph)
    written = write_atomic(out / "graph.ttl", turtle(graph))
    if args is not None and getattr(args, "store", None):
        from kg.store import load_file  # issue 4: --store loads the built graph, one named graph per article

        load_file(Path(args.store), written)
    return written
