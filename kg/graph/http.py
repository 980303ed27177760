"""SPARQL over HTTP: an authenticated session, one-line errors, and SELECT rows as strings.

Used by `kg push` (Graph Store Protocol) and by `kg query --endpoint` (Query Protocol).
Errors are turned into KgError with the endpoint named: unreachable, login refused,
payload or query rejected (with the first line the server gave as the reason).
"""

from __future__ import annotations

import re

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from kg.errors import KgError

TIMEOUT = (10, 300)  # connect, read (seconds)


def session(user: str | None = None, password: str | None = None, auth: str = "basic") -> requests.Session:
    """An HTTP session with basic or digest auth when a user is given."""
    s = requests.Session()
    if user is not None:
        if auth not in ("basic", "digest"):
            raise KgError(f"unknown auth scheme {auth!r} (basic or digest)")
        s.auth = (HTTPDigestAuth if auth == "digest" else HTTPBasicAuth)(user, password or "")
    return s


def _reason(resp: requests.Response) -> str:
    """The first meaningful line of an error body (HTML tags stripped)."""
    text = re.sub(r"<[^>]+>", "\n", resp.text or "")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    skip = {"sparql graph protocol request failed", "error"}
    useful = [ln for ln in lines if ln.lower() not in skip and not ln.lower().startswith(("<!doctype", "http/1"))]
    return (useful[-1] if useful else resp.reason or "")[:200]


def request(s: requests.Session, method: str, url: str, what: str, **kwargs) -> requests.Response:
    """Send one request; returns the response, or raises KgError saying what went wrong."""
    try:
        resp = s.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.exceptions.ConnectionError as exc:
        raise KgError(f"cannot reach {url.split('?')[0]}: connection refused or host unknown") from exc
    except requests.exceptions.Timeout as exc:
        raise KgError(f"{url.split('?')[0]}: no answer in time") from exc
    except requests.exceptions.RequestException as exc:
        raise KgError(f"{url.split('?')[0]}: {exc.__class__.__name__}: {str(exc)[:160]}") from exc
    if resp.status_code in (401, 403):
        who = "login refused" if s.auth is not None else "needs a login (--user, --password)"
        if resp.status_code == 403 and s.auth is None:
            who = "refused the request (read-only or forbidden)"
        raise KgError(f"{url.split('?')[0]}: {who} (HTTP {resp.status_code})")
    if resp.status_code >= 400:
        raise KgError(f"{url.split('?')[0]} rejected {what}: HTTP {resp.status_code}: {_reason(resp)}")
    return resp


def select(endpoint: str, sparql: str, s: requests.Session | None = None) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT at a SPARQL Query Protocol endpoint (POST); returns column names and rows of strings."""
    s = s or session()
    resp = request(s, "POST", endpoint, "the query", data={"query": sparql},
                   headers={"Accept": "application/sparql-results+json"})
    try:
        body = resp.json()
    except ValueError as exc:
        raise KgError(f"{endpoint}: the answer is not SPARQL JSON results") from exc
    names = body["head"]["vars"]
    rows = [[b[n]["value"] if n in b else None for n in names] for b in body["results"]["bindings"]]
    return names, rows
