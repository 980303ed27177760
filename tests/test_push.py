"""kg push into a real Oxigraph server (PyPI `oxigraph`): rows like rdflib, push twice count once."""

from __future__ import annotations

import pytest
from store_support import CQ, SEED, invented_article, invented_corpus, rdflib_rows

from kg.cli import main
from kg.errors import KgError
from kg.graph import http, push, serve
from kg.graph.query import load_graph
from kg.rdf.mapping import new_graph

COUNT = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-cn/')) }")
GRAPHS = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
          "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-cn/')) } ORDER BY ?g")


@pytest.fixture
def oxigraph(tmp_path):
    """A writable Oxigraph server on 127.0.0.1 with its own database folder; yields its base URL."""
    proc, base = serve.start(tmp_path / "oxdb", writable=True, union=True)
    try:
        yield base
    finally:
        serve.stop(proc)


def _count(base: str) -> int:
    return int(http.select(base + "/query", COUNT)[1][0][0])


def _check_rows(base, g, must_answer: bool) -> None:
    for q in CQ:
        expected = rdflib_rows(g, q)
        if must_answer:
            assert expected, q.stem
        assert http.select(base + "/query", q.read_text(encoding="utf-8"))[1] == expected, q.stem


def test_push_invented_corpus_rows_equal_rdflib_and_push_twice_counts_once(oxigraph, tmp_path):
    g = invented_corpus()
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    first = push.push_file(path, oxigraph + "/store")
    assert len(first.created) == 2 and not first.replaced
    n = _count(oxigraph)
    assert n == first.triples >= len(g)  # shared entities are described once per article graph
    _check_rows(oxigraph, g, must_answer=True)
    second = push.push_file(path, oxigraph + "/store")
    assert len(second.replaced) == 2 and not second.created
    assert _count(oxigraph) == n
    _check_rows(oxigraph, g, must_answer=True)
    assert "2 graphs (0 new, 2 replaced)" in second.summary()


def test_push_seed_article_rows_equal_rdflib(oxigraph, tmp_path, capsys):
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    assert main(["build", str(SEED), "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["push", str(tmp_path / "graph.ttl"), "--endpoint", oxigraph + "/store"]) == 0
    assert "pushed 1 graph (1 new, 0 replaced)" in capsys.readouterr().out
    _check_rows(oxigraph, load_graph(tmp_path / "graph.ttl"), must_answer=False)
    n = _count(oxigraph)
    assert main(["push", str(tmp_path / "graph.ttl"), "--endpoint", oxigraph + "/store"]) == 0
    assert _count(oxigraph) == n


def test_pushing_one_article_again_leaves_the_others(oxigraph, tmp_path):
    g = invented_corpus()
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    push.push_file(path, oxigraph + "/store")
    graphs = http.select(oxigraph + "/query", GRAPHS)[1]
    a_again = tmp_path / "a.ttl"
    invented_article("a", new_graph()).serialize(a_again, format="turtle")
    report = push.push_file(a_again, oxigraph + "/store")
    assert len(report.replaced) == 1
    assert http.select(oxigraph + "/query", GRAPHS)[1] == graphs


def test_push_errors_are_clear(oxigraph, tmp_path, capsys):
    path = tmp_path / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    with pytest.raises(KgError, match="cannot reach"):
        push.push_file(path, f"http://127.0.0.1:{serve.free_port()}/store")
    # a rejected payload: the server cannot parse what it is sent
    with pytest.raises(KgError, match=r"rejected graph <urn:x:g>: HTTP 400"):
        http.request(http.session(), "PUT", push.graph_url(oxigraph + "/store", "urn:x:g"),
                            "graph <urn:x:g>", data=b"<urn:x:a> not turtle", headers={"Content-Type": push.CONTENT_TYPE})
    assert main(["push", str(tmp_path / "missing.ttl"), "--endpoint", oxigraph + "/store"]) == 1
    assert "no such graph file" in capsys.readouterr().err


# -- credentials -------------------------------------------------------------------------------------
def test_a_password_on_the_command_line_warns_and_an_endpoint_password_is_never_shown(tmp_path, capsys):
    path = tmp_path / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    endpoint = f"http://editor:hunter2secret@127.0.0.1:{serve.free_port()}/store?token=abc"
    assert main(["push", str(path), "--endpoint", endpoint, "--user", "editor", "--password", "pw-on-argv"]) == 1
    err = capsys.readouterr().err
    assert "--password is visible to every user of this machine" in err
    assert "hunter2secret" not in err and "token=abc" not in err
    assert f"cannot reach http://editor:***@127.0.0.1:{endpoint.split(':')[3].split('/')[0]}/store" in err


def test_the_password_comes_from_the_environment_the_netrc_file_or_a_prompt(tmp_path, monkeypatch):
    monkeypatch.delenv(http.PASSWORD_ENV, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "netrc"))
    endpoint = "http://graphs.example.org:8890/store"
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(KgError, match=r"no password for editor at http://graphs.example.org:8890/store: set \$KG_PUSH"):
        http.login(endpoint, "editor")
    assert http.login(endpoint, None) == (None, None)  # no login asked for
    (tmp_path / "netrc").write_text("machine graphs.example.org login editor password from-netrc\n")
    (tmp_path / "netrc").chmod(0o600)
    assert http.login(endpoint, None) == ("editor", "from-netrc")
    assert http.login(endpoint, "editor") == ("editor", "from-netrc")
    monkeypatch.setenv(http.PASSWORD_ENV, "from-env")
    assert http.login(endpoint, "editor") == ("editor", "from-env")
    monkeypatch.delenv(http.PASSWORD_ENV)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: "typed" if "other at http://graphs" in prompt else "?")
    assert http.login(endpoint, "other") == ("other", "typed")


