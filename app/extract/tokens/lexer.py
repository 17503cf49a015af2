"""A block as the actor rules read it: its word tokens (`NormText.words`) with the block they
come from, and the tests on the gaps between words and on a word's clitic readings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.extract.tokens.normtext import NormText
from app.extract.tokens.tok import COMMA, QUOTE, SPACE, STOP, Tok
from app.extract.tokens.words import COMMAS, ENTITY, QUOTES
from app.ingest.model import TextBlock
from app.text.clitics import PREFIXES, clitic_splits
from app.text.memo import EVERY_TOKEN


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


def lex(block: TextBlock, folded: NormText | None = None) -> Block:
    """The block's word tokens; `folded` is its NormText when the caller has it already."""
    if folded is None:
        folded = NormText(block.text)
    words = folded.words
    return Block(block, words.toks, folded, words.norms)


_DISPLAY_ENTITY = re.compile(ENTITY.pattern, re.IGNORECASE)


def clean_display(text: str) -> str:
    """Display text of a name or title: stray HTML entities out, spaces collapsed."""
    if "&" in text:
        text = _DISPLAY_ENTITY.sub(" ", text)
    return " ".join(text.split())


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
    return all(ch in _SOFT or ch in COMMAS for ch in gap)


@lru_cache(maxsize=EVERY_TOKEN)
def readings(token: str) -> tuple[tuple[str, str], ...]:
    """(proclitic, stem) readings of a normalized token, the bare one first.

    Readings that keep the article in the stem (و + الائتلاف) come before those that
    strip it (وال + ائتلاف), so spans and aliases keep their article. Stems shorter than
    three letters are dropped: "وسط" is not و + "سط".
    """
    kept = [(p, s) for p, s in clitic_splits(token) if not p or len(s) >= 3]
    return tuple(sorted(kept, key=lambda r: (r[0] != "", r[0].endswith("ال"))))


@lru_cache(maxsize=EVERY_TOKEN)
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


_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")


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
