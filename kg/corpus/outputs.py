"""Writing output files safely: the one atomic writer, and what a build writes beside its graph.

- `atomic_path(path)`: a temporary path beside `path` to write to; renamed onto `path`
  when the block ends without an exception, removed otherwise. Every file kg writes
  (shards, the manifest, graph.ttl, graph.nq, pages, exports) goes through it, so no
  reader ever sees half a file and a failure leaves the previous file as it was.
- `write_atomic(path, data)`: the same for bytes or text in memory.
- `OutputWriter`: one thing a build writes beside its graph (the page, the analysis),
  from the graph file into a folder; `kg build` is given a list of them.
- `sigterm_as_interrupt()`: SIGTERM raises KeyboardInterrupt, so `finally` blocks and
  clean-up run for a `kill` as for Ctrl-C; `signals_held()` holds both back for a moment
  that must not be cut in two (the switch to a new generation, `kg.corpus.generations`).

Temporary names start with `.kg-tmp-` (`TMP_PREFIX`), so whatever a killed process left
can be recognised and removed later.
"""

from __future__ import annotations

import itertools
import os
import shutil
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

TMP_PREFIX = ".kg-tmp-"


@dataclass(frozen=True)
class OutputWriter:
    """Something a build writes beside its graph: `write(graph_file, folder)` writes the
    `files` (names relative to the folder) from the graph file.

    A writer that reads only part of the graph may name it with `tee`, a function of a
    block of N-Triples lines (UTF-8 bytes) that returns what to keep of them (a list): the
    merge then keeps those as it writes the graph and the build calls `write(graph_file, folder, kept)`, so
    the graph is not read back (`kept` is None when the graph was carried over, not merged:
    read the file then). Writers given one `tee` share what it kept."""

    name: str
    files: tuple[str, ...]
    write: Callable[..., Iterable[Path] | None]
    tee: Callable[[list[bytes]], list] | None = None


def umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (renames in it) durable, where the OS allows."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove(path: Path) -> None:
    """Remove a file, a link or a folder tree; nothing when it is not there."""
    path = Path(path)
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def temp_name(path: Path, where: Path | None = None) -> Path:
    """A fresh temporary name for `path` (in `where`, default beside it), its suffix kept
    last: writers and loaders choose a format by it. Nothing is created."""
    path = Path(path)
    fd, tmp = _create_temp(path, Path(where) if where is not None else path.parent)  # write_atomic's naming
    os.close(fd)
    os.unlink(tmp)
    return tmp


@contextmanager
def atomic_path(path: Path | str, *, sync: bool = True, where: Path | None = None) -> Iterator[Path]:
    """A temporary path (a file not yet created) to write the new `path` to; renamed onto
    `path` when the block ends without an exception, removed otherwise.

    `where` puts the temporary file in another folder of the same file system (a build's
    scratch folder, cleaned as a whole); `sync=False` skips the fsync (thousands of shards,
    where a rename keeping each whole is enough)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path, where)
    try:
        yield tmp
        if tmp.is_file():
            os.chmod(tmp, 0o666 & ~umask())  # outputs follow the umask, whatever made the file
            if sync:
                with open(tmp, "rb") as fh:
                    os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:  # a failed writer, a full disk, Ctrl-C: no half file, no stray temp
        remove(tmp)
        raise


#: numbers the temporary files of this process (with its pid: a name no other process uses)
_TEMPS = itertools.count()


def write_atomic(path: Path | str, data: bytes | str, *, sync: bool = True, where: Path | None = None) -> Path:
    """Write `data` to `path` atomically (temp file + rename); returns the path.

    As `atomic_path` does, with less work per file (a build writes one per article): the
    temporary file is created once, exclusively, with the umask's permissions, and written
    through the descriptor that created it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if not isinstance(raw, bytes | bytearray | memoryview):
        raise TypeError(f"write_atomic takes bytes or str, not {type(data).__name__}")
    path = Path(path)
    parent = Path(where) if where is not None else path.parent
    # folders are made only when the open or the rename finds one missing: a build writes
    # hundreds of shards into a few hundred folders (two mkdir calls per file were ~10% of
    # this call's CPU; creating the file itself is most of the rest)
    fd, tmp = _create_temp(path, parent)
    try:
        with open(fd, "wb") as fh:
            fh.write(raw)
            if sync:
                fh.flush()
                os.fsync(fh.fileno())
        try:
            os.replace(tmp, path)
        except FileNotFoundError:
            if not os.path.exists(tmp):
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, path)
    except BaseException:
        remove(tmp)
        raise
    return path


def _create_temp(path: Path, parent: Path) -> tuple[int, Path]:
    """A new temporary file for `path` in `parent` (made when missing), created exclusively
    with mode 0o666 (the umask applies, as to any file open() creates): descriptor, name."""
    made = False
    while True:
        tmp = parent / f"{TMP_PREFIX}{path.stem}.{os.getpid()}-{next(_TEMPS)}.tmp{path.suffix}"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:  # left by a killed process that had this pid
            continue
        except FileNotFoundError:
            if made:
                raise
            parent.mkdir(parents=True, exist_ok=True)
            made = True


def _raise_interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM raises KeyboardInterrupt, so a
    `kill` cleans up as Ctrl-C does; the previous handler is restored afterwards."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old_term = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old_term if old_term is not None else signal.SIG_DFL)


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block has run (they are delivered after it)."""
    blocked = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
