"""Line-level helpers for scraped page text: clean-up, shape tests, bullets, match keys."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from app.text.normalize import collapse_spaces, normalize

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,6});")
# Bidi controls and zero-width characters: invisible in display, poison for matching.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u00ad]")
# Markup a scraper left in the text: "<b>2254</b>", "<br/>", "<span class=...>".
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,9}(?:\s[^<>]{0,200})?/?>")
# Markdown emphasis around words, opened and closed: "*اليونيفيل*", "**عاجل**"; a lone star
# stays (a bullet, a note on the writer "*كاتب سوري", a footnote)
_EMPHASIS = re.compile(r"(?<!\w)(\*{1,3}|_{2,3})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?!\w)")
_GLYPH_BULLET = re.compile(r"^[•●○◦▪▫■□◾◽◼◻▸►▶➢➤✓✔·]\s*(?=\S)")
_DASH_BULLET = re.compile(r"^[*\-–—]\s+(?=\S)")
_NUMBER_BULLET = re.compile(r"^\(?[0-9٠-٩]{1,2}\s?[.)\-–]\)?\s+(?=\S)")
# A paragraph ends like a sentence (or a quote, or a colon that opens one).
_SENTENCE_END = frozenset(".!?؟…:;؛،,\"»”’)]'")
_HEADING_MAX_WORDS = 10
_PARAGRAPH_MIN_WORDS = 12
_KEY_PUNCTUATION = re.compile(r"[^\w\s+©]|_")
# Reporting verbs and connectives that open story paragraphs, never subheadings: on sites
# that drop final periods, "وأضاف أن الوفد سيعود غداً" must not become a heading.
# fmt: off
_PARAGRAPH_OPENERS = frozenset(normalize(word) for word in (
    "قال", "وقال", "قالت", "وقالت", "أضاف", "وأضاف", "أكد", "وأكد", "أشار", "وأشار", "تابع",
    "وتابع", "أوضح", "وأوضح", "ذكر", "وذكر", "لفت", "ولفت", "شدد", "وشدد", "اعتبر", "واعتبر",
    "أعلن", "وأعلن", "أعلنت", "وأعلنت", "أفاد", "وأفاد", "أفادت", "وأفادت", "كان", "وكان",
    "كانت", "وكانت", "وفي", "ومن", "وعلى", "وهو", "وهي", "وهذا", "وذلك", "ولم", "ولا", "وقد",
    "وبحسب", "ووفق", "وبين", "وأكدت", "وأشارت", "وتابعت", "وأوضحت", "وذكرت", "ولفتت", "وشددت",
    "واعتبرت", "وأضافت", "وعن", "كما", "فيما", "بينما",
))
# fmt: on


def clean_line(line: str) -> str:
    """Display clean-up: stray HTML entities and tags, markdown emphasis, bidi marks, NBSP
    and runs of spaces."""
    for _ in range(2):  # "&amp;quot;" is escaped twice
        if not _ENTITY.search(line):
            break
        line = html.unescape(line)
    if "<" in line:
        line = _TAG.sub(" ", line)
    if "*" in line or "__" in line:
        line = _EMPHASIS.sub(r"\2", line)
    return collapse_spaces(_INVISIBLE.sub("", line))


# A parser asks several rules about each line, and each folds it or counts its words: the
# answers are kept for the lines of the last few articles.
_LINES_KEPT = 2048
# The same for a rule's answer about a whole line: the title's pick and the header's two
# walks (a dry run, then the real one) ask it again of the same lines, and a site prints
# the same chrome on every page. Only for pure functions of the line with immutable answers.
per_line = lru_cache(maxsize=_LINES_KEPT)


@lru_cache(maxsize=_LINES_KEPT)
def word_count(line: str) -> int:
    """Words of a line: asked some five times a line by the rules, and a paragraph's split
    makes a string a word."""
    return len(line.split())


@lru_cache(maxsize=_LINES_KEPT)
def normalized_line(line: str) -> str:
    return normalize(line)


@lru_cache(maxsize=_LINES_KEPT)
def match_key(line: str) -> str:
    """The line folded for phrase matching: normalized, no punctuation, single spaces."""
    return " ".join(_KEY_PUNCTUATION.sub(" ", normalized_line(line)).split())


def ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _SENTENCE_END


def is_paragraph_like(line: str) -> bool:
    """Body text for sure: a finished sentence or too long for a heading or a headline."""
    return ends_sentence(line) or word_count(line) >= _PARAGRAPH_MIN_WORDS


def opens_paragraph(line: str) -> bool:
    """Whether the line opens with a reporting verb or a connective: story text going on."""
    return bool(line.split()) and normalize(line.split()[0]) in _PARAGRAPH_OPENERS


def is_heading_shaped(line: str) -> bool:
    """Short and unfinished: a subheading if body text follows it ("؟" allowed)."""
    if not line or word_count(line) > _HEADING_MAX_WORDS or is_bullet(line):
        return False
    if opens_paragraph(line):
        return False
    return line[-1] in "؟?" or not ends_sentence(line)


def is_bullet(line: str) -> bool:
    return bool(_GLYPH_BULLET.match(line) or _DASH_BULLET.match(line) or _NUMBER_BULLET.match(line))


def strip_glyph_bullet(line: str) -> str:
    """Drop a bullet glyph; keep list numbers, which are part of the text."""
    return _DASH_BULLET.sub("", _GLYPH_BULLET.sub("", line))


def strip_any_bullet(line: str) -> str:
    """A summary point's text: glyph or number gone."""
    return _NUMBER_BULLET.sub("", strip_glyph_bullet(line))


def has_letters(line: str) -> bool:
    return any(ch.isalpha() for ch in line)
