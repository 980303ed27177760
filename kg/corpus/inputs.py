"""What `kg build` reads: folders, files, JSONL and stdin, as a stream of articles.

An input is
- a folder: every article file under it, recursively, in sorted order: by default the
  files kg reads as articles (`.txt`, `.text`, `.html`, `.htm`, `.xhtml`, `.shtml`), or
  those matching `--glob` (a matching `.jsonl` file is read as JSONL). Hidden files and
  folders (a name starting with `.`) and the build's own output folder are left out;
- a file: one article (text or HTML, any encoding `kg.text.reading` knows), or, when it ends
  in `.jsonl`, one article per line;
- `-`: standard input, JSONL when every non-blank line is a JSON object, else one article.

JSONL is not searched for by default: a folder of articles often holds other JSONL data
(the shared corpus holds an NER data set), so name the file, or use `--glob '*.jsonl'`.

A JSONL record has `id` and `text` and optionally `title`, `date` (ISO, fills a year the
text leaves out), `source` (the publication), `url` and `province`; they travel to the
pipeline in `meta`. Every input that cannot be read (a missing path, a folder without
articles, a bad file, a bad record) becomes a `Failure` with a one-line reason naming it,
so one bad input never stops the rest; `kg.corpus.build` decides what a failure means.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.rdf import iri
from kg.text.han import HAN_ALL_RE
from kg.text.html import html_to_text, looks_like_html
from kg.text.reading import (
    ARTICLE_SUFFIXES,
    DEFAULT_MAX_CHARS,
    decode_bytes,
    max_bytes,
    read_decoded,
    show,
)

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
    """An input that could not be turned into an article, and why (one line naming it)."""

    id: str
    reason: str


def _check_date(value: object) -> str:
    """An ISO date string (YYYY-MM-DD, a time part is dropped); KgError otherwise."""
    text = str(value).strip()[:10]
    try:
        return _dt.date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise KgError(f"date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _check_url(value: object) -> str:
    """An absolute URL as the IRI the graph will hold (unsafe characters %-escaped); KgError otherwise."""
    try:
        return iri.external(str(value))
    except ValueError as exc:
        raise KgError(f"url {exc}") from None


def record_text(text: str, where: str, max_chars: int | None = None) -> str:
    """The article text of a JSONL record's `text` (HTML taken out of its markup);
    KgError naming `where` when it is no article: too long, no text, no Chinese."""
    limit = max_chars or DEFAULT_MAX_CHARS
    if len(text) > limit:
        raise KgError(f"{where}: too large ({len(text):,} characters; the limit is --max-chars {limit:,})")
    if looks_like_html(text):
        text = html_to_text(text)
        if not text.strip():
            raise KgError(f"{where}: no text in the page")
    if not HAN_ALL_RE.search(text):
        raise KgError(f"{where}: no Chinese text")
    return text


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _no_surrogates(record: dict, where: str) -> None:
    """KgError when a string of the record holds half a character: JSON's `\\ud800`
    escapes can spell a lone surrogate, which is no Unicode text (and no UTF-8)."""
    for name, value in record.items():
        m = _SURROGATE.search(value) if isinstance(value, str) else None
        if m:
            raise KgError(f"{where}: {show(name)} holds an unpaired surrogate (\\u{ord(m.group()):04x} "
                          f"at character {m.start() + 1}), not Unicode text")


def record_article(record: object, where: str, default_id: str, max_chars: int | None = None) -> Article:
    """The article of one JSONL record; KgError with the reason when it is not one."""
    if not isinstance(record, dict):
        raise KgError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise KgError(f"{where}: no text")
    _no_surrogates(record, where)
    text = record_text(text, where, max_chars)
    ident = str(record.get("id") or default_id)
    meta = {"id": ident}  # the record's id is its publisher's identifier for it (schema:identifier)
    for name in META_FIELDS:
        value = record.get(name)
        if value not in (None, ""):
            try:
                meta[name] = _check_date(value) if name == "date" else _check_url(value) if name == "url" else str(value)
            except KgError as exc:
                raise KgError(f"{where}: {exc}") from None
    return Article(id=ident, text=text, source=f"{where.rsplit(':', 1)[0]}#{ident}", meta=meta)


Line = str | bytes | None  # a JSONL line: text, bytes still to decode, or None (too long to read)


def _line_text(line: str | bytes, where: str, codec: str) -> str:
    """The text of one JSONL line; KgError naming the line when its bytes are not in `codec`."""
    if isinstance(line, str):
        return line
    try:
        return line.decode(codec)
    except UnicodeDecodeError as exc:
        label = "UTF-8" if codec == "utf-8-sig" else codec
        raise KgError(f"{where}: not valid {label} text (byte 0x{line[exc.start]:02x} at byte {exc.start + 1} "
                      f"of the line; JSONL is UTF-8 unless --encoding names another)") from None


def _jsonl(lines: Iterable[tuple[int, Line]], name: str, max_chars: int | None,
           codec: str = "utf-8-sig") -> Iterator[Article | Failure]:
    """Articles of numbered JSONL lines, each decoded on its own: a bad line (bad bytes,
    not JSON, no article) fails alone, named by its line number."""
    for lineno, line in lines:
        where = f"{name}:{lineno}"
        if line is None:
            yield Failure(where, f"{where}: too large (a line longer than {max_bytes(max_chars or DEFAULT_MAX_CHARS):,} "
                                 f"characters for --max-chars {max_chars or DEFAULT_MAX_CHARS:,})")
            continue
        if not line.strip():
            continue
        try:
            text = _line_text(line, where, codec)
        except KgError as exc:
            yield Failure(where, str(exc))
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: not JSON ({exc.msg})")
            continue
        try:
            yield record_article(record, where, default_id=where, max_chars=max_chars)
        except KgError as exc:
            rid = record.get("id") if isinstance(record, dict) else None
            yield Failure(str(rid or where), str(exc))


def _bounded_lines(fh, limit: int) -> Iterator[tuple[int, Line]]:
    """(line number, line) of a file (text or binary); a line over `limit` characters or
    bytes is skipped (read in pieces, never whole) and given as None, so memory stays bounded."""
    lineno = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        lineno += 1
        nl = "\n" if isinstance(line, str) else b"\n"
        if len(line) > limit and not line.endswith(nl):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(nl):
                pass
            yield lineno, None
            continue
        yield lineno, line


def _splits_on_newline(codec: str) -> bool:
    """True when lines can be cut on the byte \\n before decoding (UTF-8, the GB and Big5
    families), so one bad byte spoils one line only; not UTF-16 or UTF-32."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return False
    if name.startswith(("utf-16", "utf-32")):
        return False
    return name == "utf-8-sig" or "\n{}".encode(codec) == b"\n{}"


