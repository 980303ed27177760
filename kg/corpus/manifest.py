"""The build manifest: which article is in which shard, for incremental builds.

Kept in `OUT/.kg/manifest.json`; shards live in `OUT/.kg/shards/KK/KEY.nq`, named by the
article's content hash (`Article.key`), so an unchanged article is found by its hash alone,
wherever and under whatever name it is read the next time. Each shard also records the
code that built it (`code_digest`): after kg changes, an article in the input is built
again rather than taken from a cache an older extraction filled.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.corpus.outputs import write_atomic

VERSION = 1


def code_digest(tagger: str | None = None) -> str:
    """What shapes a shard besides the article: kg's code and lexicon files, and the
    second-opinion tagger when one is on (kg.extract.second_opinion)."""
    return _files_digest() + (f"+{tagger}" if tagger else "")


@cache
def _files_digest() -> str:
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".tsv", ".txt") and p.is_file()):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


@dataclass
class Manifest:
    """`articles`: article id -> key; `shards`: key -> {graph, triples, id}; `merged`: last merge."""

    root: Path
    articles: dict[str, str] = field(default_factory=dict)
    shards: dict[str, dict] = field(default_factory=dict)
    merged: dict = field(default_factory=dict)
    tagger: str | None = None  # the build's second-opinion tagger: shards of another are stale

    @property
    def state_dir(self) -> Path:
        return self.root / ".kg"

    @classmethod
    def load(cls, out: Path, tagger: str | None = None) -> Manifest:
        """The manifest of output folder `out` (empty when there is none or it is unreadable),
        for a build with `tagger`."""
        m = cls(Path(out), tagger=tagger)
        path = m.state_dir / "manifest.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return m
        if data.get("version") == VERSION:
            m.articles = dict(data.get("articles", {}))
            m.shards = dict(data.get("shards", {}))
            m.merged = dict(data.get("merged", {}))
        return m

    def save(self) -> None:
        """Write the manifest atomically."""
        data = {"version": VERSION, "articles": self.articles, "shards": self.shards, "merged": self.merged}
        write_atomic(self.state_dir / "manifest.json",
                     json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True), where=self.state_dir / "tmp")

    def shard_path(self, key: str) -> Path:
        """Where the shard of content hash `key` lives."""
        return self.state_dir / "shards" / key[:2] / f"{key}.nq"

    def has(self, key: str) -> bool:
        """True when a shard for `key` is recorded, built by this code, and on disk."""
        entry = self.shards.get(key)
        return entry is not None and entry.get("code") == code_digest(self.tagger) and self.shard_path(key).is_file()

    def put(self, article_id: str, key: str, graph: str, triples: int, nquads: bytes) -> None:
        """Record a freshly built shard for an article (replacing what the id had before)."""
        # no fsync per shard (thousands of them): the rename keeps each whole; the
        # temporary file lives in .kg/tmp, which the next build empties if this one is killed
        write_atomic(self.shard_path(key), nquads, sync=False, where=self.state_dir / "tmp")
        self.shards[key] = {"graph": graph, "triples": triples, "id": article_id, "code": code_digest(self.tagger)}
        self.articles[article_id] = key

    def drop(self, article_id: str) -> None:
        """Forget an article (its shard goes at the next `collect`)."""
        self.articles.pop(article_id, None)

    def collect(self) -> int:
        """Delete shards no article refers to any more; returns how many."""
        live = set(self.articles.values())
        dead = [k for k in self.shards if k not in live]
        for key in dead:
            self.shard_path(key).unlink(missing_ok=True)
            del self.shards[key]
        return len(dead)

    def live_shards(self) -> list[tuple[str, Path]]:
        """(graph IRI, shard path) of every live shard, sorted by graph then key."""
        keys = sorted(set(self.articles.values()), key=lambda k: (self.shards[k]["graph"], k))
        return [(self.shards[k]["graph"], self.shard_path(k)) for k in keys]

    def fingerprint(self, *options: object) -> str:
        """A hash of the live shards and output options: equal means the merged outputs are current."""
        keys = sorted(set(self.articles.values()))
        built = [self.shards.get(k, {}).get("code") for k in keys]
        return hashlib.sha256(json.dumps([keys, built, list(map(str, options))]).encode()).hexdigest()
