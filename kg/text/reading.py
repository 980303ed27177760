"""One input -> the text of one article, or a KgError that says in one line what is wrong.

What is accepted (see README, section "inputs"):
- text in UTF-8 (with or without BOM), UTF-16/32 with a BOM, GB18030/GBK/GB2312 and
  Big5 (detected with charset-normalizer, or named with `encoding`);
- HTML pages (by file suffix or by their first tag), whose article text is taken out
  of the markup by kg.text.html.

What is refused, each with its reason: a missing path, a directory, an unreadable file,
an empty or white-space-only file, a binary file (NUL bytes or a known binary format),
bytes in no known encoding (or not valid in the one given), text without a single
Chinese character, a file larger than the `max_chars` limit allows.

Offsets in the graph count characters of the text returned here, never bytes, so a GBK
copy of an article yields the same offsets as its UTF-8 original.
"""

from __future__ import annotations

import argparse
import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError
from kg.text.han import HAN_ALL_RE
from kg.text.html import html_to_text, looks_like_html, published_date

#: default limit of characters per article: a government work report has about 40,000
DEFAULT_MAX_CHARS = 2_000_000
#: bytes of input allowed per character of the limit (HTML markup around the text)
BYTES_PER_CHAR = 16

#: least share of characters in dictionary words for a detected (non-UTF-8) reading;
#: the corpus's articles have 0.70 or more, Japanese or Korean read as GB18030 far less
MIN_WORD_SHARE = 0.3

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
#: file suffixes a folder of articles is searched for
ARTICLE_SUFFIXES = {".txt", ".text", *HTML_SUFFIXES}

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or Word/Excel document)"),
    (b"\xd0\xcf\x11\xe0", "an old MS Office document"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x7fELF", "a program (ELF)"),
    (b"SQLite format 3", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "iso2022_cn"}

_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    """An input's article text, the encoding it was read in and its format."""

    text: str
    encoding: str  # Python codec name: utf-8, gb18030, big5, ...
    format: str  # "text" or "html"
    published: str | None = None  # the publication date an HTML page's metadata states (ISO)


def show(name: object) -> str:
    """A file name fit for a one-line message: control characters escaped."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(name))


def encoding_arg(name: str) -> str:
    """`--encoding` checked once, up front: the name, or argparse's error for an unknown one."""
    try:
        codecs.lookup(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r} (try utf-8, gb18030, big5)") from None
    return name


def max_chars_arg(value: str) -> int:
    """`--max-chars` checked up front: a positive integer, or argparse's error."""
    try:
        n = int(value.replace(",", "").replace("_", ""))
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"not a positive number of characters: {value!r}")
    return n


def max_bytes(max_chars: int) -> int:
    """The largest input, in bytes, read for an article limit of `max_chars` characters."""
    return max(max_chars, 1) * BYTES_PER_CHAR


def _size(n: int) -> str:
    for unit, div in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= div:
            return f"{n / div:.1f} {unit}"
    return f"{n} bytes"


def _codec(name: str) -> str:
    """Python's canonical codec name of an encoding label, or KgError."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise KgError(f"unknown encoding {show(name)!r} (try utf-8, gb18030, big5)") from None


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192]:
        return "NUL bytes"
    return None


def _strict(data: bytes, codec: str, name: str, given: str | None = None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        what = given or codec
        raise KgError(f"{show(name)}: not valid {what} text "
                      f"(byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _declared(data: bytes) -> str | None:
    """The Chinese or Unicode encoding an HTML/XML head declares, if any."""
    m = _DECLARED.search(data[:2048])
    if not m:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    if codec in _GB_FAMILY:
        return "gb18030"  # as browsers do: GB2312/GBK labels get the superset decoder
    return codec if codec in {"utf-8", "big5", "cp950", "big5hkscs"} else None


def _mostly_utf8(data: bytes) -> bool:
    """True when the non-ASCII bytes are UTF-8 but for a few damaged places."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return wide > 0 and bad <= max(3, wide // 200) and bad < wide - bad


def _word_share(text: str) -> float:
    """Share of the Chinese characters of `text` (its first 4,000 characters, made
    simplified) that stand in dictionary words of two or more characters. Real text
    scores high; GBK read as Big5 or the other way round is character soup and scores low."""
    import rjieba

    from kg.text.script import convert

    sample = convert(text[:4000])
    n = len(HAN_ALL_RE.findall(sample))
    if n == 0:
        return 0.0
    covered = sum(len(w) for w in rjieba.cut(sample, hmm=False) if len(w) >= 2 and HAN_ALL_RE.match(w))
    return covered / n


