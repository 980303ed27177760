"""Running `kg build` in a child process that stops at a named point of the build.

The child runs `kg.cli.main` with the build's `on_stage` hook set: it prints each stage
it reaches and, at the one asked for, waits there (up to two minutes) so the test can
send a signal at a known point instead of guessing with a sleep.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

_CHILD = r"""
import dataclasses, sys, time
import kg.cli as cli

stop_at = sys.argv[1]
real = cli.build_options

def hooked(args):
    def on_stage(name):
        print(name, flush=True)
        if name == stop_at:
            time.sleep(120)
    return dataclasses.replace(real(args), on_stage=on_stage)

cli.build_options = hooked
sys.exit(cli.main(sys.argv[2:]))
"""


def _default_sigint() -> None:
    # a shell without job control starts background jobs with SIGINT ignored; the child
    # must see Ctrl-C as a user's terminal delivers it
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_build(stop_at: str, *argv: str | Path) -> subprocess.Popen:
    """`kg build ARGV` in a child process that waits when it reaches stage `stop_at`."""
    return subprocess.Popen([sys.executable, "-c", _CHILD, stop_at, "build", *map(str, argv)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_default_sigint)


def wait_for_stage(proc: subprocess.Popen, stage: str, timeout: float = 300) -> list[str]:
    """Read the stages the child reports until it reaches `stage`; returns those seen."""
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"the build ended before stage {stage!r} (saw {seen}): {proc.stderr.read()}")
        seen.append(line.strip())
        if seen[-1] == stage:
            return seen
    raise AssertionError(f"no stage {stage!r} within {timeout} s (saw {seen})")


def stop_at(stage: str, sig: int, *argv: str | Path) -> tuple[int, str]:
    """Run `kg build ARGV`, send `sig` when it reaches `stage`; returns (exit status, stderr)."""
    proc = start_build(stage, *argv)
    try:
        wait_for_stage(proc, stage)
        os.kill(proc.pid, sig)
        rc = proc.wait(timeout=120)
        return rc, proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
