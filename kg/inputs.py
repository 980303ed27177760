"""What `kg build` reads: folders, files, JSONL and stdin, as a stream of articles.

An input is
- a folder: every file under it matching `--glob` (default `*.txt`), recursively, in
  sorted order;
- a file: one article, or, when it ends in `.jsonl`, one article per line;
- `-`: standard input, JSONL when every non-blank line is a JSON object, else one article.

A JSONL record has `id` and `text` and optionally `title`, `date` (ISO, fills a year the
text leaves out), `source` (the publication), `url` and `province`; they travel to the
pipeline in `meta`. A record or file that cannot be read becomes a `Failure` with a reason,
so one bad article never stops the rest.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError

#: JSONL fields passed to the pipeline as metadata (besides id and text)
META_FIELDS = ("title", "date", "source", "url", "province")


@dataclass
class Article:
    """One article to build: `id` names it in reports and the manifest."""

    id: str
    text: str
    source: str  # where it came from: a file name, or `file.jsonl#id`
    meta: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Content hash of everything that shapes the article's graph (text, source, meta)."""
        blob = json.dumps([self.text, self.source, self.meta], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class Failure:
    """An input that could not be turned into an article, and why."""

    id: str
    reason: str


def _read_text(path: Path, encoding: str | None) -> str:
    """The text of one file, through the shared reader (encodings, HTML, size limit)."""
    try:
        from kg.reading import read_path
    except ImportError:  # issue 6 not landed: UTF-8 only
        from kg.build import read_article

        return read_article(path)
    return read_path(path, encoding=encoding)


def _decode_one(raw: bytes, name: str, encoding: str | None) -> str:
    """One article's text from bytes (stdin), through the shared reader when it is there."""
    try:
        from kg.reading import decode_bytes
    except ImportError:
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise KgError(f"{name}: not UTF-8 text") from exc
    return decode_bytes(raw, name, encoding=encoding)


def _check_date(value: object) -> str:
    """An ISO date string (YYYY-MM-DD, a time part is dropped); KgError otherwise."""
    text = str(value).strip()[:10]
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise KgError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def record_article(record: object, where: str, default_id: str) -> Article:
    """The article of one JSONL record; KgError with the reason when it is not one."""
    if not isinstance(record, dict):
        raise KgError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise KgError(f"{where}: no text")
    ident = str(record.get("id") or default_id)
    meta = {}
    for name in META_FIELDS:
        value = record.get(name)
        if value not in (None, ""):
            meta[name] = _check_date(value) if name == "date" else str(value)
    return Article(id=ident, text=text, source=f"{where.split(':')[0]}#{ident}", meta=meta)


def _jsonl(lines: Iterator[str], name: str) -> Iterator[Article | Failure]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: not JSON ({exc.msg})")
            continue
        try:
            yield record_article(record, where, default_id=where)
        except KgError as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            yield Failure(str(rid or where), str(exc))


def _file(path: Path, source: str, encoding: str | None) -> Iterator[Article | Failure]:
    if path.suffix == ".jsonl":  # JSON text is UTF-8; read line by line, memory stays flat
        try:
            with open(path, encoding="utf-8-sig", errors="strict") as fh:
                yield from _jsonl(fh, path.name)
        except UnicodeDecodeError as exc:
            yield Failure(str(path), f"{path}: not UTF-8 (JSONL must be), at byte {exc.start}")
        except OSError as exc:
            yield Failure(str(path), f"{path}: {exc.strerror}")
        return
    try:
        yield Article(id=str(path), text=_read_text(path, encoding), source=source)
    except KgError as exc:
        yield Failure(str(path), str(exc))
    except OSError as exc:
        yield Failure(str(path), f"{path}: {exc.strerror}")


def _stdin(encoding: str | None) -> Iterator[Article | Failure]:
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    lines = [ln for ln in (text or "").splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines):
        yield from _jsonl(iter(lines), "<stdin>")
        return
    try:
        yield Article(id="<stdin>", text=_decode_one(raw, "<stdin>", encoding), source="<stdin>")
    except KgError as exc:
        yield Failure("<stdin>", str(exc))


def check_inputs(inputs: list[str]) -> None:
    """Raise KgError for a named input that does not exist (a typo should stop the build)."""
    for name in inputs:
        if name != "-" and not Path(name).exists():
            raise KgError(f"{name}: no such file or folder")


def iter_articles(inputs: list[str], glob: str = "*.txt",
                  encoding: str | None = None) -> Iterator[Article | Failure]:
    """Every article of the inputs, in a stable order (folders sorted, JSONL in line order)."""
    for name in inputs:
        if name == "-":
            yield from _stdin(encoding)
            continue
        path = Path(name)
        if path.is_dir():
            for p in sorted(q for q in path.rglob(glob) if q.is_file()):
                yield from _file(p, p.name, encoding)
        else:
            yield from _file(path, path.name, encoding)
