"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the embedded store.

The server is Oxigraph's own (the `oxigraph` command of the PyPI package of that name,
same storage format as pyoxigraph): `/query` answers GET and POST with JSON, XML, CSV or
TSV results by the Accept header. kg runs it read-only (`serve-read-only`) unless asked
for `--writable` (then `/update` and the Graph Store Protocol at `/store` accept writes),
on 127.0.0.1 unless told another host. The store's default graph is the merge of all
article graphs (kg.graph.store keeps it so), so queries naming no graph see everything. A server
that receives `kg push` instead (nothing keeps its default graph) runs with `union=True`.
"""

from __future__ import annotations

import ipaddress
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import KgError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The path of the `oxigraph` server command (beside this Python first, then on PATH)."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise KgError("the oxigraph server is not installed (pip install 'oxigraph>=0.5,<0.6')")
    return found


def is_loopback(host: str) -> bool:
    """True when `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def command(store_dir: Path | None, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
            writable: bool = False, union: bool = False) -> list[str]:
    """The oxigraph command line serving `store_dir` (in memory when None; then always writable).

    `union` makes queries naming no graph see all graphs (for stores kg.graph.store does not keep).
    """
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    extra = ["--union-default-graph"] if union else []
    if store_dir is None:
        return [oxigraph_binary(), "serve", "--bind", bind, *extra]
    mode = "serve" if writable else "serve-read-only"
    return [oxigraph_binary(), mode, "--location", str(store_dir), "--bind", bind, *extra]


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on at `host` right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def wait_ready(url: str, proc: subprocess.Popen | None = None, timeout: float = 20.0) -> None:
    """Return once `url` answers HTTP; raise KgError if the server died or never answered."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            err = ""
            if proc.stderr is not None:  # a temporary file (a pipe could fill up and block the server)
                proc.stderr.seek(0)
                err = proc.stderr.read().decode("utf-8", "replace").strip()
            raise KgError(f"the SPARQL server stopped at start: {err.splitlines()[-1] if err else proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered, if only with an error status
        except OSError:
            time.sleep(0.1)
    raise KgError(f"the SPARQL server did not answer at {url} within {timeout:.0f} s")


def start(store_dir: Path | None, host: str = DEFAULT_HOST, port: int | None = None,
          writable: bool = False, union: bool = False) -> tuple[subprocess.Popen, str]:
    """Start the server in the background; returns the process and its base URL once it answers."""
    if store_dir is not None and not writable and not Path(store_dir).is_dir():
        raise KgError(f"{store_dir}: no such store (build one with kg build --store {store_dir})")
    port = port or free_port(host)
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(command(store_dir, host, port, writable, union), stdout=subprocess.DEVNULL, stderr=log)
    proc.stderr = log  # read by wait_ready when the server dies at start; closed by stop
    base = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
    try:
        wait_ready(base + "/query?query=ASK%7B%7D", proc)
    except BaseException:
        stop(proc)
        raise
    return proc, base


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started by `start` and wait for it to exit."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr:
        proc.stderr.close()


def serve(store_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False) -> int:
    """Run the endpoint in the foreground until interrupted; returns its exit status."""
    if not is_loopback(host):
        print(f"kg serve: listening on {host}, reachable from other machines", file=sys.stderr)
    proc, base = start(store_dir, host, port, writable)
    mode = "read-write" if writable else "read-only"
    print(f"kg serve: SPARQL endpoint {base}/query ({mode}); Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop(proc)
