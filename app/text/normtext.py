"""A block of display text seen through its normalized form, as tokens with sentence numbers.

Rule-based extractors match on the normalized text and report offsets in the display text;
this keeps the two in step. Tokens are words, numbers (with their inner "/" or "." kept, so a
date or a session-style number stays one token) and single punctuation marks.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from app.text.normalize import normalize_with_map
from app.text.sentences import sentence_spans

_TOKEN = re.compile(r"(\d+(?:[./:\-]\d+)*)|([^\W\d_]+)|(\S)")


class Kind(StrEnum):
    WORD = "word"
    NUMBER = "number"
    PUNCT = "punct"


@dataclass(frozen=True, slots=True)
class Tok:
    kind: Kind
    text: str  # normalized
    start: int  # offsets into the normalized text
    end: int
    sentence: int


class NormText:
    def __init__(self, display: str) -> None:
        self.display = display
        self.text, self._origin = normalize_with_map(display)
        self.sentences = sentence_spans(self.text)
        starts = [start for start, _ in self.sentences]
        self.tokens: list[Tok] = []
        for match in _TOKEN.finditer(self.text):
            kind = Kind.NUMBER if match.group(1) else Kind.WORD if match.group(2) else Kind.PUNCT
            sentence = max(bisect.bisect_right(starts, match.start()) - 1, 0)
            self.tokens.append(Tok(kind, match.group(), match.start(), match.end(), sentence))
        self._starts = [t.start for t in self.tokens]

    def to_display(self, start: int, end: int) -> tuple[int, int]:
        """Display offsets of the normalized span [start, end) (end > start)."""
        return self._origin[start], self._origin[end - 1] + 1

    def from_display(self, offset: int) -> int:
        """The first normalized position whose character comes from display `offset` or later."""
        return bisect.bisect_left(self._origin, offset)

    def token_at(self, start: int) -> int | None:
        """Index of the first token that starts at or after normalized position `start`."""
        index = bisect.bisect_left(self._starts, start)
        return index if index < len(self.tokens) else None
