"""Progress on a terminal for the commands' longer steps; nothing at all when stderr is
not a terminal (a pipe, a file, a test), so output files and logs never hold it.

- `steps(desc)`: a context manager for steps of unknown length; `step(name)` names the one
  now running, shown with the time it has taken so far (redrawn twice a second);
- `bar(items, total, desc)`: the items, counted on a tqdm bar.

Both use tqdm (a dependency already: kg build's bar) and write to stderr.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def shown(stream: TextIO | None = None) -> bool:
    """True when progress is shown: stderr (or `stream`) is a terminal."""
    stream = stream or sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Steps:
    """Named steps on one status line: `step(name)` moves to the next."""

    def __init__(self, desc: str, stream: TextIO | None) -> None:
        self.desc = desc
        self._bar = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if stream is not None:
            from tqdm import tqdm

            self._bar = tqdm(total=None, desc=desc, file=stream, leave=False, dynamic_ncols=True,
                             bar_format="{desc} {elapsed}")
            self._thread = threading.Thread(target=self._redraw, daemon=True)
            self._thread.start()

    def _redraw(self) -> None:
        while not self._stop.wait(0.5):
            self._bar.refresh()

    def step(self, name: str) -> None:
        """Show `name` as the step now running."""
        if self._bar is not None:
            self._bar.set_description_str(f"{self.desc}: {name}", refresh=True)

    def close(self) -> None:
        """Take the status line away (again: nothing)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._bar is not None:
            self._bar.close()
            self._bar = None


@contextlib.contextmanager
def steps(desc: str, stream: TextIO | None = None) -> Iterator[Steps]:
    """A status line `desc: step  0:03` on a terminal while the block runs, gone after."""
    stream = stream or sys.stderr
    s = Steps(desc, stream if shown(stream) else None)
    try:
        yield s
    finally:
        s.close()


def bar(items: Iterable[T], total: int | None = None, desc: str = "", stream: TextIO | None = None) -> Iterator[T]:
    """The items, counted on a progress bar on a terminal (silent otherwise)."""
    stream = stream or sys.stderr
    if not shown(stream):
        yield from items
        return
    from tqdm import tqdm

    with tqdm(items, total=total, desc=desc, file=stream, leave=False, dynamic_ncols=True) as t:
        yield from t
