"""Word tokens of one block: normalized for matching, with offsets into the display text.

`app.text.tokens.tokenize` keeps Arabic punctuation (، ؛ ؟) glued to words because its
character class spans the whole Arabic block; the recognizer needs that punctuation as
boundaries, so it tokenizes here with `[^\\W_]+` and records what separates the words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.extract.tokens.normtext import NormText
from app.extract.tokens.tok import COMMA, MARKS, QUOTE, SPACE, STOP, Kind, Tok, is_mark
from app.ingest.model import TextBlock
from app.text.clitics import PREFIXES, clitic_splits

WORD_RE = re.compile(r"[^\W_]+")
# HTML entities left in scraped text ("&nbsp;", "&#160;") stand for a space here.
_ENTITY = re.compile(r"&(?:[a-z]{2,8}|#[0-9]{1,6}|#x[0-9a-f]{1,6});")

# A hyphen glued to letters on both sides joins the parts of one compound name
# ("توماس-غرينفيلد", "هينيس-بلاسخارت"): it reads as a space. Spaced dashes stay stops.
_JOINERS = frozenset("-\u2010\u2011")

_COMMAS = frozenset("،,")
_STOPS = frozenset(".!?؟؛;:\n()[]{}-–—ـ/|•*…")
_QUOTES = frozenset("\"'«»“”‘’„")
_WORD, _NUMBER = Kind.WORD, Kind.NUMBER


@dataclass(frozen=True, slots=True)
class Block:
    """A TextBlock seen as its word tokens, over the NormText they were cut from."""

    source: TextBlock
    toks: tuple[Tok, ...]
    folded: NormText
    norms: tuple[str, ...]  # the tokens' normalized forms, for set tests on the whole block

    @property
    def origin(self) -> Sequence[int]:
        return self.folded.origin

    def display_start(self, index: int, prefix: str) -> int:
        """Display offset where token `index` begins once `prefix` (a proclitic) is dropped."""
        tok = self.toks[index]
        return self.folded.origin[tok.nstart + len(prefix)] if prefix else tok.start

    def text(self, start: int, end: int) -> str:
        return self.source.text[start:end]


def _sentence_bounds(folded: NormText) -> list[int]:
    """Where each sentence after the first starts, then a sentinel past every token: the
    tokenizers below walk it alongside the tokens to number their sentences."""
    return [start for start, _ in folded.sentences[1:]] + [sys.maxsize]


_WORD_SPLIT = re.compile(r"([^\W_]+)")  # WORD_RE, kept by re.split: gap, word, gap, ...


def lex(block: TextBlock, folded: NormText | None = None) -> Block:
    """The block's word tokens; `folded` is its NormText when the caller has it already."""
    text = block.text
    if folded is None:
        folded = NormText(text)
    norm, origin = folded.text, folded.origin
    if "&" in norm and _ENTITY.search(norm):
        return _lex_with_entities(block, folded)
    parts = _WORD_SPLIT.split(norm)  # gap, word, gap, word, ..., gap
    bounds = _sentence_bounds(folded)
    if isinstance(origin, range):
        toks = _plain_tokens(text, parts, bounds)
    else:
        toks = _mapped_tokens(text, parts, origin, bounds)
    return Block(block, tuple(toks), folded, tuple(parts[1::2]))


def _plain_tokens(text: str, parts: list[str], bounds: list[int]) -> list[Tok]:
    """Tokens of a text whose folded form has the same offsets. A folded gap of one space
    was a space of some kind (NBSP...), which separates like a space; any other gap is read
    from the display text, as in `_mapped_tokens`."""
    toks: list[Tok] = []
    append = toks.append
    pos = len(parts[0])
    size = len(text)
    sep = STOP
    sentence, next_sentence = 0, bounds[0]
    for k in range(1, len(parts), 2):
        word = parts[k]
        start = pos
        end = pos = pos + len(word)
        while start >= next_sentence:
            sentence += 1
            next_sentence = bounds[sentence]
        kind = _NUMBER if word.isdecimal() else _WORD
        if word.isascii():
            capital = text[start].isupper()
            append(Tok(kind, word, start, start, end, sentence, sep, True, capital))
        else:
            append(Tok(kind, word, start, start, end, sentence, sep, False, False))
        gap = parts[k + 1]
        pos += len(gap)
        if gap == " " or (gap in _JOINERS and pos < size and _joins(text, end, pos)):
            sep = SPACE  # (after the last word, pos is the end of the text)
        else:
            sep = _separator(text[end:pos])
    return toks


