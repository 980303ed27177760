"""The front door of `kg serve`: every request is checked here, then passed to Oxigraph.

Oxigraph's server runs on a private port of 127.0.0.1 (`kg.graph.serve`); this process
listens where the user asked and forwards what passes the checks, streaming the answer
back. A request is refused (HTTP 403, one line of text) when
- its `Host` is not a name of this server while it listens on loopback only (a DNS
  rebinding page would name its own host);
- it comes from a web page of another origin (`Origin`, `Sec-Fetch-Site`): browsers
  send these with every cross-site write and script request;
- it writes (`/update`, or PUT/POST/DELETE on `/store`) while the server is read-only, or
  with a content type an HTML form can send (`application/x-www-form-urlencoded`,
  `multipart/form-data`, `text/plain`): a page cannot make a browser send
  `application/sparql-update` or `text/turtle` to another origin without asking first
  (a CORS preflight, which this server never grants), so a forged form cannot write;
- it asks the server to fetch from elsewhere (`SERVICE` in a query or update, `LOAD` in an
  update), unless kg serve was started with `--allow-remote`. The Oxigraph process is
  also denied outgoing connections by the kernel (`kg.graph.sandbox`), so a query that
  hides the word from this check fails there.
"""

from __future__ import annotations

import http.client
import re
import socket
import socketserver
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import parse_qs, urlsplit

