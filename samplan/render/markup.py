"""Markdown in text fields: to sanitised HTML for pages, to inert Markdown for plan.md.

Python-Markdown passes raw HTML (`<script>`, `onclick=`, `javascript:` links) straight
through, so its output is always cleaned by nh3 (the Rust ammonia sanitiser) with an
allow-list of tags, attributes and URL schemes before it reaches a page.
"""

from __future__ import annotations

import html
import re
from functools import cache
from urllib.parse import unquote

import markdown
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "blockquote",
    "code",
    "pre",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "del",
    "ins",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}

# Danish quotation marks: "tekst" is published as »tekst«; single quotes and
# apostrophes stay as written, and so do dashes and dots.
SMARTY = {
    "smart_dashes": False,
    "smart_ellipses": False,
    "smart_angled_quotes": False,
    "substitutions": {
        "left-double-quote": "&raquo;",
        "right-double-quote": "&laquo;",
        "left-single-quote": "&#39;",
        "right-single-quote": "&#39;",
    },
}

_HEADING = re.compile(r"<(/?)h([1-6])>")
_MD_HEADING = re.compile(r"^(#{1,6})(?=\s)", re.MULTILINE)
_RAW_TAG = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?|mailto):)")
_LINK_TARGET = re.compile(r"(\]\(\s*<?|\]:\s*<?)([^)>\n]*)")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:")
_MD_INLINE_SPECIAL = re.compile(r"([\\\[\]|])")


def to_html(text: str, heading_level: int = 3) -> str:
    """Render Markdown to sanitised HTML; its headings start at `heading_level`."""
    html = _parser(*_needs(text)).reset().convert(text)
    html = _shift_headings(html, heading_level)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        attribute_filter=_safe_link,
        link_rel="noopener noreferrer",
    ).strip()


def _safe_link(element: str, attribute: str, value: str) -> str | None:
    """Drop a link whose scheme, as a browser reads it, is not allowed: nh3 lets
    `jav<TAB>ascript:` pass as a relative link, browsers drop the tab and run it."""
    if attribute == "href" and not _allowed_target(value):
        return None
    return value


def _allowed_target(target: str) -> bool:
    """Whether a link target is relative or has an allowed scheme, judged as a browser
    reads it after any Markdown renderer: backslash escapes (CommonMark reads
    `javascript\\:` as `javascript:`), entities and %-escapes decoded, tabs, newlines
    and blanks dropped."""
    decoded = unquote(_unbackslash(html.unescape(_unbackslash(target))))
    scheme = _SCHEME.match("".join(ch for ch in decoded if ch > " ").lower())
    return scheme is None or scheme.group()[:-1] in URL_SCHEMES


_BACKSLASH_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: before ASCII punctuation


def _unbackslash(text: str) -> str:
    return _BACKSLASH_ESCAPE.sub(r"\1", text)


# Python-Markdown tries each inline pattern on every text node, and smarty's fifteen quote
# patterns once more: a third of a build. A pattern cannot match a text that holds none of
# the characters it starts from, so a text is converted by a parser without the patterns it
# cannot need, with the same output (tests/test_markup_parsers.py holds the three to it).
INLINE_PATTERNS = (  # Python-Markdown's, each starting from one of _INLINE_CHARS
    "backtick", "escape", "reference", "link", "image_link", "image_reference",
    "short_reference", "short_image_ref", "autolink", "automail", "linebreak", "html",
    "entity", "em_strong",
)  # fmt: skip
# A line break is two blanks before a line's end, also once a tab is blanks and \r a \n.
_INLINE_CHARS = re.compile(r"[`\\\[<&*_\t\r]|  \n")
_QUOTES = ("'", '"')  # smarty's quote patterns (its dashes and ellipses are off)


def _needs(text: str) -> tuple[bool, bool]:
    """Whether `text` may need the inline patterns, and smarty's quotes."""
    quotes = any(q in text for q in _QUOTES)
    return quotes or _INLINE_CHARS.search(text) is not None, quotes


@cache
def _parser(inline: bool, quotes: bool) -> markdown.Markdown:
    """One parser of each kind, reset between texts: building a parser costs more than
    converting. The extensions are given as themselves, not by name: a name is looked up
    among the installed entry points, which imports importlib.metadata and scans every
    package. Without `quotes` no smarty; without `inline` no inline pattern at all."""
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.smarty import SmartyExtension

    extensions: list[markdown.Extension] = [SaneListExtension()]
    if quotes:
        extensions.append(SmartyExtension(**SMARTY))
    parser = markdown.Markdown(extensions=extensions, output_format="html")
    if not inline:
        for name in INLINE_PATTERNS:
            parser.inlinePatterns.deregister(name, strict=False)
    return parser


def _shift_headings(html: str, first: int) -> str:
    def shift(match: re.Match[str]) -> str:
        level = min(int(match.group(2)) + first - 1, 6)
        return f"<{match.group(1)}h{level}>"

    return _HEADING.sub(shift, html)


def to_markdown(text: str, heading_level: int = 3) -> str:
    """Markdown for plan.md: raw HTML shown as text, unsafe link schemes disarmed."""
    text = _RAW_TAG.sub("&lt;", text.replace("\r\n", "\n").strip())
    text = _LINK_TARGET.sub(_disarm, text)

    def shift(match: re.Match[str]) -> str:
        return "#" * min(len(match.group(1)) + heading_level - 1, 6)

    return _MD_HEADING.sub(shift, text)


def _disarm(match: re.Match[str]) -> str:
    """A link target whose scheme could run or embed something, made a harmless anchor."""
    if _allowed_target(match.group(2)):
        return match.group()
    return match.group(1) + "#unsafe-" + match.group(2)


def md_inline(text: str) -> str:
    """One line of plain text made safe for a Markdown table cell or heading: no raw
    HTML, no link, no column break."""
    flat = " ".join(text.split())
    return _MD_INLINE_SPECIAL.sub(r"\\\1", _RAW_TAG.sub("&lt;", flat))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]~#|])")


def md_words(text: str) -> str:
    """A run of words for inline Markdown: one line, every Markdown character escaped.

    A single space is kept at either end, so that runs can be joined as typed.
    """
    flat = " ".join(text.split())
    if flat and text[:1].isspace():
        flat = " " + flat
    if flat and text[-1:].isspace():
        flat += " "
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat) if flat.strip() else " " if text else ""
