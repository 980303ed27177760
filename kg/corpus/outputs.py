"""Writing output files safely: to a temporary file beside the target, then renamed.

A failed or interrupted build therefore never leaves a half-written file, and the
previous output stays as it was.

- `write_atomic(path, data)`: one file.
- `staged(out_dir)`: several outputs of one build (graph.ttl, graph.html, a store
  folder). Each is written to a temporary name beside its target; only when the
  `with` block ends without an exception are they all renamed into place, with Ctrl-C
  and SIGTERM held back while the renames run. On any exception (a KgError, a crash,
  Ctrl-C, or SIGTERM, which is turned into Ctrl-C while the block runs) the temporary
  files are removed and the old outputs remain.
- `sigterm_as_interrupt()`: SIGTERM raises KeyboardInterrupt, so `finally` blocks and
  temporary-file clean-up run for a `kill` as for Ctrl-C.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_PREFIX = ".kg-tmp-"


def _fsync_dir(path: Path) -> None:
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


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write `data` to `path` atomically (temp file + rename); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f"{_PREFIX}{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs follow the umask
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        _remove(Path(tmp))
        raise
    return path


class Staging:
    """The outputs of one build, written under temporary names until `commit`.

    An output `name` is a path relative to the output folder, or an absolute path
    (a store folder elsewhere); its temporary version lives beside it, on the same file
    system, so the commit is a rename."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = Path(out_dir)
        self._staged: dict[str, Path] = {}  # final name -> temporary path
        self._scratch: list[Path] = []  # working folders, removed at the end either way

    def path(self, name: str | Path) -> Path:
        """A temporary path to write the output `name` to (for writers that want a path);
        it becomes out_dir/name at commit."""
        name = str(name)
        if name in self._staged:
            return self._staged[name]
        parent = (self.out_dir / name).parent
        parent.mkdir(parents=True, exist_ok=True)
        # the output's suffix is kept last: writers and loaders choose a format by it
        fd, tmp = tempfile.mkstemp(prefix=f"{_PREFIX}{Path(name).stem}.", suffix=f".tmp{Path(name).suffix}",
                                   dir=parent)
        os.chmod(tmp, 0o666 & ~_umask())
        os.close(fd)
        os.unlink(tmp)  # the writer creates it (a file or a folder)
        self._staged[name] = Path(tmp)
        return Path(tmp)

    def scratch(self) -> Path:
        """An empty working folder in the output folder, removed when the block ends;
        files made there can be `adopt`ed as outputs. Returns its path."""
        self.out_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}scratch.", dir=self.out_dir))
        self._scratch.append(tmp)
        return tmp

    def adopt(self, name: str | Path, path: Path) -> None:
        """Stage the file `path`, written by someone else in a `scratch` folder, as the
        output `name`."""
        self._staged[str(name)] = Path(path)

    def dir(self, name: str) -> Path:
        """A temporary, empty folder for the output folder `name` (a store); returns its path."""
        tmp = self.path(name)
        tmp.mkdir()
        return tmp

    def write(self, name: str, data: bytes | str) -> Path:
        """Stage the file `name` with `data`; returns the temporary path."""
        tmp = self.path(name)
        raw = data.encode("utf-8") if isinstance(data, str) else data
        with open(tmp, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        return tmp

    def commit(self) -> list[Path]:
        """Rename every staged output into place; returns the final paths.

        A file replaces its old version in one rename. A folder cannot: the old one is
        first renamed aside, then the new one moved in, then the old one removed. Ctrl-C
        and SIGTERM wait until the renames are done (else a mix of old and new outputs)."""
        blocked = {signal.SIGINT, signal.SIGTERM}
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, blocked)
        asides: list[Path] = []
        try:
            done = self._rename_all(asides)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
            for old in asides:  # old store folders: removing them may take a while
                _remove(old)
        self._clean_scratch()
        return done

    def _rename_all(self, asides: list[Path]) -> list[Path]:
        done = []
        for name, tmp in self._staged.items():
            final = self.out_dir / name
            if not tmp.exists():
                continue  # staged but never written: keep the old output
            final.parent.mkdir(parents=True, exist_ok=True)
            if tmp.is_dir() and final.exists():
                aside = Path(tempfile.mkdtemp(prefix=f"{_PREFIX}{final.name}.old.", dir=final.parent))
                aside.rmdir()
                os.replace(final, aside)
                try:
                    os.replace(tmp, final)
                except BaseException:
                    os.replace(aside, final)  # the old folder goes back
                    raise
                asides.append(aside)
            else:
                os.replace(tmp, final)
            done.append(final)
        _fsync_dir(self.out_dir)
        self._staged.clear()
        return done

    def abort(self) -> None:
        """Remove every temporary output; the old outputs stay as they were."""
        for tmp in self._staged.values():
            _remove(tmp)
        self._staged.clear()
        self._clean_scratch()

    def _clean_scratch(self) -> None:
        for tmp in self._scratch:
            _remove(tmp)
        self._scratch.clear()


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
def staged(out_dir: Path | str) -> Iterator[Staging]:
    """Stage a build's outputs in `out_dir`; all are renamed into place when the block
    succeeds, none when it raises (temporary files removed, old outputs kept)."""
    stage = Staging(Path(out_dir))
    with sigterm_as_interrupt():
        try:
            yield stage
            stage.commit()
        except BaseException:
            stage.abort()
            raise


def _umask() -> int:
    """The process umask (read by setting and restoring it)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
