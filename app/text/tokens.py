"""Word tokens with their offsets, over normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Runs of letters (`[^\W\d_]+`) and of letters or digits (`[^\W_]+`), written for speed:
# the regex engine tests each character of those classes against the Unicode tables several
# times, of a range in two comparisons. Most text here is Arabic letters, so a run of them is
# tried first, whole (possessive), and taken only when no other letter (or digit) follows:
# then it is the very run the class alone would match; else the class alone matches it.
_ARABIC_RUN = "[\u0621-\u063a\u0641-\u064a]++"
LETTER_RUN = rf"(?:{_ARABIC_RUN}(?![^\W\d_])|[^\W\d_]+)"
ALNUM_RUN = rf"(?:{_ARABIC_RUN}(?![^\W_])|[^\W_]+)"

# Letters, digits and Arabic marks; not the Arabic comma, semicolon or question mark.
WORD = re.compile(r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
