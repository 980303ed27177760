"""One loader for graph files (kg.graph.files): every format reads the same, every command uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from kg.analysis.entities import _triples, entity_graph
from kg.analysis.view_terms import view_triple
from kg.cli import main
from kg.corpus.build import BuildOptions, build_corpus
from kg.errors import KgError
from kg.graph import files, query
from kg.rdf import shape
from kg.rdf.terms import lit, ntriples, value
from kg.view.writers import output_writers, write_all

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
CQ = sorted((ROOT / "queries" / "cq").glob("*.rq"))
FORMATS = ("nt", "nquads", "trig", "jsonld")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """Both bundled examples in one graph (people and kinds shared), with graph.nq and every
    RDF export of graph.ttl."""
    out = tmp_path_factory.mktemp("files")
    build_corpus([str(p) for p in EXAMPLES], out, BuildOptions(nquads=True))
    assert main(["export", str(out / "graph.ttl"), "--format", ",".join(FORMATS), "--out", str(out / "x")]) == 0
    return out


def _paths(out: Path) -> list[Path]:
    return [out / "graph.ttl", out / "graph.nq"] + [out / "x" / f"graph.{s}" for s in ("nt", "nq", "trig", "jsonld")]


@pytest.mark.parametrize("cq", CQ, ids=lambda p: p.stem)
def test_every_format_gives_the_same_rows(built, cq):
    sparql = cq.read_text(encoding="utf-8")
    rows = {p.relative_to(built).as_posix(): query.run(query.load_graph(p), sparql) for p in _paths(built)}
    reference = rows["graph.ttl"]
    assert reference[1], f"{cq.stem}: the examples answer every competency query"
    for name, got in rows.items():
        assert got == reference, name


def test_cli_query_stats_and_view_read_nquads_like_turtle(built, capsys, tmp_path):
    for cmd in (["query", "{g}", str(CQ[0])], ["stats", "{g}", "--format", "json"]):
        outs = []
        for g in ("graph.ttl", "graph.nq"):
            assert main([c.format(g=built / g) for c in cmd]) == 0
            outs.append(capsys.readouterr().out)
        assert outs[0] == outs[1] and "(0 rows)" not in outs[0], cmd
    assert json.loads(outs[0])["graph"]["entities"] > 20
    assert main(["view", str(built / "graph.nq"), "--out", str(tmp_path / "nq.html")]) == 0
    assert main(["view", str(built / "graph.ttl"), "--out", str(tmp_path / "ttl.html")]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].split(": ", 1)[1] == said[1].split(": ", 1)[1]  # same entities and relations


def test_the_build_s_graph_nq_is_the_split_of_graph_ttl_byte_for_byte(built):
    """One splitter: graph.ttl split on the way in, the build's graph.nq and the N-Quads
    export give the same graphs (and graph.nq the export's bytes)."""
    split = files.article_graphs(built / "graph.ttl")
    written = files.article_graphs(built / "graph.nq")
    assert split == written and len(written) == 3  # two articles and the shared graph
    assert (built / "graph.nq").read_bytes() == (built / "x" / "graph.nq").read_bytes()
    # the union of the graphs is the merged graph, each triple in one graph
    merged = [t for ts in split.values() for t in ts]
    assert len(merged) == len(set(merged))
    assert "".join(ntriples(merged)).encode("utf-8") == (built / "x" / "graph.nt").read_bytes()


def test_entity_view_of_a_store_and_of_an_rdflib_graph_agree(built):
    st = files.load(built / "graph.ttl")
    g = Graph().parse(built / "graph.ttl")
    a, b = entity_graph(st), entity_graph(g)
    assert a.number_of_nodes() > 20
    assert sorted(a.nodes(data="label")) == sorted(b.nodes(data="label"))
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))


def test_unreadable_files_are_one_line_errors(tmp_path):
    with pytest.raises(KgError, match="no such graph file"):
        files.load(tmp_path / "missing.ttl")
    odd = tmp_path / "graph.xlsx"
    odd.write_text("x")
    with pytest.raises(KgError, match="not a graph file kg reads"):
        files.load(odd)
    broken = tmp_path / "graph.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    for fn in (files.load, files.article_graphs):
        with pytest.raises(KgError, match="not a readable") as err:
            fn(broken)
        assert "\n" not in str(err.value)


#: invented: quotes, a backslash, a tab and a line separator the N-Triples lines escape
ODD = ('省人大常委会召开“会议”\n本报讯 3月5日，省人大常委会第十次会议召开。常委会主任丁立新主持会议。'
       '副主任庞思远出席，称"要\\落实"。\t附件\u2028见后。\n')


def test_the_builds_views_come_from_the_merge_and_equal_the_files(tmp_path):
    """kg build hands the views what they read of the graph as it merges it (no re-reading):
    the page and analysis are the bytes `kg view`/`kg stats` make from graph.ttl, and the
    triples kept of the N-Triples lines are the ones read from the file."""
    odd = tmp_path / "odd.txt"
    odd.write_text(ODD, encoding="utf-8")
    out = tmp_path / "out"
    build_corpus([*map(str, EXAMPLES), str(odd)], out, BuildOptions(nquads=True, writers=tuple(output_writers())))
    again = tmp_path / "again"
    write_all(out / "graph.ttl", again)
    for name in ("graph.html", "analysis.md", "analysis.json"):
        assert (out / name).read_bytes() == (again / name).read_bytes(), name
    quads = (out / "graph.nq").read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 in a literal
    lines = sorted({ln.rsplit(" <", 1)[0] + " .\n" for ln in quads if ln})
    kept = [t for t in map(view_triple, lines) if t is not None]
    assert sorted(set(kept)) == sorted(set(_triples(out / "graph.ttl")))
    assert '副主任庞思远出席，称"要\\落实"。' in {o for _, _, o in kept}  # escapes undone


@pytest.mark.parametrize("text", ['要"落实"', "a\\b", "行一\n行二\r", "\t附件\u2028见后", ""])
def test_a_literal_reads_back_from_its_ntriples_line(text):
    line = f"<https://w3id.org/kg-cn/id/x> <{shape.ANCHOR}> {lit(text)} .\n"
    assert view_triple(line) == ("https://w3id.org/kg-cn/id/x", str(shape.ANCHOR), text)
    assert value('"\\u8981\\U0001F600\\t"') == "要\U0001F600\t"  # the escapes other writers use