def _try(data: bytes, codecs_: tuple[str, ...]) -> tuple[str, str] | None:
    for codec in codecs_:
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    return None


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """(text, codec) of bytes that are not UTF-8: GB18030 or Big5.

    Most GB bytes are not valid Big5, but nearly all Big5 bytes are valid GB18030; when
    both read, the reading with more dictionary words wins, and a tie (a text of one or
    two characters) goes to GB18030, the mainland's encoding. Bytes neither reads strictly
    are refused, with charset-normalizer's guess of what they are."""
    gb = _try(data, ("gb18030",))
    big5 = _try(data, ("big5", "cp950", "big5hkscs"))
    found = None
    if gb and big5:
        found = big5 if _word_share(big5[0]) >= _word_share(gb[0]) + 0.05 else gb
    else:
        found = gb or big5
    # Japanese or Korean bytes often read as GB18030 too, but make no Chinese words
    if found and (len(HAN_ALL_RE.findall(found[0][:4000])) < 20 or _word_share(found[0]) >= MIN_WORD_SHARE):
        return found
    import charset_normalizer

    best = charset_normalizer.from_bytes(data[:65536]).best()  # only to say what it looks like
    hint = f"looks like {best.encoding}; " if best is not None else ""
    raise KgError(f"{show(name)}: not in a known text encoding (tried UTF-8, GB18030, Big5; "
                  f"{hint}name it with --encoding)")


def _decode(data: bytes, name: str, encoding: str | None, html: bool | None) -> tuple[str, str]:
    """(text, codec) of the input's bytes."""
    if encoding:
        codec = _codec(encoding)
        text = _strict(data, codec, name, encoding)
        return text.removeprefix("\ufeff"), codec
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, name, f"{codec} (after its byte-order mark)"), codec
    kind = _binary_kind(data)
    if kind:
        raise KgError(f"{show(name)}: binary file ({kind}), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    else:
        if HAN_ALL_RE.search(text) or text.isascii():
            return text, "utf-8"
        try:  # a few GB bytes can form valid UTF-8 (b"\xca\xa1" is "ʡ"); prefer Chinese
            found = _detect(data, name)
        except KgError:
            return text, "utf-8"
        return found if HAN_ALL_RE.search(found[0]) else (text, "utf-8")
    if html is not False:
        declared = _declared(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass  # the declaration lies, as saved pages' often do: detect instead
    if _mostly_utf8(data):
        raise KgError(f"{show(name)}: damaged UTF-8 text (invalid byte 0x{data[first_bad]:02x} "
                      f"at offset {first_bad})")
    return _detect(data, name)


def decode(data: bytes, name: str, encoding: str | None = None, max_chars: int | None = None,
           html: bool | None = None) -> Decoded:
    """The article in an input's bytes, with its encoding and format; KgError naming
    `name` when the bytes are no article. `html` None sniffs the format from the text;
    `max_chars` None is DEFAULT_MAX_CHARS."""
    max_chars = max_chars or DEFAULT_MAX_CHARS
    if len(data) > max_bytes(max_chars):
        raise KgError(f"{show(name)}: too large ({_size(len(data))}; the limit is "
                      f"{_size(max_bytes(max_chars))} for --max-chars {max_chars})")
    if not data.strip():
        raise KgError(f"{show(name)}: empty file" if not data else f"{show(name)}: only white space")
    text, codec = _decode(data, name, encoding, html)
    fmt, published = "text", None
    if html or (html is None and looks_like_html(text)):
        fmt = "html"
        published = published_date(text)
        text = html_to_text(text)
    if not text.strip():
        raise KgError(f"{show(name)}: " + ("no text in the page" if fmt == "html" else "only white space"))
    if not HAN_ALL_RE.search(text):
        how = f" (read as {encoding})" if encoding else ""
        raise KgError(f"{show(name)}: no Chinese text{how}")
    if len(text) > max_chars:
        raise KgError(f"{show(name)}: too large ({len(text):,} characters; "
                      f"the limit is --max-chars {max_chars:,})")
    return Decoded(text=text, encoding=codec, format=fmt, published=published)


def decode_bytes(data: bytes, name: str, encoding: str | None = None,
                 max_chars: int | None = None, html: bool | None = None) -> str:
    """The article text in an input's bytes (see `decode`); KgError naming `name` if none."""
    return decode(data, name, encoding, max_chars, html).text


def read_decoded(path: Path | str, encoding: str | None = None,
                 max_chars: int | None = None) -> Decoded:
    """The article in a file, with its encoding and format; KgError naming the file if none."""
    path = Path(path)
    max_chars = max_chars or DEFAULT_MAX_CHARS
    limit = max_bytes(max_chars)
    try:
        if path.is_dir():
            raise KgError(f"{show(path)}: is a directory")
        size = path.stat().st_size
        if size > limit:
            raise KgError(f"{show(path)}: too large ({_size(size)}; the limit is "
                          f"{_size(limit)} for --max-chars {max_chars})")
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # a growing file or a device cannot exhaust memory
    except FileNotFoundError:
        raise KgError(f"{show(path)}: no such file") from None
    except PermissionError:
        raise KgError(f"{show(path)}: permission denied") from None
    except IsADirectoryError:
        raise KgError(f"{show(path)}: is a directory") from None
    except OSError as exc:
        raise KgError(f"{show(path)}: cannot read ({exc.strerror or exc.__class__.__name__})") from None
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return decode(data, str(path), encoding, max_chars, html)


def read_path(path: Path | str, encoding: str | None = None, max_chars: int | None = None) -> str:
    """The article text of a file; KgError with a one-line message naming it when it has none."""
    return read_decoded(path, encoding, max_chars).text