def _jsonl_file(path: Path, encoding: str | None, max_chars: int | None) -> Iterator[Article | Failure]:
    """The records of a JSONL file (UTF-8 unless `--encoding` names another), line by line."""
    codec = encoding or "utf-8-sig"
    name = show(path.name)
    limit = max_bytes(max_chars or DEFAULT_MAX_CHARS)
    empty = True
    binary = _splits_on_newline(codec)
    try:
        with (open(path, "rb") if binary else open(path, encoding=codec, errors="strict")) as fh:
            for item in _jsonl(_bounded_lines(fh, limit), name, max_chars, codec):
                empty = False
                yield item
    except UnicodeDecodeError as exc:  # UTF-16 or UTF-32: the file is decoded as a whole
        yield Failure(str(path), f"{show(path)}: not valid {encoding} text from byte 0x{exc.object[exc.start]:02x} on "
                                 f"(the records before it were read)")
        return
    except OSError as exc:
        yield Failure(str(path), f"{show(path)}: cannot read ({exc.strerror or exc.__class__.__name__})")
        return
    if empty:
        yield Failure(str(path), f"{show(path)}: no articles (no JSON lines)")


def _file(path: Path, source: str, encoding: str | None, max_chars: int | None) -> Iterator[Article | Failure]:
    if path.suffix.lower() == ".jsonl":  # read line by line, memory stays flat
        yield from _jsonl_file(path, encoding, max_chars)
        return
    try:
        decoded = read_decoded(path, encoding=encoding, max_chars=max_chars)
    except KgError as exc:
        yield Failure(str(path), str(exc))
        return
    # a page's own publication date is metadata, as a JSONL record's `date` is
    meta = {"date": decoded.published} if decoded.published else {}
    yield Article(id=str(path), text=decoded.text, source=source, meta=meta)


