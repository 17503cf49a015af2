"""A block of display text seen through its normalized form, as tokens with sentence numbers.

Rule-based extractors match on the normalized text and report offsets in the display text;
this keeps the two in step. Tokens are words, numbers (with their inner "/" or "." kept, so a
date or a session-style number stays one token) and single punctuation marks.

Several extractors read the same block (citations, then statements): `shared()` hands them
one NormText per text instead of normalizing and tokenizing it again for each.
"""

from __future__ import annotations

import bisect
import copy
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from app.text.normalize import normalize
from app.text.sentences import sentence_spans

_TOKEN = re.compile(r"(\d+(?:[./:\-]\d+)*)|([^\W\d_]+)|(\S)")


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


_KINDS = (Kind.PUNCT, Kind.NUMBER, Kind.WORD, Kind.PUNCT)  # by the regex group that matched


@dataclass(slots=True)  # not frozen: a frozen dataclass costs four times as much to build
class Tok:
    kind: Kind
    text: str  # normalized
    start: int  # offsets into the normalized text
    end: int
    sentence: int


class NormText:
    """Normalized text, its sentences, and its tokens, built sentence by sentence on demand.

    `only(sentences)` gives a view of the same text whose `tokens` are those of the chosen
    sentences (a reader that only looks at sentences with a reporting verb or the noun قرار
    never tokenizes the others). Token indices are then indices into the view's tokens; the
    gaps between chosen sentences look like sentence boundaries, which they are.
    """

    def __init__(self, display: str) -> None:
        self.display = display
        self.text, self._origin = fold_with_map(display)
        self._plain = isinstance(self._origin, range)  # nothing dropped: the same offsets
        self.sentences = sentence_spans(self.text)
        self._by_sentence: list[list[Tok] | None] = [None] * len(self.sentences)

    @cached_property
    def tokens(self) -> list[Tok]:
        """Built on first use: a reader that only needs the text never pays for them."""
        return self._gather(range(len(self.sentences)))

    @cached_property
    def starts(self) -> list[int]:
        """Where each token starts, for bisecting."""
        return [t.start for t in self.tokens]

    def only(self, sentences: Iterable[int]) -> NormText:
        """A view of this text with the tokens of `sentences` only (indices into .sentences)."""
        view = copy.copy(self)
        view.__dict__.pop("starts", None)
        view.__dict__["tokens"] = self._gather(sorted(set(sentences)))
        return view

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that holds normalized `offset` (or the one before it)."""
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    def _gather(self, sentences: Iterable[int]) -> list[Tok]:
        tokens: list[Tok] = []
        for k in sentences:
            found = self._by_sentence[k]
            if found is None:
                start, end = self.sentences[k]
                found = self._by_sentence[k] = _sentence_tokens(self.text, start, end, k)
            tokens += found
        return tokens

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of the normalized span [start, end) (end > start)."""
        return self._origin[start], self._origin[end - 1] + 1

    def from_display(self, offset: int) -> int:
        """The first normalized position whose character comes from display `offset` or later."""
        if self._plain:
            return min(max(offset, 0), len(self.text))
        return bisect.bisect_left(self._origin, offset)

    def token_at(self, start: int) -> int | None:
        """Index of the first token that starts at or after normalized position `start`."""
        index = bisect.bisect_left(self.starts, start)
        return index if index < len(self.tokens) else None


@lru_cache(maxsize=512)
def shared(display: str) -> NormText:
    """The NormText of `display`, built once for all the extractors that read it.
    Callers must not change what they get (it is shared)."""
    return NormText(display)


def _sentence_tokens(text: str, start: int, end: int, k: int) -> list[Tok]:
    # A token never crosses a sentence boundary (sentences end after punctuation followed by
    # a space, or at a line break), so each sentence is tokenized on its own.
    kinds = _KINDS
    return [
        Tok(kinds[m.lastindex or 0], m.group(), m.start(), m.end(), k)
        for m in _TOKEN.finditer(text, start, end)
    ]


# -- normalization with an offset map, at str.translate speed -------------------------------


class _FoldTable(dict[int, str]):
    """str.translate table, filled with `normalize` on first sight of each character.

    It also learns which characters do not fold to exactly one character (dropped marks,
    ligatures that expand), the only places where the offset map is not the identity.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._irregular: set[str] = set()
        self.irregular: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        folded = normalize(chr(code))
        if len(folded) != 1:
            with self._lock:
                self._irregular.add(chr(code))
                chars = "".join(sorted(self._irregular))
                self.irregular = re.compile("[" + re.escape(chars) + "]")
        self[code] = folded  # stored last: whoever reads it sees the pattern updated
        return folded


_TABLE = _FoldTable()


def fold_with_map(text: str) -> tuple[str, Sequence[int]]:
    """What `app.text.normalize.normalize_with_map` returns, with the map as a range when no
    character was dropped or expanded (the common case), else a list spliced around them."""
    norm = text.translate(_TABLE)
    pattern = _TABLE.irregular
    if pattern is None or not pattern.search(text):
        return norm, range(len(text))
    origin: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        i = match.start()
        origin.extend(range(pos, i))
        origin.extend([i] * len(_TABLE[ord(text[i])]))
        pos = i + 1
    origin.extend(range(pos, len(text)))
    return norm, origin
