"""SPARQL over HTTP: an authenticated session, one-line errors, and SELECT rows as strings.

Used by `kg push` (Graph Store Protocol) and by `kg query --endpoint` (Query Protocol).
Errors are turned into KgError with the endpoint named: unreachable, login refused,
payload or query rejected (with the first line the server gave as the reason). An
endpoint is always shown with its password masked (`shown`), never as given.

`login` finds the password of a login without putting it on the command line (where
every user of the machine sees it in `ps`): $KG_PUSH_PASSWORD, the netrc file, or a
prompt on the terminal.
"""

from __future__ import annotations

import getpass
import netrc
import os
import re
import sys
from urllib.parse import urlsplit, urlunsplit

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


def shown(url: str) -> str:
    """`url` fit for a message: a password in it masked, the query string left out."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}:***@{host}" if ":" in userinfo else f"{user}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


PASSWORD_ENV = "KG_PUSH_PASSWORD"


def _netrc(host: str) -> tuple[str, str] | None:
    """(login, password) for `host` in the netrc file ($NETRC, else ~/.netrc), if any."""
    path = os.environ.get("NETRC") or os.path.expanduser("~/.netrc")
    try:
        found = netrc.netrc(path).authenticators(host)
    except (OSError, netrc.NetrcParseError):
        return None
    return (found[0], found[2]) if found else None


def login(endpoint: str, user: str | None, password: str | None = None) -> tuple[str | None, str | None]:
    """The (user, password) to send to `endpoint`: a password given (on the command line:
    a warning, since `ps` shows it), else $KG_PUSH_PASSWORD, else the netrc file's entry
    for the host (which may also name the user), else a prompt when a terminal is there.
    (None, None) when no login is asked for; KgError when a user has no password."""
    if password is not None:
        print("kg: warning: --password is visible to every user of this machine (ps); "
              f"prefer ${PASSWORD_ENV}, a ~/.netrc entry, or the prompt", file=sys.stderr)
        return user, password
    if os.environ.get(PASSWORD_ENV) is not None and user is not None:
        return user, os.environ[PASSWORD_ENV]
    entry = _netrc(urlsplit(endpoint).hostname or "")
    if entry is not None and user in (None, entry[0]):
        return entry
    if user is None:
        return None, None
    if sys.stdin.isatty():
        return user, getpass.getpass(f"password for {user} at {shown(endpoint)}: ")
    raise KgError(f"no password for {user} at {shown(endpoint)}: set ${PASSWORD_ENV}, add a netrc entry "
                  f"for {urlsplit(endpoint).hostname}, or run in a terminal to be asked")


def _reason(resp: requests.Response) -> str:
    """The first meaningful line of an error body (HTML tags stripped)."""
    text = re.sub(r"<[^>]+>", "\n", resp.text or "")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    skip = {"sparql graph protocol request failed", "error"}
    useful = [ln for ln in lines if ln.lower() not in skip and not ln.lower().startswith(("<!doctype", "http/1"))]
    return (useful[-1] if useful else resp.reason or "")[:200]


def request(s: requests.Session, method: str, url: str, what: str, **kwargs) -> requests.Response:
    """Send one request; returns the response, or raises KgError saying what went wrong."""
    where = shown(url)
    try:
        resp = s.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.exceptions.ConnectionError:
        raise KgError(f"cannot reach {where}: connection refused or host unknown") from None
    except requests.exceptions.Timeout:
        raise KgError(f"{where}: no answer in time") from None
    except requests.exceptions.RequestException as exc:  # its text may hold the URL as given
        raise KgError(f"{where}: {exc.__class__.__name__}") from None
    if resp.status_code in (401, 403):
        logged_in = s.auth is not None or "@" in urlsplit(url).netloc
        who = "login refused" if logged_in else f"needs a login (--user, with ${PASSWORD_ENV} or ~/.netrc)"
        if resp.status_code == 403 and not logged_in:
            who = "refused the request (read-only or forbidden)"
        raise KgError(f"{where}: {who} (HTTP {resp.status_code})")
    if resp.status_code >= 400:
        raise KgError(f"{where} rejected {what}: HTTP {resp.status_code}: {_reason(resp)}")
    return resp


def select(endpoint: str, sparql: str, s: requests.Session | None = None) -> tuple[list[str], list[list[str | None]]]:
    """Run a SELECT at a SPARQL Query Protocol endpoint (POST); returns column names and rows of strings."""
    s = s or session()
    resp = request(s, "POST", endpoint, "the query", data={"query": sparql},
                   headers={"Accept": "application/sparql-results+json"})
    try:
        body = resp.json()
    except ValueError as exc:
        raise KgError(f"{shown(endpoint)}: the answer is not SPARQL JSON results") from exc
    names = body["head"]["vars"]
    rows = [[b[n]["value"] if n in b else None for n in names] for b in body["results"]["bindings"]]
    return names, rows
