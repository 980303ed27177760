"""The output folder of `kg build`: one lock, and generations switched in one step.

    OUT/graph.ttl          -> .kg/current/graph.ttl     (fixed links, one per output)
    OUT/graph.html         -> .kg/current/graph.html
    OUT/.kg/current        -> gen-XXXXXXXX              (the one link a build replaces)
    OUT/.kg/gen-XXXXXXXX/  graph.ttl graph.nq graph.html analysis.md analysis.json store/
    STORE (--store)        -> OUT/.kg/current/store

A build writes every output into a new generation folder beside the current one, then
replaces the `current` link by one rename. A reader who opens any output therefore gets
all of one build or all of the previous one, whenever the build stops (Ctrl-C, SIGTERM,
kill -9, a full disk). Outputs that did not change are carried into the new generation
as hard links (copies on file systems without them).

Under the folder's lock (`OutputFolder.lock`; a second build into the same folder is
refused in one line), a build first removes what a killed build left: generations that
are not current, the scratch folder `.kg/tmp` (shard and merge temporaries), temporary
files of older versions of kg. On a file system without symbolic links the outputs are
renamed into place one by one instead (the old per-file switch).
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.corpus.outputs import TMP_PREFIX, fsync_dir, remove, signals_held, umask
from kg.errors import KgError

STORE = "store"  # the store's name inside a generation
_LEGACY_TEMPS = (TMP_PREFIX, ".merge-", ".graph.ttl.", ".graph.nq.")


class Generation:
    """A generation being written: outputs go to `path(name)`; nothing shows until the
    folder's `switch`."""

    def __init__(self, folder: OutputFolder, path: Path) -> None:
        self.folder = folder
        self.dir = path

    def path(self, name: str) -> Path:
        """Where to write the output `name` (a file or, for the store, a folder)."""
        target = self.dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def carry(self, name: str) -> bool:
        """Bring the current generation's output `name` into this one unchanged (hard
        links, else a copy); returns False when there is none to carry."""
        src = self.folder.existing(name)
        if src is None:
            return False
        dst = self.path(name)
        if src.is_dir():
            shutil.copytree(src, dst, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(src, dst)
        return True


def _link_or_copy(src: str | Path, dst: str | Path) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


class OutputFolder:
    """OUT: its lock, its generations, and the links that show the current one."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.state = self.root / ".kg"
        self.tmp = self.state / "tmp"
        self._current = self.state / "current"

    # -- the lock ------------------------------------------------------------------------
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the folder for one build; KgError at once when another build holds it.
        The lock goes with the process (flock), so a killed build never leaves it taken."""
        if self.root.exists() and not self.root.is_dir():
            raise KgError(f"{self.root}: not a folder (--out names the folder kg build writes to)")
        self.state.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                who = f" (pid {holder})" if holder.isdigit() else ""
                raise KgError(f"{self.root}: another kg build is writing this folder{who}; "
                              f"wait for it to end or choose another --out") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
            yield
        finally:
            os.close(fd)  # releases the lock

    # -- what is there ----------------------------------------------------------------------
    def current(self) -> Path | None:
        """The current generation's folder, or None (no build yet, or an older kg's)."""
        if not self._current.is_symlink():
            return None
        target = self.state / os.readlink(self._current)
        return target if target.is_dir() else None

    def existing(self, name: str) -> Path | None:
        """The current output `name`: in the current generation, else a file an older kg
        left at OUT/name; None when there is none."""
        gen = self.current()
        if gen is not None:
            path = gen / name
            return path if path.exists() else None
        legacy = self.root / name
        if name == STORE or not legacy.is_file() or legacy.is_symlink():
            return None
        return legacy

    # -- clean-up ------------------------------------------------------------------------
    def clean(self, store: Path | None = None) -> None:
        """Remove what an interrupted or killed build left behind (call under the lock)."""
        remove(self.tmp)
        current = self.current()
        for path in self.state.glob("gen-*"):
            if current is None or path.name != current.name:
                remove(path)
        for parent in {self.root, self.state, *([store.parent] if store is not None else [])}:
            if parent.is_dir():
                for path in parent.iterdir():
                    if path.name.startswith(_LEGACY_TEMPS):
                        remove(path)

    # -- a new generation --------------------------------------------------------------
    def begin(self) -> Generation:
        """An empty new generation (removed by `abort`, or by the next build if killed)."""
        self.state.mkdir(parents=True, exist_ok=True)
        path = Path(tempfile.mkdtemp(prefix="gen-", dir=self.state))
        os.chmod(path, 0o777 & ~umask())  # mkdtemp makes 0700; outputs follow the umask
        return Generation(self, path)

    def abort(self, gen: Generation) -> None:
        remove(gen.dir)

    def switch(self, gen: Generation, outputs: list[str], store: Path | None = None) -> None:
        """Make `gen` current in one step: all its outputs appear at once, and outputs
        not in it (`outputs` lists every name a build may write) disappear; `store` is
        the --store folder to show the generation's store at."""
        for path in gen.dir.rglob("*"):  # the files' data is on disk before the switch
            if path.is_file() and not path.is_symlink():
                with open(path, "rb") as fh:
                    os.fsync(fh.fileno())
        fsync_dir(gen.dir)
        old = self.current()
        if not _symlinks_work(self.state):
            self._switch_by_renames(gen, outputs, store)
            return
        link = self.tmp / "current"
        self.tmp.mkdir(parents=True, exist_ok=True)
        remove(link)
        os.symlink(gen.dir.name, link)
        with signals_held():
            os.replace(link, self._current)  # the switch
            fsync_dir(self.state)
            self._show(gen.dir, outputs, store)
        if old is not None and old != gen.dir:
            remove(old)

    def show(self, outputs: list[str], store: Path | None = None) -> None:
        """Make the links to the current generation where they are missing (a user
        removed one) and remove those to outputs it does not hold."""
        gen = self.current()
        if gen is not None:
            with signals_held():
                self._show(gen, outputs, store)

    def _show(self, gen: Path, outputs: list[str], store: Path | None) -> None:
        """The fixed links to the current generation: made where missing (or where an
        older kg left a file), removed for outputs this generation does not hold."""
        present = {p.name for p in gen.iterdir()}
        for name in outputs:
            top = self.root / name
            if name in present:
                _place_link(top, os.path.join(".kg", "current", name), self.tmp)
            elif top.is_symlink() or top.is_file():
                top.unlink()
        if store is not None and STORE in present:
            target = os.path.relpath(self._current / STORE, store.parent.resolve())
            if not (store.is_symlink() and os.readlink(store) == target):
                if store.exists() and not store.is_symlink() and not store.is_dir():
                    raise KgError(f"{store}: not a folder (--store names the store's folder)")
                old = None
                if store.is_dir() and not store.is_symlink():  # a store an older kg wrote there
                    old = store.parent / f"{TMP_PREFIX}{store.name}.old"
                    remove(old)
                    os.replace(store, old)
                _place_link(store, target, store.parent)
                if old is not None:
                    remove(old)
        fsync_dir(self.root)

    def _switch_by_renames(self, gen: Generation, outputs: list[str], store: Path | None) -> None:
        """No symbolic links here: each output is renamed into OUT in turn (a reader may
        see a mix while this runs; a kill leaves the rest to the next build)."""
        with signals_held():
            for name in outputs:
                src, top = gen.dir / name, self.root / name
                if src.is_file():
                    os.replace(src, top)
                elif top.is_file():
                    top.unlink()
            if store is not None and (gen.dir / STORE).is_dir():
                old = store.parent / f"{TMP_PREFIX}{store.name}.old"
                if store.exists():
                    os.replace(store, old)
                os.replace(gen.dir / STORE, store)
                remove(old)
        remove(gen.dir)


def _place_link(path: Path, target: str, scratch: Path) -> None:
    """Make `path` a symbolic link to `target`, replacing what is there in one rename."""
    if path.is_symlink() and os.readlink(path) == target:
        return
    scratch.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}link.", dir=scratch)) / "link"
    try:
        os.symlink(target, tmp)
        os.replace(tmp, path)
    finally:
        remove(tmp.parent)


def _symlinks_work(folder: Path) -> bool:
    probe = folder / f"{TMP_PREFIX}probe"
    remove(probe)
    try:
        os.symlink("probe", probe)
    except OSError:
        return False
    remove(probe)
    return True