#: largest query or update read to be checked (a Graph Store upload is streamed, not read)
MAX_TEXT = 64 << 20
#: longer queries and updates are not read word by word (that costs seconds per megabyte)
LEX_LIMIT = 1 << 20
#: content types an HTML form sends without asking the server (CORS "simple" types)
SIMPLE_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data", "text/plain", ""})
_HOP = frozenset({"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
                  "expect"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_START = re.compile(r"""[#"'<]|[?$][A-Za-z0-9_]|(?:[A-Za-z_][\w\-.]*)?:|[A-Za-z_]""")
_IRI = re.compile(r"""<[^<>"{}|^`\\\x00-\x20]*>""")
_VAR = re.compile(r"[?$][A-Za-z0-9_]+")
_PNAME = re.compile(r"(?:[A-Za-z_][\w\-.]*)?:(?:[\w\-.:%]|\\.)*")
_WORD = re.compile(r"[A-Za-z_]\w*")


def _line_end(text: str, i: int) -> int:
    ends = [k for k in (text.find("\n", i), text.find("\r", i)) if k >= 0]
    return min(ends) if ends else len(text)


def _string_end(text: str, start: int, quote: str) -> int:
    """Where the string opened at `start` by `quote` (one quote character or three)
    ends; a short string ends at a line break at the latest, an unclosed long one at
    the end of the text."""
    i = start + len(quote)
    limit = _line_end(text, i) if len(quote) == 1 else len(text)
    while True:
        j = text.find(quote, i, limit)
        if j < 0:
            return limit
        k = j
        while k > start and text[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:  # not escaped
            return j + len(quote)
        i = j + 1


def keywords(text: str, wanted: frozenset[str] = frozenset({"SERVICE", "LOAD"})) -> set[str]:
    """Which of the `wanted` keywords a SPARQL query or update holds as keywords: words
    outside comments, strings and IRIs, not variables or prefixed names. The \\u escapes
    SPARQL allows anywhere are read first, as the parser does. Linear in the text."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    upper = text.upper()
    if not any(w in upper for w in wanted):
        return set()
    found: set[str] = set()
    i = 0
    while (m := _START.search(text, i)) is not None:
        i = m.start()
        ch = text[i]
        if ch == "#":
            i = _line_end(text, i)
        elif ch in "\"'":
            i = _string_end(text, i, ch * 3 if text.startswith(ch * 3, i) else ch)
        elif ch == "<":
            iri = _IRI.match(text, i)
            i = iri.end() if iri else i + 1
        elif ch in "?$":
            i = _VAR.match(text, i).end()
        elif (pname := _PNAME.match(text, i)) is not None:
            i = pname.end()
        else:
            word = _WORD.match(text, i).group()
            if word.upper() in wanted:
                found.add(word.upper())
            i += len(word)
    return found


@dataclass(frozen=True)
class Policy:
    """What the gate lets through."""

    writable: bool = False
    allow_remote: bool = False
    hosts: frozenset[str] | None = None  # Host header names accepted (None: any)
    sandboxed: bool = True  # the kernel denies the SPARQL server outgoing connections


def refusal(policy: Policy, method: str, path: str, headers, texts: list[str]) -> str | None:
    """Why a request is refused (one line), or None when it may pass. `texts` are the
    queries and updates the request carries."""
    route = urlsplit(path).path
    return (_foreign(policy, headers) or _unsafe_path(route) or _write_refused(policy, method, route, headers)
            or _remote_refused(policy, texts))


def _foreign(policy: Policy, headers) -> str | None:
    """Why a request from an unknown host or another origin's web page is refused."""
    host = (headers.get("Host") or "").strip().lower()
    if policy.hosts is not None and _hostname(host) not in policy.hosts:
        return f"unknown Host {host!r}: this endpoint answers as localhost or its address only"
    origin = headers.get("Origin")
    if origin is not None and origin.strip().lower() != f"http://{host}":
        return f"requests from web pages of another origin ({origin}) are refused"
    if (headers.get("Sec-Fetch-Site") or "").lower() == "cross-site":
        return "cross-site requests from web pages are refused"
    return None


def _unsafe_path(route: str) -> str | None:
    if "\\" in route or "%2e" in route.lower() or any(seg in (".", "..") for seg in route.split("/")):
        return "a path with dot segments or backslashes is refused"
    return None


def _write_refused(policy: Policy, method: str, route: str, headers) -> str | None:
    """Why a write is refused: a read-only endpoint, or a body an HTML form could send."""
    # Oxigraph's routes: /update exactly; the Graph Store at /store and every path under it
    writes = route == "/update" or (route.startswith("/store") and method in ("PUT", "POST", "DELETE"))
    if not writes:
        return None
    if not policy.writable:
        return "this endpoint is read-only (start kg serve with --writable to accept writes)"
    ctype = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if method == "POST" and ctype in SIMPLE_TYPES:
        return (f"a write sent as {ctype or 'no content type'} is refused (an HTML form can send that): "
                f"send updates as application/sparql-update, graphs as their RDF type")
    return None


def _remote_refused(policy: Policy, texts: list[str]) -> str | None:
    """Why a query or update asking the endpoint to reach another server is refused."""
    if policy.allow_remote:
        return None
    for text in texts:
        words = _remote_words(text, policy.sandboxed)
        for word, what in (("SERVICE", "SERVICE (a federated query)"), ("LOAD", "LOAD")):
            if word in words:
                return (f"{what} is refused: this endpoint sends no requests to other servers "
                        f"(start kg serve with --allow-remote to allow it)")
    return None


def _remote_words(text: str, sandboxed: bool) -> set[str]:
    if len(text) <= LEX_LIMIT:
        return keywords(text)
    if sandboxed:
        return set()  # too long to read word by word: the kernel's filter stops any connection
    upper = text.upper()  # no filter here: the word anywhere is enough to refuse
    return {w for w in ("SERVICE", "LOAD") if w in upper}


def _hostname(host: str) -> str:
    """The name part of a Host header (`[::1]:7878` -> `::1`)."""
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _texts(method: str, path: str, ctype: str, body: bytes | None) -> list[str]:
    """The queries and updates of a SPARQL protocol request."""
    params = parse_qs(urlsplit(path).query, keep_blank_values=True)
    texts = params.get("query", []) + params.get("update", [])
    if body:
        decoded = body.decode("utf-8", "replace")
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(decoded, keep_blank_values=True)
            texts += form.get("query", []) + form.get("update", [])
        else:
            texts.append(decoded)
    return texts


class _Body:
    """At most `n` bytes of a request body, read as they are forwarded."""

    def __init__(self, fh, n: int) -> None:
        self.fh, self.left = fh, n

    def read(self, size: int = -1) -> bytes:
        if self.left <= 0:
            return b""
        size = self.left if size < 0 else min(size, self.left)
        data = self.fh.read(size)
        self.left -= len(data)
        return data


class _Handler(BaseHTTPRequestHandler):
    server: Gate
    timeout = 120  # a client that stops sending does not hold a thread for ever
    server_version = "kg-serve"
    protocol_version = "HTTP/1.1"  # answers "Expect: 100-continue"; every answer closes its connection

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass  # no access log on stderr: kg serve prints one line at start

    def _refuse(self, status: int, reason: str) -> None:
        body = f"kg serve: {reason}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _handle(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._refuse(411, "send the body with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return self._refuse(400, "bad Content-Length")
        route = urlsplit(self.path).path
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body: bytes | _Body | None = None
        texts: list[str] = []
        if route in ("/query", "/update"):  # read whole: the text is checked before it goes on
            if length > MAX_TEXT:
                return self._refuse(413, f"a query or update over {MAX_TEXT >> 20} MB is refused")
            body = self.rfile.read(length) if length else None
            texts = _texts(self.command, self.path, ctype, body)
        elif length:
            body = _Body(self.rfile, length)
        reason = refusal(self.server.policy, self.command, self.path, self.headers, texts)
        if reason is not None:
            return self._refuse(403, reason)
        self._forward(body, length)

    def _forward(self, body, length: int) -> None:
        timed = urlsplit(self.path).path in ("/query", "/update")
        ticket = self.server.enter(timed)
        host, port = ticket.address
        conn = http.client.HTTPConnection(host, port)
        sent = False
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
            headers["Connection"] = "close"
            if length:
                headers["Content-Length"] = str(length)
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            self.send_response(resp.status, resp.reason)
            for k, v in resp.getheaders():
                if k.lower() not in _HOP:
                    self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            sent = True
            while chunk := resp.read(1 << 16):
                self.wfile.write(chunk)
        except (OSError, http.client.HTTPException):  # a cut answer ends the client's answer there
            if not sent:  # the server was stopped under it, or never answered
                self._refuse(*self.server.why_not_answered(ticket))
        finally:
            self.server.leave(ticket)
            conn.close()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = _handle


@dataclass
class Ticket:
    """One request forwarded: to which server run, since when, whether it ran over."""

    address: tuple[str, int]
    run: int
    started: float
    timed: bool
    overdue: bool = False


class Backend(Protocol):
    """The SPARQL server behind the gate (`kg.graph.serve.Backend`)."""

    def current(self) -> tuple[tuple[str, int], int]: ...  # (host, port), run number

    def restart(self, run: int) -> None: ...  # stop run `run` (if still current), start the next


class Gate(ThreadingHTTPServer):
    """The checking front server before `backend`. With `timeout`, a query or update that
    has not been answered within that many seconds is stopped by restarting the server
    (Oxigraph's own limit does not interrupt every evaluation); the other requests of
    that moment are told to send again."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, sock: socket.socket, backend: Backend, policy: Policy, timeout: float | None) -> None:
        self.backend, self.policy, self.timeout = backend, policy, timeout
        socketserver.BaseServer.__init__(self, sock.getsockname()[:2], _Handler)
        self.socket = sock  # bound (and listening) by the caller: a busy port is told before anything starts
        self.server_address = sock.getsockname()[:2]
        self._lock = threading.Lock()
        self._open: dict[int, Ticket] = {}
        if timeout:
            threading.Thread(target=self._watch, name="kg serve timeout", daemon=True).start()

    def enter(self, timed: bool) -> Ticket:
        address, run = self.backend.current()
        ticket = Ticket(address, run, time.monotonic(), timed and bool(self.timeout))
        with self._lock:
            self._open[id(ticket)] = ticket
        return ticket

    def leave(self, ticket: Ticket) -> None:
        with self._lock:
            self._open.pop(id(ticket), None)

    def why_not_answered(self, ticket: Ticket) -> tuple[int, str]:
        if ticket.overdue:
            return 503, (f"the query was stopped after {self.timeout:g} s (kg serve --timeout); "
                         f"narrow it, or start kg serve with a longer --timeout")
        if self.backend.current()[1] != ticket.run:
            return 503, "the SPARQL server was restarted to stop another query that ran over time; send this again"
        return 502, "the SPARQL server did not answer"

    def _watch(self) -> None:
        while True:
            time.sleep(min(0.25, self.timeout / 4))
            now = time.monotonic()
            with self._lock:
                late = [t for t in self._open.values() if t.timed and now - t.started > self.timeout]
                for t in late:
                    t.overdue = True
            for run in sorted({t.run for t in late}):
                try:
                    self.backend.restart(run)
                except Exception as exc:  # the server would not start again: the endpoint ends
                    print(f"kg serve: the SPARQL server did not restart: {exc}", file=sys.stderr)
                    return

    def handle_error(self, request, client_address) -> None:
        print(f"kg serve: {sys.exc_info()[1]!r} while answering {client_address[0]}", file=sys.stderr)