def _stdin_lines(raw: bytes, codec: str) -> list[Line] | None:
    """The lines of standard input when it is JSONL (every non-blank line a JSON object), else None."""
    if _splits_on_newline(codec):
        lines: list[Line] = list(raw.removeprefix(codecs.BOM_UTF8).splitlines())
        starts = [ln.lstrip() for ln in lines if ln.strip()]
        return lines if starts and all(ln.startswith(b"{") for ln in starts) else None
    try:
        text = raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    lines = list(text.splitlines())
    starts = [ln.lstrip() for ln in lines if ln.strip()]
    return lines if starts and all(ln.startswith("{") for ln in starts) else None


def _stdin(encoding: str | None, max_chars: int | None) -> Iterator[Article | Failure]:
    limit = max_bytes(max_chars or DEFAULT_MAX_CHARS)
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit and raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        raw += sys.stdin.buffer.read()  # a JSONL stream may be longer than one article
    codec = encoding or "utf-8-sig"
    lines = _stdin_lines(raw, codec)
    if lines is not None:
        yield from _jsonl(enumerate(lines, 1), "<stdin>", max_chars, codec)
        return
    try:  # too large, binary, no Chinese, ...: the reader says which
        yield Article(id="<stdin>", text=decode_bytes(raw, "<stdin>", encoding=encoding, max_chars=max_chars),
                      source="<stdin>")
    except KgError as exc:
        yield Failure("<stdin>", str(exc))


def _inside(path: Path, folder: Path) -> tuple[str, ...] | None:
    """The parts of `path` below `folder`, or None when it is not inside it."""
    try:
        return path.resolve().relative_to(folder.resolve()).parts
    except (ValueError, OSError):
        return None


def folder_files(folder: Path, glob: str | None = None, exclude: Path | None = None) -> list[Path]:
    """The article files of a folder, sorted: those matching `glob`, else those with an
    article suffix; hidden files and folders, and the folder `exclude` (the build's
    output) when it lies inside, are left out."""
    skip = _inside(exclude, folder) if exclude is not None else None
    found = []
    for p in folder.rglob(glob or "*"):
        rel = p.relative_to(folder).parts
        if any(part.startswith(".") for part in rel):
            continue
        if skip and rel[:len(skip)] == skip:
            continue
        if glob is None and p.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        if p.is_file():
            found.append(p)
    return sorted(found)


def _what(glob: str | None) -> str:
    if glob:
        return f"no files matching {glob!r}"
    suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
    return f"no {suffixes} files; choose others with --glob"


def iter_articles(inputs: list[str], glob: str | None = None, encoding: str | None = None,
                  max_chars: int | None = None, exclude: Path | None = None) -> Iterator[Article | Failure]:
    """Every article of the inputs, in a stable order (folders sorted, JSONL in line order),
    and a Failure for each input, file or record that holds none; `exclude` is a folder
    never searched (the build's output)."""
    for name in inputs:
        if name == "-":
            yield from _stdin(encoding, max_chars)
            continue
        path = Path(name)
        if path.is_dir():
            files = folder_files(path, glob, exclude)
            if not files:
                yield Failure(name, f"{show(name)}: no articles ({_what(glob)})")
            for p in files:
                yield from _file(p, p.name, encoding, max_chars)
        elif not path.exists() and not path.is_symlink():
            yield Failure(name, f"{show(name)}: no such file or folder")
        else:
            yield from _file(path, path.name, encoding, max_chars)
