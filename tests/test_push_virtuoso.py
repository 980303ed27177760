"""kg push into a real Virtuoso (Debian virtuoso-opensource) with digest auth, then query it."""

from __future__ import annotations

import pytest
from store_support import CQ, invented_corpus, rdflib_rows, virtuoso

from kg.errors import KgError
from kg.graph import http, push

COUNT = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/kg-cn/')) }")


@pytest.fixture(scope="module")
def virt(tmp_path_factory):
    with virtuoso(tmp_path_factory.mktemp("virtuoso")) as base:
        yield base


def test_push_with_digest_auth_then_query(virt, tmp_path):
    g = invented_corpus()
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    endpoint = virt + "/sparql-graph-crud-auth"
    first = push.push_file(path, endpoint, user="dba", password="dba", auth="digest")
    assert len(first.created) == 2
    n = int(http.select(virt + "/sparql", COUNT)[1][0][0])
    assert n == first.triples
    second = push.push_file(path, endpoint, user="dba", password="dba", auth="digest")
    assert len(second.replaced) == 2 and not second.created
    assert int(http.select(virt + "/sparql", COUNT)[1][0][0]) == n
    for q in CQ:
        expected = rdflib_rows(g, q)
        assert expected
        got = http.select(virt + "/sparql", q.read_text(encoding="utf-8"))[1]
        assert got == expected, q.stem


def test_refused_login_is_a_clear_error(virt, tmp_path):
    path = tmp_path / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    with pytest.raises(KgError, match=r"login refused \(HTTP 401\)"):
        push.push_file(path, virt + "/sparql-graph-crud-auth", user="dba", password="wrong", auth="digest")
    with pytest.raises(KgError, match="needs a login"):
        push.push_file(path, virt + "/sparql-graph-crud-auth")


def test_rejected_payload_names_the_graph_and_the_reason(virt):
    s = http.session("dba", "dba", "digest")
    with pytest.raises(KgError, match=r"rejected graph <urn:x:g>: HTTP 5\d\d: .*rejected"):
        http.request(s, "PUT", push.graph_url(virt + "/sparql-graph-crud-auth", "urn:x:g"), "graph <urn:x:g>",
                            data=b"garbage <<", headers={"Content-Type": push.CONTENT_TYPE})
