"""kg serve under hostile callers: no requests into the network (SERVICE, LOAD), no
cross-site writes, a query time limit, a child that dies with kg whatever the signal,
a busy port told in one line. Each test runs `kg serve` as users do, in a process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests
from store_support import invented_corpus

from kg.graph import sandbox, store
from kg.graph.gate import keywords
from kg.graph.serve import free_port

CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
SECRET = "secret-error-body-of-an-internal-service"


class _Target(BaseHTTPRequestHandler):
    """A service of this machine that must never hear from kg serve."""

    def _answer(self) -> None:
        self.server.hits.append(self.path)
        body = SECRET.encode()
        self.send_response(500)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def target():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Target)
    server.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("served")
    path = tmp / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    store.load_file(tmp / "db", path)
    return tmp / "db"


class Served:
    """`kg serve` in a child process; `base` is its URL."""

    def __init__(self, db: Path, *args: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(db),
                                      "--port", str(self.port), *args],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True)
        self.line = self.proc.stderr.readline()
        assert "SPARQL endpoint" in self.line, (self.line, self.proc.stderr.read() if self.proc.poll() else "")
        self.base = f"http://127.0.0.1:{self.port}"

    def children(self) -> list[int]:
        """The pids of the processes kg serve started (Oxigraph)."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.proc.pid:
                    found.append(int(entry.name))
        return found

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=20)
        self.proc.stderr.close()


@pytest.fixture(scope="module")
def read_only(db):
    s = Served(db)
    try:
        yield s
    finally:
        s.close()


@pytest.fixture(scope="module")
def writable(tmp_path_factory):
    s = Served(tmp_path_factory.mktemp("rw") / "db", "--writable")
    try:
        yield s
    finally:
        s.close()


def _query(base: str, q: str, how: str = "get") -> requests.Response:
    if how == "get":
        return requests.get(base + "/query", params={"query": q}, timeout=30)
    if how == "form":
        return requests.post(base + "/query", data={"query": q}, timeout=30)
    return requests.post(base + "/query", data=q.encode(), headers={"Content-Type": "application/sparql-query"},
                         timeout=30)


# -- 1. SERVICE ------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["get", "form", "body"])
def test_service_is_refused_and_the_server_sends_nothing(read_only, target, how):
    url = f"http://127.0.0.1:{target.server_address[1]}/x"
    before = len(target.hits)
    for q in (f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
              f"select * {{ service silent<{url}>{{?s ?p ?o}} }}",
              f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}"):
        resp = _query(read_only.base, q, how)
        assert resp.status_code == 403, resp.text
        assert "SERVICE (a federated query) is refused" in resp.text and "--allow-remote" in resp.text
    assert len(target.hits) == before


@pytest.mark.skipif(not sandbox.supported(), reason="the kernel filter needs Linux on x86-64 or ARM64")
def test_a_service_hidden_from_the_gate_is_stopped_by_the_kernel(read_only, target):
    """The gate reads `<1)SERVICE#>` as an IRI; Oxigraph reads a comparison, the keyword
    and a comment. The connection is denied all the same."""
    url = f"http://127.0.0.1:{target.server_address[1]}/x"
    q = f"SELECT * WHERE {{ ?s ?p ?o FILTER(?a<1)SERVICE#>\n<{url}> {{ ?x ?y ?z }} }}"
    assert keywords(q) == set()  # the gate does not see it
    before = len(target.hits)
    resp = _query(read_only.base, q)
    assert len(target.hits) == before
    assert SECRET not in resp.text


def test_allow_remote_lets_service_through(db, target):
    s = Served(db, "--allow-remote")
    try:
        before = len(target.hits)
        _query(s.base, f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{target.server_address[1]}/x> {{ ?s ?p ?o }} }}")
        assert len(target.hits) > before  # the check above would see a request that got through
    finally:
        s.close()


def test_the_gate_reads_keywords_not_words_in_strings_iris_or_names():
    assert keywords("SELECT ?service WHERE { ?s ex:service ?o ; <https://schema.org/Service> 'SERVICE' } # LOAD") == set()
    assert keywords('INSERT DATA { <urn:a> <urn:b> """LOAD\nSERVICE""" }') == set()
    assert keywords("LOAD <http://example.org/x> INTO GRAPH <urn:g>") == {"LOAD"}
    assert keywords("SELECT * { ?s ?p ?o } ; \\u004cOAD <http://x/>") == {"LOAD"}


