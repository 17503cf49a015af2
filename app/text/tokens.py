"""Word tokens with their offsets, over normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters, digits and Arabic marks; not the Arabic comma, semicolon or question mark.
WORD = re.compile(r"(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]
