"""kg serve: the Oxigraph server over the store answers the competency queries like rdflib."""

from __future__ import annotations

import pytest
import requests
from store_support import CQ, invented_corpus, rdflib_rows

from kg.errors import KgError
from kg.graph import http, serve, store


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A store of the invented corpus, served read-only on 127.0.0.1; yields (base URL, graph)."""
    tmp = tmp_path_factory.mktemp("serve")
    g = invented_corpus()
    path = tmp / "graph.ttl"
    g.serialize(path, format="turtle")
    store.load_file(tmp / "db", path)
    proc, base = serve.start(tmp / "db")
    try:
        yield base, g
    finally:
        serve.stop(proc)


@pytest.mark.parametrize("query", CQ, ids=lambda p: p.stem)
def test_endpoint_rows_equal_rdflib_rows(served, query):
    base, g = served
    expected = rdflib_rows(g, query)
    assert expected
    assert http.select(base + "/query", query.read_text(encoding="utf-8"))[1] == expected


@pytest.mark.parametrize("accept, ctype, marker", [
    ("application/sparql-results+json", "application/sparql-results+json", '"bindings"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
    ("text/csv", "text/csv", "name\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", "?name\n"),
])
def test_results_by_accept_header_on_get_and_post(served, accept, ctype, marker):
    base, _ = served
    q = (CQ[0].parent / "people.rq").read_text(encoding="utf-8")
    for resp in (requests.get(base + "/query", params={"query": q}, headers={"Accept": accept}, timeout=10),
                 requests.post(base + "/query", data=q.encode("utf-8"), timeout=10,
                               headers={"Accept": accept, "Content-Type": "application/sparql-query"})):
        assert resp.status_code == 200
        assert resp.headers["Content-Type"].startswith(ctype)
        assert marker in resp.content.decode("utf-8")
        assert "柯明远" in resp.content.decode("utf-8")


def test_read_only_by_default(served):
    base, _ = served
    resp = requests.post(base + "/update", data="INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
                         headers={"Content-Type": "application/sparql-update"}, timeout=10)
    assert resp.status_code == 403
    with pytest.raises(KgError, match="refused"):
        http.request(http.session(), "PUT", base + "/store?graph=urn:x:g", "a graph",
                            data=b"<urn:x:a> <urn:x:b> <urn:x:c> .", headers={"Content-Type": "text/turtle"})


def test_binds_to_loopback_by_default(tmp_path):
    cmd = serve.command(tmp_path, port=7999)
    assert "127.0.0.1:7999" in cmd and "serve-read-only" in cmd and "--union-default-graph" not in cmd
    assert "--union-default-graph" in serve.command(tmp_path, port=7999, union=True)
    assert "serve" in serve.command(tmp_path, port=7999, writable=True)
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("::1") and not serve.is_loopback("0.0.0.0")


def test_serving_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(KgError, match="no such store"):
        serve.start(tmp_path / "nothing")