# -- 2. writes: LOAD and cross-site forms ------------------------------------------------------------
def _count(base: str) -> int:
    r = requests.post(base + "/query", data={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                      headers={"Accept": "text/csv"}, timeout=30)
    return int(r.text.split()[1])


def test_load_is_refused_and_reaches_nothing(writable, target):
    before = len(target.hits)
    for update in (f"LOAD <http://127.0.0.1:{target.server_address[1]}/x>",
                   f"INSERT {{ GRAPH <urn:x:g> {{ ?s ?p ?o }} }} WHERE {{ SERVICE <http://127.0.0.1:{target.server_address[1]}/x> {{ ?s ?p ?o }} }}"):
        resp = requests.post(writable.base + "/update", data=update.encode(),
                             headers={"Content-Type": "application/sparql-update"}, timeout=30)
        assert resp.status_code == 403 and SECRET not in resp.text
    assert len(target.hits) == before


def test_a_cross_site_form_cannot_write(writable):
    n = _count(writable.base)
    insert = "INSERT DATA { GRAPH <urn:x:csrf> { <urn:x:a> <urn:x:b> <urn:x:c> } }"
    for headers, data in (
        ({"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}, {"update": insert}),
        ({"Content-Type": "application/x-www-form-urlencoded"}, {"update": insert}),  # no Origin: still a form's type
        ({"Content-Type": "text/plain"}, insert.encode()),
        ({"Origin": "http://evil.example", "Content-Type": "application/sparql-update"}, insert.encode()),
        ({"Sec-Fetch-Site": "cross-site", "Content-Type": "application/sparql-update"}, insert.encode()),
    ):
        resp = requests.post(writable.base + "/update", data=data, headers=headers, timeout=30)
        assert resp.status_code == 403, (headers, resp.text)
    assert _count(writable.base) == n
    # the same update sent as SPARQL, from no web page or from the endpoint's own origin: written
    for origin in ({}, {"Origin": writable.base}):
        resp = requests.post(writable.base + "/update", data=insert.encode(), timeout=30,
                             headers={"Content-Type": "application/sparql-update", **origin})
        assert resp.status_code in (200, 204), resp.text
    assert _count(writable.base) == n + 1


def test_kg_push_to_a_writable_kg_serve_works(writable, tmp_path):
    from kg.graph import push

    path = tmp_path / "graph.ttl"
    invented_corpus().serialize(path, format="turtle")
    report = push.push_file(path, writable.base + "/store")
    assert len(report.created) + len(report.replaced) == 2


def test_a_foreign_host_name_is_refused(read_only):
    resp = requests.get(read_only.base + "/query", params={"query": "ASK {}"}, headers={"Host": "evil.example"},
                        timeout=30)
    assert resp.status_code == 403 and "unknown Host" in resp.text


def test_read_only_refuses_writes_at_the_gate(read_only):
    resp = requests.post(read_only.base + "/update", data=b"CLEAR ALL", timeout=30,
                         headers={"Content-Type": "application/sparql-update"})
    assert resp.status_code == 403 and "read-only" in resp.text


# -- 3. a time limit -----------------------------------------------------------------------------
def test_a_query_over_the_time_limit_is_stopped_and_the_server_goes_on(db):
    s = Served(db, "--timeout", "2")
    try:
        assert "queries stop after 2 s" in s.line
        (first,) = s.children()
        start = time.monotonic()
        resp = _query(s.base, CARTESIAN)
        assert time.monotonic() - start < 15
        assert resp.status_code == 503 and "stopped after 2 s" in resp.text
        assert first not in s.children()  # the process that held the query is gone
        resp = _query(s.base, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert resp.status_code == 200 and int(resp.json()["results"]["bindings"][0]["n"]["value"]) > 0
    finally:
        s.close()


# -- 4. the child dies with kg --------------------------------------------------------------------
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL])
def test_the_oxigraph_child_dies_with_kg_serve(db, sig):
    s = Served(db, "--writable") if sig == signal.SIGHUP else Served(db)
    try:
        children = s.children()
        assert len(children) == 1
        os.kill(s.proc.pid, sig)
        s.proc.wait(timeout=20)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(Path(f"/proc/{c}").exists() and _alive(c) for c in children):
            time.sleep(0.1)
        assert not any(Path(f"/proc/{c}").exists() and _alive(c) for c in children)
    finally:
        s.close()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# -- 5. a busy port --------------------------------------------------------------------------------
def test_a_busy_port_is_one_line_and_nothing_starts(db):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store", str(db), "--port", str(port)],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"kg: port {port} on 127.0.0.1 is in use by another program; choose another with --port"]


def test_writes_under_the_graph_store_and_dotted_paths_are_checked(writable, read_only):
    turtle = b"<urn:x:a> <urn:x:b> <urn:x:c> ."
    resp = requests.post(writable.base + "/store/some/graph", data=turtle, timeout=30,
                         headers={"Content-Type": "text/plain"})  # a form could send that
    assert resp.status_code == 403
    resp = requests.put(read_only.base + "/store/some/graph", data=turtle, timeout=30,
                        headers={"Content-Type": "text/turtle"})
    assert resp.status_code == 403 and "read-only" in resp.text
    import http.client

    for path in ("/query/../update", "/query/%2e%2e/update", "/query\\..\\update"):  # sent as written
        conn = http.client.HTTPConnection("127.0.0.1", writable.port, timeout=30)
        conn.request("POST", path, body=b"CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
        resp = conn.getresponse()
        assert resp.status == 403 and b"dot segments" in resp.read(), path
        conn.close()