# -- one splitter: graph.ttl, graph.nq and the export give the same server state --------------------
ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _frozen(bindings: list[dict]) -> set[tuple]:
    return {tuple(tuple(sorted(b[v].items())) for v in ("g", "s", "p", "o")) for b in bindings}


def _server_state(base: str) -> set[tuple]:
    import requests

    resp = requests.post(base + "/query", data={"query": ALL_QUADS},
                         headers={"Accept": "application/sparql-results+json"}, timeout=60)
    resp.raise_for_status()
    return _frozen(resp.json()["results"]["bindings"])


def _file_state(path) -> set[tuple]:
    import json

    import pyoxigraph as ox

    st = ox.Store()
    st.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    data = st.query(ALL_QUADS).serialize(format=ox.QueryResultsFormat.JSON)
    return _frozen(json.loads(data)["results"]["bindings"])


def test_pushing_graph_ttl_or_graph_nq_leaves_the_state_of_the_nquads_export(oxigraph, tmp_path, capsys):
    from pathlib import Path

    from kg.corpus.build import BuildOptions, build_corpus

    examples = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.txt"))
    out = tmp_path / "out"
    build_corpus([str(p) for p in examples], out, BuildOptions(nquads=True))
    assert main(["export", str(out / "graph.ttl"), "--format", "nquads", "--out", str(tmp_path / "x")]) == 0
    exported = _file_state(tmp_path / "x" / "graph.nq")
    assert len({q[0] for q in exported}) == len(examples) + 1  # each article's graph and the shared one
    states = []
    for name in ("graph.ttl", "graph.nq"):
        http.request(http.session(), "POST", oxigraph + "/update", "the update", data=b"DROP ALL",
                     headers={"Content-Type": "application/sparql-update"})
        assert _server_state(oxigraph) == set()
        assert main(["push", str(out / name), "--endpoint", oxigraph + "/store"]) == 0
        states.append(_server_state(oxigraph))
    assert states[0] == states[1] == exported
    # pushing the other file on top changes nothing: every triple lies in one graph, once
    assert main(["push", str(out / "graph.ttl"), "--endpoint", oxigraph + "/store"]) == 0
    assert _server_state(oxigraph) == exported and _count(oxigraph) == len(exported)
    capsys.readouterr()
