"""Word tokens of one block: normalized for matching, with offsets into the display text.

`app.text.tokens.tokenize` keeps Arabic punctuation (، ؛ ؟) glued to words because its
character class spans the whole Arabic block; the recognizer needs that punctuation as
boundaries, so it tokenizes here with `[^\\W_]+` and records what separates the words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.ingest.model import TextBlock
from app.text.clitics import clitic_splits
from app.text.normalize import _fold_char

WORD_RE = re.compile(r"[^\W_]+")
# HTML entities left in scraped text ("&nbsp;", "&#160;") stand for a space here.
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#[0-9]{1,6}|#x[0-9a-f]{1,6});")

# What stands between a token and the one before it, as bit flags.
SPACE = 0
COMMA = 1  # ، , : a soft boundary (appositions: "رئيس الهيئة، بدر جاموس،")
STOP = 2  # . ! ? ؛ ; : newline, dashes, brackets: nothing spans it
QUOTE = 4  # " « » “ ” ' : names may sit inside quotes, phrases must not cross them
# A hyphen glued to letters on both sides joins the parts of one compound name
# ("توماس-غرينفيلد", "هينيس-بلاسخارت"): it reads as a space. Spaced dashes stay stops.
_JOINERS = frozenset("-\u2010\u2011")

_COMMAS = frozenset("،,")
_STOPS = frozenset(".!?؟؛;:\n()[]{}-–—ـ/|•*…")
_QUOTES = frozenset("\"'«»“”‘’„")


@dataclass(slots=True)  # not frozen: frozen dataclasses are slow to build, and lex is hot
class Tok:
    norm: str  # normalized form, clitics included
    start: int  # display offsets [start, end)
    end: int
    nstart: int  # offset of the token in the normalized text
    sep: int  # flags for the characters between the previous token and this one
    latin: bool  # written in Latin script (a foreign name quoted as is)
    capital: bool  # Latin and capitalized


@dataclass(frozen=True, slots=True)
class Block:
    """A TextBlock with its tokens and the normalized-to-display offset map."""

    source: TextBlock
    toks: tuple[Tok, ...]
    origin: Sequence[int]

    def display_start(self, index: int, prefix: str) -> int:
        """Display offset where token `index` begins once `prefix` (a proclitic) is dropped."""
        tok = self.toks[index]
        return self.origin[tok.nstart + len(prefix)] if prefix else tok.start

    def text(self, start: int, end: int) -> str:
        return self.source.text[start:end]


def lex(block: TextBlock) -> Block:
    text = block.text
    norm, origin = fold_with_map(text)
    plain = isinstance(origin, range)  # nothing dropped: offsets are the same
    toks: list[Tok] = []
    append = toks.append
    prev_end = 0
    sep = STOP
    entities = [m.span() for m in _ENTITY.finditer(norm)] if "&" in norm else []
    for match in WORD_RE.finditer(norm):
        nstart, nend = match.span()
        if entities and any(a < nstart < b for a, b in entities):
            continue
        if plain:
            start, end = nstart, nend
        else:
            start, end = origin[nstart], origin[nend - 1] + 1
            while end < len(text) and is_mark(text[end]):
                end += 1  # keep a word's last vowel mark or tatweel inside its span
        word = match.group()
        if toks:
            gap = text[prev_end:start]
            if gap == " " or (gap in _JOINERS and _joins(text, prev_end, start)):
                sep = SPACE
            else:
                sep = _separator(gap)
        if word.isascii():
            append(Tok(word, start, end, nstart, sep, True, text[start].isupper()))
        else:
            append(Tok(word, start, end, nstart, sep, False, False))
        prev_end = end
    return Block(block, tuple(toks), origin)


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
# Characters whose folded form is not exactly one character (dropped marks, ligatures).
_MULTI = re.compile(
    "[\u00ad\u0130\u061c\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u200b-\u200f"
    "\u202a-\u202e\u2066-\u2069\ufb50-\ufeff]"
)


_DISPLAY_ENTITY = re.compile(_ENTITY.pattern, re.IGNORECASE)


def clean_display(text: str) -> str:
    """Display text of a name or title: stray HTML entities out, spaces collapsed."""
    if "&" in text:
        text = _DISPLAY_ENTITY.sub(" ", text)
    return " ".join(text.split())


def fold(text: str) -> str:
    """`app.text.normalize.normalize`, through the same cached table as `fold_with_map`."""
    return text.translate(_TABLE)


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """What `app.text.normalize.normalize_with_map` returns, several times faster.

    Most characters fold to exactly one character, so the offset map is a range with a
    few splices where marks are dropped or ligatures expand.
    """
    norm = text.translate(_TABLE)
    if not _MULTI.search(text) and len(norm) == len(text):
        return norm, range(len(text))
    origin: list[int] = []
    pos = 0
    for match in _MULTI.finditer(text):
        i = match.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    if len(origin) != len(norm):  # a character folded to several outside _MULTI
        origin = [i for i, ch in enumerate(text) for _ in _TABLE[ord(ch)]]
    return norm, origin


def _joins(text: str, before: int, after: int) -> bool:
    """A hyphen between two letters (not digits: "ES-10", "Mi-8" stay apart)."""
    left = text[before - 1]
    return (left.isalpha() or is_mark(left)) and text[after].isalpha()


def is_mark(ch: str) -> bool:
    return ch == "\u0640" or ("\u064b" <= ch <= "\u065f") or ch == "\u0670"


def _separator(gap: str) -> int:
    if gap == " ":
        return SPACE
    if "&" in gap:
        gap = _ENTITY.sub(" ", gap.lower())
    flags = SPACE
    for ch in gap:
        if ch in _COMMAS:
            flags |= COMMA
        elif ch in _STOPS:
            flags |= STOP
        elif ch in _QUOTES:
            flags |= QUOTE
    return flags


# Characters that may sit between the words of one phrase without ending it: a name in
# quotes or an acronym in brackets inside a title ("مديرة جمعية «سنابل»", "(تقدم)").
_SOFT = frozenset(" \u00a0()«»\"“”'")


def soft_gap(block: Block, k: int) -> bool:
    """Token k follows its neighbour with only spaces, quotes or brackets between."""
    tok = block.toks[k]
    if tok.sep == SPACE:
        return True
    if tok.sep & COMMA or k == 0:
        return False
    return all(ch in _SOFT for ch in block.source.text[block.toks[k - 1].end : tok.start])


def gap(block: Block, k: int) -> str:
    """The display text between token k-1 and token k."""
    return block.source.text[block.toks[k - 1].end : block.toks[k].start] if k else ""


def bracket_end(block: Block, k: int, longest: int = 4) -> int | None:
    """When a bracket opens before token k: the index of the token after it closes."""
    if k == 0 or not block.toks[k].sep & STOP or "(" not in gap(block, k):
        return None
    for n in range(k + 1, min(k + longest + 1, len(block.toks) + 1)):
        if n == len(block.toks):
            rest = block.source.text[block.toks[n - 1].end :]
            return n if rest.lstrip().startswith(")") else None
        between = gap(block, n)
        if ")" in between:
            return n
        if block.toks[n].sep & ~QUOTE:
            return None
    return None


def comma_gap(block: Block, k: int) -> bool:
    """A comma before token k, with at most quotes or brackets around it ("(تقدم)، خالد")."""
    tok = block.toks[k]
    if tok.sep == COMMA:
        return True
    if not tok.sep & COMMA or k == 0:
        return False
    gap = block.source.text[block.toks[k - 1].end : tok.start]
    return all(ch in _SOFT or ch in _COMMAS for ch in gap)


@lru_cache(maxsize=65536)
def readings(token: str) -> tuple[tuple[str, str], ...]:
    """(proclitic, stem) readings of a normalized token, the bare one first.

    Readings that keep the article in the stem (و + الائتلاف) come before those that
    strip it (وال + ائتلاف), so spans and aliases keep their article. Stems shorter than
    three letters are dropped: "وسط" is not و + "سط".
    """
    kept = [(p, s) for p, s in clitic_splits(token) if not p or len(s) >= 3]
    return tuple(sorted(kept, key=lambda r: (r[0] != "", r[0].endswith("ال"))))


def bare(token: str) -> str:
    """The token without the definite article: "الهيئه" -> "هيئه" (short words kept)."""
    return token[2:] if token.startswith("ال") and len(token) > 3 else token
