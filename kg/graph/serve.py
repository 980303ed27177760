"""`kg serve`: a SPARQL 1.1 Protocol endpoint over the embedded store.

The server is Oxigraph's own (the `oxigraph` command of the PyPI package of that name,
same storage format as pyoxigraph): `/query` answers GET and POST with JSON, XML, CSV or
TSV results by the Accept header. kg runs it read-only (`serve-read-only`) unless asked
for `--writable` (then `/update` and the Graph Store Protocol at `/store` accept writes).
The store's default graph is the merge of all article graphs (kg.graph.store keeps it so),
so queries naming no graph see everything. A server that receives `kg push` instead
(nothing keeps its default graph) runs with `union=True`.

`kg serve` puts a gate in front (`kg.graph.gate`): it listens where the user asked
(127.0.0.1 unless told another host), checks every request (origin, content type of
writes, SERVICE and LOAD) and forwards it to Oxigraph on a private port of 127.0.0.1.
Oxigraph runs with a query timeout, without the right to open connections, and is
killed by the kernel when kg dies (`kg.graph.sandbox`).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from kg.errors import KgError
from kg.graph import sandbox
from kg.graph.gate import Gate, Policy

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: seconds a query may run before Oxigraph stops it (kg serve --timeout; 0: no limit)
DEFAULT_TIMEOUT = 60


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
            writable: bool = False, union: bool = False, timeout: int | None = None) -> list[str]:
    """The oxigraph command line serving `store_dir` (in memory when None; then always writable).

    `union` makes queries naming no graph see all graphs (for stores kg.graph.store does
    not keep); `timeout` stops a query after that many seconds.
    """
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    extra = ["--union-default-graph"] if union else []
    if timeout:
        extra += ["--timeout-s", str(int(timeout))]
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
          writable: bool = False, union: bool = False, timeout: int | None = None,
          no_network: bool = True) -> tuple[subprocess.Popen, str]:
    """Start the server in the background; returns the process and its base URL once it answers.

    The server dies with this process, and with `no_network` opens no connection itself
    (no SERVICE, no LOAD from elsewhere: `kg.graph.sandbox`)."""
    if store_dir is not None and not writable and not Path(store_dir).is_dir():
        raise KgError(f"{store_dir}: no such store (build one with kg build --store {store_dir})")
    port = port or free_port(host)
    log = tempfile.TemporaryFile()
    parent = os.getpid()
    try:
        proc = subprocess.Popen(command(store_dir, host, port, writable, union, timeout), stdout=subprocess.DEVNULL,
                                stderr=log, preexec_fn=lambda: sandbox.preexec(no_network, parent))
    except OSError as exc:
        log.close()
        raise KgError(f"the SPARQL server did not start: {exc.strerror or exc}") from None
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


def _listen(host: str, port: int) -> socket.socket:
    """The gate's listening socket; KgError in one line when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # a restart may bind while the last run's connections linger (TIME_WAIT); a listener
    # of another program still makes the bind fail
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise KgError(f"port {port} on {host} is in use by another program; "
                          f"choose another with --port") from None
        raise KgError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    return sock


def _policy(host: str, port: int, writable: bool, allow_remote: bool) -> Policy:
    hosts = None  # bound to an address of the network: any name may lead here
    if is_loopback(host):
        hosts = frozenset({"localhost", "127.0.0.1", "::1", host.lower()})
    return Policy(writable=writable, allow_remote=allow_remote, hosts=hosts,
                  sandboxed=allow_remote or sandbox.supported())


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class Backend:
    """The Oxigraph process behind kg serve's gate, restarted on demand: the only way
    to stop a query that runs over the time limit."""

    def __init__(self, store_dir: Path, writable: bool, timeout: int | None, no_network: bool) -> None:
        self._args = (store_dir, DEFAULT_HOST, None, writable)
        self._opts = {"timeout": timeout, "no_network": no_network}
        self._lock = threading.Lock()
        self.run = 0
        self.closing = False
        self.proc, base = start(*self._args, **self._opts)
        self.address = _upstream(base)

    def current(self) -> tuple[tuple[str, int], int]:
        with self._lock:
            return self.address, self.run

    def restart(self, run: int) -> None:
        """Stop run `run` of the server, if it is still the current one, and start the
        next (killed first: a writable store is opened by one process at a time)."""
        with self._lock:
            if run != self.run or self.closing:
                return
            self.proc.kill()
            stop(self.proc)
            self.proc, base = start(*self._args, **self._opts)
            self.address = _upstream(base)
            self.run += 1

    def wait(self) -> int:
        """Block until the server dies other than by a restart; returns its exit status."""
        while True:
            proc = self.proc
            code = proc.wait()
            with self._lock:
                if self.proc is proc:
                    return code

    def close(self) -> None:
        with self._lock:
            self.closing = True
            stop(self.proc)


def serve(store_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
          allow_remote: bool = False, timeout: int | None = DEFAULT_TIMEOUT) -> int:
    """Run the endpoint in the foreground until interrupted (Ctrl-C, SIGTERM, SIGHUP);
    returns its exit status."""
    if not writable and not Path(store_dir).is_dir():
        raise KgError(f"{store_dir}: no such store (build one with kg build --store {store_dir})")
    sock = _listen(host, port)  # first: a busy port is told before anything else happens
    try:
        if not allow_remote and not sandbox.supported():
            print("kg serve: this system cannot deny the SPARQL server outgoing connections; "
                  "SERVICE and LOAD are refused by reading the requests only", file=sys.stderr)
        backend = Backend(store_dir, writable, timeout, no_network=not allow_remote)
    except BaseException:
        sock.close()
        raise
    gate = Gate(sock, backend, _policy(host, sock.getsockname()[1], writable, allow_remote), timeout)
    old = {sig: signal.signal(sig, _raise_interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)}
    status: list[int] = []

    def watch() -> None:  # the SPARQL server died (not restarted by the gate): so does the endpoint
        status.append(backend.wait())
        gate.shutdown()

    threading.Thread(target=watch, daemon=True).start()
    if not is_loopback(host):
        print(f"kg serve: listening on {host}, reachable from other machines", file=sys.stderr)
    mode = "read-write" if writable else "read-only"
    limit = f", queries stop after {timeout} s" if timeout else ""
    shown = f"[{host}]" if ":" in host else host
    print(f"kg serve: SPARQL endpoint http://{shown}:{sock.getsockname()[1]}/query ({mode}{limit}); Ctrl-C stops",
          file=sys.stderr, flush=True)
    try:
        gate.serve_forever(poll_interval=0.2)
        if status and not backend.closing:
            print(f"kg serve: the SPARQL server stopped (exit status {status[0]})", file=sys.stderr)
            return 1
        return 0
    except KeyboardInterrupt:
        return 0
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        backend.close()
        gate.server_close()


def _upstream(base: str) -> tuple[str, int]:
    parts = urlsplit(base)
    return parts.hostname or DEFAULT_HOST, parts.port or DEFAULT_PORT