def _mapped_tokens(
    text: str, parts: list[str], origin: Sequence[int], bounds: list[int]
) -> list[Tok]:
    """Tokens of a text that lost characters to folding (marks, tatweel, invisible ones):
    display offsets through `origin`, separators from the display text."""
    toks: list[Tok] = []
    append = toks.append
    pos = len(parts[0])
    size = len(text)
    prev_end = -1
    sentence, next_sentence = 0, bounds[0]
    for k in range(1, len(parts), 2):
        word = parts[k]
        nstart = pos
        nend = nstart + len(word)
        pos = nend + len(parts[k + 1])
        while nstart >= next_sentence:
            sentence += 1
            next_sentence = bounds[sentence]
        start, end = origin[nstart], origin[nend - 1] + 1
        while end < size and text[end] in MARKS:
            end += 1  # keep a word's last vowel mark or tatweel inside its span
        if prev_end < 0:
            sep = STOP
        elif start - prev_end == 1 and parts[k - 1] == " ":
            sep = SPACE  # one display character, folded to a space: a space of some kind
        else:
            gap = text[prev_end:start]
            if gap == " " or (gap in _JOINERS and _joins(text, prev_end, start)):
                sep = SPACE
            else:
                sep = _separator(gap)
        kind = _NUMBER if word.isdecimal() else _WORD
        if word.isascii():
            capital = text[start].isupper()
            append(Tok(kind, word, nstart, start, end, sentence, sep, True, capital))
        else:
            append(Tok(kind, word, nstart, start, end, sentence, sep, False, False))
        prev_end = end
    return toks


def _lex_with_entities(block: TextBlock, folded: NormText) -> Block:
    """`lex` for a text with HTML entities in it: the words inside them are left out."""
    text, norm, origin = block.text, folded.text, folded.origin
    plain = isinstance(origin, range)  # nothing dropped: offsets are the same
    size = len(text)
    toks: list[Tok] = []
    append = toks.append
    prev_end = 0
    sep = STOP
    bounds = _sentence_bounds(folded)
    sentence = 0
    entities = [m.span() for m in _ENTITY.finditer(norm)]
    for match in WORD_RE.finditer(norm):
        nstart, nend = match.span()
        if any(a < nstart < b for a, b in entities):
            continue
        while nstart >= bounds[sentence]:
            sentence += 1
        if plain:
            start, end = nstart, nend
        else:
            start, end = origin[nstart], origin[nend - 1] + 1
            while end < size and text[end] in MARKS:
                end += 1  # keep a word's last vowel mark or tatweel inside its span
        word = match.group()
        if toks:
            gap = text[prev_end:start]
            if gap == " " or (gap in _JOINERS and _joins(text, prev_end, start)):
                sep = SPACE
            else:
                sep = _separator(gap)
        kind = _NUMBER if word.isdecimal() else _WORD
        latin = word.isascii()
        capital = latin and text[start].isupper()
        append(Tok(kind, word, nstart, start, end, sentence, sep, latin, capital))
        prev_end = end
    return Block(block, tuple(toks), folded, tuple(t.norm for t in toks))


_DISPLAY_ENTITY = re.compile(_ENTITY.pattern, re.IGNORECASE)


def clean_display(text: str) -> str:
    """Display text of a name or title: stray HTML entities out, spaces collapsed."""
    if "&" in text:
        text = _DISPLAY_ENTITY.sub(" ", text)
    return " ".join(text.split())


def _joins(text: str, before: int, after: int) -> bool:
    """A hyphen between two letters (not digits: "ES-10", "Mi-8" stay apart)."""
    left = text[before - 1]
    return (left.isalpha() or is_mark(left)) and text[after].isalpha()


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


@lru_cache(maxsize=65536)
def reading_stems(token: str) -> frozenset[str]:
    """The stems of `readings(token)`: a set to test against a dictionary at C speed."""
    return frozenset(stem for _, stem in readings(token))


def written_forms(stems: Iterable[str], prefixes: Iterable[str] = PREFIXES) -> frozenset[str]:
    """Every token `readings` can read as one of `stems`, bare or with one of `prefixes`.

    A superset of the tokens that a test on reading stems accepts: a block with none of
    them in its `norms` has nothing for that test, which one set operation tells.
    """
    forms: set[str] = set()
    prefixes = tuple(prefixes)
    for stem in stems:
        forms.add(stem)
        for prefix in prefixes:
            if not prefix.endswith("لل"):
                forms.add(prefix + stem)
            elif stem.startswith("ال"):
                forms.add(prefix + stem[2:])  # "لل" is written on the stem without its article
    return frozenset(forms)


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")


def has_quotes(block: Block) -> bool:
    """Whether any token of the block may have QUOTE in its separator."""
    return _QUOTE_MARK.search(block.source.text) is not None


def stem_of(token: str, prefix: str) -> str:
    """The stem `readings(token)` gives with `prefix` ("لل" gives back the article)."""
    if not prefix:
        return token
    stem = token[len(prefix) :]
    return "ال" + stem if prefix.endswith("لل") else stem


def bare(token: str) -> str:
    """The token without the definite article: "الهيئه" -> "هيئه" (short words kept)."""
    return token[2:] if token.startswith("ال") and len(token) > 3 else token
