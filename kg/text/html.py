"""HTML page -> article text: what a reader sees of the article, one block per line.

Pages saved by a browser or a crawler carry scripts, styles, navigation, headers and
footers around the article. The page is parsed with selectolax (the Lexbor HTML5
parser, which copes with the broken markup crawlers save); then
- the article is the page's only <article> (else its only <main>, else <body>);
- scripts, styles, forms, navigation and hidden elements are dropped, and outside an
  <article> or <main> so are the page's <header>, <footer> and <aside>;
- block elements (p, div, h1, li, br, ...) end a line, table cells are separated by a space;
- white space collapses as a browser renders it; a line break between two Chinese
  characters disappears altogether (CSS Text 3: segment breaks between East Asian wide
  characters are removed), so a sentence wrapped in the source stays one sentence.
Non-breaking and ideographic spaces are kept: the normaliser decides about them.

Elements nested deeper than MAX_DEPTH (512, as in Chromium's parser) lose their tags
before parsing, their text kept: the HTML5 tree builder spends time proportional to the
depth on every tag, so 200,000 nested <div> would take minutes; no page nests that deep.
"""

from __future__ import annotations

import re
import unicodedata

#: elements whose content is never article text
_DROP = {
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "textarea",
    "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "map", "head",
    "title", "meta", "link", "dialog",
}
#: page chrome, dropped only when the article is the whole <body>
_CHROME = {"header", "footer", "aside"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"}

_BLOCK = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
    "tfoot", "tr", "ul",
}
_CELL = {"td", "th"}

_COLLAPSIBLE = re.compile(r"[ \t\n\r\f]+")
_SNIFF = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b",
    re.IGNORECASE | re.DOTALL,
)

_NEWLINE = "\n"  # a block boundary marker, distinct from collapsible white space in text

#: deepest element nesting kept (Chromium's HTML parser stops nesting at 512 too)
MAX_DEPTH = 512
#: elements that never hold others (void), or are closed by their next sibling when the
#: page leaves out the end tag: neither makes a page deeper, so they are not counted
_FLAT = frozenset("""area base br col embed hr img input link meta param source track wbr keygen
    p li dt dd tr td th option optgroup rb rt rp tbody thead tfoot colgroup caption""".split())
#: elements whose content is raw text: a "<" inside is no tag
_RAW = frozenset("script style textarea title xmp iframe noembed noframes noscript plaintext".split())
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")


def looks_like_html(text: str) -> bool:
    """True when `text` starts the way an HTML page does (doctype, <html>, <body>, ...)."""
    return bool(_SNIFF.match(text[:4096]))


def _wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in "WF"


def _collapse(text: str) -> str:
    """Browser white space collapsing of one text node's content."""
    def space(m: re.Match) -> str:
        a, b = m.start(), m.end()
        if "\n" in m.group() and a > 0 and b < len(text) and _wide(text[a - 1]) and _wide(text[b]):
            return ""
        return " "

    return _COLLAPSIBLE.sub(space, text)


def _hidden(node) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _container(tree):
    for tag in ("article", "main"):
        found = tree.css(tag)
        if len(found) == 1:
            return found[0], False
    return (tree.body or tree.root), True


def _deep_tags(html: str, limit: int) -> list[tuple[int, int]]:
    """The (start, end) of every tag that opens or closes an element below depth `limit`,
    in one pass over the page (each "<" looked at once, each ">" searched for once)."""
    low = html.lower()
    cuts: list[tuple[int, int]] = []
    depth = 0
    i, n, gt = 0, len(html), -1
    while (lt := html.find("<", i)) >= 0:
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            i = n if end < 0 else end + 3
            continue
        if gt < lt:  # the next ">" after this "<" (none left: the rest is text)
            gt = html.find(">", lt)
            if gt < 0:
                break
        m = _TAG.match(html, lt, gt)
        i = gt + 1 if m else lt + 1
        if not m:
            continue
        name = m.group(2).lower()
        if m.group(1):  # an end tag
            if name not in _FLAT and depth > 0:
                if depth > limit:
                    cuts.append((lt, gt + 1))
                depth -= 1
            continue
        if name in _RAW:  # skip its content, up to its end tag
            end = low.find(f"</{name}", gt + 1)
            i = n if end < 0 else end
        if name in _FLAT or html[gt - 1] == "/" and name == "svg":
            continue
        depth += 1
        if depth > limit:
            cuts.append((lt, gt + 1))
    return cuts


def limit_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """The page with the tags of elements nested deeper than `limit` taken out (their
    text stays); the page itself when it nests no deeper, as nearly every page."""
    if html.count("<") <= limit:  # too few tags to nest that deep: nothing to look at
        return html
    cuts = _deep_tags(html, limit)
    if not cuts:
        return html
    parts, last = [], 0
    for start, end in cuts:
        parts.append(html[last:start])
        last = end
    parts.append(html[last:])
    return "".join(parts)


def parse(html: str):
    """The page's tree (selectolax's Lexbor parser), nested no deeper than MAX_DEPTH:
    every parse of a page goes through here, so none costs more than linear time."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(limit_depth(html))


def html_to_text(html: str) -> str:
    """The article text of an HTML page: one line per block, markup, scripts and
    navigation left out; an empty string when the page holds no text."""
    tree = parse(html)
    root, whole_body = _container(tree)
    if root is None:
        return ""
    parts: list[str] = []
    pre_depth = 0
    # an explicit stack (not recursion): crawled pages can nest thousands deep
    stack: list[tuple[object, bool, bool]] = [(root, False, True)]
    while stack:
        node, closing, is_root = stack.pop()
        tag = node.tag
        if closing:
            if tag in _BLOCK:
                parts.append(_NEWLINE)
            elif tag in _CELL:
                parts.append(" ")
            if tag == "pre":
                pre_depth -= 1
            continue
        if tag == "-text":
            raw = node.text_content or ""
            parts.append(raw if pre_depth else _collapse(raw))
            continue
        if tag.startswith("-") or tag.startswith("_") or tag in _DROP:  # comments, doctype
            continue
        if not is_root:
            if _hidden(node) or (node.attributes.get("role") or "") in _CHROME_ROLES:
                continue
            if whole_body and tag in _CHROME:
                continue
        if tag == "br":  # a line break, not a block: one newline, no blank line
            parts.append(_NEWLINE)
            continue
        if tag in _BLOCK:
            parts.append(_NEWLINE)
        if tag == "pre":
            pre_depth += 1
        stack.append((node, True, False))
        children = list(node.iter(include_text=True))
        stack.extend((child, False, False) for child in reversed(children))
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    """Lines stripped of collapsible spaces, at most one blank line in a row."""
    lines = [ln.strip(" \t\r\f") for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


#: where pages state their publication time, in the order trusted
_PUBLISHED_META = (
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]', 'meta[name="publishdate"]', 'meta[name="PubDate"]',
    'meta[name="pubdate"]', 'meta[name="publish_date"]', 'meta[name="date"]',
)
_PAGE_DATE = re.compile(r"((?:19|20)\d{2})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})")


def published_date(html: str) -> str | None:
    """The publication date (ISO) a page states in its metadata (`article:published_time`,
    `datePublished`, `publishdate`, …) or in a `<time datetime>`, else None."""
    import datetime as dt

    tree = parse(html)
    values = [node.attributes.get("content") for sel in _PUBLISHED_META for node in tree.css(sel)]
    values += [node.attributes.get("datetime") for node in tree.css("time[datetime]")]
    for value in values:
        m = _PAGE_DATE.search(value or "")
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
            except ValueError:
                continue
    return None
